//! Each stage on the seed reports and on a generated BASIL-sized set (300
//! reports: 100 events × 3 outlets), inputs built outside the timed loop.
//! Benchmarks are named `stage/input` (`extract/seeds`,
//! `compare/basil300`). Run: `cargo bench --bench pipeline` (about a
//! minute; a name filter after `--` picks some, e.g. `-- basil300`).
//!
//! Every stage is timed through the public function the pipeline itself
//! calls: `extract_with`, `group_events`, `align_events` (which builds the
//! statement matcher), `compare_with`. The parts of extraction
//! (segmentation, tokens, quotes, facts) have no function of their own and
//! are timed only within `extract`. `benches/scaling.rs` has the large
//! corpora and memory.

mod corpus;

use std::time::Duration;

use corroborate::{
    align_events, compare_with, extract_with, group_events, AlignConfig, CompareConfig,
    EventConfig, ExtractConfig, Extraction, Report,
};
use criterion::{black_box, criterion_group, criterion_main, Criterion, SamplingMode, Throughput};

fn seeds() -> Vec<Report> {
    corroborate::load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds")])
        .expect("seed fixtures")
}

/// One input set, with what the later stages start from.
struct Input {
    label: &'static str,
    reports: Vec<Report>,
    bytes: u64,
    found: Vec<Extraction>,
    groups: Vec<Vec<usize>>,
}

impl Input {
    fn new(label: &'static str, reports: Vec<Report>) -> Input {
        let config = ExtractConfig::default();
        let found: Vec<Extraction> = reports.iter().map(|r| extract_with(r, &config)).collect();
        Input {
            label,
            bytes: reports.iter().map(|r| r.text.len() as u64).sum(),
            groups: group_events(&found, &EventConfig::default()),
            reports,
            found,
        }
    }
}

/// Benchmarks `stage/<input>` for every input; per-report stages report
/// bytes a second, the others reports a second.
fn bench_stage(
    c: &mut Criterion,
    stage: &str,
    inputs: &[Input],
    per_byte: bool,
    f: impl Fn(&Input) -> usize,
) {
    let mut group = c.benchmark_group(stage);
    // Flat sampling: ten equal samples, not 1 + 2 + … + 10 iterations, so
    // a stage that takes a second costs ten, not fifty-five.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for input in inputs {
        group.throughput(if per_byte {
            Throughput::Bytes(input.bytes)
        } else {
            Throughput::Elements(input.reports.len() as u64)
        });
        group.bench_function(input.label, |b| b.iter(|| f(black_box(input))));
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let inputs = [
        Input::new("seeds", seeds()),
        Input::new("basil300", corpus::basil(42).reports),
    ];
    let extract = ExtractConfig::default();
    let align = AlignConfig::default();
    let compare = CompareConfig::default();
    bench_stage(c, "extract", &inputs, true, |i| {
        i.reports
            .iter()
            .map(|r| extract_with(r, &extract).quotes.len())
            .sum()
    });
    bench_stage(c, "group_events", &inputs, false, |i| {
        group_events(&i.found, &EventConfig::default()).len()
    });
    bench_stage(c, "align", &inputs, false, |i| {
        align_events(&i.reports, &i.found, &i.groups, &align).len()
    });
    bench_stage(c, "compare", &inputs, false, |i| {
        compare_with(&i.reports, &compare).events.len()
    });
    let a = "China has refused to criticize Russia’s military actions in Ukraine.";
    let z = "China refuses to criticize Russia’s invasion of Ukraine.";
    c.bench_function("similarity/pair", |b| {
        b.iter(|| corroborate::similarity(black_box(a), black_box(z)))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
