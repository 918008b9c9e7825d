"""DOCX: real footnotes; LibreOffice, pandoc and python-docx accept every file; bytes repeat."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import docx
import pytest
from conftest import CORPUS_FILES, SEED
from hypothesis import HealthCheck, given, settings
from judges import libreoffice_pdf_text, pandoc_json, plain_typography
from lxml import etree
from test_epub import fifty

import dispatchlib as dl
from dispatchlib.testing.strategies import dispatches

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _read(path: Path) -> dl.Dispatch:
    document, _ = dl.read_file(path)
    assert isinstance(document, dl.Dispatch)
    return document


def _part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def _fold(text: str) -> str:
    return plain_typography(text)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """DOCX files of every corpus file and of a 50-dispatch collection."""
    folder = tmp_path_factory.mktemp("docx")
    made = {path.stem: folder / f"{path.stem}.docx" for path in CORPUS_FILES}
    for path in CORPUS_FILES:
        made[path.stem].write_bytes(dl.export(_read(path), "docx"))
    made["fifty"] = folder / "fifty.docx"
    made["fifty"].write_bytes(dl.export(fifty(), "docx", dl.ExportOptions(toc=True)))
    return made


@pytest.fixture(scope="module")
def pdf_texts(documents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[Path, str]:
    return libreoffice_pdf_text(list(documents.values()), tmp_path_factory.mktemp("pdf"))


def _dispatches(name: str) -> list[dl.Dispatch]:
    if name == "fifty":
        return list(fifty().dispatches)
    return [_read(next(p for p in CORPUS_FILES if p.stem == name))]


NAMES = [p.stem for p in CORPUS_FILES] + ["fifty"]


def test_seed_has_three_footnotes_at_the_right_places() -> None:
    """The seed's three notes are Word footnotes, referenced after the sentences that cite them."""
    data = dl.export(_read(SEED), "docx")
    notes = _part(data, "word/footnotes.xml")
    real = [n for n in notes.findall("w:footnote", NS) if int(n.get(f"{{{W}}}id")) > 0]
    assert [_fold("".join(n.itertext())) for n in real] == [
        "[outlet not preserved], March 6, 2023.",
        "[outlet not preserved], March 8, 2023.",
        "[outlet not preserved], March 7, 2023.",
    ]
    assert [n.get(f"{{{W}}}type") for n in notes.findall("w:footnote", NS)][:2] == [
        "separator",
        "continuationSeparator",
    ]
    body = _part(data, "word/document.xml")
    cited = {}
    for paragraph in body.iter(f"{{{W}}}p"):
        for ref in paragraph.iter(f"{{{W}}}footnoteReference"):
            cited[ref.get(f"{{{W}}}id")] = "".join(paragraph.itertext())
    assert cited["1"].endswith("responsible for the incident.")
    assert cited["2"].endswith("merely wanted to supplement its efforts.")
    assert cited["3"] == "Yusin\u2019s article follows below:"  # the book's apostrophe is typographic


def test_footnote_part_is_wired_in() -> None:
    """The footnotes part has its relationship, content type and styles."""
    data = dl.export(_read(SEED), "docx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert "footnotes+xml" in archive.read("[Content_Types].xml").decode()
    assert 'Target="footnotes.xml"' in archive.read("word/_rels/document.xml.rels").decode()
    styles = _part(data, "word/styles.xml")
    ids = {s.get(f"{{{W}}}styleId") for s in styles.findall("w:style", NS)}
    assert {"FootnoteText", "FootnoteReference"} <= ids


@pytest.mark.parametrize("name", NAMES)
def test_python_docx_reopens_and_parts_are_well_formed(documents: dict[str, Path], name: str) -> None:
    """Every XML part parses, and python-docx opens the file."""
    archive = zipfile.ZipFile(documents[name])
    for member in archive.namelist():
        if member.endswith((".xml", ".rels")):
            etree.fromstring(archive.read(member))
    reopened = docx.Document(str(documents[name]))
    assert reopened.paragraphs


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_pdf_has_every_note(documents: dict[str, Path], pdf_texts: dict[Path, str], name: str) -> None:
    """LibreOffice renders the file to PDF, and the PDF holds every note's text.

    Compared without white space and hyphens: where a line breaks depends on the fonts the machine
    has (a substitute for Calibri breaks a title after "Nagorno-", and pdftotext then drops that
    hyphen), and this judge checks the words, not the fonts."""
    text = _unbroken(pdf_texts[documents[name]])
    for dispatch in _dispatches(name):
        assert _unbroken(dispatch.title) in text or name == "fifty"
        for note in dispatch.notes:
            assert _unbroken(note.text) in text


def _unbroken(text: str) -> str:
    return "".join(_fold(text).replace("-", "").split())


def _walk(node: object, kind: str) -> list[object]:
    found = []
    if isinstance(node, dict):
        if node.get("t") == kind:
            found.append(node)
        for value in node.values():
            found += _walk(value, kind)
    elif isinstance(node, list):
        for value in node:
            found += _walk(value, kind)
    return found


def _stringify(node: object) -> str:
    if isinstance(node, dict):
        if node.get("t") == "Str":
            return str(node["c"])
        if node.get("t") in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if node.get("t") == "Note":
            return ""
        inner = "".join(_stringify(v) for v in node.values())
        return f"{inner} " if node.get("t") in ("Para", "Plain", "Header") else inner
    if isinstance(node, list):
        return "".join(_stringify(v) for v in node)
    return ""


@pytest.mark.parametrize("name", NAMES)
def test_pandoc_reads_title_paragraphs_and_footnotes(documents: dict[str, Path], name: str) -> None:
    """pandoc finds the title, each paragraph's text, and each referenced note as a footnote."""
    tree = pandoc_json(documents[name], "docx")
    text = _fold(_stringify(tree["meta"]) + " " + _stringify(tree["blocks"]))
    notes = [_fold(_stringify(n["c"])) for n in _walk(tree["blocks"], "Note")]
    expected_notes = []
    for dispatch in _dispatches(name):
        assert _fold(dispatch.title) in text
        for block in dispatch.body:
            if isinstance(block, dl.Paragraph):
                for item in block.content:
                    if isinstance(item, dl.Text):
                        assert _fold(item.text) in text
        referenced = {i.number for b in dispatch.body for i in getattr(b, "content", ()) if isinstance(i, dl.NoteRef)}
        expected_notes += [n for n in dispatch.notes if n.number in referenced]
    assert len(notes) == len(expected_notes)
    for note, found in zip(expected_notes, notes, strict=True):
        assert found.endswith(_fold(note.text))


def test_two_builds_are_byte_identical() -> None:
    """The same input gives the same bytes, for a dispatch and a collection; entries carry the dispatch date."""
    seed = _read(SEED)
    first = dl.export(seed, "docx")
    assert first == dl.export(seed, "docx")
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(2023, 3, 14, 0, 0, 0)}
    assert dl.export(fifty(), "docx") == dl.export(fifty(), "docx")
    assert dl.export(seed, "docx") == first  # nothing of one document leaks into the next


def test_properties_describe_the_dispatch_and_not_python_docx() -> None:
    """Core properties carry title, subject, keywords, authors, category and dates; custom ones series and number."""
    dispatch = _read(next(p for p in CORPUS_FILES if p.stem == "inquiry-analysis-authors"))
    data = dl.export(dispatch, "docx")
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == dispatch.title
    assert core.last_printed is None and b"lastPrinted" not in zipfile.ZipFile(io.BytesIO(data)).read(
        "docProps/core.xml"
    )
    assert core.subject == "Inquiry & Analysis Series No. 1459"
    assert core.keywords == "Egypt, Jordan, The Gulf"
    assert core.author == "R. Example; T. Sample; Q. Placeholder"
    assert core.category == "Inquiry & Analysis Series"
    assert core.created.date().isoformat() == core.modified.date().isoformat() == "2019-05-02"
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert b"python-docx" not in archive.read("docProps/core.xml")
    assert b"<Application>dispatchlib</Application>" in archive.read("docProps/app.xml")
    custom = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml").decode()
    assert 'name="Series"><vt:lpwstr>Inquiry &amp; Analysis Series<' in custom
    assert 'name="Number"><vt:lpwstr>1459<' in custom
    email = dl.export(_read(next(p for p in CORPUS_FILES if p.stem == "email-bundle-emdash")), "docx")
    assert (
        "http://www.example.org/report/3175.htm"
        in zipfile.ZipFile(io.BytesIO(email)).read("docProps/custom.xml").decode()
    )


def test_styles_for_structure() -> None:
    """Title, Subtitle, headings, Caption for figures, Quote for quotations; speaker names bold."""
    styles = lambda data: [p.style.name for p in docx.Document(io.BytesIO(data)).paragraphs]  # noqa: E731
    seed = styles(dl.export(_read(SEED), "docx"))
    assert seed[:2] == ["Title", "Subtitle"] and seed.count("Caption") == 2
    inquiry = styles(dl.export(_read(next(p for p in CORPUS_FILES if p.stem == "inquiry-analysis-authors")), "docx"))
    assert inquiry.count("Heading 1") >= 3
    captions = styles(dl.export(_read(next(p for p in CORPUS_FILES if p.stem == "captions-and-credits")), "docx"))
    assert captions.count("Quote") == 2
    clip = docx.Document(io.BytesIO(dl.export(_read(next(p for p in CORPUS_FILES if p.stem == "tv-clip")), "docx")))
    turns = [p for p in clip.paragraphs if p.runs and p.runs[0].style.name == "Strong"]
    assert [p.runs[0].text for p in turns] == ["Economist Jane Placeholder:", "Minister John Example:", "Moderator:"]


def test_missing_credit_and_boundary_are_visible() -> None:
    """A lost credit is said to be lost, never '(Source:'; the translation boundary names its source."""
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(dl.export(_read(SEED), "docx"))).paragraphs)
    assert "(Source:" not in text and text.count("Source: not preserved in the copied text") == 2
    assert "Translation from the source in note 3, dated March 7, 2023" in text


def test_unreferenced_and_missing_notes() -> None:
    """An unreferenced note goes in a Notes section; a reference to a missing note stays visible text."""
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="T",
        body=(dl.Paragraph(content=(dl.Text(text="Cites nothing real."), dl.NoteRef(number=4))),),
        notes=(dl.Note(number=2, text="Lonely note."),),
    )
    paragraphs = [p.text for p in docx.Document(io.BytesIO(dl.export(dispatch, "docx"))).paragraphs]
    assert "Cites nothing real.[4]" in paragraphs
    assert paragraphs[-2:] == ["Notes", "[2] Lonely note."]


def test_repeated_reference_is_a_noteref_field() -> None:
    """A note cited twice is one footnote; the second citation is a NOTEREF field to it."""
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="T",
        body=(
            dl.Paragraph(
                content=(dl.Text(text="One."), dl.NoteRef(number=1), dl.Text(text=" Two."), dl.NoteRef(number=1))
            ),
        ),
        notes=(dl.Note(number=1, text="Only once."),),
    )
    data = dl.export(dispatch, "docx")
    assert len(_part(data, "word/footnotes.xml").findall("w:footnote", NS)) == 3
    fields = _part(data, "word/document.xml").findall(".//w:fldSimple", NS)
    assert [f.get(f"{{{W}}}instr") for f in fields] == [" NOTEREF _FootnoteRef1 \\f \\h "]


def test_rtl_runs_and_paragraphs() -> None:
    """Arabic runs are w:rtl; a mainly Hebrew paragraph is w:bidi."""
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="T",
        body=(
            dl.Paragraph(content=(dl.Text(text="He said \u0645\u0631\u062d\u0628\u0627 and left."),)),
            dl.Paragraph(content=(dl.Text(text="\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"),)),
        ),
    )
    body = _part(dl.export(dispatch, "docx"), "word/document.xml")
    rtl_runs = ["".join(r.itertext()) for r in body.iter(f"{{{W}}}r") if r.find("w:rPr/w:rtl", NS) is not None]
    assert "\u0645\u0631\u062d\u0628\u0627" in rtl_runs
    bidi = ["".join(p.itertext()) for p in body.iter(f"{{{W}}}p") if p.find("w:pPr/w:bidi", NS) is not None]
    assert bidi == ["\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"]


def test_collection_pages_numbering_and_toc() -> None:
    """A collection: a TOC field, each dispatch on a new page under Heading 1, footnotes numbered on."""
    data = dl.export(fifty(), "docx", dl.ExportOptions(toc=True))
    body = _part(data, "word/document.xml")
    assert 'TOC \\o "1-3"' in "".join(t.text or "" for t in body.iter(f"{{{W}}}instrText"))
    listed = [
        "".join(p.itertext()) for p in body.iter(f"{{{W}}}p") if p.find("w:pPr/w:pStyle[@w:val='TOC1']", NS) is not None
    ]
    assert listed[0].endswith(fifty().dispatches[0].title) and len(listed) == len(fifty().dispatches)
    breaks = body.findall(".//w:pPr/w:pageBreakBefore", NS)
    assert len(breaks) == len(fifty().dispatches)
    ids = [int(r.get(f"{{{W}}}id")) for r in body.iter(f"{{{W}}}footnoteReference")]
    assert ids == list(range(1, len(ids) + 1)) and len(ids) > 50


@pytest.mark.parametrize(("paper", "size"), [("a4", (11906, 16838)), ("letter", (12240, 15840))])
def test_paper_size(paper: str, size: tuple[int, int]) -> None:
    """The built-in template is A4 or Letter by option."""
    body = _part(dl.export(_read(SEED), "docx", dl.ExportOptions(paper=paper)), "word/document.xml")  # type: ignore[arg-type]
    page = body.find(".//w:sectPr/w:pgSz", NS)
    assert (int(page.get(f"{{{W}}}w")), int(page.get(f"{{{W}}}h"))) == size


def test_reference_docx_gives_styles_and_page(tmp_path: Path) -> None:
    """--reference-docx takes the user's styles, page size and margins; its own text is not copied."""
    reference = docx.Document()
    reference.add_paragraph("Template text that must not appear.")
    reference.styles["Normal"].font.name = "Courier New"
    section = reference.sections[0]
    section.page_width, section.page_height = docx.shared.Mm(148), docx.shared.Mm(210)
    section.left_margin = docx.shared.Mm(12)
    path = tmp_path / "ref.docx"
    reference.save(str(path))
    expected = docx.Document(str(path)).sections[0]  # as stored, in twentieths of a point
    result = docx.Document(io.BytesIO(dl.export(_read(SEED), "docx", dl.ExportOptions(reference_docx=str(path)))))
    assert result.styles["Normal"].font.name == "Courier New"
    got = result.sections[0]
    assert (got.page_width, got.page_height, got.left_margin) == (
        expected.page_width,
        expected.page_height,
        expected.left_margin,
    )
    assert all("Template text" not in p.text for p in result.paragraphs)


def _reference_with_logo(path: Path) -> Path:
    from PIL import Image

    logo = io.BytesIO()
    Image.new("RGB", (120, 40), (200, 30, 30)).save(logo, format="PNG")
    logo.seek(0)
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].add_run().add_picture(logo)
    reference.sections[0].footer.paragraphs[0].text = "Institute footer"
    reference.save(str(path))
    return path


def test_reference_headers_and_footers_keep_their_images(tmp_path: Path) -> None:
    """A reference document's header logo and footer text reach the output, with every
    relationship they use resolving to a part; LibreOffice shows the logo on each page."""
    reference = _reference_with_logo(tmp_path / "letterhead.docx")
    out = tmp_path / "with-letterhead.docx"
    out.write_bytes(dl.export(_read(SEED), "docx", dl.ExportOptions(reference_docx=str(reference))))
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        header = archive.read("word/header1.xml").decode()
        rels = etree.fromstring(archive.read("word/_rels/header1.xml.rels"))
    used = set(re.findall(r'r:embed="([^"]+)"', header))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    assert used and used <= set(targets)
    assert all(f"word/{targets[rid]}" in names for rid in used)
    text = libreoffice_pdf_text([out], tmp_path)[out]
    assert "Institute footer" in text
    pdf = tmp_path / "with-letterhead.pdf"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(
        re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout)[1]
    )  # type: ignore[index]
    assert len(listing.stdout.splitlines()) - 2 == pages >= 2


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _bad_references(folder: Path) -> list[tuple[Path, str]]:
    good = folder / "good.docx"
    docx.Document().save(str(good))
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    not_zip = folder / "not-zip.docx"
    not_zip.write_text("not a zip", encoding="utf-8")
    big = folder / "big.docx"
    with big.open("wb") as stream:
        stream.truncate(21 * 2**20)
    return [
        (not_zip, "not a Word document to take styles from: File is not a zip file"),
        (
            _zip(folder / "bomb.docx", {**members, "word/media/zeros.bin": b"\0" * (120 * 2**20)}),
            "its parts unpack to 121 MB, over the 100 MB",
        ),
        (_zip(folder / "bad-xml.docx", {**members, "word/styles.xml": b"<w:styles><unclosed>"}), "XMLSyntaxError"),
        (_zip(folder / "no-body.docx", {k: v for k, v in members.items() if k != "word/document.xml"}), "KeyError"),
        (big, "21.0 MB is over the 20 MB limit"),
    ]


def test_a_bad_reference_docx_is_an_input_error(tmp_path: Path) -> None:
    """A reference document is untrusted input: not a zip, a zip bomb, malformed XML, a missing
    part or an oversized file is an input error (exit 3) naming it, before any output is written."""
    for path, reason in _bad_references(tmp_path):
        with pytest.raises(dl.InputError, match=re.escape(reason)):
            dl.export(_read(SEED), "docx", dl.ExportOptions(reference_docx=str(path)))
        out = tmp_path / "out.docx"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "dispatchlib",
                "convert",
                str(SEED),
                "-o",
                str(out),
                "--reference-docx",
                str(path),
                "-q",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 3 and str(path) in done.stderr and reason in done.stderr, done.stderr
        assert len(done.stderr.splitlines()) == 1 and not out.exists()


def test_ten_megabyte_paragraph_and_note() -> None:
    """A 10 MB paragraph and a 10 MB note are written, and python-docx reopens the file whole:
    no text node is past the 10,000,000 bytes libxml2 refuses."""
    big = "word & " * (1_500_000)
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="Long",
        body=(dl.Paragraph(content=(dl.Text(text=big), dl.NoteRef(number=1))),),
        notes=(dl.Note(number=1, text=big),),
    )
    data = dl.export(dispatch, "docx")
    reopened = docx.Document(io.BytesIO(data))
    assert any(paragraph.text == big for paragraph in reopened.paragraphs)
    footnotes = _part(data, "word/footnotes.xml")
    assert big in "".join(footnotes.itertext())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dispatches())
def test_generated_dispatches_give_well_formed_documents(dispatch: dl.Dispatch) -> None:
    """Any model, hostile text included: every XML part parses and python-docx reopens the file."""
    data = dl.export(dispatch, "docx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    for member in archive.namelist():
        if member.endswith((".xml", ".rels")):
            etree.fromstring(archive.read(member))
    assert docx.Document(io.BytesIO(data)).core_properties.title is not None


def test_a_lost_figure_is_a_quiet_placeholder() -> None:
    """A figure the copied text lost (caption only) is a caption line in the quiet Placeholder
    style (italic, grey, not bold), not a blue bold heading-like line."""
    data = dl.export(_read(SEED), "docx")
    body = _part(data, "word/document.xml")
    captions = [
        p for p in body.iter(f"{{{W}}}p") if p.find(f"{{{W}}}pPr/{{{W}}}pStyle[@{{{W}}}val='Caption']") is not None
    ]
    assert len(captions) == 2
    for caption in captions:
        styles = {r.get(f"{{{W}}}val") for r in caption.iter(f"{{{W}}}rStyle")}
        assert styles == {"Placeholder"}, styles
    style = _part(data, "word/styles.xml").find(f".//{{{W}}}style[@{{{W}}}styleId='Placeholder']")
    assert style is not None and style.find(f"{{{W}}}rPr/{{{W}}}i") is not None


def test_the_bylines_star_reaches_the_author_note_and_back(tmp_path: Path) -> None:
    """The byline ends in a ``*`` linked to the author note under "Notes", whose ``*`` links back,
    as in the e-book; pandoc reads both links, and LibreOffice shows the star after the names."""
    dispatch = _read(next(p for p in CORPUS_FILES if p.stem == "inquiry-analysis-authors"))
    data = dl.export(dispatch, "docx")
    body = _part(data, "word/document.xml")
    marks = {}
    for paragraph in body.iter(f"{{{W}}}p"):
        link = paragraph.find(f"{{{W}}}hyperlink")
        if link is not None and "".join(link.itertext()) == "*":
            bookmark = paragraph.find(f"{{{W}}}bookmarkStart").get(f"{{{W}}}name")
            marks[bookmark] = (link.get(f"{{{W}}}anchor"), "".join(paragraph.itertext()))
    [(ref, (to_note, byline)), (note, (to_ref, author_note))] = sorted(marks.items(), reverse=True)
    assert (to_note, to_ref) == (note, ref)
    assert byline == f"By {', '.join(dispatch.authors)}*"
    assert author_note.startswith("* ") and author_note.endswith(_fold(dispatch.author_note or "")[-20:])
    path = tmp_path / "authors.docx"
    path.write_bytes(data)
    links = [target for label, target in _pandoc_links(pandoc_json(path, "docx")) if label == "*"]
    assert sorted(links) == sorted([f"#{ref}", f"#{note}"])
    [text] = libreoffice_pdf_text([path], tmp_path).values()
    assert f"By {', '.join(dispatch.authors)}*" in _fold(text)


def test_a_caption_is_centred_under_its_picture_and_kept_with_it(tmp_path: Path) -> None:
    """A saved page's photo is centred and kept with the next paragraph (its caption), which is
    centred too: a page break never parts them, and the caption sits under the picture's middle."""
    page = dl.read_file(Path(__file__).parent / "pages" / "report-page.html")[0]
    body = _part(dl.export(page, "docx"), "word/document.xml")
    paragraphs = list(body.iter(f"{{{W}}}p"))
    pictures = [i for i, p in enumerate(paragraphs) if p.find(f".//{{{W}}}drawing") is not None]
    assert pictures
    for index in pictures:
        picture, caption = paragraphs[index], paragraphs[index + 1]
        assert picture.find(f"{{{W}}}pPr/{{{W}}}keepNext") is not None
        assert caption.find(f"{{{W}}}pPr/{{{W}}}pStyle").get(f"{{{W}}}val") == "Caption"
        for centred in (picture, caption):
            assert centred.find(f"{{{W}}}pPr/{{{W}}}jc").get(f"{{{W}}}val") == "center"


def _pandoc_links(node: object) -> list[tuple[str, str]]:
    """Every link in pandoc's JSON model: its text and its target."""
    if isinstance(node, list):
        return [link for item in node for link in _pandoc_links(item)]
    if not isinstance(node, dict):
        return []
    if node.get("t") == "Link":
        _, label, (target, _) = node["c"]
        return [("".join(re.findall(r'"Str", "c": "([^"]*)"', json.dumps(label))), target)]
    return _pandoc_links(list(node.values()))


def test_a_collections_boundary_names_the_note_number_word_shows() -> None:
    """Word numbers footnotes on through a collection: the second dispatch's note 3 is footnote 6,
    and its translation line says "note 6", not "note 3"."""
    seed = _read(SEED)
    book = dl.Collection(title="Two", dispatches=(seed, attrs.evolve(seed, number=10524)))
    data = dl.export(book, "docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Translation from the source in note 3, dated March 7, 2023" in text
    assert "Translation from the source in note 6, dated March 7, 2023" in text
    footnotes = _part(data, "word/footnotes.xml")
    sixth = footnotes.find("w:footnote[@w:id='6']", NS)
    assert sixth is not None and "March 7, 2023" in "".join(sixth.itertext())
