//! One self-contained HTML page: no scripts, no fonts, no images, and a
//! content security policy that forbids loading anything; readable on a
//! laptop and a phone (one column under 700 px), light and dark.

use std::collections::HashMap;
use std::fmt::Write;

use super::context;
use super::diff::{self, Mark};
use super::text::skipped_line;
use super::view::{
    by_speaker, info, kind_help, kind_name, outlet_of, outlets, plural, short, sources, EventView,
};
use super::view::{parties, ClaimView, Version};
use super::Options;
use crate::record::{Claim, Comparison, Evidence, Record, ReportInfo};
use crate::report::Report;
use crate::word_diff::WordDiff;

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
         Each claim several reports carry is one block, its versions side by side, claims with differences first. \
         <del>Struck</del> words are in the most common version and not in the variant, <ins>underlined</ins> ones only in the variant; \
         <span class=\"out\">grey</span> text is the sentence around the evidence or lies outside the passage compared.</p>\n",
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
    // Summary: claims, not pairs.
    let _ = writeln!(
        page.out,
        "<dl class=\"stats\">\
         <div><dt>Reports</dt><dd>{}</dd></div>\
         <div><dt>Outlets</dt><dd>{}</dd></div>\
         <div><dt>Dates</dt><dd>{}</dd></div>\
         <div class=\"ok\"><dt>Claims in several reports</dt><dd>{}</dd></div>\
         <div class=\"bad\"><dt>Claims with differences</dt><dd>{}</dd></div>\
         <div class=\"bad\"><dt>Differences</dt><dd>{}{}</dd></div>\
         <div><dt>In one report only</dt><dd>{}</dd></div></dl>",
        e.reports.len(),
        esc(&view.outlets.join(", ")),
        esc(&view.date_range()),
        view.differing.len() + view.agreeing.len(),
        view.differing.len(),
        e.discrepancies.len(),
        by_kind(view),
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

    // Block anchors, in display order, by record id.
    let mut blocks: HashMap<&'a str, String> = HashMap::new();
    for (i, c) in view.claims().enumerate() {
        blocks
            .entry(c.lead().id.as_str())
            .or_insert_with(|| format!("e{n}-c{}", i + 1));
    }
    if e.reports.len() > 1 {
        let _ = writeln!(
            page.out,
            "<h3>Claims with differences <span class=\"count\">{}</span></h3>",
            view.differing.len()
        );
        if view.differing.is_empty() {
            page.out
                .push_str("<p class=\"none\">No claim differs across the reports.</p>\n");
        }
        for (i, c) in view.differing.iter().enumerate() {
            claim(page, n, &format!("e{n}-c{}", i + 1), c);
        }
        let _ = writeln!(
            page.out,
            "<h3>Claims the reports agree on <span class=\"count\">{}</span></h3>",
            view.agreeing.len()
        );
        if view.agreeing.is_empty() {
            page.out
                .push_str("<p class=\"none\">No claim is carried alike by several reports.</p>\n");
        }
        let first = view.differing.len();
        for (i, c) in view.agreeing.iter().enumerate() {
            claim(page, n, &format!("e{n}-c{}", first + i + 1), c);
        }
    }
    who_said_what(page, n, view, &blocks);
    only_one(page, n, view);
    page.out.push_str("</section>\n");
}

/// " <span class=\"meta\">2 wording, 1 truncation</span>", or nothing.
fn by_kind(view: &EventView<'_>) -> String {
    let all = view.differences();
    match all.split_once(" (") {
        Some((_, kinds)) => format!(
            " <span class=\"kinds\">{}</span>",
            esc(kinds.trim_end_matches(')'))
        ),
        None => String::new(),
    }
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

/// One claim: its header, its versions side by side (one column per
/// report, each quotation in its sentence with the changed words marked),
/// then its differences.
fn claim<'a>(page: &mut Page<'a>, event: usize, id: &str, c: &ClaimView<'a>) {
    let lead = c.lead();
    let differs = !c.differences.is_empty();
    let class = if differs { "differs" } else { "agrees" };
    let _ = write!(
        page.out,
        "<article class=\"claim {class}\" id=\"{id}\" data-claim=\"{}\">",
        esc(&lead.id)
    );
    let versions = c.versions();
    let speaker = lead
        .speaker
        .as_deref()
        .map(|s| format!(" <span class=\"speaker\">{}</span>", esc(s)))
        .unwrap_or_default();
    let mut kinds: Vec<String> = c.differences.iter().map(|d| kind_name(d.kind)).collect();
    kinds.dedup();
    let badges: String = kinds
        .iter()
        .map(|k| format!(" <span class=\"tag bad\">{}</span>", esc(k)))
        .collect();
    let missing = if c.record.is_none() {
        " <span class=\"help\">(the claim record is missing: shown from its differences)</span>"
    } else {
        ""
    };
    let score = c
        .record
        .and_then(|r| r.score)
        .map(|s| format!(" <span class=\"score\">match {s:.2}</span>"))
        .unwrap_or_default();
    let _ = write!(
        page.out,
        "<header><span class=\"tag {}\">{}</span>{speaker} <span class=\"meta\">{}</span>{badges}{missing}{score}</header>",
        if differs { "bad" } else { "ok" },
        esc(&c.kind()),
        plural(versions.len(), "report", "reports"),
    );
    page.out.push_str("<div class=\"versions\">");
    for v in versions.iter().take(SHOWN) {
        version(page, event, c, v);
    }
    page.out.push_str("</div>");
    more(page, versions.len());
    if let Some(r) = c.record {
        note(page, r);
    }
    if differs {
        page.out.push_str("<ul class=\"changes\">");
        for d in &c.differences {
            let help = kind_help(d.kind);
            let _ = write!(
                page.out,
                "<li data-kind=\"{kind}\"><span class=\"tag bad\">{kind}</span> <b class=\"parties\">{}</b> <span class=\"help\">{help}</span>",
                esc(&parties(page.comparison, d)),
                kind = esc(&kind_name(d.kind)),
            );
            if let Some(changes) = &d.diff {
                let _ = write!(
                    page.out,
                    "<p class=\"diff\"><span class=\"label\">Changes</span> {}</p>",
                    diff_html(changes)
                );
            }
            note(page, d);
            page.out.push_str("</li>");
        }
        page.out.push_str("</ul>");
    }
    page.out.push_str("</article>\n");
}

/// One report's version of a claim: the source, the speaker as this
/// report gives it, each quotation or mention in its sentence.
fn version<'a>(page: &mut Page<'a>, event: usize, c: &ClaimView<'a>, v: &Version<'a>) {
    let said = v
        .speaker()
        .map(|s| format!(" <span class=\"said\">{}</span>", esc(s)))
        .unwrap_or_default();
    let _ = write!(
        page.out,
        "<div class=\"version\" data-report=\"{}\"><div class=\"src\">{}{said}</div>",
        esc(v.report),
        source(page.comparison, v.evidence[0]),
    );
    let fact = c.lead().claim == Claim::Fact;
    for &e in &v.evidence {
        let (before, after) = around_words(page, e).unwrap_or_default();
        let body = match c.marks(e) {
            Some((version, pieces)) => {
                let tag = match version {
                    diff::Version::From => "del",
                    diff::Version::To => "ins",
                };
                let mut body = String::new();
                for (mark, text) in &pieces {
                    match mark {
                        Mark::Same => body.push_str(&esc(text)),
                        Mark::Changed => {
                            let _ = write!(body, "<{tag}>{}</{tag}>", esc(text));
                        }
                        Mark::Outside => {
                            let _ = write!(body, "<span class=\"out\">{}</span>", esc(text));
                        }
                    }
                }
                body
            }
            None => esc(&short(&e.text, 1200)),
        };
        let body = if fact {
            format!("<mark>{body}</mark>")
        } else {
            body
        };
        let link = page.context_link(event, e);
        let _ = write!(
            page.out,
            "<blockquote>{before}{body}{after} {link}</blockquote>"
        );
    }
    page.out.push_str("</div>");
}

/// A few words of the sentence either side of a piece of evidence, as
/// HTML; `None` without the report's text.
fn around_words(page: &Page<'_>, e: &Evidence) -> Option<(String, String)> {
    const WORDS: usize = 12;
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
    let wrap = |s: String| {
        if s.is_empty() {
            s
        } else {
            format!("<span class=\"out\">{s}</span>")
        }
    };
    Some((
        wrap(format!(
            "{}{}{space_before}",
            if head.len() < before.len() || c.cut_before {
                "… "
            } else {
                ""
            },
            esc(&head.join(" "))
        )),
        wrap(format!(
            "{space_after}{}{}",
            esc(&tail.join(" ")),
            if tail.len() < after.len() || c.cut_after {
                " …"
            } else {
                ""
            }
        )),
    ))
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

/// Every quote of the event by speaker, with the outlets that carry it.
fn who_said_what<'a>(
    page: &mut Page<'a>,
    event: usize,
    view: &EventView<'a>,
    blocks: &HashMap<&str, String>,
) {
    let quotes: Vec<&Record> = view
        .claims()
        .map(ClaimView::lead)
        .filter(|r| r.claim == Claim::Quote)
        .chain(view.unique_quotes.iter().copied())
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
            let block = blocks
                .get(r.id.as_str())
                .map(|b| format!(" <a class=\"ctx\" href=\"#{b}\">the claim</a>"))
                .unwrap_or_default();
            let _ = write!(
                page.out,
                "<li><q>{}</q> <span class=\"carried\">{carried}</span> {link}{block}</li>",
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

/// A diff's removed and added words as `<del>` and `<ins>`.
fn diff_html(d: &WordDiff) -> String {
    diff::runs(d)
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
            diff_html(&"a [-<b>-]{+&+}".parse().unwrap()),
            "a <del>&lt;b&gt;</del><ins>&amp;</ins>"
        );
    }
}
