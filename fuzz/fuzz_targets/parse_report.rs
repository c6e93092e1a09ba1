//! Any bytes, as any input format: a report or a clear error, never a panic.
#![no_main]

use corroborate::{parse_bytes, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let format = ["txt", "json", "jsonl"][data.first().map_or(0, |b| *b as usize % 3)];
    if let Ok(reports) = parse_bytes("fuzz", "fuzz", format, data.to_vec(), &LoadOptions::default()) {
        for (_, report) in reports {
            assert!(report.body_start() <= report.text.len());
        }
    }
});
