//! Alignment within one event: quotes (fragments, translations,
//! truncations), statements (reworded sentences) and facts (same day, same
//! amount), turned into agreement, discrepancy and unique records.
//!
//! All cross-report work is blocked: candidate pairs come from inverted
//! indexes over content stems, so an event of k reports with q quotes costs
//! far less than q² full comparisons.

mod facts;
pub(crate) mod fragment;
mod quotes;
mod wording;

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use crate::extract::Extraction;
use crate::record::{Claim, Event, Evidence, Record, RecordKind};
use crate::report::Report;
use crate::similarity::{Matcher, Prepared};
use crate::span::Span;

/// Settings for aligning the reports of one event.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlignConfig {
    /// Least fragment score for two quotes to be one remark.
    pub quote_threshold: f64,
    /// Least fragment score for the same words given to different speakers
    /// to count as one remark (an attribution discrepancy).
    pub attribution_threshold: f64,
    /// Least similarity for two statements to make the same claim.
    pub statement_threshold: f64,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            quote_threshold: 0.6,
            attribution_threshold: 0.85,
            statement_threshold: 0.5,
        }
    }
}

/// The records of one event, before they are numbered.
#[derive(Debug, Default)]
pub(crate) struct Aligned {
    /// Claims several reports carry, each with its differences.
    pub claims: Vec<Claimed>,
    pub unique: Vec<Record>,
}

/// One claim and the differences between its versions.
#[derive(Debug)]
pub(crate) struct Claimed {
    pub record: Record,
    pub differences: Vec<Record>,
}

/// The records of one event, numbered: agreements (one per claim),
/// discrepancies (each naming its claim) and unique claims.
#[derive(Debug, Default)]
pub(crate) struct Records {
    pub agreements: Vec<Record>,
    pub discrepancies: Vec<Record>,
    pub unique: Vec<Record>,
}

/// A record with no id, diff or note yet.
pub(crate) fn record(
    claim: Claim,
    kind: RecordKind,
    evidence: Vec<Evidence>,
    score: Option<f64>,
) -> Record {
    Record {
        id: String::new(),
        of: None,
        claim,
        kind,
        speaker: None,
        evidence,
        score,
        diff: None,
        note: None,
    }
}

/// One report of the event with what was extracted from it.
struct Member<'a> {
    pub report: &'a Report,
    pub found: &'a Extraction,
}

/// Aligns the reports of each event: the stage of [`compare`](crate::compare)
/// after grouping. `extractions[i]` is what was extracted from
/// `reports[i]`, and `groups` index both as
/// [`group_events`](crate::group_events) returns them. The statement
/// matcher is built over the statements of every report; each group is
/// aligned in parallel. Returns one [`Event`] per group, in group order,
/// its id from the group's first report (`event-<id>`).
///
/// ```
/// use corroborate::{align_events, extract, group_events, AlignConfig, EventConfig, Report};
///
/// let reports = [
///     Report::new("a", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
///         “This bridge unites our city,” Doe said."),
///     Report::new("b", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
///         “This bridge unites the city,” said Doe."),
/// ];
/// let found: Vec<_> = reports.iter().map(extract).collect();
/// let groups = group_events(&found, &EventConfig::default());
/// let events = align_events(&reports, &found, &groups, &AlignConfig::default());
/// assert_eq!(events.len(), 1);
/// assert_eq!(events[0].id, "event-a");
/// assert_eq!(events[0].reports, ["a", "b"]);
/// ```
pub fn align_events<R: Borrow<Report> + Sync>(
    reports: &[R],
    extractions: &[Extraction],
    groups: &[Vec<usize>],
    config: &AlignConfig,
) -> Vec<Event> {
    let matcher = statement_matcher(reports, extractions);
    groups
        .par_iter()
        .filter(|group| !group.is_empty())
        .map(|group| align_group(reports, extractions, group, &matcher, config))
        .collect()
}

/// The statement matcher of [`align_events`]: word weights from every
/// statement of every report, read at its span in the report.
pub(crate) fn statement_matcher<R: Borrow<Report>>(
    reports: &[R],
    extractions: &[Extraction],
) -> Matcher {
    Matcher::from_corpus(reports.iter().zip(extractions).flat_map(|(r, f)| {
        let text = r.borrow().text.as_str();
        f.statements
            .iter()
            .map(move |s| text.get(s.span.range()).unwrap_or_default())
    }))
}

/// One event of [`align_events`]: `group` (not empty) indexes `reports`
/// and `extractions`.
pub(crate) fn align_group<R: Borrow<Report>>(
    reports: &[R],
    extractions: &[Extraction],
    group: &[usize],
    matcher: &Matcher,
    config: &AlignConfig,
) -> Event {
    let members: Vec<Member<'_>> = group
        .iter()
        .map(|&i| Member {
            report: reports[i].borrow(),
            found: &extractions[i],
        })
        .collect();
    let id = format!("event-{}", members[0].report.id);
    let aligned = align_event(&members, matcher, config, &id);
    Event {
        id,
        reports: members.iter().map(|m| m.report.id.clone()).collect(),
        agreements: aligned.agreements,
        discrepancies: aligned.discrepancies,
        unique: aligned.unique,
    }
}

/// Aligns the reports of one event; record ids start with `event_id`.
fn align_event(
    members: &[Member<'_>],
    matcher: &Matcher,
    config: &AlignConfig,
    event_id: &str,
) -> Records {
    let mut out = Aligned::default();
    quotes::align_quotes(members, config, &mut out);
    let statement_pairs = align_statements(members, matcher, config, &mut out);
    facts::align_facts(members, &statement_pairs, &mut out);
    merge_shared_facts(&mut out.claims);
    number(out, event_id)
}

/// Fact claims that share a piece of evidence are one claim: "15 bills" in
/// two reports and "16 bills" in a third make one claim with a value
/// difference, not an agreement beside a discrepancy.
fn merge_shared_facts(claims: &mut Vec<Claimed>) {
    let facts: Vec<usize> = (0..claims.len())
        .filter(|&k| claims[k].record.claim == Claim::Fact)
        .collect();
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    let mut owner: HashMap<(&str, Span), usize> = HashMap::new();
    for &k in &facts {
        for e in &claims[k].record.evidence {
            match owner.get(&(e.report.as_str(), e.span)) {
                Some(&other) => union(&mut parent, other, k),
                None => {
                    owner.insert((e.report.as_str(), e.span), k);
                }
            }
        }
    }
    if facts.iter().all(|&k| find(&mut parent, k) == k) {
        return;
    }
    let mut merged: Vec<Option<Claimed>> = std::mem::take(claims).into_iter().map(Some).collect();
    for k in 0..merged.len() {
        let root = find(&mut parent, k);
        if root == k {
            continue;
        }
        let Some(part) = merged[k].take() else {
            continue;
        };
        let Some(into) = merged[root].as_mut() else {
            continue;
        };
        for e in part.record.evidence {
            if !into
                .record
                .evidence
                .iter()
                .any(|x| x.report == e.report && x.span == e.span)
            {
                into.record.evidence.push(e);
            }
        }
        into.record.note = match (into.record.note.take(), part.record.note) {
            (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
            (a, b) => a.or(b),
        };
        into.differences.extend(part.differences);
    }
    *claims = merged.into_iter().flatten().collect();
}

/// Sorts the claims, their differences and the unique claims, and gives
/// each its id; each difference names its claim.
fn number(aligned: Aligned, event_id: &str) -> Records {
    let mut claims = aligned.claims;
    for c in &mut claims {
        sort_evidence(&mut c.record.evidence);
        for d in &mut c.differences {
            sort_evidence(&mut d.evidence);
        }
    }
    claims.sort_by(|a, b| record_order(&a.record, &b.record));
    let mut out = Records::default();
    // Differences of one claim stay together, in the order of their claims.
    for (k, mut c) in claims.into_iter().enumerate() {
        c.record.id = format!("{event_id}/c{}", k + 1);
        c.differences.sort_by(record_order);
        for mut d in c.differences {
            d.of = Some(c.record.id.clone());
            out.discrepancies.push(d);
        }
        out.agreements.push(c.record);
    }
    for (k, d) in out.discrepancies.iter_mut().enumerate() {
        d.id = format!("{event_id}/d{}", k + 1);
    }
    out.unique = aligned.unique;
    for r in &mut out.unique {
        sort_evidence(&mut r.evidence);
    }
    out.unique.sort_by(record_order);
    for (k, r) in out.unique.iter_mut().enumerate() {
        r.id = format!("{event_id}/u{}", k + 1);
    }
    out
}

fn sort_evidence(evidence: &mut [Evidence]) {
    evidence.sort_by(|a, b| (&a.report, a.span).cmp(&(&b.report, b.span)));
}
/// Records by claim type, then where their evidence starts, then kind,
/// then all their evidence: a total order on what is output.
fn record_order(a: &Record, b: &Record) -> std::cmp::Ordering {
    // Borrowed keys: no allocation per comparison.
    fn key(r: &Record) -> (Claim, Option<(&str, Span)>, RecordKind) {
        (
            r.claim,
            r.evidence.first().map(|e| (e.report.as_str(), e.span)),
            r.kind,
        )
    }
    key(a).cmp(&key(b)).then_with(|| {
        fn spans(r: &Record) -> impl Iterator<Item = (&str, Span)> {
            r.evidence.iter().map(|e| (e.report.as_str(), e.span))
        }
        spans(a).cmp(spans(b))
    })
}

fn evidence(member: &Member<'_>, span: Span) -> Evidence {
    Evidence {
        report: member.report.id.clone(),
        span,
        text: span.text(&member.report.text).to_string(),
        speaker: None,
        speaker_confidence: 0.0,
    }
}

/// A quote as evidence: its words, its speaker and how sure that is.
fn quote_evidence(member: &Member<'_>, quote: &crate::extract::Quote) -> Evidence {
    Evidence {
        speaker: quote.speaker.clone(),
        speaker_confidence: quote.speaker_confidence,
        ..evidence(member, quote.span)
    }
}

/// Do two speaker names refer to the same person? One name's words must
/// all be in the other: "Putin" and "Vladimir Putin" are one person, "Li
/// Qiang" and "Li Shangfu" two, "Jane Doe" and "John Doe" two. Unknown
/// speakers are compatible with anyone.
pub(crate) fn same_speaker(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    let words = |s: &str| -> BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .map(|w| {
                w.trim_end_matches("’s")
                    .trim_end_matches("'s")
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && !crate::text::tokens::is_stopword(w))
            .collect()
    };
    let (x, y) = (words(a), words(b));
    x.is_empty() || y.is_empty() || x.is_subset(&y) || y.is_subset(&x)
}

/// One name for a group of mentions of a speaker: the longest that agrees
/// with the others.
fn canonical_speaker<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    // Distinct names with their counts: a big event repeats a few names.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names {
        *counts.entry(n).or_default() += 1;
    }
    let mut best: Option<(usize, usize, &str)> = None;
    for (&n, _) in counts.iter() {
        let agree: usize = counts
            .iter()
            .filter(|(m, _)| same_speaker(Some(n), Some(m)))
            .map(|(_, c)| c)
            .sum();
        let key = (agree, n.len(), n);
        // More support, then the longer name; ties by name (counts are
        // sorted, so the first seen wins).
        if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
            best = Some(key);
        }
    }
    best.map(|b| b.2.to_string())
}

/// How many following entries of one postings list each entry is compared
/// with: bounds candidate pairs to O(n · WINDOW) per stem even when every
/// report of a big event shares the stem.
const WINDOW: usize = 32;

/// Groups items with the same key (identical wording: syndicated copies,
/// a remark quoted alike) into variants compared once. Variants are
/// numbered in order of first appearance.
fn variants<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<K, usize> = HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, key) in keys.enumerate() {
        let v = *by_key.entry(key).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        out[v].push(i);
    }
    out
}

/// Candidate pairs from postings lists (sorted ids), each id paired with
/// the next [`WINDOW`] ids of every list it is in; with the number of
/// lists each pair shares.
fn blocked_pairs<'p>(
    postings: impl IntoIterator<Item = &'p Vec<usize>>,
) -> BTreeMap<(usize, usize), usize> {
    let mut counts: rustc_hash::FxHashMap<(usize, usize), usize> = rustc_hash::FxHashMap::default();
    for list in postings {
        for (k, &a) in list.iter().enumerate() {
            for &b in list.iter().skip(k + 1).take(WINDOW) {
                *counts.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    // Sorted, so what follows does not depend on hashing.
    counts.into_iter().collect()
}

/// Postings lists longer than this pair each entry only with the next
/// [`WINDOW`] entries, so one stem common to a whole large event cannot make
/// the candidates quadratic.
const LONG_LIST: usize = 64;

/// Candidate pairs `(a, b)`, `a < b`, of prepared statements that `keep`
/// accepts: those sharing a stem of their [`Prepared::prefix`]es, each
/// pair offered once. Every pair that can pass [`Prepared::may_match`] is
/// among them, except where a list is longer than [`LONG_LIST`].
/// `O(Σ prefix lists × min(list, LONG_LIST))`, and only kept pairs are
/// stored.
fn statement_candidates(
    prepared: &[&Prepared],
    mut keep: impl FnMut(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let prefixes: Vec<Vec<u64>> = prepared.iter().map(|p| p.prefix()).collect();
    let mut postings: rustc_hash::FxHashMap<u64, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (v, prefix) in prefixes.iter().enumerate() {
        for &id in prefix {
            postings.entry(id).or_default().push(v);
        }
    }
    // `seen[b] == a + 1` once (a, b) was offered: dedup without a set.
    let mut seen = vec![0usize; prepared.len()];
    let mut out = Vec::new();
    for (a, prefix) in prefixes.iter().enumerate() {
        for id in prefix {
            let list = &postings[id];
            // Lists are in ascending order; `a` is in its own lists.
            let at = list.partition_point(|&x| x <= a);
            let end = if list.len() > LONG_LIST {
                (at + WINDOW).min(list.len())
            } else {
                list.len()
            };
            for &b in &list[at..end] {
                if seen[b] != a + 1 {
                    seen[b] = a + 1;
                    if keep(a, b) {
                        out.push((a, b));
                    }
                }
            }
        }
    }
    out
}

/// Whether two sorted lists have no element in common.
fn disjoint(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

/// Statement pairs judged to make the same claim: (member, statement index)
/// twice, and the score.
pub(crate) type StatementPair = ((usize, usize), (usize, usize), f64);

fn align_statements(
    members: &[Member<'_>],
    matcher: &Matcher,
    config: &AlignConfig,
    out: &mut Aligned,
) -> Vec<StatementPair> {
    let mut refs: Vec<(usize, usize)> = Vec::new();
    let mut all: Vec<Prepared> = Vec::new();
    for (m, member) in members.iter().enumerate() {
        for (s, st) in member.found.statements.iter().enumerate() {
            refs.push((m, s));
            all.push(matcher.prepare(&member.report.text, st.span));
        }
    }
    // Statements with the same stems in the same order are one variant.
    let groups = variants(all.iter().map(Prepared::wording));
    let prepared: Vec<&Prepared> = groups.iter().map(|g| &all[g[0]]).collect();
    // The reports each variant occurs in, sorted.
    let owners: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut o: Vec<usize> = g.iter().map(|&i| refs[i].0).collect();
            o.sort_unstable();
            o.dedup();
            o
        })
        .collect();
    let mut scored: Vec<(f64, usize, usize)> = statement_candidates(&prepared, |a, b| {
        disjoint(&owners[a], &owners[b]) && prepared[a].may_match(prepared[b])
    })
    .into_iter()
    .map(|(a, b)| (matcher.score(prepared[a], prepared[b]), a, b))
    .filter(|&(s, _, _)| s >= config.statement_threshold)
    .collect();
    // Greedy one-to-one per pair of reports, best first.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new(); // (variant, other member)
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let mut pairs = Vec::new();
    let mut scores: HashMap<usize, (f64, usize)> = HashMap::new();
    for (score, a, b) in scored {
        let (ma, mb) = (&owners[a], &owners[b]);
        if mb.iter().any(|m| taken.contains(&(a, *m)))
            || ma.iter().any(|m| taken.contains(&(b, *m)))
        {
            continue;
        }
        taken.extend(mb.iter().map(|&m| (a, m)));
        taken.extend(ma.iter().map(|&m| (b, m)));
        union(&mut parent, a, b);
        pairs.push((refs[groups[a][0]], refs[groups[b][0]], score));
        scores.entry(a).or_default().0 += score;
        scores.entry(a).or_default().1 += 1;
    }
    let mut root_scores: HashMap<usize, (f64, usize)> = HashMap::new();
    for (v, (sum, n)) in scores {
        let e = root_scores.entry(find(&mut parent, v)).or_default();
        e.0 += sum;
        e.1 += n;
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (v, g) in groups.iter().enumerate() {
        components
            .entry(find(&mut parent, v))
            .or_default()
            .extend(g);
    }
    for (root, mut items) in components {
        items.sort_unstable();
        let ev: Vec<Evidence> = items
            .iter()
            .map(|&i| {
                let (m, s) = refs[i];
                evidence(&members[m], members[m].found.statements[s].span)
            })
            .collect();
        let reports: BTreeSet<usize> = items.iter().map(|&i| refs[i].0).collect();
        if reports.len() >= 2 {
            let (sum, n) = root_scores.get(&root).copied().unwrap_or((1.0, 1));
            out.claims.push(Claimed {
                record: record(
                    Claim::Statement,
                    RecordKind::Statement,
                    ev,
                    Some(round(sum / n.max(1) as f64)),
                ),
                differences: Vec::new(),
            });
        } else {
            out.unique.extend(
                ev.into_iter()
                    .map(|e| record(Claim::Statement, RecordKind::Statement, vec![e], None)),
            );
        }
    }
    pairs
}

pub(crate) fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub(crate) fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

pub(crate) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_compatibility() {
        assert!(same_speaker(Some("Putin"), Some("Vladimir Putin")));
        assert!(same_speaker(None, Some("Li Qiang")));
        assert!(!same_speaker(Some("Li Qiang"), Some("Vladimir Putin")));
        assert!(!same_speaker(Some("Li Qiang"), Some("Li Shangfu")));
        assert!(!same_speaker(Some("Jane Doe"), Some("John Doe")));
        assert!(same_speaker(Some("Li"), Some("Li Qiang")));
        assert!(same_speaker(
            Some("Foreign Ministry"),
            Some("China’s Foreign Ministry")
        ));
        assert_eq!(
            canonical_speaker(["Putin", "Vladimir Putin", "Putin"].into_iter()).as_deref(),
            Some("Vladimir Putin")
        );
    }
}
