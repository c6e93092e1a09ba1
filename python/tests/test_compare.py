"""`compare` and its Comparison: the same engine and bytes as the CLI."""

import datetime
import json
import re
from collections import namedtuple

import corroborate
from conftest import SEEDS, cli


def test_json_is_the_clis_byte_for_byte(seed_comparison):
    assert seed_comparison.to_json().encode() == cli("compare", "--format", "json", str(SEEDS))


def test_to_dict_is_the_json(seed_comparison):
    expected = json.loads(cli("compare", "--format", "json", str(SEEDS)))
    assert seed_comparison.to_dict() == expected
    # A fresh copy each time: changing one does not change the next.
    seed_comparison.to_dict()["events"].clear()
    assert seed_comparison.to_dict() == expected


def test_renderers_are_the_clis(seed_comparison):
    for fmt, rendered in [
        ("text", seed_comparison.to_text()),
        ("markdown", seed_comparison.to_markdown()),
        ("html", seed_comparison.to_html()),
    ]:
        assert rendered.encode() == cli("compare", "--format", fmt, "--color", "never", str(SEEDS)), fmt


def test_objects_mirror_the_json(seeds, seed_comparison):
    data = seed_comparison.to_dict()
    assert seed_comparison.schema_version == data["schema_version"] == corroborate.SCHEMA_VERSION
    assert [r.id for r in seed_comparison.reports] == [r["id"] for r in data["reports"]]
    assert seed_comparison.reports[0].published == datetime.date(2024, 8, 21)
    assert len(seed_comparison) == len(data["events"]) == 2
    texts = {r.id: r.text for r in seeds}
    for event, raw in zip(seed_comparison, data["events"]):
        assert event.to_dict() == raw
        assert event.reports == raw["reports"]
        for section, record in event.records():
            assert section in ("agreement", "discrepancy", "unique")
            assert record.reports == sorted({e.report for e in record.evidence})
            for e in record.evidence:
                text = texts[e.report]
                # Byte spans into the UTF-8 text, and the same span as
                # string indices.
                assert text.encode()[e.start : e.end].decode() == e.text
                assert text[e.char_start : e.char_end] == e.text
    quote = next(r for r in seed_comparison.events[0].agreements if r.claim == "quote")
    assert quote.speaker == "Vladimir Putin"
    assert quote.to_dict()["evidence"][0]["text"] == quote.evidence[0].text


def test_discrepancies_say_how_versions_differ():
    reports = [
        {"id": "wire", "text": "Flash floods killed 51 people in Port Alder on Tuesday, officials said.\n\n"
         "“This is a tragedy without precedent,” Mayor Ines Calloway said."},
        {"id": "daily", "text": "Flash floods killed 62 people in Port Alder on Tuesday, officials said.\n\n"
         "Mayor Ines Calloway called it “a tragedy without precedent.”"},
    ]
    event = corroborate.compare(reports).events[0]
    value = next(r for r in event.discrepancies if r.kind == "value")
    assert [e.text for e in value.evidence] == ["62 people", "51 people"]
    assert value.of is not None
    quote = next(r for r in event.agreements if r.claim == "quote")
    assert quote.speaker == "Ines Calloway"


def test_records_are_one_row_per_evidence(seed_comparison):
    rows = seed_comparison.records()
    evidence = sum(len(r.evidence) for e in seed_comparison.events for _, r in e.records())
    assert len(rows) == evidence > 0
    assert {tuple(sorted(row)) for row in rows} == {tuple(sorted(rows[0]))}
    outlets = {r.id: r.outlet for r in seed_comparison.reports}
    for row in rows:
        assert row["outlet"] == outlets[row["report"]]
        assert row["section"] in ("agreement", "discrepancy", "unique")
    discrepancy = next(row for row in rows if row["section"] == "discrepancy")
    assert discrepancy["of"] is not None


def test_html_repr_is_the_report_in_a_frame(seed_comparison):
    shown = seed_comparison._repr_html_()
    assert shown.startswith("<iframe srcdoc=\"") and shown.endswith("</iframe>")
    page = re.search(r'srcdoc="([^"]*)"', shown).group(1)
    import html

    assert html.unescape(page) == seed_comparison.to_html()
    assert "Vladimir Putin" in html.unescape(page)


def test_reports_as_dicts_objects_and_rows_give_one_result(seeds):
    as_dicts = [r.to_dict() for r in seeds]
    Row = namedtuple("Row", "id text outlet published title")
    as_rows = [Row(r.id, r.text, r.outlet, r.published, r.title) for r in seeds]
    expected = corroborate.compare(seeds).to_json()
    assert corroborate.compare(as_dicts).to_json() == expected
    assert corroborate.compare(as_rows).to_json() == expected
    # A generator works as well as a list.
    assert corroborate.compare(r for r in seeds).to_json() == expected


def test_missing_ids_and_pandas_gaps():
    nan = float("nan")
    result = corroborate.compare(
        [
            {"text": "Floods hit Valencia on Monday.", "outlet": nan},
            {"text": "An election in Oslo on Sunday.", "published": datetime.datetime(2024, 9, 8, 10, 30)},
        ]
    )
    assert [r.id for r in result.reports] == ["report_1", "report_2"]
    assert result.reports[0].outlet is None
    assert result.reports[1].published == datetime.date(2024, 9, 8)


def test_one_event_and_config():
    reports = [
        corroborate.Report("wire", "Flash floods killed 51 people in Port Alder on Tuesday."),
        corroborate.Report("bank", "The central bank raised interest rates by half a point."),
    ]
    assert len(corroborate.compare(reports)) == 2
    assert [e.reports for e in corroborate.compare(reports, one_event=True)] == [["bank", "wire"]]
    same = corroborate.compare(reports, config={"events": {"one_event": True}})
    assert same.to_json() == corroborate.compare(reports, one_event=True).to_json()
    defaults = corroborate.default_config()
    assert corroborate.compare(reports, config=defaults).to_json() == corroborate.compare(reports).to_json()


def test_labels_group_reports():
    reports = [
        corroborate.Report("a", "Rescuers pulled 12 miners from the flooded mine.", event="mine"),
        corroborate.Report("b", "The central bank raised interest rates.", event="mine"),
    ]
    assert [g.reports for g in corroborate.group(reports)] == [["a", "b"]]


def test_the_docstring_example_runs():
    import doctest

    failures, tried = doctest.testmod(corroborate)
    assert tried > 0 and failures == 0
