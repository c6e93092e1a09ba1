use super::*;

#[test]
#[ignore]
fn eyeball_seeds() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let report = crate::Report::from_plain_text("x", text).unwrap();
        let found = crate::extract(&report);
        println!("=== {} {:?}", path.display(), report.published);
        for f in found.facts {
            println!("  {:?} {:?} v={:?} r={:?} q={:?} u={:?}", f.kind, f.text, f.value, f.resolved.map(|d| d.to_string()), f.qualifier, f.unit);
        }
    }
}
