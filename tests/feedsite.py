"""A made-up monitoring site on 127.0.0.1 for the feed tests and the benchmark: report pages with a
photo (made from tests/pages/report-page.html, each with its own number, date, title and address),
RSS 2.0, RSS 1.0 and Atom feeds of them, a robots.txt, ETag and Last-Modified answers, and pages
that fail. The server runs on threads of the test's own process and is shut down by its context
manager; each request is answered within the test's time-outs."""

from __future__ import annotations

import contextlib
import datetime
import threading
import time
from collections.abc import Iterator
from email.utils import format_datetime
from pathlib import Path
from typing import ClassVar
from xml.sax.saxutils import escape

from localsite import QuietHandler, served

PAGES = Path(__file__).parent / "pages"
TEMPLATE = (PAGES / "report-page.html").read_text(encoding="utf-8")
PHOTO = (PAGES / "report-page_files" / "harbor.png").read_bytes()
OLD_TITLE = "Columnist Varenko: The Harbor Treaty Has Failed Both Sides"
OLD_URL = "https://www.example.org/reports/columnist-varenko-harbor-treaty-has-failed-both-sides"
WORDS = "Harbor Treaty Ferry Lighthouse Grain Customs Bridge Canal Market Railway Tariff Quay".split()
START = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.UTC)
ETAG = '"issue-1"'
MODIFIED = format_datetime(START, usegmt=True)


def published(number: int) -> datetime.datetime:
    """When the report of this number came out: within the week from START, later for larger numbers."""
    return START + datetime.timedelta(hours=(number - 13001) * 150 // max(Site.count, 1) % 160)


def report_title(number: int) -> str:
    return f"Columnist Varenko: The {WORDS[number % len(WORDS)]} Plan No. {number} Has Failed Both Sides"


def report_page(number: int, series: str = "Special Dispatch") -> bytes:
    """A report page of its own: number, date, title, series and canonical address changed."""
    day = published(number)
    page = TEMPLATE.replace(OLD_TITLE, report_title(number)).replace(OLD_URL, f"https://www.example.org/r/{number}")
    page = page.replace("Special Dispatch No. 12001", f"{series} No. {number}")
    page = page.replace("November 2, 2026", f"{day:%B} {day.day}, {day:%Y}")
    return page.replace("report-page_files/harbor.png", f"/photos/{number}.png").encode()


class Site(QuietHandler):
    """Feeds of ``count`` reports (``/rss.xml``, ``/rdf.xml``, ``/atom.xml``), their pages
    (``/r/N``), photos, ``/robots.txt`` (``/private/`` disallowed) and ``/failing``."""

    count: ClassVar[int] = 6
    requests: ClassVar[list[tuple[str, str, float]]] = []  # (path, If-None-Match, time.monotonic())
    lock = threading.Lock()

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        with Site.lock:
            Site.requests.append((path, self.headers.get("If-None-Match", ""), time.monotonic()))
        base = f"http://{self.headers['Host']}"
        if path in ("/rss.xml", "/atom.xml", "/rdf.xml", "/plain-xml"):
            if self.headers.get("If-None-Match") == ETAG:
                self.send(304, "application/rss+xml", b"", ETag=ETAG)
                return
            kind = {"/atom.xml": "atom", "/rdf.xml": "rdf"}.get(path, "rss")
            media = {"atom": "application/atom+xml", "rdf": "application/rdf+xml", "rss": "application/rss+xml"}
            media_type = "text/xml" if path == "/plain-xml" else media[kind]
            self.send(200, media_type, feed(base, kind, Site.count), ETag=ETAG, Last_Modified=MODIFIED)
        elif path.startswith("/r/") and path[3:].isdigit():
            number = int(path[3:])
            series = "Inquiry & Analysis Series" if number % 3 == 0 else "Special Dispatch"
            self.send(200, "text/html; charset=utf-8", report_page(number, series))
        elif path.startswith("/photos/"):
            self.send(200, "image/png", PHOTO)
        elif path == "/robots.txt":
            self.send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        elif path == "/failing":
            self.send(500, "text/html", b"<p>down</p>")
        else:
            self.send(404, "text/html", b"<p>not here</p>")


def items(base: str, count: int) -> list[tuple[str, str, datetime.datetime]]:
    """The feed's items, newest first: (address, title, published); the last three are the one
    robots.txt disallows, the failing one, and the same report as the first at another address."""
    found = [(f"{base}/r/{n}", report_title(n), published(n)) for n in range(13001, 13001 + count)]
    found.reverse()
    found += [
        (f"{base}/private/r/1", "Members only", START),
        (f"{base}/failing", "A page that fails", START),
        (f"{base}/r/{13001 + count - 1}?from=mail", report_title(13001 + count - 1), START),
    ]
    return found


def feed(base: str, kind: str, count: int) -> bytes:
    """The feed in one of three forms: RSS 2.0, RSS 1.0 (RDF) or Atom."""
    entries = items(base, count)
    if kind == "atom":
        body = "".join(
            f'<entry><title>{escape(title)}</title><link href="{escape(url)}"/><id>{escape(url)}</id>'
            f'<updated>{moment:%Y-%m-%dT%H:%M:%SZ}</updated><category term="Norland"/></entry>'
            for url, title, moment in entries
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Lindholm Monitor</title><id>{base}/atom.xml</id><updated>2026-11-30T00:00:00Z</updated>"
            f"{body}</feed>"
        ).encode()
    if kind == "rdf":
        body = "".join(
            f'<item rdf:about="{escape(url)}"><title>{escape(title)}</title><link>{escape(url)}</link>'
            f"<dc:date>{moment:%Y-%m-%dT%H:%M:%SZ}</dc:date></item>"
            for url, title, moment in entries
        )
        return (
            '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="{base}/"><title>Lindholm Monitor</title><link>{base}/</link>'
            f"<description>Reports</description></channel>{body}</rdf:RDF>"
        ).encode()
    body = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(url)}</link>"
        f"<pubDate>{format_datetime(moment, usegmt=True)}</pubDate><category>Norland</category></item>"
        for url, title, moment in entries
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Lindholm Monitor</title>'
        f"<link>{base}/</link><description>Reports</description>{body}</channel></rss>"
    ).encode()


@contextlib.contextmanager
def serving(count: int = 6) -> Iterator[str]:
    """The site on 127.0.0.1 with ``count`` reports in its feeds, for the length of the block."""
    Site.count = count
    Site.requests.clear()
    with served(Site) as address:
        yield address
