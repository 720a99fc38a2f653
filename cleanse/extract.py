"""Take the main text out of an HTML page with trafilatura: the first step of HTML mode.

    >>> page = ("<html><body><nav><a href='/'>Home</a></nav><article>"
    ...         "<p>The council met on Monday and agreed a budget for the new year, "
    ...         "after a long debate about the state of the city's roads.</p>"
    ...         "</article><footer>Imprint</footer></body></html>")
    >>> extract_text(page)[:46]
    'The council met on Monday and agreed a budget '
    >>> "Home" in extract_text(page), "Imprint" in extract_text(page)
    (False, False)

The settings in `EXTRACT_DEFAULTS` were chosen by measurement on the pages in
``fixtures/html`` (``python bench/html_settings.py`` prints the comparison, and
``docs/html.md`` records it): token F1 against the hand-made article body, both of
the extraction alone and of the extraction followed by `cleanse.clean`.

trafilatura is imported the first time a page is extracted, never when this module
is imported, so plain-text cleaning never pays for it.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cleanse.document import Document, Edit

__all__ = [
    "EXTRACT_DEFAULTS",
    "LAYOUT_CELL_WORDS",
    "Extract",
    "extract_text",
    "unwrap_layout_tables",
]

#: trafilatura's keyword settings for cleanse, each spelled out so that a change of
#: trafilatura's defaults cannot change our output unnoticed.
EXTRACT_DEFAULTS: dict[str, bool] = {
    # Measured: on the fixture pages favor_recall keeps the most of the article
    # (list items, table cells, short closing paragraphs) and what it keeps in
    # excess is the boilerplate the strip step removes afterwards.
    "favor_precision": False,
    "favor_recall": True,
    # Tables are part of many articles (results, prices, timetables).
    "include_tables": True,
    # Reader comments are not the article; trafilatura's own default keeps them.
    "include_comments": False,
    # trafilatura deduplicates through a cache shared by all documents, so a
    # paragraph's survival would depend on the pages seen before: no hidden state.
    "deduplicate": False,
    # fast=True skips trafilatura's fallback extractors (readability, jusText);
    # measured: a little faster, and worse on pages whose article is not in <article>.
    "fast": False,
}

_MISSING = (
    "HTML mode needs trafilatura, which is not installed: "
    "pip install trafilatura (it is a dependency of cleanse-web; "
    "reinstall the package if it went missing)"
)


def _require_trafilatura() -> None:
    # find_spec looks for the package without importing it: the check stays cheap.
    if importlib.util.find_spec("trafilatura") is None:
        raise ImportError(_MISSING)


def _settings(overrides: dict[str, Any]) -> dict[str, Any]:
    unknown = set(overrides) - set(EXTRACT_DEFAULTS)
    if unknown:
        raise TypeError(
            f"unknown extraction setting {', '.join(sorted(unknown))} "
            f"(known: {', '.join(EXTRACT_DEFAULTS)})"
        )
    return {**EXTRACT_DEFAULTS, **overrides}


#: The output options cleanse always passes: plain text, nothing but the text.
_OUTPUT: dict[str, Any] = {
    "output_format": "txt",
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "with_metadata": False,
}


@lru_cache(maxsize=32)
def _options(settings: tuple[tuple[str, Any], ...]) -> Any:
    """trafilatura's `Extractor` for ``settings``, built once per process.

    ``trafilatura.extract(html, **keywords)`` builds this object on every call,
    reading a dozen values out of its ConfigParser each time: about 35 us, under 2 %
    of extracting a light page (``python -m timeit`` on its constructor;
    ``bench/html_speed.py`` times both ways). trafilatura's extract accepts a
    prebuilt one (``options=``) and copies it before changing anything, so one per
    settings is shared by all pages. `tests/test_extract.py` checks the text is the
    same as the keyword call's on every fixture page.
    """
    from trafilatura.settings import Extractor

    given = dict(settings)
    return Extractor(
        output_format=_OUTPUT["output_format"],
        fast=given["fast"],
        precision=given["favor_precision"],
        recall=given["favor_recall"],
        comments=given["include_comments"],
        formatting=_OUTPUT["include_formatting"],
        links=_OUTPUT["include_links"],
        images=_OUTPUT["include_images"],
        tables=given["include_tables"],
        dedup=given["deduplicate"],
        with_metadata=_OUTPUT["with_metadata"],
    )


#: A cell that holds one of these holds a part of the page, not a value: a heading,
#: a sectioning element, a form or a table of its own.
_LAYOUT_MARKERS = frozenset(
    (
        *("table", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("article", "section", "nav", "header", "footer", "aside", "main", "form"),
    )
)

#: A cell with more words than this holds prose, not a value. The table-layout
#: fixture pages put 80 to 300 words in their content cell; the data tables of the
#: others (results, timetables, prices) at most 6 in any cell.
LAYOUT_CELL_WORDS = 40

_ROW_GROUPS = frozenset(("thead", "tbody", "tfoot"))
_CELLS = frozenset(("td", "th"))
_TABLE_TAG = re.compile("<table", re.IGNORECASE)


def _own_rows(table: Any) -> Iterator[Any]:
    """The rows of ``table`` itself (directly or in a row group), not of a table
    nested in one of its cells."""
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from (row for row in child if row.tag == "tr")


def _is_layout_cell(cell: Any) -> bool:
    if any(element.tag in _LAYOUT_MARKERS for element in cell.iterdescendants()):
        return True
    words = 0
    for piece in cell.itertext():
        words += len(piece.split())
        if words > LAYOUT_CELL_WORDS:
            return True
    return False


def unwrap_layout_tables(tree: Any) -> int:
    """Turn the layout tables of an lxml ``tree`` into plain blocks; return how many.

    Sites built in the 1990s manner lay the whole page out in a ``<table>``:
    navigation in one cell, the article (lines split by ``<br>``) in another, the
    footer in a third. trafilatura takes it for a data table and returns the page as
    a few table rows, navigation, share links and related headlines run together
    with the article in one line, which no line-based cleaning can take apart. A
    table is layout when one of its own cells holds a heading, a sectioning
    element, a form or a table (`_LAYOUT_MARKERS`), or more than
    `LAYOUT_CELL_WORDS` words. Its table, row group, row and cell elements become
    ``<div>`` elements, so trafilatura reads the cells as the blocks they are; data
    tables, nested ones included, stay tables. All tables are judged before any is
    changed.

    >>> from lxml import html
    >>> page = html.fromstring("<div><table><tr><td><h1>News</h1><p>Text</p></td>"
    ...     "</tr></table><table><tr><td>Bus</td><td>6:10</td></tr></table></div>")
    >>> unwrap_layout_tables(page)
    1
    >>> html.tostring(page, encoding=str)[:62]
    '<div><div><div><div><h1>News</h1><p>Text</p></div></div></div>'
    >>> html.tostring(page, encoding=str)[62:]
    '<table><tr><td>Bus</td><td>6:10</td></tr></table></div>'
    """
    layout = [
        table
        for table in tree.iter("table")
        if any(
            _is_layout_cell(cell)
            for row in _own_rows(table)
            for cell in row
            if cell.tag in _CELLS
        )
    ]
    for table in layout:
        for row in _own_rows(table):
            for cell in row:
                if cell.tag in _CELLS:
                    cell.tag = "div"
            row.tag = "div"
        for child in table:
            if child.tag in _ROW_GROUPS:
                child.tag = "div"
        table.tag = "div"
    return len(layout)


def _extract(html: str, settings: dict[str, Any], unwrap: bool) -> str:
    import trafilatura

    options = _options(tuple(sorted(settings.items())))
    source: Any = html
    # Only a page with a table can have a layout table: the others go to
    # trafilatura as they are, which parses them itself.
    if unwrap and _TABLE_TAG.search(html):
        tree = trafilatura.load_html(html)
        if tree is not None:
            unwrap_layout_tables(tree)
            # Parsed now, so passed as it is (trafilatura copies it) rather than
            # parsed twice.
            source = tree
    text = trafilatura.extract(source, options=options)
    # None means trafilatura found no main text: the page has no article for us.
    return text or ""


def extract_text(
    html: str, *, unwrap_layout_tables: bool = True, **settings: bool
) -> str:
    """The main text of ``html`` ("" when the page has none), not yet cleaned.

    Keyword settings override `EXTRACT_DEFAULTS`:
    ``extract_text(html, favor_recall=False)``. ``unwrap_layout_tables=False``
    hands layout tables to trafilatura as tables (see `unwrap_layout_tables`).
    """
    _require_trafilatura()
    return _extract(html, _settings(settings), unwrap_layout_tables)


@dataclass(frozen=True)
class Extract:
    """The extract step: replaces a document's HTML by the page's main text.

    >>> step = Extract(include_tables=False)
    >>> step.name, step.settings["include_tables"]
    ('extract', False)

    It records one edit, rule ``extract.trafilatura`` with action ``extract``, whose
    ``before`` is the HTML and ``after`` the text, so `cleanse.replay` still rebuilds
    the output from the input. Line numbers of later edits count lines of the
    extracted text (HTML lines do not map onto it). ``meta`` gets
    ``extracted="trafilatura"``.
    """

    favor_precision: bool = EXTRACT_DEFAULTS["favor_precision"]
    favor_recall: bool = EXTRACT_DEFAULTS["favor_recall"]
    include_tables: bool = EXTRACT_DEFAULTS["include_tables"]
    include_comments: bool = EXTRACT_DEFAULTS["include_comments"]
    deduplicate: bool = EXTRACT_DEFAULTS["deduplicate"]
    fast: bool = EXTRACT_DEFAULTS["fast"]
    #: Read the cells of layout tables as blocks (`unwrap_layout_tables`); cleanse's
    #: own setting, not trafilatura's.
    unwrap_layout_tables: bool = True
    name: str = "extract"

    def __post_init__(self) -> None:
        # Fail when the pipeline is built, not half-way through a corpus.
        _require_trafilatura()

    @property
    def settings(self) -> dict[str, bool]:
        """The trafilatura keyword settings this step passes."""
        return {key: getattr(self, key) for key in EXTRACT_DEFAULTS}

    def __call__(self, doc: Document) -> Document:
        html = doc.text
        text = _extract(html, self.settings, self.unwrap_layout_tables)
        edit = Edit(
            step=self.name,
            rule="extract.trafilatura",
            action="extract",
            line=0,
            at=0,
            before=html,
            after=text,
        )
        return doc.with_text(
            text, (edit,), tuple(range(1, text.count("\n") + 2))
        ).with_meta(extracted="trafilatura")
