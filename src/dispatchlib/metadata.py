"""Metadata given on the command line (``-M KEY=VALUE``, as pandoc and calibre take it), applied
to the model before any exporter sees it, so plugins' exporters get it too.

Title, author, series, series index, language, date and tags are the model's own fields; a
collection takes the title itself and gives the rest to each of its dispatches. Publisher and
description are not part of a dispatch: they go to :class:`~dispatchlib.ExportOptions`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs

from .model import Collection, Document
from .options import _CONTROL, ExportOptions

__all__ = ["METADATA_KEYS", "apply_metadata", "parse_metadata"]

METADATA_KEYS = {
    "title": "the title (of a collection, the collection's)",
    "author": "an author; give it once for each",
    "publisher": "the publisher named in e-book and Word metadata",
    "series": "the series (Special Dispatch, Inquiry & Analysis, ...)",
    "series-index": "the number in the series (one dispatch only)",
    "language": "the BCP 47 language tag of the text",
    "date": "the date, YYYY-MM-DD",
    "description": "the description in e-book and Word metadata, instead of the lead",
    "tags": "topics, separated by commas; give it more than once to add more",
}
_REPEATED = ("author", "tags")


def parse_metadata(items: Iterable[str]) -> dict[str, list[str]]:
    """``KEY=VALUE`` strings as a mapping of each key to its values; ValueError names the first
    that is not one, whose key is unknown, or whose value is not one line (as ``--title``)."""
    out: dict[str, list[str]] = {}
    for item in items:
        key, equals, value = item.partition("=")
        key = key.strip().lower().replace("_", "-")
        if not equals:
            raise ValueError(f"{item!r}: write KEY=VALUE, as in title='Week 11'")
        if key not in METADATA_KEYS:
            raise ValueError(f"{item!r}: unknown key {key!r}; the keys are {', '.join(METADATA_KEYS)}")
        if key in out and key not in _REPEATED:
            raise ValueError(f"{key} is given twice")
        if _CONTROL.search(value):
            raise ValueError(f"{key}: {value!r} holds a control character (a line break, a tab, ...); give one line")
        out.setdefault(key, []).append(value.strip())
    return out


def apply_metadata(
    document: Document, options: ExportOptions, metadata: dict[str, list[str]]
) -> tuple[Document, ExportOptions]:
    """``document`` and ``options`` with ``metadata`` (from :func:`parse_metadata`) in them;
    ValueError says which value does not fit (a date that is not one, a series index for a
    collection)."""
    if not metadata:
        return document, options
    changes: dict[str, Any] = {}
    if "author" in metadata:
        changes["authors"] = tuple(metadata["author"])
    if "series" in metadata:
        changes["series"] = metadata["series"][0] or None
    if "series-index" in metadata:
        if isinstance(document, Collection):
            raise ValueError("series-index: a collection's dispatches keep their own numbers")
        changes["number"] = _number(metadata["series-index"][0])
    if "language" in metadata:
        options = attrs.evolve(options, language=metadata["language"][0])  # checks and standardises it
        changes["language"] = options.language
    if "date" in metadata:
        changes["date"] = _date(metadata["date"][0])
    if "tags" in metadata:
        changes["topics"] = tuple(tag.strip() for value in metadata["tags"] for tag in value.split(",") if tag.strip())
    option_changes: dict[str, Any] = {key: metadata[key][0] for key in ("publisher", "description") if key in metadata}
    if "title" in metadata and isinstance(document, Collection):
        option_changes["title"] = metadata["title"][0]
    options = attrs.evolve(options, **option_changes)

    if isinstance(document, Collection):
        dispatches = tuple(attrs.evolve(d, **changes) for d in document.dispatches)
        return attrs.evolve(document, title=options.title, dispatches=dispatches), options
    if "title" in metadata:
        changes["title"] = metadata["title"][0]
    return attrs.evolve(document, **changes), options


def _number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"series-index: expected a whole number from 1, got {value!r}")
    return number


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"date: expected YYYY-MM-DD, got {value!r}") from None
