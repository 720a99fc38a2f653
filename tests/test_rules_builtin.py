"""The built-in packs as generated data (`cleanse/strip/_builtin.json`).

The TOML files are the source of truth; the JSON is what a process loads. These
tests fail when the JSON is stale, say which command writes it, and check that a
fresh process builds the strip step without parsing TOML or compiling patterns
it does not use.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cleanse.strip import rules as rules_module
from cleanse.strip.build import COMMAND, render
from cleanse.strip.engine import Engine, describe
from cleanse.strip.rules import (
    BUILTIN_DATA,
    RuleSet,
    builtin_data,
    builtin_files,
    builtin_rules,
    load_rules,
    source_hash,
)

ROOT = Path(__file__).resolve().parent.parent


def _from_toml() -> RuleSet:
    return RuleSet.merge(*(load_rules(path, check=False) for path in builtin_files()))


def test_generated_data_is_what_the_build_command_writes() -> None:
    written = BUILTIN_DATA.read_text(encoding="utf-8")
    assert written == render(), f"{BUILTIN_DATA.name} is out of date: run {COMMAND}"


def test_generated_data_carries_the_hash_of_the_packs() -> None:
    assert builtin_data()["source_hash"] == source_hash(builtin_files()), (
        f"a rule pack changed: run {COMMAND}"
    )


def test_builtin_rules_from_data_equal_the_toml() -> None:
    loaded, parsed = builtin_rules(), _from_toml()
    assert loaded.rules == parsed.rules
    assert (loaded.files, loaded.group_by) == (parsed.files, parsed.group_by)


def test_every_pattern_is_described_as_the_reader_describes_it() -> None:
    patterns = builtin_data()["patterns"]
    assert set(patterns) == {r.pattern for r in builtin_rules().rules if r.pattern}
    for pattern in patterns:
        stored = json.loads(json.dumps(describe(pattern)))
        rules_module.builtin_data.cache_clear()
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(rules_module, "builtin_data", dict)
                from cleanse.strip import engine

                patch.setattr(engine, "builtin_data", dict)
                computed = json.loads(json.dumps(describe(pattern)))
        finally:
            rules_module.builtin_data.cache_clear()
        assert stored == computed, pattern


def test_a_stale_hash_falls_back_to_the_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    stale = {**builtin_data(), "source_hash": "0" * 64}
    monkeypatch.setattr(rules_module, "builtin_data", lambda: stale)
    builtin_rules.cache_clear()
    try:
        fallback = builtin_rules()
        assert fallback.rules == _from_toml().rules
        assert fallback is not None
    finally:
        builtin_rules.cache_clear()


def test_missing_or_foreign_data_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    foreign = tmp_path / "_builtin.json"
    for text in ("", "[]", '{"format": 0}', "{not json"):
        foreign.write_text(text, encoding="utf-8")
        monkeypatch.setattr(rules_module, "_BUILTIN_DATA", str(foreign))
        rules_module.builtin_data.cache_clear()
        assert rules_module.builtin_data() == {}
    monkeypatch.setattr(rules_module, "_BUILTIN_DATA", str(tmp_path / "none.json"))
    rules_module.builtin_data.cache_clear()
    assert rules_module.builtin_data() == {}
    monkeypatch.undo()
    rules_module.builtin_data.cache_clear()
    assert builtin_data()["format"] == rules_module.BUILTIN_FORMAT


def test_build_check_command_agrees() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cleanse.strip.build", "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr


# A fresh process: build the step, strip prose, a widget line, a teaser and a
# tail; count the patterns compiled on the way and the modules imported.
_FRESH = textwrap.dedent(
    """
    import json, sys
    import regex
    from cleanse.document import Document
    from cleanse.strip import Strip

    compiled = []
    original = regex.compile
    def counting(pattern, *args, **kwargs):
        compiled.append(pattern)
        return original(pattern, *args, **kwargs)
    regex.compile = counting

    step = Strip()
    text = (
        "Hallo Welt. Ein kurzer Text über das Wetter in Berlin.\\n"
        "Die Regierung hat am Montag beschlossen, die Steuern zu senken.\\n"
        "Schreibe einen Kommentar\\n"
        "Teilen mit:\\n"
        "Am Ende war alles gut."
    )
    out = step(Document.from_text(text)).text
    print(json.dumps({
        "text": out,
        "compiled": compiled,
        "toml": "tomllib" in sys.modules or "tomli" in sys.modules,
        "heavy": sorted({"pathlib", "hashlib"} & set(sys.modules)),
    }))
    """
)


def test_a_fresh_process_compiles_no_rule_pattern_for_prose_and_widgets() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FRESH],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    report = json.loads(done.stdout)
    assert report["text"].splitlines() == [
        "Hallo Welt. Ein kurzer Text über das Wetter in Berlin.",
        "Die Regierung hat am Montag beschlossen, die Steuern zu senken.",
        "Am Ende war alles gut.",
    ]
    assert report["compiled"] == []
    assert report["toml"] is False
    assert report["heavy"] == []


def test_the_same_engine_answers_from_data_and_from_toml() -> None:
    lines = [
        "Schreibe einen Kommentar",
        "© 2024 Example GmbH. Alle Rechte vorbehalten.",
        "Name *",
        "Der Vertrag gilt.",
        "LESEN  Der Chef der Armee stirbt mit 56 Jahren.",
        "Tags: a, b",
    ]
    assert (
        Engine(builtin_rules().rules).verdicts(lines).keys()
        == Engine(_from_toml().rules).verdicts(lines).keys()
    )
