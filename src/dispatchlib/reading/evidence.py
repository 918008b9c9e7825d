"""Is this text a dispatch? Decided from positive evidence, and said either way when there is no header.

Lenient reading never refuses prose: people copy a report from its headline or its first
paragraph down, and asked for a book of *that* text. What it refuses is text with nothing to
read (empty, binary, or prose-free: a list of links, a menu). Strict reading and ``check
--strict`` still refuse what nothing shows to be a dispatch, through a warning-level finding.
"""

from __future__ import annotations

import re
from typing import Protocol

from attrs import frozen

from .. import model as m
from . import header as h
from .start import START_WORDS, Start

# a word of running text: letters (any script), with inner apostrophes or hyphens
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
PROSE_WORDS = 8  # a sentence of running text holds at least this many words...
PROSE_LOWER = 3  # ...of which this many do not start with a capital (menus and lists of names do)


class _Adds(Protocol):
    def add(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None: ...


@frozen(kw_only=True)
class Facts:
    """What the reader found that bears on the question."""

    start: Start
    has_notes: bool  # note references or a notes list
    truncated: bool  # a subscriber notice
    institute_tail: bool  # "Share this Report:" and its siblings
    repost_tail: bool  # "To read the full dispatch, visit ...", an archive's "URL: ...", a last line crediting it
    series_named: bool  # a series came from the header or a meta line
    series_cited: bool  # the series and number a lead-in names as it hands over to the text
    numbered: bool  # the dispatch has a number (a header with a date and series alone is weaker)
    teasers: int = 0  # paragraphs cut mid-sentence at "[…]", as an archive lists its posts


def judge(facts: Facts, body: list[m.Block], found: _Adds, line: int) -> None:
    """Say why the text was read as a dispatch, or refuse it when it holds no prose at all.

    Strong evidence (a numbered header, a clip header, a topics line, notes or note references, a
    subscriber notice, the institute's page tail, a repost's link to or credit of the report) is an
    ``evidence`` note. Weak evidence alone (a header without a number, a title over a date line,
    a repost's lead-in naming the institute, a translation boundary, a series named in the text,
    pictures with their captions and credits),
    or none in a text of prose, is an ``uncertain-dispatch`` warning: the text is read, strict
    checks refuse it. Text without prose is ``not-a-dispatch``.
    """
    if facts.teasers >= _ARCHIVE_TEASERS:  # a report's header glued into one teaser does not make the list a report
        message = (
            f"{facts.teasers} paragraphs stop mid-sentence at '[…]', as an archive lists its posts: is this a dispatch?"
        )
        found.add("uncertain-dispatch", message, line)
        return
    numberless = facts.start.kind == "header" and not facts.numbered  # "March 24, 2024 / Special Report"
    if facts.start.kind == "header" and not numberless:
        return
    strong = [
        reason
        for reason, present in (
            (f"a {START_WORDS[facts.start.kind]}", facts.start.strong and not numberless),
            ("note references or a notes list", facts.has_notes),
            ("a subscriber notice", facts.truncated),
            ("the institute's page tail", facts.institute_tail),
            ("a repost's link to or credit of the report", facts.repost_tail),
        )
        if present
    ]
    weak = [
        reason
        for reason, present in (
            ("a header without a number", numberless),
            ("a title over a date or byline", facts.start.kind == "title-date"),
            ("a date line over a title", facts.start.kind == "date-title"),
            ("a repost's lead-in naming the institute", facts.start.kind == "lead-in"),
            ("a translation boundary", any(isinstance(block, m.TranslationBoundary) for block in body)),
            ("a series named in the text", facts.series_cited or (not facts.series_named and _names_a_series(body))),
            ("pictures with their captions and credits", _credited_pictures(body) >= _PICTURES),
        )
        if present
    ]
    if strong:
        found.add("evidence", f"read as a dispatch from {_and(strong + weak)}", line)
    elif weak:
        message = f"no numbered header, notes or institute line; read as a dispatch only from {_and(weak)}"
        found.add("uncertain-dispatch", message, line)
    elif any(is_prose(_text(block)) for block in body):
        message = "nothing shows this is a dispatch (no header, meta line, note or institute line); read as prose"
        found.add("uncertain-dispatch", message, line)
    else:
        message = "no header, meta line, note or sentence of running text was found; is this a dispatch?"
        found.add("not-a-dispatch", message, line)


# a blog's archive page cuts each post's teaser mid-sentence with "[…]" (a cut in a transcript stands
# alone on its line, or after a full stop)
_TEASER_END = re.compile(r"[^\W\d_],? \[(?:…|\.\.\.)\]$")
_ARCHIVE_TEASERS = 2


def count_teasers(body: list[m.Block]) -> int:
    """The paragraphs an archive's list of posts cut mid-sentence at ``[…]``."""
    return sum(1 for block in body if isinstance(block, m.Paragraph) and _teaser(block))


def _teaser(paragraph: m.Paragraph) -> bool:
    last = paragraph.content[-1] if paragraph.content else None
    return isinstance(last, m.Text) and last.text.endswith("]") and _TEASER_END.search(last.text[-12:]) is not None


def is_prose(text: str) -> bool:
    """A sentence of running text: enough words, several of them not capitalised (a menu, a list
    of links or of names has few such words; scripts without capitals count as running text)."""
    if len(text) < 2 * PROSE_WORDS:
        return False
    # the first 2,000 characters decide, so the cost stays flat; addresses are no words
    kept = " ".join(token for token in text[:2000].split() if "://" not in token and not token.startswith("www."))
    words = _WORD.findall(kept)
    lower = sum(1 for word in words if not word[0].isupper())
    return len(words) >= PROSE_WORDS and lower >= PROSE_LOWER


def _text(block: m.Block) -> str:
    """The words of a block that can be running text: a paragraph's and its kin's, and a heading's
    or a caption's too (a copy cut inside its last paragraph, in a script without capitals, may
    read it as a heading; a cartoon's caption may quote a whole sentence)."""
    if isinstance(block, m.Paragraph | m.Quotation | m.SpeakerTurn | m.EditorNote | m.TranslationBoundary):
        return m.plain_text(block.content)
    if isinstance(block, m.Heading):
        return block.text
    if isinstance(block, m.Figure):
        return block.caption
    return ""


_PICTURES = 2  # a cartoon report copied from its first cartoon down: its pictures are what it holds


def _credited_pictures(body: list[m.Block]) -> int:
    return sum(1 for block in body if isinstance(block, m.Figure) and block.caption and block.credit)


def _and(reasons: list[str]) -> str:
    return reasons[0] if len(reasons) == 1 else f"{', '.join(reasons[:-1])} and {reasons[-1]}"


def _names_a_series(body: list[m.Block]) -> bool:
    return any(
        h.find_header(m.plain_text(block.content)) is not None for block in body[:5] if isinstance(block, m.Paragraph)
    )
