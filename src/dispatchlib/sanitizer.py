"""Text that XML cannot hold, taken out of a model before any exporter sees it.

C0 control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF and lone
surrogates cannot appear in XML 1.0 (EPUB, DOCX) and break many other formats. :func:`sanitize`
replaces each with U+FFFD, the replacement character, so the damage stays visible and no text
becomes empty. :func:`dispatchlib.export` applies it to every document, so third-party exporters
receive clean text too; readers apply it and report a ``unsafe-characters`` diagnostic.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from typing import Any, TypeVar

import attrs

__all__ = ["sanitize"]

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
T = TypeVar("T")


# Documents already known to be clean, by identity: the model is immutable, so a document that
# was sanitized once (on reading, say) need not be walked again on every export.
_clean: dict[int, weakref.ref[Any]] = {}


def _known_clean(document: object) -> bool:
    ref = _clean.get(id(document))
    return ref is not None and ref() is document


def _remember(document: object) -> None:
    key = id(document)

    def forget(_: weakref.ref[Any]) -> None:
        _clean.pop(key, None)

    with contextlib.suppress(TypeError):  # not weak-referenceable: simply not remembered
        _clean[key] = weakref.ref(document, forget)


def sanitize(document: T) -> tuple[T, int]:
    """``document`` with every character XML cannot hold replaced, and how many there were.

    Returns the very same object when there is nothing to replace.
    """
    if _known_clean(document):
        return document, 0
    strings: list[str] = []
    _collect_strings(document, strings)
    if not _UNSAFE.search("".join(strings)):  # the usual case: one scan, nothing rebuilt
        _remember(document)
        return document, 0
    count = 0

    def clean(value: Any) -> Any:
        nonlocal count
        if isinstance(value, str):
            if not _UNSAFE.search(value):
                return value
            cleaned, replaced = _UNSAFE.subn("\ufffd", value)
            count += replaced
            return cleaned
        if isinstance(value, tuple):
            items = tuple(clean(item) for item in value)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        if _field_names(type(value)):
            changes = {}
            for name in _field_names(type(value)):
                old = getattr(value, name)
                new = clean(old)
                if new is not old:
                    changes[name] = new
            return attrs.evolve(value, **changes) if changes else value
        return value

    result = clean(document)
    _remember(result)
    return result, count


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    """The field names of an attrs class; none for any other type."""
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(field.name for field in attrs.fields(kind)) if attrs.has(kind) else ()
    return names


def _collect_strings(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, tuple):
        for item in value:
            _collect_strings(item, out)
    else:
        for name in _field_names(type(value)):
            _collect_strings(getattr(value, name), out)
