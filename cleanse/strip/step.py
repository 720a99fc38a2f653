"""The strip step: drop boilerplate lines whole, each with the id of its rule.

    >>> from cleanse.document import Document
    >>> text = "Der Vertrag gilt.\\nSchreibe einen Kommentar"
    >>> doc = Strip()(Document.from_text(text))
    >>> doc.text
    'Der Vertrag gilt.'
    >>> [(e.rule, e.before) for e in doc.edits]
    [('de.comment.schreibe-einen-kommentar', 'Schreibe einen Kommentar')]

Rules come from `builtin_rules` (or ``rules``) plus any ``extra`` rule sets;
``disable`` turns off categories (``share``), rule ids or id prefixes
(``de.teaser`` turns off German teasers, ``de`` all German rules). The rules are
compiled when the step is built, so a bad name or a broken rule is reported there,
not half-way through a corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from cleanse.document import Document
from cleanse.lines import Change, rewrite
from cleanse.strip.engine import Engine
from cleanse.strip.rules import CATEGORIES, Rule, RuleSet, builtin_rules

__all__ = ["Strip", "is_disabled", "strip_boilerplate"]


def is_disabled(rule: Rule, disable: frozenset[str]) -> bool:
    """True if ``rule``'s category, id or an id prefix (at a dot) is in ``disable``.

    >>> rule = builtin_rules().get("de.comment.schreibe-einen-kommentar")
    >>> [is_disabled(rule, frozenset({d})) for d in ("comment", "de", "de.comm")]
    [True, True, False]
    """
    if rule.category in disable or rule.id in disable:
        return True
    parts = rule.id.split(".")
    return any(".".join(parts[:n]) in disable for n in range(1, len(parts)))


@dataclass(frozen=True)
class Strip:
    """The strip step (see the module docstring).

    - ``rules``: the rule set; ``None`` means the rules shipped with cleanse.
    - ``disable``: categories, rule ids or id prefixes to leave out.
    - ``extra``: more rule sets (a user's own files, learned site lines), applied
      with the others; their ids must not repeat built-in ids.

    Rules marked ``lang_specific`` apply only to documents whose ``lang`` is the
    rule's language; all others apply to every document.
    """

    rules: RuleSet | None = None
    disable: frozenset[str] = frozenset()
    extra: tuple[RuleSet, ...] = ()
    name: str = "strip"
    _engines: dict[str, Engine] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        base = self.rules if self.rules is not None else builtin_rules()
        merged = RuleSet.merge(base, *self.extra)
        disable = frozenset(self.disable)
        object.__setattr__(self, "disable", disable)
        unknown = [
            name
            for name in sorted(disable)
            if name not in CATEGORIES
            and not any(is_disabled(rule, frozenset({name})) for rule in merged.rules)
        ]
        if unknown:
            raise ValueError(
                f"--disable {','.join(unknown)}: no such category, rule id or id "
                f"prefix (categories: {', '.join(sorted(CATEGORIES))}; rule ids "
                "look like de.comment.schreibe-einen-kommentar)"
            )
        enabled = [rule for rule in merged.rules if not is_disabled(rule, disable)]
        general = [rule for rule in enabled if not rule.lang_specific]
        engines = {"": Engine(general)}
        for language in {rule.language for rule in enabled if rule.lang_specific}:
            engines[language] = Engine(
                rule
                for rule in enabled
                if not rule.lang_specific or rule.language == language
            )
        self._engines.update(engines)

    def engine_for(self, lang: str) -> Engine:
        """The compiled rules that apply to a document in language ``lang``."""
        return self._engines.get(lang) or self._engines[""]

    def __call__(self, doc: Document) -> Document:
        verdicts = self.engine_for(doc.lang).verdicts(doc.lines)
        changes = {
            index: [Change(rule.id, None)] for index, rule in sorted(verdicts.items())
        }
        return rewrite(doc, self.name, changes)


@cache
def _cached_strip(disable: frozenset[str]) -> Strip:
    return Strip(disable=disable)


def strip_boilerplate(text: str, *, disable: frozenset[str] = frozenset()) -> str:
    """Strip boilerplate lines from ``text``; the plain-string form of `Strip`.

    >>> strip_boilerplate("Share this:\\nThe treaty holds.")
    'The treaty holds.'
    """
    return _cached_strip(frozenset(disable))(Document.from_text(text)).text
