//! Named days and periods: holidays ("Christmas 2019", "last Easter"),
//! quarters ("Q3 2023", "the fourth quarter", "this quarter"), the nth
//! weekday of a month ("the last Friday of June"), days named by their
//! ordinal ("the fourth of July", "the first day of May 2019", "on the
//! 21st", "Friday the 13th").

use jiff::civil::Weekday;

use super::calendar::{ymd, Direction};
use super::resolve::{Annual, TimeRef};
use super::{lexicon, Hit, Scanner, Step};
use crate::extract::FactKind;

/// Punctuation inside a holiday's name ("St. Patrick's", "Presidents'").
fn inner_mark(raw: &str) -> bool {
    matches!(raw, "." | "'" | "’")
}

impl Scanner<'_> {
    /// Patterns that start a named day or period.
    pub(super) fn period(&self, i: usize) -> Option<Step> {
        self.holiday(i)
            .or_else(|| self.quarter(i))
            .or_else(|| self.nth_weekday(i))
            .or_else(|| self.ordinal_day(i))
    }

    /// A date of a day of the year: resolved if the year is given,
    /// else the occurrence `direction` picks.
    fn annual_hit(
        &self,
        start: usize,
        end: usize,
        date: Annual,
        year: Option<i64>,
        direction: Direction,
    ) -> Step {
        Step::Hit(self.annual(start, end, date, year, direction))
    }

    fn annual(
        &self,
        start: usize,
        end: usize,
        date: Annual,
        year: Option<i64>,
        direction: Direction,
    ) -> Hit {
        let hit = Hit::new(start, end, FactKind::Date);
        match year {
            Some(year) => Hit {
                resolved: date.in_year(year),
                ..hit
            },
            None => Hit {
                time: Some(TimeRef::Annual { date, direction }),
                ..hit
            },
        }
    }

    /// A year right after `k` ("Christmas 2019", "June 2019", "of 2019"):
    /// (year, end).
    fn year_after(&self, k: usize) -> (Option<i64>, usize) {
        let at = if matches!(self.low(k), "of" | ",") {
            k + 1
        } else {
            k
        };
        match self.year_number(at) {
            Some(y) => (Some(y), at + 1),
            None => (None, k),
        }
    }

    /// "Christmas", "Christmas Eve 2019", "last Easter", "on Good Friday",
    /// "Martin Luther King Jr. Day".
    fn holiday(&self, i: usize) -> Option<Step> {
        let direction = match self.low(i) {
            "last" => Some(Direction::Before),
            "next" => Some(Direction::After),
            "this" => Some(Direction::OnOrAfter),
            _ => None,
        };
        let j = if direction.is_some() { i + 1 } else { i };
        if !self.is_word(j) || !self.capitalised(j) || !lexicon::starts_holiday(self.low(j)) {
            return None;
        }
        let (date, words, end) = lexicon::HOLIDAYS.iter().find_map(|&(words, date)| {
            let mut k = j;
            for (n, w) in words.iter().enumerate() {
                if n > 0 && inner_mark(self.raw(k)) {
                    k += 1;
                }
                if self.low(k) != *w || !self.is_word(k) {
                    return None;
                }
                k += 1;
            }
            Some((date, words.len(), k))
        })?;
        // "a Thanksgiving-themed event": a word made from the day.
        if self.hyphen(end) {
            return Some(Step::Skip(end + 2));
        }
        let (year, after) = self.year_after(end);
        if year.is_none() {
            // "Christmas tree", "Easter Island", "the Good Friday
            // Agreement": a thing named after the day.
            let next = end;
            let name = self.is_word(next)
                && self.toks[next - 1].possessive == 0
                && (self.capitalised(next)
                    || (words == 1
                        && self.is_content(next)
                        && lexicon::month(self.raw(next)).is_none()));
            if name && lexicon::weekday(self.base_raw(next)).is_none() {
                return Some(Step::Skip(next));
            }
        }
        let direction = direction.unwrap_or(Direction::Nearest);
        Some(Step::Hit(Hit {
            trim_possessive: true,
            ..self.annual(i, after, date, year, direction)
        }))
    }

    /// "Q3 2023", "2021Q2", "Q3", "the fourth quarter (of 2023)",
    /// "third-quarter", "this quarter" (a relative time).
    fn quarter(&self, i: usize) -> Option<Step> {
        let raw = self.raw(i).as_bytes();
        // "Q3", "q3"
        if self.is_word(i) && raw.len() == 2 && raw[0] == b'Q' && (b'1'..=b'4').contains(&raw[1]) {
            let quarter = (raw[1] - b'0') as i8;
            let (year, end) = self.year_after(i + 1);
            return Some(self.annual_hit(
                i,
                end,
                Annual::Quarter { quarter },
                year,
                Direction::Nearest,
            ));
        }
        // "2021Q2"
        if self.is_num(i)
            && raw.len() == 6
            && raw[..4].iter().all(u8::is_ascii_digit)
            && matches!(raw[4], b'Q' | b'q')
            && (b'1'..=b'4').contains(&raw[5])
        {
            let year: i64 = self.raw(i)[..4].parse().ok()?;
            let quarter = (raw[5] - b'0') as i8;
            let date = Annual::Quarter { quarter };
            return Some(self.annual_hit(i, i + 1, date, Some(year), Direction::Nearest));
        }
        // "the last quarter of 2023" is no time relative to publication.
        let (offset, k) = match self.low(i) {
            "this" => (Some(0), i + 1),
            "last" if self.before(i) != "the" => (Some(-1), i + 1),
            "next" if self.before(i) != "the" => (Some(1), i + 1),
            _ => (None, i),
        };
        if let Some(offset) = offset {
            if self.low(k) != "quarter" || self.low(k + 1) == "of" {
                return None;
            }
            return Some(Step::Hit(Hit {
                time: Some(TimeRef::Quarter {
                    offset,
                    from: super::resolve::Origin::Reference,
                }),
                trim_possessive: true,
                ..Hit::new(i, k + 1, FactKind::RelativeTime)
            }));
        }
        let quarter = self.ordinal_value(i).filter(|(n, _)| (1..=4).contains(n))?;
        let at = quarter.1;
        let k = if self.hyphen(at) { at + 1 } else { at };
        if self.low(k) != "quarter" {
            return None;
        }
        let (year, end) = self.year_after(k + 1);
        let date = Annual::Quarter {
            quarter: quarter.0 as i8,
        };
        Some(self.annual_hit(i, end, date, year, Direction::Nearest))
    }

    /// An ordinal at `i` in words or digits ("fourth", "twenty-first",
    /// "21st"): (value, end).
    fn ordinal_value(&self, i: usize) -> Option<(i64, usize)> {
        if self.is_num(i) {
            let raw = self.raw(i);
            let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
            if !(1..=2).contains(&digits) || digits == raw.len() {
                return None;
            }
            let n: u64 = raw[..digits].parse().ok()?;
            let suffix = raw[digits..].to_ascii_lowercase();
            return lexicon::ordinal_suffix(n, &suffix).then_some((n as i64, i + 1));
        }
        let w = self.low(i);
        if let Some(t) = lexicon::tens_word(w).filter(|_| self.hyphen(i + 1)) {
            let u = lexicon::ordinal_unit_word(self.low(i + 2))?;
            return Some(((t + u) as i64, i + 3));
        }
        lexicon::ordinal_word(w).map(|n| (n as i64, i + 1))
    }

    /// "the last Friday of June", "the second Tuesday of the month", "the
    /// first Monday in May 2019".
    fn nth_weekday(&self, i: usize) -> Option<Step> {
        let (nth, k) = if self.low(i) == "last" && self.before(i) == "the" {
            (-1, i + 1)
        } else {
            let (n, k) = self.ordinal_value(i).filter(|(n, _)| (1..=5).contains(n))?;
            (n as i8, k)
        };
        let weekday = lexicon::weekday(self.raw(k))?;
        if !matches!(self.low(k + 1), "of" | "in") {
            return None;
        }
        let m = k + 2;
        let months = match (self.low(m), self.low(m + 1)) {
            ("the" | "this", "month") => Some(0),
            ("next", "month") => Some(1),
            ("last", "month") => Some(-1),
            _ => None,
        };
        if let Some(months) = months {
            return Some(Step::Hit(Hit {
                time: Some(TimeRef::NthWeekday {
                    weekday,
                    nth,
                    months,
                }),
                ..Hit::new(i, m + 2, FactKind::Date)
            }));
        }
        let (month, end) = self.month_at(m)?;
        let (year, end) = self.year_after(end);
        let date = Annual::NthWeekday {
            month,
            weekday,
            nth,
        };
        Some(self.annual_hit(i, end, date, year, Direction::Nearest))
    }

    /// "fourth of July", "twenty-first of May 2020", "first day of May
    /// 2019" (a digit day with "of" is [`Scanner::date`]'s).
    fn ordinal_day(&self, i: usize) -> Option<Step> {
        if !self.is_word(i) {
            return None;
        }
        let (day, mut k) = self
            .ordinal_value(i)
            .filter(|(n, _)| (1..=31).contains(n))?;
        if self.low(k) == "day" {
            k += 1;
        }
        if self.low(k) != "of" {
            return None;
        }
        let (month, end) = self.month_at(k + 1)?;
        let (year, end) = self.year_after(end);
        let date = Annual::Fixed {
            month,
            day: day as i8,
        };
        if let Some(y) = year {
            // "the thirty-first of February 2023": a date, not a day.
            return Some(Step::Hit(Hit {
                resolved: ymd(y, i64::from(month), day),
                ..Hit::new(i, end, FactKind::Date)
            }));
        }
        Some(self.annual_hit(i, end, date, None, Direction::Nearest))
    }

    /// "on the 21st": a day of a month, the nearest. `i` is the day.
    pub(super) fn day_of_month(&self, i: usize) -> Option<Step> {
        let day = self
            .ordinal_value(i)
            .filter(|(n, _)| (1..=31).contains(n))?
            .0;
        let lead = matches!(
            self.low(i.checked_sub(2)?),
            "on" | "by" | "until" | "till" | "since" | "from" | "before" | "after" | "through"
        );
        if self.before(i) != "the" || !lead || self.is_word(i + 1) || self.is_num(i + 1) {
            return None;
        }
        Some(Step::Hit(Hit {
            time: Some(TimeRef::DayOfMonth { day: day as i8 }),
            ..Hit::new(i, i + 1, FactKind::Date)
        }))
    }

    /// "Friday the 13th" at the weekday `i`, unless a month follows.
    pub(super) fn weekday_the_nth(&self, i: usize, weekday: Weekday) -> Option<Step> {
        if self.low(i + 1) != "the" {
            return None;
        }
        let (day, end) = self
            .ordinal_value(i + 2)
            .filter(|(n, _)| (1..=31).contains(n))?;
        if self.low(end) == "of" || lexicon::month(self.raw(end)).is_some() {
            return None;
        }
        Some(Step::Hit(Hit {
            time: Some(TimeRef::DayOnWeekday {
                day: day as i8,
                weekday,
            }),
            ..Hit::new(i, end, FactKind::Date)
        }))
    }
}
