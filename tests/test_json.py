"""JSON: lossless round trip, and every export valid against the shipped JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import CORPUS_FILES, SEED, corpus_id
from hypothesis import given, settings

import dispatchlib as dl
from dispatchlib.testing.strategies import collections, dispatches

VALIDATOR = jsonschema.Draft202012Validator(dl.json_schema(), format_checker=jsonschema.FormatChecker())


def test_schema_is_a_valid_json_schema() -> None:
    """The shipped schema is itself valid JSON Schema 2020-12."""
    jsonschema.Draft202012Validator.check_schema(dl.json_schema())


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_corpus_export_validates_and_round_trips(path: Path) -> None:
    """Each corpus file's JSON validates against the schema and reads back equal."""
    document, _ = dl.read_file(path)
    data = dl.export(document, "json")
    VALIDATOR.validate(json.loads(data))
    assert dl.read_bytes(data, source="x.json")[0] == document


def test_top_level_keys() -> None:
    """The documented top-level keys are present, with a schema version tag."""
    document, _ = dl.read_file(CORPUS_FILES[-1])
    data = json.loads(dl.to_json(document))
    assert data["schema"] == "dispatchlib/dispatch/2"
    assert {"series", "number", "date", "title", "topics", "authors", "body", "notes"} <= set(data)
    assert all("type" in block for block in data["body"])
    assert all({"number", "text"} <= set(note) for note in data["notes"])


@settings(max_examples=500, deadline=None)
@given(dispatches())
def test_json_round_trip_is_lossless(dispatch: dl.Dispatch) -> None:
    """from_json(to_json(d)) == d for any model, and the JSON validates."""
    text = dl.to_json(dispatch)
    VALIDATOR.validate(json.loads(text))
    assert dl.from_json(text) == dispatch


@settings(max_examples=100, deadline=None)
@given(collections())
def test_collection_json_round_trip(collection: dl.Collection) -> None:
    """Collections round-trip too, under their own schema tag."""
    text = dl.to_json(collection)
    VALIDATOR.validate(json.loads(text))
    assert dl.from_json(text) == collection


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"schema": "other"}', "expected 'schema' to be"),
        ('{"schema": []}', "expected 'schema' to be"),  # found by fuzz/fuzz_json.py
        ('{"schema": "dispatchlib/dispatch/1", "number": "ten"}', "does not match the dispatchlib JSON schema"),
        ('{"schema": "dispatchlib/dispatch/1", "body": [{"type": "poem"}]}', "does not match"),
        ('{"schema": "dispatchlib/dispatch/1", "bogus": 1}', "does not match"),
        ('{"schema": "dispatchlib/dispatch/2", "bogus": 1}', "does not match"),
    ],
)
def test_bad_json_gives_parse_error(text: str, message: str) -> None:
    """JSON that is not a dispatch gives a ParseError that says what is wrong."""
    with pytest.raises(dl.ParseError, match=message):
        dl.from_json(text, source="bad.json")


def test_json_of_the_first_version_without_note_urls_still_reads() -> None:
    """Notes gained ``url``; JSON written before, without the key, reads with ``url`` None."""
    data = json.loads(dl.to_json(dl.read_file(SEED)[0]))
    for note in data["notes"]:
        del note["url"]
    document = dl.from_json(json.dumps(data))
    assert isinstance(document, dl.Dispatch) and [n.url for n in document.notes] == [None, None, None]


def _spanned(content: list[dict[str, object]]) -> str:
    data = json.loads(dl.to_json(dl.Dispatch(title="T")))
    data["body"] = [{"type": "paragraph", "content": content}]
    return json.dumps(data)


def test_json_of_version_one_still_reads() -> None:
    """A file of version 1 (no spans) reads to the same model as today's; a span in it is refused,
    as version 1 had none."""
    document = dl.read_file(SEED)[0]
    data = json.loads(dl.to_json(document))
    data["schema"] = "dispatchlib/dispatch/1"
    for block in data["body"]:
        block.pop("credit_url", None)  # version 2 added it to figures
    assert dl.from_json(json.dumps(data)) == document
    spanned = json.loads(_spanned([{"type": "emphasis", "content": [{"type": "text", "text": "a"}]}]))
    assert dl.from_json(json.dumps(spanned)).body[0].content == (dl.Emphasis(content=(dl.Text(text="a"),)),)
    spanned["schema"] = "dispatchlib/dispatch/1"
    with pytest.raises(dl.ParseError, match=r"at \$\.body\[0\]\.content\[0\]"):
        dl.from_json(json.dumps(spanned))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ([{"type": "emphasis", "content": []}], r"at \$\.body\[0\]\.content\[0\]"),
        ([{"type": "link", "url": "javascript:alert(1)", "content": [{"type": "text", "text": "a"}]}], "url"),
        ([{"type": "link", "url": "data:text/html,x", "content": [{"type": "text", "text": "a"}]}], "url"),
        ([{"type": "link", "url": "https://e.org/", "content": [{"type": "note_ref", "number": 1}]}], "no link"),
    ],
)
def test_bad_spans_are_refused(content: list[dict[str, object]], message: str) -> None:
    """An empty span, a link to a script or data address, a link holding a reference: refused."""
    with pytest.raises(dl.ParseError, match=message):
        dl.from_json(_spanned(content), source="bad.json")
