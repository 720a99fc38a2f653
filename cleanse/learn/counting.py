"""Counting lines per site in bounded memory: which lines recur in a site's documents.

    >>> learner = Learner(LearnSettings(min_docs=3, sketch_width=1 << 12))
    >>> docs = [("a.org", f"Story {c}\\nRead us daily") for c in "wxyz"]
    >>> for site, text in docs:
    ...     learner.survey(site, text)
    >>> for site, text in docs:
    ...     learner.tally(site, text)
    >>> [(x.site, x.line, x.docs, x.site_docs) for x in learner.learned()]
    [('a.org', 'Read us daily', 4, 4)]

Lines are counted once per document, under the key ``line`` rules are looked up by
(`cleanse.strip.rules.normalise_line`), and only lines that pass the guards of
`learnable` are counted at all.

Memory: two passes over the documents.

1. **Survey.** Count each site's documents exactly (one dict entry per site), and add
   every (site, key) pair to a count-min sketch of 8-bit saturating counters,
   ``sketch_depth`` rows of ``sketch_width`` cells (64 MiB by default), with
   conservative update (only the smallest cells grow, which keeps estimates of rare
   lines near their true count). The sketch never under-counts.
2. **Tally.** Now each site's threshold is known. A pair whose sketch estimate
   reaches it is a candidate and is counted exactly in a dict; every other pair is
   forgotten at once. A line that recurs often enough is always a candidate, so the
   exact counts decide, and the result does not depend on the sketch or on the
   order of the documents.

So memory is the sketch, plus one entry per site, plus one per candidate (true
boilerplate, and the rare line the sketch over-estimates): at a million documents
of ten learnable lines each, the sketch's cells hold about 0.6 increments on
average and a line seen once reaches a threshold of 10 with negligible probability.
`bench/learn.py` measures it.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from cleanse.strip.engine import Engine
from cleanse.strip.rules import MAX_LINE_RULE, builtin_rules, normalise_line

__all__ = [
    "DEFAULT_SETTINGS",
    "LearnSettings",
    "LearnedLine",
    "Learner",
    "Sketch",
    "learnable",
]

# A full stop, question or exclamation mark (closing quotes allowed) then a capital:
# two sentences on one line.
_SENTENCE_BREAK = regex.compile(r"[.!?…][\"'»«“”’)\]]*\s+[\p{Lu}\"'„«»“]")
_SENTENCE_END = regex.compile(r"[.!?…][\"'»«“”’)\]]*$")
# Control characters and lone surrogates: a rule file cannot hold them as text.
_UNWRITABLE = regex.compile(r"[\p{Cc}\p{Cs}]")
#: How many spellings of one line are remembered to pick the phrase a rule shows.
SURFACE_SAMPLE = 16


class LearnSettings(NamedTuple):
    """What `cleanse learn` counts and when a line counts as boilerplate.

    - ``min_docs`` (10): a line must recur in at least this many documents of its
      site. Ten documents are evidence of a template; fewer could be a series of
      articles quoting the same sentence.
    - ``min_share`` (0.3): ... and in at least this share of the site's documents.
      A site's slogan or footer is on nearly every page and a support box on many;
      a quotation or a recurring heading ("Fazit") is in a few percent.
    - ``min_chars`` (4): the normalised line must have this many characters and a
      letter, so lone counters, dates and bullets are never learned.
    - ``max_chars`` (150): longer lines are article text; also keeps every learned
      line (with decoration) under the 200 characters ``line`` rules look up.
    - ``max_words`` (20): a template line is short; a longer line is content.
    - ``prose_words`` (10): a line of this many words or more that reads as a
      sentence (ends with ``.`` ``!`` ``?`` or holds two sentences) is never
      learned: syndicated and quoted text looks like that, slogans do not.
    - ``skip_known`` (True): lines the built-in rules already drop are not learned
      again, so the file holds only what is new about each site.
    - ``prepare`` (True): repair and normalise each document first, as the default
      pipeline does before stripping, so learned lines match what the strip step
      sees; False counts the raw lines (faster, for text already cleaned).
    - ``sketch_width`` (2**24), ``sketch_depth`` (4): the count-min sketch of the
      first pass (see the module docstring); its size in bytes is their product.
    """

    min_docs: int = 10
    min_share: float = 0.3
    min_chars: int = 4
    max_chars: int = 150
    max_words: int = 20
    prose_words: int = 10
    skip_known: bool = True
    prepare: bool = True
    sketch_width: int = 1 << 24
    sketch_depth: int = 4

    def check(self) -> LearnSettings:
        """The settings themselves, or `ValueError` naming the bad one."""
        if self.min_docs < 1:
            raise ValueError(f"min_docs must be 1 or more, not {self.min_docs}")
        if not 0.0 < self.min_share <= 1.0:
            raise ValueError(f"min_share must be in (0, 1], not {self.min_share}")
        if not 1 <= self.min_chars <= self.max_chars <= MAX_LINE_RULE - 10:
            raise ValueError(
                f"need 1 <= min_chars <= max_chars <= {MAX_LINE_RULE - 10} "
                "(line rules look up at most 200 characters)"
            )
        if self.max_words < 1 or self.prose_words < 1:
            raise ValueError("max_words and prose_words must be 1 or more")
        width = self.sketch_width
        if width < 64 or width & (width - 1) or not 1 <= self.sketch_depth <= 16:
            raise ValueError(
                "sketch_width must be a power of two (64 or more) and "
                "sketch_depth between 1 and 16"
            )
        return self

    def threshold(self, site_docs: int) -> int:
        """How many documents of a site of ``site_docs`` a line must be in.

        >>> LearnSettings().threshold(20), LearnSettings().threshold(200)
        (10, 60)
        """
        return max(self.min_docs, math.ceil(self.min_share * site_docs - 1e-9))


#: The settings `cleanse learn` uses unless told otherwise.
DEFAULT_SETTINGS = LearnSettings()


def reads_as_sentence(line: str) -> bool:
    """True if ``line`` ends like a sentence or holds two.

    >>> reads_as_sentence("Er sagte: „Wir bleiben.“"), reads_as_sentence("Mehr Infos")
    (True, False)
    """
    text = line.strip()
    return bool(_SENTENCE_END.search(text) or _SENTENCE_BREAK.search(text))


def learnable(line: str, settings: LearnSettings | None = None) -> str | None:
    """The key ``line`` is counted under, or None if the guards keep it out.

    >>> learnable("  Unterstützen Sie unabhängigen Journalismus! ")
    'unterstützen sie unabhängigen journalismus'
    >>> learnable("12.03.2024") is None  # no letters
    True
    >>> learnable("Der Minister sagte am Montag in Berlin, die Lage sei ernst.") is None
    True
    """
    settings = settings or DEFAULT_SETTINGS
    text = line.strip()
    if not text or len(text) > settings.max_chars or _UNWRITABLE.search(text):
        return None
    key = normalise_line(text)
    if len(key) < settings.min_chars or not any(c.isalpha() for c in key):
        return None
    words = len(key.split())
    if words > settings.max_words:
        return None
    if words >= settings.prose_words and reads_as_sentence(text):
        return None
    return key


def pair_hash(site: str | None, key: str) -> int:
    """A 64-bit hash of a (site, key) pair, the same in every process."""
    data = f"{site or ''}\x00{key}".encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


class Sketch:
    """A count-min sketch of 8-bit saturating counters with conservative update.

    >>> sketch = Sketch(width=256, depth=4)
    >>> for _ in range(3):
    ...     sketch.add(pair_hash("a.org", "x"))
    >>> sketch.estimate(pair_hash("a.org", "x")), sketch.estimate(pair_hash("b", "y"))
    (3, 0)
    """

    def __init__(self, width: int, depth: int) -> None:
        self.width = width
        self.depth = depth
        self._mask = width - 1
        self._cells = bytearray(width * depth)

    @property
    def nbytes(self) -> int:
        """The memory the counters take."""
        return len(self._cells)

    def _index(self, h: int) -> list[int]:
        # Double hashing: row r uses h1 + r * h2, so one 64-bit hash serves every
        # row (Kirsch and Mitzenmacher, "Less hashing, same performance", 2006).
        h1, h2 = h & 0xFFFFFFFF, (h >> 32) | 1
        width, mask = self.width, self._mask
        return [r * width + ((h1 + r * h2) & mask) for r in range(self.depth)]

    def add(self, h: int) -> None:
        """Count one occurrence of the item hashed to ``h``."""
        cells = self._cells
        index = self._index(h)
        low = min(cells[i] for i in index)
        if low == 255:
            return
        for i in index:
            if cells[i] == low:
                cells[i] = low + 1

    def estimate(self, h: int) -> int:
        """At least the item's true count (capped at 255)."""
        cells = self._cells
        return min(cells[i] for i in self._index(h))


@dataclass(frozen=True, slots=True)
class LearnedLine:
    """A line that recurs in ``docs`` of the ``site_docs`` documents of ``site``.

    ``site`` is None when the input was not grouped; ``key`` is the normalised
    line; ``line`` the spelling most of its documents print.
    """

    site: str | None
    key: str
    line: str
    docs: int
    site_docs: int

    @property
    def share(self) -> float:
        """The share of the site's documents that carry the line."""
        return self.docs / self.site_docs


@dataclass(slots=True)
class _Tally:
    """An exact count for a candidate line, with a sample of its spellings.

    The sample keeps the `SURFACE_SAMPLE` spellings with the smallest hashes, each
    counted from its first appearance: which spellings those are, and their counts,
    do not depend on the order of the documents.
    """

    docs: int = 0
    surfaces: dict[str, list[int]] = field(default_factory=dict)

    def add(self, surface: str) -> None:
        self.docs += 1
        entry = self.surfaces.get(surface)
        if entry is not None:
            entry[1] += 1
            return
        h = pair_hash(None, surface)
        if len(self.surfaces) >= SURFACE_SAMPLE:
            worst = max(self.surfaces, key=lambda s: self.surfaces[s][0])
            if h >= self.surfaces[worst][0]:
                return
            del self.surfaces[worst]
        self.surfaces[surface] = [h, 1]

    def best(self) -> str:
        """The most printed spelling; the smallest string among equals."""
        return min(self.surfaces, key=lambda s: (-self.surfaces[s][1], s))


class Learner:
    """The two passes of the module docstring: `survey` every document, then `tally`
    every document again (same documents, any order), then read `learned`."""

    def __init__(self, settings: LearnSettings | None = None) -> None:
        settings = (settings or DEFAULT_SETTINGS).check()
        self.settings = settings
        self.sketch = Sketch(settings.sketch_width, settings.sketch_depth)
        self.site_docs: dict[str | None, int] = {}
        self.candidates: dict[tuple[str | None, str], _Tally] = {}
        self._prepare = _preparer() if settings.prepare else None

    def keys(self, text: str) -> Iterator[tuple[str, str]]:
        """Each learnable line of ``text`` once: (key, the line as printed)."""
        if self._prepare is not None:
            text = self._prepare(text)
        seen: set[str] = set()
        for line in text.split("\n"):
            key = learnable(line, self.settings)
            if key is not None and key not in seen:
                seen.add(key)
                yield key, line.strip()

    def survey(self, site: str | None, text: str) -> None:
        """First pass: count the document for its site and its lines in the sketch."""
        self.site_docs[site] = self.site_docs.get(site, 0) + 1
        for key, _ in self.keys(text):
            self.sketch.add(pair_hash(site, key))

    def tally(self, site: str | None, text: str) -> None:
        """Second pass: count exactly the lines that may reach their threshold."""
        site_docs = self.site_docs.get(site, 0)
        if site_docs < self.settings.min_docs:
            return  # too few documents for any line to be learned
        need = min(self.settings.threshold(site_docs), 255)
        for key, surface in self.keys(text):
            tally = self.candidates.get((site, key))
            if tally is None:
                if self.sketch.estimate(pair_hash(site, key)) < need:
                    continue
                tally = self.candidates[(site, key)] = _Tally()
            tally.add(surface)

    def learned(self) -> list[LearnedLine]:
        """The lines that passed, sorted by site and key."""
        known = _known_engine() if self.settings.skip_known else None
        found: list[LearnedLine] = []
        for (site, key), tally in self.candidates.items():
            site_docs = self.site_docs[site]
            if tally.docs < self.settings.threshold(site_docs):
                continue
            line = tally.best()
            if known is not None and known.match_line(line) is not None:
                continue
            found.append(LearnedLine(site, key, line, tally.docs, site_docs))
        found.sort(key=lambda x: (x.site or "", x.key))
        return found


def _preparer() -> Callable[[str], str]:
    from cleanse.normalise import Normalise
    from cleanse.pipeline import Pipeline
    from cleanse.repair import Repair

    return Pipeline((Repair(), Normalise())).clean


def _known_engine() -> Engine:
    return Engine(builtin_rules().rules)
