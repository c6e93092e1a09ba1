//! Facts: numbers, money, percentages, dates, weekdays, relative times and
//! durations, with normalised values.
//!
//! (Placeholder: weekdays only, until the full extractor lands.)

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::{Fact, FactKind};
use crate::span::Span;

/// Facts inside the given sentences (body text only), in text order.
pub(crate) fn find_facts(text: &str, sentences: &[Span], published: Option<Date>) -> Vec<Fact> {
    let mut out = Vec::new();
    for &sentence in sentences {
        for token in crate::text::tokens::tokenize(text, sentence) {
            let word = token.text(text);
            let word = word
                .strip_suffix("’s")
                .or_else(|| word.strip_suffix("'s"))
                .unwrap_or(word);
            let Some(weekday) = weekday(word) else {
                continue;
            };
            let span = Span::new(token.span.start, token.span.start + word.len());
            out.push(Fact {
                span,
                text: span.text(text).to_string(),
                kind: FactKind::Weekday,
                value: None,
                resolved: published.and_then(|p| last_weekday(p, weekday)),
                qualifier: None,
                unit: None,
            });
        }
    }
    out
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// The most recent `weekday` on or before `published`.
fn last_weekday(published: Date, weekday: Weekday) -> Option<Date> {
    let back = (published.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset())
        .rem_euclid(7);
    published.checked_sub(i64::from(back).days()).ok()
}
