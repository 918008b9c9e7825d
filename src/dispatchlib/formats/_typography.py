# ruff: noqa: RUF002 - this module is about typographic characters
"""Typography for the reading formats: curly quotes and apostrophes, ellipses and dashes.

Copied text often has straight quotes, ``...`` and ``--``; books and Word files show “ ” ‘ ’ … –
and — (by smartypants), while the model, the text and the JSON keep what the source said. A few
rules smartypants gets wrong come first: an apostrophe that stands for left-out letters or
digits (``'90s``, ``rock 'n' roll``, ``'em``, ``'til``) is ’, not an opening ‘. Web addresses,
code-like text (with ``_``, ``=``, ``{`` or a backslash) and right-to-left runs are left as they are.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from .. import model as m

__all__ = ["educate", "educate_runs"]

_ELISION = re.compile(r"(?<![\w’'])'(?=\d0s\b|\d\ds\b|n'|em\b|til\b|cause\b|tis\b|twas\b)", re.IGNORECASE)
_KEEP = re.compile(r"https?://\S+|www\.\S+|\S*[_={}\\]\S*")
_WORTH = ("'", '"', "--", "...")


def _smart(text: str) -> str:
    import smartypants

    attrs = smartypants.Attr.q | smartypants.Attr.b | smartypants.Attr.D | smartypants.Attr.e | smartypants.Attr.u
    text = _ELISION.sub("’", text).replace("'n’", "’n’")
    return html.unescape(smartypants.smartypants(html.escape(text, quote=False), attrs))


def educate(text: str, before: str = "") -> str:
    """``text`` with typographic quotes, apostrophes, ellipses and dashes; ``before`` is the text
    that precedes it in the paragraph (its last character decides an opening or closing quote)."""
    if not any(mark in text for mark in _WORTH):
        return text
    context = before[-1:] if before[-1:].strip() else " "
    out: list[str] = []
    position = 0
    for kept in _KEEP.finditer(text):
        out.append(_smart(context + text[position : kept.start()])[1:])
        out.append(kept.group())
        context = kept.group()[-1]
        position = kept.end()
    out.append(_smart(context + text[position:])[1:])
    return "".join(out)


def educate_runs(content: Iterable[m.Inline]) -> list[str | None]:
    """For each item of a paragraph, its educated text (None for a note reference), each run read
    in the context of the one before it: ``"...it."`` then ``[1]`` then ``"`` closes the quote."""
    out: list[str | None] = []
    before = ""
    for item in content:
        if isinstance(item, m.ForeignText) and _right_to_left(item.language):
            out.append(item.text)
            before = item.text
        elif isinstance(item, m.Text):
            out.append(educate(item.text, before))
            before = item.text
        else:
            out.append(None)
            before = "a"  # a reference follows a word: what comes next closes a quote
    return out


def _right_to_left(language: str) -> bool:
    from ._bidi import rtl_language

    return rtl_language(language)
