"""A dispatchlib exporter to PDF, registered as ``pdf``: Typst typesets a document written here
from the model, with the notes as real footnotes at the foot of the page that cites them.

The text is set in Libertinus Serif (regular, italic, bold, bold italic: Latin, Greek, Cyrillic,
Hebrew), with Noto Serif for Armenian and Georgian and dispatchlib's bundled font for Arabic and
Persian; ``-O font-path=FOLDER`` adds the user's fonts for other scripts (Chinese). A character
no font draws is a :class:`PDFWarning` naming its script and what to install. The PDF is tagged
(PDF/UA-1, with each run's language), and its bytes depend only on the input: the creation date
is the dispatch's date, or ``SOURCE_DATE_EPOCH``. ``-O pdf-archive=yes`` makes it PDF/A-2b as
well. ``--paper a4`` (the default) or ``letter``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dispatchlib as dl

__all__ = ["ARCHIVE", "FONT_PATH", "PDFWarning", "register_exporters", "register_options"]

ARCHIVE = dl.ExportOption(
    name="pdf-archive",
    formats=("pdf",),
    type="bool",
    help="make the PDF PDF/A-2b (archival) as well as PDF/UA-1",
    default=False,
)
FONT_PATH = dl.ExportOption(
    name="font-path",
    formats=("pdf",),
    type="str",
    help=f"folders or font files ('{os.pathsep}' between them) for scripts the bundled fonts lack, such as Chinese",
    default="",
)
_FOLDER_PREFIX = "dispatchlib-pdf-"
_UNDRAWN = re.compile(r'the text `"(.+?)"` could not be displayed')


class PDFWarning(UserWarning):
    """Something the PDF could not do as asked: a character no font draws, PDF/UA-1 not claimed."""


def _font_folders(user: str) -> list[str]:
    from importlib import resources

    core = resources.files("dispatchlib.formats").joinpath("fonts")
    folders = [str(core), str(Path(__file__).parent / "fonts")]
    for entry in filter(None, user.split(os.pathsep)):
        path = Path(entry).expanduser()
        if not path.exists():
            raise dl.ExportError(f"-O font-path: no folder or font file at {entry}")
        folders.append(str(path))
    return folders


@functools.cache
def _fonts(folders: tuple[str, ...]) -> Any:
    """The fonts Typst may use, read once per process: never the system's, so that the PDF is the
    same on every machine."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=list(folders))


def _sweep_orphans(folder: Path) -> None:
    """Remove the picture folders of PDF exports whose process is gone (killed before its own
    clean-up could run)."""
    if os.name != "posix":  # os.kill(pid, 0) only asks on POSIX
        return
    for orphan in folder.glob(f"{_FOLDER_PREFIX}*"):
        pid = orphan.name.removeprefix(_FOLDER_PREFIX).split("-")[0]
        if not pid.isdigit():  # named as versions before 0.2 did: gone only once a day old
            with contextlib.suppress(OSError):
                if time.time() - orphan.stat().st_mtime > 86400:
                    shutil.rmtree(orphan, ignore_errors=True)
            continue
        try:
            os.kill(int(pid), 0)
            continue
        except PermissionError:  # another user's live process
            continue
        except (ProcessLookupError, OverflowError):
            shutil.rmtree(orphan, ignore_errors=True)


class _Folder:
    """The folder Typst reads the source and the pictures from, named after this process, so that
    a later export removes it if this one is killed before its own clean-up runs. (Typst can
    compile from memory, but then it memoizes nothing from one compile to the next: exporting the
    same document again took ten times as long.)"""

    def __init__(self) -> None:
        temporary = Path(tempfile.gettempdir())
        _sweep_orphans(temporary)
        self.path = Path(tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-", dir=temporary))
        self.count = 0

    def keep(self, data: bytes, suffix: str) -> str:
        """Keep a picture's bytes for Typst to read; the name to read them by."""
        self.count += 1
        name = f"f{self.count}.{suffix}"
        (self.path / name).write_bytes(data)
        return name

    def __enter__(self) -> _Folder:
        return self

    def __exit__(self, *_: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _undrawn(error: Exception) -> list[str]:
    diagnostic = str(getattr(error, "diagnostic", "")) or str(error)
    return list(dict.fromkeys(char for cluster in _UNDRAWN.findall(diagnostic) for char in cluster))


def _missing_fonts(undrawn: list[str]) -> str:
    from . import _scripts

    return f"no font the PDF may use has {_scripts.describe(undrawn)} and pass its folder as -O font-path=FOLDER"


def _why_not_accessible(error: Exception) -> str:
    undrawn = _undrawn(error)
    if undrawn:
        return (
            f"{_missing_fonts(undrawn)}; left blank, they keep the PDF from claiming PDF/UA-1, "
            "which wants every character drawn"
        )
    return f"the PDF does not claim PDF/UA-1: {getattr(error, 'message', '') or error}"


def to_pdf(document: dl.Document, options: dl.ExportOptions) -> bytes:
    """The PDF bytes of a dispatch or a collection."""
    import typst

    from ._typst import to_typst

    archive = bool(options.get(ARCHIVE.name, ARCHIVE.default))
    fonts = _fonts(tuple(_font_folders(str(options.get(FONT_PATH.name, FONT_PATH.default) or ""))))
    with _Folder() as folder:
        main = folder.path / "main.typ"
        main.write_text(to_typst(document, options, folder.keep), encoding="utf-8")

        def compile_with(standards: list[str]) -> bytes:
            data = typst.compile(str(main), root=str(folder.path), font_paths=fonts, pdf_standards=standards)
            assert isinstance(data, bytes)
            return data

        try:
            return compile_with(["ua-1", "a-2b"] if archive else ["ua-1"])
        except typst.TypstError as error:
            if "PDF/UA-1 error" not in str(getattr(error, "message", "")):
                raise dl.ExportError(f"Typst could not typeset the PDF: {error}") from None
            reason = _why_not_accessible(error)
        try:  # still tagged, and the text is still there to copy
            data = compile_with(["a-2b"] if archive else [])
        except typst.TypstError as error:
            undrawn = _undrawn(error)
            if undrawn:  # PDF/A wants every character drawn too
                raise dl.ExportError(f"-O pdf-archive: {_missing_fonts(undrawn)}") from None
            raise dl.ExportError(f"Typst could not typeset the PDF: {error}") from None
    warnings.warn(reason, PDFWarning, stacklevel=2)
    return data


@dl.hookimpl
def register_options(register: Callable[[dl.ExportOption], None]) -> None:
    """``-O pdf-archive=yes``, ``-O font-path=FOLDER``."""
    register(ARCHIVE)
    register(FONT_PATH)


@dl.hookimpl
def register_exporters(register: Callable[[dl.Exporter], None]) -> None:
    """The ``pdf`` exporter."""
    register(
        dl.Exporter(
            name="pdf",
            export=to_pdf,
            suffix=".pdf",
            media_type="application/pdf",
            binary=True,
            description="print-ready PDF with footnotes (dispatchlib-pdf, Typst)",
            reads=frozenset({"title", "language", "paper"}),
            needs=("typst",),
            install="dispatchlib-pdf",
        )
    )
