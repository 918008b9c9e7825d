"""A generated cover image: title, series and number, and date, on a plain background.

Pillow draws it with the font shipped in ``fonts/`` (Dispatchlib Cover: Noto Sans, Noto Sans
Arabic and Noto Sans Hebrew, subset and merged, OFL), so accents, dashes, Greek, Cyrillic,
Arabic, Persian and Hebrew are drawn on every machine with no system fonts; lines that need it
are shaped and laid out right to left by Pillow's raqm layout (HarfBuzz and FriBiDi). The image's
bytes depend only on the text.

The cover is drawn straight into a palette image and written as a PNG: one byte a pixel, written
unfiltered, with the lettering kept sharp, in less than half the bytes of a JPEG. Pasting a glyph
with its anti-aliasing mask blends palette indices like grey levels, so the palette maps levels
to colours: 0-127 run from the background to the lettering, 128-255 hold the accent colour.
"""

from __future__ import annotations

import functools
import io
import os
import textwrap
import threading
from typing import Any

from ..errors import InputError
from ..images import MAX_PIXELS

__all__ = ["MAX_COVER_SIZE", "cover_file", "cover_png"]

MAX_COVER_SIZE = 20 * 2**20
_PILLOW_TYPES = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "GIF": ("image/gif", ".gif")}
_PILLOW_TYPES["WEBP"] = ("image/webp", ".webp")

WIDTH, HEIGHT = 1200, 1800
_BACKGROUND = (24, 43, 73)
_LETTERING = (250, 247, 240)
_ACCENT = (196, 58, 49)
# levels drawn with: full lettering, muted lettering, and the accent band
_TEXT, _MUTED, _BAND = 127, 100, 255


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


@functools.cache
def _palette() -> list[int]:
    """256 RGB entries: a ramp from background to lettering, then the accent colour."""
    ramp = [
        round(low + (high - low) * level / _TEXT)
        for level in range(_TEXT + 1)
        for low, high in zip(_BACKGROUND, _LETTERING, strict=True)
    ]
    return ramp + list(_ACCENT) * (256 - _TEXT - 1)


@functools.lru_cache(maxsize=4096)
def _glyph(size: int, character: str) -> tuple[Any, int, int, float]:
    """One character drawn once at this size: its mask, the mask's place from the pen, the advance."""
    from PIL import Image, ImageDraw

    font = _font(size)
    left, top, right, bottom = font.getbbox(character)
    mask = Image.new("L", (max(right - left, 1), max(bottom - top, 1)), 0)
    ImageDraw.Draw(mask).text((-left, -top), character, font=font, fill=255)
    return mask, left, top, font.getlength(character)


def _write(image: Any, x: float, y: int, text: str, size: int, level: int) -> None:
    """``text`` at ``(x, y)``. A line of ASCII is put together from glyphs drawn once each:
    FreeType draws every glyph anew on every ``ImageDraw.text`` call (0.7 ms a title line), and
    the basic layout places glyphs at their advances, as this does. Any other line is shaped as a
    whole (joined Arabic letters, combining accents), right-aligned when it reads right to left."""
    if not text.isascii():
        try:
            _write_shaped(image, x, y, text, size, level)
            return
        except (RuntimeError, OSError, ValueError):  # raqm refuses some hostile runs: place glyphs one by one
            pass
    for character in text:
        mask, left, top, advance = _glyph(size, character)
        image.paste(level, (round(x) + left, y + top), mask)
        x += advance


def _write_shaped(image: Any, x: float, y: int, text: str, size: int, level: int) -> None:
    from PIL import Image, ImageDraw

    from ._bidi import mostly_rtl

    font = _font(size, shaped=True)
    left, top, right, bottom = font.getbbox(text)
    mask = Image.new("L", (max(right - left, 1), max(bottom - top, 1)), 0)
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255)
    if mostly_rtl(text):
        x = WIDTH - x - right  # the same margin on the right
    image.paste(level, (round(x) + left, y + top), mask)


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
    try:
        return float(_font(size, shaped=not line.isascii()).getlength(line))
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


def cover_png(title: str, series_line: str, date_line: str) -> bytes:
    """The cover as PNG bytes."""
    import zlib

    image = _cleared_canvas()
    image.paste(_BAND, (0, 260, WIDTH, 301))
    _write(image, 90, 150, series_line, 54, _MUTED)
    lines, size = _title_layout(title)
    y = 400
    for line in lines:
        _write(image, 90, y, line, size, _TEXT)
        y += int(size * 1.25)
    _write(image, 90, HEIGHT - 200, date_line, 54, _MUTED)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1, compress_type=zlib.Z_RLE)  # runs of one colour
    return buffer.getvalue()


def cover_file(path: str | os.PathLike[str]) -> tuple[str, str, bytes]:
    """A cover image from a file: its name in the book, media type and bytes.

    The file must really be a JPEG, PNG, GIF, WebP or SVG image (by its content, not its name),
    whole, of at most 20 MB and 50 million pixels; :class:`InputError` says what it is not.
    """
    from ..sources import read_source

    name = os.fspath(path)
    data = read_source(name, MAX_COVER_SIZE)
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
    """This thread's palette image, cleared to the background. One image is reused: making and
    freeing a new 2 MB image per cover cost more in the system's memory handling than drawing."""
    from PIL import Image

    image = getattr(_canvases, "image", None)
    if image is None:
        image = _canvases.image = Image.new("P", (WIDTH, HEIGHT), 0)
        image.putpalette(_palette())
    else:
        image.paste(0, (0, 0, WIDTH, HEIGHT))
    return image
