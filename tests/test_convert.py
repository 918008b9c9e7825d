"""collect(): how several documents become one collection."""

from __future__ import annotations

import datetime

import dispatchlib as dl


def _dispatch(number: int, day: int | None, paragraphs: int = 1) -> dl.Dispatch:
    body = tuple(dl.Paragraph(content=(dl.Text(text=f"Paragraph {i}."),)) for i in range(paragraphs))
    date = datetime.date(2024, 1, day) if day else None
    return dl.Dispatch(series="Special Dispatch", number=number, date=date, title=f"No {number}", body=body)


def test_single_dispatch_stays_itself() -> None:
    """One dispatch and no title give that dispatch back, with nothing to report."""
    one = _dispatch(1, 1)
    assert dl.collect([one]) == (one, [])


def test_order_by_date_then_number_undated_last() -> None:
    """A collection is ordered by date, then series and number; undated dispatches come last."""
    collection, _ = dl.collect([_dispatch(3, 5), _dispatch(9, None), _dispatch(2, 5), _dispatch(1, 7)])
    assert isinstance(collection, dl.Collection)
    assert [d.number for d in collection.dispatches] == [2, 3, 1, 9]


def test_duplicates_are_merged_keeping_the_fuller_copy() -> None:
    """The same series and number twice: one is kept, the fuller, and a diagnostic says so."""
    short, full = _dispatch(5, 2, paragraphs=1), _dispatch(5, 2, paragraphs=4)
    collection, found = dl.collect([short, _dispatch(6, 3), full], title="Week")
    assert isinstance(collection, dl.Collection)
    assert collection.title == "Week"
    assert collection.dispatches == (full, _dispatch(6, 3))
    assert [(d.code, d.severity) for d in found] == [("duplicate-dispatch", dl.Severity.WARNING)]
    assert "Special Dispatch No. 5 appears twice" in found[0].message


def test_collections_in_the_input_are_flattened() -> None:
    """A collection read from a bundle contributes its dispatches."""
    bundle = dl.Collection(dispatches=(_dispatch(1, 1), _dispatch(2, 2)))
    collection, _ = dl.collect([bundle, _dispatch(3, 3)])
    assert [d.number for d in collection.dispatches] == [1, 2, 3]  # type: ignore[union-attr]


def test_sanitize_replaces_and_remembers_clean_documents() -> None:
    """Unsafe characters become U+FFFD and are counted; a clean document comes back as itself."""
    dirty = dl.Dispatch(title="a\x00b", body=(dl.Paragraph(content=(dl.Text(text="\ufffe\x1f"),)),))
    clean, count = dl.sanitize(dirty)
    assert count == 3 and clean.title == "a\ufffdb"
    assert clean.body == (dl.Paragraph(content=(dl.Text(text="\ufffd\ufffd"),)),)
    again, count = dl.sanitize(clean)
    assert again is clean and count == 0
    fresh = _dispatch(1, 1)
    assert dl.sanitize(fresh) == (fresh, 0)
    assert dl.sanitize(fresh)[0] is fresh
