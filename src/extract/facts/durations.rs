//! Durations ("two days", "four-day trip"), counted relative times
//! ("two weeks ago", "a month after") and ages ("71-year-old").

use super::lexicon::TimeUnit;
use super::resolve::{Origin, TimeRef};
use super::{calendar, lexicon, Head, Hit, Num, Scanner, Step};
use crate::extract::{FactKind, FactValue};

impl Scanner<'_> {
    /// A number followed by a unit of time at `k - 1`: a duration, a
    /// relative time ("ago", "from now") or an age ("years old").
    pub(super) fn duration(&self, num: Num, unit: TimeUnit, k: usize) -> Step {
        let mut amount = num.value;
        let mut end = k;
        if (self.low(end), self.low(end + 1), self.low(end + 2)) == ("and", "a", "half") {
            amount += 0.5;
            end += 3;
        }
        let (canonical, unit_name) = unit.canonical(amount);
        let value = Some(FactValue::Duration {
            amount: canonical,
            unit: unit_name.to_string(),
        });
        // Moved `sign` times the amount from `from`.
        let shift = |sign: i64, from: Origin| {
            calendar::months_and_days(amount, unit).map(|(months, days)| TimeRef::Shift {
                months: sign * months,
                days: sign * days,
                from,
            })
        };
        let relative = |sign: i64, end: usize| {
            Step::Hit(Hit {
                value: value.clone(),
                time: shift(sign, Origin::Reference),
                numeric: true,
                ..Hit::new(num.start, end, FactKind::RelativeTime)
            })
        };
        match (self.low(end), self.low(end + 1)) {
            ("ago", _) => return relative(-1, end + 1),
            ("from", "now") => return relative(1, end + 2),
            ("hence", _) => return relative(1, end + 1),
            // "less than a month after Xi's visit": the visit was that
            // long before the time the sentence is about.
            ("after" | "before", _) if self.anchorable(num.start, end) => {
                let sign = if self.low(end) == "after" { -1 } else { 1 };
                return Step::Hit(Hit {
                    value: value.clone(),
                    time: shift(sign, Origin::Sentence),
                    numeric: true,
                    ..Hit::new(num.start, end + 1, FactKind::RelativeTime)
                });
            }
            ("old", _)
                if matches!(
                    unit,
                    TimeUnit::Year | TimeUnit::Month | TimeUnit::Week | TimeUnit::Day
                ) =>
            {
                return Step::Hit(Hit {
                    unit: Some(format!("{unit_name}s old")),
                    ..Hit::number(num.start, end + 1, FactKind::Count, amount)
                });
            }
            _ => {}
        }
        // "two days of talks".
        let mut what = None;
        if self.low(end) == "of" {
            if let Some((noun, after)) = self.head(end + 1, Head::Any) {
                what = Some(noun);
                end = after;
            }
        }
        Step::Hit(Hit {
            value,
            unit: what,
            numeric: true,
            ..Hit::new(num.start, end, FactKind::Duration)
        })
    }

    /// "two days after" at `start..=after` dates what follows ("two days
    /// after the vote") from the time of the sentence, unless it measures a
    /// stretch ("for three years before joining", "in the two weeks
    /// before the vote") or nothing follows.
    fn anchorable(&self, start: usize, after: usize) -> bool {
        let complement = self.is_word(after + 1) || self.is_num(after + 1);
        complement && !lexicon::measures_stretch(self.before(start))
    }

    /// "four-day trip", "three-day state visit", "71-year-old",
    /// "decade-long": `k` is past the unit.
    pub(super) fn adjectival_duration(&self, num: Num, unit: TimeUnit, k: usize) -> Step {
        let (canonical, unit_name) = unit.canonical(num.value);
        if self.hyphen(k) && self.low(k + 1) == "old" {
            return Step::Hit(Hit {
                unit: Some(format!("{unit_name}s old")),
                ..Hit::number(num.start, k + 2, FactKind::Count, num.value)
            });
        }
        let mut end = k;
        if self.hyphen(end) && self.low(end + 1) == "long" {
            end += 2;
        }
        let (noun, end) = match self.head(end, Head::Any) {
            Some((noun, after)) => (Some(noun), after),
            None => (None, end),
        };
        Step::Hit(Hit {
            value: Some(FactValue::Duration {
                amount: canonical,
                unit: unit_name.to_string(),
            }),
            unit: noun,
            numeric: true,
            ..Hit::new(num.start, end, FactKind::Duration)
        })
    }
}
