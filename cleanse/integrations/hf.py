"""Clean a Hugging Face dataset with ``datasets.Dataset.map(batched=True)``.

    >>> out = clean_batch({"text": ["Hallo Welt ", None], "id": [1, 2]})
    >>> sorted(out)
    ['edits', 'lang', 'lang_score', 'text']
    >>> out["text"], out["edits"]
    (['Hallo Welt', None], [['tidy.trailing-space'], []])

`clean_batch` is the function to map; it returns only the columns it changes or
adds, and ``datasets`` keeps the others:

    ds.map(clean_batch, batched=True, fn_kwargs={"column": "text"})

`clean_dataset` does that call for you. Both pass their remaining keyword options
to `cleanse.make_pipeline`. `clean_dataset` needs the ``hf`` extra:
``pip install 'cleanse-web[hf]'``.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from cleanse.integrations import require

__all__ = ["clean_batch", "clean_dataset"]

BatchEdits = Literal["rules", "full"]


def clean_batch(
    batch: dict[str, list[Any]],
    *,
    column: str = "text",
    edits: BatchEdits = "rules",
    **pipeline_options: Any,
) -> dict[str, list[Any]]:
    """Clean ``batch[column]``; add ``lang``, ``lang_score`` and ``edits`` columns.

    ``edits`` holds each row's rule ids (``"rules"``, a list of strings, the
    default) or its full, replayable edits as a JSON string (``"full"``). A missing
    text (None) stays None, with language ``"und"`` and no edits, so no row is lost.
    Works on any dict of columns; it needs no ``datasets`` import itself.
    """
    from cleanse.api import make_pipeline

    if column not in batch:
        raise KeyError(
            f"no column {column!r} in the batch (it has {', '.join(batch)}); "
            "pass column=... in fn_kwargs"
        )
    pipeline = make_pipeline(**pipeline_options)
    texts: list[str | None] = []
    langs: list[str] = []
    scores: list[float] = []
    notes: list[Any] = []
    column_texts = batch[column]
    cleaned = pipeline.stream(t for t in column_texts if isinstance(t, str))
    for text in column_texts:
        if not isinstance(text, str):
            texts.append(None)
            langs.append("und")
            scores.append(0.0)
            notes.append([] if edits == "rules" else "[]")
            continue
        doc = next(cleaned)
        texts.append(doc.text)
        langs.append(doc.lang)
        scores.append(round(doc.lang_score, 4))
        if edits == "rules":
            notes.append([e.rule for e in doc.edits])
        else:
            notes.append(
                json.dumps([e.to_dict() for e in doc.edits], ensure_ascii=False)
            )
    return {column: texts, "lang": langs, "lang_score": scores, "edits": notes}


def clean_dataset(
    dataset: Any,
    *,
    column: str = "text",
    edits: BatchEdits = "rules",
    batch_size: int = 1000,
    num_proc: int | None = None,
    **pipeline_options: Any,
) -> Any:
    """``dataset.map(clean_batch, batched=True, ...)`` with the options passed on.

    ``num_proc`` runs that many processes, as ``datasets`` does it.
    """
    require("datasets", "hf")
    return dataset.map(
        clean_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        fn_kwargs={"column": column, "edits": edits, **pipeline_options},
        desc="cleanse",
    )
