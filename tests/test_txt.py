"""Plain text: the parser reads the canonical text back to an equal model."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS_FILES, corpus_id
from hypothesis import example, given, settings

import dispatchlib as dl
from dispatchlib.testing.strategies import text_dispatches


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_corpus_text_round_trip(path: Path) -> None:
    """parse(to_text(d)) == d for every corpus file, and reading it back reports no error."""
    document, _ = dl.read_file(path)
    assert isinstance(document, dl.Dispatch)
    again, diagnostics = dl.parse(dl.to_text(document))
    assert again == document
    assert not [d for d in diagnostics if d.code in ("line-endings", "odd-whitespace", "page-chrome")]


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_wrapped_text_round_trip(path: Path) -> None:
    """Text wrapped at 72 columns reads back to the same model; no line is longer than a word needs."""
    document, _ = dl.read_file(path)
    text = dl.to_text(document, dl.ExportOptions(wrap_width=72))
    assert dl.parse(text)[0] == document
    body = text.split("\n\n", 3)[-1]
    assert all(len(line) <= 72 or " " not in line for line in body.splitlines())


@settings(max_examples=500, deadline=None)
@given(text_dispatches())
@example(  # a heading over a blank line, then a figure whose caption says the same: two blocks, not alt text
    dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="Aa",
        body=(dl.Heading(text="A A A A A A A"), dl.Figure(caption="A A A A A A A", credit_missing=True)),
    )
)
def test_text_round_trip_property(dispatch: dl.Dispatch) -> None:
    """parse(to_text(d)) == d for generated models of every block kind, header and note form."""
    assert dl.parse(dl.to_text(dispatch))[0] == dispatch


def test_collection_text_splits_back() -> None:
    """A collection's text is its dispatches in turn; parse_many splits it back."""
    documents = [dl.read_file(path)[0] for path in CORPUS_FILES]
    collection = dl.Collection(title="All", dispatches=tuple(documents))  # type: ignore[arg-type]
    parts = dl.parse_many(dl.to_text(collection))
    assert [d for d, _ in parts] == documents


def test_header_with_several_numbers_round_trips() -> None:
    """Extra numbers survive the trip through text."""
    dispatch = dl.Dispatch(series="Special Dispatch", number=2413, extra_numbers=(2414, 2415), title="T")
    assert dl.parse(dl.to_text(dispatch))[0] == dispatch
