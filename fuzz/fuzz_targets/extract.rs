//! Extraction of any text: spans in bounds, on char boundaries, equal to
//! their text.
#![no_main]

use corroborate::{extract, Report, Span};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, span: Span, claimed: &str) {
    assert!(span.start <= span.end && span.end <= text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    assert_eq!(&text[span.range()], claimed);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let report = Report::new("fuzz", text);
    let found = extract(&report);
    for q in &found.quotes {
        check(&report.text, q.span, &q.text);
    }
    for f in &found.facts {
        check(&report.text, f.span, &f.text);
    }
    for s in &found.statements {
        check(&report.text, s.span, &s.text);
    }
});
