"""`NamedTuple` for class syntax, without importing ``typing`` at run time.

    >>> class Pair(NamedTuple):
    ...     left: str
    ...     right: str = ""
    ...     def both(self) -> str:
    ...         return self.left + self.right
    >>> Pair("a"), Pair("a", "b").both(), Pair._fields
    (Pair(left='a', right=''), 'ab', ('left', 'right'))

``typing`` costs the command line about 4 ms to import, and three public tuples
on the plain-text path (`cleanse.normalise.PolicyRow`,
`cleanse.detect.Detection`, `cleanse.quotes.QuoteStyle`) needed nothing else of
it. Modules write ``if TYPE_CHECKING: from typing import NamedTuple`` and take
this one otherwise: the type checker reads ``typing``'s, and at run time the
class is the same ``collections.namedtuple`` that ``typing.NamedTuple`` builds
(fields from the annotations, defaults from the values, methods and docstring
kept), only without its ``__orig_bases__``.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["NamedTuple"]

# Called through a name: type checkers read a direct call as a type definition.
_make: Callable[..., type] = namedtuple

# What a NamedTuple class body may not set, and what namedtuple sets itself.
_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__"})
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__"})


class _NamedTupleMeta(type):
    def __new__(
        cls, typename: str, bases: tuple[type, ...], ns: dict[str, object]
    ) -> type:
        if bases != (NamedTuple,):
            raise TypeError("can only inherit from NamedTuple")
        names = list(ns.get("__annotations__", {}))  # type: ignore[call-overload]
        defaults = [ns[name] for name in names if name in ns]
        if any(name in ns for name in names[: len(names) - len(defaults)]):
            raise TypeError(f"{typename}: a field without default follows one with")
        made = _make(typename, names, defaults=defaults, module=str(ns["__module__"]))
        made.__qualname__ = str(ns.get("__qualname__", typename))
        made.__annotations__ = dict(ns.get("__annotations__", {}))  # type: ignore[call-overload]
        for key, value in ns.items():
            if key in _PROHIBITED:
                raise AttributeError(f"cannot overwrite NamedTuple attribute {key}")
            if key not in _SPECIAL and key not in names:
                setattr(made, key, value)
        return made


#: The base to write ``class Name(NamedTuple): ...`` against (see above). Made
#: with ``type.__new__``: a class statement would run the metaclass on it.
NamedTuple = type.__new__(
    _NamedTupleMeta, "NamedTuple", (), {"__module__": __name__, "__slots__": ()}
)
