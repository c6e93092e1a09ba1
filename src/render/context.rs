//! Evidence in context: the sentence around a span of a report's text.
//!
//! Display only. Sentences are the text stage's, found within the span's
//! line and never further than a bounded number of bytes from it, so the
//! cost per piece of evidence is bounded whatever the report.

use crate::span::Span;
use crate::text::sentences;

/// A span and the text around it, within its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Context<'a> {
    /// Text of the sentence before the span.
    pub before: &'a str,
    /// Exactly the span's text.
    pub marked: &'a str,
    /// Text of the sentence after the span.
    pub after: &'a str,
    /// The sentence starts earlier than `before` (it was cut at `REACH`).
    pub cut_before: bool,
    /// The sentence goes on after `after`.
    pub cut_after: bool,
}

/// How far, in bytes, context reaches on either side of a span.
const REACH: usize = 360;

/// The sentence around `span` in `text`; `None` when the span does not fit
/// the text. Context never reaches before `floor` (the start of the text
/// proper, after a date line) unless the span itself does.
pub(crate) fn around(text: &str, span: Span, floor: usize) -> Option<Context<'_>> {
    let marked = text.get(span.range())?;
    let floor = if floor <= span.start && text.is_char_boundary(floor) {
        floor
    } else {
        0
    };
    let line_start = text[..span.start]
        .rfind('\n')
        .map_or(0, |i| i + 1)
        .max(floor);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);

    // The text stage's sentences of a window around the span; the first
    // and last may be cut by the window's edges.
    let from = char_floor(text, span.start.saturating_sub(REACH).max(line_start));
    let to = char_ceil(text, (span.end + REACH).min(line_end));
    // Each edge is split on its own, so a long span is not read whole.
    let head_end = char_ceil(text, span.end.min(span.start + REACH));
    let head = sentences::split(text, Span::new(from, head_end));
    let (start, cut_before) = match head.iter().rposition(|s| s.start <= span.start) {
        Some(i) if i > 0 || from == line_start => (head[i].start, false),
        _ if from > line_start => {
            // Cut mid-sentence: start at a word.
            let head = &text[from..span.start];
            let word = head.find(char::is_whitespace).map_or(head.len(), |i| i + 1);
            (from + word, true)
        }
        _ => (from, false),
    };
    let tail_start = char_floor(text, span.start.max(span.end.saturating_sub(REACH)));
    let tail = sentences::split(text, Span::new(tail_start, to));
    let (end, cut_after) = match tail.iter().position(|s| s.end >= span.end) {
        Some(i) if i + 1 < tail.len() || to == line_end => (tail[i].end, false),
        _ if to < line_end => {
            let tail = &text[span.end..to];
            let word = tail.rfind(char::is_whitespace).unwrap_or(0);
            (span.end + word, true)
        }
        _ => (to, false),
    };
    Some(Context {
        before: text[start..span.start].trim_start(),
        marked,
        after: text[span.end..end].trim_end(),
        cut_before,
        cut_after,
    })
}

fn char_floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn char_ceil(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, needle: &str, floor: usize) -> String {
        let start = text.find(needle).unwrap();
        let c = around(text, Span::new(start, start + needle.len()), floor).unwrap();
        format!(
            "{}{}[{}]{}{}",
            if c.cut_before { "…" } else { "" },
            c.before,
            c.marked,
            c.after,
            if c.cut_after { "…" } else { "" }
        )
    }

    #[test]
    fn the_sentence_around_the_span() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "First one. Gen. Li Shangfu met Putin on Sunday. Then more.",
                "Sunday",
                "Gen. Li Shangfu met Putin on [Sunday].",
            ),
            (
                "He said “it is big.” She met the U.S. envoy on Monday. Next.",
                "Monday",
                "She met the U.S. envoy on [Monday].",
            ),
            (
                "Title line\nA second paragraph, on 12 cases.\nThird.",
                "12",
                "A second paragraph, on [12] cases.",
            ),
            ("Only words", "words", "Only [words]"),
            // A whole sentence is its own context: the next one is not.
            (
                "First one. The whole sentence. The next one.",
                "The whole sentence.",
                "[The whole sentence.]",
            ),
            (
                "He spoke of “military cooperation.” He boasted of drills.",
                "military cooperation.",
                "He spoke of “[military cooperation.]”",
            ),
            (
                "It ended. but this goes on. Really.",
                "goes",
                "It ended. but this [goes] on.",
            ),
        ];
        for (text, needle, want) in cases {
            assert_eq!(show(text, needle, 0), *want, "{text}");
        }
    }

    #[test]
    fn long_sentences_are_cut_at_words() {
        let text = format!("{} target {}", "word ".repeat(200), "word ".repeat(200));
        let shown = show(&text, "target", 0);
        assert!(shown.starts_with("…word "), "{shown}");
        assert!(shown.ends_with(" word…"), "{shown}");
        assert!(shown.len() < 2 * REACH + 20);
    }

    #[test]
    fn the_date_line_is_not_context() {
        let text = " date 2024-08-21 Putin meets Li on Wednesday.";
        assert_eq!(
            show(text, "Wednesday", 17),
            "Putin meets Li on [Wednesday]."
        );
        // A span inside the date line still gets its context.
        assert_eq!(
            show(text, "2024", 17),
            "date [2024]-08-21 Putin meets Li on Wednesday."
        );
    }

    #[test]
    fn spans_that_do_not_fit_give_nothing() {
        assert!(around("héllo", Span::new(0, 2), 0).is_none());
        assert!(around("abc", Span::new(2, 9), 0).is_none());
    }
}
