"""Feeds (RSS 2.0, RSS 1.0, Atom) as inputs: the addresses and dates of the reports they announce.

A feed is read by ``feedparser`` (``pip install 'dispatchbook[feeds]'``) from its bytes, never
from an address: fetching is :mod:`dispatchlib.fetch`'s, and each item's page is read by the
page reader (:mod:`.pages`). feedparser removes the entity declarations of a document type
before parsing (so an entity bomb expands nothing) and reads damaged XML leniently; a feed it
finds no item in is refused in one line with the line number the XML parser gives.

What a feed links to is checked here, before anything is fetched: an item with no link, a link
that is not ``http(s)`` (``file:``, ``ftp:``, ``javascript:``), or a link back to the feed
itself is left out with a ``feed-item-skipped`` warning; an item that comes twice is read once.
A feed of more than :data:`MAX_ITEMS` items is read up to there, with a warning, and a feed
larger than the input limit is refused while it is being fetched, like any input.
"""

from __future__ import annotations

import calendar
import datetime
import io
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from attrs import field, frozen

from ..diagnostics import Diagnostic, diagnostic
from ..errors import FormatError, InputError

__all__ = ["FEED_TYPES", "MAX_ITEMS", "Feed", "FeedItem", "is_feed", "read_feed"]

# Media types a server gives a feed; the generic XML ones are also checked by content (is_feed).
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
MAX_ITEMS = 1000
FEEDS_EXTRA = "dispatchbook[feeds]"
_ROOT = re.compile(rb"<(?![?!])([A-Za-z_][\w.:-]*)")
_FEED_ROOTS = frozenset([b"rss", b"feed", b"rdf:rdf", b"rdf"])


def _tags(value: Any) -> tuple[str, ...]:
    return tuple(value)


def _items(value: Any) -> tuple[FeedItem, ...]:
    return tuple(value)


@frozen(kw_only=True)
class FeedItem:
    """One item of a feed: the address of its page, and what the feed says of it."""

    url: str
    title: str = ""
    published: datetime.datetime | None = None
    feed: str = ""
    topics: tuple[str, ...] = field(default=(), converter=_tags)


@frozen(kw_only=True)
class Feed:
    """A feed: where it was read from, its title, and its items in the feed's order."""

    source: str
    title: str
    items: tuple[FeedItem, ...] = field(converter=_items)


def is_feed(data: bytes, media_type: str = "") -> bool:
    """True for a feed: by its media type (``application/rss+xml``, ``application/atom+xml``), or
    by its first element (``rss``, ``feed``, ``rdf:RDF``) when the type is generic XML, plain
    text or unknown (a feed file, or one served as ``text/xml``)."""
    if media_type in FEED_TYPES[:2]:
        return True
    if media_type not in ("", *FEED_TYPES[2:], "text/plain", "application/octet-stream"):
        return False
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    head = re.sub(rb"<!--.*?-->", b"", head, flags=re.DOTALL)
    root = _ROOT.search(head)
    return root is not None and root.group(1).lower() in _FEED_ROOTS


def read_feed(data: bytes, *, source: str) -> tuple[Feed, list[Diagnostic]]:
    """The items of the feed in ``data``, read from ``source`` (a file or an address, against
    which relative links are resolved), with a warning for each item left out.

    Raises :class:`InputError` for something that holds no feed item at all, and
    :class:`FormatError` (with the pip command) without feedparser.
    """
    from ..plugins import unavailable

    needed = unavailable("reading a feed", ("feedparser",), FEEDS_EXTRA)
    if needed:
        raise FormatError(f"{source}: {needed}")
    import feedparser

    # a stream, never a string: feedparser would fetch a string that looks like an address itself
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    found: list[Diagnostic] = []
    line, reason = _trouble(parsed.get("bozo_exception")) if parsed.get("bozo") else (None, "")
    if reason and not parsed.entries:
        where = f"{source}:{line}" if line else source
        raise InputError(f"{where}: not a feed, or a damaged one ({reason})")
    if not parsed.entries and not parsed.get("version"):
        raise InputError(f"{source}: not a feed (no RSS or Atom element)")
    if reason:
        message = f"the feed is not well-formed XML ({reason}); its items were read leniently"
        found.append(diagnostic("feed-damaged", message, source=source, line=line))
    title = str(parsed.feed.get("title") or urlsplit(source).netloc or source).strip()
    items: dict[str, FeedItem] = {}
    for entry in parsed.entries[:MAX_ITEMS]:
        item, reason = _item(entry, source, title)
        if item is None:
            found.append(diagnostic("feed-item-skipped", reason, source=source))
        else:
            items.setdefault(item.url, item)
    if len(parsed.entries) > MAX_ITEMS:
        message = f"the feed lists {len(parsed.entries)} items; the first {MAX_ITEMS} are read"
        found.append(diagnostic("feed-item-skipped", message, source=source))
    return Feed(source=source, title=title, items=tuple(items.values())), found


def _trouble(error: object) -> tuple[int | None, str]:
    """The line and the reason of feedparser's ``bozo_exception``: an XML parser's, or its own."""
    line = getattr(error, "getLineNumber", lambda: None)()
    reason = getattr(error, "getMessage", lambda: str(error))()
    return line, str(reason) or type(error).__name__


def _item(entry: Any, source: str, feed_title: str) -> tuple[FeedItem | None, str]:
    title = " ".join(str(entry.get("title") or "").split())
    named = f"item {title!r}" if title else "an item with no title"
    link = str(entry.get("link") or "").strip()
    if not link:
        return None, f"{named} has no link; skipped"
    url = urljoin(source, link) if "://" in source else link
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https") or not urlsplit(url).netloc:
        return None, f"{named} links to {url[:80]!r}, not a web address; skipped"
    if url.split("#")[0] == source.split("#")[0]:
        return None, f"{named} links to the feed itself; skipped"
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    published = datetime.datetime.fromtimestamp(calendar.timegm(moment), datetime.UTC) if moment else None
    topics = [str(tag.get("term") or "").strip() for tag in entry.get("tags") or []]
    item = FeedItem(url=url, title=title, published=published, feed=feed_title, topics=[t for t in topics if t])
    return item, ""
