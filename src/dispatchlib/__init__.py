"""dispatchlib: translated press reports ("dispatches") as a typed model, rendered by plugins.

Read a dispatch with :func:`parse` (or :func:`read_file`), render it with :func:`export`, and add
formats with plugins implementing the hooks in :mod:`dispatchlib.hookspecs`. Exporter libraries
are imported by their exporters only, so importing this package stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .diagnostics import CODES, Diagnostic, Severity
from .errors import (
    BatchError,
    DispatchlibError,
    ExportError,
    FormatError,
    InputError,
    NotADispatchError,
    OutputError,
    ParseError,
    PluginError,
)
from .hookspecs import hookimpl
from .model import (
    Block,
    Clip,
    Collection,
    Dispatch,
    Document,
    EditorNote,
    Figure,
    Heading,
    Inline,
    MediaPointer,
    Note,
    NoteRef,
    Paragraph,
    Quotation,
    SpeakerTurn,
    StageDirection,
    Text,
    TranslationBoundary,
    plain_text,
)
from .options import ExportOptions

# The modules parse and sanitize share their names with their functions: imported eagerly, so
# that importing the module (which binds the name on the package) cannot hide the function.
from .parse import parse, parse_many
from .plugins import Exporter, PluginFailure, PluginHost, Reader, default_host, make_plugin_host
from .sanitize import sanitize

# The parser, the formats and the batch runner compile patterns and load libraries; they are
# imported on first use (PEP 562), so that `import dispatchlib` stays cheap.
_LAZY = {
    "Result": ".batch", "convert_many": ".batch", "expand_inputs": ".batch",
    "collect": ".convert", "export": ".convert", "read_bytes": ".convert", "read_file": ".convert",
    "from_json": ".formats.json", "json_schema": ".formats.json", "to_json": ".formats.json",
    "to_text": ".formats.txt",
    "date_text": ".labels", "display_title": ".labels", "series_line": ".labels",
    "write_atomic": ".output",
}  # fmt: skip

if TYPE_CHECKING:
    from .batch import Result, convert_many, expand_inputs
    from .convert import collect, export, read_bytes, read_file
    from .formats.json import from_json, json_schema, to_json
    from .formats.txt import to_text
    from .labels import date_text, display_title, series_line
    from .output import write_atomic


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dispatchlib' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CODES",
    "BatchError",
    "Block",
    "Clip",
    "Collection",
    "Diagnostic",
    "Dispatch",
    "DispatchlibError",
    "Document",
    "EditorNote",
    "ExportError",
    "ExportOptions",
    "Exporter",
    "Figure",
    "FormatError",
    "Heading",
    "Inline",
    "InputError",
    "MediaPointer",
    "NotADispatchError",
    "Note",
    "NoteRef",
    "OutputError",
    "Paragraph",
    "ParseError",
    "PluginError",
    "PluginFailure",
    "PluginHost",
    "Quotation",
    "Reader",
    "Result",
    "Severity",
    "SpeakerTurn",
    "StageDirection",
    "Text",
    "TranslationBoundary",
    "collect",
    "convert_many",
    "date_text",
    "default_host",
    "display_title",
    "expand_inputs",
    "export",
    "from_json",
    "hookimpl",
    "json_schema",
    "make_plugin_host",
    "parse",
    "parse_many",
    "plain_text",
    "read_bytes",
    "read_file",
    "sanitize",
    "series_line",
    "to_json",
    "to_text",
    "write_atomic",
]

__version__ = "0.1.0"
