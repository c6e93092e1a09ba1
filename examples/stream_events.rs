//! Reports arriving one at a time: which event does each one join?
//!
//! Run: `cargo run --example stream_events`
//!
//! This regroups everything seen so far with [`corroborate::group_events`]
//! after each arrival, reusing each report's extraction (extraction is per
//! report and never redone). That is fine for a few thousand reports; an
//! incremental event index for long streams is being added to the crate
//! (`EventIndex`), and this example will move to it once it is released.

use std::collections::BTreeMap;

use corroborate::{extract, group_events, EventConfig, Extraction};

fn main() -> corroborate::Result<()> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let mut arrivals = corroborate::load(&[dir])?;
    // A wire feed delivers by publication time; undated reports come last.
    arrivals.sort_by_key(|r| (r.published.is_none(), r.published, r.id.clone()));

    let config = EventConfig::default();
    let mut seen: Vec<Extraction> = Vec::new();
    for report in &arrivals {
        seen.push(extract(report));
        let groups = group_events(&seen, &config);
        let newest = seen.len() - 1;
        let group = groups
            .iter()
            .find(|g| g.contains(&newest))
            .expect("every report is in one group");
        let others: Vec<&str> = group
            .iter()
            .filter(|&&i| i != newest)
            .map(|&i| seen[i].report.as_str())
            .collect();
        let when = report
            .published
            .map_or("undated".to_string(), |d| d.to_string());
        if others.is_empty() {
            println!("{} ({when}): a new event", report.id);
        } else {
            println!("{} ({when}): joins {}", report.id, others.join(", "));
        }
    }

    // The final grouping, by event.
    let mut events: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for group in group_events(&seen, &config) {
        let ids: Vec<&str> = group.iter().map(|&i| seen[i].report.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        events.insert(sorted[0].to_string(), sorted);
    }
    println!("{} events:", events.len());
    for (first, ids) in events {
        println!("  event-{first}: {}", ids.join(", "));
    }
    Ok(())
}
