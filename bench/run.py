"""The whole-pipeline benchmark: one command, one table.

    python bench/run.py [--mb 10] [--jsonl-mb 20] [--quick]

Each row sets cleanse against a reference measured in the same run, on the same
machine, so the ratios mean something anywhere:

- text mode: the default pipeline against ``ftfy.fix_text`` alone (fixture inputs
  repeated to ``--mb`` megabytes; best of 3);
- HTML mode: ``make_pipeline(html=True)`` against ``trafilatura.extract`` alone with
  the same settings (fixtures/html pages; best of alternating rounds);
- ``--jobs``: ``cleanse --jsonl`` with 1 and 2 worker processes on a generated JSONL
  stream, whose outputs must be byte-identical; the speed-up and each run's peak memory;
- start-up: ``cleanse`` on a short text and ``cleanse --help``, against
  ``python -c pass``.

The step-level benchmarks (bench/strip.py, quotes.py, detect.py, page.py,
pathological.py, learn.py) go deeper into one part each.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from html_speed import timed  # noqa: E402
from pipeline import best_of, corpus, process_time  # noqa: E402

RSS_CHILD = """
import resource, subprocess, sys, time
data = open(sys.argv[1], "rb")
out = open(sys.argv[2], "wb")
start = time.perf_counter()
subprocess.run(sys.argv[3:], stdin=data, stdout=out, check=False)
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def cli_run(args: list[str], data: Path, out: Path) -> tuple[float, float]:
    """Wall time and peak memory (MB) of one cleanse process on ``data``."""
    command = [sys.executable, "-m", "cleanse", *args]
    result = subprocess.run(
        [sys.executable, "-c", RSS_CHILD, str(data), str(out), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, peak = (float(x) for x in result.stdout.split())
    return seconds, peak


def jsonl_corpus(path: Path, megabytes: float) -> int:
    docs = corpus(1.0)
    size = 0
    count = 0
    with path.open("wb") as handle:
        while size < megabytes * 1e6:
            for i, text in enumerate(docs):
                line = json.dumps({"id": count + i, "text": text}, ensure_ascii=False)
                data = line.encode() + b"\n"
                handle.write(data)
                size += len(data)
            count += len(docs)
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--jsonl-mb", type=float, default=20.0)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a check")
    args = parser.parse_args()
    if args.quick:
        args.mb, args.jsonl_mb = 1.0, 2.0

    import ftfy
    import trafilatura

    import cleanse
    from cleanse.extract import EXTRACT_DEFAULTS

    rows: list[tuple[str, str, str, str]] = []

    # Text mode.
    docs = corpus(args.mb)
    megabytes = sum(len(d.encode()) for d in docs) / 1e6
    pipeline = cleanse.make_pipeline()
    pipeline.run(docs[0])
    t_ref = best_of(3, ftfy.fix_text, docs)
    t_ours = best_of(3, pipeline.run, docs)
    rows.append(
        (
            "text mode (MB/s)",
            f"{megabytes / t_ours:.2f}",
            f"{megabytes / t_ref:.2f} ftfy.fix_text",
            f"{t_ref / t_ours:.2f}",
        )
    )

    # HTML mode.
    pages = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "fixtures/html").glob("*/*.html"))
    ]
    pages = pages * max(1, 300 // max(1, len(pages)))
    html = cleanse.make_pipeline(html=True)
    html.run(pages[0])
    settings = {k: v for k, v in EXTRACT_DEFAULTS.items() if k != "fast"}

    def reference(page: str) -> object:
        return trafilatura.extract(page, **settings)

    best_ref = best_ours = float("inf")
    for _ in range(3):
        best_ref = min(best_ref, timed(reference, pages))
        best_ours = min(best_ours, timed(html.run, pages))
    rows.append(
        (
            "HTML mode (pages/s)",
            f"{len(pages) / best_ours:.0f}",
            f"{len(pages) / best_ref:.0f} trafilatura.extract",
            f"{best_ref / best_ours:.2f}",
        )
    )

    # --jobs scaling and peak memory.
    work = ROOT / "bench" / "out"
    work.mkdir(exist_ok=True)
    data = work / "corpus.jsonl"
    size = jsonl_corpus(data, args.jsonl_mb) / 1e6
    one, peak_one = cli_run(["--jsonl", "--quiet"], data, work / "jobs1.jsonl")
    two, peak_two = cli_run(
        ["--jsonl", "--quiet", "--jobs", "2"], data, work / "jobs2.jsonl"
    )
    same = (work / "jobs1.jsonl").read_bytes() == (work / "jobs2.jsonl").read_bytes()
    rows.append(
        (
            f"cleanse --jsonl, {size:.0f} MB (MB/s)",
            f"{size / two:.2f} (--jobs 2)",
            f"{size / one:.2f} (--jobs 1)",
            f"{one / two:.2f}",
        )
    )
    rows.append(
        (
            "peak memory (MB)",
            f"{peak_two:.0f} (--jobs 2, largest process)",
            f"{peak_one:.0f} (--jobs 1)",
            "",
        )
    )

    # Start-up.
    python = [sys.executable]
    base = process_time([*python, "-c", "pass"], b"")
    text = process_time([*python, "-m", "cleanse"], b"Ein kurzer Text.\n")
    helptime = process_time([*python, "-m", "cleanse", "--help"], b"")
    rows.append(
        (
            "start-up, text mode (ms)",
            f"{text:.0f}",
            f"{base:.0f} python -c pass",
            f"+{text - base:.0f} ms",
        )
    )
    rows.append(
        (
            "start-up, --help (ms)",
            f"{helptime:.0f}",
            f"{base:.0f}",
            f"+{helptime - base:.0f} ms",
        )
    )

    print(f"pipeline: {' -> '.join(pipeline.names)}; {cleanse.__version__}")
    print(f"{'measure':<34}{'cleanse':>22}{'reference':>32}{'ratio':>10}")
    for name, ours, ref, ratio in rows:
        print(f"{name:<34}{ours:>22}{ref:>32}{ratio:>10}")
    print(f"--jobs 2 output identical to --jobs 1: {same}")
    if not same:
        raise SystemExit("outputs differ between --jobs 1 and --jobs 2")


if __name__ == "__main__":
    main()
