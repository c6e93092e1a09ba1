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
//! The stages are public too: [`extract`] one report, [`group_events`],
//! [`similarity`] of two statements, and [`render`] a comparison as text,
//! Markdown, JSON or HTML.
#![deny(missing_docs)]

mod align;
mod compare;
mod error;
mod events;
mod extract;
mod record;
pub mod render;
mod report;
mod similarity;
mod span;
mod text;

pub use crate::align::AlignConfig;
pub use crate::compare::{compare, compare_with, group_reports, CompareConfig, EventGroup};
pub use crate::error::{Error, Result};
pub use crate::events::{group_events, EventConfig, EventId, EventIndex, IndexSize, IndexedEvent};
pub use crate::extract::{
    extract, extract_with, ExtractConfig, Extraction, Fact, FactKind, FactValue, Qualifier, Quote,
    QuoteKind, QuoteMarks, Statement,
};
pub use crate::record::{
    Claim, Comparison, Event, Evidence, Record, RecordKind, ReportInfo, SCHEMA_VERSION,
};
pub use crate::report::{
    expand_paths, load, load_with, parse_bytes, read_file, LoadOptions, Report,
};
pub use crate::similarity::{similarity, Matcher};
pub use crate::span::Span;
