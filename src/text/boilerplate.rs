//! Which lines are the story and which are page furniture: headlines,
//! bylines, time stamps, photo captions and credits, banners, related-link
//! blocks, sub-headings. Only body lines yield claims.

use crate::span::Span;

/// The role of a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// The story itself.
    Body,
    /// The headline.
    Title,
    /// "By …" lines.
    Byline,
    /// "Posted …", "Updated …", "Published: …" lines.
    Timestamp,
    /// Photo captions and credits.
    Caption,
    /// Donation and subscription banners, "this story has been updated".
    Banner,
    /// "Read more" blocks and the related headlines under them.
    Related,
    /// A short heading inside the story.
    Subhead,
}

/// Classifies each line; also returns the headline's span.
pub(crate) fn classify(text: &str, lines: &[Span]) -> (Vec<BlockKind>, Option<Span>) {
    let mut kinds = vec![BlockKind::Body; lines.len()];
    let mut title = None;
    let mut seen_body = false;
    let mut related_from = None;
    for (i, &span) in lines.iter().enumerate() {
        let line = span.text(text);
        let next = lines.get(i + 1).map(|s| s.text(text));
        let words = word_count(line);
        let kind = if is_related_header(line) {
            if words <= 4 {
                related_from = Some(i);
            }
            BlockKind::Related
        } else if is_byline(line, words) {
            BlockKind::Byline
        } else if is_timestamp(line, words) {
            BlockKind::Timestamp
        } else if is_banner(line, words) {
            BlockKind::Banner
        } else if is_caption(line, next) {
            BlockKind::Caption
        } else if !seen_body && title.is_none() && is_headline(line, words) {
            title = Some(span);
            BlockKind::Title
        } else if is_subhead(line, words) {
            BlockKind::Subhead
        } else {
            seen_body = true;
            BlockKind::Body
        };
        kinds[i] = kind;
        if related_from.is_some() {
            break;
        }
    }
    if let Some(from) = related_from {
        for kind in &mut kinds[from..] {
            *kind = BlockKind::Related;
        }
    }
    (kinds, title)
}

/// Words in the line, counted up to [`MANY_WORDS`]: every test below
/// asks about short lines, and a long paragraph need not be read through.
fn word_count(line: &str) -> usize {
    line.split_whitespace().take(MANY_WORDS).count()
}

/// More words than any furniture line has.
const MANY_WORDS: usize = 30;

fn starts_with_ci(line: &str, prefix: &str) -> bool {
    line.len() >= prefix.len()
        && line.is_char_boundary(prefix.len())
        && line[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

fn is_related_header(line: &str) -> bool {
    const HEADERS: &[&str] = &[
        "read more",
        "related",
        "see also",
        "more from",
        "recommended",
        "most read",
        "you may also like",
        "more on this",
        "also read",
        "related stories",
        "related articles",
    ];
    HEADERS.iter().any(|h| {
        starts_with_ci(line, h)
            && line[h.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn is_byline(line: &str, words: usize) -> bool {
    (line.starts_with("By ") || line.starts_with("BY ")) && words <= 10 && !ends_sentence(line)
        || (line.starts_with("By ") && words <= 6)
}

fn is_timestamp(line: &str, words: usize) -> bool {
    const HEADS: &[&str] = &[
        "posted",
        "updated",
        "last updated",
        "published",
        "first published",
        "last modified",
        "modified",
    ];
    words <= 16
        && HEADS.iter().any(|h| {
            starts_with_ci(line, h)
                && line[h.len()..].trim_start().starts_with(|c: char| {
                    c == ':' || c.is_ascii_digit() || c.is_uppercase() || c == 'o'
                })
        })
}

fn is_banner(line: &str, words: usize) -> bool {
    const HEADS: &[&str] = &[
        "support ",
        "contribute",
        "donate",
        "subscribe",
        "sign up",
        "advertisement",
        "this story has been updated",
        "this article has been updated",
        "this story has been corrected",
        "click here",
        "follow us",
        "share this",
        "newsletter",
    ];
    let lower_start = |h: &&str| starts_with_ci(line, h);
    // "Support our journalism", not "Support fell to five percent.": the
    // appeal names who or what to support.
    let appeal = !starts_with_ci(line, "support ")
        || line["support ".len()..]
            .split_whitespace()
            .next()
            .is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "us" | "our"
                        | "independent"
                        | "quality"
                        | "local"
                        | "journalism"
                        | "the"
                        | "this"
                )
            });
    words <= 12
        && HEADS.iter().any(lower_start)
        && appeal
        && (words <= 6 || line.ends_with('!') || starts_with_ci(line, "this "))
}

/// Photo captions: a credit in the line, or a line the next line repeats
/// (a caption cut short, then given whole).
fn is_caption(line: &str, next: Option<&str>) -> bool {
    // One pass over the line for all the credits.
    static CREDITS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new([
                "Pool Photo",
                "AP Photo",
                "Photo via",
                "Photo by",
                "Photo:",
                "Photograph:",
                "Getty Images",
                "(R-L)",
                "(L-R)",
                "(left to right)",
                "File photo",
                "Image:",
                "Credit:",
            ])
            .ok()
        });
    if CREDITS.as_ref().is_some_and(|c| c.is_match(line)) {
        return true;
    }
    if let Some(next) = next {
        let stem = line.trim_end_matches(['.', '…']);
        if stem.len() >= 20 && next.len() > stem.len() && next.starts_with(stem) {
            return true;
        }
    }
    // A trailing agency credit: "… at the Kremlin. Name Surname/POOL/TASS".
    let last = line.rsplit(' ').next().unwrap_or("");
    last.contains('/')
        && last
            .split('/')
            .skip(1)
            .all(|part| part.len() >= 2 && part.chars().all(|c| c.is_ascii_uppercase()))
}

/// A headline: short, no closing full stop.
fn is_headline(line: &str, words: usize) -> bool {
    (2..=25).contains(&words) && !ends_sentence(line)
}

/// A sub-heading inside the story: a few words and no sentence end.
fn is_subhead(line: &str, words: usize) -> bool {
    words <= 6 && !ends_sentence(line)
}

/// A dateline opening a paragraph, "MOSCOW (AP) — " or "(CNN) — ": returns
/// where the prose starts and the agency named, if any.
pub(crate) fn inline_dateline(text: &str, span: Span) -> Option<(usize, Option<String>)> {
    let line = span.text(text);
    let window = line.get(..80.min(line.len())).unwrap_or(line);
    let (head_end, dash_len) = window
        .char_indices()
        .find_map(|(i, c)| matches!(c, '—' | '–' | '―').then_some((i, c.len_utf8())))
        .or_else(|| window.find(" -- ").map(|i| (i + 1, 2)))
        .or_else(|| window.find(" - ").map(|i| (i + 1, 1)))?;
    let head = line[..head_end].trim();
    if head.is_empty() {
        return None;
    }
    let agency = head
        .rfind('(')
        .and_then(|open| head[open + 1..].strip_suffix(')'))
        .map(str::trim);
    let place = agency.map_or(head, |a| head[..head.len() - a.len() - 2].trim());
    // "MOSCOW", "JACKSON, Miss.", "RENO, Nev.": an upper-case city, maybe
    // followed by a state or country.
    let city = place.split(',').next().unwrap_or("");
    let place_ok = city.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && city.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && place.len() <= 40
        || place.is_empty();
    let agency_ok = agency.is_some_and(|a| !a.is_empty() && a.len() <= 20);
    if !(agency_ok && place_ok
        || agency.is_none()
            && !place.is_empty()
            && place_ok
            && place.chars().any(char::is_alphabetic))
    {
        return None;
    }
    let rest = &line[head_end + dash_len..];
    let prose = span.start + head_end + dash_len + (rest.len() - rest.trim_start().len());
    Some((prose, agency.map(canonical_outlet)))
}

/// The outlet a byline names: "By The Associated Press" → AP,
/// "By Jane Doe, CNN" → CNN. A byline naming only people gives none.
pub(crate) fn byline_outlet(line: &str) -> Option<String> {
    let rest = line.get(3..)?.trim();
    let candidate = rest.rsplit([',', '|']).next()?.trim();
    let known = canonical_outlet(candidate);
    if known != candidate || is_agency_like(candidate) {
        return Some(known);
    }
    None
}

fn is_agency_like(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// Short, conventional names for the big agencies.
pub(crate) fn canonical_outlet(name: &str) -> String {
    let name = name
        .trim()
        .trim_start_matches("The ")
        .trim_start_matches("the ");
    match name.to_ascii_lowercase().as_str() {
        "associated press" | "ap" => "AP".into(),
        "agence france-presse" | "agence france presse" | "afp" => "AFP".into(),
        "reuters" | "thomson reuters" => "Reuters".into(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(line: &str, next: Option<&str>) -> BlockKind {
        let text = match next {
            Some(n) => format!("Body line that is long enough to be prose.\n{line}\n{n}"),
            None => format!("Body line that is long enough to be prose.\n{line}"),
        };
        let mut spans = Vec::new();
        let mut pos = 0;
        for l in text.split('\n') {
            spans.push(Span::new(pos, pos + l.len()));
            pos += l.len() + 1;
        }
        classify(&text, &spans).0[1]
    }

    #[test]
    fn furniture_is_recognised() {
        use BlockKind::*;
        let cases: &[(&str, BlockKind)] = &[
            ("By The Associated Press", Byline),
            ("By Simone McCarthy, CNN", Byline),
            ("Posted August 21, 2024 10:47 am.", Timestamp),
            ("Last Updated August 21, 2024 11:25 am.", Timestamp),
            ("Published: Apr. 16, 2023 at 3:52 PM EDT|Updated: 47 minutes ago", Timestamp),
            ("Support The Moscow Times!", Banner),
            ("Contribute today", Banner),
            ("This story has been updated with additional information.", Banner),
            ("Leaders shake hands. (Alexey Filippov, Sputnik, Kremlin Pool Photo via AP)", Caption),
            ("Putin and Li (R-L) meet at the Kremlin. Pavel Bednyakov/POOL/TASS", Caption),
            ("Read more about: Putin , China , Military", Related),
            ("Record trade", Subhead),
            ("Updated figures show the economy grew 2% in the second quarter of the year, officials said.", Body),
            ("By the end of the meeting, the two sides had signed a host of agreements on trade.", Body),
            ("Posted guards stood at every door of the building as the talks went on late into the night.", Body),
            ("Support our journalism", Banner),
            ("Support fell to five percent.", Body),
        ];
        for (line, want) in cases {
            assert_eq!(kind_of(line, None), *want, "{line}");
        }
    }

    #[test]
    fn truncated_caption_repeated_by_the_next_line() {
        let line = "Russian President Vladimir Putin listens to Russian Transport Minister Vitaly Savelyev during...";
        let next = "Russian President Vladimir Putin listens to Russian Transport Minister Vitaly Savelyev during their meeting.";
        assert_eq!(kind_of(line, Some(next)), BlockKind::Caption);
    }

    #[test]
    fn datelines_and_bylines_name_outlets() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("MOSCOW (AP) — Putin met Li.", Some("AP"), "Putin met Li."),
            ("(CNN) — Putin met Li.", Some("CNN"), "Putin met Li."),
            ("WASHINGTON — The Senate voted.", None, "The Senate voted."),
            (
                "JACKSON, Miss. (AP) — A judge ruled.",
                Some("AP"),
                "A judge ruled.",
            ),
        ];
        for (line, outlet, prose) in cases {
            let (start, found) = inline_dateline(line, Span::new(0, line.len())).unwrap();
            assert_eq!(found.as_deref(), *outlet, "{line}");
            assert_eq!(&line[start..], *prose);
        }
        assert!(inline_dateline("Li said — again — no.", Span::new(0, 21)).is_none());
        assert_eq!(
            byline_outlet("By The Associated Press").as_deref(),
            Some("AP")
        );
        assert_eq!(
            byline_outlet("By Simone McCarthy, CNN").as_deref(),
            Some("CNN")
        );
        assert_eq!(byline_outlet("By AFP").as_deref(), Some("AFP"));
        assert_eq!(byline_outlet("By Jane Doe"), None);
    }
}
