//! How the pipeline scales: each stage once on generated corpora of 300
//! (the BASIL shape: 100 events × 3 outlets), 1k, 10k and 100k reports,
//! with wall and CPU time, time per report, MB/s of news text and the heap
//! each stage needs (the stages the pipeline calls: `extract_with`,
//! `group_events`, `align_events`, `compare_with`; the parts of extraction
//! have no function of their own); then single-thread extraction
//! throughput. Prints Markdown tables for the README.
//!
//! Run: `cargo bench --bench scaling`. Each size runs once (300 reports
//! three times, the best taken): criterion's repeated samples would take
//! hours at 100k. Generation is outside the clock.
//!
//! - `CORROBORATE_BENCH_MAX=10000` leaves out the sizes above it.
//! - `CORROBORATE_BENCH_BUDGET=S` (seconds, default 240; 0 for none): a
//!   size whose run, predicted from the size before (linear growth times
//!   the 1.3 the target allows), would end past the budget is skipped with
//!   a note, so `cargo bench` stays within its ten minutes while the big
//!   sizes are slow.
//! - A name after `--` runs only the sizes whose label contains it
//!   (`cargo bench --bench scaling -- 10k`).

mod corpus;
#[path = "../tests/support/heap.rs"]
mod heap;

use std::hint::black_box;
use std::time::{Duration, Instant};

use corroborate::{
    align_events, compare_with, extract_with, group_events, AlignConfig, CompareConfig,
    EventConfig, ExtractConfig, Report,
};
use rayon::prelude::*;

const MIB: f64 = 1024.0 * 1024.0;

/// CPU time of the process (user and system, from `/proc/self/stat`);
/// zero where that is not available. The machine may be shared, so wall
/// time alone can mislead.
fn cpu_time() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// The process's resident-set high-water mark (`VmHWM`), in MiB.
fn rss_peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

// ---- measuring

/// One stage at one size.
struct Row {
    stage: &'static str,
    reports: usize,
    bytes: usize,
    wall: Duration,
    cpu: Duration,
    /// Heap high-water mark during the stage, above what was live before.
    heap: usize,
    runs: u32,
}

impl Row {
    fn per_report_us(&self) -> f64 {
        self.wall.as_secs_f64() * 1e6 / self.reports as f64
    }

    fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.wall.as_secs_f64()
    }
}

/// Runs `f` `runs` times; keeps the fastest run's times, the largest heap
/// peak, and the last result.
fn measure<T>(
    stage: &'static str,
    reports: usize,
    bytes: usize,
    runs: u32,
    mut f: impl FnMut() -> T,
) -> (Row, T) {
    let mut best: Option<(Duration, Duration)> = None;
    let mut heap = 0;
    let mut out = None;
    for _ in 0..runs {
        drop(out.take());
        let base = heap::reset_peak();
        let (start, start_cpu) = (Instant::now(), cpu_time());
        let result = black_box(f());
        let (wall, cpu) = (start.elapsed(), cpu_time().saturating_sub(start_cpu));
        heap = heap.max(heap::peak().saturating_sub(base));
        if best.is_none_or(|(w, _)| wall < w) {
            best = Some((wall, cpu));
        }
        out = Some(result);
    }
    let (wall, cpu) = best.expect("at least one run");
    let row = Row {
        stage,
        reports,
        bytes,
        wall,
        cpu,
        heap,
        runs,
    };
    eprintln!(
        "  {stage:<22} {:>8.2} s  {:>9.1} µs/report  heap +{:.0} MiB",
        row.wall.as_secs_f64(),
        row.per_report_us(),
        heap as f64 / MIB
    );
    (row, out.expect("at least one run"))
}

/// Every stage on one corpus, on all cores (as `compare` runs them),
/// `runs` times each.
fn stages(reports: &[Report], runs: u32, rows: &mut Vec<Row>) {
    let n = reports.len();
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let m = |stage, f: &mut dyn FnMut() -> usize| measure(stage, n, bytes, runs, f).0;
    let extract = ExtractConfig::default();
    let (row, found) = measure("extract", n, bytes, runs, || {
        reports
            .par_iter()
            .map(|r| extract_with(r, &extract))
            .collect::<Vec<_>>()
    });
    rows.push(row);
    let (row, groups) = measure("group_events", n, bytes, runs, || {
        group_events(&found, &EventConfig::default())
    });
    rows.push(row);
    let config = AlignConfig::default();
    rows.push(m("align", &mut || {
        align_events(reports, &found, &groups, &config).len()
    }));
    drop((found, groups));
    let config = CompareConfig::default();
    rows.push(m("compare (all stages)", &mut || {
        compare_with(reports, &config).events.len()
    }));
}

/// Single-thread extraction: reports one after another on one thread, for
/// at least `min` wall time.
fn single_thread(reports: &[Report], min: Duration) -> Vec<Row> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let mut rows = Vec::new();
    let mut run = |stage: &'static str, f: &(dyn Fn(&Report) -> usize + Sync)| {
        pool.install(|| {
            let (start, start_cpu) = (Instant::now(), cpu_time());
            let base = heap::reset_peak();
            let mut runs = 0u32;
            while runs == 0 || start.elapsed() < min {
                black_box(reports.iter().map(f).sum::<usize>());
                runs += 1;
            }
            let row = Row {
                stage,
                reports: reports.len() * runs as usize,
                bytes: bytes * runs as usize,
                wall: start.elapsed(),
                cpu: cpu_time().saturating_sub(start_cpu),
                heap: heap::peak().saturating_sub(base),
                runs,
            };
            eprintln!(
                "  {stage:<22} {:>8.1} MB/s  {:>9.1} µs/report",
                row.mb_per_s(),
                row.per_report_us()
            );
            rows.push(row);
        })
    };
    let config = ExtractConfig::default();
    run("extract", &|r| {
        let e = extract_with(r, &config);
        e.quotes.len() + e.facts.len() + e.statements.len()
    });
    rows
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a whole number, not {v:?}")),
        Err(_) => default,
    }
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let max = env_number("CORROBORATE_BENCH_MAX", u64::MAX) as usize;
    let budget = Duration::from_secs(env_number("CORROBORATE_BENCH_BUDGET", 240));
    let seed = 42;
    let started = Instant::now();
    let sizes = [
        ("300 (BASIL shape)", 300),
        ("1k", 1_000),
        ("10k", 10_000),
        ("100k", 100_000),
    ];
    let threads = rayon::current_num_threads();
    let mut rows: Vec<Row> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut last: Option<(usize, Duration)> = None;
    for (label, n) in sizes {
        if !filters.is_empty() && !filters.iter().any(|f| label.contains(f.as_str())) {
            continue;
        }
        if n > max {
            notes.push(format!("{label}: left out (CORROBORATE_BENCH_MAX={max})"));
            continue;
        }
        if let Some((prev_n, prev_took)) = last {
            // Linear, plus the 1.3× growth per report the target allows.
            let predicted = prev_took.mul_f64(1.3 * n as f64 / prev_n as f64);
            if !budget.is_zero() && started.elapsed() + predicted > budget {
                notes.push(format!(
                    "{label}: skipped, predicted {:.0} s from the previous size would pass the \
                     {} s budget (CORROBORATE_BENCH_BUDGET=0 runs it)",
                    predicted.as_secs_f64(),
                    budget.as_secs()
                ));
                break;
            }
        }
        let generating = Instant::now();
        let corpus = if n == 300 {
            corpus::basil(seed)
        } else {
            corpus::news(n, seed)
        };
        eprintln!(
            "{label}: {} reports, {} events, {:.1} MB (generated in {:.1} s)",
            corpus.reports.len(),
            corpus.events,
            corpus.bytes() as f64 / 1e6,
            generating.elapsed().as_secs_f64()
        );
        let runs = (1_000 / n).clamp(1, 3) as u32;
        let start = Instant::now();
        stages(&corpus.reports, runs, &mut rows);
        last = Some((n, start.elapsed() / runs));
    }

    println!();
    println!(
        "Scaling ({threads} threads; best of the runs shown; heap: high-water mark during \
         the stage above what was live before it, the reports' text not counted)"
    );
    println!();
    println!("| stage | reports | MB | runs | wall s | CPU s | µs/report | MB/s | heap MiB |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for r in &rows {
        println!(
            "| {} | {} | {:.1} | {} | {:.3} | {:.2} | {:.1} | {:.1} | {:.0} |",
            r.stage,
            r.reports,
            r.bytes as f64 / 1e6,
            r.runs,
            r.wall.as_secs_f64(),
            r.cpu.as_secs_f64(),
            r.per_report_us(),
            r.mb_per_s(),
            r.heap as f64 / MIB
        );
    }
    // Growth of time per report from 10k to 100k (the target is ≤ 1.3×).
    let per = |stage: &str, n: usize| {
        rows.iter()
            .find(|r| r.stage == stage && r.reports == n)
            .map(Row::per_report_us)
    };
    let mut growth = Vec::new();
    for stage in ["extract", "group_events", "align", "compare (all stages)"] {
        if let (Some(a), Some(b)) = (per(stage, 10_000), per(stage, 100_000)) {
            growth.push(format!("{stage} ×{:.2}", b / a));
        }
    }
    if !growth.is_empty() {
        println!();
        println!(
            "Time per report, 100k over 10k (target ≤ 1.3): {}",
            growth.join(", ")
        );
    }

    // Single thread, on a fixed sample: how fast one core reads news.
    eprintln!("single thread:");
    let sample = corpus::news(2_000, seed);
    let single = single_thread(&sample.reports, Duration::from_secs(1));
    println!();
    println!(
        "Single thread, {} generated reports ({:.1} MB), repeated for at least 1 s \
         (target for extract ≥ 30 MB/s)",
        sample.reports.len(),
        sample.bytes() as f64 / 1e6
    );
    println!();
    println!("| stage | MB/s | µs/report |");
    println!("| --- | ---: | ---: |");
    for r in &single {
        println!(
            "| {} | {:.1} | {:.1} |",
            r.stage,
            r.mb_per_s(),
            r.per_report_us()
        );
    }
    if let Some(extract) = single.iter().find(|r| r.stage == "extract") {
        println!();
        println!(
            "single-thread extraction: {:.1} MB/s of news text",
            extract.mb_per_s()
        );
    }
    println!();
    for note in &notes {
        println!("note: {note}");
    }
    if let Some(rss) = rss_peak_mib() {
        println!("process peak RSS (VmHWM): {rss:.0} MiB");
    }
    println!(
        "scaling bench: {:.0} s in all",
        started.elapsed().as_secs_f64()
    );
}
