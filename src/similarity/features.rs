//! The features of a pair of prepared texts: all symmetric, all in `[0, 1]`.
//! Merges of sorted sets and binary searches, plus prefix matching for the
//! few words left unmatched and one longest common subsequence.

use std::cmp::Ordering;

use super::lcs::{lcs_table, lcs_with_masks};
use super::prepare::{head, Prepared};

/// Number of features (without the intercept).
pub(crate) const N_FEATURES: usize = 19;

/// What one text shares with the other: the directed half of the features.
/// [`features`] takes the smaller or larger of the two directions, so the
/// result does not depend on the order of the texts.
struct Direction {
    /// Share of the rarity weight of the text's stems that the other text
    /// has (exactly or by prefix).
    word_cov: f64,
    /// The same, numbers left out on both sides.
    wordy_cov: f64,
    /// Share of the distinct content stems (numbers included) found in the
    /// other text, each counting 1.
    content_cov: f64,
    /// Geometric mean of the shares of stems, stem bigrams and stem
    /// trigrams found in the other text (add-one smoothed for the n-grams).
    ngram: f64,
    /// Rarity weight left unmatched, over 10, capped at 1.
    extra_weight: f64,
    /// Distinct content stems left unmatched, over 10, capped at 1.
    extra_count: f64,
    /// Longest run of consecutive words the other text lacks, over 10,
    /// capped at 1.
    gap_run: f64,
}

/// The features of the pair `(a, b)`, in the order of
/// [`super::weights::WEIGHTS`]. `features(a, b) == features(b, a)` bit for
/// bit: every figure is computed side by side and combined with commutative
/// operations only (sums, `min`, `max`).
pub(crate) fn features(a: &Prepared, b: &Prepared) -> [f64; N_FEATURES] {
    let shared = (
        common(&a.bigrams, &b.bigrams),
        common(&a.trigrams, &b.trigrams),
    );
    let (ab, ba) = (direction(a, b, shared), direction(b, a, shared));
    let (la, lb) = (a.len as f64, b.len as f64);
    let (shorter, longer) = (la.min(lb), la.max(lb));
    let ngram_min = ab.ngram.min(ba.ngram);
    let common_values = common(&a.values, &b.values);
    let value_conflict = a.values.len() > common_values && b.values.len() > common_values;
    let numbers =
        a.units.iter().filter(|u| u.number).count() + b.units.iter().filter(|u| u.number).count();
    [
        ab.word_cov.min(ba.word_cov),
        ab.content_cov.min(ba.content_cov),
        ab.content_cov.max(ba.content_cov),
        ab.wordy_cov.min(ba.wordy_cov),
        dice(&a.content_bigrams, &b.content_bigrams),
        ngram_min,
        ngram_min * ngram_min,
        dice(&a.char3, &b.char3),
        ratio(lcs_prepared(a, b) as f64, longer),
        ratio(shorter, longer),
        ((longer - shorter) / 20.0).min(1.0),
        ((la + lb) / 2.0 + 1.0).ln() / 4.0,
        ab.extra_weight.max(ba.extra_weight),
        ab.gap_run.max(ba.gap_run),
        ab.extra_count.max(ba.extra_count),
        flag(value_conflict),
        flag((a.negations > 0) != (b.negations > 0)),
        flag(a.attributed != b.attributed),
        ratio(numbers as f64, (a.units.len() + b.units.len()) as f64),
    ]
}

/// What `p` shares with `other`, given the numbers of stem bigrams and
/// trigrams they share.
fn direction(p: &Prepared, other: &Prepared, (bigrams, trigrams): (usize, usize)) -> Direction {
    let (mut shared, mut wordy_shared, mut wordy_total) = (0.0, 0.0, 0.0);
    let (mut common_units, mut content, mut content_shared) = (0usize, 0usize, 0usize);
    for (unit, word) in p.units.iter().zip(&p.words) {
        let exact = has(other, unit.id);
        let hit = exact || (!word.is_empty() && prefix_hit(p, word, other));
        let weight = f64::from(unit.weight);
        if hit {
            shared += weight;
        }
        if !unit.number {
            wordy_total += weight;
            if hit {
                wordy_shared += weight;
            }
        }
        common_units += usize::from(exact);
        if unit.content {
            content += 1;
            content_shared += usize::from(exact);
        }
    }
    let unigram = ratio(common_units as f64, p.units.len() as f64);
    let smoothed = |shared: usize, all: &[u64]| (shared as f64 + 1.0) / (all.len() as f64 + 1.0);
    let ngram = (unigram * smoothed(bigrams, &p.bigrams) * smoothed(trigrams, &p.trigrams)).cbrt();
    let (mut run, mut longest) = (0usize, 0usize);
    for &id in &p.seq {
        if has(other, id) {
            run = 0;
        } else {
            run += 1;
            longest = longest.max(run);
        }
    }
    Direction {
        word_cov: ratio(shared, p.weight),
        wordy_cov: ratio(wordy_shared, wordy_total),
        content_cov: ratio(content_shared as f64, content as f64),
        ngram,
        extra_weight: (p.weight - shared).clamp(0.0, 10.0) / 10.0,
        extra_count: ((content - content_shared) as f64 / 10.0).min(1.0),
        gap_run: (longest as f64 / 10.0).min(1.0),
    }
}

/// Whether `other` has a word that begins `word` or that `word` begins,
/// and whose stem `p` lacks (else it matched exactly elsewhere).
fn prefix_hit(p: &Prepared, word: &str, other: &Prepared) -> bool {
    let Some(key) = head(word) else {
        return false;
    };
    let from = other.heads.partition_point(|&(k, _)| k < key);
    other.heads[from..]
        .iter()
        .take_while(|&&(k, _)| k == key)
        .any(|&(_, i)| {
            let i = i as usize;
            prefix_match(word, &other.words[i]) && !has(p, other.units[i].id)
        })
}

/// Whether `p` has the stem `id`.
fn has(p: &Prepared, id: u64) -> bool {
    p.units.binary_search_by_key(&id, |u| u.id).is_ok()
}

/// 1 for true, 0 for false.
fn flag(x: bool) -> f64 {
    f64::from(u8::from(x))
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

/// [`lcs`] of two prepared texts, with the bit masks prepared once.
fn lcs_prepared(a: &Prepared, b: &Prepared) -> usize {
    let (long, short) = if a.seq.len() >= b.seq.len() {
        (a, b)
    } else {
        (b, a)
    };
    if short.seq.len() <= 64 {
        lcs_with_masks(&long.seq, &short.seq_masks, short.seq.len())
    } else {
        lcs_table(&long.seq, &short.seq)
    }
}
