"""Pages per second: trafilatura.extract alone against cleanse's HTML mode, same run.

    python bench/html_speed.py [--repeat 15] [--rounds 3]

The fixture pages (``fixtures/html``) are repeated to a few hundred. Both sides use
the same trafilatura settings (cleanse's `EXTRACT_DEFAULTS`), so the difference is
what cleanse adds after extraction. The reference is ``trafilatura.extract`` called
with keywords, as its users call it; cleanse passes one prebuilt trafilatura
``Extractor`` instead (``options=``), which saves the per-call options object, so a
third row times trafilatura called that way too: the stricter comparison. They are
timed in alternating rounds and the best round of each counts, which keeps a busy
machine from favouring either. Then the time of HTML mode is split by step, to show
what dominates. The goal is a ratio
of at least 0.95.

(The file is not called ``html.py``: run as a script, it would shadow the standard
library's ``html`` module, which trafilatura imports.)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanse.api import make_pipeline  # noqa: E402
from cleanse.document import Document  # noqa: E402
from cleanse.extract import _OUTPUT, EXTRACT_DEFAULTS  # noqa: E402
from cleanse.pipeline import Pipeline, step_name  # noqa: E402


def html_pipeline() -> Pipeline:
    """cleanse's HTML mode, as ``cleanse --html`` runs it."""
    return make_pipeline(html=True)


def timed(func: Callable[[str], object], pages: list[str]) -> float:
    start = time.perf_counter()
    for page in pages:
        func(page)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import trafilatura

    base = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "fixtures" / "html").glob("*/*.html"))
    ]
    pages = base * args.repeat
    pipeline = html_pipeline()
    settings = {**EXTRACT_DEFAULTS, **_OUTPUT}

    def alone(page: str) -> object:
        return trafilatura.extract(page, **settings)

    from cleanse.extract import _options

    shared = _options(tuple(sorted(EXTRACT_DEFAULTS.items())))

    def alone_shared(page: str) -> object:
        return trafilatura.extract(page, options=shared)

    for page in base:  # warm up both sides (trafilatura loads tables on first use)
        alone(page)
        pipeline.clean(page)
    best_alone = best_shared = best_cleanse = float("inf")
    for _ in range(args.rounds):
        best_alone = min(best_alone, timed(alone, pages))
        best_shared = min(best_shared, timed(alone_shared, pages))
        best_cleanse = min(best_cleanse, timed(pipeline.clean, pages))

    per_step = dict.fromkeys(pipeline.names, 0.0)
    for page in pages:
        doc = Document.from_text(page)
        for step in pipeline.steps:
            start = time.perf_counter()
            doc = step(doc)
            per_step[step_name(step)] += time.perf_counter() - start
    total = sum(per_step.values())

    n = len(pages)
    print(
        f"{n} pages ({len(base)} distinct x {args.repeat}), best of {args.rounds} "
        f"rounds; pipeline: {' -> '.join(pipeline.names)}"
    )
    print()
    print("| run | pages/s | ms/page |")
    print("|---|---|---|")
    print(
        f"| trafilatura.extract alone | {n / best_alone:.0f} | "
        f"{1000 * best_alone / n:.2f} |"
    )
    print(
        f"| trafilatura.extract, one shared Extractor | {n / best_shared:.0f} | "
        f"{1000 * best_shared / n:.2f} |"
    )
    print(
        f"| cleanse HTML mode | {n / best_cleanse:.0f} | "
        f"{1000 * best_cleanse / n:.2f} |"
    )
    print()
    print(
        f"ratio (cleanse / trafilatura, goal >= 0.95): {best_alone / best_cleanse:.3f}"
        f"; against the shared Extractor: {best_shared / best_cleanse:.3f}"
    )
    print()
    print("| step | share of HTML-mode time | ms/page |")
    print("|---|---|---|")
    for name, seconds in per_step.items():
        print(f"| {name} | {100 * seconds / total:.1f} % | {1000 * seconds / n:.3f} |")


if __name__ == "__main__":
    main()
