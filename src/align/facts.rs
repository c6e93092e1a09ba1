//! Facts across the reports of an event.
//!
//! Times: facts that resolve to the same calendar day (or name the same
//! weekday where a report has no date) form one slot. Amounts: facts of the
//! same kind, unit and value form one slot. A slot carried by several
//! reports is an agreement; hedges that differ ("more than two weeks ago"
//! vs "two weeks ago") are noted on it. Conflicting values are reported
//! only inside statements already aligned as the same claim, so facts about
//! different things (a meeting on Sunday, another on Tuesday) never
//! conflict.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use super::{evidence, round, Aligned, Member, StatementPair};

use crate::extract::{Fact, FactKind, FactValue, Qualifier};
use crate::record::{Claim, Evidence, Record, RecordKind};
use crate::span::Span;

fn record_kind(kind: FactKind) -> RecordKind {
    match kind {
        FactKind::Number => RecordKind::Number,
        FactKind::Count => RecordKind::Count,
        FactKind::Money => RecordKind::Money,
        FactKind::Percent => RecordKind::Percent,
        FactKind::Date => RecordKind::Date,
        FactKind::Weekday => RecordKind::Weekday,
        FactKind::RelativeTime => RecordKind::RelativeTime,
        FactKind::Duration => RecordKind::Duration,
        FactKind::Year => RecordKind::Year,
        FactKind::Ordinal => RecordKind::Ordinal,
    }
}

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
    let day_number = words
        .iter()
        .any(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()));
    if fact.kind == FactKind::Weekday
        || day_number
        || has("day")
        || has("yesterday")
        || has("today")
        || has("tonight")
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

/// A fact inside a quoted title (ABC’s “This Week”) is part of a name.
fn in_title(member: &Member<'_>, fact: &Fact) -> bool {
    member
        .found
        .quotes
        .iter()
        .any(|q| q.kind == crate::extract::QuoteKind::Title && q.span.contains(fact.span))
}

/// "the two countries", "both sides": a count that refers back to things
/// already named, not a figure anyone reports.
fn is_anaphoric(text: &str, fact: &Fact) -> bool {
    let before = text[..fact.span.start.min(text.len())].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    fact.kind == FactKind::Count
        && matches!(word.as_str(), "the" | "these" | "those" | "both" | "all")
}

/// Two times conflict when the periods they name do not overlap. The same
/// weekday named twice never conflicts: the outlets may simply have
/// published on different days.
fn times_conflict(a: &Fact, b: &Fact) -> bool {
    if a.kind == FactKind::Weekday && b.kind == FactKind::Weekday {
        return weekday_name(&a.text) != weekday_name(&b.text)
            && a.resolved.is_some()
            && b.resolved.is_some()
            && a.resolved != b.resolved;
    }
    match (period(a), period(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a1 < b0 || b1 < a0,
        _ => false,
    }
}

/// The days a time expression covers, by its precision.
fn period(fact: &Fact) -> Option<(Date, Date)> {
    let start = fact.resolved?;
    let end = match precision(fact) {
        "day" => Some(start),
        "weekend" => start.checked_add(jiff::ToSpan::days(1)).ok(),
        "week" => start.checked_add(jiff::ToSpan::days(6)).ok(),
        "month" => Some(start.last_of_month()),
        _ => jiff::civil::Date::new(start.year(), 12, 31).ok(),
    }?;
    Some((start, end))
}

/// Two amounts conflict unless they are equal, one rounds the other, or a
/// hedge covers the gap ("more than 30" and "35", "nearly 240" and "240").
fn values_conflict(a: &Fact, b: &Fact) -> bool {
    let (Some(x), Some(y)) = (number(a), number(b)) else {
        return false;
    };
    // Different currencies or time units are not comparable here.
    let measure = |f: &Fact| match &f.value {
        Some(FactValue::Money { currency, .. }) => currency.clone(),
        Some(FactValue::Duration { unit, .. }) => unit.clone(),
        _ => String::new(),
    };
    if measure(a) != measure(b) {
        return false;
    }
    if x == y || (x - y).abs() <= 0.02 * x.abs().max(y.abs()) {
        return false;
    }
    let covers = |hedged: &Fact, h: f64, other: f64| match hedged.qualifier {
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => other >= h,
        Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo) => other <= h,
        Some(Qualifier::About | Qualifier::Nearly) => (h - other).abs() <= 0.1 * h.abs(),
        _ => false,
    };
    !(covers(a, x, y) || covers(b, y, x))
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

pub(super) fn align_facts(
    members: &[Member<'_>],
    statement_pairs: &[StatementPair],
    out: &mut Aligned,
) {
    // (slot) → member → first fact
    let mut slots: BTreeMap<String, BTreeMap<usize, &Fact>> = BTreeMap::new();
    for (m, member) in members.iter().enumerate() {
        for fact in &member.found.facts {
            if is_anaphoric(&member.report.text, fact) || in_title(member, fact) {
                continue;
            }
            if let Some(key) = slot(fact) {
                slots.entry(key).or_default().entry(m).or_insert(fact);
            }
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
            .filter(|(k, facts)| {
                k.starts_with("day ")
                    && facts
                        .values()
                        .any(|f| f.kind == FactKind::Weekday && weekday_name(&f.text) == name)
            })
            .map(|(k, _)| k.clone())
            .collect();
        if let [target] = dated.as_slice() {
            let moved = slots.remove(&key).unwrap_or_default();
            let entry = slots.entry(target.clone()).or_default();
            for (m, f) in moved {
                entry.entry(m).or_insert(f);
            }
        }
    }
    for facts in slots.values() {
        if facts.len() < 2 {
            continue;
        }
        let ev: Vec<Evidence> = facts
            .iter()
            .map(|(&m, f)| evidence(&members[m], f.span, None))
            .collect();
        let kind = facts.values().next().map_or(FactKind::Number, |f| f.kind);
        let wordings: Vec<String> = facts.values().map(|f| format!("“{}”", f.text)).collect();
        let hedged = facts.values().any(|f| f.qualifier.is_some())
            && facts
                .values()
                .any(|f| f.qualifier != facts.values().next().and_then(|g| g.qualifier));
        out.agreements.push(Record {
            claim: Claim::Fact,
            kind: record_kind(kind),
            speaker: None,
            evidence: ev,
            score: Some(1.0),
            diff: None,
            note: hedged
                .then(|| format!("same value, hedged differently: {}", wordings.join(" vs "))),
        });
    }
    // Candidate pairs of facts about one quantity: (1) the only fact of
    // its kind inside two statements aligned as the same claim; (2) facts of
    // one kind and unit whose surrounding words and nearest name agree.
    // Identical facts in identical contexts (syndicated copies) form one
    // variant, so a big event costs no more than its distinct wordings.
    struct Item<'a> {
        member: usize,
        fact: &'a Fact,
        context: FactContext,
    }
    let items: Vec<Item<'_>> = members
        .iter()
        .enumerate()
        .flat_map(|(m, member)| {
            member
                .found
                .facts
                .iter()
                .filter(move |f| f.kind != FactKind::Ordinal && !in_title(member, f))
                .map(move |f| Item {
                    member: m,
                    fact: f,
                    context: FactContext::of(&member.report.text, f),
                })
        })
        .collect();
    let groups = super::variants(items.iter().map(|it| {
        (
            it.fact.kind,
            it.fact.unit.clone(),
            it.fact.text.to_lowercase(),
            it.context.name.clone(),
            it.context.stems.clone(),
        )
    }));
    let mut variant_of: HashMap<(usize, Span), usize> = HashMap::new();
    for (v, g) in groups.iter().enumerate() {
        for &i in g {
            variant_of.insert((items[i].member, items[i].fact.span), v);
        }
    }
    let mut candidates: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut add = |a: usize, b: usize, score: f64| {
        if a != b {
            let e = candidates.entry((a.min(b), a.max(b))).or_insert(score);
            *e = e.max(score);
        }
    };
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
                    add(va, vb, score);
                }
            }
        }
    }
    let mut postings: rustc_hash::FxHashMap<String, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (v, g) in groups.iter().enumerate() {
        let it = &items[g[0]];
        for stem in &it.context.stems {
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
            let score = items[groups[va][0]]
                .context
                .agreement(&items[groups[vb][0]].context);
            if score >= 0.4 {
                add(va, vb, score);
            }
        }
    }
    let members_of = |v: usize| -> std::collections::BTreeSet<usize> {
        groups[v].iter().map(|&i| items[i].member).collect()
    };
    for ((va, vb), score) in candidates {
        let (ia, ib) = (&items[groups[va][0]], &items[groups[vb][0]]);
        let (a, b) = (ia.fact, ib.fact);
        let (ma, mb) = (members_of(va), members_of(vb));
        if a.kind != b.kind || a.unit != b.unit || !ma.is_disjoint(&mb) {
            continue;
        }
        // Each report also gives the other's figure ("50 members … 89
        // freshmen" in both): two quantities, not a conflict.
        let carries = |m: usize, f: &Fact, except: &Fact| {
            members[m].found.facts.iter().any(|g| {
                g.span != except.span
                    && g.kind == f.kind
                    && g.unit == f.unit
                    && g.value == f.value
                    && g.resolved == f.resolved
            })
        };
        if carries(ib.member, a, b) || carries(ia.member, b, a) {
            continue;
        }
        let differs = if is_time(a.kind) {
            times_conflict(a, b)
        } else {
            values_conflict(a, b)
        };
        let kind = if differs {
            if is_time(a.kind) {
                RecordKind::Date
            } else {
                RecordKind::Value
            }
        } else if a.qualifier != b.qualifier && a.value == b.value && a.resolved == b.resolved {
            RecordKind::Qualifier
        } else {
            continue;
        };
        let evidence_of = |v: usize| {
            groups[v]
                .iter()
                .map(|&i| evidence(&members[items[i].member], items[i].fact.span, None))
        };
        out.discrepancies.push(Record {
            claim: Claim::Fact,
            kind,
            speaker: None,
            evidence: evidence_of(va).chain(evidence_of(vb)).collect(),
            score: Some(round(score)),
            diff: None,
            note: Some(format!("“{}” vs “{}”", a.text, b.text)),
        });
    }
}

/// The words around a fact, for telling whether two facts measure one
/// thing: content stems within eight words on each side, and the nearest
/// capitalised name.
struct FactContext {
    stems: std::collections::BTreeSet<String>,
    name: Option<String>,
}

impl FactContext {
    fn of(text: &str, fact: &Fact) -> FactContext {
        use crate::text::tokens::{is_stopword, normalize, stem, tokenize};
        let window = crate::span::Span::new(
            floor_char(text, fact.span.start.saturating_sub(240)),
            ceil_char(text, (fact.span.end + 240).min(text.len())),
        );
        let tokens: Vec<_> = tokenize(text, window)
            .into_iter()
            .filter(|t| t.is_word())
            .collect();
        let at = tokens.partition_point(|t| t.span.end <= fact.span.start);
        let after = tokens.partition_point(|t| t.span.start < fact.span.end);
        let near = tokens[at.saturating_sub(8)..at]
            .iter()
            .chain(&tokens[after..(after + 8).min(tokens.len())]);
        let mut stems = std::collections::BTreeSet::new();
        let mut name: Option<(usize, String)> = None;
        for t in near {
            let raw = t.text(text);
            let word = normalize(raw);
            if raw.starts_with(char::is_uppercase) && !is_stopword(&word) {
                let distance = t.span.start.abs_diff(fact.span.start);
                if name.as_ref().is_none_or(|(d, _)| distance < *d) {
                    name = Some((distance, word.clone().into_owned()));
                }
            }
            if !is_stopword(&word) {
                stems.insert(stem(&word));
            }
        }
        FactContext {
            stems,
            name: name.map(|(_, n)| n),
        }
    }

    /// Jaccard overlap of the surrounding words, zero when the nearest
    /// names differ.
    fn agreement(&self, other: &FactContext) -> f64 {
        if self.name != other.name || self.stems.is_empty() {
            return 0.0;
        }
        let common = self.stems.intersection(&other.stems).count() as f64;
        let union = (self.stems.len() + other.stems.len()) as f64 - common;
        common / union
    }
}

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
