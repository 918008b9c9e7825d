"""``convert``'s inputs read for one output: feeds among them make the output an issue.

The feed options (``--since``, ``--max-items``, ``--history``, ``--sections``) and what they do:
:func:`read_for_one_output` reads every input through :func:`dispatchlib.periodical.gather`, and
:func:`remember_delivered` updates the history file once the output is written.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Literal

import attrs
import click
from attrs import frozen

from ..convert import collect
from ..diagnostics import Diagnostic
from ..errors import NothingNewError
from ..fetch import Fetched
from ..history import History
from ..model import Collection, Document
from ..options import ExportOptions
from ..periodical import Gathered, Selection, gather, make_issue, parse_since
from .shared import Reading
from .terminal import report


@frozen(kw_only=True)
class FeedChoices:
    """What the feed options say."""

    since: str | None = None
    max_items: int | None = None
    history: str | None = None
    sections: Literal["series", "topic", "feed"] = "series"


def feed_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that choose a feed's items and the sections of the issue, as one ``feeds``
    argument (:class:`FeedChoices`)."""
    options = [
        click.option(
            "--since", metavar="WHEN", help="Feeds: items published since a date (2026-11-24) or 7d, 12h, 2w."
        ),
        click.option("--max-items", type=click.IntRange(min=1), help="Feeds: at most this many new items per feed."),
        click.option(
            "--history",
            metavar="FILE",
            type=click.Path(dir_okay=False),
            help="Feeds: skip what earlier runs delivered; updated after the output is written.",
        ),
        click.option(
            "--sections",
            type=click.Choice(["series", "topic", "feed"]),
            default="series",
            show_default=True,
            help="Feeds: the sections of the issue.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def choices(since: str | None, max_items: int | None, history: str | None, sections: str) -> FeedChoices:
    return FeedChoices(since=since, max_items=max_items, history=history, sections=sections)  # type: ignore[arg-type]


def read_for_one_output(
    sources: list[str], reading: Reading, feeds: FeedChoices, options: ExportOptions, *, strict: bool, quiet: bool
) -> tuple[Document, ExportOptions, History | None, Gathered]:
    """The document of one output from ``sources``: an issue (:class:`~dispatchlib.Issue` in the
    options) when feeds are among them, else a dispatch or a collection as before.

    Raises :class:`NothingNewError` when feeds were read and none of their items is new.
    """
    now = datetime.datetime.now(datetime.UTC)
    try:
        since = parse_since(feeds.since, now) if feeds.since else None
    except ValueError as error:
        raise click.UsageError(f"--since: {error}") from None
    history = History.load(feeds.history) if feeds.history else None

    def read(source: str, fetched: Fetched | None) -> tuple[Document, list[Diagnostic]]:
        return reading.read(source, strict) if fetched is None else reading.read_fetched(fetched, strict)

    gathered = gather(
        sources,
        selection=Selection(since=since, max_items=feeds.max_items),
        history=history,
        read=read,
        max_size=int(reading.max_mb * 2**20),
    )
    report(gathered.diagnostics, quiet)
    if not gathered.dispatches:
        where = f" (history {feeds.history})" if feeds.history else ""
        failed = len(gathered.failed)
        again = f"; {failed} item(s) could not be read, and are tried again next run" if failed and history else ""
        raise NothingNewError(f"nothing new since the last run{where}{again}; no file written")
    if not gathered.feeds:
        document, found = collect([dispatch for dispatch, _ in gathered.dispatches], title=options.title)
        report(found, quiet)
        return document, options, history, gathered
    document, issue, found = make_issue(gathered, sections=feeds.sections, today=now.date())
    report(found, quiet)
    if options.title:
        document = attrs.evolve(document, title=options.title)
    return document, attrs.evolve(options, issue=issue), history, gathered


def remember_delivered(history: History | None, document: Document, gathered: Gathered) -> None:
    """Add what the output holds to the history file, now that the output is written."""
    if history is None:
        return
    today = datetime.datetime.now(datetime.UTC).date()
    dispatches = document.dispatches if isinstance(document, Collection) else (document,)
    history.remember(dispatches, gathered.addresses, gathered.validators, gathered.failed, today)
    history.save(today)
