"""Diagnostics: what a reader noticed about its input, with where it noticed it.

A lenient parse never raises; it returns a :class:`Diagnostic` for every repair, every piece of
text it dropped as page chrome or boilerplate, and every part it could not place. ``CODES`` lists
every code with its severity and what it means; the README's table is made from the same entries.
"""

from __future__ import annotations

import enum

from attrs import frozen

__all__ = ["CODES", "NO_DISPATCH", "Diagnostic", "Severity", "diagnostic"]


class Severity(enum.Enum):
    """How serious a diagnostic is. ``strict`` parsing raises on the first ``ERROR``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


CODES: dict[str, tuple[Severity, str]] = {
    "unreadable": (Severity.ERROR, "the input cannot be read: missing, a folder, too large, or refused"),
    "empty-input": (Severity.ERROR, "the input holds no text"),
    "not-a-dispatch": (Severity.ERROR, "nothing to read: binary, or no header, note or sentence of running text"),
    "no-header": (Severity.WARNING, "no 'DATE SERIES No. NUMBER' header line: where each fact was taken from"),
    "header-mismatch": (Severity.ERROR, "the meta block contradicts the header"),
    "missing-topics": (Severity.INFO, "no topics line"),
    "duplicate-topic": (Severity.INFO, "a topic is listed twice; the first is kept"),
    "missing-note": (Severity.ERROR, "a reference points to a note that is not in the list"),
    "unreferenced-note": (Severity.WARNING, "a note that no reference points to"),
    "duplicate-note": (Severity.ERROR, "two notes carry the same number; both are kept"),
    "missing-author-note": (Severity.WARNING, "'*' after the authors, but no '*' note"),
    "credit-lost": (Severity.WARNING, "an image credit whose link text was lost ('(Source:')"),
    "outlet-lost": (Severity.WARNING, "a note whose outlet's link text was lost ('[1], date')"),
    "email-hidden": (Severity.WARNING, "an e-mail address hidden by the web page ('[email protected]')"),
    "duplicate-paragraph": (Severity.WARNING, "a paragraph repeated right after itself; dropped"),
    "unplaced-text": (Severity.WARNING, "text after the notes that is not known boilerplate; kept"),
    "page-chrome": (Severity.INFO, "web-page chrome before the header, dropped"),
    "boilerplate": (Severity.INFO, "share buttons, promotions or repost tails, dropped"),
    "truncated": (Severity.WARNING, "the text says the full version is for subscribers only"),
    "line-endings": (Severity.INFO, "CR or CRLF line ends read as LF, or an escaped copy's \\n as line breaks"),
    "byte-order-mark": (Severity.INFO, "a byte-order mark at the start, dropped"),
    "odd-whitespace": (Severity.INFO, "non-breaking or other unusual spaces, read as spaces"),
    "paren-references": (Severity.INFO, "note references written as '(1)', read as references"),
    "duplicate-dispatch": (Severity.WARNING, "a collection holds one dispatch twice; the fuller copy is kept"),
    "encoding": (Severity.INFO, "the file is UTF-16 or UTF-32 (byte-order mark), read as such"),
    "encoding-guessed": (Severity.WARNING, "the file is not UTF-8; its encoding was recognised and used"),
    "truncated-utf8": (Severity.WARNING, "the file ends in the middle of a UTF-8 character"),
    "invalid-utf8": (Severity.WARNING, "a few bytes of a UTF-8 file are not UTF-8; each is replaced with U+FFFD"),
    "text-fixed": (Severity.INFO, "mojibake repaired on request (--fix-text)"),
    "several-dispatches": (Severity.INFO, "the file holds several dispatches, read as one collection"),
    "duplicate-header": (Severity.WARNING, "the header line is repeated; the copy is dropped"),
    "unsafe-characters": (Severity.WARNING, "characters XML cannot hold, replaced with U+FFFD"),
    "plugin-failed": (Severity.WARNING, "a plugin's process_dispatch hook raised; its change is left out"),
    "uncertain-dispatch": (
        Severity.WARNING,
        "weak evidence or none shows this is a dispatch; read all the same",
    ),
    "evidence": (Severity.INFO, "no header: what made the reader take the text for a dispatch"),
    "title-guessed": (Severity.INFO, "why the dispatch has no title"),
    "guess": (Severity.INFO, "how a line of an unusual shape was read, and why"),
    "sub-series": (Severity.INFO, "a sub-series line under the header, kept as a heading"),
    "cut-off": (Severity.WARNING, "the copy ends mid-sentence or in its notes list; nothing is marked lost"),
    "skipped-input": (Severity.WARNING, "a folder or glob held a FIFO, device or socket; it was not read"),
    "skipped-message": (Severity.WARNING, "a message of a mailbox holds no dispatch; it is left out"),
    "image-unusable": (Severity.WARNING, "a figure's image is missing, too large or not an image; the caption stays"),
    "export-warning": (Severity.WARNING, "the exporter warned: its output lacks something (a script no font draws)"),
    "feed-damaged": (Severity.WARNING, "a feed is not well-formed XML; the items found in it were read leniently"),
    "feed-item-skipped": (Severity.WARNING, "a feed item with no link, a link that is not http(s), or to the feed"),
    "feed-item-failed": (Severity.WARNING, "a feed item's page cannot be fetched or read; the other items go on"),
    "robots-disallowed": (Severity.WARNING, "the host's robots.txt does not allow fetching a feed item's page"),
    "already-delivered": (Severity.INFO, "a feed item is in the history file: delivered by an earlier run"),
    "feed-unchanged": (Severity.INFO, "the server says the feed has not changed since the last run (304)"),
    "content-lost": (Severity.ERROR, "a page too deep or too large to read whole: the rest is not read"),
}


# The codes that say the input holds no dispatch at all: reading it is refused even when lenient.
NO_DISPATCH = ("empty-input", "not-a-dispatch")


@frozen(kw_only=True)
class Diagnostic:
    """One finding about the input: ``line`` and ``column`` are 1-based, None where not known."""

    severity: Severity
    code: str
    message: str
    line: int | None = None
    column: int | None = None
    source: str | None = None

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity.value}: {self.message} [{self.code}]"


def diagnostic(
    code: str, message: str, *, source: str | None = None, line: int | None = None, column: int | None = None
) -> Diagnostic:
    """A diagnostic with the severity :data:`CODES` gives its code."""
    return Diagnostic(severity=CODES[code][0], code=code, message=message, line=line, column=column, source=source)
