"""A conformance kit for exporter authors: run your exporter over the built-in corpus.

In a plugin's tests::

    from dispatchlib.testing import check_exporter

    def test_my_exporter_meets_the_basics():
        check_exporter("md")

:func:`check_exporter` renders the seed dispatch, every layout variant, a collection of them all,
and generated dispatches full of hostile text (markup, ``]]>``, quotes, right-to-left marks, emoji,
combining characters, very long words) and checks what every exporter must do: return non-empty
bytes, the same bytes twice for the same input, text that decodes as UTF-8 unless the exporter is
binary, and declare a media type and a file suffix; and that the words inside emphasis, strong
emphasis and links are kept (in a text output, or in the parts of a zip such as EPUB or DOCX;
other binary outputs are not read). It raises :class:`AssertionError` naming the input that
failed. The generated part needs hypothesis (``pip install 'dispatchbook[testing]'``).
"""

from __future__ import annotations

import io
import re
import zipfile
from importlib import resources
from pathlib import Path

from ..convert import read_file
from ..model import Collection, Dispatch, Document, Emphasis, Link, Paragraph, Strong, Text
from ..options import ExportOptions
from ..plugins import Exporter, PluginHost, default_host
from ..sanitizer import sanitize

__all__ = ["CORPUS", "check_exporter", "corpus"]

CORPUS = Path(str(resources.files("dispatchlib.testing").joinpath("corpus")))
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+(\s*;.*)?")


def corpus() -> list[tuple[str, Dispatch]]:
    """The built-in corpus: the seed dispatch and one short file per layout, as ``(name, dispatch)``."""
    paths = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "variants").glob("*.txt"))
    found = []
    for path in paths:
        document, _ = read_file(path)
        assert isinstance(document, Dispatch)
        found.append((path.stem, document))
    return found


def _check(exporter: Exporter, document: Document, name: str) -> None:
    document, _ = sanitize(document)  # as dispatchlib.export hands it to exporters
    try:
        first = exporter.export(document, ExportOptions())
        second = exporter.export(document, ExportOptions())
    except Exception as error:
        raise AssertionError(f"exporter {exporter.name!r} raised on {name}: {type(error).__name__}: {error}") from error
    assert isinstance(first, bytes), f"exporter {exporter.name!r} returned {type(first).__name__} for {name}, not bytes"
    assert first, f"exporter {exporter.name!r} returned no bytes for {name}"
    assert first == second, f"exporter {exporter.name!r} gave different bytes for the same input ({name})"
    if not exporter.binary:
        try:
            first.decode("utf-8")
        except UnicodeDecodeError as error:
            raise AssertionError(f"exporter {exporter.name!r} wrote text that is not UTF-8 for {name}") from error


def check_exporter(exporter: str | Exporter, *, host: PluginHost | None = None, examples: int = 50) -> None:
    """Check the basics every exporter must meet, over the corpus and ``examples`` generated dispatches.

    :param exporter: an :class:`~dispatchlib.Exporter`, or the name of a registered one.
    :param host: where to look the name up; the default plugin host by default.
    :param examples: how many generated dispatches to try; 0 skips the generated part.
    """
    if isinstance(exporter, str):
        exporter = (host or default_host()).exporter(exporter)
    assert _MEDIA_TYPE.fullmatch(exporter.media_type), (
        f"exporter {exporter.name!r} declares media type {exporter.media_type!r}, expected 'type/subtype'"
    )
    assert exporter.suffix.startswith(".") and len(exporter.suffix) > 1, (
        f"exporter {exporter.name!r} declares suffix {exporter.suffix!r}, expected one like '.md'"
    )
    known = corpus()
    for name, dispatch in known:
        _check(exporter, dispatch, name)
    _check_spans(exporter)
    _check(exporter, Collection(title="All layouts", dispatches=tuple(d for _, d in known)), "a collection")
    if examples:
        _check_generated(exporter, examples)


# made-up words, one inside each kind of span, that no format escapes or breaks
_SPANNED = {"emphasis": "Quillomed", "strong emphasis": "Brastovik", "a link": "Zentrifal", "nested spans": "Oskaleth"}


def _check_spans(exporter: Exporter) -> None:
    """The words inside emphasis, strong emphasis and links are in the output, at least as text."""
    words = _SPANNED
    content = (
        Text(text="It said "),
        Emphasis(content=(Text(text=words["emphasis"]),)),
        Text(text=", "),
        Strong(content=(Text(text=words["strong emphasis"]),)),
        Text(text=", "),
        Link(content=(Text(text=words["a link"]),), url="https://example.org/"),
        Text(text=" and "),
        Strong(content=(Emphasis(content=(Text(text=words["nested spans"]),)),)),
        Text(text="."),
    )
    dispatch = Dispatch(series="Special Dispatch", number=1, title="Spans", body=(Paragraph(content=content),))
    _check(exporter, dispatch, "a dispatch with spans")
    output = exporter.export(dispatch, ExportOptions())
    if zipfile.is_zipfile(io.BytesIO(output)):
        with zipfile.ZipFile(io.BytesIO(output)) as archive:
            text = "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    elif not exporter.binary:
        text = output.decode("utf-8")
    else:
        return
    for kind, word in words.items():
        assert word in text, f"exporter {exporter.name!r} lost the text of {kind} ({word!r})"


def _check_generated(exporter: Exporter, examples: int) -> None:
    from hypothesis import HealthCheck, given, settings

    from .strategies import dispatches

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(dispatches())
    def generated(dispatch: Dispatch) -> None:
        _check(exporter, dispatch, f"a generated dispatch: {dispatch!r}"[:2000])

    generated()
