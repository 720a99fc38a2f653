"""JSON records in and out: the unit the command line, Dask and datasets work on.

    >>> out = clean_record({"id": 7, "text": "Hallo\\u00a0Welt "})
    >>> out["id"], out["text"], sorted(out)
    (7, 'Hallo Welt', ['edits', 'id', 'lang', 'lang_score', 'text'])

A cleaned record is the input record with the text field replaced and ``lang``,
``lang_score`` and ``edits`` (and ``paragraph_langs`` when asked for) set. Every
other field keeps its value and its place. A key the record already has under one of
those names is overwritten where it stands, so cleaning cleanse's own output again
gives the same record.

`process_line` is the whole life of one JSONL line: decode, parse, check, clean,
serialise. It never raises for bad input; it returns a `LineResult` that says what
to write and what went wrong, which is what lets the command line keep every record.

When the pipeline's rule files group records into sites (learned rules, whose
``[pack] group_by`` is ``"url"`` or a field name), each record's document starts
with its site (`cleanse.learn.sites.site_of`), so a site's learned lines are
dropped on that site only; a record without the field gets no site rules.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from cleanse._frozen import Frozen, _set
from cleanse.document import Document
from cleanse.pipeline import Pipeline
from cleanse.report import LineResult, format_edit

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any, Literal, TypeAlias

__all__ = [
    "EditsMode",
    "LineResult",
    "RecordError",
    "clean_record",
    "dumps",
    "format_edit",
    "group_by_of",
    "parse_record",
    "process_line",
    "process_lines",
]

EditsMode: TypeAlias = 'Literal["full", "rules", "none"]'

Runner = Callable[[str], Document]


class RecordError(ValueError):
    """A record that cannot be cleaned: not JSON, not an object, no string text."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in pairs:
        if key in record:
            raise RecordError(
                f"duplicate key {key!r}: the record is ambiguous, so it is not cleaned"
            )
        record[key] = value
    return record


def parse_record(raw: bytes | str, field: str) -> dict[str, Any]:
    """Parse one JSONL line into a record whose ``field`` holds a string.

    Raises `RecordError` with a message a user can act on.
    """
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RecordError(
                f"invalid UTF-8 at byte {error.start} of the line; JSONL must be UTF-8"
            ) from None
    try:
        record = json.loads(raw, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise RecordError(
            f"not valid JSON: {error.msg}, column {error.colno}"
        ) from None
    except RecursionError:
        raise RecordError("JSON nested too deeply to parse") from None
    if not isinstance(record, dict):
        raise RecordError(f"a JSON {type(record).__name__}, not an object")
    _check_text(record, field)
    return record


def _check_text(record: dict[str, Any], field: str) -> None:
    """Raise `RecordError` unless ``record[field]`` is a string."""
    if field not in record:
        raise RecordError(f"no field {field!r} (use --field to name the text field)")
    if not isinstance(record[field], str):
        kind = "null" if record[field] is None else type(record[field]).__name__
        raise RecordError(f"field {field!r} is {kind}, not a string")


def group_by_of(pipeline: object) -> str | None:
    """How ``pipeline``'s rule files group records into sites (see the module
    docstring): the first ``group_by`` a step declares, else None.

    >>> from cleanse.api import make_pipeline
    >>> group_by_of(make_pipeline()) is None
    True
    """
    steps = pipeline.steps if isinstance(pipeline, Pipeline) else ()
    for step in steps:
        group = group_by_of(step) if isinstance(step, Pipeline) else None
        group = group or getattr(step, "group_by", None)
        if isinstance(group, str):
            return group
    return None


def _start(record: dict[str, Any], field: str, group: str | None) -> str | Document:
    """What the pipeline starts from: the text, or a document of its site when the
    rules group records into sites."""
    if group is not None:
        from cleanse.learn.sites import site_of

        site = site_of(record, group)
        if site is not None:
            return Document.from_text(record[field], site=site)
    text: str = record[field]  # a string: parse_record and clean_record check it
    return text


def clean_record(
    record: dict[str, Any],
    pipeline: Pipeline | None = None,
    *,
    field: str = "text",
    into: str | None = None,
    edits: EditsMode = "full",
) -> dict[str, Any]:
    """Clean ``record[field]`` with ``pipeline`` (the default one if ``None``).

    The clean text goes to ``into`` (default: ``field`` itself). Returns a new
    dict; the input is not changed. Raises `RecordError` when the field is missing
    or not a string.
    """
    _check_text(record, field)
    if pipeline is None:
        from cleanse.api import make_pipeline

        pipeline = make_pipeline()
    doc = pipeline.run(_start(record, field, group_by_of(pipeline)))
    return _merge(record, doc, into or field, edits)


def _merge(
    record: dict[str, Any], doc: Document, field: str, edits: EditsMode
) -> dict[str, Any]:
    out = dict(record)
    out[field] = doc.text
    out["lang"] = doc.lang
    out["lang_score"] = round(doc.lang_score, 4)
    if doc.paragraph_langs:
        out["paragraph_langs"] = [
            [lang, round(s, 4)] for lang, s in doc.paragraph_langs
        ]
    if edits == "full":
        out["edits"] = [e.to_dict() for e in doc.edits]
    elif edits == "rules":
        out["edits"] = [e.rule for e in doc.edits]
    return out


def dumps(record: dict[str, Any]) -> bytes:
    """Serialise a record as one UTF-8 JSON line (no newline).

    Lone surrogates that a record carried in other fields cannot be written as UTF-8;
    such a record is written with ASCII escapes instead, so it survives unchanged.
    """
    text = json.dumps(record, ensure_ascii=False, separators=(", ", ": "))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, separators=(", ", ": ")).encode()


def process_lines(
    lines: Sequence[tuple[str, bytes]],
    pipeline: Pipeline,
    *,
    field: str = "text",
    into: str | None = None,
    edits: EditsMode = "full",
    explain: bool = False,
) -> list[LineResult]:
    """`process_line` for each ``(where, raw line)``, the records cleaned together
    (`Pipeline.run_batch`); never raises for bad input.

    >>> from cleanse.api import make_pipeline
    >>> lines = [("in:1", b'{"text": "Hallo  Welt"}'), ("in:2", b"[1]")]
    >>> [r.error for r in process_lines(lines, make_pipeline(), edits="none")]
    [None, 'in:2: a JSON list, not an object']
    """
    results: list[LineResult | None] = []
    records: list[tuple[int, dict[str, Any]]] = []
    starts: list[str | Document] = []
    group = group_by_of(pipeline)
    for where, raw in lines:
        line = raw.rstrip(b"\r\n")
        if not line.strip():
            # A blank line holds no record: written back as it was, not an error.
            results.append(LineResult(line))
            continue
        try:
            record = parse_record(line, field)
        except RecordError as error:
            results.append(LineResult(line, f"{where}: {error}"))
            continue
        records.append((len(results), record))
        starts.append(_start(record, field, group))
        results.append(None)
    for (index, record), doc in zip(records, pipeline.run_batch(starts), strict=True):
        out = dumps(_merge(record, doc, into or field, edits))
        where = lines[index][0]
        notes = tuple(format_edit(where, e) for e in doc.edits) if explain else ()
        results[index] = LineResult(out, None, notes)
    return [result for result in results if result is not None]


def process_line(
    raw: bytes,
    runner: Runner,
    *,
    where: str,
    field: str = "text",
    into: str | None = None,
    edits: EditsMode = "full",
    explain: bool = False,
) -> LineResult:
    """Clean one JSONL line; never raises for bad input (see `LineResult`).

    ``runner`` is a pipeline's ``run`` (its pipeline then also says how records
    group into sites) or any callable from text to `Document`.
    """
    pipeline = getattr(runner, "__self__", None)
    if not isinstance(pipeline, Pipeline):
        pipeline = Pipeline((_Runner(runner),))
    return process_lines(
        [(where, raw)],
        pipeline,
        field=field,
        into=into,
        edits=edits,
        explain=explain,
    )[0]


class _Runner(Frozen):
    """A callable from text to `Document`, as a pipeline step."""

    __slots__ = ("name", "runner")
    _fields = ("runner", "name")

    runner: Runner
    name: str

    def __init__(self, runner: Runner, name: str = "runner") -> None:
        _set(self, "runner", runner)
        _set(self, "name", name)

    def __call__(self, doc: Document) -> Document:
        return self.runner(doc.text)
