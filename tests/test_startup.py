"""Start-up stays cheap: the modules ``cleanse`` imports to clean a short text.

Times vary with the machine; which modules load does not. Each module named here
once cost the command line milliseconds on every run (docs/performance.md has the
figures), so a change that brings one back fails here rather than going unnoticed.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Never imported by ``cleanse < short-text``: stdlib modules that are slow to
#: import (dataclasses pulls in inspect, ast, dis, tokenize; argparse is only
#: needed when there are arguments to read), regex (the strip
#: step's patterns compile on first need), and the heavy dependencies.
NOT_ON_TEXT_PATH = (
    "dataclasses",
    "inspect",
    "ast",
    "typing",
    "argparse",
    "gettext",
    "copy",
    "pathlib",
    "tomllib",
    "threading",
    "concurrent.futures",
    "regex",
    "ftfy",
    "langdetect",
    "langdetect_rs",
    "trafilatura",
    "lxml",
)

_PROBE = """
import json, sys
before = set(sys.modules)
from cleanse.cli import run_cli
import io
out, err = io.BytesIO(), io.StringIO()
status = run_cli(sys.argv[1:], io.BytesIO(sys.stdin.buffer.read()), out, err)
print(json.dumps({
    "status": status,
    "output": out.getvalue().decode(),
    "loaded": sorted(set(sys.modules) - before),
}))
"""


def _probe(text: str, *args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    data: dict[str, object] = json.loads(result.stdout.decode().splitlines()[-1])
    return data


@pytest.mark.parametrize(
    "text",
    [
        "Hallo\u00a0Welt. Ein kurzer Text.\n",
        "Der Vertrag gilt.\nSchreibe einen Kommentar\nTeilen mit:\n",
        "Caf\u00e9 und K\u00f6ln.  \n\n\n\nEnde.\n",
    ],
)
def test_cleaning_a_short_text_imports_none_of_the_slow_modules(text: str) -> None:
    found = _probe(text)
    assert found["status"] == 0
    loaded = set(found["loaded"])  # type: ignore[call-overload]
    assert "cleanse.strip.step" in loaded  # the probe really cleaned
    assert sorted(loaded & set(NOT_ON_TEXT_PATH)) == []


def test_the_probe_sees_a_slow_module_when_one_is_needed() -> None:
    # Mojibake needs ftfy: the probe does report what cleaning imports.
    found = _probe("Wei\u00c3\u0178russland\n")
    assert found["output"] == "Wei\u00dfrussland\n"
    assert "ftfy" in found["loaded"]  # type: ignore[operator]


def _python(code: str) -> str:
    """What a fresh interpreter prints running ``code``."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, text=True
    )
    return result.stdout


def test_help_imports_no_cleaning_module() -> None:
    code = (
        "import sys\nbefore = set(sys.modules)\nfrom cleanse.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in set(sys.modules) - before"
        " if m.startswith('cleanse.') or m in ('typing', 'dataclasses', 'json')))"
    )
    assert (
        _python(code).strip().splitlines()[-1] == "['cleanse._frozen', 'cleanse.cli']"
    )


def test_jsonl_mode_imports_neither_dataclasses_nor_typing() -> None:
    found = _probe(
        '{"id": 1, "text": "Hallo\\u00a0Welt. Ein kurzer Text."}\n', "--jsonl"
    )
    assert found["status"] == 0
    assert '"id": 1' in str(found["output"])
    loaded = set(found["loaded"])  # type: ignore[call-overload]
    # Here there are options to read, and the language to report: a detector.
    slow = set(NOT_ON_TEXT_PATH) - {
        "argparse",
        "gettext",
        "langdetect",
        "langdetect_rs",
    }
    assert sorted(loaded & slow) == []


def test_cleaning_plain_text_compiles_none_of_the_lazy_patterns() -> None:
    # Each of these costs a few tenths of a millisecond to compile; a short plain
    # text needs none of them (cleanse._lazy_re).
    code = (
        "import cleanse, cleanse.normalise as n, cleanse.repair as r, "
        "cleanse.quotes.engine as q, cleanse.strip.engine as s\n"
        "cleanse.clean('Ein kurzer Text.')\n"
        "lazy = [n._BREAKS, n._ANY_CHAR, n._SPACE_RUN, r._GATE_PAIR, q._MARK, "
        "q._NEAR, s._FIRST_WORD]\n"
        "print(sum('search' in vars(p) for p in lazy))\n"
        "cleanse.clean('Er sagte  \"ja\" und ging über die Brücke.')\n"
        "print(sum('search' in vars(p) for p in lazy))\n"
    )
    before, after = _python(code).split()
    assert before == "0"
    assert int(after) >= 3  # the same patterns, compiled once a text needs them


_FREEZE_PROBE = """
import gc, io, sys
from cleanse import cli
text = "Der Vertrag gilt."
library = cli.run_cli([], io.BytesIO(text.encode()), io.BytesIO(), io.StringIO())
after_library = gc.get_freeze_count()
sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode()))
sys.stdout = io.TextIOWrapper(io.BytesIO())
command = cli.main([])
sys.stdout = sys.__stdout__
print(library, after_library, command, gc.get_freeze_count())
"""


def test_the_command_freezes_its_start_up_and_the_library_does_not() -> None:
    # `gc.freeze` takes the start-up's objects out of every later collection
    # and out of the one at exit; only the command may do that to a process.
    library, after_library, command, frozen = map(int, _python(_FREEZE_PROBE).split())
    assert (library, command) == (0, 0)
    assert after_library == 0
    assert frozen > 10_000
