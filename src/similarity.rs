//! How alike two statements are (placeholder until the tuned matcher lands).

use std::collections::BTreeSet;

use crate::span::Span;
use crate::text::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};

/// How likely two statements make the same claim, in `[0, 1]`; symmetric.
///
/// ```
/// let s = corroborate::similarity("China refused to criticize Russia.", "China refuses to criticize Russia.");
/// assert!(s > 0.8);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    Matcher::new().similarity(a, b)
}

/// Scores statement pairs; holds the weights.
#[derive(Debug, Clone, Default)]
pub struct Matcher {}

/// A statement analysed once for many comparisons.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    stems: BTreeSet<String>,
    raw: String,
}

impl Matcher {
    /// A matcher with built-in weights.
    pub fn new() -> Matcher {
        Matcher {}
    }

    /// A matcher whose rarity weights come from `texts`.
    pub fn from_corpus<'a>(texts: impl IntoIterator<Item = &'a str>) -> Matcher {
        texts.into_iter().for_each(drop);
        Matcher {}
    }

    /// How likely `a` and `b` make the same claim, in `[0, 1]`.
    pub fn similarity(&self, a: &str, b: &str) -> f64 {
        self.score(
            &self.prepare(a, Span::new(0, a.len())),
            &self.prepare(b, Span::new(0, b.len())),
        )
    }

    pub(crate) fn prepare(&self, text: &str, span: Span) -> Prepared {
        let stems = tokenize(text, span)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| normalize(t.text(text)))
            .filter(|w| !is_stopword(w))
            .map(|w| stem(&w))
            .collect();
        Prepared {
            stems,
            raw: span.text(text).trim().to_string(),
        }
    }

    pub(crate) fn score(&self, a: &Prepared, b: &Prepared) -> f64 {
        if a.stems.is_empty() && b.stems.is_empty() {
            return if a.raw == b.raw { 1.0 } else { 0.0 };
        }
        let common = a.stems.intersection(&b.stems).count() as f64;
        2.0 * common / (a.stems.len() + b.stems.len()) as f64
    }
}
