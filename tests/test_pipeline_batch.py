"""Batches: `Pipeline.run_batch` and `Pipeline.stream` give what `run` gives."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleanse.pipeline as pipeline_module
from cleanse import make_pipeline
from cleanse.document import Document
from cleanse.pipeline import Pipeline
from cleanse.records import process_line, process_lines
from tests.strategies import any_text, scraped_text

texts = st.lists(st.one_of(scraped_text, any_text), max_size=8)


@given(texts)
def test_a_batch_gives_what_one_run_after_another_gives(batch: list[str]) -> None:
    for pipeline in (make_pipeline(), make_pipeline(report_language=False)):
        expected = [pipeline.run(text) for text in batch]
        assert pipeline.run_batch(batch) == expected
        assert list(pipeline.stream(batch, batch=3)) == expected


def test_stream_keeps_order_across_batches_and_takes_documents() -> None:
    pipeline = make_pipeline()
    inputs: list[str | Document] = [f"Zeile {i}  " for i in range(10)]
    inputs[4] = Document.from_text("Ein Dokument  ", source="x")
    out = list(pipeline.stream(inputs, batch=3))
    assert [d.text for d in out] == [
        "Ein Dokument" if i == 4 else f"Zeile {i}" for i in range(10)
    ]
    assert out[4].get_meta("source") == "x"


def test_stream_bounds_a_batch_by_count_and_by_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sizes: list[int] = []
    original = Pipeline.run_batch

    def spy(self: Pipeline, docs: list[Document]) -> list[Document]:
        sizes.append(len(docs))
        return original(self, docs)

    monkeypatch.setattr(Pipeline, "run_batch", spy)
    pipeline = make_pipeline(quotes="keep")
    list(pipeline.stream(["kurz"] * 10, batch=4))
    assert sizes == [4, 4, 2]
    sizes.clear()
    monkeypatch.setattr(pipeline_module, "BATCH_CHARS", 10)
    list(pipeline.stream(["123456", "123456", "12", "123456789012"], batch=64))
    assert sizes == [2, 2]  # 12 characters reach the bound; then 2 + 12


def test_stream_is_lazy_and_refuses_bad_input_with_a_clear_error() -> None:
    pipeline = make_pipeline()
    with pytest.raises(ValueError, match="batch must be 1 or more"):
        next(pipeline.stream(["a"], batch=0))
    with pytest.raises(TypeError, match="decode bytes first"):
        list(pipeline.stream(["a", b"b"]))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="decode bytes first"):
        pipeline.run_batch([3])  # type: ignore[list-item]

    def endless() -> object:
        while True:
            yield "Ein Satz."

    first = next(iter(pipeline.stream(endless(), batch=2)))  # type: ignore[arg-type]
    assert first.text == "Ein Satz."


records = st.lists(
    st.one_of(
        st.builds(
            lambda text, extra: json.dumps({"text": text, "n": extra}).encode(),
            st.one_of(scraped_text, any_text),
            st.integers(),
        ),
        st.sampled_from([b"", b"{bad", b"[1, 2]", b'{"text": 3}', b'{"a": "b"}']),
    ),
    max_size=6,
)


@given(records)
def test_records_cleaned_together_equal_records_alone(lines: list[bytes]) -> None:
    pipeline = make_pipeline()
    chunk = [(f"in:{i}", line) for i, line in enumerate(lines, 1)]
    alone = [
        process_line(raw, pipeline.run, where=where, explain=True)
        for where, raw in chunk
    ]
    assert process_lines(chunk, pipeline, explain=True) == alone


def test_a_settling_pipeline_repairs_what_normalise_uncovered() -> None:
    # ftfy leaves "\xa0¬Ü" alone and repairs "¬Ü" (MacRoman mojibake for "†"),
    # which is what normalise makes of it: only a settling pipeline reaches the
    # fixed point, and its edits still replay.
    from cleanse import Normalise, Repair, replay

    steps = (Repair(), Normalise())
    assert Pipeline(steps).run("\xa0¬Ü").text == "¬Ü"
    settled = Pipeline(steps, settle=True)
    doc = settled.run("\xa0¬Ü")
    assert doc.text == "†"
    assert replay("\xa0¬Ü", doc.edits) == "†"
    assert settled.run_batch(["\xa0¬Ü", "ok"])[0] == doc
    assert settled.without("normalise").settle
    assert make_pipeline().settle


def test_settling_runs_the_steps_before_the_repair_step_once() -> None:
    # Settling runs the steps again from the repair step on; a step before it
    # (HTML mode's extract) took the input as it came and must not run again.
    from cleanse import Normalise, Repair

    seen: list[str] = []

    def first(doc: Document) -> Document:
        seen.append(doc.text)
        return doc

    pipeline = Pipeline((first, Repair(), Normalise()), settle=True)
    doc = pipeline.run("\xa0¬Ü")
    assert doc.text == "†"
    assert seen == ["\xa0¬Ü"]
    expected = [doc, pipeline.run("ok")]
    seen.clear()
    assert pipeline.run_batch(["\xa0¬Ü", "ok"]) == expected
    assert seen == ["\xa0¬Ü", "ok"]


def test_html_mode_settles_the_text_not_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A page whose extracted text repair only settles on a second run: running
    # extraction again on that text (no page in it) would have emptied it.
    import cleanse.extract as extract_module

    def extract(html: str, settings: object, unwrap: bool) -> str:
        return "\xa0¬Ü" if html.startswith("<html>") else ""

    monkeypatch.setattr(extract_module, "_extract", extract)
    pipeline = make_pipeline(html=True)
    page = "<html><body><p>…</p></body></html>"
    assert pipeline.run(page).text == "†"
    assert [d.text for d in pipeline.run_batch([page, page])] == ["†", "†"]
