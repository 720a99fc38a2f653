"""Accuracy of the quotes step on its case tables, its throughput, its pipeline share.

    python bench/quotes.py [--mb 10] [--repeat 3]

Accuracy: every case in ``fixtures/quotes/<lang>.json`` (exact match of the whole
output), per language. Cost: German, French and English documents with quotation
marks of every kind (the case-table inputs and the German mixed fixture, repeated
to ``--mb`` megabytes) through
``Pipeline((Repair(), Normalise(), Quotes("de"), Tidy()))``; the step's share is
its own time over the pipeline's, both best of ``--repeat`` runs. Goal: under 5%.
Measured twice: on news articles, and on the dense case tables (worst case).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from cleanse.document import Document
from cleanse.normalise import Normalise
from cleanse.pipeline import Pipeline
from cleanse.quotes import Quotes, set_quotes
from cleanse.quotes.engine import MARK_CHARS
from cleanse.repair import Repair
from cleanse.tidy import Tidy

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "quotes"


def accuracy() -> dict[str, tuple[int, int]]:
    """Passed and total cases per language file."""
    result = {}
    for path in sorted(CASES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        cases = data if isinstance(data, list) else [{**data, "style": data["lang"]}]
        ok = sum(set_quotes(c["input"], c["style"]) == c["expected"] for c in cases)
        result[path.stem] = (ok, len(cases))
    return result


def corpus(megabytes: float, *, dense: bool = False) -> list[str]:
    """German, French and English articles with quotes, to ``megabytes`` of UTF-8.

    The default is the pipeline fixtures of those languages (real-looking articles
    with the quote density of news text) and the German mixed-quotes article.
    ``dense`` uses the quote case tables instead: a mark every few words, a
    worst case for the step.
    """
    mixed = json.loads((CASES / "de-mixed.json").read_text(encoding="utf-8"))
    if dense:
        texts: list[str] = []
        for lang in ("de", "fr", "en"):
            cases = json.loads((CASES / f"{lang}.json").read_text(encoding="utf-8"))
            texts += [c["input"] for c in cases]
        docs = [
            "\n\n".join([mixed["input"], *texts[i : i + 14]])
            for i in range(0, len(texts), 14)
        ]
    else:
        docs = [mixed["input"]]
        for lang in ("de", "fr", "en"):
            for path in sorted((ROOT / "fixtures" / "pipeline" / lang).glob("*.json")):
                docs.append(json.loads(path.read_text(encoding="utf-8"))["input"])
    size = sum(len(d.encode()) for d in docs)
    return docs * max(1, round(megabytes * 1_000_000 / size))


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    total_ok = total = 0
    print("accuracy on fixtures/quotes (exact output):")
    for name, (ok, n) in accuracy().items():
        print(f"  {name:9} {ok:3}/{n:<3} {100 * ok / n:6.1f}%")
        total_ok, total = total_ok + ok, total + n
    print(f"  {'all':9} {total_ok:3}/{total:<3} {100 * total_ok / total:6.1f}%")

    for dense in (False, True):
        measure(corpus(args.mb, dense=dense), args.repeat, dense=dense)


def measure(docs: list[str], repeat: int, *, dense: bool) -> None:
    megabytes = sum(len(d.encode()) for d in docs) / 1_000_000
    marks = sum(sum(d.count(c) for c in MARK_CHARS) for d in docs)
    pipeline = Pipeline((Repair(), Normalise(), Quotes("de"), Tidy()))
    # The step alone sees what it sees in the pipeline: repaired, normalised text.
    before = [Pipeline((Repair(), Normalise()))(Document.from_text(d)) for d in docs]
    step = Quotes("de")
    t_pipe = best(lambda: [pipeline.run(d) for d in docs], repeat)
    t_step = best(lambda: [step(d) for d in before], repeat)
    label = "dense case tables (worst case)" if dense else "news articles"
    print(f"{label}: {len(docs)} documents, {megabytes:.1f} MB, ", end="")
    print(f"{1000 * marks / (megabytes * 1_000_000):.1f} marks per 1000 characters")
    print(f"  pipeline: {t_pipe:.2f} s ({megabytes / t_pipe:.1f} MB/s)")
    print(f"  quotes step: {t_step:.2f} s ({megabytes / t_step:.1f} MB/s)")
    print(f"  quotes share of the pipeline: {100 * t_step / t_pipe:.1f}% (goal < 5%)")


if __name__ == "__main__":
    main()
