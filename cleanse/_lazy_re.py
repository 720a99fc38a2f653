"""Stdlib `re` patterns compiled on their first use.

    >>> runs = LazyRe(" {2,}")
    >>> runs.sub(" ", "a  b"), runs.pattern
    ('a b', ' {2,}')

Compiling a pattern costs ``re`` a few tenths of a millisecond of Python work, and
the modules on the plain-text path held a dozen that most texts never need (line
separators, soft hyphens, mojibake, quotation marks): 4 ms of every start-up. A
`LazyRe` compiles on the first call of one of its methods and then keeps the
compiled pattern's own bound methods as its attributes, so later calls cost what a
module-level compiled pattern's do.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["LazyRe"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


class LazyRe:
    """A `re` pattern compiled on first use (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only reached while the methods are not yet instance attributes.
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyRe({self.pattern!r})"
