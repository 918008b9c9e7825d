"""Never lose a file, never report a false success: each principle tried several ways.

1. an input is never overwritten, however it is named;
2. nothing but the output is changed, and what is not a regular file is never replaced;
3. no false success (hostile plugins, outputs two inputs share);
4. temporary files belong to their run;
5. a killed or stopped batch leaves nothing running;
6. reads are bounded before they happen;
and error codes that name the right side. The JSON reader's strictness, the model's whole range
and option values are in tests/test_bad_input.py's matrix and tests/test_json.py.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEED, MakeDist

import dispatchlib as dl
from dispatchlib.output import finish_part, remove_stale_parts, write_part

SEED_BYTES = SEED.read_bytes()
SEED_TXT = dl.to_text(dl.read_bytes(SEED_BYTES, source="seed.txt")[0]).encode()


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "dispatchlib", *args], capture_output=True, text=True, check=False, **kwargs
    )


def shell(command: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """``command`` in sh, with ``dispatchlib`` standing for this interpreter's module."""
    line = command.replace("dispatchlib ", f"{sys.executable} -m dispatchlib ")
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        ["sh", "-c", line], capture_output=True, text=True, check=False, **kwargs
    )


def _inputs(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"in-{index:03d}.txt"
        path.write_bytes(SEED_BYTES.replace(b"10523", str(40000 + index).encode()))
        paths.append(path)
    return paths


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- 1. an input is never overwritten ---------------------------------------------------------


def test_an_input_is_never_overwritten_however_it_is_named(tmp_path: Path) -> None:
    """The output named as the input through a folder, a glob, a symlink, a hard link, stdin
    redirected from it, or stdout appended to it: refused with exit 9, every input unchanged."""
    folder = tmp_path / "r"
    _inputs(folder, 3)
    target = folder / "in-001.txt"
    (tmp_path / "link.txt").symlink_to(target)
    os.link(target, tmp_path / "hard.txt")
    before = _snapshot(folder)
    ways = {
        "folder": run("convert", str(folder), "--to", "txt", "-o", str(target)),
        "glob": run("convert", str(folder / "*.txt"), "--to", "txt", "-o", str(target)),
        "symlink": run("convert", str(target), "--to", "txt", "-o", str(tmp_path / "link.txt")),
        "hard link": run("convert", str(target), "--to", "txt", "-o", str(tmp_path / "hard.txt")),
        "stdin": shell(f"dispatchlib convert - --to txt -o '{target}' < '{target}'"),
        "stdout": shell(f"dispatchlib convert '{target}' --to txt >> '{target}'"),
    }
    for way, done in ways.items():
        assert done.returncode == 9, (way, done.stderr)
        assert "is an input file; it is never overwritten" in done.stderr, (way, done.stderr)
        assert len(done.stderr.splitlines()) == 1, (way, done.stderr)
    assert _snapshot(folder) == before
    assert (tmp_path / "link.txt").is_symlink()


def test_a_batch_never_writes_over_its_inputs(tmp_path: Path) -> None:
    """--out-dir the inputs' own folder, or --name mapping one input onto another's name: those
    inputs fail, named, and stay as they were."""
    folder = tmp_path / "r"
    _inputs(folder, 3)
    before = _snapshot(folder)
    same = run("convert", str(folder), "--to", "txt", "--out-dir", str(folder))
    assert same.returncode == 10 and same.stderr.count("is an input file") == 3, same.stderr
    onto = run("convert", str(folder), "--to", "txt", "--out-dir", str(folder), "--name", "in-000", "-j", "2")
    assert onto.returncode == 10 and "is an input file" in onto.stderr, onto.stderr
    assert _snapshot(folder) == before


# --- 2. only the output changes; what is not a regular file stays what it is ------------------


def test_dev_null_stays_a_device(tmp_path: Path) -> None:
    """-o /dev/null is written through, not replaced by a regular file (which root could do)."""
    done = run("convert", str(SEED), "--to", "epub", "-o", os.devnull)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not [name for name in os.listdir("/dev") if name.endswith(".part")]


def test_a_device_node_output_is_written_through(tmp_path: Path) -> None:
    """A character device made for the test (the null device's numbers) stays a device."""
    node = tmp_path / "null-device"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError) as error:
        pytest.skip(f"making a device node needs root (and a system that allows it): {error}")
    done = run("convert", str(SEED), "--to", "txt", "-o", str(node))
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(node.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null-device"]


def test_a_fifo_output_is_written_through(tmp_path: Path) -> None:
    """-o FIFO: the reader at the other end gets the whole output, and the FIFO stays a FIFO."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = run("convert", str(SEED), "--to", "txt", "-o", str(fifo), "-q", timeout=60)
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert received == [SEED_TXT]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_output(tmp_path: Path) -> None:
    """-o through a symlink writes the file it names, as a shell does, and the link stays; in
    --out-dir an existing symlink is refused and what it points to is left alone."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    done = run("convert", str(SEED), "--to", "txt", "-o", str(link), "-q")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and real.read_bytes() == SEED_TXT
    out = tmp_path / "out"
    out.mkdir()
    (out / "special-dispatch-10523.txt").symlink_to(real)
    batch = run("convert", str(SEED), "--to", "txt", "--out-dir", str(out), "-q")
    assert batch.returncode == 10 and "is a symbolic link; outputs never replace one" in batch.stderr
    assert real.read_bytes() == SEED_TXT and (out / "special-dispatch-10523.txt").is_symlink()


def test_folders_sockets_and_block_devices_are_refused(tmp_path: Path) -> None:
    """An output path that is a folder or a socket: exit 9, one line, nothing changed."""
    folder = tmp_path / "a-folder.epub"
    folder.mkdir()
    done = run("convert", str(SEED), "--to", "epub", "-o", str(folder))
    assert done.returncode == 9 and "is a folder, not a file" in done.stderr
    short = Path(tempfile.mkdtemp(prefix="dl"))  # a socket's path must be short
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(short / "s"))
            done = run("convert", str(SEED), "--to", "txt", "-o", str(short / "s"))
            assert done.returncode == 9 and "is a socket, not a file" in done.stderr, done.stderr
            assert stat.S_ISSOCK((short / "s").lstat().st_mode)
    finally:
        for path in short.iterdir():
            path.unlink()
        short.rmdir()


def test_plugin_suffixes_cannot_leave_the_output_folder(fake_dist: MakeDist, tmp_path: Path) -> None:
    """An exporter whose suffix holds a path is refused at registration, named, and cannot write."""
    where = fake_dist(
        "dispatchlib-escape",
        """
        import dispatchlib

        @dispatchlib.hookimpl
        def register_exporters(register):
            register(dispatchlib.Exporter(name="escape", export=lambda d, o: b"x", suffix="/../../evil",
                                          media_type="text/plain"))
        """,
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(where), *sys.path])}
    listing = run("plugins", env=env)
    assert "FAILED: plugin dispatchlib_escape" in listing.stdout and "suffix: expected" in listing.stdout
    out = tmp_path / "out"
    done = run("convert", str(SEED), "--to", "escape", "--out-dir", str(out), env=env)
    assert done.returncode == 6 and not (tmp_path / "evil").exists()


# --- 3. no false success ----------------------------------------------------------------------

HOSTILE_PLUGINS = {
    "exit-at-import": "import sys\nsys.exit(0)\n",
    "exit-in-register": """
        import sys, dispatchlib

        @dispatchlib.hookimpl
        def register_exporters(register):
            sys.exit(0)
        """,
    "base-exception-at-import": "class Odd(BaseException):\n    pass\nraise Odd('odd')\n",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_PLUGINS))
def test_a_plugin_that_exits_cannot_end_the_program(fake_dist: MakeDist, tmp_path: Path, kind: str) -> None:
    """A plugin raising SystemExit(0) (or another BaseException) while it loads is a failed plugin:
    'plugins' lists it, a missing input is still exit 3, and a real conversion still works."""
    where = fake_dist("dispatchlib-hostile", HOSTILE_PLUGINS[kind])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(where), *sys.path])}
    listing = run("plugins", env=env)
    assert listing.returncode == 0 and "FAILED: plugin dispatchlib_hostile" in listing.stdout, listing
    assert "dispatchlib.formats.txt" in listing.stdout
    missing = run("convert", str(tmp_path / "missing.txt"), "--to", "txt", env=env)
    assert missing.returncode == 3 and "no such file" in missing.stderr
    done = run("convert", str(SEED), "--to", "txt", "-q", env=env)
    assert done.returncode == 0 and done.stdout.encode() == SEED_TXT


EXPORTERS = {
    "exits": ("import sys\n", "sys.exit(0)", "failed: SystemExit"),
    "returns-str": ("", "return 'text'", "returned str, not bytes"),
    "returns-none": ("", "return None", "returned NoneType, not bytes"),
}


@pytest.mark.parametrize("kind", sorted(EXPORTERS))
def test_a_bad_exporter_is_an_export_error_naming_it(fake_dist: MakeDist, tmp_path: Path, kind: str) -> None:
    """An exporter that exits or returns no bytes: exit 8 naming the exporter and its plugin,
    no file written, in a single conversion and in a batch."""
    head, body, message = EXPORTERS[kind]
    source = f"""
{head}import dispatchlib

def _export(document, options):
    {body}

@dispatchlib.hookimpl
def register_exporters(register):
    register(dispatchlib.Exporter(name="bad", export=_export, suffix=".bad", media_type="text/plain"))
"""
    where = fake_dist("dispatchlib-bad", source)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(where), *sys.path])}
    out = tmp_path / "out.bad"
    done = run("convert", str(SEED), "--to", "bad", "-o", str(out), "-q", env=env)
    assert done.returncode == 8, done.stderr
    assert f"exporter 'bad' (dispatchlib_bad) {message}" in done.stderr and not out.exists()
    batch = run("convert", str(SEED), "--to", "bad", "--out-dir", str(tmp_path / "d"), "-q", env=env)
    assert batch.returncode == 10 and message in batch.stderr and not list((tmp_path / "d").iterdir())


def test_a_processor_or_reader_that_exits(fake_dist: MakeDist, tmp_path: Path) -> None:
    """A process_dispatch hook that exits costs its change only (plugin-failed); a reader that
    exits is a plugin error (exit 7), not a silent success."""
    where = fake_dist(
        "dispatchlib-quits",
        """
        import sys, dispatchlib

        @dispatchlib.hookimpl
        def process_dispatch(dispatch):
            sys.exit(0)

        @dispatchlib.hookimpl
        def register_readers(register):
            register(dispatchlib.Reader(name="quit", read=lambda data, **kw: sys.exit(0), suffixes=(".quit",)))
        """,
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(where), *sys.path])}
    done = run("convert", str(SEED), "--to", "txt", env=env)
    assert done.returncode == 0 and done.stdout.encode() == SEED_TXT
    assert "process_dispatch raised SystemExit" in done.stderr and "[plugin-failed]" in done.stderr
    source = tmp_path / "in.quit"
    source.write_bytes(SEED_BYTES)
    quit_ = run("convert", str(source), "--to", "txt", env=env)
    assert quit_.returncode == 7 and "reader 'quit' (dispatchlib_quits) failed: SystemExit" in quit_.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_inputs_sharing_an_output_name_never_both_report_wrote(tmp_path: Path, jobs: str) -> None:
    """--name mapping two inputs onto one file: one writes it and says so, the other fails
    naming the first; the file holds what the one that 'wrote' made."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED_BYTES)
    (folder / "b.txt").write_bytes(SEED_BYTES.replace(b"Yusin", b"Other"))
    out = tmp_path / "out"
    done = run("convert", str(folder), "--to", "txt", "--out-dir", str(out), "--name", "{number}", "-v", "-j", jobs)
    assert done.returncode == 10, done.stderr
    wrote = [line for line in done.stderr.splitlines() if line.startswith("wrote: ")]
    failed = [line for line in done.stderr.splitlines() if line.startswith("FAILED: ")]
    assert len(wrote) == 1 and len(failed) == 1, done.stderr
    writer = wrote[0].split()[1]
    assert f"already the output of {writer}, which is kept; not written over" in failed[0]
    assert (out / "10523.txt").read_bytes() == dl.export(dl.read_file(writer)[0], "txt")
    if jobs == "1":
        assert writer.endswith("a.txt")


# --- 4. temporary files belong to their run ---------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_only_orphaned_temporary_files_are_removed(tmp_path: Path) -> None:
    """--skip-existing's clean-up removes a dead run's temporary files and very old ones of another
    host; a running run's, a young one of another host, and the user's own files stay."""
    from dispatchlib.output import _host

    host = _host()
    other = "0123abcd" if host != "0123abcd" else "fedc4321"
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        names = {
            f".a.epub.dispatchlib-{host}-{_dead_pid()}-abcd1234.part": False,
            f".b.epub.dispatchlib-{host}-{alive.pid}-abcd1234.part": True,
            f".c.epub.dispatchlib-{other}-{alive.pid}-abcd1234.part": True,
            f".d.epub.dispatchlib-{other}-12345-abcd1234.part": False,  # made old below
            ".e.epub.abcd1234.part": True,  # an older tool's name, or the user's: not provably ours
            "notes.part": True,
            "keep.epub": True,
        }
        for name in names:
            (tmp_path / name).write_bytes(b"x")
        old = time.time() - 3 * 24 * 3600
        os.utime(tmp_path / f".d.epub.dispatchlib-{other}-12345-abcd1234.part", (old, old))
        remove_stale_parts(tmp_path)
        assert {p.name for p in tmp_path.iterdir()} == {name for name, kept in names.items() if kept}
        done = run("convert", str(SEED), "--to", "txt", "--out-dir", str(tmp_path), "--skip-existing", "-q")
        assert done.returncode == 0 and (tmp_path / f".b.epub.dispatchlib-{host}-{alive.pid}-abcd1234.part").exists()
    finally:
        alive.kill()
        alive.wait()


# --- 5. a killed or stopped batch leaves nothing running --------------------------------------


def _marked(mark: str) -> list[int]:
    """The live processes whose environment holds ``mark``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z" and mark.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
    return found


@contextlib.contextmanager
def _batch(tmp_path: Path, count: int = 240) -> Iterator[tuple[subprocess.Popen[bytes], str, Path]]:
    if not Path("/proc/self/environ").exists():
        pytest.skip("finding the workers needs /proc (Linux)")
    inputs = _inputs(tmp_path / "in", count)
    out = tmp_path / "out"
    mark = f"DISPATCHLIB_TEST_MARK={uuid.uuid4().hex}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    command = [sys.executable, "-m", "dispatchlib", "convert", *map(str, inputs), "--to", "epub", "-d", str(out)]
    process = subprocess.Popen([*command, "-j", "2"], env=env, stderr=subprocess.PIPE)
    try:
        while process.poll() is None and len(list(out.glob("*.epub"))) < 5:
            time.sleep(0.005)
        assert process.poll() is None, "the batch finished before it could be stopped"
        assert len(_marked(mark)) >= 3, "the batch and its two workers should be running"
        yield process, mark, out
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def _nothing_left(mark: str) -> list[int]:
    for _ in range(200):
        left = _marked(mark)
        if not left:
            return left
        time.sleep(0.05)
    return _marked(mark)


def _complete_outputs_only(out: Path) -> int:
    books = list(out.glob("*.epub"))
    for book in books:
        with zipfile.ZipFile(book) as archive:
            assert archive.testzip() is None
    return len(books)


def test_kill_9_of_a_batch_leaves_no_worker(tmp_path: Path) -> None:
    """SIGKILL of a -j 2 batch: its workers end too (none is left waiting on a pipe)."""
    with _batch(tmp_path) as (process, mark, out):
        process.kill()
        process.wait()
        assert process.returncode == -9
        assert _nothing_left(mark) == []
        assert _complete_outputs_only(out) >= 5


@pytest.mark.parametrize(
    ("signum", "code", "word"), [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")]
)
def test_sigterm_and_sigint_stop_a_batch_cleanly(tmp_path: Path, signum: int, code: int, word: str) -> None:
    """SIGTERM or Ctrl-C: the batch stops, says how far it got, leaves complete files only and
    no temporary file or worker; --skip-existing then finishes the job."""
    with _batch(tmp_path) as (process, mark, out):
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == code, stderr
        last = stderr.decode().strip().splitlines()[-1]
        assert last.startswith(f"dispatchlib: error: {word}: ") and "not converted" in last, stderr
        assert "--skip-existing" in last and "Traceback" not in stderr.decode()
        assert _nothing_left(mark) == []
        written = _complete_outputs_only(out)
        assert f"{written} written" in last
        assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def _held_step(signum: int, counted: list[str]) -> None:
    """Put a file in place and count it, with ``signum`` arriving between the two steps."""
    from dispatchlib.workers import signals_held

    with signals_held():
        os.kill(os.getpid(), signum)
        time.sleep(0.05)  # the signal is handled here, between the two steps
        counted.append("written")


def test_a_signal_while_a_file_is_put_in_place_waits_until_it_is_counted() -> None:
    """Ctrl-C (or SIGTERM) arriving while the batch puts a file in place and counts it acts only
    when both are done, so the count the batch reports is the files it left."""
    from dispatchlib.cli.signals import Terminated, terminate

    counted: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        _held_step(signal.SIGINT, counted)
    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        with pytest.raises(Terminated):
            _held_step(signal.SIGTERM, counted)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert counted == ["written", "written"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_batch_reports_every_file_it_put_in_place_before_a_stop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C arriving just as the batch puts its second file in place: the caller's count
    (``on_result``, which the command line's summary is made of) still has that file."""
    from dispatchlib import batch

    write = batch._Writer.write

    def write_then_stop(self: batch._Writer, rendered: batch.Rendered) -> batch.Result:
        result = write(self, rendered)
        if result.target and Path(result.target).name == "in-001.txt":
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # the signal arrives here, after the file is in place
        return result

    monkeypatch.setattr(batch._Writer, "write", write_then_stop)
    seen: list[batch.Result] = []
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        batch.convert_many(map(str, _inputs(tmp_path / "in", 4)), to="txt", out_dir=out, on_result=seen.append)
    assert sorted(p.name for p in out.iterdir()) == ["in-000.txt", "in-001.txt"]
    assert [Path(result.target).name for result in seen if result.target] == ["in-000.txt", "in-001.txt"]


# --- 6. reads are bounded ---------------------------------------------------------------------


def test_a_fifo_in_a_folder_or_glob_is_skipped(tmp_path: Path) -> None:
    """A FIFO among a folder's or a glob's files is skipped with a warning; the batch finishes."""
    folder = tmp_path / "in"
    _inputs(folder, 2)
    os.mkfifo(folder / "stuck.txt")
    for given in (str(folder), str(folder / "*.txt")):
        out = tmp_path / f"out-{len(given)}"
        done = run("convert", given, "--to", "txt", "--out-dir", str(out), timeout=60)
        assert done.returncode == 0, done.stderr
        assert "stuck.txt: warning: a FIFO (named pipe), not a file; skipped" in done.stderr
        assert sorted(p.name for p in out.iterdir()) == ["in-000.txt", "in-001.txt"]
    check = run("check", str(folder), timeout=60)
    assert "[skipped-input]" in check.stdout


def test_a_named_fifo_is_read_to_its_end(tmp_path: Path) -> None:
    """A FIFO named on its own is read as cat would read it, up to the size limit."""
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(SEED_BYTES))
    writer.start()
    done = run("convert", str(fifo), "--to", "txt", "-q", timeout=60)
    writer.join(timeout=60)
    assert done.returncode == 0 and done.stdout.encode() == SEED_TXT


@pytest.mark.parametrize("source", ["/dev/zero", "stdin"])
def test_endless_or_large_inputs_stop_at_the_limit(tmp_path: Path, source: str) -> None:
    """/dev/zero and a 3 MB stdin with --max-size 1: refused once past 1 MB, not read whole."""
    if source == "stdin":
        done = run("convert", "-", "--to", "txt", "--max-size", "1", input=SEED_BYTES.decode() * 1000, timeout=60)
        name = "<stdin>"
    else:
        done = run("convert", source, "--to", "txt", "--max-size", "1", timeout=60)
        name = source
    assert done.returncode == 3, done.stderr
    assert done.stderr == f"dispatchlib: error: {name}: more than 1 MB is over the 1 MB limit for one input; " + (
        "split it, or raise the limit with --max-size\n"
    )


# --- error codes name the right side ----------------------------------------------------------


def test_a_full_stdout_is_an_output_error() -> None:
    """Writing to /dev/full: exit 9, naming standard output, for a conversion and for check."""
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    commands = (f"dispatchlib convert '{SEED}' --to json -q > /dev/full", f"dispatchlib check '{SEED}' > /dev/full")
    for command in commands:
        done = shell(command)
        assert done.returncode == 9, (command, done.stderr)
        assert done.stderr == "dispatchlib: error: <stdout>: cannot write: No space left on device\n", done.stderr


def test_a_closed_stdout_is_an_output_error() -> None:
    """stdout closed (>&-): exit 9 saying so, not an internal error; -o FILE still works."""
    for command in (f"dispatchlib convert '{SEED}' --to json -q >&-", "dispatchlib formats >&-"):
        done = shell(command)
        assert done.returncode == 9, (command, done.stderr)
        assert "standard output is closed" in done.stderr and "internal error" not in done.stderr


def test_a_closed_stdout_does_not_stop_writing_a_file(tmp_path: Path) -> None:
    done = shell(f"dispatchlib convert '{SEED}' --to txt -q -o '{tmp_path / 'out.txt'}' >&-")
    assert done.returncode == 0 and (tmp_path / "out.txt").read_bytes() == SEED_TXT


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 256 KB tmpfs, for a disk that fills up (root only)."""
    where = Path(tempfile.mkdtemp(prefix="dl-full-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"mounting a small tmpfs needs root: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)
        where.rmdir()


def test_a_full_disk_is_an_output_error_and_leaves_nothing(small_disk: Path) -> None:
    """An EPUB that does not fit on the disk: exit 9 naming the file, and no partial or temporary
    file left behind; the file that was there before stays whole."""
    (small_disk / "filler").write_bytes(b"\0" * 240_000)
    (small_disk / "book.epub").write_bytes(b"previous")
    done = run("convert", str(SEED), "--to", "epub", "-o", str(small_disk / "book.epub"), "-q")
    assert done.returncode == 9, done.stderr
    assert done.stderr == f"dispatchlib: error: {small_disk / 'book.epub'}: cannot write: No space left on device\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["book.epub", "filler"]
    assert (small_disk / "book.epub").read_bytes() == b"previous"


def test_a_part_is_put_in_place_with_the_checks_of_write_atomic(tmp_path: Path, small_disk: Path) -> None:
    """finish_part, the batch's second step after a worker's write_part: a FIFO is written
    through, a symlink (where refused) and an input are refused, another file system is
    crossed by a copy; the part is gone in every case."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    finish_part(write_part(tmp_path, "pipe.txt", b"through"), fifo)
    reader.join(timeout=60)
    assert received == [b"through"] and stat.S_ISFIFO(fifo.lstat().st_mode)
    (tmp_path / "link.txt").symlink_to(SEED)
    with pytest.raises(dl.OutputError, match="is a symbolic link"):
        finish_part(write_part(tmp_path, "link.txt", b"x"), tmp_path / "link.txt", follow_links=False)
    (tmp_path / "input.txt").write_bytes(b"input")
    with pytest.raises(dl.OutputError, match="is an input file"):
        finish_part(
            write_part(tmp_path, "input.txt", b"x"),
            tmp_path / "input.txt",
            inputs=dl.input_identities([str(tmp_path / "input.txt")]),
        )
    finish_part(write_part(tmp_path, "book.epub", b"elsewhere"), small_disk / "book.epub")
    assert (small_disk / "book.epub").read_bytes() == b"elsewhere" and (tmp_path / "input.txt").read_bytes() == b"input"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.txt", "link.txt", "pipe.txt"]
    assert sorted(p.name for p in small_disk.iterdir()) == ["book.epub"]


def test_sigterm_of_a_single_conversion(tmp_path: Path) -> None:
    """SIGTERM while one conversion reads a FIFO that never ends: exit 143, one line, no file."""
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out.epub"
    process = subprocess.Popen(
        [sys.executable, "-m", "dispatchlib", "convert", str(fifo), "-o", str(out)], stderr=subprocess.PIPE
    )
    with open(fifo, "wb") as writer:  # opened once the reader has it open: the program is running
        writer.write(SEED_BYTES[:100])
        writer.flush()
        time.sleep(0.5)
        process.terminate()
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143 and stderr.decode().strip() == "dispatchlib: error: terminated"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]
