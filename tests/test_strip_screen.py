"""`Engine.verdicts`' own loop (direct phrase lookups, plain lines settled in
place, one white-space check per document) against `match_line` on every line.

`line_by_line` below is the reference: it asks `Engine.match_line` about each
line with nothing precomputed, as `verdicts` did before it settled lines itself.
The loop may skip work only where `match_line` would keep the line or would
drop it by the same rule; these properties hold it to that on scraped text, on
documents of rule examples with decoration, counters, spacing and case changed,
and (in ``tests/test_strip_equivalence.py``) on every fixture.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanse.document import Document
from cleanse.strip import Strip
from cleanse.strip.engine import _ASCII_EDGES, Engine
from cleanse.strip.rules import builtin_rules, strip_edges
from tests.strategies import any_text, scraped_text
from tests.test_strip_engine import keyword_lines, reference_verdicts, verdicts_by

RULES = builtin_rules().rules
ENGINE = Engine(RULES)


def line_by_line(engine: Engine, lines: Sequence[str]) -> dict[int, str]:
    """`Engine.verdicts` as a loop of `match_line` calls, one per line."""
    return verdicts_by(lambda line: engine.match_line(line) if line else None, lines)


def ours(lines: Sequence[str]) -> dict[int, str]:
    return {index: rule.id for index, rule in ENGINE.verdicts(lines).items()}


# Every line of every rule's examples, and every phrase: the lines the loop's
# shortcuts are about.
_EXAMPLES = sorted(
    {line for rule in RULES for ex in rule.match + rule.keep for line in ex.split("\n")}
    | {phrase for rule in RULES for phrase in rule.phrases}
)
_BEFORE = ("", "» ", "- ", "• ", "# ", "| ", "*** ", "→ ", "12 ", "(3) ", "© 2024 ")
_AFTER = ("", ".", ":", " (3)", " 12", " *", " »", " …", "!", "  ", " |", "..")


@st.composite
def example_lines(draw: st.DrawFn) -> str:
    """A rule example or phrase, decorated, counted, spaced or recased."""
    line = draw(st.sampled_from(_EXAMPLES))
    if draw(st.booleans()):  # half of them as they stand, the plain lines
        line = draw(st.sampled_from(_BEFORE)) + line + draw(st.sampled_from(_AFTER))
        spacing = draw(st.sampled_from([" ", "  ", "\u00a0", "\t", " \u2003"]))
        line = line.replace(" ", spacing, draw(st.integers(0, 3)))
    case = draw(st.sampled_from([str, str.upper, str.lower, str.title, str.swapcase]))
    return case(line)


_PROSE = (
    "Der Vertrag gilt seit Montag.",
    "Les enfants sont partis tôt ce matin.",
    "A new bridge opened on Tuesday",
    "Lesen lernen ist für alle Kinder wichtig, sagte die Ministerin.",
    "Related work by the team is cited below.",
)
_document_lines = st.lists(
    st.one_of(
        example_lines(),
        keyword_lines().map(lambda line: line.replace("\n", " ")),
        st.sampled_from(_PROSE),
        st.just(""),
        any_text.map(lambda text: text.replace("\n", " ")),
    ),
    max_size=14,
)


@given(scraped_text)
def test_scraped_documents_equal_line_by_line(text: str) -> None:
    lines = text.split("\n")
    assert ours(lines) == line_by_line(ENGINE, lines)


@given(any_text)
def test_any_text_equals_line_by_line(text: str) -> None:
    lines = text.split("\n")
    assert ours(lines) == line_by_line(ENGINE, lines)


@given(_document_lines)
def test_documents_of_rule_examples_equal_line_by_line(lines: list[str]) -> None:
    expected = line_by_line(ENGINE, lines)
    assert ours(lines) == expected
    assert expected == reference_verdicts(lines)


@given(
    _document_lines,
    st.sampled_from(["a  b", "a\tb", "x\u00a0y", "\x1c", "Share  this"]),
    st.integers(0, 14),
)
def test_documents_with_a_spaced_line_equal_line_by_line(
    lines: list[str], spaced: str, where: int
) -> None:
    # One line with a run of spaces or other white space anywhere makes the
    # whole document take the per-line white-space check.
    with_it = [*lines[:where], spaced, *lines[where:]]
    assert ours(with_it) == line_by_line(ENGINE, with_it)


@given(_document_lines)
def test_the_step_drops_the_lines_the_reference_drops(lines: list[str]) -> None:
    expected = line_by_line(ENGINE, lines)
    doc = Strip()(Document.from_text("\n".join(lines)))
    assert doc.text == "\n".join(
        line for index, line in enumerate(lines) if index not in expected
    )


_DE_COMMENT = "de.comment.schreibe-einen-kommentar"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a line phrase as it stands: the direct lookup
        (["Der Vertrag gilt.", "Schreibe einen Kommentar"], {1: _DE_COMMENT}),
        # with a full stop, or decoration and a counter: the general path
        (
            ["Schreibe einen Kommentar.", "» Kommentare (3)"],
            {0: _DE_COMMENT, 1: "de.comment.kommentare-zaehler"},
        ),
        # a tail marker found directly, then its title at the end of the text
        (
            ["Prose here.", "Related posts", "A Title Of Something"],
            {1: "en.related.related-posts", 2: "en.related.related-posts"},
        ),
        # a plain line whose first word is a keyword's, then a teaser
        (
            ["Lesen lernen ist wichtig.", "LESEN  Der Chef der Armee stirbt"],
            {1: "de.teaser.lesen"},
        ),
        # a plain teaser line: its first word is a keyword's
        (
            ["Der Vertrag gilt.", "Read more: Storm damage bill passes 200 million"],
            {1: "en.teaser.read-more"},
        ),
        # a plain line only a pattern takes
        (["Proudly powered by WordPress"], {0: "en.credit.powered-by"}),
        # a run of spaces in one line: every line checked on its own
        (
            ["Share  this", "Der Vertrag gilt.", "Leave a Reply"],
            {0: "en.share.share-this", 2: "en.comment.leave-a-reply"},
        ),
    ],
)
def test_verdicts_on_named_documents(
    lines: list[str], expected: dict[int, str]
) -> None:
    assert ours(lines) == expected == line_by_line(ENGINE, lines)


def test_the_ascii_edges_are_all_edges() -> None:
    # The general path strips these with str.strip before `strip_edges`.
    assert all(unicodedata.category(char)[0] in "PSNZ" for char in _ASCII_EDGES)
    assert all(strip_edges(char) == "" for char in _ASCII_EDGES)
    assert not any(char.isalpha() for char in _ASCII_EDGES)


def test_strip_returns_the_string_itself_when_nothing_goes() -> None:
    # The general path tells "nothing collapsed" by identity.
    text = "".join(["plain ", "text"])
    assert text.strip(" ") is text
