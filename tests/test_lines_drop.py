"""`drop_lines`, the drop-only path the strip step takes, against `rewrite`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleanse.document import Document, replay
from cleanse.lines import Change, drop_lines, rewrite
from tests.strategies import any_text

_lines = st.lists(
    st.one_of(st.sampled_from(["", "a", "b c", "  ", "Share this:"]), any_text),
    min_size=1,
    max_size=12,
).map(lambda lines: [line.replace("\n", " ") for line in lines])
_drops = st.dictionaries(st.integers(-2, 14), st.sampled_from(["r1", "r2"]))


@given(_lines, _drops, st.booleans())
def test_drop_lines_equals_rewrite_with_drop_changes(
    lines: list[str], drops: dict[int, str], earlier: bool
) -> None:
    doc = Document.from_text("\n".join(lines))
    if earlier and len(lines) > 1 and lines[0]:
        # Origins that are not 1..n, as after an earlier step's drops. (All
        # lines dropped leave "", one line that replay does not hold.)
        doc = drop_lines(doc, "before", {0: "r0"})
        drops = {i - 1: rule for i, rule in drops.items()}
    ours = drop_lines(doc, "t", drops)
    general = rewrite(doc, "t", {i: [Change(rule, None)] for i, rule in drops.items()})
    assert ours == general
    assert ours.edits == general.edits
    assert ours.origins == general.origins
    assert replay(Document.from_text("\n".join(lines)).text, ours.edits) == ours.text


@given(_lines, _drops)
def test_dropping_non_blank_lines_replays(
    lines: list[str], drops: dict[int, str]
) -> None:
    doc = Document.from_text("\n".join(lines))
    drops = {i: rule for i, rule in drops.items() if 0 <= i < len(lines) and lines[i]}
    out = drop_lines(doc, "t", drops)
    assert out.text == "\n".join(line for i, line in enumerate(lines) if i not in drops)
    assert [(e.rule, e.before) for e in out.edits] == [
        (drops[i], lines[i]) for i in sorted(drops)
    ]
    assert replay(doc.text, out.edits) == out.text
    assert len(out.origins) == len(lines) - len(drops)


def test_no_drops_returns_the_document_itself() -> None:
    doc = Document.from_text("a\nb")
    assert drop_lines(doc, "t", {}) is doc


def test_drop_edits_count_the_drops_before_them() -> None:
    doc = Document.from_text("keep\nShare this:\nkeep too\nLike this:\nend")
    out = drop_lines(doc, "strip", {3: "en.like", 1: "en.share"})
    assert out.text == "keep\nkeep too\nend"
    assert [(e.rule, e.line, e.at) for e in out.edits] == [
        ("en.share", 2, 1),
        ("en.like", 4, 2),
    ]
    assert out.origins == (1, 3, 5)


def test_blank_lines_dropped_together_are_one_edit_as_in_rewrite() -> None:
    doc = Document.from_text("a\n\n\nb")
    out = drop_lines(doc, "t", {1: "blank", 2: "blank"})
    assert out.text == "a\nb"
    assert len(out.edits) == 1
    assert replay(doc.text, out.edits) == out.text
