"""The dispatch text reader: plain text as copied from a web page or an e-mail -> :class:`Dispatch`.

The format and its damage are described in FORMAT.md. :func:`parse` is lenient by default: it
never raises, keeps every piece of text it cannot place in the body, and returns a diagnostic for
every repair and every dropped piece of page chrome. With ``strict=True`` it raises
:class:`~dispatchlib.errors.ParseError` on the first error-level diagnostic.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from typing import NamedTuple

import attrs

from .. import model as m
from ..diagnostics import NO_DISPATCH, Diagnostic, Severity, diagnostic
from ..errors import NotADispatchError, ParseError
from . import header as h
from . import layouts
from .blocks import BlockReader, Unit, bare_captions, credit_line, is_figure_text, split_units
from .evidence import Facts, judge
from .notes import RawNote, collect_notes, find_notes, read_note
from .start import (
    START_WORDS,
    Start,
    clip_header,
    digest_intro,
    find_start,
    is_chrome,
    is_repost_line,
    join_broken_header,
    looks_like_title,
    split_stamp,
    undecorate,
    unfold,
)

__all__ = ["parse", "parse_many"]

# the page tail and repost tails: one pattern, so most lines cost one match
_TAIL_LINE = re.compile(
    r"(?P<tail>(?i:Share this (?:Report|Clip|Post|Video|Article|Page)\s*:?.*|Latest Posts\s*)"
    r"|Posted (?:by \S.{0,60} )?at \d{1,2}:\d{2}\b.*"  # a blog post's footer
    r"|You (?:are )?receiv(?:e|ing) this (?:e-?mail|message|newsletter|alert)\b.*"  # an e-mail alert's
    r"|(?:To |Click here to )?[Uu]nsubscribe\b.{0,200})"
    r"|(?P<repost>To (?:read|view) the full (?:dispatch|report|text)[^:]*?,? visit(?: (?P<url>\S+?))?\.?)"
    r"|(?P<source>(?i:Source: MEMRI\.?))"
)
_TAIL_INITIALS = frozenset("SsLlTtPYCUu")  # the letters _TAIL_LINE's lines start with: others skip it
_INSTITUTE_TAIL = re.compile(r"Share this (?:Report|Clip|Post)", re.IGNORECASE)
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
    numbers: list[int]  # each line's number in the file (split lines share their line's number)
    index: int = 0

    def skip_blank(self) -> int:
        while self.index < len(self.lines) and not self.lines[self.index]:
            self.index += 1
        return self.index

    def peek(self) -> str:
        return self.lines[self.skip_blank()] if self.skip_blank() < len(self.lines) else ""

    def line_number(self, index: int | None = None) -> int:
        index = self.index if index is None else index
        if index < len(self.numbers):
            return self.numbers[index]
        return (self.numbers[-1] if self.numbers else 0) + 1


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
    with _collector_paused(len(text) > _LARGE):
        dispatch = _read(text, found, line_offset)
    found.items.sort(key=lambda d: (d.line or 0, d.column or 0))
    if strict:
        _raise_first_error(found.items)
    return dispatch, found.items


_LARGE = 2**20  # characters


@contextlib.contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """Python's cyclic garbage collector paused while a large text is read: the reader makes no
    reference cycles, but each collection walks every object the growing document holds, which
    made a 10 MB text take 11.8 times as long as 1 MB (10.2 times with the collector paused)."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _raise_first_error(diagnostics: list[Diagnostic]) -> None:
    for item in diagnostics:
        # strict reading also refuses what nothing shows to be a dispatch (a warning when lenient)
        if item.severity is Severity.ERROR or item.code == "uncertain-dispatch":
            kind = NotADispatchError if item.code in (*NO_DISPATCH, "uncertain-dispatch") else ParseError
            raise kind(f"{item.message} [{item.code}]", source=item.source, line=item.line, column=item.column)


def parse_many(
    text: str, *, source: str | None = None, strict: bool = False
) -> list[tuple[m.Dispatch, list[Diagnostic]]]:
    """Read every dispatch of a file that holds several (an e-mail bundle).

    The text is split before each header line that follows a blank line, when the part before
    holds a header of its own (what comes before the first header is page chrome of the first
    dispatch, not a dispatch); each part is parsed with :func:`parse`, with line numbers counted
    from the start of the whole file.
    """
    lines = text.split("\n")
    if digest_intro(lines) is not None:
        return [parse(text, source=source, strict=strict)]  # one digest of several items
    starts = [0]
    for index in range(1, len(lines)):
        if (
            not lines[index - 1].strip()
            and index - starts[-1] > 3
            and _starts_dispatch(lines, index)
            and any(_starts_dispatch(lines, before) for before in range(starts[-1], index))
        ):
            starts.append(index)
    bounds = zip(starts, [*starts[1:], len(lines)], strict=True)
    return [parse("\n".join(lines[a:b]), source=source, strict=strict, line_offset=a) for a, b in bounds]


def _starts_dispatch(lines: list[str], index: int) -> bool:
    """A header that opens a further dispatch of a bundle. A sub-series line
    (``Islamist Websites Monitor No. 92``) or a digest's item header (``MEMRI TV Clip No. 3859``)
    never is."""
    line = lines[index].strip()
    header = h.match_header(line)
    if header is not None:
        if h.is_sub_series(header):
            return False
        return header.date is not None or header.topics != () or "|" in line or bool(header.series)
    if h.is_date_only(line):
        following = [text.strip() for text in lines[index + 1 : index + 6] if text.strip()]
        return any(h.match_clip_line(text) for text in following[:3])
    return False


def _read(text: str, found: _Findings, line_offset: int) -> m.Dispatch:
    binary = _BINARY.search(text) if _holds_any(text, _BINARY_CHARS) else None
    if binary is not None and "\x00" not in text and len(_BINARY.findall(text)) * 100 <= len(text):
        binary = None  # a stray control character in real text: the sanitizer replaces and reports it
    if binary is not None:
        line = text.count("\n", 0, binary.start()) + 1 + line_offset
        found.add("not-a-dispatch", "not a text file: it holds control characters or NUL bytes", line)
        return m.Dispatch()
    lines = _clean_lines(text, found)
    lines, numbers = unfold(lines, list(range(line_offset + 1, line_offset + len(lines) + 1)))
    lines, numbers = split_stamp(undecorate(lines), numbers)
    cursor = _Cursor(lines, numbers)
    if cursor.skip_blank() == len(cursor.lines):
        found.add("empty-input", "the input holds no text", line_offset + 1)
        return m.Dispatch()
    start = find_start(cursor.lines)
    found_header = h.match_header(cursor.lines[start.at]) if start.kind == "header" else None
    # a header broken over lines is looked for only where no whole header was found
    if found_header is None or not (found_header.numbers or found_header.date):
        cursor.lines, joined = join_broken_header(cursor.lines)
        if joined:
            first, last = numbers[joined[0]], numbers[joined[-1]]
            header = next(cursor.lines[j] for j in joined if cursor.lines[j])
            found.add("guess", f"a header broken over lines {first}-{last} read as one: {header!r}", first)
            start = find_start(cursor.lines)
    fields: dict[str, object] = {}
    _skip_to_start(cursor, start, fields, found)
    _read_top(cursor, start, fields, found)
    lines, numbers, tail = _tail(cursor, fields, found)
    body, notes, refs_found = _read_body_and_notes(lines, numbers, tail, fields, found)
    if start.kind == "digest":
        _read_digest_items(body, fields, found, cursor.line_number(start.at))
    facts = Facts(
        start=start,
        truncated=bool(fields.get("truncated")),
        has_notes=bool(notes or refs_found),
        institute_tail=tail.institute,
        repost_tail=bool(fields.get("source_url")),
        series_named=fields.get("series") is not None,
        numbered=fields.get("number") is not None,
    )
    judge(facts, body, found, cursor.line_number(start.at))
    return m.Dispatch(body=tuple(body), notes=tuple(notes), **fields)  # type: ignore[arg-type]


def _skip_to_start(cursor: _Cursor, start: Start, fields: dict[str, object], found: _Findings) -> None:
    """Drop the page's lines before the dispatch's start (reported with their place and count); an
    e-mail's intro that says the reports are for members still marks the dispatch truncated."""
    dropped = [i for i in range(cursor.index, start.at) if cursor.lines[i]]
    cursor.index = start.at
    if not dropped:
        return
    for i in dropped:
        _subscriber_notice(cursor.lines[i], cursor.line_number(i), fields, found)
    first, last = cursor.line_number(dropped[0]), cursor.line_number(dropped[-1])
    where = f"line {first}" if first == last else f"lines {first}-{last}"
    if all(is_chrome(cursor.lines[i]) for i in dropped):
        message = f"{len(dropped)} line(s) of web-page chrome before the {START_WORDS[start.kind]} dropped ({where})"
    else:
        message = (
            f"{len(dropped)} line(s) of page text before the {START_WORDS[start.kind]} on line "
            f"{cursor.line_number(start.at)} dropped ({where}, from {cursor.lines[dropped[0]][:40]!r})"
        )
    found.add("page-chrome", message, first)


def _skip_chrome(cursor: _Cursor, found: _Findings) -> None:
    """Chrome among the top lines ("Share Video:" between a clip's date and its title)."""
    first, count = None, 0
    while cursor.skip_blank() < len(cursor.lines) and is_chrome(cursor.peek()):
        first = cursor.line_number() if first is None else first
        count += 1
        cursor.index += 1
    if count:
        found.add("page-chrome", f"{count} line(s) of web-page chrome in the header dropped", first)


def _read_top(cursor: _Cursor, start: Start, fields: dict[str, object], found: _Findings) -> None:
    """Header, title, meta block or TV-clip header; each guess is reported."""
    _skip_chrome(cursor, found)
    if start.kind == "clip" and _read_clip_top(cursor, fields, found):
        return
    if start.kind == "digest":
        _read_digest_top(cursor, start, fields, found)
        return
    header_line = cursor.line_number(cursor.skip_blank())
    header_text = cursor.peek()
    header = h.match_header(header_text) if start.kind == "header" else None
    if header is not None:
        cursor.index += 1
        if cursor.peek() == header_text:
            found.add(
                "duplicate-header",
                "the header line is repeated; the copy is dropped",
                cursor.line_number(cursor.skip_blank()),
            )
            cursor.index += 1
        _say_header_guesses(header, header_text, found, header_line)
        fields.update(
            series=header.series,
            number=header.numbers[0] if header.numbers else None,
            date=header.date,
            extra_numbers=header.numbers[1:],
            topics=header.topics,
            title=header.title,
        )
    _skip_chrome(cursor, found)
    _read_sub_series(cursor, fields, found)
    if start.kind == "date-title":
        fields["_date_above"] = _read_meta(cursor, fields, found)  # the date above the title
    meta_first = not fields.get("title") and _read_title(cursor, fields, found)
    if _read_meta(cursor, fields, found) and meta_first and not fields.get("title"):
        _read_title(cursor, fields, found)  # "Header / June 3, 2003 / Title": the date stood over the title
        _read_meta(cursor, fields, found)
    fields.pop("_date_above", None)
    if header is not None and not fields.get("title") and not header.numbers[1:]:  # several: their items' titles
        _read_title_above(cursor, start, fields, found)
    if not fields.get("title") and (untitled := fields.get("_untitled_line")) is not None:
        found.add("title-guessed", f"no title: line {untitled} cannot be one", untitled)  # type: ignore[arg-type]
    fields.pop("_untitled_line", None)
    if header is None and start.kind == "none" and not fields.get("authors"):
        _read_byline_below(cursor, fields, found)
    if fields.get("date") is None:
        _read_page_date(cursor, start, fields, found)
    guesses = {key: fields.pop(f"_{key}_line", None) for key in ("title", "date", "authors", "series", "number")}
    if header is None:
        _say_guesses(guesses, fields, found, header_line)
    if header is not None and not fields.get("topics"):
        found.add("missing-topics", "no topics line in the meta block", header_line)


def _read_digest_top(cursor: _Cursor, start: Start, fields: dict[str, object], found: _Findings) -> None:
    """A digest's top: its date (``February 24, 2010``, ``MEMRI Daily: February 24, 2011``) over
    its opening sentence; a digest has no title of its own, its items have theirs."""
    while cursor.skip_blank() < len(cursor.lines):
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
        date = h.match_page_date(line) or (found_line.date if (found_line := h.match_date_line(line)) else None)
        if date is None:
            break
        if fields.get("date") is None:
            fields["date"] = date
            found.add("guess", f"the digest's date taken from line {number}: {line!r}", number)
        cursor.index += 1
    if fields.get("date") is None:
        _read_page_date(cursor, start, fields, found)
        fields.pop("_date_line", None)


def _read_digest_items(body: list[m.Block], fields: dict[str, object], found: _Findings, line: int) -> None:
    """A digest's series and numbers from its items' headers (the series only when every item
    shares it), and its authors from the items' bylines; the items stay in the body."""
    headers: list[h.Header] = []
    authors: list[str] = []
    for block in body:
        if not isinstance(block, m.Heading | m.Paragraph):
            continue
        text = block.text if isinstance(block, m.Heading) else m.plain_text(block.content)
        headers += h.headers_in(text)  # a header stands alone, or inside a copy's collapsed lines
        if len(text) <= _ITEM_LINE and (byline := h.match_date_line(text)) is not None:
            authors += byline.authors
    numbers = tuple(dict.fromkeys(number for header in headers for number in header.numbers))
    series = {header.series for header in headers}
    if numbers and len(series) == 1:  # numbers of several series are no numbers of one
        fields.update(number=numbers[0], extra_numbers=numbers[1:], series=series.pop())
    if authors and not fields.get("authors"):
        fields["authors"] = tuple(dict.fromkeys(authors))
    found.add(
        "guess",
        f"read as one digest of {len(headers)} item(s) with their headers"
        + ("" if len(series) <= 1 else ", from several series: no series of its own"),
        line,
    )


_ITEM_LINE = 200  # an item's byline is a short line


def _read_page_date(cursor: _Cursor, start: Start, fields: dict[str, object], found: _Findings) -> None:
    """With no date of its own, a copy takes the date of the e-mail, newsletter or scraped page
    around it (``Sent: Sunday, July 30, 2006``, ``MEMRI Daily: February 24, 2011``, ``date
    2018-12-26``), from the lines before its start."""
    for index in range(start.at):
        date = h.match_page_date(cursor.lines[index]) if cursor.lines[index] else None
        if date is not None:
            fields["date"] = date
            fields["_date_line"] = number = cursor.line_number(index)
            found.add("guess", f"no date of its own: the date of line {number} taken", number)
            return


def _say_header_guesses(header: h.Header, text: str, found: _Findings, line: int) -> None:
    """What the header line did not say in so many words."""
    if header.title:
        found.add("guess", f"the header line is the title, then its series {header.series!r}", line)
    if header.series and header.series.casefold() not in text.casefold():
        found.add(
            "guess",
            f"the header's series is read as {header.series!r} (another language's name, an old name or a misspelling)",
            line,
        )
    if not header.numbers:
        found.add("guess", "the header gives no number", line)


def _say_guesses(guesses: dict[str, object], fields: dict[str, object], found: _Findings, line: int) -> None:
    """One ``no-header`` warning that says where each fact came from, or that it is missing."""
    said = ["no header"]
    for key, word in (("title", "title"), ("date", "date"), ("authors", "byline"), ("series", "series and number")):
        if guesses[key] is not None:
            said.append(f"{word} taken from line {guesses[key]}")
        elif key in ("title", "date"):
            said.append(f"no {word} found")
    found.add("no-header", "; ".join(said), line)


def _read_sub_series(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> None:
    """A sub-series line under the header (``Islamist Websites Monitor No. 92``) is no second header."""
    header = h.match_header(cursor.peek())
    if header is not None and h.is_sub_series(header) and header.series != fields.get("series"):
        found.add(
            "sub-series",
            f"{cursor.peek()!r} names a series inside this dispatch; kept as a heading, not a second header",
            cursor.line_number(cursor.skip_blank()),
        )
        fields["_sub_series"] = cursor.peek()
        cursor.index += 1


def _read_title(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> bool:
    """The title: the first line that can be one, past contents lists; bylines on the way are read.
    True if a meta line stands where the title would."""
    _skip_contents(cursor, found)
    while (above := h.match_date_line(cursor.peek())) is not None and above.date is None:
        _apply_date_line(above, fields, found, cursor.line_number(cursor.skip_blank()))  # "Autor: ..." above the title
        cursor.index += 1
    line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
    if (topics := h.match_bare_topics(line, slashed=True)) is not None:
        _add_topics(topics, fields, found, number)  # "Lebanon/Syria" over the title: never the title
        found.add("guess", f"a line of topics separated by '/' read as topics, not the title: {line!r}", number)
        cursor.index += 1
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
    if (header := h.match_header(line)) is not None and _is_item_header(header, fields):
        found.add("guess", f"the header names several dispatches: line {number} heads the first item, no title", number)
        return False
    if _is_meta(line):
        return True
    wrapped = _wrapped_title(cursor)
    if wrapped:
        line = " ".join(cursor.lines[i] for i in wrapped)
        found.add("guess", f"a title wrapped over lines {number}-{cursor.line_number(wrapped[-1])} read as one", number)
    elif not looks_like_title(line):
        if line:
            fields.setdefault("_untitled_line", number)
        return False
    cursor.index = (wrapped or [cursor.skip_blank()])[-1] + 1
    byline = h.match_title_byline(line)
    fields["title"] = byline.title if byline else line
    if byline:
        if byline.line.date is not None and fields.pop("_date_above", False):
            fields["date"] = None  # the date over the title is a repost's; the title's byline dates the report
            found.add("guess", "the date over the title is the repost's; the title's byline dates the report", number)
        _apply_date_line(byline.line, fields, found, number)
    fields["_title_line"] = number
    return False


_WRAPPED_TITLE = 4  # lines a title may be wrapped over (an e-mail's hard-wrapped text, a title and its subtitle)


def _wrapped_title(cursor: _Cursor) -> list[int]:
    """The indices of a title wrapped over two or more lines with no blank line between them and
    one after them (``Editorials from the New Iraqi Press:`` / ``MEMRI Baghdad Dispatch (1)``);
    empty where the title is one line, or the lines run on into the body."""
    first = cursor.skip_blank()
    taken = [first]
    while (after := taken[-1] + 1) < len(cursor.lines) and cursor.lines[after] and len(taken) <= _WRAPPED_TITLE:
        line = cursor.lines[after]
        if len(line) > 120 or _is_meta(line) or is_chrome(line) or h.match_clip_line(line):
            return []
        taken.append(after)
    if len(taken) < 2 or len(taken) > _WRAPPED_TITLE or any(len(cursor.lines[i]) > 120 for i in taken):
        return []
    return taken if looks_like_title(" ".join(cursor.lines[i] for i in taken)) else []


_SITE_SUFFIX = re.compile(r"\s*(?:,|[-–—|])\s*MEMRI$")


def _read_title_above(cursor: _Cursor, start: Start, fields: dict[str, object], found: _Findings) -> None:
    """A repost's title over the header, the institute's name lines between them
    (``Title, MEMRI`` / ``MEMRI`` / header), when none stands under the header."""
    for index in range(start.at - 1, -1, -1):
        line = cursor.lines[index]
        if not line or is_chrome(line):
            continue
        title = _SITE_SUFFIX.sub("", line)
        alone = index == 0 or not cursor.lines[index - 1] or is_chrome(cursor.lines[index - 1])  # not a wrapped line
        if alone and looks_like_title(title) and not is_repost_line(title):
            fields["title"] = title
            number = cursor.line_number(index)
            found.add("guess", f"the title is line {number}, above the header", number)
        return


def _skip_contents(cursor: _Cursor, found: _Findings) -> None:
    """A contents word and the list under it: up to where its first entry stands again as the
    body's first heading (when only short entries stand between), or else the lines that stand
    again as headings further down (the copy may be cut before its later sections)."""
    if cursor.peek().casefold() not in layouts.CONTENTS_WORDS:
        return
    first, start = cursor.line_number(cursor.skip_blank()), cursor.skip_blank()
    cursor.index += 1
    entry = cursor.peek()
    again = next((i for i in range(cursor.skip_blank() + 1, len(cursor.lines)) if cursor.lines[i] == entry), None)
    between = cursor.lines[cursor.index : again or 0]
    if entry and again is not None and not any(len(line) > 100 or _is_meta(line) for line in between):
        cursor.index = again  # only entries stand between: not the title and meta block
    else:
        last = {line: index for index, line in enumerate(cursor.lines)}  # where each line stands last
        while cursor.peek() and last[cursor.peek()] > cursor.index:
            cursor.index += 1
    count = sum(1 for line in cursor.lines[start : cursor.index] if line)
    found.add("boilerplate", f"a table of contents ({count} line(s)) dropped", first)


def _read_clip_top(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> bool:
    found_header = clip_header(cursor.lines, cursor.skip_blank())
    if found_header is None:
        return False
    if found_header.chrome:
        found.add(
            "page-chrome",
            f"{len(found_header.chrome)} line(s) of web-page chrome in the clip's header dropped",
            cursor.line_number(found_header.chrome[0]),
        )
    clip = h.match_clip_line(cursor.lines[found_header.clip])
    assert clip is not None
    cursor.index = found_header.clip + 1
    channels = h.match_clip_source(cursor.peek()) or ()
    if channels:
        cursor.index = cursor.skip_blank() + 1
    date_at = found_header.date
    fields.update(
        series="MEMRI TV Clip",
        number=clip.number,
        date=h.parse_date(cursor.lines[date_at]) if date_at is not None else None,
        title=cursor.lines[found_header.title],
        clip=m.Clip(duration_seconds=clip.duration_seconds, channels=channels),
    )
    return True


def _is_meta(line: str) -> bool:
    return bool(_date_line(line) or h.match_topics_line(line) or h.match_header(line))


def _is_item_header(header: h.Header, fields: dict[str, object]) -> bool:
    """A header of one of the several dispatches the header named (an e-mail of two): an item's."""
    named = {fields.get("number"), *tuple(fields.get("extra_numbers", ()))} - {None}  # type: ignore[arg-type]
    return len(named) > 1 and bool(header.numbers) and set(header.numbers) < named


def _date_line(line: str) -> h.DateLine | None:
    """A meta date line; here, in the meta block, also a date in figures (``1/8/2006``)."""
    found = h.match_date_line(line)
    if found is None and (numeric := h.match_numeric_date(line)) is not None:
        return h.DateLine(date=numeric)
    return found


def _read_meta(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> bool:
    seen = dated = False
    for _ in range(4):
        adjacent = cursor.index < len(cursor.lines) and bool(cursor.lines[cursor.index])
        _skip_chrome(cursor, found)
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
        date_line = _date_line(line)
        header = h.match_header(line) if seen or fields else None
        if header is not None and (h.is_sub_series(header) or _is_item_header(header, fields)):
            header = None
        topics = h.match_topics_line(line) or header
        # a country line only on the line right under the date; a slashed list of topics anywhere here
        bare = None if date_line or topics else h.match_bare_topics(line, slashed=not (dated and adjacent))
        dated = False
        if date_line is not None:
            _apply_date_line(date_line, fields, found, number)
            dated = date_line.date is not None and not fields.get("topics")
        elif topics is not None:
            _check_header(topics, fields, found, number)
            _add_topics(topics.topics, fields, found, number)
        elif bare is not None:
            _add_topics(bare, fields, found, number)  # a country line under the date, or "Lebanon/Syria"
            found.add("guess", f"a line of topics without a series read as topics: {line!r}", number)
        else:
            break
        seen = True
        cursor.index += 1
    return seen


def _add_topics(topics: tuple[str, ...], fields: dict[str, object], found: _Findings, number: int) -> None:
    fields["topics"] = _dedupe_topics((*tuple(fields.get("topics", ())), *topics), found, number)  # type: ignore[arg-type]


_BYLINE_REACH = 4  # lines below a headerless copy's start where its byline may stand


def _read_byline_below(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> None:
    """A headerless copy's byline a few lines down (under a digest's intro): the authors; the line goes."""
    at, seen = cursor.index, 0
    while at < len(cursor.lines) and seen < _BYLINE_REACH:
        line = cursor.lines[at]
        if line:
            seen += 1
            byline = h.match_date_line(line)
            if byline is not None and byline.authors and byline.date is None:
                fields["authors"] = byline.authors
                fields["_authors_line"] = cursor.line_number(at)
                cursor.lines[at] = ""
                return
        at += 1


def _apply_date_line(line: h.DateLine, fields: dict[str, object], found: _Findings, number: int) -> None:
    current = fields.get("date")
    if current is None:
        fields["date"] = line.date
        fields["_date_line"] = number if line.date is not None else None
    elif line.date not in (None, current):
        found.add(
            "header-mismatch",
            f"the meta date {line.date} contradicts the header's {current}; the header's is kept",
            number,
        )
    if line.authors and not fields.get("authors"):
        fields["authors"] = line.authors
        fields["_authors_line"] = number
    if line.author_note:
        fields["_author_star"] = number


def _check_header(meta: h.Header, fields: dict[str, object], found: _Findings, number: int) -> None:
    for key, value in (("series", meta.series), ("number", meta.numbers[0] if meta.numbers else None)):
        if fields.get(key) is None:
            fields[key] = value
            fields[f"_{key}_line"] = number
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


class _TailFound(NamedTuple):
    """What the end of the text said: an institute's page tail, and whether the copy ends cleanly."""

    institute: bool  # "Share this Report:" and its siblings: the institute's own page
    ended: bool  # a page tail or repost tail closes the text: the copy is not cut off


def _tail(cursor: _Cursor, fields: dict[str, object], found: _Findings) -> tuple[list[str], list[int], _TailFound]:
    """The lines after the top part, without tail boilerplate, subscriber notices, promotions and
    repost tails. A link to the full report with text after it is a digest item's: kept."""
    lines: list[str] = []
    numbers: list[int] = []
    institute = ended = False
    last_text = _last_text_line(cursor)
    for index in range(cursor.index, len(cursor.lines)):
        line, number = cursor.lines[index], cursor.numbers[index]  # the two lists run in step
        match = _TAIL_LINE.fullmatch(line) if line[:1] in _TAIL_INITIALS else None
        if match is not None and match["url"] and index < last_text:
            match = None  # "To read the full report, visit <address>" with text after it: an item's link
        if match is None:
            if line and _notice(line, number, fields, found):
                continue
            lines.append(line)
            numbers.append(number)
            continue
        ended = True
        if match["tail"]:
            institute = institute or _INSTITUTE_TAIL.match(line) is not None
            dropped = sum(1 for text in cursor.lines[index:] if text)
            found.add("boilerplate", f"{dropped} line(s) of page tail from {line!r} on dropped", number)
            break
        if match["repost"] and match["url"]:
            fields["source_url"] = match["url"]
            found.add("boilerplate", "repost tail dropped; its address is kept as the source URL", number)
        else:
            found.add("boilerplate", f"repost tail {line!r} dropped", number)
    return lines, numbers, _TailFound(institute=institute, ended=ended)


def _last_text_line(cursor: _Cursor) -> int:
    """The index of the last line that is neither blank nor tail boilerplate."""
    for index in range(len(cursor.lines) - 1, cursor.index - 1, -1):
        line = cursor.lines[index]
        if line and not (line[:1] in _TAIL_INITIALS and _TAIL_LINE.fullmatch(line)):
            return index
    return -1


def _notice(line: str, number: int, fields: dict[str, object], found: _Findings) -> bool:
    """True if the line is a notice or promotion to drop; a subscriber notice, alone or inside a
    paragraph, marks the dispatch truncated."""
    # the common case: the line holds none of the words every notice and promotion holds (spelt
    # out: a generator over a tuple of them cost a tenth of the reader's time)
    if not (
        "ubscri" in line
        or "ember" in line
        or "MEMRI" in line
        or "Monitor" in line
        or "Full " in line
        or "copy of" in line
    ):
        return False
    notice = _subscriber_notice(line, number, fields, found)
    if notice is not None:
        return len(line) - len(notice[0]) <= 40  # the line is the notice: drop it
    if len(line) <= 300 and layouts.PROMO_LINES.fullmatch(line):
        found.add("boilerplate", f"promotion {line[:40]!r} dropped", number)
        return True
    return False


def _subscriber_notice(line: str, number: int, fields: dict[str, object], found: _Findings) -> re.Match[str] | None:
    """A notice that the full text is for subscribers or members: the dispatch is truncated."""
    lowered = line.lower()  # every subscriber notice says subscri..., member or copy, in any case
    cheap = "subscri" in lowered or "member" in lowered or "copy of this" in lowered
    notice = layouts.SUBSCRIBER_NOTICES.search(line) if cheap else None
    if notice is not None:
        if not fields.get("truncated"):
            found.add("truncated", f"the text says the full version is for subscribers only: {notice[0]!r}", number)
        fields["truncated"] = True
    return notice


def _read_body_and_notes(
    lines: list[str], numbers: list[int], tail: _TailFound, fields: dict[str, object], found: _Findings
) -> tuple[list[m.Block], list[m.Note], bool]:
    first, after = find_notes(lines, 0, len(lines))
    raw_notes = collect_notes(lines, numbers, first, after)
    paren = any(note.paren for note in raw_notes)
    reader = BlockReader(paren_refs=paren, transcript=fields.get("clip") is not None)
    if paren:
        found.add("paren-references", "notes are marked '(1)'; '(N)' in the body read as references", numbers[first])
    sub_series = fields.pop("_sub_series", None)
    body: list[m.Block] = [m.Heading(text=sub_series)] if isinstance(sub_series, str) else []
    places: list[int] = [numbers[0] if numbers else 0] * len(body)
    body += _read_blocks(split_units(lines[:first], numbers[:first]), reader, found, places)
    leftover = split_units(lines[after:], numbers[after:])
    for unit in leftover:
        found.add("unplaced-text", f"text after the notes kept at the end of the body: {unit.text[:40]!r}", unit.line)
    body += _read_blocks(leftover, reader, found, places)
    cut = not tail.ended and not raw_notes
    body, made = bare_captions(body, cut=cut)
    if cut and body and isinstance(last := body[-1], m.Heading) and _cut_sentence(last.text):
        body[-1] = m.Paragraph(content=(m.Text(text=last.text),))  # a sentence the copy cut, no heading
    for index in made:
        found.add("guess", "a short line in sentence case with no final stop read as an image's caption", places[index])
    notes = _read_notes(raw_notes, fields, found)
    _check_references(reader, notes, None if tail.ended else _cut_in_notes(notes, raw_notes), found)
    if not tail.ended:
        _check_cut_off(body, notes, numbers, found)
    return body, [note for note, _ in notes], bool(reader.refs)


def _cut_sentence(text: str) -> bool:
    """A last line in title case where the copy stops, long and ending in a word, not a number:
    a sentence full of names that the copy cut, not a heading."""
    return len(text.split()) >= 6 and text[-1].isalpha()


def _cut_in_notes(notes: list[tuple[m.Note, int]], raw_notes: list[RawNote]) -> int | None:
    """The last note's number if the copy stops in the notes list (no notes at all: 0; the last
    note cut mid-sentence: its number); None if the list looks whole."""
    if not raw_notes:
        return 0
    if notes and not raw_notes[-1].text.rstrip().endswith(_SENTENCE_ENDS):
        return max(note.number for note, _ in notes)
    return None


def _check_cut_off(body: list[m.Block], notes: list[tuple[m.Note, int]], numbers: list[int], found: _Findings) -> None:
    """A copy that stops mid-sentence (or mid-caption) is said to be cut off; nothing is invented."""
    if notes or not body or not numbers:
        return
    last = body[-1]
    text = m.plain_text(last.content) if isinstance(last, m.Paragraph | m.Quotation) else ""
    if len(text) >= 60 and not text.rstrip().endswith(_SENTENCE_ENDS):
        found.add("cut-off", f"the copy ends in the middle of a sentence: {text[-40:]!r}", numbers[-1])


_SENTENCE_ENDS = tuple('.!?"”’)…:')


def _read_blocks(units: list[Unit], reader: BlockReader, found: _Findings, places: list[int]) -> list[m.Block]:
    """The blocks of ``units``; each block's first line is appended to ``places``."""
    blocks: list[m.Block] = []
    previous = ""
    for unit in units:
        if "[email protected]" in unit.text:
            found.add(
                "email-hidden",
                "an e-mail address was hidden by the web page",
                *unit.locate(unit.text.index("[email protected]")),
            )
        if unit.text == previous and not is_figure_text(unit.text):
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
        places.append(unit.line)
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


def _check_references(
    reader: BlockReader, notes: list[tuple[m.Note, int]], cut_after: int | None, found: _Findings
) -> None:
    """Every reference against the notes; where the copy ends in (or before) the notes list, the
    references past its last note are one ``cut-off`` finding, not missing notes."""
    numbers = {note.number for note, _ in notes}
    referenced = {ref.number for ref in reader.refs}
    beyond = sorted({ref.number for ref in reader.refs if cut_after is not None and ref.number > cut_after})
    if beyond:
        where = f"after note {cut_after}" if cut_after else "before its notes list"
        found.add(
            "cut-off",
            f"the copy ends {where}; references {', '.join(f'[{n}]' for n in beyond)} have no note in it",
            next(ref.line for ref in reader.refs if ref.number == beyond[0]),
        )
    for ref in reader.refs:
        if ref.number not in numbers and ref.number not in beyond:
            found.add("missing-note", f"reference [{ref.number}] points to no note", ref.line, ref.column)
    for note, line in notes:
        if note.number not in referenced:
            found.add("unreferenced-note", f"note {note.number} is never referenced", line)


def read_document(text: str, *, source: str | None = None, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    """One dispatch, or a collection when the text holds several (an e-mail bundle), with the
    diagnostics of all of them: what every reader that ends in text returns."""
    results = parse_many(text, source=source, strict=strict)
    if len(results) == 1:
        return results[0]
    found = [item for _, diagnostics in results for item in diagnostics]
    message = f"the file holds {len(results)} dispatches; they are read as one collection"
    found.insert(0, diagnostic("several-dispatches", message, source=source, line=1))
    return m.Collection(dispatches=tuple(dispatch for dispatch, _ in results)), found
