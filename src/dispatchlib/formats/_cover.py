"""A generated cover image: title, series and number, and date, on a plain background.

Pillow draws it with the font shipped in ``fonts/`` (Dispatchlib Cover: Noto Sans, Noto Sans
Arabic, Hebrew, Armenian and Georgian, subset and merged, OFL), so accents, dashes, Greek,
Cyrillic, Armenian, Georgian, Arabic, Persian and Hebrew are drawn on every machine with no system
fonts; lines that need it are shaped and laid out right to left by Pillow's raqm layout (HarfBuzz
and FriBiDi). A text with a letter the font has no glyph for (Chinese, Devanagari) is left off
the cover, not drawn with blanks in it: the cover says nothing it cannot draw. The image's
bytes depend only on the text (and the versions of Pillow and isal).

Speed: a batch of e-books spends most of its time here, so the cover is made in about a
millisecond. It is drawn straight into a palette image of 16 entries, four bits a pixel: pasting
a glyph with its anti-aliasing mask blends palette indices like grey levels, so entries 0-14 run
from the background to the lettering (15 levels of anti-aliasing), and 15 is the accent colour.
Each character outside the scripts that need shaping is drawn once and then pasted (FreeType
draws every glyph anew on each call). The PNG is written here rather than by Pillow's encoder:
only the rows with lettering are read out of the image, the others are the same every time, and
the stream is compressed by ISA-L (``isal``), several times faster than zlib.
"""

from __future__ import annotations

import functools
import io
import os
import struct
import textwrap
import threading
import unicodedata
import zlib
from collections.abc import Sequence
from typing import Any

from ..errors import FormatError, InputError
from ..images import MAX_PIXELS

__all__ = ["MAX_COVER_SIZE", "cover_file", "cover_png", "drawable"]

MAX_COVER_SIZE = 20 * 2**20
_PILLOW_TYPES = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "GIF": ("image/gif", ".gif")}
_PILLOW_TYPES["WEBP"] = ("image/webp", ".webp")

WIDTH, HEIGHT = 1200, 1800
_BACKGROUND = (24, 43, 73)
_LETTERING = (250, 247, 240)
_ACCENT = (196, 58, 49)
# palette entries drawn with: full lettering, muted lettering, and the accent band
_TEXT, _MUTED, _BAND = 14, 11, 15
_BAND_ROWS = (260, 301)
# Two pixels of entry 0 before each row of the image: packed four bits a pixel they make the byte 0
# that opens every row of a PNG (filter type None), so the rows are read out ready to compress.
_PAD = 2


_FONT = "DispatchlibCover-Regular.ttf"


@functools.cache
def _font(size: int, shaped: bool = False) -> Any:
    """The cover font at ``size``; ``shaped`` with raqm's complex layout, where Pillow has it."""
    from importlib import resources

    from PIL import ImageFont, features

    layout = ImageFont.Layout.RAQM if shaped and features.check_feature("raqm") else ImageFont.Layout.BASIC
    path = resources.files("dispatchlib.formats").joinpath("fonts", _FONT)
    with resources.as_file(path) as font_file:
        return ImageFont.truetype(str(font_file), size, layout_engine=layout)


def _palette() -> bytes:
    """16 RGB entries: a ramp from background to lettering, then the accent colour."""
    ramp = [
        round(low + (high - low) * level / _TEXT)
        for level in range(_TEXT + 1)
        for low, high in zip(_BACKGROUND, _LETTERING, strict=True)
    ]
    return bytes(ramp + list(_ACCENT))


@functools.lru_cache(maxsize=8192)
def _word(size: int, word: str) -> tuple[Any, int, int, float]:
    """A word drawn once at this size, glyph by glyph at their advances as the basic layout places
    them: its mask, the mask's place from the pen, and the advance. Words recur from title to title,
    so most lines are a few pastes of words already drawn."""
    from PIL import Image, ImageDraw

    font = _font(size)
    if len(word) == 1:
        left, top, right, bottom = font.getbbox(word)
        mask = Image.new("L", (max(right - left, 1), max(bottom - top, 1)), 0)
        ImageDraw.Draw(mask).text((-left, -top), word, font=font, fill=255)
        return mask, left, top, font.getlength(word)
    glyphs, pen = [], 0.0
    for character in word:
        glyph = _word(size, character)
        glyphs.append((round(pen) + glyph[1], glyph[2], glyph[0]))
        pen += glyph[3]
    left = min(x for x, _, _ in glyphs)
    top = min(y for _, y, _ in glyphs)
    right = max(x + mask.width for x, _, mask in glyphs)
    bottom = max(y + mask.height for _, y, mask in glyphs)
    mask = Image.new("L", (right - left, bottom - top), 0)
    for x, y, glyph in glyphs:
        mask.paste(255, (x - left, y - top), glyph)
    return mask, left, top, pen


@functools.lru_cache(maxsize=4096)
def _alone(character: str) -> bool:
    """True if the character looks the same drawn on its own as in a shaped line: Latin, Greek,
    Cyrillic and the punctuation and symbols, precomposed; not a combining mark, a format
    control, or a letter of the scripts that join or reorder (Hebrew and Arabic onwards)."""
    code = ord(character)
    simple_block = code < 0x0590 or 0x1E00 <= code <= 0x2BFF
    return simple_block and not unicodedata.combining(character) and unicodedata.category(character) != "Cf"


def _write(image: Any, x: float, y: int, text: str, size: int, level: int, floor: int) -> tuple[int, int]:
    """``text`` at ``(x, y)``; returns the rows it drew on, from and to. A line whose every
    character can be drawn alone is put together from words drawn once each (``_word``). Any
    other line is shaped as a whole (joined Arabic letters, combining accents), right-aligned
    when it reads right to left. ``floor`` is the row below which nothing is drawn yet."""
    if not all(map(_alone, text)):
        try:
            return _write_shaped(image, x, y, text, size, level)
        except (RuntimeError, OSError, ValueError):  # raqm refuses some hostile runs: place glyphs one by one
            pass
    top_row, bottom_row = HEIGHT, 0
    space = _word(size, " ")[3]
    right = 0  # where the words drawn so far on this line end
    for word in text.split(" "):
        if word:
            mask, left, top, advance = _word(size, word)
            place = (_PAD + round(x) + left, y + top)
            if place[1] >= floor and place[0] >= right and _off_band(place[1], place[1] + mask.height):
                # on bare background: a copy of its rows, by the image core's own paste (Image.paste's
                # checks cost three times the copy, twenty times a cover)
                box = (*place, place[0] + mask.width, place[1] + mask.height)
                image.im.paste(_inked(size, word, level).im, box)
            else:
                image.paste(level, place, mask)  # over other lettering or the band: blended into it
            top_row, bottom_row = min(top_row, y + top), max(bottom_row, y + top + mask.height)
            right = max(right, place[0] + mask.width)
            x += advance
        x += space
    return top_row, bottom_row


@functools.lru_cache(maxsize=4096)
def _inked(size: int, word: str, level: int) -> Any:
    """The word as ``image.paste(level, place, mask)`` leaves it on the background (entry 0): a
    palette image of the blended entries, so that drawing it is a copy of rows (a fifth of the
    cost of blending through the mask, which was most of a cover's time)."""
    from PIL import Image

    mask = _word(size, word)[0]
    blended = [(level * value + 128 + ((level * value + 128) >> 8)) >> 8 for value in range(256)]  # Pillow's
    return Image.frombytes("P", mask.size, mask.point(blended).tobytes())


def _off_band(top: int, bottom: int) -> bool:
    return bottom <= _BAND_ROWS[0] or top >= _BAND_ROWS[1]


def _write_shaped(image: Any, x: float, y: int, text: str, size: int, level: int) -> tuple[int, int]:
    from PIL import Image, ImageDraw

    from ._bidi import mostly_rtl

    font = _font(size, shaped=True)
    left, top, right, bottom = font.getbbox(text)
    mask = Image.new("L", (max(right - left, 1), max(bottom - top, 1)), 0)
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255)
    if mostly_rtl(text):
        x = WIDTH - x - right  # the same margin on the right
    image.paste(level, (_PAD + round(x) + left, y + top), mask)
    return y + top, y + top + mask.height


_LINE_WIDTH, _MAX_LINES = 24, 9
_TEXT_WIDTH = WIDTH - 2 * 90  # the margins


def _title_lines(title: str, width: int = _LINE_WIDTH) -> list[str]:
    """The title in at most nine lines of ``width`` characters, the last ending in "…" if it goes
    on. Only the start that can show is wrapped, so a title of a megabyte costs no more than a
    short one."""
    start = title[: width * (_MAX_LINES + 1) * 2]
    lines = textwrap.wrap(start, width=width)
    if len(lines) > _MAX_LINES or len(start) < len(title):
        lines = lines[:_MAX_LINES]
        last = lines[-1]
        if len(last) >= width:  # make room for the ellipsis, at a word's end where there is one
            last = last[: width - 1]
            last = last.rsplit(" ", 1)[0] if " " in last else last
        lines[-1] = last.rstrip() + "…"
    return lines or [""]


def _width(line: str, size: int) -> float:
    if all(map(_alone, line)):
        return sum(_word(size, word)[3] for word in line.split(" ") if word) + line.count(" ") * _word(size, " ")[3]
    try:
        return float(_font(size, shaped=True).getlength(line))
    except (RuntimeError, OSError, ValueError):  # as in _write: measured glyph by glyph
        return float(_font(size).getlength(line))


def _title_layout(title: str) -> tuple[list[str], int]:
    """The title's lines and type size: 24 characters a line, fewer where the letters are wide
    (Cyrillic, capitals), until every line fits between the margins."""
    for width in range(_LINE_WIDTH, 11, -2):
        lines = _title_lines(title, width)
        size = 88 if len(lines) <= 5 else 70
        if all(_width(line, size) <= _TEXT_WIDTH for line in lines):
            break
    return lines, size


@functools.lru_cache(maxsize=4096)
def _has_glyph(character: str) -> bool:
    """True unless the font draws ``character`` as its .notdef glyph: an empty box, as nothing."""
    if unicodedata.category(character)[0] in "ZC":  # spaces and controls draw as nothing anyway
        return True
    font = _font(20)
    mask = font.getmask(character)
    return bool(mask.size[1]) or mask.size != font.getmask("\ue000").size  # a private use: .notdef


def drawable(text: str) -> bool:
    """True if the cover font has a glyph for every character of ``text``."""
    return text.isascii() or all(map(_has_glyph, text))


def cover_png(title: str, series_line: str, date_line: str, headlines: Sequence[str] = ()) -> bytes:
    """The cover as PNG bytes; a text the font cannot draw whole is left off (:func:`drawable`); an
    issue of a periodical lists its first ``headlines`` under the title."""
    title, series_line, date_line = (text if drawable(text) else "" for text in (title, series_line, date_line))
    headlines = [headline for headline in headlines if drawable(headline)]
    image = _cleared_canvas()
    lines, size = _title_layout(title)
    writing = [(150, series_line, 54, _MUTED)]
    writing += [(400 + index * int(size * 1.25), line, size, _TEXT) for index, line in enumerate(lines)]
    writing += _headlines(headlines, 400 + len(lines) * int(size * 1.25) + 60)
    writing.append((HEIGHT - 200, date_line, 54, _MUTED))
    drawn: list[tuple[int, int]] = []
    for y, text, text_size, level in writing:
        drawn.append(_write(image, 90, y, text, text_size, level, max((bottom for _, bottom in drawn), default=0)))
    image.paste(0, (0, 0, _PAD, HEIGHT))  # a glyph at the left edge must not change a row's filter byte
    _canvases.drawn = _merged(drawn)
    return _png(image, _canvases.drawn)


_HEADLINE_SIZE, _HEADLINE_WIDTH = 46, 40


def _headlines(headlines: Sequence[str], top: int) -> list[tuple[int, str, int, int]]:
    """Headlines of two lines at most each, from ``top`` down to above the date line."""
    writing = []
    y = top
    for headline in headlines:
        lines = textwrap.wrap(headline, _HEADLINE_WIDTH)
        if len(lines) > 2:
            lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), _HEADLINE_WIDTH, placeholder=" …")]
        height = 20 + len(lines) * int(_HEADLINE_SIZE * 1.3)
        if y + height > HEIGHT - 300:
            break
        y += 20
        for line in lines:
            writing.append((y, line, _HEADLINE_SIZE, _TEXT))
            y += int(_HEADLINE_SIZE * 1.3)
    return writing


_ROW_BYTES = (WIDTH + _PAD) // 2
_GAP = 64
_BLANK_ROW = bytes(_ROW_BYTES)
_BAND_ROW = bytes([0] + [_BAND * 17] * (_ROW_BYTES - 1))  # the filter byte, then two pixels a byte


def _png(image: Any, drawn: list[tuple[int, int]]) -> bytes:
    """The image as a PNG of four bits a pixel. Rows in the ``drawn`` ranges are read out of the
    image and compressed; the others are the background or the band, compressed once.

    The zlib stream is put together from raw deflate pieces, each ended by a full flush (which
    starts the next on a byte with no reference back), then an empty final block and the
    Adler-32 checksum of all the rows."""
    isal_zlib = _isal()
    pieces = [b"\x78\x01"]  # the zlib header: deflate, 32 KiB window, fastest
    checksum = 1
    row = 0
    for top, bottom in [*drawn, (HEIGHT, HEIGHT)]:
        for length, adler, deflated in _plain_rows(row, top):
            checksum = _adler32_combine(checksum, adler, length)
            pieces.append(deflated)
        if top < bottom:
            raw = image.crop((0, top, WIDTH + _PAD, bottom)).tobytes("raw", "P;4")
            checksum = isal_zlib.adler32(raw, checksum)
            pieces.append(_deflate(raw))
        row = bottom
    pieces += [b"\x03\x00", struct.pack(">I", checksum)]  # the final block, empty
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 4, 3, 0, 0, 0)  # 4 bits, palette, no interlacing
    chunks = [(b"IHDR", header), (b"PLTE", _palette()), (b"IDAT", b"".join(pieces)), (b"IEND", b"")]
    out = [b"\x89PNG\r\n\x1a\n"]
    for kind, data in chunks:
        out += [struct.pack(">I", len(data)), kind, data, struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))]
    return b"".join(out)


def _isal() -> Any:
    try:
        from isal import isal_zlib
    except ImportError:
        raise FormatError("the generated cover needs isal: pip install 'dispatchbook[epub]'") from None
    return isal_zlib


def _deflate(raw: bytes) -> bytes:
    """``raw`` as a piece of raw deflate that ends on a byte and refers to nothing before it. This
    thread's compressor is never finished: each full flush leaves it as good as new, and making a
    new one costs more than compressing a title's rows."""
    isal_zlib = _isal()
    stream = getattr(_canvases, "deflate", None)
    if stream is None:
        stream = _canvases.deflate = isal_zlib.compressobj(1, isal_zlib.DEFLATED, -15)
    return bytes(stream.compress(raw) + stream.flush(isal_zlib.Z_FULL_FLUSH))


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The row ranges within the image, in order, joined where they overlap or where less than
    ``_GAP`` rows lie between them (the lines of a title: each piece costs a flush)."""
    out: list[tuple[int, int]] = []
    for top, bottom in sorted((max(top, 0), min(bottom, HEIGHT)) for top, bottom in ranges):
        if top >= bottom:
            continue
        if out and top <= out[-1][1] + _GAP:
            out[-1] = (out[-1][0], max(out[-1][1], bottom))
        else:
            out.append((top, bottom))
    return out


def _plain_rows(start: int, stop: int) -> list[tuple[int, int, bytes]]:
    """Rows ``start`` to ``stop`` of the cleared canvas, as :func:`_rows` gives them."""
    band_top, band_bottom = _BAND_ROWS
    pieces = ((0, band_top, False), (band_top, band_bottom, True), (band_bottom, HEIGHT, False))
    return [
        _rows(banded, min(high, stop) - max(low, start))
        for low, high, banded in pieces
        if max(low, start) < min(high, stop)
    ]


@functools.lru_cache(maxsize=256)
def _rows(banded: bool, count: int) -> tuple[int, int, bytes]:
    """``count`` rows of the background or the band: their length, Adler-32 and deflated bytes."""
    raw = (_BAND_ROW if banded else _BLANK_ROW) * count
    return len(raw), zlib.adler32(raw), _deflate(raw)


def _adler32_combine(first: int, second: int, length: int) -> int:
    """The Adler-32 of two pieces from the checksums of each and the second's length, as zlib's
    ``adler32_combine`` (which Python does not offer): the sum ``a`` adds up, and ``b`` gains the
    first piece's ``a`` once for each byte of the second."""
    base = 65521
    a = ((first & 0xFFFF) + (second & 0xFFFF) - 1) % base
    b = ((first >> 16) + (second >> 16) + length * (first & 0xFFFF) - length) % base
    return (b << 16) | a


def cover_file(path: str | os.PathLike[str]) -> tuple[str, str, bytes]:
    """A cover image from a file: its name in the book, media type and bytes.

    The file must really be a JPEG, PNG, GIF, WebP or SVG image (by its content, not its name),
    whole, of at most 20 MB and 50 million pixels; :class:`InputError` says what it is not.
    """
    from ..sources import read_source

    name = os.fspath(path)
    data = read_source(name, MAX_COVER_SIZE, regular=True)
    if data.lstrip()[:1] == b"<":
        _check_svg(name, data)
        return "cover.svg", "image/svg+xml", data
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            if kind not in _PILLOW_TYPES:
                raise InputError(f"{name}: a {kind} image; a cover must be JPEG, PNG, GIF, WebP or SVG")
            if image.width * image.height > MAX_PIXELS:
                raise InputError(f"{name}: {image.width}x{image.height} pixels is too large for a cover")
            image.load()  # decodes it whole: a cut-off or damaged file fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        if isinstance(error, InputError):
            raise
        raise InputError(f"{name}: not an image a cover can be (JPEG, PNG, GIF, WebP or SVG): {error}") from None
    media_type, suffix = _PILLOW_TYPES[kind]
    return f"cover{suffix}", media_type, data


def _check_svg(name: str, data: bytes) -> None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{name}: not an image a cover can be: malformed SVG: {error}") from None
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        raise InputError(f"{name}: not an image a cover can be: XML, but not SVG")


_canvases = threading.local()


def _cleared_canvas() -> Any:
    """This thread's palette image, cleared to the background and the band. One image is reused
    and only the rows drawn on last time are cleared: making and freeing a new image per cover
    cost more in the system's memory handling than drawing. It is two pixels wider than the cover,
    for the filter byte of each row (``_PAD``)."""
    from PIL import Image

    image = getattr(_canvases, "image", None)
    if image is None:
        image = _canvases.image = Image.new("P", (WIDTH + _PAD, HEIGHT), 0)
        image.putpalette(_palette())
    else:
        for top, bottom in _canvases.drawn:
            image.paste(0, (0, top, WIDTH + _PAD, bottom))
    image.paste(_BAND, (_PAD, _BAND_ROWS[0], WIDTH + _PAD, _BAND_ROWS[1]))
    return image
