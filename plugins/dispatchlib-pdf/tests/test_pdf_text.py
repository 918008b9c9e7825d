"""What a reader gets from the PDF, judged by poppler and qpdf: the model's text word for word
(spaces and markup characters included), bold and italic faces, links, every script drawn and
tagged with its language, and a warning for what cannot be drawn."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pytest
from dispatchlib_pdf import PDFWarning
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_pdf import _PLAIN, _page_texts, _run, _tool

import dispatchlib as dl
from dispatchlib.testing import CORPUS
from dispatchlib.testing.strategies import HOSTILE

_CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _pdf(tmp_path: Path, document: dl.Document, options: dl.ExportOptions | None = None) -> Path:
    path = tmp_path / "out.pdf"
    path.write_bytes(dl.export(document, "pdf", options))
    return path


def _paragraph(*content: dl.Inline) -> dl.Paragraph:
    return dl.Paragraph(content=content)


def test_the_text_is_the_models_word_for_word_spaces_included(tmp_path: Path) -> None:
    """pdftotext gives the model's text: a space stays beside a note mark and a foreign word, and
    the note marks are the notes' numbers."""
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=77,
        title="The Harbor Ledger",
        body=(
            _paragraph(
                dl.Text(text="Prices rose since the summer."),
                dl.NoteRef(number=1),
                dl.Text(text=" She called it the harbor's "),
                dl.ForeignText(text="Zeitenwende", language="de"),
                dl.Text(text=", then left."),
            ),
            dl.Heading(text="Introduction"),
            dl.SpeakerTurn(speaker="Moderator", content=(dl.Text(text="Welcome back."),)),
            dl.StageDirection(text="Audience applauds"),
        ),
        notes=(dl.Note(number=1, text="Morgenpost, March 7, 2023."),),
    )
    text = " ".join(_page_texts(_pdf(tmp_path, dispatch)))
    assert text == (
        "Special Dispatch No. 77 The Harbor Ledger Prices rose since the summer.1 She called it the harbor's "
        "Zeitenwende, then left. Introduction Moderator: Welcome back. (Audience applauds) "
        "1Morgenpost, March 7, 2023. 1"  # the footnote, then the page number
    )


# every character Typst's markup knows, beside words, spaces and the hostile strings of the
# conformance strategies that the bundled fonts draw
_MARKUP_TEXT = st.lists(
    st.sampled_from([*"\\#*_`$<>@[]~=/+{}-.:'\"", "- ", "-?", "1. ", "+ ", "/ ", "// ", "http://x.example/a", "<l>"])
    | st.sampled_from(["harbor", "ledger", " ", "  ", "Ελλάδα", "Москва", "2023", *HOSTILE[1:4], *HOSTILE[10:15]]),
    min_size=1,
    max_size=5,  # one line: nothing is hyphenated
).map("".join)


def _readable(text: str) -> str:
    """What a reader sees of ``text``: white space runs as one space, dashes and ellipses made
    typographic as the e-book makes them."""
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026")
    return " ".join(text.split())


_GUILLEMETS = str.maketrans({"«": '"', "»": '"'})


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(_MARKUP_TEXT)
def test_markup_characters_are_text(text: str) -> None:
    """A paragraph starting "- " is no bullet, "-?" no soft hyphen, "1. " no numbered list, an
    address no link: the text comes out as it went in."""
    if not _readable(text):
        return
    with tempfile.TemporaryDirectory() as folder:
        dispatch = dl.Dispatch(title="Markup", body=(_paragraph(dl.Text(text=text)), _paragraph(dl.Text(text="End."))))
        pdf = _pdf(Path(folder), dispatch)
        # -raw: in its default mode pdftotext joins a line ending in "-" to the next, as if hyphenated
        page = " ".join(_run(_tool("pdftotext"), "-raw", str(pdf), "-").translate(_PLAIN).split())
        links = _links(pdf)
    # a quote mark next to Greek or Russian words is set as those languages set quotes: « »
    page = page.translate(_GUILLEMETS)
    assert page == f"Markup {_readable(text)} End. 1"
    assert links == []


def test_headings_speakers_and_the_translation_line_use_bold_and_italic_faces(tmp_path: Path) -> None:
    seed = dl.read_file(CORPUS / "special-dispatch-10523.txt")[0]
    fonts = _run(_tool("pdffonts"), str(_pdf(tmp_path, seed)))
    for face in ("LibertinusSerif-Regular", "LibertinusSerif-Bold", "LibertinusSerif-Italic"):
        assert face in fonts


def _links(pdf: Path) -> list[str]:
    """The web addresses of the PDF's link annotations."""
    objects = json.loads(_run(_tool("qpdf"), "--json", "--json-key=qpdf", str(pdf)))["qpdf"][1].values()
    values = [entry.get("value", {}) for entry in objects]
    return [
        value["/A"]["/URI"].removeprefix("u:")
        for value in values
        if isinstance(value, dict) and value.get("/Subtype") == "/Link" and "/URI" in value.get("/A", {})
    ]


def test_note_outlets_and_the_source_address_are_links(tmp_path: Path) -> None:
    dispatch = dl.Dispatch(
        title="Linked",
        body=(_paragraph(dl.Text(text="As reported."), dl.NoteRef(number=1)),),
        notes=(
            dl.Note(
                number=1, text="Kommersant, March 7, 2023.", outlet="Kommersant", url="https://kommersant.example/a/1"
            ),
            dl.Note(number=2, text="Uncited Post, March 8.", outlet="Uncited Post", url="https://post.example/b"),
        ),
        source_url="https://institute.example/reports/77",
    )
    pdf = _pdf(tmp_path, dispatch)
    assert sorted(_links(pdf)) == [
        "https://institute.example/reports/77",
        "https://kommersant.example/a/1",
        "https://post.example/b",
    ]
    text = " ".join(_page_texts(pdf))
    assert "1Kommersant, March 7, 2023." in text and "2. Uncited Post, March 8." in text


def test_emphasis_strong_and_links_are_drawn_and_kept_as_text(tmp_path: Path) -> None:
    """A saved page's italic, bold and links reach the PDF: italic and bold faces in use, each
    link (in the text and on a picture's credit) an annotation, and the words read back whole."""
    dispatch = dl.Dispatch(
        title="Spans",
        body=(
            _paragraph(
                dl.Text(text="She called it the "),
                dl.Emphasis(content=(dl.ForeignText(text="Zeitenwende", language="de"),)),
                dl.Text(text=", a "),
                dl.Strong(content=(dl.Text(text="turning "), dl.Emphasis(content=(dl.Text(text="point"),)))),
                dl.Text(text=" as "),
                dl.Link(content=(dl.Text(text="the harbour office"),), url="https://harbour.example/notice"),
                dl.Text(text=" put it."),
            ),
            dl.Figure(caption="A quay at dusk", credit="Quay Archive", credit_url="https://quay.example/photo"),
        ),
    )
    pdf = _pdf(tmp_path, dispatch)
    fonts = _run(_tool("pdffonts"), str(pdf))
    assert "LibertinusSerif-Italic" in fonts and "LibertinusSerif-BoldItalic" in fonts
    assert sorted(_links(pdf)) == ["https://harbour.example/notice", "https://quay.example/photo"]
    text = " ".join(" ".join(_page_texts(pdf)).split())
    assert "She called it the Zeitenwende, a turning point as the harbour office put it." in text
    assert "Quay Archive" in text


def _qdf(pdf: Path) -> str:
    """The PDF uncompressed, as text: its structure tree's language attributes can be read."""
    out = pdf.with_suffix(".qdf")
    subprocess.run([_tool("qpdf"), "--qdf", "--object-streams=disable", str(pdf), str(out)], check=True)
    return out.read_bytes().decode("latin-1")


def test_every_script_is_drawn_tagged_and_extracted_pdf_ua_kept(tmp_path: Path) -> None:
    """Armenian and Georgian in their own serif faces, each run tagged with its language, the
    words extracted whole, and Typst still certifies PDF/UA-1."""
    words = {"hy": "Երևան", "ka": "თბილისი", "el": "Ελλάδα", "he": "ירושלים", "ar": "مقال", "fa": "گزارش"}
    dispatch = dl.Dispatch(
        title="Scripts",
        body=tuple(_paragraph(dl.Text(text=f"The word {word} in {tag}.")) for tag, word in words.items()),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", PDFWarning)
        pdf = _pdf(tmp_path, dispatch)
    text = " ".join(_page_texts(pdf))
    for word in words.values():
        assert word in text
    fonts = _run(_tool("pdffonts"), str(pdf))
    assert "NotoSerifArmenian-Regular" in fonts and "NotoSerifGeorgian-Regular" in fonts
    structure = _qdf(pdf)
    for tag in words:
        assert f"/Lang ({tag})" in structure or f"/Lang({tag})" in structure, tag
    assert "<pdfuaid:part>1</pdfuaid:part>" in _run(_tool("pdfinfo"), "-meta", str(pdf))


_CHINESE = dl.Dispatch(title="Han", body=(_paragraph(dl.Text(text="The paper 人民日报 wrote.")),))


def test_a_chinese_run_without_a_font_is_a_warning_naming_it_and_what_to_install(tmp_path: Path) -> None:
    with pytest.warns(PDFWarning) as caught:
        pdf = _pdf(tmp_path, _CHINESE)
    message = str(caught[0].message)
    assert "Chinese (人 民 日 报)" in message and "fonts-noto-cjk" in message and "-O font-path=" in message
    assert "PDF/UA-1" in message
    assert "pdfuaid" not in _run(_tool("pdfinfo"), "-meta", str(pdf))  # not claimed, as the warning says


def test_a_chinese_run_is_drawn_with_the_font_given(tmp_path: Path) -> None:
    if not _CJK_FONT.exists():
        pytest.skip("no CJK font to give: apt-get install -y fonts-wqy-microhei")
    with warnings.catch_warnings():
        warnings.simplefilter("error", PDFWarning)
        pdf = _pdf(tmp_path, _CHINESE, dl.ExportOptions(extra={"font-path": str(_CJK_FONT.parent)}))
    assert "WenQuanYi" in _run(_tool("pdffonts"), str(pdf))
    assert "人民日报" in " ".join(_page_texts(pdf))
    assert "/Lang (zh)" in _qdf(pdf) or "/Lang(zh)" in _qdf(pdf)


def test_a_missing_font_path_is_one_clear_error() -> None:
    with pytest.raises(dl.ExportError, match="-O font-path: no folder or font file at /nowhere/fonts"):
        dl.export(_CHINESE, "pdf", dl.ExportOptions(extra={"font-path": "/nowhere/fonts"}))


def _photo_dispatch() -> dl.Dispatch:
    page = Path(__file__).resolve().parents[3] / "tests" / "pages" / "report-page.html"
    if not page.exists():
        pytest.skip("the saved-page fixture is in the repository's tests/pages/")
    dispatch = dl.read_file(page)[0]
    assert isinstance(dispatch, dl.Dispatch)
    return dispatch


def test_no_temporary_folder_is_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dl.export(
        _CHINESE.__class__(
            title="Words only",
            body=(
                _paragraph(
                    dl.Text(text="Words."),
                ),
            ),
        ),
        "pdf",
    )
    dl.export(_photo_dispatch(), "pdf")
    with pytest.warns(PDFWarning):
        dl.export(_CHINESE, "pdf")  # compiled twice
    with pytest.raises(dl.ExportError, match=r"^-O pdf-archive: no font the PDF may use has Chinese"):
        dl.export(_CHINESE, "pdf", dl.ExportOptions(extra={"pdf-archive": True}))  # PDF/A-2b wants it drawn
    assert list(tmp_path.iterdir()) == []


def test_a_killed_exports_folder_is_removed_by_the_next(tmp_path: Path) -> None:
    """kill -9 leaves the pictures' folder behind; the next PDF export with pictures removes it,
    and leaves the folders of live exports alone."""
    script = (
        "import sys, tempfile, dispatchlib as dl\n"
        f"tempfile.tempdir = {str(tmp_path)!r}\n"
        f"d = dl.read_file({str(Path(__file__).resolve().parents[3] / 'tests' / 'pages' / 'report-page.html')!r})[0]\n"
        "book = dl.Collection(title='Many', dispatches=(d,) * 200)\n"
        "print('ready', flush=True)\n"
        "dl.export(book, 'pdf')\n"
    )
    _photo_dispatch()  # skips without the fixture
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("dispatchlib-pdf-*")) and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
    left = list(tmp_path.glob("dispatchlib-pdf-*"))
    assert left, "the folder was not made before the kill"
    alive = tmp_path / f"dispatchlib-pdf-{os.getpid()}-live"  # this process: alive
    alive.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(tmp_path))
        dl.export(_photo_dispatch(), "pdf")
    assert list(tmp_path.glob("dispatchlib-pdf-*")) == [alive]


@pytest.mark.parametrize("batch", [False, True], ids=["one output", "--out-dir"])
def test_the_command_line_gives_the_warning_as_one_line(tmp_path: Path, batch: bool) -> None:
    source = tmp_path / "han.txt"
    source.write_text("March 14, 2023 Special Dispatch No. 5\n\nThe Paper\n\nThe paper 人民日报 wrote.\n", "utf-8")
    target = ["--out-dir", str(tmp_path / "out")] if batch else ["-o", str(tmp_path / "han.pdf")]
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", str(source), "--to", "pdf", *target, "-v"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if "export-warning" in line]
    assert len(lines) == 1 and "Chinese (人 民 日 报)" in lines[0] and lines[0].strip().startswith(str(source))
    assert "Traceback" not in done.stderr and "PDFWarning" not in done.stderr
