"""The datatrove step inside a real LocalPipelineExecutor run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document as DatatroveDocument
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.base import PipelineStep

from cleanse.api import make_pipeline
from cleanse.integrations.datatrove import CleanseStep

TEXTS = [
    "WeiÃŸrussland &amp; die Ukraine\u00a0 ",
    "Already clean.",
    "Zeile\u200beins\r\n\r\n\r\nZeile zwei  ",
]


def test_step_is_a_datatrove_step_that_fails_early_on_bad_options() -> None:
    assert isinstance(CleanseStep(), PipelineStep)
    with pytest.raises(TypeError):
        CleanseStep(no_such_option=True)


def test_step_in_executor(tmp_path: Path) -> None:
    documents = [
        DatatroveDocument(text=t, id=str(i), metadata={"url": f"https://x/{i}"})
        for i, t in enumerate(TEXTS)
    ]
    seen: list[Any] = []

    def collect(data: Any, rank: int = 0, world_size: int = 1) -> Any:
        for doc in data:
            seen.append(doc)
            yield doc

    executor = LocalPipelineExecutor(
        pipeline=[documents, CleanseStep(), collect],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    pipeline = make_pipeline()
    assert [d.id for d in seen] == ["0", "1", "2"]
    for doc, text in zip(seen, TEXTS, strict=True):
        result = pipeline.run(text)
        assert doc.text == result.text
        assert doc.metadata["url"] == f"https://x/{doc.id}"
        assert doc.metadata["lang"] == result.lang
        assert doc.metadata["cleanse_edits"] == [e.rule for e in result.edits]

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    [ours] = [s for s in stats if "cleanse" in s["name"]]
    # datatrove writes a plain count as a number, a measured one as a dict.
    counts = {
        key: value["total"] if isinstance(value, dict) else value
        for key, value in ours["stats"].items()
    }
    assert counts["total"] == 3
    assert counts["changed"] == 2
    assert counts["rule/repair.ftfy"] == 1
    assert "rule/tidy.trailing-space" in counts
