//! `corroborate._native`: the engine's entry points for the Python package.
//!
//! Reports come in as Python objects (dicts, or objects with the report's
//! attributes) and are checked by the engine's own rules
//! ([`ReportFields::into_report`]); results go out as the engine's JSON,
//! the contract in DESIGN.md, which the package reads into its classes.
//! Every call that does real work releases the GIL.

use std::collections::HashMap;
use std::path::PathBuf;

use corroborate::distributed::{self, CorpusCounts};
use corroborate::render::{self, Format, Options};
use corroborate::{
    CompareConfig, Comparison, Error, EventConfig, EventIndex, LoadOptions, Report, ReportFields,
    Skipped,
};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyInt, PyString, PyType};
use rayon::prelude::*;

/// The fields a report may have, as in the JSON input format.
const FIELDS: [&str; 7] = ["id", "text", "outlet", "published", "title", "url", "event"];

/// An exception of `corroborate._errors` (defined in Python so that it
/// can subclass both the package's `Error` and `ValueError` or `OSError`).
fn raise(py: Python<'_>, class: &str, message: String) -> PyErr {
    let class = py
        .import("corroborate._errors")
        .and_then(|m| m.getattr(class))
        .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
    match class {
        Ok(class) => PyErr::from_type(class, message),
        Err(e) => e,
    }
}

/// The engine's error as `ReadError` (a file could not be read) or
/// `InputError` (bad input), with the engine's message.
fn input_error(py: Python<'_>, error: Error) -> PyErr {
    let class = match error {
        Error::Io { .. } => "ReadError",
        _ => "InputError",
    };
    raise(py, class, error.to_string())
}

/// A serde_json message without its " at line 1 column 9": the JSON was
/// made from a Python object, so the place means nothing to the caller.
fn json_message(error: &serde_json::Error) -> String {
    let mut message = error.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    message
}

/// One field's value: a str, None, or (for `published`) anything with an
/// `isoformat()` (a `date`, a `datetime`, a pandas `Timestamp`). A float
/// NaN, pandas' mark of a missing value, is None. An int id is its digits.
fn field_value(origin: &str, name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if value.is_none() {
        return Ok(None);
    }
    if value.is_instance_of::<PyString>() {
        return value.extract().map(Some);
    }
    if name != "text" && value.is_instance_of::<PyFloat>() && value.extract::<f64>()?.is_nan() {
        return Ok(None);
    }
    if name == "id" && value.is_instance_of::<PyInt>() {
        return Ok(Some(value.str()?.extract()?));
    }
    if name == "published" && value.hasattr("isoformat")? {
        return value.call_method0("isoformat")?.extract().map(Some);
    }
    let expected = match name {
        "text" => "a str",
        "id" => "a str, an int or None",
        "published" => "a str, a date or None",
        _ => "a str or None",
    };
    Err(PyTypeError::new_err(format!(
        "{origin}: {name} must be {expected}, not {}",
        value.get_type().name()?
    )))
}

/// The fields of one report given as a dict (unknown keys are an error)
/// or as an object with the fields as attributes (a `Report`, a named
/// tuple, a pandas row).
fn report_fields(py: Python<'_>, origin: &str, item: &Bound<'_, PyAny>) -> PyResult<ReportFields> {
    let mut fields = ReportFields::default();
    let mut text = None;
    let mut set = |name: &str, value: &Bound<'_, PyAny>| -> PyResult<()> {
        let value = field_value(origin, name, value)?;
        match name {
            "id" => fields.id = value,
            "text" => text = value,
            "outlet" => fields.outlet = value,
            "published" => fields.published = value,
            "title" => fields.title = value,
            "url" => fields.url = value,
            _ => fields.event = value,
        }
        Ok(())
    };
    if let Ok(dict) = item.cast::<PyDict>() {
        for (key, value) in dict.iter() {
            let name: String = key.extract().map_err(|_| {
                raise(
                    py,
                    "InputError",
                    format!("{origin}: field names must be str"),
                )
            })?;
            if !FIELDS.contains(&name.as_str()) {
                let known = FIELDS.join(", ");
                let message = format!("{origin}: unknown field {name:?} (expected {known})");
                return Err(raise(py, "InputError", message));
            }
            set(&name, &value)?;
        }
    } else if item.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{origin}: a report is a dict or a Report, not a str (use Report(id, text))"
        )));
    } else {
        for name in FIELDS {
            if let Some(value) = item.getattr_opt(name)? {
                set(name, &value)?;
            }
        }
    }
    fields.text = text.ok_or_else(|| raise(py, "InputError", format!("{origin}: no text")))?;
    Ok(fields)
}

/// Reports from any iterable of report-like objects, checked as the
/// loader checks a JSON array: `reports[i]` names each in errors, a
/// missing id is `report_{i + 1}`, ids are unique.
fn reports_from(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<Vec<Report>> {
    reports_named(py, items, |i, _| format!("reports[{i}]"))
}

/// Rows of a Spark DataFrame as reports: each named in errors by its id,
/// as the rows have no order.
fn rows_from(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<Vec<Report>> {
    reports_named(py, items, |i, item| {
        let id = item
            .cast::<PyDict>()
            .ok()
            .and_then(|row| row.get_item("id").ok().flatten())
            .and_then(|id| id.extract::<String>().ok());
        match id {
            Some(id) => format!("report {id:?}"),
            None => format!("row {i} of a batch"),
        }
    })
}

/// [`reports_from`], with `origin(i, item)` naming each report in errors.
fn reports_named(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    origin: impl Fn(usize, &Bound<'_, PyAny>) -> String,
) -> PyResult<Vec<Report>> {
    let mut reports = Vec::new();
    let mut first: HashMap<String, String> = HashMap::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        let origin = origin(i, &item);
        let fields = report_fields(py, &origin, &item)?;
        let report = fields
            .into_report(&origin, format!("report_{}", i + 1))
            .map_err(|e| input_error(py, e))?;
        if let Some(before) = first.get(&report.id) {
            let error = Error::DuplicateId {
                id: report.id,
                first: before.clone(),
                second: origin,
            };
            return Err(input_error(py, error));
        }
        first.insert(report.id.clone(), origin);
        reports.push(report);
    }
    Ok(reports)
}

/// Settings from their JSON (what the package makes of a `config` dict):
/// missing fields keep their defaults, unknown ones are an error.
fn settings<T: Default + for<'de> serde::Deserialize<'de>>(
    py: Python<'_>,
    config: Option<&str>,
) -> PyResult<T> {
    match config {
        None => Ok(T::default()),
        Some(json) => serde_json::from_str(json).map_err(|e| {
            let message = format!("config: {}", json_message(&e));
            raise(py, "InputError", message)
        }),
    }
}

/// Plain data as compact JSON.
fn to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// What the engine writes, as the command-line tool writes it.
fn written(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> PyResult<String> {
    let mut out = Vec::new();
    write(&mut out)?;
    String::from_utf8(out).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// A finished comparison, with the reports it compared (the HTML and
/// Markdown renderers show evidence in its sentence) and the input files
/// that were skipped.
#[pyclass(frozen, module = "corroborate._native")]
struct NativeComparison {
    comparison: Comparison,
    reports: Vec<Report>,
    skipped: Option<Vec<Skipped>>,
}

impl NativeComparison {
    fn render(&self, py: Python<'_>, format: Format, color: bool) -> PyResult<String> {
        py.detach(|| {
            let mut options = Options::new().reports(&self.reports).color(color);
            if let Some(skipped) = &self.skipped {
                options = options.skipped(skipped);
            }
            written(|out| render::write_with(out, &self.comparison, format, &options))
        })
    }
}

#[pymethods]
impl NativeComparison {
    /// The JSON of `corroborate compare --format json`, byte for byte.
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        self.render(py, Format::Json, false)
    }

    /// The plain-text rendering, with ANSI colours when `color`.
    #[pyo3(signature = (color = false))]
    fn text(&self, py: Python<'_>, color: bool) -> PyResult<String> {
        self.render(py, Format::Text, color)
    }

    /// The Markdown rendering.
    fn markdown(&self, py: Python<'_>) -> PyResult<String> {
        self.render(py, Format::Markdown, false)
    }

    /// The self-contained HTML page.
    fn html(&self, py: Python<'_>) -> PyResult<String> {
        self.render(py, Format::Html, false)
    }

    /// The number of events.
    fn __len__(&self) -> usize {
        self.comparison.events.len()
    }

    /// The ids of the reports compared, in the order given (a report
    /// without one has its fallback id).
    fn ids(&self) -> Vec<String> {
        self.reports.iter().map(|r| r.id.clone()).collect()
    }
}

/// Compares reports; `skipped` are `(path, error)` pairs of input files
/// that `load` skipped, carried into the JSON as `--keep-going` does.
#[pyfunction]
#[pyo3(signature = (reports, config = None, one_event = false, skipped = None))]
fn compare(
    py: Python<'_>,
    reports: &Bound<'_, PyAny>,
    config: Option<&str>,
    one_event: bool,
    skipped: Option<Vec<(String, String)>>,
) -> PyResult<NativeComparison> {
    let reports = reports_from(py, reports)?;
    let mut config: CompareConfig = settings(py, config)?;
    config.events.one_event |= one_event;
    let comparison = py.detach(|| corroborate::compare_with(&reports, &config));
    let skipped = skipped.map(|s| {
        s.into_iter()
            .map(|(path, error)| Skipped { path, error })
            .collect()
    });
    Ok(NativeComparison {
        comparison,
        reports,
        skipped,
    })
}

/// The JSON of `corroborate extract` for these reports, extracted in
/// parallel.
#[pyfunction]
fn extract(py: Python<'_>, reports: &Bound<'_, PyAny>) -> PyResult<String> {
    let reports = reports_from(py, reports)?;
    Ok(py.detach(|| {
        let found: Vec<_> = reports.par_iter().map(corroborate::extract).collect();
        render::extraction_json(&found)
    }))
}

/// The JSON of `corroborate events`: which reports cover one event.
#[pyfunction]
#[pyo3(signature = (reports, config = None, one_event = false))]
fn group(
    py: Python<'_>,
    reports: &Bound<'_, PyAny>,
    config: Option<&str>,
    one_event: bool,
) -> PyResult<String> {
    let reports = reports_from(py, reports)?;
    let mut config: EventConfig = settings(py, config)?;
    config.one_event |= one_event;
    Ok(py.detach(|| {
        let groups = corroborate::group_reports(&reports, &config);
        render::events_json(&groups, &Options::new())
    }))
}

/// How likely two statements make one claim, in `[0, 1]`.
#[pyfunction]
fn similarity(py: Python<'_>, a: &str, b: &str) -> f64 {
    py.detach(|| corroborate::similarity(a, b))
}

/// Reads report files and directories as the command-line tool does: the
/// reports as JSON, and the skipped inputs as `(path, error)` pairs.
#[pyfunction]
#[pyo3(signature = (paths, keep_going = false, max_report_bytes = None, max_total_bytes = None))]
fn load(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    keep_going: bool,
    max_report_bytes: Option<usize>,
    max_total_bytes: Option<u64>,
) -> PyResult<(String, Vec<(String, String)>)> {
    let defaults = LoadOptions::default();
    let options = LoadOptions {
        keep_going,
        max_report_bytes: max_report_bytes.unwrap_or(defaults.max_report_bytes),
        max_total_bytes: max_total_bytes.unwrap_or(defaults.max_total_bytes),
        ..defaults
    };
    let loaded = py
        .detach(|| corroborate::load_with(&paths, &options))
        .map_err(|e| input_error(py, e))?;
    let json = to_json(&loaded.reports)?;
    let skipped = loaded
        .skipped
        .into_iter()
        .map(|s| (s.path, s.error))
        .collect();
    Ok((json, skipped))
}

/// The default settings of `compare`, as JSON.
#[pyfunction]
fn default_config() -> PyResult<String> {
    to_json(&CompareConfig::default())
}

/// The JSON Schema of one output: `compare`, `extract` or `events`.
#[pyfunction]
fn schema(py: Python<'_>, which: &str) -> PyResult<&'static str> {
    match which {
        "compare" => Ok(render::COMPARE_SCHEMA),
        "extract" => Ok(render::EXTRACT_SCHEMA),
        "events" => Ok(render::EVENTS_SCHEMA),
        _ => Err(raise(
            py,
            "InputError",
            format!("no schema {which:?} (expected compare, extract or events)"),
        )),
    }
}

/// An event index for a stream of reports: each batch is extracted (in
/// parallel) and grouped with what came before.
#[pyclass(module = "corroborate._native")]
struct NativeIndex {
    index: EventIndex,
}

#[pymethods]
impl NativeIndex {
    #[new]
    #[pyo3(signature = (config = None))]
    fn new(py: Python<'_>, config: Option<&str>) -> PyResult<NativeIndex> {
        Ok(NativeIndex {
            index: EventIndex::new(settings(py, config)?),
        })
    }

    /// Adds reports; the id of the event each joined, in order.
    fn add(&mut self, py: Python<'_>, reports: &Bound<'_, PyAny>) -> PyResult<Vec<u64>> {
        let reports = reports_from(py, reports)?;
        let index = &mut self.index;
        Ok(py.detach(|| {
            let found: Vec<_> = reports.par_iter().map(corroborate::extract).collect();
            index
                .insert_batch(&found)
                .into_iter()
                .map(|id| id.0)
                .collect()
        }))
    }

    /// The events, as JSON.
    fn events(&self) -> PyResult<String> {
        to_json(&self.index.events())
    }

    /// Removes and returns (as JSON) the events older than the index's
    /// retention.
    fn retire(&mut self) -> PyResult<String> {
        to_json(&self.index.retire())
    }

    /// Reports held.
    fn __len__(&self) -> usize {
        self.index.len()
    }

    /// The whole index as JSON, to save and restore.
    fn state(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| to_json(&self.index))
    }

    /// An index restored from [`NativeIndex::state`].
    #[staticmethod]
    fn from_state(py: Python<'_>, state: &str) -> PyResult<NativeIndex> {
        let index = py.detach(|| serde_json::from_str(state)).map_err(|e| {
            raise(
                py,
                "InputError",
                format!("index state: {}", json_message(&e)),
            )
        })?;
        Ok(NativeIndex { index })
    }
}

/// Corpus-wide counts for the distributed steps (see
/// `corroborate::distributed`), made once per worker from the packed
/// tables the driver broadcasts.
#[pyclass(frozen, module = "corroborate._native")]
struct NativeCounts {
    counts: CorpusCounts,
    matcher: corroborate::Matcher,
}

/// Little-endian 64-bit words.
fn words(name: &str, bytes: &[u8]) -> PyResult<Vec<u64>> {
    if bytes.len() % 8 != 0 {
        return Err(PyTypeError::new_err(format!(
            "{name}: {} bytes is not a whole number of 64-bit words",
            bytes.len()
        )));
    }
    Ok(bytes
        .chunks_exact(8)
        .map(|w| u64::from_le_bytes(w.try_into().expect("8 bytes")))
        .collect())
}

/// Keys and counts, packed as little-endian 64-bit words.
fn table(name: &str, keys: &[u8], counts: &[u8]) -> PyResult<Vec<(u64, u64)>> {
    let (keys, counts) = (words(name, keys)?, words(name, counts)?);
    if keys.len() != counts.len() {
        return Err(PyTypeError::new_err(format!(
            "{name}: {} keys but {} counts",
            keys.len(),
            counts.len()
        )));
    }
    Ok(keys.into_iter().zip(counts).collect())
}

#[pymethods]
impl NativeCounts {
    /// Counts of `reports` reports and `statements` statements: the event
    /// terms in at least two reports and every statement stem, each as
    /// packed keys and counts.
    #[new]
    fn new(
        py: Python<'_>,
        reports: u64,
        statements: u64,
        term_keys: &[u8],
        term_counts: &[u8],
        stem_keys: &[u8],
        stem_counts: &[u8],
    ) -> PyResult<NativeCounts> {
        let terms = table("terms", term_keys, term_counts)?;
        let stems = table("stems", stem_keys, stem_counts)?;
        let terms = terms
            .into_iter()
            .map(|(t, n)| {
                u32::try_from(t)
                    .map(|t| (t, n))
                    .map_err(|_| PyTypeError::new_err(format!("terms: {t} is not a term")))
            })
            .collect::<PyResult<_>>()?;
        Ok(py.detach(|| {
            let counts = CorpusCounts {
                reports,
                terms,
                statements,
                stems: stems.into_iter().collect(),
            };
            let matcher = counts.matcher();
            NativeCounts { counts, matcher }
        }))
    }
}

/// One report's row of the distributed terms step: id, outlet,
/// published (ISO), title, label, event terms, their weights, statement
/// stems (as signed 64-bit, the columns' type), their counts, statements.
type TermsRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<u32>,
    Vec<f32>,
    Vec<i64>,
    Vec<u32>,
    u32,
);

/// Extracts a batch of reports (in parallel) and reads, per report, what
/// the corpus-wide steps count.
#[pyfunction]
#[pyo3(signature = (reports, config = None))]
fn spark_terms(
    py: Python<'_>,
    reports: &Bound<'_, PyAny>,
    config: Option<&str>,
) -> PyResult<Vec<TermsRow>> {
    let reports = rows_from(py, reports)?;
    let config: CompareConfig = settings(py, config)?;
    Ok(py.detach(|| {
        distributed::reports_terms(&reports, &config)
            .into_iter()
            .map(|t| {
                let (terms, weights) = t.terms.into_iter().unzip();
                let (stems, counts): (Vec<u64>, Vec<u32>) = t.stems.into_iter().unzip();
                (
                    t.info.id,
                    t.info.outlet,
                    t.info.published.map(|d| d.to_string()),
                    t.info.title,
                    t.label,
                    terms,
                    weights,
                    stems.into_iter().map(|s| s as i64).collect(),
                    counts,
                    t.statements,
                )
            })
            .collect()
    }))
}

/// The weighed vectors of a batch of reports' terms.
#[pyfunction]
#[pyo3(signature = (counts, terms, weights, config = None))]
fn spark_vectors(
    py: Python<'_>,
    counts: &NativeCounts,
    terms: Vec<Vec<u32>>,
    weights: Vec<Vec<f32>>,
    config: Option<&str>,
) -> PyResult<Vec<(Vec<u32>, Vec<f32>)>> {
    let config: CompareConfig = settings(py, config)?;
    Ok(py.detach(|| {
        terms
            .into_par_iter()
            .zip(weights)
            .map(|(terms, weights)| {
                let report = distributed::ReportTerms {
                    info: corroborate::ReportInfo {
                        id: String::new(),
                        outlet: None,
                        published: None,
                        title: None,
                    },
                    label: None,
                    terms: terms.into_iter().zip(weights).collect(),
                    stems: Vec::new(),
                    statements: 0,
                };
                distributed::report_vector(&report, &counts.counts, &config.events)
                    .into_iter()
                    .unzip()
            })
            .collect()
    }))
}

/// A date given as ISO text.
fn iso_date(
    py: Python<'_>,
    origin: &str,
    day: Option<&str>,
) -> PyResult<Option<jiff::civil::Date>> {
    day.map(|day| {
        day.parse().map_err(|e| {
            raise(
                py,
                "InputError",
                format!("{origin}: published {day:?}: {e}"),
            )
        })
    })
    .transpose()
}

/// Reports to group, from their columns: ids, ISO dates, labels, vectors.
fn weighed(
    py: Python<'_>,
    ids: Vec<String>,
    published: Vec<Option<String>>,
    labels: Vec<Option<String>>,
    terms: Vec<Vec<u32>>,
    weights: Vec<Vec<f32>>,
) -> PyResult<Vec<distributed::WeighedReport>> {
    let mut reports = Vec::with_capacity(ids.len());
    let columns = ids
        .into_iter()
        .zip(published)
        .zip(labels)
        .zip(terms)
        .zip(weights);
    for ((((id, published), label), terms), weights) in columns {
        let published = iso_date(py, &id, published.as_deref())?;
        reports.push(distributed::WeighedReport {
            id,
            published,
            label,
            vector: terms.into_iter().zip(weights).collect(),
        });
    }
    Ok(reports)
}

/// The name of a group of reports (the key Spark groups by): `event-`
/// and its first report id, as the event's id in the output.
fn key<'a>(ids: impl IntoIterator<Item = &'a String>) -> String {
    format!("event-{}", ids.into_iter().min().map_or("", String::as_str))
}

/// Groups one block of reports (ids, ISO dates, labels, vectors) of a
/// corpus of `corpus_reports`: each report's event, and the boundaries its
/// event reaches (none when the corpus is a single block).
#[pyfunction]
#[pyo3(signature = (ids, published, labels, terms, weights, block, single, corpus_reports, config = None))]
#[allow(clippy::too_many_arguments)]
fn spark_group(
    py: Python<'_>,
    ids: Vec<String>,
    published: Vec<Option<String>>,
    labels: Vec<Option<String>>,
    terms: Vec<Vec<u32>>,
    weights: Vec<Vec<f32>>,
    block: i64,
    single: bool,
    corpus_reports: u64,
    config: Option<&str>,
) -> PyResult<Vec<(String, Vec<i64>)>> {
    let config: CompareConfig = settings(py, config)?;
    let reports = weighed(py, ids, published, labels, terms, weights)?;
    Ok(py.detach(|| {
        let mut out = vec![(String::new(), Vec::new()); reports.len()];
        let groups = distributed::group_weighed(reports.clone(), corpus_reports, &config.events);
        for group in groups {
            let event: Vec<_> = group.iter().map(|&i| reports[i].clone()).collect();
            let name = key(event.iter().map(|r| &r.id));
            let edges = if single {
                Vec::new()
            } else {
                distributed::edges(block, &event, &config.events)
            };
            for &i in &group {
                out[i] = (name.clone(), edges.clone());
            }
        }
        out
    }))
}

/// Groups again the reports of the events that meet at one boundary
/// (columns as for `spark_group`, with each report's block and event):
/// each report's new event.
#[pyfunction]
#[pyo3(signature = (ids, published, labels, terms, weights, blocks, events, corpus_reports, config = None))]
#[allow(clippy::too_many_arguments)]
fn spark_merge(
    py: Python<'_>,
    ids: Vec<String>,
    published: Vec<Option<String>>,
    labels: Vec<Option<String>>,
    terms: Vec<Vec<u32>>,
    weights: Vec<Vec<f32>>,
    blocks: Vec<i64>,
    events: Vec<String>,
    corpus_reports: u64,
    config: Option<&str>,
) -> PyResult<Vec<String>> {
    let config: CompareConfig = settings(py, config)?;
    let reports = weighed(py, ids, published, labels, terms, weights)?;
    if blocks.len() != reports.len() || events.len() != reports.len() {
        return Err(PyTypeError::new_err(
            "spark_merge: columns of different lengths",
        ));
    }
    Ok(py.detach(|| {
        // The events, in order of their names, and where each report is.
        let mut by_event: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
        for (i, event) in events.iter().enumerate() {
            by_event.entry(event).or_default().push(i);
        }
        let members: Vec<Vec<usize>> = by_event.into_values().collect();
        let given = members
            .iter()
            .map(|m| {
                (
                    blocks[m[0]],
                    m.iter().map(|&i| reports[i].clone()).collect(),
                )
            })
            .collect();
        let mut out = vec![String::new(); reports.len()];
        for group in distributed::merge_edges(given, corpus_reports, &config.events) {
            let at: Vec<usize> = group.iter().map(|&(e, r)| members[e][r]).collect();
            let name = key(at.iter().map(|&i| &reports[i].id));
            for i in at {
                out[i] = name.clone();
            }
        }
        out
    }))
}

/// For events of a corpus of several blocks that carry labels (each event
/// once, with its label): the event each is one with.
#[pyfunction]
fn spark_labels(events: Vec<String>, labels: Vec<String>) -> Vec<String> {
    let labels: Vec<Option<&str>> = labels.iter().map(|l| Some(l.as_str())).collect();
    distributed::unite_labels(&labels)
        .into_iter()
        .map(|root| events.get(root).cloned().unwrap_or_default())
        .collect()
}

/// Whether a corpus with these distinct ISO dates is a single block, and
/// the block of each date.
#[pyfunction]
#[pyo3(signature = (dates, config = None))]
fn spark_blocks(
    py: Python<'_>,
    dates: Vec<Option<String>>,
    config: Option<&str>,
) -> PyResult<(bool, Vec<i64>)> {
    let config: CompareConfig = settings(py, config)?;
    let parsed = dates
        .iter()
        .map(|d| iso_date(py, "a report", d.as_deref()))
        .collect::<PyResult<Vec<_>>>()?;
    Ok((
        distributed::single_block(&parsed, &config.events),
        distributed::blocks(&parsed, &config.events),
    ))
}

/// The records of one event (its reports, in any order), as the JSON of
/// one event of `compare`.
#[pyfunction]
#[pyo3(signature = (counts, reports, config = None))]
fn spark_align(
    py: Python<'_>,
    counts: &NativeCounts,
    reports: &Bound<'_, PyAny>,
    config: Option<&str>,
) -> PyResult<String> {
    let reports = rows_from(py, reports)?;
    let config: CompareConfig = settings(py, config)?;
    let event = py.detach(|| distributed::align_event(&reports, &counts.matcher, &config));
    let event = event.ok_or_else(|| raise(py, "InputError", "an event of no reports".into()))?;
    py.detach(|| to_json(&event))
}

/// The engine, for the `corroborate` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SCHEMA_VERSION", corroborate::SCHEMA_VERSION)?;
    m.add_class::<NativeComparison>()?;
    m.add_class::<NativeIndex>()?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(group, m)?)?;
    m.add_function(wrap_pyfunction!(similarity, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(default_config, m)?)?;
    m.add_class::<NativeCounts>()?;
    m.add_function(wrap_pyfunction!(spark_terms, m)?)?;
    m.add_function(wrap_pyfunction!(spark_vectors, m)?)?;
    m.add_function(wrap_pyfunction!(spark_blocks, m)?)?;
    m.add_function(wrap_pyfunction!(spark_group, m)?)?;
    m.add_function(wrap_pyfunction!(spark_merge, m)?)?;
    m.add_function(wrap_pyfunction!(spark_labels, m)?)?;
    m.add_function(wrap_pyfunction!(spark_align, m)?)?;
    Ok(())
}
