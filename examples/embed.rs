//! Embed the crate: build reports in code and walk the records.
//!
//! Run: `cargo run --example embed`

use corroborate::{compare, Claim, Report};

fn main() {
    let reports = vec![
        Report::new(
            "wire",
            "Mayor Jane Doe opened the Harbour Bridge on Monday.\n\n\
             “This bridge unites our city after forty years of waiting,” Doe said.",
        )
        .with_outlet("Wire"),
        Report::new(
            "daily",
            "The Harbour Bridge was opened by Mayor Jane Doe on Monday.\n\n\
             “This bridge unites our city,” the mayor said.",
        )
        .with_outlet("Daily"),
    ];
    let comparison = compare(&reports);
    for event in &comparison.events {
        println!("event {} ({} reports)", event.id, event.reports.len());
        for record in event.agreements.iter().filter(|r| r.claim == Claim::Quote) {
            println!(
                "  quote by {:?}, carried by {:?}",
                record.speaker,
                record.reports()
            );
        }
        for record in &event.discrepancies {
            println!(
                "  {:?}: {}",
                record.kind,
                record
                    .diff
                    .as_ref()
                    .map(ToString::to_string)
                    .or(record.note.clone())
                    .unwrap_or_default()
            );
        }
    }
}
