"""Type stubs of the engine module; use the `corroborate` package's API."""

from typing import Any, List, Optional, Sequence, Tuple

SCHEMA_VERSION: str

class NativeComparison:
    def json(self) -> str: ...
    def text(self, color: bool = False) -> str: ...
    def markdown(self) -> str: ...
    def html(self) -> str: ...
    def ids(self) -> List[str]: ...
    def __len__(self) -> int: ...

class NativeIndex:
    def __init__(self, config: Optional[str] = None) -> None: ...
    def add(self, reports: Sequence[Any]) -> List[int]: ...
    def events(self) -> str: ...
    def retire(self) -> str: ...
    def state(self) -> str: ...
    @staticmethod
    def from_state(state: str) -> "NativeIndex": ...
    def __len__(self) -> int: ...

def compare(
    reports: Any,
    config: Optional[str] = None,
    one_event: bool = False,
    skipped: Optional[List[Tuple[str, str]]] = None,
) -> NativeComparison: ...
def extract(reports: Any) -> str: ...
def group(reports: Any, config: Optional[str] = None, one_event: bool = False) -> str: ...
def similarity(a: str, b: str) -> float: ...
def load(
    paths: List[str],
    keep_going: bool = False,
    max_report_bytes: Optional[int] = None,
    max_total_bytes: Optional[int] = None,
) -> Tuple[str, List[Tuple[str, str]]]: ...
def default_config() -> str: ...
def schema(which: str) -> str: ...

# The distributed steps, for corroborate.spark.
class NativeCounts:
    def __init__(
        self,
        reports: int,
        statements: int,
        term_keys: bytes,
        term_counts: bytes,
        stem_keys: bytes,
        stem_counts: bytes,
    ) -> None: ...

Packed = Tuple[bytes, bytes]
"""A list column as offsets and values, as bytes."""

def spark_terms(
    reports: Sequence[Any], config: Optional[str] = None, threads: Optional[int] = None
) -> Tuple[
    List[str],
    List[Optional[str]],
    List[Optional[str]],
    List[Optional[str]],
    List[Optional[str]],
    List[int],
    Packed,
    bytes,
    Packed,
    bytes,
]: ...
def spark_vectors(
    counts: NativeCounts,
    terms: Packed,
    weights: Packed,
    config: Optional[str] = None,
    threads: Optional[int] = None,
) -> Tuple[bytes, bytes, bytes]: ...
def spark_blocks(
    dates: List[Optional[str]], config: Optional[str] = None
) -> Tuple[bool, List[int]]: ...
def spark_group(
    ids: List[str],
    published: List[Optional[str]],
    labels: List[Optional[str]],
    terms: Packed,
    weights: Packed,
    block: int,
    single: bool,
    corpus_reports: int,
    config: Optional[str] = None,
) -> Tuple[List[str], List[List[int]]]: ...
def spark_merge(
    ids: List[str],
    published: List[Optional[str]],
    labels: List[Optional[str]],
    terms: Packed,
    weights: Packed,
    blocks: List[int],
    events: List[str],
    corpus_reports: int,
    config: Optional[str] = None,
) -> List[str]: ...
def spark_labels(events: List[str], labels: List[str]) -> List[str]: ...
def spark_align(
    counts: NativeCounts,
    reports: Sequence[Any],
    config: Optional[str] = None,
    threads: Optional[int] = None,
) -> str: ...
