//! The whole pipeline: extract (in parallel), group into events, align
//! each event (in parallel), and assemble the [`Comparison`].

use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{align_events, AlignConfig};
use crate::events::{group_labelled, EventConfig};
use crate::extract::{extract, extract_with, ExtractConfig, Extraction};
use crate::record::{Comparison, ReportInfo, SCHEMA_VERSION};
use crate::report::Report;

/// Settings for [`compare_with`]; `Default` is what [`compare`] uses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompareConfig {
    /// Per-report extraction.
    pub extract: ExtractConfig,
    /// Event grouping.
    pub events: EventConfig,
    /// Alignment within an event.
    pub align: AlignConfig,
}

/// Compares reports: which cover the same event, and within each event
/// where they agree, where they differ and what only one carries.
///
/// The output does not depend on the order of `reports`.
///
/// ```
/// use corroborate::{compare, Report};
/// let reports = [
///     Report::new("a", "Mayor Jane Doe opened the new Harbour Bridge on Monday.\n\n“This bridge unites our city,” Doe said."),
///     Report::new("b", "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n“This bridge unites the city,” said Doe."),
/// ];
/// let result = compare(&reports);
/// assert_eq!(result.events.len(), 1);
/// let quote = &result.events[0].agreements.iter().find(|r| r.claim == corroborate::Claim::Quote).unwrap();
/// assert_eq!(quote.speaker.as_deref(), Some("Jane Doe"));
/// assert_eq!(quote.evidence.len(), 2);
/// ```
pub fn compare(reports: &[Report]) -> Comparison {
    compare_with(reports, &CompareConfig::default())
}

/// [`compare`] with explicit settings.
///
/// Reports known to cover one story are aligned as one event with
/// [`EventConfig::one_event`]; reports labelled with
/// [`Report::event`] are grouped by their labels.
///
/// ```
/// use corroborate::{compare_with, CompareConfig, EventConfig, Report};
/// let reports = [
///     Report::new("wire", "Flash floods killed 51 people in Port Alder on Tuesday."),
///     Report::new("caption", "Rescuers wade through a flooded street."),
/// ];
/// let config = CompareConfig {
///     events: EventConfig { one_event: true, ..EventConfig::default() },
///     ..CompareConfig::default()
/// };
/// let result = compare_with(&reports, &config);
/// assert_eq!(result.events.len(), 1);
/// assert_eq!(result.events[0].reports, ["caption", "wire"]);
/// ```
pub fn compare_with(reports: &[Report], config: &CompareConfig) -> Comparison {
    compare_timed(reports, config, |_, _| {})
}

/// [`compare_with`], telling `observe` the name and wall time of each
/// stage as it ends: `"extract"`, `"events"` (grouping, and the times of
/// undated reports read against their event), `"align"`.
///
/// ```
/// use corroborate::{compare_timed, CompareConfig, Report};
/// let reports = [Report::new("a", "Floods hit Valencia on Monday.")];
/// let mut stages = Vec::new();
/// let result = compare_timed(&reports, &CompareConfig::default(), |stage, took| {
///     stages.push(stage);
///     assert!(took.as_secs() < 60);
/// });
/// assert_eq!(stages, ["extract", "events", "align"]);
/// assert_eq!(result.events.len(), 1);
/// ```
pub fn compare_timed(
    reports: &[Report],
    config: &CompareConfig,
    mut observe: impl FnMut(&'static str, Duration),
) -> Comparison {
    let mut last = Instant::now();
    let mut clock = |stage| {
        observe(stage, last.elapsed());
        last = Instant::now();
    };
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let found: Vec<Extraction> = sorted
        .par_iter()
        .map(|r| extract_with(r, &config.extract))
        .collect();
    clock("extract");
    let groups = group_labelled(&found, &labels(&sorted), &config.events);
    // An undated report reads its "Sunday" and "last month" against the
    // dates of the reports it was grouped with.
    let mut found = found;
    for group in &groups {
        let Some(reference) = group.iter().filter_map(|&i| found[i].published).min() else {
            continue;
        };
        for &i in group {
            if found[i].published.is_none() {
                found[i].resolve_times(reference);
            }
        }
    }
    clock("events");
    let events = align_events(&sorted, &found, &groups, &config.align);
    clock("align");
    Comparison {
        schema_version: SCHEMA_VERSION.to_string(),
        reports: found
            .iter()
            .map(|f| ReportInfo {
                id: f.report.clone(),
                outlet: f.outlet.clone(),
                published: f.published,
                title: f.title.clone(),
            })
            .collect(),
        events,
    }
}

/// The reports' event labels, in order.
fn labels<'a>(reports: &[&'a Report]) -> Vec<Option<&'a str>> {
    reports.iter().map(|r| r.event.as_deref()).collect()
}

/// An event without its records: which reports it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventGroup {
    /// Stable id derived from the first report id (as in [`compare`]).
    pub id: String,
    /// Report ids, sorted.
    pub reports: Vec<String>,
}

/// Only the grouping of [`compare`]: every report in exactly one event,
/// events sorted by their first report id. [`Report::event`] labels and
/// [`EventConfig::one_event`] are honoured as in [`compare_with`].
///
/// ```
/// use corroborate::{group_reports, EventConfig, Report};
/// let reports = [Report::new("b", "Floods hit Valencia."), Report::new("a", "An election in Oslo.")];
/// let events = group_reports(&reports, &EventConfig::default());
/// assert_eq!(events.len(), 2);
/// assert_eq!(events[0].reports, ["a"]);
/// ```
pub fn group_reports(reports: &[Report], config: &EventConfig) -> Vec<EventGroup> {
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let found: Vec<Extraction> = sorted.par_iter().map(|r| extract(r)).collect();
    group_labelled(&found, &labels(&sorted), config)
        .into_iter()
        .map(|group| EventGroup {
            id: format!("event-{}", sorted[group[0]].id),
            reports: group.iter().map(|&i| sorted[i].id.clone()).collect(),
        })
        .collect()
}
