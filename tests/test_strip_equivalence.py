"""The strip step's document path against the engine's line-by-line answers.

`Strip` casefolds a document at once and hands `Engine.verdicts` the folded
text; the oracle here asks `Engine.match_line` line by line with nothing
precomputed, and, on the fixture corpus, the shortcut-free reference of
``tests/test_strip_engine.py``. Both must agree on every line: which lines go,
and by which rule.
"""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanse.document import Document
from cleanse.strip import Strip
from cleanse.strip.engine import (
    _DECOR_SPACES,
    _WORD_ENDS,
    Engine,
    _first_word,
    _folded_first_word,
)
from cleanse.strip.rules import builtin_rules
from tests.strategies import any_text, scraped_text
from tests.test_strip_engine import (
    keyword_lines,
    lines_strategy,
    reference_verdicts,
    verdicts_by,
)

ENGINE = Engine(builtin_rules().rules)
# Every rule example, one line each: the lines rules were written for.
RULE_EXAMPLES = sorted(
    {
        line
        for rule in builtin_rules().rules
        for example in rule.match
        for line in example.split("\n")
        if line.strip()
    }
)
STEP = Strip()
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def line_by_line(engine: Engine, lines: Sequence[str]) -> dict[int, str]:
    """`Engine.verdicts` as it was: `match_line` on each line, casefolding it."""
    return verdicts_by(lambda line: engine.match_line(line) if line else None, lines)


def test_no_character_casefolds_to_or_from_a_line_break() -> None:
    breaks = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if ("\n" in chr(code).casefold()) != (chr(code) == "\n")
    ]
    assert breaks == []


def test_casefolding_keeps_what_the_first_word_is_cut_at() -> None:
    # `_folded_first_word` reads the first word from the casefolded line: no
    # character casefolds to or from decoration, white space, a separator or the
    # punctuation a word ends with.
    special = set(_DECOR_SPACES + _WORD_ENDS + ".,;!?")
    changed = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        if char in special or char.isspace():
            if folded != char:
                changed.append(hex(code))
        elif any(c in special or c.isspace() for c in folded):
            changed.append(hex(code))
    assert changed == []


@given(st.one_of(lines_strategy, keyword_lines(), any_text))
def test_first_word_from_the_folded_line(line: str) -> None:
    assert _folded_first_word(line.casefold(), line) == _first_word(line)


@st.composite
def long_keyword_lines(draw: st.DrawFn) -> str:
    """A keyword line whose headline is padded to 190-310 characters: around the
    longest ``line`` rule and the longest teaser line."""
    line = draw(keyword_lines())
    words = draw(
        st.lists(st.sampled_from(["Wort", "Satz.", "Der", "x", "»"]), min_size=1)
    )
    size = draw(st.integers(190, 310))
    padding = " ".join(words * (size // (len(" ".join(words)) + 1) + 1))
    return (line + " " + padding)[:size]


# A line with one space at an end is not "spaced" (nothing to collapse), but its
# light form (`Engine._look_closer`) is without that space.
_edge_spaced = st.one_of(
    lines_strategy.map(" {}".format),
    lines_strategy.map("{} ".format),
    st.sampled_from(RULE_EXAMPLES).map(" {}".format),
)


@given(st.lists(st.one_of(_edge_spaced, lines_strategy), max_size=8))
def test_document_path_on_lines_with_a_space_at_an_end(lines: list[str]) -> None:
    ours = {index: rule.id for index, rule in ENGINE.verdicts(lines).items()}
    assert ours == line_by_line(ENGINE, lines)


@given(st.lists(st.one_of(long_keyword_lines(), lines_strategy), max_size=8))
def test_document_path_on_long_lines_equals_line_by_line(lines: list[str]) -> None:
    ours = {index: rule.id for index, rule in ENGINE.verdicts(lines).items()}
    assert ours == line_by_line(ENGINE, lines)


@given(st.lists(st.one_of(lines_strategy, any_text), max_size=12))
def test_document_path_equals_line_by_line(lines: list[str]) -> None:
    ours = {index: rule.id for index, rule in ENGINE.verdicts(lines).items()}
    assert ours == line_by_line(ENGINE, lines)


@given(st.one_of(st.lists(lines_strategy, max_size=12).map("\n".join), scraped_text))
def test_step_drops_what_the_engine_says(text: str) -> None:
    lines = text.split("\n")
    expected = line_by_line(ENGINE, lines)
    doc = STEP(Document.from_text(text))
    assert doc.text == "\n".join(
        line for i, line in enumerate(lines) if i not in expected
    )
    assert [edit.rule for edit in doc.edits] == [
        expected[i] for i in sorted(expected) if lines[i]
    ] or any(not lines[i] for i in expected)


def _fixture_texts() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.glob("**/*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        for case in data if isinstance(data, list) else [data]:
            if isinstance(case, dict):
                texts.extend(
                    v
                    for k, v in case.items()
                    if k in ("input", "expected")
                    if isinstance(v, str)
                )
    texts += [
        p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("html/*/*.txt"))
    ]
    return texts


_DECOR = ("» ", "• ", "*** ", "→ ", "# ", "| ")


def _mutations(text: str) -> list[str]:
    lines = text.split("\n")
    return [
        text,
        "\n".join(line.upper() for line in lines),
        "\n".join(line.replace(" ", "\u00a0", 1) for line in lines),
        "\n".join(_DECOR[i % len(_DECOR)] + line for i, line in enumerate(lines)),
        "\n".join(f"{line} ({i})" for i, line in enumerate(lines)),
        "\n".join(line.rstrip(".") + " ." for line in lines),
        "\n".join(f"  {line}  " for line in lines),
    ]


CORPUS = [m for text in _fixture_texts() for m in _mutations(text)]


def test_the_corpus_is_not_empty() -> None:
    assert len(CORPUS) > 500


@pytest.mark.parametrize("chunk", range(8))
def test_fixture_corpus_mutated_equals_the_reference(chunk: int) -> None:
    for text in CORPUS[chunk::8]:
        lines = text.split("\n")
        ours = {index: rule.id for index, rule in ENGINE.verdicts(lines).items()}
        assert ours == line_by_line(ENGINE, lines), text[:200]
        assert ours == reference_verdicts(lines), text[:200]


def test_the_step_pickles_and_answers_the_same_after() -> None:
    """Pipelines travel to worker processes (``--jobs``, Dask) by pickle."""
    text = "Der Vertrag gilt.\nLESEN  Der Chef der Armee stirbt mit 56 Jahren.\nTags: a"
    used = Strip()
    before = used(Document.from_text(text))
    for step in (Strip(), used):
        copy = pickle.loads(pickle.dumps(step))
        assert copy(Document.from_text(text)) == before
    assert before.text == "Der Vertrag gilt."
