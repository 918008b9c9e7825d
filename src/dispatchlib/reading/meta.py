"""The meta lines under a header or title: the date line, the byline, the topics lines, and the
web-page chrome between them; each fact goes into the dispatch's fields, each repair is said."""

from __future__ import annotations

import re

from .. import model as m
from . import header as h
from . import layouts
from .blocks import is_image_line
from .cursor import Cursor, Findings
from .start import is_chrome


def skip_chrome(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """Chrome among the top lines ("Share Video:" between a clip's date and its title, a project's
    promotion under the header); a picture known by its file name (not a banner's or a button's)
    is kept for the body's first figures. A library's label saying the copy is an excerpt
    (``Article excerpt``) marks it truncated."""
    first, count = None, 0
    while cursor.skip_blank() < len(cursor.lines) and (
        is_chrome(line := cursor.peek())
        or (len(line) <= _PROMO_LINE and layouts.PROMO_LINES.fullmatch(line) is not None)
    ):
        if is_image_line(line):
            keep_above(fields, line, cursor.line_number(cursor.skip_blank()))
        else:
            first = cursor.line_number() if first is None else first
            count += 1
            number = cursor.line_number(cursor.skip_blank())
            _series_of_link(line, fields, found, number)
            if layouts.AGGREGATOR_NOTICE.search(line):  # "Article excerpt": the copy is the start only
                fields["truncated"] = True
                found.add("truncated", f"the text says it is an excerpt: {line!r}", number)
            cursor.index += 1
            _link_below(cursor, line, fields, found)
            continue
        cursor.index += 1
    if count:
        found.add("page-chrome", f"{count} line(s) of web-page chrome in the header dropped", first)


_PAGE_LINK = re.compile(layouts.PAGE_LINK)


def _series_of_link(line: str, fields: dict[str, object], found: Findings, number: int) -> None:
    """The series an e-mail's link to its web page names, where no header named one."""
    match = _PAGE_LINK.match(line) if fields.get("series") is None else None
    known = h.match_series_line(match["linked"]) if match is not None else None
    if known is not None:
        fields["series"], fields["_series_line"] = known[0], number
        found.add("guess", f"the series taken from the e-mail's link to its page: {known[0]!r}", number)


def _link_below(cursor: Cursor, line: str, fields: dict[str, object], found: Findings) -> None:
    """The address on the line under an e-mail's link to its web page (``To view this Inquiry and
    Analysis in HTML, visit:`` / ``www.memri.org/...``): the dispatch's source, and the line goes."""
    if not line.rstrip().endswith(("visit:", "visit", "go to:", "here:")) or not _PAGE_LINK.match(line):
        return
    below = cursor.lines[cursor.index] if cursor.index < len(cursor.lines) else ""
    address = below.rstrip(" .")
    if address.startswith(layouts.ADDRESS_STARTS) and " " not in address:
        fields.setdefault("source_url", address)
        found.add(
            "guess",
            f"the address under the link to the web page taken as the source: {address!r}",
            cursor.line_number(),
        )
        cursor.index += 1


_PROMO_LINE = 300  # characters a promotion's line holds at most: a page run into one line holds none


def keep_above(fields: dict[str, object], line: str | m.Figure, number: int) -> None:
    """Keep a line over the title for the body, which makes it a figure if it is one (or a figure
    read there already)."""
    above: list[tuple[str | m.Figure, int]] = fields.setdefault("_above", [])  # type: ignore[assignment]
    above.append((line, number))


def is_meta(line: str) -> bool:
    source = line.startswith("Source") and layouts.LABELLED_META.fullmatch(line) is not None  # "Source: https://..."
    return bool(source or _date_line(line) or h.match_topics_line(line) or h.match_header(line))


def is_item_header(header: h.Header, fields: dict[str, object]) -> bool:
    """A header of one of the several dispatches the header named (an e-mail of two): an item's."""
    named = {fields.get("number"), *tuple(fields.get("extra_numbers", ()))} - {None}  # type: ignore[arg-type]
    return len(named) > 1 and bool(header.numbers) and set(header.numbers) < named


def _date_line(line: str) -> h.DateLine | None:
    """A meta date line; here, in the meta block, also a date in figures (``1/8/2006``) or in
    brackets (``(April 2, 2009)``)."""
    found = h.match_date_line(line)
    if found is None and (alone := h.match_numeric_date(line) or h.match_bracketed_date(line)) is not None:
        return h.DateLine(date=alone)
    return found


def read_meta(cursor: Cursor, fields: dict[str, object], found: Findings) -> bool:
    seen = dated = False
    for _ in range(_META_LINES):
        adjacent = cursor.index < len(cursor.lines) and bool(cursor.lines[cursor.index])
        skip_chrome(cursor, fields, found)
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
        date_line = _date_line(line)
        header = h.match_header(line) if seen or fields else None
        if header is not None and (h.is_sub_series(header) or is_item_header(header, fields)):
            header = None
        topics = h.match_topics_line(line, numberless=bool(fields.get("series")) and not fields.get("number")) or header
        # a country line only on the line right under the date; a slashed list of topics anywhere here
        bare = None if date_line or topics else h.match_bare_topics(line, slashed=not (dated and adjacent))
        if bare is None and line.endswith("|") and not (date_line or topics):  # "Iraq |": the series lost
            bare = h.match_bare_topics(line.rstrip(" |"), slashed=False, categories=True)
        dated = False
        if date_line is not None:
            apply_date_line(date_line, fields, found, number)
            dated = date_line.date is not None and not fields.get("topics")
        elif topics is not None:
            _check_header(topics, fields, found, number)
            add_topics(topics.topics, fields, found, number)
        elif bare is not None:
            add_topics(bare, fields, found, number)  # a country line under the date, or "Lebanon/Syria"
            found.add("guess", f"a line of topics without a series read as topics: {line!r}", number)
        elif not _labelled_field(line, fields, found, number):
            break
        seen = True
        cursor.index += 1
    return seen


_META_LINES = 5  # lines a meta block holds at most (an archive's: author, publication, date, address)


def _labelled_field(line: str, fields: dict[str, object], found: Findings, number: int) -> bool:
    """A labelled meta line: a date is the dispatch's, an address its source, ``Topics: a, b``
    its topics; the line goes."""
    match = layouts.LABELLED_META.fullmatch(line) if line[:1] in "PDULST" else None
    if match is None:
        return False
    label, value = match["label"], match["value"].strip()
    if label == "Topics":  # as the text export writes a dispatch's topics where it has no series
        add_topics(tuple(topic.strip() for topic in value.split(",") if topic.strip()), fields, found, number)
    elif label in ("URL", "Link", "Source"):
        if not value.startswith(layouts.ADDRESS_STARTS):
            return False
        fields.setdefault("source_url", value)
        fields["_credited"] = "memri" in value.casefold()  # the institute's address: evidence of a dispatch
    elif not label.startswith("Publi"):
        date = h.parse_date(value) or h.match_numeric_date(value)
        if date is None:
            return False
        apply_date_line(h.DateLine(date=date), fields, found, number)
    found.add("guess", f"a labelled meta line read: {line[:60]!r}", number)
    return True


def add_topics(topics: tuple[str, ...], fields: dict[str, object], found: Findings, number: int) -> None:
    fields["topics"] = _dedupe_topics((*tuple(fields.get("topics", ())), *topics), found, number)  # type: ignore[arg-type]


def apply_date_line(line: h.DateLine, fields: dict[str, object], found: Findings, number: int) -> None:
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
    if line.topics and not fields.get("topics"):
        add_topics(line.topics, fields, found, number)
        found.add("guess", f"the topics after the byline on line {number} read: {', '.join(line.topics)}", number)


def _check_header(meta: h.Header, fields: dict[str, object], found: Findings, number: int) -> None:
    first = meta.numbers[0] if meta.numbers else None
    for key, value in (("series", meta.series), ("number", first), ("date", meta.date)):
        if value is None:
            continue  # "May 2, 2007 No.341" under the header names no series: it contradicts none
        if fields.get(key) is None:
            fields[key] = value
            fields[f"_{key}_line"] = number
        elif fields[key] != value:
            found.add(
                "header-mismatch",
                f"the meta block's {key} {value!r} contradicts the header's {fields[key]!r}; the header's is kept",
                number,
            )


def _dedupe_topics(topics: tuple[str, ...], found: Findings, number: int) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(topics))
    for topic in unique:
        if topics.count(topic) > 1:
            found.add("duplicate-topic", f"topic {topic!r} is listed {topics.count(topic)} times", number)
    return unique
