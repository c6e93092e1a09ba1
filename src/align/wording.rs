//! Comparing two versions of one remark word by word, telling a real
//! change of words from an orthographic one.
//!
//! A reader on deadline must be able to trust a wording discrepancy, so
//! what no careful reader would call a different wording is folded away
//! before comparing: case, punctuation, quote-mark style, accents,
//! spelling variants (colour/color), abbreviations (Nov./November),
//! numerals for the same number (5th/fifth), contractions (I'm/I am),
//! hyphenation (big-game/big game), editorial brackets. An omission marked
//! by an ellipsis, or one of a clause, is a cut (a truncation), not a
//! change of words.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::extract::facts::lexicon::{ordinal_word, tens_word, unit_word};
use crate::span::Span;
use crate::text::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};
use crate::word_diff::{WordDiff, WordOp, WordTag};

/// One word of a version, in the form versions are compared in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Form {
    /// Folded form: lower case, no accents, contractions expanded,
    /// abbreviations and number words written out one way.
    pub key: String,
    /// The original token this form comes from (several forms can share
    /// one: "I'm" gives "i" and "am").
    pub span: Span,
    /// Inside square brackets: words an editor put in.
    pub editorial: bool,
    /// An ellipsis stands right before this word: something was left out.
    pub after_ellipsis: bool,
}

/// The forms of `text[span]`, in order.
pub(crate) fn forms(text: &str, span: Span) -> Vec<Form> {
    let tokens = tokenize(text, span);
    let mut out: Vec<Form> = Vec::with_capacity(tokens.len());
    let mut depth = 0usize;
    let mut dots = 0usize;
    let mut ellipsis = false;
    for (i, t) in tokens.iter().enumerate() {
        let raw = t.text(text);
        if t.kind == TokenKind::Punct && raw == "&" {
            out.push(Form {
                key: "and".to_string(),
                span: t.span,
                editorial: depth > 0,
                after_ellipsis: std::mem::take(&mut ellipsis),
            });
            continue;
        }
        if t.kind == TokenKind::Punct {
            match raw {
                "[" => depth += 1,
                "]" => depth = depth.saturating_sub(1),
                "…" => ellipsis = true,
                "." => {
                    dots += 1;
                    if dots >= 3 {
                        ellipsis = true;
                    }
                }
                _ => {}
            }
            if raw != "." {
                dots = 0;
            }
            continue;
        }
        dots = 0;
        let followed_by_dot = tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Punct && n.text(text) == ".");
        let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
        let word = fold_accents(&normalize(raw));
        let word = word.trim_end_matches(['\'', '-']).to_string();
        let mut push = |key: String, ellipsis: &mut bool| {
            out.push(Form {
                key,
                span: t.span,
                editorial: depth > 0,
                after_ellipsis: std::mem::take(ellipsis),
            });
        };
        if capitalised && followed_by_dot {
            if let Some(full) = abbreviation(&word) {
                push(full.to_string(), &mut ellipsis);
                continue;
            }
        }
        for piece in expand(&word) {
            push(piece, &mut ellipsis);
        }
    }
    out
}

/// What the comparison of two versions found.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Comparison {
    /// Some words differ in a way a careful reader would notice.
    pub reworded: bool,
    /// Content the first version has inside the compared stretch and the
    /// second leaves out (marked by an ellipsis, or a clause long).
    pub cut_from_first: Vec<Span>,
    /// The same, left out of the first.
    pub cut_from_second: Vec<Span>,
    /// The word changes from the first to the second, spans into the two
    /// texts compared: equal runs (orthographic changes included), and the
    /// real changes marked. Extent, and orthographic words only the first
    /// has, are left out.
    pub ops: Vec<WordOp>,
}

/// An omission of this many words or more (or of two content words) is a
/// cut, not a change of wording.
const CUT_WORDS: usize = 4;

/// Compares version `a` (its words, as [`forms`] gives them) with version
/// `b`. Words added or dropped at either end are not looked at: the
/// caller has cut both to the stretch they share. `woven`: one version is
/// a few words woven into the reporter's sentence, whose grammar may bend
/// a word ("I look forward" quoted as he "looks forward").
pub(crate) fn compare(a: &[Form], b: &[Form], woven: bool) -> Comparison {
    let a_keys: Vec<&str> = a.iter().map(|f| f.key.as_str()).collect();
    let b_keys: Vec<&str> = b.iter().map(|f| f.key.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &a_keys, &b_keys);
    let mut out = Comparison::default();
    let last = ops.len().saturating_sub(1);
    for (k, op) in ops.iter().enumerate() {
        let (old, new) = match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                out.ops.push(WordOp {
                    tag: WordTag::Equal,
                    from: run_span(&a[old_index..old_index + len])
                        .unwrap_or_else(|| gap(a, old_index)),
                    to: run_span(&b[new_index..new_index + len])
                        .unwrap_or_else(|| gap(b, new_index)),
                });
                continue;
            }
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        let (old_forms, new_forms) = (&a[old.clone()], &b[new.clone()]);
        let at_edge = k == 0 || k == last;
        let change = classify(a, old.clone(), b, new.clone(), at_edge, woven);
        // Where an empty side would be: after the words before it.
        let from = run_span(old_forms).unwrap_or_else(|| gap(a, old.start));
        let to = run_span(new_forms).unwrap_or_else(|| gap(b, new.start));
        let tag = match change {
            Change::Orthographic if new_forms.is_empty() => continue,
            Change::Orthographic => WordTag::Equal,
            Change::Extent => continue,
            Change::CutFromSecond => {
                out.cut_from_second.push(from);
                WordTag::Removed
            }
            Change::CutFromFirst => {
                out.cut_from_first.push(to);
                WordTag::Added
            }
            Change::BothCut => {
                out.cut_from_second.push(from);
                out.cut_from_first.push(to);
                WordTag::Replaced
            }
            Change::Reworded => {
                out.reworded = true;
                match (old_forms.is_empty(), new_forms.is_empty()) {
                    (false, false) => WordTag::Replaced,
                    (false, true) => WordTag::Removed,
                    _ => WordTag::Added,
                }
            }
        };
        out.ops.push(WordOp { tag, from, to });
    }
    out
}

/// The changes `ops` found between the texts `from_text` and `to_text`
/// as a [`WordDiff`] between two quotations: `from` and `to` are their
/// spans, whose texts the diff holds and indexes.
pub(crate) fn word_diff(
    ops: &[WordOp],
    from_text: &str,
    from: Span,
    to_text: &str,
    to: Span,
) -> WordDiff {
    let shift = |s: Span, by: Span| {
        Span::new(
            s.start.saturating_sub(by.start),
            s.end.saturating_sub(by.start),
        )
    };
    WordDiff {
        from: from.text(from_text).to_string(),
        to: to.text(to_text).to_string(),
        ops: ops
            .iter()
            .map(|op| WordOp {
                tag: op.tag,
                from: shift(op.from, from),
                to: shift(op.to, to),
            })
            .collect(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// Not a change a reader would notice.
    Orthographic,
    /// Words one version adds at an end of the shared stretch.
    Extent,
    /// `b` leaves out a stretch of `a`.
    CutFromSecond,
    /// `a` leaves out a stretch of `b`.
    CutFromFirst,
    /// Each version has a stretch the other leaves out: two cuts, not a
    /// rewording ("… again. This is so much bigger" against "… again by
    /// making that differentiation").
    BothCut,
    /// Other words.
    Reworded,
}

fn classify(
    a: &[Form],
    old: std::ops::Range<usize>,
    b: &[Form],
    new: std::ops::Range<usize>,
    at_edge: bool,
    woven: bool,
) -> Change {
    let (x, y) = (&a[old.clone()], &b[new.clone()]);
    let joined = |f: &[Form]| f.iter().map(|w| w.key.as_str()).collect::<String>();
    // "big-game" against "big game", "e-mail" against "email".
    if joined(x) == joined(y) {
        return Change::Orthographic;
    }
    if x.len() == y.len()
        && x.iter()
            .zip(y)
            .all(|(p, q)| spelling_variant(&p.key, &q.key))
    {
        return Change::Orthographic;
    }
    if woven {
        // Same content words, inflected or with a pronoun dropped.
        let content = |f: &[Form]| -> Vec<String> {
            f.iter()
                .filter(|w| !is_stopword(&w.key))
                .map(|w| stem(&w.key))
                .collect()
        };
        let (cx, cy) = (content(x), content(y));
        if !cx.is_empty() && cx == cy && (at_edge || x.len() == y.len()) {
            return Change::Orthographic;
        }
    }
    // An editor's insertion or substitution: "[the senator]" for "he".
    let editorial = |f: &[Form]| !f.is_empty() && f.iter().all(|w| w.editorial);
    if editorial(x) || editorial(y) {
        return Change::Orthographic;
    }
    let long_enough =
        |f: &[Form]| f.len() >= CUT_WORDS || f.iter().filter(|w| !is_stopword(&w.key)).count() >= 2;
    let shared = x
        .iter()
        .any(|p| y.iter().any(|q| stem(&p.key) == stem(&q.key)));
    if long_enough(x) && long_enough(y) && !shared {
        return Change::BothCut;
    }
    if x.is_empty() || y.is_empty() {
        if at_edge {
            return Change::Extent;
        }
        let (gone, shorter, at) = if y.is_empty() {
            (x, b, new.start)
        } else {
            (y, a, old.start)
        };
        // The shorter version marks the gap with an ellipsis.
        let marked = shorter.get(at).is_some_and(|f| f.after_ellipsis);
        let content = gone.iter().filter(|w| !is_stopword(&w.key)).count();
        if marked || gone.len() >= CUT_WORDS || content >= 2 {
            return if y.is_empty() {
                Change::CutFromSecond
            } else {
                Change::CutFromFirst
            };
        }
    }
    Change::Reworded
}

/// The span of a run of forms, from its first word to its last (one
/// token may give several forms; it is covered once); `None` for no run.
fn run_span(run: &[Form]) -> Option<Span> {
    Some(Span::new(run.first()?.span.start, run.last()?.span.end))
}

/// The empty span where words would stand before form `at` of a version:
/// right after the form before it.
fn gap(forms: &[Form], at: usize) -> Span {
    let pos = match at.checked_sub(1).and_then(|i| forms.get(i)) {
        Some(before) => before.span.end,
        None => forms.first().map_or(0, |f| f.span.start),
    };
    Span::new(pos, pos)
}

/// Two spellings of one word: British and American (colour/color,
/// organise/organize, centre/center, travelled/traveled, defence/defense,
/// catalogue/catalog), or the same word with a possessive.
fn spelling_variant(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long.len() < 5 {
        return false;
    }
    let swaps: &[(&str, &str)] = &[
        ("our", "or"),
        ("ise", "ize"),
        ("isa", "iza"),
        ("ising", "izing"),
        ("yse", "yze"),
        ("tre", "ter"),
        ("bre", "ber"),
        ("ll", "l"),
        ("ence", "ense"),
        ("ogue", "og"),
        ("ae", "e"),
        ("oe", "e"),
        ("mme", "m"),
        ("grey", "gray"),
        ("'s", ""),
    ];
    swaps.iter().any(|&(from, to)| {
        let one_way = |x: &str, y: &str| {
            x.match_indices(from)
                .any(|(i, _)| i > 0 && format!("{}{to}{}", &x[..i], &x[i + from.len()..]) == y)
        };
        one_way(long, short) || one_way(short, long)
    })
}

/// A capitalised abbreviation followed by a full stop, written out.
fn abbreviation(word: &str) -> Option<&'static str> {
    Some(match word {
        "jan" => "january",
        "feb" => "february",
        "mar" => "march",
        "apr" => "april",
        "jun" => "june",
        "jul" => "july",
        "aug" => "august",
        "sep" | "sept" => "september",
        "oct" => "october",
        "nov" => "november",
        "dec" => "december",
        "mon" => "monday",
        "tue" | "tues" => "tuesday",
        "wed" => "wednesday",
        "thu" | "thur" | "thurs" => "thursday",
        "fri" => "friday",
        "sat" => "saturday",
        "sun" => "sunday",
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "sgt" => "sergeant",
        "capt" => "captain",
        "adm" => "admiral",
        "dept" => "department",
        "govt" => "government",
        "pres" => "president",
        "prof" => "professor",
        "atty" => "attorney",
        "mt" => "mount",
        "ft" => "fort",
        "corp" => "corporation",
        "assn" => "association",
        _ => return None,
    })
}

/// One word's forms: contractions expanded, number words and ordinals
/// written as digits, "U.S." as "us".
fn expand(word: &str) -> Vec<String> {
    let word = word.replace('.', "");
    if let Some(n) = number_word(&word) {
        return vec![n];
    }
    let contractions: &[(&str, &[&str])] = &[
        ("won't", &["will", "not"]),
        ("can't", &["can", "not"]),
        ("cannot", &["can", "not"]),
        ("shan't", &["shall", "not"]),
        ("ain't", &["is", "not"]),
        ("let's", &["let", "us"]),
        ("y'all", &["you", "all"]),
    ];
    if let Some((_, parts)) = contractions.iter().find(|(w, _)| *w == word) {
        return parts.iter().map(|p| p.to_string()).collect();
    }
    let suffixes: &[(&str, &str)] = &[
        ("n't", "not"),
        ("'re", "are"),
        ("'ve", "have"),
        ("'ll", "will"),
        ("'m", "am"),
        ("'d", "would"),
    ];
    for &(suffix, full) in suffixes {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return vec![stem.to_string(), full.to_string()];
            }
        }
    }
    // "it's", "that's", "what's": the verb ("he's" may be "has"; both
    // readings are one wording).
    if let Some(stem) = word.strip_suffix("'s") {
        if matches!(
            stem,
            "it" | "that" | "what" | "there" | "here" | "he" | "she" | "who" | "where" | "how"
        ) {
            return vec![stem.to_string(), "is".to_string()];
        }
    }
    vec![word]
}

/// Number words and ordinals as digits: "five", "fifth", "5th" → "5";
/// digit groups without separators ("1,000" → "1000"). The number words
/// are the fact scanner's.
fn number_word(word: &str) -> Option<String> {
    if let Some(n) = unit_word(word)
        .or_else(|| tens_word(word))
        .or_else(|| ordinal_word(word))
    {
        return Some((n as u64).to_string());
    }
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = word.trim_end_matches(['s', 't', 'h', 'n', 'd', 'r']);
        let digits = digits.replace(',', "");
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Some(digits);
        }
    }
    None
}

/// Latin letters without their accents ("José" and "Jose" are one name).
fn fold_accents(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            'ł' => 'l',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, b: &str) -> Comparison {
        let fa = forms(a, Span::new(0, a.len()));
        let fb = forms(b, Span::new(0, b.len()));
        compare(&fa, &fb, false)
    }

    /// The marked string of the changes from `a` to `b`.
    fn diff(a: &str, b: &str) -> String {
        let c = cmp(a, b);
        word_diff(&c.ops, a, Span::new(0, a.len()), b, Span::new(0, b.len())).to_string()
    }

    #[test]
    fn orthography_is_not_a_wording_difference() {
        let same: &[(&str, &str)] = &[
            ("We will WIN, together!", "we will win together"),
            ("the colour of our harbour", "the color of our harbor"),
            (
                "we must organise the defence",
                "we must organize the defense",
            ),
            ("He travelled to the centre", "He traveled to the center"),
            (
                "It happened on Nov. 5 in the Senate",
                "It happened on November 5th in the Senate",
            ),
            ("Sen. Grassley's staff", "Senator Grassley's staff"),
            ("thirty people came", "30 people came"),
            ("the fifth time", "the 5th time"),
            ("I'm sure we can't lose", "I am sure we cannot lose"),
            ("it's a big-game trophy", "it is a big game trophy"),
            ("[He] went home", "Obama went home"),
            ("José Martí said", "Jose Marti said"),
            ("“Stop lying!”", "stop lying"),
            ("we’re ready", "we're ready"),
        ];
        for (a, b) in same {
            let c = cmp(a, b);
            assert!(!c.reworded, "{a:?} vs {b:?}: {c:?}");
            assert!(
                c.cut_from_first.is_empty() && c.cut_from_second.is_empty(),
                "{a:?} vs {b:?}: {c:?}"
            );
        }
    }

    #[test]
    fn other_words_are_a_wording_difference() {
        let differ: &[(&str, &str, &str)] = &[
            (
                "We reject his visit",
                "We reject his message",
                "We reject his [-visit-]{+message+}",
            ),
            (
                "who had expressed their concerns",
                "who have expressed their concerns",
                "who [-had-]{+have+} expressed their concerns",
            ),
            (
                "something very important",
                "something important",
                "something [-very-] important",
            ),
            (
                "I used money I shouldn't have used",
                "used money that should have been used",
                "",
            ),
            ("four days", "for days", ""),
        ];
        for (a, b, want) in differ {
            let c = cmp(a, b);
            assert!(c.reworded, "{a:?} vs {b:?}: {c:?}");
            if !want.is_empty() {
                assert_eq!(diff(a, b), *want);
            }
        }
    }

    #[test]
    fn woven_words_may_bend_to_the_sentence() {
        let (a, b) = ("I look forward to it", "looks forward to it");
        let (fa, fb) = (
            forms(a, Span::new(0, a.len())),
            forms(b, Span::new(0, b.len())),
        );
        assert!(!compare(&fa, &fb, true).reworded);
        assert!(compare(&fa, &fb, false).reworded);
        assert!(!cmp("Comey & others", "Comey and others").reworded);
    }

    #[test]
    fn an_omission_inside_is_a_cut() {
        let c = cmp(
            "We have learned something important. And you exemplify it. Whatever we think",
            "We have learned something important … Whatever we think",
        );
        assert!(!c.reworded, "{c:?}");
        assert_eq!(c.cut_from_second.len(), 1);
        let c = cmp(
            "Let us wait, since the permits are on hold until further notice, and then decide",
            "Let us wait and then decide",
        );
        assert!(!c.reworded, "{c:?}");
        assert_eq!(c.cut_from_second.len(), 1);
    }

    #[test]
    fn diffs_mark_only_real_changes() {
        assert_eq!(
            diff("exclusively trusting nature", "extremely trusting nature"),
            "[-exclusively-]{+extremely+} trusting nature"
        );
        assert_eq!(diff("same", "same"), "same");
        assert_eq!(
            diff("joint exercises", "joint exercises,"),
            "joint exercises"
        );
        // Orthographic runs show `b`'s words; one `a` alone has is dropped.
        assert_eq!(
            diff("We will WIN, together", "we will win together"),
            "we will win together"
        );
        assert_eq!(diff("[He] went home", "went home"), "went home");
    }

    #[test]
    fn different_stretches_are_two_cuts() {
        let c = cmp(
            "We will do it again. This is so much bigger than politics.",
            "We will do it again by making that differentiation.",
        );
        assert!(!c.reworded, "{c:?}");
        assert_eq!((c.cut_from_first.len(), c.cut_from_second.len()), (1, 1));
    }

    #[test]
    fn words_beyond_either_end_are_extent() {
        let c = cmp(
            "useful information",
            "regularly exchange useful information today",
        );
        assert!(!c.reworded && c.cut_from_first.is_empty(), "{c:?}");
        assert_eq!(
            diff(
                "useful information",
                "regularly exchange useful information today"
            ),
            "useful information"
        );
    }
}
