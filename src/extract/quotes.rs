//! Direct quotes: pairs quote marks per paragraph and returns the quoted
//! words. One pass over each paragraph, no backtracking.
//!
//! Marks: “…” (and „…“, «…», ‹…›, 「…」), straight "…", NYT-style ''…'',
//! ‘…’ and '…' outside double quotes. Apostrophes (Russia’s, wouldn’t,
//! countries’) never open or close a quote. A quote still open at the end
//! of a paragraph ends there: news style reopens a multi-paragraph quote in
//! each paragraph.

use serde::{Deserialize, Serialize};

use super::{Quote, QuoteKind};
use crate::span::Span;
use crate::text::{BlockKind, Document};

/// Which quotation marks delimit quotes. [`QuoteMarks::ALL`] (the default)
/// suits mixed news text; the language presets leave out marks that are
/// apostrophes or ordinary punctuation there.
///
/// ```
/// use corroborate::{extract_with, ExtractConfig, QuoteMarks, Report};
/// let report = Report::new("fr", "« Nous gagnerons », a déclaré Jean Dupont. Il l'a dit.");
/// let config = ExtractConfig { quote_marks: QuoteMarks::french(), ..Default::default() };
/// assert_eq!(extract_with(&report, &config).quotes[0].text, "Nous gagnerons");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuoteMarks {
    /// “…”
    pub curly: bool,
    /// "…"
    pub straight: bool,
    /// ''…'' and ``…'' (NYT and treebank style).
    pub doubled_apostrophes: bool,
    /// ‘…’ and '…', outside double quotes.
    pub single: bool,
    /// «…», ‹…› (and German »…«).
    pub guillemets: bool,
    /// „…“ (German, Polish, Czech …).
    pub low: bool,
    /// 「…」 and 『…』 (Chinese, Japanese).
    pub corner: bool,
}

impl QuoteMarks {
    /// Every mark this crate knows.
    pub const ALL: QuoteMarks = QuoteMarks {
        curly: true,
        straight: true,
        doubled_apostrophes: true,
        single: true,
        guillemets: true,
        low: true,
        corner: true,
    };
    const NONE: QuoteMarks = QuoteMarks {
        curly: false,
        straight: false,
        doubled_apostrophes: false,
        single: false,
        guillemets: false,
        low: false,
        corner: false,
    };

    /// English news: curly, straight, doubled apostrophes and single marks.
    pub const fn english() -> QuoteMarks {
        QuoteMarks {
            curly: true,
            straight: true,
            doubled_apostrophes: true,
            single: true,
            ..QuoteMarks::NONE
        }
    }

    /// French: guillemets, and curly or straight marks for nested quotes.
    pub const fn french() -> QuoteMarks {
        QuoteMarks {
            guillemets: true,
            curly: true,
            straight: true,
            ..QuoteMarks::NONE
        }
    }

    /// German: „…“ and »…«, straight marks.
    pub const fn german() -> QuoteMarks {
        QuoteMarks {
            low: true,
            guillemets: true,
            straight: true,
            ..QuoteMarks::NONE
        }
    }

    /// Chinese and Japanese: corner brackets and curly marks.
    pub const fn cjk() -> QuoteMarks {
        QuoteMarks {
            corner: true,
            curly: true,
            ..QuoteMarks::NONE
        }
    }
}

impl Default for QuoteMarks {
    fn default() -> Self {
        QuoteMarks::ALL
    }
}

/// Quotes in the body paragraphs of `doc`, in text order, speakers unset.
pub(crate) fn find(text: &str, doc: &Document, marks: &QuoteMarks) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        if p.kind == BlockKind::Body {
            for span in in_paragraph(text, Span::new(p.prose_start, p.span.end), marks) {
                out.push(Quote {
                    span,
                    text: span.text(text).to_string(),
                    speaker: None,
                    speaker_span: None,
                    speaker_confidence: 0.0,
                    kind: kind_of(text, span, p.prose_start),
                    sentence: doc.sentence_at(span.start),
                });
            }
        }
    }
    out
}

/// A quote that opens its clause (after a sentence start, a colon or a
/// comma) and says a few words is a remark; a few words quoted in the
/// middle of the reporter's clause ("hailed “flourishing” ties", "branded
/// it an “outlaw nation”") are a partial quote.
fn kind_of(text: &str, span: Span, prose_start: usize) -> QuoteKind {
    let quoted = span.text(text);
    let words = quoted.split_whitespace().count();
    let before = text
        .get(prose_start..span.start)
        .unwrap_or("")
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '“' | '"' | '\'' | '‘' | '«' | '„' | '`' | '「')
        });
    let opens_clause = before.is_empty()
        || before.ends_with([':', ',', '—', '–', '―', '.', '?', '!', ';', '(', '…', '-']);
    if words >= 12 || opens_clause && words >= 3 {
        QuoteKind::Full
    } else if is_title(quoted) {
        QuoteKind::Title
    } else {
        QuoteKind::Partial
    }
}

/// Two or more words in Title Case, small words aside: the name of a
/// film, book, show or slogan (“The Making of Donald Trump”).
fn is_title(quoted: &str) -> bool {
    let words: Vec<&str> = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "or"
                | "in"
                | "on"
                | "for"
                | "to"
                | "with"
                | "at"
                | "by"
                | "is"
                | "de"
        )
    };
    let content: Vec<&&str> = words.iter().filter(|w| !small(w)).collect();
    words.len() >= 2
        && !content.is_empty()
        && content.iter().all(|w| w.starts_with(char::is_uppercase))
        && words[0].starts_with(char::is_uppercase)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Opens a double quote; the closer it expects.
    Open(Closer),
    /// Closes a double quote of this family.
    Close(Closer),
    /// Straight or doubled-apostrophe double mark: direction from context.
    Either(Closer),
    /// Single opening mark.
    SingleOpen,
    /// Single closing mark (or apostrophe).
    SingleClose,
    /// Straight single mark.
    SingleEither,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Closer {
    Curly,
    Low,
    Guillemet,
    Single,
    Corner,
    Straight,
    Doubled,
    /// »…« (German): closed by «.
    Reversed,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Quote spans (without marks, trimmed) inside one paragraph.
pub(crate) fn in_paragraph(text: &str, para: Span, marks: &QuoteMarks) -> Vec<Span> {
    let line = para.text(text);
    let mut out = Vec::new();
    // (closer family, byte offset just after the opening mark)
    let mut double: Option<(Closer, usize)> = None;
    let mut single: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = line.char_indices().peekable();
    let emit = |out: &mut Vec<Span>, from: usize, to: usize| {
        let span = Span::new(para.start + from, para.start + to).trim(text);
        if span.text(text).chars().any(char::is_alphanumeric) {
            out.push(span);
        }
    };
    while let Some((i, c)) = iter.next() {
        let mut width = c.len_utf8();
        let mark = match c {
            '“' if marks.curly => Some(Mark::Open(Closer::Curly)),
            // „…“: without curly marks, “ only closes.
            '“' if marks.low => Some(Mark::Close(Closer::Low)),
            '”' if marks.curly => Some(Mark::Close(Closer::Curly)),
            '„' if marks.low => Some(Mark::Open(Closer::Low)),
            '«' if marks.guillemets => Some(Mark::Open(Closer::Guillemet)),
            '»' if marks.guillemets => Some(Mark::Close(Closer::Guillemet)),
            '‹' if marks.guillemets => Some(Mark::Open(Closer::Single)),
            '›' if marks.guillemets => Some(Mark::Close(Closer::Single)),
            '「' | '『' if marks.corner => Some(Mark::Open(Closer::Corner)),
            '」' | '』' if marks.corner => Some(Mark::Close(Closer::Corner)),
            '"' if marks.straight => Some(Mark::Either(Closer::Straight)),
            '\'' if marks.doubled_apostrophes && iter.peek().is_some_and(|&(_, d)| d == '\'') => {
                iter.next();
                width = 2;
                Some(Mark::Either(Closer::Doubled))
            }
            '`' if marks.doubled_apostrophes && iter.peek().is_some_and(|&(_, d)| d == '`') => {
                iter.next();
                width = 2;
                Some(Mark::Open(Closer::Doubled))
            }
            '‘' if marks.single => Some(Mark::SingleOpen),
            '’' if marks.single => Some(Mark::SingleClose),
            '\'' if marks.single => Some(Mark::SingleEither),
            _ => None,
        };
        let next = line[i + width..].chars().next();
        let Some(mark) = mark else {
            prev = Some(c);
            continue;
        };
        let opens_word = !is_word_char(prev) && next.is_some_and(|n| !n.is_whitespace());
        let closes_word = prev.is_some_and(|p| !p.is_whitespace()) && !is_word_char(next);
        match (double, mark) {
            // Inside a double quote: look only for its closer.
            (Some((family, from)), _) => {
                let closes = match mark {
                    Mark::Close(f) => {
                        f == family || family == Closer::Straight || family == Closer::Doubled
                    }
                    Mark::Open(Closer::Guillemet) => family == Closer::Reversed,
                    // „…“ closes with “; a mistyped “ can close too.
                    Mark::Open(Closer::Curly) => {
                        family == Closer::Low || (closes_word && !opens_word)
                    }
                    Mark::Either(f) => f == family || !opens_word,
                    _ => false,
                };
                if closes {
                    emit(&mut out, from, i);
                    double = None;
                    single = None;
                }
            }
            (None, Mark::Open(family)) => double = Some((family, i + width)),
            (None, Mark::Either(family))
                if opens_word || (next.is_some_and(|n| !n.is_whitespace()) && !closes_word) =>
            {
                double = Some((family, i + width));
            }
            // A closer with nothing open that opens a word: a mistyped
            // opener, or German »…«.
            (None, Mark::Close(family))
                if opens_word && matches!(family, Closer::Curly | Closer::Guillemet) =>
            {
                double = Some((
                    if family == Closer::Guillemet {
                        Closer::Reversed
                    } else {
                        family
                    },
                    i + width,
                ));
            }
            (None, Mark::SingleOpen | Mark::SingleEither) if single.is_none() && opens_word => {
                single = Some(i + width);
            }
            (None, Mark::SingleClose | Mark::SingleEither) if single.is_some() && closes_word => {
                if let Some(from) = single.take() {
                    emit(&mut out, from, i);
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((_, from)) = double {
        emit(&mut out, from, line.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(line: &str) -> Vec<&str> {
        in_paragraph(line, Span::new(0, line.len()), &QuoteMarks::ALL)
            .into_iter()
            .map(|s| s.text(line))
            .collect()
    }

    #[test]
    fn mark_pairing() {
        let cases: &[(&str, &[&str])] = &[
            ("“It works,” he said.", &["It works,"]),
            ("He said \"yes\" and \"no.\"", &["yes", "no."]),
            ("hailed “flourishing” trade ties", &["flourishing"]),
            ("“A,” she said. “B.”", &["A,", "B."]),
            ("“Outer ‘inner’ text,” he said.", &["Outer ‘inner’ text,"]),
            ("Russia’s and the countries’ wouldn’t", &[]),
            ("China Minister Hails 'Strong' Russia Ties", &["Strong"]),
            ("''We are ready,'' he said.", &["We are ready,"]),
            ("``Old style,'' he said.", &["Old style,"]),
            ("«Bonjour», dit-il.", &["Bonjour"]),
            ("„Guten Tag“, sagte er.", &["Guten Tag"]),
            ("「你好」", &["你好"]),
            (
                "“Unclosed quote runs to the end",
                &["Unclosed quote runs to the end"],
            ),
            ("”Mistyped opener,” he said.", &["Mistyped opener,"]),
            ("a stray \" mark", &[]),
            ("“” empty", &[]),
            ("the ‘no limits’ partnership", &["no limits"]),
            ("rock ’n’ roll", &[]),
        ];
        for (line, want) in cases {
            assert_eq!(quotes(line), *want, "{line}");
        }
    }

    #[test]
    fn language_presets() {
        let with = |line: &'static str, marks: QuoteMarks| -> Vec<&'static str> {
            in_paragraph(line, Span::new(0, line.len()), &marks)
                .into_iter()
                .map(|s| s.text(line))
                .collect()
        };
        let german = "„Wir schaffen das“, sagte sie. »Sicher«, sagte er.";
        assert_eq!(
            with(german, QuoteMarks::german()),
            ["Wir schaffen das", "Sicher"]
        );
        let french = "« Bonjour », dit-il, l'air 'content'.";
        assert_eq!(with(french, QuoteMarks::french()), ["Bonjour"]);
        assert_eq!(with(french, QuoteMarks::ALL), ["Bonjour", "content"]);
        assert_eq!(with("「你好」他说。", QuoteMarks::cjk()), ["你好"]);
        assert!(with("“curly”", QuoteMarks::german()).is_empty());
    }

    #[test]
    fn kinds() {
        let kind = |text: &str, quoted: &str| {
            let start = text.find(quoted).unwrap();
            kind_of(text, Span::new(start, start + quoted.len()), 0)
        };
        assert_eq!(
            kind("Putin hailed “flourishing” ties.", "flourishing"),
            QuoteKind::Partial
        );
        assert_eq!(
            kind(
                "“We have very strong ties,” he said.",
                "We have very strong ties,"
            ),
            QuoteKind::Full
        );
        assert_eq!(
            kind("He said: “We have ties.”", "We have ties."),
            QuoteKind::Full
        );
        assert_eq!(
            kind(
                "Japan branded it an “outlaw nation in the neighborhood.”",
                "outlaw nation in the neighborhood."
            ),
            QuoteKind::Partial
        );
        assert_eq!(
            kind(
                "Melville House will release “The Making of Donald Trump” in August.",
                "The Making of Donald Trump"
            ),
            QuoteKind::Title
        );
    }
}
