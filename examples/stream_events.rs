//! Reports arriving one at a time through an [`EventIndex`]: which event
//! does each one join, and which events are finished?
//!
//! Run: `cargo run --example stream_events`
//!
//! The index keeps only events still within the date window; `retire`
//! hands back the finished ones, so memory stays bounded on an endless
//! stream. Its state is serde, so a stream can be split over machines and
//! merged (`EventIndex::merge`).

use corroborate::{extract, EventConfig, EventIndex};

fn main() -> corroborate::Result<()> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let mut arrivals = corroborate::load(&[dir])?;
    // A wire feed delivers by publication time; undated reports come last.
    arrivals.sort_by_key(|r| (r.published.is_none(), r.published, r.id.clone()));

    let mut index = EventIndex::new(EventConfig::default());
    for report in &arrivals {
        let event = index.insert(&extract(report));
        let when = report
            .published
            .map_or("undated".to_string(), |d| d.to_string());
        let members = index
            .events()
            .into_iter()
            .find(|e| e.id == event)
            .map(|e| e.reports)
            .unwrap_or_default();
        println!(
            "{} ({when}) → event {} with {} report(s)",
            report.id,
            event.0,
            members.len()
        );
    }
    // On an endless stream, call `retire` now and then: events whose dates
    // fell out of the window come back finished and are forgotten. (An
    // undated report arriving after its event retired starts a new one.)
    for event in index.events() {
        println!("event {}: {:?}", event.id.0, event.reports);
    }
    Ok(())
}
