//! The result of a comparison: events and their agreement, discrepancy
//! and unique records. Plain data, serde both ways.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Version of the JSON layout; bumped when a field changes meaning.
pub const SCHEMA_VERSION: &str = "1.0";

/// Everything [`compare`](crate::compare) found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Version of this layout ([`SCHEMA_VERSION`]).
    pub schema_version: String,
    /// Every input report, sorted by id.
    pub reports: Vec<ReportInfo>,
    /// Events, sorted by their first report id.
    pub events: Vec<Event>,
}

/// What is known about one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInfo {
    /// The report's id.
    pub id: String,
    /// Outlet, given or inferred.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
    /// Headline.
    pub title: Option<String>,
}

/// Reports about one event and how they compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id derived from the first report id.
    pub id: String,
    /// Report ids, sorted.
    pub reports: Vec<String>,
    /// Claims that several reports carry.
    pub agreements: Vec<Record>,
    /// Where reports of the same claim differ.
    pub discrepancies: Vec<Record>,
    /// Claims only one report carries.
    pub unique: Vec<Record>,
}

/// What sort of claim a record is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Claim {
    /// A direct quote.
    Quote,
    /// A statement in the reporter's words.
    Statement,
    /// A number, amount, date or time.
    Fact,
}

/// What a record says: the claim type for agreements and unique claims, the
/// kind of difference for discrepancies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecordKind {
    /// A quote (agreement or unique).
    Quote,
    /// A statement (agreement or unique).
    Statement,
    /// A fact of the given kind (agreement or unique).
    Number,
    /// A count of things.
    Count,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A calendar date; for discrepancies: dates that differ.
    Date,
    /// A weekday.
    Weekday,
    /// A relative time.
    RelativeTime,
    /// A duration.
    Duration,
    /// A year.
    Year,
    /// An ordinal.
    Ordinal,
    /// Discrepancy: the same remark in different words.
    Wording,
    /// Discrepancy: one report quotes only part of what another quotes.
    Truncation,
    /// Discrepancy: the same words given to different speakers.
    Attribution,
    /// Discrepancy: different values for the same quantity.
    Value,
    /// Discrepancy: the same value hedged differently ("more than", "about").
    Qualifier,
}

/// One piece of evidence: an exact span of one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The report's id.
    pub report: String,
    /// Byte span into the report's original text.
    #[serde(flatten)]
    pub span: Span,
    /// Exactly the report's text at `span`.
    pub text: String,
    /// Who said it, for quotes.
    pub speaker: Option<String>,
}

/// An agreement, discrepancy or unique claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Quote, statement or fact.
    pub claim: Claim,
    /// What the record says (see [`RecordKind`]).
    pub kind: RecordKind,
    /// The speaker, for quotes: one canonical name across the reports.
    pub speaker: Option<String>,
    /// The evidence, sorted by report id, then position.
    pub evidence: Vec<Evidence>,
    /// How sure the match is, in `[0, 1]`; `None` for unique claims.
    pub score: Option<f64>,
    /// For wording discrepancies: the word-level changes, `[-old-]` and
    /// `{+new+}`, from the first evidence to the second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// A short human-readable note (values compared, qualifiers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Record {
    /// The reports this record draws on, sorted, without repeats.
    pub fn reports(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.evidence.iter().map(|e| e.report.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}
