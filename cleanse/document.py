"""The two values every step passes along: the `Document` and the `Edit`s made to it.

A document is immutable. A step never changes one; it returns a new document whose
``edits`` tuple has grown by the changes that step made. Edits work on lines (the
text split on ``"\\n"``), and they are *replayable*: `replay(original, doc.edits)`
rebuilds ``doc.text`` from the text the pipeline started with, which is how the
tests prove that the record of changes is complete and honest.

    >>> doc = Document.from_text("a\\nb")
    >>> doc.text, doc.lang, doc.edits
    ('a\\nb', 'und', ())
"""

from __future__ import annotations

from cleanse._frozen import Frozen, _set

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Literal, TypeAlias

__all__ = ["UNDETERMINED", "Document", "Edit", "ReplayError", "replay"]

#: The language code for "the detector cannot tell" (ISO 639-2 ``und``).
UNDETERMINED = "und"

#: What an edit did to its line: ``drop`` removed it; ``replace`` swapped its text
#: (the new text may hold ``"\n"`` and so become several lines); ``extract`` replaced
#: the whole input, as HTML extraction does.
Action: TypeAlias = 'Literal["drop", "replace", "extract"]'


class Edit(Frozen):
    """One change one step made to one line.

    >>> Edit(step="strip", rule="de.comment.schreibe-einen-kommentar", action="drop",
    ...      line=12, at=9, before="Schreibe einen Kommentar", after="")
    ... # doctest: +ELLIPSIS
    Edit(step='strip', rule='de.comment.schreibe-einen-kommentar', action='drop', ...)

    Fields:

    - ``step``: the name of the step that made the change (``repair``, ``strip`` ...).
    - ``rule``: a stable id for why (``normalise.nbsp``, ``de.teaser.lesen``); users
      disable rules and count removals by it.
    - ``action``: ``drop``, ``replace`` or ``extract`` (see `Action`).
    - ``line``: the 1-based number of the line in the *input* this line came from, for
      people reading ``--explain``; 0 where no single input line applies.
    - ``at``: the 0-based index of the line in the text *as it was just before this
      edit*, which is what `replay` needs. Edits apply in order.
    - ``before``: the line's text before the change (the whole text for ``extract``).
      A run of consecutive blank lines dropped by one rule is one edit whose
      ``before`` is those lines joined by ``"\n"``, so that a page of ten thousand
      empty lines costs one edit, not ten thousand.
    - ``after``: its text after the change; ``""`` for a drop.
    """

    __slots__ = ("action", "after", "at", "before", "line", "rule", "step")
    _fields = ("step", "rule", "action", "line", "at", "before", "after")

    step: str
    rule: str
    action: Action
    line: int
    at: int
    before: str
    after: str

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        step: str,
        rule: str,
        action: Action,
        line: int,
        at: int,
        before: str,
        after: str,
    ) -> None:
        _set(self, "step", step)
        _set(self, "rule", rule)
        _set(self, "action", action)
        _set(self, "line", line)
        _set(self, "at", at)
        _set(self, "before", before)
        _set(self, "after", after)

    def to_dict(self) -> dict[str, object]:
        """The edit as a JSON-ready mapping, the form JSONL output carries."""
        return {
            "step": self.step,
            "rule": self.rule,
            "action": self.action,
            "line": self.line,
            "at": self.at,
            "before": self.before,
            "after": self.after,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Edit:
        """Rebuild an edit from `to_dict` output (for replaying JSONL edits)."""
        action = data["action"]
        if action not in ("drop", "replace", "extract"):
            raise ValueError(f"unknown edit action {action!r}")
        return cls(
            step=str(data["step"]),
            rule=str(data["rule"]),
            action=action,
            line=int(data["line"]),  # type: ignore[call-overload]
            at=int(data["at"]),  # type: ignore[call-overload]
            before=str(data["before"]),
            after=str(data["after"]),
        )


class Document(Frozen):
    """A text on its way through a pipeline, with its language and its edits.

    >>> Document.from_text("Hallo Welt").with_language("de", 0.99).lang
    'de'

    - ``text``: the current text. Lines are separated by ``"\\n"``.
    - ``lang``: an ISO 639-1 code, or ``"und"`` while unknown or undecidable.
    - ``lang_score``: the detector's confidence in ``lang``, 0.0 for ``"und"``.
    - ``edits``: every change made so far, in order.
    - ``paragraph_langs``: per-paragraph languages where the detector was asked for
      them (mixed-language documents), else empty.
    - ``meta``: free-form information steps attach (extraction settings, a site id
      for learned rules). Not part of equality of text, but carried along.
    - ``origins``: for each current line, the 1-based input line it came from. Kept so
      that edits made late in a pipeline can still name the input line.
    """

    __slots__ = (
        "edits",
        "lang",
        "lang_score",
        "meta",
        "origins",
        "paragraph_langs",
        "text",
    )
    _fields = (
        "text",
        "lang",
        "lang_score",
        "edits",
        "paragraph_langs",
        "meta",
        "origins",
    )
    # ``origins`` is bookkeeping, not content: left out of equality and repr.
    _compare = _repr = _fields[:-1]

    text: str
    lang: str
    lang_score: float
    edits: tuple[Edit, ...]
    paragraph_langs: tuple[tuple[str, float], ...]
    meta: tuple[tuple[str, str], ...]
    origins: tuple[int, ...]

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        text: str,
        lang: str = UNDETERMINED,
        lang_score: float = 0.0,
        edits: tuple[Edit, ...] = (),
        paragraph_langs: tuple[tuple[str, float], ...] = (),
        meta: tuple[tuple[str, str], ...] = (),
        origins: tuple[int, ...] = (),
    ) -> None:
        _set(self, "text", text)
        _set(self, "lang", lang)
        _set(self, "lang_score", lang_score)
        _set(self, "edits", edits)
        _set(self, "paragraph_langs", paragraph_langs)
        _set(self, "meta", meta)
        _set(self, "origins", origins)

    @classmethod
    def from_text(cls, text: str, **meta: str) -> Document:
        """Start a document from input text (line ``k`` is input line ``k + 1``)."""
        return cls(
            text=text,
            meta=tuple(sorted(meta.items())),
            origins=tuple(range(1, text.count("\n") + 2)),
        )

    @property
    def lines(self) -> list[str]:
        """The current text split into lines (a fresh list each call)."""
        return self.text.split("\n")

    def origin(self, index: int) -> int:
        """The input line number (1-based) of current line ``index``; 0 if unknown."""
        if 0 <= index < len(self.origins):
            return self.origins[index]
        return 0

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """A value from ``meta`` by key."""
        for k, v in self.meta:
            if k == key:
                return v
        return default

    def with_meta(self, **values: str) -> Document:
        """A copy with ``meta`` keys added or replaced."""
        merged = dict(self.meta)
        merged.update(values)
        return self.replace(meta=tuple(sorted(merged.items())))

    def with_language(
        self,
        lang: str,
        score: float,
        paragraph_langs: Sequence[tuple[str, float]] = (),
    ) -> Document:
        """A copy that carries a detected (or forced) language."""
        # Built directly: `replace` costs more than the rest of a step does on a
        # short clean document.
        return type(self)(
            self.text,
            lang,
            score,
            self.edits,
            tuple(paragraph_langs),
            self.meta,
            self.origins,
        )

    def with_text(
        self, text: str, edits: Iterable[Edit], origins: Sequence[int]
    ) -> Document:
        """A copy with new text, more edits and the line origins that go with it."""
        return type(self)(
            text,
            self.lang,
            self.lang_score,
            self.edits + tuple(edits),
            self.paragraph_langs,
            self.meta,
            tuple(origins),
        )


class ReplayError(ValueError):
    """An edit does not fit the text it is replayed on (wrong text or order)."""


def replay(text: str, edits: Iterable[Edit]) -> str:
    """Apply ``edits`` in order to ``text`` and return the result.

    Replaying a document's edits on the text it started from gives its final text:

    >>> e = Edit("strip", "en.share.share-this", "drop", 2, 1, "Share this:", "")
    >>> replay("Hello.\\nShare this:\\nBye.", [e])
    'Hello.\\nBye.'

    Each edit's ``before`` is checked against the line it names, so a replay on the
    wrong text fails loudly with `ReplayError` instead of producing nonsense.
    """
    lines = text.split("\n")
    for number, edit in enumerate(edits, 1):
        if edit.action == "extract":
            if "\n".join(lines) != edit.before:
                raise ReplayError(f"edit {number} ({edit.rule}): input differs")
            lines = edit.after.split("\n")
            continue
        # An edit covers as many lines as its ``before`` holds: one, or a run of
        # blank lines dropped together.
        span = edit.before.count("\n") + 1
        end = edit.at + span
        if not (edit.at >= 0 and end <= len(lines)) or (
            "\n".join(lines[edit.at : end]) != edit.before
        ):
            found = (
                "\n".join(lines[edit.at : end])
                if 0 <= edit.at < len(lines)
                else "<no such line>"
            )
            raise ReplayError(
                f"edit {number} ({edit.rule}) expects line {edit.at} to be "
                f"{edit.before!r}, found {found!r}"
            )
        if edit.action == "drop":
            del lines[edit.at : end]
        else:
            lines[edit.at : end] = edit.after.split("\n")
    return "\n".join(lines)
