"""Periodicals: the new items of feeds, with pages, mailboxes and files, as one issue of a book.

:func:`gather` reads the inputs: a feed (a file, or an address whose answer is a feed by media
type or content, :mod:`dispatchlib.reading.feeds`) gives the addresses of its items, chosen by
:class:`Selection` and the :class:`~dispatchlib.history.History`; each item's page is fetched
(:mod:`dispatchlib.fetch`, only where the host's ``robots.txt`` allows it) and read by the page
reader, several at once, each host no faster than its delay allows. An item that cannot be
fetched or read is a warning and the others go on. :func:`make_issue` makes the collection
(one dispatch once, :func:`~dispatchlib.convert.collect`) and the :class:`~dispatchlib.Issue`
that renders it as a periodical: its title, dates and sections.
"""

from __future__ import annotations

import datetime
import os
import re
import stat
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

import attrs
from attrs import Factory, define, frozen

from . import model as m
from .convert import collect
from .diagnostics import Diagnostic, diagnostic
from .errors import DispatchlibError, InputError
from .fetch import PAGE_TYPES, Fetched, allowed_by_robots, fetch_if_changed, is_url
from .history import History, canonical_address
from .labels import issue_dates
from .options import Issue
from .reading.feeds import FEED_TYPES, Feed, FeedItem, is_feed, read_feed
from .sources import read_source

__all__ = ["Gathered", "Selection", "gather", "make_issue", "parse_since"]

Read = Callable[[str, Fetched | None], tuple[m.Document, list[Diagnostic]]]
"""How an input is read: ``read(source, None)`` reads a file or fetches an address;
``read(source, fetched)`` reads a page already fetched."""

Sections = Literal["series", "topic", "feed"]
_SPAN = re.compile(r"(\d{1,4})\s*([hdw])")
_FEED_SUFFIXES = (".rss", ".atom", ".rdf", ".xml")
WORKERS = 8  # pages read at once (each host still no faster than its delay)


@frozen(kw_only=True)
class Selection:
    """Which items of a feed to take: published ``since`` (undated items are taken), and at most
    the ``max_items`` newest of each feed."""

    since: datetime.datetime | None = None
    max_items: int | None = None


def parse_since(text: str, now: datetime.datetime) -> datetime.datetime:
    """``--since``: a date (``2026-11-24``, midnight UTC), a moment in ISO 8601, or a span back
    from ``now`` (``12h``, ``7d``, ``2w``); ValueError saying so otherwise."""
    span = _SPAN.fullmatch(text.strip().lower())
    if span:
        unit = {"h": "hours", "d": "days", "w": "weeks"}[span.group(2)]
        return now - datetime.timedelta(**{unit: int(span.group(1))})
    try:
        moment = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"expected a date (2026-11-24) or a span back from now (12h, 7d, 2w), got {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _default_read(source: str, fetched: Fetched | None) -> tuple[m.Document, list[Diagnostic]]:
    from .convert import read_bytes, read_file

    if fetched is None:
        return read_file(source)
    return read_bytes(fetched.data, source=fetched.url, format=PAGE_TYPES[fetched.media_type])


@define
class Gathered:
    """What :func:`gather` read: each dispatch with the feed item it came from (None for an input
    named itself), what it noticed, and what the history is to remember once the output is
    written: the item addresses read, each feed's title and validators, and the items that
    failed (item: feed), to be tried again."""

    dispatches: list[tuple[m.Dispatch, FeedItem | None]] = Factory(list)
    diagnostics: list[Diagnostic] = Factory(list)
    feeds: list[Feed] = Factory(list)
    addresses: list[str] = Factory(list)
    validators: dict[str, tuple[str, str | None, str | None]] = Factory(dict)
    failed: dict[str, str] = Factory(dict)


def gather(
    sources: Sequence[str],
    *,
    selection: Selection | None = None,
    history: History | None = None,
    read: Read = _default_read,
    max_size: int = 20 * 2**20,
    workers: int = WORKERS,
) -> Gathered:
    """Read ``sources`` (files, addresses, feeds; ``'-'`` for stdin as ``read`` takes it); see the
    module. An input named itself that cannot be read raises, as ``convert`` does for any input."""
    selection = selection or Selection()
    done = Gathered()
    items: dict[str, tuple[FeedItem, str]] = {}
    for source in sources:
        if is_url(source):
            etag, modified = history.validators(source) if history else (None, None)
            accept = (*PAGE_TYPES, *FEED_TYPES)
            fetched = fetch_if_changed(source, limit=max_size, accept=accept, etag=etag, last_modified=modified)
            if fetched is None:
                message = "not changed since the last run (the server answered 304); nothing new in it"
                done.diagnostics.append(diagnostic("feed-unchanged", message, source=source))
                title, again = history.retry(source) if history else ("", [])
                for url in again:
                    items.setdefault(canonical_address(url), (FeedItem(url=url, feed=title or source), source))
                continue
            if not is_feed(fetched.data, fetched.media_type):
                if fetched.media_type not in PAGE_TYPES:
                    raise InputError(f"{source}: the server sends {fetched.media_type}, neither a page nor a feed")
                _add(done, read(source, fetched), None)
                continue
            feed, found = read_feed(fetched.data, source=fetched.url)
            done.validators[source] = (feed.title, fetched.etag, fetched.last_modified)
        elif source != "-" and _feed_file(source, max_size):
            feed, found = read_feed(read_source(source, max_size), source=source)
        else:
            _add(done, read(source, None), None)
            continue
        done.feeds.append(feed)
        done.diagnostics += found
        chosen, found = _select(feed, selection, history)
        done.diagnostics += found
        for item in chosen:
            items.setdefault(canonical_address(item.url), (item, source))
    pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(items))))
    try:
        results = list(pool.map(lambda pair: _read_item(pair[0], read), items.values()))
    finally:  # on Ctrl-C or SIGTERM no page not yet started is fetched
        pool.shutdown(wait=False, cancel_futures=True)
    for (item, source), (document, found) in zip(items.values(), results, strict=True):
        done.diagnostics += [attrs.evolve(d, source=d.source or source) for d in found]
        if document is None:
            if found and found[0].code == "feed-item-failed":
                done.failed[item.url] = source
            continue
        done.addresses.append(item.url)
        for dispatch in _dispatches(document):
            if history is not None and history.has(dispatch):
                message = f"{item.url}: delivered by an earlier run (the same report at another address); skipped"
                done.diagnostics.append(diagnostic("already-delivered", message, source=source))
            else:
                done.dispatches.append((_completed(dispatch, item), item))
    return done


def _feed_file(path: str, max_size: int) -> bool:
    """A file is read as a feed by its suffix, or by its first element: only a regular file's is
    looked at, because looking would take what a FIFO holds from its reader."""
    if path.lower().endswith(_FEED_SUFFIXES):
        return True
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as file:
            return is_feed(file.read(4096))
    except OSError:
        return False  # reading it will say why


def _add(done: Gathered, read: tuple[m.Document, list[Diagnostic]], item: FeedItem | None) -> None:
    document, found = read
    done.diagnostics += found
    done.dispatches += [(dispatch, item) for dispatch in _dispatches(document)]


def _dispatches(document: m.Document) -> tuple[m.Dispatch, ...]:
    return document.dispatches if isinstance(document, m.Collection) else (document,)


def _select(feed: Feed, selection: Selection, history: History | None) -> tuple[list[FeedItem], list[Diagnostic]]:
    chosen = list(feed.items)
    if selection.since is not None:
        since = selection.since
        chosen = [item for item in chosen if item.published is None or item.published >= since]
    found = []
    if history is not None:
        for item in [item for item in chosen if history.delivered(item.url)]:
            message = f"{item.url}: delivered by an earlier run; skipped"
            found.append(diagnostic("already-delivered", message, source=feed.source))
            chosen.remove(item)
    if selection.max_items is not None:
        newest = sorted(chosen, key=_newest_first)[: selection.max_items]
        chosen = [item for item in chosen if item in newest]
    return chosen, found


def _newest_first(item: FeedItem) -> tuple[bool, float]:
    return (item.published is None, -item.published.timestamp() if item.published else 0.0)


def _read_item(item: FeedItem, read: Read) -> tuple[m.Document | None, list[Diagnostic]]:
    allowed, reason = allowed_by_robots(item.url)
    if not allowed:
        return None, [diagnostic("robots-disallowed", f"{item.url}: {reason}; skipped")]
    try:
        return read(item.url, None)
    except DispatchlibError as error:
        return None, [diagnostic("feed-item-failed", f"{error}; the other items go on")]


def _completed(dispatch: m.Dispatch, item: FeedItem) -> m.Dispatch:
    """What the page did not say and the feed did: the date, the address, the topics."""
    return attrs.evolve(
        dispatch,
        date=dispatch.date or (item.published.date() if item.published else None),
        source_url=dispatch.source_url or item.url,
        topics=dispatch.topics or item.topics,
    )


def make_issue(
    gathered: Gathered, *, sections: Sections = "series", today: datetime.date
) -> tuple[m.Collection, Issue, list[Diagnostic]]:
    """The issue: the dispatches once each (:func:`~dispatchlib.convert.collect`), grouped in
    ``sections`` in the order of their first dispatch, and titled after the feeds and the dates
    (the feed's title, an em dash, and the dates). ``gathered`` holds at least one dispatch."""
    feed_of = {id(dispatch): item.feed for dispatch, item in gathered.dispatches if item is not None}
    # a title makes even one dispatch a collection; the issue's own is set below
    collected, found = collect([dispatch for dispatch, _ in gathered.dispatches], title="issue")
    collection = collected if isinstance(collected, m.Collection) else m.Collection(dispatches=(collected,))

    def section(dispatch: m.Dispatch) -> str:
        if sections == "feed":
            return feed_of.get(id(dispatch), "Other reports")
        if sections == "topic":
            return dispatch.topics[0] if dispatch.topics else "Other reports"
        return dispatch.series or "Other reports"

    groups: dict[str, list[m.Dispatch]] = {}
    for dispatch in collection.dispatches:
        groups.setdefault(section(dispatch), []).append(dispatch)
    ordered = [dispatch for members in groups.values() for dispatch in members]
    dates = [d.date for d in ordered if d.date] or [today]
    start, end = min(dates), max(dates)
    names = list(dict.fromkeys(feed.title for feed in gathered.feeds)) or ["Dispatches"]
    name = names[0] if len(names) == 1 else " · ".join(names) if len(names) <= 3 else "Dispatches"
    title = f"{name} — {issue_dates(start, end)}"
    issue = Issue(name=name, start=start, end=end, sections=tuple((key, len(d)) for key, d in groups.items()))
    return attrs.evolve(collection, title=title, dispatches=tuple(ordered)), issue, found
