//! Compare the bundled seed reports and print the text report.
//!
//! Run: `cargo run --example compare_seeds`

fn main() -> corroborate::Result<()> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let reports = corroborate::load(&[dir])?;
    let comparison = corroborate::compare(&reports);
    print!("{}", corroborate::render::text(&comparison));
    Ok(())
}
