//! Words of time: units, months, weekdays and the words around them.

use jiff::civil::Weekday;

/// Units of time a duration or relative time counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Year,
    Decade,
    Century,
}

impl TimeUnit {
    /// The amount in the unit reported in [`FactValue::Duration`]:
    /// decades and centuries are given in years.
    ///
    /// [`FactValue::Duration`]: crate::extract::FactValue::Duration
    pub(crate) fn canonical(self, amount: f64) -> (f64, &'static str) {
        match self {
            TimeUnit::Second => (amount, "second"),
            TimeUnit::Minute => (amount, "minute"),
            TimeUnit::Hour => (amount, "hour"),
            TimeUnit::Day => (amount, "day"),
            TimeUnit::Week => (amount, "week"),
            TimeUnit::Fortnight => (amount * 2.0, "week"),
            TimeUnit::Month => (amount, "month"),
            TimeUnit::Year => (amount, "year"),
            TimeUnit::Decade => (amount * 10.0, "year"),
            TimeUnit::Century => (amount * 100.0, "year"),
        }
    }
}

/// A unit of time word: (unit, plural form).
pub(crate) fn time_unit(w: &str) -> Option<(TimeUnit, bool)> {
    Some(match w {
        "second" => (TimeUnit::Second, false),
        "seconds" => (TimeUnit::Second, true),
        "minute" => (TimeUnit::Minute, false),
        "minutes" => (TimeUnit::Minute, true),
        "hour" => (TimeUnit::Hour, false),
        "hours" => (TimeUnit::Hour, true),
        "day" => (TimeUnit::Day, false),
        "days" => (TimeUnit::Day, true),
        "week" => (TimeUnit::Week, false),
        "weeks" => (TimeUnit::Week, true),
        "fortnight" => (TimeUnit::Fortnight, false),
        "fortnights" => (TimeUnit::Fortnight, true),
        "month" => (TimeUnit::Month, false),
        "months" => (TimeUnit::Month, true),
        "year" => (TimeUnit::Year, false),
        "years" => (TimeUnit::Year, true),
        "decade" => (TimeUnit::Decade, false),
        "decades" => (TimeUnit::Decade, true),
        "century" => (TimeUnit::Century, false),
        "centuries" => (TimeUnit::Century, true),
        _ => return None,
    })
}

/// How a month is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthForm {
    /// "August".
    Full,
    /// "Aug" (usually followed by a full stop).
    Abbrev,
}

/// A month name, taking the raw token: only capitalised names count, so
/// "may" the verb and "march" the noun are never months.
pub(crate) fn month(raw: &str) -> Option<(i8, MonthForm)> {
    const FULL: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if let Some(n) = FULL.iter().position(|&m| m == raw) {
        return Some((n as i8 + 1, MonthForm::Full));
    }
    let n = match raw {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" | "Sept" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    Some((n, MonthForm::Abbrev))
}

/// Months whose names are also common English words: they need a day, a
/// year or a preposition to count as months.
pub(crate) fn ambiguous_month(raw: &str) -> bool {
    matches!(raw, "May" | "March")
}

/// A day of the week, taking the raw token (capitalised, singular).
pub(crate) fn weekday(raw: &str) -> Option<Weekday> {
    Some(match raw {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// A weekday's abbreviation, taking the raw token: only before a date
/// ("Sat, Aug 3"), where it cannot be "Sun" the newspaper or "Sat" the verb.
pub(crate) fn weekday_abbrev(raw: &str) -> Option<Weekday> {
    Some(match raw {
        "Mon" => Weekday::Monday,
        "Tue" | "Tues" => Weekday::Tuesday,
        "Wed" => Weekday::Wednesday,
        "Thu" | "Thur" | "Thurs" => Weekday::Thursday,
        "Fri" => Weekday::Friday,
        "Sat" => Weekday::Saturday,
        "Sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// Verbs of saying after a bare month that make it a person ("June
/// said").
pub(crate) fn speech_verb(low: &str) -> bool {
    matches!(
        low,
        "said"
            | "says"
            | "told"
            | "added"
            | "asked"
            | "wrote"
            | "tweeted"
            | "replied"
            | "explained"
    )
}

/// Words before a weekday that make it a name ("Black Friday").
pub(crate) fn weekday_name_before(low: &str) -> bool {
    matches!(
        low,
        "black"
            | "good"
            | "super"
            | "bloody"
            | "ash"
            | "easter"
            | "palm"
            | "cyber"
            | "holy"
            | "maundy"
            | "shrove"
            | "giving"
            | "whit"
            | "low"
            | "small"
    )
}

/// Words after a weekday that make it a name ("the Sunday Times").
pub(crate) fn weekday_name_after(raw: &str) -> bool {
    matches!(
        raw,
        "Times"
            | "Telegraph"
            | "Express"
            | "Mirror"
            | "Post"
            | "Herald"
            | "Mail"
            | "Star"
            | "Independent"
            | "Sport"
            | "Tribune"
            | "Observer"
            | "Morning"
            | "School"
    )
}

/// Words after a number that make it a time of day.
pub(crate) fn clock_word(low: &str) -> bool {
    matches!(
        low,
        "a.m"
            | "p.m"
            | "am"
            | "pm"
            | "gmt"
            | "utc"
            | "edt"
            | "est"
            | "cet"
            | "cest"
            | "bst"
            | "msk"
            | "hrs"
            | "o'clock"
            | "pdt"
            | "pst"
            | "ist"
            | "jst"
    )
}

/// Words before a weekday or period that point to the future, so the
/// weekday resolves forwards ("will meet on Tuesday").
pub(crate) fn future_cue(low: &str) -> bool {
    // Not "due": "delayed due to rain on Tuesday" is past.
    matches!(
        low,
        "will" | "shall" | "won't" | "upcoming" | "scheduled" | "expected"
    ) || low.ends_with("'ll")
}

/// Words before a bare month that make "May" and "March" months.
pub(crate) fn month_context(low: &str) -> bool {
    matches!(
        low,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "of"
            | "during"
            | "through"
            | "before"
            | "after"
            | "between"
            | "to"
            | "and"
            | "early"
            | "late"
            | "mid"
            | "-"
            | "throughout"
            | "last"
            | "next"
            | "this"
            | "that"
            | "each"
            | "every"
    )
}

/// Words before a four-digit number from 1000 to 1899 that make it a year
/// ("in 1812", "since 1066"); from 1900 on a bare number is one already.
pub(crate) fn year_preposition(low: &str) -> bool {
    matches!(
        low,
        "in" | "since"
            | "of"
            | "from"
            | "until"
            | "till"
            | "by"
            | "before"
            | "after"
            | "between"
            | "during"
            | "circa"
            | "to"
            | "and"
            | "year"
            | "through"
    )
}

/// Words before "two days after" and "three years before" that make them
/// a stretch of time ("for three years before joining", "in the two weeks
/// before the vote"), not a time counted from what follows.
pub(crate) fn measures_stretch(low: &str) -> bool {
    matches!(
        low,
        "for"
            | "the"
            | "in"
            | "within"
            | "over"
            | "during"
            | "of"
            | "these"
            | "those"
            | "last"
            | "next"
            | "past"
            | "first"
            | "final"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_take_the_raw_token() {
        assert_eq!(month("Aug"), Some((8, MonthForm::Abbrev)));
        assert_eq!(month("September"), Some((9, MonthForm::Full)));
        assert_eq!(month("march"), None);
        assert_eq!(weekday("Sunday"), Some(Weekday::Sunday));
        assert_eq!(weekday("sunday"), None);
        assert_eq!(time_unit("decades"), Some((TimeUnit::Decade, true)));
        assert_eq!(TimeUnit::Century.canonical(2.0), (200.0, "year"));
    }
}
