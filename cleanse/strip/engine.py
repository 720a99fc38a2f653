"""The compiled matcher: every rule of a rule set, in one pass per line.

    >>> from cleanse.strip.rules import builtin_rules
    >>> engine = Engine(builtin_rules().rules)
    >>> found = engine.verdicts(["Ein Satz.", "Schreibe einen Kommentar"])
    >>> {i: rule.id for i, rule in found.items()}
    {1: 'de.comment.schreibe-einen-kommentar'}

A line is looked at once; the lookups cover all rules together:

- ``line`` phrases: one dict from the normalised line (`normalise_line`) to its rule;
- ``line`` patterns: only those whose first and last `NARROW` characters the
  line's fit (`narrow.Narrowing`: classes read from the pattern's syntax, no
  compiling; bit masks remembered per ending), and whose fixed start and end
  (`syntax.fixed_ends`) and one of whose required texts (`narrow.required_texts`)
  the line holds, are fullmatched, in rule order, against the normalised line,
  then against the line with only case and spaces normalised, so a pattern can
  ask for a leading ``©``, a year or a trailing ``*``. A pattern is compiled the
  first time a line gets that far (`describe` has what the engine reads from each
  built-in pattern precomputed);
- ``teaser`` keywords: one anchored alternation per first word of the keywords,
  keyword + separator, then the headline check; only for lines whose first word
  is a keyword's;
- ``tail`` markers: a dict for a marker alone on its line, and one anchored
  alternation per first word for a marker followed by a separator and a title.

`Engine.verdicts` settles most lines in its own loop, without a call per line:
a line that is a ``line`` phrase or a tail marker as it stands is one dict
lookup; a line with nothing to collapse and no space at an end, whose key is the
folded line without ASCII punctuation, digits and symbols at its ends (plain
prose, list items, Markdown headings and table rows), skips normalising, goes to
the patterns only if one's ends, affixes and required texts fit its key or the
line (`Engine._fits_pattern`), and to the keywords only if its first word
(`_folded_first_word`, read with `str` methods) is a keyword's. A line too long
for a ``line`` rule only has its first word looked at. Whether any line has white
space to collapse is asked once per document. The other lines take
`Engine.match_line`'s general path (`Engine._look_closer`). On the fixture
article bodies of ``fixtures/html`` this loop takes 23 µs per document, against
26 µs when only lines starting with a letter and ending with a letter or a full
stop took it (``bench/strip.py`` has the figures in a pipeline).

Guards against losing article text, in the order they apply:

- A ``line`` rule matches a whole normalised line, never a prefix, and only lines of
  at most `MAX_LINE_RULE` characters are looked up; the one exception are the
  ``line`` rules of the ``cookie`` category, which also look at lines of up to
  `MAX_COOKIE_LINE` characters (a consent banner runs to several sentences) whose
  first word (`_first_word`) is the first word of one of their phrases or of a
  fixed start of one of their patterns (`Engine._long_hit`).
- A teaser needs a headline after its keyword: a separator (``:`` ``–`` ``—``
  `` - `` ``|`` ``»`` ``>`` ``→``, two or more spaces, or one space after a keyword
  in capitals), then at least three words starting with a capital, digit or quote
  mark, at most two sentences, and the line at most `MAX_PREFIX_LINE` characters.
  A keyword alone on its line goes, and so does the next line if it is a short
  title (`is_short_title`).
- A tail marker starts a tail. The tail runs over the following lines until the
  first line that looks like prose (`looks_like_prose`). If the tail reaches the end
  of the document (only blank lines and lines other rules drop come after it), its
  title-like lines go with the marker; if prose follows, only the marker goes,
  because then the "tail" was a heading inside the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from cleanse._lazy_re import LazyRe
from cleanse.strip.lazy import LazyPattern
from cleanse.strip.narrow import (
    EDGE,
    Narrowing,
    Trie,
    requirements,
    trie,
)
from cleanse.strip.rules import (
    MAX_COOKIE_LINE,
    MAX_LINE_RULE,
    Rule,
    builtin_data,
    collapse_spaces,
    normalise_line,
    strip_edges,
)

__all__ = [
    "MAX_PREFIX_LINE",
    "MAX_TAIL_TITLE",
    "Engine",
    "is_short_title",
    "looks_like_prose",
]

#: The longest line a teaser or a tail marker with its title can be.
MAX_PREFIX_LINE = 300
#: A tail line longer than this is article text, not a title.
MAX_TAIL_TITLE = 160
#: A headline on its own line after a lone teaser keyword is at most this long.
MAX_LONE_HEADLINE = 100
#: How many characters at each end of a line decide which patterns are tried.
NARROW = EDGE
# The shortest line `Engine._surely_kept` answers for: its key keeps the
# line's first `NARROW` characters.
_FAST_MIN = 8

# Characters `strip_edges` always strips (categories P, S, N, Z; a test checks).
_ASCII_EDGES = "".join(chr(code) for code in range(32, 127) if not chr(code).isalpha())
# Decoration before a keyword: bullets, arrows, bold markers.
_DECOR_CHARS = "*•·►▶→»>|#–—-"
_DECOR = r"[\s*•·►▶→»>|#–—\-]{0,6}"
# Between keyword and headline: punctuation, a spaced dash, or a wide gap.
_SEP = r"(?:\s*[:：|»→>]{1,2}\s*|\s+[\-–—]{1,2}\s+|\s*[–—]\s*|\s{2,})"
_HEAD_START = r"[\p{Lu}\p{Lt}\p{N}\p{Pi}\p{Pf}\p{Ps}\"']"
_HEADLINE = LazyPattern(rf"{_HEAD_START}\S*(?:\s+\S+){{2,}}\s*")
_DIGIT = LazyPattern(r"\d")
_SENTENCE_BREAK = LazyPattern(r"[.!?][\"'»«“”’)]*\s+[\p{Lu}\"'„«»“]")


def looks_like_prose(line: str) -> bool:
    """True for a line that reads as article text rather than a title.

    Prose is longer than `MAX_TAIL_TITLE` characters, or holds a sentence break
    (``. `` followed by a capital), or ends with a full stop after ten or more words.

    >>> looks_like_prose("Brexit: What happens next")
    False
    >>> looks_like_prose("He left. The door stayed open.")
    True
    """
    text = line.strip()
    if len(text) > MAX_TAIL_TITLE or _SENTENCE_BREAK.search(text):
        return True
    return text.endswith(".") and len(text.split()) >= 10


def is_short_title(line: str) -> bool:
    """True for a headline on its own line: short, capitalised, three words or more.

    >>> is_short_title("Der Chef der Armee stirbt")
    True
    >>> is_short_title("und dann ging er nach Hause")
    False
    """
    text = line.strip()
    return (
        len(text) <= MAX_LONE_HEADLINE
        and not text.endswith((".", ",", ";", ":"))
        and _HEADLINE.fullmatch(text) is not None
    )


# The first word: after decoration (as ``str.lstrip`` of these characters would
# take it) and white space, up to white space or a separator. Stdlib ``re`` on
# purpose: its ``\s`` is exactly ``str.isspace``, as ``str.split`` counts it.
_WORD_ENDS = ":：|»>→–—"
_FIRST_WORD = LazyRe(
    "[{}]*\\s*([^\\s{}]*)".format(
        re.escape(_DECOR_CHARS + " \t\u00a0\u202f"), re.escape(_WORD_ENDS)
    )
)


def _first_word(line: str) -> str:
    """The line's first word after decoration, cut at a separator, casefolded.

    >>> _first_word("» LESEN:  Der Chef")
    'lesen'
    """
    found = _FIRST_WORD.match(line)
    word = found[1] if found is not None else ""
    return word.rstrip(".,;!?").casefold()


# Decoration and the spaces `_FIRST_WORD` takes before the first word.
_DECOR_SPACES = _DECOR_CHARS + " \t\u00a0\u202f"


def _first_word_plain(text: str) -> str:
    """`_first_word` with `str` methods and a loop, without compiling its
    pattern: for the few texts an engine reads when it is built, so that
    building one compiles nothing (a test holds the two equal).

    >>> _first_word_plain("» Wir verwenden Cookies")
    'wir'
    """
    rest = text.lstrip(_DECOR_SPACES).lstrip()
    for index, char in enumerate(rest):
        if char.isspace() or char in _WORD_ENDS:
            rest = rest[:index]
            break
    return rest.rstrip(".,;!?").casefold()


def _folded_first_word(folded: str, line: str) -> str:
    """`_first_word` of ``line``, read with `str` methods from ``folded``
    (``line.casefold()``) when the word is letters after decoration, the common
    case; casefolding makes no decoration, space, separator or trailing
    punctuation and changes none (a test checks over all of Unicode), so the
    word is the same.

    >>> _folded_first_word("» lesen: der chef", "» LESEN: Der Chef")
    'lesen'
    """
    rest = folded.lstrip(_DECOR_SPACES)
    if rest[:1].isalpha():
        word = rest.partition(" ")[0].rstrip(".,;!?")
        if word.isalpha():
            return word
    return _first_word(line)


def _keyword(phrase: str) -> str:
    """A phrase as a pattern: its words, escaped, with any white space between.

    >>> _keyword("Lesen Sie  auch:")
    'Lesen\\\\s+Sie\\\\s+auch:'
    """
    import regex  # only ever needed to write out a pattern about to be compiled

    # A word of letters and digits has nothing to escape, and `regex.escape`
    # is a Python loop: skipping it saves a fresh process some milliseconds.
    return r"\s+".join(
        word if word.isalnum() else regex.escape(word) for word in phrase.split()
    )


def _is_caps(phrase: str) -> bool:
    return phrase.isupper()


# A keyword alternative before it is written out: (group name, phrase, form).
_Alternative = tuple[str, str, str]


def _alternative(name: str, phrase: str, form: str) -> str:
    """A keyword as one alternative of its alternation, in group ``name``: a
    ``tail`` marker in any case, a teaser keyword in ``caps`` (then a separator
    or white space) or in ``any case`` (then a separator).

    >>> _alternative("r0", "Tags", "tail")
    '(?P<r0>(?i:Tags))'
    """
    body = _keyword(phrase)
    if form == "tail":
        return f"(?P<{name}>(?i:{body}))"
    if form == "caps":
        return f"(?P<{name}>{body})(?:{_SEP}|\\s)"
    return f"(?P<{name}>(?i:{body})){_SEP}"


Description = tuple[
    tuple[str, ...] | None, tuple[str, ...] | None, Trie | None, Trie | None
]


def describe(pattern: str) -> Description:
    """What the engine reads from a pattern without compiling it: its fixed
    starts and ends (`syntax.fixed_ends`) and the tries of the positions of its
    first and last characters (`syntax.edge_classes`, `narrow.trie`);
    precomputed for the built-in patterns (`cleanse.strip.build`).

    >>> describe(r"tags?: .{1,80}")[0]
    ('tag: ', 'tags: ')
    """
    known = builtin_data().get("patterns", {}).get(pattern)
    if known is None:
        # Imported here: only patterns outside the built-in packs are read.
        from cleanse.strip.syntax import edge_classes, fixed_ends

        heads, tails = edge_classes(pattern)
        return (*fixed_ends(pattern), trie(heads), trie(tails, reverse=True))
    starts, ends, head_trie, tail_trie = known
    return (
        None if starts is None else tuple(starts),
        None if ends is None else tuple(ends),
        head_trie,
        tail_trie,
    )


class _Lazy(LazyPattern):
    """A pattern compiled on its first use.

    An engine holds hundreds of patterns (a keyword alternation per first word,
    every rule pattern and its reverse), and compiling them all cost each process
    about a third of a second at start-up, while a document needs a few of them.
    """

    __slots__ = ()

    def __init__(self, pattern: str | tuple[tuple[_Alternative, ...], str]) -> None:
        # Keyword alternatives (and what follows them) are written out into a
        # pattern on first use too; plain data, so the engine still pickles.
        super().__init__(pattern)

    @property
    def pattern(self) -> str:
        if isinstance(self._source, str):
            return self._source
        alternatives, rest = self._source
        body = "|".join(_alternative(*alternative) for alternative in alternatives)
        return f"{_DECOR}(?:{body}){rest}"


class Engine:
    """All rules of a collection compiled into the lookups described above."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self._lines: dict[str, Rule] = {}
        self._markers: dict[str, Rule] = {}
        self._lone: dict[str, list[tuple[Rule, bool]]] = {}
        patterns: list[str] = []
        # (length, alternative, the first word it matches, casefolded)
        teasers: list[tuple[int, _Alternative, str]] = []
        tails: list[tuple[int, _Alternative, str]] = []
        # First words of the keywords as written (not their capitals): a line
        # starting with none of them (after its decoration) needs no regex.
        self._teaser_first: set[str] = set()
        self._tail_first: set[str] = set()
        self._groups: dict[str, Rule] = {}

        def group(rule: Rule) -> str:
            name = f"r{len(self._groups)}"
            self._groups[name] = rule
            return name

        # Lines longer than MAX_LINE_RULE: only the cookie rules look at them
        # (`_long_hit`), and only when the line's first word is one of theirs.
        self._long_lines: dict[str, Rule] = {}
        long_first: set[str] = set()
        for rule in self.rules:
            if rule.pattern is not None:
                patterns.append(f"(?P<{group(rule)}>{rule.pattern})")
            cookie = rule.category == "cookie"
            for phrase in rule.phrases:
                key = normalise_line(phrase)
                if rule.kind == "line":
                    self._lines.setdefault(key, rule)
                    if cookie:
                        self._long_lines.setdefault(key, rule)
                        long_first.add(_first_word_plain(key))
                    continue
                # The alternatives are written out when their alternation is
                # first compiled: most never are.
                size, word = len(phrase), _first_word_plain(phrase)
                if rule.kind == "tail":
                    self._markers.setdefault(key, rule)
                    self._tail_first.add(word)
                    tails.append((size, (group(rule), phrase, "tail"), word))
                    continue
                self._teaser_first.add(word)
                if _is_caps(phrase):
                    self._lone.setdefault(key, []).append((rule, True))
                    teasers.append((size, (group(rule), phrase, "caps"), word))
                else:
                    self._lone.setdefault(key, []).append((rule, False))
                    upper = phrase.upper()
                    teasers.append((size, (group(rule), phrase, "any case"), word))
                    teasers.append(
                        (
                            size,
                            (group(rule), upper, "caps"),
                            _first_word_plain(upper),
                        )
                    )
        self._phrase_keys = (
            frozenset(self._lines) | set(self._markers) | set(self._lone)
        )
        self._patterns = [_Lazy(p) for p in patterns]
        self._pattern_rules = [rule for rule in self.rules if rule.pattern is not None]
        described = [describe(rule.pattern or "") for rule in self._pattern_rules]
        # Fixed starts and ends of each pattern: a str.startswith or endswith
        # costs a tenth of a regex call that fails.
        self._affixes = [(starts, ends) for starts, ends, _, _ in described]
        # Texts one of which a match of the pattern holds (`required_texts`),
        # and whether every match holds a digit (`requires_digit`), read the
        # first time the pattern is a candidate: a substring test or a search
        # for a digit costs a fraction of a regex call that fails.
        self._required: dict[int, tuple[tuple[str, ...] | None, bool]] = {}
        # Bit masks of the patterns a text's first (last) characters allow, by
        # those characters; filled on first sight.
        self._narrowing = Narrowing((heads, tails) for _, _, heads, tails in described)
        self._heads = self._narrowing.seen_heads
        self._tails_seen = self._narrowing.seen_tails
        self._head_mask = self._narrowing.heads
        self._tail_mask = self._narrowing.tails
        # Longest keyword first, so "Lesen Sie auch" wins over "Lesen".
        self._teaser = self._alternation(teasers, "")
        self._tail = self._alternation(tails, _SEP)
        self._teaser_by_word = self._by_first_word(teasers, "")
        gate = self._teaser_first | self._tail_first
        self._gate_heads = {word[:3] for word in gate if len(word) >= 3}
        self._gate_short = {word for word in gate if len(word) < 3}
        self._gate_words = frozenset(gate)
        self._tail_by_word = self._by_first_word(tails, _SEP)
        # A folded line that is a ``line`` phrase's or a tail marker's key as it
        # stands is its own normalised form (keys are), so `verdicts` looks it
        # up before anything else; line rules win over markers, as in
        # `match_line`.
        self._direct: dict[str, Rule] = {**self._markers, **self._lines}
        self._long_bits = 0
        for index, rule in enumerate(self._pattern_rules):
            if rule.category == "cookie":
                self._long_bits |= 1 << index
                starts = self._affixes[index][0]
                # A pattern that may start with anything cannot be gated by a
                # first word: then every long line is looked at ("" stands
                # for that).
                long_first.update(
                    [""] if starts is None else (_first_word_plain(s) for s in starts)
                )
        self._long_first = frozenset(long_first)
        self._long_any = "" in long_first

    @staticmethod
    def _alternation(
        alternatives: list[tuple[int, _Alternative, str]], rest: str
    ) -> _Lazy | None:
        if not alternatives:
            return None
        ordered = tuple(alt for _, alt, _ in sorted(alternatives, key=lambda a: -a[0]))
        return _Lazy((ordered, rest))

    @classmethod
    def _by_first_word(
        cls, alternatives: list[tuple[int, _Alternative, str]], rest: str
    ) -> dict[str, _Lazy | None]:
        """For each first word, the alternation of the keywords starting with it.

        Each keyword is filed under its own `_first_word` (`_first_word_plain`),
        and an alternative can only match a line whose `_first_word` is that
        word: the alternation takes the line's decoration and white space as
        `_first_word` does, then the keyword, whose first token is followed by
        white space or, for a keyword of one word, by the separator or white
        space the alternative asks for; that is where `_first_word` cuts the
        line's token too, and both cut a separator inside the token and strip
        the same punctuation from its end ("LEIA:" is filed under "leia", as
        "LEIA: Headline" reads). So the keywords of one first word, in the order
        of the whole alternation, give the same answer as the whole for a line
        with that first word, at a fraction of the cost. A keyword with no first
        word at all (only decoration) makes every word use the whole alternation.
        """
        words = {word for _, _, word in alternatives}
        if "" in words:
            return dict.fromkeys(words, cls._alternation(alternatives, rest))
        # Grouped in one pass, in the order given (the alternation's order).
        grouped: dict[str, list[tuple[int, _Alternative, str]]] = {}
        for alternative in alternatives:
            grouped.setdefault(alternative[2], []).append(alternative)
        return {word: cls._alternation(group, rest) for word, group in grouped.items()}

    def _surely_kept(self, folded: str) -> bool:
        """True if no rule can take a plain line whose casefolded form is
        ``folded``: one that starts with a letter, 8 to 200 characters long,
        ends with a letter or a letter and a full stop, has nothing to collapse,
        is no phrase, has a first word of letters that is no keyword's, and
        whose key and line leave no pattern (`_ends_mask`, `_fits_pattern`);
        False means "look closer" (`_look_closer`).

        Most article lines are plain and leave after a few lookups: ``light``
        is ``folded``, and ``key`` is it or it without the full stop.
        """
        last = folded[-1:]
        if last.isalpha():
            key = folded
        elif last == "." and folded[-2:-1].isalpha():
            key = folded[:-1]
        else:
            return False
        if key in self._phrase_keys or not folded.isprintable() or "  " in folded:
            return False
        # The first word: a word of letters is not cut by a separator, so it is
        # `_first_word` (casefold never makes a space of anything but a space).
        word = folded.partition(" ")[0].rstrip(".,;!?")
        if not word.isalpha() or word in self._gate_words:
            return False
        for text in (key, folded) if key is not folded else (key,):
            mask = self._ends_mask(text)
            if mask and self._fits_pattern(text, mask):
                return False
        return True

    def match_line(
        self, line: str, folded: str | None = None
    ) -> tuple[Rule, str] | None:
        """The rule that drops ``line`` on its own, and how: ``line``, ``teaser``,
        ``lone`` (a teaser keyword alone) or ``tail`` (a tail marker); else None.
        ``folded`` is ``line.casefold()`` if the caller has it.

        >>> from cleanse.strip.rules import builtin_rules
        >>> rule, how = Engine(builtin_rules().rules).match_line("Tags: a, b")
        >>> how
        'tail'
        """
        if len(line) <= MAX_LINE_RULE:
            if folded is None:
                folded = line.casefold()
            if (
                len(line) >= _FAST_MIN
                and line[:1].isalpha()
                and self._surely_kept(folded)
            ):
                return None
        return self._look_closer(line, folded)

    def _look_closer(
        self, line: str, folded: str | None, spaced: bool = True
    ) -> tuple[Rule, str] | None:
        """`match_line` for a line `_surely_kept` did not answer; ``spaced``
        False says ``folded`` is printable and holds no two spaces in a row."""
        size = len(line)
        light = ""
        if size <= MAX_LINE_RULE:
            if folded is None:
                folded = line.casefold()
            # ``key`` (`normalise_line`) is ``light`` without its edges; most
            # lines start with a letter and end with one or with a full stop.
            # Without runs or other white space, only a space at an end goes
            # (`str.strip` returns the string itself when there is none).
            light = collapse_spaces(folded) if spaced else folded.strip(" ")
            starts_with_letter = light[:1].isalpha()
            if starts_with_letter and light[-1:].isalpha():
                key = light
            elif starts_with_letter and light[-1:] == "." and light[-2:-1].isalpha():
                key = light[:-1]
            else:
                # ASCII punctuation, symbols, digits and the space are edges:
                # when stripping those leaves letters at both ends, that is all
                # `strip_edges` would strip, without its loop.
                key = light.strip(_ASCII_EDGES)
                if not (key[:1].isalpha() and key[-1:].isalpha()):
                    key = strip_edges(light)
                if not key:
                    return None
            if key in self._phrase_keys:
                rule = self._lines.get(key) or self._markers.get(key)
                if rule is not None:
                    return rule, rule.kind
                for rule, caps in self._lone.get(key, ()):
                    if not caps or line.isupper():
                        return rule, "lone"
            if self._patterns:
                rule = self._pattern_hit(key, light)
                if rule is not None:
                    return rule, "line"
        elif size <= MAX_COOKIE_LINE and self._long_first:
            if _first_word(line) in self._long_first or self._long_any:
                rule = self._long_hit(line)
                if rule is not None:
                    return rule, "line"
            if size > MAX_PREFIX_LINE:
                return None
        elif size > MAX_PREFIX_LINE:
            return None
        # A line that starts with a letter has its first word at the start of
        # ``folded``; when ``light`` is ``folded`` (nothing collapsed), no keyword's
        # first word beginning ``light`` means no keyword can match.
        if (
            light
            and light is folded
            and line[:1].isalpha()
            and light[:3] not in self._gate_heads
            and light[:2] not in self._gate_short
            and light[:1] not in self._gate_short
        ):
            return None
        return self._keyword_hit(line, _first_word(line))

    def _pattern_hit(self, key: str, light: str, only: int = -1) -> Rule | None:
        """The first pattern (in rule order; of those in the bit mask ``only``)
        that fullmatches the normalised line ``key``, else the first that
        fullmatches ``light``."""
        for text in (key, light) if light is not key else (key,):
            for index in self._candidates(text, only):
                if self._patterns[index].fullmatch(text) is not None:
                    return self._pattern_rules[index]
        return None

    def _long_hit(self, line: str) -> Rule | None:
        """The cookie rule that takes ``line``, a line longer than `MAX_LINE_RULE`
        and at most `MAX_COOKIE_LINE` whose first word (`_first_word`) is in
        ``_long_first`` (or any, with ``_long_any``; the callers ask): one of its
        phrases, or one of its patterns fullmatching the normalised line or the
        line with only case and white space normalised."""
        light = collapse_spaces(line.casefold())
        key = strip_edges(light)
        rule = self._long_lines.get(key)
        if rule is None and self._long_bits:
            rule = self._pattern_hit(key, light, self._long_bits)
        return rule

    def _ends_mask(self, text: str) -> int:
        """The patterns whose ends fit ``text``'s first and last `NARROW`
        characters (`Narrowing`, remembered per end)."""
        head = self._heads.get(text[:NARROW])
        if head is None:
            head = self._head_mask(text[:NARROW])
        if not head:
            return 0
        # A mask of 0 is an answer too: no `or` here.
        tail = self._tails_seen.get(text[-NARROW:])
        return head & (self._tail_mask(text[-NARROW:]) if tail is None else tail)

    def _candidates(self, text: str, only: int = -1) -> Iterator[int]:
        """The patterns, in rule order (of those in the bit mask ``only``), that
        ``text``'s ends (`_ends_mask`), fixed affixes and required texts
        (`_may_hold`) leave possible."""
        members = self._ends_mask(text) & only
        while members:
            bit = members & -members
            members ^= bit
            if self._fits_pattern(text, bit):
                yield bit.bit_length() - 1

    def _fits_pattern(self, text: str, members: int) -> bool:
        """True if one of the patterns in ``members`` (a bit mask its ends
        leave, `Narrowing`) may fullmatch ``text``: its fixed affixes fit and
        ``text`` holds what it requires (`_may_hold`)."""
        affixes = self._affixes
        while members:
            bit = members & -members
            members ^= bit
            index = bit.bit_length() - 1
            starts, ends = affixes[index]
            if (
                (starts is None or text.startswith(starts))
                and (ends is None or text.endswith(ends))
                and self._may_hold(index, text)
            ):
                return True
        return False

    def _may_hold(self, index: int, text: str) -> bool:
        """False if ``text`` lacks every text a match of pattern ``index``
        holds (`required_texts`), or lacks a digit when every match holds one
        (`requires_digit`), so the pattern cannot match it."""
        found = self._required.get(index)
        if found is None:
            pattern = self._pattern_rules[index].pattern or ""
            found = self._required[index] = requirements(pattern)
        needed, digit = found
        if needed is not None:
            for part in needed:
                if part in text:
                    break
            else:
                return False
        # The regex module's own \d, which the pattern will use.
        return not digit or _DIGIT.search(text) is not None

    def _keyword_hit(self, line: str, start: str) -> tuple[Rule, str] | None:
        """The teaser or tail marker that starts ``line``, whose first word
        (`_first_word`) is ``start``."""
        # Keyword and separator are matched as a prefix (the rule is the group
        # that matched); what follows is then checked on its own.
        teaser = self._teaser_by_word.get(start)
        if teaser is not None and start in self._teaser_first:
            found = teaser.match(line)
            if found is not None and found.lastgroup is not None:
                head = line[found.end() :]
                if (
                    _HEADLINE.fullmatch(head) is not None
                    and len(_SENTENCE_BREAK.findall(head)) <= 1
                ):
                    return self._groups[found.lastgroup], "teaser"
        marker = self._tail_by_word.get(start)
        if marker is not None and start in self._tail_first:
            found = marker.match(line)
            if (
                found is not None
                and found.lastgroup is not None
                and line[found.end() :].strip()
            ):
                return self._groups[found.lastgroup], "tail"
        return None

    def verdicts(
        self, lines: Sequence[str], folded: str | None = None
    ) -> dict[int, Rule]:
        """For each line index to drop, the rule that drops it.

        ``folded`` is ``"\\n".join(lines).casefold()`` if the caller has it:
        casefolding a document at once is cheaper than line by line, and gives
        the same lines (no character casefolds to or from a line break).
        """
        found: dict[int, Rule] = {}
        markers: list[int] = []
        lone: list[int] = []
        if folded is None:
            folded = "\n".join(lines).casefold()
        folded_lines = folded.split("\n")
        # Whether some line may have white space to collapse (`_surely_kept`
        # asks each line): most documents have none, and one look at the whole
        # tells (the line breaks are the only unprintable characters left).
        spaced = "  " in folded or not folded.replace("\n", " ").isprintable()
        if len(folded_lines) != len(lines):
            folded_lines = [line.casefold() for line in lines]  # lines with breaks
            spaced = True
        direct = self._direct
        phrase_keys = self._phrase_keys
        fits = self._fits_pattern
        heads, tails = self._heads, self._tails_seen
        head_mask, tail_mask = self._head_mask, self._tail_mask
        pattern_hit = self._pattern_hit
        keyword_hit = self._keyword_hit
        look_closer = self._look_closer
        gate = self._gate_words
        long_first, long_any = self._long_first, self._long_any
        longest = MAX_COOKIE_LINE if long_first else MAX_PREFIX_LINE
        for index, folded_line in enumerate(folded_lines):
            if not folded_line:
                continue  # a quarter of an article's lines; no rule takes them
            line = lines[index]
            size = len(line)
            if size > longest:
                continue
            # What `match_line` does, in its order, without a call per line for
            # the lines most documents are made of: those with nothing to collapse
            # and no space at an end, whose key (`normalise_line`) is the folded
            # line without the ASCII punctuation, digits and symbols at its ends.
            # The others take `_look_closer`.
            if size <= MAX_LINE_RULE:
                rule = direct.get(folded_line)
                if rule is not None:
                    found[index] = rule
                    if rule.kind == "tail":
                        markers.append(index)
                    continue
                if (
                    size < _FAST_MIN
                    or folded_line[:1] == " "
                    or folded_line[-1:] == " "
                    or (
                        spaced
                        and ("  " in folded_line or not folded_line.isprintable())
                    )
                ):
                    hit = look_closer(line, folded_line, spaced)
                else:
                    # ``light`` is the folded line itself.
                    if folded_line[:1].isalpha() and folded_line[-1:].isalpha():
                        key = folded_line
                    else:
                        key = folded_line.strip(_ASCII_EDGES)
                    if (
                        not (key[:1].isalpha() and key[-1:].isalpha())
                        or key in phrase_keys
                    ):
                        hit = look_closer(line, folded_line, spaced)
                    else:
                        # The patterns whose ends fit the key, and the line
                        # (`_ends_mask`, written out: this runs for most lines).
                        key_mask = heads.get(key[:NARROW])
                        if key_mask is None:
                            key_mask = head_mask(key[:NARROW])
                        if key_mask:
                            tail = tails.get(key[-NARROW:])
                            key_mask &= (
                                tail_mask(key[-NARROW:]) if tail is None else tail
                            )
                        line_mask = 0
                        if key is not folded_line:
                            seen = heads.get(folded_line[:NARROW])
                            line_mask = (
                                head_mask(folded_line[:NARROW])
                                if seen is None
                                else seen
                            )
                            if line_mask:
                                tail = tails.get(folded_line[-NARROW:])
                                line_mask &= (
                                    tail_mask(folded_line[-NARROW:])
                                    if tail is None
                                    else tail
                                )
                        if (key_mask and fits(key, key_mask)) or (
                            line_mask and fits(folded_line, line_mask)
                        ):
                            # A pattern may match: try them all, in rule order.
                            rule = pattern_hit(key, folded_line)
                            if rule is not None:
                                found[index] = rule
                                continue
                        start = _folded_first_word(folded_line, line)
                        if start not in gate:
                            continue
                        hit = keyword_hit(line, start)
            else:
                # Too long for a ``line`` rule but a cookie rule's (`_long_hit`):
                # only those, then a teaser or a tail marker with its title.
                start = _folded_first_word(folded_line, line)
                if start in long_first or long_any:
                    rule = self._long_hit(line)
                    if rule is not None:
                        found[index] = rule
                        continue
                if size > MAX_PREFIX_LINE or start not in gate:
                    continue
                hit = keyword_hit(line, start)
            if hit is None:
                continue
            found[index] = hit[0]
            if hit[1] == "tail":
                markers.append(index)
            elif hit[1] == "lone":
                lone.append(index)
        self._context(lines, found, markers, lone)
        return found

    def _context(
        self,
        lines: Sequence[str],
        found: dict[int, Rule],
        markers: list[int],
        lone: list[int],
    ) -> None:
        """Add to ``found`` the lines that go because of a neighbour: the short
        headline under a teaser keyword alone on its line (at ``lone``), and the
        titles of the tails that start at ``markers``."""
        for index in lone:
            following = self._next_text_line(lines, index)
            if (
                following is not None
                and following not in found
                and is_short_title(lines[following])
            ):
                found[following] = found[index]
        if markers:
            self._tails(lines, markers, found)

    @staticmethod
    def _next_text_line(lines: Sequence[str], index: int) -> int | None:
        for following in range(index + 1, len(lines)):
            if lines[following].strip():
                return following
        return None

    @staticmethod
    def _tails(
        lines: Sequence[str], markers: list[int], found: dict[int, Rule]
    ) -> None:
        marker_set = set(markers)
        scanned_until = -1
        for start in markers:
            if start < scanned_until:
                continue  # inside the tail of an earlier marker: decided with it
            # Each title goes with the nearest marker above it.
            rule = found[start]
            titles: list[tuple[int, Rule]] = []
            end = start + 1
            reaches_end = True
            while end < len(lines):
                line = lines[end]
                if end in marker_set:
                    rule = found[end]
                elif line.strip() and end not in found:
                    if looks_like_prose(line):
                        reaches_end = False
                        break
                    titles.append((end, rule))
                end += 1
            scanned_until = end
            if reaches_end:
                found.update(titles)
