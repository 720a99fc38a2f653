"""The quotes step: set a document's quotation marks in its language's style.

>>> from cleanse.document import Document
>>> doc = Document.from_text('Sie sagte "ja".').with_language("de", 0.99)
>>> Quotes()(doc).text
'Sie sagte „ja“.'
>>> set_quotes("It's \\"fine\\".", "en-gb")
'It’s ‘fine’.'
"""

from __future__ import annotations

import re
from functools import cache

from cleanse._frozen import Frozen, _set
from cleanse.document import UNDETERMINED, Document
from cleanse.lines import Change, rewrite
from cleanse.quotes.engine import READ_MARKS, has_marks, restyle_lines, with_lines
from cleanse.quotes.styles import QuoteStyle, style_for

__all__ = ["Quotes", "set_quotes"]


def set_quotes(text: str, style: str) -> str:
    """Set the quotation marks of ``text`` in ``style`` (a language or style name).

    >>> set_quotes("« Bonjour », dit-il.", "de")
    '„Bonjour“, dit-il.'

    ``keep`` returns ``text`` unchanged; ``auto`` has no language to go by here and
    is refused with the other unknown names (use `Quotes` on a `Document`).
    """
    return with_lines(text, _settled_lines(text, style_for(style)))


#: Passes at most: one almost always; see `_settled_lines`.
_MAX_PASSES = 3


@cache
def _foreign(style: QuoteStyle) -> re.Pattern[str]:
    """Marks that are not the style's own: what an unsettled result still holds."""
    own = set(style.outer + style.inner + (style.apostrophe,))
    foreign = "".join(c for c in READ_MARKS if c not in own)
    return re.compile(f"[{re.escape(foreign)}]")


def _settled_lines(text: str, style: QuoteStyle) -> dict[int, str]:
    """`restyle_lines`, repeated until the result no longer changes.

    One pass nearly always settles the text. It may not where a mark is left
    alone as unpairable: in ``"5'11“ Haus“`` (ascii) the first “ closes the quote
    and becomes ", and a second pass reads that " after a digit as an inch mark and
    lets the last “ close instead. Only a result that still holds marks foreign to
    the style can change again, so only such a text pays for another pass, and the
    step stays idempotent (hypothesis found the case above).
    """
    changed = restyle_lines(text, style)
    if not changed:
        return changed
    lines = text.split("\n")
    original = list(lines)
    for _ in range(_MAX_PASSES - 1):
        for index, line in changed.items():
            lines[index] = line
        current = "\n".join(lines)
        if not _foreign(style).search(current):
            break
        changed = restyle_lines(current, style)
        if not changed:
            break
    else:
        for index, line in changed.items():
            lines[index] = line
    return {i: line for i, line in enumerate(lines) if line != original[i]}


class Quotes(Frozen):
    """The quotes step. ``style``: ``"auto"`` (the document's language), a language
    code (``de``, ``pt-BR``), a style name (``de-book``, ``en-gb``), ``ascii`` or
    ``keep`` (the step is off, apostrophes included).

    With ``auto``, a document whose language is ``und`` or a language without a
    style in `cleanse.quotes.styles.STYLES` passes unchanged. Each changed line is
    one ``replace`` edit with rule id ``quotes.<style name>``.

    >>> Quotes("klingon")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown quotation style 'klingon'; use 'auto', ...
    """

    __slots__ = ("name", "style")
    _fields = ("style", "name")

    style: str
    name: str

    def __init__(self, style: str = "auto", name: str = "quotes") -> None:
        _set(self, "style", style)
        _set(self, "name", name)
        # A typo in the style is refused when the step is built, not per document.
        if style != "auto":
            style_for(style)

    def needs_language(self, text: str) -> bool:
        """Whether this step's result for ``text`` can depend on its language: with
        ``auto``, when ``text`` holds a quotation mark or apostrophe it reads.

        >>> Quotes().needs_language('Er sagte "ja".'), Quotes().needs_language("Ja.")
        (True, False)
        """
        # The engine's own test: a text it finds no mark in, it leaves alone.
        return self.style == "auto" and has_marks(text)

    def resolve(self, doc: Document) -> QuoteStyle | None:
        """The style this step applies to ``doc``, or None to leave it alone."""
        if self.style != "auto":
            return style_for(self.style)
        if doc.lang == UNDETERMINED:
            return None
        try:
            return style_for(doc.lang)
        except ValueError:
            return None

    def __call__(self, doc: Document) -> Document:
        style = self.resolve(doc)
        if style is None:
            return doc
        # Only the changed lines come back: no second copy of the text to compare.
        # restyle_lines looks for marks itself, so text without any costs one search.
        changed = _settled_lines(doc.text, style)
        if not changed:
            return doc
        rule = f"quotes.{style.name}"
        changes = {index: [Change(rule, after)] for index, after in changed.items()}
        return rewrite(doc, self.name, changes)
