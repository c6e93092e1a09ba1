//! Hostile input: every case finishes, in near-linear time, without
//! panicking or losing a report. Time bounds are loose (debug builds on a
//! slow machine) so they never flake; they catch quadratic blow-ups.

use std::time::{Duration, Instant};

use corroborate::{compare, extract, Report};

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn within<T>(limit: Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?}, over {limit:?}");
    out
}

#[test]
fn hundreds_of_reports_of_one_event() {
    let base = seed("001_1d95ac9742bd6b7d.txt");
    let reports: Vec<Report> = (0..300)
        .map(|i| {
            let mut text = base.clone();
            if i % 3 == 0 {
                text = text.replace("flourishing", "thriving");
            }
            if i % 5 == 0 {
                text = text.replace("four-day", "three-day");
            }
            Report::from_plain_text(format!("r{i:03}"), text).unwrap()
        })
        .collect();
    let c = within(Duration::from_secs(120), "300 copies", || compare(&reports));
    let listed: usize = c.events.iter().map(|e| e.reports.len()).sum();
    assert_eq!(listed, 300);
    // The copies are one event, and "four-day" vs "three-day" is one
    // conflict, not one per pair of reports.
    assert_eq!(c.events.len(), 1);
    let values = c.events[0]
        .discrepancies
        .iter()
        .filter(|r| r.kind == corroborate::RecordKind::Value)
        .count();
    assert!(values <= 2, "{values} value discrepancies");
}

#[test]
fn pathological_quote_marks() {
    let cases = [
        "“".repeat(10_000),
        "\"".repeat(10_000),
        "“a” ".repeat(5_000),
        "He said “unclosed and ‘nested and \"straight ".repeat(2_000),
        "''".repeat(10_000),
        "’s ".repeat(10_000),
    ];
    for text in cases {
        let r = Report::new("q", text);
        let found = within(Duration::from_secs(30), "quote marks", || extract(&r));
        for q in &found.quotes {
            assert_eq!(&r.text[q.span.range()], q.text);
        }
    }
}

#[test]
fn one_long_line_and_one_sentence_repeated() {
    let line = "Officials said the dam held on Tuesday, and “we are safe,” Mayor Jane Doe said. "
        .repeat(25_000);
    assert!(line.len() > 2_000_000);
    let r = Report::new("line", line.replace('\n', " "));
    let found = within(Duration::from_secs(120), "2 MB single line", || extract(&r));
    assert!(found.quotes.len() >= 25_000);
    let repeated = "The river rose two metres overnight.\n".repeat(20_000);
    let r = Report::new("rep", repeated);
    within(Duration::from_secs(120), "repeated sentence", || {
        compare(&[r])
    });
}
