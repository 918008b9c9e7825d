"""Writing output files: never a partial file, never over an input, never in place of a device.

:func:`write_atomic` writes a regular file through a temporary file beside it and one rename, so a
crash or a kill leaves the old file or the complete new one. An existing path that is not a
regular file is not replaced by that rename: a character device (``/dev/null``) or a FIFO is
written through, as a shell's ``>`` would; a block device, a socket or a folder is refused; a
symbolic link is followed to the file it names, or refused where a batch asks for that. The
temporary files carry the tool's name, the host and the process id, so that
:func:`remove_stale_parts` recognises the leftovers of a killed run and never touches another
run's files or the user's own.

The same write can be done in two steps, by two processes: :func:`write_part` writes the
temporary file (a batch's worker), :func:`finish_part` checks the target as :func:`write_atomic`
does and renames the part into place (the process that runs the batch), so that the bytes never
travel between them.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
import time
import zlib
from collections.abc import Collection
from pathlib import Path

from .errors import OutputError
from .sources import FileIdentity, file_identity, kind_of

__all__ = [
    "complete_output",
    "finish_part",
    "flush_to_disk",
    "output_name",
    "refuse_inputs",
    "remove_stale_parts",
    "write_atomic",
    "write_part",
]

_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\ud800-\udfff]+')  # surrogates: bytes of a name not in UTF-8
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
_MAX_NAME_BYTES = 200  # below every common file system's 255, with room for the temporary name
_PART = re.compile(r"\..+\.dispatchlib-(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)-[a-z0-9_]+\.part")
_ORPHAN_AGE = 24 * 3600  # seconds after which another host's temporary file is surely orphaned


@functools.cache
def _host() -> str:
    """This host, as eight hex digits (its name's CRC-32) for the temporary files' names."""
    import platform

    return f"{zlib.crc32(platform.node().encode('utf-8', 'replace')):08x}"


def output_name(stem: str, suffix: str) -> str:
    """A file name from ``stem`` (an input's name, a title) that is safe on any file system.

    Path separators, control characters, characters Windows forbids and the bytes of an input's
    name that are not UTF-8 become ``_``; leading dots
    and trailing dots and spaces go (so ``..`` cannot climb out of the output folder); Windows'
    reserved device names get a ``_``; the name is cut to 200 bytes of UTF-8 at a character
    boundary. An empty result becomes ``dispatch``.
    """
    name = _UNSAFE_NAME.sub("_", stem).strip().lstrip(".").rstrip(". ")
    if name.split(".")[0].lower() in _RESERVED:
        name = f"_{name}"
    limit = _MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    name = name.encode("utf-8")[:limit].decode("utf-8", errors="ignore").rstrip(". ")
    return f"{name or 'dispatch'}{suffix}"


def remove_stale_parts(folder: Path, *, ours: bool = False) -> None:
    """Remove the temporary files that killed runs of :func:`write_atomic` left in ``folder``:
    those of a process of this host that is no longer running, and any more than a day old. No
    other file is touched, whatever its name. With ``ours``, this process's are removed too, in
    ``folder`` and the folders under it (what its stopped workers were writing)."""
    host = _host()
    paths = (Path(top, name) for top, _, names in os.walk(folder) for name in names) if ours else folder.iterdir()
    for path in paths:
        match = _PART.fullmatch(path.name)
        if match is None:
            continue
        try:
            info = path.lstat()
        except OSError:
            continue
        orphaned = time.time() - info.st_mtime > _ORPHAN_AGE
        if match["host"] == host and (not _running(int(match["pid"])) or (ours and int(match["pid"]) == os.getpid())):
            orphaned = True
        if orphaned and stat.S_ISREG(info.st_mode):
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or not ours to ask about: keep its files
    return True


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    sync: bool = True,
    inputs: Collection[FileIdentity] = (),
    follow_links: bool = True,
) -> None:
    """Write ``data`` to ``path`` so that a failure never leaves a partial or empty file behind.
    Raises :class:`OutputError` naming the file when it cannot or must not be written.

    :param path: the file to write.
    :param data: its whole content.
    :param sync: the data reaches the disk before the rename, so even a power cut cannot leave an
        empty file; a batch passes False and flushes all its files once at the end
        (:func:`flush_to_disk`).
    :param inputs: identities (:func:`~dispatchlib.sources.file_identity`) of the run's input
        files; a ``path`` that is one of them, under any name, is refused.
    :param follow_links: write through a symbolic link to the file it names; False refuses one.
    """
    target, through = _target(path, inputs, follow_links)
    if through:
        _write_through(target, data)
    else:
        _replace(target, data, sync)


def write_part(folder: str | os.PathLike[str], name: str, data: bytes, owner: int | None = None) -> str:
    """Write ``data`` to a new temporary file in ``folder`` for the output ``name`` (a path
    below ``folder``) and return the temporary file's path, for :func:`finish_part` in the
    process ``owner`` (by default this one), whose id the name carries. Not synced: a batch
    flushes its files at the end."""
    return _part(Path(folder), Path(name).name, data, sync=False, owner=owner)


def finish_part(
    part: str, path: str | os.PathLike[str], *, inputs: Collection[FileIdentity] = (), follow_links: bool = True
) -> None:
    """Put the temporary file ``part`` (from :func:`write_part`, on the same file system) in place as
    ``path``, after the checks of :func:`write_atomic`; the part is gone afterwards, whatever
    happens. Raises :class:`OutputError` as :func:`write_atomic` does."""
    placed = False
    try:
        target, through = _target(path, inputs, follow_links)
        if through:
            _write_through(target, Path(part).read_bytes())
            return
        try:
            os.replace(part, target)
            placed = True
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise OutputError(f"{target}: cannot write: {error.strerror}") from None
            _replace(target, Path(part).read_bytes(), sync=False)  # another file system is mounted there
    finally:
        if not placed:
            Path(part).unlink(missing_ok=True)


def _target(path: str | os.PathLike[str], inputs: Collection[FileIdentity], follow_links: bool) -> tuple[Path, bool]:
    """The file ``path`` writes to, and whether it is a device or FIFO to write through; raises
    :class:`OutputError` where no output may go."""
    target = Path(path)
    try:
        info: os.stat_result | None = target.lstat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"{target}: cannot write here: {error.strerror}") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        if not follow_links:
            raise OutputError(f"{target}: is a symbolic link; outputs never replace one; remove it first")
        target = Path(os.path.realpath(target))
        try:
            info = target.stat()
        except FileNotFoundError:
            info = None
        except OSError as error:
            raise OutputError(f"{path}: cannot write through the link: {error.strerror}") from None
    if info is None:
        return target, False
    if (info.st_dev, info.st_ino) in inputs:
        raise _is_input(path)
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return target, True
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path}: is {kind_of(info.st_mode)}, not a file; choose another output")
    return target, False


def refuse_inputs(path: str | os.PathLike[str] | int, inputs: Collection[FileIdentity]) -> None:
    """Raise :class:`OutputError` if ``path`` (or descriptor: 1 for stdout) is one of ``inputs``,
    under whatever name: a check to make before the work that :func:`write_atomic` would refuse
    to save."""
    if file_identity(path) in inputs:
        raise _is_input(path)


def _is_input(path: str | os.PathLike[str] | int) -> OutputError:
    name = "<stdout>" if isinstance(path, int) else os.fspath(path)
    return OutputError(f"{name}: is an input file; it is never overwritten; choose another output")


def _write_through(target: Path, data: bytes) -> None:
    """Write into a device or FIFO as a shell's ``>`` does: it stays what it is."""
    try:
        with open(target, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise OutputError(f"{target}: cannot write: {error.strerror}") from None


def _replace(target: Path, data: bytes, sync: bool) -> None:
    temporary = _part(target.parent, target.name, data, sync)
    try:
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write: {error.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _part(folder: Path, name: str, data: bytes, sync: bool, owner: int | None = None) -> str:
    """A new temporary file in ``folder``, named for the output ``name`` and the process that
    will put it in place, holding ``data``."""
    try:
        handle, temporary = _new_file(folder, f".{name}.dispatchlib-{_host()}-{owner or os.getpid()}-")
    except OSError as error:
        raise OutputError(f"{folder / name}: cannot write here: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{folder / name}: cannot write: {error.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def _new_file(folder: Path, prefix: str) -> tuple[int, str]:
    """A file of ``folder`` that did not exist, opened for writing, as ``tempfile.mkstemp`` makes
    one (``O_EXCL``, no link followed, private until renamed); the random part comes from
    ``os.urandom`` because importing tempfile (with shutil and random) cost a tenth of a
    one-file run's start-up."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(5).hex()}.part")
        with contextlib.suppress(FileExistsError):  # one in a trillion: draw again
            return os.open(path, flags, 0o600), path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def flush_to_disk() -> None:
    """Ask the system to write every file still held in memory to disk (where it can)."""
    if hasattr(os, "sync"):
        os.sync()


def complete_output(path: Path) -> bool:
    """True if ``path`` is a finished output: a non-empty file (a power cut can leave an empty one)."""
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
