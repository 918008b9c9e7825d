"""The history file of ``--history``: what earlier runs delivered, and how each feed was last fetched.

A small JSON file that a person can read::

    {"dispatchlib-history": 1,
     "addresses": {"https://example.org/reports/varenko": "2026-11-30", ...},
     "dispatches": {"Special Dispatch No. 12001": "2026-11-30", ...},
     "feeds": {"https://example.org/feed.xml": {"etag": "\\"a1\\"", "last_modified": "...", "title": "..."}},
     "pending": {"https://example.org/reports/down": "https://example.org/feed.xml"}}

An item is delivered once: skipped before its page is fetched when its address is in
``addresses``, and after reading when its canonical address or its series and number are. An
item whose page could not be read is ``pending``: tried again next run, even when its feed has
not changed since (the server answers 304 and lists nothing). The
file is only written by :meth:`History.save`, after the output was written, in one atomic
rename (:func:`~dispatchlib.output.write_atomic`): a run that fails or is interrupted before
that leaves the file as it was, and delivers the same items again next time. Entries older than
:data:`KEEP_DAYS` days are dropped when it is saved, so the file does not grow forever.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

import orjson
from attrs import Factory, define

from .errors import InputError
from .model import Dispatch

__all__ = ["KEEP_DAYS", "History", "canonical_address"]

KEEP_DAYS = 400
_MAX_SIZE = 64 * 2**20
_KEY = "dispatchlib-history"


def canonical_address(url: str) -> str:
    """``url`` with its scheme and host in lower case and without its ``#fragment``: the form in
    which two links to one page are compared."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _dispatch_key(dispatch: Dispatch) -> str | None:
    if dispatch.number is None:
        return None
    return f"{dispatch.series or ''} No. {dispatch.number}".lstrip()


@define
class History:
    """What earlier runs delivered (see the module). ``path`` None: a history kept in memory only."""

    path: str | None = None
    addresses: dict[str, str] = Factory(dict)
    dispatches: dict[str, str] = Factory(dict)
    feeds: dict[str, dict[str, str]] = Factory(dict)
    pending: dict[str, str] = Factory(dict)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> History:
        """The history in the file at ``path``; an empty one if there is no such file yet.
        :class:`InputError` (with the line) for a file that is not a history file."""
        from .sources import read_source

        name = os.fspath(path)
        if not os.path.lexists(name):
            return cls(path=name)
        data = read_source(name, _MAX_SIZE)
        try:
            found = orjson.loads(data)
        except orjson.JSONDecodeError as error:
            raise InputError(
                f"{name}:{error.lineno}: not a history file ({error.msg}); move it away to start anew"
            ) from None
        if not isinstance(found, dict) or found.get(_KEY) != 1:
            raise InputError(f"{name}: not a dispatchlib history file; move it away to start anew")
        try:
            return cls(
                path=name,
                addresses=_strings(found.get("addresses", {})),
                dispatches=_strings(found.get("dispatches", {})),
                feeds={str(url): _strings(value) for url, value in dict(found.get("feeds", {})).items()},
                pending=_strings(found.get("pending", {})),
            )
        except (TypeError, ValueError, AttributeError):
            raise InputError(f"{name}: a history file whose entries are not names and dates; move it away") from None

    def delivered(self, url: str) -> bool:
        """True if an earlier run delivered the page at ``url``."""
        return canonical_address(url) in self.addresses

    def has(self, dispatch: Dispatch) -> bool:
        """True if an earlier run delivered ``dispatch`` (by its address or its series and number)."""
        key = _dispatch_key(dispatch)
        url = dispatch.source_url
        return (key is not None and key in self.dispatches) or (url is not None and self.delivered(url))

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        """The ``ETag`` and ``Last-Modified`` the feed at ``feed`` was last fetched with."""
        known = self.feeds.get(feed, {})
        return known.get("etag"), known.get("last_modified")

    def retry(self, feed: str) -> tuple[str, list[str]]:
        """The title of the feed at ``feed`` and its items an earlier run could not read."""
        return self.feeds.get(feed, {}).get("title", ""), [url for url, of in self.pending.items() if of == feed]

    def remember(
        self,
        dispatches: Iterable[Dispatch],
        addresses: Iterable[str],
        feeds: dict[str, tuple[str, str | None, str | None]],
        failed: dict[str, str],
        today: datetime.date,
    ) -> None:
        """Add what a run delivered: its dispatches, the item addresses they were read from, the
        title and validators of the feeds it read, and the items that failed (item: feed)."""
        day = today.isoformat()
        for dispatch in dispatches:
            key = _dispatch_key(dispatch)
            if key is not None:
                self.dispatches[key] = day
            if dispatch.source_url:
                self.addresses[canonical_address(dispatch.source_url)] = day
        for url in addresses:
            self.addresses[canonical_address(url)] = day
        for url, (title, etag, modified) in feeds.items():
            known = {"etag": etag, "last_modified": modified, "title": title}
            self.feeds[url] = {name: value for name, value in known.items() if value}
        self.pending = {url: feed for url, feed in self.pending.items() if canonical_address(url) not in self.addresses}
        self.pending.update(failed)

    def save(self, today: datetime.date) -> None:
        """Write the file atomically, without the entries older than :data:`KEEP_DAYS` days."""
        from .output import write_atomic

        if self.path is None:
            return
        oldest = (today - datetime.timedelta(days=KEEP_DAYS)).isoformat()
        document = {
            _KEY: 1,
            "addresses": {url: day for url, day in sorted(self.addresses.items()) if day >= oldest},
            "dispatches": {key: day for key, day in sorted(self.dispatches.items()) if day >= oldest},
            "feeds": dict(sorted(self.feeds.items())),
            "pending": dict(sorted(self.pending.items())),
        }
        write_atomic(self.path, orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")


def _strings(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise TypeError(value)
    return {str(key): str(item) for key, item in value.items()}
