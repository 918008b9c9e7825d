"""The dispatch text reader: plain text as copied from a web page or an e-mail -> :class:`Dispatch`.

The format and its damage are described in FORMAT.md. :func:`parse` is lenient by default: it
never raises, keeps every piece of text it cannot place in the body, and returns a diagnostic for
every repair and every dropped piece of page chrome. With ``strict=True`` it raises
:class:`~dispatchlib.errors.ParseError` on the first error-level diagnostic.
"""

from __future__ import annotations

import re

import attrs

from . import header as h
from .. import model as m
from .blocks import BlockReader, Unit, credit_line, split_units
from .notes import RawNote, collect_notes, find_notes, read_note
from ..diagnostics import Diagnostic, Severity, diagnostic
from ..errors import NotADispatchError, ParseError

__all__ = ["parse", "parse_many"]

_CHROME = frozenset("memri|donate today|subscribe today|cta-image|share video:|share this video:".split("|"))
# the page tail, subscriber notices and repost tails: one pattern, so most lines cost one match
_TAIL_LINE = re.compile(
    r"(?P<tail>(?i:Share this (?:Report|Clip|Post|Video|Article|Page)\s*:?.*|Latest Posts\s*))"
    r"|(?P<subscribers>(?i:The full text of this (?:post|report|dispatch|article) is available to subscribers\.?"
    r"|Please log ?in or register to request subscription information\.?))"
    r"|(?P<repost>To (?:read|view) the full (?:dispatch|report|text)[^:]*?,? visit (?P<url>\S+?)\.?)"
    r"|(?P<source>(?i:Source: MEMRI\.?))"
)
_TAIL_INITIALS = frozenset("SsLlTtPp")  # the letters _TAIL_LINE's lines start with: others skip it
_ODD_SPACE_CHARS = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_ODD_SPACES = re.compile(f"[{_ODD_SPACE_CHARS}]")
_SPACES = re.compile(r" {2,}")
_BINARY_CHARS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20)]))
_BINARY = re.compile(f"[{_BINARY_CHARS}]")


def _holds_any(text: str, characters: str) -> bool:
    """True if any of ``characters`` is in ``text``: a substring test per character runs several
    times faster than the regular expression's scan of a whole document."""
    return any(character in text for character in characters)


class _Findings:
    """The diagnostics of one parse, each with its code's severity."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.items.append(diagnostic(code, message, source=self.source, line=line, column=column))


def _clean_lines(text: str, found: _Findings) -> list[str]:
    """Lines with BOM, CR line ends, odd spaces and surrounding white space taken care of."""
    if text.startswith("\ufeff"):
        text = text[1:]
        found.add("byte-order-mark", "byte-order mark at the start of the text dropped", 1, 1)
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        found.add("line-endings", "CR or CRLF line ends read as LF", line)
    lines = text.split("\n")
    # whole-text checks first: most texts have neither odd spaces nor runs of spaces
    odd = []
    if _holds_any(text, _ODD_SPACE_CHARS):
        odd = [index for index, line in enumerate(lines) if _ODD_SPACES.search(line)]
    for index in odd:
        lines[index] = _ODD_SPACES.sub(" ", lines[index])
    lines = [line.strip() for line in lines]
    if "  " in text or odd:
        lines = [_SPACES.sub(" ", line) for line in lines]
    if odd:
        found.add("odd-whitespace", f"non-breaking or odd spaces on {len(odd)} line(s) read as spaces", odd[0] + 1)
    return lines


@attrs.define
class _Cursor:
    lines: list[str]
    offset: int
    index: int = 0

    def skip_blank(self) -> int:
        while self.index < len(self.lines) and not self.lines[self.index]:
            self.index += 1
        return self.index

    def peek(self) -> str:
        return self.lines[self.skip_blank()] if self.skip_blank() < len(self.lines) else ""

    def line_number(self, index: int | None = None) -> int:
        return (self.index if index is None else index) + 1 + self.offset


def parse(
    text: str, *, source: str | None = None, strict: bool = False, line_offset: int = 0
) -> tuple[m.Dispatch, list[Diagnostic]]:
    """Read one dispatch from its text.

    :param text: the text, as decoded from the file.
    :param source: the file name diagnostics and errors name.
    :param strict: raise :class:`ParseError` on the first error-level diagnostic.
    :param line_offset: lines that stood before ``text`` in its file (used by :func:`parse_many`).
    :returns: the dispatch and the diagnostics, ordered by line.
    """
    found = _Findings(source)
    dispatch = _read(text, found, line_offset)
    found.items.sort(key=lambda d: (d.line or 0, d.column or 0))
    if strict:
        _raise_first_error(found.items)
    return dispatch, found.items


def _raise_first_error(diagnostics: list[Diagnostic]) -> None:
    for item in diagnostics:
        if item.severity is Severity.ERROR:
            kind = NotADispatchError if item.code in ("empty-input", "not-a-dispatch") else ParseError
            raise kind(f"{item.message} [{item.code}]", source=item.source, line=item.line, column=item.column)


def parse_many(
    text: str, *, source: str | None = None, strict: bool = False
) -> list[tuple[m.Dispatch, list[Diagnostic]]]:
    """Read every dispatch of a file that holds several (an e-mail bundle).

    The text is split before each header line that follows a blank line; each part is parsed
    with :func:`parse`, with line numbers counted from the start of the whole file.
    """
    lines = text.split("\n")
    starts = [0]
    for index in range(1, len(lines)):
        if not lines[index - 1].strip() and index - starts[-1] > 3 and _starts_dispatch(lines, index):
            starts.append(index)
    bounds = zip(starts, [*starts[1:], len(lines)], strict=True)
    return [parse("\n".join(lines[a:b]), source=source, strict=strict, line_offset=a) for a, b in bounds]


def _starts_dispatch(lines: list[str], index: int) -> bool:
    line = lines[index].strip()
    header = h.match_header(line)
    if header is not None:
        return header.date is not None or header.topics != () or "|" in line or bool(header.series)
    if h.is_date_only(line):
        following = [text.strip() for text in lines[index + 1 : index + 6] if text.strip()]
        return any(h.match_clip_line(text) for text in following[:3])
    return False


def _read(text: str, found: _Findings, line_offset: int) -> m.Dispatch:
    binary = _BINARY.search(text) if _holds_any(text, _BINARY_CHARS) else None
    if binary is not None:
        line = text.count("\n", 0, binary.start()) + 1 + line_offset
        found.add("not-a-dispatch", "not a text file: it holds control characters or NUL bytes", line)
        return m.Dispatch()
    cursor = _Cursor(_clean_lines(text, found), line_offset)
    if cursor.skip_blank() == len(cursor.lines):
        found.add("empty-input", "the input holds no text", line_offset + 1)
        return m.Dispatch()
    _skip_chrome(cursor, found)
    fields: dict[str, object] = {}
    structured = _read_top(cursor, fields, found)
    lines, numbers = _tail(cursor, fields, found)
    body, notes, refs_found = _read_body_and_notes(lines, numbers, fields, found)
    if not (structured or notes or refs_found):
        found.add(
            "not-a-dispatch",
            "no header, meta line, note or note reference was found; is this a dispatch?",
            cursor.line_number(0),
        )
    return m.Dispatch(body=tuple(body), notes=tuple(notes), **fields)  # type: ignore[arg-type]


def _skip_chrome(cursor: _Cursor, found: _Findings) -> None:
    first, count = None, 0
    while cursor.skip_blank() < len(cursor.lines) and cursor.peek().lower() in _CHROME:
        first = cursor.line_number() if first is None else first
        count += 1
        cursor.index += 1
    if count:
        found.add("page-chrome", f"{count} line(s) of web-page chrome before the header dropped", first)


def _read_top(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> bool:
    """Header, title, meta block or TV-clip header; True if any of them was there."""
    if _read_clip_top(cursor, fields):
        return True
    header_line = cursor.line_number(cursor.skip_blank())
    header_text = cursor.peek()
    header = h.match_header(header_text)
    if header is not None:
        cursor.index += 1
        if cursor.peek() == header_text:
            found.add(
                "duplicate-header",
                "the header line is repeated; the copy is dropped",
                cursor.line_number(cursor.skip_blank()),
            )
            cursor.index += 1
        fields.update(
            series=header.series,
            number=header.numbers[0],
            date=header.date,
            extra_numbers=header.numbers[1:],
            topics=header.topics,
        )
    else:
        found.add("missing-header", "no 'DATE SERIES No. NUMBER' header line; reading on without one", header_line)
    title_line = cursor.peek()
    if not _is_meta(title_line) and (header is not None or _looks_like_title(title_line)):
        cursor.index += 1
        byline = h.match_title_byline(title_line)
        fields["title"] = byline.title if byline else title_line
        if byline:
            _apply_date_line(byline.line, fields, found, cursor.line_number() - 1)
    meta = _read_meta(cursor, fields, found)
    if header is not None and not fields.get("topics"):
        found.add("missing-topics", "no topics line in the meta block", header_line)
    return header is not None or meta


def _read_clip_top(cursor: _Cursor, fields: dict[str, object]) -> bool:
    start = cursor.skip_blank()
    ahead = [i for i in range(start, min(start + 8, len(cursor.lines))) if cursor.lines[i]][:4]
    clip_at = next((i for i in ahead if h.match_clip_line(cursor.lines[i])), None)
    if clip_at is None or clip_at == ahead[0]:
        return False
    before = [cursor.lines[i] for i in ahead if i < clip_at]
    date = h.parse_date(before[0]) if h.is_date_only(before[0]) else None
    titles = before[1:] if date else before
    if len(titles) != 1:
        return False
    clip = h.match_clip_line(cursor.lines[clip_at])
    assert clip is not None
    cursor.index = clip_at + 1
    channels = h.match_clip_source(cursor.peek()) or ()
    if channels:
        cursor.index = cursor.skip_blank() + 1
    fields.update(
        series="MEMRI TV Clip",
        number=clip.number,
        date=date,
        title=titles[0],
        clip=m.Clip(duration_seconds=clip.duration_seconds, channels=channels),
    )
    return True


def _is_meta(line: str) -> bool:
    return bool(h.match_date_line(line) or h.match_topics_line(line) or h.match_header(line))


def _looks_like_title(line: str) -> bool:
    return bool(line) and len(line) <= 250 and not line.endswith(".")


def _read_meta(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> bool:
    seen = False
    for _ in range(3):
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
        date_line = h.match_date_line(line)
        topics = h.match_topics_line(line) or (h.match_header(line) if seen or fields else None)
        if date_line is not None:
            _apply_date_line(date_line, fields, found, number)
        elif topics is not None:
            _check_header(topics, fields, found, number)
            fields["topics"] = _dedupe_topics((*tuple(fields.get("topics", ())), *topics.topics), found, number)  # type: ignore[arg-type]
        else:
            break
        seen = True
        cursor.index += 1
    return seen


def _apply_date_line(line: h.DateLine, fields: dict[str, object], found: _Findings, number: int) -> None:
    current = fields.get("date")
    if current is None:
        fields["date"] = line.date
    elif line.date not in (None, current):
        found.add(
            "header-mismatch",
            f"the meta date {line.date} contradicts the header's {current}; the header's is kept",
            number,
        )
    if line.authors:
        fields["authors"] = line.authors
    if line.author_note:
        fields["_author_star"] = number


def _check_header(meta: h.Header, fields: dict[str, object], found: _Findings, number: int) -> None:
    for key, value in (("series", meta.series), ("number", meta.numbers[0])):
        if fields.get(key) is None:
            fields[key] = value
        elif fields[key] != value:
            found.add(
                "header-mismatch",
                f"the meta block's {key} {value!r} contradicts the header's {fields[key]!r}; the header's is kept",
                number,
            )


def _dedupe_topics(topics: tuple[str, ...], found: _Findings, number: int) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(topics))
    for topic in unique:
        if topics.count(topic) > 1:
            found.add("duplicate-topic", f"topic {topic!r} is listed {topics.count(topic)} times", number)
    return unique


def _tail(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> tuple[list[str], list[int]]:
    """The lines after the top part, without tail boilerplate, subscriber notices and repost tails."""
    lines: list[str] = []
    numbers: list[int] = []
    for index in range(cursor.index, len(cursor.lines)):
        line, number = cursor.lines[index], index + 1 + cursor.offset
        match = _TAIL_LINE.fullmatch(line) if line[:1] in _TAIL_INITIALS else None
        if match is None:
            lines.append(line)
            numbers.append(number)
        elif match["tail"]:
            dropped = sum(1 for text in cursor.lines[index:] if text)
            found.add("boilerplate", f"{dropped} line(s) of page tail from {line!r} on dropped", number)
            break
        elif match["subscribers"]:
            if not fields.get("truncated"):
                found.add("truncated", "the text says the full version is for subscribers only", number)
            fields["truncated"] = True
        elif match["repost"]:
            fields["source_url"] = match["url"]
            found.add("boilerplate", "repost tail dropped; its address is kept as the source URL", number)
        else:
            found.add("boilerplate", f"repost tail {line!r} dropped", number)
    return lines, numbers


def _read_body_and_notes(
    lines: list[str], numbers: list[int], fields: dict[str, object], found: _Findings
) -> tuple[list[m.Block], list[m.Note], bool]:
    first, after = find_notes(lines, 0, len(lines))
    raw_notes = collect_notes(lines, numbers, first, after)
    paren = any(note.paren for note in raw_notes)
    reader = BlockReader(paren_refs=paren)
    if paren:
        found.add("paren-references", "notes are marked '(1)'; '(N)' in the body read as references", numbers[first])
    body = _read_blocks(split_units(lines[:first], numbers[:first]), reader, found)
    leftover = split_units(lines[after:], numbers[after:])
    for unit in leftover:
        found.add("unplaced-text", f"text after the notes kept at the end of the body: {unit.text[:40]!r}", unit.line)
    body += _read_blocks(leftover, reader, found)
    notes = _read_notes(raw_notes, fields, found)
    _check_references(reader, notes, found)
    return body, [note for note, _ in notes], bool(reader.refs)


def _read_blocks(units: list[Unit], reader: BlockReader, found: _Findings) -> list[m.Block]:
    blocks: list[m.Block] = []
    previous = ""
    for unit in units:
        if "[email protected]" in unit.text:
            found.add(
                "email-hidden",
                "an e-mail address was hidden by the web page",
                *unit.locate(unit.text.index("[email protected]")),
            )
        if unit.text == previous:
            found.add("duplicate-paragraph", "paragraph repeats the one before it; dropped", unit.line)
            continue
        previous = unit.text
        last = blocks[-1] if blocks else None
        if isinstance(last, m.Heading | m.Paragraph) and credit_line(unit.text) and _caption_like(last):
            blocks[-1] = m.Figure(caption=_caption_text(last), credit=unit.text)
            continue
        block = reader.block(unit)
        if isinstance(block, m.Figure) and block.credit_missing:
            found.add(
                "credit-lost",
                "image credit lost in scraping ('(Source:'); recorded as missing",
                unit.line,
                len(unit.text) - len("(Source:") + 1,
            )
        blocks.append(block)
    return blocks


def _caption_like(block: m.Heading | m.Paragraph) -> bool:
    if isinstance(block, m.Heading):
        return True
    return all(isinstance(item, m.Text) for item in block.content) and len(m.plain_text(block.content)) <= 200


def _caption_text(block: m.Heading | m.Paragraph) -> str:
    return block.text if isinstance(block, m.Heading) else m.plain_text(block.content)


def _read_notes(raw_notes: list[RawNote], fields: dict[str, object], found: _Findings) -> list[tuple[m.Note, int]]:
    notes: list[tuple[m.Note, int]] = []
    seen: set[int] = set()
    for raw in raw_notes:
        if raw.marker == "*":
            text = raw.text.strip()
            previous = fields.get("author_note")
            fields["author_note"] = f"{previous} {text}" if previous else text
            continue
        note = read_note(int(raw.marker), raw.text)
        if note.number in seen:
            found.add("duplicate-note", f"note {note.number} appears twice; both are kept", raw.line)
        seen.add(note.number)
        if note.outlet_missing:
            found.add("outlet-lost", f"note {note.number}: the outlet's link text was lost", raw.line)
        notes.append((note, raw.line))
    star = fields.pop("_author_star", None)
    if star is not None and fields.get("author_note") is None:
        found.add("missing-author-note", "'*' after the authors, but no '*' note at the end", star)  # type: ignore[arg-type]
    return notes


def _check_references(reader: BlockReader, notes: list[tuple[m.Note, int]], found: _Findings) -> None:
    numbers = {note.number for note, _ in notes}
    referenced = {ref.number for ref in reader.refs}
    for ref in reader.refs:
        if ref.number not in numbers:
            found.add("missing-note", f"reference [{ref.number}] points to no note", ref.line, ref.column)
    for note, line in notes:
        if note.number not in referenced:
            found.add("unreferenced-note", f"note {note.number} is never referenced", line)
