//! [`compare`](crate::compare) in steps that run apart, for a cluster
//! (the Python package's `corroborate.spark` is built on them): every step
//! reads only its own reports and a few corpus-wide counts, and the steps
//! together give exactly the events and records of one `compare` over all
//! the reports.
//!
//! 1. [`report_terms`], per report: extraction, the report's event terms
//!    and its statements' stems.
//! 2. [`CorpusCounts`], summed over all reports (in parts, in any order):
//!    how many reports carry each event term and how many statements each
//!    stem.
//! 3. [`report_vector`], per report: its terms weighed against the counts.
//! 4. [`blocks`], on the distinct dates: which reports may share an
//!    event. Events never span more than [`EventConfig::window_days`] and
//!    a dated report is only ever compared with reports dated within that
//!    window, so dates further apart than it split the corpus into blocks
//!    that [`group_weighed`] groups one at a time, each as it is grouped
//!    among all the reports.
//! 5. [`group_weighed`], per block: the events.
//! 6. [`align_event`], per event: its records, against the statement
//!    counts of the whole corpus.
//!
//! ```
//! use corroborate::distributed::{align_event, blocks, group_weighed, report_terms, report_vector, CorpusCounts, WeighedReport};
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
//! // No report is dated: one block.
//! assert_eq!(blocks(&[(None, None)], &config.events), [0]);
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
use crate::compare::{resolve_undated, CompareConfig};
use crate::events::index::{grouping_label, Placed};
use crate::events::terms::{self, Lexicon, TermStats};
use crate::events::{EventConfig, EventIndex};
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

/// The block of each of `keys`, the distinct (date, label) pairs of a
/// corpus: reports in different blocks never share an event, and the
/// events of each block, grouped apart ([`group_weighed`]), are those of
/// the whole corpus. Blocks are numbered from 0 in date order.
///
/// Dates more than [`EventConfig::window_days`] apart with no date
/// between them split blocks; a label joins the blocks it is found in. An
/// undated report may join any event, so a corpus with one is one block,
/// as is every corpus under [`EventConfig::one_event`].
///
/// ```
/// use corroborate::{distributed::blocks, EventConfig};
/// let day = |d| Some(jiff::civil::date(2024, 3, d));
/// let keys = [(day(1), None), (day(4), None), (day(20), None), (day(28), Some("x")), (day(9), Some("x"))];
/// assert_eq!(blocks(&keys, &EventConfig::default()), [0, 0, 1, 1, 1]);
/// assert_eq!(blocks(&[(day(1), None), (None, None)], &EventConfig::default()), [0, 0]);
/// ```
pub fn blocks(keys: &[(Option<Date>, Option<&str>)], config: &EventConfig) -> Vec<usize> {
    if config.one_event || keys.iter().any(|(date, _)| date.is_none()) {
        return vec![0; keys.len()];
    }
    let mut dates: Vec<Date> = keys.iter().filter_map(|k| k.0).collect();
    dates.sort_unstable();
    dates.dedup();
    // A run of dates each within the window of the one before.
    let mut run = Vec::with_capacity(dates.len());
    for (i, &date) in dates.iter().enumerate() {
        let apart = i > 0
            && (date - dates[i - 1]).get_days()
                > i32::try_from(config.window_days).unwrap_or(i32::MAX);
        let previous = run.last().copied().unwrap_or(0);
        run.push(if apart { previous + 1 } else { previous });
    }
    let run_of = |date: Date| run[dates.binary_search(&date).unwrap_or(0)];
    // Runs that share a label are one block.
    let mut parent: Vec<usize> = (0..run.last().map_or(0, |&r| r + 1)).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (date, label) in keys {
        let (Some(date), Some(label)) = (date, label) else {
            continue;
        };
        let r = run_of(*date);
        let other = *first.entry(label).or_insert(r);
        let (a, b) = (root(&mut parent, r), root(&mut parent, other));
        parent[a.max(b)] = a.min(b);
    }
    // Blocks numbered by their first run.
    let mut number: HashMap<usize, usize> = HashMap::new();
    let mut block_of_run = Vec::with_capacity(parent.len());
    for r in 0..parent.len() {
        let top = root(&mut parent, r);
        let next = number.len();
        block_of_run.push(*number.entry(top).or_insert(next));
    }
    keys.iter()
        .map(|(date, _)| date.map_or(0, |d| block_of_run[run_of(d)]))
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
    let placed = reports
        .into_iter()
        .map(|r| Placed {
            label: grouping_label(config, r.label.as_deref()),
            report: r.id,
            published: r.published,
            vector: r.vector,
        })
        .collect();
    let ids = EventIndex::group_placed(config.clone(), corpus_reports, placed);
    let mut groups: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    for (i, id) in ids.into_iter().enumerate() {
        groups.entry(id).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort();
    groups
}

/// Aligns the reports of one event (in any order) into its records, with
/// the statement matcher of the whole corpus ([`CorpusCounts::matcher`]);
/// `None` for no reports.
pub fn align_event(reports: &[Report], matcher: &Matcher, config: &CompareConfig) -> Option<Event> {
    if reports.is_empty() {
        return None;
    }
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut found: Vec<_> = sorted
        .par_iter()
        .map(|r| {
            let mut found = extract_with(r, &config.extract);
            for s in &mut found.statements {
                s.text = String::new();
            }
            found
        })
        .collect();
    let all: Vec<usize> = (0..sorted.len()).collect();
    resolve_undated(&mut found, &all);
    Some(align_group(&sorted, &found, &all, matcher, &config.align))
}
