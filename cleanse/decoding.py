"""Bytes to text, strictly, with errors that say where the damage is.

    >>> decode(b"\\xef\\xbb\\xbfGr\\xc3\\xbc\\xc3\\x9fe")
    'Grüße'
    >>> decode(b"Gr\\xfc\\xdfe", source="page.txt")
    Traceback (most recent call last):
    ...
    cleanse.decoding.DecodeError: page.txt: byte offset 2: invalid UTF-8 (0xfc); ...

cleanse reads UTF-8. A byte-order mark picks UTF-8 or UTF-16 instead. Anything
else is refused rather than guessed: a wrong guess would silently put mojibake into
a corpus, while a refusal can be fixed with ``--encoding`` by someone who knows
the source. Text that was decoded wrongly *before* it reached us is ftfy's job.
"""

from __future__ import annotations

import codecs

__all__ = ["DecodeError", "decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """Bytes that are invalid in their encoding; ``offset`` is the first bad one."""

    def __init__(self, source: str, offset: int, message: str) -> None:
        super().__init__(f"{source}: byte offset {offset}: {message}")
        self.source = source
        self.offset = offset


def decode(data: bytes, *, encoding: str | None = None, source: str = "<input>") -> str:
    """Decode ``data`` as UTF-8 (or ``encoding``), honouring a BOM; never guess.

    ``source`` names the input in error messages (a file name, ``<stdin>``).
    """
    offset = 0
    if encoding is None:
        encoding = "utf-8"
        for bom, name in _BOMS:
            if data.startswith(bom):
                encoding, offset = name, len(bom)
                break
    try:
        return data[offset:].decode(encoding)
    except UnicodeDecodeError as error:
        bad = data[offset + error.start : offset + error.start + 1]
        raise DecodeError(
            source,
            offset + error.start,
            f"invalid {_label(encoding)} (0x{bad.hex()}); if the file is in another "
            "encoding, pass --encoding NAME (for example --encoding latin-1)",
        ) from None
    except LookupError:
        raise DecodeError(source, 0, f"unknown encoding {encoding!r}") from None


def _label(encoding: str) -> str:
    plain = encoding.replace("_", "-").lower()
    return "UTF-8" if plain in ("utf-8", "utf8") else encoding
