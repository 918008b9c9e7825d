"""The documentation's tables say what the code does; the README's code blocks are whole."""

from __future__ import annotations

import re
from pathlib import Path

import dispatchlib as dl

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
TABLES = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")


def test_every_diagnostic_code_is_documented_with_its_severity() -> None:
    """Each code in CODES has a row with the same severity, and no row names an unknown code."""
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (info|warning|error) \|", TABLES, re.MULTILINE))
    assert rows == {code: severity.value for code, (severity, _) in dl.CODES.items()}


def test_exit_code_table_matches_error_classes() -> None:
    """Each error class's exit code is the one the table gives it."""
    rows = {name: int(code) for code, name in re.findall(r"^\| (\d+) \| `(\w+)` \|", TABLES, re.MULTILINE)}
    classes = {
        cls.__name__: cls.exit_code
        for cls in (
            dl.DispatchlibError,
            dl.InputError,
            dl.ParseError,
            dl.NotADispatchError,
            dl.FormatError,
            dl.PluginError,
            dl.ExportError,
            dl.OutputError,
            dl.BatchError,
            dl.NothingNewError,
        )
    }
    assert rows == classes


def test_public_api_is_sorted_and_complete() -> None:
    """__all__ is sorted and names only what exists."""
    assert dl.__all__ == sorted(dl.__all__, key=lambda name: (not name.isupper(), name[0].islower(), name))
    assert all(hasattr(dl, name) for name in dl.__all__)


def test_the_readmes_code_blocks_are_whole_and_its_commands_are_ci() -> None:
    """Every fence opens with at most a language and closes bare (a closing fence with text after
    it once swallowed the next example); the second command is the one .ci/run runs; the links
    into docs/ lead to files that exist."""
    fences = re.findall(r"^```(.*)$", README, re.MULTILINE)
    assert len(fences) % 2 == 0
    assert all(re.fullmatch(r"\w*", opening) for opening in fences[0::2])
    assert all(closing == "" for closing in fences[1::2])
    commands = re.findall(r"^```sh\n(python3 -m venv .*)\n```", README, re.MULTILINE)
    assert len(commands) == 2 and commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for link in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (ROOT / link).is_file(), link
