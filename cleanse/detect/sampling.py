"""What the detector reads: a bounded sample of the text, its letters, its paragraphs.

    >>> count_letters("R2-D2, 1977!")
    2
    >>> sample_text("short text") == "short text"
    True
    >>> paragraphs("One.\\n\\n  \\nTwo,\\nstill two.")
    ['One.', 'Two,\\nstill two.']

Nothing here imports a detector, so these helpers cost nothing to load.
"""

from __future__ import annotations

__all__ = [
    "SAMPLE_CHARS",
    "SAMPLE_WINDOWS",
    "count_letters",
    "has_letters",
    "paragraphs",
    "sample_text",
]

#: At most this many characters of a document reach the detector. langdetect's answer
#: on 2,000 characters of prose is already stable (it converges after a few hundred
#: n-grams), and bounding the sample keeps the cost of a detection flat however long
#: the document is.
SAMPLE_CHARS = 2000

#: A long document is sampled in this many windows spread evenly over it (start,
#: middle parts, end), so a long English navigation block at the top of a German page
#: cannot be the only thing the detector sees.
SAMPLE_WINDOWS = 4

#: How far a window edge may move to land on white space instead of inside a word.
_SNAP = 40


def count_letters(text: str) -> int:
    """The number of letters (``str.isalpha``) in ``text``; digits don't count."""
    return sum(map(str.isalpha, text))


def has_letters(text: str, least: int) -> bool:
    """True if ``text`` holds at least ``least`` letters (`count_letters`).

    >>> has_letters("R2-D2, 1977!", 2), has_letters("R2-D2, 1977!", 3)
    (True, False)

    The cut-off is a handful of letters and most texts reach it in their first
    words, so a short prefix is counted first; only a text short of letters there
    is counted whole.
    """
    if count_letters(text[: 4 * least]) >= least:
        return True
    return count_letters(text) >= least


def sample_text(text: str, limit: int = SAMPLE_CHARS) -> str:
    """A sample of at most about ``limit`` characters, spread over ``text``.

    A text within the limit is returned whole. A longer one gives `SAMPLE_WINDOWS`
    windows of ``limit // SAMPLE_WINDOWS`` characters each, evenly spaced from the
    start to the end, each trimmed to whole words and joined by newlines; the work
    is bounded by ``limit``, not by the length of ``text``.

    >>> long = "alpha " * 1000 + "omega " * 1000
    >>> s = sample_text(long, 120)
    >>> len(s) <= 120, s.startswith("alpha"), s.rstrip().endswith("omega")
    (True, True, True)
    """
    if len(text) <= limit:
        return text
    width = max(limit // SAMPLE_WINDOWS, 1)
    last_start = len(text) - width
    windows = []
    for k in range(SAMPLE_WINDOWS):
        start = last_start * k // (SAMPLE_WINDOWS - 1) if SAMPLE_WINDOWS > 1 else 0
        window = text[start : start + width]
        windows.append(
            _whole_words(window, at_start=start > 0, at_end=k < SAMPLE_WINDOWS - 1)
        )
    return "\n".join(windows)


def _whole_words(window: str, *, at_start: bool, at_end: bool) -> str:
    """``window`` without the word fragments a cut left at its edges."""
    reach = min(_SNAP, len(window) // 2)
    if at_start:
        cut = _first_space(window[:reach])
        if cut >= 0:
            window = window[cut + 1 :]
    if at_end:
        tail_from = max(len(window) - reach, 0)
        cut = _last_space(window[tail_from:])
        if cut >= 0:
            window = window[: tail_from + cut]
    return window


def _first_space(text: str) -> int:
    found = [i for i in (text.find(" "), text.find("\n")) if i >= 0]
    return min(found) if found else -1


def _last_space(text: str) -> int:
    return max(text.rfind(" "), text.rfind("\n"))


def paragraphs(text: str) -> list[str]:
    """The blocks of ``text`` separated by blank (white-space-only) lines, in order."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks
