"""The ``docx`` format: Word documents with real footnotes (``pip install 'dispatchbook[docx]'``).

This module only registers the format; the document is written by :mod:`._docx_document`,
imported on first use so that listing formats or converting to other formats never loads
python-docx or lxml.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import model as m
from ..hookspecs import hookimpl
from ..options import ExportOptions
from ..plugins import Exporter

__all__ = ["to_docx"]

_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def to_docx(document: m.Document, options: ExportOptions | None = None) -> bytes:
    """The DOCX bytes of a dispatch or a collection."""
    from ._docx_document import to_docx as write

    return write(document, options)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """The ``docx`` exporter."""
    register(
        Exporter(
            name="docx",
            needs=("docx", "lxml"),
            install="dispatchbook[docx]",
            reads=frozenset(("title", "language", "publisher", "description", "reference_docx", "paper", "toc")),
            export=to_docx,
            suffix=".docx",
            media_type=_MEDIA_TYPE,
            binary=True,
            description="Word document with real footnotes",
        )
    )
