"""The end of a dispatch's text: the page tail, repost tails, subscriber notices and promotions."""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from .. import model as m
from . import header as h
from . import layouts
from .cursor import Cursor, Findings

# the page tail and repost tails: one pattern, so most lines cost one match
_TAIL_LINE = re.compile(
    r"(?P<tail>(?i:Share this (?:Report|Clip|Post|Video|Article|Page)\s*:?.*|Latest Posts\s*)|Shared? via \S.{0,30}"
    r"|Posted (?:by \S.{0,60} )?at \d{1,2}:\d{2}\b.*"  # a blog post's footer
    r"|(?:\d{1,3}|No) (?i:repl(?:y|ies)|comments?):?"  # a blog's comment form
    r"|(?:\d{1,3}|Nessun) comment[oi]:?|(?:\d{1,3}|Keine) Kommentare?:?"  # in Italian and German
    r"|Leave (?:a|[Yy]our) (?i:reply|comment)(?: (?i:cancel reply))?|Post a [Cc]omment"
    r"|You (?:are )?receiv(?:e|ing) this (?:e-?mail|message|newsletter|alert)\b.*"  # an e-mail alert's
    # a news site's metered paywall under its story: "You have read 3 articles this month."
    r"|You(?: have|['’]ve) (?:read \d{1,3}(?: of \d{1,3})?(?: free)? (?:articles?|stories)"
    r"|reached (?:your|the) (?:\w+ ){0,3}(?:limit|articles?|stories)\b).{0,80}"
    r"|(?:To |Click here to )?[Uu]nsubscribe\b.{0,200}"
    r"|For assistance, please contact MEMRI\b.*)"  # an e-mail alert's footer, kept by a repost
    r"|(?P<pager>(?:«\s*)?Prev(?:ious)?\s*\d{1,3}\s*of\s*\d{1,3}\s*(?:Next)?\s*»?"  # a reposter's pager: "Prev1 of 4"
    r"|bottom of page)"  # and a site builder's skip link
    r"|(?P<repost>To (?:read|view) the full (?:dispatch|report|text)[^:]*?,? visit(?: (?P<url>\S+?))?\.?)"
    r"|(?P<source>(?i:Source: MEMRI\.?))"
)
_TAIL_INITIALS = frozenset("SsLlTtPYCUuFbNK«0123456789")  # the letters _TAIL_LINE's lines start with: others skip it
_INSTITUTE_TAIL = re.compile(r"Share this (?:Report|Clip|Post)", re.IGNORECASE)


class TailFound(NamedTuple):
    """What the end of the text said: an institute's page tail, and whether the copy ends cleanly."""

    institute: bool  # "Share this Report:" and its siblings: the institute's own page
    ended: bool  # a page tail or repost tail closes the text: the copy is not cut off
    credited: bool = False  # a repost tail links to the report, or the last line credits it by series and number


def read_tail(cursor: Cursor, fields: dict[str, object], found: Findings) -> tuple[list[str], list[int], TailFound]:
    """The lines after the top part, without tail boilerplate, subscriber notices, promotions and
    repost tails. A link to the full report with text after it is a digest item's: kept."""
    lines: list[str] = []
    numbers: list[int] = []
    institute = ended = credited = False
    last_text = _last_text_line(cursor)
    card = fields.get("series") == "MEMRI TV Clip" and fields.get("clip") is None  # a clip page's card may end it
    for index in range(cursor.index, len(cursor.lines)):
        line, number = cursor.lines[index], cursor.numbers[index]  # the two lists run in step
        match = _TAIL_LINE.fullmatch(line) if line[:1] in _TAIL_INITIALS else None
        if match is not None and match["url"] and index < last_text:
            match = None  # "To read the full report, visit <address>" with text after it: an item's link
        if match is None:
            if line and _notice(line, number, fields, found):
                continue
            if (
                index == last_text and fields.get("series") is None and _credit(line, lines, number, fields, found)
            ) or (line[:1] == "(" and _source_credit(line, number, fields, found)):  # on its own line, anywhere
                credited = True
                continue
            if card and _card_source(line, fields):
                found.add("guess", f"the clip's channel, date and length read from its card's line {line!r}", number)
                card = False
                continue
            lines.append(line)
            numbers.append(number)
            continue
        if match["pager"]:
            found.add("boilerplate", f"the page's link {line!r} dropped", number)
            continue
        ended = True
        if match["tail"]:
            institute = institute or _INSTITUTE_TAIL.match(line) is not None
            dropped = sum(1 for text in cursor.lines[index:] if text)
            found.add("boilerplate", f"{dropped} line(s) of page tail from {line!r} on dropped", number)
            break
        if match["repost"] and match["url"]:
            fields["source_url"] = match["url"]
            credited = True
            found.add("boilerplate", "repost tail dropped; its address is kept as the source URL", number)
        else:
            found.add("boilerplate", f"repost tail {line!r} dropped", number)
    return lines, numbers, TailFound(institute=institute, ended=ended, credited=credited)


def _card_source(line: str, fields: dict[str, object]) -> bool:
    """A TV page's card line under the clip's introduction: ``Channel (Country) / Date - 01:46``."""
    card = h.match_card_source(line)
    if card is None:
        return False
    channels, date, seconds = card
    fields["clip"] = m.Clip(duration_seconds=seconds, channels=channels)
    if fields.get("date") is None:
        fields["date"] = date
    return True


def _credit(line: str, above: list[str], number: int, fields: dict[str, object], found: Findings) -> bool:
    """A repost's last line crediting the dispatch (``From MEMRI Special Dispatch No. 1266, August
    25, 2006``): its series, number and date are the dispatch's. Not where other headers stand
    above it: it is then the last item of a digest."""
    header = h.match_header(line) if len(line) <= 200 else None
    if header is None or not header.numbers or header.title or any(h.headers_in(text) for text in above):
        return False
    fields.update(series=header.series, number=header.numbers[0], extra_numbers=header.numbers[1:])
    if fields.get("date") is None:
        fields["date"] = header.date
    found.add("guess", f"the last line credits the dispatch: series, number and date taken from {line!r}", number)
    return True


def _source_credit(line: str, number: int, fields: dict[str, object], found: Findings) -> bool:
    """A repost's line of its own naming the institute as its source, with the dispatch's date, in
    the mirrors' languages too (``(Da: memri.com, 28.5.21)``, ``(Source: MEMRI, May 28, 2021)``):
    the last line, or one over the clip's link and the site's words."""
    match = _SOURCE_CREDIT.fullmatch(line)
    dated = match["date"] if match else ""
    date = dated and (h.parse_date(dated) or h.match_numeric_date(dated) or _short_figures(dated))
    if not date:
        return False
    if fields.get("date") is None:
        fields["date"] = date
    found.add("guess", f"the last line credits the institute as the source, and dates the dispatch: {line!r}", number)
    return True


def _short_figures(text: str) -> datetime.date | None:
    """A date in figures, day first, its year in two: ``28.5.21``."""
    match = _SHORT_FIGURES.fullmatch(text)
    if match is None:
        return None
    try:
        return datetime.date(2000 + int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


_SOURCE_WORDS = "|".join((*layouts.SOURCE_WORDS, "From", "Da", "Bron"))  # and the Italian and Dutch "from"
_SOURCE_CREDIT = re.compile(
    rf"\((?:{_SOURCE_WORDS})\s?:\s*(?:www\.)?MEMRI(?:\.[a-z]{{2,3}})?(?: TV)?,\s*(?P<date>[^()]{{4,30}})\)",
    re.IGNORECASE,
)
_SHORT_FIGURES = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2})")


def _last_text_line(cursor: Cursor) -> int:
    """The index of the last line that is neither blank nor tail boilerplate."""
    for index in range(len(cursor.lines) - 1, cursor.index - 1, -1):
        line = cursor.lines[index]
        if line and not (line[:1] in _TAIL_INITIALS and _TAIL_LINE.fullmatch(line)):
            return index
    return -1


_NOTICE_LINE = 300  # an aggregator's notice stands on a line of its own


def _notice(line: str, number: int, fields: dict[str, object], found: Findings) -> bool:
    """True if the line is a notice or promotion to drop; a subscriber notice, alone or inside a
    paragraph, marks the dispatch truncated."""
    # the common case: the line holds none of the words every notice and promotion holds (spelt
    # out: a generator over a tuple of them cost a tenth of the reader's time)
    if not (
        "ubscri" in line
        or "member" in line  # (not "ember": every "November" and "December" met the notices' patterns)
        or "Member" in line
        or "egistered users" in line
        or "MEMRI" in line
        or "Monitor" in line
        or "Full " in line
        or "copy of" in line
        or "losed " in line  # "This is a closed report."
        or "LOSED " in line
        # an aggregator's notice, a line of its own
        or (
            len(line) < _NOTICE_LINE
            and (
                "truncated" in line
                or "(Excerpt)" in line
                or "snipped" in line
                or "ontinues " in line
                or "Read more" in line
                or "Article excerpt" in line
            )
        )
        # the mirrors' notices: the Spanish one's word, the others' letters (isascii is a flag the string keeps)
        or "miembro" in line
        or (not line.isascii() and _mirrors_letters(line))
    ):
        return False
    notice = subscriber_notice(line, number, fields, found)
    if notice is not None:
        return len(line) - len(notice[0]) <= 40  # the line is the notice: drop it
    if len(line) <= 300 and layouts.PROMO_LINES.fullmatch(line):
        found.add("boilerplate", f"promotion {line[:40]!r} dropped", number)
        return True
    return False


def _mirrors_letters(line: str) -> bool:
    """Does the line hold a letter every mirror's notice but the Spanish one holds one of?"""
    return any(letter in line for letter in layouts.MIRROR_NOTICE_LETTERS)


_NOTICE_GATE = ("subscri", "member", "copy of this", "registered users", "closed ")  # one in every notice


# one of these is in every aggregator's notice, in any case (looked up as strings: a pattern
# searched on every line cost a sixth of the parse)
_CUT_WORDS = ("truncated", "(excerpt)", "snipped", "continues ", "read more", "article excerpt")


def subscriber_notice(line: str, number: int, fields: dict[str, object], found: Findings) -> re.Match[str] | None:
    """A notice that the full text is for subscribers or members: the dispatch is truncated."""
    lowered = line.lower()  # every English notice says subscri..., member or copy, in any case
    notice = None
    # the pattern is slow to search a long paragraph for: most paragraphs hold none of its words
    if any(word in lowered for word in _NOTICE_GATE) and any(w in lowered for w in layouts.SUBSCRIBER_NOTICE_WORDS):
        notice = layouts.SUBSCRIBER_NOTICES.search(line)
    elif any(word in lowered for word in _CUT_WORDS):
        notice = layouts.AGGREGATOR_NOTICE.search(line)
    if notice is None and ("miembro" in line or (not line.isascii() and _mirrors_letters(line))):
        notice = layouts.MIRROR_NOTICES.search(line)
    if notice is not None:
        if not fields.get("truncated"):
            excerpt = any(word in notice[0].lower() for word in _CUT_WORDS)
            said = "it is an excerpt" if excerpt else "the full version is for subscribers only"
            found.add("truncated", f"the text says {said}: {notice[0]!r}", number)
        fields["truncated"] = True
    return notice
