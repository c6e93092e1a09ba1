"""corroborate: compare news reports across outlets.

Which reports cover the same event, what each quotes and who said it,
which facts each gives, and where the outlets agree, where they differ
and what only one of them carries — every finding backed by an exact span
of the original text. The work is done by the Rust engine (the same one
as the ``corroborate`` command-line tool); this package gives it Python
objects. The GIL is released while the engine works.

>>> import corroborate
>>> reports = [
...     {"id": "wire", "text": "Floods killed 51 people in Port Alder on Tuesday.\\n\\n"
...      "“This is a tragedy without precedent,” Mayor Ines Calloway said."},
...     {"id": "daily", "text": "Floods killed 62 people in Port Alder on Tuesday.\\n\\n"
...      "Mayor Ines Calloway called it “a tragedy without precedent.”"},
... ]
>>> comparison = corroborate.compare(reports)
>>> [(r.kind, [e.text for e in r.evidence]) for r in comparison.events[0].discrepancies]
[('value', ['62 people', '51 people'])]
"""

from __future__ import annotations

import html as _html
import json as _json
import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Union, overload

from . import _native
from ._errors import Error, InputError, ReadError
from ._model import (
    Event,
    EventGroup,
    Evidence,
    Extraction,
    Fact,
    IndexedEvent,
    Quote,
    Record,
    Report,
    ReportInfo,
    Reports,
    Skipped,
    Statement,
    _chars_for,
)

__version__ = "0.1.0"

#: The version of the JSON contract the engine writes.
SCHEMA_VERSION: str = _native.SCHEMA_VERSION

ReportLike = Union[Report, Mapping[str, Any], Any]
"""A ``Report``, a dict with the report's fields (``id``, ``text``,
``outlet``, ``published``, ``title``, ``url``, ``event``; only ``text`` is
required), or any object with them as attributes (a named tuple, a pandas
row from ``itertuples()``)."""

PathLike = Union[str, "os.PathLike[str]"]


def _config(config: Optional[Mapping[str, Any]]) -> Optional[str]:
    if config is None:
        return None
    if not isinstance(config, Mapping):
        raise TypeError(f"config must be a dict, not {type(config).__name__}")
    return _json.dumps(config)


def _text_of(report: ReportLike) -> Any:
    return report.get("text") if isinstance(report, Mapping) else getattr(report, "text", None)


class Comparison:
    """The result of ``compare``: events, each with its agreement,
    discrepancy and unique records.

    ``to_json()`` is exactly what ``corroborate compare --format json``
    writes; ``to_dict()`` is that JSON as Python data; ``to_html()``,
    ``to_markdown()`` and ``to_text()`` are the other renderers. In
    Jupyter the comparison shows as its HTML report. ``records()`` is a
    flat view, one row per piece of evidence, for pandas.
    """

    def __init__(self, native: Any, texts: Dict[str, str], skipped: List[Skipped]) -> None:
        self._native = native
        self._texts = texts
        self._skipped = skipped
        self._read: Optional[Dict[str, Any]] = None

    def _parsed(self) -> Dict[str, Any]:
        if self._read is None:
            data = _json.loads(self._native.json())
            chars = _chars_for(self._texts)
            self._read = {
                "schema_version": data["schema_version"],
                "reports": [ReportInfo._read(r) for r in data["reports"]],
                "events": [Event._read(e, chars) for e in data["events"]],
            }
        return self._read

    @property
    def schema_version(self) -> str:
        """The version of the JSON contract."""
        return self._parsed()["schema_version"]

    @property
    def reports(self) -> List[ReportInfo]:
        """Every report compared, sorted by id."""
        return list(self._parsed()["reports"])

    @property
    def events(self) -> List[Event]:
        """The events, sorted by their first report's id."""
        return list(self._parsed()["events"])

    @property
    def skipped(self) -> List[Skipped]:
        """Inputs ``load`` skipped (with ``keep_going=True``)."""
        return list(self._skipped)

    def __len__(self) -> int:
        return len(self._native)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __repr__(self) -> str:
        n = len(self._parsed()["reports"])
        return f"<corroborate.Comparison: {n} reports, {len(self)} events>"

    def to_json(self) -> str:
        """The JSON of ``corroborate compare --format json``, byte for byte
        (pretty-printed, with a final newline)."""
        return self._native.json()

    def to_dict(self) -> Dict[str, Any]:
        """The JSON as Python data (a fresh copy)."""
        return _json.loads(self._native.json())

    def to_text(self, color: bool = False) -> str:
        """Plain text: per event, who said what, where outlets agree and
        differ (``[-removed-]{+added+}``); ANSI colours when ``color``."""
        return self._native.text(color)

    def to_markdown(self) -> str:
        """Markdown, for a fact-check draft."""
        return self._native.markdown()

    def to_html(self) -> str:
        """One self-contained HTML page."""
        return self._native.html()

    def _repr_html_(self) -> str:
        # In an iframe, so the page's style cannot reach the notebook's.
        page = _html.escape(self.to_html(), quote=True)
        return (
            f'<iframe srcdoc="{page}" style="width: 100%; height: 640px; border: 0" '
            'title="corroborate comparison"></iframe>'
        )

    def records(self) -> List[Dict[str, Any]]:
        """One row per piece of evidence of every record, for
        ``pandas.DataFrame(comparison.records())``: the event, the record
        (``section`` is agreement, discrepancy or unique) and the evidence,
        with the report's outlet and date."""
        info = {r.id: r for r in self._parsed()["reports"]}
        rows = []
        for event in self._parsed()["events"]:
            for section, record in event.records():
                for e in record.evidence:
                    report = info.get(e.report)
                    rows.append(
                        {
                            "event": event.id,
                            "record": record.id,
                            "of": record.of,
                            "section": section,
                            "claim": record.claim,
                            "kind": record.kind,
                            "record_speaker": record.speaker,
                            "score": record.score,
                            "note": record.note,
                            "report": e.report,
                            "outlet": report.outlet if report else None,
                            "published": report.published if report else None,
                            "text": e.text,
                            "speaker": e.speaker,
                            "speaker_confidence": e.speaker_confidence,
                            "start": e.start,
                            "end": e.end,
                            "char_start": e.char_start,
                            "char_end": e.char_end,
                        }
                    )
        return rows


def compare(
    reports: Iterable[ReportLike],
    *,
    one_event: bool = False,
    config: Optional[Mapping[str, Any]] = None,
) -> Comparison:
    """Compares reports: which cover the same event, and within each event
    where they agree, where they differ and what only one carries.

    ``reports`` are ``Report`` objects, dicts or objects with the report
    fields (see ``ReportLike``). With ``one_event=True`` they are all one
    event. ``config`` is the engine's settings as a dict, for example
    ``{"events": {"window_days": 3}, "align": {"quote_threshold": 0.7}}``
    (missing settings keep their defaults; see ``default_config()``).
    The output does not depend on the order of ``reports``.

    Raises ``InputError`` (a ``ValueError``) for bad input, naming the
    report: ``reports[2]: empty report (no text)``.
    """
    # What `load(..., keep_going=True)` skipped goes into the JSON, as
    # with the command-line tool's --keep-going.
    skipped = reports.skipped if isinstance(reports, Reports) and reports.keep_going else None
    reports = list(reports)
    native = _native.compare(
        reports,
        _config(config),
        one_event,
        None if skipped is None else [(s.path, s.error) for s in skipped],
    )
    texts = dict(zip(native.ids(), map(_text_of, reports)))
    return Comparison(native, texts, list(skipped or []))


def _is_report(value: Any) -> bool:
    return isinstance(value, Mapping) or hasattr(value, "text")


@overload
def extract(report: Union[Report, Mapping[str, Any]]) -> Extraction: ...
@overload
def extract(report: Iterable[ReportLike]) -> List[Extraction]: ...


def extract(report: Any) -> Any:
    """What one report says: an ``Extraction`` of its quotes (with
    speakers), facts and statements. Given a list of reports, a list of
    extractions (made in parallel), in the order given."""
    single = _is_report(report)
    reports = [report] if single else list(report)
    data = _json.loads(_native.extract(reports))
    # In the order given.
    found = [Extraction._read(d, _text_of(r)) for d, r in zip(data["reports"], reports)]
    return found[0] if single else found


def group(
    reports: Iterable[ReportLike],
    *,
    one_event: bool = False,
    config: Optional[Mapping[str, Any]] = None,
) -> List[EventGroup]:
    """Only the grouping of ``compare``: every report in exactly one
    event. ``config`` is the event settings (the ``"events"`` part of
    ``default_config()``)."""
    data = _json.loads(_native.group(list(reports), _config(config), one_event))
    return [EventGroup._read(e) for e in data["events"]]


def similarity(a: str, b: str) -> float:
    """How likely two sentences make one claim, from 0 to 1."""
    return _native.similarity(a, b)


def load(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    keep_going: bool = False,
    max_report_bytes: Optional[int] = None,
    max_total_bytes: Optional[int] = None,
) -> Reports:
    """Reads reports as the command-line tool does: ``.txt`` files (an
    optional first line `` date YYYY-MM-DD ``), ``.json`` (one report or an
    array), ``.jsonl``, and directories of them (in name order).

    With ``keep_going=True`` unreadable inputs (and bad JSONL lines) are
    skipped and listed in the result's ``skipped``, and ``compare`` carries
    them into its JSON as ``--keep-going`` does. Raises ``InputError`` or
    ``ReadError`` otherwise.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    names = [os.fspath(p) for p in paths]
    data, skipped = _native.load(names, keep_going, max_report_bytes, max_total_bytes)
    reports = [Report.from_dict(d) for d in _json.loads(data)]
    return Reports(reports, [Skipped._read(p, e) for p, e in skipped], keep_going=keep_going)


def default_config() -> Dict[str, Any]:
    """The engine's default settings, the shape ``config`` takes."""
    return _json.loads(_native.default_config())


def schema(which: str = "compare") -> Dict[str, Any]:
    """The JSON Schema of an output: ``"compare"``, ``"extract"`` or
    ``"events"``."""
    return _json.loads(_native.schema(which))


class EventIndex:
    """Groups a stream of reports into events as they arrive: ``add`` a
    batch (extracted in parallel), read ``events()``, ``retire()`` events
    past the retention window. ``config`` is the event settings (the
    ``"events"`` part of ``default_config()``). An index pickles."""

    def __init__(self, config: Optional[Mapping[str, Any]] = None) -> None:
        self._index = _native.NativeIndex(_config(config))

    def add(self, reports: Any) -> List[int]:
        """Adds one report or an iterable of them; the id of the event each
        joined, in order. (Ids are those at the time: when events merge,
        the smaller id stays.)"""
        batch = [reports] if _is_report(reports) else list(reports)
        return self._index.add(batch)

    def events(self) -> List[IndexedEvent]:
        """The events, by id."""
        return [IndexedEvent._read(e) for e in _json.loads(self._index.events())]

    def retire(self) -> List[IndexedEvent]:
        """Removes and returns the events last seen before the retention
        window (``retain_days`` before the newest report's date)."""
        return [IndexedEvent._read(e) for e in _json.loads(self._index.retire())]

    def __len__(self) -> int:
        """The number of reports held."""
        return len(self._index)

    def __repr__(self) -> str:
        return f"<corroborate.EventIndex: {len(self)} reports>"

    def __getstate__(self) -> Dict[str, str]:
        return {"state": self._index.state()}

    def __setstate__(self, state: Dict[str, str]) -> None:
        self._index = _native.NativeIndex.from_state(state["state"])


__all__ = [
    "SCHEMA_VERSION",
    "Comparison",
    "Error",
    "Event",
    "EventGroup",
    "EventIndex",
    "Evidence",
    "Extraction",
    "Fact",
    "IndexedEvent",
    "InputError",
    "Quote",
    "ReadError",
    "Record",
    "Report",
    "ReportInfo",
    "ReportLike",
    "Reports",
    "Skipped",
    "Statement",
    "compare",
    "default_config",
    "extract",
    "group",
    "load",
    "schema",
    "similarity",
]
