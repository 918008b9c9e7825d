"""Word documents (DOCX): a dispatch or a collection as a document that behaves like a hand-made one.

The body is written as WordprocessingML text with the template's real styles (Title, Subtitle,
Heading 1-3, Quote, Caption), parsed once into python-docx's document, which packages it; notes
become real Word footnotes (:mod:`._footnotes`). Core and custom document
properties describe the dispatch, and nothing of python-docx's own is left in them. A collection
goes through the same code: its dispatches follow each other, each on a new page with its own
title block, and Word numbers the footnotes continuously.

The template (python-docx's default, or ``reference_docx``) is parsed once per thread and
reused: each document is written into it and taken out again (:class:`_Template`); the parts no
document changes (styles, settings, numbering) are serialized once, not at every save.
"""

from __future__ import annotations

import datetime
import io
import os
import threading
import zipfile
from html import escape
from typing import Any

from .. import model as m
from ..errors import FormatError, InputError
from ..images import check_book_images
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
from ..options import ExportOptions
from ._bidi import mostly_rtl, rtl_language, segments
from ._footnotes import FOOTNOTES_REL, Footnotes, ensure_styles, text_run
from ._typography import Typesetter
from ._xhtml import WEB_ADDRESS as _WEB_ADDRESS
from ._xhtml import href
from ._zip import FixedTimeZipFile, build_time

__all__ = ["to_docx"]

_PAPER = {"a4": (11906, 16838), "letter": (12240, 15840)}  # twentieths of a point
_MARGIN = 1418  # 2.5 cm
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


_APP_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
# The template's own says "Microsoft Macintosh Word"; this document was made by dispatchlib.
_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>dispatchlib</Application></Properties>"
)
_STYLES_WITH_EFFECTS_REL = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_templates = threading.local()


class _Template:
    """A parsed template, emptied of text, that documents are written into one at a time.

    Parsing the template costs more than writing a dispatch, so each thread keeps its templates
    and :meth:`reset` takes out what a document added: the body, and the footnotes and custom
    properties parts. Everything else a document sets (core properties) is set in full each time.
    """

    def __init__(self, reference_docx: str | None, paper: str) -> None:
        import docx

        if reference_docx is None:
            self.document = docx.Document()
        else:
            self.document = _open_reference(reference_docx)
        dropped = {_THUMBNAIL_REL}  # a picture of the template, not of the document
        if reference_docx is None:
            _set_default_page(self.document, paper)
            dropped |= {_STYLES_WITH_EFFECTS_REL, _CUSTOM_XML_REL}  # python-docx's leftovers
        _drop_rels(self.document.part.package.rels, dropped | {_APP_REL})
        _drop_rels(self.document.part.rels, dropped)
        _add_package_part(self.document, "/docProps/app.xml", _APP_TYPE, _APP_XML, _APP_REL)
        ensure_styles(self.document)
        if reference_docx is None:
            _drop_table_styles(self.document)
        self.style_ids = {style.name: str(style.style_id) for style in self.document.styles}
        _freeze_static_parts(self.document)
        self.reset()

    def reset(self) -> None:
        body = self.document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        _drop_rels(self.document.part.rels, {FOOTNOTES_REL, _IMAGE_REL, _HYPERLINK_REL})
        _drop_rels(self.document.part.package.rels, {_CUSTOM_REL})


MAX_REFERENCE_SIZE = 20 * 2**20  # the file
MAX_REFERENCE_EXPANDED = 100 * 2**20  # all its parts, uncompressed


def _open_reference(path: str) -> Any:
    """A reference document, read as the untrusted input it is: at most 20 MB, whose parts
    unpack to at most 100 MB (a zip bomb is refused before it is unpacked), and whatever is wrong
    with it (not a zip, malformed XML, missing parts) is an :class:`InputError` naming it."""
    import docx

    from ..sources import read_source

    data = read_source(path, MAX_REFERENCE_SIZE, regular=True)
    problem = f"{path}: not a Word document to take styles from"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise InputError(f"{problem}: {error}") from None
    if expanded > MAX_REFERENCE_EXPANDED:
        raise InputError(f"{problem}: its parts unpack to {expanded / 2**20:,.0f} MB, over the 100 MB a template may")
    try:
        document = docx.Document(io.BytesIO(data))
        document.styles  # noqa: B018 - reading the styles part is what a template is for; fail here if it cannot
    except Exception as error:  # malformed XML, a missing part, ...: all of it the file's fault
        raise InputError(f"{problem}: {type(error).__name__}: {error}") from None
    return document


def _image_width(data: bytes) -> int:
    """The picture's width at its own resolution, in EMU."""
    from docx.image.image import Image

    return int(Image.from_blob(data).width)


def _as_png(data: bytes) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    with Image.open(io.BytesIO(data)) as image:
        image.save(buffer, format="PNG")
    return buffer.getvalue()


def _drop_table_styles(document: Any) -> None:
    """Take out the default template's 99 table styles: 310 KB of its 350 KB styles part, which
    every document would serialize and compress again, for tables a dispatch never has. Word
    and LibreOffice offer their own built-in table styles all the same."""
    styles = document.styles.element
    for style in styles.findall(f"{{{_W}}}style"):
        if style.get(f"{{{_W}}}type") == "table" and style.get(f"{{{_W}}}styleId") != "TableNormal":
            styles.remove(style)


def _freeze_static_parts(document: Any) -> None:
    """Serialize once the XML parts no document changes (styles, settings, numbering): each
    becomes a plain part holding its bytes, so saving a document does not serialize them again.
    Only the body, the core properties and the per-document parts stay live XML."""
    from docx.opc.part import Part, XmlPart

    for rels in (document.part.rels, document.part.package.rels):
        for rel in rels.values():
            target = None if rel.is_external else rel.target_part
            # a part with relationships of its own (a header with a logo) stays as it is, or its
            # images would be lost
            if isinstance(target, XmlPart) and target.partname not in _LIVE_PARTS and not target.rels:
                rel._target = Part(target.partname, target.content_type, target.blob, target.package)


_LIVE_PARTS = {"/word/document.xml", "/docProps/core.xml"}


def _add_package_part(document: Any, name: str, content_type: str, blob: bytes, rel_type: str) -> None:
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    package.relate_to(Part(PackURI(name), content_type, blob, package), rel_type)


def _drop_rels(rels: Any, types: set[str]) -> None:
    for rel_id, rel in list(rels.items()):
        if rel.reltype in types:
            del rels[rel_id]


def _template(reference_docx: str | None, paper: str) -> _Template:
    """This thread's template for these options; a changed reference file is read again."""
    cache: dict[tuple[object, ...], _Template] = _templates.__dict__.setdefault("cache", {})
    stamp = (
        (os.stat(reference_docx).st_mtime_ns, os.stat(reference_docx).st_size)
        if (reference_docx and os.path.exists(reference_docx))
        else None
    )
    key = (reference_docx, paper, stamp)
    if key not in cache:
        cache[key] = _Template(reference_docx, paper)
    return cache[key]


def _set_default_page(document: Any, paper: str) -> None:
    width, height = _PAPER[paper]
    properties = document.sections[0]._sectPr
    for tag, values in (
        ("pgSz", {"w": width, "h": height}),
        ("pgMar", {"top": _MARGIN, "bottom": _MARGIN, "left": _MARGIN, "right": _MARGIN}),
    ):
        element = properties.find(f"{{{_W}}}{tag}")
        for key, value in values.items():
            element.set(f"{{{_W}}}{key}", str(value))


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CENTRED = '<w:jc w:val="center"/>'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HYPERLINK_REL = f"{_R}/hyperlink"


def _address(url: str) -> tuple[m.Inline, ...]:
    """A web address as inline content: a link to itself where it is well formed, else text."""
    text = m.Text(text=url)
    return (m.Link(content=(text,), url=url),) if _WEB_ADDRESS.fullmatch(url) else (text,)


def _look(within: tuple[m.Span, ...]) -> dict[str, Any]:
    """How a run inside these spans looks: italic in emphasis, bold in strong emphasis, in the
    Hyperlink style in a link."""
    return {
        "italic": any(isinstance(span, m.Emphasis) for span in within),
        "bold": any(isinstance(span, m.Strong) for span in within),
        **({"style": "Hyperlink"} if any(isinstance(span, m.Link) for span in within) else {}),
    }


class _Writer:
    """Writes dispatches into one python-docx document.

    The body is written as WordprocessingML text and parsed once at the end (:meth:`finish`):
    making each paragraph and run as an element through python-docx took most of the time.
    """

    def __init__(self, template: _Template, heading_shift: int, language: str | None = None) -> None:
        self.document = template.document
        self.book_language = self.language = language  # the language of the text being written
        self.heading_shift = heading_shift
        self.footnotes = Footnotes()
        self.pictures = 0
        self.dispatch_index = 0
        self.style_ids = template.style_ids
        self.out: list[str] = []

    def paragraph(self, inner: str, style: str | None = None, rtl: bool = False, properties: str = "") -> None:
        """Add a paragraph of ``inner`` runs; ``properties`` are further ``w:pPr`` children."""
        if style:
            properties = f'<w:pStyle w:val="{escape(self._style_id(style))}"/>{properties}'
        if rtl:
            properties += "<w:bidi/>"
        self.out.append(f"<w:p><w:pPr>{properties}</w:pPr>{inner}</w:p>" if properties else f"<w:p>{inner}</w:p>")

    def _style_id(self, name: str) -> str:
        return self.style_ids.get(name, name.replace(" ", ""))

    def text(
        self,
        value: str,
        style: str | None = None,
        typeset: Typesetter | None = None,
        *,
        bold: bool = False,
        italic: bool = False,
    ) -> str:
        """Runs of ``value`` with typographic quotes and dashes (in the context of the text before
        it, ``typeset``), its runs in another script tagged with their language, right-to-left
        ones marked (and left as they are); bold or italic when asked."""
        typeset = typeset or Typesetter()
        out = []
        for run, tag in segments(value, self.language):
            rtl = tag is not None and rtl_language(tag)
            educated = typeset.keep(run) if rtl else typeset.educate(run)
            out.append(text_run(educated, rtl=rtl, style=style, language=tag, bold=bold, italic=italic))
        return "".join(out)

    def inline(self, dispatch: m.Dispatch, content: tuple[m.Inline, ...]) -> str:
        notes = {note.number: note for note in dispatch.notes}
        typeset = Typesetter()  # each run read after the one before, at any depth of spans

        def foreign(item: m.ForeignText, within: tuple[m.Span, ...]) -> str:
            rtl = rtl_language(item.language)
            educated = typeset.keep(item.text) if rtl else typeset.educate(item.text)
            return text_run(educated, rtl=rtl, language=item.language, **_look(within))

        def reference(item: m.NoteRef) -> str:
            typeset.reference()
            if item.number not in notes:
                return self.text(f"[{item.number}]")
            key = (self.dispatch_index, item.number)
            return self.footnotes.reference(key, self._note_runs(notes[item.number], linked=True))

        rules: dict[type, m.InlineRule[str]] = {
            m.Text: lambda item, _, within: self.text(item.text, typeset=typeset, **_look(within)),
            m.ForeignText: lambda item, _, within: foreign(item, within),
            m.NoteRef: lambda item, _, within: reference(item),
            m.Span: lambda item, inner, _: "".join(inner),
            m.Link: lambda item, inner, _: self.hyperlink(item.url, "".join(inner)),
        }
        return "".join(m.render(content, rules))

    def hyperlink(self, url: str, runs: str) -> str:
        """``runs`` as a link to ``url``, through a relationship of the body (one per address)."""
        from docx.opc.constants import RELATIONSHIP_TYPE

        rel_id = self.document.part.relate_to(href(url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        return f'<w:hyperlink r:id="{rel_id}" w:history="1">{runs}</w:hyperlink>'

    def _note_runs(self, note: m.Note, *, linked: bool = False) -> str:
        """A note's runs; in a footnote (``linked``) its outlet links to the note's web address."""
        runs = self.text(note.text)
        if (
            linked
            and note.url
            and _WEB_ADDRESS.fullmatch(note.url)
            and note.outlet
            and note.text.startswith(note.outlet)
        ):
            after = self.text(note.text[len(note.outlet) :], typeset=Typesetter(note.outlet))
            runs = self.footnotes.hyperlink(note.url, note.outlet) + after
        return (text_run(f"{OUTLET_MISSING}, ") if note.outlet_missing else "") + runs

    def block_paragraph(self, dispatch: m.Dispatch, content: tuple[m.Inline, ...], style: str | None = None) -> None:
        self.paragraph(self.inline(dispatch, content), style, rtl=mostly_rtl(m.plain_text(content)))

    def title_block(self, dispatch: m.Dispatch, new_page: bool) -> None:
        style = "Title" if self.heading_shift == 0 else "Heading 1"
        self.paragraph(self.text(display_title(dispatch)), style, properties="<w:pageBreakBefore/>" if new_page else "")
        subtitle = " · ".join(part for part in (series_line(dispatch), date_text(dispatch.date)) if part)
        if subtitle:
            self.paragraph(self.text(subtitle), "Subtitle")
        if dispatch.authors:
            self.paragraph(self.text(f"By {', '.join(dispatch.authors)}") + self.author_mark(dispatch, "ref"))
        lines = [f"Topics: {', '.join(dispatch.topics)}"] if dispatch.topics else []
        lines += [clip_facts(dispatch)] if clip_facts(dispatch) else []
        lines += [TRUNCATED] if dispatch.truncated else []
        for line in lines:
            self.paragraph(self.text(line))
        if dispatch.source_url:  # a real link where it is a web address
            self.paragraph(self.text("Source: ") + self.inline(dispatch, _address(dispatch.source_url)))

    def block(self, dispatch: m.Dispatch, block: m.Block) -> None:
        match block:
            case m.Paragraph(content=content):
                self.block_paragraph(dispatch, content)
            case m.Heading(text=value, level=level):
                self.paragraph(self.text(value), f"Heading {min(level + self.heading_shift, 9)}")
            case m.Figure():
                self.figure(block)
            case m.Quotation(content=content):
                self.block_paragraph(dispatch, content, "Quote")
            case m.SpeakerTurn(speaker=speaker, content=content):
                runs = self.text(f"{speaker}:", style="Strong") + text_run(" ") + self.inline(dispatch, content)
                self.paragraph(runs, rtl=mostly_rtl(m.plain_text(content)))
            case m.StageDirection(text=value):
                self.paragraph(self.text(f"({value})", style="Emphasis"))
            case m.EditorNote(label=label, content=content):
                runs = self.text(f"{label}: ", style="Strong") + self.inline(dispatch, content)
                self.paragraph(runs, "Intense Quote")
            case m.MediaPointer(text=value):
                self.paragraph(self.text(value, style="Emphasis"))
            case m.TranslationBoundary(content=content, source_note=number):
                self.block_paragraph(dispatch, content)
                self.boundary(dispatch, number)

    def figure(self, figure: m.Figure) -> None:
        """The picture where the model has it, centred, with its caption under it; without it, a
        caption line that says an image was there."""
        picture = figure.image if figure.image is not None and figure.image.data else None
        if picture is not None:
            description = figure.alt_text or figure.caption or "A picture"
            # kept with its caption on one page, which is centred under it as the picture is
            picture_xml = f"<w:r>{self._picture(picture, description)}</w:r>"
            self.paragraph(picture_xml, properties="<w:keepNext/>" + _CENTRED)
        parts = [] if picture is not None else ["Image"]
        if figure.caption:
            parts.append(figure.caption)
        if figure.description and picture is None:
            parts.append(f"described as: {figure.description}")
        if figure.credit is not None:
            parts.append(f"Source: {figure.credit}")
        elif figure.credit_missing:
            parts.append(CREDIT_MISSING)
        # without its picture, the line stands in for it: quiet, not like a heading or an error
        style = None if picture else "Placeholder"
        runs = self.text(" — ".join(parts), style=style)
        if figure.credit is not None and figure.credit_url is not None:  # the credit, last, links to its address
            credit = self.hyperlink(figure.credit_url, self.text(figure.credit, style="Hyperlink"))
            runs = self.text(" — ".join(parts)[: -len(figure.credit)], style=style) + credit
        self.paragraph(runs, "Caption", properties=_CENTRED if picture else "")

    def _picture(self, picture: m.Picture, description: str) -> str:
        """A ``w:drawing`` of the picture, at most the text's width, described for screen readers."""
        from docx.shared import Inches
        from lxml import etree

        data = picture.data or b""
        if picture.media_type == "image/webp":  # Word does not show WebP
            data = _as_png(data)
        native = _image_width(data)
        width = Inches(6) if native > Inches(6) else None
        inline = self.document.part.new_pic_inline(io.BytesIO(data), width, None)
        self.pictures += 1
        inline.docPr.set("id", str(1000 + self.pictures))  # unique: the body is not in the tree yet
        inline.docPr.set("descr", description)
        return f"<w:drawing>{etree.tostring(inline, encoding='unicode')}</w:drawing>"

    def boundary(self, dispatch: m.Dispatch, number: int | None) -> None:
        """A centred line ruled above, naming the source of the translation that follows."""
        shown = self.footnotes.by_key.get((self.dispatch_index, number)) if number is not None else None
        source = boundary_source(dispatch, number, shown)  # "note 6" where Word shows the note as 6
        properties = (
            '<w:pBdr><w:top w:val="single" w:sz="4" w:space="8" w:color="888888"/></w:pBdr>'
            '<w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>'
        )
        self.paragraph(self.text(f"Translation from {source}", style="Emphasis"), properties=properties)

    def unreferenced_notes(self, dispatch: m.Dispatch) -> None:
        """Notes that no reference points to, and the author note, under a 'Notes' heading."""
        referenced = {number for (index, number) in self.footnotes.by_key if index == self.dispatch_index}
        rest = [note for note in dispatch.notes if note.number not in referenced]
        if not rest and dispatch.author_note is None:
            return
        self.paragraph(self.text("Notes"), f"Heading {1 + self.heading_shift}")
        if dispatch.author_note is not None:
            mark = self.author_mark(dispatch, "note") if dispatch.authors else self.text("*")
            self.paragraph(mark + self.text(f" {dispatch.author_note}"), "FootnoteText")
        for note in rest:
            self.paragraph(self.text(f"[{note.number}] ") + self._note_runs(note), "FootnoteText")

    def author_mark(self, dispatch: m.Dispatch, end: str) -> str:
        """The byline's ``*`` (``end="ref"``), a link to the author note under "Notes", or the
        note's ``*`` (``end="note"``), a link back to the byline, each at a bookmark the other
        names, as the e-book links them; nothing for a byline without an author note."""
        if dispatch.author_note is None:
            return ""
        here, there = (f"_AuthorRef{self.dispatch_index}", f"_AuthorNote{self.dispatch_index}")
        if end == "note":
            here, there = there, there.replace("Note", "Ref")
        bookmark = 100_000 + 2 * self.dispatch_index + (end == "note")  # apart from the footnotes' ids
        return (
            f'<w:bookmarkStart w:id="{bookmark}" w:name="{here}"/>'
            f'<w:hyperlink w:anchor="{there}" w:history="1">{text_run("*", style="FootnoteReference")}</w:hyperlink>'
            f'<w:bookmarkEnd w:id="{bookmark}"/>'
        )

    def dispatch(self, dispatch: m.Dispatch, new_page: bool) -> None:
        self.dispatch_index += 1
        self.language = dispatch.language or self.book_language
        self.title_block(dispatch, new_page)
        for block in dispatch.body:
            self.block(dispatch, block)
        self.unreferenced_notes(dispatch)

    def table_of_contents(self, titles: list[str]) -> None:
        """A TOC field whose shown result already lists the dispatches, until Word updates it
        (the field is marked dirty, so Word rebuilds it with page numbers on opening)."""
        self.paragraph(self.text("Contents"), "TOC Heading")
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        rows = titles or [""]
        for index, title in enumerate(rows):
            first, last = index == 0, index == len(rows) - 1
            self.paragraph((begin if first else "") + self.text(title) + (end if last else ""), "TOC 1")

    def finish(self) -> None:
        """Parse the written body once and put it before the section properties."""
        from docx.oxml import parse_xml

        body = self.document.element.body
        written = parse_xml(f'<w:body xmlns:w="{_W}" xmlns:r="{_R}">{"".join(self.out)}</w:body>')
        section = body[-1] if len(body) and body[-1].tag.endswith("}sectPr") else None
        for paragraph in list(written):
            if section is not None:
                section.addprevious(paragraph)
            else:
                body.append(paragraph)


def _properties(
    document: Any,
    source: m.Document,
    dispatches: list[m.Dispatch],
    title: str,
    moment: datetime.datetime,
    options: ExportOptions,
) -> None:
    core = document.core_properties
    single = source if isinstance(source, m.Dispatch) else None
    series = "; ".join(dict.fromkeys(d.series for d in dispatches if d.series))
    text_properties = {
        "title": title,
        "subject": series_line(single) if single else f"{len(dispatches)} dispatches",
        "keywords": ", ".join(dict.fromkeys(t for d in dispatches for t in d.topics)),
        "author": "; ".join(dict.fromkeys(a for d in dispatches for a in d.authors)),
        "category": series,
        "comments": options.description or "",
        "last_modified_by": "",
        "language": options.language,
        "identifier": single.source_url or "" if single else "",
    }
    for name, value in text_properties.items():
        # Word's core properties hold 255 characters at most
        setattr(core, name, value if len(value) <= 255 else value[:254] + "…")
    core.revision = 1
    naive = moment.replace(tzinfo=None)
    core.created = core.modified = naive
    for printed in core._element.findall(f"{{{_CORE_NS}}}lastPrinted"):  # never printed: no date claims it was
        core._element.remove(printed)
    custom = {
        "Series": series,
        "Number": str(single.number) if single and single.number is not None else "",
        "Source URL": single.source_url or "" if single else "",
        "Publisher": options.publisher or "",
    }
    _custom_properties(document, {k: v for k, v in custom.items() if v})


def _custom_properties(document: Any, values: dict[str, str]) -> None:
    from lxml import etree

    if not values:
        return
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns, "vt": vt})
    for pid, (name, value) in enumerate(values.items(), start=2):
        prop = etree.SubElement(
            root, f"{{{ns}}}property", fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid=str(pid), name=name
        )
        etree.SubElement(prop, f"{{{vt}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _add_package_part(document, "/docProps/custom.xml", _CUSTOM_TYPE, blob, _CUSTOM_REL)


def to_docx(document: m.Document, options: ExportOptions | None = None) -> bytes:
    """The DOCX bytes of a dispatch or a collection."""
    try:
        import docx  # noqa: F401
    except ImportError:
        raise FormatError("the docx format needs python-docx: pip install 'dispatchbook[docx]'") from None
    options = options or ExportOptions()
    check_book_images(document)
    template = _template(options.reference_docx, options.paper)
    try:
        return _write(template, document, options)
    finally:
        template.reset()


def _write(template: _Template, document: m.Document, options: ExportOptions) -> bytes:
    dispatches = list(document.dispatches) if isinstance(document, m.Collection) else [document]
    shift = 1 if isinstance(document, m.Collection) else 0
    writer = _Writer(template, heading_shift=shift, language=options.language)
    if isinstance(document, m.Collection):
        title = options.title or document.title or f"{len(dispatches)} dispatches"
        writer.paragraph(writer.text(title), "Title")
        if options.toc:
            writer.table_of_contents([display_title(d) for d in dispatches])
    else:
        title = display_title(dispatches[0])
    for index, dispatch in enumerate(dispatches):
        new_page = isinstance(document, m.Collection) and (index > 0 or options.toc)
        writer.dispatch(dispatch, new_page=new_page)
    writer.finish()
    writer.footnotes.add_to(template.document)
    dates = [d.date for d in dispatches if d.date]
    moment = build_time(max(dates) if dates else None)
    _properties(template.document, document, dispatches, title, moment, options)
    return _save(template.document, moment)


class _Archive:
    """The writer python-docx's package writer expects (``write`` a part, ``close``), over a zip
    whose entries carry the build's time. Deflate level 3 writes a document with 20% fewer
    instructions than the default level 6, for files about 9% larger."""

    def __init__(self, buffer: io.BytesIO, moment: datetime.datetime) -> None:
        self.zip = FixedTimeZipFile(buffer, moment, compresslevel=3)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.zip.writestr(pack_uri.membername, blob)

    def close(self) -> None:
        self.zip.close()


def _save(document: Any, moment: datetime.datetime) -> bytes:
    """The document's package as bytes. python-docx's ``save`` offers no choice of zip writer, so
    this runs the three steps of its ``PackageWriter.write`` (python-docx 1.2) with our own."""
    from docx.opc import pkgwriter

    writer: Any = pkgwriter.PackageWriter  # its steps are untyped, and ask only write() of the archive
    package = document.part.package
    parts = list(package.iter_parts())
    buffer = io.BytesIO()
    archive = _Archive(buffer, moment)
    writer._write_content_types_stream(archive, parts)
    writer._write_pkg_rels(archive, package.rels)
    writer._write_parts(archive, parts)
    archive.close()
    return buffer.getvalue()
