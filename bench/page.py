"""Page mode against a C4-style line filter, on the full-page fixtures.

Run: ``/work/venv/bin/python bench/page.py`` (add ``--guess`` to let page mode
guess the stop-word list instead of using each fixture's ``lang``).

Per language it prints: article lines kept, boilerplate lines removed, and the
token F1 of the output against ``expected`` (bag of lowercase words, as CleanEval
scores extraction), for page mode and for the baseline.

The baseline is C4's line rules (Raffel et al. 2020, "Exploring the Limits of
Transfer Learning with a Unified Text-to-Text Transformer", section 2.2, and the
``c4_utils`` of TensorFlow Datasets): keep only lines that end in a terminal
punctuation mark (period, exclamation mark, question mark, end quotation mark)
and have at least 3 words; drop lines that mention "javascript" or a policy
phrase ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use
of cookies", "use cookies"). C4's page-level rules (fewer than 5 sentences,
"lorem ipsum", curly brackets, bad words) drop whole pages and are left out.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from cleanse.page import extract_article
from cleanse.page.features import tokens

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "page"
C4_POLICY = (
    "terms of use", "privacy policy", "cookie policy", "uses cookies",
    "use of cookies", "use cookies",
)  # fmt: skip
C4_TERMINAL = (".", "!", "?", '"', "”", "»")


def c4_lines(text: str) -> str:
    """C4's line filter, as the module docstring describes it."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        low = stripped.lower()
        if (
            stripped.endswith(C4_TERMINAL)
            and len(stripped.split()) >= 3
            and "javascript" not in low
            and not any(phrase in low for phrase in C4_POLICY)
        ):
            out.append(line)
    return "\n".join(out)


def token_f1(got: str, want: str) -> float:
    """F1 of the bags of words of ``got`` and ``want``."""
    g = Counter(w for line in got.split("\n") for w in tokens(line))
    w = Counter(w for line in want.split("\n") for w in tokens(line))
    overlap = sum((g & w).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(g.values()), overlap / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def measure(
    method: Callable[[str, str], str],
) -> dict[str, tuple[int, int, int, int, float]]:
    """Per language: kept, article lines, removed, boilerplate lines, mean F1."""
    out: dict[str, list[float]] = {}
    for path in sorted(FIXTURES.glob("*/*.json")):
        case = json.loads(path.read_text("utf-8"))
        got = method(case["input"], case["lang"])
        got_lines = {line for line in got.split("\n") if line.strip()}
        article = [line for line in case["expected"].split("\n") if line.strip()]
        wanted = set(article)
        boiler = [
            line for line in case["input"].split("\n")
            if line.strip() and line not in wanted
        ]  # fmt: skip
        row = out.setdefault(case["lang"], [0, 0, 0, 0, 0.0, 0])
        row[0] += sum(line in got_lines for line in article)
        row[1] += len(article)
        row[2] += sum(line not in got_lines for line in boiler)
        row[3] += len(boiler)
        row[4] += token_f1(got, case["expected"])
        row[5] += 1
    return {
        lang: (int(r[0]), int(r[1]), int(r[2]), int(r[3]), r[4] / r[5])
        for lang, r in out.items()
    }


def main() -> None:
    guess = "--guess" in sys.argv[1:]
    methods: dict[str, Callable[[str, str], str]] = {
        "page": lambda text, lang: extract_article(text, lang=None if guess else lang),
        "c4": lambda text, lang: c4_lines(text),
    }
    results = {name: measure(method) for name, method in methods.items()}
    print(
        f"{'lang':<6}{'method':<7}{'article kept':>16}{'boiler removed':>18}{'F1':>7}"
    )
    totals: dict[str, list[float]] = {}
    for lang in sorted(results["page"]):
        for name in methods:
            kept, art, removed, boil, f1 = results[name][lang]
            t = totals.setdefault(name, [0, 0, 0, 0, 0.0])
            for k, v in enumerate((kept, art, removed, boil, f1)):
                t[k] += v
            print(
                f"{lang:<6}{name:<7}{kept:>5}/{art:<3} {kept / art:6.1%}"
                f"{removed:>6}/{boil:<3} {removed / boil:6.1%}{f1:7.3f}"
            )
    n = len(results["page"])
    for name, (kept, art, removed, boil, f1) in totals.items():
        print(
            f"{'all':<6}{name:<7}{int(kept):>5}/{int(art):<3} {kept / art:6.1%}"
            f"{int(removed):>6}/{int(boil):<3} {removed / boil:6.1%}{f1 / n:7.3f}"
        )


if __name__ == "__main__":
    main()
