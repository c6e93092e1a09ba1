//! Invariants over arbitrary text: no panic, every span in bounds, on char
//! boundaries and equal to its text; output independent of input order.

use corroborate::{compare, extract, Report};
use proptest::prelude::*;

/// Words and marks that stress the name, quote and fact rules.
const VOCAB: &[&str] = &[
    "The",
    "Last",
    "Wednesday",
    "Wednesday’s",
    "China’s",
    "Russia's",
    "Putin",
    "Li",
    "Qiang",
    "President",
    "Gen.",
    "Mr.",
    "Foreign",
    "Ministry",
    "said",
    "told",
    "he",
    "she",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "''",
    ",",
    ".",
    ":",
    "—",
    "(AP)",
    "By",
    "Read",
    "more",
    "$240",
    "billion",
    "1.6%",
    "two",
    "weeks",
    "ago",
    "According",
    "to",
    "the",
    "premier",
    "and",
    "of",
    "\n",
    "\n\n",
    "…",
    "«",
    "»",
    "„",
    "No.",
    "2",
    "U.S.",
    "Savelyev/POOL/TASS",
    "de",
    "al",
    "-",
    "Jr.",
    "é",
    "👍",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..80).prop_map(|words| words.join(" "))
}

/// Runs of capitalised words, possessives and titles: the name finder's input.
const CAPS: &[&str] = &[
    "It's",
    "Our",
    "Time",
    "The",
    "Last",
    "Kaine's",
    "Wednesday’s",
    "China’s",
    "Mr.",
    "President",
    "Li",
    "Putin",
    "Foreign",
    "Ministry",
    "Gen.",
    "Democratic",
    "Russian",
    "Speaking",
    "Jr.",
    "de",
    "'s",
    "’",
    "-",
    "Al",
    "Sunday",
];

fn name_runs() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(CAPS), 1..8),
        1..6,
    )
    .prop_map(|runs| {
        runs.into_iter()
            .map(|r| format!("“Yes,” {} said. ", r.join(" ")))
            .collect::<String>()
    })
}

/// The words attribution rules turn on: datelines, dashes, descriptions,
/// documents, interview turns, possessives and clause breaks.
const ATTRIBUTION: &[&str] = &[
    "“",
    "”",
    "\"",
    "’s",
    "'s",
    ",",
    ".",
    ":",
    ";",
    "—",
    "―",
    "–",
    "\n",
    "\n\n",
    "Q:",
    "A:",
    "HOLT:",
    "WASHINGTON",
    "Dana",
    "Holt",
    "Rep.",
    "R-Ohio",
    "diGenova",
    "the",
    "a",
    "statement",
    "spokesman",
    "lawyer",
    "family",
    "company",
    "congressman",
    "for",
    "from",
    "of",
    "at",
    "through",
    "who",
    "and",
    "but",
    "as",
    "after",
    "said",
    "told",
    "is",
    "calling",
    "saying",
    "according",
    "to",
    "he",
    "she",
    "aides",
];

fn attribution_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ATTRIBUTION), 0..120)
        .prop_map(|words| words.join(" "))
}

fn check_spans(report: &Report) {
    let found = extract(report);
    let text = &report.text;
    let ok = |s: corroborate::Span, t: &str| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
            && &text[s.range()] == t
    };
    for q in &found.quotes {
        assert!(ok(q.span, &q.text), "quote {:?}", q.span);
        if let Some(sp) = q.speaker_span {
            assert!(
                sp.start <= sp.end
                    && sp.end <= text.len()
                    && text.is_char_boundary(sp.start)
                    && text.is_char_boundary(sp.end)
            );
        }
        // A confidence exactly when there is a speaker, within 0..=1.
        assert_eq!(q.speaker.is_some(), q.speaker_confidence > 0.0, "{q:?}");
        assert!((0.0..=1.0).contains(&q.speaker_confidence), "{q:?}");
    }
    for f in &found.facts {
        assert!(ok(f.span, &f.text), "fact {:?}", f.span);
    }
    for s in &found.statements {
        assert!(ok(s.span, &s.text), "statement {:?}", s.span);
    }
    // Sentences are in order, apart, and each item names the one it
    // starts in.
    assert!(found.sentences.windows(2).all(|w| w[0].end <= w[1].start));
    let starts_in = |sentence: usize, span: corroborate::Span| {
        found
            .sentences
            .get(sentence)
            .is_some_and(|s| s.start <= span.start && span.start <= s.end)
    };
    for q in &found.quotes {
        assert!(starts_in(q.sentence, q.span), "quote {:?}", q.span);
    }
    for f in &found.facts {
        assert!(
            f.span.end <= found.sentences[f.sentence].end,
            "fact {:?}",
            f.span
        );
        assert!(starts_in(f.sentence, f.span), "fact {:?}", f.span);
    }
    for s in &found.statements {
        assert_eq!(found.sentences[s.sentence], s.span);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn extraction_never_panics_on_token_soup(text in soup()) {
        check_spans(&Report::new("r", text));
    }

    #[test]
    fn extraction_never_panics_on_name_runs(text in name_runs()) {
        check_spans(&Report::new("r", text));
    }

    #[test]
    fn extraction_never_panics_on_attributions(text in attribution_soup()) {
        check_spans(&Report::new("r", text));
    }

    #[test]
    fn extraction_never_panics_on_any_text(text in "\\PC{0,300}") {
        check_spans(&Report::new("r", text));
    }

    #[test]
    fn compare_is_order_independent(a in soup(), b in soup(), c in soup()) {
        let reports = vec![Report::new("a", a), Report::new("b", b), Report::new("c", c)];
        let mut shuffled = reports.clone();
        shuffled.rotate_left(1);
        let first = compare(&reports);
        prop_assert_eq!(&first, &compare(&shuffled));
        let ids: usize = first.events.iter().map(|e| e.reports.len()).sum();
        prop_assert_eq!(ids, 3);
        let mut recorded = std::collections::BTreeSet::new();
        for event in &first.events {
            for r in event.agreements.iter().chain(&event.discrepancies).chain(&event.unique) {
                for e in &r.evidence {
                    let report = reports.iter().find(|x| x.id == e.report).unwrap();
                    prop_assert_eq!(&report.text[e.span.range()], e.text.as_str());
                    if r.claim == corroborate::Claim::Quote {
                        recorded.insert((e.report.clone(), e.span));
                    }
                }
            }
        }
        // Nothing lost: every extracted quote is in some record.
        for report in &reports {
            for q in extract(report).quotes {
                prop_assert!(recorded.contains(&(report.id.clone(), q.span)), "quote {:?} of {} in no record", q.text, report.id);
            }
        }
    }

    #[test]
    fn similarity_is_symmetric_and_bounded(a in soup(), b in soup()) {
        let x = corroborate::similarity(&a, &b);
        let y = corroborate::similarity(&b, &a);
        prop_assert!((0.0..=1.0).contains(&x));
        prop_assert!((x - y).abs() < 1e-9);
    }
}

#[test]
fn possessive_before_a_skipped_capital() {
    // Regression: a possessive ahead of the name's first kept word sliced
    // backwards.
    let text = "At his cookout, the band leader sang \"It's Our Time.\" Northam; Kaine's wife, Anne Holton, came.";
    check_spans(&Report::new("r", text));
}
