"""Shared fixtures: the corpus that ships in the package, and the golden files."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

HERE = Path(__file__).parent

# In CI the property tests draw the same examples every run, so a run fails only where a change
# broke something; elsewhere they draw new ones each run and go on looking.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
sys.path.insert(0, str(HERE))  # for `import judges`

CORPUS = HERE.parent / "src" / "dispatchlib" / "testing" / "corpus"
GOLDEN = HERE / "golden"
SEED = CORPUS / "special-dispatch-10523.txt"
CORPUS_FILES = sorted([SEED, *sorted((CORPUS / "variants").glob("*.txt"))])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the golden files from the current output; read the diff before committing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def corpus_id(path: Path) -> str:
    return path.stem


MakeDist = Callable[..., Path]


@pytest.fixture
def fake_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MakeDist]:
    """Make a distribution with a ``dispatchlib`` entry point on sys.path, without installing it."""
    monkeypatch.syspath_prepend(str(tmp_path))
    made: list[str] = []

    def make(name: str, source: str, version: str = "1.0", entry: str | None = None) -> Path:
        module = name.replace("-", "_")
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = tmp_path / f"{module}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        (info / "entry_points.txt").write_text(f"[dispatchlib]\n{entry or module} = {module}\n")
        made.append(module)
        return tmp_path

    yield make
    for module in made:
        sys.modules.pop(module, None)
