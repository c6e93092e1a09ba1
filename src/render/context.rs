//! Evidence in context: the sentence around a span of a report's text.
//!
//! Display only. Sentences here are found by a light heuristic (a period,
//! question or exclamation mark, closing quotes, then white space and no
//! lower-case letter; common abbreviations skipped) within the span's line,
//! and never reach further than a bounded number of bytes, so the cost per
//! piece of evidence is bounded whatever the report.

use crate::span::Span;

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

    // Back to the last sentence end before the span, within reach.
    let from = char_floor(text, span.start.saturating_sub(REACH).max(line_start));
    let head = &text[from..span.start];
    let (start, cut_before) = match sentence_ends(head).last() {
        Some(&end) => (from + end, false),
        None if from > line_start => {
            // Cut mid-sentence: start at a word.
            let word = head.find(char::is_whitespace).map_or(head.len(), |i| i + 1);
            (from + word, true)
        }
        None => (from, false),
    };
    // On to the first sentence end after the span, within reach.
    let to = char_ceil(text, (span.end + REACH).min(line_end));
    let tail = &text[span.end..to];
    let (end, cut_after) = match sentence_ends(tail).first() {
        Some(&end) => (span.end + end, false),
        None if to < line_end => {
            let word = tail.rfind(char::is_whitespace).unwrap_or(0);
            (span.end + word, true)
        }
        None => (to, false),
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

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "rev", "st", "jr", "sr", "no", "nos", "vol", "jan", "feb", "mar", "apr", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "ft", "inc", "co", "corp", "ltd", "vs", "approx",
];

/// Offsets just after each sentence end in `text` (after the mark and any
/// closing quotes or brackets).
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        i += 1;
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut j = i;
        while j < chars.len() && matches!(chars[j].1, '”' | '’' | '"' | '\'' | ')' | ']' | '»')
        {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
        let Some(&(_, next)) = chars.get(j) else {
            // The text ends here: a sentence end only if nothing follows.
            ends.push(end);
            break;
        };
        if !next.is_whitespace() {
            continue;
        }
        let following = chars[j..]
            .iter()
            .map(|&(_, c)| c)
            .find(|c| !c.is_whitespace());
        if following.is_some_and(char::is_lowercase) {
            continue;
        }
        if c == '.' && is_abbreviation(&text[..at]) {
            continue;
        }
        ends.push(end);
    }
    ends
}

/// True when the word ending `before` (just before a period) is an
/// abbreviation: an initial ("J."), a dotted one ("U.S."), or a listed one.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1
        && word.chars().all(|c| c.is_alphabetic())
        && word.chars().all(char::is_uppercase))
        || (word.contains('.') && letters <= 4)
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
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
