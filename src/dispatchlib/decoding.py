"""Turning an input file's bytes into text, or saying clearly why they are not text."""

from __future__ import annotations

import codecs

from .errors import InputError

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, *, source: str = "<input>") -> str:
    """The text of ``data``: UTF-8 (a BOM is kept for the parser to report), or UTF-16/32 with a BOM.

    Raises :class:`InputError` naming ``source`` (and the line, for bad UTF-8) when the bytes
    are not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{source}: not valid {encoding.upper()} text: {error.reason}") from None
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(f"{source}:{line}: not a text file (it holds NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"{source}:{line}:{column}: not valid UTF-8 text; save the file as UTF-8 and try again"
        ) from None
