"""The exceptions dispatchlib raises, each with the CLI exit code that stands for it.

::

    DispatchlibError                      exit 1
    ├── InputError(DispatchlibError, OSError)        exit 3  missing, unreadable or non-text input
    ├── ParseError(DispatchlibError, ValueError)     exit 4  strict parsing found an error
    ├── NotADispatchError(ParseError)                exit 5  the text has no dispatch structure
    ├── FormatError(DispatchlibError, LookupError)   exit 6  no reader or exporter by that name
    ├── PluginError(DispatchlibError, RuntimeError)  exit 7  a plugin failed to load or clashed
    ├── ExportError(DispatchlibError, RuntimeError)  exit 8  an exporter failed
    ├── OutputError(DispatchlibError, OSError)       exit 9  the output cannot be written
    ├── BatchError(DispatchlibError)                 exit 10 some inputs of a batch failed
    └── NothingNewError(DispatchlibError)            exit 11 --history: every item was delivered before

Exit code 2 is click's: a mistake in the command line itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diagnostics import Diagnostic

__all__ = [
    "BatchError",
    "DispatchlibError",
    "ExportError",
    "FormatError",
    "InputError",
    "NotADispatchError",
    "NothingNewError",
    "OutputError",
    "ParseError",
    "PluginError",
]


class DispatchlibError(Exception):
    """The base of every error dispatchlib raises on purpose."""

    exit_code = 1


class InputError(DispatchlibError, OSError):
    """An input file is missing, unreadable, a folder, or not text."""

    exit_code = 3


class ParseError(DispatchlibError, ValueError):
    """Strict parsing met an error-level diagnostic; the message reads ``source:line:column: ...``."""

    exit_code = 4

    def __init__(
        self, message: str, *, source: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        where = source or "<input>"
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
        self.column = column


class NotADispatchError(ParseError):
    """The text holds nothing that makes it a dispatch (empty, or no recognisable structure).
    ``diagnostics`` holds what the reader noticed on the way, the reason among them."""

    diagnostics: Sequence[Diagnostic] = ()

    exit_code = 5


class FormatError(DispatchlibError, LookupError):
    """No reader or exporter is registered under the name asked for."""

    exit_code = 6


class PluginError(DispatchlibError, RuntimeError):
    """A plugin failed to load or register, or took a name another plugin owns."""

    exit_code = 7


class ExportError(DispatchlibError, RuntimeError):
    """An exporter raised while rendering a document."""

    exit_code = 8


class OutputError(DispatchlibError, OSError):
    """An output file cannot be written."""

    exit_code = 9


class BatchError(DispatchlibError):
    """Some inputs of a batch failed; the others were converted."""

    exit_code = 10


class NothingNewError(DispatchlibError):
    """With ``--history``, the inputs hold nothing an earlier run did not deliver (or the feeds
    did not change): no file is written, and a scheduled job can tell by the exit code."""

    exit_code = 11
