"""The fast quotes engine gives exactly the reference engine's output, on any text.

``tests/quotes_reference.py`` is the engine as it was before the speed work. The
fast paths (text without marks, already-correct text, apostrophes inside words)
must never change a result, so every comparison here is exact: hypothesis
properties over mark-dense text, every fixture input in every style, and a large
seeded corpus built from the pieces the classifier looks at.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleanse.quotes import STYLES
from cleanse.quotes.engine import apply_style
from tests import quotes_reference
from tests.strategies import any_text, scraped_text

ROOT = Path(__file__).resolve().parent.parent
STYLE_LIST = sorted(STYLES)
STYLE_NAMES = st.sampled_from(STYLE_LIST)
#: The per-line checks are cheap: five times the profile's examples.
MORE = settings(max_examples=5 * settings.default.max_examples)

#: What the classifier reads around a mark: every mark, the spacing it skips, the
#: punctuation with a rule of its own, letters, digits, combining marks, elision
#: words and the TeX pairs.
PIECES = (
    *"\"'`“”„‟‘’‚‛«»‹›",
    "``",
    "''",
    " ",
    "  ",
    "\u00a0",
    "\u202f",
    "\u2009",
    "\t",
    "\n",
    "\n\n",
    *",;:!?.…()[]{}¿¡/-–—*",
    "a",
    "Wort",
    "l",
    "s",
    "n",
    "t",
    "em",
    "rein",
    "mal",
    "Smiths",
    "ä",
    "e\u0301",
    "\u0301",
    "1",
    "12",
    "90",
    "5",
    "x1",
    "Σ",
    "日本",
    "\U0001f600",
    "s' ",
    "' .",
    " '",
)
dense_text = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
word_text = st.lists(
    st.sampled_from(("Er sagte", " ", "geht's", "Peter’s", "don't", "l'homme", "\n")),
    max_size=20,
).map("".join)


def reference(text: str, style: str) -> str:
    return quotes_reference.apply_style(text, STYLES[style])


def fast(text: str, style: str) -> str:
    return apply_style(text, STYLES[style])


@MORE
@given(dense_text, STYLE_NAMES)
@example("„a“ ‚b‘", "de")
@example("a 'b' , c", "de")
@example("‘rock 'n' roll", "en")
@example("’s Abends", "de")
@example("a 'n' b", "en")
def test_same_as_reference_on_mark_dense_text(text: str, style: str) -> None:
    assert fast(text, style) == reference(text, style)


@given(st.one_of(scraped_text, any_text, word_text), STYLE_NAMES)
def test_same_as_reference_on_any_text(text: str, style: str) -> None:
    assert fast(text, style) == reference(text, style)


@given(dense_text, STYLE_NAMES)
def test_same_as_reference_on_reference_output(text: str, style: str) -> None:
    # Already-styled text is what the early exit sees: it must agree there too.
    styled = reference(text, style)
    assert fast(styled, style) == reference(styled, style)


def _fixture_inputs() -> list[str]:
    texts = []
    for path in sorted(ROOT.glob("fixtures/**/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data if isinstance(data, list) else [data]:
            if isinstance(case, dict):
                texts += [
                    v for k, v in case.items() if k in ("input", "expected") and v
                ]
    texts += [p.read_text(encoding="utf-8") for p in ROOT.glob("fixtures/html/*/*.txt")]
    return texts


@pytest.mark.parametrize("style", STYLE_LIST)
def test_same_as_reference_on_every_fixture(style: str) -> None:
    texts = _fixture_inputs()
    assert len(texts) > 200
    for text in texts:
        assert fast(text, style) == reference(text, style), text[:200]


def _corpus(seed: int, lines: int) -> list[str]:
    """Paragraphs of prose with marks spliced in at random, seeded."""
    rnd = random.Random(seed)
    prose = _fixture_inputs()
    words = " ".join(prose).split(" ")
    texts = []
    for _ in range(lines):
        parts = []
        for _ in range(rnd.randint(1, 30)):
            roll = rnd.random()
            if roll < 0.5:
                parts.append(rnd.choice(words))
            elif roll < 0.9:
                parts.append(rnd.choice(PIECES))
            else:
                parts.append(" ")
        texts.append("".join(parts))
    return texts


@pytest.mark.slow
def test_same_as_reference_on_a_large_generated_corpus() -> None:
    texts = _corpus(20240611, 6000)
    assert sum(map(len, texts)) > 300_000
    differ = []
    for i, text in enumerate(texts):
        style = STYLE_LIST[i % len(STYLE_LIST)]
        if fast(text, style) != reference(text, style):
            differ.append((style, text))
    assert differ == []


@MORE
@given(dense_text)
@example("the Smiths' . x")
@example("rock 'n' roll")
def test_neighbour_memo_agrees_with_the_full_reading(line: str) -> None:
    # Every mark of every line, through _decide (memo first) and _classify (the
    # three readings): the same class and flags, forced apostrophes included.
    from cleanse.quotes import engine

    line = line.replace("\n", " ")
    fast_forced: set[int] = set()
    full_forced: set[int] = set()
    for found in engine._ONE_MARK.finditer(line):
        s, text = found.start(), found.group()
        fast_mark = engine._Mark(s, s + 1, text)
        full_mark = engine._Mark(s, s + 1, text)
        engine._decide(line, fast_mark, fast_forced)
        engine._classify(line, full_mark, full_forced)
        got = (fast_mark.cls, fast_mark.weak, fast_mark.apostrophe)
        assert got == (full_mark.cls, full_mark.weak, full_mark.apostrophe)
        assert fast_forced == full_forced


@MORE
@given(dense_text, st.sampled_from(["’", "'"]))
@example("the Smiths' . x", "’")  # a possible apostrophe, then space and no word
@example("a 'b' , c", "’")
@example("rock 'n' roll", "’")  # the second mark is forced by the first
@example("„‚so‘“ rock 'n' roll", "’")  # and in a line where marks touch
def test_scan_classifies_every_mark_as_the_reference_does(
    line: str, apostrophe: str
) -> None:
    # The marks the fast scan keeps carry the reference's verdicts; the ones it
    # leaves out are unclear, or apostrophes already set as ``apostrophe``.
    from cleanse.quotes import engine

    line = line.replace("\n", " ")
    want = {
        m.start: (m.text, m.cls, m.weak, m.apostrophe)
        for m in quotes_reference._scan(line)
    }
    got = {
        m.start: (m.text, m.cls, m.weak, m.apostrophe)
        for m in engine._scan(line, apostrophe)
    }
    for start, verdict in want.items():
        if start in got:
            assert got[start] == verdict
        else:
            text, cls = verdict[:2]
            assert cls == engine._UNCLEAR or (
                cls == engine._APOS and text == apostrophe
            )
    assert set(got) <= set(want)
