"""Emphasis, strong emphasis and links: read from a saved page, kept by every format, found by pandoc.

``tests/pages/spans-page.html`` is a made-up report page with italic, bold, nested and linked
text, links the reader must not keep (``javascript:``, ``data:``, ``file:``) and a figure whose
credit links to its archive. Each format is checked in its own terms: the XHTML elements of the
EPUB and the web page, the DOCX's ``w:i``/``w:b`` runs and hyperlink relationships, the Markdown
syntax, ninjs's ``body_html``; and pandoc reading our EPUB, DOCX and Markdown finds each span.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from judges import epubcheck, pandoc_json
from lxml import etree, html

import dispatchlib as dl

PAGE = Path(__file__).parent / "pages" / "spans-page.html"
ARTICLE = "https://www.example.org/documents/quarry-accord.pdf"  # a relative address, made absolute
INTERVIEW = "https://kalvendor.example/interviews/odrenko"
CREDIT = "https://example.net/photos/velmark"
EMPHASISED = ["Kalvendor Post", "a mistake made in a hurry", "of the valley", "Zeitenwende", "first printed", "valley"]
STRONG = ["never put to a vote", "water rights of the valley"]
LINKS = {"published by the ministry": ARTICLE, "first printed in full": INTERVIEW}
XHTML = "http://www.w3.org/1999/xhtml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture(scope="module")
def page() -> dl.Dispatch:
    document, found = dl.read_file(PAGE)
    assert isinstance(document, dl.Dispatch) and found == []
    return document


def _spans(content: tuple[dl.Inline, ...]) -> Iterator[dl.Span]:
    for item in content:
        if isinstance(item, dl.Span):
            yield item
            yield from _spans(item.content)


def _all_spans(dispatch: dl.Dispatch) -> list[dl.Span]:
    return [span for block in dispatch.body for span in _spans(getattr(block, "content", ()))]


def _words(texts: list[str]) -> list[str]:
    return [" ".join(text.split()) for text in texts]


def test_the_page_reader_keeps_emphasis_strong_and_links(page: dl.Dispatch) -> None:
    """Every span of the page, nested as the page nests it, its links absolute; the script, data
    and file links leave only their words; the figure's credit keeps its link."""
    spans = _all_spans(page)
    assert [dl.plain_text(s.content) for s in spans if isinstance(s, dl.Emphasis)] == EMPHASISED
    assert [dl.plain_text(s.content) for s in spans if isinstance(s, dl.Strong)] == STRONG
    assert {dl.plain_text(s.content): s.url for s in spans if isinstance(s, dl.Link)} == LINKS
    nested = next(s for s in spans if isinstance(s, dl.Strong) and len(s.content) == 2)
    assert nested.content == (dl.Text(text="water rights "), dl.Emphasis(content=(dl.Text(text="of the valley"),)))
    assert dl.Emphasis(content=(dl.ForeignText(text="Zeitenwende", language="de"),)) in spans
    third = page.body[2]
    assert isinstance(third, dl.Paragraph)
    assert "a script link, a data link and a file link are kept" in dl.plain_text(third.content)
    [figure] = [b for b in page.body if isinstance(b, dl.Figure)]
    assert (figure.credit, figure.credit_url) == ("Velmark Photo Archive", CREDIT)


def test_the_text_form_reads_back_to_the_same_spans(page: dl.Dispatch) -> None:
    """``_…_``, ``**…**`` and ``[…](…)`` in the plain text read back to the same body."""
    text = dl.to_text(page)
    assert "**water rights _of the valley_**" in text and f"[_first printed_ in full]({INTERVIEW})" in text
    back, _ = dl.parse(text)
    rules: dict[type, dl.InlineRule[dl.Inline]] = {  # the text holds no run's language
        dl.Text: lambda item, _, within: dl.Text(text=item.text),
        dl.NoteRef: lambda item, _, within: item,
        dl.Span: lambda item, inner, _: attrs.evolve(item, content=inner),
    }
    expected = [  # nor a picture, alt text or credit link
        dl.Figure(caption=b.caption, credit=b.credit)
        if isinstance(b, dl.Figure)
        else attrs.evolve(b, content=dl.render(b.content, rules))
        for b in page.body
    ]
    assert list(back.body) == expected


def _xhtml_spans(root: etree._Element, namespace: str = "") -> dict[str, list[str]]:
    def texts(tag: str) -> list[str]:
        return _words(["".join(e.itertext()) for e in root.iter(f"{namespace}{tag}")])

    return {"em": texts("em"), "strong": texts("strong")}


def _hrefs(root: etree._Element, namespace: str = "") -> dict[str, str]:
    return {" ".join("".join(a.itertext()).split()): a.get("href") for a in root.iter(f"{namespace}a")}


def test_epub_has_em_strong_and_links(page: dl.Dispatch, tmp_path: Path) -> None:
    """The chapter's XHTML has an em, a strong and an a for each, and EPUBCheck passes the book."""
    data = dl.export(page, "epub")
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        chapter = etree.fromstring(book.read("EPUB/d00001.xhtml"))
    found = _xhtml_spans(chapter, f"{{{XHTML}}}")
    assert found == {"em": EMPHASISED, "strong": STRONG}
    hrefs = _hrefs(chapter, f"{{{XHTML}}}")
    assert {text: hrefs[text] for text in LINKS} == LINKS and hrefs["Velmark Photo Archive"] == CREDIT
    path = tmp_path / "spans.epub"
    path.write_bytes(data)
    verdict = epubcheck([path])[path]
    assert (verdict.fatals, verdict.errors, verdict.warnings) == (0, 0, 0), verdict.messages


def test_web_page_has_em_strong_and_links(page: dl.Dispatch) -> None:
    """The web page's article has the same elements."""
    root = html.fromstring(dl.export(page, "html"))
    assert _xhtml_spans(root) == {"em": EMPHASISED, "strong": STRONG}
    hrefs = _hrefs(root)
    assert {text: hrefs[text] for text in LINKS} == LINKS and hrefs["Velmark Photo Archive"] == CREDIT


def test_docx_has_italic_and_bold_runs_and_real_hyperlinks(page: dl.Dispatch) -> None:
    """Italic runs (w:i) hold the emphasised words, bold runs (w:b) the strong ones, and each link
    is a w:hyperlink whose relationship is an external link to its address; so is the source."""
    with zipfile.ZipFile(io.BytesIO(dl.export(page, "docx"))) as word:
        body = etree.fromstring(word.read("word/document.xml"))
        rels = etree.fromstring(word.read("word/_rels/document.xml.rels"))
    targets = {rel.get("Id"): (rel.get("Target"), rel.get("TargetMode")) for rel in rels}

    def runs(mark: str) -> str:
        return "".join(
            r.findtext(f"{{{W}}}t") or ""
            for r in body.iter(f"{{{W}}}r")
            if r.find(f"{{{W}}}rPr/{{{W}}}{mark}") is not None
        )

    italic, bold = runs("i"), runs("b")
    assert all(words in italic for words in EMPHASISED) and "water rights" not in italic
    assert all(words in bold for words in STRONG) and "Kalvendor Post" not in bold
    links = {"".join(link.itertext()): targets[link.get(f"{{{R}}}id")] for link in body.iter(f"{{{W}}}hyperlink")}
    expected = {**LINKS, "Velmark Photo Archive": CREDIT, page.source_url: page.source_url}
    assert links == {text: (url, "External") for text, url in expected.items()}


def test_markdown_has_the_syntax_of_each_span(page: dl.Dispatch) -> None:
    """``*…*``, ``**…**`` and ``[…](<…>)``, nested, in the Markdown plugin's output."""
    text = dl.export(page, "md").decode()
    assert "*Kalvendor Post*" in text and "**never put to a vote**" in text
    assert "**water rights *of the valley***" in text
    assert f"[*first printed* in full](<{INTERVIEW}>)" in text
    assert f"Source: [Velmark Photo Archive](<{CREDIT}>)" in text


def test_ninjs_body_html_has_the_spans(page: dl.Dispatch) -> None:
    """ninjs's main HTML body holds em, strong and a elements."""
    [body] = [b["value"] for b in json.loads(dl.export(page, "ninjs"))["bodies"] if b["role"] == "main"]
    root = html.fromstring(f"<div>{body}</div>")
    assert _xhtml_spans(root) == {"em": EMPHASISED, "strong": STRONG}
    assert {text: _hrefs(root)[text] for text in LINKS} == LINKS


def _pandoc_spans(node: object, inside: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str]]:
    """Each Emph, Strong and Link of pandoc's AST as (kind, its words, its target)."""
    if isinstance(node, dict):
        kind = node.get("t")
        if kind in ("Emph", "Strong", "Link"):
            content = node["c"][1] if kind == "Link" else node["c"]
            target = node["c"][2][0] if kind == "Link" else ""
            yield kind, " ".join(_pandoc_words(content).split()), target
        for value in node.values():
            yield from _pandoc_spans(value, inside)
    elif isinstance(node, list):
        for value in node:
            yield from _pandoc_spans(value, inside)


def _pandoc_words(node: object) -> str:
    if isinstance(node, dict):
        if node.get("t") == "Str":
            return str(node["c"])
        if node.get("t") in ("Space", "SoftBreak"):
            return " "
        if node.get("t") == "Note":
            return ""
        return "".join(_pandoc_words(v) for v in node.values())
    if isinstance(node, list):
        return "".join(_pandoc_words(v) for v in node)
    return ""


@pytest.mark.parametrize(("name", "reader"), [("epub", "epub"), ("docx", "docx"), ("md", "markdown")])
def test_pandoc_finds_every_span(page: dl.Dispatch, tmp_path: Path, name: str, reader: str) -> None:
    """pandoc reading our EPUB, DOCX and Markdown finds each emphasis, strong emphasis and link."""
    path = tmp_path / f"spans.{name}"
    path.write_bytes(dl.export(page, name))
    found = list(_pandoc_spans(pandoc_json(path, reader)))
    emphasised = [text for kind, text, _ in found if kind == "Emph"]
    strong = [text for kind, text, _ in found if kind == "Strong"]
    links = {text: target for kind, text, target in found if kind == "Link"}
    assert all(words in emphasised for words in EMPHASISED), emphasised
    assert all(words in strong for words in STRONG), strong
    assert {text: links.get(text) for text in LINKS} == LINKS
    assert links.get("Velmark Photo Archive") == CREDIT
