"""A dispatchlib exporter to CommonMark with footnotes, registered as ``md``."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import dispatchlib as dl

__all__ = ["HEADING_LEVEL", "register_exporters", "register_options", "to_markdown"]

# Backslash-escaping any ASCII punctuation is valid CommonMark; these are the ones that can start
# syntax anywhere in a line. Line starts are handled by _escape_start.
_INLINE = re.compile(r"([\\`*_\[\]<>~|&!])")
_SPACE = re.compile(r"\s+")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])", re.MULTILINE)


def _escape(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", _SPACE.sub(" ", text))
    return _LINE_START.sub(lambda m: m[1] + "".join(f"\\{c}" if not c.isdigit() else c for c in m[2]), escaped)


def _destination(url: str) -> str:
    """A link destination in angle brackets, which hold any address but ``<``, ``>``, a line end."""
    return "<" + url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A") + ">"


def _delimit(marker: str, inner: list[str]) -> str:
    """``inner`` between emphasis markers, with the spaces at its ends kept outside them: a
    marker next to a space does not open or close emphasis in CommonMark."""
    text = "".join(inner)
    core = text.strip(" ")
    if not core:
        return text
    start = text.index(core)
    return f"{text[:start]}{marker}{core}{marker}{text[start + len(core) :]}"


_WEB = re.compile(r"(?i)https?://\S+")


class _Writer:
    def __init__(self, dispatch: dl.Dispatch, prefix: str) -> None:
        self.dispatch = dispatch
        self.prefix = prefix
        self.notes = {note.number: note for note in dispatch.notes}
        self.cited: dict[int, str] = {}

    def label(self, number: int) -> str:
        return f"{self.prefix}{number}"

    def inline(self, content: tuple[dl.Inline, ...]) -> str:
        rules: dict[type, dl.InlineRule[str]] = {
            dl.Text: lambda item, _, within: _escape(item.text),
            dl.NoteRef: lambda item, _, within: self.reference(item.number),
            dl.Emphasis: lambda item, inner, _: _delimit("*", inner),
            dl.Strong: lambda item, inner, _: _delimit("**", inner),
            dl.Link: lambda item, inner, _: f"[{''.join(inner)}]({_destination(item.url)})",
        }
        return "".join(dl.render(content, rules))

    def reference(self, number: int) -> str:
        if number not in self.notes:
            return f"\\[{number}\\]"
        self.cited[number] = self.label(number)
        return f"[^{self.label(number)}]"

    def note(self, note: dl.Note) -> str:
        """A note's text, its outlet linked where the input kept the link, and the marker of an
        outlet the copied text lost."""
        body = _escape(note.text)
        if note.url and note.outlet and note.text.startswith(note.outlet) and _WEB.fullmatch(note.url):
            body = f"[{_escape(note.outlet)}]({_destination(note.url)}){_escape(note.text[len(note.outlet) :])}"
        if note.outlet_missing:
            body = f"{_escape(dl.labels.OUTLET_MISSING)}, {body}"
        return body or "(empty note)"

    def figure(self, figure: dl.Figure) -> str:
        """The picture where the model has it (inline, as a ``data:`` address, or its web address),
        with its caption as the image's title line; else the caption line that stands in for it."""
        picture = figure.image
        source = None
        if picture is not None and picture.data:
            source = f"data:{picture.media_type};base64,{base64.b64encode(picture.data).decode('ascii')}"
        elif picture is not None and picture.src and _WEB.fullmatch(picture.src):
            source = picture.src
        parts = [] if source else ["Image"]
        parts += [
            _escape(p)
            for p in (figure.caption, "" if source else figure.description and f"described as: {figure.description}")
            if p
        ]
        if figure.credit is not None and figure.credit_url is not None:
            parts.append(f"Source: [{_escape(figure.credit)}]({_destination(figure.credit_url)})")
        elif figure.credit is not None:
            parts.append(f"Source: {_escape(figure.credit)}")
        elif figure.credit_missing:
            parts.append(_escape(dl.labels.CREDIT_MISSING))
        caption = "*" + " — ".join(parts) + "*" if parts else ""
        if source is None:
            return caption
        alt = _escape(figure.alt_text or figure.caption or "A picture")
        return f"![{alt}]({_destination(source)})" + (f"\n\n{caption}" if caption else "")

    def block(self, block: dl.Block, level: int) -> str:
        match block:
            case dl.Paragraph(content=content):
                return self.inline(content)
            case dl.Heading(text=text, level=depth):
                return f"{'#' * min(level + depth, 6)} {_escape(text)}"
            case dl.Figure():
                return self.figure(block)
            case dl.Quotation(content=content):
                return "> " + self.inline(content)
            case dl.SpeakerTurn(speaker=speaker, content=content):
                return f"**{_escape(speaker)}:** {self.inline(content)}"
            case dl.StageDirection(text=text):
                return f"*({_escape(text)})*"
            case dl.EditorNote(label=label, content=content):
                return f"> **{_escape(label)}:** {self.inline(content)}"
            case dl.MediaPointer(text=text):
                return f"*{_escape(text)}*"
            case dl.TranslationBoundary(content=content, source_note=number):
                note = self.notes.get(number) if number is not None else None
                source = _escape(note.outlet or f"the source in note {note.number}") if note else "the original"
                return f"{self.inline(content)}\n\n---\n\n*Translation from {source}*"
        raise TypeError(f"no Markdown form for {type(block).__name__}")

    def render(self, level: int) -> str:
        dispatch = self.dispatch
        series = dl.series_line(dispatch)
        title = dl.display_title(dispatch)
        parts = [f"{'#' * level} {_escape(title)}"]
        facts = [_escape(p) for p in (series, dl.date_text(dispatch.date)) if p]
        if dispatch.authors:
            facts.append("By " + _escape(", ".join(dispatch.authors)))
        if dispatch.topics:
            facts.append("Topics: " + _escape(", ".join(dispatch.topics)))
        if facts:
            parts.append("*" + " · ".join(facts) + "*")
        if dispatch.truncated:
            parts.append("*The full text of this dispatch is available to subscribers.*")
        parts += [self.block(block, level) for block in dispatch.body]
        uncited = [note for note in dispatch.notes if note.number not in self.cited]
        if uncited or dispatch.author_note is not None:
            parts.append(f"{'#' * (level + 1)} Notes")
            if dispatch.author_note is not None:
                parts.append(f"\\* {_escape(dispatch.author_note)}")
            parts += [f"\\[{note.number}\\] {self.note(note)}" for note in uncited]
        defined: set[int] = set()
        for note in dispatch.notes:
            if note.number in self.cited and note.number not in defined:
                defined.add(note.number)
                parts.append(f"[^{self.label(note.number)}]: {self.note(note)}")
        return "\n\n".join(parts)


def to_markdown(document: dl.Document, top: int = 1) -> str:
    """The Markdown text of a dispatch, or of a collection under its title; ``top`` is the level
    of the first heading (2 to paste it under a heading of one's own)."""
    if isinstance(document, dl.Dispatch):
        return _Writer(document, "").render(top) + "\n"
    head = f"{'#' * top} {_escape(document.title)}\n\n" if document.title else ""
    level = top + 1 if document.title else top
    chapters = [_Writer(d, f"d{i}-").render(level) for i, d in enumerate(document.dispatches, start=1)]
    return head + "\n\n".join(chapters) + "\n"


HEADING_LEVEL = dl.ExportOption(
    name="heading-level",
    formats=("md",),
    type="int",
    help="the level of the first heading, 1 to 4",
    default=1,
    minimum=1,
    maximum=4,
)


def _export(document: dl.Document, options: dl.ExportOptions) -> bytes:
    top = options.get(HEADING_LEVEL.name, HEADING_LEVEL.default)
    if not 1 <= top <= 4:
        raise dl.ExportError(f"-O heading-level={top}: the level must be 1 to 4")
    return to_markdown(document, top).encode("utf-8")


@dl.hookimpl
def register_options(register: Callable[[dl.ExportOption], None]) -> None:
    """``-O heading-level=N``."""
    register(HEADING_LEVEL)


@dl.hookimpl
def register_exporters(register: Callable[[dl.Exporter], None]) -> None:
    """The ``md`` exporter."""
    register(
        dl.Exporter(
            name="md",
            export=_export,
            suffix=".md",
            media_type="text/markdown; charset=utf-8",
            description="CommonMark with footnotes (dispatchlib-markdown)",
        )
    )
