"""The ``cleanse`` command: a Unix filter for scraped text.

    cleanse < page.txt > clean.txt
    zcat pages.jsonl.gz | cleanse --jsonl --explain > clean.jsonl

Only argparse is imported until the arguments are read, so ``cleanse --help`` is
instant and never loads trafilatura or langdetect; the plain filter, with no
arguments at all, does not even import argparse (`DEFAULTS`).

Exit status: 0 when every input was cleaned; 1 when some input or record could not
be (each has a message on stderr naming file and line, and by default is written
through unchanged); 2 for a usage error; 130 when interrupted; 141 when the reader
of our output went away (``cleanse | head``), quietly, as Unix filters do.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence

from cleanse._frozen import Frozen as _Frozen
from cleanse._frozen import _set

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import argparse
    from typing import IO, Any

    from cleanse.pipeline import Pipeline
    from cleanse.records import EditsMode
    from cleanse.report import LineResult

__all__ = ["build_parser", "main", "run_cli"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141
CHUNK = 64  # records a batch holds at most with one process
CHUNK_BYTES = 256 * 1024  # input a task holds with --jobs (at least one line)


def _terminal_width() -> int:
    """What ``shutil.get_terminal_size().columns`` gives, without importing shutil."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


#: The options as ``build_parser().parse_args([])`` reads them: ``cleanse < in >
#: out`` runs on these without importing argparse, 3 ms of a 35 ms start-up
#: (tests/test_cli.py keeps the two equal).
DEFAULTS: dict[str, Any] = {
    "files": [],
    "jsonl": False,
    "field": "text",
    "edits": "full",
    "encoding": None,
    "on_error": "pass",
    "explain": False,
    "quiet": False,
    "html": False,
    "page": False,
    "rules": [],
    "disable": "",
    "no_strip": False,
    "lang": None,
    "languages": None,
    "paragraph_langs": False,
    "detector": "auto",
    "quotes": "auto",
    "into": None,
    "jobs": 1,
}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line's options (``None``: ``sys.argv[1:]``), as argparse reads
    them; no arguments give `DEFAULTS` without argparse."""
    if argv is not None and len(argv) == 0:
        from types import SimpleNamespace

        options = {
            k: list(v) if isinstance(v, list) else v for k, v in DEFAULTS.items()
        }
        # An attribute bag like argparse.Namespace, which is all Run reads.
        return SimpleNamespace(**options)  # type: ignore[return-value]
    return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to generate the CLI reference)."""
    import argparse

    class _Formatter(argparse.HelpFormatter):
        """argparse's own help layout. argparse builds a formatter for every
        ``add_argument`` and, without a width, each imports shutil to ask for one:
        a tenth of the start-up budget of a command that prints no help."""

        def __init__(self, prog: str, **options: Any) -> None:
            options.setdefault("width", _terminal_width() - 2)
            super().__init__(prog, **options)

    parser = argparse.ArgumentParser(
        prog="cleanse",
        formatter_class=_Formatter,
        description=(
            "Clean scraped web text: repair encoding damage, normalise invisible "
            "characters, remove boilerplate, detect the language, set quotation "
            "marks, and report every change."
        ),
        epilog=(
            "Reads standard input when no FILE is given. In text mode each input is "
            "one document; with --jsonl each line is one JSON record. Records that "
            "cannot be cleaned are reported on stderr with file and line and written "
            "through unchanged (see --on-error); the exit status is then 1."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files")
    mode = parser.add_argument_group("input and output")
    mode.add_argument(
        "--jsonl",
        action="store_true",
        help="read and write one JSON object per line",
    )
    mode.add_argument(
        "--field",
        default="text",
        metavar="NAME",
        help="the record field holding the text (default: text)",
    )
    mode.add_argument(
        "--edits",
        choices=("full", "rules", "none"),
        default="full",
        help="what JSONL records carry in 'edits': every edit in full (replayable, "
        "the default), only the rule ids, or nothing",
    )
    mode.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode text input with this codec instead of UTF-8 (e.g. latin-1)",
    )
    mode.add_argument(
        "--on-error",
        choices=("pass", "skip", "fail"),
        default="pass",
        help="a bad input or record is written through unchanged (pass, default), "
        "left out (skip), or stops the run (fail); it is reported on stderr in "
        "every case",
    )
    mode.add_argument(
        "--explain",
        action="store_true",
        help="print every change to stderr: where, rule id, what was removed",
    )
    mode.add_argument(
        "--quiet", "-q", action="store_true", help="no progress bar, no summary"
    )
    steps = parser.add_argument_group("what to clean")
    steps.add_argument(
        "--html",
        action="store_true",
        help="the input is HTML: extract the main text first (trafilatura); with "
        "--jsonl the HTML is read from --field and the text written to --into",
    )
    steps.add_argument(
        "--page",
        action="store_true",
        help="the input is full-page text (WET records, get_text dumps): keep only "
        "the article, dropping menus, link lists and footers",
    )
    steps.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="add a rule file (yours, or one written by 'cleanse learn'); repeatable",
    )
    steps.add_argument(
        "--disable",
        default="",
        metavar="LIST",
        help="switch off rule categories, ids or id prefixes, comma-separated "
        "(e.g. share,de.teaser)",
    )
    steps.add_argument(
        "--no-strip", action="store_true", help="keep boilerplate (no strip step)"
    )
    steps.add_argument(
        "--lang",
        metavar="CODE",
        help="the language of every input (ISO 639-1); no detection",
    )
    steps.add_argument(
        "--languages",
        metavar="LIST",
        help="restrict detection to these languages, comma-separated (de,en,fr): "
        "far more accurate on short text",
    )
    steps.add_argument(
        "--paragraph-langs",
        action="store_true",
        help="also detect each paragraph's language (JSONL: 'paragraph_langs')",
    )
    steps.add_argument(
        "--detector",
        default="auto",
        choices=("auto", "langdetect", "langdetect-rs", "py3langid", "lingua"),
        help="language detection backend (auto: langdetect-rs if installed, "
        "else langdetect; both give the same answers)",
    )
    steps.add_argument(
        "--quotes",
        default="auto",
        metavar="STYLE",
        help="quotation marks: auto (the detected language's style), a language "
        "(de, fr, pt-BR), a style (de-book, de-ch, en-gb), ascii, or keep",
    )
    mode.add_argument(
        "--into",
        metavar="NAME",
        help="with --jsonl: the field the clean text goes to (default: --field, "
        "or 'text' with --html)",
    )
    run = parser.add_argument_group("running")
    run.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (0: one per core); output order and bytes are the "
        "same as with one",
    )
    parser.add_argument("--version", action="version", version=_version())
    return parser


def _version() -> str:
    from cleanse import __version__

    return f"cleanse {__version__}"


def _jobs(value: str) -> int:
    import argparse  # loaded already: only a parser calls this

    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return jobs


class Settings(_Frozen):
    """Everything a worker needs to clean its share; small and picklable."""

    __slots__ = ("edits", "encoding", "explain", "field", "into", "pipeline")
    _fields = ("pipeline", "field", "into", "edits", "explain", "encoding")

    pipeline: tuple[tuple[str, Any], ...]
    field: str
    into: str
    edits: EditsMode
    explain: bool
    encoding: str | None

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        pipeline: tuple[tuple[str, Any], ...],
        field: str,
        into: str,
        edits: EditsMode,
        explain: bool,
        encoding: str | None,
    ) -> None:
        _set(self, "pipeline", pipeline)
        _set(self, "field", field)
        _set(self, "into", into)
        _set(self, "edits", edits)
        _set(self, "explain", explain)
        _set(self, "encoding", encoding)

    def build(self) -> Pipeline:
        from cleanse.api import make_pipeline

        return make_pipeline(**dict(self.pipeline))


#: A chunk of JSONL input: the settings, the input's name, the number of its first
#: line, and the raw lines.
Task = tuple["Settings", str, int, list[bytes]]


#: A chunk whose every record came out clean, without notes: its output lines
#: joined (each ending in a newline) and how many records they are.
Packed = tuple[bytes, int]


def _clean_lines(task: Task) -> list[LineResult] | Packed:
    """Worker: clean a chunk of JSONL lines, consecutive lines of one input.

    When no record failed and none has ``--explain`` notes (nearly always), the
    chunk comes back as one `Packed` block: with ``--jobs`` the parent then
    unpickles and writes one bytes object per chunk instead of an object per
    record, and the parent shares the cores with the workers.
    """
    from cleanse.records import process_lines

    settings, name, first, lines = task
    results = process_lines(
        [(f"{name}:{number}", raw) for number, raw in enumerate(lines, first)],
        settings.build(),
        field=settings.field,
        into=settings.into,
        edits=settings.edits,
        explain=settings.explain,
    )
    block: list[bytes] = []
    for result in results:
        if result.error is not None or result.explain or result.output is None:
            return results
        block.append(result.output)
    return b"\n".join(block) + b"\n" if block else b"", len(results)


def _more_at_hand(stream: IO[bytes]) -> Callable[[], bool]:
    """A test of whether reading on from ``stream`` would find input without
    waiting, for asking after every line.

    A regular file or an in-memory stream always has it (decided once); for a pipe
    or a terminal, ``select`` says whether its writer has sent more (where
    ``select`` cannot tell, as for pipes on Windows, the answer is no: a chunk is
    then one record).
    """
    try:
        descriptor = stream.fileno()
        regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
    except (AttributeError, OSError, ValueError):
        return lambda: True  # no descriptor: in memory, never waits
    if regular:
        return lambda: True
    import select

    def readable() -> bool:
        try:
            return bool(select.select([descriptor], [], [], 0)[0])
        except (OSError, ValueError):
            return False

    return readable


def _clean_text(task: tuple[Settings, str, bytes]) -> LineResult:
    """Worker: clean one whole text input (a file or standard input)."""
    from cleanse.decoding import DecodeError, decode
    from cleanse.report import LineResult, format_edit

    settings, where, data = task
    try:
        text = decode(data, encoding=settings.encoding, source=where)
    except DecodeError as error:
        return LineResult(data, str(error))
    doc = settings.build().run(text)
    notes = tuple(format_edit(where, e) for e in doc.edits) if settings.explain else ()
    return LineResult(doc.text.encode("utf-8"), None, notes)


class Run:
    """One invocation: its streams, what failed, the error policy and the progress."""

    def __init__(
        self,
        args: argparse.Namespace,
        stdin: IO[bytes],
        out: IO[bytes],
        err: IO[str],
    ) -> None:
        self.args = args
        self.stdin = stdin
        self.out = out
        self.err = err
        self.failed = 0
        self.progress = Progress.start(err, enabled=not args.quiet)
        self.settings = Settings(
            pipeline=_pipeline_options(args),
            field=args.field,
            into=args.into or ("text" if args.html else args.field),
            edits=args.edits,
            explain=args.explain,
            encoding=args.encoding,
        )

    def report(self, message: str) -> None:
        self.progress.clear()
        self.err.write(f"cleanse: {message}\n")
        self.err.flush()

    def emit(self, result: LineResult, *, newline: bool, flush: bool = True) -> bool:
        """Write one result; returns False when ``--on-error fail`` must stop.

        ``flush=False`` leaves the flush to the caller: results that arrive together
        (a chunk) are flushed together, one system call instead of one per record.
        """
        if result.explain:
            self.progress.clear()
            for note in result.explain:
                self.err.write(note + "\n")
        if result.error is not None:
            self.failed += 1
            self.report(result.error)
            if self.args.on_error == "fail":
                return False
            if self.args.on_error == "skip":
                return True
        if result.output is not None:
            self.out.write(result.output)
            if newline:
                self.out.write(b"\n")
            self.progress.update(len(result.output) + newline)
        if flush:
            self.out.flush()
        return True

    def text_mode(self, sources: Iterator[tuple[str, bytes]]) -> None:
        from cleanse.parallel import ordered_map

        tasks = ((self.settings, where, data) for where, data in sources)
        for result in ordered_map(_clean_text, tasks, jobs=self.args.jobs, window=4):
            if result.error is None and result.output == b"":
                continue  # an empty document writes nothing, not a blank line
            if not self.emit(result, newline=result.error is None):
                return

    def jsonl_mode(self, streams: Iterator[tuple[str, IO[bytes]]]) -> None:
        from cleanse.parallel import ordered_map

        def one_process() -> Iterator[Task]:
            # Records are cleaned as a batch (Pipeline.run_batch), but a chunk
            # never waits for input to fill it: what has arrived is cleaned and
            # written before the next read can block.
            for name, stream in streams:
                first, lines = 1, []
                more_at_hand = _more_at_hand(stream)
                for raw in stream:
                    lines.append(raw)
                    if len(lines) >= CHUNK or not more_at_hand():
                        yield self.settings, name, first, lines
                        first, lines = first + len(lines), []
                if lines:
                    yield self.settings, name, first, lines

        def for_workers() -> Iterator[Task]:
            # readlines splits in C: the parent, which shares the cores with the
            # workers, does as little per record as it can.
            for name, stream in streams:
                first = 1
                while lines := stream.readlines(CHUNK_BYTES):
                    yield self.settings, name, first, lines
                    first += len(lines)

        chunks = one_process() if self.args.jobs == 1 else for_workers()
        for results in ordered_map(_clean_lines, chunks, jobs=self.args.jobs):
            if isinstance(results, tuple):
                block, count = results
                self.out.write(block)
                self.progress.update(len(block), records=count)
                self.out.flush()
                continue
            for result in results:
                if not self.emit(result, newline=True, flush=False):
                    self.out.flush()
                    return
            self.out.flush()


def _pipeline_options(args: argparse.Namespace) -> tuple[tuple[str, Any], ...]:
    """The make_pipeline keyword arguments the command line asks for."""
    options: dict[str, Any] = {
        "html": args.html,
        "page": args.page,
        "strip": not args.no_strip,
        "rules": tuple(args.rules),
        "disable": args.disable,
        "lang": args.lang,
        "languages": args.languages,
        "paragraphs": args.paragraph_langs,
        "detector": args.detector,
        "quotes": args.quotes,
        # Text mode prints the text alone: detect only where the text depends on it.
        "report_language": args.jsonl,
    }
    return tuple(sorted(options.items()))


def _read_sources(files: Sequence[str], run: Run) -> Iterator[tuple[str, bytes]]:
    for name in files or ["-"]:
        if name == "-":
            yield "<stdin>", run.stdin.read()
            continue
        try:
            with open(name, "rb") as handle:
                data = handle.read()
        except OSError as error:
            run.failed += 1
            run.report(f"{name}: cannot read: {error.strerror}")
            continue
        yield name, data


def _open_streams(files: Sequence[str], run: Run) -> Iterator[tuple[str, IO[bytes]]]:
    for name in files or ["-"]:
        if name == "-":
            yield "<stdin>", run.stdin
            continue
        try:
            handle = open(name, "rb")  # noqa: SIM115 - closed below, after streaming
        except OSError as error:
            run.failed += 1
            run.report(f"{name}: cannot read: {error.strerror}")
            continue
        with handle:
            yield name, handle


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on the process's own streams; returns the exit status.

    ``cleanse learn ...`` is the corpus-learning subcommand (cleanse.learn); a
    file really named ``learn`` is read as ``./learn``.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["learn"]:
        from cleanse.learn.cli import main as learn_main

        return learn_main(args[1:])
    # A stream the shell closed (cleanse >&-) is None in Python: say so, don't crash.
    err = sys.stderr if sys.stderr is not None else open(os.devnull, "w")  # noqa: SIM115
    if sys.stdout is None:
        build_parser().parse_args(args)  # usage errors still come first
        err.write("cleanse: cannot write output: standard output is closed\n")
        return EXIT_FAILED
    stdin = sys.stdin.buffer if sys.stdin is not None else io.BytesIO()
    return run_cli(args, stdin, sys.stdout.buffer, err, freeze=True)


def run_cli(
    argv: Sequence[str] | None,
    stdin: IO[bytes],
    out: IO[bytes],
    err: IO[str],
    *,
    freeze: bool = False,
) -> int:
    """Run the command line on given streams (tests and fuzzing drive it this way).

    ``freeze`` (the ``cleanse`` command itself, `main`) hands every object alive
    once the pipeline is built to `gc.freeze`: see `_freeze_start_up`.
    """
    args = parse_args(argv)
    run = Run(args, stdin, out, err)
    # Build the pipeline once here, so a bad option or rule file is a usage error
    # before any input is read, not a failure in every worker.
    try:
        run.settings.build()
    except (ValueError, ImportError, OSError) as error:
        run.progress.close()
        err.write(f"cleanse: {error}\n")
        return EXIT_USAGE
    if freeze:
        _freeze_start_up()
    try:
        if args.jsonl:
            run.jsonl_mode(_open_streams(args.files, run))
        else:
            run.text_mode(_read_sources(args.files, run))
        out.flush()
    except BrokenPipeError:
        # The reader went away (cleanse | head): stop quietly, like cat does.
        _silence_stdout(out)
        return EXIT_PIPE
    except KeyboardInterrupt:
        _flush_quietly(out)
        run.report("interrupted; output so far was written")
        return EXIT_INTERRUPTED
    except OSError as error:
        _silence_stdout(out)
        run.report(f"cannot write output: {error.strerror or error}")
        return EXIT_FAILED
    except RuntimeError as error:
        # concurrent.futures' BrokenProcessPool: a --jobs worker died (killed, out
        # of memory). What was written stays written; say so instead of a traceback.
        _flush_quietly(out)
        run.report(f"a worker process failed ({error}); output so far was written")
        return EXIT_FAILED
    finally:
        run.progress.close()
    if run.failed:
        if not args.quiet:
            run.report(f"{run.failed} input(s) could not be cleaned; see above")
        return EXIT_FAILED
    return EXIT_OK


def _freeze_start_up() -> None:
    """Move every object alive now (modules, the rule data, the compiled
    engines: some 30,000 objects that live as long as the process) out of the
    garbage collector's sight with `gc.freeze`.

    Otherwise each full collection walks them all again, and so does the one
    the interpreter runs at exit: about 12 ms of a 62 ms start-up
    (``bench/run.py``, start-up row). They are freed with the process, as they would be
    anyway. Only the ``cleanse`` command does this: a library must not freeze its
    caller's objects.
    """
    import gc

    gc.freeze()


def _flush_quietly(out: IO[bytes]) -> None:
    try:
        out.flush()
    except OSError:
        _silence_stdout(out)


def _silence_stdout(out: IO[bytes]) -> None:
    """Point our stdout at /dev/null so the interpreter's final flush cannot fail."""
    if out is not sys.stdout.buffer:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class Progress:
    """A progress bar on stderr (records, MB, rate), only for a person to watch.

    It appears when stderr is a terminal and ``--quiet`` is not given; otherwise
    every method does nothing. tqdm is imported only then.
    """

    def __init__(self, bar: Any = None) -> None:
        self.bar = bar
        self.bytes = 0

    @classmethod
    def start(cls, err: IO[str], *, enabled: bool) -> Progress:
        isatty = getattr(err, "isatty", None)
        if not enabled or not (isatty and isatty()):
            return cls()
        from tqdm import tqdm

        return cls(tqdm(file=err, unit=" records", dynamic_ncols=True, mininterval=0.5))

    def update(self, size: int, records: int = 1) -> None:
        if self.bar is not None:
            before = self.bar.n
            self.bytes += size
            self.bar.update(records)
            if before // 256 != self.bar.n // 256 or before == 0:
                self.bar.set_postfix_str(f"{self.bytes / 1e6:.1f} MB", refresh=False)

    def clear(self) -> None:
        if self.bar is not None:
            self.bar.clear()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.bytes / 1e6:.1f} MB", refresh=False)
            self.bar.close()


def entry() -> None:  # pragma: no cover - thin wrapper for the console script
    sys.exit(main())
