"""The short texts exporters show about a dispatch, worded once: ``series_line(d)`` gives
``Special Dispatch No. 10523``, ``display_title(d)`` a title even when the dispatch has none, and
so on. Exporters in plugins use them too, so every format words these things alike."""

from __future__ import annotations

import datetime

from . import model as m
from .reading.header import format_date

__all__ = [
    "CREDIT_MISSING",
    "OUTLET_MISSING",
    "TRUNCATED",
    "boundary_source",
    "clip_facts",
    "date_text",
    "display_title",
    "identifier",
    "issue_dates",
    "series_line",
]

# The namespace of dispatchlib's UUID v5 identifiers: the same dispatch gets the same URN in every
# format (e-book identifier, ninjs uri) and on every machine.
_NAMESPACE = "8b7d6c8e-0f5a-5d0e-9a57-3f8d2d1c4b60"  # uuid is imported when an identifier is made

TRUNCATED = "The full text of this dispatch is available to subscribers; this is the part that was public."
CREDIT_MISSING = "Source: not preserved in the copied text"
OUTLET_MISSING = "[outlet not preserved]"


def date_text(date: datetime.date | None) -> str:
    """``March 14, 2023``, or empty."""
    return format_date(date) if date else ""


def series_line(dispatch: m.Dispatch) -> str:
    """``Special Dispatch No. 10523`` (with every number of the header), or ``MEMRI TV Clip #1632``."""
    if dispatch.clip is not None and dispatch.number is not None:
        return f"{dispatch.series or 'Clip'} #{dispatch.number}"
    numbers = ", ".join(str(n) for n in (dispatch.number, *dispatch.extra_numbers) if n is not None)
    return " ".join(part for part in (dispatch.series, f"No. {numbers}" if numbers else "") if part)


def display_title(dispatch: m.Dispatch) -> str:
    """The title, or the series line when the title is empty."""
    return dispatch.title or series_line(dispatch) or "Untitled dispatch"


def clip_facts(dispatch: m.Dispatch) -> str:
    """``2:41 min · Example TV (Qatar), Second Channel (Qatar)`` for a TV clip, else empty."""
    clip = dispatch.clip
    if clip is None:
        return ""
    facts = []
    if clip.duration_seconds is not None:
        facts.append(f"{clip.duration_seconds // 60}:{clip.duration_seconds % 60:02d} min")
    if clip.channels:
        facts.append(", ".join(clip.channels))
    return " · ".join(facts)


def boundary_source(dispatch: m.Dispatch, number: int | None, shown: int | None = None) -> str:
    """What the translation boundary names as the translated text's origin; ``shown`` is the
    number the reader sees on the note, where a format numbers notes its own way (Word numbers
    footnotes on through a collection)."""
    note = dispatch.note(number) if number is not None else None
    if note is None:
        channels = dispatch.clip.channels if dispatch.clip is not None else ()
        return ", ".join(channels) if channels else "the original"
    if note.outlet:
        return note.outlet + (f", {date_text(note.date)}" if note.date else "")
    if note.date:
        return f"the source in note {shown or note.number}, dated {date_text(note.date)}"
    return f"the source in note {shown or note.number}"


def identifier(document: m.Document) -> str:
    """A ``urn:uuid:`` from the series and number (or title and date), never random; a collection's
    from its title and its members'."""
    if isinstance(document, m.Collection):
        members = ",".join(identifier(d) for d in document.dispatches)
        return f"urn:uuid:{_uuid5(f'collection|{document.title}|{members}')}"
    if document.series and document.number is not None:
        key = f"{document.series}|{document.number}"
    else:
        key = f"{document.title}|{document.date}"
    return f"urn:uuid:{_uuid5(key)}"


def _uuid5(name: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.UUID(_NAMESPACE), name))


def issue_dates(start: datetime.date, end: datetime.date) -> str:
    """A range of days as a reader says it, with an en dash: 24 to 30 November 2026, 28 November
    to 3 December 2026, 30 December 2026 to 2 January 2027, or one day."""
    if start == end:
        return f"{end.day} {end:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"
