"""Decide which lines of a full page are the article, in linear time.

Four passes over the measurements of `cleanse.page.features`:

1. **Class.** Long lines dense in stop words are *good* (prose), shorter sentences
   *near-good*; lines a cue marks (cookie banner, copyright, share buttons ...) and
   rows of separated links are *bad*; the rest are *short*.
2. **Context**, as jusText smooths: a short line whose nearest classed neighbours
   above and below are both prose is part of the article (a heading, a list item, a
   table row), and costs nothing.
3. **Span.** Every line gets a score (prose: its length; furniture: a penalty; a
   line that announces related links or comments: a barrier) and the article is the
   run of lines with the highest total (Kadane's maximum subarray). Inside it only
   cue lines and the link lists after a "read also" line go.
4. **Edges.** Above the span, the title, subtitle and date line are taken back (up
   to four short lines that are not menu); below it, a list or table that the last
   paragraph introduces.

    >>> from cleanse.page.features import describe
    >>> lines = ["Home", "News", "Sport", "Title of the story",
    ...          "It was a long day for all of the people in the town, and they "
    ...          "said so to anyone who would listen to them.", "© 2024 Paper"]
    >>> decide(describe(lines, {"it", "was", "a", "for", "all", "of", "the", "in",
    ...                          "and", "they", "so", "to", "who", "them"}))
    {0: 'page.menu', 1: 'page.menu', 2: 'page.menu', 5: 'page.footer'}
"""

from __future__ import annotations

from collections.abc import Sequence

from cleanse.page.features import LineInfo

__all__ = ["decide"]

#: jusText's defaults (``LENGTH_LOW``, ``STOPWORDS_LOW``), read for lines: a line
#: of 70+ characters with 30% stop words is prose.
GOOD_CHARS = 70
GOOD_STOP = 0.30
#: A shorter sentence still reads as prose with a fifth of stop words.
NEAR_STOP = 0.20
NEAR_WORDS = 5
#: Without a stop-word list only length and punctuation are left to go on.
GOOD_CHARS_NO_LIST = 120

#: Span scores. A barrier line (related links, comments, tags) costs more than a
#: few paragraphs are worth, so teasers after it stay out of the article.
BARRIER = -600.0
COOKIE = -300.0
CUE = -100.0
MENU_LINE = -25.0
SHORT_LINE = -10.0
DATA_LINE = -5.0
REPEATED = -20.0
#: Lines above the span that may still be the article's title, subtitle, byline.
HEAD_LINES = 4
HEAD_CHARS = 250
#: Inside the article only short cue lines go: a sentence about cookie law stays.
CUE_WORDS_INSIDE = 12

_CUE_RULES = {
    "cookie": "page.cookie",
    "footer": "page.footer",
    "share": "page.share",
    "ad": "page.ad",
    "menu": "page.menu",
    "related": "page.related",
    "comments": "page.comments",
    "tags": "page.link-list",
}
#: Comments go on to the end of the page in prose that reads like the article.
_BARRIERS = frozenset({"comments"})
_LIGHT_CUES = frozenset({"ad", "share", "menu"})
#: The most lines a "read also" line announces.
LINK_BLOCK = 8

GOOD, NEAR, BAD, SHORT = "good", "near", "bad", "short"


def _classify(info: LineInfo, has_list: bool) -> str:
    if info.cue is not None or (info.separators >= 2 and info.pipes == 0):
        return BAD
    if has_list:
        if info.chars >= GOOD_CHARS and info.stop >= GOOD_STOP:
            return GOOD
        if info.words >= NEAR_WORDS and info.terminal and info.stop >= NEAR_STOP:
            return NEAR
        return SHORT
    if info.chars >= GOOD_CHARS_NO_LIST and info.terminal:
        return GOOD
    return NEAR if info.words >= 2 * NEAR_WORDS and info.terminal else SHORT


def _menu_like(info: LineInfo) -> bool:
    return info.words <= 3 and not info.terminal and not info.bullet and not info.digits


def _menu_runs(infos: Sequence[LineInfo], nonblank: list[int]) -> set[int]:
    """Lines in a run of three or more menu-like lines (blank lines ignored)."""
    out: set[int] = set()
    run: list[int] = []
    for i in [*nonblank, -1]:
        if i >= 0 and _menu_like(infos[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _sandwiched(classes: dict[int, str], nonblank: list[int]) -> set[int]:
    """Short lines whose nearest classed lines on both sides are prose."""
    out: set[int] = set()
    above: list[str | None] = []
    last: str | None = None
    for i in nonblank:
        above.append(last)
        if classes[i] != SHORT:
            last = classes[i]
    last = None
    for k in range(len(nonblank) - 1, -1, -1):
        i = nonblank[k]
        if classes[i] == SHORT and above[k] in (GOOD, NEAR) and last in (GOOD, NEAR):
            out.add(i)
        if classes[i] != SHORT:
            last = classes[i]
    return out


def _score(info: LineInfo, cls: str, inside: bool, menu: bool, link: bool) -> float:
    if link:
        # Teaser headlines and their summaries: what reads as prose counts against.
        return -float(info.chars) if cls in (GOOD, NEAR) else MENU_LINE
    if cls == GOOD:
        return float(info.chars)
    if cls == NEAR:
        return info.chars / 2
    if cls == BAD:
        if info.cue in _BARRIERS:
            return BARRIER
        if info.cue == "cookie":
            return min(COOKIE, -float(info.chars))
        # A lone button or label costs what a menu line does; legal links and
        # "read also" lines say more clearly that the article is over.
        return MENU_LINE if info.cue in _LIGHT_CUES else CUE
    if inside:
        return 0.0
    score = MENU_LINE if menu else SHORT_LINE
    if info.bullet or info.digits or info.pipes:
        score = DATA_LINE
    return score + (REPEATED if info.repeated else 0.0)


def _best_span(nonblank: list[int], scores: dict[int, float]) -> tuple[int, int]:
    """Positions (into ``nonblank``) of the highest-scoring run; (0, -1) if none."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for k, i in enumerate(nonblank):
        if total <= 0:
            total, start = 0.0, k
        total += scores[i]
        if total > best:
            best, best_span = total, (start, k)
    return best_span


def _reason(info: LineInfo, cls: str, menu: bool, run: bool, link: bool) -> str:
    if info.cue is not None:
        return _CUE_RULES[info.cue]
    if link:
        return "page.link-list"
    if info.separators >= 2:
        return "page.menu"
    if info.repeated:
        return "page.repeated"
    if menu:
        return "page.menu"
    if run:
        return "page.link-list"
    if cls in (GOOD, NEAR):
        return "page.outside"
    return "page.short-block"


def _short_runs(classes: dict[int, str], nonblank: list[int]) -> set[int]:
    out: set[int] = set()
    run: list[int] = []
    for i in [*nonblank, -1]:
        if i >= 0 and classes[i] == SHORT:
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def decide(infos: Sequence[LineInfo], *, has_list: bool = True) -> dict[int, str]:
    """Map the index of every non-article line to the rule that removes it.

    Blank lines are never in the map. An empty map means: nothing to remove, or
    no prose to anchor an article on (the page is then left as it is).
    """
    nonblank = [i for i, info in enumerate(infos) if not info.blank]
    classes = {i: _classify(infos[i], has_list) for i in nonblank}
    links = _link_blocks(infos, classes)
    if not any(cls == GOOD and i not in links for i, cls in classes.items()):
        return {}
    menus = _menu_runs(infos, nonblank)
    inside = _sandwiched(classes, nonblank)
    scores = {
        i: _score(infos[i], classes[i], i in inside, i in menus, i in links)
        for i in nonblank
    }
    first, last = _best_span(nonblank, scores)
    keep = set(nonblank[first : last + 1])
    _drop_inside(infos, nonblank[first : last + 1], links, keep)
    _take_head(infos, nonblank[:first], menus, keep)
    _take_tail(
        infos,
        classes=classes,
        below=nonblank[last + 1 :],
        menus=menus,
        last=nonblank[last],
        keep=keep,
    )
    runs = _short_runs(classes, nonblank)
    return {
        i: _reason(infos[i], classes[i], i in menus, i in runs, i in links)
        for i in nonblank
        if i not in keep
    }


def _link_blocks(infos: Sequence[LineInfo], classes: dict[int, str]) -> set[int]:
    """Lines a "read also" or tags line announces.

    The block runs to the next blank line, at most `LINK_BLOCK` lines, and takes
    prose only right after a short line (a teaser's summary under its headline), so
    that in a text without blank lines the article after a list of links survives.
    """
    out: set[int] = set()
    i = 0
    while i < len(infos):
        if infos[i].cue not in ("related", "tags"):
            i += 1
            continue
        previous = SHORT
        for j in range(i + 1, min(i + 1 + LINK_BLOCK, len(infos))):
            info = infos[j]
            if info.blank or info.cue is not None:
                break
            if classes[j] != SHORT and previous != SHORT:
                break
            out.add(j)
            previous = classes[j]
        i += 1
    return out


def _drop_inside(
    infos: Sequence[LineInfo], span: list[int], links: set[int], keep: set[int]
) -> None:
    for i in span:
        info = infos[i]
        if (
            i in links
            or (info.separators >= 2 and info.pipes == 0)
            or (
                info.cue is not None
                and (info.words <= CUE_WORDS_INSIDE or info.cue == "cookie")
            )
        ):
            keep.discard(i)


def _take_head(
    infos: Sequence[LineInfo], above: list[int], menus: set[int], keep: set[int]
) -> None:
    for i in reversed(above[-HEAD_LINES:]):
        info = infos[i]
        if (
            info.cue is not None
            or info.separators >= 2
            or info.chars > HEAD_CHARS
            or (i in menus and not info.title)
        ):
            return
        keep.add(i)


def _take_tail(
    infos: Sequence[LineInfo],
    *,
    classes: dict[int, str],
    below: list[int],
    menus: set[int],
    last: int,
    keep: set[int],
) -> None:
    # A list or table the last paragraph announces ("... as follows:"), or one
    # marked as such, belongs to the article; so does a closing short sentence.
    listing = infos[last].colon
    for i in below:
        info = infos[i]
        if info.cue is not None or (info.separators >= 2 and info.pipes == 0):
            return
        if info.bullet or info.pipes:
            listing = True
        elif not listing and not (classes[i] == NEAR or (info.terminal and info.stop)):
            return
        if i in menus and not listing:
            return
        keep.add(i)
