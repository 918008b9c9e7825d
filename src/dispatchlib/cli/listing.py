"""``dispatchlib formats`` and ``dispatchlib plugins``: what is installed and what it needs."""

from __future__ import annotations

import json
from typing import Any

import click

from ..plugins import BUILTIN_PLUGINS, WEB_EXTRA, WEB_NEEDS, default_host, missing, unavailable
from .terminal import columns, out


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def formats(as_json: bool) -> None:
    """List the input and output formats, whether what each needs is installed, and the options
    plugins add to them (-O NAME=VALUE)."""
    host = default_host()
    exporters: list[dict[str, Any]] = [
        {
            "name": e.name,
            "suffix": e.suffix,
            "media_type": e.media_type,
            "binary": e.binary,
            "description": e.description,
            "plugin": host.owners[("exporter", e.name)],
            "missing": missing(e),
            "options": [
                {"name": o.name, "type": o.type, "default": o.default, "help": o.help} for o in host.options_for(e.name)
            ],
        }
        for e in host.exporters.values()
    ]
    readers: list[dict[str, Any]] = [
        {
            "name": r.name,
            "suffixes": list(r.suffixes),
            "description": r.description,
            "plugin": host.owners[("reader", r.name)],
            "missing": missing(r),
        }
        for r in host.readers.values()
    ]
    web: dict[str, Any] = {
        "prefixes": ["http://", "https://"],
        "description": "a web address, fetched politely and read as a saved page",
        "missing": unavailable("reading a web address", WEB_NEEDS, WEB_EXTRA),
    }
    if as_json:
        out(json.dumps({"exporters": exporters, "readers": readers, "web": web}, indent=2))
        return
    out("Output formats (--to):")
    columns([(row["name"], row["suffix"], _status(row), row["description"]) for row in exporters])
    for row in exporters:
        for option in row["options"]:
            default = "" if option["default"] is None else f" (default: {option['default']})"
            out(f"    -O {option['name']}={option['type'].upper()}  {row['name']}: {option['help']}{default}")
    out("Input formats (--from):")
    rows = [(row["name"], " ".join(row["suffixes"]), _status(row), row["description"]) for row in readers]
    columns([*rows, ("(web)", " ".join(web["prefixes"]), _status(web), web["description"])])


def _status(row: dict[str, Any]) -> str:
    """Whether what the format needs is installed."""
    return f"missing ({row['missing'].partition(': ')[2]})" if row["missing"] else "installed"


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def plugins(as_json: bool) -> None:
    """List the plugins, built-in and installed, and those that failed to load."""
    host = default_host()
    rows: list[dict[str, Any]] = []
    for name, plugin in host.manager.list_name_plugin():
        distribution, version = host.distributions.get(name, (None, None))
        hooks = sorted(caller.name for caller in host.manager.get_hookcallers(plugin) or [])
        rows.append(
            {
                "name": name,
                "builtin": name in BUILTIN_PLUGINS,
                "distribution": distribution,
                "version": version,
                "hooks": hooks,
            }
        )
    failed = [
        {"name": f.name, "distribution": f.distribution, "version": f.version, "error": f.reason} for f in host.failures
    ]
    if as_json:
        out(json.dumps({"plugins": rows, "failed": failed}, indent=2))
        return
    table = [
        (
            row["name"],
            "built-in" if row["builtin"] else f"{row['distribution']} {row['version']}",
            ", ".join(row["hooks"]),
        )
        for row in rows
    ]
    columns(table, indent="")
    for failure in host.failures:
        out(f"FAILED: {failure}")
