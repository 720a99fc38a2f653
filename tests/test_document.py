"""Document, Edit and replay: the record of changes must be exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def _naive_rewrite(text: str, changes: dict[int, list[Change]]) -> str:
    out: list[str] = []
    for index, line in enumerate(text.split("\n")):
        current: str | None = line
        for change in changes.get(index, []):
            if current is None:
                break
            current = change.text
        if current is not None:
            out.append(current)
    return "\n".join(out)


_lines = st.lists(
    st.sampled_from(["", "a", "b c", "  ", "x\u00a0y"]), min_size=1, max_size=12
)
_change = st.builds(
    Change,
    st.sampled_from(["r1", "r2"]),
    st.one_of(st.none(), st.sampled_from(["", "new", "p\nq"])),
)


@given(_lines, st.dictionaries(st.integers(-2, 14), st.lists(_change, max_size=3)))
def test_rewrite_matches_a_naive_rewrite_and_replays(
    lines: list[str], raw: dict[int, list[Change]]
) -> None:
    # A split ("p\nq") must be the last change to its line (rewrite's contract).
    changes = {
        i: [
            c
            for n, c in enumerate(todo)
            if c.text is None or "\n" not in c.text or n == len(todo) - 1
        ]
        for i, todo in raw.items()
    }
    doc = Document.from_text("\n".join(lines))
    out = rewrite(doc, "t", changes)
    assert out.text == _naive_rewrite(doc.text, changes)
    assert replay(doc.text, out.edits) == out.text
    assert len(out.origins) == out.text.count("\n") + 1 or out.text == ""


_replacement = st.builds(
    Change, st.sampled_from(["r1", "r2"]), st.sampled_from(["", "new", "x y", "keep"])
)


@given(_lines, st.dictionaries(st.integers(-2, 14), st.lists(_replacement, max_size=3)))
def test_rewrite_of_replacements_only_equals_the_general_rewrite(
    lines: list[str], changes: dict[int, list[Change]]
) -> None:
    # rewrite takes a shorter path when no line is dropped or split; it must give
    # the same document, edits and origins included, as the general one.
    from cleanse.lines import _rewrite_lines

    doc = Document.from_text("\n".join(lines))
    fast = rewrite(doc, "t", changes)
    general = _rewrite_lines(doc, "t", changes, doc.lines, doc.origins)
    assert fast == general
    assert fast.edits == general.edits
    assert fast.origins == general.origins
