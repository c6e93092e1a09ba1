//! Word tokens with byte spans, and the normalised forms used for matching.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (possibly with digits, apostrophes inside).
    Word,
    /// Starts with a digit.
    Number,
    /// Anything else that is not white space.
    Punct,
}

/// One token: a word, a number or a punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        self.span.text(text)
    }

    pub fn is_word(self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// The tokens of `text[span]` (white space dropped), spans into `text`.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let piece = span.text(text);
    for (offset, word) in piece.split_word_bound_indices() {
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_whitespace() {
            continue;
        }
        let kind = if first.is_ascii_digit() || first.is_numeric() {
            TokenKind::Number
        } else if first.is_alphabetic() {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let start = span.start + offset;
        out.push(Token {
            span: Span::new(start, start + word.len()),
            kind,
        });
    }
    out
}

/// Lower case with typographic apostrophes and dashes folded, for matching.
pub(crate) fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' => out.push('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The English (Porter 2) stem of a normalised word, possessive dropped.
pub(crate) fn stem(normalized: &str) -> String {
    let word = normalized
        .strip_suffix("'s")
        .or_else(|| normalized.strip_suffix('\''))
        .unwrap_or(normalized);
    stemmer().stem(word).into_owned()
}

/// Common English function words: they carry little evidence that two
/// texts say the same thing.
pub(crate) fn is_stopword(normalized: &str) -> bool {
    STOPWORDS.binary_search(&normalized).is_ok()
}

// Sorted for binary search.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "during", "each", "for", "from", "had", "has", "have", "having", "he",
    "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its",
    "itself", "just", "me", "more", "most", "my", "of", "on", "once", "only", "or", "other", "our",
    "ours", "out", "over", "own", "said", "same", "says", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your",
];

/// Words that negate a statement.
pub(crate) fn is_negation(normalized: &str) -> bool {
    matches!(
        normalized,
        "not" | "no" | "never" | "none" | "nothing" | "nobody" | "neither" | "nor" | "without"
    ) || normalized.ends_with("n't")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_byte_spans() {
        let text = "  Russia’s 1.6% “rise” — U.S. trade";
        let toks: Vec<&str> = tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(
            toks,
            [
                "Russia’s",
                "1.6",
                "%",
                "“",
                "rise",
                "”",
                "—",
                "U.S",
                ".",
                "trade"
            ]
        );
    }

    #[test]
    fn normalised_forms() {
        assert_eq!(normalize("Russia’s"), "russia's");
        assert_eq!(stem("russia's"), "russia");
        assert_eq!(stem("exchanging"), stem("exchange"));
        assert_eq!(stem("countries'"), "countri");
        assert!(is_stopword("the") && !is_stopword("trade"));
        assert!(is_negation("wouldn't") && is_negation("not") && !is_negation("note"));
    }

    #[test]
    fn stopwords_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
