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

Rules with a ``site`` (the lines ``cleanse learn`` finds) apply only to documents
whose ``site`` meta value is that site; a document without one gets none of them.
They run first, so the other rules see the text without the site's own lines:

    >>> from cleanse.learn import learn_rules
    >>> docs = [f"Story {chr(97 + i)}.\\nSupport local news" for i in range(20)]
    >>> learned = learn_rules([("example.org", text) for text in docs])
    >>> step = Strip(extra=(learned,))
    >>> doc = Document.from_text("Rain.\\nSupport local news", site="example.org")
    >>> step(doc).text, [e.rule[:17] for e in step(doc).edits]
    ('Rain.', ['site.example-org.'])
    >>> step(Document.from_text("Rain.\\nSupport local news")).text
    'Rain.\\nSupport local news'
"""

from __future__ import annotations

from functools import cache

from cleanse._frozen import Frozen, _set
from cleanse._gc import collector_paused
from cleanse.document import Document
from cleanse.lines import drop_lines
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


class Strip(Frozen):
    """The strip step (see the module docstring).

    - ``rules``: the rule set; ``None`` means the rules shipped with cleanse.
    - ``disable``: categories, rule ids or id prefixes to leave out.
    - ``extra``: more rule sets (a user's own files, learned site lines), applied
      with the others; their ids must not repeat built-in ids.

    Rules marked ``lang_specific`` apply only to documents whose ``lang`` is the
    rule's language; rules with a ``site`` only to documents whose ``site`` meta
    value is theirs; all others apply to every document. `group_by` says how the
    rule files want records mapped to sites (`cleanse.records` does it).
    """

    # No __slots__, and pickled with its __dict__: workers get the compiled
    # engines as they are instead of compiling them again.
    _fields = ("rules", "disable", "extra", "name")
    _pickle_by_fields = False

    rules: RuleSet | None
    disable: frozenset[str]
    extra: tuple[RuleSet, ...]
    name: str
    _engines: dict[str, Engine]
    # Site rules by site; their engines are built on first sight of the site (and
    # language, for language-specific ones): a rule file may name thousands of
    # sites, and a batch usually meets few of them.
    _site_rules: dict[str, tuple[Rule, ...]]
    _site_engines: dict[tuple[str, str], Engine]
    _group_by: str | None

    def __init__(
        self,
        rules: RuleSet | None = None,
        disable: frozenset[str] = frozenset(),
        extra: tuple[RuleSet, ...] = (),
        name: str = "strip",
    ) -> None:
        _set(self, "rules", rules)
        _set(self, "extra", extra)
        _set(self, "name", name)
        _set(self, "_engines", {})
        _set(self, "_site_rules", {})
        _set(self, "_site_engines", {})
        # Loading the rules and building the engines makes tens of thousands of
        # objects and no cycles: without the pause, the collector walks the rule
        # data again and again while they are made (3 to 4 ms of a start-up).
        with collector_paused():
            self._build(rules, frozenset(disable), extra)

    def _build(
        self, rules: RuleSet | None, disable: frozenset[str], extra: tuple[RuleSet, ...]
    ) -> None:
        base = rules if rules is not None else builtin_rules()
        merged = RuleSet.merge(base, *extra)
        _set(self, "disable", disable)
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
        _set(self, "_group_by", merged.group_by)
        enabled = [rule for rule in merged.rules if not is_disabled(rule, disable)]
        by_site: dict[str, list[Rule]] = {}
        for rule in enabled:
            if rule.site is not None:
                by_site.setdefault(rule.site, []).append(rule)
        self._site_rules.update((k, tuple(v)) for k, v in by_site.items())
        enabled = [rule for rule in enabled if rule.site is None]
        general = [rule for rule in enabled if not rule.lang_specific]
        engines = {"": Engine(general)}
        for language in {rule.language for rule in enabled if rule.lang_specific}:
            engines[language] = Engine(
                rule
                for rule in enabled
                if not rule.lang_specific or rule.language == language
            )
        self._engines.update(engines)

    @property
    def group_by(self) -> str | None:
        """How records are grouped into sites for the site rules (the rule files'
        ``[pack] group_by``): ``"url"``, a field name, or ``None``."""
        return self._group_by

    def engine_for(self, lang: str) -> Engine:
        """The compiled rules that apply to a document in language ``lang``."""
        return self._engines.get(lang) or self._engines[""]

    def site_engine_for(self, site: str, lang: str) -> Engine | None:
        """The compiled rules of ``site`` for a document in ``lang``; None if the
        site has no rules."""
        rules = self._site_rules.get(site)
        if rules is None:
            return None
        key = (site, lang if any(r.lang_specific for r in rules) else "")
        engine = self._site_engines.get(key)
        if engine is None:
            engine = Engine(
                r for r in rules if not r.lang_specific or r.language == lang
            )
            self._site_engines[key] = engine
        return engine

    def __call__(self, doc: Document) -> Document:
        # Strip only ever drops whole lines: `drop_lines` builds the edits
        # straight from the verdicts.
        if self._site_rules:
            site = doc.get_meta("site")
            engine = None if site is None else self.site_engine_for(site, doc.lang)
            if engine is not None:
                found = engine.verdicts(doc.lines)
                doc = drop_lines(
                    doc, self.name, {i: rule.id for i, rule in found.items()}
                )
        text = doc.text
        engine = self._engines.get(doc.lang) or self._engines[""]
        verdicts = engine.verdicts(text.split("\n"), text.casefold())
        if not verdicts:
            return doc
        return drop_lines(doc, self.name, {i: rule.id for i, rule in verdicts.items()})


@cache
def _cached_strip(disable: frozenset[str]) -> Strip:
    return Strip(disable=disable)


def strip_boilerplate(text: str, *, disable: frozenset[str] = frozenset()) -> str:
    """Strip boilerplate lines from ``text``; the plain-string form of `Strip`.

    >>> strip_boilerplate("Share this:\\nThe treaty holds.")
    'The treaty holds.'
    """
    return _cached_strip(frozenset(disable))(Document.from_text(text)).text
