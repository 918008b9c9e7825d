"""The README's tables say what the code does."""

from __future__ import annotations

import re
from pathlib import Path

import dispatchlib as dl

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_diagnostic_code_is_documented_with_its_severity() -> None:
    """Each code in CODES has a README row with the same severity, and no row names an unknown code."""
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (info|warning|error) \|", README, re.MULTILINE))
    assert rows == {code: severity.value for code, (severity, _) in dl.CODES.items()}


def test_exit_code_table_matches_error_classes() -> None:
    """Each error class's exit code is the one the README gives it."""
    rows = {name: int(code) for code, name in re.findall(r"^\| (\d) \| `(\w+)` \|", README, re.MULTILINE)}
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
        )
    }
    assert rows == classes


def test_public_api_is_sorted_and_complete() -> None:
    """__all__ is sorted and names only what exists."""
    assert dl.__all__ == sorted(dl.__all__, key=lambda name: (not name.isupper(), name[0].islower(), name))
    assert all(hasattr(dl, name) for name in dl.__all__)
