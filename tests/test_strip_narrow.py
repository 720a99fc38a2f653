"""Narrowing by the ends of a line: `syntax.edge_classes`, `narrow.Narrowing`.

The engine tries a pattern on a line only if the line's first and last
characters fit the pattern's ends. The ends are read from the pattern's syntax,
so they must allow every text the pattern fullmatches (more is fine: the
fullmatch decides). These tests hold them to that against ``regex`` itself.
"""

from __future__ import annotations

import sys
from functools import cache

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleanse.strip.narrow import EDGE, Narrowing, fits, trie
from cleanse.strip.rules import builtin_rules
from cleanse.strip.syntax import edge_classes
from tests.strategies import any_text

PATTERNS = sorted({rule.pattern for rule in builtin_rules().rules if rule.pattern})


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


@cache
def _narrowing(pattern: str) -> Narrowing:
    heads, tails = edge_classes(pattern)
    return Narrowing([(trie(heads), trie(tails, reverse=True))])


def _allowed(pattern: str, text: str) -> bool:
    narrowing = _narrowing(pattern)
    return bool(narrowing.heads(text[:EDGE]) & narrowing.tails(text[-EDGE:]))


def _every_character() -> str:
    return "".join(
        chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
    )


@pytest.mark.parametrize(
    ("escape", "cls"), [(r"\s", "s"), (r"\d", "d")], ids=["space", "digit"]
)
def test_classes_never_exclude_what_regex_takes(escape: str, cls: str) -> None:
    everything = _every_character()
    members = set(regex.findall(escape, everything))
    positive, negated = (False, "", cls), (True, "", cls)
    assert all(fits(positive, char) for char in members)
    outside = set(regex.findall(f"[^{escape}]", everything))
    assert all(fits(negated, char) for char in outside)


def test_white_space_is_exactly_regexs() -> None:
    everything = _every_character()
    members = set(regex.findall(r"\s", everything))
    assert {c for c in everything if fits((False, "", "s"), c)} == members


@pytest.mark.parametrize(
    ("pattern", "fitting", "not_fitting"),
    [
        (r"name\s?\*", ["name *", "name*"], ["nom *", "name", "x name *"]),
        (r"[^.!?]{1,30} zu teilen", ["auf x zu teilen"], ["! zu teilen"]),
        (r"(?:one|\d{1,4})?\s?comments?", ["12 comments", "comment"], ["x comment"]),
        (r"a\bb", ["ab"], ["ba"]),  # a boundary asks nothing of the narrowing
        (r"(?=ab)a.{0,5}", ["ab", "axyz"], ["b"]),
        (r"[a-c]x", ["bx"], ["dx"]),
        (r"[^\s\d]x", ["ax", "٣x"], [" x", "1x"]),
        (r"\Sx", ["ax"], [" x"]),
        (r"\Dx", ["ax"], ["1x"]),
    ],
)
def test_ends_fit(pattern: str, fitting: list[str], not_fitting: list[str]) -> None:
    for text in fitting:
        assert _allowed(pattern, text), text
    for text in not_fitting:
        assert not _allowed(pattern, text), text


@pytest.mark.parametrize(
    "pattern", [r"(?i:ab)", r"a++", r"\Xb", r"[[:alpha:]]", r"a{1,2}{3}", r"(?P<n>a)"]
)
def test_syntax_the_reader_does_not_know_allows_anything(pattern: str) -> None:
    heads, tails = edge_classes(pattern)
    assert heads is None or tails is None
    assert _allowed(pattern, "zzz")


_PIECES = st.sampled_from(
    [
        *("name", "comment", "© ", "(c) ", "2024", " ", "\u00a0", "*", ".", ":"),
        *("alle rechte vorbehalten", "cookies", "facebook twitter", "‚", "„"),
        *("٣", "ß", "!", "-", "–", "x", "foto: ", "tags: ", "click to share"),
    ]
)


@given(
    st.sampled_from(PATTERNS),
    st.lists(st.one_of(_PIECES, any_text), min_size=1, max_size=5).map("".join),
)
def test_a_pattern_that_fullmatches_is_never_narrowed_away(
    pattern: str, text: str
) -> None:
    if _compiled(pattern).fullmatch(text) is not None:
        assert _allowed(pattern, text)


@pytest.mark.parametrize("rule", [r for r in builtin_rules().rules if r.pattern])
def test_every_match_example_is_allowed(rule: object) -> None:
    pattern = rule.pattern  # type: ignore[attr-defined]
    for example in rule.match:  # type: ignore[attr-defined]
        for line in example.split("\n"):
            for text in (line.casefold(), " ".join(line.casefold().split())):
                if _compiled(pattern).fullmatch(text) is not None:
                    assert _allowed(pattern, text)


def test_narrowing_by_the_ends_still_leaves_out_prose() -> None:
    """The point of it all: ordinary lines rule nearly every pattern out."""
    tries = []
    for pattern in PATTERNS:
        heads, tails = edge_classes(pattern)
        tries.append((trie(heads), trie(tails, reverse=True)))
    narrowing = Narrowing(tries)
    for line in ("der vertrag gilt seit montag.", "he left the room."):
        left = narrowing.heads(line[:EDGE]) & narrowing.tails(line[-EDGE:])
        assert bin(left).count("1") <= 2, [
            PATTERNS[i] for i in range(len(PATTERNS)) if left >> i & 1
        ]


def _content_lines() -> list[str]:
    """Every line the strip fixtures keep: article text in twelve languages."""
    from tests.test_strip_fixtures import CASES, load

    return [
        line.casefold()
        for path in CASES
        for line in load(path)["expected"].split("\n")
        if line.strip()
    ]


def test_each_pattern_is_narrowed_at_one_end_at_least() -> None:
    """A pattern whose every line start and every line end fit (one branch open
    at the start, another at the end) is tried on nearly every line; such a
    rule had crept in (`ru.comment.kommentarii-k-zapisi`, 89 % of prose lines)
    and cost the strip step a fifth of its time. Split such a pattern into rules
    whose branches each have a fitting end."""
    lines = _content_lines()
    assert len(lines) > 300
    wide = {}
    for pattern in PATTERNS:
        narrowing = _narrowing(pattern)
        passed = sum(
            bool(narrowing.heads(line[:EDGE]) & narrowing.tails(line[-EDGE:]))
            for line in lines
        )
        if passed > len(lines) // 4:
            wide[pattern[:60]] = passed / len(lines)
    assert wide == {}
