"""Reading the body: grouping lines into units (paragraph candidates) and typing each unit.

A *unit* is the text of one block with the line and column each part of it came from, so that a
diagnostic about a note reference deep inside a hard-wrapped paragraph still names its line.
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
from collections.abc import Callable
from typing import NamedTuple

import attrs

from .. import model as m
from . import header as h
from . import layouts
from .spans import read_spans

# also the closing guillemets of the mirrors, the full stops of Chinese and Japanese, and Arabic's question mark
_TERMINAL = tuple('.!?:;"”’)]…»›。？！」』؟')
_LONG_HEADING = 220  # past 120 characters, a heading has every word capitalised
_WRAP_SLACK = 15  # how far past the others a hard-wrapped paragraph's last line may run (one long word)
_REF = re.compile(r"\[(\d{1,4})\]")
_REF_OR_PAREN = re.compile(r"\[(\d{1,4})\]|\((\d{1,4})\)")
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u20d0-\u20ff"
_WORD = re.compile(rf"[^\W\d_][\w{_MARKS}'’-]*")
_NUMBERED = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[IVX]{1,4}\.|[A-Z]\.)\s+\S")
_POINTER = re.compile(
    r"(?:Click here to view|To view this (?:clip|video)|To watch (?:this|the) (?:clip|video)"
    # "To view more clips of Orlo Tamsin, visit": where to go, never a sentence ("To view these videos as ...")
    r"|To view (?:these|the|more|all)\b.{0,40}?\b(?:clips?|videos?)\b(?=.*\b(?:visit|click|go to)\b)"
    r"|Below is an image from|Below are images from|View this clip|Watch (?:the|this) (?:clip|video)"
    r"|Link to the (?:clip|video)"
    r"|Voir (?:les |la )?(?:extraits?[- ])?vid[ée]os?"
    r"|Pour voir (?:la |les |cette )?(?:extraits? )?vid[ée]os?\b.*\bcliquez)\b.*",  # "Pour voir ..., cliquez ici"
    re.IGNORECASE,
)
_POINTER_INITIALS = frozenset("CcTtBbVvWwPpLl")  # the letters _POINTER's phrases start with


def is_pointer(text: str) -> bool:
    """A line that points to a clip or image elsewhere (``To view this clip on MEMRI TV, ...``); not
    a paragraph it opens, a page's lines run into one."""
    return text[:1] in _POINTER_INITIALS and len(text) <= _POINTER_LINE and _POINTER.fullmatch(text) is not None


_POINTER_LINE = 400  # characters a pointer holds at most, its link's address with it


STRAIGHT = str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")  # curled quotes, to compare lines straightened


_ALT_TEXT = "Description automatically generated"
# Word's generated alt text may say how sure it was: "...Description automatically generated with medium confidence"
_ALT_CONFIDENCE = re.compile(r"\s+with (?:very )?(?:low|medium|high) confidence$")
_EDITOR_NOTE = re.compile(r"(?P<label>Note|Editor'?s'? [Nn]ote|Translator'?s'? [Nn]ote):\s+(?P<rest>\S.*)")
# a stage direction in brackets, its words more than figures and spaces ("(12)" is a number); one
# pattern for both made a bracket opening a long line without its close take time squared to refuse
_STAGE = re.compile(r"\((?P<text>[^()]*)\)")
_FIGURES_AND_SPACE = string.digits + string.whitespace
_STAGE_WORD = max(len(word) for word in layouts.STAGE_WORDS)
# a name, perhaps with a stage direction ("Orlo (to the crowd)"), then a colon, sometimes spaced,
# sometimes touching the words ("Crowd:Long live the tide ...")
_SPEAKER = re.compile(
    # (a character's name in quotes, as a drama's transcript gives it: '“Orlo Tamsin”: ...'; "::" and ":.." slips)
    r"(?P<name>“[^\W\d_][^:\"“”]{0,60}”|\"[^\W\d_][^:\"“”]{0,60}\"|(?:['‘’]|\d{1,2}(?:st|nd|rd|th) )?"
    r"[^\W\d_][^:\"“”]{0,100}?)\s?::?(?:\.{1,2}(?=\s))?"
    r"(?:\s+|(?=[A-Z\"“«„(…‘']|\.\.\.))(?P<rest>\S.*)"
)
_SPEAKER_ALONE = re.compile(r"[^\W\d_][^:\"“”.!?]{0,60}:")  # "Child host Orla Tamsin:", the turn's words below
_DIRECTION = re.compile(r"\s*(?:\([^()]{1,80}\)|\[[^\[\]]{1,80}\])")  # "(to the crowd)", "[in English]"
_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th) ")
_NAME_PARTICLES = frozenset("al al- bin ibn bint abu de el van von der of the and бин ибн абу".split())
_BOUNDARY = re.compile(
    r"(?:\bfollows? below|\bexcerpts?\b|\btranslat\w*|\b(?:below|following) (?:are|is) (?:the )?"
    r"(?:full |complete )?(?:text|article|statement|report|transcript)"
    rf"|\b(?:{'|'.join(layouts.BOUNDARY_WORDS)})\b)",
    re.IGNORECASE,
)
_FULL_STOP = re.compile(r"\b([^\W\d_]+)\.[\"”’]? [(\"“„«]?([^\W\d_])")  # in any alphabet: "... zasięgu. (Żeby"


def two_sentences(line: str) -> bool:
    """Does the line hold a full stop between two sentences? Not a title's abbreviation (``Gen.``,
    ``Prof.``, ``U.S.``): the word before the stop is a lower-case word of three letters or more,
    the next sentence opens on a capital."""
    return any(
        len(word) >= 3 and word[1:].islower() and following.isupper() and word.lower() not in layouts.ABBREVIATIONS
        for word, following in _FULL_STOP.findall(line)
    )


_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"”’]? [A-Z]")  # "... ended. Then", not "U.S. Envoy"
# (not a German or Polish day's stop: "am 19. Juni 2005")
_SENTENCE_END = re.compile(r"[.!?](?<!\s\d\.)(?<!\s\d\d\.)[\"”’]?(?:\[\d{1,4}\])*\s+")
# "Outlet (Country), Date", the date in any language ("Al-Dustour (Jordania), 16 de julio, 2008"),
# or a site's address and the date ("Example.net, 30 août 2013")
_CREDIT_LINE = re.compile(rf"(?:[^,():]{{2,80}} \([^()]{{2,60}}\)|[\w-]+(?:\.[\w-]+)+),? (?:{h.ANY_DATE})\.?")
# a caption and its cartoon credit on one line, as single-newline copies merge them
_CAPTION_AND_CREDIT = re.compile(
    rf"(?P<caption>.{{3,200}}?[a-z.!?\"”])\s+(?P<credit>(?:[A-Z][\w'’.-]*\s){{0,3}}[A-Z][\w'’.-]*"
    rf" \([^()]{{2,60}}\),? {h.DATE}\.?)"
)
# a cartoon's caption with its credit in brackets, ending in a date: "Caption (Artist, Outlet, Date)"; the
# credit's name may be lost with its link: "Caption (, Date)"
_BRACKETED_DATED_CREDIT = rf"\((?P<credit>[^()]{{0,80}}(?:, |(?<=[a-z]) ){h.ANY_DATE})\)"  # the comma may be lost
_DATED_CREDIT = re.compile(rf"(?P<caption>[^()]{{3,200}}?[^\s.!?:,])\s+{_BRACKETED_DATED_CREDIT}")
# a caption's sentences, then its outlets and dates as a sentence of their own:
# "Caption. The Vellonian Times, December 14, 2016.", "Podpis. Outlet.test, 13 listopada 2016; Other.test, ..."
_OUTLET = r"(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,5}|[\w-]+(?:\.[\w-]+)+(?:/\w+)?)"
_OUTLET_CREDIT = re.compile(
    rf"(?P<caption>[^\W\d].{{2,300}}?[.!?])\s+(?P<credit>{_OUTLET}, {h.ANY_DATE}(?:; {_OUTLET}, {h.ANY_DATE})*)\.?"
)
# where a page's pictures come from, named after a dash at the caption's end
_IMAGE_LIBRARIES = ("Wikicommons", "Wikimedia Commons", "Wikipedia", "Flickr", "Getty Images", "Shutterstock")
_LIBRARY_CREDIT = re.compile(
    rf"(?P<caption>[^\W\d].{{2,200}}?) [-–—] (?P<credit>(?:\S+/)?(?:{'|'.join(_IMAGE_LIBRARIES)}))"
)
# a news site's caption with its picture's credit after a copyright sign: "Caption © Bild: Agency"
_COPYRIGHT_CREDIT = re.compile(
    r"(?P<caption>\S.{9,300}?)\s+©\s?(?:(?:Bild|Foto|Photo|Image|Imagen|Zdjęcie|Immagine)\s?:\s?)?"
    r"(?P<credit>[^\W\d][^\d©]{1,40})"
)
# a wire photograph's caption, its agency and photographer at its end, perhaps the agency's tags
# and picture number after them: "... in Harbour City August 26, 2014. REUTERS/Orla Tamsin
# (HARBOUR - Tags: POLITICS) - RTR43VGV", "... on Monday. (AP Photo/Orla Tamsin, File)"
_WIRE_MARKS = ("REUTERS/", "Reuters/", "AP Photo/", "AFP PHOTO/", "AFP Photo/")
_WIRE_PHOTO = re.compile(
    r"(?P<caption>[^\W\d].{19,1500}?)\s\(?(?P<credit>(?:REUTERS|Reuters|AP Photo|AFP PHOTO|AFP Photo)\s?/\s?"
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:,? File(?: Photo)?|/File(?: Photo)?)?)\)?"
    r"(?:\s\([^()]{1,200}\))?(?:\s[-–]\s[A-Z0-9]{6,14})?\.?"
)


def _wire_credit(text: str, match: re.Match[str]) -> str:
    """The wire photograph's credit with what the agency wrote after it, its tags and its
    picture's number kept (``REUTERS/Orla Tamsin (HARBOUR - Tags: POLITICS) - RTR43XYZ``); an AP
    credit's brackets go (``AP Photo/Orla Tamsin, File``)."""
    credit = text[match.start("credit") :].rstrip(". ")
    bracketed = text[match.start("credit") - 1] == "(" and credit.endswith(")")
    return credit[:-1] if bracketed else credit


# "Caption. Source: Outlet, Date." on one line, or a news site's "Caption. Photo: Outlet."
_CAPTION_CREDIT_WORDS = ("Source:", "Photo:", "Image:", "Photo credit:", "Credit:")
_SOURCE_CAPTION = re.compile(
    r"(?P<caption>.{3,250}?)[.:]?\s+(?:Source|Photo|Image|Photo credit|Credit):"
    r"\s*(?P<credit>[^()]{2,100}?(?:\([^()]{1,40}\)[^()]{0,50}?)?)\.?"
)  # the credit may name its outlet's country: "Source: Example Tide (Vellonia), June 11, 2017."
# a caption's credit under another name than "Source": "(image: example.test)", "(Photo: ...)"
_OTHER_CREDIT = re.compile(
    r"(?P<caption>.{3,250}?)\s*\((?:[Ii]mage|[Pp]hoto|[Pp]icture|[Cc]redit|[Pp]hoto [Cc]redit|[Ii]mage [Ss]ource"
    rf"|(?i:{'|'.join(layouts.PHOTO_WORDS)}))s?\s?:\s*(?P<credit>[^()]{{2,99}})\)"
    r"|(?P<taken>.{3,250}?)\s*\((?:[Pp]hoto|[Ii]mage|[Pp]icture) by\s+(?P<taker>[^()]{2,99})\)"  # "(Photo by IRNA)"
    # a still's, its label kept in the credit: "Caption (Screen shot: MEMRI)"
    r"|(?P<still>.{3,250}?)\s*\((?P<shot>[Ss]creen ?shot\s?:\s*[^()]{2,99})\)"
)
# a picture's credit on a line of its own, the picture itself lost: "Image: example.test, October 7, 2023"
_CREDIT_ALONE = re.compile(
    rf"(?:Image|Photo|Picture|Photo [Cc]redit|Image source|Photo [Ss]ource|{'|'.join(layouts.PHOTO_WORDS)})s?\s?:"
    r"\s*(?P<credit>[^\s:][^:]{1,148})"
    r"|Screenshot\s?[:/]\s*(?P<shot>[^\s:][^:]{1,148})"  # a screenshot's: "Screenshot / MEMRI"
)
_CREDIT_WORDS = ("Image", "Photo", "Picture", "Screenshot", *layouts.PHOTO_WORDS)
# a picture's credit alone in brackets, its outlet, country and date: "(Harbour Post, Vellonia, March 23, 2016)"
_BRACKETED_OUTLET = re.compile(
    rf"\((?P<credit>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,4}}"
    rf"(?:, [A-Z][\w ]{{2,30}}| \([A-Z][\w ]{{2,30}}\)), {h.ANY_DATE})\)"
)
_BROADCASTER = re.compile(r"\b(?:TV|Television|Channel|Radio)\b")
# a compilation's line saying where and when its next clip aired, a channel and a date alone:
# "Harbour TV (Vellonia), July 21, 2006", "Televisión de Vellonia, 21 de julio del 2006"
_AIRED = re.compile(
    r"[^,()]{0,40}\b(?:TV|Television|Televisión|Télévision|Telewizja|Fernsehen|Channel|Canal|Kanał|Radio)\b[^,()]{0,40}"
    r"(?: \([^()]{2,40}\))?,\s*(?P<date>[^()]{6,30})"
)
_AIRED_LINE = 100


def aired_line(text: str) -> bool:
    """Is the line a channel and the date a clip aired on it, nothing else? Not after a dash: a
    quotation's source (``Channel 1, February 17, 2006`` under the words it quotes)."""
    match = _AIRED.fullmatch(text) if text[0] not in "–—-" else None
    return match is not None and h.parse_date(match["date"].replace(" del ", " de ")) is not None


_BRACKETED_CREDIT = re.compile(r"\((?i:photo|image|picture)(?: (?i:credit))?:\s*(?P<credit>[^\s()][^()]{1,99})\)")


# a caption said to be one: labelled ("Illustration: the guild's banner"), or a screenshot's
# ("Screenshot from the harbour channel's programme"), in the mirrors' languages too
_CAPTION_WORDS = (
    "Illustration", "Caption", "Graph", "Chart", "Légende", "Leyenda", "Podpis", "Didascalia", "Bildunterschrift",
    "Screenshot", "Screen capture", "Screengrab", "Zrzut z ekranu", "Captura de pantalla", "Capture d",
    "Bildschirmfoto", "MAIN ", "TOP ", "PHOTO", "IMAGE", "PICTURE", "Scene from", "Still from", "A still from",
    "Un frame del", "Fotogramma", "Standbild", "Title screen",
    "In the photo", "In the picture", "Nella foto", "Nelle foto", "Sur la photo", "En la foto", "Auf dem Foto",
    "Na zdjęciu",
)  # fmt: skip
_LABELLED_CAPTION = re.compile(
    r"(?:Illustration|Caption|Graphs?|Charts?|Légende|Leyenda|Podpis|Didascalia|Bildunterschrift"
    # a news site's label in capitals: "MAIN PHOTO: The crowd on the square. (Harbour Post)"
    r"|(?:(?:MAIN|TOP) )?(?:PHOTO|IMAGE|PICTURE)"
    # where the picture stands said too: "In the photo above:", "Nelle foto a lato:"
    r"|(?:In the (?:photo|picture)s?|Nell[ae] foto|Sur la photo|En la foto|Auf dem Foto|Na zdjęciu)(?: \w+){0,3})"
    r"\s?:\s*(?P<caption>\S.{2,300}?)(?:\s\((?P<credit>[^()]{2,60})\))?"
    r"|(?P<shot>(?:Screenshots?|Screen capture|Screengrab|Zrzut z ekranu|Captura de pantalla|Capture d['’]écran"
    r"|Bildschirmfoto|Scene from|(?:A )?[Ss]till from|Un frame del|Fotogramma|Standbild)\b[^:].{2,150}"
    r"|Title screen: .{2,150})"  # a video's still: 'Title screen: "The Harbour At Dawn"
)


def _labelled_caption(text: str) -> m.Figure | None:
    """A caption said to be one: ``Illustration: ...``, or a screenshot's of one phrase
    (``Zrzut z ekranu z programu ...``; not a sentence about screenshots, ``Screenshots of the
    post were shared. ...``)."""
    match = _LABELLED_CAPTION.fullmatch(text)
    if match is None or (match["shot"] and (". " in text or text.endswith(":"))):
        return None
    return m.Figure(caption=(match["caption"] or match["shot"]).strip(), credit=match["credit"])


_SHORT_CAPTION = 100
# a photograph's caption opening on the day it was taken, one phrase without a stop
_DATED_CAPTION = re.compile(rf"{h.DATE}: [A-Z][^.!?:;]{{3,140}}")
_SHOT_ENDINGS = ("screen capture", "screenshot", "screengrab", "Screen capture", "Screenshot", "Screengrab")
# a still's caption with where it came from: "Harbour preacher Orlo Tamsin - via MEMRI TV"
_VIA_CAPTION = re.compile(r"(?P<caption>[A-Z][^.:!?]{2,80}?) [-–—] via (?P<credit>[A-Z][\w .-]{1,40})")


def _short_caption(text: str) -> m.Figure | None:
    """A still's short caption naming where it came from (``Orlo Tamsin - via MEMRI TV``) or
    saying it is a screen capture (``Coast TV screen capture``)."""
    if text.endswith(_SHOT_ENDINGS):
        return m.Figure(caption=text) if text[:1].isupper() and len(text.split()) <= 6 else None
    match = _VIA_CAPTION.fullmatch(text)
    return m.Figure(caption=match["caption"], credit=match["credit"]) if match else None


def is_credit_alone(line: str) -> bool:
    """A picture's credit on its own line: ``Photo Credit: Harbour Office``, ``Screenshot / MEMRI``,
    a news site's ``Harbour news photo: MEMRI``."""
    if " photo: " in line:
        return _OUTLET_PHOTO_CREDIT.fullmatch(line) is not None
    return line.startswith(_CREDIT_WORDS) and _CREDIT_ALONE.fullmatch(line) is not None


# a caption, then the site its picture came from in brackets: "The parade on the square. (Example.test)"
_SITE_CREDIT = re.compile(
    r"(?P<caption>[^\W\d].{2,200}?)\s+\((?P<credit>(?:www\.)?[A-Za-z][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6})\)"
)
# a caption that says where in the picture each thing is: "Clockwise from top left: ...", "Left to right: ..."
_PLACING_CAPTION = re.compile(  # perhaps after a sentence saying what the picture shows (no speaker's name)
    r"(?:[^.:]{3,250}\.\s+)?\(?(?:Clockwise from (?:the )?(?:top|bottom) (?:left|right)"
    r"|(?:From )?[Ll]eft to [Rr]ight|[Rr]ight to [Ll]eft|Pictured)\)?\s*:\s+[A-Z\d].*"  # then a name or a place
)
_PLACING = 500  # a caption placing several pictures runs longer than one phrase
# a cartoon told side by side, its credit at the end: "Right: The mayor says: '...' Left: ... (Outlet, Date)"
_SIDE = r"(?:Right|Left|Top|Bottom|Above|Below)(?: (?:image|picture|panel))?: "
_SIDES = re.compile(rf"{_SIDE}\S.*\b{_SIDE}")


def _placing_caption(text: str) -> bool:
    """``Clockwise from top left: Orla Tamsin, ...``: a caption, unless an artist's credit in
    brackets ends it (a cartoon's, read with the others of its report) or it asks a question."""
    return len(text) <= _PLACING and not text.endswith((")", "?")) and _PLACING_CAPTION.fullmatch(text) is not None


# a line that is only an image: its file name or address ("3301.jpg", "https://.../cartoon.png"), or a
# Markdown image ("![alt](cartoon.png) Caption")
_IMAGE_EXTENSIONS = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
}
_IMAGE_ADDRESS = re.compile(
    r"(?:https?://\S+?|(?:/?[\w.-]+/)*\w[\w.()'’,-]{0,60}(?: [\w.()'’,-]{1,60}){0,3})"
    r"\.(?P<extension>jpe?g|png|gif|webp)(?:\?\S*)?",
    re.IGNORECASE,
)
_IMAGE_ENDINGS = tuple(f".{extension}" for extension in _IMAGE_EXTENSIONS)
# ("icon" as a word of the name only: "memriconquest.jpg" is a picture)
_CHROME_IMAGE = re.compile(
    r"banner|logo|donate|e-?mail|newsletter|subscribe|(?<![a-z])icons?(?![a-z])|button|spacer|pixel", re.IGNORECASE
)
# a word of a file's name joined to the next by "_": a lost picture's name as a site titles it,
# without its extension (a slug joined by "-" alone is as often an icon's: "arrow-up")
_FILE_STEM = re.compile(r"[^\W_]+(?:-[^\W_]+)*(?:_[^\W_]+(?:-[^\W_]+)*)+")
_FILE_STEM_LINE = 120
_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]{0,300})\]\((?P<src>[^()\s]*)\)(?:\s+(?P<caption>.*))?")
_OPEN_QUOTES = '"“'
_HEADING_QUOTES = "\"“'‘«„‚"  # a quoted heading may open with the German and Polish low marks too
_HEADING_CLOSERS = "\"”'’»“‘„"  # German closes with its high marks; a Polish copy may close low
_PHRASE_ENDS = tuple('.,:;"”’)]…。」』')  # a quoted line ending so is a sentence or a phrase cut short
# a quotation mark inside a quoted line, where a quotation ends or starts: "'The tide,' he said, 'will come'";
# in a line in double quotes, single ones quote inside it ("Warns Of The Collapse Of The 'Beacon'")
_QUOTATIONS_IN = re.compile(r"[\"“”«»„]")
_SINGLE_QUOTATIONS_IN = re.compile(r"[\"“”«»„]|['‘’](?=\s)|(?<=\s)['‘’]")
_CREDIT_LOST = ("(Source:", "(image:", "(Image:", "(photo:", "(Photo:")
_SOURCE_LOST = ("Source: (", "Source:(")  # "Caption. Source: (": the credit's link lost inside its brackets
_SOURCE_LABELS = tuple(f" {word}:" for word in layouts.SOURCE_WORDS)  # "(Caption. Source:": the bracket's end lost too
# a picture's credit's opening bracket and label: "(Image:", "(photo credit:", "(Zdjęcie:" (a "(Source:" or
# "(Credit:" may close a sentence that cites its source)
_PICTURE_MARK = re.compile(
    rf"\((?:(?:Image|Photo|Picture)(?: source| credit)?|Screen ?shot|{'|'.join(layouts.PHOTO_WORDS)})s?\s?:",
    re.IGNORECASE,
)
# a news site's caption and its credit in its own words, run together: "Scene from Coast TV (archive)Harbour news
# photo: MEMRI"
_OUTLET_PHOTO_CREDIT = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,2} photo: [^:]{2,60}")
_OUTLET_PHOTO = re.compile(rf"(?P<caption>[^:]{{3,200}}?)\s?(?P<credit>{_OUTLET_PHOTO_CREDIT.pattern})")
# a news photo's caption ending in where the picture was captured: "... in October 2010 [image capture MEMRI video]"
_CAPTURE_CREDIT = re.compile(
    r"\s*\[(?P<credit>(?:image|screen|video)[ -]?(?:capture|grab|shot)\b[^\[\]]{0,60})\]$", re.I
)
_FIGURE_ENDINGS = (*_CREDIT_LOST, *_SOURCE_LABELS, ")", " (", _ALT_TEXT)
_CLOSE_QUOTES = '"”'
_FIGURE_LINE_ENDINGS = frozenset(".0123456789")


class Unit(NamedTuple):
    """The joined text of one block; ``starts`` are the text offsets where each source line begins.

    Units and :class:`RefPlace` are named tuples rather than attrs classes: the parser makes
    dozens per dispatch, and a tuple is made several times faster.
    """

    text: str
    starts: tuple[int, ...]
    lines: tuple[int, ...]

    @property
    def line(self) -> int:
        """The line the unit starts on."""
        return self.lines[0]

    def locate(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a text offset."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[index], offset - self.starts[index] + 1


def _ends_sentence(line: str) -> bool:
    return line.endswith(_TERMINAL)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width, rather than one paragraph per line: no line,
    the last included, runs much past the widest of the others (a short line over a long
    paragraph is a heading or a name over its text)."""
    body = lines[:-1]
    widest = max(len(line) for line in body)
    return (
        widest <= 100
        and len(lines[-1]) <= widest + _WRAP_SLACK
        and all(len(line) >= widest // 2 for line in body)
        and not all(_ends_sentence(line) for line in body)
    )


def split_units(lines: list[str], numbers: list[int]) -> list[Unit]:
    """Group lines into units: blank lines separate units; inside a group of lines without a blank,
    hard-wrapped lines join into one unit and long lines that stop mid-sentence join the next."""
    units: list[Unit] = []
    group: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line:
            group.append(index)
        elif len(group) == 1:  # the common case: a paragraph on one line
            units.append(Unit(text=lines[group[0]], starts=(0,), lines=(numbers[group[0]],)))
            group = []
        elif group:
            units.extend(_group_units(lines, numbers, group))
            group = []
    units = _split_run_together(units)
    return _join_lone_labels(units) if any(unit.text[-1] == ":" for unit in units) else units


_RUN_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_RUN_TURN = re.compile(rf"{_RUN_NAME}: [“\"]")
# a turn closing on its quotation mark (an omission's dots perhaps after it), the next speaker's name
_NEXT_RUN_TURN = re.compile(rf"[”\"](?: (?:…|\.\.\.|\[\.\.\.\]))? (?P<name>{_RUN_NAME}): [“\"]")


def _split_run_together(units: list[Unit]) -> list[Unit]:
    """Blocks run together on one line made a unit each: cartoons' captions, each ending in its
    dated credit in brackets (``Caption (Outlet, Place, May 8, 2015)“Next caption” (Outlet, May
    7, 2015)``); a transcript's turns, each a name and its words in quotes (``Interviewer: “Would
    you?” Orla Tamsin: “Why not?” … Interviewer: “…”``)."""
    out: list[Unit] = []
    for unit in units:
        text = unit.text
        pieces = _glued_captions(text) if ")" in text and len(unit.lines) == 1 else None
        if pieces is None and (": “" in text or ': "' in text) and len(unit.lines) == 1:
            pieces = _run_turns(text)
        if pieces is None:
            out.append(unit)
        else:
            out.extend(Unit(text=piece, starts=(0,), lines=unit.lines) for piece in pieces)
    return out


def _glued_captions(text: str) -> list[str] | None:
    pieces = _GLUED_CAPTION.split(text) if _runs_on_bracket(text) else []
    if len(pieces) < 2 or any(len(piece) > _ONE_CAPTION for piece in pieces[:-1]):
        return None
    return pieces


def _run_turns(text: str) -> list[str] | None:
    if _RUN_TURN.match(text) is None or text.partition(":")[0].casefold() in layouts.PICTURE_PLACINGS:
        return None  # ('Top: "Green Harbour" Bottom: "..."': a cartoon's parts, one caption)
    cuts = [match.start("name") for match in _NEXT_RUN_TURN.finditer(text)]
    bounds = [0, *cuts, len(text)]
    return [text[start:end].rstrip() for start, end in itertools.pairwise(bounds)] if cuts else None


# a dated credit's bracket, another caption run on without a space: "...2015)“U.S. ...", "...2016)Alep ..."
_GLUED_CAPTION = re.compile(r"(?<=\d{4}\))(?=[A-Z«“\"])")


def _runs_on_bracket(text: str) -> bool:
    """Does a caption run on right after a dated credit's bracket (``2015)“Next``)? The brackets
    are looked up one by one: a pattern searched through every paragraph cost more."""
    at = text.find(")")
    while at >= 0:
        after = text[at + 1 : at + 2]
        if after and (after.isupper() or after in '«“"') and text[at - 4 : at].isdigit():
            return True
        at = text.find(")", at + 1)
    return False


def _join_lone_labels(units: list[Unit]) -> list[Unit]:
    """A speaker's name alone on its line, ending in its colon, over a blank line and the words
    (``Orla Tamsin:`` / / ``The tide will turn ...``): one turn. The name is two words or more,
    each capitalised or a name's particle: not a line handing over to a source (``From the
    Harbour Times:``) nor a byline's word whose name was lost (``Por:``)."""
    joined: list[Unit] = []
    for unit in units:
        label = joined[-1] if joined else None
        if (
            label is not None
            and label.text[-1] == ":"
            and len(label.text) <= _LABEL_ALONE
            and len(label.lines) == 1
            and unit.text[-1] != ":"
            and not unit.text.startswith(label.text)  # (the label printed again on its turn: the turn is whole)
            and _name_over_words(label.text)
        ):
            offset = len(label.text) + 1
            joined[-1] = Unit(
                text=f"{label.text} {unit.text}",
                starts=(0, *(offset + start for start in unit.starts)),
                lines=(*label.lines, *unit.lines),
            )
        else:
            joined.append(unit)
    return joined


def _group_units(lines: list[str], numbers: list[int], group: list[int]) -> list[Unit]:
    """The units of several lines without a blank between them."""
    wrapped = _is_hard_wrapped([lines[i] for i in group])
    ragged = not wrapped and _is_ragged([lines[i] for i in group])
    pieces: list[list[int]] = []
    for i in group:
        previous = lines[pieces[-1][-1]] if pieces else ""
        if pieces and lines[i][:1] == "(" and len(previous) < _OUTLET_NAME and credit_line(f"{previous} {lines[i]}"):
            pieces[-1].append(i)  # "Example Post" / "(Vellonia), May 2, 2016": a credit broken before its bracket
            continue
        # "Caption No. 3: ... «La causa [portuaria]»" / ".": the stop of a line that has none, broken off
        if pieces and lines[i] in _STOPS_ALONE and (previous[-1:].isalnum() or previous[-1:] in _CLOSING_MARKS):
            pieces[-1].append(i)
            continue
        if pieces and _colon_line(lines[i]):  # a colon the page's markup put on the next line
            name = _name_lines(pieces, lines)  # a speaker's, or the end of a sentence's
            if name:
                pieces.append([*name, i])
            else:
                pieces[-1].append(i)
            continue
        if (
            pieces
            and not _stands_alone(previous)
            and not is_image_line(lines[i])
            and not lines[i].startswith(LIST_MARKS)  # a list's item stands on its line
            and (wrapped or not _item_header(lines[i]))  # so does an e-mail's item's header
            and artist_named(lines[i]) is None  # a cartoon's artist stands on its line
            and artist_named(previous) is None
            and not agency_credit(lines[i])  # a picture's agency under its caption: "Flash 90"
            and (
                wrapped
                or (ragged and _ragged_goes_on(previous, lines[i], within=len(pieces[-1]) > 1))
                or (len(previous) >= 60 and not _ends_sentence(previous) and _runs_on(previous, lines[i]))
                or _label_over_words(previous)
            )
            and (wrapped or not _lost_colon(previous) or lines[i][:1].islower())
            and not _between_paragraphs(lines, pieces, lines[i])
            and not _repeats(previous, lines[i])
            and not (_ends_sentence(previous.rstrip("'")) and _starts_turn(lines[i]))  # "Q: '...?'" / "A: '...'"
        ):
            pieces[-1].append(i)
        else:
            pieces.append([i])
    units = []
    for piece in pieces:
        text, starts = "", []
        for i in piece:
            # "Orla Tamsin" / ": ..." is "Orla Tamsin: ...", and "... «La causa»" / "." is "... «La causa»."
            text += "" if not text or _colon_line(lines[i]) or (lines[i] in _STOPS_ALONE and len(piece) > 1) else " "
            starts.append(len(text))
            text += lines[i]
        units.append(Unit(text=text, starts=tuple(starts), lines=tuple(numbers[i] for i in piece)))
    return units


_OUTLET_NAME = 40  # an outlet's name over its country's bracket, broken from it, is short


def _label_over_words(line: str) -> bool:
    """A speaker's name alone on its line, ending in its colon, the words on the line under it
    (``Orla Tamsin:`` / ``«The tide will turn ...»``)."""
    return (
        line.endswith(":")
        and len(line) <= _LABEL_ALONE
        and _SPEAKER_ALONE.fullmatch(line) is not None
        and "MEMRI" not in line  # "MEMRI:" over the text it credits
        and _is_speaker(line[:-1].strip(), described=False)
    )


_LABEL_ALONE = 60


def _name_over_words(line: str) -> bool:
    """A speaker's name of two words or more alone on its line (see :func:`_join_lone_labels`)."""
    words = line[:-1].split()
    return (
        len(words) >= 2
        and words[0] not in _HANDING_OVER
        and words[0].casefold() not in layouts.SMALL_WORDS  # "In The News:" heads a section
        and line.casefold() not in layouts.CHROME_LINES  # a page's button: "Font Size:"
        and all(_name_word(word) and word not in _SOURCE_PARTICLES for word in words)
        and _label_over_words(line)
    )


_HANDING_OVER = frozenset("From Via Source Sources Read See".split())
# a name's particles, but an outlet's words too: "From the Times of Vellonia:"
_SOURCE_PARTICLES = frozenset(("the", "of", "and"))


def _item_header(line: str) -> bool:
    """A line that is an e-mail item's header, with its topics or date (``Special Dispatch No.
    12—Vellonia``); not a report cited at a line's start (``Special Dispatch No. 6390.``)."""
    header = h.match_header(line)
    return header is not None and (bool(header.topics) or header.date is not None)


_STOPS_ALONE = frozenset((".", "!", "?", "…", "...", '."', ".”", ".»"))  # a sentence's end alone on its line
_CLOSING_MARKS = '»”"’)]'


def _colon_line(line: str) -> bool:
    """A line opening with a colon and a space or a capital, or a colon alone: the end of the line
    above it (not an emoticon, ``:-)``)."""
    return line[:1] == ":" and (len(line) == 1 or line[1] == " " or (len(line) > 2 and line[1:3].istitle()))


def _name_lines(pieces: list[list[int]], lines: list[str]) -> list[int]:
    """The lines of a speaker's name over a colon put on the next line, taken off the end of the
    pieces read so far: one or two lines of capitalised words, four words at most (``Orla`` /
    ``Tamsin`` / ``: ...``), ending no sentence (``... the men of`` / ``Harbour Guard?`` / ``Orlo
    Sample`` / ``: ...``: the question's end is no name)."""
    taken: list[int] = []
    while pieces and len(taken) < 2:
        piece = pieces[-1]
        line = lines[piece[-1]]
        words = line.split()
        if not words or len(words) + sum(len(lines[i].split()) for i in taken) > 4 or _ends_sentence(line):
            break
        if not all(word[:1].isupper() for word in words):
            break
        taken.insert(0, pieces[-1].pop())
        if not pieces[-1]:
            pieces.pop()
    return taken


_PARAGRAPH_LINE = 200  # a line this long is a paragraph of a copy that puts one on each line
_RAGGED_WIDTH = 100  # the longest line of a page's source broken where its markup broke it
_SHORT_LINE = 60  # a heading's line; a longer one in ragged lines is the text's, title case or not


def _lower_goes_on(previous: str, line: str) -> bool:
    """Does ``line`` go on, in lower case, the sentence ``previous`` left open (``When the news of
    the`` / ``martyrdom of ...``)? Not a web address, which starts in lower case too."""
    return line[:1].islower() and not _ends_sentence(previous) and not line.startswith(layouts.ADDRESS_STARTS)


def _is_ragged(lines: list[str]) -> bool:
    """Lines of an old page's source, broken where its markup broke them rather than at one width:
    short lines, and at least one going on in lower case the sentence the line above left open
    (``Following are excerpts`` / ``from an interview with ...``)."""
    return all(len(line) <= _RAGGED_WIDTH for line in lines) and any(
        _lower_goes_on(previous, line) for previous, line in itertools.pairwise(lines)
    )


def _ragged_goes_on(previous: str, line: str, *, within: bool) -> bool:
    """In ragged lines, a line goes on the one above when it goes on in lower case the sentence
    that one left open, or, capitalised, under an open line inside a paragraph (``within`` it: the
    paragraph's first line, short, is a heading's or a caption's); never across a heading, a web
    address or the start of a speaker's turn. A speaker's name alone on its line
    (``Child host Orla:``) goes on with what the speaker says."""
    if _starts_turn(line) and not (line[:1].islower() and _is_speaker(previous)):
        return False  # but a name broken before its particle goes on: "Orla" / "ur-Tamsin: ..."
    if previous.startswith(layouts.ADDRESS_STARTS) or line.startswith(layouts.ADDRESS_STARTS):
        return False  # a web address stands on its line
    if not _ends_sentence(previous):
        if line[:1].islower():
            return True
        return within and not (_is_heading(previous) or (len(line) <= _SHORT_LINE and _is_heading(line)))
    label = previous[:-1]
    return (
        previous.endswith(":")
        and _SPEAKER_ALONE.fullmatch(previous) is not None
        and label.lower() not in layouts.NOT_SPEAKERS
        and not label.startswith("The ")
        and "'s " not in label
        and _is_speaker(label, described=True)
        and not line.startswith("[")
    )


LIST_MARKS = ("- ", "– ", "• ", "* ", "· ")


def _starts_turn(line: str) -> bool:
    """Does the line start a speaker's turn (``Orlo Tamsin: ...``, ``al-Masri: ...``)?"""
    match = _SPEAKER.match(line) if line.find(":", 1, 103) > 0 else None
    return match is not None and _is_speaker(match["name"], described=True)


def _between_paragraphs(lines: list[str], pieces: list[list[int]], line: str) -> bool:
    """Is the last piece one short line between two paragraphs of one line each, the one above it
    ended? Then it is a caption or a heading, not a sentence's start (``... the trade route.`` /
    ``Ancient seal found in the ruins`` / ``Today, ...``)."""
    if len(pieces) < 2 or len(pieces[-1]) != 1 or len(line) < _PARAGRAPH_LINE:
        return False
    above = lines[pieces[-2][-1]]
    return len(lines[pieces[-1][0]]) < 100 and len(above) >= _PARAGRAPH_LINE and _ends_sentence(above)


def _lost_colon(line: str) -> bool:
    """A boundary that lost its colon after its date (``Following are excerpts ..., which aired on
    May 2, 2008``): it ends its line; one broken before its date goes on."""
    return line[-4:].isdigit() and opens_translation(line)


def _stands_alone(line: str) -> bool:
    """A digest item's header (``Special Dispatch No. 2640``), an image's file name, a picture's
    credit (``Photo Credit: Harbour Office``), a caption said to be one (``Screenshot from ...``)
    or one in a table's cell: the line under it is not its text."""
    if line.endswith(") |"):
        return True  # a caption's table cell, its credit in brackets: "Caption (Foto: Outlet) |"
    if len(line) > 120:
        return False
    if (header := h.match_header(line)) is not None:
        return bool(header.numbers)
    said = line.startswith(_CAPTION_WORDS) and _labelled_caption(line) is not None
    return is_image_line(line) or is_credit_alone(line) or said


def _repeats(previous: str, line: str) -> bool:
    """Does ``line`` repeat ``previous``, perhaps going on to a credit (an image's alt text, then
    its caption and credit)? Not a chant's line repeated and sung on, nor a sentence said twice."""
    if line == previous:
        return caption_twice(line)
    return (
        len(line) > len(previous) >= 20
        and line.endswith(")")
        and " ".join(line.split()).startswith(" ".join(previous.split()))
    )


def caption_twice(text: str) -> bool:
    """Can a line printed twice, one right under the other, be a picture's alt text and caption:
    a phrase of a few words, with no stop at its end (a chant or a sentence repeated has one), or
    a name of two words or more (``Harbour Master Tamsin``, a portrait's)?"""
    # (a quotation closing it ends no sentence unless its own stop is inside: '... "[Yes] we can"')
    words = text.split()
    if len(text) > _ONE_CAPTION or len(words) < 2 or _ends_sentence(text.rstrip(')"”’')):
        return False
    return len(words) >= 3 or all(_name_word(word) and word.isalpha() for word in words)


def alt_text_of(block: m.Block | None, figure: m.Figure) -> str | None:
    """The text of a plain paragraph (or a line read as a heading) that says what ``figure``'s
    caption says: the picture's alt text, which the page showed over the caption; None for other
    blocks."""
    text = None
    if block is not None and figure.caption and not figure.alt_text:
        text = block.text if isinstance(block, m.Heading) else _plain_paragraph(block)
    return text if text is not None and text.split() == figure.caption.split() else None


def _runs_on(previous: str, line: str) -> bool:
    """Does ``line`` go on the sentence ``previous`` left open? Not when it is a cartoon's credit
    (``Outlet (Country), Date``), nor a capitalised line under a caption or heading in title case,
    nor under a line that ends in a web address (``To watch the clip: http://...``)."""
    if credit_line(line) or previous[previous.rfind(" ") + 1 :].startswith(layouts.ADDRESS_STARTS):
        return False
    return not (line[:1].isupper() or line[:1] in _OPEN_QUOTES) or not (
        _is_heading(previous) or _named_headline(previous) or _closed_phrase(previous)
    )


_PHRASE = 120  # a line of a heading's length


def _closed_phrase(line: str) -> bool:
    """A short capitalised line whose last word leaves nothing open (no small word, comma or
    colon at its end): a heading in sentence case, as the mirrors write them, not a sentence the
    page broke (``... the harbour master said that the``)."""
    last = line[line.rfind(" ") + 1 :]
    return (
        len(line) <= _PHRASE
        and line[:1].isupper()
        and last[-1:].isalnum()
        and last.lower() not in layouts.SMALL_WORDS
        and line.count(" ") >= 3
    )


def _ends_in_address(text: str) -> bool:
    """Does the text end in a web address (a list's entry linking a clip or a report)?"""
    return text[text.rfind(" ") + 1 :].startswith(layouts.ADDRESS_STARTS)


_ADDRESS_OR_HANDLE = re.compile(r"@\w|\w\.(?:com|org|net)/|://")


def _named_headline(line: str) -> bool:
    """A described name and the headline words after it (``Harbour Poet Orlo ibn Tamsin: What Is
    Written in "The Tide Tables" Is Coming True``): a clip's headline, however long; not a tweet
    quoting one under its address and signature (``pic.twitter.com/... — Name (@handle)``)."""
    match = _SPEAKER.fullmatch(line) if line.find(":", 1, 103) > 0 and not _ends_headline(line) else None
    return (
        match is not None
        and len(match["name"].split()) >= 3
        and _headline_words(match["rest"])
        and not _ADDRESS_OR_HANDLE.search(line)
    )


class RefPlace(NamedTuple):
    """Where a note reference stands in the text."""

    number: int
    line: int
    column: int


class BlockReader:
    """Types units as body blocks and records where every note reference stands."""

    def __init__(self, *, paren_refs: bool, transcript: bool = False) -> None:
        self.transcript = transcript  # a TV clip's: "Crowd: Long live the tide" is a turn, not a heading
        # a clip's transcript without the clip's header: speakers named after who they are
        # ("Child host Mira:"), but a heading's shape stays a heading
        self.described = transcript
        self.ref_pattern = _REF_OR_PAREN if paren_refs else _REF
        self.ref_opening = "(" if paren_refs else "["  # both patterns' references hold "["; "(N)" holds "("
        self.refs: list[RefPlace] = []
        self.speakers: set[str] = set()  # the names of the turns read so far

    def inline(self, unit: Unit, start: int = 0, end: int | None = None) -> tuple[m.Inline, ...]:
        """Inline content from ``unit.text[start:end]``, with note references as :class:`NoteRef`."""
        text = unit.text
        end = len(text) if end is None else end
        if "[" not in text and self.ref_opening not in text:  # most units hold no reference at all
            if start >= end:
                return ()
            run = (m.Text(text=text[start:end]),)
            return run if "_" not in text and "**" not in text else read_spans(run)  # nor any span
        content: list[m.Inline] = []
        position = start
        for match in self.ref_pattern.finditer(text, start, end):
            if match.start() > position:
                content.append(m.Text(text=text[position : match.start()]))
            number = int(match[1] or match[2])
            content.append(m.NoteRef(number=number))
            line, column = unit.locate(match.start())
            self.refs.append(RefPlace(number=number, line=line, column=column))
            position = match.end()
        if position < end:
            content.append(m.Text(text=text[position:end]))
        return read_spans(tuple(content))

    def block(self, unit: Unit) -> m.Block:
        """The block a unit is, tried from the most to the least specific shape.

        Each shape is first tested by a cheap look at the unit's ends or length, so that the
        common plain paragraph meets few patterns and function calls.
        """
        text = unit.text
        if is_pointer(text):
            return m.MediaPointer(text=text)
        if text.endswith(" confidence") and _ALT_TEXT in text[-60:]:
            text = _ALT_CONFIDENCE.sub("", text)
        if text.endswith(" |"):
            text = text[:-2].rstrip()  # a caption's table cell: "Caption (Foto: Outlet) |"
        if text[:2] == "![" or text[-5:].lower().endswith(_IMAGE_ENDINGS):
            image = image_line(text)
            if image is not None:
                return image
        # "harbour_at_dawn": a picture's file name, its extension dropped (not a banner's)
        stem = "_" in text and len(text) <= _FILE_STEM_LINE and _FILE_STEM.fullmatch(text)
        if stem and not _CHROME_IMAGE.search(text):
            return m.Figure(alt_text=text)
        if text[-1].isdigit() and len(text) <= _AIRED_LINE and aired_line(text):
            return m.Heading(text=text)  # "Harbour TV (Vellonia), July 21, 2006": where the next clip aired
        figure = None
        tail = text[-80:]
        if (
            text.endswith(_FIGURE_ENDINGS)
            or "(Source:" in tail
            or (
                "(" in tail
                and (_source_mark(text) is not None or (text.endswith(").") and _PICTURE_MARK.search(tail) is not None))
            )
        ):
            figure = _figure(text)
        if (
            figure is None
            and " photo: " in tail
            and len(text) <= _AGENCY_CAPTION
            and (match := _OUTLET_PHOTO.fullmatch(text))
        ):
            figure = m.Figure(caption=match["caption"], credit=match["credit"])  # "Caption Harbour news photo: X"
        if figure is None and text[-1] == "]" and (match := _CAPTURE_CREDIT.search(tail)) is not None:
            figure = m.Figure(caption=text[: len(text) - len(tail) + match.start()], credit=match["credit"])
        if figure is None and "©" in tail and (match := _COPYRIGHT_CREDIT.fullmatch(text)):
            figure = m.Figure(caption=match["caption"], credit=match["credit"])  # "Caption © Bild: Agency"
        if figure is None and "/" in text and any(mark in text for mark in _WIRE_MARKS):
            match = _WIRE_PHOTO.fullmatch(text)
            figure = m.Figure(caption=match["caption"], credit=_wire_credit(text, match)) if match else None
        if figure is None and text.endswith(_IMAGE_LIBRARIES) and (match := _LIBRARY_CREDIT.fullmatch(text)):
            figure = m.Figure(caption=match["caption"], credit=match["credit"])  # "Caption - Wikimedia Commons"
        if figure is None and text[-1] in _FIGURE_LINE_ENDINGS:
            figure = figure_line(text) or outlet_credit_line(text)
        if figure is None and text.startswith(_CREDIT_WORDS) and (match := _CREDIT_ALONE.fullmatch(text)):
            figure = m.Figure(credit=(match["credit"] or match["shot"]).rstrip("."))
        if figure is None and text.startswith(("Photo ", "Foto ")) and agency_credit(text):
            figure = m.Figure(credit=text[6:].removeprefix("by "))  # "Photo Orla Tamsin / Flash 90", its colon lost
        if (
            figure is None
            and text.endswith(_AGENCY_ENDINGS)
            and (match := _CAPTION_SLASH_AGENCY.fullmatch(text) or _CAPTION_PHOTOGRAPHER.fullmatch(text))
        ):
            figure = m.Figure(caption=match["caption"], credit=match["credit"])  # "Caption ... / AP"
        if (
            figure is None
            and "Photo" in text[:16]
            and len(text) <= _AGENCY_CREDIT
            and (match := _AGENCY_PHOTO.fullmatch(text))
        ):
            figure = m.Figure(credit=match["credit"])  # "AP Photo" alone where the picture stood
        if figure is None and text[0] == "(" and (match := _BRACKETED_CREDIT.fullmatch(text)):
            figure = m.Figure(credit=match["credit"])  # "(photo credit: Harbour Agency)" under its caption
        if figure is None and text[0] == "(" and text[-2:-1].isdigit() and (match := _BRACKETED_OUTLET.fullmatch(text)):
            # "(Harbour Post, Vellonia, March 23, 2016)": a cartoon's; a broadcast's is where a scene aired
            figure = None if _BROADCASTER.search(match["credit"]) else m.Figure(credit=match["credit"])
        if figure is None and text.startswith(_CAPTION_WORDS):
            figure = _labelled_caption(text)
        if figure is None and len(text) <= _SHORT_CAPTION and (" via " in text or text.endswith(_SHOT_ENDINGS)):
            figure = _short_caption(text)
        if (
            figure is None
            and len(text) <= _PLACING
            and ("lockwise" in text or "eft to" in text or "ight to" in text or "ictured" in text)
        ):
            figure = m.Figure(caption=text) if _placing_caption(text) else None
        if figure is None and len(text) <= _SHORT_CAPTION and text[-1].isalpha() and _DATED_CAPTION.fullmatch(text):
            # "August 15, 2021: Guild sailors inside the harbour master's office"; in title case, a heading
            figure = None if every_word_capitalised(text) else m.Figure(caption=text)
        if figure is not None:
            return figure
        if text.startswith(("Note", "Editor", "Translator")) and (match := _EDITOR_NOTE.fullmatch(text)):
            return m.EditorNote(label=match["label"], content=self.inline(unit, match.start("rest")))
        if text[0] == "(" and (match := _STAGE.fullmatch(text)) and match["text"].strip(_FIGURES_AND_SPACE):
            if match["text"].casefold() in layouts.PICTURE_PLACEHOLDERS:
                return m.Figure(caption=match["text"])  # "(Bildschirmfoto)": the picture's place, its caption
            return m.StageDirection(text=match["text"])
        if len(text) <= _STAGE_WORD and text.casefold() in layouts.STAGE_WORDS:
            return m.StageDirection(text=text)  # "Applaudissements" alone on its line, its brackets lost
        # a transcript's, a name that has spoken already ('Orlo: "Really?'), or an interviewer's or a
        # crowd's ('Crowd: Death To The Ferry Company'): a turn, not a heading
        named = text.partition(":")[0]
        if len(named) <= _PLACING_LABEL and named.casefold() in layouts.PICTURE_PLACINGS and text[len(named) + 1 :]:
            return m.Paragraph(content=self.inline(unit))  # 'Bottom: "The return of the tide"', a cartoon's words
        asked = (
            self.transcript or named in self.speakers or (len(named) <= _TURN_ROLE and named.casefold() in _TURN_ROLES)
        )
        turn = self._speaker_turn(unit) if asked else None
        if turn is not None:
            return turn
        # (an old page's star opens a section's headline: '*Harbour Master Orlo Tamsin: "The Pier Is Ready"')
        if len(text) <= _LONG_HEADING and (
            _is_heading(text) or (not self.transcript and _named_headline(text.removeprefix("*")))
        ):
            return m.Heading(text=text, level=_heading_level(text))
        if text[0] in _HEADING_QUOTES and "; " in text and _quoted_phrases_heading(text):
            return m.Heading(text=text)
        if text[0] in "IVX" and len(text) <= _LONG_HEADING and _roman_heading(text):
            return m.Heading(text=text)  # "II. Sermón del viernes dado por ...": a numbered section, however long
        if text[-1] == ":" and text[:-1].rstrip().casefold() in layouts.NOT_TITLES:
            return m.Heading(text=text)  # "Introducción:", a section's heading, not a line introducing the next
        label, colon, rest = text.partition(": ")
        if colon and label in layouts.ITEM_LABELS and rest:
            return m.Heading(text=text)  # "EXCLUSIVE: ..." heads a digest's item
        turn = None if self.transcript else self._speaker_turn(unit)
        if turn is not None:
            return turn
        content = self.inline(unit)
        boundary = _boundary_note(text, content, self.ref_pattern)
        if boundary is not False:
            return m.TranslationBoundary(content=content, source_note=boundary)
        quoted = _unquote(content) if text[0] in _OPEN_QUOTES else None
        if quoted is not None:
            return m.Quotation(content=quoted)
        return m.Paragraph(content=content)

    def _speaker_turn(self, unit: Unit) -> m.SpeakerTurn | None:
        match = turn_match(unit.text, described=self.described, transcript=self.transcript)
        if match is None:
            return None
        self.speakers.add(match["name"])
        return m.SpeakerTurn(speaker=match["name"], content=self.inline(unit, match.start("rest")))


# the roles a one-word label names outside a transcript too, however its words are written
_TURN_ROLES = frozenset(
    "interviewer host crowd audience anchor presenter moderator caller".split()
    + "intervieweur foule entrevistador multitud".split()  # French, Spanish
)
_TURN_ROLE = max(len(role) for role in _TURN_ROLES)  # a longer label is asked no further
_PLACING_LABEL = max(len(place) for place in layouts.PICTURE_PLACINGS)
_ROMAN_HEADING = re.compile(r"[IVX]{1,4}\. ")


def _roman_heading(text: str) -> bool:
    """A section's number in Roman figures and its name, capitalised, with no stop at its end."""
    number = _ROMAN_HEADING.match(text)
    return number is not None and text[number.end() : number.end() + 1].isupper() and not _ends_sentence(text)


def turn_match(text: str, *, described: bool, transcript: bool) -> re.Match[str] | None:
    """The speaker's name and words of a line that is a turn (see :func:`_is_speaker` for
    ``described``); outside a ``transcript``, a long name over words in title case is a headline's."""
    # a speaker's name ends within 102 characters: the find spares most paragraphs the pattern
    if (
        text.find(":", 1, 103) > 0
        and (match := _SPEAKER.fullmatch(text))
        and _is_speaker(match["name"], described=described)
        and not match["rest"].startswith(layouts.ADDRESS_STARTS)  # "TO VIEW THIS VIDEO: http://...": a pointer
        and not _ends_in_address(text)  # "Leader: Title; May 3, 2005; Channel 1; http://...": a list's link
        # outside a transcript, "Harbour Poet Orlo Tamsin: We Will Sail At Dawn ...": a headline
        and (transcript or len(match["name"].split()) < 3 or not _headline_words(match["rest"]))
    ):
        return match
    return None


_NUMBERED_NOTE = re.compile(r"\d{1,3}\s")


_YEAR_WORD_LETTERS = " .r\u0433"  # "2019 r.", "2010 \u0433."
_YEAR_WORDS = ("roku", "\u0433\u043e\u0434\u0430")


def credit_line(text: str) -> bool:
    """The second line of a cartoon pair: ``Outlet (Country), Date``; not a note that lost its
    brackets, ``1 Outlet (Country), Date.`` (an outlet's name may open with a number: ``7 Days
    (Vellonia), March 5, 2019``)."""
    # the year ends it, perhaps with the word for a year after it (Polish, Russian): most lines
    # fail this before the pattern
    if len(text) > 200 or not (text.rstrip(_YEAR_WORD_LETTERS)[-4:].isdigit() or text.endswith(_YEAR_WORDS)):
        return False
    if _CREDIT_LINE.fullmatch(text) is None:
        return False
    return not (text.endswith(".") and _NUMBERED_NOTE.match(text))


# a picture's source on the line under its caption, in the mirrors' languages too:
# "Fuente: Outlet (Country), 3 de julio, 2007.", or undated, "Source: Outlet (Country)"
_SOURCE_LINE = re.compile(
    rf"{layouts.SOURCE_LABEL}\s*[\"“]?(?P<credit>[^:]{{2,200}}?(?:\d{{4}}|\([A-Z][^()]{{1,40}}\)))[\"”]?\.?"
)


def source_line(text: str) -> str | None:
    """The credit of a ``Source: Outlet, Date.`` line, dated by its year or ending in its country;
    None for other lines."""
    match = _SOURCE_LINE.fullmatch(text) if text.startswith(layouts.SOURCE_WORDS) and len(text) <= 220 else None
    return match["credit"].lstrip(", ") if match else None  # ", May 2, 2016": the outlet lost with its link


_SOURCE_LABEL_AT = re.compile(layouts.SOURCE_LABEL)


def figure_line(text: str) -> m.Figure | None:
    """A figure written on one line without a ``(Source: ...)`` ending: a cartoon's caption and
    credit merged (``Caption Outlet (Country), Date``), or ``Caption. Source: Outlet, Date.``
    (a news site's ``Caption. Photo: Outlet.``)"""
    if len(text) > 300 or "(@" in text:
        return None  # (an embedded post signed "— Name (@account) Date" is no picture)
    credited = ":" in text and any(words in text for words in _CAPTION_CREDIT_WORDS)
    if "(" not in text and not credited:
        return None
    match = _SOURCE_CAPTION.fullmatch(text) if credited else None
    if match is not None and (
        "Source:" in text or _photo_caption(match["caption"], match["credit"])
    ):  # before the merged pair: "Caption. Source: Example Post (Vellonia), Date."
        return m.Figure(caption=match["caption"].strip(), credit=match["credit"].strip())
    # (the pattern tries every split of the line: asked only of a line ending in a year)
    match = _CAPTION_AND_CREDIT.fullmatch(text) if text.removesuffix(".")[-4:].isdigit() else None
    # (not a paragraph citing its source: "... the columnist accused them of ... Outlet (Country), Date.")
    if match is not None and any(word[:1].islower() for word in match["caption"].split()) and not _WRITERS.search(text):
        return m.Figure(caption=match["caption"].strip(), credit=match["credit"])
    if credit_line(text):
        return m.Figure(credit=text)  # a cartoon known from its credit alone
    return None


def _photo_caption(caption: str, credit: str) -> bool:
    """A news site's ``Caption. Photo: Outlet.``: one phrase before a credit naming an outlet, not
    a speaker's words or a paragraph's sentences (``Host: Look. Photo: the pier burning.``)."""
    return ": " not in caption and not _SENTENCE_BREAK.search(caption) and credit[:1].isupper()


def outlet_credit_line(text: str) -> m.Figure | None:
    """A caption whose last sentence is its credit alone, outlets and their dates with no verb:
    ``Caption. The Vellonian Times, December 14, 2016.``; not a paragraph's words (a pronoun, a
    reporting verb) before a dateline or a signature. A caption of one phrase may give its
    credit after a comma: ``Orla Tamsin delivering her speech, Harbour Daily, July 14, 2015.``"""
    if len(text) > 400 or not text.rstrip(".")[-4:].isdigit():
        return None
    match = _OUTLET_CREDIT.fullmatch(text)
    if match is None and len(text) <= _SHORT_CAPTION:
        match = _PHRASE_OUTLET_CREDIT.fullmatch(text)
        match = match if match is not None and _caption_shape(match["caption"]) else None
    if match is None or _REPORTED.search(match["caption"]):
        return None
    return m.Figure(caption=match["caption"], credit=match["credit"])


_PHRASE_OUTLET_CREDIT = re.compile(rf"(?P<caption>[^\W\d][^,]{{10,80}}), (?P<credit>{_OUTLET}, {h.ANY_DATE})\.?")


def agency_credit(text: str) -> bool:
    """A picture's credit alone on its line under its caption: a photo agency (``Flash 90``), or
    its photographer and outlets and the agency, run together by slashes (``Mira Vell/Harbour
    Press/Flash 90``)."""
    return text in layouts.PHOTO_AGENCIES or (
        len(text) <= _AGENCY_CREDIT and "/" in text and text.rpartition("/")[2].strip() in layouts.PHOTO_AGENCIES
    )


_AGENCY_CREDIT = 80
_AGENCY_ENDINGS = tuple(layouts.PHOTO_AGENCIES)
_AGENCIES = "|".join(re.escape(agency) for agency in layouts.PHOTO_AGENCIES)
# a news agency's credit alone, perhaps with its photographer: "AP Photo", "(AP Photo/Orla Tamsin)"
_AGENCY_PHOTO = re.compile(rf"\(?(?P<credit>(?:{_AGENCIES}) Photo(?:\s?/\s?[^/()]{{2,60}})?)\)?")
# a news photo's caption with its agency after a slash: "A guard at the pier, centre, holds a banner / AP"
_CAPTION_SLASH_AGENCY = re.compile(rf"(?P<caption>[^/]{{10,300}}?)\s+/\s*(?P<credit>{_AGENCIES})")
# or after its last sentence, its photographer and the agency: "... opened on Saturday. Orla Tamsin/Reuters"
_CAPTION_PHOTOGRAPHER = re.compile(
    rf"(?P<caption>[^/]{{10,600}}[.!?])\s(?P<credit>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{1,3}}/(?:{_AGENCIES}))"
)


def image_line(text: str) -> m.Figure | None:
    """A line that is only an image: its file name or address (``3301.jpg``), or a Markdown image
    with its caption after it (``![](cartoon.png) The cartoon``). Copies keep these where the
    picture itself was lost; a site's banners and buttons (``donate_banner.jpg``) are not images of
    the dispatch."""
    match = _MARKDOWN_IMAGE.fullmatch(text) if text[:2] == "![" else None
    caption = match["caption"] or "" if match is not None else ""
    if match is not None and not _CHROME_IMAGE.search(match["src"].rpartition("/")[2]) and not _REF.search(caption):
        address = _IMAGE_ADDRESS.fullmatch(match["src"])
        return m.Figure(
            caption=caption.strip(),
            alt_text=match["alt"].strip() or None,
            image=_picture(address) if address is not None else None,
        )
    if len(text) > 300:
        return None
    address = _IMAGE_ADDRESS.fullmatch(text)
    if address is None or _CHROME_IMAGE.search(text.rpartition("/")[2]):
        return None
    return m.Figure(image=_picture(address))


def _picture(address: re.Match[str]) -> m.Picture:
    return m.Picture(media_type=_IMAGE_EXTENSIONS[address["extension"].lower()], src=address[0])


def is_image_line(text: str) -> bool:
    """Is ``text`` only an image (see :func:`image_line`)? It stands alone among the lines around it."""
    return (text[:2] == "![" or text[-5:].lower().endswith(_IMAGE_ENDINGS)) and image_line(text) is not None


def credits_a_picture(text: str) -> bool:
    """Does the line end in a picture's credit in brackets (``Caption (Foto: Agency)``)?"""
    return text.endswith(")") and _PICTURE_MARK.search(text, max(0, len(text) - 80)) is not None


def is_figure_text(text: str) -> bool:
    """Text that ends the way figure lines end: two of them in a row are two images, not a repeat."""
    return text.endswith(_FIGURE_ENDINGS) or (text.endswith(" confidence") and _ALT_TEXT in text[-60:])


# a caption and its source inside one pair of brackets: "(Orla Tamsin. Fuente: Example.test)"
_BRACKETED_SOURCE = re.compile(
    rf"\((?P<caption>[^()]{{3,150}}?)[.,]?\s+{layouts.SOURCE_LABEL}(?P<credit>[^()]{{2,80}})\)"
)
# a caption's credit mark in the mirrors' languages and French spacing: "(Source : Outlet)", "(Fuente: Medio)"
_SOURCE_MARK = re.compile(rf"\({layouts.SOURCE_LABEL}\s*")
_ONE_CAPTION = 200  # a caption is one short phrase: a longer line ending in a credit is a paragraph
_BRACKET_CAPTION = 80  # "Caption (", its credit's link lost: a phrase, not a sentence the copy cut


def _source_mark(text: str) -> re.Match[str] | None:
    return _SOURCE_MARK.search(text, max(0, len(text) - 80))


def _figure(text: str) -> m.Figure | None:
    if text.endswith(").") and _stop_after_credit(text):
        text = text[:-1]
    inside = _BRACKETED_SOURCE.fullmatch(text) if text[0] == "(" else None
    if inside is not None and not two_sentences(inside["caption"]):  # "(Orla Tamsin. Fuente: Example.test)"
        return m.Figure(caption=inside["caption"], credit=inside["credit"].strip())
    if "(Source:" not in text and (mark := _source_mark(text)) is not None:
        head = text[: mark.start()].rstrip()  # a mirror's caption: one short phrase ("Légende (Source : Média)")
        if len(head) > _ONE_CAPTION or ". " in head:
            return None  # a paragraph citing its source in a mirror's words
        text = f"{head} (Source: {text[mark.end() :]}".lstrip()  # or the credit alone: "(Fuente: Medio)"
    if text.endswith(_CREDIT_LOST):  # the credit went with its link: "Caption (image:"
        return m.Figure(caption=text[: text.rindex("(")].rstrip(), credit_missing=True)
    lost = text[: text.rindex("Source")] if text.endswith(_SOURCE_LOST) and len(text) <= _BRACKET_CAPTION else None
    if lost is not None and not two_sentences(lost):  # "Caption. Source: (", or the label alone
        return m.Figure(caption=lost.rstrip(" ."), credit_missing=True)
    if text[0] == "(" and text.endswith(_SOURCE_LABELS) and len(text) <= _BRACKET_CAPTION and ")" not in text:
        return m.Figure(caption=text[1 : text.rindex(" ")].rstrip(" ."), credit_missing=True)  # "(Caption. Source:"
    if text.endswith(" (") and len(text) <= _BRACKET_CAPTION and not any(mark in text for mark in ":;,"):
        return m.Figure(caption=text[:-2].rstrip(), credit_missing=True)  # "Caption (": the credit's link lost
    if text.endswith(")") and "(Source:" in text:
        head, _, credit = text.rpartition("(Source:")
        if _closes_at_end(credit) and credit[:-1].strip():
            return m.Figure(caption=head.rstrip(), credit=credit[:-1].strip())
    head, marker, credit = text.rpartition("(Source:")
    if marker and ")" not in credit and credit.strip() and head.strip():
        return m.Figure(caption=head.rstrip(), credit=credit.strip())  # a credit cut off by the copy's end
    if text.endswith(_ALT_TEXT) and len(text) > len(_ALT_TEXT):
        return m.Figure(alt_text=text[: -len(_ALT_TEXT)].rstrip())
    if not text.endswith(")"):
        return None
    match = _OTHER_CREDIT.fullmatch(text)
    caption, credit = (
        (match["caption"] or match["still"] or match["taken"], match["credit"] or match["shot"] or match["taker"])
        if match
        else ("", "")
    )
    if match is not None and len(caption) <= _ONE_CAPTION and not _SENTENCE_BREAK.search(caption):
        return m.Figure(caption=caption, credit=credit.strip())  # a caption, not a paragraph
    match = _DATED_CREDIT.fullmatch(text) if len(text) <= 300 and text[0] not in _OPEN_QUOTES else None
    if match is not None and (_SIDES.match(match["caption"]) or _cartoon_credit(match["caption"], match["credit"])):
        return m.Figure(caption=match["caption"], credit=match["credit"].lstrip(", "))
    match = _SITE_CREDIT.fullmatch(text) if len(text) <= _ONE_CAPTION + 40 else None
    if match is not None and _site_caption(match["caption"], match["credit"]):
        return m.Figure(caption=match["caption"], credit=match["credit"])  # "Caption. (Example.test)"
    return _agency_photo(text)


_AGENCY_CAPTION = 300  # a news photograph's caption is one sentence, often a long one


def _agency_photo(text: str) -> m.Figure | None:
    """A news photograph's caption, one sentence, crediting its agency or whoever lent it: ``The
    harbour master carries the last rope to the pier. (AFP)``, ``Orla Tamsin (Courtesy MEMRI)``,
    ``A harbour family (Image courtesy: Coast.com)``; a still's caption, one phrase without a
    stop, crediting the institute (``Orla Tamsin says the tide will turn (MEMRI)``)."""
    head, opening, credit = text[:-1].rpartition(" (")
    if not opening or len(head) > _AGENCY_CAPTION or _SENTENCE_BREAK.search(head):
        return None
    if (lent := _COURTESY.fullmatch(credit)) is not None:
        credit = lent["credit"]
    elif credit in _INSTITUTE_CREDITS:
        if ":" in head or _ends_sentence(head) or len(head) > _ONE_CAPTION:
            return None  # a quotation's or a label's source, not a picture's: 'We must be resolute. (MEMRI)'
    elif credit.endswith(" TV") and len(credit) <= _CHANNEL_NAME:
        # a still's caption, one short sentence, crediting the channel it aired on: "Orla Tamsin
        # spills the beans. (Harbour TV)"; not a quotation's source, '"We will sail." (Harbour TV)'
        if ":" in head or head[:1] in _OPEN_QUOTES or not _ends_sentence(head) or len(head) > _ONE_CAPTION:
            return None
    elif credit.partition("/")[0] not in layouts.PHOTO_AGENCIES:  # "(AFP/Orlo Tamsin)": the agency, its photographer
        return None
    return m.Figure(caption=head, credit=credit)


_INSTITUTE_CREDITS = ("MEMRI", "MEMRI TV")  # "Orla Tamsin says the tide will turn (MEMRI)": a still from its clip
_CHANNEL_NAME = 40
_COURTESY = re.compile(r"(?:(?:Photo|Image|Picture) )?[Cc]ourtesy(?: of|:)? (?P<credit>\S.{0,80})")


def _site_caption(caption: str, site: str) -> bool:
    """A caption before the site its picture came from: one phrase, not a sentence that reports or
    points to more (``For more, see ... (example.test)``), and the site no image's file name."""
    return not (
        _SENTENCE_BREAK.search(caption)
        or _REPORTED.search(caption)
        or _SEE_WORD.search(caption)
        or site.lower().endswith(_IMAGE_ENDINGS)
    )


def _stop_after_credit(text: str) -> bool:
    """A caption whose credit in brackets the page closed with a stop: ``Name, Name, at Place, Date
    (Source: Outlet, Date).``, or one phrase with its picture's credit, ``(Image: example.test).``;
    not a paragraph's sentences citing their source."""
    opening = text.rfind("(")
    head = text[:opening]
    if _listing_caption(head):
        return True
    credited = _PICTURE_MARK.match(text, opening) is not None and len(head) <= _ONE_CAPTION
    return credited and not two_sentences(head) and not _REPORTED.search(head) and not _SAYS_THAT.search(head)


# a clause of what someone said, in the mirrors' languages too: "..., that", "ogłosił, że", "a dit que"
_SAYS_THAT = re.compile(r",? (?:that|że|que|dass|che) ")


def _listing_caption(head: str) -> bool:
    """A caption that lists who and where and when, one phrase in commas ending in its year
    (``Orla Tamsin, Orlo Sample, and the harbour master, at the pier, May 2, 2018``); not a
    sentence citing its source."""
    head = head.rstrip()
    return (
        head[-4:].isdigit()
        and "," in head
        and len(head) <= _ONE_CAPTION + 50
        and not _SENTENCE_BREAK.search(head)
        and not _REPORTED.search(head)
    )


# a writer's words, which a quotation cites: never a drawing's description
_WRITERS_VERBS = r"said|wrote|told|accused|argued|claimed|stated|added|reported"
_WRITERS = re.compile(rf"\b(?:{_WRITERS_VERBS})\b")
# words of a sentence someone wrote or said, never of a picture's caption: a pronoun, a reporting verb
_REPORTED = re.compile(rf"\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|says|writes|tells|asked|called on|{_WRITERS_VERBS})\b")


def _closes_at_end(credit: str) -> bool:
    """Does the bracket the credit is in close at the text's end, not before it ("Outlet) and was
    read out (see below)")?"""
    depth = 1
    for index, character in enumerate(credit):
        depth += (character == "(") - (character == ")")
        if depth == 0:
            return index == len(credit) - 1
    return False


def _cartoon_credit(caption: str, credit: str) -> bool:
    """A cartoon's phrase and its artist, outlet and date; not a paragraph's sentences, a speaker's
    turn (``Interviewer: ...``), nor a report cited (``(Special Dispatch No. 3301, March 4, 2011)``,
    ``(see Example Post, ...)``). A caption that says it is a cartoon may say what it shows after a
    colon (``Caricature dans un quotidien : ...``)."""
    return (
        not _SENTENCE_BREAK.search(caption)
        and (": " not in caption or caption.casefold().startswith(layouts.CARTOON_WORDS))
        and not (caption[-1] in _CLOSE_QUOTES and _REPORTED.search(caption))  # 'He wrote that "..." (Outlet, Date)'
        and not _WRITERS.search(caption)  # "The columnist accused the council ... (Outlet, Date)"
        and h.match_header(credit.partition(",")[0]) is None
        and not _SEE_WORD.match(credit)
    )


_SEE_WORD = re.compile(rf"\b(?:{'|'.join(layouts.SEE_WORDS)})\b", re.IGNORECASE)


# a title or a heading may end in an abbreviation's stop: "... Against Israel And The U.S.", "... Jr."
# "U.S.", "Jr.", and the Spanish doubled initials of a plural: "EE. UU.", "EE.UU."
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Jr|Sr|Inc|Co|Ltd|Corp|St)\.|\b[A-Z]{2}\. ?[A-Z]{2}\.)$")


_INITIALS_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
_CLAUSE_COMMA = re.compile(r",(?!\d)")
_LONG_INITIALLED = 80  # a heading this long ending in initials is no signature nor address


def ends_in_abbreviation(text: str) -> bool:
    """Does the text end in an abbreviation's stop (``U.S.``, ``Jr.``)? Only its end is searched."""
    return _ABBREVIATION_END.search(text, max(0, len(text) - 24)) is not None


def _is_heading(text: str) -> bool:
    if text[:1] in _HEADING_QUOTES and text[-1] in _HEADING_CLOSERS and _quoted_heading(text):
        return True
    if len(text) > _LONG_HEADING or text.endswith(",") or (': "' in text and text.count('"') % 2) or "://" in text:
        return False  # a quotation left open after a name: 'Orlo: "The tide' is a turn or a line the copy cut
    # a stop ends a heading only as initials' ("Demonization Of The U.S."): four words or more, every
    # one capitalised, and no comma in a short one (not a signature's "Orla Tamsin Jr.", an address's
    # "Port Vell, U.S.A."; a long heading may end "... Citizens In Port Vell, U.S.A.")
    abbreviated = _ends_sentence(bare := text.rstrip('"”’ '))
    # a heading asking or trailing off, every word capitalised: "What Became of the Harbour?", "A Good Start, But..."
    # (not a short name over what it asks: 'Interviewer: "Including The Captains?"' is a turn)
    open_end = abbreviated and bare.endswith(("?", "...", "…")) and len(text.partition(":")[0].split()) > 3
    comma = "," in bare and _CLAUSE_COMMA.search(bare) is not None and len(bare) < _LONG_INITIALLED  # not "100,000"
    if (
        abbreviated
        and not open_end
        and (bare[-1] != "." or comma or _INITIALS_END.search(bare, len(bare) - 12) is None)
    ):
        return False
    if text.startswith(("By ", "By:", "via ")):
        return False  # a digest item's byline; a blog's credit of the page it quotes, "via Title Of The Report"
    if text.startswith(layouts.SOURCE_WORDS) and _SOURCE_LABEL_AT.match(text):
        return False  # "Source: Harbour In The News": the outlet a story was taken from
    if text.lower() in layouts.SMALL_WORDS:
        return False  # "From" over "MEMRI:", a credit broken over two lines
    if text.startswith(LIST_MARKS) or text.endswith((" -", " |")):
        return False  # a list's item, "- Harbour TV Transcript"; a site's name that lost its page's title
    if text[0] in "—―" or text.startswith("--") or (text.startswith("– ") and text[-1].isdigit()):
        return False  # a signature: "—Orla Tamsin", "-- Orla"; a quotation's source after a dash
    if text.casefold() in layouts.CHROME_LINES or layouts.CHROME_PATTERNS.fullmatch(text):
        return False  # the page's: an embedded clip's label, "MEMRI TV", a view counter
    if _REF_OR_PAREN.search(text):
        return False
    words = _WORD.findall(text)
    if not words or len(words) > 30:
        return False
    if open_end:
        return len(words) >= _OPEN_HEADING_WORDS and _title_case(words, share=1.0)
    if abbreviated:
        return len(words) - bare.count(".") >= 3 and _title_case(words, share=1.0)  # the initials one word
    if len(text) > 120 or len(words) > 16:  # a long heading: every word capitalised, as the reports write them
        return _title_case(words, share=1.0)
    if _NUMBERED.match(text):
        return True
    return _title_case(words)


_OPEN_HEADING_WORDS = 4  # "Who Pays?" is a line of dialogue


def _headline_words(text: str) -> bool:
    """Words a headline writes, not a speaker: ten or more, nearly all capitalised (an old headline
    leaves some in lower case), without a stop. Outside a transcript, after a described name
    (``Harbour Poet Orlo Tamsin: We Will Sail ...``), they are the dispatch's headline left in a
    repost's body; a transcript's chants are said (``Crowd: Death To The Ferry Company, ...``)."""
    words = _WORD.findall(text)
    return len(words) >= _HEADLINE_WORDS and not _ends_headline(text) and _title_case(words, share=0.8)


def _ends_headline(text: str) -> bool:
    """Does a stop end the text, as it ends a sentence; not a quoted phrase's closing mark right after
    its last word, as a headline ends on one (``...: "The Tide Will Turn"``)?"""
    return _ends_sentence(text) and not (text[-1] in _CLOSING_QUOTES and text[-2:-1].isalpha())


_CLOSING_QUOTES = '"”»'


_HEADLINE_WORDS = 10


def every_word_capitalised(text: str) -> bool:
    """Is every word of ``text`` capitalised, the small words of title case aside?"""
    return _title_case(_WORD.findall(text), share=1.0)


def _title_case(words: list[str], share: float = 0.75) -> bool:
    """Three in four words (or the ``share`` given) capitalised, the small words of title case aside."""
    significant = [word for word in words if word.lower() not in layouts.SMALL_WORDS] or words
    capitalised = sum(1 for word in significant if not word[0].islower())  # scripts without case count
    return capitalised >= share * len(significant)


def _quoted_heading(text: str) -> bool:
    """A subheading written as a quotation, as the translated reports head their sections with a
    phrase of the text (``'The Tide Tables Are Wrong'``, ``« La marée viendra »``): wholly in
    quotes, one phrase opening with a capital, without a stop at its end (a sentence, or a phrase
    cut with "..."), a second sentence, quotations with words between them, or a note reference;
    past 16 words (30 in guillemets, as the mirrors head their sections with a whole sentence of
    the text), or ending in "?" or "!", in title case."""
    if len(text) > _LONG_HEADING or _REF_OR_PAREN.search(text):
        return False
    inner = text[1:-1].strip().rstrip("'’")
    quotations = _SINGLE_QUOTATIONS_IN if text[0] in "'‘" else _QUOTATIONS_IN
    if not inner or inner[0].islower() or inner.endswith(_PHRASE_ENDS) or quotations.search(inner):
        return False
    words = _WORD.findall(inner)
    if not 3 <= len(words) <= 30 or _SENTENCE_BREAK.search(inner):
        return False
    longest = _GUILLEMET_HEADING if text[0] == "«" else _QUOTED_HEADING
    return (len(words) <= longest and inner[-1] not in "?!") or _title_case(words)


_QUOTED_HEADING, _GUILLEMET_HEADING = 16, 30  # words of a quoted heading in sentence case


def _quoted_phrases_heading(text: str) -> bool:
    """Several phrases in quotes joined by semicolons, each one in title case, as the reports head
    a section with the lines it goes on to quote (``"The Nets Must Be Mended"; "This Storm Is For
    The Sake Of The Ferry Company"``)."""
    if len(text) > _QUOTED_PHRASES or _QUOTED_PHRASES_LINE.fullmatch(text) is None:
        return False
    phrases = _QUOTED_PHRASE.findall(text)
    return all(not _ends_sentence(phrase) and _title_case(_WORD.findall(phrase), share=1.0) for phrase in phrases)


_QUOTED_PHRASES = 600
_QUOTED_PHRASE = re.compile(r"[“\"]([^“”\"]{10,250})[”\"]")
_QUOTED_PHRASES_LINE = re.compile(r"[“\"][^“”\"]{10,250}[”\"](?:;\s*[“\"][^“”\"]{10,250}[”\"]){1,3}")


def _heading_level(text: str) -> int:
    match = re.match(r"(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s", text)
    return min(match[1].count(".") + 1, 3) if match else 1


def _is_speaker(name: str, *, described: bool = False) -> bool:
    """A name (``Abu Ali al-Masri``), perhaps with its stage direction (``Host (to the caller)``),
    or a role (``Second little girl``, ``Man in the crowd``): capitalised, short. In a transcript
    (``described``), also a name after who it is (``Harbour poet Orlo Tamsin``)."""
    if name[:1] == '"' and not described:
        return False  # outside a transcript, '"Harbour Watch": the magazine says ...' quotes a name
    if name[:1] in '“"':
        name = name[1:-1]  # a character's name in quotes, or in a transcript a nickname ('"Abu Orla":')
    if name.lower() in _VOICE_OVER:
        return True  # "Over voice:", a narrator heard over the pictures
    if name.endswith(("?", "!")):
        return False  # "What's Up Doc?: The show features ...": a caption's or a headline's question
    if name.endswith((")", "]")):
        name = _DIRECTION.sub("", name)  # "Orlo (talking to the crowd)": the name is before it
    if _YEAR.search(name):
        return False  # "Orlo Tamsin Channel 1, Vellonian TV January 27, 2005 Orlo": a clip's lines run together
    if name[:1].isdigit():
        name = _ORDINAL.sub("First ", name)  # "2nd boy" is a role as "First boy" is
    if name.rpartition(" ")[2] in layouts.SAYING:
        return False  # "Orlo Tamsin, President of the Harbour Guild said": a sentence handing over to the words
    if name.casefold() in layouts.NOT_TITLES:
        return False  # "Introducción:" over the section: its heading
    head, comma, post = name.partition(", ")
    if comma:  # "Orlo Tamsin, Director of the Harbour Network": a name, then who it is
        named = len(head.split()) >= 2 or len(post.split()) <= 4  # not "Meanwhile, The Minister Said"
        # a transcript may name the office in lower case: "Orlo Tamsin, host", "..., former head of ..."
        office = described and _office(post) and not _REPORTED.search(post)  # not "..., wrote on Twitter"
        if described and post.lower().startswith(_ON_AIR_FROM):
            return _is_speaker(head, described=True)  # "Zubeida, on the phone": a caller
        if described and head.lower().startswith(_ON_AIR_FROM):
            return _is_speaker(post, described=True)  # "By phone, Zubeida": the caller named after the line
        if described and _role_doing(head.split(), post):
            return True  # "Child host, wearing a scarf": a role and what it does as it speaks
        return named and len(post.split()) <= 12 and (post[:1].isupper() or office) and _is_speaker(head)
    head, since, where = name.partition(" from ")
    if since and _FROM_WHERE.fullmatch(where):  # "Orlo Tamsin from the Harbour Guild": a name, then where from
        return len(head.split()) >= 2 and head.split()[0].lower() not in layouts.ARTICLES and _is_speaker(head)
    words = name.split()
    joiners = sum(1 for word in words if word in _JOINING)  # "Anfitrión de programa de opinión Orlo Tamsin"
    if not 1 <= len(words) - joiners <= 6 or name.lower() in layouts.NOT_SPEAKERS or name in layouts.ITEM_LABELS:
        return False
    if words[0].lower() in layouts.NOT_SPEAKER_OPENERS:
        return False  # "NOTE IMPORTANTE: ...": a notice
    if len(words) == 1 and name.lower() in layouts.SAYING:
        return False  # "Powiedzą:", "Dije:": a verb of saying before the words said
    if all(_name_word(word) for word in words):
        return True
    if _role_label(words):
        return True
    return described and (_described_name(words) or _named_role(words))


_VOICE_OVER = frozenset(("over voice", "voice over", "voice-over", "voiceover", "off-screen voice", "voice off"))
# how a speaker who is not in the studio is on the air: "Orla Tamsin, on the phone:"
_ON_AIR_FROM = (
    "on the phone",
    "by phone",
    "by telephone",
    "on the telephone",
    "via satellite",
    "via video",
    "via skype",
)
_FROM_WHERE = re.compile(r"(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4}")  # "the Harbour Guild's Party"


def _role_label(words: list[str]) -> bool:
    """A role, as transcripts name unnamed speakers: ``First little girl``, ``Woman in the crowd``,
    ``Vellonian man on the street``."""
    return (
        1 <= len(words) <= 5
        and words[0][0].isupper()
        and words[0].lower() not in _PLACING_WORDS
        and _is_role(words)
        and not _described_thing(words)
    )


def _named_role(words: list[str]) -> bool:
    """In a transcript, a name or a description, then one word in lower case saying who speaks:
    ``Tamsin supporter``, ``Camp nurse`` (any role word, a misspelt one too); not a verb, a plural or
    a small word (``The host asked``), nor a cartoon's placing (``On screen``)."""
    last = words[-1]
    return (
        2 <= len(words) <= 4
        and all(_name_word(word) for word in words[:-1])
        and words[0].lower() not in _PLACING_WORDS
        and words[0].lower() not in _ADDRESSING
        and not _described_thing(words)
        and last.isalpha()
        and last.islower()
        and not _not_describing(last)
    )


# where a cartoon's caption places its words: "On screen: ...", "In the man's hand: ...", no speaker
_PLACING_WORDS = frozenset("on in at under above below behind over inside".split())


def _role_doing(words: list[str], post: str) -> bool:
    """A role (``Child host``) and a few words of what it does as it speaks (``wearing a scarf``)."""
    first = post.split(maxsplit=1)[0] if post else ""
    return (
        first.endswith("ing") and first.islower() and len(post.split()) <= 8 and "," not in post and _role_label(words)
    )


def _office(description: str) -> bool:
    """``host``, ``former president of the council``: a role of :data:`layouts.SPEAKER_ROLES` or an
    office of :data:`layouts.SPEAKER_OFFICES` first; or ``a young girl``, a role after an article."""
    words = description.lower().split()
    if words[:1] and words[0][:2] in _ELIDED_ARTICLES and len(words[0]) > 2:
        words = ["a", words[0][2:], *words[1:]]  # "Nassur, l'orsacchiotto": the article run into its word
    if words[:1] and words[0] in _ARTICLES and len(words) <= 4:  # "Host Saraa, a young girl": who they are
        # or what a show's character is, in lower case: "Nahoul, a giant bee", "Pinchy, le crabe"
        return words[-1].rstrip("s") in layouts.SPEAKER_ROLES or "".join(words).isalpha()
    if words[:1] and words[0] in _OFFICE_ADJECTIVES:
        words = words[1:]
    # the office may be its second word: "press secretary for the mufti", "deputy head of ..."
    return any(_office_word(word) for word in words[:2])


def _office_word(word: str) -> bool:
    office = word.partition("-")[0].rstrip("s")  # "secretary-general"
    return office in layouts.SPEAKER_ROLES or office in layouts.SPEAKER_OFFICES


# the indefinite and definite articles a show's character is named with, in the mirrors' languages too
_ARTICLES = frozenset("a an le la il lo un una uno el der die das ein eine".split())
_ELIDED_ARTICLES = ("l’", "l'")


_OFFICE_ADJECTIVES = frozenset("former senior retired acting deputy".split())


def _described_thing(words: list[str]) -> bool:
    """``The main character``, ``Each puppet``: a sentence's subject, not a speaker's label."""
    return words[0].lower() in _DETERMINERS and (len(words) >= 3 or words[0].lower() != "the")


_DETERMINERS = frozenset("the a an each every any this that these those no".split())


def _described_name(words: list[str]) -> bool:
    """A capitalised description, one or two words in lower case, then a name: ``Harbour poet Orlo
    Tamsin``, ``Giant crab Pinchy``; not a sentence's subject and verb (``The host asked Orlo``).
    A Spanish or French description joins its words with ``de`` (``Anfitrión de programa de
    opinión Orlo Tamsin``): three of them then."""
    lower = [index for index, word in enumerate(words) if not _name_word(word)]
    joined = all(words[index] in _JOINING for index in range(lower[0], lower[-1] + 1) if index not in lower)
    return (
        words[0].lower() not in _ADDRESSING
        and 0 < lower[0] <= 2
        and len(lower) <= (3 if joined and lower[-1] - lower[0] >= len(lower) else 2)
        and (lower[-1] - lower[0] == len(lower) - 1 or joined)  # the description's words stand together
        and lower[-1] < len(words) - 1
        and not any(_not_describing(words[index]) for index in lower)
    )


_JOINING = frozenset(("de", "du", "des"))  # "Anfitrión de programa de opinión", "Présentateur de télévision"


def _not_describing(word: str) -> bool:
    """A verb (``asked``, ``says``, ``told``) or a small word (``to``, ``the``): no description."""
    return word.endswith(("ed", "s")) or word in _SAYING or word in layouts.SMALL_WORDS


_SAYING = frozenset("say said tell told ask write wrote add reply you people evening morning night day all".split())
# how a speaker addresses others: "O people of Egypt:", "Dear brother Orlo:", "Good evening Vellonia:"
_ADDRESSING = frozenset("o oh dear thank good hello last my our".split())


def _name_word(word: str) -> bool:
    """A word of a name: capitalised (``'Ali`` too), a particle (``bin``, ``al-Masri``, ``ur-Tamsin``),
    or a number (``Man 1``)."""
    first = word.lstrip("'‘’")[:1]
    if first.isupper() or word.isdigit() or word.lower() in _NAME_PARTICLES:
        return True
    particle, hyphen, rest = word.partition("-")
    return bool(hyphen) and particle in _HYPHENED_PARTICLES and (rest[:1].isupper() or particle == "al")


# the particles an Arabic, Persian or Urdu name joins with a hyphen: "al-Masri", "Orla ur-Tamsin"
# (in Russian copies too: "Мансур аль-Хадж")
_HYPHENED_PARTICLES = frozenset(
    "al el ul ur ud ad ar as at an az ash bin ibn abu bint аль эль ат ад ар ан аш бин ибн абу".split()
)


def _is_role(words: list[str]) -> bool:
    """A role of :data:`layouts.SPEAKER_ROLES` (or an age, ``Three-year-old``) ends the name, or a
    number or a place follows it."""
    roles = [
        index
        for index, word in enumerate(words)
        if (lowered := word.lower()).rstrip("s") in layouts.SPEAKER_ROLES or lowered.endswith("-year-old")
    ]
    after = words[roles[-1] + 1 :] if roles else []  # "Man 1", "Man in the crowd"
    return bool(roles) and (not after or after[0].isdigit() or after[0].lower() in _AFTER_ROLE or _described(after))


def _described(after: list[str]) -> bool:
    """One word in lower case after a role, as the mirrors' languages put an adjective after its
    noun (``Kaznodzieja syryjski``, ``Prowadzący wywiad``); not a verb (``Man says``)."""
    word = after[0]
    return len(after) == 1 and word.islower() and not word.endswith(("s", "ed")) and word not in layouts.SAYING


# "Man in the crowd", "Boy playing the harbour master", and in the mirrors' languages "Człowiek z widowni"
_AFTER_ROLE = frozenset("in at from on playing z w ze na de du del des en aus im".split())


_OPENING_SENTENCES = 2  # sentences after a boundary's opening one ("The following are excerpts ...")
_LOST_COLON = 300  # a boundary whose colon the copy lost is one sentence


def opens_translation(text: str) -> bool:
    """``Following are excerpts from ...``: a translation boundary, even one that lost its colon;
    not ``Following the lecture, his translations ...`` nor a title, ``Following Excerpts Of ...``."""
    return text.startswith(_BOUNDARY_OPENERS) and _OPENS_EXCERPTS.match(text) is not None


# the mirrors' words opening a line that says what follows it: "Im Folgenden einige Auszüge ..."
_INTRODUCING_ABROAD = (
    "Im Folgenden",
    "Nachfolgend",
    "Ci-dessous",
    "A continuación",
    "Lo siguiente",
    "Poniżej",
    "Di seguito",
)
# a line introducing what follows it, in the mirrors' languages too
_INTRODUCING = re.compile(rf"(?:(?:The following|Following|Below) (?:is|are)|{'|'.join(_INTRODUCING_ABROAD)})\b")


def introduces_below(line: str) -> bool:
    """``The following is a sample of cartoons from the last months:``: a line introducing what
    follows it, whether or not it names a translation."""
    return line.endswith(":") and _INTRODUCING.match(line) is not None


# what such an opening introduces, said right away: "The following are excerpts", "Below is a translation"
_OPENS_EXCERPTS = re.compile(
    r"(?:The following|Following|Below) (?:is|are) (?:(?:an?|the|some|brief|partial|selected|further|more) )*"
    r"(?:excerpts?|translations?|(?:full |complete )?(?:texts?|transcripts?))\b"
)


def is_boundary(text: str) -> bool:
    """A line that introduces the translated text (``The following are excerpts from ...:``)."""
    return _boundary_note(text, (), _REF) is not False


def _boundary_note(text: str, content: tuple[m.Inline, ...], refs: re.Pattern[str]) -> int | bool | None:
    """False if the unit is no translation boundary; else the note its last sentence references."""
    # cheap tests first: a boundary ends in ':' (or in '.' after "Below is"/"(The) following are"),
    # note references aside; most paragraphs fail here and never meet the patterns
    end = text.rstrip(" 0123456789[]()")[-1:]
    if end == "." and text.endswith(":."):
        text, end = text[:-1], ":"  # a stray stop after the colon
    if end != ":" and (
        end != "." or not ("Below " in text or "ollowing " in text or text.startswith(_INTRODUCING_ABROAD))
    ):
        # "Following are excerpts from a lecture ..., which aired on May 2, 2008": the colon lost
        lost_colon = text[:1] in "FBT" and len(text) <= _LOST_COLON and text[-1:].isalnum() and opens_translation(text)
        return None if lost_colon else False
    sentences = list(_SENTENCE_END.finditer(text))
    start = sentences[-1].end() if sentences and sentences[-1].end() < len(text) else 0
    last = refs.sub("", text[start:]).rstrip()
    # "The following are excerpts from ... . The interview aired on ...:": the opening sentence says it
    opened = len(sentences) <= _OPENING_SENTENCES and _OPENS_EXCERPTS.match(text) is not None
    if not last.endswith((":", ".")) or not (opened or _BOUNDARY.search(last)):
        return False
    if last.endswith(".") and not (opened or _INTRODUCING.match(last)):
        return False
    numbers = [int(match[1] or match[2]) for match in refs.finditer(text, start)]
    if numbers and any(isinstance(item, m.NoteRef) and item.number == numbers[-1] for item in content):
        return numbers[-1]
    return None


def _unquote(content: tuple[m.Inline, ...]) -> tuple[m.Inline, ...] | None:
    """The content inside the outer quote marks, if the unit is wholly one quotation."""
    body = list(content)
    trailing: list[m.Inline] = []
    while body and isinstance(body[-1], m.NoteRef):
        trailing.insert(0, body.pop())
    if not body or not isinstance(body[0], m.Text) or not isinstance(body[-1], m.Text):
        return None
    first, last = body[0].text, body[-1].text
    if first[0] not in _OPEN_QUOTES or last[-1] not in _CLOSE_QUOTES or (len(body) == 1 and len(first) < 2):
        return None
    quotes = sum(item.text.count(q) for item in body if isinstance(item, m.Text) for q in '"“”')
    if quotes != 2:
        return None
    if len(body) == 1:
        body = [m.Text(text=first[1:-1])] if first[1:-1] else []
    else:
        head, tail = first[1:], last[:-1]
        body = [*([m.Text(text=head)] if head else []), *body[1:-1], *([m.Text(text=tail)] if tail else [])]
    if not body or _spaced(body[0], str.lstrip) or _spaced(body[-1], str.rstrip):  # `" a"`: not a quotation
        return None
    return tuple([*body, *trailing])


def _spaced(item: m.Inline, strip: Callable[[str], str]) -> bool:
    return isinstance(item, m.Text) and item.text != strip(item.text)


_ENGLISH_WORDS = frozenset("the of and that with which".split())


def _in_english(blocks: list[m.Block]) -> bool:
    """Text mostly in English: at least 3 in 100 of its first words are ``the``, ``of``, ``and``, ..."""
    text = " ".join(m.plain_text(block.content) for block in blocks[:20] if isinstance(block, m.Paragraph))
    return in_english(text)


def in_english(text: str) -> bool:
    """At least 3 in 100 of the text's first words are ``the``, ``of``, ``and``, ... (or it is too
    short to tell)."""
    words = text[:5000].lower().split()
    return len(words) < 20 or sum(1 for word in words if word in _ENGLISH_WORDS) * 100 >= 3 * len(words)


def sentence_case(text: str) -> bool:
    """Is the text a phrase in sentence case: of its words of four letters or more, the small words
    of title case and names' particles (``al-``, ``bin``) aside, four or more and more than half
    in lower case (``Egyptian cleric says the council will fall within the year``)? A word with a
    capital inside (``iHarbour``) is capitalised."""
    words = [
        word
        for word in _WORD.findall(text)
        if len(word) >= 4 and word.lower() not in _TITLE_SMALL_WORDS and not word.lower().startswith(_PARTICLES)
    ]
    lower = sum(1 for word in words if word.islower())
    return len(words) >= 4 and lower * 2 > len(words)


# words title case leaves in lower case beyond layouts.SMALL_WORDS, and names' particles
_TITLE_SMALL_WORDS = frozenset(
    "about above across after against along among around before behind below between beyond down during from "
    "into near onto over past since than that then through toward towards under until upon with within without".split()
)
_PARTICLES = ("al-", "el-", "ul-", "bin", "ibn", "abu", "van", "von", "der", "de-", "ben-")


def sentence_case_headings(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """In a text in another language than English, a short line in sentence case without final
    punctuation (``Wyniki wyborów do rady portu``), standing alone over a paragraph or a figure,
    is a section's heading: the mirrors write their headings so. Also returns the indices made
    headings."""
    lines = {
        index: text
        for index in range(len(blocks) - 1)
        if (text := _heads_section(blocks[index], blocks[index + 1]))
        and not (index and isinstance(above := blocks[index - 1], m.SpeakerTurn) and echoes(text, above))
    }
    if not lines or _in_english(blocks):  # the language is asked only where a line has the shape
        return blocks, []
    out = list(blocks)
    for index, text in lines.items():
        out[index] = m.Heading(text=text)
    return out, list(lines)


def numbered_pictures(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """A numbered picture's label opening a turn or a heading (``Cartoon No. 2: The man says
    ...``, ``Caricatura No. 6: ...``, or the label alone where the copy stops, ``Cartoon No``): the
    picture's caption, not a speaker's words nor a section's heading. Also returns the indices made
    figures."""
    out, made = list(blocks), []
    for index, block in enumerate(blocks):
        if (
            isinstance(block, m.SpeakerTurn)
            and block.speaker.startswith(layouts.NUMBERED_PICTURES)
            and _NUMBERED_PICTURE.fullmatch(block.speaker)
        ):
            caption = f"{block.speaker}: {m.plain_text(block.content)}"
        elif (
            isinstance(block, m.Heading)
            and block.text.startswith(layouts.NUMBERED_PICTURES)
            and (label := _NUMBERED_PICTURE.match(block.text)) is not None
        ):
            if label.end() < len(block.text) and block.text[label.end()] != ":":
                continue
            caption = block.text
        elif isinstance(block, m.Paragraph) and _quoted_picture_label(block):
            caption = m.plain_text(block.content)[1:].removesuffix('"').removesuffix("”")  # a blog quoting it
        else:
            continue
        out[index] = m.Figure(caption=caption)
        made.append(index)
    return out, made


_NUMBERED_PICTURE = re.compile(rf"(?:{'|'.join(layouts.NUMBERED_PICTURES)})s? (?:No|Nr|N[º°])\.?(?: ?\d{{1,3}})?")


def _quoted_picture_label(paragraph: m.Paragraph) -> bool:
    """Does the paragraph open on a quotation mark and a numbered picture's label and its colon
    (``"Cartoon No. 3: The caption reads ..."``)?"""
    first = paragraph.content[0] if paragraph.content else None
    if not isinstance(first, m.Text) or first.text[:1] not in _CLOSE_QUOTES + "“":
        return False
    label = _NUMBERED_PICTURE.match(first.text, 1) if first.text[1:].startswith(layouts.NUMBERED_PICTURES) else None
    return label is not None and first.text[label.end() : label.end() + 1] == ":"


def speaker_portraits(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """A speaker's name alone on its line right over a speaker's turn, the name of a turn of the
    text (``Orla Tamsin`` / ``Orla Tamsin: ...``), is the caption of the speaker's picture, the
    image lost; not a heading, nor a turn whose colon was lost (its words would follow it). Also
    returns the indices made figures."""
    speakers = {block.speaker for block in blocks if isinstance(block, m.SpeakerTurn)}
    if not speakers:
        return blocks, []
    out, made = list(blocks), []
    for index, (block, below) in enumerate(itertools.pairwise(blocks)):
        text = block.text if isinstance(block, m.Heading) else _plain_paragraph(block)
        if text in speakers and " " in text and isinstance(below, m.SpeakerTurn):
            out[index] = m.Figure(caption=text)
            made.append(index)
    return out, made


def lead_picture(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """What is left of the lead picture over the text's first paragraph: a name alone, the
    paragraph naming that person (``Orla Tamsin`` / ``Harbour master Orla Tamsin said ...``), the
    caption of a portrait (no section opens a text); or a few words all in lower case, the
    picture's alt text (``harbour ferry protest``). Also returns the index made a figure."""
    if len(blocks) < 2:
        return blocks, []
    below = _plain_paragraph(blocks[1]) or ""
    if len(below) < _LEAD_PARAGRAPH:
        return blocks, []
    if isinstance(blocks[0], m.Heading):
        name = blocks[0].text
        words = name.split()
        if (
            _PORTRAIT_WORDS[0] <= len(words) <= _PORTRAIT_WORDS[1]
            and words[-1] in below
            and all(_name_word(word) and word.replace("-", "").replace("'", "").isalpha() for word in words)
            and words[0].capitalize() not in layouts.SOURCE_WORDS  # "SOURCE MEMRI": the post's source
            and "MEMRI" not in words
        ):
            return [m.Figure(caption=name), *blocks[1:]], [0]
    alt = _plain_paragraph(blocks[0]) or ""
    if _ALT_WORDS[0] <= len(alt.split()) <= _ALT_WORDS[1] and alt.islower() and alt.replace(" ", "").isalpha():
        return [m.Figure(alt_text=alt), *blocks[1:]], [0]
    return blocks, []


_PORTRAIT_WORDS = (2, 4)  # the words of a name under a portrait: "Orla Tamsin", "Ayatollah Orla Al-Tamsin"
_ALT_WORDS = (2, 6)  # the words of a picture's alt text left alone by the copy: "harbour ferry protest"
_LEAD_PARAGRAPH = 80


def described_turns(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """Outside a transcript, a paragraph naming its speaker after who it is (``Child host Orla:
    Why?``) next to a speaker's turn is a turn too: a blog quoting a clip's lines without the
    sentence that says it aired. Also returns the indices made turns."""
    if not any(isinstance(block, m.SpeakerTurn) for block in blocks):
        return blocks, []
    out, made = list(blocks), []
    # a turn made may make its neighbour one: a sweep each way reaches every run of them
    for index in [*range(len(out)), *reversed(range(len(out)))]:
        text = _plain_paragraph(out[index])
        if text and _beside_turn(out, index) and (turn := _described_turn(text)) is not None:
            out[index] = turn
            made.append(index)
    return out, sorted(made)


def _beside_turn(blocks: list[m.Block], index: int) -> bool:
    """Is the block right above or below ``index`` a speaker's turn?"""
    return any(0 <= at < len(blocks) and isinstance(blocks[at], m.SpeakerTurn) for at in (index - 1, index + 1))


def _described_turn(text: str) -> m.SpeakerTurn | None:
    """The turn a paragraph of plain text is, its speaker named after who it is; None if it is no such turn."""
    match = turn_match(text, described=True, transcript=False)
    return None if match is None else m.SpeakerTurn(speaker=match["name"], content=(m.Text(text=match["rest"]),))


def quoted_section_headings(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """A line wholly in quotes whose words the section under it says (``« L'Holocauste (…) ne
    devrait pas faire partie de notre discours. »`` over the turn saying it): a heading quoting
    its section, as the translated reports head them. A quoted phrase without a stop is one too,
    when it is too long to be taken for a heading alone. Also returns the indices made headings."""
    made = {}
    for index in range(len(blocks) - 1):
        block = blocks[index]
        if isinstance(block, m.Quotation):
            if (inner := _phrase_quoted(block)) and _said_below(inner, blocks, index):
                made[index] = f"“{inner}”"  # a phrase too long to be taken for a heading alone
        elif (text := _plain_paragraph(block)) and text[0] in _HEADING_QUOTES and _quotes_below(text, blocks, index):
            made[index] = text
    if not made:
        return blocks, []
    out = list(blocks)
    for index, text in made.items():
        out[index] = m.Heading(text=text)
    return out, list(made)


def _quotes_below(text: str, blocks: list[m.Block], index: int) -> bool:
    """Is ``text``, opening on a quotation mark, wholly in quotes, its words said in the section
    under it? Without a stop inside its quotes, it must be a phrase too long for a line alone."""
    if not (12 <= len(text) <= _LONG_HEADING and text[-1] in _HEADING_CLOSERS):
        return False
    inner = text[1:-1].strip()
    stopped = inner.endswith((".", "!", "?"))
    return (stopped or len(inner.split()) >= _UNSTOPPED_HEADING) and _said_below(inner, blocks, index)


_UNSTOPPED_HEADING = 8  # a quoted phrase of this many words, its stop lost, heads a section


def _phrase_quoted(block: m.Quotation) -> str | None:
    """The words of a quotation of plain text without a stop, a phrase of thirty words at most."""
    if len(block.content) != 1 or not isinstance(block.content[0], m.Text):
        return None
    text = block.content[0].text
    return text if text[-1:].isalnum() and len(text.split()) <= 30 else None


_SECTION_BLOCKS = 4  # a quoted heading's words are said in the first few blocks of its section


def _said_below(inner: str, blocks: list[m.Block], index: int) -> bool:
    """Is every piece of ``inner`` (between its ellipses, without the translator's bracketed
    words) said in the first blocks of the section under it, word for word or nearly (a word
    translated otherwise)? The block right under it must be text."""
    section = []
    for below in blocks[index + 1 : index + 1 + _SECTION_BLOCKS]:
        if not isinstance(below, m.Paragraph | m.SpeakerTurn | m.Quotation):
            break
        section.append(_folded(m.plain_text(below.content)))
    said = " ".join(section)
    inner = _BRACKETED.sub(" ", inner)
    pieces = [piece for piece in (_folded(piece).strip(" .,;:!?¿¡") for piece in _ELLIPSIS.split(inner)) if piece]
    return (
        bool(said)
        and any(len(piece.split()) >= 3 for piece in pieces)
        and all(piece in said or _nearly_said(piece, said) for piece in pieces)
    )


_BRACKETED = re.compile(r"\s*\[[^\[\]]{1,60}\]")  # "[of reform]": the translator's words, not the speaker's


def _nearly_said(piece: str, said: str) -> bool:
    """Is a phrase of six words or more said with at most one word in seven translated otherwise,
    four of its words running as they stand?"""
    words = _WORDS.findall(piece)
    if len(words) < 6:
        return False
    spoken = _WORDS.findall(said)
    known = set(spoken)
    missing = sum(1 for word in words if word not in known)
    if missing * 7 > len(words):
        return False
    running = f" {' '.join(spoken)} "
    return any(f" {' '.join(words[start : start + 4])} " in running for start in range(len(words) - 3))


_WORDS = re.compile(r"\w+")


def _folded(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


_ELLIPSIS = re.compile(r"\s*(?:\(…\)|\(\.\.\.\)|\[…\]|\[\.\.\.\]|…|\.\.\.)\s*")


def echoes(line: str, turn: m.SpeakerTurn) -> bool:
    """Does a line say again what the turn above it said, quoted, or word for word the whole turn
    (``Crowd: Death to the ferry company`` / ``Death to the ferry company``)? A quoted heading
    quotes the section under it; a line repeating the words over it is a chant sung on."""
    words = line.strip(_HEADING_QUOTES + _HEADING_CLOSERS + " ")
    said = m.plain_text(turn.content)
    return len(words) >= 3 and (words in said if line[:1] in _HEADING_QUOTES else words == said.strip(" !."))


def _heads_section(block: m.Block, below: m.Block) -> str | None:
    """The text of a short line in sentence case over a paragraph or a figure; None for others.
    Also a name and what it says with no stop, over a paragraph (``Szef portu, Orlo Tamsin: Wielka
    fala przyjdzie zimą``), which outside a transcript heads the section on what they said."""
    if isinstance(block, m.SpeakerTurn):
        first = block.content[0] if len(block.content) == 1 else None
        said = first.text if isinstance(first, m.Text) and isinstance(below, m.Paragraph) else ""
        if not said or len(said) > _LONG_HEADING or len(said.split()) < 4:
            return None
        text, shape = f"{block.speaker}: {said}", said
    else:
        plain = _plain_paragraph(block)
        if plain is None or len(plain) > _LONG_HEADING:
            return None
        text = shape = plain
        if ": " in text:  # a subject, then what it says: "Ministerstwo portu: nowe nabrzeże ..." (not a speaker's name)
            head, _, said = text.partition(": ")
            shape = f"{head} {said}" if len(head.split()) >= 2 and not _is_speaker(head) else text
    if any(mark in shape for mark in _QUOTE_OPENERS):  # quoted: "Budowa łodzi trwa: „Warsztaty szyją żagle”"
        shape = shape.lstrip(_QUOTE_OPENERS).rstrip(_QUOTE_CLOSERS)  # "«La marea nos sorprendió" lost its closing mark
    asking = not isinstance(block, m.SpeakerTurn) and _asking_heading(shape)  # (an interviewer asks)
    shaped = _caption_shape(shape, heading=True) or _colon_headline(text) or asking
    if not shaped or text.endswith(_DASHES) or ". " in text or "://" in text:
        return None  # a link's label that lost its link ends in a dash; a caption may hold a stop; a link
    long_below = (
        isinstance(below, m.Paragraph | m.Quotation | m.SpeakerTurn) and len(m.plain_text(below.content)) >= 100
    )
    return text if isinstance(below, m.Figure) or long_below else None


def _asking_heading(text: str) -> bool:
    """A section's heading that asks, in sentence case (``Kto poprowadzi prace nad ustawą?``):
    one question of four words or more, nothing before it ending a sentence."""
    return (
        text.endswith("?")
        and text[:1].isupper()
        and _QUESTION_WORDS[0] <= len(text.split()) <= _QUESTION_WORDS[1]
        and not any(mark in text[:-1] for mark in ".!?;:")
    )


_QUESTION_WORDS = (4, 16)  # the words of a heading that asks


def _colon_headline(text: str) -> bool:
    """A digest item's long headline: a subject of two words or more, a colon, what it says, up to
    220 characters with no sentence's stop in it nor at its end (``Sermon sur la chaîne du port :
    les mouettes sont nos sœurs - La marée ne peut pas attendre``). Not a speaker's name over what
    they said, nor a sentence saying who speaks (``Le maire a déclaré : « … »``)."""
    head, colon, said = text.partition(": ")
    head = head.rstrip()
    if not colon or len(text) > _LONG_HEADING or not head[:1].isupper() or len(head.split()) < 2:
        return False
    if _is_speaker(head) or any(word in layouts.SAYING for word in head.split()):
        return False
    said = said.strip()
    end = said.rstrip(_QUOTE_CLOSERS + " ")
    sentence = end.endswith((*_TERMINAL, "…", "]", ")")) or _SENTENCE_BREAK.search(said) is not None
    return len(said.split()) >= 3 and not sentence


_DASHES = ("-", "–", "—")
_QUOTE_OPENERS = "„“«"
_QUOTE_CLOSERS = '”»"'


def _plain_paragraph(block: m.Block) -> str | None:
    """The text of a paragraph of plain text only (no reference, emphasis or link); None for others."""
    if isinstance(block, m.Paragraph) and len(block.content) == 1 and isinstance(block.content[0], m.Text):
        return block.content[0].text
    return None


def _sentence_caption(blocks: list[m.Block], index: int) -> bool:
    """A picture's caption that is a sentence without its stop, at the start of the text or of a
    section, over a paragraph or the next heading (``Umer Media's page was promptly deleted by
    Example.test``): a paragraph would end in a stop, a heading would not say it in lower case."""
    text = _plain_paragraph(blocks[index])
    below = blocks[index + 1]
    if text is None or not 30 <= len(text) <= _CAPTION_LENGTH or not text[0].isupper() or ":" in text:
        return False
    if not (isinstance(below, m.Heading) or _over_paragraph(below)) or _among_descriptions(blocks, index):
        return False
    if _ends_sentence(text) or text.endswith((",", *_DASHES)) or text.startswith(_BOUNDARY_OPENERS):
        return False
    if text.count(",") > 2 or " - " in text or " – " in text or text[-1] in "\"”'’":
        return False  # a deck listing ("in its halls, on its boats, in its songs"), lines run together, a quotation
    words = _WORD.findall(text)
    lower = [word for word in words if word[0].islower() and word.lower() not in layouts.SMALL_WORDS]
    return (
        7 <= len(words) <= 25
        and len(lower) >= 3
        and words[0] not in _SENTENCE_OPENERS
        and words[0] not in _ASKING_WORDS
        and not _TOLD.search(text)  # "Orla Tamsin asked the harbour master about ...": an interview's intro
        and any(word[0].isupper() for word in words[1:])  # it names who or what the picture shows
        and words[-1].lower() not in layouts.SMALL_WORDS
        and not _SEE_WORD.search(text)
        and not _title_case(words)
    )


# a writer's verb in the past: what someone told ("says" stays: "Example TV channel says ..." captions a screenshot)
_TOLD = re.compile(rf"\b(?:{_WRITERS_VERBS}|asked)\b")
# words that open a section's heading or a pointer, never a picture's caption: "How the guild lost the pier"
_ASKING_WORDS = frozenset("How What Why Who When Where Which Watch Read Click View Listen".split())


def _among_descriptions(blocks: list[m.Block], index: int) -> bool:
    """Is the line at ``index`` one of a run of three or more short lines that end no sentence
    (``Footage of the reporter entering the house``, ``Footage of the mayor talking``)? What a clip
    shows, told line by line; two captions may stand in a row. (The last line may be a paragraph
    the copy cut.)"""

    def short(near: int) -> bool:
        text = _plain_paragraph(blocks[near]) if 0 <= near < len(blocks) - 1 else None
        return text is not None and len(text) <= _CAPTION_LENGTH and not _ends_sentence(text)

    return any(short(index + first) and short(index + first + 1) for first in (-2, 1)) or (
        short(index - 1) and short(index + 1)
    )


def _among_verse(above: m.Block, below: m.Block) -> bool:
    """Do the blocks around a line make it a poem's line (a short line ending no sentence on one
    side, no long paragraph on the other), not a picture's caption?"""
    return (_verse(above) and not _over_paragraph(below)) or (_verse(below) and not _over_paragraph(above))


def _verse(block: m.Block) -> bool:
    """A poem's line: a short paragraph that ends no sentence with a stop (``To sacrifice for your
    eyes…``, ``At the time when our leaders escape death``)."""
    if not isinstance(block, m.Paragraph):
        return False
    text = m.plain_text(block.content).rstrip("\"”’'")
    return len(text) < 100 and not text.endswith((".", "!", "?"))


def _over_paragraph(block: m.Block) -> bool:
    return isinstance(block, m.Paragraph) and len(m.plain_text(block.content)) >= 100


def _standfirst(block: m.Block) -> bool:
    """Is the body's first block too long for a lead picture's caption: a news page's standfirst
    (``For 2nd time in 3 weeks, the guild's hall in trouble for ...``)?"""
    text = _plain_paragraph(block)
    return text is not None and len(text.split()) > _LEAD_CAPTION_WORDS


_LEAD_CAPTION_WORDS = 12  # a lead picture's caption is short; a standfirst says more


def bare_captions(blocks: list[m.Block], *, cut: bool, standfirst: bool = False) -> tuple[list[m.Block], list[int]]:
    """Captions the copy left without their images or credits, made figures.

    - A short line in sentence case without final punctuation, standing alone between two blocks
      of text (``Banner promoting the channel``), is an image's caption: a heading would be in
      title case, a sentence would end in a stop. In English only: other languages write their
      headings in sentence case.
    - The first block is no caption where it is the title's ``standfirst`` (its subtitle), or
      longer than a lead picture's caption.
    - Where the copy is ``cut`` after a cartoon's figure (credited ``Outlet (Country), Date``), the
      headings that end it are the next cartoon's caption and, if short, the start of its credit.

    Also returns the indices (in ``blocks``) of the blocks made figures.
    """
    out = list(blocks)
    made: list[int] = []
    english: bool | None = None  # other languages write headings in sentence case: asked once, if needed
    for index in range(len(out) - 1):
        block = out[index]
        if index == 0 and (standfirst or _standfirst(block)):
            continue
        if index == 0 or isinstance(out[index - 1], m.Heading):
            # under a heading or first, a caption that is a sentence: "Orla Tamsin's page was deleted by Example.test"
            if _sentence_caption(out, index) and (english := _in_english(blocks) if english is None else english):
                out[index] = m.Figure(caption=_plain_paragraph(block) or "")
                made.append(index)
                continue
            if index:
                continue
        if index == 0 and not _over_paragraph(out[1]):
            continue  # the body's first line is a picture's caption only over the text (the lead picture's)
        if index and isinstance(out[index - 1], m.SpeakerTurn):
            continue  # after a speaker's turn: what the screen shows ("The host restrains him"), not a picture
        text = block.text if isinstance(block, m.Heading) else _plain_paragraph(block)
        if (
            text is not None
            and len(text) <= _CAPTION_LENGTH  # (most paragraphs are longer: asked once)
            and (_caption_shape(text) or _picture_phrase(text) or _name_and_description(text))
            and not two_sentences(text)  # "Transcript below the fold. Example TV": sentences
            and not (index and _among_verse(out[index - 1], out[index + 1]))
            and not _among_descriptions(out, index)
            and (english := _in_english(blocks) if english is None else english)
        ):
            out[index] = m.Figure(caption=text)
            made.append(index)
    if cut:
        run = 0
        while run < len(out) and isinstance(out[len(out) - 1 - run], m.Heading):
            run += 1
        before = out[len(out) - 1 - run] if run < len(out) else None
        if run and isinstance(before, m.Figure) and before.credit and credit_line(before.credit):
            last = out[-1]
            assert isinstance(last, m.Heading)
            if run >= 2 and len(last.text) <= 40:
                caption = out[-2]
                assert isinstance(caption, m.Heading)
                out[-2:] = [m.Figure(caption=caption.text, credit=last.text)]
                made.append(len(blocks) - 2)
            else:
                out[-1] = m.Figure(caption=last.text)
                made.append(len(blocks) - 1)
    return out, made


_CUT_CAPTION = 120  # the start of a caption the copy cut: a longer line is a paragraph's
_CREDITED_CAPTION = 300  # a whole caption over the start of its credit


def cut_caption(blocks: list[m.Block]) -> tuple[m.Figure, int] | None:
    """The next cartoon where a cut copy stops inside it, in a list of credited cartoons, and how
    many blocks at the end it takes; None elsewhere. Its caption is a short paragraph cut
    mid-sentence or mid-quote (``Uncle Sam s``, ``Cartoon No. 11: The figure on the le``), or any
    short caption over the start of its credit the copy cut (``Source``, ``Cartoonist:``,
    ``Outlet (Country), 2``); with the picture's parts named above it (``The cartoon says:`` /
    ``On the bear: «Putin»``), right under a credited figure, or under a group's heading below
    one, that ends a run of two or more."""
    if len(blocks) < 3:
        return None
    credit = _single_text(blocks[-1])
    cut_credit = credit is not None and _CUT_CREDIT.fullmatch(credit) is not None
    end = len(blocks) - cut_credit
    while end > 2 and _single_text(blocks[end - 1]) in _TABLE_RESIDUE:
        end -= 1  # a table's cell border, "|", left between a caption and its credit
    bare = blocks[end - 1]
    if cut_credit and isinstance(bare, m.Figure) and not bare.credit and _ends_cartoon_list(blocks[: end - 1]):
        return attrs.evolve(bare, credit=_kept_credit(credit)), len(blocks) - end + 1  # a bare caption made a figure
    last = blocks[end - 1]
    text = _single_text(last) if not isinstance(last, m.Heading) else None
    if text is not None and not cut_credit and (label := _CUT_ARTIST_LABEL.search(text)) is not None:
        text, credit, cut_credit = text[: label.start()], label[0].strip(), True  # "… «Orden de arresto Caricaturista:"
    if text is None or len(text) > (_CREDITED_CAPTION if cut_credit else _CUT_CAPTION):
        return None
    if not (cut_credit or _unfinished(text) or picture_part(last) is not None):  # (or the copy stops after a part)
        return None
    parts = [text]
    while len(parts) < end - 1 and (part := picture_part(blocks[end - len(parts) - 1])) is not None:
        parts.insert(0, part)
    taken = len(blocks) - end + len(parts)
    above = blocks[:-taken]
    above = above[:-1] if isinstance(above[-1], m.Heading) else above  # "Qatar Funds Terror" / "Qatar st"
    if not _ends_cartoon_list(above):
        return None
    return m.Figure(caption=" ".join(parts), credit=_kept_credit(credit) if cut_credit else None), taken


def _kept_credit(credit: str | None) -> str | None:
    """What a cut credit says beyond its label (``Source: Outlet (Country), 2`` keeps the outlet)."""
    if not credit or _CREDIT_LABEL_ONLY.fullmatch(credit):
        return None
    return _SOURCE_PREFIX.sub("", credit)


_SOURCE_PREFIX = re.compile(rf"^{layouts.SOURCE_LABEL}\s?")


def speaking_cartoons(blocks: list[m.Block], places: list[int]) -> tuple[list[m.Block], list[int], list[int]]:
    """In a report on cartoons, a caption in which a figure speaks (``Orla: "Stop it!"``, ``The
    mayor: "…"``) over an outlet and a full date on the very next line (``Harbour Daily, May 9,
    2004``): a cartoon credited without its country. Returns the blocks, their first lines, and
    the indices made figures."""
    out: list[m.Block] = []
    lines: list[int] = []
    made: list[int] = []
    for block, line in zip(blocks, places, strict=True):
        said = _single_text(out[-1]) if out and not isinstance(out[-1], m.Heading) else None
        text = _single_text(block)
        if said and text and line == lines[-1] + 1 and _speaks(said) and _outlet_and_date(text):
            out[-1] = m.Figure(caption=said, credit=text)
            made.append(len(out) - 1)
            continue
        out.append(block)
        lines.append(line)
    return out, lines, made


def _speaks(text: str) -> bool:
    """``Orla: "Stop it!"``: a short caption, who speaks and their words in quotes."""
    return len(text) <= _CAPTION_LENGTH and _SPEAKING.search(text) is not None


_SPEAKING = re.compile(r"^[^:\"“«]{2,60}: [\"“«]")
# a cartoon's credit that names its outlet without the country: "Harbour Daily, May 9, 2004"
_OUTLET_AND_DATE = re.compile(rf"(?:[A-Z][\w'’.-]*[ -]){{0,3}}[A-Z][\w'’.-]*, {h.DATE}\.?")


def _outlet_and_date(text: str) -> bool:
    return len(text) <= _OUTLET_DATE_LINE and text[-4:].isdigit() and _OUTLET_AND_DATE.fullmatch(text) is not None


_OUTLET_DATE_LINE = 80


def _ends_cartoon_list(blocks: list[m.Block]) -> bool:
    """Do the blocks end in two credited figures with nothing but headings and short lines (a
    caption's pieces) between them, or a cartoon's title in quotes? A paragraph between them is a
    report's prose."""
    if not blocks or not (isinstance(blocks[-1], m.Figure) and blocks[-1].credit):
        return False
    for block in reversed(blocks[:-1]):
        if isinstance(block, m.Figure) and block.credit:
            return True
        if isinstance(block, m.Quotation):
            continue  # '"Thousands of sites propagate ..."' over the cartoon it names
        text = _single_text(block)
        if text is None or len(text) > _CUT_CAPTION:
            return False
    return False


def _unfinished(text: str) -> bool:
    """A caption the copy cut: no final stop, or a quotation left open (``… and "policy changes.``)."""
    return not _ends_sentence(text) or text.count('"') % 2 == 1 or text.count("“") > text.count("”")


_TABLE_RESIDUE = frozenset({"|", "||", "| |"})
_LABEL_WORDS = "|".join(sorted({*layouts.SOURCE_WORDS, *(label.capitalize() for label in layouts.ARTIST_LABELS)}))
# the start of a cartoon's credit where the copy stops: its label alone, or its outlet and the start of its date
_CREDIT_LABEL_ONLY = re.compile(rf"(?:{_LABEL_WORDS})s?\s?:?")
_CUT_CREDIT = re.compile(
    rf"{_CREDIT_LABEL_ONLY.pattern}"
    rf"|(?:{layouts.SOURCE_LABEL}\s?)?[^\s,():]+(?: [^\s,():]+){{0,4}} \([^()]{{2,60}}\),? ?\w{{0,12}}"
    rf"|{layouts.SOURCE_LABEL}\s?[^\s,():]{{1,20}}"  # "Fuente: Al-"
    rf"|{layouts.SOURCE_LABEL}\s?[^\s,():]+(?: [^\s,():]+){{0,4}} \([^()]{{1,60}}"  # "Fuentes: Al-Dustour (Jordania"
)
_CUT_ARTIST_LABEL = re.compile(rf"\s(?:{'|'.join(label.capitalize() for label in layouts.ARTIST_LABELS)}):$")


# a cartoon's artist and country closing its line: "Special mention: Orlo Tamsin (Vellonia)"
_ARTIST = re.compile(r"(?:^|(?<=\s))(?P<credit>(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]* \([A-Z][\w .'’-]{1,40}\))$")


# a picture's credit that is its artist or outlet and a date, the outlet lost with its link:
# "Orla Tamsin,, August 3, 2016."
_NAME_AND_DATE = re.compile(rf"[^\W\d][^,():;]{{1,60}},{{1,2}} {h.DATE}\.?")


def picture_credit(text: str, above: m.Block | None) -> m.Figure | None:
    """Under a heading that names a picture (``Cartoon Of The Week``), a line that is a name and a
    date: the picture's credit, the picture lost; None elsewhere."""
    if not isinstance(above, m.Heading) or len(text) > 90 or not _picture_heading(above.text):
        return None
    return m.Figure(credit=text.rstrip(".").replace(",,", ",")) if _NAME_AND_DATE.fullmatch(text) else None


def _picture_heading(text: str) -> bool:
    """A heading that opens on what a picture is (``Cartoon Of The Week``, ``Photo Of The Day``);
    not a headline that mentions one (``Guild Posts Image Of The Mayor``)."""
    return len(text.split()) <= 4 and _PICTURE_HEADING.match(text) is not None


# a picture's word, perhaps with an ending ("Cartoons", "Zdjęcia"), not a longer word ("Photographer")
_PICTURE_HEADING = re.compile(rf"(?:{'|'.join(layouts.PICTURE_WORDS)})\w{{0,2}}\b", re.IGNORECASE)


def names_picture(text: str) -> bool:
    """Does a caption's start say it is a picture's (``Cartoon No. 1:``, ``Photo: ...``)?"""
    start = text[:40].lower()
    return any(word in start for word in layouts.PICTURE_WORDS)


def about_cartoons(title: str, blocks: list[m.Block]) -> bool:
    """Does the title, or a line introducing the translated text (a boundary, or among the first
    blocks a paragraph ending in a colon, a mirror's ``Lo siguiente son ejemplos de estas
    caricaturas:``, or opening on ``The following``), speak of cartoons?"""
    boundaries = (m.plain_text(block.content) for block in blocks if isinstance(block, m.TranslationBoundary))
    introductions = (
        text
        for block in blocks[:_INTRODUCTION_REACH]
        if (text := _plain_paragraph(block)) and (text[-1] == ":" or text.startswith(_BOUNDARY_OPENERS))
    )
    said = " ".join((title, *boundaries, *introductions)).lower()
    return any(word in said for word in layouts.CARTOON_WORDS)


_INTRODUCTION_REACH = 5  # blocks at the top where a line introduces what follows


def artist_credits(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """In a report on cartoons, a short line ending in an artist and a country (``Orlo Tamsin
    (Vellonia)``, ``First prize: "The Tide" by Orlo Tamsin (Vellonia)``) is a cartoon whose
    picture the copy lost: its credit, and the words before it its caption. Also returns the
    indices of the blocks made figures."""
    out = list(blocks)
    made: list[int] = []
    for index, block in enumerate(blocks):
        text = _single_text(block)
        match = _ARTIST.search(text) if text is not None and len(text) <= 250 and text.endswith(")") else None
        if text is None or match is None:
            continue
        caption = text[: match.start()].strip().removesuffix(" by").strip(" ;,:")
        out[index] = m.Figure(caption=caption, credit=match["credit"])
        made.append(index)
    return out, made


# a cartoon's dated credit closing its line: "(Example Tide, London, December 30, 2018)", "(, February 9, 2019)"
_CARTOON_CREDIT = re.compile(rf"\s*{_BRACKETED_DATED_CREDIT}$")


def dated_cartoons(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """In a report on cartoons, a line ending in a dated credit in brackets is a cartoon, though its
    caption quote the cartoon's words or hold sentences (``Across top: "..." (Outlet, Date)``).
    Also returns the indices of the blocks made figures."""
    out = list(blocks)
    made: list[int] = []
    for index, block in enumerate(blocks):
        text = _plain_paragraph(block)
        match = _CARTOON_CREDIT.search(text) if text is not None and len(text) <= 300 and text[-1] == ")" else None
        if text is None or match is None or not match.start() or not _drawing(text[: match.start()], match["credit"]):
            continue
        out[index] = m.Figure(caption=text[: match.start()], credit=match["credit"].lstrip(", "))
        made.append(index)
    return out, made


# a cartoon's date after its caption, the outlet's name lost with its link: "Caption, June 20, 2011"
_GLUED_DATE = re.compile(rf",\s*(?P<date>{h.DATE})$")


def outletless_cartoons(blocks: list[m.Block]) -> tuple[list[m.Block], list[int]]:
    """In a report on cartoons, a heading in title case ending in a date after a comma is a cartoon
    whose outlet was lost with its link (``Assad in "Dialogue" with Himself, June 20, 2011``): the
    date its credit. Not a section's numbered heading, a label's line (``Source: ...``) nor a
    dateline (``Port Vell, June 20, 2011``). Also returns the indices of the blocks made figures."""
    out = list(blocks)
    made: list[int] = []
    for index, block in enumerate(blocks):
        text = block.text if isinstance(block, m.Heading) else None
        match = _GLUED_DATE.search(text) if text is not None and len(text) <= _ONE_CAPTION else None
        if text is None or match is None:
            continue
        caption = text[: match.start()]
        words = _WORD.findall(caption)
        if len(words) < 3 or ": " in caption or _NUMBERED.match(caption) or not _title_case(words):
            continue  # a sentence ("The exhibition opened in Port Vell on Monday, June 20, 2011"), a section
        if not _drawing(caption, ""):
            continue
        out[index] = m.Figure(caption=caption, credit=match["date"])
        made.append(index)
    return out, made


def _drawing(caption: str, credit: str) -> bool:
    """A drawing's description before its credit: not a quotation cited (``"We will not go."
    (Outlet, Date)``), a writer's words, a report cited nor a see-also; a phrase quoting words at
    both ends is a drawing's (``"Harbour council" sinks "the ferry"``), and so is one wholly
    quoted, the cartoon's own words (``"The mayor's road to peace!!"``), unless its last
    quotation ends a sentence."""
    end = caption.rstrip()
    closing = end[-2:-1]
    sentence = closing in ".,…" or (closing in "!?" and not _wholly_quoted(end))
    quoted = end[:1] in _OPEN_QUOTES and end[-1:] in _CLOSE_QUOTES and sentence
    return not (
        quoted
        or _WRITERS.search(caption)
        or _SEE_WORD.match(credit)
        or h.match_header(credit.partition(",")[0]) is not None
    )


def _wholly_quoted(text: str) -> bool:
    """Is the text one quotation, its only quotation marks at its two ends?"""
    return sum(text.count(mark) for mark in '"“”') == 2


def artist_named(text: str) -> str | None:
    """The artist a line next to a cartoon's credit names (``Cartoonist: Orlo Sample``,
    ``Caricaturista: Orla Tamsin``): a label of :data:`layouts.ARTIST_LABELS` and a name;
    None for any other line (``Artist: When I was a boy, ...`` is a speaker's turn)."""
    label, colon, name = text.partition(":")
    name = name.strip()
    if colon and label.strip().lower() in layouts.ARTIST_LABELS and _ARTIST_NAME.fullmatch(name):
        return name
    return None


def artist_of(block: m.Block) -> str | None:
    """The artist a block names, a line of its own (a heading, a paragraph or a turn)."""
    text = _single_text(block)
    return artist_named(text) if text is not None else None


# a name of one to five words, each capitalised or a name's particle ("Orlo Sample", "Orla al-Tamsin"),
# perhaps opening on a quote mark (an ayn)
_ARTIST_NAME = re.compile(r"[‘'’]?[A-Z][\w'’.-]*(?: (?:[‘'’]?[A-Z][\w'’.-]*|al|bin|ibn|de|del|el|van|von|der)){0,4}")


def caption_of(block: m.Block) -> str | None:
    """The text a block gives a cartoon as its caption, over the cartoon's artist and credit: a
    heading's or a plain paragraph's, a picture's part named (``Top: ...``); short."""
    text = _single_text(block)
    if text is None or len(text) > PICTURE_CAPTION or text.endswith(":") or two_sentences(text):
        return None  # "The following cartoon appeared in ...:" introduces it
    return text


PICTURE_CAPTION = 300  # characters a picture's caption holds at most


def picture_part(block: m.Block) -> str | None:
    """The text of a line naming a part of a picture and what is written on it (``On the bear:
    «Putin»``, ``Left: "The council"``): short, a label of a few words and a colon, no sentence's
    end; None for other blocks."""
    text = _single_text(block)
    if text is None or len(text) > _PICTURE_PART:
        return None
    if text.rstrip('"”’»').endswith((".", "!", "?")) and not _QUOTED_PART.match(text):
        return None  # (the words written on a part end as they may: 'On left: "Exit."')
    label = text[:-1] if text.endswith(":") else text.partition(": ")[0]  # "The cartoon says:" over its parts
    return text if label != text and len(label) <= _PART_LABEL else None


_PICTURE_PART = 120
_QUOTED_PART = re.compile(r"On [\w' -]{1,30}: [\"“«]")
_PART_LABEL = 40


def _single_text(block: m.Block) -> str | None:
    """The text of a heading, or of a paragraph or a turn (``Top: ...``, a picture's part named) of plain text only."""
    if isinstance(block, m.Heading):
        return block.text
    if isinstance(block, m.SpeakerTurn) and len(block.content) == 1 and isinstance(block.content[0], m.Text):
        return f"{block.speaker}: {block.content[0].text}"
    return _plain_paragraph(block)


def _picture_phrase(text: str) -> bool:
    """A short phrase naming, in sentence case, what the picture it captions is: its last word a
    picture's (``Orla Tamsin's tweet``, ``The tweeted poster.``, ``The magazine's cover``)."""
    if len(text) > _PICTURE_PHRASE:
        return False
    bare = text.removesuffix(".")
    words = bare.split()
    return (
        2 <= len(words) <= _PICTURE_PHRASE_WORDS
        and words[-1] in _PICTURE_NOUNS
        and words[0] not in _SENTENCE_OPENERS
        and not any(mark in bare for mark in _PHRASE_BREAKS)
    )


_PICTURE_PHRASE, _PICTURE_PHRASE_WORDS = 60, 6
_PICTURE_NOUNS = frozenset(
    "tweet tweets poster posters cover image images photo photos photograph picture pictures screenshot screenshots"
    " banner logo map chart graph leaflet flyer billboard cartoon cartoons caricature graffiti mural".split()
)
_PHRASE_BREAKS = '.,:;!?"“”«»'


def _name_and_description(text: str) -> bool:
    """A caption naming someone, then saying who they are and where they stand, in lower case
    (``Orla Tamsin, Vellonian politician who spoke at the event, in Tide Magazine``): no heading's
    title case, no sentence's stop."""
    match = _NAME_THEN_DESCRIPTION.match(text) if len(text) <= _CAPTION_LENGTH else None
    if match is None or _ends_sentence(text):
        return False
    described = _WORD.findall(text[match.end() :])
    return len(described) >= 3 and sum(1 for word in described[:4] if word[0].islower()) >= 2


# a name of two to four capitalised words, then a comma
_NAME_THEN_DESCRIPTION = re.compile(r"[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|al-\w+|bin|ibn)){1,3}, ")

# words that open a sentence, never a picture's noun phrase: pronouns and conjunctions
_SENTENCE_OPENERS = frozenset("I He She It We They You And But So Here There".split())
_CALLS_TO_ACT = frozenset("Share Join Subscribe Follow Click Sign Watch Read Donate Support".split())
_BOUNDARY_OPENERS = ("Following ", "The following ", "Below ")
_YEAR = re.compile(r"\b\d{4}\b")
_TRAILING_ASIDE = re.compile(r"\s*\([^()]{1,80}\)$")


_QUOTE_MARKS = ('"', *_QUOTE_OPENERS)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|«[^«»]*»|„[^„“”]*[“”]")


_CAPTION_LENGTH = 150  # characters a bare caption or a sentence-case heading holds at most


_PARTICIPLES = frozenset("found shown seen taken held made given written drawn worn built hung set".split())
_TIME_AGO = re.compile(r"\d\s*(?:second|minute|hour|day|week|month|year)s? ago$")


def _caption_shape(text: str, *, heading: bool = False) -> bool:
    """A noun phrase in sentence case: capitalised, its second word not (``Banner promoting the
    channel``, ``The post on the channel``), no stop at its end (an aside in brackets aside). A
    mirror's ``heading`` in that shape need not say what a picture shows."""
    if heading:
        text = text.lstrip("¿¡")  # a Spanish heading may open on a question: "¿Quién responde? - ..."
    if not 12 <= len(text) <= _CAPTION_LENGTH or ":" in text or not text[0].isupper():
        return False
    bare = _TRAILING_ASIDE.sub("", text) if text.endswith(")") else text
    if _ends_sentence(bare) or bare.endswith(","):
        return False
    if bare != text and _YEAR.search(text, len(bare)):
        return False  # a sentence citing its source and date: "The columnist accused ... (Outlet, May 3, 2016)"
    words = _WORD.findall(bare)
    quoted = any(mark in bare for mark in _QUOTE_MARKS)
    unquoted = (_WORD.findall(_QUOTED.sub(" ", bare)) if quoted else words) or words
    if words and (words[0] in _SENTENCE_OPENERS or words[0] in _CALLS_TO_ACT):
        # "He blows a trumpet", "And there's a transcript": sentences, not a picture's noun phrase; nor
        # "Share if you think ...", "Join our official channel": a page's calls to its readers
        return False
    if bare.startswith(_BOUNDARY_OPENERS):
        return False  # "Following are excerpts": a translation boundary that lost its colon
    if bare.endswith(" ago") and _TIME_AGO.search(bare):
        return False  # "Harbour Daily5 days ago": an aggregator's source and when it posted
    if _SEE_WORD.search(bare):
        return False  # "For more, see the guild's report": a pointer to more, its link lost
    if words and words[-1].lower() in layouts.SMALL_WORDS:
        return False  # "To subscribe to the list, go to": a sentence whose link the copy lost
    if not 3 <= len(words) <= 20:
        return False
    # (a mirror's heading may go on with a small word: "Antecedentes a la presidencia")
    # the second word is read outside a name quoted in the phrase: "La « Ligne rouge » d'Obama plutôt floue"
    second = unquoted[1] if len(unquoted) > 1 else words[1]
    if not (second[0].islower() and (heading or second.lower() not in layouts.SMALL_WORDS)):
        # a caption naming its subject first ("The Orlo Guild's post greeting the fishermen"): one
        # long phrase, with more words in lower case than a heading leaves, saying what the picture
        # shows with a participle ("... seal found in the ruins"); not a sentence of what the screen
        # shows ("Orlo Tamsin jumps up and grabs a chair, about to throw it"), nor a heading naming
        # its subject ("The Council's response to the demands")
        lower = [word for word in words[2:] if word[0].islower() and word.lower() not in layouts.SMALL_WORDS]
        one_phrase = "," not in bare and " and " not in bare
        shows = any(word.endswith(("ing", "ed")) or word in _PARTICIPLES for word in lower[:2])
        # (a mirror's heading may name someone second: "Przemówienie Tamsina z 13 października - analiza")
        long_enough = len(words) >= (5 if heading else 8)
        return one_phrase and (shows or heading) and long_enough and len(lower) >= 3 and not _title_case(words)
    # "Vellonia is Leading Demographic Change in the Harbour" is a heading in title case, only a short verb
    # in lower case; a caption names people after its verb ("Poster depicting Guild Leader Orla
    # Tamsin"), and a name quoted in it is its own ("The post on the "Harbour Guild" channel")
    lower = [word for word in unquoted if word[0].islower() and word.lower() not in layouts.SMALL_WORDS]
    return not (_title_case(unquoted) and all(len(word) <= 3 for word in lower))
