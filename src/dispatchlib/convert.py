"""Reading files and rendering documents: the public API the CLI is a thin layer over."""

from __future__ import annotations

import datetime
import os
import re
import warnings
from collections.abc import Callable

from .decoding import DEFAULT_MAX_SIZE, to_utf8
from .diagnostics import NO_DISPATCH, Diagnostic, diagnostic
from .errors import DispatchlibError, ExportError, FormatError, InputError, NotADispatchError, PluginError
from .fetch import is_url
from .model import Collection, Dispatch, Document
from .options import ExportOptions
from .plugins import PluginHost, contained, default_host, missing
from .sanitizer import sanitize
from .sources import over_limit, read_source

__all__ = ["check_file", "collect", "export", "read_bytes", "read_file"]


def read_bytes(
    data: bytes,
    *,
    source: str = "<input>",
    format: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    fix_text: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    host: PluginHost | None = None,
    charset: str | None = None,
) -> tuple[Document, list[Diagnostic]]:
    """Read a document from bytes with the reader named ``format`` or chosen by ``source``'s suffix.

    Lenient reading keeps going past damage, but input with no dispatch in it at all raises
    :class:`NotADispatchError` either way. The document is then cleaned of characters XML
    cannot hold (:func:`~dispatchlib.sanitize`) and passed through the plugins'
    ``process_dispatch`` hooks.

    :param data: the input's bytes.
    :param source: the input's name, for choosing the reader by suffix and in diagnostics.
    :param format: the reader's name (``"html"``); by default chosen by ``source``'s suffix, else
        ``txt`` (``html`` for text that opens as a web page's markup, ``<html>``).
    :param strict: raise :class:`ParseError` on the first error instead of repairing and reporting.
    :param encoding: the input's encoding; by default UTF-8, UTF-16/32 by byte-order mark, the
        charset the input declares (``charset``, else what the reader finds in it, such as a
        page's ``<meta charset>``), or recognised (with an ``encoding-guessed`` diagnostic). A
        reader of raw bytes (an e-mail's) decodes each part by its own charset instead.
    :param fix_text: repair mojibake with ftfy.
    :param max_size: refuse input larger than this many bytes (:class:`InputError`).
    :param host: the plugin host to read with; by default :func:`~dispatchlib.default_host`.
    :param charset: the charset a web server declared for ``data``.
    :returns: the document and the diagnostics of reading it.
    """
    _check_size(len(data), max_size, source)
    host = host or default_host()
    reader = host.reader_for(source, format)
    diagnostics: list[Diagnostic] = []
    page = host.readers.get("html") if format is None and reader.name == "txt" and _is_markup(data) else None
    if page is not None and not missing(page):
        reader = page  # a page's source saved as text, or piped in
        said = "the text is a web page's markup (it opens with <html>): read as a saved page"
        diagnostics.append(diagnostic("guess", said, source=source, line=1))
    needed = missing(reader)
    if needed:
        raise FormatError(f"{source}: {needed}")
    if not reader.raw:
        declared = charset or (reader.charset(data) if reader.charset is not None else None)
        data, decoded = to_utf8(data, source=source, encoding=encoding, fix_text=fix_text, declared=declared)
        diagnostics += decoded
    try:
        document, found = reader.read(data, source=source, strict=strict)
    except DispatchlibError:
        raise
    except BaseException as error:
        if not contained(error):
            raise
        owner = host.owners.get(("reader", reader.name), "?")
        if owner.startswith("dispatchlib."):  # a built-in reader: the input is what it cannot take
            reason = " ".join(str(error).split()) or "no reason given"
            raise InputError(f"{source}: cannot be read as {reader.name}: {type(error).__name__}: {reason}") from error
        raise PluginError(
            f"{source}: reader {reader.name!r} ({owner}) failed: {type(error).__name__}: {error}"
        ) from error
    diagnostics += found
    for item in found:
        if item.code in NO_DISPATCH:
            refused = NotADispatchError(item.message, source=item.source or source, line=item.line)
            refused.diagnostics = diagnostics
            raise refused
    from .images import check_images

    document, unusable = check_images(document, source)
    diagnostics += unusable
    document, replaced = sanitize(document)
    if replaced:
        message = f"{replaced} character(s) that XML cannot hold replaced with U+FFFD"
        diagnostics.append(diagnostic("unsafe-characters", message, source=source))
    document, failures = host.process(document)
    diagnostics += [diagnostic("plugin-failed", str(failure), source=source) for failure in failures]
    return document, diagnostics


# a web page's markup opens with its <html> tag (after its doctype), and a tag of its head or body
# follows; prose that begins by naming the tag ("<html> tags were left in this copy ...") does not
_MARKUP_START = re.compile(rb"\s*(?:<!doctype html[^>]*>\s*)?<html[\s>]", re.IGNORECASE)
_MARKUP_TAG = re.compile(rb"<(?:head|body|p|div|br|pre|table)[\s/>]", re.IGNORECASE)


def _is_markup(data: bytes) -> bool:
    """Does the input open as a web page's HTML (``<html>``, ``<!DOCTYPE html>``)?"""
    start = data[:4096].removeprefix(b"\xef\xbb\xbf")
    return _MARKUP_START.match(start) is not None and _MARKUP_TAG.search(start) is not None


def _check_size(size: int, limit: int, source: str) -> None:
    if size > limit:
        raise over_limit(source, limit, size=size)


def read_file(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    strict: bool = False,
    encoding: str | None = None,
    fix_text: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    host: PluginHost | None = None,
) -> tuple[Document, list[Diagnostic]]:
    """Read a document from a file or a web address (options as :func:`read_bytes`);
    :class:`InputError` says why it cannot be read. A web address is fetched by
    :func:`dispatchlib.fetch.fetch` and read by the reader its media type calls for."""
    name = os.fspath(path)
    if is_url(name):
        from .fetch import PAGE_TYPES, fetch

        fetched = fetch(name, limit=max_size)
        data, name, charset = fetched.data, fetched.url, fetched.charset
        format = format or PAGE_TYPES[fetched.media_type]
    else:
        data, charset = read_source(name, max_size), None
    return read_bytes(
        data,
        source=name,
        format=format,
        strict=strict,
        encoding=encoding,
        fix_text=fix_text,
        max_size=max_size,
        host=host,
        charset=charset,
    )


def check_file(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    encoding: str | None = None,
    fix_text: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> list[Diagnostic]:
    """Everything the lenient reader notices about one input, as :func:`read_file` reads it; an
    input that cannot be read at all gives one error-level diagnostic (``unreadable``, or the
    code that says it holds no dispatch) instead of an exception, so that a linter can go on."""
    name = os.fspath(path)
    return findings(
        name, lambda: read_file(name, format=format, encoding=encoding, fix_text=fix_text, max_size=max_size)
    )


def findings(source: str, read: Callable[[], tuple[Document, list[Diagnostic]]]) -> list[Diagnostic]:
    """What ``read()`` (a lenient read of ``source``) notices, its refusal as a diagnostic too."""
    try:
        return read()[1]
    except NotADispatchError as error:
        return list(error.diagnostics)
    except DispatchlibError as error:
        message = str(error).removeprefix(f"{source}: ")
        return [diagnostic("unreadable", message, source=getattr(error, "source", None) or source)]


def collect(documents: list[Document], *, title: str = "") -> tuple[Document, list[Diagnostic]]:
    """One document from several: a single dispatch stays itself, more make a :class:`Collection`.

    A collection's dispatches are ordered by date, then series and number; a dispatch that comes
    twice (same series and number, or for one without a number the same canonical address) is
    kept once, the fuller copy, with a ``duplicate-dispatch`` diagnostic.
    """
    dispatches: list[Dispatch] = []
    for document in documents:
        dispatches.extend(document.dispatches if isinstance(document, Collection) else [document])
    if len(dispatches) == 1 and not title:
        return dispatches[0], []
    kept: dict[object, Dispatch] = {}
    found: list[Diagnostic] = []
    for index, dispatch in enumerate(dispatches):
        key = _identity(dispatch, index)
        other = kept.get(key)
        if other is not None:
            named = (
                f"{dispatch.series or ''} No. {dispatch.number}" if dispatch.number is not None else dispatch.source_url
            )
            message = f"{named} appears twice; the fuller copy is kept"
            found.append(diagnostic("duplicate-dispatch", message.lstrip()))
            if _size(dispatch) <= _size(other):
                continue
        kept[key] = dispatch
    ordered = sorted(kept.values(), key=_order)
    return Collection(title=title, dispatches=tuple(ordered)), found


def _identity(dispatch: Dispatch, index: int) -> object:
    """What makes two dispatches one: series and number, else the canonical address, else nothing."""
    if dispatch.number is not None:
        return (dispatch.series, dispatch.number)
    if dispatch.source_url:
        from .history import canonical_address

        return canonical_address(dispatch.source_url)
    return index


def _size(dispatch: Dispatch) -> int:
    return len(dispatch.body) + len(dispatch.notes)


def _order(dispatch: Dispatch) -> tuple[datetime.date, str, int]:
    return (dispatch.date or datetime.date.max, dispatch.series or "", dispatch.number or 0)


def export(
    document: Document, to: str, options: ExportOptions | None = None, *, host: PluginHost | None = None
) -> bytes:
    """Render ``document`` with the exporter named ``to``.

    Raises :class:`FormatError` for an unknown name and :class:`ExportError` when the exporter
    itself fails.
    """
    host = host or default_host()
    exporter = host.exporter(to)
    needed = missing(exporter)
    if needed:
        raise FormatError(needed)
    document, _ = sanitize(document)
    owner = host.owners.get(("exporter", to), "?")
    try:
        data = exporter.export(document, options or ExportOptions())
    except DispatchlibError:
        raise
    except BaseException as error:  # an exporter's bug, or its sys.exit(), is an export failure
        if not contained(error):
            raise
        reason = " ".join(str(error).split()) or "no reason given"
        raise ExportError(f"exporter {to!r} ({owner}) failed: {type(error).__name__}: {reason}") from error
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise ExportError(f"exporter {to!r} ({owner}) returned {type(data).__name__}, not bytes; nothing was written")
    return data


def export_reporting(
    document: Document, to: str, options: ExportOptions | None = None, *, source: str = "<input>"
) -> tuple[bytes, list[Diagnostic]]:
    """:func:`export`, with each warning the exporter gave (a :class:`UserWarning`, such as the
    PDF's for a script no font draws) as an ``export-warning`` diagnostic of ``source``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        data = export(document, to, options)
    found = []
    for warning in caught:
        if issubclass(warning.category, UserWarning):
            found.append(diagnostic("export-warning", str(warning.message), source=source))
        else:  # not the exporter's to say: passed on as it came
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return data, found
