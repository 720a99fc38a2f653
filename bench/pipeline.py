"""Throughput of the default pipeline against ftfy.fix_text alone, and start-up.

    python bench/pipeline.py [--mb 10] [--repeat 3]

The corpus is every fixture input in the repository (pipeline, strip, quotes, page
cases), repeated until it holds at least ``--mb`` megabytes. Both contenders run on
the same documents in the same process, best of ``--repeat`` runs, so the ratio is
meaningful on any machine. Start-up is timed as whole processes: ``cleanse`` cleaning
a short text from stdin, and ``cleanse --help``, against ``python -c pass``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(megabytes: float) -> list[str]:
    """Fixture inputs repeated to at least ``megabytes`` MB of UTF-8."""
    docs = []
    for path in sorted((ROOT / "fixtures").glob("**/*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        cases = data if isinstance(data, list) else [data]
        docs.extend(
            case["input"]
            for case in cases
            if isinstance(case, dict) and isinstance(case.get("input"), str)
        )
    if not docs:
        raise SystemExit("no fixture inputs found under fixtures/")
    size = sum(len(d.encode()) for d in docs)
    copies = max(1, int(megabytes * 1e6 / size) + 1)
    return docs * copies


def best_of(repeat: int, func: object, docs: list[str]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            func(doc)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def cleanse_command() -> list[str]:
    """How users start cleanse: the ``cleanse`` script installed beside this Python
    (``python -m cleanse`` costs a few more milliseconds, for runpy)."""
    script = Path(sys.executable).with_name("cleanse")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleanse"]


def process_time(command: list[str], stdin: bytes, runs: int = 15) -> float:
    """Median wall time of a whole process, in milliseconds.

    Bytecode caches are allowed (an installed package has them; some sandboxes set
    PYTHONDONTWRITEBYTECODE, which would time compiling every module from source),
    and one unmeasured run writes them first.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, input=stdin, capture_output=True, check=True, env=env)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, input=stdin, capture_output=True, check=True, env=env)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import ftfy

    import cleanse

    docs = corpus(args.mb)
    megabytes = sum(len(d.encode()) for d in docs) / 1e6
    text_out = cleanse.make_pipeline(report_language=False)  # clean(), `cleanse`
    with_lang = cleanse.make_pipeline()  # clean_document(), `cleanse --jsonl`
    for pipeline in (text_out, with_lang):
        pipeline.run(docs[0])  # load lazy resources (detector profiles) first

    t_ftfy = best_of(args.repeat, ftfy.fix_text, docs)
    t_text = best_of(args.repeat, text_out.run, docs)
    t_lang = best_of(args.repeat, with_lang.run, docs)
    print(f"corpus: {len(docs)} documents, {megabytes:.1f} MB (fixture inputs)")
    print(f"pipeline: {' -> '.join(with_lang.names)}")
    print()
    print(f"{'contender':<34}{'MB/s':>8}{'docs/s':>10}{'ratio':>8}")
    for name, seconds in (
        ("ftfy.fix_text alone", t_ftfy),
        ("cleanse, text (clean())", t_text),
        ("cleanse, with language", t_lang),
    ):
        print(
            f"{name:<34}{megabytes / seconds:>8.2f}{len(docs) / seconds:>10.0f}"
            f"{t_ftfy / seconds:>8.2f}"
        )
    print()
    print("ratio = pipeline throughput / ftfy throughput (goal at the end: 1.5)")
    print()

    python = sys.executable
    script = cleanse_command()
    sample = "Hallo\u00a0Welt. Ein kurzer Text.\n".encode()
    base = process_time([python, "-c", "pass"], b"")
    text = process_time(script, sample)
    helptime = process_time([*script, "--help"], b"")
    print(f"{'start-up (median of 15)':<34}{'ms':>8}{'minus python':>14}")
    for name, ms in (
        ("python -c pass", base),
        ("cleanse < short text", text),
        ("cleanse --help", helptime),
    ):
        print(f"{name:<34}{ms:>8.1f}{ms - base:>14.1f}")
    heavy = (
        subprocess.run(
            [
                python,
                "-c",
                "import sys\nfrom cleanse.cli import main\ntry: main(['--help'])\n"
                "except SystemExit: pass\n"
                "print(sorted({'trafilatura','langdetect'} & set(sys.modules)))",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    print(f"heavy modules imported by --help: {heavy}")


if __name__ == "__main__":
    main()
