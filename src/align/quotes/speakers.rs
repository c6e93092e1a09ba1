//! Who said it, beyond doubt: the speakers that attribution differences
//! may rest on.

use super::*;
use crate::lexicon::names::TITLES;
use crate::text::tokens::{is_proper_name, lower_words};

/// A name's last word, folded: two speakers of one remark with the same
/// surname ("Richard J. Durbin", "Dick Durbin") are one person to a
/// reader, whatever the first names.
pub(super) fn surname(name: &str) -> String {
    name.split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .find(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
        .unwrap_or_default()
}

/// Whether a quote's speaker is named beyond doubt: a full name (two words
/// or more), given by a mention that names the speaker (not a pronoun, a
/// role or the quote's own paragraph), and, for a bare surname, one that
/// no other person of the report carries.
pub(super) fn confident_speaker(
    text: &str,
    quote: &Quote,
    ambiguous: &mut BTreeMap<String, bool>,
) -> bool {
    let (Some(name), Some(mention)) = (&quote.speaker, quote.speaker_span) else {
        return false;
    };
    if quote.speaker_confidence < 0.85 || mention.overlaps(quote.span) || mention.end > text.len() {
        return false;
    }
    let name_words = lower_words(name);
    // A name, not a description ("the president himself", "an aide").
    if name_words.len() < 2 || !is_proper_name(name) {
        return false;
    }
    let mention_words = lower_words(mention.text(text));
    let shared: Vec<&String> = mention_words
        .iter()
        .filter(|w| name_words.contains(w) && !is_stopword(w))
        .collect();
    if shared.is_empty() {
        return false;
    }
    if name_words.iter().all(|w| mention_words.contains(w)) {
        return true;
    }
    // A bare surname: another first name before it anywhere in the report
    // ("his son Eric Trump") makes it ambiguous.
    let Some(surname) = name.split_whitespace().last() else {
        return false;
    };
    !*ambiguous
        .entry(name.clone())
        .or_insert_with(|| someone_else_named(text, surname, &name_words))
}

fn someone_else_named(text: &str, surname: &str, name_words: &[String]) -> bool {
    text.match_indices(surname).any(|(at, _)| {
        let before = text[..at].trim_end_matches([' ', '\u{a0}']);
        if before.len() == text[..at].len() {
            return false;
        }
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic() || *c == '.' || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let word = word.trim_matches('.');
        let lower = word.to_lowercase();
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 2
            && !name_words.contains(&lower)
            && !TITLES.contains(&lower.as_str())
    })
}
