//! Rendering results for people (text, Markdown, HTML) and programs (JSON).
//!
//! Each format has a plain function over a [`Comparison`] ([`text`],
//! [`markdown`], [`html`], [`json`]) and a `…_with` variant that takes
//! [`Options`]: the reports' texts (so that evidence can be shown in its
//! sentence), files that were skipped, and whether to use colour.
//!
//! ```
//! use corroborate::{compare, render, Report};
//!
//! let reports = [
//!     Report::new("ap", "Chancellor Jane Doe met President John Roe on Monday.\n\n\
//!         “We exchange useful information,” Doe said.").with_outlet("AP"),
//!     Report::new("afp", "Chancellor Jane Doe met President John Roe on Monday.\n\n\
//!         “We exchange important information,” said Doe.").with_outlet("AFP"),
//! ];
//! let comparison = compare(&reports);
//!
//! // One block per claim: the remark is one block holding both versions,
//! // the changed words marked, claims with differences first.
//! let page = render::html_with(&comparison, &render::Options::new().reports(&reports));
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert_eq!(page.matches("<article class=\"claim differs\"").count(), 1);
//! assert!(page.contains("<del>important</del>") && page.contains("<ins>useful</ins>"));
//! assert!(page.contains("<dt>Claims with differences</dt><dd>1</dd>"));
//!
//! // In text: the claim, one line per report, then its differences.
//! let text = render::text(&comparison);
//! let block = &text[text.find(" ✗ quote — Jane Doe").unwrap()..];
//! let lines: Vec<&str> = block.lines().take(5).map(str::trim).collect();
//! assert_eq!(lines[1..], [
//!     "AFP (Jane Doe): “We exchange important information,”",
//!     "AP (Jane Doe): “We exchange useful information,”",
//!     "≠ wording AFP → AP (the same remark in different words)",
//!     "diff: We exchange [-important-]{+useful+} information",
//! ]);
//!
//! let json: serde_json::Value = serde_json::from_str(&render::json(&comparison)).unwrap();
//! assert_eq!(json["events"][0]["reports"], serde_json::json!(["afp", "ap"]));
//! ```
//!
//! The JSON layouts are described by JSON Schemas shipped with the crate:
//! [`COMPARE_SCHEMA`], [`EXTRACT_SCHEMA`] and [`EVENTS_SCHEMA`].

mod context;
mod diff;
mod html;
mod markdown;
mod text;
mod view;

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::compare::{ComparisonStream, EventGroup};
use crate::extract::Extraction;
use crate::record::{Comparison, Event, ReportInfo, SCHEMA_VERSION};
use crate::report::Report;
use crate::report::Skipped;

/// Output formats of the command-line tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Pretty-printed JSON (the contract in DESIGN.md).
    Json,
    /// Plain text for a terminal.
    Text,
    /// Markdown for a fact-check draft.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

/// What the renderers may use besides the [`Comparison`]: the reports'
/// texts, skipped input files, colour. `Options::new()` (or `default()`)
/// uses none of them.
///
/// ```
/// use corroborate::{render::Options, Report, Skipped};
///
/// let reports = [Report::new("a", "Some text.")];
/// let skipped = [Skipped { path: "b.txt".into(), error: "b.txt: empty report (no text)".into() }];
/// let options = Options::new().reports(&reports).skipped(&skipped).color(true);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    reports: &'a [Report],
    skipped: Option<&'a [Skipped]>,
    color: bool,
}

impl<'a> Options<'a> {
    /// No report texts, no skipped files, no colour.
    pub fn new() -> Options<'a> {
        Options::default()
    }

    /// The compared reports, so that HTML (and Markdown) can show each
    /// piece of evidence in its sentence. Reports not in the comparison
    /// are ignored; evidence whose report is missing is shown alone.
    pub fn reports(mut self, reports: &'a [Report]) -> Options<'a> {
        self.reports = reports;
        self
    }

    /// Input files that were skipped. The human formats list them; the
    /// JSON formats add a top-level `"skipped": [{"path", "error"}]` array
    /// (present, possibly empty, whenever this is set).
    pub fn skipped(mut self, skipped: &'a [Skipped]) -> Options<'a> {
        self.skipped = Some(skipped);
        self
    }

    /// ANSI colours and styles in [`Format::Text`] (for a terminal).
    pub fn color(mut self, color: bool) -> Options<'a> {
        self.color = color;
        self
    }

    fn skipped_files(&self) -> &'a [Skipped] {
        self.skipped.unwrap_or_default()
    }

    /// The reports by id.
    fn texts(&self) -> HashMap<&'a str, &'a Report> {
        self.reports.iter().map(|r| (r.id.as_str(), r)).collect()
    }
}

/// Renders a comparison in `format`.
pub fn render(comparison: &Comparison, format: Format) -> String {
    render_with(comparison, format, &Options::new())
}

/// Renders a comparison in `format` with [`Options`].
pub fn render_with(comparison: &Comparison, format: Format, options: &Options<'_>) -> String {
    match format {
        Format::Json => json_with(comparison, options),
        Format::Text => text_with(comparison, options),
        Format::Markdown => markdown_with(comparison, options),
        Format::Html => html_with(comparison, options),
    }
}

/// Writes a comparison in `format` to `out`. JSON is written as it is
/// serialised, never held whole in memory (a day of wire copy makes a JSON
/// document of hundreds of megabytes); the other formats are built, then
/// written. Ends with a newline.
///
/// ```
/// use corroborate::{compare, render, Report};
///
/// let comparison = compare(&[Report::new("a", "Floods hit Valencia on Monday.")]);
/// let mut out = Vec::new();
/// render::write_with(&mut out, &comparison, render::Format::Json, &render::Options::new()).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), render::json(&comparison) + "\n");
/// ```
pub fn write_with(
    out: impl Write,
    comparison: &Comparison,
    format: Format,
    options: &Options<'_>,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_pretty(out, &with_skipped(comparison, options)),
        _ => write_line(out, &render_with(comparison, format, options)),
    }
}

/// [`write_with`] for a [`ComparisonStream`]: JSON is written an event
/// at a time as the stream aligns them, so neither the comparison nor its
/// JSON is ever held whole (the output is byte for byte that of
/// [`write_with`] on the collected comparison); the other formats collect
/// the comparison first.
///
/// ```
/// use corroborate::{compare, compare_stream, render, CompareConfig, Report};
///
/// let reports = [Report::new("a", "Floods hit Valencia on Monday.")];
/// let mut out = Vec::new();
/// let mut stream = compare_stream(&reports, &CompareConfig::default());
/// render::write_stream(&mut out, &mut stream, render::Format::Json, &render::Options::new()).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), render::json(&compare(&reports)) + "\n");
/// ```
pub fn write_stream(
    out: impl Write,
    stream: &mut ComparisonStream<'_>,
    format: Format,
    options: &Options<'_>,
) -> std::io::Result<()> {
    if format != Format::Json {
        return write_with(out, &stream.collect_rest(), format, options);
    }
    let reports = stream.reports().to_vec();
    let streamed = Streamed {
        schema_version: SCHEMA_VERSION,
        reports: &reports,
        events: EventSeq(std::cell::RefCell::new(Some(stream))),
        skipped: options.skipped,
    };
    write_pretty(out, &streamed)
}

/// The events of a comparison as JSON Lines: one compact event object (an
/// element of the JSON's `events`) per line, written as the stream aligns
/// them. The reports and skipped files are not written (see
/// [`ComparisonStream::reports`]).
///
/// ```
/// use corroborate::{compare_stream, render, CompareConfig, Report};
///
/// let reports = [
///     Report::new("a", "Floods hit Valencia on Monday."),
///     Report::new("b", "An election in Oslo on Sunday."),
/// ];
/// let mut out = Vec::new();
/// let mut stream = compare_stream(&reports, &CompareConfig::default());
/// render::write_events_jsonl(&mut out, &mut stream).unwrap();
/// let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].starts_with(r#"{"id":"event-a","#));
/// ```
pub fn write_events_jsonl(
    out: impl Write,
    stream: &mut ComparisonStream<'_>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    for event in stream {
        serde_json::to_writer(&mut out, &event)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// A [`Comparison`] whose events come from a stream, serialised in the
/// field order of [`Comparison`] and [`WithSkipped`].
#[derive(Serialize)]
struct Streamed<'a, 's, 'r> {
    schema_version: &'static str,
    reports: &'a [ReportInfo],
    events: EventSeq<'s, 'r>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<&'a [Skipped]>,
}

/// Serialises the stream's events as a sequence (`Serialize` gets `&self`,
/// hence the cell). Each event is serialised in the parallel task that
/// aligned it, pretty-printed on its own and indented to its depth in the
/// document (JSON strings hold no raw newline), then written verbatim:
/// the bytes of serialising the whole comparison at once.
struct EventSeq<'s, 'r>(std::cell::RefCell<Option<&'s mut ComparisonStream<'r>>>);

/// The depth of an event in the comparison's pretty JSON.
const EVENT_INDENT: &str = "\n    ";

impl Serialize for EventSeq<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let Some(stream) = self.0.borrow_mut().take() else {
            return serializer.collect_seq(std::iter::empty::<Event>());
        };
        let mut seq = serializer.serialize_seq(None)?;
        while let Some(batch) = stream.next_batch(|event| {
            let json = serde_json::to_string_pretty(&event)?.replace('\n', EVENT_INDENT);
            serde_json::value::RawValue::from_string(json)
        }) {
            for raw in batch {
                seq.serialize_element(&raw.map_err(S::Error::custom)?)?;
            }
        }
        seq.end()
    }
}

/// The JSON of `corroborate events` ([`events_json`]) written to `out` as
/// it is serialised, with a final newline.
pub fn write_events_json(
    out: impl Write,
    groups: &[EventGroup],
    options: &Options<'_>,
) -> std::io::Result<()> {
    write_pretty(out, &events_out(groups, options))
}

/// The JSON of `corroborate extract` ([`extraction_json_with`]) written to
/// `out` as it is serialised, with a final newline.
pub fn write_extraction_json(
    out: impl Write,
    found: &[Extraction],
    options: &Options<'_>,
) -> std::io::Result<()> {
    write_pretty(out, &extraction_out(found, options))
}

/// Pretty-printed JSON: the [`Comparison`] as serde writes it (the
/// contract in DESIGN.md, described by [`COMPARE_SCHEMA`]).
pub fn json(comparison: &Comparison) -> String {
    json_with(comparison, &Options::new())
}

/// [`json`], with a top-level `"skipped"` array when
/// [`Options::skipped`] is set.
pub fn json_with(comparison: &Comparison, options: &Options<'_>) -> String {
    pretty(&with_skipped(comparison, options))
}

/// A comparison with its skipped files, as the JSON contract has it.
#[derive(Serialize)]
struct WithSkipped<'a> {
    #[serde(flatten)]
    comparison: &'a Comparison,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<&'a [Skipped]>,
}

fn with_skipped<'a>(comparison: &'a Comparison, options: &Options<'a>) -> WithSkipped<'a> {
    WithSkipped {
        comparison,
        skipped: options.skipped,
    }
}

/// Plain text: per event, who said what, where outlets agree and differ.
/// Word changes are marked `[-removed-]` and `{+added+}`.
pub fn text(comparison: &Comparison) -> String {
    text_with(comparison, &Options::new())
}

/// [`text`] with [`Options`]: colour for a terminal, skipped files.
pub fn text_with(comparison: &Comparison, options: &Options<'_>) -> String {
    text::render(comparison, options)
}

/// Markdown for pasting into a fact-check draft.
pub fn markdown(comparison: &Comparison) -> String {
    markdown_with(comparison, &Options::new())
}

/// [`markdown`] with [`Options`]: skipped files are listed.
pub fn markdown_with(comparison: &Comparison, options: &Options<'_>) -> String {
    markdown::render(comparison, options)
}

/// The comparison as one self-contained HTML page (no scripts, no
/// external resources; a content security policy forbids loading any).
/// Without report texts, evidence is shown without its sentence: see
/// [`html_with`].
pub fn html(comparison: &Comparison) -> String {
    html_with(comparison, &Options::new())
}

/// [`html`] with [`Options`]: given the reports, each piece of evidence
/// is linked to its sentence with the span marked.
pub fn html_with(comparison: &Comparison, options: &Options<'_>) -> String {
    html::render(comparison, options)
}

/// JSON Schema (draft 2020-12) of [`json`]: `corroborate compare --format json`.
pub const COMPARE_SCHEMA: &str = include_str!("../../schemas/compare.schema.json");
/// JSON Schema (draft 2020-12) of [`extraction_json`]: `corroborate extract`.
pub const EXTRACT_SCHEMA: &str = include_str!("../../schemas/extract.schema.json");
/// JSON Schema (draft 2020-12) of [`events_json`]: `corroborate events`.
pub const EVENTS_SCHEMA: &str = include_str!("../../schemas/events.schema.json");

fn pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// `value` as pretty JSON and a newline, written through a buffer as it
/// is serialised.
fn write_pretty<T: Serialize>(out: impl Write, value: &T) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `text`, ending with one newline.
fn write_line(mut out: impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// The JSON of `corroborate events`: the grouping of reports into events
/// (see [`group_reports`](crate::group_reports)), with a `"skipped"` array
/// when [`Options::skipped`] is set.
///
/// ```
/// use corroborate::{group_reports, render, EventConfig, Report};
///
/// let reports = [Report::new("a", "Floods hit Valencia."), Report::new("b", "An election in Oslo.")];
/// let groups = group_reports(&reports, &EventConfig::default());
/// let json: serde_json::Value =
///     serde_json::from_str(&render::events_json(&groups, &render::Options::new())).unwrap();
/// assert_eq!(json["schema_version"], corroborate::SCHEMA_VERSION);
/// assert_eq!(json["events"][1]["reports"], serde_json::json!(["b"]));
/// assert!(json.get("skipped").is_none());
/// ```
pub fn events_json(groups: &[EventGroup], options: &Options<'_>) -> String {
    pretty(&events_out(groups, options))
}

#[derive(Serialize)]
struct EventsOut<'a> {
    schema_version: &'a str,
    events: &'a [EventGroup],
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<&'a [Skipped]>,
}

fn events_out<'a>(groups: &'a [EventGroup], options: &Options<'a>) -> EventsOut<'a> {
    EventsOut {
        schema_version: crate::record::SCHEMA_VERSION,
        events: groups,
        skipped: options.skipped,
    }
}

/// The JSON of `corroborate extract`: per report, its sentences, quotes,
/// facts and statements with byte offsets (described by
/// [`EXTRACT_SCHEMA`]). Each report is its [`Extraction`] as serde writes
/// it, so it reads back.
///
/// ```
/// use corroborate::{extract, render, Extraction, Report};
///
/// let found = [extract(&Report::new("r", "“We will win,” Jane Doe said on Monday."))];
/// let json: serde_json::Value = serde_json::from_str(&render::extraction_json(&found)).unwrap();
/// let quote = &json["reports"][0]["quotes"][0];
/// assert_eq!(quote["start"], 3);
/// assert_eq!(quote["text"], "We will win,");
/// assert_eq!(quote["speaker_start"], 19);
/// assert_eq!(quote["sentence"], 0);
/// let back: Vec<Extraction> = serde_json::from_value(json["reports"].clone()).unwrap();
/// assert_eq!(back, found);
/// ```
pub fn extraction_json(found: &[Extraction]) -> String {
    extraction_json_with(found, &Options::new())
}

/// [`extraction_json`] with a `"skipped"` array when
/// [`Options::skipped`] is set.
pub fn extraction_json_with(found: &[Extraction], options: &Options<'_>) -> String {
    pretty(&extraction_out(found, options))
}

#[derive(Serialize)]
struct ExtractionOut<'a> {
    schema_version: &'a str,
    reports: &'a [Extraction],
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<&'a [Skipped]>,
}

fn extraction_out<'a>(found: &'a [Extraction], options: &Options<'a>) -> ExtractionOut<'a> {
    ExtractionOut {
        schema_version: crate::record::SCHEMA_VERSION,
        reports: found,
        skipped: options.skipped,
    }
}
