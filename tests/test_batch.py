"""Batch conversion: many inputs, one output each, on any executor, failures collected."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import CORPUS_FILES, SEED

import dispatchlib as dl
from dispatchlib.batch import convert_many, expand_inputs

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
    assert done.stderr.rstrip().endswith("dispatchlib: error: 1 of 6 inputs failed; the others were converted")


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
    assert written.name.startswith("Special Dispatch-10523-2023-03-14-escape-attempt-russian-peacekeeping")
    assert written.suffix == ".json" and len(written.name.encode()) <= 200
    bad = run("convert", str(source), "--to", "json", "--out-dir", str(tmp_path / "out2"), "--name", "{title}")
    assert bad.returncode == 10 and "use only the fields stem, series, number, date, slug" in bad.stderr


def test_no_progress_when_not_a_terminal_and_lines_when_verbose(tmp_path: Path) -> None:
    """Piped stderr gets nothing on success; --verbose gives a line per input and a summary."""
    _inputs(tmp_path / "in", 3)
    quiet = run("convert", str(tmp_path / "in"), "--to", "json", "--out-dir", str(tmp_path / "out"))
    assert (quiet.returncode, quiet.stderr) == (0, "")
    loud = run("convert", str(tmp_path / "in"), "--to", "json", "--out-dir", str(tmp_path / "out2"), "--verbose", "-q")
    assert loud.stderr.count("wrote: ") == 3 and loud.stderr.endswith("3 written, 0 skipped, 0 failed\n")


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal, a progress bar is drawn on stderr."""
    _inputs(tmp_path / "in", 4)
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
    assert b"to txt" in output and len(list((tmp_path / "out").iterdir())) == 4


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


def test_same_output_name_twice_is_refused(tmp_path: Path) -> None:
    """Two inputs with one name would overwrite each other: refused before any work."""
    for folder in ("a", "b"):
        _inputs(tmp_path / folder, 1)
    with pytest.raises(dl.OutputError, match="several inputs are called d00"):
        convert_many([str(tmp_path / "a"), str(tmp_path / "b")], to="json", out_dir=tmp_path / "out")


def test_a_saved_pages_resources_are_not_inputs(tmp_path: Path) -> None:
    """A page saved "complete" comes with NAME_files/ (images, frames as .html): the folder is not
    searched for inputs; a folder merely named like one still is."""
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "page_files" / "ad-frame.html").write_text("<p>ad</p>", encoding="utf-8")
    (tmp_path / "notes_files").mkdir()
    (tmp_path / "notes_files" / "kept.txt").write_text("x", encoding="utf-8")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / "notes_files" / "kept.txt"), str(tmp_path / "page.html")]
