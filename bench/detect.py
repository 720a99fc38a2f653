"""Language detection: accuracy, thresholds, parity and speed of each backend.

Run from the repository root::

    python bench/detect.py              # everything, 100 sentences per language
    python bench/detect.py --per-lang 40 --parity 0   # quicker

The labelled sample is ``eld/tests/data/big-test.txt`` from the PyPI package
``eld`` 1.0.6 (Apache-2.0; 1,000 sentences in each of 60 languages, Wikipedia-style
prose), installed for the benchmark only: ``pip install eld==1.0.6``. The 49
languages that langdetect also knows are used; see docs/language.md.
"""

from __future__ import annotations

import argparse
import importlib.resources
import random
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence

from cleanse.detect import (
    MIN_LETTERS,
    MIN_LETTERS_WITH_CANDIDATES,
    MIN_SCORE,
    detect_language,
)
from cleanse.detect.backends import (
    LANGDETECT_LANGUAGES,
    Backend,
    LangdetectBackend,
    get_backend,
)
from cleanse.detect.sampling import count_letters

#: Scripts written without spaces between words: a "two-word" text there is four
#: characters from the middle of the sentence instead.
NO_SPACES = frozenset({"ja", "zh", "th", "lo", "km", "my"})


def load_sample(per_lang: int) -> dict[str, list[str]]:
    """Up to ``per_lang`` sentences per language langdetect knows, in file order."""
    try:
        path = importlib.resources.files("eld") / "tests" / "data" / "big-test.txt"
        raw = path.read_text(encoding="utf-8")
    except ModuleNotFoundError:
        sys.exit("the benchmark reads eld's test sentences: pip install eld==1.0.6")
    sample: dict[str, list[str]] = defaultdict(list)
    for line in raw.splitlines():
        lang, _, sentence = line.partition("\t")
        if lang in LANGDETECT_LANGUAGES and len(sample[lang]) < per_lang:
            sample[lang].append(sentence.strip())
    return dict(sample)


def two_words(lang: str, sentence: str) -> str:
    """Two neighbouring words from the middle of ``sentence`` (see `NO_SPACES`)."""
    if lang in NO_SPACES:
        letters = [c for c in sentence if c.isalpha()]
        mid = len(letters) // 2
        return "".join(letters[max(mid - 2, 0) : mid + 2])
    words = [w.strip(".,;:!?()«»\"'“”„") for w in sentence.split()]
    words = [w for w in words if w and any(c.isalpha() for c in w)]
    mid = max(len(words) // 2 - 1, 0)
    return " ".join(words[mid : mid + 2])


def candidates_for(lang: str) -> tuple[str, ...]:
    """Three candidates: the true language and two of de, en, fr."""
    others = [c for c in ("de", "en", "fr") if c != lang]
    return (lang, *others[:2])


def accuracy(
    items: Sequence[tuple[str, str]],
    detect: Callable[[str, str], str],
) -> tuple[float, float]:
    """(share right, share answered "und") over (lang, text) pairs."""
    right = und = 0
    for lang, text in items:
        got = detect(lang, text)
        right += got == lang
        und += got == "und"
    return right / len(items), und / len(items)


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    print(f"\n## {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        cells = [f"{c:.3f}" if isinstance(c, float) else str(c) for c in row]
        print("| " + " | ".join(cells) + " |")


def prefix_with_letters(text: str, k: int) -> str:
    """The shortest prefix of ``text`` holding ``k`` letters ('' if it has fewer)."""
    seen = 0
    for i, ch in enumerate(text):
        seen += ch.isalpha()
        if seen == k:
            return text[: i + 1]
    return ""


def bench_letters(sample: dict[str, list[str]], raw: Backend) -> None:
    rows = []
    for k in (2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 30, 50):
        items = [
            (lang, prefix_with_letters(s, k)) for lang, ss in sample.items() for s in ss
        ]
        items = [(lang, t) for lang, t in items if t]
        free = [(lang, raw(t, None)) for lang, t in items]
        held = [(lang, raw(t, frozenset(candidates_for(lang)))) for lang, t in items]
        rows.append(
            (
                k,
                len(items),
                sum(d.lang == lang for lang, d in free) / len(items),
                sum(d.lang != lang and d.score >= 0.9 for lang, d in free) / len(items),
                sum(d.lang == lang for lang, d in held) / len(items),
            )
        )
    table(
        "Raw langdetect by letters (prefixes of sentences; no cut-off, no threshold)",
        (
            "letters",
            "texts",
            "accuracy",
            "wrong with score >= 0.9",
            "accuracy, 3 candidates",
        ),
        rows,
    )


def bench_scores(sample: dict[str, list[str]], raw: Backend) -> None:
    rows = []
    for label, make in (
        ("sentences", lambda lang, s: s),
        ("two words", two_words),
        ("16-letter prefixes", lambda lang, s: prefix_with_letters(s, 16)),
    ):
        items = [(lang, make(lang, s)) for lang, ss in sample.items() for s in ss]
        items = [(lang, t) for lang, t in items if count_letters(t) >= MIN_LETTERS]
        results = [(lang, raw(t, None)) for lang, t in items]
        bands = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.99), (0.99, 1.01))
        for low, high in bands:
            band = [(lang, d) for lang, d in results if low <= d.score < high]
            if band:
                acc = sum(d.lang == lang for lang, d in band) / len(band)
                rows.append((label, f"{low:.2f}-{min(high, 1.0):.2f}", len(band), acc))
    table(
        f"Raw langdetect by score band (texts with >= {MIN_LETTERS} letters)",
        ("texts", "score", "n", "accuracy"),
        rows,
    )


def bench_accuracy(sample: dict[str, list[str]]) -> None:
    sentences = [(lang, s) for lang, ss in sample.items() for s in ss]
    pairs = [(lang, two_words(lang, s)) for lang, ss in sample.items() for s in ss]
    prior = LangdetectBackend("langdetect_rs", "rs-prior", "prior")
    filtered = LangdetectBackend("langdetect_rs", "rs-filter", "filter")
    rows = []
    for label, items in (("sentences", sentences), ("two words", pairs)):
        runs: tuple[tuple[str, str | Backend, bool], ...] = (
            ("langdetect", "auto", False),
            ("langdetect + languages= (prior)", prior, True),
            ("langdetect + languages= (filter)", filtered, True),
            ("py3langid", "py3langid", False),
            ("py3langid + languages=", "py3langid", True),
            ("lingua", "lingua", False),
            ("lingua + languages=", "lingua", True),
        )
        for name, backend, restrict in runs:
            if label == "sentences" and "filter" in name:
                continue

            known = (
                get_backend(backend) if isinstance(backend, str) else backend
            ).languages()
            # Lingua has no Kannada or Malayalam, and says nb (Bokmål) for Norwegian:
            # each detector is scored on the languages it knows.
            mine = [(lang, t) for lang, t in items if lang in known]

            def detect(
                lang: str, text: str, b: str | Backend = backend, r: bool = restrict
            ) -> str:
                langs = candidates_for(lang) if r else None
                return detect_language(text, languages=langs, backend=b).lang

            acc, und = accuracy(mine, detect)
            rows.append((label, name, len(mine), acc, und))
    raw = get_backend("auto")
    for label, items in (("sentences", sentences), ("two words", pairs)):
        for name, restrict in (
            ("raw langdetect", False),
            ("raw langdetect + languages=", True),
        ):
            right = sum(
                raw(t, frozenset(candidates_for(lang)) if restrict else None).lang
                == lang
                for lang, t in items
            )
            rows.append(
                (label, name + " (no cut-offs)", len(items), right / len(items), 0.0)
            )
    table(
        "Accuracy (cleanse.detect_language, with its cut-offs)",
        ("texts", "detector", "n", "accuracy", "und"),
        rows,
    )


def bench_parity(sample: dict[str, list[str]], limit: int) -> None:
    pure = LangdetectBackend("langdetect", "langdetect")
    fast = LangdetectBackend("langdetect_rs", "langdetect-rs")
    texts = [s for ss in sample.values() for s in ss][:limit]
    texts += [two_words(lang, s) for lang, ss in sample.items() for s in ss][:limit]
    differ_lang = differ_prob = 0
    for text in texts:
        a = _probabilities(pure, text)
        b = _probabilities(fast, text)
        differ_prob += a != b
        differ_lang += (a[0][0] if a else None) != (b[0][0] if b else None)
    table(
        "Parity: langdetect-rs against langdetect (every probability compared)",
        ("texts", "different language", "different probabilities"),
        [(len(texts), differ_lang, differ_prob)],
    )


def _probabilities(backend: LangdetectBackend, text: str) -> list[tuple[str, float]]:
    detector = backend.factory().create()
    detector.append(text)
    try:
        return [(x.lang, x.prob) for x in detector.get_probabilities()]
    except Exception:
        return []


def bench_speed(sample: dict[str, list[str]]) -> None:
    sentences = [s for ss in sample.values() for s in ss]
    random.Random(1).shuffle(sentences)
    sentences = sentences[:1500]
    rates = {}
    for name in ("langdetect", "langdetect-rs", "py3langid", "lingua"):
        backend = get_backend(name)
        backend("warm up the model", None)
        if name == "lingua":  # load every language model before timing
            for s in sentences[:300]:
                backend(s, None)
        start = time.perf_counter()
        for s in sentences:
            backend(s, None)
        rates[name] = len(sentences) / (time.perf_counter() - start)
    table(
        f"Speed on {len(sentences)} sentences (one core, models loaded)",
        ("backend", "sentences/s", "ratio to langdetect"),
        [(n, f"{r:.0f}", r / rates["langdetect"]) for n, r in rates.items()],
    )


STARTUP = """
import time
t = time.perf_counter()
from cleanse.detect import detect_language
detect_language("Der Vertrag wurde am Montag in Berlin unterzeichnet.", backend={b!r})
print(time.perf_counter() - t)
"""


def bench_startup() -> None:
    rows = []
    for name in ("langdetect", "langdetect-rs", "py3langid", "lingua"):
        runs = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, "-c", STARTUP.format(b=name)],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(float(out.stdout))
        rows.append((name, min(runs), max(runs)))
    table(
        "First detection in a fresh process (import + load + detect, 3 runs)",
        ("backend", "best s", "worst s"),
        rows,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--per-lang", type=int, default=100, help="sentences per language"
    )
    parser.add_argument(
        "--parity", type=int, default=20000, help="texts of each kind (0: skip)"
    )
    args = parser.parse_args()
    sample = load_sample(args.per_lang)
    print(
        f"sample: {len(sample)} languages x {args.per_lang} sentences "
        "(eld 1.0.6 big-test)"
    )
    print(
        f"cut-offs: MIN_LETTERS={MIN_LETTERS}, with languages= "
        f"{MIN_LETTERS_WITH_CANDIDATES}, MIN_SCORE={MIN_SCORE}"
    )
    raw = get_backend("auto")
    bench_letters(sample, raw)
    bench_scores(sample, raw)
    bench_accuracy(sample)
    bench_speed(sample)
    bench_startup()
    if args.parity:
        bench_parity(
            load_sample(max(args.per_lang, args.parity // 49 + 1)), args.parity
        )


if __name__ == "__main__":
    main()
