//! The distributed steps (`corroborate::distributed`) for
//! `corroborate.spark`: each call takes one Arrow batch or one group of a
//! Spark job. List columns cross as Arrow lays them out — offsets into a
//! buffer of values, as bytes — so a batch costs no Python object per
//! term.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use corroborate::distributed::{self, CorpusCounts, WeighedReport};
use corroborate::CompareConfig;
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyBytes;
use rayon::prelude::*;

use crate::{raise, rows_from, settings, to_json};

/// Corpus-wide counts, made once per worker from the packed tables the
/// driver broadcasts.
#[pyclass(frozen, module = "corroborate._native")]
pub(crate) struct NativeCounts {
    counts: CorpusCounts,
    matcher: corroborate::Matcher,
}

/// Runs `work` on `threads` threads (the cores Spark gave the task, so
/// that tasks side by side do not each take every core), or on the
/// global pool. A pool of each size is made once per worker.
fn on_cores<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let Some(n) = threads.map(|n| n.max(1)) else {
        return Ok(work());
    };
    let pool = {
        let mut pools = POOLS
            .get_or_init(Mutex::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match pools.get(&n) {
            Some(pool) => Arc::clone(pool),
            None => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyRuntimeError::new_err(format!("a pool of {n} threads: {e}")))?;
                let pool = Arc::new(pool);
                pools.insert(n, Arc::clone(&pool));
                pool
            }
        }
    };
    Ok(pool.install(work))
}

/// A buffer of little-endian values of `N` bytes each.
fn values<T, const N: usize>(name: &str, bytes: &[u8], read: fn([u8; N]) -> T) -> PyResult<Vec<T>> {
    if bytes.len() % N != 0 {
        return Err(PyTypeError::new_err(format!(
            "{name}: {} bytes is not a whole number of {N}-byte values",
            bytes.len()
        )));
    }
    Ok(bytes
        .chunks_exact(N)
        .map(|w| read(w.try_into().expect("N bytes")))
        .collect())
}

/// Lists as Arrow lays them out: `offsets` (64-bit, one more than there
/// are lists) into `values`.
fn lists<T: Copy, const N: usize>(
    name: &str,
    offsets: &[u8],
    bytes: &[u8],
    read: fn([u8; N]) -> T,
) -> PyResult<Vec<Vec<T>>> {
    let offsets = values(name, offsets, i64::from_le_bytes)?;
    let all = values(name, bytes, read)?;
    let bad = || PyTypeError::new_err(format!("{name}: offsets outside the values"));
    offsets
        .windows(2)
        .map(|w| {
            let (a, b) = (
                usize::try_from(w[0]).map_err(|_| bad())?,
                usize::try_from(w[1]).map_err(|_| bad())?,
            );
            all.get(a..b).map(<[T]>::to_vec).ok_or_else(bad)
        })
        .collect()
}

/// Terms (64-bit in the columns) as the engine's.
fn terms_of(name: &str, offsets: &[u8], bytes: &[u8]) -> PyResult<Vec<Vec<u32>>> {
    lists(name, offsets, bytes, i64::from_le_bytes)?
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|t| {
                    u32::try_from(t)
                        .map_err(|_| PyTypeError::new_err(format!("{name}: {t} is not a term")))
                })
                .collect()
        })
        .collect()
}

/// Lists packed for Arrow: 32-bit offsets and the values, as bytes.
fn pack<T: Copy, const N: usize>(
    py: Python<'_>,
    lists: &[Vec<T>],
    write: fn(T) -> [u8; N],
) -> PyResult<(Py<PyBytes>, Py<PyBytes>)> {
    let mut offsets = Vec::with_capacity(4 * (lists.len() + 1));
    let mut out = Vec::new();
    let mut at: i32 = 0;
    offsets.extend(at.to_le_bytes());
    for list in lists {
        let len = i32::try_from(list.len()).ok();
        at = len
            .and_then(|n| at.checked_add(n))
            .ok_or_else(|| PyTypeError::new_err("a batch of more than 2^31 values"))?;
        offsets.extend(at.to_le_bytes());
        for &v in list {
            out.extend(write(v));
        }
    }
    Ok((
        PyBytes::new(py, &offsets).unbind(),
        PyBytes::new(py, &out).unbind(),
    ))
}

#[pymethods]
impl NativeCounts {
    /// Counts of `reports` reports and `statements` statements: the event
    /// terms in at least two reports and every statement stem, each as
    /// packed little-endian 64-bit keys and counts.
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
        let table = |name: &str, keys: &[u8], counts: &[u8]| -> PyResult<Vec<(u64, u64)>> {
            let keys = values(name, keys, u64::from_le_bytes)?;
            let counts = values(name, counts, u64::from_le_bytes)?;
            if keys.len() != counts.len() {
                let message = format!("{name}: {} keys but {} counts", keys.len(), counts.len());
                return Err(PyTypeError::new_err(message));
            }
            Ok(keys.into_iter().zip(counts).collect())
        };
        let terms = table("terms", term_keys, term_counts)?
            .into_iter()
            .map(|(t, n)| {
                u32::try_from(t)
                    .map(|t| (t, n))
                    .map_err(|_| PyTypeError::new_err(format!("terms: {t} is not a term")))
            })
            .collect::<PyResult<_>>()?;
        let stems = table("stems", stem_keys, stem_counts)?;
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

/// The columns of the terms step for a batch: ids, outlets, ISO dates,
/// titles, labels, statement counts, then packed (offsets, values) for the
/// event terms, their weights (sharing the terms' offsets), the stems and
/// their counts (sharing the stems' offsets).
type TermsColumns = (
    Vec<String>,
    Vec<Option<String>>,
    Vec<Option<String>>,
    Vec<Option<String>>,
    Vec<Option<String>>,
    Vec<u32>,
    (Py<PyBytes>, Py<PyBytes>),
    Py<PyBytes>,
    (Py<PyBytes>, Py<PyBytes>),
    Py<PyBytes>,
);

/// Extracts a batch of reports (in parallel) and reads, per report, what
/// the corpus-wide steps count.
#[pyfunction]
#[pyo3(signature = (reports, config = None, threads = None))]
pub(crate) fn spark_terms(
    py: Python<'_>,
    reports: &Bound<'_, PyAny>,
    config: Option<&str>,
    threads: Option<usize>,
) -> PyResult<TermsColumns> {
    let reports = rows_from(py, reports)?;
    let config: CompareConfig = settings(py, config)?;
    let found =
        py.detach(|| on_cores(threads, || distributed::reports_terms(&reports, &config)))?;
    let n = found.len();
    let (mut ids, mut outlets, mut dates, mut titles, mut labels, mut statements) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut terms, mut weights, mut stems, mut counts) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for t in found {
        ids.push(t.info.id);
        outlets.push(t.info.outlet);
        dates.push(t.info.published.map(|d| d.to_string()));
        titles.push(t.info.title);
        labels.push(t.label);
        statements.push(t.statements);
        let (ts, ws): (Vec<i64>, Vec<f32>) =
            t.terms.into_iter().map(|(t, w)| (i64::from(t), w)).unzip();
        terms.push(ts);
        weights.push(ws);
        let (ss, cs): (Vec<i64>, Vec<i64>) = t
            .stems
            .into_iter()
            .map(|(s, n)| (s as i64, i64::from(n)))
            .unzip();
        stems.push(ss);
        counts.push(cs);
    }
    let terms = pack(py, &terms, i64::to_le_bytes)?;
    let weights = pack(py, &weights, f32::to_le_bytes)?.1;
    let stems = pack(py, &stems, i64::to_le_bytes)?;
    let counts = pack(py, &counts, i64::to_le_bytes)?.1;
    Ok((
        ids, outlets, dates, titles, labels, statements, terms, weights, stems, counts,
    ))
}

/// The weighed vectors of a batch of reports' terms (each list column
/// packed as offsets and values; out: offsets, terms, weights).
#[pyfunction]
#[pyo3(signature = (counts, terms, weights, config = None, threads = None))]
pub(crate) fn spark_vectors(
    py: Python<'_>,
    counts: &NativeCounts,
    terms: (PyBackedBytes, PyBackedBytes),
    weights: (PyBackedBytes, PyBackedBytes),
    config: Option<&str>,
    threads: Option<usize>,
) -> PyResult<(Py<PyBytes>, Py<PyBytes>, Py<PyBytes>)> {
    let config: CompareConfig = settings(py, config)?;
    let terms = terms_of("terms", &terms.0, &terms.1)?;
    let weights = lists("weights", &weights.0, &weights.1, f32::from_le_bytes)?;
    if terms.iter().map(Vec::len).ne(weights.iter().map(Vec::len)) {
        return Err(PyTypeError::new_err(
            "terms and weights of different lengths",
        ));
    }
    let vectors: Vec<(Vec<i64>, Vec<f32>)> = py.detach(|| {
        on_cores(threads, || {
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
                        .map(|(t, w)| (i64::from(t), w))
                        .unzip()
                })
                .collect()
        })
    })?;
    let (terms, weights): (Vec<Vec<i64>>, Vec<Vec<f32>>) = vectors.into_iter().unzip();
    let (offsets, terms) = pack(py, &terms, i64::to_le_bytes)?;
    let weights = pack(py, &weights, f32::to_le_bytes)?.1;
    Ok((offsets, terms, weights))
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

/// Reports to group, from their columns: ids, ISO dates, labels, and the
/// vectors packed.
struct Columns {
    ids: Vec<String>,
    published: Vec<Option<String>>,
    labels: Vec<Option<String>>,
    terms: (PyBackedBytes, PyBackedBytes),
    weights: (PyBackedBytes, PyBackedBytes),
}

impl Columns {
    fn reports(self, py: Python<'_>) -> PyResult<Vec<WeighedReport>> {
        let terms = terms_of("terms", &self.terms.0, &self.terms.1)?;
        let weights = lists(
            "weights",
            &self.weights.0,
            &self.weights.1,
            f32::from_le_bytes,
        )?;
        let n = self.ids.len();
        if [
            self.published.len(),
            self.labels.len(),
            terms.len(),
            weights.len(),
        ] != [n; 4]
            || terms.iter().map(Vec::len).ne(weights.iter().map(Vec::len))
        {
            return Err(PyTypeError::new_err("columns of different lengths"));
        }
        let rows = self
            .ids
            .into_iter()
            .zip(self.published)
            .zip(self.labels)
            .zip(terms)
            .zip(weights);
        rows.map(|((((id, published), label), terms), weights)| {
            Ok(WeighedReport {
                published: iso_date(py, &id, published.as_deref())?,
                id,
                label,
                vector: terms.into_iter().zip(weights).collect(),
            })
        })
        .collect()
    }
}

/// The name of a group of reports (the key Spark groups by): `event-`
/// and its first report id, as the event's id in the output.
fn key<'a>(ids: impl IntoIterator<Item = &'a String>) -> String {
    format!("event-{}", ids.into_iter().min().map_or("", String::as_str))
}

/// Groups one block of reports of a corpus of `corpus_reports`: each
/// report's event, and the boundaries its event reaches (none when the
/// corpus is a single block).
#[pyfunction]
#[pyo3(signature = (ids, published, labels, terms, weights, block, single, corpus_reports, config = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn spark_group(
    py: Python<'_>,
    ids: Vec<String>,
    published: Vec<Option<String>>,
    labels: Vec<Option<String>>,
    terms: (PyBackedBytes, PyBackedBytes),
    weights: (PyBackedBytes, PyBackedBytes),
    block: i64,
    single: bool,
    corpus_reports: u64,
    config: Option<&str>,
) -> PyResult<(Vec<String>, Vec<Vec<i64>>)> {
    let config: CompareConfig = settings(py, config)?;
    let columns = Columns {
        ids,
        published,
        labels,
        terms,
        weights,
    };
    let reports = columns.reports(py)?;
    Ok(py.detach(|| {
        let n = reports.len();
        let (mut events, mut reached) = (vec![String::new(); n], vec![Vec::new(); n]);
        // What `edges` reads of the reports, kept while their vectors go.
        let light: Vec<WeighedReport> = reports
            .iter()
            .map(|r| WeighedReport {
                id: r.id.clone(),
                published: r.published,
                label: r.label.clone(),
                vector: Vec::new(),
            })
            .collect();
        let groups = distributed::group_weighed(reports, corpus_reports, &config.events);
        for group in groups {
            let name = key(group.iter().map(|&i| &light[i].id));
            let edges = if single {
                Vec::new()
            } else {
                let event: Vec<WeighedReport> = group.iter().map(|&i| light[i].clone()).collect();
                distributed::edges(block, &event, &config.events)
            };
            for &i in &group {
                events[i] = name.clone();
                reached[i] = edges.clone();
            }
        }
        (events, reached)
    }))
}

/// Groups again the reports of the events that meet at one boundary
/// (columns as for `spark_group`, with each report's block and event):
/// each report's new event.
#[pyfunction]
#[pyo3(signature = (ids, published, labels, terms, weights, blocks, events, corpus_reports, config = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn spark_merge(
    py: Python<'_>,
    ids: Vec<String>,
    published: Vec<Option<String>>,
    labels: Vec<Option<String>>,
    terms: (PyBackedBytes, PyBackedBytes),
    weights: (PyBackedBytes, PyBackedBytes),
    blocks: Vec<i64>,
    events: Vec<String>,
    corpus_reports: u64,
    config: Option<&str>,
) -> PyResult<Vec<String>> {
    let config: CompareConfig = settings(py, config)?;
    let columns = Columns {
        ids,
        published,
        labels,
        terms,
        weights,
    };
    let reports = columns.reports(py)?;
    if blocks.len() != reports.len() || events.len() != reports.len() {
        return Err(PyTypeError::new_err(
            "spark_merge: columns of different lengths",
        ));
    }
    Ok(py.detach(|| {
        // The events, in order of their names, and where each report is.
        let mut by_event: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
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
pub(crate) fn spark_labels(events: Vec<String>, labels: Vec<String>) -> Vec<String> {
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
pub(crate) fn spark_blocks(
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
#[pyo3(signature = (counts, reports, config = None, threads = None))]
pub(crate) fn spark_align(
    py: Python<'_>,
    counts: &NativeCounts,
    reports: &Bound<'_, PyAny>,
    config: Option<&str>,
    threads: Option<usize>,
) -> PyResult<String> {
    let reports = rows_from(py, reports)?;
    let config: CompareConfig = settings(py, config)?;
    let align = || distributed::align_event(&reports, &counts.matcher, &config);
    let event = py.detach(|| on_cores(threads, align))?;
    let event = event.ok_or_else(|| raise(py, "InputError", "an event of no reports".into()))?;
    py.detach(|| to_json(&event))
}

/// Adds the steps to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
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
