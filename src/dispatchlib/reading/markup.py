"""A saved page's emphasis, strong emphasis and links as the model's spans (:mod:`.pages` uses them).

A span is read from the element itself, nested as the page nests it, its spaces collapsed as a
browser shows them and the spaces at its ends put outside it; :func:`cut` puts it back in a run
of the dispatch read from the page's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeAlias

from .. import model as m

__all__ = ["SPANS", "cut", "span_of"]

Skip: TypeAlias = Callable[[Any, str], bool]
"""Whether an element (with its tag) is left out of the text, as a browser's copy leaves it."""
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
SPANS = frozenset(("a", "b", "em", "i", "strong"))
_LINKABLE = ("http://", "https://", "mailto:")


def span_of(
    element: Any, tag: str, absolute: Callable[[str], str], skip: Skip, *, linked: bool = False
) -> list[m.Inline]:
    """An ``<em>``, ``<i>``, ``<strong>``, ``<b>`` or ``<a href>`` as the span it is, with the
    spans inside it and the spaces at its ends put outside it; nothing where it holds no text. A
    link to an address that is not ``http``, ``https`` or ``mailto`` once absolute is its content."""
    content = _content(element, absolute, skip, linked=linked or tag == "a")
    lead: list[m.Inline] = (
        [m.Text(text=" ")] if content and type(content[0]) is m.Text and content[0].text[0] == " " else []
    )
    trail = [m.Text(text=" ")] if content and type(content[-1]) is m.Text and content[-1].text[-1] == " " else []
    if content and type(content[0]) is m.Text:
        content[0] = m.Text(text=content[0].text.lstrip(" "))
    if content and type(content[-1]) is m.Text:
        content[-1] = m.Text(text=content[-1].text.rstrip(" "))
    content = [item for item in content if type(item) is not m.Text or item.text]
    if not content:
        return lead
    span: list[m.Inline] = content
    if tag in ("em", "i"):
        span = [m.Emphasis(content=content)]
    elif tag in ("strong", "b"):
        span = [m.Strong(content=content)]
    else:
        href = absolute(element.get("href") or "") if (element.get("href") or "").strip() else ""
        if href.lower().startswith(_LINKABLE):
            span = [m.Link(content=content, url=href)]
    return [*lead, *span, *trail]


def _content(element: Any, absolute: Callable[[str], str], skip: Skip, *, linked: bool) -> list[m.Inline]:
    """What an element holds as inline content: its text, spaces collapsed, and its spans (in a
    link, no link: a link holds none)."""
    out: list[m.Inline] = []

    def add(item: str | m.Inline) -> None:
        if isinstance(item, str) or type(item) is m.Text:
            value = _SPACE.sub(" ", item if isinstance(item, str) else item.text)
            if value and out and type(out[-1]) is m.Text:
                out[-1] = m.Text(text=_SPACE.sub(" ", out[-1].text + value))
            elif value:
                out.append(m.Text(text=value))
        else:
            out.append(item)

    add(element.text or "")
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1].lower() if isinstance(child.tag, str) else ""
        if tag == "br":
            add(" ")
        elif not skip(child, tag):
            spanned = tag in SPANS and not (linked and tag == "a")
            for item in (
                span_of(child, tag, absolute, skip, linked=linked)
                if spanned
                else _content(child, absolute, skip, linked=linked)
            ):
                add(item)
        add(child.tail or "")
    return out


def cut(content: list[m.Inline], start: int, label: str, span: m.Inline) -> int:
    """Put ``span`` in place of the first ``label`` in a run of ``content`` from item ``start``
    on; where to look for the next one."""
    for position in range(start, len(content)):
        item = content[position]
        at = item.text.find(label) if isinstance(item, m.Text) and not isinstance(item, m.ForeignText) else -1
        if isinstance(item, m.Text) and at >= 0:
            before, after = item.text[:at], item.text[at + len(label) :]
            parts = [*([m.Text(text=before)] if before else []), span, *([m.Text(text=after)] if after else [])]
            content[position : position + 1] = parts
            return position + len(parts) - (1 if after else 0)
    return start
