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
        // "4 years and 6 months": one duration, in the smaller unit.
        let (amount, unit, mut end) = self.compound(amount, unit, end);
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
            ("old", _) if unit == TimeUnit::Year => {
                return Step::Hit(Hit::number(num.start, end + 1, FactKind::Age, amount));
            }
            ("old", _) if matches!(unit, TimeUnit::Month | TimeUnit::Week | TimeUnit::Day) => {
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
        if self.hyphen(k) && self.low(k + 1) == "old" && unit == TimeUnit::Year {
            // "the 76-year-old Pelosi", "a 68-year-old man".
            return Step::Hit(Hit::number(num.start, k + 2, FactKind::Age, num.value));
        }
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

impl Scanner<'_> {
    /// "and 6 months" after a duration of a larger unit at `end`: the sum
    /// in the smaller unit, and the end past it. Unchanged when nothing,
    /// or no unit that divides exactly ("a year and a day"), follows.
    fn compound(&self, amount: f64, unit: TimeUnit, end: usize) -> (f64, TimeUnit, usize) {
        let same = (amount, unit, end);
        if self.low(end) != "and" {
            return same;
        }
        let next = if self.is_num(end + 1) {
            self.digits(end + 1, false)
        } else {
            self.words(end + 1)
        };
        let Some(next) = next.filter(|n| !n.scaled || n.value.fract() != 0.0 || n.value < 1.0)
        else {
            return same;
        };
        let Some((small, _)) = self.time_unit_at(next.end) else {
            return same;
        };
        let factor = match (unit, small) {
            (TimeUnit::Year, TimeUnit::Month) => 12.0,
            (TimeUnit::Decade, TimeUnit::Year) => 10.0,
            (TimeUnit::Week | TimeUnit::Fortnight, TimeUnit::Day) => {
                if unit == TimeUnit::Week {
                    7.0
                } else {
                    14.0
                }
            }
            (TimeUnit::Day, TimeUnit::Hour) => 24.0,
            (TimeUnit::Hour, TimeUnit::Minute) | (TimeUnit::Minute, TimeUnit::Second) => 60.0,
            _ => return same,
        };
        (amount * factor + next.value, small, next.end + 1)
    }

    /// "the past month", "the coming week": a stretch that ends or starts
    /// at the reference, dated from its first day.
    pub(super) fn stretch_to_now(&self, i: usize) -> Option<Step> {
        let past = match self.low(i + 1) {
            "past" => true,
            "coming" => false,
            _ => return None,
        };
        let (unit, false) = self.time_unit_at(i + 2)? else {
            return None;
        };
        if matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) {
            return None;
        }
        let (months, days) = calendar::months_and_days(1.0, unit)?;
        let sign = if past { -1 } else { 0 };
        let (amount, name) = unit.canonical(1.0);
        Some(Step::Hit(Hit {
            value: Some(FactValue::Duration {
                amount,
                unit: name.to_string(),
            }),
            time: Some(TimeRef::Shift {
                months: sign * months,
                days: sign * days,
                from: Origin::Reference,
            }),
            trim_possessive: true,
            ..Hit::new(i, i + 3, FactKind::RelativeTime)
        }))
    }

    /// "in 10 days", "in a month", "in less than two weeks": that long
    /// after the reference, unless the sentence is about how long
    /// something took ("was built in 10 days").
    pub(super) fn in_time(&self, i: usize) -> Option<Step> {
        if self.low(i) != "in" {
            return None;
        }
        let took = {
            let w = self.before(i);
            (w.ends_with("ed") && !lexicon::future_cue(w))
                || matches!(
                    w,
                    "was" | "were" | "took" | "done" | "built" | "made" | "won" | "sold" | "did"
                )
        };
        if took && !self.future_before(i) {
            return None;
        }
        // "the first Cabinet official in 40 years", "the biggest fight in
        // two decades", "four races in five years": a stretch, not a time.
        let stretch = (i.saturating_sub(8)..i).any(|k| {
            let w = self.low(k);
            lexicon::ordinal_word(w).is_some()
                || lexicon::is_superlative(w)
                || (w.len() > 5 && w.ends_with("est"))
                || matches!(w, "time" | "times" | "ever" | "only" | "last")
                || self.is_num(k)
                || lexicon::unit_word(w).is_some_and(|n| n >= 2.0)
        });
        if stretch {
            return None;
        }
        let (qualifier, j) = match self.qualifier(i + 1) {
            Some((q, j)) => (Some(q), j),
            None => (None, i + 1),
        };
        let Some(Step::Hit(hit)) = self.number(j, qualifier.is_some()) else {
            return None;
        };
        let Some(FactValue::Duration { amount, unit }) = &hit.value else {
            return None;
        };
        if hit.kind != FactKind::Duration
            || hit.unit.is_some()
            || matches!(self.low(hit.end), "before" | "after" | "when" | "that")
        {
            return None;
        }
        let (unit, _) = lexicon::time_unit(unit)?;
        let (months, days) = calendar::months_and_days(*amount, unit)?;
        Some(Step::Hit(Hit {
            start: i,
            kind: FactKind::RelativeTime,
            time: Some(TimeRef::Shift {
                months,
                days,
                from: Origin::Reference,
            }),
            qualifier,
            ..hit
        }))
    }
}
