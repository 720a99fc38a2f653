"""The strip step: tables of lines that go and lines that stay, options, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleanse.document import Document, replay
from cleanse.normalise import Normalise
from cleanse.pipeline import Pipeline
from cleanse.repair import Repair
from cleanse.strip import RuleSet, Strip, load_rules, strip_boilerplate
from cleanse.strip.engine import looks_like_prose
from cleanse.tidy import Tidy
from tests.strategies import PROSE, any_text, scraped_text

STRIP = Strip()
# Settling, as the default pipeline does: ftfy reads a line in context, so a text
# that normalise or strip changed can need a repair it did not need before.
PIPELINE = Pipeline((Repair(), Normalise(), STRIP, Tidy()), settle=True)
NBSP = "\u00a0"
BODY = (
    "Der Vertrag wurde am Montag in Berlin unterzeichnet. Beide Seiten waren zufrieden."
)

# (input, output): teasers, widget lines, tails, and text that must NOT change.
CASES = [
    (
        f"{BODY}\nLESEN  Der Chef der Armee stirbt mit 56 Jahren.\n{BODY}",
        f"{BODY}\n{BODY}",
    ),
    (f"{BODY}\nLESEN{NBSP} Der Chef der Armee stirbt mit 56 Jahren.", BODY),
    (f"{BODY}\nLESEN Der Chef der Armee stirbt mit 56 Jahren.", BODY),
    (f"{BODY}\nLesen Sie auch: Der Chef der Armee stirbt", BODY),
    (f"{BODY}\nLesen Sie auch:\nDer Chef der Armee stirbt\n{BODY}", f"{BODY}\n{BODY}"),
    (f"{BODY}\nLesen Sie auch das Kleingedruckte.", None),
    (f"Er sagte: Lesen Sie auch das Kleingedruckte.\n{BODY}", None),
    (f"{BODY}\nLesen Sie auch: der Rest folgt morgen.", None),
    (f"{BODY}\nLesen Sie auch Der Chef der Armee stirbt", None),  # one space, no caps
    (
        "ALSO READ: Nigeria's army chief dies at 56\nThe treaty holds.",
        "The treaty holds.",
    ),
    ("Read more: the full report is online.\nThe treaty holds.", None),
    (
        "Lire aussi | Le traité qui a changé l'Europe\nLe traité tient.",
        "Le traité tient.",
    ),
    (f"{BODY}\nKommentare (3)", BODY),
    (f"{BODY}\nShare this:\nLike this:\nLike Loading...", BODY),
    (f"{BODY}\nKommentare zur Lage gab es keine.", None),
    # tails: titles after the marker go while the tail reaches the end
    (f"{BODY}\nÄhnliche Beiträge\nDer Vertrag von Aachen\nNeue Regeln", BODY),
    (f"{BODY}\nRelated posts\n- First title\n- Second\n\nLeave a Reply", f"{BODY}\n"),
    (f"{BODY}\nTags: Berlin, Vertrag", BODY),
    # a marker followed by prose is a heading inside the article: only it goes
    (f"Related posts\nShort title\n{BODY}", f"Short title\n{BODY}"),
    # a tail never takes article prose with it
    (
        f"{BODY}\nÄhnliche Beiträge\nKurzer Titel\n{BODY}",
        f"{BODY}\nKurzer Titel\n{BODY}",
    ),
    # a long line is never a widget line, even if it starts like one
    ("Share this: " + "word " * 60, None),
    ("", None),
    ("\n\n", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_strip(text: str, expected: str | None) -> None:
    doc = STRIP(Document.from_text(text))
    assert doc.text == (text if expected is None else expected)
    assert replay(text, doc.edits) == doc.text
    if expected is None:
        assert doc.edits == ()


def test_edits_name_rule_and_input_line() -> None:
    text = f"{BODY}\nLESEN  Der Chef der Armee stirbt mit 56 Jahren.\nTeilen"
    edits = STRIP(Document.from_text(text)).edits
    assert [(e.step, e.rule, e.action, e.line) for e in edits] == [
        ("strip", "de.teaser.lesen", "drop", 2),
        ("strip", "de.share.teilen-mit", "drop", 3),
    ]


def test_unchanged_document_is_returned_as_is() -> None:
    doc = Document.from_text(BODY)
    assert STRIP(doc) is doc


def test_disable_by_category_id_and_prefix() -> None:
    text = f"{BODY}\nTeilen mit:\nLESEN Der Chef der Armee stirbt mit 56 Jahren."
    assert Strip(disable=frozenset({"share"}))(Document.from_text(text)).text == (
        f"{BODY}\nTeilen mit:"
    )
    by_prefix = Strip(disable=frozenset({"de.teaser"}))
    assert by_prefix(Document.from_text(text)).text.endswith("56 Jahren.")
    by_id = Strip(disable=frozenset({"de.share.teilen-mit"}))
    assert "Teilen mit:" in by_id(Document.from_text(text)).text
    assert strip_boilerplate(text, disable=frozenset({"de"})) == text


def test_unknown_disable_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="shar"):
        Strip(disable=frozenset({"shar"}))


USER_RULES = """
[pack]
language = "site"
description = "example.com"

[[rule]]
id = "site.meta.slogan"
category = "meta"
kind = "line"
phrases = ["Beispielblatt – die Zeitung für alle"]
description = "The site's slogan under every article"
source = "example.com, seen on every page"
match = ["Beispielblatt – die Zeitung für alle",
  "Beispielblatt – die Zeitung für alle!"]
keep = ["Die Zeitung für alle erschien."]

[[rule]]
id = "site.ad.nur-deutsch"
category = "ad"
kind = "line"
phrases = ["Sonderangebot"]
description = "Only in German documents"
source = "test"
match = ["Sonderangebot", "Sonderangebot!"]
keep = ["Das Sonderangebot lief aus."]
lang_specific = true
"""


def test_extra_rules_and_lang_specific(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text(USER_RULES.replace('"site"', '"de"', 1).replace("site.", "de."))
    step = Strip(extra=(load_rules(path),))
    doc = Document.from_text("Beispielblatt – die Zeitung für alle\nSonderangebot")
    assert step(doc).text == "Sonderangebot"
    assert step(doc.with_language("de", 0.99)).text == ""
    assert step(doc.with_language("en", 0.99)).text == "Sonderangebot"


def test_extra_rules_must_not_repeat_ids(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text(USER_RULES)
    rules = load_rules(path)
    with pytest.raises(ValueError, match="duplicate id"):
        Strip(extra=(rules, rules))
    assert (
        Strip(rules=RuleSet(()), extra=(rules,))(Document.from_text("Teilen")).text
        == "Teilen"
    )


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("Der Vertrag von Aachen", False),
        ("Brexit: What happens next?", False),
        ("He left. The door stayed open.", True),
        (
            "Der Vertrag wurde am Montag von beiden Seiten in Berlin unterzeichnet.",
            True,
        ),
        ("x" * 161, True),
    ],
)
def test_looks_like_prose(line: str, prose: bool) -> None:
    assert looks_like_prose(line) is prose


# --- properties -----------------------------------------------------------------

#: Content lines in several languages, some holding keywords inside sentences.
CONTENT = [
    *PROSE.values(),
    "Er sagte: Lesen Sie auch das Kleingedruckte.",
    "Wir freuen uns, wenn Sie einen Kommentar schreiben.",
    "Die Teilnehmer teilen sich die Kosten für den Bus.",
    "He said: also read the small print.",
    "Share prices fell sharply on Monday, traders said.",
    "Please leave a reply in the box below if you disagree.",
    "Il a dit : lire aussi les petites lignes.",
    "Le traité a été signé lundi à Berlin, a dit le ministre.",
    "El tratado se firmó el lunes en Berlín, dijo el ministro.",
    "Il trattato è stato firmato lunedì a Berlino, ha detto il ministro.",
    "Het verdrag werd maandag in Berlijn ondertekend, zei de minister.",
    "O tratado foi assinado na segunda-feira em Berlim, disse o ministro.",
    "Traktat podpisano w poniedziałek w Berlinie, powiedział minister.",
    "Smlouva byla podepsána v pondělí v Berlíně, řekl ministr.",
    "Fördraget undertecknades i Berlin i måndags, sade ministern.",
    "Traktaten blev underskrevet i Berlin mandag, sagde ministeren.",
    "Договор был подписан в понедельник в Берлине, сказал министр.",
]
content_doc = st.lists(st.sampled_from([*CONTENT, ""]), max_size=12).map("\n".join)


@given(content_doc)
def test_content_only_documents_lose_nothing(text: str) -> None:
    assert STRIP(Document.from_text(text)).text == text


@pytest.mark.parametrize("line", CONTENT)
def test_prose_in_every_language_passes(line: str) -> None:
    assert PIPELINE.clean(line) == line


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    rest = iter(big)
    return all(any(line == other for other in rest) for line in small)


@given(st.one_of(scraped_text, any_text, content_doc))
def test_strip_is_total_conservative_idempotent_deterministic(text: str) -> None:
    doc = STRIP(Document.from_text(text))
    kept = doc.text.split("\n") if doc.text else []
    assert _is_subsequence(kept, text.split("\n"))
    assert replay(text, doc.edits) == doc.text
    assert STRIP(Document.from_text(doc.text)).text == doc.text
    assert STRIP(Document.from_text(text)).text == doc.text


@example("\u00a0\u201d\u00df")  # "”ß" alone is mojibake for "ӧ"; found by hypothesis
@given(st.one_of(scraped_text, content_doc))
def test_pipeline_with_strip_is_idempotent(text: str) -> None:
    once = PIPELINE.clean(text)
    assert PIPELINE.clean(once) == once


def test_a_calendar_heading_at_the_end_keeps_the_list_under_it() -> None:
    # The calendar widget's title is a line rule, not a tail marker: a sports
    # article may end with such a heading and its fixtures.
    fixtures = ["Samstag: Hamburg gegen Bremen", "Sonntag: Köln gegen Mainz"]
    for heading in ("Kalender", "Calendario", "Calendar"):
        opening = "Die Saison beginnt im August, teilte der Verband mit."
        text = "\n".join([opening, "", heading, *fixtures])
        kept = strip_boilerplate(text).split("\n")
        assert heading not in kept
        assert kept[-2:] == fixtures
