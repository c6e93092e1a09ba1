//! [`compare`](crate::compare) in steps that run apart, for a cluster
//! (the Python package's `corroborate.spark` is built on them): every step
//! reads only its own reports and a few corpus-wide counts, and the steps
//! together give exactly the events and records of one `compare` over all
//! the reports, because `compare` itself groups this way.
//!
//! 1. [`report_terms`], per report: extraction, the report's event terms
//!    and its statements' stems.
//! 2. [`CorpusCounts`], summed over all reports (in parts, in any order):
//!    how many reports carry each event term and how many statements each
//!    stem.
//! 3. [`report_vector`], per report: its terms weighed against the counts.
//! 4. [`group_weighed`], per block of dates ([`blocks`]): the block's
//!    events. A corpus with an undated report is one block
//!    ([`single_block`]), and its events are final; otherwise:
//! 5. [`merge_edges`], per boundary between blocks: the events near it
//!    ([`edges`]) merged across it; then [`unite_labels`] over the events
//!    that carry an [`event`](crate::Report::event) label.
//! 6. [`align_event`], per event: its records, against the statement
//!    counts of the whole corpus.
//!
//! The memory of a step is its block, boundary or event: a block holds
//! [`EventConfig::block_days`] of coverage.
//!
//! ```
//! use corroborate::distributed::{align_event, blocks, group_weighed, report_terms, report_vector, single_block, CorpusCounts, WeighedReport};
//! use corroborate::{compare_with, CompareConfig, Report};
//! let reports = [
//!     Report::new("a", "Floods hit Valencia on Monday, killing 12 people."),
//!     Report::new("b", "Floods in Valencia killed 12 people on Monday."),
//!     Report::new("c", "Labour won the election in Oslo on Sunday."),
//! ];
//! let config = CompareConfig::default();
//! let terms: Vec<_> = reports.iter().map(|r| report_terms(r, &config)).collect();
//! let mut counts = CorpusCounts::default();
//! terms.iter().for_each(|t| counts.add(t));
//! // No report is dated: one block, whose events are final.
//! let dates: Vec<_> = terms.iter().map(|t| t.info.published).collect();
//! assert!(single_block(&dates, &config.events));
//! assert_eq!(blocks(&dates, &config.events), [0, 0, 0]);
//! let weighed = terms.iter().map(|t| WeighedReport {
//!     id: t.info.id.clone(),
//!     published: t.info.published,
//!     label: t.label.clone(),
//!     vector: report_vector(t, &counts, &config.events),
//! });
//! let groups = group_weighed(weighed.collect(), counts.reports, &config.events);
//! let matcher = counts.matcher();
//! let events: Vec<_> = groups
//!     .iter()
//!     .filter_map(|g| align_event(&g.iter().map(|&i| reports[i].clone()).collect::<Vec<_>>(), &matcher, &config))
//!     .collect();
//! assert_eq!(events, compare_with(&reports, &config).events);
//! ```

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::align_group;
use crate::compare::{extract_sorted, resolve_undated, CompareConfig};
use crate::events::index::{grouping_label, Placed};
use crate::events::terms::{self, Lexicon, TermStats};
use crate::events::{self, EventConfig, EventIndex};
use crate::extract::extract_with;
use crate::record::{Event, ReportInfo};
use crate::report::Report;
use crate::similarity::{text_stems, Matcher};

/// What the corpus-wide steps need of one report ([`report_terms`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTerms {
    /// The report as the output lists it (outlet and title as found).
    pub info: ReportInfo,
    /// Its [`Report::event`] label.
    pub label: Option<String>,
    /// Its event terms and their weighted counts, sorted by term.
    pub terms: Vec<(u32, f32)>,
    /// Its statements' stems, each with the number of its statements
    /// that have it, sorted by stem.
    pub stems: Vec<(u64, u32)>,
    /// Its number of statements.
    pub statements: u32,
}

/// Extracts `report` and reads what grouping and matching count of it.
pub fn report_terms(report: &Report, config: &CompareConfig) -> ReportTerms {
    terms_with(report, config, &mut Lexicon::default())
}

/// [`report_terms`] for many reports, in parallel; in input order.
pub fn reports_terms(reports: &[Report], config: &CompareConfig) -> Vec<ReportTerms> {
    reports
        .par_iter()
        .map_init(Lexicon::default, |words, r| terms_with(r, config, words))
        .collect()
}

fn terms_with(report: &Report, config: &CompareConfig, words: &mut Lexicon) -> ReportTerms {
    let found = extract_with(report, &config.extract);
    let bag = terms::bag(&found, Some(&report.text), words);
    let mut stems: BTreeMap<u64, u32> = BTreeMap::new();
    for s in &found.statements {
        for stem in text_stems(report.text.get(s.span.range()).unwrap_or_default()) {
            *stems.entry(stem).or_default() += 1;
        }
    }
    ReportTerms {
        info: ReportInfo {
            id: found.report.clone(),
            outlet: found.outlet.clone(),
            published: found.published,
            title: found.title.clone(),
        },
        label: report.event.clone(),
        terms: bag,
        stems: stems.into_iter().collect(),
        statements: u32::try_from(found.statements.len()).unwrap_or(u32::MAX),
    }
}

/// Corpus-wide counts: sums over [`ReportTerms`], in parts and in any
/// order ([`CorpusCounts::merge`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusCounts {
    /// Reports counted.
    pub reports: u64,
    /// Per event term, the number of reports that have it. A term missing
    /// here counts as in one report (the one asking), so the table may be
    /// cut to the terms in at least two ([`CorpusCounts::drop_single_terms`]).
    pub terms: HashMap<u32, u64>,
    /// Statements counted.
    pub statements: u64,
    /// Per stem, the number of statements that have it (all of them: a
    /// missing stem is in none).
    pub stems: HashMap<u64, u64>,
}

impl CorpusCounts {
    /// Counts one report.
    pub fn add(&mut self, report: &ReportTerms) {
        self.reports += 1;
        for &(t, _) in &report.terms {
            *self.terms.entry(t).or_default() += 1;
        }
        self.statements += u64::from(report.statements);
        for &(stem, n) in &report.stems {
            *self.stems.entry(stem).or_default() += u64::from(n);
        }
    }

    /// Adds the counts of another part of the corpus.
    pub fn merge(&mut self, other: CorpusCounts) {
        self.reports += other.reports;
        for (t, n) in other.terms {
            *self.terms.entry(t).or_default() += n;
        }
        self.statements += other.statements;
        for (stem, n) in other.stems {
            *self.stems.entry(stem).or_default() += n;
        }
    }

    /// Forgets the terms only one report has (most of them, in a large
    /// corpus): once every report is counted, they weigh as before.
    pub fn drop_single_terms(&mut self) {
        self.terms.retain(|_, n| *n > 1);
    }

    /// The statement matcher of the whole corpus, as `compare` makes it.
    pub fn matcher(&self) -> Matcher {
        Matcher::from_counts(self.statements, self.stems.iter().map(|(&s, &n)| (s, n)))
    }
}

/// A report's vector of weighed event terms, given the counts of the
/// whole corpus.
pub fn report_vector(
    report: &ReportTerms,
    counts: &CorpusCounts,
    config: &EventConfig,
) -> Vec<(u32, f32)> {
    let count = |t| counts.terms.get(&t).copied().unwrap_or(1);
    let stats = TermStats::for_bag(counts.reports, &report.terms, count, config.df_horizon);
    stats.vector(&report.terms, config.max_terms, config.df_horizon)
}

/// A report to group: its vector from [`report_vector`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeighedReport {
    /// The report's id.
    pub id: String,
    /// Its publication date.
    pub published: Option<Date>,
    /// Its [`Report::event`] label.
    pub label: Option<String>,
    /// Its weighed terms.
    pub vector: Vec<(u32, f32)>,
}

/// The block of each of `dates`, the publication dates of a corpus:
/// reports of one block are grouped together ([`group_weighed`]), and
/// events of different blocks meet only at the boundaries between them
/// ([`edges`]). A corpus with an undated report, or under
/// [`EventConfig::one_event`], is one block (block 0), whose events are
/// final; otherwise a date's block is its [`EventConfig::block_days`]-long
/// stretch of the calendar.
///
/// ```
/// use corroborate::{distributed::blocks, EventConfig};
/// let day = |m, d| Some(jiff::civil::date(2024, m, d));
/// let config = EventConfig::default();
/// let dated = blocks(&[day(3, 1), day(3, 4), day(6, 20)], &config);
/// assert_eq!(dated[0], dated[1]);
/// assert!(dated[2] > dated[1]);
/// assert_eq!(blocks(&[day(3, 1), None, day(6, 20)], &config), [0, 0, 0]);
/// ```
pub fn blocks(dates: &[Option<Date>], config: &EventConfig) -> Vec<i64> {
    if single_block(dates, config) {
        return vec![0; dates.len()];
    }
    dates
        .iter()
        .map(|d| d.map_or(0, |d| events::blocks::block_of(d, config)))
        .collect()
}

/// Whether a corpus with these publication dates is one block, whose
/// events [`group_weighed`] makes final (no [`edges`], no
/// [`unite_labels`]).
pub fn single_block(dates: &[Option<Date>], config: &EventConfig) -> bool {
    events::blocks::one_block(config, dates.iter())
}

/// In a corpus of several [`blocks`], the boundaries at which an event of
/// `block` (its reports given) may still merge with events of the next or
/// the previous block: boundary `b` is where block `b - 1` ends and block
/// `b` begins. At most one for an unlabelled event; none for a labelled
/// one (labels join events at the end, [`unite_labels`]).
pub fn edges(block: i64, event: &[WeighedReport], config: &EventConfig) -> Vec<i64> {
    let members = event.iter().map(|r| (r.published, r.label.is_some()));
    events::blocks::edges(block, members, config)
}

/// Groups again the reports of the events that meet at one boundary
/// ([`edges`]), each event given with its block: the new events, as lists
/// of (event, report) positions in `events`, sorted.
pub fn merge_edges(
    events: Vec<(i64, Vec<WeighedReport>)>,
    corpus_reports: u64,
    config: &EventConfig,
) -> Vec<Vec<(usize, usize)>> {
    let positions: Vec<(usize, usize)> = events
        .iter()
        .enumerate()
        .flat_map(|(e, (_, reports))| (0..reports.len()).map(move |r| (e, r)))
        .collect();
    let made = events
        .into_iter()
        .map(|(block, reports)| (block, placed(reports, config)))
        .collect();
    let ids = events::blocks::merge_edges(config, corpus_reports, made);
    events::blocks::groups_of(&ids)
        .into_iter()
        .map(|g| g.into_iter().map(|k| positions[k]).collect())
        .collect()
}

/// The last step for a corpus of several blocks: events with the same
/// label (each given by its label, if any) are one. For each event, the
/// index of the first event with its label, or its own.
pub fn unite_labels(labels: &[Option<&str>]) -> Vec<usize> {
    events::blocks::label_roots(labels)
}

fn placed(reports: Vec<WeighedReport>, config: &EventConfig) -> Vec<Placed> {
    reports
        .into_iter()
        .map(|r| Placed {
            label: grouping_label(config, r.label.as_deref()),
            report: r.id,
            published: r.published,
            vector: r.vector,
        })
        .collect()
}

/// Groups the reports of one block ([`blocks`]) of a corpus of
/// `corpus_reports` reports into events: the groups as sorted lists of
/// indices into `reports`, groups sorted by their first index (as
/// [`group_events`](crate::group_events)).
pub fn group_weighed(
    reports: Vec<WeighedReport>,
    corpus_reports: u64,
    config: &EventConfig,
) -> Vec<Vec<usize>> {
    let ids = EventIndex::group_placed(config.clone(), corpus_reports, placed(reports, config));
    events::blocks::groups_of(&ids)
}

/// Aligns the reports of one event (in any order) into its records, with
/// the statement matcher of the whole corpus ([`CorpusCounts::matcher`]);
/// `None` for no reports.
pub fn align_event(reports: &[Report], matcher: &Matcher, config: &CompareConfig) -> Option<Event> {
    if reports.is_empty() {
        return None;
    }
    let (sorted, mut found) = extract_sorted(reports, config);
    let all: Vec<usize> = (0..sorted.len()).collect();
    resolve_undated(&mut found, &all);
    Some(align_group(&sorted, &found, &all, matcher, &config.align))
}
