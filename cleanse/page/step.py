"""The page step: find the article in a full-page text dump and drop the rest.

>>> page = "\\n".join([
...     "Startseite", "Politik", "Wirtschaft", "Sport",
...     "Der Vertrag ist unterzeichnet",
...     "Der Vertrag wurde am Montag in Berlin unterzeichnet, und beide "
...     "Seiten waren mit dem Ergebnis zufrieden.",
...     "Impressum", "Datenschutz", "© 2024 Zeitung"])
>>> print(extract_article(page, lang="de"))  # doctest: +NORMALIZE_WHITESPACE
Der Vertrag ist unterzeichnet
Der Vertrag wurde am Montag in Berlin unterzeichnet, und beide Seiten waren mit
dem Ergebnis zufrieden.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleanse.document import UNDETERMINED, Document
from cleanse.lines import Change, rewrite
from cleanse.page.classify import decide
from cleanse.page.features import describe, tokens
from cleanse.page.stopwords import guess_language, stoplist, stoplist_name

__all__ = ["Page", "extract_article", "page_language"]


def page_language(text: str, lang: str | None = None) -> str | None:
    """The jusText stop-word list page mode uses for ``text``, or ``None``.

    ``lang`` wins when there is a list for it; otherwise a rough guess from the
    overlap of the text's words with each list's 200 most frequent words.

    >>> page_language("Le chat est dans la maison avec les enfants.")
    'French'
    >>> page_language("anything", "de")
    'German'
    """
    name = stoplist_name(lang)
    if name is not None and stoplist(name):
        return name
    return guess_language(word for line in text.split("\n") for word in tokens(line))


def extract_article(text: str, *, lang: str | None = None) -> str:
    """The article in a full-page text: `Page` on a plain string."""
    return Page(lang=lang)(Document.from_text(text)).text


@dataclass(frozen=True)
class Page:
    """Page mode: drop menus, link lists, footers and banners around the article.

    ``lang`` is used when the document's language is still undetermined (page mode
    runs before detection); without either, the stop-word list is guessed.

    Rules (each dropped line is one edit): ``page.menu`` (navigation, breadcrumbs,
    rows of separated links), ``page.link-list`` (runs of short lines such as
    related headlines, tag lines), ``page.related`` (a "read also" or comments
    heading), ``page.footer`` (legal links, copyright), ``page.cookie`` (consent
    banners and their buttons), ``page.share`` (share and follow buttons),
    ``page.ad`` (advertisement labels), ``page.repeated`` (a line the page repeats),
    ``page.short-block`` (another short line outside the article),
    ``page.outside`` (prose outside the article: teasers, blurbs, comments) and
    ``page.blank`` (a blank line left between removed lines).
    """

    lang: str | None = None
    name: str = "page"

    def __call__(self, doc: Document) -> Document:
        lang = doc.lang if doc.lang != UNDETERMINED else self.lang
        lines = doc.lines
        list_name = page_language(doc.text, lang)
        stop_words = stoplist(list_name) if list_name else frozenset()
        dropped = decide(describe(lines, stop_words), has_list=bool(stop_words))
        if not dropped:
            return doc
        changes = {i: [Change(rule, None)] for i, rule in dropped.items()}
        for i in _loose_blanks(lines, dropped):
            changes[i] = [Change("page.blank", None)]
        return rewrite(doc, self.name, changes)


def _loose_blanks(lines: list[str], dropped: dict[int, str]) -> list[int]:
    """Blank lines in a gap that lost lines: keep one between kept text, else none.

    A gap is a run of blank and dropped lines between kept lines. Gaps without a
    dropped line stay as they are, so the article's own layout is untouched.
    """
    out: list[int] = []
    gap: list[int] = []
    lost = False
    seen_text = False
    for i, line in enumerate([*lines, "end"]):
        end = i == len(lines)
        if not end and (i in dropped or not line.strip()):
            gap.append(i)
            lost = lost or i in dropped
            continue
        if lost:
            blanks = [j for j in gap if j not in dropped]
            keep_one = seen_text and not end and blanks
            out.extend(blanks[1:] if keep_one else blanks)
        gap, lost, seen_text = [], False, True
    return out
