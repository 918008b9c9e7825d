"""Images from pages and e-mails, checked before any exporter sees them (Pillow).

An image is judged by its content, never its name or the type a server claims: it must decode
whole, be at most :data:`MAX_IMAGE_SIZE` bytes and :data:`MAX_PIXELS` pixels (a decompression
bomb is refused from its header, before it is decoded), and a format EPUB and Word cannot both
show (BMP, TIFF, ...) is converted to PNG. What fails becomes the reason in a ``ValueError``;
readers turn it into an ``image-unusable`` diagnostic and keep the figure without its image.
"""

from __future__ import annotations

import io
import warnings

from . import model as m
from .errors import ExportError
from .model import Picture

__all__ = [
    "MAX_BOOK_IMAGES_SIZE",
    "MAX_IMAGES_SIZE",
    "MAX_IMAGE_SIZE",
    "MAX_PAGE_IMAGES_SIZE",
    "MAX_PIXELS",
    "check_book_images",
    "picture",
]

MAX_IMAGE_SIZE = 10 * 2**20  # one image
MAX_IMAGES_SIZE = 100 * 2**20  # all the images of one input
MAX_BOOK_IMAGES_SIZE = 500 * 2**20  # all the images of one book or document
MAX_PAGE_IMAGES_SIZE = 50 * 2**20  # all the images of one web page, where they are data: addresses
MAX_PIXELS = 50_000_000
_KEPT = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}


def picture(data: bytes, src: str | None = None) -> Picture:
    """A :class:`~dispatchlib.Picture` of ``data``, or ``ValueError`` saying why it cannot be used."""
    if len(data) > MAX_IMAGE_SIZE:
        raise ValueError(f"{len(data) / 2**20:.1f} MB is over the {MAX_IMAGE_SIZE / 2**20:g} MB an image may be")
    try:
        from PIL import Image
    except ImportError:
        raise ValueError("images need Pillow: pip install 'dispatchbook[html]'") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise ValueError(f"{image.width}x{image.height} pixels is more than an image may have")
                kind = image.format or ""
                image.load()  # decodes it whole: a cut-off or lying file fails here
                if kind in _KEPT:
                    return Picture(media_type=_KEPT[kind], data=data, src=src)
                converted = io.BytesIO()
                image.save(converted, format="PNG")
                return Picture(media_type="image/png", data=converted.getvalue(), src=src)
    except ValueError:
        raise
    except (OSError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValueError(f"not an image that can be shown: {error}") from None


def check_book_images(document: m.Document, limit: int | None = None, kind: str = "book") -> None:
    """:class:`ExportError` if the images of one output would pass ``limit`` bytes (by default
    :data:`MAX_BOOK_IMAGES_SIZE`); ``kind`` names the output in the message."""
    limit = MAX_BOOK_IMAGES_SIZE if limit is None else limit
    dispatches = document.dispatches if isinstance(document, m.Collection) else (document,)
    total = sum(
        len(block.image.data or b"")
        for dispatch in dispatches
        for block in dispatch.body
        if isinstance(block, m.Figure) and block.image is not None
    )
    if total > limit:
        raise ExportError(
            f"the images of this output come to {total / 2**20:,.0f} MB, over the "
            f"{limit / 2**20:g} MB one {kind} may hold; convert fewer dispatches at a time"
        )
