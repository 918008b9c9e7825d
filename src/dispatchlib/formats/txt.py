"""Plain text: the dispatch text reader, and the exporter that writes the canonical dispatch text.

The canonical text is the layout FORMAT.md describes, without its damage: header, title, meta
block, one block per paragraph, figures as caption lines, and the notes at the end. The parser
reads it back to an equal model. A collection is its dispatches one after another, which
:func:`~dispatchlib.parse_many` splits again.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import attrs

from .. import model as m
from ..diagnostics import Diagnostic
from ..errors import InputError
from ..hookspecs import hookimpl
from ..options import ExportOptions
from ..plugins import Exporter, Reader
from ..reading import read_document
from ..reading.blocks import every_word_capitalised
from ..reading.header import format_date, format_duration
from ..reading.notes import note_text

__all__ = ["to_text"]

_SUBSCRIBERS = "The full text of this post is available to subscribers."


def _marked(marker: str, inner: list[str]) -> str:
    """``inner`` between markers, the spaces at its ends outside them (a marker opens only
    before a word and closes only after one)."""
    text = "".join(inner)
    core = text.strip()
    start = text.find(core)
    return f"{text[:start]}{marker}{core}{marker}{text[start + len(core) :]}" if core else text


_RULES: dict[type, m.InlineRule[str]] = {
    m.Text: lambda item, _, within: item.text,
    m.NoteRef: lambda item, _, within: f"[{item.number}]",
    m.Emphasis: lambda item, inner, _: _marked("_", inner),
    m.Strong: lambda item, inner, _: _marked("**", inner),
    m.Link: lambda item, inner, _: f"[{''.join(inner)}]({item.url})",
}


def _inline(content: tuple[m.Inline, ...]) -> str:
    """Inline content as text: spans as ``_emphasis_``, ``**strong**`` and ``[text](address)``,
    which the reader reads back (:mod:`dispatchlib.reading.spans`)."""
    return "".join(m.render(content, _RULES))


def _block(block: m.Block) -> str:
    match block:
        case m.Paragraph(content=content) | m.TranslationBoundary(content=content):
            return _inline(content)
        case m.Heading(text=text) | m.MediaPointer(text=text):
            return text
        case m.Quotation(content=content):
            inner = list(content)
            refs: list[m.Inline] = []
            while inner and isinstance(inner[-1], m.NoteRef):
                refs.insert(0, inner.pop())
            return f'"{_inline(tuple(inner))}"{_inline(tuple(refs))}'
        case m.SpeakerTurn(speaker=speaker, content=content):
            return f"{speaker}: {_inline(content)}"
        case m.StageDirection(text=text):
            return f"({text})"
        case m.EditorNote(label=label, content=content):
            return f"{label}: {_inline(content)}"
        case m.Figure():
            return _figure(block)
    raise TypeError(f"no plain-text form for {type(block).__name__}")


def _figure(figure: m.Figure) -> str:
    image = figure.image
    if image is not None and image.data is None and image.src and not image.src.startswith("cid:"):
        # an image known only by its file name or address: that line, then its caption's
        rest = _figure(attrs.evolve(figure, image=None))
        return f"{image.src}\n{rest}" if rest else image.src
    if figure.alt_text is not None and not figure.caption:
        return f"{figure.alt_text}Description automatically generated"
    if figure.alt_text is not None and figure.caption and figure.description is None:
        # the page's alt text over the caption saying the same: that line, then the caption's
        return f"{figure.alt_text}\n{_figure(attrs.evolve(figure, alt_text=None))}"
    if figure.credit_missing:
        return f"{figure.caption} (Source:".lstrip()
    if figure.credit is not None and figure.credit.count("(") > figure.credit.count(")"):
        return f"{figure.caption} (Source: {figure.credit}".lstrip()  # a credit the copy cut: left open, as it was
    if figure.credit is not None:
        return f"{figure.caption} (Source: {figure.credit})".lstrip()
    return figure.caption


def _bare_caption(block: m.Block) -> bool:
    """A figure known by its caption alone."""
    return isinstance(block, m.Figure) and attrs.evolve(block, caption="") == m.Figure()


def _header_lines(dispatch: m.Dispatch) -> list[str]:
    if dispatch.clip is not None:
        clip = dispatch.clip
        top = [format_date(dispatch.date, short=True)] if dispatch.date else []
        number = f"#{dispatch.number}"
        if clip.duration_seconds is not None:
            number += f" | {format_duration(clip.duration_seconds)}"
        source = [f"Source: {''.join(clip.channels)}"] if clip.channels else []
        return [*top, dispatch.title, "", number, *source]
    date = format_date(dispatch.date) if dispatch.date else None
    numbers = ", ".join(str(n) for n in (dispatch.number, *dispatch.extra_numbers) if n is not None)
    series_number = " ".join(part for part in (dispatch.series, f"No. {numbers}" if numbers else "") if part)
    if dispatch.series and not numbers and not date:
        series_number += " No."  # a series alone on its line is a line of text; with its empty number, a header
    # without a series or a number the date stands only under the title: a bare date over a
    # headline is a blog's posting date to the reader
    header = " ".join(part for part in (date, series_number) if part) if series_number else ""
    lines = [header, "", dispatch.title, ""] if header else [dispatch.title, ""]
    authors = ", ".join(dispatch.authors)
    if authors:
        authors = f"By {authors}{'*' if dispatch.author_note is not None else ''}"
    date_line = " | ".join(part for part in (date, authors) if part)
    if date_line:
        lines.append(date_line)
    if dispatch.topics and series_number:
        lines.append(f"{', '.join(dispatch.topics)} | {series_number}")
    elif dispatch.topics:
        lines.append(f"Topics: {', '.join(dispatch.topics)}")  # no series to put them before
    return lines


def _wrap(text: str, width: int | None) -> str:
    if width is None:
        return text
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def dispatch_text(dispatch: m.Dispatch, options: ExportOptions) -> str:
    """The canonical text of one dispatch."""
    parts = ["\n".join(_header_lines(dispatch)).rstrip("\n")]
    blocks = [_wrap(_block(block), options.wrap_width) for block in dispatch.body]
    for index, block in enumerate(dispatch.body):
        # a caption alone would read back first as the missing title or a paragraph, or in title
        # case as a heading
        if _bare_caption(block) and (index == 0 or every_word_capitalised(blocks[index])):
            blocks[index] = f"![]() {blocks[index]}"
        if index and isinstance(block, m.Figure) and block == dispatch.body[index - 1]:
            # another picture under the same caption, set apart as a gallery's copy sets it (over one
            # blank line it would read back as the picture's alt text over its caption)
            blocks[index] = f"\n{blocks[index]}"
    parts += blocks
    if dispatch.truncated:
        parts.append(_SUBSCRIBERS)
    notes = [f"* {dispatch.author_note}"] if dispatch.author_note is not None else []
    notes += [_wrap(f"[{note.number}]{note_text(note)}", options.wrap_width) for note in dispatch.notes]
    if notes:
        parts.append("\n\n".join(notes))
    if dispatch.source_url:
        parts.append(f"To read the full dispatch, visit {dispatch.source_url}")
    return "\n\n".join(parts) + "\n"


def to_text(document: m.Document, options: ExportOptions | None = None) -> str:
    """The canonical text of a dispatch, or of a collection's dispatches one after another."""
    options = options or ExportOptions()
    if isinstance(document, m.Collection):
        return "\n\n".join(dispatch_text(d, options) for d in document.dispatches)
    return dispatch_text(document, options)


def _export(document: m.Document, options: ExportOptions) -> bytes:
    return to_text(document, options).encode("utf-8")


def _read(data: bytes, *, source: str | None = None, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    """One dispatch, or a collection when the file holds several (an e-mail bundle)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:  # read_bytes hands readers UTF-8; a direct caller may not
        raise InputError(f"{source or '<input>'}: not UTF-8 text ({error.reason})") from None
    return read_document(text, source=source, strict=strict)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """The ``txt`` exporter."""
    register(
        Exporter(
            name="txt",
            reads=frozenset(("wrap_width",)),
            export=_export,
            suffix=".txt",
            media_type="text/plain; charset=utf-8",
            description="plain text: the canonical dispatch text, read back by the parser",
        )
    )


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """The ``txt`` reader: the dispatch text format of FORMAT.md."""
    register(
        Reader(
            name="txt",
            read=_read,
            suffixes=(".txt", ".text"),
            description="dispatch text as copied from a web page or an e-mail",
        )
    )
