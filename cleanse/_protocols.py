"""The public protocols, `cleanse.pipeline.Step` and `cleanse.detect.Backend`.

    >>> from cleanse.pipeline import Step
    >>> from cleanse.tidy import Tidy
    >>> isinstance(Tidy(), Step), Step.__module__
    (True, 'cleanse.pipeline')

They live here, and their modules hand them out on first access (a module
``__getattr__``), because a ``Protocol`` needs ``typing`` at run time and nothing
else on the plain-text path does: ``typing`` costs the command line about 4 ms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from cleanse.detect.backends import Detection
    from cleanse.document import Document

__all__ = ["Backend", "Step"]


@runtime_checkable
class Step(Protocol):
    """A named transformation of a `Document`; it must not mutate its input."""

    name: str

    def __call__(self, doc: Document, /) -> Document: ...


@runtime_checkable
class Backend(Protocol):
    """A language detector cleanse can use.

    ``__call__(text, candidates)`` returns the best ISO 639-1 code and its score in
    [0, 1], or ``Detection("und", 0.0)`` when the text has nothing to go on;
    ``candidates`` (a subset of `languages`) restricts the answer, None allows all.
    It must be deterministic and must not raise for any ``str``.
    """

    name: str

    def languages(self) -> frozenset[str]: ...

    def __call__(
        self, text: str, candidates: frozenset[str] | None, /
    ) -> Detection: ...


# Where users find them, and where pickle looks them up.
Step.__module__ = "cleanse.pipeline"
Backend.__module__ = "cleanse.detect.backends"
