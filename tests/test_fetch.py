"""Web addresses as inputs, against a local HTTP server the tests start on 127.0.0.1 (no outside
network): the page and its photo fetched, errors as one line, time-outs, limits, politeness."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from localsite import QuietHandler, served

import dispatchlib as dl
from dispatchlib.fetch import USER_AGENT

PAGES = Path(__file__).parent / "pages"
PAGE = (PAGES / "report-page.html").read_bytes()
PHOTO = (PAGES / "report-page_files" / "harbor.png").read_bytes()
# 30 MB of a page, gzipped twice: a 30 KB answer that is 30 MB only once both layers are undone
BOMB = gzip.compress(gzip.compress(b"<p>" + b"a" * (30 * 2**20) + b"</p>"))
DEFLATE_BOMB = zlib.compress(b"<p>" + b"a" * (30 * 2**20) + b"</p>")
# the page in windows-1251 with no <meta charset>: only the server's charset= says what it is
CYRILLIC = PAGE.replace(b'<meta charset="utf-8">', b"").replace(b"The harbor of Lindholm", "Гавань".encode())


class _Site(QuietHandler):
    """A small site: the report page and its photo, and every way a server can go wrong."""

    requests: ClassVar[list[tuple[float, str, str]]] = []
    elsewhere: ClassVar[str] = ""  # another server on this host, on another port

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        _Site.requests.append((time.monotonic(), path, self.headers.get("User-Agent", "")))
        if path == "/reports/varenko":
            self.send(200, "text/html; charset=utf-8", PAGE)
        elif path == "/reports/report-page_files/harbor.png":
            self.send(200, "image/png", PHOTO)
        elif path == "/moved":
            self.send(301, "text/html", b"", Location="/reports/varenko")
        elif path.startswith("/loop"):
            self.send(302, "text/html", b"", Location=f"/loop{len(path)}")
        elif path == "/missing":
            self.send(404, "text/html", b"<p>not here</p>")
        elif path == "/broken":
            self.send(500, "text/html", b"<p>oops</p>")
        elif path == "/picture":
            self.send(200, "image/png", PHOTO)
        elif path == "/slow":
            time.sleep(3)
            self.send(200, "text/html", PAGE)
        elif path == "/bomb":
            self.send(200, "text/html", BOMB, **{"Content-Encoding": "gzip, gzip"})
        elif path == "/deflate-bomb":
            self.send(200, "text/html", DEFLATE_BOMB, **{"Content-Encoding": "deflate"})
        elif path == "/brotli":
            self.send(200, "text/html", b"\x1b\x03\x00", **{"Content-Encoding": "br"})
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self._trickle(PAGE[:100])
        elif path == "/trickled-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._trickle(b"Content-Type: text/html\r\n" * 8)
        elif path == "/to-data":
            self.send(302, "text/html", b"", Location="data:text/html,<p>hi</p>")
        elif path == "/elsewhere-image":
            page = PAGE.replace(b"report-page_files/harbor.png", f"{_Site.elsewhere}/photo.png".encode())
            self.send(200, "text/html; charset=utf-8", page)
        elif path == "/redirected-image":
            self.send(200, "text/html", PAGE.replace(b"report-page_files/harbor.png", b"/image-moves"))
        elif path == "/image-moves":
            self.send(302, "text/html", b"", Location=f"{_Site.elsewhere}/photo.png")
        elif path == "/cyrillic":
            self.send(200, "text/html; charset=windows-1251", CYRILLIC.decode().encode("cp1251"))
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
            self.send(404, "text/html", b"")

    def _trickle(self, data: bytes) -> None:
        """``data`` a byte at a time, a fifth of a second apart: each read is quick, the whole is not."""
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Elsewhere(QuietHandler):
    """Another site on the same host: it serves a photo, and notes every request it gets."""

    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Elsewhere.requests.append(self.path)
        self.send(200, "image/png", PHOTO)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with served(_Site) as address, served(_Elsewhere) as elsewhere:
        _Site.elsewhere = elsewhere
        yield address


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


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/bomb", "more than 1 MB is over the 1 MB limit for one input"),
        ("/deflate-bomb", "more than 1 MB is over the 1 MB limit for one input"),
        ("/brotli", "the server sends it br-encoded, which is not read"),
        ("/trickle", "no answer within 1 s (time-out)"),
        ("/trickled-headers", "no answer within 1 s (time-out)"),
        ("/to-data", "cannot fetch it"),
        ("/a\tb", "cannot fetch it: Invalid non-printable ASCII character in URL"),
    ],
)
def test_what_a_server_sends_is_bounded(site: str, tmp_path: Path, path: str, message: str) -> None:
    """A page gzipped twice or deflated to 30 MB is refused once 1 MB is decoded (never inflated
    whole); an encoding that cannot be undone is refused; a server that sends a byte at a time,
    body or headers, meets the one deadline; a redirect to data: and an address httpx refuses are
    one line: each exit 3, one line, no file."""
    out = tmp_path / "out.json"
    done = run("convert", f"{site}{path}", "-o", str(out), "--timeout", "1", "--max-size", "1", "--delay", "0")
    assert done.returncode == 3, done.stderr
    assert message in done.stderr and len(done.stderr.splitlines()) == 1 and not out.exists(), done.stderr


@pytest.mark.parametrize("address", ["http://127.0.0.1:99x/", "http://ex\u00e4\udcffmple.org/", "http://[::1/"])
def test_an_address_httpx_cannot_use_is_one_line(address: str) -> None:
    """A bad port, a host with a byte that is not text, a broken IPv6 host: an error each, never
    an internal one ('check' exits 4 when an input has an error)."""
    done = subprocess.run(
        [sys.executable, "-m", "dispatchlib", "check", address, "--delay", "0"],
        capture_output=True,
        text=True,
        errors="replace",  # the address comes back as given, its stray byte too
        check=False,
        timeout=120,
    )
    assert done.returncode == 4 and "error: cannot fetch it" in done.stdout and "Traceback" not in done.stderr, done


@pytest.mark.parametrize("path", ["/elsewhere-image", "/redirected-image"])
def test_images_come_from_the_pages_own_origin_only(site: str, path: str) -> None:
    """An image on another port of the same host, or one that redirects there, is not fetched:
    image-unusable, and the other server never hears of it."""
    _Elsewhere.requests.clear()
    document, found = dl.read_file(f"{site}{path}")
    [figure] = [block for block in document.body if isinstance(block, dl.Figure)]  # type: ignore[union-attr]
    assert figure.image is None
    [warning] = [d for d in found if d.code == "image-unusable"]
    assert "another site" in warning.message and _Elsewhere.requests == []


def test_the_servers_charset_wins_over_a_guess(site: str) -> None:
    """A page in windows-1251 with no <meta charset>, the charset in the server's Content-Type:
    read by it, without an encoding-guessed warning."""
    document, found = dl.read_file(f"{site}/cyrillic")
    [figure] = [block for block in document.body if isinstance(block, dl.Figure)]  # type: ignore[union-attr]
    assert figure.caption == "Гавань" and not [d for d in found if d.code.startswith("encoding")]
