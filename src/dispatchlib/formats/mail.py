"""The ``eml`` and ``mbox`` readers: e-mail alerts, one message or a whole mailbox.

Read by :mod:`dispatchlib.reading.mail` with the standard library's ``email`` and ``mailbox``:
the HTML part of a message when it has one, else its text part; both need the ``html`` extra
(lxml), since alerts are HTML mail. A mailbox of several alerts becomes one collection.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import model as m
from ..diagnostics import Diagnostic
from ..hookspecs import hookimpl
from ..plugins import Reader

__all__: list[str] = []


def _read_eml(data: bytes, *, source: str | None = None, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    from ..reading.mail import read_message

    return read_message(data, source=source or "<input>", strict=strict)


def _read_mbox(data: bytes, *, source: str | None = None, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    from ..reading.mail import read_mbox

    return read_mbox(data, source=source or "<input>", strict=strict)


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """The ``eml`` and ``mbox`` readers."""
    for name, read, suffix, description in (
        ("eml", _read_eml, ".eml", "an e-mail alert"),
        ("mbox", _read_mbox, ".mbox", "a mailbox of e-mail alerts"),
    ):
        # alerts are HTML mail, read by lxml: the html extra
        register(
            Reader(
                name=name,
                read=read,
                suffixes=(suffix,),
                description=description,
                needs=("lxml",),
                install="dispatchbook[html]",
                raw=True,  # each part decoded by its own charset
            )
        )
