//! Aligning two quotes that may be fragments or translations of one
//! remark: the best window of the longer quote for the shorter one, scored
//! by weighted word overlap, and the word-level difference between them.
//!
//! Cost: O(m · w) for a short quote of n words against a long one of m
//! words, where w ≤ n is the number of window lengths tried.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::span::Span;
use crate::text::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};

/// A word of a quote, prepared for matching.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub stem: String,
    pub weight: f64,
    pub span: Span,
}

/// The words of `text[span]` with their matching weights: function words
/// count little, so "of the" never makes two quotes the same.
pub(crate) fn words(text: &str, span: Span) -> Vec<Word> {
    tokenize(text, span)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| {
            let norm = normalize(t.text(text));
            let weight = if is_stopword(&norm) { 0.2 } else { 1.0 };
            Word {
                stem: stem(&norm),
                weight,
                span: t.span,
            }
        })
        .collect()
}

/// The best window of `long` for `short`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Alignment {
    /// Weighted Dice overlap between `short` and the window, in [0, 1].
    pub score: f64,
    /// Matched weight of content (non-function) words.
    pub content_matched: f64,
    /// Word range of the window in `long`.
    pub window: (usize, usize),
    /// Share of `long`'s weight inside the window.
    pub coverage: f64,
}

/// Finds the window of `long` that best matches `short`; `None` when no
/// window can score `floor` or more (checked first, from the words the two
/// share, so most unrelated pairs cost one pass over each).
pub(crate) fn align(short: &[Word], long: &[Word], floor: f64) -> Option<Alignment> {
    if short.is_empty() || long.is_empty() {
        return None;
    }
    let short_weight: f64 = short.iter().map(|w| w.weight).sum();
    // Each distinct stem of `short` is a slot: how often it occurs and its
    // weight. Every word of `long` gets its slot once, so the windows below
    // index arrays instead of hashing strings.
    let mut slot_of: HashMap<&str, u32> = HashMap::default();
    let (mut wanted, mut weights): (Vec<usize>, Vec<f64>) = (Vec::new(), Vec::new());
    for w in short {
        let next = wanted.len() as u32;
        let slot = *slot_of.entry(w.stem.as_str()).or_insert(next) as usize;
        if slot == wanted.len() {
            wanted.push(0);
            weights.push(w.weight);
        }
        wanted[slot] += 1;
    }
    const NONE: u32 = u32::MAX;
    let slots: Vec<u32> = long
        .iter()
        .map(|w| slot_of.get(w.stem.as_str()).copied().unwrap_or(NONE))
        .collect();
    // Upper bound: every shared word matched in a window of just those.
    let mut seen = vec![0usize; wanted.len()];
    let mut reachable = 0.0;
    for &s in slots.iter().filter(|&&s| s != NONE) {
        let s = s as usize;
        seen[s] += 1;
        if seen[s] <= wanted[s] {
            reachable += weights[s];
        }
    }
    // (A word can weigh differently in the two quotes, "US" and "us": keep
    // a margin.)
    if floor > 0.0 && 2.0 * reachable / (short_weight + reachable) < 0.9 * floor {
        return None;
    }
    let long_weight: f64 = long.iter().map(|w| w.weight).sum();
    let n = short.len();
    let min_len = (n - n / 2).max(1).min(long.len());
    let max_len = (n + n / 2 + 2).min(long.len());
    let mut best: Option<Alignment> = None;
    let mut ties: Vec<Alignment> = Vec::new();
    let mut have = vec![0usize; wanted.len()];
    for len in min_len..=max_len {
        have.iter_mut().for_each(|h| *h = 0);
        let (mut matched, mut content, mut window_weight) = (0.0, 0.0, 0.0);
        for (i, w) in long.iter().enumerate() {
            // Add word i.
            window_weight += w.weight;
            if slots[i] != NONE {
                let s = slots[i] as usize;
                have[s] += 1;
                if have[s] <= wanted[s] {
                    matched += weights[s];
                    if weights[s] >= 1.0 {
                        content += weights[s];
                    }
                }
            }
            // Drop word i - len.
            if i >= len {
                let old = i - len;
                window_weight -= long[old].weight;
                if slots[old] != NONE {
                    let s = slots[old] as usize;
                    if have[s] <= wanted[s] {
                        matched -= weights[s];
                        if weights[s] >= 1.0 {
                            content -= weights[s];
                        }
                    }
                    have[s] -= 1;
                }
            }
            if i + 1 >= len {
                let score = 2.0 * matched / (short_weight + window_weight);
                let candidate = Alignment {
                    score,
                    content_matched: content,
                    window: (i + 1 - len, i + 1),
                    coverage: window_weight / long_weight,
                };
                match best {
                    Some(b) if candidate.score > b.score + 1e-9 => {
                        best = Some(candidate);
                        ties.clear();
                    }
                    Some(b) if candidate.score > b.score - 1e-9 => ties.push(candidate),
                    None => best = Some(candidate),
                    _ => {}
                }
            }
        }
    }
    // Equal overlap: the window that keeps the short quote's word order.
    if let Some(b) = best {
        let in_order = |a: &Alignment| lcs(short, &long[a.window.0..a.window.1]);
        let mut top = (in_order(&b), b);
        for t in ties {
            let k = in_order(&t);
            if k > top.0 {
                top = (k, t);
            }
        }
        best = Some(top.1);
    }
    // Trim unmatched words off the window's ends.
    best.map(|mut b| {
        let stems: HashSet<&str> = short.iter().map(|w| w.stem.as_str()).collect();
        let (mut s, mut e) = b.window;
        while s < e && !stems.contains(long[s].stem.as_str()) {
            s += 1;
        }
        while e > s && !stems.contains(long[e - 1].stem.as_str()) {
            e -= 1;
        }
        if s < e {
            // One unmatched word at the short quote's edge is likely a
            // substitution ("extremely" for "exclusively"): take the long
            // quote's word beside the window too.
            let window_stems: HashSet<&str> = long[s..e].iter().map(|w| w.stem.as_str()).collect();
            let lead = short
                .iter()
                .take_while(|w| !window_stems.contains(w.stem.as_str()))
                .count();
            let trail = short
                .iter()
                .rev()
                .take_while(|w| !window_stems.contains(w.stem.as_str()))
                .count();
            if lead < short.len() {
                s = s.saturating_sub(usize::from(lead == 1));
                e = (e + usize::from(trail == 1)).min(long.len());
            }
            b.window = (s, e);
            b.coverage = long[s..e].iter().map(|w| w.weight).sum::<f64>() / long_weight;
        }
        b
    })
}

/// Length of the longest common subsequence of stems.
fn lcs(a: &[Word], b: &[Word]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x.stem == y.stem {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<Word> {
        words(text, Span::new(0, text.len()))
    }

    #[test]
    fn fragments_find_their_window() {
        let long = "We are also working actively through the military departments, regularly exchange useful information, cooperate in the field of military-technical cooperation";
        let cases: &[(&str, f64, &str)] = &[
            ("useful information", 0.99, "useful information"),
            (
                "in the field of military-technical cooperation",
                0.99,
                "in the field of military-technical cooperation",
            ),
            (
                "exchanging information that is useful to us",
                0.4,
                "exchange useful information",
            ),
        ];
        let long_words = w(long);
        for (short, min_score, window) in cases {
            let a = align(&w(short), &long_words, 0.0).unwrap();
            assert!(a.score >= *min_score, "{short}: {a:?}");
            let span = Span::new(
                long_words[a.window.0].span.start,
                long_words[a.window.1 - 1].span.end,
            );
            assert_eq!(span.text(long), *window, "{short}");
            assert!(a.coverage < 0.5);
        }
    }

    #[test]
    fn translation_variants_score_between() {
        let a = align(
            &w("another crucial area"),
            &w("This is, undoubtedly, another important area that strengthens"),
            0.0,
        )
        .unwrap();
        assert!((0.6..0.9).contains(&a.score), "{a:?}");
        let unrelated = align(
            &w("unprecedentedly high level"),
            &w("We are working through the military departments"),
            0.0,
        )
        .unwrap();
        assert!(unrelated.score < 0.2, "{unrelated:?}");
        // With a floor, pairs that cannot reach it stop early.
        let (short, long) = (w("unprecedentedly high level"), w("a level of trust"));
        assert!(align(&short, &long, 0.6).is_none());
        assert!(align(&short, &long, 0.0).is_some());
        assert!(align(&w("level of trust"), &long, 0.6).is_some());
    }
}
