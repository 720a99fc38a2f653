"""What a rule pattern's matches look like at their ends, read from its syntax.

The engine skips a pattern for a line when the line's first few characters
cannot begin a match, or its last few cannot end one, and it must know that
without compiling the pattern: a fresh process meets dozens of patterns and
would spend a tenth of a second compiling them only to learn that a line of
prose needs none. (It used to ask ``regex`` by partially matching the pattern
against those characters, which is also wrong where a ``\\b`` or a look-ahead
sits at the cut: it sees no character where the full line has one.)

    >>> import regex
    >>> regex.fullmatch(r"a \\bc", "a ", partial=True) is None
    True

`edge_classes` answers, reading the pattern, which characters the first and
the last `narrow.EDGE` characters of a match can be: one class per position
(`narrow.Position`), as a set of alternatives. It treats anchors, boundaries
and look-arounds as consuming nothing and asking nothing, so its answer holds
for every match (it may allow more than the pattern does, never less), and it
is what the engine narrows by (`cleanse.strip.narrow`).

    >>> heads, tails = edge_classes(r"(?:ab|c)\\d")
    >>> [len(sequence) for sequence in sorted(heads)], sorted(tails)[1]
    ([3, 2], ((False, 'c', ''), (False, '', 'd')))
    >>> from cleanse.strip.narrow import fits
    >>> fits((True, ".!?", ""), "a"), fits((True, ".!?", ""), "!")
    (True, False)

`fixed_ends` gives the strings every match starts and ends with, for
`str.startswith` and `str.endswith`. `plain_ends` says how many characters every
match consumes at each end before its first anchor, boundary or look-around
(`UNBOUNDED` if it has none). The reader knows only the part of the ``regex``
syntax the rule packs use; anything else (inline flags, unknown escapes, nested
sets, fuzzy matching, atomic groups, possessive quantifiers) makes it answer
"unknown", and the engine then tries that pattern on every line.

    >>> plain_ends(r"wij gebruiken cookies\\b[^\\n]{0,200}")
    (21, 0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleanse.strip.narrow import EDGE, Position

__all__ = ["UNBOUNDED", "edge_classes", "fixed_ends", "plain_ends"]

#: Stands for "no look-around at all" (and for "as long as you like").
UNBOUNDED = 1_000_000

# Escapes for one character of a class, or for a character by name or number.
_CLASS_ESCAPES = frozenset("dDwWsSX")
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_HEX_DIGITS = re.compile(r"[0-9a-fA-F]*")
_REPEAT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_LOOK_AROUND = ("(?=", "(?!", "(?<=", "(?<!")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
# Ranges in a set longer than this are not spelled out.
_MAX_RANGE = 64

# Sequences of positions an end of a match can take; None where unknown.
Edges = frozenset[tuple[Position, ...]] | None

_ANY: Position = (True, "", "")
_NO_EDGES: frozenset[tuple[Position, ...]] = frozenset({()})
#: The most sequences an end is described by; more mean "anything".
_MAX_EDGES = 4096


def _joined_heads(first: Edges, second: Edges) -> Edges:
    """The first `narrow.EDGE` positions of a match of one piece then another."""
    if first is None:
        return None
    joined = {seq for seq in first if len(seq) >= EDGE}
    short = [seq for seq in first if len(seq) < EDGE]
    if short:
        if second is None:
            return None
        joined.update((a + b)[:EDGE] for a in short for b in second)
    return frozenset(joined) if len(joined) <= _MAX_EDGES else None


def _joined_tails(first: Edges, second: Edges) -> Edges:
    """The last `narrow.EDGE` positions of a match of one piece then another."""
    if second is None:
        return None
    joined = {seq for seq in second if len(seq) >= EDGE}
    short = [seq for seq in second if len(seq) < EDGE]
    if short:
        if first is None:
            return None
        joined.update((a + b)[-EDGE:] for a in first for b in short)
    return frozenset(joined) if len(joined) <= _MAX_EDGES else None


def _union_edges(first: Edges, second: Edges) -> Edges:
    if first is None or second is None or len(first) + len(second) > _MAX_EDGES:
        return None
    return first | second


Strings = frozenset[str] | None


@dataclass(frozen=True)
class _Shape:
    """What a piece of pattern consumes: at least ``least`` characters, at least
    ``head`` of them before its first look-around and ``tail`` after its last.

    ``full``: the strings it matches, if they are few and fixed; ``starts`` and
    ``ends``: strings every match starts (ends) with; None where unknown.
    ``heads`` and ``tails``: the positions of its first and last `narrow.EDGE`
    characters (a shorter sequence is a whole match); None where unknown.
    """

    least: int
    head: int = UNBOUNDED
    tail: int = UNBOUNDED
    full: Strings = None
    starts: Strings = None
    ends: Strings = None
    heads: Edges = frozenset({(_ANY,)})
    tails: Edges = frozenset({(_ANY,)})

    def then(self, after: _Shape) -> _Shape:
        # A fixed first part starts every match (with the next part's starts, if
        # few); a fixed last part ends every match.
        starts: Strings = self.starts
        if self.full is not None:
            starts = _product(self.full, after.starts) or self.full
        ends: Strings = after.ends
        if after.full is not None:
            ends = _product(self.ends, after.full) or after.full
        return _Shape(
            _cap(self.least + after.least),
            min(self.head, _cap(self.least + after.head)),
            min(after.tail, _cap(after.least + self.tail)),
            _product(self.full, after.full),
            starts,
            ends,
            _joined_heads(self.heads, after.heads),
            _joined_tails(self.tails, after.tails),
        )

    def repeated(self, least: int, most: int | None) -> _Shape:
        if least == most == 1:
            return self
        full = None
        if least == 0 and most == 1 and self.full is not None:
            full = self.full | {""}
        starts, ends = (self.starts, self.ends) if least else (full, full)
        # The ends of `least` to `least + EDGE` repetitions: a match of more has
        # the first (last) EDGE characters of one of those (each repetition
        # either adds a character to them or could have been left out).
        upper = least + EDGE if most is None else min(most, least + EDGE)
        heads: Edges = frozenset()
        tails: Edges = frozenset()
        power_heads: Edges = _NO_EDGES
        power_tails: Edges = _NO_EDGES
        for count in range(upper + 1):
            if count >= least:
                heads = _union_edges(heads, power_heads)
                tails = _union_edges(tails, power_tails)
            power_heads = _joined_heads(power_heads, self.heads)
            power_tails = _joined_tails(self.tails, power_tails)
        return _Shape(
            _cap(self.least * least),
            self.head,
            self.tail,
            full,
            starts,
            ends,
            heads,
            tails,
        )

    def either(self, other: _Shape) -> _Shape:
        return _Shape(
            min(self.least, other.least),
            min(self.head, other.head),
            min(self.tail, other.tail),
            _union(self.full, other.full),
            _union(self.starts, other.starts),
            _union(self.ends, other.ends),
            _union_edges(self.heads, other.heads),
            _union_edges(self.tails, other.tails),
        )


#: The most fixed strings a piece of pattern is described by.
_MAX_STRINGS = 64
_NOTHING: frozenset[str] = frozenset({""})
_CHAR = _Shape(1)
_EMPTY = _Shape(
    0, full=_NOTHING, starts=_NOTHING, ends=_NOTHING, heads=_NO_EDGES, tails=_NO_EDGES
)
_LOOK = _Shape(0, 0, 0, _NOTHING, _NOTHING, _NOTHING, _NO_EDGES, _NO_EDGES)
# A grapheme cluster (\X) is one character or several: its ends are unknown.
_CLUSTER = _Shape(1, heads=None, tails=None)


def _literal(char: str) -> _Shape:
    strings = frozenset({char})
    edges = frozenset({((False, char, ""),)})
    return _Shape(
        1, full=strings, starts=strings, ends=strings, heads=edges, tails=edges
    )


def _one(position: Position) -> _Shape:
    edges = frozenset({(position,)})
    return _Shape(1, heads=edges, tails=edges)


def _product(first: Strings, second: Strings) -> Strings:
    if first is None or second is None or len(first) * len(second) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a in first for b in second)


def _union(first: Strings, second: Strings) -> Strings:
    if first is None or second is None or len(first) + len(second) > _MAX_STRINGS:
        return None
    return first | second


def _cap(n: int) -> int:
    return min(n, UNBOUNDED)


class _UnknownSyntaxError(Exception):
    """The pattern uses syntax this reader does not follow."""


def plain_ends(pattern: str) -> tuple[int, int]:
    """Characters every match of ``pattern`` consumes before its first and
    after its last look-around or anchor (see the module).

    >>> [plain_ends(p) for p in ("ab^c", "(?:ab|c)$", "a(?=b)", "(?i:a)", "a++")]
    [(2, 1), (1, 0), (1, 0), (0, 0), (0, 0)]
    """
    try:
        end, shape = _alternation(pattern, 0)
    except _UnknownSyntaxError:
        return 0, 0
    if end != len(pattern):
        return 0, 0
    return shape.head, shape.tail


def fixed_ends(pattern: str) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """Strings every match of ``pattern`` starts with, and strings every match
    ends with (one of each), for `str.startswith` and `str.endswith`; None where
    the reader cannot tell or the match may start (end) with anything.

    >>> fixed_ends(r"(?:copyright )?(?:©|\\(c\\)) .{1,40}")
    (('(c) ', 'copyright (c) ', 'copyright © ', '© '), None)
    >>> fixed_ends(r".{1,80}\\W\\s?alle rechte vorbehalten")
    (None, ('alle rechte vorbehalten',))
    """
    try:
        end, shape = _alternation(pattern, 0)
    except _UnknownSyntaxError:
        return None, None
    if end != len(pattern):
        return None, None

    def usable(strings: Strings) -> tuple[str, ...] | None:
        if strings is None or "" in strings:
            return None
        return tuple(sorted(strings))

    return usable(shape.starts), usable(shape.ends)


def edge_classes(pattern: str) -> tuple[Edges, Edges]:
    """The positions of the first and of the last `narrow.EDGE` characters of every
    match of ``pattern`` (a shorter sequence is a whole match); None for an end
    the reader cannot tell.

    >>> heads, tails = edge_classes(r"[^.!?]?a|b")
    >>> sorted(tails)
    [((False, 'a', ''),), ((False, 'b', ''),), ((True, '!.?', ''), (False, 'a', ''))]
    """
    try:
        end, shape = _alternation(pattern, 0)
    except _UnknownSyntaxError:
        return None, None
    if end != len(pattern):
        return None, None
    return shape.heads, shape.tails


def _alternation(pattern: str, pos: int) -> tuple[int, _Shape]:
    """Read branches up to an unmatched ``)`` or the end."""
    pos, shape = _sequence(pattern, pos)
    while pos < len(pattern) and pattern[pos] == "|":
        pos, branch = _sequence(pattern, pos + 1)
        shape = shape.either(branch)
    return pos, shape


def _sequence(pattern: str, pos: int) -> tuple[int, _Shape]:
    shape = _EMPTY
    while pos < len(pattern) and pattern[pos] not in "|)":
        pos, atom = _atom(pattern, pos)
        pos, least, most = _quantifier(pattern, pos)
        shape = shape.then(atom.repeated(least, most))
    return pos, shape


def _atom(pattern: str, pos: int) -> tuple[int, _Shape]:
    char = pattern[pos]
    if char == "\\":
        return _escape(pattern, pos + 1)
    if char == "[":
        end, position = _set(pattern, pos + 1)
        return end, _one(position)
    if char == "(":
        look = pattern.startswith(_LOOK_AROUND, pos)
        if look:
            pos += 4 if pattern.startswith("(?<", pos) else 3
        elif pattern.startswith("(?:", pos):
            pos += 3
        elif pattern.startswith("(?", pos):
            raise _UnknownSyntaxError("atomic group, flags, a name or a comment")
        else:
            pos += 1
        pos, shape = _alternation(pattern, pos)
        if pos >= len(pattern):
            raise _UnknownSyntaxError("unclosed group")
        return pos + 1, _LOOK if look else shape
    if char in "^$":
        return pos + 1, _LOOK
    if char == ".":
        return pos + 1, _one((True, "\n", ""))
    if char in "*+?{":
        raise _UnknownSyntaxError("quantifier without an atom")
    return pos + 1, _literal(char)


def _escape(pattern: str, pos: int) -> tuple[int, _Shape]:
    if pos >= len(pattern):
        raise _UnknownSyntaxError("pattern ends with a backslash")
    char = pattern[pos]
    if not (char.isascii() and char.isalnum()):
        return pos + 1, _literal(char)
    if char in _CONTROL_ESCAPES:
        return pos + 1, _literal(_CONTROL_ESCAPES[char])
    if char in _CLASS_ESCAPES:
        return pos + 1, _class_escape(char)
    if char in _ZERO_WIDTH_ESCAPES:
        return pos + 1, _LOOK
    if char in "pPN":
        return _braces(pattern, pos + 1), _CHAR
    if char in _HEX_ESCAPES:
        digits = _HEX_DIGITS.match(pattern, pos + 1, pos + 1 + _HEX_ESCAPES[char])
        if digits is None or len(digits[0]) != _HEX_ESCAPES[char]:
            raise _UnknownSyntaxError(f"\\{char} escape")
        return digits.end(), _literal(chr(int(digits[0], 16)))
    raise _UnknownSyntaxError(f"escape \\{char}")  # \G \K \m \M, digits, named lists


def _braces(pattern: str, pos: int) -> int:
    end = pattern.find("}", pos)
    if not pattern.startswith("{", pos) or end < 0:
        raise _UnknownSyntaxError("property or name escape without braces")
    return end + 1


def _class_escape(char: str) -> _Shape:
    """``\\d``, ``\\s`` and their negations as positions; ``\\w``, ``\\W``
    (whose Unicode extent this reader does not copy) as any character."""
    if char == "X":
        return _CLUSTER
    if char in "sd":
        return _one((False, "", char))
    if char in "SD":
        return _one((True, "", char.lower()))
    return _CHAR


def _set(pattern: str, pos: int) -> tuple[int, Position]:
    """Read a ``[...]`` set into a `Position`; a nested ``[`` (set operations,
    POSIX) is not read. A member this reader cannot spell out (``\\w``, a
    property, a long range) makes a set "any character", and is left out of a
    negated set: either way the position allows more, never less."""
    negated = pattern.startswith("^", pos)
    if negated:
        pos += 1
    chars: list[str] = []
    classes = ""
    unknown = False
    first = True
    while pos < len(pattern):
        char = pattern[pos]
        if char == "]" and not first:
            if unknown and not negated:
                return pos + 1, _ANY
            return pos + 1, (negated, "".join(sorted(set(chars))), classes)
        first = False
        if char == "[":
            raise _UnknownSyntaxError("nested set")
        if char == "\\":
            pos, member = _set_escape(pattern, pos + 1)
            if member is None:
                unknown = True
            elif len(member) == 1:
                chars.append(member)
            else:
                classes += member[1]
            continue
        if (
            pattern.startswith("-", pos + 1)
            and pos + 2 < len(pattern)
            and pattern[pos + 2] not in "]\\["
        ):
            low, high = ord(char), ord(pattern[pos + 2])
            if high - low > _MAX_RANGE:
                unknown = True
            else:
                chars.extend(map(chr, range(low, high + 1)))
            pos += 3
            continue
        chars.append(char)
        pos += 1
    raise _UnknownSyntaxError("unclosed set")


def _set_escape(pattern: str, pos: int) -> tuple[int, str | None]:
    """An escape inside a set: (where it ends, the character, or ``"\\d"`` /
    ``"\\s"`` for a class, or None for what `_set` does not spell out)."""
    if pos >= len(pattern):
        raise _UnknownSyntaxError("pattern ends with a backslash")
    char = pattern[pos]
    if char in "pPN":
        return _braces(pattern, pos + 1), None
    if not (char.isascii() and char.isalnum()):
        return pos + 1, char
    if char in _CONTROL_ESCAPES:
        return pos + 1, _CONTROL_ESCAPES[char]
    if char in "sd":
        return pos + 1, "\\" + char
    if char in _HEX_ESCAPES:
        digits = _HEX_DIGITS.match(pattern, pos + 1, pos + 1 + _HEX_ESCAPES[char])
        if digits is None or len(digits[0]) != _HEX_ESCAPES[char]:
            raise _UnknownSyntaxError(f"\\{char} escape")
        return digits.end(), chr(int(digits[0], 16))
    return pos + 1, None


def _quantifier(pattern: str, pos: int) -> tuple[int, int, int | None]:
    """Read a quantifier if one follows: (where it ends, least and most count)."""
    if pos >= len(pattern):
        return pos, 1, 1
    char = pattern[pos]
    most: int | None = None
    if char in "*+?":
        least = 1 if char == "+" else 0
        most = 1 if char == "?" else None
        pos += 1
    elif char == "{":
        count = _REPEAT.match(pattern, pos)
        if count is None or count[0] in ("{}", "{,}"):
            raise _UnknownSyntaxError("braces that are not a repeat count (fuzzy?)")
        least = int(count[1] or 0)
        if "," not in count[0]:
            most = least
        elif count[2]:
            most = int(count[2])
        pos = count.end()
    else:
        return pos, 1, 1
    if pattern.startswith("?", pos):
        pos += 1  # lazy: tries the same strings in another order
    if pos < len(pattern) and pattern[pos] in "*+?{":
        raise _UnknownSyntaxError("possessive or doubled quantifier")
    return pos, least, most
