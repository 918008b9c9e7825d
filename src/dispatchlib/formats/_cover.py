"""A generated cover image: title, series and number, and date, on a plain background.

Pillow draws it with its bundled scalable font, so the image looks the same on every machine and
needs no system fonts. The image's bytes depend only on the text.
"""

from __future__ import annotations

import functools
import io
import textwrap
from typing import Any

WIDTH, HEIGHT = 1200, 1800
_BACKGROUND = (24, 43, 73)
_BAND = (196, 58, 49)
_TEXT = (250, 247, 240)
_MUTED = (200, 208, 220)


@functools.cache
def _font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def cover_jpeg(title: str, series_line: str, date_line: str) -> bytes:
    """The cover as JPEG bytes (JPEG encodes this size about six times faster than PNG)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 260, WIDTH, 300), fill=_BAND)
    draw.text((90, 150), series_line, font=_font(54), fill=_MUTED)
    lines = textwrap.wrap(title, width=24)[:9] or [""]
    size = 88 if len(lines) <= 5 else 70
    y = 400
    for line in lines:
        draw.text((90, y), line, font=_font(size), fill=_TEXT)
        y += int(size * 1.25)
    draw.text((90, HEIGHT - 200), date_line, font=_font(54), fill=_MUTED)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()
