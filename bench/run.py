"""The whole-pipeline benchmark: one command, one table.

    python bench/run.py [--mb 10] [--jsonl-mb 20] [--quick]

Each row sets cleanse against a reference measured in the same run, on the same
machine, so the ratios mean something anywhere:

- text: the default pipeline as ``Pipeline.stream`` runs it over a corpus (in
  batches, as the command line's JSONL mode and the integrations do) against
  ``ftfy.fix_text`` alone on each document, best of 3, on two corpora each
  repeated to ``--mb`` megabytes: every fixture input (many short case-table
  entries), and the fixture articles (``bench/strip.py``'s corpus). Each twice:
  the text alone, as ``clean()`` and ``cleanse`` give it, where the language is
  detected only for documents whose text depends on it; and with the language in
  the result (``clean_document``, ``cleanse --jsonl``), every document detected;
- HTML mode: ``cleanse --html`` (``make_pipeline(html=True,
  report_language=False)``, streamed) against ``trafilatura.extract`` alone with
  the same settings, in pages/s: the fixtures/html pages as written (about 5 kB),
  and the same pages padded with typical page furniture to about 30 kB (the best
  time of each side over `HTML_ROUNDS` alternating rounds, then in brackets the
  lowest and highest ratio of a single round);
- ``--jobs``: ``cleanse --jsonl`` with 1 and 2 worker processes on a generated JSONL
  stream, whose outputs must be byte-identical; the speed-up (the faster of two
  alternating runs of each) and peak memory;
- start-up: ``cleanse`` on a short text without quotation marks (no language
  needed), on one with them (the detector loads), and ``cleanse --help``, against
  ``python -c pass``.

The step-level benchmarks (bench/strip.py, quotes.py, detect.py, page.py,
pathological.py, learn.py) go deeper into one part each.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from html_speed import timed  # noqa: E402
from pipeline import best_of, cleanse_command, corpus, process_time  # noqa: E402
from strip import article_texts, repeated  # noqa: E402

from cleanse.pipeline import Pipeline  # noqa: E402

Row = tuple[str, str, str, str]

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
    """Wall time and peak memory (MB, largest process) of one cleanse run."""
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
    """Write fixture inputs as JSONL records until ``megabytes``; return bytes."""
    docs = corpus(1.0)
    size = count = 0
    with path.open("wb") as handle:
        while size < megabytes * 1e6:
            for text in docs:
                record = {"id": count, "text": text}
                data = json.dumps(record, ensure_ascii=False).encode() + b"\n"
                handle.write(data)
                size += len(data)
                count += 1
    return size


_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)


def with_chrome(page: str, size: int = 30_000) -> str:
    """``page`` padded with typical page furniture until it holds ``size`` bytes.

    The fixture pages average 5 kB, lighter than real ones (the HTTP Archive's
    median HTML document is about 30 kB): inline scripts and styles, a long
    navigation, sidebars of teasers and a footer of links. Extraction cost grows
    with that furniture; cleanse's own work follows the article text only.
    """
    links = "".join(
        f'<li><a href="/rubrik/{i}">Rubrik {i}</a></li>' for i in range(120)
    )
    teasers = "".join(
        f'<article class="teaser"><a href="/artikel/{i}"><h3>Weitere Meldung {i}'
        f"</h3></a><p>Kurzer Anrisstext zur Meldung {i}.</p></article>"
        for i in range(40)
    )
    script = "<script>window.__STATE__ = [" + '{"k": "v"}, ' * 400 + "null];</script>"
    style = "<style>" + ".c{margin:0;padding:0} " * 300 + "</style>"
    head = f"{style}{script}<nav><ul>{links}</ul></nav>"
    tail = f"<aside>{teasers}</aside><footer><ul>{links}</ul></footer>{script}"
    body = _BODY.search(page)
    if body is None:
        page = f"<html><body>{page}</body></html>"
        body = _BODY.search(page)
    assert body is not None
    padded = page[: body.end()] + head + page[body.end() :]
    padded = padded.replace("</body>", f"{tail}</body>", 1)
    while len(padded.encode()) < size:
        padded = padded.replace("</body>", f"<aside>{teasers}</aside></body>", 1)
    return padded


def all_at_once(func: Callable[[list[str]], object], docs: list[str]) -> float:
    """Seconds ``func`` takes over the whole list (a stream of documents)."""
    start = time.perf_counter()
    func(docs)
    return time.perf_counter() - start


#: Rounds of each HTML row. A round times trafilatura alone, then cleanse, on the
#: same pages; on the shared development machine the ratio of one round moved by up
#: to 0.06 between rounds a minute apart, so the row takes the best time of each
#: side over several rounds and also shows the rounds' own ratios.
HTML_ROUNDS = 5


def html_row(
    label: str,
    pages: list[str],
    ours: Callable[[list[str]], object],
    reference: Callable[[str], object],
    rounds: int = HTML_ROUNDS,
) -> Row:
    """Pages/s of cleanse's HTML mode against trafilatura alone, alternating: the
    best time of each side, then the lowest and highest ratio of single rounds."""
    # One untimed pass of each first: lazily compiled patterns and caches fill on
    # the first pages either side meets, which is start-up, not throughput.
    timed(reference, pages)
    all_at_once(ours, pages)
    refs: list[float] = []
    mine: list[float] = []
    for _ in range(rounds):
        refs.append(timed(reference, pages))
        mine.append(all_at_once(ours, pages))
    ratios = [ref / our for ref, our in zip(refs, mine, strict=True)]
    return (
        label,
        f"{len(pages) / min(mine):.0f}",
        f"{len(pages) / min(refs):.0f} trafilatura.extract",
        f"{min(refs) / min(mine):.2f} ({min(ratios):.2f}-{max(ratios):.2f})",
    )


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

    rows: list[Row] = []

    # Text mode: what clean() and `cleanse` print (the language detected only where
    # the text depends on it), and with the language in the result (clean_document,
    # --jsonl); on all fixture inputs and on the fixture articles alone.
    text_out = cleanse.make_pipeline(report_language=False)
    with_lang = cleanse.make_pipeline()
    for name, docs in (
        ("fixture inputs", corpus(args.mb)),
        ("fixture articles", repeated(article_texts(), args.mb)),
    ):
        megabytes = sum(len(d.encode()) for d in docs) / 1e6
        size = megabytes * 1e6 / len(docs)
        text_out.run(docs[0])
        with_lang.run(docs[0])
        t_ref = best_of(3, ftfy.fix_text, docs)
        for label, pipeline in (("text", text_out), ("with language", with_lang)):

            def cleaned(docs: list[str], pipeline: Pipeline = pipeline) -> object:
                return list(pipeline.stream(docs))

            t_ours = min(all_at_once(cleaned, docs) for _ in range(3))
            rows.append(
                (
                    f"{label}, {name} ({size:.0f} B) MB/s",
                    f"{megabytes / t_ours:.2f}",
                    f"{megabytes / t_ref:.2f} ftfy.fix_text",
                    f"{t_ref / t_ours:.2f}",
                )
            )

    # HTML mode, as written and at a typical weight.
    fixture_pages = sorted((ROOT / "fixtures/html").glob("*/*.html"))
    pages = [p.read_text(encoding="utf-8") for p in fixture_pages]
    pages = pages * max(1, 300 // max(1, len(pages)))
    html = cleanse.make_pipeline(html=True, report_language=False)  # cleanse --html
    html.run(pages[0])
    settings = {k: v for k, v in EXTRACT_DEFAULTS.items() if k != "fast"}

    def reference(page: str) -> object:
        return trafilatura.extract(page, **settings)

    for label, batch in (
        ("HTML, fixture pages", pages),
        ("HTML, typical weight", [with_chrome(p) for p in pages]),
    ):
        kilobytes = sum(len(p.encode()) for p in batch) / len(batch) / 1e3
        rows.append(
            html_row(
                f"{label}, {kilobytes:.0f} kB (pages/s)",
                batch,
                lambda pages: list(html.stream(pages)),
                reference,
            )
        )

    # --jobs scaling and peak memory.
    work = ROOT / "bench" / "out"
    work.mkdir(exist_ok=True)
    data = work / "corpus.jsonl"
    size = jsonl_corpus(data, args.jsonl_mb) / 1e6
    # Two alternating runs of each, the faster counting (the peak: the larger),
    # as for the HTML rows: single runs gave ratios from 1.78 to 1.95 in a day.
    runs = [
        (
            cli_run(["--jsonl", "--quiet"], data, work / "jobs1.jsonl"),
            cli_run(["--jsonl", "--quiet", "--jobs", "2"], data, work / "jobs2.jsonl"),
        )
        for _ in range(2)
    ]
    one = min(first[0] for first, _ in runs)
    two = min(second[0] for _, second in runs)
    peak_one = max(first[1] for first, _ in runs)
    peak_two = max(second[1] for _, second in runs)
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
            f"{peak_two:.0f} (--jobs 2)",
            f"{peak_one:.0f} (--jobs 1)",
            "",
        )
    )

    # Start-up: a text without quotation marks needs no language (the profiles
    # never load); one with them loads the detector.
    command = cleanse_command()
    base = process_time([sys.executable, "-c", "pass"], b"")
    plain = process_time(command, b"Ein kurzer Text.\n")
    quoted = process_time(command, b'Er sagte "ja" und ging nach Hause.\n')
    helptime = process_time([*command, "--help"], b"")
    for label, ms in (
        ("start-up, text mode (ms)", plain),
        ("start-up, text with quotes (ms)", quoted),
        ("start-up, --help (ms)", helptime),
    ):
        rows.append(
            (label, f"{ms:.0f}", f"{base:.0f} python -c pass", f"+{ms - base:.0f}")
        )

    print(f"pipeline: {' -> '.join(with_lang.names)}; cleanse {cleanse.__version__}")
    print(f"{'measure':<46}{'cleanse':>20}{'reference':>32}{'ratio':>18}")
    for name, ours, ref, ratio in rows:
        print(f"{name:<46}{ours:>20}{ref:>32}{ratio:>18}")
    print(f"--jobs 2 output identical to --jobs 1: {same}")
    if not same:
        raise SystemExit("outputs differ between --jobs 1 and --jobs 2")


if __name__ == "__main__":
    main()
