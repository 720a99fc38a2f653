"""Stop-word lists for page mode, from the jusText package that trafilatura installs.

jusText (Pomikálek 2011) ships one list per language, made from the most frequent
words of that language's Wikipedia and ordered by frequency. Page mode uses the
whole list to measure how much a line reads like prose, and the 200 most frequent
words of every list for a rough language guess when none is given.

    >>> stoplist_name("de-AT"), stoplist_name("German"), stoplist_name("xx")
    ('German', 'German', None)
    >>> "und" in stoplist("de")
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

__all__ = ["guess_language", "stoplist", "stoplist_name"]

#: ISO 639-1 code -> jusText list name, for every jusText list that has a code.
ISO_TO_JUSTEXT: dict[str, str] = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "an": "Aragonese",
    "hy": "Armenian", "az": "Azerbaijani", "eu": "Basque", "be": "Belarusian",
    "bn": "Bengali", "bs": "Bosnian", "br": "Breton", "bg": "Bulgarian",
    "ca": "Catalan", "cv": "Chuvash", "hr": "Croatian", "cs": "Czech",
    "da": "Danish", "nl": "Dutch", "en": "English", "eo": "Esperanto",
    "et": "Estonian", "fi": "Finnish", "fr": "French", "gl": "Galician",
    "ka": "Georgian", "de": "German", "el": "Greek", "gu": "Gujarati",
    "ht": "Haitian", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian",
    "is": "Icelandic", "io": "Ido", "ig": "Igbo", "id": "Indonesian", "ga": "Irish",
    "it": "Italian", "jv": "Javanese", "kn": "Kannada", "kk": "Kazakh",
    "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lv": "Latvian",
    "lt": "Lithuanian", "lb": "Luxembourgish", "mk": "Macedonian", "ms": "Malay",
    "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi", "ne": "Nepali",
    "nb": "Norwegian_Bokmal", "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk",
    "oc": "Occitan", "fa": "Persian", "pl": "Polish", "pt": "Portuguese",
    "qu": "Quechua", "ro": "Romanian", "ru": "Russian", "sr": "Serbian",
    "sh": "Serbo_Croatian", "sk": "Slovak", "sl": "Slovenian", "es": "Spanish",
    "su": "Sundanese", "sw": "Swahili", "sv": "Swedish", "tl": "Tagalog",
    "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "tk": "Turkmen",
    "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese",
    "vo": "Volapuk", "wa": "Walloon", "cy": "Welsh", "fy": "West_Frisian",
    "yo": "Yoruba",
}  # fmt: skip

#: How many of each list's most frequent words the language guess compares. The
#: same number for every language, so that long lists (Russian has 4,754 words,
#: Dutch 263) do not win by size.
GUESS_WORDS = 200


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    # Imported here, not at module level: justext pulls in lxml.
    import justext

    return frozenset(justext.get_stoplists())


def stoplist_name(lang: str | None) -> str | None:
    """The jusText list name for an ISO code (``de``, ``de-AT``) or a list name."""
    if not lang:
        return None
    if lang in ISO_TO_JUSTEXT.values() or lang in _names():
        return lang
    return ISO_TO_JUSTEXT.get(lang.replace("_", "-").split("-")[0].lower())


@lru_cache(maxsize=16)
def _ordered(name: str) -> tuple[str, ...]:
    import justext

    # get_stoplist returns a set; the frequency order lives in the file itself.
    words = justext.get_stoplist(name)
    path = Path(justext.__file__).parent / "stoplists"
    seen: dict[str, None] = {}
    for word in (path / f"{name}.txt").read_text("utf-8").splitlines():
        low = word.strip().lower()
        if low in words:
            seen.setdefault(low, None)
    return tuple(seen)


@lru_cache(maxsize=16)
def stoplist(lang: str) -> frozenset[str]:
    """The lowercase stop words of ``lang`` (ISO code or jusText list name).

    Empty when jusText has no list for ``lang``.
    """
    name = stoplist_name(lang)
    if name is None or name not in _names():
        return frozenset()
    return frozenset(_ordered(name))


@lru_cache(maxsize=1)
def _guess_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name in sorted(_names()):
        for word in _ordered(name)[:GUESS_WORDS]:
            table.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in table.items()}


def guess_language(tokens: Iterable[str]) -> str | None:
    """The jusText list whose frequent words cover most ``tokens`` (lowercase).

    A rough guess for choosing a stop-word list, not a language detector: ``None``
    when fewer than 3 tokens, or fewer than a tenth of them, hit any list.

    >>> guess_language("the cat sat on the mat and it was happy".split())
    'English'
    """
    table = _guess_table()
    hits: dict[str, int] = {}
    total = 0
    for token in tokens:
        total += 1
        for name in table.get(token, ()):
            hits[name] = hits.get(name, 0) + 1
    if not hits:
        return None
    # Highest count wins; ties go to the alphabetically first name, for determinism.
    best = min(hits, key=lambda name: (-hits[name], name))
    if hits[best] < 3 or hits[best] * 10 < total:
        return None
    return best
