"""The command line, run as a user runs it: a real process, its output, stderr and exit code."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS, SEED

import dispatchlib as dl

VARIANTS = CORPUS / "variants"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dispatchlib", *args], input=stdin, capture_output=True, cwd=cwd, check=False
    )


def test_convert_seed_to_json_on_stdout() -> None:
    """The brief's example: the seed as JSON on stdout, with its pinned values."""
    done = run("convert", str(SEED), "--to", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["series"], data["number"], data["date"], data["topics"], data["authors"]) == (
        "Special Dispatch",
        10523,
        "2023-03-14",
        ["Russia"],
        [],
    )
    assert [n["date"] for n in data["notes"]] == ["2023-03-06", "2023-03-08", "2023-03-07"]
    figures = [b for b in data["body"] if b["type"] == "figure"]
    assert len(figures) == 2 and all(f["credit_missing"] and f["credit"] is None for f in figures)
    assert sum(b["type"] == "paragraph" for b in data["body"]) == 16
    assert [b["source_note"] for b in data["body"] if b["type"] == "translation_boundary"] == [3]
    assert b"Share this" not in done.stdout


def test_format_inferred_from_output_suffix(tmp_path: Path) -> None:
    """-o out.json writes JSON without --to."""
    target = tmp_path / "out.json"
    assert run("convert", str(SEED), "-o", str(target)).returncode == 0
    assert dl.from_json(target.read_bytes()) == dl.read_file(SEED)[0]


def test_out_dir_writes_one_file_per_input(tmp_path: Path) -> None:
    """--out-dir writes NAME.SUFFIX for each input."""
    inputs = sorted(VARIANTS.glob("*.txt"))
    done = run("convert", *map(str, inputs), "--to", "txt", "--out-dir", str(tmp_path / "out"), "-q")
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(p.name for p in inputs)
    for path in inputs:
        assert dl.parse((tmp_path / "out" / path.name).read_text("utf-8"))[0] == dl.read_file(path)[0]


def test_several_inputs_with_output_make_a_collection(tmp_path: Path) -> None:
    """Several inputs and -o give one collection document."""
    target = tmp_path / "all.json"
    done = run("convert", str(SEED), str(VARIANTS / "tv-clip.txt"), "-o", str(target), "--title", "Week 11")
    assert done.returncode == 0, done.stderr
    collection = dl.from_json(target.read_bytes())
    assert isinstance(collection, dl.Collection) and collection.title == "Week 11"
    assert [d.number for d in collection.dispatches] == [1632, 10523]  # ordered by date


def test_stdin_to_stdout() -> None:
    """'-' reads stdin; the text output reads back to the same model."""
    done = run("convert", "-", "--to", "txt", stdin=SEED.read_bytes())
    assert done.returncode == 0
    assert dl.parse(done.stdout.decode())[0] == dl.read_file(SEED)[0]


def test_warnings_go_to_stderr_unless_quiet() -> None:
    """Warnings about the input are printed on stderr with file and line; -q silences them."""
    loud = run("convert", str(SEED), "--to", "json")
    assert f"{SEED}:18:37: warning: image credit lost".encode() in loud.stderr
    assert run("convert", str(SEED), "--to", "json", "-q").stderr == b""


def test_check_reports_damage_and_strict_exit_code(tmp_path: Path) -> None:
    """check prints the diagnostics; an error-level one exits 4, and --strict counts warnings too."""
    damaged = run("check", str(VARIANTS / "damaged-crlf.txt"))
    assert damaged.returncode == 0
    assert b"[line-endings]" in damaged.stdout and b"[email-hidden]" in damaged.stdout
    assert run("check", "--strict", str(VARIANTS / "damaged-crlf.txt")).returncode == 4  # it has warnings
    truncated = run("check", "--format", "json", str(VARIANTS / "subscriber-truncated.txt"))
    assert "truncated" in {row["code"] for row in json.loads(truncated.stdout)["diagnostics"]}
    bad = tmp_path / "bad.txt"
    bad.write_text("Special Dispatch No. 1\n\nT\n\nText.[4] More.[1]\n\n[1] Outlet, May 1, 2020.\n", encoding="utf-8")
    done = run("check", str(bad))
    assert done.returncode == 4 and b"points to no note" in done.stdout


def _archive(folder: Path) -> Path:
    """A folder as people have them: good dispatches, one damaged, one empty, one that is not one."""
    folder.mkdir()
    for name in ("tv-clip", "daily-brief-numbered", "damaged-crlf", "captions-and-credits"):
        (folder / f"{name}.txt").write_bytes((VARIANTS / f"{name}.txt").read_bytes())
    (folder / "sub").mkdir()
    (folder / "sub" / "inquiry.txt").write_bytes((VARIANTS / "inquiry-analysis-authors.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "shopping.txt").write_text("Milk, bread, and eggs.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_goes_through_every_input_as_a_linter(tmp_path: Path, jobs: str) -> None:
    """check over a folder: every file's findings as file:line:col: severity: message [code], in
    input order, the one that cannot be read among them; a summary; exit 4 for the errors."""
    folder = _archive(tmp_path / "archive")
    done = run("check", str(folder), "-j", jobs)
    assert done.returncode == 4
    lines = done.stdout.decode().splitlines()
    assert f"{folder / 'empty.txt'}:1: error: the input holds no text [empty-input]" in lines
    assert any(line.startswith(f"{folder / 'shopping.txt'}:") and "[not-a-dispatch]" in line for line in lines)
    assert any(line.startswith(f"{folder / 'damaged-crlf.txt'}:8:") and "[email-hidden]" in line for line in lines)
    assert all(re.match(r"^/\S+?(:\d+)?(:\d+)?: (info|warning|error): .+ \[[a-z0-9-]+\]$", line) for line in lines)
    order = [line.split(":")[0] for line in lines]
    assert order == sorted(order)  # the inputs' order, whatever worker finished first
    errors, warnings, infos = (sum(f": {kind}: " in line for line in lines) for kind in ("error", "warning", "info"))
    assert errors == 2 and warnings >= 3
    assert done.stderr.decode() == f"7 files: 2 errors, {warnings} warnings, {infos} info\n"
    quiet = run("check", str(folder), "--severity", "error")
    assert len(quiet.stdout.decode().splitlines()) == 2


def test_check_json_and_exit_codes(tmp_path: Path) -> None:
    """--format json gives the summary and every finding (--severity leaves out the lower ones);
    clean inputs exit 0, a missing file is a finding (unreadable) and the others are still checked."""
    folder = _archive(tmp_path / "archive")
    done = run("check", str(folder), str(tmp_path / "missing.txt"), "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 4
    assert report["summary"]["files"] == 8 and report["summary"]["errors"] == 3
    missing = [row for row in report["diagnostics"] if row["code"] == "unreadable"]
    assert [(row["source"], row["severity"]) for row in missing] == [(str(tmp_path / "missing.txt"), "error")]
    assert set(report["diagnostics"][0]) == {"source", "line", "column", "severity", "code", "message"}
    for severity, shown in (("warning", {"warning", "error"}), ("error", {"error"})):
        some = json.loads(run("check", str(folder), "--format", "json", "--severity", severity).stdout)
        assert {row["severity"] for row in some["diagnostics"]} == shown  # the summary still counts all
        assert some["summary"] == {**report["summary"], "files": 7, "errors": 2}
    clean = run("check", str(VARIANTS / "tv-clip.txt"), str(VARIANTS / "daily-brief-numbered.txt"))
    assert clean.returncode == 0, clean.stdout
    assert clean.stderr.startswith(b"2 files: 0 errors, 0 warnings")


def test_convert_strict_fails_with_location(tmp_path: Path) -> None:
    """convert --strict stops at the first error: one line with file:line:column, exit 4."""
    bad = tmp_path / "bad.txt"
    bad.write_text("Special Dispatch No. 1\n\nT\n\nText.[4] More.[1]\n\n[1] Outlet, May 1, 2020.\n", encoding="utf-8")
    done = run("convert", str(bad), "--to", "json", "--strict")
    assert done.returncode == 4
    assert done.stderr.decode().splitlines() == [
        f"dispatchlib: error: {bad}:5:6: reference [4] points to no note [missing-note]"
    ]


@pytest.mark.parametrize(
    ("make", "args", "code", "message"),
    [
        (None, ["convert", "missing.txt", "--to", "json"], 3, "missing.txt: no such file"),
        ("dir", ["convert", "{}", "--to", "json"], 3, "is a folder, not a file"),
        ("empty", ["convert", "{}", "--to", "json"], 5, "the input holds no text"),
        ("binary", ["convert", "{}", "--to", "json"], 3, "not a text file"),
        ("prose", ["convert", "{}", "--to", "json"], 5, "is this a dispatch?"),
        ("seed", ["convert", "{}", "--to", "nope"], 6, "no output format 'nope'; known formats:"),
        ("seed", ["convert", "{}"], 2, "say which format to write with --to FORMAT"),
        ("seed", ["convert", "{}", "--to", "txt", "-o", "{}"], 9, "is an input file; it is never overwritten"),
        ("badjson", ["convert", "{}", "--to", "txt"], 4, "does not match the dispatchlib JSON schema"),
    ],
)
def test_user_errors_are_one_line_with_exit_code(
    tmp_path: Path, make: str | None, args: list[str], code: int, message: str
) -> None:
    """Each kind of user error prints one line on stderr, no traceback, with its own exit code."""
    path = tmp_path / ("in.json" if make == "badjson" else "in.txt")
    contents = {
        "empty": b"",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00",
        "prose": b"Just some prose here.\n",
        "seed": SEED.read_bytes(),
        "badjson": b'{"schema": "dispatchlib/dispatch/1", "number": "x"}',
    }
    if make == "dir":
        path.mkdir()
    elif make is not None:
        path.write_bytes(contents[make])
    before = path.read_bytes() if path.is_file() else None
    done = run(*[a.format(path) for a in args], cwd=tmp_path)
    lines = done.stderr.decode().splitlines()
    assert done.returncode == code, lines
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("dispatchlib: error: ")
    assert b"Traceback" not in done.stderr
    if before is not None:
        assert path.read_bytes() == before


def test_debug_shows_traceback() -> None:
    """--debug shows the traceback of an error."""
    done = run("--debug", "convert", "missing.txt", "--to", "json")
    assert done.returncode != 0 and b"Traceback" in done.stderr


def test_formats_and_plugins_json() -> None:
    """formats and plugins print JSON with the built-ins."""
    formats = json.loads(run("formats", "--json").stdout)
    assert {"json", "txt"} <= {e["name"] for e in formats["exporters"]}
    assert {"json", "txt", "html", "mhtml", "eml", "mbox"} <= {r["name"] for r in formats["readers"]}
    plugins = json.loads(run("plugins", "--json").stdout)
    builtin = {p["name"] for p in plugins["plugins"] if p["builtin"]}
    assert builtin == {f"dispatchlib.formats.{name}" for name in ("json", "txt", "epub", "docx", "html", "mail")}


def test_json_input_converts_back_to_text(tmp_path: Path) -> None:
    """The json reader takes what the json exporter wrote."""
    target = tmp_path / "seed.json"
    run("convert", str(SEED), "-o", str(target), "-q")
    done = run("convert", str(target), "--to", "txt")
    assert dl.parse(done.stdout.decode())[0] == dl.read_file(SEED)[0]


def test_failed_write_leaves_no_partial_file(tmp_path: Path) -> None:
    """Writing into a folder that does not exist fails cleanly and leaves nothing behind."""
    done = run("convert", str(SEED), "--to", "json", "-o", str(tmp_path / "nowhere" / "x.json"))
    assert done.returncode == 9 and b"cannot write here" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_import_loads_nothing_until_used() -> None:
    """import dispatchlib loads none of the libraries its names need (nor typing) until a name is
    used; using the parser then loads attrs, and still no exporter library."""
    heavy = "('attrs', 'pluggy', 'typing', 're', 'ebooklib', 'docx', 'lxml', 'click')"
    code = (
        f"import sys, dispatchlib; print(sorted(m for m in {heavy} if m in sys.modules))\n"
        "dispatchlib.parse('2024 Special Dispatch No. 1')\n"
        f"print(sorted(m for m in {heavy} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "['attrs', 're', 'typing']"]


def test_lazy_names_are_the_public_names() -> None:
    """Every name in __all__ resolves, and dir() lists them."""
    for name in dl.__all__:
        assert getattr(dl, name) is not None, name
    assert set(dl.__all__) <= set(dir(dl))


@pytest.mark.parametrize("args", [["formats"], ["convert", str(SEED), "--to", "txt", "-q"]])
def test_cli_paths_do_not_load_exporter_libraries(args: list[str]) -> None:
    """'formats' and a conversion to txt import neither ebooklib, python-docx nor lxml, nor what only
    other inputs and formats use: e-mail, JSON Schema, package resources, the PDF plugin's Typst writer."""
    unused = ("ebooklib", "docx", "lxml", "PIL", "email", "jsonschema_rs", "importlib.resources")
    unused += ("dispatchlib_pdf._typst",)
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: sys.stderr.write(repr(sorted(m for m in {unused!r} "
        "if m in sys.modules))))\n"
        f"sys.argv = ['dispatchlib', *{args!r}]\n"
        "from dispatchlib.cli import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip().endswith("[]")


def test_inline_plugin_example_runs() -> None:
    """examples/inline_plugin.py registers a plugin at run time and converts the seed with it."""
    script = Path(__file__).parent.parent / "examples" / "inline_plugin.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("Special Dispatch No. 10523: ") and "3 notes (9 words)" in done.stdout


def test_folder_example_writes_every_format(tmp_path: Path) -> None:
    """examples/convert_folder.py writes each example in every registered format."""
    root = Path(__file__).parent.parent
    subprocess.run(
        [sys.executable, str(root / "examples" / "convert_folder.py"), str(root / "examples"), str(tmp_path)],
        capture_output=True,
        check=True,
    )
    suffixes = {e.suffix for e in dl.default_host().exporters.values()}
    written = {p.name for p in tmp_path.iterdir()}
    for example in (root / "examples").glob("*.txt"):
        assert {f"{example.stem}{suffix}" for suffix in suffixes} <= written


def test_the_longest_registered_suffix_wins_and_a_folder_is_no_file(tmp_path: Path) -> None:
    """-o a.ninjs.json is ninjs (its suffix is longer than JSON's .json); -o a folder says so and
    points to --out-dir."""
    ninjs = tmp_path / "a.ninjs.json"
    done = run("convert", str(SEED), "-o", str(ninjs), "-q")
    assert done.returncode == 0, done.stderr
    assert json.loads(ninjs.read_text(encoding="utf-8"))["standard"]["name"] == "ninjs"
    assert "series" in json.loads(run("convert", str(SEED), "-o", "-", "--to", "json", "-q").stdout)
    for folder in (str(tmp_path), f"{tmp_path}/"):
        refused = run("convert", str(SEED), "-o", folder, "-q")
        assert refused.returncode == 2
        assert refused.stderr.decode() == (
            f"dispatchlib: error: -o {folder}: a folder; for one file per input there, use --out-dir {folder}\n"
        )


def test_metadata_flags_reach_the_model_and_every_exporter(tmp_path: Path) -> None:
    """-M KEY=VALUE as pandoc and calibre take it: the model's fields change before export (the
    JSON shows them, so would any plugin's exporter); publisher and description reach the e-book."""
    metadata = ["title=Talks Stall", "author=A. Writer", "author=B. Writer", "series=Inquiry & Analysis"]
    metadata += ["series-index=77", "language=en_GB", "date=2024-02-03", "tags=Iran, Gulf", "tags=Oil"]
    flags = [arg for item in metadata for arg in ("-M", item)]
    data = json.loads(run("convert", str(SEED), "--to", "json", "-q", *flags).stdout)
    assert (data["title"], data["authors"], data["series"], data["number"]) == (
        "Talks Stall",
        ["A. Writer", "B. Writer"],
        "Inquiry & Analysis",
        77,
    )
    assert (data["language"], data["date"], data["topics"]) == ("en-GB", "2024-02-03", ["Iran", "Gulf", "Oil"])
    book = tmp_path / "b.epub"
    done = run("convert", str(SEED), "-o", str(book), "-q", "-M", "publisher=Example Press", "-M", "description=Short.")
    assert done.returncode == 0, done.stderr
    opf = zipfile.ZipFile(book).read("EPUB/content.opf").decode()
    assert "<dc:publisher>Example Press</dc:publisher>" in opf and "<dc:description>Short.</dc:description>" in opf
    week = json.loads(
        run(
            "convert",
            str(SEED),
            str(VARIANTS / "tv-clip.txt"),
            "--to",
            "json",
            "-q",
            "-M",
            "title=Week",
            "-M",
            "tags=Weekly",
        ).stdout
    )
    assert week["title"] == "Week" and all(d["topics"] == ["Weekly"] for d in week["dispatches"])


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("colour=red", "unknown key 'colour'; the keys are title, author"),
        ("date=yesterday", "date: expected YYYY-MM-DD, got 'yesterday'"),
        ("series-index=0", "series-index: expected a whole number from 1"),
        ("language=xx-!!", "is not a BCP 47 language tag"),
        ("title", "write KEY=VALUE"),
    ],
)
def test_bad_metadata_is_a_usage_error(item: str, message: str) -> None:
    done = run("convert", str(SEED), "--to", "json", "-q", "-M", item)
    assert done.returncode == 2 and message in done.stderr.decode()
    assert done.stdout == b""


def test_css_replaces_the_books_style_sheet(tmp_path: Path) -> None:
    """--css FILE is the e-book's style sheet; a file that is not UTF-8 text is refused up front."""
    css = tmp_path / "house.css"
    css.write_text("body { font-family: serif; }\n", encoding="utf-8")
    book = tmp_path / "b.epub"
    assert run("convert", str(SEED), "-o", str(book), "-q", "--css", str(css)).returncode == 0
    assert zipfile.ZipFile(book).read("EPUB/style.css") == css.read_bytes()
    css.write_bytes(b"body { font-family: \xff; }")
    done = run("convert", str(SEED), "-o", str(tmp_path / "c.epub"), "-q", "--css", str(css))
    assert done.returncode == 2 and b"a style sheet must be UTF-8 text" in done.stderr
    assert not (tmp_path / "c.epub").exists()


def test_options_the_format_does_not_use_are_warned_about(tmp_path: Path) -> None:
    """-o x.txt --reference-docx y.docx does nothing: a warning says so and for which format it is."""
    done = run(
        "convert", str(SEED), "-o", str(tmp_path / "x.txt"), "-q", "--reference-docx", "y.docx", "--paper", "letter"
    )
    assert done.returncode == 0
    paper = ", ".join(sorted(e.name for e in dl.default_host().exporters.values() if e.reads and "paper" in e.reads))
    assert done.stderr.decode().splitlines() == [
        "dispatchlib: warning: --reference-docx does nothing for txt output (it is for docx)",
        f"dispatchlib: warning: --paper does nothing for txt output (it is for {paper})",  # docx, and pdf if installed
    ]
    assert run("convert", str(SEED), "-o", str(tmp_path / "x.docx"), "-q", "--paper", "letter").stderr == b""


def test_plugin_options(tmp_path: Path) -> None:
    """A plugin's registered option: listed by formats (text and JSON), checked by type, and
    read by its exporter; an option the format does not have is a usage error naming its options."""
    listed = json.loads(run("formats", "--json").stdout)
    [md] = [row for row in listed["exporters"] if row["name"] == "md"]
    assert md["options"] == [
        {"name": "heading-level", "type": "int", "default": 1, "help": "the level of the first heading, 1 to 4"}
    ]
    assert b"-O heading-level=INT  md: the level of the first heading" in run("formats").stdout
    deeper = run("convert", str(SEED), "--to", "md", "-q", "-O", "heading-level=3").stdout.decode()
    assert deeper.startswith("### Foreign Policy Expert Yusin")
    wrong = run("convert", str(SEED), "--to", "md", "-q", "-O", "heading-level=deep")
    assert wrong.returncode == 2 and b"-O heading-level: expected a number, got 'deep'" in wrong.stderr
    other = run("convert", str(SEED), "--to", "txt", "-q", "-O", "heading-level=2")
    assert other.returncode == 2 and b"not an option of txt (its options: none)" in other.stderr


def test_small_habits(tmp_path: Path) -> None:
    """--debug anywhere on the line; stdin read with no INPUT when something is piped in; a
    missing extra is a format error (6) with the pip command; formats says what is installed."""
    traced = run("convert", str(tmp_path / "none.txt"), "--to", "json", "--debug")
    assert b"Traceback" in traced.stderr and b"InputError" in traced.stderr
    piped = run("convert", "--to", "json", "-q", stdin=SEED.read_bytes())
    assert piped.returncode == 0 and json.loads(piped.stdout)["number"] == 10523
    hidden = (
        "import sys; sys.modules['ebooklib'] = None; from dispatchlib.cli import main; "
        f"main(['convert', {str(SEED)!r}, '-o', {str(tmp_path / 'b.epub')!r}, '-q'])"
    )
    done = subprocess.run([sys.executable, "-c", hidden], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (
        6,
        "dispatchlib: error: the epub format needs ebooklib: pip install 'dispatchbook[epub]'\n",
    )
    lines = run("formats").stdout.decode().splitlines()
    assert "  epub   .epub        installed  EPUB 3 e-book with pop-up notes" in lines
    split = lines.index("Input formats (--from):")
    for rows in (lines[1:split], lines[split + 1 :]):
        formats = [line for line in rows if not line.startswith("    -O ")]
        assert len({line.index(" installed ") for line in formats}) == 1  # aligned past the longest suffix
