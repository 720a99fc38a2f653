"""The tidy step."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleanse.document import Document, replay
from cleanse.tidy import Tidy, needs_tidying, tidy_text
from tests.strategies import any_text, scraped_text

CASES = [
    ("a  \nb\t", "a\nb"),
    ("a\n\n\n\nb", "a\n\nb"),
    ("\n\n a\n\n", " a"),  # leading spaces are normalise's, not tidy's
    ("a\n \n\t\nb", "a\n\nb"),
    ("", ""),
    ("\n\n\n", ""),
    ("« fin\u202f", "« fin"),
    # Must not change:
    (
        "Title\n\nParagraph one.\nStill one.\n\nTwo.",
        "Title\n\nParagraph one.\nStill one.\n\nTwo.",
    ),
]


@pytest.mark.parametrize(("text_in", "text_out"), CASES)
def test_tidy_table(text_in: str, text_out: str) -> None:
    assert tidy_text(text_in) == text_out


@given(scraped_text)
def test_tidy_properties(text: str) -> None:
    doc = Tidy()(Document.from_text(text))
    assert Tidy()(doc).text == doc.text
    assert replay(text, doc.edits) == doc.text
    assert "\n\n\n" not in doc.text
    assert doc.text == doc.text.strip("\n")


@example("\u3000")
@example("a\n \nb")
@example("a\n\n\nb")
@example("a\n\nb")
@example("")
@given(st.one_of(scraped_text, any_text))
def test_the_screen_says_exactly_when_tidy_changes_a_text(text: str) -> None:
    changed = bool(Tidy()(Document.from_text(text)).edits)
    assert needs_tidying(text) == changed
