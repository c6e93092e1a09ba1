//! Calendar arithmetic for resolving dates against a reference date.
//! Every function is fallible: out-of-range years, impossible days and
//! absurd offsets give `None`, never a panic.

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use super::lexicon::TimeUnit;

/// Which way a weekday or weekend points from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// The most recent one on or before the reference ("Wednesday" in a
    /// past-tense report).
    OnOrBefore,
    /// Strictly before ("last Friday").
    Before,
    /// The first one on or after the reference ("will meet on Tuesday",
    /// "this Friday").
    OnOrAfter,
    /// Strictly after ("next Tuesday").
    After,
    /// Whichever is nearer, the past on a tie: a date without its year
    /// ("In December", "Feb. 28", "Christmas"), a day of the month ("on the
    /// 21st").
    Nearest,
}

/// A date from numbers that may be out of range.
pub(crate) fn ymd(year: i64, month: i64, day: i64) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// `date` moved by `days` (negative goes back).
pub(crate) fn add_days(date: Date, days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    date.checked_add(span).ok()
}

/// `date` moved by `months`, the day clamped to the month's length.
pub(crate) fn add_months(date: Date, months: i64) -> Option<Date> {
    let span = jiff::Span::new().try_months(months).ok()?;
    date.checked_add(span).ok()
}

/// The weekday `weekday` nearest `published` in `direction`.
pub(crate) fn weekday_from(
    published: Date,
    weekday: Weekday,
    direction: Direction,
) -> Option<Date> {
    let from = i64::from(published.weekday().to_monday_zero_offset());
    let to = i64::from(weekday.to_monday_zero_offset());
    let back = (from - to).rem_euclid(7);
    let forward = (to - from).rem_euclid(7);
    let days = match direction {
        Direction::OnOrBefore => -back,
        Direction::Before => -(if back == 0 { 7 } else { back }),
        Direction::OnOrAfter => forward,
        Direction::After => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        Direction::Nearest if forward < back => forward,
        Direction::Nearest => -back,
    };
    add_days(published, days)
}

/// The Monday starting the week `offset` weeks from the publication week.
pub(crate) fn week_start(published: Date, offset: i64) -> Option<Date> {
    let monday = add_days(
        published,
        -i64::from(published.weekday().to_monday_zero_offset()),
    )?;
    add_days(monday, offset.checked_mul(7)?)
}

/// The first day of the month `offset` months from the publication month.
pub(crate) fn month_start(published: Date, offset: i64) -> Option<Date> {
    add_months(published.first_of_month(), offset)
}

/// The first day of the quarter `offset` quarters from the publication
/// quarter.
pub(crate) fn quarter_start(published: Date, offset: i64) -> Option<Date> {
    let first = (published.month() - 1) / 3 * 3 + 1;
    add_months(
        ymd(i64::from(published.year()), i64::from(first), 1)?,
        offset.checked_mul(3)?,
    )
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous
/// algorithm of 1876, as Meeus gives it).
pub(crate) fn easter(year: i64) -> Option<Date> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    ymd(year, month, day)
}

/// The `nth` `weekday` of a month (1 the first, -1 the last); `None` when
/// the month has no such day (a fifth Monday).
pub(crate) fn nth_weekday(year: i64, month: i64, weekday: Weekday, nth: i8) -> Option<Date> {
    let first = ymd(year, month, 1)?;
    let date = if nth < 0 {
        let last = first.last_of_month();
        let back = (last.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset())
            .rem_euclid(7);
        add_days(
            last,
            -i64::from(back) - 7 * (i64::from(nth.unsigned_abs()) - 1),
        )?
    } else {
        let to = (weekday.to_monday_zero_offset() - first.weekday().to_monday_zero_offset())
            .rem_euclid(7);
        add_days(first, i64::from(to) + 7 * (i64::from(nth) - 1))?
    };
    (date.month() == first.month() && date.year() == first.year()).then_some(date)
}

/// Days since a fixed day (1970-01-01), for comparing distances cheaply.
pub(crate) fn day_number(date: Date) -> i64 {
    let (m, d) = (i64::from(date.month()), i64::from(date.day()));
    let y = i64::from(date.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// The first of January `offset` years from the publication year.
pub(crate) fn year_start(published: Date, offset: i64) -> Option<Date> {
    ymd(i64::from(published.year()).checked_add(offset)?, 1, 1)
}

/// The Saturday of a weekend: `Before` is the last weekend that has ended
/// (a report published on a Sunday means the one before), `OnOrAfter`
/// this weekend, `After` the weekend after it.
pub(crate) fn weekend(published: Date, direction: Direction) -> Option<Date> {
    let sunday = published.weekday() == Weekday::Sunday;
    match direction {
        Direction::Before | Direction::OnOrBefore | Direction::Nearest => {
            let saturday = weekday_from(published, Weekday::Saturday, Direction::Before)?;
            if sunday {
                add_days(saturday, -7)
            } else {
                Some(saturday)
            }
        }
        Direction::OnOrAfter | Direction::After => {
            let this = if sunday {
                add_days(published, -1)?
            } else {
                weekday_from(published, Weekday::Saturday, Direction::OnOrAfter)?
            };
            if direction == Direction::After {
                add_days(this, 7)
            } else {
                Some(this)
            }
        }
    }
}

/// `amount` units as whole months and days, for moving a date by them:
/// fractions of a month or year become days ("two and a half years" is 30
/// months); hours and smaller round down to whole days. `None` for a
/// negative or absurd amount.
pub(crate) fn months_and_days(amount: f64, unit: TimeUnit) -> Option<(i64, i64)> {
    if !amount.is_finite() || !(0.0..=1e6).contains(&amount) {
        return None;
    }
    let (months, days) = match unit {
        TimeUnit::Second | TimeUnit::Minute => (0.0, 0.0),
        TimeUnit::Hour => (0.0, (amount / 24.0).floor()),
        TimeUnit::Day => (0.0, amount.round()),
        TimeUnit::Week => (0.0, (amount * 7.0).round()),
        TimeUnit::Fortnight => (0.0, (amount * 14.0).round()),
        TimeUnit::Month => (amount, 0.0),
        TimeUnit::Year => (amount * 12.0, 0.0),
        TimeUnit::Decade => (amount * 120.0, 0.0),
        TimeUnit::Century => (amount * 1200.0, 0.0),
    };
    let whole = months.trunc();
    let days = days + ((months - whole) * 30.44).round();
    // Both are below 1.2e9 here, well inside i64.
    Some((whole as i64, days as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weekdays_around_a_wednesday() {
        let wed = date(2024, 8, 21);
        let d = |w, dir| weekday_from(wed, w, dir).map(|d| d.to_string());
        assert_eq!(
            d(Weekday::Wednesday, Direction::OnOrBefore).as_deref(),
            Some("2024-08-21")
        );
        assert_eq!(
            d(Weekday::Wednesday, Direction::Before).as_deref(),
            Some("2024-08-14")
        );
        assert_eq!(
            d(Weekday::Monday, Direction::OnOrBefore).as_deref(),
            Some("2024-08-19")
        );
        assert_eq!(
            d(Weekday::Tuesday, Direction::OnOrAfter).as_deref(),
            Some("2024-08-27")
        );
        assert_eq!(
            d(Weekday::Wednesday, Direction::After).as_deref(),
            Some("2024-08-28")
        );
        assert_eq!(
            d(Weekday::Friday, Direction::Before).as_deref(),
            Some("2024-08-16")
        );
    }

    #[test]
    fn periods_and_shifts() {
        let wed = date(2024, 8, 21);
        assert_eq!(week_start(wed, -1), Some(date(2024, 8, 12)));
        assert_eq!(month_start(wed, -1), Some(date(2024, 7, 1)));
        assert_eq!(year_start(wed, 1), Some(date(2025, 1, 1)));
        assert_eq!(weekend(wed, Direction::Before), Some(date(2024, 8, 17)));
        assert_eq!(
            weekend(date(2024, 8, 18), Direction::Before),
            Some(date(2024, 8, 10))
        );
        assert_eq!(weekend(wed, Direction::OnOrAfter), Some(date(2024, 8, 24)));
        assert_eq!(months_and_days(2.5, TimeUnit::Year), Some((30, 0)));
        assert_eq!(months_and_days(2.0, TimeUnit::Week), Some((0, 14)));
        assert_eq!(months_and_days(1.5, TimeUnit::Month), Some((1, 15)));
        assert_eq!(months_and_days(50.0, TimeUnit::Hour), Some((0, 2)));
        assert_eq!(months_and_days(1e300, TimeUnit::Day), None);
        assert_eq!(months_and_days(-1.0, TimeUnit::Day), None);
        assert_eq!(add_months(date(2024, 8, 21), -1_200_000_000), None);
        assert_eq!(ymd(2023, 2, 30), None);
        assert_eq!(ymd(99999, 1, 1), None);
        assert_eq!(year_start(date(9999, 1, 1), 1), None);
        assert_eq!(quarter_start(wed, 0), Some(date(2024, 7, 1)));
        assert_eq!(quarter_start(wed, -3), Some(date(2023, 10, 1)));
    }

    #[test]
    fn movable_days() {
        for (year, want) in [
            (2024, date(2024, 3, 31)),
            (2025, date(2025, 4, 20)),
            (2019, date(2019, 4, 21)),
            (2000, date(2000, 4, 23)),
            (1818, date(1818, 3, 22)),
        ] {
            assert_eq!(easter(year), Some(want), "{year}");
        }
        assert_eq!(
            nth_weekday(2024, 11, Weekday::Thursday, 4),
            Some(date(2024, 11, 28))
        );
        assert_eq!(
            nth_weekday(2024, 5, Weekday::Monday, -1),
            Some(date(2024, 5, 27))
        );
        assert_eq!(
            nth_weekday(2024, 9, Weekday::Monday, 1),
            Some(date(2024, 9, 2))
        );
        assert_eq!(
            nth_weekday(2024, 9, Weekday::Monday, 5),
            Some(date(2024, 9, 30))
        );
        assert_eq!(nth_weekday(2024, 2, Weekday::Monday, 5), None);
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        assert_eq!(
            day_number(date(2024, 8, 21)) - day_number(date(2024, 2, 28)),
            175
        );
        assert_eq!(easter(99999), None);
    }
}
