# ruff: noqa: RUF002 - the tests are about typographic quotes and other scripts
"""Text in other scripts in the e-book, the web page and the Word file: each run tagged with its
language (or at least its script), and quotes around right-to-left runs that close where they
should; the e-book's contents show titles as the chapters do."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from judges import ace, epubcheck, nu_check
from lxml import etree

import dispatchlib as dl

XHTML = "{http://www.w3.org/1999/xhtml}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# A title, a heading and paragraphs where a quote closes right after a Hebrew or Arabic word, and
# runs of Russian, Armenian, Chinese and Japanese in English text.
DISPATCH = dl.Dispatch(
    series="Special Dispatch",
    number=1,
    title="On \"שלום\". And 'سلام'",
    body=(
        dl.Heading(text='The word "שלום".'),
        dl.Paragraph(content=(dl.Text(text='He said "שלום", then "Привет".'),)),
        dl.Paragraph(content=(dl.Text(text='A "'), dl.ForeignText(text="שלום", language="he"), dl.Text(text='".'))),
        dl.Heading(text="Путин говорит: нет"),
        dl.Paragraph(content=(dl.Text(text="In Armenian, Հայաստան; in Chinese 中文; in Japanese 日本語です."),)),
    ),
)


def _epub(document: dl.Document, options: dl.ExportOptions | None = None) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(dl.export(document, "epub", options)))


def _docx_runs(document: dl.Document) -> list[tuple[str, dict[str, str]]]:
    """Each run of the Word body: its text and the attributes of its ``w:lang``."""
    body = zipfile.ZipFile(io.BytesIO(dl.export(document, "docx"))).read("word/document.xml")
    runs = []
    for run in etree.fromstring(body).iter(f"{W}r"):
        language = run.find(f"{W}rPr/{W}lang")
        found = {k.removeprefix(W): v for k, v in language.attrib.items()} if language is not None else {}
        runs.append(("".join(t.text or "" for t in run.iter(f"{W}t")), found))
    return runs


def _no_opening_quote_after_a_word(text: str) -> None:
    """No “ or ‘ right after a letter, as a closing quote read without its context comes out."""
    wrong = re.findall(r"\w[“‘][.,]?", text)
    assert wrong == [], text


def test_a_quote_after_a_right_to_left_run_closes_in_every_format() -> None:
    """In the title, a heading and paragraphs, ``"`` after a Hebrew or Arabic word is ”, in the
    e-book, the web page and the Word file alike (as the PDF has it)."""
    chapter = _epub(DISPATCH).read("EPUB/d00001.xhtml").decode()
    page = dl.export(DISPATCH, "html").decode()
    word = "".join(text for text, _ in _docx_runs(DISPATCH))
    for shown in (re.sub(r"<[^>]+>", "", chapter), re.sub(r"<[^>]+>", "", page), word):
        assert "On “שלום”. And ‘سلام’" in shown
        assert "The word “שלום”." in shown and "He said “שלום”, then “Привет”." in shown
        assert "A “שלום”." in shown
        _no_opening_quote_after_a_word(shown)


def test_the_contents_show_the_titles_as_the_chapters_do() -> None:
    """The nav document, the NCX's entries and the cover have the curly quotes the chapter has, and the
    nav keeps the language of a run in another script (the package's title is metadata and
    keeps what the source said)."""
    book = _epub(DISPATCH)
    nav = book.read("EPUB/nav.xhtml").decode()
    ncx = etree.fromstring(book.read("EPUB/toc.ncx"))
    nav_map = ncx.find("{http://www.daisy.org/z3986/2005/ncx/}navMap")
    labels = [t.text for t in nav_map.iter("{http://www.daisy.org/z3986/2005/ncx/}text")]
    assert "On “שלום”. And ‘سلام’" in labels and "The word “שלום”." in labels
    shown = "".join(etree.fromstring(nav.encode()).find(f".//{XHTML}nav").itertext())
    assert "On “שלום”. And ‘سلام’" in shown and "The word “שלום”." in shown
    assert '<span lang="und-Cyrl" xml:lang="und-Cyrl">Путин говорит: нет</span>' in nav
    assert '"' not in "".join(labels)
    from dispatchlib.formats._cover import cover_png  # the cover too shows the title's typography

    assert book.read("EPUB/cover.png") == cover_png("On “שלום”. And ‘سلام’", "Special Dispatch No. 1", "")


def _tagged(xhtml: bytes) -> dict[str, str]:
    """Each element with a ``lang`` inside the body: its text and language."""
    root = etree.fromstring(xhtml) if xhtml.startswith(b"<?xml") else etree.HTML(xhtml)
    body = root.find(f"{XHTML}body") if root.find(f"{XHTML}body") is not None else root.find("body")
    return {"".join(e.itertext()): e.get("lang") for e in body.iter() if e.get("lang")}


EXPECTED = {
    "שלום": "he",
    "سلام": "ar",
    "Привет": "und-Cyrl",
    "Путин говорит: нет": "und-Cyrl",
    "Հայաստան": "hy",
    "中文": "und-Hani",
    "日本語です": "ja",
}


def test_runs_in_other_scripts_name_their_language_or_script() -> None:
    """Russian, Armenian, Chinese and Japanese runs are tagged as Arabic and Hebrew ones are:
    with the language where the script tells it, else with the script, in all three formats."""
    book = _epub(DISPATCH)
    assert _tagged(book.read("EPUB/d00001.xhtml")) == EXPECTED
    assert _tagged(dl.export(DISPATCH, "html")) == EXPECTED
    chapter = book.read("EPUB/d00001.xhtml").decode()
    assert '<span lang="hy" xml:lang="hy">Հայաստան</span>' in chapter
    word = {text: found for text, found in _docx_runs(DISPATCH) if found}
    expected_word = {
        text: {"bidi" if tag in ("he", "ar") else "eastAsia" if "Hani" in tag or tag == "ja" else "val": tag}
        for text, tag in EXPECTED.items()
    }
    assert word == expected_word


def test_a_run_in_the_script_of_the_text_around_it_is_not_tagged() -> None:
    """Cyrillic in a dispatch in Russian (or in a book in Russian) inherits the language."""
    russian = dl.Dispatch(title="Привет", language="ru", body=(dl.Paragraph(content=(dl.Text(text="Да, нет"),)),))
    chapter = _epub(russian).read("EPUB/d00001.xhtml")
    assert _tagged(chapter) == {}
    book = dl.Dispatch(title="Привет", body=(dl.Paragraph(content=(dl.Text(text="Да, нет"),)),))
    in_russian = dl.ExportOptions(language="ru")
    assert _tagged(_epub(book, in_russian).read("EPUB/d00001.xhtml")) == {}
    assert _tagged(_epub(book).read("EPUB/d00001.xhtml")) == {"Привет": "und-Cyrl", "Да, нет": "und-Cyrl"}


def test_the_judges_accept_the_tags(tmp_path: Path) -> None:
    """EPUBCheck (also in usage mode), Ace by DAISY and the Nu HTML Checker find nothing wrong with the tags (``und``
    with a script is a language tag they must take)."""
    book, page = tmp_path / "scripts.epub", tmp_path / "scripts.html"
    book.write_bytes(dl.export(DISPATCH, "epub"))
    page.write_bytes(dl.export(DISPATCH, "html"))
    result = epubcheck([book])[book]
    assert result.counts == (0, 0, 0, 0), result.messages
    assert [f for f in ace(book, tmp_path) if f[0] in ("critical", "serious", "moderate")] == []
    assert nu_check([page]) == []
