"""Boilerplate rules: the `Rule` and `RuleSet` types, loading and validation.

Rules are data: TOML files, one per language plus ``any.toml``, inside the package
(``cleanse/rules/``) or wherever a user keeps their own. `load_rules` reads one
file and refuses a broken one with a `RuleError` that names the file, the rule id
and the problem; `builtin_rules` loads the package's files once.

    >>> rules = builtin_rules()
    >>> rule = rules.get("de.comment.schreibe-einen-kommentar")
    >>> rule.kind, rule.category, rule.language
    ('line', 'comment', 'de')

The format is described in ``docs/rules.md``.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from cleanse._frozen import Frozen, _set
from cleanse._gc import collector_paused
from cleanse.strip.lazy import LazyPattern

__all__ = [
    # Given by the module's __getattr__, so that pathlib loads only when asked.
    "BUILTIN_DATA",  # noqa: F822
    "BUILTIN_DIR",  # noqa: F822
    "CATEGORIES",
    "KINDS",
    "Rule",
    "RuleError",
    "RuleSet",
    "builtin_rules",
    "collapse_spaces",
    "load_rules",
    "normalise_line",
    "parse_disable",
    "site_slug",
]

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Literal, TypeAlias

    import regex

# Where the package's own rule files live, and their JSON form (`BUILTIN_DIR`
# and `BUILTIN_DATA` give them as paths): plain strings, so that a process that
# only cleans text never imports pathlib.
_HERE = os.path.dirname(os.path.realpath(__file__))
_BUILTIN_DIR = os.path.join(os.path.dirname(_HERE), "rules")
_BUILTIN_DATA = os.path.join(_HERE, "_builtin.json")


def __getattr__(name: str) -> Path:
    # BUILTIN_DIR: where the package's own rule files live. BUILTIN_DATA: the
    # built-in packs as JSON, written by ``python -m cleanse.strip.build``.
    if name in ("BUILTIN_DIR", "BUILTIN_DATA"):
        from pathlib import Path

        return Path(_BUILTIN_DIR if name == "BUILTIN_DIR" else _BUILTIN_DATA)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: The categories a rule may have; ``--disable`` accepts them by name.
CATEGORIES = frozenset(
    {
        "comment",
        "share",
        "navigation",
        "related",
        "teaser",
        "cookie",
        "newsletter",
        "ad",
        "copyright",
        "credit",
        "paywall",
        "social",
        "meta",
        # Lines learned from a corpus by `cleanse learn`, usually scoped to one site.
        "site",
    }
)

Kind: TypeAlias = 'Literal["line", "teaser", "tail"]'
KINDS: frozenset[str] = frozenset({"line", "teaser", "tail"})

#: The longest line a ``line`` rule can match. CMS strings are short; a longer line
#: is article text even if it contains one, so it is never looked up.
MAX_LINE_RULE = 200
#: The longest line a ``line`` rule of the ``cookie`` category can match: consent
#: banners run to several sentences (a consent plugin's default text has 316
#: characters), and no other rule looks at a line longer than `MAX_LINE_RULE`.
MAX_COOKIE_LINE = 1000

_REQUIRED = ("id", "category", "kind", "description", "source", "match", "keep")
_OPTIONAL = ("phrases", "pattern", "lang_specific", "site")
_ID_SLUG = LazyPattern(r"[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_-]*")
_LANGUAGE = LazyPattern(r"[a-z][a-z0-9_-]*")
_NOT_SLUG = LazyPattern(r"[^\p{Ll}\p{Lo}\p{N}]+")
#: The longest slug `site_slug` makes of a site name, so ids stay readable.
MAX_SITE_SLUG = 60
# Patterns are combined into one alternation, so group numbers and names shift:
# references to them would silently point at another rule's groups.
_GROUP_REFERENCE = LazyPattern(r"\\[1-9]|\\g<|\(\?P[=>]|\(\?<[^=!]|\(\?&")
#: How long a pattern may take on one adversarial probe before it is called
#: catastrophic. Linear patterns need well under a millisecond for the probes.
PROBE_TIMEOUT = 0.25
PROBE_LENGTH = 20_000


class RuleError(ValueError):
    """A rule file that cannot be used, with the file, the rule id and the problem.

    >>> str(RuleError("rules.toml", "de.ad.x", "unknown kind 'word'"))
    "rules.toml: rule de.ad.x: unknown kind 'word'"
    """

    def __init__(self, file: str, rule: str | None, problem: str) -> None:
        self.file = file
        self.rule = rule
        self.problem = problem
        where = f"{file}: rule {rule}" if rule else file
        super().__init__(f"{where}: {problem}")


def normalise_line(line: str) -> str:
    """The form of a line that ``line`` rules are looked up by.

    Case is folded, white space runs (no-break spaces included) become one space,
    and punctuation, symbols, digits and spaces at both ends go, which takes
    counters and decoration with them:

    >>> normalise_line("  Kommentare\\u00a0(3) ")
    'kommentare'
    >>> normalise_line("» Share this: «")
    'share this'
    >>> normalise_line("12 Comments")
    'comments'
    """
    folded = line.casefold()
    # Most phrases (normalised once each at every start-up) and most lines start
    # and end with a letter and have nothing to collapse: they are their own form.
    if (
        folded[:1].isalpha()
        and folded[-1:].isalpha()
        and "  " not in folded
        and folded.isprintable()
    ):
        return folded
    return strip_edges(collapse_spaces(folded))


def collapse_spaces(text: str) -> str:
    """``text`` with white space runs as single spaces and none at the ends:
    ``" ".join(text.split())``, without splitting text that is already so.

    >>> collapse_spaces(" Share\\u00a0 this ")
    'Share this'
    """
    # Every white space character but the space is unprintable, so a printable
    # text has only spaces to collapse (tests/test_strip_engine.py checks this
    # over all of Unicode).
    if (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    return " ".join(text.split())


def strip_edges(text: str) -> str:
    """``text`` without the punctuation, symbols, digits and spaces at its ends.

    The second half of `normalise_line`, for callers that already hold the
    casefolded, collapsed line.

    >>> strip_edges("(3) kommentare:")
    'kommentare'
    """
    # Most lines start with a letter (``isalpha`` is exactly the categories L*),
    # and end with one or with a full stop: no loop for those.
    start, end = 0, len(text)
    if not text[:1].isalpha():
        while start < end and _EDGE[text[start]]:
            start += 1
    if not text[end - 1 : end].isalpha():
        while end > start and _EDGE[text[end - 1]]:
            end -= 1
    return text[start:end] if start or end < len(text) else text


class _EdgeCharacters(dict[str, bool]):
    """Whether a character goes from the ends of a line: Unicode categories P
    (punctuation), S (symbols), N (numbers), Z (spaces); looked up once each."""

    def __missing__(self, char: str) -> bool:
        edge = unicodedata.category(char)[0] in "PSNZ"
        self[char] = edge
        return edge


_EDGE = _EdgeCharacters()


def site_slug(site: str) -> str:
    """The part of a site rule's id that names its site: ``site.<slug>.<hash>``.

    Case is folded and every run of characters other than lowercase letters and
    digits becomes ``-``, so ids stay valid for any field value:

    >>> site_slug("www.Example.org"), site_slug("Die Zeit"), site_slug("!!")
    ('www-example-org', 'die-zeit', 'unnamed')
    """
    slug = _NOT_SLUG.sub("-", site.casefold()).strip("-")[:MAX_SITE_SLUG].strip("-")
    return slug or "unnamed"


class Rule(Frozen):
    """One boilerplate rule, as read from a rule file.

    - ``id``: ``<language>.<category>.<slug>``, unique and stable; edits carry it.
    - ``category``: one of `CATEGORIES`.
    - ``kind``: ``line`` (the whole line is a CMS string), ``teaser`` (a
      call-to-read keyword before another article's headline) or ``tail`` (a marker
      that starts a further-reading or comment section).
    - ``phrases``: literal strings (for ``teaser`` and ``tail``: the keywords).
    - ``pattern``: a ``regex`` pattern fullmatched against the normalised line
      (``line`` rules only), instead of ``phrases``.
    - ``description``, ``source``: what it is and where the phrasing was seen.
    - ``match``, ``keep``: examples that must be dropped, and must survive.
    - ``lang_specific``: apply only where the document's language is ``language``.
    - ``language``: the file's ``[pack] language``; ``file``: the file's path.
    - ``site``: apply only to documents whose ``site`` (``Document.get_meta``) is
      this value; ``None`` (the default) applies to every document. Rules that
      ``cleanse learn`` writes carry it (docs/learn.md).
    """

    __slots__ = (
        "category",
        "description",
        "file",
        "id",
        "keep",
        "kind",
        "lang_specific",
        "language",
        "match",
        "pattern",
        "phrases",
        "site",
        "source",
    )
    _fields = (
        "id",
        "category",
        "kind",
        "phrases",
        "pattern",
        "description",
        "source",
        "match",
        "keep",
        "lang_specific",
        "language",
        "file",
        "site",
    )

    id: str
    category: str
    kind: Kind
    phrases: tuple[str, ...]
    pattern: str | None
    description: str
    source: str
    match: tuple[str, ...]
    keep: tuple[str, ...]
    lang_specific: bool
    language: str
    file: str
    site: str | None

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        id: str,
        category: str,
        kind: Kind,
        phrases: tuple[str, ...],
        pattern: str | None,
        description: str,
        source: str,
        match: tuple[str, ...],
        keep: tuple[str, ...],
        lang_specific: bool,
        language: str,
        file: str,
        site: str | None = None,
    ) -> None:
        _set(self, "id", id)
        _set(self, "category", category)
        _set(self, "kind", kind)
        _set(self, "phrases", phrases)
        _set(self, "pattern", pattern)
        _set(self, "description", description)
        _set(self, "source", source)
        _set(self, "match", match)
        _set(self, "keep", keep)
        _set(self, "lang_specific", lang_specific)
        _set(self, "language", language)
        _set(self, "file", file)
        _set(self, "site", site)


class RuleSet(Frozen):
    """An ordered collection of rules, from one file or several.

    Equality is identity: a rule set is compiled once per `Strip` step, and
    comparing hundreds of rules field by field would buy nothing.

    >>> merged = RuleSet.merge(builtin_rules(), RuleSet(()))
    >>> len(merged.rules) == len(builtin_rules().rules)
    True
    """

    __slots__ = ("description", "files", "group_by", "language", "rules")
    _fields: tuple[str, ...] = ("rules", "language", "description", "files", "group_by")
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    rules: tuple[Rule, ...]
    language: str
    description: str
    files: tuple[str, ...]
    #: How records are grouped into sites for the ``site`` rules: ``"url"`` (the
    #: host of the record's ``url`` field), another field name, or ``None``.
    group_by: str | None

    def __init__(
        self,
        rules: tuple[Rule, ...],
        language: str = "mixed",
        description: str = "",
        files: tuple[str, ...] = (),
        group_by: str | None = None,
    ) -> None:
        _set(self, "rules", rules)
        _set(self, "language", language)
        _set(self, "description", description)
        _set(self, "files", files)
        _set(self, "group_by", group_by)

    def get(self, rule_id: str) -> Rule:
        """The rule with this id; `KeyError` if there is none."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @classmethod
    def merge(cls, *sets: RuleSet) -> RuleSet:
        """One rule set holding the rules of ``sets`` in order; ids must be unique.

        Sets that declare a ``group_by`` must agree on it.
        """
        seen: dict[str, str] = {}
        rules: list[Rule] = []
        for rule_set in sets:
            for rule in rule_set.rules:
                if rule.id in seen:
                    raise RuleError(
                        rule.file,
                        rule.id,
                        f"duplicate id (also defined in {seen[rule.id]})",
                    )
                seen[rule.id] = rule.file
                rules.append(rule)
        files = tuple(f for s in sets for f in s.files)
        groupings = sorted({s.group_by for s in sets if s.group_by is not None})
        if len(groupings) > 1:
            grouped = [s for s in sets if s.group_by is not None]
            raise RuleError(
                ", ".join(f for s in grouped for f in s.files) or "rule sets",
                None,
                "these rule files group records into sites differently "
                f"({' and '.join(map(repr, groupings))}); "
                "learn them with the same --by",
            )
        group_by = groupings[0] if groupings else None
        return cls(tuple(rules), "mixed", "", files, group_by)


def load_rules(path: str | Path, *, check: bool = True) -> RuleSet:
    """Load and validate one rule file.

    With ``check`` (the default) every rule's ``match`` and ``keep`` examples are
    run against the rule alone, and patterns are probed for catastrophic
    backtracking; a rule that fails is refused with a `RuleError`.
    """
    # Imported here: the built-in packs load from `cleanse.strip._builtin`, so
    # most processes never parse TOML.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    file = str(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise RuleError(file, None, f"cannot read: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise RuleError(file, None, f"not valid TOML: {error}") from error
    return parse_rules(data, file, check=check)


def parse_rules(data: Mapping[str, Any], file: str, *, check: bool = True) -> RuleSet:
    """Build a `RuleSet` from the parsed TOML of a rule file (see `load_rules`)."""
    pack = data.get("pack")
    if not isinstance(pack, Mapping):
        raise RuleError(
            file, None, "missing [pack] table with language and description"
        )
    language = pack.get("language")
    if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
        raise RuleError(
            file, None, "[pack] language must be a lowercase code such as 'de' or 'any'"
        )
    group_by = pack.get("group_by")
    if group_by is not None and (
        not isinstance(group_by, str) or not group_by or group_by != group_by.strip()
    ):
        raise RuleError(
            file,
            None,
            "[pack] group_by must name a record field ('url' for the host of the "
            "url field)",
        )
    unknown_top = set(data) - {"pack", "rule"}
    if unknown_top:
        raise RuleError(
            file, None, f"unknown table(s) {', '.join(sorted(unknown_top))}"
        )
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleError(file, None, "rules must be written as [[rule]] tables")
    rules: list[Rule] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_rules, 1):
        rule = _parse_rule(raw, number, language, file)
        if rule.id in seen:
            raise RuleError(file, rule.id, "duplicate id")
        seen.add(rule.id)
        if check:
            _check_rule(rule)
        rules.append(rule)
    return RuleSet(
        tuple(rules), language, str(pack.get("description", "")), (file,), group_by
    )


def _strings(value: object, field: str, file: str, rule: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(file, rule, f"{field} must be a list of strings")
    return tuple(value)


def _parse_rule(raw: object, number: int, language: str, file: str) -> Rule:
    if not isinstance(raw, Mapping):
        raise RuleError(file, f"#{number}", "a rule must be a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleError(file, f"#{number}", "missing field 'id'")
    for key in _REQUIRED:
        if key not in raw:
            raise RuleError(file, rule_id, f"missing field {key!r}")
    unknown = set(raw) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise RuleError(file, rule_id, f"unknown field(s) {', '.join(sorted(unknown))}")
    category, kind = raw["category"], raw["kind"]
    if category not in CATEGORIES:
        raise RuleError(
            file,
            rule_id,
            f"unknown category {category!r} (one of {', '.join(sorted(CATEGORIES))})",
        )
    if kind not in KINDS:
        raise RuleError(file, rule_id, f"unknown kind {kind!r} (line, teaser or tail)")
    site = raw.get("site")
    if site is not None and (not isinstance(site, str) or not site.strip()):
        raise RuleError(file, rule_id, "site must be a non-empty string")
    parts = rule_id.split(".")
    if category == "site":
        # Learned rules are named by site, not language: site.<site slug>.<hash>.
        if len(parts) != 3 or parts[0] != "site":
            raise RuleError(
                file, rule_id, "a site rule's id must read site.<site>.<slug>"
            )
        if site is not None and parts[1] != site_slug(site):
            raise RuleError(
                file,
                rule_id,
                f"a rule for site {site!r} needs an id site.{site_slug(site)}.<slug>",
            )
        if not _ID_SLUG.fullmatch(parts[1]):
            raise RuleError(file, rule_id, "slug must be lowercase letters, digits, -")
    elif len(parts) != 3 or parts[:2] != [language, category]:
        raise RuleError(
            file,
            rule_id,
            f"id must read {language}.{category}.<slug> (language, category, slug)",
        )
    if not _ID_SLUG.fullmatch(parts[2]):
        raise RuleError(file, rule_id, "slug must be lowercase letters, digits, -")
    for key in ("description", "source"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise RuleError(file, rule_id, f"{key} must be a non-empty string")
    has_phrases, has_pattern = "phrases" in raw, "pattern" in raw
    if has_phrases == has_pattern:
        raise RuleError(file, rule_id, "give either phrases or pattern (not both)")
    phrases: tuple[str, ...] = ()
    pattern: str | None = None
    if has_phrases:
        phrases = _strings(raw["phrases"], "phrases", file, rule_id)
        if not phrases:
            raise RuleError(file, rule_id, "phrases must not be empty")
        for phrase in phrases:
            if not normalise_line(phrase):
                raise RuleError(file, rule_id, f"phrase {phrase!r} has no letters")
            longest = MAX_COOKIE_LINE if category == "cookie" else MAX_LINE_RULE
            if len(phrase) > longest:
                raise RuleError(file, rule_id, f"phrase {phrase[:30]!r}... is too long")
    else:
        if kind != "line":
            raise RuleError(file, rule_id, f"a {kind} rule needs phrases (keywords)")
        pattern = raw["pattern"]
        if not isinstance(pattern, str) or not pattern:
            raise RuleError(file, rule_id, "pattern must be a non-empty string")
        _check_pattern(pattern, file, rule_id)
    match = _strings(raw["match"], "match", file, rule_id)
    keep = _strings(raw["keep"], "keep", file, rule_id)
    if len(match) < 2 or len(keep) < 1:
        raise RuleError(
            file, rule_id, "needs at least 2 match examples and 1 keep example"
        )
    lang_specific = raw.get("lang_specific", False)
    if not isinstance(lang_specific, bool):
        raise RuleError(file, rule_id, "lang_specific must be true or false")
    return Rule(
        id=rule_id,
        category=category,
        kind=kind,
        phrases=phrases,
        pattern=pattern,
        description=raw["description"].strip(),
        source=raw["source"].strip(),
        match=match,
        keep=keep,
        lang_specific=lang_specific,
        language=language,
        file=file,
        site=site,
    )


def _check_pattern(pattern: str, file: str, rule_id: str) -> None:
    """Refuse a pattern that does not compile, refers to groups, or backtracks."""
    import regex

    try:
        compiled = regex.compile(pattern)
    except regex.error as error:
        raise RuleError(file, rule_id, f"invalid pattern: {error}") from error
    if _GROUP_REFERENCE.search(pattern) or compiled.groupindex:
        raise RuleError(
            file,
            rule_id,
            "pattern may not name or refer back to groups (rules are combined)",
        )
    # Probe with long runs of each character the pattern mentions, plus letters,
    # digits, spaces and punctuation for its classes, each followed by a character
    # that makes the match fail: a pattern with nested or overlapping repetition
    # then tries exponentially (or quadratically) many ways and hits the timeout.
    probes = set(pattern) | set("aZ1 .-é,\u00a0")
    for char in sorted(probes):
        run = char * PROBE_LENGTH
        if not all(_finishes(compiled, run + end) for end in ("\x00", "!", "a")):
            raise RuleError(
                file,
                rule_id,
                f"pattern backtracks catastrophically on a run of {char!r}; "
                "avoid nested or unbounded overlapping repetition (use .{1,80})",
            )


def _finishes(compiled: regex.Pattern[str], probe: str) -> bool:
    """True if fullmatching ``probe`` ends within `PROBE_TIMEOUT` seconds."""
    try:
        compiled.fullmatch(probe, timeout=PROBE_TIMEOUT)
    except TimeoutError:
        return False
    return True


def _check_rule(rule: Rule) -> None:
    """Run the rule's own examples against the rule alone."""
    # Imported here: the engine module imports this one.
    from cleanse.strip.engine import Engine

    engine = Engine((rule,))
    for example in rule.match:
        lines = example.split("\n")
        verdicts = engine.verdicts(lines)
        missed = [line for i, line in enumerate(lines) if i not in verdicts and line]
        if missed:
            raise RuleError(
                rule.file, rule.id, f"match example not dropped: {missed[0]!r}"
            )
    for example in rule.keep:
        verdicts = engine.verdicts(example.split("\n"))
        if verdicts:
            line = example.split("\n")[min(verdicts)]
            raise RuleError(rule.file, rule.id, f"keep example dropped: {line!r}")


def builtin_files() -> tuple[Path, ...]:
    """The package's rule files, in a fixed order (by name)."""
    from pathlib import Path

    return tuple(Path(path) for path in _builtin_paths())


def _builtin_paths() -> list[str]:
    """`builtin_files` as strings (as ``glob("*.toml")`` finds them, by name)."""
    names = os.listdir(_BUILTIN_DIR)
    return [
        os.path.join(_BUILTIN_DIR, name)
        for name in sorted(names)
        if name.endswith(".toml") and not name.startswith(".")
    ]


#: The layout of `BUILTIN_DATA`; a file of another layout is ignored.
BUILTIN_FORMAT = 1


@cache
def builtin_data() -> dict[str, Any]:
    """`BUILTIN_DATA` as read: ``format``, ``source_hash``, ``packs`` (see
    `packed`) and ``patterns`` (see `cleanse.strip.engine.describe`); empty if the
    file is missing or of another layout.

    >>> sorted(builtin_data())
    ['format', 'packs', 'patterns', 'source_hash']
    """
    try:
        # Read as bytes and decoded at once: a text-mode read decodes in chunks
        # and scans for line endings, which took 1 to 3 ms of every start-up for
        # this file, against 0.5 ms.
        with open(_BUILTIN_DATA, "rb") as handle:
            text = handle.read().decode("utf-8")
        # Parsing makes some 60,000 objects, and the collector would walk all of
        # them several times over while it does: a millisecond of every start-up.
        with collector_paused():
            data = json.loads(text)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != BUILTIN_FORMAT:
        return {}
    return data


def source_hash(files: Iterable[str | os.PathLike[str]]) -> str:
    """A checksum (CRC-32) of rule files' names and bytes: what `BUILTIN_DATA`
    was generated from. It is there to notice a pack edited without running the
    build command again, not to resist forgery, and zlib costs a process nothing
    to import.

    >>> len(source_hash(builtin_files()))
    8
    """
    checksum = 0
    for path in files:
        with open(path, "rb") as handle:
            content = handle.read()
        checksum = zlib.crc32(os.path.basename(path).encode() + b"\0", checksum)
        checksum = zlib.crc32(content + b"\0", checksum)
    return f"{checksum:08x}"


@cache
def builtin_rules() -> RuleSet:
    """All rule files shipped with cleanse, loaded once per process.

    They load from `BUILTIN_DATA`, the packs written out as JSON by ``python -m
    cleanse.strip.build``, when its `source_hash` is the files' own; else (a pack
    was edited and the command not run again) from the TOML, which is as correct
    and slower, and ``tests/test_rules_builtin.py`` names the command. The
    shipped files are validated by the test suite (every rule's examples and the
    backtracking probes, `tests/test_rules.py`), so they load without running
    those checks again: that would cost every process a good part of a second.
    Files a user passes are always checked (`load_rules`).
    """
    files = _builtin_paths()
    data = builtin_data()
    if data.get("source_hash") == source_hash(files):
        return RuleSet.merge(*(_unpacked(pack, files) for pack in data["packs"]))
    return RuleSet.merge(*(load_rules(path, check=False) for path in files))


def _unpacked(pack: Sequence[Any], files: Sequence[str]) -> RuleSet:
    """A `RuleSet` from one pack of `BUILTIN_DATA` (see `packed`)."""
    name, language, description, group_by, rows = pack
    file = next(path for path in files if os.path.basename(path) == name)
    rules = tuple(
        Rule(
            id=rule_id,
            category=category,
            kind=kind,
            phrases=tuple(phrases),
            pattern=pattern,
            description=text,
            source=source,
            match=tuple(match),
            keep=tuple(keep),
            lang_specific=lang_specific,
            language=language,
            file=file,
            site=site,
        )
        for (
            rule_id,
            category,
            kind,
            phrases,
            pattern,
            text,
            source,
            match,
            keep,
            lang_specific,
            site,
        ) in rows
    )
    return RuleSet(rules, language, description, (file,), group_by)


def packed(rule_set: RuleSet) -> tuple[Any, ...]:
    """One rule file's `RuleSet` as plain values, the form `_unpacked` reads:
    ``(file name, language, description, group_by, rules)``.

    >>> pack = packed(load_rules(builtin_files()[0], check=False))
    >>> pack[:2], pack[4][0][:3]
    (('any.toml', 'any'), ('any.share.network-row', 'share', 'line'))
    """
    rows = tuple(
        (
            rule.id,
            rule.category,
            rule.kind,
            rule.phrases,
            rule.pattern,
            rule.description,
            rule.source,
            rule.match,
            rule.keep,
            rule.lang_specific,
            rule.site,
        )
        for rule in rule_set.rules
    )
    name = os.path.basename(rule_set.files[0])
    return (name, rule_set.language, rule_set.description, rule_set.group_by, rows)


def parse_disable(names: str | Iterable[str]) -> frozenset[str]:
    """Turn ``"share,de.teaser"`` (or an iterable of names) into a disable set.

    >>> sorted(parse_disable("share, de.teaser,,"))
    ['de.teaser', 'share']
    """
    items = names.split(",") if isinstance(names, str) else names
    return frozenset(n.strip() for n in items if n.strip())
