"""Real-world strip cases: ``fixtures/strip/<lang>/*.json`` (fixtures/README.md).

Each case runs through repair, normalise, strip and tidy and must give ``expected``
exactly. Per language, the boilerplate lines removed and the content lines kept are
counted and printed (``pytest -s``), and both must be complete on our own fixtures.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from cleanse.document import replay
from cleanse.normalise import Normalise
from cleanse.pipeline import Pipeline
from cleanse.repair import Repair
from cleanse.strip import Strip
from cleanse.tidy import Tidy

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "strip"
CASES = sorted(FIXTURES.glob("*/*.json"))
FIELDS = {"label", "comment", "lang", "input", "expected"}


@cache
def pipeline() -> Pipeline:
    return Pipeline((Repair(), Normalise(), Strip(), Tidy()))


def load(path: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def line_counts(case: dict[str, str]) -> tuple[int, int, int, int]:
    """(boilerplate lines, of them removed, content lines, of them kept)."""
    prepared = Pipeline((Repair(), Normalise())).clean(case["input"]).split("\n")
    expected = [line for line in case["expected"].split("\n") if line.strip()]
    output = Counter(pipeline().clean(case["input"]).split("\n"))
    boilerplate = Counter(line.strip() for line in prepared if line.strip())
    boilerplate.subtract(Counter(expected))
    bad = +boilerplate
    removed = sum(max(0, n - output[line]) for line, n in bad.items())
    content = Counter(expected)
    kept = sum(min(n, output[line]) for line, n in content.items())
    return sum(bad.values()), removed, sum(content.values()), kept


def test_there_are_fixtures_for_de_en_fr() -> None:
    for lang in ("de", "en", "fr"):
        assert len(list((FIXTURES / lang).glob("*.json"))) >= 3, lang


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(path: Path) -> None:
    case = load(path)
    assert set(case) == FIELDS, f"{path}: fields must be exactly {sorted(FIELDS)}"
    assert path.parent.name == case["lang"]
    doc = pipeline().run(case["input"])
    assert doc.text == case["expected"], case["label"]
    assert replay(case["input"], doc.edits) == doc.text
    strip_edits = [e for e in doc.edits if e.step == "strip"]
    assert all(e.action == "drop" and e.rule.count(".") == 2 for e in strip_edits)


def test_designed_german_case_drops_exactly_three_lines() -> None:
    case = load(FIXTURES / "de" / "lesen-teaser-and-tail.json")
    lines = case["input"].split("\n")
    lesen = next(line for line in lines if line.startswith("LESEN"))
    assert lesen[5:7] in ("\u00a0 ", " \u00a0", "  ")
    doc = pipeline().run(case["input"])
    dropped = [(e.rule, e.before) for e in doc.edits if e.step == "strip"]
    assert [rule for rule, _ in dropped] == [
        "de.teaser.lesen",
        "de.related.weiterfuehrende-informationen",
        "de.comment.schreibe-einen-kommentar",
    ]
    assert dropped[1][1].startswith("Weiterführende Informationen – ")
    assert doc.text.split("\n") == [
        line for line in lines if line not in {lesen, lines[-2], lines[-1]}
    ]


def test_per_language_figures() -> None:
    totals: dict[str, list[int]] = {}
    for path in CASES:
        case = load(path)
        counts = totals.setdefault(case["lang"], [0, 0, 0, 0])
        for i, value in enumerate(line_counts(case)):
            counts[i] += value
    print("\nlang  boilerplate removed   content kept")
    for lang, (bad, removed, content, kept) in sorted(totals.items()):
        print(
            f"{lang:4}  {removed:4}/{bad:<4} {removed / max(bad, 1):7.1%}"
            f"   {kept:4}/{content:<4} {kept / max(content, 1):7.1%}"
        )
    for lang, (bad, removed, content, kept) in totals.items():
        assert removed == bad, f"{lang}: {bad - removed} boilerplate lines survive"
        assert kept == content, f"{lang}: {content - kept} content lines lost"
