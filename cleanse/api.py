"""The few functions most users need: `clean`, `clean_document`, `make_pipeline`.

    >>> clean("Caf\\u00c3\\u00a9 \\u00a0au lait  ")
    'Café au lait'

`make_pipeline` builds the default flow of DESIGN.md from keyword options; the
result is cached per set of options, so calling `clean` in a loop costs nothing
extra. For anything unusual, compose a `Pipeline` from the steps yourself.
"""

from __future__ import annotations

from functools import lru_cache

from cleanse.document import Document
from cleanse.normalise import Normalise
from cleanse.pipeline import Pipeline
from cleanse.repair import Repair
from cleanse.tidy import Tidy

__all__ = ["clean", "clean_document", "make_pipeline"]


@lru_cache(maxsize=64)
def make_pipeline() -> Pipeline:
    """The default pipeline: repair, normalise, tidy.

    >>> make_pipeline().names
    ('repair', 'normalise', 'tidy')
    """
    return Pipeline((Repair(), Normalise(), Tidy()))


def clean_document(text: str) -> Document:
    """Clean ``text`` with the default pipeline and return the whole `Document`."""
    return make_pipeline().run(text)


def clean(text: str) -> str:
    """Clean ``text`` with the default pipeline and return the clean string."""
    return make_pipeline().run(text).text
