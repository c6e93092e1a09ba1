//! Analysis of one text into the sorted, hashed sets that
//! [`super::features`] compares. Everything that allocates happens here,
//! once per text.

use std::borrow::Cow;

use crate::span::Span;
use crate::text::tokens::{is_negation, is_stopword, normalize, stem, tokenize, TokenKind};

/// Weight of a stopword without a corpus (content words weigh 1).
pub(super) const STOPWORD_WEIGHT: f32 = 0.2;

/// One distinct stem (or number) of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Unit {
    /// Hash of the stem, or of the number as written.
    pub id: u64,
    /// Rarity weight in `[0, 1]`.
    pub weight: f32,
    /// A content word or a number (not a stopword).
    pub content: bool,
    /// A number, in digits or in words.
    pub number: bool,
}

/// A text analysed once for [`super::Matcher::score`]: weighted stems,
/// the stem sequence, word n-grams and character 3-grams as sorted hash
/// sets, values, negations and attribution.
///
/// A `Prepared` carries the word weights of the [`super::Matcher`] that
/// made it; compare only `Prepared`s made by the same matcher.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Prepared {
    /// Number of words and numbers.
    pub(super) len: usize,
    /// Whether any of them is a content word (not a stopword).
    pub(super) has_content: bool,
    /// Distinct stems, sorted by id.
    pub(super) units: Vec<Unit>,
    /// The normalised word of each unit, for matching by prefix ("Colo" /
    /// "Colorado"); empty for stopwords, numbers and words under 4 letters.
    pub(super) words: Vec<Box<str>>,
    /// The first four bytes of each non-empty word with the word's index,
    /// sorted: words in a prefix relation share them, so a lookup replaces
    /// a scan of every word.
    pub(super) heads: Vec<(u32, u32)>,
    /// Sum of the weights of the units.
    pub(super) weight: f64,
    /// The stem ids in text order, for the longest common subsequence and
    /// the runs of unmatched words.
    pub(super) seq: Vec<u64>,
    /// Bit masks of the positions of each stem id in `seq`, for the
    /// bit-parallel longest common subsequence.
    pub(super) seq_masks: Vec<(u64, u64)>,
    /// Distinct stem bigrams (all words), sorted.
    pub(super) bigrams: Vec<u64>,
    /// Distinct stem trigrams (all words), sorted.
    pub(super) trigrams: Vec<u64>,
    /// Distinct bigrams of the content words (stopwords skipped), sorted.
    pub(super) content_bigrams: Vec<u64>,
    /// Distinct character 3-grams of the normalised words.
    pub(super) char3: Vec<u64>,
    /// Values that must agree: numbers (scaled: "53m" = "53 million"),
    /// weekdays and months, sorted.
    pub(super) values: Vec<u64>,
    /// Number of negations ("not", "never", "n't" …).
    pub(super) negations: u32,
    /// Has an attribution verb ("said", "told", "according" …).
    pub(super) attributed: bool,
    /// Hash of the whole normalised token sequence, punctuation included:
    /// equal for texts that differ only in case, spacing and typography.
    pub(super) exact: u64,
}

impl Prepared {
    /// The stem ids in text order: equal for texts that differ only in
    /// inflection, case, spacing and punctuation.
    pub(crate) fn wording(&self) -> &[u64] {
        &self.seq
    }
}

/// The distinct stem ids of a text, for counting document frequencies; the
/// same ids as [`analyse`] gives.
pub(super) fn stem_ids(text: &str) -> Vec<u64> {
    let mut ids = Vec::new();
    for_each_token(text, Span::new(0, text.len()), |t| {
        if let Some(w) = t.word {
            ids.push(w.id);
        }
    });
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The id of a normalised word's stem.
fn stem_id(normalized: &str) -> u64 {
    hash_str(b's', &stem(normalized))
}

/// Analyses `text[span]`; `weight(id, content)` gives each stem's weight.
pub(super) fn analyse(text: &str, span: Span, weight: impl Fn(u64, bool) -> f32) -> Prepared {
    let mut p = Prepared::default();
    let mut units: Vec<(Unit, Box<str>)> = Vec::new();
    let mut content_seq: Vec<u64> = Vec::new();
    let mut joined = String::new();
    let mut exact = Fnv::new();
    let (mut prev, mut prev2): (Option<u64>, Option<u64>) = (None, None);
    // The last number, with `p.len` just after it, for "53 million".
    let mut last_number: Option<(usize, f64)> = None;
    for_each_token(text, span, |t| {
        exact.write(t.normalized.as_bytes());
        exact.write(&[0xff]);
        p.attributed |= is_attribution(&t.normalized);
        let Some(w) = t.word else {
            return;
        };
        if let (Some(prev2), Some(prev)) = (prev2, prev) {
            p.trigrams.push(mix(prev2, mix(prev, w.id)));
        }
        if let Some(prev) = prev {
            p.bigrams.push(mix(prev, w.id));
        }
        p.seq.push(w.id);
        (prev2, prev) = (prev, Some(w.id));
        if w.content {
            content_seq.push(w.id);
        }
        let prefixable = w.content && w.value.is_none() && t.normalized.chars().count() >= 4;
        units.push((
            Unit {
                id: w.id,
                weight: weight(w.id, w.content),
                content: w.content,
                number: w.numeric,
            },
            if prefixable {
                (&*t.normalized).into()
            } else {
                "".into()
            },
        ));
        match (w.scale, last_number) {
            (Some(factor), Some((after, v))) if after == p.len => {
                if let Some(last) = p.values.last_mut() {
                    *last = value_id(v * factor);
                }
            }
            _ => p.values.extend(w.value),
        }
        p.len += 1;
        last_number = w.number.map(|v| (p.len, v));
        p.negations += u32::from(w.negation);
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(&t.normalized);
    });
    units.sort_by_key(|u| u.0.id);
    units.dedup_by_key(|u| u.0.id);
    p.weight = units.iter().map(|u| f64::from(u.0.weight)).sum();
    (p.units, p.words) = units.into_iter().unzip();
    p.heads = p
        .words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((head(w)?, u32::try_from(i).ok()?)))
        .collect();
    p.heads.sort_unstable();
    p.has_content = !content_seq.is_empty();
    p.content_bigrams = content_seq.windows(2).map(|w| mix(w[0], w[1])).collect();
    let chars: Vec<char> = joined.chars().collect();
    p.char3 = char_grams(&chars, 3);
    for v in [
        &mut p.trigrams,
        &mut p.bigrams,
        &mut p.content_bigrams,
        &mut p.values,
    ] {
        v.sort_unstable();
        v.dedup();
    }
    p.exact = exact.finish();
    p.seq_masks = super::lcs::seq_masks(&p.seq);
    p
}

/// The first four bytes of a word as one key; `None` for shorter words.
pub(super) fn head(word: &str) -> Option<u32> {
    let b: [u8; 4] = word.as_bytes().get(..4)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}

/// Distinct hashed character `n`-grams; a text shorter than `n` is one gram.
fn char_grams(chars: &[char], n: usize) -> Vec<u64> {
    let hash = |w: &[char]| {
        let mut h = Fnv::new();
        for &c in w {
            h.write(&u32::from(c).to_le_bytes());
        }
        h.finish()
    };
    let mut out: Vec<u64> = if chars.is_empty() {
        Vec::new()
    } else if chars.len() < n {
        vec![hash(chars)]
    } else {
        chars.windows(n).map(hash).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// What one token contributes: its normalised form (for the exact hash and
/// the character n-grams) and, for words and numbers, a [`Word`].
struct Tok<'a> {
    normalized: Cow<'a, str>,
    word: Option<Word>,
}

/// A word or number.
#[derive(Clone, Copy)]
struct Word {
    id: u64,
    content: bool,
    /// A value that must agree between two texts (a number, weekday or
    /// month), as an id.
    value: Option<u64>,
    /// The numeric value of a number, in case a "million" follows.
    number: Option<f64>,
    /// "thousand", "million" … as a factor.
    scale: Option<f64>,
    negation: bool,
    /// A number, in digits or words.
    numeric: bool,
}

impl Word {
    fn plain(id: u64, content: bool) -> Word {
        Word {
            id,
            content,
            value: None,
            number: None,
            scale: None,
            negation: false,
            numeric: false,
        }
    }
}

/// Walks the tokens of `text[span]`, classifying each one. A negative
/// contraction gives two words: "wouldn't" → "would", "not".
fn for_each_token(text: &str, span: Span, mut f: impl FnMut(Tok)) {
    for token in tokenize(text, span) {
        let normalized = normalize(token.text(text));
        if token.kind == TokenKind::Number {
            let word = number_token(&normalized);
            f(Tok {
                normalized,
                word: Some(word),
            });
        } else if !token.is_word() {
            let word = (normalized == "%").then(|| Word::plain(hash_str(b's', "percent"), true));
            f(Tok { normalized, word });
        } else if let Some(v) = number_word(&normalized) {
            let word = Word {
                value: Some(value_id(v)),
                number: Some(v),
                numeric: true,
                ..Word::plain(hash_str(b'n', &format!("{v}")), true)
            };
            f(Tok {
                normalized,
                word: Some(word),
            });
        } else {
            let (base, negated) = split_clitic(&normalized);
            let capital = token
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let stop = is_stopword(base) || is_title(base);
            let word = Word {
                value: calendar_word(base, capital).map(|c| hash_str(b'c', c)),
                scale: scale_word(base),
                negation: !negated && is_negation(base),
                ..Word::plain(stem_id(base), !stop)
            };
            // `base` is most often a prefix of the word: cut it there
            // rather than copy it.
            let cut = std::ptr::eq(base.as_ptr(), normalized.as_ptr()).then_some(base.len());
            let other = if cut.is_none() {
                base.to_string()
            } else {
                String::new()
            };
            let normalized = match (cut, normalized) {
                (Some(cut), Cow::Borrowed(s)) => Cow::Borrowed(&s[..cut]),
                (Some(cut), Cow::Owned(mut s)) => {
                    s.truncate(cut);
                    Cow::Owned(s)
                }
                (None, _) => Cow::Owned(other),
            };
            f(Tok {
                normalized,
                word: Some(word),
            });
            if negated {
                f(Tok {
                    normalized: "not".into(),
                    word: Some(Word {
                        negation: true,
                        ..Word::plain(hash_str(b's', "not"), true)
                    }),
                });
            }
        }
    }
}

/// Splits a contraction: `wouldn't` → (`would`, negated), `can't` →
/// (`can`, negated), `they're` → (`they`, no), `he's` → (`he`, no). Other
/// words stay whole (the stemmer drops a possessive `'s`).
fn split_clitic(normalized: &str) -> (&str, bool) {
    if let Some(base) = normalized.strip_suffix("n't").filter(|b| !b.is_empty()) {
        let base = match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            "ai" => "is",
            b => b,
        };
        return (base, true);
    }
    for clitic in ["'re", "'ve", "'ll", "'d", "'m"] {
        if let Some(base) = normalized.strip_suffix(clitic).filter(|b| !b.is_empty()) {
            return (base, false);
        }
    }
    match normalized.strip_suffix("'s") {
        Some(base) if is_stopword(base) => (base, false),
        _ => (normalized, false),
    }
}

/// Words that attribute a statement to someone ("said", "told",
/// "according" …).
fn is_attribution(normalized: &str) -> bool {
    matches!(
        normalized,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "according"
            | "added"
            | "stated"
            | "announced"
            | "reported"
    )
}

/// Titles before a name: they say nothing about the claim.
fn is_title(normalized: &str) -> bool {
    matches!(
        normalized,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "sgt"
            | "capt"
            | "rev"
            | "jr"
            | "sr"
    )
}

/// A number token. Its id (for word overlap) is the number as written,
/// thousands separators dropped (`1,520.15` → `1520.15`); its value is the
/// number it stands for (`53m` = `53 million`, `0335` = `335`, `16th` =
/// `16`); tokens that are not plain numbers (`1990s`, `4x4`) are their own
/// value.
fn number_token(normalized: &str) -> Word {
    let digits: String = normalized.chars().filter(|&c| c != ',').collect();
    let split = digits
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(digits.len(), |(i, _)| i);
    let (num, suffix) = digits.split_at(split);
    let parsed = num.parse::<f64>().ok().filter(|v| v.is_finite());
    let (number, value) = match (parsed, suffix) {
        (Some(v), "" | "st" | "nd" | "rd" | "th") => (Some(v), value_id(v)),
        (Some(v), suffix) => match scale_word(suffix) {
            Some(factor) => (None, value_id(v * factor)),
            None => (None, hash_str(b'v', &digits)),
        },
        (None, _) => (None, hash_str(b'v', &digits)),
    };
    Word {
        value: Some(value),
        number,
        numeric: true,
        ..Word::plain(hash_str(b'n', &digits), true)
    }
}

/// The id of a numeric value, to 7 significant digits.
fn value_id(v: f64) -> u64 {
    hash_str(b'v', &format!("{v:.6e}"))
}

/// Words and suffixes that multiply the number before them.
fn scale_word(normalized: &str) -> Option<f64> {
    Some(match normalized {
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "m" => 1e6,
        "billion" | "billions" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// Number words that stand for a number as digits would ("one" is left
/// out: it is more often a pronoun).
fn number_word(normalized: &str) -> Option<f64> {
    Some(match normalized {
        "zero" => 0.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        _ => return None,
    })
}

/// Weekdays and months: values that must agree like numbers. "March" and
/// "May" count only when capitalised.
fn calendar_word(normalized: &str, capital: bool) -> Option<&'static str> {
    Some(match normalized {
        "monday" => "mon",
        "tuesday" => "tue",
        "wednesday" => "wed",
        "thursday" => "thu",
        "friday" => "fri",
        "saturday" => "sat",
        "sunday" => "sun",
        "january" | "jan" => "jan",
        "february" | "feb" => "feb",
        "march" if capital => "mar",
        "april" | "apr" => "apr",
        "may" if capital => "may",
        "june" | "jun" => "jun",
        "july" | "jul" => "jul",
        "august" | "aug" => "aug",
        "september" | "sep" | "sept" => "sep",
        "october" | "oct" => "oct",
        "november" | "nov" => "nov",
        "december" | "dec" => "dec",
        _ => return None,
    })
}

/// 64-bit FNV-1a: stable ids without a table.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash of `s` in namespace `tag`, so that a stem and a value never share
/// an id.
fn hash_str(tag: u8, s: &str) -> u64 {
    let mut h = Fnv::new();
    h.write(&[tag]);
    h.write(s.as_bytes());
    h.finish()
}

/// An ordered pair of ids as one id.
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.rotate_left(29) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 31;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 29)
}
