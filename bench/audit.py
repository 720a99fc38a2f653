"""List what the strip step drops from a folder of real scraped texts, by rule.

    python bench/audit.py FOLDER [--kept] [--lang de]

FOLDER holds ``.txt`` files, one page each; a file named ``de-03.txt`` counts for
language ``de`` (the text before the first ``-``). Each file is normalised as the
default pipeline does before strip (repair, normalise), then stripped; every dropped
line is printed under its rule id with the file it came from, so a reader can judge
each one: boilerplate (right) or article text (a false positive). ``--kept`` also
prints the short kept lines (at most 80 characters), where missed widget strings
hide. The summary gives, per language, pages, lines read and lines dropped.

The texts are other people's words: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from cleanse.document import Document
from cleanse.normalise import Normalise
from cleanse.repair import Repair
from cleanse.strip import Strip


def main(argv: list[str] | None = None) -> int:
    """Print dropped lines by rule and a per-language summary; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--kept", action="store_true", help="also print short kept lines"
    )
    parser.add_argument("--lang", help="only files whose name starts with LANG-")
    args = parser.parse_args(argv)

    before = (Repair(), Normalise())
    strip = Strip()
    by_rule: dict[str, list[tuple[str, str]]] = defaultdict(list)
    pages: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    for path in sorted(args.folder.glob("*.txt")):
        lang = path.stem.split("-", 1)[0]
        if args.lang and lang != args.lang:
            continue
        doc = Document.from_text(path.read_text(encoding="utf-8"))
        for step in before:
            doc = step(doc)
        out = strip(doc)
        pages[lang] += 1
        lines[lang] += sum(1 for line in doc.text.split("\n") if line.strip())
        for edit in out.edits[len(doc.edits) :]:
            for line in edit.before.split("\n"):
                if line.strip():
                    dropped[lang] += 1
                    by_rule[edit.rule].append((path.name, line))
        if args.kept:
            for line in out.text.split("\n"):
                if line.strip() and len(line) <= 80:
                    print(f"KEPT {path.name}: {line}")

    for rule in sorted(by_rule):
        print(f"\n== {rule} ({len(by_rule[rule])})")
        for name, line in by_rule[rule]:
            print(f"  {name}: {line[:160]}")
    print("\nlang  pages  lines  dropped")
    for lang in sorted(pages):
        print(f"{lang:4}  {pages[lang]:5}  {lines[lang]:5}  {dropped[lang]:7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
