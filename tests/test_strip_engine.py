"""The fast engine against a straightforward one, and the pattern reader it relies on.

`Engine` narrows which patterns it runs by the first and last characters of a
line, skips teaser regexes by the first word and strips edges with a fast path.
`reference_verdicts` below does none of that: it normalises each line
character by character, tries every pattern in rule order and every line for
teasers, as the engine did before it was made fast. The two must agree on every
line and every document.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleanse.strip.engine import (
    _HEADLINE,
    _SENTENCE_BREAK,
    MAX_PREFIX_LINE,
    Engine,
    _first_word,
    _first_word_plain,
    is_short_title,
)
from cleanse.strip.rules import (
    MAX_COOKIE_LINE,
    MAX_LINE_RULE,
    Rule,
    builtin_rules,
    collapse_spaces,
    normalise_line,
    strip_edges,
)
from cleanse.strip.syntax import UNBOUNDED, fixed_ends, plain_ends
from tests.strategies import any_text

RULES = builtin_rules().rules
ENGINE = Engine(RULES)


def reference_normalise(line: str) -> str:
    text = " ".join(line.casefold().split())
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start])[0] in "PSNZ":
        start += 1
    while end > start and unicodedata.category(text[end - 1])[0] in "PSNZ":
        end -= 1
    return text[start:end]


def reference_first_word(line: str) -> str:
    words = line.lstrip("*•·►▶→»>|#–—-" + " \t\u00a0\u202f").split(maxsplit=1)
    if not words:
        return ""
    word = words[0]
    for separator in ":：|»>→–—":
        word = word.split(separator, 1)[0]
    return word.rstrip(".,;!?").casefold()


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


COOKIE_RULES = [r for r in RULES if r.category == "cookie" and r.kind == "line"]


@cache
def keyword_first_words(kind: str) -> frozenset[str]:
    """The first words (`reference_first_word`) of the keywords of ``kind``: a
    line whose first word is none of them cannot start with one."""
    return frozenset(
        reference_first_word(p) for r in RULES if r.kind == kind for p in r.phrases
    )


@cache
def cookie_first_words() -> frozenset[str]:
    """The first words of the cookie rules' phrases and of their patterns' fixed
    starts; "" when a pattern may start with anything."""
    words: set[str] = set()
    for rule in COOKIE_RULES:
        words.update(reference_first_word(reference_normalise(p)) for p in rule.phrases)
        if rule.pattern is not None:
            starts = fixed_ends(rule.pattern)[0]
            words.update(
                [""] if starts is None else (reference_first_word(s) for s in starts)
            )
    return frozenset(words)


def reference_long_match(line: str) -> Rule | None:
    """The cookie rule that takes a line longer than `MAX_LINE_RULE`."""
    words = cookie_first_words()
    if len(line) > MAX_COOKIE_LINE or not (
        "" in words or reference_first_word(line) in words
    ):
        return None
    key = reference_normalise(line)
    for rule in COOKIE_RULES:
        if key in {reference_normalise(p) for p in rule.phrases}:
            return rule
    light = " ".join(line.casefold().split())
    for text in (key, light):
        for rule in COOKIE_RULES:
            if rule.pattern and _compiled(rule.pattern).fullmatch(text):
                return rule
    return None


def reference_match(line: str) -> tuple[Rule, str] | None:
    """`Engine.match_line` without any shortcut."""
    engine = ENGINE
    if len(line) > MAX_LINE_RULE:
        long_hit = reference_long_match(line)
        if long_hit is not None:
            return long_hit, "line"
    if len(line) <= MAX_LINE_RULE:
        key = reference_normalise(line)
        if not key:
            return None
        hit = engine._lines.get(key) or engine._markers.get(key)
        if hit is not None:
            return hit, hit.kind
        for rule, caps in engine._lone.get(key, ()):
            if not caps or line.isupper():
                return rule, "lone"
        light = " ".join(line.casefold().split())
        for text in (key, light):
            for rule in RULES:
                if rule.pattern and _compiled(rule.pattern).fullmatch(text):
                    return rule, "line"
    if len(line) > MAX_PREFIX_LINE:
        return None
    start = reference_first_word(line)
    if engine._teaser is not None and start in keyword_first_words("teaser"):
        found = engine._teaser.match(line)
        if found is not None and found.lastgroup is not None:
            head = line[found.end() :]
            if _HEADLINE.fullmatch(head) and len(_SENTENCE_BREAK.findall(head)) <= 1:
                return engine._groups[found.lastgroup], "teaser"
    if engine._tail is not None and start in keyword_first_words("tail"):
        found = engine._tail.match(line)
        if found is not None and found.lastgroup and line[found.end() :].strip():
            return engine._groups[found.lastgroup], "tail"
    return None


def verdicts_by(
    match: Callable[[str], tuple[Rule, str] | None], lines: Sequence[str]
) -> dict[int, str]:
    """`Engine.verdicts` spelled out as a loop of ``match`` calls, one per line
    (the reference the engine's own loop is held to), as rule ids."""
    found: dict[int, Rule] = {}
    markers: list[int] = []
    lone: list[int] = []
    for index, line in enumerate(lines):
        hit = match(line)
        if hit is not None:
            found[index] = hit[0]
            if hit[1] == "tail":
                markers.append(index)
            elif hit[1] == "lone":
                lone.append(index)
    for index in lone:
        following = next(
            (i for i in range(index + 1, len(lines)) if lines[i].strip()), None
        )
        if (
            following is not None
            and following not in found
            and is_short_title(lines[following])
        ):
            found[following] = found[index]
    Engine._tails(lines, markers, found)
    return {index: rule.id for index, rule in found.items()}


def reference_verdicts(lines: Sequence[str]) -> dict[int, str]:
    """`Engine.verdicts` on `reference_match`."""
    return verdicts_by(reference_match, lines)


# Lines that come close to rules: their own examples and phrases, cut, joined,
# recased and decorated, next to arbitrary text.
_EXAMPLES = sorted(
    {line for rule in RULES for ex in rule.match + rule.keep for line in ex.split("\n")}
    | {phrase for rule in RULES for phrase in rule.phrases}
)
_NOISE = st.sampled_from(
    [
        *(" ", "  ", "\t", "\u00a0", "\u2003", "\x1c", ":", " – ", "|", "»", "→ "),
        *("*", "•", "#", ".", "!", "©", "(c)", "2024", "ß", "ſ", "İ", "\u0301"),
        "LESEN ",
    ]
)


@st.composite
def near_rule_lines(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(st.one_of(st.sampled_from(_EXAMPLES), _NOISE, any_text), max_size=4)
    )
    line = "".join(parts)
    start = draw(st.integers(0, len(line)))
    end = draw(st.integers(start, len(line)))
    line = draw(st.sampled_from([line, line[start:end], line[:end], line[start:]]))
    return draw(st.sampled_from([line, line.upper(), line.lower(), line.title()]))


_KEYWORDS = sorted(
    {phrase for rule in RULES if rule.kind != "line" for phrase in rule.phrases}
)
# Case variants regex's (?i) and str.casefold both know.
_CASE_GAMES = str.maketrans({"s": "ſ", "k": "\u212a", "ß": "ẞ", "i": "I"})


@st.composite
def keyword_lines(draw: st.DrawFn) -> str:
    """A teaser or tail keyword with decoration, a separator and a headline."""
    keyword = draw(st.sampled_from(_KEYWORDS))
    keyword = draw(
        st.sampled_from(
            [
                *(keyword, keyword.upper(), keyword.lower(), keyword.swapcase()),
                *(
                    keyword.translate(_CASE_GAMES),
                    keyword.upper().translate(_CASE_GAMES),
                ),
            ]
        )
    )
    decor = draw(st.text(st.sampled_from(" \t\u00a0\u2003\x1c*•→»>|#–-"), max_size=8))
    separator = draw(
        st.sampled_from([":", " : ", "  ", " ", " – ", "–", " - ", "|", " » ", ".", ""])
    )
    headline = draw(
        st.sampled_from(
            ["Der Chef der Armee stirbt", "the rest", "", "A B C. D E F. G H", "Ab"]
        )
    )
    return decor + keyword + separator + headline


_COOKIE_TEXTS = sorted(
    {ex for rule in COOKIE_RULES for ex in rule.match + rule.keep}
    | {phrase for rule in COOKIE_RULES for phrase in rule.phrases}
)


@st.composite
def long_cookie_lines(draw: st.DrawFn) -> str:
    """Cookie rules' texts, decorated and padded past `MAX_LINE_RULE`: the lines
    only they look at."""
    text = draw(st.sampled_from(_COOKIE_TEXTS))
    decor = draw(st.sampled_from(["", "» ", "• ", "(1) ", "  ", "\u00a0"]))
    filler = draw(st.sampled_from([" Mehr erfahren.", " x", " ©", "-", " Ok"]))
    line = decor + text
    while len(line) <= MAX_LINE_RULE:
        line += filler
    tail = draw(st.sampled_from(["", ".", " »", " " * 3]))
    line += tail
    return draw(st.sampled_from([line, line.upper(), line[: MAX_LINE_RULE + 1]]))


lines_strategy = st.one_of(
    near_rule_lines(), keyword_lines(), long_cookie_lines(), any_text
).map(lambda s: s.replace("\n", " "))


@given(lines_strategy)
def test_match_line_equals_reference(line: str) -> None:
    ours, theirs = ENGINE.match_line(line), reference_match(line)
    assert (ours and (ours[0].id, ours[1])) == (theirs and (theirs[0].id, theirs[1]))


@given(st.lists(lines_strategy, max_size=12))
def test_verdicts_equal_reference(lines: list[str]) -> None:
    ours = {index: rule.id for index, rule in ENGINE.verdicts(lines).items()}
    assert ours == reference_verdicts(lines)


@given(lines_strategy)
def test_normalise_line_and_first_word_equal_reference(line: str) -> None:
    assert normalise_line(line) == reference_normalise(line)
    assert _first_word(line) == reference_first_word(line)
    assert _first_word_plain(line) == _first_word(line)


@pytest.mark.parametrize("line", _EXAMPLES)
def test_every_rule_example_line_equals_reference(line: str) -> None:
    ours, theirs = ENGINE.match_line(line), reference_match(line)
    assert (ours and ours[0].id) == (theirs and theirs[0].id)


# Complianz's default banner: 316 characters, longer than any other line rule reads.
CONSENT = (
    "To provide the best experiences, we use technologies like cookies to store "
    "and/or access device information. Consenting to these technologies will "
    "allow us to process data such as browsing behavior or unique IDs on this "
    "site. Not consenting or withdrawing consent, may adversely affect certain "
    "features and functions."
)


def test_cookie_rules_take_lines_longer_than_other_rules_read() -> None:
    assert MAX_LINE_RULE < len(CONSENT) <= MAX_COOKIE_LINE
    cookie = "en.cookie.this-website-uses-cookies"
    for line in (CONSENT, "» " + CONSENT, CONSENT.upper(), CONSENT + "  "):
        hit = ENGINE.match_line(line)
        assert hit is not None, line
        assert hit[0].id == cookie
    lines = ["Der Vertrag gilt.", CONSENT, "", "Er tritt im Mai in Kraft."]
    assert {i: r.id for i, r in ENGINE.verdicts(lines).items()} == {1: cookie}
    # The same first words in a paragraph of an article about consent banners.
    article = (
        "To provide the best experiences, the banner said, we use technologies "
        "like cookies; the regulator found that consenting was the only button "
        "that worked, and that not consenting left the site unusable for weeks, "
        "which the company denied in its reply."
    )
    assert len(article) > MAX_LINE_RULE
    assert ENGINE.match_line(article) is None
    # Past MAX_COOKIE_LINE, or with a first word that is none of the cookie
    # rules' (here a counter), the line is not looked up.
    assert ENGINE.match_line(CONSENT + " " + "-" * MAX_COOKIE_LINE) is None
    assert ENGINE.match_line("(1) " + CONSENT) is None
    # Other rules still read no line longer than MAX_LINE_RULE.
    assert normalise_line("Leave a Reply" + " -" * 100) == "leave a reply"
    assert ENGINE.match_line("Leave a Reply" + " -" * 100) is None


def test_every_white_space_but_the_space_is_unprintable() -> None:
    """What `collapse_spaces` relies on to skip printable text."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


@pytest.mark.parametrize(
    "text",
    ["a b", " a", "a ", "a  b", "a\u00a0b", "a\tb", "\x1c", "a\u2028b", "", " "],
)
def test_collapse_spaces(text: str) -> None:
    assert collapse_spaces(text) == " ".join(text.split())


@given(st.text(st.sampled_from("ab .\u00a0\t\u2003\x85\u200b")) | any_text)
def test_collapse_spaces_equals_split_and_join(text: str) -> None:
    assert collapse_spaces(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("kommentare", "kommentare"),
        ("kommentare (3)", "kommentare"),
        ("» share this: «", "share this"),
        ("12 comments.", "comments"),
        ("1984", ""),
        ("a", "a"),
        ("", ""),
        ("\u0301a", "\u0301a"),  # a mark is not an edge character
    ],
)
def test_strip_edges(text: str, stripped: str) -> None:
    assert strip_edges(text) == stripped


@pytest.mark.parametrize(
    ("pattern", "ends"),
    [
        ("all rights reserved", (UNBOUNDED, UNBOUNDED)),
        (r"[^\n]{1,80}?[.,|–-] ?x", (UNBOUNDED, UNBOUNDED)),
        (r"\p{L}{2}x|y\N{EM DASH}", (UNBOUNDED, UNBOUNDED)),
        (r"ab\bc", (2, 1)),
        (r"(?:ab|c)$", (1, 0)),
        (r"^ab", (0, 2)),
        (r"ab(?=c)c", (2, 1)),
        (r"ab(?<!x)c", (2, 1)),
        (r"(?:a\b){3}b", (1, 1)),
        (r"wij gebruiken cookies\b[^\n]{0,200}", (21, 0)),
        # anything the reader does not follow is not narrowed beyond one character
        (r"(?i:ab)", (0, 0)),
        (r"(?>ab)c", (0, 0)),
        (r"a++b", (0, 0)),
        (r"a{e<=1}", (0, 0)),
        (r"[[a-z]--[aeiou]]", (0, 0)),
        (r"\u00e9", (UNBOUNDED, UNBOUNDED)),
        (r"\u0e9", (0, 0)),
        (r"\mword\M", (0, 0)),
        (r"a)", (0, 0)),
        ("a\\", (0, 0)),
    ],
)
def test_plain_ends(pattern: str, ends: tuple[int, int]) -> None:
    assert plain_ends(pattern) == ends


@pytest.mark.parametrize(
    ("pattern", "ends"),
    [
        ("abc", (("abc",), ("abc",))),
        ("(?:ab|c)d", (("abd", "cd"), ("abd", "cd"))),
        ("a?b", (("ab", "b"), ("ab", "b"))),
        ("a*b", (None, ("b",))),
        (r"x\b.{0,5}", (("x",), None)),
        ("(?:ab){2,3}c", (("ab",), ("abc",))),
        (".", (None, None)),
        (r"\.x\n", ((".x\n",), (".x\n",))),
        (r"\u00e9", (("é",), ("é",))),
        ("a|", (None, None)),  # may match nothing
        ("(?i:ab)", (None, None)),
    ],
)
def test_fixed_ends(pattern: str, ends: tuple[object, object]) -> None:
    assert fixed_ends(pattern) == ends


@given(st.sampled_from([r.pattern for r in RULES if r.pattern]), lines_strategy)
def test_fixed_ends_hold_for_every_match(pattern: str, line: str) -> None:
    """A pattern never fullmatches text that lacks its fixed start or end."""
    starts, ends = fixed_ends(pattern)
    text = normalise_line(line)
    if _compiled(pattern).fullmatch(text):
        assert starts is None or text.startswith(starts)
        assert ends is None or text.endswith(ends)


@pytest.mark.parametrize("rule", [r for r in RULES if r.pattern], ids=lambda r: r.id)
def test_fixed_ends_hold_for_rule_examples(rule: Rule) -> None:
    starts, ends = fixed_ends(rule.pattern or "")
    for example in rule.match:
        for line in example.split("\n"):
            for text in (normalise_line(line), " ".join(line.casefold().split())):
                if _compiled(rule.pattern or "").fullmatch(text):
                    assert starts is None or text.startswith(starts)
                    assert ends is None or text.endswith(ends)


def test_boundary_at_the_cut_is_not_narrowed() -> None:
    """regex's partial match says "impossible" when a boundary sits at the cut:
    a pattern with one there must still match (found while making this fast)."""
    rule = Rule(
        id="any.ad.cut",
        category="ad",
        kind="line",
        phrases=(),
        pattern=r"ab \bcdefg",
        description="d",
        source="s",
        match=(),
        keep=(),
        lang_specific=False,
        language="any",
        file="test",
    )
    assert regex.fullmatch(r"ab \bc", "ab ", partial=True) is None
    hit = Engine((rule,)).match_line("AB CDEFG")
    assert hit is not None
    assert hit[0].id == "any.ad.cut"
