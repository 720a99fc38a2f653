"""Hostile input and failure: each case of docs/failures.md, through library and CLI.

cleanse runs unattended over millions of scraped records. Every failure mode here
has a decided behaviour, and these tests hold it: nothing lost, nothing hangs, and
a clear message names where the trouble is.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanse import clean, clean_document, replay
from cleanse.cli import run_cli
from tests.test_cli import COMMAND, run

# --------------------------------------------------------------------------------
# The library on hostile strings


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("empty", ""),
        ("only white space", " \t\n\u00a0\n\u3000 \r\n\u2028"),
        ("NUL and controls", "a\x00b\x01\x02c\x7f\x1b[1md"),
        ("lone surrogates", "a\ud800b\udfffc"),
        ("only line breaks", "\n" * 10_000),
        ("BOMs everywhere", "\ufeff" * 100 + "text" + "\ufeff"),
        ("combining marks", "e" + "\u0301" * 5_000),
    ],
)
def test_hostile_strings_are_cleaned_without_error(label: str, text: str) -> None:
    doc = clean_document(text)
    assert clean(doc.text) == doc.text, label
    assert replay(text, doc.edits) == doc.text


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param('"' * 1_000_000, id="1MB of one straight quote"),
        pytest.param("\u201e" * 1_000_000, id="1MB of one low quote"),
        pytest.param("\"'" * 500_000, id="1MB alternating straight quotes"),
        pytest.param("«»„“" * 250_000, id="1MB alternating typographic quotes"),
        pytest.param("LESEN " * 170_000, id="repeated teaser keyword on one line"),
        pytest.param("LESEN  Der\n" * 100_000, id="repeated teaser keyword lines"),
        pytest.param("Tags:\n" * 150_000, id="repeated tail markers"),
    ],
)
def test_pathological_shapes_finish_and_stay_clean(shape: str) -> None:
    start = time.perf_counter()
    out = clean(shape)
    # Not a speed test (bench/pathological.py measures that): a generous bound that
    # only catastrophic, super-linear behaviour can break.
    assert time.perf_counter() - start < 60
    assert clean(out) == out


@pytest.mark.slow
def test_a_single_50mb_line() -> None:
    line = "Ein Wort und noch ein Wort. " * (50_000_000 // 28)
    out = clean(line)
    assert out == line.rstrip()


# --------------------------------------------------------------------------------
# Text mode on the command line


def test_latin1_bytes_are_refused_with_offset_and_passed_through() -> None:
    result = run(stdin="Straße in Köln\n".encode("latin-1"))
    assert result.returncode == 1
    assert b"byte offset 4" in result.stderr
    assert result.stdout == "Straße in Köln\n".encode("latin-1")


def test_utf16_with_bom_is_decoded_and_written_as_utf8() -> None:
    result = run(stdin="\ufeffGrüße\u00a0aus Köln\n".encode("utf-16"))
    assert result.returncode == 0
    assert result.stdout == "Grüße aus Köln\n".encode()


def test_empty_and_blank_input_give_empty_output() -> None:
    for data in (b"", b"  \n\n\t\n"):
        result = run(stdin=data)
        assert result.returncode == 0
        assert result.stdout == b""


def test_nul_and_controls_on_stdin() -> None:
    result = run(stdin=b"a\x00b\x07c\n")
    assert result.returncode == 0
    assert result.stdout == b"abc\n"


# --------------------------------------------------------------------------------
# JSONL


def test_lone_surrogate_in_json_string() -> None:
    result = run("--jsonl", stdin=b'{"text": "x\\ud800y", "other": "\\udc00"}\n')
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert out["text"] == "x\ufffdy"
    assert out["other"] == "\udc00"  # another field is kept exactly, escaped


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"text": "cut off', b"not valid JSON"),
        (b"42", b"a JSON int, not an object"),
        (b'"just a string"', b"a JSON str, not an object"),
        (b'{"text": 3}', b"field 'text' is int"),
        (b'{"text": ["a"]}', b"field 'text' is list"),
        (b'{"text": null}', b"field 'text' is null"),
        (b'{"text": "a", "text": "b"}', b"duplicate key 'text'"),
        (b"\xff\xfe{}", b"invalid UTF-8 at byte 0"),
        (b"[" * 100_000, b"nested too deeply"),
    ],
)
def test_bad_records_are_named_and_kept(line: bytes, message: bytes) -> None:
    good = b'{"text": "gut"}'
    result = run("--jsonl", stdin=good + b"\n" + line + b"\n" + good)
    assert result.returncode == 1
    assert b"<stdin>:2: " in result.stderr
    assert message in result.stderr
    lines = result.stdout.split(b"\n")
    assert lines[1] == line
    assert len(lines) == 4  # three records and the final newline


@pytest.mark.slow
def test_a_100mb_record() -> None:
    text = "Ein Satz mit Wörtern. " * (100_000_000 // 24)
    record = json.dumps({"id": 1, "text": text}, ensure_ascii=False).encode()
    result = run("--jsonl", "--edits", "none", stdin=record)
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert out["id"] == 1
    assert out["text"] == text.rstrip()


def _record_lines() -> st.SearchStrategy[bytes]:
    text = st.text(max_size=40)
    good = st.builds(
        lambda n, t: json.dumps({"n": n, "text": t}).encode(),
        st.integers(0, 10**6),
        text,
    )
    bad = st.sampled_from(
        [
            b"not json",
            b"[1]",
            b'{"text": null}',
            b'{"text": 1}',
            b'{"a": 1, "a": 2, "text": "x"}',
            b'{"text": "\\ud800"}',
            b'{"text": "trunc',
            b"",
            b"   ",
            b"\xff\xfe",
        ]
    )
    return st.one_of(
        good, bad, st.binary(max_size=30).map(lambda b: b.replace(b"\n", b""))
    )


@given(st.lists(_record_lines(), max_size=25), st.booleans())
def test_records_out_equal_records_in(lines: list[bytes], final_newline: bool) -> None:
    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    out, err = io.BytesIO(), io.StringIO()
    status = run_cli(["--jsonl"], io.BytesIO(data), out, err)
    written = out.getvalue().split(b"\n")
    expected_count = len(data.split(b"\n")) - (
        1 if data.endswith(b"\n") or not data else 0
    )
    assert written[-1] == b""
    assert len(written) - 1 == expected_count
    assert status in (0, 1)
    # Every good record comes back cleaned, in its place; every other line unchanged.
    for raw, back in zip(data.split(b"\n"), written, strict=False):
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            assert back == raw.rstrip(b"\r")
            continue
        if (
            isinstance(record, dict)
            and isinstance(record.get("text"), str)
            and (raw.count(b'"a"') < 2)
        ):
            assert json.loads(back)["n" if "n" in record else "text"] is not None


@given(st.binary(max_size=2_000))
def test_fuzz_cli_on_arbitrary_bytes(data: bytes) -> None:
    for argv in (["--jsonl"], []):
        out, err = io.BytesIO(), io.StringIO()
        status = run_cli(argv, io.BytesIO(data), out, err)
        assert status in (0, 1)
        if argv:
            lines_in = data.split(b"\n")
            if data.endswith(b"\n") or not data:
                lines_in.pop()
            assert out.getvalue().count(b"\n") == len(lines_in)


# --------------------------------------------------------------------------------
# Output that goes away, and interruption


def test_jsonl_into_head_ends_quietly() -> None:
    data = b'{"text": "Zeile"}\n' * 50_000
    proc = subprocess.run(
        f"{' '.join(COMMAND)} --jsonl | head -n 1",
        shell=True,
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.stdout.count(b"\n") == 1
    assert proc.stderr == b""


def test_closed_stdout_is_a_clear_error() -> None:
    proc = subprocess.run(
        f"{' '.join(COMMAND)} >&-",
        shell=True,
        input=b"text\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode != 0
    assert b"cannot write output" in proc.stderr
    assert b"Traceback" not in proc.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_is_a_clear_error() -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            COMMAND, input=b"text\n", stdout=full, stderr=subprocess.PIPE, check=False
        )
    assert proc.returncode == 1
    assert b"No space left on device" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_ctrl_c_flushes_and_exits_130() -> None:
    proc = subprocess.Popen(
        [*COMMAND, "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    proc.stdin.write(b'{"text": "eins"}\n{"text": "zwei"}\n')
    proc.stdin.flush()
    # Each record is flushed as soon as it is done, while input is still open.
    assert json.loads(proc.stdout.readline())["text"] == "eins"
    assert json.loads(proc.stdout.readline())["text"] == "zwei"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"interrupted" in err
    assert b"Traceback" not in err


def test_progress_bar_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    data = b'{"text": "a"}\n' * 20
    for argv, shown in ((["--jsonl"], True), (["--jsonl", "--quiet"], False)):
        err = Terminal()
        run_cli(argv, io.BytesIO(data), io.BytesIO(), err)
        assert ("records" in err.getvalue()) is shown
    err_file = io.StringIO()
    run_cli(["--jsonl"], io.BytesIO(data), io.BytesIO(), err_file)
    assert err_file.getvalue() == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_counts_every_record_of_a_clean_chunk(jobs: str) -> None:
    # Chunks without errors come back from the workers as one block; the bar
    # must still count their records, and a bad record in between its own.
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    data = b'{"text": "a"}\n' * 150 + b"not json\n" + b'{"text": "b"}\n' * 149
    err, out = Terminal(), io.BytesIO()
    assert run_cli(["--jsonl", "--jobs", jobs], io.BytesIO(data), out, err) == 1
    assert "\r300 records" in err.getvalue()
    assert out.getvalue().count(b"\n") == 300
    assert b"not json\n" in out.getvalue()


def test_python_level_streams_work_without_fileno() -> None:
    # run_cli must not need real file descriptors (notebooks, tests, embedding).
    out = io.BytesIO()
    assert run_cli([], io.BytesIO(b"a\xc2\xa0b"), out, io.StringIO()) == 0
    assert out.getvalue() == b"a b\n"
    assert sys.stdout is not None


def _die(task: object) -> object:
    os._exit(3)  # a worker killed from outside (OOM killer, kill -9)


def test_a_dying_worker_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleanse.cli

    monkeypatch.setattr(cleanse.cli, "_clean_lines", _die)
    out, err = io.BytesIO(), io.StringIO()
    status = run_cli(
        ["--jsonl", "--jobs", "2"], io.BytesIO(b'{"text": "a"}\n'), out, err
    )
    assert status == 1
    assert "a worker process failed" in err.getvalue()


def test_a_large_document_leaves_the_collector_as_it_found_it() -> None:
    import gc

    from cleanse.pipeline import PAUSE_GC_ABOVE

    big = "Zeile.\n" * (PAUSE_GC_ABOVE // 7 + 10)
    assert gc.isenabled()
    assert clean(big) == big.rstrip("\n")
    assert gc.isenabled()
    gc.disable()
    try:
        clean(big)
        assert not gc.isenabled()  # a user's own choice is kept
    finally:
        gc.enable()
