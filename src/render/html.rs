//! One self-contained HTML page: no scripts, no fonts, no images, and a
//! content security policy that forbids loading anything; readable on a
//! laptop and a phone (one column under 700 px), light and dark.

use std::collections::HashMap;
use std::fmt::Write;

use super::context;
use super::diff::{self, Mark};
use super::text::skipped_line;
use super::view::{
    by_speaker, grouped, info, kind_help, kind_name, outlet_of, outlets, plural, short, sources,
    EventView,
};
use super::Options;
use crate::record::{Comparison, Evidence, Record, ReportInfo};
use crate::report::Report;

/// Evidence shown per record (the JSON has all of it).
const SHOWN: usize = 24;

const STYLE: &str = include_str!("style.css");

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// The page being written: its text, and the evidence that gets an entry
/// under "Evidence in context".
struct Page<'a> {
    out: String,
    comparison: &'a Comparison,
    texts: HashMap<&'a str, &'a Report>,
    /// Evidence with a context entry, in order of first link.
    contexts: Vec<(usize, &'a Evidence)>,
    /// (report, start, end) → anchor number.
    anchors: HashMap<(&'a str, usize, usize), usize>,
}

impl<'a> Page<'a> {
    /// The anchor of a piece of evidence's context entry.
    fn anchor(&mut self, event: usize, e: &'a Evidence) -> String {
        let key = (e.report.as_str(), e.span.start, e.span.end);
        let n = match self.anchors.get(&key) {
            Some(&n) => n,
            None => {
                let n = self.contexts.len() + 1;
                self.anchors.insert(key, n);
                self.contexts.push((event, e));
                n
            }
        };
        format!("x{n}")
    }

    /// A link to a piece of evidence in its sentence.
    fn context_link(&mut self, event: usize, e: &'a Evidence) -> String {
        let anchor = self.anchor(event, e);
        format!(
            "<a class=\"ctx\" href=\"#{anchor}\" title=\"{} bytes {}–{}\">in context</a>",
            esc(&e.report),
            e.span.start,
            e.span.end
        )
    }
}

pub(super) fn render(comparison: &Comparison, options: &Options<'_>) -> String {
    let mut page = Page {
        out: String::new(),
        comparison,
        texts: options.texts(),
        contexts: Vec::new(),
        anchors: HashMap::new(),
    };
    let reports = plural(comparison.reports.len(), "report", "reports");
    let _ = write!(
        page.out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"corroborate {version}\">\n\
         <title>corroborate: {reports}, {events}</title>\n<style>{STYLE}</style></head>\n<body>\n\
         <header class=\"top\"><h1>Comparison of {reports}</h1>\n\
         <p class=\"meta\">{sources}, {events}. \
         <del>Struck</del> words are only in the first wording, <ins>underlined</ins> ones only in the second, \
         <span class=\"out\">grey</span> ones lie outside the passage compared.</p>\n",
        version = env!("CARGO_PKG_VERSION"),
        events = plural(comparison.events.len(), "event", "events"),
        sources = sources(comparison),
    );
    let views: Vec<EventView<'_>> = comparison
        .events
        .iter()
        .enumerate()
        .map(|(n, e)| EventView::new(comparison, n + 1, e))
        .collect();
    if views.len() > 1 {
        page.out.push_str("<nav><ol>");
        for v in &views {
            let _ = write!(
                page.out,
                "<li><a href=\"#e{}\">{}</a> <span class=\"meta\">{} · {} · {}</span></li>",
                v.number,
                esc(&v.heading()),
                esc(&v.outlets.join(", ")),
                esc(&v.date_range()),
                esc(&v.counts()),
            );
        }
        page.out.push_str("</ol></nav>\n");
    }
    page.out.push_str("</header>\n<main>\n");
    let skipped = options.skipped_files();
    if !skipped.is_empty() {
        let _ = write!(
            page.out,
            "<section class=\"skipped\"><h2>Skipped {}</h2><ul>",
            plural(skipped.len(), "unreadable file", "unreadable files")
        );
        for s in skipped {
            let _ = write!(page.out, "<li><code>{}</code></li>", esc(&skipped_line(s)));
        }
        page.out.push_str("</ul></section>\n");
    }
    if views.is_empty() {
        page.out
            .push_str("<p class=\"empty\">No reports were compared.</p>\n");
    }
    for view in &views {
        event(&mut page, view);
    }
    appendix(&mut page);
    let _ = write!(
        page.out,
        "</main>\n<footer class=\"meta\">Made by corroborate {} · JSON schema {} · \
         every quoted span is the exact text of its report.</footer>\n</body></html>\n",
        env!("CARGO_PKG_VERSION"),
        crate::record::SCHEMA_VERSION
    );
    page.out
}

fn event<'a>(page: &mut Page<'a>, view: &EventView<'a>) {
    let n = view.number;
    let e = view.event;
    let _ = write!(
        page.out,
        "<section class=\"event\" id=\"e{n}\" data-event=\"{}\">\n<h2><span class=\"num\">Event {n}</span> {}</h2>\n",
        esc(&e.id),
        esc(&view.heading())
    );
    // Summary.
    let _ = writeln!(
        page.out,
        "<dl class=\"stats\">\
         <div><dt>Reports</dt><dd>{}</dd></div>\
         <div><dt>Outlets</dt><dd>{}</dd></div>\
         <div><dt>Dates</dt><dd>{}</dd></div>\
         <div class=\"ok\"><dt>Agreements</dt><dd>{}</dd></div>\
         <div class=\"bad\"><dt>Discrepancies</dt><dd>{}</dd></div>\
         <div><dt>One report only</dt><dd>{}</dd></div></dl>",
        e.reports.len(),
        esc(&view.outlets.join(", ")),
        esc(&view.date_range()),
        e.agreements.len(),
        e.discrepancies.len(),
        e.unique.len(),
    );
    // The first reports in view, the rest one click away.
    const LISTED: usize = 12;
    let (listed, rest) = view.reports.split_at(view.reports.len().min(LISTED));
    report_table(page, listed);
    if !rest.is_empty() {
        let _ = write!(
            page.out,
            "<details class=\"more\"><summary>{} more</summary>",
            plural(rest.len(), "report", "reports")
        );
        report_table(page, rest);
        page.out.push_str("</details>\n");
    }

    if e.reports.len() > 1 {
        let _ = writeln!(
            page.out,
            "<h3>Quote variants <span class=\"count\">{}</span></h3>",
            view.quote_variants.len()
        );
        if view.quote_variants.is_empty() {
            page.out
                .push_str("<p class=\"none\">No quote is worded differently across outlets.</p>\n");
        }
        for (i, r) in view.quote_variants.iter().enumerate() {
            variant(page, n, &format!("e{n}-v{}", i + 1), r);
        }
        let _ = writeln!(
            page.out,
            "<h3>Fact conflicts <span class=\"count\">{}</span></h3>",
            view.fact_conflicts.len()
        );
        if view.fact_conflicts.is_empty() {
            page.out
                .push_str("<p class=\"none\">No conflicting facts.</p>\n");
        } else {
            fact_table(page, n, &view.fact_conflicts);
        }
        if !view.other_discrepancies.is_empty() {
            let _ = writeln!(
                page.out,
                "<h3>Other discrepancies <span class=\"count\">{}</span></h3>",
                view.other_discrepancies.len()
            );
            for (i, r) in view.other_discrepancies.iter().enumerate() {
                variant(page, n, &format!("e{n}-o{}", i + 1), r);
            }
        }
        let _ = writeln!(
            page.out,
            "<h3>Agreements <span class=\"count\">{}</span></h3>",
            e.agreements.len()
        );
        if e.agreements.is_empty() {
            page.out
                .push_str("<p class=\"none\">No claim is carried by several reports.</p>\n");
        }
        for (i, r) in view
            .agreed_quotes
            .iter()
            .chain(&view.agreed_other)
            .enumerate()
        {
            agreement(page, n, &format!("e{n}-a{}", i + 1), r);
        }
    }
    who_said_what(page, n, view);
    only_one(page, n, view);
    page.out.push_str("</section>\n");
}

fn report_table(page: &mut Page<'_>, reports: &[&ReportInfo]) {
    page.out.push_str(
        "<table class=\"reports\"><thead><tr><th>Outlet</th><th>Date</th><th>Headline</th><th>Report</th></tr></thead><tbody>",
    );
    for r in reports {
        let _ = write!(
            page.out,
            "<tr><td data-label=\"Outlet\"><b>{}</b></td><td data-label=\"Date\">{}</td><td data-label=\"Headline\">{}</td><td data-label=\"Report\"><code>{}</code></td></tr>",
            esc(r.outlet.as_deref().unwrap_or("unknown")),
            r.published.map_or("undated".into(), |d| d.to_string()),
            esc(&short(r.title.as_deref().unwrap_or(""), 160)),
            esc(&r.id),
        );
    }
    page.out.push_str("</tbody></table>\n");
}

/// Two wordings side by side with the changed words marked.
fn variant<'a>(page: &mut Page<'a>, event: usize, id: &str, r: &'a Record) {
    let _ = write!(
        page.out,
        "<article class=\"rec variant\" id=\"{id}\">{}",
        record_header(r, "bad", "")
    );
    let (first, second) = (r.evidence.first(), r.evidence.get(1));
    let mut diff_shown = false;
    if let (Some(a), Some(b)) = (first, second) {
        let (left, right, used) = diff::sides(r.diff.as_deref(), &a.text, &b.text);
        diff_shown = used;
        page.out.push_str("<div class=\"sides\">");
        side(page, event, a, r.speaker.as_deref(), &left, "del");
        side(page, event, b, r.speaker.as_deref(), &right, "ins");
        page.out.push_str("</div>");
    }
    let rest = r.evidence.len().min(SHOWN).saturating_sub(2);
    if rest > 0 {
        page.out.push_str("<ul class=\"evs\">");
        for e in r.evidence.iter().skip(2).take(rest) {
            evidence_item(page, event, e, r.speaker.as_deref(), 1);
        }
        page.out.push_str("</ul>");
    }
    more(page, r.evidence.len());
    // The aligned diff, when the sides could not show it.
    if let Some(d) = r.diff.as_ref().filter(|_| !diff_shown) {
        let _ = write!(
            page.out,
            "<p class=\"diff\"><span class=\"label\">Changes</span> {}</p>",
            diff_html(d)
        );
    }
    note(page, r);
    page.out.push_str("</article>\n");
}

fn side<'a>(
    page: &mut Page<'a>,
    event: usize,
    e: &'a Evidence,
    speaker: Option<&str>,
    pieces: &diff::Side<'_>,
    tag: &str,
) {
    let link = page.context_link(event, e);
    // The speaker as this report names them, when it is not the record's.
    let said = match e.speaker.as_deref() {
        Some(s) if Some(s) != speaker => format!(" <span class=\"said\">quoting {}</span>", esc(s)),
        _ => String::new(),
    };
    let _ = write!(
        page.out,
        "<div class=\"side\"><div class=\"src\">{}{said} {link}</div><blockquote>",
        source(page.comparison, e),
    );
    for (mark, text) in pieces {
        match mark {
            Mark::Same => page.out.push_str(&esc(text)),
            Mark::Changed => {
                let _ = write!(page.out, "<{tag}>{}</{tag}>", esc(text));
            }
            Mark::Outside => {
                let _ = write!(page.out, "<span class=\"out\">{}</span>", esc(text));
            }
        }
    }
    page.out.push_str("</blockquote></div>");
}

/// "AP · 2023-04-16" with the report id as a tooltip.
fn source(comparison: &Comparison, e: &Evidence) -> String {
    let date = info(comparison, &e.report)
        .and_then(|r| r.published)
        .map_or("undated".into(), |d| d.to_string());
    format!(
        "<b class=\"outlet\" title=\"{}\">{}</b> <span class=\"meta\">{date}</span>",
        esc(&e.report),
        esc(outlet_of(comparison, &e.report))
    )
}

fn record_header(r: &Record, class: &str, extra: &str) -> String {
    let speaker = r
        .speaker
        .as_deref()
        .map(|s| format!(" <span class=\"speaker\">{}</span>", esc(s)))
        .unwrap_or_default();
    let help = kind_help(r.kind);
    let help = if help.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"help\">{help}</span>")
    };
    let score = r
        .score
        .map(|s| format!(" <span class=\"score\">match {s:.2}</span>"))
        .unwrap_or_default();
    format!(
        "<header><span class=\"tag {class}\">{}</span>{speaker}{extra}{help}{score}</header>",
        esc(&kind_name(r.kind))
    )
}

fn evidence_item<'a>(
    page: &mut Page<'a>,
    event: usize,
    e: &'a Evidence,
    speaker: Option<&str>,
    times: usize,
) {
    let link = page.context_link(event, e);
    let times = if times > 1 {
        format!(" <span class=\"meta\">×{times}</span>")
    } else {
        String::new()
    };
    let said = match e.speaker.as_deref() {
        Some(s) if Some(s) != speaker => format!(" <span class=\"said\">quoting {}</span>", esc(s)),
        _ => String::new(),
    };
    let _ = write!(
        page.out,
        "<li>{}{said} <q>{}</q>{times} {link}</li>",
        source(page.comparison, e),
        esc(&short(&e.text, 600))
    );
}

fn more(page: &mut Page<'_>, total: usize) {
    if total > SHOWN {
        let _ = write!(
            page.out,
            "<p class=\"meta\">… and {} more (all of them are in the JSON output)</p>",
            total - SHOWN
        );
    }
}

fn note(page: &mut Page<'_>, r: &Record) {
    if let Some(note) = &r.note {
        let _ = write!(page.out, "<p class=\"note\">{}</p>", esc(note));
    }
}

/// Fact conflicts: one row per conflict, both values with links to their
/// sentences.
fn fact_table<'a>(page: &mut Page<'a>, event: usize, records: &[&'a Record]) {
    page.out.push_str(
        "<table class=\"facts\"><thead><tr><th>Conflict</th><th>Reported as</th><th>Also reported as</th><th>Note</th></tr></thead><tbody>",
    );
    for (i, r) in records.iter().enumerate() {
        let _ = write!(
            page.out,
            "<tr id=\"e{event}-f{}\"><td data-label=\"Conflict\"><span class=\"tag bad\">{}</span> <span class=\"help\">{}</span></td>",
            i + 1,
            esc(&kind_name(r.kind)),
            kind_help(r.kind)
        );
        let shown: Vec<&Evidence> = r.evidence.iter().take(SHOWN).collect();
        let (first, rest) = shown.split_at(shown.len().min(1));
        for (label, cell) in [("Reported as", first), ("Also reported as", rest)] {
            let _ = write!(page.out, "<td data-label=\"{label}\">");
            for e in cell {
                let link = page.context_link(event, e);
                let _ = write!(
                    page.out,
                    "<div class=\"value\">{} <q><b>{}</b></q> {link}{}</div>",
                    source(page.comparison, e),
                    esc(&short(&e.text, 200)),
                    snippet(page, e)
                        .map(|s| format!("<div class=\"snippet\">{s}</div>"))
                        .unwrap_or_default()
                );
            }
            page.out.push_str("</td>");
        }
        let _ = write!(
            page.out,
            "<td data-label=\"Note\">{}</td></tr>",
            esc(r.note.as_deref().unwrap_or(""))
        );
    }
    page.out.push_str("</tbody></table>\n");
    if let Some(r) = records.iter().find(|r| r.evidence.len() > SHOWN) {
        more(page, r.evidence.len());
    }
}

fn agreement<'a>(page: &mut Page<'a>, event: usize, id: &str, r: &'a Record) {
    let carried = format!(
        " <span class=\"carried\">{}</span>",
        outlets(page.comparison, r)
            .iter()
            .map(|o| format!("<b class=\"outlet\">{}</b>", esc(o)))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let _ = write!(
        page.out,
        "<article class=\"rec agree\" id=\"{id}\">{}<ul class=\"evs\">",
        record_header(r, "ok", &carried)
    );
    let lines = grouped(page.comparison, r);
    for line in lines.iter().take(SHOWN) {
        let e = &r.evidence[line.first];
        evidence_item(page, event, e, r.speaker.as_deref(), line.count);
    }
    page.out.push_str("</ul>");
    more(page, lines.len());
    note(page, r);
    page.out.push_str("</article>\n");
}

/// Every quote of the event by speaker, with the outlets that carry it.
fn who_said_what<'a>(page: &mut Page<'a>, event: usize, view: &EventView<'a>) {
    let quotes: Vec<&Record> = view
        .agreed_quotes
        .iter()
        .chain(&view.unique_quotes)
        .copied()
        .collect();
    if quotes.is_empty() {
        return;
    }
    let speakers = by_speaker(&quotes);
    let _ = writeln!(
        page.out,
        "<details class=\"who\"><summary><h3>Who said what <span class=\"count\">{}</span></h3> \
         <span class=\"meta\">by {}</span></summary>",
        quotes.len(),
        plural(speakers.len(), "speaker", "speakers")
    );
    for (speaker, records) in speakers {
        let _ = write!(
            page.out,
            "<h4>{}</h4><ul class=\"quotes\">",
            esc(speaker.unwrap_or("Unattributed"))
        );
        for r in records.iter().take(200) {
            // The longest wording stands for the quote.
            let Some(e) = r.evidence.iter().max_by_key(|e| e.text.len()) else {
                continue;
            };
            let link = page.context_link(event, e);
            let carried = outlets(page.comparison, r)
                .iter()
                .map(|o| format!("<b class=\"outlet\">{}</b>", esc(o)))
                .collect::<Vec<_>>()
                .join(" ");
            let _ = write!(
                page.out,
                "<li><q>{}</q> <span class=\"carried\">{carried}</span> {link}</li>",
                esc(&short(&e.text, 600))
            );
        }
        page.out.push_str("</ul>");
    }
    page.out.push_str("</details>\n");
}

/// Claims only one report carries, by outlet.
fn only_one<'a>(page: &mut Page<'a>, event: usize, view: &EventView<'a>) {
    if view.event.unique.is_empty() {
        return;
    }
    let _ = writeln!(
        page.out,
        "<details class=\"only\"><summary><h3>Only one report <span class=\"count\">{}</span></h3> \
         <span class=\"meta\">{} quotes, {} other claims</span></summary>",
        view.event.unique.len(),
        view.unique_quotes.len(),
        view.unique_other.len()
    );
    let mut by_report: Vec<(&str, Vec<&'a Record>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for r in view.unique_quotes.iter().chain(&view.unique_other) {
        let Some(e) = r.evidence.first() else {
            continue;
        };
        let at = *index.entry(e.report.as_str()).or_insert_with(|| {
            by_report.push((e.report.as_str(), Vec::new()));
            by_report.len() - 1
        });
        by_report[at].1.push(r);
    }
    for (report, records) in by_report {
        let _ = write!(
            page.out,
            "<h4>{} <span class=\"meta\">{}</span></h4><ul class=\"evs\">",
            esc(outlet_of(page.comparison, report)),
            esc(report)
        );
        for r in records.iter().take(500) {
            let Some(e) = r.evidence.first() else {
                continue;
            };
            let link = page.context_link(event, e);
            let who = r
                .speaker
                .as_deref()
                .map(|s| format!("<span class=\"said\">{}</span> ", esc(s)))
                .unwrap_or_default();
            let _ = write!(
                page.out,
                "<li><span class=\"tag\">{}</span> {who}<q>{}</q> {link}</li>",
                esc(&kind_name(r.kind)),
                esc(&short(&e.text, 600))
            );
        }
        if records.len() > 500 {
            let _ = write!(
                page.out,
                "<li class=\"meta\">… and {} more</li>",
                records.len() - 500
            );
        }
        page.out.push_str("</ul>");
    }
    page.out.push_str("</details>\n");
}

/// A few words either side of a piece of evidence, the evidence marked.
fn snippet(page: &Page<'_>, e: &Evidence) -> Option<String> {
    const WORDS: usize = 10;
    let report = page.texts.get(e.report.as_str())?;
    let c = context::around(&report.text, e.span, report.body_start())?;
    if c.marked != e.text {
        return None;
    }
    let before: Vec<&str> = c.before.split_whitespace().collect();
    let after: Vec<&str> = c.after.split_whitespace().collect();
    let head = &before[before.len().saturating_sub(WORDS)..];
    let tail = &after[..after.len().min(WORDS)];
    let space_before = if c.before.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let space_after = if c.after.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    Some(format!(
        "{}{}{space_before}<mark>{}</mark>{space_after}{}{}",
        if head.len() < before.len() || c.cut_before {
            "… "
        } else {
            ""
        },
        esc(&head.join(" ")),
        esc(&short(c.marked, 200)),
        esc(&tail.join(" ")),
        if tail.len() < after.len() || c.cut_after {
            " …"
        } else {
            ""
        },
    ))
}

/// Every linked piece of evidence in its sentence, the span marked.
fn appendix(page: &mut Page<'_>) {
    if page.contexts.is_empty() {
        return;
    }
    page.out
        .push_str("<section class=\"contexts\" id=\"contexts\"><h2>Evidence in context</h2>\n");
    if page.texts.is_empty() {
        page.out.push_str(
            "<p class=\"meta\">The report texts were not given to the renderer: each piece of evidence is shown alone.</p>\n",
        );
    }
    page.out.push_str("<ol class=\"ctxs\">");
    let contexts = std::mem::take(&mut page.contexts);
    for (n, (event, e)) in contexts.iter().enumerate() {
        let _ = write!(
            page.out,
            "<li id=\"x{}\"><div class=\"src\">{} <code>{}</code> <span class=\"meta\">bytes {}–{}</span> <a href=\"#e{event}\">event {event}</a></div><p>",
            n + 1,
            source(page.comparison, e),
            esc(&e.report),
            e.span.start,
            e.span.end,
        );
        let found = page
            .texts
            .get(e.report.as_str())
            .and_then(|r| context::around(&r.text, e.span, r.body_start()))
            // Only when the report still says what the evidence says.
            .filter(|c| c.marked == e.text);
        match found {
            Some(c) => {
                let _ = write!(
                    page.out,
                    "{}{}<mark>{}</mark>{}{}",
                    if c.cut_before { "… " } else { "" },
                    esc(c.before),
                    esc(c.marked),
                    esc(c.after),
                    if c.cut_after { " …" } else { "" },
                );
            }
            None => {
                let _ = write!(page.out, "<mark>{}</mark>", esc(&e.text));
            }
        }
        page.out.push_str("</p></li>");
    }
    page.out.push_str("</ol></section>\n");
}

/// Word diff markers (`[-…-]`, `{+…+}`) as `<del>` and `<ins>`.
fn diff_html(d: &str) -> String {
    diff::parse(d)
        .into_iter()
        .map(|(change, run)| match change {
            diff::Change::Same => esc(run),
            diff::Change::Removed => format!("<del>{}</del>", esc(run)),
            diff::Change::Added => format!("<ins>{}</ins>", esc(run)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>\u{1b}[31m"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;[31m"
        );
        assert_eq!(
            diff_html("a [-<b>-]{+&+}"),
            "a <del>&lt;b&gt;</del><ins>&amp;</ins>"
        );
    }
}
