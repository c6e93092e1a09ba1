//! Compare the bundled seed reports and write the HTML page, with every
//! piece of evidence linked to its sentence.
//!
//! Run: `cargo run --example render_html [OUT.html]` (default:
//! `target/seeds.html`), then open the file in a browser. The page needs
//! nothing else: no network, no other files.

use corroborate::render::{self, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let reports = corroborate::load(&[dir])?;
    let comparison = corroborate::compare(&reports);

    // Giving the renderer the reports lets it show each quote and fact in
    // the sentence it came from; `render::html(&comparison)` works without.
    let page = render::html_with(&comparison, &Options::new().reports(&reports));

    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/target/seeds.html").to_string());
    if let Some(parent) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&out, &page)?;
    // One block per claim: the claims several reports carry, and how many
    // of them differ (a discrepancy names its claim in `of`).
    let claims: usize = comparison.events.iter().map(|e| e.agreements.len()).sum();
    let differing: usize = comparison
        .events
        .iter()
        .map(|e| {
            e.agreements
                .iter()
                .filter(|c| e.discrepancies.iter().any(|d| d.of.as_ref() == Some(&c.id)))
                .count()
        })
        .sum();
    println!(
        "wrote {out}: {} events, {claims} claims in several reports ({differing} with differences), {} bytes",
        comparison.events.len(),
        page.len()
    );
    Ok(())
}
