//! What surrounds a fact: the words of its sentence (weighted by how
//! rare they are in the event), a range it ends, a title it sits in.

use std::collections::{BTreeMap, BTreeSet};

use super::times::is_anchored;
use super::values::number;
use super::{Item, Member};
use crate::extract::{Fact, FactKind};
use crate::span::Span;

/// A fact inside a quoted title (ABC’s “This Week”) is part of a name.
pub(super) fn in_title(titles: &[Span], fact: &Fact) -> bool {
    // Sorted by start and apart: only the last one starting before the
    // fact can hold it.
    let i = titles.partition_point(|t| t.start <= fact.span.start);
    i > 0 && titles[i - 1].contains(fact.span)
}

/// The spans of a report's quoted titles, sorted, for [`in_title`].
pub(super) fn title_spans(member: &Member<'_>) -> Vec<Span> {
    let mut titles: Vec<Span> = member
        .found
        .quotes
        .iter()
        .filter(|q| q.kind == crate::extract::QuoteKind::Title)
        .map(|q| q.span)
        .collect();
    titles.sort_unstable_by_key(|t| (t.start, t.end));
    titles
}

/// "the two countries", "both sides": a small count that refers back to
/// things already named, not a figure anyone reports ("the 47-page
/// indictment" and "the 19 hijackers" are figures).
pub(super) fn is_anaphoric(text: &str, fact: &Fact) -> bool {
    let before = text[..fact.span.start.min(text.len())].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    fact.kind == FactKind::Count
        && number(fact).is_some_and(|n| n <= 10.0)
        && !fact.text.contains('-')
        && matches!(word.as_str(), "the" | "these" | "those" | "both" | "all")
}

/// How rare each context word is among the event's facts: words every
/// fact has around it ("Trump", "wall") say little about which figure is
/// meant, rare ones ("military construction") much.
pub(super) struct Rarity {
    weight: rustc_hash::FxHashMap<String, f64>,
    unseen: f64,
}

impl Rarity {
    pub(super) fn of(items: &[Item<'_>]) -> Rarity {
        let mut df: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        for it in items {
            for w in it.context.words.keys() {
                *df.entry(w.as_str()).or_default() += 1;
            }
        }
        let n = items.len().max(1) as f64;
        Rarity {
            weight: df
                .into_iter()
                .map(|(w, k)| (w.to_string(), (1.0 + n / k as f64).ln()))
                .collect(),
            unseen: (1.0 + n).ln(),
        }
    }

    fn of_word(&self, w: &str) -> f64 {
        self.weight.get(w).copied().unwrap_or(self.unseen)
    }

    /// The share of two contexts' weight they have in common, in [0, 1].
    /// One merge of the two sorted word maps (this runs on every pair of
    /// facts an event compares), each sum taken in word order.
    pub(super) fn affinity(&self, a: &FactContext, b: &FactContext) -> f64 {
        let (mut mass_a, mut mass_b, mut shared) = (0.0, 0.0, 0.0);
        let mut rest = b.words.iter().peekable();
        for (w, x) in &a.words {
            let weight = self.of_word(w);
            mass_a += x * weight;
            while let Some(&(v, y)) = rest.peek() {
                match v.cmp(w) {
                    std::cmp::Ordering::Less => mass_b += y * self.of_word(v),
                    std::cmp::Ordering::Equal => {
                        mass_b += y * weight;
                        shared += x.min(*y) * weight;
                    }
                    std::cmp::Ordering::Greater => break,
                }
                rest.next();
            }
        }
        for (v, y) in rest {
            mass_b += y * self.of_word(v);
        }
        let total = mass_a + mass_b;
        if total <= 0.0 {
            return 0.0;
        }
        2.0 * shared / total
    }
}

/// How far, in bytes, a fact's context reaches into its sentence on each
/// side: far more than [`CONTEXT_WORDS`] need, and a bound on the work
/// for a sentence of a megabyte (pasted markup).
const REACH: usize = 400;

/// The part of `sentence` within [`REACH`] of `span`, cut at white space
/// so that no word is split.
fn near(text: &str, sentence: Span, span: Span) -> Span {
    let mut start = sentence.start.max(span.start.saturating_sub(REACH));
    if start > sentence.start {
        while !text.is_char_boundary(start) {
            start += 1;
        }
        start = text[start..span.start.max(start)]
            .find(char::is_whitespace)
            .map_or(span.start.max(start), |i| start + i);
    }
    let mut end = sentence.end.min(span.end + REACH).max(start);
    if end < sentence.end {
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let from = span.end.min(end).max(start);
        end = text[from..end]
            .rfind(char::is_whitespace)
            .map_or(from, |i| from + i);
    }
    Span::new(start, end.max(start))
}

/// Content words on each side of a fact, within its sentence.
const CONTEXT_WORDS: usize = 10;
/// The nearest words on each side weigh fully, the others half.
const NEAR_WORDS: usize = 3;

/// The words around a fact, for telling whether two facts measure one
/// thing.
pub(super) struct FactContext {
    /// Content stems within the fact's sentence, [`CONTEXT_WORDS`] on each
    /// side (after it only for a time counted from what follows, "a month
    /// after Xi's visit"), with the unit a count counts; each weighs 1 if
    /// among the [`NEAR_WORDS`] nearest, else ½.
    pub(super) words: BTreeMap<String, f64>,
    /// The [`NEAR_WORDS`] nearest content stems on each side that are
    /// neither names nor relation words ("hacked", "ban", not "Obama" or
    /// "since"): what a year is said of.
    pub(super) near: BTreeSet<String>,
    /// Which end of a range it is ("between 12 and 16", "from 1967 to
    /// 1979"), if any.
    pub(super) range: Option<RangeEnd>,
}

impl FactContext {
    /// The context of `fact` within `sentence`, the span of its sentence
    /// as the text stage laid it out, its words taken only from `own`, the
    /// stretch of the sentence between the facts of its kind on either side
    /// ("$2,306.08 at Walt Disney World, over $10,000 at Best Buy": Best
    /// Buy is the second figure's).
    pub(super) fn of(text: &str, sentence: Span, own: Span, fact: &Fact) -> FactContext {
        use crate::text::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};
        let tokens = tokenize(text, near(text, sentence, fact.span));
        let at = tokens.partition_point(|t| t.span.end <= fact.span.start);
        let after = tokens.partition_point(|t| t.span.start < fact.span.end);
        let low = |k: usize| normalize(tokens[k].text(text));
        // Nearest first on each side.
        let inside = |k: &usize| own.contains(tokens[*k].span);
        let before_side: Vec<usize> = (0..at).rev().take_while(inside).collect();
        let after_side: Vec<usize> = (after..tokens.len()).take_while(inside).collect();
        // (stem, is a name) of the content words, nearest first.
        let content = |ks: &[usize]| -> Vec<(String, bool)> {
            ks.iter()
                .filter(|&&k| tokens[k].kind == TokenKind::Word)
                .map(|&k| (k, low(k)))
                .filter(|(_, w)| !is_stopword(w))
                .take(CONTEXT_WORDS)
                .map(|(k, w)| {
                    let t = &tokens[k];
                    let capital = t.text(text).starts_with(char::is_uppercase);
                    (stem(&w), capital && t.span.start > sentence.start)
                })
                .collect()
        };
        let mut near = BTreeSet::new();
        let mut words: BTreeMap<String, f64> = BTreeMap::new();
        let mut put = |w: String, x: f64| {
            let e = words.entry(w).or_insert(x);
            *e = e.max(x);
        };
        let mut side = |words: Vec<(String, bool)>| {
            let mut telling = 0;
            for (n, (w, name)) in words.into_iter().enumerate() {
                if telling < NEAR_WORDS && !name && !is_relation_word(&w) {
                    telling += 1;
                    near.insert(w.clone());
                }
                put(w, if n < NEAR_WORDS { 1.0 } else { 0.5 });
            }
        };
        if !is_anchored(fact) {
            side(content(&before_side));
        }
        side(content(&after_side));
        if let (FactKind::Count, Some(unit)) = (fact.kind, &fact.unit) {
            put(stem(&normalize(unit)), 1.0);
        }
        let is_num = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number);
        let joiner = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|_| matches!(&*low(k), "and" | "to" | "-" | "–" | "through"))
        };
        let range = if at > 0
            && matches!(&*low(at - 1), "between" | "from")
            && joiner(after)
            && (is_num(after + 1) || tokens.get(after + 1).is_some_and(|t| t.text(text) == "$"))
        {
            Some(RangeEnd::Start)
        } else if at > 1 && joiner(at - 1) && is_num(at - 2) {
            Some(RangeEnd::End)
        } else {
            None
        };
        FactContext { words, near, range }
    }
}

/// Stems of words that say how a time relates, not what it dates
/// ("since 2003", "after 2010"): no sign that two years date one thing.
fn is_relation_word(stem: &str) -> bool {
    matches!(
        stem,
        "sinc"
            | "since"
            | "that"
            | "until"
            | "till"
            | "after"
            | "befor"
            | "before"
            | "dure"
            | "during"
            | "ago"
            | "through"
            | "throughout"
            | "around"
            | "about"
            | "earli"
            | "later"
            | "year"
            | "month"
    )
}

impl FactContext {
    /// The two facts share one of their nearest words that is not a name.
    pub(super) fn near_shared(&self, other: &FactContext) -> bool {
        !self.near.is_disjoint(&other.near)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RangeEnd {
    Start,
    End,
}
