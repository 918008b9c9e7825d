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


def _top_level_text(document: dl.Document, options: dl.ExportOptions) -> bytes:
    """An exporter that knows only runs at the top level: whatever is inside a span is lost."""
    dispatches = document.dispatches if isinstance(document, dl.Collection) else (document,)
    blocks = [block for dispatch in dispatches for block in dispatch.body]
    runs = [item.text for block in blocks for item in getattr(block, "content", ()) if isinstance(item, dl.Text)]
    return ("".join(runs) or "empty").encode()


def test_kit_catches_an_exporter_that_drops_the_text_of_spans() -> None:
    """An exporter that skips what emphasis and links hold fails the kit, naming the span."""
    lossy = dl.Exporter(name="lossy", export=_top_level_text, suffix=".t", media_type="text/plain")
    with pytest.raises(AssertionError, match="lost the text of emphasis"):
        check_exporter(lossy, examples=0)
