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
from collections.abc import Callable, Iterator

import attrs

from .. import model as m
from ..diagnostics import NO_DISPATCH, Diagnostic, Severity, diagnostic
from ..errors import NotADispatchError, ParseError
from . import header as h
from . import layouts
from .blocks import (
    PICTURE_CAPTION,
    STRAIGHT,
    BlockReader,
    Unit,
    about_cartoons,
    agency_credit,
    alt_text_of,
    artist_credits,
    artist_named,
    artist_of,
    bare_captions,
    caption_of,
    caption_twice,
    credit_line,
    cut_caption,
    dated_cartoons,
    described_turns,
    echoes,
    every_word_capitalised,
    is_figure_text,
    lead_picture,
    names_picture,
    numbered_pictures,
    outletless_cartoons,
    picture_credit,
    picture_part,
    quoted_section_headings,
    sentence_case_headings,
    source_line,
    speaker_portraits,
    speaking_cartoons,
    split_units,
)
from .cursor import Cursor, Findings
from .evidence import Facts, count_teasers, is_prose, judge
from .notes import RawNote, collect_notes, find_notes, read_note
from .start import (
    INSTITUTE_NAME,
    date_above,
    digest_intro,
    find_start,
    in_header_list,
    join_broken_header,
    split_stamp,
    undecorate,
    unfold,
)
from .tail import TailFound, read_tail
from .top import read_digest_items, read_item_bylines, read_top, skip_to_start

__all__ = ["parse", "parse_many"]

_ODD_SPACE_CHARS = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_ODD_SPACES = re.compile(f"[{_ODD_SPACE_CHARS}]")
_SPACES = re.compile(r" {2,}")
_BINARY_CHARS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20)]))
_BINARY = re.compile(f"[{_BINARY_CHARS}]")


def _holds_any(text: str, characters: str) -> bool:
    """True if any of ``characters`` is in ``text``: a substring test per character runs several
    times faster than the regular expression's scan of a whole document."""
    return any(character in text for character in characters)


_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
# a page's inline or paragraph tag left in its copied text ("Orla :< /SPAN> Words", "<font size=2>"); a
# link's tag is not among them (its address would go with it)
_STRAY_TAG = re.compile(
    r"<\s?/?\s?(?:span|font|b|i|u|em|strong|p|div|sup|sub|small|center|o:p)(?:\s[^<>]{0,200})?/?>", re.IGNORECASE
)


# a line of a page's script left in its copied text, a statement calling a function with a function:
# "googletag.cmd.push(function() { ... });"
_SCRIPT_LINE = re.compile(r"[\w$]+(?:\.[\w$]+)+\(function\s?\(.{0,300}\);?")


_ESCAPED_REACH, _FEW_BREAKS = 2000, 3


def _clean_lines(text: str, found: Findings) -> list[str]:
    """Lines with BOM, CR line ends, odd spaces and surrounding white space taken care of."""
    if text.startswith("\ufeff"):
        text = text[1:]
        found.add("byte-order-mark", "byte-order mark at the start of the text dropped", 1, 1)
    # a copy kept as an escaped string: its line breaks are the two characters "\n" (asked only of a
    # text without a line break near its start: counting every text's cost more)
    if text.find("\n", 0, _ESCAPED_REACH) < 0 and (escaped := text.count("\\n")) >= _FEW_BREAKS:
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n")
        found.add("line-endings", f"{escaped} literal '\\n' sequences read as line breaks (lines counted so)", 1)
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
    if "<" in text and (breaks := [index for index, line in enumerate(lines) if _BREAK_TAG.search(line)]):
        for index in breaks:  # a page's line break left in its text as a tag: "Title:<BR>'Quote'"
            lines[index] = _BREAK_TAG.sub(" ", lines[index])
        found.add("guess", f"HTML line breaks ('<br>') on {len(breaks)} line(s) read as spaces", breaks[0] + 1)
    tags = [(index, tag[0]) for index, line in enumerate(lines) if "<" in line and (tag := _STRAY_TAG.search(line))]
    if tags:
        for index, _ in tags:
            lines[index] = _STRAY_TAG.sub(" ", lines[index])
        first, shown = tags[0]
        found.add("guess", f"HTML tags left in the text ({shown!r}) on {len(tags)} line(s) dropped", first + 1)
    lines = [line.strip() for line in lines]
    if "(function" in text:  # (one search of the text: asking every line cost a hundredth of the parse)
        for index in [i for i, line in enumerate(lines) if _SCRIPT_LINE.fullmatch(line)]:
            found.add("boilerplate", f"a line of the page's script dropped: {lines[index][:40]!r}", index + 1)
            lines[index] = ""
    if "  " in text or odd or "<" in text:
        lines = [_SPACES.sub(" ", line) for line in lines]
    if odd:
        found.add("odd-whitespace", f"non-breaking or odd spaces on {len(odd)} line(s) read as spaces", odd[0] + 1)
    return lines


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
    found = Findings(source)
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
    dispatch, not a dispatch); a header in a list of reports (another header among its
    neighbours) is a report the text cites, and never splits it, nor does an undated item header
    in a digest (under ``Special Announcements No. 225``). Each part is parsed with
    :func:`parse`, with line numbers counted from the start of the whole file.
    """
    lines = text.split("\n")
    if digest_intro(lines) is not None:
        return [parse(text, source=source, strict=strict)]  # one digest of several items
    starts = [0]
    named: tuple[int, ...] | None = None  # the numbers the part's own header names, once asked
    for index in range(1, len(lines)):
        if (
            not lines[index - 1].strip()
            and index - starts[-1] > 3
            and _starts_dispatch(lines, index)
            and any(_starts_dispatch(lines, before) for before in range(starts[-1], index))
        ):
            if named is None:
                named = _bundled_numbers(lines[starts[-1] : index])
            # an item the bundle's header names, or any undated item of a digest, splits nothing
            if not _named_item(lines[index], named) and not _digest_item(lines[starts[-1] : index], lines[index]):
                starts.append(index)
                named = None
    bounds = zip(starts, [*starts[1:], len(lines)], strict=True)
    return [parse("\n".join(lines[a:b]), source=source, strict=strict, line_offset=a) for a, b in bounds]


def _bundled_numbers(lines: list[str]) -> tuple[int, ...]:
    """The numbers of a bundle's own header, the first header of its part, where it names several
    (``Inquiry & Analysis/Special Dispatch | No. 526/2410 | June 18, 2009``)."""
    headers = (h.match_header(line.strip()) for line in lines)
    first = next((found for found in headers if found is not None and found.numbers), None)
    return first.numbers if first is not None and len(first.numbers) > 1 else ()


def _digest_item(part: list[str], line: str) -> bool:
    """Is the line an undated item header (``Special Dispatch No. 5222``) in a part whose own
    header is a digest's (``March 7, 2013 Special Announcements No. 225``)?"""
    header = h.match_header(line.strip())
    if header is None or header.date is not None:
        return False
    first = next((found for found in map(h.match_header, (text.strip() for text in part)) if found), None)
    return first is not None and first.series in layouts.DIGEST_SERIES


def _named_item(line: str, named: tuple[int, ...]) -> bool:
    """Is the line an item's undated header (``*Special Dispatch No. 2410—Coast``) whose number
    ``named`` holds? A dated header is a whole dispatch's, though the bundle named it."""
    header = h.match_header(line.strip())
    return header is not None and header.date is None and len(header.numbers) == 1 and header.numbers[0] in named


def _starts_dispatch(lines: list[str], index: int) -> bool:
    """A header that opens a further dispatch of a bundle. A sub-series line
    (``Islamist Websites Monitor No. 92``) or a digest's item header (``MEMRI TV Clip No. 3859``)
    never is."""
    line = lines[index].strip()
    header = h.match_header(line)
    if header is not None:
        if h.is_sub_series(header) or in_header_list(lines, index):
            return False
        return header.date is not None or header.topics != () or "|" in line or bool(header.series)
    if h.is_date_only(line):
        following = [text.strip() for text in lines[index + 1 : index + 6] if text.strip()]
        return any(h.match_clip_line(text) for text in following[:3])
    return False


def _read(text: str, found: Findings, line_offset: int) -> m.Dispatch:
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
    cursor = Cursor(lines, numbers)
    if cursor.skip_blank() == len(cursor.lines):
        found.add("empty-input", "the input holds no text", line_offset + 1)
        return m.Dispatch()
    start = find_start(cursor.lines)
    found_header = h.match_header(cursor.lines[start.at]) if start.kind == "header" else None
    # a header broken over lines is looked for only where no whole header was found, or its date
    # stands alone on the line above it
    if (
        found_header is None
        or not (found_header.numbers or found_header.date)
        or (found_header.date is None and date_above(cursor.lines, start.at) is not None)
    ):
        cursor.lines, joined = join_broken_header(cursor.lines)
        if joined:
            first, last = numbers[joined[0]], numbers[joined[-1]]
            header = next(cursor.lines[j] for j in joined if cursor.lines[j])
            found.add("guess", f"a header broken over lines {first}-{last} read as one: {header!r}", first)
            start = find_start(cursor.lines)
    fields: dict[str, object] = {}
    skip_to_start(cursor, start, fields, found)
    read_top(cursor, start, fields, found)
    lines, numbers, tail = read_tail(cursor, fields, found)
    digest = start.kind == "digest" or fields.get("series") in layouts.DIGEST_SERIES
    mid_line = not text.endswith("\n")  # the copy stops inside its last line
    body, notes, refs_found = _read_body_and_notes(
        lines, numbers, tail, fields, found, digest=digest, mid_line=mid_line
    )
    title = fields.get("title")
    if not body and isinstance(title, str) and len(title) > _TITLE_ALONE and is_prose(title):
        # a copy of one long line and nothing under it: that line is the text, not its title
        body, fields["title"] = [m.Paragraph(content=(m.Text(text=title),))], ""
        found.add(
            "guess",
            "the title taken from the text's only line is read as its text: no title stands over nothing",
            line_offset + 1,
        )
    if start.kind == "digest":
        read_digest_items(body, fields, found, cursor.line_number(start.at))
    elif digest:  # a digest with its header: "Special Announcements No. 684"
        read_item_bylines(body, fields)
    facts = Facts(
        start=start,
        truncated=bool(fields.get("truncated")),
        has_notes=bool(notes or refs_found),
        institute_tail=tail.institute,
        repost_tail=bool(fields.pop("_credited", False)) or tail.credited,  # (popped whatever the tail said)
        series_cited=bool(fields.pop("_series_cited", False)),
        series_named=fields.get("series") is not None,
        numbered=fields.get("number") is not None,
        teasers=count_teasers(body) if "[…]" in text or "[...]" in text else 0,
    )
    judge(facts, body, found, cursor.line_number(start.at))
    if fields.get("series") == "MEMRI TV Clip" and fields.get("clip") is None and not _NAMES_TV.search(text):
        fields["series"] = None  # "Clip No. 148": a page naming no series; its number stays
    # the readers' own notes to each other ("_series_line", a line number) are no field of the model,
    # whichever path left them
    facts_of = {key: value for key, value in fields.items() if not key.startswith("_")}
    return m.Dispatch(body=tuple(body), notes=tuple(notes), **facts_of)  # type: ignore[arg-type]


_TITLE_ALONE = 200  # characters past which a line alone, and prose, is a paragraph rather than a title

# the institute's TV project named ("MEMRI TV Clip No. 3859", "memritv.org", an address on memri.org/tv): a
# bare "Clip No. 148", "MEMRI Clip #4103" or "Клип №7376" names no series
_NAMES_TV = re.compile(r"MEMRI ?TV|TV[ -]Clip|memri\.org/tv|МЕМРИ ?ТВ", re.IGNORECASE)


def _read_body_and_notes(
    lines: list[str],
    numbers: list[int],
    tail: TailFound,
    fields: dict[str, object],
    found: Findings,
    *,
    digest: bool,
    mid_line: bool,
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
    for text, line in fields.pop("_above", ()):  # type: ignore[attr-defined]
        block = text if isinstance(text, m.Figure) else reader.block(Unit(text=text, starts=(0,), lines=(line,)))
        if isinstance(block, m.Figure):
            body.append(block)
            places.append(line)
            found.add("guess", "an image above the dispatch's start kept as its first figure", line)
    lead = fields.pop("_lead_caption", None)
    if isinstance(lead, tuple):  # the lead picture's caption, taken from over the date line
        body.append(m.Figure(caption=lead[0]))
        places.append(lead[1])
    above = len(body)
    body += _read_blocks(split_units(lines[:first], numbers[:first]), reader, found, places, digest=digest)
    # the image above the start over its caption, the text's first line: one picture
    adjacent = 0 < above < len(body) and places[above] == places[above - 1] + 1
    if adjacent and (captioned := _under_image(body[above - 1], body[above])) is not None:
        body[above - 1 : above + 1], places[above - 1 : above + 1] = [captioned], [places[above - 1]]
    leftover = split_units(lines[after:], numbers[after:])
    for unit in leftover:
        found.add("unplaced-text", f"text after the notes kept at the end of the body: {unit.text[:40]!r}", unit.line)
    body += _read_blocks(leftover, reader, found, places, digest=digest)
    cut = not tail.ended and not raw_notes
    body, made = bare_captions(body, cut=cut, standfirst=bool(fields.pop("_standfirst", False)))
    del places[len(body) :]  # a cut caption and the start of its credit at the end made one figure
    for index in made:
        found.add("guess", "a short line in sentence case with no final stop read as an image's caption", places[index])
    if cut and body and isinstance(body[-1], m.Heading) and _cut_sentence(body[-1].text, mid_line=mid_line):
        body[-1] = m.Paragraph(content=(m.Text(text=body[-1].text),))  # "In a May 14, 2019 article in the E"
        found.add("guess", "the line the copy stops on read as a sentence it cut, not a heading", places[-1])
    # the blocks read again beside their neighbours, in this order; each block made another is said
    rereads: list[tuple[Callable[[list[m.Block]], tuple[list[m.Block], list[int]]], str]] = [
        (sentence_case_headings, "a short line in sentence case over its section read as a heading"),
        (numbered_pictures, "a numbered picture's label opening the line read as the picture's caption"),
        (speaker_portraits, "a speaker's name alone over a speaker's turn read as the speaker's picture"),
        (lead_picture, "a name alone, or a few words in lower case, over the first paragraph read as the lead picture"),
        # (a transcript's turns are read as turns already)
        *([] if reader.transcript else [(described_turns, _DESCRIBED_TURN)]),
        (quoted_section_headings, "a line wholly in quotes whose words its section says read as a heading"),
    ]
    for reread, said in rereads:
        body, made = reread(body)
        for index in made:
            found.add("guess", said, places[index])
    _reports_own_title(body, places, fields, found)
    if about_cartoons(str(fields.get("title") or ""), body):
        body, made = artist_credits(body)
        for index in made:
            found.add("guess", "a line ending in an artist and country read as a cartoon's credit", places[index])
        body, made = dated_cartoons(body)
        for index in made:
            found.add("guess", "a line ending in a dated credit in brackets read as a cartoon", places[index])
        body, places, made = speaking_cartoons(body, places)
        for index in made:
            found.add(
                "guess",
                "a caption in which a figure speaks, over an outlet and a date, read as a cartoon",
                places[index],
            )
        body, made = outletless_cartoons(body)
        for index in made:
            found.add(
                "guess", "a line ending in a date after a comma read as a cartoon, its outlet lost", places[index]
            )
        caption = cut_caption(body) if cut else None
        if caption is not None:  # "Uncle Sam s" under two cartoons
            figure, taken = caption
            first = places[-taken]
            del body[-taken:], places[-taken:]
            body.append(figure)
            places.append(first)
            found.add("guess", "the lines the copy stops on read as the next cartoon, its caption or credit cut", first)
    notes = _read_notes(raw_notes, fields, found)
    if not fields.get("authors"):
        _author_from_bio(body, places, raw_notes, fields, found)
    _check_references(reader, notes, None if tail.ended else _cut_in_notes(notes, raw_notes), found)
    if not tail.ended:
        _check_cut_off(body, notes, numbers, found)
    return body, [note for note, _ in notes], bool(reader.refs)


_DESCRIBED_TURN = "a line naming its speaker after who it is, beside a speaker's turn, read as a turn"


def _reports_own_title(body: list[m.Block], places: list[int], fields: dict[str, object], found: Findings) -> None:
    """A blog's headline over its own words, then a line naming the institute (``MEMRI
    Transcript``), the report's headline and its translation's opening: the report's headline is
    the title; the blog's stays, the body's first heading."""
    title = fields.get("title")
    if fields.get("series") is not None or not isinstance(title, str) or not title:
        return
    for index in range(2, min(len(body) - 1, _OWN_TITLE_REACH)):
        credit, headline, opening = body[index - 1 : index + 2]
        if not (isinstance(headline, m.Heading) and isinstance(opening, m.TranslationBoundary)):
            continue
        named = credit.text if isinstance(credit, m.Heading) else ""
        named = m.plain_text(credit.content) if isinstance(credit, m.Paragraph) else named
        bloggers = body[: index - 1]
        if (
            _NAMES_INSTITUTE_ALONE.fullmatch(named)
            and any(isinstance(block, m.Paragraph) for block in bloggers)
            and all(isinstance(block, _BLOGGERS_BLOCKS) for block in bloggers)
        ):
            fields["title"], line = headline.text, places[index]
            body[index : index + 1], places[index : index + 1] = [], []
            body.insert(0, m.Heading(text=title))
            places.insert(0, places[0])
            found.add(
                "guess",
                f"the report's own headline under the line naming the institute is the title; the blog's, {title!r}, "
                "heads the body",
                line,
            )
            return


_OWN_TITLE_REACH = 12  # blocks of a blogger's words before the institute's text
_BLOGGERS_BLOCKS = (m.Paragraph, m.Quotation, m.EditorNote, m.Figure, m.MediaPointer)
# a blog's line handing over to the institute's text, its words alone: "MEMRI Transcript", "From MEMRI:"
_NAMES_INSTITUTE_ALONE = re.compile(
    rf"(?:(?:From|Via|Source|Translation|Courtesy of) ?:? )?(?:the )?{INSTITUTE_NAME}(?: TV)?"
    r"(?: (?:Transcript|Translation|Report|Clip|Video|Excerpts))?:?",
    re.IGNORECASE,
)


def _author_from_bio(
    body: list[m.Block], places: list[int], raw_notes: list[RawNote], fields: dict[str, object], found: Findings
) -> None:
    """With no byline, the author an author's note, or a bio line opening or closing the text,
    names with their office at the institute (``Orlo Tamsin is Director of MEMRI.``)."""
    candidates = [(note.text.strip(), note.line, True) for note in raw_notes if note.marker == "*"]
    for index in (0, -1) if body else ():
        block = body[index]
        if isinstance(block, m.Paragraph):
            candidates.append((m.plain_text(block.content), places[index], False))
    for text, line, note in candidates:
        name = h.author_of_bio(text, note=note)
        if name is not None:
            fields["authors"] = (name,)
            found.add("guess", f"no byline: the author taken from the line saying who {name} is", line)
            return


def _cut_in_notes(notes: list[tuple[m.Note, int]], raw_notes: list[RawNote]) -> int | None:
    """The last note's number if the copy stops in the notes list (no notes at all: 0; the last
    note cut mid-sentence: its number); None if the list looks whole."""
    if not raw_notes:
        return 0
    if notes and not raw_notes[-1].text.rstrip().endswith(_SENTENCE_ENDS):
        return max(note.number for note, _ in notes)
    return None


def _check_cut_off(body: list[m.Block], notes: list[tuple[m.Note, int]], numbers: list[int], found: Findings) -> None:
    """A copy that stops mid-sentence (or mid-caption) is said to be cut off; nothing is invented."""
    if notes or not body or not numbers:
        return
    last = body[-1]
    text = m.plain_text(last.content) if isinstance(last, m.Paragraph) else ""  # (a quotation's mark closes it)
    if len(text) >= 60 and not text.rstrip().endswith(_SENTENCE_ENDS):
        found.add("cut-off", f"the copy ends in the middle of a sentence: {text[-40:]!r}", numbers[-1])


def _chant(text: str) -> bool:
    """A short cry (``Death to the guild!``): a crowd's chant says it again, and again; a copy's
    paragraph printed twice is no cry."""
    return len(text) <= _CHANT and text.endswith("!")


_CHANT = 120

_SENTENCE_ENDS = tuple('.!?"”’“)…:»')  # '“' closes a German quotation


def _read_blocks(
    units: list[Unit], reader: BlockReader, found: Findings, places: list[int], *, digest: bool
) -> list[m.Block]:
    """The blocks of ``units``; each block's first line is appended to ``places``. In a text that
    is not a ``digest``, speakers under a boundary that says its clip aired may be named after who
    they are."""
    blocks: list[m.Block] = []
    previous = ""
    echoed = 0  # the line of a picture's caption printed again under it
    for index, unit in enumerate(units):
        if unit.text[:1] in _IMAGE_LABEL_INITIALS and (glued := _IMAGE_LABEL.match(unit.text)) is not None:
            # "Picture 7Last Wednesday ...": an image's label left alone or run into the paragraph under it
            blocks.append(m.Figure(caption=glued[1]))
            places.append(unit.line)
            found.add("guess", f"an image's label read as its picture: {glued[1]!r}", unit.line)
            if glued.end() == len(unit.text):
                continue
            unit = Unit(
                text=unit.text[glued.end() :],
                starts=tuple(max(0, start - glued.end()) for start in unit.starts),
                lines=unit.lines,
            )
        if "[email protected]" in unit.text:
            found.add(
                "email-hidden",
                "an e-mail address was hidden by the web page",
                *unit.locate(unit.text.index("[email protected]")),
            )
        # right under the line above it (no blank between), or over one blank line
        gap = unit.line - units[index - 1].lines[-1] if index > 0 else 0
        under = gap == 1
        last = blocks[-1] if blocks else None
        if (
            last is not None
            and (under or (gap == 2 and _credited(last)))  # a credited caption printed again over a blank line too
            and _same_line(unit.text, previous)  # (after the cheap tests: curled quotes are compared straightened)
            and (_credited(last) or caption_twice(unit.text))
        ):
            # a picture's alt text over its caption, the same words: one figure
            shown = last if isinstance(last, m.Figure) else m.Figure(caption=unit.text)
            blocks[-1] = attrs.evolve(shown, alt_text=shown.caption or None)  # a credit alone again: no alt text
            found.add(
                "guess", "a line printed again right under itself read as a picture's alt text and caption", unit.line
            )
            continue
        if under and isinstance(last, m.Figure) and last.caption and unit.text == last.caption:
            found.add("guess", "a picture's caption printed again under it: one picture", unit.line)
            echoed = unit.line
            continue
        if unit.text == previous and not is_figure_text(unit.text) and not _chant(unit.text):
            found.add("duplicate-paragraph", "paragraph repeats the one before it; dropped", unit.line)
            continue
        previous = unit.text
        # a credit under its caption: "Outlet (Country), Date", or "Source: Outlet, Date."
        source = source_line(unit.text)
        if source is not None and not source.rstrip(".")[-4:].isdigit() and not _picture_above(last):
            source = None  # an undated "Source: Outlet (Country)" credits a cartoon, not a news item
        credit = source if source is not None else unit.text if credit_line(unit.text) else None
        artist = artist_of(last) if credit is not None and last is not None else None
        if credit and artist is not None:  # caption / "Cartoonist: Name" / credit
            blocks.pop()
            _add_artists_figure(blocks, places, artist, credit, places.pop())
            continue
        if credit is not None and isinstance(last, m.Heading) and _heads_captioned_section(last, blocks):
            blocks.append(m.Figure(credit=credit))  # a cartoon without its caption under the section's heading
            places.append(unit.line)
            continue
        if credit is not None and isinstance(last, m.Heading | m.Paragraph) and _caption_like(last, source is not None):
            blocks.pop()
            caption, line = _gathered_caption(blocks, places, _caption_text(last), places.pop())
            blocks.append(m.Figure(caption=caption, credit=credit))
            places.append(line)
            continue
        if source is not None and isinstance(last, m.SpeakerTurn):
            caption = f"{last.speaker}: {m.plain_text(last.content)}"  # "Caricatura No. 1: La bomba ..."
            blocks[-1] = m.Figure(caption=caption, credit=source)
            continue
        credited = picture_credit(unit.text, last) if isinstance(last, m.Heading) else None
        if credited is not None:
            blocks.append(credited)
            places.append(unit.line)
            continue
        figure = _credited_picture(blocks, unit.text) if isinstance(last, m.Figure) else None
        if figure is not None:  # "Cartoon Of The Week" / "Orla Tamsin, Date" / its caption
            blocks[-1] = attrs.evolve(figure, caption=unit.text)
            continue
        # the line right under a cartoon's credit: its artist (an artist over a blank line is the
        # next one's), or the caption under a credit standing alone ("Photo Credit: ..." / caption)
        if under and isinstance(last, m.Figure) and not last.credit and agency_credit(unit.text):
            blocks[-1] = attrs.evolve(last, credit=unit.text)  # "Flash 90" under the picture's caption
            continue
        if under and isinstance(last, m.Figure) and last.credit and (artist := artist_named(unit.text)) is not None:
            blocks[-1] = attrs.evolve(last, credit=f"{artist}, {last.credit}")
            continue
        if under and isinstance(last, m.Figure) and _blank_after(units, index) and _caption_under_credit(last, unit):
            blocks[-1] = attrs.evolve(last, caption=unit.text)
            continue
        block = reader.block(unit)
        if echoed == unit.line - 1 and isinstance(block, m.Figure) and _credit_again(block, last):
            found.add("guess", "a picture's credit printed again under it: one picture", unit.line)
            continue
        if isinstance(block, m.Figure) and block.credit and (artist := artist_named(block.caption)) is not None:
            _add_artists_figure(blocks, places, artist, block.credit, unit.line)  # the artist's line ran onto it
            continue
        if source is not None and isinstance(block, m.Heading):
            block = m.Paragraph(content=reader.inline(unit))  # "Source: Outlet, Date" under the text it sources
        if isinstance(block, m.Heading) and isinstance(last, m.SpeakerTurn) and echoes(block.text, last):
            block = m.Paragraph(content=reader.inline(unit))  # a chant sung on: 'Crowd: "Long live the port"', again
        captioned = _under_image(last, block) if places and places[-1] + 1 == unit.line else None
        if captioned is not None:
            blocks[-1] = captioned
            continue
        if under and isinstance(block, m.Figure) and (alt_text := alt_text_of(last, block)) is not None:
            blocks[-1] = attrs.evolve(block, alt_text=alt_text)  # the picture's alt text over its caption
            continue
        if isinstance(block, m.Figure) and block.credit_missing:
            found.add(
                "credit-lost",
                f"image credit lost in scraping ({unit.text[unit.text.rindex('(') :]!r}); recorded as missing",
                unit.line,
                unit.text.rindex("(") + 1,
            )
        if not digest and isinstance(block, m.TranslationBoundary) and _says_aired(unit.text, last):
            reader.described = True  # a clip page that lost its header: "Following are excerpts ..., which aired on"
        blocks.append(block)
        places.append(unit.line)
    return blocks


# an image's label left by the copy, alone on its line or run into the capitalised word that opens
# the paragraph under it: "pic 1(161)", "Picture 7Last ...", "image_350In ...", "13(34)The ..."
_IMAGE_LABEL_INITIALS = frozenset("iIPp0123456789")
_IMAGE_LABEL = re.compile(r"((?:[Ii]mage_?|Picture ?|pic ?)\d{1,5}(?:\(\d{1,4}\))?|\d{1,3}\(\d{1,4}\))(?=[A-Z«\"“]|$)")


def _same_line(line: str, above: str) -> bool:
    """Is ``line`` the line above it again, perhaps with its quotation marks curled or straightened,
    or its straight quotes printed as a French page's guillemets (a picture's alt text and its
    caption: ``Sous "Roi"`` / ``Sous « Roi »``)?"""
    if line == above or (len(line) == len(above) and line.translate(STRAIGHT) == above.translate(STRAIGHT)):
        return True
    return (
        0 < abs(len(line) - len(above)) <= _GUILLEMET_SPACES
        and ("«" in line) != ("«" in above)
        and _GUILLEMETS.sub('"', line) == _GUILLEMETS.sub('"', above)
    )


_GUILLEMETS = re.compile(r"«\s?|\s?»")
_GUILLEMET_SPACES = 12  # the spaces a French page puts inside its guillemets


def _credited(block: m.Block) -> bool:
    """A figure with its caption and credit: printed again right under itself, it is the same
    picture's alt text and caption, however long its caption."""
    return isinstance(block, m.Figure) and bool(block.caption and block.credit)


def _credit_again(figure: m.Figure, above: m.Block | None) -> bool:
    """Is ``figure`` only the credit of the picture above it, printed again under its caption
    printed again (a news site prints ``Caption (photo credit: Agency)``, the caption, then
    ``(photo credit: Agency)``)?"""
    return (
        isinstance(above, m.Figure)
        and not (figure.caption or figure.image or figure.alt_text)
        and figure.credit == above.credit
    )


def _add_artists_figure(blocks: list[m.Block], places: list[int], artist: str, credit: str, line: int) -> None:
    """A cartoon's caption, the line naming its artist (``Cartoonist: Orlo Sample``) and its credit
    made one figure, the artist first in its credit; the caption is the block above the artist's
    line (``line``), if it can be one: not a line introducing the cartoons, nor a heading over a
    blank line (a group's), unless it is wholly in quotes (the cartoon's title, ``"The Tide's Logic"``)."""
    above = blocks[-1] if blocks else None
    grouping = isinstance(above, m.Heading) and places[-1] != line - 1 and not _QUOTED_TITLE.fullmatch(above.text)
    if isinstance(above, m.Figure) or grouping:
        above = None
    caption = caption_of(above) if above is not None else None
    if caption is not None:
        blocks.pop()
        caption, line = _gathered_caption(blocks, places, caption, places.pop())
        title = _cartoon_title(blocks[-1]) if blocks and places[-1] >= line - 2 else None
        if title is not None:  # '"Early warning"' / 'On bird: "Storm"' / "Cartoonist: ..." / credit
            blocks.pop()
            caption, line = f"{title} {caption}", places.pop()
    blocks.append(m.Figure(caption=caption or "", credit=f"{artist}, {credit}"))
    places.append(line)


_QUOTED_TITLE = re.compile(r"[\"“][^\"“”]+[\"”]")
_CARTOON_TITLE = 120  # characters of a cartoon's title in quotes over its caption


def _cartoon_title(block: m.Block) -> str | None:
    """A cartoon's title in quotes, over its caption: a heading or a quotation of one short line."""
    if isinstance(block, m.Heading) and _QUOTED_TITLE.fullmatch(block.text):
        text = block.text
    elif isinstance(block, m.Quotation) and all(isinstance(item, m.Text) for item in block.content):
        text = f'"{m.plain_text(block.content)}"'
    else:
        return None
    return text if len(text) <= _CARTOON_TITLE else None


def _gathered_caption(blocks: list[m.Block], places: list[int], caption: str, line: int) -> tuple[str, int]:
    """A cartoon's caption (on ``line``) with the parts of the picture named on the lines right
    above it (``On the bear: «Putin»`` / ``On the hedgehog: «Vellonia»``; over a blank line too where
    the part names its place, ``Top: "Green Harbour"``), those blocks taken off ``blocks``; and the
    caption's first line."""
    parts = [caption]
    while blocks and places[-1] >= line - 2 and (part := picture_part(blocks[-1])) is not None:
        if places[-1] == line - 2 and not _placed(part):
            break  # over a blank line, only a part a place names ('Top: "Green Harbour"' / blank / 'Bottom: ...')
        parts.insert(0, part)
        blocks.pop()
        line = places.pop()
    return " ".join(parts), line


def _placed(part: str) -> bool:
    """Does a picture's part name where it stands (``Top:``, ``On top:``, ``On the left:``)?"""
    label = part.partition(":")[0].casefold()
    return label in layouts.PICTURE_PLACINGS or label.startswith("on ")


def _credited_picture(blocks: list[m.Block], text: str) -> m.Figure | None:
    """The picture known by its credit alone, under a heading naming a picture, whose caption
    ``text`` is; None where the blocks end otherwise."""
    if len(blocks) < 2 or len(text) > PICTURE_CAPTION or "[" in text:
        return None
    figure, heading = blocks[-1], blocks[-2]
    if not isinstance(figure, m.Figure) or figure.caption or figure.image or figure.alt_text:
        return None
    return figure if picture_credit(f"{figure.credit}", heading) is not None else None


def _blank_after(units: list[Unit], index: int) -> bool:
    """Does a blank line, or the text's end, follow the unit?"""
    return index + 1 == len(units) or units[index + 1].lines[0] > units[index].lines[-1] + 1


def _cut_sentence(heading: str, *, mid_line: bool) -> bool:
    """Is a heading the copy stops on a sentence it cut: not every word capitalised, or, where the
    copy stops inside its last line, one word that heads nothing (``Sheik``; not ``Introduction``)
    or a sentence's first words, opening on a small word (``On Octobe``); or a sentence opening on
    its date (``On March 3, 2014, The Gu``, ``Separately, in Sana'a on October 22, 2023, Ho``)?"""
    if not mid_line and heading[0] in _HEADING_OPENERS and heading[-1] in _HEADING_CLOSERS:
        return False  # a heading wholly in quotes, its line ended: the copy stops after it, not in it
    words = heading.split()
    one_word = len(words) == 1 and heading.casefold() not in layouts.NOT_TITLES
    small = words[0].lower() in layouts.SMALL_WORDS
    # a sentence however the copy ends, opening on a small word or an adverb and its comma
    dated = (small or words[0].endswith(",")) and _DATED_CLAUSE.search(heading) is not None
    opening = small and len(words) <= _CUT_OPENING
    return (mid_line and (one_word or opening)) or dated or not every_word_capitalised(heading)


_HEADING_OPENERS, _HEADING_CLOSERS = '"“„«', '"”»'
_CUT_OPENING = 3  # words of a sentence's start where the copy stops: a heading opening on "In" runs longer
_DATED_CLAUSE = re.compile(r"\b\d{4}, ")  # a sentence's opening date: "On March 3, 2014, the guild ..."


def _caption_under_credit(figure: m.Figure, unit: Unit) -> bool:
    """Is a line right under a picture known only by its credit, and over a blank line, its
    caption: one short line, not itself a picture's line (a second picture's ``(Source: ...)``)
    nor in title case (a heading)? In a copy of one line a paragraph, the line under a credit is
    the text's."""
    alone = bool(figure.credit) and not (figure.caption or figure.image or figure.alt_text)
    text = unit.text
    return (
        alone
        and len(unit.lines) == 1
        and len(text) <= PICTURE_CAPTION
        and not is_figure_text(text)
        and not every_word_capitalised(text)
    )


def _picture_above(block: m.Block | None) -> bool:
    """Is the block a picture's caption by its words (``Cartoon No. 2: ...``)?"""
    if isinstance(block, m.SpeakerTurn):
        return names_picture(block.speaker)
    return isinstance(block, m.Heading | m.Paragraph) and names_picture(_caption_text(block))


def _says_aired(boundary: str, above: m.Block | None) -> bool:
    """Does a boundary, or the paragraph over it, say its clip aired (``..., which aired on``)?"""
    return _aired(boundary) or (isinstance(above, m.Paragraph) and _aired(m.plain_text(above.content)))


def _aired(text: str) -> bool:
    if "TV" in text and _ON_TV.search(text) is not None:
        return True  # "The following is text from the discussion on Vellonian TV"
    return any(word in text for word in layouts.AIRED_WORDS) and layouts.AIRED.search(text) is not None


# a programme on television named without a word for airing it, or the institute's clip of one
_ON_TV = re.compile(
    r"\b(?:discussion|program|programme|show|interview|debate|talk show)\b[^.:]{0,40}\bon (?:[\w'’-]+ ){0,3}TV\b"
    r"|\bMEMRI TV\b"  # a clip of the institute's TV project, in any language: "tekst klipu MEMRI TV"
)


def _under_image(last: m.Block | None, block: m.Block) -> m.Figure | None:
    """An image known only by its file name (``3301.jpg``) with ``block``, on the line under it, as
    its caption, if ``block`` is a figure line or a short line that ends no sentence and opens
    nothing (a name, a noun phrase; not ``He added:``, nor a section's heading in title case of
    four words or more)."""
    if not isinstance(last, m.Figure) or last.image is None or last.caption or last.credit or last.alt_text:
        return None
    if isinstance(block, m.Figure):
        return attrs.evolve(block, image=last.image) if block.image is None else None
    text = ""
    if isinstance(block, m.Heading) and (len(block.text.split()) < 4 or not every_word_capitalised(block.text)):
        text = block.text
    if isinstance(block, m.Paragraph) and all(isinstance(item, m.Text) for item in block.content):
        text = m.plain_text(block.content)
    if 0 < len(text) <= 150 and not text.rstrip('"”’').endswith((".", "!", "?", "…", ":")):
        return attrs.evolve(last, caption=text)
    return None


def _caption_like(block: m.Heading | m.Paragraph, sourced: bool) -> bool:
    """Can the block be the caption over a credit line? Over a ``Source:`` line, a sentence of more
    than ten words is the text the line gives the source of (a digest's item), and a line without
    words (a clip's number, ``#9021 |``) is none: not captions."""
    if isinstance(block, m.Heading):
        return True
    text = m.plain_text(block.content)
    if sourced and ((text.endswith(".") and len(text.split()) > _CAPTION_WORDS) or not any(map(str.isalpha, text))):
        return False
    return all(isinstance(item, m.Text) for item in block.content) and len(text) <= 200


_CAPTION_WORDS = 10
_SECTION_WORDS = 4  # a section's heading over a cartoon; a short caption in capitals ("The Harbour Summit") is one


def _heads_captioned_section(heading: m.Heading, blocks: list[m.Block]) -> bool:
    """Is a heading in title case over a credit line a section's, the cartoon under it without a
    caption, where the captions above are in sentence case (``The Rulers Turn a Deaf Ear`` over
    ``Harbour Post (Vellonia), January 31, 2011``)?"""
    return (
        len(heading.text.split()) >= _SECTION_WORDS
        and every_word_capitalised(heading.text)
        and any(
            isinstance(block, m.Figure) and block.caption and not every_word_capitalised(block.caption)
            for block in blocks
        )
    )


def _caption_text(block: m.Heading | m.Paragraph) -> str:
    return block.text if isinstance(block, m.Heading) else m.plain_text(block.content)


def _read_notes(raw_notes: list[RawNote], fields: dict[str, object], found: Findings) -> list[tuple[m.Note, int]]:
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
    reader: BlockReader, notes: list[tuple[m.Note, int]], cut_after: int | None, found: Findings
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
