//! Reading reports: files, folders and standard input in their formats,
//! with limits, and skipping bad files when asked.

use super::*;

/// How reports are read: limits, what to do with a bad file, and how to
/// read standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Largest report accepted, in bytes of text.
    pub max_report_bytes: usize,
    /// Skip what cannot be read (a missing or unsupported path, a bad
    /// file, a report whose id was already read) and list it in
    /// [`Loaded::skipped`], instead of failing on the first.
    pub keep_going: bool,
    /// How the path `-` (standard input) is read.
    pub stdin_format: InputFormat,
    /// Largest total input accepted, in bytes of files read: a directory
    /// far larger than meant (a whole archive) is refused before it is
    /// read, not after memory runs out.
    pub max_total_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_report_bytes: 64 << 20,
            keep_going: false,
            stdin_format: InputFormat::Text,
            max_total_bytes: 16 << 30,
        }
    }
}

/// The format of an input: what a file's extension says, or what standard
/// input is said to be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputFormat {
    /// One plain-text report (`.txt`), with an optional date line.
    #[default]
    Text,
    /// One report or an array of them (`.json`).
    Json,
    /// One report per line (`.jsonl`, `.ndjson`).
    Jsonl,
}

/// What [`load_with`] read: the reports, and what it skipped (only with
/// [`LoadOptions::keep_going`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The reports, in the order read.
    pub reports: Vec<Report>,
    /// Paths, files and reports that could not be read, in the order met.
    pub skipped: Vec<Skipped>,
}

/// Reads reports from files and directories (`.txt`, `.json`, `.jsonl`;
/// a directory's such files in name order, not recursing; `-` for
/// standard input, as plain text). Ids must be unique across everything
/// read.
pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<Report>> {
    Ok(load_with(paths, &LoadOptions::default())?.reports)
}

/// [`load`] with explicit options: limits, keep-going, how standard input
/// is read.
///
/// ```
/// use corroborate::{load_with, LoadOptions};
///
/// let dir = std::env::temp_dir().join(format!("corroborate-load-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.txt"), "Floods hit Valencia.").unwrap();
/// std::fs::write(dir.join("b.json"), "{\"id\": \"a\", \"text\": \"Again a.\"}").unwrap();
/// std::fs::write(dir.join("c.txt"), "").unwrap();
/// // Without keep-going the first bad input is the error.
/// assert!(load_with(&[&dir], &LoadOptions::default()).is_err());
/// // With it, the rest is read and what was skipped is said.
/// let options = LoadOptions { keep_going: true, ..LoadOptions::default() };
/// let loaded = load_with(&[&dir], &options).unwrap();
/// assert_eq!(loaded.reports.len(), 1);
/// let why: Vec<&str> = loaded.skipped.iter().map(|s| s.error.as_str()).collect();
/// assert!(why[0].starts_with("duplicate report id \"a\""), "{why:?}");
/// assert!(why[1].ends_with("empty report (no text)"), "{why:?}");
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn load_with<P: AsRef<Path>>(paths: &[P], options: &LoadOptions) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    // A skipped input, or the error when not keeping going.
    let skip = |loaded: &mut Loaded, path: String, error: Error| {
        if options.keep_going {
            loaded.skipped.push(Skipped::new(path, &error));
            Ok(())
        } else {
            Err(error)
        }
    };
    let mut files = Vec::new();
    for path in paths {
        match expand_paths(std::slice::from_ref(path)) {
            Ok(found) => files.extend(found),
            Err(e) => skip(&mut loaded, path.as_ref().display().to_string(), e)?,
        }
    }
    let mut origins: BTreeMap<String, String> = BTreeMap::new();
    let mut total: u64 = 0;
    for file in files {
        // The total is counted from the files' sizes before they are read.
        let size = std::fs::metadata(&file).map_or(0, |m| m.len());
        if total.saturating_add(size) > options.max_total_bytes {
            let e = Error::TotalTooLarge {
                origin: origin_of(&file),
                total: total.saturating_add(size),
                limit: options.max_total_bytes,
            };
            skip(&mut loaded, origin_of(&file), e)?;
            continue;
        }
        total = total.saturating_add(size);
        let parsed = match read_input(&file, options) {
            Ok(parsed) => parsed,
            Err(e) => {
                skip(&mut loaded, origin_of(&file), e)?;
                continue;
            }
        };
        for (origin, e) in parsed.bad_lines {
            skip(&mut loaded, origin, e)?;
        }
        for (origin, report) in parsed.reports {
            if let Some(first) = origins.get(&report.id) {
                let e = Error::DuplicateId {
                    id: report.id,
                    first: first.clone(),
                    second: origin.clone(),
                };
                skip(&mut loaded, origin, e)?;
                continue;
            }
            origins.insert(report.id.clone(), origin);
            loaded.reports.push(report);
        }
    }
    Ok(loaded)
}

/// How an input is named in errors: `<stdin>` for `-`.
fn origin_of(file: &Path) -> String {
    if file.as_os_str() == "-" {
        STDIN.to_string()
    } else {
        file.display().to_string()
    }
}

const STDIN: &str = "<stdin>";

/// One file, or standard input for `-`, into `(origin, report)` pairs;
/// with keep-going, a JSONL input's bad lines set aside.
fn read_input(file: &Path, options: &LoadOptions) -> Result<Parsed> {
    if file.as_os_str() != "-" {
        return read_file_parts(file, options, options.keep_going);
    }
    let io = |source| Error::Io {
        path: file.to_path_buf(),
        source,
    };
    let mut stdin = std::io::stdin().lock();
    let mut bytes = Vec::new();
    if options.stdin_format == InputFormat::Text {
        // One report: the limit bounds what is held in memory; past it the
        // rest is only counted, for the error.
        let limit = options.max_report_bytes;
        let keep = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        (&mut stdin)
            .take(keep)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() > limit {
            let rest = std::io::copy(&mut stdin, &mut std::io::sink()).map_err(io)?;
            let size = u64::try_from(bytes.len())
                .unwrap_or(u64::MAX)
                .saturating_add(rest);
            return Err(Error::TooLarge {
                origin: STDIN.to_string(),
                size: usize::try_from(size).unwrap_or(usize::MAX),
                limit,
            });
        }
    } else {
        stdin.read_to_end(&mut bytes).map_err(io)?;
    }
    let format = kind_name(options.stdin_format);
    parse_parts(STDIN, "stdin", format, bytes, options, options.keep_going)
}

/// The report files named by `paths`: files as given, directories expanded
/// to their `.txt`, `.json` and `.jsonl` files sorted by name.
pub fn expand_paths<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        if path.is_dir() {
            let mut inside = Vec::new();
            for entry in std::fs::read_dir(path).map_err(io)? {
                let entry = entry.map_err(io)?;
                let p = entry.path();
                if p.is_file() && kind_of(&p).is_some() {
                    inside.push(p);
                }
            }
            inside.sort();
            files.extend(inside);
        } else if kind_of(path).is_some() || path.as_os_str() == "-" {
            files.push(path.to_path_buf());
        } else if !path.exists() {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such file or directory",
            )));
        } else {
            return Err(Error::Unsupported {
                path: path.to_path_buf(),
            });
        }
    }
    Ok(files)
}

fn kind_of(path: &Path) -> Option<InputFormat> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" => Some(InputFormat::Text),
        "json" => Some(InputFormat::Json),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        _ => None,
    }
}

/// Reads one file into `(origin, report)` pairs.
///
/// A plain-text file over [`LoadOptions::max_report_bytes`] is refused
/// before it is read, so an oversized file costs no memory.
pub fn read_file(path: &Path, options: &LoadOptions) -> Result<Vec<(String, Report)>> {
    Ok(read_file_parts(path, options, false)?.reports)
}

/// [`read_file`], leniently for JSONL when asked ([`parse_parts`]).
fn read_file_parts(path: &Path, options: &LoadOptions, lenient: bool) -> Result<Parsed> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let kind = kind_of(path).unwrap_or(InputFormat::Text);
    if kind == InputFormat::Text {
        // The length from metadata may be stale or absent (a pipe); the
        // check after reading still holds.
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > options.max_report_bytes as u64 {
            return Err(Error::TooLarge {
                origin: path.display().to_string(),
                size: usize::try_from(size).unwrap_or(usize::MAX),
                limit: options.max_report_bytes,
            });
        }
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_parts(
        &path.display().to_string(),
        &stem,
        kind_name(kind),
        bytes,
        options,
        lenient,
    )
}

fn kind_name(kind: InputFormat) -> &'static str {
    match kind {
        InputFormat::Text => "txt",
        InputFormat::Json => "json",
        InputFormat::Jsonl => "jsonl",
    }
}

/// Parses a file's bytes. `format` is `txt`, `json` or `jsonl`; `stem`
/// gives the id of a plain-text report and the fallback ids of JSON ones.
pub fn parse_bytes(
    origin: &str,
    stem: &str,
    format: &str,
    bytes: Vec<u8>,
    options: &LoadOptions,
) -> Result<Vec<(String, Report)>> {
    let parsed = parse_parts(origin, stem, format, bytes, options, false)?;
    Ok(parsed.reports)
}

/// What one input held: its reports, and (when `lenient`) the JSONL lines
/// that could not be read, each with where it is and why.
#[derive(Default)]
struct Parsed {
    reports: Vec<(String, Report)>,
    bad_lines: Vec<(String, Error)>,
}

/// [`parse_bytes`]; when `lenient`, a bad line of a JSONL file is set
/// aside in [`Parsed::bad_lines`] and the others are read.
fn parse_parts(
    origin: &str,
    stem: &str,
    format: &str,
    bytes: Vec<u8>,
    options: &LoadOptions,
    lenient: bool,
) -> Result<Parsed> {
    if format == "jsonl" && lenient {
        return Ok(parse_jsonl_lenient(origin, stem, &bytes, options));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        // In JSONL the line is what a reader looks for.
        let origin = if format == "jsonl" {
            let line = 1 + e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            format!("{origin}:{line}")
        } else {
            origin.to_string()
        };
        Error::NotUtf8 { origin, offset }
    })?;
    let check_size = |origin: &str, text: &str| {
        if text.len() > options.max_report_bytes {
            Err(Error::TooLarge {
                origin: origin.to_string(),
                size: text.len(),
                limit: options.max_report_bytes,
            })
        } else {
            Ok(())
        }
    };
    match format {
        "json" => {
            let json = without_bom(&text);
            let error = |e| json_error(origin, 0, &e);
            // Parsed as what it looks like, so that serde's error says
            // where and what (an untagged enum would only say "no match").
            // Errors in an array name the report by its place in it.
            let items = if !json.trim_start().starts_with('[') {
                let one: ReportFields = serde_json::from_str(json).map_err(error)?;
                vec![(stem.to_string(), origin.to_string(), one)]
            } else {
                let many: Vec<ReportFields> = serde_json::from_str(json).map_err(error)?;
                many.into_iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let n = i + 1;
                        (format!("{stem}_{n}"), format!("{origin} (report {n})"), r)
                    })
                    .collect()
            };
            let mut out = Vec::with_capacity(items.len());
            for (fallback, item_origin, item) in items {
                check_size(&item_origin, &item.text)?;
                let report = item.into_report(&item_origin, fallback)?;
                out.push((origin.to_string(), report));
            }
            Ok(Parsed {
                reports: out,
                ..Parsed::default()
            })
        }
        "jsonl" => {
            let mut out = Vec::new();
            for (i, line) in without_bom(&text).lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                out.push(parse_jsonl_line(origin, stem, i, line, options)?);
            }
            Ok(Parsed {
                reports: out,
                ..Parsed::default()
            })
        }
        _ => {
            check_size(origin, &text)?;
            let report = Report::from_plain_text(stem, text).map_err(|e| match e {
                Error::Date { value, .. } => Error::Date {
                    origin: origin.to_string(),
                    value,
                },
                Error::Empty { .. } => Error::Empty {
                    origin: origin.to_string(),
                },
                other => other,
            })?;
            Ok(Parsed {
                reports: vec![(origin.to_string(), report)],
                ..Parsed::default()
            })
        }
    }
}

/// Line `i` (from 0) of a JSONL input as a report.
fn parse_jsonl_line(
    origin: &str,
    stem: &str,
    i: usize,
    line: &str,
    options: &LoadOptions,
) -> Result<(String, Report)> {
    let line_origin = format!("{origin}:{}", i + 1);
    let item: ReportFields = serde_json::from_str(line).map_err(|e| json_error(origin, i, &e))?;
    if item.text.len() > options.max_report_bytes {
        return Err(Error::TooLarge {
            origin: line_origin,
            size: item.text.len(),
            limit: options.max_report_bytes,
        });
    }
    let report = item.into_report(&line_origin, format!("{stem}_{}", i + 1))?;
    Ok((line_origin, report))
}

/// A JSONL input read line by line: a line that is not UTF-8, not JSON,
/// too large or not a report is set aside, the others are read.
fn parse_jsonl_lenient(origin: &str, stem: &str, bytes: &[u8], options: &LoadOptions) -> Parsed {
    let mut parsed = Parsed::default();
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line = match std::str::from_utf8(raw) {
            Ok(line) => line,
            Err(e) => {
                let line_origin = format!("{origin}:{}", i + 1);
                let error = Error::NotUtf8 {
                    origin: line_origin.clone(),
                    offset: e.valid_up_to(),
                };
                parsed.bad_lines.push((line_origin, error));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match parse_jsonl_line(origin, stem, i, line, options) {
            Ok(report) => parsed.reports.push(report),
            Err(e) => parsed.bad_lines.push((format!("{origin}:{}", i + 1), e)),
        }
    }
    parsed
}

/// JSON text without the byte-order mark some editors write: JSON
/// offsets count the bytes of `text` fields, so nothing shifts.
fn without_bom(json: &str) -> &str {
    json.strip_prefix('\u{feff}').unwrap_or(json)
}

fn json_error(origin: &str, line_offset: usize, e: &serde_json::Error) -> Error {
    Error::Json {
        origin: origin.to_string(),
        line: e.line() + line_offset,
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
    }
}

/// An input file that was skipped (with `--keep-going`), and why.
///
/// Not part of [`Comparison`](crate::Comparison): the command-line tool reads files, the
/// library compares reports. The renderers show skipped files when given
/// them through [`render::Options::skipped`](crate::render::Options::skipped),
/// and the JSON outputs then carry a top-level `"skipped"` array.
///
/// ```
/// use corroborate::{read_file, LoadOptions, Skipped};
///
/// let dir = std::env::temp_dir().join(format!("corroborate-skipped-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("empty.txt");
/// std::fs::write(&path, "").unwrap();
/// let error = read_file(&path, &LoadOptions::default()).unwrap_err();
/// let skipped = Skipped::new(path.display().to_string(), &error);
/// assert!(skipped.error.ends_with("empty report (no text)"));
/// assert_eq!(
///     serde_json::to_value(&skipped).unwrap(),
///     serde_json::json!({"path": path.display().to_string(), "error": skipped.error}),
/// );
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The file (or `<stdin>`) as named on the command line or found in a
    /// directory.
    pub path: String,
    /// Why it was skipped: the one-line error message.
    pub error: String,
}

impl Skipped {
    /// A skipped file and the error that made it unreadable.
    pub fn new(path: impl Into<String>, error: &dyn std::fmt::Display) -> Skipped {
        Skipped {
            path: path.into(),
            error: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system's temporary one.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("corroborate-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn keep_going_skips_a_bad_jsonl_line_not_its_file() {
        let dir = scratch("bad-line");
        let mut lines = b"{\"id\": \"a\", \"text\": \"Floods hit Valencia.\"}\n".to_vec();
        lines.extend_from_slice(b"{\"id\": \"b\", \"text\": \"Cut off\n");
        lines.extend_from_slice(b"{\"id\": \"c\", \"text\": \"Bad \xff byte.\"}\r\n");
        lines.extend_from_slice(b"\n{\"id\": \"d\", \"text\": \"An election in Oslo.\"}\n");
        std::fs::write(dir.join("feed.jsonl"), &lines).unwrap();
        let keep = LoadOptions {
            keep_going: true,
            ..LoadOptions::default()
        };
        let loaded = load_with(&[&dir], &keep).unwrap();
        let ids: Vec<&str> = loaded.reports.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "d"]);
        let skipped: Vec<(&str, &str)> = loaded
            .skipped
            .iter()
            .map(|s| (s.path.as_str(), s.error.as_str()))
            .collect();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(skipped[0].0.ends_with("feed.jsonl:2"), "{skipped:?}");
        assert!(
            skipped[0].1.contains("invalid JSON at line 2"),
            "{skipped:?}"
        );
        assert!(skipped[1].0.ends_with("feed.jsonl:3"), "{skipped:?}");
        assert!(
            skipped[1]
                .1
                .ends_with("not valid UTF-8 (first invalid byte at offset 25)"),
            "{skipped:?}"
        );
        // Without keep-going the first bad line is the error.
        let err = load_with(&[&dir], &LoadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("feed.jsonl"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn inputs_past_the_total_limit_are_refused_before_they_are_read() {
        let dir = scratch("total");
        std::fs::write(dir.join("a.txt"), "Floods hit Valencia on Monday.").unwrap();
        std::fs::write(dir.join("b.txt"), "An election was held in Oslo.").unwrap();
        let limit = LoadOptions {
            max_total_bytes: 40,
            ..LoadOptions::default()
        };
        let err = load_with(&[&dir], &limit).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "b.txt: reading it brings the input to 59 bytes, over the total limit of 40 bytes"
            ),
            "{err}"
        );
        let keep = LoadOptions {
            keep_going: true,
            ..limit
        };
        let loaded = load_with(&[&dir], &keep).unwrap();
        assert_eq!(loaded.reports.len(), 1);
        assert_eq!(loaded.skipped.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn parse(format: &str, text: &str) -> Result<Vec<(String, Report)>> {
        parse_bytes(
            "in.x",
            "in",
            format,
            text.as_bytes().to_vec(),
            &LoadOptions::default(),
        )
    }

    #[test]
    fn bad_inputs_name_their_origin() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "txt",
                " date 2024-13-45 Title\nx",
                "in.x: invalid date \"2024-13-45\"",
            ),
            ("txt", " date 2024-08-21 \n  \n", "in.x: empty report"),
            ("txt", "", "in.x: empty report"),
            ("txt", "\u{feff}\u{200b} \n", "in.x: empty report"),
            (
                "json",
                "{\"id\": \"a\", \"text\": \"\\ufeff\"}",
                "in.x: empty report",
            ),
            (
                "json",
                "{\"id\": \"a\", \"text\": ",
                "in.x: invalid JSON at line 1",
            ),
            (
                "json",
                "{\"id\": \"a\", \"text\": \"x\", \"published\": \"yesterday\"}",
                "in.x: invalid date",
            ),
            (
                "jsonl",
                "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\"}",
                "in.x: invalid JSON at line 2",
            ),
            (
                "jsonl",
                "{\"id\":\"a\",\"text\":\"   \"}",
                "in.x:1: empty report",
            ),
        ];
        for (format, text, want) in cases {
            let err = parse(format, text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{format} {text:?}: {err}");
        }
    }

    #[test]
    fn not_utf8_names_the_offset() {
        let err = parse_bytes(
            "f.txt",
            "f",
            "txt",
            vec![b'o', b'k', 0xff],
            &LoadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.txt: not valid UTF-8 (first invalid byte at offset 2)"
        );
    }

    #[test]
    fn json_forms() {
        let one = parse(
            "json",
            r#"{"id": "x", "text": "Hello.", "published": "2024-01-02T10:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(one[0].1.published, Some(jiff::civil::date(2024, 1, 2)));
        let many = parse(
            "json",
            r#"[{"text": "A."}, {"id": "b", "text": "B.", "outlet": "AP"}]"#,
        )
        .unwrap();
        assert_eq!(many[0].1.id, "in_1");
        assert_eq!(many[1].1.outlet.as_deref(), Some("AP"));
        let lines = parse(
            "jsonl",
            "{\"id\":\"a\",\"text\":\"A.\"}\n\n{\"id\":\"b\",\"text\":\"B.\"}\n",
        )
        .unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].0, "in.x:3");
        // The event label: kept as given; blank is none.
        let labelled = parse(
            "jsonl",
            "{\"text\":\"A.\",\"event\":\"quake-2023\"}\n{\"text\":\"B.\",\"event\":\" \"}\n",
        )
        .unwrap();
        let events: Vec<Option<&str>> = labelled.iter().map(|(_, r)| r.event.as_deref()).collect();
        assert_eq!(events, [Some("quake-2023"), None]);
    }

    #[test]
    fn not_utf8_in_jsonl_names_the_line() {
        let bytes = b"{\"text\": \"A.\"}\n\n{\"text\": \"caf\xe9\"}\n".to_vec();
        let err = parse_bytes("f.jsonl", "f", "jsonl", bytes, &LoadOptions::default());
        assert_eq!(
            err.unwrap_err().to_string(),
            "f.jsonl:3: not valid UTF-8 (first invalid byte at offset 29)"
        );
    }

    #[test]
    fn json_errors_say_what_and_where() {
        let err = parse("json", "{}").unwrap_err().to_string();
        assert_eq!(
            err,
            "in.x: invalid JSON at line 1, column 2: missing field `text`"
        );
        let err = parse("json", "[{\"text\": \"A.\"},\n {\"txt\": \"B.\"}]")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("in.x: invalid JSON at line 2, column 7: unknown field `txt`"),
            "{err}"
        );
        // A byte-order mark before the JSON is not an error.
        assert_eq!(
            parse("json", "\u{feff}{\"text\": \"A.\"}").unwrap().len(),
            1
        );
        assert_eq!(
            parse("jsonl", "\u{feff}{\"text\": \"A.\"}\n")
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn errors_in_a_json_array_name_the_report() {
        let err = parse("json", r#"[{"text": "A."}, {"text": " "}]"#).unwrap_err();
        assert_eq!(err.to_string(), "in.x (report 2): empty report (no text)");
        let err = parse("json", r#"[{"text": "A.", "published": "soon"}]"#).unwrap_err();
        assert!(
            err.to_string().starts_with("in.x (report 1): invalid date"),
            "{err}"
        );
    }

    #[test]
    fn size_limit() {
        let options = LoadOptions {
            max_report_bytes: 4,
            ..LoadOptions::default()
        };
        let err = parse_bytes("f.txt", "f", "txt", b"hello".to_vec(), &options).unwrap_err();
        assert!(matches!(
            err,
            Error::TooLarge {
                size: 5,
                limit: 4,
                ..
            }
        ));
        assert_eq!(
            err.to_string(),
            "f.txt: report is 5 bytes, over the limit of 4 bytes"
        );
        // The limit is on each report's text, not on the file.
        let lines = b"{\"text\": \"abc\"}\n{\"text\": \"abcde\"}\n".to_vec();
        let err = parse_bytes("f.jsonl", "f", "jsonl", lines, &options).unwrap_err();
        assert!(err.to_string().starts_with("f.jsonl:2: report is 5 bytes"));
        let array = br#"[{"text": "abc"}, {"text": "abcd"}, {"text": "abcde"}]"#.to_vec();
        let err = parse_bytes("f.json", "f", "json", array, &options).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("f.json (report 3): report is 5"));
    }

    #[test]
    fn text_files_over_the_limit_are_refused() {
        let dir = std::env::temp_dir().join(format!("corroborate-limit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        std::fs::write(&path, "x".repeat(100)).unwrap();
        let small = LoadOptions {
            max_report_bytes: 99,
            ..LoadOptions::default()
        };
        let err = read_file(&path, &small).unwrap_err();
        assert!(matches!(
            err,
            Error::TooLarge {
                size: 100,
                limit: 99,
                ..
            }
        ));
        let exact = LoadOptions {
            max_report_bytes: 100,
            ..LoadOptions::default()
        };
        assert_eq!(read_file(&path, &exact).unwrap().len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
