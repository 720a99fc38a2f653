"""Language detection: which language a text is in, or ``"und"`` when it cannot tell.

    >>> detect_language("Der Vertrag wurde am Montag in Berlin unterzeichnet.").lang
    'de'
    >>> detect_language("OK").lang  # too few letters to tell
    'und'
    >>> detect_language("Die Post", languages=("de", "en", "fr")).lang
    'de'

The answer is langdetect's, with a fixed seed on a private factory, so it depends on
the text alone: not on the process, not on what was detected before. Chinese is
reported as ``zh`` (langdetect's ``zh-cn`` and ``zh-tw`` added together). A long text
is detected on a bounded sample (`sample_text`), so the cost does not grow with its
length. See docs/language.md for the thresholds and how they were measured.

Importing this package imports no detector: the model loads on the first detection.
"""

from __future__ import annotations

from cleanse._frozen import Frozen, _set
from cleanse.detect.backends import (
    BACKENDS,
    UND,
    Detection,
    get_backend,
    require,
)
from cleanse.detect.sampling import has_letters, paragraphs, sample_text
from cleanse.document import UNDETERMINED, Document
from cleanse.quotes.engine import READ_MARKS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from cleanse._protocols import Backend

__all__ = [
    "BACKENDS",
    "MIN_LETTERS",
    "MIN_LETTERS_WITH_CANDIDATES",
    "MIN_SCORE",
    "Backend",
    "Detect",
    "Detection",
    "detect_language",
]


def __getattr__(name: str) -> object:
    # The protocol loads typing: only when asked for (see cleanse._protocols).
    if name == "Backend":
        from cleanse._protocols import Backend

        return Backend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Fewer letters than this (in the sample) and the answer is ``"und"``. Measured on
#: 4,700 labelled sentence prefixes over 47 languages (docs/language.md): langdetect
#: is right 57% of the time at 4 letters, 73% at 8, 78% at 10 and 87% at 16, and its
#: wrong answers on short text often come with a probability above 0.9 (33% of all
#: answers at 4 letters, 14% at 10), so the score alone cannot catch them.
MIN_LETTERS = 10

#: The cut-off when ``languages=`` restricts the candidates: with three candidates
#: langdetect is right 88% of the time at 6 letters (94% at 10).
MIN_LETTERS_WITH_CANDIDATES = 6

#: A top probability below this is ``"und"``. On the labelled sample, answers scored
#: 0.5-0.7 are right 44% of the time on sentences and 35% on two-word texts; answers
#: scored 0.7-0.9 are still right 77% of the time on sentences, so they are kept.
MIN_SCORE = 0.7


def detect_language(
    text: str,
    *,
    languages: Sequence[str] | None = None,
    backend: str | Backend = "auto",
) -> Detection:
    """The language of ``text`` (ISO 639-1) and the detector's confidence.

    ``languages`` restricts the candidates, which makes short text far more accurate;
    ``backend`` names a detector (`BACKENDS`) or is a `Backend` object. Returns
    ``Detection("und", 0.0)`` when there are fewer than `MIN_LETTERS` letters
    (`MIN_LETTERS_WITH_CANDIDATES` with ``languages=``) or the best score is below
    `MIN_SCORE`. Never raises for any ``str``.

    >>> detect_language("The treaty was signed in Berlin on Monday.")
    Detection(lang='en', score=0.99...)
    """
    chosen = get_backend(backend) if isinstance(backend, str) else backend
    return _detect(text, _candidates(languages, chosen), chosen)


def _candidates(
    languages: Sequence[str] | None, backend: Backend
) -> frozenset[str] | None:
    """``languages`` as a checked set, or None for all the backend knows."""
    if languages is None:
        return None
    if isinstance(languages, str):  # "de" would otherwise mean {"d", "e"}
        languages = (languages,)
    wanted = frozenset(code.lower() for code in languages)
    if not wanted:
        raise ValueError("languages= is empty; pass None to allow every language")
    unknown = wanted - backend.languages()
    if unknown:
        raise ValueError(
            f"languages=: the {backend.name} detector knows no language "
            f"{', '.join(sorted(unknown))}; "
            f"it knows {', '.join(sorted(backend.languages()))}"
        )
    return wanted


def read_as_spaces(text: str) -> str:
    """``text`` as the detector reads it: every run of white space, quotation
    marks and apostrophes (`READ_MARKS`) one space, none at the ends.

    >>> read_as_spaces(" \u201eJa\u201c, sagte  sie. ")
    'Ja , sagte sie.'

    Later steps change exactly these characters (normalise and tidy the spaces,
    quotes the marks and the narrow no-break spaces around them), and langdetect's
    answer moved with them, so cleaning a text twice could detect another language
    and set other marks; hypothesis found two such texts. A trailing space adds an
    n-gram (a word's end) and swung a short text from "und" to "de"; and
    langdetect's clean-up counts characters from U+0300 up as non-Latin and drops
    the Latin letters when those outnumber them two to one, which ‘’„“«» could tip
    where ASCII ' and " do not. Otherwise langdetect reads all of them as spaces and
    collapses runs of spaces itself.

    ``str.replace`` and ``str.split`` do in a few microseconds what one regular
    expression over the characters did in thirty on a page's text (``str.split``
    splits at exactly what ``re``'s ``\\s`` matches; the tests check both).
    """
    for mark in READ_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    return " ".join(text.split())


def _detect(
    text: str, candidates: frozenset[str] | None, backend: Backend
) -> Detection:
    sample = sample_text(read_as_spaces(text))
    least = MIN_LETTERS if candidates is None else MIN_LETTERS_WITH_CANDIDATES
    if not has_letters(sample, least):
        return UND
    found = backend(sample, candidates)
    if found.lang == UNDETERMINED or found.score < MIN_SCORE:
        return UND
    return found


class Detect(Frozen):
    """The detect step: sets the document's language, never its text.

    >>> doc = Document.from_text("Das ist ein Satz.\\n\\nThis is a sentence.")
    >>> Detect(languages=("de", "en"), paragraphs=True)(doc).paragraph_langs
    ... # doctest: +ELLIPSIS
    (('de', 0.99...), ('en', 0.99...))
    >>> Detect(lang="de")(doc).lang
    'de'

    - ``lang``: force this language (score 1.0, no detection at all).
    - ``languages``: the candidate languages (ISO 639-1), None for all.
    - ``paragraphs``: also detect each paragraph (blocks between blank lines) into
      ``Document.paragraph_langs``, for mixed-language documents.
    - ``backend``: a name from `BACKENDS`; checked when the step is built, so a
      missing extra fails at once with the ``pip install`` that fixes it.
    - ``only_if``: detect only documents whose text this returns True for; the
      others pass unchanged (``lang`` stays as it was, normally ``"und"``). For a
      pipeline whose result is only the text: `cleanse.quotes.Quotes.needs_language`
      says which texts need the language at all.
    """

    __slots__ = ("backend", "lang", "languages", "name", "only_if", "paragraphs")
    _fields = ("lang", "languages", "paragraphs", "backend", "only_if", "name")

    lang: str | None
    languages: tuple[str, ...] | None
    paragraphs: bool
    backend: str
    only_if: Callable[[str], bool] | None
    name: str

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        lang: str | None = None,
        languages: Sequence[str] | None = None,
        paragraphs: bool = False,
        backend: str = "auto",
        only_if: Callable[[str], bool] | None = None,
        name: str = "detect",
    ) -> None:
        if lang is not None and not (isinstance(lang, str) and lang.strip()):
            raise ValueError(f"lang must be a language code such as 'de', not {lang!r}")
        require(backend)
        if languages is not None:
            # A lone str is one code.
            languages = (languages,) if isinstance(languages, str) else tuple(languages)
            if lang is None:
                _candidates(languages, get_backend(backend))
        _set(self, "lang", lang)
        _set(self, "languages", languages)
        _set(self, "paragraphs", paragraphs)
        _set(self, "backend", backend)
        _set(self, "only_if", only_if)
        _set(self, "name", name)

    def __call__(self, doc: Document) -> Document:
        if self.lang is not None:
            found = Detection(self.lang, 1.0)
            blocks = paragraphs(doc.text) if self.paragraphs else []
            per_block = [found] * len(blocks)
        elif self.only_if is not None and not self.only_if(doc.text):
            return doc
        else:
            backend = get_backend(self.backend)
            candidates = _candidates(self.languages, backend)
            found = _detect(doc.text, candidates, backend)
            per_block = (
                [_detect(b, candidates, backend) for b in paragraphs(doc.text)]
                if self.paragraphs
                else []
            )
        paragraph_langs = tuple((d.lang, d.score) for d in per_block)
        if (doc.lang, doc.lang_score, doc.paragraph_langs) == (
            found.lang,
            found.score,
            paragraph_langs,
        ):
            return doc
        return doc.with_language(found.lang, found.score, paragraph_langs)
