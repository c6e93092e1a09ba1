//! What the human formats show, worked out once: per event its outlets,
//! dates and records sorted into the sections every format uses.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::record::{Claim, Comparison, Event, Record, RecordKind, ReportInfo};

/// Evidence lines shown per record in text and Markdown (JSON has all).
pub(crate) const SHOWN: usize = 8;

/// One event, ready to show.
pub(crate) struct EventView<'a> {
    /// 1-based position in the comparison.
    pub number: usize,
    pub event: &'a Event,
    /// The event's reports, in id order.
    pub reports: Vec<&'a ReportInfo>,
    /// Distinct outlets, in report order.
    pub outlets: Vec<&'a str>,
    /// Earliest and latest publication date, when any is known.
    pub dates: Option<(Date, Date)>,
    /// How many reports have no date.
    pub undated: usize,
    /// The first headline among the reports.
    pub title: Option<&'a str>,
    /// Quote discrepancies: wording, truncation, attribution.
    pub quote_variants: Vec<&'a Record>,
    /// Fact discrepancies: value, date, qualifier.
    pub fact_conflicts: Vec<&'a Record>,
    /// Any other discrepancies (statements).
    pub other_discrepancies: Vec<&'a Record>,
    /// Quotes several reports carry.
    pub agreed_quotes: Vec<&'a Record>,
    /// Statements and facts several reports carry.
    pub agreed_other: Vec<&'a Record>,
    /// Quotes only one report carries.
    pub unique_quotes: Vec<&'a Record>,
    /// Statements and facts only one report carries.
    pub unique_other: Vec<&'a Record>,
}

impl<'a> EventView<'a> {
    pub fn new(comparison: &'a Comparison, number: usize, event: &'a Event) -> EventView<'a> {
        let reports: Vec<&ReportInfo> = event
            .reports
            .iter()
            .filter_map(|id| info(comparison, id))
            .collect();
        let mut outlets: Vec<&str> = Vec::new();
        for r in &reports {
            let outlet = r.outlet.as_deref().unwrap_or("unknown outlet");
            if !outlets.contains(&outlet) {
                outlets.push(outlet);
            }
        }
        let known: Vec<Date> = reports.iter().filter_map(|r| r.published).collect();
        let dates = known
            .iter()
            .min()
            .zip(known.iter().max())
            .map(|(a, b)| (*a, *b));
        let split = |records: &'a [Record], quotes: bool| -> Vec<&'a Record> {
            records
                .iter()
                .filter(|r| (r.claim == Claim::Quote) == quotes)
                .collect()
        };
        let fact_conflicts = event
            .discrepancies
            .iter()
            .filter(|r| r.claim == Claim::Fact)
            .collect();
        let other_discrepancies = event
            .discrepancies
            .iter()
            .filter(|r| !matches!(r.claim, Claim::Fact | Claim::Quote))
            .collect();
        EventView {
            number,
            event,
            outlets,
            dates,
            undated: reports.len() - known.len(),
            title: reports
                .iter()
                .find_map(|r| r.title.as_deref().filter(|t| !t.trim().is_empty())),
            reports,
            quote_variants: split(&event.discrepancies, true),
            fact_conflicts,
            other_discrepancies,
            agreed_quotes: split(&event.agreements, true),
            agreed_other: split(&event.agreements, false),
            unique_quotes: split(&event.unique, true),
            unique_other: split(&event.unique, false),
        }
    }

    /// "2024-08-21", "2023-04-16 to 2023-04-17", "undated"; with the
    /// number of undated reports when some are dated.
    pub fn date_range(&self) -> String {
        let mut out = match self.dates {
            None => return "undated".to_string(),
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a} to {b}"),
        };
        if self.undated > 0 {
            out.push_str(&format!(" ({} undated)", self.undated));
        }
        out
    }

    /// "3 agreements, 1 discrepancy, 50 claims in one report only".
    pub fn counts(&self) -> String {
        format!(
            "{}, {}, {} in one report only",
            plural(self.event.agreements.len(), "agreement", "agreements"),
            plural(
                self.event.discrepancies.len(),
                "discrepancy",
                "discrepancies"
            ),
            plural(self.event.unique.len(), "claim", "claims"),
        )
    }

    /// The event's heading: its first headline, or its id.
    pub fn heading(&self) -> String {
        match self.title {
            Some(t) => short(t, 120),
            None => self.event.id.clone(),
        }
    }
}

/// "1 report", "2 reports".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A report's details; `reports` is sorted by id.
pub(crate) fn info<'a>(comparison: &'a Comparison, id: &str) -> Option<&'a ReportInfo> {
    let reports = &comparison.reports;
    let i = reports.partition_point(|r| r.id.as_str() < id);
    reports
        .get(i)
        .filter(|r| r.id == id)
        .or_else(|| reports.iter().find(|r| r.id == id))
}

/// A report's outlet, or its id when the outlet is unknown.
pub(crate) fn outlet_of<'a>(comparison: &'a Comparison, report: &'a str) -> &'a str {
    info(comparison, report)
        .and_then(|r| r.outlet.as_deref())
        .unwrap_or(report)
}

/// Text on one line, white space collapsed, control characters dropped,
/// cut to `max` characters with an ellipsis.
pub(crate) fn short(text: &str, max: usize) -> String {
    let flat = flat(text);
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Text on one line: white space collapsed, control characters (terminal
/// escapes in hostile input) dropped.
pub(crate) fn flat(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    out
}

/// The serde name of a record kind, in words: "relative time".
pub(crate) fn kind_name(kind: RecordKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
        .replace('_', " ")
}

/// What a discrepancy kind means, for headings and legends.
pub(crate) fn kind_help(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Wording => "the same remark in different words",
        RecordKind::Truncation => "one outlet quotes only part of the remark",
        RecordKind::Attribution => "the same words given to different speakers",
        RecordKind::Value => "different values for the same quantity",
        RecordKind::Date => "different dates for the same thing",
        RecordKind::Qualifier => "the same value hedged differently",
        _ => "",
    }
}

/// Evidence lines with the same outlet, speaker and wording, counted.
pub(crate) struct Line<'a> {
    pub outlet: &'a str,
    pub speaker: Option<&'a str>,
    pub text: &'a str,
    pub count: usize,
    /// Index of the first evidence of the line in the record.
    pub first: usize,
}

/// A record's evidence grouped into lines, in evidence order.
pub(crate) fn grouped<'a>(comparison: &'a Comparison, r: &'a Record) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut index: HashMap<(&str, Option<&str>, &str), usize> = HashMap::new();
    for (i, e) in r.evidence.iter().enumerate() {
        let key = (
            outlet_of(comparison, &e.report),
            e.speaker.as_deref(),
            e.text.as_str(),
        );
        match index.get(&key) {
            Some(&at) => lines[at].count += 1,
            None => {
                index.insert(key, lines.len());
                lines.push(Line {
                    outlet: key.0,
                    speaker: key.1,
                    text: key.2,
                    count: 1,
                    first: i,
                });
            }
        }
    }
    lines
}

/// The distinct outlets of a record's evidence, in evidence order.
pub(crate) fn outlets<'a>(comparison: &'a Comparison, r: &'a Record) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for e in &r.evidence {
        let o = outlet_of(comparison, &e.report);
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out
}

/// Records grouped by speaker (speakers in order of first appearance,
/// unattributed last).
pub(crate) fn by_speaker<'a>(records: &[&'a Record]) -> Vec<(Option<&'a str>, Vec<&'a Record>)> {
    let mut out: Vec<(Option<&'a str>, Vec<&'a Record>)> = Vec::new();
    let mut index: HashMap<Option<&'a str>, usize> = HashMap::new();
    for &r in records {
        let speaker = r.speaker.as_deref();
        match index.get(&speaker) {
            Some(&at) => out[at].1.push(r),
            None => {
                index.insert(speaker, out.len());
                out.push((speaker, vec![r]));
            }
        }
    }
    out.sort_by_key(|(s, _)| s.is_none());
    out
}

/// "5 reports from 3 outlets (1 of unknown outlet)".
pub(crate) fn sources(comparison: &Comparison) -> String {
    let mut outlets: Vec<&str> = comparison
        .reports
        .iter()
        .filter_map(|r| r.outlet.as_deref())
        .collect();
    let unknown = comparison.reports.len() - outlets.len();
    outlets.sort_unstable();
    outlets.dedup();
    let mut out = format!(
        "{} from {}",
        plural(comparison.reports.len(), "report", "reports"),
        plural(outlets.len(), "outlet", "outlets")
    );
    if unknown > 0 {
        out.push_str(&format!(" ({unknown} of unknown outlet)"));
    }
    out
}
