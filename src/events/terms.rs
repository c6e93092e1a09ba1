//! What a report is made of for grouping: weighted terms, how common each
//! term is across the reports seen, and the unit vectors compared.

use std::collections::HashMap;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::extract::Extraction;
use crate::lexicon::news::COMMON;
use crate::span::Span;
use crate::text::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};

/// A term: a 32-bit hash of a word stem or a number. Two terms sharing a
/// hash only add a little noise to one similarity.
pub(crate) type Term = u32;

/// Sparse weights sorted by term, each term once.
pub(crate) type Vector = Vec<(Term, f32)>;

/// Statements at the start of a report: the lead says who did what.
const LEAD_STATEMENTS: usize = 3;
/// Weight of a term occurrence in the lead.
const LEAD_WEIGHT: f32 = 2.0;
/// Weight of a capitalised word inside a sentence (a name).
const NAME_WEIGHT: f32 = 2.0;
/// Pseudo-reports of a background corpus added to every count when
/// weighing terms, so that weights mean the same on three reports as on a
/// million: at most this many, and never more than the stream's
/// [`df_horizon`](super::EventConfig::df_horizon), which the recent counts
/// must be able to outweigh. In the background a word of the built-in
/// common vocabulary ([`common`]) is in [`PRIOR_COMMON_SHARE`] of the
/// reports and any other word or number in [`PRIOR_RARE_SHARE`]: on a
/// small set, where every shared word is in every report, a town's name
/// still outweighs "officials", and the counts of the set itself take over
/// as it grows past the prior.
const PRIOR_DOCS: f64 = 1000.0;
/// Share of the background reports holding a given common word.
const PRIOR_COMMON_SHARE: f64 = 0.1;
/// Share of the background reports holding any other given term.
const PRIOR_RARE_SHARE: f64 = 0.001;

/// Added to every inverse document frequency: when one story fills the
/// corpus, every word is "common", and without a floor a one-word edit
/// between copies would outweigh all they share.
const IDF_FLOOR: f64 = 0.25;

/// The weighted terms of a report before corpus weighting: stems of the
/// content words of its headline, statements and quotes, and its numbers
/// ("2016", "6.1"). Names (capitalised words after a sentence's first
/// word) and the lead count double. Sorted by term.
///
/// `text`, when given, is the report's text: the statements are read at
/// their spans there (a pipeline that keeps the reports drops the
/// statements' own copies), else from [`Statement::text`](crate::Statement::text).
pub(crate) fn bag(e: &Extraction, text: Option<&str>, words: &mut Lexicon) -> Vector {
    let mut out = Vec::new();
    if let Some(title) = &e.title {
        add_text(&mut out, words, title, 1.0);
    }
    for (i, s) in e.statements.iter().enumerate() {
        let weight = if i < LEAD_STATEMENTS {
            LEAD_WEIGHT
        } else {
            1.0
        };
        let said = text.and_then(|t| t.get(s.span.range())).unwrap_or(&s.text);
        add_text(&mut out, words, said, weight);
    }
    for q in &e.quotes {
        add_text(&mut out, words, &q.text, 1.0);
    }
    merge_sorted(out)
}

fn add_text(out: &mut Vector, words: &mut Lexicon, text: &str, weight: f32) {
    let mut initial = true;
    for token in tokenize(text, Span::new(0, text.len())) {
        let raw = token.text(text);
        match token.kind {
            TokenKind::Word => {
                let first = std::mem::replace(&mut initial, false);
                let Some(t) = words.term(raw) else {
                    continue;
                };
                let name = !first && raw.starts_with(char::is_uppercase);
                out.push((t, if name { weight * NAME_WEIGHT } else { weight }));
            }
            TokenKind::Number if raw.len() >= 2 => {
                out.push((term(b'#', normalize(raw).as_bytes()), weight));
            }
            _ => {}
        }
    }
}

/// Word forms already seen and their terms (`None` for stop words and
/// single letters), so that each form is normalised and stemmed once: a
/// memo of a pure function, emptied when it reaches [`Lexicon::CAP`] forms.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    forms: rustc_hash::FxHashMap<Box<str>, Option<Term>>,
}

impl Lexicon {
    const CAP: usize = 1 << 18;

    fn term(&mut self, raw: &str) -> Option<Term> {
        if let Some(&t) = self.forms.get(raw) {
            return t;
        }
        let t = word_term(raw);
        if self.forms.len() >= Self::CAP {
            self.forms.clear();
        }
        self.forms.insert(raw.into(), t);
        t
    }
}

/// The term of a word: its stem, or `None` for stop words and single
/// letters.
pub(crate) fn word_term(raw: &str) -> Option<Term> {
    let word = normalize(raw);
    (word.chars().count() >= 2 && !is_stopword(&word)).then(|| term(b'w', stem(&word).as_bytes()))
}

/// FNV-1a: stable everywhere, and much faster than the default hasher on
/// the numeric keys (terms, event ids) of the index's tables.
pub(crate) struct Fnv(u64);

/// Builds [`Fnv`] hashers.
pub(crate) type FnvBuild = BuildHasherDefault<Fnv>;

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// [`Fnv`] over a kind byte and the term's bytes, cut to 32 bits: stable
/// across runs and machines, so saved indexes agree.
fn term(kind: u8, bytes: &[u8]) -> Term {
    let mut h = Fnv::default();
    h.write(&[kind]);
    h.write(bytes);
    h.finish() as Term
}

/// Sorts by term and adds up the weights of equal terms.
fn merge_sorted(mut v: Vector) -> Vector {
    v.sort_unstable_by_key(|&(t, _)| t);
    let mut out: Vector = Vec::with_capacity(v.len());
    for (t, w) in v {
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 += w,
            _ => out.push((t, w)),
        }
    }
    out
}

/// The sum of two sorted vectors.
pub(crate) fn add(a: &[(Term, f32)], b: &[(Term, f32)]) -> Vector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The inner product of two sorted vectors: a binary search per entry of
/// the shorter one when the other is much longer, else one merge pass.
pub(crate) fn dot(a: &[(Term, f32)], b: &[(Term, f32)]) -> f64 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() * 8 < long.len() {
        return short
            .iter()
            .filter_map(|&(t, w)| {
                long.binary_search_by_key(&t, |&(u, _)| u)
                    .ok()
                    .map(|k| f64::from(w) * f64::from(long[k].1))
            })
            .sum();
    }
    // Branch-free steps: which side advances is data, not control flow.
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        let ((s, v), (t, w)) = (a[i], b[j]);
        sum += if s == t { v * w } else { 0.0 };
        i += usize::from(s <= t);
        j += usize::from(t <= s);
    }
    f64::from(sum)
}

/// The `k` heaviest terms of a vector, ties to the smaller term, with
/// their weights, heaviest first.
pub(crate) fn top_terms(v: &[(Term, f32)], k: usize) -> Vector {
    let mut top = v.to_vec();
    keep_heaviest(&mut top, k);
    top.sort_unstable_by(by_weight);
    top
}

/// Cuts `v` to its `k` heaviest entries (ties to the smaller term), in no
/// particular order.
pub(crate) fn keep_heaviest(v: &mut Vector, k: usize) {
    if v.len() > k {
        v.select_nth_unstable_by(k, by_weight);
        v.truncate(k);
    }
}

fn by_weight(a: &(Term, f32), b: &(Term, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// How many reports hold each term: the corpus side of the weights.
///
/// Counts decay: once more than twice `horizon` reports have been counted,
/// every count is halved and terms whose count falls under one half are
/// forgotten, so on an endless stream the table describes the recent past
/// and its size stays bounded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct TermStats {
    docs: f64,
    #[serde(with = "sorted_counts")]
    df: HashMap<Term, f32, FnvBuild>,
}

impl TermStats {
    /// Counts a batch: `docs` reports in which each term occurs as often
    /// as `counts` says, then decays (see [`TermStats::decay`]). A batch
    /// is counted as a whole, so its counts do not depend on its order and
    /// are the same wherever its reports were counted.
    pub(crate) fn add_counts(
        &mut self,
        docs: u64,
        counts: impl IntoIterator<Item = (Term, u64)>,
        horizon: usize,
    ) {
        self.docs += docs as f64;
        for (t, n) in counts {
            *self.df.entry(t).or_default() += n as f32;
        }
        self.decay(horizon);
    }

    /// Counts one report's terms.
    #[cfg(test)]
    pub(crate) fn add(&mut self, bag: &[(Term, f32)], horizon: usize) {
        self.add_counts(1, bag.iter().map(|&(t, _)| (t, 1)), horizon);
    }

    /// Halves every count (forgetting those that fall under one half)
    /// while more than twice `horizon` reports are counted.
    fn decay(&mut self, horizon: usize) {
        while self.docs > 2.0 * horizon.max(1) as f64 {
            self.docs /= 2.0;
            self.df.retain(|_, n| {
                *n /= 2.0;
                *n >= 0.5
            });
        }
    }

    /// The counts of a fresh index after one batch of `docs` reports, for
    /// the terms of `bag` only, where `count(t)` is the number of the
    /// batch's reports with `t`: all that [`TermStats::vector`] reads of
    /// the whole batch's table to weigh `bag`.
    pub(crate) fn for_bag(
        docs: u64,
        bag: &[(Term, f32)],
        count: impl Fn(Term) -> u64,
        horizon: usize,
    ) -> TermStats {
        let mut stats = TermStats::default();
        stats.add_counts(docs, bag.iter().map(|&(t, _)| (t, count(t))), horizon);
        stats
    }

    /// Adds the counts of another table (another partition of a stream).
    pub(crate) fn merge(&mut self, other: TermStats) {
        self.docs += other.docs;
        for (t, n) in other.df {
            *self.df.entry(t).or_default() += n;
        }
    }

    /// Number of reports counted (decayed).
    pub(crate) fn docs(&self) -> f64 {
        self.docs
    }

    /// Number of distinct terms remembered.
    pub(crate) fn len(&self) -> usize {
        self.df.len()
    }

    /// Inverse document frequency, smoothed by the background of
    /// [`PRIOR_DOCS`]; never below [`IDF_FLOOR`].
    fn idf(&self, t: Term, horizon: usize) -> f64 {
        let df = f64::from(self.df.get(&t).copied().unwrap_or(0.0));
        let prior = PRIOR_DOCS.min(horizon.max(1) as f64);
        let share = if is_common(t) {
            PRIOR_COMMON_SHARE
        } else {
            PRIOR_RARE_SHARE
        };
        ((self.docs + prior) / (df + prior * share)).ln().max(0.0) + IDF_FLOOR
    }

    /// The unit vector of a bag: sublinear term frequency times inverse
    /// document frequency, cut to the `max_terms` heaviest terms; `horizon`
    /// as in [`TermStats::add`].
    pub(crate) fn vector(&self, bag: &[(Term, f32)], max_terms: usize, horizon: usize) -> Vector {
        let mut v: Vector = bag
            .iter()
            .map(|&(t, tf)| {
                (
                    t,
                    ((1.0 + f64::from(tf).ln()) * self.idf(t, horizon)) as f32,
                )
            })
            .filter(|&(_, w)| w > 0.0)
            .collect();
        keep_heaviest(&mut v, max_terms.max(1));
        v.sort_unstable_by_key(|&(t, _)| t);
        let norm = v
            .iter()
            .map(|&(_, w)| f64::from(w).powi(2))
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w = (f64::from(*w) / norm) as f32;
            }
        }
        v
    }
}

/// Serialises a count table as a list sorted by term, so the same state
/// always gives the same bytes.
mod sorted_counts {
    use std::collections::HashMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{FnvBuild, Term};

    pub(super) fn serialize<S: Serializer>(
        map: &HashMap<Term, f32, FnvBuild>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut list: Vec<(Term, f32)> = map.iter().map(|(&t, &n)| (t, n)).collect();
        list.sort_unstable_by_key(|&(t, _)| t);
        list.serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<HashMap<Term, f32, FnvBuild>, D::Error> {
        Ok(Vec::<(Term, f32)>::deserialize(d)?.into_iter().collect())
    }
}

/// The terms of the words any news story may use ([`COMMON`]).
fn terms() -> &'static HashSet<Term, FnvBuild> {
    static SET: OnceLock<HashSet<Term, FnvBuild>> = OnceLock::new();
    SET.get_or_init(|| COMMON.iter().filter_map(|w| word_term(w)).collect())
}

/// Whether a term is one of the words any story uses.
pub(crate) fn is_common(t: Term) -> bool {
    terms().contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Report};

    fn weight_of(bag: &[(Term, f32)], kind: u8, s: &str) -> f32 {
        let t = term(kind, s.as_bytes());
        bag.iter().find(|&&(u, _)| u == t).map_or(0.0, |&(_, w)| w)
    }

    #[test]
    fn bag_weights() {
        // (text, kind, stem or number, weight): the first three statements
        // are the lead (x2), names inside a sentence count double again.
        let text = "Officials said the Zhangjiakou mine flooded.\n\n\
                    Rescuers reached the mine.\n\n\
                    It held 12 miners.\n\n\
                    Later, Zhangjiakou officials thanked the rescuers.";
        let bag = bag(
            &extract(&Report::new("r", text)),
            None,
            &mut Lexicon::default(),
        );
        let cases: &[(u8, &str, f32)] = &[
            (b'w', "mine", 4.0),              // twice in the lead
            (b'w', "zhangjiakou", 4.0 + 2.0), // name in the lead, name later
            (b'w', "offici", 2.0 + 1.0),      // sentence-initial: not a name
            (b'w', "rescuer", 2.0 + 1.0),
            (b'#', "12", 2.0),
            (b'w', "the", 0.0), // stop word
            (b'w', "said", 0.0),
        ];
        for &(kind, s, want) in cases {
            assert_eq!(weight_of(&bag, kind, s), want, "{s}");
        }
    }

    #[test]
    fn vectors_are_unit_length_and_cut() {
        let mut stats = TermStats::default();
        let bag: Vector = (0..50).map(|t| (t, 1.0 + t as f32)).collect();
        stats.add(&bag, 100);
        for (max, len) in [(10, 10), (100, 50)] {
            let v = stats.vector(&bag, max, 100);
            assert_eq!(v.len(), len);
            assert!(v.windows(2).all(|w| w[0].0 < w[1].0));
            let norm: f64 = v.iter().map(|&(_, w)| f64::from(w).powi(2)).sum();
            assert!((norm - 1.0).abs() < 1e-5);
        }
    }

    #[test]
    fn counts_decay_and_stay_bounded() {
        let mut stats = TermStats::default();
        // Every report has one term of its own and one shared term.
        for i in 0..10_000u32 {
            stats.add(&[(0, 1.0), (i + 1, 1.0)], 100);
        }
        assert!(stats.docs <= 200.0);
        assert!(stats.len() <= 1 + 2 * 200);
        // The shared term stays common, a report's own term stays rare
        // (the background still weighs as much as the decayed counts).
        assert!(stats.idf(0, 100) < 0.7 + IDF_FLOOR);
        assert!(stats.idf(10_000, 100) > 4.0);
        // Once the corpus outweighs the background prior, its counts rule.
        let mut big = TermStats::default();
        for i in 0..30_000u32 {
            big.add(&[(0, 1.0), (i + 1, 1.0)], 10_000);
        }
        assert!(big.idf(0, 10_000) < 0.1 + IDF_FLOOR);
        assert!(big.idf(30_000, 10_000) > 8.0);
        // On three reports the background says which words are common.
        let mut small = TermStats::default();
        let [name, said] = [word_term("Zhangjiakou"), word_term("officials")].map(Option::unwrap);
        for _ in 0..3 {
            small.add(&[(name, 1.0), (said, 1.0)], 50_000);
        }
        assert!(small.idf(name, 50_000) > 2.0 * small.idf(said, 50_000));
    }

    #[test]
    fn sums_and_products() {
        let a: Vector = vec![(1, 1.0), (3, 2.0)];
        let b: Vector = vec![(2, 1.0), (3, 0.5)];
        assert_eq!(add(&a, &b), vec![(1, 1.0), (2, 1.0), (3, 2.5)]);
        assert_eq!(dot(&a, &b), 1.0);
        let long: Vector = (0..100).map(|t| (t, 1.0)).collect();
        assert_eq!(dot(&a, &long), 3.0);
        assert_eq!(top_terms(&add(&a, &b), 2), vec![(3, 2.5), (1, 1.0)]);
    }

    #[test]
    fn general_words_are_common_and_names_are_not() {
        for (word, common) in [
            ("officials", true),
            ("Reported", true),
            ("killing", true),
            ("Wednesday", true),
            ("zhangjiakou", false),
            ("earthquake", false),
            ("Lagarde", false),
        ] {
            let t = word_term(word).unwrap();
            assert_eq!(is_common(t), common, "{word}");
        }
    }
}
