"""The feed row of the benchmark: a 200-item feed served on 127.0.0.1 to one EPUB, and calibre's
news download of the same feed beside it (``ebook-convert recipe.recipe out.epub``).

    python benchmarks/feeds.py            # on its own
    python benchmarks/run.py              # with the other rows

The site is tests/feedsite.py's: each item a report page with a photo; one item disallowed by
robots.txt, one failing, one the same report as another at a second address. Both tools fetch
with no delay between requests (``--delay 0``; calibre's ``delay = 0``) and eight pages at once.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from feedsite import serving  # noqa: E402  (the test site, found through the line above)

ITEMS = 200
CALIBRE_ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}


class Rows(Protocol):
    def row(self, what: str, ours: str, pandoc: str = "", ratio: str = "", **values: float) -> None: ...


def _timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=900)
    return time.perf_counter() - start


def _chapters(book: Path) -> int:
    with zipfile.ZipFile(book) as archive:
        return sum(1 for name in archive.namelist() if name.endswith((".xhtml", ".html")))


def recipe(feed: str, folder: Path) -> Path:
    """A calibre recipe for the feed, as a user would write it for this site."""
    path = folder / "lindholm.recipe"
    path.write_text(
        textwrap.dedent(f"""\
            from calibre.web.feeds.news import BasicNewsRecipe

            class LindholmMonitor(BasicNewsRecipe):
                title = 'Lindholm Monitor'
                oldest_article = 3650
                max_articles_per_feed = 1000
                simultaneous_downloads = 8
                delay = 0
                timeout = 20
                no_stylesheets = True
                feeds = [('Lindholm Monitor', {feed!r})]
            """),
        encoding="utf-8",
    )
    return path


def feed_book(report: Rows, folder: Path, runs: int) -> None:
    """The 200-item feed to one EPUB, by dispatchlib and (where installed) by calibre."""
    with serving(ITEMS) as site:
        feed = f"{site}/rss.xml"
        book = folder / "week.epub"
        command = [sys.executable, "-m", "dispatchlib", "convert", feed, "-o", str(book), "--delay", "0", "-q"]
        ours = statistics.median(_timed(command) for _ in range(runs))
        chapters = _chapters(book)
        calibre = shutil.which("ebook-convert")
        if calibre is None:
            report.row(f"a {ITEMS}-item feed to one EPUB ({chapters} files)", f"{ours:.2f} s", feed_200_epub_s=ours)
            print("  (apt-get install calibre for calibre's news download beside it)", flush=True)
            return
        theirs_book = folder / "calibre.epub"
        theirs = _timed([calibre, str(recipe(feed, folder)), str(theirs_book)], env=CALIBRE_ENV)
        report.row(
            f"a {ITEMS}-item feed to one EPUB (calibre: its news download)",
            f"{ours:.2f} s",
            f"{theirs:.2f} s",
            f"{theirs / ours:.2f}x",
            feed_200_epub_s=ours,
        )
        print(f"  files in the book: dispatchlib {chapters}, calibre {_chapters(theirs_book)}", flush=True)


if __name__ == "__main__":

    class _Print:
        def row(self, what: str, ours: str, pandoc: str = "", ratio: str = "", **values: float) -> None:
            print(f"  {what:<62} {ours:>10} {pandoc:>10} {ratio:>8}", flush=True)

    with tempfile.TemporaryDirectory() as name:
        feed_book(_Print(), Path(name), 1)
