//! Stage benchmarks on the seed reports (fixtures loaded outside the timed
//! loop). Run: `cargo bench`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn seeds() -> Vec<corroborate::Report> {
    corroborate::load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds")])
        .expect("seed fixtures")
}

fn stages(c: &mut Criterion) {
    let reports = seeds();
    c.bench_function("extract/seeds", |b| {
        b.iter(|| reports.iter().map(corroborate::extract).collect::<Vec<_>>())
    });
    c.bench_function("compare/seeds", |b| {
        b.iter(|| corroborate::compare(black_box(&reports)))
    });
    let a = "China has refused to criticize Russia’s military actions in Ukraine.";
    let z = "China refuses to criticize Russia’s invasion of Ukraine.";
    c.bench_function("similarity/pair", |b| {
        b.iter(|| corroborate::similarity(black_box(a), black_box(z)))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
