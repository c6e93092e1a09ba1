//! The JSON Schemas in `schemas/` describe the real output of `compare`,
//! `extract` and `events`.
//!
//! A small validator for the subset of JSON Schema (draft 2020-12) the
//! shipped schemas use. It refuses any other keyword, so a schema cannot
//! quietly rely on something this test does not check. In strict mode an
//! object schema with `properties` and no `additionalProperties` is
//! closed: every field the tool writes must be described.

use std::process::Command;

use serde_json::{json, Value};

/// Keywords the validator understands.
const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "$ref",
    "minimum",
    "maximum",
    "minItems",
    "format",
    "anyOf",
];

struct Validator<'s> {
    root: &'s Value,
    strict: bool,
}

impl<'s> Validator<'s> {
    fn new(root: &'s Value, strict: bool) -> Validator<'s> {
        Validator { root, strict }
    }

    /// Every way `instance` breaks the schema, as "path: problem".
    fn errors(&self, instance: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(self.root, instance, "$", &mut out);
        out
    }

    fn check(&self, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
        let Some(schema) = schema.as_object() else {
            out.push(format!("{at}: schema is not an object"));
            return;
        };
        if let Some(r) = schema.get("$ref") {
            let target = r
                .as_str()
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .and_then(|name| self.root["$defs"].get(name));
            match target {
                Some(t) => self.check(t, v, at, out),
                None => out.push(format!("{at}: unresolvable $ref {r}")),
            }
        }
        if let Some(t) = schema.get("type") {
            let types: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if !types.iter().any(|t| has_type(v, t)) {
                out.push(format!("{at}: {v} is not of type {t}"));
                return;
            }
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            if !allowed.contains(v) {
                out.push(format!(
                    "{at}: {v} is not one of {}",
                    Value::from(allowed.clone())
                ));
            }
        }
        if let Some(c) = schema.get("const") {
            if c != v {
                out.push(format!("{at}: {v} is not {c}"));
            }
        }
        if let Some(n) = v.as_f64() {
            if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
                if n < min {
                    out.push(format!("{at}: {n} is below {min}"));
                }
            }
            if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
                if n > max {
                    out.push(format!("{at}: {n} is above {max}"));
                }
            }
        }
        if let (Some(f), Some(s)) = (schema.get("format"), v.as_str()) {
            match f.as_str() {
                Some("date") if is_date(s) => {}
                Some("date") => out.push(format!("{at}: {s:?} is not a YYYY-MM-DD date")),
                _ => out.push(format!("{at}: unsupported format {f}")),
            }
        }
        if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
            let fits = options.iter().any(|o| {
                let mut errors = Vec::new();
                self.check(o, v, at, &mut errors);
                errors.is_empty()
            });
            if !fits {
                out.push(format!("{at}: {v} fits none of anyOf"));
            }
        }
        if let Some(items) = v.as_array() {
            if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
                if (items.len() as u64) < min {
                    out.push(format!("{at}: fewer than {min} items"));
                }
            }
            if let Some(item) = schema.get("items") {
                for (i, x) in items.iter().enumerate() {
                    self.check(item, x, &format!("{at}[{i}]"), out);
                }
            }
        }
        if let Some(fields) = v.as_object() {
            for name in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if !fields.contains_key(name) {
                    out.push(format!("{at}: missing required {name:?}"));
                }
            }
            let properties = schema.get("properties").and_then(Value::as_object);
            for (name, x) in fields {
                let here = format!("{at}.{name}");
                match (
                    properties.and_then(|p| p.get(name)),
                    schema.get("additionalProperties"),
                ) {
                    (Some(p), _) => self.check(p, x, &here, out),
                    (None, Some(Value::Bool(false))) => {
                        out.push(format!("{here}: not allowed"));
                    }
                    (None, Some(extra @ Value::Object(_))) => self.check(extra, x, &here, out),
                    (None, None) if self.strict && properties.is_some() => {
                        out.push(format!("{here}: not described by the schema"));
                    }
                    _ => {}
                }
            }
        }
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_u64() || v.is_i64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => false,
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Unknown keywords anywhere in a schema, by path.
fn unknown_keywords(schema: &Value, at: &str, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        return;
    };
    for (key, value) in map {
        let here = format!("{at}/{key}");
        if !KNOWN.contains(&key.as_str()) {
            out.push(here.clone());
        }
        match key.as_str() {
            "properties" | "$defs" => {
                for (name, sub) in value.as_object().into_iter().flatten() {
                    unknown_keywords(sub, &format!("{here}/{name}"), out);
                }
            }
            "items" | "additionalProperties" => unknown_keywords(value, &here, out),
            "anyOf" => {
                for (i, sub) in value.as_array().into_iter().flatten().enumerate() {
                    unknown_keywords(sub, &format!("{here}/{i}"), out);
                }
            }
            _ => {}
        }
    }
}

fn schema(name: &str) -> Value {
    let path = format!("{}/schemas/{name}.schema.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(dir: &str) -> String {
    format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn assert_valid(name: &str, instance: &Value) {
    let root = schema(name);
    let errors = Validator::new(&root, true).errors(instance);
    assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
}

/// A directory with one good report and one that cannot be read.
fn with_a_bad_file(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("corroborate-schemas-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        format!("{}/000_1e8c440c96c329dc.txt", fixture("seeds")),
        dir.join("good.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("bad.json"), "{\"id\": ").unwrap();
    dir
}

#[test]
fn shipped_schemas_use_only_the_checked_subset() {
    for name in ["compare", "extract", "events"] {
        let mut unknown = Vec::new();
        unknown_keywords(&schema(name), "#", &mut unknown);
        assert!(unknown.is_empty(), "{name}: {unknown:?}");
        assert_eq!(
            schema(name)["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
    }
}

#[test]
fn schema_versions_match_the_crate() {
    for name in ["compare", "extract", "events"] {
        assert_eq!(
            schema(name)["properties"]["schema_version"]["const"],
            corroborate::SCHEMA_VERSION,
            "{name}"
        );
    }
}

#[test]
fn the_library_and_the_tool_ship_the_same_schemas() {
    use corroborate::render::{COMPARE_SCHEMA, EVENTS_SCHEMA, EXTRACT_SCHEMA};
    for (name, text) in [
        ("compare", COMPARE_SCHEMA),
        ("extract", EXTRACT_SCHEMA),
        ("events", EVENTS_SCHEMA),
    ] {
        let shipped: Value = serde_json::from_str(text).unwrap();
        assert_eq!(shipped, schema(name), "{name}");
        assert_eq!(run(&["schema", name]), shipped, "{name}");
    }
}

#[test]
fn compare_output_follows_its_schema() {
    for dir in ["seeds", "conflicts"] {
        let v = run(&["compare", "--format", "json", &fixture(dir)]);
        assert_valid("compare", &v);
        assert!(v.get("skipped").is_none());
    }
    // Both fixtures at once, and a library comparison with every kind of
    // record the seeds and conflicts hold.
    let v = run(&[
        "compare",
        "--format",
        "json",
        &fixture("seeds"),
        &fixture("conflicts"),
    ]);
    assert_valid("compare", &v);
    let kinds: std::collections::BTreeSet<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["discrepancies"].as_array().unwrap())
        .filter_map(|r| r["kind"].as_str())
        .collect();
    assert!(
        kinds.contains("value") && kinds.contains("wording"),
        "{kinds:?}"
    );
}

#[test]
fn skipped_files_are_in_every_json_output() {
    let dir = with_a_bad_file("skipped");
    let dir = dir.to_str().unwrap();
    for (command, name) in [
        ("compare", "compare"),
        ("extract", "extract"),
        ("events", "events"),
    ] {
        let v = run(&[command, "--format", "json", "--keep-going", dir]);
        assert_valid(name, &v);
        let skipped = v["skipped"].as_array().unwrap();
        assert_eq!(skipped.len(), 1, "{command}");
        assert!(skipped[0]["path"].as_str().unwrap().ends_with("bad.json"));
        assert!(skipped[0]["error"]
            .as_str()
            .unwrap()
            .contains("invalid JSON at line 1"));
    }
}

#[test]
fn extract_output_follows_its_schema() {
    for dir in ["seeds", "conflicts"] {
        let v = run(&["extract", "--format", "json", &fixture(dir)]);
        assert_valid("extract", &v);
        assert!(!v["reports"][0]["facts"].as_array().unwrap().is_empty());
    }
}

#[test]
fn events_output_follows_its_schema() {
    let v = run(&[
        "events",
        "--format",
        "json",
        &fixture("seeds"),
        &fixture("conflicts"),
    ]);
    assert_valid("events", &v);
    assert_eq!(v["events"].as_array().unwrap().len(), 3);
}

#[test]
fn the_validator_catches_what_breaks_a_schema() {
    let root = json!({
        "type": "object",
        "required": ["a"],
        "properties": {
            "a": {"type": "integer", "minimum": 0, "maximum": 9},
            "b": {"type": ["string", "null"], "format": "date"},
            "c": {"enum": ["x", "y"]},
            "d": {"type": "array", "items": {"$ref": "#/$defs/d"}, "minItems": 1},
            "e": {"anyOf": [{"type": "number"}, {"type": "object", "required": ["k"]}]},
            "f": {"const": "1.0"},
            "g": {"type": "object", "properties": {}, "additionalProperties": false}
        },
        "$defs": {"d": {"type": "boolean"}}
    });
    let strict = Validator::new(&root, true);
    let cases: &[(Value, &str)] = &[
        (
            json!({"a": 1, "b": null, "c": "x", "d": [true], "e": 2, "f": "1.0"}),
            "",
        ),
        (json!({}), "missing required \"a\""),
        (json!({"a": 1.5}), "is not of type"),
        (json!({"a": -1}), "is below 0"),
        (json!({"a": 10}), "is above 9"),
        (json!({"a": 1, "b": "21 Aug 2024"}), "not a YYYY-MM-DD date"),
        (json!({"a": 1, "c": "z"}), "is not one of"),
        (json!({"a": 1, "d": []}), "fewer than 1 items"),
        (json!({"a": 1, "d": [1]}), "$.d[0]: 1 is not of type"),
        (json!({"a": 1, "e": {"j": 1}}), "fits none of anyOf"),
        (json!({"a": 1, "f": "2.0"}), "is not \"1.0\""),
        (json!({"a": 1, "g": {"x": 1}}), "$.g.x: not allowed"),
        (json!({"a": 1, "z": 1}), "$.z: not described by the schema"),
    ];
    for (instance, want) in cases {
        let errors = strict.errors(instance).join("\n");
        if want.is_empty() {
            assert!(errors.is_empty(), "{instance}: {errors}");
        } else {
            assert!(
                errors.contains(want),
                "{instance}: want {want:?}, got {errors:?}"
            );
        }
    }
    // The shipped schemas are open: unknown fields pass outside strict mode.
    let lax = Validator::new(&root, false);
    assert!(lax.errors(&json!({"a": 1, "z": 1})).is_empty());
    let mut unknown = Vec::new();
    unknown_keywords(&json!({"items": {"pattern": "x"}}), "#", &mut unknown);
    assert_eq!(unknown, ["#/items/pattern"]);
}
