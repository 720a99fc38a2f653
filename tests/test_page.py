"""Page mode: fixtures of full-page dumps in eight languages, and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanse.document import Document, replay
from cleanse.page import Page, extract_article, page_language
from cleanse.page.stopwords import guess_language, stoplist_name
from tests.strategies import any_text, scraped_text

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "page").glob("*/*.json"))
LANGS = sorted({path.parent.name for path in FIXTURES})


def load(path: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads(path.read_text("utf-8"))
    return data


def test_fixtures_cover_the_languages_the_issue_asks_for() -> None:
    assert {"de", "en", "fr", "es", "it", "nl", "pl", "ru"} <= set(LANGS)
    for lang in LANGS:
        assert len([p for p in FIXTURES if p.parent.name == lang]) >= 2, lang


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_exact(path: Path) -> None:
    case = load(path)
    assert extract_article(case["input"], lang=case["lang"]) == case["expected"]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_with_guessed_language(path: Path) -> None:
    case = load(path)
    assert extract_article(case["input"]) == case["expected"]


def _article_lines(case: dict[str, str]) -> tuple[list[str], list[str]]:
    expected = [line for line in case["expected"].split("\n") if line.strip()]
    boiler = [
        line
        for line in case["input"].split("\n")
        if line.strip() and line not in set(expected)
    ]
    return expected, boiler


@pytest.mark.parametrize("lang", LANGS)
def test_per_language_article_lines_kept_and_boilerplate_removed(lang: str) -> None:
    kept = total = removed = boiler_total = 0
    for path in (p for p in FIXTURES if p.parent.name == lang):
        case = load(path)
        out = set(extract_article(case["input"], lang=lang).split("\n"))
        article, boiler = _article_lines(case)
        kept += sum(line in out for line in article)
        total += len(article)
        removed += sum(line not in out for line in boiler)
        boiler_total += len(boiler)
    assert kept / total >= 0.97
    assert removed / boiler_total >= 0.9


def test_edits_replay_and_name_their_reason() -> None:
    case = load(next(p for p in FIXTURES if p.match("de/news-getText.json")))
    doc = Document.from_text(case["input"])
    out = Page(lang="de")(doc)
    assert replay(doc.text, out.edits) == out.text
    rules = {edit.rule for edit in out.edits}
    assert {"page.menu", "page.footer", "page.cookie", "page.share"} <= rules
    assert all(edit.action == "drop" and edit.step == "page" for edit in out.edits)
    assert all(rule.startswith("page.") for rule in rules)


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        # Nothing reads as prose: no anchor, the page is left as it is.
        ("Home\nNews\nSport", "Home\nNews\nSport"),
        ("", ""),
        # A sentence about cookie law inside the article stays.
        (
            "The new law on cookies was passed on Monday by the parliament, and "
            "it will change how all of the sites in the country ask for consent.\n"
            "Many of the people who run small sites said that the rules were not "
            "clear to them at all, and they asked for more time.",
            None,
        ),
        # Menu above, copyright below.
        (
            "Home\nNews\nSport\nThe new law was passed on Monday by the parliament, "
            "and it will change how all of the sites in the country work.\n"
            "© 2024 Paper",
            "The new law was passed on Monday by the parliament, "
            "and it will change how all of the sites in the country work.",
        ),
    ],
)
def test_examples(text_in: str, text_out: str | None) -> None:
    expected = text_in if text_out is None else text_out
    assert extract_article(text_in, lang="en") == expected


def test_language_choice() -> None:
    assert stoplist_name("pl-PL") == "Polish"
    assert page_language("x", "ru") == "Russian"
    dutch = "De gemeente heeft besloten dat de brug van maandag tot en met vrijdag "
    assert page_language(dutch + "gesloten is voor het verkeer.") == "Dutch"
    assert guess_language([]) is None
    doc = Document.from_text("Home\nNews").with_language("de", 0.9)
    assert Page(lang="fr")(doc) is doc


# Properties --------------------------------------------------------------------

SENTENCES = {
    "en": [
        "The treaty was signed in Berlin on Monday by both of the governments.",
        "Both sides said that they were satisfied with the result of the talks.",
        "It is the first agreement of its kind in more than twenty years.",
        "Critics say that the text does not go far enough on the question of trade.",
    ],
    "de": [
        "Der Vertrag wurde am Montag in Berlin von beiden Regierungen unterzeichnet.",
        "Beide Seiten zeigten sich mit dem Ergebnis der Gespräche sehr zufrieden.",
        "Es ist das erste Abkommen dieser Art seit mehr als zwanzig Jahren.",
        "Kritiker sagen, dass der Text in der Frage des Handels nicht weit genug geht.",
    ],
    "fr": [
        "Le traité a été signé lundi à Berlin par les deux gouvernements.",
        "Les deux parties se sont dites satisfaites du résultat des discussions.",
        "C'est le premier accord de ce type depuis plus de vingt ans.",
        "Les critiques disent que le texte ne va pas assez loin sur le commerce.",
    ],
}


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str]:
    """An article-only text: a title, paragraphs, maybe a heading and a list."""
    lang = draw(st.sampled_from(sorted(SENTENCES)))
    pool = SENTENCES[lang]
    lines = [draw(st.sampled_from(["A day in Berlin", "Der Vertrag", "Le traité"]))]
    for _ in range(draw(st.integers(1, 4))):
        paragraph = " ".join(
            draw(st.lists(st.sampled_from(pool), min_size=2, max_size=4))
        )
        lines.extend([*draw(st.sampled_from([[], [""]])), paragraph])
        if draw(st.booleans()):
            items = draw(
                st.lists(st.sampled_from(["Berlin", "Paris", "Rom"]), max_size=4)
            )
            lines.extend(f"- {item}" for item in items)
        if draw(st.booleans()):
            lines.append(
                draw(st.sampled_from(["Background", "Hintergrund", "Contexte"]))
            )
    lines.append(
        " ".join(draw(st.lists(st.sampled_from(pool), min_size=2, max_size=3)))
    )
    return "\n".join(lines), lang


@given(articles())
def test_article_only_text_passes_unchanged(case: tuple[str, str]) -> None:
    text, lang = case
    assert extract_article(text, lang=lang) == text
    assert extract_article(text) == text


pages = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Home",
                "News",
                "Impressum",
                "© 2024 Paper",
                "Home » News » Welt",
                "Lesen Sie auch",
                "Teilen",
                "We use cookies to improve the site.",
                "",
                "Related stories",
                "- Berlin",
                "Stadt | 3,7 | 891",
                "Kommentare",
            ]
        ),
        st.sampled_from([s for pool in SENTENCES.values() for s in pool]),
        st.lists(st.sampled_from(SENTENCES["en"]), min_size=2, max_size=3).map(
            " ".join
        ),
    ),
    max_size=30,
).map("\n".join)


@given(st.one_of(pages, scraped_text))
def test_idempotent_and_deterministic(text: str) -> None:
    once = extract_article(text)
    assert extract_article(once) == once
    assert extract_article(text) == once
    assert extract_article(text, lang="en") == extract_article(text, lang="en")


@given(st.one_of(pages, scraped_text, any_text))
def test_total_and_lines_are_a_subsequence(text: str) -> None:
    doc = Document.from_text(text)
    out = Page()(doc)
    assert replay(text, out.edits) == out.text
    remaining = iter(text.split("\n"))
    if out.text:
        assert all(line in remaining for line in out.text.split("\n"))


def test_prose_in_a_link_block_is_no_anchor() -> None:
    text = (
        "Related stories\nBoth sides said that they were satisfied with the result "
        "of all of the talks in Berlin."
    )
    assert extract_article(text, lang="en") == text
