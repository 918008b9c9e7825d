"""The document model: one immutable description of a dispatch, known to every reader and exporter.

Every class is a frozen, keyword-only, slotted attrs class. The model does no I/O and knows no
format; readers build it, exporters render it. Use :func:`attrs.evolve` to make changed copies.

Inline content (:data:`Inline`) is a tuple of :class:`Text` runs, :class:`NoteRef` references
(so a note reference is never left as ``[1]`` inside a string) and the spans that hold inline
content of their own: :class:`Emphasis`, :class:`Strong` and :class:`Link`, nested as pages nest
them. :func:`render` walks it with one table per format, :func:`leaves` reads it in order.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeAlias, TypeVar

import attrs
from attrs import field, frozen

__all__ = [
    "MAX_NUMBER",
    "Block",
    "Clip",
    "Collection",
    "Dispatch",
    "Document",
    "EditorNote",
    "Emphasis",
    "Figure",
    "ForeignText",
    "Heading",
    "Inline",
    "InlineRule",
    "Link",
    "MediaPointer",
    "Note",
    "NoteRef",
    "Paragraph",
    "Picture",
    "Quotation",
    "Span",
    "SpeakerTurn",
    "StageDirection",
    "Strong",
    "Text",
    "TranslationBoundary",
    "leaves",
    "plain_text",
    "render",
]


def _non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value:
        raise ValueError(f"{attribute.name}: expected a non-empty string, got {value!r}")


MAX_NUMBER = 2**63 - 1  # what every format (JSON's 64-bit integers, Word's fields) can carry


def _positive(_instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 0 <= value <= MAX_NUMBER:
        raise ValueError(f"{attribute.name}: expected a number from 0 to 2**63 - 1, got {value!r}")


def _language_tag(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    import langcodes

    if not isinstance(value, str) or not langcodes.tag_is_valid(value):
        raise ValueError(f"{attribute.name}: expected None or a BCP 47 language tag, got {value!r}")


@frozen(kw_only=True)
class Text:
    """A run of plain text inside a paragraph or other inline content."""

    text: str = field(validator=_non_empty)


@frozen(kw_only=True)
class ForeignText(Text):
    """A run in another language than the text around it, where the input marks it (a page's
    ``<i lang="de">``). Code that knows only :class:`Text` reads it as one."""

    language: str = field(validator=_language_tag)


@frozen(kw_only=True)
class NoteRef:
    """A reference to the note with this number, as ``[3]`` or ``(3)`` in the source."""

    number: int = field(validator=_positive)


def _inline_tuple(value: Iterable[Inline]) -> tuple[Inline, ...]:
    return tuple(value)


def _some(_instance: Any, attribute: attrs.Attribute[Any], value: tuple[Inline, ...]) -> None:
    if not value:
        raise ValueError(f"{attribute.name}: a span holds at least one item")


@frozen(kw_only=True)
class Span:
    """Inline content set apart as a whole; the base of :class:`Emphasis`, :class:`Strong` and
    :class:`Link`, never used itself. Code that knows no span can read its ``content``."""

    content: tuple[Inline, ...] = field(converter=_inline_tuple, validator=_some)


@frozen(kw_only=True)
class Emphasis(Span):
    """Emphasised content: a page's ``<em>`` or ``<i>``."""


@frozen(kw_only=True)
class Strong(Span):
    """Strongly emphasised content: a page's ``<strong>`` or ``<b>``."""


def _link_content(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Inline, ...]) -> None:
    _some(instance, attribute, value)
    inside = [item for item in _walk(value) if isinstance(item, Link | NoteRef)]
    if inside:
        raise ValueError(f"content: a link holds no link or note reference, got {inside[0]!r}")


def _web_address(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value.lower().startswith(("http://", "https://", "mailto:")):
        raise ValueError(f"{attribute.name}: expected an http, https or mailto address, got {value!r}")


@frozen(kw_only=True)
class Link(Span):
    """Content that links to ``url``, an absolute ``http``, ``https`` or ``mailto`` address. A
    link holds no other link and no note reference (a note reference is a link of its own)."""

    content: tuple[Inline, ...] = field(converter=_inline_tuple, validator=_link_content)
    url: str = field(validator=_web_address)


Inline: TypeAlias = Text | ForeignText | NoteRef | Emphasis | Strong | Link

R = TypeVar("R")
InlineRule: TypeAlias = Callable[[Any, list[R], tuple[Span, ...]], R]
"""How a format writes one kind of inline: called with the item, its content already written
(empty for a run or a reference) and the spans it stands inside, outermost first."""


def render(content: Iterable[Inline], rules: Mapping[type, InlineRule[R]], within: tuple[Span, ...] = ()) -> list[R]:
    """Each item of ``content`` written by the rule for its kind, spans after their content, in
    reading order. ``rules`` maps a kind to its rule; a kind without one (:class:`ForeignText`)
    takes the rule of the kind it extends (:class:`Text`), so a table that maps only ``Text``,
    ``NoteRef`` and ``Span`` covers every inline there is."""
    out: list[R] = []
    for item in content:
        inner = render(item.content, rules, (*within, item)) if isinstance(item, Span) else []
        out.append((rules.get(type(item)) or _rule(rules, type(item)))(item, inner, within))
    return out


def _rule(rules: Mapping[type, InlineRule[R]], kind: type) -> InlineRule[R]:
    for base in kind.__mro__:
        if base in rules:
            return rules[base]
    raise TypeError(f"no rule for {kind.__name__}")


def leaves(content: Iterable[Inline]) -> list[Text | NoteRef]:
    """The runs and references of ``content`` in reading order, at any depth of spans."""
    out: list[Text | NoteRef] = []
    for item in content:
        if isinstance(item, Span):
            out += leaves(item.content)
        else:
            out.append(item)
    return out


def _walk(content: Iterable[Inline]) -> Iterator[Inline]:
    """Every item of ``content``, each span before what it holds."""
    for item in content:
        yield item
        if isinstance(item, Span):
            yield from _walk(item.content)


def plain_text(content: Iterable[Inline]) -> str:
    """The text of inline content, spans included, with its note references left out."""
    return "".join(
        item.text if isinstance(item, Text) else plain_text(item.content) if isinstance(item, Span) else ""
        for item in content
    )


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _int_tuple(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


def _numbers(instance: Any, attribute: attrs.Attribute[Any], value: tuple[int, ...]) -> None:
    for number in value:
        _positive(instance, attribute, number)


@frozen(kw_only=True)
class Paragraph:
    """An ordinary paragraph of running text."""

    content: tuple[Inline, ...] = field(converter=_inline_tuple)


@frozen(kw_only=True)
class Heading:
    """A subheading inside the body; ``level`` 1 is the highest, 3 the lowest."""

    text: str = field(validator=_non_empty)
    level: int = field(default=1, validator=attrs.validators.in_((1, 2, 3)))


IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")


@frozen(kw_only=True)
class Picture:
    """The image a figure shows, where the input had it (a saved page, an e-mail).

    ``data`` holds its bytes, in one of :data:`IMAGE_TYPES` (the formats EPUB and Word both
    show); None where only its address is known (JSON written without images). ``src`` is where
    it came from: the address in the page, ``cid:...`` in an e-mail.
    """

    media_type: str = field(validator=attrs.validators.in_(IMAGE_TYPES))
    data: bytes | None = None
    src: str | None = None


@frozen(kw_only=True)
class Figure:
    """An image, known from its caption line.

    ``credit`` is the source named after the caption (``(Source: Twitter)``), ``credit_url`` the
    address its link goes to where the input kept links (an http, https or mailto address);
    ``credit_missing`` records that the text had a credit whose link text was lost in scraping
    (``(Source:``).
    ``alt_text`` holds the image's description (the page's ``alt``, or a generated one: ``A
    picture containing ...``). ``image`` is the picture itself, where the input had it.
    """

    caption: str = ""
    credit: str | None = None
    credit_missing: bool = field(default=False)
    alt_text: str | None = None
    image: Picture | None = None
    credit_url: str | None = field(default=None)

    @credit_url.validator
    def _check_credit_url(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None:
            _web_address(self, attribute, value)
            if self.credit is None:
                raise ValueError(f"credit_url: expected None when there is no credit, got {value!r}")

    @credit_missing.validator
    def _check_credit(self, attribute: attrs.Attribute[bool], value: bool) -> None:
        if value and self.credit is not None:
            raise ValueError(f"credit_missing: expected False when credit is set, got {value!r}")

    @property
    def description(self) -> str | None:
        """The alt text where it says more than the caption (a page may show the same words as
        both): what a renderer without the picture adds under the caption."""
        if self.alt_text is None or self.alt_text.split() == self.caption.split():
            return None
        return self.alt_text


@frozen(kw_only=True)
class Quotation:
    """A paragraph that is wholly a quotation; ``content`` is without its outer quote marks."""

    content: tuple[Inline, ...] = field(converter=_inline_tuple)


@frozen(kw_only=True)
class SpeakerTurn:
    """What one speaker says in a transcript (``Moderator: ...``)."""

    speaker: str = field(validator=_non_empty)
    content: tuple[Inline, ...] = field(converter=_inline_tuple)


@frozen(kw_only=True)
class StageDirection:
    """A stage direction in a transcript, without its parentheses (``Audience applauds``)."""

    text: str = field(validator=_non_empty)


@frozen(kw_only=True)
class EditorNote:
    """An editor's note inside the body (``Note: The reference is to ...``)."""

    content: tuple[Inline, ...] = field(converter=_inline_tuple)
    label: str = "Note"


@frozen(kw_only=True)
class MediaPointer:
    """A pointer to media the text cannot hold (``Click here to view this clip on MEMRI TV.``)."""

    text: str = field(validator=_non_empty)


@frozen(kw_only=True)
class TranslationBoundary:
    """The line after which the translated source text begins (``Yusin's article follows below:[3]``).

    ``source_note`` is the number of the note that names the translated text's origin, when the
    line references one.
    """

    content: tuple[Inline, ...] = field(converter=_inline_tuple)
    source_note: int | None = field(default=None)

    @source_note.validator
    def _check_source_note(self, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        numbers = [item.number for item in leaves(self.content) if isinstance(item, NoteRef)]
        if value is not None and value not in numbers:
            raise ValueError(f"source_note: expected one of the references in content {numbers}, got {value!r}")


Block: TypeAlias = (
    Paragraph
    | Heading
    | Figure
    | Quotation
    | SpeakerTurn
    | StageDirection
    | EditorNote
    | MediaPointer
    | TranslationBoundary
)


def _block_tuple(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Note:
    """A numbered source note from the list at the end of a dispatch.

    ``outlet`` and ``date`` are read from the text where it gives them (``Kommersant, March 7,
    2023.``); ``outlet_missing`` records that the outlet's link text was lost (``[1], March 6,
    2023.``), in which case ``text`` starts after the lost part. ``url`` is the address the
    outlet links to, where the input kept links (a saved page, an e-mail); copied text has none.
    """

    number: int = field(validator=_positive)
    text: str = ""
    outlet: str | None = None
    date: datetime.date | None = None
    outlet_missing: bool = False
    url: str | None = None


@frozen(kw_only=True)
class Clip:
    """What a TV clip's header says besides its number: its duration and source channels."""

    duration_seconds: int | None = field(default=None, validator=_positive)
    channels: tuple[str, ...] = field(default=(), converter=_str_tuple)


def _unique(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value))


def _note_tuple(value: Iterable[Note]) -> tuple[Note, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Dispatch:
    """One dispatch: its header, meta data, body and notes.

    ``extra_numbers`` keeps the further numbers of a header that lists several
    (``No. 2413, 2414, 2415``). ``topics`` are de-duplicated in order. ``author_note`` is the
    author-bio note that ``*`` after the authors points to. ``truncated`` records that the text
    says the full version is for subscribers only. ``clip`` is set for TV clips. ``language`` is
    the BCP 47 tag of the text where the input says it (a saved page's ``lang``); None: the
    language the output is asked for.
    """

    series: str | None = None
    number: int | None = field(default=None, validator=_positive)
    extra_numbers: tuple[int, ...] = field(default=(), converter=_int_tuple, validator=_numbers)
    date: datetime.date | None = None
    title: str = ""
    topics: tuple[str, ...] = field(default=(), converter=_unique)
    authors: tuple[str, ...] = field(default=(), converter=_str_tuple)
    author_note: str | None = None
    body: tuple[Block, ...] = field(default=(), converter=_block_tuple)
    notes: tuple[Note, ...] = field(default=(), converter=_note_tuple)
    truncated: bool = False
    clip: Clip | None = None
    source_url: str | None = None
    language: str | None = field(default=None, validator=_language_tag)

    def note(self, number: int) -> Note | None:
        """The note with this number, or None."""
        return next((note for note in self.notes if note.number == number), None)


def _dispatch_tuple(value: Iterable[Dispatch]) -> tuple[Dispatch, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Collection:
    """Several dispatches rendered as one output (one book, one document); at least one."""

    title: str = ""
    dispatches: tuple[Dispatch, ...] = field(converter=_dispatch_tuple)

    @dispatches.validator
    def _check_dispatches(self, attribute: attrs.Attribute[tuple[Dispatch, ...]], value: tuple[Dispatch, ...]) -> None:
        if not value:
            raise ValueError("dispatches: a collection holds at least one dispatch")


Document: TypeAlias = Dispatch | Collection
