"""EPUB: EPUBCheck finds nothing, pandoc and calibre read back what they should, bytes repeat."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import pytest
from conftest import CORPUS_FILES, SEED, corpus_id
from hypothesis import HealthCheck, given, settings
from judges import ace, ebook_meta, epubcheck, pandoc_plain, plain_typography
from lxml import etree

import dispatchlib as dl
from dispatchlib.testing.strategies import dispatches

NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def _read(path: Path) -> dl.Dispatch:
    document, _ = dl.read_file(path)
    assert isinstance(document, dl.Dispatch)
    return document


def fifty() -> dl.Collection:
    """A 50-dispatch collection made from the corpus, with varied numbers and dates."""
    base = [_read(path) for path in CORPUS_FILES]
    made = []
    for index in range(50):
        dispatch = base[index % len(base)]
        date = datetime.date(2020, 1, 1) + datetime.timedelta(days=7 * index)
        made.append(attrs.evolve(dispatch, number=(dispatch.number or 0) + index * 1000, date=date))
    made.append(attrs.evolve(base[0], number=7700, series="Special Dispatch", title="Regional Ports Debate"))
    collection, _ = dl.collect(made, title="Fifty Dispatches")
    assert isinstance(collection, dl.Collection)
    return collection


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """EPUBs of the seed, every corpus file, a 50-dispatch collection and option variants."""
    folder = tmp_path_factory.mktemp("epub")
    made: dict[str, Path] = {}

    def build(name: str, document: dl.Document, options: dl.ExportOptions | None = None) -> None:
        made[name] = folder / f"{name}.epub"
        made[name].write_bytes(dl.export(document, "epub", options))

    for path in CORPUS_FILES:
        build(path.stem, _read(path))
    build("fifty", fifty(), dl.ExportOptions(group_by="topic"))
    build("fifty-by-month", fifty(), dl.ExportOptions(group_by="month", publisher="Example Institute"))
    build("seed-no-cover", _read(SEED), dl.ExportOptions(generate_cover=False))
    cover = folder / "mine.png"
    from PIL import Image

    Image.new("RGB", (600, 900), (10, 120, 60)).save(cover)
    build("seed-own-cover", _read(SEED), dl.ExportOptions(cover_image=str(cover)))
    rtl = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="Mixed Scripts",
        body=(
            dl.Paragraph(
                content=(
                    dl.Text(
                        text="He said \u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645 and left."
                    ),
                )
            ),
            dl.Paragraph(content=(dl.Text(text="\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"),)),
            dl.Heading(text="Part One"),
            dl.Heading(text="1.1 Detail", level=2),
            dl.Heading(text="Part Two"),
        ),
    )
    build("rtl", rtl)
    seed = _read(SEED)
    build("year-9999", attrs.evolve(seed, date=datetime.date(9999, 12, 31), title="Long " * 200_000))
    build("year-1", attrs.evolve(seed, date=datetime.date(1, 1, 1)), dl.ExportOptions(language="en_GB"))
    svg = folder / "cover.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900"><rect width="600" height="900"/></svg>',
        encoding="utf-8",
    )
    build("svg-cover", seed, dl.ExportOptions(cover_image=str(svg)))
    blank = dl.ExportOptions(title="   ", publisher="  ", language="zh-hant-tw")
    build("blank-options", dl.Collection(dispatches=(seed, attrs.evolve(seed, number=10524))), blank)
    for index, dispatch in enumerate(_hostile_dispatches(20)):
        build(f"hostile-{index}", dispatch)
    return made


def _hostile_dispatches(count: int) -> list[dl.Dispatch]:
    """Generated dispatches full of hostile text, the same ones every run."""
    found: list[dl.Dispatch] = []

    @settings(
        max_examples=count, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(dispatches())
    def keep(dispatch: dl.Dispatch) -> None:
        found.append(dispatch)

    keep()
    return found


@pytest.fixture(scope="module")
def verdicts(books: dict[str, Path]) -> dict[Path, object]:
    return epubcheck(list(books.values()))  # type: ignore[return-value]


def _names() -> list[str]:
    variants = ["fifty", "fifty-by-month", "seed-no-cover", "seed-own-cover", "rtl"]
    return [p.stem for p in CORPUS_FILES] + variants + ["year-9999", "year-1", "svg-cover", "blank-options"]


@pytest.mark.parametrize("name", _names())
def test_epubcheck_finds_nothing(books: dict[str, Path], verdicts: dict[Path, object], name: str) -> None:
    """EPUBCheck 5.3 reports 0 fatals, 0 errors and 0 warnings, and nothing in usage mode (-u)."""
    result = verdicts[books[name]]
    assert result.counts == (0, 0, 0, 0), result.messages  # type: ignore[attr-defined]


def test_epubcheck_finds_nothing_in_hostile_books(books: dict[str, Path], verdicts: dict[Path, object]) -> None:
    """Generated dispatches with markup, quotes, RTL marks, emoji and control characters make clean books."""
    hostile = [path for name, path in books.items() if name.startswith("hostile-")]
    assert len(hostile) == 20
    for path in hostile:
        result = verdicts[path]
        assert result.counts == (0, 0, 0, 0), result.messages  # type: ignore[attr-defined]


def _member(book: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(book) as archive:
        return etree.fromstring(archive.read(f"EPUB/{name}"))


def _chapters(book: Path) -> list[etree._Element]:
    with zipfile.ZipFile(book) as archive:
        return [etree.fromstring(archive.read(n)) for n in sorted(archive.namelist()) if re.search(r"/d\d+\.xhtml$", n)]


def test_two_builds_are_byte_identical() -> None:
    """The same input and options give the same bytes; so does a collection."""
    seed = _read(SEED)
    assert dl.export(seed, "epub") == dl.export(seed, "epub")
    assert dl.export(fifty(), "epub") == dl.export(fifty(), "epub")


def test_modified_date_and_zip_times_follow_source_date_epoch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """dcterms:modified and zip entry times come from the dispatch date, or SOURCE_DATE_EPOCH when set."""
    seed = _read(SEED)
    book = tmp_path / "a.epub"
    book.write_bytes(dl.export(seed, "epub"))
    assert _member(book, "content.opf").findtext(".//opf:meta[@property='dcterms:modified']", namespaces=NS) == (
        "2023-03-14T00:00:00Z"
    )
    assert {info.date_time for info in zipfile.ZipFile(book).infolist()} == {(2023, 3, 14, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    book.write_bytes(dl.export(seed, "epub"))
    assert _member(book, "content.opf").findtext(".//opf:meta[@property='dcterms:modified']", namespaces=NS) == (
        "2023-11-14T22:13:20Z"
    )


def test_mimetype_first_and_stored(books: dict[str, Path]) -> None:
    """The zip starts with an uncompressed mimetype entry."""
    first = zipfile.ZipFile(books["special-dispatch-10523"]).infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)


def test_noterefs_and_footnotes(books: dict[str, Path]) -> None:
    """References are epub:type=noteref links without <sup> inside; notes are a list that every
    reader shows (Apple Books hides footnote asides), each note's backlink first. Each note is a
    paragraph marked footnote (epub:type and doc-footnote), which Apple Books and Kobo pop up,
    in a list of footnotes: "endnote" on an item and the doc-endnote role are deprecated, and
    doc-footnote does not belong in doc-endnotes."""
    [chapter] = _chapters(books["special-dispatch-10523"])
    refs = chapter.findall(".//x:a[@role='doc-noteref']", NS)
    assert [a.get(EPUB_TYPE) for a in refs] == ["noteref"] * 3
    assert all(len(a) == 0 and a.text in "123" for a in refs)
    section = chapter.find(".//x:section[@class='notes']", NS)
    assert section is not None and section.get(EPUB_TYPE) == "footnotes" and section.get("role") is None
    assert not chapter.findall(".//x:aside", NS) and "endnote" not in etree.tostring(chapter).decode()
    items = section.findall("x:ol/x:li", NS)
    notes = [item.find("x:p", NS) for item in items]
    assert [(n.get(EPUB_TYPE), n.get("role")) for n in notes] == [("footnote", "doc-footnote")] * 3
    assert not [item for item in items if item.get("role") or item.get(EPUB_TYPE)]
    for ref, note in zip(refs, notes, strict=True):
        assert ref.get("href") == f"#{note.get('id')}"
        first_link = note.find("x:a", NS)
        assert first_link.get("role") == "doc-backlink" and first_link.get("href") == f"#{ref.get('id')}"


def test_unreferenced_note_still_appears(tmp_path: Path) -> None:
    """A note nothing references is in the book, without a backlink."""
    dispatch = dl.Dispatch(series="Special Dispatch", number=5, title="T", notes=(dl.Note(number=9, text="Lonely."),))
    book = tmp_path / "u.epub"
    book.write_bytes(dl.export(dispatch, "epub"))
    [chapter] = _chapters(book)
    [aside] = chapter.findall(".//x:section[@class='notes']/x:ol/x:li", NS)
    assert "Lonely." in "".join(aside.itertext()) and aside.find(".//x:a", NS) is None


def test_the_bylines_star_reaches_the_author_note(books: dict[str, Path]) -> None:
    """The * after the authors is a note reference to the author-bio note, which links back."""
    path = next(p for p in CORPUS_FILES if p.stem == "inquiry-analysis-authors")
    [chapter] = _chapters(books[path.stem])
    star = chapter.find(".//x:p[@class='authors']/x:a[@role='doc-noteref']", NS)
    assert star is not None and star.text == "*" and star.get(EPUB_TYPE) == "noteref"
    note = chapter.find(f".//x:li[@class='author-note']/x:p[@id='{star.get('href')[1:]}']", NS)  # type: ignore[index]
    assert note is not None and note.get(EPUB_TYPE) == "footnote"
    assert note.find("x:a[@role='doc-backlink']", NS).get("href") == f"#{star.get('id')}"  # type: ignore[union-attr]


def test_every_document_declares_its_language(books: dict[str, Path]) -> None:
    """lang and xml:lang are on every XHTML document."""
    with zipfile.ZipFile(books["fifty"]) as archive:
        pages = [n for n in archive.namelist() if n.endswith(".xhtml")]
        for name in pages:
            root = etree.fromstring(archive.read(name))
            assert root.get("lang") == "en" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_rtl_runs_are_marked(books: dict[str, Path]) -> None:
    """Arabic inside English is a dir=rtl span; a Hebrew paragraph is dir=rtl with its language."""
    [chapter] = _chapters(books["rtl"])
    span = chapter.find(".//x:span[@dir='rtl']", NS)
    assert (
        span.get("lang") == "ar" and span.text == "\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645"
    )
    paragraph = chapter.findall(".//x:p[@dir='rtl']", NS)
    assert len(paragraph) == 1 and paragraph[0].find("x:span", NS).get("lang") == "he"


def test_navigation_nests_headings_and_has_landmarks(books: dict[str, Path]) -> None:
    """nav.xhtml has a toc with headings one level down, nested by level, and landmarks; an NCX exists."""
    nav = _member(books["rtl"], "nav.xhtml")
    toc = nav.find(".//x:nav[@role='doc-toc']", NS)
    top = toc.findall("x:ol/x:li", NS)
    assert [a.text for a in top[0].findall("x:a", NS)] == ["Mixed Scripts"]
    level_one = top[0].findall("x:ol/x:li", NS)
    assert [li.find("x:a", NS).text for li in level_one] == ["Part One", "Part Two"]
    assert [a.text for a in level_one[0].findall("x:ol/x:li/x:a", NS)] == ["1.1 Detail"]
    marks = [a.get(EPUB_TYPE) for a in nav.findall(".//x:nav[@id='landmarks']//x:a", NS)]
    assert marks == ["cover", "toc", "bodymatter"]
    collection = _member(books["fifty"], "nav.xhtml")
    marks = [a.get(EPUB_TYPE) for a in collection.findall(".//x:nav[@id='landmarks']//x:a", NS)]
    assert marks == ["cover", "titlepage", "toc", "bodymatter"]
    assert "EPUB/toc.ncx" in zipfile.ZipFile(books["rtl"]).namelist()


def test_front_matter_shows_the_title_once(books: dict[str, Path]) -> None:
    """One dispatch: cover, then its chapter, whose title block is the title page; the contents
    page stays for navigation but out of the reading order. A collection keeps its title page
    and its contents in the reading order. Nested contents entries are not numbered twice."""
    spine = _member(books[SEED.stem], "content.opf").findall(".//opf:spine/opf:itemref", NS)
    assert [(item.get("idref"), item.get("linear")) for item in spine] == [
        ("cover", None),
        ("nav", "no"),
        ("d00001", None),
    ]
    assert "EPUB/titlepage.xhtml" not in zipfile.ZipFile(books[SEED.stem]).namelist()
    chapter = _chapters(books[SEED.stem])[0]
    assert len(chapter.findall(".//x:h1", NS)) == 1 and chapter.find(".//x:p[@class='series']", NS) is not None
    spine = _member(books["fifty"], "content.opf").findall(".//opf:spine/opf:itemref", NS)
    assert [item.get("idref") for item in spine][:3] == ["cover", "titlepage", "nav"]
    assert all(item.get("linear") is None for item in spine)
    with zipfile.ZipFile(books["fifty"]) as book:
        assert "nav#toc ol { list-style: none;" in book.read("EPUB/style.css").decode()


def test_package_metadata_is_true_and_ours(books: dict[str, Path]) -> None:
    """The package has xml:lang and a dc:description (the lead, or a collection's titles), no
    generator tag of a library, and a series only when every dispatch of the book is in it."""
    opf = _member(books[SEED.stem], "content.opf")
    assert opf.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    description = opf.find(".//dc:description", NS)
    assert description is not None and description.text.startswith("On March 5, 2023, five people")  # type: ignore[union-attr]
    assert opf.find(".//opf:meta[@name='generator']", NS) is None
    assert [m.text for m in opf.findall(".//opf:meta[@property='belongs-to-collection']", NS)] == ["Special Dispatch"]
    mixed = _member(books["fifty"], "content.opf")
    assert mixed.find(".//opf:meta[@property='belongs-to-collection']", NS) is None
    assert mixed.find(".//dc:description", NS).text.startswith("51 dispatches: ")  # type: ignore[union-attr]


def test_collection_toc_grouped_and_ordered(books: dict[str, Path]) -> None:
    """A collection's TOC groups by the chosen key; chapters are ordered by date; ids never collide."""
    nav = _member(books["fifty-by-month"], "nav.xhtml")
    groups = [span.text for span in nav.findall(".//x:nav[@role='doc-toc']/x:ol/x:li/x:span", NS)]
    assert groups[0] == "January 2020" and len(groups) == len(set(groups))
    chapters = _chapters(books["fifty-by-month"])
    dates = [c.find(".//x:time", NS).get("datetime") for c in chapters]
    assert dates == sorted(dates)
    ids = [e.get("id") for c in chapters for e in c.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_collection_links_mentions_of_dispatches_in_the_book(books: dict[str, Path]) -> None:
    """'Special Dispatch No. 7700' becomes a link to that chapter when it is in the book."""
    links = [
        a
        for c in _chapters(books["fifty"])
        for a in c.iter("{*}a")
        if (a.text or "").startswith("Special Dispatch No. 7700")
    ]
    assert links and all(re.fullmatch(r"d\d{5}\.xhtml#d\d+-title", a.get("href")) for a in links)


def test_metadata(books: dict[str, Path]) -> None:
    """Title, language, ISO date, subjects, creators, series with position, and a stable UUID v5 identifier."""
    opf = _member(books["inquiry-analysis-authors"], "content.opf")
    text = lambda path: [e.text for e in opf.findall(path, NS)]  # noqa: E731
    assert text(".//dc:title") == ["Port Authority Dispute Exposes Rift Between Coastal Provinces"]
    assert text(".//dc:language") == ["en"] and text(".//dc:date") == ["2019-05-02"]
    assert text(".//dc:subject") == ["Egypt", "Jordan", "The Gulf"]
    assert text(".//dc:creator") == ["R. Example", "T. Sample", "Q. Placeholder"]
    assert text(".//opf:meta[@property='belongs-to-collection']") == ["Inquiry & Analysis Series"]
    assert text(".//opf:meta[@property='group-position']") == ["1459"]
    assert text(".//dc:publisher") == [] and text(".//dc:source") == []
    [identifier] = text(".//dc:identifier")
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier) and identifier[23] == "5"
    email = _member(books["email-bundle-emdash"], "content.opf")
    assert [e.text for e in email.findall(".//dc:source", NS)] == ["http://www.example.org/report/3175.htm"]
    month = _member(books["fifty-by-month"], "content.opf")
    assert [e.text for e in month.findall(".//dc:publisher", NS)] == ["Example Institute"]


def test_accessibility_metadata_follows_content(books: dict[str, Path]) -> None:
    """Access modes and features are those true of the book; no cover means no visual mode."""

    def values(name: str, prop: str) -> list[str]:
        return [e.text for e in _member(books[name], "content.opf").findall(f".//opf:meta[@property='{prop}']", NS)]

    assert values("special-dispatch-10523", "schema:accessMode") == ["textual", "visual"]
    assert values("seed-no-cover", "schema:accessMode") == ["textual"]
    assert "alternativeText" not in values("seed-no-cover", "schema:accessibilityFeature")
    assert {"tableOfContents", "readingOrder", "structuralNavigation"} <= set(
        values("special-dispatch-10523", "schema:accessibilityFeature")
    )
    assert values("special-dispatch-10523", "schema:accessibilityHazard") == ["none"]
    assert values("special-dispatch-10523", "schema:accessModeSufficient") == ["textual"]
    assert values("special-dispatch-10523", "schema:accessibilitySummary")[0]


def test_cover_page_first_and_user_cover(books: dict[str, Path]) -> None:
    """The cover page opens the spine; a user's cover image replaces the generated one."""
    opf = _member(books["special-dispatch-10523"], "content.opf")
    assert opf.find(".//opf:spine/opf:itemref", NS).get("idref") == "cover"
    assert opf.find(".//opf:item[@properties='cover-image']", NS).get("href") == "cover.png"
    own = _member(books["seed-own-cover"], "content.opf")
    assert own.find(".//opf:item[@properties='cover-image']", NS).get("href") == "cover.png"
    assert _member(books["seed-no-cover"], "content.opf").find(".//opf:item[@properties='cover-image']", NS) is None


def test_figures_and_translation_boundary(books: dict[str, Path]) -> None:
    """Figures show a missing credit as missing, never '(Source:'; the boundary names its source."""
    [chapter] = _chapters(books["special-dispatch-10523"])
    text = "".join(chapter.itertext())
    assert "(Source:" not in text
    assert len(chapter.findall(".//x:figure/x:figcaption/x:span[@class='credit missing']", NS)) == 2
    assert chapter.find(".//x:hr[@class='translation-break']", NS) is not None
    assert "Translation from the source in note 3, dated March 7, 2023" in text


def _bad_covers(folder: Path) -> list[tuple[Path, str]]:
    from PIL import Image

    png = folder / "cover.png"
    Image.new("RGB", (60, 90), (10, 120, 60)).save(png)
    cases = [(folder / "missing.png", "no such file")]
    Image.new("RGB", (60, 90)).save(folder / "cover.bmp")
    cases.append((folder / "cover.bmp", "a BMP image; a cover must be JPEG, PNG, GIF, WebP or SVG"))
    (folder / "text.jpg").write_text("not a picture at all", encoding="utf-8")
    cases.append((folder / "text.jpg", "not an image a cover can be"))
    (folder / "cut.png").write_bytes(png.read_bytes()[:60])
    cases.append((folder / "cut.png", "not an image a cover can be"))
    (folder / "page.svg").write_text("<html><body>hi</body></html>", encoding="utf-8")
    cases.append((folder / "page.svg", "XML, but not SVG"))
    (folder / "broken.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'>", encoding="utf-8")
    cases.append((folder / "broken.svg", "malformed SVG"))
    return cases


def test_dates_outside_the_zip_years_and_a_far_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Zip entries can carry the years 1980 to 2107 only: a book of year 9999 or year 1, or built
    with SOURCE_DATE_EPOCH far ahead, has its entries' times brought into that range; the
    dispatch's own date stays in the metadata."""
    seed = _read(SEED)
    for date, epoch, stamp in (
        (datetime.date(9999, 12, 31), None, (2107, 12, 31)),
        (datetime.date(1, 1, 1), None, (1980, 1, 1)),
        (seed.date, str(10**12), (2107, 12, 31)),
    ):
        if epoch:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        for to in ("epub", "docx"):
            data = dl.export(attrs.evolve(seed, date=date), to)
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                assert {info.date_time[:3] for info in archive.infolist()} == {stamp}, (date, to)
        book = zipfile.ZipFile(io.BytesIO(dl.export(attrs.evolve(seed, date=date), "epub")))
        assert f"<dc:date>{date.isoformat()}</dc:date>" in book.read("EPUB/content.opf").decode()
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_language_is_checked_and_put_in_standard_form(books: dict[str, Path]) -> None:
    """en_GB, as people type it, is written en-GB everywhere; a malformed tag is refused."""
    opf = _member(books["year-1"], "content.opf")
    assert opf.find(".//dc:language", NS).text == "en-GB"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="is not a BCP 47 language tag"):
        dl.ExportOptions(language="en x")


def test_a_cover_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    """A cover file is judged by its content: anything but a whole JPEG, PNG, GIF, WebP or SVG
    image is an input error naming the file, from the API and as a usage error (exit 2) from
    the command line, before any book is written."""
    for path, reason in _bad_covers(tmp_path):
        with pytest.raises(dl.InputError, match=re.escape(reason)):
            dl.export(_read(SEED), "epub", dl.ExportOptions(cover_image=str(path)))
        out = tmp_path / "out.epub"
        done = subprocess.run(
            [sys.executable, "-m", "dispatchlib", "convert", str(SEED), "-o", str(out), "--cover", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2 and reason in done.stderr and not out.exists(), done.stderr


def test_the_cover_media_type_is_the_images_own(tmp_path: Path) -> None:
    """A PNG named .jpg goes into the book as the PNG it is."""
    from PIL import Image

    cover = tmp_path / "photo.jpg"
    Image.new("RGB", (60, 90), (200, 10, 10)).save(cover, format="PNG")
    book = tmp_path / "book.epub"
    book.write_bytes(dl.export(_read(SEED), "epub", dl.ExportOptions(cover_image=str(cover))))
    item = _member(book, "content.opf").find(".//opf:item[@properties='cover-image']", NS)
    assert item is not None and (item.get("href"), item.get("media-type")) == ("cover.png", "image/png")


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_pandoc_reads_back_title_paragraphs_and_notes(books: dict[str, Path], path: Path) -> None:
    """pandoc reading the EPUB finds the title, every paragraph and every note."""
    dispatch = _read(path)
    text = plain_typography(pandoc_plain(books[path.stem], "epub"))  # the book's quotes are curly
    assert plain_typography(dispatch.title) in text
    runs = [
        item.text
        for block in dispatch.body
        if isinstance(block, dl.Paragraph)
        for item in block.content
        if isinstance(item, dl.Text)
    ]
    for run in runs:
        assert plain_typography(run) in text
    for note in dispatch.notes:
        assert plain_typography(note.text) in text


@pytest.mark.parametrize("name", ["special-dispatch-10523", "inquiry-analysis-authors", "fifty"])
def test_calibre_reads_metadata(books: dict[str, Path], name: str) -> None:
    """calibre's ebook-meta finds title, authors, tags and series."""
    meta = ebook_meta(books[name])
    if name == "fifty":
        assert meta["Title"] == "Fifty Dispatches"
        return
    dispatch = _read(next(p for p in CORPUS_FILES if p.stem == name))
    assert meta["Title"] == dispatch.title
    assert meta["Tags"] == ", ".join(dispatch.topics)
    assert meta["Series"] == f"{dispatch.series} #{dispatch.number}"
    assert meta["Author(s)"] == (" & ".join(dispatch.authors) if dispatch.authors else "Unknown")


def test_clip_boundary_names_the_channels(books: dict[str, Path]) -> None:
    """A TV clip's translation break names the channels it aired on when no note does."""
    [chapter] = _chapters(books["tv-clip"])
    assert "Translation from Example TV (Qatar), Second Channel (Qatar)" in "".join(chapter.itertext())


def test_typography_in_books_and_not_in_the_data() -> None:
    """Straight quotes, apostrophes (also in '90s and 'n'), '...' and '--' become typographic in
    EPUB and DOCX, across a note reference too; not inside web addresses or right-to-left runs;
    text and JSON keep what the source said."""
    source = "He said: \"It's the '90s... rock 'n' roll -- see https://x.example/it's\""
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="Editor's Note",
        body=(
            dl.Paragraph(
                content=(
                    dl.Text(text=source[:-1]),
                    dl.NoteRef(number=1),
                    dl.Text(text='" And "\u05e9\u05dc\u05d5\u05dd"'),
                    dl.ForeignText(text=" \u05d0'\u05d1 ", language="he"),
                )
            ),
        ),
        notes=(dl.Note(number=1, text="Example Daily, May 1, 2023."),),
    )
    expected = "He said: \u201cIt\u2019s the \u201990s\u2026 rock \u2019n\u2019 roll \u2013 see https://x.example/it's"
    book = zipfile.ZipFile(io.BytesIO(dl.export(dispatch, "epub")))
    chapter = book.read("EPUB/d00001.xhtml").decode()
    assert expected in chapter and "\u201d And \u201c" in chapter and "Editor\u2019s Note" in chapter
    assert "\u05d0'\u05d1" in chapter  # a right-to-left run keeps its straight mark
    word = zipfile.ZipFile(io.BytesIO(dl.export(dispatch, "docx"))).read("word/document.xml").decode()
    assert "He said: \u201cIt\u2019s the \u201990s\u2026 rock \u2019n\u2019 roll \u2013 see " in word
    assert "https://x.example/it's" in word
    assert source[:-1] in dl.to_text(dispatch) and source[:-1] in dl.to_json(dispatch).replace('\\"', '"')


ACE_BOOKS = [p.stem for p in CORPUS_FILES] + ["fifty-by-month", "rtl", "seed-own-cover", "year-1", "svg-cover"]


@pytest.mark.parametrize("name", ACE_BOOKS)
def test_ace_finds_no_critical_serious_or_moderate_problem(books: dict[str, Path], tmp_path: Path, name: str) -> None:
    """Ace by DAISY (axe-core and the EPUB accessibility checks) finds nothing critical, serious or
    moderate in the book: contrast, languages, structure, metadata, image descriptions."""
    findings = ace(books[name], tmp_path)
    assert [f for f in findings if f[0] in ("critical", "serious", "moderate")] == []


def test_ace_checks_a_book_with_photos_and_links(tmp_path: Path) -> None:
    """The same for a book made from a saved page: its photo, linked notes and endnotes."""
    page = dl.read_file(Path(__file__).parent / "pages" / "report-page.html")[0]
    book = tmp_path / "page.epub"
    book.write_bytes(dl.export(page, "epub"))
    assert [f for f in ace(book, tmp_path) if f[0] in ("critical", "serious", "moderate")] == []


def _lettering(png: bytes, box: tuple[int, int, int, int]) -> int:
    """How many pixels of the cover's lettering (palette levels 1-14) lie in ``box``."""
    from PIL import Image

    region = Image.open(io.BytesIO(png)).crop(box)
    return sum(count for level, count in enumerate(region.histogram()) if 1 <= level <= 14)


def test_the_cover_draws_every_script() -> None:
    """Titles that differ in one letter outside ASCII (ğ/ş, a Cyrillic or an Arabic letter) give
    different covers, as they would not if both letters were drawn as the same box; a title in
    Arabic or Hebrew is set right to left against the right margin; a title of wide letters is
    wrapped so that no line runs into the margin."""
    from dispatchlib.formats._cover import HEIGHT, WIDTH, cover_png

    pairs = [("Erdoğan Speaks", "Erdoşan Speaks"), ("Путин Сказал", "Путин Скаэал"), ("مقال عن", "مقال غن")]
    pairs += [("Talks in Հայաստան", "Talks in Հայաստաn"), ("Հայաստան", "Հայաստաթ"), ("საქართველო", "საქართველი")]
    for one, other in pairs:
        assert cover_png(one, "Special Dispatch No. 1", "") != cover_png(other, "Special Dispatch No. 1", ""), one
    title_area = (0, 390, WIDTH, HEIGHT - 260)
    for rtl in ("مقال عن الانتخابات في المنطقة العربية", "כתב העת על הבחירות בישראל"):
        cover = cover_png(rtl, "", "")
        assert _lettering(cover, (WIDTH // 2, 390, WIDTH - 90, 520)) > 0
        assert _lettering(cover, (90, 390, 300, 520)) == 0  # nothing at the left margin
        assert _lettering(cover, title_area) > 0
    wide = cover_png("Переговоры Зашли В Тупик Говорит Министр ШШШШШШШШШШ", "", "")
    assert _lettering(wide, (WIDTH - 88, 390, WIDTH, HEIGHT - 260)) == 0


def test_the_cover_is_a_whole_png_with_every_line_on_it() -> None:
    """The cover's PNG is written by dispatchlib, not Pillow: Pillow must find it whole (every
    chunk's checksum) and decode it to the picture drawn, series at the top, the band, the title,
    the date at the foot; lettering that strays past the edges (a stack of combining accents)
    is cut off, not written outside the image."""
    from PIL import Image

    from dispatchlib.formats._cover import HEIGHT, WIDTH, cover_png

    for title, series in (
        ("Erdoğan Adviser – The West Is Losing", "Special Dispatch No. 10523"),
        ("Ø" + "\u0301" * 400 + " falls", "A" + "\u0302" * 400),
    ):
        png = cover_png(title, series, "March 10, 2023")
        with Image.open(io.BytesIO(png)) as image:
            image.verify()
        with Image.open(io.BytesIO(png)) as image:
            assert (image.size, image.mode) == ((WIDTH, HEIGHT), "P")
            if title.startswith("Erdoğan"):  # the other's accents climb over the band and run down
                assert image.crop((0, 262, WIDTH, 299)).getcolors() == [(WIDTH * 37, 15)]
                assert _lettering(png, (0, 900, WIDTH, HEIGHT - 260)) == 0
            palette = image.getpalette() or []
            assert tuple(palette[45:48]) == (196, 58, 49)  # the accent colour
        assert _lettering(png, (90, 100, WIDTH, 250)) > 0
        assert _lettering(png, (90, 390, WIDTH, 600)) > 0
        assert _lettering(png, (90, HEIGHT - 220, WIDTH, HEIGHT - 100)) > 0


def test_the_cover_says_nothing_it_cannot_draw(tmp_path: Path) -> None:
    """An Armenian word in a title is drawn (it was left blank); a title with letters the cover
    font lacks (Chinese) is left off the cover, which keeps its series and date, and the cover's
    description says only what it shows."""
    from dispatchlib.formats._cover import HEIGHT, WIDTH, cover_png, drawable

    title_area = (0, 390, WIDTH, HEIGHT - 260)
    assert drawable("Talks in Հայաստան") and not drawable("Talks in 北京")
    assert _lettering(cover_png("Հայաստան", "", ""), title_area) > 0
    blank = cover_png("Talks in 北京", "Special Dispatch No. 1", "March 1, 2024")
    assert _lettering(blank, title_area) == 0
    assert blank == cover_png("", "Special Dispatch No. 1", "March 1, 2024")
    dispatch = dl.Dispatch(series="Special Dispatch", number=1, title="Talks in 北京")
    cover = etree.fromstring(zipfile.ZipFile(io.BytesIO(dl.export(dispatch, "epub"))).read("EPUB/cover.xhtml"))
    assert cover.find(".//x:img", NS).get("alt") == "Cover: Special Dispatch No. 1"
