"""The installed ``cleanse`` command, run as users run it: through a subprocess."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

_script = Path(sys.executable).parent / "cleanse"
COMMAND = [str(_script)] if _script.exists() else [shutil.which("cleanse") or "cleanse"]


def run(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_text_mode_cleans_stdin_to_stdout() -> None:
    result = run(stdin="Caf\u00c3\u00a9\u00a0au lait  \n\n\n\nFin\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "Café au lait\n\nFin\n"
    assert result.stderr == b""


def test_python_dash_m_is_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cleanse"],
        input=b"a\xc2\xa0b",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == b"a b\n"


def test_files_are_documents_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one  \n")
    (tmp_path / "b.txt").write_text("two\u00a0\n")
    result = run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.stdout == b"one\ntwo\n"


def test_missing_file_is_reported_and_others_still_cleaned(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one  \n")
    result = run(str(tmp_path / "nope.txt"), str(tmp_path / "a.txt"))
    assert result.returncode == 1
    assert b"nope.txt" in result.stderr
    assert result.stdout == b"one\n"


def test_invalid_utf8_is_named_and_passed_through() -> None:
    result = run(stdin=b"Gr\xfc\xdfe\n")
    assert result.returncode == 1
    assert b"<stdin>: byte offset 2" in result.stderr
    assert b"--encoding" in result.stderr
    assert result.stdout == b"Gr\xfc\xdfe\n"


def test_encoding_option_decodes_latin1() -> None:
    result = run("--encoding", "latin-1", stdin=b"Gr\xfc\xdfe\n")
    assert result.returncode == 0
    assert result.stdout == "Grüße\n".encode()


def test_explain_names_line_rule_and_change() -> None:
    result = run("--explain", stdin=b"Im Caf\xc3\x83\xc2\xa9 war es voll.\n")
    assert result.stdout == "Im Café war es voll.\n".encode()
    expected = "<stdin>: line 1: repair.ftfy: 'Im CafÃ© war es voll.' -> 'Im Café"
    assert expected in result.stderr.decode()


JSONL_IN = b"\n".join(
    [
        b'{"id": 1, "text": "a\\u00a0b ", "url": "https://x.example/1"}',
        b"not json",
        b"[1, 2]",
        b'{"id": 4, "text": null}',
        b'{"id": 5, "body": "x"}',
        b'{"id": 6, "text": "x", "id": 7}',
        b'{"id": 8, "text": "\\ud800 lone"}',
        b'{"id": 9, "text": "trunc',
    ]
)


def test_jsonl_keeps_every_line_in_order() -> None:
    result = run("--jsonl", stdin=JSONL_IN)
    assert result.returncode == 1
    out = result.stdout.split(b"\n")
    assert out[-1] == b""
    lines = out[:-1]
    assert len(lines) == len(JSONL_IN.split(b"\n"))
    first = json.loads(lines[0])
    assert list(first)[:3] == ["id", "text", "url"]
    assert first["text"] == "a b"
    assert first["lang"] == "und" or len(first["lang"]) == 2
    assert [e["rule"] for e in first["edits"]] == [
        "normalise.spaces",
        "tidy.trailing-space",
    ]
    assert lines[1:6] == JSONL_IN.split(b"\n")[1:6]  # bad records, unchanged
    assert json.loads(lines[6])["text"] == "\ufffd lone"
    assert lines[7] == b'{"id": 9, "text": "trunc'
    stderr = result.stderr.decode()
    for number, words in [
        (2, "not valid JSON"),
        (3, "list, not an object"),
        (4, "null, not a string"),
        (5, "no field 'text'"),
        (6, "duplicate key 'id'"),
        (8, "not valid JSON"),
    ]:
        assert f"<stdin>:{number}: " in stderr
        assert words in stderr


def test_jsonl_skip_and_fail_policies() -> None:
    skipped = run("--jsonl", "--on-error", "skip", stdin=JSONL_IN)
    assert skipped.returncode == 1
    assert len(skipped.stdout.splitlines()) == 2
    failed = run("--jsonl", "--on-error", "fail", stdin=JSONL_IN)
    assert failed.returncode == 1
    assert len(failed.stdout.splitlines()) == 1


def test_jsonl_field_option_and_existing_keys_are_overwritten_in_place() -> None:
    record = {"lang": "xx", "body": "x\u00a0y", "edits": "old"}
    result = run("--jsonl", "--field", "body", stdin=json.dumps(record).encode())
    out = json.loads(result.stdout)
    assert list(out) == ["lang", "body", "edits", "lang_score"]
    assert out["body"] == "x y"
    assert isinstance(out["edits"], list)


def test_jsonl_output_is_idempotent() -> None:
    first = run("--jsonl", stdin=JSONL_IN.split(b"\n")[0]).stdout
    second = run("--jsonl", "--edits", "none", stdin=first).stdout
    assert json.loads(second)["text"] == json.loads(first)["text"]


def test_jobs_gives_byte_identical_output() -> None:
    lines = [
        json.dumps({"n": i, "text": f"Zeile {i}\u00a0 mit  Text \n\n\n{i}"}).encode()
        for i in range(300)
    ]
    data = b"\n".join([*lines[:100], b"garbage", *lines[100:]]) + b"\n"
    one = run("--jsonl", stdin=data)
    two = run("--jsonl", "--jobs", "2", stdin=data)
    assert one.stdout == two.stdout
    assert one.returncode == two.returncode == 1
    assert len(two.stdout.splitlines()) == 301


def test_usage_error_exits_2() -> None:
    result = run("--on-error", "explode")
    assert result.returncode == 2
    assert b"invalid choice" in result.stderr


def test_help_imports_neither_trafilatura_nor_langdetect() -> None:
    code = (
        "import sys; from cleanse.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'trafilatura', 'langdetect', 'ftfy', 'lxml'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, text=True
    )
    assert result.stdout.strip().endswith("[]")


def test_plain_text_cleaning_does_not_import_trafilatura() -> None:
    code = (
        "import sys, cleanse; cleanse.clean('Hallo Welt, das ist ein Text.')\n"
        "print('trafilatura' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, text=True
    )
    assert result.stdout.strip() == "False"


def test_broken_pipe_ends_quietly() -> None:
    big = b"Zeile mit Text.\n\n" * 200_000
    proc = subprocess.run(
        f"{' '.join(COMMAND)} | head -c 10",
        shell=True,
        input=big,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.stdout == b"Zeile mit "
    assert b"Traceback" not in proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="select() on pipes is POSIX")
def test_jsonl_answers_each_record_without_waiting_for_the_next() -> None:
    # Records are cleaned in batches when more input is at hand; a writer that
    # sends one record and waits must still get its answer.
    process = subprocess.Popen(
        [*COMMAND, "--jsonl", "--edits", "none"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        for number in range(3):
            process.stdin.write(b'{"text": "Satz  %d"}\n' % number)
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], 30)
            assert ready, f"no answer to record {number} while the writer waits"
            record = json.loads(process.stdout.readline())
            assert record["text"] == f"Satz {number}"
    finally:
        process.stdin.close()
        process.wait(timeout=30)
        process.stdout.close()
        assert process.stderr is not None
        process.stderr.close()
    assert process.returncode == 0


def test_jsonl_batches_give_the_same_output_as_one_record_at_a_time(
    tmp_path: Path,
) -> None:
    lines = [
        json.dumps({"id": i, "text": f"Zeile {i}  mit\u00a0Text"}) for i in range(150)
    ]
    lines[70] = "{not json"
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    from_file = run("--jsonl", str(path))  # a regular file: batches of 64
    piped = run("--jsonl", "--jobs", "2", stdin=data)
    assert from_file.returncode == piped.returncode == 1
    assert from_file.stdout == piped.stdout
    out = from_file.stdout.decode().splitlines()
    assert len(out) == 150
    assert out[70] == "{not json"
    assert json.loads(out[149])["text"] == "Zeile 149 mit Text"


def test_defaults_are_what_the_parser_reads_from_no_arguments() -> None:
    from cleanse.cli import DEFAULTS, build_parser, parse_args

    assert vars(build_parser().parse_args([])) == DEFAULTS
    assert vars(parse_args([])) == DEFAULTS
    first, second = parse_args([]), parse_args([])
    first.rules.append("x.toml")  # each run gets lists of its own
    assert second.rules == []
    assert DEFAULTS["rules"] == []


def test_no_arguments_clean_as_the_explicit_defaults_do() -> None:
    import io

    from cleanse.cli import run_cli

    text = "Der Vertrag gilt.\u00a0\nSchreibe einen Kommentar\n\n\n\nEnde.  \n"
    results = []
    for argv in ([], ["-", "--quotes", "auto", "--on-error", "pass"]):
        out, err = io.BytesIO(), io.StringIO()
        status = run_cli(argv, io.BytesIO(text.encode()), out, err)
        results.append((status, out.getvalue(), err.getvalue()))
    assert results[0] == results[1]
    assert results[0][1] == b"Der Vertrag gilt.\n\nEnde.\n"
