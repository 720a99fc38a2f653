"""`cleanse learn`: counting, guards, the rule file, site scoping, the command line."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanse.api import make_pipeline
from cleanse.document import Document, replay
from cleanse.learn import (
    LearnedRules,
    LearnSettings,
    host_of,
    learn_rules,
    learnable,
    site_of,
    write_rules,
)
from cleanse.learn.counting import Sketch, pair_hash
from cleanse.records import clean_record, group_by_of, process_line
from cleanse.strip import RuleError, RuleSet, Strip, load_rules
from cleanse.strip.rules import normalise_line, parse_rules
from tests.learn_corpus import (
    HEADINGS,
    QUOTATION,
    SYNDICATED,
    SYNDICATED_HEADLINE,
    Corpus,
    synthetic_corpus,
)

if sys.version_info >= (3, 11):
    from tomllib import loads as toml
else:  # pragma: no cover - Python 3.10
    from tomli import loads as toml  # type: ignore[import-not-found, unused-ignore]

# A small sketch keeps tests fast; collisions in it must not change the result.
SMALL = LearnSettings(sketch_width=1 << 12)


@cache
def corpus() -> Corpus:
    return synthetic_corpus()


def sited(documents: list[tuple[str, str]]) -> list[tuple[str | None, str]]:
    return [(host_of(url), text) for url, text in documents]


@cache
def learned() -> LearnedRules:
    return learn_rules(sited(corpus().documents), group_by="url", settings=SMALL)


# -- the synthetic corpus: precision and recall ---------------------------------


def test_learned_lines_are_exactly_the_new_boilerplate() -> None:
    rules = learned()
    found = {(rule.site, rule.phrases[0]) for rule in rules.rules}
    expected = corpus().boilerplate
    true = len(found & expected)
    precision = true / len(found)
    recall = true / len(expected)
    assert (precision, recall) == (1.0, 1.0), sorted(found ^ expected)


@pytest.mark.parametrize(
    "line", [SYNDICATED, SYNDICATED_HEADLINE, QUOTATION, *HEADINGS]
)
def test_content_that_repeats_is_not_learned(line: str) -> None:
    keys = {rule.phrases[0] for rule in learned().rules}
    assert line not in keys


def test_lines_builtin_rules_drop_are_not_learned_again() -> None:
    keys = {(rule.site, rule.phrases[0]) for rule in learned().rules}
    assert corpus().known
    assert not keys & corpus().known
    settings = SMALL._replace(skip_known=False)
    everything = learn_rules(sited(corpus().documents), settings=settings)
    assert {(r.site, r.phrases[0]) for r in everything.rules} >= corpus().known


def test_applied_rules_remove_boilerplate_and_nothing_else() -> None:
    step = Strip(extra=(learned(),))
    boilerplate = corpus().boilerplate | corpus().known
    for url, text in corpus().documents[:300]:
        site = host_of(url)
        doc = step(Document.from_text(text, site=site or ""))
        dropped = {e.before for e in doc.edits}
        in_doc = {line for line in text.split("\n") if (site, line) in boilerplate}
        assert dropped == in_doc
        assert replay(text, doc.edits) == doc.text
        for edit in doc.edits:
            if edit.rule.startswith("site."):
                assert learned().get(edit.rule).site == site


def test_syndicated_line_that_recurs_within_one_site_is_learned_there_only() -> None:
    # Per-site scope: the same line in 30 documents spread over three sites is
    # learned for none; concentrated in one site it is learned for that one.
    line = "Ein Angebot unserer Partnerredaktion"
    spread = [
        (f"s{i % 3}.org", f"Text {chr(97 + i % 26)}{i}\n{line}") for i in range(30)
    ]
    assert not learn_rules(spread, min_docs=11, settings=SMALL).rules
    assert [r.site for r in learn_rules(spread, min_docs=10, settings=SMALL).rules] == [
        "s0.org",
        "s1.org",
        "s2.org",
    ]


# -- guards -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "key"),
    [
        (
            "Unterstützen Sie unabhängigen Journalismus",
            "unterstützen sie unabhängigen journalismus",
        ),
        ("  » Newsletter bestellen! ", "newsletter bestellen"),
        ("Teilen (12)", "teilen"),
        (
            "Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung.",
            "alle rechte vorbehalten. nachdruck nur mit genehmigung",
        ),
        # too short, no letters
        ("OK", None),
        ("12.03.2024 – 14:00", None),
        ("---", None),
        ("", None),
        # a sentence of ten words or more
        ("Der Minister sagte am Montag in Berlin, die Lage sei ernst.", None),
        ("Das ist so. Und das ist auch so, sagte er in der Sitzung", None),
        # more than twenty words, even without a full stop
        (" ".join(["wort"] * 21), None),
        # longer than 150 characters
        ("Abo " + "x" * 150, None),
        # control characters cannot be written to a rule file
        ("Hallo\x00 Welt", None),
    ],
)
def test_learnable_guards(line: str, key: str | None) -> None:
    assert learnable(line) == key


def test_a_long_line_without_sentence_marks_is_still_learnable() -> None:
    line = (
        "Jetzt Mitglied werden und unabhängigen Lokaljournalismus in der Region sichern"
    )
    assert learnable(line) == normalise_line(line)


def test_quotation_below_the_share_is_not_learned_but_above_it_is() -> None:
    docs = [("a.org", f"Artikel {chr(97 + i % 26)}{i}") for i in range(100)]
    quoted = [
        (s, t + "\n" + QUOTATION) if i < 20 else (s, t) for i, (s, t) in enumerate(docs)
    ]
    assert not learn_rules(quoted, settings=SMALL).rules  # 20% < 30%
    assert learn_rules(quoted, min_share=0.2, settings=SMALL).rules


def test_a_line_is_counted_once_per_document() -> None:
    docs = [("a.org", "Mehr lesen bitte\n" * 20 + "x") for _ in range(9)]
    assert not learn_rules(docs, settings=SMALL).rules  # 9 documents < 10


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ({"min_docs": 0}, "min_docs"),
        ({"min_share": 0.0}, "min_share"),
        ({"min_share": 1.5}, "min_share"),
        ({"max_chars": 195}, "max_chars"),
        ({"sketch_width": 1000}, "power of two"),
    ],
)
def test_bad_settings_are_refused(bad: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        learn_rules(["x"], settings=SMALL._replace(**bad))


# -- properties -------------------------------------------------------------------

POOL = [f"Zeile {name}" for name in ("alpha", "beta", "gamma", "delta", "omega")]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a.org", "b.org"]),
            st.lists(st.sampled_from(POOL), max_size=5),
        ),
        max_size=60,
    ),
    st.integers(1, 12),
    st.sampled_from([0.05, 0.3, 0.9]),
)
def test_a_line_in_fewer_than_min_docs_documents_is_never_learned(
    docs: list[tuple[str, list[str]]], min_docs: int, min_share: float
) -> None:
    # A tiny sketch: nearly every pair collides, so the exact counts must decide.
    settings = LearnSettings(min_docs=min_docs, min_share=min_share, sketch_width=64)
    rules = learn_rules([(s, "\n".join(lines)) for s, lines in docs], settings=settings)
    present: Counter[tuple[str | None, str]] = Counter(
        (s, normalise_line(x)) for s, lines in docs for x in set(lines)
    )
    site_docs: Counter[str | None] = Counter(s for s, _ in docs)
    learned_pairs = {(r.site, normalise_line(r.phrases[0])) for r in rules.rules}
    for site, key in learned_pairs:
        assert present[(site, key)] >= min_docs
        assert present[(site, key)] >= min_share * site_docs[site] - 1e-9
    # ... and every line that passes both thresholds is learned.
    for (site, key), count in present.items():
        if count >= settings.threshold(site_docs[site]):
            assert (site, key) in learned_pairs


@given(st.lists(st.integers(0, 50), max_size=300))
def test_the_sketch_never_under_counts(items: list[int]) -> None:
    sketch = Sketch(width=64, depth=3)
    for item in items:
        sketch.add(pair_hash(None, str(item)))
    for item, count in Counter(items).items():
        assert sketch.estimate(pair_hash(None, str(item))) >= min(count, 255)


@given(st.lists(st.text(max_size=40), max_size=30))
def test_learning_is_total(texts: list[str]) -> None:
    learn_rules(texts * 10, settings=SMALL)


def test_the_file_does_not_depend_on_document_order_or_kind_of_input() -> None:
    docs = sited(corpus().documents)
    shuffled = docs[:]
    random.Random(3).shuffle(shuffled)
    files = []
    for source in (docs, shuffled, iter(shuffled)):
        out = io.StringIO()
        write_rules(learn_rules(source, group_by="url", settings=SMALL), out)
        files.append(out.getvalue())
    assert files[0] == files[1] == files[2]
    assert "site = " in files[0]


# -- the rule file ----------------------------------------------------------------


def test_the_written_file_loads_back_with_its_examples_checked(tmp_path: Path) -> None:
    path = tmp_path / "learned.toml"
    write_rules(learned(), path)
    loaded = load_rules(path)  # runs every rule's match and keep examples
    assert loaded.group_by == "url"
    assert [(r.id, r.site, r.phrases) for r in loaded.rules] == [
        (r.id, r.site, r.phrases) for r in learned().rules
    ]
    text = path.read_text(encoding="utf-8")
    assert "# blog.example.org: 200 of 200 documents (100.0%)" in text


@pytest.mark.parametrize(
    "line", ['Er sagt "Hallo" \\ tschüss', "Tab\u2028Trenner", "Ünïcödé — «ok»"]
)
def test_awkward_characters_survive_the_file(line: str) -> None:
    docs = [("a.org", f"Story {chr(97 + i)}\n{line}") for i in range(12)]
    rules = learn_rules(docs, settings=SMALL._replace(prepare=False))
    out = io.StringIO()
    write_rules(rules, out)
    loaded = parse_rules(toml(out.getvalue()), "x.toml")
    assert loaded.rules[0].phrases == (line,)


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ('id = "site.b-org.abc"\nsite = "a.org"', "site.a-org.<slug>"),
        ('id = "any.site.abc"\nsite = "a.org"', "site.<site>.<slug>"),
        ('id = "site.a-org.abc"\nsite = ""', "non-empty"),
        ('id = "site.a-org.abc"\nsite = 3', "non-empty"),
    ],
)
def test_site_rules_are_validated(tmp_path: Path, rule: str, problem: str) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        '[pack]\nlanguage = "any"\n[[rule]]\n'
        f'{rule}\ncategory = "site"\nkind = "line"\nphrases = ["Lies uns"]\n'
        'description = "d"\nsource = "s"\nmatch = ["Lies uns", "Lies uns!"]\n'
        'keep = ["Sonst nichts."]\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=problem.replace(".", r"\.")):
        load_rules(path)


@pytest.mark.parametrize("group_by", ['""', '" url"', "3"])
def test_bad_group_by_is_refused(tmp_path: Path, group_by: str) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        f'[pack]\nlanguage = "any"\ngroup_by = {group_by}\n', encoding="utf-8"
    )
    with pytest.raises(RuleError, match="group_by"):
        load_rules(path)


def test_rule_sets_that_group_differently_cannot_be_merged() -> None:
    with pytest.raises(RuleError, match="differently"):
        RuleSet.merge(RuleSet((), group_by="url"), RuleSet((), group_by="source"))
    assert RuleSet.merge(RuleSet(()), RuleSet((), group_by="url")).group_by == "url"


# -- using what was learnt --------------------------------------------------------


@pytest.mark.parametrize(
    ("site", "text_out"),
    [
        ("blog.example.org", "Ein Artikel."),
        ("example.net", "Ein Artikel.\nThe example blog: small stories, told well"),
        (None, "Ein Artikel.\nThe example blog: small stories, told well"),
    ],
)
def test_site_rules_apply_to_their_site_only(site: str | None, text_out: str) -> None:
    text = "Ein Artikel.\nThe example blog: small stories, told well"
    doc = Document.from_text(text, site=site) if site else Document.from_text(text)
    assert Strip(extra=(learned(),))(doc).text == text_out


def test_disable_switches_off_learned_rules_by_category_and_site() -> None:
    text = "Ein Artikel.\nThe example blog: small stories, told well"
    doc = Document.from_text(text, site="blog.example.org")
    for name in ("site", "site.blog-example-org"):
        assert Strip(extra=(learned(),), disable=frozenset({name}))(doc).text == text


def test_records_get_their_site_from_the_rule_files_grouping(tmp_path: Path) -> None:
    path = tmp_path / "learned.toml"
    write_rules(learned(), path)
    pipeline = make_pipeline(rules=[path], quotes="keep")
    assert group_by_of(pipeline) == "url"
    text = "Ein Artikel über die Bahn.\nThe example blog: small stories, told well"
    own = {"url": "https://blog.example.org/x", "text": text}
    other = {"url": "https://example.net/x", "text": text}
    assert clean_record(own, pipeline)["text"] == "Ein Artikel über die Bahn."
    assert clean_record(other, pipeline)["text"] == text
    assert clean_record({"text": text}, pipeline)["text"] == text
    result = process_line(json.dumps(own).encode(), pipeline.run, where="x:1")
    assert result.output is not None
    edits = json.loads(result.output)["edits"]
    assert [e["rule"][:22] for e in edits] == ["site.blog-example-org."]


@pytest.mark.parametrize(
    ("record", "group_by", "site"),
    [
        ({"url": "https://www.Example.org:8080/a"}, "url", "example.org"),
        ({"url": "example.org/a"}, "url", "example.org"),
        ({"url": "http://[::1"}, "url", None),
        ({"url": ""}, "url", None),
        ({"url": None}, "url", None),
        ({}, "url", None),
        ({"source": " Die Zeit "}, "source", "Die Zeit"),
        ({"source": 42}, "source", "42"),
        ({"source": True}, "source", None),
        ({"source": ["x"]}, "source", None),
    ],
)
def test_site_of(record: dict[str, object], group_by: str, site: str | None) -> None:
    assert site_of(record, group_by) == site


# -- the command line -------------------------------------------------------------


def cleanse(
    *args: str, stdin: bytes = b"", cwd: Path
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleanse", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("learn") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number, (url, text) in enumerate(corpus().documents):
            handle.write(json.dumps({"id": number, "url": url, "text": text}) + "\n")
            if number == 10:
                handle.write("{not json\n")
    return path


def test_cli_learns_then_cleans_slogans_on_their_site_only(corpus_file: Path) -> None:
    cwd = corpus_file.parent
    run = cleanse(
        "learn",
        "--jsonl",
        "--by",
        "url",
        "-o",
        "learned.toml",
        corpus_file.name,
        cwd=cwd,
    )
    assert run.returncode == 1  # the one bad record
    assert f"{corpus_file.name}:12: not valid JSON" in run.stderr.decode()
    rules = load_rules(cwd / "learned.toml")
    assert {(r.site, r.phrases[0]) for r in rules.rules} == corpus().boilerplate
    records = [
        {
            "url": "https://blog.example.org/n",
            "text": "Ein Satz.\nThe example blog: small stories, told well",
        },
        {
            "url": "https://example.net/n",
            "text": "Ein Satz.\nThe example blog: small stories, told well",
        },
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records).encode()
    run = cleanse(
        "--jsonl",
        "--rules",
        "learned.toml",
        "--quotes",
        "keep",
        "-q",
        stdin=stdin,
        cwd=cwd,
    )
    assert run.returncode == 0, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert out[0]["text"] == "Ein Satz."
    assert out[0]["edits"][0]["rule"].startswith("site.blog-example-org.")
    assert out[1]["text"] == records[1]["text"]


def test_cli_reads_standard_input_twice_through_a_spool(corpus_file: Path) -> None:
    cwd = corpus_file.parent
    from_file = cleanse(
        "learn", "--jsonl", "--by", "url", "-q", corpus_file.name, cwd=cwd
    )
    from_stdin = cleanse(
        "learn", "--jsonl", "--by", "url", "-q", stdin=corpus_file.read_bytes(), cwd=cwd
    )
    assert from_file.stdout == from_stdin.stdout
    assert from_file.stdout.count(b"[[rule]]") == len(corpus().boilerplate)


def test_cli_learns_from_text_files_as_one_site(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"{i}.txt").write_text(
            f"Artikel {chr(97 + i)}.\nLies uns jeden Tag", encoding="utf-8"
        )
    run = cleanse("learn", *sorted(p.name for p in tmp_path.iterdir()), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    rules = parse_rules(toml(run.stdout.decode()), "x")
    assert [(r.site, r.phrases) for r in rules.rules] == [
        (None, ("Lies uns jeden Tag",))
    ]
    assert rules.group_by is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "url", "x.txt"], "--by needs --jsonl"),
        (["--jsonl", "--min-share", "1.5"], "at most 1"),
        (["--jsonl", "--min-docs", "0"], "1 or more"),
        (["--jsonl", "--by", ""], "--by needs a field"),
        (["--frobnicate"], "unrecognized"),
    ],
)
def test_cli_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    run = cleanse("learn", *args, cwd=tmp_path)
    assert run.returncode == 2
    assert message in run.stderr.decode()


def test_cli_reports_missing_sites_and_files(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"T {chr(97 + i)}\nLies uns"}) for i in range(3)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = cleanse(
        "learn", "--jsonl", "--by", "url", "a.jsonl", "missing.jsonl", cwd=tmp_path
    )
    assert run.returncode == 1
    err = run.stderr.decode()
    assert "missing.jsonl: cannot read" in err
    assert "3 record(s) have no usable 'url'" in err
