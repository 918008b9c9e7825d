"""The md exporter: markdown-it-py with its footnote plugin renders what the dispatch says."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

import dispatchlib as dl
from dispatchlib.testing import check_exporter, corpus

RENDERER = MarkdownIt("commonmark").use(footnote_plugin)


def _render(document: dl.Document) -> str:
    return RENDERER.render(dl.export(document, "md").decode("utf-8"))


def _text(rendered: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def _fold(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("name", "dispatch"), corpus(), ids=[name for name, _ in corpus()])
def test_rendered_markdown_has_title_paragraphs_and_footnotes(name: str, dispatch: dl.Dispatch) -> None:
    """Title, every text run and every cited note come out of a real CommonMark renderer; notes as footnotes."""
    rendered = _render(dispatch)
    text = _text(rendered)
    assert _fold(dispatch.title) in text
    for block in dispatch.body:
        for item in getattr(block, "content", ()):
            if isinstance(item, dl.Text) and item.text.strip():
                assert _fold(item.text) in text
    cited = {i.number for b in dispatch.body for i in getattr(b, "content", ()) if isinstance(i, dl.NoteRef)}
    notes = [n for n in dispatch.notes if n.number in cited]
    footnotes = re.findall(r'<li id="fn\d+" class="footnote-item">(.*?)</li>', rendered, re.S)
    assert len(footnotes) == len(notes)
    for note, item in zip(notes, footnotes, strict=True):
        assert _fold(note.text) in _text(item)
    assert len(re.findall(r'<sup class="footnote-ref">', rendered)) == len(
        [i for b in dispatch.body for i in getattr(b, "content", ()) if isinstance(i, dl.NoteRef) and i.number in cited]
    )


def test_markup_in_the_text_stays_text() -> None:
    """HTML, emphasis, link and heading syntax inside a dispatch are escaped, not obeyed."""
    hostile = "<script>alert(1)</script> *not emphasis* _nor this_ [a](b) `code` &amp; | ~x~"
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="# Not A Heading <b>",
        body=(
            dl.Paragraph(content=(dl.Text(text=hostile),)),
            dl.Paragraph(content=(dl.Text(text="1. not a list"),)),
            dl.Paragraph(content=(dl.Text(text="- nor this"),)),
        ),
    )
    rendered = _render(dispatch)
    assert "<script>" not in rendered and "<em>not emphasis</em>" not in rendered and "<a " not in rendered
    assert "<code>" not in rendered and "<ol" not in rendered and "<ul" not in rendered
    assert _fold(hostile) in _text(rendered)
    assert "# Not A Heading <b>" in _text(rendered)


def test_uncited_and_missing_notes_stay_visible() -> None:
    """A note nothing cites is listed under Notes; a citation of a missing note stays as [4]."""
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="T",
        body=(dl.Paragraph(content=(dl.Text(text="Text."), dl.NoteRef(number=4))),),
        notes=(dl.Note(number=2, text="Alone."),),
    )
    text = _text(_render(dispatch))
    assert "Text.[4]" in text and "Notes [2] Alone." in text


def test_collection_footnotes_do_not_collide() -> None:
    """In a collection, each dispatch's notes keep their own labels."""
    dispatches = tuple(d for _, d in corpus())
    rendered = _render(dl.Collection(title="All", dispatches=dispatches))
    cited = sum(
        len(
            {i.number for b in d.body for i in getattr(b, "content", ()) if isinstance(i, dl.NoteRef)}
            & {n.number for n in d.notes}
        )
        for d in dispatches
    )
    assert len(re.findall(r'class="footnote-item"', rendered)) == cited


def test_conformance_kit() -> None:
    """The exporter meets dispatchlib's basics on the corpus and hostile generated dispatches."""
    check_exporter("md", examples=60)


def test_installed_plugin_is_listed() -> None:
    """After installation, formats and plugins list it."""
    run = [sys.executable, "-m", "dispatchlib"]
    formats = json.loads(subprocess.run([*run, "formats", "--json"], capture_output=True, check=True).stdout)
    assert {"name": "md", "plugin": "markdown"}.items() <= next(
        e for e in formats["exporters"] if e["name"] == "md"
    ).items()
    plugins = json.loads(subprocess.run([*run, "plugins", "--json"], capture_output=True, check=True).stdout)
    assert any(p["distribution"] == "dispatchlib-markdown" for p in plugins["plugins"])


def test_cli_converts_seed_to_md(tmp_path: Path) -> None:
    """dispatchlib convert seed --to md writes Markdown whose footnotes render."""
    from dispatchlib.testing import CORPUS

    target = tmp_path / "seed.md"
    seed = CORPUS / "special-dispatch-10523.txt"
    subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", str(seed), "--to", "md", "-o", str(target), "-q"], check=True
    )
    rendered = RENDERER.render(target.read_text(encoding="utf-8"))
    assert len(re.findall(r'class="footnote-item"', rendered)) == 3
