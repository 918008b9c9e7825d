"""Saved pages and e-mail alerts: the same dispatch as the copied text, plus what copying loses.

``tests/pages/`` holds made-up fixtures in the layouts of real inputs: a report page, a TV clip
page and a blog repost, each saved (``.html``) and copied (``.txt``); the report page saved as one
file (``.mhtml``); a generic news page that is no dispatch; an e-mail alert in HTML and in text
only, and a mailbox of three alerts. Each has its expected model in ``tests/golden/pages/``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import docx
import pytest
from conftest import GOLDEN
from judges import epubcheck, libreoffice_pdf_text

import dispatchlib as dl

PAGES = Path(__file__).parent / "pages"
INPUTS = (".html", ".txt", ".mhtml", ".eml", ".mbox")
READABLE = sorted(p for p in PAGES.iterdir() if p.suffix in INPUTS and p.name != "news-page.html")
PAIRS = ["report-page", "tv-clip-page", "blog-repost"]


def _read(path: Path) -> dl.Document:
    return dl.read_file(path)[0]


@pytest.mark.parametrize("path", READABLE, ids=[p.name for p in READABLE])
def test_page_matches_golden_json(path: Path, update_goldens: bool) -> None:
    """Each fixture reads to its reviewed model."""
    golden = GOLDEN / "pages" / f"{path.name}.json"
    actual = dl.to_json(_read(path))
    if update_goldens:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert json.loads(actual) == json.loads(golden.read_text(encoding="utf-8"))


def _plain_runs(content: tuple[dl.Inline, ...]) -> tuple[dl.Inline, ...]:
    """Spans taken apart and runs marked as in another language made plain text again,
    neighbours joined: as copied text has them."""
    out: list[dl.Inline] = []
    for item in dl.leaves(content):
        if isinstance(item, dl.Text) and out and isinstance(out[-1], dl.Text):
            out[-1] = dl.Text(text=out[-1].text + item.text)
        else:
            out.append(dl.Text(text=item.text) if isinstance(item, dl.Text) else item)
    return tuple(out)


def _without_what_text_loses(dispatch: dl.Dispatch) -> dl.Dispatch:
    """The dispatch with the parts copied text cannot keep set as copying leaves them."""
    notes = tuple(
        attrs.evolve(note, text=note.text.removeprefix(f"{note.outlet}, "), outlet=None, outlet_missing=True, url=None)
        if note.outlet
        else note
        for note in dispatch.notes
    )
    body = tuple(
        attrs.evolve(block, credit=None, credit_url=None, credit_missing=True, alt_text=None, image=None)
        if isinstance(block, dl.Figure)
        else attrs.evolve(block, content=_plain_runs(block.content))
        if hasattr(block, "content")
        else block
        for block in dispatch.body
    )
    return attrs.evolve(dispatch, notes=notes, body=body, source_url=None, language=None)


@pytest.mark.parametrize("name", PAIRS)
def test_saved_page_and_copied_text_give_the_same_dispatch(name: str) -> None:
    """The saved page and the copied text of it read the same, except what the copy lost; the
    page gives every note its outlet and link, every figure its credit and alt text, and its URL."""
    page = _read(PAGES / f"{name}.html")
    text = _read(PAGES / f"{name}.txt")
    assert isinstance(page, dl.Dispatch) and isinstance(text, dl.Dispatch)
    assert _without_what_text_loses(page) == text
    assert page.source_url and page.source_url.startswith("https://") and page.language == "en"
    for note in page.notes:
        assert note.outlet and not note.outlet_missing and note.url and note.url.startswith("https://")
    for figure in (b for b in page.body if isinstance(b, dl.Figure)):
        assert figure.credit and not figure.credit_missing and figure.alt_text
        assert figure.credit_url and figure.credit_url.startswith("https://")


def test_mhtml_reads_as_the_saved_page() -> None:
    """The page saved as one MHTML file gives what the same page saved as HTML gives."""
    assert _read(PAGES / "report-page.mhtml") == _read(PAGES / "report-page.html")


def test_a_news_page_is_not_a_dispatch() -> None:
    """A generic news page that only mentions the institute is refused by strict reading and
    ``check --strict``, as its copied text is; ``convert`` writes its prose with a warning."""
    with pytest.raises(dl.NotADispatchError):
        dl.read_file(PAGES / "news-page.html", strict=True)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "dispatchlib", *args, str(PAGES / "news-page.html")]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    checked = run("check", "--strict")
    assert checked.returncode == 4 and "[uncertain-dispatch]" in checked.stdout
    converted = run("convert", "--to", "txt", "-o", "-")
    assert converted.returncode == 0 and "[uncertain-dispatch]" in converted.stderr and converted.stdout.strip()


def test_an_html_alert_keeps_its_note_links_and_drops_its_chrome() -> None:
    """The HTML part of an alert is read: notes with outlets and links; the view-in-browser line
    and the unsubscribe footer are not in the dispatch."""
    alert = _read(PAGES / "alert.eml")
    assert isinstance(alert, dl.Dispatch) and alert.number == 12020
    assert [n.url for n in alert.notes] == ["https://kystposten.example/editorial/4411"] * 2
    words = dl.to_text(alert)
    assert "browser" not in words and "nsubscribe" not in words and "receiving" not in words


def test_a_text_alert_reads_as_copied_text() -> None:
    """An alert with a text part only reads like copied text: the outlet's link text is lost."""
    alert = _read(PAGES / "alert-text.eml")
    assert isinstance(alert, dl.Dispatch) and alert.number == 12021
    assert [(n.outlet_missing, n.url) for n in alert.notes] == [(True, None)]
    assert "nsubscribe" not in dl.to_text(alert)


def test_a_mailbox_is_one_collection_of_its_alerts() -> None:
    """A mailbox of three alerts is one collection of three dispatches, each with its links."""
    box = _read(PAGES / "alerts.mbox")
    assert isinstance(box, dl.Collection)
    assert [d.number for d in box.dispatches] == [12020, 12021, 12022]
    assert all(note.url for d in box.dispatches for note in d.notes)


def test_a_folder_of_alerts_is_one_collection(tmp_path: Path) -> None:
    """A folder of .eml files converts to one collection, as a folder of text files does."""
    alerts = [str(PAGES / "alert.eml"), str(PAGES / "alert-text.eml")]
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", *alerts, "--to", "json", "-q"], capture_output=True, check=True
    )
    assert [d["number"] for d in json.loads(done.stdout)["dispatches"]] == [12020, 12021]


def test_books_from_a_saved_page_link_the_notes(tmp_path: Path) -> None:
    """EPUB and DOCX made from a saved page link each note's outlet to its address: EPUBCheck is
    clean, every hyperlink relationship of the DOCX footnotes resolves, LibreOffice renders it."""
    page = _read(PAGES / "report-page.html")
    book = tmp_path / "page.epub"
    book.write_bytes(dl.export(page, "epub"))
    verdict = epubcheck([book])[book]
    assert verdict.counts == (0, 0, 0, 0), verdict.messages
    with zipfile.ZipFile(book) as archive:
        chapter = archive.read("EPUB/d00001.xhtml").decode()
    assert '<a href="https://www.morgenpost.example/column/2026/10/20">Morgenpost.example</a>, October' in chapter
    word = tmp_path / "page.docx"
    word.write_bytes(dl.export(page, "docx"))
    with zipfile.ZipFile(word) as archive:
        footnotes = archive.read("word/footnotes.xml").decode()
        rels = archive.read("word/_rels/footnotes.xml.rels").decode()
    used = {part.split('"')[0] for part in footnotes.split('r:id="')[1:]}
    assert used == {"rIdLink1", "rIdLink2"} and all(f'Id="{rid}"' in rels for rid in used)
    assert docx.Document(str(word)).core_properties.title == page.title
    text = libreoffice_pdf_text([word], tmp_path)[word]
    assert "Morgenpost.example, October 20, 2026." in text


def test_books_from_a_saved_page_carry_its_photos(tmp_path: Path) -> None:
    """The saved page's photo (from its NAME_files folder) is in the EPUB, described by the
    page's alt text, and in the DOCX as an inline picture that LibreOffice renders; plain text
    keeps the caption; JSON keeps the address, and the bytes with --json-images."""
    page = _read(PAGES / "report-page.html")
    photo = (PAGES / "report-page_files" / "harbor.png").read_bytes()
    with zipfile.ZipFile(io.BytesIO(dl.export(page, "epub"))) as book:
        chapter = book.read("EPUB/d00001.xhtml").decode()
        assert book.read("EPUB/images/d1-f1.png") == photo
    assert '<img src="images/d1-f1.png" alt="Cranes over the harbor at dusk"/>' in chapter
    word = tmp_path / "photo.docx"
    word.write_bytes(dl.export(page, "docx"))
    shapes = docx.Document(str(word)).inline_shapes
    assert len(shapes) == 1 and shapes[0]._inline.docPr.get("descr") == "Cranes over the harbor at dusk"
    libreoffice_pdf_text([word], tmp_path)
    listing = subprocess.run(["pdfimages", "-list", str(tmp_path / "photo.pdf")], capture_output=True, text=True)
    assert len(listing.stdout.splitlines()) - 2 == 1, listing.stdout
    assert "The harbor of Lindholm (Source: Lindholm Photo Archive)" in dl.to_text(page)
    plain = json.loads(dl.export(page, "json"))
    [figure] = [block for block in plain["body"] if block["type"] == "figure"]
    assert figure["image"] == {"media_type": "image/png", "data": None, "src": "report-page_files/harbor.png"}
    full = dl.from_json(dl.export(page, "json", dl.ExportOptions(json_images=True)))
    assert full == page


def _page_with_image(folder: Path, src: str) -> Path:
    html = (PAGES / "report-page.html").read_text(encoding="utf-8").replace("report-page_files/harbor.png", src)
    page = folder / "page.html"
    page.write_text(html, encoding="utf-8")
    return page


def test_images_that_cannot_be_used_leave_the_caption(tmp_path: Path) -> None:
    """A missing image, one outside the page's folder, one on the web, a text file named .png,
    and a decompression bomb: each an image-unusable warning; the figure keeps its caption."""
    from PIL import Image

    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "text.png").write_text("not a picture", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes((PAGES / "report-page_files" / "harbor.png").read_bytes())
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, format="PNG")
    (tmp_path / "page_files" / "bomb.png").write_bytes(bomb.getvalue())
    cases = {
        "page_files/missing.png": "no such file",
        "../secret.png": "outside the saved page's folder",
        "https://example.org/photo.png": "on the web",
        "page_files/text.png": "not an image in a format that can be shown",
        "page_files/bomb.png": "(a decompression bomb?)",
    }
    sub = tmp_path / "sub"
    sub.mkdir()
    for src, reason in cases.items():
        folder = sub if src.startswith("..") else tmp_path
        document, found = dl.read_file(_page_with_image(folder, src))
        [figure] = [b for b in document.body if isinstance(b, dl.Figure)]  # type: ignore[union-attr]
        assert figure.image is None and figure.caption == "The harbor of Lindholm", src
        [warning] = [d for d in found if d.code == "image-unusable"]
        assert reason in warning.message, (src, warning.message)


BAD_PAGES = [
    ("broken markup", b"<html><body><div><p>Unclosed <b>tags <i>everywhere", 5, "no header"),
    ("not markup at all", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, "not a text file"),
    # libxml2 stops at 256 levels: what is deeper is not read
    ("deep nesting", b"<html><body>" + b"<div>" * 100_000 + b"text" + b"</div>" * 100_000, 5, "holds no text"),
    (
        "entity expansion",
        b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<html><body><p>&b;&b;&b;&b;</p></body></html>",
        5,
        "no header",
    ),
    ("empty page", b"<html><head><title>x</title></head><body></body></html>", 5, "holds no text"),
]


@pytest.mark.parametrize(("name", "data", "code", "message"), BAD_PAGES, ids=[c[0] for c in BAD_PAGES])
def test_hostile_pages_give_one_line(tmp_path: Path, name: str, data: bytes, code: int, message: str) -> None:
    """Broken, binary, deeply nested or entity-laden pages: one line, an exit code, no traceback,
    no output file."""
    source = tmp_path / "page.html"
    source.write_bytes(data)
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == code, done.stderr
    assert message in done.stderr and len(done.stderr.splitlines()) == 1 and not out.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "message without a body",
            b"From: a@example.org\nSubject: hi\nContent-Type: image/png\n"
            b"Content-Transfer-Encoding: base64\n\niVBORw0K\n",
            "no HTML or text",
        ),
        (
            "message in an unknown charset",
            b"From: a@example.org\nSubject: hi\nContent-Type: text/plain; charset=x-martian\n\nText.\n",
            "the message's text/plain part: unknown encoding 'x-martian'",
        ),
        (
            "message whose only text is an attachment",
            b"From: a@example.org\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a.txt\n\nx\n",
            "no HTML or text",
        ),
        ("an empty mailbox", b"", "none of its 0 message(s)"),
        (
            "a mailbox of a newsletter",
            b"From a@b Mon Jan  1 00:00:00 2026\nSubject: news\n\nJust news.\n",
            "none of its",
        ),
    ],
)
def test_hostile_mail(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    """A message with nothing to read (or in a charset no one knows), an empty mailbox, a mailbox
    without alerts: refused, one line."""
    source = tmp_path / ("in.mbox" if "mailbox" in name else "in.eml")
    source.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", str(source), "--to", "txt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (3, 5) and message in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr


def test_a_book_has_a_limit_for_its_images(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the images one output may hold, EPUB and DOCX refuse with an export error that says
    so (the limit lowered here to the size of the one photo)."""
    import dispatchlib.images

    page = _read(PAGES / "report-page.html")
    monkeypatch.setattr(dispatchlib.images, "MAX_BOOK_IMAGES_SIZE", 100)
    for to in ("epub", "docx"):
        with pytest.raises(dl.ExportError, match="MB one book may hold; convert fewer dispatches at a time"):
            dl.export(page, to)


def test_a_right_to_left_page_gives_its_language_and_direction(tmp_path: Path) -> None:
    """An Arabic mirror's lang reaches the dispatch, and its chapter in the EPUB is marked ar and
    right to left; the book's other pages (its contents) keep the language asked for."""
    html = (
        (PAGES / "report-page.html").read_text(encoding="utf-8").replace('lang="en" dir="ltr"', 'lang="ar" dir="rtl"')
    )
    page = tmp_path / "mirror.html"
    page.write_text(html, encoding="utf-8")
    dispatch = _read(page)
    assert isinstance(dispatch, dl.Dispatch) and dispatch.language == "ar"
    book = tmp_path / "mirror.epub"
    book.write_bytes(dl.export(dispatch, "epub"))
    with zipfile.ZipFile(book) as archive:
        chapter = archive.read("EPUB/d00001.xhtml").decode()
        nav = archive.read("EPUB/nav.xhtml").decode()
    assert 'lang="ar" xml:lang="ar" dir="rtl"' in chapter and 'lang="en" xml:lang="en">' in nav
    verdict = epubcheck([book])[book]
    assert verdict.counts == (0, 0, 0, 0), verdict.messages


def test_runs_the_page_marks_in_another_language() -> None:
    """A phrase the page marks with its own lang (in italics: ``<i lang="de">``) is a ForeignText
    run inside emphasis: marked in the EPUB (lang, em) and the DOCX (w:lang, w:i), in the text
    form as emphasis of its plain words."""
    page = _read(PAGES / "report-page.html")
    assert isinstance(page, dl.Dispatch)
    spans = [item for block in page.body for item in getattr(block, "content", ()) if isinstance(item, dl.Span)]
    assert spans == [dl.Emphasis(content=(dl.ForeignText(text="Zeitenwende", language="de"),))]
    with zipfile.ZipFile(io.BytesIO(dl.export(page, "epub"))) as book:
        assert '<em><span lang="de" xml:lang="de">Zeitenwende</span></em>' in book.read("EPUB/d00001.xhtml").decode()
    with zipfile.ZipFile(io.BytesIO(dl.export(page, "docx"))) as word:
        body = word.read("word/document.xml").decode()
    assert '<w:i/><w:iCs/><w:lang w:val="de"/></w:rPr><w:t xml:space="preserve">Zeitenwende</w:t>' in body
    assert "the harbor's _Zeitenwende_, a turning point" in dl.to_text(page)


def test_a_missing_extra_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without lxml a saved page, and without httpx a web address, fail with the install command."""
    monkeypatch.setitem(sys.modules, "lxml.html", None)
    with pytest.raises(dl.FormatError, match=r"pip install 'dispatchbook\[html\]'"):
        dl.read_bytes(b"<html><body><p>x</p></body></html>", source="page.html")
    monkeypatch.setitem(sys.modules, "httpx", None)
    with pytest.raises(dl.FormatError, match=r"pip install 'dispatchbook\[web\]'"):
        dl.read_file("https://www.example.org/reports/x")


def test_word_exported_notes_link_their_outlets_never_the_page() -> None:
    """A Word-exported note starts with a link back to its reference (``#_ftnref1``, relative or
    with the page's address): its url is its outlet's link, or none when only the way back is there."""
    page = _read(PAGES / "word-notes-page.html")
    assert isinstance(page, dl.Dispatch)
    assert [(note.number, note.url) for note in page.notes] == [
        (1, "https://www.kustbladet.example/2026/02/27/tax"),
        (2, None),
        (3, "https://radio.example/interviews/ostrava"),
    ]
    assert [ref.number for block in page.body for ref in block.content if isinstance(ref, dl.NoteRef)] == [1, 2, 3]  # type: ignore[union-attr]


def test_a_pages_markup_saved_as_text_is_read_as_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's source saved as ``.txt`` (an archive's attachment), or piped in, opens with
    ``<html>``: it is read as the saved page it is, and a note says so. Without the page reader's
    extra it stays text, read as such rather than refused."""
    markup = (PAGES / "blog-repost.html").read_bytes()
    page, _ = dl.read_bytes(markup, source="blog-repost.html")
    as_text, diagnostics = dl.read_bytes(b"\n  " + markup, source="attachment.txt")
    assert as_text == page
    assert any(d.code == "guess" and "web page's markup" in d.message and d.line == 1 for d in diagnostics)
    piped, _ = dl.read_bytes(markup, source="<stdin>")
    assert piped == page
    prose = b"<html> tags were left in this copy by the mail program.\n\n" + (PAGES / "report-page.txt").read_bytes()
    text, diagnostics = dl.read_bytes(prose, source="attachment.txt")
    assert not any("web page's markup" in d.message for d in diagnostics)
    assert isinstance(text, dl.Dispatch) and text.number == 12001
    monkeypatch.setitem(sys.modules, "lxml", None)
    fallback, diagnostics = dl.read_bytes(markup, source="attachment.txt")
    assert isinstance(fallback, dl.Dispatch) and not any("web page's markup" in d.message for d in diagnostics)


def test_a_message_in_pre_keeps_its_paragraphs() -> None:
    """A mailing list's archive page holds the message in ``<pre>``: its line breaks and blank
    lines are the message's, so its paragraphs, boundary and quotation stay apart."""
    message = (
        "March 3, 2009 Special Dispatch No. 12\n\nThe Harbour Master Will Not Sell The Pier\n\n"
        "The harbour master of Port Vell spoke on Coast TV on March 1, 2009.\n\n"
        'Following are excerpts:\n\n"Brothers, the tide has united us."\n'
    )
    page = f"<html><head><title>[list] pier</title></head><body><h1>[list] pier</h1><pre>{message}</pre></body></html>"
    dispatch, _ = dl.read_bytes(page.encode(), source="archive.html")
    assert isinstance(dispatch, dl.Dispatch) and dispatch.number == 12
    assert [type(block).__name__ for block in dispatch.body] == ["Paragraph", "TranslationBoundary", "Quotation"]
