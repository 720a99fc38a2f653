"""The datasets adapter: Dataset.map(batched=True) gives the in-process results."""

from __future__ import annotations

import json

import pytest

from cleanse.api import make_pipeline
from cleanse.integrations.hf import clean_batch

TEXTS = [
    "WeiÃŸrussland &amp; die Ukraine\u00a0 ",
    "Already clean.",
    "Zeile\u200beins\r\n\r\n\r\nZeile zwei  ",
    None,
]


def test_clean_batch_on_plain_columns() -> None:
    batch = {"text": list(TEXTS), "id": [1, 2, 3, 4]}
    out = clean_batch(batch, edits="full")
    pipeline = make_pipeline()
    assert batch["text"] == TEXTS  # the input batch is not changed
    assert "id" not in out
    for i, text in enumerate(TEXTS):
        if text is None:
            assert (out["text"][i], out["lang"][i], out["edits"][i]) == (
                None,
                "und",
                "[]",
            )
            continue
        doc = pipeline.run(text)
        assert out["text"][i] == doc.text
        assert json.loads(out["edits"][i]) == [e.to_dict() for e in doc.edits]


def test_clean_batch_names_a_missing_column() -> None:
    with pytest.raises(KeyError, match="it has body"):
        clean_batch({"body": ["x"]})


@pytest.mark.parametrize("num_proc", [None, 2])
def test_dataset_map(num_proc: int | None) -> None:
    datasets = pytest.importorskip("datasets")
    from cleanse.integrations.hf import clean_dataset

    ds = datasets.Dataset.from_dict({"id": [1, 2, 3, 4], "body": TEXTS})
    out = clean_dataset(ds, column="body", batch_size=2, num_proc=num_proc)
    assert out.column_names == ["id", "body", "lang", "lang_score", "edits"]
    pipeline = make_pipeline()
    expected = [pipeline.clean(t) if t is not None else None for t in TEXTS]
    assert out["body"] == expected
    assert out["id"] == [1, 2, 3, 4]
    assert out["edits"][1] == []
    assert out["edits"][0][0] == "repair.ftfy"


def test_missing_extra_names_the_install_line() -> None:
    from cleanse.integrations import require

    with pytest.raises(ImportError, match=r"pip install 'cleanse-web\[hf\]'"):
        require("no_such_engine_installed", "hf")
