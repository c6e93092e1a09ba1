"""Bad input raises, with the engine's messages naming the report."""

import pytest

import corroborate


def raises(cls, reports, match, **kwargs):
    with pytest.raises(cls, match=match) as caught:
        corroborate.compare(reports, **kwargs)
    return caught.value


def test_input_errors_are_value_errors_with_the_engines_messages():
    error = raises(corroborate.InputError, [{"id": "a", "text": "Fine."}, {"id": "b", "text": "  "}],
                   r"^reports\[1\]: empty report \(no text\)$")
    assert isinstance(error, ValueError) and isinstance(error, corroborate.Error)
    raises(ValueError, [{"text": "Text.", "published": "30/10/2024"}],
           r'^reports\[0\]: invalid date "30/10/2024" \(expected YYYY-MM-DD\)$')
    raises(ValueError, [{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}],
           r'^duplicate report id "a": in reports\[0\] and in reports\[1\]$')
    raises(ValueError, [{"id": "a", "text": "One.", "body": "x"}],
           r'^reports\[0\]: unknown field "body" \(expected id, text, outlet, published, title, url, event\)$')
    raises(ValueError, [{"id": "a"}], r"^reports\[0\]: no text$")


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError, match=r"reports\[0\]: title must be a str or None, not int"):
        corroborate.compare([{"text": "One.", "title": 3}])
    with pytest.raises(TypeError, match=r"reports\[0\]: a report is a dict or a Report, not a str"):
        corroborate.compare(["just a string"])
    with pytest.raises(TypeError):
        corroborate.compare(42)
    with pytest.raises(TypeError, match="config must be a dict"):
        corroborate.compare([{"text": "One."}], config="fast")


def test_bad_config_names_the_setting():
    with pytest.raises(corroborate.InputError, match=r"^config: unknown field `window`"):
        corroborate.compare([{"text": "One."}], config={"events": {"window": 3}})
    with pytest.raises(corroborate.InputError, match=r"^config: invalid type"):
        corroborate.compare([{"text": "One."}], config={"align": {"quote_threshold": "high"}})
    with pytest.raises(corroborate.InputError, match=r"^config: unknown field `speed`"):
        corroborate.group([{"text": "One."}], config={"speed": 1})


def test_read_errors_are_os_errors(tmp_path):
    with pytest.raises(corroborate.ReadError, match="cannot read") as caught:
        corroborate.load(tmp_path / "missing")
    assert isinstance(caught.value, OSError)
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe not text")
    with pytest.raises(corroborate.InputError, match=r"a\.txt: not valid UTF-8 \(first invalid byte at offset 0\)"):
        corroborate.load(tmp_path)
    with pytest.raises(corroborate.InputError, match="over the limit of 4 bytes"):
        corroborate.load(tmp_path, keep_going=False, max_report_bytes=4)


def test_nothing_is_lost_on_odd_text():
    reports = [{"id": str(i), "text": t} for i, t in enumerate(["“", "”“”", "\u0000x", "é" * 3, "1 2 3 %"])]
    result = corroborate.compare(reports)
    assert sorted(r.id for r in result.reports) == [str(i) for i in range(5)]
    assert sorted(i for e in result.events for i in e.reports) == [str(i) for i in range(5)]
