//! Entry points to the stages that have no public function of their own,
//! so `benches/` can time each stage alone.
//!
//! **Unstable and for benchmarks only**: hidden from the docs, not covered
//! by semver, and free to change or vanish with the internals they call.
//! Each wrapper only calls the internal stage; it adds no logic, so what is
//! timed is what [`compare`](crate::compare) runs.

use rayon::prelude::*;

use crate::align::{align_event, AlignConfig, Member};
use crate::extract::{facts, names, quotes, speakers, ExtractConfig, Extraction, Fact, Quote};
use crate::report::Report;
use crate::similarity::Matcher;
use crate::text::{tokens, Document};

/// Segmentation: paragraph roles and sentences of the report's text.
/// Returns the number of sentences (something to keep the work alive).
pub fn segment(report: &Report) -> usize {
    Document::analyze(&report.text, report.body_start())
        .sentences
        .len()
}

/// Segmentation, then the tokens of every sentence. Returns the number of
/// tokens.
pub fn tokenize(report: &Report) -> usize {
    let doc = Document::analyze(&report.text, report.body_start());
    doc.sentences
        .iter()
        .map(|s| tokens::tokenize(&report.text, s.span).len())
        .sum()
}

/// Quotes with their speakers, as [`extract_with`](crate::extract_with)
/// finds them (segmentation and name finding included, facts and
/// statements left out; the partial-to-scare reclassification skipped).
pub fn quotes(report: &Report, config: &ExtractConfig) -> Vec<Quote> {
    let text = report.text.as_str();
    let doc = Document::analyze(text, report.body_start());
    let names = names::Names::find(text, &doc);
    let mut found = quotes::find(text, &doc, &config.quote_marks);
    speakers::attribute(text, &doc, &names, &mut found);
    found
}

/// Facts (numbers, amounts, dates, weekdays …), segmentation included.
pub fn facts(report: &Report) -> Vec<Fact> {
    let text = report.text.as_str();
    let doc = Document::analyze(text, report.body_start());
    facts::find_facts(&doc, report.published)
}

/// Alignment of already-grouped reports, as [`compare`](crate::compare)
/// runs it: the statement matcher built over every report, then each
/// group aligned in parallel. `found[i]` must be the extraction of
/// `reports[i]`, and `groups` index both (as [`group_events`](crate::group_events)
/// returns them). Undated reports keep the facts they were extracted with
/// (`compare` re-reads them against their event's date first). Returns the
/// number of records.
pub fn align(
    reports: &[Report],
    found: &[Extraction],
    groups: &[Vec<usize>],
    config: &AlignConfig,
) -> usize {
    let matcher = Matcher::from_corpus(
        found
            .iter()
            .flat_map(|f| f.statements.iter().map(|s| s.text.as_str())),
    );
    groups
        .par_iter()
        .map(|group| {
            let members: Vec<Member<'_>> = group
                .iter()
                .map(|&i| Member {
                    report: &reports[i],
                    found: &found[i],
                })
                .collect();
            let aligned = align_event(&members, &matcher, config, "event");
            aligned.agreements.len() + aligned.discrepancies.len() + aligned.unique.len()
        })
        .sum()
}
