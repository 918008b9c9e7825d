"""docs/plugins.md works as written, and every hook is documented and tested."""

from __future__ import annotations

import inspect
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from dispatchlib import hookspecs

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
FENCES = re.findall(r"^```[ ]?(\{[^}\n]*\}|\w+[^\n]*)\n(.*?)^```", GUIDE, re.MULTILINE | re.DOTALL)


def _label(info: str) -> str:
    """What a fence is for, in the forms the site renders: ```toml title="a/b.toml" is a file to
    write ("a/b.toml"), ``` {.sh .run} commands to run ("run"), ``` {.python .example} a hook's
    example ("example"); a bare ```sh is just its language."""
    title = re.search(r'title="([^"]+)"', info)
    return title.group(1) if title else info.strip(" {}").split(".")[-1]


BLOCKS = [(info, _label(info), body) for info, body in FENCES]
HOOKS = [
    name for name, value in vars(hookspecs).items() if callable(value) and hasattr(value, f"{hookspecs.PROJECT}_spec")
]


def test_guide_package_is_installed_and_listed(tmp_path: Path) -> None:
    """The guide's package files and commands, run in order: the new exporter shows up and converts.

    ``pip install`` installs into a folder of the test's own (``--target``, no dependencies, no
    build isolation) so the test environment stays as it was; the rest runs as written.
    """
    for info, label, body in BLOCKS:
        if "title=" in info:
            path = tmp_path / label
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
    site = tmp_path / "site"
    env = {**os.environ, "PYTHONPATH": str(site)}
    outputs = []
    commands = [line for _, label, body in BLOCKS if label == "run" for line in body.splitlines() if line]
    assert commands[0].startswith("pip install") and len(commands) == 3
    for line in commands:
        words = shlex.split(line)
        if words[:2] == ["pip", "install"]:
            command = [
                sys.executable,
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--no-build-isolation",
                "--target",
                str(site),
                *words[2:],
            ]
            subprocess.run(command, cwd=tmp_path, check=True, capture_output=True)
        else:
            assert words[0] == "dispatchlib"
            done = subprocess.run(
                [sys.executable, "-m", "dispatchlib", *words[1:]],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            outputs.append(done.stdout)
    assert re.search(r"^\s+shout\s", outputs[0], re.MULTILINE)
    assert (
        outputs[1] == "FOREIGN POLICY EXPERT YUSIN: RUSSIAN PEACEKEEPING FORCE IN NAGORNO-KARABAKH HAS LOST THE "
        "RESPECT OF BOTH ARMENIA AND AZERBAIJAN\n"
    )


@pytest.mark.parametrize("index", [i for i, (_, label, _) in enumerate(BLOCKS) if label == "example"])
def test_guide_example_runs(index: int) -> None:
    """Each hook's example in the guide runs from the repository's root and prints its result."""
    code = BLOCKS[index][2]
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_documented_and_tested(name: str) -> None:
    """A hook spec has a full docstring, a section and a runnable example in the guide, and tests of its own."""
    doc = inspect.getdoc(getattr(hookspecs, name)) or ""
    assert ":param" in doc and "Since:" in doc and "Called" in doc
    assert f"### `{name}(" in GUIDE
    assert any(label == "example" and f"def {name}(" in body for _, label, body in BLOCKS)
    tests = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("test_*.py"))
    assert re.search(rf"def test_hook_{name}\w*\(", tests), f"no test named test_hook_{name}_..."


def test_the_four_hooks_exist() -> None:
    """The hooks the guide promises are the hooks there are."""
    assert sorted(HOOKS) == ["process_dispatch", "register_exporters", "register_options", "register_readers"]
