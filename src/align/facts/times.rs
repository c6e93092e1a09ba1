//! Times across reports: the period a time names, how precise it is,
//! and when two times conflict.

use std::collections::BTreeSet;

use jiff::civil::Date;

use super::Member;
use crate::extract::{Annual, Fact, FactKind, FactValue, Qualifier, TimeRef};

pub(super) fn is_time(kind: FactKind) -> bool {
    matches!(
        kind,
        FactKind::Date | FactKind::Weekday | FactKind::RelativeTime
    )
}

/// How precise a time expression is: "January" and "this year" resolve to
/// the same first day but do not say the same thing.
pub(super) fn precision(fact: &Fact) -> &'static str {
    // What the expression said, where the scanner kept it.
    match fact.time {
        Some(TimeRef::Quarter { .. }) => return "quarter",
        Some(TimeRef::Annual {
            date: Annual::Month { .. },
            ..
        }) => return "month",
        Some(TimeRef::Annual {
            date: Annual::Quarter { .. },
            ..
        }) => return "quarter",
        Some(
            TimeRef::Annual { .. }
            | TimeRef::DayOfMonth { .. }
            | TimeRef::DayOnWeekday { .. }
            | TimeRef::NthWeekday { .. },
        ) => return "day",
        _ => {}
    }
    let text = fact.text.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.iter().any(|x| x.starts_with(w));
    // "21", "21st": a day of the month.
    let day_number = words.iter().any(|w| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
    });
    let weekday = words
        .iter()
        .any(|w| crate::text::tokens::is_weekday(w.trim_end_matches("'s")));
    // "Q3 2023", "2021Q2", "the fourth quarter of 2019".
    let quarter = has("quarter")
        || words.iter().any(|w| {
            let w = w.trim_start_matches(|c: char| c.is_ascii_digit());
            w.len() == 2 && w.starts_with('q') && matches!(&w[1..], "1" | "2" | "3" | "4")
        });
    if quarter {
        return "quarter";
    }
    let holiday = words
        .iter()
        .any(|w| crate::extract::facts::lexicon::starts_holiday(w));
    if fact.kind == FactKind::Weekday
        || day_number
        || holiday
        || weekday
        || has("day")
        || has("yesterday")
        || has("today")
        || has("tonight")
        || has("morning")
        || has("afternoon")
        || has("evening")
        || has("night")
    {
        "day"
    } else if has("weekend") {
        "weekend"
    } else if has("week") {
        "week"
    } else if has("month") || MONTHS.iter().any(|m| has(m)) {
        "month"
    } else {
        "year"
    }
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A time counted from another event ("two days after the vote", "the
/// month before"): its anchor is a guess, so it may agree but never
/// conflict.
pub(super) fn is_anchored(fact: &Fact) -> bool {
    let text = fact.text.to_lowercase();
    fact.kind == FactKind::RelativeTime
        && (text.ends_with("after") || text.ends_with("before") || text.starts_with("the "))
}

/// A report cannot tell of what happened after it was published: when
/// `fact`, in reports `of` and in the past for them, is set against `other`
/// dated after their publication, `other` is a later occurrence ("met
/// Sunday" in Monday's paper, "Thursday night's meeting" in Thursday's).
pub(super) fn news_since(
    members: &[Member<'_>],
    of: &BTreeSet<usize>,
    fact: &Fact,
    other: &Fact,
) -> bool {
    let (Some((_, end)), Some((start, _))) = (period(fact), period(other)) else {
        return false;
    };
    of.iter().any(|&m| {
        members[m]
            .found
            .published
            .is_some_and(|p| end <= p && start > p)
    })
}

/// Two times conflict when the periods they name do not overlap. The same
/// weekday named twice never conflicts: the outlets may simply have
/// published on different days.
pub(super) fn times_conflict(a: &Fact, b: &Fact) -> bool {
    if is_anchored(a) || is_anchored(b) {
        return false;
    }
    if a.kind == FactKind::Weekday && b.kind == FactKind::Weekday {
        return weekday_name(&a.text) != weekday_name(&b.text)
            && a.resolved.is_some()
            && b.resolved.is_some()
            && a.resolved != b.resolved;
    }
    match (period(a), period(b)) {
        (Some(p), Some(q)) => !overlap(p, q),
        _ => false,
    }
}

pub(super) fn overlap((a0, a1): (Date, Date), (b0, b1): (Date, Date)) -> bool {
    a0 <= b1 && b0 <= a1
}

/// The days a time expression covers: its whole day, week, month or year,
/// or for a counted time ("two weeks ago", "less than a month after") the
/// stretch its count and hedge allow.
pub(super) fn period(fact: &Fact) -> Option<(Date, Date)> {
    if fact.kind == FactKind::Year {
        let year = super::slots::year_of(fact)?;
        return Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?));
    }
    let start = fact.resolved?;
    if let Some(FactValue::Duration { amount, unit }) = &fact.value {
        return counted_period(fact, start, *amount, unit);
    }
    let end = match precision(fact) {
        "day" => Some(start),
        "weekend" => start.checked_add(jiff::ToSpan::days(1)).ok(),
        "week" => start.checked_add(jiff::ToSpan::days(6)).ok(),
        "month" => Some(start.last_of_month()),
        "quarter" => start
            .checked_add(jiff::ToSpan::months(2))
            .ok()
            .map(|d| d.last_of_month()),
        _ => jiff::civil::Date::new(start.year(), 12, 31).ok(),
    }?;
    Some((start, end))
}

/// "two weeks ago" is about 14 days back, give or take half a week; "less
/// than a month ago" anywhere since; "more than a month ago" up to a month
/// further back. `at` is the counted-to day.
fn counted_period(fact: &Fact, at: Date, amount: f64, unit: &str) -> Option<(Date, Date)> {
    let unit_days: i64 = match unit {
        "week" => 7,
        "month" => 30,
        "year" => 365,
        _ => 1,
    };
    // Whole months and years by the calendar ("a month after" April 16 is
    // March 16), the rest in days; at most ten thousand years.
    let length = if matches!(unit, "month" | "year") && amount.fract() == 0.0 {
        let months = if unit == "year" {
            amount * 12.0
        } else {
            amount
        };
        jiff::Span::new()
            .try_months(months.clamp(0.0, 120_000.0) as i64)
            .ok()?
    } else {
        let days = (amount * unit_days as f64).round().clamp(0.0, 3_650_000.0) as i64;
        jiff::Span::new().try_days(days).ok()?
    };
    let text = fact.text.to_lowercase();
    // Counted back ("ago", "after": the dated thing is earlier) or forward.
    let back = text.ends_with("ago") || text.ends_with("after");
    let later = at.checked_add(length).ok()?;
    let earlier = at.checked_sub(length).ok()?;
    let half = jiff::Span::new().try_days(unit_days / 2).ok()?;
    Some(match (fact.qualifier, back) {
        (Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo), true) => (at, later),
        (Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo), false) => (earlier, at),
        (Some(Qualifier::MoreThan | Qualifier::AtLeast), true) => (earlier, at),
        (Some(Qualifier::MoreThan | Qualifier::AtLeast), false) => (at, later),
        _ => (at.checked_sub(half).ok()?, at.checked_add(half).ok()?),
    })
}

pub(super) fn weekday_name(text: &str) -> String {
    text.trim_end_matches(['’', '\'', 's']).to_lowercase()
}
