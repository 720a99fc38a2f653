"""How many lines of real prose the strip step drops: its false positives.

    python bench/prose.py [--per-lang 1000] [--show 5]

The sentences are ``eld/tests/data/big-test.txt`` from the PyPI package ``eld``
1.0.6 (the labelled sample of ``bench/detect.py``; installed for the benchmark
only: ``pip install eld==1.0.6``), in the twelve languages cleanse has rule packs
for. They are other people's sentences, read from the installed package and never
copied into the repository.

Each sentence is a line of article text, so every line strip drops is a false
positive unless the line is itself boilerplate (the sample has a few news
sentences that a scraper joined to a teaser line before them). Two readings:

- ``alone``: each sentence is a document of its own, as a one-line page;
- ``article``: the sentences of a language, 20 to a document, one per line, as
  the paragraphs of an article (tail markers and lone keywords see neighbours).

Both run repair and normalise first, as the default pipeline does. The table gives
per language the sentences, the lines dropped in each reading and the share kept;
then, by rule, up to ``--show`` of the dropped lines, to be judged by a reader.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from detect import load_sample  # noqa: E402

from cleanse.document import Document  # noqa: E402
from cleanse.normalise import Normalise  # noqa: E402
from cleanse.pipeline import Pipeline  # noqa: E402
from cleanse.repair import Repair  # noqa: E402
from cleanse.strip import Strip  # noqa: E402

LANGUAGES = ("de", "en", "fr", "es", "it", "nl", "pt", "pl", "cs", "sv", "da", "ru")
#: Sentences per document in the ``article`` reading.
PER_ARTICLE = 20


def dropped_lines(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    """(rule id, line) of each line the strip step drops from ``text``."""
    doc = pipeline(Document.from_text(text))
    return [(e.rule, e.before) for e in doc.edits if e.step == "strip"]


def main(argv: list[str] | None = None) -> int:
    """Print the table and the dropped lines; return 0."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--per-lang", type=int, default=1000)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)
    sample = load_sample(args.per_lang)
    pipeline = Pipeline((Repair(), Normalise(), Strip()))
    by_rule: dict[str, list[tuple[str, str]]] = defaultdict(list)
    print(f"{'lang':<5} {'sentences':>9} {'alone':>6} {'article':>8} {'kept':>8}")
    total = worst = 0
    for lang in LANGUAGES:
        sentences = [" ".join(s.split()) for s in sample.get(lang, [])]
        sentences = [s for s in sentences if s]
        alone = []
        for sentence in sentences:
            alone += dropped_lines(pipeline, sentence)
        article = []
        for start in range(0, len(sentences), PER_ARTICLE):
            chunk = "\n".join(sentences[start : start + PER_ARTICLE])
            article += dropped_lines(pipeline, chunk)
        for rule, line in alone + article:
            by_rule[rule].append((lang, line))
        lost = max(len(alone), len(article))
        kept = 1 - lost / len(sentences) if sentences else 1.0
        total += len(sentences)
        worst += lost
        print(
            f"{lang:<5} {len(sentences):>9} {len(alone):>6} {len(article):>8} "
            f"{kept:>8.2%}"
        )
    overall = 1 - worst / total if total else 1.0
    print(f"{'all':<5} {total:>9} {'':>6} {'':>8} {overall:>8.2%}")
    for rule, lines in sorted(by_rule.items(), key=lambda item: -len(item[1])):
        print(f"\n{rule}: {len(lines)}")
        for lang, line in lines[: args.show]:
            print(f"  [{lang}] {line[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
