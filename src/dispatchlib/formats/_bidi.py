"""Runs of another script inside a text: finding them, naming their language or at least their
script (BCP 47: ``hy``, ``und-Cyrl``), and which of them read right to left.

A character's script is read from its Unicode name (``CYRILLIC SMALL LETTER A``), which Python's
``unicodedata`` has for every character; the tables below are data: which name gives which
ISO 15924 script, and which scripts are written for one language only (Armenian is ``hy``;
Cyrillic may be Russian, Ukrainian or Serbian, so it is only ``und-Cyrl``). Latin runs are never
tagged: they are the books' own script. A run in the script of the surrounding language (a
Russian dispatch's Cyrillic) is not tagged either: it inherits the language it is written in.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["east_asian", "mostly_rtl", "rtl_language", "script_of", "segments"]

# The first word of a character's Unicode name, and the script (ISO 15924) it says.
_SCRIPTS = {
    "ARABIC": "Arab",
    "ARABIC-INDIC": "Arab",
    "ARMENIAN": "Armn",
    "BENGALI": "Beng",
    "CHEROKEE": "Cher",
    "CJK": "Hani",
    "BOPOMOFO": "Hani",
    "CYRILLIC": "Cyrl",
    "DEVANAGARI": "Deva",
    "ETHIOPIC": "Ethi",
    "GEORGIAN": "Geor",
    "GREEK": "Grek",
    "GUJARATI": "Gujr",
    "GURMUKHI": "Guru",
    "HANGUL": "Kore",
    "HEBREW": "Hebr",
    "HIRAGANA": "Hani",
    "KANNADA": "Knda",
    "KATAKANA": "Hani",
    "KATAKANA-HIRAGANA": "Hani",
    "KHMER": "Khmr",
    "LAO": "Laoo",
    "MALAYALAM": "Mlym",
    "MONGOLIAN": "Mong",
    "MYANMAR": "Mymr",
    "NKO": "Nkoo",
    "ORIYA": "Orya",
    "SINHALA": "Sinh",
    "SYRIAC": "Syrc",
    "TAMIL": "Taml",
    "TELUGU": "Telu",
    "THAANA": "Thaa",
    "THAI": "Thai",
    "TIBETAN": "Tibt",
}
_NAME_PREFIXES = ("EXTENDED ", "HALFWIDTH ", "FULLWIDTH ")
# Scripts written for one language (in a news text), and that language.
_ONE_LANGUAGE = {"Armn": "hy", "Geor": "ka", "Grek": "el", "Kore": "ko", "Thai": "th", "Hebr": "he", "Laoo": "lo"}
_RTL_SCRIPTS = frozenset(["Arab", "Hebr", "Nkoo", "Syrc", "Thaa"])
# Languages written right to left, by their primary subtag.
_RTL_LANGUAGES = frozenset(["ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "syr", "ug", "ur", "yi"])

# Characters past the Latin, punctuation and symbol blocks: a text with none is one Latin run.
_BEYOND_LATIN = re.compile("[\u0370-\u1dbf\u2c00-\u2dff\u2e80-\ua6ff\ua720-\ufdff\ufe70-\uffef\U00010000-\U0003ffff]")
# A Latin letter ends a run of another script; spaces, digits and punctuation do not.
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")


@functools.lru_cache(maxsize=8192)
def script_of(character: str) -> str | None:
    """The ISO 15924 script of a letter, digit or mark of a script other than Latin; None for
    Latin, punctuation, symbols and scripts not in the table."""
    if unicodedata.category(character)[0] not in "LMN":
        return None
    name = unicodedata.name(character, "")
    for prefix in _NAME_PREFIXES:
        name = name.removeprefix(prefix)
    return _SCRIPTS.get(name.split(" ", 1)[0])


def _tag(run: str, script: str, around: str | None) -> str | None:
    """The language tag of a run in ``script``, inside text whose script is ``around``."""
    if script == around:
        return None
    if script == "Arab":
        return "fa" if _PERSIAN.search(run) else "ar"
    if script == "Hani":  # Han with kana is Japanese; Han alone may be Chinese or Japanese
        return "ja" if any(script_of(c) == "Hani" and "\u3040" <= c <= "\u30ff" for c in run) else "und-Hani"
    return _ONE_LANGUAGE.get(script, f"und-{script}")


@functools.lru_cache(maxsize=256)
def _script_of_language(language: str | None) -> str | None:
    """The script a language is written in (``ru`` -> ``Cyrl``), by CLDR's likely subtags."""
    if not language:
        return None
    import langcodes

    try:
        found = langcodes.Language.get(language).maximize().script
    except (ValueError, LookupError):
        return None
    return {"Hans": "Hani", "Hant": "Hani", "Jpan": "Hani", "Hang": "Kore"}.get(found or "", found)


def segments(text: str, language: str | None = None) -> list[tuple[str, str | None]]:
    """``text`` cut into runs, each with its language tag, or None where it is in the Latin
    script or in that of ``language`` (the language of the text around it)."""
    if text.isascii() or not _BEYOND_LATIN.search(text):  # constant time in CPython for ASCII
        return [(text, None)] if text else []
    around = _script_of_language(language)
    runs: list[tuple[int, int, str]] = []  # start, end, script
    for match in _BEYOND_LATIN.finditer(text):
        script = script_of(match.group())
        if script is None:
            continue
        start = match.start()
        if runs and runs[-1][2] == script and not _LATIN_LETTER.search(text, runs[-1][1], start):
            runs[-1] = (runs[-1][0], start + 1, script)
        else:
            runs.append((start, start + 1, script))
    out: list[tuple[str, str | None]] = []
    position = 0
    for start, last, script in runs:
        end = last
        while end < len(text) and unicodedata.combining(text[end]):  # accents on its last letter
            end += 1
        if start < position:
            continue
        run = text[start:end]
        tag = _tag(run, script, around)
        if tag is None:
            continue  # part of the text around it
        if start > position:
            out.append((text[position:start], None))
        out.append((run, tag))
        position = end
    if position < len(text):
        out.append((text[position:], None))
    return out


def mostly_rtl(text: str) -> bool:
    """True if most letters of ``text`` are right-to-left script."""
    if text.isascii() or not _BEYOND_LATIN.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if script_of(c) in _RTL_SCRIPTS) * 2 > len(letters)


def rtl_language(tag: str) -> bool:
    """True if the BCP 47 ``tag`` names a language or a script written right to left."""
    parts = tag.split("-")
    if parts[0].lower() in _RTL_LANGUAGES:
        return True
    return len(parts) > 1 and len(parts[1]) == 4 and parts[1].title() in _RTL_SCRIPTS


def east_asian(tag: str) -> bool:
    """True if the BCP 47 ``tag`` names Chinese, Japanese or Korean, or the Han or Hangul script
    (Word keeps their language apart from the other scripts')."""
    parts = tag.split("-")
    script = parts[1].title() if len(parts) > 1 and len(parts[1]) == 4 else ""
    return parts[0].lower() in ("zh", "ja", "ko") or script in ("Hani", "Hans", "Hant", "Jpan", "Kore", "Hang")
