"""Web addresses as inputs: a page (and its images) fetched with httpx, politely and within limits.

``dispatchlib convert https://...`` reads the page as a saved page is read, its images fetched
from the same site. Every request has connect and read time-outs, follows at most
:data:`MAX_REDIRECTS` redirects, stops reading past the size limit (the input limit for a page,
:data:`~dispatchlib.images.MAX_IMAGE_SIZE` for an image), says who it is (:data:`USER_AGENT`),
and waits :data:`DEFAULT_DELAY` seconds since the last request to the same host (``--delay``, or
the host's ``Crawl-delay`` where its ``robots.txt`` asks for more); requests to other hosts do not
wait for it, so pages of several hosts are fetched in parallel. :func:`allowed_by_robots` reads a
host's ``robots.txt`` once a run (:mod:`urllib.robotparser`), and :func:`fetch_if_changed` sends
the ``ETag`` and ``Last-Modified`` of the last fetch, so an unchanged feed costs one empty answer.
An HTTP error, a time-out, a redirect loop or a response that is not a page is an
:class:`~dispatchlib.errors.InputError` of one line with the address and the reason
(``404 Not Found``). ``pip install 'dispatchbook[web]'``; without it, a web address is a
:class:`~dispatchlib.errors.FormatError` (exit 6) with that command.
"""

from __future__ import annotations

import functools
import threading
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from attrs import frozen

from .errors import FormatError, InputError

if TYPE_CHECKING:
    import ssl
    from urllib.robotparser import RobotFileParser

    import httpx

    from .reading.pages import Resources

__all__ = [
    "DEFAULT_DELAY",
    "DEFAULT_TIMEOUT",
    "Fetched",
    "HTTPStatusError",
    "allowed_by_robots",
    "fetch",
    "fetch_if_changed",
    "is_url",
    "set_politeness",
    "web_images",
]

DEFAULT_TIMEOUT = 20.0  # seconds to connect, and between two pieces of a response
DEFAULT_DELAY = 1.0  # seconds between two requests to one host
MAX_REDIRECTS = 5
USER_AGENT = "dispatchlib (converts translated press reports for reading and archiving)"
ROBOTS_AGENT = "dispatchlib"  # the name robots.txt rules address
MAX_ROBOTS_SIZE = 500 * 1024  # RFC 9309: at least 500 KiB of a robots.txt is read
MAX_CRAWL_DELAY = 60.0  # seconds; a robots.txt asking for more is taken to mean this
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
_crawl_delay: dict[str, float] = {}
_lock = threading.Lock()
_robots_lock = threading.Lock()


@frozen
class Fetched:
    """A response: its bytes, the address it finally came from, and its media type."""

    data: bytes
    url: str
    media_type: str
    etag: str | None = None
    last_modified: str | None = None


class HTTPStatusError(InputError):
    """The server answered with an error status (``404 Not Found``); ``status`` is its number."""

    status = 0


class NotModified(Exception):
    """The server answered 304: what was fetched last time is still current."""


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
    """Take the next moment a request to ``host`` may go out, and sleep until then, holding no
    lock while asleep: a request to another host goes on meanwhile."""
    with _lock:
        now = time.monotonic()
        last = _last_request.get(host)
        delay = max(_politeness["delay"], _crawl_delay.get(host, 0.0))
        start = now if last is None else max(now, last + delay)
        _last_request[host] = start
    if start > now:
        time.sleep(start - now)


def _client() -> httpx.Client:
    from .plugins import WEB_EXTRA, WEB_NEEDS, unavailable

    needed = unavailable("reading a web address", WEB_NEEDS, WEB_EXTRA)
    if needed:
        raise FormatError(needed)
    import httpx

    timeout = _politeness["timeout"]
    return httpx.Client(
        verify=_tls(),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout, connect=timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
    )


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every request: loading the certificate store takes 0.1 s of CPU, more
    than reading a page, and each request would load it again."""
    import httpx

    return httpx.create_ssl_context()


def fetch(
    url: str, *, limit: int, accept: tuple[str, ...] | None = None, headers: dict[str, str] | None = None
) -> Fetched:
    """GET ``url``; :class:`InputError` for an HTTP error, a time-out, too many redirects, a media
    type not in ``accept`` (default: the page types), or more than ``limit`` bytes;
    :class:`NotModified` for a 304 answer to conditional ``headers``."""
    from .sources import over_limit

    accept = accept or tuple(PAGE_TYPES)
    with _client() as client:  # first: without httpx, the error names the pip command
        import httpx

        _wait_for(urlsplit(url).netloc)
        try:
            with client.stream("GET", url, headers=headers) as response:
                if response.status_code >= 400:
                    error = HTTPStatusError(f"{url}: {response.status_code} {response.reason_phrase}")
                    error.status = response.status_code
                    raise error
                if response.status_code == 304:
                    raise NotModified(url)
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
                return Fetched(
                    data=b"".join(chunks),
                    url=str(response.url),
                    media_type=media_type,
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
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


def fetch_if_changed(
    url: str, *, limit: int, accept: tuple[str, ...], etag: str | None = None, last_modified: str | None = None
) -> Fetched | None:
    """:func:`fetch` asking the server to answer only if ``url`` changed since the fetch that gave
    ``etag`` and ``last_modified``; None when it has not (a 304 answer)."""
    headers = {"If-None-Match": etag} if etag else {}
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        return fetch(url, limit=limit, accept=accept, headers=headers)
    except NotModified:
        return None


def allowed_by_robots(url: str) -> tuple[bool, str]:
    """Whether the ``robots.txt`` of ``url``'s host lets dispatchlib fetch it, and why not.

    Read once a run per host, as RFC 9309 says: no ``robots.txt`` (an answer 4xx) allows
    everything; a server error or no answer at all allows nothing. A ``Crawl-delay`` longer than
    ``--delay`` becomes the wait between requests to that host (at most a minute).
    """
    parts = urlsplit(url)
    with _robots_lock:  # pages read in parallel: the first one of a host fetches its robots.txt, once
        rules, reason = _robots(f"{parts.scheme}://{parts.netloc}")
    if rules is None:
        return False, reason
    return rules.can_fetch(ROBOTS_AGENT, url), "its robots.txt disallows it"


@functools.lru_cache(maxsize=256)
def _robots(origin: str) -> tuple[RobotFileParser | None, str]:
    from urllib.robotparser import RobotFileParser

    address = f"{origin}/robots.txt"
    rules = RobotFileParser(address)
    try:
        fetched = fetch(address, limit=MAX_ROBOTS_SIZE, accept=("text/plain", "text/html"))
    except HTTPStatusError as error:
        if error.status >= 500:
            return None, f"its robots.txt cannot be read ({error.status}), which forbids everything until it can"
        fetched = Fetched(data=b"", url=address, media_type="text/plain")
    except InputError as error:
        return None, f"its robots.txt cannot be read ({str(error).removeprefix(address + ': ')})"
    text = fetched.data.decode("utf-8", errors="replace") if fetched.media_type == "text/plain" else ""
    rules.parse(text.splitlines())
    delay = rules.crawl_delay(ROBOTS_AGENT)
    if delay:
        with _lock:
            _crawl_delay[urlsplit(origin).netloc] = min(float(delay), MAX_CRAWL_DELAY)
    return rules, ""
