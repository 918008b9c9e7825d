"""The title: under the header, wrapped over lines, past a table of contents, or over the header."""

from __future__ import annotations

import itertools
import re

from .. import model as m
from . import header as h
from . import layouts
from .blocks import (
    LIST_MARKS,
    STRAIGHT,
    agency_credit,
    every_word_capitalised,
    in_english,
    is_boundary,
    is_credit_alone,
    is_pointer,
    sentence_case,
)
from .cursor import Cursor, Findings
from .meta import add_topics, apply_date_line, is_item_header, is_meta, keep_above
from .start import (
    CREDIT_PREFIX,
    INSTITUTE_NAME,
    LINKED_SOURCE,
    QUOTE_OPENERS,
    QUOTED_HEADLINE,
    REPEAT_REACH,
    Start,
    ends_in_quoted_words,
    is_chrome,
    is_lead_in,
    is_repost_line,
    kicker_over_quote,
    looks_like_title,
    short_sentence,
    title_case_words,
)


def read_title(cursor: Cursor, fields: dict[str, object], found: Findings) -> bool:
    """The title: the first line that can be one, past contents lists; bylines on the way are read.
    True if a meta line stands where the title would."""
    sections = _skip_contents(cursor, found)
    if sections and _headerless(fields):
        number = cursor.line_number(cursor.skip_blank())
        found.add("guess", f"line {number} heads the first section of the contents list: no title of its own", number)
        return False
    while (above := h.match_date_line(cursor.peek())) is not None and above.date is None:
        apply_date_line(above, fields, found, cursor.line_number(cursor.skip_blank()))  # "Autor: ..." above the title
        cursor.index += 1
    index = cursor.index
    under_header = bool(fields.get("series")) and 0 < index < len(cursor.lines) and bool(cursor.lines[index])
    if under_header:
        _read_below_header(cursor, fields, found)
    line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
    if h.is_section_crumb(line):
        found.add("page-chrome", f"the news site's section over the headline dropped: {line!r}", number)
        cursor.index = cursor.skip_blank() + 1
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
    if (topics := h.match_bare_topics(line, slashed=True, long=under_header)) is not None:
        add_topics(topics, fields, found, number)  # "Lebanon/Syria" over the title: never the title
        found.add("guess", f"a line of topics separated by '/' read as topics, not the title: {line!r}", number)
        cursor.index += 1
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
    below = next_line(cursor)
    blogs = _blog_headline_over(line, below, cursor, fields)
    if blogs and fields.pop("_date_above", False):
        fields["date"] = fields["_date_line"] = None
        found.add("guess", "the date over the blog's headline is its posting date, not the dispatch's", number)
    cut_over = _over_title(line, cursor) and looks_like_title(below) and (": " in below or line.endswith(_CUT))
    if blogs or (cut_over and any(cursor.lines[_next_index(cursor) + 1 :])):  # (no title is the copy's last line)
        found.add(
            "page-chrome", f"a line cut with '...', or a blog's headline, over the title dropped: {line[:40]!r}", number
        )
        cursor.index = cursor.skip_blank() + 1  # a breadcrumb, or the title cut short over its whole
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
    if (
        _headerless(fields)
        and len(below) > len(line)
        and below.startswith(line)
        and (is_credit_alone(credit := below[len(line) :].strip()) or agency_credit(credit))
    ):
        # "Scene from Coast TV" / "Scene from Coast TVHarbour news photo: MEMRI" (or "...Reuters"): the
        # page's picture over the text
        keep_above(fields, m.Figure(caption=line, credit=credit), cursor.line_number(_next_index(cursor)))
        found.add(
            "guess", f"line {number}, printed again with a picture's credit under it, is a picture's caption", number
        )
        cursor.lines[_next_index(cursor)] = cursor.lines[cursor.skip_blank()] = ""
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
        below = next_line(cursor)
    if _headerless(fields) and _caption_over_headline(line, below, cursor):
        fields["_lead_caption"] = (line, number)
        found.add(
            "guess", f"line {number}, a phrase in sentence case over a headline, is the lead picture's caption", number
        )
        cursor.lines[cursor.skip_blank()] = ""
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
    item = _item_header_ahead(cursor, fields)
    if item is not None:
        found.add("guess", f"the header names several dispatches: line {item} heads the first item, no title", item)
        return False
    if is_meta(line):
        return True
    if _headerless(fields) and layouts.CHAPTER_LABEL.fullmatch(line):
        found.add("guess", f"line {number} labels a chapter of a longer study: no title of its own", number)
        return False
    if line.endswith(" :") and is_chrome(next_line(cursor)) and looks_like_title(line[:-2]):
        line = line[:-2]  # "Title :" over its source, "MEMRI", as a French page credits it
        found.add("guess", f"line {number}, ending in a colon over the line naming its source, is the title", number)
    # (a section's label, "Wprowadzenie", heads the text's first section: the line under it is no title)
    if (
        _site_label(line, cursor, fields)
        and line.casefold() not in layouts.NOT_TITLES
        and not kicker_over_quote(cursor.lines, cursor.skip_blank())  # "Orla Tamsin:" / "«The tide ...»"
        and _headline_under_label(cursor)
    ):
        found.add(
            "guess", f"line {number}, a word or two over the headline, is the site's label, not the title", number
        )
        cursor.index = cursor.skip_blank() + 1
        line, number = cursor.peek(), cursor.line_number(cursor.skip_blank())
    run_on = _run_on_title(line) if len(line) > _RUN_ON_LINE else None
    if run_on is not None:  # "Title On October 24, 2004, the guild ...": the lead stays the body's
        cursor.lines[cursor.skip_blank()] = line[len(run_on) :].lstrip()
        fields["title"], fields["_title_line"] = run_on, number
        found.add(
            "guess", f"the title on line {number} runs into the text: split where its first sentence opens", number
        )
        return False
    wrapped = _wrapped_title(cursor)
    if wrapped:
        line = " ".join(cursor.lines[i] for i in wrapped)
        found.add("guess", f"a title wrapped over lines {number}-{cursor.line_number(wrapped[-1])} read as one", number)
    elif quoted := _quoted_headline(line, cursor, fields):
        found.add("guess", f"line {number}, {quoted}, is the title", number)
        fields["_standfirst"] = quoted.endswith("subtitle")  # the text's first block is no picture's caption
    elif (
        not (looks_like_title(line) or (cursor.index == 0 and _over_byline(line, cursor)))
        or _runs_on_below(cursor)
        or _site_label(line, cursor, fields)
    ):
        if line:
            fields.setdefault("_untitled_line", number)
        return False
    elif _headerless(fields) and (
        bloggers_words(paragraph_below(cursor)) or _lead_in_below(cursor) or _blog_case(line, cursor)
    ):
        said = f"line {number} is the site's own headline over the blogger's or the news writer's words: the title"
        found.add("guess", said, number)
        if fields.pop("_date_above", False):
            fields["date"] = fields["_date_line"] = None
            found.add("guess", "the date over the blog's headline is its posting date, not the dispatch's", number)
        cursor.index = cursor.skip_blank() + 1
        _skip_repeats(cursor, line, found)  # (the headline printed again under itself)
        posted = h.match_date_line(cursor.peek())
        if posted is not None and posted.date is not None and not posted.authors:
            cursor.index = cursor.skip_blank() + 1
            found.add("guess", "the date under the blog's headline is its posting date, not the dispatch's", number)
        fields["title"] = line
        fields["_title_line"] = number
        fields["_blogs_headline"] = True
        return False
    cursor.index = (wrapped or [cursor.skip_blank()])[-1] + 1
    byline = h.match_title_byline(line)
    title = _without_suffix(CREDIT_PREFIX.sub("", byline.title if byline else line)).removesuffix("*")
    fields["title"] = title
    _take_site_stamp(fields, found, number)
    if byline:
        if byline.line.date is not None and fields.pop("_date_above", False):
            fields["date"] = None  # the date over the title is a repost's; the title's byline dates the report
            found.add("guess", "the date over the title is the repost's; the title's byline dates the report", number)
        apply_date_line(byline.line, fields, found, number)
    fields["_title_line"] = number
    if (again := _title_again_under(cursor, title)) is not None:
        fields["title"] = again
        found.add("guess", "the title printed again under a copy with the site's section glued before it", number)
        return False
    _byline_before_title(cursor, title, fields, found)
    _linked_source(cursor, fields, found)
    _skip_repeats(cursor, line, found)
    return False


def _over_byline(line: str, cursor: Cursor) -> bool:
    """Is the text's first line one short sentence over a byline, a headline as a library files
    it (``Sermons from the piers.`` / ``By Orla Tamsin``)?"""
    byline = h.match_date_line(next_line(cursor)) if short_sentence(line) else None
    return byline is not None and bool(byline.authors)


def _run_on_title(line: str) -> str | None:
    """The title a copy ran into the first paragraph, its line break lost: the words in title case
    before the paragraph's opening date (``Harbour Guild Petitions the Council On October 24,
    2004, the guild ...``); None elsewhere."""
    opening = _DATED_OPENING.search(line)
    title = line[: opening.start()] if opening is not None else ""
    if len(title.split()) < _RUN_ON_WORDS or not every_word_capitalised(title) or not looks_like_title(title):
        return None
    return title


_RUN_ON_LINE = 200  # a title and a paragraph on one line
_RUN_ON_WORDS = 4
_DATED_OPENING = re.compile(rf" (?=(?:On|In an?) {h.DATE}\b)")


def _linked_source(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A print view's outlet under the title, the link to it a number in brackets (``Harbour Post
    [1]``): the story's byline, its link's number aside; the line is passed."""
    index = cursor.skip_blank()
    line = cursor.lines[index] if index < len(cursor.lines) else ""
    if fields.get("authors") or not line.endswith("]") or not LINKED_SOURCE.fullmatch(line):
        return
    number = cursor.line_number(index)
    fields["authors"], fields["_authors_line"] = (line.rpartition(" [")[0],), number
    found.add("guess", f"the outlet a print view links to under the title, line {number}, read as the byline", number)
    cursor.index = index + 1


def _byline_before_title(cursor: Cursor, title: str, fields: dict[str, object], found: Findings) -> None:
    """A news page's reporter glued before the title printed again under it (``Orla Tamsin The
    Tide Rises`` under ``The Tide Rises``): the byline, and the line is passed."""
    index = cursor.skip_blank()
    line = cursor.lines[index] if index < len(cursor.lines) else ""
    name = line[: -len(title)].rstrip() if len(line) > len(title) and line.endswith(title) else ""
    words = name.split()
    if fields.get("authors") or not _GLUED_BYLINE[0] <= len(words) <= _GLUED_BYLINE[1]:
        return
    if not all(word[:1].isupper() and word[1:].islower() and word.isalpha() for word in words):
        return
    number = cursor.line_number(index)
    fields["authors"], fields["_authors_line"] = (name,), number
    found.add("guess", f"the name glued before the title printed again on line {number} read as the byline", number)
    cursor.index = index + 1


_GLUED_BYLINE = (2, 3)  # the words of a reporter's name: "Orla Tamsin", "Orla Vell Tamsin"


def _title_again_under(cursor: Cursor, title: str) -> str | None:
    """The title printed again right under a copy of it that has the site's section glued before
    it (``Vellonia TerrorismThe Tide Rises`` / ``The Tide Rises``): that line, which it passes."""
    index = cursor.skip_blank()
    line = cursor.lines[index] if index < len(cursor.lines) else ""
    straight = line.translate(STRAIGHT)
    if len(line.split()) < _TITLE_WORDS or len(line) >= len(title) or not title.translate(STRAIGHT).endswith(straight):
        return None
    cursor.index = index + 1
    return line


_CHROME_LIKE = 60  # an aggregator's credit, time and tags are shorter


def _skip_repeats(cursor: Cursor, title: str, found: Findings) -> None:
    """An aggregator's page prints its headline twice (its link's text, then its heading), then
    its credit, time and tags, then the headline again over the text: all of it, down to the last
    copy, is the page's; so is the headline printed again right under itself (a news page's title
    and heading), or under its picture's credit (``Photo source: MEMRI``, which stays). Elsewhere a
    copy stays (a heading may repeat the title)."""
    lines = (i for i in range(cursor.index, len(cursor.lines)) if cursor.lines[i])
    ahead = list(itertools.islice(lines, REPEAT_REACH))
    if len(ahead) > 1 and cursor.lines[ahead[1]] == title and is_credit_alone(cursor.lines[ahead[0]]):
        found.add(
            "page-chrome", "the title printed again under its picture's credit dropped", cursor.line_number(ahead[1])
        )
        cursor.lines[ahead[1]] = ""
        return
    last = next((i for i in reversed(ahead) if cursor.lines[i] == title), None)
    if len(title.split()) < 4 or last is None or cursor.lines[ahead[0]] != title:
        return
    if last == ahead[0]:
        found.add("page-chrome", "the title printed again right under itself dropped", cursor.line_number(last))
        cursor.index = last + 1
        return
    between = [cursor.lines[i] for i in ahead if i < last and cursor.lines[i] != title]
    if not all(_page_label(line) for line in between):
        return
    count = sum(1 for i in ahead if i <= last)
    number = cursor.line_number(ahead[0])
    found.add(
        "page-chrome",
        f"{count} line(s) under the title dropped, down to its last copy on line {cursor.line_number(last)}",
        number,
    )
    cursor.index = last + 1


def _page_label(line: str) -> bool:
    """A short line of a page's own, no sentence, label, caption or meta line (``Memri``, ``2
    days ago``, ``• Politics``)."""
    return len(line) < _CHROME_LIKE and not any(mark in line for mark in ":(") and not line.endswith((".", "!", "?"))


# a blogger's own words about the institute under the blog's headline: "MEMRI has a compilation of ...",
# "Yesterday, MEMRI released ...", "Do you read MEMRI?"; not the institute's own "MEMRI has obtained
# a copy", "As MEMRI has reported", "MEMRI TV has translated"
_ABOUT_INSTITUTE = re.compile(
    r"\b(?:MEMRI|Memri)(?: TV)? (?:(?:has|have|had) (?:a|an|another|some|up)|(?:just |has )?released|put out"
    r"|comes in|comes? up with|came up with)\b"
    r"|\b(?:MEMRI|Middle East Media Research Institute)\b[^.]{0,20}\b(?:brought|drew|draws) (?:our|my) attention\b"
    r"|\b(?i:invaluable|indispens[ai]ble|intrepid|indefatigable|excellent) (?:folks at )?(?:the )?"
    r"(?:MEMRI|Memri|Middle East Media Research Institute)\b"  # an outsider's praise
    r"|\bread (?:MEMRI|Memri)\b|\b(?:people|folks|guys) at (?:MEMRI|Memri)\b"
    # the institute bringing the blogger's reader something: "MEMRI brings us", "recorded by MEMRI"
    r"|\b(?:MEMRI|Memri)(?: TV)? brings (?:us|you)\b|\b(?:recorded|captured|subtitled) by (?:the )?(?:MEMRI|Memri)\b"
    # an outsider telling the reader what the institute is: "if you have never heard of MEMRI",
    # "MEMRI, the Middle East Media Research Institute, translates ..."
    r"|\bheard of (?:MEMRI|Memri|the Middle East Media Research Institute)\b"
    r"|\bMEMRI, the Middle East Media Research Institute,"
    rf"|\b[Aa]ccording to (?:the )?(?:MEMRI|Middle East Media Research Institute)\b{layouts.NOT_A_PROJECT}"
    r"|\b[Aa]ccording to a MEMRI translation\b"
)
# a news site's lead crediting the institute: "..., reports the Middle East Media Research Institute (MEMRI)."
_CREDITS_INSTITUTE = re.compile(
    r"(?:, (?:reports?|reported|notes|noted|said|says)|^According to|according to a translation by)"
    rf" (?:the )?(?:Middle East Media Research Institute|MEMRI)\b{layouts.NOT_A_PROJECT}"
)
_SENTENCE_END = re.compile(r"[a-z)][.!?][\"”’]?\s+[A-Z]")
_ABOUT_REACH = 400  # characters of the paragraph under the headline where the blogger speaks of the institute


# the blogger's voice opening the paragraph, quotes aside: "Here's yet another sign ...", "Nice.",
# or the blogger telling the reader what to do: "You need to read the excerpts ...", "Go watch ..."
_BLOGGERS_VOICE = re.compile(
    r"(?:Here's|Here is|Here are|That's|There's|Check out|Nice[.!]|Wow|H/t|Hat tip"
    r"|You(?: really)? (?:need|have|ought|must|should|will want|'ll want|’ll want)(?: to)?"
    r" (?:read|see|watch|hear|check)\b"
    r"|Go (?:read|watch|see)\b)"
)
_QUOTED = re.compile(r"[\"“][^\"”]*(?:[\"”]|$)")
# the writer telling how they came upon what they post, or speaking their mind in an aside, quotes
# aside, as the institute's reports never do (a column it translates may speak in the first person,
# "I have followed ..."): "The following was brought to my attention by ...", "This caught my eye",
# "I came across this", "I've got my money on ...", "I wonder"
_FIRST_PERSON = re.compile(
    r"\b(?:(?:to|caught) my (?:attention|eye)|I (?:came|stumbled) across"
    r"|I['’](?:ve|m)|I (?:think|guess|wonder|suspect)"  # the writer's own aside: "I've got my money on ..."
    r"|my (?:previous |last |earlier |other )?(?:posts?|blog)|this blog)\b"  # "As my earlier posts said"
)
# a speaker's turn: "Orlo Tamsin: I believe ...", "Orlo Tamsin, Guild Captain: ..."
_SPEAKER_LINE = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4}(?:, [^:]{1,60})?: ")


def _read_below_header(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """Right under an old e-mail's header wrapped at its width: the end of its last topic
    (``... / U.S. & the Middle`` / ``East``) and the dispatch's own address on the institute's site."""
    header = cursor.lines[cursor.index - 1].rstrip()
    topics: tuple[str, ...] = tuple(fields.get("topics", ()))  # type: ignore[arg-type]
    line, number = cursor.lines[cursor.index].strip(), cursor.line_number()
    if topics and len(header) >= _WRAP_WIDTH and _WRAPPED_WORDS.fullmatch(line) and header.endswith(topics[-1]):
        fields["topics"] = (*topics[:-1], f"{topics[-1]} {line}")
        found.add("guess", f"a line ends the header's last topic, wrapped: {line!r}", number)
        cursor.index += 1
        line, number = (cursor.lines[cursor.index].strip() if cursor.index < len(cursor.lines) else ""), number + 1
    if line.startswith(layouts.ADDRESS_STARTS) and " " not in line and "memri" in line.casefold():
        fields.setdefault("source_url", line)
        found.add("guess", f"the address under the header read as the dispatch's: {line[:60]!r}", number)
        cursor.index += 1


_WRAP_WIDTH, _MAIL_WIDTH = 60, 80  # an e-mail wrapped its lines at 65 to 80 characters
_WRAPPED_WORDS = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")  # "East": a topic's last words


def paragraph_below(cursor: Cursor) -> str:
    """The first paragraph among the three lines under the cursor's, past a blog's category or
    credit lines; none under a date line or a byline (the dispatch's own meta block, or an
    author's column), nor a speaker's turn."""
    return next(iter(_paragraphs_below(cursor, 1)), "")


def _paragraphs_below(cursor: Cursor, count: int) -> list[str]:
    """The first ``count`` paragraphs under the cursor's line, as :func:`paragraph_below` finds the first."""
    paragraphs: list[str] = []
    below = (line for line in cursor.lines[cursor.skip_blank() + 1 :] if line)
    for line in itertools.islice(below, 2 + count):
        if is_meta(line) or (len(line) >= PARAGRAPH and _SPEAKER_LINE.match(line)):
            break
        if len(line) >= PARAGRAPH:
            paragraphs.append(line)
            if len(paragraphs) == count:
                break
    return paragraphs


PARAGRAPH = 80  # a line this long is a paragraph, not a blog's category or credit line
_LEAD_IN_REACH = 5  # lines under a blog's headline where its commentary may hand over to the institute's text


def _quoted_headline(line: str, cursor: Cursor, fields: dict[str, object]) -> str:
    """Without a header, a line wholly in quotes (``“Only The Tide Decides”``), or one that ends in
    the words it quotes after a colon, their stop inside the quotation (``Orla, the film's heroine:
    “Now I see.”``), over a paragraph, of the first two, that says what was translated or aired (the latter also
    under or over its date line), or wholly in quotes over its date line: the title, though a quotation
    keeps any other line from being one. Says which kind it is; empty for other lines."""
    if not _headerless(fields) or len(line) > QUOTED_HEADLINE:
        return ""
    dated = h.match_date_line(next_line(cursor))
    if dated is not None and dated.date is not None and _WHOLLY_QUOTED.fullmatch(line):
        return "wholly in quotes, over its date line"
    if dated is not None and dated.date is not None and ends_in_quoted_words(line):
        return "ending in the words it quotes, over its date line"
    if _WHOLLY_QUOTED.fullmatch(line) and _quoted_over_subtitle(line, _wrapped_subtitle(cursor)):
        return "wholly in quotes, over its subtitle"
    if fields.get("_date_above") and ends_in_quoted_words(line):
        return "ending in the words it quotes, under its date"
    if not (paragraphs := _paragraphs_below(cursor, 2)):
        return ""
    if _WHOLLY_QUOTED.fullmatch(line) and _quoted_over_subtitle(line, next_line(cursor)):
        return "wholly in quotes, over its subtitle"
    if _WHOLLY_QUOTED.fullmatch(line) and _first_line(cursor) and _names_institute_below(cursor):
        return "wholly in quotes, first over the blogger's words naming the institute"
    if not any(
        _TRANSLATED.search(paragraph, 0, _ABOUT_REACH) or layouts.AIRED.search(paragraph, 0, _ABOUT_REACH)
        for paragraph in paragraphs  # the blogger's words may come first
    ):
        return ""
    if _WHOLLY_QUOTED.fullmatch(line):
        return "wholly in quotes"
    return "ending in the words it quotes" if ends_in_quoted_words(line) else ""


def _first_line(cursor: Cursor) -> bool:
    """Does the cursor's line open the text, or stand right under the date or the posting line
    that does (``Wednesday, October 24, 2012``)?"""
    above = [line for line in cursor.lines[: cursor.skip_blank()] if line]
    if len(above) != 1:
        return not above
    return h.parse_date(above[0]) is not None or is_repost_line(above[0])


def _names_institute_below(cursor: Cursor) -> bool:
    """Is the line under the cursor's a paragraph of prose, with the institute named within the
    next few lines (``According to MEMRI, the source of the video, ...``)?"""
    below = [line for line in cursor.lines[cursor.skip_blank() + 1 :][: _INSTITUTE_REACH * 2] if line]
    return (
        bool(below)
        and len(below[0]) >= PARAGRAPH
        and any(_INSTITUTE_NAMED.search(line) for line in below[:_INSTITUTE_REACH])
    )


_INSTITUTE_NAMED = re.compile(rf"\b{INSTITUTE_NAME}\b")
_INSTITUTE_REACH = 5  # lines under a blog's quoted headline where the blogger names the institute


def _wrapped_subtitle(cursor: Cursor) -> str:
    """The two lines under the cursor's joined, where a hard-wrapped copy wrapped a subtitle over
    them, a blank line or two and more text under them; empty otherwise."""
    at = cursor.skip_blank() + 1
    while at < len(cursor.lines) and not cursor.lines[at]:
        at += 1
    block = cursor.lines[at : at + 5]
    if len(block) < 4 or not (block[0] and block[1] and not block[2] and any(block[3:])):
        return ""
    return " ".join(block[:2]) if all(len(line) < PARAGRAPH for line in block[:2]) else ""


def _quoted_over_subtitle(line: str, below: str) -> bool:
    """A news site's headline quoting its subject, no sentence's stop in the quotation (``“I pray
    the tide will rise a thousand times”``), over a short subtitle without a final stop (``So
    said the guild's envoy to Port Vell``); not a quoted sentence over its speaker's name."""
    words = line.split()
    quoted_sentence = line.rstrip('"”»“').endswith((".", "!", "?", "…"))
    return (
        not quoted_sentence
        and 4 <= len(words) <= _QUOTED_WORDS
        and 0 < len(below) < _SUBTITLE
        and below[0] not in "\"“«„'‘"
        and not below.endswith((".", ":", ";", ","))
        and len(below.split()) >= 4
    )


_SUBTITLE = 2 * PARAGRAPH  # a subtitle without a final stop may be two lines long
_QUOTED_WORDS = 16  # a quoted headline over its subtitle has at most these words
_WHOLLY_QUOTED = re.compile(r"[\"“«„][^\"“”«»„]{10,}[\"”»“]")
# a paragraph that speaks of a translation: "excerpts", "translated", and the mirrors' words
_TRANSLATED = re.compile(rf"\b(?:excerpts?|translat\w*|{'|'.join(layouts.BOUNDARY_WORDS)})\b", re.IGNORECASE)


def _site_label(line: str, cursor: Cursor, fields: dict[str, object]) -> bool:
    """Without a header, a line of a word or two over the text (no meta block under it) is a site's
    name or a blog's label (``Harbour Press``): no dispatch's title is so short."""
    return _headerless(fields) and len(line.split()) <= 2 and not is_meta(next_line(cursor))


def _headline_under_label(cursor: Cursor) -> bool:
    """Is the line under a site's label (``Kurzclips``) a headline of six words or more over the
    text's first paragraph, or of three or more over a line crediting the institute (``(Translated
    by MEMRI)``)?"""
    at = _next_index(cursor)
    if at >= len(cursor.lines):
        return False
    below = cursor.lines[at]
    after = next((line for line in cursor.lines[at + 1 : at + 4] if line), "")
    words = len(below.split())
    return looks_like_title(below) and (
        (words >= _LABELLED_HEADLINE_WORDS and len(after) >= PARAGRAPH)
        or (words >= _CREDITED_HEADLINE_WORDS and _INSTITUTE_NAMED.search(after) is not None)
    )


_LABELLED_HEADLINE_WORDS = 6
_CREDITED_HEADLINE_WORDS = 3


def _headerless(fields: dict[str, object]) -> bool:
    return fields.get("series") is None and fields.get("number") is None


def _lead_in_below(cursor: Cursor) -> bool:
    """Does the blog's commentary under the headline hand over to the institute's text within a
    few lines (``Video and translation from MEMRI:``)? Then the headline is the blog's own."""
    below = (line for line in cursor.lines[cursor.skip_blank() + 1 :] if line)
    return any(is_lead_in(line) for line in itertools.islice(below, _LEAD_IN_REACH))


_ENGLISH_TEST = 20  # words of the paragraph under the headline that tell its language


def _blog_case(line: str, cursor: Cursor) -> bool:
    """A headline in sentence case over a paragraph of English (``Egyptian cleric says the council
    will fall within the year``): the blog's own; the institute's English titles capitalise every
    word. Not over a date line or a byline."""
    paragraph = paragraph_below(cursor)  # none under a date line or a byline: the dispatch's meta block
    return bool(paragraph) and len(paragraph.split()) >= _ENGLISH_TEST and sentence_case(line) and in_english(paragraph)


def bloggers_words(paragraph: str) -> bool:
    """Is the paragraph under a headline the blogger's: speaking of the institute, or opening in
    the blogger's own voice?"""
    if _ABOUT_INSTITUTE.search(paragraph, 0, _ABOUT_REACH) is not None:
        return True
    lead = _SENTENCE_END.search(paragraph)  # a news writer credits the institute in the lead sentence
    if _CREDITS_INSTITUTE.search(paragraph, 0, lead.end() if lead else len(paragraph)) is not None:
        return True
    unquoted = _QUOTED.sub(" ", paragraph[:_ABOUT_REACH].replace("’", "'")).lstrip()
    if _BLOGGERS_VOICE.match(unquoted) is not None:
        return True
    return _SPEAKER_LINE.match(unquoted) is None and _FIRST_PERSON.search(unquoted) is not None


# the page's date and the site's address run onto the title: "Title (6) August 29, 2003 memri.org"
_SITE_STAMP = re.compile(rf"[\s|]+(?P<date>{h.ANY_DATE})[\s|]+(?:www\.)?memri\.org$", re.IGNORECASE)


def _take_site_stamp(fields: dict[str, object], found: Findings, number: int) -> None:
    title = str(fields["title"])
    stamp = _SITE_STAMP.search(title) if title[-9:].casefold() == "memri.org" else None
    if stamp is None:
        return
    fields["title"] = title[: stamp.start()]
    found.add("guess", f"the date and the site's name run onto the title taken off it: {stamp[0].strip()!r}", number)
    if fields.get("date") is None:
        fields["date"], fields["_date_line"] = h.parse_date(stamp["date"]), number


_CUT = ("...", "…")
_CUT_LINE = 200  # a breadcrumb or a cut title is short


def _over_title(line: str, cursor: Cursor) -> bool:
    """A breadcrumb or the title cut short with '...', or a blog's headline in title case that ends
    in a colon (``Tamsin, Guild Clarify Their Stance:``), a blank line under it (without one, the
    colon runs the title on to its next line), over the title (the caller asks that a headline's
    title holds a colon of its own, ``Name: Words``, so it is no title's first half)."""
    if len(line) > _CUT_LINE:
        return False
    if line.endswith(_CUT):
        return True
    at = cursor.skip_blank()
    blank_below = at + 1 < len(cursor.lines) and not cursor.lines[at + 1]
    return line.endswith(":") and blank_below and len(line.split()) >= 3 and every_word_capitalised(line[:-1])


def _caption_over_headline(line: str, below: str, cursor: Cursor) -> bool:
    """A news site's lead picture's caption over its headline: a long phrase in sentence case with
    no stop (``The guild's master meets the ferry company's envoy in Porto Vell, Vellonia``) over
    a headline of five words or more, every one capitalised, two thirds its length at most, that
    heads the text; not a sentence-case headline over a name, a label, a date or a report's title."""
    if not _CAPTION_LINE <= len(line) <= _LONG_CAPTION_LINE or line[-1] in '.!?:"”' or len(below) * 3 > len(line) * 2:
        return False  # (a caption runs half as long again as the headline under it)
    if len(below.split()) < _HEADLINE_WORDS or ": " in below or is_chrome(below) or h.match_date_line(below):
        return False  # "Orla Tamsin", "Breaking News": a sentence-case headline's byline or label; a report's title
    if is_meta(below) or h.match_header(below):
        return False  # "Vellonia | Special Dispatch No. 1111" under the title
    if "Research Institute" in below or below.startswith(("By ", "By:")):
        return False  # the institute named under a sentence-case headline, or its byline's row
    if "://" in line or ":" in line[:_LABEL]:
        return False  # "Source: https://...", a label's line
    lower = sum(1 for word in line.split() if word[0].islower() and word.lower() not in layouts.SMALL_WORDS)
    if lower < _CAPTION_LOWER_WORDS or not every_word_capitalised(below) or not looks_like_title(below):
        return False
    at = _next_index(cursor)
    text = next((under for under in cursor.lines[at + 1 : at + 4] if under), "")
    return len(text) >= PARAGRAPH


_CAPTION_LINE, _LONG_CAPTION_LINE = 80, 300
_HEADLINE_WORDS = 5
_LABEL = 25  # a colon this near a line's start ends a label
_CAPTION_LOWER_WORDS = 1  # "meets", "visits": a caption's verb in lower case


def _blog_headline_over(line: str, below: str, cursor: Cursor, fields: dict[str, object]) -> bool:
    """Without a header, a headline of up to four words with one in lower case (``New MEMRI spin-off``) right
    over a title with every word capitalised (``Introducing The Harbour Guild's Blog``) that heads
    the text, or over the dispatch's whole title that holds it (see :func:`_whole_title_below`):
    the blog's own headline over the dispatch's title."""
    if _headerless(fields) and _whole_title_below(line, below):
        return True
    if not _headerless(fields) or len(line.split()) > _BLOG_HEADLINE_WORDS or every_word_capitalised(line):
        return False
    if len(below.split()) < _TITLE_WORDS or not every_word_capitalised(below) or not looks_like_title(below):
        return False
    if not looks_like_title(line) or is_meta(below) or h.match_header(below) or _YEAR.search(below):
        return False  # an outlet and its date, a source line, under a news headline
    text = next((other for other in cursor.lines[_next_index(cursor) + 1 :] if other), "")
    return len(text) >= PARAGRAPH


def _whole_title_below(line: str, below: str) -> bool:
    """Is ``below`` the dispatch's whole title, which the blog's headline over it shortens
    (``Harbour Tide Tables`` over ``Preliminary Overview. - Harbour Tide Tables: Pilots, Ferries
    and the Guild's Position.``): longer, every word capitalised, holding the headline's words?"""
    return (
        len(below) >= len(line) + _WHOLE_TITLE_MORE
        and len(below) <= _WHOLE_TITLE
        and len(line.split()) >= _TITLE_WORDS - 1
        and line in below
        and every_word_capitalised(below)
    )


_WHOLE_TITLE_MORE, _WHOLE_TITLE = 20, 300
_BLOG_HEADLINE_WORDS = 4  # a longer headline in sentence case is a news site's title over its first heading
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_TITLE_WORDS = 4


def next_line(cursor: Cursor) -> str:
    """The non-blank line after the cursor's."""
    below = _next_index(cursor)
    return cursor.lines[below] if below < len(cursor.lines) else ""


def _next_index(cursor: Cursor) -> int:
    """The index of the non-blank line after the cursor's (the lines' length if none)."""
    below = cursor.skip_blank() + 1
    while below < len(cursor.lines) and not cursor.lines[below]:
        below += 1
    return below


def _runs_on_below(cursor: Cursor) -> bool:
    """Is the line a hard-wrapped sentence's first, the next line going on in lower case (``This
    people was made ...The Vellonian`` / ``people is part of ...``), or the line stopping on a word
    no title ends on, the next line right under it (``... said in a sermon on`` / ``Harbour TV``)?
    Then it is no title."""
    below = cursor.skip_blank() + 1
    following = cursor.lines[below] if below < len(cursor.lines) else ""
    return following[:1].islower() or (bool(following) and cursor.peek().rpartition(" ")[2] in _DANGLING)


_DANGLING = frozenset("a an the of on in at to and or by for with from".split())  # a sentence broken after them


def _item_header_ahead(cursor: Cursor, fields: dict[str, object]) -> int | None:
    """The line number of an item's header among the next six lines, where the header named
    several dispatches (an e-mail of their items, perhaps with the day's headlines first). None
    where an introduction stands before it: the line over that is the e-mail's own headline."""
    if not fields.get("extra_numbers"):
        return None
    for count, i in enumerate(cursor.ahead(6)):
        line = cursor.lines[i]
        if not count and items_headline(line):
            return None  # the e-mail's headline, its items' titles joined: its title
        if (header := h.match_header(line)) is not None and is_item_header(header, fields):
            return cursor.line_number(i)
        if count and len(line) > 150 and (line.startswith(layouts.OPENING_WORDS) or line.endswith(":")):
            return None  # "Reformist Voices" / "The following are six dispatches about ...:"
    return None


def items_headline(line: str) -> bool:
    """An e-mail digest's headline, three or more of its items' titles joined by semicolons
    (``Guild Chief: ...; Harbour Preacher: ...; ...``), the first named in two words or more; not
    one item's title, a label's list (``Topics: A; B; C``), its opening sentence nor a list of
    links (``· Title · Title``)."""
    label, colon, _ = line.partition(": ")
    return (
        line.count("; ") >= 2
        and bool(colon)
        and " " in label
        and "·" not in line
        and not line.startswith(layouts.OPENING_WORDS)
        and looks_like_title(line)
    )


_WRAPPED_TITLE = 4  # lines a title may be wrapped over (an e-mail's hard-wrapped text, a title and its subtitle)


def _wrapped_title(cursor: Cursor) -> list[int]:
    """The indices of a title wrapped over two or more lines with no blank line between them and
    one after them (``Voices from the Vellonian Harbour Press:`` / ``Harbour Dispatch (2)``), or
    its byline or date right under them, as an e-mail wraps a title over its byline; empty where
    the title is one line, or the lines run on into the body."""
    first = cursor.skip_blank()
    taken = [first]
    while (after := taken[-1] + 1) < len(cursor.lines) and cursor.lines[after] and len(taken) <= _WRAPPED_TITLE:
        line = cursor.lines[after]
        if len(taken) > 1 and h.match_date_line(line):
            break  # "A Title Wrapped Over The" / "Next Line" / "By: A. Name"
        if h.match_page_date(line) is not None:
            break  # "Harbour News" / "Last updated: May 3, 2013": a site's name over the page's date
        if len(line) > 120 or is_meta(line) or is_chrome(line) or h.match_clip_line(line):
            return _quoted_lines(cursor, taken)
        if line == cursor.lines[first] or is_credit_alone(line):
            break  # the title printed again (an aggregator's link, then its heading), or its picture's credit
        taken.append(after)
    if cursor.peek()[:1] in QUOTE_OPENERS and (quoted := _quoted_lines(cursor, taken)):
        return quoted  # "«The tide" / "will rise»." over the deck and the text, no blank line between
    if len(taken) > _WRAPPED_TITLE:  # an e-mail wrapped at its width may run the body on under the title
        taken = _wrapped_quote(cursor, taken) or _wrapped_at_width(cursor, taken)
    if len(taken) < 2 or len(taken) > _WRAPPED_TITLE or any(len(cursor.lines[i]) > 120 for i in taken):
        return []
    if any(_SENTENCE_ENDED.search(cursor.lines[i]) for i in taken[:-1]):
        return []  # "Home of the Harbour Letter, the daily e-mail of the port." / "...": a site's sentences
    return taken if looks_like_title(" ".join(cursor.lines[i] for i in taken)) else []


_SENTENCE_ENDED = re.compile(r"[a-z]{2}\.$")  # a word in lower case and a stop: no wrapped title's line ends so
# "Outlet: 'The quoted claim" / "carried on'": a quotation opened after the colon, not closed on the line
_OPENED_QUOTE = re.compile(r"(?:.{3,}:\s)?[\"“„‚«'‘][^\"“”„‚«»'‘’]+$")  # (or opening the line: "«The tide")
_CLOSING_QUOTES = ('"', "”", "“", "’", "»", "'")


def _quoted_lines(cursor: Cursor, taken: list[int]) -> list[int]:
    """The lines of a title whose quotation is wrapped over them (see :func:`_wrapped_quote`), if
    they can be a title; empty otherwise."""
    quoted = _wrapped_quote(cursor, taken)
    return quoted if quoted and looks_like_title(" ".join(cursor.lines[i] for i in quoted)) else []


def _wrapped_quote(cursor: Cursor, taken: list[int]) -> list[int]:
    """The lines of a title whose quotation, opened after its colon, the e-mail wrapped over the
    next line or two with the body run on under it: up to the line the quotation closes on; empty
    if it does not close there."""
    if not _OPENED_QUOTE.fullmatch(cursor.lines[taken[0]].rstrip()):
        return []
    for count, index in enumerate(taken[1 : _WRAPPED_TITLE - 1], 2):
        if cursor.lines[index].rstrip().removesuffix(".").endswith(_CLOSING_QUOTES):
            return taken[:count]
    return []


def _wrapped_at_width(cursor: Cursor, taken: list[int]) -> list[int]:
    """The lines of a title an e-mail wrapped at its width, the body run on under it: the lines up
    to the first short one, those over it as wide as an e-mail's (``Conspiracy theories about the
    tide: It was a punishment from`` / ... / ``Vellonia, the guild``); empty if there is none."""
    for count, index in enumerate(taken[1:], 2):
        line = cursor.lines[index].rstrip()
        if len(line) < _WRAP_WIDTH * 0.6:
            wide = all(_WRAP_WIDTH <= len(cursor.lines[i].rstrip()) <= _MAIL_WIDTH for i in taken[: count - 1])
            return taken[:count] if wide and not line.endswith((".", ":", ";", ",")) else []
    return []


# the institute's name with its office: "Middle East Media Research Institute, DC"
_INSTITUTE_LINE = re.compile(r"(?:The )?(?:Middle East Media Research Institute|MEMRI)(?:,? [\w ,.]{1,40})?")
# the site after a title over the header: "Title, MEMRI", "Title - MEMRI", "Title (MEMRI-MIDDLE EAST MEDIA
# RESEARCH INSTITUTE)"
_SITE_SUFFIX = re.compile(
    r"\s*(?:,|[-–—|])\s*MEMRI$|\s*\((?i:MEMRI|The Middle East Media Research Institute)\b[^()]{0,60}\)$"
)
_SOURCE_LABEL = re.compile(layouts.SOURCE_LABEL)
_PAST_PICTURE = 4  # words a title looked for past a picture has at least
# a page's title as its tab names it ("Title - MEMRI"), or as a library's database files it, the
# newspaper's section glued after its stop ("Sermons from the harbour.(COMMENTARY)", "(Brief Article)")
_PAGE_SUFFIX = re.compile(r"(?<!\s)\s+[-–—|]\s*MEMRI$|(?<=[.!?])\([A-Z][A-Za-z]+(?: [A-Za-z]+){0,2}\)$")
# a blog's credit in brackets after it ("Title (MEMRI TV)", "Title, (Via: MEMRI)"); not the institute's
# own name with its initials
_CREDIT_SUFFIX = re.compile(r"(?<!Institute),? \((?:[Vv]ia:? )?MEMRI(?: ?TV)?\)$")


# a post shared as a tweet: the site, the title in quotes, the hashtags ('MEMRI.org "Title" #tcot #harbour')
_HASHTAG = re.compile(r"#[^\W\d_][\w-]{0,40}")
_SITE_QUOTING = re.compile(r"(?:www\.)?memri(?:tv)?\.org:?\s[\"“](?P<title>[^\"“”]{4,})[\"”]", re.IGNORECASE)


def _without_suffix(title: str) -> str:
    """The title without the page's, the library's or the blog's words after it (each pattern is
    asked only of a title ending as its words end: a search of every position costs), and a
    shared post's title without the site quoting it and its hashtags."""
    if "#" in title:
        words = title.split(" ")
        while len(words) > 1 and _HASHTAG.fullmatch(words[-1]):
            words.pop()  # (word by word from the end: a pattern anchored there would try every start)
        title = " ".join(words)
    quoted = _SITE_QUOTING.fullmatch(title) if title[:4].casefold() in ("memr", "www.") else None
    title = quoted["title"] if quoted is not None else title
    if not title.endswith(("MEMRI", ")")):
        return title
    title = _PAGE_SUFFIX.sub("", title)
    return _CREDIT_SUFFIX.sub("", title) if title.endswith(")") else title


def read_title_above(cursor: Cursor, start: Start, fields: dict[str, object], found: Findings) -> None:
    """A repost's title over the header, the institute's name lines between them
    (``Title, MEMRI`` / ``MEMRI`` / header), when none stands under the header; an e-mail's
    byline between them (``TITLE`` / ``By A. Name*`` / ``Middle East Media Research Institute, DC``
    / header) gives the authors. A picture between them (a banner and its ``Source:`` line) is
    passed over; an old e-mail's dashes around the title (``- Title -``) go."""
    credited = passed = False  # the line above a credit is the picture's caption
    for index in range(start.at - 1, -1, -1):
        line = cursor.lines[index]
        if not line or is_chrome(line) or _INSTITUTE_LINE.fullmatch(line) or is_pointer(line):
            continue  # ("Link to the video.": the blogger's link over the header)
        if line.endswith(":") and len(line) <= _SITE_LABEL:
            continue  # a site's name before the header on its line: "HARBOUR INSIDER : <header>"
        if credited or (line.startswith(layouts.SOURCE_WORDS) and _SOURCE_LABEL.match(line)):
            credited, passed = not credited, True
            continue
        byline = h.match_date_line(line)
        if byline is not None and byline.authors:  # "By A. Name", "March 31, 2007 | By A. Name"
            apply_date_line(byline, fields, found, cursor.line_number(index))
            continue
        title = CREDIT_PREFIX.sub("", _SITE_SUFFIX.sub("", line))  # an e-mail's subject: "MEMRI: Title"
        if title.startswith("- ") and title.endswith(" -"):
            title = title[2:-2].strip()  # an old e-mail's title between dashes: "- Title -"
        alone = index == 0 or not cursor.lines[index - 1] or is_chrome(cursor.lines[index - 1])  # not a wrapped line
        top, capitals = (index, "") if alone else _capitals_above(cursor.lines, index)
        if capitals:
            title, alone = capitals, True  # a title in capitals wrapped over several lines, its stop kept
        if passed and len(title.split()) < _PAST_PICTURE:
            return  # a blog's name over a picture, not the title
        if alone and (capitals or looks_like_title(title)) and not is_repost_line(title):
            fields["title"] = title
            number = fields["_title_line"] = cursor.line_number(top)
            lines = f"lines {number}-{cursor.line_number(index)}" if top < index else f"line {number}"
            above = "header" if start.kind == "header" else "meta line"
            found.add("guess", f"the title is {lines}, above the {above}", number)
        return


_SITE_LABEL = 40  # a label over the header, ending in its colon
_CAPITALS_TITLE = 300  # characters a title in capitals, wrapped over several lines, runs to


def _capitals_above(lines: list[str], index: int) -> tuple[int, str]:
    """The first line and the words of a title in capitals wrapped over the lines up to ``index``
    (``LE PRÉSIDENT`` / ``ORLO TAMSIN`` / ``"NOUS N'AVONS ...``), with no blank line in it; the
    text is empty where there is none."""
    first = index
    while first > 0 and _in_capitals(lines[first - 1]) and index - first < _WRAPPED_TITLE + 2:
        first -= 1
    joined = " ".join(lines[first : index + 1])
    if first == index or not _in_capitals(lines[index]) or len(joined) > _CAPITALS_TITLE:
        return index, ""
    return first, joined


def _in_capitals(line: str) -> bool:
    return bool(line) and line.isupper() and len(line) <= 120


def read_item_title(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """Under a numbered header with no title, a digest's opening sentence (``The following is a
    sampling of recent reports from the guild's blog.``) and perhaps a line pointing to more: the
    first item's headline, over its paragraph, is the only title the copy shows. The line stays
    in the text."""
    lines = [i for i in itertools.islice(range(cursor.index, len(cursor.lines)), _ITEM_REACH) if cursor.lines[i]]
    if not lines or not layouts.DIGEST_INTRO.match(cursor.lines[lines[0]]):
        return
    for index, below in itertools.pairwise(lines[1:]):
        line = cursor.lines[index]
        if looks_like_title(line) and len(line.split()) >= _PAST_PICTURE and len(cursor.lines[below]) >= PARAGRAPH:
            number = fields["_title_line"] = cursor.line_number(index)
            fields["title"] = line
            found.add("guess", f"the title is line {number}, the headline of the first item the copy shows", number)
            return
        if len(line) >= PARAGRAPH and not line.endswith(("visit", "visit:", ":")):
            return  # the first item's text: no headline over it


_ITEM_REACH = 12  # lines under a digest's opening sentence where its first item's headline may stand


def _skip_contents(cursor: Cursor, found: Findings) -> bool:
    """A contents word and the list under it: up to where its first entry stands again as the
    body's first heading (when only short entries stand between), or else the lines that stand
    again as headings further down (the copy may be cut before its later sections). True where
    the cursor stands at the first entry's heading."""
    if cursor.peek().casefold() not in layouts.CONTENTS_WORDS:
        return False
    first, start = cursor.line_number(cursor.skip_blank()), cursor.skip_blank()
    cursor.index += 1
    entry = cursor.peek()
    again = next((i for i in range(cursor.skip_blank() + 1, len(cursor.lines)) if cursor.lines[i] == entry), None)
    between = cursor.lines[cursor.index : again or 0]
    at_entry = bool(entry) and again is not None and not any(len(line) > 100 or is_meta(line) for line in between)
    if at_entry and again is not None:
        cursor.index = again  # only entries stand between: not the title and meta block
    else:
        last = {line: index for index, line in enumerate(cursor.lines)}  # where each line stands last
        while cursor.peek() and last[cursor.peek()] > cursor.index:
            cursor.index += 1
    count = sum(1 for line in cursor.lines[start : cursor.index] if line)
    found.add("boilerplate", f"a table of contents ({count} line(s)) dropped", first)
    return at_entry


def read_quoted_title(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A blog's or a news writer's text, without a title of the dispatch's own (none, or the blog's
    headline), that names the dispatch in its first paragraphs: the institute's post of it quoted
    (``Title #Tag pic.twitter.com/… — MEMRI (@MEMRIReports) November 1, 2023``), or its title in
    quotes with every word capitalised, right after a word naming it (``… posted a special
    dispatch: “Title.”``, ``in their latest release, 'Title':``). That is the title; the post's
    date dates a copy without one. Over a headline that may be the dispatch's own, only a title
    the line says stands on the institute's site is (``Video bei MEMRI TV: „Title“``). The lines
    stay in the text."""
    if not _headerless(fields):
        return
    own = bool(fields.get("title")) and not fields.get("_blogs_headline")  # a title that may be the dispatch's own
    for seen, index in enumerate(cursor.ahead(_POST_REACH)):
        line, number = cursor.lines[index], cursor.line_number(index)
        post = _INSTITUTES_POST.fullmatch(line) if "@" in line else None
        if post is None and seen >= _QUOTING_REACH:
            continue  # further down, only the institute's post, signed with its account, names the dispatch
        title, cited = (post["title"].strip(), None) if post else _quoted_dispatch_title(line)
        if own and not (title and _ON_INSTITUTES_SITE.search(line)):
            continue  # over the dispatch's own title, only a title the text says is on the institute's site
        if title:
            said = f"the title is the dispatch's, as line {number} quotes it: {title[:60]!r}"
            found.add("guess", _giving_way(said, fields), number)
            fields["title"], fields["_title_line"] = title, number
            if post and fields.get("date") is None:
                fields["date"], fields["_date_line"] = h.parse_date(post["date"]), number
            if cited is not None:  # "For MEMRI Special Dispatch No. 794, 'Title', see here"
                fields["series"], fields["number"] = cited.series, cited.numbers[0]
                found.add("guess", f"the series and number are the ones line {number} names with the title", number)
            return


def _giving_way(said: str, fields: dict[str, object]) -> str:
    """What the reader says of a title it takes from the text, with the headline that gives way to it."""
    return f"{said}; the headline {fields['title']!r} gives way" if fields.get("title") else said


def read_cited_dispatch(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A blog's or a news writer's text without a header whose lead-in names the dispatch it then
    quotes, a colon handing over to it (``According to MEMRI Special Dispatch Number 794 (July
    15, 2019), the guild's envoy said:``), or whose header stands alone right over the dispatch's
    translation boundary (``MEMRI Clip #1103`` / ``The following are excerpts ...``): the series,
    number and date are that dispatch's. A dispatch named in passing, with no colon after it, is
    only cited."""
    if not _headerless(fields):
        return
    lines = cursor.ahead(_QUOTING_REACH + 1)
    for position, index in enumerate(lines[:_QUOTING_REACH]):
        line = cursor.lines[index].rstrip()
        named = _INTRODUCED.search(line) if line.endswith(":") and len(line) <= _LEAD_IN else None
        header = h.match_header(f"{named['series']} No. {named['number']}") if named else None
        if named is None and len(line) <= _HEADER_ALONE and position + 1 < len(lines):
            # a header alone on its line right over the translation's boundary: "MEMRI Clip #1103" / "The following ..."
            alone = h.match_header(line)
            header = alone if alone is not None and is_boundary(cursor.lines[lines[position + 1]]) else None
        if header is None or not header.series or not header.numbers:
            continue
        number = cursor.line_number(index)
        fields["series"], fields["number"], fields["_series_cited"] = header.series, header.numbers[0], True
        said = f"the series and number are the ones line {number} names as it hands over to the text"
        if named is not None and named["date"] and fields.get("date") is None:
            fields["date"], fields["_date_line"] = h.parse_date(named["date"]), number
            said += ", with its date"
        found.add("guess", said, number)
        return


def read_credited_clip(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A blog's text without a header crediting, in its first lines, the one institute clip it
    quotes (``MEMRI TV, item no. 669.``, ``MEMRI TV, Video Clip #3702.``, ``(clip n° 1968)``): the
    series and number are that clip's. A clip the text points the reader to (``see MEMRI TV Clip
    No. 6970``), or one of several clips it names, is only cited."""
    if not _headerless(fields):
        return
    for index in cursor.ahead(_QUOTING_REACH):
        line = cursor.lines[index]
        credit = _CLIP_CREDIT.search(line) if "lip" in line or "item" in line else None
        if credit is None or _POINTED_TO.search(line, max(0, credit.start() - 30), credit.start()):
            continue
        named = {match["number"] for text in cursor.lines if "lip" in text for match in _CLIP_CREDIT.finditer(text)}
        if named - {credit["number"]}:
            return  # a digest's, or a text that cites other clips: which is its own is not said
        number = cursor.line_number(index)
        fields["series"], fields["number"], fields["_series_cited"] = "MEMRI TV Clip", int(credit["number"]), True
        found.add("guess", f"the series and number are the one clip line {number} credits", number)
        return


# a clip named by its number, in the mirrors' words too: "MEMRI TV, Video Clip #3702", "clip n° 1968"
_CLIP_CREDIT = re.compile(
    r"(?:\b[CK]lip|\bMEMRI ?TV, item)\s?(?:#|no\.|n[°º]\.?|nr\.?|núm\.|number)\s?(?P<number>\d{1,6})\b",
    re.IGNORECASE,
)
# (or one it compares: "as shown in MEMRI TV Clip No. 1587", "comme le montre le clip n° 1587", "como")
_POINTED_TO = re.compile(
    r"\b(?:see|also|previous(?:ly)?|earlier|voir|siehe|véase|vedi|zob\.|as (?:shown|seen)|comme|como)\b",
    re.IGNORECASE,
)


def read_credited_report(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A blog's text without a header handing over to the report it quotes by its title, perhaps
    its authors, the institute and date (``"Title," by O. Tamsin, MEMRI, August 2, 2022:``): the
    title, authors and date are that report's; the blog's headline gives way."""
    if not _headerless(fields):
        return
    for index in cursor.ahead(_QUOTING_REACH):
        line = cursor.lines[index]
        match = _CREDITED_REPORT.fullmatch(line) if line[:1] in _OPENING_QUOTES and "MEMRI" in line else None
        if match is None:
            continue
        number = cursor.line_number(index)
        date = h.parse_date(match["date"])  # none for a day without its year: "March 14"
        parts = ["the title", *(["authors"] if match["authors"] else []), *(["date"] if date else [])]
        taken = f"{', '.join(parts[:-1])} and {parts[-1]} are" if len(parts) > 1 else "the title is"
        said = _giving_way(f"{taken} the report's line {number} hands over to", fields)
        fields["title"], fields["_title_line"] = match["title"], number
        if date:
            fields["date"], fields["_date_line"] = date, number
        if match["authors"]:
            fields["authors"], fields["_authors_line"] = h.split_authors(match["authors"])[0], number
        fields["_credited"] = True  # the line credits the institute with the report
        found.add("guess", said, number)
        return


_OPENING_QUOTES = '"“'
# a report named by a blog handing over to it: '"Title," by O. Tamsin, MEMRI, August 2, 2022:', '"Title," MEMRI, ...',
# '"Title," from MEMRI, March 14:' (the day without its year dates nothing)
_CREDITED_REPORT = re.compile(
    rf"[\"“](?P<title>[^\"“”]{{20,400}}?)[,.]?[\"”],?(?: by (?P<authors>[A-Z][^\"“”]{{2,150}}?),)?"
    rf" (?:from )?(?:MEMRI|the Middle East Media Research Institute), (?P<date>{h.DATE}|[A-Z][a-z]{{2,8}} \d{{1,2}}):?"
)


def read_title_under_credit(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A blog's text without a header whose line crediting the institute's translation hands over
    to a title (``From Harbour TV (Vellonia) - January 26, 2009 (translated by MEMRI):`` / ``Title
    In Title Case``): that is the dispatch's title, and leaves the body; the blog's headline gives
    way. So does it under a sentence of the blogger's naming the institute (``... here's what Memri
    put up for the public:``), where the title so far is the blog's headline."""
    if not _headerless(fields):
        return
    # the blogger's words naming the institute: under the blog's own headline only, a sentence, not a list's label
    named = bool(fields.get("_blogs_headline"))
    for index, below in itertools.pairwise(cursor.ahead(_QUOTING_REACH + 1)):
        line, title = cursor.lines[index], cursor.lines[below]
        if not line.endswith(":"):
            continue
        if _TRANSLATED_BY.search(line):
            over = "the line crediting the institute's translation"
        elif named and len(line) >= _HANDING_SENTENCE and _NAMES_INSTITUTE.search(line):
            over = "the blogger's line naming the institute"
        else:
            continue
        if title.startswith(LIST_MARKS):
            return  # "The report finds these themes:" over a list's first item, "- Calls for ..."
        if len(title.split()) >= _QUOTED_TITLE_WORDS and looks_like_title(title) and title_case_words(title):
            number = cursor.line_number(below)
            said = f"line {number}, under {over}, is the dispatch's title"
            found.add("guess", _giving_way(said, fields), number)
            fields["title"], fields["_title_line"] = title, number
            cursor.lines[below] = ""  # the title leaves the body
        return


def read_credited_title(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A blog's text without a header that gives the institute's title with its name a few lines
    down: after it (``Harbour Poet Orla Tamsin: The Tide Is Ours. Memri.``, ``… - MEMRI``), or
    before it at the end of the blogger's words (``… what your definition of a storm is: MEMRI:
    Cartoons Condemning The Storm``). That is the dispatch's title, the name off; the blog's
    headline gives way, and the title leaves the body (the blogger's words stay)."""
    if not _headerless(fields):
        return
    for index in cursor.ahead(_QUOTING_REACH):
        line = cursor.lines[index]
        title, words = _title_beside_institute(line)
        if len(title.split()) >= _QUOTED_TITLE_WORDS and looks_like_title(title) and title_case_words(title):
            number = cursor.line_number(index)
            said = f"line {number}, a title beside the institute's name, is the dispatch's title"
            found.add("guess", _giving_way(said, fields), number)
            fields["title"], fields["_title_line"] = title, number
            cursor.lines[index] = words
            return


def _title_beside_institute(line: str) -> tuple[str, str]:
    """The title a line gives beside the institute's name (see :func:`read_credited_title`), and
    the blogger's words before it; both empty where it gives none."""
    match = _CREDITED_TITLE.fullmatch(line)
    if match is not None:
        return match["title"], ""
    match = _TITLE_AFTER_CREDIT.search(line) if "MEMRI:" in line or "Memri:" in line else None
    return (match["title"], match["words"]) if match is not None else ("", "")


_CREDITED_TITLE = re.compile(r"(?P<title>[^.].{20,300}?)(?:\.|\s[-–—|])\s*(?:MEMRI|Memri)(?: TV)?\.?")
_TITLE_AFTER_CREDIT = re.compile(r"(?P<words>.{20,}?[:.])\s+(?:MEMRI|Memri)(?: TV)?:\s+(?P<title>[A-Z\"“].{20,300})$")
_TRANSLATED_BY = re.compile(r"\btranslated by (?:the )?MEMRI\b|\(MEMRI(?: TV)?\):$")
_NAMES_INSTITUTE = re.compile(r"\b(?:MEMRI|Memri)\b")
_HANDING_SENTENCE = 40  # a blogger's sentence handing over to the title ("Examples from MEMRI:" is a list's label)


def read_aired_listing(cursor: Cursor, fields: dict[str, object], found: Findings) -> None:
    """A blog's text without a header quoting an old TV site's listing line of the clip it shows
    (``Aired on Channel 1 (Vellonia) - December 29, 2008 - 00:03:53 : Title``): the clip's title
    and date are the dispatch's; the blog's headline gives way."""
    if not _headerless(fields):
        return
    for index in cursor.ahead(_QUOTING_REACH):
        listed = h.match_aired_listing(cursor.lines[index])
        if listed is not None:
            number = cursor.line_number(index)
            said = _giving_way(f"the title and date are the clip's, from the listing line {number} quotes", fields)
            fields["title"], fields["date"] = listed
            fields["_title_line"] = fields["_date_line"] = number
            found.add("guess", said, number)
            return


_LEAD_IN = 400  # a lead-in handing over to the quoted dispatch is one sentence
_HEADER_ALONE = 60  # a header alone on its line, series and number
# the dispatch a lead-in names: "MEMRI Special Dispatch Number 794 (July 15, 2019)"
_INTRODUCED = re.compile(
    rf"\b(?P<series>Special Dispatch|Inquiry (?:&|and) Analysis(?: Series)?|Special Report|Daily Brief)"
    rf"\s(?:No\.|Number|#)\s?(?P<number>\d{{1,6}})(?:\s\((?P<date>{h.DATE})\))?"
)
_QUOTING_REACH = 6  # non-blank lines under the headline where the blogger may quote the dispatch's title
_POST_REACH = 12  # non-blank lines where the institute's post, quoted, may name it
# the institute's post of a report, quoted in a blog: its title, tags and picture link, its account and date
_INSTITUTES_POST = re.compile(
    rf"(?P<title>[A-Z][^#]{{20,300}}?)(?:\s+#\w+)*(?:\s+pic\.twitter\.com/\S+|\s+https?://t\.co/\S+)?"
    rf"\s*[—–-]\s*MEMRI[\w ]{{0,20}}\(@\w+\)\s+(?P<date>{h.DATE})"  # the dash may touch the picture's link
)
# a quotation with every word capitalised, its stop perhaps inside, right after a word naming a report
# (in German quotation marks too: 'Video bei MEMRI TV: „Title“')
_NAMED_REPORT = re.compile(
    r"\b(?:[Dd]ispatch|[Rr]eport|[Rr]elease|[Cc]lip|[Vv]ideo|[Tt]itled|[Ee]ntitled|[Hh]eadlined|[Ss]tudy|[Aa]nalysis)\b"
    r"(?:No\.|[^\"“„‘'.]){0,40}?[\s:,]\s?(?:(?P<double>[\"“„])(?P<title>[^\"“”„]{20,300}?)[.,]?[\"”“]"
    r"|(?P<single>['‘])(?P<title2>[^'‘’]{20,300}?)[.,]?['’](?=[\s:;,.)]|$))"
)


_ANOTHER_QUOTED = re.compile(r"\s?(?:,|and|y|et|und|i)\s[\"“„«‘']")  # another title after the first


def _quoted_dispatch_title(line: str) -> tuple[str, h.Header | None]:
    """The title a line quotes after a word naming the report, and the series and number it names
    right before the title (``Special Dispatch No. 794, “Title”``), if it does."""
    for match in _NAMED_REPORT.finditer(line):
        if _SEE_BEFORE.search(line, max(0, match.start() - _SEE_REACH), match.start()):
            continue  # "patrz MEMRI Special Dispatch No. 1234, „Title”": another report, cited
        if _others_work(line, match.start()):
            continue  # "the guild's media office released a video titled 'Title'": the subject's, not the report's
        if _ANOTHER_QUOTED.match(line, match.end()):
            continue  # 'Titled "Title", "Title" and more, the articles ...': a list of others' titles
        title = (match["title"] or match["title2"]).strip()
        if len(title.split()) >= _QUOTED_TITLE_WORDS and every_word_capitalised(title):
            quote = match.start("double") if match["double"] else match.start("single")
            named = _CITED_NUMBER.search(line, max(0, match.start() - 30), quote)
            header = h.match_header(named.group()) if named else None
            return title, header if header is not None and header.series and header.numbers else None
    # unquoted, its words capitalised up to the sentence's stop: "... a report entitled Title In Title Case. The ..."
    unquoted = _TITLED_UNQUOTED.search(line) if "titled " in line else None
    if unquoted is not None and not _others_work(line, unquoted.start()):
        title = unquoted["title"]
        if len(title.split()) >= _QUOTED_TITLE_WORDS and every_word_capitalised(title):
            return title, None
    return "", None


_TITLED_UNQUOTED = re.compile(
    r"\b(?:[Rr]eport|[Dd]ispatch|[Ss]tudy|[Aa]nalysis) (?:entitled|titled) (?P<title>[A-Z][^.\"“”„]{20,200}?)\.(?=\s|$)"
)


def _others_work(line: str, at: int) -> bool:
    """Does the sentence around ``at`` name someone else's work or its release, without naming the
    institute (``On March 2 the guild's agency released a video titled ...``, ``In an article in
    the daily Harbour Post titled ...``)? The title it quotes is the subject's, not the report's."""
    start = max(line.rfind(". ", 0, at) + 1, at - _RELEASE_REACH, 0)
    stop = line.find(". ", at)
    if "MEMRI" in line[start : stop if stop >= 0 else len(line)]:
        return False
    return _RELEASED.search(line, start, at) is not None


_RELEASE_REACH = 200  # characters before the word naming a report where its release is told
# a release, or a work or an event of someone else's the report speaks of
_RELEASED = re.compile(
    r"\b(?:released|published|posted|uploaded|disseminated|issued|produced|wrote|written"
    r"|article|column|op-ed|editorial|book|poem|essay|sermon|speech|series|newspaper|daily|weekly"
    r"|message|statement|audio|letter|lecture|song|nasheed|film|documentary|magazine"
    r"|conference|seminar|symposium|workshop|summit|congress|exhibition|festival|campaign|held)\b"
)


# the institute's site or TV site named as where the quoted title is: "(Video bei MEMRI TV: „Title“)"
_ON_INSTITUTES_SITE = re.compile(r"\b(?:at|on|bei|sur|en|auf|su|na) MEMRI(?: TV)?:")
_SEE_BEFORE = re.compile(rf"\b(?:{'|'.join(layouts.SEE_WORDS)})\b", re.IGNORECASE)  # "see", "patrz", "voir"
_SEE_REACH = 40  # characters before the word naming the report where a see-word cites it
# the series and number named right before a quoted title: "MEMRI Special Dispatch No.794, “Title”"
_CITED_NUMBER = re.compile(r"(?:Special Dispatch|Inquiry (?:&|and) Analysis(?: Series)?|Special Report) No\.\s?\d{1,6}")


_QUOTED_TITLE_WORDS = 5
