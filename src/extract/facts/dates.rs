//! Dates, weekdays and relative times: "Aug. 21, 2024", "in March",
//! "Sunday", "last month", "the week before".

use super::calendar::{ymd, Direction};
use super::lexicon::MonthForm;
use super::resolve::{Annual, Origin, TimeRef};
use super::{lexicon, Hit, Scanner, Step};
use crate::extract::FactKind;

impl Scanner<'_> {
    pub(super) fn date(&self, i: usize) -> Option<Step> {
        if let Some(step) = self.period(i) {
            return Some(step);
        }
        // "Saturday, March 25, 2023", "Sat., Aug. 3": the weekday joins a
        // full date; without a year it picks the year the day fell on it.
        let full = lexicon::weekday(self.raw(i));
        if let Some(weekday) = full.or_else(|| lexicon::weekday_abbrev(self.raw(i))) {
            if full.is_some() {
                if let Some(step) = self.weekday_the_nth(i, weekday) {
                    return Some(step);
                }
            }
            let mut j = i + 1;
            if full.is_none() && self.raw(j) == "." && self.glued(j) {
                j += 1;
            }
            if self.raw(j) == "," {
                j += 1;
            }
            return match self.date_core(j) {
                Some((Step::Hit(hit), true)) => {
                    let time = match hit.time {
                        Some(TimeRef::Annual {
                            date: Annual::Fixed { month, day },
                            direction,
                        }) => Some(TimeRef::Annual {
                            date: Annual::FixedOnWeekday {
                                month,
                                day,
                                weekday,
                            },
                            direction,
                        }),
                        time => time,
                    };
                    Some(Step::Hit(Hit {
                        start: i,
                        time,
                        ..hit
                    }))
                }
                _ => None,
            };
        }
        self.date_core(i).map(|(step, _)| step)
    }

    /// A date at `i`, and whether it names a day.
    fn date_core(&self, i: usize) -> Option<(Step, bool)> {
        if self.is_num(i) {
            if let Some(found) = self.numeric_date(i) {
                return Some((found, true));
            }
            return self
                .day_first(i)
                .or_else(|| self.day_of_month(i))
                .map(|step| (step, true));
        }
        self.month_first(i)
    }

    /// A date that gives its year, resolved as it stands.
    fn date_hit(&self, start: usize, end: usize, year: i64, month: i64, day: i64) -> Step {
        Step::Hit(Hit {
            resolved: ymd(year, month, day),
            ..Hit::new(start, end, FactKind::Date)
        })
    }

    /// A date that may leave its year to the reference ("April 19").
    fn day_hit(&self, start: usize, end: usize, year: Option<i64>, month: i8, day: i8) -> Step {
        match year {
            Some(year) => self.date_hit(start, end, year, i64::from(month), i64::from(day)),
            None => Step::Hit(Hit {
                time: Some(TimeRef::Annual {
                    date: Annual::Fixed { month, day },
                    direction: Direction::Nearest,
                }),
                ..Hit::new(start, end, FactKind::Date)
            }),
        }
    }

    /// "2024-08-21", "2024/08/21", "8/21/2024", "21-08-2024", "21.08.2024".
    fn numeric_date(&self, i: usize) -> Option<Step> {
        let parts: Vec<&str>;
        let end;
        let dotted: Vec<&str> = self.raw(i).split('.').collect();
        let european = dotted.len() == 3;
        if european {
            parts = dotted;
            end = i + 1;
        } else {
            let sep = self.low(i + 1);
            if !matches!(sep, "-" | "/") || !self.glued(i + 1) || !self.glued(i + 2) {
                return None;
            }
            if self.low(i + 3) != sep || !self.glued(i + 3) || !self.glued(i + 4) {
                return None;
            }
            if !self.is_num(i + 2) || !self.is_num(i + 4) {
                return None;
            }
            parts = vec![self.raw(i), self.raw(i + 2), self.raw(i + 4)];
            end = i + 5;
        }
        if !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let n = |k: usize| parts[k].parse::<i64>().ok();
        let (a, b, c) = (n(0)?, n(1)?, n(2)?);
        let lens = (parts[0].len(), parts[1].len(), parts[2].len());
        let start = i;
        match lens {
            // "2023-02-29" is still a date, with no day to resolve to.
            (4, 1..=2, 1..=2) if (1..=12).contains(&b) && (1..=31).contains(&c) => {
                Some(self.date_hit(start, end, a, b, c))
            }
            (4, 1..=2, 1..=2) => Some(Step::Skip(end)),
            (1..=2, 1..=2, 4) => {
                let (month, day) = match (a, b) {
                    // "21.08.2024" is day first.
                    _ if european => (b, a),
                    _ if a == b => (a, b),
                    (13.., 1..=12) => (b, a),
                    (1..=12, 13..) => (a, b),
                    (1..=12, 1..=12) => {
                        // Day and month could be either way round.
                        return Some(Step::Hit(Hit::new(start, end, FactKind::Date)));
                    }
                    _ => return Some(Step::Skip(end)),
                };
                if ymd(c, month, day).is_none() {
                    return Some(Step::Skip(end));
                }
                Some(self.date_hit(start, end, c, month, day))
            }
            _ => None,
        }
    }

    /// A day of the month at `i`: "21", "21st"; not a clock time.
    fn day_number(&self, i: usize) -> Option<i8> {
        if !self.is_num(i) {
            return None;
        }
        let raw = self.raw(i);
        let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
        let suffix = raw[digits..].to_ascii_lowercase();
        if !(1..=2).contains(&digits)
            || !(suffix.is_empty() || matches!(suffix.as_str(), "st" | "nd" | "rd" | "th"))
        {
            return None;
        }
        if matches!(self.raw(i + 1), ":" | "%") && self.glued(i + 1) {
            return None;
        }
        if lexicon::clock_word(self.low(i + 1)) {
            return None;
        }
        let day: i8 = raw[..digits].parse().ok()?;
        (1..=31).contains(&day).then_some(day)
    }

    /// A four-digit year at `i`.
    pub(super) fn year_number(&self, i: usize) -> Option<i64> {
        let raw = self.raw(i);
        if !self.is_num(i) || raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        raw.parse().ok()
    }

    /// After a day ("21"), an optional range end ("-23") and year
    /// (", 2024"): (year, end).
    fn day_tail(&self, mut end: usize) -> (Option<i64>, usize) {
        if self.hyphen(end) && self.day_number(end + 1).is_some() {
            end += 2;
        }
        let at = if self.raw(end) == "," { end + 1 } else { end };
        match self.year_number(at) {
            Some(y) => (Some(y), at + 1),
            None => (None, end),
        }
    }

    /// "August 21", "Aug. 21, 2024", "February 2022", "in March",
    /// "July this year", "mid-May", "early March".
    fn month_first(&self, i: usize) -> Option<(Step, bool)> {
        // A fuzzy part of a month: the month's precision is kept.
        if matches!(self.low(i), "early" | "late" | "mid") {
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            return match self.month_named(j, true) {
                Some((Step::Hit(hit), false)) => Some((Step::Hit(Hit { start: i, ..hit }), false)),
                _ => None,
            };
        }
        self.month_named(i, true)
    }

    /// A date that starts with the month's name; `follow` looks at a
    /// month after it that may give its year (once: a chain of months is
    /// not followed).
    fn month_named(&self, i: usize, follow: bool) -> Option<(Step, bool)> {
        let (month, form) = lexicon::month(self.raw(i))?;
        let mut k = i + 1;
        let dotted = self.raw(k) == "." && self.glued(k);
        if form == MonthForm::Abbrev {
            if dotted {
                k += 1;
            } else if !self.is_num(k) {
                return None;
            }
        }
        if let Some(day) = self.day_number(k) {
            let (year, end) = self.day_tail(k + 1);
            return Some((self.day_hit(i, end, year, month, day), true));
        }
        if let Some(year) = self.year_number(k) {
            return Some((self.date_hit(i, k + 1, year, i64::from(month), 1), false));
        }
        if form != MonthForm::Full {
            return None;
        }
        // "July this year", "March last year".
        let offset = match self.low(k) {
            "last" => Some(-1),
            "this" => Some(0),
            "next" => Some(1),
            _ => None,
        };
        if let (Some(years), "year") = (offset, self.low(k + 1)) {
            let hit = Hit {
                time: Some(TimeRef::MonthDay {
                    month,
                    day: 1,
                    years,
                }),
                trim_possessive: true,
                ..Hit::new(i, k + 2, FactKind::Date)
            };
            return Some((Step::Hit(hit), false));
        }
        // A bare month: "May" and "March" need a preposition; a capital
        // after it suggests a name ("April Fools"), and so does a verb of
        // saying ("June said").
        if lexicon::ambiguous_month(self.raw(i)) && !lexicon::month_context(self.before(i)) {
            return None;
        }
        if self.is_word(k) && (self.capitalised(k) || lexicon::speech_verb(self.low(k))) {
            return None;
        }
        let mut hit = Hit {
            time: Some(TimeRef::Annual {
                date: Annual::Month { month },
                direction: Direction::Nearest,
            }),
            ..Hit::new(i, i + 1, FactKind::Date)
        };
        // "between January and July this year": a range shares its year.
        if follow
            && matches!(
                self.low(k),
                "and" | "to" | "through" | "until" | "till" | "-"
            )
        {
            if let Some((Step::Hit(next), _)) = self.month_named(k + 1, false) {
                match (next.resolved, next.time) {
                    (Some(d), _) => {
                        hit.resolved = ymd(i64::from(d.year()), i64::from(month), 1);
                        hit.time = None;
                    }
                    (None, Some(TimeRef::MonthDay { years, .. })) => {
                        hit.time = Some(TimeRef::MonthDay {
                            month,
                            day: 1,
                            years,
                        });
                    }
                    _ => {}
                }
            }
        }
        Some((Step::Hit(hit), false))
    }

    /// "21 August 2024", "21 Aug", "21st of August".
    fn day_first(&self, i: usize) -> Option<Step> {
        let day = self.day_number(i)?;
        let mut k = i + 1;
        if self.low(k) == "of" && self.raw(i).ends_with(|c: char| c.is_ascii_alphabetic()) {
            k += 1;
        }
        let (month, end) = self.month_at(k)?;
        // "the 19 Sept. 11 hijackers": the month has its own day.
        if self.year_number(end).is_none() && self.day_number(end).is_some() {
            return None;
        }
        let at = if self.raw(end) == "," { end + 1 } else { end };
        let (year, end) = match self.year_number(at) {
            Some(y) => (Some(y), at + 1),
            None => (None, end),
        };
        Some(self.day_hit(i, end, year, month, day))
    }

    pub(super) fn relative(&self, i: usize) -> Option<Step> {
        if let Some(step) = self.anchored_unit(i).or_else(|| self.in_time(i)) {
            return Some(step);
        }
        let rel = |end: usize, time: Option<TimeRef>| {
            Some(Step::Hit(Hit {
                time,
                trim_possessive: true,
                ..Hit::new(i, end, FactKind::RelativeTime)
            }))
        };
        let day = |offset| TimeRef::Day {
            offset,
            from: Origin::Reference,
        };
        let days = match self.low(i) {
            "yesterday" => Some(-1),
            "today" | "tonight" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(days) = days {
            // "Russia Today", "USA Today".
            if self.capitalised(i) && !self.initial(i) {
                return Some(Step::Skip(i + 1));
            }
            return rel(i + 1, Some(day(days)));
        }
        match (self.low(i), self.low(i + 1)) {
            ("last", "night") => return rel(i + 2, Some(day(-1))),
            ("this", "morning" | "afternoon" | "evening") => return rel(i + 2, Some(day(0))),
            _ => {}
        }
        // "earlier this year", "late last year".
        let k = if matches!(self.low(i), "earlier" | "later" | "early" | "late") {
            i + 1
        } else {
            // "the last week of July", "over the next month" are not
            // relative to publication.
            if self.before(i) == "the" {
                return None;
            }
            i
        };
        let (offset, direction) = match self.low(k) {
            "last" => (-1, Direction::Before),
            "this" => (0, Direction::OnOrAfter),
            "next" => (1, Direction::After),
            _ => return None,
        };
        let m = k + 1;
        let from = Origin::Reference;
        let time = match self.low(m) {
            "week" => Some(TimeRef::Week { offset, from }),
            "month" => Some(TimeRef::Month { offset, from }),
            "year" => Some(TimeRef::Year { offset, from }),
            "weekend" => Some(TimeRef::Weekend { direction }),
            "summer" | "winter" | "spring" | "autumn" => None,
            _ => {
                if let Some(weekday) = lexicon::weekday(self.base_raw(m)) {
                    Some(TimeRef::Weekday { weekday, direction })
                } else if let Some((month, MonthForm::Full)) = lexicon::month(self.base_raw(m)) {
                    Some(TimeRef::MonthDay {
                        month,
                        day: 1,
                        years: offset,
                    })
                } else {
                    return None;
                }
            }
        };
        rel(m + 1, time)
    }

    pub(super) fn weekday(&self, i: usize) -> Option<Step> {
        let weekday = lexicon::weekday(self.base_raw(i))?;
        if lexicon::weekday_name_before(self.before(i)) && i > 0 && self.capitalised(i - 1) {
            return Some(Step::Skip(i + 1));
        }
        if self.toks[i].possessive == 0 && lexicon::weekday_name_after(self.raw(i + 1)) {
            return Some(Step::Skip(i + 2));
        }
        let direction = if self.future_before(i) {
            Direction::OnOrAfter
        } else {
            Direction::OnOrBefore
        };
        Some(Step::Hit(Hit {
            time: Some(TimeRef::Weekday { weekday, direction }),
            trim_possessive: true,
            ..Hit::new(i, i + 1, FactKind::Weekday)
        }))
    }

    /// "the month before", "the day after", "the previous week": a
    /// calendar unit next to the time of the sentence. With something after
    /// it ("the day before the vote") it counts from that instead, which is
    /// unknown here.
    fn anchored_unit(&self, i: usize) -> Option<Step> {
        if self.low(i) != "the" {
            return None;
        }
        // "the day before yesterday", "the day after tomorrow".
        let days = match (self.low(i + 1), self.low(i + 2), self.low(i + 3)) {
            ("day", "before", "yesterday") => Some(-2),
            ("day", "after", "tomorrow") => Some(2),
            _ => None,
        };
        if let Some(offset) = days {
            return Some(Step::Hit(Hit {
                time: Some(TimeRef::Day {
                    offset,
                    from: Origin::Reference,
                }),
                ..Hit::new(i, i + 4, FactKind::RelativeTime)
            }));
        }
        if let Some(step) = self.stretch_to_now(i) {
            return Some(step);
        }
        let (unit, offset, end) = match (self.low(i + 1), self.low(i + 2)) {
            ("previous" | "prior" | "preceding", u) => (u, -1, i + 3),
            ("following", u) => (u, 1, i + 3),
            (u, "before") if !self.is_word(i + 3) && !self.is_num(i + 3) => (u, -1, i + 3),
            (u, "after") if !self.is_word(i + 3) && !self.is_num(i + 3) => (u, 1, i + 3),
            _ => return None,
        };
        let from = Origin::Sentence;
        let time = match unit {
            "day" => TimeRef::Day { offset, from },
            "week" => TimeRef::Week { offset, from },
            "month" => TimeRef::Month { offset, from },
            "year" => TimeRef::Year { offset, from },
            "quarter" => TimeRef::Quarter { offset, from },
            _ => return None,
        };
        Some(Step::Hit(Hit {
            time: Some(time),
            trim_possessive: true,
            ..Hit::new(i, end, FactKind::RelativeTime)
        }))
    }
}
