//! The human formats over the seed and conflict fixtures: what a reader
//! must find in them, and that the HTML page needs nothing from outside.

use corroborate::render::{self, Options};
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

#[test]
fn seeds_show_both_events_and_marked_variants() {
    let (comparison, html) = page(&reports("seeds"));
    assert_eq!(comparison.events.len(), 2);
    for needle in [
        "id=\"e1\"",
        "id=\"e2\"",
        "Putin meets China’s No. 2 as Moscow-Beijing relations deepen",
        "Putin meets with China’s defense minister in Moscow",
        // The summary of each event.
        "<dt>Agreements</dt><dd>3</dd>",
        "<dt>Discrepancies</dt><dd>5</dd>",
        "2023-04-16 to 2023-04-17 (1 undated)",
        // Side by side: the translation variants, word by word.
        "<del>exclusively</del>",
        "<ins>extremely</ins>",
        "<del>important</del>",
        "<ins>crucial</ins>",
        "large-scale <ins>joint</ins> plans<span class=\"out\"> and projects</span>",
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
fn fact_conflicts_are_a_table_with_both_values_in_context() {
    let (_, html) = page(&reports("conflicts"));
    let table = &html[html.find("<table class=\"facts\">").expect("a fact table")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert_eq!(table.matches("<tr id=").count(), 2);
    for needle in [
        "<q><b>51 people</b></q>",
        "<q><b>at least 62 people</b></q>",
        "Flash floods killed <mark>51 people</mark> in the Port Alder region",
        "declared <mark>three days</mark> of mourning.",
        "class=\"ctx\" href=\"#x",
    ] {
        assert!(table.contains(needle), "missing {needle}");
    }
    let md = render::markdown_with(
        &compare(&reports("conflicts")),
        &Options::new().reports(&reports("conflicts")),
    );
    assert!(md.contains("### Fact conflicts (2)"));
    assert!(md.contains("Flash floods killed **51 people** in the Port Alder region"));
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
