"""Saved web pages (HTML, MHTML): the page's text as a reader would copy it, with what copying loses.

A saved page goes through the same structural reader as copied text (:mod:`.parser`): the page
is turned into the text a browser's copy would give (:func:`page_text`), parsed, and then given
back what that text lost, read from the page and never guessed (:func:`enrich`):

- each note's outlet, from the link text the copy drops (``[1], March 6, 2023.``), and the
  address it links to (:attr:`~dispatchlib.Note.url`);
- each figure's credit, from the caption's link text (``(Source:``), the image's ``alt``, and
  the image itself, from where the saved page keeps it (the ``NAME_files`` folder of "Web page,
  complete", an MHTML part, an e-mail's ``cid:`` part), checked by :mod:`dispatchlib.images`;
- the page's own address (``<link rel=canonical>``, ``og:url``) as ``source_url``, and its
  language (the article's or the page's ``lang``), and the runs inside it that the page marks
  as in another language (:class:`~dispatchlib.ForeignText`); right-to-left runs the page does
  not mark are found by the exporters from their script, as in copied text;
- its emphasis, strong emphasis and links (``<i>``/``<em>``, ``<b>``/``<strong>``, ``<a href>``,
  nested as the page nests them), each link's address made absolute against the page's and kept
  only where it is ``http``, ``https`` or ``mailto`` (never ``javascript:``, ``data:``, ``file:``);
  and the link of a figure's credit.

So a saved page and the copied text of the same page give the same dispatch, except for what
the text lost (``tests/test_pages.py`` holds both for each layout).

Why no article extractor: measured on the fixtures' layouts, trafilatura 2.3 drops the header
line, the meta lines with the topics, the caption's "(Source:" text, and the title heading when
it repeats the page's ``<title>`` (every alert and most pages); readability-lxml 0.9 keeps only
the body, without the title block and the notes. A dispatch needs all of those. So the page's
own markup says where the article is (its largest ``<article>``, else ``<main>``, else the
body), what is not text or not part of an article by HTML's meaning is left out (scripts,
styles, navigation, asides, footers, forms, hidden elements), and the structural reader drops
the rest of the chrome as it does in copied text: it was built from the text of real pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin

import attrs
from attrs import frozen

from .. import model as m
from ..diagnostics import Diagnostic, diagnostic
from ..errors import InputError, ParseError
from .markup import SPANS, cut, span_of

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["Page", "Resources", "enrich", "files_beside", "page_text", "read_page"]

Resources = Callable[[str], bytes]
"""Where a page's images are: ``resources(src)`` gives the bytes of the image at ``src`` (as the
page writes it), or raises ``LookupError`` saying why it cannot."""

# Elements that are never text a reader sees, or not part of an article by HTML's meaning.
_SKIP = frozenset(
    "head script style noscript template nav aside footer form button select option input textarea "
    "iframe object embed svg math canvas video audio map dialog".split()
)
_SKIP_ROLES = frozenset(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"])
_BLOCK = frozenset(
    "address article blockquote dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6 header hr li main "
    "ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_LINE_SPACE = re.compile(r"[ \t\r\f\v]+")  # inside <pre>, the line breaks stay
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")  # inside <pre>, a blank line ends a paragraph
_NOTE_LINE = re.compile(r"\[(\d{1,4})\]|\((\d{1,4})\)")


@frozen(kw_only=True)
class Link:
    text: str
    href: str


@frozen(kw_only=True)
class Image:
    src: str
    alt: str | None


@frozen(kw_only=True)
class Page:
    """A page's text, as copying would give it, with the links and images behind each paragraph."""

    text: str
    links: tuple[tuple[Link, ...], ...]  # one tuple per paragraph of ``text``
    paragraphs: tuple[str, ...]
    foreign: tuple[tuple[str, str], ...]  # runs the page marks as in another language: (text, tag)
    images: tuple[tuple[Image, str], ...]  # each image with the text of the paragraph after it
    url: str | None = None
    spans: tuple[tuple[tuple[str, m.Inline], ...], ...] = ()  # per paragraph: its outermost spans, with their text
    language: str | None = None
    lost: tuple[int, str] | None = None  # where the markup stopped being read, and why


class _Walker:
    """Turns an element tree into paragraphs, as a browser lays out and copies text."""

    def __init__(self, base: str | None, language: str | None) -> None:
        self.base = base
        self.language = language
        self.foreign: dict[str, str] = {}
        self.paragraphs: list[str] = []
        self.links: list[tuple[Link, ...]] = []
        self.pending_images: list[Image] = []
        self.image_captions: list[tuple[Image, str]] = []
        self.line: list[str] = []
        self.line_links: list[Link] = []
        self.spans: list[tuple[tuple[str, m.Inline], ...]] = []
        self.line_spans: list[tuple[str, m.Inline]] = []
        self.in_span = False
        self.preformatted = 0  # how deep in <pre> the walk is: its lines and blank lines are kept

    def flush(self) -> None:
        text = "\n".join(part.strip(" ") for part in "".join(self.line).split("\n")).strip()
        if text:
            self.paragraphs.append(text)
            self.links.append(tuple(self.line_links))
            self.spans.append(tuple(self.line_spans))
            self.image_captions += [(image, text) for image in self.pending_images]
            self.pending_images = []
        self.line, self.line_links, self.line_spans = [], [], []

    def text(self, value: str | None) -> None:
        if not value:
            return
        if not self.preformatted:
            self.line.append(_SPACE.sub(" ", value))
            return
        for index, part in enumerate(_BLANK_LINE.split(value)):  # a mailing list's message, as it was typed
            if index:
                self.flush()
            self.line.append(_LINE_SPACE.sub(" ", part))

    def walk(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if tag in _SKIP or self._hidden(element):
            return
        if tag == "br":
            self.line.append("\n")
        elif tag == "img":
            src = element.get("src") or element.get("data-src")
            if src:
                self.pending_images.append(Image(src=src.strip(), alt=element.get("alt") or None))
        block = tag in _BLOCK
        if block:
            self.flush()
        outermost = tag in SPANS and not self.in_span
        if outermost:
            spans = [item for item in span_of(element, tag, self._absolute, _skip) if isinstance(item, m.Span)]
            self.line_spans += [(m.plain_text((span,)), span) for span in spans]
            self.in_span = True
        first = len(self.line)  # the pieces of the line this element adds start here
        self.preformatted += tag == "pre"
        self.text(element.text)
        for child in element:
            self.walk(child)
            self.text(child.tail)
        self.preformatted -= tag == "pre"
        if outermost:
            self.in_span = False
        if tag == "a" or (element.get("lang") and not block):
            label = _SPACE.sub(" ", "".join(self.line[first:])).strip()
            href = element.get("href") if tag == "a" else None
            if href and label:
                self.line_links.append(Link(text=label, href=self._absolute(href)))
            language = _tag(element.get("lang"))
            if language and label and language != self.language:
                self.foreign.setdefault(label, language)
        if block:
            self.flush()

    @staticmethod
    def _hidden(element: Any) -> bool:
        get = getattr(element, "get", None)
        if get is None:
            return False
        return (
            get("hidden") is not None
            or get("aria-hidden") == "true"
            or (get("role") or "").lower() in _SKIP_ROLES
            or "display:none" in (get("style") or "").replace(" ", "").lower()
        )

    def _absolute(self, href: str) -> str:
        return urljoin(self.base, href.strip()) if self.base else href.strip()


def _skip(element: Any, tag: str) -> bool:
    return tag in _SKIP or _Walker._hidden(element)


def _page_url(root: HtmlElement) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = root.xpath(xpath)
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return None


def _language(article: Any | None, root: HtmlElement) -> str | None:
    """The article's ``lang`` (its own, or the page's), in standard form."""
    return _tag((article.get("lang") if article is not None else None) or root.get("lang"))


def _tag(value: str | None) -> str | None:
    """``value`` as a BCP 47 tag in standard form; None if absent or not one."""
    value = (value or "").strip()
    if not value:
        return None
    import langcodes

    return str(langcodes.standardize_tag(value)) if langcodes.tag_is_valid(value) else None


def _article(root: HtmlElement) -> Any | None:
    """The element the page marks as its article: its largest ``<article>``, else ``<main>``."""
    articles = root.xpath("//article")
    if articles:
        return max(articles, key=lambda element: len(element.text_content()))
    main = root.xpath('//main | //*[@role="main"]')
    return main[0] if main else None


def page_text(html: bytes | str, *, source: str = "<input>") -> Page:
    """The text a reader would copy off the page, paragraph by paragraph, with their links."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"{source}: not a web page that can be read: {error}") from None
    lost = next(((error.line, _why(error.message)) for error in parser.error_log if error.level_name == "FATAL"), None)
    url = _page_url(root)
    article = _article(root)
    language = _language(article, root)
    if article is None:
        article = root.find("body")
    walker = _Walker(url, language)
    if article is not None:
        walker.walk(article)
    walker.flush()
    return Page(
        text="\n\n".join(walker.paragraphs) + "\n",
        links=tuple(walker.links),
        paragraphs=tuple(walker.paragraphs),
        foreign=tuple(walker.foreign.items()),
        images=tuple(walker.image_captions),
        spans=tuple(walker.spans),
        url=url,
        language=language,
        lost=lost,
    )


def _why(message: str) -> str:
    """Why libxml2 stopped reading a page, in words (its "huge" option would lift every bound)."""
    if "depth" in message:
        return "elements nested more than 255 deep"
    if "limit" in message.lower():
        return "a text or an attribute of 10 MB or more"
    return f"markup that cannot be read ({message.strip()})"


class _Enricher:
    """Gives a dispatch read from a page's text what the text lost (see the module)."""

    def __init__(self, page: Page, resources: Resources | None, source: str) -> None:
        self.page = page
        self.resources = resources
        self.source = source
        self.found: list[Diagnostic] = []
        self.image_bytes = 0
        self.paragraph = 0  # the page paragraph the last block with spans was read from

    def dispatch(self, dispatch: m.Dispatch) -> m.Dispatch:
        notes = tuple(self.note(note) for note in dispatch.notes)
        body = tuple(self.block(block) for block in dispatch.body)
        return attrs.evolve(
            dispatch,
            notes=notes,
            body=body,
            source_url=dispatch.source_url or self.page.url,
            language=dispatch.language or self.page.language,
        )

    def block(self, block: m.Block) -> m.Block:
        if isinstance(block, m.Figure):
            return self.figure(block)
        if not isinstance(block, m.Paragraph | m.Quotation | m.SpeakerTurn | m.EditorNote | m.TranslationBoundary):
            return block
        content = self.spanned(block.content) if any(self.page.spans) else block.content
        if self.page.foreign:
            content = tuple(part for item in content for part in self.foreign(item))
        return block if content == block.content else attrs.evolve(block, content=content)

    def spanned(self, content: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
        """``content`` with the page's spans put back: those of the page's paragraph it was read
        from, in order, each where its text next stands in a run."""
        probe = next((item.text.strip()[:60] for item in content if type(item) is m.Text and item.text.strip()), "")
        index = next(
            (i for i in range(self.paragraph, len(self.page.paragraphs)) if probe in self.page.paragraphs[i]), None
        )
        if not probe or index is None:
            return content
        self.paragraph = index
        out, start = list(content), 0
        for label, span in self.page.spans[index]:
            start = cut(out, start, label, span)
        return tuple(out)

    def foreign(self, item: m.Inline) -> list[m.Inline]:
        """``item`` cut where it holds a run the page marks as in another language (inside a
        span too)."""
        if isinstance(item, m.Span):
            return [attrs.evolve(item, content=tuple(part for inner in item.content for part in self.foreign(inner)))]
        if type(item) is not m.Text:
            return [item]
        for phrase, language in self.page.foreign:
            at = item.text.find(phrase)
            if at < 0:
                continue
            before, after = item.text[:at], item.text[at + len(phrase) :]
            parts: list[m.Inline] = [m.Text(text=before)] if before else []
            parts.append(m.ForeignText(text=phrase, language=language))
            return parts + (self.foreign(m.Text(text=after)) if after else [])
        return [item]

    def note(self, note: m.Note) -> m.Note:
        """The note with its outlet's link: the first link of its paragraph that leaves the page
        (a Word-exported note's ``[1]`` is a link back to the reference in the text)."""
        for paragraph, links in zip(self.page.paragraphs, self.page.links, strict=True):
            marker = _NOTE_LINE.match(paragraph)
            if marker is None or int(marker[1] or marker[2]) != note.number:
                continue
            outward = [link for link in links if not self.in_page(link.href)]
            if outward:
                return attrs.evolve(note, url=outward[0].href)
        return note

    def in_page(self, href: str) -> bool:
        """A link to a place in this same page (``#_ftnref1``, or the page's own address with one)."""
        address, fragment = urldefrag(href)
        return bool(fragment) and address in ("", urldefrag(self.page.url or "")[0])

    def figure(self, figure: m.Figure) -> m.Figure:
        figure = self.credited(figure)
        for image, caption in self.page.images:
            if caption.startswith(figure.caption):
                return attrs.evolve(figure, alt_text=figure.alt_text or image.alt, image=self.picture(image.src))
        return figure

    def credited(self, figure: m.Figure) -> m.Figure:
        """``figure`` with the address its credit links to, on the caption's line."""
        for paragraph, links in zip(self.page.paragraphs, self.page.links, strict=True):
            if figure.credit is not None and paragraph.startswith(figure.caption):
                for link in links:
                    if link.text == figure.credit and link.href.lower().startswith(("http://", "https://", "mailto:")):
                        return attrs.evolve(figure, credit_url=link.href)
        return figure

    def picture(self, src: str) -> m.Picture | None:
        from ..images import MAX_IMAGES_SIZE, picture

        if self.resources is None:
            return None
        try:
            data = self.resources(src)
            if self.image_bytes + len(data) > MAX_IMAGES_SIZE:
                raise ValueError(f"the input's images pass the {MAX_IMAGES_SIZE / 2**20:g} MB they may take together")
            found = picture(data, src)
        except (LookupError, ValueError) as error:
            reason = error.args[0] if error.args else str(error)
            self.found.append(
                diagnostic(
                    "image-unusable", f"image {src!r}: {reason}; the figure keeps its caption", source=self.source
                )
            )
            return None
        self.image_bytes += len(data)
        return found


def enrich(
    dispatch: m.Dispatch, page: Page, resources: Resources | None = None, *, source: str = "<input>"
) -> tuple[m.Dispatch, list[Diagnostic]]:
    """``dispatch``, read from ``page.text``, given back what copied text loses (see the module),
    with a diagnostic for each image that could not be used."""
    enricher = _Enricher(page, resources, source)
    return enricher.dispatch(dispatch), enricher.found


def files_beside(source: str) -> Resources:
    """The images of a page saved as a file: local addresses name files inside the page's folder
    (its ``NAME_files`` folder, or beside it; see :func:`~dispatchlib.sources.local_file`), read
    only when they are regular files. A page that is not a file (read from stdin) reads none."""
    from ..errors import InputError
    from ..images import MAX_IMAGE_SIZE
    from ..sources import local_file, read_source

    folder = Path(source).parent if Path(source).is_file() else None

    def load(src: str) -> bytes:
        if folder is None:
            raise LookupError("the page is not a file (read from stdin?), so no file beside it is read")
        path = local_file(src, folder)
        try:
            return read_source(path, MAX_IMAGE_SIZE, regular=True)
        except InputError as error:
            raise LookupError(str(error).removeprefix(f"{path}: ")) from None

    return load


def read_page(
    html: bytes | str, *, source: str, strict: bool = False, resources: Resources | None = None
) -> tuple[m.Document, list[Diagnostic]]:
    """A dispatch (or several) from a saved page: :func:`page_text` read by the text reader,
    then :func:`enrich`-ed, its images taken from ``resources``."""
    from .parser import read_document

    page = page_text(html, source=source)
    lost = []
    if page.lost is not None:
        line, reason = page.lost
        message = f"the page holds {reason}; nothing from here on is read (its notes neither)"
        lost.append(diagnostic("content-lost", message, source=source, line=line))
        if strict:
            raise ParseError(f"{message} [content-lost]", source=source, line=line)
    document, found = read_document(page.text, source=source, strict=strict)
    enricher = _Enricher(page, resources, source)
    if isinstance(document, m.Collection):
        document = attrs.evolve(document, dispatches=tuple(enricher.dispatch(d) for d in document.dispatches))
    else:
        document = enricher.dispatch(document)
    return document, lost + found + enricher.found
