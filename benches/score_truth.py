#!/usr/bin/env python3
"""Scores `corroborate compare --format json` on a generated corpus against
the corpus's own `truth.tsv` (from ../shared/bench/gen.py or
`cargo run --release --example gen_corpus`).

Usage: score_truth.py CORPUS_DIR COMPARISON.json

Two figures, each as pairwise precision and recall:

- events: pairs of reports put in one event, against pairs the truth puts
  in one event (the measure baseline.py prints for its clusterings);
- quotes: pairs of quotations of different reports in one quote record
  (agreement or discrepancy), against pairs that are the same remark of the
  event's pool (same quote id; an outlet's own remarks are never paired).
  A report's quotations are its quote evidence in text order, matched to
  the truth's quotes in order; a report where the counts differ is left
  out of the quote figures on both sides, and the number left out is shown.
"""

import collections
import json
import math
import os
import sys


def pair_scores(pred, true):
    both = collections.Counter(zip(pred, true))
    tp = sum(math.comb(n, 2) for n in both.values())
    pp = sum(math.comb(n, 2) for n in collections.Counter(pred).values())
    tt = sum(math.comb(n, 2) for n in collections.Counter(true).values())
    return (tp / pp if pp else 1.0), (tp / tt if tt else 1.0)


def main():
    corpus, result = sys.argv[1], sys.argv[2]
    truth = {}
    for line in open(os.path.join(corpus, "truth.tsv"), encoding="utf-8"):
        name, event, quotes = line.rstrip("\n").split("\t")
        ids = [q.split(":")[0] for q in quotes.split(",") if q]
        truth[name.rsplit(".", 1)[0]] = (int(event), ids)
    data = json.load(open(result, encoding="utf-8"))

    event_of = {}
    spans = collections.defaultdict(set)
    records = []
    for event in data["events"]:
        for report in event["reports"]:
            event_of[report] = event["id"]
        for kind in ("agreements", "discrepancies", "unique"):
            for record in event[kind]:
                if record["claim"] != "quote":
                    continue
                ev = [(e["report"], e["start"], e["end"]) for e in record["evidence"]]
                for r, s, e in ev:
                    spans[r].add((s, e))
                if kind != "unique":
                    records.append(ev)

    reports = sorted(truth)
    p, r = pair_scores([event_of.get(x, "-" + x) for x in reports], [truth[x][0] for x in reports])
    print(f"events: pairs P {p:.4f} R {r:.4f} ({len(set(event_of.values()))} events, "
          f"{len(set(t[0] for t in truth.values()))} true)")

    # Each quotation -> its truth id, where the report's counts agree.
    qid = {}
    left_out = 0
    for report in reports:
        found = sorted(spans.get(report, ()))
        ids = truth[report][1]
        if len(found) != len(ids):
            left_out += 1
            continue
        for span, i in zip(found, ids):
            qid[(report,) + span] = i
    gold = set()
    by_id = collections.defaultdict(list)
    for key, i in qid.items():
        by_id[i].append(key)
    for keys in by_id.values():
        for a in keys:
            for b in keys:
                if a < b and a[0] != b[0]:
                    gold.add((a, b))
    predicted = set()
    for ev in records:
        for a in ev:
            for b in ev:
                if a < b and a[0] != b[0] and a in qid and b in qid:
                    predicted.add((a, b))
    tp = len(gold & predicted)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    print(f"quotes: pairs P {p:.4f} R {r:.4f} ({len(predicted)} predicted, {len(gold)} true; "
          f"{left_out} of {len(reports)} reports left out: quotation counts differ)")


if __name__ == "__main__":
    main()
