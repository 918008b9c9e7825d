"""Hypothesis strategies for dispatch models (``pip install 'dispatchbook[testing]'``).

``dispatches()`` draws any valid model over the model's whole range (years 1 to 9999, numbers
up to 2**63 - 1), with hostile text (markup, quotes, RTL marks, emoji, combining marks, a
20,000-character string): the JSON round trip must hold for all of them. ``text_dispatches()`` draws the
models the plain-text form can express: those whose every block has the shape the parser gives
that kind of block (a paragraph ends like a sentence, a heading does not, ...). The parser's
image is what the text round trip is about: ``parse(to_text(d)) == d`` for every such ``d``.
"""

from __future__ import annotations

import itertools
import re

import attrs
from hypothesis import assume
from hypothesis import strategies as st

import dispatchlib as dl
from dispatchlib.reading.blocks import BlockReader, Unit, is_credit_alone
from dispatchlib.reading.header import match_date_line, match_header
from dispatchlib.reading.layouts import NOT_SPEAKERS, NOT_TITLES, SMALL_WORDS
from dispatchlib.reading.start import is_chrome

HOSTILE = [
    "<script>alert(1)</script>",
    "]]>",
    "&amp;",
    "\"'",
    "\u200f",
    "\u202e",
    "😀",
    "e\u0301",
    "x" * 300,
    "long " * 4000,
    "<![CDATA[",
    "&#0;",
    "\\",
    "{}",
    "%s",
]


def _hostile(index: int) -> str:
    return HOSTILE[index]


# drawn by index: the strategy's own repr (which st.recursive takes) stays short, not 20,000 characters
any_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40) | st.sampled_from(range(len(HOSTILE))).map(
    _hostile
)
maybe_text = st.none() | any_text
dates = st.dates()  # years 1 to 9999, all the model takes
numbers = st.integers(min_value=0, max_value=dl.MAX_NUMBER)

languages = st.sampled_from(["en", "en-GB", "ar", "he", "fa", "ru", "tr", "zh-Hant", "de"])
addresses = st.sampled_from(
    ["https://example.org/", "http://example.org/a?b=1&c=<2>", "mailto:someone@example.org", "HTTPS://EXAMPLE.ORG/"]
) | st.text(max_size=20).map(lambda text: "https://example.org/" + text)
_runs = st.builds(dl.Text, text=any_text) | st.builds(dl.ForeignText, text=any_text, language=languages)


def _spans(inner: st.SearchStrategy[dl.Inline]) -> st.SearchStrategy[dl.Inline]:
    content = st.lists(inner, min_size=1, max_size=3)
    return st.builds(dl.Emphasis, content=content) | st.builds(dl.Strong, content=content)


# what a link holds: runs, emphasis and strong emphasis of them, nested, but no link or reference
_linkable = st.recursive(_runs, _spans, max_leaves=3)
_leaf = (
    _runs
    | st.builds(dl.NoteRef, number=numbers)
    | st.builds(dl.Link, content=st.lists(_linkable, min_size=1, max_size=2), url=addresses)
)
inline = st.recursive(_leaf, _spans, max_leaves=4)
inlines = st.lists(inline, max_size=5)


@st.composite
def boundaries(draw: st.DrawFn) -> dl.TranslationBoundary:
    content = draw(inlines)
    refs = [item.number for item in dl.leaves(content) if isinstance(item, dl.NoteRef)]
    wants_note: bool = draw(st.booleans())
    note = draw(st.sampled_from(refs)) if refs and wants_note else None
    return dl.TranslationBoundary(content=tuple(content), source_note=note)


blocks = st.one_of(
    st.builds(dl.Paragraph, content=inlines),
    st.builds(dl.Heading, text=any_text, level=st.sampled_from([1, 2, 3])),
    st.builds(
        dl.Figure,
        caption=st.text(max_size=20) | any_text,
        credit=maybe_text,
        alt_text=maybe_text,
        image=st.none() | st.builds(dl.Picture, media_type=st.sampled_from(dl.IMAGE_TYPES), src=maybe_text),
    ),
    st.builds(dl.Figure, caption=any_text, credit=any_text, credit_url=addresses),
    st.builds(dl.Figure, caption=any_text, credit_missing=st.just(True)),
    st.builds(dl.Quotation, content=inlines),
    st.builds(dl.SpeakerTurn, speaker=any_text, content=inlines),
    st.builds(dl.StageDirection, text=any_text),
    st.builds(dl.EditorNote, content=inlines, label=any_text),
    st.builds(dl.MediaPointer, text=any_text),
    boundaries(),
)
notes = st.builds(
    dl.Note,
    number=numbers,
    text=st.text(max_size=30) | any_text,
    outlet=maybe_text,
    date=st.none() | dates,
    outlet_missing=st.booleans(),
    url=maybe_text,
)
clips = st.none() | st.builds(dl.Clip, duration_seconds=st.none() | numbers, channels=st.lists(any_text, max_size=3))


def dispatches() -> st.SearchStrategy[dl.Dispatch]:
    """Any valid dispatch model."""
    return st.builds(
        dl.Dispatch,
        series=maybe_text,
        number=st.none() | numbers,
        extra_numbers=st.lists(numbers, max_size=3),
        date=st.none() | dates,
        title=st.text(max_size=30) | any_text,
        topics=st.lists(any_text, max_size=4),
        authors=st.lists(any_text, max_size=3),
        author_note=maybe_text,
        body=st.lists(blocks, max_size=8),
        notes=st.lists(notes, max_size=5),
        truncated=st.booleans(),
        clip=clips,
        source_url=maybe_text,
        language=st.none() | languages,
    )


def collections() -> st.SearchStrategy[dl.Collection]:
    """Any valid collection model."""
    return st.builds(
        dl.Collection, title=st.text(max_size=20), dispatches=st.lists(dispatches(), min_size=1, max_size=3)
    )


# --- models the plain-text form expresses ---------------------------------------------------------

_LETTERS = st.characters(categories=("Lu", "Ll", "Lo"), exclude_characters="ªºˆˇ")
_word = st.text(_LETTERS, min_size=1, max_size=10).filter(lambda w: not re.search(r"(?i)^by$|^no$", w))
_lower_word = _word.map(str.lower).filter(lambda w: w[:1].islower() and w[:1].isalpha())
_cap_word = _word.map(str.capitalize).filter(lambda w: w[:1].isupper())
_odd_word = st.sampled_from(
    [
        "<script>",
        "&amp;",
        "]]>",
        "l'état",
        "don’t",
        "—",
        "&",
        "😀",
        "x²",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
        "e\u0301t\u00e9",
        "Привет",
        "100%",
        "2023",
        "a-b",
        "x" * 60,
    ]
)
_TRIGGERS = re.compile(r"(?i)follow|excerpt|translat|below|source|description|click|view|\bnote\b")


def _sentence(words: list[str]) -> str:
    return " ".join(words) + "."


_sentence_text = (
    st.lists(_lower_word | _odd_word, min_size=1, max_size=12).map(_sentence).filter(lambda s: not _TRIGGERS.search(s))
)


_marks = st.sampled_from(["emphasis", "strong", "both", "link"])


@st.composite
def _spanned_sentence(draw: st.DrawFn) -> list[dl.Inline]:
    """A sentence with one word inside it (not the first, not the last) emphasised, strongly
    emphasised, both, or linked: as the text form writes them, ``_word_``, ``**word**``, ``[word](...)``."""
    words = draw(st.lists(_lower_word | _odd_word, min_size=3, max_size=8))
    if _TRIGGERS.search(" ".join(words)):
        words = ["plain"] * len(words)
    index = draw(st.integers(1, len(words) - 2))
    word: dl.Inline = dl.Text(text=words[index])
    mark = draw(_marks)
    if mark in ("emphasis", "both"):
        word = dl.Emphasis(content=(word,))
    if mark in ("strong", "both"):
        word = dl.Strong(content=(word,))
    if mark == "link" and not words[index].isdigit():  # "[2023](...)" reads as a note reference before a link
        word = dl.Link(content=(word,), url=f"https://example.org/{draw(st.integers(0, 999))}")
    return [
        dl.Text(text=" ".join(words[:index]) + " "),
        word,
        dl.Text(text=" " + " ".join(words[index + 1 :]) + "."),
    ]


@st.composite
def _prose(draw: st.DrawFn) -> tuple[dl.Inline, ...]:
    """Sentences with note references after some of them, starting with text; some sentences
    with an emphasised, strong or linked word."""
    content: list[dl.Inline] = []
    for index in range(draw(st.integers(1, 4))):
        sentence: list[dl.Inline] = (
            draw(_spanned_sentence()) if draw(st.integers(0, 3)) == 0 else [dl.Text(text=draw(_sentence_text))]
        )
        if index:  # every sentence starts with text
            sentence[0] = dl.Text(text=f" {dl.plain_text(sentence[:1])}")
        for item in sentence:
            if content and type(item) is dl.Text and type(content[-1]) is dl.Text:
                content[-1] = dl.Text(text=content[-1].text + item.text)
            else:
                content.append(item)
        if draw(st.booleans()):
            content.append(dl.NoteRef(number=draw(st.integers(1, 9))))
    return tuple(content)


_STILL_LABELS = ("screenshot", "screengrab", "screen capture", "scene from", "still from")
# a line that is page chrome ("Share", "Donate") is dropped as such, one that reads as a byline
# ("By A", "Przez A") is taken for one, and a label ("Contenido", "Introduction") is never a title:
# the text form cannot hold them as a title or a heading
_title_words = (
    st.lists(_cap_word, min_size=1, max_size=7)
    .map(" ".join)
    .filter(lambda line: not is_chrome(line) and match_date_line(line) is None and line.casefold() not in NOT_TITLES)
    .filter(lambda line: line.lower() not in SMALL_WORDS)  # "From" alone is a credit's broken line, no heading
    .filter(lambda line: not line.lower().endswith(("screenshot", "screengrab")))  # a still's label, no heading
    .filter(lambda line: not line.lower().startswith(_STILL_LABELS))  # "Screengrab A": a still's caption
    # "Clip", "Klip" over a clip's "#1": its header, broken over two lines
    .filter(lambda line: getattr(match_header(f"{line} No. 1"), "series", None) != "MEMRI TV Clip")
)
_outlet = st.lists(_cap_word, min_size=1, max_size=3).map(" ".join)
# "Source: ..." and its like are read as labels, not as a speaker's turn: the text form cannot say otherwise
_speaker = (
    st.lists(_cap_word, min_size=1, max_size=3)
    .map(" ".join)
    .filter(lambda name: name.lower() not in NOT_SPEAKERS)
    .filter(lambda name: not is_credit_alone(f"{name}: Aa"))  # "Screenshot: …" is a picture's credit
    .filter(lambda name: not name.lower().startswith(_STILL_LABELS))  # "Screenshot A: …", a still's caption
    .filter(lambda name: _read_as_turn(name))  # not a caption's label ("Graph: …") nor a section's ("Indice: …")
)


def _read_as_turn(name: str) -> bool:
    """Does a line of the name, its colon and a few words read as the name's turn?"""
    block = BlockReader(paren_refs=False).block(Unit(text=f"{name}: a a.", starts=(0,), lines=(1,)))
    return isinstance(block, dl.SpeakerTurn)


@st.composite
def _text_boundary(draw: st.DrawFn) -> dl.TranslationBoundary:
    lead = list(draw(_prose())) if draw(st.booleans()) else []
    line = draw(
        st.sampled_from(
            [
                "The article follows below:",
                "The following are excerpts:",
                "His remarks follow below:",
                "Below are excerpts.",
            ]
        )
    )
    if lead:
        lead.append(dl.Text(text=f" {line}"))
    else:
        lead = [dl.Text(text=line)]
    note = draw(st.none() | st.integers(1, 9))
    content = [*lead, *([dl.NoteRef(number=note)] if note is not None else [])]
    merged: list[dl.Inline] = []
    for item in content:
        if merged and isinstance(item, dl.Text) and isinstance(merged[-1], dl.Text):
            merged[-1] = dl.Text(text=merged[-1].text + item.text)
        else:
            merged.append(item)
    return dl.TranslationBoundary(content=tuple(merged), source_note=note)


@st.composite
def _numbered_heading(draw: st.DrawFn) -> dl.Heading:
    parts = draw(st.lists(st.integers(1, 9), min_size=1, max_size=3))
    return dl.Heading(text=f"{'.'.join(map(str, parts))}. {draw(_title_words)}", level=len(parts))


text_blocks = st.one_of(
    st.builds(dl.Paragraph, content=_prose()),
    st.builds(dl.Heading, text=_title_words, level=st.just(1)),
    _numbered_heading(),
    st.builds(dl.Figure, caption=_title_words, credit=_outlet),
    st.builds(dl.Figure, caption=_title_words, credit_missing=st.just(True)),
    st.builds(dl.Figure, alt_text=st.lists(_lower_word, min_size=1, max_size=5).map(", ".join)),
    st.builds(dl.Quotation, content=_prose()),
    st.builds(dl.SpeakerTurn, speaker=_speaker, content=_prose()),
    st.builds(dl.StageDirection, text=st.lists(_cap_word, min_size=1, max_size=3).map(" ".join)),
    st.builds(dl.EditorNote, content=_prose(), label=st.sampled_from(["Note", "Editor's Note"])),
    st.builds(
        dl.MediaPointer,
        text=st.sampled_from(
            ["Click here to view this clip on MEMRI TV.", "To view this clip on MEMRI TV, click here or below:"]
        ),
    ),
    _text_boundary(),
)


@st.composite
def _text_note(draw: st.DrawFn, number: int) -> dl.Note:
    date = draw(st.none() | dates)
    when = f"{dl.date_text(date)}." if date else None
    kind = draw(st.sampled_from(["outlet", "lost", "free"]))
    if kind == "outlet" and when:
        outlet = draw(_outlet)
        return dl.Note(number=number, text=f"{outlet}, {when}", outlet=outlet, date=date)
    if kind == "lost" and when:
        return dl.Note(number=number, text=when, date=date, outlet_missing=True)
    return dl.Note(number=number, text=draw(_sentence_text))


def _no_repeats(body: list[dl.Block]) -> bool:
    return all(a != b for a, b in itertools.pairwise(body))


def _no_portrait_headings(body: list[dl.Block]) -> bool:
    """No heading saying the name of the speaker whose turn follows it: the text form reads a
    speaker's name alone over their turn as the caption of their picture."""
    return not any(
        isinstance(a, dl.Heading) and isinstance(b, dl.SpeakerTurn) and a.text == b.speaker
        for a, b in itertools.pairwise(body)
    )


@st.composite
def text_dispatches(draw: st.DrawFn) -> dl.Dispatch:
    """A dispatch whose plain text the parser reads back to the same model."""
    body = tuple(draw(st.lists(text_blocks, max_size=8).filter(_no_repeats).filter(_no_portrait_headings)))
    count = draw(st.integers(0, 5))
    note_list = tuple(draw(_text_note(n)) for n in range(1, count + 1))
    author_note = draw(st.none() | _sentence_text)
    title = draw(_title_words)
    # a heading first that is the title again is the copy's repeat, dropped; one that ends in it
    # reads as a reporter's name glued before it ("Orla Tamsin Title"), one the title ends in as
    # the title again, a site's section glued before it ("World Title" / "Title")
    first = body[0].text if body and isinstance(body[0], dl.Heading) else None
    assume(first is None or not (first.endswith(title) or title.endswith(first)))
    base = dl.Dispatch(
        number=draw(st.integers(1, 99999)),
        date=draw(st.none() | dates),
        title=title,
        body=body,
        notes=note_list,
        truncated=draw(st.booleans()),
        author_note=author_note,
        source_url=draw(st.none() | st.integers(1, 9999).map(lambda n: f"http://example.org/r/{n}.htm")),
    )
    if draw(st.booleans()):
        clip = dl.Clip(
            duration_seconds=draw(st.none() | st.integers(0, 10000)),
            channels=tuple(draw(st.lists(st.builds("{} ({})".format, _outlet, _cap_word), max_size=2))),
        )
        return attrs.evolve(base, series="MEMRI TV Clip", clip=clip)
    series = draw(
        st.sampled_from(
            [
                "Special Dispatch",
                "Inquiry & Analysis Series",
                "MEMRI Daily Brief",
                "Special Announcements",
                "Islamist Websites Monitor",
            ]
        )
    )
    topics = tuple(draw(st.lists(_outlet, max_size=4, unique=True)))
    authors = tuple(draw(st.lists(st.builds("{}. {}".format, _cap_word.map(lambda w: w[0]), _cap_word), max_size=3)))
    # a name that reads as a post after the one before it ("By A. One, A. Editor") is no author's
    byline = match_date_line(f"By {', '.join(authors)}") if authors else None
    assume(byline is None or byline.authors == authors)
    extra = tuple(draw(st.lists(st.integers(1, 99999), max_size=2)))
    return attrs.evolve(base, series=series, extra_numbers=extra, topics=topics, authors=authors)


_DAMAGE = [
    lambda text, rng: text.replace("\n", "\r\n"),
    lambda text, rng: text.replace("\n", "\r"),
    lambda text, rng: "\ufeff" + text,
    lambda text, rng: text.replace(" ", "\u00a0", rng.randint(1, 5)),
    lambda text, rng: "memri\nDonate Today\ncta-image\n" + text,
    lambda text, rng: text + "\nShare this Report:\nLatest Posts\n",
    lambda text, rng: text.replace("[", "(").replace("]", ")"),
    lambda text, rng: text.replace("\n\n", "\n"),
    lambda text, rng: text.replace("\n\n", "\n \t \n\n"),
]


@st.composite
def damaged_texts(draw: st.DrawFn) -> str:
    """The text of a dispatch (``text_dispatches()``), damaged as copied text is: CR line ends, a
    BOM, non-breaking spaces, page chrome, share buttons, ``(1)`` references, lost blank lines,
    whitespace-only lines, and lines dropped, repeated or swapped."""
    lines = dl.to_text(draw(text_dispatches())).split("\n")
    for _ in range(draw(st.integers(0, 3))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["drop", "repeat", "swap"]))
        if operation == "drop":
            del lines[index]
        elif operation == "repeat":
            lines.insert(index, lines[index])
        else:
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(index))
    text = "\n".join(lines)
    rng = draw(st.randoms(use_true_random=False))
    for damage in draw(st.lists(st.sampled_from(_DAMAGE), max_size=4)):
        text = damage(text, rng)
    return text
