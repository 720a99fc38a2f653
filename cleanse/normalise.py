"""Normalise invisible characters, Unicode spaces and line breaks.

    >>> normalise_text("Preis:\\u00a010\\u00a0€ \\u200b\\r\\nBe\\u00adstellung")
    'Preis: 10 € \\nBestellung'

What happens to each character is decided in one table, `POLICY`, and documented in
``docs/normalisation.md`` (a test keeps the two in step). Each row is a rule with an
id; every change is an edit with that id. The rows apply in table order, and line
breaks first, so that a line split by U+2028 is normalised like any other line.
"""

from __future__ import annotations

import re

from cleanse._frozen import Frozen, _set
from cleanse._lazy_re import LazyRe
from cleanse.document import Document
from cleanse.lines import Change, rewrite

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from cleanse._namedtuple import NamedTuple

__all__ = ["POLICY", "Normalise", "PolicyRow", "normalise_text"]


class PolicyRow(NamedTuple):
    """One line of the normalisation policy."""

    rule: str
    chars: str
    replacement: str
    why: str


POLICY: tuple[PolicyRow, ...] = (
    PolicyRow(
        "normalise.line-breaks",
        "\r\n\r\x0c\u2028\x85",
        "\n",
        "CR LF, a lone CR, form feed, NEL and U+2028 LINE SEPARATOR are line breaks.",
    ),
    PolicyRow(
        "normalise.paragraph-separator",
        "\u2029",
        "\n\n",
        "U+2029 PARAGRAPH SEPARATOR ends a paragraph: a blank line.",
    ),
    PolicyRow(
        "normalise.zero-width",
        "\u200b\u2060\ufeff",
        "",
        "Zero-width space, word joiner and a stray BOM carry no text and split words "
        "for search and tokenisers. ZWJ and ZWNJ are kept: emoji sequences, Persian, "
        "Indic scripts and others need them.",
    ),
    PolicyRow(
        "normalise.soft-hyphen",
        "\u00ad",
        "",
        "A soft hyphen is a hyphenation hint that is invisible unless the word breaks; "
        "left in, it splits the word for every consumer.",
    ),
    PolicyRow(
        "normalise.bidi-controls",
        "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        "",
        "Direction marks, embeddings, overrides and isolates change display only, "
        "and overrides can disguise text (Trojan Source). Letters keep their own "
        "direction.",
    ),
    PolicyRow(
        "normalise.spaces",
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
        "\u200a\u205f\t",
        " ",
        "No-break and typographic spaces and tabs become a plain space. Kept as they "
        "are: U+202F NARROW NO-BREAK SPACE (French typography; the quotes step sets "
        "it) and U+3000 IDEOGRAPHIC SPACE (CJK typography).",
    ),
    PolicyRow(
        "normalise.space-runs",
        "",
        " ",
        "A run of spaces becomes one; spaces at the start of a line go (trailing "
        "spaces are the tidy step's).",
    ),
)

_LINE_BREAK_ROWS = POLICY[:2]
_CHAR_ROWS = POLICY[2:6]
_RUNS_RULE = POLICY[6].rule

_BREAKS = LazyRe("[\r\x0c\u2028\x85]|(\u2029)")
_TABLES = tuple(
    (row.rule, str.maketrans(dict.fromkeys(row.chars, row.replacement)))
    for row in _CHAR_ROWS
)
_ANY_CHAR = LazyRe("[" + re.escape("".join(row.chars for row in _CHAR_ROWS)) + "]")
_ANY_BREAK = LazyRe("[\r\x0c\u2028\u2029\x85]")
_ANY_LINE_BREAK = LazyRe("[\r\x0c\u2028\x85]")
_SPACE_RUN = LazyRe(" {2,}")
# Any character a policy row replaces, once line breaks are "\n". One character
# class: `re` scans for it in C at a byte or two per nanosecond, where the old
# alternation with "  " and "^ " tried three branches at every position (20 us on
# a page's text) and also held "\n", so every line of every document was looked at.
_POLICY_CHAR = re.compile(
    "[" + re.escape("".join(row.chars for row in POLICY).replace("\n", "")) + "]"
)


def _line_needs_work(line: str) -> bool:
    """Whether a line (no line breaks) holds anything `POLICY` changes: a policy
    character, a run of spaces, or a space at its start."""
    return "  " in line or line[:1] == " " or _POLICY_CHAR.search(line) is not None


def _needs_work(text: str) -> bool:
    """`_line_needs_work` for every line of ``text`` at once."""
    return (
        "  " in text
        or text[:1] == " "
        or "\n " in text
        or _POLICY_CHAR.search(text) is not None
    )


def _break_line(line: str) -> str:
    """Replace the line-break characters in one line by ``"\\n"``."""
    # Lines were split on "\n", so a CR at the very end is the first half of CR LF.
    if line.endswith("\r"):
        line = line[:-1]
    return str(_BREAKS.sub(lambda m: "\n\n" if m.group(1) else "\n", line))


def _line_changes(line: str) -> list[Change]:
    """The character-level changes for one line without line breaks, in order."""
    changes = []
    if _ANY_CHAR.search(line):
        for rule, table in _TABLES:
            new = line.translate(table)
            if new != line:
                changes.append(Change(rule, new))
                line = new
    new = _SPACE_RUN.sub(" ", line).lstrip(" ")
    if new != line:
        changes.append(Change(_RUNS_RULE, new))
    return changes


def normalise_text(text: str) -> str:
    """Normalise a whole text; the plain-string form of `Normalise`."""
    return Normalise()(Document.from_text(text)).text


class Normalise(Frozen):
    """The normalise step: applies `POLICY`, recording an edit per rule and line."""

    __slots__ = ("name",)
    _fields = __slots__

    name: str

    def __init__(self, name: str = "normalise") -> None:
        _set(self, "name", name)

    def __call__(self, doc: Document) -> Document:
        if not _needs_work(doc.text):
            return doc
        if _ANY_BREAK.search(doc.text):
            breaks: dict[int, list[Change]] = {}
            for index, line in enumerate(doc.text.split("\n")):
                if _ANY_BREAK.search(line):
                    rule = (
                        _LINE_BREAK_ROWS[1].rule
                        if "\u2029" in line and not _ANY_LINE_BREAK.search(line)
                        else _LINE_BREAK_ROWS[0].rule
                    )
                    breaks[index] = [Change(rule, _break_line(line))]
            doc = rewrite(doc, self.name, breaks)
        lines = doc.text.split("\n")
        changes: dict[int, list[Change]] = {}
        for index, line in enumerate(lines):
            if line and _line_needs_work(line):
                found = _line_changes(line)
                if found:
                    changes[index] = found
        return rewrite(doc, self.name, changes)
