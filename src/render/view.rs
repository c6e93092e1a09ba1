//! What the human formats show, worked out once: per event its outlets,
//! dates and records sorted into the sections every format uses.

use std::collections::HashMap;

use jiff::civil::Date;

use super::diff::{self, Change};

use crate::record::{
    Claim, Comparison, Difference, Event, Evidence, Record, RecordKind, ReportInfo,
};
use crate::word_diff::WordDiff;

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
    /// Claims several reports carry that have differences, in agreement
    /// order; then discrepancies whose claim is missing, as claims of
    /// their own, in discrepancy order.
    pub differing: Vec<ClaimView<'a>>,
    /// Claims several reports carry without differences, in agreement
    /// order.
    pub agreeing: Vec<ClaimView<'a>>,
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
        let (differing, agreeing) = claims(event);
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
            differing,
            agreeing,
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

    /// Claim blocks of the event: those with differences first.
    pub fn claims(&self) -> impl Iterator<Item = &ClaimView<'a>> {
        self.differing.iter().chain(&self.agreeing)
    }

    /// "8 claims in several reports, 2 with differences, 31 in one
    /// report only".
    pub fn counts(&self) -> String {
        format!(
            "{} in several reports, {} with differences, {} in one report only",
            plural(
                self.differing.len() + self.agreeing.len(),
                "claim",
                "claims"
            ),
            self.differing.len(),
            self.event.unique.len(),
        )
    }

    /// "3 (2 wording, 1 truncation)", or "0".
    pub fn differences(&self) -> String {
        let records = &self.event.discrepancies;
        let mut kinds: Vec<(RecordKind, usize)> = Vec::new();
        for r in records {
            match kinds.iter_mut().find(|(k, _)| *k == r.kind) {
                Some((_, n)) => *n += 1,
                None => kinds.push((r.kind, 1)),
            }
        }
        kinds.sort_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
        if kinds.is_empty() {
            return "0".to_string();
        }
        let by_kind: Vec<String> = kinds
            .iter()
            .map(|&(k, n)| format!("{n} {}", kind_name(k)))
            .collect();
        format!("{} ({})", records.len(), by_kind.join(", "))
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

/// A diff's runs on one line: white space collapsed, control characters
/// dropped, cut with an ellipsis where the marked string (markers
/// counted, as in JSON and as [`short`] cuts it) would pass `max`
/// characters. A run cut short keeps its mark.
pub(crate) fn diff_line(d: &WordDiff, max: usize) -> Vec<(Change, String)> {
    let markers = |change: Change| if change == Change::Same { 0 } else { 4 };
    let runs: Vec<(Change, String)> = diff::runs(d)
        .into_iter()
        // The space between runs stays: flattened alone it would vanish.
        .map(|(change, run)| (change, if run == " " { run.into() } else { flat(run) }))
        .collect();
    let mut left = max;
    let mut out = Vec::with_capacity(runs.len());
    for (change, run) in runs {
        let cost = run.chars().count() + markers(change);
        if cost <= left {
            left -= cost;
            out.push((change, run));
            continue;
        }
        // The opening marker counts; the cut leaves no closing one.
        let room = left.saturating_sub(markers(change) / 2);
        let cut: String = run.chars().take(room).collect();
        match cut.trim_end() {
            "" => {
                // Nothing of this run fits: the line ends with the last.
                if let Some((_, last)) = out.last_mut() {
                    last.truncate(last.trim_end().len());
                }
            }
            cut => out.push((change, cut.to_string())),
        }
        out.push((Change::Same, "…".to_string()));
        break;
    }
    out.retain(|(_, run)| !run.is_empty());
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
        RecordKind::Difference(Difference::Wording) => "the same remark in different words",
        RecordKind::Difference(Difference::Truncation) => {
            "one outlet quotes only part of the remark"
        }
        RecordKind::Difference(Difference::Attribution) => {
            "the same words given to different speakers"
        }
        RecordKind::Difference(Difference::Value) => "different values for the same quantity",
        RecordKind::Difference(Difference::Date) => "different dates for the same thing",
        RecordKind::Difference(Difference::Qualifier) => "the same value hedged differently",
        _ => "",
    }
}

/// Evidence lines with the same outlet, speaker and wording, counted.
pub(crate) struct Line<'a> {
    pub outlet: &'a str,
    pub speaker: Option<&'a str>,
    pub text: &'a str,
    pub count: usize,
}

/// A record's evidence grouped into lines, in evidence order.
pub(crate) fn grouped<'a>(comparison: &'a Comparison, r: &'a Record) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut index: HashMap<(&str, Option<&str>, &str), usize> = HashMap::new();
    for e in &r.evidence {
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

/// One claim as a block: the claim several reports carry, its versions
/// by report and the differences found between them.
pub(crate) struct ClaimView<'a> {
    /// The claim's record in the event's agreements; `None` for
    /// discrepancies whose `of` names no claim there.
    pub record: Option<&'a Record>,
    /// The claim's discrepancies, in event order.
    pub differences: Vec<&'a Record>,
    /// The claim's evidence, sorted by report, then position; for a
    /// missing claim, the evidence of its discrepancies.
    pub evidence: Vec<&'a Evidence>,
}

impl<'a> ClaimView<'a> {
    /// The record that speaks for the claim: its own, or its first
    /// difference's.
    pub fn lead(&self) -> &'a Record {
        self.record
            .or_else(|| self.differences.first().copied())
            .expect("a claim view has a record or a difference")
    }

    /// "quote", "statement", "weekday", …; for a missing claim, its claim
    /// type ("quote", "fact").
    pub fn kind(&self) -> String {
        match self.record {
            Some(r) => kind_name(r.kind),
            None => match self.lead().claim {
                Claim::Quote => "quote".to_string(),
                Claim::Statement => "statement".to_string(),
                _ => "fact".to_string(),
            },
        }
    }

    /// The claim's versions: one per report, in report order.
    pub fn versions(&self) -> Vec<Version<'a>> {
        let mut out: Vec<Version<'a>> = Vec::new();
        for &e in &self.evidence {
            match out.last_mut() {
                Some(v) if v.report == e.report => v.evidence.push(e),
                _ => out.push(Version {
                    report: &e.report,
                    evidence: vec![e],
                }),
            }
        }
        out
    }
}

/// One report's version of a claim: its quotations or mentions of it.
pub(crate) struct Version<'a> {
    pub report: &'a str,
    pub evidence: Vec<&'a Evidence>,
}

impl<'a> ClaimView<'a> {
    /// How the claim's wording differences mark a piece of its evidence:
    /// which version of them it is and its text with the changed words;
    /// `None` when no wording difference holds it (or none can be shown).
    pub fn marks(&self, e: &'a Evidence) -> Option<(diff::Version, diff::Side<'a>)> {
        let mut version = None;
        let mut sides = Vec::new();
        for d in &self.differences {
            let Some(changes) = d
                .diff
                .as_ref()
                .filter(|_| d.kind == RecordKind::Difference(Difference::Wording))
            else {
                continue;
            };
            if !d.evidence.iter().any(|x| same_evidence(x, e)) {
                continue;
            }
            let Some(v) = diff::version_of(changes, &e.text) else {
                continue;
            };
            if let Some(side) = diff::mark(changes, &e.text, v) {
                version.get_or_insert(v);
                sides.push(side);
            }
        }
        Some((version?, diff::merge(&e.text, &sides)))
    }
}

/// Who a difference is between, in words: "AP → CNN" for wording (from
/// the most common version to the variant), "AP (Jane Doe), AFP (John
/// Roe)" for attribution, the outlets otherwise.
pub(crate) fn parties(comparison: &Comparison, d: &Record) -> String {
    let mut from: Vec<&str> = Vec::new();
    let mut to: Vec<&str> = Vec::new();
    let mut all: Vec<String> = Vec::new();
    for e in &d.evidence {
        let outlet = outlet_of(comparison, &e.report);
        let version = d.diff.as_ref().and_then(|c| diff::version_of(c, &e.text));
        match version {
            Some(diff::Version::From) if !from.contains(&outlet) => from.push(outlet),
            Some(diff::Version::To) if !to.contains(&outlet) => to.push(outlet),
            _ => {}
        }
        let one = match (d.kind, e.speaker.as_deref()) {
            (RecordKind::Difference(Difference::Attribution), Some(s)) => format!("{outlet} ({s})"),
            _ => outlet.to_string(),
        };
        if !all.contains(&one) {
            all.push(one);
        }
    }
    if d.kind == RecordKind::Difference(Difference::Wording) && !from.is_empty() && !to.is_empty() {
        format!("{} → {}", from.join(", "), to.join(", "))
    } else {
        all.join(", ")
    }
}

impl Version<'_> {
    /// The speaker this report gives, when it names one.
    pub fn speaker(&self) -> Option<&str> {
        self.evidence.iter().find_map(|e| e.speaker.as_deref())
    }
}

/// The same span of the same report.
pub(crate) fn same_evidence(a: &Evidence, b: &Evidence) -> bool {
    a.report == b.report && a.span == b.span
}

/// An event's claims as blocks: (with differences, without).
fn claims(event: &Event) -> (Vec<ClaimView<'_>>, Vec<ClaimView<'_>>) {
    let index: HashMap<&str, usize> = event
        .agreements
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut of_claim: Vec<Vec<&Record>> = vec![Vec::new(); event.agreements.len()];
    // Differences of missing claims, grouped by the id they name (each
    // alone when they name none), in order of first appearance.
    let mut missing: Vec<(Option<&str>, Vec<&Record>)> = Vec::new();
    for d in &event.discrepancies {
        match d.of.as_deref().and_then(|of| index.get(of)) {
            Some(&i) => of_claim[i].push(d),
            None => match missing
                .iter_mut()
                .find(|(of, _)| of.is_some() && *of == d.of.as_deref())
            {
                Some((_, ds)) => ds.push(d),
                None => missing.push((d.of.as_deref(), vec![d])),
            },
        }
    }
    let mut differing = Vec::new();
    let mut agreeing = Vec::new();
    for (r, differences) in event.agreements.iter().zip(of_claim) {
        let view = ClaimView {
            record: Some(r),
            evidence: r.evidence.iter().collect(),
            differences,
        };
        if view.differences.is_empty() {
            agreeing.push(view);
        } else {
            differing.push(view);
        }
    }
    for (_, differences) in missing {
        let mut evidence: Vec<&Evidence> = differences.iter().flat_map(|d| &d.evidence).collect();
        evidence.sort_by(|a, b| {
            (a.report.as_str(), a.span.start, a.span.end).cmp(&(
                b.report.as_str(),
                b.span.start,
                b.span.end,
            ))
        });
        evidence.dedup_by(|a, b| same_evidence(a, b));
        differing.push(ClaimView {
            record: None,
            differences,
            evidence,
        });
    }
    (differing, agreeing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_diff_line_is_cut_where_its_string_would_be() {
        let d: WordDiff = "one two [-three four-] five".parse().unwrap();
        let shown = |max: usize| -> String {
            diff_line(&d, max)
                .into_iter()
                .map(|(c, r)| match c {
                    Change::Same => r,
                    Change::Removed => format!("[-{r}-]"),
                    Change::Added => format!("{{+{r}+}}"),
                })
                .collect()
        };
        let string = d.to_string();
        // Where the cut falls outside a marked run: as `short` cuts the
        // string.
        for max in [100, 27, 26, 24, 23, 8, 7, 5, 0] {
            assert_eq!(shown(max), short(&string, max), "{max}");
        }
        // Inside one, the run keeps its mark.
        assert_eq!(shown(15), "one two [-three-]…");
        assert_eq!(shown(12), "one two [-th-]…");
        assert_eq!(shown(9), "one two…");
        let spaced: WordDiff = "a\n\nb [-c\u{1b}-]".parse().unwrap();
        assert_eq!(
            diff_line(&spaced, 100),
            [
                (Change::Same, "a b".to_string()),
                (Change::Same, " ".to_string()),
                (Change::Removed, "c".to_string())
            ]
        );
    }
}
