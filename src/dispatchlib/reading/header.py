"""Recognising the lines at the top of a dispatch: header, byline, meta block and TV-clip header.

Each ``match_*`` function looks at one line and returns what it found, or None. They know the
shapes listed in FORMAT.md, parts 2 to 5; :mod:`dispatchlib.parser` decides where to look.
"""

from __future__ import annotations

import datetime
import re

from attrs import frozen

from . import layouts

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# every language's month names (layouts.MONTHS), for dates written day first
_DAY_FIRST_MONTHS = {
    **{name: index + 1 for names in layouts.MONTHS.values() for index, name in enumerate(names)},
    **layouts.MONTH_SPELLINGS,
}

DATE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2},\s*\d{4}"
)
_MONTH_WORD = "|".join(sorted((re.escape(name) for name in _DAY_FIRST_MONTHS), key=len, reverse=True))
# "18. Oktober 2002", "23 mai 2002", "1er mai 2002", "14 de marzo de 2023", "28 września 2019 r."
DAY_FIRST_DATE = (
    rf"\d{{1,2}}(?:er|º)?\.?\s+(?:de\s+)?(?i:{_MONTH_WORD}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)"
    r"\s+(?:de\s+)?\d{4}(?:\s*(?:r\.|г\.|roku|года))?"
)
ANY_DATE = rf"(?:{DATE}|{DAY_FIRST_DATE})"
_DATE_PARTS = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})")
_DAY_FIRST_PARTS = re.compile(r"(\d{1,2})(?:er|º)?\.?\s+(?:de\s+)?(\w+)\.?\s+(?:de\s+)?(\d{4})(?:\s*\S*)?")
_SERIES = r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|of|and|the|on|for))*?"
_NUMBERS = r"No\.?\s*(?P<nums>\d{1,7}(?:\s*,\s*\d{1,7})*)"

_HEADER = re.compile(
    rf"(?:(?P<date>{DATE})\s*(?:/\s*)?)?(?P<series>{_SERIES})?\s*(?:-\s*)?{_NUMBERS}"
    r"(?:\s*[—–]\s*(?P<topics>\S.*))?"
)
_PIPE_HEADER = re.compile(rf"(?P<series>{_SERIES})\s*\|\s*{_NUMBERS}\s*\|\s*(?P<date>{DATE})")
# a byline word ending in ':' may touch the name; the others need a space ("Di" is not "Diana")
_BYLINE_WORD = "|".join(
    re.escape(word) + ("" if word.endswith(":") else r"(?=\s)")
    for word in sorted(layouts.BYLINE_WORDS, key=len, reverse=True)
)
_DATE_LINE = re.compile(rf"(?P<date>{ANY_DATE})(?:\s*(?:\||[-–—]|,)\s*(?:{_BYLINE_WORD})\s*(?P<authors>\S.*))?")
_BY_LINE = re.compile(rf"(?:{_BYLINE_WORD})\s*(?P<authors>[^\W\d_].*)")
_TOPICS_LINE = re.compile(rf"(?P<topics>[^|]*?)\s*\|\s*(?P<series>{_SERIES})\s+{_NUMBERS}")
_TITLE_BYLINE = re.compile(rf"(?P<title>.+?),\s+By\s+(?P<authors>.+?)\s+[-–—]\s+(?P<date>{DATE})")
_CLIP_LINE = re.compile(r"#(?P<num>\d{1,7})(?:\s*\|\s*(?P<duration>\d{1,2}(?::\d{2}){1,2}))?")
_CLIP_SOURCE = re.compile(r"Source:\s*(?P<channels>\S.*)")
_AUTHOR_SPLIT = re.compile(r",\s*and\s+|\s+and\s+|\s+(?:et|und|y|e|i)\s+|,\s*")

_KNOWN_SERIES = "|".join(re.escape(name) for name in sorted(layouts.SERIES, key=len, reverse=True))
_TOPIC = r"[A-Z][\w&'’.-]*"
# a header inside a longer line (newlines lost in an e-mail or a repost): known series names only;
# compiled on first use (2 ms, and most texts never need it: see find_header)
_HEADER_IN_LINE = (
    rf"(?:{DATE}\s*(?:/\s*)?)?(?:{_KNOWN_SERIES})\s*(?:[-|]\s*)?No\.?\s*\d{{1,7}}(?:\s*,\s*\d{{1,7}})*"
    rf"(?:\s*\|\s*{DATE}|\s*[—–]\s*{_TOPIC}(?:\s*/\s*{_TOPIC}(?:\s+{_TOPIC}){{0,4}})*)?"
)

_NUMBER_SIGN = re.compile(r"No\.?\s*\d")


def parse_date(text: str) -> datetime.date | None:
    """Read ``March 14, 2023``, ``Dec 01, 2007``, ``Sept. 5, 2010``, or a date written day first in
    any language of :data:`layouts.MONTHS` (``18. Oktober 2002``); None if it is no real date."""
    text = text.strip()
    match = _DATE_PARTS.fullmatch(text)
    if match:
        month = _MONTHS.get(match[1][:3].lower())
        day, year = match[2], match[3]
    else:
        match = _DAY_FIRST_PARTS.fullmatch(text)
        if not match:
            return None
        word = match[2].lower()
        month = _DAY_FIRST_MONTHS.get(word) or _MONTHS.get(word[:3])
        day, year = match[1], match[3]
    if month is None:
        return None
    try:
        return datetime.date(int(year), month, int(day))
    except ValueError:
        return None


def find_header(line: str) -> re.Match[str] | None:
    """A header of a known series standing inside a longer line, as newline-less copies have it."""
    # every header holds "No." and a number: that cheap search spares prose its long alternation
    return re.search(_HEADER_IN_LINE, line) if "No" in line and _NUMBER_SIGN.search(line) else None


def format_date(date: datetime.date, *, short: bool = False) -> str:
    """``March 14, 2023``; with ``short``, the TV-clip form ``Mar 14, 2023`` (padded day). The
    year has four digits (``0999``), as the reader expects."""
    month = _MONTH_NAMES[date.month - 1]
    if short:
        return f"{month[:3]} {date.day:02d}, {date.year:04d}"
    return f"{month} {date.day}, {date.year:04d}"


def format_duration(seconds: int) -> str:
    """``02:41`` for 161 seconds; hours only when there are some."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


@frozen(kw_only=True)
class Header:
    """What a header or topics line says."""

    series: str | None
    numbers: tuple[int, ...]
    date: datetime.date | None = None
    topics: tuple[str, ...] = ()


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text))


def _series(text: str | None) -> str | None:
    """The series as the model names it: ``Special Dispatch Series`` is ``Special Dispatch``."""
    if not text:
        return None
    name = text.strip()
    return layouts.SERIES_ALIASES.get(name, name)


def match_header(line: str) -> Header | None:
    """A header line: ``March 14, 2023 Special Dispatch No. 10523`` and its variants."""
    if "No" not in line:  # every form has "No." before the number: most lines end here
        return None
    if "|" in line and (match := _PIPE_HEADER.fullmatch(line)):
        date = parse_date(match["date"])
        return Header(series=_series(match["series"]), numbers=_numbers(match["nums"]), date=date)
    match = _HEADER.fullmatch(line)
    if not match or not (match["date"] or match["series"]):
        return None
    topics = tuple(t.strip() for t in match["topics"].split("/")) if match["topics"] else ()
    date = parse_date(match["date"]) if match["date"] else None
    return Header(
        series=_series(match["series"]),
        numbers=_numbers(match["nums"]),
        date=date,
        topics=tuple(t for t in topics if t),
    )


def match_topics_line(line: str) -> Header | None:
    """A meta topics line: ``Russia, Ukraine | Special Dispatch No. 9200``."""
    match = _TOPICS_LINE.fullmatch(line) if "|" in line else None
    if not match:
        return None
    topics = tuple(t.strip() for t in match["topics"].split(",") if t.strip())
    return Header(series=_series(match["series"]), numbers=_numbers(match["nums"]), topics=topics)


@frozen(kw_only=True)
class DateLine:
    """A meta date line, with the authors and whether ``*`` points to an author-bio note."""

    date: datetime.date | None
    authors: tuple[str, ...] = ()
    author_note: bool = False


def split_authors(text: str) -> tuple[tuple[str, ...], bool]:
    """``A. One, B. Two, and C. Three*`` -> the names and whether ``*`` follows them."""
    text = layouts.BYLINE_SITE_SUFFIX.sub("", text.strip())
    starred = text.endswith("*")
    names = _AUTHOR_SPLIT.split(text.rstrip("*").strip())
    return tuple(name.strip() for name in names if name.strip()), starred


def match_date_line(line: str) -> DateLine | None:
    """``March 14, 2023``, ``March 17, 2011 | By A. One, B. Two*`` or ``By A. One``."""
    match = _DATE_LINE.fullmatch(line)
    if match:
        date = parse_date(match["date"])
        if date is None:
            return None
    else:
        match = _BY_LINE.fullmatch(line)
        if not match:
            return None
        date = None
    if not match["authors"]:
        return DateLine(date=date)
    authors, starred = split_authors(match["authors"])
    if date is None and not _look_like_names(authors):
        return None  # "By the time the talks began, ..." is a sentence, not a byline
    return DateLine(date=date, authors=authors, author_note=starred)


def _look_like_names(authors: tuple[str, ...]) -> bool:
    """Capitalised, short, and not a sentence's end (a final '.' only after an initial: ``Jr.``)."""
    return bool(authors) and all(
        len(name) <= 60
        and name[0].isupper()
        and not name.endswith((":", ";", "?", "!"))
        and (not name.endswith(".") or len(name.split()[-1]) <= 3)
        for name in authors
    )


@frozen(kw_only=True)
class TitleByline:
    """A title that carries its byline: ``..., By A. Author - November 17, 2005``."""

    title: str
    line: DateLine


def match_title_byline(line: str) -> TitleByline | None:
    """Split a byline off a title, if the title carries one."""
    match = _TITLE_BYLINE.fullmatch(line) if "By" in line else None
    if not match:
        return None
    authors, starred = split_authors(match["authors"])
    line_ = DateLine(date=parse_date(match["date"]), authors=authors, author_note=starred)
    return TitleByline(title=match["title"].strip(), line=line_)


def is_date_only(line: str) -> bool:
    """A line that is a date and nothing else (the first line of a TV clip)."""
    return re.fullmatch(DATE, line) is not None and parse_date(line) is not None


def is_sub_series(header: Header) -> bool:
    """A header of a series printed inside another dispatch (``Islamist Websites Monitor No. 92``)."""
    return header.date is None and not header.topics and header.series in layouts.SUB_SERIES


@frozen(kw_only=True)
class ClipLine:
    """A TV clip's ``#1632 | 02:41`` line."""

    number: int
    duration_seconds: int | None


def match_clip_line(line: str) -> ClipLine | None:
    """``#1632 | 02:41``: the clip number and its duration."""
    match = _CLIP_LINE.fullmatch(line)
    if not match:
        return None
    seconds = None
    if match["duration"]:
        seconds = 0
        for part in match["duration"].split(":"):
            seconds = seconds * 60 + int(part)
    return ClipLine(number=int(match["num"]), duration_seconds=seconds)


def match_clip_source(line: str) -> tuple[str, ...] | None:
    """``Source: Channel 1 (Iran)Channel 2 (Iran)``: the channels, split where they were glued."""
    match = _CLIP_SOURCE.fullmatch(line)
    if not match:
        return None
    channels = re.split(r"(?<=\))\s*(?=[^\s)])", match["channels"].strip())
    return tuple(channel.strip() for channel in channels if channel.strip())
