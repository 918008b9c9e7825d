"""Finding and reading inputs: folders and globs become regular files, and every read is bounded.

Folders and globs yield only regular files (a FIFO, a device or a socket among them would block or
never end; each is skipped with a ``skipped-input`` diagnostic). A file named on its own is read
whatever it is, as ``cat`` would, but never past the size limit: the limit is applied while
reading, so ``/dev/zero``, a FIFO or a large stdin cost at most the limit in memory.
:func:`file_identity` names a file by device and inode, so that an output that is an input under
another name (a symlink, a hard link, the file stdin was redirected from) is recognised.
"""

from __future__ import annotations

import functools
import glob
import os
import stat
from collections.abc import Iterable
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
    "over_limit",
    "read_limited",
    "read_source",
]

FileIdentity = tuple[int, int]
_CHUNK = 1 << 20


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
        if item != "-" and path.is_dir():
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


def read_source(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the file at ``path``, at most ``limit`` of them; :class:`InputError` says why not.

    A regular file larger than the limit is refused before it is read; anything else (a FIFO, a
    device, ``/dev/stdin``) is read until it ends or passes the limit.
    """
    name = os.fspath(path)
    try:
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
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
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise over_limit(name, limit, size=info.st_size)
        return read_limited(descriptor, limit, name)
    except IsADirectoryError:
        raise _folder(name) from None
    except InputError:
        raise
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror}") from None
    finally:
        os.close(descriptor)


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
    """The identities of the files among ``sources`` that exist, ``'-'`` standing for stdin."""
    found = (file_identity(0 if source == "-" else source) for source in sources)
    return frozenset(identity for identity in found if identity is not None)
