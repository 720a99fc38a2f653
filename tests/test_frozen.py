"""The value and step classes that were frozen dataclasses keep their behaviour:
keyword and positional construction, defaults, equality, hashing, repr, refusal
to change, pickling (``--jobs`` and Dask ship steps and documents), `replace`."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from cleanse._frozen import FrozenInstanceError
from cleanse.cli import Settings
from cleanse.detect import Detect
from cleanse.document import Document, Edit
from cleanse.lines import Change
from cleanse.normalise import Normalise
from cleanse.pipeline import Pipeline
from cleanse.quotes import Quotes
from cleanse.repair import Repair
from cleanse.report import LineResult
from cleanse.strip import Rule, RuleSet, Strip, builtin_rules
from cleanse.tidy import Tidy

EDIT = Edit("strip", "de.teaser.lesen", "drop", 4, 2, "LESEN  Text", "")
DOC = Document("a\nb", "de", 0.9, (EDIT,), (("de", 0.9),), (("site", "x"),), (1, 2))
RULE = builtin_rules().get("de.comment.schreibe-einen-kommentar")

VALUES: list[Any] = [
    EDIT,
    DOC,
    Change("r", None, 3),
    RULE,
    LineResult(b"x", "bad", ("note",)),
    Settings((("html", False),), "text", "text", "full", False, None),
    Normalise(),
    Tidy(),
    Repair(),
    Quotes("de"),
    Detect(lang="de"),
    Pipeline((Normalise(), Tidy()), settle=True),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_pickles_to_an_equal_value(value: Any) -> None:
    copy = pickle.loads(pickle.dumps(value))
    assert copy == value
    assert hash(copy) == hash(value)
    assert repr(copy) == repr(value)


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_refuses_assignment_and_deletion(value: Any) -> None:
    name = value._fields[0]
    with pytest.raises(FrozenInstanceError):
        setattr(value, name, None)
    with pytest.raises(AttributeError):
        delattr(value, name)
    assert issubclass(FrozenInstanceError, AttributeError)


def test_equality_is_by_value_and_by_class() -> None:
    assert Edit(*(getattr(EDIT, f) for f in EDIT._fields)) == EDIT
    assert EDIT.replace(after="x") != EDIT
    assert Normalise() == Normalise()
    assert Normalise() != Normalise(name="n2")
    assert Tidy(name="x") != Normalise(name="x")  # same fields, other class
    assert len({Normalise(), Normalise(), Tidy()}) == 2


def test_document_ignores_origins_in_equality_and_repr() -> None:
    other = DOC.replace(origins=(7, 8))
    assert other == DOC
    assert hash(other) == hash(DOC)
    assert "origins" not in repr(DOC)
    assert repr(Document("x")) == (
        "Document(text='x', lang='und', lang_score=0.0, edits=(), "
        "paragraph_langs=(), meta=())"
    )


def test_keyword_construction_and_defaults() -> None:
    doc = Document(text="t", meta=(("k", "v"),))
    assert (doc.lang, doc.lang_score, doc.edits, doc.origins) == ("und", 0.0, (), ())
    assert Change(rule="r", text="x").lines == 1
    assert LineResult(output=None) == LineResult(None, None, ())
    assert Repair().name == "repair"
    assert Repair().config is None
    assert Quotes().style == "auto"
    assert Quotes(style="keep", name="q").name == "q"
    assert Detect(languages="de").languages == ("de",)  # a lone code is one


def test_replace_makes_a_changed_copy_and_refuses_unknown_fields() -> None:
    assert DOC.with_meta(site="y").get_meta("site") == "y"
    assert DOC.get_meta("site") == "x"
    with pytest.raises(TypeError, match="no field 'colour'"):
        DOC.replace(colour="red")


def test_rule_set_equality_is_identity() -> None:
    rules = RuleSet((RULE,))
    assert rules != RuleSet((RULE,))
    assert rules in {rules}  # hashable, equal to itself
    assert Rule(*(getattr(RULE, f) for f in RULE._fields)) == RULE


def test_strip_pickles_with_its_compiled_engines() -> None:
    step = Strip(disable=frozenset({"share"}))
    copy = pickle.loads(pickle.dumps(step))
    assert copy == step
    assert copy.engine_for("").rules == step.engine_for("").rules
    text = "Der Vertrag gilt.\nSchreibe einen Kommentar"
    assert copy(Document.from_text(text)) == step(Document.from_text(text))
