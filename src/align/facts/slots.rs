//! Facts that give the same value: one slot per value, split into the
//! occurrences the reports date or count with it.
//!
//! A report that says "Friday" three times (arrested early Friday,
//! appeared in court Friday, the indictment unsealed Friday) dates three
//! things; another report's "Friday" joins the mention whose words agree
//! with its own, not the first one.

use std::collections::{BTreeMap, HashMap};

use itertools::Itertools;

use super::context::Rarity;
use super::times::{is_time, precision, weekday_name};
use super::values::{counted, hedges_differ};
use super::{Item, HEDGE_AFFINITY};
use crate::align::{evidence, find, record, round, union, Aligned, Claimed, Member};
use crate::extract::{Fact, FactKind, FactValue};
use crate::record::{Claim, Difference, Evidence, Record, RecordKind};

/// Least context affinity for two mentions of one value to be one
/// occurrence when a report gives the value more than once.
const OCCURRENCE_AFFINITY: f64 = 0.15;
/// The same when each of the two reports gives a month or a year once,
/// and for any two mentions of a year, whose nearest words must also
/// agree: the value already says much, so a little shared context is
/// enough.
const LONE_AFFINITY: f64 = 0.05;
/// Two mentions of a year whose nearest words differ are one occurrence
/// only when their words agree this much.
const YEAR_AFFINITY: f64 = 0.3;
/// At most this many mentions of one report stand in an occurrence's
/// record.
const MENTIONS_PER_REPORT: usize = 3;
/// Slots with more mentions than this score only the pairs that share a
/// context word, so a weekday common to a whole large event stays cheap.
const SMALL_SLOT: usize = 48;

/// The slot a fact belongs to, as a sortable key.
pub(super) fn slot(fact: &Fact) -> Option<String> {
    if fact.kind == FactKind::Year {
        // A year is a time of year precision: "2012" and "last year" in
        // a report of 2013 share a slot.
        let year = year_of(fact)?;
        return Some(format!("day {year:04}-01-01 year"));
    }
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
        FactValue::Tally { first, second } => format!("{first}-{second}"),
    };
    // Bare numbers are too common to agree on by value alone, except a
    // fraction ("two-thirds"), which is seldom said by chance; so are
    // ordinals, except one past the first that says what it ranks ("an
    // eighth term").
    let fraction = matches!(fact.value, Some(FactValue::Number(x)) if x > 0.0 && x < 1.0);
    let ranked =
        matches!(fact.value, Some(FactValue::Number(x)) if x >= 2.0) && fact.unit.is_some();
    match fact.kind {
        FactKind::Number if !fraction => return None,
        FactKind::Ordinal if !ranked => return None,
        _ => {}
    }
    Some(format!("{:?} {} {value}", fact.kind, counted(fact)))
}

/// The year a year fact names, when it is a plausible calendar year.
pub(super) fn year_of(fact: &Fact) -> Option<i16> {
    match fact.value {
        Some(FactValue::Number(x)) if x.fract() == 0.0 && (1000.0..=2999.0).contains(&x) => {
            Some(x as i16)
        }
        _ => None,
    }
}

/// Agreements on one value, and the hedges that differ on it. Returns each
/// item's slot key.
pub(super) fn slot_agreements(
    members: &[Member<'_>],
    items: &[Item<'_>],
    variant: &[usize],
    weights: &Rarity,
    out: &mut Aligned,
) -> HashMap<usize, String> {
    let mut slots: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        if it.anaphoric {
            continue;
        }
        if let Some(key) = slot(it.fact) {
            slots.entry(key).or_default().push(i);
        }
    }
    join_dated_weekdays(items, &mut slots);
    let mut slot_of: HashMap<usize, String> = HashMap::new();
    for (key, ids) in &slots {
        for &i in ids {
            slot_of.insert(i, key.clone());
        }
        for occurrence in occurrences(items, variant, weights, key, ids) {
            out.claims
                .push(agreement(members, items, variant, weights, &occurrence));
        }
    }
    slot_of
}

/// A weekday named without a date joins the dated slot of that weekday
/// when there is exactly one.
fn join_dated_weekdays(items: &[Item<'_>], slots: &mut BTreeMap<String, Vec<usize>>) {
    let weekday_slots: Vec<String> = slots
        .keys()
        .filter(|k| k.starts_with("weekday "))
        .cloned()
        .collect();
    for key in weekday_slots {
        let name = &key["weekday ".len()..];
        let dated: Vec<&String> = slots
            .iter()
            .filter(|(k, ids)| {
                k.starts_with("day ")
                    && ids.iter().any(|&i| {
                        items[i].fact.kind == FactKind::Weekday
                            && weekday_name(&items[i].fact.text) == name
                    })
            })
            .map(|(k, _)| k)
            .collect();
        if let [target] = dated.as_slice() {
            let target = (*target).clone();
            let moved = slots.remove(&key).unwrap_or_default();
            let entry = slots.entry(target).or_default();
            entry.extend(moved);
            entry.sort_unstable();
        }
    }
}

/// The mentions of one slot (`ids`, sorted) grouped into occurrences, each
/// given by at least two reports: two mentions in different reports are
/// one occurrence when each is the other's best match in the other's
/// report and their words agree enough.
fn occurrences(
    items: &[Item<'_>],
    variant: &[usize],
    weights: &Rarity,
    key: &str,
    ids: &[usize],
) -> Vec<Vec<usize>> {
    let mut per_member: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in ids {
        *per_member.entry(items[i].member).or_default() += 1;
    }
    if per_member.len() < 2 {
        return Vec::new();
    }
    // Mentions worded alike in alike words (syndicated copies) are one
    // occurrence outright; only the first of them is scored against the
    // rest, so a big event costs no more than its distinct wordings.
    let mut first_copy: HashMap<usize, usize> = HashMap::new();
    let mut copies: Vec<(usize, usize)> = Vec::new();
    let mut distinct: Vec<usize> = Vec::new();
    for &i in ids {
        match first_copy.get(&variant[i]) {
            Some(&first) => copies.push((first, i)),
            None => {
                first_copy.insert(variant[i], i);
                distinct.push(i);
            }
        }
    }
    let pairs: Vec<(usize, usize)> = if distinct.len() <= SMALL_SLOT {
        distinct
            .iter()
            .enumerate()
            .flat_map(|(k, &a)| distinct[k + 1..].iter().map(move |&b| (a, b)))
            .filter(|&(a, b)| items[a].member != items[b].member)
            .collect()
    } else {
        let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in &distinct {
            for w in items[i].context.words.keys() {
                postings.entry(w.as_str()).or_default().push(i);
            }
        }
        crate::align::blocked_pairs(postings.values())
            .into_keys()
            .filter(|&(a, b)| items[a].member != items[b].member)
            .collect()
    };
    let scored: Vec<((usize, usize), f64)> = pairs
        .into_iter()
        .map(|(a, b)| {
            (
                (a, b),
                weights.affinity(&items[a].context, &items[b].context),
            )
        })
        .collect();
    let best = super::best_partners(items, scored.iter().copied());
    let lone = |i: usize| per_member[&items[i].member] == 1;
    let day_precise = key.starts_with("weekday ") || key.ends_with(" day");
    // An exact day or amount says much by itself; a month or a year less.
    let telling = day_precise || !key.starts_with("day ");
    let position: HashMap<usize, usize> = ids.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    for &(a, b) in &copies {
        union(&mut parent, position[&a], position[&b]);
    }
    for &((a, b), score) in &scored {
        let (p, q) = (&items[a], &items[b]);
        let enough = if p.fact.kind == FactKind::Year || q.fact.kind == FactKind::Year {
            // A year dates many things in one story, and names far from it
            // are shared by chance: its nearest words must agree too.
            (score >= LONE_AFFINITY && p.context.near_shared(&q.context)) || score >= YEAR_AFFINITY
        } else if lone(a) && lone(b) {
            // A day named once in each report is most likely one day; a
            // month or a year is said of more things.
            day_precise || score >= LONE_AFFINITY
        } else {
            score >= OCCURRENCE_AFFINITY
        };
        if enough && best.mutual(items, a, b, score) {
            union(&mut parent, position[&a], position[&b]);
        }
    }
    if telling {
        join_first_mentions(items, ids, &mut parent);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &i) in ids.iter().enumerate() {
        let root = find(&mut parent, k);
        groups.entry(root).or_default().push(i);
    }
    groups
        .into_values()
        .filter(|g| {
            let first = items[g[0]].member;
            g.iter().any(|&i| items[i].member != first)
        })
        .collect()
}

/// A day or amount that no words tie to another report's: the first time
/// each report gives it is most likely the story's own (the lede's "said
/// Friday"), so each report's first mention still alone joins the
/// occurrence holding most of the other reports' first mentions.
/// `parent` is over the positions in `ids`.
fn join_first_mentions(items: &[Item<'_>], ids: &[usize], parent: &mut [usize]) {
    let mut firsts: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, &i) in ids.iter().enumerate() {
        let first = firsts.entry(items[i].member).or_insert(k);
        if items[ids[*first]].fact.span.start > items[i].fact.span.start {
            *first = k;
        }
    }
    let sizes = component_sizes(parent);
    let (alone, linked): (Vec<usize>, Vec<usize>) = firsts
        .into_values()
        .partition(|&k| sizes[find(parent, k)] == 1);
    // The occurrence holding most of the other reports' first mentions.
    let mut holding: BTreeMap<usize, usize> = BTreeMap::new();
    for &k in &linked {
        *holding.entry(find(parent, k)).or_default() += 1;
    }
    let target = holding
        .iter()
        .max_by_key(|&(root, n)| (*n, std::cmp::Reverse(*root)))
        .map(|(&root, _)| root);
    let mut joined = alone.iter().copied().chain(target);
    if let Some(first) = joined.next() {
        for k in joined {
            union(parent, first, k);
        }
    }
}

/// The agreement record of one occurrence, with a qualifier discrepancy
/// when its reports hedge the value differently and their words say they
/// speak of one figure.
fn agreement(
    members: &[Member<'_>],
    items: &[Item<'_>],
    variant: &[usize],
    weights: &Rarity,
    occurrence: &[usize],
) -> Claimed {
    // The first few mentions of each report: a report that repeats a
    // figure says it no more surely for saying it again.
    let mut per_report: BTreeMap<usize, usize> = BTreeMap::new();
    let shown: Vec<usize> = occurrence
        .iter()
        .copied()
        .filter(|&i| {
            let n = per_report.entry(items[i].member).or_default();
            *n += 1;
            *n <= MENTIONS_PER_REPORT
        })
        .collect();
    let facts: Vec<&Fact> = shown.iter().map(|&i| items[i].fact).collect();
    let mut ev: Vec<Evidence> = shown
        .iter()
        .map(|&i| evidence(&members[items[i].member], items[i].fact.span))
        .collect();
    ev.sort_by(|x, y| (&x.report, x.span).cmp(&(&y.report, y.span)));
    let kind = facts[0].kind;
    let wordings: Vec<String> = facts
        .iter()
        .map(|f| format!("“{}”", f.text))
        .unique()
        .collect();
    let hedged = facts.iter().any(|f| f.qualifier != facts[0].qualifier);
    let note = hedged.then(|| format!("same value, hedged differently: {}", wordings.join(" vs ")));
    let mut claimed = Claimed {
        record: Record {
            note,
            ..record(Claim::Fact, RecordKind::Fact(kind), ev.clone(), Some(1.0))
        },
        differences: Vec::new(),
    };
    // One of each wording in its words: copies add nothing.
    let distinct: Vec<usize> = shown.iter().copied().unique_by(|&i| variant[i]).collect();
    let concur = distinct
        .iter()
        .enumerate()
        .flat_map(|(k, &p)| distinct[k + 1..].iter().map(move |&q| (p, q)))
        .filter(|&(p, q)| {
            items[p].member != items[q].member && hedges_differ(items[p].fact, items[q].fact)
        })
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
    claimed
}

/// How many elements each root of `parent` holds.
fn component_sizes(parent: &mut [usize]) -> Vec<usize> {
    let mut sizes = vec![0; parent.len()];
    for k in 0..parent.len() {
        sizes[find(parent, k)] += 1;
    }
    sizes
}
