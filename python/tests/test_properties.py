"""Properties: the output does not depend on the order of the reports,
and nothing is lost, whatever the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

import corroborate

WORDS = ["Mayor", "Jane", "Doe", "said", "on", "Monday", "51", "people", "floods", "“We", "will", "rebuild,”",
         "killed", "$3", "million", "percent", "Port", "Alder", "Tuesday", "the", "bridge", "opened", "."]


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_order_does_not_matter(seeds, data):
    shuffled = data.draw(st.permutations(list(seeds)))
    assert corroborate.compare(shuffled).to_json() == corroborate.compare(seeds).to_json()


texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join) | st.text(min_size=1, max_size=200)


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5), st.randoms())
def test_every_report_and_span_holds(bodies, rng):
    reports = [{"id": f"r{i}", "text": t} for i, t in enumerate(bodies) if t.strip()]
    if not reports:
        return
    result = corroborate.compare(reports)
    ids = sorted(r["id"] for r in reports)
    assert sorted(r.id for r in result.reports) == ids
    assert sorted(i for e in result.events for i in e.reports) == ids
    texts = {r["id"]: r["text"] for r in reports}
    for event in result.events:
        for _, record in event.records():
            for e in record.evidence:
                assert texts[e.report][e.char_start : e.char_end] == e.text
    rng.shuffle(reports)
    assert corroborate.compare(reports).to_json() == result.to_json()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=9000) | st.text(alphabet="a “é😀", min_size=4000, max_size=9000), st.data())
def test_string_indices_of_byte_offsets(text, data):
    from corroborate._model import _Chars

    i = data.draw(st.integers(0, len(text)))
    assert _Chars(text)(len(text[:i].encode("utf-8"))) == i
