//! Reports and how they are read: plain text with an optional date line,
//! JSON (one report or an array) and JSONL.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// One news report as given: its original text and what is known about it.
///
/// `text` is never rewritten; every span the crate returns indexes it. A
/// plain-text report keeps its first line ` date YYYY-MM-DD …` inside `text`
/// (offsets count it), and [`Report::from_plain_text`] lifts the date out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Unique id (the file stem for a plain-text file).
    pub id: String,
    /// The original text.
    pub text: String,
    /// The outlet, when known (otherwise inferred from bylines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// Headline, when known (otherwise taken from the text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The event the report belongs to, when the user knows it: reports
    /// with the same label are one event whatever their content and dates,
    /// reports with different labels are never one event, and reports
    /// without a label are grouped by content (and may join a labelled
    /// event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

impl Report {
    /// A report with just an id and its text.
    ///
    /// ```
    /// let report = corroborate::Report::new("r1", "Putin said “yes.”");
    /// assert_eq!(report.published, None);
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Report {
        Report {
            id: id.into(),
            text: text.into(),
            outlet: None,
            published: None,
            title: None,
            url: None,
            event: None,
        }
    }

    /// Sets the publication date.
    pub fn with_published(mut self, date: Date) -> Report {
        self.published = Some(date);
        self
    }

    /// Sets the event label (see [`Report::event`]).
    ///
    /// ```
    /// use corroborate::{group_reports, EventConfig, Report};
    /// let reports = [
    ///     Report::new("a", "The central bank raised interest rates by half a point.").with_event("rates"),
    ///     Report::new("b", "Floods hit the city of Valencia, forcing hundreds from their homes.").with_event("rates"),
    /// ];
    /// let events = group_reports(&reports, &EventConfig::default());
    /// assert_eq!(events.len(), 1);
    /// ```
    pub fn with_event(mut self, event: impl Into<String>) -> Report {
        self.event = Some(event.into());
        self
    }

    /// Sets the outlet.
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Report {
        self.outlet = Some(outlet.into());
        self
    }

    /// A report from plain text whose optional first line is
    /// ` date YYYY-MM-DD <first line of text>`. The whole text is kept; only
    /// the date is lifted into [`Report::published`].
    ///
    /// ```
    /// let r = corroborate::Report::from_plain_text("a", " date 2024-08-21 Title\n\nBody.")?;
    /// assert_eq!(r.published.unwrap().to_string(), "2024-08-21");
    /// assert!(r.text.starts_with(" date"));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn from_plain_text(id: impl Into<String>, text: impl Into<String>) -> Result<Report> {
        let id = id.into();
        let text = text.into();
        let published = match date_line(&text) {
            DateLine::None => None,
            DateLine::Date(date, _) => Some(date),
            DateLine::Invalid(value) => {
                return Err(Error::Date {
                    origin: id,
                    value: value.to_string(),
                })
            }
        };
        let report = Report {
            published,
            ..Report::new(id.clone(), text)
        };
        if is_blank(&report.text[report.body_start()..]) {
            return Err(Error::Empty { origin: id });
        }
        Ok(report)
    }

    /// Byte offset where the text proper starts: after a leading
    /// ` date YYYY-MM-DD ` marker, else 0.
    pub fn body_start(&self) -> usize {
        match date_line(&self.text) {
            DateLine::Date(_, end) => end,
            _ => 0,
        }
    }
}

/// No visible text: whitespace, and the invisible marks an editor or a
/// wrong encoding leaves behind (a byte-order mark, zero-width spaces).
pub(super) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}')
    })
}

enum DateLine<'a> {
    None,
    Date(Date, usize),
    Invalid(&'a str),
}

/// Recognises ` date YYYY-MM-DD` at the very start of a text. Returns the
/// date and the offset just past it (and one following space).
fn date_line(text: &str) -> DateLine<'_> {
    let trimmed = text.trim_start_matches([' ', '\t', '\u{feff}']);
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return DateLine::None;
    };
    let lead = text.len() - trimmed.len() + "date ".len();
    let value_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let value = &rest[..value_len];
    let looks_like_date =
        value.len() >= 8 && value.bytes().next().is_some_and(|b| b.is_ascii_digit());
    if !looks_like_date {
        // "date night was fun" is text, not a date line.
        return DateLine::None;
    }
    match value.parse::<Date>() {
        Ok(date) if value.len() == 10 => {
            let mut end = lead + value_len;
            if text[end..].starts_with(' ') {
                end += 1;
            }
            DateLine::Date(date, end)
        }
        _ => DateLine::Invalid(value),
    }
}

/// Parses a `YYYY-MM-DD` date (a longer ISO timestamp is cut to its date).
pub(crate) fn parse_date(origin: &str, value: &str) -> Result<Date> {
    let bad = || Error::Date {
        origin: origin.to_string(),
        value: value.to_string(),
    };
    let head = value.trim().get(..10).ok_or_else(bad)?;
    if value.trim().len() > 10 && !value.trim()[10..].starts_with(['T', ' ', 't']) {
        return Err(bad());
    }
    head.parse::<Date>().map_err(|_| bad())
}

/// A report's fields as given, before they are checked: the JSON form of
/// a report, and what bindings build from their own objects. Only `text`
/// is required; unknown fields are an error.
///
/// ```
/// use corroborate::ReportFields;
///
/// let fields = ReportFields {
///     text: "Floods hit Valencia.".into(),
///     published: Some("2024-10-30".into()),
///     outlet: Some("  ".into()),
///     ..ReportFields::default()
/// };
/// let report = fields.into_report("inbox (report 2)", "report_2".into())?;
/// assert_eq!(report.id, "report_2"); // no id: the fallback
/// assert_eq!(report.outlet, None); // blank: none
/// assert_eq!(report.published.unwrap().to_string(), "2024-10-30");
///
/// let bad = ReportFields { text: "Text.".into(), published: Some("30/10/2024".into()), ..ReportFields::default() };
/// let error = bad.into_report("inbox (report 3)", "report_3".into()).unwrap_err();
/// assert_eq!(error.to_string(), r#"inbox (report 3): invalid date "30/10/2024" (expected YYYY-MM-DD)"#);
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFields {
    /// The id; blank or missing takes the fallback.
    pub id: Option<String>,
    /// The text; it must not be blank.
    pub text: String,
    /// The outlet; blank is none.
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`, optionally followed by a time; blank is none.
    pub published: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// An event label; blank is none.
    pub event: Option<String>,
}

impl ReportFields {
    /// The report these fields give, checked: `origin` names it in errors
    /// (a file, a line, a place in a list) and `fallback_id` is its id when
    /// none is given.
    pub fn into_report(self, origin: &str, fallback_id: String) -> Result<Report> {
        if is_blank(&self.text) {
            return Err(Error::Empty {
                origin: origin.to_string(),
            });
        }
        let published = match self.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => Some(parse_date(origin, value)?),
        };
        Ok(Report {
            id: self
                .id
                .filter(|id| !id.trim().is_empty())
                .unwrap_or(fallback_id),
            text: self.text,
            outlet: self.outlet.filter(|o| !o.trim().is_empty()),
            published,
            title: self.title,
            url: self.url,
            event: self.event.filter(|e| !e.trim().is_empty()),
        })
    }
}

mod load;

pub use load::{
    expand_paths, load, load_with, parse_bytes, read_file, InputFormat, LoadOptions, Loaded,
    Skipped,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_date_line() {
        let r = Report::from_plain_text("a", " date 2024-08-21 Putin meets Li\n\nText.").unwrap();
        assert_eq!(r.published, Some(jiff::civil::date(2024, 8, 21)));
        assert_eq!(&r.text[r.body_start()..], "Putin meets Li\n\nText.");
        let r = Report::from_plain_text("a", "No date here.").unwrap();
        assert_eq!((r.published, r.body_start()), (None, 0));
        let r = Report::from_plain_text("a", "date night was fun.").unwrap();
        assert_eq!(r.published, None);
    }
}
