"""The tidy step."""

from __future__ import annotations

import pytest
from hypothesis import given

from cleanse.document import Document, replay
from cleanse.tidy import Tidy, tidy_text
from tests.strategies import scraped_text

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
