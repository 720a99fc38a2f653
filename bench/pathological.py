"""Linear time and bounded memory on hostile input shapes.

    python bench/pathological.py [--small 1] [--large 16] [--stream-mb 700]

For each shape, the default pipeline cleans 1 MB and 16 MB of it, each in a fresh
process; the table gives seconds per MB at both sizes, their ratio (goal: at most
1.2, i.e. time grows linearly) and the peak resident memory of the larger run.
Then a JSONL stream of ``--stream-mb`` megabytes is piped through ``cleanse --jsonl``
without ever existing as a file, and the child's peak memory is compared with the
size of the stream.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

SHAPES = {
    "prose lines": "Der Vertrag wurde am Montag unterzeichnet. Beide sind froh.\n",
    "one long line": "Ein Wort und noch ein Wort, ohne Ende. ",
    "one quote char": '"',
    "alternating quotes": "\"'„“«»",
    "teaser keyword lines": "LESEN  Der Chef der Armee stirbt mit 56 Jahren.\n",
    "teaser keywords, one line": "LESEN ",
    "mojibake": "WeiÃŸrussland FÃ¤lschung â€œjaâ€\x9d\n",
    "blank lines": "\n",
    "invisible chars": "a\u200b\u00ad\u00a0\u202e\u2028",
    "widget lines": "Share this:\nLeave a Reply\nSchreibe einen Kommentar\n",
}

CHILD = """
import resource, sys, time
import cleanse
shape, megabytes = sys.argv[1], float(sys.argv[2])
unit = {shapes}[shape]
text = unit * max(1, int(megabytes * 1_000_000 / len(unit.encode())))
pipeline = cleanse.make_pipeline()
pipeline.run("warm up: Der Vertrag wurde unterzeichnet.")
start = time.perf_counter()
pipeline.run(text)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(elapsed, len(text.encode()) / 1e6, peak)
"""


def measure(shape: str, megabytes: float) -> tuple[float, float, float]:
    code = CHILD.format(shapes=repr(SHAPES))
    out = subprocess.run(
        [sys.executable, "-c", code, shape, str(megabytes)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    seconds, size, peak = (float(x) for x in out)
    return seconds, size, peak


STREAM = """
import json, resource, subprocess, sys, time
megabytes = float(sys.argv[1])
record = {record}
line = (json.dumps(record, ensure_ascii=False) + "\\n").encode()
count = int(megabytes * 1e6 / len(line)) + 1
start = time.perf_counter()
child = subprocess.Popen(
    [sys.executable, "-m", "cleanse", "--jsonl", "--edits", "rules", "--quiet"],
    stdin=subprocess.PIPE,
    stdout=subprocess.DEVNULL,
)
for _ in range(count):
    child.stdin.write(line)
child.stdin.close()
child.wait()
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(count * len(line) / 1e6, elapsed, peak)
"""


def stream(megabytes: float) -> tuple[float, float, float]:
    """Pipe a generated JSONL stream through the CLI; return MB, seconds, peak MB.

    Runs in its own process, so the peak memory is that of this one cleanse run
    (getrusage reports the largest of a process's children).
    """
    record = {
        "url": "https://example.org/artikel",
        "text": (
            "Der Vertrag wurde am Montag unterzeichnet.\u00a0Beide Seiten sind "
            "zufrieden.\n\nLESEN  Der Chef der Armee stirbt mit 56 Jahren.\n\n"
            "Weiterführende Informationen – Ein anderer Artikel\n"
            "Schreibe einen Kommentar\n"
        )
        * 8,
    }
    out = subprocess.run(
        [sys.executable, "-c", STREAM.format(record=repr(record)), str(megabytes)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    size, seconds, peak = (float(x) for x in out)
    return size, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=float, default=1.0)
    parser.add_argument("--large", type=float, default=16.0)
    parser.add_argument("--stream-mb", type=float, default=700.0)
    parser.add_argument("--only", help="run only the shapes whose name contains this")
    args = parser.parse_args()

    print(
        f"{'shape':<28}{'s/MB @' + str(args.small):>10}{'s/MB @' + str(args.large):>11}"
        f"{'ratio':>8}{'peak MB':>9}"
    )
    worst = 0.0
    for shape in SHAPES:
        if args.only and args.only not in shape:
            continue
        t1, mb1, _ = measure(shape, args.small)
        t2, mb2, peak = measure(shape, args.large)
        per1, per2 = t1 / mb1, t2 / mb2
        ratio = per2 / per1 if per1 > 0 else float("nan")
        worst = max(worst, ratio)
        print(f"{shape:<28}{per1:>10.3f}{per2:>11.3f}{ratio:>8.2f}{peak:>9.0f}")
    print(f"worst ratio: {worst:.2f} (goal: at most 1.2)")
    if args.stream_mb > 0:
        size, seconds, peak = stream(args.stream_mb)
        print()
        print(
            f"streamed JSONL: {size:.0f} MB in {seconds:.0f} s "
            f"({size / seconds:.1f} MB/s); peak memory of cleanse: {peak:.0f} MB "
            f"(stream / memory = {size / peak:.1f})"
        )


if __name__ == "__main__":
    main()
