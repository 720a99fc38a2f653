"""Hypothesis strategies for scraped-looking text.

`any_text` is every ``str`` (lone surrogates and controls included): totality is
tested on it. `scraped_text` leans towards what the steps care about: the invisible
and space characters, quotation marks, line breaks, teaser keywords and CMS strings,
mixed into ordinary words, so properties meet the interesting cases early.
"""

from __future__ import annotations

from hypothesis import strategies as st

any_text = st.text(st.characters(codec=None), max_size=300)

SPECIAL = (
    "\u00a0\u202f\u2009\u200b\u200c\u200d\u00ad\ufeff\u200e\u202e\u2028\u2029"
    "\r\n\t\x0c\x85\x00\x1b"
)
QUOTES = "\"'“”„‟‘’‚‛«»‹›`´′″"

WORDS = (
    "Der",
    "Chef",
    "stirbt",
    "mit",
    "Jahren",
    "LESEN",
    "Lesen",
    "Sie",
    "auch",
    "the",
    "news",
    "Share",
    "this",
    "Leave",
    "a",
    "Reply",
    "Schreibe",
    "einen",
    "Kommentar",
    "Weiterführende",
    "Informationen",
    "l'homme",
    "don't",
    "Tags",
    "Lire",
    "aussi",
    "Related",
    "posts",
    "café",
    "Weißrussland",
    "WeiÃŸrussland",
    "&amp;",
    "&nbsp;",
    "12",
    "5'11",
    "Home",
    "»",
    "–",
    "—",
    ":",
    ".",
    "?",
    "!",
)

fragment = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(SPECIAL),
    st.sampled_from(QUOTES),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\n\n\n"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
)

scraped_text = st.lists(fragment, max_size=60).map("".join)

#: Lines of plain prose in the languages cleanse knows: no artefacts at all.
PROSE = {
    "de": "Der Vertrag wurde am Montag in Berlin unterzeichnet. "
    "Beide Seiten zeigten sich zufrieden.",
    "en": "The treaty was signed in Berlin on Monday. "
    "Both sides said they were satisfied.",
    "fr": "Le traité a été signé lundi à Berlin. "
    "Les deux parties se sont dites satisfaites.",
}
