//! Byte spans into a report's original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a report's original text.
///
/// Every derived item (sentence, quote, fact, evidence) carries one, so
/// `&report.text[span.range()]` is always the exact evidence. Spans produced
/// by this crate always lie on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers; empty when it does not fit `text`.
    pub fn text(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }

    /// The span with leading and trailing white space removed.
    pub(crate) fn trim(self, text: &str) -> Span {
        let s = self.text(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let end = self.start + s.trim_end().len();
        Span::new(start, end.max(start))
    }
}

/// Serde for an optional span written as two fields, `speaker_start` and
/// `speaker_end` (both null for none): a quote's speaker mention as the
/// extract JSON has it (`#[serde(flatten, with = "…")]`).
pub(crate) mod speaker_span {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Span;

    #[derive(Serialize, Deserialize)]
    struct Ends {
        speaker_start: Option<usize>,
        speaker_end: Option<usize>,
    }

    pub fn serialize<S: Serializer>(span: &Option<Span>, serializer: S) -> Result<S::Ok, S::Error> {
        Ends {
            speaker_start: span.map(|s| s.start),
            speaker_end: span.map(|s| s.end),
        }
        .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Span>, D::Error> {
        let ends = Ends::deserialize(deserializer)?;
        Ok(match (ends.speaker_start, ends.speaker_end) {
            (Some(start), Some(end)) => Some(Span::new(start, end)),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_keeps_char_boundaries() {
        let text = "  “héllo”  ";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.text(text), "“héllo”");
        assert_eq!(Span::new(1, 1).trim(text), Span::new(1, 1));
    }

    #[test]
    fn text_out_of_bounds_is_empty() {
        assert_eq!(Span::new(3, 99).text("abc"), "");
        assert!(Span::new(0, 4).overlaps(Span::new(3, 5)));
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 5)));
    }
}
