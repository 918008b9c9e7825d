"""Web addresses as inputs: a page (and its images) fetched with httpx, politely and within limits.

``dispatchlib convert https://...`` reads the page as a saved page is read, its images fetched
from the same site. Every request has connect and read time-outs, follows at most
:data:`MAX_REDIRECTS` redirects, stops reading past the size limit (the input limit for a page,
:data:`~dispatchlib.images.MAX_IMAGE_SIZE` for an image), says who it is (:data:`USER_AGENT`),
and waits :data:`DEFAULT_DELAY` seconds since the last request to the same host (``--delay``).
An HTTP error, a time-out, a redirect loop or a response that is not a page is an
:class:`~dispatchlib.errors.InputError` of one line with the address and the reason
(``404 Not Found``). ``pip install 'dispatchbook[web]'``; without it, a web address is a
:class:`~dispatchlib.errors.FormatError` (exit 6) with that command.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from attrs import frozen

from .errors import FormatError, InputError

if TYPE_CHECKING:
    import httpx

    from .reading.pages import Resources

__all__ = ["DEFAULT_DELAY", "DEFAULT_TIMEOUT", "Fetched", "fetch", "is_url", "set_politeness", "web_images"]

DEFAULT_TIMEOUT = 20.0  # seconds to connect, and between two pieces of a response
DEFAULT_DELAY = 1.0  # seconds between two requests to one host
MAX_REDIRECTS = 5
USER_AGENT = "dispatchlib (converts translated press reports for reading and archiving)"
# What a page input may be, by the media type the server gives, and the reader for it.
PAGE_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "application/json": "json",
    "message/rfc822": "eml",
    "multipart/related": "mhtml",
    "application/x-mimearchive": "mhtml",
}

_politeness = {"delay": DEFAULT_DELAY, "timeout": DEFAULT_TIMEOUT}
_last_request: dict[str, float] = {}
_lock = threading.Lock()


@frozen
class Fetched:
    """A response: its bytes, the address it finally came from, and its media type."""

    data: bytes
    url: str
    media_type: str


def is_url(name: str) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return name.startswith(("http://", "https://")) and bool(urlsplit(name).netloc)


def set_politeness(*, delay: float | None = None, timeout: float | None = None) -> None:
    """Seconds to wait between requests to one host, and the time-out of each request."""
    if delay is not None:
        _politeness["delay"] = delay
    if timeout is not None:
        _politeness["timeout"] = timeout


def _wait_for(host: str) -> None:
    with _lock:
        wait = _last_request.get(host, 0.0) + _politeness["delay"] - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        _last_request[host] = time.monotonic()


def _client() -> httpx.Client:
    from .plugins import WEB_EXTRA, WEB_NEEDS, unavailable

    needed = unavailable("reading a web address", WEB_NEEDS, WEB_EXTRA)
    if needed:
        raise FormatError(needed)
    import httpx

    timeout = _politeness["timeout"]
    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout, connect=timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
    )


def fetch(url: str, *, limit: int, accept: tuple[str, ...] | None = None) -> Fetched:
    """GET ``url``; :class:`InputError` for an HTTP error, a time-out, too many redirects, a media
    type not in ``accept`` (default: the page types), or more than ``limit`` bytes."""
    from .sources import over_limit

    accept = accept or tuple(PAGE_TYPES)
    with _client() as client:  # first: without httpx, the error names the pip command
        import httpx

        _wait_for(urlsplit(url).netloc)
        try:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(f"{url}: {response.status_code} {response.reason_phrase}")
                media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if media_type not in accept:
                    wanted = "a page" if "text/html" in accept else "an image"
                    raise InputError(f"{url}: the server sends {media_type or 'no media type'}, not {wanted}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise over_limit(url, limit, size=int(declared))
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise over_limit(url, limit, more=True)
                    chunks.append(chunk)
                return Fetched(data=b"".join(chunks), url=str(response.url), media_type=media_type)
        except httpx.TooManyRedirects:
            raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
        except httpx.TimeoutException:
            raise InputError(f"{url}: no answer within {_politeness['timeout']:g} s (time-out)") from None
        except httpx.HTTPError as error:
            raise InputError(f"{url}: cannot fetch it: {error}") from None


def web_images(page_url: str) -> Resources:
    """The images of a fetched page, fetched in turn (:class:`~dispatchlib.reading.pages.Resources`)."""
    from urllib.parse import urljoin

    from .images import MAX_IMAGE_SIZE

    def load(src: str) -> bytes:
        address = urljoin(page_url, src)
        if not is_url(address):
            raise LookupError("not a web address")
        try:
            return fetch(address, limit=MAX_IMAGE_SIZE, accept=_IMAGE_TYPES).data
        except InputError as error:
            raise LookupError(str(error).removeprefix(f"{address}: ")) from None

    return load


_IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "image/tiff")
