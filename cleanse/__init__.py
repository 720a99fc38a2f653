"""cleanse: scraped web text in, clean text out, with every change explained.

    >>> import cleanse
    >>> cleanse.clean("Schreibt\\u00a0uns &amp; lest mit.  ")
    'Schreibt uns & lest mit.'

Names are loaded on first use, so ``import cleanse`` stays cheap and the command
line's ``--help`` imports none of the heavy dependencies.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it
_EXPORTS = {
    "clean": "cleanse.api",
    "clean_document": "cleanse.api",
    "make_pipeline": "cleanse.api",
    "Document": "cleanse.document",
    "Edit": "cleanse.document",
    "ReplayError": "cleanse.document",
    "UNDETERMINED": "cleanse.document",
    "replay": "cleanse.document",
    "Pipeline": "cleanse.pipeline",
    "Step": "cleanse.pipeline",
    "Repair": "cleanse.repair",
    "Normalise": "cleanse.normalise",
    "Tidy": "cleanse.tidy",
    "decode": "cleanse.decoding",
    "DecodeError": "cleanse.decoding",
}

__all__ = [
    "UNDETERMINED",
    "DecodeError",
    "Document",
    "Edit",
    "Normalise",
    "Pipeline",
    "Repair",
    "ReplayError",
    "Step",
    "Tidy",
    "__version__",
    "clean",
    "clean_document",
    "decode",
    "make_pipeline",
    "replay",
]

if TYPE_CHECKING:
    from cleanse.api import clean, clean_document, make_pipeline
    from cleanse.decoding import DecodeError, decode
    from cleanse.document import UNDETERMINED, Document, Edit, ReplayError, replay
    from cleanse.normalise import Normalise
    from cleanse.pipeline import Pipeline, Step
    from cleanse.repair import Repair
    from cleanse.tidy import Tidy


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cleanse' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
