"""JSON: a lossless form of the model, described by the JSON Schema shipped in the package.

Every block and inline element carries a ``type`` tag (``paragraph``, ``note_ref``, ...); dates
are ISO 8601 strings; every field is written, with ``null`` where it is unset. The top-level
``schema`` key names the format's version: :data:`DISPATCH_SCHEMA` for one dispatch,
:data:`COLLECTION_SCHEMA` for a collection. ``from_json(to_json(d)) == d`` for every model.
Version 2 added the inline spans (``emphasis``, ``strong``, ``link``); files of version 1 are
still read, each checked against the schema of its own version.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import model as m
from ..diagnostics import Diagnostic
from ..errors import ParseError
from ..hookspecs import hookimpl
from ..options import ExportOptions
from ..plugins import Exporter, Reader

if TYPE_CHECKING:
    import cattrs

__all__ = ["COLLECTION_SCHEMA", "DISPATCH_SCHEMA", "from_json", "json_schema", "to_json"]

DISPATCH_SCHEMA = "dispatchlib/dispatch/2"
COLLECTION_SCHEMA = "dispatchlib/collection/2"
SCHEMA_FILE = "dispatch-2.schema.json"
# every version read: the schema tag, the kind of document and the schema file that checks it
_VERSIONS: dict[str, tuple[type[m.Dispatch] | type[m.Collection], str]] = {
    DISPATCH_SCHEMA: (m.Dispatch, SCHEMA_FILE),
    COLLECTION_SCHEMA: (m.Collection, SCHEMA_FILE),
    "dispatchlib/dispatch/1": (m.Dispatch, "dispatch-1.schema.json"),
    "dispatchlib/collection/1": (m.Collection, "dispatch-1.schema.json"),
}


def _tag(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


@functools.cache
def _converter(images: bool = True) -> cattrs.Converter:
    """The cattrs converter of the format, built on first use (cattrs loads in ~30 ms). Image
    bytes are written as base64 with ``images``, else left out (``null``): JSON's one loss."""
    import base64

    import cattrs
    from cattrs.strategies import configure_tagged_union

    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook(datetime.date, lambda value, _: _iso_date(value))
    converter.register_unstructure_hook(bytes, lambda data: base64.b64encode(data).decode("ascii") if images else None)
    converter.register_structure_hook(bytes, lambda value, _: base64.b64decode(value, validate=True))
    configure_tagged_union(m.Inline, converter, tag_generator=_tag, tag_name="type")
    configure_tagged_union(m.Block, converter, tag_generator=_tag, tag_name="type")
    return converter


def _iso_date(value: Any) -> datetime.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date string, got {value!r}")
    return datetime.date.fromisoformat(value)


def to_json(document: m.Document, *, pretty: bool = True, images: bool = True) -> str:
    """The JSON text of a dispatch or collection: indented by two spaces, or on one line; with
    ``images`` False, figures keep their image's type and address but not its bytes."""
    return _json_bytes(document, pretty=pretty, images=images).decode("utf-8")


def _json_bytes(document: m.Document, *, pretty: bool = True, images: bool = True) -> bytes:
    """UTF-8 JSON, written by orjson: the standard library's encoder falls back to pure Python
    when asked to indent, and took most of the export's time."""
    import orjson

    schema = COLLECTION_SCHEMA if isinstance(document, m.Collection) else DISPATCH_SCHEMA
    data = {"schema": schema, **_converter(images).unstructure(document)}
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 if pretty else 0) + b"\n"


def from_json(text: str | bytes, *, source: str | None = None) -> m.Document:
    """The model from JSON written by :func:`to_json`; :class:`ParseError` says what does not fit.

    The JSON is checked against the shipped schema (:func:`json_schema`, formats included) before
    any of it becomes the model, and the error names the JSON path of the first problem
    (``$.body[0].content``): a value of the wrong type is refused, never converted. Nesting is
    bounded at :data:`MAX_DEPTH` levels, integers at 64 bits.
    """
    import orjson

    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        reason = error.msg.split(": line ")[0]
        raise ParseError(f"not valid JSON: {reason}", source=source, line=error.lineno, column=error.colno) from None
    if not isinstance(data, dict):
        raise ParseError("expected a JSON object at the top level", source=source)
    schema = data.get("schema")
    if not isinstance(schema, str) or schema not in _VERSIONS:
        raise ParseError(
            f"expected 'schema' to be {DISPATCH_SCHEMA!r} or {COLLECTION_SCHEMA!r} (or version 1 of either), "
            f"got {schema!r}",
            source=source,
        )
    _check_depth(data, source)
    problem = next(iter(_validator(schema).iter_errors(data)), None)
    if problem is not None:
        problem = _narrowest(problem)
        path = "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem.instance_path)
        raise ParseError(
            f"does not match the dispatchlib JSON schema at {path}: {_short(problem.message)}", source=source
        )
    del data["schema"]
    import cattrs

    try:
        return _converter().structure(data, _VERSIONS[schema][0])
    except Exception as error:  # what the schema cannot say (a figure's credit rule, ...); cattrs raises groups
        reasons = (
            cattrs.transform_error(error, format_exception=_reason)
            if isinstance(error, cattrs.BaseValidationError)
            else [str(error)]
        )
        raise ParseError(f"does not match the dispatchlib JSON schema: {'; '.join(reasons)}", source=source) from None


def _reason(error: BaseException, kind: type | None) -> str:
    """What a model's own check said (``a link holds no link ...``), else cattrs' wording."""
    from cattrs.v import format_exception

    return str(error) if type(error) is ValueError else format_exception(error, kind)


MAX_DEPTH = 32  # the deepest valid document nests 7 levels


def _check_depth(data: object, source: str | None) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`, without recursion."""
    stack: list[tuple[object, str, int]] = [(data, "$", 1)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ParseError(f"nested more than {MAX_DEPTH} levels deep at {path}", source=source)
        if isinstance(value, dict):
            stack += ((item, f"{path}.{key}", depth + 1) for key, item in value.items())
        elif isinstance(value, list):
            stack += ((item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value))


def _short(message: str, limit: int = 200) -> str:
    """A schema message cut to one readable line (it quotes the offending value whole)."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _narrowest(error: Any) -> Any:
    """The error inside a ``oneOf`` (a block of some type, a value or null) that says what is
    wrong: the one of the alternative that came closest, with the fewest errors."""
    while error.kind.__class__.__name__ == "OneOfNotValid" and error.kind.context:
        error = min(error.kind.context, key=len)[0]
    return error


@functools.cache
def _validator(kind: str) -> Any:
    """A validator of the shipped schema for documents tagged ``kind``, with its formats
    (``date``) checked. jsonschema-rs: jsonschema in Python took 5 ms a dispatch."""
    import jsonschema_rs

    document, file = _VERSIONS[kind]
    schema = json_schema(file)
    del schema["oneOf"]
    schema["$ref"] = "#/$defs/dispatch_document" if document is m.Dispatch else "#/$defs/collection_document"
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def json_schema(file: str = SCHEMA_FILE) -> dict[str, Any]:
    """The JSON Schema of this format, as shipped in the package (``file``: that of an earlier
    version, ``dispatch-1.schema.json``)."""
    from importlib import resources  # imported here: with tempfile and zipfile, 5 ms of every start-up

    text = resources.files("dispatchlib.schemas").joinpath(file).read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def _export(document: m.Document, options: ExportOptions) -> bytes:
    return _json_bytes(document, images=options.json_images)


def _read(data: bytes, *, source: str | None = None, strict: bool = False) -> tuple[m.Document, list[Diagnostic]]:
    return from_json(data, source=source), []


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """The ``json`` exporter."""
    register(
        Exporter(
            name="json",
            reads=frozenset(("json_images",)),
            export=_export,
            suffix=".json",
            media_type="application/json",
            description="JSON: the whole model, lossless, with a JSON Schema",
        )
    )


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """The ``json`` reader: JSON written by the ``json`` exporter."""
    register(
        Reader(name="json", read=_read, suffixes=(".json",), description="JSON written by dispatchlib's json exporter")
    )
