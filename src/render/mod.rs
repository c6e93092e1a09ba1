//! Rendering a [`Comparison`] for people (text, Markdown, HTML) and
//! programs (JSON), and the JSON of per-report extractions.

mod html;

use std::fmt::Write;

use serde::Serialize;

use crate::extract::{Extraction, Fact, FactValue, Quote, Statement};
use crate::record::{Claim, Comparison, Event, Record, RecordKind};

pub use html::html;

/// Output formats of the command-line tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Pretty-printed JSON (the contract in DESIGN.md).
    Json,
    /// Plain text for a terminal.
    Text,
    /// Markdown for a fact-check draft.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

/// Renders a comparison in `format`.
pub fn render(comparison: &Comparison, format: Format) -> String {
    match format {
        Format::Json => json(comparison),
        Format::Text => text(comparison),
        Format::Markdown => markdown(comparison),
        Format::Html => html(comparison),
    }
}

/// Pretty-printed JSON.
pub fn json(comparison: &Comparison) -> String {
    serde_json::to_string_pretty(comparison).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Evidence lines shown per record in the human formats (JSON has all).
const SHOWN: usize = 8;

/// Evidence lines with the same outlet, speaker and wording, counted.
struct Line<'a> {
    outlet: &'a str,
    speaker: Option<&'a str>,
    text: &'a str,
    count: usize,
}

fn grouped<'a>(comparison: &'a Comparison, r: &'a Record) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut index: std::collections::HashMap<(&str, Option<&str>, &str), usize> =
        std::collections::HashMap::new();
    for e in &r.evidence {
        let key = (
            outlet_of(comparison, &e.report),
            e.speaker.as_deref(),
            e.text.as_str(),
        );
        match index.get(&key) {
            Some(&i) => lines[i].count += 1,
            None => {
                index.insert(key, lines.len());
                lines.push(Line {
                    outlet: key.0,
                    speaker: key.1,
                    text: key.2,
                    count: 1,
                });
            }
        }
    }
    lines
}

/// A report's details; `reports` is sorted by id.
fn info<'a>(comparison: &'a Comparison, id: &str) -> Option<&'a crate::record::ReportInfo> {
    let reports = &comparison.reports;
    let i = reports.partition_point(|r| r.id.as_str() < id);
    reports.get(i).filter(|r| r.id == id)
}

fn outlet_of<'a>(comparison: &'a Comparison, report: &'a str) -> &'a str {
    info(comparison, report)
        .and_then(|r| r.outlet.as_deref())
        .unwrap_or(report)
}

fn short(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    }
}

fn kind_name(kind: RecordKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
        .replace('_', " ")
}

fn event_header(comparison: &Comparison, event: &Event) -> Vec<String> {
    const LISTED: usize = 12;
    let mut lines: Vec<String> = event
        .reports
        .iter()
        .take(LISTED)
        .map(|id| {
            let info = info(comparison, id);
            let outlet = info
                .and_then(|r| r.outlet.as_deref())
                .unwrap_or("unknown outlet");
            let date = info
                .and_then(|r| r.published)
                .map_or("undated".to_string(), |d| d.to_string());
            let title = info.and_then(|r| r.title.as_deref()).unwrap_or("");
            format!("{id} ({outlet}, {date}) {}", short(title, 70))
        })
        .collect();
    if event.reports.len() > LISTED {
        lines.push(format!(
            "… and {} more reports",
            event.reports.len() - LISTED
        ));
    }
    lines
}

/// Plain text: per event, who said what, where outlets agree and differ.
pub fn text(comparison: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} reports, {} events",
        comparison.reports.len(),
        comparison.events.len()
    );
    for (n, event) in comparison.events.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n== Event {} of {}: {} reports",
            n + 1,
            comparison.events.len(),
            event.reports.len()
        );
        for line in event_header(comparison, event) {
            let _ = writeln!(out, "   {line}");
        }
        if event.reports.len() > 1 {
            let _ = writeln!(out, "\n-- Agreements ({})", event.agreements.len());
            for r in &event.agreements {
                write_record(&mut out, comparison, r);
            }
            let _ = writeln!(out, "\n-- Discrepancies ({})", event.discrepancies.len());
            for r in &event.discrepancies {
                write_record(&mut out, comparison, r);
            }
        }
        let quotes: Vec<&Record> = event
            .unique
            .iter()
            .filter(|r| r.claim == Claim::Quote)
            .collect();
        let others = event.unique.len() - quotes.len();
        let _ = writeln!(
            out,
            "\n-- Only one report ({} quotes, {} other claims)",
            quotes.len(),
            others
        );
        for r in quotes {
            write_record(&mut out, comparison, r);
        }
    }
    out
}

fn write_record(out: &mut String, comparison: &Comparison, r: &Record) {
    let speaker = r
        .speaker
        .as_deref()
        .map(|s| format!(" — {s}"))
        .unwrap_or_default();
    let score = r.score.map(|s| format!(" [{s:.2}]")).unwrap_or_default();
    let _ = writeln!(out, " * {}{speaker}{score}", kind_name(r.kind));
    let lines = grouped(comparison, r);
    for line in lines.iter().take(SHOWN) {
        let who = line.speaker.map(|s| format!(" ({s})")).unwrap_or_default();
        let times = if line.count > 1 {
            format!(" ×{}", line.count)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "     {}{times}{who}: “{}”",
            line.outlet,
            short(line.text, 160)
        );
    }
    if lines.len() > SHOWN {
        let _ = writeln!(out, "     … and {} more", lines.len() - SHOWN);
    }
    if let Some(diff) = &r.diff {
        let _ = writeln!(out, "     diff: {}", short(diff, 240));
    }
    if let Some(note) = &r.note {
        let _ = writeln!(out, "     note: {note}");
    }
}

/// Markdown for pasting into a fact-check draft.
pub fn markdown(comparison: &Comparison) -> String {
    let mut out = String::from("# Comparison\n");
    let _ = writeln!(
        out,
        "\n{} reports, {} events.",
        comparison.reports.len(),
        comparison.events.len()
    );
    for (n, event) in comparison.events.iter().enumerate() {
        let _ = writeln!(out, "\n## Event {}\n", n + 1);
        for line in event_header(comparison, event) {
            let _ = writeln!(out, "- {}", md_escape(&line));
        }
        for (title, records) in [
            ("Agreements", &event.agreements),
            ("Discrepancies", &event.discrepancies),
        ] {
            if event.reports.len() < 2 {
                continue;
            }
            let _ = writeln!(out, "\n### {title} ({})\n", records.len());
            for r in records.iter() {
                let speaker = r
                    .speaker
                    .as_deref()
                    .map(|s| format!(" — {}", md_escape(s)))
                    .unwrap_or_default();
                let _ = writeln!(out, "- **{}**{speaker}", kind_name(r.kind));
                let lines = grouped(comparison, r);
                for line in lines.iter().take(SHOWN) {
                    let times = if line.count > 1 {
                        format!(" ×{}", line.count)
                    } else {
                        String::new()
                    };
                    let _ = writeln!(
                        out,
                        "  - {}{times}: “{}”",
                        md_escape(line.outlet),
                        md_escape(&short(line.text, 200))
                    );
                }
                if lines.len() > SHOWN {
                    let _ = writeln!(out, "  - … and {} more", lines.len() - SHOWN);
                }
                if let Some(diff) = &r.diff {
                    let _ = writeln!(out, "  - diff: `{}`", diff.replace('`', "'"));
                }
                if let Some(note) = &r.note {
                    let _ = writeln!(out, "  - note: {}", md_escape(note));
                }
            }
        }
        let quotes: Vec<&Record> = event
            .unique
            .iter()
            .filter(|r| r.claim == Claim::Quote)
            .collect();
        let _ = writeln!(out, "\n### Only one report ({} quotes)\n", quotes.len());
        for r in quotes {
            for e in &r.evidence {
                let who = e.speaker.as_deref().unwrap_or("unattributed");
                let _ = writeln!(
                    out,
                    "- {} ({}): “{}”",
                    md_escape(outlet_of(comparison, &e.report)),
                    md_escape(who),
                    md_escape(&short(&e.text, 200))
                );
            }
        }
    }
    out
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The JSON of `corroborate extract`: per report, its quotes, facts and
/// statements with byte offsets.
pub fn extraction_json(found: &[Extraction]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        schema_version: &'a str,
        reports: Vec<ReportOut<'a>>,
    }
    #[derive(Serialize)]
    struct ReportOut<'a> {
        id: &'a str,
        outlet: Option<&'a str>,
        published: Option<String>,
        title: Option<&'a str>,
        quotes: Vec<QuoteOut<'a>>,
        facts: Vec<FactOut<'a>>,
        statements: Vec<StatementOut<'a>>,
    }
    #[derive(Serialize)]
    struct QuoteOut<'a> {
        start: usize,
        end: usize,
        text: &'a str,
        speaker: Option<&'a str>,
        speaker_start: Option<usize>,
        speaker_end: Option<usize>,
        kind: crate::extract::QuoteKind,
    }
    #[derive(Serialize)]
    struct FactOut<'a> {
        start: usize,
        end: usize,
        text: &'a str,
        kind: crate::extract::FactKind,
        value: Option<&'a FactValue>,
        resolved: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        qualifier: Option<crate::extract::Qualifier>,
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct StatementOut<'a> {
        start: usize,
        end: usize,
        text: &'a str,
    }
    fn quote<'a>(q: &'a Quote) -> QuoteOut<'a> {
        QuoteOut {
            start: q.span.start,
            end: q.span.end,
            text: &q.text,
            speaker: q.speaker.as_deref(),
            speaker_start: q.speaker_span.map(|s| s.start),
            speaker_end: q.speaker_span.map(|s| s.end),
            kind: q.kind,
        }
    }
    fn fact<'a>(f: &'a Fact) -> FactOut<'a> {
        FactOut {
            start: f.span.start,
            end: f.span.end,
            text: &f.text,
            kind: f.kind,
            value: f.value.as_ref(),
            resolved: f.resolved.map(|d| d.to_string()),
            qualifier: f.qualifier,
            unit: f.unit.as_deref(),
        }
    }
    fn statement<'a>(s: &'a Statement) -> StatementOut<'a> {
        StatementOut {
            start: s.span.start,
            end: s.span.end,
            text: &s.text,
        }
    }
    let out = Out {
        schema_version: crate::record::SCHEMA_VERSION,
        reports: found
            .iter()
            .map(|e| ReportOut {
                id: &e.report,
                outlet: e.outlet.as_deref(),
                published: e.published.map(|d| d.to_string()),
                title: e.title.as_deref(),
                quotes: e.quotes.iter().map(quote).collect(),
                facts: e.facts.iter().map(fact).collect(),
                statements: e.statements.iter().map(statement).collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}
