//! Grouping a batch of dated reports a block of days at a time.
//!
//! Each block of [`EventConfig::block_days`] (counted from the earliest
//! civil date, so a date's block never depends on the other reports) is
//! grouped on its own. Then, where two blocks meet, the events of either
//! side that could still merge across — those ending within
//! [`EventConfig::window_days`] before the boundary, and those starting
//! within it after — are grouped again, as events. Blocks are at least
//! `3 · window_days + 1` days long, so an unlabelled event (never longer
//! than the window) reaches at most one boundary, and every step reads
//! one block or one boundary: steps run in parallel here and on separate
//! machines in [`distributed`](crate::distributed), with the same result.
//! Last, events that carry one label are one event. A batch with an
//! undated report (which may join an event of any date) or under
//! [`EventConfig::one_event`] is one block.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use rayon::prelude::*;

use super::index::{day_number, EventIndex, Placed};
use super::{EventConfig, EventId};

/// The length of a block in days.
pub(crate) fn block_days(config: &EventConfig) -> i64 {
    let window = config.window_days.max(0);
    config
        .block_days
        .max(window.saturating_mul(3).saturating_add(1))
}

/// Whether a batch whose reports have these dates is grouped as one block.
pub(crate) fn one_block<'a>(
    config: &EventConfig,
    mut dates: impl Iterator<Item = &'a Option<Date>>,
) -> bool {
    config.one_event || dates.any(Option::is_none)
}

/// The block of a date.
pub(crate) fn block_of(date: Date, config: &EventConfig) -> i64 {
    day_number(date).div_euclid(block_days(config))
}

/// The boundaries (a boundary `b` is where block `b - 1` ends and block
/// `b` starts) across which an event of `block`, given by its members'
/// dates and whether each is labelled, could still merge. A labelled
/// event is joined by its label instead.
pub(crate) fn edges(
    block: i64,
    members: impl IntoIterator<Item = (Option<Date>, bool)>,
    config: &EventConfig,
) -> Vec<i64> {
    let (mut range, mut labelled) = (None, false);
    for (date, label) in members {
        labelled |= label;
        range = match (range, date) {
            (None, Some(d)) => Some((d, d)),
            (Some((lo, hi)), Some(d)) => Some((d.min(lo), d.max(hi))),
            (range, None) => range,
        };
    }
    let Some((first, last)) = range.filter(|_| !labelled) else {
        return Vec::new();
    };
    let (days, window) = (block_days(config), config.window_days.max(0));
    let start = block.saturating_mul(days);
    let end = start.saturating_add(days);
    let mut out = Vec::new();
    if day_number(first) < start.saturating_add(window) {
        out.push(block);
    }
    if day_number(last) >= end.saturating_sub(window) {
        out.push(block + 1);
    }
    out
}

/// Groups again the reports of the events that meet at one boundary, each
/// event given with its block: for each report (events in order, their
/// reports in order), the event it is in now. The events' reports are
/// placed afresh, as they would be in one batch of their own, so a story
/// cut by the boundary is built up report by report as anywhere else.
/// Events all from one side stay as they are (their block grouped them).
pub(crate) fn merge_edges(
    config: &EventConfig,
    docs: u64,
    events: Vec<(i64, Vec<Placed>)>,
) -> Vec<EventId> {
    let sides = events.iter().map(|(b, _)| *b).min() != events.iter().map(|(b, _)| *b).max();
    if !sides {
        let sizes = events.iter().enumerate();
        return sizes
            .flat_map(|(e, (_, members))| std::iter::repeat_n(EventId(e as u64), members.len()))
            .collect();
    }
    let reports = events
        .into_iter()
        .flat_map(|(_, members)| members)
        .collect();
    EventIndex::group_placed(config.clone(), docs, reports)
}

/// For each event (given by its label, if any), the first event with the
/// same label, or itself.
pub(crate) fn label_roots(labels: &[Option<&str>]) -> Vec<usize> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| match label {
            Some(label) => *first.entry(label).or_insert(i),
            None => i,
        })
        .collect()
}

/// The groups of reports with equal ids: sorted lists of indices, sorted.
pub(crate) fn groups_of(ids: &[EventId]) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<EventId, Vec<usize>> = BTreeMap::new();
    for (i, &id) in ids.iter().enumerate() {
        groups.entry(id).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort();
    groups
}

/// Groups a batch of `docs` reports, weighed against its counts, into
/// events, a block at a time (see the module): sorted lists of indices
/// into `reports`, sorted.
pub(crate) fn group_blocked(
    config: &EventConfig,
    docs: u64,
    reports: Vec<Placed>,
) -> Vec<Vec<usize>> {
    if one_block(config, reports.iter().map(|r| &r.published)) {
        return groups_of(&EventIndex::group_placed(config.clone(), docs, reports));
    }
    let mut by_block: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        let block = r.published.map_or(i64::MIN, |d| block_of(d, config));
        by_block.entry(block).or_default().push(i);
    }
    let copies = |members: &[usize]| -> Vec<Placed> {
        members.iter().map(|&i| reports[i].clone()).collect()
    };
    let blocks: Vec<(i64, Vec<usize>)> = by_block.into_iter().collect();
    let events: Vec<(i64, Vec<usize>)> = blocks
        .par_iter()
        .flat_map_iter(|(block, members)| {
            let ids = EventIndex::group_placed(config.clone(), docs, copies(members));
            let groups = groups_of(&ids);
            groups.into_iter().map(move |g| {
                (
                    *block,
                    g.iter().map(|&j| members[j]).collect::<Vec<usize>>(),
                )
            })
        })
        .collect();
    // Events at each boundary.
    let mut at: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (e, (block, members)) in events.iter().enumerate() {
        let dated = members
            .iter()
            .map(|&i| (reports[i].published, reports[i].label.is_some()));
        for b in edges(*block, dated, config) {
            at.entry(b).or_default().push(e);
        }
    }
    // The reports of the events at each boundary, grouped again.
    let regrouped: Vec<Vec<Vec<usize>>> = at
        .par_iter()
        .map(|(_, es)| {
            let made = es
                .iter()
                .map(|&e| (events[e].0, copies(&events[e].1)))
                .collect();
            let ids = merge_edges(config, docs, made);
            let members: Vec<usize> = es
                .iter()
                .flat_map(|&e| events[e].1.iter().copied())
                .collect();
            groups_of(&ids)
                .into_iter()
                .map(|g| g.iter().map(|&k| members[k]).collect())
                .collect()
        })
        .collect();
    // Each event reaches one boundary at most, so every report is in one
    // of the events left alone or in one regrouped.
    let mut at_edge = vec![false; events.len()];
    for e in at.values().flatten() {
        at_edge[*e] = true;
    }
    let joined: Vec<Vec<usize>> = events
        .iter()
        .zip(&at_edge)
        .filter(|(_, &edge)| !edge)
        .map(|((_, members), _)| members.clone())
        .chain(regrouped.into_iter().flatten())
        .collect();
    // Then one event per label.
    let labels: Vec<Option<&str>> = joined
        .iter()
        .map(|members| members.iter().find_map(|&i| reports[i].label.as_deref()))
        .collect();
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (e, r) in label_roots(&labels).into_iter().enumerate() {
        out.entry(r).or_default().extend(&joined[e]);
    }
    let mut out: Vec<Vec<usize>> = out.into_values().collect();
    for group in &mut out {
        group.sort_unstable();
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn blocks_are_long_enough_for_an_event_to_reach_one_boundary() {
        let short = EventConfig {
            block_days: 2,
            ..EventConfig::default()
        };
        assert_eq!(block_days(&short), 3 * short.window_days + 1);
        let config = EventConfig::default();
        let (days, window) = (block_days(&config), config.window_days);
        // Every span of `window` days in a block reaches at most one end.
        for start in 0..days {
            let first = Date::MIN + jiff::Span::new().days(5 * days + start);
            let last = first + jiff::Span::new().days(window);
            let block = block_of(first, &config);
            let reached = edges(block, [(Some(first), false), (Some(last), false)], &config);
            assert!(reached.len() <= 1, "{first}..{last}: {reached:?}");
        }
    }

    #[test]
    fn an_event_near_a_boundary_reaches_it_and_a_labelled_one_none() {
        let config = EventConfig::default();
        let day = date(2024, 6, 1);
        let block = block_of(day, &config);
        let start = (block * block_days(&config)) - day_number(day);
        let first_of_block = day + jiff::Span::new().days(start);
        assert_eq!(
            edges(block, [(Some(first_of_block), false)], &config),
            [block]
        );
        assert!(edges(block, [(Some(first_of_block), true)], &config).is_empty());
        let before = first_of_block - jiff::Span::new().days(1);
        assert_eq!(edges(block - 1, [(Some(before), false)], &config), [block]);
    }

    #[test]
    fn labels_root_at_their_first_event() {
        assert_eq!(
            label_roots(&[Some("a"), None, Some("b"), Some("a"), None]),
            [0, 1, 2, 0, 4]
        );
    }
}
