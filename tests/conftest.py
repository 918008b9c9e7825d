"""Shared fixtures: the corpus copied into the repo, golden files, and the shared folder's schemas."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))  # for `import judges`

CORPUS = HERE.parent / "src" / "dispatchlib" / "testing" / "corpus"
GOLDEN = HERE / "golden"
SEED = CORPUS / "special-dispatch-10523.txt"
CORPUS_FILES = sorted([SEED, *sorted((CORPUS / "variants").glob("*.txt"))])
SHARED = HERE.parent.parent / "shared"


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
