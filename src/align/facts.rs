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

use std::collections::BTreeMap;

use super::{evidence, round, Aligned, Member, StatementPair};
use crate::extract::{Fact, FactKind, FactValue};
use crate::record::{Claim, Evidence, Record, RecordKind};

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
            if is_anaphoric(&member.report.text, fact) {
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
    // Conflicts inside statements that make the same claim.
    for &((ma, sa), (mb, sb), score) in statement_pairs {
        let span_a = members[ma].found.statements[sa].span;
        let span_b = members[mb].found.statements[sb].span;
        let inside = |m: usize, span: crate::span::Span| -> Vec<&Fact> {
            members[m]
                .found
                .facts
                .iter()
                .filter(|f| span.contains(f.span))
                .collect()
        };
        let (fa, fb) = (inside(ma, span_a), inside(mb, span_b));
        for a in &fa {
            let same_kind: Vec<&&Fact> = fb
                .iter()
                .filter(|b| b.kind == a.kind && b.unit == a.unit)
                .collect();
            // Only an unambiguous one-to-one pairing can conflict.
            let [b] = same_kind.as_slice() else { continue };
            if fa
                .iter()
                .filter(|x| x.kind == a.kind && x.unit == a.unit)
                .count()
                != 1
            {
                continue;
            }
            let differs = if is_time(a.kind) {
                a.resolved.is_some() && b.resolved.is_some() && a.resolved != b.resolved
            } else {
                a.value.is_some() && b.value.is_some() && a.value != b.value
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
            out.discrepancies.push(Record {
                claim: Claim::Fact,
                kind,
                speaker: None,
                evidence: vec![
                    evidence(&members[ma], a.span, None),
                    evidence(&members[mb], b.span, None),
                ],
                score: Some(round(score)),
                diff: None,
                note: Some(format!("“{}” vs “{}”", a.text, b.text)),
            });
        }
    }
}
