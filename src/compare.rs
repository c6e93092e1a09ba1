//! The whole pipeline: extract (in parallel), group into events, align
//! each event (in parallel), and assemble the [`Comparison`].

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{align_group, statement_matcher, AlignConfig};
use crate::events::{group_labelled, EventConfig};
use crate::extract::{extract, extract_with, ExtractConfig, Extraction};
use crate::record::{Comparison, Event, ReportInfo, SCHEMA_VERSION};
use crate::report::Report;
use crate::similarity::Matcher;

/// Settings for [`compare_with`]; `Default` is what [`compare`] uses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
    let mut stream = compare_stream(reports, config);
    let before = stream.timings().len();
    for &(stage, took) in stream.timings() {
        observe(stage, took);
    }
    let comparison = stream.collect_rest();
    for &(stage, took) in &stream.timings()[before..] {
        observe(stage, took);
    }
    comparison
}

/// [`compare_with`] as a stream: the reports are extracted and grouped
/// when it is made, and each event is aligned as it is asked for, in the
/// order of [`Comparison::events`]. Events are aligned in parallel a batch
/// at a time, so a caller that writes each event and drops it (as the
/// command-line tool does) never holds the whole comparison.
///
/// ```
/// use corroborate::{compare_stream, compare_with, CompareConfig, Report};
/// let reports = [
///     Report::new("a", "Floods hit Valencia on Monday."),
///     Report::new("b", "An election in Oslo on Sunday."),
/// ];
/// let config = CompareConfig::default();
/// let mut stream = compare_stream(&reports, &config);
/// assert_eq!(stream.reports().len(), 2);
/// assert_eq!(stream.len(), 2);
/// let first = stream.next().unwrap();
/// assert_eq!(first.reports, ["a"]);
/// // The rest: the comparison less the events already taken.
/// let rest = stream.into_comparison();
/// let mut events = vec![first];
/// events.extend(rest.events);
/// assert_eq!(events, compare_with(&reports, &config).events);
/// ```
pub fn compare_stream<'a>(reports: &'a [Report], config: &CompareConfig) -> ComparisonStream<'a> {
    let start = Instant::now();
    let (sorted, mut found) = extract_sorted(reports, config);
    let extracted = start.elapsed();
    let start = Instant::now();
    let texts: Vec<&str> = sorted.iter().map(|r| r.text.as_str()).collect();
    let mut groups = group_labelled(&found, &labels(&sorted), &texts, &config.events);
    groups.retain(|group| !group.is_empty());
    for group in &groups {
        resolve_undated(&mut found, group);
    }
    let grouped = start.elapsed();
    let start = Instant::now();
    let matcher = statement_matcher(&sorted, &found);
    let mut timings = vec![("extract", extracted), ("events", grouped)];
    if groups.is_empty() {
        timings.push(("align", start.elapsed()));
    }
    ComparisonStream {
        reports: found
            .iter()
            .map(|f| ReportInfo {
                id: f.report.clone(),
                outlet: f.outlet.clone(),
                published: f.published,
                title: f.title.clone(),
            })
            .collect(),
        sorted,
        found,
        groups,
        next_group: 0,
        ready: VecDeque::new(),
        matcher,
        config: config.align.clone(),
        timings,
        aligning: start.elapsed(),
        batch_reports: BATCH_REPORTS,
    }
}

/// The events of a comparison, aligned as they are asked for: see
/// [`compare_stream`]. An iterator of [`Event`]s in the order of
/// [`Comparison::events`].
#[derive(Debug)]
pub struct ComparisonStream<'a> {
    reports: Vec<ReportInfo>,
    sorted: Vec<&'a Report>,
    found: Vec<Extraction>,
    /// Non-empty groups of indexes into `sorted` and `found`.
    groups: Vec<Vec<usize>>,
    next_group: usize,
    ready: VecDeque<Event>,
    matcher: Matcher,
    config: AlignConfig,
    timings: Vec<(&'static str, Duration)>,
    aligning: Duration,
    /// [`BATCH_REPORTS`]; smaller in tests, to cross batch boundaries.
    batch_reports: usize,
}

/// Reports aligned in parallel at a time: enough work for every core,
/// few enough events held at once.
const BATCH_REPORTS: usize = 512;

impl ComparisonStream<'_> {
    /// Every input report, sorted by id (as [`Comparison::reports`]).
    pub fn reports(&self) -> &[ReportInfo] {
        &self.reports
    }

    /// How many events the stream yields in all (the ones already yielded
    /// included).
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether the stream yields no event at all (no report was given).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The wall time of each stage so far: `"extract"` and `"events"`
    /// from the start, then `"align"` once the last event was yielded
    /// (the time spent aligning, not the time the caller spent between
    /// events).
    pub fn timings(&self) -> &[(&'static str, Duration)] {
        &self.timings
    }

    /// The whole [`Comparison`]: the events not yet yielded, with the
    /// reports (events already yielded are not in it).
    pub fn into_comparison(mut self) -> Comparison {
        self.collect_rest()
    }

    /// [`ComparisonStream::into_comparison`], leaving the stream (and its
    /// timings) to the caller.
    pub(crate) fn collect_rest(&mut self) -> Comparison {
        Comparison {
            schema_version: SCHEMA_VERSION.to_string(),
            reports: self.reports.clone(),
            events: self.by_ref().collect(),
        }
    }

    /// The next batch of events, each passed through `each` in the same
    /// parallel task that aligned it (a writer serialises them there);
    /// `None` once every event was yielded.
    pub(crate) fn next_batch<T: Send>(
        &mut self,
        each: impl Fn(Event) -> T + Sync,
    ) -> Option<Vec<T>> {
        if !self.ready.is_empty() {
            return Some(self.ready.drain(..).map(&each).collect());
        }
        if self.next_group == self.groups.len() {
            return None;
        }
        let start = Instant::now();
        let first = self.next_group;
        let mut end = first;
        let mut size = 0;
        while end < self.groups.len() && (end == first || size < self.batch_reports) {
            size += self.groups[end].len();
            end += 1;
        }
        let (sorted, found, matcher, config) =
            (&self.sorted, &self.found, &self.matcher, &self.config);
        let batch: Vec<T> = self.groups[first..end]
            .par_iter()
            .map(|group| each(align_group(sorted, found, group, matcher, config)))
            .collect();
        self.next_group = end;
        self.aligning += start.elapsed();
        if end == self.groups.len() {
            self.timings.push(("align", self.aligning));
        }
        Some(batch)
    }
}

impl Iterator for ComparisonStream<'_> {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        if self.ready.is_empty() {
            let batch = self.next_batch(|event| event)?;
            self.ready.extend(batch);
        }
        self.ready.pop_front()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.ready.len() + self.groups.len() - self.next_group;
        (left, Some(left))
    }
}

/// The reports sorted by id and their extractions (in parallel), as the
/// stages after extraction read them.
pub(crate) fn extract_sorted<'a>(
    reports: &'a [Report],
    config: &CompareConfig,
) -> (Vec<&'a Report>, Vec<Extraction>) {
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    // The statements' copies of their sentences are dropped as soon as
    // they are made: every stage after this reads them at their spans in
    // the reports, and the copies are a whole second corpus in memory.
    let found = sorted
        .par_iter()
        .map(|r| {
            let mut found = extract_with(r, &config.extract);
            for s in &mut found.statements {
                s.text = String::new();
            }
            found
        })
        .collect();
    (sorted, found)
}

/// An undated report reads its "Sunday" and "last month" against the
/// dates of the reports it was grouped with: those of `group` in `found`.
pub(crate) fn resolve_undated(found: &mut [Extraction], group: &[usize]) {
    let Some(reference) = group.iter().filter_map(|&i| found[i].published).min() else {
        return;
    };
    for &i in group {
        if found[i].published.is_none() {
            found[i].resolve_times(reference);
        }
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
    group_labelled(&found, &labels(&sorted), &[], config)
        .into_iter()
        .map(|group| EventGroup {
            id: format!("event-{}", sorted[group[0]].id),
            reports: group.iter().map(|&i| sorted[i].id.clone()).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_partly_and_refuse_unknown_names() {
        let some: CompareConfig = serde_json::from_str(
            r#"{"events": {"window_days": 3}, "align": {"quote_threshold": 0.7}}"#,
        )
        .unwrap();
        assert_eq!(some.events.window_days, 3);
        assert_eq!(some.align.quote_threshold, 0.7);
        assert_eq!(
            some.align.statement_threshold,
            AlignConfig::default().statement_threshold
        );
        assert_eq!(some.extract, ExtractConfig::default());
        let none: CompareConfig = serde_json::from_str("{}").unwrap();
        assert_eq!(none, CompareConfig::default());
        for typo in [
            r#"{"event": {}}"#,
            r#"{"events": {"window": 3}}"#,
            r#"{"align": {"quote": 1}}"#,
        ] {
            let error = serde_json::from_str::<CompareConfig>(typo)
                .unwrap_err()
                .to_string();
            assert!(error.starts_with("unknown field"), "{typo}: {error}");
        }
        let back: CompareConfig =
            serde_json::from_str(&serde_json::to_string(&CompareConfig::default()).unwrap())
                .unwrap();
        assert_eq!(back, CompareConfig::default());
    }

    #[test]
    fn small_batches_give_the_same_events_in_the_same_order() {
        let texts = [
            "Floods hit Valencia on Monday, killing 12 people.",
            "Floods in Valencia killed 12 people on Monday.",
            "An election in Oslo on Sunday was won by Labour.",
            "Labour won the election in Oslo on Sunday.",
            "A new bridge opened in Porto on Friday.",
        ];
        let reports: Vec<Report> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Report::new(format!("r{i}"), *t))
            .collect();
        let config = CompareConfig::default();
        let whole = compare_with(&reports, &config);
        for batch in [1, 2, 3] {
            let mut stream = compare_stream(&reports, &config);
            stream.batch_reports = batch;
            assert_eq!(stream.len(), whole.events.len());
            let mut sizes = Vec::new();
            let mut events = Vec::new();
            while let Some(b) = stream.next_batch(|e| e) {
                sizes.push(b.len());
                events.extend(b);
            }
            assert_eq!(events, whole.events, "batch {batch}");
            assert!(sizes.len() > 1, "batch {batch}: {sizes:?}");
            assert_eq!(stream.timings().len(), 3);
        }
    }
}
