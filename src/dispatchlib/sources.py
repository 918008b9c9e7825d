"""Finding and reading inputs: folders and globs become regular files, and every read is bounded.

Folders and globs yield only regular files (a FIFO, a device or a socket among them would block or
never end; each is skipped with a ``skipped-input`` diagnostic). An input named on its own is read
whatever it is, as ``cat`` would, but never past the size limit: the limit is applied while
reading, so ``/dev/zero``, a FIFO or a large stdin cost at most the limit in memory. A file an
input or an option only points to (a page's image, a cover, a style sheet, a reference document)
is read only when it is a regular file (``regular=True``), and a page's image only from inside
the page's folder (:func:`local_file`).
:func:`file_identity` names a file by device and inode, so that an output that is an input under
another name (a symlink, a hard link, the file stdin was redirected from) is recognised.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .diagnostics import Diagnostic, diagnostic
from .errors import InputError

__all__ = [
    "expand_inputs",
    "file_identity",
    "find_inputs",
    "input_identities",
    "kind_of",
    "local_file",
    "over_limit",
    "read_limited",
    "read_source",
    "recording_reads",
]

FileIdentity = tuple[int, int]
_CHUNK = 1 << 20
_reads: contextvars.ContextVar[set[FileIdentity] | None] = contextvars.ContextVar("dispatchlib_reads", default=None)


def _suffixes() -> tuple[str, ...]:
    from .plugins import default_host

    return tuple(suffix for reader in default_host().readers.values() for suffix in reader.suffixes)


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, from its ``st_mode``: ``a FIFO (named pipe)``."""
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def find_inputs(inputs: Iterable[str]) -> tuple[list[str], list[Diagnostic]]:
    """Files from files, folders (searched recursively for files some reader takes) and globs.

    A name that is neither an existing path nor a matching glob is kept, so that reading it
    reports it as missing; so is an empty folder. What a folder or glob holds that is not a
    regular file is left out, with a ``skipped-input`` diagnostic for each.
    """
    suffixes = _suffixes()
    found: list[str] = []
    skipped: list[Diagnostic] = []

    def regular(candidates: Iterable[str]) -> list[str]:
        kept = []
        for name in candidates:
            try:
                mode = os.stat(name).st_mode
            except OSError:
                continue  # a dangling symlink, or gone since it was listed
            if stat.S_ISREG(mode):
                kept.append(name)
            elif not stat.S_ISDIR(mode):
                message = f"{kind_of(mode)}, not a file; skipped (name it on its own to read it)"
                skipped.append(diagnostic("skipped-input", message, source=name))
        return kept

    for item in inputs:
        path = Path(item)
        if item not in ("-", "") and path.is_dir():  # Path("") is the working folder: not named
            found += regular(_folder_files(path, suffixes)) or [item]  # an empty folder is reported when it is read
        elif item != "-" and not os.path.lexists(item) and glob.has_magic(item):
            found += regular(sorted(glob.glob(item, recursive=True))) or [item]
        else:
            found.append(item)
    return list(dict.fromkeys(found)), skipped


def _folder_files(top: Path, suffixes: tuple[str, ...]) -> list[str]:
    """The files under ``top`` whose names end in one of ``suffixes``, sorted, as ``rglob`` names
    them (symlinked folders are not entered), without a saved page's resources. os.walk, not
    rglob: making a Path of every file was most of the cost of finding 1,000 inputs."""
    names = []
    for folder, _, files in os.walk(top):
        nested = folder != str(top)
        for name in files:
            if name.lower().endswith(suffixes):
                full = os.path.join(folder, name)
                if not (nested and _page_resource(Path(full), top)):
                    names.append(full)
    return sorted(names)


def _page_resource(path: Path, top: Path) -> bool:
    """True for a file in the ``NAME_files`` folder a browser saves beside ``NAME.html`` ("Web
    page, complete"): the page's images, styles and frames, not inputs of their own."""
    for folder in path.relative_to(top).parents:
        name = folder.name
        if name.endswith("_files") and any(
            (top / folder).with_name(name.removesuffix("_files") + suffix).exists() for suffix in (".html", ".htm")
        ):
            return True
    return False


def input_folders(inputs: Iterable[str], sources: Iterable[str]) -> dict[str, str]:
    """For each of ``sources`` found under a folder or glob of ``inputs``, its folder relative to
    that folder (or to the glob's fixed start), with ``/`` between parts; "" for a file named itself."""
    roots = []
    for item in inputs:
        if item != "-" and Path(item).is_dir():
            roots.append(Path(item))
        elif item != "-" and glob.has_magic(item):
            parts = Path(item).parts
            magic_at = next(i for i, part in enumerate(parts) if glob.has_magic(part))
            roots.append(Path(*parts[:magic_at]) if magic_at else Path("."))

    @functools.cache  # by the source's folder: most sources share a few
    def below(folder: str) -> str | None:
        for root in roots:
            try:
                relative = Path(folder).relative_to(root)
            except ValueError:
                continue
            return "" if relative == Path(".") else relative.as_posix()
        return None

    out = {}
    for source in sources:
        relative = below(os.path.dirname(source) or ".")
        if relative is not None:
            out[source] = relative
    return out


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """The files :func:`find_inputs` finds, without its diagnostics."""
    return find_inputs(inputs)[0]


def read_limited(stream: BinaryIO | int, limit: int, name: str) -> bytes:
    """Everything ``stream`` (a binary file or a descriptor) holds, or :class:`InputError` as soon
    as it holds more than ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = os.read(stream, _CHUNK) if isinstance(stream, int) else stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise over_limit(name, limit, more=True)
        chunks.append(chunk)


def over_limit(name: str, limit: int, *, size: int | None = None, more: bool = False) -> InputError:
    """The error for an input larger than ``limit`` bytes."""
    amount = f"more than {limit / 2**20:g} MB" if more or size is None else f"{size / 2**20:.1f} MB"
    return InputError(
        f"{name}: {amount} is over the {limit / 2**20:g} MB limit for one input; split it, or raise the limit "
        "with --max-size"
    )


def read_source(path: str | os.PathLike[str], limit: int, *, regular: bool = False) -> bytes:
    """The bytes of the file at ``path``, at most ``limit`` of them; :class:`InputError` says why not.

    A regular file larger than the limit is refused before it is read; anything else (a FIFO, a
    device, ``/dev/stdin``) is read until it ends or passes the limit, or, with ``regular``,
    refused without waiting (a FIFO is opened without blocking, and never read).
    """
    name = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | (os.O_NONBLOCK if regular else 0)
    try:
        descriptor = os.open(name, flags)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise _folder(name) from None
    except PermissionError:
        raise InputError(f"{name}: not allowed to read it; check its permissions") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror}") from None
    try:
        info = os.fstat(descriptor)
        if regular and not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: {kind_of(info.st_mode)}, not a file; not read")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise over_limit(name, limit, size=info.st_size)
        recorded = _reads.get()
        if recorded is not None:
            recorded.add((info.st_dev, info.st_ino))
        return read_limited(descriptor, limit, name)
    except IsADirectoryError:
        raise _folder(name) from None
    except InputError:
        raise
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror}") from None
    finally:
        os.close(descriptor)


def local_file(address: str, folder: str | os.PathLike[str]) -> Path:
    """The real path of the file a page's ``address`` names, relative to the page's ``folder``
    (``NAME_files/a.png``, ``./a.png``, ``a%20b.png``) or absolute (``file:``, ``FILE:``,
    ``file:/``, ``file://localhost/``), symbolic links and ``..`` resolved; ``LookupError`` if it
    is not a local address or not inside ``folder`` (its real path)."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(address.strip())
    if parts.scheme in ("http", "https"):
        raise LookupError(
            "on the web, not beside the saved page (save it as 'Web page, complete', or convert the page's address)"
        )
    if parts.scheme not in ("", "file") or parts.netloc.lower() not in ("", "localhost") or not parts.path:
        raise LookupError("not a file beside the saved page")
    if parts.scheme == "" and parts.netloc:
        raise LookupError("not a file beside the saved page")
    home = Path(os.path.realpath(folder))
    try:
        named = unquote(parts.path, errors="strict")
    except UnicodeDecodeError:
        raise LookupError("not a file name (percent-escapes that are not UTF-8)") from None
    if "\x00" in named:
        raise LookupError("not a file name (it holds a NUL)")
    path = Path(os.path.realpath(home / named if parts.scheme == "" and not named.startswith("/") else named))
    if not path.is_relative_to(home):
        raise LookupError("outside the saved page's folder; not read")
    return path


@contextlib.contextmanager
def recording_reads() -> Iterator[set[FileIdentity]]:
    """The identities of the files :func:`read_source` reads inside the ``with`` (an input, its
    images, a cover): files that the outputs of the work must never land on."""
    recorded: set[FileIdentity] = set()
    token = _reads.set(recorded)
    try:
        yield recorded
    finally:
        _reads.reset(token)


def _folder(name: str) -> InputError:
    return InputError(f"{name}: is a folder, not a file, and holds no file dispatchlib reads")


def file_identity(path: str | os.PathLike[str] | int) -> FileIdentity | None:
    """The device and inode of the file at ``path`` (symlinks followed) or of a descriptor; None if
    there is no such file."""
    try:
        info = os.fstat(path) if isinstance(path, int) else os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def input_identities(sources: Iterable[str]) -> frozenset[FileIdentity]:
    """The identities of the files among ``sources`` that exist, ``'-'`` standing for stdin, and
    of the files in each saved page's ``NAME_files`` folder (what the page reads)."""
    found: list[FileIdentity | None] = []
    for source in sources:
        found.append(file_identity(0 if source == "-" else source))
        if source.lower().endswith((".html", ".htm")):
            resources = source[: source.rindex(".")] + "_files"
            found += (
                file_identity(os.path.join(folder, name)) for folder, _, names in os.walk(resources) for name in names
            )
    return frozenset(identity for identity in found if identity is not None)
