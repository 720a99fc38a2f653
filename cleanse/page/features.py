"""What page mode measures on each line of a full-page text: no HTML needed.

A line of a ``get_text()`` dump or a WET record is one block of the page: a
paragraph, a heading, a menu item, a table row. `describe` measures each line once,
in one pass; the classifier reads only these numbers and flags.

    >>> [info.cue for info in describe(["Impressum", "Home » News » Welt"], set())]
    ['footer', 'menu']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import regex

from cleanse.page import cues

__all__ = ["LineInfo", "describe", "tokens"]

_WORD = regex.compile(r"\w+")
#: A navigation separator standing alone between spaces: ``Home » News | Sport``.
_SEPARATOR = regex.compile(r"(?<=\s)[|»›·•>/](?=\s)")
#: A page title: the heading, then the site name after a separator.
_TITLE = regex.compile(r"([^|–—:]+?)\s(?:[|–—-]|::)\s")
_BULLET = regex.compile(r"(?:[-–—•*·▪►○●]|\d{1,2}[.)])\s")
_COPYRIGHT = regex.compile(r"©|\(c\)\s*\d{4}", regex.IGNORECASE)
#: Sentence-final punctuation, closing quotes and brackets allowed after it.
_TERMINAL = frozenset(".!?…:;")
_CLOSERS = "\"'”’»«)]"
#: Trimmed from a line's ends before a whole-line lookup ("Teilen:" is "teilen").
_TRIM = " \t:;.,!?-–—|»›·•*#()[]{}0123456789"


@dataclass(frozen=True, slots=True)
class LineInfo:
    """The measurements of one line (blank lines have ``words == 0``).

    - ``chars``, ``words``: length of the trimmed line in characters and words.
    - ``stop``: share of its words in the language's stop-word list (0.0 without a
      list or without words).
    - ``terminal``: ends like a sentence (``.!?…:;``, perhaps before a closing
      quote or bracket).
    - ``separators``: navigation separators standing alone (``|``, ``»``, ``›``,
      ``·``, ``•``, ``>``, ``/``).
    - ``bullet``: opens with a list marker (``-``, ``•``, ``1.``).
    - ``digits``: holds a digit (dates, table figures).
    - ``cue``: ``cookie``, ``footer``, ``share``, ``ad``, ``menu``, ``related``,
      ``comments``, ``tags`` when a phrase of `cleanse.page.cues` marks the
      line, else ``None``.
    - ``repeated``: the same text occurs on another line of the page.
    - ``pipes``: how many ``|`` the line holds (table rows keep a count).
    - ``colon``: ends with a colon, as a line that introduces a list does.
    - ``title``: the line opens another line of the page up to a separator, as the
      article's heading opens the page title (``Heading | Site``).
    """

    chars: int
    words: int
    stop: float
    terminal: bool
    separators: int
    bullet: bool
    digits: bool
    cue: str | None
    repeated: bool
    pipes: int
    colon: bool
    title: bool

    @property
    def blank(self) -> bool:
        """True for a line with no word character."""
        return self.words == 0


_BLANK = LineInfo(0, 0, 0.0, False, 0, False, False, None, False, 0, False, False)


def tokens(line: str) -> list[str]:
    """The lowercase words of ``line``.

    >>> tokens("Der Vertrag, 2024")
    ['der', 'vertrag', '2024']
    """
    return [word.lower() for word in _WORD.findall(line)]


def _cue(text: str, low: str, words: int, separators: int) -> str | None:
    if any(phrase in low for phrase in cues.COOKIE_PHRASES):
        return "cookie"
    if words <= 25 and (
        _COPYRIGHT.search(text) or any(p in low for p in cues.ALL_RIGHTS_PHRASES)
    ):
        return "footer"
    core = low.strip(_TRIM)
    if core in cues.COOKIE_LINES:
        return "cookie"
    if core in cues.FOOTER_LINES:
        return "footer"
    if core in cues.SHARE_LINES:
        return "share"
    if core in cues.AD_LINES:
        return "ad"
    if core in cues.MENU_LINES:
        return "menu"
    # Counters are trimmed, so "12 Kommentare" reads "kommentare".
    if words <= 8 and core.startswith(cues.COMMENT_PREFIXES):
        return "comments"
    if words <= 8 and core.startswith(cues.RELATED_PREFIXES):
        return "related"
    if low.startswith(cues.TAG_PREFIXES):
        return "tags"
    if separators >= 2:
        # A row of links: the footer's when one of them is a legal link.
        parts = {part.strip(_TRIM) for part in _SEPARATOR.split(f" {low} ")}
        return "footer" if parts & cues.FOOTER_LINES else "menu"
    return None


def describe(lines: Sequence[str], stop_words: Collection[str]) -> list[LineInfo]:
    """Measure every line of a page; ``stop_words`` are lowercase."""
    stripped = [line.strip() for line in lines]
    counts = Counter(s.casefold() for s in stripped if s)
    titles = {
        match.group(1).strip()
        for s in stripped
        if (match := _TITLE.match(s.casefold())) is not None
    }
    infos = []
    for text in stripped:
        words = tokens(text)
        if not words:
            infos.append(_BLANK)
            continue
        low = text.casefold()
        stops = sum(1 for word in words if word in stop_words)
        separators = len(_SEPARATOR.findall(f" {text} "))
        infos.append(
            LineInfo(
                chars=len(text),
                words=len(words),
                stop=stops / len(words),
                terminal=text.rstrip(_CLOSERS)[-1:] in _TERMINAL,
                separators=separators,
                bullet=_BULLET.match(text) is not None,
                digits=any(ch.isdigit() for ch in text),
                cue=_cue(text, low, len(words), separators),
                repeated=counts[low] > 1,
                pipes=text.count("|"),
                colon=text.endswith(":"),
                title=low in titles,
            )
        )
    _mark_tables(infos)
    return infos


def _mark_tables(infos: list[LineInfo]) -> None:
    """Clear the menu cue of rows that share their ``|`` count with a neighbour.

    ``Berlin | 3,7 Mio. | 891 km²`` over ``Hamburg | 1,9 Mio. | 755 km²`` is a
    table; ``Home | News | Sport`` alone is a menu.
    """
    nonblank = [i for i, info in enumerate(infos) if not info.blank]
    for k, i in enumerate(nonblank):
        info = infos[i]
        if info.pipes == 0 or info.cue != "menu":
            continue
        neighbours = nonblank[max(k - 1, 0) : k] + nonblank[k + 1 : k + 2]
        if any(infos[j].pipes == info.pipes for j in neighbours):
            infos[i] = replace(info, cue=None)
