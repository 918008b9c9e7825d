"""``dispatchlib convert``: inputs to one output, or one output per input (a batch)."""

from __future__ import annotations

import os
import sys
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import click

from ..convert import export_reporting
from ..errors import BatchError, FormatError, InputError, OutputError
from ..fetch import is_url
from ..metadata import apply_metadata, parse_metadata
from ..model import Dispatch
from ..options import ExportOptions
from ..output import refuse_inputs, write_atomic
from ..plugins import Exporter, default_host, missing, plugin_format
from ..sources import FileIdentity, input_identities
from .feeds import FeedChoices, choices, feed_options, read_for_one_output, remember_delivered
from .shared import Reading, inputs_named, or_stdin, reading_options
from .signals import stop_code, stop_reason
from .terminal import codes, fail, report, stdout_write, summary, table, without_source

if TYPE_CHECKING:
    from ..batch import Result


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
        plugin = plugin_format(Path(output).name)
        if plugin is not None:
            return host.exporter(plugin)  # not installed: says which package to install
    raise click.UsageError("say which format to write with --to FORMAT (see 'dispatchlib formats')")


def _write(data: bytes, target: str | None, exporter: Exporter, inputs: Collection[FileIdentity]) -> None:
    if target is not None and target != "-":
        write_atomic(target, data, inputs=inputs)
        return
    if exporter.binary and sys.stdout is not None and sys.stdout.isatty():
        raise OutputError(f"{exporter.name} output is binary; write it to a file with -o FILE")
    stdout_write(data)


@click.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--to", "-t", "to", metavar="FORMAT", help="Output format (see 'dispatchlib formats').")
@reading_options
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
@feed_options
@click.option("--strict", is_flag=True, help="Fail on the first error in the input.")
@click.option(
    "--name",
    help="With --out-dir: output names from {stem}, {suffix}, {parent}, {dir}, {series}, {number}, {date}, "
    "{slug}; '{dir}/{stem}' mirrors the input tree, '{stem}-{suffix}' keeps page.html and page.txt apart.",
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
    since: str | None,
    max_items: int | None,
    history: str | None,
    sections: str,
    strict: bool,
    name: str | None,
    jobs: int | None,
    skip_existing: bool,
    verbose: bool,
    quiet: bool,
) -> None:
    """Convert INPUT files, folders, globs and web addresses ('-' or none for stdin) to FORMAT."""
    inputs = or_stdin(inputs)
    reading = Reading(input_format, encoding, fix_text, max_mb)
    if output and out_dir:
        raise click.UsageError("use either --output or --out-dir, not both")
    if jobs is not None and out_dir is None:
        raise click.UsageError("-j/--jobs runs one worker per input file, so it needs --out-dir FOLDER")
    if name is not None:
        from ..batch import check_name_template

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
        from ..formats._epub_book import _user_style

        try:
            _user_style(css)
        except InputError as error:
            raise click.UsageError(f"--css {error}") from None
    if cover_image is not None and exporter.name == "epub":
        from ..formats._cover import cover_file

        try:
            cover_file(cover_image)
        except InputError as error:
            raise click.UsageError(f"--cover {error}") from None
    feeds = choices(since, max_items, history, sections)
    if out_dir is None:
        sources = inputs_named(inputs, quiet)
        identities = input_identities(sources)
        refuse_inputs(1 if output in (None, "-") else output, identities)
        document, options, delivered, gathered = read_for_one_output(
            sources, reading, feeds, options, strict=strict, quiet=quiet
        )
        try:
            document, options = apply_metadata(document, options, metadata)
        except ValueError as error:
            raise click.UsageError(f"-M {error}") from None
        data, diagnostics = export_reporting(document, exporter.name, options, source=", ".join(sources))
        report(diagnostics, quiet)
        _write(data, output, exporter, identities)
        remember_delivered(delivered, document, gathered)
        return
    if feeds != FeedChoices():
        raise click.UsageError("--since, --max-items, --history and --sections make one output (-o), not --out-dir")
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
    reading: Reading,
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
    sources = inputs_named(inputs, quiet)
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

    from ..batch import convert_many, worker_pool

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
        fail(
            f"{stop_reason(stop)}: {summary(seen)}, {left} not converted; "
            "run the same command with --skip-existing to finish",
            stop_code(stop),
        )
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
        if progress is not None:
            progress.stop()
    failed = [result for result in results if not result.ok]
    warned = [result for result in results if result.warnings]
    if verbose or (warned and not quiet):
        click.echo(summary(results), err=True)
    if warned and not quiet and not verbose:  # -v has shown each warning already
        rows = [(r.source, str(len(r.warnings)), ", ".join(codes(r.warnings))) for r in warned]
        table("Inputs with warnings (run with -v to see them)", ("input", "warnings", "codes"), rows)
    if failed:
        reasons = [(r.source, without_source(r.error or "", r.source)) for r in failed]
        table("Inputs that failed", ("input", "reason"), reasons)
        raise BatchError(f"{len(failed)} of {len(results)} inputs failed; the others were converted")
