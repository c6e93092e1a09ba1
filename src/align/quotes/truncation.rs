//! Truncation: where a report's version of a remark is cut short against
//! the fullest quotation.

use super::claim::ClaimQuotes;
use super::*;

impl ClaimQuotes<'_, '_> {
    /// Versions that leave out what the fullest quotation has (or that
    /// the fullest leaves out): one record per distinct cut, holding the
    /// reports that make it and the fullest version.
    pub(super) fn truncations(
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
                    ..super::super::record(
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
    pub(super) fn cuts_of(&self, fullest: usize, items: &[usize], main: usize) -> Vec<Cut> {
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
    pub(super) fn omitted(&self, i: usize, covered: &[bool]) -> Vec<Span> {
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
}

/// A cut between a report's version and the fullest one.
#[derive(Debug, Clone)]
pub(super) struct Cut {
    /// The report leaves out words of the fullest version (else the
    /// fullest leaves out words the report quotes).
    pub(super) from_fullest: bool,
    /// What is left out, as the key that groups reports.
    pub(super) words: String,
    /// What is left out, as shown.
    pub(super) shown: String,
    /// The quotation the cut was found with.
    pub(super) quote: usize,
}
