"""The repair step: ftfy with our configuration, and the exact fast path."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from ftfy import fix_and_explain
from hypothesis import given
from hypothesis import strategies as st

from cleanse.document import Document, replay
from cleanse.repair import (
    TRIGGER_CHARS,
    Repair,
    repair_config,
    repair_line,
    repair_text,
)
from tests.strategies import any_text, scraped_text

CASES = [
    ("WeiÃŸrussland", "Weißrussland"),
    ("CafÃ© au lait", "Café au lait"),
    ("Fish &amp; Chips", "Fish & Chips"),
    ("it&#x2019;s", "it\u2019s"),
    ("ﬁnal ﬂight", "final flight"),
    ("a\x00b\x07c", "abc"),
    ("\x1b[31mred\x1b[0m", "red"),
    ("e\u0301", "\u00e9"),  # NFC
    # Must not change:
    (
        "„Anführungszeichen“ und “quotes” bleiben",
        "„Anführungszeichen“ und “quotes” bleiben",
    ),
    ("ＬＯＵＤ（全角）", "ＬＯＵＤ（全角）"),  # fullwidth kept: CJK typography
    ("AT&T and R&D", "AT&T and R&D"),
    ("<b>&amp;</b>", "<b>&amp;</b>"),  # a line with markup keeps its entities
    ("Grüße aus Köln, Zürich und Łódź", "Grüße aus Köln, Zürich und Łódź"),
    ("Привет, мир", "Привет, мир"),
    ("", ""),
]


@pytest.mark.parametrize(("text_in", "text_out"), CASES)
def test_repair_table(text_in: str, text_out: str) -> None:
    assert repair_text(text_in) == text_out


@given(st.one_of(scraped_text, any_text))
def test_fast_path_gives_exactly_what_ftfy_gives(text: str) -> None:
    for line in text.split("\n"):
        assert repair_line(line) == fix_and_explain(line, repair_config()).text


@given(st.one_of(scraped_text, any_text))
def test_repair_is_idempotent_and_replayable(text: str) -> None:
    doc = Repair()(Document.from_text(text))
    assert Repair()(doc).text == doc.text
    assert replay(text, doc.edits) == doc.text


def test_repair_records_one_edit_per_changed_line() -> None:
    doc = Repair()(Document.from_text("ok\nCafÃ©\nok"))
    assert [(e.rule, e.line, e.before, e.after) for e in doc.edits] == [
        ("repair.ftfy", 2, "CafÃ©", "Café")
    ]


def test_config_keeps_quotes_and_line_breaks_for_later_steps() -> None:
    assert repair_config().uncurl_quotes is False
    assert repair_config().fix_line_breaks is False


def test_trigger_characters_match_ftfys_own_tables() -> None:
    # The fast path's character set is written out so that clean text never imports
    # ftfy; it must stay the set ftfy's fixers can act on.
    import re

    from ftfy.chardata import CONTROL_CHARS, LIGATURES

    expected = set(CONTROL_CHARS) | set(range(0x80, 0xA0)) | set(LIGATURES)
    expected |= {ord("&"), 0x1B} | set(range(0xD800, 0xE000))
    pattern = re.compile(f"[{TRIGGER_CHARS}]")
    found = {c for c in range(0x110000) if pattern.match(chr(c))}
    assert found == expected


def test_clean_ascii_text_does_not_import_ftfy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, cleanse; cleanse.clean('Plain text, nothing to repair.')\n"
        "print('ftfy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert out.stdout.strip() == "False", out.stderr


def _sre() -> tuple[Any, Any]:
    """The standard library's regex parser and its constants."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants as _constants
        import sre_parse as _parser
    return _parser, _constants


def _mandatory_sets(branch: Any) -> list[set[str] | None]:
    """Per item of one branch of a parsed pattern: the characters it matches, or
    None where that is not a plain character class (optional, negated, anchors)."""
    _, C = _sre()  # noqa: N806
    sets: list[set[str] | None] = []
    for op, av in branch.data:
        found: set[str] | None = None
        if op is C.LITERAL:
            found = {chr(av)}
        elif op is C.IN:
            found = set()
            for kind, value in av:
                if kind is C.LITERAL:
                    found.add(chr(value))
                elif kind is C.RANGE:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                else:  # a category or a negation: not a finite set we can use
                    found = None
                    break
        sets.append(found)
    return sets


def test_badness_gate_covers_every_branch_of_ftfys_mojibake_scan() -> None:
    # The gate may only skip ftfy's scan on lines the scan cannot flag: every
    # branch must need two adjacent non-ASCII characters or a gate character.
    from ftfy.badness import BADNESS_RE

    from cleanse.repair import BADNESS_GATE

    _parser, C = _sre()  # noqa: N806
    single_chars, pair = BADNESS_GATE.split("|")
    gate_chars = {chr(c) for c in range(0x110000) if re.fullmatch(single_chars, chr(c))}
    assert pair == "[^\x00-\x7f][^\x00-\x7f]"
    ((op, av),) = _parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data
    assert op is C.BRANCH
    for branch in av[1]:
        sets = _mandatory_sets(branch)
        adjacent = any(
            a is not None and b is not None and min(map(ord, a | b)) > 0x7F
            for a, b in itertools.pairwise(sets)
        )
        single = any(s is not None and s <= gate_chars for s in sets)
        assert adjacent or single, branch


GATE_CASES = [
    "Grüße aus Köln",  # single accented letters: the scan is skipped
    "Ã tout à l'heure",  # the "^Ã " branch of ftfy's scan, on a later line below
    "CafÃ© au lait",
    "Â» suite",
    "nÂ° 5",
    "sÅ“ur",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
    "‚Ä¶ MacRoman",
]


@pytest.mark.parametrize("line", GATE_CASES)
def test_gated_repair_equals_ftfy_on_first_and_later_lines(line: str) -> None:
    expected = fix_and_explain(line, repair_config()).text
    assert repair_line(line) == expected
    doc = Repair()(Document.from_text(f"Ein Satz.\n{line}"))
    assert doc.text == f"Ein Satz.\n{expected}"


@given(
    st.lists(
        st.sampled_from(["Ã", "Â", " ", "a", "é", "€", "\u00a0", "œ", "\n", "ß", "™"]),
        max_size=12,
    ).map("".join)
)
def test_gated_repair_equals_ftfy_on_mojibake_alphabet(text: str) -> None:
    doc = Repair()(Document.from_text(text))
    expected = "\n".join(
        fix_and_explain(line, repair_config()).text for line in text.split("\n")
    )
    assert doc.text == expected
