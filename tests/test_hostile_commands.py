"""The command line against hostile work: a worker that dies fails its own input only, a stop
keeps what is finished and starts nothing new, and every option is checked before any input is
read (docs/hostile-input.md)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED, MakeDist
from test_hostile_roads import run


def _plugin_env(where: Path, **more: str) -> dict[str, str]:
    """The environment in which the fake plugin made in ``where`` loads."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(where), *sys.path]), **more}


def _inputs(folder: Path, titles: list[str]) -> list[str]:
    """The seed dispatch once per title, as in0.txt, in1.txt, ..."""
    text = SEED.read_text(encoding="utf-8")
    title = text.split("\n")[2]
    names = []
    for index, new in enumerate(titles):
        path = folder / f"in{index}.txt"
        path.write_text(text.replace(title, new, 1), encoding="utf-8")
        names.append(str(path))
    return names


# --- 5. a worker that dies fails only its own input ------------------------------------------

CRASHER = """
    import os
    import dispatchlib

    def export(document, options):
        if "Crash" in (document.title or ""):
            os.abort()  # as a native library's panic would
        return dispatchlib.export(document, "txt")

    @dispatchlib.hookimpl
    def register_exporters(register):
        register(dispatchlib.Exporter(name="fragile", export=export, suffix=".txt", media_type="text/plain"))
"""


def test_a_worker_that_dies_fails_only_its_own_input(fake_dist: MakeDist, tmp_path: Path) -> None:
    """In a -j 2 batch, the input whose export kills its process fails, named, with exit 10; the
    other inputs are written."""
    where = fake_dist("dispatchlib-fragile", CRASHER)
    names = _inputs(tmp_path, ["Crash Landing" if index == 2 else f"Calm {index}" for index in range(5)])
    out = tmp_path / "out"
    done = run("convert", *names, "--to", "fragile", "--out-dir", str(out), "-j", "2", env=_plugin_env(where))
    assert done.returncode == 10, done.stderr
    assert "in2.txt: the process reading and converting it died" in done.stderr
    assert sorted(path.name for path in out.iterdir()) == ["in0.txt", "in1.txt", "in3.txt", "in4.txt"]


# --- 10. a stop is a stop ------------------------------------------------------------------------

SLOW = """
    import os
    import time
    import dispatchlib

    def export(document, options):
        log = os.environ["DISPATCHLIB_TEST_LOG"]
        title = document.title or ""
        with open(log, "a") as stream:
            stream.write(f"start {title}\\n")
        time.sleep(30 if "Slow" in title else 0.1)
        with open(log, "a") as stream:
            stream.write(f"end {title}\\n")
        return dispatchlib.export(document, "txt")

    @dispatchlib.hookimpl
    def register_exporters(register):
        register(dispatchlib.Exporter(name="slow", export=export, suffix=".txt", media_type="text/plain"))
"""


def test_sigterm_in_a_batch_keeps_finished_outputs_and_starts_nothing_new(fake_dist: MakeDist, tmp_path: Path) -> None:
    """SIGTERM of a -j 2 batch while its first input is slow and the next three are done: those
    three are written (they waited only for the first), no input starts after the signal, the slow
    one is stopped, exit 143, and no temporary file is left."""
    where = fake_dist("dispatchlib-slow", SLOW)
    names = _inputs(tmp_path, [f"Slow {index}" if index in (0, 4) else f"Quick {index}" for index in range(8)])
    log = tmp_path / "log"
    log.write_text("", encoding="utf-8")
    env = _plugin_env(where, DISPATCHLIB_TEST_LOG=str(log))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "dispatchlib", "convert", *names, "--to", "slow", "-d", str(out), "-j", "2"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(1200):  # until the quick ones are done and the second slow one runs
            if "start Slow 4" in log.read_text(encoding="utf-8") or process.poll() is not None:
                break
            time.sleep(0.05)
        time.sleep(1)  # the quick ones' results reach the batch
        with log.open("a", encoding="utf-8") as stream:
            stream.write("signal\n")
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    lines = log.read_text(encoding="utf-8").splitlines()
    after = lines[lines.index("signal") + 1 :]
    assert process.returncode == 143, stderr
    assert not [line for line in after if line.startswith("start")], lines
    assert sorted(path.name for path in out.iterdir()) == ["in1.txt", "in2.txt", "in3.txt"], stderr
    assert "terminated: 3 written" in stderr, stderr


# --- 8 and 9. every failure one line with its exit code; options checked before any work ------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--delay", "nan"], "'nan' is not a finite number"),
        (["--timeout", "inf"], "'inf' is not a finite number"),
        (["--max-size", "nan"], "'nan' is not a finite number"),
        (["--encoding", "undefined"], "'undefined' is not an encoding of text files"),
        (["--encoding", "idna"], "'idna' is not an encoding of text files"),
        (["--encoding", "base64"], "'base64' is not an encoding of text files"),
        (["--encoding", "klingon"], "unknown encoding 'klingon'"),
        (["-M", "title=One\nTwo"], "-M title: 'One\\nTwo' holds a control character"),
        (["-M", "author=A\tB"], "-M author: 'A\\tB' holds a control character"),
        (["--language", "x-private"], "'x-private' names no language"),
        (["-M", "language=x-private"], "'x-private' names no language"),
        (["--to", "md", "-O", "heading-level=0"], "-O heading-level: expected a number at least 1 and at most 4"),
        (["--to", "md", "-O", "heading-level=nan"], "-O heading-level: expected"),
    ],
)
def test_options_are_checked_before_any_input_is_read(tmp_path: Path, args: list[str], message: str) -> None:
    """A bad option value is a usage error (exit 2, one line) before any input is read: the input
    here is a FIFO no one writes to, which reading would wait on for ever."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    if "--to" not in args:
        args = [*args, "--to", "txt"]
    done = run("convert", str(pipe), *args, "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and message in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["convert", "check"])
def test_an_empty_input_name_is_not_the_working_folder(tmp_path: Path, command: str) -> None:
    """convert '' (a variable that was empty) converts nothing, where it used to convert the folder."""
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    done = run(command, "", "--to", "txt", cwd=tmp_path) if command == "convert" else run(command, "", cwd=tmp_path)
    assert done.returncode == 2 and "an INPUT is empty" in done.stderr and len(done.stderr.splitlines()) == 1, (
        done.stderr
    )
