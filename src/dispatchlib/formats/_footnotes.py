"""Word footnotes, which python-docx has no API for: the ``word/footnotes.xml`` part and its styles.

:class:`Footnotes` hands out footnote references while the body is written and, at the end, adds
the part through python-docx's OPC layer: the part itself (with the separator and
continuation-separator footnotes Word expects), its relationship from the document, its content
type (implied by the part), and the ``FootnoteText`` and ``FootnoteReference`` styles when the
template lacks them. A note referenced more than once gets one footnote; later references are
NOTEREF fields to it, as Word makes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def w(tag: str, **attributes: str) -> Any:
    """A WordprocessingML element, made by python-docx so it shares the document's namespaces."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    return OxmlElement(f"w:{tag}", {qn(f"w:{key}"): value for key, value in attributes.items()})


def sub(parent: Any, tag: str, **attributes: str) -> Any:
    """Append a new ``w:`` element to ``parent``."""
    element = w(tag, **attributes)
    parent.append(element)
    return element


def text_run(value: str, *, rtl: bool = False, style: str | None = None) -> Any:
    """A ``w:r`` holding ``value``, marked right-to-left or styled when asked."""
    run = w("r")
    if rtl or style:
        properties = sub(run, "rPr")
        if style:
            sub(properties, "rStyle", val=style)
        if rtl:
            sub(properties, "rtl")
    sub(run, "t").text = value
    run[-1].set(XML_SPACE, "preserve")
    return run


class Footnotes:
    """The footnotes of one document, numbered 1, 2, ... in the order they are referenced."""

    def __init__(self) -> None:
        self.bodies: list[tuple[int, list[Any]]] = []
        self.by_key: dict[tuple[int, int], int] = {}

    def reference(self, key: tuple[int, int], body: Iterable[Any]) -> Any:
        """The run that references the footnote for ``key``; its body is taken the first time."""
        run = w("r")
        sub(sub(run, "rPr"), "rStyle", val="FootnoteReference")
        number = self.by_key.get(key)
        if number is None:
            number = len(self.bodies) + 1
            self.by_key[key] = number
            self.bodies.append((number, list(body)))
            sub(run, "footnoteReference", id=str(number))
            return run
        field = w("fldSimple", instr=f" NOTEREF _FootnoteRef{number} \\f \\h ")
        field.append(run)
        sub(run, "t").text = str(number)
        return field

    def _footnote(self, number: int, body: list[Any]) -> Any:
        note = w("footnote", id=str(number))
        paragraph = sub(note, "p")
        sub(sub(paragraph, "pPr"), "pStyle", val="FootnoteText")
        sub(paragraph, "bookmarkStart", id=str(number), name=f"_FootnoteRef{number}")
        mark = sub(paragraph, "r")
        sub(sub(mark, "rPr"), "rStyle", val="FootnoteReference")
        sub(mark, "footnoteRef")
        sub(paragraph, "bookmarkEnd", id=str(number))
        paragraph.append(text_run(" "))
        paragraph.extend(body)
        return note

    def xml(self) -> bytes:
        """The ``footnotes.xml`` part."""
        root = w("footnotes")
        for kind, separator_id in (("separator", "-1"), ("continuationSeparator", "0")):
            paragraph = sub(sub(root, "footnote", type=kind, id=separator_id), "p")
            sub(sub(paragraph, "pPr"), "spacing", after="0", line="240", lineRule="auto")
            sub(sub(paragraph, "r"), kind)
        for number, body in self.bodies:
            root.append(self._footnote(number, body))
        from lxml import etree

        result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return result

    def add_to(self, document: Any) -> None:
        """Add the part and its relationship to a python-docx document, if there are footnotes.

        The document's template must have the footnote styles (:func:`ensure_footnote_styles`);
        a footnotes part it had already must have been dropped.
        """
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        if self.bodies:
            main = document.part
            part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, self.xml(), main.package)
            main.relate_to(part, FOOTNOTES_REL)


def ensure_footnote_styles(document: Any) -> None:
    """Add the ``FootnoteText`` and ``FootnoteReference`` styles if the document lacks them."""
    styles = document.styles.element
    have = {style.get(f"{{{W}}}styleId") for style in styles.findall(f"{{{W}}}style")}
    if "FootnoteText" not in have:
        style = sub(styles, "style", type="paragraph", styleId="FootnoteText")
        sub(style, "name", val="footnote text")
        sub(style, "basedOn", val="Normal")
        sub(style, "uiPriority", val="99")
        sub(style, "unhideWhenUsed")
        sub(sub(style, "pPr"), "spacing", after="0", line="240", lineRule="auto")
        properties = sub(style, "rPr")
        sub(properties, "sz", val="18")
        sub(properties, "szCs", val="18")
    if "FootnoteReference" not in have:
        style = sub(styles, "style", type="character", styleId="FootnoteReference")
        sub(style, "name", val="footnote reference")
        sub(style, "uiPriority", val="99")
        sub(style, "unhideWhenUsed")
        sub(sub(style, "rPr"), "vertAlign", val="superscript")
