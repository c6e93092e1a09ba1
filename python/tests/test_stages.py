"""extract, group, similarity, load and EventIndex."""

import json
import pickle

import corroborate
from conftest import SEEDS, cli


def test_extract_is_the_clis_extraction(seeds):
    found = corroborate.extract(seeds)
    expected = json.loads(cli("extract", str(SEEDS)))["reports"]
    assert [f.to_dict() for f in found] == expected
    assert [f.id for f in found] == [r.id for r in seeds]
    one = corroborate.extract(seeds[0])
    assert one == found[0]
    text = seeds[0].text
    for item in [*one.quotes, *one.facts, *one.statements]:
        assert text.encode()[item.start : item.end].decode() == item.text
        assert text[item.char_start : item.char_end] == item.text
    assert one.quotes[0].speaker == "Vladimir Putin"
    kinds = {f.kind for f in one.facts}
    assert {"weekday", "relative_time"} <= kinds
    relative = next(f for f in one.facts if f.kind == "relative_time")
    assert relative.resolved is not None and relative.qualifier == "more_than"


def test_group_is_the_clis_events(seeds):
    groups = corroborate.group(seeds)
    expected = json.loads(cli("events", str(SEEDS)))["events"]
    assert [g.to_dict() for g in groups] == expected
    assert len(corroborate.group(seeds, one_event=True)) == 1


def test_similarity():
    same = corroborate.similarity("China refused to criticize Russia.", "China refuses to criticize Russia.")
    other = corroborate.similarity("China refused to criticize Russia.", "Rain is expected.")
    assert 0.8 < same <= 1.0 and 0.0 <= other < 0.2


def test_load_reads_what_the_cli_reads(seeds, tmp_path):
    assert len(seeds) == 5 and seeds.skipped == []
    assert seeds[0].published.isoformat() == "2024-08-21"
    assert seeds[0].text.startswith(" date 2024-08-21 ")  # the text as given
    (tmp_path / "good.json").write_text(json.dumps([{"id": "x", "text": "Floods hit Valencia."}]))
    (tmp_path / "bad.jsonl").write_text('{"id": "y", "text": "Fine."}\nnot json\n')
    (tmp_path / "empty.txt").write_text("")
    loaded = corroborate.load([tmp_path], keep_going=True)
    assert sorted(r.id for r in loaded) == ["x", "y"]
    assert [s.path for s in loaded.skipped] == [f"{tmp_path}/bad.jsonl:2", f"{tmp_path}/empty.txt"]
    # compare carries the skipped inputs into its JSON as --keep-going does.
    expected = cli("compare", "--format", "json", "--keep-going", str(tmp_path))
    assert corroborate.compare(loaded).to_json().encode() == expected


def test_event_index_groups_a_stream(seeds):
    index = corroborate.EventIndex()
    first = index.add(seeds[:2])
    assert first[0] == first[1]
    index.add(seeds[2])
    index.add(seeds[3:])
    assert len(index) == 5
    events = index.events()
    assert sorted(e.reports for e in events) == sorted(g.reports for g in corroborate.group(seeds))
    assert events[0].first is not None
    again = pickle.loads(pickle.dumps(index))
    assert again.events() == events and len(again) == 5
    # Old events retire once newer reports pass the retention window.
    index.add({"id": "later", "text": "Floods hit Valencia.", "published": "2025-06-01"})
    retired = index.retire()
    # (Each seed event has a dated report; the undated one goes with its event.)
    assert {r for e in retired for r in e.reports} == {s.id for s in seeds}
