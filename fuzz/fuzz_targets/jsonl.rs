//! JSONL input through the whole pipeline.
#![no_main]

use corroborate::{compare, parse_bytes, LoadOptions, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(items) = parse_bytes("fuzz.jsonl", "fuzz", "jsonl", data.to_vec(), &LoadOptions::default()) else {
        return;
    };
    let mut reports: Vec<Report> = items.into_iter().map(|(_, r)| r).collect();
    reports.sort_by(|a, b| a.id.cmp(&b.id));
    reports.dedup_by(|a, b| a.id == b.id);
    let result = compare(&reports);
    let listed: usize = result.events.iter().map(|e| e.reports.len()).sum();
    assert_eq!(listed, reports.len());
});
