"""A missing extra or plugin is exit 6 with the pip command, for every format and input that needs one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

PAGES = Path(__file__).parent / "pages"
HTML = "needs lxml: pip install 'dispatchbook[html]'"


def _without(modules: tuple[str, ...], args: list[str], plugins: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command line run with ``modules`` not importable (as in an environment without them)."""
    code = (
        "import sys\n"
        f"sys.modules.update(dict.fromkeys({modules!r}))\n"
        "from dispatchlib.cli import main\n"
        f"main({args!r})\n"
    )
    env = dict(os.environ)
    if plugins is not None:
        env["DISPATCHLIB_LOAD_PLUGINS"] = plugins
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env)


@pytest.mark.parametrize(
    ("hidden", "source", "to", "message"),
    [
        (("ebooklib",), SEED, "epub", "the epub format needs ebooklib: pip install 'dispatchbook[epub]'"),
        (("docx",), SEED, "docx", "the docx format needs docx: pip install 'dispatchbook[docx]'"),
        (("lxml",), PAGES / "news-page.html", "txt", f"the html format {HTML}"),
        (("lxml",), PAGES / "report-page.mhtml", "txt", f"the mhtml format {HTML}"),
        (("lxml",), PAGES / "alert.eml", "txt", f"the eml format {HTML}"),
        (("lxml",), PAGES / "alert-text.eml", "txt", f"the eml format {HTML}"),
        (("lxml",), PAGES / "alerts.mbox", "txt", f"the mbox format {HTML}"),
        (
            ("httpx",),
            "https://www.example.org/reports/x",
            "txt",
            "reading a web address needs httpx: pip install 'dispatchbook[web]'",
        ),
    ],
    ids=["epub", "docx", "html", "mhtml", "eml-html", "eml-text", "mbox", "web"],
)
def test_missing_extra_is_exit_6_with_the_pip_command(
    tmp_path: Path, hidden: tuple[str, ...], source: Path | str, to: str, message: str
) -> None:
    """Reading or writing a format whose extra is missing stops with exit 6, one line naming the
    missing module and the pip command (and the input, for a reader), and writes nothing."""
    target = tmp_path / f"out.{to}"
    done = _without(hidden, ["convert", str(source), "-o", str(target), "-q"])
    where = f"{source}: " if isinstance(source, Path) and source.suffix not in (".txt", "") else ""
    assert (done.returncode, done.stderr) == (6, f"dispatchlib: error: {where}{message}\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("how", [["-o", "report.pdf"], ["--to", "pdf"]], ids=["suffix", "to"])
def test_a_plugin_format_not_installed_names_its_package(how: list[str]) -> None:
    """-o report.pdf or --to pdf without the PDF plugin says it is a plugin and how to install it."""
    done = _without((), ["convert", str(SEED), *how, "-q"], plugins="")
    assert (done.returncode, done.stderr) == (
        6,
        "dispatchlib: error: the pdf format is the plugin dispatchlib-pdf, which is not installed: "
        "pip install ./plugins/dispatchlib-pdf (in a clone of dispatchlib; see docs/install.md)\n",
    )


def test_formats_marks_what_is_missing() -> None:
    """With the extras' libraries missing, formats marks each format (and web addresses) missing,
    with the pip command."""
    done = _without(("ebooklib", "docx", "lxml", "httpx"), ["formats", "--json"])
    listed = json.loads(done.stdout)
    status = {row["name"]: row["missing"] for row in listed["exporters"] + listed["readers"]}
    assert {name for name, needed in status.items() if needed} == {"epub", "docx", "html", "mhtml", "eml", "mbox"}
    assert status["eml"] == f"the eml format {HTML}"
    assert listed["web"]["missing"] == "reading a web address needs httpx, lxml: pip install 'dispatchbook[web]'"
    assert status["txt"] is None and status["json"] is None
