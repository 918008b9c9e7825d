"""A dispatchlib exporter to IPTC ninjs 3.1 (News in JSON), registered as ``ninjs``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape
from typing import Any

import dispatchlib as dl
from dispatchlib.labels import identifier

__all__ = ["register_exporters", "to_ninjs"]

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"


class _Html:
    """The body and the notes of one dispatch as HTML fragments."""

    def __init__(self, dispatch: dl.Dispatch) -> None:
        self.dispatch = dispatch
        self.notes = {note.number for note in dispatch.notes}

    def inline(self, content: tuple[dl.Inline, ...]) -> str:
        rules: dict[type, dl.InlineRule[str]] = {
            dl.Text: lambda item, _, within: escape(item.text),
            dl.NoteRef: lambda item, _, within: (
                f'<sup><a href="#note-{item.number}">{item.number}</a></sup>'
                if item.number in self.notes
                else f"[{item.number}]"
            ),
            dl.Emphasis: lambda item, inner, _: f"<em>{''.join(inner)}</em>",
            dl.Strong: lambda item, inner, _: f"<strong>{''.join(inner)}</strong>",
            dl.Link: lambda item, inner, _: f'<a href="{escape(item.url)}">{"".join(inner)}</a>',
        }
        return "".join(dl.render(content, rules))

    def block(self, block: dl.Block) -> str:
        match block:
            case dl.Paragraph(content=content):
                return f"<p>{self.inline(content)}</p>"
            case dl.Heading(text=text, level=level):
                return f"<h{level + 1}>{escape(text)}</h{level + 1}>"
            case dl.Figure(caption=caption, credit=credit, credit_missing=missing, alt_text=alt, credit_url=url):
                parts = [escape(p) for p in (caption, alt or "") if p]
                if credit is not None:
                    linked = f'<a href="{escape(url)}">{escape(credit)}</a>' if url else escape(credit)
                    parts.append(f"Source: {linked}")
                elif missing:
                    parts.append("Source: not preserved in the copied text")
                return f"<figure><figcaption>{' — '.join(parts)}</figcaption></figure>"
            case dl.Quotation(content=content):
                return f"<blockquote><p>{self.inline(content)}</p></blockquote>"
            case dl.SpeakerTurn(speaker=speaker, content=content):
                return f"<p><b>{escape(speaker)}:</b> {self.inline(content)}</p>"
            case dl.StageDirection(text=text):
                return f"<p><i>({escape(text)})</i></p>"
            case dl.EditorNote(label=label, content=content):
                return f'<aside class="editor-note"><p><b>{escape(label)}:</b> {self.inline(content)}</p></aside>'
            case dl.MediaPointer(text=text):
                return f"<p><i>{escape(text)}</i></p>"
            case dl.TranslationBoundary(content=content):
                return f"<p>{self.inline(content)}</p><hr/>"
        raise TypeError(f"no HTML form for {type(block).__name__}")

    def body(self) -> str:
        return "\n".join(self.block(block) for block in self.dispatch.body)

    def notes_html(self) -> str:
        items = [f"<p>* {escape(self.dispatch.author_note)}</p>"] if self.dispatch.author_note is not None else []
        items += [f'<p id="note-{note.number}">[{note.number}] {escape(note.text)}</p>' for note in self.dispatch.notes]
        return "\n".join(items)


def _words(html: str) -> tuple[int, int]:
    text = re.sub(r"<[^>]+>", " ", html)
    return len(" ".join(text.split())), len(text.split())


def _item(dispatch: dl.Dispatch, language: str) -> dict[str, Any]:
    html = _Html(dispatch)
    body = html.body()
    chars, words = _words(body)
    item: dict[str, Any] = {
        "uri": identifier(dispatch),
        "type": "text",
        "version": "1",
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA},
        "language": language,
        "headlines": [{"role": "main", "value": dl.display_title(dispatch)}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": body, "charCount": chars, "wordCount": words}],
    }
    if dl.series_line(dispatch):
        item["headlines"].append({"role": "subhead", "value": dl.series_line(dispatch)})
    if dispatch.date:
        moment = f"{dispatch.date.isoformat()}T00:00:00Z"
        item["firstCreated"] = item["contentCreated"] = moment
    if dispatch.notes or dispatch.author_note is not None:
        item["bodies"].append({"role": "notes", "contentType": "text/html", "value": html.notes_html()})
    if dispatch.topics:
        item["subjects"] = [{"name": topic} for topic in dispatch.topics]
    if dispatch.authors:
        item["people"] = [{"name": author, "rel": "author"} for author in dispatch.authors]
        item["by"] = ", ".join(dispatch.authors)
    alt_ids = [{"role": "series", "value": dispatch.series}] if dispatch.series else []
    alt_ids += [
        {"role": "number", "value": str(n)} for n in (dispatch.number, *dispatch.extra_numbers) if n is not None
    ]
    alt_ids += [{"role": "sourceUrl", "value": dispatch.source_url}] if dispatch.source_url else []
    if alt_ids:
        item["altIds"] = alt_ids
    outlets = dict.fromkeys(note.outlet for note in dispatch.notes if note.outlet)
    if outlets:
        item["infoSources"] = [{"name": outlet, "role": "source"} for outlet in outlets]
    if dispatch.truncated:
        item["edNote"] = "The full text of this dispatch is available to subscribers; this is the public part."
    return item


def to_ninjs(document: dl.Document, *, language: str = "en") -> dict[str, Any]:
    """The ninjs object of a dispatch; a collection is a composite item associating its dispatches."""
    if isinstance(document, dl.Dispatch):
        return _item(document, language)
    return {
        "uri": identifier(document),
        "type": "composite",
        "version": "1",
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA},
        "language": language,
        "headlines": [{"role": "main", "value": document.title or f"{len(document.dispatches)} dispatches"}],
        "associations": [
            {**_item(d, language), "name": f"dispatch-{i}", "rel": "member"}
            for i, d in enumerate(document.dispatches, start=1)
        ],
    }


def _export(document: dl.Document, options: dl.ExportOptions) -> bytes:
    return (json.dumps(to_ninjs(document, language=options.language), ensure_ascii=False, indent=2) + "\n").encode()


@dl.hookimpl
def register_exporters(register: Callable[[dl.Exporter], None]) -> None:
    """The ``ninjs`` exporter."""
    register(
        dl.Exporter(
            name="ninjs",
            export=_export,
            suffix=".ninjs.json",
            media_type="application/json",
            description="IPTC ninjs 3.1 News in JSON (dispatchlib-ninjs)",
        )
    )
