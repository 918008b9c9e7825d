"""The hooks a dispatchlib plugin can implement.

A plugin is any module or object with functions marked ``@dispatchlib.hookimpl`` whose names are
hook names below. Installed plugins announce themselves through the ``dispatchlib`` entry-point
group; the built-in readers and exporters are registered through the very same hooks.

Hooks only grow: new arguments may be added, none is renamed or removed. A plugin may accept
fewer arguments than a hook offers (pluggy passes only those it names).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .plugins import Exporter, Reader

__all__ = ["hookimpl", "hookspec", "register_exporters", "register_readers"]

PROJECT = "dispatchlib"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register output formats.

    Call ``register`` once for each :class:`~dispatchlib.Exporter` the plugin provides.

    :param register: takes an :class:`~dispatchlib.Exporter`; raises
        :class:`~dispatchlib.PluginError` if its name is taken, naming both owners.

    Called once per plugin manager, for every plugin, built-in ones first. The return value is
    ignored. An exception raised here is reported with the plugin's name, and that plugin's
    formats are left out; other plugins keep working.

    Since: 0.1.
    """


@hookspec
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register input formats.

    Call ``register`` once for each :class:`~dispatchlib.Reader` the plugin provides.

    :param register: takes a :class:`~dispatchlib.Reader`; raises
        :class:`~dispatchlib.PluginError` if its name is taken, naming both owners.

    Called as :func:`register_exporters` is, with the same ordering and error handling. A file
    is read by the first reader whose ``suffixes`` match its name, else by ``txt``.

    Since: 0.1.
    """
