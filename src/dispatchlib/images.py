"""Images from pages and e-mails, checked before any exporter sees them (Pillow).

An image is judged by its content, never its name or the type a server claims: it must decode
whole, be at most :data:`MAX_IMAGE_SIZE` bytes and :data:`MAX_PIXELS` pixels (a decompression
bomb is refused from its header, before it is decoded), and a format EPUB and Word cannot both
show (BMP, TIFF, ...) is converted to PNG. What fails becomes the reason in a ``ValueError``;
readers turn it into an ``image-unusable`` diagnostic and keep the figure without its image.
Every document read passes :func:`check_images` (:func:`dispatchlib.read_bytes` runs it after
any reader, a JSON input's or a plugin's), so no exporter ever sees an image these checks refuse.
"""

from __future__ import annotations

import io
import warnings
import weakref

import attrs

from . import model as m
from .diagnostics import Diagnostic, diagnostic
from .errors import ExportError
from .model import Picture

__all__ = [
    "MAX_BOOK_IMAGES_SIZE",
    "MAX_IMAGES_SIZE",
    "MAX_IMAGE_SIZE",
    "MAX_PAGE_IMAGES_SIZE",
    "MAX_PIXELS",
    "check_book_images",
    "check_images",
    "picture",
]

MAX_IMAGE_SIZE = 10 * 2**20  # one image
MAX_IMAGES_SIZE = 100 * 2**20  # all the images of one input
MAX_BOOK_IMAGES_SIZE = 500 * 2**20  # all the images of one book or document
MAX_PAGE_IMAGES_SIZE = 50 * 2**20  # all the images of one web page, where they are data: addresses
MAX_PIXELS = 50_000_000
_KEPT = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
_checked: weakref.WeakSet[Picture] = weakref.WeakSet()  # made by picture(): not decoded twice


def picture(data: bytes, src: str | None = None) -> Picture:
    """A :class:`~dispatchlib.Picture` of ``data``, or ``ValueError`` saying why it cannot be used."""
    if len(data) > MAX_IMAGE_SIZE:
        raise ValueError(f"{len(data) / 2**20:.1f} MB is over the {MAX_IMAGE_SIZE / 2**20:g} MB an image may be")
    try:
        from PIL import Image, UnidentifiedImageError
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
                    made = Picture(media_type=_KEPT[kind], data=data, src=src)
                else:
                    converted = io.BytesIO()
                    image.save(converted, format="PNG")
                    made = Picture(media_type="image/png", data=converted.getvalue(), src=src)
                _checked.add(made)
                return made
    except ValueError:
        raise
    except UnidentifiedImageError:
        raise ValueError("not an image in a format that can be shown") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValueError(f"more than the {MAX_PIXELS:,} pixels an image may have (a decompression bomb?)") from None
    except (OSError, SyntaxError) as error:
        raise ValueError(f"not an image that can be shown: {error}") from None


def check_images(document: m.Document, source: str = "<input>") -> tuple[m.Document, list[Diagnostic]]:
    """``document`` with every figure's image passed through :func:`picture` (those it made
    already are not decoded again), and at most :data:`MAX_IMAGES_SIZE` bytes of them; an image
    that fails loses its place (the figure keeps its caption) with an ``image-unusable``
    diagnostic."""
    found: list[Diagnostic] = []
    total = 0

    def checked(block: m.Block) -> m.Block:
        nonlocal total
        if not isinstance(block, m.Figure) or block.image is None or block.image.data is None:
            return block
        image, data = block.image, block.image.data
        try:
            if total + len(data) > MAX_IMAGES_SIZE:
                raise ValueError(f"the input's images pass the {MAX_IMAGES_SIZE / 2**20:g} MB they may take together")
            good = image if image in _checked else picture(data, image.src)
        except ValueError as error:
            where = f"image {image.src!r}" if image.src else "an image"
            message = f"{where}: {error}; the figure keeps its caption"
            found.append(diagnostic("image-unusable", message, source=source))
            return attrs.evolve(block, image=None)
        total += len(good.data or b"")
        return block if good is image else attrs.evolve(block, image=good)

    def dispatch(item: m.Dispatch) -> m.Dispatch:
        body = tuple(checked(block) for block in item.body)
        return item if body == item.body else attrs.evolve(item, body=body)

    if isinstance(document, m.Collection):
        dispatches = tuple(dispatch(item) for item in document.dispatches)
        return (document if dispatches == document.dispatches else attrs.evolve(document, dispatches=dispatches)), found
    return dispatch(document), found


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
