"""The few functions most users need: `clean`, `clean_document`, `make_pipeline`.

    >>> clean("Caf\\u00c3\\u00a9 \\u00a0au lait  ")
    'Café au lait'
    >>> clean_document("Der Vertrag wurde am Montag in Berlin unterzeichnet.").lang
    'de'

`make_pipeline` builds the flow of DESIGN.md from keyword options; the result is
cached per set of options, so calling `clean` in a loop costs nothing extra. For
anything unusual, compose a `Pipeline` from the steps yourself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache

from cleanse.document import Document
from cleanse.normalise import Normalise
from cleanse.pipeline import Pipeline
from cleanse.repair import Repair
from cleanse.tidy import Tidy

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

__all__ = ["clean", "clean_document", "make_pipeline"]


def make_pipeline(
    *,
    html: bool = False,
    page: bool = False,
    strip: bool = True,
    rules: Iterable[str | Path] = (),
    disable: str | Iterable[str] = (),
    lang: str | None = None,
    languages: str | Iterable[str] | None = None,
    paragraphs: bool = False,
    detector: str = "auto",
    quotes: str = "auto",
    report_language: bool = True,
) -> Pipeline:
    """The default pipeline, configured by keyword.

    >>> make_pipeline().names
    ('repair', 'normalise', 'strip', 'detect', 'quotes', 'tidy')
    >>> make_pipeline(html=True, page=True, quotes="keep").names
    ('extract', 'repair', 'normalise', 'strip', 'page', 'detect', 'tidy')

    - ``html``: the input is HTML; extract its main text first (trafilatura).
    - ``page``: the input is a full-page text dump (WET, ``get_text()``); keep only
      the article (see docs/page.md).
    - ``strip``: remove boilerplate with the rule packs (default on).
    - ``rules``: more rule files (yours, or learned with ``cleanse learn``).
    - ``disable``: categories, rule ids or id prefixes to switch off, as an iterable
      or a comma-separated string (``"share,de.teaser"``).
    - ``lang``: force the language (no detection); ``languages``: restrict the
      detector's candidates (``("de", "en", "fr")``); ``paragraphs``: also detect
      each paragraph's language; ``detector``: the backend (``auto``,
      ``langdetect``, ``langdetect-rs``, ``py3langid``, ``lingua``).
    - ``quotes``: ``auto`` (the document's language), a language (``de``,
      ``pt-BR``), a style (``de-book``, ``en-gb``), ``ascii``, or ``keep`` (off).
    - ``report_language``: False when only the text is wanted (`clean` and the
      command line's text mode): the language is then detected only for a document
      whose text depends on it (one holding a quotation mark for the quotes step to
      set, or any document when language-specific rules are loaded), and other
      documents keep ``lang`` ``"und"``. The text is the same either way; detection
      is a third of the pipeline's time on short documents.

    Bad values raise ``ValueError`` (or `cleanse.strip.RuleError` for a broken rule
    file) here, before any text is cleaned.
    """
    if isinstance(disable, str):
        disable = disable.split(",")
    if isinstance(languages, str):
        languages = languages.split(",")
    return _build(
        html=html,
        page=page,
        strip=strip,
        rules=tuple(os.fspath(p) for p in rules),
        disable=frozenset(d.strip() for d in disable if d.strip()),
        lang=lang,
        languages=tuple(languages) if languages is not None else None,
        paragraphs=paragraphs,
        detector=detector,
        quotes=quotes,
        report_language=report_language,
    )


@lru_cache(maxsize=64)
def _build(
    *,
    html: bool,
    page: bool,
    strip: bool,
    rules: tuple[str, ...],
    disable: frozenset[str],
    lang: str | None,
    languages: tuple[str, ...] | None,
    paragraphs: bool,
    detector: str,
    quotes: str,
    report_language: bool,
) -> Pipeline:
    from cleanse.detect import Detect
    from cleanse.quotes import Quotes

    steps: list[Any] = []
    if html:
        from cleanse.extract import Extract

        steps.append(Extract())
    steps += [Repair(), Normalise()]
    late_strip = None
    if strip:
        from cleanse.strip import RuleSet, Strip, builtin_rules, load_rules

        extra = tuple(load_rules(path) for path in rules)
        first = Strip(disable=disable, extra=extra)
        steps.append(first)
        # Rules marked language-specific can only act once the language is known,
        # and detection runs on stripped text: they get a second pass after it.
        specific = tuple(
            rule
            for rule in RuleSet.merge(builtin_rules(), *extra).rules
            if rule.lang_specific
        )
        if specific:
            late_strip = Strip(rules=RuleSet(rules=specific), disable=disable)
    elif rules or disable:
        raise ValueError("rules= and disable= need the strip step (strip=True)")
    if page:
        from cleanse.page import Page

        steps.append(Page(lang=lang))
    quotes_step = Quotes(quotes)  # built either way: a bad style fails here
    # Without a language in the result, only the quotes step (and language-specific
    # rules) can use one: detect for the documents it would act on.
    only_if = None
    if not report_language and late_strip is None:
        only_if = quotes_step.needs_language
    steps.append(
        Detect(
            lang=lang,
            languages=languages,
            paragraphs=paragraphs,
            backend=detector,
            only_if=only_if,
        )
    )
    if late_strip is not None:
        steps.append(late_strip)
    if quotes != "keep":
        steps.append(quotes_step)
    steps.append(Tidy())
    return Pipeline(tuple(steps), settle=True)


def clean_document(text: str, **options: Any) -> Document:
    """Clean ``text`` and return the whole `Document` (options: `make_pipeline`)."""
    return make_pipeline(**options).run(text)


def clean(text: str, **options: Any) -> str:
    """Clean ``text`` and return the clean string (options: `make_pipeline`; the
    language is detected only where the text depends on it, as with
    ``report_language=False``)."""
    options.setdefault("report_language", False)
    return make_pipeline(**options).run(text).text
