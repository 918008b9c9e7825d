"""The plugin host: readers and exporters, built-in and installed, behind one pluggy manager.

:func:`make_plugin_host` builds a fresh host: it registers the built-in plugins from
:data:`BUILTIN_PLUGINS`, then every installed plugin of the ``dispatchlib`` entry-point group
(restricted by ``DISPATCHLIB_LOAD_PLUGINS``, a comma-separated list of entry-point or distribution
names; empty loads none), and collects their readers and exporters through the hooks in
:mod:`dispatchlib.hookspecs`. A plugin that fails to import or register is recorded in
:attr:`PluginHost.failures` and the others keep working; with ``DISPATCHLIB_STRICT_PLUGINS=1``
the failure raises :class:`~dispatchlib.errors.PluginError` instead.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import math
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pluggy
from attrs import field, frozen

from . import hookspecs
from .diagnostics import Diagnostic
from .errors import FormatError, PluginError
from .model import Dispatch, Document
from .options import ExportOptions

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PLUGIN_PACKAGES",
    "WEB_EXTRA",
    "WEB_NEEDS",
    "ExportOption",
    "Exporter",
    "PluginFailure",
    "PluginHost",
    "Reader",
    "default_host",
    "make_plugin_host",
    "missing",
    "plugin_format",
    "unavailable",
]

ENTRY_POINT_GROUP = "dispatchlib"
BUILTIN_PLUGINS = (
    "dispatchlib.formats.txt",
    "dispatchlib.formats.json",
    "dispatchlib.formats.epub",
    "dispatchlib.formats.docx",
    "dispatchlib.formats.html",
    "dispatchlib.formats.mail",
)

ExportFunction = Callable[[Document, ExportOptions], bytes]
ReadFunction = Callable[..., tuple[Document, list[Diagnostic]]]
_SUFFIX = re.compile(r"(\.[A-Za-z0-9][A-Za-z0-9_-]*){1,3}")


def contained(error: BaseException) -> bool:
    """True if a plugin's ``error`` is the plugin's failure alone: any exception, and exits such as
    ``SystemExit`` a plugin may raise (which must not end the program, or end it with success).
    Only ``KeyboardInterrupt`` (Ctrl-C, SIGTERM) goes on to stop the program."""
    return not isinstance(error, KeyboardInterrupt)


def _check_suffix(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or len(value) > 24 or not _SUFFIX.fullmatch(value):
        raise ValueError(f"suffix: expected a file-name ending such as '.epub' or '.tar.gz', got {value!r}")


@frozen(kw_only=True)
class Exporter:
    """An output format.

    - ``name``: the one word users type (``--to NAME``), also the suggested module name.
    - ``export``: ``export(document, options) -> bytes``; ``document`` is a
        :class:`~dispatchlib.Dispatch` or a :class:`~dispatchlib.Collection`.
    - ``suffix``: the file-name ending, with its dot (``.epub``): letters, digits, ``-`` and
        ``_``, so that no output name can leave the output folder.
    - ``media_type``: the IANA media type of the output.
    - ``binary``: True if the output is not text (it is not written to a terminal).
    - ``reads``: the :class:`~dispatchlib.ExportOptions` fields the exporter uses (``"paper"``,
        ``"css"``, ...), so that the command line can warn about options that do nothing for it;
        None (the default) says nothing, and nothing is warned about.
    - ``files``: ``files(document, options) -> {path: bytes}``, the files an output keeps beside
      it when ``options.beside`` names a folder (paths start with that folder); a batch with
      ``--out-dir`` writes them next to the output. None: the output is one file.
    - ``needs``: the modules it imports that may be missing (``("docx", "lxml")``), and
    - ``install``: what to ``pip install`` for them (``"dispatchbook[docx]"``): see :func:`missing`.
    """

    name: str
    export: ExportFunction
    suffix: str = field(validator=_check_suffix)
    media_type: str
    description: str = ""
    binary: bool = False
    reads: frozenset[str] | None = None
    files: Callable[[Document, ExportOptions], dict[str, bytes]] | None = None
    needs: tuple[str, ...] = ()
    install: str = ""


def _suffixes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Reader:
    """An input format.

    - ``read``: ``read(data, *, source, strict) -> (document, diagnostics)`` from the file's bytes.
    - ``suffixes``: file-name endings (``.json``) this reader is chosen for.
    - ``files``: ``files(document, options) -> {path: bytes}``, the files an output keeps beside
      it when ``options.beside`` names a folder (paths start with that folder); a batch with
      ``--out-dir`` writes them next to the output. None: the output is one file.
    - ``needs``: the modules it imports that may be missing, and ``install`` what to
        ``pip install`` for them, as for :class:`Exporter`.
    - ``raw``: True if ``read`` takes the input's bytes as they are and decodes them itself, by
      what they declare (an e-mail's parts); otherwise it gets them as UTF-8.
    - ``charset``: ``charset(data) -> name or None``, the charset an input declares inside itself
      (a page's ``<meta charset>``), which then wins over a guess.
    """

    name: str
    read: ReadFunction
    suffixes: tuple[str, ...] = field(converter=_suffixes)
    description: str = ""
    needs: tuple[str, ...] = ()
    install: str = ""
    raw: bool = False
    charset: Callable[[bytes], str | None] | None = None


#: The formats the plugin packages in the repository's ``plugins/`` folder add, with their file
#: suffix and package: asking for one of them when it is not installed says what to install.
PLUGIN_PACKAGES = {
    "md": (".md", "dispatchlib-markdown"),
    "ninjs": (".ninjs.json", "dispatchlib-ninjs"),
    "pdf": (".pdf", "dispatchlib-pdf"),
}


def plugin_format(filename: str) -> str | None:
    """The plugin package format whose suffix ``filename`` has (``report.pdf``: ``pdf``), if any."""
    lowered = filename.lower()
    return next((name for name, (suffix, _) in PLUGIN_PACKAGES.items() if lowered.endswith(suffix)), None)


def missing(item: Exporter | Reader) -> str | None:
    """What a format needs and is not installed, with the pip command for it; None if nothing."""
    return unavailable(f"the {item.name} format", item.needs, item.install)


#: What web addresses as inputs need (httpx to fetch, lxml to read the page) and the extra for it.
WEB_NEEDS = ("httpx", "lxml")
WEB_EXTRA = "dispatchbook[web]"


def unavailable(what: str, needs: Iterable[str], install: str) -> str | None:
    """``"{what} needs X: pip install '{install}'"`` for the modules of ``needs`` that are not
    installed; None if all are."""
    import importlib.util

    gone = [name for name in needs if importlib.util.find_spec(name) is None]
    if not gone:
        return None
    return f"{what} needs {', '.join(gone)}: pip install '{install or ' '.join(gone)}'"


_OPTION_NAME = re.compile(r"[a-z][a-z0-9-]*")
_OPTION_TYPES: dict[str, Callable[[str], Any]] = {"str": str, "int": int, "float": float}
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _check_option_name(_instance: object, _attribute: object, value: str) -> None:
    if not _OPTION_NAME.fullmatch(value):
        raise ValueError(f"option name {value!r}: lower-case letters, digits and '-', starting with a letter")


@frozen(kw_only=True)
class ExportOption:
    """An option a plugin adds for its formats: ``-O NAME=VALUE`` on the command line, listed by
    ``dispatchlib formats``; its exporter reads it with ``options.get(NAME, default)``.

    - ``name``: lower-case letters, digits and ``-`` (``margin-mm``).
    - ``formats``: the exporters it is for (their names).
    - ``type``: ``str``, ``int``, ``float`` or ``bool`` (``1/0``, ``true/false``, ``yes/no``, ``on/off``).
    - ``help``: one line saying what it does.
    - ``default``: what the exporter uses when it is not given (shown in the help).
    - ``minimum``, ``maximum``: for ``int`` and ``float``, the smallest and largest value taken,
      checked with the command line, before any input is read.
    """

    name: str = field(validator=_check_option_name)
    formats: tuple[str, ...] = field(converter=tuple)
    type: Literal["str", "int", "float", "bool"] = "str"
    help: str = ""
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None

    def parse(self, text: str) -> Any:
        """The value ``text`` stands for; ValueError says why it is not one."""
        if self.type == "bool":
            if text.lower() in _TRUE + _FALSE:
                return text.lower() in _TRUE
            raise ValueError(f"{self.name}: expected one of {'/'.join(_TRUE + _FALSE)}, got {text!r}")
        try:
            value = _OPTION_TYPES[self.type](text)
        except ValueError:
            raise ValueError(
                f"{self.name}: expected {'a number' if self.type != 'str' else 'text'}, got {text!r}"
            ) from None
        if self.type in ("int", "float"):
            low = -math.inf if self.minimum is None else self.minimum
            high = math.inf if self.maximum is None else self.maximum
            if not (math.isfinite(value) and low <= value <= high):
                bounds = [f"at least {low:g}" * math.isfinite(low), f"at most {high:g}" * math.isfinite(high)]
                wanted = " and ".join(bound for bound in bounds if bound) or "that is finite"
                raise ValueError(f"{self.name}: expected a number {wanted}, got {text!r}")
        return value


@frozen(kw_only=True)
class PluginFailure:
    """A plugin that could not be loaded or registered, and why."""

    name: str
    reason: str
    distribution: str | None = None
    version: str | None = None

    def __str__(self) -> str:
        who = self.name
        if self.distribution:
            who += f" ({self.distribution} {self.version or ''})".rstrip(" )") + ")"
        return f"plugin {who}: {self.reason}"


class PluginHost:
    """The readers and exporters of one plugin manager, with who registered each."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager
        self.exporters: dict[str, Exporter] = {}
        self.readers: dict[str, Reader] = {}
        self.options: dict[str, ExportOption] = {}
        self.owners: dict[tuple[str, str], str] = {}
        self.failures: list[PluginFailure] = []
        self.distributions: dict[str, tuple[str, str]] = {}

    def _add(self, kind: str, table: dict[str, Any], item: Exporter | Reader | ExportOption, owner: str) -> None:
        taken = self.owners.get((kind, item.name))
        if taken is not None:
            raise PluginError(f"{kind} {item.name!r} is registered by {taken!r} and again by {owner!r}")
        table[item.name] = item
        self.owners[(kind, item.name)] = owner

    def add_exporter(self, exporter: Exporter, owner: str = "<api>") -> None:
        """Register an exporter directly; raises :class:`PluginError` if the name is taken."""
        self._add("exporter", self.exporters, exporter, owner)

    def add_reader(self, reader: Reader, owner: str = "<api>") -> None:
        """Register a reader directly; raises :class:`PluginError` if the name is taken."""
        self._add("reader", self.readers, reader, owner)

    def options_for(self, exporter: str) -> list[ExportOption]:
        """The plugin options that the exporter named ``exporter`` takes."""
        return [option for option in self.options.values() if exporter in option.formats]

    def exporter(self, name: str) -> Exporter:
        """The exporter registered as ``name``; :class:`FormatError` lists the known ones if none."""
        try:
            return self.exporters[name]
        except KeyError:
            if name in PLUGIN_PACKAGES:
                package = PLUGIN_PACKAGES[name][1]
                raise FormatError(
                    f"the {name} format is the plugin {package}, which is not installed: "
                    f"pip install ./plugins/{package} (in a clone of dispatchlib; see docs/install.md)"
                ) from None
            known = ", ".join(sorted(self.exporters))
            raise FormatError(f"no output format {name!r}; known formats: {known}") from None

    def exporter_for_file(self, filename: str) -> Exporter | None:
        """The exporter whose suffix ``filename`` ends in, if one does; the longest suffix wins
        (``.ninjs.json`` over ``.json``)."""
        lowered = filename.lower()
        matches = [e for e in self.exporters.values() if lowered.endswith(e.suffix)]
        return max(matches, key=lambda e: len(e.suffix), default=None)

    def reader_for(self, filename: str, name: str | None = None) -> Reader:
        """The reader named ``name``, else the one whose suffix ``filename`` has (the longest
        suffix wins), else ``txt``."""
        if name is not None:
            if name not in self.readers:
                known = ", ".join(sorted(self.readers))
                raise FormatError(f"no input format {name!r}; known formats: {known}")
            return self.readers[name]
        lowered = filename.lower()
        matches = [(len(s), r) for r in self.readers.values() for s in r.suffixes if lowered.endswith(s)]
        return max(matches, key=lambda match: match[0])[1] if matches else self.readers["txt"]

    def process(self, document: Document) -> tuple[Document, list[PluginFailure]]:
        """``document`` passed through every plugin's ``process_dispatch`` hook, in plugin order."""
        if isinstance(document, Dispatch):
            return self._process(document)
        results = [self._process(dispatch) for dispatch in document.dispatches]
        dispatches = tuple(dispatch for dispatch, _ in results)
        return attrs.evolve(document, dispatches=dispatches), [f for _, found in results for f in found]

    def _process(self, dispatch: Dispatch) -> tuple[Dispatch, list[PluginFailure]]:
        failures: list[PluginFailure] = []
        for impl in self.manager.hook.process_dispatch.get_hookimpls():
            try:
                changed = impl.function(dispatch=dispatch)
            except BaseException as error:  # a filter's bug costs its change, not the conversion
                if not contained(error):
                    raise
                failure = self._failure(impl.plugin_name, f"process_dispatch raised {type(error).__name__}: {error}")
                if os.environ.get("DISPATCHLIB_STRICT_PLUGINS", "") not in ("", "0"):
                    raise PluginError(str(failure)) from error
                failures.append(failure)
                continue
            if isinstance(changed, Dispatch):
                dispatch = changed
            elif changed is not None:
                kind = type(changed).__name__
                failures.append(self._failure(impl.plugin_name, f"process_dispatch returned {kind}, not a Dispatch"))
        return dispatch, failures

    def fail(self, failure: PluginFailure) -> None:
        """Record a failed plugin, or raise if ``DISPATCHLIB_STRICT_PLUGINS`` asks for that."""
        if os.environ.get("DISPATCHLIB_STRICT_PLUGINS", "") not in ("", "0"):
            raise PluginError(str(failure))
        self.failures.append(failure)

    def collect(self) -> None:
        """Call every plugin's registration hooks, one plugin at a time, so each is on its own."""
        tables: dict[str, dict[str, Any]] = {"reader": self.readers, "exporter": self.exporters, "option": self.options}
        for hook, kind in (
            (self.manager.hook.register_readers, "reader"),
            (self.manager.hook.register_exporters, "exporter"),
            (self.manager.hook.register_options, "option"),
        ):
            for impl in hook.get_hookimpls():  # in registration order: built-ins first
                owner = impl.plugin_name
                table = tables[kind]

                def register(item: Any, owner: str = owner, kind: str = kind, table: Any = table) -> None:
                    self._add(kind, table, item, owner)

                try:
                    impl.function(register)
                except BaseException as error:  # a plugin's bug must not take the others down
                    if not contained(error):
                        raise
                    self.fail(self._failure(owner, f"{type(error).__name__}: {error}"))

    def _failure(self, name: str, reason: str) -> PluginFailure:
        distribution, version = self.distributions.get(name, (None, None))
        return PluginFailure(name=name, reason=reason, distribution=distribution, version=version)


def _allowed(name: str, distribution: tuple[str, str] | None, allow: set[str] | None) -> bool:
    return allow is None or name in allow or (distribution is not None and distribution[0] in allow)


def _entry(entry_point: EntryPoint) -> tuple[EntryPoint, tuple[str, str] | None]:
    dist = entry_point.dist
    return entry_point, (dist.name, dist.version) if dist is not None else None


def _installed_plugins() -> list[tuple[EntryPoint | _CachedEntryPoint, tuple[str, str] | None]]:
    """The ``dispatchlib`` entry points of the installed distributions, each with its
    distribution's name and version.

    Finding them reads the metadata of every installed distribution (20 ms with 60 of them, and
    more with each install), so the result is kept in the user's cache folder, keyed on every
    ``sys.path`` folder and the time it last changed: installing or removing a distribution
    changes its folder, and the next run reads the metadata again (see :func:`_unchanged` for
    the folders that hold none). ``DISPATCHLIB_NO_PLUGIN_CACHE=1`` reads it every time.
    """
    import json
    import zlib

    folders: list[list[Any]] = []  # [folder, change time], as the cache's JSON has them
    for entry in sys.path:
        try:
            folders.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            folders.append([entry, 0])
    cache = None
    if os.environ.get("DISPATCHLIB_NO_PLUGIN_CACHE", "") in ("", "0"):
        interpreter = zlib.crc32(json.dumps([sys.executable, sys.prefix]).encode())
        cache = _cache_folder() / f"plugins-{interpreter:08x}.json"  # one file per environment, rewritten when stale
        try:
            kept = json.loads(cache.read_text(encoding="utf-8"))
            if _unchanged(kept["folders"], set(kept["bare"]), folders):
                return [
                    (_CachedEntryPoint(name, value), (dist, version) if dist is not None else None)
                    for name, value, dist, version in kept["plugins"]
                ]
        except (OSError, ValueError, TypeError, KeyError):
            pass  # no cache yet, or a damaged one: read the metadata
    from importlib.metadata import entry_points  # 35 ms to import, and a read of every distribution

    found: list[tuple[EntryPoint | _CachedEntryPoint, tuple[str, str] | None]]
    found = [_entry(ep) for ep in entry_points(group=ENTRY_POINT_GROUP)]
    if cache is not None:
        rows = [[ep.name, ep.value, *(dist or (None, None))] for ep, dist in found]
        with contextlib.suppress(OSError):  # a read-only home: no cache, still correct
            cache.parent.mkdir(parents=True, exist_ok=True)
            part = cache.with_name(f".{cache.name}.{os.getpid()}.part")
            empty = [entry for entry, _ in folders if not _holds_distributions(entry)]
            part.write_text(json.dumps({"folders": folders, "bare": empty, "plugins": rows}), encoding="utf-8")
            os.replace(part, cache)
    return found


def _unchanged(kept: list[list[Any]], bare: set[str], folders: list[list[Any]]) -> bool:
    """True if the index made with the ``sys.path`` folders ``kept`` (``[folder, change time]``,
    of which ``bare`` held no distribution) still holds for ``folders``: those that held
    distributions are there, in the same order and unchanged, and every other folder holds none.
    The first folder of ``sys.path`` is the script's or, for ``python -m``, the working folder: it
    differs from run to run and changes with every file made there."""
    held = [folder for folder in kept if folder[0] not in bare]
    was_bare = {entry: changed for entry, changed in kept if entry in bare}

    def counts(folder: list[Any]) -> bool:
        if folder in held:
            return True
        return was_bare.get(folder[0]) != folder[1] and _holds_distributions(folder[0])

    return [folder for folder in folders if counts(folder)] == held


def _holds_distributions(entry: str) -> bool:
    """True unless ``entry`` is a folder without the metadata of a distribution in it (what
    importlib.metadata finds: ``*.dist-info`` and ``*.egg-info``); a zip file may hold some."""
    try:
        with os.scandir(entry or ".") as names:
            return any(item.name.endswith((".dist-info", ".egg-info")) for item in names)
    except NotADirectoryError:
        return True
    except OSError:
        return False


@attrs.frozen
class _CachedEntryPoint:
    """An entry point read from the cache: ``load`` imports ``module:attribute`` as
    importlib.metadata's EntryPoint does, without importing importlib.metadata."""

    name: str
    value: str

    def load(self) -> object:
        module_name, _, attribute = self.value.partition(":")
        loaded: object = importlib.import_module(module_name.strip())
        for part in filter(None, attribute.strip().split(".")):
            loaded = getattr(loaded, part)
        return loaded


def _cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("dispatchlib", appauthor=False)


def _load_plugin_list() -> set[str] | None:
    value = os.environ.get("DISPATCHLIB_LOAD_PLUGINS")
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


def make_plugin_host(
    *,
    builtins: Iterable[str] = BUILTIN_PLUGINS,
    entry_points_: Iterable[EntryPoint] | None = None,
    plugins: Iterable[object] = (),
) -> PluginHost:
    """A new plugin host.

    :param builtins: modules registered first, as the built-in plugins.
    :param entry_points_: installed plugins to load; by default those of the ``dispatchlib`` group.
    :param plugins: further plugin objects registered directly (for tests and scripts).
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    host = PluginHost(manager)
    for module_name in builtins:
        manager.register(importlib.import_module(module_name), name=module_name)
    allow = _load_plugin_list()
    found = _installed_plugins() if entry_points_ is None else [_entry(ep) for ep in entry_points_]
    for entry_point, distribution in sorted(found, key=lambda item: item[0].name):
        if not _allowed(entry_point.name, distribution, allow):
            continue
        if distribution is not None:
            host.distributions[entry_point.name] = distribution
        _register(host, entry_point.name, entry_point.load)
    for plugin in plugins:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        _register(host, name, functools.partial(_same, plugin))
    host.collect()
    return host


def _same(plugin: object) -> object:
    return plugin


def _register(host: PluginHost, name: str, load: Callable[[], object]) -> None:
    try:
        plugin = load()
        host.manager.register(plugin, name=name)
    except BaseException as error:  # an installed plugin that fails to import is reported, not fatal
        if not contained(error):
            raise
        host.fail(host._failure(name, f"{type(error).__name__}: {error}"))
        return
    try:
        host.manager.check_pending()
    except pluggy.PluginValidationError as error:
        host.manager.unregister(name=name)
        host.fail(host._failure(name, f"unknown hook: {error}"))


@functools.cache
def default_host() -> PluginHost:
    """The process-wide host the CLI and the top-level API use, built on first use."""
    return make_plugin_host()
