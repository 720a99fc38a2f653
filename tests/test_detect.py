"""Tests for cleanse.detect: answers, "und", options, parity, determinism, laziness."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanse.detect import MIN_LETTERS, Detect, Detection, detect_language
from cleanse.detect.backends import (
    LANGDETECT_LANGUAGES,
    Backend,
    LangdetectBackend,
    get_backend,
    require,
)
from cleanse.detect.sampling import SAMPLE_CHARS, paragraphs, sample_text
from cleanse.document import UNDETERMINED, Document
from tests.strategies import PROSE, any_text, scraped_text

SAMPLE_FILE = Path(__file__).parent / "data" / "detect_sample.tsv"
HAS_RS = importlib.util.find_spec("langdetect_rs") is not None


def labelled() -> list[tuple[str, str]]:
    rows = []
    for line in SAMPLE_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t")
            rows.append((lang, text))
    return rows


# -- answers ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), sorted(PROSE.items()))
def test_prose_is_detected(lang: str, text: str) -> None:
    for backend in ("langdetect", "auto"):
        found = detect_language(text, backend=backend)
        assert found.lang == lang
        assert 0.9 <= found.score <= 1.0


def test_sample_accuracy_with_the_reference() -> None:
    rows = labelled()
    right = sum(
        detect_language(t, backend="langdetect").lang == lang for lang, t in rows
    )
    assert right / len(rows) >= 0.95


@pytest.mark.parametrize(
    "text",
    ["中华人民共和国是一个位于东亚的国家。", "中華民國是位於東亞的國家，首都台北。"],
)
def test_chinese_is_reported_as_zh(text: str) -> None:
    assert detect_language(text, backend="langdetect").lang == "zh"
    assert (
        detect_language(text, backend="langdetect", languages=("zh", "ja")).lang == "zh"
    )


# -- "und" -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "12345 678",
        "OK",
        "Home",
        "a b c d",
        "https://example.org/x",
        "€ 12,50 — 3 × 4",
        "😀😀😀",
    ],
)
def test_too_little_to_tell_is_und(text: str) -> None:
    assert detect_language(text) == Detection(UNDETERMINED, 0.0)


def test_the_letter_cut_off_is_exact() -> None:
    seen: list[str] = []

    class Spy:
        name = "spy"

        def languages(self) -> frozenset[str]:
            return frozenset({"de"})

        def __call__(
            self, text: str, candidates: frozenset[str] | None, /
        ) -> Detection:
            seen.append(text)
            return Detection("de", 1.0)

    letters = "Ueberallesx"[:MIN_LETTERS]
    assert detect_language(letters[:-1] + " 1 2 3", backend=Spy()).lang == UNDETERMINED
    assert seen == []  # too few letters: the detector is not even asked
    assert detect_language(letters, backend=Spy()) == ("de", 1.0)
    assert seen == [letters]


def test_short_text_is_und_without_candidates_but_answered_with_them() -> None:
    assert detect_language("Die Post").lang == UNDETERMINED
    assert detect_language("Die Post", languages=("de", "en", "fr")).lang == "de"
    assert detect_language("The mail", languages=("de", "en", "fr")).lang == "en"


# -- options ---------------------------------------------------------------------


def test_languages_restricts_the_answer() -> None:
    text = PROSE["fr"]
    assert detect_language(text, languages=("de", "en")).lang in {
        "de",
        "en",
        UNDETERMINED,
    }
    only = detect_language(text, languages=("fr",))
    assert (only.lang, only.score) == ("fr", pytest.approx(1.0))
    assert detect_language(text, languages="fr").lang == "fr"  # a str is one code


@pytest.mark.parametrize("languages", [(), ("xx",), ("de", "klingon")])
def test_bad_languages_are_refused(languages: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="language"):
        detect_language("Hallo Welt, wie geht es dir?", languages=languages)
    with pytest.raises(ValueError, match="language"):
        Detect(languages=languages)


def test_forced_language_skips_detection() -> None:
    doc = Document.from_text(PROSE["en"])
    out = Detect(lang="de")(doc)
    assert (out.lang, out.lang_score, out.text) == ("de", 1.0, doc.text)


def test_unknown_or_missing_backend_fails_when_the_step_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ValueError, match="unknown language detector"):
        Detect(backend="cld9")
    monkeypatch.setattr("cleanse.detect.backends._installed", lambda module: False)
    with pytest.raises(ImportError, match=r"pip install 'cleanse-web\[lingua\]'"):
        Detect(backend="lingua")
    assert require("auto") == "langdetect"  # falls back when langdetect-rs is absent


def test_auto_prefers_the_fast_backend_when_installed() -> None:
    assert require("auto") == ("langdetect-rs" if HAS_RS else "langdetect")


def test_paragraph_languages() -> None:
    text = f"{PROSE['de']}\n\n{PROSE['en']}\n \n{PROSE['fr']}\n\nOK"
    out = Detect(paragraphs=True)(Document.from_text(text))
    assert [lang for lang, _ in out.paragraph_langs] == ["de", "en", "fr", UNDETERMINED]
    assert Detect()(Document.from_text(text)).paragraph_langs == ()
    forced = Detect(lang="de", paragraphs=True)(Document.from_text(text))
    assert forced.paragraph_langs == (("de", 1.0),) * 4


def test_a_callable_is_a_backend() -> None:
    class Always:
        name = "always"

        def languages(self) -> frozenset[str]:
            return frozenset({"la"})

        def __call__(
            self, text: str, candidates: frozenset[str] | None, /
        ) -> Detection:
            return Detection("la", 0.75)

    assert isinstance(Always(), Backend)
    assert detect_language("Gallia est omnis divisa", backend=Always()) == ("la", 0.75)
    assert detect_language("Gallia", backend=Always()).lang == UNDETERMINED


# -- the step --------------------------------------------------------------------


def test_step_returns_the_same_document_when_nothing_changes() -> None:
    step = Detect()
    once = step(Document.from_text(PROSE["de"]))
    assert step(once) is once
    assert once.edits == ()


@given(scraped_text)
def test_step_is_total_and_never_touches_the_text(text: str) -> None:
    doc = Document.from_text(text)
    out = Detect(paragraphs=True, backend="langdetect")(doc)
    assert (out.text, out.edits) == (doc.text, doc.edits)
    assert out.lang == UNDETERMINED or out.lang in LANGDETECT_LANGUAGES
    assert len(out.paragraph_langs) == len(paragraphs(text))
    assert Detect(paragraphs=True, backend="langdetect")(out) is out  # idempotent


@given(any_text)
def test_detection_is_total_and_repeatable(text: str) -> None:
    first = detect_language(text, backend="langdetect")
    assert first == detect_language(text, backend="langdetect")
    assert 0.0 <= first.score <= 1.0
    assert (first.lang == UNDETERMINED) == (first.score == 0.0)


@given(st.lists(st.sampled_from([*PROSE.values(), "Die Post kommt", "ok"]), max_size=6))
def test_call_order_does_not_matter(texts: list[str]) -> None:
    forward = [detect_language(t, backend="langdetect") for t in texts]
    backward = [detect_language(t, backend="langdetect") for t in reversed(texts)]
    assert forward == backward[::-1]


# -- long documents --------------------------------------------------------------


def test_long_documents_are_sampled_across_their_length() -> None:
    text = ("Share this: Facebook Twitter Email. " * 20) + (PROSE["de"] + "\n") * 400
    sample = sample_text(text)
    assert len(sample) <= SAMPLE_CHARS
    assert "Vertrag" in sample
    assert detect_language(text).lang == "de"


@pytest.mark.parametrize("length", [0, 1, 499, SAMPLE_CHARS, SAMPLE_CHARS + 1, 10**6])
def test_sample_is_bounded(length: int) -> None:
    text = ("word " * (length // 5 + 1))[:length]
    sample = sample_text(text)
    assert len(sample) <= SAMPLE_CHARS
    assert sample == text or length > SAMPLE_CHARS


# -- determinism across processes and laziness -----------------------------------

PROBE = """
import json, sys
from cleanse.detect import detect_language
texts = json.loads(sys.argv[1])
if sys.argv[2] == "reversed":
    texts = texts[::-1]
    detect_language("Warm up with something else entirely, in English.")
out = {{t: detect_language(t, backend={backend!r}) for t in texts}}
print(json.dumps(sorted(out.items())))
"""


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["langdetect", "auto"])
def test_answers_are_the_same_in_fresh_processes(backend: str) -> None:
    texts = [t for _, t in labelled()[::9]] + [
        "Die Post kommt morgen",
        "Bom dia a todos",
    ]
    runs = [
        subprocess.run(
            [
                sys.executable,
                "-c",
                PROBE.format(backend=backend),
                json.dumps(texts),
                order,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for order in ("forward", "reversed")
    ]
    assert runs[0] == runs[1]
    assert len(json.loads(runs[0])) == len(texts)


@pytest.mark.slow
def test_importing_loads_no_detector() -> None:
    code = (
        "import sys, cleanse.detect\n"
        "print('langdetect' in sys.modules, 'langdetect_rs' in sys.modules)\n"
        "from cleanse.detect import detect_language\n"
        "detect_language('Hallo Welt, wie geht es?', backend='langdetect')\n"
        "print('langdetect' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False", "True"]


def test_profiles_load_once_even_under_threads() -> None:
    backend = LangdetectBackend("langdetect", "langdetect")
    factories = []
    threads = [
        threading.Thread(target=lambda: factories.append(backend.factory()))
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    backend("Noch ein Satz auf Deutsch, bitte.", None)
    assert backend.loads == 1
    assert all(f is factories[0] for f in factories)
    assert get_backend("langdetect") is get_backend("langdetect")


def test_the_global_langdetect_seed_is_untouched() -> None:
    from langdetect import DetectorFactory

    detect_language(PROSE["de"], backend="langdetect")
    assert DetectorFactory.seed is None


def test_prior_and_filter_restriction_agree_on_clear_text() -> None:
    filtered = LangdetectBackend("langdetect", "langdetect", restrict="filter")
    prior = LangdetectBackend("langdetect", "langdetect", restrict="prior")
    for lang, text in PROSE.items():
        candidates = frozenset({"de", "en", "fr"})
        assert filtered(text, candidates).lang == prior(text, candidates).lang == lang


# -- langdetect-rs: identical answers ------------------------------------------------


@pytest.mark.skipif(
    not HAS_RS, reason="langdetect-rs (the [fast] extra) is not installed"
)
def test_langdetect_rs_gives_identical_probabilities() -> None:
    pure = LangdetectBackend("langdetect", "langdetect").factory()
    fast = LangdetectBackend("langdetect_rs", "langdetect-rs").factory()
    texts = [t for _, t in labelled()]
    texts += [" ".join(t.split()[2:4]) for t in texts]  # short texts diverge first
    texts += ["", "12", "http://example.org", "Ελληνικά και English mixed", "\ud800x"]
    for text in texts:
        results = []
        for factory in (pure, fast):
            detector = factory.create()
            detector.append(text)
            try:
                results.append([(x.lang, x.prob) for x in detector.get_probabilities()])
            except Exception as error:  # both must fail alike ("No features in text")
                results.append([(type(error).__name__, str(error))])
        assert results[0] == results[1], text


# -- optional backends --------------------------------------------------------------


def test_py3langid_backend() -> None:
    pytest.importorskip("py3langid", reason="the [py3langid] extra is not installed")
    for lang, text in PROSE.items():
        assert detect_language(text, backend="py3langid").lang == lang
    assert (
        detect_language("Die Post", languages=("de", "en"), backend="py3langid").lang
        == "de"
    )
    assert detect_language("12 345", backend="py3langid").lang == UNDETERMINED
    assert Detect(backend="py3langid")(Document.from_text(PROSE["fr"])).lang == "fr"


def test_lingua_backend() -> None:
    pytest.importorskip("lingua", reason="the [lingua] extra is not installed")
    # Restricted on purpose: lingua over all its languages needs about 1 GB.
    langs = ("de", "en", "fr")
    for lang, text in PROSE.items():
        assert detect_language(text, languages=langs, backend="lingua").lang == lang
    assert (
        detect_language("Die Post kommt", languages=langs, backend="lingua").lang
        == "de"
    )
    assert detect_language(
        "\ud800 Bonjour à tous", languages=langs, backend="lingua"
    ).lang in {
        "fr",
        UNDETERMINED,
    }
    assert detect_language(PROSE["de"], languages=("de",), backend="lingua") == (
        "de",
        1.0,
    )


@given(st.text(max_size=200), st.integers(0, 30))
def test_has_letters_agrees_with_counting_them_all(text: str, least: int) -> None:
    from cleanse.detect.sampling import count_letters, has_letters

    assert has_letters(text, least) == (count_letters(text) >= least)


def _gaps_reference(text: str) -> str:
    # What detection read before read_as_spaces: one regular expression.
    import re

    from cleanse.quotes.engine import READ_MARKS

    return re.sub(f"[\\s{re.escape(READ_MARKS)}]+", " ", text).strip()


@given(
    st.text(
        st.one_of(
            st.characters(),
            st.sampled_from(" \t\n\u00a0\u202f\u2028\"'`‘’‚“”„«»‹›"),
        )
    )
)
def test_read_as_spaces_is_the_regular_expression(text: str) -> None:
    from cleanse.detect import read_as_spaces

    assert read_as_spaces(text) == _gaps_reference(text)


def test_split_and_re_agree_on_white_space_over_all_of_unicode() -> None:
    # read_as_spaces relies on str.split splitting at exactly re's \s.
    import re

    every = "".join(map(chr, range(0x110000)))
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]
