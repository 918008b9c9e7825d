"""Feeds as inputs, against the made-up site of tests/feedsite.py on 127.0.0.1 (no outside network):
RSS 2.0, RSS 1.0 and Atom to one book, every item once; the history file; hostile feeds."""

from __future__ import annotations

import datetime
import json
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedsite import Site, serving
from judges import ace, ebook_meta, epubcheck

from dispatchlib.labels import issue_dates
from dispatchlib.periodical import parse_since
from dispatchlib.reading.feeds import is_feed, read_feed

NOW = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving(6) as base:
        yield base


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dispatchlib", *args], capture_output=True, text=True, check=False, timeout=120
    )


def titles(book: Path) -> list[str]:
    """The chapter titles of an EPUB, in reading order."""
    with zipfile.ZipFile(book) as archive:
        names = sorted(n for n in archive.namelist() if n.rsplit("/", 1)[-1].startswith("d0"))
        found = []
        for name in names:
            text = archive.read(name).decode()
            found.append(text.split("<title>", 1)[1].split("</title>", 1)[0])
    return found


@pytest.mark.parametrize("path", ["/rss.xml", "/rdf.xml", "/atom.xml", "/plain-xml"])
def test_a_feed_becomes_one_book_with_every_item_once(site: str, tmp_path: Path, path: str) -> None:
    """RSS 2.0, RSS 1.0, Atom, and a feed served as text/xml: the six reports once each (one of
    them listed twice under two addresses), the disallowed and the failing item one warning each."""
    book = tmp_path / "week.epub"
    done = run("convert", f"{site}{path}", "-o", str(book), "--delay", "0")
    assert done.returncode == 0, done.stderr
    found = titles(book)
    assert len(found) == 6 and len(set(found)) == 6, found
    assert "/private/r/1: its robots.txt disallows it; skipped [robots-disallowed]" in done.stderr
    assert "/failing: 500 Internal Server Error; the other items go on [feed-item-failed]" in done.stderr
    assert not any(p.startswith("/private/") for p, _, _ in Site.requests)


def test_the_history_makes_the_second_run_conditional_and_silent(site: str, tmp_path: Path) -> None:
    """The second run sends the ETag, gets 304, writes no book and keeps the history file as it
    was; it says so and exits 11."""
    history = tmp_path / "history.json"
    first = run(
        "convert", f"{site}/rss.xml", "-o", str(tmp_path / "one.epub"), "--delay", "0", "--history", str(history)
    )
    assert first.returncode == 0, first.stderr
    saved = json.loads(history.read_text())
    assert "Special Dispatch No. 13001" in saved["dispatches"] and len(saved["dispatches"]) == 6
    assert saved["feeds"][f"{site}/rss.xml"]["etag"] == '"issue-1"'
    assert list(saved["pending"]) == [f"{site}/failing"]
    before = history.read_bytes()
    Site.requests.clear()
    second = run(
        "convert", f"{site}/rss.xml", "-o", str(tmp_path / "two.epub"), "--delay", "0", "--history", str(history)
    )
    assert second.returncode == 11, second.stderr
    assert "nothing new since the last run" in second.stderr and "no file written" in second.stderr
    assert not (tmp_path / "two.epub").exists() and history.read_bytes() == before
    assert ("/rss.xml", '"issue-1"') in [(p, tag) for p, tag, _ in Site.requests]  # asked conditionally
    assert "/failing" in [p for p, _, _ in Site.requests]  # the failed item is tried again
    assert not any(p.startswith("/r/") for p, _, _ in Site.requests)  # nothing delivered is fetched again


def test_an_interrupted_run_delivers_nothing_twice_and_loses_nothing(site: str, tmp_path: Path) -> None:
    """An output that cannot be written leaves the history as it was: the next run delivers all
    six, and the run after that nothing."""
    history = tmp_path / "history.json"
    blocked = tmp_path / "no-such-folder" / "week.epub"
    failed = run("convert", f"{site}/atom.xml", "-o", str(blocked), "--delay", "0", "--history", str(history))
    assert failed.returncode == 9 and not history.exists(), failed.stderr
    book = tmp_path / "week.epub"
    again = run("convert", f"{site}/atom.xml", "-o", str(book), "--delay", "0", "--history", str(history))
    assert again.returncode == 0 and len(titles(book)) == 6, again.stderr
    book.unlink()
    last = run("convert", f"{site}/rdf.xml", "-o", str(book), "--delay", "0", "--history", str(history), "-q")
    assert last.returncode == 11 and not book.exists(), last.stderr  # the same reports from another feed


def test_a_run_stopped_by_sigterm_leaves_no_book_and_no_history(site: str, tmp_path: Path) -> None:
    """SIGTERM while the pages are fetched: exit 143, neither the book nor the history written."""
    history, book = tmp_path / "history.json", tmp_path / "week.epub"
    command = [sys.executable, "-m", "dispatchlib", "convert", f"{site}/rss.xml", "-o", str(book)]
    Site.requests.clear()  # the pages fetched by this run only, which runs its signal handler by then
    with subprocess.Popen([*command, "--delay", "0.5", "--history", str(history)], stderr=subprocess.PIPE) as process:
        deadline = time.monotonic() + 60
        while not any(p.startswith("/r/") for p, _, _ in Site.requests) and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143 and stderr.strip().endswith(b"terminated"), stderr
    assert not book.exists() and not history.exists()


def test_since_and_max_items_choose_the_newest(site: str, tmp_path: Path) -> None:
    """--max-items 2 takes the two newest reports; --since after every item takes none."""
    book = tmp_path / "two.epub"
    done = run("convert", f"{site}/rss.xml", "-o", str(book), "--delay", "0", "--max-items", "2", "-q")
    assert done.returncode == 0, done.stderr
    assert [t.split("No. ")[1].split(" ")[0] for t in titles(book)] == ["13005", "13006"]
    late = run("convert", f"{site}/rss.xml", "-o", str(book), "--delay", "0", "--since", "2027-01-01", "-q")
    assert late.returncode == 11, late.stderr
    wrong = run("convert", f"{site}/rss.xml", "-o", str(book), "--since", "last week")
    assert wrong.returncode == 2 and "--since: expected a date" in wrong.stderr


def test_pages_read_in_parallel_still_wait_the_delay_per_host(site: str, tmp_path: Path) -> None:
    """With --delay 0.3 the requests to the host, item pages read by several workers among them,
    are spread at least 0.3 s apart: n requests take (n - 1) x 0.3 s (measured at the server,
    where a request's arrival may lag, so on their whole span and not on each gap)."""
    Site.requests.clear()
    done = run("convert", f"{site}/rss.xml", "-o", str(tmp_path / "w.json"), "--delay", "0.3", "-q")
    assert done.returncode == 0, done.stderr
    moments = sorted(moment for _, _, moment in Site.requests)
    assert len(moments) >= 12 and moments[-1] - moments[0] >= (len(moments) - 1) * 0.3 - 0.1


def test_a_feed_of_thousands_of_items_is_read_to_its_first_thousand() -> None:
    """1,500 items: the first 1,000 are kept, with one warning saying so."""
    entries = b"".join(b"<item><link>https://example.org/r/%d</link></item>" % n for n in range(1500))
    feed, found = read_feed(b'<rss version="2.0"><channel><title>x</title>' + entries + b"</channel></rss>", source="f")
    assert len(feed.items) == 1000 and [d.message for d in found] == [
        "the feed lists 1500 items; the first 1000 are read"
    ]


def test_feeds_mix_with_pages_and_files_into_one_collection(site: str, tmp_path: Path) -> None:
    """A feed, one of its items named on its own, and a saved page: one collection, each once."""
    saved = Path(__file__).parent / "pages" / "report-page.html"
    book = tmp_path / "mixed.json"
    done = run("convert", f"{site}/rss.xml", f"{site}/r/13002", str(saved), "-o", str(book), "--delay", "0", "-q")
    assert done.returncode == 0, done.stderr
    numbers = [d["number"] for d in json.loads(book.read_text())["dispatches"]]
    assert sorted(numbers) == [12001, 13001, 13002, 13003, 13004, 13005, 13006]


HOSTILE = {
    "malformed.xml": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title>'
        b"<link>https://example.org/a</link></item><item><title>b</title><link>https://example.org/b"
    ),
    "bomb.xml": (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), b"&%s;" % bytes([97 + i]) * 10) for i in range(7))
        + b']><rss version="2.0"><channel><title>&h;</title><item><title>&h;</title>'
        b"<link>https://example.org/a</link></item></channel></rss>"
    ),
    "schemes.rss": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        b"<item><title>passwords</title><link>file:///etc/passwd</link></item>"
        b"<item><title>script</title><link>javascript:alert(1)</link></item>"
        b"<item><title>ftp</title><link>ftp://example.org/a</link></item>"
        b"<item><title>no link</title></item>"
        b"<item><title>ok</title><link>https://example.org/a</link></item></channel></rss>"
    ),
}


def test_hostile_feeds_are_read_without_harm() -> None:
    """Malformed XML is read leniently with a warning naming the line; an entity bomb expands
    nothing; links that are not http(s), or missing, are one warning each and never kept."""
    feed, found = read_feed(HOSTILE["malformed.xml"], source="malformed.xml")
    assert [i.url for i in feed.items] == ["https://example.org/a"]
    assert [(d.code, d.line) for d in found] == [("feed-damaged", 1), ("feed-item-skipped", None)]
    feed, found = read_feed(HOSTILE["bomb.xml"], source="bomb.xml")
    assert all(len(item.title) < 100 for item in feed.items) and len(feed.title) < 100
    feed, found = read_feed(HOSTILE["schemes.rss"], source="schemes.rss")
    assert [i.url for i in feed.items] == ["https://example.org/a"]
    assert [d.message.split(" links to")[0].split(" has no")[0] for d in found] == [
        "item 'passwords'",
        "item 'script'",
        "item 'ftp'",
        "item 'no link'",
    ]


def test_a_feed_linking_to_itself_and_junk_are_refused(tmp_path: Path) -> None:
    """An item linking to the feed is skipped; something that is no feed is one line, exit 3."""
    own = b'<rss version="2.0"><channel><title>x</title><item><link>http://127.0.0.1:9/f.xml</link></item></channel></rss>'
    feed, found = read_feed(own, source="http://127.0.0.1:9/f.xml")
    assert feed.items == () and found[0].message.endswith("links to the feed itself; skipped")
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"<html><body>not a feed</body></html>")
    done = run("convert", str(junk), "-o", str(tmp_path / "out.epub"))
    assert (
        done.returncode == 3
        and done.stderr.strip() == f"dispatchlib: error: {junk}: not a feed (no RSS or Atom element)"
    )


def test_a_feed_file_naming_hostile_links_fetches_nothing(tmp_path: Path) -> None:
    """The same hostile feed as a file through the command line: warnings, nothing read, exit 11."""
    feed = tmp_path / "schemes.rss"
    feed.write_bytes(HOSTILE["schemes.rss"].replace(b"https://example.org/a", b"file:///etc/hostname"))
    done = run("convert", str(feed), "-o", str(tmp_path / "out.epub"))
    assert done.returncode == 11 and done.stderr.count("[feed-item-skipped]") == 5, done.stderr


def test_feeds_are_recognised_by_type_and_content() -> None:
    """Feed media types, and RSS, RDF and Atom roots under a generic type; a page is no feed."""
    assert is_feed(b"", "application/atom+xml")
    assert is_feed(b'\xef\xbb\xbf<?xml version="1.0"?><!-- c --><rss version="2.0">', "text/xml")
    assert is_feed(b'<rdf:RDF xmlns:rdf="x">', "application/xml") and is_feed(b"<feed xmlns='a'>")
    assert not is_feed(b"<html><body>", "text/html") and not is_feed(b"<rss>", "image/png")


def test_since_and_issue_dates_read_as_people_write_them() -> None:
    """--since takes spans and dates; an issue's dates are written as a reader says them."""
    assert parse_since("7d", NOW) == NOW - datetime.timedelta(days=7)
    assert parse_since("12h", NOW) == NOW - datetime.timedelta(hours=12)
    assert parse_since("2026-11-24", NOW) == datetime.datetime(2026, 11, 24, tzinfo=datetime.UTC)
    day = datetime.date
    assert issue_dates(day(2026, 11, 24), day(2026, 11, 30)) == "24–30 November 2026"
    assert issue_dates(day(2026, 11, 28), day(2026, 12, 3)) == "28 November – 3 December 2026"
    assert issue_dates(day(2026, 12, 30), day(2027, 1, 2)) == "30 December 2026 – 2 January 2027"


def test_a_damaged_history_file_is_one_line(tmp_path: Path, site: str) -> None:
    """A history file that is not one stops the run before anything is fetched, naming the line."""
    history = tmp_path / "history.json"
    history.write_text('{"dispatchlib-history": 1,\n "addresses": [}\n')
    done = run("convert", f"{site}/rss.xml", "-o", str(tmp_path / "out.epub"), "--history", str(history))
    assert done.returncode == 3 and f"{history}:2: not a history file" in done.stderr, done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_the_issue_is_a_valid_periodical(site: str, tmp_path: Path) -> None:
    """EPUBCheck and Ace find nothing in the issue, with sections by feed."""
    book = tmp_path / "week.epub"
    done = run("convert", f"{site}/rss.xml", "-o", str(book), "--delay", "0", "--sections", "feed", "-q")
    assert done.returncode == 0, done.stderr
    verdict = epubcheck([book])[book]
    assert (verdict.fatals, verdict.errors, verdict.warnings) == (0, 0, 0), verdict.messages
    serious = [f for f in ace(book, tmp_path) if f[0] in ("critical", "serious", "moderate")]
    assert serious == []


def test_the_issue_reads_as_a_periodical(site: str, tmp_path: Path) -> None:
    """The title says the feed and the dates; the contents page gives each report's title, date
    and first sentence under its series; calibre files the book under the feed as a series."""
    book = tmp_path / "week.epub"
    done = run("convert", f"{site}/rss.xml", "-o", str(book), "--delay", "0", "-q")
    assert done.returncode == 0, done.stderr
    meta = ebook_meta(book)
    assert meta["Title"] == "Lindholm Monitor — 24–29 November 2026"
    assert meta["Series"].startswith("Lindholm Monitor")
    with zipfile.ZipFile(book) as archive:
        contents = archive.read("EPUB/contents.xhtml").decode()
        opf = archive.read("EPUB/content.opf").decode()
    sections = re.findall(r'<h2 class="section">([^<]+)</h2>', contents)
    assert sections == ["Special Dispatch", "Inquiry &amp; Analysis Series"]
    entries = re.findall(
        r'<li><a href="(d\d+\.xhtml#d\d+-title)">([^<]+)</a> <span class="date">([^<]+)</span>', contents
    )
    assert [title for _, title, _ in entries] == titles(book)
    assert contents.count("who argued that the harbor treaty signed three years ago has brought neither side") == 6
    assert 'content="periodical:magazine:Lindholm Monitor"' in opf
    retitled = tmp_path / "retitled.epub"
    done = run("convert", f"{site}/rss.xml", "-o", str(retitled), "--delay", "0", "-q", "-M", "title=Our week")
    assert done.returncode == 0 and ebook_meta(retitled)["Title"] == "Our week", done.stderr


def test_sections_follow_the_feed_or_the_topic(site: str, tmp_path: Path) -> None:
    """--sections feed: one section named after the feed; --sections topic: the feed's category."""
    for kind, expected in (("feed", ["Lindholm Monitor"]), ("topic", ["Norland"])):
        book = tmp_path / f"{kind}.epub"
        done = run("convert", f"{site}/rss.xml", "-o", str(book), "--delay", "0", "-q", "--sections", kind)
        assert done.returncode == 0, done.stderr
        with zipfile.ZipFile(book) as archive:
            contents = archive.read("EPUB/contents.xhtml").decode()
        assert re.findall(r'<h2 class="section">([^<]+)</h2>', contents) == expected


def test_a_report_without_a_number_is_kept_once_by_its_canonical_address() -> None:
    """collect keeps the fuller of two unnumbered dispatches whose addresses differ only in case
    and fragment, and both of two with different addresses."""
    import dispatchlib as dl

    def report(url: str, paragraphs: int) -> dl.Dispatch:
        body = [dl.Paragraph(content=[dl.Text(text="Quay")])] * paragraphs
        return dl.Dispatch(title="Lindholm", source_url=url, body=body)

    kept, found = dl.collect([report("https://Example.org/r/a#top", 1), report("https://example.org/r/a", 2)])
    assert isinstance(kept, dl.Collection) and [d.source_url for d in kept.dispatches] == ["https://example.org/r/a"]
    assert [d.code for d in found] == ["duplicate-dispatch"]
    both, _ = dl.collect([report("https://example.org/r/a", 1), report("https://example.org/r/b", 1)])
    assert isinstance(both, dl.Collection) and len(both.dispatches) == 2


def test_feed_options_are_refused_with_out_dir(tmp_path: Path) -> None:
    """The feed options make one output: with --out-dir they are a usage error, exit 2."""
    page = Path(__file__).parent / "pages" / "report-page.txt"
    done = run("convert", str(page), "--to", "txt", "--out-dir", str(tmp_path), "--history", str(tmp_path / "h.json"))
    assert done.returncode == 2 and "make one output (-o), not --out-dir" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_feed_without_feedparser_is_exit_6_with_the_pip_command(tmp_path: Path) -> None:
    """Without the feeds extra, a feed input stops with exit 6 and the command that installs it."""
    feed = tmp_path / "week.rss"
    feed.write_bytes(HOSTILE["schemes.rss"])
    args = ["convert", str(feed), "-o", str(tmp_path / "w.epub")]
    code = f"import sys\nsys.modules['feedparser'] = None\nfrom dispatchlib.cli import main\nmain({args!r})\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert (done.returncode, done.stderr) == (
        6,
        f"dispatchlib: error: {feed}: reading a feed needs feedparser: pip install 'dispatchbook[feeds]'\n",
    )
    assert not (tmp_path / "w.epub").exists()
