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
fn jsonl_is_one_event_per_line() {
    let json = run(&["compare", "--format", "json", &seeds_dir()]);
    let lines = run(&["compare", "--format", "jsonl", &seeds_dir()]);
    assert!(lines.status.success(), "{}", stderr(&lines));
    let whole: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let events: Vec<serde_json::Value> = stdout(&lines)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 2);
    assert_eq!(&events, whole["events"].as_array().unwrap());
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

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn every_subcommand_has_help_with_examples_and_exit_codes() {
    for command in ["compare", "extract", "events", "score", "schema"] {
        let out = run(&[command, "--help"]);
        assert!(out.status.success(), "{command}");
        let help = stdout(&out);
        assert!(help.contains("Examples:"), "{command}: {help}");
        assert!(
            help.contains(&format!("corroborate {command}")),
            "{command}"
        );
        if command != "schema" {
            assert!(help.contains("Exit codes:"), "{command}: {help}");
        }
    }
    let top = stdout(&run(&["--help"]));
    for needle in ["Examples:", "Exit codes:", "--quiet", "compare", "schema"] {
        assert!(top.contains(needle), "{needle}");
    }
    let version = run(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("corroborate {}", env!("CARGO_PKG_VERSION"))
    );
    // A usage error is bad input.
    let out = run(&["compare", "--format", "yaml", &seeds_dir()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = std::fs::read(format!("{}/003_9b19bc01bc405292.txt", seeds_dir())).unwrap();
    let other = format!("{}/002_9292aeaa127b65d9.txt", seeds_dir());
    let out = run_with_stdin(&["compare", "--format", "json", "-", &other], &text);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["002_9292aeaa127b65d9", "stdin"]);
    assert_eq!(v["reports"][1]["published"], "2023-04-17");

    let lines = b"{\"id\": \"a\", \"text\": \"Floods hit Valencia on Tuesday.\"}\n{\"id\": \"b\", \"text\": \"An election in Oslo.\"}\n";
    let out = run_with_stdin(&["events", "--stdin-format", "jsonl", "-"], lines);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), 2);

    let out = run_with_stdin(&["compare", "-"], b"   ");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("<stdin>: empty report"),
        "{}",
        stderr(&out)
    );

    let out = run_with_stdin(
        &["score", "--pairs", "-"],
        b"Prices rose.\tPrices went up.\n",
    );
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn output_goes_to_a_file_and_write_errors_exit_1() {
    let dir = temp_dir("output");
    let file = dir.join("out.html");
    let out = run(&[
        "compare",
        "--format",
        "html",
        "--output",
        file.to_str().unwrap(),
        &seeds_dir(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
    // `-o -` is standard output.
    let out = run(&["schema", "events", "-o", "-"]);
    assert!(stdout(&out).contains("\"$schema\""));
    // A directory cannot be written as a file.
    let out = run(&["compare", "-o", dir.to_str().unwrap(), &seeds_dir()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
}

/// A directory of two good seed reports and four files that cannot be read.
fn mixed_dir(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for seed in ["000_1e8c440c96c329dc.txt", "001_1d95ac9742bd6b7d.txt"] {
        std::fs::copy(format!("{}/{seed}", seeds_dir()), dir.join(seed)).unwrap();
    }
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"caf\xe9").unwrap();
    std::fs::write(dir.join("broken.json"), b"{\"id\": \"x\", ").unwrap();
    // The same id as a seed: the later file is skipped.
    std::fs::write(
        dir.join("dup.json"),
        br#"{"id": "000_1e8c440c96c329dc", "text": "Other text."}"#,
    )
    .unwrap();
    dir
}

#[test]
fn keep_going_skips_bad_files_and_says_so() {
    let dir = mixed_dir("keep-going");
    let path = dir.to_str().unwrap();
    // Without --keep-going the first bad file stops everything.
    let out = run(&["compare", path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("broken.json: invalid JSON"),
        "{}",
        stderr(&out)
    );

    let out = run(&["compare", "--format", "json", "--keep-going", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for want in [
        "broken.json: invalid JSON",
        "empty.txt: empty report",
        "latin1.txt: not valid UTF-8",
        "duplicate report id \"000_1e8c440c96c329dc\"",
    ] {
        let line = err.lines().find(|l| l.contains(want));
        assert!(
            line.is_some_and(|l| l.starts_with("corroborate: skipping ")),
            "{want}: {err}"
        );
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reports"].as_array().unwrap().len(), 2);
    let skipped: Vec<&str> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(skipped.len(), 4, "{skipped:?}");
    assert!(skipped.iter().any(|p| p.ends_with("dup.json")));

    for (format, needle) in [
        ("text", "Skipped 4 unreadable files:"),
        ("markdown", "**Skipped 4 unreadable files:**"),
        ("html", "<h2>Skipped 4 unreadable files</h2>"),
    ] {
        let out = run(&[
            "compare",
            "--format",
            format,
            "--keep-going",
            "--quiet",
            path,
        ]);
        assert!(out.status.success(), "{format}");
        let shown = stdout(&out);
        assert!(shown.contains(needle), "{format}: {shown}");
        assert!(shown.contains("latin1.txt: not valid UTF-8"), "{format}");
    }

    // A missing path is skipped too; nothing readable at all is bad input.
    let missing = dir.join("missing-dir");
    let out = run(&["events", "--keep-going", missing.to_str().unwrap(), path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let only_bad = temp_dir("only-bad");
    std::fs::write(only_bad.join("empty.txt"), b"").unwrap();
    let out = run(&["compare", "--keep-going", only_bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no report could be read (1 file skipped)"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = run(&["compare", &seeds_dir()]);
    assert!(
        !stdout(&plain).contains('\x1b'),
        "not a terminal: no colour"
    );
    assert!(stdout(&plain).contains("diff: large-scale [-joint-] plans"));
    let colour = run(&["compare", "--color", "always", &seeds_dir()]);
    let shown = stdout(&colour);
    assert!(shown.contains("\x1b[1m"), "{shown}");
    assert!(shown.contains("diff: large-scale \x1b[31;9mjoint\x1b[0m plans"));
    let out = bin()
        .args(["compare", "--color", "auto", &seeds_dir()])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\x1b'));
}

#[test]
fn progress_stays_off_a_short_run_in_a_log() {
    // Standard error is a pipe here: no bar, and a short run leaves no
    // progress lines.
    let out = run(&["compare", &seeds_dir()]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let out = run(&["extract", "--quiet", &seeds_dir()]);
    assert!(stderr(&out).is_empty());
}

#[test]
fn hostile_text_cannot_reach_the_terminal_or_the_page() {
    let dir = temp_dir("hostile");
    let text = "Mayor Jane Doe opened the bridge on Monday.\n\n\
                “We <script>alert(1)</script> unite \x1b[31mthe city\x1b[0m,” Doe said.";
    std::fs::write(dir.join("a.txt"), text).unwrap();
    std::fs::write(
        dir.join("b.txt"),
        text.replace("unite", "join")
            .replace("Monday", "Monday morning"),
    )
    .unwrap();
    let out = run(&["compare", dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(!stdout(&out).contains('\x1b'));
    let out = run(&["compare", "--format", "html", dir.to_str().unwrap()]);
    let page = stdout(&out);
    assert!(!page.contains("<script"));
    assert!(page.contains("&lt;script&gt;"));
}

/// The groups of an `events` or `compare` JSON output, as lists of ids.
fn groups(out: &Output) -> Vec<Vec<String>> {
    assert!(out.status.success(), "{}", stderr(out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["reports"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_user_can_say_which_reports_are_one_event() {
    let seeds = seeds_dir();
    // The seeds are two events; --one-event makes them one, for both
    // subcommands.
    assert_eq!(groups(&run(&["events", &seeds])).len(), 2);
    for command in ["events", "compare"] {
        let mut args = vec![command, "--one-event", &seeds];
        if command == "compare" {
            args.splice(1..1, ["--format", "json"]);
        }
        let got = groups(&run(&args));
        assert_eq!(got.len(), 1, "{command}");
        assert_eq!(got[0].len(), 5, "{command}");
    }
    // The "event" field: one label over unrelated reports is one event,
    // different labels keep identical reports apart, and an unlabelled
    // report still joins by content.
    let floods = "Floods hit the city of Valencia on Tuesday, forcing hundreds of residents from their homes.";
    let bank =
        "The central bank raised interest rates by half a point on Tuesday, its governor said.";
    let lines = [
        serde_json::json!({"id": "a", "text": floods, "event": "story-1"}),
        serde_json::json!({"id": "b", "text": bank, "event": "story-1"}),
        serde_json::json!({"id": "c", "text": floods, "event": "story-2"}),
        serde_json::json!({"id": "d", "text": bank}),
        serde_json::json!({"id": "e", "text": floods, "event": ""}),
    ];
    let dir = temp_dir("labels");
    let file = dir.join("reports.jsonl");
    let jsonl: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(&file, jsonl.join("\n")).unwrap();
    let file = file.to_str().unwrap();
    let got = groups(&run(&["events", file]));
    // d joins the labelled report it repeats; e (a blank label is none)
    // the one it repeats best, c.
    assert_eq!(got, [vec!["a", "b", "d"], vec!["c", "e"]]);
    // Compare groups the same way.
    assert_eq!(groups(&run(&["compare", "--format", "json", file])), got);
    // The help says so.
    let help = stdout(&run(&["compare", "--help"]));
    assert!(
        help.contains("--one-event") && help.contains("\"event\""),
        "{help}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn timing_is_asked_for_and_goes_to_stderr() {
    let plain = run(&["compare", "--quiet", "--format", "json", &seeds_dir()]);
    let timed = run(&[
        "compare",
        "--quiet",
        "--timing",
        "--format",
        "json",
        &seeds_dir(),
    ]);
    assert!(timed.status.success());
    assert_eq!(timed.stdout, plain.stdout);
    assert!(plain.stderr.is_empty());
    let stderr = String::from_utf8(timed.stderr).unwrap();
    let stages: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.split_once(": ").map(|(stage, _)| stage))
        .collect();
    assert_eq!(stages, ["extract", "events", "align"], "{stderr}");
    assert!(stderr.lines().all(|l| l.ends_with(" s")), "{stderr}");
}
