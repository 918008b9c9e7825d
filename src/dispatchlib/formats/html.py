"""The ``html`` and ``mhtml`` readers: saved web pages (``pip install 'dispatchbook[html]'``);
and the ``html`` exporter: one self-contained web page (:mod:`._page`, no extra needed).

A page saved as "Web page, complete" or "HTML only" (``.html``, ``.htm``), or as one file
(``.mhtml``, ``.mht``), is read by :mod:`dispatchlib.reading.pages`: the same structural reader
as copied text, plus what copying loses (note links, image credits and alt text, the page URL).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from .. import model as m
from ..diagnostics import Diagnostic
from ..errors import FormatError
from ..hookspecs import hookimpl
from ..options import ExportOptions
from ..plugins import Exporter, Reader

__all__: list[str] = []

_EXTRA = "dispatchbook[html]"
NEEDS = f"saved pages need lxml: pip install '{_EXTRA}'"


def _check_extra() -> None:
    try:
        import lxml.html  # noqa: F401
    except ImportError:
        raise FormatError(NEEDS) from None


def _read_html(data: bytes, *, source: str | None = None, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    _check_extra()
    from ..fetch import is_url, web_images
    from ..reading.pages import files_beside, read_page

    name = source or "<input>"
    images = web_images(name) if is_url(name) else files_beside(name)
    return read_page(data.decode("utf-8", errors="replace"), source=name, strict=strict, resources=images)


# A charset declared in the page's first 1,024 bytes, where HTML says a browser looks for it:
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">.
_META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)


def _charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data, 0, 1024)
    return found[1].decode("ascii") if found else None


def _read_mhtml(data: bytes, *, source: str | None = None, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    _check_extra()
    from ..reading.mail import read_message

    return read_message(data, source=source or "<input>", strict=strict)


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """The ``html`` and ``mhtml`` readers."""
    for name, read, suffixes, description, decoding in (
        ("html", _read_html, (".html", ".htm"), "a saved web page", {"charset": _charset}),
        ("mhtml", _read_mhtml, (".mhtml", ".mht"), "a web page saved as one file", {"raw": True}),
    ):
        needs = ("lxml", "PIL")
        reader = Reader(name=name, read=read, suffixes=suffixes, description=description, needs=needs, install=_EXTRA)
        register(attrs.evolve(reader, **decoding))


def _export(document: m.Document, options: ExportOptions) -> bytes:
    from ._page import to_html

    return to_html(document, options)


def _files(document: m.Document, options: ExportOptions) -> dict[str, bytes]:
    from ._page import page_files

    return page_files(document, options)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """The ``html`` exporter."""
    register(
        Exporter(
            name="html",
            export=_export,
            suffix=".html",
            media_type="text/html; charset=utf-8",
            description="one self-contained web page, notes as footnotes and popovers",
            reads=frozenset(("title", "language", "description")),
            files=_files,
        )
    )
