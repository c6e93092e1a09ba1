//! Markdown (CommonMark with GitHub tables and strikethrough) for pasting
//! into a fact-check draft.

use std::collections::HashMap;
use std::fmt::Write;

use super::context;
use super::diff::Change;
use super::text::{short_id, skipped_line};
use super::view::{
    diff_line, kind_help, kind_name, outlet_of, parties, plural, short, sources, ClaimView,
    EventView, SHOWN,
};
use super::Options;
use crate::record::{Comparison, Evidence};
use crate::report::Report;
use crate::word_diff::WordDiff;

pub(super) fn render(comparison: &Comparison, options: &Options<'_>) -> String {
    let texts = options.texts();
    let mut out = format!(
        "# Comparison of {}\n",
        plural(comparison.reports.len(), "report", "reports")
    );
    let _ = writeln!(
        out,
        "\n{}, {}.",
        sources(comparison),
        plural(comparison.events.len(), "event", "events"),
    );
    let skipped = options.skipped_files();
    if !skipped.is_empty() {
        let _ = writeln!(
            out,
            "\n**Skipped {}:**\n",
            plural(skipped.len(), "unreadable file", "unreadable files")
        );
        for s in skipped {
            let _ = writeln!(out, "- {}", esc(&short(&skipped_line(s), 300)));
        }
    }
    for (n, event) in comparison.events.iter().enumerate() {
        let view = EventView::new(comparison, n + 1, event);
        let _ = writeln!(
            out,
            "\n## Event {}: {}\n",
            view.number,
            esc(&view.heading())
        );
        let _ = writeln!(
            out,
            "{} · {} · {} · {}\n",
            plural(event.reports.len(), "report", "reports"),
            esc(&view.outlets.join(", ")),
            view.date_range(),
            view.counts()
        );
        let _ = writeln!(out, "| Outlet | Date | Headline | Report |");
        let _ = writeln!(out, "| --- | --- | --- | --- |");
        for r in view.reports.iter().take(50) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                esc(r.outlet.as_deref().unwrap_or("unknown")),
                r.published.map_or("undated".into(), |d| d.to_string()),
                esc(&short(r.title.as_deref().unwrap_or(""), 100)),
                code(&r.id)
            );
        }
        if view.reports.len() > 50 {
            let _ = writeln!(out, "\n… and {} more reports.", view.reports.len() - 50);
        }
        if event.reports.len() < 2 {
            only_one(&mut out, comparison, &view);
            continue;
        }
        let _ = writeln!(
            out,
            "\n### Claims with differences ({})\n",
            view.differing.len()
        );
        let _ = writeln!(out, "Differences: {}.\n", view.differences());
        if view.differing.is_empty() {
            let _ = writeln!(out, "No claim differs across the reports.");
        }
        for c in &view.differing {
            claim_table(&mut out, comparison, &texts, c);
        }
        let _ = writeln!(
            out,
            "\n### Claims the reports agree on ({})\n",
            view.agreeing.len()
        );
        if view.agreeing.is_empty() {
            let _ = writeln!(out, "No claim is carried alike by several reports.");
        }
        for c in &view.agreeing {
            agreed(&mut out, comparison, c);
        }
        only_one(&mut out, comparison, &view);
    }
    out
}

fn only_one(out: &mut String, comparison: &Comparison, view: &EventView<'_>) {
    let _ = writeln!(
        out,
        "\n### Only one report ({} quotes, {} other claims)\n",
        view.unique_quotes.len(),
        view.unique_other.len()
    );
    for r in &view.unique_quotes {
        for e in r.evidence.iter().take(SHOWN) {
            let who = e
                .speaker
                .as_deref()
                .or(r.speaker.as_deref())
                .unwrap_or("unattributed");
            let _ = writeln!(
                out,
                "- {} — {}: “{}”",
                esc(outlet_of(comparison, &e.report)),
                esc(&short(who, 60)),
                esc(&short(&e.text, 200))
            );
        }
    }
}

/// "**Quote** — Jane Doe (match 0.98) · `c1`".
fn claim_title(c: &ClaimView<'_>) -> String {
    let lead = c.lead();
    let speaker = lead
        .speaker
        .as_deref()
        .map(|s| format!(" — {}", esc(&short(s, 60))))
        .unwrap_or_default();
    let score = c
        .record
        .and_then(|r| r.score)
        .map(|s| format!(" (match {s:.2})"))
        .unwrap_or_default();
    let missing = if c.record.is_none() {
        " (claim record missing)"
    } else {
        ""
    };
    format!(
        "**{}**{speaker}{score}{missing} · {}",
        capitalised(&c.kind()),
        code(short_id(&lead.id))
    )
}

/// A claim with differences: its versions side by side in a table (one
/// row per report, each in its sentence when the text is known), then
/// its differences.
fn claim_table(
    out: &mut String,
    comparison: &Comparison,
    texts: &HashMap<&str, &Report>,
    c: &ClaimView<'_>,
) {
    let _ = writeln!(out, "\n#### {}\n", claim_title(c));
    let _ = writeln!(out, "| Outlet | Speaker | Version |");
    let _ = writeln!(out, "| --- | --- | --- |");
    let versions = c.versions();
    for v in versions.iter().take(SHOWN) {
        let shown: Vec<String> = v
            .evidence
            .iter()
            .map(|e| {
                in_context(texts, e).unwrap_or_else(|| format!("“{}”", esc(&short(&e.text, 300))))
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            esc(outlet_of(comparison, v.report)),
            esc(&short(v.speaker().unwrap_or(""), 60)),
            shown.join(" · ")
        );
    }
    if versions.len() > SHOWN {
        let _ = writeln!(out, "\n… and {} more reports.", versions.len() - SHOWN);
    }
    let _ = writeln!(out);
    if let Some(note) = c.record.and_then(|r| r.note.as_deref()) {
        let _ = writeln!(out, "- Note: {}", esc(&short(note, 300)));
    }
    for d in &c.differences {
        let help = kind_help(d.kind);
        let help = if help.is_empty() {
            String::new()
        } else {
            format!(": {help}")
        };
        let _ = writeln!(
            out,
            "- **{}** ({}){help}",
            capitalised(&kind_name(d.kind)),
            esc(&short(&parties(comparison, d), 200))
        );
        if let Some(changes) = &d.diff {
            let _ = writeln!(out, "  - Changes: {}", diff_markdown(changes, 400));
        }
        if let Some(note) = &d.note {
            let _ = writeln!(out, "  - Note: {}", esc(&short(note, 300)));
        }
    }
}

/// A claim the reports agree on: one line per report's version.
fn agreed(out: &mut String, comparison: &Comparison, c: &ClaimView<'_>) {
    let _ = writeln!(out, "- {}", claim_title(c));
    let versions = c.versions();
    for v in versions.iter().take(SHOWN) {
        let who = match (v.speaker(), c.lead().speaker.as_deref()) {
            (Some(s), Some(all)) if s == all => String::new(),
            (Some(s), _) => format!(" ({})", esc(&short(s, 60))),
            (None, _) => String::new(),
        };
        let shown: Vec<String> = v
            .evidence
            .iter()
            .map(|e| format!("“{}”", esc(&short(&e.text, 200))))
            .collect();
        let _ = writeln!(
            out,
            "  - {}{who}: {}",
            esc(outlet_of(comparison, v.report)),
            shown.join(" · ")
        );
    }
    if versions.len() > SHOWN {
        let _ = writeln!(out, "  - … and {} more reports", versions.len() - SHOWN);
    }
    if let Some(note) = c.record.and_then(|r| r.note.as_deref()) {
        let _ = writeln!(out, "  - Note: {}", esc(&short(note, 300)));
    }
}

/// The sentence around a piece of evidence, the evidence in bold.
fn in_context(texts: &HashMap<&str, &Report>, e: &Evidence) -> Option<String> {
    let report = texts.get(e.report.as_str())?;
    let c = context::around(&report.text, e.span, report.body_start())?;
    Some(format!(
        "{}{}{}{}{}",
        if c.cut_before { "… " } else { "" },
        esc(&short(c.before, 300)),
        strong(c.before, c.marked, c.after),
        esc(&short(c.after, 300)),
        if c.cut_after { " …" } else { "" }
    ))
}

/// The marked text in bold, with the spaces around it kept outside.
fn strong(before: &str, marked: &str, after: &str) -> String {
    let lead = if before.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if after.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}**{}**{trail}", esc(&short(marked, 300)))
}

/// A diff on one line, cut to `max` characters: removed words as
/// ~~removed~~, added ones as **added**.
fn diff_markdown(d: &WordDiff, max: usize) -> String {
    diff_line(d, max)
        .into_iter()
        .map(|(change, run)| {
            let (open, close) = match change {
                Change::Same => return esc(&run),
                Change::Removed => ("~~", "~~"),
                Change::Added => ("**", "**"),
            };
            // Delimiters must touch the words, not the spaces around them.
            let lead = &run[..run.len() - run.trim_start().len()];
            let trail = &run[run.trim_end().len()..];
            if run.trim().is_empty() {
                run.to_string()
            } else {
                format!("{lead}{open}{}{close}{trail}", esc(run.trim()))
            }
        })
        .collect()
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Inline code that survives backticks inside.
fn code(s: &str) -> String {
    if s.contains('`') {
        format!("`` {} ``", s.replace('|', "\\|"))
    } else {
        format!("`{}`", s.replace('|', "\\|"))
    }
}

/// Escapes what Markdown would read as markup.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '\\' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_become_strikethrough_and_bold() {
        let md = |d: &str| diff_markdown(&d.parse().unwrap(), 400);
        assert_eq!(
            md("regularly [-exchanging information-]{+exchange+} useful"),
            "regularly ~~exchanging information~~**exchange** useful"
        );
        assert_eq!(md("a{+ b +}c"), "a **b** c");
        assert_eq!(md("[-*-]"), "~~\\*~~");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(esc("a*b_c|d"), "a\\*b\\_c\\|d");
        assert_eq!(code("a`b"), "`` a`b ``");
    }
}
