//! Compare two reports made from the input: every report in exactly one
//! event, every evidence the exact text at its span.
#![no_main]

use corroborate::{compare, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cut = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
    let reports = [
        Report::new("a", text[..cut].to_string()),
        Report::new("b", text[cut..].to_string()),
    ];
    let result = compare(&reports);
    let listed: usize = result.events.iter().map(|e| e.reports.len()).sum();
    assert_eq!(listed, 2);
    for event in &result.events {
        for record in event.agreements.iter().chain(&event.discrepancies).chain(&event.unique) {
            for e in &record.evidence {
                let report = reports.iter().find(|r| r.id == e.report).expect("known report");
                assert_eq!(&report.text[e.span.range()], e.text);
            }
        }
    }
});
