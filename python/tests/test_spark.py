"""corroborate.spark in local mode: the same events and records as
corroborate.compare, for any number of partitions."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java for Spark", allow_module_level=True)

import corroborate  # noqa: E402
import corroborate.spark  # noqa: E402
from corroborate.spark import SECTIONS  # noqa: E402

COLUMNS = "id string, text string, outlet string, published string, title string, url string, event string"


@pytest.fixture(scope="module")
def spark():
    # Workers import the package the way this interpreter does.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    session = corroborate.spark.session(2, app="corroborate-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def frame(spark, reports, partitions):
    return spark.createDataFrame([r.to_dict() for r in reports], COLUMNS).repartition(partitions)


def shifted(reports, days, suffix):
    """Copies of `reports` published `days` later, with ids ending in `suffix`."""
    import datetime

    out = []
    for r in reports:
        d = r.to_dict()
        d["id"] += suffix
        if d.get("published"):
            day = datetime.date.fromisoformat(d["published"]) + datetime.timedelta(days=days)
            d["published"] = day.isoformat()
        out.append(corroborate.Report(**d))
    return out


def rebuilt(result):
    """The events of a Spark comparison rebuilt from its claims and
    evidence tables alone, as the JSON has them."""
    evidence = {}
    for e in result.evidence.orderBy("record", "position").collect():
        row = e.asDict()
        del row["event"], row["position"]
        evidence.setdefault(row.pop("record"), []).append(row)
    events = {e.id: {"id": e.id, "reports": list(e.reports), **{s: [] for s in SECTIONS}} for e in result.events.collect()}
    for c in result.claims.orderBy("event", "section", "position").collect():
        row = c.asDict()
        event, section = row.pop("event"), row.pop("section")
        del row["position"]
        for optional in ("of", "diff", "note"):
            if row[optional] is None:
                del row[optional]
        row["evidence"] = evidence.get(row["id"], [])
        keys = ["id", "of", "claim", "kind", "speaker", "evidence", "score", "diff", "note"]
        events[event][section].append({k: row[k] for k in keys if k in row})
    return [events[k] for k in sorted(events)]


def test_seeds_give_the_same_events_and_records_in_any_partitioning(spark, seeds):
    want = corroborate.compare(seeds).to_dict()
    for partitions in (1, 3, 7):
        result = corroborate.spark.compare(frame(spark, seeds, partitions))
        assert result.to_dict() == want, f"{partitions} partitions"
        assert set(result.timings) == {"extract", "counts", "events", "align"}
        result.unpersist()


def test_the_tables_hold_the_json(spark, seeds):
    result = corroborate.spark.compare(frame(spark, seeds, 2))
    assert rebuilt(result) == corroborate.compare(seeds).to_dict()["events"]
    events = {r.id: r.event for r in result.reports.collect()}
    assert sorted(events) == sorted(r.id for r in seeds)
    assert result.discrepancies().count() == sum(len(e["discrepancies"]) for e in result.to_dict()["events"])


def test_settings_labels_and_blocks_of_dates(spark, seeds):
    # Two blocks of dates, joined by a label carried in both.
    def label(r):
        return corroborate.Report(**{**r.to_dict(), "event": "story"}) if r.id.startswith("000") else r

    reports = [label(r) for r in list(seeds) + shifted(seeds, 40, "-later")]
    for config, one_event in (({"events": {"window_days": 2}}, False), (None, True)):
        want = corroborate.compare(reports, config=config, one_event=one_event).to_dict()
        got = corroborate.spark.compare(frame(spark, reports, 4), config=config, one_event=one_event)
        assert got.to_dict() == want
        got.unpersist()


def test_bad_input_is_refused_before_any_work(spark, seeds):
    rows = [r.to_dict() for r in seeds]
    twice = spark.createDataFrame(rows + rows[:1], COLUMNS)
    with pytest.raises(corroborate.InputError, match="duplicate report id"):
        corroborate.spark.compare(twice)
    with pytest.raises(corroborate.InputError, match="no 'id' column"):
        corroborate.spark.compare(spark.createDataFrame([("x",)], "text string"))
    with pytest.raises(corroborate.InputError, match='report "b": empty report'):
        corroborate.spark.compare(spark.createDataFrame([("a", "Floods."), ("b", " ")], "id string, text string"))
    with pytest.raises(corroborate.InputError, match="unknown field"):
        corroborate.spark.compare(frame(spark, seeds, 1), config={"event": {}})


def test_a_generated_corpus_of_thousands(spark, tmp_path: Path):
    built = ROOT / "target" / "debug" / "examples" / "gen_corpus"
    command = [str(built)] if built.exists() else ["cargo", "run", "--quiet", "--example", "gen_corpus", "--"]
    subprocess.run([*command, "2500", str(tmp_path), "--seed", "19", "--jsonl"], cwd=ROOT, check=True, capture_output=True)
    reports = corroborate.load(tmp_path / "reports.jsonl")
    assert len(reports) == 2500
    # As generated, a few reports are undated: one block. Without them, a
    # year of dated coverage: blocks of four weeks, events merged across
    # their boundaries.
    dated = [r for r in reports if r.published is not None]
    assert 2000 < len(dated) < 2500
    for some, partitions in ((reports, 1), (dated, 5)):
        want = corroborate.compare(some).to_dict()
        result = corroborate.spark.compare(frame(spark, some, partitions))
        assert result.to_dict() == want, f"{len(some)} reports, {partitions} partitions"
        result.unpersist()


def test_date_columns_other_columns_and_no_reports(spark):
    import datetime

    rows = [
        ("a", "Floods hit Valencia on Monday, killing 12 people.", datetime.date(2024, 3, 4), "wire"),
        ("b", "Floods in Valencia killed 12 people on Monday.", datetime.date(2024, 3, 5), "web"),
    ]
    df = spark.createDataFrame(rows, "id string, text string, published date, source string")
    want = corroborate.compare([{"id": i, "text": t, "published": p} for i, t, p, _ in rows]).to_dict()
    assert corroborate.spark.compare(df).to_dict() == want
    none = corroborate.spark.compare(spark.createDataFrame([], "id string, text string"))
    assert none.to_dict() == corroborate.compare([]).to_dict()
    assert none.claims.count() == 0
