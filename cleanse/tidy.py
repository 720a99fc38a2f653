"""Tidy the layout: trailing spaces, runs of blank lines, blank lines at the edges.

    >>> tidy_text("\\n\\nTitle  \\n\\n\\n\\nBody\\n\\n")
    'Title\\n\\nBody'

Runs last, so that lines dropped by earlier steps leave no holes behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleanse.document import Document
from cleanse.lines import Change, rewrite

__all__ = ["Tidy", "tidy_text"]

#: Trailing white space as far as layout goes: what normalise leaves, plus the
#: spaces it keeps on purpose (U+202F, U+3000), which mean nothing at a line's end.
_TRAILING = " \t\u202f\u3000"


def tidy_text(text: str) -> str:
    """Tidy a whole text; the plain-string form of `Tidy`."""
    return Tidy()(Document.from_text(text)).text


@dataclass(frozen=True)
class Tidy:
    """The tidy step. Rules: ``tidy.trailing-space``, ``tidy.blank-run``,
    ``tidy.edge-blank`` (a blank line before the first or after the last text line).
    """

    name: str = "tidy"

    def __call__(self, doc: Document) -> Document:
        if not doc.text:
            return doc  # nothing to tidy; dropping the one empty "line" changes nothing
        lines = doc.text.split("\n")
        stripped = [line.rstrip(_TRAILING) for line in lines]
        nonblank = [i for i, line in enumerate(stripped) if line]
        first = nonblank[0] if nonblank else len(lines)
        last = nonblank[-1] if nonblank else -1
        changes: dict[int, list[Change]] = {}
        previous_blank = False
        for index, (line, clean) in enumerate(zip(lines, stripped, strict=True)):
            todo = []
            if clean != line:
                todo.append(Change("tidy.trailing-space", clean))
            if not clean:
                if index < first or index > last:
                    todo.append(Change("tidy.edge-blank", None))
                elif previous_blank:
                    todo.append(Change("tidy.blank-run", None))
                previous_blank = True
            else:
                previous_blank = False
            if todo:
                changes[index] = todo
        return rewrite(doc, self.name, changes)
