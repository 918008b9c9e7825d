"""The ``html`` format: one self-contained page, judged by the Nu HTML Checker, headless
Chromium (a click on a note reference, a popover, axe-core) and pandoc reading it back."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, SEED
from judges import browser, need_pandoc, nu_check, plain_typography

import dispatchlib as dl
from dispatchlib.testing import check_exporter

PAGES = Path(__file__).parent / "pages"


def _read(path: Path) -> dl.Document:
    return dl.read_file(path)[0]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed dispatch, a saved page with its photo, a right-to-left run, and a collection."""
    folder = tmp_path_factory.mktemp("html")
    week = dl.collect([_read(SEED), _read(CORPUS / "variants" / "tv-clip.txt")], title="Week 11")[0]
    rtl = dl.Dispatch(
        series="Special Dispatch",
        number=5,
        title="A Quote",
        body=(dl.Paragraph(content=(dl.Text(text="He wrote: מלחמה ושלום, and left."),)),),
    )
    documents = {"seed": _read(SEED), "page": _read(PAGES / "report-page.html"), "rtl": rtl, "week": week}
    out = {}
    for name, document in documents.items():
        out[name] = folder / f"{name}.html"
        out[name].write_bytes(dl.export(document, "html", dl.ExportOptions(title="Week 11" if name == "week" else "")))
    return out


def test_the_nu_checker_finds_no_error(pages: dict[str, Path]) -> None:
    assert nu_check(list(pages.values())) == []


def test_a_note_reference_moves_to_its_note_and_a_popover_opens(pages: dict[str, Path], tmp_path: Path) -> None:
    """In Chromium: the page is drawn (not blank), clicking the first reference brings its note
    into view, its button opens the note beside it (just under or over the button, across
    from it), and axe-core finds nothing serious."""
    from PIL import Image

    for name in ("seed", "page", "week"):
        shot = tmp_path / f"{name}.png"
        result = browser(pages[name], shot)
        with Image.open(shot) as image:
            assert len(image.convert("L").getcolors(maxcolors=256 * 256) or []) > 20, name  # text, not a blank page
        click = result["click"]
        assert isinstance(click, dict)
        assert click["hash"] == click["target"] and click["after"] > click["before"] and click["noteInView"], name
        popover = result["popover"]
        assert isinstance(popover, dict) and popover["id"] and popover["text"], name
        note, button = popover["box"], popover["button"]  # beside its reference, not mid-window
        assert 0 <= note["top"] - button["bottom"] < 20 or 0 <= button["top"] - note["bottom"] < 20, (name, popover)
        assert note["left"] <= button["right"] and note["right"] >= button["left"], (name, popover)
        assert [v for v in result["axe"] if v["impact"] in ("serious", "critical")] == [], name  # type: ignore[attr-defined]


def test_one_file_holds_everything(pages: dict[str, Path]) -> None:
    """No outside resource or script (the one script, which places note popovers, is in the
    page); the photo is in the page; light, dark and print styles; references and notes link
    both ways with their ARIA roles."""
    page = pages["page"].read_text(encoding="utf-8")
    assert page.count("<script") == 1 and "<script>" in page and "<link" not in page
    assert not re.search(r'\ssrc="(?!data:)', page)
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="', page)
    assert "prefers-color-scheme: dark" in page and "@media print" in page
    seed = pages["seed"].read_text(encoding="utf-8")
    assert 'role="doc-noteref"' in seed and 'role="doc-endnotes"' in seed and 'role="doc-backlink"' in seed
    assert 'role="doc-footnote"' in seed and "popovertarget=" in seed and "epub:type" not in seed
    for ref_id, note_id in re.findall(r'role="doc-noteref" id="([^"]+)" href="#([^"]+)"', seed):
        assert f'id="{note_id}"' in seed and f'href="#{ref_id}"' in seed
    assert '<span dir="rtl" lang="he">מלחמה ושלום</span>' in pages["rtl"].read_text(encoding="utf-8")


def test_a_collection_is_one_page_with_contents(pages: dict[str, Path]) -> None:
    week = pages["week"].read_text(encoding="utf-8")
    assert week.count("<h1>") == 1 and "<h1>Week 11</h1>" in week
    links = re.findall(r'<li><a href="#(d\d+-title)">', week)
    assert links == ["d1-title", "d2-title"] and all(f'id="{target}"' in week for target in links)
    assert week.count("<article ") == 2


def test_pandoc_reads_back_every_paragraph_and_note(pages: dict[str, Path]) -> None:
    """pandoc reading the page finds the title, every paragraph and every note."""
    done = subprocess.run(
        [need_pandoc(), "-f", "html", "-t", "plain", "--wrap=none", str(pages["seed"])],
        capture_output=True,
        text=True,
        check=True,
    )
    text = plain_typography(done.stdout)
    seed = _read(SEED)
    assert isinstance(seed, dl.Dispatch)
    assert plain_typography(seed.title) in text
    for block in seed.body:
        if isinstance(block, dl.Paragraph):
            for item in block.content:
                if isinstance(item, dl.Text):
                    assert plain_typography(item.text) in text
    for note in seed.notes:
        assert plain_typography(note.text) in text


def test_the_html_exporter_meets_the_basics() -> None:
    check_exporter("html", examples=20)


def test_a_page_has_a_limit_for_its_images(monkeypatch: pytest.MonkeyPatch) -> None:
    """The photos are in the page itself, so a page holds less than a book: past the limit
    (lowered here to the size of the one photo) the export fails and says so."""
    import dispatchlib.images

    page = _read(PAGES / "report-page.html")
    monkeypatch.setattr(dispatchlib.images, "MAX_PAGE_IMAGES_SIZE", 100)
    with pytest.raises(dl.ExportError, match="MB one web page may hold; convert fewer dispatches at a time"):
        dl.export(page, "html")


def test_with_out_dir_the_pictures_go_beside_the_page(tmp_path: Path) -> None:
    """With --out-dir a page keeps its photos in NAME_files/ beside it, as a browser saves a
    page, instead of inside it; the page still passes the checker."""
    out = tmp_path / "out"
    source = str(PAGES / "report-page.html")
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", source, "--to", "html", "--out-dir", str(out), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    page = out / "report-page.html"
    html = page.read_text(encoding="utf-8")
    assert 'src="report-page_files/d1-f1.png"' in html and "data:image" not in html
    assert (out / "report-page_files" / "d1-f1.png").read_bytes() == (
        PAGES / "report-page_files" / "harbor.png"
    ).read_bytes()
    assert nu_check([page]) == []


def test_a_file_beside_the_page_stays_in_its_folder(tmp_path: Path) -> None:
    """The batch writer refuses a path an exporter gives outside the page's own folder."""
    from dispatchlib.batch import _Writer

    writer = _Writer(tmp_path, frozenset())
    for bad in ("../escape.png", "/etc/x.png", "other_files/x.png", ""):
        with pytest.raises(dl.OutputError, match="outside its folder"):
            writer._write_beside("page.html", bad, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_an_alt_text_saying_what_the_caption_says_shows_once() -> None:
    """A page may give a picture the same words as alt text and caption: the page without the
    picture shows them once; an alt text that says more is shown under the caption."""
    same = "Orla Tamsin at the pier"
    figures = (
        dl.Figure(caption=same, alt_text=same, credit="example.test"),
        dl.Figure(caption=same, alt_text="Orla Tamsin waving from the pier at dawn"),
    )
    page = dl.export(dl.Dispatch(title="A Title", body=figures), "html").decode("utf-8")
    text = re.sub(r"<[^>]+>", " ", page)
    assert text.count(same) == 2
    assert text.count("Described as:") == 1 and "waving from the pier" in text
