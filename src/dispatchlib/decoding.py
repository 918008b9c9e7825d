"""Turning an input file's bytes into UTF-8 text, or saying clearly why they are not text.

Readers receive UTF-8: :func:`to_utf8` runs before every reader. UTF-8 passes through (a UTF-8
byte-order mark is kept for the text reader to report); UTF-16 and UTF-32 with a byte-order mark
are decoded; then a charset the input declares wins (a web server's ``charset=``, a page's
``<meta charset>``); anything else is identified by charset-normalizer (cp1252, latin-1, cp1256
for Arabic, cp1251 for Russian, ...) and reported, unless ``encoding`` names the encoding. With
``fix_text`` ftfy repairs mojibake (text decoded with the wrong encoding somewhere upstream).
An encoding that is unknown or not one for text (``base64``, ``undefined``) is refused
(:func:`check_encoding`).
"""

from __future__ import annotations

import codecs

from .diagnostics import Diagnostic, diagnostic
from .errors import InputError

__all__ = ["DEFAULT_MAX_SIZE", "check_encoding", "decode_text", "to_utf8"]

DEFAULT_MAX_SIZE = 20 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _where(data: bytes, offset: int) -> str:
    """``line:column`` of the byte at ``offset``, the column counted in characters."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return f"{line}:{column}"


def check_encoding(encoding: str) -> str:
    """``encoding`` if Python decodes text with it; ``ValueError`` saying why not (unknown, or a
    codec that is not for text, such as ``base64``, ``idna`` or ``undefined``)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}; try utf-8, cp1252, cp1256 or cp1251") from None
    if not info._is_text_encoding or info.name in _NOT_FOR_FILES:  # codecs' own mark of bytes-to-bytes codecs
        raise ValueError(f"{encoding!r} is not an encoding of text files; try utf-8, cp1252, cp1256 or cp1251")
    return encoding


# Text codecs that cannot decode a file: they refuse everything, or take no error handler.
_NOT_FOR_FILES = frozenset(["undefined", "idna", "punycode"])


def decode_text(data: bytes, source: str) -> tuple[str, list[Diagnostic]]:
    """``data``, which declares no encoding, as text: UTF-8, UTF-16/32 by byte-order mark, or
    recognised (``encoding-guessed``), as :func:`to_utf8` reads a file; :class:`InputError` if it
    is not text."""
    return _decode(data, source, None)


def _decode(
    data: bytes, source: str, encoding: str | None, declared: str | None = None
) -> tuple[str, list[Diagnostic]]:
    if encoding is not None:
        try:
            check_encoding(encoding)
            return data.decode(encoding), []
        except ValueError as error:
            if not isinstance(error, UnicodeDecodeError):
                raise InputError(f"{source}: {error}") from None
            raise InputError(
                f"{source}:{_where(data, error.start)}: not valid {encoding} text; check the --encoding value"
            ) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{source}: not valid {name.upper()} text although it starts like it: {error.reason}"
                ) from None
            return text, [diagnostic("encoding", f"read as {name.upper()} (byte-order mark)", source=source, line=1)]
    if declared is not None:
        declared_text = _declared(data, declared)
        if declared_text is not None:
            return declared_text
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{source}:{_where(data, nul)}: not a text file (it holds NUL bytes); convert text files only")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        first_bad = error.start
        if error.end == len(data) and error.reason == "unexpected end of data":
            message = "the file ends in the middle of a UTF-8 character (cut short?); the rest is read"
            return data[: error.start].decode("utf-8") + "\ufffd", [
                diagnostic("truncated-utf8", message, source=source, line=1)
            ]
    mostly = _mostly_utf8(data, source, first_bad)
    if mostly is not None:
        return mostly
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            f"{source}:{_where(data, first_bad)}: not a text file, or in no encoding that can be "
            "recognised; pass --encoding if you know it"
        )
    name = best.encoding
    message = f"not UTF-8; read as {name} (recognised; pass --encoding to choose another)"
    return str(best), [diagnostic("encoding-guessed", message, source=source, line=1)]


def _declared(data: bytes, declared: str) -> tuple[str, list[Diagnostic]] | None:
    """``data`` decoded by the charset it declares; None if that charset is unknown, or the bytes
    are not in it (then they are read as if nothing were declared)."""
    try:
        text = data.decode(check_encoding(declared))
    except ValueError:
        return None
    return text.removeprefix("\ufeff") if codecs.lookup(declared).name == "utf-8" else text, []


def _mostly_utf8(data: bytes, source: str, first_bad: int) -> tuple[str, list[Diagnostic]] | None:
    """UTF-8 text with a few stray bytes, each replaced with U+FFFD, or None if the text is more
    likely in another encoding. The file is read with one encoding throughout: a UTF-8 file
    whose well-formed multi-byte characters are at least as many as its stray bytes is UTF-8
    (a text in cp1252 or cp1251 has next to no well-formed UTF-8 sequences at all)."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for character in escaped if "\udc80" <= character <= "\udcff")
    well_formed = sum(1 for character in escaped if character > "\x7f") - stray
    if well_formed < stray:
        return None
    line, column = _where(data, first_bad).split(":")
    message = f"{stray} byte(s) that are not UTF-8 (the first here) replaced with U+FFFD; the rest is read as UTF-8"
    found = diagnostic("invalid-utf8", message, source=source, line=int(line), column=int(column))
    return data.decode("utf-8", errors="replace"), [found]


def to_utf8(
    data: bytes,
    *,
    source: str = "<input>",
    encoding: str | None = None,
    fix_text: bool = False,
    declared: str | None = None,
) -> tuple[bytes, list[Diagnostic]]:
    """``data`` as UTF-8, with a diagnostic for each conversion; :class:`InputError` if it is not
    text. ``declared`` is the charset the input declares (a server's ``charset=``, a page's
    ``<meta charset>``): it wins over a guess, ``encoding`` (``--encoding``) over both."""
    if not encoding and not fix_text and data.isascii() and b"\x00" not in data:
        return data, []
    text, found = _decode(data, source, encoding, declared)
    if fix_text:
        import ftfy

        fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=False, normalization=None)
        if fixed != text:
            found.append(diagnostic("text-fixed", "mojibake repaired (ftfy)", source=source, line=1))
            text = fixed
    if not found and not encoding and not declared:
        return data, []
    return text.encode("utf-8"), found
