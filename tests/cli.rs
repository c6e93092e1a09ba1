//! The command-line contract: formats, ids, errors and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
}

fn seeds_dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds").to_string()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

#[test]
fn compare_json_follows_the_contract() {
    let out = run(&["compare", "--format", "json", &seeds_dir()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reports"].as_array().unwrap().len(), 5);
    assert_eq!(v["reports"][0]["id"], "000_1e8c440c96c329dc");
    assert_eq!(v["reports"][0]["published"], "2024-08-21");
    assert_eq!(v["reports"][0]["outlet"], "AP");
    let event = &v["events"][1];
    for key in ["id", "reports", "agreements", "discrepancies", "unique"] {
        assert!(event.get(key).is_some(), "{key}");
    }
    let record = &event["agreements"][0];
    for key in ["claim", "kind", "speaker", "evidence", "score"] {
        assert!(record.get(key).is_some(), "{key}");
    }
    for key in ["report", "start", "end", "text", "speaker"] {
        assert!(record["evidence"][0].get(key).is_some(), "{key}");
    }
}

#[test]
fn other_formats_render() {
    for (format, needle) in [
        ("text", "Discrepancies"),
        ("markdown", "## Event 1"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let out = run(&["compare", "--format", format, &seeds_dir()]);
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(needle),
            "{format}"
        );
    }
}

#[test]
fn extract_and_events_follow_the_contract() {
    let file = format!("{}/003_9b19bc01bc405292.txt", seeds_dir());
    let out = run(&["extract", "--format", "json", &file]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read(&file).unwrap();
    let quotes = v["reports"][0]["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&text[s..e]).unwrap(),
            q["text"].as_str().unwrap()
        );
    }
    let out = run(&["events", "--format", "json", &seeds_dir()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n: usize = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reports"].as_array().unwrap().len())
        .sum();
    assert_eq!(n, 5);
}

#[test]
fn score_prints_one_number_per_line() {
    let dir = temp_dir("score");
    let pairs = dir.join("pairs.tsv");
    std::fs::write(&pairs, "China refused to criticize Russia.\tChina refuses to criticize Russia.\nA cat.\tThe stock market fell 3%.\n\t\n").unwrap();
    let out = run(&["score", "--pairs", pairs.to_str().unwrap()]);
    assert!(out.status.success());
    let scores: Vec<f64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    assert_eq!(scores.len(), 3);
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    assert!(scores[0] > scores[1]);
}

#[test]
fn bad_input_is_a_clear_error_with_exit_2() {
    let dir = temp_dir("bad");
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty.txt: empty report"),
        ("latin1.txt", b"caf\xe9", "latin1.txt: not valid UTF-8"),
        (
            "broken.jsonl",
            b"{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":",
            "broken.jsonl: invalid JSON at line 2",
        ),
        (
            "date.txt",
            b" date 2024-02-30 Title\n\nText.",
            "date.txt: invalid date \"2024-02-30\"",
        ),
        ("notes.md", b"hello", "notes.md: unsupported input"),
    ];
    for (name, bytes, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&["compare", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    // The same id from two files.
    let a = dir.join("dup.txt");
    std::fs::write(&a, "Some text.").unwrap();
    let b = dir.join("dup.json");
    std::fs::write(&b, r#"{"id": "dup", "text": "Other text."}"#).unwrap();
    let out = run(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("duplicate report id \"dup\""));
    let out = run(&["compare", dir.join("missing.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}
