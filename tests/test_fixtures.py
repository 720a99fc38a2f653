"""Realistic scraped texts through the default pipeline (see fixtures/README.md).

A case lists the steps it needs. While one of them is not in the default pipeline
the case is a strict xfail naming the missing step, so it fails loudly the moment
the step lands and the case starts to pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanse import clean_document, make_pipeline, replay

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pipeline"


def _cases() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("*/*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        missing = sorted(set(case["needs"]) - set(make_pipeline().names))
        marks = (
            [
                pytest.mark.xfail(
                    strict=True, reason=f"needs step(s): {', '.join(missing)}"
                )
            ]
            if missing
            else []
        )
        params.append(pytest.param(case, id=path.stem, marks=marks))
    return params


def test_there_are_enough_cases() -> None:
    langs = {p.parent.name for p in FIXTURES.glob("*/*.json")}
    assert {"de", "en", "fr"} <= langs
    assert len(list(FIXTURES.glob("*/*.json"))) >= 12


@pytest.mark.parametrize("case", _cases())
def test_fixture(case: dict[str, Any]) -> None:
    doc = clean_document(case["input"])
    assert doc.text == case["expected"]
    assert replay(case["input"], doc.edits) == doc.text
    if "detect" in make_pipeline().names:
        assert doc.lang == case["lang"]
    # The output is clean: a second run changes nothing.
    assert clean_document(doc.text).text == doc.text
