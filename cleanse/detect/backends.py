"""Language detectors behind one interface: text and candidates in, a `Detection` out.

A backend is any callable ``(text, candidates) -> Detection`` that also says which
ISO 639-1 codes it can answer (`Backend`). cleanse ships four, each loaded lazily
and only once per process, behind a lock so threads share one model:

- ``langdetect``: the reference, langdetect 1.0.9 (pure Python) on a private,
  seeded `DetectorFactory`;
- ``langdetect-rs``: the same algorithm in Rust (PyPI ``langdetect-rs``), which gave
  the very same answers on 38,446 texts about 24 times faster (docs/language.md);
- ``py3langid`` and ``lingua`` (PyPI ``lingua-language-detector``): other models,
  other answers, behind the extras of the same names.

``auto`` is langdetect-rs when it is installed, else langdetect.

    >>> backend = get_backend("langdetect")
    >>> backend("Der Vertrag wurde am Montag in Berlin unterzeichnet.", None).lang
    'de'
"""

from __future__ import annotations

import importlib
import importlib.util
from _thread import allocate_lock  # threading.Lock itself; threading costs 1 ms

from cleanse.document import UNDETERMINED

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, NamedTuple

    from cleanse._protocols import Backend
else:
    from cleanse._namedtuple import NamedTuple

__all__ = [
    "BACKENDS",
    "LANGDETECT_LANGUAGES",
    "SEED",
    "Backend",
    "Detection",
    "LangdetectBackend",
    "LinguaBackend",
    "Py3langidBackend",
    "get_backend",
    "require",
]


class Detection(NamedTuple):
    """A language (ISO 639-1, or ``"und"``) and the detector's confidence in it.

    >>> Detection("de", 0.99)
    Detection(lang='de', score=0.99)
    """

    lang: str
    score: float


#: What "cannot tell" looks like.
UND = Detection(UNDETERMINED, 0.0)

#: The seed every langdetect detection starts from. langdetect re-seeds its random
#: walk from the factory's seed at the start of each detection, so with a fixed seed
#: an answer depends on the text alone, never on what was detected before.
SEED = 0

#: langdetect 1.0.9's profiles (its ``profiles/`` folder). All are ISO 639-1 codes
#: except Chinese, which comes as ``zh-cn`` (simplified) and ``zh-tw`` (traditional):
#: cleanse reports both as ``zh``, with the two probabilities added.
LANGDETECT_PROFILES = (
    "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et",
    "fa", "fi", "fr", "gu", "he", "hi", "hr", "hu", "id", "it", "ja", "kn", "ko",
    "lt", "lv", "mk", "ml", "mr", "ne", "nl", "no", "pa", "pl", "pt", "ro", "ru",
    "sk", "sl", "so", "sq", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur",
    "vi", "zh-cn", "zh-tw",
)  # fmt: skip

#: The ISO 639-1 codes langdetect can answer.
LANGDETECT_LANGUAGES = frozenset(p.split("-")[0] for p in LANGDETECT_PROFILES)


def __getattr__(name: str) -> object:
    # Backend, the protocol, is defined with typing (cleanse._protocols), which
    # the plain-text path does not otherwise import.
    if name == "Backend":
        from cleanse._protocols import Backend

        return Backend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _best(scores: dict[str, float]) -> Detection:
    """The highest score; ties go to the smaller code, so the answer is stable."""
    if not scores:
        return UND
    lang = min(scores, key=lambda code: (-scores[code], code))
    return Detection(lang, min(scores[lang], 1.0))


class LangdetectBackend:
    """langdetect's algorithm on a private factory with a fixed seed.

    ``module`` is ``langdetect`` (the pure Python reference) or ``langdetect_rs``
    (the Rust port). ``restrict`` says how candidates are applied: ``"prior"`` gives
    the other languages a prior probability of zero (`Detector.set_prior_map`);
    ``"filter"`` builds a factory from the candidates' profiles only. Prior is the
    default: both are equally accurate (docs/language.md), and the prior needs no
    second factory.

    >>> fast = LangdetectBackend("langdetect_rs", "langdetect-rs")
    >>> fast("Le traité a été signé lundi à Berlin.", frozenset({"fr", "it"})).lang
    'fr'
    """

    def __init__(self, module: str, name: str, restrict: str = "prior") -> None:
        if restrict not in ("prior", "filter"):
            raise ValueError(f"restrict must be 'prior' or 'filter', not {restrict!r}")
        self.module = module
        self.name = name
        self.restrict = restrict
        #: How many times profiles were loaded; tests check it stays at one.
        self.loads = 0
        self._lock = allocate_lock()
        self._factory: Any = None
        self._error: type[Exception] = Exception
        self._filtered: dict[frozenset[str], Any] = {}

    def languages(self) -> frozenset[str]:
        """The codes langdetect's profiles cover (known without loading them)."""
        return LANGDETECT_LANGUAGES

    def factory(self) -> Any:
        """The factory with all profiles, loaded on first use and then shared."""
        if self._factory is None:
            with self._lock:
                if self._factory is None:
                    self._factory = self._load()
        return self._factory

    def _load(self) -> Any:
        # The import happens here, not at module level: plain-text cleaning must not
        # pay for langdetect's import or its 55 profiles.
        module = importlib.import_module(self.module)
        errors = importlib.import_module(self.module + ".lang_detect_exception")
        self._error = errors.LangDetectException
        factory = module.DetectorFactory()
        # The package's own profile folder, in its own order, exactly as
        # langdetect.detect() loads it: that is what "identical to langdetect" means.
        factory.load_profile(module.PROFILES_DIRECTORY)
        factory.set_seed(
            SEED
        )  # an instance attribute: the class-wide seed is untouched
        self.loads += 1
        return factory

    def _filtered_factory(self, profiles: frozenset[str]) -> Any:
        """A factory holding only ``profiles`` (two or more), built once per set."""
        factory = self._filtered.get(profiles)
        if factory is not None:
            return factory
        base = self.factory()
        with self._lock:
            factory = self._filtered.get(profiles)
            if factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY

                module = importlib.import_module(self.module)
                factory = module.DetectorFactory()
                order = [p for p in base.get_lang_list() if p in profiles]
                texts = []
                for profile in order:
                    path = f"{PROFILES_DIRECTORY}/{profile}"
                    with open(path, encoding="utf-8") as handle:
                        texts.append(handle.read())
                factory.load_json_profile(texts)
                factory.set_seed(SEED)
                self._filtered[profiles] = factory
        return factory

    def __call__(self, text: str, candidates: frozenset[str] | None, /) -> Detection:
        factory = self.factory()
        profiles = None
        if candidates is not None:
            profiles = frozenset(
                p for p in LANGDETECT_PROFILES if p.split("-")[0] in candidates
            )
        if profiles is not None and self.restrict == "filter" and len(profiles) > 1:
            factory = self._filtered_factory(profiles)
            profiles = None
        detector = factory.create()
        if profiles:
            detector.set_prior_map(dict.fromkeys(profiles, 1.0))
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except self._error:  # "No features in text": nothing langdetect knows
            return UND
        scores: dict[str, float] = {}
        for item in found:
            code = item.lang.split("-")[0]
            scores[code] = scores.get(code, 0.0) + item.prob
        return _best(scores)


class Py3langidBackend:
    """py3langid (a fork of langid.py), with probabilities normalised to [0, 1].

    The model loads once (about 0.3 s); a candidate set gets a shallow copy of the
    identifier with `set_languages` applied, so sets never disturb each other.
    """

    name = "py3langid"

    def __init__(self) -> None:
        self._lock = allocate_lock()
        self._identifiers: dict[frozenset[str] | None, Any] = {}

    def _identifier(self, candidates: frozenset[str] | None) -> Any:
        found = self._identifiers.get(candidates)
        if found is not None:
            return found
        with self._lock:
            if None not in self._identifiers:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                self._identifiers[None] = LanguageIdentifier.from_model_file(
                    MODEL_FILE, norm_probs=True
                )
            if candidates not in self._identifiers:
                import copy  # here: 0.7 ms of start-up for every process

                restricted = copy.copy(self._identifiers[None])
                restricted.set_languages(sorted(candidates or ()))
                self._identifiers[candidates] = restricted
            return self._identifiers[candidates]

    def languages(self) -> frozenset[str]:
        """The codes py3langid's model covers (loads the model)."""
        return frozenset(self._identifier(None).labels)

    def __call__(self, text: str, candidates: frozenset[str] | None, /) -> Detection:
        lang, score = self._identifier(candidates).classify(text)
        if score <= 0.0 or lang == "zxx":  # no features, or "no linguistic content"
            return UND
        return Detection(str(lang).split("-")[0], float(score))


class LinguaBackend:
    """Lingua (PyPI ``lingua-language-detector``), built lazily per candidate set.

    Lingua loads each language's n-gram models on first need; over all 75 languages
    that is about 1 GB of memory and seconds of start-up, so give ``languages=`` when
    you can: a detector over three languages is small and quick.
    """

    name = "lingua"

    def __init__(self) -> None:
        self._lock = allocate_lock()
        self._detectors: dict[frozenset[str] | None, Any] = {}

    def languages(self) -> frozenset[str]:
        """The codes lingua covers."""
        from lingua import Language

        return frozenset(lang.iso_code_639_1.name.lower() for lang in Language.all())

    def _detector(self, candidates: frozenset[str] | None) -> Any:
        found = self._detectors.get(candidates)
        if found is not None:
            return found
        with self._lock:
            if candidates not in self._detectors:
                from lingua import IsoCode639_1, LanguageDetectorBuilder

                if candidates is None:
                    builder = LanguageDetectorBuilder.from_all_languages()
                else:
                    codes = [IsoCode639_1.from_str(c) for c in sorted(candidates)]
                    if len(codes) == 1:
                        return None  # one candidate: nothing to choose
                    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
                self._detectors[candidates] = builder.build()
            return self._detectors[candidates]

    def __call__(self, text: str, candidates: frozenset[str] | None, /) -> Detection:
        detector = self._detector(candidates)
        if detector is None and candidates:
            (only,) = candidates
            return Detection(only, 1.0)
        # Lingua's Rust core takes UTF-8 only: lone surrogates become "?".
        text = text.encode("utf-8", "replace").decode("utf-8")
        values = detector.compute_language_confidence_values(text)
        scores = {
            v.language.iso_code_639_1.name.lower(): float(v.value)
            for v in values
            if v.value > 0.0
        }
        return _best(scores)


#: The installable package behind each backend name, for `require`'s advice.
_PACKAGES = {
    "langdetect": ("langdetect", "langdetect"),
    "langdetect-rs": ("langdetect_rs", "cleanse-web[fast]"),
    "py3langid": ("py3langid", "cleanse-web[py3langid]"),
    "lingua": ("lingua", "cleanse-web[lingua]"),
}

_MAKERS: dict[str, Callable[[], Backend]] = {
    "langdetect": lambda: LangdetectBackend("langdetect", "langdetect"),
    "langdetect-rs": lambda: LangdetectBackend("langdetect_rs", "langdetect-rs"),
    "py3langid": Py3langidBackend,
    "lingua": LinguaBackend,
}

#: The backend names `get_backend` accepts.
BACKENDS = ("auto", *_MAKERS)

_instances: dict[str, Backend] = {}
_instances_lock = allocate_lock()


def require(name: str) -> str:
    """The concrete backend ``name`` stands for, after checking it is installed.

    ``auto`` resolves to ``langdetect-rs`` when importable, else ``langdetect``.
    Raises ValueError for an unknown name and ImportError, with the ``pip install``
    that fixes it, for a backend whose package is missing; a step calls this when it
    is built, not half-way through a corpus.

    >>> require("langdetect")
    'langdetect'
    """
    if name == "auto":
        return "langdetect-rs" if _installed("langdetect_rs") else "langdetect"
    if name not in _PACKAGES:
        raise ValueError(
            f"unknown language detector {name!r}; choose one of {', '.join(BACKENDS)}"
        )
    module, install = _PACKAGES[name]
    if not _installed(module):
        raise ImportError(
            f"the {name!r} language detector needs the package {module!r}: "
            f"pip install '{install}'"
        )
    return name


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def get_backend(name: str = "auto") -> Backend:
    """The process-wide instance of backend ``name`` (see `require`)."""
    concrete = require(name)
    backend = _instances.get(concrete)
    if backend is None:
        with _instances_lock:
            backend = _instances.get(concrete)
            if backend is None:
                backend = _MAKERS[concrete]()
                _instances[concrete] = backend
    return backend
