"""Learned lines as rules: a `RuleSet` the strip step takes, and the TOML file of it.

    >>> from cleanse.learn.counting import LearnedLine
    >>> line = LearnedLine("a.org", "read us daily", "Read us daily", 9, 10)
    >>> rules = to_rules([line])
    >>> rule = rules.rules[0]
    >>> rule.id, rule.site, rule.phrases
    ('site.a-org.014ff3f5', 'a.org', ('Read us daily',))

The file `write_rules` writes is the built-in rule format (docs/rules.md), so
`load_rules` reads it back, checks every rule's examples, and a user can read,
edit and prune it. Its ``[pack]`` says how records map to sites (``group_by``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from cleanse.learn.counting import DEFAULT_SETTINGS, LearnedLine, LearnSettings
from cleanse.strip.rules import Rule, RuleSet, normalise_line, site_slug

__all__ = ["KEEP", "LearnedRules", "rule_for", "to_rules", "write_rules"]

#: The ``keep`` example of every learned rule: neutral article text, which the rule
#: must let through (the loader checks it). The second serves when a site's learned
#: line is the first sentence itself.
KEEP = (
    "This sentence is article text and stays in the document.",
    "Dieser Satz gehört zum Artikel und bleibt stehen.",
)
#: The language of a learned file: its lines are whatever language the site prints.
LANGUAGE = "any"


class LearnedRules(RuleSet):
    """A `RuleSet` of learned lines, with the counts behind each rule.

    ``lines[i]`` is the count behind ``rules[i]``; ``documents`` and ``sites`` say
    what was counted, and ``settings`` with which thresholds.
    """

    __slots__ = ("documents", "lines", "settings", "sites")
    _fields = (*RuleSet._fields, "lines", "documents", "sites", "settings")

    lines: tuple[LearnedLine, ...]
    documents: int
    sites: int
    settings: LearnSettings

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        rules: tuple[Rule, ...],
        language: str = "mixed",
        description: str = "",
        files: tuple[str, ...] = (),
        group_by: str | None = None,
        lines: tuple[LearnedLine, ...] = (),
        documents: int = 0,
        sites: int = 0,
        settings: LearnSettings = DEFAULT_SETTINGS,
    ) -> None:
        super().__init__(rules, language, description, files, group_by)
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "documents", documents)
        object.__setattr__(self, "sites", sites)
        object.__setattr__(self, "settings", settings)


def rule_for(line: LearnedLine, rule_id: str) -> Rule:
    """The ``line`` rule that drops ``line`` (for its site only, if it has one)."""
    where = line.site if line.site is not None else "the corpus"
    keep = tuple(k for k in KEEP if normalise_line(k) != line.key)[:1]
    return Rule(
        id=rule_id,
        category="site",
        kind="line",
        phrases=(line.line,),
        pattern=None,
        description=f"Line that recurs across the documents of {where}",
        source=(
            f"learned by cleanse learn: in {line.docs} of {line.site_docs} "
            f"documents of {where}"
        ),
        # The line as printed, and as a bullet: both normalise to the same key.
        match=(line.line, f"» {line.line}"),
        keep=keep,
        lang_specific=False,
        language=LANGUAGE,
        file="<learned>",
        site=line.site,
    )


def _rule_id(line: LearnedLine, taken: set[str]) -> str:
    middle = site_slug(line.site) if line.site is not None else "all"
    digest = hashlib.blake2b(
        f"{line.site or ''}\x00{line.key}".encode("utf-8", "surrogatepass"),
        digest_size=8,
    ).hexdigest()
    # Eight hex digits name a line; on the rare clash within a file, sixteen.
    for size in (8, 16):
        rule_id = f"site.{middle}.{digest[:size]}"
        if rule_id not in taken:
            break
    taken.add(rule_id)
    return rule_id


def to_rules(
    lines: Iterable[LearnedLine],
    *,
    group_by: str | None = None,
    documents: int = 0,
    sites: int = 0,
    settings: LearnSettings = DEFAULT_SETTINGS,
) -> LearnedRules:
    """The learned ``lines`` as a rule set, sorted by site and line."""
    ordered = sorted(lines, key=lambda x: (x.site or "", x.key))
    taken: set[str] = set()
    rules = tuple(rule_for(line, _rule_id(line, taken)) for line in ordered)
    described = (
        f"Lines learned by cleanse learn from {documents} documents of {sites} "
        f"site(s): in at least {settings.min_docs} documents and "
        f"{settings.min_share:.0%} of their site's documents"
    )
    return LearnedRules(
        rules=rules,
        language=LANGUAGE,
        description=described,
        files=("<learned>",),
        group_by=group_by,
        lines=tuple(ordered),
        documents=documents,
        sites=sites,
        settings=settings,
    )


def _toml(value: str) -> str:
    """``value`` as a TOML basic string (JSON's escapes are TOML's, except DEL)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(_toml(v) for v in values) + "]"


def write_rules(rules: RuleSet, file: IO[str] | str | Path) -> None:
    """Write ``rules`` as a rule file that `load_rules` reads back.

    A `LearnedRules` gets a comment with its count above each rule. ``file`` is an
    open text stream or a path (written as UTF-8). Raises `ValueError` for a rule
    that cannot be written as text (lone surrogates).
    """
    if isinstance(file, (str, Path)):
        with open(file, "w", encoding="utf-8", newline="\n") as handle:
            write_rules(rules, handle)
        return
    counts: dict[Rule, LearnedLine] = {}
    if isinstance(rules, LearnedRules) and len(rules.lines) == len(rules.rules):
        counts = dict(zip(rules.rules, rules.lines, strict=True))
    out: list[str] = []
    if isinstance(rules, LearnedRules):
        out += [
            "# Written by `cleanse learn`: lines that recur across many documents of",
            "# one site. Delete a rule to keep its line; use this file with",
            "# `cleanse --rules FILE` or `Strip(extra=(load_rules(FILE),))`.",
            "",
        ]
    out += ["[pack]", f"language = {_toml(rules.language)}"]
    if rules.description:
        out.append(f"description = {_toml(rules.description)}")
    if rules.group_by is not None:
        out.append(f"group_by = {_toml(rules.group_by)}")
    for rule in rules.rules:
        out.append("")
        learned = counts.get(rule)
        if learned is not None:
            out.append(
                f"# {learned.site or 'all documents'}: {learned.docs} of "
                f"{learned.site_docs} documents ({learned.share:.1%})"
            )
        out += ["[[rule]]", f"id = {_toml(rule.id)}"]
        out += [f"category = {_toml(rule.category)}", f"kind = {_toml(rule.kind)}"]
        if rule.site is not None:
            out.append(f"site = {_toml(rule.site)}")
        if rule.pattern is not None:
            out.append(f"pattern = {_toml(rule.pattern)}")
        else:
            out.append(f"phrases = {_toml_list(rule.phrases)}")
        out.append(f"description = {_toml(rule.description)}")
        out.append(f"source = {_toml(rule.source)}")
        out.append(f"match = {_toml_list(rule.match)}")
        out.append(f"keep = {_toml_list(rule.keep)}")
        if rule.lang_specific:
            out.append("lang_specific = true")
    text = "\n".join(out) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(f"a rule holds a lone surrogate: {error.reason}") from None
    file.write(text)
