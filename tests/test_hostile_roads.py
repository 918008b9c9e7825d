"""The roads into dispatchlib that reach other files: a saved page's images, an e-mail's parts, a
JSON input's figures. Each promise of docs/hostile-input.md, tried with its example and its
siblings: nothing outside the page's folder is read, no read blocks, no file an input reads is
written over, every image passes the same checks, nothing is dropped silently, a declared
charset wins, and a worker that dies fails its own input only."""

from __future__ import annotations

import base64
import io
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import SEED

import dispatchlib as dl

PAGES = Path(__file__).parent / "pages"
PAGE = (PAGES / "report-page.html").read_text(encoding="utf-8")
PHOTO = (PAGES / "report-page_files" / "harbor.png").read_bytes()
SRC = "report-page_files/harbor.png"


def run(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``dispatchlib ARGS`` in a process of its own, its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "dispatchlib", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=cwd,
        env=env,
        input=stdin.decode("utf-8") if stdin is not None else None,
    )


def _site(folder: Path, src: str, name: str = "page.html") -> Path:
    """A saved page in ``folder/site`` whose photo is at ``src``, with a secret beside the site."""
    (folder / "site" / "page_files").mkdir(parents=True, exist_ok=True)
    (folder / "secret.png").write_bytes(PHOTO)
    (folder / "site" / "page_files" / "harbor.png").write_bytes(PHOTO)
    page = folder / "site" / name
    page.write_text(PAGE.replace(SRC, src.replace("{top}", str(folder))), encoding="utf-8")
    return page


def _figure(document: dl.Document) -> dl.Figure:
    [figure] = [block for block in document.body if isinstance(block, dl.Figure)]  # type: ignore[union-attr]
    return figure


# --- 1. nothing outside the input's folder is read ------------------------------------------


@pytest.mark.parametrize(
    ("src", "reason"),
    [
        ("file://{top}/site/../secret.png", "outside the saved page's folder"),
        ("FILE://{top}/secret.png", "outside the saved page's folder"),
        ("File:{top}/secret.png", "outside the saved page's folder"),
        ("file://localhost{top}/secret.png", "outside the saved page's folder"),
        ("file://elsewhere{top}/secret.png", "not a file beside the saved page"),
        ("page_files/%2e%2e/%2E%2E/secret.png", "outside the saved page's folder"),
        ("page_files/..%2f..%2fsecret.png", "outside the saved page's folder"),
        ("{top}/secret.png", "outside the saved page's folder"),
        ("page_files/link.png", "outside the saved page's folder"),
        ("page_files/%ff.png", "not a file name"),
    ],
)
def test_a_page_reads_no_image_outside_its_folder(tmp_path: Path, src: str, reason: str) -> None:
    """file: addresses in any spelling, percent-encoded dots, absolute paths and a symlink that
    leads out: each resolved to its real path and refused, the figure keeping its caption."""
    page = _site(tmp_path, src)
    (tmp_path / "site" / "page_files" / "link.png").symlink_to(tmp_path / "secret.png")
    document, found = dl.read_file(page)
    assert _figure(document).image is None
    [warning] = [d for d in found if d.code == "image-unusable"]
    assert reason in warning.message, warning.message


@pytest.mark.parametrize(
    "src",
    [
        "page_files/harbor.png",
        "./page_files/./harbor.png",
        "file://localhost{top}/site/page_files/harbor.png",
        "file:{top}/site/page_files/harbor.png",
    ],
)
def test_a_page_reads_its_own_images_however_addressed(tmp_path: Path, src: str) -> None:
    """What is inside the page's folder is read, relative or as a file: address."""
    document, found = dl.read_file(_site(tmp_path, src))
    image = _figure(document).image
    assert image is not None and image.data == PHOTO and not [d for d in found if d.code == "image-unusable"]


def test_a_page_from_stdin_reads_no_local_file(tmp_path: Path) -> None:
    """Read from stdin, a page has no folder: not even an image beside the working folder is read."""
    page = _site(tmp_path, "page_files/harbor.png")
    done = run(
        "convert", "-", "--from", "html", "--to", "json", "--json-images", cwd=page.parent, stdin=page.read_bytes()
    )
    assert done.returncode == 0, done.stderr
    assert "the page is not a file" in done.stderr
    [figure] = [block for block in json.loads(done.stdout)["body"] if block["type"] == "figure"]
    assert figure["image"] is None


# --- 2. no read blocks for ever ----------------------------------------------------------------


def test_a_fifo_among_a_pages_images_blocks_nothing(tmp_path: Path) -> None:
    """An image that is a FIFO is refused without being opened for a blocking read, by convert,
    check and a -j 2 batch alike (a stuck read would hit the subprocess time-out)."""
    page = _site(tmp_path, "page_files/pipe.png")
    os.mkfifo(tmp_path / "site" / "page_files" / "pipe.png")
    checked = run("check", str(page))
    assert "a FIFO (named pipe), not a file; not read" in checked.stdout + checked.stderr
    converted = run("convert", str(page), "--to", "txt", "-q")
    assert converted.returncode == 0, converted.stderr
    second = _site(tmp_path, "page_files/pipe.png", name="other.html")
    batch = run("convert", str(page), str(second), "--to", "txt", "--out-dir", str(tmp_path / "out"), "-j", "2", "-q")
    assert batch.returncode == 0 and len(list((tmp_path / "out").iterdir())) == 2, batch.stderr


@pytest.mark.parametrize("option", ["--cover", "--css"])
def test_an_options_file_that_is_a_fifo_is_refused(tmp_path: Path, option: str) -> None:
    """A cover image or style sheet that is a FIFO: refused at once, one line, nothing written."""
    os.mkfifo(tmp_path / "pipe")
    out = tmp_path / "book.epub"
    done = run("convert", str(SEED), "-o", str(out), option, str(tmp_path / "pipe"))
    assert done.returncode == 2 and "a FIFO (named pipe), not a file" in done.stderr and not out.exists(), done.stderr


# --- 3. no input is replaced or removed, nor a file an input reads ------------------------------


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_a_page_converted_into_its_own_folder_keeps_its_images(tmp_path: Path, suffix: str) -> None:
    """convert NAME.html --to html --out-dir . (and .htm, whose output is another file): the
    page's images, named as the output's photos would be, are neither removed nor replaced."""
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "d1-f1.png").write_bytes(PHOTO)
    page = tmp_path / f"page{suffix}"
    page.write_text(PAGE.replace(SRC, "page_files/d1-f1.png"), encoding="utf-8")
    before = {path.name: path.stat().st_ino for path in (tmp_path / "page_files").iterdir()}
    original = page.read_bytes()
    done = run("convert", str(page), "--to", "html", "--out-dir", str(tmp_path))
    assert done.returncode == 10 and "is an input file; it is never overwritten" in done.stderr, done.stderr
    after = {path.name: path.stat().st_ino for path in (tmp_path / "page_files").iterdir()}
    assert after == before and (tmp_path / "page_files" / "d1-f1.png").read_bytes() == PHOTO
    assert page.read_bytes() == original


def test_an_output_photo_never_lands_on_an_image_another_input_reads(tmp_path: Path) -> None:
    """A batch of two pages where the first's photos would land in the second's NAME_files: refused."""
    (tmp_path / "b_files").mkdir()
    (tmp_path / "b_files" / "d1-f1.png").write_bytes(PHOTO)
    (tmp_path / "b.htm").write_text(PAGE.replace(SRC, "b_files/d1-f1.png"), encoding="utf-8")
    done = run("convert", str(tmp_path / "b.htm"), "--to", "html", "--out-dir", str(tmp_path), "--name", "b")
    assert done.returncode == 10 and (tmp_path / "b_files" / "d1-f1.png").read_bytes() == PHOTO, done.stderr


# --- 5. images are judged the same way on every road ---------------------------------------------


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def _json_with_image(data: bytes, media_type: str = "image/png") -> bytes:
    document, _ = dl.read_file(PAGES / "report-page.html")
    tree = json.loads(dl.export(document, "json", dl.ExportOptions(json_images=True)))
    for block in tree["body"]:
        if block["type"] == "figure":
            block["image"] = {"media_type": media_type, "data": base64.b64encode(data).decode(), "src": "x.png"}
    return json.dumps(tree).encode()


def _bmp() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, format="BMP")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_png_header(80_000, 80_000), "a decompression bomb"),
        (b"plain words, not a picture", "not an image in a format that can be shown"),
        (PHOTO[: len(PHOTO) // 2], "not an image that can be shown"),
        (b"\0" * (11 * 2**20), "over the 10 MB an image may be"),
    ],
    ids=["80000x80000", "text", "cut-off", "too-large"],
)
def test_a_json_inputs_images_pass_the_page_checks(tmp_path: Path, data: bytes, reason: str) -> None:
    """A JSON figure holding a bomb, text, a cut-off PNG or 11 MB: image-unusable, the caption kept,
    and every exporter writes the document (no exporter ever sees the image)."""
    source = tmp_path / "in.json"
    source.write_bytes(_json_with_image(data))
    document, found = dl.read_file(source, max_size=40 * 2**20)
    figure = _figure(document)
    assert figure.image is None and figure.caption == "The harbor of Lindholm"
    [warning] = [d for d in found if d.code == "image-unusable"]
    assert reason in warning.message
    for to in ("epub", "docx", "html", "txt"):
        assert dl.export(document, to)


def test_a_json_image_of_another_format_is_converted_and_its_type_corrected() -> None:
    """A BMP stored as image/png comes out a real PNG, as from a page."""
    document, found = dl.read_bytes(_json_with_image(_bmp()), source="in.json")
    image = _figure(document).image
    assert image is not None and image.media_type == "image/png" and image.data is not None
    assert image.data.startswith(b"\x89PNG") and not found


# --- 6. nothing is dropped silently ------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("<div>" * 300 + "deep" + "</div>" * 300, "nested more than 255 deep"),
        ("<p>" + "word " * (2 * 2**20 + 1) + "</p>", "a text or an attribute of 10 MB or more"),
        ("<p title='" + "a" * (15 * 2**20) + "'>x</p>", "a text or an attribute of 10 MB or more"),
    ],
    ids=["nesting", "text-node", "attribute"],
)
def test_a_page_the_parser_stops_reading_says_so(bad: str, reason: str) -> None:
    """Deep nesting, a 10 MB text node, a 15 MB attribute: a content-lost error naming why and
    where; strict reading refuses the page."""
    at = PAGE.index("<p>", PAGE.index("<article"))
    data = (PAGE[:at] + bad + PAGE[at:]).encode()
    _, found = dl.read_bytes(data, source="p.html", max_size=40 * 2**20)
    [lost] = [d for d in found if d.code == "content-lost"]
    assert reason in lost.message and lost.severity is dl.Severity.ERROR and lost.line is not None
    with pytest.raises(dl.ParseError, match="content-lost"):
        dl.read_bytes(data, source="p.html", max_size=40 * 2**20, strict=True)


# --- 7. a declared charset wins; MIME is parsed from bytes -------------------------------------

ALERT = (PAGES / "alert-text.eml").read_bytes()


def _alert(charset: str | None, words: str, encoding: str) -> bytes:
    import quopri

    head, _, body = ALERT.partition(b"\n\n")
    text = quopri.decodestring(body).decode("utf-8").replace("Rewrite", f"Rewrite {words}", 1)
    declared = f'charset="{charset}"'.encode() if charset else b"format=flowed"
    head = head.replace(b'charset="utf-8"', declared).replace(b"quoted-printable", b"8bit")
    return head + b"\n\n" + text.encode(encoding)


@pytest.mark.parametrize(
    ("charset", "words"),
    [("windows-1252", "café naïve"), ("koi8-r", "Россия пишет"), ("iso-8859-7", "Ελλάδα"), ("cp1256", "مقال")],
)
def test_an_email_part_is_decoded_once_by_its_declared_charset(charset: str, words: str) -> None:
    """windows-1252, koi8-r, Greek and Arabic single-byte e-mails read as written, no guess."""
    document, found = dl.read_bytes(_alert(charset, words, charset), source="a.eml")
    assert f"Rewrite {words}" in document.title
    assert not [d for d in found if d.code.startswith("encoding")]


def test_an_email_part_that_declares_nothing_is_recognised_and_says_so() -> None:
    document, found = dl.read_bytes(_alert(None, "Российская пресса пишет", "cp1251"), source="a.eml")
    assert "Российская пресса пишет" in document.title
    assert [d.code for d in found if d.code.startswith("encoding")] == ["encoding-guessed"]


def test_a_mailbox_message_with_8bit_headers_reads() -> None:
    """A mailbox message whose headers hold raw UTF-8 is read as written, never re-encoded."""
    message = _alert("utf-8", "café", "utf-8").replace(b"Subject: ", "Subject: café ".encode(), 1)
    box = b"From alerts@example.org Thu Nov  5 09:00:00 2026\n" + message
    document, _ = dl.read_bytes(box, source="a.mbox")
    assert "Rewrite café" in document.title


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="windows-1251">', "cp1251"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8-r"),
    ],
)
def test_a_pages_declared_charset_wins_over_a_guess(meta: str, encoding: str) -> None:
    page = PAGE.replace("<head>", f"<head>{meta}", 1).replace("The harbor of Lindholm", "Гавань Линдхольма")
    document, found = dl.read_bytes(page.encode(encoding), source="p.html")
    assert _figure(document).caption == "Гавань Линдхольма"
    assert not [d for d in found if d.code.startswith("encoding")]
