"""Quotation styles: which marks each language sets, outer and nested, and why.

    >>> style_for("de-DE").outer
    ('„', '“')
    >>> style_for("en-GB").name
    'en-gb'

A style is looked up by language code (``de``, ``pt-BR``) or by style name
(``de-book``, ``ascii``, ``keep``). Every entry names the reference it follows in
``source``; ``docs/quotes.md`` prints the same table.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from cleanse._namedtuple import NamedTuple

__all__ = ["ALIASES", "STYLES", "QuoteStyle", "style_for", "style_names"]

#: The space French typography sets inside guillemets (U+202F NARROW NO-BREAK SPACE).
NNBSP = "\u202f"


class QuoteStyle(NamedTuple):
    """How one language or house style sets quotation marks.

    >>> QuoteStyle("x", ("<", ">"), ("[", "]")).marks(1)
    ('[', ']')

    Fields, in order:

    - ``name``: the key in `STYLES` and the suffix of the edit rule id
      (``quotes.de``).
    - ``outer``: the opening and closing mark of a quotation (nesting depth 0, 2, ...).
    - ``inner``: the marks of a quotation inside a quotation (depth 1, 3, ...).
    - ``outer_space`` / ``inner_space``: the space set just inside the marks of that
      level (U+202F for French guillemets), or ``""`` for none. Spaces found inside
      guillemets (or inside „ ‚) are replaced by it; a style without one removes them.
    - ``apostrophe``: what every apostrophe becomes: U+2019, the typographic
      apostrophe, in every style but ``ascii``.
    - ``source``: the reference the convention comes from.
    """

    name: str
    outer: tuple[str, str]
    inner: tuple[str, str]
    outer_space: str = ""
    inner_space: str = ""
    apostrophe: str = "\u2019"
    source: str = ""

    def marks(self, level: int) -> tuple[str, str]:
        """The opening and closing mark at nesting ``level`` (0 is outermost)."""
        return self.outer if level % 2 == 0 else self.inner

    def space(self, level: int) -> str:
        """The inner space at nesting ``level``."""
        return self.outer_space if level % 2 == 0 else self.inner_space


_CLDR = "CLDR delimiters (quotationStart/End, alternateQuotationStart/End)"
_WIKI = 'Wikipedia, "Quotation mark", summary table'


def _style(
    name: str,
    marks: str,
    source: str,
    *,
    space: tuple[str, str] = ("", ""),
    apostrophe: str = "\u2019",
) -> QuoteStyle:
    # ``marks`` is outer open, outer close, inner open, inner close: four characters.
    return QuoteStyle(
        name,
        (marks[0], marks[1]),
        (marks[2], marks[3]),
        space[0],
        space[1],
        apostrophe,
        source,
    )


STYLES: dict[str, QuoteStyle] = {
    s.name: s
    for s in (
        _style("de", "„“‚‘", f"Duden, Rechtschreibregeln D 157 ff.; {_CLDR} de"),
        _style("de-at", "„“‚‘", f"Österreichisches Wörterbuch; {_CLDR} de_AT"),
        _style(
            "de-book",
            "»«›‹",
            "Duden, Satz- und Korrekturanweisungen: Buchdruck-Anführungszeichen",
        ),
        _style(
            "de-ch",
            "«»‹›",
            f"Schweizer Schreibweisungen (Bundeskanzlei); {_CLDR} de_CH",
        ),
        _style(
            "fr",
            "«»“”",
            "Lexique des règles typographiques en usage à l'Imprimerie nationale "
            "(guillemets with an espace fine insécable inside; “…” nested); "
            f"EU Interinstitutional Style Guide, French annex; {_WIKI}",
            space=(NNBSP, ""),
        ),
        _style(
            "fr-ch",
            "«»‹›",
            f"Guide du typographe (Groupe de Lausanne); {_CLDR} fr_CH",
            space=(NNBSP, NNBSP),
        ),
        _style("it-ch", "«»‹›", f"{_CLDR} it_CH; {_WIKI} (Swiss Italian)"),
        _style("en", "“”‘’", f"The Chicago Manual of Style, 6.9; {_CLDR} en"),
        _style(
            "en-gb",
            "‘’“”",
            "New Hart's Rules (Oxford), ch. 9; EU Interinstitutional Style Guide, "
            "English Style Guide 7.3",
        ),
        _style(
            "es",
            "«»“”",
            f"RAE, Ortografía de la lengua española (2010) 3.4.8; {_CLDR} es",
        ),
        _style("it", "«»“”", f"{_CLDR} it; {_WIKI} (Italian)"),
        _style("pt", "«»“”", f"{_CLDR} pt_PT; {_WIKI} (Portuguese, Portugal)"),
        _style("pt-br", "“”‘’", f"{_CLDR} pt; {_WIKI} (Portuguese, Brazil)"),
        _style(
            "nl", "‘’“”", f"{_CLDR} nl; Taalunie, taaladvies.net 'Aanhalingstekens'"
        ),
        _style("pl", "„”»«", f"{_WIKI} (Polish; PWN style); {_CLDR} pl for „…”"),
        _style("ru", "«»„“", f"{_CLDR} ru; Мильчин, Справочник издателя и автора"),
        _style("uk", "«»„“", f"{_CLDR} uk; Український правопис (2019) § 161"),
        _style("cs", "„“‚‘", f"{_CLDR} cs; Pravidla českého pravopisu"),
        _style("sk", "„“‚‘", f"{_CLDR} sk; Pravidlá slovenského pravopisu"),
        _style(
            "da", "»«›‹", f"Dansk Sprognævn, Retskrivningsregler § 56; {_WIKI} (Danish)"
        ),
        _style("no", "«»‘’", f"{_CLDR} nb, nn; Språkrådet 'Anførselstegn'"),
        _style("sv", "””’’", f"{_CLDR} sv; Svenska skrivregler (Språkrådet)"),
        _style("fi", "””’’", f"{_CLDR} fi; Kielitoimiston ohjepankki 'Lainausmerkit'"),
        _style("hu", "„”»«", f"{_CLDR} hu; A magyar helyesírás szabályai (12th ed.)"),
        _style("ro", "„”«»", f"{_CLDR} ro; DOOM2"),
        _style("el", "«»“”", f"{_CLDR} el"),
        _style("ca", "«»“”", f"{_CLDR} ca; Institut d'Estudis Catalans, Ortografia"),
        _style("tr", "“”‘’", f"{_CLDR} tr; Türk Dil Kurumu, Yazım Kılavuzu"),
        _style(
            "ascii",
            "\"\"''",
            "Straight ASCII marks, for tools that cannot take more",
            apostrophe="'",
        ),
        _style("keep", "\"\"''", "The step is off: every mark stays as it was"),
    )
}

#: Codes and spellings that name another entry. Region subtags not listed here fall
#: back to the language (``en-US`` -> ``en``), see `style_for`.
ALIASES: dict[str, str] = {
    "de-de": "de",
    "de-li": "de-ch",
    "de-lu": "de",
    "en-us": "en",
    "en-uk": "en-gb",
    "en-ie": "en-gb",
    "fr-fr": "fr",
    "fr-be": "fr",
    "fr-lu": "fr",
    "pt-pt": "pt",
    "nb": "no",
    "nn": "no",
    "no-no": "no",
    "sv-fi": "sv",
    "german": "de",
    "english": "en",
    "british": "en-gb",
    "french": "fr",
    "straight": "ascii",
    "off": "keep",
}


def style_names() -> list[str]:
    """Every name `style_for` accepts, sorted."""
    return sorted({*STYLES, *ALIASES})


def style_for(name: str) -> QuoteStyle:
    """The style for a language code (``de``, ``pt-BR``, ``de_CH``) or style name.

    >>> style_for("pt-BR").outer
    ('“', '”')
    >>> style_for("en-AU").name
    'en'

    Raises ValueError naming the valid choices for anything else.
    """
    key = name.strip().lower().replace("_", "-")
    key = ALIASES.get(key, key)
    if key in STYLES:
        return STYLES[key]
    base = key.split("-", 1)[0]
    base = ALIASES.get(base, base)
    if base in STYLES and base not in ("ascii", "keep"):
        return STYLES[base]
    raise ValueError(
        f"unknown quotation style {name!r}; use 'auto', a language code or one of: "
        + ", ".join(style_names())
    )
