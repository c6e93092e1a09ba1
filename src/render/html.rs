//! One self-contained HTML page: no scripts from elsewhere, no fonts, no
//! images; readable on a laptop and a phone.

use std::fmt::Write;

use super::{event_header, kind_name, outlet_of};
use crate::record::{Claim, Comparison, Record};

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Word diff markers (`[-…-]`, `{+…+}`) as `<del>` and `<ins>`.
fn diff_html(diff: &str) -> String {
    esc(diff)
        .replace("[-", "<del>")
        .replace("-]", "</del>")
        .replace("{+", "<ins>")
        .replace("+}", "</ins>")
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1rem;color:#222}\
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}\
h3{font-size:1.05rem;margin-top:1.2rem}.rec{border:1px solid #ddd;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}\
.kind{font-weight:600;text-transform:uppercase;font-size:.8rem;color:#555}.ev{margin:.3rem 0 .3rem 1rem}\
.outlet{font-weight:600}.disc{border-left:4px solid #c0392b}.agree{border-left:4px solid #27ae60}\
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}\
.meta{color:#666;font-size:.9rem}ul{padding-left:1.2rem}@media(max-width:600px){body{font-size:15px;padding:.5rem}}";

/// The comparison as one self-contained HTML page.
pub fn html(comparison: &Comparison) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>corroborate: {} reports</title><style>{STYLE}</style></head><body>\
         <h1>Comparison of {} reports</h1><p class=\"meta\">{} events</p>",
        comparison.reports.len(),
        comparison.reports.len(),
        comparison.events.len()
    );
    for (n, event) in comparison.events.iter().enumerate() {
        let _ = write!(
            out,
            "<section id=\"{}\"><h2>Event {}: {} reports, {} agreements, {} discrepancies</h2><ul class=\"meta\">",
            esc(&event.id),
            n + 1,
            event.reports.len(),
            event.agreements.len(),
            event.discrepancies.len()
        );
        for line in event_header(comparison, event) {
            let _ = write!(out, "<li>{}</li>", esc(&line));
        }
        out.push_str("</ul>");
        if event.reports.len() > 1 {
            out.push_str("<h3>Agreements</h3>");
            for r in &event.agreements {
                record(&mut out, comparison, r, "agree");
            }
            out.push_str("<h3>Discrepancies</h3>");
            for r in &event.discrepancies {
                record(&mut out, comparison, r, "disc");
            }
        }
        out.push_str("<h3>Only one report</h3>");
        for r in event.unique.iter().filter(|r| r.claim == Claim::Quote) {
            record(&mut out, comparison, r, "");
        }
        out.push_str("</section>");
    }
    out.push_str("</body></html>\n");
    out
}

fn record(out: &mut String, comparison: &Comparison, r: &Record, class: &str) {
    let speaker = r
        .speaker
        .as_deref()
        .map(|s| format!(" — {}", esc(s)))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<div class=\"rec {class}\"><div class=\"kind\">{}{speaker}</div>",
        esc(&kind_name(r.kind))
    );
    for e in r.evidence.iter().take(3 * super::SHOWN) {
        let _ = write!(
            out,
            "<div class=\"ev\"><span class=\"outlet\">{}</span>: “{}”</div>",
            esc(outlet_of(comparison, &e.report)),
            esc(&e.text)
        );
    }
    if r.evidence.len() > 3 * super::SHOWN {
        let more = r.evidence.len() - 3 * super::SHOWN;
        let _ = write!(out, "<div class=\"ev meta\">… and {more} more</div>");
    }
    if let Some(diff) = &r.diff {
        let _ = write!(out, "<div class=\"ev\">{}</div>", diff_html(diff));
    }
    if let Some(note) = &r.note {
        let _ = write!(out, "<div class=\"ev meta\">{}</div>", esc(note));
    }
    out.push_str("</div>");
}
