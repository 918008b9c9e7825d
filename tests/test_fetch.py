"""Web addresses as inputs, against a local HTTP server the tests start on 127.0.0.1 (no outside
network): the page and its photo fetched, errors as one line, time-outs, limits, politeness."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

import dispatchlib as dl
from dispatchlib.fetch import USER_AGENT

PAGES = Path(__file__).parent / "pages"
PAGE = (PAGES / "report-page.html").read_bytes()
PHOTO = (PAGES / "report-page_files" / "harbor.png").read_bytes()


class _Site(BaseHTTPRequestHandler):
    """A small site: the report page and its photo, and every way a server can go wrong."""

    requests: ClassVar[list[tuple[float, str, str]]] = []

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, media_type: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        _Site.requests.append((time.monotonic(), path, self.headers.get("User-Agent", "")))
        if path == "/reports/varenko":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif path == "/reports/report-page_files/harbor.png":
            self._send(200, "image/png", PHOTO)
        elif path == "/moved":
            self._send(301, "text/html", b"", Location="/reports/varenko")
        elif path.startswith("/loop"):
            self._send(302, "text/html", b"", Location=f"/loop{len(path)}")
        elif path == "/missing":
            self._send(404, "text/html", b"<p>not here</p>")
        elif path == "/broken":
            self._send(500, "text/html", b"<p>oops</p>")
        elif path == "/picture":
            self._send(200, "image/png", PHOTO)
        elif path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", PAGE)
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self._send(404, "text/html", b"")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dispatchlib", *args], capture_output=True, text=True, check=False, timeout=120
    )


def test_a_page_by_its_address_reads_as_the_saved_page(site: str) -> None:
    """The fetched page gives the saved page's dispatch, its photo fetched from the same site."""
    fetched, _ = dl.read_file(f"{site}/reports/varenko")
    saved, _ = dl.read_file(PAGES / "report-page.html")
    assert fetched == saved  # the same photo bytes, the same canonical URL, the same notes
    agents = {agent for _, path, agent in _Site.requests if path.startswith("/reports/")}
    assert agents == {USER_AGENT}


def test_the_command_line_fetches_pages_and_follows_a_redirect(site: str, tmp_path: Path) -> None:
    """convert URL -o book.epub works, also through a redirect; a batch of addresses too."""
    book = tmp_path / "page.epub"
    done = run("convert", f"{site}/moved", "-o", str(book), "-q", "--delay", "0")
    assert done.returncode == 0, done.stderr
    assert book.stat().st_size > 0
    out = tmp_path / "out"
    batch = run("convert", f"{site}/reports/varenko", "--to", "json", "--out-dir", str(out), "--delay", "0", "-q")
    assert batch.returncode == 0, batch.stderr
    [written] = out.iterdir()
    assert written.name == "varenko.json" and json.loads(written.read_bytes())["number"] == 12001


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "/missing: 404 Not Found"),
        ("/broken", "/broken: 500 Internal Server Error"),
        ("/loop", "more than 5 redirects (a redirect loop?)"),
        ("/picture", "the server sends image/png, not a page"),
        ("/slow", "no answer within 1 s (time-out)"),
        ("/endless", "more than 1 MB is over the 1 MB limit for one input"),
    ],
)
def test_server_trouble_is_one_line_and_an_input_error(site: str, tmp_path: Path, path: str, message: str) -> None:
    """HTTP errors, redirect loops, a picture for a page, a silent server and an endless answer:
    one line with the address and the reason, exit 3, no file written."""
    out = tmp_path / "out.json"
    done = run("convert", f"{site}{path}", "-o", str(out), "--timeout", "1", "--max-size", "1", "--delay", "0")
    assert done.returncode == 3, done.stderr
    assert message in done.stderr and len(done.stderr.splitlines()) == 1 and not out.exists(), done.stderr


def test_requests_to_one_host_wait_the_delay(site: str) -> None:
    """With --delay 0.5, two requests to one host are at least half a second apart."""
    _Site.requests.clear()
    done = run("check", f"{site}/reports/varenko", f"{site}/reports/varenko?again", "--delay", "0.5")
    assert done.returncode == 0, done.stderr
    pages = [moment for moment, path, _ in _Site.requests if path == "/reports/varenko"]
    assert len(pages) == 2 and pages[1] - pages[0] >= 0.45
