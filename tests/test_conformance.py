"""The conformance kit, run on the built-in exporters, and shown to catch a broken exporter."""

from __future__ import annotations

import itertools

import pytest

import dispatchlib as dl
from dispatchlib.testing import check_exporter, corpus


@pytest.mark.parametrize("name", ["txt", "json", "epub", "docx"])
def test_builtin_exporters_pass_the_kit(name: str) -> None:
    """Every built-in exporter meets the basics on the corpus and on hostile generated dispatches."""
    check_exporter(name, examples=40)


def test_corpus_has_the_seed_and_every_layout() -> None:
    """The packaged corpus holds the seed and the eight layout variants."""
    names = [name for name, _ in corpus()]
    assert names[0] == "special-dispatch-10523" and len(names) == 9


_COUNTER = itertools.count()


@pytest.mark.parametrize(
    ("export", "media_type", "message"),
    [
        (lambda d, o: "text", "text/plain", "returned str"),
        (lambda d, o: b"", "text/plain", "returned no bytes"),
        (lambda d, o: str(next(_COUNTER)).encode(), "text/plain", "different bytes"),
        (lambda d, o: b"\xff\xfe", "text/plain", "not UTF-8"),
        (lambda d, o: b"ok", "plain", "declares media type"),
        (lambda d, o: 1 / 0, "text/plain", "raised on special-dispatch-10523: ZeroDivisionError"),
    ],
)
def test_kit_catches_broken_exporters(export: object, media_type: str, message: str) -> None:
    """Each basic the kit checks fails with a message saying which."""
    broken = dl.Exporter(name="broken", export=export, suffix=".b", media_type=media_type)  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match=message):
        check_exporter(broken, examples=0)
