"""The package's classes: plain, frozen data read from the engine's JSON.

Every class here mirrors one object of the JSON contract (DESIGN.md) and
its ``to_dict()`` gives that object exactly as the engine wrote it. Spans
(``start``, ``end``) are byte offsets into the UTF-8 text, as everywhere
in corroborate; where the report's text is known, ``char_start`` and
``char_end`` give the same span as Python string indices, so that
``text[e.char_start:e.char_end] == e.text``.
"""

from __future__ import annotations

import array
import bisect
import copy
import datetime
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, Union

Date = datetime.date


def _date(value: Optional[str]) -> Optional[Date]:
    return None if value is None else datetime.date.fromisoformat(value)


class _Chars:
    """Byte offsets of one text as string indices. The byte offset of
    every ``_STEP``-th character is kept, so a lookup encodes at most one
    step of text, whatever the text's length."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._ascii = text.isascii()
        self._bytes_at = array.array("q", [0])
        if not self._ascii:
            total = 0
            for at in range(_STEP, len(text), _STEP):
                total += len(text[at - _STEP : at].encode("utf-8"))
                self._bytes_at.append(total)

    def __call__(self, offset: int) -> int:
        if self._ascii:
            return offset
        step = bisect.bisect_right(self._bytes_at, offset) - 1
        start = step * _STEP
        chunk = self._text[start : start + _STEP].encode("utf-8")
        inside = offset - self._bytes_at[step]
        return start + len(chunk[:inside].decode("utf-8", errors="ignore"))


_STEP = 4096

_NO_TEXT: Callable[[int], Optional[int]] = lambda offset: None


def _spanned(d: Dict[str, Any], at: Callable[[int], Optional[int]]) -> Dict[str, Any]:
    """The span fields every spanned object has: bytes, text, string indices."""
    return {
        "start": d["start"],
        "end": d["end"],
        "text": d["text"],
        "char_start": at(d["start"]),
        "char_end": at(d["end"]),
    }


class _Json:
    """A value read from the engine's JSON, which it keeps for ``to_dict``."""

    _raw: Dict[str, Any]

    def to_dict(self) -> Dict[str, Any]:
        """This object as in the engine's JSON (a fresh copy)."""
        return copy.deepcopy(self._raw)


def _keep(obj: Any, raw: Dict[str, Any]) -> Any:
    object.__setattr__(obj, "_raw", raw)
    return obj


@dataclass(frozen=True)
class Report:
    """One article as given. ``text`` is never rewritten: every span of
    every result indexes it. Only ``id`` and ``text`` are required;
    ``published`` is a ``datetime.date`` (or a ``YYYY-MM-DD`` string), and
    ``event`` a label that puts reports in one event whatever they say."""

    id: str
    text: str
    outlet: Optional[str] = None
    published: Union[Date, str, None] = None
    title: Optional[str] = None
    url: Optional[str] = None
    event: Optional[str] = None

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Report":
        """A report from its JSON form (the input format's fields)."""
        return cls(
            id=d["id"],
            text=d["text"],
            outlet=d.get("outlet"),
            published=_date(d.get("published")),
            title=d.get("title"),
            url=d.get("url"),
            event=d.get("event"),
        )

    def to_dict(self) -> Dict[str, Any]:
        """The report in the JSON input format (fields that are set)."""
        out: Dict[str, Any] = {"id": self.id, "text": self.text}
        for name in ("outlet", "published", "title", "url", "event"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value.isoformat() if isinstance(value, Date) else value
        return out


@dataclass(frozen=True)
class ReportInfo(_Json):
    """What a comparison says of each report it read."""

    id: str
    outlet: Optional[str]
    published: Optional[Date]
    title: Optional[str]

    @classmethod
    def _read(cls, d: Dict[str, Any]) -> "ReportInfo":
        info = cls(d["id"], d.get("outlet"), _date(d.get("published")), d.get("title"))
        return _keep(info, d)


@dataclass(frozen=True)
class Evidence(_Json):
    """One exact span of one report: ``text`` is the report's text there."""

    report: str
    start: int
    end: int
    text: str
    speaker: Optional[str]
    speaker_confidence: float
    char_start: Optional[int] = None
    char_end: Optional[int] = None

    @property
    def span(self) -> Tuple[int, int]:
        """``(start, end)`` in bytes."""
        return (self.start, self.end)

    @classmethod
    def _read(cls, d: Dict[str, Any], chars: Callable[[str], Callable[[int], Optional[int]]]) -> "Evidence":
        at = chars(d["report"])
        evidence = cls(
            report=d["report"],
            **_spanned(d, at),
            speaker=d.get("speaker"),
            speaker_confidence=d.get("speaker_confidence", 0.0),
        )
        return _keep(evidence, d)


@dataclass(frozen=True)
class Record(_Json):
    """One claim: an agreement (several reports carry it), a discrepancy
    (how their versions differ) or a unique claim (one report only).

    ``claim`` is ``"quote"``, ``"statement"`` or ``"fact"``; ``kind`` is
    the claim itself (``"quote"``, ``"statement"``, a fact kind such as
    ``"count"``) or, for a discrepancy, the difference (``"wording"``,
    ``"truncation"``, ``"attribution"``, ``"value"``, ``"date"``,
    ``"qualifier"``). ``of`` is the id of the agreement a discrepancy is
    about; ``diff`` marks changed words ``[-removed-]{+added+}``.
    """

    id: str
    claim: str
    kind: str
    speaker: Optional[str]
    evidence: List[Evidence]
    score: Optional[float]
    of: Optional[str] = None
    diff: Optional[str] = None
    note: Optional[str] = None

    @property
    def reports(self) -> List[str]:
        """The ids of the reports with evidence, sorted, each once."""
        return sorted({e.report for e in self.evidence})

    @classmethod
    def _read(cls, d: Dict[str, Any], chars: Callable[[str], Callable[[int], Optional[int]]]) -> "Record":
        record = cls(
            id=d.get("id", ""),
            claim=d["claim"],
            kind=d["kind"],
            speaker=d.get("speaker"),
            evidence=[Evidence._read(e, chars) for e in d["evidence"]],
            score=d.get("score"),
            of=d.get("of"),
            diff=d.get("diff"),
            note=d.get("note"),
        )
        return _keep(record, d)


@dataclass(frozen=True)
class Event(_Json):
    """Reports that cover one occasion, and what they say of it."""

    id: str
    reports: List[str]
    agreements: List[Record]
    discrepancies: List[Record]
    unique: List[Record]

    def records(self) -> Iterator[Tuple[str, Record]]:
        """Every record with its section (``"agreement"``,
        ``"discrepancy"`` or ``"unique"``), in output order."""
        for section, records in (
            ("agreement", self.agreements),
            ("discrepancy", self.discrepancies),
            ("unique", self.unique),
        ):
            for record in records:
                yield section, record

    @classmethod
    def _read(cls, d: Dict[str, Any], chars: Callable[[str], Callable[[int], Optional[int]]]) -> "Event":
        event = cls(
            id=d["id"],
            reports=list(d["reports"]),
            agreements=[Record._read(r, chars) for r in d["agreements"]],
            discrepancies=[Record._read(r, chars) for r in d["discrepancies"]],
            unique=[Record._read(r, chars) for r in d["unique"]],
        )
        return _keep(event, d)


@dataclass(frozen=True)
class Skipped(_Json):
    """An input that was skipped (``load(..., keep_going=True)``) and why."""

    path: str
    error: str

    @classmethod
    def _read(cls, path: str, error: str) -> "Skipped":
        return _keep(cls(path, error), {"path": path, "error": error})


@dataclass(frozen=True)
class Quote(_Json):
    """A direct quote and, when found, who said it (``speaker_start`` and
    ``speaker_end`` are the byte span of the name in the text)."""

    start: int
    end: int
    text: str
    speaker: Optional[str]
    speaker_start: Optional[int]
    speaker_end: Optional[int]
    speaker_confidence: float
    kind: str
    sentence: int
    char_start: Optional[int] = None
    char_end: Optional[int] = None

    @classmethod
    def _read(cls, d: Dict[str, Any], at: Callable[[int], Optional[int]]) -> "Quote":
        quote = cls(
            **_spanned(d, at),
            speaker=d.get("speaker"),
            speaker_start=d.get("speaker_start"),
            speaker_end=d.get("speaker_end"),
            speaker_confidence=d.get("speaker_confidence", 0.0),
            kind=d["kind"],
            sentence=d["sentence"],
        )
        return _keep(quote, d)


@dataclass(frozen=True)
class Fact(_Json):
    """A number, amount, percentage, date, weekday, duration or relative
    time. ``value`` is its normalised value as in the JSON (a number, or
    a dict for amounts with a unit); ``resolved`` the calendar date a date
    or relative time comes to; ``time`` how it was resolved."""

    start: int
    end: int
    text: str
    kind: str
    value: Any
    resolved: Optional[Date]
    time: Optional[Dict[str, Any]]
    qualifier: Optional[str]
    unit: Optional[str]
    sentence: int
    char_start: Optional[int] = None
    char_end: Optional[int] = None

    @classmethod
    def _read(cls, d: Dict[str, Any], at: Callable[[int], Optional[int]]) -> "Fact":
        fact = cls(
            **_spanned(d, at),
            kind=d["kind"],
            value=copy.deepcopy(d.get("value")),
            resolved=_date(d.get("resolved")),
            time=copy.deepcopy(d.get("time")),
            qualifier=d.get("qualifier"),
            unit=d.get("unit"),
            sentence=d["sentence"],
        )
        return _keep(fact, d)


@dataclass(frozen=True)
class Statement(_Json):
    """A sentence of the reporter's own, as a claim."""

    start: int
    end: int
    text: str
    sentence: int
    char_start: Optional[int] = None
    char_end: Optional[int] = None

    @classmethod
    def _read(cls, d: Dict[str, Any], at: Callable[[int], Optional[int]]) -> "Statement":
        statement = cls(
            **_spanned(d, at),
            sentence=d["sentence"],
        )
        return _keep(statement, d)


@dataclass(frozen=True)
class Extraction(_Json):
    """What one report says: its sentences (byte spans), quotes, facts and
    statements."""

    id: str
    outlet: Optional[str]
    published: Optional[Date]
    title: Optional[str]
    sentences: List[Tuple[int, int]]
    quotes: List[Quote]
    facts: List[Fact]
    statements: List[Statement]

    @classmethod
    def _read(cls, d: Dict[str, Any], text: Optional[str]) -> "Extraction":
        at: Callable[[int], Optional[int]] = _Chars(text) if text is not None else _NO_TEXT
        extraction = cls(
            id=d["id"],
            outlet=d.get("outlet"),
            published=_date(d.get("published")),
            title=d.get("title"),
            sentences=[(s["start"], s["end"]) for s in d["sentences"]],
            quotes=[Quote._read(q, at) for q in d["quotes"]],
            facts=[Fact._read(f, at) for f in d["facts"]],
            statements=[Statement._read(s, at) for s in d["statements"]],
        )
        return _keep(extraction, d)


@dataclass(frozen=True)
class EventGroup(_Json):
    """One event of ``group``: its id and its reports' ids, sorted."""

    id: str
    reports: List[str]

    @classmethod
    def _read(cls, d: Dict[str, Any]) -> "EventGroup":
        return _keep(cls(d["id"], list(d["reports"])), d)


@dataclass(frozen=True)
class IndexedEvent(_Json):
    """An event of an ``EventIndex``: its id in the index, its reports'
    ids (sorted) and the first and last publication dates among them."""

    id: int
    reports: List[str]
    first: Optional[Date]
    last: Optional[Date]

    @classmethod
    def _read(cls, d: Dict[str, Any]) -> "IndexedEvent":
        event = cls(d["id"], list(d["reports"]), _date(d.get("first")), _date(d.get("last")))
        return _keep(event, d)


class Reports(List[Report]):
    """The reports ``load`` read: a list, with the inputs it skipped (with
    ``keep_going=True``; ``compare`` then lists them in its output, as the
    command-line tool's ``--keep-going`` does)."""

    skipped: List[Skipped]
    keep_going: bool

    def __init__(
        self,
        reports: Iterable[Report] = (),
        skipped: Iterable[Skipped] = (),
        keep_going: bool = False,
    ) -> None:
        super().__init__(reports)
        self.skipped = list(skipped)
        self.keep_going = keep_going


def _chars_for(texts: Dict[str, str]) -> Callable[[str], Callable[[int], Optional[int]]]:
    """String indices per report id, made when first asked for."""
    made: Dict[str, Callable[[int], Optional[int]]] = {}

    def chars(report: str) -> Callable[[int], Optional[int]]:
        if report not in made:
            text = texts.get(report)
            made[report] = _Chars(text) if text is not None else _NO_TEXT
        return made[report]

    return chars


__all__ = [
    "Report",
    "ReportInfo",
    "Evidence",
    "Record",
    "Event",
    "Skipped",
    "Quote",
    "Fact",
    "Statement",
    "Extraction",
    "EventGroup",
    "IndexedEvent",
    "Reports",
]
