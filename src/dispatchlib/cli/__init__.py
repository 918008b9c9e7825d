"""The ``dispatchlib`` command: a thin layer over the public API.

Every failure the user can act on prints one line, ``dispatchlib: error: ...``, on stderr and
exits with the code of its error class (see :mod:`dispatchlib.errors`); ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import signal
import sys
import threading

import click

from ..errors import DispatchlibError, NothingNewError
from .check import check
from .convert import convert
from .listing import formats, plugins
from .signals import stop_code, stop_reason, terminate
from .terminal import fail, stdout_write

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dispatchbook")
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
@click.pass_context
def cli(context: click.Context, debug: bool) -> None:
    """Turn dispatches (translated press reports) into e-books, documents and data."""
    context.obj = {"debug": debug or (context.obj or {}).get("debug", False)}


for _command in (convert, check, formats, plugins):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; errors become one line on stderr and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    end = args.index("--") if "--" in args else len(args)  # after '--', '--debug' is a file name
    debug = "--debug" in args[:end]
    args = [arg for arg in args[:end] if arg != "--debug"] + args[end:]
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, terminate) if in_main_thread else None
    try:
        cli.main(args=args, prog_name="dispatchlib", standalone_mode=False, obj={"debug": debug})
        if sys.stdout is not None:
            stdout_write("")  # what click printed reaches the file now, or fails here
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort as abort:  # click's word for a KeyboardInterrupt (or SIGTERM) it caught
        stop = abort.__cause__ if isinstance(abort.__cause__, KeyboardInterrupt) else KeyboardInterrupt()
        fail(stop_reason(stop), stop_code(stop))
    except KeyboardInterrupt as stop:
        fail(stop_reason(stop), stop_code(stop))
    except click.ClickException as error:
        if debug:
            raise
        fail(error.format_message(), error.exit_code)
    except NothingNewError as nothing:  # not a failure: a scheduled run tells it by the exit code
        click.echo(f"dispatchlib: {nothing}", err=True)
        sys.exit(nothing.exit_code)
    except DispatchlibError as error:
        if debug:
            raise
        fail(str(error), error.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # a bug of ours or of a plugin: still one line, with a way to learn more
        if debug:
            raise
        fail(f"internal error: {type(error).__name__}: {error} (run with --debug for the traceback, and report it)", 1)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
