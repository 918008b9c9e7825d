"""The hooks a dispatchlib plugin can implement.

A plugin is any module or object with functions marked ``@dispatchlib.hookimpl`` whose names are
hook names below. Installed plugins announce themselves through the ``dispatchlib`` entry-point
group; the built-in readers and exporters are registered through the very same hooks.

Hooks only grow: new arguments may be added, none is renamed or removed. A plugin may accept
fewer arguments than a hook offers (pluggy passes only those it names).

Plugins are registered, and their hooks called, in this order: the built-in plugins
(:data:`~dispatchlib.plugins.BUILTIN_PLUGINS`), then installed plugins sorted by entry-point
name, then plugin objects given to :func:`~dispatchlib.make_plugin_host`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .model import Dispatch
    from .plugins import Exporter, ExportOption, Reader

__all__ = ["hookimpl", "hookspec", "process_dispatch", "register_exporters", "register_options", "register_readers"]

PROJECT = "dispatchlib"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register output formats.

    Call ``register`` once for each :class:`~dispatchlib.Exporter` the plugin provides.

    Called once per plugin manager, for every plugin, built-in ones first. The return value is
    ignored. An exception raised here is reported with the plugin's name, and that plugin's
    formats are left out; other plugins keep working.

    Since: 0.1.

    :param register: takes an :class:`~dispatchlib.Exporter`; raises
        :class:`~dispatchlib.PluginError` if its name is taken, naming both owners.
    """


@hookspec
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register input formats.

    Call ``register`` once for each :class:`~dispatchlib.Reader` the plugin provides.

    Called as :func:`register_exporters` is, with the same ordering and error handling. A file
    is read by the first reader whose ``suffixes`` match its name, else by ``txt``.

    Since: 0.1.

    :param register: takes a :class:`~dispatchlib.Reader`; raises
        :class:`~dispatchlib.PluginError` if its name is taken, naming both owners.
    """


@hookspec
def register_options(register: Callable[[ExportOption], None]) -> None:
    """Register options for the plugin's formats.

    Call ``register`` once for each :class:`~dispatchlib.ExportOption`. Users give them as
    ``-O NAME=VALUE`` (``dispatchlib convert x.txt -o x.pdf -O margin-mm=20``); the value is
    checked against the option's type and reaches the exporter in
    :attr:`ExportOptions.extra <dispatchlib.ExportOptions>`, read with ``options.get(NAME,
    default)``. ``dispatchlib formats`` lists each format's options.

    Called after every plugin's :func:`register_exporters`, with the same error handling.

    Since: 0.1.

    :param register: takes an :class:`~dispatchlib.ExportOption`; raises
        :class:`~dispatchlib.PluginError` if its name is taken, naming both owners.
    """


@hookspec
def process_dispatch(dispatch: Dispatch) -> Dispatch | None:
    """Change a dispatch after it is read and before it is exported, as pandoc's filters do.

    Called by :func:`~dispatchlib.read_file` and :func:`~dispatchlib.read_bytes` for every
    dispatch they read (each dispatch of a collection on its own), once per plugin, in plugin
    order; each plugin receives what the one before returned. An exception is reported as a
    ``plugin-failed`` diagnostic naming the plugin, and that plugin's change is left out.

    Since: 0.1.

    :param dispatch: the dispatch as the reader (and any earlier plugin) left it.
    :returns: a changed dispatch (make it with :func:`attrs.evolve`), or None to keep it as it is.
    """
