//! Word differences for display, from a record's [`WordDiff`]: its runs
//! for a line of changes, and an evidence text with the changed words
//! marked.

use std::ops::Range;

use crate::word_diff::{WordDiff, WordTag};

/// A run of a diff's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// Words both wordings share, and the spaces between runs.
    Same,
    /// Words only the first wording has.
    Removed,
    /// Words only the second wording has.
    Added,
}

/// The diff's runs in order, the space between two operations included:
/// they concatenate to the marked string without its markers.
pub(crate) fn runs(diff: &WordDiff) -> Vec<(Change, &str)> {
    let mut out = Vec::with_capacity(diff.ops.len() * 2);
    for (i, op) in diff.ops.iter().enumerate() {
        if i > 0 {
            out.push((Change::Same, " "));
        }
        let (from, to) = (op.from.text(&diff.from), op.to.text(&diff.to));
        match op.tag {
            WordTag::Equal => out.push((Change::Same, to)),
            WordTag::Removed => out.push((Change::Removed, from)),
            WordTag::Added => out.push((Change::Added, to)),
            WordTag::Replaced => {
                out.push((Change::Removed, from));
                out.push((Change::Added, to));
            }
        }
    }
    out
}

/// How a piece of one side of a side-by-side view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Shared with the other side.
    Same,
    /// Worded differently or missing on the other side.
    Changed,
    /// Outside the passage the two sides were compared on (the rest of a
    /// longer quote when the other side quotes a fragment).
    Outside,
}

/// One side: pieces that concatenate to exactly the evidence text.
pub(crate) type Side<'a> = Vec<(Mark, &'a str)>;

/// One of the two versions a diff goes between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Version {
    /// The version the diff starts from (the claim's most common one):
    /// its own words are the removed ones.
    From,
    /// The version the diff goes to (the variant): its own words are the
    /// added ones.
    To,
}

/// Which version of `diff` `text` is: the one whose text it is.
pub(crate) fn version_of(diff: &WordDiff, text: &str) -> Option<Version> {
    if text == diff.from {
        Some(Version::From)
    } else if text == diff.to {
        Some(Version::To)
    } else {
        None
    }
}

/// `text`, the text of `version` of `diff`, with that version's changed
/// words marked and what lies beyond the compared stretch outside;
/// `None` when the diff's spans do not fit the text.
pub(crate) fn mark<'a>(diff: &WordDiff, text: &'a str, version: Version) -> Option<Side<'a>> {
    let own: Vec<(Range<usize>, bool)> = diff
        .ops
        .iter()
        .filter_map(|op| {
            let (span, own) = match version {
                Version::From => (op.from, op.tag != WordTag::Added),
                Version::To => (op.to, op.tag != WordTag::Removed),
            };
            (own && !span.is_empty()).then_some((span.range(), op.tag != WordTag::Equal))
        })
        .collect();
    if own.iter().any(|(r, _)| text.get(r.clone()).is_none()) {
        return None;
    }
    let start = own.iter().map(|(r, _)| r.start).min()?;
    let end = own.iter().map(|(r, _)| r.end).max()?;
    // Two forms of one word ("shouldn't": "should", "not") share its
    // span; a word is changed when any of its forms is.
    let mut changed = vec![false; end - start];
    for (r, c) in &own {
        if *c {
            changed[r.start - start..r.end - start].fill(true);
        }
    }
    let mut ranges: Ranges = vec![(Mark::Outside, 0..start)];
    for (i, c) in changed.into_iter().enumerate() {
        let mark = if c { Mark::Changed } else { Mark::Same };
        match ranges.last_mut() {
            Some((m, r)) if *m == mark => r.end = start + i + 1,
            _ => ranges.push((mark, start + i..start + i + 1)),
        }
    }
    ranges.push((Mark::Outside, end..text.len()));
    // Runs change only at the ops' ends: on char boundaries.
    Some(pieces(text, ranges))
}

/// Several marked views of one text as one: a byte is changed where any
/// view changes it, outside where every view leaves it outside.
pub(crate) fn merge<'a>(text: &'a str, sides: &[Side<'a>]) -> Side<'a> {
    if sides.len() == 1 {
        return sides[0].clone();
    }
    let mut marks = vec![Mark::Outside; text.len()];
    let mut seen = vec![false; text.len()];
    for side in sides {
        let mut at = 0;
        for (mark, piece) in side {
            for i in at..(at + piece.len()).min(text.len()) {
                marks[i] = match (seen[i], marks[i], *mark) {
                    (_, Mark::Changed, _) | (_, _, Mark::Changed) => Mark::Changed,
                    (false, _, m) => m,
                    (true, Mark::Same, _) | (true, _, Mark::Same) => Mark::Same,
                    (true, _, _) => Mark::Outside,
                };
                seen[i] = true;
            }
            at += piece.len();
        }
    }
    let mut ranges: Ranges = Vec::new();
    for (i, mark) in marks.into_iter().enumerate() {
        match ranges.last_mut() {
            Some((m, r)) if *m == mark => r.end = i + 1,
            _ => ranges.push((mark, i..i + 1)),
        }
    }
    // Runs split only where a view's pieces did: on char boundaries.
    pieces(text, ranges)
}

/// Marked byte ranges of one side.
type Ranges = Vec<(Mark, Range<usize>)>;

/// Resolves ranges to text: empty ranges dropped, white space between two
/// changed words made part of the change, neighbours with the same mark
/// joined.
fn pieces(text: &str, ranges: Ranges) -> Side<'_> {
    let ranges: Ranges = ranges.into_iter().filter(|(_, r)| !r.is_empty()).collect();
    let mut out: Ranges = Vec::with_capacity(ranges.len());
    for (i, (mark, range)) in ranges.iter().enumerate() {
        let gap = *mark == Mark::Same
            && text[range.clone()].trim().is_empty()
            && i > 0
            && ranges[i - 1].0 == Mark::Changed
            && ranges.get(i + 1).is_some_and(|n| n.0 == Mark::Changed);
        let mark = if gap { Mark::Changed } else { *mark };
        match out.last_mut() {
            Some((m, r)) if *m == mark && r.end == range.start => r.end = range.end,
            _ => out.push((mark, range.clone())),
        }
    }
    out.into_iter().map(|(m, r)| (m, &text[r])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::word_diff::WordOp;

    fn show(side: &Side<'_>) -> String {
        side.iter()
            .map(|(m, t)| match m {
                Mark::Same => t.to_string(),
                Mark::Changed => format!("<{t}>"),
                Mark::Outside => format!("({t})"),
            })
            .collect()
    }

    /// A diff between two texts; each op names its words in each text by
    /// their next occurrence ("" for none).
    fn diff(from: &str, to: &str, ops: &[(WordTag, &str, &str)]) -> WordDiff {
        // Each side's last span: the next words are searched after it, or
        // are it again (two forms of one word).
        let (mut fat, mut tat) = (Span::new(0, 0), Span::new(0, 0));
        let find = |text: &str, at: &mut Span, words: &str| {
            if words.is_empty() {
                return Span::new(at.end, at.end);
            }
            *at = match text[at.end..].find(words) {
                Some(s) => Span::new(at.end + s, at.end + s + words.len()),
                None => *at,
            };
            *at
        };
        WordDiff {
            from: from.to_string(),
            to: to.to_string(),
            ops: ops
                .iter()
                .map(|&(tag, f, t)| WordOp {
                    tag,
                    from: find(from, &mut fat, f),
                    to: find(to, &mut tat, t),
                })
                .collect(),
        }
    }

    fn long_and_short() -> WordDiff {
        diff(
            "We are regularly exchanging information that is useful to us, said he",
            "useful information",
            &[
                (WordTag::Added, "", "useful"),
                (WordTag::Equal, "information", "information"),
                (WordTag::Removed, "that is useful", ""),
            ],
        )
    }

    #[test]
    fn runs_concatenate_to_the_unmarked_string() {
        let d = long_and_short();
        assert_eq!(d.to_string(), "{+useful+} information [-that is useful-]");
        assert_eq!(
            runs(&d),
            [
                (Change::Added, "useful"),
                (Change::Same, " "),
                (Change::Same, "information"),
                (Change::Same, " "),
                (Change::Removed, "that is useful"),
            ]
        );
        assert!(runs(&WordDiff::default()).is_empty());
    }

    #[test]
    fn each_version_is_marked_from_its_spans() {
        let d = long_and_short();
        let (from, to) = (&d.from, &d.to);
        assert_eq!(version_of(&d, from), Some(Version::From));
        assert_eq!(version_of(&d, to), Some(Version::To));
        assert_eq!(version_of(&d, "other words"), None);
        assert_eq!(
            show(&mark(&d, from, Version::From).unwrap()),
            "(We are regularly exchanging )information <that is useful>( to us, said he)"
        );
        assert_eq!(
            show(&mark(&d, to, Version::To).unwrap()),
            "<useful> information"
        );
        // Two ops on one word: it is changed when one is.
        let contracted = diff(
            "money that should have",
            "money I shouldn’t have",
            &[
                (WordTag::Equal, "money", "money"),
                (WordTag::Replaced, "that", "I"),
                (WordTag::Equal, "should", "shouldn’t"),
                (WordTag::Added, "", "shouldn’t"),
                (WordTag::Equal, "have", "have"),
            ],
        );
        assert_eq!(
            show(&mark(&contracted, &contracted.to, Version::To).unwrap()),
            "money <I shouldn’t> have"
        );
        // Spans that do not fit the text mark nothing.
        assert!(mark(&d, "short", Version::From).is_none());
        assert!(mark(&d, "é", Version::To).is_none());
    }

    #[test]
    fn merged_views_change_what_any_changes() {
        let text = "a b c d";
        let one = diff(
            text,
            "a c",
            &[
                (WordTag::Equal, "a", "a"),
                (WordTag::Removed, "b", ""),
                (WordTag::Equal, "c", "c"),
            ],
        );
        let two = diff(
            text,
            "c",
            &[(WordTag::Equal, "c", "c"), (WordTag::Removed, "d", "")],
        );
        let one = mark(&one, text, Version::From).unwrap();
        let two = mark(&two, text, Version::From).unwrap();
        assert_eq!(show(&one), "a <b> c( d)");
        assert_eq!(show(&merge(text, &[one, two])), "a <b> c <d>");
        assert_eq!(show(&merge("é", &[vec![(Mark::Same, "é")]])), "é");
    }

    #[test]
    fn pieces_concatenate_to_the_text() {
        for (text, version) in [
            ("“We exchange important information,”", Version::From),
            ("we exchange useful information", Version::To),
        ] {
            let d = diff(
                "“We exchange important information,”",
                "we exchange useful information",
                &[
                    (WordTag::Equal, "We exchange", "we exchange"),
                    (WordTag::Replaced, "important", "useful"),
                    (WordTag::Equal, "information", "information"),
                ],
            );
            let side = mark(&d, text, version).unwrap();
            assert_eq!(side.iter().map(|p| p.1).collect::<String>(), text);
        }
    }
}
