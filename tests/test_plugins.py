"""The plugin host: built-ins through the public hooks, installed plugins from fake distributions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MakeDist

import dispatchlib as dl

GOOD = """
import dispatchlib

def _export(document, options):
    return b"shout: " + document.title.upper().encode()

@dispatchlib.hookimpl
def register_exporters(register):
    register(dispatchlib.Exporter(name="shout", export=_export, suffix=".shout", media_type="text/plain"))
"""


def test_builtins_register_through_hooks() -> None:
    """json and txt are ordinary plugins, registered by their modules."""
    host = dl.make_plugin_host(entry_points_=[])
    assert set(host.exporters) >= {"json", "txt"} and set(host.readers) >= {"json", "txt"}
    assert host.owners[("exporter", "json")] == "dispatchlib.formats.json"
    assert host.failures == []


def test_installed_plugin_is_loaded_with_its_distribution(fake_dist: MakeDist) -> None:
    """An entry point in the dispatchlib group adds its exporter; its distribution is known."""
    fake_dist("dispatchlib-shout", GOOD, version="2.5")
    host = dl.make_plugin_host()
    assert host.owners[("exporter", "shout")] == "dispatchlib_shout"
    assert host.distributions["dispatchlib_shout"] == ("dispatchlib-shout", "2.5")
    data = dl.export(dl.Dispatch(title="quiet"), "shout", host=host)
    assert data == b"shout: QUIET"


def test_plugin_that_fails_to_import_is_reported(fake_dist: MakeDist) -> None:
    """A plugin raising on import is reported by name, distribution and version; the rest works."""
    fake_dist("dispatchlib-broken", "raise ImportError('needs libfoo')\n", version="0.3")
    fake_dist("dispatchlib-shout", GOOD)
    host = dl.make_plugin_host()
    [failure] = host.failures
    assert (failure.name, failure.distribution, failure.version) == ("dispatchlib_broken", "dispatchlib-broken", "0.3")
    assert "ImportError: needs libfoo" in str(failure)
    assert "shout" in host.exporters and "json" in host.exporters


def test_taken_name_names_both_owners(fake_dist: MakeDist) -> None:
    """A plugin registering 'json' again is reported with both owners; the built-in json stays."""
    fake_dist("dispatchlib-clash", GOOD.replace('name="shout"', 'name="json"'))
    host = dl.make_plugin_host()
    [failure] = host.failures
    assert "'json' is registered by 'dispatchlib.formats.json' and again by 'dispatchlib_clash'" in failure.reason
    assert host.owners[("exporter", "json")] == "dispatchlib.formats.json"


def test_direct_registration_of_taken_name_raises() -> None:
    """add_exporter raises PluginError naming both owners."""
    host = dl.make_plugin_host(entry_points_=[])
    duplicate = dl.Exporter(name="txt", export=lambda d, o: b"", suffix=".x", media_type="text/plain")
    with pytest.raises(dl.PluginError, match=r"registered by 'dispatchlib.formats.txt' and again by 'me'"):
        host.add_exporter(duplicate, owner="me")


def test_plugin_raising_in_hook_is_reported(fake_dist: MakeDist) -> None:
    """An exception inside a hook is reported; other plugins' formats remain."""
    fake_dist("dispatchlib-raiser", GOOD.replace("    register(", "    raise RuntimeError('boom')\n    register("))
    host = dl.make_plugin_host()
    assert [f.reason for f in host.failures] == ["RuntimeError: boom"]
    assert "shout" not in host.exporters and "txt" in host.exporters


def test_misspelt_hook_is_reported(fake_dist: MakeDist) -> None:
    """A hookimpl whose name matches no hook spec is reported and the plugin unregistered."""
    fake_dist("dispatchlib-typo", GOOD.replace("def register_exporters", "def register_exporter"))
    host = dl.make_plugin_host()
    [failure] = host.failures
    assert "unknown hook" in failure.reason and "register_exporter" in failure.reason
    assert host.manager.get_plugin("dispatchlib_typo") is None


@pytest.mark.parametrize(
    ("allow", "loaded"), [("", False), ("dispatchlib-shout", True), ("dispatchlib_shout", True), ("other", False)]
)
def test_load_plugins_variable_restricts_loading(
    fake_dist: MakeDist, monkeypatch: pytest.MonkeyPatch, allow: str, loaded: bool
) -> None:
    """DISPATCHLIB_LOAD_PLUGINS names the plugins (entry point or distribution) that may load."""
    fake_dist("dispatchlib-shout", GOOD)
    monkeypatch.setenv("DISPATCHLIB_LOAD_PLUGINS", allow)
    assert ("shout" in dl.make_plugin_host().exporters) is loaded


def test_strict_plugins_variable_turns_failures_into_errors(
    fake_dist: MakeDist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DISPATCHLIB_STRICT_PLUGINS=1 raises PluginError for a broken plugin."""
    fake_dist("dispatchlib-broken", "raise ImportError('needs libfoo')\n")
    monkeypatch.setenv("DISPATCHLIB_STRICT_PLUGINS", "1")
    with pytest.raises(dl.PluginError, match=r"dispatchlib_broken.*needs libfoo"):
        dl.make_plugin_host()


def test_plugin_object_registered_directly() -> None:
    """A plugin object passed to the factory registers like an installed one."""

    class Inline:
        @dl.hookimpl
        def register_exporters(self, register: Callable[[dl.Exporter], None]) -> None:
            register(dl.Exporter(name="count", export=lambda d, o: b"1", suffix=".n", media_type="text/plain"))

    host = dl.make_plugin_host(entry_points_=[], plugins=[Inline()])
    assert dl.export(dl.Dispatch(), "count", host=host) == b"1"


def test_cli_lists_broken_plugin_and_keeps_working(fake_dist: MakeDist, tmp_path: Path) -> None:
    """With a broken plugin installed, formats, plugins and convert still work; plugins names it."""
    where = fake_dist("dispatchlib-broken", "raise ImportError('needs libfoo')\n")
    fake_dist("dispatchlib-shout", GOOD)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(where), *sys.path])}
    run = [sys.executable, "-m", "dispatchlib"]
    listing = subprocess.run([*run, "plugins", "--json"], capture_output=True, text=True, env=env, check=True)
    data = json.loads(listing.stdout)
    assert [f["name"] for f in data["failed"]] == ["dispatchlib_broken"]
    assert "needs libfoo" in data["failed"][0]["error"]
    assert any(p["name"] == "dispatchlib_shout" and p["version"] == "1.0" for p in data["plugins"])
    formats = subprocess.run([*run, "formats", "--json"], capture_output=True, text=True, env=env, check=True)
    assert "shout" in {e["name"] for e in json.loads(formats.stdout)["exporters"]}
    source = tmp_path / "in.txt"
    source.write_text("Special Dispatch No. 1\n\nLoud Title\n\nText.\n", encoding="utf-8")
    done = subprocess.run([*run, "convert", str(source), "--to", "shout"], capture_output=True, env=env, check=True)
    assert done.stdout == b"shout: LOUD TITLE"


def test_the_plugin_index_is_cached_until_an_install_changes_a_path_folder(tmp_path: Path) -> None:
    """Installed plugins are found from a cache in the user's cache folder; installing or removing
    a distribution changes its sys.path folder, and the next run sees the change; a change in a
    folder without distributions keeps the cache, and so does python -m from another folder."""
    folder, bare = tmp_path / "site", tmp_path / "bare"
    folder.mkdir()
    bare.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": f"{folder}{os.pathsep}{bare}"}

    def names(cwd: Path | None = None) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-m", "dispatchlib", "plugins", "--json"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=cwd,
        )
        return [row["name"] for row in json.loads(done.stdout)["plugins"]]

    before = names()
    [cache] = (tmp_path / "cache" / "dispatchlib").glob("plugins-*.json")
    assert names() == before and "late" not in before
    written = cache.stat().st_ino
    (bare / "notes.txt").write_text("a folder with no distribution changed", encoding="utf-8")
    assert names() == before and cache.stat().st_ino == written  # still valid: not read again
    assert names(cwd=tmp_path) == before and cache.stat().st_ino == written  # python -m elsewhere
    (folder / "late_plugin.py").write_text("", encoding="utf-8")
    info = folder / "late_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: late-plugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[dispatchlib]\nlate = late_plugin\n", encoding="utf-8")
    after = names()
    assert "late" in after and [name for name in after if name != "late"] == before
    assert ["late", "late_plugin", "late-plugin", "0.1"] in json.loads(cache.read_text(encoding="utf-8"))["plugins"]
    shutil.rmtree(info)
    assert names() == before
