"""Where a dispatch starts in the text of a page, a repost or an e-mail.

Real copies put a site's menus, donation boxes, a blog's posting date or e-mail headers before
the dispatch, and sometimes lose every line break. :func:`unfold` first splits lines whose
breaks were lost (a header, a page tail or a notes list inside one long line);
:func:`find_start` then scores the candidate lines of the first part of the text:

- *strong*: a header line, a TV-clip header (date, title, ``#1632 | 02:41``), a topics-and-series
  line (the dispatch starts at the title above it);
- *weak*: a title followed by a date or byline line (``By: A. Name``); a date line followed by a
  title (reposts).

The first strong candidate wins, unless a weak one stands before it with body text between them
(then the strong one is a line of the body, such as a related report's header).
"""

from __future__ import annotations

import datetime
import itertools
import re
from typing import NamedTuple

from . import header as h
from . import layouts
from .blocks import (
    agency_credit,
    credits_a_picture,
    ends_in_abbreviation,
    every_word_capitalised,
    introduces_below,
    is_boundary,
    is_credit_alone,
    is_pointer,
    opens_translation,
    two_sentences,
)

FIRST_PART = 80  # non-blank lines in which the start is looked for
_BODY_LIKE = 200  # a line this long is text of a body, not chrome
_LONG_LINE = 400  # a line this long may hold several lines whose breaks were lost
_SHORTEST_SPLIT = 40  # a line this long may hold a header after something else ("SITE : LABEL Special Dispatch No. 12")
_TAIL_IN_LINE = re.compile(r"\s(?=Share this (?:Report|Clip|Post|Video|Article|Page)\s*:)")
_NOTE_MARK = re.compile(r"\[(\d{1,4})\]")


class Start(NamedTuple):
    """The line a dispatch starts on, what was found there, and whether that is strong evidence."""

    at: int  # the line's index
    kind: str  # "header", "clip", "topics", "title-date", "date-title", "digest", "lead-in" or "none"
    strong: bool


# what each kind of start is called in diagnostics
START_WORDS = {
    "header": "header",
    "clip": "TV-clip header",
    "topics": "title over the topics line",
    "title-date": "title over the date or byline",
    "date-title": "date line over the title",
    "digest": "digest's opening",
    "lead-in": "text a repost's lead-in hands over to",
    "none": "text",
}


def is_chrome(line: str) -> bool:
    """A line of the page around the dispatch: menus, buttons, donation boxes, image file names,
    a link marked by its arrow (``Retour vers la liste ->``, ``Read more >>``), a blog's links to
    the posts around it, a menu flattened into one line of bars."""
    if line.endswith(_ARROWS) and len(line) <= _ARROWED_LINK:
        return True
    if (line[:1] in _NAV_OPENERS or line[-1:] in _NAV_CLOSERS) and layouts.NAV_LINKS.fullmatch(line):
        return True  # "« Previous Next »"
    if line.count("|") >= _MENU_ITEMS and all(len(item.split()) <= _MENU_WORDS for item in line.split("|")):
        return True  # a site's menu flattened: "Home | Archive | Columnists | Store | Contact | Search"
    if line.isdigit() and len(line) <= _COUNTER_DIGITS:
        return True  # a sharing button's or the comments' count alone on its line: "38"
    if line[-1:] == ":" and len(line) <= _EMPTY_LABELS_LINE and _EMPTY_LABELS.fullmatch(line):
        return True  # a story's dates, their values lost: "Published: Updated:"
    # (a page whose lines were all run into one is no line of chrome, whatever chrome opens it)
    return line.casefold() in layouts.CHROME_LINES or (
        len(line) <= _CHROME_LINE and layouts.CHROME_PATTERNS.fullmatch(line) is not None
    )


_CHROME_LINE = 600  # characters a line of chrome holds at most (an e-mail's link and its address, a menu)


_COUNTER_DIGITS = 6
_EMPTY_LABELS = re.compile(r"(?:[^\W\d_][\w.]*(?: [\w.]+){0,3}:\s*){2,4}")
_EMPTY_LABELS_LINE = 100
_ARROWS = (" ->", " -->", " →", " >>")
_ARROWED_LINK = 80
_NAV_OPENERS, _NAV_CLOSERS = "«‹←<", "»›→>"
_MENU_ITEMS, _MENU_WORDS = 4, 5  # bars in a menu, and words in each of its items (its last may hold the date)


def is_repost_line(line: str) -> bool:
    """A line a repost puts before the dispatch: a posting date, ``Posted by``, e-mail headers."""
    return layouts.REPOST_PATTERNS.fullmatch(line) is not None


def unfold(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """Lines with the breaks a copy lost put back: before and after a header found inside a line
    of the first part, before a page tail, and before each note of a notes list run into a line.
    Split pieces keep the line number of the line they came from."""
    if all(len(line) < _BODY_LIKE for line in lines[:FIRST_PART]) and all(len(line) < _LONG_LINE for line in lines):
        return lines, numbers  # the common case: nothing to unfold
    out: list[str] | None = None  # made at the first line that splits: most lines do not
    out_numbers: list[int] = []
    seen = 0
    for index, line in enumerate(lines):
        size = len(line)
        pieces = _split_at_header(line, bare=seen < 5) if seen < FIRST_PART and size > _SHORTEST_SPLIT else None
        if seen < _GLUED_REACH and size >= _BODY_LIKE and pieces in (None, [line]):
            pieces = _split_glued_headline(line)
        if size >= _LONG_LINE:
            pieces = [part for piece in (pieces or [line]) for part in _split_long(piece)]
        if line:
            seen += 1
        if pieces is not None and (len(pieces) != 1 or pieces[0] != line):
            if out is None:
                out, out_numbers = lines[:index], numbers[:index]
            out += pieces
            out_numbers += [numbers[index]] * len(pieces)
        elif out is not None:
            out.append(line)
            out_numbers.append(numbers[index])
    return (lines, numbers) if out is None else (out, out_numbers)


# a headline in title case run into the text's first sentence, the break between them lost:
# "Orla Tamsin: We Will Sail At DawnThe harbour master said ..."
# (glued, "AffairsThe ...", or after a space where the sentence's next word is in lower case,
# "... Platform This report presents"; initials' stops in the headline: "U.S.")
_GLUED_HEADLINE = re.compile(
    r"(?P<headline>[A-Z](?:[^.!?]|(?<=[A-Z])\.){24,250}?[a-z])"
    r"(?=(?:The|According|Following|During|After|Last|This|Earlier|Speaking|Since|When|While) \S"
    r"| (?:The|According|During|After|Last|This|Earlier|Speaking|Since|When|While) [a-z])"
)


_GLUED_REACH = 3  # non-blank lines at the top (a skip link, a site's name) where a glued headline may stand


def _split_glued_headline(line: str) -> list[str] | None:
    """A line split where a headline in title case runs into the text's first sentence."""
    match = _GLUED_HEADLINE.match(line)
    headline = match["headline"] if match is not None else ""
    if not headline or any(mark in headline for mark in "»›>/") or not looks_like_title(headline):
        return None  # (a breadcrumb's "Home » Reports » Harbour AffairsThe ...")
    if not title_case_words(headline):
        return None
    return [headline, "", line[len(headline) :].lstrip()]


def title_case_words(text: str) -> bool:
    """Are most of the words of four letters or more capitalised (a headline's case)?"""
    words = [word for word in text.split() if len(word) >= 4]
    return len(words) >= 3 and sum(word[0].isupper() for word in words) * 4 >= len(words) * 3


_LEAD_MARKS = re.compile(r"(?:#{1,6}|[*_>•]{1,3})\s*")
_TITLE_REACH = 10  # non-blank lines at the top where a marked-up line may be the title


def undecorate(lines: list[str]) -> list[str]:
    """The top lines without the marks of a Markdown or forum copy: around a header, date, byline
    or clip line (``**Special Dispatch No. 12**``, ``* June 3, 2003``), and a heading's or bold
    line's marks near the top (``## Title``, ``**Title**``). Other marks stay (a bullet, or
    emphasis of the text); so does the ``*`` after a byline's names, which points to a note. An
    old table's cells lose their bar: ``September 9, 2010 |``."""
    out: list[str] | None = None
    top = list(itertools.islice((i for i, line in enumerate(lines) if line), FIRST_PART))
    table = sum(1 for i in top if lines[i] == "|" or lines[i].endswith(" |")) >= _TABLE_BARS
    for seen, index in enumerate(top):
        line = lines[index]
        # (the first line a cell of its own, one bar: "Title |"; not a menu's "Home | News | Archive |")
        if line.endswith(" |") and (row := _table_row(line, table or (seen == 0 and line.count("|") == 1))) is not None:
            out = out or list(lines)  # an old table's cell: "May 2, 2010 |"; a date in one, the others lost
            out[index] = row
            continue
        if line in _BYLINE_WORDS and (byline := _byline_split(lines, index)):
            out = out or list(lines)  # "Von" / "Orla von der Tamsin": the byline word over its names
            out[index], out[index + 1] = byline, ""
            continue
        lead = _LEAD_MARKS.match(line) if line[0] in "*_#>•" else None
        if lead is None or lead.end() == len(line):
            continue
        trail = line[len(line.rstrip("*_")) :] if line[-1] in "*_" else ""  # no pattern: spaces can't make it slow
        bare = line[lead.end() : len(line) - len(trail)].strip()
        heading = lead[0].startswith("#") and lead[0] != lead[0].rstrip()  # "## Title", not "#1632 | 02:41"
        paired = bool(trail) and lead[0].strip() == trail
        meta = h.match_header(bare) or h.match_date_line(bare) or h.match_clip_line(bare)
        if not meta and not (seen < _TITLE_REACH and (heading or paired) and looks_like_title(bare)):
            continue
        out = out or list(lines)
        out[index] = bare
    return lines if out is None else out


def _table_row(line: str, table: bool) -> str | None:
    """An old table's row copied as a line, its cells closed by bars, as the line it stands for:
    a header or a date line (``Special Dispatch Series - No. 812 | |``), a date's cell and a
    number's run together (``November 8, 2004 | No.812 |``), or any row where the page was copied
    from its table (its first line is: a headline in a table's cell, ``Title |``); ``None`` where
    the bars may be the text's."""
    row = _CLOSING_BARS.sub("", line)
    if h.match_date_line(row) or h.match_header(row):
        return row
    cells = row.replace(" | ", " ")
    if cells != row and h.match_header(cells):
        return cells
    return row if table else None


_CLOSING_BARS = re.compile(r"(?:\s+\|)+$")
_BYLINE_WORDS = frozenset(layouts.BYLINE_WORDS)


def _byline_split(lines: list[str], index: int) -> str:
    """A byline whose word stands on a line of its own over the names: the byline joined."""
    joined = f"{lines[index]} {lines[index + 1]}" if index + 1 < len(lines) and lines[index + 1] else ""
    byline = h.match_date_line(joined) if joined else None
    return joined if byline is not None and byline.authors and byline.date is None else ""


_TABLE_BARS = 3  # lines of the first part that are a table's bar or end in one: the page was copied from its table


def split_stamp(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """A scraper's ``date 2018-12-26`` stamp run onto the first line, or a page's date before its
    title and a bar (``21/10/2005 | Title``) among the first lines, put on a line of its own."""
    top = list(itertools.islice((i for i, line in enumerate(lines) if line), _DATED_TITLE_REACH))
    first = top[0] if top else None
    pieces = h.split_date_stamp(lines[first]) if first is not None else None
    if pieces is None:
        for at in top:
            if "|" in lines[at] and (pieces := _dated_title(lines[at])) is not None:
                first = at
                break
    if pieces is None or first is None:
        return lines, numbers
    return [*lines[:first], *pieces, *lines[first + 1 :]], [*numbers[: first + 1], *numbers[first:]]


def _dated_title(line: str) -> tuple[str, str] | None:
    """A page's date, a bar and its title on one line (``21/10/2005 | Title``): the two."""
    date, bar, title = line.partition(" | ")
    # not a topics line ("Vellonia | Special Dispatch No. 1"), a clip's ("#1545 | 02:41"), nor a
    # date line ("May 3, 2021 | By ...")
    if not (bar and len(date) <= _DATE_LENGTH and date[:1].isalnum() and date[-1:].isdigit()):
        return None
    if title.startswith(_BYLINE_OPENERS) or is_repost_line(line):
        return None  # "May 3, 2021 | By ...", "March 2, 2008 | 12:11 pm": a news site's stamp of its post
    dated = h.is_date_only(date.strip()) or h.match_numeric_date(date.strip()) is not None
    return (date.strip(), title.strip()) if dated and looks_like_title(title.strip()) else None


_DATED_TITLE_REACH = 12  # lines at the top where a page's date may stand before its title
_DATE_LENGTH = 30  # "Wednesday, September 21, 2005" and shorter
_BYLINE_OPENERS = ("By ", "By:", "by ")


def join_broken_header(lines: list[str]) -> tuple[list[str], list[int]]:
    """A header broken over two or three lines (the series on one, perhaps with its topics after
    a dash, the date on the next, the number on the third, in any order around the series) put
    back on the series' line; the lines it took are left blank, so every line keeps its number.
    Also returns the indices joined."""
    candidates = list(itertools.islice((i for i, line in enumerate(lines) if line), FIRST_PART))
    for position, i in enumerate(candidates):
        if (below := _wrapped_date_below(lines, candidates, position)) is not None:
            out = list(lines)
            out[i], out[below] = f"{lines[i]} {lines[below]}", ""  # "... No. 82 March 29," / "2000"
            return out, [i, below]
        if (above := date_above(lines, i)) is not None:  # "March 9, 2012" / "Special Dispatch No. 4127"
            out = list(lines)
            out[above], out[i] = "", f"{lines[above]} {lines[i]}"
            return out, [above, i]
        found_series = h.match_series_line(lines[i])
        if found_series is None:
            continue
        series, topics = found_series
        day = _CUT_DAY.search(lines[i])  # "MEMRI Special Dispatch - 19." over "August 2004"
        taken: list[int] = []
        date: datetime.date | None = None
        numbers: tuple[int, ...] = ()
        if position and (lone := h.lone_date(lines[candidates[position - 1]])) is not None:
            taken.append(candidates[position - 1])
            date = lone
        for j in candidates[position + 1 : position + 3]:
            cut = f"{day[1]} {lines[j]}" if day else ""  # the date's day on the series' line
            if date is None and (found := h.parse_date(lines[j]) or (h.parse_date(cut) if cut else None)) is not None:
                date = found
            elif not numbers and (found_numbers := h.match_number_line(lines[j]) or _undated_numbers(lines[j])):
                numbers = found_numbers
            else:
                break
            taken.append(j)
        if not taken or not (numbers or date):
            continue
        joined = " ".join(
            part
            for part in (
                h.format_date(date) if date else "",
                series,
                f"No. {', '.join(map(str, numbers))}" if numbers else "",
                f"— {'/'.join(topics)}" if topics and numbers else "",  # the header's topics need its number
            )
            if part
        )
        out = list(lines)
        out[i] = joined
        for j in taken:
            out[j] = ""
        return out, sorted([i, *taken])
    return lines, []


def _wrapped_date_below(lines: list[str], candidates: list[int], position: int) -> int | None:
    """The line under a header that the copy's hard wrap cut inside its date (``Special Dispatch -
    Palestinian Authority No. 82 March 29,`` / ``2000``): its index, if the two lines make a header."""
    if position + 1 >= len(candidates):
        return None
    line, below = lines[candidates[position]], lines[candidates[position + 1]]
    if len(below) > _DATE_END or not below[:1].isdigit() or not (line[-1:] == "," or line[-1:].isalpha()):
        return None
    joined = f"{line} {below}"
    if h.match_header(line) is not None or h.match_header(joined) is None:
        return None
    return candidates[position + 1]


_DATE_END = 12  # "2000", "17, 2004.": the end of a date the wrap put on a line of its own
_CUT_DAY = re.compile(r"\s[-–—]\s*(\d{1,2})\.?$")  # a date the e-mail wrapped after its day


def _undated_numbers(line: str) -> tuple[int, ...]:
    """The numbers of a numbered header with no date or title (``MEMRI Dispatch No. 212`` under an
    old e-mail's series and date lines)."""
    header = h.match_header(line) if len(line) <= 60 else None
    return header.numbers if header is not None and header.date is None and not header.title else ()


def _nonblank_above(lines: list[str], at: int) -> str:
    """The first line with text above line ``at``."""
    return next((lines[i] for i in range(at - 1, -1, -1) if lines[i]), "")


def date_above(lines: list[str], at: int) -> int | None:
    """If the line is a numbered header without its date, the date alone on the line above it (a
    blank line between them where an old e-mail's series line stands over the date), the index of
    the date's line."""
    above = at - 1
    if at >= 2 and not lines[at - 1] and h.match_series_line(_nonblank_above(lines, at - 2)):
        above = at - 2  # an old e-mail spaces its header: "Special Dispatch From Vellonia" / date / number
    date = lines[above] if above >= 0 else ""
    if not date or len(date) > 40 or not date[-1].isdigit() or not h.is_date_only(date):
        return None
    header = h.match_header(lines[at])
    return above if header is not None and header.numbers and header.date is None and not header.title else None


def _split_at_header(line: str, bare: bool) -> list[str]:
    """Split before and after a header inside the line: a whole header (with a date, a pipe or
    topics) anywhere in the first part; a bare ``Series No. N``, which prose also cites, only in the
    first lines (``bare``)."""
    match = h.find_header(line)
    if match is None or (match.start() == 0 and match.end() == len(line)):
        return [line]
    if not bare and not re.search(rf"[|—–]|{h.DATE}", match[0]):
        return [line]
    if h.match_header(line) or ("|" in line and h.match_topics_line(line)):
        return [line]  # the line is a header or topics line as it stands
    if _CITED.search(line, 0, match.start()) or _LIST_ITEM.fullmatch(line, 0, match.start()):
        return [line]  # "For more, see MEMRI Special Dispatch No. 1234, ...", "1. MEMRI Special ...": cited
    if _IN_SENTENCE.search(line, 0, match.start()):
        return [line]  # "... the translation is in MEMRI TV Clip No. 6013 ...": a sentence citing it
    head = _trim_topics(match[0])
    before, after = line[: match.start()].strip(), line[match.start() + len(head) :].lstrip(" :").rstrip()
    bracketed = after[:1] == ")" and before.count("(") > before.count(")")  # "(see Special Dispatch No. 8)"
    if after[:1].islower() or after[:1] == ";" or bracketed or (after[:1] == "," and not _DATE_AFTER.match(after)):
        return [line]  # "The institute's Special Report No. 30 offers ...", "... in Special Dispatch No. 8, ...": cited
    after = after.removeprefix(")").lstrip()  # the bracket of the institute's credit around it: "(MEMRI) Clip No. 5)"
    pieces = [before, head]
    if len(after) > 120:
        title, rest = split_title(after)
        pieces += [title, "", rest]
    else:
        pieces.append(after)
    return [piece for piece in pieces if piece] if before or after else [line]


# a see-word right before a header, perhaps with the institute's name: the header is cited
_CITED = re.compile(
    rf"(?:\b(?:{'|'.join(layouts.SEE_WORDS)})\.?:?|^(?-i:According to))\s+(?:(?:the\s+)?MEMRI(?:'s|’s)?\s+)?$",
    re.IGNORECASE,
)


# a sentence's small word right before a header, in any language ("in", "w", "dans le", "im"): cited
# (after a word in lower case: a menu's "Log in", a blog's "Posted on" are no sentence)
_IN_SENTENCE = re.compile(r"\s[^\W\d_A-Z]+\s[^\W\d_A-Z]{1,3}\s+(?:(?:the\s+)?MEMRI(?:'s|’s)?\s+)?$")
_DATE_AFTER = re.compile(rf",\s*{h.ANY_DATE}")  # "Special Dispatch No. 7001, March 14, 2019": the header's date


# an item of a numbered list, perhaps naming the institute: a list of reports cited (a bullet may
# mark a page's own header)
_LIST_ITEM = re.compile(r"\d{1,3}[a-z]?[.)]\s+(?:MEMRI(?:'s|’s)?\s+)?")


def _trim_topics(header: str) -> str:
    """An e-mail header's last topic ends at ``Project`` or after one or two words: the title follows."""
    if "/" not in header:
        return header
    head, _, last = header.rpartition("/")
    words = last.split()
    if "Project" in words[:6]:
        return f"{head}/{' '.join(words[: words.index('Project') + 1])}"
    keep = 2 if len(words) > 1 and words[1] in layouts.TOPIC_TAIL_WORDS else 1
    return f"{head}/{' '.join(words[:keep])}"


def split_title(text: str) -> tuple[str, str]:
    """A title and the text run onto it: the title ends before the sentence that holds the first
    lower-case word (a title is in title case); that sentence starts at an opener such as ``On``."""
    words = text.split(" ")
    for index, word in enumerate(words):
        letters = word.strip("\"'“”‘’(),.:;")
        if index and letters[:1].islower() and letters.lower() not in layouts.SMALL_WORDS:
            for back in range(index - 1, 0, -1):
                if words[back] in layouts.SENTENCE_OPENERS:
                    return " ".join(words[:back]), " ".join(words[back:])
            return " ".join(words[: index - 1]), " ".join(words[index - 1 :])
    return text, ""


def _split_long(line: str) -> list[str]:
    """A page tail and a notes list run into one long line, split before the tail and each note."""
    pieces = _TAIL_IN_LINE.split(line) if "Share this" in line else [line]  # the find spares prose the scan
    if len(pieces) > 1:
        return [part for piece in pieces for part in _split_long(piece)]
    marks = list(_NOTE_MARK.finditer(line))
    # the notes list: markers that run 1, 2, 3, ... to the end of the line, after some text. Such a
    # run ends at the last marker, so its length is that marker's number: one slice to check
    # (trying every "[1]" as a start was quadratic: a line of 100,000 "[1]" took minutes)
    count = int(marks[-1][1]) if marks else 0
    first = len(marks) - count
    if count >= 2 and first > 0 and marks[first].start() > 0:
        run = marks[first:]
        if [int(mark[1]) for mark in run] == list(range(1, count + 1)):
            cuts = [mark.start() for mark in run]
            return [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return [line]


def _opens_digest(line: str) -> bool:
    """A digest's opening sentence, or its name and date ("MEMRI Daily: August 1, 2013")."""
    if "ollowing" in line[:20]:
        return layouts.DIGEST_INTRO.match(line) is not None
    return (
        "MEMRI" in line[:12] and layouts.DIGEST_NAME.fullmatch(line) is not None and h.match_page_date(line) is not None
    )


def digest_intro(lines: list[str]) -> int | None:
    """The line of a digest's opening sentence ("The following is research published today from
    ...") among the first lines, if it stands before any header: the text is one digest of
    several items, each a link to a report, not several dispatches nor the first item's."""
    # the opening sentence first (a cheap test on each line), then no header before it
    top = itertools.islice((i for i, line in enumerate(lines) if line), FIRST_PART)
    intro = next(
        (
            i
            for i in top
            if ("ollowing" in lines[i][:20] or "MEMRI" in lines[i][:14]) and _opens_digest(lines[i].strip())
        ),
        None,
    )
    before = (line.strip() for line in lines[: intro or 0] if len(line) < _BODY_LIKE)
    if intro is None or any(h.match_header(line) or h.match_clip_line(line) for line in before):
        return None  # a header or a TV clip's number stands before it: it opens that dispatch's text
    return intro


def digest_name_above(lines: list[str], at: int) -> int | None:
    """The line of a digest e-mail's name and date (``The MEMRI Daily: August 31, 2010``) above
    its opening sentence and the one item it shows, starting on line ``at``: the e-mail and the
    item each have a title."""
    name = digest_intro(lines)
    if name is None or name >= at or "ollowing" in lines[name][:20]:
        return None
    # its opening sentence between them ("The following is research published today ..."): an e-mail's item
    opened = any("ollowing" in line[:20] and _opens_digest(line.strip()) for line in lines[name + 1 : at])
    return name if opened else None


def find_start(lines: list[str]) -> Start:
    """The line the dispatch starts on (see the module's docstring)."""
    candidates = [i for i, line in enumerate(lines) if line][:FIRST_PART]
    if digest_intro(lines) is not None:
        # a digest of several items, or of none with a header; one item shown is read as that item
        items = {header.numbers for line in lines for header in h.headers_in(line)}  # a meta line repeats one
        if len(items) != 1:
            # evidence when items head their own lines (a list of links in a line is a page's)
            alone = sum(1 for line in lines if len(line) < _BODY_LIKE and h.match_header(line.strip()))
            return Start(_first_own_line(lines, candidates), "digest", strong=len(items) > 1 and alone > 1)
    weak: int | None = None
    weak_kind = "title-date"
    sub_series: int | None = None  # a sub-series header is the dispatch's own only if there is no other
    body_since_weak = body_seen = False
    for position, i in enumerate(candidates):
        line = lines[i]
        # (under a title and a paragraph of text, a sub-series' header heads the body's item: "Islamist
        # Websites Monitor No. 6" under "Follow-Up on the Islamist Websites Monitor No. 5" and its note)
        titled = body_seen and looks_like_title(lines[candidates[0]])
        if sub_series is None and weak is None and not titled and _is_sub_series_header(line):
            sub_series = i
            continue
        strong = _strong_start(lines, candidates, position)
        if strong is not None and strong.kind == "header" and _closes_text(lines, candidates, position):
            strong = None  # "From MEMRI Special Dispatch No. 1266, ..." under the text it credits
        if strong is not None and strong.kind == "header" and in_header_list(lines, i):
            strong = None  # a list of reports the text cites
        if strong is not None:
            if weak is not None and body_since_weak:
                break
            if sub_series is not None and strong.kind == "topics":
                return Start(sub_series, "header", strong=True)  # its meta block
            return strong
        date_line = h.match_date_line(line) if weak is None else None
        if weak is None and not body_seen and (lone_date := h.match_bracketed_date(line) or h.match_numeric_date(line)):
            date_line = h.DateLine(date=lone_date)  # "(April 2, 2009)", "29/7/2013" under the title, above any text
        # a byline without a date starts the dispatch only under a title near the top: in a digest,
        # each item under the intro has its title and byline
        bylined = date_line is not None and bool(date_line.authors)
        if bylined and not _near_top(lines, candidates[:position]):
            bylined = date_line is not None and _byline_over_boundary(lines, candidates, position, date_line)
        if date_line is not None and (date_line.date is not None or bylined):
            weak = _title_above(lines, candidates, position)
            if weak is None and date_line.date is not None and _title_below(lines, candidates, position):
                weak, weak_kind = i, "date-title"  # a repost's "June 7, 2013 / Title"
        elif weak is not None and len(line) >= _BODY_LIKE:
            body_since_weak = True
        body_seen = body_seen or len(line) >= _BODY_LIKE
    if weak is not None and (sub_series is None or weak < sub_series):
        forwarded = _after_forwarders_note(lines, candidates, weak)  # a list's forward: the item it forwards
        if forwarded is not None:
            return Start(forwarded, "title-date", strong=False)
        return Start(weak, weak_kind, strong=False)
    if sub_series is not None:  # over the title: the dispatch's own header
        return Start(sub_series, "header", strong=True)
    lead_in = _lead_in(lines, candidates)
    if lead_in is None:
        lead_in = _credited_title(lines, candidates)
    if lead_in is not None:
        return Start(lead_in, "lead-in", strong=False)
    first = _first_own_line(lines, candidates)
    short = len(lines[first].split()) < _TITLE_WORDS or not looks_like_title(lines[first])
    untitled = short and not kicker_over_quote(lines, first)
    headline = _under_stamp(lines, candidates, first)
    if headline is None and untitled:
        headline = _repeated_headline(lines, candidates)
    if headline is None:
        headline = _under_breadcrumb(lines, candidates)
    if headline is None:
        headline = _under_posting_date(lines, candidates, first, masthead=not untitled)
    if headline is None:
        headline = _under_menu(lines, candidates, first)
    if headline is None and untitled:
        headline = _under_page_words(lines, candidates, first)
    return Start(first if headline is None else headline, "none", strong=False)


def _under_stamp(lines: list[str], candidates: list[int], first: int) -> int | None:
    """The headline under a site's name and the page's date stamp right under it (``Harbour
    News`` / ``Last updated: May 3, 2013``), a blank line between them, over the text."""
    stamp = lines[first + 1] if first + 1 < len(lines) else ""
    if ":" not in stamp or first + 2 >= len(lines) or lines[first + 2] or h.match_page_date(stamp) is None:
        return None
    below = [i for i in candidates if i > first + 1][:2]
    if len(below) < 2 or not looks_like_title(lines[below[0]]) or len(lines[below[1]]) < _BODY_LIKE // 2:
        return None
    return below[0]


def kicker_over_quote(lines: list[str], first: int) -> bool:
    """Is the first line a headline's kicker, a name and its colon, over the quotation the headline
    goes on with on the next line (``Orla Tamsin:`` / ``«The tide was strong until it turned»``)?"""
    line = lines[first] if first < len(lines) else ""
    below = lines[first + 1] if first + 1 < len(lines) else ""
    return (
        line.endswith(":")
        and len(line.split()) <= _KICKER_NAME_WORDS
        and below[:1] in QUOTE_OPENERS
        and looks_like_title(f"{line} {below}")
    )


_KICKER_NAME_WORDS = 4
QUOTE_OPENERS = ('"', "“", "„", "«")  # the marks a headline's quotation opens on


def _after_forwarders_note(lines: list[str], candidates: list[int], weak: int) -> int | None:
    """A list's forward: its own headline and date, the forwarder's note signed on a line of its
    own (``--Orla Tamsin``), then the item it forwards under its own title over its own date. The
    item's title, where the note stands within a few lines of the start; None elsewhere."""
    after = [i for i in candidates if i > weak]
    signed = next((n for n, i in enumerate(after[:_FORWARD_NOTE]) if _SIGNATURE.fullmatch(lines[i])), None)
    if signed is None:
        return None
    below = after[signed + 1 :]
    if len(below) < 2 or h.match_date_line(lines[below[1]]) is None or not looks_like_title(lines[below[0]]):
        return None
    return below[0]


_FORWARD_NOTE = 4  # lines under the start where a forwarder's note and signature stand
_SIGNATURE = re.compile(r"(?:--|—|–) ?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}")  # "--Orla Tamsin"


# a repost's line handing over to what it quotes: "From the MEMRI site:", "MEMRI's Orlo Tamsin reports on ...:"
INSTITUTE_NAME = r"(?:MEMRI|Middle East Media Research Institute)"  # the institute's name, short or spelt out
_LEAD_IN = re.compile(
    rf".{{0,100}}(?:\b(?:from|via|at|on|courtesy of) (?:the )?{INSTITUTE_NAME}\b"
    rf"|\b{INSTITUTE_NAME}\b.{{0,80}}\b(?:reports?|writes|notes|posted|published)\b).{{0,100}}:",
    re.IGNORECASE,
)


def _introduces_text(line: str) -> bool:
    """A header, a byline, or the dispatch's own translation boundary (``The following are
    excerpts from ..., as translated by MEMRI:``): not a repost's lead-in."""
    return h.match_header(line) is not None or h.match_date_line(line) is not None or is_boundary(line)


def is_lead_in(line: str) -> bool:
    """A repost's line handing over to the institute's text: ``From the MEMRI site:``, ``Video and
    translation from MEMRI:`` (one that ends so is the repost's, though it names a translation),
    ``From The Middle East Media Research Institute TV Monitor Project:``; not a speaker's turn
    (``Host: With us is a researcher at MEMRI:``)."""
    if not line.endswith(":") or len(line) >= _BODY_LIKE or _LEAD_IN.fullmatch(line) is None:
        return False
    if _POINTS_ELSEWHERE.search(line):
        return False  # "To view this clip on the MEMRI TV website, go to:": a link, its address lost
    label, colon, _ = line.partition(": ")
    if colon:  # a blog's label before it ("H/T: O. Tamsin. Video from MEMRI:"), not a speaker's name
        label = label.casefold().rstrip("0123456789 ")  # "Update 2"
        return label in _BLOG_LABELS and _FROM_INSTITUTE.search(line) is not None
    return _FROM_INSTITUTE.search(line) is not None or not _introduces_text(line)


_POINTS_ELSEWHERE = re.compile(r"\b(?:[Tt]o (?:view|watch)\b.*|go to|visit|click here):$")
_BLOG_LABELS = frozenset(("h/t", "ht", "hat tip", "update", "via", "source", "video", "watch", "more", "see", "link"))
_FROM_INSTITUTE = re.compile(rf"\b(?:from|via) (?:the )?{INSTITUTE_NAME}(?: TV)?(?: site| website)?:$")


_SENTENCE_LINE = 100  # a line this long ending in a stop is a sentence of text, not a blog's headline or date


def _lead_in(lines: list[str], candidates: list[int]) -> int | None:
    """The line after a repost's lead-in that names the institute, among the first few lines and
    with only short lines (the blog's own headline and date) above it: what it quotes starts there.
    What it quotes may have lost its title (``Courtesy of MEMRI:`` over the text): then the blog's
    headline right above the lead-in is the title, and the text starts there."""
    for position, i in enumerate(candidates[:6]):
        line = lines[i]
        if len(line) >= _BODY_LIKE or (len(line) >= _SENTENCE_LINE and line.endswith(".")):
            return None  # text above: the lead-in is the text's own
        if is_lead_in(line):
            following = next((j for j in candidates if j > i), None)
            above = candidates[position - 1] if position else None
            if following is not None and above is not None and not looks_like_title(lines[following]):
                headline = lines[above]
                if len(headline.split()) >= _TITLE_WORDS and looks_like_title(headline):
                    return above
            return following
    return None


def in_header_list(lines: list[str], index: int) -> bool:
    """Does the header on line ``index`` stand in a list of reports, another header among the two
    non-blank lines before or after it (``Series - No. 831 - Date`` / its title / ``Series - No.
    5412 - Date``)? A text's related or cited reports are such a list; a bundle's dispatches, a
    report's own header and its copy are not."""
    own = h.match_header(lines[index].strip())
    before = [i for i in range(index - 1, max(index - 6, -1), -1) if lines[i].strip()][:2]
    after = [i for i in range(index + 1, min(index + 6, len(lines))) if lines[i].strip()][:2]
    for i in before + after:
        other = h.match_header(lines[i].strip())
        if other is None or not other.numbers or h.is_sub_series(other):
            continue  # a sub-series line under a header is the header's
        if own is not None and set(other.numbers) & set(own.numbers):
            continue  # a number again: the header repeated, broken over two lines, or one of its items
        return True
    return False


def _closes_text(lines: list[str], candidates: list[int], position: int) -> bool:
    """Does the header stand under the text it credits: paragraphs of text above it (a line of
    text, where it is the text's last line), and at most a line or two (a link, a posting note) below? Or a poem's
    lines above it, as long together, and no line of text below (a link, a blog's ``No comments``)?"""
    above = [len(lines[i]) for i in candidates[:position] if len(lines[i]) >= _TEXT_LINE]
    below = list(itertools.islice((line for line in lines[candidates[position] + 1 :] if line), _CREDIT_TAIL + 1))
    if len(below) > _CREDIT_TAIL:
        return False
    # (a line of text is enough where nothing stands below: a header on the last line starts nothing)
    paragraphs = sum(1 for size in above if size >= _BODY_LIKE // 2) >= 2 or (bool(above) and not below)
    poem = len(above) >= 2 and sum(above) >= _BODY_LIKE and not any(len(line.split()) >= _TEXT_WORDS for line in below)
    return paragraphs or poem


_CREDIT_TAIL = 2  # lines that may follow a repost's credit of what it quoted
_TEXT_LINE = 40  # a line of text above a repost's credit, a paragraph's or a poem's, not a menu's
_TEXT_WORDS = 8  # a line of text below a header: a title or a paragraph, not a link or a blog's "No comments"


# a repost's credit before the title it quotes: "MEMRI TV: Former Minister Vows ..."
# (a page may glue the credit to the title: "From MEMRIIn Harbour Speech, ...")
CREDIT_PREFIX = re.compile(
    r"\A(?:(?:(?:MEMRI|Memri)(?: TV)?|(?:Via|From) (?:MEMRI|Memri))\s*:\s+|(?:Via|From) MEMRI(?=[A-Z][a-z]))(?=\S)"
)
_CREDIT_REACH = 12  # lines from the top where a blog's commentary may stand above the credited title


def _credited_title(lines: list[str], candidates: list[int]) -> int | None:
    """The line of a title credited to the institute (``MEMRI TV: Title``), under the blog's
    own headline, date and commentary: what the repost quotes starts there."""
    for i in candidates[:_CREDIT_REACH]:
        line = lines[i]
        if line[:1] in "MVF" and (credit := CREDIT_PREFIX.match(line)) and looks_like_title(line[credit.end() :]):
            return i
    return None


def _first_own_line(lines: list[str], candidates: list[int]) -> int:
    """The text's first line past a repost's own lines (a posting date, e-mail headers), chrome and
    a sidebar's bulleted lines."""
    first = next(
        (i for i in candidates if not (is_repost_line(lines[i]) or is_chrome(lines[i]) or _listed(lines[i]))), None
    )
    if first is None:
        return candidates[0] if candidates else 0
    line = lines[first]
    # a bar of fields, "Date : ... | ID: 4316 | Print"; not a byline ("By: O. Tamsin | MEMRI") nor a sentence
    bar = line.count("|") >= 2 and not line.endswith(".") and len(line) < _BODY_LIKE
    if bar and not looks_like_title(line) and not h.match_date_line(line):
        below = [i for i in candidates if i > first][:2]
        if len(below) == 2 and looks_like_title(lines[below[0]]) and len(lines[below[1]]) >= _BODY_LIKE:
            return below[0]  # a page's bar of fields over the headline and its text
    return first


REPEAT_REACH = 12  # lines at the top, or under the title, where an aggregator repeats its headline
_TITLE_WORDS = 3  # a line of fewer words is a site's name or an icon's, not a title (``#``, ``Harbour Salad``)


def _above_text(lines: list[str], candidates: list[int]) -> list[int]:
    """The first lines, down to the first paragraph of text."""
    top = candidates[:REPEAT_REACH]
    return list(itertools.takewhile(lambda i: len(lines[i]) < _BODY_LIKE or looks_like_title(lines[i]), top))


def _repeated_headline(lines: list[str], candidates: list[int]) -> int | None:
    """Where the text's first line can be no title (``#``, ``Latest news``): the headline that an
    aggregator's page prints twice in a row (its link's text, then its heading) above the text.
    The text starts there, whatever stands above it."""
    for i, below in itertools.pairwise(_above_text(lines, candidates)):
        line = lines[i]
        if line == lines[below] and len(line.split()) >= 4 and looks_like_title(line) and not h.match_header(line):
            # (a picture's alt text over its caption, credited in brackets or on the line under it)
            credit = lines[below + 1] if below + 1 < len(lines) else ""
            return None if credits_a_picture(line) or agency_credit(credit) or is_credit_alone(credit) else i
    return None


def _under_breadcrumb(lines: list[str], candidates: list[int]) -> int | None:
    """The headline under a page's breadcrumb, which ends in it glued to the last crumb
    (``HomeCultureTitle`` / ``Title``), above the text."""
    for i, below in itertools.pairwise(_above_text(lines, candidates)):
        line, headline = lines[i], lines[below]
        glued = len(line) > len(headline) and line[-len(headline) - 1].isalpha()
        if glued and line.endswith(headline) and looks_like_title(headline):
            return below
    return None


_POSTING_DATE = re.compile(layouts.POSTING_DATE)


def _under_posting_date(lines: list[str], candidates: list[int], first: int, *, masthead: bool) -> int | None:
    """Where the text's first line can be no title (a blog's banner, its profile box), or over a
    ``masthead`` (the blog's name and its tagline, two short lines or more over the date): the
    headline right under the blog's posting date (``Thursday, August 09, 2007``) and the links to
    the posts around it, over the text's first paragraph (a credit line may stand between them)."""
    top = [i for i in candidates[:REPEAT_REACH] if i > first and not is_chrome(lines[i])]
    for position, (date, headline, text, further) in enumerate(
        zip(top, top[1:], top[2:], [*top[3:], None], strict=False)
    ):
        if masthead and (
            position < 1
            or any(len(lines[i]) >= _BODY_LIKE // 2 for i in top[: position + 2])
            or not every_word_capitalised(lines[headline])
        ):
            continue  # a headline's own date right under it, a paragraph above the date, a standfirst under it
        line = lines[headline]
        paragraph = len(lines[text]) >= _BODY_LIKE // 2 or (further is not None and len(lines[further]) >= _BODY_LIKE)
        if _POSTING_DATE.fullmatch(lines[date]) and paragraph and looks_like_title(line) and not h.match_header(line):
            return headline
    return None


def _under_page_words(lines: list[str], candidates: list[int], first: int) -> int | None:
    """Below a few of the page's words, none of more than three (a site's name, a button, a
    section's label, a picture's credit: ``Pin It``, ``Hamas TV`` / ``© tso``): the first line
    that can be a title, of six words or more, over the text's first paragraph (a byline may
    stand between them)."""
    for i in (i for i in candidates[:REPEAT_REACH] if i >= first):
        words = len(lines[i].lstrip(_BULLETS).split())  # ("• Subscribe via Email": a list's item of three words)
        if words >= _HEADLINE_UNDER_WORDS and looks_like_title(lines[i]):
            below = [j for j in candidates if j > i and not is_chrome(lines[j])][:2]  # (a print button)
            credit = below and len(lines[below[0]].split()) <= _CREDIT_LINE_WORDS
            if credit or (below and h.match_date_line(lines[below[0]]) is not None):
                below = below[1:]  # "por Orla Tamsin/Harbour Post" under the headline
            return i if below and len(lines[below[0]]) >= _BODY_LIKE // 2 else None
        if words > _TITLE_WORDS or lines[i].casefold() in layouts.NOT_TITLES or "://" in lines[i]:
            return None  # a longer line that is no title, a section's heading ("Wprowadzenie"), a source's address
    return None


_CREDIT_LINE_WORDS = 6  # a short line between a headline and its text: a byline, a desk's credit
# a headline under the page's words has six words or more: a shorter one under a word or two may be
# the blog's post's name under the blog's ("Harbour Press" / "Strike On The Pier"), neither the title
_HEADLINE_UNDER_WORDS = 6


def _under_menu(lines: list[str], candidates: list[int], first: int) -> int | None:
    """Below a page's menu and banners (five short lines or more; three where one is known
    chrome): the headline over the text's first paragraph, one line or two with a blank line above
    them (``JUDGEMENT AT THE HARBOUR (1):`` / ``VICTORY OR THE SEA``), perhaps over a deck in
    quotes (``"I want my own pier"``)."""
    above = list(itertools.takewhile(lambda i: len(lines[i]) < _BODY_LIKE, (i for i in candidates if i >= first)))
    if len(above) == len(candidates) - candidates.index(first) or len(above) < _FEWEST_MENU_LINES + 1:
        return None  # no paragraph under them, or too few lines over it for a menu
    end = len(above)
    if lines[above[-1]][:1] in _DECK_QUOTES and lines[above[-1] - 1] == "":
        end -= 1  # a deck quoting the text under the headline
    start = above[end - 2] if above[end - 2] == above[end - 1] - 1 else above[end - 1]
    menu = [i for i in candidates if i < start]  # with the chrome over the first line of the text
    if lines[start - 1] or any(len(lines[i]) > _MENU_LINE for i in menu):
        return None
    if len(menu) < (_FEWEST_MENU_LINES if any(is_chrome(lines[i]) for i in menu) else _MENU_LINES):
        return None  # (a site's sign-up box makes three lines a menu)
    if any(is_chrome(lines[i]) for i in above[:end] if i >= start):
        return None  # "Tags: World" over the lead picture's caption: no headline
    headline = " ".join(lines[i] for i in above[:end] if i >= start)
    return start if len(headline.split()) >= _TITLE_WORDS and looks_like_title(headline) else None


_DECK_QUOTES = '"“'
_MENU_LINES, _MENU_LINE = 5, 100
_FEWEST_MENU_LINES = 3  # lines over the headline that make a menu when one of them is known chrome


def _listed(line: str) -> bool:
    """A short bulleted line: an item of a blog's sidebar or a menu (``• Monday, July 30, 2012``),
    or of an aggregator's categories (``- Politics``)."""
    if line[:2] == "- ":  # not a sentence or a speaker's turn a dash opens ("- Host: Welcome back.")
        return len(line) < _BODY_LIKE // 2 and not line.endswith((".", "!", "?")) and ": " not in line
    return line[0] in _BULLETS and len(line) < _BODY_LIKE // 2


def _byline_over_boundary(lines: list[str], candidates: list[int], position: int, byline: h.DateLine) -> bool:
    """A byline of the institute's staff, named by their initials (``By: O. Winter``), right over
    the translation's boundary (``The following is a sample of ...:``): the dispatch's own, though
    a repost's commentary stands above its title."""
    below = candidates[position + 1] if position + 1 < len(candidates) else None
    return (
        below is not None
        and all(_STAFF_NAME.fullmatch(name) for name in byline.authors)
        and (is_boundary(lines[below]) or introduces_below(lines[below]))
    )


_STAFF_NAME = re.compile(h.STAFF_NAME)


def _near_top(lines: list[str], above: list[int]) -> bool:
    """No paragraph of text stands in the lines ``above`` (the one right above may be a title), or
    after a separator line among them (a forum post's comment over what it quotes)."""
    for i in reversed(above[:-1]):
        line = lines[i]
        if line[0] in "-_=*~" and _SEPARATOR.fullmatch(line):
            return True
        if len(line) >= _BODY_LIKE // 2 and not is_chrome(line):
            return False  # a paragraph (a repost's heading of its authors and title is chrome)
    return True


_SEPARATOR = re.compile(layouts.SEPARATOR)


def _is_sub_series_header(line: str) -> bool:
    header = h.match_header(line)
    return header is not None and h.is_sub_series(header)


def _strong_start(lines: list[str], candidates: list[int], position: int) -> Start | None:
    i = candidates[position]
    line = lines[i]
    header = h.match_header(line)
    if header is not None and not h.is_sub_series(header):
        return Start(i, "header", strong=True)
    if clip_header(lines, i) is not None:
        return Start(i, "clip", strong=True)
    if "|" in line and h.match_topics_line(line) is not None:
        above = _meta_top(lines, candidates, position)
        return Start(above, "topics", strong=True)
    return None


class ClipHeader(NamedTuple):
    """Where a TV clip's header lines stand: its date (if any), title and ``#1632 | 02:41`` line,
    and the chrome among them."""

    date: int | None
    title: int | None  # a page that lost its title: the date right over the clip's line
    clip: int
    chrome: tuple[int, ...]


def clip_header(lines: list[str], at: int) -> ClipHeader | None:
    """A TV clip's header starting at line ``at``: a date and one title line, the title alone, or
    the date alone (a page that lost its title), then ``#1632 | 02:41`` (chrome such as ``Share
    Video:`` between them aside, and a copy of its ``Source:`` line above the title)."""
    ahead = [i for i in range(at, min(at + 12, len(lines))) if lines[i]][:8]
    chrome = tuple(i for i in ahead if is_chrome(lines[i]) or lines[i].startswith("Source:"))
    rest = [i for i in ahead if i not in chrome][:3]
    if not rest or h.match_clip_line(lines[rest[0]]):
        return None
    if len(rest) >= 2 and h.match_clip_line(lines[rest[1]]) and not h.is_date_only(lines[rest[0]]):
        return ClipHeader(None, rest[0], rest[1], tuple(i for i in chrome if i < rest[1]))
    if len(rest) == 3 and h.is_date_only(lines[rest[0]]) and h.match_clip_line(lines[rest[2]]):
        return ClipHeader(rest[0], rest[1], rest[2], tuple(i for i in chrome if i < rest[2]))
    if len(rest) >= 2 and h.is_date_only(lines[rest[0]]) and h.match_clip_line(lines[rest[1]]):
        return ClipHeader(rest[0], None, rest[1], tuple(i for i in chrome if i < rest[1]))
    return None


def _meta_top(lines: list[str], candidates: list[int], position: int) -> int:
    """Above a topics line: its date or byline lines, and the title above them; the topics line
    itself where what stands above can be no title (a banner's credit: the title is looked for
    further up, and the meta line is read all the same)."""
    back = position - 1
    while back >= 0 and h.match_date_line(lines[candidates[back]]):
        back -= 1
    while back >= 0 and is_chrome(lines[candidates[back]]):
        back -= 1
    if back >= 0 and back == position - 1 and not looks_like_title(lines[candidates[back]]):
        return candidates[position]
    return candidates[back] if back >= 0 else candidates[position]


def _title_above(lines: list[str], candidates: list[int], position: int) -> int | None:
    """The title over a date line (over its byline too, where the byline stands between them)."""
    back = position - 1
    date_line = h.match_date_line(lines[candidates[position]])
    dated = date_line is not None and date_line.date is not None
    if back >= 0 and h.match_date_line(lines[candidates[back]]):
        back -= 1  # "Title / By A. Author / March 3, 2021"
    if back >= 1 and layouts.COLUMN_LABEL.fullmatch(lines[candidates[back]]):
        back -= 1  # "Title / The MEMRI Report / March 3, 2021": a newspaper column's name
    if back < 0 or is_chrome(lines[candidates[back]]):
        return None  # a page's menu above its category line is no title
    title = lines[candidates[back]]
    if back > 0 and LINKED_SOURCE.fullmatch(title):
        back -= 1  # "Title / Harbour Post [1] / May 24, 2019": the outlet a print view links to
        title = lines[candidates[back]]
    # (the text's first line over its byline may end in a stop, as a library files a paper's
    # headline: "Sermons from the piers." / "By Orla Tamsin")
    bylined = back == 0 and date_line is not None and bool(date_line.authors) and short_sentence(title)
    if not (looks_like_title(title) or ends_in_quoted_words(title) or bylined) or _LISTED_CLIP.match(title):
        return None  # "#1939 - Title" / "6 de noviembre, 2008": a list of other clips under the text
    # a mirror's categories ("Vellonie, Politique") over the date that stands over the title, or a
    # site's name of a word or two ("Harbour Salad"): no dispatch's title is so short
    # (over a byline without a date, "Title, Part III / By A. Author", the line is a title)
    topics = h.match_bare_topics(title, slashed=False, categories=True) if back < position - 1 or dated else None
    if (len(title.split()) <= 2 or (topics is not None and len(topics) > 1)) and _title_below(
        lines, candidates, position
    ):
        return None
    if back > 0 and names_from_headline(title, lines[candidates[back - 1]]):
        return candidates[back - 1]
    first = _wrapped_start(lines, candidates, back)
    headline = _headline_over_deck(lines, first, candidates[position])
    return first if headline is None else headline


_DECK_LINES = 2  # a deck wrapped over two lines at most


def deck_under(lines: list[str], headline: int) -> int | None:
    """The first line of the deck under a news story's headline (see :func:`_headline_over_deck`),
    or None."""
    deck = headline + 2
    end = next((i for i in range(deck, len(lines)) if not lines[i]), len(lines))
    return deck if _headline_over_deck(lines, end - 1, end + 1) == headline else None


def _headline_over_deck(lines: list[str], deck: int, byline: int) -> int | None:
    """A news story's headline over its deck, a sentence in sentence case of six words or more
    without a stop, over the byline, a blank line between each (``Harbour guild is focus of most
    complaints, study finds`` / ``Upcoming report details growing anger at`` / ``ferry fares`` /
    ``By Orla Tamsin``): the headline's line, else None."""
    bylined = byline < len(lines) and (named := h.match_date_line(lines[byline])) is not None and named.authors
    if not bylined or lines[byline - 1] or not lines[deck] or h.match_date_line(lines[deck]):
        return None  # a blank line over the byline, and the deck over it, no date
    while deck > 0 and lines[deck - 1] and byline - 1 - deck < _DECK_LINES:
        deck -= 1  # a deck wrapped at the page's width: "... anger at" / "Island outlets"
    up = deck - 2
    if up < 0 or lines[deck - 1] or not lines[up] or (up > 0 and lines[up - 1]):
        return None  # one blank line over the deck, and one over the headline (or none, at the top)
    text = " ".join(lines[deck : byline - 1]).split()
    if len(text) < _HEADLINE_UNDER_WORDS or every_word_capitalised(" ".join(text)) or text[-1][-1] in ".!?:":
        return None
    headline = lines[up]  # (not "Join our channel and get the news!", a page's call)
    if len(headline.split()) < _HEADLINE_UNDER_WORDS or headline[-1] == "!" or not looks_like_title(headline):
        return None
    return None if is_chrome(headline) or h.match_date_line(headline) or h.match_header(headline) else up


LINKED_SOURCE = re.compile(r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3} \[\d{1,2}\]")  # "Harbour Post [1]"
_CAPTION_NAME_WORDS = 4  # a lead picture's caption naming who the headline is about


def names_from_headline(line: str, above: str) -> bool:
    """Is ``line`` a few words the headline ``above`` it says (``Harbour Scholar Orlo Tamsin`` under
    ``Vellonian Harbour Scholar Orlo Tamsin: The Guild Lies``): the lead picture's caption naming
    who the headline is about, not the title?"""
    words = line.casefold().split()
    return (
        len(words) <= _CAPTION_NAME_WORDS
        and len(above) > 2 * len(line)
        and looks_like_title(above)
        and f" {' '.join(words)}" in f" {above.casefold()}"
    )


def _wrapped_start(lines: list[str], candidates: list[int], back: int) -> int:
    """The title's first line where the title over a date line is wrapped over two lines or more,
    with no blank between them; else the line over the date (see :func:`_wraps_onto`)."""
    last = first = candidates[back]
    while back > 0 and candidates[back - 1] == first - 1 and last - first < _WRAPPED_LINES - 1:
        if not _wraps_onto(lines[first - 1], lines[first], " ".join(lines[first - 1 : last + 1])):
            break
        first, back = first - 1, back - 1
    return first


def _wraps_onto(above: str, line: str, joined: str) -> bool:
    """Does the title go on from ``above`` onto ``line`` (making ``joined``)? Every word
    capitalised, four words or more above, ending in a colon, a bracket, a dash or a small word
    (``Friday Sermons In The Harbour: (PT1)`` / ``Review And Analysis``), or in any case two
    words or more ending in a kicker's colon or going on in lower case under them (``Harbour
    newspaper:`` / ``Tide a lie``, ``Harbour editor charged`` / ``with tide denial``,
    ``Caricatures du port`` / ``dans la presse`` / ``suite à la marée``)."""
    words = sum(1 for word in above.split() if word[:1].isalpha())  # a site's name, a separator: no title's half
    kicker = words >= _KICKER_WORDS and (above.endswith(":") or line[:1].islower())
    if (words < _WRAPPED_WORDS and not kicker) or len(above) > _WRAPPED_LINE or _ends_sentence_stop(above):
        return False
    if is_chrome(above) or not (
        kicker or above.endswith((":", ")", "-", "–")) or above.rsplit(None, 1)[-1].casefold() in layouts.SMALL_WORDS
    ):
        return False  # a title breaks after its kicker or a small word; a blog's name, a menu end in a noun
    return not h.match_date_line(above) and looks_like_title(joined) and (kicker or every_word_capitalised(joined))


_WRAPPED_LINE = 120
_WRAPPED_WORDS, _KICKER_WORDS = 4, 2
_WRAPPED_LINES = 3  # lines a title over its date line is wrapped over


def _ends_sentence_stop(line: str) -> bool:
    return line.endswith((".", "!", "?", ";", ","))


_LISTED_CLIP = re.compile(r"#\d{1,6}\s*[–—-]\s")


def _title_below(lines: list[str], candidates: list[int], position: int) -> bool:
    below = [lines[i] for i in candidates[position + 1 : position + 4] if not is_chrome(lines[i])]
    return (
        bool(below)
        and (looks_like_title(below[0]) or ends_in_quoted_words(below[0]))
        and not h.match_header(below[0])
        and not _LISTED_CLIP.match(below[0])
    )


def ends_in_quoted_words(line: str) -> bool:
    """A headline that ends in the words it quotes after a colon, their stop inside the quotation
    (``Orla, the film's heroine: “Now I see.”``); not a sentence introducing a quotation with a
    verb of saying (``The master warned the guild: “We will not sell.”``)."""
    said = _SAID_AT_END.search(line) if len(line) <= QUOTED_HEADLINE else None
    speaker = line[: said.start()] if said else ""
    return bool(speaker) and looks_like_title(speaker) and not any(word in layouts.SAYING for word in speaker.split())


# a quotation after a colon that ends the line, its stop inside: ': “Now I see the sense of it.”'
_SAID_AT_END = re.compile(r"\s?:\s(?:\"[^\"]{3,}|“[^“”]{3,}|‘[^‘]{3,}|«[^«»]{3,}|„[^„“”]{3,})[.!?…]\s?[\"”’»“]$")
QUOTED_HEADLINE = 300  # a quoted headline is at most this long


_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?] [A-Z]")  # "... ended. Then": not "U.S. 'Achievements'"
_BULLETS = "•·▪◦‣"
_TRAILING_REFS = re.compile(r"(?:\s*\[(?:\d{1,4}|[ivx]{1,5})\])+$")  # (or a Word endnote's "[ii]")
_SOURCE_LABEL = re.compile(layouts.SOURCE_LABEL)


def looks_like_title(line: str) -> bool:
    """A line that can be a dispatch's title: short enough, not a sentence (note references and a
    closing bracket aside), not a label or chrome."""
    end = _TRAILING_REFS.sub("", line[-60:]) if line.endswith("]") else line
    quoted = end.rstrip(")”’\"'")
    # a quotation trailing off inside the title's last quotes: "... States: 'We Used To Say ...'"
    end = quoted[:-3] if quoted != end and quoted.endswith("...") else quoted
    return (
        bool(line)
        and line[0] not in _BULLETS  # a list's item: a blog's sidebar, a menu
        # a list's item, or a deck going on from a headline: "--blind hatred of ..."; not a quotation's
        # dash and a capital opening a Nordic headline (an en dash and a space)
        and (line[0] not in "-–—" or (line[:2] == "– " and line[2:3].isupper()))
        and not line.endswith((" -", " –", " —", " |"))  # a site's name whose page title was lost: "Harbour Daily -"
        and line[:2] != "!["  # a Markdown image
        and len(line) <= 700  # a compilation's title runs to 600 characters
        and (
            not end.endswith((".", ":", ";", ","))
            or ends_in_abbreviation(end)
            or _trailing_off(end)
            or _headline_stop(end)
        )
        and (not end.endswith(("?", "!")) or not _SENTENCE_BREAK.search(line))  # "Has the Harbour Learned Anything?"
        # a paragraph's sentences, its stop lost, or a sentence and its aside ("… pour la marée. (clip n° 12 …")
        and (len(line) <= 150 or not (two_sentences(line) or _STOP_THEN_ASIDE.search(line)))
        and line.casefold() not in layouts.NOT_TITLES
        and line.rpartition(" - ")[2].casefold() not in layouts.NOT_TITLES  # after a site's name: "Site - Introduction"
        and not is_chrome(line)
        and not is_repost_line(line)
        and layouts.LABELLED_META.fullmatch(line) is None  # "Published in: MEMRI"
        and layouts.PROMO_LINES.fullmatch(line) is None  # "Jihad and Terrorism Threat Monitor": a promotion
        and h.match_date_line(line) is None
        and h.match_dateline(line) is None  # "9 avril 2012 : Title ; Title": a newsletter's headlines
        and not line.endswith(("(Source:", "Description automatically generated"))
        and not (line.endswith(")") and "(Source: " in line)  # a picture's caption and its credit
        and not (line.startswith(layouts.SOURCE_WORDS) and _SOURCE_LABEL.match(line))  # "Source: https://..."
        and not is_credit_alone(line)  # "Photo Credit: Harbour Office": a picture's
        and not is_pointer(line)
        and "://" not in line  # a site's banner with its address: "Harbour Online - http://harbour.test"
        and not opens_translation(line)  # "Following are excerpts from a lecture ...", its colon lost
        and not (line[0] == "(" and line[-1] == ")" and line.count("(") == 1)  # a link's label: "(In English)"
        and not _wholly_quoted(line)  # a quoted heading or a blog's pull quote
        and not (line[0].islower() and _FIELD_LABEL.match(line))  # a page's field: "author: Harbour TV - length: 02:57"
    )


_FIELD_LABEL = re.compile(r"[a-z]+\s?:\s")
_STOP_THEN_ASIDE = re.compile(r"[^\W\d_]{3}\. \(")


def short_sentence(line: str) -> bool:
    """One short sentence ending in a stop: a headline as a library files it."""
    return line.endswith(".") and len(line.split()) <= _SHORT_HEADLINE and not _SENTENCE_BREAK.search(line)


_SHORT_HEADLINE = 10


def _headline_stop(line: str) -> bool:
    """A headline that ends in a stop all the same: in capitals, in title case after a kicker's
    colon (``Harbour MP Orlo Tamsin: We Should Cancel the Pier Agreement.``), six words or more
    every one capitalised (``Harbour Daily Highlights Popularity of Tide Libel Book.``), or a
    quotation its stop follows (``«Drown them all».``), one sentence."""
    if not line.endswith(".") or _SENTENCE_BREAK.search(line) or len(line.split()) < _TITLE_WORDS:
        return False
    if line.upper() == line.lower():
        return False  # a script without capitals (Arabic, Hebrew): the shape of its words says nothing
    return (
        line.isupper()
        or (line[-2:-1] in ("»", "”") and _wholly_quoted(line[:-1].replace("«", "“").replace("»", "”")))
        or (": " in line and title_case_words(line))
        or (len(line.split()) >= _CAPITALISED_HEADLINE and every_word_capitalised(line))
    )


_CAPITALISED_HEADLINE = 6


def _trailing_off(line: str) -> bool:
    """A blog's short headline trailing off in dots (``The Harbour Rat...``), one phrase of a
    dozen words at most."""
    return line.endswith("...") and not line.endswith("....") and len(line.split()) <= 12 and ". " not in line


def _wholly_quoted(line: str) -> bool:
    return line[0] in '"“' and line[-1] in '"”' and sum(line.count(mark) for mark in '"“”') == 2
