"""Converting many inputs, one output each: folders and globs, output names, any executor.

:func:`convert_many` is what ``dispatchlib convert --out-dir`` runs. Each input is one job,
converted by :func:`convert_one` in whatever :class:`concurrent.futures.Executor` is given (a
process pool for ``-j N``, or a Dask cluster's ``Client.get_executor()``), so an archive larger
than one machine runs the same way. A failed input never stops the others: its
:class:`Result` carries the one-line reason.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import field, frozen

from .convert import export, read_file
from .decoding import DEFAULT_MAX_SIZE
from .errors import DispatchlibError, OutputError
from .labels import display_title
from .model import Collection, Document
from .options import ExportOptions
from .output import complete_output, flush_to_disk, output_name, remove_stale_parts, write_atomic
from .plugins import default_host

if TYPE_CHECKING:
    from concurrent.futures import Executor

__all__ = ["Job", "Result", "convert_many", "convert_one", "expand_inputs"]

NAME_FIELDS = ("stem", "series", "number", "date", "slug")


@frozen(kw_only=True)
class Job:
    """One input to convert, with everything a worker process needs (it pickles)."""

    source: str
    to: str
    out_dir: str
    name: str | None = None
    options: ExportOptions = field(factory=ExportOptions)
    strict: bool = False
    format: str | None = None
    encoding: str | None = None
    fix_text: bool = False
    max_size: int = DEFAULT_MAX_SIZE
    skip_existing: bool = False


@frozen(kw_only=True)
class Result:
    """What became of one input: the file written, or why not."""

    source: str
    target: str | None = None
    error: str | None = None
    skipped: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True unless the input failed."""
        return self.error is None


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files from files, folders (searched recursively for files some reader takes) and globs.

    A name that is neither an existing path nor a matching glob is kept, so that reading it
    reports it as missing.
    """
    import glob

    suffixes = tuple(suffix for reader in default_host().readers.values() for suffix in reader.suffixes)
    found: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            files = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(suffixes))
            found += files or [item]  # an empty folder is reported when it is read
        elif item != "-" and not path.exists() and glob.has_magic(item):
            found += sorted(glob.glob(item, recursive=True)) or [item]
        else:
            found.append(item)
    return list(dict.fromkeys(found))


def target_name(document: Document, source: str, template: str | None, suffix: str) -> str:
    """The output file name: the input's name, or ``template`` filled from the dispatch's fields.

    The fields are ``{stem}`` (the input's name without its suffix), ``{series}``, ``{number}``,
    ``{date}`` (ISO) and ``{slug}`` (the title, lower-case ASCII with hyphens, at most 60
    characters). The result is made safe for any file system.
    """
    stem = Path(source).stem
    if template is None:
        return output_name(stem, suffix)
    from slugify import slugify

    first = document.dispatches[0] if isinstance(document, Collection) and document.dispatches else document
    fields = {"stem": stem, "series": "", "number": "", "date": "", "slug": ""}
    if not isinstance(first, Collection):
        fields.update(
            series=first.series or "",
            number="" if first.number is None else str(first.number),
            date=first.date.isoformat() if first.date else "",
            slug=slugify(display_title(first), max_length=60),
        )
    try:
        name = template.format(**fields)
    except (KeyError, IndexError, ValueError) as error:
        raise OutputError(f"--name {template!r}: use only the fields {', '.join(NAME_FIELDS)} ({error})") from None
    return output_name(name, suffix)


def convert_one(job: Job) -> Result:
    """Read, export and write one input; every failure becomes the result's one-line ``error``."""
    suffix = default_host().exporter(job.to).suffix
    folder = Path(job.out_dir)
    if job.skip_existing and job.name is None:
        known = folder / output_name(Path(job.source).stem, suffix)
        if complete_output(known):  # no need to read the input to know its output's name
            return Result(source=job.source, target=str(known), skipped=True)
    try:
        document, diagnostics = read_file(
            job.source, strict=job.strict, encoding=job.encoding, fix_text=job.fix_text, max_size=job.max_size
        )
        target = folder / target_name(document, job.source, job.name, suffix)
        if job.skip_existing and complete_output(target):
            return Result(source=job.source, target=str(target), skipped=True)
        if target.exists() and os.path.samefile(target, job.source):
            raise OutputError(f"{target}: is the input file; it is never overwritten")
        write_atomic(target, export(document, job.to, job.options), sync=False)  # flushed at the end
    except DispatchlibError as error:
        return Result(source=job.source, error=str(error))
    except Exception as error:  # a bug, ours or a plugin's: reported for this file, the batch goes on
        return Result(source=job.source, error=f"internal error: {type(error).__name__}: {error}")
    warnings = tuple(str(d) for d in diagnostics if d.severity.value != "info")
    return Result(source=job.source, target=str(target), warnings=warnings)


def convert_many(
    inputs: Iterable[str],
    *,
    to: str,
    out_dir: str | os.PathLike[str],
    options: ExportOptions | None = None,
    name: str | None = None,
    executor: Executor | None = None,
    skip_existing: bool = False,
    strict: bool = False,
    format: str | None = None,
    encoding: str | None = None,
    fix_text: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    on_result: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Convert each input (files, folders, globs) to one file in ``out_dir``; results in input order.

    :param to: the output format's name.
    :param name: an output-name template (see :func:`target_name`); by default the input's name.
    :param executor: runs the jobs, e.g. a ``ProcessPoolExecutor`` or a Dask
        ``Client(...).get_executor()``; by default they run one after another in this process.
    :param skip_existing: keep outputs that exist already (resume an interrupted run).
    :param on_result: called with each result as it arrives (for progress).

    Two inputs that would write the same file are both reported as failed after the second. Files
    are not synced to disk one by one: the batch asks the system to flush them once, at the end.
    """
    default_host().exporter(to)  # an unknown format fails before any work
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot make the output folder: {error.strerror}") from None
    if skip_existing:
        remove_stale_parts(folder)
    sources = expand_inputs(inputs)
    if name is None:
        stems = Counter(output_name(Path(source).stem, "") for source in sources)
        twice = sorted(stem for stem, count in stems.items() if count > 1)
        if twice:
            raise OutputError(
                f"several inputs are called {', '.join(twice)} and would write the same file; "
                "give --name a template with {number} or {slug}, or convert them in separate runs"
            )
    jobs = [
        Job(
            source=source,
            to=to,
            out_dir=str(folder),
            name=name,
            options=options or ExportOptions(),
            strict=strict,
            encoding=encoding,
            fix_text=fix_text,
            max_size=max_size,
            skip_existing=skip_existing,
        )
        for source in sources
    ]
    results: dict[int, Result] = {}
    if executor is None:
        for index, job in enumerate(jobs):
            results[index] = convert_one(job)
            if on_result:
                on_result(results[index])
    else:
        from concurrent.futures import as_completed

        size = _chunk_size(len(jobs))
        chunks = [range(start, min(start + size, len(jobs))) for start in range(0, len(jobs), size)]
        futures = {executor.submit(_convert_chunk, [jobs[index] for index in chunk]): chunk for chunk in chunks}
        for future in as_completed(futures):
            for index, result in zip(futures[future], future.result(), strict=True):
                results[index] = result
                if on_result:
                    on_result(result)
    flush_to_disk()  # once for the whole batch: a sync per file cost more than writing it
    return _flag_clashes([results[index] for index in range(len(jobs))])


def _chunk_size(count: int) -> int:
    """Jobs sent to a worker at a time: one message per file kept the main process busy on a core
    the workers need (a 400-book batch with -j 2 took 4.5 s, in chunks 4.0 s); with 64 chunks or
    more the work is still shared out evenly."""
    return max(1, min(16, count // 64))


def _convert_chunk(jobs: list[Job]) -> list[Result]:
    return [convert_one(job) for job in jobs]


def _flag_clashes(results: list[Result]) -> list[Result]:
    writers: dict[str, str] = {}
    checked = []
    for result in results:
        if result.target and not result.skipped and result.target in writers:
            reason = (
                f"{result.target}: also the output of {writers[result.target]}; one overwrote the other "
                "(add {stem} or {number} to --name)"
            )
            result = Result(source=result.source, error=reason)
        elif result.target:
            writers[result.target] = result.source
        checked.append(result)
    return checked
