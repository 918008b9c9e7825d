"""The ``html`` format: one self-contained web page, from the XHTML builder the e-book uses.

The page holds everything: its style sheet inline (light and dark by ``prefers-color-scheme``,
and print), the pictures of saved pages as ``data:`` addresses, and one small script that places
a note's popover beside its reference (``page.js``; without it the page works the same, the note
opening at the foot of the window). Note references are links to the notes at the end and back;
where the browser has popovers, a small button beside each reference also opens its note in
place. A collection is one page with a contents list.
"""

from __future__ import annotations

import functools
from importlib import resources

from .. import images
from .. import model as m
from ..labels import display_title
from ..options import ExportOptions
from . import _xhtml as x
from ._bidi import rtl_language

__all__ = ["page_files", "to_html"]


@functools.cache
def _resource(name: str) -> str:
    """The page's style sheet (``page.css``) or script (``page.js``)."""
    return resources.files("dispatchlib.formats").joinpath(name).read_text(encoding="utf-8")


def _article(
    dispatch: m.Dispatch, index: int, depth: int, options: ExportOptions, link_for: x.LinkFor | None = None
) -> str:
    renderer = x.DispatchRenderer(
        dispatch, f"d{index}", link_for, page=True, depth=depth, beside=options.beside, language=options.language
    )
    title_id = f"d{index}-title"
    language = f" {x.lang(dispatch.language, xml=False)}" if dispatch.language else ""
    return (
        f'<article id="d{index}" aria-labelledby="{title_id}"{language}>\n{renderer.header_block(title_id)}\n'
        f"{renderer.body()}\n{renderer.notes_section()}\n</article>"
    )


def to_html(document: m.Document, options: ExportOptions | None = None) -> bytes:
    """The HTML page of a dispatch or of a collection."""
    options = options or ExportOptions()
    if options.beside is None:  # in the page itself: a page holds less than a book
        images.check_book_images(document, images.MAX_PAGE_IMAGES_SIZE, "web page")
    else:
        images.check_book_images(document)
    if isinstance(document, m.Dispatch):
        title = display_title(document)
        body = _article(document, 1, 1, options)
    else:
        title = options.title or document.title or f"{len(document.dispatches)} dispatches"
        targets = {(d.series, d.number): i for i, d in enumerate(document.dispatches, start=1)}

        def link_for(series: str, number: int) -> str | None:
            index = targets.get((series, number))
            return f"#d{index}-title" if index else None

        articles = [_article(d, i, 2, options, link_for) for i, d in enumerate(document.dispatches, start=1)]
        contents = "".join(
            f'<li><a href="#d{i}-title">{x.with_rtl_spans(display_title(d), False, None, options.language)}</a></li>'
            for i, d in enumerate(document.dispatches, start=1)
        )
        body = (
            f"<header><h1>{x.with_rtl_spans(title, False, None, options.language)}</h1></header>\n"
            f'<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2>'
            f"<ol>{contents}</ol></nav>\n" + "\n".join(articles)
        )
    description = options.description or x.description(document)
    dispatches = document.dispatches if isinstance(document, m.Collection) else (document,)
    authors = ", ".join(dict.fromkeys(author for d in dispatches for author in d.authors))
    direction = ' dir="rtl"' if rtl_language(options.language) else ""
    head = (
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{x.text(title)}</title>\n"
        f'<meta name="description" content="{x.attr(description)}">\n'
        + (f'<meta name="author" content="{x.attr(authors)}">\n' if authors else "")
        + f"<style>\n{_resource('page.css')}</style>\n"
    )
    page = (
        f"<!DOCTYPE html>\n<html {x.lang(options.language, xml=False)}{direction}>\n<head>\n{head}</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n<script>\n{_resource('page.js')}</script>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


def page_files(document: m.Document, options: ExportOptions) -> dict[str, bytes]:
    """The pictures a page made with ``options.beside`` refers to, by their paths: the same
    names the page's ``img`` elements use (``report_files/d1-f1.png``)."""
    if options.beside is None:
        return {}
    dispatches = document.dispatches if isinstance(document, m.Collection) else (document,)
    out: dict[str, bytes] = {}
    for index, dispatch in enumerate(dispatches, start=1):
        renderer = x.DispatchRenderer(dispatch, f"d{index}", page=True, beside=options.beside)
        renderer.body()
        out.update({name: data for name, _, data in renderer.images})
    return out
