//! One claim's quotations: its records, and its wording and attribution
//! differences.

use super::speakers::surname;
use super::*;

/// One claim's quotations, and how its versions compare.
pub(super) struct ClaimQuotes<'a, 'q> {
    pub(super) members: &'a [Member<'a>],
    pub(super) quotes: &'q [QuoteRef<'q>],
    pub(super) items: Vec<usize>,
}

impl ClaimQuotes<'_, '_> {
    pub(super) fn text(&self, i: usize) -> &str {
        &self.members[self.quotes[i].member].report.text
    }

    pub(super) fn evidence(&self, i: usize) -> Evidence {
        let q = &self.quotes[i];
        quote_evidence(&self.members[q.member], q.quote)
    }

    pub(super) fn evidence_of(&self, items: impl IntoIterator<Item = usize>) -> Vec<Evidence> {
        let mut set: Vec<usize> = items.into_iter().collect();
        set.sort_unstable();
        set.dedup();
        set.into_iter().map(|i| self.evidence(i)).collect()
    }

    pub(super) fn forms(&self, i: usize) -> Vec<Form> {
        wording::forms(self.text(i), self.quotes[i].quote.span)
    }

    /// Each report's quotations of the claim, reports in order.
    pub(super) fn by_report(&self) -> BTreeMap<usize, Vec<usize>> {
        let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &self.items {
            out.entry(self.quotes[i].member).or_default().push(i);
        }
        out
    }

    /// A quotation's stems, in order: its words as matched.
    pub(super) fn stems(&self, i: usize) -> Vec<&str> {
        self.quotes[i]
            .words
            .iter()
            .map(|w| w.stem.as_str())
            .collect()
    }

    /// `items` without repeats of the same words (a report quoting one
    /// remark a thousand times compares it once).
    pub(super) fn distinct(&self, items: &[usize]) -> Vec<usize> {
        let mut seen: BTreeSet<Vec<&str>> = BTreeSet::new();
        items
            .iter()
            .copied()
            .filter(|&i| seen.insert(self.stems(i)))
            .collect()
    }

    /// The quotation with the most weight among `items`; ties to the
    /// first.
    pub(super) fn fullest(&self, items: impl IntoIterator<Item = usize>) -> Option<usize> {
        items.into_iter().max_by(|&x, &y| {
            self.quotes[x]
                .weight()
                .total_cmp(&self.quotes[y].weight())
                .then(y.cmp(&x))
        })
    }

    /// A report's fullest whole quotation among `items`: a truncation is of
    /// a remark quoted whole, not of words woven into narrative.
    pub(super) fn full_quote(&self, items: &[usize]) -> Option<usize> {
        self.fullest(
            items
                .iter()
                .copied()
                .filter(|&i| self.quotes[i].quote.kind == QuoteKind::Full),
        )
    }

    pub(super) fn records(&self, score: f64) -> Claimed {
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
            ..super::super::record(
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
    pub(super) fn wording(
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
                ..super::super::record(
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
    pub(super) fn reworded(&self, reference: &[usize], items: &[usize]) -> Vec<Rewording> {
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

    /// Reports grouped by the confident speaker they give, the largest
    /// group first.
    pub(super) fn speaker_groups(
        &self,
        by_report: &BTreeMap<usize, Vec<usize>>,
    ) -> Vec<SpeakerGroup> {
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
    pub(super) fn attribution(&self, groups: &[SpeakerGroup], score: f64) -> Vec<Record> {
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
                    ..super::super::record(
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
    pub(super) fn compare(&self, reference: usize, other: usize) -> Option<Compared> {
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

/// A speaker's name and the reports naming them with confidence, each
/// with those quotations.
pub(super) type SpeakerGroup = (String, BTreeMap<usize, Vec<usize>>);

/// A reference quotation, the item that renders it in other words, and
/// the diff between them.
pub(super) type Rewording = (usize, usize, WordDiff);

/// The outcome of comparing a version with a reference.
pub(super) struct Compared {
    /// How well the shorter renders its window of the longer.
    pub(super) score: f64,
    /// Word range of the reference that the other version renders.
    pub(super) window: (usize, usize),
    pub(super) comparison: wording::Comparison,
    /// Stretches of the other version beyond the reference's ends.
    pub(super) beyond_other: Vec<Span>,
}
