"""Steps and pipelines: how cleanse's parts are put together.

A *step* is any callable ``Document -> Document`` with a ``name``; a plain function
works (its ``__name__`` serves). A `Pipeline` is an ordered tuple of steps. The
default pipeline is the flow in DESIGN.md; build your own from the same steps:

    >>> from cleanse.normalise import Normalise
    >>> from cleanse.tidy import Tidy
    >>> Pipeline((Normalise(), Tidy())).clean("a\\u00a0b  \\n\\n\\n c")
    'a b\\n\\nc'

Pipelines are immutable and picklable (when their steps are), so the same object can
be shipped to worker processes or a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cached_property

from cleanse._frozen import Frozen, _set
from cleanse._gc import collector_paused as _collector_paused
from cleanse.document import Document
from cleanse.repair import Repair, may_need_repair, repair_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from cleanse._protocols import Step

__all__ = ["Pipeline", "Step", "step_name"]


def __getattr__(name: str) -> object:
    # Step, the protocol, is defined with typing (cleanse._protocols), which the
    # plain-text path does not otherwise import.
    if name == "Step":
        from cleanse._protocols import Step

        return Step
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Documents longer than this (in characters) run with the cyclic garbage collector
#: paused; see `_collector_paused`.
PAUSE_GC_ABOVE = 1_000_000

#: How many times more `Pipeline.settled` runs the steps from the repair step on,
#: at most.
MAX_SETTLE = 2

#: `Pipeline.stream` cleans this many documents at a time, at most ...
BATCH = 64
#: ... and at most this many characters of them, unless one document is longer.
BATCH_CHARS = 4_000_000


def _document(text: str | Document) -> Document:
    """``text`` as a document to clean; a clear error for anything but text."""
    if isinstance(text, Document):
        return text
    if not isinstance(text, str):
        raise TypeError(
            f"cleanse works on str, got {type(text).__name__}; "
            "decode bytes first (cleanse.decode does it with clear errors)"
        )
    return Document.from_text(text)


def step_name(step: Callable[[Document], Document]) -> str:
    """The name a step reports in edits: its ``name``, else its ``__name__``."""
    name = getattr(step, "name", None) or getattr(step, "__name__", None)
    return str(name) if name else type(step).__name__


class Pipeline(Frozen):
    """An ordered tuple of steps, run one after the other on each document.

    >>> from cleanse.tidy import Tidy
    >>> p = Pipeline((Tidy(),))
    >>> p.run("x  ").text
    'x'
    >>> [d.text for d in p.stream(["a ", "b "])]
    ['a', 'b']
    """

    # No __slots__: `_repair_step` is a cached_property, kept in __dict__.
    _fields = ("steps", "settle")

    steps: tuple[Callable[[Document], Document], ...]
    #: Run the steps again on a result that the repair step would still change
    #: (see `settled`); the default pipeline does.
    settle: bool

    def __init__(
        self, steps: Iterable[Callable[[Document], Document]], settle: bool = False
    ) -> None:
        steps = tuple(steps)
        for step in steps:
            if not callable(step):
                raise TypeError(f"pipeline step {step!r} is not callable")
        _set(self, "steps", steps)
        _set(self, "settle", settle)

    @property
    def names(self) -> tuple[str, ...]:
        """The step names, in order."""
        return tuple(step_name(s) for s in self.steps)

    def __call__(self, doc: Document) -> Document:
        """Run every step on ``doc``: a pipeline is itself a step."""
        if self.settle:
            return self.settled(doc)
        if len(doc.text) <= PAUSE_GC_ABOVE:  # the usual case: no context manager
            for step in self.steps:
                doc = step(doc)
            return doc
        with _collector_paused(True):
            for step in self.steps:
                doc = step(doc)
        return doc

    def settled(self, doc: Document) -> Document:
        """Run the steps, then the steps from the repair step on again while the
        repair step would still change a line that a later step changed (at most
        `MAX_SETTLE` times more).

        ftfy reads a line in context: ``"\\xa0¬Ü"`` is left alone, but ``"¬Ü"``,
        what normalise makes of it, is MacRoman mojibake for ``"†"``. Cleaning the
        output again would repair it, so the result was not a fixed point; settling
        makes it one. Only lines a later step changed are checked, so a document
        costs one set of its lines. Steps before the repair step run once: they
        take the input as it came (HTML mode's extract step turns a page into its
        text, and run on that text it would find no page in it).
        """
        with _collector_paused(len(doc.text) > PAUSE_GC_ABOVE):
            doc, repaired = self._recording(doc, 0)
            return self._settle(doc, repaired)

    def _settle(self, doc: Document, repaired: str | None) -> Document:
        """``doc`` after the steps from the repair step on, run again while it is
        unsettled (`_unsettled`; ``repaired`` is its text as the repair step of
        the last run left it), at most `MAX_SETTLE` times."""
        for _ in range(MAX_SETTLE):
            if not self._unsettled(doc, repaired):
                break
            doc, repaired = self._recording(doc, self._repair_index)
        return doc

    @cached_property
    def _repair_step(self) -> Repair | None:
        """The first repair step, whose work settling checks; None if there is none."""
        return next((s for s in self.steps if isinstance(s, Repair)), None)

    @cached_property
    def _repair_index(self) -> int:
        """Where settling runs the steps again from: the first repair step."""
        repair = self._repair_step
        return next((i for i, s in enumerate(self.steps) if s is repair), 0)

    def _recording(self, doc: Document, start: int) -> tuple[Document, str | None]:
        """Run the steps from ``start`` on; also the text as the first repair step
        left it."""
        repaired = None
        for step in self.steps[start:] if start else self.steps:
            doc = step(doc)
            if repaired is None and step is self._repair_step:
                repaired = doc.text
        return doc, repaired

    def _unsettled(self, doc: Document, repaired: str | None) -> bool:
        """Whether the repair step would change a line of ``doc`` that is not as it
        left it (``repaired``: the text just after it)."""
        if repaired is None or doc.text == repaired:
            return False  # no later step changed the text: the usual case
        repair = self._repair_step
        if repair is None:
            return False
        kept = set(repaired.split("\n"))
        changed = [line for line in doc.text.split("\n") if line not in kept]
        # The triage of all changed lines at once settles most documents.
        if not changed or not may_need_repair("\n".join(changed)):
            return False
        return any(repair_line(line, repair.config) != line for line in changed)

    name = "pipeline"

    def run(self, text: str | Document) -> Document:
        """Clean one text (or continue a document) and return the `Document`."""
        return self(_document(text))

    def clean(self, text: str) -> str:
        """Clean one text and return only the clean string."""
        return self.run(text).text

    def run_batch(self, texts: Iterable[str | Document]) -> list[Document]:
        """Clean several texts at once; the same documents as `run` on each.

        Each step runs over all of them before the next starts, so a step's code
        and data (rule tables, the detector's profiles) stay in the processor's
        caches: measured 15 % faster than one `run` after another on the fixture
        texts, and 10 % after HTML extraction, which fills the caches with the
        page's tree. Memory holds all of them: for a corpus, use `stream`.

        >>> from cleanse.tidy import Tidy
        >>> [d.text for d in Pipeline((Tidy(),)).run_batch(["a ", "b "])]
        ['a', 'b']
        """
        docs = [_document(text) for text in texts]
        large = any(len(doc.text) > PAUSE_GC_ABOVE for doc in docs)
        repaired: list[str] | None = None
        with _collector_paused(large):
            for step in self.steps:
                docs = [step(doc) for doc in docs]
                if self.settle and repaired is None and step is self._repair_step:
                    repaired = [doc.text for doc in docs]
            if repaired is not None:
                # The rare document that needs it settles on its own, as `run`
                # would settle it (`_settle`).
                docs = [
                    self._settle(doc, lines)
                    for doc, lines in zip(docs, repaired, strict=True)
                ]
        return docs

    def stream(
        self, texts: Iterable[str | Document], *, batch: int = BATCH
    ) -> Iterator[Document]:
        """Clean texts lazily, in order, `run_batch` by `run_batch`.

        A batch holds at most ``batch`` documents and `BATCH_CHARS` characters (a
        longer document is a batch of its own), so memory stays bounded however
        long the stream; ``batch=1`` cleans one document at a time.
        """
        if batch < 1:
            raise ValueError(f"batch must be 1 or more, not {batch}")
        group: list[Document] = []
        size = 0
        for text in texts:
            doc = _document(text)
            group.append(doc)
            size += len(doc.text)
            if len(group) >= batch or size >= BATCH_CHARS:
                yield from self.run_batch(group)
                group, size = [], 0
        if group:
            yield from self.run_batch(group)

    def without(self, *names: str) -> Pipeline:
        """A copy without the steps of these names (``p.without("quotes")``)."""
        unknown = set(names) - set(self.names)
        if unknown:
            raise ValueError(
                f"no step named {', '.join(sorted(unknown))} in this pipeline "
                f"(it has {', '.join(self.names)})"
            )
        return Pipeline(
            tuple(s for s in self.steps if step_name(s) not in names),
            settle=self.settle,
        )

    def with_step(
        self, step: Callable[[Document], Document], *, after: str | None = None
    ) -> Pipeline:
        """A copy with ``step`` added at the end, or right after the step ``after``."""
        if after is None:
            return Pipeline((*self.steps, step), settle=self.settle)
        names = self.names
        if after not in names:
            raise ValueError(f"no step named {after!r} (have {', '.join(names)})")
        i = names.index(after) + 1
        return Pipeline((*self.steps[:i], step, *self.steps[i:]), settle=self.settle)
