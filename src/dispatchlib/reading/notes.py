"""Finding the notes list at the end of a dispatch and reading each note.

The notes list is the last run of lines that start with a note marker (``[1]``, ``(1)``, or
``*`` for the author-bio note), each possibly continued on the lines right below it. Single or
double line breaks may separate the notes.
"""

from __future__ import annotations

import re

from attrs import frozen

from ..model import Note
from .header import DATE, parse_date

# "*" opens the author's note, not a line in emphasis ("*Title*", "**Title**")
_START = re.compile(r"\[(?P<bracket>\d{1,4})\]|\((?P<paren>\d{1,4})\)|(?P<star>\*)(?=\s*\S)(?!.*\*\s*$)")
_MARKER_INITIALS = frozenset("[(*")
_OUTLET_AND_DATE = re.compile(rf"(?P<outlet>(?:[^.]|\.(?!\s)){{0,120}}?),\s*(?P<date>{DATE})")
_LOST_OUTLET = re.compile(rf",\s*(?P<date>{DATE})")


def note_start(line: str) -> re.Match[str] | None:
    """The marker at the start of a note line, if the line starts a note."""
    return _START.match(line) if line[:1] in _MARKER_INITIALS else None


@frozen(kw_only=True)
class RawNote:
    """One note as it stands in the text: its marker, its joined text and its first line."""

    marker: str  # a number as text, or "*"
    paren: bool
    text: str
    line: int


def find_notes(lines: list[str], start: int, end: int) -> tuple[int, int]:
    """The notes list's place in ``lines[start:end]`` as ``(first, after)``; empty if none.

    One backward pass: a line may start the list only if every later line up to the end of the
    list is a note start, a blank, or a continuation directly under a note line. A list marked
    ``(N)`` is none where a line of the text above it opens the same way: those are numbered items;
    nor where paragraphs of text follow it.
    """
    last = next((i for i in range(end - 1, start - 1, -1) if note_start(lines[i])), None)
    if last is None:
        return end, end
    after = last + 1
    while after < end and lines[after]:
        after += 1
    if lines[last].startswith("*") and any(lines[after:end]):
        return end, end  # text after an author's note: the "*" opens a paragraph ("*WASHINGTON, DC / ...")
    first = last
    # valid_below: lines (i+1 ..) form a notes list if line i is a note line
    valid_below = True
    # valid_below_blank: the same, if line i is blank or stands outside the list
    valid_below_blank = True
    for i in range(after - 1, start - 1, -1):
        line = lines[i]
        if not line:
            valid_below = valid_below_blank
        elif note_start(line):
            valid_below_blank = valid_below
            if valid_below:
                first = i
        else:
            valid_below_blank = False
    starred = [line for line in lines[first:after] if line.startswith("*") and note_start(line)]
    if len(starred) > 1 and len(starred) == sum(1 for line in lines[first:after] if note_start(line)):
        return end, end  # an author's note comes once: paragraphs opening on "*" are the text's
    opened = note_start(lines[first])
    if opened is not None and opened["paren"] and any(_PAREN_ITEM.match(line) for line in lines[start:first]):
        return end, end  # "(1) Headline" / text / "(2) Headline": a digest's numbered items, not notes
    if opened is not None and opened["paren"] and any(len(line) >= _PARAGRAPH for line in lines[after:end]):
        return end, end  # paragraphs of text below: "(1) The following are excerpts:" is the text's reference
    return first, after


_PARAGRAPH = 200  # a line this long below a list marked "(N)" is the text's, not a note's


_PAREN_ITEM = re.compile(r"\(\d{1,3}\)\s")


def collect_notes(lines: list[str], numbers: list[int], first: int, after: int) -> list[RawNote]:
    """The notes in ``lines[first:after]``, with continuation lines joined to their note."""
    notes: list[RawNote] = []
    for i in range(first, after):
        line = lines[i]
        if not line:
            continue
        match = note_start(line)
        if match:
            marker = match["bracket"] or match["paren"] or "*"
            text = line[match.end() :]
            notes.append(RawNote(marker=marker, paren=bool(match["paren"]), text=text, line=numbers[i]))
        elif notes:
            last = notes[-1]
            notes[-1] = RawNote(marker=last.marker, paren=last.paren, line=last.line, text=f"{last.text} {line}")
    return notes


def read_note(number: int, raw_text: str) -> Note:
    """A :class:`Note` from the text after its marker, with outlet and date where it gives them."""
    text = raw_text.strip()
    lost = _LOST_OUTLET.match(text)
    if lost:
        text = text[1:].strip()
        return Note(number=number, text=text, date=parse_date(lost["date"]), outlet_missing=True)
    match = _OUTLET_AND_DATE.match(text)
    if match and match["outlet"].strip():
        return Note(number=number, text=text, outlet=match["outlet"].strip(), date=parse_date(match["date"]))
    return Note(number=number, text=text)


def note_text(note: Note) -> str:
    """The text after a note's marker, as :func:`read_note` reads it back."""
    return f", {note.text}" if note.outlet_missing else f" {note.text}"
