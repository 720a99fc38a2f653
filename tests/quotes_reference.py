"""The quotes engine before the speed work, kept as the reference for equivalence.

    >>> from cleanse.quotes.styles import style_for
    >>> apply_style('Er sagte: "Das geht\\'s nicht \\'ganz\\'."', style_for("de"))
    'Er sagte: „Das geht’s nicht ‚ganz‘.“'

A copy of ``cleanse/quotes/engine.py`` at commit 19fffc0 below this docstring,
with one change of behaviour made to both since: the spaces tidy strips from a
line's end are not read as part of the line (``apply_style``).
``tests/test_quotes_equivalence.py`` checks that the fast engine gives exactly this
module's output on every input: change its behaviour only together with the engine's.
The design is described in the engine's own docstring.
"""

from __future__ import annotations

import unicodedata

import regex

from cleanse.quotes.styles import STYLES, QuoteStyle
from cleanse.tidy import TRAILING_SPACES

__all__ = ["MARK_CHARS", "apply_style", "has_marks"]

#: Every character the engine may treat as a quotation mark or apostrophe.
MARK_CHARS = "\"'“”„‟‘’‚‛«»‹›"
_GUILLEMETS = frozenset("«»‹›")
#: Marks whose direction is read even with spaces on both sides: guillemets (French
#: spacing) and the low marks, which open in every language that uses them. Plain
#: spaces inside them count as inner spacing.
_SPACED_OPEN = frozenset(("«", "‹", "„", "‚", "``"))
_SPACED_CLOSE = frozenset(("»", "›"))
_SPACEABLE = _SPACED_OPEN | _SPACED_CLOSE
#: Marks that double as the apostrophe; ‚ is left out on purpose: in scraped text
#: it is as often a mis-decoded comma as a quote.
_APOSTROPHES = frozenset("'‘’‛")
_STRAIGHT = frozenset("\"'")

_MARK = regex.compile(r"``|''|[\"'“”„‟‘’‚‛«»‹›]")
_ANY_MARK = regex.compile(r"[\"'`“”„‟‘’‚‛«»‹›]")

#: Spaces that count as the inner spacing of a quotation (French typography):
#: skipped when looking for a mark's neighbour, replaced when the mark is set.
_PAD = "\u00a0\u202f\u2009"
_PAD_GUILLEMET = " " + _PAD
_PAD_CHARS = frozenset(_PAD)

# Neighbour kinds.
_SPACE, _WORD, _PUNCT = 0, 1, 2
# Mark classes.
_OPEN, _CLOSE, _APOS, _UNCLEAR = 0, 1, 2, 3
# Roles after pairing.
_NONE, _R_OPEN, _R_CLOSE, _R_CONT, _R_APOS = 0, 1, 2, 3, 4

#: Characters of a run of marks, and how far a mark looks past its neighbours.
_RUN = frozenset(MARK_CHARS + "`")
_MAX_RUN = 4

#: After an opening mark, these mean the mark is not opening anything.
_NOT_AFTER_OPEN = frozenset(",;:!?)]}")
#: Before an opening mark, these mean a sentence just ended: unclear.
_NOT_BEFORE_OPEN = frozenset(".,;!?…)]}")
#: Punctuation after which a mark opens rather than closes.
_OPENING_PUNCT = frozenset("([{¿¡/")

#: Words that begin with an apostrophe: English, German and Dutch elisions.
ELISIONS = frozenset(
    {
        "em", "n", "til", "tis", "twas", "twere", "cause", "cos", "coz", "bout",
        "round", "nuff", "kay", "s", "t", "k", "ne", "nen", "nem", "ner", "nes",
        "ran", "rauf", "rein", "raus", "rum", "runter", "rüber", "mal",
    }
)  # fmt: skip
_LONGEST_ELISION = max(map(len, ELISIONS))

_DOUBLE = frozenset(('"', "“", "”", "„", "‟", "«", "»", "``", "''"))
_SINGLE = frozenset(("'", "‘", "’", "‚", "‛", "‹", "›"))
#: Opening and closing marks that belong together: every style's pairs, the
#: English-shaped ones, straight double marks with any double mark, and straight
#: single marks only with each other (a straight ' after a curly quote is more
#: likely an apostrophe than its partner).
_PAIRS = frozenset(
    {pair for s in STYLES.values() for pair in (s.outer, s.inner)}
    | {("‟", "”"), ("‛", "’"), ("``", "''"), ("``", "”"), ("“", "''")}
    | {('"', x) for x in _DOUBLE}
    | {(x, '"') for x in _DOUBLE}
    | {("'", "'")}
)


def has_marks(text: str) -> bool:
    """Whether ``text`` holds any character the engine could change.

    >>> has_marks("no quotes here"), has_marks("it's")
    (False, True)
    """
    return _ANY_MARK.search(text) is not None


def _kind(c: str) -> int:
    # A pure memo of a fixed function of the character: it never changes output.
    kind = _KINDS.get(c)
    if kind is None:
        if not c or c.isspace():
            kind = _SPACE
        elif c.isalnum() or unicodedata.category(c)[0] == "M":
            kind = _WORD
        else:
            kind = _PUNCT
        if len(_KINDS) < 8192:
            _KINDS[c] = kind
    return kind


_KINDS: dict[str, int] = {}


def _opening_punct(c: str) -> bool:
    return c in _OPENING_PUNCT or unicodedata.category(c) in ("Ps", "Pd")


class _Mark:
    """One mark in one line: where, what, and what the passes decided."""

    __slots__ = (
        "apostrophe", "cls", "conts", "end", "level", "role", "start", "text", "weak"
    )  # fmt: skip

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.cls = _UNCLEAR
        # A closing mark that may be something else (an apostrophe or an inch
        # mark) closes only when no plain closing mark follows.
        self.weak = False
        # A closing mark after a letter that may be an apostrophe instead.
        self.apostrophe = False
        self.role = _NONE
        self.level = 0
        self.conts: list[_Mark] = []


def _classify(line: str, mark: _Mark, forced_apostrophes: set[int]) -> None:
    """Set ``mark.cls`` (and ``weak``, ``apostrophe``) from its neighbours."""
    if mark.start in forced_apostrophes:
        mark.cls = _APOS
        return
    text = mark.text
    start, end, n = mark.start, mark.end, len(line)
    raw_left = line[start - 1] if start else ""
    raw_right = line[end] if end < n else ""
    if _kind(raw_left) == _SPACE and _kind(raw_right) == _SPACE:
        # Read by shape, as long as the quoted side holds something that can be
        # quoted (« , is nothing); next to another mark, the run is read below.
        j = end
        while j < n and line[j] in _PAD_GUILLEMET:
            j += 1
        i = start - 1
        while i >= 0 and line[i] in _PAD_GUILLEMET:
            i -= 1
        inside_right = line[j] if j < n else ""
        inside_left = line[i] if i >= 0 else ""
        if inside_right not in _RUN and inside_left not in _RUN:
            if text in _SPACED_OPEN and (
                _kind(inside_right) == _WORD
                or (
                    _kind(inside_right) == _PUNCT
                    and inside_right not in _NOT_AFTER_OPEN
                )
            ):
                mark.cls = _OPEN
            elif (
                text in _SPACED_CLOSE
                and _kind(inside_left) != _SPACE
                and not _opening_punct(inside_left)
            ):
                mark.cls = _CLOSE
            return
    # Inner spacing (French: « Oui », (« Oui »)) is skipped on the inside of the
    # mark only, and plain spaces only inside guillemets and „ ‚. A mark with such
    # spacing on its outside is not read in that direction: « Oui » only opens.
    wide = text in _SPACED_OPEN
    cls, _, _, rk, j = _by_neighbours(
        line, mark, "", _PAD_GUILLEMET if wide else _PAD, 0 if wide else _MAX_RUN
    )
    outside_open = raw_left in _PAD_CHARS and _kind(raw_right) != _WORD
    outside_close = raw_right in _PAD_CHARS and _kind(raw_left) != _WORD
    if cls != _OPEN or outside_open:
        wide = text in _SPACED_CLOSE
        cls, _, _, rk, j = _by_neighbours(
            line, mark, _PAD_GUILLEMET if wide else _PAD, "", 0 if wide else _MAX_RUN
        )
        if cls != _CLOSE or outside_close:
            cls, _, _, rk, j = _by_neighbours(line, mark, "", "")
            if (cls == _OPEN and outside_open) or (cls == _CLOSE and outside_close):
                cls = _UNCLEAR
    if cls == _OPEN and text in _APOSTROPHES:
        cls = _elision(line, end, forced_apostrophes)
    elif cls == _CLOSE:
        # Only the character right before the mark counts here, not one found
        # past other marks: in ‚Smiths’‘ only ’ can be an apostrophe.
        if text in _STRAIGHT and raw_left.isdigit():
            mark.weak = True  # 12" vinyl, 5'11"
        elif text in _APOSTROPHES and raw_left.isalpha():
            mark.apostrophe = True  # the Smiths' house, goin'
            # Followed by more words, it is as likely an apostrophe as a quote.
            mark.weak = rk == _SPACE and j + 1 < n and _kind(line[j + 1]) == _WORD
    mark.cls = cls


def _by_neighbours(
    line: str, mark: _Mark, left_pad: str, right_pad: str, max_run: int = _MAX_RUN
) -> tuple[int, str, int, int, int]:
    """The class the neighbours suggest, skipping spacing characters on each side.

    Returns the class, the left neighbour, both neighbours' kinds and the index of
    the right neighbour.
    """
    n = len(line)
    # Other marks next to this one are skipped too, a few at most: in „‚Hallo the
    # ‚ opens because the run „‚ has a line start before it and a word after it.
    i = mark.start - 1
    seen = 0
    while i >= 0 and (line[i] in left_pad or (line[i] in _RUN and seen < max_run)):
        seen += line[i] in _RUN and line[i] != "`"
        i -= 1
    j = mark.end
    seen = 0
    while j < n and (line[j] in right_pad or (line[j] in _RUN and seen < max_run)):
        seen += line[j] in _RUN and line[j] != "`"
        j += 1
    left = line[i] if i >= 0 else ""
    right = line[j] if j < n else ""
    lk, rk = _kind(left), _kind(right)
    cls = _UNCLEAR
    if left in _RUN or right in _RUN:
        pass  # a run of more marks than we look past: no context to go by
    elif lk == _SPACE:
        if rk == _WORD or (rk == _PUNCT and right not in _NOT_AFTER_OPEN):
            cls = _OPEN
    elif lk == _WORD:
        if rk == _WORD:
            if mark.text in _APOSTROPHES and (left.isalpha() or right.isalpha()):
                cls = _APOS
        else:
            cls = _CLOSE
    elif rk == _WORD:
        if left not in _NOT_BEFORE_OPEN:
            cls = _OPEN
    elif rk == _SPACE:
        if not _opening_punct(left):
            cls = _CLOSE
    elif not _opening_punct(left) and (
        right in _NOT_AFTER_OPEN
        or right in ".…"
        or right in MARK_CHARS
        or unicodedata.category(right) in ("Pe", "Pf", "Pd")
    ):
        cls = _CLOSE
    elif right not in _NOT_AFTER_OPEN and (
        left in MARK_CHARS or unicodedata.category(left) in ("Ps", "Pi", "Pd")
    ):
        cls = _OPEN
    return cls, left, lk, rk, j


def _elision(line: str, end: int, forced_apostrophes: set[int]) -> int:
    """``_APOS`` if the opening-looking mark before ``end`` starts an elision."""
    n = len(line)
    if end + 2 <= n and line[end : end + 2].isdigit():
        k = end + 2
        while k < n and line[k] in _PAD_GUILLEMET:
            k += 1  # bounded: the space belongs to this mark's neighbourhood only
        if k == n or not (line[end + 2].isdigit() or line[k] in _RUN):
            return _APOS  # '90s, '68 (but '12' and '12 » are quoted numbers)
        return _OPEN
    j = end
    while j < n and j - end <= _LONGEST_ELISION and line[j].isalpha():
        j += 1
    if j == end or (j < n and line[j].isalpha()):
        return _OPEN
    word = line[end:j].lower()
    if word not in ELISIONS:
        return _OPEN
    if word == "n" and j < n and line[j] in _APOSTROPHES:
        forced_apostrophes.add(j)  # rock 'n' roll: both marks are apostrophes
    return _APOS


def _scan(line: str) -> list[_Mark]:
    marks: list[_Mark] = []
    tex = False
    for m in _MARK.finditer(line):
        s = m.group()
        if s == "''" and not tex:
            # Two straight apostrophes, not a TeX closing mark: no `` came before.
            marks.append(_Mark(m.start(), m.start() + 1, "'"))
            marks.append(_Mark(m.start() + 1, m.end(), "'"))
            continue
        tex = tex or s == "``"
        marks.append(_Mark(m.start(), m.end(), s))
    forced: set[int] = set()
    out: list[_Mark] = []
    crowded = _crowded(line, marks)
    for mark in marks:
        if mark.start in crowded:
            out.append(mark)  # stays unclear
            continue
        _classify(line, mark, forced)
        if mark.text == "''" and mark.cls != _CLOSE:
            # Not closing a TeX quotation after all: two straight marks, read as
            # they would be once the `` before them is set.
            for k in (0, 1):
                single = _Mark(mark.start + k, mark.start + k + 1, "'")
                _classify(line, single, forced)
                out.append(single)
        else:
            out.append(mark)
    return out


def _crowded(line: str, marks: list[_Mark]) -> set[int]:
    """Starts of marks in a run of three or more adjacent marks: \"\"\"x or „‚‘x.

    Nobody nests three quotations at one spot, so such a run is left as it is.
    Counted in marks, not characters, so that setting ``\u0060\u0060`` as one
    character does not change the verdict.
    """
    crowded: set[int] = set()
    run: list[_Mark] = []
    for mark in [*marks, None]:
        if mark is not None and run and not line[run[-1].end : mark.start].strip(_PAD):
            run.append(mark)
            continue
        if len(run) >= 3:
            crowded.update(m.start for m in run)
        run = [mark] if mark is not None else []
    return crowded


def _pair(line: str, marks: list[_Mark], carry: _Mark | None) -> _Mark | None:
    """Pair the marks of one line; return the opening mark left open at its end."""
    active = [m for m in marks if m.cls in (_OPEN, _CLOSE)]
    for m in marks:
        if m.cls == _APOS:
            m.role = _R_APOS
    # For each mark: does a plain (not weak) closing mark come next in the line?
    strong_next = [False] * len(active)
    following = False
    for k in range(len(active) - 1, -1, -1):
        strong_next[k] = following
        following = active[k].cls == _CLOSE and not active[k].weak
    stack: list[_Mark] = []
    first = 0
    if carry is not None and active:
        head = active[0]
        if head.cls == _OPEN and not line[: head.start].strip():
            # The quotation goes on: this paragraph opens with a continuation mark.
            carry.conts.append(head)
            stack.append(carry)
            first = 1
    for k in range(first, len(active)):
        m = active[k]
        if m.cls == _OPEN:
            stack.append(m)
        elif m.weak or m.apostrophe:
            if (
                stack
                and (not m.apostrophe or stack[-1].text in _SINGLE)
                and not _leave_to_next(stack, active, k, strong_next)
            ):
                _match(stack.pop(), m)
            elif m.apostrophe:
                m.role = _R_APOS
        elif stack:
            _match(stack.pop(), m)
    return stack[0] if stack else None


def _leave_to_next(
    stack: list[_Mark], active: list[_Mark], k: int, strong_next: list[bool]
) -> bool:
    """Whether the weak closing mark ``active[k]`` should leave the quotation open
    for the plain closing mark right after it (``'The Smiths' house,' he said``).

    It should when that mark belongs to the open quotation and not to the one
    around it; otherwise the weak mark closes the inner quotation and the plain
    one the outer (``"Der Rat hat 'einstimmig' entschieden."``).
    """
    if not strong_next[k]:
        return False
    closing = active[k + 1].text
    if (stack[-1].text, closing) not in _PAIRS:
        return False
    return len(stack) < 2 or (stack[-2].text, closing) not in _PAIRS


def _match(opening: _Mark, closing: _Mark) -> None:
    opening.role = _R_OPEN
    closing.role = _R_CLOSE
    for cont in opening.conts:
        cont.role = _R_CONT


def _render(line: str, marks: list[_Mark], style: QuoteStyle) -> str:
    parts: list[str] = []
    done = 0  # everything before this index of ``line`` is in ``parts``
    for m in marks:
        if m.role == _NONE:
            continue
        if m.role == _R_APOS:
            parts.append(line[done : m.start])
            parts.append(style.apostrophe)
            done = m.end
            continue
        pad = _PAD_GUILLEMET if m.text in _SPACEABLE else _PAD
        opening, closing = style.marks(m.level)
        space = style.space(m.level)
        if m.role == _R_CLOSE:
            i = m.start
            while i > done and line[i - 1] in pad:
                i -= 1
            parts.append(line[done:i])
            parts.append(space + closing)
            done = m.end
        else:
            j = m.end
            while j < len(line) and line[j] in pad:
                j += 1
            parts.append(line[done : m.start])
            parts.append(opening + space)
            done = j
    if not parts:
        return line
    parts.append(line[done:])
    return "".join(parts)


def apply_style(text: str, style: QuoteStyle) -> str:
    """Set the quotation marks and apostrophes of ``text`` in ``style``.

    >>> from cleanse.quotes.styles import style_for
    >>> apply_style("« Oui », dit-il. Home » News", style_for("en"))
    '“Oui”, dit-il. Home » News'

    Line breaks never change, so the result has the lines of ``text``.
    """
    if style.name == "keep" or not has_marks(text):
        return text
    lines = text.split("\n")
    tails = [""] * len(lines)
    found: list[tuple[int, list[_Mark]]] = []
    carry: _Mark | None = None
    for index, whole in enumerate(lines):
        if not whole.strip():
            continue  # a blank line between paragraphs keeps a quotation open
        if not has_marks(whole):
            carry = None
            continue
        # The spaces tidy strips from a line's end are not there for the marks.
        line = whole.rstrip(TRAILING_SPACES)
        lines[index], tails[index] = line, whole[len(line) :]
        marks = _scan(line)
        carry = _pair(line, marks, carry)
        found.append((index, marks))
    depth = 0
    for _, marks in found:
        for m in marks:
            if m.role == _R_OPEN:
                m.level = depth
                depth += 1
            elif m.role == _R_CLOSE:
                depth = max(depth - 1, 0)
                m.level = depth
            elif m.role == _R_CONT:
                m.level = max(depth - 1, 0)
    for index, marks in found:
        lines[index] = _render(lines[index], marks, style)
    return "\n".join(line + tail for line, tail in zip(lines, tails, strict=True))
