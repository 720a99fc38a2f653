"""Page mode: find the article in full-page text that lost its HTML.

Common Crawl WET records, ``get_text()`` dumps and old corpora keep a page's menus,
link lists, footers and cookie banners around the article. `Page` classifies each
line with features that need no HTML (length, share of stop words in the page's
language, punctuation, separators, cue phrases, repetition, runs of short lines),
smooths the classes by context as jusText does, and keeps the best-scoring run of
lines plus the title above it and a list or table below it. See ``docs/page.md``.

    >>> print(extract_article("Home\\nNews\\nSport\\nThe day was long and all of "
    ...                       "the people in the town said so to anyone who asked."))
    The day was long and all of the people in the town said so to anyone who asked.
"""

from __future__ import annotations

from cleanse.page.step import Page, extract_article, page_language

__all__ = ["Page", "extract_article", "page_language"]
