"""Throughput of the strip step and its share of the pipelines it runs in.

    python bench/strip.py [--mb 10] [--repeat 3] [--profile]

Four corpora, each repeated until it holds at least ``--mb`` megabytes of UTF-8:

- ``articles`` (the corpus the goal is read on): the inputs of ``fixtures/pipeline``
  and ``fixtures/strip``, the article bodies of ``fixtures/html/*/*.txt`` and the
  expected outputs of ``fixtures/page``. The strip fixtures make it heavy in
  boilerplate: strip drops about 40 % of its lines with text;
- ``boilerplate`` (the worst case): the ``fixtures/strip`` inputs alone, short
  widget, teaser and tail lines between a few paragraphs;
- ``extracted`` (what strip meets in HTML mode): ``trafilatura.extract``'s text of
  the ``fixtures/html`` pages with cleanse's settings (`cleanse.extract.extract_text`),
  some boilerplate left in; skipped when trafilatura is not installed;
- ``clean`` (the best case): the article bodies of ``fixtures/html/*/*.txt`` and the
  expected outputs of ``fixtures/page``, prose with nothing to drop.

For each corpus the bench runs two pipelines on the raw texts, timing every step
of every document: the default one (``cleanse.make_pipeline()``: repair, normalise,
strip, detect, quotes, tidy) and the small one (``Pipeline((Repair(), Normalise(),
Strip(), Tidy()))``). The strip share is the time spent in steps named ``strip``
over the time of all steps, so it is measured inside the pipeline, on exactly the
documents strip sees there. "strip MB/s" is the corpus size over that strip time.
Best of ``--repeat`` runs. ``--profile`` runs cProfile over strip on the articles
corpus and prints where its time goes.

``--bound`` adds two columns. "oracle share": the strip share with an oracle in
front of the engine, which knows beforehand which lines a rule takes on its own
and hands only those to `Engine.match_line` (then tails and `drop_lines` as
usual); no prefilter, however fast, does less for a document (`OracleStrip`), so
it is the floor of the share a faster matcher for the lines that stay could reach.
"edits only": the oracle knows the verdicts too and only records them as edits,
the floor for any matcher at all.

Start-up comes first: fresh processes (median of ``--startup-runs``) import
``cleanse.strip``, build ``Strip()`` and strip a first short document, each timed,
and count the patterns compiled on the way.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "fixtures"


def _inputs(folder: str) -> list[str]:
    return [
        json.loads(path.read_text(encoding="utf-8"))["input"]
        for path in sorted((FIXTURES / folder).glob("*/*.json"))
    ]


def article_texts() -> list[str]:
    """Extracted articles: the strip and pipeline fixtures, then `clean_texts`."""
    return _inputs("pipeline") + _inputs("strip") + clean_texts()


def boilerplate_texts() -> list[str]:
    """The strip fixtures alone: many short widget and teaser lines."""
    return _inputs("strip")


def clean_texts() -> list[str]:
    """Article bodies with nothing to drop."""
    docs = [
        path.read_text(encoding="utf-8")
        for path in sorted((FIXTURES / "html").glob("*/*.txt"))
    ]
    return docs + [
        json.loads(path.read_text(encoding="utf-8"))["expected"]
        for path in sorted((FIXTURES / "page").glob("*/*.json"))
    ]


def extracted_texts() -> list[str]:
    """trafilatura's text of the fixture pages; [] without trafilatura."""
    try:
        from cleanse.extract import extract_text
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        return []
    pages = sorted((FIXTURES / "html").glob("*/*.html"))
    return [extract_text(page.read_text(encoding="utf-8")) for page in pages]


def repeated(docs: list[str], megabytes: float) -> list[str]:
    """``docs`` repeated to at least ``megabytes`` MB of UTF-8."""
    if not docs:
        raise SystemExit("no fixtures found under fixtures/")
    size = sum(len(d.encode()) for d in docs)
    return docs * max(1, -(-round(megabytes * 1_000_000) // size))


def step_times(steps: Sequence[Callable[..., object]], docs: list[str]) -> list[float]:
    """Seconds spent in each step over all of ``docs``."""
    from cleanse.document import Document

    times = [0.0] * len(steps)
    clock = time.perf_counter
    for text in docs:
        doc = Document.from_text(text)
        for index, step in enumerate(steps):
            start = clock()
            doc = step(doc)  # type: ignore[assignment]
            times[index] += clock() - start
    return times


def share(
    steps: Sequence[Callable[..., object]], docs: list[str], repeat: int
) -> tuple[float, float]:
    """(strip seconds, all-steps seconds) of the fastest of ``repeat`` runs."""
    from cleanse.pipeline import step_name

    strip = [step_name(s) == "strip" for s in steps]  # type: ignore[arg-type]
    runs = [step_times(steps, docs) for _ in range(repeat)]
    fastest = min(runs, key=sum)
    return sum(t for t, s in zip(fastest, strip, strict=True) if s), sum(fastest)


class OracleStrip:
    """The strip step with a perfect prefilter: for each document text it was
    shown beforehand (`learn`), it matches only the lines a rule takes on its own,
    then finds tails and records the drops as `Strip` does. Its output is
    `Strip`'s; its time is what strip costs when lines that stay cost nothing.

    With ``match=False`` it knows the verdicts too and only records them
    (`drop_lines`): the cost of a matcher that costs nothing at all."""

    name = "strip"

    def __init__(self, strip: Any, *, match: bool = True) -> None:
        self.strip = strip
        self.match = match
        self.hits: dict[str, list[int]] = {}
        self.verdicts: dict[str, dict[int, str]] = {}

    def learn(self, prepare: Callable[[Any], Any], docs: list[str]) -> None:
        from cleanse.document import Document

        for text in dict.fromkeys(docs):
            doc = prepare(Document.from_text(text))
            lines = doc.text.split("\n")
            engine = self.strip.engine_for(doc.lang)
            found = engine.verdicts(lines)
            self.hits[doc.text] = [
                i for i in found if engine.match_line(lines[i]) is not None
            ]
            self.verdicts[doc.text] = {i: rule.id for i, rule in found.items()}
            # The floor only counts if the output is strip's own.
            if self(doc).edits != self.strip(doc).edits:
                raise SystemExit(f"oracle and strip differ on {text[:60]!r}")

    def __call__(self, doc: Any) -> Any:
        from cleanse.lines import drop_lines

        text = doc.text
        if not self.match:
            verdicts = self.verdicts[text]
            return drop_lines(doc, self.name, verdicts) if verdicts else doc
        lines = text.split("\n")
        text.casefold()  # what `Strip` hands the engine
        engine = self.strip.engine_for(doc.lang)
        hits = {i: hit for i in self.hits[text] if (hit := engine.match_line(lines[i]))}
        found = {i: rule for i, (rule, _) in hits.items()}
        engine._context(
            lines,
            found,
            [i for i, (_, how) in hits.items() if how == "tail"],
            [i for i, (_, how) in hits.items() if how == "lone"],
        )
        if not found:
            return doc
        return drop_lines(doc, self.name, {i: r.id for i, r in found.items()})


def oracle_steps(
    steps: Sequence[Any], docs: list[str], *, match: bool = True
) -> tuple[Any, ...]:
    """``steps`` with the strip step replaced by an `OracleStrip` that has seen
    ``docs`` as they reach it."""
    from cleanse.pipeline import Pipeline, step_name

    index = [step_name(s) for s in steps].index("strip")
    oracle = OracleStrip(steps[index], match=match)
    oracle.learn(Pipeline(tuple(steps[:index])), docs)
    return (*steps[:index], oracle, *steps[index + 1 :])


def profile(steps: Sequence[Callable[..., object]], docs: list[str]) -> None:
    """Print where the strip step spends its time on ``docs``."""
    from cleanse.document import Document
    from cleanse.pipeline import Pipeline, step_name

    index = [step_name(s) for s in steps].index("strip")  # type: ignore[arg-type]
    prepare = Pipeline(tuple(steps[:index]))  # type: ignore[arg-type]
    prepared = [prepare(Document.from_text(d)) for d in docs]
    strip = steps[index]
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in prepared:
        strip(doc)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


_STARTUP = """
import json, time
start = time.perf_counter()
import regex
from cleanse.document import Document
from cleanse.strip import Strip
imported = time.perf_counter()
compiled = []
original = regex.compile
def counting(pattern, *args, **kwargs):
    compiled.append(pattern)
    return original(pattern, *args, **kwargs)
regex.compile = counting
step = Strip()
built = time.perf_counter()
step(Document.from_text("Hallo Welt. Ein kurzer Text.\\nSchreibe einen Kommentar"))
done = time.perf_counter()
print(json.dumps([imported - start, built - imported, done - built, len(compiled)]))
"""


def startup(runs: int) -> None:
    """Print the medians of fresh processes' import, build and first-document
    times (see the module docstring)."""
    samples = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _STARTUP],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            ).stdout
        )
        for _ in range(runs)
    ]
    imported, built, first, compiled = (
        statistics.median(column) for column in zip(*samples, strict=True)
    )
    print(
        f"start-up (median of {runs} processes): import cleanse.strip "
        f"{imported * 1000:.1f} ms, Strip() {built * 1000:.1f} ms, first document "
        f"{first * 1000:.1f} ms, patterns compiled {compiled:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument(
        "--bound", action="store_true", help="add the share with an oracle prefilter"
    )
    args = parser.parse_args()
    startup(args.startup_runs)

    import cleanse
    from cleanse.normalise import Normalise
    from cleanse.pipeline import Pipeline
    from cleanse.repair import Repair
    from cleanse.strip import Strip
    from cleanse.tidy import Tidy

    start = time.perf_counter()
    strip = Strip()
    build = time.perf_counter() - start
    pipelines = {
        "default": cleanse.make_pipeline().steps,
        "small": Pipeline((Repair(), Normalise(), strip, Tidy())).steps,
    }
    print(f"rules: {len(strip.engine_for('und').rules)}, compiled in {build:.3f} s")
    print(
        f"{'corpus':<12} {'MB':>5} {'lines':>8} {'pipeline':<8} "
        f"{'strip MB/s':>10} {'whole MB/s':>10} {'strip share':>11}"
        + (f" {'oracle share':>12} {'edits only':>10}" if args.bound else "")
    )
    corpora = {
        "articles": article_texts(),
        "boilerplate": boilerplate_texts(),
        "extracted": extracted_texts(),
        "clean": clean_texts(),
    }
    for label, texts in corpora.items():
        if not texts:
            print(f"{label:<12} (no texts: trafilatura is not installed)")
            continue
        docs = repeated(texts, args.mb)
        megabytes = sum(len(d.encode()) for d in docs) / 1_000_000
        lines = sum(d.count("\n") + 1 for d in docs)
        for name, steps in pipelines.items():
            strip_s, whole_s = share(steps, docs, args.repeat)
            bound = ""
            if args.bound:
                floor, rest = share(oracle_steps(steps, texts), docs, args.repeat)
                edits, others = share(
                    oracle_steps(steps, texts, match=False), docs, args.repeat
                )
                bound = f" {floor / rest:12.1%} {edits / others:10.1%}"
            print(
                f"{label:<12} {megabytes:5.1f} {lines:8d} {name:<8} "
                f"{megabytes / strip_s:10.1f} {megabytes / whole_s:10.1f} "
                f"{strip_s / whole_s:11.1%}{bound}"
            )
    print("goal: strip share < 10% of the default pipeline on articles")
    if args.profile:
        profile(pipelines["small"], repeated(corpora["articles"], args.mb))


if __name__ == "__main__":
    main()
