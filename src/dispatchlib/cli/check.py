"""``dispatchlib check``: every input's findings, as a linter prints them."""

from __future__ import annotations

import functools
import json
import os
import sys

import click

from ..convert import check_file
from ..diagnostics import Diagnostic
from ..fetch import is_url
from ..sources import find_inputs
from .shared import Reading, or_stdin, reading_options
from .terminal import out, plural

_SEVERITIES = ("info", "warning", "error")


@click.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@reading_options
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
    help="Print findings of this severity and above, as lines or JSON (the summary counts them all).",
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
    inputs = or_stdin(inputs)
    reading = Reading(input_format, encoding, fix_text, max_mb)
    sources, skipped = find_inputs(inputs)
    if "-" in sources and len(sources) > 1:
        raise click.UsageError("'-' (stdin) can only be checked on its own")
    found = _check_all(sources, reading, jobs)
    findings = skipped + [item for per_input in found for item in per_input]
    counts = {name: sum(1 for item in findings if item.severity.value == name) for name in _SEVERITIES}
    failing = counts["error"] + (counts["warning"] if strict else 0)
    summary = (
        f"{plural(len(sources), 'file')}: {plural(counts['error'], 'error')}, "
        f"{plural(counts['warning'], 'warning')}, {counts['info']} info"
    )
    shown = [item for item in findings if _SEVERITIES.index(item.severity.value) >= _SEVERITIES.index(severity)]
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
            for d in shown
        ]
        summary_row = {
            "files": len(sources),
            **{f"{name}s" if name != "info" else name: counts[name] for name in _SEVERITIES},
        }
        out(json.dumps({"summary": summary_row, "diagnostics": rows}, indent=2, ensure_ascii=False))
    else:
        for item in shown:
            out(str(item))
        click.echo(summary, err=True)
    if failing:
        sys.exit(4)


def _check_all(sources: list[str], reading: Reading, jobs: int | None) -> list[list[Diagnostic]]:
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
    from ..batch import worker_pool

    with worker_pool(workers) as pool:
        return list(pool.map(check_one, sources, chunksize=max(1, min(16, len(sources) // (4 * workers)))))
