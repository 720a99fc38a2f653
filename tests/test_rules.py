"""Every rule file's examples, and the loader's refusals of broken rule files.

For every ``cleanse/rules/*.toml`` present: each ``match`` example is dropped by its
rule alone (every line of a multi-line example), each ``keep`` example survives
all built-in rules together.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanse.strip.engine import Engine
from cleanse.strip.rules import (
    CATEGORIES,
    RuleError,
    builtin_files,
    builtin_rules,
    load_rules,
    normalise_line,
    parse_disable,
)
from tests.strategies import any_text

FILES = builtin_files()
EXAMPLES = [
    (rule, example)
    for path in FILES
    for rule in load_rules(path, check=False).rules
    for example in rule.match
]
KEEPS = [
    (rule, example)
    for path in FILES
    for rule in load_rules(path, check=False).rules
    for example in rule.keep
]


@cache
def everything() -> Engine:
    return Engine(builtin_rules().rules)


def _id(value: object) -> str:
    return getattr(value, "id", None) or str(value)[:30]


def test_all_twelve_languages_and_any_are_present_or_expected() -> None:
    names = {path.stem for path in FILES}
    assert {"de", "en", "fr", "any"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_rule_file_loads_and_names_its_language(path: Path) -> None:
    rules = load_rules(path)
    assert rules.language == path.stem
    assert rules.rules, f"{path.name} has no rules"
    for rule in rules.rules:
        assert rule.id.startswith(f"{path.stem}.{rule.category}.")
        assert rule.category in CATEGORIES
        assert rule.source
        assert rule.description


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=_id)
def test_match_example_is_dropped_by_its_rule(rule: object, example: str) -> None:
    engine = Engine((rule,))  # type: ignore[arg-type]
    lines = example.split("\n")
    found = engine.verdicts(lines)
    assert {i for i, line in enumerate(lines) if line.strip()} <= set(found)
    assert set(found) <= set(everything().verdicts(lines))


@pytest.mark.parametrize(("rule", "example"), KEEPS, ids=_id)
def test_keep_example_survives_all_rules(rule: object, example: str) -> None:
    found = everything().verdicts(example.split("\n"))
    assert not found, {i: r.id for i, r in found.items()}


def test_builtin_ids_are_unique_across_files() -> None:
    ids = [rule.id for rule in builtin_rules().rules]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Kommentare (3)", "kommentare"),
        ("3 Kommentare", "kommentare"),
        ("Share 12", "share"),
        ("  Share\u00a0this: ", "share this"),
        ("» Leave a Reply Cancel reply «", "leave a reply cancel reply"),
        ("Weiterlesen …", "weiterlesen"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("2024", ""),
        ("", ""),
        ("Der Vertrag gilt.", "der vertrag gilt"),
        ("a  b\tc", "a b c"),
    ],
)
def test_normalise_line(line: str, key: str) -> None:
    assert normalise_line(line) == key


@given(st.one_of(any_text, st.text(alphabet=st.sampled_from("aZß ."), max_size=8)))
def test_normalise_line_is_its_definition(line: str) -> None:
    # Its shortcut for lines that are their own form, held to the definition:
    # case folded, white space collapsed, edges stripped.
    from cleanse.strip.rules import strip_edges

    assert normalise_line(line) == strip_edges(" ".join(line.casefold().split()))


def test_parse_disable() -> None:
    assert parse_disable("share,de.teaser, ,") == {"share", "de.teaser"}
    assert parse_disable(["ad", " cookie "]) == {"ad", "cookie"}


# --- broken files are refused with file, rule id and problem ---------------------

GOOD = """
[[rule]]
id = "xx.ad.anzeige"
category = "ad"
kind = "line"
phrases = ["Anzeige"]
description = "Ad label"
source = "test"
match = ["Anzeige", "- Anzeige -"]
keep = ["Die Anzeige erschien."]
"""


def write(tmp_path: Path, body: str, header: str = '[pack]\nlanguage = "xx"\n') -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_a_good_user_file_loads(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, GOOD))
    assert [r.id for r in rules.rules] == ["xx.ad.anzeige"]
    assert rules.rules[0].language == "xx"


@pytest.mark.parametrize(
    ("change", "rule_id", "problem"),
    [
        (('category = "ad"\n', ""), "xx.ad.anzeige", "missing field 'category'"),
        (('kind = "line"', 'kind = "word"'), "xx.ad.anzeige", "unknown kind 'word'"),
        (('category = "ad"', 'category = "ads"'), "xx.ad.anzeige", "unknown category"),
        (('id = "xx.ad.anzeige"', 'id = "xx.anzeige"'), "xx.anzeige", "id must read"),
        (('source = "test"\n', ""), "xx.ad.anzeige", "missing field 'source'"),
        (('keep = ["Die Anzeige erschien."]', "keep = []"), "xx.ad.anzeige", "keep"),
        (('"- Anzeige -"', '"Werbung"'), "xx.ad.anzeige", "not dropped: 'Werbung'"),
        (
            ('"Die Anzeige erschien."', '"Anzeige:"'),
            "xx.ad.anzeige",
            "keep example dropped",
        ),
        (('phrases = ["Anzeige"]', 'pattern = "anz(eige"'), "xx.ad.anzeige", "invalid"),
        (
            ('phrases = ["Anzeige"]', 'phrases = ["Anzeige"]\npattern = "x"'),
            "xx.ad.anzeige",
            "either phrases or pattern",
        ),
        (('phrases = ["Anzeige"]', 'phrases = ["* 12 *"]'), "xx.ad.anzeige", "letters"),
        (
            ('source = "test"', 'source = "test"\nexamples = []'),
            "xx.ad.anzeige",
            "unknown",
        ),
    ],
)
def test_broken_rule_is_refused(
    tmp_path: Path, change: tuple[str, str], rule_id: str, problem: str
) -> None:
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(RuleError) as info:
        load_rules(path)
    message = str(info.value)
    assert message.startswith(f"{path}: rule {rule_id}: "), message
    assert problem in message
    assert info.value.rule == rule_id


def test_a_long_cookie_phrase_is_accepted_and_a_long_other_phrase_refused(
    tmp_path: Path,
) -> None:
    # Cookie rules read lines of up to MAX_COOKIE_LINE characters; the others'
    # phrases stay within MAX_LINE_RULE.
    long = ("We use cookies " + "and more words " * 20).strip()
    cookie = (
        GOOD.replace('"xx.ad.anzeige"', '"xx.cookie.long"')
        .replace('category = "ad"', 'category = "cookie"')
        .replace("Anzeige", long)
    )
    assert load_rules(write(tmp_path, cookie), check=True).rules[0].phrases
    with pytest.raises(RuleError, match="too long"):
        load_rules(write(tmp_path, GOOD.replace("Anzeige", long)))


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"rule xx\.ad\.anzeige: duplicate id"):
        load_rules(write(tmp_path, GOOD + GOOD))


@pytest.mark.parametrize(
    "pattern",
    ["(a+)+", "(?:\\\\w+\\\\s?)+x", "(a|aa)+b", "(x+x+)+y"],
)
def test_catastrophic_pattern_is_refused(tmp_path: Path, pattern: str) -> None:
    body = GOOD.replace('phrases = ["Anzeige"]', f'pattern = "{pattern}"')
    with pytest.raises(RuleError, match="backtracks catastrophically"):
        load_rules(write(tmp_path, body))


def test_group_references_are_refused(tmp_path: Path) -> None:
    body = GOOD.replace('phrases = ["Anzeige"]', 'pattern = "(a)\\\\1"')
    with pytest.raises(RuleError, match="refer back to groups"):
        load_rules(write(tmp_path, body))


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("", r"missing \[pack\]"),
        ('[pack]\nlanguage = "Deutsch"\n', "lowercase code"),
        ('[pack]\nlanguage = "xx"\n[extra]\n', "unknown table"),
    ],
)
def test_broken_pack_is_refused(tmp_path: Path, header: str, problem: str) -> None:
    path = write(tmp_path, GOOD if "[extra]" not in header else "", header)
    with pytest.raises(RuleError, match=problem) as info:
        load_rules(path)
    assert str(info.value).startswith(str(path))


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="not valid TOML"):
        load_rules(write(tmp_path, "[[rule]\n"))
    with pytest.raises(RuleError, match="cannot read"):
        load_rules(tmp_path / "nope.toml")


def test_teaser_with_pattern_is_refused(tmp_path: Path) -> None:
    body = GOOD.replace('kind = "line"', 'kind = "teaser"').replace(
        'phrases = ["Anzeige"]', 'pattern = "anzeige"'
    )
    with pytest.raises(RuleError, match="teaser rule needs phrases"):
        load_rules(write(tmp_path, body))
