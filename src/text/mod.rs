//! Text layout: paragraphs and their roles (body, headline, caption,
//! byline, related links …), sentences, tokens. Everything is a span into
//! the original text; nothing is rewritten.

mod boilerplate;
mod sentences;
pub(crate) mod tokens;

use crate::span::Span;

pub(crate) use boilerplate::BlockKind;

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
}

/// The layout of one report's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Document {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// The headline found in the text, if any.
    pub title: Option<Span>,
    /// The outlet named by a byline or dateline, if any.
    pub outlet: Option<String>,
}

impl Document {
    /// Lays out `text`, whose prose starts at `body_start` (after a date
    /// line).
    pub fn analyze(text: &str, body_start: usize) -> Document {
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
        for (index, p) in paragraphs.iter().enumerate() {
            if p.kind == BlockKind::Body {
                let prose = Span::new(p.prose_start, p.span.end);
                sentences.extend(
                    sentences::split(text, prose)
                        .into_iter()
                        .map(|span| Sentence {
                            span,
                            paragraph: index,
                        }),
                );
            }
        }
        Document {
            paragraphs,
            sentences,
            title,
            outlet,
        }
    }
}

impl Document {
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
}
