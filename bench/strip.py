"""Throughput of the strip step alone and its share of the whole pipeline.

    python bench/strip.py [--mb 10] [--repeat 3]

The corpus is every ``fixtures/strip`` input, repeated until it holds at least
``--mb`` megabytes of UTF-8. Strip alone runs on documents that repair and normalise
have already prepared (as it meets them in the pipeline); the whole pipeline is
Repair + Normalise + Strip + Tidy on the raw inputs. Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(megabytes: float) -> list[str]:
    """Strip fixture inputs repeated to at least ``megabytes`` MB."""
    docs = [
        json.loads(path.read_text(encoding="utf-8"))["input"]
        for path in sorted((ROOT / "fixtures" / "strip").glob("*/*.json"))
    ]
    if not docs:
        raise SystemExit("no fixtures under fixtures/strip/")
    size = sum(len(d.encode()) for d in docs)
    return docs * max(1, round(megabytes * 1_000_000 / size))


def best(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from cleanse.document import Document
    from cleanse.normalise import Normalise
    from cleanse.pipeline import Pipeline
    from cleanse.repair import Repair
    from cleanse.strip import Strip
    from cleanse.tidy import Tidy

    start = time.perf_counter()
    strip = Strip()
    build = time.perf_counter() - start
    docs = corpus(args.mb)
    megabytes = sum(len(d.encode()) for d in docs) / 1_000_000
    prepare = Pipeline((Repair(), Normalise()))
    prepared = [prepare(Document.from_text(d)) for d in docs]
    pipeline = Pipeline((Repair(), Normalise(), strip, Tidy()))

    strip_time = best(lambda: [strip(d) for d in prepared], args.repeat)
    whole_time = best(lambda: [pipeline.run(d) for d in docs], args.repeat)
    lines = sum(d.text.count("\n") + 1 for d in prepared)
    print(f"corpus: {len(docs)} documents, {lines} lines, {megabytes:.1f} MB")
    print(f"rules: {len(strip.engine_for('und').rules)}, compiled in {build:.3f} s")
    print(f"strip alone:    {megabytes / strip_time:7.1f} MB/s ({strip_time:.2f} s)")
    print(f"whole pipeline: {megabytes / whole_time:7.1f} MB/s ({whole_time:.2f} s)")
    print(f"strip share of the pipeline: {strip_time / whole_time:.1%} (goal < 10%)")


if __name__ == "__main__":
    main()
