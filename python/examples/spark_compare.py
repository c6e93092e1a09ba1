"""Compares reports on Apache Spark in local mode, as a cluster would, and
says how long each step took.

    python python/examples/spark_compare.py                  # the seed reports
    python python/examples/spark_compare.py /tmp/c10k --cores 2 --check

Options: ``--cores N`` (``local[N]``; every core by default),
``--partitions P`` (spread the input over P partitions first), ``--check``
(also run ``corroborate.compare`` on this machine and say whether the
events and records are the same), ``--json FILE`` (write the comparison's
JSON, as ``corroborate compare --format json`` does).
Needs ``pip install "corroborate[spark]"`` and Java 17 or later.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

import corroborate
import corroborate.spark

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "seeds"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(SEEDS)])
    parser.add_argument("--cores", type=int)
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()

    reports = corroborate.load(args.paths)
    spark = corroborate.spark.session(args.cores)
    spark.sparkContext.setLogLevel("ERROR")
    rows = [r.to_dict() for r in reports]
    df = spark.createDataFrame(rows, "id string, text string, outlet string, published string, title string, url string, event string")
    if args.partitions:
        df = df.repartition(args.partitions)

    start = time.perf_counter()
    result = corroborate.spark.compare(df)
    took = time.perf_counter() - start
    steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result.timings.items())
    print(f"{len(reports)} reports on {spark.sparkContext.master}: {steps}; {took:.1f} s in all")
    sections = {r["section"]: r["count"] for r in result.claims.groupBy("section").count().collect()}
    print(
        f"{result.events.count()} events; {sections.get('agreements', 0)} agreements, "
        f"{sections.get('discrepancies', 0)} discrepancies, {sections.get('unique', 0)} unique claims"
    )
    result.discrepancies().select("event", "kind", "speaker", "diff", "note").show(5, truncate=60)

    comparison = result.to_dict() if (args.check or args.json) else None
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(comparison, ensure_ascii=False))
    if args.check:
        start = time.perf_counter()
        here = corroborate.compare(reports).to_dict()
        alone = time.perf_counter() - start
        same = here == comparison
        print(f"one machine: {alone:.1f} s; the same events and records: {'yes' if same else 'NO'}")
        if not same:
            return 1
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
