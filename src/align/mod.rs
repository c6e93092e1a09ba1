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
use crate::similarity::Matcher;
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
    records.sort_by(|a, b| {
        let key = |r: &Record| {
            (
                r.claim,
                r.evidence.first().map(|e| (e.report.clone(), e.span)),
                r.kind,
            )
        };
        key(a).cmp(&key(b))
    });
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
    let names: Vec<&str> = names.collect();
    let mut best: Option<(usize, usize, &str)> = None;
    for &n in &names {
        let agree = names
            .iter()
            .filter(|m| same_speaker(Some(n), Some(m)))
            .count();
        let key = (agree, n.len(), n);
        if best.is_none_or(|b| {
            (key.0, key.1) > (b.0, b.1) || (key.0, key.1) == (b.0, b.1) && key.2 < b.2
        }) {
            best = Some(key);
        }
    }
    best.map(|b| b.2.to_string())
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
    // Blocking: quotes sharing a content stem.
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, q) in quotes.iter().enumerate() {
        let stems: BTreeSet<&str> = q
            .words
            .iter()
            .filter(|w| w.weight >= 1.0)
            .map(|w| w.stem.as_str())
            .collect();
        for s in stems {
            index.entry(s).or_default().push(i);
        }
    }
    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    for list in index.values() {
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                if quotes[a].member != quotes[b].member {
                    candidates.insert((a, b));
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    let mut pair_scores: HashMap<(usize, usize), f64> = HashMap::new();
    for (a, b) in candidates {
        let (qa, qb) = (&quotes[a], &quotes[b]);
        let wa: f64 = qa.words.iter().map(|w| w.weight).sum();
        let wb: f64 = qb.words.iter().map(|w| w.weight).sum();
        let (short, long, short_is_a) = if wa <= wb {
            (qa, qb, true)
        } else {
            (qb, qa, false)
        };
        let Some(al) = align(&short.words, &long.words) else {
            continue;
        };
        let short_content = short.words.iter().filter(|w| w.weight >= 1.0).count() as f64;
        let enough = al.content_matched >= 2.0
            || al.content_matched >= short_content && short_content >= 1.0;
        if !enough || al.score < config.quote_threshold {
            continue;
        }
        let speakers_agree = same_speaker(qa.quote.speaker.as_deref(), qb.quote.speaker.as_deref());
        if !speakers_agree && al.score < config.attribution_threshold {
            continue;
        }
        pair_scores.insert((a, b), al.score);
        union(&mut parent, a, b);
        // Discrepancies of this pair, first evidence the earlier report.
        let (first, second) = if short_is_a {
            (short, long)
        } else {
            (long, short)
        };
        let ev = |q: &QuoteRef<'_>| {
            evidence(&members[q.member], q.quote.span, q.quote.speaker.as_deref())
        };
        let window_span = Span::new(
            long.words[al.window.0].span.start,
            long.words[al.window.1 - 1].span.end,
        );
        let long_text = &members[long.member].report.text;
        let short_text = short.quote.span.text(&members[short.member].report.text);
        let window_text = window_span.text(long_text);
        let base = |kind: RecordKind, diff: Option<String>, note: Option<String>| Record {
            claim: Claim::Quote,
            kind,
            speaker: canonical_speaker(
                [qa.quote.speaker.as_deref(), qb.quote.speaker.as_deref()]
                    .into_iter()
                    .flatten(),
            ),
            evidence: vec![ev(first), ev(second)],
            score: Some(round(al.score)),
            diff,
            note,
        };
        if !speakers_agree {
            out.discrepancies.push(Record {
                speaker: None,
                note: Some(format!(
                    "{} vs {}",
                    first.quote.speaker.as_deref().unwrap_or("?"),
                    second.quote.speaker.as_deref().unwrap_or("?")
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
        let window_words = &long.words[al.window.0..al.window.1];
        if !same_words(&short.words, window_words) {
            let diff = if short_is_a {
                word_diff(short_text, window_text)
            } else {
                word_diff(window_text, short_text)
            };
            out.discrepancies
                .push(base(RecordKind::Wording, Some(diff), None));
        }
    }
    // Components → agreements (several reports) or unique claims.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..quotes.len() {
        groups.entry(find(&mut parent, i)).or_default().push(i);
    }
    for group in groups.into_values() {
        let reports: BTreeSet<usize> = group.iter().map(|&i| quotes[i].member).collect();
        let mut ev: Vec<Evidence> = group
            .iter()
            .map(|&i| {
                evidence(
                    &members[quotes[i].member],
                    quotes[i].quote.span,
                    quotes[i].quote.speaker.as_deref(),
                )
            })
            .collect();
        ev.sort_by(|a, b| (&a.report, a.span).cmp(&(&b.report, b.span)));
        let speaker = canonical_speaker(
            group
                .iter()
                .filter_map(|&i| quotes[i].quote.speaker.as_deref()),
        );
        if reports.len() >= 2 {
            let scores: Vec<f64> = pair_scores
                .iter()
                .filter(|((a, b), _)| group.contains(a) && group.contains(b))
                .map(|(_, s)| *s)
                .collect();
            let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
            out.agreements.push(Record {
                claim: Claim::Quote,
                kind: RecordKind::Quote,
                speaker,
                evidence: ev,
                score: Some(round(mean)),
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
    let mut prepared = Vec::new();
    let mut index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (m, member) in members.iter().enumerate() {
        for (s, st) in member.found.statements.iter().enumerate() {
            let i = refs.len();
            refs.push((m, s));
            prepared.push(matcher.prepare(&member.report.text, st.span));
            let stems: BTreeSet<String> = fragment::words(&member.report.text, st.span)
                .into_iter()
                .filter(|w| w.weight >= 1.0)
                .map(|w| w.stem)
                .collect();
            for stem in stems {
                index.entry(stem).or_default().push(i);
            }
        }
    }
    // Candidates sharing at least two content stems.
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let limit = (refs.len() / 2).max(8);
    for list in index.values() {
        if list.len() > limit {
            continue;
        }
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                if refs[a].0 != refs[b].0 {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    let mut scored: Vec<(f64, usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|((a, b), _)| (matcher.score(&prepared[a], &prepared[b]), a, b))
        .filter(|&(s, _, _)| s >= config.statement_threshold)
        .collect();
    // Greedy one-to-one per pair of reports, best first.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new(); // (statement, other member)
    let mut parent: Vec<usize> = (0..refs.len()).collect();
    let mut pairs = Vec::new();
    for (score, a, b) in scored {
        let (ma, mb) = (refs[a].0, refs[b].0);
        if taken.contains(&(a, mb)) || taken.contains(&(b, ma)) {
            continue;
        }
        taken.insert((a, mb));
        taken.insert((b, ma));
        union(&mut parent, a, b);
        pairs.push((refs[a], refs[b], score));
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..refs.len() {
        groups.entry(find(&mut parent, i)).or_default().push(i);
    }
    for group in groups.into_values() {
        let ev: Vec<Evidence> = group
            .iter()
            .map(|&i| {
                let (m, s) = refs[i];
                evidence(&members[m], members[m].found.statements[s].span, None)
            })
            .collect();
        if group.len() >= 2 {
            let scores: Vec<f64> = pairs
                .iter()
                .filter(|(a, _, _)| group.iter().any(|&i| refs[i] == *a))
                .map(|p| p.2)
                .collect();
            out.agreements.push(Record {
                claim: Claim::Statement,
                kind: RecordKind::Statement,
                speaker: None,
                evidence: ev,
                score: Some(round(
                    scores.iter().sum::<f64>() / scores.len().max(1) as f64,
                )),
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
