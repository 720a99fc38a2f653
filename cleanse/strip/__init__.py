"""Boilerplate removal: rules as data, one compiled engine, and the strip step.

    >>> from cleanse.strip import strip_boilerplate
    >>> strip_boilerplate("Der Vertrag gilt.\\nTeilen mit:\\nFacebook Twitter WhatsApp")
    'Der Vertrag gilt.'

- `cleanse.strip.rules`: `Rule`, `RuleSet`, `load_rules`, `builtin_rules`,
  `RuleError` and the line normalisation rules are looked up by;
- `cleanse.strip.engine`: `Engine`, all rules matched in one pass per line;
- `cleanse.strip.step`: `Strip`, the pipeline step.
"""

from __future__ import annotations

from cleanse.strip.engine import Engine
from cleanse.strip.rules import (
    CATEGORIES,
    Rule,
    RuleError,
    RuleSet,
    builtin_rules,
    load_rules,
    normalise_line,
    parse_disable,
)
from cleanse.strip.step import Strip, strip_boilerplate

__all__ = [
    "CATEGORIES",
    "Engine",
    "Rule",
    "RuleError",
    "RuleSet",
    "Strip",
    "builtin_rules",
    "load_rules",
    "normalise_line",
    "parse_disable",
    "strip_boilerplate",
]
