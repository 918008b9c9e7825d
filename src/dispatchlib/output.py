"""Writing output files so that a failure never leaves a partial or empty file behind."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["complete_output", "flush_to_disk", "output_name", "remove_stale_parts", "write_atomic"]

_PART = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.part")
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
_MAX_NAME_BYTES = 200  # below every common file system's 255, with room for the temporary name


def output_name(stem: str, suffix: str) -> str:
    """A file name from ``stem`` (an input's name, a title) that is safe on any file system.

    Path separators, control characters and characters Windows forbids become ``_``; leading dots
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


def remove_stale_parts(folder: Path) -> None:
    """Remove the temporary files a killed run of :func:`write_atomic` left in ``folder``."""
    for path in folder.iterdir():
        if _PART.fullmatch(path.name) and path.is_file():
            path.unlink(missing_ok=True)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place in one step.

    A crash or a kill leaves either the old file or the complete new one. With ``sync`` the data
    reaches the disk before the move, so even a power cut cannot leave an empty file; a batch
    passes ``sync=False`` and flushes all its files once at the end (:func:`flush_to_disk`).
    Raises :class:`OutputError` naming the file when it cannot be written.
    """
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    except OSError as error:
        raise OutputError(f"{target}: cannot write here: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write: {error.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
