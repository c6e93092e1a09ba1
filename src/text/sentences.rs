//! Sentence boundaries in news prose. Unicode's sentence rules split
//! "Gen. Li" and "Aug. 21", so this is a small scanner with an
//! abbreviation layer: a boundary is a terminator (. ! ? …), then closing
//! quotes or brackets, then white space, then something that can open a
//! sentence.

use crate::lexicon::abbreviations::ABBREVIATIONS;
use crate::span::Span;

/// Sentences of `text[span]`, trimmed, in order.
pub(crate) fn split(text: &str, span: Span) -> Vec<Span> {
    let piece = span.text(text);
    let bytes = piece.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = piece.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Take the run of terminators and closers.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if matches!(
                d,
                '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']'
            ) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if end < bytes.len() && !piece[end..].starts_with(char::is_whitespace) {
            continue;
        }
        let next = piece[end..].trim_start().chars().next();
        let opens = next.is_none_or(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—')
        });
        if !opens {
            continue;
        }
        if c == '.' && end == i + 1 && is_abbreviation(&piece[start..i], next) {
            continue;
        }
        let sentence = Span::new(span.start + start, span.start + end).trim(text);
        if !sentence.is_empty() {
            out.push(sentence);
        }
        start = end;
    }
    let last = Span::new(span.start + start, span.end).trim(text);
    if !last.is_empty() {
        out.push(last);
    }
    out
}

/// Does the word before this full stop make it an abbreviation?
fn is_abbreviation(before: &str, next: Option<char>) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if lower == "no" || lower == "nos" {
        // "No. 2" but "said no. Then"
        return next.is_some_and(|n| n.is_ascii_digit());
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut letters = word.chars();
    // An initial: "J. Smith".
    if let (Some(first), None) = (letters.next(), letters.next()) {
        return first.is_uppercase();
    }
    // Dotted acronyms: "U.S", "D.C".
    word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn news_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Gen. Li Shangfu met Putin. It went well.",
                &["Gen. Li Shangfu met Putin.", "It went well."],
            ),
            (
                "They met on Aug. 21, 2024 in Moscow.",
                &["They met on Aug. 21, 2024 in Moscow."],
            ),
            (
                "China’s No. 2 official arrived. He spoke.",
                &["China’s No. 2 official arrived.", "He spoke."],
            ),
            (
                "The U.S. and China talk. Russia waits.",
                &["The U.S. and China talk.", "Russia waits."],
            ),
            (
                "John F. Kennedy spoke. Crowds cheered!",
                &["John F. Kennedy spoke.", "Crowds cheered!"],
            ),
            ("“It is over.” He left.", &["“It is over.”", "He left."]),
            (
                "He said no. Then he left.",
                &["He said no.", "Then he left."],
            ),
            (
                "Prices rose 1.6% in 2023. Trade grew.",
                &["Prices rose 1.6% in 2023.", "Trade grew."],
            ),
            (
                "Wait... Then what? Nothing.",
                &["Wait...", "Then what?", "Nothing."],
            ),
            (
                "It was 3 p.m. in Moscow. No.",
                &["It was 3 p.m. in Moscow.", "No."],
            ),
            ("no terminator", &["no terminator"]),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text}");
        }
    }
}
