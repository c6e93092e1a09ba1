//! The features of a pair of prepared texts: all symmetric, all in `[0, 1]`.
//! Merges of sorted sets and binary searches, plus prefix matching for the
//! few words left unmatched; no allocation.

use std::cmp::Ordering;

use super::prepare::Prepared;

/// Number of features (without the intercept).
pub(crate) const N_FEATURES: usize = 7;

/// The features of the pair `(a, b)`. `features(a, b) == features(b, a)`
/// bit for bit: every figure is computed side by side and combined with
/// commutative operations only.
pub(crate) fn features(a: &Prepared, b: &Prepared) -> [f64; N_FEATURES] {
    let word_dice = ratio(
        shared_weight(a, b) + shared_weight(b, a),
        a.weight + b.weight,
    );
    let (la, lb) = (a.len as f64, b.len as f64);
    let length_gap = if la.max(lb) > 0.0 {
        (1.0 - la.min(lb) / la.max(lb)) * word_dice
    } else {
        0.0
    };
    let common_values = common(&a.values, &b.values);
    let value_conflict = a.values.len() > common_values && b.values.len() > common_values;
    let negation_mismatch = (a.negations > 0) != (b.negations > 0);
    [
        word_dice,
        dice(&a.char3, &b.char3),
        dice(&a.content_bigrams, &b.content_bigrams),
        dice(&a.trigrams, &b.trigrams),
        length_gap,
        f64::from(u8::from(value_conflict)),
        f64::from(u8::from(negation_mismatch)),
    ]
}

/// Plain Dice of the distinct stems, every stem counting 1: the score of
/// two texts made only of stopwords ("he said it" / "she said it"), where
/// the weighted features have nothing to weigh.
pub(crate) fn stem_dice(a: &Prepared, b: &Prepared) -> f64 {
    let total = a.units.len() + b.units.len();
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.units.len() && j < b.units.len() {
        match a.units[i].id.cmp(&b.units[j].id) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    ratio(2.0 * n as f64, total as f64)
}

/// `part / whole` capped at 1, or 0 when `whole` is 0.
fn ratio(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        (part / whole).min(1.0)
    } else {
        0.0
    }
}

/// The weight of the stems of `p` that `other` shares: exactly, or, for a
/// content word that `other` lacks, by prefix (4 letters or more) with a
/// word of `other` that `p` lacks: "Colo" / "Colorado", "Syria" / "Syrian".
fn shared_weight(p: &Prepared, other: &Prepared) -> f64 {
    let lacks = |q: &Prepared, id: u64| q.units.binary_search_by_key(&id, |u| u.id).is_err();
    let mut shared = 0.0;
    for (unit, word) in p.units.iter().zip(&p.words) {
        let hit = !lacks(other, unit.id)
            || (!word.is_empty()
                && other
                    .units
                    .iter()
                    .zip(&other.words)
                    .any(|(u, w)| !w.is_empty() && prefix_match(word, w) && lacks(p, u.id)));
        if hit {
            shared += f64::from(unit.weight);
        }
    }
    shared
}

/// One word (4 letters or more, checked when prepared) begins the other.
fn prefix_match(x: &str, y: &str) -> bool {
    if x.len() <= y.len() {
        y.starts_with(x)
    } else {
        x.starts_with(y)
    }
}

/// Size of the intersection of two sorted, deduplicated slices.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of two sorted sets; 0 when both are empty.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        0.0
    } else {
        2.0 * common(a, b) as f64 / total as f64
    }
}
