"""Repair encoding damage with ftfy: mojibake, HTML entities, control characters.

    >>> repair_text("WeiÃŸrussland &amp; die Ukraine")
    'Weißrussland & die Ukraine'

ftfy is run line by line with `repair_config()`. Most lines of real text hold nothing
any ftfy fixer could act on, so a line is first checked by two compiled patterns
built from ftfy's own tables (`TRIGGER_CHARS`, `BADNESS_GATE`); only lines that could
change go through ftfy. The shortcut gives the very same output as calling ftfy on
every line (a property test compares the two), and it is what makes repair cheap:
on the fixture articles it skips ftfy's mojibake scan on four lines in five of those
that hold any non-ASCII character, and the whole document is checked first, so a
document with nothing to repair costs three scans of its text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from cleanse._frozen import Frozen, _set
from cleanse._lazy_re import LazyRe
from cleanse.document import Document
from cleanse.lines import Change, rewrite

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ftfy import TextFixerConfig

__all__ = [
    "BADNESS_GATE",
    "TRIGGER_CHARS",
    "Repair",
    "may_need_repair",
    "repair_config",
    "repair_line",
    "repair_text",
]


@cache
def repair_config() -> TextFixerConfig:
    """ftfy's configuration for cleanse (ftfy is imported on first use).

    Every field is spelled out so that an ftfy upgrade that changes a default cannot
    change our output unnoticed.
    """
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        # Entities such as &amp; in extracted text are damage; "auto" keeps them on
        # a line that holds a literal "<" (that line is markup: its entities are real).
        unescape_html="auto",
        remove_terminal_escapes=True,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        # "ﬁ" from PDF-to-HTML converters is two letters in every language.
        fix_latin_ligatures=True,
        # Off: fullwidth punctuation is correct typography in Chinese and Japanese
        # text, and ftfy would turn it into ASCII.
        fix_character_width=False,
        # Off: the quotes step sets quotation marks in the language's own style, and
        # it needs to see the curly marks the author used.
        uncurl_quotes=False,
        # Off: line breaks are the normalise step's job, with its own edit ids.
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=True,
        normalization="NFC",
        # Segments are single lines here; ftfy still bounds a giant line at 1M chars.
        max_decode_length=1_000_000,
        explain=False,
    )


#: Characters whose presence could let an enabled ftfy fixer other than the mojibake
#: repair change a line: ftfy's control characters, C1 controls (read as
#: Windows-1252), its Latin ligatures, "&" (entities), ESC (terminal escapes) and
#: surrogates. Kept here as ranges so that clean text never needs to import ftfy;
#: a test rebuilds the set from ftfy's own tables and compares.
TRIGGER_CHARS = (
    "\x00-\x08\x0b\x0e-\x1f&\x7f-\x9f\u0132\u0133\u0149\u01c4-\u01cc"
    "\u01f1-\u01f3\u206a-\u206f\ufb00-\ufb06\ufeff\ufff9-\ufffc\ud800-\udfff"
)
_TRIGGER = re.compile(f"[{TRIGGER_CHARS}]")

#: What a line must hold for ftfy's mojibake detector (``ftfy.badness.is_bad``) to
#: find anything: every branch of its pattern needs either two non-ASCII characters
#: side by side or one of a few characters (C1 controls, "Â", "Ã", "Œ", "œ"). A test
#: derives this from ftfy's own pattern and checks it still covers every branch.
#: The scan is 60 times cheaper than ftfy's, which tries some forty branches at
#: every position; most non-ASCII lines of Latin-script text (single accented
#: letters between ASCII ones) never need it.
BADNESS_GATE = "[\x80-\x9f\u00c2\u00c3\u0152\u0153]|[^\x00-\x7f][^\x00-\x7f]"
# Its two branches, each searched on its own: a pattern that starts with one class
# is scanned for that class in C, while their alternation tried both at every
# position (10 us on a page's text where the two searches take 3).
_GATE_CHARS, _GATE_PAIR = (LazyRe(branch) for branch in BADNESS_GATE.split("|"))


@cache
def _is_bad() -> Callable[[str], bool]:
    from ftfy.badness import is_bad

    return is_bad


_CLEAN, _SURE, _SCAN = 0, 1, 2


def _triage(text: str) -> int:
    """`_SURE` when an ftfy fixer other than the mojibake repair acts on ``text``;
    `_SCAN` when only ftfy's mojibake scan can tell; `_CLEAN` when nothing can.

    Each check looks within a line, so the answer for a whole text is `_CLEAN`
    exactly when it is for every line. (ftfy's scan itself cannot be run on a whole
    text for the same purpose: its pattern has a ``^``.)
    """
    if _TRIGGER.search(text):
        return _SURE
    if text.isascii():
        return _CLEAN
    if not unicodedata.is_normalized("NFC", text):
        return _SURE
    if _GATE_CHARS.search(text) or _GATE_PAIR.search(text):
        return _SCAN
    return _CLEAN


def may_need_repair(text: str) -> bool:
    """False when no line of ``text`` can need ftfy: a cheap first look, the same
    that lets a clean document through the repair step untouched.

    >>> may_need_repair("Köln und Zürich"), may_need_repair("CafÃ©")
    (False, True)
    """
    return _triage(text) != _CLEAN


def _needs_ftfy(line: str) -> bool:
    """False when no enabled ftfy fixer can change ``line``."""
    found = _triage(line)
    return found == _SURE or (found == _SCAN and _is_bad()(line))


def repair_line(line: str, config: TextFixerConfig | None = None) -> str:
    """Repair one line (no ``"\\n"`` in it) exactly as ftfy would, only faster."""
    if not _needs_ftfy(line):
        return line
    from ftfy import fix_and_explain

    config = config or repair_config()
    # ftfy's own bound: a giant line is fixed in segments, as ftfy.fix_text does,
    # so that one 50 MB line costs what fifty 1 MB lines cost.
    size = config.max_decode_length
    if len(line) <= size:
        return fix_and_explain(line, config).text
    return "".join(
        fix_and_explain(line[i : i + size], config).text
        for i in range(0, len(line), size)
    )


def repair_text(text: str, config: TextFixerConfig | None = None) -> str:
    """Repair a whole text line by line; the plain-string form of `Repair`."""
    return "\n".join(repair_line(line, config) for line in text.split("\n"))


class Repair(Frozen):
    """The repair step: ftfy with `repair_config()` (or ``config``) on each line.

    Every repaired line is one ``replace`` edit with rule ``repair.ftfy``.
    """

    __slots__ = ("config", "name")
    _fields = __slots__

    config: TextFixerConfig | None
    name: str

    def __init__(
        self, config: TextFixerConfig | None = None, name: str = "repair"
    ) -> None:
        _set(self, "config", config)
        _set(self, "name", name)

    def __call__(self, doc: Document) -> Document:
        if not may_need_repair(doc.text):
            return doc  # the usual case, decided without looking at lines
        changes: dict[int, list[Change]] = {}
        for index, line in enumerate(doc.text.split("\n")):
            fixed = repair_line(line, self.config)
            if fixed != line:
                changes[index] = [Change("repair.ftfy", fixed)]
        return rewrite(doc, self.name, changes)
