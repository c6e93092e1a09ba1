//! The result of a comparison: events and their agreement, discrepancy
//! and unique records. Plain data, serde both ways.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::extract::FactKind;
use crate::span::Span;
use crate::word_diff::WordDiff;

/// Version of the JSON layout: the minor number grows when fields are
/// added, the major one when a field changes meaning. 1.1 added the
/// record `id` and the discrepancy's `of`; 1.2 the extraction's
/// `sentences`, each quote's, fact's and statement's `sentence`, and a
/// time fact's unresolved `time`; 1.3 a quote's `speaker_confidence`; 1.4
/// the fact kinds `age` and `tally` (with its `first`/`second` value), the
/// qualifier `exactly` and the times `annual`, `quarter`, `day_of_month`,
/// `day_on_weekday` and `nth_weekday` (direction `nearest`).
pub const SCHEMA_VERSION: &str = "1.4";

/// Everything [`compare`](crate::compare) found: the reports, and the
/// events they were grouped into with their records.
///
/// ```
/// use corroborate::{compare, Report, SCHEMA_VERSION};
///
/// let reports = [
///     Report::new("b", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
///         “This bridge unites our city,” Doe said."),
///     Report::new("a", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
///         “This bridge unites the city,” said Doe."),
/// ];
/// let comparison = compare(&reports);
/// assert_eq!(comparison.schema_version, SCHEMA_VERSION);
/// // Reports come back sorted by id, whatever the input order.
/// let ids: Vec<&str> = comparison.reports.iter().map(|r| r.id.as_str()).collect();
/// assert_eq!(ids, ["a", "b"]);
/// assert_eq!(comparison.events.len(), 1);
/// // It is plain serde data: JSON out, JSON back in, the same JSON.
/// let json = serde_json::to_string(&comparison).unwrap();
/// let back: corroborate::Comparison = serde_json::from_str(&json).unwrap();
/// assert_eq!(serde_json::to_string(&back).unwrap(), json);
/// // Equal, but for what JSON does not keep of a wording diff (the texts
/// // around its words: see `WordDiff`).
/// let without_diffs = |c: &corroborate::Comparison| {
///     let mut c = c.clone();
///     c.events.iter_mut().flat_map(|e| &mut e.discrepancies).for_each(|d| d.diff = None);
///     c
/// };
/// assert_eq!(without_diffs(&back), without_diffs(&comparison));
/// ```
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
///
/// ```
/// use corroborate::{compare, Report};
///
/// let reports = [
///     Report::new("ap", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
///         “This bridge unites our city,” Doe said."),
///     Report::new("afp", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
///         “This bridge unites the city,” said Doe."),
///     Report::new("dpa", "The central bank raised interest rates by half a point."),
/// ];
/// let comparison = compare(&reports);
/// // Every report is in exactly one event; a report alone is an event of one.
/// let groups: Vec<&[String]> = comparison.events.iter().map(|e| e.reports.as_slice()).collect();
/// assert_eq!(groups, [&["afp", "ap"][..], &["dpa"][..]]);
/// // A lone report has nothing to agree or disagree with.
/// let lone = &comparison.events[1];
/// assert!(lone.agreements.is_empty() && lone.discrepancies.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id derived from the first report id.
    pub id: String,
    /// Report ids, sorted.
    pub reports: Vec<String>,
    /// Claims that several reports carry: one record per claim, holding
    /// every report's version of it (all quotations of one remark,
    /// fragments included), whether or not the versions differ.
    pub agreements: Vec<Record>,
    /// Differences within those claims: each is one difference (wording,
    /// truncation, attribution, value, date, qualifier) of one claim between
    /// the versions that show it, and names its claim in [`Record::of`].
    #[serde(deserialize_with = "discrepancies")]
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

/// What a record says: for agreements and unique claims the claim itself
/// (a quote, a statement, or a fact of its kind), for discrepancies the
/// kind of difference.
///
/// In JSON it is one string, the same as the name of the inner kind:
/// `"quote"`, `"statement"`, a fact kind (`"count"`, `"relative_time"`, …)
/// or a difference (`"wording"`, `"value"`, …). `"date"` names both
/// [`FactKind::Date`] and [`Difference::Date`]: alone it reads as the fact
/// kind, and in an [`Event`]'s `discrepancies` as the difference.
///
/// Ordered as listed (a fact and a difference by their own order): the
/// order records of one claim, place and report are output in.
///
/// ```
/// use corroborate::{Difference, FactKind, RecordKind};
///
/// let kinds = [
///     RecordKind::Quote,
///     RecordKind::Fact(FactKind::RelativeTime),
///     RecordKind::Difference(Difference::Wording),
/// ];
/// let json = serde_json::to_string(&kinds).unwrap();
/// assert_eq!(json, r#"["quote","relative_time","wording"]"#);
/// let back: Vec<RecordKind> = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, kinds);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum RecordKind {
    /// A quote (agreement or unique).
    Quote,
    /// A statement (agreement or unique).
    Statement,
    /// A fact of this kind (agreement or unique).
    Fact(FactKind),
    /// A discrepancy of this kind.
    Difference(Difference),
}

/// How the versions of one claim differ: the kind of a discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Difference {
    // Declared in the order differences are output in.
    /// Dates (or weekdays, relative times, years) that differ.
    Date,
    /// The same remark in different words.
    Wording,
    /// One report quotes only part of what another quotes.
    Truncation,
    /// The same words given to different speakers.
    Attribution,
    /// Different values for the same quantity.
    Value,
    /// The same value hedged differently ("more than", "about").
    Qualifier,
}

impl Serialize for RecordKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RecordKind::Quote => serializer.serialize_str("quote"),
            RecordKind::Statement => serializer.serialize_str("statement"),
            RecordKind::Fact(kind) => kind.serialize(serializer),
            RecordKind::Difference(kind) => kind.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for RecordKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RecordKind, D::Error> {
        use serde::de::value::{Error, StrDeserializer};
        let name = String::deserialize(deserializer)?;
        let inner = || StrDeserializer::<Error>::new(&name);
        match name.as_str() {
            "quote" => Ok(RecordKind::Quote),
            "statement" => Ok(RecordKind::Statement),
            _ => FactKind::deserialize(inner())
                .map(RecordKind::Fact)
                .or_else(|_| Difference::deserialize(inner()).map(RecordKind::Difference))
                .map_err(|_| serde::de::Error::custom(format!("unknown record kind {name:?}"))),
        }
    }
}

/// An event's discrepancies as read from JSON: `"date"` there is the
/// difference, not the fact kind.
fn discrepancies<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Record>, D::Error> {
    let mut records = Vec::<Record>::deserialize(deserializer)?;
    for r in &mut records {
        if r.kind == RecordKind::Fact(FactKind::Date) {
            r.kind = RecordKind::Difference(Difference::Date);
        }
    }
    Ok(records)
}

/// One piece of evidence: an exact span of one report.
///
/// `text` is always the report's original text at `span`, so evidence can
/// be checked against (and highlighted in) the report it came from.
///
/// ```
/// use corroborate::{compare, Report};
///
/// let reports = [
///     Report::new("ap", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
///         “This bridge unites our city,” Doe said."),
///     Report::new("afp", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
///         “This bridge unites the city,” said Doe."),
/// ];
/// let comparison = compare(&reports);
/// for record in comparison.events.iter().flat_map(|e| e.agreements.iter().chain(&e.unique)) {
///     for evidence in &record.evidence {
///         let report = reports.iter().find(|r| r.id == evidence.report).unwrap();
///         assert_eq!(evidence.span.text(&report.text), evidence.text);
///     }
/// }
/// ```
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
    /// How sure that attribution is, as the quote's `speaker_confidence`
    /// (0 without a speaker).
    #[serde(default)]
    pub speaker_confidence: f32,
}

/// An agreement, discrepancy or unique claim.
///
/// ```
/// use corroborate::{compare, Claim, Difference, RecordKind, Report};
///
/// let reports = [
///     Report::new("ap", "Chancellor Jane Doe met President John Roe on Monday.\n\n\
///         “We exchange useful information,” Doe said."),
///     Report::new("afp", "Chancellor Jane Doe met President John Roe on Monday.\n\n\
///         “We exchange important information,” said Doe."),
/// ];
/// let event = &compare(&reports).events[0];
/// let wording = event
///     .discrepancies
///     .iter()
///     .find(|r| r.kind == RecordKind::Difference(Difference::Wording))
///     .unwrap();
/// assert_eq!(wording.claim, Claim::Quote);
/// assert_eq!(wording.speaker.as_deref(), Some("Jane Doe"));
/// assert_eq!(wording.reports(), ["afp", "ap"]);
/// // Word changes from the most common version (a tie: afp's) to the variant.
/// let diff = wording.diff.as_ref().unwrap();
/// assert_eq!(diff.from, "We exchange important information,");
/// assert!(diff.to_string().starts_with("We exchange [-important-]{+useful+}"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Stable within one output: the event id, a slash, the section's
    /// letter (`c` claim, `d` discrepancy, `u` unique) and the record's
    /// number in its section (`event-a/c1`).
    #[serde(default)]
    pub id: String,
    /// For a discrepancy: the [`id`](Record::id) of the claim (in the
    /// event's agreements) it is a difference of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
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
    /// For wording discrepancies: the word-level changes from the claim's
    /// most common version to the variant (in JSON the marked string
    /// `[-old-]{+new+}`, see [`WordDiff`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<WordDiff>,
    /// A short human-readable note (values compared, qualifiers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Record {
    /// The reports this record draws on, sorted, without repeats.
    ///
    /// ```
    /// use corroborate::{Claim, Evidence, FactKind, Record, RecordKind, Span};
    ///
    /// let evidence = |report: &str, start| Evidence {
    ///     report: report.to_string(),
    ///     span: Span::new(start, start + 6),
    ///     text: "Monday".to_string(),
    ///     speaker: None,
    ///     speaker_confidence: 0.0,
    /// };
    /// let record = Record {
    ///     id: "event-a/c1".to_string(),
    ///     of: None,
    ///     claim: Claim::Fact,
    ///     kind: RecordKind::Fact(FactKind::Weekday),
    ///     speaker: None,
    ///     evidence: vec![evidence("b", 10), evidence("a", 4), evidence("b", 90)],
    ///     score: Some(1.0),
    ///     diff: None,
    ///     note: None,
    /// };
    /// assert_eq!(record.reports(), ["a", "b"]);
    /// ```
    pub fn reports(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.evidence.iter().map(|e| e.report.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_keep_their_json_names_both_ways() {
        let cases: &[(RecordKind, &str)] = &[
            (RecordKind::Quote, "quote"),
            (RecordKind::Statement, "statement"),
            (RecordKind::Fact(FactKind::Number), "number"),
            (RecordKind::Fact(FactKind::Count), "count"),
            (RecordKind::Fact(FactKind::Money), "money"),
            (RecordKind::Fact(FactKind::Percent), "percent"),
            (RecordKind::Fact(FactKind::Date), "date"),
            (RecordKind::Fact(FactKind::Weekday), "weekday"),
            (RecordKind::Fact(FactKind::RelativeTime), "relative_time"),
            (RecordKind::Fact(FactKind::Duration), "duration"),
            (RecordKind::Fact(FactKind::Year), "year"),
            (RecordKind::Fact(FactKind::Ordinal), "ordinal"),
            (RecordKind::Fact(FactKind::Age), "age"),
            (RecordKind::Fact(FactKind::Tally), "tally"),
            (RecordKind::Difference(Difference::Wording), "wording"),
            (RecordKind::Difference(Difference::Truncation), "truncation"),
            (
                RecordKind::Difference(Difference::Attribution),
                "attribution",
            ),
            (RecordKind::Difference(Difference::Value), "value"),
            (RecordKind::Difference(Difference::Qualifier), "qualifier"),
        ];
        for &(kind, name) in cases {
            assert_eq!(serde_json::to_value(kind).unwrap(), name);
            let back: RecordKind = serde_json::from_value(name.into()).unwrap();
            assert_eq!(back, kind, "{name}");
        }
        let date = RecordKind::Difference(Difference::Date);
        assert_eq!(serde_json::to_value(date).unwrap(), "date");
        let err = serde_json::from_str::<RecordKind>("\"fact\"").unwrap_err();
        assert!(err.to_string().contains("unknown record kind \"fact\""));
    }

    #[test]
    fn date_in_discrepancies_is_the_difference() {
        let record = |kind: RecordKind| Record {
            id: String::new(),
            of: None,
            claim: Claim::Fact,
            kind,
            speaker: None,
            evidence: Vec::new(),
            score: None,
            diff: None,
            note: None,
        };
        let event = Event {
            id: "event-a".to_string(),
            reports: vec!["a".to_string()],
            agreements: vec![record(RecordKind::Fact(FactKind::Date))],
            discrepancies: vec![record(RecordKind::Difference(Difference::Date))],
            unique: vec![record(RecordKind::Fact(FactKind::Date))],
        };
        let json = serde_json::to_string(&event).unwrap();
        assert_eq!(json.matches("\"kind\":\"date\"").count(), 3);
        let back: Event = serde_json::from_str(&json).unwrap();
        assert_eq!(back, event);
    }

    #[test]
    fn kinds_sort_as_records_are_output() {
        // Within one claim's differences: dates, then the quote kinds in
        // this order, then values and qualifiers.
        let mut kinds = [
            Difference::Qualifier,
            Difference::Wording,
            Difference::Value,
            Difference::Attribution,
            Difference::Date,
            Difference::Truncation,
        ];
        kinds.sort();
        assert_eq!(
            kinds,
            [
                Difference::Date,
                Difference::Wording,
                Difference::Truncation,
                Difference::Attribution,
                Difference::Value,
                Difference::Qualifier
            ]
        );
        assert!(RecordKind::Statement < RecordKind::Fact(FactKind::Number));
        assert!(RecordKind::Fact(FactKind::Percent) < RecordKind::Fact(FactKind::Date));
    }
}
