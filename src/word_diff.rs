//! The word-level changes between two versions of one remark, as data:
//! operations with byte spans into each version's text.

use std::fmt::{self, Write};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::span::Span;

/// The word-level changes from one version of a remark to another: from
/// the claim's most common wording (`from`) to a variant (`to`).
///
/// Both versions are held as the texts they were compared in: `from` and
/// `to` are exactly the texts of the two quotations' [`Evidence`]
/// (so a piece of evidence whose text equals one of them can be marked
/// from the spans). Each operation has a byte span into each text, empty
/// on the side that lacks the words and placed where they would be. Only
/// the stretch the two versions share is compared: words either version
/// has beyond it, and words that differ in no way a careful reader would
/// call a change (case, punctuation, spelling variants, an editor's
/// brackets) dropped from one side, are in no operation.
///
/// In JSON it is one string: the operations in order, joined by a space,
/// an equal run as `to` writes it, removed words as `[-…-]`, added ones
/// as `{+…+}`, a replacement as `[-…-]{+…+}`. That string is what
/// [`Display`](fmt::Display) writes and [`FromStr`] reads.
///
/// ```
/// use corroborate::{WordDiff, WordTag};
///
/// let diff: WordDiff = "We exchange [-important-]{+useful+} information".parse().unwrap();
/// let tags: Vec<WordTag> = diff.ops.iter().map(|op| op.tag).collect();
/// assert_eq!(tags, [WordTag::Equal, WordTag::Replaced, WordTag::Equal]);
/// assert_eq!(diff.ops[1].from.text(&diff.from), "important");
/// assert_eq!(diff.ops[1].to.text(&diff.to), "useful");
/// assert_eq!(diff.to_string(), "We exchange [-important-]{+useful+} information");
/// ```
///
/// # What the string keeps
///
/// Reading the string back gives a diff that writes the same string, with
/// the same operations and the words of each, except that neighbouring
/// equal runs come back as one. Its `from` and `to` are rebuilt from the
/// runs joined by single spaces, so these are lost: the texts around the
/// compared stretch, punctuation and white space between runs, and the
/// `from` spelling of an equal run (the string shows the `to` one). A
/// string this crate did not write is read as well as it goes: markers
/// that do not close are text, and text containing the markers themselves
/// does not round-trip.
///
/// [`Evidence`]: crate::Evidence
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordDiff {
    /// The text of the version the changes go from: the claim's most
    /// common wording.
    pub from: String,
    /// The text of the version the changes go to: the variant.
    pub to: String,
    /// The compared stretch, in text order on both sides.
    pub ops: Vec<WordOp>,
}

/// One run of a [`WordDiff`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WordOp {
    /// What happened to the words.
    pub tag: WordTag,
    /// The words in [`WordDiff::from`]; empty for [`WordTag::Added`].
    pub from: Span,
    /// The words in [`WordDiff::to`]; empty for [`WordTag::Removed`].
    pub to: Span,
}

/// What a [`WordOp`] says of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WordTag {
    /// The same words in both, up to what is no change of wording (case,
    /// punctuation, spelling variants, number words, contractions).
    Equal,
    /// Words only `from` has.
    Removed,
    /// Words only `to` has.
    Added,
    /// Words of `from` that `to` gives in other words.
    Replaced,
}

impl fmt::Display for WordDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, op) in self.ops.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            let (from, to) = (op.from.text(&self.from), op.to.text(&self.to));
            match op.tag {
                WordTag::Equal => f.write_str(to)?,
                WordTag::Removed => write!(f, "[-{from}-]")?,
                WordTag::Added => write!(f, "{{+{to}+}}")?,
                WordTag::Replaced => write!(f, "[-{from}-]{{+{to}+}}")?,
            }
        }
        Ok(())
    }
}

impl FromStr for WordDiff {
    type Err = std::convert::Infallible;

    /// Reads the marked string (see [`WordDiff`] for what it keeps). Any
    /// string is accepted.
    fn from_str(marked: &str) -> Result<WordDiff, Self::Err> {
        Ok(parse(marked))
    }
}

impl Serialize for WordDiff {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WordDiff {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<WordDiff, D::Error> {
        let marked = String::deserialize(deserializer)?;
        Ok(parse(&marked))
    }
}

/// A piece of the marked string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Text,
    Removed,
    Added,
}

fn parse(marked: &str) -> WordDiff {
    let pieces = pieces(marked);
    let mut diff = WordDiff::default();
    let marked_at = |k: usize| pieces.get(k).is_some_and(|(p, _)| *p != Piece::Text);
    let mut k = 0;
    while k < pieces.len() {
        let (piece, text) = pieces[k];
        let (tag, from, to) = match piece {
            Piece::Text => {
                // The space that joins a run to a marked neighbour is not
                // part of the run.
                let mut text = text;
                if k > 0 {
                    text = text.strip_prefix(' ').unwrap_or(text);
                }
                if marked_at(k + 1) {
                    text = text.strip_suffix(' ').unwrap_or(text);
                }
                k += 1;
                if text.is_empty() {
                    continue;
                }
                (WordTag::Equal, Some(text), Some(text))
            }
            Piece::Removed => match pieces.get(k + 1) {
                Some(&(Piece::Added, added)) => {
                    k += 2;
                    (WordTag::Replaced, Some(text), Some(added))
                }
                _ => {
                    k += 1;
                    (WordTag::Removed, Some(text), None)
                }
            },
            Piece::Added => {
                k += 1;
                (WordTag::Added, None, Some(text))
            }
        };
        let from = append(&mut diff.from, from);
        let to = append(&mut diff.to, to);
        diff.ops.push(WordOp { tag, from, to });
    }
    diff
}

/// Splits the marked string into text and marked pieces. Markers that do
/// not close are text.
fn pieces(marked: &str) -> Vec<(Piece, &str)> {
    let mut out = Vec::new();
    let mut rest = marked;
    while !rest.is_empty() {
        let next = [("[-", "-]", Piece::Removed), ("{+", "+}", Piece::Added)]
            .into_iter()
            .filter_map(|(open, close, piece)| {
                let at = rest.find(open)?;
                let len = rest[at + open.len()..].find(close)?;
                Some((at, len, piece))
            })
            .min_by_key(|&(at, ..)| at);
        let Some((at, len, piece)) = next else {
            out.push((Piece::Text, rest));
            break;
        };
        if at > 0 {
            out.push((Piece::Text, &rest[..at]));
        }
        out.push((piece, &rest[at + 2..at + 2 + len]));
        rest = &rest[at + 2 + len + 2..];
    }
    out
}

/// Appends `words` to a rebuilt version (a space before all but the
/// first) and returns their span; an empty span at the end without words.
fn append(version: &mut String, words: Option<&str>) -> Span {
    let Some(words) = words else {
        return Span::new(version.len(), version.len());
    };
    if !version.is_empty() {
        version.push(' ');
    }
    let start = version.len();
    version.push_str(words);
    Span::new(start, version.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(tag: WordTag, from: (usize, usize), to: (usize, usize)) -> WordOp {
        WordOp {
            tag,
            from: Span::new(from.0, from.1),
            to: Span::new(to.0, to.1),
        }
    }

    /// A diff as the pipeline builds it: spans into the two whole texts,
    /// punctuation between runs and words beyond the stretch included.
    fn sample() -> WordDiff {
        let from = "“We exchange important information, daily,”";
        let to = "we exchange useful information daily and more";
        let at = |text: &str, word: &str| {
            let s = text.find(word).unwrap();
            (s, s + word.len())
        };
        WordDiff {
            from: from.to_string(),
            to: to.to_string(),
            ops: vec![
                op(
                    WordTag::Equal,
                    (at(from, "We").0, at(from, "exchange").1),
                    (0, at(to, "exchange").1),
                ),
                op(WordTag::Replaced, at(from, "important"), at(to, "useful")),
                op(
                    WordTag::Equal,
                    (at(from, "information").0, at(from, "daily").1),
                    (at(to, "information").0, at(to, "daily").1),
                ),
            ],
        }
    }

    #[test]
    fn the_string_marks_the_changes() {
        assert_eq!(
            sample().to_string(),
            "we exchange [-important-]{+useful+} information daily"
        );
        let cut = WordDiff {
            from: "We important".to_string(),
            to: "We new".to_string(),
            ops: vec![
                op(WordTag::Equal, (0, 2), (0, 2)),
                op(WordTag::Removed, (3, 12), (2, 2)),
                op(WordTag::Added, (12, 12), (3, 6)),
            ],
        };
        assert_eq!(cut.to_string(), "We [-important-] {+new+}");
        assert_eq!(WordDiff::default().to_string(), "");
    }

    #[test]
    fn the_string_reads_back_to_the_same_changes() {
        let original = sample();
        let marked = original.to_string();
        let back: WordDiff = marked.parse().unwrap();
        assert_eq!(back.to_string(), marked);
        let tags = |d: &WordDiff| d.ops.iter().map(|o| o.tag).collect::<Vec<_>>();
        assert_eq!(tags(&back), tags(&original));
        for (a, b) in original.ops.iter().zip(&back.ops) {
            assert_eq!(a.to.text(&original.to), b.to.text(&back.to));
            if a.tag != WordTag::Equal {
                assert_eq!(a.from.text(&original.from), b.from.text(&back.from));
            }
        }
        // What is not in the string: the texts around the stretch, the
        // comma after "information", `from`'s spelling of equal runs.
        assert_eq!(back.from, "we exchange important information daily");
        assert_eq!(back.to, "we exchange useful information daily");
        // Read back, the rebuilt diff is a fixed point.
        let again: WordDiff = back.to_string().parse().unwrap();
        assert_eq!(again, back);
    }

    #[test]
    fn marked_strings_read_as_runs() {
        use WordTag::*;
        type Runs<'a> = &'a [(WordTag, &'a str, &'a str)];
        let cases: &[(&str, Runs)] = &[
            ("same", &[(Equal, "same", "same")]),
            (
                "a [-b-]{+c+} d",
                &[(Equal, "a", "a"), (Replaced, "b", "c"), (Equal, "d", "d")],
            ),
            ("[-b-] {+c+}", &[(Removed, "b", ""), (Added, "", "c")]),
            ("{+x+}", &[(Added, "", "x")]),
            // An unclosed marker is text; so is a lone closer.
            ("a [-b", &[(Equal, "a [-b", "a [-b")]),
            ("b-] c", &[(Equal, "b-] c", "b-] c")]),
            ("", &[]),
        ];
        for (marked, want) in cases {
            let diff: WordDiff = marked.parse().unwrap();
            let got: Vec<(WordTag, &str, &str)> = diff
                .ops
                .iter()
                .map(|o| (o.tag, o.from.text(&diff.from), o.to.text(&diff.to)))
                .collect();
            assert_eq!(got, *want, "{marked}");
            assert_eq!(diff.to_string(), *marked, "{marked}");
        }
    }

    #[test]
    fn serde_is_the_marked_string() {
        let diff = sample();
        let json = serde_json::to_string(&diff).unwrap();
        assert_eq!(
            json,
            "\"we exchange [-important-]{+useful+} information daily\""
        );
        let back: WordDiff = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        assert!(serde_json::from_str::<WordDiff>("3").is_err());
    }

    #[test]
    fn spans_out_of_their_text_write_nothing() {
        let diff = WordDiff {
            from: "é".to_string(),
            to: "x".to_string(),
            ops: vec![op(WordTag::Replaced, (0, 1), (0, 9))],
        };
        assert_eq!(diff.to_string(), "[--]{++}");
    }
}
