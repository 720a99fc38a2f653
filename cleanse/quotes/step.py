"""The quotes step: set a document's quotation marks in its language's style.

>>> from cleanse.document import Document
>>> doc = Document.from_text('Sie sagte "ja".').with_language("de", 0.99)
>>> Quotes()(doc).text
'Sie sagte „ja“.'
>>> set_quotes("It's \\"fine\\".", "en-gb")
'It’s ‘fine’.'
"""

from __future__ import annotations

from dataclasses import dataclass

from cleanse.document import UNDETERMINED, Document
from cleanse.lines import Change, rewrite
from cleanse.quotes.engine import apply_style, restyle_lines
from cleanse.quotes.styles import QuoteStyle, style_for

__all__ = ["Quotes", "set_quotes"]


def set_quotes(text: str, style: str) -> str:
    """Set the quotation marks of ``text`` in ``style`` (a language or style name).

    >>> set_quotes("« Bonjour », dit-il.", "de")
    '„Bonjour“, dit-il.'

    ``keep`` returns ``text`` unchanged; ``auto`` has no language to go by here and
    is refused with the other unknown names (use `Quotes` on a `Document`).
    """
    return apply_style(text, style_for(style))


@dataclass(frozen=True)
class Quotes:
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

    style: str = "auto"
    name: str = "quotes"

    def __post_init__(self) -> None:
        # A typo in the style is refused when the step is built, not per document.
        if self.style != "auto":
            style_for(self.style)

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
        changed = restyle_lines(doc.text, style)
        if not changed:
            return doc
        rule = f"quotes.{style.name}"
        changes = {index: [Change(rule, after)] for index, after in changed.items()}
        return rewrite(doc, self.name, changes)
