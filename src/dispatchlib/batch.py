"""Converting many inputs, one output each: folders and globs, output names, any executor.

:func:`convert_many` is what ``dispatchlib convert --out-dir`` runs. Each input is one job,
converted by :func:`convert_one` in whatever :class:`concurrent.futures.Executor` is given (a
process pool for ``-j N``, or a Dask cluster's ``Client.get_executor()``), so an archive larger
than one machine runs the same way. A failed input never stops the others: its
:class:`Result` carries the one-line reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import attrs
from attrs import field, frozen

from .convert import export_reporting, read_file
from .decoding import DEFAULT_MAX_SIZE
from .errors import DispatchlibError, OutputError
from .labels import display_title
from .metadata import apply_metadata
from .model import Collection, Document
from .options import ExportOptions
from .output import (
    complete_output,
    finish_part,
    flush_to_disk,
    output_name,
    refuse_inputs,
    remove_stale_parts,
    write_atomic,
    write_part,
)
from .plugins import default_host
from .sources import FileIdentity, expand_inputs, input_folders, input_identities, recording_reads
from .workers import signals_held, stop_workers, worker_pool

if TYPE_CHECKING:
    from concurrent.futures import Executor

__all__ = ["Job", "Result", "convert_many", "convert_one", "expand_inputs", "render_one", "worker_pool"]

NAME_FIELDS = ("stem", "suffix", "parent", "dir", "series", "number", "date", "slug")


@frozen(kw_only=True)
class Job:
    """One input to convert, with everything a worker process needs (it pickles)."""

    source: str
    to: str
    out_dir: str
    name: str | None = None
    folder: str = ""
    options: ExportOptions = field(factory=ExportOptions)
    strict: bool = False
    format: str | None = None
    encoding: str | None = None
    fix_text: bool = False
    max_size: int = DEFAULT_MAX_SIZE
    skip_existing: bool = False
    metadata: dict[str, list[str]] = field(factory=dict)
    # the batch's process id, when the worker writes the output to a temporary file in out_dir for
    # that process (named for it: the part is orphaned when that process is gone) and sends its name
    part_owner: int | None = None


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


def check_name_template(template: str) -> None:
    """Raise ValueError unless ``template`` is a usable output-name template (see :func:`target_name`)."""
    import string

    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        raise ValueError(f"{template!r} is not a name template: {error}") from None
    unknown = [name for name in fields if name not in NAME_FIELDS]
    if unknown or "" in fields:
        raise ValueError(f"{template!r}: unknown field {{{(unknown or [''])[0]}}}; the fields are {_field_list()}")


def _cut(slug: str, limit: int) -> str:
    """``slug`` cut to ``limit`` characters where a word ends (slugify's own word_boundary skips
    the words that do not fit and goes on with shorter ones)."""
    if len(slug) <= limit:
        return slug
    return slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[: limit + 1] else slug[:limit]


def _field_list() -> str:
    return ", ".join(f"{{{name}}}" for name in NAME_FIELDS)


def target_name(document: Document, source: str, template: str | None, suffix: str, folder: str = "") -> str:
    """The output file's path under the output folder: the input's name, or ``template`` filled
    from the input and the dispatch.

    The fields are ``{stem}`` (the input's name without its suffix), ``{suffix}`` (its suffix
    without the dot, lower-case: ``page.html`` and ``page.mhtml`` become ``{stem}-{suffix}``
    ``page-html`` and ``page-mhtml``), ``{parent}`` (the name of
    its folder), ``{dir}`` (its folder below the folder or glob it was found under: ``{dir}/{stem}``
    mirrors the input tree), ``{series}``, ``{number}``, ``{date}`` (ISO) and ``{slug}`` (the
    title, lower-case ASCII with hyphens, at most 60 characters, cut at a word). The values have
    no spaces (``-`` instead) or ``&`` (``and``); what the template itself says is kept, and a
    ``/`` in it makes folders. Each part of the result is made safe for any file system, without
    the separators an empty field leaves at its ends (``{date}-{slug}`` without a date is the slug).
    """
    stem = Path(source).stem
    if template is None:
        return output_name(stem, suffix)
    from slugify import slugify

    first = document.dispatches[0] if isinstance(document, Collection) else document
    values = {
        "stem": stem,
        "suffix": Path(source).suffix[1:].lower(),
        "parent": Path(source).resolve().parent.name,
        "dir": folder,
        "series": first.series or "",
        "number": "" if first.number is None else str(first.number),
        "date": first.date.isoformat() if first.date else "",
        "slug": _cut(slugify(display_title(first)[:200]), 60),
    }
    tidy = {
        key: value if key == "dir" else value.replace("&", "and").replace(" ", "-") for key, value in values.items()
    }
    check_name_template(template)
    parts = [part.strip(" -_.") for part in template.format(**tidy).split("/")]
    parts = [part for part in parts if part]
    if not parts:
        return output_name("", suffix)
    return "/".join([*(output_name(part, "") for part in parts[:-1]), output_name(parts[-1], suffix)])


@frozen(kw_only=True)
class Rendered:
    """One input read and exported, not yet in place: what a worker sends back. The output is
    ``data``, or the temporary file ``part`` (:func:`~dispatchlib.output.write_part`)."""

    source: str
    name: str | None = None
    data: bytes | None = None
    part: str | None = None
    error: str | None = None
    skipped: bool = False
    warnings: tuple[str, ...] = ()
    beside: tuple[tuple[str, bytes], ...] = ()  # files to write beside the output, by path from its folder
    read: frozenset[FileIdentity] = frozenset()  # the files reading the input read: never written over


def render_one(job: Job) -> Rendered:
    """Read and export one input, touching no file but a temporary one; every failure becomes
    the ``error``.

    Workers run this. The process that runs the batch alone puts outputs in place, so that it can
    refuse outputs that are inputs or that two inputs would share; with ``job.part_owner`` the worker
    writes the output to a temporary file in the output folder and only its name comes back
    (sending the bytes back kept that process busy on a core the workers needed).
    """
    exporter = default_host().exporter(job.to)
    suffix = exporter.suffix
    folder = Path(job.out_dir)
    if job.skip_existing and job.name is None:
        known = output_name(Path(job.source).stem, suffix)
        if complete_output(folder / known):  # no need to read the input to know its output's name
            return Rendered(source=job.source, name=known, skipped=True)
    try:
        with recording_reads() as read:
            document, diagnostics = read_file(
                job.source, strict=job.strict, encoding=job.encoding, fix_text=job.fix_text, max_size=job.max_size
            )
        document, options = apply_metadata(document, job.options, job.metadata)
        name = target_name(document, job.source, job.name, suffix, job.folder)
        if job.skip_existing and complete_output(folder / name):
            return Rendered(source=job.source, name=name, skipped=True)
        beside: tuple[tuple[str, bytes], ...] = ()
        if exporter.files is not None:  # a web page's pictures go beside it, in NAME_files/
            options = attrs.evolve(options, beside=beside_folder(name))
            beside = tuple(exporter.files(document, options).items())
        data, exported = export_reporting(document, job.to, options, source=job.source)
        diagnostics += exported
        part = write_part(folder, name, data, job.part_owner) if job.part_owner and not beside else None
    except DispatchlibError as error:
        return Rendered(source=job.source, error=str(error))
    except ValueError as error:  # metadata that does not fit this input (a series index for a collection)
        return Rendered(source=job.source, error=f"{job.source}: -M {error}")
    except Exception as error:  # a bug, ours or a plugin's: reported for this file, the batch goes on
        return Rendered(source=job.source, error=f"internal error: {type(error).__name__}: {error}")
    warnings = tuple(str(d) for d in diagnostics if d.severity.value != "info")
    if part is not None:
        return Rendered(source=job.source, name=name, part=part, warnings=warnings, read=frozenset(read))
    return Rendered(source=job.source, name=name, data=data, warnings=warnings, beside=beside, read=frozenset(read))


class _Writer:
    """Writes what workers rendered, in one process: each output once, never over an input."""

    def __init__(self, folder: Path, inputs: frozenset[FileIdentity], template: str | None = None) -> None:
        self.folder = folder
        self.inputs = inputs
        self.writers: dict[str, str] = {}
        self.template = template or "{stem}"

    def advice(self, first: str, second: str) -> str:
        """How to give two inputs names of their own: the fields the template does not use yet,
        the one that tells these two apart first (``{suffix}`` for page.html and page.mhtml)."""
        apart = ["suffix"] if Path(first).suffix.lower() != Path(second).suffix.lower() else []
        apart += ["dir"] if Path(first).parent != Path(second).parent else []
        unused = [f"{{{name}}}" for name in (*apart, "stem", "number", "slug") if f"{{{name}}}" not in self.template]
        unused = list(dict.fromkeys(unused))
        return f"give --name a template with {' or '.join(unused)}" if unused else "change the --name template"

    def write(self, rendered: Rendered) -> Result:
        if rendered.error is not None or rendered.name is None:
            return Result(source=rendered.source, error=rendered.error or "nothing was rendered")
        target = str(self.folder / rendered.name)
        first = self.writers.get(target)
        if first is not None:
            _discard(rendered)
            advice = self.advice(first, rendered.source)
            reason = f"{target}: already the output of {first}, which is kept; not written over ({advice})"
            return Result(source=rendered.source, error=reason)
        if not rendered.skipped:
            written: list[Path] = []
            self.inputs |= rendered.read
            try:
                refuse_inputs(target, self.inputs)  # before the files beside it, which a refusal would take back
                for relative, data in rendered.beside:
                    written.append(self._write_beside(rendered.name, relative, data))
                if "/" in rendered.name:
                    _make_folders(self.folder, rendered.name)
                if rendered.part is not None:
                    finish_part(rendered.part, target, inputs=self.inputs, follow_links=False)
                else:
                    write_atomic(target, rendered.data or b"", sync=False, inputs=self.inputs, follow_links=False)
            except OutputError as error:
                _discard(rendered)
                for done in written:  # no picture without its page
                    done.unlink(missing_ok=True)
                return Result(source=rendered.source, error=str(error))
        self.writers[target] = rendered.source
        return Result(source=rendered.source, target=target, skipped=rendered.skipped, warnings=rendered.warnings)

    def _write_beside(self, name: str, path: str, data: bytes) -> Path:
        """One file the exporter keeps beside the output ``name``: inside the output's folder,
        in the folder the exporter was given, written as safely as the output itself."""
        relative = (PurePosixPath(name).parent / path).as_posix()
        parts = PurePosixPath(path).parts
        if not parts or PurePosixPath(path).is_absolute() or ".." in parts or parts[0] != beside_folder(name):
            raise OutputError(f"{self.folder / name}: the exporter named a file outside its folder: {path!r}")
        _make_folders(self.folder, relative)
        write_atomic(self.folder / relative, data, sync=False, inputs=self.inputs, follow_links=False)
        return self.folder / relative


def _discard(rendered: Rendered) -> None:
    """Remove the temporary file of an output that is not put in place."""
    if rendered.part is not None:
        Path(rendered.part).unlink(missing_ok=True)


def beside_folder(name: str) -> str:
    """The folder an output keeps its files in, beside it, as a browser saves a page: ``report_files``."""
    return f"{Path(name).stem}_files"


def _make_folders(folder: Path, name: str) -> None:
    """The folders of ``name`` under ``folder``; a symlink among them is refused (it could lead out)."""
    path = folder
    for part in name.split("/")[:-1]:
        path = path / part
        if path.is_symlink():
            raise OutputError(f"{path}: a symbolic link; outputs are not written through one")
        try:
            path.mkdir(exist_ok=True)
        except OSError as error:
            raise OutputError(f"{path}: cannot make the folder: {error.strerror}") from None


def convert_one(job: Job) -> Result:
    """Read, export and write one input (see :func:`render_one`); the input itself is never
    written over."""
    writer = _Writer(Path(job.out_dir), input_identities([job.source]), job.name)
    result = writer.write(render_one(job))
    flush_to_disk()
    return result


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
    metadata: dict[str, list[str]] | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Convert each input (files, folders, globs) to one file in ``out_dir``; results in input order.

    Executors only read and render; this process puts every file in place, in input order. The
    workers of a :class:`~concurrent.futures.ProcessPoolExecutor` (on this machine) write each
    output to a temporary file in ``out_dir`` and send back its name; any other executor (a
    cluster's) sends back the bytes. No input is ever written over, whatever the names; when two
    inputs would write the same file, the first writes it and the second fails, saying so. Files
    are not synced to disk one by one: the batch asks the system to flush them once, at the end
    (also when it is interrupted, after removing the temporary files of outputs it did not finish).

    :param inputs: files, folders (searched recursively) and globs.
    :param to: the output format's name.
    :param out_dir: the folder to write into; made if missing.
    :param options: the export options for every output.
    :param name: an output-name template (see :func:`target_name`); by default the input's name.
    :param executor: runs the jobs, e.g. :func:`worker_pool` or a Dask
        ``Client(...).get_executor()``; by default they run one after another in this process.
    :param skip_existing: keep outputs that exist already (resume an interrupted run).
    :param strict: read each input strictly: its first error fails it.
    :param format: the reader's name for every input; by default chosen by each one's suffix.
    :param encoding: the inputs' encoding, as for :func:`~dispatchlib.read_bytes`.
    :param fix_text: repair mojibake with ftfy.
    :param max_size: refuse an input larger than this many bytes.
    :param metadata: ``-M`` metadata for every input (see :func:`~dispatchlib.metadata.parse_metadata`).
    :param on_result: called with each result as it arrives (for progress).
    """
    default_host().exporter(to)  # an unknown format fails before any work
    if name is not None:
        check_name_template(name)  # so does a bad name template
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot make the output folder: {error.strerror}") from None
    if skip_existing:
        remove_stale_parts(folder)
    inputs = list(inputs)
    sources = expand_inputs(inputs)
    parts = executor is not None and _on_this_machine(executor)
    folders = input_folders(inputs, sources)
    jobs = [
        Job(
            source=source,
            to=to,
            out_dir=str(folder),
            name=name,
            folder=folders.get(source, ""),
            options=options or ExportOptions(),
            strict=strict,
            encoding=encoding,
            fix_text=fix_text,
            max_size=max_size,
            skip_existing=skip_existing,
            metadata=metadata or {},
            part_owner=os.getpid() if parts else None,
        )
        for source in sources
    ]
    writer = _Writer(folder, input_identities(sources), name)
    results: dict[int, Result] = {}

    waiting: dict[int, Rendered] = {}

    def record(index: int) -> None:
        """Put one file in place and report it, with no stop between: a file put in place is a
        file counted, by us and by ``on_result``."""
        with signals_held():
            results[index] = writer.write(waiting.pop(index))
            if on_result:
                on_result(results[index])

    def done(index: int, rendered: Rendered) -> None:
        """Write what has come back, in input order: when two inputs want one name, the first
        input gets it, whichever worker finished first."""
        waiting[index] = rendered
        while len(results) in waiting:
            record(len(results))

    try:
        if executor is None:
            for index, job in enumerate(jobs):
                done(index, render_one(job))
        else:
            from concurrent.futures import as_completed
            from concurrent.futures.process import BrokenProcessPool

            size = _chunk_size(len(jobs))
            chunks = [range(start, min(start + size, len(jobs))) for start in range(0, len(jobs), size)]
            futures = {executor.submit(_render_chunk, [jobs[index] for index in chunk]): chunk for chunk in chunks}
            lost: list[int] = []  # the jobs of a worker that died, and of those lost with it
            try:
                for future in as_completed(futures):
                    try:
                        chunk_results = future.result()
                    except BrokenProcessPool:
                        lost += futures[future]
                        continue
                    for index, rendered in zip(futures[future], chunk_results, strict=True):
                        done(index, rendered)
                for index, rendered in zip(sorted(lost), _alone([jobs[i] for i in sorted(lost)]), strict=True):
                    done(index, rendered)
                if lost:  # what the pool's workers were writing when it broke
                    remove_stale_parts(folder, ours=True)
            except BaseException:
                if parts:
                    stop_workers(list(futures))
                    for index in sorted(waiting):  # finished before the stop: kept, whatever the order
                        record(index)
                    remove_stale_parts(folder, ours=True)  # what the stopped workers were writing
                raise
    finally:
        flush_to_disk()  # once for the whole batch: a sync per file cost more than writing it
    return [results[index] for index in range(len(jobs))]


def _chunk_size(count: int) -> int:
    """Jobs sent to a worker at a time: one message per file kept the main process busy on a core
    the workers need (a 400-book batch with -j 2 took 4.5 s, in chunks 4.0 s); with 64 chunks or
    more the work is still shared out evenly."""
    return max(1, min(16, count // 64))


def _on_this_machine(executor: Executor) -> bool:
    """True for a process pool, whose workers share this machine's disk."""
    from concurrent.futures import ProcessPoolExecutor

    return isinstance(executor, ProcessPoolExecutor)


def _alone(jobs: list[Job]) -> Iterator[Rendered]:
    """Each of ``jobs`` rendered again, each in a process of its own, after a worker died (a
    crash in a library, the system's out-of-memory killer): only the input that kills its
    process fails, with the reason; the others are converted."""
    from concurrent.futures import ThreadPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def alone(job: Job) -> Rendered:
        with worker_pool(1) as pool:
            try:
                return pool.submit(render_one, job).result()
            except BrokenProcessPool:
                reason = "the process reading and converting it died (a crash in a library it uses, or out of memory)"
                return Rendered(source=job.source, error=f"{job.source}: {reason}")

    with ThreadPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as threads:
        yield from threads.map(alone, jobs)


def _render_chunk(jobs: list[Job]) -> list[Rendered]:
    return [render_one(job) for job in jobs]
