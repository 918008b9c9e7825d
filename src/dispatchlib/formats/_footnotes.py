"""Word footnotes, which python-docx has no API for: the ``word/footnotes.xml`` part and its styles.

:class:`Footnotes` hands out footnote references while the body is written and, at the end, adds
the part through python-docx's OPC layer: the part itself (with the separator and
continuation-separator footnotes Word expects), its relationship from the document, its content
type (implied by the part), and the ``FootnoteText`` and ``FootnoteReference`` styles when the
template lacks them. A note referenced more than once gets one footnote; later references are
NOTEREF fields to it, as Word makes them.
"""

from __future__ import annotations

from html import escape  # XML text and attributes alike
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
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


# Each run holds at most this many characters: XML parsers (libxml2's, so lxml's and python-docx's)
# refuse a text node of more than 10,000,000 bytes, and escaping can make one character six.
_RUN_LIMIT = 1_000_000


def text_run(
    value: str,
    *,
    rtl: bool = False,
    style: str | None = None,
    language: str | None = None,
    bold: bool = False,
    italic: bool = False,
) -> str:
    """The XML of a ``w:r`` holding ``value`` (several, for a very long one), marked
    right-to-left, styled, bold, italic or in a language (a BCP 47 tag) when asked."""
    properties = ""
    if rtl or style or language or bold or italic:
        style_xml = f'<w:rStyle w:val="{escape(style)}"/>' if style else ""
        from ._bidi import east_asian

        # the complex-script twins (bCs, iCs) are what Word applies to Arabic or Hebrew letters
        emphasis = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
        kind = "bidi" if rtl else "eastAsia" if language and east_asian(language) else "val"
        language_xml = f'<w:lang w:{kind}="{escape(language)}"/>' if language else ""
        properties = f"<w:rPr>{style_xml}{emphasis}{'<w:rtl/>' if rtl else ''}{language_xml}</w:rPr>"
    return "".join(
        f'<w:r>{properties}<w:t xml:space="preserve">{escape(value[start : start + _RUN_LIMIT])}</w:t></w:r>'
        for start in range(0, max(len(value), 1), _RUN_LIMIT)
    )


_REFERENCE_STYLE = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
_SEPARATORS = "".join(
    f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    f'w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
    for kind, number in (("separator", "-1"), ("continuationSeparator", "0"))
)


class Footnotes:
    """The footnotes of one document, numbered 1, 2, ... in the order they are referenced."""

    def __init__(self) -> None:
        self.bodies: list[tuple[int, str]] = []
        self.by_key: dict[tuple[int, int], int] = {}
        self.links: dict[str, str] = {}  # web address -> relationship id of the footnotes part

    def hyperlink(self, url: str, label: str) -> str:
        """The XML of ``label`` as a link to ``url``, for a footnote's body."""
        rel_id = self.links.setdefault(url, f"rIdLink{len(self.links) + 1}")
        return f'<w:hyperlink r:id="{rel_id}" w:history="1">{text_run(label, style="Hyperlink")}</w:hyperlink>'

    def reference(self, key: tuple[int, int], body: str) -> str:
        """The XML that references the footnote for ``key``; its body (runs) is taken the first time."""
        number = self.by_key.get(key)
        if number is None:
            number = len(self.bodies) + 1
            self.by_key[key] = number
            self.bodies.append((number, body))
            return f'<w:r>{_REFERENCE_STYLE}<w:footnoteReference w:id="{number}"/></w:r>'
        return (
            f'<w:fldSimple w:instr=" NOTEREF _FootnoteRef{number} \\f \\h ">'
            f"<w:r>{_REFERENCE_STYLE}<w:t>{number}</w:t></w:r></w:fldSimple>"
        )

    def xml(self) -> bytes:
        """The ``footnotes.xml`` part."""
        notes = "".join(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:bookmarkStart w:id="{number}" w:name="_FootnoteRef{number}"/>'
            f'<w:r>{_REFERENCE_STYLE}<w:footnoteRef/></w:r><w:bookmarkEnd w:id="{number}"/>'
            f"{text_run(' ')}{body}</w:p></w:footnote>"
            for number, body in self.bodies
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{W}" xmlns:r="{R}">{_SEPARATORS}{notes}</w:footnotes>'
        ).encode()

    def add_to(self, document: Any) -> None:
        """Add the part and its relationship to a python-docx document, if there are footnotes.

        The document's template must have the footnote styles (:func:`ensure_styles`);
        a footnotes part it had already must have been dropped.
        """
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        if self.bodies:
            main = document.part
            part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, self.xml(), main.package)
            for url, rel_id in self.links.items():
                part.rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, url, rel_id, is_external=True)
            main.relate_to(part, FOOTNOTES_REL)


def ensure_styles(document: Any) -> None:
    """Add the ``FootnoteText``, ``FootnoteReference``, ``Hyperlink``, ``Placeholder`` and ``TOC1``
    styles if the document lacks them."""
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
    if "Placeholder" not in have:  # the quiet line standing for an image the copied text lost
        style = sub(styles, "style", type="character", styleId="Placeholder")
        sub(style, "name", val="Placeholder")
        sub(style, "uiPriority", val="99")
        properties = sub(style, "rPr")
        sub(properties, "b", val="0")
        sub(properties, "i")
        sub(properties, "color", val="595959")
    if "TOC1" not in have:  # the contents of a collection (--toc); the default template lacks it
        style = sub(styles, "style", type="paragraph", styleId="TOC1")
        sub(style, "name", val="toc 1")
        sub(style, "basedOn", val="Normal")
        sub(style, "next", val="Normal")
        sub(style, "uiPriority", val="39")
        sub(style, "unhideWhenUsed")
        sub(sub(style, "pPr"), "spacing", after="100")
    if "Hyperlink" not in have:  # the outlet links of notes from saved pages and e-mails
        style = sub(styles, "style", type="character", styleId="Hyperlink")
        sub(style, "name", val="Hyperlink")
        sub(style, "uiPriority", val="99")
        sub(style, "unhideWhenUsed")
        properties = sub(style, "rPr")
        sub(properties, "color", val="0563C1")
        sub(properties, "u", val="single")
    if "FootnoteReference" not in have:
        style = sub(styles, "style", type="character", styleId="FootnoteReference")
        sub(style, "name", val="footnote reference")
        sub(style, "uiPriority", val="99")
        sub(style, "unhideWhenUsed")
        sub(sub(style, "rPr"), "vertAlign", val="superscript")
