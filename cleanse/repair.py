"""Repair encoding damage with ftfy: mojibake, HTML entities, control characters.

    >>> repair_text("WeiÃŸrussland &amp; die Ukraine")
    'Weißrussland & die Ukraine'

ftfy is run line by line with `REPAIR_CONFIG`. Most lines of real text hold nothing
any ftfy fixer could act on, so a line is first checked by one compiled pattern
built from ftfy's own tables; only lines that could change go through ftfy. The
shortcut gives the very same output as calling ftfy on every line (a property test
compares the two), and it is what makes repair cheap on clean text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex
from ftfy import TextFixerConfig, fix_and_explain
from ftfy.badness import is_bad
from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

from cleanse.document import Document
from cleanse.lines import Change, rewrite

__all__ = ["REPAIR_CONFIG", "Repair", "repair_text"]

#: ftfy's configuration for cleanse. Every field is spelled out so that an ftfy
#: upgrade that changes a default cannot change our output unnoticed.
REPAIR_CONFIG = TextFixerConfig(
    # Entities such as &amp; in extracted text are damage; "auto" keeps them on a
    # line that holds a literal "<" (that line is markup, and its entities are real).
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
    # Off: the quotes step sets quotation marks in the language's own style, and it
    # needs to see the curly marks the author used.
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


def _trigger_pattern() -> regex.Pattern[str]:
    """Characters whose presence could let some enabled ftfy fixer change a line."""
    chars: set[int] = set(CONTROL_CHARS)
    chars.update(range(0x80, 0xA0))  # C1 controls, read as Windows-1252
    chars.update(LIGATURES)  # keys are code points
    if REPAIR_CONFIG.fix_character_width:
        chars.update(WIDTH_MAP)
    chars.update((ord("&"), 0x1B))  # entities, terminal escapes
    singles = "".join(f"\\U{c:08x}" for c in sorted(chars) if not 0xD800 <= c <= 0xDFFF)
    return regex.compile(f"[{singles}\\p{{Cs}}]")


_TRIGGER = _trigger_pattern()


def _needs_ftfy(line: str) -> bool:
    if _TRIGGER.search(line):
        return True
    if line.isascii():
        return False
    return is_bad(line) or not unicodedata.is_normalized("NFC", line)


def repair_line(line: str, config: TextFixerConfig = REPAIR_CONFIG) -> str:
    """Repair one line (no ``"\\n"`` in it) exactly as ftfy would, only faster."""
    if not _needs_ftfy(line):
        return line
    return fix_and_explain(line, config).text


def repair_text(text: str, config: TextFixerConfig = REPAIR_CONFIG) -> str:
    """Repair a whole text line by line; the plain-string form of `Repair`."""
    return "\n".join(repair_line(line, config) for line in text.split("\n"))


@dataclass(frozen=True)
class Repair:
    """The repair step: ftfy with `REPAIR_CONFIG` (or ``config``) on each line.

    Every repaired line is one ``replace`` edit with rule ``repair.ftfy``.
    """

    config: TextFixerConfig = field(default=REPAIR_CONFIG)
    name: str = "repair"

    def __call__(self, doc: Document) -> Document:
        changes: dict[int, list[Change]] = {}
        for index, line in enumerate(doc.text.split("\n")):
            fixed = repair_line(line, self.config)
            if fixed != line:
                changes[index] = [Change("repair.ftfy", fixed)]
        return rewrite(doc, self.name, changes)
