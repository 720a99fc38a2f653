"""`narrow.required_texts`: texts one of which every match of a pattern holds.

The engine skips a pattern for a line that holds none of them, so they must be
in every text the pattern fullmatches. These tests hold them to that against
``regex`` itself: on the built-in patterns and their rules' examples, on texts
generated from the patterns, and on generated patterns.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleanse.strip.narrow import required_texts, requires_digit
from cleanse.strip.rules import builtin_rules, collapse_spaces, normalise_line

RULES = [rule for rule in builtin_rules().rules if rule.pattern]
PATTERNS = sorted({rule.pattern for rule in RULES if rule.pattern})


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


def _holds(pattern: str, text: str) -> bool:
    needed = required_texts(pattern)
    return needed is None or any(part in text for part in needed)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("share this", ("share this",)),
        (r"tags?: .{1,80}", ("tag",)),
        (r"abc|de", ("abc", "de")),
        (r"(?:ab|cd)ef", ("ab", "cd")),
        (r"(?:abc|def)x", ("abc", "def")),
        (r"x(?:abc|)y", ("x",)),
        (r"(?:abc|)", None),
        (r"(?:abc)?", None),
        (r"(?:abc)+", None),
        (r"ab*", ("a",)),
        (r"a\.b", ("a.b",)),
        (r"a\sb", ("a",)),
        (r"[abc]{2,3}", None),
        (r"[]x]yz", ("yz",)),
        (r"(?=abc)d", ("d",)),
        (r"(?<!abc)d", ("d",)),
        (r"(?P<n>abc)d", ("abc",)),
        (r"(?i)abc", None),
        (r"\p{L}abc", ("abc",)),
        (r"ab\P{Lu}+cde", ("cde",)),
        (r"\pLabc", None),
        (r"ab\p{Lu", None),
        (r"ab{e<=1}", None),
        (r"a{b", None),
        (r"abc)", None),
        (r"(abc", None),
        (r"[abc", None),
        (r"a.{1,3}?bcd", ("bcd",)),
        (r"\d{4} copyright", (" copyright",)),
    ],
)
def test_required_texts(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert required_texts(pattern) == expected


def test_most_built_in_patterns_have_required_texts() -> None:
    # Otherwise the engine calls them on every line whose ends fit.
    read = [pattern for pattern in PATTERNS if required_texts(pattern) is not None]
    assert len(read) >= len(PATTERNS) - 3


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_example_the_pattern_takes_holds_a_required_text(rule: object) -> None:
    pattern = rule.pattern  # type: ignore[attr-defined]
    examples = [
        line
        for example in rule.match + rule.keep  # type: ignore[attr-defined]
        for line in example.split("\n")
    ]
    taken = 0
    for line in examples:
        # The engine fullmatches the normalised line and the light one.
        for text in (normalise_line(line), collapse_spaces(line.casefold())):
            if _compiled(pattern).fullmatch(text) is not None:
                taken += 1
                assert _holds(pattern, text), (line, required_texts(pattern))
    assert taken or not rule.match  # type: ignore[attr-defined]


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
def test_texts_generated_from_built_in_patterns_hold_a_required_text(
    data: st.DataObject,
) -> None:
    pattern = data.draw(st.sampled_from(PATTERNS))
    try:
        strategy = st.from_regex(pattern, fullmatch=True)
        text = data.draw(strategy)
    except Exception:  # stdlib re cannot read it (\p{...}): not generated
        assume(False)
        raise
    assume(_compiled(pattern).fullmatch(text) is not None)
    assert _holds(pattern, text)


_ATOMS = st.sampled_from(
    ["a", "b", "ab", "ba", " ", "x y", ".", r"\s", r"\d", "[ab]", "[^a]", r"\.", "é"]
)


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0) -> str:
    """Small patterns of literals, sets, groups, alternations and quantifiers."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            branches = draw(st.lists(patterns(depth + 1), min_size=1, max_size=3))
            kind = draw(st.sampled_from(["(?:", "(", "(?=", "(?!", "(?P<g>", "(?>"]))
            # A group takes at most "?": a repeated group of repeated atoms
            # ("(a*)*") backtracks exponentially when the text does not match.
            part = kind + "|".join(branches) + ")"
            part += draw(st.sampled_from(["", "", "?"]))
        else:
            part = draw(_ATOMS)
            part += draw(
                st.sampled_from(["", "", "", "?", "*", "+", "{1,2}", "{2}", "??"])
            )
        parts.append(part)
    body = "".join(parts)
    if depth == 0 and draw(st.booleans()):
        body += "|" + draw(patterns(depth + 1))
    return body


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
def test_texts_generated_from_generated_patterns_hold_a_required_text(
    data: st.DataObject,
) -> None:
    pattern = data.draw(patterns())
    pattern = (
        pattern.replace("(?P<g>", "(?:") if pattern.count("(?P<g>") > 1 else pattern
    )
    try:
        compiled = regex.compile(pattern)
        text = data.draw(st.from_regex(pattern, fullmatch=True))
    except Exception:  # not a pattern both re and regex read
        assume(False)
        raise
    assume(compiled.fullmatch(text) is not None)
    assert _holds(pattern, text), (pattern, text, required_texts(pattern))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\d{4}", True),
        (r"© 2024", True),
        (r"(?:am )?\d{1,2}\. mai|(?:von )\d+", True),
        (r"(?:\d{1,2} )?mai", False),
        (r"\d{0,2} mai", False),
        (r"\d* mai", False),
        (r"\d? mai", False),
        (r"(?=\d)\w+", False),
        (r"[0-9]+ kommentare", False),
        (r"kommentare|\d+ kommentare", False),
        (r"(?i)\d+", False),
        (r"(?:a|b\d)\d", True),
        (r"(?:a|b)+\d+", True),
    ],
)
def test_requires_digit(pattern: str, expected: bool) -> None:
    assert requires_digit(pattern) is expected


def _stdlib_compilable(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


# The built-in patterns that need a digit, in the syntax hypothesis can generate
# matches for (the stdlib's; all but those with \p{...} classes).
DIGIT_PATTERNS = sorted(
    rule.pattern
    for rule in builtin_rules().rules
    if rule.pattern
    and requires_digit(rule.pattern)
    and _stdlib_compilable(rule.pattern)
)


def test_the_date_patterns_are_read_as_needing_a_digit() -> None:
    ids = {
        rule.id
        for rule in builtin_rules().rules
        if rule.pattern and requires_digit(rule.pattern)
    }
    assert {"de.meta.date-byline", "en.meta.date-byline", "de.meta.dateline"} <= ids
    assert len(DIGIT_PATTERNS) >= 20


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_match_of_a_pattern_that_requires_a_digit_holds_one(
    data: st.DataObject,
) -> None:
    pattern = data.draw(st.sampled_from(DIGIT_PATTERNS))
    text = data.draw(st.from_regex(re.compile(pattern), fullmatch=True))
    assert regex.search(r"\d", text) is not None, (pattern, text)


def test_the_engine_skips_a_date_pattern_on_a_line_without_a_digit() -> None:
    from cleanse.strip.engine import Engine

    engine = Engine(builtin_rules().rules)
    index = next(
        i
        for i, rule in enumerate(engine._pattern_rules)
        if rule.id == "de.meta.date-byline"
    )
    # "von" is the pattern's required text; without a digit it cannot be a date line.
    assert not engine._may_hold(index, "die regierung von berlin hat entschieden")
    assert engine._may_hold(index, "17. oktober 2024 – von miriam vogt")
