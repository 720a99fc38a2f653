"""Document, Edit and replay: the record of changes must be exact."""

from __future__ import annotations

import pytest

from cleanse.document import Document, Edit, ReplayError, replay
from cleanse.lines import Change, rewrite


def test_from_text_numbers_input_lines() -> None:
    doc = Document.from_text("a\nb\nc")
    assert doc.origins == (1, 2, 3)
    assert doc.lang == "und"
    assert doc.lang_score == 0.0


def test_edit_round_trips_through_dict() -> None:
    edit = Edit("strip", "de.teaser.lesen", "drop", 4, 2, "LESEN  Text", "")
    assert Edit.from_dict(edit.to_dict()) == edit


def test_edit_from_dict_refuses_unknown_action() -> None:
    data = Edit("s", "r", "drop", 1, 0, "x", "").to_dict()
    data["action"] = "explode"
    with pytest.raises(ValueError, match="explode"):
        Edit.from_dict(data)


def test_replay_refuses_wrong_text() -> None:
    edit = Edit("strip", "en.share", "drop", 2, 1, "Share this:", "")
    with pytest.raises(ReplayError, match="Share this:"):
        replay("Hello.\nSomething else\nBye.", [edit])


def test_replay_refuses_index_past_the_end() -> None:
    edit = Edit("strip", "en.share", "drop", 9, 8, "x", "")
    with pytest.raises(ReplayError, match="no such line"):
        replay("one line", [edit])


def test_rewrite_indices_account_for_earlier_drops_and_splits() -> None:
    doc = Document.from_text("a\nb\nc\nd")
    out = rewrite(
        doc,
        "t",
        {
            0: [Change("drop", None)],
            1: [Change("split", "b1\nb2")],
            3: [Change("x", None)],
        },
    )
    assert out.text == "b1\nb2\nc"
    assert [(e.rule, e.at, e.line) for e in out.edits] == [
        ("drop", 0, 1),
        ("split", 0, 2),
        ("x", 3, 4),
    ]
    assert replay(doc.text, out.edits) == out.text
    # Lines that came from a split keep their input line number.
    assert out.origins == (2, 2, 3)


def test_rewrite_without_changes_returns_the_same_object() -> None:
    doc = Document.from_text("x")
    assert rewrite(doc, "t", {}) is doc
    assert rewrite(doc, "t", {0: [Change("same", "x")]}) is doc


def test_extract_edit_replays_as_whole_text_replacement() -> None:
    edit = Edit("extract", "extract.trafilatura", "extract", 0, 0, "<p>a</p>", "a")
    assert replay("<p>a</p>", [edit]) == "a"
    with pytest.raises(ReplayError):
        replay("<p>b</p>", [edit])


def test_meta_is_sorted_and_replaced() -> None:
    doc = Document.from_text("x", site="b.example").with_meta(source="wet")
    assert doc.meta == (("site", "b.example"), ("source", "wet"))
    assert doc.with_meta(site="c").get_meta("site") == "c"
