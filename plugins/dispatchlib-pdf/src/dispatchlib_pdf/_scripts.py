"""Scripts, by Unicode block: the language a run in one is tagged with in the PDF, and for a
character no font draws, the script's name and what to install in the warning.

Only scripts whose language the characters tell are tagged (Armenian is Armenian, Greek is
Greek); Cyrillic or Latin say nothing of their language, and a run in them keeps the language of
the text around it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["describe", "right_to_left", "runs"]

# (script, the language its runs are tagged with, its characters)
_TAGGED = (
    ("Arabic", "ar", "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"),
    ("Hebrew", "he", "\u0590-\u05ff\ufb1d-\ufb4f"),
    ("Armenian", "hy", "\u0531-\u058f\ufb13-\ufb17"),
    ("Georgian", "ka", "\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f"),
    ("Greek", "el", "\u0370-\u03ff\u1f00-\u1fff"),
    ("Chinese", "zh", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
    ("Japanese", "ja", "\u3040-\u30ff\u31f0-\u31ff"),
    ("Korean", "ko", "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"),
)
# what holds a run together: spaces, digits and punctuation between two of its letters
_JOINERS = r"\s\d.,;:!?'\"«»()\u200c\u200d\u060c\u061b\u061f\u3001\u3002-"
_RUN = re.compile(
    "|".join(f"(?P<s{n}>[{chars}](?:[{chars}{_JOINERS}]*[{chars}])?)" for n, (_, _, chars) in enumerate(_TAGGED))
)
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_CJK_FONT = "a CJK font such as Noto Serif CJK or Noto Sans CJK (apt-get install fonts-noto-cjk)"
_INSTALL = {
    "Chinese": _CJK_FONT,
    "Japanese": _CJK_FONT,
    "Korean": _CJK_FONT,
    "emoji": "an emoji font such as Noto Color Emoji (apt-get install fonts-noto-color-emoji)",
}
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")


def runs(text: str, around: str) -> list[tuple[str, str | None]]:
    """``text`` cut into runs, each with the language its script tells, or None where it tells
    none or the same as ``around`` (the language of the text the run stands in)."""
    if text.isascii():  # constant time in CPython, and most text is ASCII
        return [(text, None)]
    out: list[tuple[str, str | None]] = []
    position = 0
    for match in _RUN.finditer(text):
        language = _TAGGED[int(str(match.lastgroup)[1:])][1]
        if language == "ar" and _PERSIAN.search(match.group()):
            language = "fa"
        if language == around:
            continue
        if match.start() > position:
            out.append((text[position : match.start()], None))
        out.append((match.group(), language))
        position = match.end()
    if position < len(text):
        out.append((text[position:], None))
    return out


def right_to_left(text: str) -> str | None:
    """The language of ``text`` when most of its letters are Arabic or Hebrew script, else None:
    such a paragraph is set right to left."""
    if text.isascii():
        return None
    letters = [c for c in text if c.isalpha()]
    found = [match.group() for match in _RUN.finditer(text) if match.lastgroup in ("s0", "s1")]
    if sum(1 for run in found for c in run if c.isalpha()) * 2 <= len(letters):
        return None
    if found[0][0] >= "\u0600":
        return "fa" if any(_PERSIAN.search(run) for run in found) else "ar"
    return "he"


def _script(character: str) -> str:
    if _EMOJI.match(character):
        return "emoji"
    for name, _, chars in _TAGGED:
        if re.match(f"[{chars}]", character):
            return name
    words = unicodedata.name(character, "unknown character").split()
    return "Chinese" if words[0] == "CJK" else words[0].title()


def describe(characters: list[str]) -> str:
    """What a warning says of characters no font draws: their scripts, and what to install."""
    scripts: dict[str, list[str]] = {}
    for character in characters:
        scripts.setdefault(_script(character), []).append(character)
    parts = []
    for name, found in scripts.items():
        font = _INSTALL.get(name, f"a font for {name} (apt-get install fonts-noto-core has many)")
        parts.append(f"{name} ({' '.join(found[:5])}{' ...' if len(found) > 5 else ''}), for which install {font}")
    return "; ".join(parts)
