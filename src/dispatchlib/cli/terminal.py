"""What the commands print: results on stdout, findings, tables and one-line errors on stderr."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

import click

from ..diagnostics import Diagnostic, Severity
from ..errors import OutputError

if TYPE_CHECKING:
    from ..batch import Result


def report(diagnostics: list[Diagnostic], quiet: bool) -> None:
    if quiet:
        return
    for item in diagnostics:
        if item.severity is not Severity.INFO:
            click.echo(str(item), err=True)


def stdout_write(data: bytes | str) -> None:
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


def out(text: str) -> None:
    """One line of a command's result on standard output."""
    stdout_write(text + "\n")


def summary(results: list[Result]) -> str:
    done = sum(1 for r in results if r.ok and not r.skipped)
    skipped = sum(1 for r in results if r.skipped)
    failed = sum(1 for r in results if not r.ok)
    warnings = sum(len(r.warnings) for r in results)
    warned = sum(1 for r in results if r.warnings)
    return f"{done} written, {skipped} skipped, {failed} failed; {plural(warnings, 'warning')} in {warned} of them"


def codes(warnings: tuple[str, ...]) -> list[str]:
    """The diagnostic codes at the ends of ``warnings`` lines, each once, with how often it came."""
    codes = Counter(line.rpartition("[")[2].rstrip("]") for line in warnings)
    return [code if count == 1 else f"{code} x{count}" for code, count in codes.items()]


def table(title: str, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    """A table on stderr when it is a terminal; otherwise one line a row (for logs and grep)."""
    if not sys.stderr.isatty():
        click.echo(f"{title}:", err=True)
        for row in rows:
            click.echo(f"  {row[0]}: {' | '.join(row[1:])}", err=True)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column(columns[0], no_wrap=True, overflow="fold")  # a path whole, unless wider than the terminal
    for column in columns[1:]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console(stderr=True).print(table)


def without_source(message: str, source: str) -> str:
    """``message`` without the input's name it starts with (a table shows that in its own column):
    ``a/x.txt:5:6: reference [4] ...`` is ``line 5: reference [4] ...``."""
    if not message.startswith(f"{source}:"):
        return message
    rest = message[len(source) + 1 :].lstrip()
    place = re.match(r"(\d+)(?::\d+)?: ", rest)
    return f"line {place[1]}: {rest[place.end() :]}" if place else rest


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def columns(rows: Sequence[tuple[str, ...]], indent: str = "  ") -> None:
    """Rows printed with each column as wide as its widest cell (the last one as it is)."""
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]) - 1)] if rows else []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out(indent + "  ".join([*cells, row[-1]]).rstrip())


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"dispatchlib: error: {message}", err=True)
    sys.exit(code)
