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
    canonical_speaker, evidence, find, round, same_speaker, union, variants, AlignConfig, Aligned,
    Claimed, Member,
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
                let e = evidence(&members[q.member], q.quote.span, q.quote.speaker.as_deref());
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

/// One claim's quotations, and how its versions compare.
struct ClaimQuotes<'a, 'q> {
    members: &'a [Member<'a>],
    quotes: &'q [QuoteRef<'q>],
    items: Vec<usize>,
}

impl ClaimQuotes<'_, '_> {
    fn text(&self, i: usize) -> &str {
        &self.members[self.quotes[i].member].report.text
    }

    fn evidence(&self, i: usize) -> Evidence {
        let q = &self.quotes[i];
        evidence(
            &self.members[q.member],
            q.quote.span,
            q.quote.speaker.as_deref(),
        )
    }

    fn evidence_of(&self, items: impl IntoIterator<Item = usize>) -> Vec<Evidence> {
        let mut set: Vec<usize> = items.into_iter().collect();
        set.sort_unstable();
        set.dedup();
        set.into_iter().map(|i| self.evidence(i)).collect()
    }

    fn forms(&self, i: usize) -> Vec<Form> {
        wording::forms(self.text(i), self.quotes[i].quote.span)
    }

    /// Each report's quotations of the claim, reports in order.
    fn by_report(&self) -> BTreeMap<usize, Vec<usize>> {
        let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &self.items {
            out.entry(self.quotes[i].member).or_default().push(i);
        }
        out
    }

    /// A quotation's stems, in order: its words as matched.
    fn stems(&self, i: usize) -> Vec<&str> {
        self.quotes[i]
            .words
            .iter()
            .map(|w| w.stem.as_str())
            .collect()
    }

    /// `items` without repeats of the same words (a report quoting one
    /// remark a thousand times compares it once).
    fn distinct(&self, items: &[usize]) -> Vec<usize> {
        let mut seen: BTreeSet<Vec<&str>> = BTreeSet::new();
        items
            .iter()
            .copied()
            .filter(|&i| seen.insert(self.stems(i)))
            .collect()
    }

    /// The quotation with the most weight among `items`; ties to the
    /// first.
    fn fullest(&self, items: impl IntoIterator<Item = usize>) -> Option<usize> {
        items.into_iter().max_by(|&x, &y| {
            self.quotes[x]
                .weight()
                .total_cmp(&self.quotes[y].weight())
                .then(y.cmp(&x))
        })
    }

    /// A report's fullest whole quotation among `items`: a truncation is of
    /// a remark quoted whole, not of words woven into narrative.
    fn full_quote(&self, items: &[usize]) -> Option<usize> {
        self.fullest(
            items
                .iter()
                .copied()
                .filter(|&i| self.quotes[i].quote.kind == QuoteKind::Full),
        )
    }

    fn records(&self, score: f64) -> Claimed {
        let by_report = self.by_report();
        // Each report's main quotation of the claim: its fullest.
        let main: BTreeMap<usize, usize> = by_report
            .iter()
            .filter_map(|(&m, items)| self.fullest(items.iter().copied()).map(|i| (m, i)))
            .collect();
        let groups = self.speaker_groups(&by_report);
        // The speaker most reports name with confidence, else the name the
        // quotations agree on best.
        let speaker = groups.first().map(|(name, _)| name.clone()).or_else(|| {
            canonical_speaker(
                self.items
                    .iter()
                    .filter_map(|&i| self.quotes[i].quote.speaker.as_deref()),
            )
        });
        let record = Record {
            speaker: speaker.clone(),
            ..super::record(
                Claim::Quote,
                RecordKind::Quote,
                self.evidence_of(self.items.iter().copied()),
                Some(score),
            )
        };
        let mut differences = Vec::new();
        differences.extend(self.wording(&by_report, &main, score, speaker.as_deref()));
        differences.extend(self.truncations(&by_report, &main, score, speaker.as_deref()));
        differences.extend(self.attribution(&groups, score));
        Claimed {
            record,
            differences,
        }
    }

    /// Wording variants against the most common version: one record per
    /// variant, holding the reference report's quotation it renders (and
    /// the same words in the other reports that quote the common version)
    /// and the variant's quotation.
    fn wording(
        &self,
        by_report: &BTreeMap<usize, Vec<usize>>,
        main: &BTreeMap<usize, usize>,
        score: f64,
        speaker: Option<&str>,
    ) -> Vec<Record> {
        let stems = |i: usize| self.stems(i);
        // Reports by their main version's folded words.
        let mut by_key: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
        for (&m, &i) in main {
            let key = self.forms(i).into_iter().map(|f| f.key).collect();
            by_key.entry(key).or_default().push(m);
        }
        let quoted =
            |m: usize| -> f64 { by_report[&m].iter().map(|&i| self.quotes[i].weight()).sum() };
        // The most common version; ties to the report that quotes most,
        // then the first.
        let Some(common) = by_key
            .values()
            .max_by(|x, y| {
                x.len()
                    .cmp(&y.len())
                    .then(quoted(x[0]).total_cmp(&quoted(y[0])))
                    .then(y[0].cmp(&x[0]))
            })
            .cloned()
        else {
            return Vec::new();
        };
        let reference = common[0];
        // variant words → (the quotations that show it, the diff)
        let mut variants: BTreeMap<Vec<&str>, (Vec<usize>, WordDiff)> = BTreeMap::new();
        let mut seen: BTreeMap<Vec<Vec<&str>>, Vec<Rewording>> = BTreeMap::new();
        for (&m, items) in by_report {
            if common.contains(&m) {
                continue;
            }
            let key: Vec<Vec<&str>> = items.iter().map(|&i| stems(i)).collect();
            let found = seen
                .entry(key)
                .or_insert_with(|| {
                    self.reworded(
                        &self.distinct(&by_report[&reference]),
                        &self.distinct(items),
                    )
                })
                .clone();
            for (r, q, diff) in found {
                // This report's quotation with the cached one's words.
                let Some(own) = items.iter().copied().find(|&i| stems(i) == stems(q)) else {
                    continue;
                };
                let entry = variants.entry(stems(q)).or_insert_with(|| {
                    // The reference's words, as every common report quotes them.
                    let mut shown = vec![r];
                    for &c in &common[1..] {
                        shown.extend(
                            by_report[&c]
                                .iter()
                                .copied()
                                .find(|&i| stems(i) == stems(r)),
                        );
                    }
                    (shown, diff)
                });
                entry.0.push(own);
            }
        }
        let mut ordered: Vec<(Vec<usize>, WordDiff)> = variants.into_values().collect();
        ordered.sort_by(|x, y| y.0.len().cmp(&x.0.len()).then(x.0.cmp(&y.0)));
        ordered
            .into_iter()
            .take(MAX_VARIANTS)
            .map(|(items, diff)| Record {
                speaker: speaker.map(str::to_string),
                diff: Some(diff),
                note: (common.len() > 1).then(|| {
                    format!(
                        "{} of {} reports quote the most common version",
                        common.len(),
                        main.len()
                    )
                }),
                ..super::record(
                    Claim::Quote,
                    RecordKind::Difference(Difference::Wording),
                    self.evidence_of(items),
                    Some(score),
                )
            })
            .collect()
    }

    /// Each of `items` that renders one of `reference`'s quotations in
    /// other words: (that quotation, the item, the diff from it).
    fn reworded(&self, reference: &[usize], items: &[usize]) -> Vec<Rewording> {
        let mut out = Vec::new();
        for &q in items {
            let best = reference
                .iter()
                .filter_map(|&r| {
                    let (short, long) = if self.quotes[q].weight() <= self.quotes[r].weight() {
                        (q, r)
                    } else {
                        (r, q)
                    };
                    align(&self.quotes[short].words, &self.quotes[long].words, 0.0)
                        .map(|al| (al.score, r))
                })
                .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
            let Some((_, r)) = best else {
                continue;
            };
            if let Some(cmp) = self.compare(r, q) {
                if cmp.comparison.reworded && cmp.score >= RENDERS {
                    let (from, to) = (&self.quotes[r].quote, &self.quotes[q].quote);
                    let diff = wording::word_diff(
                        &cmp.comparison.ops,
                        self.text(r),
                        from.span,
                        self.text(q),
                        to.span,
                    );
                    out.push((r, q, diff));
                }
            }
        }
        out
    }

    /// Versions that leave out what the fullest quotation has (or that
    /// the fullest leaves out): one record per distinct cut, holding the
    /// reports that make it and the fullest version.
    fn truncations(
        &self,
        by_report: &BTreeMap<usize, Vec<usize>>,
        main: &BTreeMap<usize, usize>,
        score: f64,
        speaker: Option<&str>,
    ) -> Vec<Record> {
        let Some(fullest) = self.fullest(main.values().copied()) else {
            return Vec::new();
        };
        let fullest_member = self.quotes[fullest].member;
        let stems = |i: usize| self.stems(i);
        let fullest_stems = stems(fullest);
        // (what is cut, which way) → the reports' quotations that show it.
        let mut cuts: BTreeMap<(bool, String), (Vec<usize>, String)> = BTreeMap::new();
        // Reports quoting alike are compared once.
        let mut seen: BTreeMap<Vec<Vec<&str>>, Vec<Cut>> = BTreeMap::new();
        for (&m, items) in by_report {
            if m == fullest_member || items.iter().any(|&i| stems(i) == fullest_stems) {
                continue;
            }
            let key: Vec<Vec<&str>> = items.iter().map(|&i| stems(i)).collect();
            let found = seen
                .entry(key)
                .or_insert_with(|| self.cuts_of(fullest, &self.distinct(items), main[&m]))
                .clone();
            for cut in found {
                let entry = cuts
                    .entry((cut.from_fullest, cut.words.clone()))
                    .or_insert_with(|| (Vec::new(), cut.shown));
                // The report's own quotation: the cached cut may name
                // another report's words.
                let own = if cut.from_fullest {
                    self.full_quote(items)
                } else {
                    items
                        .iter()
                        .copied()
                        .find(|&i| stems(i) == stems(cut.quote))
                };
                entry.0.extend(own);
            }
        }
        let mut ordered: Vec<_> = cuts.into_iter().collect();
        ordered.sort_by(|x, y| y.1 .0.len().cmp(&x.1 .0.len()).then(x.1 .0.cmp(&y.1 .0)));
        ordered
            .into_iter()
            .take(MAX_VARIANTS)
            .map(|((from_fullest, _), (items, shown))| {
                let note = if from_fullest {
                    format!(
                        "left out of the shorter version: “{}”",
                        ellipsize(&shown, 120)
                    )
                } else {
                    format!(
                        "left out of the fuller version: “{}”",
                        ellipsize(&shown, 120)
                    )
                };
                Record {
                    speaker: speaker.map(str::to_string),
                    note: Some(note),
                    ..super::record(
                        Claim::Quote,
                        RecordKind::Difference(Difference::Truncation),
                        self.evidence_of(items.into_iter().chain([fullest])),
                        Some(score),
                    )
                }
            })
            .collect()
    }

    /// What one report's quotations `items` (its main one `main`) cut from
    /// the fullest quotation, and what they quote that it cuts.
    fn cuts_of(&self, fullest: usize, items: &[usize], main: usize) -> Vec<Cut> {
        let fullest_words = &self.quotes[fullest].words;
        let mut covered = vec![false; fullest_words.len()];
        let mut beyond: Option<(usize, Span)> = None;
        let mut rendered = false;
        for &i in items {
            let Some(cmp) = self.compare(fullest, i) else {
                continue;
            };
            // Only a quotation that renders the fullest one says what of it
            // the report quotes.
            if cmp.score < RENDERS {
                continue;
            }
            rendered |= self.quotes[i].quote.kind == QuoteKind::Full;
            for c in covered[cmp.window.0..cmp.window.1].iter_mut() {
                *c = true;
            }
            for cut in &cmp.comparison.cut_from_second {
                for (k, w) in fullest_words.iter().enumerate() {
                    if cut.contains(w.span) {
                        covered[k] = false;
                    }
                }
            }
            // Words this report quotes that the fullest leaves out.
            if self.quotes[fullest].quote.kind == QuoteKind::Full
                && self.quotes[i].quote.kind == QuoteKind::Full
            {
                if let Some(span) = cmp
                    .beyond_other
                    .iter()
                    .chain(&cmp.comparison.cut_from_first)
                    .next()
                {
                    beyond.get_or_insert((i, *span));
                }
            }
        }
        let mut out = Vec::new();
        if !rendered {
            return out;
        }
        // A version that opens in lower case shows it starts inside a
        // sentence: what comes before it is no hidden cut.
        let mid_sentence = self.text(main)[self.quotes[main].quote.span.start..]
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase);
        let first_cut = self
            .omitted(fullest, &covered)
            .into_iter()
            .find(|c| !(mid_sentence && c.start == fullest_words[0].span.start));
        if let (Some(cut), true) = (first_cut, self.full_quote(items).is_some()) {
            let shown = cut.text(self.text(fullest)).to_string();
            out.push(Cut {
                from_fullest: true,
                words: shown.clone(),
                shown,
                quote: main,
            });
        }
        if let Some((i, span)) = beyond {
            let shown = span.text(self.text(i)).to_string();
            out.push(Cut {
                from_fullest: false,
                words: shown.clone(),
                shown,
                quote: i,
            });
        }
        out
    }

    /// Runs of the quotation's words not covered that make a cut: a clause
    /// or more ([`wording`]'s rule), as spans.
    fn omitted(&self, i: usize, covered: &[bool]) -> Vec<Span> {
        let words = &self.quotes[i].words;
        let text = self.text(i);
        // Whether a sentence ends between word k and the next.
        let ends_sentence = |k: usize| {
            let next = words
                .get(k + 1)
                .map_or(self.quotes[i].quote.span.end, |w| w.span.start);
            text.get(words[k].span.end..next)
                .is_some_and(|gap| gap.contains(['.', '!', '?', '…']))
        };
        let mut out = Vec::new();
        let mut k = 0;
        while k < words.len() {
            if covered[k] {
                k += 1;
                continue;
            }
            let start = k;
            while k < words.len() && !covered[k] {
                k += 1;
            }
            let run = &words[start..k];
            let content = run.iter().filter(|w| w.weight >= 1.0).count();
            if run.len() < CUT_WORDS && content < 2 {
                continue;
            }
            // Whole sentences left off either end are a quotation of part
            // of a statement, which the reader can see; a sentence cut
            // short, or words cut from inside, the reader cannot.
            let leading = start == 0;
            let trailing = k == words.len();
            let whole_sentences = match (leading, trailing) {
                (true, true) => true,
                (true, false) => ends_sentence(k - 1),
                (false, true) => ends_sentence(start - 1),
                (false, false) => false,
            };
            if !whole_sentences {
                out.push(Span::new(run[0].span.start, run[run.len() - 1].span.end));
            }
        }
        out
    }

    /// Reports grouped by the confident speaker they give, the largest
    /// group first.
    fn speaker_groups(&self, by_report: &BTreeMap<usize, Vec<usize>>) -> Vec<SpeakerGroup> {
        // Per group: every name given (for the canonical one), the
        // distinct names (for compatibility), the reports.
        type Group<'n> = (Vec<&'n str>, BTreeSet<&'n str>, BTreeMap<usize, Vec<usize>>);
        let mut groups: Vec<Group<'_>> = Vec::new();
        for (&m, items) in by_report {
            let sure: Vec<usize> = items
                .iter()
                .copied()
                .filter(|&i| self.quotes[i].confident)
                .collect();
            let names: Vec<&str> = sure
                .iter()
                .filter_map(|&i| self.quotes[i].quote.speaker.as_deref())
                .collect();
            let Some(name) = canonical_speaker(names.iter().copied()) else {
                continue;
            };
            match groups.iter_mut().find(|(_, distinct, _)| {
                distinct.iter().all(|n| same_speaker(Some(n), Some(&name)))
            }) {
                Some((all, distinct, reports)) => {
                    distinct.extend(names.iter().copied());
                    all.extend(names);
                    reports.insert(m, sure);
                }
                None => groups.push((
                    names.clone(),
                    names.into_iter().collect(),
                    BTreeMap::from([(m, sure)]),
                )),
            }
        }
        let mut out: Vec<SpeakerGroup> = groups
            .into_iter()
            .filter_map(|(names, _, reports)| {
                canonical_speaker(names.into_iter()).map(|n| (n, reports))
            })
            .collect();
        out.sort_by(|x, y| y.1.len().cmp(&x.1.len()).then(x.1.keys().cmp(y.1.keys())));
        out
    }

    /// Reports that give the remark to someone else than most reports do,
    /// both named beyond doubt.
    fn attribution(&self, groups: &[SpeakerGroup], score: f64) -> Vec<Record> {
        let Some((main_name, main_reports)) = groups.first() else {
            return Vec::new();
        };
        groups[1..]
            .iter()
            .filter(|(name, _)| surname(name) != surname(main_name))
            .take(MAX_VARIANTS)
            .map(|(name, reports)| {
                let items = main_reports
                    .values()
                    .chain(reports.values())
                    .filter_map(|sure| sure.first().copied());
                Record {
                    note: Some(format!("{main_name} vs {name}")),
                    ..super::record(
                        Claim::Quote,
                        RecordKind::Difference(Difference::Attribution),
                        self.evidence_of(items),
                        Some(score),
                    )
                }
            })
            .collect()
    }

    /// Compares quotation `other` with `reference`: the window of the
    /// longer one that the shorter renders, and the words compared there.
    fn compare(&self, reference: usize, other: usize) -> Option<Compared> {
        let (r, o) = (&self.quotes[reference], &self.quotes[other]);
        let other_is_short = o.weight() <= r.weight();
        let (short, long) = if other_is_short { (o, r) } else { (r, o) };
        let same = short.words.len() == long.words.len()
            && short
                .words
                .iter()
                .zip(&long.words)
                .all(|(x, y)| x.stem == y.stem);
        let al = if same && !long.words.is_empty() {
            // The same words: no window to search (a whole article in
            // quote marks costs one pass).
            Alignment {
                score: 1.0,
                content_matched: 0.0,
                window: (0, long.words.len()),
                coverage: 1.0,
            }
        } else {
            align(&short.words, &long.words, 0.0)?
        };
        let window = Span::new(
            long.words[al.window.0].span.start,
            long.words[al.window.1 - 1].span.end,
        );
        let long_text = &self.members[long.member].report.text;
        let short_text = &self.members[short.member].report.text;
        let long_forms = wording::forms(long_text, window);
        let short_forms = wording::forms(short_text, short.quote.span);
        let (ref_forms, other_forms) = if other_is_short {
            (&long_forms, &short_forms)
        } else {
            (&short_forms, &long_forms)
        };
        let woven = r.quote.kind == QuoteKind::Partial || o.quote.kind == QuoteKind::Partial;
        let comparison = wording::compare(ref_forms, other_forms, woven);
        // The reference's words that `other` covers, and `other`'s words
        // beyond the reference at the ends.
        let (window_words, beyond_other) = if other_is_short {
            (al.window, Vec::new())
        } else {
            let mut beyond = Vec::new();
            let before = &long.words[..al.window.0];
            let after = &long.words[al.window.1..];
            for run in [before, after] {
                let content = run.iter().filter(|w| w.weight >= 1.0).count();
                if run.len() >= CUT_WORDS || content >= 2 {
                    beyond.push(Span::new(run[0].span.start, run[run.len() - 1].span.end));
                }
            }
            ((0, r.words.len()), beyond)
        };
        Some(Compared {
            score: al.score,
            window: window_words,
            comparison,
            beyond_other,
        })
    }
}

/// A name's last word, folded: two speakers of one remark with the same
/// surname ("Richard J. Durbin", "Dick Durbin") are one person to a
/// reader, whatever the first names.
fn surname(name: &str) -> String {
    name.split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .find(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
        .unwrap_or_default()
}

/// A speaker's name and the reports naming them with confidence, each
/// with those quotations.
type SpeakerGroup = (String, BTreeMap<usize, Vec<usize>>);

/// A reference quotation, the item that renders it in other words, and
/// the diff between them.
type Rewording = (usize, usize, WordDiff);

/// A cut between a report's version and the fullest one.
#[derive(Debug, Clone)]
struct Cut {
    /// The report leaves out words of the fullest version (else the
    /// fullest leaves out words the report quotes).
    from_fullest: bool,
    /// What is left out, as the key that groups reports.
    words: String,
    /// What is left out, as shown.
    shown: String,
    /// The quotation the cut was found with.
    quote: usize,
}

/// The outcome of comparing a version with a reference.
struct Compared {
    /// How well the shorter renders its window of the longer.
    score: f64,
    /// Word range of the reference that the other version renders.
    window: (usize, usize),
    comparison: wording::Comparison,
    /// Stretches of the other version beyond the reference's ends.
    beyond_other: Vec<Span>,
}

/// Least alignment score for one quotation to render (part of) another
/// closely enough that their differences are worth a reader's time.
const RENDERS: f64 = 0.6;

/// An omission this long (or of two content words) is a cut.
const CUT_WORDS: usize = 4;

fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// Words before a surname that are titles, not first names.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "pres",
    "vice",
    "secretary",
    "gen",
    "general",
    "judge",
    "justice",
    "chief",
    "speaker",
    "leader",
    "mayor",
    "prime",
    "minister",
    "prince",
    "princess",
    "king",
    "queen",
    "lord",
    "sir",
    "dame",
    "lady",
    "rev",
    "reverend",
    "father",
    "pope",
    "st",
    "saint",
    "officer",
    "detective",
    "sgt",
    "sergeant",
    "capt",
    "captain",
    "lt",
    "col",
    "colonel",
    "adm",
    "admiral",
    "prof",
    "professor",
    "attorney",
    "coach",
    "chairman",
    "chairwoman",
    "commissioner",
    "director",
    "ambassador",
    "congressman",
    "congresswoman",
    "candidate",
    "nominee",
    "former",
    "the",
    "and",
    "but",
    "when",
    "after",
    "before",
    "while",
    "as",
    "if",
    "that",
    "then",
    "said",
    "says",
    "by",
    "of",
    "for",
    "with",
    "to",
    "in",
    "on",
    "at",
    "from",
    "mister",
    "madam",
    "first",
    "sheriff",
    "chancellor",
    "premier",
    "emperor",
    "sultan",
    "sheikh",
    "cardinal",
    "bishop",
    "rabbi",
    "imam",
];

/// Whether a quote's speaker is named beyond doubt: a full name (two words
/// or more), given by a mention that names the speaker (not a pronoun, a
/// role or the quote's own paragraph), and, for a bare surname, one that
/// no other person of the report carries.
pub(super) fn confident_speaker(
    text: &str,
    quote: &Quote,
    ambiguous: &mut BTreeMap<String, bool>,
) -> bool {
    let (Some(name), Some(mention)) = (&quote.speaker, quote.speaker_span) else {
        return false;
    };
    if mention.overlaps(quote.span) || mention.end > text.len() {
        return false;
    }
    let lower = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let name_words = lower(name);
    // A name, not a description ("the president himself", "an aide").
    let proper = name
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    if name_words.len() < 2 || !proper {
        return false;
    }
    let mention_words = lower(mention.text(text));
    let shared: Vec<&String> = mention_words
        .iter()
        .filter(|w| name_words.contains(w) && !is_stopword(w))
        .collect();
    if shared.is_empty() {
        return false;
    }
    if name_words.iter().all(|w| mention_words.contains(w)) {
        return true;
    }
    // A bare surname: another first name before it anywhere in the report
    // ("his son Eric Trump") makes it ambiguous.
    let Some(surname) = name.split_whitespace().last() else {
        return false;
    };
    !*ambiguous
        .entry(name.clone())
        .or_insert_with(|| someone_else_named(text, surname, &name_words))
}

fn someone_else_named(text: &str, surname: &str, name_words: &[String]) -> bool {
    text.match_indices(surname).any(|(at, _)| {
        let before = text[..at].trim_end_matches([' ', '\u{a0}']);
        if before.len() == text[..at].len() {
            return false;
        }
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic() || *c == '.' || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let word = word.trim_matches('.');
        let lower = word.to_lowercase();
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 2
            && !name_words.contains(&lower)
            && !TITLES.contains(&lower.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Report};

    fn quote(text: &str, quoted: &str, speaker: &str, mention: &str) -> Quote {
        let start = text.find(quoted).unwrap();
        let m = text.rfind(mention).unwrap();
        Quote {
            span: Span::new(start, start + quoted.len()),
            text: quoted.to_string(),
            speaker: Some(speaker.to_string()),
            speaker_span: Some(Span::new(m, m + mention.len())),
            kind: QuoteKind::Full,
            sentence: 0,
        }
    }

    #[test]
    fn confidence_needs_a_name_tied_to_one_person() {
        let text = "Donald Trump spoke. “We won,” Trump said.";
        assert!(confident_speaker(
            text,
            &quote(text, "We won,", "Donald Trump", "Trump said"),
            &mut BTreeMap::new()
        ));
        let text = "Donald Trump spoke, and his son Eric Trump too. “We won,” Trump said.";
        assert!(!confident_speaker(
            text,
            &quote(text, "We won,", "Eric Trump", "Trump said"),
            &mut BTreeMap::new()
        ));
        let text = "Donald Trump spoke. “We won,” he said.";
        assert!(!confident_speaker(
            text,
            &quote(text, "We won,", "Donald Trump", "he said"),
            &mut BTreeMap::new()
        ));
        let text = "Trump spoke. “We won,” Trump said.";
        assert!(!confident_speaker(
            text,
            &quote(text, "We won,", "Trump", "Trump said"),
            &mut BTreeMap::new()
        ));
        let text = "“We won,” said Senator Jane Doe.";
        assert!(confident_speaker(
            text,
            &quote(text, "We won,", "Jane Doe", "Jane Doe"),
            &mut BTreeMap::new()
        ));
    }

    /// A plain first paragraph, so that what follows is read as body text.
    const LEAD: &str = "Mayor Jane Doe opened the new Harbour Bridge in Springfield on Monday, after a decade of delays.\n\n";

    fn claims(reports: &[Report]) -> crate::Event {
        let c = compare(reports);
        assert_eq!(c.events.len(), 1, "{c:#?}");
        c.events.into_iter().next().unwrap()
    }

    #[test]
    fn a_remark_quoted_by_five_outlets_is_one_claim() {
        let versions = [
            "“This bridge unites our city and its people at last,” Doe said.",
            "“This bridge unites our city and its people at last,” Doe said.",
            "“This bridge unites our city and its people at last,” Doe said.",
            "“This bridge unites our town and its people at last,” Doe said.",
            "Doe said the bridge “unites our city”.",
        ];
        let reports: Vec<Report> = versions
            .iter()
            .enumerate()
            .map(|(k, v)| Report::new(format!("r{k}"), format!("{LEAD}{v}")))
            .collect();
        let event = claims(&reports);
        let quotes: Vec<&Record> = event
            .agreements
            .iter()
            .filter(|r| r.claim == Claim::Quote)
            .collect();
        assert_eq!(quotes.len(), 1, "{quotes:#?}");
        assert_eq!(quotes[0].evidence.len(), 5);
        let of_it: Vec<&Record> = event
            .discrepancies
            .iter()
            .filter(|d| d.of.as_deref() == Some(quotes[0].id.as_str()))
            .collect();
        // One wording variant ("town"); the fragment is not a truncation.
        assert_eq!(of_it.len(), 1, "{of_it:#?}");
        assert_eq!(of_it[0].kind, RecordKind::Difference(Difference::Wording));
        assert_eq!(of_it[0].reports(), ["r0", "r1", "r2", "r3"]);
        assert!(of_it[0]
            .diff
            .as_ref()
            .unwrap()
            .to_string()
            .contains("[-city-]{+town+}"));
    }

    #[test]
    fn a_clause_left_out_is_one_truncation() {
        let reports = [
            Report::new("a", format!("{LEAD}“This bridge unites our city and will carry forty thousand cars every day,” Doe said.")),
            Report::new("b", format!("{LEAD}“This bridge unites our city,” Doe said.")),
        ];
        let event = claims(&reports);
        let kinds: Vec<RecordKind> = event.discrepancies.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [RecordKind::Difference(Difference::Truncation)],
            "{:#?}",
            event.discrepancies
        );
        assert!(event.discrepancies[0]
            .note
            .as_deref()
            .unwrap()
            .contains("forty thousand cars"));
    }

    #[test]
    fn a_whole_sentence_left_off_the_end_is_no_truncation() {
        let reports = [
            Report::new("a", format!("{LEAD}“This bridge unites our city. It cost less than the old ferry did in ten years,” Doe said.")),
            Report::new("b", format!("{LEAD}“This bridge unites our city,” Doe said.")),
        ];
        let event = claims(&reports);
        assert!(event.discrepancies.is_empty(), "{:#?}", event.discrepancies);
        assert_eq!(
            event
                .agreements
                .iter()
                .filter(|r| r.claim == Claim::Quote)
                .count(),
            1
        );
    }
}
