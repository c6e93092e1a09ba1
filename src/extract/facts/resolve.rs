//! Time expressions as data, and their resolution against a reference
//! date. The scanner records what a time expression says ([`TimeRef`]);
//! resolving is a pure function of that, the reference date and the times
//! named earlier in the same sentence, so an undated report can be
//! resolved later against the date of the reports it was grouped with.

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use super::calendar::{self, Direction};
use crate::extract::{Extraction, Fact, FactKind};

/// What a time expression says, before it is resolved to a calendar date
/// ([`Fact::time`]). Dates with a year need no reference and have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeRef {
    /// A day of a month in the reference's year moved by `years`:
    /// "April 19" and "July this year" (0), "last February" (-1). A month
    /// alone is its first day ("in March").
    MonthDay {
        /// 1 to 12.
        month: i8,
        /// 1 to 31.
        day: i8,
        /// Years from the reference's year.
        years: i64,
    },
    /// The weekday nearest the reference in `direction`: "Wednesday" (on
    /// or before), "will meet on Tuesday" and "this Friday" (on or after),
    /// "last Friday" (before), "next Tuesday" (after).
    Weekday {
        /// The day of the week.
        #[serde(with = "weekday_name")]
        weekday: Weekday,
        /// Which way from the reference.
        direction: Direction,
    },
    /// The Saturday of a weekend: "last weekend" (before), "this weekend"
    /// (on or after), "next weekend" (after).
    Weekend {
        /// Which way from the reference.
        direction: Direction,
    },
    /// The day `offset` days from the origin: "yesterday" (-1), "today",
    /// "the day after" (1).
    Day {
        /// Days from the origin.
        offset: i64,
        /// What it counts from.
        from: Origin,
    },
    /// The Monday of the week `offset` weeks from the origin's: "last
    /// week", "the following week".
    Week {
        /// Weeks from the origin's week.
        offset: i64,
        /// What it counts from.
        from: Origin,
    },
    /// The first day of the month `offset` months from the origin's: "last
    /// month", "the month before".
    Month {
        /// Months from the origin's month.
        offset: i64,
        /// What it counts from.
        from: Origin,
    },
    /// The first of January `offset` years from the origin's year: "next
    /// year", "earlier this year", "the previous year".
    Year {
        /// Years from the origin's year.
        offset: i64,
        /// What it counts from.
        from: Origin,
    },
    /// A day of the year given without its year, in the year `direction`
    /// picks: "April 19", "in December", "Christmas" (nearest the
    /// reference), "last Christmas" (before it).
    Annual {
        /// Which day of the year.
        date: Annual,
        /// Which occurrence.
        direction: Direction,
    },
    /// The first day of the quarter `offset` quarters from the origin's:
    /// "this quarter", "last quarter".
    Quarter {
        /// Quarters from the origin's quarter.
        offset: i64,
        /// What it counts from.
        from: Origin,
    },
    /// A day of a month, the month nearest the reference: "on the 21st".
    DayOfMonth {
        /// 1 to 31.
        day: i8,
    },
    /// A day of a month that falls on a weekday, the one nearest the
    /// reference: "Friday the 13th".
    DayOnWeekday {
        /// 1 to 31.
        day: i8,
        /// The day of the week it falls on.
        #[serde(with = "weekday_name")]
        weekday: Weekday,
    },
    /// The `nth` weekday (-1 the last) of the month `months` from the
    /// reference's: "the second Tuesday of the month" (0).
    NthWeekday {
        /// The day of the week.
        #[serde(with = "weekday_name")]
        weekday: Weekday,
        /// 1 to 5, or -1 for the last.
        nth: i8,
        /// Months from the reference's month.
        months: i64,
    },
    /// The origin moved by whole months, then by days: "two weeks ago" (0,
    /// -14), "two and a half years ago" (-30, 0), "three days from now" (0,
    /// 3), "a month after the visit" (-1, 0: the visit was a month before
    /// the time of the sentence).
    Shift {
        /// Months, added first (the day clamped to the month's length).
        months: i64,
        /// Days, added after the months.
        days: i64,
        /// What it counts from.
        from: Origin,
    },
}

/// A day of the year without its year ([`TimeRef::Annual`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Annual {
    /// A month, its first day: "in March", "June was hot", "mid-May".
    Month {
        /// 1 to 12.
        month: i8,
    },
    /// A quarter, its first day: "the fourth quarter".
    Quarter {
        /// 1 to 4.
        quarter: i8,
    },
    /// A fixed day: "April 19", "Christmas", "the fourth of July".
    Fixed {
        /// 1 to 12.
        month: i8,
        /// 1 to 31.
        day: i8,
    },
    /// A fixed day said to fall on a weekday ("Sat, Aug 3"): only the
    /// years where it does.
    FixedOnWeekday {
        /// 1 to 12.
        month: i8,
        /// 1 to 31.
        day: i8,
        /// The day of the week it falls on.
        #[serde(with = "weekday_name")]
        weekday: Weekday,
    },
    /// The `nth` weekday of a month (-1 the last): "Thanksgiving" (the
    /// fourth Thursday of November), "the last Friday of June".
    NthWeekday {
        /// 1 to 12.
        month: i8,
        /// The day of the week.
        #[serde(with = "weekday_name")]
        weekday: Weekday,
        /// 1 to 5, or -1 for the last.
        nth: i8,
    },
    /// Days from Easter Sunday: "Good Friday" (-2), "Pentecost" (49).
    Easter {
        /// Days after Easter Sunday (negative before).
        days: i16,
    },
}

impl Annual {
    /// Its day in `year`, if there is one.
    pub(crate) fn in_year(self, year: i64) -> Option<Date> {
        match self {
            Annual::Month { month } => calendar::ymd(year, i64::from(month), 1),
            Annual::Quarter { quarter } => calendar::ymd(year, i64::from(quarter) * 3 - 2, 1),
            Annual::Fixed { month, day } => calendar::ymd(year, i64::from(month), i64::from(day)),
            Annual::FixedOnWeekday {
                month,
                day,
                weekday,
            } => calendar::ymd(year, i64::from(month), i64::from(day))
                .filter(|d| d.weekday() == weekday),
            Annual::NthWeekday {
                month,
                weekday,
                nth,
            } => calendar::nth_weekday(year, i64::from(month), weekday, nth),
            Annual::Easter { days } => calendar::add_days(calendar::easter(year)?, i64::from(days)),
        }
    }

    /// How far apart two dates are for picking an occurrence: a month or
    /// quarter by whole months or quarters ("In October" in April is six
    /// months either way), a day by days.
    fn key(self, date: Date) -> i64 {
        let (year, month) = (i64::from(date.year()), i64::from(date.month()));
        match self {
            Annual::Month { .. } => year * 12 + month,
            Annual::Quarter { .. } => year * 4 + (month - 1) / 3,
            _ => calendar::day_number(date),
        }
    }

    /// The occurrence `direction` picks around `reference`.
    fn resolve(self, reference: Date, direction: Direction) -> Option<Date> {
        // A day on a weekday recurs within 28 years; the others yearly.
        let reach = if matches!(self, Annual::FixedOnWeekday { .. }) {
            28
        } else {
            1
        };
        let year = i64::from(reference.year());
        let at = self.key(reference);
        let candidates = (year - reach..=year + reach).filter_map(|y| self.in_year(y));
        pick(candidates, direction, |d| self.key(d) - at)
    }
}

/// The candidate `direction` picks, by each one's signed distance from the
/// reference (candidates in increasing order).
fn pick(
    candidates: impl Iterator<Item = Date>,
    direction: Direction,
    distance: impl Fn(Date) -> i64,
) -> Option<Date> {
    let mut best: Option<(i64, Date)> = None;
    for date in candidates {
        let d = distance(date);
        let better = match (direction, best) {
            (Direction::Before, _) if d >= 0 => false,
            (Direction::OnOrBefore, _) if d > 0 => false,
            (Direction::After, _) if d <= 0 => false,
            (Direction::OnOrAfter, _) if d < 0 => false,
            (_, None) => true,
            (Direction::Before | Direction::OnOrBefore, Some(_)) => true,
            (Direction::After | Direction::OnOrAfter, Some(_)) => false,
            // Strictly nearer: on a tie the earlier, past one stays.
            (Direction::Nearest, Some((b, _))) => d.abs() < b.abs(),
        };
        if better {
            best = Some((d, date));
        }
    }
    best.map(|(_, date)| date)
}

/// What a relative time counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Origin {
    /// The reference date: the publication date, or for an undated report
    /// the earliest date of its event.
    Reference,
    /// The time the sentence is about ("a week after", "the month
    /// before"): the last time named earlier in the sentence, else the
    /// reference. After a year alone or a time that could not be resolved
    /// ("In 1990, two years after the war") there is none.
    Sentence,
}

/// The time of the sentence so far, as facts are read in order.
#[derive(Debug, Clone, Copy)]
enum Anchor {
    /// No time named yet: the reference.
    Reference,
    /// A resolved time named earlier in the sentence.
    Named(Date),
    /// A time that could not be resolved, or a year alone: counting from
    /// the reference would be wrong.
    Unknown,
}

impl TimeRef {
    /// The calendar date, counted from `reference` or from `sentence`, the
    /// time of the sentence (`None` when unknown). `None` where the
    /// calendar has no such day.
    fn resolve(self, reference: Date, sentence: Option<Date>) -> Option<Date> {
        let origin = |from: Origin| match from {
            Origin::Reference => Some(reference),
            Origin::Sentence => sentence,
        };
        match self {
            TimeRef::MonthDay { month, day, years } => {
                let year = i64::from(reference.year()).checked_add(years)?;
                calendar::ymd(year, i64::from(month), i64::from(day))
            }
            TimeRef::Weekday { weekday, direction } => {
                calendar::weekday_from(reference, weekday, direction)
            }
            TimeRef::Weekend { direction } => calendar::weekend(reference, direction),
            TimeRef::Day { offset, from } => calendar::add_days(origin(from)?, offset),
            TimeRef::Week { offset, from } => calendar::week_start(origin(from)?, offset),
            TimeRef::Month { offset, from } => calendar::month_start(origin(from)?, offset),
            TimeRef::Year { offset, from } => calendar::year_start(origin(from)?, offset),
            TimeRef::Annual { date, direction } => date.resolve(reference, direction),
            TimeRef::Quarter { offset, from } => calendar::quarter_start(origin(from)?, offset),
            TimeRef::DayOfMonth { day } => near_day(reference, day, None),
            TimeRef::DayOnWeekday { day, weekday } => near_day(reference, day, Some(weekday)),
            TimeRef::NthWeekday {
                weekday,
                nth,
                months,
            } => {
                let month = calendar::month_start(reference, months)?;
                calendar::nth_weekday(
                    i64::from(month.year()),
                    i64::from(month.month()),
                    weekday,
                    nth,
                )
            }
            TimeRef::Shift { months, days, from } => {
                calendar::add_days(calendar::add_months(origin(from)?, months)?, days)
            }
        }
    }
}

/// Day `day` of the month nearest `reference` that has it (and falls on
/// `weekday`, if given: a Friday the 13th comes at least every 14 months).
fn near_day(reference: Date, day: i8, weekday: Option<Weekday>) -> Option<Date> {
    let first = reference.first_of_month();
    let at = calendar::day_number(reference);
    let candidates = (-15..=15).filter_map(|k| {
        let month = calendar::add_months(first, k)?;
        let date = month.with().day(day).build().ok()?;
        weekday.is_none_or(|w| date.weekday() == w).then_some(date)
    });
    pick(candidates, Direction::Nearest, |d| {
        calendar::day_number(d) - at
    })
}

/// Fills [`Fact::resolved`] of every fact with a [`Fact::time`] from
/// `reference`. Facts are in text order; the time of a sentence is the
/// last time fact before it in the same sentence.
pub(crate) fn resolve_facts(facts: &mut [Fact], reference: Date) {
    let mut sentence = None;
    let mut anchor = Anchor::Reference;
    for fact in facts {
        if sentence != Some(fact.sentence) {
            sentence = Some(fact.sentence);
            anchor = Anchor::Reference;
        }
        if let Some(time) = fact.time {
            let at = match anchor {
                Anchor::Reference => Some(reference),
                Anchor::Named(date) => Some(date),
                Anchor::Unknown => None,
            };
            fact.resolved = time.resolve(reference, at);
        }
        match fact.kind {
            FactKind::Date | FactKind::Weekday | FactKind::RelativeTime => {
                anchor = fact.resolved.map_or(Anchor::Unknown, Anchor::Named);
            }
            FactKind::Year => anchor = Anchor::Unknown,
            _ => {}
        }
    }
}

impl Extraction {
    /// Resolves the times of the facts against `reference`, as extraction
    /// does with the publication date: every fact with a [`Fact::time`]
    /// gets the [`Fact::resolved`] date it refers to (or `None`). Dates
    /// that give their year keep theirs; nothing else changes, `published`
    /// included. Pure: it reads only the extraction, and resolving against
    /// the same date twice changes nothing.
    ///
    /// ```
    /// use corroborate::{extract, Report};
    /// use jiff::civil::date;
    ///
    /// let report = Report::new("r", "Floods hit the city on Sunday, two weeks ago.");
    /// let mut found = extract(&report);
    /// assert_eq!(found.facts[0].resolved, None);
    /// found.resolve_times(date(2023, 4, 17));
    /// let resolved: Vec<String> = found.facts.iter().map(|f| f.resolved.unwrap().to_string()).collect();
    /// assert_eq!(resolved, ["2023-04-16", "2023-04-03"]);
    /// // The same as extracting it with that publication date.
    /// let dated = extract(&report.clone().with_published(date(2023, 4, 17)));
    /// assert_eq!(found.facts, dated.facts);
    /// ```
    pub fn resolve_times(&mut self, reference: Date) {
        resolve_facts(&mut self.facts, reference);
    }
}

/// [`Weekday`] in JSON as its lower-case English name ("monday").
mod weekday_name {
    use jiff::civil::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Monday first, as [`Weekday::to_monday_zero_offset`] counts.
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];

    pub(super) fn serialize<S: Serializer>(weekday: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(NAMES[weekday.to_monday_zero_offset() as usize])
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        let name = String::deserialize(d)?;
        let unknown = || serde::de::Error::unknown_variant(&name, &NAMES);
        let offset = NAMES.iter().position(|n| *n == name).ok_or_else(unknown)?;
        // `offset` is below 7.
        Weekday::from_monday_zero_offset(offset as i8).map_err(|_| unknown())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn time_refs_read_and_write_plain_json() {
        let cases = [
            (
                TimeRef::Weekday {
                    weekday: Weekday::Sunday,
                    direction: Direction::OnOrBefore,
                },
                r#"{"type":"weekday","weekday":"sunday","direction":"on_or_before"}"#,
            ),
            (
                TimeRef::Shift {
                    months: 0,
                    days: -14,
                    from: Origin::Sentence,
                },
                r#"{"type":"shift","months":0,"days":-14,"from":"sentence"}"#,
            ),
            (
                TimeRef::MonthDay {
                    month: 4,
                    day: 19,
                    years: 0,
                },
                r#"{"type":"month_day","month":4,"day":19,"years":0}"#,
            ),
        ];
        for (time, json) in cases {
            assert_eq!(serde_json::to_string(&time).unwrap(), json);
            assert_eq!(serde_json::from_str::<TimeRef>(json).unwrap(), time);
        }
        assert!(serde_json::from_str::<TimeRef>(
            r#"{"type":"weekday","weekday":"someday","direction":"after"}"#
        )
        .is_err());
    }

    #[test]
    fn each_form_against_a_wednesday() {
        let wed = date(2024, 8, 21);
        let at = |time: TimeRef, sentence: Option<Date>| time.resolve(wed, sentence);
        let from = Origin::Reference;
        assert_eq!(
            at(
                TimeRef::MonthDay {
                    month: 2,
                    day: 1,
                    years: -1
                },
                None
            ),
            Some(date(2023, 2, 1))
        );
        assert_eq!(
            at(
                TimeRef::MonthDay {
                    month: 2,
                    day: 30,
                    years: 0
                },
                None
            ),
            None
        );
        assert_eq!(
            at(
                TimeRef::Weekend {
                    direction: Direction::Before
                },
                None
            ),
            Some(date(2024, 8, 17))
        );
        assert_eq!(
            at(TimeRef::Day { offset: -1, from }, None),
            Some(date(2024, 8, 20))
        );
        assert_eq!(
            at(TimeRef::Week { offset: -1, from }, None),
            Some(date(2024, 8, 12))
        );
        assert_eq!(
            at(TimeRef::Month { offset: 1, from }, None),
            Some(date(2024, 9, 1))
        );
        assert_eq!(
            at(TimeRef::Year { offset: 0, from }, None),
            Some(date(2024, 1, 1))
        );
        let shift = TimeRef::Shift {
            months: -30,
            days: 0,
            from: Origin::Sentence,
        };
        assert_eq!(at(shift, Some(date(2020, 3, 31))), Some(date(2017, 9, 30)));
        assert_eq!(at(shift, None), None);
    }

    #[test]
    fn the_time_of_the_sentence_is_the_last_time_before_it() {
        let text = "In 1990, two years after the war, it rained. \
                    On Aug. 1, 2024, a week after the vote, they met. \
                    Two days after the vote, they left.";
        let (second, third) = (text.find("On Aug").unwrap(), text.find("Two").unwrap());
        let sentences = [
            crate::span::Span::new(0, second),
            crate::span::Span::new(second, third),
            crate::span::Span::new(third, text.len()),
        ];
        let found = super::super::find_facts_in(text, &sentences, Some(date(2024, 8, 21)));
        let got: Vec<(&str, Option<String>)> = found
            .iter()
            .map(|f| (f.text.as_str(), f.resolved.map(|d| d.to_string())))
            .collect();
        assert_eq!(
            got,
            [
                ("1990", None),
                ("two years after", None),
                ("Aug. 1, 2024", Some("2024-08-01".to_string())),
                ("a week after", Some("2024-07-25".to_string())),
                ("Two days after", Some("2024-08-19".to_string())),
            ]
        );
    }

    /// An undated report resolved later against `reference` has the facts
    /// it would have had published that day. Returns how many facts the
    /// resolution dated.
    fn resolved_later_is_dated(report: &crate::Report, reference: Date) -> usize {
        let mut undated = report.clone();
        undated.published = None;
        let mut later = crate::extract(&undated);
        let before = later.facts.iter().filter(|f| f.resolved.is_some()).count();
        later.resolve_times(reference);
        let dated = crate::extract(&undated.with_published(reference));
        assert_eq!(
            later.facts, dated.facts,
            "{} against {reference}",
            report.id
        );
        // Resolving again changes nothing.
        later.resolve_times(reference);
        assert_eq!(later.facts, dated.facts, "{} twice", report.id);
        later.facts.iter().filter(|f| f.resolved.is_some()).count() - before
    }

    /// Wednesday, Sunday, a leap day and the ends of the calendar.
    const REFERENCES: [Date; 5] = [
        date(2024, 8, 21),
        date(2023, 4, 16),
        date(2024, 2, 29),
        date(9999, 12, 31),
        date(-9999, 1, 1),
    ];

    #[test]
    fn resolving_an_undated_seed_is_extracting_it_with_the_date() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .expect("seeds")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert!(names.len() >= 5, "{names:?}");
        let mut dated = 0;
        for name in names {
            let text = std::fs::read_to_string(dir.join(&name)).expect("fixture");
            let report = crate::Report::from_plain_text(name, text).expect("report");
            for reference in report.published.into_iter().chain(REFERENCES) {
                dated += resolved_later_is_dated(&report, reference);
            }
        }
        assert!(dated > 50, "only {dated} facts dated");
    }

    #[test]
    fn extraction_with_times_reads_back_and_older_json_still_reads() {
        let report = crate::Report::new("r", "Li arrived on Sunday, a week after the vote.")
            .with_published(date(2023, 4, 17));
        let found = crate::extract(&report);
        assert!(found.facts.iter().all(|f| f.time.is_some()), "{found:?}");
        let json = serde_json::to_string(&found).unwrap();
        assert_eq!(serde_json::from_str::<Extraction>(&json).unwrap(), found);
        // Without the field (JSON from before it existed) a fact has no time.
        let mut value = serde_json::to_value(&found.facts[0]).unwrap();
        value.as_object_mut().unwrap().remove("time");
        let old: Fact = serde_json::from_value(value).unwrap();
        assert_eq!(old.time, None);
        assert_eq!(old.resolved, found.facts[0].resolved);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn resolving_later_is_extracting_with_the_date(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Sunday", "Friday’s", "last", "next", "this", "week", "weekend", "month", "year",
                "ago", "two", "a", "and", "half", "days", "years", "from", "now", "after", "before",
                "the", "previous", "following", "vote", "in", "1990", "Aug", ".", "21", ",", "2024",
                "April", "19", "March", "July", "will", "earlier", "yesterday", "today", "on", "day",
            ]), 0..30),
            reference in proptest::sample::select(REFERENCES.to_vec()),
        ) {
            let text = words.join(" ");
            resolved_later_is_dated(&crate::Report::new("p", text), reference);
        }
    }
}
