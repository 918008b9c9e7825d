"""Emphasis, strong emphasis and links in dispatch text, as the ``txt`` exporter writes them.

``_emphasis_``, ``**strong emphasis**`` and ``[link text](https://address)``, nested as the
model nests them; a marker opens only before a word (not after a letter or digit, so
``snake_case`` stays as it is) and closes only after one. A bare web address is text, whatever
it holds; a marker that is never closed, or a ``](address)`` without its ``[``, stays as text.
"""

from __future__ import annotations

import re

from .. import model as m

__all__ = ["read_spans"]

_REF = "\ue000"  # stands for a note reference while the text is read (a private-use character)
_TOKENS = re.compile(
    r"(?P<bare>(?i:https?://)[^\s\]]+)"
    r"|\*\*|_|\["
    r"|\]\((?P<url>(?i:https?://|mailto:)[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)"
)
_KINDS: dict[str, type[m.Emphasis] | type[m.Strong]] = {"_": m.Emphasis, "**": m.Strong}


def read_spans(content: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """``content`` (runs and references) with its marked spans read; unchanged where it has none."""
    runs = [item.text for item in content if isinstance(item, m.Text)]
    if not any("_" in run or "**" in run or "](" in run for run in runs):  # most text marks nothing
        return content
    refs = [item for item in content if isinstance(item, m.NoteRef)]
    text = "".join(item.text if isinstance(item, m.Text) else _REF for item in content)
    stack: list[tuple[str, list[m.Inline]]] = [("", [])]  # (the marker that opened it, its items)
    position = 0
    for match in _TOKENS.finditer(text):
        _add(stack[-1][1], text[position : match.start()], refs)
        position = match.end()
        token = match.group()
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        marker, items = stack[-1]
        if match["bare"]:
            _add(items, token, refs)
        elif token in _KINDS and marker == token and _closes(before, after) and items:
            stack.pop()
            stack[-1][1].append(_KINDS[token](content=items))
        elif match["url"] and marker == "[" and items and _linkable(items):
            stack.pop()
            stack[-1][1].append(m.Link(content=items, url=match["url"]))
        elif token == "[" or (token in _KINDS and _opens(before, after)):
            stack.append((token, []))
        else:
            _add(items, token, refs)
    _add(stack[-1][1], text[position:], refs)
    while len(stack) > 1:  # never closed: the marker was text
        marker, items = stack.pop()
        _add(stack[-1][1], marker, refs)
        for item in items:
            _append(stack[-1][1], item)
    return tuple(stack[0][1])


def _opens(before: str, after: str) -> bool:
    return bool(after) and not after.isspace() and not before.isalnum()


def _closes(before: str, after: str) -> bool:
    return bool(before) and not before.isspace() and not after.isalnum()


def _linkable(items: list[m.Inline] | tuple[m.Inline, ...]) -> bool:
    """Whether a link may hold ``items``: no link and no reference, at any depth."""
    return all(
        not isinstance(item, m.Link | m.NoteRef) and (not isinstance(item, m.Span) or _linkable(item.content))
        for item in items
    )


def _add(items: list[m.Inline], text: str, refs: list[m.NoteRef]) -> None:
    """Add ``text`` to ``items``, its reference stand-ins as the references they stand for."""
    for index, part in enumerate(text.split(_REF)):
        if index:
            items.append(refs.pop(0))
        if part:
            _append(items, m.Text(text=part))


def _append(items: list[m.Inline], item: m.Inline) -> None:
    if type(item) is m.Text and items and type(items[-1]) is m.Text:
        items[-1] = m.Text(text=items[-1].text + item.text)
    else:
        items.append(item)
