//! Alignment within one event: quotes (fragments, translations,
//! truncations), statements (reworded sentences) and facts (same day, same
//! amount), turned into agreement, discrepancy and unique records.
//!
//! All cross-report work is blocked: candidate pairs come from inverted
//! indexes over content stems, so an event of k reports with q quotes costs
//! far less than q² full comparisons.

mod facts;
pub(crate) mod fragment;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::extract::{Extraction, Quote, QuoteKind};
use crate::record::{Claim, Evidence, Record, RecordKind};
use crate::report::Report;
use crate::similarity::{Matcher, Prepared};
use crate::span::Span;
use fragment::{align, same_words, word_diff, Word};

/// Settings for aligning the reports of one event.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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

/// The records of one event.
#[derive(Debug, Default)]
pub(crate) struct Aligned {
    pub agreements: Vec<Record>,
    pub discrepancies: Vec<Record>,
    pub unique: Vec<Record>,
}

/// One report of the event with what was extracted from it.
pub(crate) struct Member<'a> {
    pub report: &'a Report,
    pub found: &'a Extraction,
}

pub(crate) fn align_event(
    members: &[Member<'_>],
    matcher: &Matcher,
    config: &AlignConfig,
) -> Aligned {
    let mut out = Aligned::default();
    align_quotes(members, config, &mut out);
    let statement_pairs = align_statements(members, matcher, config, &mut out);
    facts::align_facts(members, &statement_pairs, &mut out);
    sort_records(&mut out.agreements);
    sort_records(&mut out.discrepancies);
    sort_records(&mut out.unique);
    out
}

fn sort_records(records: &mut [Record]) {
    // Borrowed keys: no allocation per comparison.
    fn key(r: &Record) -> (Claim, Option<(&str, Span)>, RecordKind) {
        (
            r.claim,
            r.evidence.first().map(|e| (e.report.as_str(), e.span)),
            r.kind,
        )
    }
    records.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// A quote of the event, addressed by (member, index).
struct QuoteRef<'a> {
    member: usize,
    quote: &'a Quote,
    words: Vec<Word>,
}

fn evidence(member: &Member<'_>, span: Span, speaker: Option<&str>) -> Evidence {
    Evidence {
        report: member.report.id.clone(),
        span,
        text: span.text(&member.report.text).to_string(),
        speaker: speaker.map(str::to_string),
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

fn align_quotes(members: &[Member<'_>], config: &AlignConfig, out: &mut Aligned) {
    let quotes: Vec<QuoteRef<'_>> = members
        .iter()
        .enumerate()
        .flat_map(|(m, member)| {
            member.found.quotes.iter().map(move |q| QuoteRef {
                member: m,
                quote: q,
                words: fragment::words(&member.report.text, q.span),
            })
        })
        .collect();
    let groups = variants(
        quotes
            .iter()
            .map(|q| q.words.iter().map(|w| w.stem.clone()).collect::<Vec<_>>()),
    );
    let ev =
        |q: &QuoteRef<'_>| evidence(&members[q.member], q.quote.span, q.quote.speaker.as_deref());
    let evidence_of =
        |v: &[usize]| -> Vec<Evidence> { v.iter().map(|&i| ev(&quotes[i])).collect() };
    let speaker_of = |v: &[usize]| {
        canonical_speaker(v.iter().filter_map(|&i| quotes[i].quote.speaker.as_deref()))
    };
    // The same words given to different people by different outlets.
    for v in &groups {
        let speakers: BTreeSet<&str> = v
            .iter()
            .filter_map(|&i| quotes[i].quote.speaker.as_deref())
            .collect();
        let first = speakers.iter().next().copied();
        if let Some(other) = speakers.iter().find(|s| !same_speaker(first, Some(s))) {
            out.discrepancies.push(Record {
                claim: Claim::Quote,
                kind: RecordKind::Attribution,
                speaker: None,
                evidence: evidence_of(v),
                score: Some(1.0),
                diff: None,
                note: Some(format!("{} vs {other}", first.unwrap_or("?"))),
            });
        }
    }
    let mut postings: rustc_hash::FxHashMap<String, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (v, group) in groups.iter().enumerate() {
        let stems: BTreeSet<&str> = quotes[group[0]]
            .words
            .iter()
            .filter(|w| w.weight >= 1.0)
            .map(|w| w.stem.as_str())
            .collect();
        for s in stems {
            postings.entry(s.to_string()).or_default().push(v);
        }
    }
    let members_of =
        |v: &[usize]| -> BTreeSet<usize> { v.iter().map(|&i| quotes[i].member).collect() };
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let mut accepted: Vec<(usize, usize, f64)> = Vec::new();
    for (va, vb) in blocked_pairs(postings.values()).into_keys() {
        let (ga, gb) = (&groups[va], &groups[vb]);
        // Two passages of one report are never versions of each other.
        if !members_of(ga).is_disjoint(&members_of(gb)) {
            continue;
        }
        let (qa, qb) = (&quotes[ga[0]], &quotes[gb[0]]);
        let wa: f64 = qa.words.iter().map(|w| w.weight).sum();
        let wb: f64 = qb.words.iter().map(|w| w.weight).sum();
        let short_is_a = wa <= wb;
        let (short, long) = if short_is_a { (qa, qb) } else { (qb, qa) };
        let Some(al) = align(&short.words, &long.words, config.quote_threshold) else {
            continue;
        };
        let short_content = short.words.iter().filter(|w| w.weight >= 1.0).count() as f64;
        let enough = al.content_matched >= 2.0
            || al.content_matched >= short_content && short_content >= 1.0;
        if !enough || al.score < config.quote_threshold {
            continue;
        }
        let (speaker_a, speaker_b) = (speaker_of(ga), speaker_of(gb));
        let speakers_agree = same_speaker(speaker_a.as_deref(), speaker_b.as_deref());
        if !speakers_agree && al.score < config.attribution_threshold {
            continue;
        }
        accepted.push((va, vb, al.score));
        union(&mut parent, va, vb);
        let window_span = Span::new(
            long.words[al.window.0].span.start,
            long.words[al.window.1 - 1].span.end,
        );
        let short_text = short.quote.span.text(&members[short.member].report.text);
        let window_text = window_span.text(&members[long.member].report.text);
        let base = |kind: RecordKind, diff: Option<String>, note: Option<String>| Record {
            claim: Claim::Quote,
            kind,
            speaker: canonical_speaker(
                speaker_a.as_deref().into_iter().chain(speaker_b.as_deref()),
            ),
            evidence: evidence_of(ga).into_iter().chain(evidence_of(gb)).collect(),
            score: Some(round(al.score)),
            diff,
            note,
        };
        if !speakers_agree {
            out.discrepancies.push(Record {
                speaker: None,
                note: Some(format!(
                    "{} vs {}",
                    speaker_a.as_deref().unwrap_or("?"),
                    speaker_b.as_deref().unwrap_or("?")
                )),
                ..base(RecordKind::Attribution, None, None)
            });
        }
        // A few words quoted inside narrative are a fragment by nature;
        // a whole remark that stops early is a truncation.
        if al.coverage < 0.85 && short.quote.kind == QuoteKind::Full {
            let shown = long.words.len().min(al.window.1 - al.window.0);
            out.discrepancies.push(base(
                RecordKind::Truncation,
                None,
                Some(format!(
                    "one report quotes {shown} of the {} words the other quotes",
                    long.words.len()
                )),
            ));
        }
        if !same_words(&short.words, &long.words[al.window.0..al.window.1]) {
            let diff = if short_is_a {
                word_diff(short_text, window_text)
            } else {
                word_diff(window_text, short_text)
            };
            out.discrepancies
                .push(base(RecordKind::Wording, Some(diff), None));
        }
    }
    // Components of variants → agreements (several reports) or unique claims.
    let mut scores: HashMap<usize, (f64, usize)> = HashMap::new();
    for &(va, _, score) in &accepted {
        let e = scores.entry(find(&mut parent, va)).or_default();
        e.0 += score;
        e.1 += 1;
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (v, group) in groups.iter().enumerate() {
        components
            .entry(find(&mut parent, v))
            .or_default()
            .extend(group);
    }
    for (root, mut members_of) in components {
        members_of.sort_unstable();
        let reports: BTreeSet<usize> = members_of.iter().map(|&i| quotes[i].member).collect();
        let mut ev = evidence_of(&members_of);
        ev.sort_by(|a, b| (&a.report, a.span).cmp(&(&b.report, b.span)));
        if reports.len() >= 2 {
            let (sum, n) = scores.get(&root).copied().unwrap_or((1.0, 1));
            out.agreements.push(Record {
                claim: Claim::Quote,
                kind: RecordKind::Quote,
                speaker: speaker_of(&members_of),
                evidence: ev,
                score: Some(round(sum / n.max(1) as f64)),
                diff: None,
                note: None,
            });
        } else {
            for e in ev {
                out.unique.push(Record {
                    claim: Claim::Quote,
                    kind: RecordKind::Quote,
                    speaker: e.speaker.clone(),
                    evidence: vec![e],
                    score: None,
                    diff: None,
                    note: None,
                });
            }
        }
    }
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
                evidence(&members[m], members[m].found.statements[s].span, None)
            })
            .collect();
        let reports: BTreeSet<usize> = items.iter().map(|&i| refs[i].0).collect();
        if reports.len() >= 2 {
            let (sum, n) = root_scores.get(&root).copied().unwrap_or((1.0, 1));
            out.agreements.push(Record {
                claim: Claim::Statement,
                kind: RecordKind::Statement,
                speaker: None,
                evidence: ev,
                score: Some(round(sum / n.max(1) as f64)),
                diff: None,
                note: None,
            });
        } else {
            out.unique.extend(ev.into_iter().map(|e| Record {
                claim: Claim::Statement,
                kind: RecordKind::Statement,
                speaker: None,
                evidence: vec![e],
                score: None,
                diff: None,
                note: None,
            }));
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
