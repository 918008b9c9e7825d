"""A dispatchlib exporter to CommonMark with footnotes, registered as ``md``."""

from __future__ import annotations

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


class _Writer:
    def __init__(self, dispatch: dl.Dispatch, prefix: str) -> None:
        self.dispatch = dispatch
        self.prefix = prefix
        self.notes = {note.number: note for note in dispatch.notes}
        self.cited: dict[int, str] = {}

    def label(self, number: int) -> str:
        return f"{self.prefix}{number}"

    def inline(self, content: tuple[dl.Inline, ...]) -> str:
        out = []
        for item in content:
            if isinstance(item, dl.Text):
                out.append(_escape(item.text))
            elif item.number in self.notes:
                self.cited[item.number] = self.label(item.number)
                out.append(f"[^{self.label(item.number)}]")
            else:
                out.append(f"\\[{item.number}\\]")
        return "".join(out)

    def block(self, block: dl.Block, level: int) -> str:
        match block:
            case dl.Paragraph(content=content):
                return self.inline(content)
            case dl.Heading(text=text, level=depth):
                return f"{'#' * min(level + depth, 6)} {_escape(text)}"
            case dl.Figure(caption=caption, credit=credit, credit_missing=missing, alt_text=alt):
                parts = ["Image"] + [_escape(p) for p in (caption, f"described as: {alt}" if alt else "") if p]
                if credit is not None:
                    parts.append(f"Source: {_escape(credit)}")
                elif missing:
                    parts.append("Source: not preserved in the copied text")
                return "*" + " — ".join(parts) + "*"
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
            parts += [f"\\[{note.number}\\] {_escape(note.text)}" for note in uncited]
        defined: set[int] = set()
        for note in dispatch.notes:
            if note.number in self.cited and note.number not in defined:
                defined.add(note.number)
                parts.append(f"[^{self.label(note.number)}]: {_escape(note.text) or '(empty note)'}")
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
