"""Batch conversion: many inputs, one output each, on any executor, failures collected."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import CORPUS, CORPUS_FILES, SEED

import dispatchlib as dl
from dispatchlib.batch import Result, convert_many, expand_inputs, target_name, worker_pool

SEED_BYTES = SEED.read_bytes()


def _inputs(folder: Path, count: int, bad: tuple[int, ...] = ()) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"d{index:02d}.txt"
        path.write_bytes(b"" if index in bad else SEED_BYTES.replace(b"10523", str(30000 + index).encode()))
        paths.append(path)
    return paths


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dispatchlib", *args], capture_output=True, text=True, check=False)


def test_expand_inputs_takes_folders_globs_and_files(tmp_path: Path) -> None:
    """Folders are searched recursively for files a reader takes; globs expand; unknown names stay."""
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("a/one.txt", "a/deep/two.json", "a/skip.pdf", "b.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = expand_inputs([str(tmp_path / "a"), str(tmp_path / "*.txt"), str(tmp_path / "b.txt"), "missing.txt"])
    assert found == [
        str(tmp_path / "a" / "deep" / "two.json"),
        str(tmp_path / "a" / "one.txt"),
        str(tmp_path / "b.txt"),
        "missing.txt",
    ]


def test_failure_in_the_middle_is_collected(tmp_path: Path) -> None:
    """A bad file in the middle fails alone: the rest is written, a table names it, the exit code says so."""
    _inputs(tmp_path / "in", 6, bad=(3,))
    done = run("convert", str(tmp_path / "in"), "--to", "txt", "--out-dir", str(tmp_path / "out"), "-j", "2")
    assert done.returncode == 10
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"d{i:02d}.txt" for i in (0, 1, 2, 4, 5)]
    assert "Inputs that failed" in done.stderr and "d03.txt" in done.stderr and "the input holds no text" in done.stderr
    assert f"  {tmp_path / 'in' / 'd03.txt'}: line 1: the input holds no text" in done.stderr.splitlines()
    assert done.stderr.rstrip().endswith("dispatchlib: error: 1 of 6 inputs failed; the others were converted")


def test_jobs_without_out_dir_is_a_usage_error() -> None:
    """-j spreads inputs over workers, one output each: without --out-dir it would do nothing."""
    done = run("convert", str(SEED), "--to", "txt", "-j", "2")
    assert (done.returncode, done.stdout) == (2, "")
    assert "-j/--jobs runs one worker per input file, so it needs --out-dir FOLDER" in done.stderr


def test_name_template_and_safe_names(tmp_path: Path) -> None:
    """--name fills series, number, date and slug; the result is a safe file name."""
    source = tmp_path / "x.txt"
    source.write_bytes(SEED_BYTES.replace(b"Foreign Policy Expert Yusin:", b"../../Escape / Attempt:"))
    done = run(
        "convert",
        str(source),
        "--to",
        "json",
        "--out-dir",
        str(tmp_path / "out"),
        "--name",
        "{series}-{number}-{date}-{slug}",
    )
    assert done.returncode == 0, done.stderr
    [written] = (tmp_path / "out").iterdir()
    assert written.name.startswith("Special-Dispatch-10523-2023-03-14-escape-attempt-russian-peacekeeping")
    assert written.suffix == ".json" and len(written.name.encode()) <= 200
    slug = written.stem.removeprefix("Special-Dispatch-10523-2023-03-14-")
    assert len(slug) <= 60 and not slug.endswith("-")
    whole = "escape-attempt-russian-peacekeeping-force-in-nagorno-karabakh-has-lost-the-respect"
    assert whole.startswith(slug) and whole[len(slug)] == "-"  # cut where a word ends


@pytest.mark.parametrize("template", ["{title}", "{stem", "{}", "{slug!r}x{"])
def test_a_bad_name_template_is_one_usage_error_before_any_work(tmp_path: Path, template: str) -> None:
    """An unknown field, a broken or empty brace: exit 2, one line, before anything is written."""
    _inputs(tmp_path / "in", 3)
    done = run("convert", str(tmp_path / "in"), "--to", "json", "--out-dir", str(tmp_path / "out"), "--name", template)
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith(f"dispatchlib: error: --name {template!r}")
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match=r"name template|unknown field"):
        convert_many([str(tmp_path / "in")], to="json", out_dir=tmp_path / "out", name=template)


def test_name_fields_parent_dir_and_empty_ones(tmp_path: Path) -> None:
    """{dir}/{stem} mirrors the input tree (a folder or a glob), {parent} is the input's folder,
    an empty field leaves no separator at the name's ends, and values carry no spaces or '&'."""
    tree = tmp_path / "tree"
    for place in ("a/b/x.txt", "c/x.txt", "top.txt"):
        (tree / place).parent.mkdir(parents=True, exist_ok=True)
        (tree / place).write_bytes(SEED_BYTES.replace(b"10523", str(len(place)).encode()))
    for given in (str(tree), str(tree / "**" / "*.txt")):
        out = tmp_path / f"mirror-{len(given)}"
        done = run("convert", given, "--to", "txt", "--out-dir", str(out), "-q", "--name", "{dir}/{stem}")
        assert done.returncode == 0, done.stderr
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == ["a/b/x.txt", "c/x.txt", "top.txt"]
    by_parent = tmp_path / "parent"
    done = run("convert", str(tree), "--to", "txt", "--out-dir", str(by_parent), "-q", "--name", "{parent}-{stem}")
    assert sorted(p.name for p in by_parent.iterdir()) == ["b-x.txt", "c-x.txt", "tree-top.txt"]
    dispatch = dl.Dispatch(series="Inquiry & Analysis", number=10523, title="T")
    assert target_name(dispatch, "in.txt", "{date}-{series}-{number}", ".txt") == "Inquiry-and-Analysis-10523.txt"
    assert target_name(dispatch, "my file.txt", "{date} {stem}", ".txt") == "my-file.txt"
    assert target_name(dispatch, "in.txt", "My Reports/{stem}", ".txt") == "My Reports/in.txt"
    assert target_name(dispatch, "in.txt", "../{dir}/{stem}", ".txt") == "in.txt"  # no way out of the folder


def test_collision_advice_names_new_fields_and_the_kept_copy(tmp_path: Path) -> None:
    """Two inputs mapped to one name: the second fails, saying which copy was kept and offering
    only fields the template does not use."""
    tree = tmp_path / "tree"
    for place in ("a/x.txt", "b/x.txt"):
        (tree / place).parent.mkdir(parents=True)
        (tree / place).write_bytes(SEED_BYTES)
    done = run("convert", str(tree), "--to", "txt", "--out-dir", str(tmp_path / "out"), "-q", "--name", "{slug}")
    assert done.returncode == 10
    assert f"already the output of {tree / 'a' / 'x.txt'}, which is kept" in done.stderr
    assert "give --name a template with {dir} or {stem} or {number}" in done.stderr


def test_batch_warnings_are_counted_in_the_summary(tmp_path: Path) -> None:
    """Without -v, a batch whose inputs have warnings ends with the count and a short list of the
    inputs and their codes; -q says nothing."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED_BYTES)  # image credits and outlets lost: warnings
    (folder / "clip.txt").write_bytes((CORPUS / "variants" / "tv-clip.txt").read_bytes())
    done = run("convert", str(folder), "--to", "txt", "--out-dir", str(tmp_path / "out"))
    assert done.returncode == 0
    lines = done.stderr.splitlines()
    assert lines[0] == "2 written, 0 skipped, 0 failed; 5 warnings in 1 of them"
    assert lines[1] == "Inputs with warnings (run with -v to see them):"
    assert lines[2] == f"  {folder / 'seed.txt'}: 5 | credit-lost x2, outlet-lost x3"
    assert run("convert", str(folder), "--to", "txt", "--out-dir", str(tmp_path / "q"), "-q").stderr == ""


def test_no_progress_when_not_a_terminal_and_lines_when_verbose(tmp_path: Path) -> None:
    """Piped stderr gets nothing on success without warnings (or with -q); --verbose gives a line
    per input and a summary."""
    _inputs(tmp_path / "in", 3)
    quiet = run("convert", str(tmp_path / "in"), "--to", "json", "--out-dir", str(tmp_path / "out"), "-q")
    assert (quiet.returncode, quiet.stderr) == (0, "")
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "clip.txt").write_bytes((CORPUS / "variants" / "tv-clip.txt").read_bytes())
    assert run("convert", str(clean), "--to", "json", "--out-dir", str(tmp_path / "o")).stderr == ""
    loud = run("convert", str(tmp_path / "in"), "--to", "json", "--out-dir", str(tmp_path / "out2"), "--verbose", "-q")
    assert loud.stderr.count("wrote: ") == 3
    assert loud.stderr.endswith("3 written, 0 skipped, 0 failed; 15 warnings in 3 of them\n")


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal, a progress bar is drawn on stderr, with done/total, the share done, the rate
    and the time left."""
    _inputs(tmp_path / "in", 40)
    leader, follower = pty.openpty()
    command = [
        sys.executable,
        "-m",
        "dispatchlib",
        "convert",
        str(tmp_path / "in"),
        "--to",
        "txt",
        "--out-dir",
        str(tmp_path / "out"),
        "-j",
        "1",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait() == 0
    assert b"to txt" in output and len(list((tmp_path / "out").iterdir())) == 40
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output.decode("utf-8", errors="replace"))
    assert re.search(r"\b\d+/40\b", text) and "%" in text
    assert re.search(r"\d+\.\d files/s", text) and re.search(r"\d:\d\d:\d\d|-:--:--", text)


def test_parallel_output_equals_serial(tmp_path: Path) -> None:
    """-j 2 writes the same bytes as -j 1."""
    _inputs(tmp_path / "in", 4)
    for jobs in ("1", "2"):
        assert (
            run(
                "convert", str(tmp_path / "in"), "--to", "epub", "--out-dir", str(tmp_path / jobs), "-j", jobs
            ).returncode
            == 0
        )
    for path in (tmp_path / "1").iterdir():
        assert path.read_bytes() == (tmp_path / "2" / path.name).read_bytes()


def test_skip_existing_keeps_outputs(tmp_path: Path) -> None:
    """--skip-existing leaves an existing output alone and reports it as skipped."""
    _inputs(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / "d00.json").write_text("kept", encoding="utf-8")
    results = convert_many([str(tmp_path / "in")], to="json", out_dir=out, skip_existing=True)
    assert [(Path(r.source).name, r.skipped) for r in results] == [("d00.txt", True), ("d01.txt", False)]
    assert (out / "d00.json").read_text(encoding="utf-8") == "kept"


def test_skip_existing_redoes_empty_outputs(tmp_path: Path) -> None:
    """An empty output (what a power cut can leave of a file not yet flushed) is written again."""
    _inputs(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / "d00.json").write_bytes(b"")
    results = convert_many([str(tmp_path / "in")], to="json", out_dir=out, skip_existing=True)
    assert [r.skipped for r in results] == [False, False]
    assert dl.from_json((out / "d00.json").read_bytes()).number == 30000  # type: ignore[union-attr]


def test_convert_many_on_an_executor(tmp_path: Path) -> None:
    """Any concurrent.futures executor runs the jobs; results come back in input order."""
    with ThreadPoolExecutor(max_workers=2) as executor:
        results = convert_many([str(p) for p in CORPUS_FILES], to="json", out_dir=tmp_path, executor=executor)
    assert [r.source for r in results] == [str(p) for p in CORPUS_FILES]
    assert all(r.ok for r in results)
    assert dl.from_json((tmp_path / "special-dispatch-10523.json").read_bytes()) == dl.read_file(SEED)[0]


def test_a_process_pools_workers_write_parts_that_are_put_in_place_or_removed(tmp_path: Path) -> None:
    """With a process pool the workers write each output to a temporary file and the batch
    renames it into place: the same bytes as in one process; the part of an output refused (a
    name taken by an earlier input, a name that is an input) is removed, and no part is left."""
    _inputs(tmp_path / "in", 4)
    (tmp_path / "in" / "d03.txt").write_bytes((tmp_path / "in" / "d02.txt").read_bytes())  # same number
    serial = convert_many([str(tmp_path / "in")], to="json", out_dir=tmp_path / "one", name="{number}")
    with worker_pool(2) as pool:
        results = convert_many(
            [str(tmp_path / "in")], to="json", out_dir=tmp_path / "two", name="{number}", executor=pool
        )
        inputs_there = convert_many([str(tmp_path / "in")], to="txt", out_dir=tmp_path / "in", executor=pool)
    assert [r.ok for r in results] == [r.ok for r in serial] == [True, True, True, False]
    assert "already the output of" in (results[3].error or "")
    for path in (tmp_path / "one").iterdir():
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes()
    assert all("is an input file" in (r.error or "") for r in inputs_there)
    assert (tmp_path / "in" / "d00.txt").read_bytes() == SEED_BYTES.replace(b"10523", b"30000")
    for folder in ("two", "in"):
        assert not [p.name for p in (tmp_path / folder).iterdir() if p.name.endswith(".part")]


def test_an_interrupted_pool_batch_removes_its_workers_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Interrupted while workers are writing: the chunks not started are cancelled, those
    running finish, and every temporary file of an output not put in place is removed."""
    _inputs(tmp_path / "in", 200)
    calls = 0

    def stop_at_the_third(result: Result) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt

    with worker_pool(2) as pool, pytest.raises(KeyboardInterrupt):
        convert_many(
            [str(tmp_path / "in")], to="json", out_dir=tmp_path / "out", executor=pool, on_result=stop_at_the_third
        )
    left = [p.name for p in (tmp_path / "out").iterdir()]
    assert not [name for name in left if name.endswith(".part")]
    assert 3 <= len(left) < 200  # what was put in place stays, complete
    for name in left:
        assert dl.from_json((tmp_path / "out" / name).read_bytes()).number is not None  # type: ignore[union-attr]


def test_convert_many_on_a_dask_cluster(tmp_path: Path) -> None:
    """A local Dask cluster's executor converts the corpus, as a real cluster would."""
    distributed = pytest.importorskip("distributed", reason="pip install 'dask[distributed]'")
    with (
        distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = convert_many(
            [str(p) for p in CORPUS_FILES], to="epub", out_dir=tmp_path, executor=client.get_executor()
        )
    assert all(r.ok for r in results) and len(list(tmp_path.glob("*.epub"))) == len(CORPUS_FILES)


def test_same_output_name_twice_first_keeps_it(tmp_path: Path) -> None:
    """Two inputs with one name: the first in input order writes it, the second fails and is not
    written over it."""
    for folder in ("a", "b"):
        _inputs(tmp_path / folder, 1)
    results = convert_many([str(tmp_path / "a"), str(tmp_path / "b")], to="json", out_dir=tmp_path / "out")
    assert [r.target for r in results] == [str(tmp_path / "out" / "d00.json"), None]
    assert f"already the output of {tmp_path / 'a' / 'd00.txt'}, which is kept" in (results[1].error or "")
    assert json.loads((tmp_path / "out" / "d00.json").read_bytes())["number"] == 30000


def test_one_page_saved_three_ways_needs_the_suffix_field(tmp_path: Path) -> None:
    """page.html, page.mhtml and page.txt are one name: the first is written, the others fail
    with advice to use {suffix}, which gives each its own name."""
    pages = Path(__file__).parent / "pages"
    inputs = [str(pages / name) for name in ("report-page.html", "report-page.mhtml", "report-page.txt")]
    clash = run("convert", *inputs, "--to", "html", "--out-dir", str(tmp_path / "web"), "-j", "2", "-q")
    assert clash.returncode == 10
    assert [p.name for p in (tmp_path / "web").glob("*.html")] == ["report-page.html"]
    assert clash.stderr.count("give --name a template with {suffix} or") == 2
    named = run(
        "convert", *inputs, "--to", "html", "--out-dir", str(tmp_path / "web2"), "-q", "--name", "{stem}-{suffix}"
    )
    assert named.returncode == 0, named.stderr
    written = sorted(p.name for p in (tmp_path / "web2").glob("*.html"))
    assert written == ["report-page-html.html", "report-page-mhtml.html", "report-page-txt.html"]


def test_a_saved_pages_resources_are_not_inputs(tmp_path: Path) -> None:
    """A page saved "complete" comes with NAME_files/ (images, frames as .html): the folder is not
    searched for inputs; a folder merely named like one still is."""
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "page_files" / "ad-frame.html").write_text("<p>ad</p>", encoding="utf-8")
    (tmp_path / "notes_files").mkdir()
    (tmp_path / "notes_files" / "kept.txt").write_text("x", encoding="utf-8")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / "notes_files" / "kept.txt"), str(tmp_path / "page.html")]
