"""What the commands share: how inputs are named and read, and the options that say so."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import Any

import click
from attrs import frozen

from ..convert import findings, read_bytes, read_file
from ..decoding import DEFAULT_MAX_SIZE, check_encoding
from ..diagnostics import Diagnostic
from ..errors import InputError
from ..fetch import DEFAULT_DELAY, DEFAULT_TIMEOUT, PAGE_TYPES, Fetched, set_politeness
from ..model import Document
from ..sources import find_inputs, read_limited
from .terminal import report


@frozen
class Reading:
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

    def read_fetched(self, fetched: Fetched, strict: bool) -> tuple[Document, list[Diagnostic]]:
        """A page already fetched, read as :meth:`read` reads an address."""
        return read_bytes(
            fetched.data,
            source=fetched.url,
            format=self.input_format or PAGE_TYPES[fetched.media_type],
            strict=strict,
            encoding=self.encoding,
            fix_text=self.fix_text,
            max_size=int(self.max_mb * 2**20),
        )

    def read_diagnostics(self, path: str) -> list[Diagnostic]:
        """What reading ``path`` (or stdin) leniently notices, a refusal included."""
        return findings(path, lambda: self.read(path, strict=False))


class Finite(click.FloatRange):
    """A number in a range, and a finite one (``nan`` passes every comparison, ``inf`` most)."""

    name = "finite number"

    def convert(self, value: Any, param: click.Parameter | None, context: click.Context | None) -> Any:
        number = super().convert(value, param, context)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, context)
        return number


def _encoding(_context: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_encoding(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def reading_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that say how to read inputs, shared by convert and check."""
    options = [
        click.option("--from", "-f", "input_format", metavar="FORMAT", help="Input format; default: by suffix."),
        click.option("--encoding", callback=_encoding, help="The inputs' encoding (default: UTF-8, or recognised)."),
        click.option("--fix-text", is_flag=True, help="Repair mojibake (ftfy)."),
        click.option(
            "--max-size",
            "max_mb",
            type=Finite(min=0.001),
            default=DEFAULT_MAX_SIZE / 2**20,
            show_default=True,
            help="Refuse inputs over this many MB.",
        ),
        click.option(
            "--delay",
            type=Finite(min=0),
            default=DEFAULT_DELAY,
            show_default=True,
            expose_value=False,
            callback=lambda _context, _param, value: set_politeness(delay=value),
            help="Web addresses: seconds between two requests to one host.",
        ),
        click.option(
            "--timeout",
            type=Finite(min=0.1),
            default=DEFAULT_TIMEOUT,
            show_default=True,
            expose_value=False,
            callback=lambda _context, _param, value: set_politeness(timeout=value),
            help="Web addresses: seconds each address (a page, an image) may take in all.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def or_stdin(inputs: tuple[str, ...]) -> tuple[str, ...]:
    """The INPUT arguments; with none, standard input when something is piped in."""
    if "" in inputs:
        raise click.UsageError("an INPUT is empty ('' names nothing); name a file, folder, glob or web address")
    if inputs:
        return inputs
    if sys.stdin is not None and not sys.stdin.isatty():
        return ("-",)
    raise click.UsageError("name an INPUT (a file, folder, glob or web address), or pipe one in")


def inputs_named(inputs: tuple[str, ...], quiet: bool) -> list[str]:
    """The files the INPUT arguments name, telling what folders and globs held that was skipped."""
    sources, skipped = find_inputs(inputs)
    report(skipped, quiet)
    return sources
