"""Bad input, the command line's answer to each: one line naming the file (and line), an exit code,
no traceback, and no output file left behind or overwritten."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEED

import dispatchlib as dl
from dispatchlib.cli import main

SEED_BYTES = SEED.read_bytes()
RUSSIAN = (
    "May 5, 2021 Special Dispatch No. 9300\n\nРоссийская Пресса О Переговорах\n\nMay 5, 2021\nRussia | Special "
    "Dispatch No. 9300\n\nГазета пишет, что переговоры зашли в тупик и стороны не готовы уступать.[1]\n\n"
    "[1] Известия, May 4, 2021.\n"
)
ARABIC = (
    "May 6, 2021 Special Dispatch No. 9301\n\nمقال عن الانتخابات في المنطقة\n\nMay 6, 2021\nEgypt | Special "
    "Dispatch No. 9301\n\nكتب المحلل أن الانتخابات القادمة ستغير المشهد السياسي في البلاد بشكل كبير.[1]\n\n"
    "[1] الأهرام, May 5, 2021.\n"
)
WESTERN = SEED_BYTES.decode("utf-8").replace("–", "—").replace("'", "’")
SEED_JSON = json.loads(dl.to_json(dl.read_bytes(SEED_BYTES, source="seed.txt")[0]))


def _json(**changes: object) -> bytes:
    """The seed's JSON with some values changed (a dotted key reaches into the first note)."""
    data = json.loads(json.dumps(SEED_JSON))
    for key, value in changes.items():
        if key.startswith("note_"):
            data["notes"][0][key.removeprefix("note_")] = value
        else:
            data[key] = value
    return json.dumps(data).encode()


def _deep(levels: int) -> bytes:
    return _json(title="@").replace(b'"@"', b"[" * levels + b"]" * levels)


Case = tuple[str, Callable[[Path], Path], list[str], int, str]


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _folder(folder: Path) -> Path:
    (folder / "a-folder.txt").mkdir()
    return folder / "a-folder.txt"


def _big(folder: Path) -> Path:
    path = folder / "big.txt"
    with path.open("wb") as stream:
        stream.write(SEED_BYTES)
        stream.truncate(50 * 2**20)
    return path


def _mail(charset: str, transfer: str = "8bit", body: bytes = b"Text.\n") -> bytes:
    head = f"From: a@example.org\nSubject: hi\nContent-Type: text/plain; charset={charset}\n"
    return head.encode() + f"Content-Transfer-Encoding: {transfer}\n\n".encode() + body


def _nested_mail(levels: int) -> bytes:
    heads = b"".join(b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i) for i in range(levels))
    tails = b"".join(b"--b%d--\n" % i for i in reversed(range(levels)))
    return b"From: a@example.org\nSubject: hi\n" + heads + b"Content-Type: text/plain\n\n" + SEED_BYTES + tails


CASES: list[Case] = [
    (
        "e-mail in charset idna",
        _file("i.eml", _mail("idna")),
        [],
        3,
        "i.eml: the message's text/plain part: 'idna' is not an encoding of text files",
    ),
    (
        "e-mail in charset undefined",
        _file("u.eml", _mail("undefined")),
        [],
        3,
        "u.eml: the message's text/plain part: 'undefined' is not an encoding of text files",
    ),
    (
        "e-mail in charset base64",
        _file("b.eml", _mail("base64")),
        [],
        3,
        "b.eml: the message's text/plain part: 'base64' is not an encoding of text files",
    ),
    (
        "e-mail nested 1000 deep",
        _file("deep.eml", _nested_mail(1000)),
        [],
        3,
        "deep.eml: its parts are nested more than 64 deep; not read",
    ),
    (
        "e-mail nested 70 deep",
        _file("deep.eml", _nested_mail(70)),
        [],
        3,
        "deep.eml: its parts are nested more than 64 deep; not read",
    ),
    (
        "e-mail in a binary transfer encoding",
        _file("bin.eml", _mail("utf-8", "binary", SEED_BYTES)),
        [],
        0,
        "bin.eml",
    ),
    (
        "e-mail with a transfer encoding no one knows",
        _file("x.eml", _mail("utf-8", "x-martian", SEED_BYTES)),
        [],
        0,
        "x.eml",
    ),
    ("e-mail whose base64 is broken", _file("b64.eml", _mail("utf-8", "base64", b"!!!*\n")), [], 5, "b64.eml"),
    ("empty file", _file("empty.txt", b""), [], 5, "empty.txt:1: the input holds no text"),
    ("whitespace only", _file("blank.txt", b"  \n\t\n \r\n"), [], 5, "blank.txt:1: the input holds no text"),
    (
        "binary",
        _file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        [],
        3,
        "image.txt:3:1: not a text file (it holds NUL bytes)",
    ),
    (
        "truncated UTF-8",
        _file("cut.txt", SEED_BYTES + "…".encode()[:2]),
        [],
        0,
        "cut.txt:1: warning: the file ends in the middle of a UTF-8 character",
    ),
    (
        "cp1251 Russian, recognised",
        _file("ru.txt", RUSSIAN.encode("cp1251")),
        [],
        0,
        "ru.txt:1: warning: not UTF-8; read as cp1251",
    ),
    (
        "cp1256 Arabic, recognised",
        _file("ar.txt", ARABIC.encode("cp1256")),
        [],
        0,
        "ar.txt:1: warning: not UTF-8; read as cp1256",
    ),
    (
        "cp1252, recognised",
        _file("w.txt", WESTERN.encode("cp1252")),
        [],
        0,
        "w.txt:1: warning: not UTF-8; read as cp125",
    ),
    (
        "wrong encoding forced",
        _file("ru.txt", RUSSIAN.encode("cp1251")),
        ["--encoding", "utf-8"],
        3,
        "ru.txt:3:1: not valid utf-8 text; check the --encoding value",
    ),
    (
        "unknown encoding",
        _file("ru.txt", RUSSIAN.encode("cp1251")),
        ["--encoding", "klingon"],
        2,
        "Invalid value for '--encoding': unknown encoding 'klingon'",
    ),
    ("50 MB file", _big, [], 3, "big.txt: 50.0 MB is over the 20 MB limit for one input"),
    ("folder instead of file", _folder, [], 3, "a-folder.txt: is a folder, not a file"),
    ("missing file", lambda folder: folder / "missing.txt", [], 3, "missing.txt: no such file"),
    (
        "JSON that does not fit the schema",
        _file("bad.json", b'{"schema": "dispatchlib/dispatch/1", "body": [{}]}'),
        [],
        4,
        "bad.json: does not match the dispatchlib JSON schema",
    ),
    ("JSON that is not JSON", _file("bad.json", b'{"schema": '), [], 4, "bad.json:1:12: not valid JSON"),
    ("JSON nested 1,000 deep", _file("deep.json", _deep(1000)), [], 4, "deep.json: nested more than 32 levels"),
    ("JSON nested 100,000 deep", _file("deep.json", _deep(100_000)), [], 4, "not valid JSON: depth limit exceeded"),
    (
        "JSON with a 5,000-digit number",
        _file("big.json", _json(number=0).replace(b'"number": 0', b'"number": ' + b"7" * 5000)),
        [],
        4,
        "big.json:1:",
    ),
    (
        "JSON list where a string belongs",
        _file("t.json", _json(title=["a", "b"])),
        [],
        4,
        'schema at $.title: ["a","b"] is not of type "string"',
    ),
    (
        "JSON 'false' as a string",
        _file("t.json", _json(truncated="false")),
        [],
        4,
        'at $.truncated: "false" is not of type "boolean"',
    ),
    (
        "JSON topics as a string",
        _file("t.json", _json(topics="abc")),
        [],
        4,
        'at $.topics: "abc" is not of type "array"',
    ),
    ("JSON number 1.5", _file("t.json", _json(number=1.5)), [], 4, "at $.number: 1.5 is not of types"),
    (
        "JSON note number 10**20",
        _file("t.json", _json(note_number=10**20)),
        [],
        4,
        "at $.notes[0].number: 100000000000000000000.0 is greater than the maximum of 9223372036854775807",
    ),
    (
        "JSON impossible date",
        _file("t.json", _json(date="2023-02-30")),
        [],
        4,
        'at $.date: "2023-02-30" is not a "date"',
    ),
    (
        "JSON empty collection",
        _file("c.json", b'{"schema": "dispatchlib/collection/1", "title": "", "dispatches": []}'),
        [],
        4,
        "at $.dispatches: [] has less than 1 item",
    ),
    (
        "UTF-8 with one stray byte",
        _file("stray.txt", WESTERN.encode().replace(b"peacekeeping", b"peace\xe9keeping", 1)),
        [],
        0,
        "stray.txt:10:188: warning: 1 byte(s) that are not UTF-8 (the first here) replaced with U+FFFD",
    ),
    ("empty --language", _file("s.txt", SEED_BYTES), ["--language", ""], 2, "--language: '' is not a BCP 47"),
    ("--language with a space", _file("s.txt", SEED_BYTES), ["--language", "en x"], 2, "--language: 'en x' is not"),
    ("control character in --publisher", _file("s.txt", SEED_BYTES), ["--publisher", "A\x1bB"], 2, "--publisher:"),
    ("line break in --title", _file("s.txt", SEED_BYTES), ["--title", "One\nTwo"], 2, "holds a control character"),
    (
        "notes that do not match references",
        _file("refs.txt", SEED_BYTES.replace(b"[2]", b"[7]", 1)),
        [],
        0,
        "refs.txt:12:627: error: reference [7] points to no note",
    ),
    (
        "notes that do not match references, strict",
        _file("refs.txt", SEED_BYTES.replace(b"[2]", b"[7]", 1)),
        ["--strict"],
        4,
        "refs.txt:12:627: reference [7] points to no note [missing-note]",
    ),
    (
        "duplicated header",
        _file("dup.txt", SEED_BYTES.replace(b"10523\n", b"10523\n" + SEED_BYTES.split(b"\n")[0] + b"\n", 1)),
        [],
        0,
        "dup.txt:2: warning: the header line is repeated; the copy is dropped",
    ),
]


@pytest.mark.parametrize(("name", "make", "extra", "code", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_its_message(
    tmp_path: Path, name: str, make: Callable[[Path], Path], extra: list[str], code: int, message: str
) -> None:
    """Each kind of bad input: the expected line on stderr, the exit code, no traceback, no stray file."""
    source = make(tmp_path)
    target = tmp_path / "out" / "result.json"
    target.parent.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", str(source), "--to", "json", "-o", str(target), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == code, done.stderr
    assert message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    if code == 0:
        assert isinstance(dl.from_json(target.read_bytes()), dl.Dispatch)
    else:
        assert len(done.stderr.splitlines()) == 1
        assert list(target.parent.iterdir()) == []


def test_recognised_encodings_read_the_right_text(tmp_path: Path) -> None:
    """Russian cp1251 and Arabic cp1256 read back to the same model as their UTF-8 originals."""
    for text, encoding in ((RUSSIAN, "cp1251"), (ARABIC, "cp1256"), (WESTERN, "cp1252")):
        original = dl.read_bytes(text.encode("utf-8"), source="x.txt")[0]
        recognised, found = dl.read_bytes(text.encode(encoding), source="x.txt")
        assert recognised == original
        assert [d.code for d in found if d.code.startswith("encoding")] == ["encoding-guessed"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_unicode_with_byte_order_mark(encoding: str) -> None:
    """UTF-16 and UTF-32 with a byte-order mark, and UTF-8 with one, read as the UTF-8 original."""
    original = dl.read_bytes(SEED_BYTES, source="x.txt")[0]
    assert dl.read_bytes(SEED_BYTES.decode().encode(encoding), source="x.txt")[0] == original


def test_mojibake_repaired_on_request() -> None:
    """--fix-text repairs text decoded with the wrong encoding upstream, and says so."""
    broken = SEED_BYTES.decode().replace("–", "–".encode().decode("cp1252")).encode()
    plain, _ = dl.read_bytes(broken, source="x.txt")
    fixed, found = dl.read_bytes(broken, source="x.txt", fix_text=True)
    assert "â€“" in dl.to_json(plain) and fixed == dl.read_bytes(SEED_BYTES, source="x.txt")[0]
    assert "text-fixed" in {d.code for d in found}


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A file the user may not read: one line saying so, exit 3 (simulated: root may read anything)."""
    path = tmp_path / "secret.txt"
    path.write_bytes(SEED_BYTES)

    real_open = os.open

    def refuse(name: str, *args: int) -> int:
        if name == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(SystemExit) as exit_:
        main(["convert", str(path), "--to", "json"])
    assert exit_.value.code == 3
    assert capsys.readouterr().err == f"dispatchlib: error: {path}: not allowed to read it; check its permissions\n"


def test_several_dispatches_in_one_file_make_a_collection(tmp_path: Path) -> None:
    """A file with two dispatches converts to a collection of both, and check says so."""
    bundle = tmp_path / "bundle.txt"
    bundle.write_bytes(SEED_BYTES + b"\n\n" + SEED_BYTES.replace(b"10523", b"10524"))
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", str(bundle), "--to", "json"], capture_output=True, check=True
    )
    assert [d["number"] for d in json.loads(done.stdout)["dispatches"]] == [10523, 10524]
    check = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "check", str(bundle)], capture_output=True, text=True, check=True
    )
    assert "holds 2 dispatches; they are read as one collection [several-dispatches]" in check.stdout


def test_control_characters_in_json_reach_no_exporter(tmp_path: Path) -> None:
    """Characters XML cannot hold, arriving through JSON, are replaced and reported; the EPUB stays valid XML."""
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=1,
        title="Bad\x00title\x0b",
        body=(dl.Paragraph(content=(dl.Text(text="Form\x0cfeed and \ufffe."),)),),
    )
    source = tmp_path / "bad.json"
    source.write_text(dl.to_json(dispatch), encoding="utf-8")
    document, found = dl.read_file(source)
    assert document.title == "Bad\ufffdtitle\ufffd"  # type: ignore[union-attr]
    assert [d.message for d in found if d.code == "unsafe-characters"] == [
        "4 character(s) that XML cannot hold replaced with U+FFFD"
    ]
    book = zipfile.ZipFile(__import__("io").BytesIO(dl.export(dispatch, "epub")))
    assert "\x00" not in book.read("EPUB/d00001.xhtml").decode()


def test_killed_batch_leaves_no_partial_output_and_resumes(tmp_path: Path) -> None:
    """A batch killed with SIGKILL halfway leaves only complete outputs; --skip-existing finishes the job."""
    inputs = []
    for index in range(40):
        path = tmp_path / f"in-{index:02d}.txt"
        path.write_bytes(SEED_BYTES.replace(b"10523", str(20000 + index).encode()))
        inputs.append(str(path))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "dispatchlib", "convert", *inputs, "--to", "epub", "--out-dir", str(out), "-q"]
    process = subprocess.Popen(command)
    try:
        while process.poll() is None and len(list(out.glob("*.epub"))) < 5:
            time.sleep(0.005)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -9, "the batch finished before it could be killed"
    written = {path.name: path.stat().st_mtime_ns for path in out.glob("*.epub")}
    assert 5 <= len(written) < 40
    for name in written:
        with zipfile.ZipFile(out / name) as book:
            assert book.testzip() is None and book.read("mimetype") == b"application/epub+zip"
    assert all(path.name.endswith(".epub") or path.name.endswith(".part") for path in out.iterdir())
    subprocess.run([*command, "--skip-existing"], check=True)
    assert sorted(p.name for p in out.iterdir()) == [f"in-{i:02d}.epub" for i in range(40)]
    assert all((out / name).stat().st_mtime_ns == stamp for name, stamp in written.items())


def test_one_encoding_for_a_whole_file() -> None:
    """A UTF-8 file with one stray byte stays UTF-8: its curly quotes and dashes are read as they
    are (not as cp1252 mojibake), and only the stray byte becomes U+FFFD."""
    original = dl.read_bytes(WESTERN.encode(), source="w.txt")[0]
    damaged, found = dl.read_bytes(WESTERN.encode().replace(b"peacekeeping", b"peace\xe9keeping", 1), source="w.txt")
    assert [d.code for d in found if "utf" in d.code or "encoding" in d.code] == ["invalid-utf8"]
    assert dl.to_json(damaged).replace("peace\ufffdkeeping", "peacekeeping", 1) == dl.to_json(original)
    assert "â€" not in dl.to_json(damaged)
