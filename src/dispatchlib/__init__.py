"""dispatchlib: translated press reports ("dispatches") as a typed model, rendered by plugins.

Read a dispatch with :func:`parse` (or :func:`read_file`), render it with :func:`export`, and add
formats with plugins implementing the hooks in :mod:`dispatchlib.hookspecs`. Exporter libraries
are imported by their exporters only, so importing this package stays cheap.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing, which costs ~10 ms

# Every public name is imported on first use (PEP 562): the model, the parser and the plugin host
# load attrs, pluggy and many patterns, and a script or command that needs none of them (such as
# `dispatchlib --help` or `dispatchlib formats`) should not wait for them.
_LAZY = {
    name: module
    for module, names in {
        ".batch": ("Result", "convert_many"),
        ".sources": ("expand_inputs", "input_identities"),
        ".convert": ("check_file", "collect", "export", "read_bytes", "read_file"),
        ".diagnostics": ("CODES", "Diagnostic", "Severity"),
        ".errors": (
            "BatchError", "DispatchlibError", "ExportError", "FormatError", "InputError", "NotADispatchError",
            "NothingNewError", "OutputError", "ParseError", "PluginError",
        ),
        ".formats.json": ("from_json", "json_schema", "to_json"),
        ".formats.txt": ("to_text",),
        ".hookspecs": ("hookimpl",),
        ".labels": ("date_text", "display_title", "series_line"),
        ".model": (
            "Block", "Clip", "Collection", "Dispatch", "Document", "EditorNote", "Emphasis", "Figure", "ForeignText",
            "Heading", "IMAGE_TYPES", "Inline", "InlineRule", "Link", "MAX_NUMBER", "MediaPointer", "Note", "NoteRef",
            "Paragraph", "Picture", "Quotation", "Span", "SpeakerTurn", "StageDirection", "Strong", "Text",
            "TranslationBoundary", "leaves", "plain_text", "render",
        ),
        ".options": ("ExportOptions", "Issue"),
        ".output": ("write_atomic",),
        ".plugins": (
            "ExportOption", "Exporter", "PluginFailure", "PluginHost", "Reader", "default_host", "make_plugin_host",
        ),
        ".reading": ("parse", "parse_many"),
        ".sanitizer": ("sanitize",),
    }.items()
    for name in names
}  # fmt: skip

if TYPE_CHECKING:
    from typing import Any

    from .batch import Result, convert_many
    from .convert import check_file, collect, export, read_bytes, read_file
    from .diagnostics import CODES, Diagnostic, Severity
    from .errors import (
        BatchError,
        DispatchlibError,
        ExportError,
        FormatError,
        InputError,
        NotADispatchError,
        NothingNewError,
        OutputError,
        ParseError,
        PluginError,
    )
    from .formats.json import from_json, json_schema, to_json
    from .formats.txt import to_text
    from .hookspecs import hookimpl
    from .labels import date_text, display_title, series_line
    from .model import (
        IMAGE_TYPES,
        MAX_NUMBER,
        Block,
        Clip,
        Collection,
        Dispatch,
        Document,
        EditorNote,
        Emphasis,
        Figure,
        ForeignText,
        Heading,
        Inline,
        InlineRule,
        Link,
        MediaPointer,
        Note,
        NoteRef,
        Paragraph,
        Picture,
        Quotation,
        Span,
        SpeakerTurn,
        StageDirection,
        Strong,
        Text,
        TranslationBoundary,
        leaves,
        plain_text,
        render,
    )
    from .options import ExportOptions, Issue
    from .output import write_atomic
    from .plugins import Exporter, ExportOption, PluginFailure, PluginHost, Reader, default_host, make_plugin_host
    from .reading import parse, parse_many
    from .sanitizer import sanitize
    from .sources import expand_inputs, input_identities


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dispatchlib' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "CODES",
    "IMAGE_TYPES",
    "MAX_NUMBER",
    "BatchError",
    "Block",
    "Clip",
    "Collection",
    "Diagnostic",
    "Dispatch",
    "DispatchlibError",
    "Document",
    "EditorNote",
    "Emphasis",
    "ExportError",
    "ExportOption",
    "ExportOptions",
    "Exporter",
    "Figure",
    "ForeignText",
    "FormatError",
    "Heading",
    "Inline",
    "InlineRule",
    "InputError",
    "Issue",
    "Link",
    "MediaPointer",
    "NotADispatchError",
    "Note",
    "NoteRef",
    "NothingNewError",
    "OutputError",
    "Paragraph",
    "ParseError",
    "Picture",
    "PluginError",
    "PluginFailure",
    "PluginHost",
    "Quotation",
    "Reader",
    "Result",
    "Severity",
    "Span",
    "SpeakerTurn",
    "StageDirection",
    "Strong",
    "Text",
    "TranslationBoundary",
    "check_file",
    "collect",
    "convert_many",
    "date_text",
    "default_host",
    "display_title",
    "expand_inputs",
    "export",
    "from_json",
    "hookimpl",
    "input_identities",
    "json_schema",
    "leaves",
    "make_plugin_host",
    "parse",
    "parse_many",
    "plain_text",
    "read_bytes",
    "read_file",
    "render",
    "sanitize",
    "series_line",
    "to_json",
    "to_text",
    "write_atomic",
]

__version__ = "0.1.0"
