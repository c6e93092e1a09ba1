//! `corroborate::distributed`: its steps, run apart as a cluster runs
//! them (counts in parts, blocks grouped one by one, events aligned one by
//! one), give exactly the events and records of one `compare`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::collections::BTreeMap;

use corroborate::distributed::{
    align_event, blocks, group_weighed, report_terms, report_vector, CorpusCounts, WeighedReport,
};
use corroborate::{compare_with, load, CompareConfig, Event, Report};

/// The events of `reports` by the distributed steps, counting in `parts`
/// parts; with how many blocks were grouped apart.
fn distributed(reports: &[Report], config: &CompareConfig, parts: usize) -> (Vec<Event>, usize) {
    let terms: Vec<_> = reports.iter().map(|r| report_terms(r, config)).collect();
    let mut counts = CorpusCounts::default();
    for part in 0..parts {
        let mut some = CorpusCounts::default();
        for t in terms.iter().skip(part).step_by(parts) {
            some.add(t);
        }
        counts.merge(some);
    }
    counts.drop_single_terms();
    let mut keys: Vec<_> = terms
        .iter()
        .map(|t| (t.info.published, t.label.as_deref()))
        .collect();
    keys.sort();
    keys.dedup();
    let block_of: BTreeMap<_, usize> = keys
        .iter()
        .copied()
        .zip(blocks(&keys, &config.events))
        .collect();
    // Each block in the reverse of input order: the order must not matter.
    let mut by_block: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, t) in terms.iter().enumerate().rev() {
        let block = block_of[&(t.info.published, t.label.as_deref())];
        by_block.entry(block).or_default().push(i);
    }
    let matcher = counts.matcher();
    let mut events = Vec::new();
    for members in by_block.values() {
        let weighed = members.iter().map(|&i| WeighedReport {
            id: terms[i].info.id.clone(),
            published: terms[i].info.published,
            label: terms[i].label.clone(),
            vector: report_vector(&terms[i], &counts, &config.events),
        });
        for group in group_weighed(weighed.collect(), counts.reports, &config.events) {
            let group: Vec<Report> = group.iter().map(|&j| reports[members[j]].clone()).collect();
            events.extend(align_event(&group, &matcher, config));
        }
    }
    events.sort_by(|a, b| a.id.cmp(&b.id));
    (events, by_block.len())
}

fn assert_same(reports: &[Report], config: &CompareConfig) -> usize {
    let whole = compare_with(reports, config).events;
    let mut blocks = 0;
    for parts in [1, 3] {
        let (events, n) = distributed(reports, config, parts);
        assert_eq!(events.len(), whole.len(), "{parts} parts");
        for (a, b) in events.iter().zip(&whole) {
            assert_eq!(a, b, "{parts} parts");
        }
        blocks = n;
    }
    blocks
}

#[test]
fn seeds_give_the_same_events_and_records() {
    let seeds = load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds")]).unwrap();
    assert_same(&seeds, &CompareConfig::default());
    let mut one = CompareConfig::default();
    one.events.one_event = true;
    assert_same(&seeds, &one);
}

#[test]
fn a_dated_corpus_splits_into_blocks_with_the_same_events() {
    let mut reports = corpus::news(400, 11).reports;
    // Every report dated, events spread over months: gaps split blocks.
    for (i, r) in reports.iter_mut().enumerate() {
        r.published =
            Some(jiff::civil::date(2024, 1, 1) + jiff::Span::new().days(i as i64 / 20 * 9));
    }
    // A label that joins two blocks.
    reports[3].event = Some("story".into());
    reports[390].event = Some("story".into());
    let blocks = assert_same(&reports, &CompareConfig::default());
    assert!(blocks > 1, "{blocks} blocks");
}

#[test]
fn an_undated_corpus_is_one_block_with_the_same_events() {
    let mut reports = corpus::news(300, 5).reports;
    for r in reports.iter_mut().step_by(7) {
        r.published = None;
    }
    assert_eq!(assert_same(&reports, &CompareConfig::default()), 1);
}
