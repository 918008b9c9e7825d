# ruff: noqa: RUF002 - this module is about typographic characters
"""Typography for the reading formats: curly quotes and apostrophes, ellipses and dashes.

Copied text often has straight quotes, ``...`` and ``--``; books and Word files show “ ” ‘ ’ … –
and —, while the model, the text and the JSON keep what the source said. Web addresses,
code-like text (with ``_``, ``=``, ``{`` or a backslash) and right-to-left runs are left as they are.

The rules are SmartyPants' (John Gruber's, as the ``smartypants`` package has them, with its
"old school" dashes: ``--`` en, ``---`` em), applied in one pass over the marks: that package
costs 1.8 ms a dispatch, more than the rest of the e-book, and the tests hold this module to its
output. Where SmartyPants is wrong this is not: an apostrophe that stands for left-out letters
or digits (``'90s``, ``rock 'n' roll``, ``'em``, ``'til``) is ’, not an opening ‘; so is one
after a letter or digit (``5'10"``); after a dash, a quote opens unless it ends the phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import model as m

__all__ = ["Typesetter", "educate", "educate_plain", "educate_runs"]

_DECADE = re.compile(r"\d\ds\b")
_ELISION = re.compile(r"n'|em\b|til\b|cause\b|tis\b|twas\b", re.IGNORECASE)
_KEEP = re.compile(r"https?://\S+|www\.\S+|\S*[_={}\\]\S*")
_CODE_LIKE = re.compile(r"[_={}\\]")  # with "://" and "www.", a quick test before _KEEP, which is slow to fail
_MARKS = re.compile(r"-{2,3}|\.\.\.|\. \. \.|``|''|['\"]")
_FIXED = {"---": "—", "--": "–", "...": "…", ". . .": "…", "``": "“", "''": "”"}
_DASHES = "–—"
_CLOSERS = ".,;:!?)]}”’…–—"
_OPENERS = " \t\r\n[{(-‘“"  # after these a quote does not close (SmartyPants' close class, negated)


def _word(character: str) -> bool:
    return character.isalnum() or character == "_"


def _quote(mark: str, before: str, text: str, end: int) -> str:
    """The curly form of the quote ``mark`` that ends at ``end`` of ``text``, after ``before``."""
    after = text[end : end + 1]
    opening, closing = ("‘", "’") if mark == "'" else ("“", "”")
    if mark == "'" and (_DECADE.match(text, end) or (not _word(before) and _ELISION.match(text, end))):
        return closing  # left-out digits or letters
    if after and after in "'\"" and after != mark and _word(text[end + 1 : end + 2]):
        return opening  # "'Quoted' words in a larger quote"
    if before.isspace() and _word(after):
        return opening
    if before in _DASHES:  # a dash opens a quote, unless the quote ends a phrase
        return closing if not after or after.isspace() or after in _CLOSERS else opening
    if mark == '"' and after.isspace():
        return closing
    if before not in _OPENERS:
        return opening if mark == "'" and after.isdigit() and not _word(before) else closing
    return opening


def _smart(text: str, before: str) -> str:
    out: list[str] = []
    position = 0
    for match in _MARKS.finditer(text):
        start, mark = match.start(), match.group()
        if start > position:
            out.append(text[position:start])
            before = text[start - 1]
        curly = _FIXED.get(mark) or _quote(mark, before, text, match.end())
        out.append(curly)
        before = curly
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def educate(text: str, before: str = "") -> str:
    """``text`` with typographic quotes, apostrophes, ellipses and dashes; ``before`` is the text
    that precedes it in the paragraph (its last character decides an opening or closing quote)."""
    if not ("'" in text or '"' in text or "--" in text or ". ." in text or ".." in text or "``" in text):
        return text  # most runs: the "in" tests are many times faster than a search for _MARKS
    context = before[-1:] if before[-1:].strip() else " "
    if not ("://" in text or "www." in text or _CODE_LIKE.search(text)):
        return _smart(text, context)
    out: list[str] = []
    position = 0
    for kept in _KEEP.finditer(text):
        out.append(_smart(text[position : kept.start()], context))
        out.append(kept.group())
        context = kept.group()[-1]
        position = kept.end()
    out.append(_smart(text[position:], context))
    return "".join(out)


class Typesetter:
    """The typography of one paragraph, run after run: each run is educated in the context of the
    text before it, whatever run that was in (a right-to-left run, a link, a note reference), so
    ``"`` after ``...שלום`` or after ``[1]`` closes the quote its paragraph opened."""

    __slots__ = ("before",)

    def __init__(self, before: str = "") -> None:
        self.before = before

    def educate(self, text: str) -> str:
        """``text`` with typographic marks, read after what came before it."""
        out = educate(text, self.before)
        self.before = text[-1:] or self.before
        return out

    def keep(self, text: str) -> str:
        """``text`` as it is (a right-to-left run, a name), read as what comes before the next."""
        self.before = text[-1:] or self.before
        return text

    def reference(self) -> None:
        """A note reference: it follows a word, so a quote after it closes."""
        self.before = "a"


def educate_plain(text: str, language: str | None = None, typeset: Typesetter | None = None) -> str:
    """``text`` with typographic marks outside its right-to-left runs, in one string: for the
    places that hold plain text (the e-book's table of contents)."""
    from ._bidi import rtl_language, segments

    typeset = typeset or Typesetter()
    return "".join(
        typeset.keep(run) if tag is not None and rtl_language(tag) else typeset.educate(run)
        for run, tag in segments(text, language)
    )


def educate_runs(content: Iterable[m.Inline]) -> list[str | None]:
    """For each run of a paragraph, its educated text (None for a note reference), each read
    after the text before it, right-to-left runs and stretches kept as they are: for a writer
    that educates the runs first and marks them up after (its second pass over the educated
    text changes nothing)."""
    from ._bidi import rtl_language

    typeset = Typesetter()
    out: list[str | None] = []
    for item in content:
        if isinstance(item, m.ForeignText):
            out.append(typeset.keep(item.text) if rtl_language(item.language) else typeset.educate(item.text))
        elif isinstance(item, m.Text):
            out.append(educate_plain(item.text, typeset=typeset))
        else:
            typeset.reference()
            out.append(None)
    return out
