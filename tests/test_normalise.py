"""The normalise step: the policy table, case by case, and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanse.document import Document, replay
from cleanse.normalise import (
    _ANY_BREAK,
    POLICY,
    Normalise,
    _line_changes,
    _line_needs_work,
    _needs_work,
    normalise_text,
)
from tests.strategies import any_text, scraped_text

CASES = [
    ("a\u00a0b", "a b"),
    # A leading space on a later line, with nothing else to do in the text.
    ("Erste Zeile\n zweite Zeile\n\n dritte", "Erste Zeile\nzweite Zeile\n\ndritte"),
    ("10\u2009000", "10 000"),
    ("Wort\u200bbruch", "Wortbruch"),
    ("Be\u00adstel\u00adlung", "Bestellung"),
    ("\ufeffStart", "Start"),
    ("abc\u202edef", "abcdef"),
    ("\u200fשלום\u200e", "שלום"),
    ("a\tb", "a b"),
    ("a   b", "a b"),
    ("   eingerückt", "eingerückt"),
    ("a\r\nb", "a\nb"),
    ("a\rb", "a\nb"),
    ("a\u2028b", "a\nb"),
    ("a\u2029b", "a\n\nb"),
    ("a\x0cb", "a\nb"),
    # Must not change:
    ("« Bonjour »", "« Bonjour »"),  # narrow no-break spaces are French typography
    ("日本語\u3000テキスト", "日本語\u3000テキスト"),
    ("👩\u200d💻 and می\u200cخواهم", "👩\u200d💻 and می\u200cخواهم"),
    ("plain text. Nothing to do.", "plain text. Nothing to do."),
    ("trailing space is tidy's job ", "trailing space is tidy's job "),
    ("", ""),
]


@pytest.mark.parametrize(("text_in", "text_out"), CASES)
def test_normalise_table(text_in: str, text_out: str) -> None:
    assert normalise_text(text_in) == text_out


def test_every_change_names_its_policy_rule() -> None:
    doc = Normalise()(Document.from_text("a\u00a0b\u00ad\n  c\u2028d"))
    rules = {e.rule for e in doc.edits}
    assert rules <= {row.rule for row in POLICY}
    assert rules == {
        "normalise.spaces",
        "normalise.soft-hyphen",
        "normalise.space-runs",
        "normalise.line-breaks",
    }


def test_split_lines_keep_their_input_line_number() -> None:
    doc = Normalise()(Document.from_text("x\na\u2028b\nc"))
    assert doc.text == "x\na\nb\nc"
    assert doc.origins == (1, 2, 2, 3)


@given(st.one_of(scraped_text, any_text))
def test_normalise_properties(text: str) -> None:
    once = Normalise()(Document.from_text(text))
    assert Normalise()(once).text == once.text  # idempotent
    assert Normalise()(Document.from_text(text)).text == once.text  # deterministic
    assert replay(text, once.edits) == once.text
    # Only the documented characters change: removing them and folding spaces on
    # both sides gives the same letters in the same order.
    assert _letters(once.text) == _letters(text)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def test_a_line_break_alone_needs_no_work() -> None:
    # The screen once counted "\n" as a policy character (the CR LF row lists it),
    # so every line of every document was searched and rebuilt for nothing.
    assert not _needs_work("Erste Zeile.\nZweite Zeile.\n\nDritte.")
    assert _needs_work("Erste Zeile.\n Zweite Zeile.")
    doc = Document.from_text("Erste Zeile.\nZweite Zeile.")
    assert Normalise()(doc) is doc


@given(st.one_of(scraped_text, any_text))
def test_the_screen_flags_exactly_the_lines_normalising_changes(text: str) -> None:
    for line in _ANY_BREAK.sub("", text).split("\n"):
        assert _line_needs_work(line) == bool(_line_changes(line)), repr(line)
    flat = _ANY_BREAK.sub("\n", text)
    assert _needs_work(flat) == any(map(_line_needs_work, flat.split("\n")))
