"""Rendering the model as XHTML fragments: blocks, inline content, notes, right-to-left runs.

Plain string building with escaping: no XML library is needed to write well-formed XHTML, and it
keeps a 10,000-dispatch book fast. Ids are prefixed per dispatch (``d3-n1``), so notes of many
dispatches in one book never collide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from .. import model as m
from ..labels import CREDIT_MISSING, OUTLET_MISSING, boundary_source
from ._bidi import mostly_rtl, rtl_language, segments
from ._typography import educate, educate_runs

_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Only a well-formed web address becomes a link; anything else a URL field holds is shown as text.
WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?#]*)?")


def link(label: str, url: str | None) -> str:
    """``label`` as XHTML, linked to ``url`` when that is a well-formed web address."""
    if url and WEB_ADDRESS.fullmatch(url):
        return f'<a href="{attr(url)}">{text(label)}</a>'
    return text(label)


def text(value: str) -> str:
    """``value`` escaped for XHTML, with characters XML cannot hold removed."""
    return escape(_XML_UNSAFE.sub("", value), quote=False)


def attr(value: str) -> str:
    """``value`` escaped for an attribute."""
    return escape(_XML_UNSAFE.sub("", value), quote=True)


def with_rtl_spans(value: str) -> str:
    """Escaped text with typographic quotes and dashes (:mod:`._typography`), and right-to-left
    runs inside left-to-right text marked ``dir="rtl"`` (and left as they are)."""
    return "".join(
        text(educate(run))
        if language is None
        else f'<span dir="rtl" lang="{language}" xml:lang="{language}">{text(run)}</span>'
        for run, language in segments(value)
    )


class DispatchRenderer:
    """XHTML for one dispatch of a book; ``prefix`` makes its ids unique within the book.

    ``link_for`` maps a mention such as ``Special Dispatch No. 7700`` to the href of that dispatch
    when it is in the same book.
    """

    def __init__(
        self, dispatch: m.Dispatch, prefix: str, link_for: Callable[[str, int], str | None] | None = None
    ) -> None:
        self.dispatch = dispatch
        self.prefix = prefix
        self.link_for = link_for
        self.notes = {note.number: note for note in dispatch.notes}
        self.ref_ids: dict[int, str] = {}
        self.headings: list[tuple[int, str, str]] = []  # level, id, text
        self.images: list[tuple[str, str, bytes]] = []  # file name in the book, media type, bytes
        self._ref_count = 0

    def note_id(self, number: int) -> str:
        return f"{self.prefix}-n{number}"

    def inline(self, content: tuple[m.Inline, ...]) -> str:
        out: list[str] = []
        for item, educated in zip(content, educate_runs(content), strict=True):
            if isinstance(item, m.ForeignText):
                language = attr(item.language)
                direction = ' dir="rtl"' if rtl_language(item.language) else ""
                out.append(f'<span lang="{language}" xml:lang="{language}"{direction}>{text(educated or "")}</span>')
            elif isinstance(item, m.Text):
                out.append(self.linked(educated or ""))
            elif item.number in self.notes:
                self._ref_count += 1
                ref_id = f"{self.prefix}-r{self._ref_count}"
                self.ref_ids.setdefault(item.number, ref_id)
                out.append(
                    f'<a class="noteref" epub:type="noteref" role="doc-noteref" id="{ref_id}" '
                    f'href="#{self.note_id(item.number)}">{item.number}</a>'
                )
            else:
                out.append(f'<span class="missing-ref" title="no such note">[{item.number}]</span>')
        return "".join(out)

    def linked(self, value: str) -> str:
        """Text with mentions of dispatches in the same book turned into links."""
        if self.link_for is None or "No." not in value:  # every mention has "No.": most text has none
            return with_rtl_spans(value)
        out: list[str] = []
        position = 0
        for match in _MENTION.finditer(value):
            href = self.link_for(match["series"].strip(), int(match["number"]))
            if href is None:
                continue
            out.append(with_rtl_spans(value[position : match.start()]))
            out.append(f'<a href="{attr(href)}">{text(match.group())}</a>')
            position = match.end()
        out.append(with_rtl_spans(value[position:]))
        return "".join(out)

    def paragraph(self, content: tuple[m.Inline, ...], css: str = "") -> str:
        direction = ' dir="rtl"' if mostly_rtl(m.plain_text(content)) else ""
        css_attr = f' class="{css}"' if css else ""
        return f"<p{css_attr}{direction}>{self.inline(content)}</p>"

    def block(self, block: m.Block) -> str:
        match block:
            case m.Paragraph(content=content):
                return self.paragraph(content)
            case m.Heading(text=value, level=level):
                heading_id = f"{self.prefix}-h{len(self.headings) + 1}"
                self.headings.append((level, heading_id, value))
                return f'<h{level + 1} id="{heading_id}">{with_rtl_spans(value)}</h{level + 1}>'
            case m.Figure():
                return self.figure(block)
            case m.Quotation(content=content):
                return f"<blockquote>{self.paragraph(content)}</blockquote>"
            case m.SpeakerTurn(speaker=speaker, content=content):
                return (
                    f'<p class="turn"><span class="speaker">{with_rtl_spans(speaker)}:</span> '
                    f"{self.inline(content)}</p>"
                )
            case m.StageDirection(text=value):
                return f'<p class="stage">({with_rtl_spans(value)})</p>'
            case m.EditorNote(label=label, content=content):
                return (
                    f'<div class="editor-note" role="note"><p><span class="label">{text(label)}:</span> '
                    f"{self.inline(content)}</p></div>"
                )
            case m.MediaPointer(text=value):
                return f'<p class="media-pointer">{text(value)}</p>'
            case m.TranslationBoundary(content=content, source_note=number):
                return self.paragraph(content) + self.boundary(number)
        raise TypeError(f"no XHTML form for {type(block).__name__}")

    def figure(self, figure: m.Figure) -> str:
        """The image where the model has it, with its caption and credit under it; without it, a
        caption line that says an image was there."""
        picture = figure.image if figure.image is not None and figure.image.data else None
        image = ""
        if picture is not None:
            suffix = picture.media_type.removeprefix("image/").replace("jpeg", "jpg")
            name = f"images/{self.prefix}-f{len(self.images) + 1}.{suffix}"
            self.images.append((name, picture.media_type, picture.data or b""))
            description = figure.alt_text or figure.caption or "A picture"
            image = f'<img src="{name}" alt="{attr(description)}"/>'
        parts = [] if picture is not None else ['<span class="label">Image</span>']
        if figure.caption:
            parts.append(f'<span class="caption">{with_rtl_spans(figure.caption)}</span>')
        if figure.alt_text and picture is None:
            parts.append(f'<span class="alt">Described as: {with_rtl_spans(figure.alt_text)}</span>')
        if figure.credit is not None:
            parts.append(f'<span class="credit">Source: {with_rtl_spans(figure.credit)}</span>')
        elif figure.credit_missing:
            parts.append(f'<span class="credit missing">{CREDIT_MISSING}</span>')
        caption = f"<figcaption>{' '.join(parts)}</figcaption>" if parts else ""
        return f'<figure class="image">{image}{caption}</figure>'

    def boundary(self, number: int | None) -> str:
        source = with_rtl_spans(boundary_source(self.dispatch, number))
        return (
            f'<hr class="translation-break"/>'
            f'<p class="translation-source" role="doc-subtitle">Translation from {source}</p>'
        )

    def body(self) -> str:
        return "\n".join(self.block(block) for block in self.dispatch.body)

    def notes_section(self) -> str:
        """The notes as an EPUB endnotes list, each with its backlink first; unreferenced notes
        too. A list, not footnote asides: Apple Books hides asides from the flow, which left a
        "Notes" heading over nothing; a list is seen in every reader, and readers that show
        pop-ups show them for these notes as well."""
        dispatch = self.dispatch
        if not dispatch.notes and dispatch.author_note is None:
            return ""
        items = []
        if dispatch.author_note is not None:
            star = (
                f'<a class="backlink" role="doc-backlink" href="#{self.author_ref_id}">*</a>'
                if self.dispatch.authors  # the byline's * is the reference, when there is a byline
                else '<span class="number">*</span>'
            )
            items.append(
                f'<li class="author-note" id="{self.author_note_id}" epub:type="endnote">'
                f"<p>{star} {with_rtl_spans(dispatch.author_note)}</p></li>"
            )
        seen: set[int] = set()
        for note in dispatch.notes:
            note_id = (
                self.note_id(note.number) if note.number not in seen else f"{self.note_id(note.number)}-{len(items)}"
            )
            seen.add(note.number)
            ref_id = self.ref_ids.get(note.number)
            back = (
                f'<a class="backlink" role="doc-backlink" href="#{ref_id}">{note.number}.</a>'
                if ref_id
                else f'<span class="number">{note.number}.</span>'
            )
            body = self.linked(note.text)
            if note.url and note.outlet and note.text.startswith(note.outlet):
                body = link(note.outlet, note.url) + self.linked(note.text[len(note.outlet) :])
            if note.outlet_missing:
                body = f'<span class="outlet missing">{OUTLET_MISSING}</span>, {body}'
            items.append(f'<li id="{note_id}" epub:type="endnote"><p>{back} {body}</p></li>')
        return (
            f'<section class="notes" epub:type="endnotes" role="doc-endnotes"><h2>Notes</h2>\n'
            f"<ol>{chr(10).join(items)}</ol>\n</section>"
        )

    @property
    def author_note_id(self) -> str:
        return f"{self.prefix}-author"

    @property
    def author_ref_id(self) -> str:
        return f"{self.prefix}-author-ref"

    def author_ref(self) -> str:
        """The ``*`` after the byline, a reference to the author note (empty without one)."""
        if self.dispatch.author_note is None or not self.dispatch.authors:
            return ""
        return (
            f'<a class="noteref" epub:type="noteref" role="doc-noteref" id="{self.author_ref_id}" '
            f'href="#{self.author_note_id}">*</a>'
        )


_MENTION = re.compile(r"(?P<series>(?:[A-Z][\w&]*\s){1,4}?)No\.\s?(?P<number>\d{1,7})")
