"""Find quotation marks, tell quotes from apostrophes, pair them, set them in a style.

    >>> from cleanse.quotes.styles import style_for
    >>> apply_style('Er sagte: "Das geht\\'s nicht \\'ganz\\'."', style_for("de"))
    'Er sagte: „Das geht’s nicht ‚ganz‘.“'

One scan over the text, in three passes over the marks it finds (never over the
text again):

1. **Classify** each mark by its neighbours: opening (space or opening punctuation
   before, a word after), closing (a word or punctuation before, space or
   punctuation after), apostrophe (a letter on both sides, or an elision such as
   ``'s Abends``, ``'90s``, ``rock 'n' roll``), or unclear (anything else: inch
   marks after digits, a lone mark between spaces, ``a"b``).
2. **Pair** openings and closings line by line with a stack. A quotation that runs
   over several paragraphs (an opening mark at the start of each, one closing mark
   at the end) is carried from one paragraph to the next. A closing mark that could
   be an apostrophe (``the Smiths' house``) or an inch mark (``12"``) closes a
   quotation only when no plain closing mark follows in the line to do it.
3. **Set** every paired mark by its nesting depth (outer marks at depth 0, 2 ...,
   inner marks at 1, 3 ...) and every apostrophe as the style's apostrophe. Marks
   that found no partner, and unclear ones, are left exactly as they were.

**Cost.** Only lines that hold a mark are visited (found with C-level string
searches). A mark with no other mark or spacing next to it, most marks in running
text, is decided by its two neighbours alone: that verdict is memoised per
(left, mark, right) in `_NEAR_CLASS`, and unclear marks and apostrophes already in
the style's form get no object at all. Marks whose verdict needs more than that
(inner spacing as in ``« Oui »``, runs such as ``„‚``) take the full reading of
`_classify`. ``bench/quotes.py`` measures the step's share of the default
pipeline; ``tests/test_quotes_equivalence.py`` holds the fast paths to the output
of the engine before them.

The source marks' shape does not decide the level: an English ‘…’ inside “…” becomes
German ‚…‘ because it is nested, not because it is single. Source shape is used
only where context cannot decide: guillemets with spaces on both sides read the
French way (« opens, » closes), which is also why ``Home » News » Politik`` stays
as it is: its » are closing marks that nothing opened.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from cleanse._lazy_re import LazyRe
from cleanse.quotes.styles import STYLES, QuoteStyle
from cleanse.tidy import TRAILING_SPACES

__all__ = [
    "MARK_CHARS",
    "READ_MARKS",
    "apply_style",
    "has_marks",
    "restyle_lines",
    "with_lines",
]

#: Every character the engine may treat as a quotation mark or apostrophe.
MARK_CHARS = "\"'“”„‟‘’‚‛«»‹›"
#: Every mark the engine reads: `MARK_CHARS` and the backtick of TeX-style ``quotes``.
READ_MARKS = MARK_CHARS + "`"
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

# The patterns below are literal character classes, no Unicode properties, so
# stdlib re matches them exactly as regex would, at a third to a half of regex's
# cost per call on a paragraph (timed with timeit; the step runs them per line).
_MARK = LazyRe(r"``|''|[\"'“”„‟‘’‚‛«»‹›]")
_ANY_MARK = re.compile(f"[{re.escape(READ_MARKS)}]")

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
_RUN = frozenset(READ_MARKS)
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


#: Shared by every mark that continues no quotation: never appended to.
_NO_CONTS: list[_Mark] = []


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
        self.conts: list[_Mark] = _NO_CONTS


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


#: Two marks with nothing but spacing between them: the line needs the general scan
#: (TeX-style double marks, crowded runs, neighbours found past other marks).
_NEAR = LazyRe(r"[\"'`“”„‟‘’‚‛«»‹›][ \u00a0\u202f\u2009]*[\"'`“”„‟‘’‚‛«»‹›]")
_ONE_MARK = LazyRe(r"[\"'“”„‟‘’‚‛«»‹›]")

#: The verdict on a mark whose two neighbours are all it depends on, keyed by the
#: neighbours and the mark (``line[s - 1 : s + 2]``, shorter at the line's ends):
#: (class, inch mark, possible apostrophe, space after), or None when the verdict
#: needs more of the line. A pure memo of `_near_class`: it never changes output.
_NEAR_CLASS: dict[str, tuple[int, bool, bool, bool] | None] = {}
#: What `_NEAR_CLASS` answers for a key it does not hold yet.
_UNKNOWN = (-1, False, False, False)


def _near_class(
    left: str, text: str, right: str
) -> tuple[int, bool, bool, bool] | None:
    """What `_classify` decides for ``text`` between ``left`` and ``right``, or
    None when its verdict depends on more than these two characters.

    Neither neighbour is skipped as spacing or as part of a run here, so each of
    `_classify`'s three readings sees the same two characters: they agree, and the
    class is `_by_neighbours` on those characters alone.
    """
    if left in _RUN or right in _RUN:
        return None  # a run of marks is read as a whole
    if left in _PAD_CHARS or right in _PAD_CHARS:
        return None  # inner spacing: skipped, so farther characters decide
    if _kind(left) == _SPACE and _kind(right) == _SPACE:
        return None  # a lone mark is read by its shape and the characters past spaces
    if (text in _SPACED_OPEN and right == " ") or (
        text in _SPACED_CLOSE and left == " "
    ):
        return None  # plain spaces inside guillemets and „ ‚ are skipped too
    probe = _Mark(len(left), len(left) + 1, text)
    cls = _by_neighbours(left + text + right, probe, "", "", 0)[0]
    inch = text in _STRAIGHT and left.isdigit()
    apostrophe = not inch and text in _APOSTROPHES and left.isalpha()
    return cls, inch, apostrophe, _kind(right) == _SPACE


def _near_verdict(line: str, s: int, text: str) -> tuple[int, bool, bool, bool] | None:
    """`_near_class` for the one-character mark ``text`` at ``line[s]``, memoised.

    The key is the mark with its neighbours. At a line's ends it is shorter, and
    still unambiguous: where both of its two characters could be the mark, the
    other one is a mark too and the verdict is None either way.
    """
    key = line[s - 1 if s else 0 : s + 2]
    verdict = _NEAR_CLASS.get(key, _UNKNOWN)
    if verdict is _UNKNOWN:
        n = len(line)
        verdict = _near_class(
            line[s - 1] if s else "", text, line[s + 1] if s + 1 < n else ""
        )
        if len(_NEAR_CLASS) < 65536:
            _NEAR_CLASS[key] = verdict
    return verdict


def _decide(line: str, mark: _Mark, forced: set[int]) -> None:
    """`_classify` ``mark``, through the neighbour memo when its neighbours decide."""
    s = mark.start
    if mark.end == s + 1 and s not in forced:
        verdict = _near_verdict(line, s, mark.text)
        if verdict is not None:
            cls, inch, maybe_apostrophe, space_after = verdict
            if cls == _OPEN and mark.text in _APOSTROPHES:
                cls = _elision(line, s + 1, forced)
            elif cls == _CLOSE:
                if inch:
                    mark.weak = True
                elif maybe_apostrophe:
                    mark.apostrophe = True
                    mark.weak = (
                        space_after
                        and s + 2 < len(line)
                        and _kind(line[s + 2]) == _WORD
                    )
            mark.cls = cls
            return
    _classify(line, mark, forced)


def _scan(line: str, apostrophe: str) -> list[_Mark]:
    """Find and classify the marks of ``line`` that pairing or rendering needs.

    Most lines hold marks apart from each other (``"Ja", sagte er``); a mark there
    is decided by its two neighbours (`_near_verdict`). Lines with marks next to
    each other take the general path, `_scan_runs`.

    In such a line, unclear marks and apostrophes that already are ``apostrophe``
    are left out: pairing skips them and rendering would set them as they are.
    """
    if _NEAR.search(line) is not None:
        return _scan_runs(line)
    return _scan_apart(line, apostrophe)


def _scan_apart(line: str, apostrophe: str) -> list[_Mark]:
    """`_scan` for a line where no two marks touch (``_NEAR`` finds nothing)."""
    out: list[_Mark] = []
    forced: set[int] = set()
    for found in _ONE_MARK.finditer(line):
        s = found.start()
        text = found.group()
        # _near_verdict's lookup, inlined: this loop runs once per mark.
        verdict = _NEAR_CLASS.get(line[s - 1 if s else 0 : s + 2], _UNKNOWN)
        if verdict is _UNKNOWN:
            verdict = _near_verdict(line, s, text)
        if verdict is None or (forced and s in forced):
            mark = _Mark(s, s + 1, text)
            _classify(line, mark, forced)
            out.append(mark)
            continue
        # What _decide does, inlined.
        cls, inch, maybe_apostrophe, space_after = verdict
        if cls == _UNCLEAR or (cls == _APOS and text == apostrophe):
            continue
        mark = _Mark(s, s + 1, text)
        if cls == _OPEN and text in _APOSTROPHES:
            cls = _elision(line, s + 1, forced)
        elif cls == _CLOSE:
            if inch:
                mark.weak = True
            elif maybe_apostrophe:
                mark.apostrophe = True
                mark.weak = (
                    space_after and s + 2 < len(line) and _kind(line[s + 2]) == _WORD
                )
        mark.cls = cls
        out.append(mark)
    return out


def _scan_runs(line: str) -> list[_Mark]:
    """Find and classify the marks of a line where some marks touch."""
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
        _decide(line, mark, forced)
        if mark.text == "''" and mark.cls != _CLOSE:
            # Not closing a TeX quotation after all: two straight marks, read as
            # they would be once the `` before them is set.
            for k in (0, 1):
                single = _Mark(mark.start + k, mark.start + k + 1, "'")
                _decide(line, single, forced)
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
    if not active:
        return None
    stack: list[_Mark] = []
    first = 0
    if carry is not None:
        head = active[0]
        if head.cls == _OPEN and not line[: head.start].strip():
            # The quotation goes on: this paragraph opens with a continuation mark.
            carry.conts = [*carry.conts, head]
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
                and not _leave_to_next(stack, active, k)
            ):
                _match(stack.pop(), m)
            elif m.apostrophe:
                m.role = _R_APOS
        elif stack:
            _match(stack.pop(), m)
    return stack[0] if stack else None


def _leave_to_next(stack: list[_Mark], active: list[_Mark], k: int) -> bool:
    """Whether the weak closing mark ``active[k]`` should leave the quotation open
    for the plain closing mark right after it (``'The Smiths' house,' he said``).

    It should when that mark belongs to the open quotation and not to the one
    around it; otherwise the weak mark closes the inner quotation and the plain
    one the outer (``"Der Rat hat 'einstimmig' entschieden."``).
    """
    if k + 1 == len(active):
        return False
    after = active[k + 1]
    if after.cls != _CLOSE or after.weak:
        return False  # no plain closing mark next in the line
    closing = after.text
    if (stack[-1].text, closing) not in _PAIRS:
        return False
    return len(stack) < 2 or (stack[-2].text, closing) not in _PAIRS


def _match(opening: _Mark, closing: _Mark) -> None:
    opening.role = _R_OPEN
    closing.role = _R_CLOSE
    for cont in opening.conts:
        cont.role = _R_CONT


@functools.lru_cache(maxsize=64)
def _settings(style: QuoteStyle) -> tuple[str, str, str, str]:
    """What an opening and a closing mark become at even and odd depth, with the
    style's inner spacing: looked up once per style, not once per mark."""
    return (
        style.outer[0] + style.outer_space,
        style.outer_space + style.outer[1],
        style.inner[0] + style.inner_space,
        style.inner_space + style.inner[1],
    )


def _render(line: str, marks: list[_Mark], style: QuoteStyle) -> str:
    parts: list[str] = []
    done = 0  # everything before this index of ``line`` is in ``parts``
    settings = _settings(style)
    for m in marks:
        role = m.role
        if role == _NONE:
            continue
        if role == _R_APOS:
            parts.append(line[done : m.start])
            parts.append(style.apostrophe)
            done = m.end
            continue
        pad = _PAD_GUILLEMET if m.text in _SPACEABLE else _PAD
        odd = 2 if m.level % 2 else 0
        if role == _R_CLOSE:
            i = m.start
            while i > done and line[i - 1] in pad:
                i -= 1
            parts.append(line[done:i])
            parts.append(settings[odd + 1])
            done = m.end
        else:
            j = m.end
            while j < len(line) and line[j] in pad:
                j += 1
            parts.append(line[done : m.start])
            parts.append(settings[odd])
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
    return with_lines(text, restyle_lines(text, style))


def with_lines(text: str, changed: dict[int, str]) -> str:
    """``text`` with the lines ``changed`` names (index to new line) replaced.

    >>> with_lines("a\\nb\\nc", {1: "B"})
    'a\\nB\\nc'
    """
    if not changed:
        return text
    lines = text.split("\n")
    for index, line in changed.items():
        lines[index] = line
    return "\n".join(lines)


def restyle_lines(text: str, style: QuoteStyle) -> dict[int, str]:
    """The lines of ``text`` that `apply_style` changes, by index, with their new text.

    >>> from cleanse.quotes.styles import style_for
    >>> restyle_lines('Titel\\n\\n"Ja", sagte er.\\nDon’t.', style_for("de"))
    {2: '„Ja“, sagte er.'}

    Only the lines that hold a mark are visited: they are found with C-level string
    searches, so a paragraph without marks costs no Python work here.
    """
    if style.name == "keep":
        return {}
    found: list[tuple[int, str, list[_Mark], str]] = []
    changed: dict[int, str] = {}
    settings = _settings(style)
    carry: _Mark | None = None
    index = 0  # the line number of ``start``
    start = end = 0  # the current line is text[start:end]
    pos = 0
    n = len(text)
    while (hit := _ANY_MARK.search(text, pos)) is not None:
        prev_end = end
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.start())
        if end < 0:
            end = n
        index += text.count("\n", pos, start)
        # Lines between the last marked line and this one: blank lines keep a
        # quotation open from one paragraph to the next, any other line ends it.
        if carry is not None and not text[prev_end:start].isspace():
            carry = None
        # What tidy strips from the line's end is not there for the marks either:
        # a mark before a trailing U+202F would otherwise read as spaced (French
        # style) here, and as the line's last character once tidy has run, and
        # cleaning the output again would set it differently (hypothesis found
        # '"…"\u202f').
        whole = text[start:end]
        line = whole.rstrip(TRAILING_SPACES)
        tail = whole[len(line) :]
        pos = end
        if _NEAR.search(line) is not None:
            marks = _scan_runs(line)
        else:
            if carry is None:
                quick = _quick_line(line, style.apostrophe, settings)
                if quick is not None:
                    if quick != line:
                        changed[index] = quick + tail
                    continue  # and nothing is carried: every opening mark was closed
            marks = _scan_apart(line, style.apostrophe)
        if not marks:
            carry = None  # what pairing no marks gives, and nothing to set
            continue
        carry = _pair(line, marks, carry)
        found.append((index, line, marks, tail))
    depth = 0
    for _, _, marks, _ in found:
        for m in marks:
            if m.role == _R_OPEN:
                m.level = depth
                depth += 1
            elif m.role == _R_CLOSE:
                depth = max(depth - 1, 0)
                m.level = depth
            elif m.role == _R_CONT:
                m.level = max(depth - 1, 0)
    for index, line, marks, tail in found:
        new = _render(line, marks, style)
        if new != line:
            changed[index] = new + tail
    return dict(sorted(changed.items()))


def _quick_line(
    line: str, apostrophe: str, settings: tuple[str, str, str, str]
) -> str | None:
    """``line`` set in the style, when that needs no more than a count of open
    quotations; None when the line needs the full passes.

    That is the case for a line where no marks touch (the caller checks ``_NEAR``)
    and no quotation runs into (no carry), whose marks are
    each decided by their two neighbours as plain opening or closing marks (no
    elision, no closing mark that may be an apostrophe or an inch mark) or
    apostrophes, and that closes every quotation it opens. Pairing then is a
    counter: no quotation is open at such a line's start, so the global depth of
    `restyle_lines` is the counter, and neither spacing nor marks sit next to the
    marks for `_render` to absorb. Most lines of running text are like this.
    """
    parts: list[str] = []
    done = depth = 0
    for found in _ONE_MARK.finditer(line):
        s = found.start()
        verdict = _NEAR_CLASS.get(line[s - 1 if s else 0 : s + 2], _UNKNOWN)
        if verdict is _UNKNOWN:
            verdict = _near_verdict(line, s, found.group())
        if verdict is None:
            return None
        cls = verdict[0]
        if cls == _UNCLEAR:
            continue
        text = found.group()
        if cls == _APOS:
            if text != apostrophe:
                parts.append(line[done:s])
                parts.append(apostrophe)
                done = s + 1
        elif cls == _OPEN:
            if text in _APOSTROPHES:
                return None  # may open an elision: 's, 'n'
            parts.append(line[done:s])
            parts.append(settings[2 if depth % 2 else 0])
            done = s + 1
            depth += 1
        elif verdict[1] or verdict[2]:
            return None  # a closing mark that may be an inch mark or apostrophe
        elif depth:
            depth -= 1
            parts.append(line[done:s])
            parts.append(settings[3 if depth % 2 else 1])
            done = s + 1
    if depth:
        return None  # an opening mark left open may go on in the next paragraph
    if not parts:
        return line
    parts.append(line[done:])
    return "".join(parts)
