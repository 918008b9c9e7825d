"""The ``epub`` format: EPUB 3 e-books (``pip install 'dispatchbook[epub]'``).

This module only registers the format; the book is built by :mod:`._epub_book`, imported on
first use so that listing formats or converting to other formats never loads ebooklib, lxml or
Pillow.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import model as m
from ..hookspecs import hookimpl
from ..options import ExportOptions
from ..plugins import Exporter

__all__ = ["to_epub"]


def to_epub(document: m.Document, options: ExportOptions | None = None) -> bytes:
    """The EPUB 3 bytes of a dispatch or a collection."""
    from ._epub_book import to_epub as build

    return build(document, options)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """The ``epub`` exporter."""
    register(
        Exporter(
            name="epub",
            needs=("ebooklib", "PIL", "isal"),
            install="dispatchbook[epub]",
            reads=frozenset(
                (
                    "title",
                    "language",
                    "publisher",
                    "description",
                    "cover_image",
                    "generate_cover",
                    "group_by",
                    "css",
                    "issue",
                )
            ),
            export=to_epub,
            suffix=".epub",
            media_type="application/epub+zip",
            binary=True,
            description="EPUB 3 e-book with pop-up notes",
        )
    )
