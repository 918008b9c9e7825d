"""The ``dispatchlib`` command: a thin layer over the public API.

Every failure the user can act on prints one line, ``dispatchlib: error: ...``, on stderr and
exits with the code of its error class (see :mod:`dispatchlib.errors`); ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Literal, NoReturn

import click
from attrs import frozen

from .convert import check_file, collect, export, findings, read_bytes, read_file
from .decoding import DEFAULT_MAX_SIZE
from .diagnostics import Diagnostic, Severity
from .errors import BatchError, DispatchlibError, FormatError, InputError, OutputError
from .fetch import DEFAULT_DELAY, DEFAULT_TIMEOUT, is_url, set_politeness
from .metadata import apply_metadata, parse_metadata
from .model import Dispatch, Document
from .options import ExportOptions
from .output import refuse_inputs, write_atomic
from .plugins import BUILTIN_PLUGINS, Exporter, default_host, missing
from .sources import FileIdentity, find_inputs, input_identities, read_limited

if TYPE_CHECKING:
    from .batch import Result

__all__ = ["cli", "main"]


@frozen
class _Reading:
    """How to read inputs, as the command line says."""

    input_format: str | None
    encoding: str | None
    fix_text: bool
    max_mb: float

    def read(self, path: str, strict: bool) -> tuple[Document, list[Diagnostic]]:
        max_size = int(self.max_mb * 2**20)
        if path == "-":
            if sys.stdin is None:
                raise InputError("<stdin>: standard input is closed; name an input file")
            return read_bytes(
                read_limited(sys.stdin.buffer, max_size, "<stdin>"),
                source="<stdin>",
                format=self.input_format,
                strict=strict,
                encoding=self.encoding,
                fix_text=self.fix_text,
                max_size=max_size,
            )
        return read_file(
            path,
            format=self.input_format,
            strict=strict,
            encoding=self.encoding,
            fix_text=self.fix_text,
            max_size=max_size,
        )

    def read_diagnostics(self, path: str) -> list[Diagnostic]:
        """What reading ``path`` (or stdin) leniently notices, a refusal included."""
        return findings(path, lambda: self.read(path, strict=False))


def _reading_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that say how to read inputs, shared by convert and check."""
    options = [
        click.option("--from", "-f", "input_format", metavar="FORMAT", help="Input format; default: by suffix."),
        click.option("--encoding", help="The inputs' encoding (default: UTF-8, or recognised)."),
        click.option("--fix-text", is_flag=True, help="Repair mojibake (ftfy)."),
        click.option(
            "--max-size",
            "max_mb",
            type=click.FloatRange(min=0.001),
            default=DEFAULT_MAX_SIZE / 2**20,
            show_default=True,
            help="Refuse inputs over this many MB.",
        ),
        click.option(
            "--delay",
            type=click.FloatRange(min=0),
            default=DEFAULT_DELAY,
            show_default=True,
            expose_value=False,
            callback=lambda _context, _param, value: set_politeness(delay=value),
            help="Web addresses: seconds between two requests to one host.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0.1),
            default=DEFAULT_TIMEOUT,
            show_default=True,
            expose_value=False,
            callback=lambda _context, _param, value: set_politeness(timeout=value),
            help="Web addresses: seconds to wait for a server.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _report(diagnostics: list[Diagnostic], quiet: bool) -> None:
    if quiet:
        return
    for item in diagnostics:
        if item.severity is not Severity.INFO:
            click.echo(str(item), err=True)


def _choose_exporter(to: str | None, output: str | None) -> Exporter:
    host = default_host()
    if to is not None:
        return host.exporter(to)
    if output and output != "-":
        if output.endswith(os.sep) or os.path.isdir(output):
            raise click.UsageError(f"-o {output}: a folder; for one file per input there, use --out-dir {output}")
        exporter = host.exporter_for_file(Path(output).name)
        if exporter is not None:
            return exporter
    raise click.UsageError("say which format to write with --to FORMAT (see 'dispatchlib formats')")


def _write(data: bytes, target: str | None, exporter: Exporter, inputs: Collection[FileIdentity]) -> None:
    if target is not None and target != "-":
        write_atomic(target, data, inputs=inputs)
        return
    if exporter.binary and sys.stdout is not None and sys.stdout.isatty():
        raise OutputError(f"{exporter.name} output is binary; write it to a file with -o FILE")
    _stdout_write(data)


def _stdout_write(data: bytes | str) -> None:
    """Write to standard output; a closed or full one is an :class:`OutputError`."""
    if sys.stdout is None:
        raise OutputError("<stdout>: standard output is closed; write to a file with -o FILE")
    try:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"<stdout>: cannot write: {error.strerror}") from None


def _out(text: str) -> None:
    """One line of a command's result on standard output."""
    _stdout_write(text + "\n")


def _or_stdin(inputs: tuple[str, ...]) -> tuple[str, ...]:
    """The INPUT arguments; with none, standard input when something is piped in."""
    if inputs:
        return inputs
    if sys.stdin is not None and not sys.stdin.isatty():
        return ("-",)
    raise click.UsageError("name an INPUT (a file, folder, glob or web address), or pipe one in")


def _inputs(inputs: tuple[str, ...], quiet: bool) -> list[str]:
    """The files the INPUT arguments name, telling what folders and globs held that was skipped."""
    sources, skipped = find_inputs(inputs)
    _report(skipped, quiet)
    return sources


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dispatchlib")
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
@click.pass_context
def cli(context: click.Context, debug: bool) -> None:
    """Turn dispatches (translated press reports) into e-books, documents and data."""
    context.obj = {"debug": debug or (context.obj or {}).get("debug", False)}


@cli.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--to", "-t", "to", metavar="FORMAT", help="Output format (see 'dispatchlib formats').")
@_reading_options
@click.option(
    "--output", "-o", metavar="FILE", help="Write here ('-' for stdout); several inputs become one collection."
)
@click.option("--out-dir", "-d", type=click.Path(file_okay=False), help="Write one file per input here.")
@click.option(
    "--metadata",
    "-M",
    "metadata_items",
    multiple=True,
    metavar="KEY=VALUE",
    help="Metadata for the output: title, author, publisher, series, series-index, language, date, "
    "description, tags (repeat -M for each).",
)
@click.option(
    "--option",
    "-O",
    "plugin_options",
    multiple=True,
    metavar="NAME=VALUE",
    help="An option of the output format's plugin (see 'dispatchlib formats').",
)
@click.option("--title", default="", help="Title of a collection.")
@click.option("--language", default="en", show_default=True, help="Language tag of the text.")
@click.option("--publisher", help="Publisher named in the metadata.")
@click.option("--cover", "cover_image", type=click.Path(dir_okay=False), help="E-books: use this cover image.")
@click.option("--no-cover", is_flag=True, help="E-books: no generated cover.")
@click.option("--css", type=click.Path(dir_okay=False), help="E-books: this style sheet instead of the built-in one.")
@click.option(
    "--group-by",
    type=click.Choice(["series", "topic", "month"]),
    help="E-book collections: group the table of contents.",
)
@click.option("--reference-docx", type=click.Path(dir_okay=False), help="Word: styles and page from this document.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Word: page size.")
@click.option("--toc", is_flag=True, help="Word collections: a table of contents first.")
@click.option("--wrap", type=click.IntRange(min=20), help="Plain text: wrap at this width.")
@click.option("--json-images", is_flag=True, help="JSON: write figures' images (base64), not only their address.")
@click.option("--strict", is_flag=True, help="Fail on the first error in the input.")
@click.option(
    "--name",
    help="With --out-dir: output names from {stem}, {parent}, {dir}, {series}, {number}, {date}, {slug}; "
    "'{dir}/{stem}' mirrors the input tree.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="With --out-dir: worker processes (default: cores).")
@click.option("--skip-existing", is_flag=True, help="With --out-dir: keep outputs already there (resume a run).")
@click.option("--verbose", "-v", is_flag=True, help="With --out-dir: a line per input, and a summary.")
@click.option("--quiet", "-q", is_flag=True, help="Do not print warnings about the input.")
def convert(
    inputs: tuple[str, ...],
    to: str | None,
    input_format: str | None,
    encoding: str | None,
    fix_text: bool,
    max_mb: float,
    output: str | None,
    out_dir: str | None,
    metadata_items: tuple[str, ...],
    plugin_options: tuple[str, ...],
    title: str,
    language: str,
    publisher: str | None,
    cover_image: str | None,
    no_cover: bool,
    css: str | None,
    group_by: Literal["series", "topic", "month"] | None,
    reference_docx: str | None,
    paper: Literal["a4", "letter"],
    toc: bool,
    wrap: int | None,
    json_images: bool,
    strict: bool,
    name: str | None,
    jobs: int | None,
    skip_existing: bool,
    verbose: bool,
    quiet: bool,
) -> None:
    """Convert INPUT files, folders, globs and web addresses ('-' or none for stdin) to FORMAT."""
    inputs = _or_stdin(inputs)
    reading = _Reading(input_format, encoding, fix_text, max_mb)
    if output and out_dir:
        raise click.UsageError("use either --output or --out-dir, not both")
    if name is not None:
        from .batch import check_name_template

        try:
            check_name_template(name)
        except ValueError as error:
            raise click.UsageError(f"--name {error}") from None
    exporter = _choose_exporter(to, output)
    needed = missing(exporter)
    if needed:
        raise FormatError(needed)
    try:
        options = ExportOptions(
            title=title,
            language=language,
            publisher=publisher,
            cover_image=cover_image,
            generate_cover=not no_cover,
            group_by=group_by,
            reference_docx=reference_docx,
            paper=paper,
            toc=toc,
            wrap_width=wrap,
            json_images=json_images,
            css=css,
            extra=_plugin_options(exporter, plugin_options),
        )
    except ValueError as error:
        option, _, reason = str(error).partition(":")
        raise click.UsageError(f"--{option.replace('_', '-')}:{reason}") from None
    try:
        metadata = parse_metadata(metadata_items)
        apply_metadata(Dispatch(), options, metadata)  # the values, checked before any work
    except ValueError as error:
        raise click.UsageError(f"-M {error}") from None
    _warn_unused(click.get_current_context(), exporter, metadata)
    if css is not None and exporter.name == "epub":
        from .formats._epub_book import _user_style

        try:
            _user_style(css)
        except InputError as error:
            raise click.UsageError(f"--css {error}") from None
    if cover_image is not None and exporter.name == "epub":
        from .formats._cover import cover_file

        try:
            cover_file(cover_image)
        except InputError as error:
            raise click.UsageError(f"--cover {error}") from None
    if out_dir is None:
        sources = _inputs(inputs, quiet)
        identities = input_identities(sources)
        refuse_inputs(1 if output in (None, "-") else output, identities)
        documents = []
        for source in sources:
            document, diagnostics = reading.read(source, strict)
            _report(diagnostics, quiet)
            documents.append(document)
        document, diagnostics = collect(documents, title=title)
        _report(diagnostics, quiet)
        try:
            document, options = apply_metadata(document, options, metadata)
        except ValueError as error:
            raise click.UsageError(f"-M {error}") from None
        data = export(document, exporter.name, options)
        _write(data, output, exporter, identities)
        return
    _batch(
        inputs,
        exporter,
        out_dir,
        options,
        reading,
        strict=strict,
        skip_existing=skip_existing,
        name=name,
        workers=jobs or os.cpu_count() or 1,
        verbose=verbose,
        quiet=quiet,
        metadata=metadata,
    )


# the command-line options that become ExportOptions fields (of the same name unless given here)
_OPTION_FIELDS = {name: name for name in ("title", "language", "publisher", "cover_image", "css", "group_by")}
_OPTION_FIELDS |= {name: name for name in ("reference_docx", "paper", "toc", "json_images")}
_OPTION_FIELDS |= {"no_cover": "generate_cover", "wrap": "wrap_width"}


def _warn_unused(context: click.Context, exporter: Exporter, metadata: dict[str, list[str]]) -> None:
    """A warning for each option given that the chosen format does nothing with (when the
    exporter says which it reads): ``-o x.txt --reference-docx y.docx`` is a mistake to show."""
    if exporter.reads is None:
        return
    from click.core import ParameterSource

    flags = {parameter.name: max(parameter.opts, key=len) for parameter in context.command.params}
    given = [
        (flags[parameter], field)
        for parameter, field in _OPTION_FIELDS.items()
        if context.get_parameter_source(parameter) is ParameterSource.COMMANDLINE
    ]
    given += [(f"-M {key}", key) for key in ("publisher", "description") if key in metadata]
    readers = default_host().exporters.values()
    for flag, field in given:
        if field not in exporter.reads:
            users = sorted(e.name for e in readers if e.reads is not None and field in e.reads)
            where = f" (it is for {', '.join(users)})" if users else ""
            click.echo(f"dispatchlib: warning: {flag} does nothing for {exporter.name} output{where}", err=True)


def _plugin_options(exporter: Exporter, given: tuple[str, ...]) -> dict[str, Any]:
    """``-O NAME=VALUE`` options, each checked against what the format's plugins registered."""
    known = {option.name: option for option in default_host().options_for(exporter.name)}
    values: dict[str, Any] = {}
    for item in given:
        name, equals, text = item.partition("=")
        option = known.get(name.strip())
        if not equals or option is None:
            listed = ", ".join(known) or "none"
            raise click.UsageError(f"-O {item!r}: not an option of {exporter.name} (its options: {listed})")
        try:
            values[option.name] = option.parse(text.strip())
        except ValueError as error:
            raise click.UsageError(f"-O {error}") from None
    return values


def _batch(
    inputs: tuple[str, ...],
    exporter: Exporter,
    out_dir: str,
    options: ExportOptions,
    reading: _Reading,
    *,
    strict: bool,
    skip_existing: bool,
    name: str | None,
    workers: int,
    verbose: bool,
    quiet: bool,
    metadata: dict[str, list[str]],
) -> None:
    """One output per input, on ``workers`` processes, with a progress bar on a terminal.

    Ctrl-C or SIGTERM stops the batch: no new input is started, the outputs written so far stay
    (each complete), and a line says how far it got.
    """
    sources = _inputs(inputs, quiet)
    if "-" in sources:
        raise click.UsageError("--out-dir takes files, folders and globs, not '-' (stdin)")
    if any(is_url(source) for source in sources):
        workers = 1  # one request at a time, --delay apart for each host
    show_progress = sys.stderr.isatty() and not verbose and not quiet and len(sources) > 1
    progress: Any = None
    if show_progress:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        task = progress.add_task(f"to {exporter.name}", total=len(sources), rate="")
        progress.start()
    seen: list[Result] = []

    def on_result(result: Result) -> None:
        seen.append(result)
        if progress is not None:
            progress.advance(task)
            speed = progress.tasks[0].speed
            progress.update(task, rate=f"{speed:.1f} files/s" if speed else "")
        if verbose:
            state = "skipped" if result.skipped else "wrote" if result.ok else "FAILED"
            click.echo(f"{state}: {result.source} -> {result.target or result.error}", err=True)
            if not quiet:
                for warning in result.warnings:
                    click.echo(f"  {warning}", err=True)

    from .batch import convert_many, worker_pool

    executor = worker_pool(workers) if workers > 1 and len(sources) > 1 else None
    try:
        results = convert_many(
            inputs,  # expanded again there, to know the folder each file was found under ({dir})
            to=exporter.name,
            out_dir=out_dir,
            options=options,
            name=name,
            executor=executor,
            skip_existing=skip_existing,
            strict=strict,
            encoding=reading.encoding,
            fix_text=reading.fix_text,
            max_size=int(reading.max_mb * 2**20),
            metadata=metadata,
            on_result=on_result,
        )
    except KeyboardInterrupt as stop:
        if progress is not None:
            progress.stop()
            progress = None
        left = len(sources) - len(seen)  # the workers are stopped on the way out, below
        _fail(
            f"{_stop_reason(stop)}: {_summary(seen)}, {left} not converted; "
            "run the same command with --skip-existing to finish",
            _stop_code(stop),
        )
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
        if progress is not None:
            progress.stop()
    failed = [result for result in results if not result.ok]
    warned = [result for result in results if result.warnings]
    if verbose or (warned and not quiet):
        click.echo(_summary(results), err=True)
    if warned and not quiet and not verbose:  # -v has shown each warning already
        rows = [(r.source, str(len(r.warnings)), ", ".join(_codes(r.warnings))) for r in warned]
        _table("Inputs with warnings (run with -v to see them)", ("input", "warnings", "codes"), rows)
    if failed:
        _table("Inputs that failed", ("input", "reason"), [(r.source, r.error or "") for r in failed])
        raise BatchError(f"{len(failed)} of {len(results)} inputs failed; the others were converted")


def _summary(results: list[Result]) -> str:
    done = sum(1 for r in results if r.ok and not r.skipped)
    skipped = sum(1 for r in results if r.skipped)
    failed = sum(1 for r in results if not r.ok)
    warnings = sum(len(r.warnings) for r in results)
    warned = sum(1 for r in results if r.warnings)
    return f"{done} written, {skipped} skipped, {failed} failed; {_plural(warnings, 'warning')} in {warned} of them"


def _codes(warnings: tuple[str, ...]) -> list[str]:
    """The diagnostic codes at the ends of ``warnings`` lines, each once, with how often it came."""
    codes = Counter(line.rpartition("[")[2].rstrip("]") for line in warnings)
    return [code if count == 1 else f"{code} x{count}" for code, count in codes.items()]


def _table(title: str, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    """A table on stderr when it is a terminal; otherwise one line a row (for logs and grep)."""
    if not sys.stderr.isatty():
        click.echo(f"{title}:", err=True)
        for row in rows:
            click.echo(f"  {row[0]}: {' | '.join(row[1:])}", err=True)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console(stderr=True).print(table)


_SEVERITIES = ("info", "warning", "error")


@cli.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@_reading_options
@click.option("--strict", is_flag=True, help="Exit with 4 on warnings too, not only on errors.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Findings as lines, or as one JSON object.",
)
@click.option("--json", "as_json", is_flag=True, hidden=True, help="The same as --format json.")
@click.option(
    "--severity",
    type=click.Choice(_SEVERITIES),
    default="info",
    show_default=True,
    help="Print findings of this severity and above (the summary counts them all).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: cores).")
def check(
    inputs: tuple[str, ...],
    input_format: str | None,
    encoding: str | None,
    fix_text: bool,
    max_mb: float,
    strict: bool,
    output_format: str,
    as_json: bool,
    severity: str,
    jobs: int | None,
) -> None:
    """Go through every INPUT (files, folders, globs, web addresses) as a linter does: each
    finding as 'file:line:col: severity: message [code]', then a summary. Exits 4 when an input
    has an error-level finding (or, with --strict, a warning), else 0."""
    inputs = _or_stdin(inputs)
    reading = _Reading(input_format, encoding, fix_text, max_mb)
    sources, skipped = find_inputs(inputs)
    if "-" in sources and len(sources) > 1:
        raise click.UsageError("'-' (stdin) can only be checked on its own")
    found = _check_all(sources, reading, jobs)
    findings = skipped + [item for per_input in found for item in per_input]
    counts = {name: sum(1 for item in findings if item.severity.value == name) for name in _SEVERITIES}
    failing = counts["error"] + (counts["warning"] if strict else 0)
    summary = (
        f"{_plural(len(sources), 'file')}: {_plural(counts['error'], 'error')}, "
        f"{_plural(counts['warning'], 'warning')}, {counts['info']} info"
    )
    if as_json or output_format == "json":
        rows = [
            {
                "source": d.source,
                "line": d.line,
                "column": d.column,
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message,
            }
            for d in findings
        ]
        summary_row = {
            "files": len(sources),
            **{f"{name}s" if name != "info" else name: counts[name] for name in _SEVERITIES},
        }
        _out(json.dumps({"summary": summary_row, "diagnostics": rows}, indent=2, ensure_ascii=False))
    else:
        shown = _SEVERITIES[_SEVERITIES.index(severity) :]
        for item in findings:
            if item.severity.value in shown:
                _out(str(item))
        click.echo(summary, err=True)
    if failing:
        sys.exit(4)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _check_all(sources: list[str], reading: _Reading, jobs: int | None) -> list[list[Diagnostic]]:
    """Each input's findings, in input order; on worker processes where that pays."""
    max_size = int(reading.max_mb * 2**20)
    check_one = functools.partial(
        check_file, format=reading.input_format, encoding=reading.encoding, fix_text=reading.fix_text, max_size=max_size
    )
    workers = jobs or os.cpu_count() or 1
    if any(is_url(source) for source in sources) or "-" in sources:
        workers = 1  # one request at a time, --delay apart for each host; stdin is this process's
    if workers == 1 or len(sources) < 2:
        return [reading.read_diagnostics(source) for source in sources]  # in this process: stdin too
    from .batch import worker_pool

    with worker_pool(workers) as pool:
        return list(pool.map(check_one, sources, chunksize=max(1, min(16, len(sources) // (4 * workers)))))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def formats(as_json: bool) -> None:
    """List the input and output formats, whether what each needs is installed, and the options
    plugins add to them (-O NAME=VALUE)."""
    host = default_host()
    exporters: list[dict[str, Any]] = [
        {
            "name": e.name,
            "suffix": e.suffix,
            "media_type": e.media_type,
            "binary": e.binary,
            "description": e.description,
            "plugin": host.owners[("exporter", e.name)],
            "missing": missing(e),
            "options": [
                {"name": o.name, "type": o.type, "default": o.default, "help": o.help} for o in host.options_for(e.name)
            ],
        }
        for e in host.exporters.values()
    ]
    readers: list[dict[str, Any]] = [
        {
            "name": r.name,
            "suffixes": list(r.suffixes),
            "description": r.description,
            "plugin": host.owners[("reader", r.name)],
            "missing": missing(r),
        }
        for r in host.readers.values()
    ]
    if as_json:
        _out(json.dumps({"exporters": exporters, "readers": readers}, indent=2))
        return
    _out("Output formats (--to):")
    _columns([(row["name"], row["suffix"], _status(row), row["description"]) for row in exporters])
    for row in exporters:
        for option in row["options"]:
            default = "" if option["default"] is None else f" (default: {option['default']})"
            _out(f"    -O {option['name']}={option['type'].upper()}  {row['name']}: {option['help']}{default}")
    _out("Input formats (--from):")
    _columns([(row["name"], " ".join(row["suffixes"]), _status(row), row["description"]) for row in readers])


def _status(row: dict[str, Any]) -> str:
    """Whether what the format needs is installed."""
    return f"missing ({row['missing'].partition(': ')[2]})" if row["missing"] else "installed"


def _columns(rows: Sequence[tuple[str, ...]], indent: str = "  ") -> None:
    """Rows printed with each column as wide as its widest cell (the last one as it is)."""
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]) - 1)] if rows else []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        _out(indent + "  ".join([*cells, row[-1]]).rstrip())


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def plugins(as_json: bool) -> None:
    """List the plugins, built-in and installed, and those that failed to load."""
    host = default_host()
    rows: list[dict[str, Any]] = []
    for name, plugin in host.manager.list_name_plugin():
        distribution, version = host.distributions.get(name, (None, None))
        hooks = sorted(caller.name for caller in host.manager.get_hookcallers(plugin) or [])
        rows.append(
            {
                "name": name,
                "builtin": name in BUILTIN_PLUGINS,
                "distribution": distribution,
                "version": version,
                "hooks": hooks,
            }
        )
    failed = [
        {"name": f.name, "distribution": f.distribution, "version": f.version, "error": f.reason} for f in host.failures
    ]
    if as_json:
        _out(json.dumps({"plugins": rows, "failed": failed}, indent=2))
        return
    table = [
        (
            row["name"],
            "built-in" if row["builtin"] else f"{row['distribution']} {row['version']}",
            ", ".join(row["hooks"]),
        )
        for row in rows
    ]
    _columns(table, indent="")
    for failure in host.failures:
        _out(f"FAILED: {failure}")


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"dispatchlib: error: {message}", err=True)
    sys.exit(code)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that it stops as cleanly as on Ctrl-C."""


def _terminate(_signal: int, _frame: FrameType | None) -> None:
    raise _Terminated


def _stop_reason(stop: KeyboardInterrupt) -> str:
    return "terminated" if isinstance(stop, _Terminated) else "interrupted"


def _stop_code(stop: KeyboardInterrupt) -> int:
    return 128 + (signal.SIGTERM if isinstance(stop, _Terminated) else signal.SIGINT)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; errors become one line on stderr and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    end = args.index("--") if "--" in args else len(args)  # after '--', '--debug' is a file name
    debug = "--debug" in args[:end]
    args = [arg for arg in args[:end] if arg != "--debug"] + args[end:]
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        cli.main(args=args, prog_name="dispatchlib", standalone_mode=False, obj={"debug": debug})
        if sys.stdout is not None:
            _stdout_write("")  # what click printed reaches the file now, or fails here
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort as abort:  # click's word for a KeyboardInterrupt (or SIGTERM) it caught
        stop = abort.__cause__ if isinstance(abort.__cause__, KeyboardInterrupt) else KeyboardInterrupt()
        _fail(_stop_reason(stop), _stop_code(stop))
    except KeyboardInterrupt as stop:
        _fail(_stop_reason(stop), _stop_code(stop))
    except click.ClickException as error:
        if debug:
            raise
        _fail(error.format_message(), error.exit_code)
    except DispatchlibError as error:
        if debug:
            raise
        _fail(str(error), error.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # a bug of ours or of a plugin: still one line, with a way to learn more
        if debug:
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (run with --debug for the traceback, and report it)", 1)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
