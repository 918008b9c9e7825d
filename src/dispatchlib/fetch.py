"""Web addresses as inputs: a page (and its images) fetched with httpx, politely and within limits.

``dispatchlib convert https://...`` reads the page as a saved page is read, its images fetched
from the page's own site only (the same scheme, host and port, redirects included). Every
address has one deadline (``--timeout``) for its connection, its redirects and its whole body,
whatever the server's pace; it follows at most :data:`MAX_REDIRECTS` redirects, and stops reading
past the size limit (the input limit for a page, :data:`~dispatchlib.images.MAX_IMAGE_SIZE` for
an image), counted both as sent and as decoded: gzip and deflate are undone a piece at a time,
each layer bounded, and other content encodings are refused. It says who it is
(:data:`USER_AGENT`), and waits :data:`DEFAULT_DELAY` seconds since the last request to the
same host (``--delay``, or the host's ``Crawl-delay`` where its ``robots.txt`` asks for more);
requests to other hosts do not wait for it, so pages of several hosts are fetched in parallel.
:func:`allowed_by_robots` reads a host's ``robots.txt`` once a run (:mod:`urllib.robotparser`),
and :func:`fetch_if_changed` sends the ``ETag`` and ``Last-Modified`` of the last fetch, so an
unchanged feed costs one empty answer. An HTTP error, a time-out, a redirect loop, an address
httpx cannot use, or a response that is not a page is an
:class:`~dispatchlib.errors.InputError` of one line with the address and the reason
(``404 Not Found``). ``pip install 'dispatchbook[web]'``; without it, a web address is a
:class:`~dispatchlib.errors.FormatError` (exit 6) with that command.
"""

from __future__ import annotations

import contextlib
import functools
import math
import socket
import threading
import time
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
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
    "origin",
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
    """A response: its bytes, the address it finally came from, its media type and the charset
    the server declares (None if it declares none)."""

    data: bytes
    url: str
    media_type: str
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class HTTPStatusError(InputError):
    """The server answered with an error status (``404 Not Found``); ``status`` is its number."""

    status = 0


class NotModified(Exception):
    """The server answered 304: what was fetched last time is still current."""


def is_url(name: str) -> bool:
    """True for an ``http://`` or ``https://`` address (a malformed one too: fetching it says why)."""
    if not name.startswith(("http://", "https://")):
        return False
    try:
        return bool(urlsplit(name).netloc)
    except ValueError:  # a broken IPv6 host, a port out of range
        return True


def set_politeness(*, delay: float | None = None, timeout: float | None = None) -> None:
    """Seconds to wait between requests to one host, and the time each address may take in all;
    ``ValueError`` for a delay that is not a finite number of seconds, at least 0, or a time-out
    that is not one over 0."""
    if delay is not None:
        if not math.isfinite(delay) or delay < 0:
            raise ValueError(f"expected a number of seconds of at least 0, got {delay!r}")
        _politeness["delay"] = delay
    if timeout is not None:
        if not math.isfinite(timeout) or timeout <= 0:
            raise ValueError(f"expected a number of seconds over 0, got {timeout!r}")
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


def origin(url: str) -> tuple[str, str, int | None]:
    """The scheme, host and port of ``url`` (the default port filled in): what "the same site" means."""
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return (parts.scheme, (parts.hostname or "").lower(), port)


class _Deadline:
    """The one time-out of a request, its redirects and the reading of its body: when it passes,
    every connection the request opened is shut, so no server can keep it waiting by sending a
    byte at a time (httpx's own time-outs are for each read)."""

    def __init__(self, seconds: float) -> None:
        self.passed = False
        self._sockets: list[Any] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._stop)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpx's ``trace`` extension: note each connection as it is made."""
        if event.endswith(("connect_tcp.complete", "start_tls.complete")):
            stream = info.get("return_value")
            found = stream.get_extra_info("socket") if stream is not None else None
            if found is not None:
                with self._lock:
                    self._sockets.append(found)
                    if self.passed:
                        self._shut(found)

    def _stop(self) -> None:
        with self._lock:
            self.passed = True
            for found in self._sockets:
                self._shut(found)

    @staticmethod
    def _shut(found: Any) -> None:
        with contextlib.suppress(OSError):
            found.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _client(same_site: tuple[str, str, int | None] | None) -> httpx.Client:
    from .plugins import WEB_EXTRA, WEB_NEEDS, unavailable

    needed = unavailable("reading a web address", WEB_NEEDS, WEB_EXTRA)
    if needed:
        raise FormatError(needed)
    import httpx

    timeout = _politeness["timeout"]

    def check_site(request: httpx.Request) -> None:
        if same_site is not None and origin(str(request.url)) != same_site:
            raise _OtherSite(str(request.url))

    return httpx.Client(
        verify=_tls(),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout, connect=timeout),
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": ", ".join(_DECODERS),
        },
        event_hooks={"request": [check_site]},
    )


class _OtherSite(Exception):
    """A request (an image, or where it redirects) to another site than the page's."""


# The content encodings read, each with the zlib window that decodes it; others are refused.
_DECODERS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def _decoded(raw: Iterable[bytes], encodings: list[str], limit: int, url: str) -> bytes:
    """The body from its ``raw`` pieces, each content encoding undone in turn (the last applied
    first), no layer ever holding more than ``limit`` bytes: a small body that inflates to
    gigabytes is refused after ``limit`` of them, whatever the layers."""
    from .sources import over_limit

    layers = [zlib.decompressobj(_DECODERS[name]) for name in reversed(encodings)]
    made = [0] * (len(layers) + 1)
    out: list[bytes] = []

    def feed(level: int, data: bytes) -> None:
        made[level] += len(data)
        if made[level] > limit:
            raise over_limit(url, limit, more=True)
        if level == len(layers):
            out.append(data)
            return
        layer = layers[level]
        while data and not layer.eof:
            piece = layer.decompress(data, _PIECE)
            data = layer.unconsumed_tail
            feed(level + 1, piece)

    for chunk in raw:
        feed(0, chunk)
    return b"".join(out)


_PIECE = 1 << 16


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every request: loading the certificate store takes 0.1 s of CPU, more
    than reading a page, and each request would load it again."""
    import httpx

    return httpx.create_ssl_context()


def fetch(
    url: str,
    *,
    limit: int,
    accept: tuple[str, ...] | None = None,
    same_site: tuple[str, str, int | None] | None = None,
    headers: dict[str, str] | None = None,
) -> Fetched:
    """GET ``url``; :class:`InputError` for an HTTP error, the time-out passed (for the whole
    request, redirects and body together), too many redirects, a media type not in ``accept``
    (default: the page types), more than ``limit`` bytes (as sent, and once decoded), or, with
    ``same_site`` (an :func:`origin`), a request to another site; :class:`NotModified` for a 304
    answer to conditional ``headers``."""
    from .sources import over_limit

    accept = accept or tuple(PAGE_TYPES)
    with _client(same_site) as client:  # first: without httpx, the error names the pip command
        import httpx

        try:
            _wait_for(urlsplit(url).netloc)
        except ValueError as error:
            raise InputError(f"{url}: cannot fetch it: {error}") from None
        deadline = _Deadline(_politeness["timeout"])
        try:
            with client.stream("GET", url, headers=headers, extensions={"trace": deadline.trace}) as response:
                if response.status_code >= 400:
                    refused = HTTPStatusError(f"{url}: {response.status_code} {response.reason_phrase}")
                    refused.status = response.status_code
                    raise refused
                if response.status_code == 304:
                    raise NotModified(url)
                media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if media_type not in accept:
                    wanted = "a page" if "text/html" in accept else "an image"
                    raise InputError(f"{url}: the server sends {media_type or 'no media type'}, not {wanted}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise over_limit(url, limit, size=int(declared))
                encodings = [
                    name.strip().lower()
                    for name in response.headers.get("content-encoding", "").split(",")
                    if name.strip().lower() not in ("", "identity")
                ]
                unknown = [name for name in encodings if name not in _DECODERS]
                if unknown:
                    raise InputError(f"{url}: the server sends it {unknown[0]}-encoded, which is not read")
                data = _decoded(response.iter_raw(), encodings, limit, url)
                if deadline.passed:
                    raise httpx.ReadTimeout("the deadline passed")
                return Fetched(
                    data=data,
                    url=str(response.url),
                    media_type=media_type,
                    charset=response.charset_encoding,
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
        except InputError:
            raise
        except _OtherSite as error:
            raise InputError(f"{url}: leads to another site ({error}); only the page's own site is asked") from None
        except httpx.TooManyRedirects:
            raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, zlib.error, ValueError) as error:
            if deadline.passed or isinstance(error, httpx.TimeoutException):
                raise InputError(f"{url}: no answer within {_politeness['timeout']:g} s (time-out)") from None
            raise InputError(f"{url}: cannot fetch it: {_reason(error)}") from None
        finally:
            deadline.cancel()


def _reason(error: Exception) -> str:
    """What went wrong, in one line."""
    text = " ".join(str(error).split()) or type(error).__name__
    return f"{type(error).__name__}: {text}" if isinstance(error, zlib.error | ValueError) else text


def web_images(page_url: str) -> Resources:
    """The images of a fetched page, fetched in turn (:class:`~dispatchlib.reading.pages.Resources`)."""
    from urllib.parse import urljoin

    from .images import MAX_IMAGE_SIZE

    site = origin(page_url)

    def load(src: str) -> bytes:
        address = urljoin(page_url, src)
        if not is_url(address):
            raise LookupError("not a web address")
        if origin(address) != site:
            raise LookupError("on another site than the page's; only the page's own images are fetched")
        try:
            return fetch(address, limit=MAX_IMAGE_SIZE, accept=_IMAGE_TYPES, same_site=site).data
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
