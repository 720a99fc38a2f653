"""Which rule patterns the first and last characters of a text leave possible.

The engine fullmatches a rule pattern against a line only when the line's first
and last `EDGE` characters fit the pattern's ends (`syntax.edge_classes`). The
answers are bit masks over the patterns, kept per end seen; no pattern is
compiled for them.

    >>> from cleanse.strip.syntax import edge_classes
    >>> ends = [edge_classes(r"ab.*"), edge_classes(r"\\d+ x")]
    >>> narrowing = Narrowing([(trie(heads), trie(tails, reverse=True))
    ...                        for heads, tails in ends])
    >>> narrowing.heads("abc"), narrowing.heads("12 "), narrowing.tails("2 x")
    (1, 2, 3)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any, TypeAlias

__all__ = [
    "EDGE",
    "MAX_SEEN",
    "Narrowing",
    "Position",
    "Trie",
    "fits",
    "required_texts",
    "requirements",
    "requires_digit",
    "trie",
]

#: How many characters at each end of a match `syntax.edge_classes` describes.
EDGE = 3
# regex's \s: Unicode White_Space (tests/test_strip_syntax.py checks it against
# regex over all of Unicode).
_WHITE_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

#: One character of a match: ``(negated, characters, classes)``; a character
#: fits if it is one of ``characters`` or in one of ``classes`` (``"s"`` white
#: space, ``"d"`` digits), or, when ``negated``, if it is none of those.
Position = tuple[bool, str, str]


def fits(position: Position, char: str) -> bool:
    """True if ``char`` may stand at ``position`` (see `Position`).

    Classes err towards "fits": a digit class counts every character this
    Python's Unicode tables do not know (``regex`` may know a newer Unicode), and
    a negated one leaves out only ASCII digits, so the answer never excludes a
    character ``regex`` would take.

    >>> fits((False, "ab", "s"), "\u00a0"), fits((True, "", "s"), "\u00a0")
    (True, False)
    """
    negated, chars, classes = position
    inside = char in chars
    if not inside and classes:
        if "s" in classes:
            inside = char in _WHITE_SPACE
        if not inside and "d" in classes:
            inside = (
                "0" <= char <= "9"
                if negated
                else char.isdecimal() or unicodedata.category(char) == "Cn"
            )
    return inside != negated


#: How many ends a `Narrowing` remembers the masks of, in each direction.
MAX_SEEN = 100_000

#: The positions an end of a pattern can take, as a trie: ``[by character,
#: others]``, a dict from each single character to the trie of what may follow
#: it, and a list of ``[position, trie]`` for the other positions. Plain lists
#: and dicts, so it is stored as JSON as it is (`cleanse.strip.build`).
if TYPE_CHECKING:
    Trie: TypeAlias = Sequence[Any]
else:  # the same at run time (other modules' aliases use it), without typing
    Trie = Sequence[object]


def trie(
    sequences: Iterable[tuple[Position, ...]] | None, *, reverse: bool = False
) -> Trie | None:
    """The trie of ``sequences`` (`syntax.edge_classes`), read backwards with
    ``reverse`` (for the ends of matches); None for None (any text)."""
    if sequences is None:
        return None
    root: Trie = ({}, [])
    # In order, so the same sequences make the same trie (and the same JSON).
    for sequence in sorted(sequences):
        node = root
        for position in reversed(sequence) if reverse else sequence:
            negated, chars, classes = position
            if not negated and not classes and len(chars) == 1:
                child = node[0].get(chars)
                if child is None:
                    child = node[0][chars] = ({}, [])
            else:
                child = next((c for p, c in node[1] if p == position), None)
                if child is None:
                    child = ({}, [])
                    node[1].append((position, child))
            node = child
    return root


def _reaches(node: Trie, text: str, index: int) -> bool:
    """True if a path from ``node`` fits ``text[index:]`` (and may go on)."""
    if index == len(text):
        return True
    char = text[index]
    child = node[0].get(char)
    if child is not None and _reaches(child, text, index + 1):
        return True
    return any(
        fits(position, char) and _reaches(child, text, index + 1)
        for position, child in node[1]
    )


class Narrowing:
    """The patterns whose ends fit a text's ends, as bit masks (bit ``i`` for
    the ``i``-th of ``tries``, each a pattern's `trie` of its first positions
    and the reversed `trie` of its last; None allows any text)."""

    def __init__(self, tries: Iterable[tuple[Trie | None, Trie | None]]) -> None:
        self._head_tries: list[Trie | None] = []
        self._tail_tries: list[Trie | None] = []
        for heads, tails in tries:
            self._head_tries.append(heads)
            self._tail_tries.append(tails)
        #: The masks found so far, by end: a caller may look here first.
        self.seen_heads: dict[str, int] = {}
        self.seen_tails: dict[str, int] = {}

    def heads(self, head: str) -> int:
        """The patterns a text starting with ``head`` (at most `EDGE`
        characters; the whole text if shorter) can match."""
        mask = self.seen_heads.get(head)
        if mask is None:
            parent = self.heads(head[:-1]) if len(head) > 1 else -1
            mask = self._narrowed(self._head_tries, head, parent)
            if len(self.seen_heads) >= MAX_SEEN:
                self.seen_heads.clear()  # a bound on memory; found again
            self.seen_heads[head] = mask
        return mask

    def tails(self, tail: str) -> int:
        """The patterns a text ending with ``tail`` can match."""
        mask = self.seen_tails.get(tail)
        if mask is None:
            parent = self.tails(tail[1:]) if len(tail) > 1 else -1
            mask = self._narrowed(self._tail_tries, tail[::-1], parent)
            if len(self.seen_tails) >= MAX_SEEN:
                self.seen_tails.clear()
            self.seen_tails[tail] = mask
        return mask

    @staticmethod
    def _narrowed(tries: list[Trie | None], text: str, parent: int) -> int:
        """The patterns of ``parent`` (those the text without its last character
        allows) whose trie has a path that fits ``text``."""
        if len(text) > EDGE:
            raise ValueError(f"an end is at most {EDGE} characters: {text!r}")
        mask = 0
        for index, trie in enumerate(tries):
            if parent >> index & 1 and (trie is None or _reaches(trie, text, 0)):
                mask |= 1 << index
        return mask


_REPEAT = re.compile(r"\{(?:\d+(?:,\d*)?|,\d+)\}")
# Escapes that stand for one character of a class, or for no character at all:
# they end a run of plain text and ask for nothing.
_CLASS_OR_ANCHOR = frozenset("sSdDwWbBAZ")
# Escapes of a character that is itself plain text.
_ESCAPED_PLAIN = frozenset("\\.*+?()[]{}|^$/-")


class _UnreadSyntaxError(Exception):
    """Syntax `required_texts` does not read: it then asks for nothing."""


def required_texts(pattern: str) -> tuple[str, ...] | None:
    """Texts one of which every match of ``pattern`` holds; None if the reader
    finds none (or meets syntax it does not know, such as inline flags).

    Read from the syntax, without compiling: in a sequence, a run of plain
    characters or a group that must match once; in an alternation, one text
    per branch. A quantified character or group asks for nothing, and neither
    do classes, look-arounds and escapes. The engine skips a pattern for a line
    that holds none of the texts, before any regex is called.

    >>> required_texts(r"(?:proudly\\s)?powered by wordpress(?:\\s?\\|.*)?|theme: .+")
    ('powered by wordpress', 'theme: ')
    >>> required_texts(r"(?:eine?|zwei)?\\s?(?:antwort(?:en)?|kommentare?)\\s+auf")
    ('antwort', 'kommentar')
    >>> required_texts(r"tags?: .{1,80}") is None, required_texts(r"(?i)abc")
    (False, None)
    """
    return requirements(pattern)[0]


def requires_digit(pattern: str) -> bool:
    """True if every match of ``pattern`` holds a digit (``\\d``, or a literal
    ASCII digit); False if not, or if the reader meets syntax it does not know.

    Read like `required_texts`: in a sequence, a digit or a group that must match
    once and whose every branch holds one; a quantifier that allows none (``?``,
    ``*``, ``{0,n}``) takes the requirement away, and so do look-arounds and
    character sets (not read). Dates need it: a line without a digit is never a
    date line, whatever words it shares with one.

    >>> requires_digit(r"(?:posted on )?\\d{1,2}\\. (?:mai|juni) \\d{4}|© 20\\d\\d")
    True
    >>> requires_digit(r"(?:\\d+ )?kommentare"), requires_digit(r"[0-9]+ x")
    (False, False)
    """
    return requirements(pattern)[1]


def requirements(pattern: str) -> tuple[tuple[str, ...] | None, bool]:
    """`required_texts` and `requires_digit` of ``pattern``, in one reading.

    >>> requirements(r"(?:am )?\\d{1,2}\\. mai")
    (('. mai',), True)
    """
    try:
        end, found, digit = _alternation(pattern, 0)
    except _UnreadSyntaxError:
        return None, False
    if end != len(pattern):
        return None, False  # an unbalanced ")": not read
    return found, digit


def _alternation(pattern: str, pos: int) -> tuple[int, tuple[str, ...] | None, bool]:
    branches: list[tuple[str, ...] | None] = []
    every_digit = True
    while True:
        pos, found, digit = _sequence(pattern, pos)
        branches.append(found)
        every_digit = every_digit and digit
        if pos < len(pattern) and pattern[pos] == "|":
            pos += 1
            continue
        break
    if any(branch is None for branch in branches):
        return pos, None, every_digit
    texts = tuple(dict.fromkeys(text for b in branches if b for text in b))
    return pos, texts, every_digit


def _score(found: tuple[str, ...]) -> int:
    # The shortest text of an any-of decides how much it narrows.
    return min(len(text) for text in found)


def _sequence(pattern: str, pos: int) -> tuple[int, tuple[str, ...] | None, bool]:
    best: tuple[str, ...] | None = None
    run: list[str] = []
    digit = False
    # Whether the item just read holds a digit, decided once we know that no
    # quantifier allowing zero of it follows.
    pending = False

    def close() -> None:
        nonlocal best
        text = "".join(run)
        run.clear()
        if text and (best is None or len(text) > _score(best)):
            best = (text,)

    while pos < len(pattern) and pattern[pos] not in "|)":
        char = pattern[pos]
        if char in "?*+{":
            # A quantifier: the character before it may be absent or repeated.
            if run:
                run.pop()
            close()
            if char in "?*":
                pending = False  # also a lazy "+?": the safe answer
            elif char == "{":
                # Only a counted repeat; anything else ("{" as itself, fuzzy
                # constraints) is not read.
                repeat = _REPEAT.match(pattern, pos)
                if repeat is None:
                    raise _UnreadSyntaxError
                if repeat.group().startswith(("{0", "{,")):
                    pending = False
                pos = repeat.end() - 1
            pos += 1
            continue
        digit = digit or pending
        pending = False
        if char == "(":
            close()
            pos, found, inner_digit, counted = _group(pattern, pos)
            pending = counted and inner_digit
            if pos < len(pattern) and pattern[pos] in "?*+{":
                counted = False  # the quantifier is read on the next turn
            if counted and found and (best is None or _score(found) > _score(best)):
                best = found
            continue
        if char == "[":
            close()
            pos = _skip_set(pattern, pos)
            continue
        if char == "\\":
            escaped = pattern[pos + 1 : pos + 2]
            if escaped in "pP" and pattern[pos + 2 : pos + 3] == "{":
                # A Unicode property (\p{L}): a class, which asks for nothing.
                close()
                end = pattern.find("}", pos)
                if end < 0:
                    raise _UnreadSyntaxError
                pos = end + 1
                continue
            if escaped in _ESCAPED_PLAIN:
                run.append(escaped)
            elif escaped in _CLASS_OR_ANCHOR:
                close()
                pending = escaped == "d"
            else:
                raise _UnreadSyntaxError
            pos += 2
            continue
        if char in ".^$":
            close()
        else:
            run.append(char)
            pending = "0" <= char <= "9"
        pos += 1
    close()
    return pos, best, digit or pending


def _group_start(pattern: str, pos: int) -> tuple[int, bool]:
    """Where the body of the group at ``pos`` starts, and whether what it
    matches counts (False for look-arounds)."""
    if not pattern.startswith("(?", pos):
        return pos + 1, True
    if pattern.startswith("(?:", pos) or pattern.startswith("(?>", pos):
        return pos + 3, True
    if pattern.startswith(("(?=", "(?!"), pos):
        return pos + 3, False
    if pattern.startswith(("(?<=", "(?<!"), pos):
        return pos + 4, False
    if pattern.startswith(("(?P<", "(?<"), pos):
        closing = pattern.find(">", pos)
        if closing < 0:
            raise _UnreadSyntaxError
        return closing + 1, True
    raise _UnreadSyntaxError  # inline flags, conditionals, comments, ...


def _group(pattern: str, pos: int) -> tuple[int, tuple[str, ...] | None, bool, bool]:
    """Read the group at ``pos``: (position after it, its texts, whether every
    branch holds a digit, whether these count: False for look-arounds)."""
    start, counted = _group_start(pattern, pos)
    end, found, digit = _alternation(pattern, start)
    if end >= len(pattern) or pattern[end] != ")":
        raise _UnreadSyntaxError
    return end + 1, found, digit, counted


def _skip_set(pattern: str, pos: int) -> int:
    """The position after the set that starts at ``pos``."""
    pos += 1
    if pattern[pos : pos + 1] == "^":
        pos += 1
    if pattern[pos : pos + 1] == "]":
        pos += 1  # a "]" first in a set is itself
    while pos < len(pattern):
        char = pattern[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "[":
            raise _UnreadSyntaxError  # nested sets and POSIX classes: not read
        if char == "]":
            return pos + 1
        pos += 1
    raise _UnreadSyntaxError
