"""Word documents (DOCX): a dispatch or a collection as a document that behaves like a hand-made one.

python-docx writes the body with the template's real styles (Title, Subtitle, Heading 1-3,
Quote, Caption); notes become real Word footnotes (:mod:`._footnotes`). Core and custom document
properties describe the dispatch, and nothing of python-docx's own is left in them. A collection
goes through the same code: its dispatches follow each other, each on a new page with its own
title block, and Word numbers the footnotes continuously.

The template (python-docx's default, or ``reference_docx``) is parsed once per thread and
reused: each document is written into it and taken out again (:class:`_Template`).
"""

from __future__ import annotations

import datetime
import io
import os
import threading
import zipfile
from typing import Any

from .. import model as m
from ..errors import ExportError, InputError
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
from ._bidi import mostly_rtl, segments
from ._footnotes import FOOTNOTES_REL, XML_SPACE, Footnotes, ensure_footnote_styles, sub, text_run, w
from ._zip import build_time, restamp

__all__ = ["to_docx"]

_PAPER = {"a4": (11906, 16838), "letter": (12240, 15840)}  # twentieths of a point
_MARGIN = 1418  # 2.5 cm
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


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
        from docx.opc.exceptions import PackageNotFoundError

        try:
            self.document = docx.Document(reference_docx)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as error:
            raise InputError(f"{reference_docx}: not a Word document to take styles from: {error}") from None
        dropped = {_THUMBNAIL_REL}  # a picture of the template, not of the document
        if reference_docx is None:
            _set_default_page(self.document, paper)
            dropped |= {_STYLES_WITH_EFFECTS_REL, _CUSTOM_XML_REL}  # python-docx's leftovers
        _drop_rels(self.document.part.package.rels, dropped | {_APP_REL})
        _drop_rels(self.document.part.rels, dropped)
        _add_package_part(self.document, "/docProps/app.xml", _APP_TYPE, _APP_XML, _APP_REL)
        ensure_footnote_styles(self.document)
        self.style_ids = {style.name: str(style.style_id) for style in self.document.styles}
        self.reset()

    def reset(self) -> None:
        body = self.document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        _drop_rels(self.document.part.rels, {FOOTNOTES_REL})
        _drop_rels(self.document.part.package.rels, {_CUSTOM_REL})


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


class _Writer:
    """Writes dispatches into one python-docx document."""

    def __init__(self, template: _Template, heading_shift: int) -> None:
        document = template.document
        self.document = document
        self.body = document.element.body
        self.sect_pr = self.body[-1] if len(self.body) else None
        self.heading_shift = heading_shift
        self.footnotes = Footnotes()
        self.dispatch_index = 0
        self.style_ids = template.style_ids

    def paragraph(self, style: str | None = None, rtl: bool = False) -> Any:
        paragraph = w("p")
        if style or rtl:
            properties = sub(paragraph, "pPr")
            if style:
                sub(properties, "pStyle", val=self._style_id(style))
            if rtl:
                sub(properties, "bidi")
        if self.sect_pr is not None:
            self.sect_pr.addprevious(paragraph)
        else:
            self.body.append(paragraph)
        return paragraph

    def _style_id(self, name: str) -> str:
        return self.style_ids.get(name, name.replace(" ", ""))

    def text(self, paragraph: Any, value: str, style: str | None = None) -> None:
        for run, language in segments(value):
            paragraph.append(text_run(run, rtl=language is not None, style=style))

    def inline(self, paragraph: Any, dispatch: m.Dispatch, content: tuple[m.Inline, ...]) -> None:
        notes = {note.number: note for note in dispatch.notes}
        for item in content:
            if isinstance(item, m.Text):
                self.text(paragraph, item.text)
            elif item.number in notes:
                note = notes[item.number]
                key = (self.dispatch_index, item.number)
                paragraph.append(self.footnotes.reference(key, self._note_runs(note)))
            else:
                self.text(paragraph, f"[{item.number}]")

    def _note_runs(self, note: m.Note) -> list[Any]:
        runs = [text_run(f"{OUTLET_MISSING}, ")] if note.outlet_missing else []
        runs += [text_run(run, rtl=language is not None) for run, language in segments(note.text)]
        return runs

    def block_paragraph(self, dispatch: m.Dispatch, content: tuple[m.Inline, ...], style: str | None = None) -> Any:
        paragraph = self.paragraph(style, rtl=mostly_rtl(m.plain_text(content)))
        self.inline(paragraph, dispatch, content)
        return paragraph

    def title_block(self, dispatch: m.Dispatch, new_page: bool) -> None:
        heading = self.paragraph("Title" if self.heading_shift == 0 else "Heading 1")
        if new_page:
            sub(heading[0] if len(heading) else sub(heading, "pPr"), "pageBreakBefore")
        self.text(heading, display_title(dispatch))
        subtitle = " · ".join(part for part in (series_line(dispatch), date_text(dispatch.date)) if part)
        if subtitle:
            self.text(self.paragraph("Subtitle"), subtitle)
        lines = [f"By {', '.join(dispatch.authors)}"] if dispatch.authors else []
        lines += [f"Topics: {', '.join(dispatch.topics)}"] if dispatch.topics else []
        lines += [clip_facts(dispatch)] if clip_facts(dispatch) else []
        lines += [TRUNCATED] if dispatch.truncated else []
        lines += [f"Source: {dispatch.source_url}"] if dispatch.source_url else []
        for line in lines:
            self.text(self.paragraph(), line)

    def block(self, dispatch: m.Dispatch, block: m.Block) -> None:
        match block:
            case m.Paragraph(content=content):
                self.block_paragraph(dispatch, content)
            case m.Heading(text=value, level=level):
                self.text(self.paragraph(f"Heading {min(level + self.heading_shift, 9)}"), value)
            case m.Figure():
                self.figure(block)
            case m.Quotation(content=content):
                self.block_paragraph(dispatch, content, "Quote")
            case m.SpeakerTurn(speaker=speaker, content=content):
                paragraph = self.paragraph(rtl=mostly_rtl(m.plain_text(content)))
                self.text(paragraph, f"{speaker}:", style="Strong")
                paragraph.append(text_run(" "))
                self.inline(paragraph, dispatch, content)
            case m.StageDirection(text=value):
                self.text(self.paragraph(), f"({value})", style="Emphasis")
            case m.EditorNote(label=label, content=content):
                paragraph = self.paragraph("Intense Quote")
                self.text(paragraph, f"{label}: ", style="Strong")
                self.inline(paragraph, dispatch, content)
            case m.MediaPointer(text=value):
                self.text(self.paragraph(), value, style="Emphasis")
            case m.TranslationBoundary(content=content, source_note=number):
                self.block_paragraph(dispatch, content)
                self.boundary(dispatch, number)

    def figure(self, figure: m.Figure) -> None:
        paragraph = self.paragraph("Caption")
        parts = ["Image"]
        if figure.caption:
            parts.append(figure.caption)
        if figure.alt_text:
            parts.append(f"described as: {figure.alt_text}")
        if figure.credit is not None:
            parts.append(f"Source: {figure.credit}")
        elif figure.credit_missing:
            parts.append(CREDIT_MISSING)
        self.text(paragraph, " — ".join(parts))

    def boundary(self, dispatch: m.Dispatch, number: int | None) -> None:
        source = boundary_source(dispatch, number)
        paragraph = self.paragraph()
        properties = sub(paragraph, "pPr")
        border = sub(properties, "pBdr")
        sub(border, "top", val="single", sz="4", space="8", color="888888")
        sub(properties, "spacing", before="240", after="240")
        sub(properties, "jc", val="center")
        self.text(paragraph, f"Translation from {source}", style="Emphasis")

    def unreferenced_notes(self, dispatch: m.Dispatch) -> None:
        """Notes that no reference points to, and the author note, under a 'Notes' heading."""
        referenced = {number for (index, number) in self.footnotes.by_key if index == self.dispatch_index}
        rest = [note for note in dispatch.notes if note.number not in referenced]
        if not rest and dispatch.author_note is None:
            return
        self.text(self.paragraph(f"Heading {1 + self.heading_shift}"), "Notes")
        if dispatch.author_note is not None:
            self.text(self.paragraph("FootnoteText"), f"* {dispatch.author_note}")
        for note in rest:
            paragraph = self.paragraph("FootnoteText")
            self.text(paragraph, f"[{note.number}] ")
            paragraph.extend(self._note_runs(note))

    def dispatch(self, dispatch: m.Dispatch, new_page: bool) -> None:
        self.dispatch_index += 1
        self.title_block(dispatch, new_page)
        for block in dispatch.body:
            self.block(dispatch, block)
        self.unreferenced_notes(dispatch)

    def table_of_contents(self, titles: list[str]) -> None:
        """A TOC field whose shown result already lists the dispatches, until Word updates it
        (the field is marked dirty, so Word rebuilds it with page numbers on opening)."""
        self.text(self.paragraph("TOC Heading"), "Contents")
        paragraphs = [self.paragraph("TOC 1") for _ in titles or [""]]
        begin = sub(sub(paragraphs[0], "r"), "fldChar", fldCharType="begin")
        begin.set(f"{{{_W}}}dirty", "true")
        instruction = sub(sub(paragraphs[0], "r"), "instrText")
        instruction.set(XML_SPACE, "preserve")
        instruction.text = ' TOC \\o "1-3" \\h \\z \\u '
        sub(sub(paragraphs[0], "r"), "fldChar", fldCharType="separate")
        for paragraph, title in zip(paragraphs, titles, strict=False):
            self.text(paragraph, title)
        sub(sub(paragraphs[-1], "r"), "fldChar", fldCharType="end")


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
        "comments": "",
        "last_modified_by": "",
        "language": options.language,
        "identifier": single.source_url or "" if single else "",
    }
    for name, value in text_properties.items():
        # Word's core properties hold 255 characters at most
        setattr(core, name, value if len(value) <= 255 else value[:254] + "…")
    core.revision = 1
    naive = moment.replace(tzinfo=None)
    core.created = core.modified = core.last_printed = naive
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
        raise ExportError("the docx format needs python-docx: pip install 'dispatchlib[docx]'") from None
    options = options or ExportOptions()
    template = _template(options.reference_docx, options.paper)
    try:
        return _write(template, document, options)
    finally:
        template.reset()


def _write(template: _Template, document: m.Document, options: ExportOptions) -> bytes:
    dispatches = list(document.dispatches) if isinstance(document, m.Collection) else [document]
    writer = _Writer(template, heading_shift=1 if isinstance(document, m.Collection) else 0)
    if isinstance(document, m.Collection):
        title = options.title or document.title or f"{len(dispatches)} dispatches"
        writer.text(writer.paragraph("Title"), title)
        if options.toc:
            writer.table_of_contents([display_title(d) for d in dispatches])
    else:
        title = display_title(dispatches[0])
    for index, dispatch in enumerate(dispatches):
        new_page = isinstance(document, m.Collection) and (index > 0 or options.toc)
        writer.dispatch(dispatch, new_page=new_page)
    writer.footnotes.add_to(template.document)
    dates = [d.date for d in dispatches if d.date]
    moment = build_time(max(dates) if dates else None)
    _properties(template.document, document, dispatches, title, moment, options)
    buffer = io.BytesIO()
    template.document.save(buffer)
    return restamp(buffer.getvalue(), moment)
