//! The benchmarks' synthetic corpus generator (`benches/corpus`), tested
//! here: `cargo test` does not build benches.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use corpus::{basil, news, Edit, SYNONYMS};

#[test]
fn same_seed_same_corpus() {
    let (a, b) = (news(50, 7), news(50, 7));
    assert_eq!(a.reports, b.reports);
    assert_eq!(a.truth_tsv(), b.truth_tsv());
    assert_ne!(news(50, 8).reports, a.reports);
}

#[test]
fn sizes_and_shapes() {
    for n in [1, 7, 120] {
        let c = news(n, 1);
        assert_eq!(c.reports.len(), n);
        let ids: std::collections::BTreeSet<&str> =
            c.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), n);
        assert!(c.truth.iter().all(|t| t.event < c.events));
    }
    let c = basil(1);
    assert_eq!((c.reports.len(), c.events), (300, 100));
    let mut outlets = vec![Vec::new(); 100];
    for t in &c.truth {
        outlets[t.event].push(t.outlet);
    }
    for mut o in outlets {
        o.sort();
        o.dedup();
        assert_eq!(o.len(), 3, "three different outlets an event");
    }
}

#[test]
fn reports_look_like_news() {
    let c = news(200, 3);
    let words = c.words() as f64 / 200.0;
    assert!((450.0..750.0).contains(&words), "{words} words a report");
    let dated = c.reports.iter().filter(|r| r.published.is_some()).count();
    assert!(dated > 170 && dated < 200, "{dated} dated");
    let quotes: usize = c.truth.iter().map(|t| t.quotes.len()).sum();
    assert!(c.truth.iter().all(|t| (3..=8).contains(&t.quotes.len())));
    // Shared quotes: most quotes come from an event's pool.
    let shared = c
        .truth
        .iter()
        .flat_map(|t| &t.quotes)
        .filter(|(_, e)| *e != Edit::Unique)
        .count();
    assert!(shared * 2 > quotes, "{shared} of {quotes} shared");
}

#[test]
fn tables_are_sorted_for_binary_search() {
    assert!(SYNONYMS.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn the_extractor_finds_the_quotes_and_speakers() {
    let c = news(40, 5);
    let (mut want, mut found, mut attributed) = (0, 0, 0);
    for (r, t) in c.reports.iter().zip(&c.truth) {
        let e = corroborate::extract(r);
        want += t.quotes.len();
        found += e.quotes.len();
        attributed += e.quotes.iter().filter(|q| q.speaker.is_some()).count();
    }
    let ratio = found as f64 / want as f64;
    assert!(
        (0.9..1.1).contains(&ratio),
        "{found} quotes found, {want} written"
    );
    assert!(
        attributed * 10 >= found * 8,
        "{attributed} of {found} attributed"
    );
}
