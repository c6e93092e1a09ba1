//! The human formats over the seed and conflict fixtures: what a reader
//! must find in them, and that the HTML page needs nothing from outside.

use corroborate::render::{self, Format, Options};
use corroborate::{compare, load, Comparison, Report, Skipped};

fn reports(dir: &str) -> Vec<Report> {
    load(&[format!(
        "{}/tests/fixtures/{dir}",
        env!("CARGO_MANIFEST_DIR")
    )])
    .unwrap()
}

fn page(reports: &[Report]) -> (Comparison, String) {
    let comparison = compare(reports);
    let html = render::html_with(&comparison, &Options::new().reports(reports));
    (comparison, html)
}

/// Values of `attr="…"` in the page.
fn attributes<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let open = format!(" {attr}=\"");
    html.match_indices(&open)
        .map(|(i, _)| {
            let rest = &html[i + open.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn the_page_is_self_contained() {
    let (_, html) = page(&reports("seeds"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("default-src 'none'; style-src 'unsafe-inline'"));
    assert!(html.contains("name=\"viewport\""));
    for attr in ["src", "srcset", "action", "poster", "data"] {
        assert!(attributes(&html, attr).is_empty(), "{attr}");
    }
    // Links only to places inside the page.
    for href in attributes(&html, "href") {
        assert!(href.starts_with('#'), "{href}");
    }
    for tag in ["<script", "<link", "<img", "<iframe", "@import", "url("] {
        assert!(!html.contains(tag), "{tag}");
    }
}

#[test]
fn every_link_has_its_target() {
    let mut both = reports("seeds");
    both.extend(reports("conflicts"));
    let (_, html) = page(&both);
    let ids = attributes(&html, "id");
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    for href in attributes(&html, "href") {
        assert!(ids.contains(&&href[1..]), "{href} has no target");
    }
}

/// The claim block of `record_id` in the page: `<article …>…</article>`.
fn block<'a>(html: &'a str, record_id: &str) -> &'a str {
    let at = html
        .find(&format!("data-claim=\"{record_id}\""))
        .unwrap_or_else(|| panic!("no block for {record_id}"));
    let start = html[..at].rfind("<article").unwrap();
    let end = at + html[at..].find("</article>").unwrap();
    &html[start..end]
}

#[test]
fn seeds_show_both_events_and_marked_variants() {
    let (comparison, html) = page(&reports("seeds"));
    assert_eq!(comparison.events.len(), 2);
    for needle in [
        "id=\"e1\"",
        "id=\"e2\"",
        "Putin meets China’s No. 2 as Moscow-Beijing relations deepen",
        "Putin meets with China’s defense minister in Moscow",
        "2023-04-16 to 2023-04-17 (1 undated)",
        // Side by side: the translation variants, word by word, from the
        // most common version to the variant.
        "<del>exclusively</del>",
        "<ins>extremely</ins>",
        "large-scale <del>joint</del> plans<span class=\"out\"> and projects</span>",
        // Quotes by speaker, with the outlets that carry them.
        "Who said what",
        "<h4>Mikhail Mishustin</h4>",
        // Claims only one report carries.
        "Only one report",
        // Evidence in its sentence, the span marked.
        "<mark>useful information</mark>",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
}

#[test]
fn the_summary_counts_claims_not_pairs() {
    let (comparison, html) = page(&reports("seeds"));
    let event = &comparison.events[1];
    let differing = event
        .agreements
        .iter()
        .filter(|c| {
            event
                .discrepancies
                .iter()
                .any(|d| d.of.as_ref() == Some(&c.id))
        })
        .count();
    assert!(
        differing < event.discrepancies.len(),
        "some claim has several differences"
    );
    let section = &html[html.find("id=\"e2\"").unwrap()..];
    let stats = &section[..section.find("</dl>").unwrap()];
    for needle in [
        format!(
            "<dt>Claims in several reports</dt><dd>{}</dd>",
            event.agreements.len()
        ),
        format!("<dt>Claims with differences</dt><dd>{differing}</dd>"),
        format!("<dt>Differences</dt><dd>{}", event.discrepancies.len()),
        {
            let count = |kind| {
                event
                    .discrepancies
                    .iter()
                    .filter(|d| d.kind == kind)
                    .count()
            };
            format!(
                "{} wording, {} truncation",
                count(corroborate::RecordKind::Difference(
                    corroborate::Difference::Wording
                )),
                count(corroborate::RecordKind::Difference(
                    corroborate::Difference::Truncation
                ))
            )
        },
        format!("<dt>In one report only</dt><dd>{}</dd>", event.unique.len()),
    ] {
        assert!(stats.contains(&needle), "missing {needle} in {stats}");
    }
    assert!(!stats.contains("Agreements") && !stats.contains("Discrepancies"));
}

#[test]
fn a_claim_is_one_block_with_all_its_versions_and_changes() {
    let reports = reports("seeds");
    let (comparison, html) = page(&reports);
    let event = &comparison.events[1];
    // The remark three reports quote (two of them in fragments).
    let claim = event
        .agreements
        .iter()
        .max_by_key(|c| (c.reports().len(), c.evidence.len()))
        .unwrap();
    assert!(claim.reports().len() >= 3 && claim.evidence.len() > claim.reports().len());
    assert_eq!(
        html.matches(&format!("data-claim=\"{}\"", claim.id))
            .count(),
        1
    );
    let shown = block(&html, &claim.id);
    assert!(shown.starts_with("<article class=\"claim differs\""));
    // One column per report, every quotation in it.
    for report in claim.reports() {
        assert_eq!(
            shown.matches(&format!("data-report=\"{report}\"")).count(),
            1
        );
    }
    assert_eq!(shown.matches("<blockquote>").count(), claim.evidence.len());
    // Its differences are inside the block: the wording diff and the
    // truncation with its note.
    let of_it: Vec<_> = event
        .discrepancies
        .iter()
        .filter(|d| d.of.as_ref() == Some(&claim.id))
        .collect();
    assert!(of_it.len() >= 2);
    assert_eq!(shown.matches("<li data-kind=").count(), of_it.len());
    assert!(shown
        .contains("<p class=\"diff\"><span class=\"label\">Changes</span> We are also working"));
    assert!(shown.contains("<del>exchanging</del>"), "{shown}");
    assert!(shown.contains("<ins>exchange useful</ins>"), "{shown}");
    assert!(shown.contains("left out of the shorter version"));
    // The quotation in its sentence: the words around it are shown.
    assert!(shown.contains("<span class=\"out\">"));
    // Claims with differences come first, then those without.
    let section = &html[html.find("id=\"e2\"").unwrap()..];
    let first_agreeing = section.find("class=\"claim agrees\"").unwrap();
    assert!(section.rfind("class=\"claim differs\"").unwrap() < first_agreeing);
}

#[test]
fn a_difference_without_its_claim_is_still_shown() {
    let reports = reports("seeds");
    let mut comparison = compare(&reports);
    let event = &mut comparison.events[1];
    let lost = event.discrepancies[0].clone();
    let of = lost.of.clone().unwrap();
    event.agreements.retain(|c| c.id != of);
    event.discrepancies[0].of = Some("nowhere/c9".into());
    let options = Options::new().reports(&reports);
    let html = render::html_with(&comparison, &options);
    let shown = block(&html, &lost.id);
    assert!(shown.contains("the claim record is missing"));
    assert!(shown.contains("<p class=\"diff\">"));
    for format in [render::Format::Text, render::Format::Markdown] {
        let out = render::render_with(&comparison, format, &options);
        assert!(out.contains("claim record missing"), "{format:?}");
    }
}

#[test]
fn fact_conflicts_are_claims_with_both_values_in_context() {
    let reports = reports("conflicts");
    let (comparison, html) = page(&reports);
    let event = &comparison.events[0];
    let counts = event
        .agreements
        .iter()
        .find(|c| c.evidence.iter().any(|e| e.text == "51 people"))
        .unwrap();
    let shown = block(&html, &counts.id);
    for needle in [
        "<span class=\"tag bad\">value</span>",
        "<mark>51 people</mark>",
        "<mark>at least 62 people</mark>",
        "Flash floods killed </span><mark>51 people</mark><span class=\"out\"> in the Port Alder region",
        "“at least 62 people” vs “51 people”",
        "class=\"ctx\" href=\"#x",
    ] {
        assert!(shown.contains(needle), "missing {needle} in {shown}");
    }
    assert!(html.contains("declared <mark>three days</mark> of mourning."));
    let md = render::markdown_with(&comparison, &Options::new().reports(&reports));
    assert!(md.contains("### Claims with differences (2)"));
    assert!(md.contains("Flash floods killed **51 people** in the Port Alder region"));
}

#[test]
fn text_and_markdown_show_one_block_per_claim() {
    let reports = reports("seeds");
    let comparison = compare(&reports);
    let text = render::text(&comparison);
    // The remark of event 2 with its versions and, below them, its
    // differences; the claim is listed once.
    let text = &text[text.find("== Event 2").unwrap()..];
    let at = text.find("-- Claims with differences (2)").unwrap();
    let section = &text[at..text[at..].find("-- Claims the reports agree on").unwrap() + at];
    assert_eq!(section.matches(" ✗ quote — Vladimir Putin").count(), 2);
    let first = &section[section.find(" ✗ ").unwrap()..];
    let first = &first[..first[1..].find(" ✗ ").unwrap()];
    for needle in [
        "AP (Vladimir Putin): “We are also",
        "AFP (Vladimir Putin): “We are also",
        "≠ wording AP → AFP",
        "diff: We are also working",
        "≠ truncation",
        "note: left out of the shorter version",
    ] {
        assert!(first.contains(needle), "missing {needle} in {first}");
    }
    let md = render::markdown_with(&comparison, &Options::new().reports(&reports));
    assert!(md.contains("| Outlet | Speaker | Version |"));
    assert!(md.contains("- **Wording** (AP → AFP)"));
    assert!(md.contains("### Claims the reports agree on (5)"));
}

#[test]
fn without_texts_evidence_is_shown_alone() {
    let comparison = compare(&reports("conflicts"));
    let html = render::html(&comparison);
    assert!(html.contains("The report texts were not given to the renderer"));
    assert!(html.contains("<mark>51 people</mark>"));
    assert!(!html.contains("killed <mark>"));
}

#[test]
fn skipped_files_are_listed_in_every_format() {
    let comparison = compare(&reports("conflicts"));
    let skipped = [Skipped {
        path: "inbox/bad.json".into(),
        error: "inbox/bad.json: invalid JSON at line 1, column 8: EOF while parsing".into(),
    }];
    let options = Options::new().skipped(&skipped);
    for format in [
        render::Format::Text,
        render::Format::Markdown,
        render::Format::Html,
        render::Format::Json,
    ] {
        let shown = render::render_with(&comparison, format, &options);
        assert!(shown.contains("inbox/bad.json"), "{format:?}");
        assert_eq!(
            shown.matches("inbox/bad.json: invalid JSON").count(),
            1,
            "{format:?}: the path is not repeated"
        );
    }
    // Set but empty: JSON says so, the others say nothing.
    let options = Options::new().skipped(&[]);
    assert!(render::json_with(&comparison, &options).contains("\"skipped\": []"));
    assert!(!render::text_with(&comparison, &options).contains("Skipped"));
}

#[test]
fn output_does_not_depend_on_input_order() {
    let mut forward = reports("seeds");
    forward.extend(reports("conflicts"));
    let mut backward = forward.clone();
    backward.reverse();
    let (a, b) = (compare(&forward), compare(&backward));
    for format in [
        render::Format::Text,
        render::Format::Markdown,
        render::Format::Html,
    ] {
        assert_eq!(
            render::render_with(&a, format, &Options::new().reports(&forward)),
            render::render_with(&b, format, &Options::new().reports(&backward)),
            "{format:?}"
        );
    }
}

#[test]
fn an_empty_comparison_renders() {
    let empty = compare(&[]);
    assert!(render::text(&empty).starts_with("0 reports from 0 outlets, 0 events"));
    assert!(render::html(&empty).contains("No reports were compared."));
    assert!(render::markdown(&empty).starts_with("# Comparison of 0 reports"));
}

#[test]
fn public_render_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Options<'static>>();
    check::<render::Format>();
    check::<Skipped>();
}

#[test]
fn written_output_is_the_rendered_output() {
    let reports = reports("seeds");
    let comparison = compare(&reports);
    let options = Options::new().reports(&reports);
    for format in [Format::Json, Format::Text, Format::Markdown, Format::Html] {
        let mut out = Vec::new();
        render::write_with(&mut out, &comparison, format, &options).unwrap();
        let mut want = render::render_with(&comparison, format, &options);
        if !want.ends_with('\n') {
            want.push('\n');
        }
        assert_eq!(String::from_utf8(out).unwrap(), want, "{format:?}");
    }
}
