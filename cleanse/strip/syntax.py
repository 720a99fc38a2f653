"""How far from each end of a match a rule pattern first looks around.

The engine skips a pattern for a line when the line's first few characters
cannot begin a match, or its last few cannot end one; it asks ``regex`` by
partially matching the pattern against those characters. That answer is exact
only while the pattern has consumed something past the cut before it looks at
anything it does not consume: at the cut, a ``\\b`` or a look-ahead sees no
character where the full line has one, and ``regex`` then says "no match
possible" for a pattern that does match:

    >>> import regex
    >>> regex.fullmatch(r"a \\bc", "a c") is not None
    True
    >>> regex.fullmatch(r"a \\bc", "a ", partial=True) is None
    True

`plain_ends` answers, for the start and for the end of a match, how many
characters every match consumes there before its first anchor, boundary or
look-around (`UNBOUNDED` if it has none): narrowing by fewer characters than that
is exact. It reads only the part of the ``regex`` syntax it knows; anything else
(inline flags, unknown escapes, nested sets, fuzzy matching, atomic groups,
possessive quantifiers) answers ``(0, 0)``, and the engine then narrows that
pattern by one character at each end only, as it always has.

    >>> plain_ends(r"[^\\n]{1,80}?[.,|–-] ?alle rechten voorbehouden")
    (1000000, 1000000)
    >>> plain_ends(r"wij gebruiken cookies\\b[^\\n]{0,200}")
    (21, 0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["UNBOUNDED", "fixed_ends", "plain_ends"]

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


Strings = frozenset[str] | None


@dataclass(frozen=True)
class _Shape:
    """What a piece of pattern consumes: at least ``least`` characters, at least
    ``head`` of them before its first look-around and ``tail`` after its last.

    ``full``: the strings it matches, if they are few and fixed; ``starts`` and
    ``ends``: strings every match starts (ends) with; None where unknown.
    """

    least: int
    head: int = UNBOUNDED
    tail: int = UNBOUNDED
    full: Strings = None
    starts: Strings = None
    ends: Strings = None

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
        )

    def repeated(self, least: int, most: int | None) -> _Shape:
        if least == most == 1:
            return self
        full = None
        if least == 0 and most == 1 and self.full is not None:
            full = self.full | {""}
        starts, ends = (self.starts, self.ends) if least else (full, full)
        return _Shape(
            _cap(self.least * least), self.head, self.tail, full, starts, ends
        )

    def either(self, other: _Shape) -> _Shape:
        return _Shape(
            min(self.least, other.least),
            min(self.head, other.head),
            min(self.tail, other.tail),
            _union(self.full, other.full),
            _union(self.starts, other.starts),
            _union(self.ends, other.ends),
        )


#: The most fixed strings a piece of pattern is described by.
_MAX_STRINGS = 64
_NOTHING: frozenset[str] = frozenset({""})
_CHAR = _Shape(1)
_EMPTY = _Shape(0, full=_NOTHING, starts=_NOTHING, ends=_NOTHING)
_LOOK = _Shape(0, 0, 0, _NOTHING, _NOTHING, _NOTHING)


def _literal(char: str) -> _Shape:
    strings = frozenset({char})
    return _Shape(1, full=strings, starts=strings, ends=strings)


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
        return _set(pattern, pos + 1), _CHAR
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
        return pos + 1, _CHAR
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
        return pos + 1, _CHAR
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


def _set(pattern: str, pos: int) -> int:
    """Skip a ``[...]`` set; a nested ``[`` (set operations, POSIX) is not read."""
    if pattern.startswith("^", pos):
        pos += 1
    if pattern.startswith("]", pos):
        pos += 1
    while pos < len(pattern):
        char = pattern[pos]
        if char == "]":
            return pos + 1
        if char == "[":
            raise _UnknownSyntaxError("nested set")
        if char == "\\":
            if pattern.startswith(("p", "P", "N"), pos + 1):
                pos = _braces(pattern, pos + 2)
                continue
            pos += 1
        pos += 1
    raise _UnknownSyntaxError("unclosed set")


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
