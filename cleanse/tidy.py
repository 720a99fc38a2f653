"""Tidy the layout: trailing spaces, runs of blank lines, blank lines at the edges.

    >>> tidy_text("\\n\\nTitle  \\n\\n\\n\\nBody\\n\\n")
    'Title\\n\\nBody'

Runs last, so that lines dropped by earlier steps leave no holes behind.
"""

from __future__ import annotations

from cleanse._frozen import Frozen, _set
from cleanse.document import Document
from cleanse.lines import Change, rewrite

__all__ = ["TRAILING_SPACES", "Tidy", "needs_tidying", "tidy_text"]

#: Trailing white space as far as layout goes: what normalise leaves, plus the
#: spaces it keeps on purpose (U+202F, U+3000), which mean nothing at a line's end.
TRAILING_SPACES = " \t\u202f\u3000"


_LINE_ENDS = tuple(space + "\n" for space in TRAILING_SPACES)


def needs_tidying(text: str) -> bool:
    """Whether `Tidy` would change ``text``: a line ending in a space, a run of
    two blank lines, or a blank line at either end. A handful of searches in C,
    where splitting the text into lines costs a list and a pass in Python.

    >>> needs_tidying("Title\\n\\nBody"), needs_tidying("Title \\nBody")
    (False, True)
    """
    return (
        text[:1] == "\n"
        or text.endswith(("\n", *TRAILING_SPACES))
        or "\n\n\n" in text
        or any(end in text for end in _LINE_ENDS)
    )


def tidy_text(text: str) -> str:
    """Tidy a whole text; the plain-string form of `Tidy`."""
    return Tidy()(Document.from_text(text)).text


class Tidy(Frozen):
    """The tidy step. Rules: ``tidy.trailing-space``, ``tidy.blank-run``,
    ``tidy.edge-blank`` (a blank line before the first or after the last text line).
    """

    __slots__ = ("name",)
    _fields = __slots__

    name: str

    def __init__(self, name: str = "tidy") -> None:
        _set(self, "name", name)

    def __call__(self, doc: Document) -> Document:
        if not needs_tidying(doc.text):
            # Also the empty text: dropping its one empty "line" changes nothing.
            return doc
        lines = doc.text.split("\n")
        blank = [not line.rstrip(TRAILING_SPACES) for line in lines]
        try:
            first = blank.index(False)
        except ValueError:  # only blank lines: all go, as one edit
            return rewrite(
                doc, self.name, {0: [Change("tidy.edge-blank", None, len(lines))]}
            )
        last = len(lines) - 1 - blank[::-1].index(False)
        changes: dict[int, list[Change]] = {}
        # A run of blank lines is one change (one edit), however long: a page of a
        # million empty lines costs a list of flags, not a million records.
        if first:
            changes[0] = [Change("tidy.edge-blank", None, first)]
        if last < len(lines) - 1:
            changes[last + 1] = [Change("tidy.edge-blank", None, len(lines) - 1 - last)]
        index = first
        while index <= last:
            line = lines[index]
            clean = line.rstrip(TRAILING_SPACES)
            if clean != line:
                changes[index] = [Change("tidy.trailing-space", clean)]
            if blank[index]:
                # Keep the first blank line of a run; the rest of it is one drop.
                end = blank.index(False, index)
                if end - index > 1:
                    changes[index + 1] = [
                        Change("tidy.blank-run", None, end - index - 1)
                    ]
                index = end
            else:
                index += 1
        return rewrite(doc, self.name, changes)
