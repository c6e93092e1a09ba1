//! How alike two statements are (placeholder until the tuned matcher lands).

use std::collections::BTreeSet;

use crate::span::Span;
use crate::text::tokens::{is_stopword, normalize, stem, tokenize};

/// How likely two statements make the same claim, in `[0, 1]`; symmetric.
///
/// ```
/// let s = corroborate::similarity("China refused to criticize Russia.", "China refuses to criticize Russia.");
/// assert!(s > 0.8);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    let set = |t: &str| -> BTreeSet<String> {
        tokenize(t, Span::new(0, t.len()))
            .into_iter()
            .filter(|tok| !tok.is_word() || !is_stopword(&normalize(tok.text(t))))
            .filter(|tok| tok.kind != crate::text::tokens::TokenKind::Punct)
            .map(|tok| stem(&normalize(tok.text(t))))
            .collect()
    };
    let (x, y) = (set(a), set(b));
    if x.is_empty() && y.is_empty() {
        return if a.trim() == b.trim() { 1.0 } else { 0.0 };
    }
    let common = x.intersection(&y).count() as f64;
    2.0 * common / (x.len() + y.len()) as f64
}
