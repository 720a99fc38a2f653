"""Accuracy of the quotes step on its case tables, its throughput, its pipeline share.

    python bench/quotes.py [--mb 4] [--repeat 3] [--profile]

Accuracy: every case in ``fixtures/quotes/<lang>.json`` (exact match of the whole
output), per language.

Cost: the step's share of the whole default pipeline, ``cleanse.make_pipeline()``
(repair, normalise, strip, detect, quotes, tidy), with ``quotes="de"`` and with
``quotes="auto"``. The step is timed alone on exactly what it sees in that
pipeline (the output of the steps before it); its share is its time over the
pipeline's, both best of ``--repeat`` runs over the same documents. Goal: under 5%.
The last column is the share of the same pipeline without strip and detect (the
cheap steps only, the figure earlier versions of this bench reported): a harsher
measure, since strip and detect cost most of the pipeline.

Three corpora, each repeated to ``--mb`` megabytes:

- ``realistic``: every fixture input that is an article (``fixtures/pipeline``,
  ``fixtures/strip``, ``fixtures/html/*/*.txt``, and ``fixtures/quotes/de-mixed``):
  news-like quote density.
- ``all``: those articles and the quote case tables (one document per language),
  i.e. every fixture input; the tables hold three quarters of its marks.
- ``dense``: the de, fr and en case tables only, a mark every few words: the
  worst case for the step.

``--profile`` prints where the step spends its time on the realistic corpus.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from cleanse import make_pipeline
from cleanse.document import Document
from cleanse.pipeline import Pipeline
from cleanse.quotes import set_quotes
from cleanse.quotes.engine import MARK_CHARS
from cleanse.quotes.styles import QuoteStyle

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CASES = FIXTURES / "quotes"
MIXED = CASES / "de-mixed.json"


def accuracy() -> dict[str, tuple[int, int]]:
    """Passed and total cases per language file."""
    result = {}
    for path in sorted(CASES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        cases = data if isinstance(data, list) else [{**data, "style": data["lang"]}]
        ok = sum(set_quotes(c["input"], c["style"]) == c["expected"] for c in cases)
        result[path.stem] = (ok, len(cases))
    return result


def _inputs(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [c["input"] for c in (data if isinstance(data, list) else [data])]


def corpus(megabytes: float, kind: str = "realistic") -> list[str]:
    """Documents with quotation marks, repeated to ``megabytes`` of UTF-8.

    ``realistic``: the articles among the fixtures; ``dense``: the de, fr and en
    case tables, a few cases per document; ``all``: both, each case table as one
    document (every fixture input).
    """
    articles = [
        *(
            text
            for folder in ("pipeline", "strip")
            for path in sorted((FIXTURES / folder).glob("*/*.json"))
            for text in _inputs(path)
        ),
        *(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("html/*/*.txt"))),
        *_inputs(CASES / "de-mixed.json"),
    ]
    tables = [
        "\n\n".join(_inputs(p)) for p in sorted(CASES.glob("*.json")) if p != MIXED
    ]
    dense = [
        "\n\n".join(_inputs(CASES / f"{lang}.json")[i : i + 7])
        for lang in ("de", "fr", "en")
        for i in range(0, 35, 7)
    ]
    docs = {
        "realistic": articles,
        "all": articles + tables,
        "dense": [d for d in dense if d],
    }[kind]
    size = sum(len(d.encode()) for d in docs)
    return docs * max(1, round(megabytes * 1_000_000 / size))


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def split(pipeline: Pipeline) -> tuple[Pipeline, Callable[[Document], Document]]:
    """The steps before the quotes step, and the quotes step itself."""
    i = pipeline.names.index("quotes")
    return Pipeline(pipeline.steps[:i]), pipeline.steps[i]


def measure(docs: list[str], quotes: str, repeat: int) -> tuple[float, float, float]:
    """Seconds for the whole pipeline, for the quotes step alone, and for the
    pipeline without strip and detect."""
    pipeline = make_pipeline(quotes=quotes)
    head, step = split(pipeline)
    before = [head.run(d) for d in docs]
    # Without detect, ``auto`` has no language and the step would do nothing, so
    # that row borrows the cheap pipeline of ``de``.
    cheap_style = "de" if quotes == "auto" else quotes
    cheap = make_pipeline(quotes=cheap_style, strip=False).without("detect")
    t_pipe = best(lambda: [pipeline.run(d) for d in docs], repeat)
    t_step = best(lambda: [step(d) for d in before], repeat)
    t_cheap = best(lambda: [cheap.run(d) for d in docs], repeat)
    return t_pipe, t_step, t_cheap


def use_reference_engine() -> None:
    """Make the quotes step run the engine kept in ``tests/quotes_reference.py``,
    the way the step used it then (set the whole text, compare line by line)."""
    import sys

    import cleanse.quotes.step as step_module

    sys.path.insert(0, str(ROOT))
    from tests import quotes_reference

    def restyle_lines(text: str, style: QuoteStyle) -> dict[int, str]:
        if style.name == "keep" or not quotes_reference.has_marks(text):
            return {}
        new = quotes_reference.apply_style(text, style)
        return {
            i: after
            for i, (before, after) in enumerate(
                zip(text.split("\n"), new.split("\n"), strict=True)
            )
            if before != after
        }

    setattr(step_module, "restyle_lines", restyle_lines)  # noqa: B010


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--reference",
        action="store_true",
        help="time the engine from before the speed work (tests/quotes_reference.py)",
    )
    args = parser.parse_args()
    if args.reference:
        use_reference_engine()

    total_ok = total = 0
    print("accuracy on fixtures/quotes (exact output):")
    for name, (ok, n) in accuracy().items():
        print(f"  {name:9} {ok:3}/{n:<3} {100 * ok / n:6.1f}%")
        total_ok, total = total_ok + ok, total + n
    print(f"  {'all':9} {total_ok:3}/{total:<3} {100 * total_ok / total:6.1f}%")

    print(
        "\n| corpus | quotes | MB | marks/1000 chars | pipeline MB/s "
        "| step MB/s | step share | share w/o strip+detect |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for kind, styles in (
        ("realistic", ("de", "auto")),
        ("all", ("de",)),
        ("dense", ("de",)),
    ):
        docs = corpus(args.mb, kind)
        megabytes = sum(len(d.encode()) for d in docs) / 1_000_000
        chars = sum(map(len, docs))
        marks = sum(sum(d.count(c) for c in MARK_CHARS) for d in docs)
        for quotes in styles:
            t_pipe, t_step, t_cheap = measure(docs, quotes, args.repeat)
            print(
                f"| {kind} | {quotes} | {megabytes:.1f} "
                f"| {1000 * marks / chars:.1f} | {megabytes / t_pipe:.2f} "
                f"| {megabytes / t_step:.1f} | {100 * t_step / t_pipe:.1f}% "
                f"| {100 * t_step / t_cheap:.1f}% |"
            )

    if args.profile:
        docs = corpus(args.mb)
        head, step = split(make_pipeline(quotes="de"))
        before = [head.run(d) for d in docs]
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [step(d) for d in before])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
