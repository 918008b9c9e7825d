"""One options record for every exporter, as pandoc's writer options: a new option changes no
exporter's signature. Exporters read the fields they understand and ignore the rest."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from attrs import Attribute, field, frozen

__all__ = ["ExportOptions", "Issue"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_PRIMARY = re.compile(r"[a-zA-Z]{2,3}")  # an ISO 639 language, what every format can name


def _language(value: str) -> str:
    """A well-formed BCP 47 tag in its standard form (``en_US`` becomes ``en-US``), by langcodes."""
    if value == "en":  # the default: no need to load langcodes' tables
        return value
    import langcodes

    if not isinstance(value, str) or not langcodes.tag_is_valid(value):
        raise ValueError(f"language: {value!r} is not a BCP 47 language tag such as en, en-GB, ar or zh-Hant")
    tag = str(langcodes.standardize_tag(value))
    if not _PRIMARY.fullmatch(tag.split("-")[0]):  # x-private: e-readers and typesetters need a language
        raise ValueError(
            f"language: {value!r} names no language (as en, ar or zh-Hant do), only private or extra parts"
        )
    return tag


def _stripped(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _one_line(_instance: object, attribute: Attribute[Any], value: str | None) -> None:
    if value is not None and _CONTROL.search(value):
        raise ValueError(f"{attribute.name}: {value!r} holds a control character (a line break, a tab, ...)")


def _wrap_width(_instance: object, _attribute: object, value: int | None) -> None:
    if value is not None and value < 20:
        raise ValueError(f"wrap_width: expected None or a width of at least 20, got {value!r}")


def _pairs(pairs: Iterable[tuple[str, Any]] | Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(dict(pairs).items()))


def _sections(value: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple((str(name), int(count)) for name, count in value)


@frozen(kw_only=True)
class Issue:
    """A collection rendered as one issue of a periodical (:mod:`dispatchlib.periodical`).

    - ``name``: the periodical's name (a feed's title), its series in the metadata.
    - ``start``, ``end``: the first and last day the issue covers.
    - ``sections``: the section titles in reading order, each with how many of the collection's
      dispatches (taken in order) it holds; they add up to the number of dispatches.
    """

    name: str = field(validator=_one_line)
    start: datetime.date
    end: datetime.date
    sections: tuple[tuple[str, int], ...] = field(default=(), converter=_sections)


@frozen(kw_only=True)
class ExportOptions:
    """How to render a document.

    - ``title``: the title of a collection's output; empty means "made from the dispatches".
        Title and publisher are one line each: a control character in them is refused, and
        spaces around them are dropped (a title of spaces only is no title).
    - ``language``: the BCP 47 language tag of the text (the translations are English); it is
        checked and put in its standard form.
    - ``publisher``: the publisher named in e-book and document metadata; none by default.
    - ``cover_image``: a cover image file to use instead of the generated cover.
    - ``generate_cover``: e-books: draw a cover when no ``cover_image`` is given.
    - ``group_by``: e-book collections: group the table of contents by ``series``, ``topic``
        or ``month``; None lists the dispatches in order.
    - ``reference_docx``: Word: take styles, page size and margins from this document.
    - ``paper``: Word: the page size of the built-in template, ``a4`` or ``letter``.
    - ``toc``: Word collections: put a table-of-contents field first.
    - ``wrap_width``: plain text: wrap paragraphs at this width; None keeps one line each.
    - ``json_images``: JSON: write figures' image bytes (base64); by default only their type and
        address, so that a book's worth of photos does not swell a data file.
    - ``description``: e-books and Word: the description in the metadata, instead of the lead.
    - ``css``: e-books: a style sheet file used instead of the built-in one.
    - ``beside``: web pages: keep the pictures as files in this folder, named relative to the
      output (``report_files``), instead of inside the page; ``--out-dir`` sets it for formats
      whose exporter lists such files (:attr:`Exporter.files <dispatchlib.Exporter>`).
    - ``issue``: e-books: render the collection as an issue of a periodical (:class:`Issue`): its
      sections, a contents page with each dispatch's date and first sentence, a cover with the
      dates and the first headlines, and the periodical's name as the series.
    - ``extra``: options that plugins register (:class:`~dispatchlib.ExportOption`), as
        ``(name, value)`` pairs; an exporter reads its own with :meth:`get`.
    """

    title: str = field(default="", converter=_stripped, validator=_one_line)
    language: str = field(default="en", converter=_language)
    publisher: str | None = field(default=None, converter=_stripped, validator=_one_line)
    cover_image: str | None = None
    generate_cover: bool = True
    group_by: Literal["series", "topic", "month"] | None = None
    reference_docx: str | None = None
    paper: Literal["a4", "letter"] = "a4"
    toc: bool = False
    wrap_width: int | None = field(default=None, validator=_wrap_width)
    json_images: bool = False
    description: str | None = field(default=None, converter=_stripped)
    css: str | None = None
    beside: str | None = None
    issue: Issue | None = None
    extra: tuple[tuple[str, Any], ...] = field(default=(), converter=_pairs)

    def get(self, name: str, default: Any = None) -> Any:
        """The value of the plugin option ``name`` (see ``extra``), or ``default``."""
        return dict(self.extra).get(name, default)
