"""`Frozen`: the base of cleanse's immutable value and step classes.

    >>> class Point(Frozen):
    ...     __slots__ = ("x", "y")
    ...     _fields = ("x", "y")
    ...     def __init__(self, x: int, y: int = 0) -> None:
    ...         _set(self, "x", x)
    ...         _set(self, "y", y)
    >>> p = Point(1)
    >>> p, p == Point(1, 0), p.replace(y=2)
    (Point(x=1, y=0), True, Point(x=1, y=2))
    >>> p.x = 3
    Traceback (most recent call last):
    ...
    cleanse._frozen.FrozenInstanceError: cannot assign to field 'x'

The classes on the plain-text path were frozen dataclasses. ``dataclasses`` costs a
process about 9 ms to import (it imports ``inspect``, ``ast``, ``dis``) and every
decorated class about 0.4 ms more to create, which together was a fifth of the
command line's start-up. What they generated is written out here once instead: a
subclass lists its fields in ``_fields`` (constructor order) and writes its own
``__init__``; this base gives ``__repr__``, ``__eq__`` and ``__hash__`` over the
fields (``_compare`` and ``_repr`` narrow them, as ``field(compare=False)`` and
``field(repr=False)`` did), refuses assignment with `FrozenInstanceError` (an
``AttributeError``, as dataclasses' own is), and gives ``replace(**changes)`` for
``dataclasses.replace``.

Pickling: a class with ``__slots__`` pickles as its constructor call
(``__reduce__``: the class and its fields in order), because pickle would
otherwise restore slots with ``setattr``, which a frozen object refuses. A class
without ``__slots__`` keeps pickle's default (its ``__dict__`` restored as it
was, caches included); it sets ``_pickle_by_fields = False``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    _F = TypeVar("_F", bound="Frozen")

__all__ = ["Frozen", "FrozenInstanceError"]

#: Set an attribute of a frozen object, from its own ``__init__``.
_set = object.__setattr__


def _new(cls: type[Frozen]) -> Frozen:
    """An empty instance, for unpickling (its state goes into ``__dict__``)."""
    return object.__new__(cls)


class FrozenInstanceError(AttributeError):
    """Raised on assigning to (or deleting) a field of a frozen cleanse object."""


class Frozen:
    """Immutable fields with value equality; see the module docstring."""

    __slots__ = ()

    #: The fields, in the constructor's positional order.
    _fields: tuple[str, ...] = ()
    #: The fields equality and the hash look at (default: all of `_fields`).
    _compare: tuple[str, ...] | None = None
    #: The fields ``repr`` shows (default: all of `_fields`).
    _repr: tuple[str, ...] | None = None
    #: Whether pickling goes through the constructor (see the module docstring).
    _pickle_by_fields = True

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _key(self) -> tuple[object, ...]:
        names = self._fields if self._compare is None else self._compare
        return tuple([getattr(self, name) for name in names])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = self._fields if self._repr is None else self._repr
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        if not self._pickle_by_fields:
            # Written into __dict__ directly on load, past __setattr__.
            return (_new, (type(self),), self.__dict__)
        return (type(self), tuple([getattr(self, name) for name in self._fields]))

    def replace(self: _F, **changes: Any) -> _F:
        """A copy with some fields changed, as ``dataclasses.replace`` made."""
        values = {name: getattr(self, name) for name in self._fields}
        unknown = set(changes) - set(values)
        if unknown:
            name = sorted(unknown)[0]
            raise TypeError(f"{type(self).__name__} has no field {name!r}")
        values.update(changes)
        return type(self)(**values)
