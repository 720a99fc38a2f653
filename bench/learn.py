"""Time, peak memory and accuracy of ``cleanse learn``.

    python bench/learn.py [--docs 100000] [--raw]

1. **Accuracy** on the synthetic corpus of ``tests/learn_corpus.py`` (5 sites x 200
   documents: each site's slogan, footer and support box are boilerplate; a
   syndicated paragraph and headline, a repeated quotation and common headings are
   not). Precision and recall of the learned (site, line) pairs against the
   boilerplate the built-in rules do not already drop.
2. **Scale**: ``--docs`` documents of the same generator (its five sites, the
   documents split evenly) written as JSONL, then ``cleanse learn --jsonl --by url``
   run on the file in a subprocess. Reports wall time, the child's peak resident
   memory (``ru_maxrss``), documents per second, and precision and recall of the
   file it wrote. ``--raw`` passes ``--raw`` (no repair and normalise pass).

Linux keeps a process's peak memory across fork and exec, so a child forked from a
process that holds the corpus would report the corpus's size: the corpus is written
by one child process, learned by another, and the learning child reports its own
``ru_maxrss`` while this process stays small.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanse.learn import host_of, learn_rules  # noqa: E402
from cleanse.strip import load_rules  # noqa: E402
from tests.learn_corpus import Corpus, synthetic_corpus  # noqa: E402


def score(found: set[tuple[str | None, str]], corpus: Corpus) -> tuple[float, float]:
    """Precision and recall of learned (site, line) pairs."""
    expected = corpus.boilerplate
    true = len(found & expected)
    precision = true / len(found) if found else 1.0
    return precision, true / len(expected)


def accuracy() -> None:
    corpus = synthetic_corpus()
    docs = [(host_of(url), text) for url, text in corpus.documents]
    rules = learn_rules(docs, group_by="url")
    found = {(r.site, r.phrases[0]) for r in rules.rules}
    precision, recall = score(found, corpus)
    print(
        f"synthetic corpus: {len(docs)} documents, {len(found)} lines learned, "
        f"{len(corpus.boilerplate)} expected: precision {precision:.3f}, "
        f"recall {recall:.3f}"
    )


def generate(docs: int, path: Path) -> None:
    """Write the corpus to ``path`` and its boilerplate to ``path.json``."""
    corpus = synthetic_corpus(docs_per_site=max(1, docs // 5), seed=11)
    with path.open("w", encoding="utf-8") as handle:
        for url, text in corpus.documents:
            handle.write(json.dumps({"url": url, "text": text}) + "\n")
    truth = {
        "documents": len(corpus.documents),
        "boilerplate": sorted(corpus.boilerplate),
    }
    path.with_suffix(".json").write_text(json.dumps(truth), encoding="utf-8")


# Runs cleanse learn and reports its own peak memory in KiB on the last stderr line.
MEASURED = (
    "import resource, sys; from cleanse.learn.cli import main; "
    "code = main(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def scale(docs: int, raw: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        subprocess.run(
            [sys.executable, __file__, "--generate", str(path), "--docs", str(docs)],
            check=True,
        )
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        corpus = Corpus(boilerplate={(s, line) for s, line in truth["boilerplate"]})
        size = path.stat().st_size / 1e6
        out = Path(tmp) / "learned.toml"
        command = [sys.executable, "-c", MEASURED, "--jsonl", "--by", "url"]
        command += ["-q", "-o", str(out), str(path)] + (["--raw"] if raw else [])
        # The child's figure is at least this process's peak (see the docstring).
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        run = subprocess.run(command, check=True, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak = int(run.stderr.strip().splitlines()[-1]) / 1024
        rules = load_rules(out)
        found = {(r.site, r.phrases[0]) for r in rules.rules}
        precision, recall = score(found, corpus)
        count = truth["documents"]
        print(f"(floor of the measurement: this process's peak RSS, {own:.0f} MiB)")
        print(
            f"cleanse learn{' --raw' if raw else ''}: {count} "
            f"documents ({size:.0f} MB JSONL) in {seconds:.1f} s "
            f"({count / seconds:,.0f} docs/s), peak RSS "
            f"{peak:.0f} MiB; precision {precision:.3f}, recall {recall:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--raw", action="store_true")
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate is not None:
        generate(args.docs, args.generate)
        return
    scale(args.docs, args.raw)  # first, while this process is small
    accuracy()


if __name__ == "__main__":
    main()
