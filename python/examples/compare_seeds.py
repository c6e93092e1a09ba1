"""Compare the bundled seed reports from Python and print what a
fact-checker reads first: per event, the discrepancies and who said what.

    pip install ./python
    python python/examples/compare_seeds.py [REPORTS_DIR] [--html OUT.html]

With pandas installed it also shows the flat view as a table.
"""

import argparse
from pathlib import Path

import corroborate

ROOT = Path(__file__).resolve().parents[2]

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("reports", nargs="?", default=ROOT / "tests" / "fixtures" / "seeds")
parser.add_argument("--html", help="also write the HTML report here")
args = parser.parse_args()

reports = corroborate.load(args.reports, keep_going=True)
comparison = corroborate.compare(reports)
print(f"{len(reports)} reports, {len(comparison)} events")
for skipped in reports.skipped:
    print(f"  skipped {skipped.error}")

for event in comparison.events:
    print(f"\n{event.id}: {', '.join(event.reports)}")
    for record in event.discrepancies:
        versions = " | ".join(f"{e.report}: {e.text!r}" for e in record.evidence)
        print(f"  {record.kind} ({record.claim}): {versions}")
    quotes = [r for r in event.agreements if r.claim == "quote"]
    for record in quotes:
        outlets = len(record.reports)
        print(f"  {record.speaker or 'unattributed'} quoted by {outlets} reports: {record.evidence[0].text!r}")

try:
    import pandas
except ImportError:
    pass
else:
    table = pandas.DataFrame(comparison.records())
    print("\n", table.groupby(["section", "claim"]).size())

if args.html:
    Path(args.html).write_text(comparison.to_html(), encoding="utf-8")
    print(f"\nwrote {args.html}")
