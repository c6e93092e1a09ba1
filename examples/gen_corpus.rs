//! Writes a synthetic news corpus (the one the benchmarks use) to a folder
//! the command-line tool reads, with `truth.tsv` saying which event each
//! report belongs to and which quotes it shares.
//!
//! ```text
//! cargo run --release --example gen_corpus -- 10000 /tmp/gen10k --seed 42
//! cargo run --release --example gen_corpus -- basil /tmp/basil   # 100 events × 3 outlets
//! cargo run --release -- compare --format json /tmp/gen10k > /dev/null
//! ```
//!
//! Options: `--seed S` (default 42); `--jsonl` writes one `reports.jsonl`
//! (with outlet and date fields) instead of a `.txt` file per report;
//! `--check` groups the reports and scores the grouping against the truth.
//! Without arguments: 40 reports into `target/gen_corpus`, checked.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |args: &mut Vec<String>, name: &str| -> bool {
        let found = args.iter().position(|a| a == name);
        found.map(|i| args.remove(i)).is_some()
    };
    let jsonl = flag(&mut args, "--jsonl");
    let mut check = flag(&mut args, "--check");
    let mut seed = 42;
    if let Some(i) = args.iter().position(|a| a == "--seed") {
        args.remove(i);
        seed = args.get(i).ok_or("--seed needs a number")?.parse()?;
        args.remove(i);
    }
    let (size, dir) = match args.as_slice() {
        [] => {
            check = true;
            let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target/gen_corpus"));
            ("40".to_string(), dir)
        }
        [size, dir] => (size.clone(), PathBuf::from(dir)),
        _ => return Err("usage: gen_corpus N|basil DIR [--seed S] [--jsonl] [--check]".into()),
    };

    let start = Instant::now();
    let corpus = if size == "basil" {
        corpus::basil(seed)
    } else {
        corpus::news(size.parse()?, seed)
    };
    let generated = start.elapsed();
    std::fs::create_dir_all(&dir)?;
    if jsonl {
        let mut out = String::new();
        for (report, truth) in corpus.reports.iter().zip(&corpus.truth) {
            let line = serde_json::json!({
                "id": report.id,
                "text": &report.text[report.body_start()..],
                "outlet": truth.outlet,
                "published": report.published.map(|d| d.to_string()),
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        std::fs::write(dir.join("reports.jsonl"), out)?;
    } else {
        for report in &corpus.reports {
            std::fs::write(dir.join(format!("{}.txt", report.id)), &report.text)?;
        }
    }
    std::fs::write(dir.join("truth.tsv"), corpus.truth_tsv())?;
    let quotes: usize = corpus.truth.iter().map(|t| t.quotes.len()).sum();
    let n = corpus.reports.len();
    println!(
        "wrote {n} reports, {} events, {:.0} words and {:.1} quotes a report, {:.2} MB \
         (generated in {:.2} s) -> {}",
        corpus.events,
        corpus.words() as f64 / n as f64,
        quotes as f64 / n as f64,
        corpus.bytes() as f64 / 1e6,
        generated.as_secs_f64(),
        dir.display()
    );
    if check {
        let groups = corroborate::group_reports(&corpus.reports, &Default::default());
        let ids: Vec<Vec<String>> = groups.into_iter().map(|g| g.reports).collect();
        let (p, r, f1) = corpus.bcubed_ids(&ids);
        println!(
            "grouping: {} events found ({} true); BCubed precision {p:.3}, recall {r:.3}, F1 {f1:.3}",
            ids.len(),
            corpus.events
        );
    }
    Ok(())
}
