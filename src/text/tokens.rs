//! Word tokens with byte spans, and the normalised forms used for matching.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

pub(crate) use crate::lexicon::{is_negation, is_stopword, is_weekday};

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
    /// Where the layout keeps its normalised form when that differs from
    /// the text (a byte range of [`Document::form`](super::Document::form)'s
    /// store); `None` when the text is already normalised.
    pub(super) folded: Option<Span>,
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
///
/// Word bounds follow Unicode's rules (UAX #29); ASCII text takes a fast
/// path that gives the same tokens.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let piece = span.text(text);
    if piece.is_ascii() {
        return tokenize_ascii(piece, span.start);
    }
    // Word bounds never join across white space, so each run of non-space
    // bytes is tokenised on its own: ASCII runs on the fast path.
    let mut out = Vec::with_capacity(piece.len() / 5);
    let bytes = piece.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let chunk = &piece[start..i];
        if chunk.is_ascii() {
            out.extend(tokenize_ascii(chunk, span.start + start));
        } else {
            unicode_tokens(chunk, span.start + start, &mut out);
        }
    }
    out
}

/// Unicode word bounds (UAX #29) for a piece with non-ASCII characters.
fn unicode_tokens(piece: &str, base: usize, out: &mut Vec<Token>) {
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
        let start = base + offset;
        out.push(Token {
            span: Span::new(start, start + word.len()),
            kind,
            folded: None,
        });
    }
}

/// UAX #29 word bounds restricted to ASCII: letters and digits run
/// together; `.` and `'` join letters to letters and digits to digits, `:`
/// joins letters, `,` and `;` join digits, `_` joins anything word-like;
/// every other non-space character stands alone.
fn tokenize_ascii(piece: &str, base: usize) -> Vec<Token> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Class {
        Letter,
        Digit,
        Under,
        Other,
    }
    let bytes = piece.as_bytes();
    let class = |b: u8| match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Under,
        _ => Class::Other,
    };
    let mut out = Vec::with_capacity(bytes.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let first = class(b);
        if first == Class::Other {
            i += 1;
            out.push(Token {
                span: Span::new(base + start, base + i),
                kind: TokenKind::Punct,
                folded: None,
            });
            continue;
        }
        let mut last = first;
        i += 1;
        while i < bytes.len() {
            let c = class(bytes[i]);
            if c != Class::Other {
                last = c;
                i += 1;
                continue;
            }
            // A joiner between two word characters of the right kinds.
            let (mid, next) = (bytes[i], bytes.get(i + 1).map(|&n| class(n)));
            let joins = matches!(
                (last, mid, next),
                (Class::Letter, b'.' | b'\'' | b':', Some(Class::Letter))
                    | (Class::Digit, b'.' | b'\'' | b',' | b';', Some(Class::Digit))
            );
            if !joins {
                break;
            }
            i += 2;
            last = next.unwrap_or(Class::Other);
        }
        let kind = match first {
            Class::Digit => TokenKind::Number,
            Class::Letter => TokenKind::Word,
            _ => TokenKind::Punct,
        };
        out.push(Token {
            span: Span::new(base + start, base + i),
            kind,
            folded: None,
        });
    }
    out
}

/// Lower case with typographic apostrophes and dashes folded, for matching.
/// Borrows when the word is already in that form (most words of a text).
pub(crate) fn normalize(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase() || b == b'`') {
            return std::borrow::Cow::Borrowed(word);
        }
        let mut out = word.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out.into();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' => out.push('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.into()
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The alphanumeric words of `s`, lower case: for comparing names with
/// the mentions they came from.
pub(crate) fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every word starts with a capital: a name ("Jane Doe"), not a
/// description ("Grassley spokesperson", "the president himself").
pub(crate) fn is_proper_name(name: &str) -> bool {
    name.split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// The English (Porter 2) stem of a normalised word, possessive dropped.
///
/// Memoised per thread: the alignment stages stem the same few thousand
/// words of an event again and again, and a lookup costs a fraction of
/// the stemmer. The memo is emptied when it reaches [`STEM_MEMO`] words,
/// so its memory stays bounded on any input.
pub(crate) fn stem(normalized: &str) -> String {
    thread_local! {
        static MEMO: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Box<str>>> =
            std::cell::RefCell::default();
    }
    MEMO.with_borrow_mut(|memo| {
        if let Some(stem) = memo.get(normalized) {
            return stem.to_string();
        }
        let word = normalized
            .strip_suffix("'s")
            .or_else(|| normalized.strip_suffix('\''))
            .unwrap_or(normalized);
        let stem = stemmer().stem(word).into_owned();
        if memo.len() >= STEM_MEMO {
            memo.clear();
        }
        memo.insert(normalized.into(), stem.as_str().into());
        stem
    })
}

/// Most words a thread's stem memo holds (about 4 MB).
const STEM_MEMO: usize = 1 << 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memoised_stems_are_the_stemmer_s() {
        let words = [
            "running",
            "runs",
            "president's",
            "officials'",
            "said",
            "running",
        ];
        for w in words.iter().chain(&words) {
            let plain = stemmer().stem(w.trim_end_matches("'s").trim_end_matches('\''));
            assert_eq!(stem(w), plain, "{w}");
        }
        // Past the bound the memo starts again and answers the same.
        for n in 0..STEM_MEMO + 2 {
            stem(&format!("word{n}s"));
        }
        assert_eq!(stem("running"), "run");
    }

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

    /// The slow, general path, for comparing with the ASCII fast path.
    fn tokenize_unicode(text: &str) -> Vec<(usize, usize, TokenKind)> {
        text.split_word_bound_indices()
            .filter(|(_, w)| !w.starts_with(char::is_whitespace))
            .map(|(i, w)| {
                let first = w.chars().next().unwrap_or(' ');
                let kind = if first.is_ascii_digit() {
                    TokenKind::Number
                } else if first.is_alphabetic() {
                    TokenKind::Word
                } else {
                    TokenKind::Punct
                };
                (i, i + w.len(), kind)
            })
            .collect()
    }

    #[test]
    fn ascii_fast_path_matches_unicode_rules() {
        let cases = [
            "U.S. trade rose 1,200.5% in 2023; don't a:b c.d 3;4 x_y _z 5_ G7 A320 e.g. 1.6.7 rock'n'roll",
            "'quoted' \"double\" (parens) 10-15 -3 3- ... ,, ''x'' `y` a.b.c 1,2,3 a,b 1:2 x'1 1'x",
            "Mr. O'Neill's 4th-quarter $3.5bn, @user #tag 50%+ a__b",
        ];
        for text in cases {
            let fast: Vec<(usize, usize, TokenKind)> = tokenize_ascii(text, 0)
                .into_iter()
                .map(|t| (t.span.start, t.span.end, t.kind))
                .collect();
            assert_eq!(fast, tokenize_unicode(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_matches_on_random_text(text in "[ a-zA-Z0-9.,;:'_\\-\"()]{0,60}") {
            let fast: Vec<(usize, usize, TokenKind)> = tokenize_ascii(&text, 0)
                .into_iter()
                .map(|t| (t.span.start, t.span.end, t.kind))
                .collect();
            proptest::prop_assert_eq!(fast, tokenize_unicode(&text));
        }
    }

    #[test]
    fn normalised_forms() {
        assert_eq!(normalize("Russia’s"), "russia's");
        assert_eq!(stem("russia's"), "russia");
        assert_eq!(stem("exchanging"), stem("exchange"));
        assert_eq!(stem("countries'"), "countri");
    }
}
