//! Word differences for display: the `[-removed-]` / `{+added+}` markers of
//! a record's `diff`, and two evidence texts laid side by side with the
//! changed words marked.

use std::ops::Range;

use similar::{ChangeTag, TextDiff};

/// A run of a record's `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// Words both wordings share.
    Same,
    /// Words only the first wording has.
    Removed,
    /// Words only the second wording has.
    Added,
}

/// Splits a `diff` into runs. Markers that do not close are kept as text,
/// so the runs always concatenate to the diff without its markers.
pub(crate) fn parse(diff: &str) -> Vec<(Change, &str)> {
    let mut out = Vec::new();
    let mut rest = diff;
    while !rest.is_empty() {
        let next = [("[-", "-]", Change::Removed), ("{+", "+}", Change::Added)]
            .into_iter()
            .filter_map(|(open, close, change)| {
                let at = rest.find(open)?;
                let len = rest[at + 2..].find(close)?;
                Some((at, len, change))
            })
            .min_by_key(|&(at, ..)| at);
        match next {
            Some((at, len, change)) => {
                if at > 0 {
                    out.push((Change::Same, &rest[..at]));
                }
                if len > 0 {
                    out.push((change, &rest[at + 2..at + 2 + len]));
                }
                rest = &rest[at + 2 + len + 2..];
            }
            None => {
                out.push((Change::Same, rest));
                rest = "";
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

/// Lays two wordings side by side. When the record's `diff` describes an
/// aligned passage of both texts (a fragment against the window of a
/// longer quote), that passage is marked and the rest shown as outside;
/// otherwise the two whole texts are diffed word by word.
///
/// Returns the two sides and whether they show the record's `diff`.
pub(crate) fn sides<'a>(
    diff: Option<&str>,
    left: &'a str,
    right: &'a str,
) -> (Side<'a>, Side<'a>, bool) {
    if let Some(diff) = diff {
        let runs = parse(diff);
        let first = words_of(&runs, Change::Added);
        let second = words_of(&runs, Change::Removed);
        for (a, b) in [(&first, &second), (&second, &first)] {
            if let (Some(l), Some(r)) = (locate(left, a), locate(right, b)) {
                return (pieces(left, l), pieces(right, r), true);
            }
        }
    }
    let (l, r) = whole(left, right);
    (pieces(left, l), pieces(right, r), false)
}

/// One of the two versions a `diff` goes between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Version {
    /// The version the diff starts from (the claim's most common one):
    /// its own words are the removed ones.
    From,
    /// The version the diff goes to (the variant): its own words are the
    /// added ones.
    To,
}

impl Version {
    /// The runs this version does not have.
    fn other(self) -> Change {
        match self {
            Version::From => Change::Added,
            Version::To => Change::Removed,
        }
    }
}

/// `text` as `version` of `diff`: the diff's passage found in the text
/// with that version's own words changed and the rest of the text
/// outside; `None` when the passage does not occur in `text`.
pub(crate) fn mark<'a>(diff: &str, text: &'a str, version: Version) -> Option<Side<'a>> {
    let words = words_of(&parse(diff), version.other());
    locate(text, &words).map(|r| pieces(text, r))
}

/// Which version of `diff` `text` is: the one whose passage occurs in it
/// (the longer passage when both do); failing that, the one more of whose
/// own words it has; `None` when nothing tells.
pub(crate) fn version_of(diff: &str, text: &str) -> Option<Version> {
    let runs = parse(diff);
    let found = |v: Version| {
        let words = words_of(&runs, v.other());
        locate(text, &words).map(|_| words.len())
    };
    match (found(Version::From), found(Version::To)) {
        (Some(a), Some(b)) => return Some(if b > a { Version::To } else { Version::From }),
        (Some(_), None) => return Some(Version::From),
        (None, Some(_)) => return Some(Version::To),
        (None, None) => {}
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let own = |change: Change| {
        runs.iter()
            .filter(|(c, _)| *c == change)
            .flat_map(|(_, run)| run.split_whitespace())
            .filter(|w| words.contains(w))
            .count()
    };
    match own(Change::Removed).cmp(&own(Change::Added)) {
        std::cmp::Ordering::Greater => Some(Version::From),
        std::cmp::Ordering::Less => Some(Version::To),
        std::cmp::Ordering::Equal => None,
    }
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

/// The words of one wording of a diff (every run but those of `other`),
/// each with whether it changed.
fn words_of(runs: &[(Change, &str)], other: Change) -> Vec<(String, bool)> {
    let mut text = String::new();
    let mut changed = Vec::new();
    for &(change, run) in runs.iter().filter(|(c, _)| *c != other) {
        text.push_str(run);
        changed.resize(text.len(), change != Change::Same);
    }
    word_spans(&text)
        .into_iter()
        .map(|(s, e)| (text[s..e].to_string(), changed[s..e].contains(&true)))
        .collect()
}

/// Marked byte ranges of one side.
type Ranges = Vec<(Mark, Range<usize>)>;

/// Finds `words` as consecutive words of `text` and marks them; `None`
/// when they do not occur there exactly.
fn locate(text: &str, words: &[(String, bool)]) -> Option<Ranges> {
    if words.is_empty() {
        return None;
    }
    let spans = word_spans(text);
    let n = words.len();
    let at = (0..=spans.len().checked_sub(n)?).find(|&p| {
        spans[p..p + n]
            .iter()
            .zip(words)
            .all(|(&(s, e), (w, _))| text[s..e] == *w)
    })?;
    let mut side = vec![(Mark::Outside, 0..spans[at].0)];
    let mut pos = spans[at].0;
    for (&(s, e), (_, changed)) in spans[at..at + n].iter().zip(words) {
        side.push((Mark::Same, pos..s));
        let mark = if *changed { Mark::Changed } else { Mark::Same };
        side.push((mark, s..e));
        pos = e;
    }
    side.push((Mark::Outside, pos..text.len()));
    Some(side)
}

/// Byte ranges of the white-space separated words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// The two whole texts diffed word by word.
fn whole(left: &str, right: &str) -> (Ranges, Ranges) {
    let diff = TextDiff::configure().diff_words(left, right);
    let (mut l, mut r) = (Vec::new(), Vec::new());
    let (mut lpos, mut rpos) = (0, 0);
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        // White space on its own is never a change worth marking.
        let changed = if change.value().trim().is_empty() {
            Mark::Same
        } else {
            Mark::Changed
        };
        match change.tag() {
            ChangeTag::Equal => {
                l.push((Mark::Same, lpos..lpos + len));
                r.push((Mark::Same, rpos..rpos + len));
                lpos += len;
                rpos += len;
            }
            ChangeTag::Delete => {
                l.push((changed, lpos..lpos + len));
                lpos += len;
            }
            ChangeTag::Insert => {
                r.push((changed, rpos..rpos + len));
                rpos += len;
            }
        }
    }
    (l, r)
}

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

    #[test]
    fn markers_split_into_runs() {
        let cases: &[(&str, &[(Change, &str)])] = &[
            ("same", &[(Change::Same, "same")]),
            (
                "a [-b-]{+c+} d",
                &[
                    (Change::Same, "a "),
                    (Change::Removed, "b"),
                    (Change::Added, "c"),
                    (Change::Same, " d"),
                ],
            ),
            ("{+x+}", &[(Change::Added, "x")]),
            // An unclosed marker is text.
            ("a [-b", &[(Change::Same, "a [-b")]),
            ("", &[]),
        ];
        for (diff, want) in cases {
            assert_eq!(parse(diff), *want, "{diff}");
        }
    }

    fn show(side: &Side<'_>) -> String {
        side.iter()
            .map(|(m, t)| match m {
                Mark::Same => t.to_string(),
                Mark::Changed => format!("<{t}>"),
                Mark::Outside => format!("({t})"),
            })
            .collect()
    }

    #[test]
    fn aligned_passages_are_found_in_the_evidence() {
        let long = "We are regularly exchanging information that is useful to us, said he";
        let short = "useful information";
        let diff = "{+useful+} information[- that is useful-]";
        let (l, r, used) = sides(Some(diff), long, short);
        assert!(used);
        assert_eq!(
            show(&l),
            "(We are regularly exchanging )information <that is useful>( to us, said he)"
        );
        assert_eq!(show(&r), "<useful> information");
    }

    #[test]
    fn whole_texts_are_diffed_without_a_usable_diff() {
        let (l, r, _) = sides(
            None,
            "large-scale plans",
            "large-scale joint plans and projects",
        );
        assert_eq!(show(&l), "large-scale plans");
        assert_eq!(show(&r), "large-scale <joint> plans <and projects>");
        let (l, r, used) = sides(Some("[-not here-]"), "a b c", "a x c");
        assert!(!used);
        assert_eq!((show(&l), show(&r)), ("a <b> c".into(), "a <x> c".into()));
    }

    #[test]
    fn a_text_is_found_as_its_version_of_the_diff() {
        let common = "large-scale joint plans and projects";
        let variant = "large-scale plans";
        let diff = "large-scale [-joint-] plans";
        assert_eq!(version_of(diff, common), Some(Version::From));
        assert_eq!(version_of(diff, variant), Some(Version::To));
        assert_eq!(
            show(&mark(diff, common, Version::From).unwrap()),
            "large-scale <joint> plans( and projects)"
        );
        assert_eq!(
            show(&mark(diff, variant, Version::To).unwrap()),
            "large-scale plans"
        );
        assert!(mark(diff, "other words", Version::To).is_none());
        // Found by its own words when the passage is not in the text.
        assert_eq!(version_of("a [-b-]{+c+} d", "x c y"), Some(Version::To));
        assert_eq!(version_of("a [-b-]{+c+} d", "nothing"), None);
    }

    #[test]
    fn merged_views_change_what_any_changes() {
        let text = "a b c d";
        let one = mark("a [-b-] c", text, Version::From).unwrap();
        let two = mark("c [-d-]", text, Version::From).unwrap();
        assert_eq!(show(&one), "a <b> c( d)");
        assert_eq!(show(&merge(text, &[one, two])), "a <b> c <d>");
        assert_eq!(show(&merge("é", &[vec![(Mark::Same, "é")]])), "é");
    }

    #[test]
    fn pieces_concatenate_to_the_text() {
        let texts = [
            ("", ""),
            ("  lead and trail  ", "lead trail"),
            ("é ü ñ", "e u n"),
            ("one", "one two three"),
        ];
        for (a, b) in texts {
            let (l, r, _) = sides(Some("{+one+}"), a, b);
            assert_eq!(l.iter().map(|p| p.1).collect::<String>(), a);
            assert_eq!(r.iter().map(|p| p.1).collect::<String>(), b);
        }
    }
}
