//! # corroborate
//!
//! Cross-outlet comparison of news reports for fact-checkers: which
//! reports cover the same event, what each quotes and who said it, which
//! facts each gives, and where the outlets agree, where they differ and
//! what only one of them carries — every finding backed by an exact byte
//! span of the original text.
//!
//! ```
//! use corroborate::{compare, Report};
//!
//! let reports = vec![
//!     Report::new("ap", "Chancellor Jane Doe met President John Roe on Monday.\n\n\
//!         “We exchange useful information,” Doe said."),
//!     Report::new("afp", "Chancellor Jane Doe met President John Roe on Monday.\n\n\
//!         “We are regularly exchanging information that is useful to us,” said Doe."),
//! ];
//! let comparison = compare(&reports);
//! let event = &comparison.events[0];
//! assert_eq!(event.reports, ["afp", "ap"]);
//! // Each piece of evidence is the exact text at its byte span.
//! for record in event.agreements.iter().chain(&event.discrepancies) {
//!     for e in &record.evidence {
//!         let report = reports.iter().find(|r| r.id == e.report).unwrap();
//!         assert_eq!(&report.text[e.span.range()], e.text);
//!     }
//! }
//! ```
//!
//! # Overview
//!
//! | stage | entry point | gives |
//! | --- | --- | --- |
//! | read | [`Report::new`], [`Report::from_plain_text`], [`load`], [`read_file`] | [`Report`]s: original text and what is known about each |
//! | extract | [`extract`] (one report, pure, parallel-safe) | an [`Extraction`]: [`Quote`]s with speakers, [`Fact`]s, [`Statement`]s |
//! | group | [`group_events`], [`group_reports`] | which reports cover one event |
//! | match | [`similarity`], [`Matcher`] | how likely two statements make one claim |
//! | align | [`align_events`] | per event, its agreement, discrepancy and unique [`Record`]s with [`Evidence`] |
//! | compare | [`compare`], [`compare_with`] | all of the above: a [`Comparison`] of [`Event`]s |
//! | render | [`render`] | JSON, text, Markdown or one self-contained HTML page |
//!
//! [`compare`] runs every stage; the stages are public for those who need
//! one of them. Everything returned is plain data with public fields,
//! `serde` both ways, sorted by a stated key: the same reports in any order
//! give the same output. Only reading input can fail ([`Error`]).
//!
//! # Main types
//!
//! ## [`Report`]: one article as given
//!
//! Its `text` is never rewritten; every span indexes it. A plain-text
//! report may start with a ` date YYYY-MM-DD ` line.
//!
//! ```
//! use corroborate::Report;
//!
//! let report = Report::from_plain_text("ap-1", " date 2024-08-21 Putin meets Li\n\nText.")?
//!     .with_outlet("AP");
//! assert_eq!(report.published.unwrap().to_string(), "2024-08-21");
//! assert_eq!(&report.text[report.body_start()..], "Putin meets Li\n\nText.");
//! # Ok::<(), corroborate::Error>(())
//! ```
//!
//! ## [`Span`]: a byte range into the original text
//!
//! ```
//! use corroborate::Span;
//!
//! let text = "Li said “yes.”";
//! let span = Span::new(11, 15);
//! assert_eq!(span.text(text), "yes.");
//! assert!(Span::new(0, 20).contains(span));
//! assert_eq!(Span::new(3, 99).text(text), ""); // out of bounds: empty, no panic
//! ```
//!
//! ## [`Extraction`]: what one report says
//!
//! ```
//! use corroborate::{extract, FactKind, Report};
//!
//! let report = Report::new("r", "Mayor Jane Doe said on Monday that 37 people were rescued.\n\n\
//!     “We will rebuild,” Doe said.");
//! let found = extract(&report);
//! assert_eq!(found.quotes[0].text, "We will rebuild,");
//! assert_eq!(found.quotes[0].speaker.as_deref(), Some("Jane Doe"));
//! assert!(found.facts.iter().any(|f| f.kind == FactKind::Weekday && f.text == "Monday"));
//! for fact in &found.facts {
//!     assert_eq!(fact.span.text(&report.text), fact.text);
//! }
//! ```
//!
//! ## [`Comparison`], [`Event`], [`Record`], [`Evidence`]: the findings
//!
//! An agreement says several reports carry one claim; a discrepancy says
//! how they differ ([`RecordKind::Difference`]: [`Difference::Wording`],
//! [`Difference::Truncation`], [`Difference::Attribution`],
//! [`Difference::Value`], …); a unique record is a claim only one report
//! carries.
//!
//! ```
//! use corroborate::{compare, Claim, Difference, RecordKind, Report};
//!
//! let reports = [
//!     Report::new("wire", "Flash floods killed 51 people in Port Alder on Tuesday, officials said.\n\n\
//!         “This is a tragedy without precedent,” Mayor Ines Calloway said."),
//!     Report::new("daily", "Flash floods killed 62 people in Port Alder on Tuesday, officials said.\n\n\
//!         Mayor Ines Calloway called it “a tragedy without precedent.”"),
//! ];
//! let comparison = compare(&reports);
//! let event = &comparison.events[0];
//! let quote = event.agreements.iter().find(|r| r.claim == Claim::Quote).unwrap();
//! assert_eq!(quote.speaker.as_deref(), Some("Ines Calloway"));
//! assert_eq!(quote.reports(), ["daily", "wire"]);
//! let value = RecordKind::Difference(Difference::Value);
//! let conflict = event.discrepancies.iter().find(|r| r.kind == value).unwrap();
//! let values: Vec<&str> = conflict.evidence.iter().map(|e| e.text.as_str()).collect();
//! assert_eq!(values, ["62 people", "51 people"]);
//! ```
//!
//! ## [`Matcher`]: same claim or not
//!
//! ```
//! use corroborate::Matcher;
//!
//! let sentences = ["China refused to criticize Russia.", "China refuses to criticize Russia.", "Rain is expected."];
//! let matcher = Matcher::from_corpus(sentences);
//! assert!(matcher.similarity(sentences[0], sentences[1]) > 0.8);
//! assert!(matcher.similarity(sentences[0], sentences[2]) < 0.2);
//! ```
//!
//! ## [`EventConfig`]: which reports are one event
//!
//! ```
//! use corroborate::{group_reports, EventConfig, Report};
//!
//! let reports = [
//!     Report::new("a", "Rescuers pulled 12 miners from the flooded Zhangjiakou mine on Monday."),
//!     Report::new("b", "Twelve miners were rescued from the flooded Zhangjiakou mine."),
//!     Report::new("c", "The central bank raised interest rates by half a point."),
//! ];
//! let events = group_reports(&reports, &EventConfig::default());
//! let groups: Vec<&[String]> = events.iter().map(|e| e.reports.as_slice()).collect();
//! assert_eq!(groups, [&["a", "b"][..], &["c"][..]]);
//!
//! // The user can say it: all one event, or labels.
//! let one = EventConfig { one_event: true, ..EventConfig::default() };
//! assert_eq!(group_reports(&reports, &one).len(), 1);
//! let labelled = [reports[0].clone().with_event("mine"), reports[2].clone().with_event("mine")];
//! assert_eq!(group_reports(&labelled, &EventConfig::default()).len(), 1);
//! ```
//!
//! ## [`Error`]: bad input, named
//!
//! ```
//! use corroborate::{parse_bytes, Error, LoadOptions};
//!
//! let err = parse_bytes("feed.jsonl", "feed", "jsonl", b"{\"id\": \"a\"}".to_vec(), &LoadOptions::default())
//!     .unwrap_err();
//! assert!(matches!(err, Error::Json { line: 1, .. }));
//! assert!(err.to_string().starts_with("feed.jsonl: invalid JSON at line 1"));
//! ```
//!
//! # Rendering
//!
//! [`render`] turns a [`Comparison`] into JSON (the stable contract,
//! described by the JSON Schemas in [`render::COMPARE_SCHEMA`] and the
//! `schemas/` folder, versioned by [`SCHEMA_VERSION`]), text for a
//! terminal, Markdown for a draft, or one self-contained HTML page with the
//! quote variants side by side and each piece of evidence in its sentence.
//!
//! ```
//! use corroborate::{compare, render, Report};
//!
//! let reports = [
//!     Report::new("a", "“This bridge unites our city,” Mayor Jane Doe said on Monday."),
//!     Report::new("b", "“This bridge unites the city,” Mayor Jane Doe said on Monday."),
//! ];
//! let comparison = compare(&reports);
//! let page = render::html_with(&comparison, &render::Options::new().reports(&reports));
//! assert!(page.contains("<del>the</del>") || page.contains("<del>our</del>"));
//! assert!(!page.contains("http://") && !page.contains("<script"));
//! ```
//!
//! # Features
//!
//! - `cli` (default): the `corroborate` command-line tool (`clap`,
//!   `indicatif`). Library users can turn it off with
//!   `default-features = false`.
//!
//! # Command line
//!
//! `corroborate compare|extract|events|score|schema`; see the README or
//! `corroborate --help` for the formats, `--keep-going`, standard input and
//! exit codes.
#![deny(missing_docs)]

mod align;
mod compare;
pub mod distributed;
mod error;
mod events;
mod extract;
mod lexicon;
mod record;
pub mod render;
mod report;
mod similarity;
mod span;
mod text;
mod word_diff;

pub use crate::align::{align_events, AlignConfig};
pub use crate::compare::{
    compare, compare_stream, compare_timed, compare_with, group_reports, CompareConfig,
    ComparisonStream, EventGroup,
};
pub use crate::error::{Error, Result};
pub use crate::events::{group_events, EventConfig, EventId, EventIndex, IndexSize, IndexedEvent};
pub use crate::extract::{
    extract, extract_with, Annual, Direction, ExtractConfig, Extraction, Fact, FactKind, FactValue,
    Origin, Qualifier, Quote, QuoteKind, QuoteMarks, Statement, TimeRef,
};
pub use crate::record::{
    Claim, Comparison, Difference, Event, Evidence, Record, RecordKind, ReportInfo, SCHEMA_VERSION,
};
pub use crate::report::{
    expand_paths, load, load_with, parse_bytes, read_file, InputFormat, LoadOptions, Loaded,
    Report, ReportFields, Skipped,
};
pub use crate::similarity::{similarity, Matcher};
pub use crate::span::Span;
pub use crate::word_diff::{WordDiff, WordOp, WordTag};
