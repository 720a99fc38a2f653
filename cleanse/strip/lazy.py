"""Patterns of the `regex` module, compiled (and `regex` imported) on first use.

    >>> word = LazyPattern(r"\\p{Lu}\\w+")
    >>> word.fullmatch("Berlin") is not None, word.fullmatch("berlin") is None
    (True, True)

Plain-text cleaning often needs none of the strip step's patterns: most lines are
settled by lookups. Importing ``regex`` costs a process about 7 ms, an eighth of the
start-up budget, so nothing on that path compiles a pattern or imports ``regex``
until a line needs one.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    import regex

__all__ = ["LazyPattern"]


class LazyPattern:
    """A ``regex`` pattern compiled on its first use; pickles as its source."""

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: Any) -> None:
        self._source = source
        self._compiled: regex.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        """The pattern's text (subclasses may write it out from ``_source``)."""
        return str(self._source)

    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.pattern)
        return self._compiled

    def match(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self.compiled().match(text, *args, **kwargs)

    def fullmatch(
        self, text: str, *args: Any, **kwargs: Any
    ) -> regex.Match[str] | None:
        return self.compiled().fullmatch(text, *args, **kwargs)

    def search(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self.compiled().search(text, *args, **kwargs)

    def findall(self, text: str, *args: Any, **kwargs: Any) -> list[Any]:
        return self.compiled().findall(text, *args, **kwargs)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled().sub(replacement, text)
