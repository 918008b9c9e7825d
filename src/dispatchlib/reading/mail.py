"""E-mail alerts: ``.eml`` messages and ``.mbox`` mailboxes, read with the standard library.

Each message gives its HTML part when it has one (read as a saved page, :mod:`.pages`, so its
links and image credits are kept), else its text part (read as copied text). An alert's own
chrome (view in a browser, unsubscribe, why you receive it) is page chrome to the structural
reader (:mod:`.layouts`). A mailbox of several alerts is one collection. A saved ``.mhtml`` page
is a MIME message too: its HTML part is read the same way.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import os
import tempfile
from email.message import EmailMessage
from urllib.parse import urljoin

from .. import model as m
from ..diagnostics import NO_DISPATCH, Diagnostic, diagnostic
from ..errors import InputError, NotADispatchError
from .pages import Resources, read_page
from .parser import read_document

__all__ = ["read_mbox", "read_message"]


def _message(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)  # what policy.default makes
    return message


def _body(message: EmailMessage) -> tuple[str, str] | None:
    """The message's HTML body, else its text body: ``(kind, text)``."""
    part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        return None
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError) as error:  # an unknown charset, broken encoding
        raise InputError(f"cannot decode the message's {part.get_content_type()} part: {error}") from None
    if not isinstance(content, str):
        return None
    return ("html" if part.get_content_subtype() == "html" else "plain", content)


def _parts(message: EmailMessage) -> Resources:
    """The message's other parts by ``cid:`` and by ``Content-Location``, relative addresses
    taken from the HTML part's own location: where an e-mail or MHTML page keeps its images."""
    by_name: dict[str, EmailMessage] = {}
    base = None
    for part in message.walk():
        if part.is_multipart():
            continue
        location = part.get("Content-Location")
        if part.get_content_type() == "text/html" and base is None:
            base = location
        if location:
            by_name[str(location).strip()] = part
        content_id = part.get("Content-ID")
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
    message = _message(data)
    try:
        body = _body(message)
    except InputError as error:
        raise InputError(f"{source}: {error}") from None
    if body is None:
        raise NotADispatchError("the message has no HTML or text part to read", source=source, line=1)
    kind, text = body
    if kind == "html":
        return read_page(text, source=source, strict=strict, resources=_parts(message))
    return read_document(text, source=source, strict=strict)


def read_mbox(data: bytes, *, source: str, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    """Every alert of a mailbox, as one collection (a single alert stays one dispatch). A message
    that holds no dispatch is left out, with a diagnostic."""
    handle, name = tempfile.mkstemp(suffix=".mbox")  # the mailbox module reads files only
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        box = mailbox.mbox(name, create=False)
        messages = [message.as_bytes() for message in box]
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
