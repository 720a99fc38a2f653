"""``cleanse learn``: count a corpus's recurring lines per site, write a rule file.

    cleanse learn --jsonl --by url -o learned.toml pages.jsonl
    cleanse --jsonl --rules learned.toml < pages.jsonl > clean.jsonl

Input is read twice (docs/learn.md says why): files are opened again, standard
input is copied to a temporary file on the first pass.

Exit status: 0 when every input was read; 1 when some record or file could not be
(each is reported on stderr with file and line, and left out of the counts; the
rule file is still written); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from cleanse.learn.counting import DEFAULT_SETTINGS, Learner
from cleanse.learn.rulefile import to_rules, write_rules

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULTS = DEFAULT_SETTINGS


def _share(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 < share <= 1.0:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1 (0.3)")
    return share


def _count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if count < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return count


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``cleanse learn``."""
    parser = argparse.ArgumentParser(
        prog="cleanse learn",
        description=(
            "Learn each site's own boilerplate: lines that recur verbatim (after "
            "normalisation) in many documents of one site. Writes a rule file for "
            "'cleanse --rules'."
        ),
        epilog=(
            "Reads standard input when no FILE is given. Without --jsonl each FILE "
            "is one document. Records that cannot be read are reported with file "
            "and line and not counted; the exit status is then 1."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files")
    parser.add_argument(
        "--jsonl", action="store_true", help="read one JSON object per line"
    )
    parser.add_argument(
        "--field",
        default="text",
        metavar="NAME",
        help="with --jsonl: the record field holding the text (default: text)",
    )
    parser.add_argument(
        "--by",
        metavar="url|FIELD",
        help="group records into sites: 'url' takes the host of the url field, "
        "any other name that field's value; without --by all input is one site",
    )
    parser.add_argument(
        "--min-docs",
        type=_count,
        default=DEFAULTS.min_docs,
        metavar="N",
        help=f"a line must be in at least N documents of its site "
        f"(default: {DEFAULTS.min_docs})",
    )
    parser.add_argument(
        "--min-share",
        type=_share,
        default=DEFAULTS.min_share,
        metavar="F",
        help=f"... and in at least this share of them (default: {DEFAULTS.min_share})",
    )
    parser.add_argument(
        "--include-known",
        action="store_true",
        help="also learn lines the built-in rules already drop",
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help="count lines as they are, without repairing and normalising the text "
        "first (faster; for text cleanse has already cleaned)",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the rule file here (default: standard output)",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="no summary on standard error"
    )
    return parser


@dataclass
class Reader:
    """Reads the inputs as (site, text) documents, once per pass."""

    args: argparse.Namespace
    err: IO[str]
    stdin: IO[bytes]
    failed: int = 0
    unsited: int = 0
    spool: IO[bytes] | None = None
    missing: list[str] = field(default_factory=list)

    def report(self, message: str) -> None:
        self.failed += 1
        self.err.write(f"cleanse learn: {message}\n")

    def _streams(self, first: bool) -> Iterator[tuple[str, Stream]]:
        for name in self.args.files or ["-"]:
            if name == "-":
                if first:
                    # Closed by run() once the second pass is done.
                    self.spool = tempfile.TemporaryFile()  # noqa: SIM115
                    yield "<stdin>", _Tee(self.stdin, self.spool)
                elif self.spool is not None:
                    self.spool.seek(0)
                    yield "<stdin>", self.spool
                continue
            if name in self.missing:
                continue
            try:
                handle = open(name, "rb")  # noqa: SIM115 - closed after streaming
            except OSError as error:
                self.missing.append(name)
                self.report(f"{name}: cannot read: {error.strerror}")
                continue
            with handle:
                yield name, handle

    def documents(self, first: bool) -> Iterator[tuple[str | None, str]]:
        """Every readable document; problems are reported on the first pass only."""
        if self.args.jsonl:
            yield from self._records(first)
            return
        for name, stream in self._streams(first):
            text = self._decode(name, stream.read(), first)
            if text is not None:
                yield None, text

    def _decode(self, name: str, data: bytes, first: bool) -> str | None:
        from cleanse.decoding import DecodeError, decode

        try:
            return decode(data, source=name)
        except DecodeError as error:
            if first:
                self.report(str(error))
            return None

    def _records(self, first: bool) -> Iterator[tuple[str | None, str]]:
        from cleanse.learn.sites import site_of
        from cleanse.records import RecordError, parse_record

        by, text_field = self.args.by, self.args.field
        for name, stream in self._streams(first):
            for number, raw in enumerate(stream, 1):
                line = raw.rstrip(b"\r\n")
                if not line.strip():
                    continue
                try:
                    record = parse_record(line, text_field)
                except RecordError as error:
                    if first:
                        self.report(f"{name}:{number}: {error}")
                    continue
                site = None
                if by is not None:
                    site = site_of(record, by)
                    if site is None:
                        self.unsited += first
                        continue
                yield site, record[text_field]


class _Tee:
    """Iterates over (or reads) a stream, copying what it gives to ``copy``."""

    def __init__(self, stream: IO[bytes], copy: IO[bytes]) -> None:
        self.stream, self.copy = stream, copy

    def __iter__(self) -> Iterator[bytes]:
        for raw in self.stream:
            self.copy.write(raw)
            yield raw

    def read(self) -> bytes:
        data = self.stream.read()
        self.copy.write(data)
        return data


Stream = IO[bytes] | _Tee


def run(
    args: argparse.Namespace, stdin: IO[bytes], out: IO[bytes], err: IO[str]
) -> int:
    """Learn from the inputs ``args`` names and write the rule file."""
    settings = DEFAULTS._replace(
        min_docs=args.min_docs,
        min_share=args.min_share,
        skip_known=not args.include_known,
        prepare=not args.raw,
    )
    learner = Learner(settings)
    reader = Reader(args, err, stdin)
    try:
        for site, text in reader.documents(first=True):
            learner.survey(site, text)
        for site, text in reader.documents(first=False):
            learner.tally(site, text)
    finally:
        if reader.spool is not None:
            reader.spool.close()
    documents = sum(learner.site_docs.values())
    rules = to_rules(
        learner.learned(),
        group_by=args.by,
        documents=documents,
        sites=len(learner.site_docs),
        settings=settings,
    )
    if args.output is None:
        buffer = io.StringIO()
        write_rules(rules, buffer)
        out.write(buffer.getvalue().encode("utf-8"))
        out.flush()
    else:
        try:
            write_rules(rules, args.output)
        except OSError as error:
            err.write(f"cleanse learn: cannot write {args.output}: {error.strerror}\n")
            return EXIT_FAILED
    if not args.quiet:
        if reader.unsited:
            err.write(
                f"cleanse learn: {reader.unsited} record(s) have no usable "
                f"{args.by!r} field and were not counted\n"
            )
        err.write(
            f"cleanse learn: {len(rules.rules)} line(s) learned from {documents} "
            f"document(s) of {rules.sites} site(s); {len(learner.candidates)} "
            "candidate line(s) counted exactly\n"
        )
    return EXIT_FAILED if reader.failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cleanse learn`` on the process's streams; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse reported
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.by is not None and not args.jsonl:
        parser.print_usage(sys.stderr)
        sys.stderr.write(
            "cleanse learn: error: --by needs --jsonl (records carry the field that "
            "names their site)\n"
        )
        return EXIT_USAGE
    if args.by is not None and (not args.by or args.by != args.by.strip()):
        parser.print_usage(sys.stderr)
        sys.stderr.write("cleanse learn: error: --by needs a field name ('url')\n")
        return EXIT_USAGE
    stdin = sys.stdin.buffer if sys.stdin is not None else io.BytesIO()
    if sys.stdout is None:
        sys.stderr.write("cleanse learn: cannot write: standard output is closed\n")
        return EXIT_FAILED
    return run(args, stdin, sys.stdout.buffer, sys.stderr)
