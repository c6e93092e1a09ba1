//! End to end over the five seed reports (two events, three outlets for
//! one, two for the other): the same things the hand-made gold asks for.

use corroborate::{
    compare, load, Claim, Comparison, Difference, Record, RecordKind, Report, WordDiff, WordTag,
};

const AP_2024: &str = "000_1e8c440c96c329dc";
const CNN_2024: &str = "001_1d95ac9742bd6b7d";
const AP_2023: &str = "002_9292aeaa127b65d9";
const AFP_2023: &str = "003_9b19bc01bc405292";
const UNDATED_2023: &str = "004_a55e7a432e603598";

fn seeds() -> Vec<Report> {
    load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds")]).unwrap()
}

fn fold(s: &str) -> String {
    let s = s.replace(['“', '”'], "\"").replace(['‘', '’'], "'");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn records(c: &Comparison) -> impl Iterator<Item = (&'static str, &Record)> {
    c.events.iter().flat_map(|e| {
        e.agreements
            .iter()
            .map(|r| ("agreement", r))
            .chain(e.discrepancies.iter().map(|r| ("discrepancy", r)))
            .chain(e.unique.iter().map(|r| ("unique", r)))
    })
}

/// Some record of `section` (and `kind`, if given) has evidence from each
/// member report containing its text.
fn found(
    c: &Comparison,
    sections: &[&str],
    kinds: &[RecordKind],
    members: &[(&str, &str)],
) -> bool {
    records(c).any(|(section, r)| {
        sections.contains(&section)
            && (kinds.is_empty() || kinds.contains(&r.kind))
            && members.iter().all(|(report, needle)| {
                r.evidence
                    .iter()
                    .any(|e| e.report == *report && fold(&e.text).contains(&fold(needle)))
            })
    })
}

#[test]
fn events_are_the_two_meetings() {
    let c = compare(&seeds());
    let groups: Vec<Vec<String>> = c.events.iter().map(|e| e.reports.clone()).collect();
    assert_eq!(
        groups,
        [
            vec![AP_2024, CNN_2024],
            vec![AP_2023, AFP_2023, UNDATED_2023]
        ]
    );
    assert_eq!(c.reports.len(), 5);
}

#[test]
fn alignments_across_outlets() {
    let c = compare(&seeds());
    let both = ["agreement", "discrepancy"];
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Q1",
            &[
                (AP_2023, "working actively through the military departments"),
                (
                    AFP_2023,
                    "working actively through the military departments",
                ),
                (UNDATED_2023, "useful information"),
            ],
        ),
        (
            "Q1b",
            &[
                (AFP_2023, "military-technical cooperation"),
                (
                    UNDATED_2023,
                    "in the field of military-technical cooperation",
                ),
            ],
        ),
        (
            "Q2",
            &[
                (AFP_2023, "another important area"),
                (UNDATED_2023, "another crucial area"),
            ],
        ),
        (
            "Q2b",
            &[
                (AFP_2023, "trusting, strategic nature"),
                (UNDATED_2023, "extremely trusting, strategic nature"),
            ],
        ),
        (
            "Q3",
            &[
                (AP_2024, "large-scale plans"),
                (CNN_2024, "large-scale joint plans and projects"),
            ],
        ),
        (
            "S1",
            &[
                (AP_2023, "refused to criticize Russia"),
                (UNDATED_2023, "refuses to criticize Russia"),
            ],
        ),
        (
            "F1",
            &[
                (AP_2023, "Sunday"),
                (AFP_2023, "Sunday"),
                (UNDATED_2023, "Sunday"),
            ],
        ),
        ("F2", &[(AP_2024, "Wednesday"), (CNN_2024, "Wednesday")]),
    ];
    for (id, members) in cases {
        assert!(found(&c, &both, &[], members), "{id} not aligned");
    }
}

#[test]
fn quote_discrepancies() {
    const WORDING: RecordKind = RecordKind::Difference(Difference::Wording);
    const TRUNCATION: RecordKind = RecordKind::Difference(Difference::Truncation);
    let c = compare(&seeds());
    type Case<'a> = (&'a str, &'a [RecordKind], &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            "D1",
            &[WORDING],
            &[
                (AP_2023, "exchanging information that is useful to us"),
                (AFP_2023, "exchange useful information"),
            ],
        ),
        (
            "D2",
            &[TRUNCATION, WORDING],
            &[
                (AP_2023, "different theaters"),
                (AFP_2023, "conduct joint exercises"),
            ],
        ),
        (
            "D3",
            &[WORDING],
            &[
                (AFP_2023, "exclusively trusting"),
                (UNDATED_2023, "extremely trusting"),
            ],
        ),
        (
            "D4",
            &[WORDING, TRUNCATION],
            &[
                (AP_2024, "large-scale plans"),
                (CNN_2024, "large-scale joint plans and projects"),
            ],
        ),
    ];
    for (id, kinds, members) in cases {
        assert!(
            found(&c, &["discrepancy"], kinds, members),
            "{id} not found"
        );
    }
    // The wording record carries the word diff: between two of its
    // evidence texts, the changed words found by their spans.
    let d3 = records(&c)
        .find(|(s, r)| {
            *s == "discrepancy"
                && r.kind == WORDING
                && r.diff.as_ref().is_some_and(|d| d.to.contains("extremely"))
        })
        .expect("a wording diff naming 'extremely'");
    let diff = d3.1.diff.as_ref().unwrap();
    for version in [&diff.from, &diff.to] {
        assert!(
            d3.1.evidence.iter().any(|e| e.text == *version),
            "{version}"
        );
    }
    let replaced: Vec<(&str, &str)> = diff
        .ops
        .iter()
        .filter(|op| op.tag == corroborate::WordTag::Replaced)
        .map(|op| (op.from.text(&diff.from), op.to.text(&diff.to)))
        .collect();
    assert_eq!(replaced, [("exclusively", "extremely")]);
    assert!(diff.to_string().contains("[-exclusively-]{+extremely+}"));
}

#[test]
fn speakers() {
    let c = compare(&seeds());
    let cases: &[(&str, &str, &str)] = &[
        (AP_2024, "Our trade relations are developing", "Putin"),
        (AP_2024, "unprecedentedly high level", "Li Qiang"),
        (AP_2024, "large-scale plans", "Putin"),
        (CNN_2024, "flourishing", "Putin"),
        (CNN_2024, "inject strong momentum", "Li Qiang"),
        (CNN_2024, "in a difficult external situation", "Mishustin"),
        (
            CNN_2024,
            "concentrate efforts on protecting our common interests",
            "Mishustin",
        ),
        (CNN_2024, "fuel the flame", "Foreign Ministry"),
        (
            AP_2023,
            "working actively through the military departments",
            "Putin",
        ),
        (AFP_2023, "We have very strong ties", "Li Shangfu"),
        (AFP_2023, "This is my first overseas visit", "Li Shangfu"),
        (
            AFP_2023,
            "working actively through the military departments",
            "Putin",
        ),
        (AFP_2023, "another important area", "Putin"),
        (
            UNDATED_2023,
            "military-technical ties, and arms trade",
            "Li Shangfu",
        ),
        (
            UNDATED_2023,
            "extremely trusting, strategic nature",
            "Putin",
        ),
    ];
    for (report, quote, speaker) in cases {
        let got = records(&c)
            .flat_map(|(_, r)| r.evidence.iter())
            .find(|e| {
                e.report == *report && fold(&e.text).contains(&fold(quote)) && e.speaker.is_some()
            })
            .and_then(|e| e.speaker.clone());
        assert!(
            got.as_deref()
                .is_some_and(|s| fold(s).contains(&fold(speaker))),
            "{report} “{quote}”: want {speaker}, got {got:?}"
        );
    }
}

#[test]
fn nothing_forbidden() {
    let c = compare(&seeds());
    let boilerplate = [
        "Savelyev",
        "March 25, 2023",
        "great neighboring powers",
        "Stabilize International Situation",
        "Contribute today",
        "Read more",
        "Pool Photo",
        "Posted August 21",
        "Updated: 47 minutes",
    ];
    let event_of = |id: &str| {
        c.events
            .iter()
            .position(|e| e.reports.iter().any(|r| r == id))
    };
    for (section, r) in records(&c) {
        for e in &r.evidence {
            assert!(
                !boilerplate.iter().any(|b| fold(&e.text).contains(&fold(b))),
                "boilerplate: {}",
                e.text
            );
        }
        let events: Vec<_> = r.evidence.iter().map(|e| event_of(&e.report)).collect();
        assert!(
            events.windows(2).all(|w| w[0] == w[1]),
            "record mixes events"
        );
        // Li Qiang's remark is carried by one outlet only.
        if section != "unique"
            && r.evidence
                .iter()
                .any(|e| e.text.contains("unprecedentedly high level"))
        {
            assert!(r.evidence.iter().all(|e| e.report == AP_2024), "X3 aligned");
        }
    }
}

#[test]
fn evidence_is_exact_and_every_quote_is_recorded() {
    let reports = seeds();
    let c = compare(&reports);
    for (_, r) in records(&c) {
        for e in &r.evidence {
            let report = reports.iter().find(|x| x.id == e.report).unwrap();
            assert_eq!(&report.text[e.span.range()], e.text);
        }
    }
    for report in &reports {
        for q in corroborate::extract(report).quotes {
            let recorded = records(&c).any(|(_, r)| {
                r.claim == Claim::Quote
                    && r.evidence
                        .iter()
                        .any(|e| e.report == report.id && e.span == q.span)
            });
            assert!(recorded, "{}: quote “{}” in no record", report.id, q.text);
        }
    }
}

#[test]
fn output_does_not_depend_on_input_order() {
    let reports = seeds();
    let mut reversed = reports.clone();
    reversed.reverse();
    assert_eq!(compare(&reports), compare(&reversed));
}

#[test]
fn streamed_json_is_the_whole_comparison_s_bytes() {
    let reports = seeds();
    let config = corroborate::CompareConfig::default();
    let whole = compare(&reports);
    let skipped = [corroborate::Skipped {
        path: "x.txt".into(),
        error: "x.txt: empty report (no text)".into(),
    }];
    for options in [
        corroborate::render::Options::new(),
        corroborate::render::Options::new().skipped(&skipped),
    ] {
        let mut expected = Vec::new();
        corroborate::render::write_with(
            &mut expected,
            &whole,
            corroborate::render::Format::Json,
            &options,
        )
        .unwrap();
        let mut streamed = Vec::new();
        let mut stream = corroborate::compare_stream(&reports, &config);
        corroborate::render::write_stream(
            &mut streamed,
            &mut stream,
            corroborate::render::Format::Json,
            &options,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(expected).unwrap()
        );
        assert_eq!(stream.next(), None);
        let stages: Vec<&str> = stream.timings().iter().map(|t| t.0).collect();
        assert_eq!(stages, ["extract", "events", "align"]);
    }
    // One event per line, each an element of the JSON's events.
    let mut lines = Vec::new();
    corroborate::render::write_events_jsonl(
        &mut lines,
        &mut corroborate::compare_stream(&reports, &config),
    )
    .unwrap();
    let events: Vec<corroborate::Event> = String::from_utf8(lines)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let back = Comparison {
        events,
        ..whole.clone()
    };
    assert_eq!(
        corroborate::render::json(&back),
        corroborate::render::json(&whole)
    );
}

#[test]
fn the_stages_called_one_by_one_give_the_pipeline_s_events() {
    // The pipeline drops the statements' copies of their sentences and
    // reads them in the reports; the public stages read the copies.
    let mut reports = seeds();
    reports.sort_by(|a, b| a.id.cmp(&b.id));
    let mut found: Vec<_> = reports.iter().map(corroborate::extract).collect();
    let groups = corroborate::group_events(&found, &corroborate::EventConfig::default());
    // As the pipeline does: an undated report's times against its event's.
    for group in &groups {
        if let Some(day) = group.iter().filter_map(|&i| found[i].published).min() {
            for &i in group {
                if found[i].published.is_none() {
                    found[i].resolve_times(day);
                }
            }
        }
    }
    let events = corroborate::align_events(&reports, &found, &groups, &Default::default());
    assert_eq!(events, compare(&reports).events);
}

#[test]
fn seed_comparison_snapshot() {
    let c = compare(&seeds());
    insta::assert_json_snapshot!("seed_comparison", c);
}

#[test]
fn wording_diffs_are_spans_into_their_evidence_and_read_back() {
    let c = compare(&seeds());
    let diffs: Vec<(&Record, &WordDiff)> = records(&c)
        .filter_map(|(_, r)| Some((r, r.diff.as_ref()?)))
        .collect();
    assert_eq!(diffs.len(), 4);
    for (r, d) in diffs {
        assert_eq!(r.kind, RecordKind::Difference(Difference::Wording));
        // Both versions are evidence texts, and every span lies in its text.
        for version in [&d.from, &d.to] {
            assert!(r.evidence.iter().any(|e| e.text == *version), "{version}");
        }
        for op in &d.ops {
            assert!(d.from.get(op.from.range()).is_some(), "{op:?}");
            assert!(d.to.get(op.to.range()).is_some(), "{op:?}");
        }
        // The marked string reads back to a diff that writes it again,
        // with the same changed words.
        let marked = d.to_string();
        let back: WordDiff = marked.parse().unwrap();
        assert_eq!(back.to_string(), marked);
        let changes = |d: &WordDiff| -> Vec<(WordTag, String, String)> {
            d.ops
                .iter()
                .filter(|op| op.tag != WordTag::Equal)
                .map(|op| {
                    let from = op.from.text(&d.from).to_string();
                    (op.tag, from, op.to.text(&d.to).to_string())
                })
                .collect()
        };
        assert_eq!(changes(&back), changes(d), "{marked}");
    }
}
