"""A datatrove pipeline step that cleans each document's text with cleanse.

    >>> from datatrove.data import Document as DatatroveDocument
    >>> step = CleanseStep()
    >>> [doc] = step.run([DatatroveDocument(text="Hallo Welt ", id="1")])
    >>> doc.text, doc.metadata["cleanse_edits"]
    ('Hallo Welt', ['tidy.trailing-space'])

Put it where a formatter would go, after the reader (and after extraction, or pass
``html=True`` to the pipeline options once the HTML mode is wired):

    LocalPipelineExecutor(pipeline=[JsonlReader(...), CleanseStep(), JsonlWriter(...)])

Each document keeps its id and metadata; ``lang``, ``lang_score`` and
``cleanse_edits`` (the rule ids of the edits, in order) are added to its metadata.
The step's stats count documents, changed documents, documents left empty, and
every rule (``rule/<id>``), so a run's stats file says what was removed how often.
Needs the ``datatrove`` extra: ``pip install 'cleanse-web[datatrove]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from cleanse.integrations import require

__all__ = ["CleanseStep"]

try:
    from datatrove.pipeline.base import PipelineStep
except ImportError:  # the extra is missing: CleanseStep() says so when constructed

    class PipelineStep:  # type: ignore[no-redef]
        """Stands in for datatrove's base class when datatrove is not installed."""

        def __init__(self) -> None:
            require("datatrove", "datatrove")


class CleanseStep(PipelineStep):  # type: ignore[misc]
    """Clean ``doc.text`` of every document with `cleanse.make_pipeline` options.

    ``CleanseStep(quotes="typographic")`` passes the keyword options on to
    `cleanse.make_pipeline`; the pipeline is built here, so bad options fail before
    the first document is read.
    """

    name = "🧹 cleanse"
    type = "✂️ - FORMAT"

    def __init__(self, **pipeline_options: Any) -> None:
        require("datatrove", "datatrove")
        super().__init__()
        from cleanse.api import make_pipeline

        self.pipeline_options = pipeline_options
        self.pipeline = make_pipeline(**pipeline_options)

    def run(
        self, data: Iterable[Any], rank: int = 0, world_size: int = 1
    ) -> Iterator[Any]:
        """Clean each document in place (datatrove's convention) and pass it on."""
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                result = self.pipeline.run(doc.text)
            doc.text = result.text
            doc.metadata["lang"] = result.lang
            doc.metadata["lang_score"] = round(result.lang_score, 4)
            doc.metadata["cleanse_edits"] = [e.rule for e in result.edits]
            if result.edits:
                self.stat_update("changed")
            if not result.text:
                self.stat_update("empty")
            for edit in result.edits:
                self.stat_update(f"rule/{edit.rule}")
            self.update_doc_stats(doc)
            yield doc
