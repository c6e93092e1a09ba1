//! `corroborate._native`: the engine's entry points for the Python package.
//!
//! Reports come in as Python objects (dicts, or objects with the report's
//! attributes) and are checked by the engine's own rules
//! ([`ReportFields::into_report`]); results go out as the engine's JSON,
//! the contract in DESIGN.md, which the package reads into its classes.
//! Every call that does real work releases the GIL.

use std::collections::HashMap;
use std::path::PathBuf;

use corroborate::render::{self, Format, Options};
use corroborate::{
    CompareConfig, Comparison, Error, EventConfig, EventIndex, LoadOptions, Report, ReportFields,
    Skipped,
};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyInt, PyString, PyType};
use rayon::prelude::*;

mod spark;

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
    spark::register(m)?;
    Ok(())
}
