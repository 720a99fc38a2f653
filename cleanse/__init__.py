"""cleanse: scraped web text in, clean text out, with every change explained.

    >>> import cleanse
    >>> cleanse.clean("Schreibt\\u00a0uns &amp; lest mit.  ")
    'Schreibt uns & lest mit.'

Names are loaded on first use, so ``import cleanse`` stays cheap and the command
line's ``--help`` imports none of the heavy dependencies.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

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
    "clean_record": "cleanse.records",
    "RecordError": "cleanse.records",
    "Strip": "cleanse.strip",
    "strip_boilerplate": "cleanse.strip",
    "load_rules": "cleanse.strip",
    "RuleError": "cleanse.strip",
    "RuleSet": "cleanse.strip",
    "Detect": "cleanse.detect",
    "Detection": "cleanse.detect",
    "detect_language": "cleanse.detect",
    "Quotes": "cleanse.quotes",
    "QuoteStyle": "cleanse.quotes",
    "set_quotes": "cleanse.quotes",
    "style_for": "cleanse.quotes",
    "Page": "cleanse.page",
    "extract_article": "cleanse.page",
    "Extract": "cleanse.extract",
    "extract_text": "cleanse.extract",
    "learn_rules": "cleanse.learn",
    "write_rules": "cleanse.learn",
}

__all__ = [
    "UNDETERMINED",
    "DecodeError",
    "Detect",
    "Detection",
    "Document",
    "Edit",
    "Extract",
    "Normalise",
    "Page",
    "Pipeline",
    "QuoteStyle",
    "Quotes",
    "RecordError",
    "Repair",
    "ReplayError",
    "RuleError",
    "RuleSet",
    "Step",
    "Strip",
    "Tidy",
    "__version__",
    "clean",
    "clean_document",
    "clean_record",
    "decode",
    "detect_language",
    "extract_article",
    "extract_text",
    "learn_rules",
    "load_rules",
    "make_pipeline",
    "replay",
    "set_quotes",
    "strip_boilerplate",
    "style_for",
    "write_rules",
]

if TYPE_CHECKING:
    from cleanse.api import clean, clean_document, make_pipeline
    from cleanse.decoding import DecodeError, decode
    from cleanse.detect import Detect, Detection, detect_language
    from cleanse.document import UNDETERMINED, Document, Edit, ReplayError, replay
    from cleanse.extract import Extract, extract_text
    from cleanse.learn import learn_rules, write_rules
    from cleanse.normalise import Normalise
    from cleanse.page import Page, extract_article
    from cleanse.pipeline import Pipeline, Step
    from cleanse.quotes import Quotes, QuoteStyle, set_quotes, style_for
    from cleanse.records import RecordError, clean_record
    from cleanse.repair import Repair
    from cleanse.strip import RuleError, RuleSet, Strip, load_rules, strip_boilerplate
    from cleanse.tidy import Tidy


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cleanse' has no attribute {name!r}")
    __import__(module)
    value = getattr(sys.modules[module], name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
