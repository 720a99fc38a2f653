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


def scale(docs: int, raw: bool) -> None:
    per_site = max(1, docs // 5)
    corpus = synthetic_corpus(docs_per_site=per_site, seed=11)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for url, text in corpus.documents:
                handle.write(json.dumps({"url": url, "text": text}) + "\n")
        size = path.stat().st_size / 1e6
        out = Path(tmp) / "learned.toml"
        command = [sys.executable, "-m", "cleanse", "learn", "--jsonl", "--by", "url"]
        command += ["-q", "-o", str(out), str(path)] + (["--raw"] if raw else [])
        start = time.perf_counter()
        subprocess.run(command, check=True)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rules = load_rules(out)
        found = {(r.site, r.phrases[0]) for r in rules.rules}
        precision, recall = score(found, corpus)
        print(
            f"cleanse learn{' --raw' if raw else ''}: {len(corpus.documents)} "
            f"documents ({size:.0f} MB JSONL) in {seconds:.1f} s "
            f"({len(corpus.documents) / seconds:,.0f} docs/s), peak RSS "
            f"{peak:.0f} MiB; precision {precision:.3f}, recall {recall:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--raw", action="store_true")
    args = parser.parse_args()
    accuracy()
    scale(args.docs, args.raw)


if __name__ == "__main__":
    main()
