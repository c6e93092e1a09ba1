//! Quotes across the reports of one event: which quotations render one
//! remark, and how the reports' versions of it differ.
//!
//! Quotations link when they share distinctive words in a window that
//! scores as the same utterance; a shorter quotation links only to its
//! best match in each other report, so a fragment joins the remark it
//! comes from and nothing else. Linked quotations form one claim. Each
//! report's version is then compared with the claim's reference versions
//! only (the most common wording, the fullest quotation), so a remark
//! quoted by many outlets costs one comparison per version, not one per
//! pair.

use std::collections::{BTreeMap, BTreeSet};

use super::fragment::{self, align, Alignment, Word};
use super::wording::{self, Form};
use super::{
    canonical_speaker, find, quote_evidence, round, same_speaker, union, variants, AlignConfig,
    Aligned, Claimed, Member,
};
use crate::extract::{Quote, QuoteKind};
use crate::record::{Claim, Difference, Evidence, Record, RecordKind};
use crate::span::Span;
use crate::text::tokens::is_stopword;
use crate::word_diff::WordDiff;

/// A quote of the event.
struct QuoteRef<'a> {
    member: usize,
    quote: &'a Quote,
    words: Vec<Word>,
    /// Its speaker is named in the report beyond doubt.
    confident: bool,
}

impl QuoteRef<'_> {
    fn weight(&self) -> f64 {
        self.words.iter().map(|w| w.weight).sum()
    }

    /// Titles of works and single words in quote marks are not quotations
    /// of a remark: they never link.
    fn linkable(&self) -> bool {
        // Words as written: "re-confirmed" is one word in quote marks.
        let written = self.quote.text.split_whitespace().count();
        self.quote.kind != QuoteKind::Title && self.words.len() >= 2 && written >= 2
    }
}

/// At most this many variant records of one kind per claim: a remark
/// quoted in 2,000 wordings still gives a bounded output.
const MAX_VARIANTS: usize = 16;

pub(super) fn align_quotes(members: &[Member<'_>], config: &AlignConfig, out: &mut Aligned) {
    let quotes: Vec<QuoteRef<'_>> = members
        .iter()
        .enumerate()
        .flat_map(|(m, member)| {
            let text = member.report.text.as_str();
            // Whether a name is ambiguous in the report, asked once per name.
            let mut ambiguous: BTreeMap<String, bool> = BTreeMap::new();
            member
                .found
                .quotes
                .iter()
                .map(|q| QuoteRef {
                    member: m,
                    quote: q,
                    words: fragment::words(text, q.span),
                    confident: confident_speaker(text, q, &mut ambiguous),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    // Identical wordings (syndicated copies, a remark quoted alike) are one
    // variant, compared once.
    let groups = variants(
        quotes
            .iter()
            .map(|q| q.words.iter().map(|w| w.stem.clone()).collect::<Vec<_>>()),
    );
    let members_of =
        |v: usize| -> BTreeSet<usize> { groups[v].iter().map(|&i| quotes[i].member).collect() };
    let speaker_of = |v: usize| {
        canonical_speaker(
            groups[v]
                .iter()
                .filter_map(|&i| quotes[i].quote.speaker.as_deref()),
        )
    };
    let linkable: Vec<bool> = groups.iter().map(|g| quotes[g[0]].linkable()).collect();
    // How many variants each content stem occurs in: a word every quote of
    // the event has (the tournament's name) says little about which remark
    // a quotation renders.
    let mut postings: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (v, group) in groups.iter().enumerate() {
        if !linkable[v] {
            continue;
        }
        let stems: BTreeSet<&str> = quotes[group[0]]
            .words
            .iter()
            .filter(|w| w.weight >= 1.0)
            .map(|w| w.stem.as_str())
            .collect();
        for s in stems {
            postings.entry(s).or_default().push(v);
        }
    }
    let spread = |stem: &str| postings.get(stem).map_or(1, Vec::len);
    let mut links: Vec<Link> = Vec::new();
    for (va, vb) in super::blocked_pairs(postings.values()).into_keys() {
        if !members_of(va).is_disjoint(&members_of(vb)) {
            continue;
        }
        let (qa, qb) = (&quotes[groups[va][0]], &quotes[groups[vb][0]]);
        let short_is_a = qa.weight() <= qb.weight();
        let (short, long) = if short_is_a { (qa, qb) } else { (qb, qa) };
        let Some(al) = align(&short.words, &long.words, config.quote_threshold) else {
            continue;
        };
        if al.score < config.quote_threshold || !distinctive(short, long, &al, &spread) {
            continue;
        }
        let (speaker_a, speaker_b) = (speaker_of(va), speaker_of(vb));
        if !same_speaker(speaker_a.as_deref(), speaker_b.as_deref())
            && al.score < config.attribution_threshold
        {
            continue;
        }
        let (short, long) = if short_is_a { (va, vb) } else { (vb, va) };
        links.push(Link {
            short,
            long,
            score: al.score,
            window: al.window,
        });
    }
    // A shorter quotation keeps only its best match in each other report.
    let mut best: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for l in &links {
        for m in members_of(l.long) {
            let e = best.entry((l.short, m)).or_insert(l.score);
            *e = e.max(l.score);
        }
    }
    links.retain(|l| {
        members_of(l.long)
            .into_iter()
            .any(|m| l.score >= best[&(l.short, m)] - 1e-9)
    });
    // Two quotations of one report rendering the same words of a longer
    // one are rivals, not pieces: only the better renders it ("we've got a
    // big challenge" beside "we've got a real challenge").
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.long, x.short).cmp(&(y.long, y.short)))
    });
    // (long variant, the short one's reports) → windows already rendered.
    type Rendered = BTreeMap<(usize, Vec<usize>), Vec<(usize, usize)>>;
    let mut kept: Rendered = BTreeMap::new();
    links.retain(|l| {
        let key = (l.long, members_of(l.short).into_iter().collect::<Vec<_>>());
        let windows = kept.entry(key).or_default();
        let overlaps = windows.iter().any(|&(s, e)| {
            let common = e.min(l.window.1).saturating_sub(s.max(l.window.0));
            2 * common > (l.window.1 - l.window.0).min(e - s)
        });
        if !overlaps {
            windows.push(l.window);
        }
        !overlaps
    });
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    for l in &links {
        union(&mut parent, l.short, l.long);
    }
    let mut scores: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
    for l in &links {
        let e = scores.entry(find(&mut parent, l.short)).or_default();
        e.0 += l.score;
        e.1 += 1;
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for v in 0..groups.len() {
        components.entry(find(&mut parent, v)).or_default().push(v);
    }
    for (root, vs) in components {
        let mut items: Vec<usize> = vs.iter().flat_map(|&v| groups[v].iter().copied()).collect();
        items.sort_unstable();
        let reports: BTreeSet<usize> = items.iter().map(|&i| quotes[i].member).collect();
        if reports.len() < 2 || !linkable[vs[0]] {
            for &i in &items {
                let q = &quotes[i];
                let e = quote_evidence(&members[q.member], q.quote);
                out.unique.push(Record {
                    speaker: q.quote.speaker.clone(),
                    ..super::record(Claim::Quote, RecordKind::Quote, vec![e], None)
                });
            }
            continue;
        }
        let (sum, n) = scores.get(&root).copied().unwrap_or((1.0, 1));
        let claim = ClaimQuotes {
            members,
            quotes: &quotes,
            items,
        };
        out.claims.push(claim.records(round(sum / n.max(1) as f64)));
    }
}

/// A link between two variants: `short` is the one with less weight.
struct Link {
    short: usize,
    long: usize,
    score: f64,
    /// Word range of `long` that `short` renders.
    window: (usize, usize),
}

/// Whether the words two quotations share are enough to call them one
/// utterance: two or more content words, or all of a short one's, and
/// not only words that most quotes of the event have.
fn distinctive(
    short: &QuoteRef<'_>,
    long: &QuoteRef<'_>,
    al: &Alignment,
    spread: &dyn Fn(&str) -> usize,
) -> bool {
    let window: BTreeSet<&str> = long.words[al.window.0..al.window.1]
        .iter()
        .map(|w| w.stem.as_str())
        .collect();
    let shared: BTreeSet<&str> = short
        .words
        .iter()
        .filter(|w| w.weight >= 1.0 && window.contains(w.stem.as_str()))
        .map(|w| w.stem.as_str())
        .collect();
    let content: BTreeSet<&str> = short
        .words
        .iter()
        .filter(|w| w.weight >= 1.0)
        .map(|w| w.stem.as_str())
        .collect();
    // A stem found in k variants counts 2 / k: each of two quotations
    // sharing it fully, less when it is everywhere.
    let weight: f64 = shared
        .iter()
        .map(|s| (2.0 / spread(s) as f64).min(1.0))
        .sum();
    let enough = shared.len() >= 2 || (shared.len() == content.len() && !content.is_empty());
    enough && weight >= 1.0
}

/// Least alignment score for one quotation to render (part of) another
/// closely enough that their differences are worth a reader's time.
const RENDERS: f64 = 0.6;

/// An omission this long (or of two content words) is a cut.
const CUT_WORDS: usize = 4;

/// `text` cut to `max` characters, with an ellipsis when cut.
fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

mod claim;
mod speakers;

use claim::ClaimQuotes;
use speakers::confident_speaker;
#[cfg(test)]
mod tests;
mod truncation;
