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

mod context;
mod slots;
#[cfg(test)]
mod tests;
mod times;
mod values;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;

use super::{evidence, record, round, Aligned, Claimed, Member, StatementPair};

use crate::extract::{Fact, FactKind};
use crate::record::{Claim, Difference, Evidence, Record, RecordKind};
use crate::span::Span;
use context::{in_title, is_anaphoric, title_spans, FactContext, Rarity};
use times::{is_time, news_since, overlap, period, times_conflict};
use values::{amount_difference, counted, measure, near_miss, rounds_to, AmountDifference};

/// Least context affinity for two amounts outside aligned statements to be
/// one quantity.
const AMOUNT_AFFINITY: f64 = 0.2;
/// The same for two figures within [`CLOSE`] of each other of which one
/// rounds the other ("$43,000", "$43,350") or bounds it ("over $300",
/// "$313.89").
const ROUNDED_AFFINITY: f64 = 0.1;
/// Figures this close (the larger at most this much the smaller) that do
/// not contradict each other.
const CLOSE: f64 = 1.1;
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

/// The span of the sentence `fact` is in; the fact alone if the extraction
/// does not say (read from JSON written before it carried sentences).
fn sentence(member: &Member<'_>, fact: &Fact) -> Span {
    member
        .found
        .sentences
        .get(fact.sentence)
        .copied()
        .filter(|s| s.contains(fact.span))
        .unwrap_or(fact.span)
}

/// The part of `sentence` that is `facts[k]`'s own (facts in text
/// order): where a fact of its kind comes before or after it as another
/// item of a list ("$2,306.08 at Walt Disney World, over $10,000 at Best
/// Buy, over $300 at Build-A-Bear"), the words past the separator between
/// them are the other item's. Two ends of a range ("from 1967 to 1979")
/// share their words.
fn own_stretch(text: &str, facts: &[Fact], k: usize, sentence: Span) -> Span {
    let f = &facts[k];
    let same = |g: &&Fact| g.kind == f.kind && sentence.contains(g.span);
    let start = facts[..k]
        .iter()
        .rev()
        .take_while(|g| g.span.end > sentence.start)
        .find(same)
        .and_then(|g| {
            let from = g.span.end.min(f.span.start);
            list_separators(&text[from..f.span.start]).map(|(_, last)| from + last)
        })
        .unwrap_or(sentence.start);
    let end = facts[k + 1..]
        .iter()
        .take_while(|g| g.span.start < sentence.end)
        .find(same)
        .and_then(|g| {
            let to = g.span.start.max(f.span.end);
            list_separators(&text[f.span.end..to]).map(|(first, _)| f.span.end + first)
        })
        .unwrap_or(sentence.end);
    Span::new(start, end.max(start))
}

/// The most bytes between two figures that are items of one list.
const LIST_ITEM: usize = 48;

/// Where the words between two items of a list are parted: the start of
/// the first separator and the end of the last (", ", "; ", " and ", " or
/// "); `None` for a range's joiner alone ("to", "and", "-") or no
/// separator.
fn list_separators(between: &str) -> Option<(usize, usize)> {
    // A list's items are a few words each; farther apart, the two
    // figures are in clauses of their own.
    if between.len() > LIST_ITEM {
        return None;
    }
    let joiner = between.trim().to_lowercase();
    if matches!(
        joiner.as_str(),
        "" | "to" | "and" | "or" | "-" | "–" | "through" | "until" | "and up to"
    ) {
        return None;
    }
    let seps = [",", ";", " and ", " or "];
    let first = seps.iter().filter_map(|p| between.find(p)).min()?;
    let last = seps
        .iter()
        .filter_map(|p| between.rfind(p).map(|i| i + p.len()))
        .max()?;
    Some((first, last))
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
            let facts = &member.found.facts;
            (0..facts.len())
                .filter(move |&k| !in_title(&titles, &facts[k]))
                .map(move |k| {
                    let f = &facts[k];
                    let sentence = sentence(member, f);
                    Item {
                        member: m,
                        fact: f,
                        context: FactContext::of(
                            &member.report.text,
                            sentence,
                            own_stretch(&member.report.text, facts, k, sentence),
                            f,
                        ),
                        anaphoric: is_anaphoric(&member.report.text, f),
                    }
                })
        })
        .collect();
    let weights = Rarity::of(&items);
    // Identical facts in identical contexts (syndicated copies) form one
    // variant, so a big event costs no more than its distinct wordings.
    let groups = super::variants(items.iter().map(|it| {
        (
            it.fact.kind,
            counted(it.fact).to_string(),
            it.fact.text.to_lowercase(),
            it.context.words.keys().cloned().collect::<Vec<_>>(),
        )
    }));
    let mut variant = vec![0; items.len()];
    for (v, g) in groups.iter().enumerate() {
        for &i in g {
            variant[i] = v;
        }
    }
    let slots = slots::slot_agreements(members, &items, &variant, &weights, out);
    compatible_times(members, &items, &weights, &slots, out);
    conflicts(
        members,
        &items,
        &groups,
        &variant,
        &weights,
        statement_pairs,
        out,
    );
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
        .filter(|&i| period(items[i].fact).is_some())
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
            evidence(&members[items[a].member], p.span),
            evidence(&members[items[b].member], q.span),
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
/// `groups` are the items' variants, `variant` each item's.
fn conflicts(
    members: &[Member<'_>],
    items: &[Item<'_>],
    groups: &[Vec<usize>],
    variant: &[usize],
    weights: &Rarity,
    statement_pairs: &[StatementPair],
    out: &mut Aligned,
) {
    let variant_of: HashMap<(usize, Span), usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| ((it.member, it.fact.span), variant[i]))
        .collect();
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
            let same = |x: &&&Fact| x.kind == a.kind && counted(x) == counted(a);
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
            let key = format!("{:?}|{}|{stem}", it.fact.kind, counted(it.fact));
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
        a.kind == b.kind && counted(a) == counted(b) && measure(a) == measure(b)
    };
    // Rivals for an amount are the figures close enough to be it: a
    // far-off figure in like words ("$466.30" in a list of expenses) does
    // not hide the near one ("$43,000" and "$43,350").
    let rivals = |va: usize, vb: usize| {
        let (a, b) = (items[groups[va][0]].fact, items[groups[vb][0]].fact);
        comparable(va, vb)
            && (is_time(a.kind) || a.kind == FactKind::Year || near_miss(a, b, NEAR_MISS))
    };
    let mut best: HashMap<(usize, usize), f64> = HashMap::new();
    for (&(va, vb), &(score, _)) in &candidates {
        if !rivals(va, vb) {
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
        // "a second term" and "a third term" are as often two people's as
        // one disputed count: ordinals only agree.
        if !comparable(va, vb) || !ma.is_disjoint(&mb) || a.kind == FactKind::Ordinal {
            continue;
        }
        // Each report also gives the other's figure ("50 members … 89
        // freshmen" in both): two quantities, not a conflict.
        let carries = |m: usize, f: &Fact, except: &Fact| {
            members[m].found.facts.iter().any(|g| {
                g.span != except.span
                    && g.kind == f.kind
                    && counted(g) == counted(f)
                    && g.resolved == f.resolved
                    && (g.value == f.value || rounds_to(g, f))
            })
        };
        if carries(ib.member, a, b) || carries(ia.member, b, a) {
            continue;
        }
        let pair = format!("“{}” vs “{}”", a.text, b.text);
        let found = if a.kind == FactKind::Year {
            // A year dates something, like a day: no nearness of figures,
            // and no rounding ("2010" does not round "2011").
            (slots::year_of(a)
                .zip(slots::year_of(b))
                .is_some_and(|(x, y)| x != y)
                && (aligned
                    || (score >= TIME_AFFINITY
                        && mutual(va, vb, score)
                        // "from 1967 to 1979" and "from 1966 to 1978": start
                        // against start, end against end.
                        && ia.context.range == ib.context.range)))
                .then(|| (Difference::Date, format!("values differ: {pair}")))
        } else if is_time(a.kind) {
            (times_conflict(a, b)
                && !news_since(members, &ma, a, b)
                && !news_since(members, &mb, b, a)
                && (aligned || (score >= TIME_AFFINITY && mutual(va, vb, score))))
            .then(|| (Difference::Date, format!("values differ: {pair}")))
        } else {
            let difference = amount_difference(a, b);
            // A figure within a tenth of the other that rounds it or that
            // its bound allows is itself a sign of one quantity, so less of
            // the words is asked.
            let consistent = matches!(
                difference,
                Some(AmountDifference::Rounded | AmountDifference::Covered)
            );
            let least = if consistent && near_miss(a, b, CLOSE) {
                ROUNDED_AFFINITY
            } else {
                AMOUNT_AFFINITY
            };
            let one_quantity = (aligned && near_miss(a, b, ALIGNED_MISS))
                || (score >= least
                    && mutual(va, vb, score)
                    && near_miss(a, b, NEAR_MISS)
                    && ia.context.range.is_none()
                    && ib.context.range.is_none()
                    && !ia.anaphoric
                    && !ib.anaphoric);
            match difference.filter(|_| one_quantity) {
                Some(AmountDifference::Conflict) => {
                    Some((Difference::Value, format!("values differ: {pair}")))
                }
                Some(AmountDifference::Rounded) => Some((
                    Difference::Value,
                    format!("close figures, one rounded or approximate: {pair}"),
                )),
                Some(AmountDifference::Covered) => Some((
                    Difference::Qualifier,
                    format!("one figure bounded, the bound allows the other: {pair}"),
                )),
                None => None,
            }
        };
        let Some((difference, note)) = found else {
            continue;
        };
        let evidence_of = |v: usize| {
            groups[v]
                .iter()
                .map(|&i| evidence(&members[items[i].member], items[i].fact.span))
        };
        let ev: Vec<Evidence> = evidence_of(va).chain(evidence_of(vb)).collect();
        out.claims.push(Claimed {
            record: Record {
                note: Some(note),
                ..record(
                    Claim::Fact,
                    RecordKind::Fact(a.kind),
                    ev.clone(),
                    Some(round(score)),
                )
            },
            differences: vec![Record {
                note: Some(pair),
                ..record(
                    Claim::Fact,
                    RecordKind::Difference(difference),
                    ev,
                    Some(round(score)),
                )
            }],
        });
    }
}
