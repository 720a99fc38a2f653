"""A synthetic corpus of several news sites, for `cleanse learn` tests and bench.

Every site prints its own slogan and a two-line footer under every article and a
support box under half of them: that is the boilerplate (`Corpus.boilerplate`;
the footer's copyright line is one the built-in rules know, `Corpus.known`).
Everything else must survive: article paragraphs, one syndicated agency paragraph
and one syndicated headline that every site runs, a quotation a few articles of a
site repeat, and headings ("Fazit", "Hintergrund") many articles use.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

WORDS = (
    "regierung",
    "haushalt",
    "minister",
    "stadt",
    "gericht",
    "urteil",
    "schule",
    "klima",
    "energie",
    "preis",
    "markt",
    "bahn",
    "strecke",
    "woche",
    "montag",
    "dienstag",
    "bericht",
    "kommission",
    "plan",
    "streit",
    "gemeinde",
    "bürger",
    "projekt",
    "kosten",
    "jahr",
    "zahl",
    "region",
    "hafen",
    "brücke",
    "wahl",
    "partei",
)
SITES = (
    "www.nordkurier-test.de",
    "blog.example.org",
    "zeitung.example.at",
    "news.example.ch",
    "example.net",
)
SLOGANS = (
    "Nachrichten aus dem Norden, jeden Tag",
    "The example blog: small stories, told well",
    "Ihre Zeitung für Stadt und Land",
    "Unabhängig. Schweizerisch. Seit 1848",
    "Example Net – read it first",
)
SUPPORT = (
    "Unterstützen Sie unabhängigen Journalismus",
    "Become a supporter of the example blog",
    "Jetzt Abo abschließen und weiterlesen",
    "Unterstützen Sie uns mit einem Beitrag",
    "Support Example Net on Patreon",
)
# Repeated across sites: an agency paragraph (prose, long) and a headline (short).
SYNDICATED = (
    "Die Bundesregierung hat am Mittwoch einen Entwurf für den Haushalt des "
    "kommenden Jahres beschlossen, der deutlich höhere Ausgaben für Verteidigung "
    "und Bildung vorsieht, wie ein Sprecher in Berlin mitteilte."
)
SYNDICATED_HEADLINE = "Bundestag beschließt Haushalt nach langer Debatte"
QUOTATION = "„Wir werden das gemeinsam schaffen“, sagte die Bürgermeisterin."
HEADINGS = ("Fazit", "Hintergrund", "Was bedeutet das für Pendler")


def footer(site: str) -> tuple[str, str]:
    name = site.removeprefix("www.")
    return (f"© {name} – alle Rechte vorbehalten", f"Impressum und Kontakt: {name}")


@dataclass
class Corpus:
    """Documents as (url, text), and the lines that are boilerplate per site host."""

    documents: list[tuple[str, str]] = field(default_factory=list)
    boilerplate: set[tuple[str, str]] = field(default_factory=set)
    # Boilerplate the built-in rules already drop: not learned again.
    known: set[tuple[str, str]] = field(default_factory=set)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 18))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def synthetic_corpus(docs_per_site: int = 200, seed: int = 7) -> Corpus:
    """The corpus of the module docstring; the same for the same arguments."""
    rng = random.Random(seed)
    corpus = Corpus()
    for number, site in enumerate(SITES):
        host = site.removeprefix("www.")
        slogan, support = SLOGANS[number], SUPPORT[number]
        corpus.boilerplate |= {(host, slogan), (host, support)}
        copyright, contact = footer(site)
        corpus.boilerplate.add((host, contact))
        corpus.known.add((host, copyright))
        for index in range(docs_per_site):
            lines = [
                f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} "
                f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
            ]
            for _ in range(rng.randint(3, 7)):
                lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))))
                if rng.random() < 0.08:
                    lines.append(rng.choice(HEADINGS))
            if index % 25 == 3:
                lines.append(QUOTATION)  # 4% of one site's articles
            if index % 3 == 0:
                lines.append(SYNDICATED)  # a third of every site's articles
            if index % 100 == 5:
                lines.insert(0, SYNDICATED_HEADLINE)
            if rng.random() < 0.5:
                lines.append(support)
            lines.append(slogan)
            lines.extend(footer(site))
            url = f"https://{site}/artikel/{index}-{rng.randrange(10**6)}"
            corpus.documents.append((url, "\n".join(lines)))
    rng.shuffle(corpus.documents)
    return corpus
