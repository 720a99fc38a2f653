"""Quotation marks in each language's own style, apostrophes kept apart.

    >>> from cleanse.quotes import set_quotes
    >>> set_quotes('"Don\\'t," she said.', "fr")
    '«\\u202fDon’t,\\u202f» she said.'

`styles` holds the table of styles and their sources, `engine` finds, classifies
and pairs the marks, `step` wraps it as the pipeline step `Quotes`.
"""

from __future__ import annotations

from cleanse.quotes.engine import apply_style
from cleanse.quotes.step import Quotes, set_quotes
from cleanse.quotes.styles import STYLES, QuoteStyle, style_for

__all__ = ["STYLES", "QuoteStyle", "Quotes", "apply_style", "set_quotes", "style_for"]
