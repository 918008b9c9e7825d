"""Recognising the lines at the top of a dispatch: header, byline, meta block and TV-clip header.

Each ``match_*`` function looks at one line and returns what it found, or None. They know the
shapes listed in FORMAT.md, parts 2 to 5; :mod:`dispatchlib.parser` decides where to look.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import functools
import re

from attrs import evolve, frozen

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
    **layouts.MONTH_ABBREVIATIONS,
}

# "March 14, 2023", "Dec 01, 2007", "Sept. 5, 2010", and the Japanese mirror's "Jul/4/2017"
DATE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?:\.?\s*\d{1,2},\s*|/\d{1,2}/)\d{4}"
)  # (the space after the month may be lost in a copy: "January11, 2008")
_MONTH_WORD = "|".join(sorted((re.escape(name) for name in _DAY_FIRST_MONTHS), key=len, reverse=True))
# "18. Oktober 2002", "23 mai 2002", "1er mai 2002", "14 de marzo de 2023", "28 września 2019 r.",
# and a comma before the year, "13 de julio, 2008"
DAY_FIRST_DATE = (
    rf"\d{{1,2}}(?:er|º)?\.?\s+(?:de\s+)?(?i:(?:{_MONTH_WORD})\.?|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)"
    r"(?:,\s*|\s+)(?:de\s+)?\d{4}(?:\s*(?:r\.|г\.|roku|года))?"
)
# a mirror's page template that kept the English order with its own month names: "Juin 24, 2013"
_FOREIGN_MONTH = "|".join(
    sorted(
        {name for language in layouts.MONTH_FIRST_LANGUAGES for name in layouts.MONTHS[language]}
        | set(layouts.MONTH_SPELLINGS)
    )
)
FOREIGN_MONTH_FIRST_DATE = rf"(?i:{_FOREIGN_MONTH})\s+\d{{1,2}},\s*\d{{4}}"
ANY_DATE = rf"(?:{DATE}|{DAY_FIRST_DATE}|{FOREIGN_MONTH_FIRST_DATE})"
_DATE_PARTS = re.compile(r"([^\W\d_]+)(?:\.?\s*(\d{1,2}),\s*|/(\d{1,2})/)(\d{4})")
_DAY_FIRST_PARTS = re.compile(r"(\d{1,2})(?:er|º)?\.?\s+(?:de\s+)?(\w+)\.?(?:,\s*|\s+)(?:de\s+)?(\d{4})(?:\s*\S*)?")
_KNOWN_NAMES = (*layouts.SERIES, *layouts.FOREIGN_SERIES)
_KNOWN_SERIES = "|".join(re.escape(name) for name in sorted(_KNOWN_NAMES, key=len, reverse=True))
_SERIES = rf"(?:(?i:{_KNOWN_SERIES})|[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|of|and|the|on|for))*?)"
_NO = "|".join(re.escape(word) for word in sorted(layouts.NUMBER_WORDS, key=len, reverse=True))
# several numbers in one header: "No. 2413, 2414, 2415", "Nos. 3173, 3174", "No. 3024 / 3025"
# (a further number followed by a word is a date's day: "N° 135, 23 avril 2003")
_NUMBER_LIST = r"\d{1,7}(?:\s*(?:,|/|&|and)\s*\d{1,7}(?!\d)(?!\.?\s+(?:de\s+)?[^\W\d_]))*"
_NUMBERS = rf"(?:{_NO})\s*(?P<nums>{_NUMBER_LIST})"
_DIGIT = re.compile(r"\d")


def _has_number_word(line: str) -> bool:
    """The cheap test every numbered header passes: a number word of :data:`layouts.NUMBER_WORDS`
    stands in the line (spelt out: a generator over the words cost more than the patterns). A
    line of body text is long, and only an e-mail's collapsed header ("No.") hides in one."""
    if "No" in line:
        return True
    return len(line) <= 200 and (
        "Nr" in line or "nr" in line or "°" in line or "º" in line or "úm" in line or "מס" in line or "№" in line
    )


def _has_dash(line: str) -> bool:
    return "-" in line or "–" in line or "—" in line


# (an old page's date line repeats the number after the date, "No. 1193 June 28, 2006 No.1193";
# an old e-mail's topics follow the number after a dash, a hyphen only when a "/" shows them
# topics, "No. 842 - Vellonia / Coast Studies"; they may follow the number with no space, "No.
# 4288Vellonia/Coast Studies Project", and its date in figures may follow it, "No. 2251
# 02/16/09", or lead it, an old TV page's "11/11/2005, Clip No. 930")
_HEADER_PARTS = (
    rf"(?:(?:(?P<date>{ANY_DATE})|(?P<lead>\d{{1,2}}/\d{{1,2}}/\d{{4}}))\s*(?:(?P<sep>[/,])\s*)?)?(?P<series>{_SERIES})?BETWEEN"
    rf"\s*(?:[-–—]\s*)?{_NUMBERS}(?:\s*[-–—|,]?\s*(?P<after>{ANY_DATE})(?:\s+No\.\s?(?P=nums))?|\s*(?:[—–]|\s-(?=\s[^/]{{1,40}}/))\s*(?P<topics>\S.*)"
    rf"|(?P<glued>(?<=\d)[A-Z][\w ,&'’.-]{{1,40}}(?:/[\w ,&'’.-]{{1,60}})+)"
    r"|\s+(?P<figures>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})))?\.?"
)
_HEADER = re.compile(_HEADER_PARTS.replace("BETWEEN", ""))
# the topics may stand between the series and the number: "Enquête et Analyse / Vellonie / Côte - N° 135"
# (a pattern of its own, tried on lines with a "/" only: it costs every other line)
_HEADER_BETWEEN = re.compile(_HEADER_PARTS.replace("BETWEEN", r"(?P<between>(?:\s*/\s*[^/|\d]{1,40}?){1,6})"))
# a header whose number is lost or was never printed: a known series and a date, either way round
# ("Special Report 18. Oktober 2002"; an old e-mail's area between them, "Special Report - PA March
# 30, 2001", its number perhaps after the date, "Special Dispatch - Jihad and Terrorism December 6,
# 2002 No. 447", its areas up to seven words, "Special Dispatch - Vellonia / Coast & Tide Studies
# Project March 10, 2006 No. 1111"), or a known series with an empty number ("Clip No.")
_NUMBERLESS = re.compile(
    rf"(?:(?P<date1>{ANY_DATE})\s*[/|,]?\s*)?(?P<series>{_KNOWN_SERIES})"
    rf"(?:\s*[-–—]\s*(?P<tag>(?-i:[A-Z][A-Za-z]{{0,15}}(?:(?:\s?/\s?|\s|\s(?:and|&)\s)[A-Z][A-Za-z]{{0,15}}){{0,6}}))"
    rf"(?:\s+No\.\s?(?P<before>\d{{1,7}}),?)?\s+(?P<date3>{ANY_DATE})(?:\s+No\.\s?(?P<number>\d{{1,7}}))?"
    # an old PDF's credit: "Special Dispatch by The Middle East Media Research Institute (MEMRI), August 17, 2004."
    rf"|\s+by (?:the )?Middle East Media Research Institute(?: \(MEMRI\))?,?\s+(?P<date4>{ANY_DATE})\.?"
    rf"|\s*[/|,–—-]?\s*(?P<date2>{ANY_DATE})|\s*(?P<empty>{_NO})\s*:?)?",
    re.IGNORECASE,
)
# a title that ends in its series ("Title - Special Report", "Title - MEMRI Special Dispatch No. 12")
_SERIES_SUFFIX = re.compile(rf"(?P<series>{_KNOWN_SERIES})(?:\s+{_NUMBERS})?")
_SUFFIX_DASH = re.compile(r"\s[-–—]\s*|[–—]\s*")
# an e-mail of two series' items names both, and their numbers in the same order: "Inquiry &
# Analysis/Special Dispatch | No. 526/2410 | June 18, 2009" (the text is of no one series)
_PIPE_HEADER = re.compile(
    rf"(?P<series>{_SERIES})(?:\s*/\s*(?P<second>(?i:{_KNOWN_SERIES})))?\s*\|\s*{_NUMBERS}\s*\|\s*(?P<date>{DATE})"
)
# a news digest's copy without the number word: "MEMRI Inquiry and Analysis |825|April 19, 2012",
# "Special Dispatch|9604|March 3, 2011" (a known series, the number tight between its bars: no
# blog's bar, "MEMRI TV | 4 | May 2, 2015", nor a table's row)
_BARE_PIPE_HEADER = re.compile(
    rf"(?:MEMRI:? )?(?P<series>(?i:{_KNOWN_SERIES}))\s*\|(?P<nums>\d{{1,7}})\|\s?(?P<date>{DATE})"
)
# a byline word ending in ':' may touch the name; the others need a space ("Di" is not "Diana")
_BYLINE_WORD = "|".join(
    re.escape(word) + ("" if word.endswith(":") else r"(?=\s)")
    for word in sorted(layouts.BYLINE_WORDS, key=len, reverse=True)
)
# "March 17, 2011 | By A. One*", and an old TV page's "May 27, 2004 Example Coast TV (Vellonia)" (its channel);
# also after the institute's name, as a mirror or a reprint writes it ("MEMRI, 18 августа 2020",
# "Middle East Media Research Institute | January 14, 2005"), and a video
# page's "Published on May 3, 2018" (a blog's "Posted on" dates the repost, not the report)
_DATE_LINE = re.compile(
    r"(?:(?P<credit>MEMRI|МЕМРИ|Middle East Media Research Institute)\s*[,|–—-]\s+|Published on\s+)?"
    rf"(?P<date>{ANY_DATE})"
    rf"(?:\s*(?:\||[-–—]|,)\s*(?:{_BYLINE_WORD})\s*(?P<authors>\S.*)"
    r"|\s+[A-Z][\w'’.&-]*(?: [\w'’.&-]+){0,5} \([A-Z][\w' /.&-]{1,40}\)"
    r"|\s+No\.?)?"  # a header whose series and number (links on the page) the copy lost: "June 6, 2017 No."
    r"(?(credit)(?:(?<=\d)\.)?)"  # a repost's credit line under the headline: "MEMRI, May 11, 2009."
)
_BY_LINE = re.compile(rf"(?:{_BYLINE_WORD})\s*(?P<authors>[^\W\d_].*)")
# a byline's date after its names, after a comma or a space: "By: A. One, December 16, 2008",
# "By A. One November 5, 2004"
_DATE_AFTER_NAMES = re.compile(
    rf"(?:,\s*|\s*\|\s*|\s+)(?P<date>{ANY_DATE})(?:[.:]|\s*\|\s*\d{{1,2}}:\d{{2}}\s?[ap]\.?m\.?(?: [A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)  # (a news site's stamp after a bar, its time too: "By A. One | July 7, 2008 | 8:18pm EDT")
# the outlet credited before the byline: "MEMRI, by O. Tamsin and R. Sample, March 16, 2017:",
# "Harbour Beacon, by Orla Tamsin, Sep. 10, 2015:"
_OUTLET_BEFORE_BYLINE = re.compile(r"(?P<outlet>[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,5}),\s*(?=by\s)")
_CREDITED_OUTLET = 60
_SHORT_YEAR = re.compile(r"(?<=, )(\d{2})$")  # a reposter's "/MEMRI/December 18/15": the year in two figures


def _full_year(match: re.Match[str]) -> str:
    return str(_four_figures(int(match[1])))


def _four_figures(year: int) -> int:
    """A year written in two figures: the institute's reports start in 1998."""
    return year + (1900 if year >= 98 else 2000)


# an Italian copy's line crediting the institute's page and its date: "Tratto da Memri.org del 12/3/2009"
_TAKEN_FROM = re.compile(
    r"(?:Tratt[oa]|Tradott[oa]) da (?:www\.)?memri\.org del (?P<date>\d{1,2}/\d{1,2}/\d{4})\.?", re.I
)
_FIGURES_AFTER_NAMES = re.compile(r",\s*(?P<date>\d{1,2}[./]\d{1,2}[./]\d{4})$")
# a news copy's credit under its headline: the writer, the date in figures and the outlet
_NEWS_CREDIT = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}), (?P<date>\d{1,2}\.\d{1,2}\.\d{4}),"
    r" [A-Z][\w.-]*(?: [\w.-]+){0,3}"
)
# a news site's byline of the reporter's name and the time the story was last updated, no date
_NAME_AND_TIME = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\s?,\s?\|\s?(?:[Uu]pdated:?\s?)?\d{1,2}:\d{2}(?:\s?[AP]M)?"
)
# the institute's staff named by their initials and its name, without a byline's word, as a site
# reposting its reports writes them: "H. Varulkar and C. Jacob/MEMRI/December 03"
STAFF_NAME = r"(?:[A-Z]\.\s?){1,2}[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"  # "O. Tamsin", "A.B. Sample Vell"
_STAFF_SITE_LINE = re.compile(rf"(?P<authors>{STAFF_NAME}(?:(?:,\s*|,? and ){STAFF_NAME})*\s*/\s*MEMRI\b.{{0,30}})")
_TOPICS_LINE = re.compile(rf"(?P<topics>[^|]*?)\s*\|\s*(?:(?P<series>{_SERIES})\s+)?{_NUMBERS}")
_NUMBERLESS_TOPICS_LINE = re.compile(rf"(?P<topics>[^|]*?)\s*\|\s*(?P<series>(?i:{_KNOWN_SERIES}))")
_TITLE_BYLINE = re.compile(rf"(?P<title>.+?),\s+By\s+(?P<authors>.+?)\s+[-–—]\s+(?P<date>{DATE})")
# a magazine's title with its byline run on: "Must-Read Harbour News, Part II By: Orla Tamsin"
# (or, after a comma, several names: "Title, by: O. Tamsin, R. Sample, and V. Quist")
_NAMED = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}"
_TITLE_BY_COLON = re.compile(
    rf"(?P<title>.{{10,300}}?)"
    rf"(?:\s+By:\s+(?P<author>{_NAMED})|,\s+[Bb]y:\s+(?P<authors>{_NAMED}(?:,? (?:and )?{_NAMED})*))"
)
# "#1632 | 02:41", and old pages' "#53 | 51" (seconds)
# (its source line may be run onto it: "#3187 | 03:29Source: Online Platforms")
_CLIP_LINE = re.compile(
    r"#(?P<num>\d{1,7})(?:\s*\|\s*(?P<duration>\d{1,2}(?::\d{2}){1,2}|\d{1,3}))?\s*(?P<source>Source:.*)?"
)
_CLIP_SOURCE = re.compile(r"Source:\s*(?P<channels>\S.*)")
# (Hebrew joins its "and", the letter vav, to the next name's initial)
_AUTHOR_SPLIT = re.compile(
    r",\s*(?:and|&)\s+|\s+(?:and|&)\s+|\s+(?:et|und|y|e|i)\s+|,\s*|\s+\u05d5(?=[\u05d0-\u05ea]\.)"
)

_TOPIC = r"[A-Z][\w&'’.-]*"
# a header inside a longer line (newlines lost in an e-mail or a repost): known series names only;
# compiled on first use (2 ms, and most texts never need it: see find_header)
_HEADER_IN_LINE = (
    rf"(?:{DATE}\s*(?:/\s*)?)?(?:{_KNOWN_SERIES})(?:\s+Report)?\s*(?:[-–—|]\s*)?(?:{_NO})\s*{_NUMBER_LIST}"
    rf"(?:\s*\|\s*{DATE}|\s*[—–]\s*{_TOPIC}(?:\s+{_TOPIC}){{0,4}}(?:\s*/\s*{_TOPIC}(?:\s+{_TOPIC}){{0,4}})*"
    r"|\s+\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b)?"
)

_ENDS_IN_DATE = re.compile(rf",\s*{DATE}$")
_LONGEST_TOPIC = 8  # words a topic of a header's list holds at most
_ENDS_IN_ISSUE = re.compile(rf"(?:{_NO})\s*\d{{1,5}},\s*(?P<date>{DATE})$")
_DATE_FIRST = re.compile(rf"{ANY_DATE},?\s")
_NUMBER_SIGN = re.compile(rf"(?:{_NO})\s*\d")


def issue_date(text: str) -> datetime.date | None:
    """The date a title ends in after its issue's number (``Title - No. 7, February 21, 2025``);
    not a date the title speaks of (``The Great Storm Of March 3, 1911``)."""
    match = _ENDS_IN_ISSUE.search(text) if text[-4:].isdigit() else None
    return parse_date(match["date"]) if match else None


def parse_date(text: str) -> datetime.date | None:
    """Read ``March 14, 2023``, ``Dec 01, 2007``, ``Sept. 5, 2010``, or a date written day first in
    any language of :data:`layouts.MONTHS` (``18. Oktober 2002``); None if it is no real date."""
    text = text.strip()
    match = _DATE_PARTS.fullmatch(text)
    if match:
        word = match[1].lower()
        month = _DAY_FIRST_MONTHS.get(word) or _MONTHS.get(word[:3])
        day, year = match[2] or match[3], match[4]
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


_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+"
# a site's name and the page's date: "Harbour-Magazine.com | Thursday, July 21, 2005"
_SITE_DATE = re.compile(rf"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info)\s*\|\s*(?:{_WEEKDAY})?(?P<date>{DATE})")
# the date an e-mail or a newsletter gives around a copy: "Date: Wed, 16 Jul 2003 09:12:33 -0400",
# "Sent: Sunday, July 30, 2006 9:15 AM", "MEMRI Daily: February 24, 2011". A blog's posting date
# ("Thursday, 24 February 2011") is the repost's, not the report's: it is not one.
_PAGE_DATE = re.compile(
    rf"(?:(?:Date|Sent|Published(?: on)?)\s*:\s*|[^:]{{1,60}}:\s+|.{{1,60}}\s[-—–]\s)"
    rf"(?:{_WEEKDAY})?(?P<date>{ANY_DATE})(?:[,\s].{{0,30}})?"
)
# a newspaper's name before its dateline: "The Harbour Times", "Coast Post", "Example Herald"
_NEWSPAPER = re.compile(r"\b(?:Times|Post|Herald|Tribune|Gazette|Telegraph|Guardian|Globe|Chronicle|Examiner)\b")
# a scraper's or a blog's stamp: "date 2018-12-26", "2018-12-26 10:04"; an aggregator's day first: "20-06-2025",
# its source's name glued to it: "Memri30-06-2025"
_ISO_DATE = re.compile(
    r"(?:date:?\s*|memri\s*)?(?:(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})|(?P<day>\d{1,2})(?P<sep>[.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}))"
    r"(?:,?[ T]\s*[\d:]{4,8}\S*)?",
    re.IGNORECASE,
)


def match_page_date(line: str) -> datetime.date | None:
    """The date of a line that dates the e-mail, newsletter or scraped page around a copy; not a
    newspaper's dateline over its story (``- The Harbour Times - Friday, March 3, 2006``), which
    dates the story."""
    if len(line) > 100:
        return None
    if stamp := _ISO_DATE.fullmatch(line):
        return _stamp_date(stamp)
    match = _PAGE_DATE.fullmatch(line)
    if match is None or _NEWSPAPER.search(line, 0, match.start("date")):
        return None
    return parse_date(match["date"])


def match_stamp(line: str) -> datetime.date | None:
    """The date of a scraper's, a blog's or an aggregator's stamp in figures alone on a short line
    (``2018-12-26``, ``Memri30-06-2025``)."""
    stamp = _ISO_DATE.fullmatch(line) if len(line) <= _STAMP else None
    return _stamp_date(stamp) if stamp is not None else None


def _stamp_date(stamp: re.Match[str]) -> datetime.date | None:
    year, month, day = (stamp["y"], stamp["m"], stamp["d"]) if stamp["y"] else stamp.group("year", "month", "day")
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


_STAMP = 40


# a press release's dateline: "HARBOURTOWN, VL / EXAMPLEWIRE / December 22, 2020 / The ..."
_DATELINE = re.compile(
    rf"[*_ ]{{0,3}}[A-Z][A-Z .,'-]{{2,40}}(?:\s*/\s*[A-Za-z][\w .&-]{{1,30}})?\s*[/—–-]\s*({DATE})\s*[/—–-]"
)


# a newsletter's date before its headlines: "9 avril 2012 : Title ; Title ; ..."; a clip page's date
# line run into its summary: "May 2, 2015 In a May 2 interview, ..."
_DATE_COLON = re.compile(rf"({ANY_DATE})(?:\s?:\s+\S| (?=(?:In|On|At|During|Following|According to) [A-Za-z]))")


def match_dateline(line: str) -> datetime.date | None:
    """The date of a dateline at the start of a paragraph: a press release's, a newsletter's date
    before a colon and its headlines, or a page's date line run into the summary under it."""
    first = line[:3].lstrip("*_ ")[:1]
    match = _DATELINE.match(line) if first.isupper() else None
    if match is None and (first.isdigit() or first.isupper()):
        match = _DATE_COLON.match(line)
    return parse_date(match[1]) if match else None


# an old TV site's listing line of a clip, its channel, date and length before the title, dashes
# between them: "Aired on Channel 1 (Vellonia) - December 29, 2008 - 00:03:53 : Title"
_AIRED_LISTING = re.compile(
    rf"Aired on (?P<channel>\S.{{1,80}}?)\s[–—-]\s(?P<date>{DATE})\s[–—-]\s"
    rf"\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s?:\s(?P<title>\S.{{9,400}})"
)


def match_aired_listing(line: str) -> tuple[str, datetime.date] | None:
    """The title and date of an old TV site's listing line (``Aired on Channel 1 (Vellonia) -
    December 29, 2008 - 00:03:53 : Title``)."""
    match = _AIRED_LISTING.fullmatch(line) if line.startswith("Aired on ") else None
    date = parse_date(match["date"]) if match else None
    return (match["title"].strip(), date) if match and date else None


# a blog's stamp of its post's date and poster under the headline: "Mar 12th, 2009 by orlo_t"
_POSTING_STAMP = re.compile(r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?, \d{4},? by (?P<poster>[\w.@-]{2,40})")


def match_posting_stamp(line: str) -> str | None:
    """The poster a blog's stamp of its post names (``Mar 12th, 2009 by orlo_t``); its date is the post's."""
    match = _POSTING_STAMP.fullmatch(line) if " by " in line else None
    return match["poster"] if match else None


# a repost's lead opening on its source's dateline: "(December 3, 2019 / MEMRI) A senior adviser ..."
_CREDITED_DATELINE = re.compile(rf"\((?P<date>{ANY_DATE})\s*/\s*MEMRI\)\s")


def match_taken_from(line: str) -> datetime.date | None:
    """The date of a copy's line crediting the institute as its source: an Italian copy's ``Tratto
    da Memri.org del 12/3/2009`` (day first), a Polish magazine's ``Z materiałów MEMRI
    2018-12-07``, ``From MEMRI, 7 December 2018``, ``(Da: memri.com, 28.5.21)``."""
    taken = _TAKEN_FROM.fullmatch(line) if line.startswith(("Tratt", "Tradott")) else None
    if taken is not None:
        return match_numeric_date(taken["date"])
    source = (
        _FROM_INSTITUTE.fullmatch(line) if len(line) <= _FROM_LINE and ("MEMRI" in line or "memri." in line) else None
    )
    return _credit_date(source["date"]) if source is not None else None


# a reprint's line naming the institute as its source and the report's date
_FROM_INSTITUTE = re.compile(
    r"\(?(?:Z materiałów|From|Aus|Da|De|Van|Fra|Fonte|Quelle|Source|Źródło)\s?:?\s+(?:MEMRI|memri\.[a-z.]{2,6})"
    r",?\s+(?P<date>[^()]{6,30}?)\.?\)?"
)
_FROM_LINE = 60
_SHORT_NUMERIC_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2})")


def _credit_date(text: str) -> datetime.date | None:
    """A date as a reprint's credit writes it: ``2018-12-07``, ``28.5.21``, or as a date line does."""
    with contextlib.suppress(ValueError):
        if len(text) == len("2018-12-07") and text[4:5] == "-":
            return datetime.date.fromisoformat(text)
        if short := _SHORT_NUMERIC_DATE.fullmatch(text):
            day, month, year = (int(part) for part in short.groups())
            return datetime.date(_four_figures(year), month, day)
    return match_numeric_date(text) or parse_date(text)


def match_credited_dateline(line: str) -> datetime.date | None:
    """The date of the institute's dateline a repost's lead opens on (``(December 3, 2019 / MEMRI)
    ...``), or of the institute's press release (``WASHINGTON, D.C., April 13, 2020 - The Middle
    East Media Research Institute (MEMRI) ...``)."""
    if line[:1] == "(":
        match = _CREDITED_DATELINE.match(line)
    else:
        match = _PRESS_DATELINE.match(line) if line[:2].isupper() else None
    return parse_date(match["date"]) if match else None


# a press release's dateline, the institute the subject of its first sentence
_PRESS_DATELINE = re.compile(
    rf"[A-Z][A-Z .'-]{{2,30}}(?:, [A-Z][\w.]{{1,10}}(?: [A-Z][\w.]{{1,10}})?)?, (?P<date>{DATE})\s*[-–—]{{1,2}}\s+"
    r"(?:The )?(?:Middle East Media Research Institute|MEMRI)\b"
)


_MONTH_STAMP = re.compile(r"date\s+\d{4}-\d{2}(?![\d-])", re.IGNORECASE)  # a page the scraper dated by its month


def split_date_stamp(line: str) -> tuple[str, str] | None:
    """A scraper's ``date 2018-12-26`` run onto a text's first sentence: the stamp and the rest."""
    match = (_ISO_DATE.match(line) or _MONTH_STAMP.match(line)) if line[:5].lower() == "date " else None
    if match is None or match.end() == len(line) or not line[match.end()].isspace():
        return None
    return line[: match.end()], line[match.end() :].strip()


def find_header(line: str) -> re.Match[str] | None:
    """A header of a known series standing inside a longer line, as newline-less copies have it
    (also a news digest's ``Special Dispatch|3238|September 15, 2010``, without a number word)."""
    # every header holds "No." and a number: that cheap search spares prose its long alternation
    if not _has_number_word(line) or not _NUMBER_SIGN.search(line):
        return _BARE_PIPE_HEADER.search(line) if "|" in line else None
    return re.search(_HEADER_IN_LINE, line)


def headers_in(line: str) -> list[Header]:
    """The headers of known series that stand in the line, whole or inside it (a digest's items)."""
    if not _has_number_word(line) or not _NUMBER_SIGN.search(line):
        return []
    found = (match_header(match[0]) for match in re.finditer(_HEADER_IN_LINE, line))
    return [header for header in found if header is not None and header.numbers]


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
    title: str = ""  # where the header line is the title too ("Title - Special Report")
    project: str = ""  # the institute's project named where topics stand ("No. 3228—Urdu-Pashtu Media Project")


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text))


_KNOWN_FOLDED = {name.casefold(): name for name in _KNOWN_NAMES}
# the words of the known names: a line holding none of them names no known series (a cheap test)
_SERIES_WORDS = frozenset(word.casefold() for name in _KNOWN_NAMES for word in name.split()) - {
    "and",
    "&",
    "of",
    "y",
    "e",
}
# how a known name starts, in the cases a line may print it
_SERIES_STARTS = tuple({form[:3] for name in _KNOWN_NAMES for form in (name, name.upper(), name.lower())})


def _names_known_series(line: str) -> bool:
    return not _SERIES_WORDS.isdisjoint(line.casefold().split())


def _series(text: str | None) -> str | None:
    """The series as the model names it: ``Special Dispatch Series`` is ``Special Dispatch``, and
    a misspelt known name (``Speical Dispatch``) is the name it misspells."""
    if not text:
        return None
    name = " ".join(text.split())
    if name not in _KNOWN_NAMES and name.casefold() not in _KNOWN_FOLDED:
        close = difflib.get_close_matches(name, _KNOWN_NAMES, n=1, cutoff=layouts.SERIES_LIKENESS)
        name = close[0] if close else name
    return layouts.SERIES_ALIASES.get(_KNOWN_FOLDED.get(name.casefold(), name), name)


# a repost's credit before the header it quotes, and the ellipsis after it: "From MEMRI Special Dispatch ... ..."
# (or by the institute's full name: "from The Middle East Media Research Institute: Inquiry & Analysis ...")
_HEADER_CREDIT = re.compile(
    r"(?:(?:From|Via)\s+(?:the\s+)?MEMRI(?:'s|’s)?|[Ff]rom\s+[Tt]he\s+Middle East Media Research Institute:?)"
    r"\s+(?=[A-Z])"
)
_CREDIT_WORDS = ("From ", "Via ", "from ")
# a clip's number after a hash, as blogs cite the institute's clips: "MEMRI Clip #1103", "MEMRI TV Clip #52"
_INSTITUTE_BEFORE = re.compile(r"MEMRI\s?[-–—:|]\s?")  # the institute's name before its header, a mark between
_CLIP_HASH = re.compile(r"MEMRI(?: ?TV)?,? (?:Video )?Clip #(?P<number>\d{1,6})\.?")
_DATE_RANGE = re.compile(rf"({DATE}) to {DATE}")  # what a clip page's dates span
_DAY_RANGE = re.compile(r"([A-Z][a-z]{2,8}\.? \d{1,2})([-–]\d{1,2}), \d{4} ")  # a clip aired over several days


# a text asks for the same few lines again (its header, title and date lines): a small cache spares
# the patterns, too small to keep lines from one text to the next
@functools.lru_cache(maxsize=64)
def match_header(line: str) -> Header | None:
    """A header line: ``March 14, 2023 Special Dispatch No. 10523`` and its variants, perhaps
    credited (``From MEMRI Special Dispatch Series - No. 1266, August 25, 2006 ...``)."""
    if line.startswith(_CREDIT_WORDS) and (credit := _HEADER_CREDIT.match(line)):
        line = line[credit.end() :].removesuffix("...").removesuffix("…").rstrip()
    elif line.startswith("MEMRI ") and _DATE_FIRST.match(line, 6):  # the site's name before it: "MEMRI May 5, 2015 ..."
        line = line[6:]
    elif line.startswith("MEMRI, ") and _DATE_FIRST.match(line, 7):  # "MEMRI, 27 февраля 2019, Спец. выпуск №2716"
        line = line[7:]
    elif line.startswith("MEMRI") and (named := _INSTITUTE_BEFORE.match(line)):  # "MEMRI - Dépêche spéciale n° 1328"
        line = line[named.end() :]
    if line[:1].isupper() and (days := _DAY_RANGE.match(line)):  # "June 18-25, 2013 Clip No. 3889": its first day
        line = days[1] + line[days.end(2) :]
    if "Clip #" in line and (clip := _CLIP_HASH.fullmatch(line)):  # a blog's "MEMRI Clip #1103"
        return Header(series="MEMRI TV Clip", numbers=(int(clip["number"]),))
    if not _has_number_word(line):  # most lines end here, or at the next test
        if "|" in line and (match := _BARE_PIPE_HEADER.fullmatch(line)):
            return Header(
                series=_series(match["series"]), numbers=_numbers(match["nums"]), date=parse_date(match["date"])
            )
        if len(line) > 300 or (not _has_dash(line) and not _DIGIT.search(line)) or not _names_known_series(line):
            return None
        return _numberless(line) if len(line) <= _NUMBERLESS_LINE and _DIGIT.search(line) else _title_with_series(line)
    if "|" in line and (match := _PIPE_HEADER.fullmatch(line)):
        date = parse_date(match["date"])
        series = None if match["second"] else _series(match["series"])
        return Header(series=series, numbers=_numbers(match["nums"]), date=date)
    match = _HEADER.fullmatch(line) or (_HEADER_BETWEEN.fullmatch(line) if "/" in line else None)
    if (
        match
        and (match["lead"] or match["sep"] == ",")
        and not (match["series"] and _names_known_series(match["series"]))
    ):
        return None  # a date in figures or a comma leads a known series only: not a forum's "11/05/2018, Post No. 12"
    if not match or not (match["date"] or match["lead"] or match["series"]):
        return _numberless(line) if len(line) <= _NUMBERLESS_LINE else _title_with_series(line)
    between_number = line[match.end("series") : match.start("nums")] if match["series"] else ""
    if ("\u2013" in between_number or "\u2014" in between_number) and not _names_known_series(match["series"]):
        return None  # an en or em dash before the number follows a known series only: not "Harbour Resolution"
    between = match.groupdict().get("between")
    listed = match["topics"] or match["glued"] or (between if match["series"] else None)
    topics = tuple(t.strip() for t in listed.split("/")) if listed else ()
    # "Special Dispatch No. 11165 - A Title, March 1, 2023": a digest's link, not a header; an old
    # e-mail's list of topics may be long, but each of them is short ("— Egypt/Reform/U.S. and ...")
    longest = max((len(topic.split()) for topic in topics), default=0)
    if match["topics"] and (_ENDS_IN_DATE.search(match["topics"]) or longest > _LONGEST_TOPIC):
        return None
    if match["series"] and match["series"].casefold().startswith(layouts.PICTURE_WORDS):
        return None  # "Caricatura No. 7", "Photo No. 2": a picture's label in a list of them
    if match["series"] and " on " in match["series"] and _ABOUT_SERIES.fullmatch(match["series"]):
        return None  # "Follow-Up on the Islamist Websites Monitor No. 5": a title about a series' issue
    dated = match["date"] or match["after"]
    figures = match["figures"] or match["lead"]
    date = parse_date(dated) if dated else _header_figures(figures) if figures else None
    projects = [topic for topic in topics if topic.endswith(_PROJECT)]
    return Header(
        series=_series(match["series"]),
        numbers=_numbers(match["nums"]),
        date=date,
        topics=tuple(t for t in topics if t and t not in projects),
        project=", ".join(projects),
    )


_PROJECT = (" Project", " Monitor")  # "South Asia Studies Project": who at the institute wrote it, not a topic
# a known series named by a phrase about one of its issues: "Follow-Up on the Islamist Websites Monitor"
_ABOUT_SERIES = re.compile(rf".{{2,60}}? on (?:the )?(?i:{_KNOWN_SERIES})")


def _header_figures(text: str) -> datetime.date | None:
    """A header's date in figures after its number (``No. 2251 02/16/09``): month first, as the
    institute's English e-mails wrote it, unless only day first makes a date; a two-digit year is
    of this century before 70."""
    first, second, year = (int(part) for part in text.split("/"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    return _figures_date(first, second, year, month_first=True)


_NUMBERLESS_LINE = 120  # "Special Dispatch by The Middle East Media Research Institute (MEMRI), August 17, 2004."


def _numberless(line: str) -> Header | None:
    """``Special Report 18. Oktober 2002``, ``Clip No.``: a known series without its number (or
    with it after an old e-mail's area and date)."""
    match = _NUMBERLESS.fullmatch(line)
    if match is None:
        return _title_with_series(line)
    dated = match["date1"] or match["date2"] or match["date3"] or match["date4"]
    if not dated and not match["empty"]:
        return None  # a series name alone is a line of the body ("Special Dispatch Series")
    tags = [tag.strip() for tag in match["tag"].split("/")] if match["tag"] else []
    projects = [tag for tag in tags if tag.endswith(_PROJECT)]
    number = match["number"] or match["before"]  # "Special Dispatch - Palestinian Authority No. 82 March 29, 2000"
    numbers = (int(number),) if number else ()
    return Header(
        series=_series(match["series"]),
        numbers=numbers,
        date=parse_date(dated) if dated else None,
        topics=tuple(tag for tag in tags if tag not in projects),
        project=", ".join(projects),
    )


def _title_with_series(line: str) -> Header | None:
    """``Escalation in the Positions of the President - Special Report``: a title line that ends in
    a dash and a known series (with or without its number)."""
    if len(line) > 300 or not _has_dash(line) or not line[-1].isalnum():
        return None
    dashes = list(_SUFFIX_DASH.finditer(line))
    if not dashes:
        return None
    last = dashes[-1]
    title, tail = line[: last.start()].strip(), line[last.end() :].strip()
    match = _SERIES_SUFFIX.fullmatch(tail)
    if match is None or len(title) < 10:
        return None
    numbers = _numbers(match["nums"]) if match["nums"] else ()
    return Header(series=_series(match["series"]), numbers=numbers, title=title)


_NUMBER_LINE = re.compile(rf"(?:(?:{_NO})\s*|#\s*)?(?P<nums>{_NUMBER_LIST})")
_EMPTY_NUMBER = re.compile(rf"\s*(?:{_NO}|#)\s*:?$")
_NUMBER_WORD_ENDINGS = (*layouts.NUMBER_WORDS, "#")  # a TV page's card: "Clip #" over "6080"
# "Special Dispatch-North Africa", and an old e-mail's "Special Dispatch From Vellonia"
_SERIES_TOPICS_DASH = re.compile(r"\s[-–—]\s|(?<=[a-z])[-–—](?=[A-Z])|\sFrom\s(?=[A-Z])")


def match_series_line(line: str) -> tuple[str, tuple[str, ...]] | None:
    """A known series alone on its line, perhaps with an empty ``No.`` or its topics after a dash
    (``Special Dispatch - Iraq``, as old e-mails break their header over lines): the series and
    the topics."""
    if len(line) > 100 or not line.startswith(_SERIES_STARTS):
        return None
    topics: tuple[str, ...] = ()
    line, *after = _SERIES_TOPICS_DASH.split(line, maxsplit=1)
    if after:  # topics of an old e-mail's own kind ("Jihad & Terrorism Studies Project") are left out
        topics = match_bare_topics(after[0], slashed=False) or ()
    known = _KNOWN_FOLDED.get(line.casefold())
    if known is None and line.rstrip(" :").endswith(_NUMBER_WORD_ENDINGS):
        known = _KNOWN_FOLDED.get(_EMPTY_NUMBER.sub("", line).strip().casefold())
    return (_series(known) or known, topics) if known else None


def match_number_line(line: str) -> tuple[int, ...] | None:
    """``No. 1545``, ``#1545``, ``1545`` or ``Nos. 3173, 3174`` alone on a line."""
    match = _NUMBER_LINE.fullmatch(line) if len(line) <= 60 else None
    return _numbers(match["nums"]) if match else None


_TOPIC_WORD = re.compile(r"[A-Z][\w'’&.-]*|&|and|of|the|in|on|" + "|".join(layouts.MIRROR_SMALL_WORDS))


_CREDIT_LABELS = frozenset(("screenshot", "photo", "image", "picture", "source"))


def match_bare_topics(
    line: str, *, slashed: bool, categories: bool = False, long: bool = False
) -> tuple[str, ...] | None:
    """A topics line without a series: ``Lebanon/Syria``, ``Arabia/Iran/Inter-Arab Relations``;
    unless ``slashed``, also ``Somalia`` or ``Somalia, Africa`` (a country line under the date).
    Each topic is one to four capitalised words (in a slashed list, small words aside: ``Jihad and
    Terrorism Studies Project``); a label such as ``Introduction`` is no topic. A
    mirror's ``categories`` over its date, two or more, may be in sentence case (``Regards de la
    semaine, Vellonie``). A ``long`` slashed list, right under a header, may name a project of up
    to eight words, six capitalised (``Vellonia/Lantos Archives on Tides and Harbour Records``)."""
    if len(line) > 120 or (slashed and "/" not in line) or line.endswith((".", ":", ";", "!", "?")):
        return None
    parts = [part.strip() for part in re.split(r"\s*[/,]\s*", line)]
    if parts[0].casefold() in _CREDIT_LABELS or all(_INSTITUTE.fullmatch(part) for part in parts):
        return None  # "Screenshot / MEMRI": a picture's credit; "Memri / Memri": a repost's source line
    if not layouts.PHOTO_AGENCIES.isdisjoint(parts):
        return None  # "AP Photo/Orla Tamsin", "Orla Tamsin/Reuters": a news photo's credit
    if is_section_crumb(line):
        return None
    listed = categories and len(parts) > 1
    for part in parts:
        words = part.split()
        capitalised = sum(1 for word in words if word[0].isupper())
        named = "/" in line and words and words[0].lower() not in layouts.ARTICLES  # not "The Fall of the Board / ..."
        longest, most = (8, 6) if long and named else (6, 4) if named else (4, 4)
        if (
            not 1 <= capitalised <= most
            or len(words) > longest
            or part.casefold() in layouts.NOT_TITLES
            or not words[0][0].isupper()
        ):
            return None
        if not all(_TOPIC_WORD.fullmatch(word) or (listed and word.isalpha() and word.islower()) for word in words):
            return None
    return tuple(parts)


def is_section_crumb(line: str) -> bool:
    """A news site's section over its headline, ``US/World News``: the site's, not a topic."""
    last_word = line.rpartition(" ")[2].rpartition("/")[2]
    return "/" in line and len(line) <= 60 and last_word.casefold() in layouts.SECTION_WORDS


def match_topics_line(line: str, *, numberless: bool = False) -> Header | None:
    """A meta topics line: ``Russia, Ukraine | Special Dispatch No. 9200``, or a bundle's of no one
    series with its numbers (``Vellonia, Coast | No. 526, 2410``); if ``numberless``, also a known
    series without its number (``Vellonia | Special Report``), as under a header that gave none."""
    if "|" not in line:
        return None
    match = _TOPICS_LINE.fullmatch(line) or (_NUMBERLESS_TOPICS_LINE.fullmatch(line) if numberless else None)
    if not match:
        return None
    topics = tuple(t.strip() for t in match["topics"].split(",") if t.strip())
    numbers = _numbers(match["nums"]) if match.groupdict().get("nums") else ()
    if not match["series"] and len(numbers) < 2:
        return None  # "Harbour Review | No. 112": a magazine's issue; a bundle's line names several
    return Header(series=_series(match["series"]), numbers=numbers, topics=topics)


@frozen(kw_only=True)
class DateLine:
    """A meta date line, with the authors, whether ``*`` points to an author-bio note, and the
    topics a news site puts after its byline."""

    date: datetime.date | None
    authors: tuple[str, ...] = ()
    author_note: bool = False
    topics: tuple[str, ...] = ()  # a news site's, after the byline: "By Harbour Staff | Topics: coast press"


# a news digest's lead, credited to its outlet and signed: "[MEMRI] O. Tamsin - The harbour's ...",
# "(Harbour Journal) Orla Tamsin - ..." (persons only)
_PERSON = r"(?:(?:[A-Z]\.\s?){1,2}[A-Z][a-z'’-]+|[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2})"
_SIGNED_LEAD = re.compile(
    rf"[\[(]\s?(?:MEMRI|Memri|[A-Z][^()\[\]]{{1,80}}?)\s?[\])]\s+(?P<authors>{_PERSON}(?:(?:,| and) {_PERSON})*)"
    r"\s+[-–—]\s+[A-Z\"“]"
)


def match_signed_lead(line: str) -> tuple[str, ...]:
    """The authors of a news digest's lead credited to the institute or an outlet and signed
    (``[MEMRI] O. Tamsin - The ...``, ``(Harbour Journal) Orla Tamsin - The ...``); empty for
    other lines."""
    match = _SIGNED_LEAD.match(line)
    return split_authors(match["authors"])[0] if match else ()


_OUTLET_AFTER_SLASH = re.compile(r"(?<=[^\W\d_]{2})/[A-Z][\w.-]{1,40}$")  # one word glued after the name


def split_authors(text: str) -> tuple[tuple[str, ...], bool]:
    """``A. One, B. Two, and C. Three*`` -> the names and whether ``*`` follows them."""
    # a dash before a site's name the copy lost ("Par O. Tamsin" and an en dash) is not the name's
    text = layouts.BYLINE_SITE_SUFFIX.sub("", text.strip()).rstrip(" \u2013\u2014-")
    text = _OUTLET_AFTER_SLASH.sub("", text) if "/" in text else text  # "Orla Tamsin/HarbourPost": her outlet
    starred = text.endswith("*")
    names = _AUTHOR_SPLIT.split(text.rstrip("*").strip())
    names = [name.strip() for name in names]  # as written, a title before the name too ("Dr. N. Example")
    for index in range(len(names) - 1, 0, -1):
        if _DEGREE.fullmatch(names[index]):  # "O. Tamsin, Ph.D.": the degree is the name's, as written
            names[index - 1 : index + 1] = [f"{names[index - 1]}, {names[index]}"]
    names = [name if "@" in name else _GLUED_INITIAL.sub(r"\1 ", name) for name in names]  # not an address
    # after the first name, its outlet in capitals or its office, no names: "A. One, THE HARBOUR
    # TIMES", "A. One, Chief Correspondent"
    names[1:] = [
        name
        for name in names[1:]
        if not (name.isupper() and _PAPER.search(name)) and not _OFFICE.search(name) and not _SITE.fullmatch(name)
    ]  # nor its site's address: "by Orla Tamsin, harbourpost.com, Jan. 24, 2015"
    return tuple(name for name in names if name), starred


_SITE = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|edu|[a-z]{2})")
_PAPER = re.compile(r"\b(?:THE|TIMES|POST|NEWS|DAILY|HERALD|JOURNAL|PRESS|TRIBUNE|GAZETTE|TELEGRAPH|WEEKLY|REVIEW)\b")
# a reporter's post, as a byline or a reporter's line names it after the name
_REPORTERS_POSTS = ("Editor", "Reporter", "Correspondent", "Writer", "Contributor", "Columnist")
_OFFICE = re.compile(rf"\b(?:{'|'.join(_REPORTERS_POSTS)}|Producer)s?$", re.IGNORECASE)


_DEGREE = re.compile(r"Ph\.?\s?D\.?|M\.?D\.|Jr\.?|Sr\.?|Esq\.?|MBA|LL\.?M\.?")  # after a name and a comma

# who the author is, where no byline names them: "*Orlo Tamsin is Director of MEMRI.", "Orla Quist es
# Presidente de MEMRI." (an office between them: "Harbour This Week is a weekly review by MEMRI" is none)
_AUTHOR_BIO = re.compile(
    r"\*?\s?(?P<name>(?:[A-Z][\w'’-]*\.? ){1,3}[A-Z][\w'’-]+) (?:is|es|est|ist|è|jest) (?P<office>[^.]{3,120}?)"
    r"\b(?:MEMRI|Middle East Media Research Institute)\b"
)
_BIO_OFFICES = ("president", "direct", "dirett", "found", "fondat", "fellow", "analyst", "research", "editor", "chair")


def author_of_bio(text: str, *, note: bool) -> str | None:
    """The name an author's ``note`` or a bio line opens with, if it gives their office at the
    institute: a person's name (not ``The Harbour Project``); a bio line says no more than that."""
    match = _AUTHOR_BIO.match(text) if len(text) <= (400 if note else 160) else None
    if match is None or not any(word.startswith(_BIO_OFFICES) for word in match["office"].casefold().split()):
        return None
    name = match["name"]
    return None if name.startswith("The ") or _NOT_A_PERSON.search(name) else name


_NOT_A_PERSON = re.compile(r"\b(?:Project|Monitor|Institute|Center|Centre|Review|Report|Series|Watch|Week)\b")


_GLUED_INITIAL = re.compile(r"\b([A-Z]\.)(?=[A-Z][a-z])")  # "O.Tamsin" is "O. Tamsin"


def match_date_line(line: str) -> DateLine | None:
    """``March 14, 2023``, ``March 17, 2011 | By A. One, B. Two*`` or ``By A. One``; a French
    page's ``Le 18 mars 2002 .``."""
    line = without_hebrew_date(line)
    if line[:2] in ("By", "by") and ("/" in line or "|" in line or "omment" in line):
        line = _byline_row(line)  # "By Orla Tamsin / January 24, 2015 / No Comments"
    if line.startswith(("Le ", "le ")) and line[3:4].isdigit():
        line = line[3:].removesuffix(" .")
    elif line.startswith("avatar by "):  # the author's picture, its alt text before the byline
        line = line[7:]
    elif ", by " in line[:_CREDITED_OUTLET] and (credit := _OUTLET_BEFORE_BYLINE.match(line)) is not None:
        byline = match_date_line(line[credit.end() :])
        if byline is None or _INSTITUTE.fullmatch(credit["outlet"]):
            return byline
        return evolve(byline, date=None)  # "Harbour Beacon, by O. Tamsin, Date:": the outlet's date
    elif "|" in line and (site := _SITE_DATE.fullmatch(line)) is not None:
        return DateLine(date=parse_date(site["date"]))  # "Harbour-Magazine.com | Thursday, July 21, 2005"
    elif " to " in line and (days := _DATE_RANGE.fullmatch(line)) is not None:
        return DateLine(date=parse_date(days[1]))  # "January 28, 2015 to January 31, 2015": its first day
    match = _DATE_LINE.fullmatch(line)
    if match:
        date = parse_date(match["date"])
        if date is None:
            return None
    elif "|" in line and ":" in line and (stamped := _NAME_AND_TIME.fullmatch(line)) is not None:
        return DateLine(date=None, authors=(stamped["name"],))  # "Orla Tamsin , | updated: 5:17 AM": a news byline
    elif line[-1:].isalnum() and line.count(".") >= 2 and (credit := _NEWS_CREDIT.fullmatch(line)) is not None:
        date = match_numeric_date(credit["date"])
        return DateLine(date=date, authors=(credit["name"],)) if date else None  # "Orla Tamsin, 22.10.2018, Coast 7"
    else:
        match = _BY_LINE.fullmatch(line) or (_STAFF_SITE_LINE.fullmatch(line) if "/" in line else None)
        if not match or ("|" in line and match_topics_line(line) is not None):
            return None  # "Von Harbour | Special Dispatch No. 1": a topic that is a byline's word in German
        site = layouts.BYLINE_SITE_SUFFIX.search(match["authors"])  # ".../MEMRI/December 12/2016"
        date = (
            parse_date(_SHORT_YEAR.sub(_full_year, site["date"].replace("/", ", ", 1)))
            if site and site["date"]
            else None
        )
    names = match["authors"]
    topics: tuple[str, ...] = ()
    if names and "|" in names and (labelled := _TOPICS_AFTER.search(names)) is not None:
        names, topics = names[: labelled.start()], tuple(t.strip() for t in labelled["topics"].split(",") if t.strip())
    if names and date is None and (dated := _DATE_AFTER_NAMES.search(names)) is not None:
        names, date = names[: dated.start()], parse_date(dated["date"])
    if names and date is None and (figures := _FIGURES_AFTER_NAMES.search(names)) is not None:
        names, date = names[: figures.start()], match_numeric_date(figures["date"])  # "By O. Tamsin, 22.10.2018"
    if not names:
        return DateLine(date=date, topics=topics)
    authors, starred = split_authors(names)
    named = tuple(
        _INSTITUTE_OF.sub("", _STAFF_AFTER.sub("", name))
        for name in authors
        if _INSTITUTE.fullmatch(name) is None and not _NEWSROOM.fullmatch(name)
    )
    if authors and not named:
        # "by MEMRI", "By The MEMRI Staff", "By Staff Writers": the institute or a newsroom no one names, no author
        return DateLine(date=date, topics=topics)
    authors = named  # "By MEMRI's Orla Tamsin and MEMRI Staff": the person
    if date is None and not _look_like_names(authors):
        return None  # "By the time the talks began, ..." is a sentence, not a byline
    return DateLine(date=date, authors=authors, author_note=starred, topics=topics)


# a blog theme's row under the headline: its author (sometimes left out), the date and the count
# of comments, slashes or bars between them ("By Orla Tamsin / January 24, 2015 / 3 Comments")
_ROW_COMMENTS = re.compile(r"\s*[/|]\s*(?:No|\d+|Leave an?|Add an?)\s+[Cc]omments?\s*$")
_ROW_DATE = re.compile(rf"\s*[/|]\s*(?:{_WEEKDAY})?(?={ANY_DATE}$)")
_EMPTY_BYLINE = re.compile(r"[Bb]y:?\s*\|\s*")


def _byline_row(line: str) -> str:
    """A blog theme's byline row as a byline (``By Orla Tamsin | January 24, 2015``), or as the
    date alone where the author was left out (``By / January 24, 2015 / No Comments``)."""
    line = _ROW_DATE.sub(" | ", _ROW_COMMENTS.sub("", line), count=1)
    empty = _EMPTY_BYLINE.match(line)
    return line[empty.end() :] if empty is not None else line


# a news site's topics after the byline, bars between them: "By Harbour Staff | | Topics: coast press"
_TOPICS_AFTER = re.compile(r"(?:\s*\|)+\s*(?:Topics|Tags)\s*:\s*(?P<topics>[^|]{1,120})$")


# a newsroom credited, not a person, without its outlet's name: "Staff Writers", "The Editors"; a news
# site's staff (the outlet named, "Harbour Daily Staff") is the author the site gives
_NEWSROOM_WORDS = r"(?:Senior )?(?:Staff(?: Writers?| Reporters?)?|Editors|Newsroom|News Desk|Wire Services)"
# and in the mirrors' languages, "Di Redazione", "Par La Rédaction", "Por Redacción"
_NEWSROOMS = r"Redazione|Redacci[oó]n|R[ée]daction|Redaktion|Redakcja|Reda[cç][aã]o|Redactie"
_NEWSROOM = re.compile(rf"(?:the |la |die )?(?:{_NEWSROOM_WORDS}|{_NEWSROOMS})", re.IGNORECASE)
# an outlet's staff alone on its line under the headline, the byline's word left out: "Harbour Daily Staff ,"
_OUTLET_STAFF = re.compile(r"(?P<name>[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3} Staff)\s*,?")


# a news site's reporter alone on a line, the byline's word left out: the name and the comma its
# date left ("Orla Tamsin ,"), or the name and the reporter's post ("Orla Tamsin Executive Editor")
_REPORTER = re.compile(
    r"(?!The )(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}?)"
    r"(?: ,| (?:Senior |Executive |Managing |Contributing |Associate |Deputy )?"
    rf"(?:{'|'.join(_REPORTERS_POSTS)}))"
)


def match_staff_byline(line: str) -> str | None:
    """Who a line alone credits as the copy's writer: an outlet's staff (``Harbour Daily Staff ,``),
    not the institute's, or a reporter (see ``_REPORTER``)."""
    if not line.endswith(("Staff", ",", *_REPORTERS_POSTS)):
        return None
    match = _OUTLET_STAFF.fullmatch(line) or _REPORTER.fullmatch(line)
    return match["name"] if match is not None and _INSTITUTE.fullmatch(match["name"]) is None else None


_STAFF_AFTER = re.compile(rf"\s+[-–—|]\s+.*{_NEWSROOM_WORDS}$|\s+[-–—|]\s+{_NEWSROOM_WORDS}.*$", re.IGNORECASE)
_INSTITUTE = re.compile(
    r"(?:the )?(?:MEMRI|Middle East Media Research Institute)(?: TV)?(?: (?:Staff|Monitor Project))?",
    re.IGNORECASE,
)
_INSTITUTE_OF = re.compile(r"^MEMRI(?:'s|’s) ")


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


# a repost's line crediting the title it repeats: "..., MEMRI, A. One and B. Two*, December 11, 2015"
_INSTITUTE_CREDIT = re.compile(
    r"[\s,–—-]*(?:MEMRI|Middle East Media Research Institute)\s*,\s*"
    rf"(?:(?P<authors>[^\d,][^,]*),\s*)?(?P<date>{ANY_DATE})\.?"
)


def match_institute_credit(text: str) -> DateLine | None:
    """The institute, perhaps the authors, and the date after a title a repost repeats (``,
    MEMRI, A. One and B. Two*, December 11, 2015``, `` MEMRI, October 2, 2016``)."""
    match = _INSTITUTE_CREDIT.fullmatch(text) if len(text) <= _CREDIT_REACH else None
    if match is None or (date := parse_date(match["date"])) is None:
        return None
    authors, starred = split_authors(match["authors"]) if match["authors"] else ((), False)
    return DateLine(date=date, authors=authors, author_note=starred)


_CREDIT_REACH = 200


def match_bracketed_date(line: str) -> datetime.date | None:
    """A date alone in brackets, ``(April 2, 2009)``: a site's date line under the title, or a
    date the body gives (the reader asks only at the top)."""
    return parse_date(line[1:-1]) if line[:1] == "(" and line[-1:] == ")" and len(line) <= 40 else None


def match_starred_byline(line: str) -> DateLine | None:
    """A byline without its word, the author note's star after it (``Orla Tamsin*``, ``O. Tamsin
    and R. Sample*``): each name two or three capitalised words, none of title case's small words.
    Headings and titles look so too (``Key Findings*``): the reader asks only of a headerless
    copy's first line."""
    if not line.endswith("*") or len(line) > 80 or match_date_line(line) is not None:
        return None  # "Par O. Tamsin*" is a byline with its word
    authors, _ = split_authors(line)
    for name in authors:
        words = name.split()
        if not all(_NAME_WORD.fullmatch(word) for word in words):
            return None  # "Autor: C. Jacob*" is a byline of the other shape
        capitalised = all(word[0].isupper() and word.lower() not in layouts.SMALL_WORDS for word in words)
        if not 2 <= len(words) <= 3 or not capitalised:
            return None
    return DateLine(date=None, authors=authors, author_note=True) if authors and _look_like_names(authors) else None


def _look_like_names(authors: tuple[str, ...]) -> bool:
    """Capitalised, short, and not a sentence's end (a final '.' only after an initial, ``Jr.``, or a degree);
    or a poster's handle (``orlo_t``, ``mira77``)."""
    return bool(authors) and all(
        len(name) <= 60
        and (not name[0].islower() or _HANDLE.fullmatch(name) is not None)  # capitalised, or without capitals
        and not name.endswith((":", ";", "?", "!"))
        and (not name.endswith(".") or len(name.split()[-1]) <= 3 or _DEGREE.fullmatch(name.split()[-1]) is not None)
        for name in authors
    )


_HANDLE = re.compile(r"[^\W\d_][\w.-]*[_\d][\w.-]*")  # a poster's name on a site: one word holding "_" or a digit


@frozen(kw_only=True)
class TitleByline:
    """A title that carries its byline: ``..., By A. Author - November 17, 2005``, ``... By: A. Author``."""

    title: str
    line: DateLine


def match_title_byline(line: str) -> TitleByline | None:
    """Split a byline off a title, if the title carries one."""
    match = _TITLE_BYLINE.fullmatch(line) if "By" in line else None
    if not match:
        run_on = _TITLE_BY_COLON.fullmatch(line) if "y:" in line else None
        if run_on is None:
            return None
        named = (run_on["author"],) if run_on["author"] else split_authors(run_on["authors"])[0]
        return TitleByline(title=run_on["title"], line=DateLine(date=None, authors=named))
    authors, starred = split_authors(match["authors"])
    line_ = DateLine(date=parse_date(match["date"]), authors=authors, author_note=starred)
    return TitleByline(title=match["title"].strip(), line=line_)


_NUMERIC_DATE = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")


def match_numeric_date(line: str) -> datetime.date | None:
    """``1/8/2006`` or ``1.8.2006`` alone on a line: day first, as the mirrors write it, unless
    only month first makes a date (``12/31/2006``)."""
    line = without_hebrew_date(line)
    match = _NUMERIC_DATE.fullmatch(line) if len(line) <= 10 else None
    if match is None:
        return None
    return _figures_date(int(match[1]), int(match[3]), int(match[4]), month_first=False)


def _figures_date(first: int, second: int, year: int, *, month_first: bool) -> datetime.date | None:
    """The date of figures written in the order given, or the other way round where only that makes
    a date."""
    orders = ((first, second), (second, first)) if month_first else ((second, first), (first, second))
    for month, day in orders:
        with contextlib.suppress(ValueError):
            return datetime.date(year, month, day)
    return None


def without_hebrew_date(line: str) -> str:
    """The line without the Hebrew calendar's date an Israeli site prints after the day's
    (``7/2/2014, Tammuz 4, 5774``, ``July 2, 2014 / 4 Tammuz 5774``)."""
    if line[-4:-2] not in ("57", "58"):  # the Hebrew years of the web's pages: most lines end otherwise
        return line
    match = _HEBREW_DATE.search(line)
    return line[: match.start()] if match else line


_HEBREW_MONTHS = (
    "Tishrei|Tishri|Cheshvan|Heshvan|Kislev|Tevet|Shevat|Adar(?: I{1,2})?|Nisan|Iyar|Sivan|Tammuz|Tamuz|Av|Elul"
)
_HEBREW_DATE = re.compile(rf"(?:,| /| \|) (?:\d{{1,2}} )?(?:{_HEBREW_MONTHS})(?: \d{{1,2}})?,? 5[78]\d\d")


def is_date_only(line: str) -> bool:
    """A line that is a date and nothing else (the first line of a TV clip)."""
    return _DATE_ONLY.fullmatch(line) is not None and parse_date(line) is not None


_DATE_ONLY = re.compile(DATE)  # compiled once: the re module's cache may drop a pattern this long


def lone_date(line: str) -> datetime.date | None:
    """The date of a line that is a date and nothing else, or the days a clip page's dates span
    (``January 28, 2015 to January 31, 2015``: its first)."""
    if is_date_only(line):
        return parse_date(line)
    days = _DATE_RANGE.fullmatch(line) if " to " in line else None
    return parse_date(days[1]) if days is not None else None


def is_sub_series(header: Header) -> bool:
    """A header of a series printed inside another dispatch (``Islamist Websites Monitor No. 92``)."""
    return bool(header.numbers) and header.date is None and not header.topics and header.series in layouts.SUB_SERIES


@frozen(kw_only=True)
class ClipLine:
    """A TV clip's ``#1632 | 02:41`` line."""

    number: int
    duration_seconds: int | None
    channels: tuple[str, ...] = ()  # from a source line run onto it


def match_clip_line(line: str) -> ClipLine | None:
    """``#1632 | 02:41``: the clip number and its duration, and the channels of a source line
    run onto it."""
    match = _CLIP_LINE.fullmatch(line)
    if not match:
        return None
    seconds = _seconds(match["duration"]) if match["duration"] else None
    channels = (match_clip_source(match["source"]) or ()) if match["source"] else ()
    return ClipLine(number=int(match["num"]), duration_seconds=seconds, channels=channels)


def _seconds(duration: str) -> int:
    """``02:41``, ``1:02:41`` or ``51`` in seconds."""
    seconds = 0
    for part in duration.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def _channels(text: str) -> tuple[str, ...]:
    """``Channel 1 (Iran)Channel 2 (Iran)``: the channels, split where they were glued; a quote
    closing after the bracket (``Online Platforms - "Site (YouTube)"``) stays with its channel."""
    return tuple(channel.strip() for channel in re.split(r"(?<=\))\s*(?=\w)", text.strip()) if channel.strip())


# a TV page's card ends in its channel, date and duration: "Example Coast TV (Vellonia) / June 10, 2017 - 01:46"
_CARD_SOURCE = re.compile(
    rf"(?P<channels>[^/]{{2,120}}\))\s*/\s*(?P<date>{DATE})\s*[-–—]\s*(?P<duration>\d{{1,2}}(?::\d{{2}}){{1,2}})"
)


def match_card_source(line: str) -> tuple[tuple[str, ...], datetime.date | None, int] | None:
    """A clip card's last line: its channels, date and duration in seconds."""
    match = _CARD_SOURCE.fullmatch(line) if len(line) <= 200 and line.endswith(_DIGITS) else None
    if match is None:
        return None
    return _channels(match["channels"]), parse_date(match["date"]), _seconds(match["duration"])


_DIGITS = tuple("0123456789")


def match_clip_source(line: str) -> tuple[str, ...] | None:
    """``Source: Channel 1 (Iran)Channel 2 (Iran)``: the channels, split where they were glued."""
    match = _CLIP_SOURCE.fullmatch(line)
    if not match:
        return None
    return _channels(match["channels"])
