"""The Dask integration on a real two-worker LocalCluster: same output as in-process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from cleanse.api import make_pipeline  # noqa: E402
from cleanse.integrations.dask import clean_bag, clean_dataframe  # noqa: E402
from cleanse.records import RecordError, clean_record  # noqa: E402

TEXTS = [
    "WeiÃŸrussland &amp; die Ukraine\u00a0 ",
    "Already clean.",
    "Zeile\u200beins\r\n\r\n\r\n\r\nZeile zwei  ",
    "",
    "Caf\u00c3\u00a9 au lait\t\tand more",
    "Plain line\nanother line",
] * 3


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # Processes, not threads: the test must show that the pipeline pickles and that
    # each worker builds the same one.
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_bag_of_texts_equals_in_process(client: Any) -> None:
    bag = db.from_sequence(TEXTS, npartitions=4)
    got = clean_bag(bag).compute()
    pipeline = make_pipeline()
    assert got == [pipeline.clean(t) for t in TEXTS]
    assert got[0] == "Weißrussland & die Ukraine"


def test_bag_of_records_equals_in_process(client: Any) -> None:
    records = [
        {"id": i, "text": t, "url": f"https://x/{i}"} for i, t in enumerate(TEXTS)
    ]
    bag = db.from_sequence(records, npartitions=3)
    got = clean_bag(bag, field="text", edits="rules").compute()
    assert got == [clean_record(r, field="text", edits="rules") for r in records]
    assert [r["id"] for r in got] == list(range(len(TEXTS)))
    assert got[0]["edits"][0] == "repair.ftfy"


def test_bag_record_without_text_fails_loudly(client: Any) -> None:
    bag = db.from_sequence([{"id": 1, "body": "x"}], npartitions=1)
    with pytest.raises(RecordError, match="'text'"):
        clean_bag(bag, field="text").compute()


def test_dataframe_column_equals_in_process(client: Any) -> None:
    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    frame.loc[3, "text"] = None
    ddf = dd.from_pandas(frame, npartitions=3)
    out = clean_dataframe(ddf, "text", edits="full")
    # The declared meta must be what the partitions really return.
    assert list(out.columns) == ["id", "text", "lang", "lang_score", "edits"]
    got = out.compute()
    assert list(got.dtypes) == list(out.dtypes)
    pipeline = make_pipeline()
    for i, text in enumerate(TEXTS):
        row = got.iloc[i]
        if i == 3:
            assert pd.isna(row["text"])
            assert (row["lang"], row["lang_score"], row["edits"]) == ("und", 0.0, "[]")
            continue
        doc = pipeline.run(text)
        assert row["text"] == doc.text
        assert row["lang"] == doc.lang
        assert json.loads(row["edits"]) == [e.to_dict() for e in doc.edits]


def test_dataframe_twice_is_stable(client: Any) -> None:
    ddf = dd.from_pandas(pd.DataFrame({"body": TEXTS}), npartitions=2)
    once = clean_dataframe(ddf, "body")
    twice = clean_dataframe(once, "body").compute()
    assert list(twice["body"]) == list(once.compute()["body"])
    # Clean non-empty text needs no edit. (The empty text gets a no-op
    # tidy.edge-blank edit from the tidy step, which is not this module's concern.)
    assert set(twice["edits"][twice["body"] != ""]) == {"[]"}


def test_dataframe_unknown_column_names_the_columns() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="it has body"):
        clean_dataframe(ddf, "text")
