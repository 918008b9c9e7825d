"""What makes a collection an issue of a periodical in a book (:class:`~dispatchlib.Issue`): its
sections, a contents page that says of each dispatch its title, date and first sentence, the
headlines its cover shows, and the metadata readers file a periodical by.

calibre's news download marks its books ``calibre:publication_type`` ``periodical:...`` (which
its Kindle output turns into a periodical) and names the series; the same is done here, with
EPUB 3's ``belongs-to-collection`` for the periodical's name, so that readers shelve each
issue with the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar

from .. import model as m
from ..labels import date_text, display_title
from ..options import Issue
from . import _xhtml as x

__all__ = ["contents_page", "first_sentence", "headlines", "issue_metadata", "sectioned"]

T = TypeVar("T")
_SENTENCE = re.compile(r"(.{20,}?[.!?])[\"'”’)]*(?=\s+[A-Z\"'“‘(])")
MAX_SENTENCE = 240


def sectioned(members: Sequence[T], issue: Issue) -> list[tuple[str | None, list[T]]] | None:
    """``members`` (in reading order) cut into the issue's sections; None when the sections do
    not add up to the members (a collection changed since the issue was made)."""
    if sum(count for _, count in issue.sections) != len(members):
        return None
    groups: list[tuple[str | None, list[T]]] = []
    start = 0
    for name, count in issue.sections:
        groups.append((name, list(members[start : start + count])))
        start += count
    return groups


def first_sentence(dispatch: m.Dispatch) -> str:
    """The first sentence of the dispatch's first paragraph, at most about 240 characters."""
    lead = next((b for b in dispatch.body if isinstance(b, m.Paragraph)), None)
    text = " ".join(m.plain_text(lead.content).split()) if lead is not None else ""
    found = _SENTENCE.match(text)
    sentence = found.group(0) if found else text
    if len(sentence) > MAX_SENTENCE:
        sentence = sentence[: MAX_SENTENCE - 1].rsplit(" ", 1)[0] + "…"
    return sentence


def contents_page(groups: list[tuple[str | None, list[tuple[m.Dispatch, str]]]]) -> str:
    """The body of the contents page: per section a heading, per dispatch its linked title
    (``(dispatch, href)``), its date and its first sentence."""
    parts = ['<section class="issue-contents" aria-labelledby="contents-title">']
    parts.append('<h1 id="contents-title">In this issue</h1>')
    for name, members in groups:
        if name is not None:
            parts.append(f'<h2 class="section">{x.text(name)}</h2>')
        parts.append('<ul class="issue-items">')
        for dispatch, href in members:
            when = f'<span class="date">{x.text(date_text(dispatch.date))}</span> ' if dispatch.date else ""
            sentence = first_sentence(dispatch)
            lead = f'<span class="lead">{x.with_rtl_spans(sentence)}</span>' if sentence else ""
            parts.append(
                f'<li><a href="{x.attr(href)}">{x.with_rtl_spans(display_title(dispatch))}</a> {when}{lead}</li>'
            )
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def headlines(groups: list[tuple[str | None, list[m.Dispatch]]], count: int = 4) -> list[str]:
    """The titles the cover shows: the first of each section, then the next ones, ``count`` in all."""
    rounds = max((len(members) for _, members in groups), default=0)
    ordered = [members[i] for i in range(rounds) for _, members in groups if i < len(members)]
    return [display_title(dispatch) for dispatch in ordered[:count] if display_title(dispatch)]


def issue_metadata(book: Any, issue: Issue) -> None:
    """The periodical's name as the series, and calibre's periodical mark."""
    book.add_metadata(None, "meta", issue.name, {"property": "belongs-to-collection", "id": "series0"})
    book.add_metadata(None, "meta", "series", {"refines": "#series0", "property": "collection-type"})
    mark = {"name": "calibre:publication_type", "content": f"periodical:magazine:{issue.name}"}
    book.add_metadata(None, "meta", "", mark)
