//! Text layout: paragraphs and their roles (body, headline, caption,
//! byline, related links …), sentences, tokens. Everything is a span into
//! the original text; nothing is rewritten.

mod boilerplate;
pub(crate) mod sentences;
pub(crate) mod tokens;

use std::borrow::Cow;

use crate::span::Span;

pub(crate) use boilerplate::BlockKind;
use tokens::{normalize, tokenize, Token};

/// A paragraph (one line of the text) and its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub span: Span,
    pub kind: BlockKind,
    /// Where the prose starts: after an inline dateline such as
    /// "MOSCOW (AP) — ".
    pub prose_start: usize,
}

/// A sentence of body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub span: Span,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// Its tokens: `Document::tokens[tokens.0..tokens.1]`.
    tokens: (usize, usize),
}

/// The layout of one report's text: every later stage reads this instead
/// of splitting or tokenising again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Document<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// The tokens of every sentence, in text order.
    pub tokens: Vec<Token>,
    /// The normalised forms that differ from the text, back to back.
    folded: String,
    /// The headline found in the text, if any.
    pub title: Option<Span>,
    /// The outlet named by a byline or dateline, if any.
    pub outlet: Option<String>,
}

impl<'t> Document<'t> {
    /// Lays out `text`, whose prose starts at `body_start` (after a date
    /// line).
    pub fn analyze(text: &'t str, body_start: usize) -> Document<'t> {
        let lines = lines(text, body_start);
        let (kinds, title) = boilerplate::classify(text, &lines);
        let mut outlet = None;
        let mut paragraphs = Vec::with_capacity(lines.len());
        for (&span, &kind) in lines.iter().zip(&kinds) {
            let mut prose_start = span.start;
            if kind == BlockKind::Body {
                if let Some((end, found)) = boilerplate::inline_dateline(text, span) {
                    prose_start = end;
                    outlet = outlet.or(found);
                }
            } else if kind == BlockKind::Byline {
                outlet = outlet.or_else(|| boilerplate::byline_outlet(span.text(text)));
            }
            paragraphs.push(Paragraph {
                span,
                kind,
                prose_start,
            });
        }
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        let mut folded = String::new();
        for (index, p) in paragraphs.iter().enumerate() {
            if p.kind != BlockKind::Body {
                continue;
            }
            for span in sentences::split(text, Span::new(p.prose_start, p.span.end)) {
                let first = tokens.len();
                for mut token in tokenize(text, span) {
                    let raw = token.text(text);
                    if let Cow::Owned(form) = normalize(raw) {
                        if form != raw {
                            token.folded = Some(Span::new(folded.len(), folded.len() + form.len()));
                            folded.push_str(&form);
                        }
                    }
                    tokens.push(token);
                }
                sentences.push(Sentence {
                    span,
                    paragraph: index,
                    tokens: (first, tokens.len()),
                });
            }
        }
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
            folded,
            title,
            outlet,
        }
    }

    /// The tokens of sentence `index`.
    pub fn tokens_of(&self, index: usize) -> &[Token] {
        self.sentences
            .get(index)
            .map_or(&[], |s| &self.tokens[s.tokens.0..s.tokens.1])
    }

    /// The tokens that lie within `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = self.tokens.partition_point(|t| t.span.end <= span.end);
        &self.tokens[first..end.max(first)]
    }

    /// A token's normalised form ([`normalize`]d text).
    pub fn form(&self, token: &Token) -> &str {
        match token.folded {
            Some(span) => span.text(&self.folded),
            None => token.text(self.text),
        }
    }

    /// The index of the sentence that holds byte `pos`: the last one that
    /// starts at or before it (0 when none does).
    pub fn sentence_at(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start <= pos)
            .saturating_sub(1)
    }
}

/// Non-empty lines (trimmed) from `start` on.
fn lines(text: &str, start: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = start.min(text.len());
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let span = Span::new(pos, end).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        pos = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tokens::TokenKind;
    use super::*;

    #[test]
    fn layout_of_a_small_report() {
        let text = " date 2024-08-21 Leaders meet in Moscow\n\nBy The Associated Press\n\n\
                    MOSCOW (AP) — Putin met Li on Wednesday. They talked.\n\nRead more\n\nOther story";
        let doc = Document::analyze(text, 17);
        let kinds: Vec<BlockKind> = doc.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Byline,
                BlockKind::Body,
                BlockKind::Related,
                BlockKind::Related
            ]
        );
        assert_eq!(doc.outlet.as_deref(), Some("AP"));
        assert_eq!(doc.title.unwrap().text(text), "Leaders meet in Moscow");
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(sentences, ["Putin met Li on Wednesday.", "They talked."]);
    }

    #[test]
    fn each_sentence_is_tokenised_once_with_its_forms() {
        let text = "Title Of It\n\nRussia’s “Trade” ROSE 1.6% today. Li’s reply: no.\n\nMore here.";
        let doc = Document::analyze(text, 0);
        for (i, s) in doc.sentences.iter().enumerate() {
            let tokens = doc.tokens_of(i);
            let alone: Vec<(Span, TokenKind)> = tokenize(text, s.span)
                .iter()
                .map(|t| (t.span, t.kind))
                .collect();
            let laid: Vec<(Span, TokenKind)> = tokens.iter().map(|t| (t.span, t.kind)).collect();
            assert_eq!(laid, alone);
            for t in tokens {
                assert_eq!(doc.form(t), normalize(t.text(text)));
            }
        }
        let forms: Vec<&str> = doc.tokens_of(0).iter().map(|t| doc.form(t)).collect();
        assert_eq!(
            forms,
            ["russia's", "“", "trade", "”", "rose", "1.6", "%", "today", "."]
        );
        // A window gives the tokens wholly inside it, across sentences.
        let from = text.find("1.6").unwrap();
        let to = text.find("reply").unwrap() + 5;
        let window: Vec<&str> = doc
            .tokens_in(Span::new(from, to))
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(window, ["1.6", "%", "today", ".", "Li’s", "reply"]);
        assert_eq!(doc.tokens_of(99), &[]);
        assert_eq!(doc.sentence_at(from), 0);
        assert_eq!(doc.sentence_at(to), 1);
    }
}
