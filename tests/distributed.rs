//! `corroborate::distributed`: its steps, run apart as a cluster runs
//! them (counts in parts, blocks grouped one by one, events aligned one by
//! one), give exactly the events and records of one `compare`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::collections::BTreeMap;

use corroborate::distributed::{
    align_event, blocks, edges, group_weighed, merge_edges, report_terms, report_vector,
    single_block, unite_labels, CorpusCounts, WeighedReport,
};
use corroborate::{compare_with, load, CompareConfig, Event, Report};

/// The events of `reports` by the distributed steps, counting in `parts`
/// parts; with how many blocks were grouped apart and how many events
/// were merged across their boundaries.
fn distributed(
    reports: &[Report],
    config: &CompareConfig,
    parts: usize,
) -> (Vec<Event>, usize, usize) {
    let events_config = &config.events;
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
    let dates: Vec<_> = terms.iter().map(|t| t.info.published).collect();
    let weighed = |i: usize| WeighedReport {
        id: terms[i].info.id.clone(),
        published: terms[i].info.published,
        label: terms[i].label.clone(),
        vector: report_vector(&terms[i], &counts, events_config),
    };
    // Each block in the reverse of input order: the order must not matter.
    let mut by_block: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (i, block) in blocks(&dates, events_config).into_iter().enumerate().rev() {
        by_block.entry(block).or_default().push(i);
    }
    let mut across = 0;
    let mut events: Vec<(i64, Vec<usize>)> = Vec::new();
    for (&block, members) in &by_block {
        let found = group_weighed(
            members.iter().map(|&i| weighed(i)).collect(),
            counts.reports,
            events_config,
        );
        events.extend(
            found
                .into_iter()
                .map(|g| (block, g.into_iter().map(|j| members[j]).collect())),
        );
    }
    if !single_block(&dates, events_config) {
        let mut at: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
        for (e, (block, members)) in events.iter().enumerate() {
            let event: Vec<_> = members.iter().map(|&i| weighed(i)).collect();
            for b in edges(*block, &event, events_config) {
                at.entry(b).or_default().push(e);
            }
        }
        let mut joined: Vec<Vec<usize>> = Vec::new();
        let mut at_edge = vec![false; events.len()];
        for es in at.values() {
            let given = es
                .iter()
                .map(|&e| {
                    (
                        events[e].0,
                        events[e].1.iter().map(|&i| weighed(i)).collect(),
                    )
                })
                .collect();
            for group in merge_edges(given, counts.reports, events_config) {
                let origins: std::collections::BTreeSet<usize> =
                    group.iter().map(|&(e, _)| es[e]).collect();
                across += origins.len() - 1;
                joined.push(group.iter().map(|&(e, r)| events[es[e]].1[r]).collect());
            }
            for &e in es {
                assert!(!at_edge[e], "an event at two boundaries");
                at_edge[e] = true;
            }
        }
        joined.extend(
            events
                .iter()
                .zip(&at_edge)
                .filter(|(_, &edge)| !edge)
                .map(|((_, m), _)| m.clone()),
        );
        let labels: Vec<Option<&str>> = joined
            .iter()
            .map(|m| m.iter().find_map(|&i| terms[i].label.as_deref()))
            .collect();
        let mut united: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (e, r) in unite_labels(&labels).into_iter().enumerate() {
            united.entry(r).or_default().extend(&joined[e]);
        }
        events = united.into_values().map(|m| (0, m)).collect();
    }
    let matcher = counts.matcher();
    let mut out: Vec<Event> = events
        .iter()
        .filter_map(|(_, members)| {
            let group: Vec<Report> = members.iter().map(|&i| reports[i].clone()).collect();
            align_event(&group, &matcher, config)
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    (out, by_block.len(), across)
}

/// Checks the distributed steps against `compare`; how many blocks and
/// merges across boundaries there were.
fn assert_same(reports: &[Report], config: &CompareConfig) -> (usize, usize) {
    let whole = compare_with(reports, config).events;
    let mut seen = (0, 0);
    for parts in [1, 3] {
        let (events, blocks, across) = distributed(reports, config, parts);
        assert_eq!(events.len(), whole.len(), "{parts} parts");
        for (a, b) in events.iter().zip(&whole) {
            assert_eq!(a, b, "{parts} parts");
        }
        seen = (blocks, across);
    }
    seen
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
    let generated = corpus::news(400, 11);
    let mut reports = generated.reports;
    // Every report dated, a few days between consecutive events, over
    // months: the reports of one story stay close, and several stories
    // meet at the boundaries of blocks.
    let start = jiff::civil::date(2024, 1, 1);
    for (r, t) in reports.iter_mut().zip(&generated.truth) {
        let day = t.event as i64 * 3 + r.text.len() as i64 % 3;
        r.published = Some(start + jiff::Span::new().days(day));
    }
    // A label carried in two blocks.
    reports[3].event = Some("story".into());
    reports[390].event = Some("story".into());
    let (blocks, across) = assert_same(&reports, &CompareConfig::default());
    assert!(
        blocks > 1 && across > 0,
        "{blocks} blocks, {across} merged across"
    );
}

#[test]
fn an_undated_corpus_is_one_block_with_the_same_events() {
    let mut reports = corpus::news(300, 5).reports;
    for r in reports.iter_mut().step_by(7) {
        r.published = None;
    }
    assert_eq!(assert_same(&reports, &CompareConfig::default()), (1, 0));
}
