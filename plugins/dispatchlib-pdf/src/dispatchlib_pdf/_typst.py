"""The Typst source of a dispatch or a collection, written from the model.

Text is escaped so that Typst draws it as it is: every character its markup knows is escaped, so
a paragraph starting "- " is no bullet, "1. " no numbered list, "-?" no soft hyphen and an address
no automatic link; only quotes (made curly by Typst, which sees across runs), ``--``, ``---`` and
``...`` are made typographic, as the e-book does. Every embedded call ends with ``;``, so that the
text after it cannot continue it (``#text(...)[...](Audience)`` would call the result).
"""

from __future__ import annotations

import datetime
import functools
import os
import re
from collections.abc import Callable
from typing import Any

import dispatchlib as dl

from ._scripts import right_to_left, runs

__all__ = ["FONTS", "to_typst"]

# Libertinus Serif (bundled with Typst: regular, italic, bold, bold italic) for Latin, Greek,
# Cyrillic and Hebrew; Noto Serif for Armenian and Georgian (shipped here); dispatchlib's own font
# for Arabic and Persian
FONTS = ("Libertinus Serif", "Noto Serif Armenian", "Noto Serif Georgian", "Dispatchlib Cover")
_UNTITLED = "Untitled dispatch"
_MARKUP = re.compile(r"---|--|\.\.\.|(?<=\d)\.|[\\#*_`$<>@\[\]~=/+{}\-]")
_TYPOGRAPHIC = {"---": "\u2014", "--": "\u2013", "...": "\u2026"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # never drawn: left out
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")  # runs of breaking white space; no-break spaces stay
_RIGHT_TO_LEFT = frozenset(["ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "syr", "ug", "ur", "yi"])
_LANGUAGE = re.compile(r"[a-z]{2,3}")  # what Typst takes as a language: ISO 639
WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?#]*)?")
_STYLE = """\
#set text(font: ({fonts}), lang: {lang}, size: 11pt)
#set par(justify: true, leading: 0.62em, spacing: 1.05em)
#set smartquote(enabled: true)
#show heading: set par(justify: false)
#show heading: set block(above: 1.5em, below: 0.75em)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): set text(size: 13.5pt)
#show heading.where(level: 3): set text(size: 12pt)
#show heading.where(level: 4): set text(size: 11pt, style: "italic")
#show link: set text(fill: rgb("#1a4d80"))
#show figure.caption: set text(size: 0.9em, style: "italic")
#show figure: set block(breakable: false, above: 1.2em, below: 1.2em)
#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt), gap: 0.45em)
#show footnote.entry: set text(size: 0.88em)
#show footnote.entry: set par(justify: false)
"""


def escape(text: str) -> str:
    """``text`` as Typst markup that draws it as it is; white space runs become one space."""
    text = _SPACES.sub(" ", _CONTROL.sub("", text))
    return _MARKUP.sub(lambda match: _TYPOGRAPHIC.get(match.group()) or "\\" + match.group(), text)


def string(text: str) -> str:
    """A Typst string literal."""
    return '"' + _CONTROL.sub("", text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _language(tag: str | None) -> str | None:
    primary = (tag or "").split("-")[0].lower()
    return primary if _LANGUAGE.fullmatch(primary) else None


def link(label: str, url: str | None) -> str:
    """``label`` linked to ``url`` when that is a well-formed web address."""
    return linked(escape(label), url)


def linked(markup: str, url: str | None) -> str:
    """Typst ``markup`` linked to ``url`` when that is a well-formed web address."""
    if url and WEB_ADDRESS.fullmatch(url):
        return f"#link({string(url)})[{markup}];"
    return markup


class _Writer:
    def __init__(self, dispatch: dl.Dispatch, prefix: str, around: str, files: Callable[[bytes, str], str]) -> None:
        self.dispatch = dispatch
        self.prefix = prefix
        self.around = around  # the document's language
        self.language = _language(dispatch.language) or around
        self.files = files
        self.notes = {note.number: note for note in dispatch.notes}
        self.cited: set[int] = set()
        self.last = 1  # the last heading's level

    def text(self, value: str) -> str:
        """Text, with each run in a script that tells its language tagged with it."""
        return "".join(self.tagged(escape(run), language) for run, language in runs(value, self.language))

    def tagged(self, markup: str, language: str | None) -> str:
        """``markup`` tagged with ``language`` in the PDF, unless it is the text's own.

        A right-to-left run keeps the direction of the text around it: Unicode's bidi algorithm
        still lays it out right to left, and poppler (``pdftotext``) reads it back whole, where
        Typst's ``ReversedChars`` marks for a run set right to left make it split off the last
        letter."""
        if language is None or language == self.language:
            return markup
        direction = ", dir: ltr" if language in _RIGHT_TO_LEFT and self.language not in _RIGHT_TO_LEFT else ""
        return f"#text(lang: {string(language)}{direction})[{markup}];"

    def inline(self, content: tuple[dl.Inline, ...]) -> str:
        """``content`` in Typst markup, each kind of inline by its rule in :meth:`rules`."""
        return "".join(dl.render(content, self.rules))

    @functools.cached_property
    def rules(self) -> dict[type, Any]:
        """The Typst markup of each kind of inline (Typst finds each run's direction itself, by
        Unicode's bidi algorithm, and shapes it)."""
        return {
            dl.Text: lambda item, _inner, _within: self.text(item.text),
            dl.ForeignText: lambda item, _inner, _within: self.tagged(escape(item.text), _language(item.language)),
            dl.NoteRef: lambda item, _inner, _within: self.note_ref(item.number),
            dl.Emphasis: lambda _item, inner, _within: f"#emph[{''.join(inner)}];",
            dl.Strong: lambda _item, inner, _within: f"#strong[{''.join(inner)}];",
            dl.Link: lambda item, inner, _within: linked("".join(inner), item.url),
        }

    def note_ref(self, number: int) -> str:
        """A footnote whose mark is the note's own number, as the text's "note 3" says."""
        label = f"{self.prefix}n{number}"
        note = self.notes.get(number)
        if note is None:
            return f"\\[{number}\\]"
        if number in self.cited:  # a note cited again points to its footnote
            return f"#footnote(<{label}>);"
        self.cited.add(number)
        if number == 0:  # the counter steps before it shows and never goes below zero: note 0 says its own mark
            return f'#footnote(numbering: _ => "0")[{self.note_text(note)}]<{label}>'
        return f"#counter(footnote).update({number - 1});#footnote[{self.note_text(note)}]<{label}>"

    def note_text(self, note: dl.Note) -> str:
        if note.url and note.outlet and note.text.startswith(note.outlet):
            body = link(note.outlet, note.url) + self.text(note.text[len(note.outlet) :])
        else:
            body = self.text(note.text) or "(empty note)"
        if note.outlet_missing:
            body = f"{escape(dl.labels.OUTLET_MISSING)}, {body}"
        return body

    def block(self, block: dl.Block, depth: int) -> str:
        match block:
            case dl.Paragraph(content=content):
                language = right_to_left(dl.plain_text(content))
                if language is None or self.language in _RIGHT_TO_LEFT:
                    return self.inline(content)
                # a paragraph mostly in Arabic or Hebrew is set right to left, starting on the right
                return f"#text(lang: {string(language)}, dir: rtl)[{self.inline(content)}];"
            case dl.Heading(text=value, level=level):
                text = self.text(value.strip())
                if not escape(value).strip():  # nothing to read, and PDF/UA refuses an empty heading
                    return ""
                # one level below the one before at most: PDF/UA (and a reader's outline) wants no gap
                self.last = min(level + depth, self.last + 1)
                return f"{'=' * self.last} {text}"
            case dl.Figure():
                return self.figure(block)
            case dl.Quotation(content=content):
                return f"#quote(block: true)[{self.inline(content)}];"
            case dl.SpeakerTurn(speaker=speaker, content=content):
                return f"#strong[{self.text(speaker)}:]; {self.inline(content)}"
            case dl.StageDirection(text=value):
                return f"#align(center)[#emph[({self.text(value)})];];"
            case dl.EditorNote(label=label, content=content):
                rule = "inset: (left: 0.8em), stroke: (left: 0.5pt + luma(150))"
                return f"#block({rule})[#strong[{escape(label)}:]; {self.inline(content)}];"
            case dl.MediaPointer(text=value):
                return f"#emph[{self.text(value)}];"
            case dl.TranslationBoundary(content=content, source_note=number):
                source = self.text(dl.labels.boundary_source(self.dispatch, number))
                return (
                    f"{self.inline(content)}\n\n#align(center)[#line(length: 40%, stroke: 0.5pt)];\n\n"
                    f"#align(center)[#emph[Translation from {source}];];"
                )
        raise TypeError(f"no Typst form for {type(block).__name__}")

    def figure(self, figure: dl.Figure) -> str:
        parts = [self.text(figure.caption)] if figure.caption else []
        if figure.credit is not None:
            parts.append(f"Source: {linked(self.text(figure.credit), figure.credit_url)}")
        elif figure.credit_missing:
            parts.append(escape(dl.labels.CREDIT_MISSING))
        caption = " \u2014 ".join(parts)
        picture = figure.image
        if picture is None or not picture.data:
            box = "breakable: false, width: 100%, inset: 0.7em, stroke: 0.5pt + luma(150)"
            return f"#block({box})[#strong[Image];#linebreak();#emph[{caption}];];"
        suffix = picture.media_type.removeprefix("image/").replace("jpeg", "jpg").replace("svg+xml", "svg")
        name = self.files(picture.data, suffix)
        alt = figure.alt_text or figure.caption or "A picture"
        return (
            f"#figure(image({string(name)}, width: 80%, alt: {string(alt)}), "
            f"caption: [{caption}], supplement: none, numbering: none);"
        )

    def render(self, depth: int) -> str:
        self.last = depth
        dispatch = self.dispatch
        parts = []
        series = dl.series_line(dispatch)
        if series:
            parts.append(f"#text(size: 0.92em, tracking: 0.05em, fill: luma(80))[{escape(series)}];")
        title = dl.display_title(dispatch).strip()
        title = self.text(title) if escape(title).strip() else _UNTITLED
        parts.append(f"#heading(level: {depth})[{title}]<{self.prefix}title>")
        facts = [dl.date_text(dispatch.date)] if dispatch.date else []
        if dispatch.authors:
            facts.append("By " + ", ".join(dispatch.authors))
        if dispatch.topics:
            facts.append("Topics: " + ", ".join(dispatch.topics))
        clip = dl.labels.clip_facts(dispatch)
        if clip:
            facts.append(clip)
        if facts:
            parts.append("#text(fill: luma(60))[" + " · ".join(self.text(fact) for fact in facts) + "];")
        if dispatch.author_note is not None:
            parts.append(f"#text(size: 0.9em)[\\* {self.text(dispatch.author_note)}];")
        if dispatch.truncated:
            parts.append(f"#emph[{escape(dl.labels.TRUNCATED)}];")
        parts += [self.block(block, depth) for block in dispatch.body]
        uncited = [note for note in dispatch.notes if note.number not in self.cited]
        if uncited:
            parts.append(f"{'=' * (depth + 1)} Notes")
            parts += [f"#text(size: 0.9em)[{note.number}\\. {self.note_text(note)}];" for note in uncited]
        if dispatch.source_url:
            parts.append(f"#text(size: 0.9em)[{link(dispatch.source_url, dispatch.source_url)}];")
        body = "\n\n".join(part for part in parts if part)
        if self.language != self.around:
            return f"#[#set text(lang: {string(self.language)})\n{body}\n]"
        return body


def _date(dispatches: list[dl.Dispatch]) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    else:
        dated = [d.date for d in dispatches if d.date is not None]
        moment = max(dated) if dated else datetime.date(1980, 1, 1)
    return f"datetime(year: {moment.year}, month: {moment.month}, day: {moment.day})"


def _title_page(title: str, dispatches: list[dl.Dispatch]) -> str:
    dated = sorted(d.date for d in dispatches if d.date is not None)
    span = dl.date_text(dated[0]) if dated else ""
    if dated and dated[-1] != dated[0]:
        span += f" \u2013 {dl.date_text(dated[-1])}"
    facts = escape(f"{len(dispatches)} dispatches" + (f" · {span}" if span else ""))
    return (
        "#page(header: none, footer: none)[#align(center + horizon)["
        f'#text(size: 2.4em, weight: "bold")[{escape(title)}];#v(1.2em)#text(size: 1.1em, fill: luma(60))[{facts}];'
        "];];\n\n"
        "#outline(title: [Contents], depth: 1);\n\n#pagebreak()"
    )


def to_typst(document: dl.Document, options: dl.ExportOptions, files: Callable[[bytes, str], str]) -> str:
    """The Typst source of the document; ``files(data, suffix)`` keeps a picture's bytes where
    Typst reads them and gives the path to read them from."""
    dispatches = list(document.dispatches) if isinstance(document, dl.Collection) else [document]
    single = document if isinstance(document, dl.Dispatch) else None
    title = dl.display_title(single) if single else (options.title or document.title or "Dispatches")
    title = " ".join(_CONTROL.sub("", title).split()) or _UNTITLED  # PDF/UA wants a title
    header = dl.series_line(single) if single else title
    language = _language(options.language) or "en"
    # the byline's order, each author once
    authors = "".join(f"{string(author)}, " for author in dict.fromkeys(a for d in dispatches for a in d.authors))
    paper = "us-letter" if options.paper == "letter" else "a4"
    setup = [
        f"#set document(title: {string(title)}, author: ({authors}), date: {_date(dispatches)})",
        f'#set page(paper: {string(paper)}, margin: (x: 2.4cm, top: 2.6cm, bottom: 2.4cm), numbering: "1", '
        "header: context { if counter(page).get().first() > 1 "
        f"[#set text(size: 0.85em, fill: luma(90)); #emph[{escape(header)}];] }})",
        _STYLE.format(fonts=", ".join(string(font) for font in FONTS), lang=string(language)),
    ]
    writers = [_Writer(d, f"d{i}", language, files) for i, d in enumerate(dispatches, start=1)]
    if single is not None:
        body = writers[0].render(depth=1)
    else:
        chapters = [writer.render(depth=1) for writer in writers]
        body = _title_page(title, dispatches) + "\n\n" + "\n\n#pagebreak(weak: true)\n\n".join(chapters)
    return "\n".join(setup) + "\n" + body + "\n"
