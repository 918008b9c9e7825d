"""Right-to-left script inside left-to-right text: finding the runs and naming their language."""

from __future__ import annotations

import re

__all__ = ["mostly_rtl", "segments"]

# Hebrew and Arabic (with Syriac, Thaana, NKo and the presentation forms) are written right to left.
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL_CHAR = re.compile(f"[{_RTL}]")
_RTL_RUN = re.compile(rf"[{_RTL}](?:[{_RTL}\s\d.,;:!?'\"«»()\u200c\u200d\u060c\u061b\u061f-]*[{_RTL}])?")
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_HEBREW = re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")


def _language(run: str) -> str:
    if _HEBREW.search(run):
        return "he"
    return "fa" if _PERSIAN.search(run) else "ar"


def segments(text: str) -> list[tuple[str, str | None]]:
    """``text`` cut into runs, each with the language of its right-to-left script, or None."""
    if text.isascii():  # constant time in CPython, and most runs are ASCII
        return [(text, None)] if text else []
    out: list[tuple[str, str | None]] = []
    position = 0
    for match in _RTL_RUN.finditer(text):
        if match.start() > position:
            out.append((text[position : match.start()], None))
        out.append((match.group(), _language(match.group())))
        position = match.end()
    if position < len(text):
        out.append((text[position:], None))
    return out


def mostly_rtl(text: str) -> bool:
    """True if most letters of ``text`` are right-to-left script."""
    if text.isascii() or not _RTL_CHAR.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _RTL_CHAR.match(c)) * 2 > len(letters)


# Languages written right to left, by their primary subtag.
_RTL_LANGUAGES = frozenset(["ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "syr", "ug", "ur", "yi"])


def rtl_language(tag: str) -> bool:
    """True if the language of the BCP 47 ``tag`` is written right to left."""
    return tag.split("-")[0].lower() in _RTL_LANGUAGES
