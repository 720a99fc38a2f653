"""What one input gives the command line: the bytes to write, an error, the
``--explain`` lines. Kept apart from `cleanse.records` so that text mode never
imports ``json``.

    >>> from cleanse.document import Edit
    >>> edit = Edit("strip", "de.comment", "drop", 3, 2, "Antworten", "")
    >>> format_edit("<stdin>", edit)
    "<stdin>: line 3: de.comment: dropped 'Antworten'"
"""

from __future__ import annotations

from cleanse._frozen import Frozen, _set

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["LineResult", "format_edit"]


class LineResult(Frozen):
    """What to do with one input line.

    ``output`` is the line to write (without its newline), or ``None`` to write
    nothing. ``error`` is a message naming the problem, or ``None``. ``explain`` holds
    the human-readable edit lines for ``--explain``.
    """

    __slots__ = ("error", "explain", "output")
    _fields = ("output", "error", "explain")

    output: bytes | None
    error: str | None
    explain: tuple[str, ...]

    def __init__(
        self,
        output: bytes | None,
        error: str | None = None,
        explain: tuple[str, ...] = (),
    ) -> None:
        _set(self, "output", output)
        _set(self, "error", error)
        _set(self, "explain", explain)


def format_edit(where: str, doc_edit: Any) -> str:
    """One ``--explain`` line: where, line, step, rule, what was done."""
    before = _show(doc_edit.before)
    if (
        doc_edit.action == "drop"
        and doc_edit.before
        and not doc_edit.before.strip("\n")
    ):
        what = f"dropped {doc_edit.before.count(chr(10)) + 1} blank lines"
    elif doc_edit.action == "drop":
        what = f"dropped {before}"
    elif doc_edit.action == "extract":
        what = "extracted the main text from HTML"
    else:
        what = f"{before} -> {_show(doc_edit.after)}"
    return f"{where}: line {doc_edit.line}: {doc_edit.rule}: {what}"


def _show(text: str, limit: int = 100) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
