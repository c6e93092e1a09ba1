"""corroborate on Apache Spark: the same comparison as ``compare``, for a
corpus past one machine.

``compare(df)`` takes a DataFrame of reports (the fields of the JSON input
as columns: ``id`` and ``text``, and any of ``outlet``, ``published`` (a
date or ``YYYY-MM-DD`` string), ``title``, ``url``, ``event``; other
columns are ignored) and returns DataFrames of the reports, events,
claims (records) and evidence, with the fields of the JSON output. The
events and records are exactly those of ``corroborate.compare`` on the
same reports, whatever the number of partitions.

The work is split the way the engine is built (``corroborate::distributed``
in the Rust crate):

1. *terms*: each report is extracted on the executors, an Arrow batch per
   call into the engine, and reduced to its event terms and its
   statements' stems (``mapInArrow``). List columns cross between Arrow
   and the engine as buffers, and the engine runs on as many threads as
   Spark gave the task (``spark.task.cpus``).
2. *counts*: how many reports carry each term and how many statements
   each stem, summed by Spark (``groupBy``); the terms in at least two
   reports and the stems go to every executor as one broadcast.
3. *events*: each report's terms are weighed into a vector of at most
   ``max_terms`` terms (``mapInArrow``). Dated reports are grouped a
   block of ``block_days`` (28) calendar days at a time
   (``groupBy(block).applyInArrow``); the reports of the events within
   ``window_days`` of a boundary between blocks are grouped again, a
   boundary per task (``groupBy(boundary).applyInArrow``); events with one
   ``event`` label are united on the driver (labels are few). One machine
   groups exactly so (``corroborate::distributed``). An undated report may
   join an event of any date, so a corpus with one is a single block.
4. *align*: each event's reports are extracted again and aligned on an
   executor (``groupBy(event).applyInArrow``), against the corpus-wide
   statement counts.

Memory: step 1 holds one Arrow batch of reports per task
(``spark.sql.execution.arrow.maxRecordsPerBatch``, 10,000 by default);
step 2 shuffles one row per distinct term and stem of each partition, and
the driver and every executor hold the broadcast tables (about 16 bytes a
term in two reports or more and a stem); step 3 holds one block's vectors
in one task (about 11 KB a report at the task's peak: 1.2 KB of Arrow
vectors, the rest while the engine groups), or one boundary's: four weeks
of coverage,
whatever the length of the corpus (an undated corpus is one block: that
is the case to watch); step 4 holds one event's reports. Beyond a block,
memory grows with the corpus only through the vocabulary.

>>> import corroborate.spark  # doctest: +SKIP
>>> result = corroborate.spark.compare(spark.createDataFrame(rows))  # doctest: +SKIP
>>> result.discrepancies().show()  # doctest: +SKIP
"""

from __future__ import annotations

import json as _json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]
from pyspark import StorageLevel, TaskContext
from pyspark.errors import PythonException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from . import SCHEMA_VERSION, _native
from ._errors import InputError

__all__ = ["SparkComparison", "compare"]

#: The report fields read from the input DataFrame.
FIELDS = ("id", "text", "outlet", "published", "title", "url", "event")

_TERMS = T.StructType(
    [
        T.StructField("id", T.StringType(), False),
        T.StructField("outlet", T.StringType()),
        T.StructField("published", T.StringType()),
        T.StructField("title", T.StringType()),
        T.StructField("label", T.StringType()),
        T.StructField("terms", T.ArrayType(T.LongType(), False)),
        T.StructField("weights", T.ArrayType(T.FloatType(), False)),
        T.StructField("stems", T.ArrayType(T.LongType(), False)),
        T.StructField("stem_counts", T.ArrayType(T.LongType(), False)),
        T.StructField("statements", T.LongType()),
    ]
)

_VECTORS = T.StructType(
    [
        T.StructField("id", T.StringType(), False),
        T.StructField("published", T.StringType()),
        T.StructField("label", T.StringType()),
        T.StructField("block", T.LongType()),
        T.StructField("terms", T.ArrayType(T.LongType(), False)),
        T.StructField("weights", T.ArrayType(T.FloatType(), False)),
    ]
)

_EVIDENCE = T.StructType(
    [
        T.StructField("report", T.StringType()),
        T.StructField("start", T.LongType()),
        T.StructField("end", T.LongType()),
        T.StructField("text", T.StringType()),
        T.StructField("speaker", T.StringType()),
        T.StructField("speaker_confidence", T.DoubleType()),
    ]
)

_RECORD = T.StructType(
    [
        T.StructField("id", T.StringType()),
        T.StructField("of", T.StringType()),
        T.StructField("claim", T.StringType()),
        T.StructField("kind", T.StringType()),
        T.StructField("speaker", T.StringType()),
        T.StructField("evidence", T.ArrayType(_EVIDENCE)),
        T.StructField("score", T.DoubleType()),
        T.StructField("diff", T.StringType()),
        T.StructField("note", T.StringType()),
    ]
)

_EVENT = T.StructType(
    [
        T.StructField("id", T.StringType()),
        T.StructField("reports", T.ArrayType(T.StringType())),
        T.StructField("agreements", T.ArrayType(_RECORD)),
        T.StructField("discrepancies", T.ArrayType(_RECORD)),
        T.StructField("unique", T.ArrayType(_RECORD)),
    ]
)

#: The record lists of an event, in output order.
SECTIONS = ("agreements", "discrepancies", "unique")


@dataclass
class SparkComparison:
    """The tables of one comparison on Spark (each persisted).

    - ``reports``: ``id``, ``outlet``, ``published``, ``title`` as in the
      JSON's ``reports``, and ``event``, the id of the report's event.
    - ``events``: ``id``, ``reports`` (sorted ids).
    - ``claims``: one row per record: ``event``, ``section``
      (``agreements``, ``discrepancies`` or ``unique``), ``position`` (its
      place in the section) and the record's fields but its evidence.
    - ``evidence``: one row per piece of evidence: ``event``, ``record``
      (the record's id), ``position`` and the evidence's fields.
    - ``timings``: seconds of wall time per step (``extract``,
      ``counts``, ``events``, ``align``).
    """

    reports: DataFrame
    events: DataFrame
    claims: DataFrame
    evidence: DataFrame
    aligned: DataFrame = field(repr=False)
    timings: Dict[str, float] = field(default_factory=dict)

    def discrepancies(self) -> DataFrame:
        """The claims that are discrepancies."""
        return self.claims.where(F.col("section") == "discrepancies")

    def to_dict(self) -> Dict[str, Any]:
        """The whole comparison on the driver, exactly the JSON of
        ``corroborate.compare(...).to_dict()`` (for a corpus that fits)."""
        reports = [
            {"id": r.id, "outlet": r.outlet, "published": r.published, "title": r.title}
            for r in self.reports.orderBy("id").collect()
        ]
        events = [_json.loads(r.json) for r in self.aligned.orderBy("event").collect()]
        return {"schema_version": SCHEMA_VERSION, "reports": reports, "events": events}

    def unpersist(self) -> None:
        """Frees what the comparison keeps cached."""
        for df in (self.reports, self.aligned):
            df.unpersist()


def _merged_config(config: Optional[Mapping[str, Any]], one_event: bool) -> Optional[str]:
    if config is not None and not isinstance(config, Mapping):
        raise TypeError(f"config must be a dict, not {type(config).__name__}")
    merged: Dict[str, Any] = {k: v for k, v in (config or {}).items()}
    if one_event:
        events = dict(merged.get("events") or {})
        events["one_event"] = True
        merged["events"] = events
    text = _json.dumps(merged) if merged else None
    # Settings are checked here, on the driver, before any task runs.
    _native.spark_blocks([], text)
    return text


def _reports_of(df: DataFrame) -> DataFrame:
    """The report columns of `df`, with `published` as ISO text."""
    names = set(df.columns)
    for needed in ("id", "text"):
        if needed not in names:
            raise InputError(f"the reports DataFrame has no {needed!r} column")
    columns = []
    for name in FIELDS:
        if name not in names:
            columns.append(F.lit(None).cast("string").alias(name))
        elif name == "published" and isinstance(df.schema["published"].dataType, (T.DateType, T.TimestampType)):
            columns.append(F.date_format(F.col("published"), "yyyy-MM-dd").alias("published"))
        else:
            columns.append(F.col(name).cast("string").alias(name))
    return df.select(*columns)


def _check_ids(reports: DataFrame) -> None:
    missing = reports.where(F.col("id").isNull()).limit(1).count()
    if missing:
        raise InputError("a report has no id (every row of a Spark comparison needs one)")
    twice = reports.groupBy("id").count().where(F.col("count") > 1).limit(1).collect()
    if twice:
        raise InputError(f"duplicate report id {twice[0]['id']!r}")


def _cores() -> Optional[int]:
    """The cores Spark gave the running task (the engine's threads for
    it), or None outside a task."""
    context = TaskContext.get()
    return context.cpus() if context is not None else None


def _flat(column: Any, dtype: str) -> Tuple[bytes, bytes]:
    """A list column as the engine takes it: 64-bit offsets into its
    values, both as bytes."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    offsets = array.offsets.to_numpy(zero_copy_only=False).astype("<i8", copy=False)
    values = array.values.to_numpy(zero_copy_only=False).astype(dtype, copy=False)
    return offsets.tobytes(), values.tobytes()


def _lists(offsets: bytes, values: bytes, dtype: str, kind: Any) -> Any:
    """A list column from the engine's 32-bit offsets and values."""
    return pa.ListArray.from_arrays(
        pa.array(np.frombuffer(offsets, dtype="<i4")),
        pa.array(np.frombuffer(values, dtype=dtype), type=kind),
    )


def _terms_step(config: Optional[str]) -> Any:
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            ids, outlets, dates, titles, labels, statements, terms, weights, stems, counts = _native.spark_terms(
                batch.to_pylist(), config, _cores()
            )
            yield pa.RecordBatch.from_arrays(
                [
                    pa.array(ids, pa.string()),
                    pa.array(outlets, pa.string()),
                    pa.array(dates, pa.string()),
                    pa.array(titles, pa.string()),
                    pa.array(labels, pa.string()),
                    _lists(terms[0], terms[1], "<i8", pa.int64()),
                    _lists(terms[0], weights, "<f4", pa.float32()),
                    _lists(stems[0], stems[1], "<i8", pa.int64()),
                    _lists(stems[0], counts, "<i8", pa.int64()),
                    pa.array(statements, pa.int64()),
                ],
                schema=_TERMS_SCHEMA,
            )

    return run


_TERMS_ARROW = [
    pa.string(),
    pa.string(),
    pa.string(),
    pa.string(),
    pa.string(),
    pa.list_(pa.int64()),
    pa.list_(pa.float32()),
    pa.list_(pa.int64()),
    pa.list_(pa.int64()),
    pa.int64(),
]
_TERMS_SCHEMA = pa.schema([pa.field(f.name, t) for f, t in zip(_TERMS.fields, _TERMS_ARROW)])

_VECTORS_ARROW = [
    pa.string(),
    pa.string(),
    pa.string(),
    pa.int64(),
    pa.list_(pa.int64()),
    pa.list_(pa.float32()),
]
_VECTORS_SCHEMA = pa.schema([pa.field(f.name, t) for f, t in zip(_VECTORS.fields, _VECTORS_ARROW)])

#: Counts made from a broadcast, once per worker process, by the
#: broadcast's token.
_COUNTS: Dict[str, Any] = {}


def _counts(broadcast: Any) -> Any:
    token, *tables = broadcast.value
    counts = _COUNTS.get(token)
    if counts is None:
        counts = _native.NativeCounts(*tables)
        _COUNTS.clear()
        _COUNTS[token] = counts
    return counts


def _vectors_step(counts: Any, blocks: Any, config: Optional[str]) -> Any:
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        table = _counts(counts)
        block_of = blocks.value
        for batch in batches:
            offsets, terms, weights = _native.spark_vectors(
                table,
                _flat(batch.column("terms"), "<i8"),
                _flat(batch.column("weights"), "<f4"),
                config,
                _cores(),
            )
            published = batch.column("published").to_pylist()
            block = [block_of[day] for day in published]
            yield pa.RecordBatch.from_arrays(
                [
                    batch.column("id"),
                    batch.column("published"),
                    batch.column("label"),
                    pa.array(block, pa.int64()),
                    _lists(offsets, terms, "<i8", pa.int64()),
                    _lists(offsets, weights, "<f4", pa.float32()),
                ],
                schema=_VECTORS_SCHEMA,
            )

    return run


def _group_step(single: bool, corpus_reports: int, config: Optional[str]) -> Any:
    def run(table: pa.Table) -> pa.Table:
        ids = table.column("id").to_pylist()
        blocks = table.column("block").to_pylist()
        events, edges = _native.spark_group(
            ids,
            table.column("published").to_pylist(),
            table.column("label").to_pylist(),
            _flat(table.column("terms"), "<i8"),
            _flat(table.column("weights"), "<f4"),
            blocks[0] if blocks else 0,
            single,
            corpus_reports,
            config,
        )
        return pa.table(
            {
                "id": pa.array(ids, pa.string()),
                "event": pa.array(events, pa.string()),
                "edges": pa.array(edges, pa.list_(pa.int64())),
            }
        )

    return run


def _merge_step(corpus_reports: int, config: Optional[str]) -> Any:
    def run(table: pa.Table) -> pa.Table:
        ids = table.column("id").to_pylist()
        events = _native.spark_merge(
            ids,
            table.column("published").to_pylist(),
            table.column("label").to_pylist(),
            _flat(table.column("terms"), "<i8"),
            _flat(table.column("weights"), "<f4"),
            table.column("block").to_pylist(),
            table.column("event").to_pylist(),
            corpus_reports,
            config,
        )
        return pa.table({"id": pa.array(ids, pa.string()), "merged": pa.array(events, pa.string())})

    return run


def _align_step(counts: Any, config: Optional[str]) -> Any:
    def run(table: pa.Table) -> pa.Table:
        rows = table.to_pylist()
        event = rows[0]["event_id"] if rows else None
        for row in rows:
            del row["event_id"]
        aligned = _native.spark_align(_counts(counts), rows, config, _cores())
        return pa.table({"event": pa.array([event], pa.string()), "json": pa.array([aligned], pa.string())})

    return run


def _run(action: Any) -> Any:
    """Runs a Spark action; the engine's ``InputError`` in a task is raised
    here as ``InputError`` with its message (which names the report)."""
    try:
        return action()
    except PythonException as error:
        text = str(error)
        mark = "corroborate.InputError: "
        if mark in text:
            message = text.split(mark, 1)[1].splitlines()[0]
            raise InputError(message) from None
        raise


def _packed(table: pa.Table, key: str, count: str) -> Tuple[bytes, bytes]:
    keys = table.column(key).to_numpy().astype("<u8", copy=False)
    counts = table.column(count).to_numpy().astype("<u8", copy=False)
    return keys.tobytes(), counts.tobytes()


def compare(
    df: DataFrame,
    *,
    config: Optional[Mapping[str, Any]] = None,
    one_event: bool = False,
    storage: StorageLevel = StorageLevel.MEMORY_AND_DISK,
) -> SparkComparison:
    """Compares the reports of `df` on its Spark session: the events and
    records of ``corroborate.compare`` on the same reports.

    Runs the four steps (see the module) and returns their tables,
    persisted at `storage`; ``config`` and ``one_event`` are as for
    ``corroborate.compare``. Raises ``InputError`` for a report without
    an id, a duplicate id or bad settings, before any report is extracted.
    """
    spark = df.sparkSession
    settings = _merged_config(config, one_event)
    reports = _reports_of(df)
    _check_ids(reports)
    timings: Dict[str, float] = {}

    start = time.perf_counter()
    terms = reports.mapInArrow(_terms_step(settings), _TERMS).persist(storage)
    corpus_reports = _run(terms.count)
    timings["extract"] = time.perf_counter() - start

    start = time.perf_counter()
    shared = (
        terms.select(F.explode("terms").alias("term"))
        .groupBy("term")
        .count()
        .where(F.col("count") > 1)
        .toArrow()
    )
    stems = (
        terms.select(F.explode(F.arrays_zip("stems", "stem_counts")).alias("s"))
        .groupBy(F.col("s.stems").alias("stem"))
        .agg(F.sum("s.stem_counts").alias("count"))
        .toArrow()
    )
    statements = terms.agg(F.sum("statements")).collect()[0][0] or 0
    term_keys, term_counts = _packed(shared, "term", "count")
    stem_keys, stem_counts = _packed(stems, "stem", "count")
    counts = spark.sparkContext.broadcast(
        (uuid.uuid4().hex, corpus_reports, int(statements), term_keys, term_counts, stem_keys, stem_counts)
    )
    timings["counts"] = time.perf_counter() - start

    start = time.perf_counter()
    dates = [r.published for r in terms.select("published").distinct().collect()]
    single, block_numbers = _native.spark_blocks(dates, settings)
    blocks = spark.sparkContext.broadcast(dict(zip(dates, block_numbers)))
    vectors = (
        terms.select("id", "published", "label", "terms", "weights")
        .mapInArrow(_vectors_step(counts, blocks, settings), _VECTORS)
        .persist(storage)
    )
    grouped = (
        vectors.groupBy("block")
        .applyInArrow(_group_step(single, corpus_reports, settings), "id string, event string, edges array<bigint>")
        .persist(storage)
    )
    if single:
        assigned = grouped.select("id", "event").persist(storage)
    else:
        assigned = _across_blocks(grouped, vectors, terms, corpus_reports, settings).persist(storage)
    assigned.count()
    vectors.unpersist()
    grouped.unpersist()
    timings["events"] = time.perf_counter() - start

    start = time.perf_counter()
    members = reports.join(assigned.withColumnRenamed("event", "event_id"), "id")
    aligned = (
        members.groupBy("event_id")
        .applyInArrow(_align_step(counts, settings), "event string, json string")
        .persist(storage)
    )
    aligned.count()
    timings["align"] = time.perf_counter() - start

    info = (
        terms.select("id", "outlet", "published", "title")
        .join(assigned, "id")
        .persist(storage)
    )
    info.count()
    terms.unpersist()
    parsed = aligned.select(F.from_json("json", _EVENT).alias("e"))
    events = parsed.select("e.id", "e.reports")
    claims = _claims(parsed)
    evidence = _evidence(parsed)
    return SparkComparison(info, events, claims, evidence, aligned, timings)


def _across_blocks(
    grouped: DataFrame, vectors: DataFrame, terms: DataFrame, corpus_reports: int, settings: Optional[str]
) -> DataFrame:
    """The events of a corpus of several blocks: those near a boundary
    grouped again, a boundary per task, then united by label."""
    at_edges = (
        grouped.where(F.size("edges") > 0)
        .select("id", "event", F.explode("edges").alias("boundary"))
        .join(vectors, "id")
    )
    merged = at_edges.groupBy("boundary").applyInArrow(
        _merge_step(corpus_reports, settings), "id string, merged string"
    )
    events = grouped.join(merged, "id", "left").select("id", F.coalesce("merged", "event").alias("event")).persist()
    labelled = (
        events.join(terms.where(F.col("label").isNotNull()).select("id", "label"), "id")
        .select("event", "label")
        .distinct()
        .orderBy("event")
        .collect()
    )
    if not labelled:
        return events
    # An event carries one label at most (events of two labels never merge).
    label_of = {r.event: r.label for r in reversed(labelled)}
    keys = sorted(label_of)
    united = _native.spark_labels(keys, [label_of[k] for k in keys])
    mapping = events.sparkSession.createDataFrame(list(zip(keys, united)), "event string, united string")
    out = events.join(F.broadcast(mapping), "event", "left").select("id", F.coalesce("united", "event").alias("event"))
    out = out.persist()
    out.count()
    events.unpersist()
    return out


def _claims(parsed: DataFrame) -> DataFrame:
    parts = []
    for section in SECTIONS:
        parts.append(
            parsed.select(
                F.col("e.id").alias("event"),
                F.lit(section).alias("section"),
                F.posexplode(f"e.{section}").alias("position", "r"),
            )
        )
    out = parts[0].unionByName(parts[1]).unionByName(parts[2])
    fields = [f.name for f in _RECORD.fields if f.name != "evidence"]
    return out.select("event", "section", "position", *[F.col(f"r.{f}").alias(f) for f in fields])


def _evidence(parsed: DataFrame) -> DataFrame:
    records = parsed.select(
        F.col("e.id").alias("event"),
        F.explode(F.concat("e.agreements", "e.discrepancies", "e.unique")).alias("r"),
    )
    out = records.select("event", F.col("r.id").alias("record"), F.posexplode("r.evidence").alias("position", "x"))
    return out.select("event", "record", "position", *[F.col(f"x.{f.name}").alias(f.name) for f in _EVIDENCE.fields])


def session(cores: Optional[int] = None, app: str = "corroborate") -> SparkSession:
    """A local Spark session (``local[cores]``, every core by default)
    whose Python workers run this interpreter, for trying the module on
    one machine."""
    import os
    import sys

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    master = f"local[{cores}]" if cores else "local[*]"
    return (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(max(2 * (cores or os.cpu_count() or 1), 2)))
        .getOrCreate()
    )
