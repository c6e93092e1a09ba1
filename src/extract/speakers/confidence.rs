//! How sure an attribution is, from the mention it rests on: a full name
//! beside the quote is near certain, a surname nearly so, a description is
//! the report's own words, a pronoun or a role resolved through the report
//! is an inference, and a speaker carried over from an earlier paragraph
//! is one step further away.

use crate::extract::Quote;
use crate::text::tokens::{is_proper_name, lower_words};
use crate::text::Document;

/// The confidence of `quote`'s speaker, in `0.0..=1.0`; 0 when it has none.
pub(crate) fn confidence(text: &str, doc: &Document, quote: &Quote) -> f32 {
    let (Some(name), Some(mention)) = (&quote.speaker, quote.speaker_span) else {
        return 0.0;
    };
    let Some(mention_text) = text.get(mention.start..mention.end) else {
        return 0.0;
    };
    let name_words = lower_words(name);
    let mention_words = lower_words(mention_text);
    let shared = name_words
        .iter()
        .filter(|w| mention_words.contains(w))
        .count();
    let proper = is_proper_name(name);
    let base = if quote.span.contains(mention) {
        // A transcript's "NAME:" inside the quote.
        0.9
    } else if !proper {
        // "Grassley spokesperson", "central bank": as the report puts it.
        0.8
    } else if shared == name_words.len() && shared > 1 {
        0.95
    } else if shared > 0 {
        0.9
    } else if mention_words.len() == 1 {
        // "he", "she".
        0.7
    } else {
        // "the congressman", "the statement".
        0.65
    };
    // Carried from an earlier sentence: a continuation, a turn, a remark
    // after the sentence about its speaker.
    let sentence = doc.sentence_at(quote.span.start);
    let mention_sentence = doc.sentence_at(mention.start);
    let after_quote = doc.sentence_at(quote.span.end.saturating_sub(1));
    let confidence: f32 = if (sentence..=after_quote).contains(&mention_sentence) {
        base
    } else {
        base * 0.85
    };
    // Two decimals: the JSON shows 0.77, not 0.76499999.
    (confidence * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::QuoteKind;
    use crate::span::Span;

    fn quote(text: &str, speaker: &str, mention: &str) -> (Document<'static>, Quote) {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let q = text.find('“').unwrap() + '“'.len_utf8();
        let e = text.find('”').unwrap();
        let m = text.rfind(mention).unwrap();
        let quote = Quote {
            span: Span::new(q, e),
            text: text[q..e].to_string(),
            speaker: Some(speaker.to_string()),
            speaker_span: Some(Span::new(m, m + mention.len())),
            kind: QuoteKind::Full,
            sentence: 0,
            speaker_confidence: 0.0,
        };
        (Document::analyze(text, 0), quote)
    }

    #[test]
    fn names_beat_inferences() {
        let cases = [
            ("“We won,” Jane Doe said.", "Jane Doe", "Jane Doe", 0.95),
            ("“We won,” Doe said.", "Jane Doe", "Doe", 0.9),
            (
                "“We won,” a spokesman for Doe said.",
                "Doe spokesman",
                "spokesman for Doe",
                0.8,
            ),
            ("“We won,” he said.", "Jane Doe", "he", 0.7),
            (
                "“We won,” the senator said.",
                "Jane Doe",
                "the senator",
                0.65,
            ),
        ];
        for (text, speaker, mention, want) in cases {
            let (doc, q) = quote(text, speaker, mention);
            assert_eq!(confidence(text, &doc, &q), want, "{text}");
        }
    }
}
