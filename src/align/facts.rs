//! Facts across the reports of an event.
//!
//! - **Slots.** Times that resolve to the same calendar period (or name the
//!   same weekday where a report has no date) form one slot; amounts of the
//!   same kind, unit and value form one slot. A slot carried by several
//!   reports is an agreement. When one report bounds the value ("more than
//!   $250,000") and another does not bound it the same way ("$250,000",
//!   "about $250,000") and the words around agree, the slot is also a
//!   qualifier discrepancy.
//! - **Compatible times.** Two times that cover overlapping periods ("less
//!   than a month after Xi's visit", "last month") and whose clauses speak
//!   of the same thing are an agreement, with the periods in the note.
//! - **Conflicts.** Two facts measure one quantity when they sit in
//!   statements aligned as the same claim, or when the words around them
//!   agree (weighted by how rare each word is in the event), each is the
//!   other's best match and — for amounts — the figures are close
//!   ("50,000 pages" vs "55,000 pages", not "six seats" vs "60 seats").
//!   Rounding ("$43,350" and "$43,000") and hedges ("more than 30" and
//!   "35") are not conflicts; each report carrying the other's figure means
//!   two quantities, not one. Times conflict when their periods do not
//!   overlap, unless one is after the other report was published (a later
//!   occurrence, not a conflict); times counted from another event ("two
//!   days after the vote") never conflict, their anchor being a guess.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;

use super::{evidence, record, round, Aligned, Claimed, Member, StatementPair};

use crate::extract::{Fact, FactKind, FactValue, Qualifier};
use crate::record::{Claim, Difference, Evidence, Record, RecordKind};
use crate::span::Span;

/// Least context affinity for two amounts outside aligned statements to be
/// one quantity.
const AMOUNT_AFFINITY: f64 = 0.2;
/// Least context affinity for two times outside aligned statements to date
/// one occurrence: times are many and their contexts alike, so more is
/// asked of them.
const TIME_AFFINITY: f64 = 0.35;
/// Least context affinity for two overlapping times to agree.
const COMPATIBLE_AFFINITY: f64 = 0.3;
/// Least context affinity for a slot's differing hedges to be about one
/// figure (the shared value already says much).
const HEDGE_AFFINITY: f64 = 0.1;
/// Two figures outside aligned statements conflict only when the larger is
/// at most this much the smaller: reports that disagree on one figure
/// disagree by a little, while far-apart figures in like words count
/// different things.
const NEAR_MISS: f64 = 1.25;
/// The same inside statements aligned as one claim, which may differ more
/// ("two days of mourning", "three days of mourning") but not by an order
/// of magnitude ("six seats", "nearly 60 seats").
const ALIGNED_MISS: f64 = 2.0;

fn is_time(kind: FactKind) -> bool {
    matches!(
        kind,
        FactKind::Date | FactKind::Weekday | FactKind::RelativeTime
    )
}

/// The slot a fact belongs to, as a sortable key.
fn slot(fact: &Fact) -> Option<String> {
    if is_time(fact.kind) {
        if let Some(date) = fact.resolved {
            return Some(format!("day {date} {}", precision(fact)));
        }
        if fact.kind == FactKind::Weekday {
            return Some(format!("weekday {}", weekday_name(&fact.text)));
        }
        return None;
    }
    let value = match fact.value.as_ref()? {
        FactValue::Number(x) => format!("{x}"),
        FactValue::Money { amount, currency } => format!("{amount} {currency}"),
        FactValue::Duration { amount, unit } => format!("{amount} {unit}"),
    };
    // Bare numbers and years are too common to agree on by value alone.
    if matches!(
        fact.kind,
        FactKind::Number | FactKind::Year | FactKind::Ordinal
    ) {
        return None;
    }
    Some(format!(
        "{:?} {} {value}",
        fact.kind,
        fact.unit.as_deref().unwrap_or("")
    ))
}

/// How precise a time expression is: "January" and "this year" resolve to
/// the same first day but do not say the same thing.
fn precision(fact: &Fact) -> &'static str {
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
    if fact.kind == FactKind::Weekday
        || day_number
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
fn is_anchored(fact: &Fact) -> bool {
    let text = fact.text.to_lowercase();
    fact.kind == FactKind::RelativeTime
        && (text.ends_with("after") || text.ends_with("before") || text.starts_with("the "))
}

/// A fact inside a quoted title (ABC’s “This Week”) is part of a name.
fn in_title(titles: &[Span], fact: &Fact) -> bool {
    // Sorted by start and apart: only the last one starting before the
    // fact can hold it.
    let i = titles.partition_point(|t| t.start <= fact.span.start);
    i > 0 && titles[i - 1].contains(fact.span)
}

/// The spans of a report's quoted titles, sorted, for [`in_title`].
fn title_spans(member: &Member<'_>) -> Vec<Span> {
    let mut titles: Vec<Span> = member
        .found
        .quotes
        .iter()
        .filter(|q| q.kind == crate::extract::QuoteKind::Title)
        .map(|q| q.span)
        .collect();
    titles.sort_unstable_by_key(|t| (t.start, t.end));
    titles
}

/// "the two countries", "both sides": a small count that refers back to
/// things already named, not a figure anyone reports ("the 47-page
/// indictment" and "the 19 hijackers" are figures).
fn is_anaphoric(text: &str, fact: &Fact) -> bool {
    let before = text[..fact.span.start.min(text.len())].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    fact.kind == FactKind::Count
        && number(fact).is_some_and(|n| n <= 10.0)
        && !fact.text.contains('-')
        && matches!(word.as_str(), "the" | "these" | "those" | "both" | "all")
}

/// A report cannot tell of what happened after it was published: when
/// `fact`, in reports `of` and in the past for them, is set against `other`
/// dated after their publication, `other` is a later occurrence ("met
/// Sunday" in Monday's paper, "Thursday night's meeting" in Thursday's).
fn news_since(members: &[Member<'_>], of: &BTreeSet<usize>, fact: &Fact, other: &Fact) -> bool {
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
fn times_conflict(a: &Fact, b: &Fact) -> bool {
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

fn overlap((a0, a1): (Date, Date), (b0, b1): (Date, Date)) -> bool {
    a0 <= b1 && b0 <= a1
}

/// The days a time expression covers: its whole day, week, month or year,
/// or for a counted time ("two weeks ago", "less than a month after") the
/// stretch its count and hedge allow.
fn period(fact: &Fact) -> Option<(Date, Date)> {
    let start = fact.resolved?;
    if let Some(FactValue::Duration { amount, unit }) = &fact.value {
        return counted_period(fact, start, *amount, unit);
    }
    let end = match precision(fact) {
        "day" => Some(start),
        "weekend" => start.checked_add(jiff::ToSpan::days(1)).ok(),
        "week" => start.checked_add(jiff::ToSpan::days(6)).ok(),
        "month" => Some(start.last_of_month()),
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

/// How a value is hedged, for telling whether two hedges say different
/// things: a plain figure, an approximate one, a floor or a ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hedge {
    Point,
    Approximate,
    Lower,
    Upper,
}

fn hedge(fact: &Fact) -> Hedge {
    match fact.qualifier {
        None | Some(Qualifier::Record) => Hedge::Point,
        Some(Qualifier::About) => Hedge::Approximate,
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => Hedge::Lower,
        Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo | Qualifier::Nearly) => {
            Hedge::Upper
        }
    }
}

/// Two hedges disagree when one bounds the value and the other does not
/// bound it the same way ("more than" against a plain figure, "about" or
/// "less than"). "At least" and "more than" agree, and so do "about" and a
/// plain figure: news figures are round, so "800,000" is already about
/// 800,000.
fn hedges_differ(a: &Fact, b: &Fact) -> bool {
    let bound = |h: Hedge| matches!(h, Hedge::Lower | Hedge::Upper);
    let (x, y) = (hedge(a), hedge(b));
    x != y && (bound(x) || bound(y))
}

/// Two amounts conflict unless they are equal, one rounds the other, or a
/// hedge covers the gap ("more than 30" and "35", "nearly 240" and "240").
/// Two bounds the same way on different figures ("as many as 1.5 million",
/// "up to 1.6 million") disagree.
fn values_conflict(a: &Fact, b: &Fact) -> bool {
    let (Some(x), Some(y)) = (number(a), number(b)) else {
        return false;
    };
    if measure(a) != measure(b) || x == y || rounds_to(a, b) {
        return false;
    }
    let bound = |f: &Fact| match hedge(f) {
        h @ (Hedge::Lower | Hedge::Upper) => Some(h),
        _ => None,
    };
    if bound(a).is_some() && bound(a) == bound(b) {
        return true;
    }
    let covers = |hedged: &Fact, h: f64, other: f64| match hedged.qualifier {
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => other >= h,
        Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo) => other <= h,
        Some(Qualifier::About | Qualifier::Nearly) => (h - other).abs() <= 0.1 * h.abs(),
        _ => false,
    };
    !(covers(a, x, y) || covers(b, y, x))
}

/// What an amount is measured in: a currency or unit of time, else
/// nothing (counts and percentages compare by kind and unit).
fn measure(fact: &Fact) -> &str {
    match &fact.value {
        Some(FactValue::Money { currency, .. }) => currency,
        Some(FactValue::Duration { unit, .. }) => unit,
        _ => "",
    }
}

/// One figure is the other rounded to the precision it is written with
/// ("$43,000" and "$43,350", "$1.4 billion" and "$1.375 billion", "$700
/// billion" and "$716 billion"), and the two are within a tenth of each
/// other ("10,000" does not round "5,587.75").
fn rounds_to(a: &Fact, b: &Fact) -> bool {
    let (Some(x), Some(y)) = (number(a), number(b)) else {
        return false;
    };
    let near = |p: f64, q: f64| (p - q).abs() <= 1e-9 * p.abs().max(q.abs()).max(1.0);
    let round = |v: f64, step: f64| (v / step).round() * step;
    (x - y).abs() <= 0.1 * x.abs().max(y.abs())
        && (near(round(x, written_step(b)), y) || near(round(y, written_step(a)), x))
}

/// The place of the last significant digit of an amount as written: 0.01
/// for "$5,687.75", 1,000 for "$43,000", 100 million for "$3.6 billion",
/// 1 for "five".
fn written_step(fact: &Fact) -> f64 {
    let Some(value) = number(fact) else {
        return 1.0;
    };
    let text = fact.text.as_str();
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        // In words: "two hundred" is given to the hundred.
        let mut step = 1.0;
        let mut rest = value.abs();
        while rest >= 10.0 && rest.fract() == 0.0 && (rest / 10.0).fract() == 0.0 {
            rest /= 10.0;
            step *= 10.0;
        }
        return step;
    };
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let Ok(raw) = digits.parse::<f64>() else {
        return 1.0;
    };
    let scale = if raw == 0.0 { 1.0 } else { value.abs() / raw };
    let place = match digits.split_once('.') {
        Some((_, fraction)) => 10f64.powi(-(fraction.len().min(12) as i32)),
        None => {
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            if zeros == digits.len() {
                1.0
            } else {
                10f64.powi(zeros.min(15) as i32)
            }
        }
    };
    scale * place
}

/// The larger of two figures is at most `ratio` times the smaller.
fn near_miss(a: &Fact, b: &Fact, ratio: f64) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) <= ratio * x.min(y),
        _ => false,
    }
}

fn number(fact: &Fact) -> Option<f64> {
    match fact.value.as_ref()? {
        FactValue::Number(x) => Some(*x),
        FactValue::Money { amount, .. } | FactValue::Duration { amount, .. } => Some(*amount),
    }
}

fn weekday_name(text: &str) -> String {
    text.trim_end_matches(['’', '\'', 's']).to_lowercase()
}

/// A fact of the event with what is known of its surroundings.
struct Item<'a> {
    member: usize,
    fact: &'a Fact,
    context: FactContext,
    /// "the two countries": never a figure in its own right.
    anaphoric: bool,
}

pub(super) fn align_facts(
    members: &[Member<'_>],
    statement_pairs: &[StatementPair],
    out: &mut Aligned,
) {
    let items: Vec<Item<'_>> = members
        .iter()
        .enumerate()
        .flat_map(|(m, member)| {
            let titles = title_spans(member);
            member
                .found
                .facts
                .iter()
                .filter(move |f| f.kind != FactKind::Ordinal && !in_title(&titles, f))
                .map(move |f| Item {
                    member: m,
                    fact: f,
                    context: FactContext::of(&member.report.text, f),
                    anaphoric: is_anaphoric(&member.report.text, f),
                })
        })
        .collect();
    let weights = Rarity::of(&items);
    let slots = slot_agreements(members, &items, &weights, out);
    compatible_times(members, &items, &weights, &slots, out);
    conflicts(members, &items, &weights, statement_pairs, out);
}

/// Agreements on one value, and the hedges that differ on it. Returns each
/// item's slot key.
fn slot_agreements(
    members: &[Member<'_>],
    items: &[Item<'_>],
    weights: &Rarity,
    out: &mut Aligned,
) -> HashMap<usize, String> {
    // (slot) → member → first item
    let mut slots: BTreeMap<String, BTreeMap<usize, usize>> = BTreeMap::new();
    let mut slot_of: HashMap<usize, String> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        if it.anaphoric {
            continue;
        }
        if let Some(key) = slot(it.fact) {
            slots
                .entry(key.clone())
                .or_default()
                .entry(it.member)
                .or_insert(i);
            slot_of.insert(i, key);
        }
    }
    // A weekday named without a date joins the dated slot of that weekday
    // when there is exactly one.
    let weekday_slots: Vec<String> = slots
        .keys()
        .filter(|k| k.starts_with("weekday "))
        .cloned()
        .collect();
    for key in weekday_slots {
        let name = &key["weekday ".len()..];
        let dated: Vec<String> = slots
            .iter()
            .filter(|(k, found)| {
                k.starts_with("day ")
                    && found.values().any(|&i| {
                        items[i].fact.kind == FactKind::Weekday
                            && weekday_name(&items[i].fact.text) == name
                    })
            })
            .map(|(k, _)| k.clone())
            .collect();
        if let [target] = dated.as_slice() {
            let moved = slots.remove(&key).unwrap_or_default();
            let entry = slots.entry(target.clone()).or_default();
            for (m, i) in moved {
                entry.entry(m).or_insert(i);
            }
            for k in slot_of.values_mut().filter(|k| **k == key) {
                k.clone_from(target);
            }
        }
    }
    for found in slots.values() {
        if found.len() < 2 {
            continue;
        }
        let facts: Vec<&Fact> = found.values().map(|&i| items[i].fact).collect();
        let ev: Vec<Evidence> = found
            .iter()
            .map(|(&m, &i)| evidence(&members[m], items[i].fact.span, None))
            .collect();
        let kind = facts[0].kind;
        let wordings: Vec<String> = facts.iter().map(|f| format!("“{}”", f.text)).collect();
        let hedged = facts.iter().any(|f| f.qualifier != facts[0].qualifier);
        let note =
            hedged.then(|| format!("same value, hedged differently: {}", wordings.join(" vs ")));
        let mut claimed = Claimed {
            record: Record {
                note: note.clone(),
                ..record(Claim::Fact, RecordKind::Fact(kind), ev.clone(), Some(1.0))
            },
            differences: Vec::new(),
        };
        // A bound against a plain figure is a discrepancy when the words
        // around them say they are one figure.
        let ids: Vec<usize> = found.values().copied().collect();
        let concur = ids
            .iter()
            .enumerate()
            .flat_map(|(k, &p)| ids[k + 1..].iter().map(move |&q| (p, q)))
            .filter(|&(p, q)| hedges_differ(items[p].fact, items[q].fact))
            .map(|(p, q)| weights.affinity(&items[p].context, &items[q].context))
            .fold(None, |best: Option<f64>, s| {
                Some(best.map_or(s, |b| b.max(s)))
            });
        if let Some(score) = concur.filter(|&s| s >= HEDGE_AFFINITY) {
            claimed.differences.push(Record {
                note: Some(format!("hedged differently: {}", wordings.join(" vs "))),
                ..record(
                    Claim::Fact,
                    RecordKind::Difference(Difference::Qualifier),
                    ev,
                    Some(round(score)),
                )
            });
        }
        out.claims.push(claimed);
    }
    slot_of
}

/// Times in different slots whose periods overlap and whose clauses agree
/// ("less than a month after Xi's visit to Moscow", "last month, Xi
/// visited Moscow"): one occurrence dated at different precisions.
fn compatible_times(
    members: &[Member<'_>],
    items: &[Item<'_>],
    weights: &Rarity,
    slots: &HashMap<usize, String>,
    out: &mut Aligned,
) {
    let times: Vec<usize> = (0..items.len())
        .filter(|&i| is_time(items[i].fact.kind) && period(items[i].fact).is_some())
        .collect();
    let mut postings: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for &i in &times {
        for word in items[i].context.words.keys() {
            postings.entry(word.as_str()).or_default().push(i);
        }
    }
    let mut scored: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for ((a, b), _) in super::blocked_pairs(postings.values()) {
        let (p, q) = (&items[a], &items[b]);
        if p.member == q.member || slots.get(&a) == slots.get(&b) {
            continue;
        }
        let score = weights.affinity(&p.context, &q.context);
        if score >= COMPATIBLE_AFFINITY {
            scored.insert((a, b), score);
        }
    }
    let best = best_partners(items, scored.iter().map(|(&k, &s)| (k, s)));
    for (&(a, b), &score) in &scored {
        let (p, q) = (items[a].fact, items[b].fact);
        let (Some(pa), Some(pb)) = (period(p), period(q)) else {
            continue;
        };
        if !overlap(pa, pb) || !best.mutual(items, a, b, score) {
            continue;
        }
        let show = |f: &Fact, (s, e): (Date, Date)| {
            if s == e {
                format!("“{}” ({s})", f.text)
            } else {
                format!("“{}” ({s} to {e})", f.text)
            }
        };
        let mut ev = vec![
            evidence(&members[items[a].member], p.span, None),
            evidence(&members[items[b].member], q.span, None),
        ];
        ev.sort_by(|x, y| (&x.report, x.span).cmp(&(&y.report, y.span)));
        out.claims.push(Claimed {
            record: Record {
                note: Some(format!(
                    "compatible times: {} and {}",
                    show(p, pa),
                    show(q, pb)
                )),
                ..record(
                    Claim::Fact,
                    RecordKind::Fact(p.kind),
                    ev,
                    Some(round(score)),
                )
            },
            differences: Vec::new(),
        });
    }
}

/// For each item and report, the best context affinity it has with any
/// candidate fact of that report.
struct BestPartners(HashMap<(usize, usize), f64>);

impl BestPartners {
    /// `a` and `b` (scoring `score`) are each other's best in the other's
    /// report.
    fn mutual(&self, items: &[Item<'_>], a: usize, b: usize, score: f64) -> bool {
        let best = |i: usize, m: usize| self.0.get(&(i, m)).copied().unwrap_or(0.0);
        score >= best(a, items[b].member) && score >= best(b, items[a].member)
    }
}

fn best_partners(
    items: &[Item<'_>],
    scored: impl Iterator<Item = ((usize, usize), f64)>,
) -> BestPartners {
    let mut best: HashMap<(usize, usize), f64> = HashMap::new();
    for ((a, b), score) in scored {
        for (i, other) in [(a, b), (b, a)] {
            let e = best.entry((i, items[other].member)).or_insert(score);
            *e = e.max(score);
        }
    }
    BestPartners(best)
}

/// Facts about one quantity with values that cannot both hold.
fn conflicts(
    members: &[Member<'_>],
    items: &[Item<'_>],
    weights: &Rarity,
    statement_pairs: &[StatementPair],
    out: &mut Aligned,
) {
    // Identical facts in identical contexts (syndicated copies) form one
    // variant, so a big event costs no more than its distinct wordings.
    let groups = super::variants(items.iter().map(|it| {
        (
            it.fact.kind,
            it.fact.unit.clone(),
            it.fact.text.to_lowercase(),
            it.context.words.keys().cloned().collect::<Vec<_>>(),
        )
    }));
    let mut variant_of: HashMap<(usize, Span), usize> = HashMap::new();
    for (v, g) in groups.iter().enumerate() {
        for &i in g {
            variant_of.insert((items[i].member, items[i].fact.span), v);
        }
    }
    // (variant pair) → (score, inside aligned statements)
    let mut candidates: BTreeMap<(usize, usize), (f64, bool)> = BTreeMap::new();
    let mut add = |a: usize, b: usize, score: f64, aligned: bool| {
        if a != b {
            let e = candidates
                .entry((a.min(b), a.max(b)))
                .or_insert((score, aligned));
            *e = (e.0.max(score), e.1 || aligned);
        }
    };
    // The only fact of its kind inside two statements aligned as the same
    // claim.
    for &((ma, sa), (mb, sb), score) in statement_pairs {
        let inside = |m: usize, s: usize| -> Vec<&Fact> {
            let span = members[m].found.statements[s].span;
            members[m]
                .found
                .facts
                .iter()
                .filter(|f| span.contains(f.span))
                .collect()
        };
        let (fa, fb) = (inside(ma, sa), inside(mb, sb));
        for a in &fa {
            let same = |x: &&&Fact| x.kind == a.kind && x.unit == a.unit;
            // Only an unambiguous one-to-one pairing can conflict.
            let [b] = fb.iter().filter(same).collect::<Vec<_>>()[..] else {
                continue;
            };
            if fa.iter().filter(same).count() == 1 {
                if let (Some(&va), Some(&vb)) =
                    (variant_of.get(&(ma, a.span)), variant_of.get(&(mb, b.span)))
                {
                    add(va, vb, score, true);
                }
            }
        }
    }
    // Facts of one kind and unit whose surrounding words agree.
    let mut postings: rustc_hash::FxHashMap<String, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (v, g) in groups.iter().enumerate() {
        let it = &items[g[0]];
        if it.anaphoric {
            continue;
        }
        for stem in it.context.words.keys() {
            let key = format!(
                "{:?}|{}|{stem}",
                it.fact.kind,
                it.fact.unit.as_deref().unwrap_or("")
            );
            postings.entry(key).or_default().push(v);
        }
    }
    for ((va, vb), shared) in super::blocked_pairs(postings.values()) {
        if shared >= 2 {
            let score =
                weights.affinity(&items[groups[va][0]].context, &items[groups[vb][0]].context);
            add(va, vb, score, false);
        }
    }
    let members_of =
        |v: usize| -> BTreeSet<usize> { groups[v].iter().map(|&i| items[i].member).collect() };
    // Each variant's best affinity in each report, over the candidates that
    // could be one quantity with it.
    let comparable = |va: usize, vb: usize| {
        let (a, b) = (items[groups[va][0]].fact, items[groups[vb][0]].fact);
        a.kind == b.kind && a.unit == b.unit && measure(a) == measure(b)
    };
    let mut best: HashMap<(usize, usize), f64> = HashMap::new();
    for (&(va, vb), &(score, _)) in &candidates {
        if !comparable(va, vb) {
            continue;
        }
        for (v, other) in [(va, vb), (vb, va)] {
            for m in members_of(other) {
                let e = best.entry((v, m)).or_insert(score);
                *e = e.max(score);
            }
        }
    }
    let mutual = |va: usize, vb: usize, score: f64| {
        let at_least = |v: usize, others: BTreeSet<usize>| {
            others
                .into_iter()
                .all(|m| score >= best.get(&(v, m)).copied().unwrap_or(0.0))
        };
        at_least(va, members_of(vb)) && at_least(vb, members_of(va))
    };
    for (&(va, vb), &(score, aligned)) in &candidates {
        let (ia, ib) = (&items[groups[va][0]], &items[groups[vb][0]]);
        let (a, b) = (ia.fact, ib.fact);
        let (ma, mb) = (members_of(va), members_of(vb));
        if !comparable(va, vb) || !ma.is_disjoint(&mb) {
            continue;
        }
        // Each report also gives the other's figure ("50 members … 89
        // freshmen" in both): two quantities, not a conflict.
        let carries = |m: usize, f: &Fact, except: &Fact| {
            members[m].found.facts.iter().any(|g| {
                g.span != except.span
                    && g.kind == f.kind
                    && g.unit == f.unit
                    && g.resolved == f.resolved
                    && (g.value == f.value || rounds_to(g, f))
            })
        };
        if carries(ib.member, a, b) || carries(ia.member, b, a) {
            continue;
        }
        let differs = if a.kind == FactKind::Year {
            // A year dates something, like a day: no nearness of figures.
            values_conflict(a, b)
                && (aligned
                    || (score >= TIME_AFFINITY
                        && mutual(va, vb, score)
                        // "from 1967 to 1979" and "from 1966 to 1978": start
                        // against start, end against end.
                        && ia.context.range == ib.context.range))
        } else if is_time(a.kind) {
            times_conflict(a, b)
                && !news_since(members, &ma, a, b)
                && !news_since(members, &mb, b, a)
                && (aligned || (score >= TIME_AFFINITY && mutual(va, vb, score)))
        } else {
            values_conflict(a, b)
                && ((aligned && near_miss(a, b, ALIGNED_MISS))
                    || (score >= AMOUNT_AFFINITY
                        && mutual(va, vb, score)
                        && near_miss(a, b, NEAR_MISS)
                        && ia.context.range.is_none()
                        && ib.context.range.is_none()
                        && !ia.anaphoric
                        && !ib.anaphoric))
        };
        if !differs {
            continue;
        }
        let kind = if is_time(a.kind) || a.kind == FactKind::Year {
            RecordKind::Difference(Difference::Date)
        } else {
            RecordKind::Difference(Difference::Value)
        };
        let evidence_of = |v: usize| {
            groups[v]
                .iter()
                .map(|&i| evidence(&members[items[i].member], items[i].fact.span, None))
        };
        let ev: Vec<Evidence> = evidence_of(va).chain(evidence_of(vb)).collect();
        let note = format!("“{}” vs “{}”", a.text, b.text);
        out.claims.push(Claimed {
            record: Record {
                note: Some(format!("values differ: {note}")),
                ..record(
                    Claim::Fact,
                    RecordKind::Fact(a.kind),
                    ev.clone(),
                    Some(round(score)),
                )
            },
            differences: vec![Record {
                note: Some(note),
                ..record(Claim::Fact, kind, ev, Some(round(score)))
            }],
        });
    }
}

/// How rare each context word is among the event's facts: words every
/// fact has around it ("Trump", "wall") say little about which figure is
/// meant, rare ones ("military construction") much.
struct Rarity {
    weight: HashMap<String, f64>,
    unseen: f64,
}

impl Rarity {
    fn of(items: &[Item<'_>]) -> Rarity {
        let mut df: HashMap<&str, usize> = HashMap::new();
        for it in items {
            for w in it.context.words.keys() {
                *df.entry(w.as_str()).or_default() += 1;
            }
        }
        let n = items.len().max(1) as f64;
        Rarity {
            weight: df
                .into_iter()
                .map(|(w, k)| (w.to_string(), (1.0 + n / k as f64).ln()))
                .collect(),
            unseen: (1.0 + n).ln(),
        }
    }

    fn of_word(&self, w: &str) -> f64 {
        self.weight.get(w).copied().unwrap_or(self.unseen)
    }

    /// The share of two contexts' weight they have in common, in [0, 1].
    fn affinity(&self, a: &FactContext, b: &FactContext) -> f64 {
        let mass = |c: &FactContext| {
            c.words
                .iter()
                .map(|(w, x)| x * self.of_word(w))
                .sum::<f64>()
        };
        let total = mass(a) + mass(b);
        if total <= 0.0 {
            return 0.0;
        }
        let shared: f64 = a
            .words
            .iter()
            .filter_map(|(w, x)| b.words.get(w).map(|y| x.min(*y) * self.of_word(w)))
            .sum();
        2.0 * shared / total
    }
}

/// Content words on each side of a fact, within its sentence.
const CONTEXT_WORDS: usize = 10;
/// The nearest words on each side weigh fully, the others half.
const NEAR_WORDS: usize = 3;

/// The words around a fact, for telling whether two facts measure one
/// thing.
struct FactContext {
    /// Content stems within the fact's sentence, [`CONTEXT_WORDS`] on each
    /// side (after it only for a time counted from what follows, "a month
    /// after Xi's visit"), with the unit a count counts; each weighs 1 if
    /// among the [`NEAR_WORDS`] nearest, else ½.
    words: BTreeMap<String, f64>,
    /// Which end of a range it is ("between 12 and 16", "from 1967 to
    /// 1979"), if any.
    range: Option<RangeEnd>,
}

impl FactContext {
    fn of(text: &str, fact: &Fact) -> FactContext {
        use crate::text::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};
        let window = Span::new(
            floor_char(text, fact.span.start.saturating_sub(400)),
            ceil_char(text, (fact.span.end + 400).min(text.len())),
        );
        let tokens = tokenize(text, window);
        let at = tokens.partition_point(|t| t.span.end <= fact.span.start);
        let after = tokens.partition_point(|t| t.span.start < fact.span.end);
        let low = |k: usize| normalize(tokens[k].text(text));
        // A full stop ends a sentence unless it ends an abbreviation ("Mr.",
        // "Sept.", "U.S."); a line break always does.
        let ends_sentence = |k: usize| {
            let raw = tokens[k].text(text);
            if !matches!(raw, "." | "!" | "?" | "…") {
                return false;
            }
            if raw != "." || k == 0 {
                return true;
            }
            let prev = tokens[k - 1].text(text);
            let short_cap = prev.len() <= 3 && prev.starts_with(char::is_uppercase);
            !(short_cap || prev.contains('.') || ABBREVIATIONS.contains(&&*normalize(prev)))
        };
        let line_break =
            |k: usize| k > 0 && text[tokens[k - 1].span.end..tokens[k].span.start].contains('\n');
        let mut before_side = Vec::new();
        let mut k = at;
        while k > 0 && !line_break(k) {
            k -= 1;
            if ends_sentence(k) {
                break;
            }
            before_side.push(k);
        }
        let mut after_side = Vec::new();
        let mut k = after;
        while k < tokens.len() && !line_break(k) {
            if ends_sentence(k) {
                break;
            }
            after_side.push(k);
            k += 1;
        }
        let content = |ks: &[usize]| -> Vec<String> {
            ks.iter()
                .filter(|&&k| tokens[k].kind == TokenKind::Word)
                .map(|&k| low(k))
                .filter(|w| !is_stopword(w))
                .take(CONTEXT_WORDS)
                .map(|w| stem(&w))
                .collect()
        };
        let mut words: BTreeMap<String, f64> = BTreeMap::new();
        let mut put = |w: String, x: f64| {
            let e = words.entry(w).or_insert(x);
            *e = e.max(x);
        };
        if !is_anchored(fact) {
            for (n, w) in content(&before_side).into_iter().enumerate() {
                put(w, if n < NEAR_WORDS { 1.0 } else { 0.5 });
            }
        }
        for (n, w) in content(&after_side).into_iter().enumerate() {
            put(w, if n < NEAR_WORDS { 1.0 } else { 0.5 });
        }
        if let (FactKind::Count, Some(unit)) = (fact.kind, &fact.unit) {
            put(stem(&normalize(unit)), 1.0);
        }
        let is_num = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number);
        let joiner = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|_| matches!(&*low(k), "and" | "to" | "-" | "–" | "through"))
        };
        let range = if at > 0
            && matches!(&*low(at - 1), "between" | "from")
            && joiner(after)
            && (is_num(after + 1) || tokens.get(after + 1).is_some_and(|t| t.text(text) == "$"))
        {
            Some(RangeEnd::Start)
        } else if at > 1 && joiner(at - 1) && is_num(at - 2) {
            Some(RangeEnd::End)
        } else {
            None
        };
        FactContext { words, range }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeEnd {
    Start,
    End,
}

/// Short words a full stop follows without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "sept", "gen", "gov", "sen", "rep", "col", "capt", "sgt", "lt", "jr", "sr", "st", "mt", "ft",
    "no", "nos", "vs", "inc", "corp", "ltd", "co", "dept", "univ", "prof", "rev",
];

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Report};

    fn fact(
        text: &str,
        kind: FactKind,
        value: Option<FactValue>,
        qualifier: Option<Qualifier>,
    ) -> Fact {
        Fact {
            span: Span::new(0, text.len()),
            text: text.to_string(),
            kind,
            value,
            resolved: None,
            qualifier,
            unit: None,
            sentence: 0,
        }
    }

    fn money(text: &str, amount: f64, qualifier: Option<Qualifier>) -> Fact {
        fact(
            text,
            FactKind::Money,
            Some(FactValue::Money {
                amount,
                currency: "USD".to_string(),
            }),
            qualifier,
        )
    }

    #[test]
    fn figures_round_to_their_written_precision() {
        let m = |t: &str, a: f64| money(t, a, None);
        assert_eq!(written_step(&m("$5,687.75", 5687.75)), 0.01);
        assert_eq!(written_step(&m("$43,000", 43_000.0)), 1000.0);
        assert!((written_step(&m("$3.6 billion", 3.6e9)) - 1e8).abs() < 1.0);
        assert!(rounds_to(&m("$43,000", 43_000.0), &m("$43,350", 43_350.0)));
        assert!(rounds_to(
            &m("$1.4 billion", 1.4e9),
            &m("$1.375 billion", 1.375e9)
        ));
        assert!(rounds_to(
            &m("$700 billion", 7e11),
            &m("$716 billion", 7.16e11)
        ));
        assert!(!rounds_to(
            &m("$5,687.75", 5687.75),
            &m("$5,587.75", 5587.75)
        ));
        // Rounding never spans more than a tenth.
        assert!(!rounds_to(&m("$10,000", 1e4), &m("$5,587.75", 5587.75)));
        assert!(!rounds_to(
            &m("$3.5 billion", 3.5e9),
            &m("$3.6 billion", 3.6e9)
        ));
    }

    #[test]
    fn hedges_cover_or_contradict() {
        use Qualifier as Q;
        let m = money;
        assert!(values_conflict(
            &m("$3.5 billion", 3.5e9, None),
            &m("$3.6 billion", 3.6e9, None)
        ));
        assert!(!values_conflict(
            &m("more than $5 billion", 5e9, Some(Q::MoreThan)),
            &m("$5.7 billion", 5.7e9, None)
        ));
        assert!(values_conflict(
            &m("more than $5 billion", 5e9, Some(Q::MoreThan)),
            &m("$4 billion", 4e9, None)
        ));
        assert!(!values_conflict(
            &m("about $3.6 billion", 3.6e9, Some(Q::About)),
            &m("$3.5 billion", 3.5e9, None)
        ));
        // Two ceilings on different figures disagree.
        assert!(values_conflict(
            &m("as many as $1.5 million", 1.5e6, Some(Q::UpTo)),
            &m("up to $1.6 million", 1.6e6, Some(Q::UpTo))
        ));
        let (plain, more, least, about) = (
            m("$250,000", 2.5e5, None),
            m("more than $250,000", 2.5e5, Some(Q::MoreThan)),
            m("at least $250,000", 2.5e5, Some(Q::AtLeast)),
            m("about $250,000", 2.5e5, Some(Q::About)),
        );
        assert!(hedges_differ(&plain, &more));
        assert!(hedges_differ(&about, &more));
        assert!(!hedges_differ(&least, &more));
        assert!(!hedges_differ(&plain, &about));
    }

    #[test]
    fn counted_times_cover_what_their_hedge_allows() {
        let mut f = fact(
            "less than a month after",
            FactKind::RelativeTime,
            Some(FactValue::Duration {
                amount: 1.0,
                unit: "month".to_string(),
            }),
            Some(Qualifier::LessThan),
        );
        f.resolved = Some(jiff::civil::date(2023, 3, 16));
        let d = jiff::civil::date;
        assert_eq!(period(&f), Some((d(2023, 3, 16), d(2023, 4, 16))));
        f.text = "two weeks ago".to_string();
        f.qualifier = None;
        f.value = Some(FactValue::Duration {
            amount: 2.0,
            unit: "week".to_string(),
        });
        f.resolved = Some(d(2024, 8, 7));
        assert_eq!(period(&f), Some((d(2024, 8, 4), d(2024, 8, 10))));
        // A time counted from another event never conflicts.
        let mut last = fact("last week", FactKind::RelativeTime, None, None);
        last.resolved = Some(d(2024, 7, 1));
        f.text = "two weeks after".to_string();
        assert!(!times_conflict(&f, &last));
    }

    fn report(id: &str, published: &str, text: &str) -> Report {
        let mut r = Report::new(id, text);
        r.published = published.parse().ok();
        r
    }

    fn fact_records(reports: &[Report]) -> Vec<(bool, RecordKind, Vec<String>)> {
        compare(reports)
            .events
            .into_iter()
            .flat_map(|e| {
                let agreements = e.agreements.into_iter().map(|r| (true, r));
                agreements.chain(e.discrepancies.into_iter().map(|r| (false, r)))
            })
            .filter(|(_, r)| r.claim == Claim::Fact)
            .map(|(agrees, r)| {
                (
                    agrees,
                    r.kind,
                    r.evidence.into_iter().map(|e| e.text).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn close_figures_in_like_words_conflict() {
        let found = fact_records(&[
            report(
                "a",
                "2015-03-10",
                "Clinton emails handed over to State Department.\n\nIn December, boxes filled with 50,000 pages of printed emails from Mrs. Clinton’s account were delivered to the State Department.",
            ),
            report(
                "b",
                "2015-03-10",
                "Clinton emails handed over to State Department.\n\nThe State Department said it had received 55,000 pages of Mrs. Clinton’s emails from her account.",
            ),
        ]);
        assert!(
            found.contains(&(
                false,
                RecordKind::Difference(Difference::Value),
                vec!["50,000 pages".into(), "55,000 pages".into()]
            )),
            "{found:?}"
        );
    }

    #[test]
    fn far_apart_figures_count_different_things() {
        let found = fact_records(&[
            report(
                "a",
                "2016-11-30",
                "Pelosi re-elected as House Democratic leader.\n\nHouse Democrats picked up just six seats in the election, Pelosi said.",
            ),
            report(
                "b",
                "2016-11-30",
                "Pelosi re-elected as House Democratic leader.\n\nHouse Democrats have lost nearly 60 seats in the election years since, Pelosi said.",
            ),
        ]);
        assert!(found.iter().all(|(agrees, ..)| *agrees), "{found:?}");
    }

    #[test]
    fn a_later_day_in_a_later_report_is_a_later_occurrence() {
        let found = fact_records(&[
            report(
                "a",
                "2012-12-10",
                "Obama and Boehner meet on fiscal cliff.\n\nThe president and the speaker met Sunday at the White House to discuss the fiscal cliff.",
            ),
            report(
                "b",
                "2012-12-13",
                "Obama and Boehner meet on fiscal cliff.\n\nThe president and the speaker met Thursday at the White House to discuss the fiscal cliff.",
            ),
        ]);
        assert!(found.iter().all(|(agrees, ..)| *agrees), "{found:?}");
        // The same two days in reports published after both are a conflict.
        let found = fact_records(&[
            report(
                "a",
                "2012-12-14",
                "Obama and Boehner meet on fiscal cliff.\n\nThe president and the speaker met Sunday at the White House to discuss the fiscal cliff.",
            ),
            report(
                "b",
                "2012-12-14",
                "Obama and Boehner meet on fiscal cliff.\n\nThe president and the speaker met Thursday at the White House to discuss the fiscal cliff.",
            ),
        ]);
        assert!(
            found.contains(&(
                false,
                RecordKind::Difference(Difference::Date),
                vec!["Sunday".into(), "Thursday".into()]
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_bound_against_a_plain_figure_is_a_qualifier_discrepancy() {
        let found = fact_records(&[
            report(
                "a",
                "2018-08-22",
                "Hunter indicted over campaign funds.\n\nRep. Duncan Hunter was indicted on charges of converting $250,000 in campaign funds to personal use.",
            ),
            report(
                "b",
                "2018-08-22",
                "Hunter indicted over campaign funds.\n\nRep. Duncan Hunter is charged with converting more than $250,000 in campaign funds to personal use.",
            ),
        ]);
        let pair = vec!["$250,000".to_string(), "more than $250,000".to_string()];
        assert!(
            found.contains(&(true, RecordKind::Fact(FactKind::Money), pair.clone())),
            "{found:?}"
        );
        assert!(
            found.contains(&(false, RecordKind::Difference(Difference::Qualifier), pair)),
            "{found:?}"
        );
    }

    #[test]
    fn a_time_counted_from_the_story_agrees_with_a_calendar_month() {
        let found = fact_records(&[
            report(
                "a",
                "2023-04-16",
                "Putin meets China’s defense minister.\n\nPutin met Li Shangfu in Moscow on Sunday, less than a month after Chinese leader Xi Jinping held a state visit to Moscow.",
            ),
            report(
                "b",
                "2023-04-16",
                "Putin meets China’s defense minister.\n\nLast month, Chinese leader Xi Jinping held a state visit to Moscow to meet Putin.",
            ),
        ]);
        assert!(
            found.contains(&(
                true,
                RecordKind::Fact(FactKind::RelativeTime),
                vec!["less than a month after".into(), "Last month".into()]
            )),
            "{found:?}"
        );
    }
}
