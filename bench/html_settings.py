"""Compare trafilatura settings on the fixture pages: which serves cleanse best.

    python bench/html_settings.py

For every setting, each page in ``fixtures/html/<lang>/<case>.html`` is extracted and
scored by token F1 against its hand-made body (``<case>.txt``): once for the
extraction alone, once for the extraction followed by the default pipeline (with
the strip step, see `cleaning_pipeline`). The "+ clean" columns decide: cleanse
strips boilerplate after extraction, so a setting that keeps more of the article
and a little more clutter can come out ahead. Scores are means over pages (macro
F1); ``min`` is the worst page; ``ms`` is the mean extraction time per page.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from statistics import mean

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleanse.api import make_pipeline  # noqa: E402
from cleanse.extract import EXTRACT_DEFAULTS, extract_text  # noqa: E402
from cleanse.pipeline import Pipeline  # noqa: E402

_WORD = regex.compile(r"\w+")

#: name -> overrides of cleanse's EXTRACT_DEFAULTS. "trafilatura defaults" is
#: trafilatura's own default (comments kept, no recall/precision bias, layout tables
#: read as tables); every other row reads layout tables as blocks, as cleanse does,
#: but the one that says otherwise.
SETTINGS: dict[str, dict[str, bool]] = {
    "trafilatura defaults": {
        "favor_recall": False,
        "include_comments": True,
        "unwrap_layout_tables": False,
    },
    "default, no comments": {"favor_recall": False},
    "favor_precision": {"favor_recall": False, "favor_precision": True},
    "favor_recall": {},
    "favor_recall, layout tables as tables": {"unwrap_layout_tables": False},
    "favor_recall, no tables": {"include_tables": False},
    "favor_recall, comments": {"include_comments": True},
    "favor_recall, deduplicate": {"deduplicate": True},
    "favor_recall, fast": {"fast": True},
    "default, fast": {"favor_recall": False, "fast": True},
}


def pages() -> list[tuple[str, str, str]]:
    """(case, html, body) for every fixture page, in a stable order."""
    found = []
    for path in sorted((ROOT / "fixtures" / "html").glob("*/*.html")):
        case = f"{path.parent.name}/{path.stem}"
        body = path.with_suffix(".txt").read_text(encoding="utf-8")
        found.append((case, path.read_text(encoding="utf-8"), body))
    return found


def tokens(text: str) -> Counter[str]:
    return Counter(m.lower() for m in _WORD.findall(text))


def f1(found: str, truth: str) -> tuple[float, float, float]:
    """Token precision, recall and F1 of ``found`` against ``truth`` (multisets)."""
    got, want = tokens(found), tokens(truth)
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision = common / sum(got.values())
    recall = common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def cleaning_pipeline() -> Pipeline:
    """The default pipeline; with the strip step added after normalise if it lacks it.

    What cleanse does after extraction is the point of the comparison, and stripping
    boilerplate is the largest part of that.
    """
    pipeline = make_pipeline()
    if "strip" in pipeline.names:
        return pipeline
    from cleanse.strip import Strip

    return pipeline.with_step(Strip(), after="normalise")


def score(
    overrides: dict[str, bool], data: list[tuple[str, str, str]], pipeline: Pipeline
) -> list[float]:
    """[P, R, F1, min F1, F1 after cleaning, min F1 after cleaning, ms per page]."""
    raw, cleaned, seconds = [], [], 0.0
    for _case, page, body in data:
        start = time.perf_counter()
        text = extract_text(page, **overrides)
        seconds += time.perf_counter() - start
        raw.append(f1(text, body))
        cleaned.append(f1(pipeline.clean(text), body)[2])
    return [
        mean(r[0] for r in raw),
        mean(r[1] for r in raw),
        mean(r[2] for r in raw),
        min(r[2] for r in raw),
        mean(cleaned),
        min(cleaned),
        1000 * seconds / len(data),
    ]


def main() -> None:
    data = pages()
    pipeline = cleaning_pipeline()
    for _case, page, _body in data[:3]:
        extract_text(page)  # warm up: trafilatura's first call loads its tables
    print(
        f"{len(data)} pages in {len({c.split('/')[0] for c, _, _ in data})} "
        f"languages; cleanse defaults: {EXTRACT_DEFAULTS}; "
        f"clean = {' -> '.join(pipeline.names)}"
    )
    print()
    print("| setting | P | R | F1 | min F1 | F1 + clean | min F1 + clean | ms/page |")
    print("|---|---|---|---|---|---|---|---|")
    for name, overrides in SETTINGS.items():
        row = score(overrides, data, pipeline)
        cells = " | ".join(f"{v:.3f}" for v in row[:6])
        print(f"| {name} | {cells} | {row[6]:.1f} |")


if __name__ == "__main__":
    main()
