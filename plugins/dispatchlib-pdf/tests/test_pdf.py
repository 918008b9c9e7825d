"""The pdf exporter, judged by poppler and qpdf: each note at the foot of the page that cites it,
every font embedded, tagged, the text extractable (Arabic included), bookmarks for a collection."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import dispatchlib as dl
from dispatchlib.testing import CORPUS, check_exporter

# made-up words, so that each paragraph and each note can be found on its page
_WORDS = "harbor ledger quarry orchard lantern meadow pylon timber canal granary ferry beacon".split()


# the quotes Typst makes curly (or primes, after a digit), back to straight ones; the word joiner
# before a page number dropped
_PLAIN = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'", "\u2033": '"', "\u2060": None}
)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        package = "qpdf" if name == "qpdf" else "poppler-utils"
        pytest.skip(f"{name} is missing: apt-get install -y {package}")
    return path


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _page_texts(pdf: Path) -> list[str]:
    pages = int(re.search(r"^Pages:\s+(\d+)", _run(_tool("pdfinfo"), str(pdf)), re.MULTILINE)[1])  # type: ignore[index]
    texts = []
    for number in range(1, pages + 1):
        text = _run(_tool("pdftotext"), "-f", str(number), "-l", str(number), str(pdf), "-")
        texts.append(" ".join(re.sub(r"-\n", "", text).translate(_PLAIN).split()))  # undo hyphenation at line ends
    return texts


def _long_dispatch() -> dl.Dispatch:
    """Twelve paragraphs of made-up words, each citing its own note, over several pages; one
    paragraph in Arabic script; a figure without its photo."""
    body: list[dl.Block] = []
    for index in range(1, 13):
        words = " ".join(_WORDS[(index + k) % len(_WORDS)] for k in range(160))
        body.append(dl.Paragraph(content=(dl.Text(text=f"{words} marker{index:02d}"), dl.NoteRef(number=index))))
        if index == 6:
            body.append(dl.Paragraph(content=(dl.Text(text="He quoted the paper: مقال عن الانتخابات في المنطقة"),)))
            body.append(
                dl.Paragraph(content=(dl.Text(text="In other papers: Ελλάδα, Москва, ירושלים, Erdoğan, şehir."),))
            )
            body.append(dl.Figure(caption="The harbor at dawn", credit_missing=True))
    notes = tuple(dl.Note(number=i, text=f"Outlet footnote{i:02d}, March {i}, 2023.") for i in range(1, 13))
    return dl.Dispatch(
        series="Special Dispatch",
        number=4242,
        title="Harbor Ledgers And Canal Beacons",
        date=dl.parse("March 14, 2023 Special Dispatch No. 1\n\nT\n\nText.\n")[0].date,  # type: ignore[union-attr]
        body=tuple(body),
        notes=notes,
    )


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "long.pdf"
    path.write_bytes(dl.export(_long_dispatch(), "pdf"))
    return path


def test_each_note_is_at_the_foot_of_the_page_that_cites_it(long_pdf: Path) -> None:
    pages = _page_texts(long_pdf)
    assert len(pages) >= 3
    for index in range(1, 13):
        cited = [n for n, text in enumerate(pages) if f"marker{index:02d}" in text]
        noted = [n for n, text in enumerate(pages) if f"footnote{index:02d}" in text]
        assert cited and cited == noted, (index, cited, noted)


def test_fonts_embedded_tagged_titled_and_valid(long_pdf: Path) -> None:
    fonts = _run(_tool("pdffonts"), str(long_pdf)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    info = _run(_tool("pdfinfo"), str(long_pdf))
    assert re.search(r"^Tagged:\s+yes", info, re.MULTILINE)
    assert re.search(r"^Title:\s+Harbor Ledgers And Canal Beacons$", info, re.MULTILINE)
    assert re.search(r"^CreationDate:\s+Tue Mar 14 00:00:00 2023", info, re.MULTILINE)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+", info, re.MULTILINE)  # A4
    done = subprocess.run([_tool("qpdf"), "--check", str(long_pdf)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    metadata = _run(_tool("pdfinfo"), "-meta", str(long_pdf))
    assert "<pdfuaid:part>1</pdfuaid:part>" in metadata
    assert "<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>" in metadata


def test_text_is_extractable_arabic_included(long_pdf: Path) -> None:
    text = " ".join(_page_texts(long_pdf))
    assert "مقال" in text and "المنطقة" in text
    assert all(word in text for word in ("Ελλάδα", "Москва", "ירושלים", "Erdoğan", "şehir"))
    assert "Source: not preserved in the copied text" in text
    assert "Special Dispatch No. 4242" in text  # the first page's series line, the others' running header


def test_the_same_input_gives_the_same_bytes() -> None:
    dispatch = _long_dispatch()
    assert dl.export(dispatch, "pdf") == dl.export(dispatch, "pdf")


def test_a_collection_reads_as_a_book(tmp_path: Path) -> None:
    """A title page, contents with page numbers on the next, each dispatch from a new page, the
    dispatches (not the collection) as the bookmarks, the authors in byline order."""
    documents = [dl.read_file(path)[0] for path in sorted((CORPUS / "variants").glob("*.txt"))]
    collection, _ = dl.collect(documents, title="Week 11")
    assert isinstance(collection, dl.Collection)
    pdf = tmp_path / "week.pdf"
    pdf.write_bytes(dl.export(collection, "pdf", dl.ExportOptions(title="Week 11", paper="letter")))
    pages = _page_texts(pdf)
    assert pages[0].startswith("Week 11") and "Contents" not in pages[0]
    contents = pages[1]
    assert contents.startswith("Week 11 Contents")  # the running header, then the list
    outline = json.loads(_run(_tool("qpdf"), "--json", "--json-key=outlines", str(pdf)))["outlines"]
    assert [entry["title"] for entry in outline] == [dl.display_title(d) for d in collection.dispatches]
    for dispatch in collection.dispatches:
        title = dl.display_title(dispatch)
        listed = re.search(re.escape(title) + r"[ .]*(\d+)", contents)
        assert listed, title
        page = pages[int(listed[1]) - 1]  # the page the contents give: the dispatch starts it
        assert page.removeprefix("Week 11 ").removeprefix(dl.series_line(dispatch)).lstrip().startswith(title)
    authors = [a for d in collection.dispatches for a in d.authors]
    assert len(authors) > 2 and authors != sorted(authors)
    info = _run(_tool("pdfinfo"), str(pdf))
    assert re.search(r"^Author:\s+" + re.escape(", ".join(dict.fromkeys(authors))) + "$", info, re.MULTILINE)
    assert re.search(r"^Page size:\s+612 x 792", info, re.MULTILINE)  # Letter


def test_note_marks_in_a_collection_are_each_dispatchs_own_numbers(tmp_path: Path) -> None:
    """The second dispatch's notes are marked 1 and 2 as its text calls them ("see note 2"), not
    numbered on through the book."""

    def dispatch(name: str) -> dl.Dispatch:
        body = (
            dl.Paragraph(content=(dl.Text(text=f"{name} opens"), dl.NoteRef(number=1), dl.Text(text=" and goes on."))),
            dl.Paragraph(content=(dl.Text(text=f"{name} closes, as note 2 says"), dl.NoteRef(number=2))),
        )
        notes = tuple(dl.Note(number=n, text=f"{name}source{n}, 2023.") for n in (1, 2))
        return dl.Dispatch(title=f"The {name} report", body=body, notes=notes)

    collection = dl.Collection(title="Two", dispatches=(dispatch("Lantern"), dispatch("Meadow")))
    pdf = tmp_path / "two.pdf"
    pdf.write_bytes(dl.export(collection, "pdf"))
    text = " ".join(_page_texts(pdf))
    for name in ("Lantern", "Meadow"):
        assert f"{name} opens1 and goes on. {name} closes, as note 2 says2" in text
        assert f"1{name}source1, 2023. 2{name}source2, 2023." in text


def test_a_note_numbered_zero_keeps_its_mark(tmp_path: Path) -> None:
    """A text's note 0 (the model allows it) is marked 0, and the note after it 1: the footnote
    counter cannot be set below zero."""
    body = (
        dl.Paragraph(content=(dl.Text(text="Zero"), dl.NoteRef(number=0), dl.Text(text=" one"), dl.NoteRef(number=1))),
    )
    notes = (dl.Note(number=0, text="Zerosource."), dl.Note(number=1, text="Onesource."))
    pdf = tmp_path / "zero.pdf"
    pdf.write_bytes(dl.export(dl.Dispatch(title="Zero", body=body, notes=notes), "pdf"))
    text = " ".join(_page_texts(pdf))
    assert "Zero0 one1" in text and "0Zerosource. 1Onesource." in text


def test_archival_pdf_on_request(tmp_path: Path) -> None:
    """-O pdf-archive=yes: PDF/A-2b as well as tagged."""
    pdf = tmp_path / "a.pdf"
    seed = str(CORPUS / "special-dispatch-10523.txt")
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", seed, "-o", str(pdf), "-q", "-O", "pdf-archive=yes"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert re.search(r"^Tagged:\s+yes", _run(_tool("pdfinfo"), str(pdf)), re.MULTILINE)
    metadata = _run(_tool("pdfinfo"), "-meta", str(pdf))  # the XMP packet
    assert "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>" in metadata
    assert "<pdfuaid:part>1</pdfuaid:part>" in metadata


@pytest.mark.filterwarnings("ignore::dispatchlib_pdf.PDFWarning")
def test_the_pdf_exporter_meets_the_basics() -> None:
    """The conformance kit, whose generated text holds scripts no bundled font draws (warned about)."""
    check_exporter("pdf", examples=10)


def test_a_title_or_heading_of_control_characters_only(tmp_path: Path) -> None:
    """Text with nothing to draw (DEL, C1 controls) makes no empty heading, which PDF/UA refuses:
    the title falls back to "Untitled dispatch", an empty subheading is left out."""
    dispatch = dl.Dispatch(
        title="\x7f\x85", body=(dl.Heading(text="\x7f"), dl.Paragraph(content=(dl.Text(text="Words stay."),)))
    )
    (tmp_path / "d.pdf").write_bytes(dl.export(dispatch, "pdf"))
    text = " ".join(_page_texts(tmp_path / "d.pdf"))
    assert "Untitled dispatch" in text and "Words stay." in text


def test_a_saved_pages_photo_and_the_translation_boundary(tmp_path: Path) -> None:
    """The photo of a saved page is in the PDF, with its caption and credit; the translation
    boundary names the translated source."""
    page = Path(__file__).resolve().parents[3] / "tests" / "pages" / "report-page.html"
    if not page.exists():
        pytest.skip("the saved-page fixture is in the repository's tests/pages/")
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(dl.export(dl.read_file(page)[0], "pdf"))
    images = _run(_tool("pdfimages"), "-list", str(pdf)).splitlines()[2:]
    assert len(images) == 1
    text = " ".join(_page_texts(pdf))
    assert "The harbor of Lindholm" in text and "Source: Lindholm Photo Archive" in text
    assert "Translation from Morgenpost.example, October 20, 2026" in text
