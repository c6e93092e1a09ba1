//! Direct quotes: pairs quote marks per paragraph and returns the quoted
//! words. One pass over each paragraph, no backtracking.
//!
//! Marks: “…” (and „…“, «…», ‹…›, 「…」), straight "…", NYT-style ''…'',
//! ‘…’ and '…' outside double quotes. Apostrophes (Russia’s, wouldn’t,
//! countries’) never open or close a quote. A quote still open at the end
//! of a paragraph ends there: news style reopens a multi-paragraph quote in
//! each paragraph.

use super::{Quote, QuoteKind};
use crate::span::Span;
use crate::text::{BlockKind, Document};

/// Quotes in the body paragraphs of `doc`, in text order, speakers unset.
pub(crate) fn find(text: &str, doc: &Document) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        if p.kind == BlockKind::Body {
            for span in in_paragraph(text, Span::new(p.prose_start, p.span.end)) {
                out.push(Quote {
                    span,
                    text: span.text(text).to_string(),
                    speaker: None,
                    speaker_span: None,
                    kind: kind_of(text, span, p.prose_start),
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
    } else {
        QuoteKind::Partial
    }
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
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Quote spans (without marks, trimmed) inside one paragraph.
pub(crate) fn in_paragraph(text: &str, para: Span) -> Vec<Span> {
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
            '“' => Some(Mark::Open(Closer::Curly)),
            '”' => Some(Mark::Close(Closer::Curly)),
            '„' => Some(Mark::Open(Closer::Low)),
            '«' => Some(Mark::Open(Closer::Guillemet)),
            '»' => Some(Mark::Close(Closer::Guillemet)),
            '‹' => Some(Mark::Open(Closer::Single)),
            '›' => Some(Mark::Close(Closer::Single)),
            '「' | '『' => Some(Mark::Open(Closer::Corner)),
            '」' | '』' => Some(Mark::Close(Closer::Corner)),
            '"' => Some(Mark::Either(Closer::Straight)),
            '\'' if iter.peek().is_some_and(|&(_, d)| d == '\'') => {
                iter.next();
                width = 2;
                Some(Mark::Either(Closer::Doubled))
            }
            '`' if iter.peek().is_some_and(|&(_, d)| d == '`') => {
                iter.next();
                width = 2;
                Some(Mark::Open(Closer::Doubled))
            }
            '‘' => Some(Mark::SingleOpen),
            '’' => Some(Mark::SingleClose),
            '\'' => Some(Mark::SingleEither),
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
            // A closer with nothing open that opens a word: a mistyped opener.
            (None, Mark::Close(family)) if opens_word && family == Closer::Curly => {
                double = Some((family, i + width));
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
        in_paragraph(line, Span::new(0, line.len()))
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
    }
}
