"""The quotes step: case tables per language, apostrophes, unclear marks, properties.

The case tables live in ``fixtures/quotes/<lang>.json`` (label, input, style,
expected) so that ``bench/quotes.py`` can report accuracy per language from them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleanse.document import Document, replay
from cleanse.quotes import STYLES, Quotes, set_quotes, style_for
from cleanse.quotes.engine import MARK_CHARS, apply_style
from cleanse.quotes.styles import ALIASES, style_names
from tests.strategies import any_text, scraped_text

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "quotes"
NNBSP = "\u202f"


def _tables() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, list):
            params += [
                pytest.param(case, id=f"{path.stem}:{case['label']}") for case in data
            ]
    return params


def test_case_tables_cover_the_languages_of_the_issue() -> None:
    langs = {path.stem for path in CASES.glob("*.json")}
    wanted = {"de", "en", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sk"}
    assert wanted | {"da", "no", "sv", "fi"} <= langs
    unchanged = [
        c for c in _tables() if c.values[0]["input"] == c.values[0]["expected"]
    ]
    assert len(unchanged) >= 20  # already-correct text that must stay as it is


@pytest.mark.parametrize("case", _tables())
def test_case_table(case: dict[str, str]) -> None:
    assert set_quotes(case["input"], case["style"]) == case["expected"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("don't", "don’t"),
        ("Peter's", "Peter’s"),
        ("the Smiths' house", "the Smiths’ house"),
        ("'s Abends", "’s Abends"),
        ("rock 'n' roll", "rock ’n’ roll"),
        ("the '90s", "the ’90s"),
        ("l'homme", "l’homme"),
        ("dell'anno", "dell’anno"),
        ("Geht's?", "Geht’s?"),
        ("Jesus' words", "Jesus’ words"),
        ("don‘t", "don’t"),  # a wrong curly mark between letters is an apostrophe
        ("don’t", "don’t"),
    ],
)
@pytest.mark.parametrize("style", ["de", "en", "fr", "ru", "sv", "pl"])
def test_apostrophes_stay_apostrophes(text: str, expected: str, style: str) -> None:
    assert set_quotes(text, style) == expected
    quoted = f'Er sagte: "{text} ja".'
    assert expected in set_quotes(quoted, style)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("don’t", "don't"), ("the Smiths’ house", "the Smiths' house"), ("l'a", "l'a")],
)
def test_ascii_apostrophes_are_straight(text: str, expected: str) -> None:
    assert set_quotes(text, "ascii") == expected


@pytest.mark.parametrize(
    "text",
    [
        '12" vinyl',
        "He is 5'11\" tall.",
        "5′11″",
        'a lone " mark',
        "a lone ' mark",
        "Home » News » Politik",
        "Accueil › Actualités › Monde",
        "Weiter »",
        "« Zurück",
        'a"b',
        'Er sagte "Hallo und ging.',
        "Hallo‚ Welt",  # U+201A standing for a comma is not a quote
    ],
)
@pytest.mark.parametrize("style", ["de", "en", "fr"])
def test_unclear_marks_are_left_alone(text: str, style: str) -> None:
    assert set_quotes(text, style) == text


def test_multi_paragraph_quotation() -> None:
    text = '"One.\n\n"Two.\n\n"Three."\n\nAfter "x".'
    assert set_quotes(text, "de") == "„One.\n\n„Two.\n\n„Three.“\n\nAfter „x“."


def test_unclosed_paragraph_quote_is_not_carried_over_plain_text() -> None:
    text = 'He said "one\nPlain line.\nclosing" here'
    assert set_quotes(text, "de") == text


def test_de_mixed_fixture() -> None:
    case = json.loads((CASES / "de-mixed.json").read_text(encoding="utf-8"))
    doc = Document.from_text(case["input"]).with_language(case["lang"], 0.99)
    out = Quotes()(doc)
    assert out.text == case["expected"]
    assert replay(case["input"], out.edits) == out.text
    assert {e.rule for e in out.edits} == {"quotes.de"}
    assert all(e.action == "replace" for e in out.edits)
    changed = {e.at for e in out.edits}
    for index, (a, b) in enumerate(
        zip(case["input"].split("\n"), case["expected"].split("\n"), strict=True)
    ):
        assert (index in changed) == (a != b)
    assert Quotes()(out) is out


# The step.


def test_auto_uses_the_document_language() -> None:
    doc = Document.from_text('Il dit "oui".').with_language("fr", 0.9)
    assert Quotes()(doc).text == f"Il dit «{NNBSP}oui{NNBSP}»."


@pytest.mark.parametrize("lang", ["und", "zz", "ja"])
def test_auto_leaves_unknown_languages_alone(lang: str) -> None:
    doc = Document.from_text('He said "yes".').with_language(lang, 0.5)
    assert Quotes()(doc) is doc


def test_keep_is_off_apostrophes_included() -> None:
    doc = Document.from_text('It\'s "fine".').with_language("en", 0.9)
    assert Quotes("keep")(doc) is doc
    assert set_quotes('It\'s "fine".', "keep") == 'It\'s "fine".'


def test_explicit_style_overrides_the_language() -> None:
    doc = Document.from_text('He said "yes".').with_language("en", 0.9)
    out = Quotes("de")(doc)
    assert out.text == "He said „yes“."
    assert [e.rule for e in out.edits] == ["quotes.de"]


def test_unchanged_document_is_returned_as_is() -> None:
    doc = Document.from_text("He said „yes“.").with_language("de", 0.9)
    assert Quotes()(doc) is doc


def test_unknown_style_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match=r"unknown quotation style 'xx'.*de-book"):
        Quotes("xx")
    with pytest.raises(ValueError, match="auto"):
        set_quotes("x", "auto")


@pytest.mark.parametrize(
    ("name", "style"),
    [
        ("de-DE", "de"),
        ("de_CH", "de-ch"),
        ("pt-BR", "pt-br"),
        ("pt-PT", "pt"),
        ("en-US", "en"),
        ("en-GB", "en-gb"),
        ("nb", "no"),
        ("nn", "no"),
        ("fr-CA", "fr"),
        ("ASCII", "ascii"),
    ],
)
def test_style_aliases(name: str, style: str) -> None:
    assert style_for(name).name == style


def test_every_style_has_a_source_and_sane_marks() -> None:
    for name, style in STYLES.items():
        assert style.name == name
        assert style.source
        assert all(len(m) == 1 for m in (*style.outer, *style.inner))
        assert all(m in MARK_CHARS for m in (*style.outer, *style.inner))
    assert set(ALIASES.values()) <= set(STYLES)


def test_docs_list_every_style() -> None:
    docs = (ROOT / "docs" / "quotes.md").read_text(encoding="utf-8")
    for name in STYLES:
        assert f"| `{name}` |" in docs, name


# Properties.

WORDS = ["Haus", "Berlin", "zwei", "und", "oui", "café", "Straße", "day"]
QUOTEY = st.lists(
    st.one_of(
        st.sampled_from([*WORDS, "don't", "l'eau", "5'11", "12", "'90s", "Smiths'"]),
        st.sampled_from([*MARK_CHARS, "``", "''", "′", "″"]),
        st.sampled_from([" ", " ", "\n", "\n\n", ",", ".", "!", "(", ")", "–", NNBSP]),
    ),
    max_size=40,
).map("".join)
# Two marks in a row with nothing but spacing between them ("„‚", "»\u202f\"") are
# read by looking past each other, and a run made up at random (""Haus"") has no
# reading that survives being set; the case tables cover the real runs („‚Hallo).
ADJACENT = regex.compile(f"[{MARK_CHARS}`][\u00a0\u202f\u2009 ]*[{MARK_CHARS}`]")
QUOTEY_SPACED = QUOTEY.filter(lambda t: not ADJACENT.search(t))
STYLE_NAMES = st.sampled_from(sorted(STYLES))
TEXTS = st.one_of(QUOTEY_SPACED, scraped_text.filter(lambda t: not ADJACENT.search(t)))


def _skeleton(text: str) -> str:
    return "".join(
        c
        for c in text
        if c not in MARK_CHARS and c != "`" and (c == "\n" or not c.isspace())
    )


@given(any_text, STYLE_NAMES)
def test_total(text: str, style: str) -> None:
    assert isinstance(set_quotes(text, style), str)


@given(TEXTS, STYLE_NAMES)
def test_only_marks_and_their_spacing_change(text: str, style: str) -> None:
    out = set_quotes(text, style)
    assert out.count("\n") == text.count("\n")
    assert _skeleton(out) == _skeleton(text)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(WORDS),
            st.sampled_from(list("\"'“”‘’‛‟")),
            st.sampled_from([" ", "\n", ".", ",", "5"]),
        ),
        max_size=30,
    ).map("".join),
    st.sampled_from(["de", "en", "ru", "sv", "ascii"]),
)
# Guillemets and the low marks „ ‚ are left out: spaces inside them are inner
# spacing and may go (see docs/quotes.md).
def test_without_spaced_marks_only_mark_characters_change(
    text: str, style: str
) -> None:
    out = set_quotes(text, style)

    def strip(s: str) -> str:
        return "".join(c for c in s if c not in MARK_CHARS)

    assert strip(out) == strip(text)
    assert len(out) == len(text)


@given(TEXTS, STYLE_NAMES)
def test_idempotent(text: str, style: str) -> None:
    once = set_quotes(text, style)
    assert set_quotes(once, style) == once


@given(TEXTS, STYLE_NAMES)
def test_style_then_ascii_is_ascii(text: str, style: str) -> None:
    if style == "keep":
        return
    assert set_quotes(set_quotes(text, style), "ascii") == set_quotes(text, "ascii")


@given(TEXTS, STYLE_NAMES)
def test_deterministic(text: str, style: str) -> None:
    assert set_quotes(text, style) == set_quotes(text, style)


@given(st.text(st.characters(blacklist_characters=MARK_CHARS + "`")), STYLE_NAMES)
def test_text_without_marks_is_unchanged(text: str, style: str) -> None:
    assert set_quotes(text, style) == text


SOURCE_PAIRS = [
    ('"', '"'), ("“", "”"), ("„", "“"), ("„", "”"), ("”", "”"), ("«", "»"),
    ("»", "«"), ("'", "'"), ("‘", "’"), ("‚", "‘"), ("‹", "›"),
]  # fmt: skip

Tree = list[Any]  # words (str) and quotations (list) in order


def _trees(depth: int) -> st.SearchStrategy[Tree]:
    # Every quotation starts and ends with a word: three marks in a row ("'"x) are
    # left alone on purpose.
    leaf = st.sampled_from(WORDS)
    if depth == 0:
        return st.lists(leaf, min_size=1, max_size=3)
    middle = st.lists(st.one_of(leaf, _trees(depth - 1)), max_size=3)
    return st.tuples(leaf, middle, leaf).map(lambda t: [t[0], *t[1], t[2]])


def _render(tree: Tree, marks: Any, level: int = 0) -> str:
    out = []
    for item in tree:
        if isinstance(item, str):
            out.append(item)
        else:
            opening, closing, space = marks(level)
            out.append(
                opening + space + _render(item, marks, level + 1) + space + closing
            )
    return " ".join(out)


@given(_trees(3), st.lists(st.sampled_from(SOURCE_PAIRS), min_size=6), STYLE_NAMES)
def test_balanced_input_gives_balanced_output(
    tree: Tree, sources: list[tuple[str, str]], style: str
) -> None:
    if style == "keep":
        return
    target = style_for(style)
    text = _render(tree, lambda lv: (*sources[lv % len(sources)], ""))
    expected = _render(tree, lambda lv: (*target.marks(lv), target.space(lv)))
    assert set_quotes(text, style) == expected


@given(TEXTS, st.sampled_from(["de", "en", "fr", "pl"]))
def test_step_edits_replay(text: str, lang: str) -> None:
    doc = Document.from_text(text).with_language(lang, 0.9)
    out = Quotes()(doc)
    assert replay(text, out.edits) == out.text
    assert out.text == apply_style(text, style_for(lang))
    assert all(e.rule == f"quotes.{lang}" for e in out.edits)


def test_style_names_lists_aliases_and_styles() -> None:
    names = style_names()
    assert "de-book" in names
    assert "nb" in names


def test_idempotent_after_straight_mark_between_digits() -> None:
    # Found by test_idempotent. One engine pass sets the first “ straight; a second
    # pass would read that " after a digit as an inch mark and pair differently.
    # The step settles such text (Quotes._settled_lines), so it is idempotent.
    once = set_quotes("\"5'11“ Haus“", "ascii")
    assert once == '"5\'11" Haus"'
    assert set_quotes(once, "ascii") == once
