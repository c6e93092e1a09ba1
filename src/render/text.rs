//! Plain text for a terminal, with optional ANSI colour.

use std::fmt::Write;

use super::diff::Change;
use super::view::{
    diff_line, grouped, kind_help, kind_name, outlet_of, parties, plural, short, sources,
    ClaimView, EventView, SHOWN,
};
use super::Options;
use crate::record::{Comparison, Evidence, Record, RecordKind};
use crate::report::Skipped;
use crate::word_diff::WordDiff;

/// ANSI styles, or nothing when colour is off.
#[derive(Clone, Copy)]
struct Paint(bool);

const BOLD: &str = "1";
const DIM: &str = "2";
const RED: &str = "31";
const GREEN: &str = "32";
const YELLOW: &str = "33";
const CYAN: &str = "36";
const REMOVED: &str = "31;9";
const ADDED: &str = "32;4";

impl Paint {
    fn paint(self, style: &str, text: &str) -> String {
        if self.0 && !text.is_empty() {
            format!("\x1b[{style}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

pub(super) fn render(comparison: &Comparison, options: &Options<'_>) -> String {
    let p = Paint(options.color);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}, {}",
        sources(comparison),
        plural(comparison.events.len(), "event", "events"),
    );
    skipped(&mut out, p, options.skipped_files());
    let total = comparison.events.len();
    for (n, event) in comparison.events.iter().enumerate() {
        let view = EventView::new(comparison, n + 1, event);
        let _ = writeln!(
            out,
            "\n{}",
            p.paint(
                BOLD,
                &format!("== Event {} of {total}: {}", view.number, view.heading())
            )
        );
        let _ = writeln!(
            out,
            "   {} · {} · {}",
            plural(event.reports.len(), "report", "reports"),
            view.outlets.join(", "),
            view.date_range()
        );
        let _ = writeln!(out, "   {}", p.paint(DIM, &view.counts()));
        if event.reports.len() > 1 {
            let _ = writeln!(
                out,
                "   {}",
                p.paint(DIM, &format!("Discrepancies: {}", view.differences()))
            );
        }
        let width = view
            .reports
            .iter()
            .map(|r| r.outlet.as_deref().unwrap_or("?").chars().count())
            .max()
            .unwrap_or(0);
        for r in view.reports.iter().take(12) {
            let outlet = r.outlet.as_deref().unwrap_or("?");
            let date = r.published.map_or("undated".into(), |d| d.to_string());
            let _ = writeln!(
                out,
                "   {}{} {date:<10} {} {}",
                p.paint(CYAN, outlet),
                " ".repeat(width - outlet.chars().count()),
                p.paint(DIM, &r.id),
                short(r.title.as_deref().unwrap_or(""), 70),
            );
        }
        if view.reports.len() > 12 {
            let _ = writeln!(out, "   … and {} more reports", view.reports.len() - 12);
        }
        if event.reports.len() > 1 {
            let _ = writeln!(
                out,
                "\n{}",
                p.paint(
                    BOLD,
                    &format!("-- Claims with differences ({})", view.differing.len())
                )
            );
            for c in &view.differing {
                claim(&mut out, p, comparison, c, p.paint(RED, "✗"));
            }
            let _ = writeln!(
                out,
                "\n{}",
                p.paint(
                    BOLD,
                    &format!("-- Claims the reports agree on ({})", view.agreeing.len())
                )
            );
            for c in &view.agreeing {
                claim(&mut out, p, comparison, c, p.paint(GREEN, "✓"));
            }
        }
        let _ = writeln!(
            out,
            "\n{}",
            p.paint(
                BOLD,
                &format!(
                    "-- Only one report ({} quotes, {} other claims)",
                    view.unique_quotes.len(),
                    view.unique_other.len()
                )
            )
        );
        for r in &view.unique_quotes {
            record(&mut out, p, comparison, r, "•".to_string());
        }
    }
    out
}

fn skipped(out: &mut String, p: Paint, skipped: &[Skipped]) {
    if skipped.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        p.paint(
            YELLOW,
            &format!(
                "Skipped {}:",
                plural(skipped.len(), "unreadable file", "unreadable files")
            )
        )
    );
    for s in skipped {
        let _ = writeln!(out, "   {}", short(&skipped_line(s), 300));
    }
}

/// "path: why", without repeating the path when the error names it.
pub(super) fn skipped_line(s: &Skipped) -> String {
    if s.error.starts_with(&s.path) {
        s.error.clone()
    } else {
        format!("{}: {}", s.path, s.error)
    }
}

/// One claim: its header, one line per report's version, then its
/// differences with their word changes and notes.
fn claim(out: &mut String, p: Paint, comparison: &Comparison, c: &ClaimView<'_>, bullet: String) {
    let lead = c.lead();
    let speaker = lead
        .speaker
        .as_deref()
        .map(|s| format!(" — {}", short(s, 60)))
        .unwrap_or_default();
    let score = c
        .record
        .and_then(|r| r.score)
        .map(|s| p.paint(DIM, &format!(" [{s:.2}]")))
        .unwrap_or_default();
    let missing = if c.record.is_none() {
        p.paint(YELLOW, " (claim record missing)")
    } else {
        String::new()
    };
    let versions = c.versions();
    let _ = writeln!(
        out,
        " {bullet} {}{speaker}{score}{missing} {}",
        p.paint(BOLD, &c.kind()),
        p.paint(
            DIM,
            &format!(
                "· {} · {}",
                plural(versions.len(), "report", "reports"),
                short_id(&lead.id)
            )
        ),
    );
    for v in versions.iter().take(SHOWN) {
        let who = v
            .speaker()
            .map(|s| format!(" ({})", short(s, 60)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "     {}{who}: {}",
            p.paint(CYAN, &short(outlet_of(comparison, v.report), 40)),
            quoted(&v.evidence, 160)
        );
    }
    if versions.len() > SHOWN {
        let _ = writeln!(out, "     … and {} more reports", versions.len() - SHOWN);
    }
    if let Some(note) = c.record.and_then(|r| r.note.as_deref()) {
        let _ = writeln!(out, "     note: {}", short(note, 240));
    }
    for d in &c.differences {
        let help = help_of(p, d.kind);
        let _ = writeln!(
            out,
            "     {} {} {}{help}",
            p.paint(RED, "≠"),
            p.paint(BOLD, &kind_name(d.kind)),
            short(&parties(comparison, d), 120)
        );
        if let Some(changes) = &d.diff {
            let _ = writeln!(out, "       diff: {}", changes_line(p, changes, 240));
        }
        if let Some(note) = &d.note {
            let _ = writeln!(out, "       note: {}", short(note, 240));
        }
    }
}

/// What a kind means, dimmed in parentheses; empty when it says itself.
fn help_of(p: Paint, kind: RecordKind) -> String {
    match kind_help(kind) {
        "" => String::new(),
        help => p.paint(DIM, &format!(" ({help})")),
    }
}

/// A version's quotations: distinct texts in order, repeats counted.
fn quoted(evidence: &[&Evidence], max: usize) -> String {
    let mut texts: Vec<(&str, usize)> = Vec::new();
    for e in evidence {
        match texts.iter_mut().find(|(t, _)| *t == e.text) {
            Some((_, n)) => *n += 1,
            None => texts.push((&e.text, 1)),
        }
    }
    texts
        .iter()
        .map(|&(t, n)| {
            let times = if n > 1 {
                format!(" ×{n}")
            } else {
                String::new()
            };
            format!("“{}”{times}", short(t, max))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A record id without its event: "c3".
pub(super) fn short_id(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

fn record(out: &mut String, p: Paint, comparison: &Comparison, r: &Record, bullet: String) {
    let speaker = r
        .speaker
        .as_deref()
        .map(|s| format!(" — {}", short(s, 60)))
        .unwrap_or_default();
    let score = r
        .score
        .map(|s| p.paint(DIM, &format!(" [{s:.2}]")))
        .unwrap_or_default();
    let help = help_of(p, r.kind);
    let _ = writeln!(
        out,
        " {bullet} {}{speaker}{score}{help}",
        p.paint(BOLD, &kind_name(r.kind))
    );
    let lines = grouped(comparison, r);
    for line in lines.iter().take(SHOWN) {
        let who = line
            .speaker
            .map(|s| format!(" ({})", short(s, 60)))
            .unwrap_or_default();
        let times = if line.count > 1 {
            format!(" ×{}", line.count)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "     {}{times}{who}: “{}”",
            p.paint(CYAN, &short(line.outlet, 40)),
            short(line.text, 160)
        );
    }
    if lines.len() > SHOWN {
        let _ = writeln!(out, "     … and {} more", lines.len() - SHOWN);
    }
    if let Some(d) = &r.diff {
        let _ = writeln!(out, "     diff: {}", changes_line(p, d, 240));
    }
    if let Some(note) = &r.note {
        let _ = writeln!(out, "     note: {}", short(note, 240));
    }
}

/// A diff cut to `max` characters: its marked string (no colour) or
/// coloured runs.
fn changes_line(p: Paint, d: &WordDiff, max: usize) -> String {
    if !p.0 {
        return short(&d.to_string(), max);
    }
    diff_line(d, max)
        .into_iter()
        .map(|(change, run)| match change {
            Change::Same => run,
            Change::Removed => p.paint(REMOVED, &run),
            Change::Added => p.paint(ADDED, &run),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_is_ansi_and_only_when_asked() {
        assert_eq!(Paint(false).paint(RED, "x"), "x");
        assert_eq!(Paint(true).paint(RED, "x"), "\x1b[31mx\x1b[0m");
        assert_eq!(Paint(true).paint(RED, ""), "");
        let d: WordDiff = "a [-b-]{+c+}".parse().unwrap();
        assert_eq!(changes_line(Paint(false), &d, 99), "a [-b-]{+c+}");
        assert_eq!(changes_line(Paint(false), &d, 4), "a [-…");
        assert_eq!(
            changes_line(Paint(true), &d, 99),
            "a \x1b[31;9mb\x1b[0m\x1b[32;4mc\x1b[0m"
        );
    }
}
