"""Turn per-line decisions into a new `Document` with correct, replayable edits.

Almost every step looks at one line at a time and decides: keep it, drop it, or
replace it with other text. `rewrite` takes those decisions and does the bookkeeping
that is easy to get wrong by hand: each edit's ``at`` index must account for the
lines earlier edits of the same step dropped or split, and each edit must name the
input line it came from.

    >>> from cleanse.document import Document, replay
    >>> doc = Document.from_text("keep\\nShare this:\\nkeep too")
    >>> out = rewrite(doc, "strip", {1: [Change("en.share", None)]})
    >>> out.text
    'keep\\nkeep too'
    >>> replay(doc.text, out.edits) == out.text
    True
"""

from __future__ import annotations

from cleanse._frozen import Frozen, _set
from cleanse.document import Document, Edit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["Change", "drop_lines", "rewrite"]


class Change(Frozen):
    """One rule's verdict on one line: new text, or ``None`` to drop the line.

    Several changes to the same line apply in order, each to the previous result.
    A drop may cover ``lines`` consecutive lines from its index on (a run of blank
    lines): one edit then, and no other change may name a line inside the span.
    """

    __slots__ = ("lines", "rule", "text")
    _fields = ("rule", "text", "lines")

    rule: str
    text: str | None
    lines: int

    def __init__(self, rule: str, text: str | None, lines: int = 1) -> None:
        _set(self, "rule", rule)
        _set(self, "text", text)
        _set(self, "lines", lines)


class _BlankRun:
    """Consecutive blank lines one rule drops: recorded as one edit (mutable: the
    run grows line by line)."""

    __slots__ = ("at", "count", "line", "rule")

    def __init__(self, rule: str, line: int, at: int, count: int = 1) -> None:
        self.rule = rule
        self.line = line
        self.at = at
        self.count = count

    def edit(self, step: str) -> Edit:
        return Edit(
            step, self.rule, "drop", self.line, self.at, "\n" * (self.count - 1), ""
        )


def rewrite(
    doc: Document, step: str, changes: Mapping[int, Sequence[Change]]
) -> Document:
    """Apply ``changes`` (keyed by current line index) and record them as edits.

    Returns ``doc`` itself when nothing changes, so steps cost nothing on clean text.
    """
    if not changes:
        return doc
    lines = doc.lines
    origins = (
        doc.origins
        if len(doc.origins) == len(lines)
        else tuple(range(1, len(lines) + 1))
    )
    if all(
        change.text is not None and "\n" not in change.text
        for todo in changes.values()
        for change in todo
    ):
        return _replace_lines(doc, step, changes, lines, origins)
    return _rewrite_lines(doc, step, changes, lines, origins)


def _replace_lines(
    doc: Document,
    step: str,
    changes: Mapping[int, Sequence[Change]],
    lines: list[str],
    origins: tuple[int, ...],
) -> Document:
    """`rewrite` when every change replaces a line by one line (repair, normalise,
    quotes, most of the time): no line moves, so indices and origins stay."""
    edits: list[Edit] = []
    for index in sorted(changes):
        if not 0 <= index < len(lines):
            continue
        current = lines[index]
        for change in changes[index]:
            if change.text != current:
                assert change.text is not None  # checked by the caller
                edits.append(
                    Edit(
                        step,
                        change.rule,
                        "replace",
                        origins[index],
                        index,
                        current,
                        change.text,
                    )
                )
                current = change.text
        lines[index] = current
    if not edits:
        return doc
    return doc.with_text("\n".join(lines), edits, origins)


def _rewrite_lines(
    doc: Document,
    step: str,
    changes: Mapping[int, Sequence[Change]],
    lines: list[str],
    origins: tuple[int, ...],
) -> Document:
    """`rewrite` in general: drops, runs of blank lines, lines split in two."""
    out_lines: list[str] = []
    out_origins: list[int] = []
    edits: list[Edit] = []
    # A run of blank lines dropped by one rule becomes one edit; the run is counted
    # here and its edit written when it ends (building the string line by line
    # would be quadratic).
    run: _BlankRun | None = None

    def close_run() -> None:
        nonlocal run
        if run is not None:
            edits.append(run.edit(step))
            run = None

    # Unchanged stretches are copied as slices: a step that changes three lines of
    # a long document does per-line work for those three only.
    done = 0  # lines before this index are in out_lines already
    for index in sorted(changes):
        todo = changes[index]
        if not todo or not index >= done or index >= len(lines):
            continue
        if index > done:
            close_run()
            out_lines.extend(lines[done:index])
            out_origins.extend(origins[done:index])
        done = index + 1
        line, origin = lines[index], origins[index]
        # ``at`` is where this line sits in the text as replay will see it: after
        # every earlier edit of this step, which have all been applied above.
        at = len(out_lines)
        current: str | None = line
        for change in todo:
            if current is None:
                break
            if change.text is None and change.lines > 1:
                close_run()
                end = min(index + change.lines, len(lines))
                span = "\n".join([current, *lines[index + 1 : end]])
                edits.append(Edit(step, change.rule, "drop", origin, at, span, ""))
                done = end
                current = None
            elif change.text is None:
                if current == "":
                    if run is not None and run.rule == change.rule and run.at == at:
                        run.count += 1
                    else:
                        close_run()
                        run = _BlankRun(change.rule, origin, at)
                else:
                    close_run()
                    edits.append(
                        Edit(step, change.rule, "drop", origin, at, current, "")
                    )
                current = None
            elif change.text != current:
                close_run()
                edits.append(
                    Edit(step, change.rule, "replace", origin, at, current, change.text)
                )
                current = change.text
        if current is None:
            continue
        close_run()
        # A replacement may hold line breaks (U+2028 became "\n"): later edits of
        # this line would then need several indices, so a replacement that splits a
        # line must be the last change to it; rewrite callers guarantee that.
        parts = current.split("\n")
        out_lines.extend(parts)
        out_origins.extend([origin] * len(parts))
    if done < len(lines):
        close_run()
        out_lines.extend(lines[done:])
        out_origins.extend(origins[done:])
    close_run()
    if not edits:
        return doc
    return doc.with_text("\n".join(out_lines), edits, out_origins)


def drop_lines(doc: Document, step: str, drops: Mapping[int, str]) -> Document:
    """`rewrite` for a step that only drops whole lines: ``drops`` maps a line
    index to the rule that drops it.

    The same document, edits and origins as ``rewrite`` with a drop `Change`
    per line, without building the changes: each edit's ``at`` is the line's
    index less the drops before it.

    >>> from cleanse.document import replay
    >>> doc = Document.from_text("a\\nShare this:\\nb\\nLike this:")
    >>> out = drop_lines(doc, "strip", {3: "en.like", 1: "en.share"})
    >>> out.text, [(e.rule, e.at) for e in out.edits]
    ('a\\nb', [('en.share', 1), ('en.like', 2)])
    >>> replay(doc.text, out.edits) == out.text
    True
    """
    if not drops:
        return doc
    lines = doc.lines
    count = len(lines)
    order = sorted(drops)
    # Blank lines are dropped in runs (one edit per run): the general path.
    if order[0] < 0 or order[-1] >= count or not all(lines[i] for i in order):
        return rewrite(doc, step, {i: [Change(drops[i], None)] for i in order})
    origins = doc.origins if len(doc.origins) == count else range(1, count + 1)
    edits = [
        Edit(
            step, drops[index], "drop", origins[index], index - before, lines[index], ""
        )
        for before, index in enumerate(order)
    ]
    kept = [index for index in range(count) if index not in drops]
    return doc.with_text(
        "\n".join([lines[index] for index in kept]),
        edits,
        [origins[index] for index in kept],
    )
