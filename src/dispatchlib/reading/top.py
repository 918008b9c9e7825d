"""The top of a dispatch: what stands before its start, then its header, title and meta block,
a TV clip's header or a digest's date; every guess is said."""

from __future__ import annotations

import itertools
import re

from .. import model as m
from . import header as h
from . import layouts
from .blocks import every_word_capitalised
from .cursor import Cursor, Findings
from .meta import apply_date_line, keep_above, read_meta, skip_chrome
from .start import (
    INSTITUTE_NAME,
    START_WORDS,
    Start,
    clip_header,
    deck_under,
    digest_name_above,
    is_chrome,
    is_repost_line,
    looks_like_title,
    names_from_headline,
)
from .tail import subscriber_notice
from .title import (
    PARAGRAPH,
    bloggers_words,
    items_headline,
    next_line,
    paragraph_below,
    read_aired_listing,
    read_cited_dispatch,
    read_credited_clip,
    read_credited_report,
    read_credited_title,
    read_item_title,
    read_quoted_title,
    read_title,
    read_title_above,
    read_title_under_credit,
)


def skip_to_start(cursor: Cursor, start: Start, fields: dict[str, object], found: Findings) -> None:
    """Drop the page's lines before the dispatch's start (reported with their place and count); an
    e-mail's intro that says the reports are for members still marks the dispatch truncated."""
    dropped = [i for i in range(cursor.index, start.at) if cursor.lines[i]]
    cursor.index = start.at
    if dropped and start.kind == "date-title" and _categories_above(cursor, dropped[-1], fields, found):
        dropped.pop()
    if not dropped:
        return
    for i in dropped:  # a picture above the title is the dispatch's: the body keeps the figures among them
        keep_above(fields, cursor.lines[i], cursor.line_number(i))
    for i in dropped:
        subscriber_notice(cursor.lines[i], cursor.line_number(i), fields, found)
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


def _categories_above(cursor: Cursor, index: int, fields: dict[str, object], found: Findings) -> bool:
    """A page's categories over the date that stands over the title (``Côte, Politique, Vellonie``):
    the topics, as the mirrors' sites print them; a single name there may be the site's."""
    line = cursor.lines[index]
    topics = h.match_bare_topics(line, slashed=False, categories=True)
    if topics is None or len(topics) < 2 or h.match_date_line(line) or is_repost_line(line):
        return False  # "Posted by O. Tamsin, Harbourwatch" is no list of categories
    if all(" " in topic and every_word_capitalised(topic) for topic in topics):
        return False  # "Orla Tamsin, Rafe Sample": names; a site's categories hold a word alone ("Vellonie")
        # or a small word ("Gaza et AP, Voix progressistes")
    fields["topics"] = topics
    number = cursor.line_number(index)
    found.add("guess", f"the page's categories on line {number}, over the date, taken as topics", number)
    return True


def read_top(cursor: Cursor, start: Start, fields: dict[str, object], found: Findings) -> None:
    """Header, title, meta block or TV-clip header; each guess is reported."""
    skip_chrome(cursor, fields, found)
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
    skip_chrome(cursor, fields, found)
    _read_sub_series(cursor, fields, found)
    if start.kind == "date-title":
        fields["_date_above"] = read_meta(cursor, fields, found)  # the date above the title
    if start.kind == "none" and (starred := h.match_starred_byline(cursor.peek())) is not None:
        apply_date_line(starred, fields, found, cursor.line_number(cursor.skip_blank()))  # "Orla Tamsin*" / text
        cursor.index = cursor.skip_blank() + 1
    # an e-mail's name (over the one item it shows) and the item's title vie: the item's stays in the body
    named = digest_name_above(cursor.lines, start.at) if header is not None and header.date is None else None
    if named is not None:
        number = cursor.line_number(named)
        found.add("title-guessed", f"no title: the e-mail's name on line {number} and its one item's title vie", number)
    meta_first = not fields.get("title") and named is None and read_title(cursor, fields, found)
    _caption_over_date(cursor, fields, found)
    if read_meta(cursor, fields, found) and meta_first and not fields.get("title"):
        read_title(cursor, fields, found)  # "Header / June 3, 2003 / Title": the date stood over the title
        read_meta(cursor, fields, found)
    fields.pop("_date_above", None)
    if header is None and isinstance(title := fields.get("title"), str) and title:
        _read_title_credit(cursor, title, fields, found)
    own_header = header is not None and not header.numbers[1:] and named is None
    if not fields.get("title") and (own_header or start.kind == "topics"):
        read_title_above(cursor, start, fields, found)
    if not fields.get("title") and own_header and header is not None and header.numbers:
        read_item_title(cursor, fields, found)
    if start.kind == "title-date" and (deck := deck_under(cursor.lines, start.at)) is not None:
        fields["_standfirst"] = True  # the text's first block, no picture's caption
        number = cursor.line_number(deck)
        found.add("guess", f"line {number} under the headline is its deck: the text's first paragraph", number)
    if header is None and start.kind in ("none", "lead-in", "date-title", "title-date") and not fields.get("authors"):
        _read_byline_below(cursor, fields, found, over_text=start.kind in ("date-title", "title-date"))
    if header is None:
        read_quoted_title(cursor, fields, found)
        read_cited_dispatch(cursor, fields, found)
        read_credited_clip(cursor, fields, found)
        read_aired_listing(cursor, fields, found)
        read_credited_report(cursor, fields, found)
        read_title_under_credit(cursor, fields, found)
        read_credited_title(cursor, fields, found)
    if not fields.get("title") and (untitled := fields.get("_untitled_line")) is not None:
        found.add("title-guessed", f"no title: line {untitled} cannot be one", untitled)  # type: ignore[arg-type]
    fields.pop("_untitled_line", None)
    fields.pop("_blogs_headline", None)
    _drop_signature(fields, found)
    _drop_label(fields, found)
    if header is None:
        _read_credited_dateline(cursor, fields, found)
    if fields.get("date") is None and start.kind != "lead-in":  # above a lead-in: the blog's own date
        _read_page_date(cursor, start, fields, found)
    if fields.get("date") is None and isinstance(title := fields.get("title"), str):
        _date_of_title(title, fields, found)
    # a date over the headline, or the page's before the text: a date under the title, or in the
    # text, is the report's own
    # (a page's stamp may open the first paragraph; a date alone over an untitled text is the
    # text export's own date line)
    dated, title_line = fields.get("_date_line"), fields.get("_title_line")
    over = title_line if isinstance(title_line, int) else start.at + 1
    above = isinstance(dated, int) and dated < over
    # (or a news story's date line right under its title)
    under = isinstance(dated, int) and isinstance(title_line, int) and _story_dated(cursor, title_line, dated)
    if (
        header is None
        and fields.get("date") is not None
        and (above or under)
        and (why := _posted_by_another(cursor, start, fields.get("title"), above=above))
    ):
        fields["date"] = fields["_date_line"] = None
        found.add("guess", f"the date on line {dated} is the poster's, not the dispatch's: {why}", dated)  # type: ignore[arg-type]
    guesses = {key: fields.pop(f"_{key}_line", None) for key in ("title", "date", "authors", "series", "number")}
    if header is None:
        _say_guesses(guesses, fields, found, header_line)
    if header is not None and not fields.get("topics"):
        found.add("missing-topics", "no topics line in the meta block", header_line)


def _story_dated(cursor: Cursor, title_line: int, dated: int) -> bool:
    """Is the date a news story's: a line of its own a few lines under the title (``December 23,
    2004``, ``By Orla Tamsin | July 7, 2008``, ``Published on October 13, 2015``), not a lead-in
    citing the report it quotes (``According to Memri Special Dispatch 8169 (July 15, 2019), ...``)?"""
    line = cursor.lines[cursor.numbers.index(dated)] if dated in cursor.numbers else ""
    return 0 < dated - title_line <= _UNDER_TITLE and len(line) < PARAGRAPH


_UNDER_TITLE = 3  # lines from a title to the date line under it, a byline between them


def _caption_over_date(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """The lead picture's caption between the title and its date line, naming who the title is
    about (``Harbour Scholar Orlo Tamsin: The Guild Lies`` / ``Scholar Orlo Tamsin`` / ``MEMRI,
    April 22, 2022``): it is taken out for the body's first figure, and the date line is read."""
    title = fields.get("title")
    below = cursor.ahead(2)
    if not isinstance(title, str) or len(below) < 2 or h.match_date_line(cursor.lines[below[1]]) is None:
        return
    caption = below[0]
    if not names_from_headline(cursor.lines[caption], title):
        return
    number = cursor.line_number(caption)
    fields["_lead_caption"] = (cursor.lines[caption], number)
    cursor.lines[caption] = ""
    found.add("guess", "a short line naming whom the title is about, over the date: the lead picture's caption", number)


def _posted_by_another(cursor: Cursor, start: Start, title: object, *, above: bool) -> str | None:
    """Why the text is a blogger's or a news writer's about the institute's work, if it is: its
    first paragraphs speak of the institute as another's (``According to MEMRI ...``, ``...,
    reports the Middle East Media Research Institute``), with nothing above them naming it but
    their headline (``MEMRI's Picture of the Harbour``), or a blog's links to its other posts stand
    above it. Then any date at its top is the post's; a date under the title (``December 23,
    2004``, or under a byline), the news story's, when the text speaks of the institute as another's."""
    if any(_INSTITUTE(line) for line in cursor.lines[start.at : cursor.index] if line != title):
        return None  # "Middle East Media Research Institute | January 14, 2005": the institute's date line
    if above and any(_BLOG_PAGER(line) for line in cursor.lines[: start.at]):
        return "a blog's links to its other posts stand above it"  # "« Older Post | Main | Newer Post »"
    if above and any(_OTHER_SITE(line) for line in cursor.lines[: start.at + 1]):
        return "another site's address stands at its top"  # "date 2020-06-29 https://harbour-news.test/..."
    lines = (line for line in cursor.lines[cursor.index :] if line)
    paragraphs = [line for line in itertools.islice(lines, _OPENING_LINES) if len(line) >= PARAGRAPH][
        :_OPENING_PARAGRAPHS
    ]
    # the blogger's voice opens the text, or a newspaper's archive notice ("This article is from the archive of ...")
    opened = above and paragraphs and (bloggers_words(paragraphs[0]) or _PAPERS_ARCHIVE(paragraphs[0]))
    # (under the title, a lead-in handing over to the report with its colon leaves the date the report's)
    if opened or any(
        _ANOTHERS_INSTITUTE.search(paragraph) and (above or not paragraph.endswith(":")) for paragraph in paragraphs
    ):
        return "the text under it speaks of the institute"
    return None


_INSTITUTE = re.compile(rf"\b{INSTITUTE_NAME}\b", re.IGNORECASE).search
_OTHER_SITE = re.compile(r"https?://(?![\w.-]*memri)").search  # an address on a site not the institute's
_PAPERS_ARCHIVE = re.compile(r"This (?:article|story|column) (?:is|was) (?:from|taken from) the archives? of\b").match
_BLOG_PAGER = re.compile(r"«[^»]* \| (?:Main|Home) \| [^«]*»").search  # a blog's links to its other posts
_OPENING_LINES = 12
_OPENING_PARAGRAPHS = 5
_NAMED = r"(?:the )?(?:Middle East Media Research Institute|MEMRI)\b"
# the institute as a body in the mirrors' and the foreign press's words
_FOREIGN_BODIES = (
    r"(?:Organisation|organización|organizzazione|organização|organisatie|Institut|instituto|istituto|instytut"
    r"|fundación|fondazione|Stiftung)"
)
# the institute as another's: "in comments translated by the Middle East Media Research Institute", "MEMRI, a
# watchdog group", "The Middle East Media Research Institute (MEMRI) provides a clip"; never the
# institute's own "As MEMRI reported", nor a copy's credit, "Recorded and translated by MEMRI"
_ANOTHERS_INSTITUTE = re.compile(
    rf"\b(?:(?:as|comments|remarks|words|video|clip|footage|interview|speech|sermon),? (?:\w+ )?translated"
    rf"(?: \w+){{0,2}} by"  # "the video translated last week by MEMRI"
    rf"|according to(?: an? (?:\w+ ){{0,3}}(?:by|from))?|courtesy of|provided by|via"
    rf"|(?:tweet|post|video) from) {_NAMED}{layouts.NOT_A_PROJECT}"
    rf"|\b{_NAMED}(?: \(MEMRI\))?(?:, (?:a|an|which) |,? (?:provides|provided|posted|flagged)\b)"
    rf"|\(MEMRI is (?:the|a|an)\b|\b{_NAMED} \((?:better |also )?known\b"  # "(MEMRI is the ...)"
    rf"|\b(?:U\.S\.|Washington|Jerusalem)-based {_NAMED}"  # "The U.S.-based MEMRI issued ..."
    rf"|\bas {_NAMED} translated\b"  # "As MEMRI translated and reported, ..."
    # in other languages: "laut dem Hamburger Institut Memri", "selon MEMRI", "MEMRI, eine
    # Organisation, die ...", "l'organisation MEMRI", "el instituto MEMRI"
    rf"|\b(?:laut|selon|d['’]après|según|secondo|ifølge|volgens|według)\s(?:\S+\s){{0,6}}?{_NAMED}"
    # (its article may be left out, its name's initials or site in brackets: "..., Research Institute
    # (Memri.org), organizzazione che ...")
    rf"|\b{_NAMED}(?: \((?:MEMRI|(?:www\.)?memri\.org)\))?,? "
    rf"(?:(?:eine?|une|un|una|uno|um|uma|en|et) (?:\S+ ){{0,2}}?)?{_FOREIGN_BODIES}\b"
    rf"|\b{_FOREIGN_BODIES} {_NAMED}",
    re.IGNORECASE,
)


def _read_title_credit(cursor: Cursor, title: str, fields: dict[str, object], found: Findings) -> None:
    """A repost's line repeating the title, then crediting it to the institute, its authors and its
    date (``Title, MEMRI, A. One and B. Two*, December 11, 2015``): the dispatch's date and authors;
    a date above it, the blog's posting date, gives way."""
    line = cursor.peek()
    if line.endswith(":") and (source := h.match_institute_credit(line[:-1])) is not None:
        _read_source_line(cursor, source, fields, found)
        return
    credit = h.match_institute_credit(line[len(title) :]) if line.startswith(title) else None
    if credit is None:
        return
    number = cursor.line_number(cursor.skip_blank())
    cursor.index = cursor.skip_blank() + 1
    if fields.get("date") not in (None, credit.date):
        found.add(
            "guess",
            f"the date crediting the title on line {number} is the dispatch's; the one above, the repost's",
            number,
        )
        fields["date"] = None
    apply_date_line(credit, fields, found, number)


def _read_source_line(cursor: Cursor, source: h.DateLine, fields: dict[str, object], found: Findings) -> None:
    """A compilation's line naming its source under its own headline (``MEMRI, TV-Dokumente, 5.
    Juli 2005:``): the date is the dispatch's, and the title under it, over the text, is the
    dispatch's; the compilation's headline gives way. The line credits the text to the institute."""
    number = cursor.line_number(cursor.skip_blank())
    cursor.index = cursor.skip_blank() + 1
    fields["date"], fields["_date_line"], fields["_credited"] = source.date, number, True
    title = cursor.peek()
    if looks_like_title(title) and len(next_line(cursor)) >= PARAGRAPH:
        title_number = fields["_title_line"] = cursor.line_number(cursor.skip_blank())
        fields["title"] = title
        cursor.index = cursor.skip_blank() + 1
        found.add("guess", f"line {title_number}, under the line naming the source, is the dispatch's title", number)


def _read_digest_top(cursor: Cursor, start: Start, fields: dict[str, object], found: Findings) -> None:
    """A digest's top: its date (``February 24, 2010``, ``MEMRI Daily: February 24, 2011``) over
    its opening sentence; a digest has no title of its own, its items have theirs."""
    while cursor.skip_blank() < len(cursor.lines):
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
        if not line.strip("| "):
            found.add("page-chrome", f"an old table's empty cells {line!r} over the digest's date dropped", number)
            cursor.index = cursor.skip_blank() + 1
            continue
        date = h.match_page_date(line) or (found_line.date if (found_line := h.match_date_line(line)) else None)
        if date is None:
            break
        if fields.get("date") is None:
            fields["date"] = date
            found.add("guess", f"the digest's date taken from line {number}: {line!r}", number)
        cursor.index += 1
    if fields.get("date") is None:  # the e-mail's "MEMRI Daily: July 9, 2012" under a blog's headline over it
        for index in cursor.ahead(_DATELINE_REACH):
            if (date := h.match_page_date(line := cursor.lines[index])) is not None:
                number = cursor.line_number(index)
                fields["date"] = date
                found.add("guess", f"the digest's date taken from line {number}: {line!r}", number)
                break
    if fields.get("date") is None:
        _read_page_date(cursor, start, fields, found)
        fields.pop("_date_line", None)
    _read_digest_headline(cursor, fields, found)


def _read_digest_headline(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """An e-mail digest's headline, its items' titles joined by semicolons (``Guild Chief: ...;
    Harbour Preacher: ...``), among the e-mail's chrome before its opening sentence or first
    item: the digest's title."""
    ahead = itertools.islice((i for i in range(cursor.index, len(cursor.lines)) if cursor.lines[i]), _HEADLINE_REACH)
    for index in ahead:
        line = cursor.lines[index]
        if line.startswith(layouts.OPENING_WORDS) or h.match_header(line) is not None:
            return  # its opening sentence, or its first item
        if items_headline(line):
            fields["title"] = line
            cursor.lines[index] = ""  # the title, not a line of the body
            number = cursor.line_number(index)
            found.add("guess", f"the digest's headline, its items' titles, taken as its title: line {number}", number)
            return


_HEADLINE_REACH = 12  # non-blank lines of an e-mail's chrome and headline before its first item


def read_digest_items(body: list[m.Block], fields: dict[str, object], found: Findings, line: int) -> None:
    """A digest's series and numbers from its items' headers (the series only when every item
    shares it), and its authors from the items' bylines; the items stay in the body."""
    headers = [header for text in _item_lines(body) for header in h.headers_in(text)]  # alone, or in collapsed lines
    numbers = tuple(dict.fromkeys(number for header in headers for number in header.numbers))
    series = {header.series for header in headers}
    if numbers and len(series) == 1:  # numbers of several series are no numbers of one
        fields.update(number=numbers[0], extra_numbers=numbers[1:], series=series.pop())
    read_item_bylines(body, fields)
    found.add(
        "guess",
        f"read as one digest of {len(headers)} item(s) with their headers"
        + ("" if len(series) <= 1 else ", from several series: no series of its own"),
        line,
    )


def read_item_bylines(body: list[m.Block], fields: dict[str, object]) -> None:
    """A digest without a byline of its own takes its items' bylines (``By: A. One``) as authors."""
    if fields.get("authors"):
        return
    authors = [
        name
        for text in _item_lines(body)
        if len(text) <= _ITEM_LINE and (byline := h.match_date_line(text)) is not None
        for name in byline.authors
    ]
    if authors:
        fields["authors"] = tuple(dict.fromkeys(authors))


def _item_lines(body: list[m.Block]) -> list[str]:
    return [
        block.text if isinstance(block, m.Heading) else m.plain_text(block.content)
        for block in body
        if isinstance(block, m.Heading | m.Paragraph)
    ]


_ITEM_LINE = 200  # an item's byline is a short line


_DATELINE_REACH = 3  # the text's first lines, where a dateline may open a paragraph (under a blog's headline)


def _read_credited_dateline(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A repost's lead opening on the institute's dateline (``(December 3, 2019 / MEMRI) A senior
    adviser ...``), or its line crediting the institute's page with the date (``Tratto da
    Memri.org del 12/3/2009``), perhaps under a standfirst: its date is the dispatch's; a date
    above it, the repost page's, gives way."""
    dated = (
        (i, h.match_credited_dateline(cursor.lines[i]) or h.match_taken_from(cursor.lines[i]))
        for i in cursor.ahead(_CREDITED_DATELINE_REACH)
    )
    index, date = next(((i, date) for i, date in dated if date is not None), (0, None))
    if date is None:
        return
    number = cursor.line_number(index)
    if fields.get("date") not in (None, date):
        found.add(
            "guess", f"the institute's dateline on line {number} dates the dispatch; the one above, the page", number
        )
    fields["date"], fields["_date_line"], fields["_credited"] = date, number, True
    if h.match_taken_from(cursor.lines[index]) is not None:
        cursor.lines[index] = ""  # the credit alone on its line is no text of the dispatch's


_CREDITED_DATELINE_REACH = 2  # the lead, or the paragraph under a standfirst


def _read_page_date(cursor: Cursor, start: Start, fields: dict[str, object], found: Findings) -> None:
    """With no date of its own, a copy takes the date of the e-mail, newsletter or scraped page
    around it (``Sent: Sunday, July 30, 2006``, ``MEMRI Daily: February 24, 2011``, ``date
    2018-12-26``), from the lines before its start, or of a dateline opening a paragraph among the
    text's first lines: a press release's (``HARBOURTOWN, VL / EXAMPLEWIRE / December 22, 2020 /
    ...``), a page's date line run into the summary under it, or an aggregator's stamp right under
    the title (``Memri30-06-2025``). A blog's archive label (``Day:
    October 5, 2018``) dates the blog's page, not the dispatch."""
    below = cursor.ahead(_DATELINE_REACH)
    # a stamp stands right under the title (or its copy)
    under_title = next((index for index in below if cursor.lines[index] != fields.get("title")), None)
    for index in [*range(start.at), *below]:
        line = cursor.lines[index]
        if not line or is_chrome(line):
            continue
        stamp = h.match_stamp(line) if index == under_title else None
        date = h.match_page_date(line) if index < start.at else h.match_dateline(line) or stamp
        if date is not None:
            fields["date"] = date
            fields["_date_line"] = number = cursor.line_number(index)
            found.add("guess", f"no date of its own: the date of line {number} taken", number)
            if stamp is not None:
                cursor.lines[index] = ""  # the stamp alone on its line is no text of the dispatch's
            return


def _date_of_title(title: str, fields: dict[str, object], found: Findings) -> None:
    """A newsletter's issue dated in its title (``The Harbour Weekly - No. 7, February 21, 2025``)
    where nothing else dates it: that date."""
    date = h.issue_date(title)
    number = fields.get("_title_line")
    if date is not None and isinstance(number, int):
        fields["date"], fields["_date_line"] = date, number
        found.add("guess", "no date of its own: the date the title ends in, after its issue's number, taken", number)


def _say_header_guesses(header: h.Header, text: str, found: Findings, line: int) -> None:
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
    if header.project:
        found.add("guess", f"the header names the institute's project, not a topic: {header.project!r}", line)


def _say_guesses(guesses: dict[str, object], fields: dict[str, object], found: Findings, line: int) -> None:
    """One ``no-header`` warning that says where each fact came from, or that it is missing."""
    said = ["no header"]
    series = "series and number" if fields.get("number") is not None else "series"
    for key, word in (("title", "title"), ("date", "date"), ("authors", "byline"), ("series", series)):
        if guesses[key] is not None:
            said.append(f"{word} taken from line {guesses[key]}")
        elif key in ("title", "date"):
            said.append(f"no {word} found")
    found.add("no-header", "; ".join(said), line)


def _read_sub_series(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
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


def _read_clip_top(cursor: Cursor, fields: dict[str, object], found: Findings) -> bool:
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
    channels = clip.channels or h.match_clip_source(cursor.peek()) or ()
    if channels and not clip.channels:
        cursor.index = cursor.skip_blank() + 1
    date_at = found_header.date
    title_at = found_header.title
    if title_at is None and _headline_under_card(cursor):
        title_at = cursor.index
        cursor.index += 1
        found.add(
            "guess",
            "the title taken from under the clip's card: no title stands over its date",
            cursor.line_number(title_at),
        )
    elif title_at is None:
        number = cursor.line_number(found_header.clip)
        found.add("title-guessed", f"no title: the clip's number on line {number} stands right under its date", number)
    fields.update(
        series="MEMRI TV Clip",
        number=clip.number,
        date=h.parse_date(cursor.lines[date_at]) if date_at is not None else None,
        title=cursor.lines[title_at] if title_at is not None else "",
        clip=m.Clip(duration_seconds=clip.duration_seconds, channels=channels),
    )
    return True


def _headline_under_card(cursor: Cursor) -> bool:
    """Is the line under a clip's card (date, number and duration, source) its title, the page
    printing it there: a line in title case over the clip's text (``Harbour Poet Orlo Tamsin: The
    Tide Is Ours``)? A page that lost its title has its summary there."""
    line = cursor.peek()
    return (
        looks_like_title(line)
        and len(line) < _PROSE
        and every_word_capitalised(line)
        and h.match_clip_line(line) is None
        and bool(paragraph_below(cursor))
    )


_BYLINE_REACH = 4  # lines below a headerless copy's start where its byline may stand
_PROSE = 200  # a line this long is the text's


def _drop_signature(fields: dict[str, object], found: Findings) -> None:
    """A title signed after a slash or a dash by the author its byline names (``Title / Orla
    Tamsin``, as a mirror's page heads its report; a blog's ``Title - O. Tamsin``) loses the name."""
    if not fields.get("authors"):
        return  # (no name to drop: the pattern, which tries every mark, is spared)
    signed = _SIGNED_TITLE.fullmatch(str(fields.get("title") or ""))
    if signed is not None and signed["name"] in tuple(fields.get("authors", ())):  # type: ignore[arg-type]
        fields["title"] = signed["title"]
        line = fields.get("_title_line")
        said = f"the author's name after the title's {signed['mark']!r} dropped: {signed['name']!r}"
        found.add("guess", said, line if isinstance(line, int) else None)


# the last mark with spaces around it; the name may hold a hyphen ("Ali Al-Sadr")
_SIGNED_TITLE = re.compile(r"(?P<title>.+)\s+(?P<mark>[/–—-])\s+(?P<name>[^/–—]+?)\s*")


def _drop_label(fields: dict[str, object], found: Findings) -> None:
    """A blog's label in capitals before the title it quotes (``RECOMMENDED READING: “Title”``,
    ``MUST READ: "Title"``) goes, and so do the quotes; so does a page's breadcrumb before the
    title (``Harbour News » World News » Title``)."""
    title = str(fields.get("title") or "")
    crumbs = title.split(" » ") if " » " in title else []
    if len(crumbs) >= _CRUMBS and all(len(crumb.split()) <= _CRUMB_WORDS for crumb in crumbs[:-1]):
        fields["title"] = crumbs[-1]  # "Harbour News » World » Title": the page's breadcrumb ending in the title
        line = fields.get("_title_line")
        found.add("guess", "the page's breadcrumb before the title dropped", line if isinstance(line, int) else None)
        return
    match = _LABELLED_TITLE.fullmatch(title)
    if match is not None:
        fields["title"] = match["title"]
        line = fields.get("_title_line")
        found.add(
            "guess",
            f"the label {match['label']!r} before the quoted title dropped",
            line if isinstance(line, int) else None,
        )


_CRUMBS, _CRUMB_WORDS = 3, 4
_LABELLED_TITLE = re.compile(r"(?P<label>[A-Z][A-Z' ]{2,30}):\s*[“\"](?P<title>[^“”\"]{10,300})[”\"]")
_TITLED_NAME = re.compile(r"(?:Dr|Prof|Amb)\. [A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}")  # an author without "By"


def _signer(line: str, *, first: bool, over_text: bool) -> str | None:
    """Who a line alone signs the copy as: a titled name right under the title and its date
    (``over_text``: ``Dr. Orla Tamsin``), the poster of a blog's stamp right under its headline
    (``Mar 12th, 2009 by orlo_t``: the date is the post's), or an outlet's staff or reporter
    (``Harbour Daily Staff ,``, ``Orla Tamsin ,``, ``Orla Tamsin Executive Editor``)."""
    if first and over_text and _TITLED_NAME.fullmatch(line):
        return line
    poster = h.match_posting_stamp(line) if first else None
    return poster if poster is not None else h.match_staff_byline(line)


def _read_byline_below(cursor: Cursor, fields: dict[str, object], found: Findings, *, over_text: bool) -> None:
    """A headerless copy's byline a few lines down (under a digest's intro; ``over_text``, only
    above the text, as under a title below its date), or a line alone naming who signs it (see
    :func:`_signer`): the authors; the line goes."""
    at, seen = cursor.index, 0
    while at < len(cursor.lines) and seen < _BYLINE_REACH:
        line = cursor.lines[at]
        if over_text and len(line) >= _PROSE:
            return  # a byline inside the text is a paragraph
        if line:
            seen += 1
            byline = h.match_date_line(line)
            # (or dated as the copy is: "by Orla Tamsin, harbourpost.com, Jan. 24, 2015" under the date row)
            if byline is not None and (byline.authors or byline.topics) and byline.date in (None, fields.get("date")):
                apply_date_line(byline, fields, found, cursor.line_number(at))  # "By Harbour Staff | Topics: …"
                cursor.lines[at] = ""
                return
            signer = _signer(line, first=seen == 1, over_text=over_text)
            if signer is not None:
                fields["authors"] = (signer,)
                fields["_authors_line"] = cursor.line_number(at)
                cursor.lines[at] = ""
                return
            if seen == 1 and line[:1] in ("[", "(") and (signed := h.match_signed_lead(line)):
                fields["authors"] = signed  # the lead keeps its words
                fields["_authors_line"] = cursor.line_number(at)
                return
        at += 1
