"""Clean a Dask bag or a Dask DataFrame column on a cluster.

    >>> import dask.bag as db
    >>> bag = db.from_sequence(["Hallo\\u00a0Welt  "], npartitions=1)
    >>> clean_bag(bag).compute(scheduler="sync")
    ['Hallo Welt']

The work is a plain function mapped over partitions; each worker builds its
pipeline once (`cleanse.make_pipeline` caches it) from the keyword options given
here, so the results equal those of the same pipeline in one process. Needs the
``dask`` extra: ``pip install 'cleanse-web[dask]'``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import import_module
from typing import Any, Literal

from cleanse.integrations import require
from cleanse.records import EditsMode, clean_record

__all__ = ["clean_bag", "clean_dataframe"]

FrameEdits = Literal["full", "rules"]


def _pipeline(options: dict[str, Any]) -> Any:
    from cleanse.api import make_pipeline

    return make_pipeline(**options)


def _clean_texts(texts: Iterable[str], options: dict[str, Any]) -> list[str]:
    pipeline = _pipeline(options)
    return [doc.text for doc in pipeline.stream(texts)]


def _clean_records(
    records: Iterable[dict[str, Any]],
    field: str,
    edits: EditsMode,
    options: dict[str, Any],
) -> list[dict[str, Any]]:
    pipeline = _pipeline(options)
    return [clean_record(r, pipeline, field=field, edits=edits) for r in records]


def clean_bag(
    bag: Any,
    *,
    field: str | None = None,
    edits: EditsMode = "full",
    **pipeline_options: Any,
) -> Any:
    """Clean every item of a Dask bag: texts, or records when ``field`` is given.

    A bag of ``str`` gives a bag of clean ``str``. With ``field="text"`` the items
    are dicts and each comes back as `cleanse.records.clean_record` makes it (the
    text replaced; ``lang``, ``lang_score`` and ``edits`` added; other keys kept).
    A record without a string in ``field`` raises `cleanse.records.RecordError`
    when computed, as it would in one process.
    """
    require("dask", "dask")
    if field is None:
        return bag.map_partitions(_clean_texts, options=pipeline_options)
    return bag.map_partitions(
        _clean_records, field=field, edits=edits, options=pipeline_options
    )


def _frame_columns(
    texts: Iterable[object], edits: FrameEdits, options: dict[str, Any]
) -> tuple[list[object], list[str], list[float], list[str]]:
    pipeline = _pipeline(options)
    out: list[object] = []
    langs: list[str] = []
    scores: list[float] = []
    notes: list[str] = []
    texts = list(texts)
    cleaned = pipeline.stream(text for text in texts if isinstance(text, str))
    for text in texts:
        if not isinstance(text, str):
            # A missing text stays missing; the row is kept, not dropped or failed.
            out.append(None)
            langs.append("und")
            scores.append(0.0)
            notes.append("[]")
            continue
        doc = next(cleaned)
        out.append(doc.text)
        langs.append(doc.lang)
        scores.append(round(doc.lang_score, 4))
        if edits == "full":
            notes.append(
                json.dumps([e.to_dict() for e in doc.edits], ensure_ascii=False)
            )
        else:
            notes.append(json.dumps([e.rule for e in doc.edits]))
    return out, langs, scores, notes


def _clean_partition(
    frame: Any, column: str, edits: FrameEdits, options: dict[str, Any]
) -> Any:
    # Through import_module: pandas ships no type information (no stubs needed).
    pd = import_module("pandas")

    text, lang, score, notes = _frame_columns(frame[column], edits, options)
    dtype = frame[column].dtype
    out = frame.copy()
    out[column] = pd.Series(text, index=frame.index, dtype=dtype)
    out["lang"] = pd.Series(lang, index=frame.index, dtype=dtype)
    out["lang_score"] = pd.Series(score, index=frame.index, dtype="float64")
    out["edits"] = pd.Series(notes, index=frame.index, dtype=dtype)
    return out


def clean_dataframe(
    df: Any,
    column: str = "text",
    *,
    edits: FrameEdits = "rules",
    **pipeline_options: Any,
) -> Any:
    """Clean ``df[column]`` and add ``lang``, ``lang_score`` and ``edits`` columns.

    ``edits`` is a JSON string per row, so the frame stays flat and writes to
    Parquet as is: the list of rule ids (``"rules"``, the default) or the full,
    replayable edits (``"full"``). A missing text (None, NaN) stays missing, with
    language ``"und"`` and no edits. Columns named ``lang``, ``lang_score`` or
    ``edits`` are overwritten, so cleaning a cleaned frame again gives the same.
    """
    require("dask", "dask")
    if column not in df.columns:
        raise KeyError(
            f"no column {column!r} in the DataFrame (it has {', '.join(df.columns)})"
        )
    meta = _clean_partition(df._meta, column, edits, pipeline_options)
    return df.map_partitions(
        _clean_partition, column, edits, pipeline_options, meta=meta
    )
