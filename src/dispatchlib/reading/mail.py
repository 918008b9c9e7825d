"""E-mail alerts: ``.eml`` messages and ``.mbox`` mailboxes, read with the standard library.

Each message gives its HTML part when it has one (read as a saved page, :mod:`.pages`, so its
links and image credits are kept), else its text part (read as copied text). An alert's own
chrome (view in a browser, unsubscribe, why you receive it) is page chrome to the structural
reader (:mod:`.layouts`). A mailbox of several alerts is one collection. A saved ``.mhtml`` page
is a MIME message too: its HTML part is read the same way.

A message is parsed from its raw bytes, never from text decoded by a guess: each part is decoded
once, by the charset it declares; only a part that declares none is recognised (as a text file
is, with ``encoding-guessed``). A charset that is unknown or not one for text (``idna``,
``base64``), or parts nested more than :data:`MAX_NESTING` deep, are one-line input errors.
"""

from __future__ import annotations

import email
import mailbox
import os
import tempfile
from collections.abc import Iterator
from email.message import Message
from urllib.parse import urljoin

from .. import model as m
from ..decoding import check_encoding, decode_text
from ..diagnostics import NO_DISPATCH, Diagnostic, diagnostic
from ..errors import InputError, NotADispatchError
from .pages import Resources, read_page
from .parser import read_document

__all__ = ["MAX_NESTING", "read_mbox", "read_message"]

MAX_NESTING = 64  # parts inside parts; real messages nest three or four deep


def _message(data: bytes, source: str) -> Message:
    """The message, parsed from its bytes with the standard library's ``compat32`` policy: its
    headers are read when asked for. The newer ``default`` policy parses every header of every
    part into objects, which took 90% of the time of reading an alert (4.6 ms of 4.9)."""
    try:
        message = email.message_from_bytes(data)
    except RecursionError:  # the parser recurses into each nested multipart
        raise InputError(f"{source}: its parts are nested more than {MAX_NESTING} deep; not read") from None
    return message


def _walk(message: Message, source: str) -> Iterator[Message]:
    """Every part of ``message`` that is not a multipart, in order, without recursion, and no
    deeper than :data:`MAX_NESTING`."""
    stack: list[tuple[Message, int]] = [(message, 0)]
    while stack:
        part, depth = stack.pop()
        if depth > MAX_NESTING:
            raise InputError(f"{source}: its parts are nested more than {MAX_NESTING} deep; not read")
        inner = part.get_payload() if part.is_multipart() else None
        if isinstance(inner, list):
            stack += ((child, depth + 1) for child in reversed(inner) if isinstance(child, Message))
        elif not part.is_multipart():
            yield part


def _body(message: Message, source: str) -> tuple[str, str, list[Diagnostic]] | None:
    """The message's HTML body, else its text body, ``(kind, text, diagnostics)``: the first part
    of each kind that is not an attachment, decoded once, by its declared charset."""
    found: dict[str, Message] = {}
    for part in _walk(message, source):
        if part.get_content_maintype() != "text":
            continue
        if str(part.get("Content-Disposition", "")).strip().lower().startswith("attachment"):
            continue
        found.setdefault(part.get_content_subtype(), part)
    chosen = found.get("html") or found.get("plain")
    payload = chosen.get_payload(decode=True) if chosen is not None else None
    if chosen is None or not isinstance(payload, bytes):
        return None
    kind = "html" if chosen.get_content_subtype() == "html" else "plain"
    charset = chosen.get_content_charset()
    if not charset:
        text, found_here = decode_text(payload, source)
        return (kind, text, found_here)
    try:
        return (kind, payload.decode(check_encoding(charset), errors="replace"), [])
    except ValueError as error:
        raise InputError(f"{source}: the message's {chosen.get_content_type()} part: {error}; not read") from None


def _header(part: Message, name: str) -> str | None:
    """A header's text, its encoded words (``=?utf-8?q?...?=``, as browsers write MHTML) decoded."""
    from email.header import decode_header, make_header

    value = part.get(name)
    if value is None:
        return None
    try:
        return str(make_header(decode_header(str(value))))
    except (LookupError, UnicodeError, ValueError):  # an unknown charset or a broken encoded word
        return str(value)


def _parts(message: Message) -> Resources:
    """The message's other parts by ``cid:`` and by ``Content-Location``, relative addresses
    taken from the HTML part's own location: where an e-mail or MHTML page keeps its images."""
    by_name: dict[str, Message] = {}
    base = None
    for part in _walk(message, "<message>"):
        location = _header(part, "Content-Location")
        if part.get_content_type() == "text/html" and base is None:
            base = location
        if location:
            by_name[str(location).strip()] = part
        content_id = _header(part, "Content-ID")
        if content_id:
            by_name[f"cid:{str(content_id).strip().strip('<>')}"] = part

    def load(src: str) -> bytes:
        part = by_name.get(src) or by_name.get(urljoin(base or "", src))
        if part is None:
            raise LookupError("not among the message's parts")
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            raise LookupError("its part holds nothing")
        return data

    return load


def read_message(data: bytes, *, source: str, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    """A dispatch (or several) from one e-mail message or MHTML page, images from its parts."""
    message = _message(data, source)
    body = _body(message, source)
    if body is None:
        raise NotADispatchError("the message has no HTML or text part to read", source=source, line=1)
    kind, text, decoded = body
    if kind == "html":
        document, found = read_page(text, source=source, strict=strict, resources=_parts(message))
    else:
        document, found = read_document(text, source=source, strict=strict)
    return document, decoded + found


def read_mbox(data: bytes, *, source: str, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    """Every alert of a mailbox, as one collection (a single alert stays one dispatch). A message
    that holds no dispatch is left out, with a diagnostic."""
    handle, name = tempfile.mkstemp(suffix=".mbox")  # the mailbox module reads files only
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        box = mailbox.mbox(name, create=False)
        messages = [box.get_bytes(key) for key in box.iterkeys()]  # as written: never re-encoded
        box.close()
    finally:
        os.unlink(name)
    dispatches: list[m.Dispatch] = []
    found: list[Diagnostic] = []
    for index, raw in enumerate(messages, start=1):
        where = f"{source}#{index}"
        try:
            document, diagnostics = read_message(raw, source=where, strict=strict)
        except NotADispatchError as error:
            found.append(diagnostic("skipped-message", f"message {index}: {error}", source=source))
            continue
        fatal = next((d for d in diagnostics if d.code in NO_DISPATCH), None)
        if fatal is not None:  # lenient reading reports it; the conversion would refuse it
            found.append(diagnostic("skipped-message", f"message {index}: {fatal.message}", source=source))
            continue
        found += diagnostics
        dispatches += document.dispatches if isinstance(document, m.Collection) else [document]
    if not dispatches:
        raise NotADispatchError(f"none of its {len(messages)} message(s) holds a dispatch", source=source, line=1)
    if len(dispatches) == 1:
        return dispatches[0], found
    return m.Collection(dispatches=tuple(dispatches)), found
