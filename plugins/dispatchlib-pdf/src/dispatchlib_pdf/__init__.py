"""A dispatchlib exporter to PDF, registered as ``pdf``: Typst typesets a document written here
from the model, with the notes as real footnotes at the foot of the page that cites them.

Every script the e-book's cover draws (Latin with its accents, Greek, Cyrillic, Arabic, Persian,
Hebrew) is shaped and embedded from dispatchlib's bundled font; the PDF is tagged (PDF/UA-1),
with the document's language and title, and its bytes depend only on the input: the creation
date is the dispatch's date, or ``SOURCE_DATE_EPOCH``. ``-O pdf-archive=yes`` makes it PDF/A-2b
as well. ``--paper a4`` (the default) or ``letter``.
"""

from __future__ import annotations

import datetime
import os
import re
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import dispatchlib as dl

__all__ = ["ARCHIVE", "register_exporters", "register_options", "to_typst"]

ARCHIVE = dl.ExportOption(
    name="pdf-archive",
    formats=("pdf",),
    type="bool",
    help="make the PDF PDF/A-2b (archival) as well as PDF/UA-1",
    default=False,
)
_FONT = "Dispatchlib Cover"
_UNTITLED = "Untitled dispatch"
# characters that mean something in Typst markup; quotes, '...' and '--' are left for Typst to
# make typographic, as it does in markup
_MARKUP = re.compile(r"([\\#*_`$<>@\[\]~=/+{}])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # never drawn: left out


def _escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", " ".join(_CONTROL.sub("", text).split()))


def _string(text: str) -> str:
    """A Typst string literal."""
    return '"' + _CONTROL.sub("", text).replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Writer:
    def __init__(self, dispatch: dl.Dispatch, prefix: str, folder: Path) -> None:
        self.dispatch = dispatch
        self.prefix = prefix
        self.folder = folder
        self.notes = {note.number: note for note in dispatch.notes}
        self.cited: dict[int, str] = {}
        self.images = 0
        self.depth = self.last = 1  # the title's heading level, and the last heading's

    def inline(self, content: tuple[dl.Inline, ...]) -> str:
        out = []
        for item in content:
            if isinstance(item, dl.NoteRef):
                note = self.notes.get(item.number)
                if note is None:
                    out.append(f"\\[{item.number}\\]")
                elif item.number in self.cited:  # a note cited again points to its footnote
                    out.append(f"#footnote(<{self.cited[item.number]}>)")
                else:
                    label = self.cited[item.number] = f"{self.prefix}n{item.number}"
                    out.append(f"#footnote[{self.note_text(note)}]<{label}>")
            elif isinstance(item, dl.ForeignText):
                out.append(f"#text(lang: {_string(item.language.split('-')[0])})[{_escape(item.text)}]")
            else:  # Typst finds each run's direction itself (Unicode bidi) and shapes it
                out.append(_escape(item.text))
        return "".join(out)

    def note_text(self, note: dl.Note) -> str:
        body = _escape(note.text) or "(empty note)"
        if note.outlet_missing:
            body = f"{_escape(dl.labels.OUTLET_MISSING)}, {body}"
        return body

    def block(self, block: dl.Block) -> str:
        match block:
            case dl.Paragraph(content=content):
                return self.inline(content)
            case dl.Heading(text=value, level=level):
                text = _escape(value)
                if not text:  # control characters only: nothing to read, and PDF/UA refuses an empty heading
                    return ""
                # one level below the one before at most: PDF/UA (and a reader's outline) wants no gap
                self.last = min(level + self.depth, self.last + 1)
                return f"{'=' * self.last} {text}"
            case dl.Figure():
                return self.figure(block)
            case dl.Quotation(content=content):
                return f"#quote(block: true)[{self.inline(content)}]"
            case dl.SpeakerTurn(speaker=speaker, content=content):
                return f"*{_escape(speaker)}:* {self.inline(content)}"
            case dl.StageDirection(text=value):
                return f"#align(center)[_({_escape(value)})_]"
            case dl.EditorNote(label=label, content=content):
                rule = "inset: (left: 0.8em), stroke: (left: 0.5pt + gray)"
                return f"#block({rule})[*{_escape(label)}:* {self.inline(content)}]"
            case dl.MediaPointer(text=value):
                return f"_{_escape(value)}_"
            case dl.TranslationBoundary(content=content, source_note=number):
                source = _escape(dl.labels.boundary_source(self.dispatch, number))
                return (
                    f"{self.inline(content)}\n\n#align(center)[#line(length: 50%, stroke: 0.5pt)]\n\n"
                    f"#align(center)[_Translation from {source}_]"
                )
        raise TypeError(f"no Typst form for {type(block).__name__}")

    def figure(self, figure: dl.Figure) -> str:
        parts = [_escape(figure.caption)] if figure.caption else []
        if figure.credit is not None:
            parts.append(f"Source: {_escape(figure.credit)}")
        elif figure.credit_missing:
            parts.append(_escape(dl.labels.CREDIT_MISSING))
        caption = " — ".join(parts)
        picture = figure.image
        if picture is None or not picture.data:
            return f"#block(inset: 0.6em, stroke: 0.5pt + gray)[*Image* {caption}]"
        self.images += 1
        suffix = picture.media_type.removeprefix("image/").replace("jpeg", "jpg").replace("svg+xml", "svg")
        name = f"{self.prefix}f{self.images}.{suffix}"
        (self.folder / name).write_bytes(picture.data)
        alt = figure.alt_text or figure.caption or "A picture"
        return (
            f"#figure(image({_string(name)}, width: 80%, alt: {_string(alt)}), "
            f"caption: [{caption}], supplement: none, numbering: none)"
        )

    def render(self, depth: int) -> str:
        self.depth = self.last = depth
        dispatch = self.dispatch
        parts = []
        series = dl.series_line(dispatch)
        if series:
            parts.append(f"#text(fill: luma(90), tracking: 0.04em)[{_escape(series)}]")
        parts.append(f"{'=' * depth} {_escape(dl.display_title(dispatch)) or _UNTITLED} <{self.prefix}title>")
        facts = [dl.date_text(dispatch.date)] if dispatch.date else []
        if dispatch.authors:
            facts.append("By " + ", ".join(dispatch.authors))
        if dispatch.topics:
            facts.append("Topics: " + ", ".join(dispatch.topics))
        clip = dl.labels.clip_facts(dispatch)
        if clip:
            facts.append(clip)
        if facts:
            parts.append("#text(fill: luma(70))[" + " · ".join(_escape(fact) for fact in facts) + "]")
        if dispatch.author_note is not None:
            parts.append(f"#text(size: 0.9em)[\\* {_escape(dispatch.author_note)}]")
        if dispatch.truncated:
            parts.append(f"_{_escape(dl.labels.TRUNCATED)}_")
        parts += [self.block(block) for block in dispatch.body]
        uncited = [note for note in dispatch.notes if note.number not in self.cited]
        if uncited:
            parts.append(f"{'=' * (depth + 1)} Notes")
            parts += [f"{note.number}. {self.note_text(note)}" for note in uncited]
        if dispatch.source_url:
            parts.append(f"#text(size: 0.9em)[{_escape(dispatch.source_url)}]")
        return "\n\n".join(parts)


def _date(dispatches: list[dl.Dispatch]) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    else:
        dated = [d.date for d in dispatches if d.date is not None]
        moment = max(dated) if dated else datetime.date(1980, 1, 1)
    return f"datetime(year: {moment.year}, month: {moment.month}, day: {moment.day})"


def to_typst(document: dl.Document, options: dl.ExportOptions, folder: Path) -> str:
    """The Typst source of the document; pictures are written into ``folder`` beside it."""
    dispatches = list(document.dispatches) if isinstance(document, dl.Collection) else [document]
    single = document if isinstance(document, dl.Dispatch) else None
    title = dl.display_title(single) if single else (options.title or document.title or "Dispatches")
    title = " ".join(_CONTROL.sub("", title).split()) or _UNTITLED  # PDF/UA wants a title
    header = dl.series_line(single) if single else title
    authors = "".join(f"{_string(author)}, " for author in sorted({a for d in dispatches for a in d.authors}))
    setup = [
        f"#set document(title: {_string(title)}, author: ({authors}), date: {_date(dispatches)})",
        f"#set page(paper: {_string('us-letter' if options.paper == 'letter' else 'a4')}, margin: 2.5cm, "
        f'numbering: "1", header: context {{ if counter(page).get().first() > 1 '
        f"[#set text(size: 0.85em, fill: luma(90)); {_escape(header)}] }})",
        f"#set text(font: {_string(_FONT)}, lang: {_string(options.language.split('-')[0])}, size: 10.5pt)",
        "#set par(justify: true, leading: 0.7em, spacing: 1.1em)",
        "#show heading: set block(above: 1.4em, below: 0.8em)",
        "#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))",
    ]
    if single is not None:
        body = _Writer(single, "d1", folder).render(depth=1)
    else:
        chapters = [_Writer(d, f"d{i}", folder).render(depth=2) for i, d in enumerate(dispatches, start=1)]
        body = (
            f"= {_escape(title)}\n\n#outline(title: [Contents], depth: 2)\n\n"
            + "\n\n#pagebreak(weak: true)\n\n".join(chapters)
        )
    return "\n".join(setup) + "\n\n" + body + "\n"


def _font_folder() -> str:
    with resources.as_file(resources.files("dispatchlib.formats").joinpath("fonts")) as folder:
        return str(folder)


def to_pdf(document: dl.Document, options: dl.ExportOptions) -> bytes:
    """The PDF bytes of a dispatch or a collection."""
    import typst

    archive = bool(options.get(ARCHIVE.name, ARCHIVE.default))
    with tempfile.TemporaryDirectory(prefix="dispatchlib-pdf-") as name:
        folder = Path(name)
        (folder / "main.typ").write_text(to_typst(document, options, folder), encoding="utf-8")

        def compile_with(standards: list[str]) -> bytes:
            data = typst.compile(
                str(folder / "main.typ"),
                root=str(folder),
                font_paths=[_font_folder()],
                ignore_system_fonts=True,
                pdf_standards=standards,
            )
            assert isinstance(data, bytes)
            return data

        try:
            return compile_with(["ua-1", "a-2b"] if archive else ["ua-1"])
        except typst.TypstError as error:
            if archive or "could not be displayed" not in str(error):
                raise dl.ExportError(f"Typst could not typeset the PDF: {error}") from None
        # a character the bundled font lacks (Chinese, an emoji): PDF/UA-1 does not hold, so the
        # PDF does not claim it; it is still tagged, and the text is still there to copy
        try:
            return compile_with([])
        except typst.TypstError as error:
            raise dl.ExportError(f"Typst could not typeset the PDF: {error}") from None


@dl.hookimpl
def register_options(register: Callable[[dl.ExportOption], None]) -> None:
    """``-O pdf-archive=yes``."""
    register(ARCHIVE)


@dl.hookimpl
def register_exporters(register: Callable[[dl.Exporter], None]) -> None:
    """The ``pdf`` exporter."""
    register(
        dl.Exporter(
            name="pdf",
            export=to_pdf,
            suffix=".pdf",
            media_type="application/pdf",
            binary=True,
            description="print-ready PDF with footnotes (dispatchlib-pdf, Typst)",
            reads=frozenset({"title", "language", "paper"}),
            needs=("typst",),
            install="dispatchlib-pdf",
        )
    )
