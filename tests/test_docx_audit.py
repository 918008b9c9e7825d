"""openxml-audit judges our Word files as Microsoft 365 reads them: no finding, for a report,
a saved page with emphasis and links, a TV clip and a collection with its contents."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED
from judges import openxml_audit

import dispatchlib as dl

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("inputs", "options"),
    [
        ([SEED], dl.ExportOptions()),
        ([HERE / "pages" / "spans-page.html"], dl.ExportOptions()),
        ([HERE / "pages" / "tv-clip-page.html"], dl.ExportOptions(paper="letter")),
        ([HERE / "pages" / "alerts.mbox"], dl.ExportOptions(toc=True)),
    ],
    ids=["report", "spans", "clip", "collection"],
)
def test_word_opens_our_files_cleanly(tmp_path: Path, inputs: list[Path], options: dl.ExportOptions) -> None:
    (document,) = [dl.read_file(path)[0] for path in inputs]
    path = tmp_path / "out.docx"
    path.write_bytes(dl.export(document, "docx", options))
    assert openxml_audit(path) == []
