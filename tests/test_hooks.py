"""Each hook, through a fresh plugin host: what it adds, in which order, and what a failure costs."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest

import dispatchlib as dl

SEED_TEXT = b"Special Dispatch No. 1\n\nA Title\n\nText.\n"


class Suffixer:
    """A processor that appends its tag to every title."""

    def __init__(self, tag: str) -> None:
        self.__name__ = f"suffix-{tag}"
        self.tag = tag

    @dl.hookimpl
    def process_dispatch(self, dispatch: dl.Dispatch) -> dl.Dispatch:
        return attrs.evolve(dispatch, title=f"{dispatch.title} {self.tag}")


def test_hook_register_exporters_adds_a_format() -> None:
    """An exporter registered through the hook is used by export()."""

    class Plugin:
        @dl.hookimpl
        def register_exporters(self, register: Callable[[dl.Exporter], None]) -> None:
            register(
                dl.Exporter(
                    name="upper", export=lambda d, o: d.title.upper().encode(), suffix=".u", media_type="text/plain"
                )
            )

    host = dl.make_plugin_host(entry_points_=[], plugins=[Plugin()])
    assert host.owners[("exporter", "upper")] == "Plugin"
    assert dl.export(dl.Dispatch(title="quiet"), "upper", host=host) == b"QUIET"


def test_hook_register_readers_adds_an_input_format() -> None:
    """A reader registered through the hook is chosen by suffix, or by name."""

    class Plugin:
        @dl.hookimpl
        def register_readers(self, register: Callable[[dl.Reader], None]) -> None:
            register(
                dl.Reader(
                    name="title", read=lambda data, **_: (dl.Dispatch(title=data.decode()), []), suffixes=(".title",)
                )
            )

    host = dl.make_plugin_host(entry_points_=[], plugins=[Plugin()])
    assert dl.read_bytes(b"Hello", source="x.title", host=host)[0] == dl.Dispatch(title="Hello")
    assert dl.read_bytes(b"Hi", source="x.txt", format="title", host=host)[0] == dl.Dispatch(title="Hi")


def test_hook_register_options_adds_a_typed_option() -> None:
    """An option registered through the hook is listed for its formats, parses its values by type,
    reaches the exporter in ExportOptions.extra, and clashes by name like formats do."""

    def export(document: dl.Document, options: dl.ExportOptions) -> bytes:
        return (document.title * options.get("times", 1)).encode()

    class Plugin:
        @dl.hookimpl
        def register_exporters(self, register: Callable[[dl.Exporter], None]) -> None:
            register(dl.Exporter(name="echo", export=export, suffix=".e", media_type="text/plain"))

        @dl.hookimpl
        def register_options(self, register: Callable[[dl.ExportOption], None]) -> None:
            register(dl.ExportOption(name="times", formats=("echo",), type="int", help="repeat", default=1))

    host = dl.make_plugin_host(entry_points_=[], plugins=[Plugin()])
    [option] = host.options_for("echo")
    assert host.options_for("txt") == [] and host.owners[("option", "times")] == "Plugin"
    assert option.parse("3") == 3
    with pytest.raises(ValueError, match="times: expected a number, got 'x'"):
        option.parse("x")
    options = dl.ExportOptions(extra={"times": 3})
    assert dl.export(dl.Dispatch(title="ab"), "echo", options, host=host) == b"ababab"
    assert dl.ExportOption(name="flag", formats=("x",), type="bool").parse("Yes") is True
    with pytest.raises(ValueError, match="option name"):
        dl.ExportOption(name="Bad Name", formats=("x",))

    class Rival:
        @dl.hookimpl
        def register_options(self, register: Callable[[dl.ExportOption], None]) -> None:
            register(dl.ExportOption(name="times", formats=("echo",)))

    clashing = dl.make_plugin_host(entry_points_=[], plugins=[Plugin(), Rival()])
    assert [f.name for f in clashing.failures] == ["Rival"] and "registered by 'Plugin'" in clashing.failures[0].reason


def test_hook_process_dispatch_runs_in_plugin_order() -> None:
    """Processors run in registration order, each on the one before's result."""
    host = dl.make_plugin_host(entry_points_=[], plugins=[Suffixer("A"), Suffixer("B")])
    dispatch, diagnostics = dl.read_bytes(SEED_TEXT, source="x.txt", host=host)
    assert dispatch.title == "A Title A B"  # type: ignore[union-attr]
    assert not [d for d in diagnostics if d.code == "plugin-failed"]


def test_hook_process_dispatch_sees_each_dispatch_of_a_collection() -> None:
    """In a bundle, every dispatch is processed on its own."""
    host = dl.make_plugin_host(entry_points_=[], plugins=[Suffixer("!")])
    bundle = SEED_TEXT + b"\n" + SEED_TEXT.replace(b"No. 1", b"No. 2")
    collection, _ = dl.read_bytes(bundle, source="x.txt", host=host)
    assert [d.title for d in collection.dispatches] == ["A Title !", "A Title !"]  # type: ignore[union-attr]


def test_hook_process_dispatch_failure_is_a_diagnostic() -> None:
    """A processor that raises, or returns something else, is reported; the others' changes stay."""

    class Raiser:
        @dl.hookimpl
        def process_dispatch(self, dispatch: dl.Dispatch) -> None:
            raise RuntimeError("boom")

    class Wrong:
        @dl.hookimpl
        def process_dispatch(self, dispatch: dl.Dispatch) -> str:
            return "not a dispatch"

    host = dl.make_plugin_host(entry_points_=[], plugins=[Raiser(), Suffixer("ok"), Wrong()])
    dispatch, diagnostics = dl.read_bytes(SEED_TEXT, source="x.txt", host=host)
    assert dispatch.title == "A Title ok"  # type: ignore[union-attr]
    messages = [d.message for d in diagnostics if d.code == "plugin-failed"]
    assert messages == [
        "plugin Raiser: process_dispatch raised RuntimeError: boom",
        "plugin Wrong: process_dispatch returned str, not a Dispatch",
    ]


def test_hook_process_dispatch_strict_plugins_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    """With DISPATCHLIB_STRICT_PLUGINS=1 a raising processor stops the read with PluginError."""

    class Raiser:
        @dl.hookimpl
        def process_dispatch(self, dispatch: dl.Dispatch) -> None:
            raise RuntimeError("boom")

    monkeypatch.setenv("DISPATCHLIB_STRICT_PLUGINS", "1")
    host = dl.make_plugin_host(entry_points_=[], plugins=[Raiser()])
    with pytest.raises(dl.PluginError, match="Raiser: process_dispatch raised RuntimeError: boom"):
        dl.read_bytes(SEED_TEXT, source="x.txt", host=host)
