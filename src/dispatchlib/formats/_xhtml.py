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
from ..labels import (
    CREDIT_MISSING,
    OUTLET_MISSING,
    TRUNCATED,
    boundary_source,
    clip_facts,
    date_text,
    display_title,
    series_line,
)
from ._bidi import mostly_rtl, rtl_language, segments
from ._typography import Typesetter

_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Only a well-formed web address becomes a link; anything else a URL field holds is shown as text.
WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?#]*)?")


_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def href(url: str) -> str:
    """An address (a link's, as the page wrote it) as a valid URL: what a URL may not hold (a
    space, ``<``, a lone ``%``, a backslash, a second ``#``, letters beyond ASCII) percent-encoded,
    what it encodes already kept; EPUBCheck and Word refuse the rest."""
    from urllib.parse import quote

    url = _LONE_PERCENT.sub("%25", url)
    address, hash_mark, fragment = url.partition("#")
    safe = "!$%&'()*+,-./:;=?@_~"
    return quote(address, safe=safe) + hash_mark + quote(fragment, safe=safe)


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


def with_rtl_spans(value: str, xml: bool = True, typeset: Typesetter | None = None, language: str | None = None) -> str:
    """Escaped text with typographic quotes and dashes (``typeset``: :mod:`._typography`, in the
    context of the text before it), and runs of another script marked with their language (see
    :mod:`._bidi`; ``language`` is the text's own), right-to-left ones ``dir="rtl"`` and left as
    they are; ``xml`` adds ``xml:lang`` beside ``lang``, as XHTML wants and HTML does not."""
    typeset = typeset or Typesetter()
    out = []
    for run, tag in segments(value, language):
        if tag is None:
            out.append(text(typeset.educate(run)))
        elif rtl_language(tag):
            out.append(f'<span dir="rtl" {lang(tag, xml)}>{text(typeset.keep(run))}</span>')
        else:
            out.append(f"<span {lang(tag, xml)}>{text(typeset.educate(run))}</span>")
    return "".join(out)


def description(document: m.Document) -> str:
    """A dispatch's lead (its first paragraph), or a collection's titles, cut to 500 characters:
    the description of a book's or a page's metadata."""
    if isinstance(document, m.Collection):
        value = f"{len(document.dispatches)} dispatches: " + "; ".join(display_title(d) for d in document.dispatches)
    else:
        lead = next((b for b in document.body if isinstance(b, m.Paragraph | m.TranslationBoundary)), None)
        value = m.plain_text(lead.content) if lead is not None else ""
    value = " ".join(value.split())
    return value if len(value) <= 500 else value[:499].rsplit(" ", 1)[0] + "…"


LinkFor = Callable[[str, int], str | None]


def lang(language: str, xml: bool = True) -> str:
    """The ``lang`` attribute, and ``xml:lang`` with it for XHTML."""
    value = attr(language)
    return f'lang="{value}" xml:lang="{value}"' if xml else f'lang="{value}"'


def _popover(note_id: str) -> str:
    return f"{note_id}-pop"


class DispatchRenderer:
    """XHTML for one dispatch of a book; ``prefix`` makes its ids unique within the book.

    ``link_for`` maps a mention such as ``Special Dispatch No. 7700`` to the href of that dispatch
    when it is in the same book. With ``page``, the markup is for a web page (the ``html``
    format) rather than an e-book: no ``epub:type`` or ``xml:lang``, images as ``data:``
    addresses, each note also in a popover that its reference's button opens in place; ``depth``
    is the level of the dispatch's own title (2 under a collection's title); ``language`` is the
    book's or page's, for a dispatch that does not name its own.
    """

    def __init__(
        self,
        dispatch: m.Dispatch,
        prefix: str,
        link_for: LinkFor | None = None,
        *,
        page: bool = False,
        depth: int = 1,
        beside: str | None = None,
        language: str | None = None,
    ) -> None:
        self.dispatch = dispatch
        self.language = dispatch.language or language  # the language its text is in, where known
        self.prefix = prefix
        self.link_for = link_for
        self.page = page
        self.depth = depth
        self.beside = beside
        self.notes = {note.number: note for note in dispatch.notes}
        self.ref_ids: dict[int, str] = {}
        self.headings: list[tuple[int, str, str]] = []  # level, id, text
        self.images: list[tuple[str, str, bytes]] = []  # file name in the book, media type, bytes
        self._ref_count = 0
        self._typeset = Typesetter()
        self._rules: dict[type, m.InlineRule[str]] = {  # made once: a paragraph only walks it
            m.Text: self.run,
            m.ForeignText: self.foreign,
            m.NoteRef: self.note_ref,
            m.Emphasis: lambda item, inner, _: f"<em>{''.join(inner)}</em>",
            m.Strong: lambda item, inner, _: f"<strong>{''.join(inner)}</strong>",
            m.Link: lambda item, inner, _: f'<a href="{attr(href(item.url))}">{"".join(inner)}</a>',
        }

    def note_id(self, number: int) -> str:
        return f"{self.prefix}-n{number}"

    def spans(self, value: str, typeset: Typesetter | None = None) -> str:
        return with_rtl_spans(value, not self.page, typeset, self.language)

    def epub_type(self, kind: str) -> str:
        """`` epub:type="kind"`` in an e-book; nothing in a web page, where it is not allowed."""
        return "" if self.page else f' epub:type="{kind}"'

    def inline(self, content: tuple[m.Inline, ...]) -> str:
        self._typeset = Typesetter()  # each run read after the one before, at any depth of spans
        return "".join(m.render(content, self._rules))

    def run(self, item: m.Text, _: list[str], within: tuple[m.Span, ...]) -> str:
        """A run of text; inside a link, mentions of other dispatches are not linked again."""
        if within and any(isinstance(s, m.Link) for s in within):
            return self.spans(item.text, self._typeset)
        return self.linked(item.text, self._typeset)

    def foreign(self, item: m.ForeignText, _: list[str], within: tuple[m.Span, ...]) -> str:
        rtl = rtl_language(item.language)
        educated = self._typeset.keep(item.text) if rtl else self._typeset.educate(item.text)
        direction = ' dir="rtl"' if rtl else ""
        return f"<span {lang(item.language, not self.page)}{direction}>{text(educated)}</span>"

    def note_ref(self, item: m.NoteRef, _: list[str], within: tuple[m.Span, ...]) -> str:
        """A note reference: a link to its note (and a button that shows it in place, on a web
        page), or the number in brackets, marked, where the dispatch has no such note."""
        self._typeset.reference()
        if item.number not in self.notes:
            return f'<span class="missing-ref" title="no such note">[{item.number}]</span>'
        self._ref_count += 1
        ref_id = f"{self.prefix}-r{self._ref_count}"
        self.ref_ids.setdefault(item.number, ref_id)
        reference = (
            f'<a class="noteref"{self.epub_type("noteref")} role="doc-noteref" id="{ref_id}" '
            f'href="#{self.note_id(item.number)}">{item.number}</a>'
        )
        if self.page:  # with a button that opens the note in place, where browsers have popovers
            reference = (
                f'<span class="ref">{reference}<button type="button" class="peek" '
                f'popovertarget="{_popover(self.note_id(item.number))}" '
                f'aria-label="Show note {item.number} here">+</button></span>'
            )
        return reference

    def linked(self, value: str, typeset: Typesetter | None = None) -> str:
        """Text with mentions of dispatches in the same book turned into links."""
        if self.link_for is None or "No." not in value:  # every mention has "No.": most text has none
            return self.spans(value, typeset)
        typeset = typeset or Typesetter()
        out: list[str] = []
        position = 0
        for match in _MENTION.finditer(value):
            href = self.link_for(match["series"].strip(), int(match["number"]))
            if href is None:
                continue
            out.append(self.spans(value[position : match.start()], typeset))
            out.append(f'<a href="{attr(href)}">{text(typeset.keep(match.group()))}</a>')
            position = match.end()
        out.append(self.spans(value[position:], typeset))
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
                tag = f"h{min(level + self.depth, 6)}"
                return f'<{tag} id="{heading_id}">{self.spans(value)}</{tag}>'
            case m.Figure():
                return self.figure(block)
            case m.Quotation(content=content):
                return f"<blockquote>{self.paragraph(content)}</blockquote>"
            case m.SpeakerTurn(speaker=speaker, content=content):
                return f'<p class="turn"><span class="speaker">{self.spans(speaker)}:</span> {self.inline(content)}</p>'
            case m.StageDirection(text=value):
                return f'<p class="stage">({self.spans(value)})</p>'
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
            description = figure.alt_text or figure.caption or "A picture"
            image = f'<img src="{attr(self.image_src(picture))}" alt="{attr(description)}"/>'
        parts = [] if picture is not None else ['<span class="label">Image</span>']
        if figure.caption:
            parts.append(f'<span class="caption">{self.spans(figure.caption)}</span>')
        if figure.description and picture is None:
            parts.append(f'<span class="alt">Described as: {self.spans(figure.description)}</span>')
        if figure.credit is not None:
            credit = self.spans(figure.credit)
            if figure.credit_url is not None:
                credit = f'<a href="{attr(href(figure.credit_url))}">{credit}</a>'
            parts.append(f'<span class="credit">Source: {credit}</span>')
        elif figure.credit_missing:
            parts.append(f'<span class="credit missing">{CREDIT_MISSING}</span>')
        caption = f"<figcaption>{' '.join(parts)}</figcaption>" if parts else ""
        return f'<figure class="image">{image}{caption}</figure>'

    def image_src(self, picture: m.Picture) -> str:
        """Where the ``img`` finds the picture: a file of the book, or of the folder ``beside`` a
        web page (kept in ``images``); else, in a web page, the picture itself as a ``data:`` address."""
        if self.page and self.beside is None:
            import base64

            return f"data:{picture.media_type};base64,{base64.b64encode(picture.data or b'').decode('ascii')}"
        suffix = picture.media_type.removeprefix("image/").replace("jpeg", "jpg").replace("svg+xml", "svg")
        name = f"{self.beside or 'images'}/{self.prefix}-f{len(self.images) + 1}.{suffix}"
        self.images.append((name, picture.media_type, picture.data or b""))
        return name

    def boundary(self, number: int | None) -> str:
        source = self.spans(boundary_source(self.dispatch, number))
        return (
            f'<hr class="translation-break"/>'
            f'<p class="translation-source" role="doc-subtitle">Translation from {source}</p>'
        )

    def header_block(self, title_id: str) -> str:
        """The dispatch's title block: series and number, title, date, byline (its ``*`` linked to
        the author note), topics, clip facts, the subscribers' notice and the source address."""
        dispatch = self.dispatch
        parts = [f'<p class="series">{text(series_line(dispatch))}</p>'] if series_line(dispatch) else []
        tag = f"h{self.depth}"
        parts.append(f'<{tag} class="title" id="{title_id}">{self.spans(display_title(dispatch))}</{tag}>')
        if dispatch.date:
            parts.append(
                f'<p class="date"><time datetime="{dispatch.date.isoformat()}">{date_text(dispatch.date)}</time></p>'
            )
        if dispatch.authors:
            parts.append(f'<p class="authors">By {text(", ".join(dispatch.authors))}{self.author_ref()}</p>')
        if dispatch.topics:
            parts.append(f'<p class="topics">Topics: {text(", ".join(dispatch.topics))}</p>')
        if clip_facts(dispatch):
            parts.append(f'<p class="clip">{text(clip_facts(dispatch))}</p>')
        if dispatch.truncated:
            parts.append(f'<p class="truncated">{TRUNCATED}</p>')
        if dispatch.source_url:
            parts.append(f'<p class="source-url">{link(dispatch.source_url, dispatch.source_url)}</p>')
        return f'<header class="dispatch-header">{"".join(parts)}</header>'

    def body(self) -> str:
        return "\n".join(self.block(block) for block in self.dispatch.body)

    def notes_section(self) -> str:
        """The notes as a list at the end, each with its backlink first; unreferenced notes too.
        A list, not footnote asides: Apple Books hides asides from the flow, which left a "Notes"
        heading over nothing; a list is seen in every reader.

        In the e-book each note is ``epub:type="footnote"`` with the ``doc-footnote`` role, the
        semantics reading systems pop up: Apple Books and Kobo for the element a ``noteref``
        points to, if it says ``footnote``; Thorium for any ``noteref``. The ``endnote`` type on
        an item is deprecated (EPUB 3.3), as is the ``doc-endnote`` role (DPUB-ARIA 1.1), and
        footnotes are not to be marked inside ``doc-endnotes``: the list is ``footnotes``. A web
        page has no pop-ups of this kind (its notes have popovers), so its list is
        ``doc-endnotes`` and its notes plain list items."""
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
                f'<li class="author-note">{self._note_open(self.author_note_id)}'
                f"{star} {self.spans(dispatch.author_note)}</p></li>"
            )
        seen: set[int] = set()
        popovers: dict[int, str] = {}
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
                after = note.text[len(note.outlet) :]
                body = link(note.outlet, note.url) + self.linked(after, Typesetter(note.outlet))
            if note.outlet_missing:
                body = f'<span class="outlet missing">{OUTLET_MISSING}</span>, {body}'
            items.append(f"<li>{self._note_open(note_id)}{back} {body}</p></li>")
            if self.page and ref_id and note.number not in popovers:
                popovers[note.number] = (
                    f'<div popover id="{_popover(self.note_id(note.number))}" class="note-popover" role="doc-footnote">'
                    f"<p>{note.number}. {body}</p></div>"
                )
        heading = f"h{self.depth + 1}"
        return (
            f'<section class="notes"{self._notes_semantics()}><{heading}>Notes</{heading}>\n'
            f"<ol>{chr(10).join(items)}</ol>{''.join(popovers.values())}\n</section>"
        )

    def _note_open(self, note_id: str) -> str:
        """The opening tag of a note's paragraph, which its references point to."""
        return f'<p id="{note_id}">' if self.page else f'<p id="{note_id}" epub:type="footnote" role="doc-footnote">'

    def _notes_semantics(self) -> str:
        return ' role="doc-endnotes"' if self.page else ' epub:type="footnotes"'

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
            f'<a class="noteref"{self.epub_type("noteref")} role="doc-noteref" id="{self.author_ref_id}" '
            f'href="#{self.author_note_id}">*</a>'
        )


_MENTION = re.compile(r"(?P<series>(?:[A-Z][\w&]*\s){1,4}?)No\.\s?(?P<number>\d{1,7})")
