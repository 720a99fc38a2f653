"""No pattern in cleanse can backtrack catastrophically.

Every compiled regular expression that any cleanse module holds (module level, in
tuples, lists, dicts and class attributes) is probed with long runs of the
characters it mentions, and of pairs of them, each followed by a character that
makes a match fail: where nested or overlapping repetition lurks, such probes take
exponential or quadratic time and hit the `regex` module's timeout. Rule-file
patterns get the same probes from the loader when any file, built-in or a user's,
is read (`cleanse.strip.rules`); a test here checks that an exploding user rule is
refused with its id.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import regex

import cleanse
from cleanse._lazy_re import LazyRe
from cleanse.strip.lazy import LazyPattern

PROBE_LENGTH = 20_000
TIMEOUT = 1.0  # seconds per probe; linear patterns need milliseconds
# Modules that need optional packages to import at all; their patterns are still
# checked when the package is there (it is, in CI: the test extra installs them).
OPTIONAL = {
    "cleanse.integrations.dask",
    "cleanse.integrations.datatrove",
    "cleanse.integrations.hf",
}


def _modules() -> Iterator[object]:
    for info in pkgutil.walk_packages(cleanse.__path__, "cleanse."):
        if info.name.endswith("__main__"):
            continue
        try:
            yield importlib.import_module(info.name)
        except ImportError:
            if info.name not in OPTIONAL:
                raise


def _patterns(value: object, depth: int = 0) -> Iterator[str]:
    if isinstance(value, (re.Pattern, regex.Pattern, LazyPattern, LazyRe)):
        yield value.pattern
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item, depth + 1)
    elif depth < 1 and isinstance(value, type):
        for item in vars(value).values():
            yield from _patterns(item, depth + 1)


def _uses(module: object, name: str) -> frozenset[str]:
    """The pattern methods a module calls on ``name`` (all of them if unclear)."""
    source = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    used = frozenset(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", source))
    # Only calls that anchor at the start can skip the unanchored probe.
    return used if used and used <= {"match", "fullmatch"} else frozenset({"search"})


def all_patterns() -> list[tuple[str, str, frozenset[str]]]:
    found: dict[str, tuple[str, frozenset[str]]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            for pattern in _patterns(value):
                if not isinstance(pattern, str):
                    continue
                where = f"{module.__name__}.{name}"  # type: ignore[attr-defined]
                uses = _uses(module, name)
                if pattern in found:
                    uses |= found[pattern][1]
                    where = found[pattern][0]
                found[pattern] = (where, uses)
    return sorted((where, pattern, uses) for pattern, (where, uses) in found.items())


PATTERNS = all_patterns()


def test_the_collector_finds_the_patterns_we_know() -> None:
    wheres = {where for where, _, _ in PATTERNS}
    assert "cleanse.normalise._POLICY_CHAR" in wheres
    assert "cleanse.repair._TRIGGER" in wheres
    assert "cleanse.strip.engine._HEADLINE" in wheres  # a LazyPattern
    assert "cleanse.strip.rules._GROUP_REFERENCE" in wheres


def _probes(pattern: str) -> Iterator[str]:
    chars = sorted(set(pattern) | set("aZ1 .-é,\u00a0\n'\"«»"))
    for char in chars:
        yield char * PROBE_LENGTH
    # Pairs catch alternations such as (a|ab)* that single runs do not.
    letters = [c for c in chars if c.isalnum() or c in " .-'\""][:12]
    for a, b in itertools.combinations(letters, 2):
        yield (a + b) * (PROBE_LENGTH // 2)


@pytest.mark.parametrize(
    ("where", "pattern", "uses"), PATTERNS, ids=[w for w, _, _ in PATTERNS]
)
def test_pattern_is_linear_on_adversarial_input(
    where: str, pattern: str, uses: frozenset[str]
) -> None:
    try:
        compiled = regex.compile(pattern)
    except regex.error:
        compiled = regex.compile(pattern, flags=regex.V0)
    methods = [compiled.match, compiled.fullmatch]
    if "search" in uses:
        methods.append(compiled.search)
    slow = [
        (method.__name__, probe[:6])
        for probe in _probes(pattern)
        for end in ("\x00", "!", "a")
        for method in methods
        if not _finishes(method, probe + end)
    ]
    assert not slow, f"{where}: {pattern!r} backtracks: {slow[:3]}"


def _finishes(method: Callable[..., object], probe: str) -> bool:
    try:
        method(probe, timeout=TIMEOUT)
    except TimeoutError:
        return False
    return True


def _rule_characters() -> str:
    from cleanse.strip import builtin_rules

    chars: set[str] = set()
    for rule in builtin_rules().rules:
        chars.update(rule.pattern or "")
        for phrase in rule.phrases:
            chars.update(phrase[:2])
    return "".join(sorted(chars))


def test_rule_patterns_stay_fast_inside_the_strip_step() -> None:
    # The engine combines the rule patterns and runs them only on lines of bounded
    # length (at most MAX_LINE_RULE characters for line rules; teasers and tails
    # after a keyword check), so no line can cost more than a constant. Each rule's
    # own pattern is probed by the loader; this checks the combination in use.
    import time

    from cleanse.document import Document
    from cleanse.strip import Strip

    strip = Strip()
    for char in _rule_characters():
        lines = [char * 20_000, (char + " ") * 10_000, ("LESEN " + char) * 3_000]
        doc = Document.from_text("\n".join(lines))
        start = time.perf_counter()
        strip(doc)
        assert time.perf_counter() - start < 2.0, f"slow on runs of {char!r}"


def test_an_exploding_user_rule_is_refused_with_its_id(tmp_path: Path) -> None:
    from cleanse.strip import RuleError, load_rules

    path = tmp_path / "mine.toml"
    path.write_text(
        """
[pack]
language = "any"
description = "a user's rules"

[[rule]]
id = "any.ad.explodes"
category = "ad"
kind = "line"
pattern = '(a+)+b'
description = "nested repetition"
source = "a test"
match = ["aab", "ab"]
keep = ["Ein ganz normaler Satz."]
""",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"any\.ad\.explodes.*backtracks"):
        load_rules(path)
