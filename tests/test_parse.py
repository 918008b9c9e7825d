"""The parser on the layouts and damage FORMAT.md lists, one behaviour per test."""

from __future__ import annotations

import contextlib
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dispatchlib as dl
from dispatchlib.reading import blocks, header, start
from dispatchlib.reading import top as top_of_text
from dispatchlib.testing.strategies import damaged_texts

SIMPLE = """March 14, 2023 Special Dispatch No. 10523

A Title

March 14, 2023
Russia | Special Dispatch No. 10523

First paragraph.[1]

[1] Kommersant, March 7, 2023.
"""


def _parse(text: str) -> tuple[dl.Dispatch, set[str]]:
    dispatch, diagnostics = dl.parse(text, source="x.txt")
    return dispatch, {d.code for d in diagnostics}


@pytest.mark.parametrize(
    ("header", "series", "numbers", "date"),
    [
        ("March 14, 2023 Special Dispatch No. 10523", "Special Dispatch", (10523,), datetime.date(2023, 3, 14)),
        ("Special Dispatch No. 1572", "Special Dispatch", (1572,), None),
        ("September 15, 2010 / Special Dispatch No. 3232", "Special Dispatch", (3232,), datetime.date(2010, 9, 15)),
        (
            "Special Dispatch | No. 2413, 2414, 2415 | June 21, 2009",
            "Special Dispatch",
            (2413, 2414, 2415),
            datetime.date(2009, 6, 21),
        ),
        ("June 24, 2004 No.29", None, (29,), datetime.date(2004, 6, 24)),
        (
            "May 2, 2019 Inquiry & Analysis Series No. 1459",
            "Inquiry & Analysis Series",
            (1459,),
            datetime.date(2019, 5, 2),
        ),
        ("Special Dispatch No. 3174–Egypt/Syria/Inter-Arab", "Special Dispatch", (3174,), None),
        # an old e-mail's area before the number; an old PDF's credit naming the institute
        (
            "Special Dispatch - Vellonian Authority No. 82 March 29, 2000",
            "Special Dispatch",
            (82,),
            datetime.date(2000, 3, 29),
        ),
        (
            "Special Dispatch by The Middle East Media Research Institute (MEMRI), August 17, 2004.",
            "Special Dispatch",
            (None,),
            datetime.date(2004, 8, 17),
        ),
        # an old clip page's bare "Clip No." names no series, only the clip's number
        ("11/11/2005, Clip No. 930", None, (930,), datetime.date(2005, 11, 11)),
        ("11/11/2005, MEMRI TV Clip No. 930", "MEMRI TV Clip", (930,), datetime.date(2005, 11, 11)),
    ],
)
def test_header_variants(header: str, series: str | None, numbers: tuple[int, ...], date: datetime.date | None) -> None:
    """Each header form gives series, number (extra numbers kept) and date."""
    dispatch, _ = _parse(f"{header}\n\nTitle Here\n\nA paragraph.\n")
    assert (dispatch.series, (dispatch.number, *dispatch.extra_numbers), dispatch.date) == (series, numbers, date)
    assert dispatch.title == "Title Here"


def test_email_header_topics() -> None:
    """The e-mail header's slash-separated topics after an en dash become topics."""
    dispatch, _ = _parse("Special Dispatch No. 3174–Egypt/Syria/Inter-Arab\nTitle\n\nText.\n")
    assert dispatch.topics == ("Egypt", "Syria", "Inter-Arab")


def test_title_with_byline() -> None:
    """A byline on the title line is split off into authors and date."""
    dispatch, _ = _parse("Special Dispatch No. 900\n\nThe Title, By A. Author - November 17, 2005\n\nText.\n")
    assert (dispatch.title, dispatch.authors, dispatch.date) == (
        "The Title",
        ("A. Author",),
        datetime.date(2005, 11, 17),
    )


def test_header_meta_mismatch_is_an_error() -> None:
    """A meta block that contradicts the header is reported; the header's values are kept."""
    text = SIMPLE.replace("Russia | Special Dispatch No. 10523", "Russia | Special Dispatch No. 999")
    text = text.replace("March 14, 2023\n", "March 15, 2023\n")
    dispatch, codes = _parse(text)
    assert dispatch.number == 10523 and dispatch.date == datetime.date(2023, 3, 14)
    assert "header-mismatch" in codes


def test_missing_header_reads_meta_block() -> None:
    """Without a header, the title is the first line and the meta block gives series and number;
    one no-header warning says where each came from."""
    dispatch, diagnostics = dl.parse(SIMPLE.split("\n", 2)[2], source="x.txt")
    assert (dispatch.series, dispatch.number, dispatch.title) == ("Special Dispatch", 10523, "A Title")
    said = next(d for d in diagnostics if d.code == "no-header")
    assert said.severity is dl.Severity.WARNING
    assert said.message == (
        "no header; title taken from line 1; date taken from line 3; series and number taken from line 4"
    )


def test_missing_note_and_unreferenced_note() -> None:
    """A reference to an absent note and a note nobody references are both reported, with lines."""
    dispatch, diagnostics = dl.parse(SIMPLE.replace("First paragraph.[1]", "First paragraph.[2]"), source="x.txt")
    found = {d.code: d for d in diagnostics}
    assert found["missing-note"].line == 8 and found["missing-note"].column == 17
    assert found["unreferenced-note"].line == 10
    assert dispatch.body[0] == dl.Paragraph(content=(dl.Text(text="First paragraph."), dl.NoteRef(number=2)))


def test_duplicate_note_kept_and_reported() -> None:
    """Two notes with one number are both kept, and reported."""
    dispatch, codes = _parse(SIMPLE + "[1] Again, March 8, 2023.\n")
    assert len(dispatch.notes) == 2 and "duplicate-note" in codes


def test_strict_raises_with_source_line_column() -> None:
    """strict=True raises ParseError naming source:line:column of the first error."""
    with pytest.raises(dl.ParseError, match=r"^x\.txt:8:17: reference \[2\] points to no note"):
        dl.parse(SIMPLE.replace("[1]", "[2]", 1), source="x.txt", strict=True)


def test_strict_accepts_clean_input() -> None:
    """strict=True returns normally when there is no error-level diagnostic."""
    dispatch, _ = dl.parse(SIMPLE, strict=True)
    assert dispatch.number == 10523


@pytest.mark.parametrize("text", ["", "   \n\n \t\n", "\x00\x01binary\x02"])
def test_empty_or_binary_is_not_a_dispatch(text: str) -> None:
    """Empty, blank and binary input give an error diagnostic, and NotADispatchError in strict mode."""
    dispatch, diagnostics = dl.parse(text)
    assert dispatch == dl.Dispatch()
    assert diagnostics[0].severity is dl.Severity.ERROR
    with pytest.raises(dl.NotADispatchError):
        dl.parse(text, strict=True)


def test_prose_without_evidence_is_read_but_strict_refuses_it() -> None:
    """Prose with nothing that marks a dispatch is read (a warning says so); strict reading refuses it."""
    text = "Just some prose that is here, as it was written down by somebody.\n\nAnother line of it.\n"
    dispatch, diagnostics = dl.parse(text)
    said = next(d for d in diagnostics if d.code == "uncertain-dispatch")
    assert said.severity is dl.Severity.WARNING and "read as prose" in said.message
    assert len(dispatch.body) == 2
    with pytest.raises(dl.NotADispatchError, match="uncertain-dispatch"):
        dl.parse(text, strict=True)


@pytest.mark.parametrize(
    "text",
    [
        "Home\nAbout Us\nReports\nContact\nDonate\n",
        "https://example.org/one\nhttps://example.org/two\nhttps://example.org/three\n",
        "Milk, bread, and eggs.\n",
        "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa\n",
    ],
    ids=["menu", "links", "short-list", "names"],
)
def test_text_without_prose_is_not_a_dispatch(text: str) -> None:
    """A menu, a list of links or names, a short list: no sentence of running text, refused even leniently."""
    _, codes = _parse(text)
    assert "not-a-dispatch" in codes


def test_prose_test_is_linear_on_a_very_long_line() -> None:
    """The prose test looks at the first 2,000 characters of a block: a huge line costs no more."""
    from dispatchlib.reading.evidence import is_prose

    assert is_prose("word " * 2_000_000)
    assert not is_prose("Word " * 2_000_000)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_cr_line_ends(newline: str) -> None:
    """CRLF and CR-only line ends read as LF, with a diagnostic; the model is the same."""
    dispatch, codes = _parse(SIMPLE.replace("\n", newline))
    assert dispatch == _parse(SIMPLE)[0]
    assert "line-endings" in codes


def test_whitespace_only_lines_and_nbsp() -> None:
    """Whitespace-only lines separate paragraphs; NBSP becomes a space."""
    text = SIMPLE.replace("First paragraph.[1]\n", "First\u00a0paragraph.[1]\n   \t\nSecond one.\n")
    dispatch, codes = _parse(text)
    assert dl.plain_text(dispatch.body[0].content) == "First paragraph."  # type: ignore[union-attr]
    assert len(dispatch.body) == 2 and "odd-whitespace" in codes


def test_hard_wrapped_paragraph_is_joined() -> None:
    """Lines broken at a fixed width join into one paragraph."""
    wrapped = (
        "This is a long paragraph that somebody has wrapped at a fixed width of\n"
        "about seventy characters, as old e-mail programs did, so that every line\n"
        "ends in the middle of a sentence.[1]\n"
    )
    dispatch, _ = _parse(SIMPLE.replace("First paragraph.[1]\n", wrapped))
    assert len(dispatch.body) == 1
    assert dl.plain_text(dispatch.body[0].content).startswith("This is a long")  # type: ignore[union-attr]
    assert "width of about seventy" in dl.plain_text(dispatch.body[0].content)  # type: ignore[union-attr]


def test_single_newline_paragraphs_are_split() -> None:
    """Paragraphs separated by single newlines stay separate paragraphs."""
    body = "One whole paragraph ends here.\nAnother paragraph starts here.\nA third one.[1]\n"
    dispatch, _ = _parse(SIMPLE.replace("First paragraph.[1]\n", body))
    assert len(dispatch.body) == 3


def test_duplicate_lead_paragraph_dropped_with_diagnostic() -> None:
    """A paragraph repeated right after itself is dropped and reported."""
    dispatch, codes = _parse(SIMPLE.replace("First paragraph.[1]\n", "Lead.\n\nLead.\n\nFirst paragraph.[1]\n"))
    assert len(dispatch.body) == 2 and "duplicate-paragraph" in codes


def test_a_crowds_chant_said_again_is_not_a_duplicate() -> None:
    """A short cry repeated under a crowd's turn is the chant going on: every line is kept."""
    text = (
        "May 4, 2011 MEMRI TV Clip No. 2810\n\nA Harbour Cleric Rallies the Crowd\n\n"
        "Following are excerpts from a rally on Coast TV, which aired on May 3, 2011:\n\n"
        "Orlo Vell: The pier belongs to the sailors, not to the ferry company.\n\n"
        "Crowd: Death to the guild, death to the ferry company!\n\n"
        "Death to the guild, death to the ferry company!\n\nDeath to the guild, death to the ferry company!\n\n"
        "Orlo Vell: The rioters will be dealt with harshly.\n"
    )
    dispatch, codes = _parse(text)
    said = [dl.plain_text(block.content) for block in dispatch.body if isinstance(block, dl.Paragraph)]
    assert said.count("Death to the guild, death to the ferry company!") == 2
    assert "duplicate-paragraph" not in codes


def test_cartoon_pair_becomes_figure() -> None:
    """A caption line followed by 'Outlet (Country), Date' is one figure with that credit."""
    body = "A Cartoon About The Budget\n\nAl-Watan (Saudi Arabia), March 3, 2023\n\nText.[1]\n"
    dispatch, _ = _parse(SIMPLE.replace("First paragraph.[1]\n", body))
    assert dispatch.body[0] == dl.Figure(
        caption="A Cartoon About The Budget", credit="Al-Watan (Saudi Arabia), March 3, 2023"
    )


@pytest.mark.parametrize(
    ("line", "figure"),
    [
        (
            "Le capitaine du port sur le quai (Source : Port.test, 3 mars 2016)",
            ("Le capitaine du port sur le quai", "Port.test, 3 mars 2016"),
        ),
        ("El capitán en el muelle (Fuente: Puerto.test)", ("El capitán en el muelle", "Puerto.test")),
        ("Der Hafenmeister am Pier (Quelle: Hafen.test)", ("Der Hafenmeister am Pier", "Hafen.test")),
    ],
)
def test_a_caption_closing_on_its_credit_in_every_language(line: str, figure: tuple[str, str]) -> None:
    """A caption's credit in the mirrors' words or French spacing makes the line a figure."""
    assert _first_block(line) == dl.Figure(caption=figure[0], credit=figure[1])


def test_a_caption_credited_in_lower_case_in_a_mirrors_words() -> None:
    """``Caption (zdjęcie: Outlet)``: the word before the credit in any case."""
    assert _first_block("Kapitan portu na nabrzeżu (zdjęcie: Port.test)") == dl.Figure(
        caption="Kapitan portu na nabrzeżu", credit="Port.test"
    )


@pytest.mark.parametrize(
    "line", ["Image: Port.test, October 7, 2023", "Zdjęcie: Facebook.com/port.test", "Foto: Port.test"]
)
def test_a_pictures_credit_alone_is_a_figure(line: str) -> None:
    """A credit on a line of its own, in the mirrors' words too, is a picture the copy lost."""
    assert _first_block(line) == dl.Figure(credit=line.partition(": ")[2])


def test_a_caption_whose_credit_went_with_its_link() -> None:
    """``Caption (image:`` cut where the credit's link was: a figure whose credit is missing, said
    with its place."""
    dispatch, diagnostics = dl.parse(
        SIMPLE.replace("First paragraph.[1]\n", "The harbour master (image:\n\nText.[1]\n"), source="x.txt"
    )
    assert dispatch.body[0] == dl.Figure(caption="The harbour master", credit_missing=True)
    assert [(d.line, d.column) for d in diagnostics if d.code == "credit-lost"] == [(8, 20)]


def test_a_pages_title_loses_the_sites_name() -> None:
    """A headerless copy's title as its page's tab names it, ``Title - MEMRI``, without the site."""
    text = "Friday, March 25, 2016\n\nThe Harbour Masters Call The Nets Torn - MEMRI\n\n" + "The text. " * 20
    dispatch, _ = _parse(text)
    assert dispatch.title == "The Harbour Masters Call The Nets Torn"


def test_a_header_run_onto_its_title_after_a_colon() -> None:
    """``MEMRI TV Clip No. 7326: Title`` under a long opening line heads the clip; the title
    loses the colon."""
    opening = "The harbour's clips of the week show the fishermen at the pier. " * 4
    text = f"{opening}\n\nMEMRI TV Clip No. 7326: The Harbour Master Speaks On The Nets\n\n" + "The text. " * 20
    dispatch, _ = _parse(text)
    assert (dispatch.number, dispatch.title) == (7326, "The Harbour Master Speaks On The Nets")


def test_a_paragraph_citing_its_source_is_no_figure() -> None:
    """Sentences that end on their source in brackets are a paragraph, not a caption: two of them,
    one with a stop after its bracket, a long one in a mirror's words, or one whose bracket closes
    before its end."""
    for line in (
        "The harbour closed at dawn. The master said the boats would stay in (Source: Port.test, 2016).",
        "The guild's statement was published on its website (Source: Port.test, March 11, 2019).",
        "Le port a été pendant des siècles un grand marché, et tout au long de son histoire, il a regardé"
        " vers la mer. Les pêcheurs y ont vendu leurs poissons aux marchands du nord (Source : Port.test)",
        "The guild's reply came a day later (Source: Port.test) and was read out at the pier (see below).",
        "Die Erklärung der Gilde wurde am Montag auf ihrer Website veröffentlicht (Quelle: Hafen.test).",
        # a sentence in commas, its stop after the bracket: not a caption listing who, where and when
        "The guild, which has some 300 members, said on Monday that it would strike (Source: Port.test, May 3, 2016).",
        "On March 2, 2016, guild leader Orla Tamsin, speaking at the pier, vowed revenge (Source: Port.test, 2016).",
        # a sentence quoting before its dated credit: not a cartoon's caption
        'The editor of the Example Tide wrote that the council had "betrayed us all" (Example Tide, March 3, 2016)',
        # a paragraph ending in a dateline or a signature: not a caption whose last sentence is its outlet
        "The editor wrote that the council must pay now. He was quoted the next day. Example Tide, March 14, 2016.",
        "We ask the council to answer before the spring. With respect, the captains. Orla Tamsin, March 14, 2016.",
    ):
        assert isinstance(_first_block(line), dl.Paragraph), line


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Orla Tamsin, Orlo Sample and Bram Keel, at the northern pier, March 15, 2016 (Source: Port.test, 2016).",
            "Orla Tamsin, Orlo Sample and Bram Keel, at the northern pier, March 15, 2016",
            "Port.test, 2016",
        ),
        (
            "Guild captains at the pier. Left to right: Orla Tamsin; Bram Keel. The Vellonian Tide, March 14, 2016.",
            "Guild captains at the pier. Left to right: Orla Tamsin; Bram Keel.",
            "The Vellonian Tide, March 14, 2016",
        ),
        (
            "The council's seal on the guild's door, \"paid in full\" written under it (, March 16, 2016)",
            "The council's seal on the guild's door, \"paid in full\" written under it",
            "March 16, 2016",
        ),
        ("Tweet Tamsina o nowym molo (Port.test/Tamsin, 14 września 2016 r.)", "Tweet Tamsina o nowym molo", None),
        # whoever lent the picture, after the picture's word
        (
            "A net mender's family in the old town (Image courtesy: Port.test)",
            "A net mender's family in the old town",
            "Port.test",
        ),
    ],
)
def test_caption_shapes_of_real_pages(line: str, caption: str, credit: str | None) -> None:
    """A caption listing who, where and when may end in a stop after its credit; a caption's last
    sentence may be its outlet and date alone; a dated credit may have lost its outlet's name with
    its link, or give its date day first."""
    block = _first_block(line)
    assert isinstance(block, dl.Figure), line
    assert block.caption == caption
    assert block.credit == (credit or "Port.test/Tamsin, 14 września 2016 r.")


@pytest.mark.parametrize(
    ("line", "figure"),
    [
        ("August 15, 2021: Guild sailors inside the harbour master's office, Port Vell", True),
        ("August 15, 2021: Guild sailors took the harbour master's office.", False),  # a timeline's sentence
        ("August 15, 2021: I Will Die As A Sailor On The Pier", False),  # in title case: a heading
    ],
)
def test_a_caption_opening_on_the_day_its_photograph_was_taken(line: str, figure: bool) -> None:
    """One phrase after the day and a colon, no stop, is a picture's caption; a sentence is text, and
    a phrase in title case a heading."""
    assert isinstance(_first_block(line), dl.Figure) is figure


def test_editor_note_pointer_and_stage_direction() -> None:
    """Editor's notes, video pointers and stage directions are typed blocks."""
    body = (
        "Note: The reference is to the 2020 war.\n\nClick here to view this clip on MEMRI TV.\n\n"
        "(Applause)\n\nText.[1]\n"
    )
    dispatch, _ = _parse(SIMPLE.replace("First paragraph.[1]\n", body))
    assert dispatch.body[:3] == (
        dl.EditorNote(content=(dl.Text(text="The reference is to the 2020 war."),)),
        dl.MediaPointer(text="Click here to view this clip on MEMRI TV."),
        dl.StageDirection(text="Applause"),
    )


def test_text_after_notes_is_kept_and_reported() -> None:
    """Unknown text after the notes stays in the body with an unplaced-text warning."""
    dispatch, codes = _parse(SIMPLE + "\nSome promotional text nobody knows.\n")
    assert "unplaced-text" in codes
    assert dl.plain_text(dispatch.body[-1].content) == "Some promotional text nobody knows."  # type: ignore[union-attr]
    assert len(dispatch.notes) == 1


def test_long_note_continues_on_next_line() -> None:
    """A note's text that runs on to the next line (no blank between) stays one note."""
    dispatch, _ = _parse(SIMPLE.replace("2023.\n", "2023. For more,\nsee Special Dispatch No. 7700.\n"))
    assert dispatch.notes[0].text == "Kommersant, March 7, 2023. For more, see Special Dispatch No. 7700."


def test_missing_author_note_reported() -> None:
    """A '*' after the authors with no '*' note is reported."""
    text = SIMPLE.replace("March 14, 2023\nRussia", "March 14, 2023 | By A. One*\nRussia")
    dispatch, codes = _parse(text)
    assert dispatch.authors == ("A. One",) and "missing-author-note" in codes


def test_parse_many_splits_bundle_with_line_numbers() -> None:
    """An e-mail bundle splits into its dispatches; line numbers count from the file's start."""
    second = SIMPLE.replace("10523", "10524").replace("[1]", "[2]", 1)
    results = dl.parse_many(SIMPLE + "\n" + second, source="bundle.txt")
    assert [d.number for d, _ in results] == [10523, 10524]
    missing = next(d for d in results[1][1] if d.code == "missing-note")
    assert missing.line == SIMPLE.count("\n") + 1 + 8


def test_parse_many_keeps_single_dispatch_whole() -> None:
    """A meta line repeating the series does not split a dispatch."""
    text = SIMPLE.replace("Russia | Special Dispatch No. 10523", "Special Dispatch No. 10523")
    assert len(dl.parse_many(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "(" * 50_000 + "Source:",
        "a" * 500_000,
        "March 14, 2023 " * 10_000,
        "[1] " * 2**18,  # 1 MB of note markers: a notes list looked for from every "[1]" took hours
        "\n" * 100_000 + "x",
    ],
)
def test_pathological_input_does_not_raise(text: str) -> None:
    """Degenerate input parses leniently without raising."""
    dispatch, diagnostics = dl.parse(text)
    assert isinstance(dispatch, dl.Dispatch) and isinstance(diagnostics, list)


def test_a_notes_list_run_into_a_line_is_split_before_each_note() -> None:
    """The notes list is the run of markers 1, 2, 3, ... that ends the line, after some text."""
    from dispatchlib.reading.start import _split_long

    assert _split_long("text [1] a [1] b [2] c") == ["text [1] a", "[1] b", "[2] c"]
    assert _split_long("text [3] a [1] b [2] c") == ["text [3] a", "[1] b", "[2] c"]
    assert _split_long("[1] [1] [1] [1]") == ["[1] [1] [1] [1]"]
    assert _split_long("text [1] a [2] b [4] c") == ["text [1] a [2] b [4] c"]


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_lenient_parse_never_raises(text: str) -> None:
    """On any text, lenient parsing returns a dispatch and diagnostics."""
    dispatch, diagnostics = dl.parse(text)
    assert isinstance(dispatch, dl.Dispatch)
    assert all(isinstance(d, dl.Diagnostic) for d in diagnostics)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_strict_parse_raises_only_parse_error(text: str) -> None:
    """On any text, strict parsing either succeeds or raises ParseError, with a location."""
    try:
        dl.parse(text, source="any.txt", strict=True)
    except dl.ParseError as error:
        message = str(error)
    else:
        return
    assert message.startswith("any.txt")


@settings(max_examples=500, deadline=None)
@given(damaged_texts())
def test_damaged_dispatch_text_never_raises(text: str) -> None:
    """Dispatch text with random damage parses leniently, strictly raises only ParseError, and splits."""
    assert isinstance(dl.parse(text)[0], dl.Dispatch)
    assert all(isinstance(d, dl.Dispatch) for d, _ in dl.parse_many(text))
    with contextlib.suppress(dl.ParseError):
        dl.parse(text, strict=True)


def test_a_stray_control_character_does_not_make_a_text_binary() -> None:
    """One ESC in a real dispatch: read, and the character replaced and reported on reading."""
    text = SIMPLE.replace("First paragraph.", "First\x1b paragraph.")
    dispatch, diagnostics = dl.read_bytes(text.encode(), source="x.txt")
    assert isinstance(dispatch, dl.Dispatch) and dispatch.number == 10523
    assert "unsafe-characters" in {d.code for d in diagnostics}
    assert "\x1b" not in dl.to_json(dispatch)


def _first_block(line: str) -> dl.Block:
    """The block ``line`` becomes standing first in an ordinary report's body."""
    dispatch, _ = _parse(SIMPLE.replace("First paragraph.[1]\n", f"{line}\n\nText.[1]\n"))
    return dispatch.body[0]


@pytest.mark.parametrize(
    "line",
    [
        '"The sea does not read the tables [...]"',  # a quotation trimmed by the translator
        '"We will never give up our nets, not today and not tomorrow, whatever the office says…"',
        '"We are fishermen, not clerks (and we never will be)"',
        '"The office has failed. It must go"',
        '"the tide office"',
        "'The tide,' he said, 'will come to the harbour whether the office likes it or not'",
    ],
)
def test_quotations_that_are_no_quoted_headings(line: str) -> None:
    """A quoted line is a section's heading only as one phrase: not a quotation cut short, two
    sentences, quotations with words between them, or words in lower case."""
    assert not isinstance(_first_block(line), dl.Heading)


@pytest.mark.parametrize(
    "line",
    [
        "Interviewer: You said the opposite in the weekly (Example Weekly, May 17, 2013)",
        "Harbour Columnist: The Tables Are Wrong (Special Dispatch No. 3301, March 4, 2011)",
        "The office answered the union (see also Example Post, March 1, 2003)",
        "![](https://example.test/tide.png)The office said on Monday that the tables are correct.",
        "![](donate_banner.jpg)",
        "The cartoon was shared by the union as tide.jpg",
    ],
)
def test_lines_that_are_no_pictures(line: str) -> None:
    """A turn, a cited report, a see-also, a Markdown image glued to its paragraph, a banner and a
    sentence naming a file are no pictures of the dispatch."""
    block = _first_block(line)
    assert not (isinstance(block, dl.Figure) and (block.credit or block.image))


def test_an_image_file_name_takes_no_heading_or_lead_in_as_its_caption() -> None:
    """Under ``tables.jpg``, a section's heading in title case and ``He added:`` stay what they are."""
    body = "Text.[1]\n\ntables.jpg\nThe Tide Office Responds To The Union\n\nText.\n\nphoto.png\nHe added:\n\nText.\n"
    dispatch, _ = _parse(SIMPLE.replace("First paragraph.[1]\n", body))
    figures = [block for block in dispatch.body if isinstance(block, dl.Figure)]
    assert [(figure.caption, figure.image.src if figure.image else None) for figure in figures] == [
        ("", "tables.jpg"),
        ("", "photo.png"),
    ]
    assert dl.Heading(text="The Tide Office Responds To The Union") in dispatch.body


@pytest.mark.parametrize(
    "line",
    [
        "The main character: a fisherman who loses his nets to the tide office.",
        "Each puppet: a caricature of a harbour official.",
    ],
)
def test_a_sentence_about_a_role_is_no_speaker(line: str) -> None:
    assert not isinstance(_first_block(line), dl.SpeakerTurn)


def test_a_long_title_with_an_abbreviation_is_a_title() -> None:
    """``Gen.`` and ``Prof.`` end no sentence: a title past 150 characters holding them is kept."""
    title = (
        "Former Harbour Chief Gen. Orlo Tamsin On Example Coast TV: The Tide Office Must Resign, "
        "And Prof. Velma Quist Says The Fishermen Must Organise Their Own Tables"
    )
    dispatch, _ = _parse(SIMPLE.replace("A Title", title))
    assert dispatch.title == title and dispatch.topics == ("Russia",)


def test_a_translation_boundary_naming_the_institute_is_no_repost_lead_in() -> None:
    """``The following are excerpts ..., as translated by MEMRI:`` opens the text under its title."""
    text = (
        "Harbour Cleric: The Tide Is A Punishment\n\n"
        "The following are excerpts from the sermon, as translated by MEMRI:\n\n"
        "The tide is a punishment for the sins of the harbour, said the cleric in his sermon.\n"
    )
    dispatch, _ = _parse(text)
    assert dispatch.title == "Harbour Cleric: The Tide Is A Punishment"
    assert isinstance(dispatch.body[0], dl.TranslationBoundary)


def test_a_header_over_hard_wrapped_text_is_no_credit_under_the_text() -> None:
    """A header under an archive's long lines, over a body hard-wrapped at 72 columns, starts the
    dispatch: only a header with at most a line or two under it credits the text above it."""
    chrome = "The following is an archived copy of a message sent to a discussion list run by the harbour's friends."
    wrapped = "Since the storm, dozens of new harbour papers are available to the\nfishermen of Vellonia.\n\n" * 3
    text = f"{chrome}\n\n{chrome}\n\nJuly 15, 2003 Special Dispatch No. 537\n\nA Tide Of New Papers\n\n{wrapped}"
    dispatch, _ = _parse(text)
    assert (dispatch.number, dispatch.title) == (537, "A Tide Of New Papers")
    assert "archived copy" not in dl.to_text(dispatch)


@pytest.mark.parametrize(
    "line",
    [
        "And there's a transcript, translated into English",
        "To subscribe to the harbour list, go to",
        "Following are excerpts",
    ],
)
def test_sentences_that_are_no_bare_captions(line: str) -> None:
    """A sentence opening with a conjunction, one whose link the copy lost, and a boundary that
    lost its colon are no pictures' captions, though short and without a stop."""
    text = SIMPLE.replace("First paragraph.[1]\n", f"Text of the first paragraph.[1]\n\n{line}\n\nText.\n")
    dispatch, _ = _parse(text)
    assert not any(isinstance(block, dl.Figure) for block in dispatch.body)


def test_a_pointer_to_a_video_is_no_speaker() -> None:
    """``TO VIEW THIS VIDEO: http://...`` names nobody: an address follows the colon."""
    assert not isinstance(_first_block("TO VIEW THIS HARBOUR VIDEO: http://example.test/clip/12"), dl.SpeakerTurn)


def test_the_line_a_cut_copy_stops_on_is_no_heading() -> None:
    """A copy cut mid-sentence stops on a short line: a sentence cut, not a section's heading,
    unless every word of it is capitalised."""
    cut = "A Long Report On The Tide\n\nThe tide rose again on Monday, and the office said nothing about it.\n\n"
    dispatch, _ = _parse(cut + "In a May 14, 2019 article in the Example E")
    assert isinstance(dispatch.body[-1], dl.Paragraph)
    dispatch, _ = _parse(cut + "The Office Answers The Union")
    assert isinstance(dispatch.body[-1], dl.Heading)


_LONG = (
    "The harbour guild said on Tuesday that the northern fleet would stay in port until the new quota was"
    " published, adding that the fishermen of the coast had waited three seasons for an answer from the board."
)


def test_a_byline_with_a_bar_over_the_title_is_the_byline() -> None:
    """``By: O. Tamsin | MEMRI`` over a headerless copy's title is its byline, not a bar of page fields."""
    dispatch, _ = _parse(f"By: O. Tamsin | MEMRI\n\nThe Harbour And The Northern Fleet\n\n{_LONG}\n\n{_LONG} Again.\n")
    assert (dispatch.title, dispatch.authors) == ("The Harbour And The Northern Fleet", ("O. Tamsin",))


@pytest.mark.parametrize(
    "title", ["Sources In The Harbour Guild: The Strike Will Continue", "Fuentes del gremio: La huelga continuará"]
)
def test_a_title_opening_on_a_source_word_is_a_title(title: str) -> None:
    """Only ``Source:`` with its colon is a source line; ``Sources In ...`` may be a title."""
    dispatch, _ = _parse(f"{title}\n\nMarch 12, 2019 Special Dispatch No. 9123\n\n{_LONG}\n")
    assert dispatch.title == title


def test_a_title_with_a_comma_under_a_menu_is_the_title() -> None:
    """A title with a comma, over its date, is no list of categories when no title stands under the
    date; names over the date are no categories either."""
    dispatch, _ = _parse(
        f"Harbourwatch Blog\nHarbour Guild Strikes, Coast Fleet Stays Idle\nMarch 12, 2019\n\n{_LONG}\n"
    )
    assert dispatch.title == "Harbour Guild Strikes, Coast Fleet Stays Idle"
    dispatch, _ = _parse(f"Menu\nOrla Tamsin, Rafe Sample\nMarch 12, 2019\n\nThe Harbour Title\n\n{_LONG}\n")
    assert (dispatch.title, dispatch.topics) == ("The Harbour Title", ())


def test_a_date_in_brackets_inside_the_text_starts_nothing() -> None:
    """``(March 3, 2011)`` under a heading in the text is no date line of the copy's own."""
    text = (
        f"The Harbour And The Northern Fleet\n\n{_LONG}\n\nStatement Of The Guild\n\n(March 3, 2011)\n\n{_LONG} Two.\n"
    )
    dispatch, _ = _parse(text)
    assert (dispatch.title, dispatch.date) == ("The Harbour And The Northern Fleet", None)


def test_a_title_speaking_of_a_date_is_not_dated_by_it() -> None:
    """Only an issue's number before the date dates a title (``No. 28, July 18, 2025``)."""
    dispatch, _ = _parse(
        f"The Guild Recalls The Great Storm Of The Coast, March 3, 1911\n\nBy Orla Tamsin\n\n{_LONG}\n"
    )
    assert dispatch.date is None


@pytest.mark.parametrize(
    "line", ["Leave a comment about the quota, the guild told its members, before the board meets.", "2000 comments"]
)
def test_only_a_comment_forms_own_line_ends_the_text(line: str) -> None:
    """A sentence opening on ``Leave a comment`` is text, not a blog's comment form."""
    dispatch, _ = _parse(f"Special Dispatch No. 12\n\nA Title\n\n{_LONG}\n\n{line}\n\n{_LONG} Last.\n")
    assert dl.plain_text(dispatch.body[-1].content).endswith("Last.")  # type: ignore[union-attr]


def test_a_header_behind_a_bullet_is_the_header() -> None:
    """A bullet may mark a page's own header; only a numbered list's items cite reports."""
    dispatch, _ = _parse(f"• Special Dispatch No. 9123 The Harbour And The Northern Fleet\n\n{_LONG}\n")
    assert dispatch.number == 9123


def test_a_byline_inside_the_text_under_a_dated_title_is_text() -> None:
    """Under ``Date / Title``, a byline after the text's first paragraph is a paragraph."""
    dispatch, _ = _parse(
        f"March 12, 2019\n\nThe Harbour Title\n\n{_LONG}\n\nBy Orla Tamsin, Harbour Times\n\n{_LONG} Two.\n"
    )
    assert dispatch.authors == ()


_BLOG_PARAGRAPH = (
    "{lead} a fresh translation of the harbour press, and it shows how the guild spoke of the council"
    " this winter, when the boats stayed in for a month and the pier was closed."
)


@pytest.mark.parametrize(
    ("lead", "dated"),
    [
        ("I read it this morning: MEMRI has", False),  # the blogger speaks of the institute
        ("Yesterday, MEMRI released", False),
        ("Do you read MEMRI? It has", False),
        ("The good people at MEMRI have", False),
        ("MEMRI just released another clip and", False),
        ("As MEMRI has reported before, the guild published", True),  # the dispatch's own words
        ("MEMRI has obtained a copy of a letter; it is", True),
        ("In an interview that MEMRI TV has translated, the guild published", True),
        ('The council claims that MEMRI is "a spy agency" and', True),
        ("(MEMRI) The guild published", True),  # the copy's credit
        ("Recorded and translated by MEMRI is", True),
        ("Here's yet another sign of it: the guild published", False),  # the blogger's voice
        ("The guild's bulletin, reports the Middle East Media Research Institute (MEMRI), published", False),
        ("According to MEMRI, the guild published", False),  # a news writer crediting the institute
        ("You need to read", False),  # the blogger telling the reader what to do
        ("Go read", False),
        ("You have betrayed the fishermen, and the guild published", True),  # a column's own "you"
        ("The guild, as MEMRI noted in an earlier report, published", True),  # the institute's own voice
        ("Who will lead the guild now? The guild published", True),  # a report's lead may ask
        ("After the attack on the promenade in Nice, France, the guild published", True),
        ('"I will not rest," the guild\'s master said as the guild published', True),  # a quote's "I"
        ("I have followed the council's dealings for years, and the guild published", True),  # a column's "I"
        ("If you have never heard of MEMRI, it is time you did: the guild published", False),  # an outsider
        ("MEMRI, the Middle East Media Research Institute, translates clips; the guild published", False),
        ("The folks at MEMRI have caught it: the guild published", False),
        ("The following was brought to my attention by a reader: the guild published", False),
        ("Poor harbour vs. rich pier. I've got my money on the former. The guild published", False),  # an aside
        ("As my earlier posts said, the pier has had better weeks. The guild published", False),  # the blog's
    ],
)
def test_a_headline_over_a_bloggers_words_about_the_institute_is_the_blogs(lead: str, dated: bool) -> None:
    """Under a copy's headline, a paragraph in which the blogger speaks of the institute makes the
    headline the blog's own: the title still (the text quotes no other), but the date over it is
    the blog's posting date, not the dispatch's. The dispatch's own mention of the institute, or a
    credit, leaves the date the dispatch's."""
    text = f"March 3, 2009\nWorth Your Time This Week\n\n{_BLOG_PARAGRAPH.format(lead=lead)}\n"
    dispatch, codes = _parse(text)
    assert dispatch.title == "Worth Your Time This Week"
    assert (dispatch.date == datetime.date(2009, 3, 3)) is dated
    assert "no-header" in codes


@pytest.mark.parametrize(
    ("top", "dated"),
    [
        ("March 3, 2009\nThe Guild Preaches Against The Gulls\n\n", False),  # over the blog's headline
        ("date 2009-03-03 ", False),  # a page's stamp run into the first paragraph
        ("The Guild Preaches Against The Gulls\n\nMarch 3, 2009\n\n", False),  # under a news story's headline
        ("The Guild Preaches Against The Gulls\n\nBy Orla Tamsin\nMarch 3, 2009\n\n", False),  # a reporter's
        ("The Guild Preaches Against The Gulls\n\nPublished on March 3, 2009\n\n", False),  # the story's
        ("The Guild Preaches Against The Gulls\n\nBy Orla Tamsin | March 3, 2009 | 8:06 PM EDT\n\n", False),
        ("date 2009-03-03 https://harbour-news.test/gulls\n\n", False),  # a scraper's stamp on another site's page
        ("March 3, 2009\n\n", True),  # over an untitled text: the text export's own date line
    ],
)
def test_a_date_over_a_news_writers_words_about_the_institute_is_the_posts(top: str, dated: bool) -> None:
    """A date over a text whose first paragraphs speak of the institute as another's (``in comments
    translated by the Middle East Media Research Institute``) is the post's, not the dispatch's;
    so is a news story's date under its title, alone, under the reporter's byline or saying when
    the story was published."""
    paragraph = (
        "The guild's master told the harbour radio that the gulls were thieves, in comments translated by"
        " the Middle East Media Research Institute (MEMRI), and the fishermen cheered him on the pier."
    )
    dispatch, diagnostics = dl.parse(f"{top}{_LONG}\n\n{paragraph}\n", source="x.txt")
    assert (dispatch.date == datetime.date(2009, 3, 3)) is dated
    assert dated or any("is the poster's, not the dispatch's" in d.message for d in diagnostics)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Die Möwe singt das Lied laut dem Hamburger Institut Memri schon seit drei Wochen im Hafenfunk.",
        "Den Auftritt des Kapitäns hat die Organisation MEMRI im Mai aufgezeichnet und ins Englische gebracht.",
        "MEMRI, una fundación con sede lejos del muelle, puso subtítulos al discurso del capitán de la lonja.",
    ],
)
def test_a_news_storys_date_in_another_language_is_the_storys(paragraph: str) -> None:
    """A foreign news story speaking of the institute as another's (``laut … Institut Memri``,
    ``die Organisation MEMRI``, ``MEMRI, una fundación …``): the date under its headline is the story's."""
    text = f"Hafen-Puppe tötet den Kapitän im Kinder-TV\n\n01.04.2008\n\n{_LONG}\n\n{paragraph}\n"
    dispatch, _ = dl.parse(text)
    assert dispatch.title == "Hafen-Puppe tötet den Kapitän im Kinder-TV"
    assert dispatch.date is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "The circular, which MEMRI obtained last week, orders the fleet to stay in port until the quota is out.",
        "In an exclusive interview with MEMRI, the guild's master said the fleet would stay in port this winter.",
        "The sermon, available via MEMRI TV, says the fleet will stay in port until the new quota is published.",
        "According to MEMRI JTTM monitoring, a channel of the guild posted a call to keep the fleet in port.",
    ],
)
def test_the_institutes_own_words_keep_the_date_over_its_title(paragraph: str) -> None:
    """A report copied with its date over its title keeps that date when its text speaks of the
    institute in the institute's own words, or its second paragraph opens on a quotation's
    ``That's``."""
    second = "That's what the guild's master told the fishermen on the pier, the day the fleet stayed in port."
    text = f"March 3, 2009\nThe Guild Keeps The Fleet In Port\n\n{paragraph}\n\n{second}\n"
    dispatch, _ = _parse(text)
    assert dispatch.date == datetime.date(2009, 3, 3)


@pytest.mark.parametrize(
    ("title", "opening", "titled"),
    [
        ("“Only The Tide Decides The Harbour’s Fate”", "Following are excerpts from the sermon of the guild", True),
        ("«Solo la marea decide il destino del porto»", "Quelli che seguono sono brani tratti dal sermone", True),
        (
            "Un film sur la télévision du port évoque les mouettes. Orla, héroïne du film : ‘Maintenant je comprends.’",
            "Le 12 octobre 2007, la télévision du port a diffusé un film d’animation intitulé « La jetée »",
            True,
        ),
        ("“Only The Tide Decides The Harbour’s Fate”", "The guild met on Tuesday and the boats stayed in", False),
        ("“Only The Tide Decides The Harbour’s Fate”", "March 3, 2019\n\nThe guild met on Tuesday", True),  # dated
        ("The preacher warned the guild of Port Vell: “We will not sell.”", "Following are excerpts from it", False),
        ("The guild's master added: “We will not sell the pier.”", "Following are excerpts from his sermon", False),
    ],
)
def test_a_quoted_headline_over_what_was_translated_is_the_title(title: str, opening: str, titled: bool) -> None:
    """Without a header, a line wholly in quotes, or ending in the words it quotes after a colon,
    over a paragraph saying what was translated or aired, is the title; over other prose, or when
    the words before the quotation make a sentence, it is none."""
    dispatch, _ = _parse(
        f"{title}\n\n{opening}, on the quota and the northern fleet, in the week of the storm.\n\n{_LONG}\n"
    )
    assert (dispatch.title == title) is titled


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("by MEMRI", ()),
        ("By The MEMRI Staff", ()),
        ("March 17, 2011 | By MEMRI TV Monitor Project", ()),
        ("March 17, 2011 | By Orla Tamsin and MEMRI Staff", ("Orla Tamsin",)),
        ("By MEMRI's Orla Tamsin", ("Orla Tamsin",)),
    ],
)
def test_a_byline_crediting_the_institute_names_no_author(byline: str, authors: tuple[str, ...]) -> None:
    """The institute credited in a byline is no author; a person named beside it is."""
    text = f"Harbour Guild Prepares For Strike\n\n{byline}\nMarch 17, 2011\n\n{'The guild is preparing. ' * 12}\n"
    dispatch, _ = _parse(text)
    assert dispatch.title == "Harbour Guild Prepares For Strike"
    assert dispatch.authors == authors


@pytest.mark.parametrize(
    "title",
    ["Friday Sermon at the Harbour Mosque", "Friday Sermon Marks 40 Days Since The Storm", "Sunday Rally Draws 10,000"],
)
def test_a_title_opening_with_a_weekday_is_no_posting_date(title: str) -> None:
    """A blog's posting date has a comma after its weekday, or its day or month next; a title that
    opens with a weekday's name is the title."""
    dispatch, _ = _parse(f"{title}\n\nMay 2, 2003\nVellonia | Special Dispatch No. 515\n\n{'Text of it. ' * 20}\n")
    assert (dispatch.title, dispatch.number, dispatch.date) == (title, 515, datetime.date(2003, 5, 2))


@pytest.mark.parametrize(
    "line", ["MEMRI, 18 августа 2020 г.", "МЕМРИ, 18 августа 2020 г.", "MEMRI – 18 августа 2020 г."]
)
def test_the_institutes_name_and_a_date_is_a_date_line(line: str) -> None:
    """A mirror opens a copy with the institute's name and the date."""
    dispatch, _ = _parse(f"{line}\nПосле шторма гильдия рыбаков заявила, что восстановит причал своими силами. [1]\n")
    assert dispatch.date == datetime.date(2020, 8, 18)


def test_a_headline_over_the_dispatchs_own_date_or_a_speakers_turn_stays_the_title() -> None:
    """Under the headline, the dispatch's date line or a speaker's first-person turn is no blogger's
    voice: the headline stays the title, and the date is read."""
    for below in (
        "March 12, 2014\n\nHere's a look at the guild's new boats, as the master showed them on Example TV.",
        "Orlo Tamsin, Guild Captain: I believe that the storm was sent to test the council and its master.",
    ):
        dispatch, _ = _parse(f"Vellonian Captain: The Storm Was A Test\n\n{below}\n")
        assert dispatch.title == "Vellonian Captain: The Storm Was A Test", below


@pytest.mark.parametrize(
    ("headline", "titled"),
    [
        ("Guild Chief: The Pier Is Ours; Preacher: Pay The Fishermen; Council: No Money Left", True),
        ("Guild Chief: The Pier Is Ours; The Council Must Go", False),  # one item's title
        ("Topics: Vellonia; Coast Affairs; Fishing Rights", False),  # a label's list
    ],
)
def test_an_email_digests_headline_of_its_items_titles_is_its_title(headline: str, titled: bool) -> None:
    """Three or more of the items' titles joined by semicolons under the digest's name are its title."""
    items = "".join(
        f"Special Dispatch No. {number}\n\nItem {number}: A Title\n\n{'Text of the item. ' * 12}\n\n"
        for number in (5387, 5386)
    )
    dispatch, _ = _parse(f"MEMRI Daily: August 1, 2013\n\n{headline}\n\n{items}")
    assert dispatch.title == (headline if titled else "")


def test_in_a_report_on_cartoons_a_quotation_or_a_writers_words_cited_stay_paragraphs() -> None:
    """A line ending in a dated credit is a cartoon in a report on cartoons, unless it is a
    quotation cited, a writer's words or a report cited."""
    lines = (
        '"The cartoonists of our harbour press have forgotten the sea." (Example Tide, Vellport, May 5, 2016)',
        "The columnist accused the council of serving the merchant houses (Example Tide, March 3, 2016)",
        "The guild has drawn the council before (see Special Dispatch No. 5901, January 2, 2015)",
        'The master sits atop a tap of fees. Across top: "The council\'s fees" (Example Tide, March 3, 2016)',
    )
    text = SIMPLE.replace("A Title", "The Council In Cartoons").replace(
        "First paragraph.[1]\n", "".join(f"{line}\n\n" for line in lines) + "Text.[1]\n"
    )
    dispatch, _ = _parse(text)
    assert [type(block).__name__ for block in dispatch.body[:4]] == ["Paragraph", "Paragraph", "Paragraph", "Figure"]


def test_an_outlet_with_a_stop_in_its_name_is_a_cartoons_credit_line() -> None:
    """``Example Co. (Vellonia), June 2, 2017`` under its caption is the cartoon's credit."""
    block = _first_block("The council master sits on the pier.\nExample Co. (Vellonia), June 2, 2017")
    assert isinstance(block, dl.Figure) and block.credit == "Example Co. (Vellonia), June 2, 2017"


@pytest.mark.parametrize(
    ("line", "pointer"),
    [
        ("Pour voir la vidéo sous-titrée en anglais, cliquez ici", True),
        ("Pour voir les vidéos sous-titrées en anglais, cliquez ici", True),
        ("Voir les extraits vidéos sur MEMRI TV", True),
        ("Pour voir la vidéo du discours en direct, dix mille pêcheurs se sont rassemblés sur le port.", False),
    ],
)
def test_the_french_mirrors_video_links_are_pointers(line: str, pointer: bool) -> None:
    assert isinstance(_first_block(line), dl.MediaPointer) is pointer


def test_a_headline_run_onto_a_name_and_colon_is_no_speakers_turn() -> None:
    """``Guild Commander Orlo Tamsin: We are in Contact With ...``, ten or more words nearly all
    capitalised and no stop, is the dispatch's headline left in a repost's body; a chant or a
    sentence after a speaker's name is a turn."""
    headline = (
        "Harbour Guild Commander Orlo Tamsin: We are in Contact With the Northern Fishermen, the Old Captains"
        " & the Pilots; Other Harbours Have Offered Help in Defeating the Ferry Company"
    )
    turns = (
        'Orlo Tamsin: "The ferry company which has occupied our pier has hatched a great plot to ruin the guild."',
        "Crowd: Death to the Ferry Company! Long Live the Guild of the Northern Pier and Its Captains!",
    )
    text = "March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{}\n\n{}\n\n{}\n".format(headline, *turns)
    dispatch, _ = _parse(text)
    kinds = [type(block).__name__ for block in dispatch.body]
    assert kinds[0] in ("Heading", "Paragraph") and kinds[1:] == ["SpeakerTurn", "SpeakerTurn"]


@pytest.mark.parametrize(
    ("line", "boundary"),
    [
        # the colon lost, the line alone
        ("Following are excerpts from a lecture by the preacher, which aired on Example TV on July 2, 2008", True),
        # "excerpts" in the first sentence, the colon after the second
        ("The following are excerpts from an interview with Orlo Tamsin. It aired on Example TV on May 9, 2007:", True),
        ("Poniżej podajemy fragmenty raportu:.", True),  # a stray stop after the colon
        # "excerpts" in the first sentence, a stop after the second
        ("Following are excerpts from a TV report on a pier festival. The report aired on Example TV in 2001.", True),
        ("The following paragraphs describe the harbour. Its excerpts of law are old. The pier is long:", False),
        ("He wrote excerpts of his diary in 2007. Then he said:", False),
        ("The following is an analysis based on translated excerpts. The guild has long opposed the ferry:", False),
    ],
)
def test_translation_boundary_shapes(line: str, boundary: bool) -> None:
    """A boundary may lose its colon, keep a stray stop after it, or say what it introduces in its
    first sentence and end its second in the colon; a paragraph mentioning excerpts is none."""
    text = f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{line}\n\nOrlo Tamsin: The tide is late today.\n"
    dispatch, _ = _parse(text)
    assert isinstance(dispatch.body[0], dl.model.TranslationBoundary) is boundary


_CLIP_PAGE = "Aug 28, 2004\nVellonian Preacher Rallies The Pier\n\n#229 | 06:55\nSource: Example Coast TV\n\n{}\n"


def test_a_transcripts_chant_in_title_case_is_said() -> None:
    """In a TV clip's transcript, a crowd's or a choir's words in title case are turns, never headlines."""
    lines = (
        "Crowd: Death to the Ferry Company, Death to the Council, Death to the Traitors of the Pier",
        "Choir: Oh My Homeland, Oh Land Of The Brave, We Will Sail To Your Shores And Never Leave Them",
    )
    dispatch, _ = _parse(_CLIP_PAGE.format("\n\n".join(lines)))
    assert [type(block).__name__ for block in dispatch.body] == ["SpeakerTurn", "SpeakerTurn"]


@pytest.mark.parametrize(
    ("above", "titled"),
    [
        (
            "The MEMRI Daily: July 12, 2010\n\nThe following is research published today from the Harbour Project.",
            False,
        ),
        ("The MEMRI Daily: July 12, 2010", True),  # no opening sentence: the name over a dispatch of its own
        ("The following is research published today from the Harbour Project.", True),  # no name: the item's title
        ("The following are clips from MEMRI TV's translation of a sermon by the preacher:", True),  # no digest
    ],
)
def test_a_digest_emails_name_and_its_one_items_title_vie(above: str, titled: bool) -> None:
    """Under an e-mail digest's name and opening sentence, its one item's title is no title of the
    text's own: it stays in the body as a heading."""
    text = (
        f"{above}\n\nSpecial Dispatch No. 3090\n\nThe Ferry Is A Gift\n\nThe harbour master said so on July 9, 2010.\n"
    )
    dispatch, _ = _parse(text)
    assert (dispatch.title == "The Ferry Is A Gift") is titled
    assert dispatch.number == 3090
    if not titled:
        assert dispatch.body[0] == dl.model.Heading(text="The Ferry Is A Gift")


@pytest.mark.parametrize(
    ("top", "title", "date"),
    [
        (
            "Latest news with #Harbour-Council\n\n20.06.2025, 14:30\n- Politics\n- Harbour",
            "The Ferry Strike Goes On",
            datetime.date(2025, 6, 20),
        ),
        ("Posts With #NoToTheFerry Flood Vellonian Media", "Posts With #NoToTheFerry Flood Vellonian Media", None),
    ],
)
def test_an_aggregators_page_chrome_and_date(top: str, title: str, date: datetime.date | None) -> None:
    """An aggregator's hashtag page heading, day-first date and dash-bulleted categories stand before
    the start, the date the page's; a title that holds a hashtag is a title."""
    lead = "The harbour council of Vellonia raised the ferry tax for the third time this year.[1]"
    dispatch, _ = _parse(f"{top}\nThe Ferry Strike Goes On\n{lead}\n")
    assert (dispatch.title, dispatch.date) == (title, date)


def test_dash_opened_dialogue_at_the_top_is_text() -> None:
    """Lines a dash opens that are sentences or speakers' turns are the text, not a page's categories."""
    text = "- Host: Welcome back to the show.\n- Orlo Tamsin: Thank you for having me.\n\nThe harbour council met.\n"
    dispatch, _ = _parse(text)
    assert "Welcome back" in dl.model.plain_text(dispatch.body[0].content)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("To view more clips of Orlo Tamsin, visit", "MediaPointer"),
        ("To watch the clip, click here.", "MediaPointer"),
        ("To view these videos as mere entertainment would be a mistake; they teach children to hate.", "Paragraph"),
        ("The ferry parade marking the anniversary of the northern pier. (Harbour.test)", "Figure"),
        ("For more on the campaign, see the guild's report (guild.test)", "Paragraph"),
        ("Clockwise from top left: The old pier; the new ferry; the harbour master at the helm", "Figure"),
        ("The ferry deal signed at the pier, July 14, 2015. Left to right: Orla Tamsin, Rafe Sample", "Figure"),
        ("The vote split the chamber. Left to right: the harbour party voted yes, the guild voted no.", "Paragraph"),
        ("Interviewer: Here is the photo. Pictured: You, at the pier, in 1998. Do you deny it?", "SpeakerTurn"),
        ("Former president: the ferry deal was the council's mistake, and the guild paid for it", "Paragraph"),
        ("(Fuente: Diario Ejemplo)", "Figure"),
        ("The Harbour Guild's Facebook post extending holiday greetings to the fishermen", "Figure"),
        ("Ancient Vellonian seal found in the ruins of the northern pier", "Figure"),
        ("Orlo Tamsin jumps up and grabs a chair, about to throw it at the host", "Paragraph"),
        ("The Harbour Council's response to the demands of the northern fishermen", "Paragraph"),  # a heading's
        ("Vellonian Journalists criticize the council for its handling of the crisis", "Paragraph"),
        ("Examplenews5 days ago", "Paragraph"),  # an aggregator's source and when it posted
    ],
)
def test_pointers_and_figure_lines(line: str, kind: str) -> None:
    """Where a clip is (only a line that says where to go), and the figure lines of real pages."""
    long = "The harbour master of Vellonia has promised a new lighthouse for the northern coast this year."
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{long}\n\n{line}\n\n{long}\n")
    assert type(dispatch.body[1]).__name__ == kind


@pytest.mark.parametrize(
    "text",
    [
        # a boundary broken before its date goes on
        "Below are excerpts from the statement, which was published in the Harbour Daily on\nJanuary 4, 2008:",
        "Following Excerpts Of His Sermon On TV, Vellonian Preacher Is Banned From The Pier",  # a title
        "Following the lecture, translations of his lectures were removed from the guild's website",
    ],
)
def test_what_opens_like_a_boundary_and_is_none(text: str) -> None:
    """Only a boundary that ends in its date's year, its colon lost, ends its line; a title or a
    sentence opening with "Following" is none."""
    long = "The harbour master of Vellonia has promised a new lighthouse for the northern coast this year and more."
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{long}\n{text}\n")
    boundaries = [block for block in dispatch.body if isinstance(block, dl.model.TranslationBoundary)]
    assert len(boundaries) == (1 if text.endswith(":") else 0)
    if boundaries:
        assert dl.model.plain_text(boundaries[0].content).endswith("January 4, 2008:")


@pytest.mark.parametrize(
    "name",
    [
        "Boy playing Orlo",
        "Camp nurse",
        "Orla Tamsin, host",
        "Orla Tamsin, mediator",  # a debate's moderator, as one show's transcripts call him
        "Three-year-old on the phone",  # a caller named by age
        "Would-be terrorist",
        "TV screen",
        "Host Orla, a girl",
        "Kaznodzieja syryjski",  # the mirrors' roles, an adjective after the noun
        "Człowiek z widowni",
        "Prowadzący wywiad",
        "Vellonian man on the street",  # a role and where it stands
        "Tamsin suppporter",  # a name, then any one word in lower case saying who (misspelt too)
    ],
)
def test_roles_a_transcript_names_its_speakers_by(name: str) -> None:
    """A role played (``Boy playing ...``), a role of layouts.SPEAKER_ROLES (what the screen shows
    too), an office in lower case after the name, a role after an article (``a young girl``), or a
    name before one word in lower case names a speaker in a TV clip's transcript."""
    words = "The tide is late today, and the boats wait."
    dispatch, _ = _parse(_CLIP_PAGE.format(f"{name}: {words}"))
    assert dispatch.body == (dl.model.SpeakerTurn(speaker=name, content=(dl.model.Text(text=words),)),)


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        # a short first line going on in lower case, the rest of the paragraph wrapped
        (["We have declared that", "we would mend the nets of the harbour, and the boats of", "the guild."], 1),
        # a heading and the lines under it stay apart, though an earlier pair went on in lower case
        (["The nets are old and", "grey.", "Velma Quist", "Introduction", "The fishermen like to say so."], 4),
        # a web address starts in lower case, and goes on no sentence
        (["To watch the clip visit", "www.example.org/clip", "The sea is", "grey today."], 3),
        # a long line ending in an address ends there
        (
            [
                "Watch the clip of the harbour master's speech with subtitles: http://harbour.test/12",
                "The harbour master spoke for an hour about the tides, the boats, the nets and the old pier, "
                "and then he left.",
            ],
            2,
        ),
    ],
)
def test_lines_broken_where_a_pages_source_broke_them(lines: list[str], paragraphs: int) -> None:
    """Lines of an old page broken at no one width, one going on in lower case the sentence the
    line above left open, are joined into paragraphs; a heading or an address is not joined."""
    dispatch, _ = _parse("March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n" + "\n".join(lines) + "\n")
    assert len(dispatch.body) == paragraphs


def test_a_clip_page_without_its_header_reads_turns_under_its_boundary() -> None:
    """A boundary that says its clip aired makes the lines under it a transcript's turns, speakers
    named after who they are too; a speaker's name alone on its line goes on with the words."""
    text = (
        "Following are excerpts from an interview with Orlo Tamsin, which aired on Harbour TV on\n"
        "May 2, 2008.\n\nHarbour poet Orla ur-Quist:\nThe tide is late today, and\nthe boats wait.\n"
    )
    dispatch, _ = _parse(text)
    assert dispatch.body[1] == dl.model.SpeakerTurn(
        speaker="Harbour poet Orla ur-Quist",
        content=(dl.model.Text(text="The tide is late today, and the boats wait."),),
    )


def test_a_name_that_has_spoken_is_a_speaker_again() -> None:
    """Outside a clip's transcript, a label already read as a speaker's is a turn again, even where
    its words would make a heading (``Interviewer: "Really?'``)."""
    dispatch, _ = _parse(
        "Harbour Guild Prepares For Strike\n\nMarch 3, 2009\n\n"
        "Interviewer: Where were you on the night of the storm?\n\n"
        "Orlo Tamsin: I was at the pier, mending the nets of the guild.\n\nInterviewer: \"Really?'\n"
    )
    assert [type(block).__name__ for block in dispatch.body] == ["SpeakerTurn"] * 3


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Harbour Daily Staff", ("Harbour Daily Staff",)),
        ("By Staff Writers", ()),
        ("By The Editors", ()),
        ("By Orla Tamsin and Staff Writers", ("Orla Tamsin",)),
        ("By Orla Staffordshire", ("Orla Staffordshire",)),
        ("By Orlo Tamsin - Harbour Daily Staff Writer", ("Orlo Tamsin",)),
        ("By Orlo Tamsin | Senior Staff Writer", ("Orlo Tamsin",)),
        ("By The MEMRI Staff", ()),
    ],
)
def test_a_newsroom_is_an_author_only_by_its_outlets_name(byline: str, authors: tuple[str, ...]) -> None:
    """A news site's staff credited by the outlet's name is the author the site gives; a newsroom
    no one names, or the institute's staff, is no author; a person's office after the name goes."""
    text = f"Harbour Guild Prepares For Strike\n\n{byline}\nMarch 17, 2011\n\n{'The guild is preparing. ' * 12}\n"
    dispatch, _ = _parse(text)
    assert dispatch.authors == authors


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("*Orla Quist is Director of the Harbour Project at MEMRI.", "Orla Quist"),
        ("*Orla Quist es Presidente de MEMRI.", "Orla Quist"),
        ("Harbour This Week is a weekly review by the MEMRI Harbour Project.", None),
        ("Orla Quist is a fisherman who reads MEMRI every morning.", None),
        ("The Harbour Project is directed by Orla Quist, a senior fellow at MEMRI.", None),
        ("Harbour Watch Monitor is a research project of MEMRI that follows the press.", None),
    ],
)
def test_an_author_named_only_by_their_note(line: str, author: str | None) -> None:
    """With no byline, the author is the person an author's note or bio line says holds an office at
    the institute; a review's name, or a reader of the institute, is none."""
    body = "The guild is preparing for a strike on the pier, its leaders said on Monday.[1]"
    dispatch, _ = _parse(f"{body}\n\n{line}\n\n[1] Example Post (Vellonia), March 3, 2009.\n")
    assert dispatch.authors == ((author,) if author else ())


@pytest.mark.parametrize(
    ("line", "cited", "number"),
    [
        # a sentence's small word before it: a clip cited in a sentence, in any language (the one clip
        # a headerless text credits is still its own)
        ("Tłumaczenie kazania znajduje się w MEMRI TV Clip No. 6013 Harbour Sermon: The Tide, 2017).", True, 6013),
        ('MEMRI first reported this in Special Dispatch No. 908, "Thanks to the Tide," April 20, 2001.', True, None),
        ("HARBOUR SITE WATCH : VELLONIA Special Dispatch No. 9899", False, 9899),  # a site's label before its header
        ("Home Reports Donate Log in March 14, 2019 Special Dispatch No. 7001", False, 7001),  # a menu's words
        ("Home Reports Contact Special Dispatch No. 7001, March 14, 2019", False, 7001),  # the header's own date
    ],
)
def test_a_header_cited_inside_a_first_line(line: str, cited: bool, number: int | None) -> None:
    """A header a sentence cites in the text's first lines stays in its paragraph; one after a
    site's label is the dispatch's header."""
    dispatch, _ = _parse(f"{line}\n\nA Title Of The Harbour\n\n{'The guild is preparing. ' * 12}\n")
    assert dispatch.number == number
    assert (dl.to_text(dispatch).count(line) == 1) is cited  # the sentence is still in the text


@pytest.mark.parametrize(
    ("line", "dated"),
    [("Published on May 3, 2018", True), ("Posted on May 3, 2018", False)],
)
def test_a_video_page_dated_under_its_title(line: str, dated: bool) -> None:
    """A video page's ``Published on`` line dates the clip; a blog's ``Posted on`` dates the repost."""
    dispatch, _ = _parse(
        f"Vellonian Cleric Warns Of The Storms\n\n\n{line}\n\nThe cleric Orlo Tamsin gave an address.\n"
    )
    assert (dispatch.date == datetime.date(2018, 5, 3)) is dated


@pytest.mark.parametrize(
    ("above", "figure"),
    [
        ("Cartoon No. 1: The gull steals the fish.", True),
        ("#9021 |", False),  # a clip's number, not a caption
        ("Council Raises Dock Fees Again", False),  # a news item sourced, not a picture
    ],
)
def test_an_undated_source_line_credits_the_line_above(above: str, figure: bool) -> None:
    """``Source: Outlet (Country)`` with no date credits the caption over it; not a line of no words."""
    dispatch, _ = _parse(
        f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{above}\n\nSource: Example Post (Vellonia)\n"
    )
    assert isinstance(dispatch.body[0], dl.model.Figure) is figure


@pytest.mark.parametrize(
    ("lines", "kinds"),
    [
        # a boundary's word alone on its line, and a name whose question was lost: no speakers
        (
            ["Excerpts:", "Orlo Tamsin: The tide will return,", "and the boats with it."],
            ["TranslationBoundary", "SpeakerTurn"],
        ),
        (
            ["Interviewer:", "Orlo Tamsin: The tide will return,", "and the boats with it."],
            ["Paragraph", "SpeakerTurn"],
        ),
        # a list's items stay apart; a turn in lower case starts anew
        (["The guild asks for", "- lower fees", "- a new lighthouse"], ["Paragraph", "Paragraph", "Paragraph"]),
        (
            ["Orlo Tamsin: The council knows", "it well.", "al-Masri: I disagree, and so do", "the fishermen."],
            ["SpeakerTurn"] * 2,
        ),
        (["In mid-March: the guild will strike, and", "the council will fall."], ["Paragraph"]),
    ],
)
def test_ragged_lines_keep_labels_lists_and_turns_apart(lines: list[str], kinds: list[str]) -> None:
    """In ragged lines, a label alone that is no speaker's, a list's item and a new turn are not run
    into the line above; ``mid-`` is no name's particle."""
    dispatch, _ = _parse("March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n" + "\n".join(lines) + "\n")
    assert [type(block).__name__ for block in dispatch.body] == kinds


@pytest.mark.parametrize(
    "intro",
    [
        "In a sermon that aired on Harbour TV on March 2, 2019, the cleric spoke. Following are excerpts:",
        "The guild's statement, largement diffusé sur les réseaux sociaux, follows. Following are excerpts:",
    ],
)
def test_a_headline_under_an_aired_boundary_stays_a_heading(intro: str) -> None:
    """A boundary that says its clip aired lets speakers be named after who they are, but a line in
    a heading's shape stays a heading; a statement "diffusé" on social media is no clip."""
    text = (
        f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{intro}\n\n"
        "Former Minister Orla Quist: We Must Negotiate With The Guild\n\n"
        "Harbour poet Orlo Tamsin: The tide is late today, and the boats wait.\n"
    )
    dispatch, _ = _parse(text)
    assert type(dispatch.body[1]).__name__ == "Heading"
    assert type(dispatch.body[2]).__name__ == ("SpeakerTurn" if "aired" in intro else "Paragraph")


def test_a_pager_inside_the_text_is_dropped_and_ends_nothing() -> None:
    """A reposter's pager (``Prev1 of 4Next``) is dropped where it stands; the text goes on."""
    text = "March 3, 2009 Special Dispatch No. 12\n\nA Title\n\nThe first cartoon.\n\nPrev1 of 4Next\n\nThe second.\n"
    dispatch, codes = _parse(text)
    assert [dl.model.plain_text(block.content) for block in dispatch.body] == ["The first cartoon.", "The second."]  # type: ignore[union-attr]
    assert "boilerplate" in codes


def test_a_blogs_date_over_a_header_across_a_blank_line_is_not_its_date() -> None:
    """Only under an old e-mail's series line does a date across a blank line date the header."""
    text = "Harbour Watch Blog\n\nMarch 20, 2019\n\nSpecial Dispatch No. 7001\n\nA Title Of The Harbour\n\nText.\n"
    dispatch, _ = _parse(text)
    assert dispatch.number == 7001 and dispatch.date is None


def test_a_poems_lines_are_not_captions() -> None:
    """Short lines among a poem's lines, ending no sentence, are the poem's, not pictures' captions."""
    poem = (
        "Tell the harbour the sea is rising…\nEvery sail that the pier can lend us\nWe will raise for the spring tide…"
    )
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{poem}\n")
    assert not any(isinstance(block, dl.model.Figure) for block in dispatch.body)


def test_an_outlet_whose_name_opens_with_a_number_credits_a_cartoon() -> None:
    """``7 Days (Vellonia), March 5, 2019`` under a caption is its credit; a note that lost its
    brackets, ``1 Outlet (Country), Date.``, is none."""
    caption = "The Council Drains The Harbour"
    text = f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{caption}\n\n7 Days (Vellonia), March 5, 2019\n"
    dispatch, _ = _parse(text)
    assert dispatch.body == (
        dl.model.Figure(caption="The Council Drains The Harbour", credit="7 Days (Vellonia), March 5, 2019"),
    )
    note, _ = _parse(text.replace("7 Days (Vellonia), March 5, 2019", "1 Example Post (Vellonia), April 25, 2001."))
    assert not any(isinstance(block, dl.model.Figure) for block in note.body)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Press",  # a blog's label of two words
        "tisdag, maj 3, 2011",  # a blog's posting date, its month first
        "Harbour Online - http://harbour.test",  # a banner with its address
        "harbour-life.test.de / coast-news.de / pier.info",  # a network's sites
        "Erweiterte Suche",  # a search box
        "Day: October 5, 2018",  # a blog's archive of a day
    ],
)
def test_lines_that_are_no_title_of_a_headerless_copy(line: str) -> None:
    """Over a copy without a header, a site's label, a blog's date, a banner with an address, a list
    of sites or a search box is not the title; the headline under it is, where the line is the
    page's chrome or a label of a word or two over a headline of six words or more (a banner may
    be the blog's own: then there is no title)."""
    headline = "Harbour Guild Prepares For A Strike On The Pier"
    dispatch, _ = _parse(f"{line}\n\n{headline}\n\n{'The guild is preparing. ' * 12}\n")
    assert dispatch.title == ("" if line.startswith("Harbour Online") else headline)


def test_a_line_introducing_a_quotation_with_a_word_endnote_is_no_title() -> None:
    """``Harbour Daily (Vellonia), November 12, 2009, reported:[i]``: a Word endnote's mark after
    the colon still leaves a line that introduces what follows, not a title."""
    assert not start.looks_like_title("Harbour Daily (Vellonia), November 12, 2009, reported:[i]")
    assert not start.looks_like_title("According to Harbour Post (Vellonia), November 15, 2009:[ii]")
    assert start.looks_like_title("The Guild's Year in Review [iii]")


def test_a_label_over_a_short_headline_leaves_no_title() -> None:
    """A line of a word or two over a headline of a few words: either may be the blog's own label
    or post's name, so neither is the title."""
    dispatch, _ = _parse(f"Harbour Press\n\nStrike On The Pier\n\n{'The guild is preparing. ' * 12}\n")
    assert dispatch.title == ""


def test_a_hebrew_and_joined_to_a_name_splits_the_authors() -> None:
    """The Hebrew "and", the letter vav, joined to the second name's initial splits the names."""
    text = "March 3, 2009 Special Dispatch No. 12\n\nA Title\n\nמאת: א. סביון, י. מנשרוף וא. ח'ראזי\n\nText.\n"
    dispatch, _ = _parse(text)
    assert dispatch.authors == ("א. סביון", "י. מנשרוף", "א. ח'ראזי")


def test_a_pages_line_break_tag_left_in_the_title_reads_as_a_space() -> None:
    """A ``<BR>`` the page left in its title is a line break, read as a space, and said."""
    title = "Friday Sermon On Harbour Television:<BR>'Yes, The Board Is The Pirate Of This Generation'"
    dispatch, diagnostics = dl.parse(f"January 31, 2003 Special Dispatch No. 464\n\n{title}\n\nText.\n")
    assert dispatch.title == "Friday Sermon On Harbour Television: 'Yes, The Board Is The Pirate Of This Generation'"
    assert any("<br>" in d.message and d.line == 3 for d in diagnostics)


def test_a_pages_inline_tags_left_in_the_text_are_dropped_and_said() -> None:
    """``Name :< /SPAN> Words``: the tag a scraper left goes, the turn is read, and it is said; a
    comparison's ``<`` stays."""
    text = (
        "Dépêche fr. n° 7\n\nUn titre du port\n\nOrla Tamsin : Le port ferme.\n"
        "Orlo Vell :< /SPAN> Le port <b>ouvre</b> si 3 < 4.\n"
    )
    dispatch, diagnostics = dl.parse(text)
    turns = [block for block in dispatch.body if isinstance(block, dl.SpeakerTurn)]
    assert [turn.speaker for turn in turns] == ["Orla Tamsin", "Orlo Vell"]
    assert dl.plain_text(turns[1].content) == "Le port ouvre si 3 < 4."
    assert any("'< /SPAN>'" in d.message and d.line == 6 for d in diagnostics)


@pytest.mark.parametrize(
    ("top", "date"),
    [
        ("- The Harbour Times - Friday, March 3, 2006", None),  # a newspaper's dateline dates its story
        ("Harbour Guild Threatens The Ferries\n\nMarch 2, 2008 | 12:11 pm", None),  # a news site's stamp
        ("The MEMRI Daily: March 28, 2012", datetime.date(2012, 3, 28)),  # the e-mail's date is the dispatch's
    ],
)
def test_a_news_stories_own_date_is_not_the_dispatchs(top: str, date: datetime.date | None) -> None:
    """A newspaper's dateline, or a news site's stamp with the time it posted, dates the story that
    quotes the institute; an e-mail's date line dates the dispatch it carries."""
    dispatch, _ = _parse(f"{top}\n\n{_PARA} The institute translated the debate.\n\n{_PARA}\n")
    assert dispatch.date == date


def test_a_degree_after_a_name_stays_the_names() -> None:
    """``By O. Tamsin, Ph.D.*``: one author, as written, not ``Ph.D.`` a second one."""
    dispatch, _ = _parse("March 3, 2009 Special Dispatch No. 12\n\nA Title\n\nBy O. Tamsin, Ph.D.*\n\nText.\n")
    assert dispatch.authors == ("O. Tamsin, Ph.D.",)


def test_a_dash_after_a_bylines_names_is_not_theirs() -> None:
    """``Par O. Tamsin`` and an en dash: the dash before a site's name that the copy lost."""
    dispatch, _ = _parse("March 3, 2009 Special Dispatch No. 12\n\nA Title\n\nPar O. Tamsin –\n\nText.\n")
    assert dispatch.authors == ("O. Tamsin",)


@pytest.mark.parametrize("byline", ["By O. Tamsin & O. Quist", "By O. Tamsin, & O. Quist"])
def test_an_ampersand_splits_the_authors(byline: str) -> None:
    """A byline joining its names with ``&`` names two authors, as one joining them with ``and``."""
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{byline}\n\nText.\n")
    assert dispatch.authors == ("O. Tamsin", "O. Quist")


_PARA = (
    "The ferry board met on Monday to decide the fate of the night ferries, which have sailed since the "
    "old days of the port, and the crews walked out before the vote was taken."
)


def test_a_bundle_under_an_intro_paragraph_is_still_two_dispatches() -> None:
    """An e-mail's long intro over two dispatches, each with its header: two dispatches."""
    intro = "You receive this letter because you asked for it at the ferry fair. " * 4
    parts = [
        f"May {day}, 2021 Special Dispatch No. {number}\nFerry Crews Walk Out {number}\n"
        f"Vellonia | Special Dispatch No. {number}\n\n{_PARA}\n"
        for day, number in ((3, 20806), (4, 20807))
    ]
    document, _ = dl.read_bytes(f"{intro}\n\n{parts[0]}\n{parts[1]}".encode(), source="bundle.txt")
    assert isinstance(document, dl.Collection)
    assert [d.number for d in document.dispatches] == [20806, 20807]


@pytest.mark.parametrize("above", ["Related reports", "See the reports:", "The institute has covered it before."])
def test_a_list_of_reports_a_text_cites_is_neither_its_header_nor_a_second_dispatch(above: str) -> None:
    """Headers standing in a list (another header among their neighbours) are reports the text
    cites, whether or not the text has a header of its own."""
    cited = (
        "Inquiry & Analysis Series – No. 931 – April 19, 2012\nFerry Talks Resume – Part II\n\n"
        "Special Dispatch Series – No. 6412 – August 13, 2013\nThe Ferry Master's Orders Published\n"
    )
    headed = "May 3, 2021 Special Dispatch No. 20806\nFerry Crews Walk Out\n\n"
    for top in ("Ferry Crews Walk Out Across The Bay\n\n", headed):
        dispatch, _ = _parse(f"{top}{_PARA}\n\nShort line.\n\n{above}\n\n{cited}")
        assert dispatch.title.startswith("Ferry Crews Walk Out")
        assert dispatch.number in (None, 20806)
        assert _PARA in [dl.plain_text(b.content) for b in dispatch.body if isinstance(b, dl.Paragraph)]


def test_a_header_under_a_blogs_line_handing_over_is_the_dispatch() -> None:
    """'Here it is:' over the header: the blog hands over to the dispatch, which starts there."""
    text = (
        f"Ferry Watch Blog\n\n{_PARA}\n\nThe institute has the details. Here it is:\n\n"
        f"Special Dispatch No. 20806\nFerry Crews Walk Out\nMay 3, 2021\n\n{_PARA}\n"
    )
    dispatch, _ = _parse(text)
    assert (dispatch.series, dispatch.number, dispatch.date) == ("Special Dispatch", 20806, datetime.date(2021, 5, 3))


@pytest.mark.parametrize(
    "line",
    [
        "A Vellonian teenager, writing on his blog, put it this way: the ferries are our history.",
        "One shopkeeper, speaking to Ferry Daily: the board has ruined the market.",
        'On screen: "Blogs of confusion aimed at the harbour"',  # a cartoon's caption placing its words
        # a sentence handing over to the words it quotes
        "Orlo Tamsin, National President of the Harbour Guild said: \u201cThe ferries will sail again.\u201d",
        "MEMRI: The institute, which reads the coast's press, now has a transcript of the whole debate.",
    ],
)
def test_a_reports_sentence_about_a_role_is_no_speakers_turn(line: str) -> None:
    dispatch, _ = _parse(f"May 3, 2021 Special Dispatch No. 20806\nFerry Crews Walk Out\n\n{_PARA}\n\n{line}\n")
    assert not [b for b in dispatch.body if isinstance(b, dl.SpeakerTurn)]


def test_a_turn_cut_at_a_bracket_is_a_turn_not_a_caption() -> None:
    text = (
        "Oct 16, 2015\nFerry Host Praises The Crews\n\n#6127 | 01:41\n\nFollowing are excerpts:\n\n"
        "Host: The crews are the heroes of this port, and the board (\n\nGuest: The board must pay them.\n"
    )
    dispatch, _ = _parse(text)
    assert [b.speaker for b in dispatch.body if isinstance(b, dl.SpeakerTurn)] == ["Host", "Guest"]
    assert not [b for b in dispatch.body if isinstance(b, dl.Figure)]


@pytest.mark.parametrize("credit", ["[MEMRI] PORT VELL - The", "[MEMRI] Vellonian TV - The", "[MEMRI] O. Tamsin - The"])
def test_a_news_digests_credited_lead_names_persons_only(credit: str) -> None:
    dispatch, _ = _parse(f"Ferry Magazine Praises The Night Crews\n\n{credit} ferry magazine is out.\n")
    assert dispatch.authors == (("O. Tamsin",) if "Tamsin" in credit else ())


def test_a_title_with_a_slash_between_two_phrases_is_a_title() -> None:
    title = "The Fall of the Ferry Board / The Rise of the Crews"
    dispatch, _ = _parse(f"Special Dispatch No. 20806\n{title}\nMay 3, 2021\n\n{_PARA}\n")
    assert dispatch.title == title and not dispatch.topics


def test_a_chant_repeated_in_a_headerless_transcript_is_not_its_title() -> None:
    chant = "Crowd: Down with the ferry board!"
    title = "Crowd At Port Vell Rally Chants Against The Ferry Board"
    text = f"{title}\n\nOrlo Tamsin: They sold our ferries!\n{chant}\n{chant}\n\n{_PARA}\n"
    dispatch, _ = _parse(text)
    assert dispatch.title == title


def test_a_cartoon_told_side_by_side_is_a_figure_not_a_turn() -> None:
    """``Right: ... Left: ... (Outlet, Place, Date)`` is one cartoon's caption and credit; a side
    named once with no credit after it stays a paragraph's label."""
    caption = 'Right: The mayor says: "All is calm, the tide obeys me." Left: The tide swallows the mayor'
    text = f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{caption} (Coast Courier, Vell, April 5, 2020)\n"
    dispatch, _ = _parse(text)
    assert dispatch.body == (dl.model.Figure(caption=caption, credit="Coast Courier, Vell, April 5, 2020"),)
    one_side, _ = _parse(text.replace(" Left: The tide swallows the mayor", ""))
    assert not any(isinstance(block, dl.model.Figure) for block in one_side.body)


def test_a_news_sites_caption_with_its_photo_credit_is_a_figure() -> None:
    """``Name. Photo: Outlet.`` under a news article's headline is a picture's caption and credit."""
    caption = "Orla Tamsin of the pier guild. Photo: Coast TV."
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{caption}\n\n{_PARA}\n")
    assert dispatch.body[0] == dl.model.Figure(caption="Orla Tamsin of the pier guild", credit="Coast TV")


_SAID = "Orla Tamsin, the mayor of the harbour, spoke of the storm in two speeches aired on Coast TV this week."


def test_a_headline_over_a_blog_crediting_the_institute_is_the_blogs() -> None:
    """A blog's headline over its own words that credit the institute's translation is the blog's:
    the title, the text quoting no other, and said to be the site's own. Over a line handing over
    to the institute's text by its full name, the headline is the title too where the text handed
    over has none of its own; the line handing over stays in the body."""
    headline = "Harbour Mayor Says The Storm Was The Millers' Doing"
    commentary = f"{_SAID} According to a MEMRI translation, Tamsin said:"
    dispatch, diagnostics = dl.parse(f"{headline}\n\n{commentary}\n\nJanuary 30, 2009:\n\n{_PARA}\n", source="x.txt")
    assert dispatch.title == headline
    assert any("site's own headline" in d.message and d.line == 1 for d in diagnostics)
    lead_in = f"From The Middle East Media Research Institute TV Monitor Project:\n\n{_SAID}"
    handed, _ = _parse(f"{headline}\n\n{lead_in}\n\nJanuary 30, 2009:\n\n{_PARA}\n")
    assert handed.title == headline and dl.plain_text(handed.body[0].content).startswith("From The Middle East")


@pytest.mark.parametrize(
    "line",
    [
        "Orla Tamsin: No. This is a closed report. Nobody will see it.",  # a speaker's words
        '"Every resident can request a copy of this report at the town hall."',  # a quotation
    ],
)
def test_a_closed_reports_words_inside_the_text_are_no_notice(line: str) -> None:
    """Only a line opening with ``This is a closed report`` is the closed report's notice."""
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{_PARA}\n\n{line}\n")
    assert not dispatch.truncated and len(dispatch.body) == 2
    notice, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\nTHIS IS A CLOSED REPORT.\n\n{_PARA}\n")
    assert notice.truncated


@pytest.mark.parametrize(
    "line",
    [
        "Host: Look at the screen, everyone. Photo: the pier burning.",  # a speaker's words
        "The daily printed no picture. Under its headline it printed: Photo: withheld by the mayor.",  # sentences
    ],
)
def test_photo_in_a_turn_or_a_paragraph_is_no_figure(line: str) -> None:
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{line}\n")
    assert not any(isinstance(block, dl.model.Figure) for block in dispatch.body)


@pytest.mark.parametrize(
    "line",
    [
        "The following are excerpts from the MEMRI Reform Project:",  # the dispatch's own boundary
        "Host: With us tonight is a researcher at the Middle East Media Research Institute:",  # a turn
    ],
)
def test_a_boundary_or_a_turn_naming_the_institute_is_no_repost_lead_in(line: str) -> None:
    """Lines that end in a colon and name the institute but are the dispatch's own keep its title."""
    title = "Harbour Raiders Claim Attack On Northern Pier"
    dispatch, _ = _parse(f"{title}\n\n{line}\n\nOrlo Sample: Thank you. {_PARA}\n")
    assert dispatch.title == title


@pytest.mark.parametrize(
    "words",
    [
        "MEMRI comes up with a fresh clip from Coast TV:",
        "This past week, the Middle East Media Research Institute brought our attention to a children's magazine.",
        "The invaluable MEMRI has searched the archive and issued this report.",
        "From the Indispensible MEMRI, a report on a sermon broadcast on Coast TV.",
    ],
)
def test_a_bloggers_words_about_the_institute_make_the_headline_the_blogs(words: str) -> None:
    headline = "Party Of The Tide's Victory Wrapped Up In A Mufti"
    dispatch, diagnostics = dl.parse(f"{headline}\n\n{words} {_PARA}\n\n{_PARA}\n", source="x.txt")
    assert dispatch.title == headline
    assert any("site's own headline" in d.message for d in diagnostics)


def test_a_poem_over_the_credit_of_what_it_quotes_is_kept() -> None:
    """A repost's credit at the end, by the institute's full name, does not start the text: the
    poem's short lines above it are what the repost quotes."""
    poem = "\n".join(
        f"I wrote your name on the {place}, and the tide took it away again."
        for place in "sand pier sails roads".split()
    )
    credit = "from The Middle East Media Research Institute: Inquiry & Analysis Series--No. 279"
    dispatch, _ = _parse(f"News At Eleven: The Poet\n\n{poem}\n\n{credit}\n\n~~~~~~~~\n\nNo comments :\n")
    assert "sand" in dl.to_text(dispatch) and "sails" in dl.to_text(dispatch)


def test_a_blogs_archive_label_dates_no_dispatch() -> None:
    """``Day: October 5, 2018`` over a blog's post is the archive page's label: neither the title
    nor the dispatch's date."""
    headline = "Harbour Guild Prepares For A Strike On The Pier"
    dispatch, _ = _parse(f"Day: October 5, 2018\n\n{headline}\n\n{'The guild is preparing. ' * 12}\n")
    assert (dispatch.title, dispatch.date) == (headline, None)


def test_a_header_under_a_blogs_short_intro_starts_the_dispatch() -> None:
    """Three short lines of a blogger's over a header with a title and a paragraph under it are the
    blog's intro, not a poem the header credits: the header starts the dispatch."""
    intro = "Another sermon from Port Vell, and the same old hatred of the fishermen.\n" * 3
    header = "March 14, 2023 Special Dispatch No. 10523"
    dispatch, _ = _parse(f"Harbour Watch Blog\n\n{intro}\n{header}\n\nA Title Of The Harbour\n\n{_PARA}\n")
    assert (dispatch.number, dispatch.title) == (10523, "A Title Of The Harbour")


@pytest.mark.parametrize("line", ["11/05/2018, Post No. 12", "03/14/2023, Issue No. 4512", "11/05/2018 No. 12"])
def test_a_date_in_figures_leads_only_a_known_series(line: str) -> None:
    dispatch, _ = _parse(f"Harbour Fan\n{line}\n\nNovember 2, 2018 Special Dispatch No. 7711\n\nA Title\n\n{_PARA}\n")
    assert isinstance(dispatch, dl.Dispatch) and dispatch.number == 7711


def test_a_turns_last_line_is_not_the_next_speakers_name() -> None:
    """``... the men of`` / ``Harbour Guard?`` / ``Orlo Sample`` / ``: No``: the name is the line over
    the colon; the question's end, which ends a sentence, is none of it."""
    text = (
        "March 14, 2023 Special Dispatch No. 10523\n\nA Title\n\n"
        "Orla Tamsin\n: Who burned the boats? Was it the men of\nHarbour Guard?\nOrlo Sample\n: No, Orla.\n"
    )
    dispatch, _ = _parse(text)
    speakers = [block.speaker for block in dispatch.body if isinstance(block, dl.model.SpeakerTurn)]
    assert speakers == ["Orla Tamsin", "Orlo Sample"] and "Harbour Guard?" in dl.to_text(dispatch)


def test_a_labelled_lead_in_crediting_the_institute_is_still_one() -> None:
    """``H/T: O. Tamsin. Video and translation from MEMRI:`` hands over to the institute's text: the
    headline and date above it are the blog's (the headline the title, the text quoting no other;
    the posting date no dispatch's)."""
    text = (
        "The Hatred Keeps Coming From Port Vell\n\nMarch 15, 2023\n\nAnother week, another sermon.\n\n"
        f"H/T: Orla Tamsin. Video and translation from MEMRI:\n\nOrlo Sample: {_PARA}\n"
    )
    dispatch, _ = _parse(text)
    assert (dispatch.title, dispatch.date) == ("The Hatred Keeps Coming From Port Vell", None)
    assert "March 15, 2023" not in dl.to_text(dispatch)


def test_a_quoted_writers_attention_is_not_a_bloggers_word() -> None:
    title = "Vellonian Columnist: The Burned Boats Of Port Vell Shame Us All"
    lead = 'Columnist Orla Tamsin wrote: "A photograph of the burned boats drew my attention this week."'
    dispatch, _ = _parse(f"{title}\n\n{lead} The following are excerpts from her column.\n\n{_PARA}\n")
    assert dispatch.title == title


def test_a_title_opening_with_archives_is_a_title() -> None:
    title = "Archives: Port Vell Cleric In 1998 Called To Burn The Piers"
    dispatch, _ = _parse(f"March 14, 2023 Special Dispatch No. 10523\n\n{title}\n\n{_PARA}\n")
    assert dispatch.title == title


_CARTOONS = "March 3, 2009 Special Dispatch No. 12\n\nCartoons In The Coast Press\n\n"


def test_cartoon_captions_in_a_report_on_cartoons() -> None:
    """A phrase quoting words at both ends is a cartoon's caption; a caption ending in a date after
    a comma lost its outlet with the link; a cut copy's last line under two cartoons is the next one's."""
    lines = [
        '"Harbour council" sinks "the ferry" (Coast Post, Vell, May 6, 2016)',
        "The Mayor In Dialogue With Himself, June 20, 2011",
        "The tide swallows the pier (Coast Courier, Vell, May 8, 2016)",
        "The mayor ties the fleet to",
    ]
    dispatch, diagnostics = dl.parse(_CARTOONS + "\n\n".join(lines), source="x.txt")
    assert [type(block).__name__ for block in dispatch.body] == ["Figure"] * 4
    assert dispatch.body[1] == dl.model.Figure(caption="The Mayor In Dialogue With Himself", credit="June 20, 2011")
    assert any("the next cartoon, its caption or credit cut" in d.message for d in diagnostics)


_CREDITED_PAIR = [
    '"Harbour council" sinks "the ferry" (Coast Post, Vell, May 6, 2016)',
    "The tide swallows the pier (Coast Courier, Vell, May 8, 2016)",
]


@pytest.mark.parametrize(
    ("tail", "figure"),
    [
        (  # a quotation left open: the stop inside it ends no caption
            ['The mayor steers "the fleet" towards "ruin," "debt," and "policy changes.'],
            dl.model.Figure(caption='The mayor steers "the fleet" towards "ruin," "debt," and "policy changes.'),
        ),
        (["Cartoon No. 5:", "Source"], dl.model.Figure(caption="Cartoon No. 5:")),
        (
            ["Cartoon No. 5: The mayor sells the pier to the ferry company", "Fuente: Al-"],
            dl.model.Figure(caption="Cartoon No. 5: The mayor sells the pier to the ferry company", credit="Al-"),
        ),
        (
            ["The mayor ties the fleet to the pier\nCaricaturista:"],
            dl.model.Figure(caption="The mayor ties the fleet to the pier"),
        ),
        (
            ["Orlo « Can’t » (Orlo ne peut pas)\n|\nCoast Daily (Vellonia), 2"],
            dl.model.Figure(caption="Orlo « Can’t » (Orlo ne peut pas)", credit="Coast Daily (Vellonia), 2"),
        ),
    ],
)
def test_a_cut_copys_last_cartoon_under_a_list_of_cartoons(tail: list[str], figure: dl.model.Figure) -> None:
    """Where a copy stops inside a cartoon (its caption cut, or its credit: a label alone, an
    outlet and a date's start), under a list of credited cartoons, that cartoon is a figure too."""
    dispatch, diagnostics = dl.parse(_CARTOONS + "\n\n".join([*_CREDITED_PAIR, *tail]), source="x.txt")
    assert dispatch.body[-1] == figure and len(dispatch.body) == 3
    assert any("the next cartoon, its caption or credit cut" in d.message for d in diagnostics)


def test_a_cut_cartoon_list_under_a_title_about_cartoons_is_read() -> None:
    """Under a title about cartoons, a list copied with single newlines and cut inside its last
    credit (``Example Tim``) ends in one figure of that caption and credit: the reader keeps each
    block's line in step with the blocks, and never fails on it."""
    text = "\n".join(
        [
            "Cartoons Mock the Harbour Master",
            "Introduction",
            "The harbour press published many cartoons on the quarrel between the ports.",
            "Cartoons in the Harbour Press",
            "The Keeper Holds the Whole Coast Hostage with a Lantern",
            "Example Gazette (Vellonia), April 6, 2011",
            "The Harbour Master Balances the Toll Bridge on His Head",
            "Example Courier (Brindle), April 4, 2011",
            "The Port Praises Free Trade While Closing Its Own Gates",
            "Example Tim",
        ]
    )
    dispatch, _ = dl.parse(text, source="x.txt")
    caption = "The Port Praises Free Trade While Closing Its Own Gates"
    assert dispatch.body[-1] == dl.model.Figure(caption=caption, credit="Example Tim")
    assert sum(isinstance(block, dl.model.Figure) for block in dispatch.body) == 3
    assert dispatch.title == "Cartoons Mock the Harbour Master"


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("You have read 3 articles this month.", True),
        ("You've reached your limit of free articles.", True),
        ("You have read 2 of 5 free stories", True),
        ("You have reached your harbour, sailor.", False),  # a sentence opening so is text
    ],
)
def test_a_news_sites_paywall_ends_the_text(line: str, ends: bool) -> None:
    """A news site's metered paywall under its story ends the text, with its sign-in links under
    it; a sentence that only opens like one is text."""
    text = f"A Harbour Title Over The Story\n\nThe guild met at dawn.\n{line}\nAlready a member? Log in\n"
    dispatch, _ = _parse(text)
    said = dl.to_text(dispatch)  # whatever block a line became, its words are in the text export
    assert (line in said) is not ends
    assert ("Already a member? Log in" in said) is not ends


@pytest.mark.parametrize("line", ["Source: Harbour In The News", "Fuente: Noticias Del Puerto"])
def test_a_source_line_under_a_story_is_no_heading(line: str) -> None:
    """A short news item ending on the outlet it was taken from, in title case, ends on that line
    as text: a source's label heads no section."""
    text = (
        "Writing in the harbour daily, a columnist asked the guild to settle with the pilots before winter.\n\n"
        f"Without the pilots, she wrote, no ship will come in at all.\n\n{line}\n"
    )
    dispatch, _ = _parse(text)
    assert not any(isinstance(block, dl.model.Heading) for block in dispatch.body)
    assert dl.model.plain_text(dispatch.body[-1].content) == line  # type: ignore[union-attr]


def test_a_first_line_broken_after_a_small_word_is_no_title() -> None:
    """A sentence broken after a word no title ends on, the next line right under it (``...
    complained on`` / ``Coast TV``), is the text's first sentence, not its title."""
    text = (
        "Speaking to the pilots, the harbour master complained on\nCoast TV that the tide is late this year.\n\n"
        "The guild, he went on, is to blame for the tide and for the fog that came with it.\n"
    )
    dispatch, _ = _parse(text)
    assert dispatch.title == ""
    assert dl.model.plain_text(dispatch.body[0].content).startswith("Speaking to the pilots")  # type: ignore[union-attr]


def test_escaped_line_breaks_are_read_as_line_breaks() -> None:
    """A copy kept as an escaped string, its line breaks the two characters ``\\n``, is read as
    the lines they break, and the reader says so."""
    text = "A Harbour Title Over Its Story\\n\\nThe guild met at dawn.\\n\\nThe boats went out at noon.\\n"
    dispatch, diagnostics = dl.parse(text, source="x.txt")
    assert dispatch.title == "A Harbour Title Over Its Story"
    assert [dl.model.plain_text(block.content) for block in dispatch.body] == [  # type: ignore[union-attr]
        "The guild met at dawn.",
        "The boats went out at noon.",
    ]
    assert any(d.code == "line-endings" and "literal" in d.message for d in diagnostics)


def test_a_repost_with_its_source_address_and_a_crediting_last_line_is_read() -> None:
    """A repost naming its source address on a labelled line and crediting the dispatch on its last
    line is read, the address its source and the last line's series and number the dispatch's:
    both say the text is the institute's, and the reader keeps neither as a stray field."""
    text = (
        "A Harbour Title Over The Story\n\nSource: https://www.memri.org/reports/harbour-title\n\n"
        "The guild met at dawn and spoke of the tide for an hour and more, as it does every week.\n\n"
        "From MEMRI Special Dispatch No. 1266, August 25, 2006\n"
    )
    dispatch, _ = _parse(text)
    assert (dispatch.series, dispatch.number) == ("Special Dispatch", 1266)
    assert dispatch.source_url == "https://www.memri.org/reports/harbour-title"


def test_a_clip_page_under_an_e_mails_link_line_is_read() -> None:
    """A clip page copied under an e-mail's line linking to another series' page (``To view this
    Inquiry and Analysis in HTML, visit:``) is read as the clip: the reader's notes to itself about
    the lines it read never reach the model."""
    text = (
        "To view this Inquiry and Analysis in HTML, visit:\nAug 17, 2014\n"
        "Harbour Spokesman: Our Race Is for the Harbour, Not for the Prize\n\n#4443 | 01:47\n"
        "Source: Coast TV (Vellonia)\n\nIn an address aired by Coast TV on August 17, the spokesman said "
        "that it was time to declare the goal of the race.\n\nOrla Tamsin: The time has come to say it.\n"
    )
    dispatch, _ = _parse(text)
    assert (dispatch.series, dispatch.number) == ("MEMRI TV Clip", 4443)
    assert dispatch.title == "Harbour Spokesman: Our Race Is for the Harbour, Not for the Prize"


@pytest.mark.parametrize(
    "opening",
    [
        "Donations from readers like you allow us to do what we do. Donate Today Subscribe Today",  # a donation box
        "Voir les extraits vidéo sur MEMRI TV",  # a pointer to the clip
    ],
)
def test_a_page_run_into_one_line_is_read_whatever_opens_it(opening: str) -> None:
    """A page whose lines were all run into one is read, though a line of chrome or a pointer opens
    it: what opens a long line does not make the whole line the page's."""
    story = (
        "The harbour master told the pilots on Coast TV that the tide will come late this year, and that the guild "
        "will have to wait for its boats. The pilots answered that they have waited long enough for the guild. "
    )
    dispatch, diagnostics = dl.parse(f"{opening} {story * 3}\n", source="x.txt")
    assert "the tide will come late" in dl.to_text(dispatch)
    assert not any(d.code == "not-a-dispatch" for d in diagnostics)


def test_a_copy_of_a_reports_cartoons_alone_is_read() -> None:
    """A cartoon report copied from its first cartoon down, captions and dated credits with no
    running text, is read as its pictures (strict checks still ask what it is)."""
    text = (
        "The Tide Obeys The Guild\n\nHarbour Daily (Vellonia), August 23, 2013\n\n"
        "The Pilots Wait On The Quay\n\nCoast Post (Vellonia), August 17, 2013\n\n"
        "The Lighthouse Goes Dark\n\nPier News (Brindle), August 28, 2013\n"
    )
    dispatch, diagnostics = dl.parse(text, source="x.txt")
    assert sum(isinstance(block, dl.model.Figure) and block.credit is not None for block in dispatch.body) >= 2
    assert not any(d.code == "not-a-dispatch" for d in diagnostics)
    assert any(d.code == "uncertain-dispatch" for d in diagnostics)


def test_a_copy_of_one_long_line_is_its_text_not_a_title() -> None:
    """A copy that is one long line of prose and nothing under it (a paragraph cut before its stop)
    is read as that paragraph: a title over nothing is no reading of it."""
    line = (
        "The harbour council's weekly paper wrote on Tuesday that the guild and the pilots have agreed in secret "
        "to share the tolls of the north pier, whatever they say in public about their quarrel, and that the "
        "fishermen will pay for it when the autumn"
    )
    dispatch, diagnostics = dl.parse(line, source="x.txt")
    assert dispatch.title == ""
    assert [dl.model.plain_text(block.content) for block in dispatch.body] == [line]  # type: ignore[union-attr]
    assert not any(d.code == "not-a-dispatch" for d in diagnostics)


@pytest.mark.parametrize(
    "text",
    [
        # a Hebrew copy cut inside its paragraph: no capitals tell the cut sentence from a heading
        "כותרת קצרה על הנמל והגאות\n\nהחוף היה שקט כל הלילה, והדייגים חיכו לגאות שלא באה עד הבוקר ואחר כך"
        " המשיכו לחכות על המזח ב",
        # a cartoon's caption quoting a whole sentence, the copy's only line
        'Cartoon No. 1: "The harbour master counts the tolls while the fishermen wait on the quay for a tide that'
        ' the guild has sold to the highest bidder." (Harbour Daily, Vellonia, June 5, 2011)\n',
    ],
)
def test_running_text_in_a_heading_or_a_caption_is_prose(text: str) -> None:
    """A sentence of running text counts wherever the reader put it, a heading or a caption too:
    such a copy is read, not refused as holding no prose."""
    _, diagnostics = dl.parse(text, source="x.txt")
    assert not any(d.code == "not-a-dispatch" for d in diagnostics)
    assert any(d.code == "uncertain-dispatch" for d in diagnostics)


def test_paragraphs_opening_on_a_star_are_text_not_author_notes() -> None:
    """A press release whose paragraphs open on a star (its emphasis marks left by the copy), cut
    after the second, keeps them as its text: an author's note comes once."""
    text = (
        "Harbour Institute Publishes Its Year In Review\n\n\n\n"
        "*PORTVALE / WIRE / December 22, 2020 / *The harbour institute published its review of the year, "
        "with the reports its staff wrote on the guild, the pilots and the tolls.\n\n"
        "*Orla Tamsin, Chair Of The Harbour Board, Speaks Before The Council"
    )
    dispatch, diagnostics = dl.parse(text, source="x.txt")
    assert dispatch.author_note is None
    assert len(dispatch.body) == 2
    assert not any(d.code == "not-a-dispatch" for d in diagnostics)


def test_a_cut_paragraph_under_a_report_with_pictures_stays_prose() -> None:
    """A paragraph between two credited cartoons makes a report's prose, not a list: a short
    paragraph the copy cut under them is no caption."""
    prose = "The council sued the artists over the cartoon, demanding damages of forty thousand coins. " * 3
    lines = [_CREDITED_PAIR[0], prose.strip(), _CREDITED_PAIR[1], "The guild has continued to print cartoons of the"]
    dispatch, _ = dl.parse(_CARTOONS + "\n\n".join(lines), source="x.txt")
    assert isinstance(dispatch.body[-1], dl.model.Paragraph)


def test_a_speaking_caption_over_an_outlet_and_date_is_a_cartoon() -> None:
    """In a report on cartoons, ``The mayor: "Stop it!"`` over ``Harbour Daily, May 9, 2004`` on
    the next line is a cartoon whose credit left out the country; a blank line between them keeps
    the two apart, and so does a report on anything else (a statement and its place and date)."""
    caption, credit = 'The mayor: "Do not sink the ferry, we promised to mend it!"', "Harbour Daily, May 9, 2004"
    dispatch, _ = _parse(f"{_CARTOONS}{_LONG}\n\n{caption}\n{credit}\n\n{_LONG}\n")
    assert dispatch.body[1] == dl.model.Figure(caption=caption, credit=credit)
    apart, _ = _parse(f"{_CARTOONS}{_LONG}\n\n{caption}\n\n{credit}\n\n{_LONG}\n")
    assert not any(isinstance(block, dl.model.Figure) for block in apart.body)
    statement, _ = _parse(f"{_REPORT}{_LONG}\n\n{caption}\n{credit}\n\n{_LONG}\n")
    assert not any(isinstance(block, dl.model.Figure) for block in statement.body)


@pytest.mark.parametrize("stamp", ["Memri30-06-2025", "30-06-2025", "2025-06-30"])
def test_an_aggregators_stamp_under_the_title_dates_the_copy(stamp: str) -> None:
    """A stamp in figures under a headerless copy's title, perhaps with its source's name glued to
    it, dates the copy and is no line of its text."""
    title = "Harbour Guild Fears The Institute's Support For The Northern Pier"
    dispatch, _ = _parse(f"{title}\n\n{stamp}\n{_LONG}\n")
    assert (dispatch.title, dispatch.date) == (title, datetime.date(2025, 6, 30))
    assert stamp not in dl.to_text(dispatch)
    below, _ = _parse(f"{title}\n\n{_LONG}\n\n{stamp}\n")  # under the text: a digest's timestamp, no date
    assert below.date is None


def test_a_title_over_a_weekday_date_keeps_the_text_start() -> None:
    """A weekday's date under the title is no blog's posting date over a headline: the text
    starts at the title, not at the line under the date."""
    title = "Harbour Master Says The Northern Pier Will Never Be Sold"
    dispatch, _ = _parse(f"{title}\n\nThursday, August 9, 2007\n\nCoast TV (Vellonia)\n\n{_LONG}\n")
    assert dispatch.title == title


def test_a_header_cited_at_a_wrapped_lines_start_stays_in_its_sentence() -> None:
    """In a hard-wrapped paragraph, a line that is only a report cited (``Special Dispatch No.
    6390.``) goes on the sentence above it; an e-mail item's header, with its topics, stands alone."""
    wrapped = (
        "The harbour master spoke of the pier in his speech of last week, which the\n"
        "institute translated in full; for his earlier speech, see\nSpecial Dispatch No. 6390.\n"
    )
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{wrapped}")
    assert len(dispatch.body) == 1 and "see Special Dispatch No. 6390." in dl.to_text(dispatch)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_cartoons_artist_line_between_its_caption_and_credit(gap: str) -> None:
    """``Caption`` / ``Cartoonist: Name`` / ``Outlet (Country), Date``, with or without blank lines
    between them, is one figure: the caption's, the artist first in its credit."""
    cartoon = gap.join(['On the judge: "Court"', "Cartoonist: Orla Tamsin", "Harbour Daily (Vellonia), July 15, 2008"])
    dispatch, _ = _parse(f"{_CARTOONS}{cartoon}\n\n{_PARA}\n")
    credit = "Orla Tamsin, Harbour Daily (Vellonia), July 15, 2008"
    assert dispatch.body[0] == dl.model.Figure(caption='On the judge: "Court"', credit=credit)


def test_an_artist_who_speaks_is_a_speaker() -> None:
    """In an interview, ``Artist:`` and ``Cartoonist:`` open turns: only a label and a name next
    to a credit line name a cartoon's artist."""
    text = (
        "Interviewer: Which of your cartoons do you like best?\n\nCartoonist: This one, about the pier.\n\n"
        "Al-Faro (Vellonia), March 3, 2011\n\nArtist: When I was a boy, my father took me to the pier every day.\n"
    )
    dispatch, _ = _parse(f"March 3, 2011 Special Dispatch No. 12\n\nA Title\n\n{text}")
    assert [block.speaker for block in dispatch.body if isinstance(block, dl.model.SpeakerTurn)] == [
        "Interviewer",
        "Cartoonist",
        "Artist",
    ]
    assert dl.model.Figure(credit="Al-Faro (Vellonia), March 3, 2011") in dispatch.body


def test_an_artist_belongs_to_the_credit_on_the_next_line() -> None:
    """``Credit`` / ``Cartoonist: Name`` on the lines right under each other are one cartoon's;
    an artist's line over a blank line and a credit is the next cartoon's."""
    pairs = (
        ("Al-Faro (Vellonia), July 15, 2008", "Orla Tamsin"),
        ("Harbour Tides (Port Vell), July 17, 2008", "Velma Quist"),
    )
    under = "\n\n".join(f"{credit}\nCartoonist: {name}" for credit, name in pairs)
    over = "\n\n".join(f"Cartoonist: {name}\n{credit}" for credit, name in pairs)
    for text in (under, over):
        dispatch, _ = _parse(f"{_CARTOONS}Pictures Of The Pier\n\n{text}\n")
        assert [block.credit for block in dispatch.body if isinstance(block, dl.model.Figure)] == [
            "Orla Tamsin, Al-Faro (Vellonia), July 15, 2008",
            "Velma Quist, Harbour Tides (Port Vell), July 17, 2008",
        ]


def test_a_cut_news_report_under_its_photos_ends_in_text() -> None:
    """Outside a report on cartoons, the line a cut copy stops on under two credited photos is the
    report's text, not a picture's caption."""
    photos = "\n\n".join(f"Orlo Sample on the pier (Coast Post, Vell, May {day}, 2016)" for day in (2, 3))
    dispatch, _ = _parse(
        f"March 3, 2009 Special Dispatch No. 12\n\nThe Harbour Vote\n\n{_PARA}\n\n{photos}\n\nThe council met on"
    )
    assert dispatch.body[-1] == dl.model.Paragraph(content=(dl.model.Text(text="The council met on"),))


def test_a_cartoons_named_parts_are_its_caption() -> None:
    """The lines naming what is written on a cartoon's parts, right over its credit, are one
    caption; the artist under the credit joins it; an outlet broken before its bracket is one
    credit; a site's address and a date credit one too."""
    parts = 'The cartoon says:\nOn the bear: "Council"\nOn the hedgehog: "Pier"'
    first = f"{parts}\n\nCoast Post\n(Vellonia), May 2, 2016\nCartoonist: Orla Tamsin"
    second = 'On the gull: "Tide"\nHarbour-news.example, 30 August 2013'
    dispatch, _ = _parse(f"{_CARTOONS}{first}\n\n{second}\n\n{_PARA}\n")
    caption = 'The cartoon says: On the bear: "Council" On the hedgehog: "Pier"'
    assert dispatch.body[:2] == (
        dl.model.Figure(caption=caption, credit="Orla Tamsin, Coast Post (Vellonia), May 2, 2016"),
        dl.model.Figure(caption='On the gull: "Tide"', credit="Harbour-news.example, 30 August 2013"),
    )


def test_a_cut_copys_last_cartoon_is_a_figure_with_its_named_parts() -> None:
    """A copy cut inside the parts of its next cartoon, under two credited ones, ends in that
    cartoon's caption; a line introducing the cartoons says what the text is of, where no title does."""
    credited = "\n\n".join(
        f'On the {thing}: "Council"\nCoast Post (Vellonia), May {day}, 2016'
        for thing, day in (("bear", 2), ("gull", 3))
    )
    cut = 'The cartoon says:\nOn the hedgehog: "Pier"\nOn the hand: "Ti'
    intro = "The following are cartoons from the coast press:"
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\n{_PARA}\n\n{intro}\n\n{credited}\n\n{cut}")
    assert dispatch.body[-1] == dl.model.Figure(caption=cut.replace("\n", " "))
    assert sum(isinstance(block, dl.model.Figure) for block in dispatch.body) == 3


def test_a_mirrors_credit_line_dates_in_its_language() -> None:
    """``Outlet (Country), 13 de julio, 2008``: a credit line, the comma before the year too."""
    assert blocks.credit_line("Al-Faro (Vellonia), 13 de julio, 2008")
    assert header.parse_date("13 de julio, 2008") == datetime.date(2008, 7, 13)


def test_a_cartoons_quoted_phrase_with_its_credit_is_a_figure() -> None:
    """A cartoon's caption may be a phrase in quotes (``"Peace, at last!!" (Outlet, Place, Date)``);
    a quoted sentence, its stop inside the quotes, with its source is a quotation."""
    caption = '"The mayor\'s road to peace!!"'
    dispatch, _ = _parse(f"{_CARTOONS}{caption} (Coast Post, Vell, May 6, 2016)\n\n{_PARA}\n")
    assert dispatch.body[0] == dl.model.Figure(caption=caption, credit="Coast Post, Vell, May 6, 2016")
    quoted = '"We reject the plan of the council." (Coast Post, Vell, May 6, 2016)'
    dispatch, _ = _parse(f"{_CARTOONS}{quoted}\n\n{_PARA}\n")
    assert not isinstance(dispatch.body[0], dl.model.Figure)
    # outside a report on cartoons, a quoted headline with its outlet is a press review's line
    review = f"March 3, 2009 Special Dispatch No. 12\n\nThe Coast Press On The Vote\n\n{caption}"
    dispatch, _ = _parse(f"{review} (Coast Post, Vell, May 6, 2016)\n\n{_PARA}\n")
    assert not isinstance(dispatch.body[0], dl.model.Figure)


@pytest.mark.parametrize(
    "heading",
    [
        "Demonization Of The U.S.",
        "The Council's Letters To The U.N.",
        "100,000 Nets Expected To Be Torn Before The Storm Reaches The U.S.",  # a number's comma is no clause's
    ],
)
def test_a_heading_may_end_in_an_abbreviations_stop(heading: str) -> None:
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{_PARA}\n\n{heading}\n\n{_PARA}\n")
    assert dispatch.body[1] == dl.model.Heading(text=heading)


@pytest.mark.parametrize("line", ["They sailed to the U.S.", "Orla Tamsin Jr.", "12 Harbour St.", "Port Vell, U.S.A."])
def test_a_sentence_a_signature_or_an_address_ending_in_a_stop_is_no_heading(line: str) -> None:
    dispatch, _ = _parse(f"March 3, 2009 Special Dispatch No. 12\n\nA Title\n\n{_PARA}\n\n{line}\n\n{_PARA}\n")
    assert not isinstance(dispatch.body[1], dl.model.Heading)


def test_a_headline_in_sentence_case_over_english_text_is_the_blogs() -> None:
    """The institute's English titles capitalise every word: a headline in sentence case over a
    copy without a header is a blog's own (still the title, and said to be the site's); in title
    case it is the dispatch's title."""
    blog = "Harbour cleric says the council will fall within the year"
    dispatch, diagnostics = dl.parse(f"{blog}\n\n{_LONG}\n", source="x.txt")
    assert dispatch.title == blog and any("site's own headline" in d.message for d in diagnostics)
    titled, diagnostics = dl.parse(f"{blog.title()}\n\n{_LONG}\n", source="x.txt")
    assert titled.title == blog.title() and not any("site's own headline" in d.message for d in diagnostics)


@pytest.mark.parametrize(
    "line",
    [
        "I. The Summit Of The Harbour Councils, June 20, 2011",  # a numbered section's heading
        "Port Vell, June 20, 2011",  # a dateline
        '"We reject the so-called "peace plan" of the council." (Coast Post, Vell, May 6, 2016)',  # a quotation
    ],
)
def test_lines_of_a_report_on_cartoons_that_are_no_cartoon(line: str) -> None:
    dispatch, _ = _parse(f"{_CARTOONS}{line}\n\n{_PARA}\n")
    assert not isinstance(dispatch.body[0], dl.model.Figure)


def test_a_speaker_over_a_colon_after_an_open_sentence_is_a_turn() -> None:
    """``... knows it and`` / ``Orlo Sample`` / ``: No.``: the interrupted turn ends, the next begins;
    ``Orla Tamsin`` / ``:Yes.`` (no space after the colon) is a turn too."""
    text = (
        "March 14, 2023 Special Dispatch No. 10523\n\nA Title\n\n"
        "Orla Tamsin\n: The council knows it and\nOrlo Sample\n: No, no.\nOrla Tamsin\n:Yes.\n"
    )
    dispatch, _ = _parse(text)
    speakers = [block.speaker for block in dispatch.body if isinstance(block, dl.model.SpeakerTurn)]
    assert speakers == ["Orla Tamsin", "Orlo Sample", "Orla Tamsin"]


def test_a_turn_ending_from_the_institute_is_no_lead_in() -> None:
    title = "Vellonian TV Host Interviews A Researcher"
    dispatch, _ = _parse(f"{title}\n\nHost: Joining us is Orla Tamsin from MEMRI:\n\nOrla Tamsin: {_PARA}\n")
    assert dispatch.title == title


@pytest.mark.parametrize("header", ["March 14, 2023, Special Dispatch No. 10523", "August 18, 2007, Clip No. 1545"])
def test_a_date_and_a_comma_before_a_known_series(header: str) -> None:
    dispatch, _ = _parse(f"{header}\n\nA Title\n\n{_PARA}\n")
    assert dispatch.date is not None and dispatch.number in (10523, 1545)


def test_a_poem_over_a_credit_with_a_link_under_it_is_kept() -> None:
    lines = "\n".join(
        f"The tide came in over the {place} and the council said nothing." for place in "pier sand boats nets".split()
    )
    credit = "From MEMRI Special Dispatch No. 10523, March 14, 2023"
    dispatch, _ = _parse(f"{lines}\n\n{credit}\n\nhttps://www.example.test/reports/harbour-poems-10523\n")
    assert "sand" in dl.to_text(dispatch)


@pytest.mark.parametrize(
    "title",
    [
        "Al-Qaeda's al-Vell Branch on al-Sample and al-Tamsin",  # names' particles
        "Orla Tamsin Speaks against the Council about the Boats",  # prepositions title case leaves small
        "The 1st, 2nd and 3rd Harbour Wars",  # ordinals
        "iHarbour and eVell: The Harbour's Online Council",  # a capital inside a word
    ],
)
def test_a_headline_in_title_case_is_no_blogs_headline(title: str) -> None:
    dispatch, _ = _parse(f"{title}\n\n{_LONG}\n")
    assert dispatch.title == title


def test_a_sentence_case_headline_over_its_date_keeps_title_and_date() -> None:
    """A headline in sentence case over a date line is the copy's title and date: only a headline
    right over the blogger's paragraph is the blog's own."""
    title = "Vellonian cleric says the council will fall within the year"
    dispatch, _ = _parse(f"{title}\nMarch 5, 2019\n\n{_LONG}\n")
    assert (dispatch.title, dispatch.date) == (title, datetime.date(2019, 3, 5))


@pytest.mark.parametrize("label", ["Update 2: More on this from MEMRI TV:", "Video: Translation from MEMRI:"])
def test_a_blogs_labelled_lead_in_hands_over(label: str) -> None:
    title = "Vellonian Cleric: Women Must Stay Home"
    dispatch, _ = _parse(f"Harbour Blog\n\n{label}\n\n{title}\n\n{_LONG}\n")
    assert dispatch.title == title


def test_an_emoticon_under_a_turn_is_not_glued_to_it() -> None:
    text = "March 14, 2023 Special Dispatch No. 10523\n\nA Title\n\nOrla Tamsin\n: The tide came in.\n:D\n"
    dispatch, _ = _parse(text)
    assert "in.:D" not in dl.to_text(dispatch) and "Tamsin:D" not in dl.to_text(dispatch)


_REPORT = "March 14, 2023 Special Dispatch No. 10523\n\nA Title\n\n"


@pytest.mark.parametrize(
    ("line", "figure"),
    [
        ("The harbour master on the coast (Image: example.test).", {"caption": "The harbour master on the coast"}),
        ("Orlo Sample. Source: (", {"caption": "Orlo Sample", "credit_missing": True}),
        ("Source: (", {"caption": "", "credit_missing": True}),
    ],
)
def test_captions_whose_credit_the_page_closed_with_a_stop_or_lost(line: str, figure: dict[str, object]) -> None:
    dispatch, _ = _parse(f"{_REPORT}{_PARA}\n\n{line}\n\n{_PARA}\n")
    found = dispatch.body[1]
    assert isinstance(found, dl.model.Figure)
    assert {key: getattr(found, key) for key in figure} == figure


@pytest.mark.parametrize(
    "line",
    [
        "The guild met on the pier. It said the tide would come (Source: Example Post).",  # sentences citing a source
        # what someone said, credited
        "Burmistrz Orlo Sample ogłosił, że latarnie zostaną zgaszone w przyszłym tygodniu (Foto: Gazeta Portowa).",
    ],
)
def test_sentences_credited_with_a_stop_stay_a_paragraph(line: str) -> None:
    dispatch, _ = _parse(f"{_REPORT}{_PARA}\n\n{line}\n\n{_PARA}\n")
    assert isinstance(dispatch.body[1], dl.model.Paragraph)


def test_an_alt_text_over_its_caption_is_one_figure() -> None:
    alt = "Orla Tamsin at the pier with the guild's captains"
    dispatch, _ = _parse(f"{_REPORT}{_PARA}\n\n{alt}\n{alt} (Source: Example TV)\n\n{_PARA}\n")
    assert dispatch.body[1] == dl.model.Figure(caption=alt, credit="Example TV", alt_text=alt)
    assert len(dispatch.body) == 3


def test_a_cartoons_name_and_date_under_its_heading_credit_the_caption_below() -> None:
    credit = "Orla Tamsin,, May 3, 2016."
    dispatch, _ = _parse(
        f"{_REPORT}{_PARA}\n\nCartoon Of The Week\n\n{credit}\n\nThe mayor meets the guild.\n\n{_PARA}\n"
    )
    assert dispatch.body[2] == dl.model.Figure(caption="The mayor meets the guild.", credit="Orla Tamsin, May 3, 2016")
    elsewhere, _ = _parse(f"{_REPORT}{_PARA}\n\nPort News\n\nOrla Tamsin, May 3, 2016.\n\n{_PARA}\n")
    assert not any(isinstance(block, dl.model.Figure) for block in elsewhere.body)


@pytest.mark.parametrize(
    "lines",
    [
        ["Transcript below the fold. Example TV"],  # sentences, not a caption
        [  # what a clip shows, line by line
            "Footage of the reporter entering the house",
            "Footage of the reporter shaking hands with the mayor",
            "Footage of the mayor talking to the men of the guild",
        ],
    ],
)
def test_lines_in_a_captions_shape_that_are_no_caption(lines: list[str]) -> None:
    dispatch, _ = _parse(_REPORT + "\n\n".join([_PARA, *lines, _PARA]) + "\n")
    assert not any(isinstance(block, dl.model.Figure) for block in dispatch.body)


def test_a_caption_that_is_a_sentence_without_its_stop_under_a_heading() -> None:
    caption = "The guild's page was promptly deleted by the Harbour Board"
    dispatch, _ = _parse(f"{_REPORT}The Guild's Page\n\n{caption}\n\n{_LONG}\n")
    assert dispatch.body[1] == dl.model.Figure(caption=caption)
    deck = "Orla Tamsin's talk, in the guild's halls, on its boats, in its songs, was heard by the whole coast"
    decked, _ = _parse(f"{_REPORT}{deck}\n\n{_LONG}\n")
    assert isinstance(decked.body[0], dl.model.Paragraph)


def test_a_header_cited_after_according_to_is_no_header() -> None:
    line = "According to MEMRI Special Dispatch No. 1234, July 5, 2019, Guild leader Orla Tamsin called a strike:"
    dispatch, _ = _parse(f"Wednesday, July 17, 2019\n\nHarbour Report on the Strike\n\n{line}\n{_LONG}\n")
    assert dispatch.title != "According to"
    assert line in dl.to_text(dispatch)


def test_a_table_cells_bar_leaves_a_header_but_not_a_clips_number() -> None:
    table, _ = _parse(f"|\nMay 9, 2010 |\nSpecial Dispatch No. 412 |\n|\nA Title |\n\n{_PARA}\n")
    assert (table.series, table.number, table.date, table.title) == (
        "Special Dispatch",
        412,
        datetime.date(2010, 5, 9),
        "A Title",
    )
    clip, _ = _parse(
        f"Aug 26, 2019\n\nA Vellonian Cleric Speaks\n\n#7443 |\nSource: Example TV (Vellonia)\n\n{_PARA}\n"
    )
    assert clip.series != "Special Dispatch" and clip.number != 7443


def test_a_topic_opening_with_a_bylines_word_stays_a_topic() -> None:
    """``Von Harbour | Special Dispatch No. 1``: a topics line, though ``Von`` opens a German byline."""
    dispatch, _ = _parse(f"Special Dispatch No. 1\n\nA Title\n\nVon Harbour | Special Dispatch No. 1\n\n{_PARA}\n")
    assert (dispatch.topics, dispatch.authors) == (("Von Harbour",), ())


@pytest.mark.parametrize(
    ("heading", "line"),
    [
        ("Part II", "How the guild lost its place on the north pier in the spring"),  # a subheading
        ("Interview With The Harbour Master", "Orla Tamsin asked the harbour master about the lanterns"),  # an intro
    ],
)
def test_sentences_under_a_heading_that_are_no_caption(heading: str, line: str) -> None:
    dispatch, _ = _parse(f"{_REPORT}{heading}\n\n{line}\n\n{_LONG}\n")
    assert isinstance(dispatch.body[1], dl.model.Paragraph)


def test_captions_in_a_row_and_after_an_abbreviation_stay_captions() -> None:
    captions = [
        "Orla Tamsin speaking at the guild's meeting in Port Vell",
        "Fishermen gathering nets on the north pier",
    ]
    dispatch, _ = _parse(_REPORT + "\n\n".join([_PARA, *captions, _PARA]) + "\n")
    assert [type(block).__name__ for block in dispatch.body] == ["Paragraph", "Figure", "Figure", "Paragraph"]
    titled, _ = _parse(f"{_REPORT}{_PARA}\n\nProf. Orlo Sample speaking at the harbour conference\n\n{_PARA}\n")
    assert isinstance(titled.body[1], dl.model.Figure)


def test_a_headline_mentioning_photos_is_no_pictures_heading() -> None:
    lines = ["Photos Show Boats Leaving The North Pier", "Orla Tamsin, May 4, 2016", _PARA]
    dispatch, _ = _parse(_REPORT + "\n\n".join([_PARA, *lines]) + "\n")
    assert not any(isinstance(block, dl.model.Figure) for block in dispatch.body)


def test_a_chants_repeated_line_stays_in_its_turn() -> None:
    chant = "The sea is ours, the sea is ours"
    lines = ["Orlo Sample: Say it with me, brothers.", chant, f"{chant}, and the pier is ours.", "Who says no lies."]
    dispatch, _ = _parse(_REPORT + "\n".join(lines) + "\n")
    assert [type(block).__name__ for block in dispatch.body] == ["SpeakerTurn"]


@pytest.mark.parametrize(
    "line",
    [
        "Vellonian Minister Orla Tamsin Deletes Her LinkedIn Post Praising The Guild Of Nets After A Week Of"
        " Protests By The Fishermen Of Port Vell And The Islands, Saying: The Harbour Belongs To All Of Us",
        "Home » Reports » Vellonia » Harbour AffairsThe harbour master of Port Vell, Orlo Sample, said in a"
        " radio interview that the board had no authority to close the pier to the guild's boats that week.",
    ],
)
def test_a_capital_inside_a_word_or_a_breadcrumb_splits_no_headline(line: str) -> None:
    dispatch, _ = _parse(f"{line}\n\n{_LONG}\n")
    assert not dispatch.title.startswith(("In Post", "Home »"))


@pytest.mark.parametrize(
    ("headline", "glue"),
    [
        ("An Overview Of The Harbour Guild's Stance On U.S. Quotas; Translation Of Its Draft Charter", " "),
        ("An Overview Of The Harbour Guild's Stance On The Northern Quotas", ""),
    ],
)
def test_a_headline_run_into_the_first_sentence_is_the_title(headline: str, glue: str) -> None:
    """A collapsed copy's headline in title case runs into its first sentence, glued or after a
    space where the sentence goes on in lower case (``... Charter This report presents ...``)."""
    sentence = "This report presents the positions of the guild on the quotas, as its master set them out."
    text = f"{headline}{glue}{sentence} {_LONG}"
    dispatch, _ = _parse(f"{text}\n")
    assert dispatch.title == headline
    assert dl.to_text(dispatch).count("This report presents") == 1


@pytest.mark.parametrize("credit", ["MEMRI TV: ", "Memri: ", "From MEMRI: "])
def test_a_title_credited_to_the_institute_under_a_blogs_words(credit: str) -> None:
    """Under a blog's headline and words, a title credited to the institute, in whichever case its
    name is written, is the dispatch's title, without its credit."""
    title = "'The Secret Of The Tide' - A Harbour TV Documentary Claims The Gulls Plan To Take The Pier"
    text = f"Tuesday, 5 August 2008\n\nTV proof of the guild's hatred\n\n{_LONG}\n\n{credit}{title}\n\n{_LONG}\n"
    dispatch, _ = _parse(text)
    assert dispatch.title == title


def test_a_title_over_its_date_in_figures_starts_the_text() -> None:
    """A mirror's page: the institute's name over the title, its date in figures day first under
    it, a subtitle and the byline: the title, date and authors are the dispatch's, the name is
    the page's."""
    lines = ["THE HARBOUR INSTITUTE", "The Pier Dispute (II): The Quota And The Ferry", "29/7/2013", ""]
    lines += ["The struggle between the harbour master and the guild sharpens", "", "By: O. Tamsin", "", _LONG]
    dispatch, _ = _parse("\n".join(lines) + "\n")
    assert (dispatch.title, dispatch.date) == (
        "The Pier Dispute (II): The Quota And The Ferry",
        datetime.date(2013, 7, 29),
    )
    assert dispatch.authors == ("O. Tamsin",)


def test_a_date_over_a_blogs_headline_over_the_title_is_the_blogs() -> None:
    """A blog's date over its short headline, over the dispatch's title: the title is the
    dispatch's, the date the blog's posting date."""
    dispatch, _ = _parse(f"8.20.2007\n\nNew guild spin-off\n\nIntroducing The Harbour Guild's Weekly Blog\n\n{_LONG}\n")
    assert (dispatch.title, dispatch.date) == ("Introducing The Harbour Guild's Weekly Blog", None)


def test_a_list_of_other_clips_under_a_transcript_is_no_start() -> None:
    """A mirror's transcript followed by its site's list of other clips (``#1939 - Title`` over
    its date): the list is the page's, the text starts at its top and keeps its turns."""
    lines = [
        "A continuación extractos de la declaración del capitán Orlo Tamsin, emitida en Coast TV el 14 de mayo, 2008:",
        "Orlo Tamsin: «La calma estuvo limitada a seis meses, y el muelle sigue cerrado para nuestros barcos».",
        "Entrevistador: «Esto puede ser una gran noticia para los pescadores del puerto de Port Vell»",
        "Lo siguiente son recientes clips de Coast TV.",
        "#1961 – Capitán Del Puerto: El Muelle Es Nuestro",
        "24-28 de diciembre",
        "#1939 – Clérigo Del Puerto Orla Venn: La Marea Decide",
        "6 de noviembre, 2008",
    ]
    dispatch, _ = _parse("\n".join(lines) + "\n")
    assert (dispatch.title, dispatch.date) == ("", None)
    assert sum(isinstance(block, dl.model.SpeakerTurn) for block in dispatch.body) == 2


def test_a_title_wrapped_over_two_lines_above_its_date() -> None:
    """Under a blogger's words and a credit line, a title wrapped over two lines right above its
    date line, broken after its kicker, is one title; a sentence's last line, a blog's name or a
    link over a title stay apart."""
    lines = [
        "Comments by Orla Tamsin",
        "Friday Sermons In The Harbour: (PT1)",
        "Review And Analysis",
        "September 26, 2002",
    ]
    dispatch, _ = _parse(f"{_LONG}\n\n" + "\n".join(lines) + f"\n\n{_LONG}\n")
    assert dispatch.title == "Friday Sermons In The Harbour: (PT1) Review And Analysis"
    assert dispatch.date == datetime.date(2002, 9, 26)
    for above in (
        "the fishermen said so.",
        "The Harbour Watch Blog Of Port Vell",
        "Previous Post: Guild Elects A Secretary",
    ):
        dispatch, _ = _parse(f"{_LONG}\n\n{above}\nReview And Analysis\nSeptember 26, 2002\n\n{_LONG}\n")
        assert dispatch.title == "Review And Analysis"  # a sentence's end, a blog's name, a link: no title's half


@pytest.mark.parametrize(
    ("headline", "title", "dropped"),
    [
        ("New guild spin-off", "Introducing The Harbour Guild's Weekly Blog", True),  # the blog's own
        ("The Guild Spins Off", "Introducing The Harbour Guild's Weekly Blog", False),  # in title case: they vie
        ("Guild leader says gulls are spies", "The Background Of The Pier Dispute", False),  # a news title
        ("Guild says gulls spy", "Harbour Courier, March 1, 2019", False),  # an outlet and date under it
    ],
)
def test_a_blogs_short_headline_over_the_dispatchs_title(headline: str, title: str, dropped: bool) -> None:
    """Without a header, a blog's headline of up to four words, one in lower case, over a title
    with every word capitalised (no year in it), which heads the text: the title is the
    dispatch's; a longer headline in sentence case is a news site's title over its first heading."""
    dispatch, _ = _parse(f"{headline}\n\n{title}\n\n{_LONG}\n")
    assert dispatch.title == (title if dropped else headline)


_QUOTED = "Harbour Guild Official Orlo Tamsin: We Will Sail Again And Again Until The Pier Is Ours"


@pytest.mark.parametrize(
    ("text", "title", "date"),
    [
        (  # the institute's post, quoted under a blog's headline: its title and date
            f"Guild in its own words: we will sail again.\n\n{_QUOTED} #Harbour #Pier pic.twitter.com/kX3U0"
            " — MEMRI (@MEMRIReports) November 1, 2023",
            _QUOTED,
            datetime.date(2023, 11, 1),
        ),
        (  # no title at all: the blogger names the release and quotes its title
            f"You will remember the harbour psychologist. They also note in their latest release, '{_QUOTED}':",
            _QUOTED,
            None,
        ),
        (  # a quotation not in title case names no dispatch
            "You will remember the harbour psychologist. They also note in their latest release,"
            " 'the guild will sail again and again until the pier is ours':",
            "",
            None,
        ),
        (  # a report's own title stays, whatever its text quotes
            f"Guild Official Vows To Sail Again\n\nIn a report titled “{_QUOTED},” the daily said the guild sailed.",
            "Guild Official Vows To Sail Again",
            None,
        ),
    ],
)
def test_a_blogs_text_quoting_the_dispatchs_title(text: str, title: str, date: datetime.date | None) -> None:
    """A blog's text without a title of the dispatch's own (none, or the blog's headline) that
    quotes the institute's post, or the dispatch's title in title case right after a word naming
    it: that is the title."""
    dispatch, _ = _parse(f"{text}\n\n{_LONG}\n")
    assert (dispatch.title, dispatch.date) == (title, date)


def test_a_blog_citing_the_dispatch_by_number_and_title() -> None:
    """A blog's headline over a quoted paragraph, then ``For MEMRI Special Dispatch No.794,
    “Title”, see here.``: the title, series and number are the dispatch's."""
    text = f"Guild reports reaction to a fatwa that never was\n\n“{_LONG}”\n\n"
    text += f"For MEMRI Special Dispatch No.794, “{_QUOTED}”, see here.\n"
    dispatch, _ = _parse(text)
    assert (dispatch.title, dispatch.series, dispatch.number) == (_QUOTED, "Special Dispatch", 794)


def test_speakers_under_a_boundary_naming_a_discussion_on_tv() -> None:
    """A boundary that names a programme on television without saying it aired (``The following
    is text from the discussion on Vellonian TV``) opens a transcript: a name and its office in
    lower case speak."""
    lines = ["Special Dispatch No. 782", "", "A Title", "", "On a recent program on Vellonia's Harbour TV, guildsmen"]
    lines += ["discussed the tide. The following is text from the discussion on Vellonian TV:", ""]
    lines += ['Orlo Tamsin, president of the Harbour Research Center in Port Vell: "The tide came early."']
    dispatch, _ = _parse("\n".join(lines) + "\n")
    assert isinstance(dispatch.body[-1], dl.model.SpeakerTurn)
    assert dispatch.body[-1].speaker == "Orlo Tamsin, president of the Harbour Research Center in Port Vell"


def test_a_quoted_title_over_a_staff_byline_and_the_boundary_under_a_blogs_words() -> None:
    """A repost's commentary, then the report's title, its staff byline by initials and the line
    introducing the translation: the title and byline are the report's."""
    lines = [
        "Sunday, July 8, 2007",
        "Sweet Thoughts From The Coast Press",
        _LONG,
        "Sea Cartoons in the Vellonian Press",
        "By: O. Tamsin",
        "The following is a sample of cartoons from the last few months:",
        _PARA,
    ]
    dispatch, _ = _parse("\n\n".join(lines) + "\n")
    assert (dispatch.title, dispatch.authors) == ("Sea Cartoons in the Vellonian Press", ("O. Tamsin",))


def test_staff_named_by_their_initials_and_the_institute_are_a_byline() -> None:
    text = f"Harbour Protests Place The Guild In A Bind\nO. Tamsin and R. Sample/MEMRI/December 03\n\n{_LONG}\n"
    dispatch, _ = _parse(text)
    assert dispatch.authors == ("O. Tamsin", "R. Sample")


def test_a_bylines_date_after_its_names() -> None:
    dispatch, _ = _parse(f"Harbour Tension Rises (Part I)\n\nBy: O. Tamsin, December 16, 2008\n\n{_LONG}\n")
    assert (dispatch.authors, dispatch.date) == (("O. Tamsin",), datetime.date(2008, 12, 16))


def test_the_old_special_reports_series_keeps_its_name() -> None:
    dispatch, _ = _parse(f"August 31, 2004 Special Reports No. 32\n\nA Title\n\n{_PARA}\n")
    assert (dispatch.series, dispatch.number) == ("Special Reports", 32)


def test_a_contents_lists_first_entry_is_no_title() -> None:
    """A headerless copy that opens on its contents: the entry standing again is the first section's heading."""
    entries = ["I. The Harbour Closes", "II. The Guild Answers"]
    dispatch, _ = _parse("\n".join(["Spis treści", *entries, "", entries[0], "", _LONG]) + "\n")
    assert dispatch.title == ""


def test_a_screenshots_credit_is_a_figure_not_topics() -> None:
    dispatch, _ = _parse(f"Vellonian Children Chant At The Harbour Rally\n\nScreenshot / Example TV\n\n{_LONG}\n")
    assert dispatch.topics == () and dispatch.body[0] == dl.model.Figure(credit="Example TV")


def test_a_french_pointer_to_the_clips_is_no_title() -> None:
    line = "Voir les extraits-vidéo sous-titrés en anglais sur MEMRI TV"
    dispatch, _ = _parse(f"{line}\n\n{_LONG}\n")
    assert dispatch.title != line and dispatch.body[0] == dl.model.MediaPointer(text=line)


def test_a_blog_headline_trailing_off_over_a_list_of_its_sources() -> None:
    """A blog's headline trailing off in dots is its title; the list of links under it is a list,
    no headings; a speaker named by who they are after an article speaks."""
    lines = ["Evil Harbour Rat...", "Little girl tells the rat the guild's line.", ""]
    lines += ["- Harbour TV Transcript", "- Harbour TV Video", "", _LONG, ""]
    lines += ["Following are excerpts from a children's TV show, which aired on Harbour TV on April 6, 2007:", ""]
    lines += ["Host Saraa, a young girl: What will you do for the sake of the pier?"]
    dispatch, _ = _parse("\n".join(lines) + "\n")
    assert dispatch.title == "Evil Harbour Rat..."
    assert not any(isinstance(block, dl.model.Heading) for block in dispatch.body)
    assert dispatch.body[-1] == dl.model.SpeakerTurn(
        speaker="Host Saraa, a young girl", content=(dl.model.Text(text="What will you do for the sake of the pier?"),)
    )


@pytest.mark.parametrize("line", ["A sentence trailing off, unfinished. And then...", "Well...."])
def test_what_trails_off_and_is_no_title(line: str) -> None:
    """Only a short phrase trailing off in three dots is a headline: not two sentences, nor four dots."""
    dispatch, _ = _parse(f"{line}\n\n{_LONG}\n")
    assert dispatch.title != line


def test_a_date_over_a_headline_over_the_bloggers_first_person_is_the_posts() -> None:
    """A date over a headline, the first paragraph in the writer's own first person (quotes
    aside): the date is the blog's post's, the headline its title."""
    words = "The following was brought to my attention by a reader. The clips are worth watching."
    dispatch, _ = _parse(f"10 March, 2006\n\nOrla Tamsin Takes On The Guild\n\n{words} {_LONG}\n")
    assert (dispatch.title, dispatch.date) == ("Orla Tamsin Takes On The Guild", None)


def test_a_chant_sung_on_under_its_turn_is_no_heading() -> None:
    """A mirror's transcript: a crowd's quoted chant repeated on the lines under its turn is what
    they sing, no quoted heading."""
    lines = ["Nous publions des extraits d'un discours du chef de la guilde, diffusé le 9 avril 2012 :", ""]
    lines += ["Orlo Tamsin : « La jetée est à nous. Notre devise le dit : « Vive le port ». »"]
    lines += ["La foule : « Vive le port »", "« Vive le port »"]
    lines += ["Orlo Tamsin : « Les bateaux resteront à quai tant que le conseil ne cédera pas, nous le savons. »"]
    dispatch, _ = _parse("\n".join(lines) + "\n")
    assert dispatch.body[3] == dl.model.Paragraph(content=(dl.model.Text(text="« Vive le port »"),))
    assert not any(isinstance(block, dl.model.Heading) for block in dispatch.body)


@pytest.mark.parametrize("word", ["Von", "By", "Por", "Autor:"])
def test_a_byline_word_on_its_own_line_over_the_names(word: str) -> None:
    """A blog's byline whose word stands on a line of its own over the names: the authors."""
    text = f"Dienstag, 16.07.2019\n\nDer Hafenmeister ruft zum Streik auf\n\n{word}\nOrla von der Tamsin\n\n{_LONG}\n"
    dispatch, _ = _parse(text)
    assert dispatch.authors == ("Orla von der Tamsin",)
    assert dispatch.title == "Der Hafenmeister ruft zum Streik auf"


def test_a_title_signed_after_a_slash_by_its_author() -> None:
    """A mirror's page heads the report with its title and author after a slash; the byline
    names the same author: the title is the report's without the name."""
    lines = ["THE HARBOUR INSTITUTE", "Reformers And Guildsmen On The Coast Today / Orla Tamsin", "1/9/2004", ""]
    lines += ["Reformers And Guildsmen On The Coast Today", "", "By Orla Tamsin*", "", _LONG]
    dispatch, _ = _parse("\n".join(lines) + "\n")
    assert dispatch.title == "Reformers And Guildsmen On The Coast Today"
    assert dispatch.authors == ("Orla Tamsin",)


@pytest.mark.parametrize(
    ("below", "title"),
    [
        ("So said the guild's envoy to Port Vell", "“I pray the tide will rise a thousand times”"),
        ("Orla Tamsin, envoy", ""),  # a quotation over its speaker's name
    ],
)
def test_a_quoted_headline_over_its_subtitle(below: str, title: str) -> None:
    """A news site's headline wholly in quotes, no stop in it, over a short subtitle of four words
    or more and the text: the title."""
    dispatch, _ = _parse(f"“I pray the tide will rise a thousand times”\n\n{below}\n\n{_LONG}\n")
    assert dispatch.title == title


def test_a_credit_over_its_caption_at_the_top_is_a_picture() -> None:
    """A copy opening on a picture's credit over its caption, no blank between them: one figure,
    never the title; a second picture's source line under a credit is a picture of its own."""
    lines = ["Photo Credit: Official Harbour Office Photo by Orla Tamsin"]
    lines += ["The harbour master on the phone in his office, October 10, 2023.", "", _LONG, ""]
    lines += ["(Source: Harbour.test/p/1)", "(Source: Harbour.test/p/2)", "", _LONG]
    dispatch, _ = _parse("\n".join(lines) + "\n")
    assert dispatch.title == ""
    figures = [block for block in dispatch.body if isinstance(block, dl.model.Figure)]
    assert (figures[0].credit, figures[0].caption) == (
        "Official Harbour Office Photo by Orla Tamsin",
        "The harbour master on the phone in his office, October 10, 2023.",
    )
    assert len(figures) == 3


def test_a_deck_opening_on_dashes_is_no_title() -> None:
    """A line opening on a dash (a deck going on from a lost headline, a list's item) is no title."""
    dispatch, _ = _parse(f"by MEMRI\n--blind hatred of the gulls has kept the port from learning\n\n{_LONG}\n")
    assert dispatch.title == ""


@pytest.mark.parametrize("label", ["Powiedzą", "Dije", "Notice"])
def test_a_verb_of_saying_or_a_notice_is_no_speaker(label: str) -> None:
    """``Powiedzą: ...`` (they will say), ``Dije: ...`` (I said), a site's ``Notice: ...``: no speaker's label."""
    dispatch, _ = _parse(_CLIP_PAGE.format(f"{label}: The tide is late today, and the boats wait."))
    assert not any(isinstance(block, dl.model.SpeakerTurn) for block in dispatch.body)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("6 lut 2011", datetime.date(2011, 2, 6)),  # the mirrors' short month names
        ("6 févr. 2011", datetime.date(2011, 2, 6)),
        ("3 dic. 2019", datetime.date(2019, 12, 3)),
        ("12 paź 2011", datetime.date(2011, 10, 12)),
    ],
)
def test_a_date_with_a_short_month_name_of_the_mirrors(line: str, date: datetime.date) -> None:
    """A date over the title with a short month name in the mirrors' languages dates the text."""
    words = "Fragmenty wywiadu z przedstawicielem bractwa, nadanego przez telewizję portową 30 stycznia, o flocie."
    dispatch, _ = _parse(f"{line}\n\nBractwo wzywa do wojny z portem\n\n{words}\n")
    assert (dispatch.title, dispatch.date) == ("Bractwo wzywa do wojny z portem", date)


def test_a_stamp_dated_by_its_month_and_a_sites_name_left_without_its_title() -> None:
    """A scraper's ``date 2020-07`` stamp run onto a site's name that lost the page's title
    (``Harbour Daily -``): neither the title nor a heading."""
    dispatch, _ = _parse(f" date 2020-07 Harbour Daily -\n\n{_LONG}\n")
    assert (dispatch.title, dispatch.date) == ("", None)
    assert not any(isinstance(block, dl.model.Heading) for block in dispatch.body)


def test_an_embedded_post_with_a_picture_link_is_no_figure() -> None:
    """A post embedded in a blog, signed ``— Name (@account) Date``, is no picture and its credit."""
    post = '"The tide waits for no one." -- #Harbour pic.twitter.com/7rks11 — Orla Tamsin (@OrlaT) June 12, 2015'
    dispatch, _ = _parse(f"{_LONG}\n\n{post}\n\n{_LONG}\n")
    assert not any(isinstance(block, dl.model.Figure) for block in dispatch.body)


def test_a_credit_glued_to_the_title_under_a_blogs_words() -> None:
    """``From MEMRIIn Harbour Speech, ...``: the page glued the credit to the title, which is the dispatch's."""
    title = "In Harbour Speech, Orlo Tamsin Refers To The Great Tide, Tells The Guild: Victory Will Be Yours"
    dispatch, _ = _parse(f"RIP Orla Vask\n\n{_LONG}\n\nFrom MEMRI{title}\n\n{_LONG}\n")
    assert dispatch.title == title


@pytest.mark.parametrize("word", ["Applause", "Applaudissements", "Oklaski"])
def test_an_audiences_noise_alone_on_its_line_is_a_stage_direction(word: str) -> None:
    """``Applause`` on a line of its own, its brackets lost, is a stage direction, no heading."""
    dispatch, _ = _parse(_CLIP_PAGE.format(f"Orlo Tamsin: The tide is late today.\n\n{word}\n\nOrlo Tamsin: Again."))
    assert dispatch.body[1] == dl.model.StageDirection(text=word)


def test_a_quotation_trailing_off_before_its_closing_mark_is_no_heading() -> None:
    """A quoted line cut with dots before a space and its closing mark (``"The Harbour Guild... "``)
    is a quotation cut short, no heading."""
    dispatch, _ = _parse(
        _CLIP_PAGE.format('Orlo Tamsin: "The tide is late."\n\n"The Harbour Guild... "\n\nOrla: "Why?"')
    )
    assert not any(isinstance(block, dl.model.Heading) for block in dispatch.body)


def test_a_title_ending_in_a_quotation_that_trails_off() -> None:
    """A title whose last quotation trails off inside its quotes (``... States: 'We Used To Sail...'``)
    is the title over its topics line."""
    title = "Harbour Sheikh Curses The Gulls, States: 'We Used To Say That We Would Sail, Fish, And Wait...'"
    dispatch, _ = _parse(f"{title}\n\nVellonia, The Coast | Special Dispatch No. 3178\n\n{_LONG}\n")
    assert (dispatch.title, dispatch.number) == (title, 3178)


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        (
            "Illustration: cover of the guild's almanac, a coastal edition.",
            "cover of the guild's almanac, a coastal edition.",
        ),
        (
            'Caption: "The Tide (The Council\'s Clock For Fishermen)!"',
            '"The Tide (The Council\'s Clock For Fishermen)!"',
        ),
        ("Zrzut z ekranu z programu w telewizji portowej", "Zrzut z ekranu z programu w telewizji portowej"),
        ("Screenshot from the harbour channel's programme", "Screenshot from the harbour channel's programme"),
        ("Un frame del video", "Un frame del video"),  # an Italian still's
        ("Standbild aus dem Video des Hafens", "Standbild aus dem Video des Hafens"),
        ('Graphs: On left, "Tides In The Harbour"; on right, "Boats," the ferries first.', 'On left, "Tides In The'
         ' Harbour"; on right, "Boats," the ferries first.'),
    ],
)  # fmt: skip
def test_a_caption_said_to_be_one(line: str, caption: str) -> None:
    """A line labelled a caption (``Illustration:``, ``Caption:``), or a screenshot's of one phrase,
    is a picture, also standing between lines with no blank between them."""
    dispatch, _ = _parse(f"{_LONG}\n{line}\nPoniżej podajemy streszczenie programu:\n\n{_LONG}\n")
    figures = [block for block in dispatch.body if isinstance(block, dl.model.Figure)]
    assert [figure.caption for figure in figures] == [caption]


def test_a_sentence_about_screenshots_is_no_caption() -> None:
    dispatch, _ = _parse(f"{_LONG}\n\nScreenshots of the post were shared widely. The guild said nothing.\n\n{_LONG}\n")
    assert not any(isinstance(block, dl.model.Figure) for block in dispatch.body)


def test_a_quoted_line_whose_words_its_section_says_is_a_heading() -> None:
    """A mirror heads a section with a sentence of it in quotes, its stop inside them, perhaps cut
    with an ellipsis: a heading, where the turn under it says those words; a quoted sentence the
    text under it does not say stays a paragraph."""
    lines = ["Ci-dessous des extraits d'une interview diffusée sur la chaîne du port le 9 avril 2012 :", ""]
    lines += ["« La marée (…) ne devrait pas faire partie de notre discours politique. »", ""]
    lines += ["Orlo Tamsin : Nous mettrons de côté la marée, parce qu'elle ne devrait pas faire partie de notre"]
    lines += ["discours politique. Les bateaux restent à quai.", ""]
    lines += ["« Les mouettes décideront de tout, comme toujours. »", ""]
    lines += ["Orlo Tamsin : Le conseil ne décidera de rien avant la grande marée de l'automne prochain."]
    dispatch, _ = _parse("\n".join(lines) + "\n")
    headings = [block.text for block in dispatch.body if isinstance(block, dl.model.Heading)]
    assert headings == ["« La marée (…) ne devrait pas faire partie de notre discours politique. »"]


def test_a_word_the_copy_stops_on_and_a_small_word_alone_are_no_headings() -> None:
    """``From`` over ``MEMRI:`` (a credit broken over two lines) and a single word the copy stops on
    inside its line (``Sheik``) are no headings; ``Introduction`` where the copy stops still is."""
    dispatch, _ = _parse(f"From\nMEMRI:\nFollowing are excerpts from a statement:\n\n{_LONG}\n\nSheik ")
    assert not any(isinstance(block, dl.model.Heading) for block in dispatch.body)
    dispatch, _ = _parse(f"Special Dispatch No. 12\n\nA Title\n\n{_LONG}\n\nIntroduction")
    assert isinstance(dispatch.body[-1], dl.model.Heading)


def test_a_sentences_first_words_the_copy_stops_on_are_no_heading() -> None:
    """``On Octobe`` where the copy stops inside its line is a sentence it cut; ``In Brief`` on a
    whole last line stays a heading."""
    dispatch, _ = _parse(f"Special Dispatch No. 12\n\nA Title\n\n{_LONG}\n\nOn Octobe")
    assert isinstance(dispatch.body[-1], dl.model.Paragraph)
    dispatch, _ = _parse(f"Special Dispatch No. 12\n\nA Title\n\n{_LONG}\n\nIn Brief\n")
    assert isinstance(dispatch.body[-1], dl.model.Heading)


def test_a_sponsors_banner_is_no_title() -> None:
    dispatch, _ = _parse(f"AVEC LE SOUTIEN DE LA FONDATION DU PORT\n\n{_LONG}\n")
    assert dispatch.title == ""


def test_a_digests_date_in_an_old_tables_cell_under_its_empty_cells() -> None:
    """An e-mail digest copied from an old table: ``| |`` over ``February 16, 2010 |`` over its
    opening: the date is the digest's, the empty cells dropped and said."""
    lines = ["| |", "February 16, 2010 |"]
    lines += ["The following is research published today from MEMRI's Special Dispatch Series and the Coast Project."]
    lines += ["Special Dispatch No. 2808—Vellonia", "Harbour Daily Supports The Guild", _LONG]
    lines += ["Special Dispatch No. 2809—Coast", "Coast Weekly Mocks The Council", _LONG]
    dispatch, codes = _parse("\n".join(lines) + "\n")
    assert (dispatch.date, dispatch.number, dispatch.extra_numbers) == (datetime.date(2010, 2, 16), 2808, (2809,))
    assert "page-chrome" in codes


def test_a_headline_in_a_tables_cell_loses_its_bar() -> None:
    """A page copied from its table may leave its first line, the headline, a cell of its own
    (``Title |``): the title, without the bar; a menu's row of several bars stays the page's."""
    headline = "Harbour Cleric: The Guild Orders The Nets Burned"
    dispatch, _ = _parse(f"{headline} |\n\nOrla Tamsin\n\n{'The guild is preparing. ' * 12}\n")
    assert dispatch.title == headline
    menu, _ = _parse(f"Home | News | Archive | Contact |\n\n{headline}\n\n{'The guild is preparing. ' * 12}\n")
    assert menu.title == headline


def test_a_repost_credits_the_institute_with_the_date_under_the_title() -> None:
    """``MEMRI, May 11, 2009.`` under a repost's title dates it; a date alone ending a sentence's
    broken line (``November 27, 2015.``) or a section's (``20 July 2012:``) dates nothing."""
    dispatch, _ = _parse(f"Harbour Dailies: The Guild Mends Every Net\n\nMEMRI, May 11, 2009.\n\n{_LONG}\n")
    assert dispatch.date == datetime.date(2009, 5, 11)
    for line in ("November 27, 2015.", "20 July 2012:"):
        assert header.match_date_line(line) is None


def test_a_lone_label_over_a_blank_is_a_turn_only_if_it_names_someone() -> None:
    """``Professor Orla Tamsin:`` over a blank and her words is her turn; a line handing over to
    a source (``From the Harbour Times:``) and a page's button (``Font Size:``) are no speakers."""
    for label, turns in (("Professor Orla Tamsin:", 1), ("From the Harbour Times:", 0), ("Font Size:", 0)):
        dispatch, _ = _parse(f"Harbour Guild Answers The Council\n\n{_LONG}\n\n{label}\n\n{_LONG}\n")
        assert sum(isinstance(block, dl.model.SpeakerTurn) for block in dispatch.body) == turns, label


def test_a_read_more_line_is_a_notice_only_with_its_outlet() -> None:
    """``Read more: The Harbour Post`` under a syndicated copy says it is an excerpt; a link's
    label alone (``Read more:``) says nothing."""
    for line, truncated in (("Read more: The Harbour Post", True), ("Read more:", False)):
        dispatch, _ = _parse(f"Harbour Guild Answers The Council\n\n{_LONG}\n\n{line}\n")
        assert dispatch.truncated is truncated, line


def test_a_bylines_outlet_in_capitals_and_the_writers_office_are_no_authors() -> None:
    """After the first name, a paper in capitals or an office is no author; a second name is."""
    for line, authors in (
        ("Byline: Orla Tamsin, THE HARBOUR TIMES", ("Orla Tamsin",)),
        ("By Orla Tamsin, Chief Harbour Correspondent", ("Orla Tamsin",)),
        ("By O. Tamsin, R. Sample and V. Quist", ("O. Tamsin", "R. Sample", "V. Quist")),
    ):
        byline = header.match_date_line(line)
        assert byline is not None and byline.authors == authors, line


def test_an_outlet_before_the_byline_gives_the_authors_and_only_the_institute_its_date() -> None:
    outlet = header.match_date_line("Harbour Beacon, by Orla Tamsin, Sep. 10, 2015:")
    institute = header.match_date_line("MEMRI, by O. Tamsin and R. Sample, March 16, 2017:")
    assert outlet is not None and (outlet.authors, outlet.date) == (("Orla Tamsin",), None)
    assert institute is not None and institute.date == datetime.date(2017, 3, 16)
    assert header.match_date_line("Meanwhile, by the time they sailed, the pier was empty.") is None


def test_an_images_label_is_a_figure_only_alone_or_run_into_a_capitalised_word() -> None:
    """``Picture 7Last Wednesday ...`` and ``pic 1(161)`` alone are pictures; ``Picture 7 shows the
    pier`` is a sentence."""
    for line, figures in (
        ("Picture 7Last Wednesday the tide rose.", 1),
        ("pic 1(161)", 1),
        ("Picture 7 shows the pier.", 0),
    ):
        dispatch, _ = _parse(f"Harbour Guild Answers The Council\n\n{_LONG}\n\n{line}\n\n{_LONG}\n")
        assert sum(isinstance(block, dl.model.Figure) for block in dispatch.body) == figures, line


def test_a_numbered_pictures_label_opens_its_caption_not_a_turn_or_a_heading() -> None:
    """``Cartoon No. 2: The man says: "..."`` and ``Cartoon No. 1: "Title"`` are pictures;
    ``Cartoon Nostalgia In The Harbour`` stays a heading."""
    lines = ['Cartoon No. 1: "Women\'s Day"', 'Cartoon No. 2: The writing on the net says: "Tide Day."']
    text = f"Special Dispatch No. 12\n\nA Title\n\n{_LONG}\n\n" + "\n\n".join(lines) + f"\n\n{_LONG}\n"
    dispatch, _ = _parse(text)
    assert [block.caption for block in dispatch.body if isinstance(block, dl.model.Figure)] == lines
    heading, _ = _parse(
        f"Special Dispatch No. 12\n\nA Title\n\n{_LONG}\n\nCartoon Nostalgia In The Harbour\n\n{_LONG}\n"
    )
    assert any(isinstance(block, dl.model.Heading) for block in heading.body)


def test_a_reposters_byline_with_the_year_in_two_figures_dates_the_dispatch() -> None:
    byline = header.match_date_line("By: O. Tamsin and R. Sample/MEMRI/December 18/15")
    assert byline is not None and (byline.date, byline.authors) == (
        datetime.date(2015, 12, 18),
        ("O. Tamsin", "R. Sample"),
    )


def test_a_french_chorus_is_a_speaker_between_turns() -> None:
    """``Le chœur des fidèles : « ... »`` between a preacher's turns is a turn of its own."""
    lines = ["Orlo Vell : « Hier, j’ai vu le port. »", "Le chœur des fidèles : « Que la marée soit clémente… »"]
    dispatch, _ = _parse("Un port déchiré\n\n" + "\n".join([*lines, "Orlo Vell : « Il a demandé un bateau. »"]) + "\n")
    assert sum(isinstance(block, dl.model.SpeakerTurn) for block in dispatch.body) == 3


def test_a_shows_character_described_after_an_article_is_a_speaker() -> None:
    """In a clip's transcript, ``Pinchy, a giant crab:`` speaks, as ``Mira, child host:`` does."""
    text = (
        "Dec 20, 2007\nThe Harbour Crab Weeps Over Its Lost Ferry\n\n#1639 | 02:53\nSource: Harbour TV (Vellonia)\n\n"
        "Following are excerpts from a children's show aired on Harbour TV on December 20, 2007:\n\n"
        "Mira, child host: Pinchy, don't you want to greet the sailors?\n\nPinchy, a giant crab: Greet them, Mira?\n\n"
        "Mira: Yes.\n"
    )
    dispatch, _ = _parse(text)
    assert [block.speaker for block in dispatch.body if isinstance(block, dl.model.SpeakerTurn)] == [
        "Mira, child host",
        "Pinchy, a giant crab",
        "Mira",
    ]


@pytest.mark.parametrize("words", ["Mówimy [sternikom]: Przypływajcie, jeśli jesteście prawdziwymi żeglarzami."])
def test_a_verb_of_saying_before_its_words_is_no_speaker(words: str) -> None:
    """``Mówimy [sternikom]:`` ("we say [to the helmsmen]") hands over to the words said."""
    turn = blocks.turn_match(words, described=True, transcript=True)
    assert turn is None


def test_a_speakers_colon_may_touch_the_guillemets() -> None:
    """``Anfitrión:«...»``: the copy lost the space after the colon; still a turn."""
    text = (
        "Lo siguiente son extractos de una entrevista con el capitán Orlo Vell emitida en Puerto TV:\n\n"
        "Anfitrión:«¿Por qué no está la flota preocupada por la marea?»\n\n"
        "Capitán Vell:«La flota hoy, después del fracaso de su empresa, quiere ganancias rápidas».\n"
    )
    dispatch, _ = _parse(text)
    assert [block.speaker for block in dispatch.body if isinstance(block, dl.model.SpeakerTurn)] == [
        "Anfitrión",
        "Capitán Vell",
    ]


def test_the_french_mirrors_note_that_it_keeps_a_threats_details_back_marks_the_text_truncated() -> None:
    text = (
        "Un prédicateur du port appelle à couler les ferries\n\n" + _LONG + "\n\n"
        "NOTE IMPORTANTE : Pour des raisons de sécurité, MEMRI ne diffuse plus les détails relatifs aux menaces. "
        "Pour obtenir le rapport intégral, veuillez nous contacter.\n"
    )
    dispatch, codes = _parse(text)
    assert dispatch.truncated and "truncated" in codes


@pytest.mark.parametrize(
    "line",
    [
        "Posted on 06/12/2002 3:36:34 PM PDT by harbourwatch",
        "Facebook WhatsApp Twitter LinkedIn Messenger Reddit Print Email",
        "Síguenos en Facebook Twitter YouTube RSS Feed",
        "Back to Newsroom",
        "Print Report",
    ],
)
def test_a_forums_posting_line_and_a_pages_buttons_are_no_title(line: str) -> None:
    """A forum's ``Posted on ... by name``, a row of sharing buttons, a newswire's or an old TV
    page's links: never the title."""
    dispatch, _ = _parse(f"{line}\n\nThe Guild Sinks Another Ferry\n\n{_LONG}\n")
    assert dispatch.title == "The Guild Sinks Another Ferry"


def test_a_signature_under_the_bloggers_words_is_no_heading() -> None:
    dispatch, _ = _parse(f"The Tide Decides\n\n{_LONG}\n—Mira Vell\n{_LONG}\n")
    assert not any(isinstance(block, dl.model.Heading) for block in dispatch.body)


def test_a_list_of_others_titles_gives_no_title() -> None:
    """``Titled "The End of the Ferries", "No Future for Ferries" and more, the articles ...``
    quotes the titles of other writers' articles, not the dispatch's."""
    text = (
        'Articles in the guild\'s press, titled "The End of the Ferry Company Is Near", "The Ferries Have No Future'
        ' At All" and more, describe the sailors as heroes.[1] ' + _LONG + "\n"
    )
    dispatch, _ = _parse(text)
    assert not dispatch.title


def test_a_speakers_label_printed_again_on_the_turn_under_it_is_not_joined_to_it() -> None:
    """``Councillor Orla Tamsin:`` alone over ``Councillor Orla Tamsin: If ...``: the turn's words
    are its own, not the name again."""
    text = (
        "June 18-25, 2013 Clip No. 3889\n\nHarbour Councillors Justify Their Ferries\n\n"
        "Following are excerpts from interviews with harbour councillors, which aired on Harbour TV:\n\n"
        "Councillor Orla Tamsin:\n\nCouncillor Orla Tamsin: If the harbour's safety requires it, I will buy the"
        " ferries.\n\nInterviewer: Even from the company?\n"
    )
    dispatch, _ = _parse(text)
    first = next(block for block in dispatch.body if isinstance(block, dl.model.SpeakerTurn))
    assert (dispatch.number, dispatch.date) == (3889, datetime.date(2013, 6, 18))
    assert dl.model.plain_text(first.content).startswith("If the harbour's safety")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("A guard stands by the pier in Port Vell. (AP Photo/Orla Tamsin, File)", "AP Photo/Orla Tamsin, File"),
        (
            "A guard visits the pier on August 14, 2006. The exhibition opened on Saturday. Orla Tamsin/Reuters",
            "Orla Tamsin/Reuters",
        ),
        (
            "Harbour master Orla Tamsin speaks during a rally in Port Vell August 26, 2014. REUTERS/Orlo Sample"
            " (VELLONIA - Tags: POLITICS) - RTR43XYZ",
            "REUTERS/Orlo Sample (VELLONIA - Tags: POLITICS) - RTR43XYZ",  # the agency's tags kept
        ),
    ],
)
def test_a_wire_photographs_caption_ends_in_its_agency_and_photographer(line: str, credit: str) -> None:
    dispatch, _ = _parse(f"The Guild Sinks Another Ferry\n\n{line}\n\n{_LONG}\n")
    figure = dispatch.body[0]
    assert isinstance(figure, dl.model.Figure) and figure.credit == credit


@pytest.mark.parametrize(
    "lead",
    [
        "The guild's media company released an audio message. The 27:52 message is titled"
        ' "So They Sail And Are Sunk By The Tide."',
        "The guild released an audio message by its spokesman. In the message, titled"
        ' "Your Harbour Is Ever Watchful", he calls on sailors to strike.',
    ],
)
def test_a_title_the_text_quotes_of_a_message_someone_released_is_not_the_reports(lead: str) -> None:
    """The title of a message, a statement, a film or a song a text tells of is its speaker's."""
    dispatch, _ = _parse(f"March 12, 2015\n\n{lead} {_LONG}\n\n{_LONG}\n")
    assert not dispatch.title


@pytest.mark.parametrize(
    "paragraph",
    [
        "As MEMRI translated and reported, the guild's preacher Orlo Tamsin told the sailors the tide was theirs.",
        "The video, translated by the Middle East Media Research Institute, shows the guild's master on the pier.",
    ],
)
def test_more_ways_a_news_writer_speaks_of_the_institute_as_anothers(paragraph: str) -> None:
    text = f"March 3, 2009\nThe Guild Preaches Against The Gulls\n\n{_LONG}\n\n{paragraph}\n"
    dispatch, diagnostics = dl.parse(text, source="x.txt")
    assert dispatch.date is None
    assert any("is the poster's, not the dispatch's" in d.message for d in diagnostics)


def test_a_name_in_straight_quotes_speaks_only_in_a_transcript() -> None:
    """In a clip's transcript a nickname in straight quotes is a speaker (``"Abu Orla": I say
    ...``); elsewhere ``"Harbour Watch": the magazine ...`` quotes a name."""
    said = '"Abu Orla": I say to the sailors that the harbour is occupied.'
    assert blocks.turn_match(said, described=True, transcript=True) is not None
    quoted = '"Harbour Watch": The magazine says the harbour is occupied.'
    assert blocks.turn_match(quoted, described=False, transcript=False) is None


def test_a_pages_dates_spanning_several_days_give_the_first() -> None:
    byline = header.match_date_line("January 28, 2015 to January 31, 2015")
    assert byline is not None and byline.date == datetime.date(2015, 1, 28)


def test_a_blogs_archive_label_is_chrome() -> None:
    assert start.is_chrome("Showing posts from August, 2009")
    assert start.is_chrome("Showing posts with label Harbour")


def test_a_transcripts_speaker_may_hold_the_office_in_its_second_word() -> None:
    """``Orla Tamsin, former press secretary for the harbour master:`` names who speaks."""
    said = "Orla Tamsin, former press secretary for the harbour master: The tide will turn on the guild."
    assert blocks.turn_match(said, described=True, transcript=True) is not None


@pytest.mark.parametrize(
    ("line", "date", "authors"),
    [
        ("By   /   January 24, 2015  /   No Comments", datetime.date(2015, 1, 24), ()),
        ("By Orla Tamsin / Tuesday, January 24, 2015 / 3 Comments", datetime.date(2015, 1, 24), ("Orla Tamsin",)),
        ("By Orla Tamsin | January 24, 2015 | Leave a comment", datetime.date(2015, 1, 24), ("Orla Tamsin",)),
        ("by Orla Tamsin, harbourpost.com, Jan. 24, 2015", datetime.date(2015, 1, 24), ("Orla Tamsin",)),
    ],
    ids=["author-left-out", "slashes-weekday", "bars-leave-a-comment", "site-after-name"],
)
def test_a_blog_themes_byline_row_is_a_byline(line: str, date: datetime.date, authors: tuple[str, ...]) -> None:
    """A theme's row under the headline gives the author (if any) and the date; the count of
    comments and the paper's site address are no author."""
    found = header.match_date_line(line)
    assert found is not None and (found.date, found.authors) == (date, authors)


def test_a_title_over_a_themes_byline_row_is_the_title() -> None:
    """The headline over ``By / date / No Comments`` is the title, its credit line further down the byline."""
    dispatch, _ = _parse(
        "Home > Harbour\n\nThanks for the Tide Tables\n\nBy / January 24, 2015 / No Comments\n\n"
        "Print   Email\n\nby Orla Tamsin, harbourpost.com, Jan. 24, 2015\n\n"
        "The quarrel between the harbour master and the pilots' guild may be the most remarkable event in years.\n"
    )
    assert (dispatch.title, dispatch.authors, dispatch.date) == (
        "Thanks for the Tide Tables",
        ("Orla Tamsin",),
        datetime.date(2015, 1, 24),
    )
    assert not any(isinstance(block, dl.Heading) for block in dispatch.body)


def test_a_librarys_section_tag_glued_to_the_headline_is_not_the_titles() -> None:
    """``Sermons from the piers.(COMMENTARY)``: the headline as the paper printed it, stop and all."""
    dispatch, _ = _parse(
        "Sermons from the piers.(COMMENTARY)\n\nBy Orla Tamsin\n\n"
        "Coverage of the harbour has always been weak in one area: reporters ignore what the preachers say.\n"
    )
    assert dispatch.title == "Sermons from the piers."
    again, _ = _parse(dl.to_text(dispatch))
    assert again.title == "Sermons from the piers."


@pytest.mark.parametrize(
    "headline",
    ["Harbour Poet: The Tide Tables Lie (MEMRI TV)", "Harbour Poet: The Tide Tables Lie, (Via: MEMRI)"],
)
def test_a_blogs_credit_in_brackets_after_the_headline_is_not_the_titles(headline: str) -> None:
    """``Title (MEMRI TV)``: the credit names where the blog took the text from; the institute's
    own name in brackets is no credit."""
    dispatch, _ = _parse(
        f"{headline}\n\nOrlo Vell, who keeps the lighthouse, spoke to Coast TV on May 12, 2013:\n\n"
        '"The tide tables printed by the council have been wrong since the spring."\n'
    )
    assert dispatch.title == "Harbour Poet: The Tide Tables Lie"
    named, _ = _parse("Middle East Media Research Institute (MEMRI)\n\nThe guild met on the pier today.\n")
    assert named.title != "Middle East Media Research Institute"


def test_a_long_first_line_of_a_sentence_and_its_aside_is_no_title() -> None:
    """A copy opening on its first paragraph, a sentence and an aside in brackets after its stop
    (``… a chanté pour la marée. (clip n° 12 Harbour Girl: The Tide Tables Lie``): no title."""
    first = (
        "Sur le blog du port, le 3 mars 2006, deux chroniqueurs reviennent sur la chanson du matin, "
        "reprise par la radio de la côte, d'un petit mousse de six ans qui a chanté pour la marée. "
        "(clip n° 12 Harbour Girl: The Tide Tables Lie (Archival Material)"
    )
    second = "Un vieux pilote du quai répond que la radio ferait mieux de donner l'heure des marées, tout simplement."
    dispatch, _ = _parse(f"{first}\n{second}\n")
    assert dispatch.title == ""


def test_a_post_shared_as_a_tweet_gives_its_quoted_title_without_the_site_and_hashtags() -> None:
    """``MEMRI.org "Title" #tcot #harbour``, a blog's headline as the post was shared: the title
    in the quotes; hashtags alone come off any title."""
    body = "\n\nThe harbour papers drew the ferry company as a gull stealing the timetable off the pier.\n"
    shared, _ = _parse('MEMRI.org "The Tide Crisis Part II - Cartoons on the Pier Strike" #tcot #harbour' + body)
    assert shared.title == "The Tide Crisis Part II - Cartoons on the Pier Strike"
    tagged, _ = _parse("Cartoons Mock the Ferry Company #harbour #tide" + body)
    assert tagged.title == "Cartoons Mock the Ferry Company"
    quoted, _ = _parse('Harbour Poet: "We Will Sail at Dawn" #2 Is Out' + body)
    assert quoted.title == 'Harbour Poet: "We Will Sail at Dawn" #2 Is Out'


def test_an_archive_of_teasers_cut_with_an_ellipsis_is_not_a_dispatch() -> None:
    """Teasers each cut mid-sentence at ``[…]``: read leniently, refused by strict reading even with
    a report's meta line glued into one of them."""
    teaser = (
        "The storm of last October has stirred the old guilds of the coast, which put the pier first. Similarly, […]"
    )
    text = (
        "Entries by Harbour Institute\n\nThe Guild Charter Was Never Revoked\n\n"
        f"Vellonia | Special Dispatch No. 11133 {teaser}\n\nTide Trends In 2024\n\n{teaser}\n"
    )
    _, codes = _parse(text)
    assert "uncertain-dispatch" in codes
    with pytest.raises(dl.NotADispatchError, match="uncertain-dispatch"):
        dl.parse(text, strict=True)
    transcript = "Orla Tamsin: The tide will come, and the guild knows it. [...]\n\n[…]\n\nOrlo: It will come. […]\n"
    _, codes = _parse(f"{SIMPLE}\n{transcript}")
    assert "uncertain-dispatch" not in codes  # a cut after a stop, or alone on its line, is a transcript's


def test_a_section_heading_over_a_cartoon_without_caption_stays_a_heading() -> None:
    """Captions in sentence case, then a heading in title case over a credit alone: the heading
    heads the next group, the cartoon under it has its credit only."""
    dispatch, _ = _parse(
        "January 31, 2011 Special Dispatch No. 3550\n\nCartoons on the Strikes\n\nJanuary 31, 2011\n"
        "Vellonia | Special Dispatch No. 3550\n\nThe Causes of the Strikes\n\n"
        "Low wages and broken cranes fuel unrest on the quays\n\nHarbour Post (Vellonia), January 20, 2011\n\n"
        "The Masters Turn a Deaf Ear to the Strikes\n\nQuay Journal (Ostria), January 31, 2011\n"
    )
    assert [type(block).__name__ for block in dispatch.body] == ["Heading", "Figure", "Heading", "Figure"]
    assert dispatch.body[-1] == dl.Figure(credit="Quay Journal (Ostria), January 31, 2011")


def test_a_cartoons_title_in_quotes_joins_its_caption() -> None:
    """``"Early warning"`` over ``On bird: "Storm"``, its artist and credit: one cartoon; a title
    in quotes right over the artist's line is the caption."""
    dispatch, _ = _parse(
        "August 21, 2008 Special Dispatch No. 2031\n\nHarbour Cartoons\n\nAugust 21, 2008\n"
        "Vellonia | Special Dispatch No. 2031\n\n"
        '"Early warning"\n\nOn bird: "Storm"\n\nCartoonist: Orlo Sample\n\nHarbour Post (Vellonia), June 28, 2008.\n\n'
        '"The logic of the wrecker"\n\nCartoonist: Orla Tamsin\n\nHarbour Post (Vellonia), July 1, 2008.\n'
    )
    assert [block.caption for block in dispatch.body if isinstance(block, dl.Figure)] == [
        '"Early warning" On bird: "Storm"',
        '"The logic of the wrecker"',
    ]
    assert len(dispatch.body) == 2


@pytest.mark.parametrize(
    "cut", ["On March 3, 2014, The Guild of the N", "Separately, in Porto Vell on March 3, 2014, Gu"]
)
def test_a_cut_sentence_opening_on_its_date_is_no_heading(cut: str) -> None:
    """The copy stops in ``On March 3, 2014, The Guild of the N``: a sentence, not a heading."""
    uncited = SIMPLE.replace("[1]", "").partition("\n\n[1]")[0]
    dispatch, _ = _parse(f"{uncited}\n\nGuild Calls For Peace\n\n{cut}")
    assert dispatch.body[-1] == dl.Paragraph(content=(dl.Text(text=cut),))


def test_a_quoted_headline_wrapped_over_two_lines_is_the_title() -> None:
    """A quotation opening the first line and closing, its stop after it, on the second, over the text."""
    dispatch, _ = _parse(
        "«Oh mare, prendili tutti\nfino all’ultimo».\nIl capitano espelle dal porto il predicatore\n"
        "Il sermone è stato ripreso in video e diffuso da Memri, e il capitano ha detto che non è accettabile.\n"
    )
    assert dispatch.title == "«Oh mare, prendili tutti fino all’ultimo»."


def test_a_photographs_credit_by_its_agency_makes_a_figure() -> None:
    """``Caption ... (Photo by Harbour Agency)``: the caption and its credit."""
    dispatch, _ = _parse(
        f"{SIMPLE}\nGuild master Orlo Sample (R) shakes hands with Rafe Quist, on June 20, 2023."
        " (Photo by Harbour Agency)\n"
    )
    assert dispatch.body[-1] == dl.Figure(
        caption="Guild master Orlo Sample (R) shakes hands with Rafe Quist, on June 20, 2023.", credit="Harbour Agency"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Print       Email",
        "Home page World",
        "Home > World > Europe",
        "Startseite Politik",
        "Klikk her for å bli medlem nå!",
        "Categories: World",
        "close Video",
        "NEWYou can now listen to Harbour News articles!",
    ],
)
def test_a_sites_buttons_path_and_appeal_are_chrome(line: str) -> None:
    assert start.is_chrome(line)


@pytest.mark.parametrize("line", ["Home Secretary Says The Tide Will Turn", "Click here to view the clip"])
def test_a_headline_or_a_pointer_is_no_chrome(line: str) -> None:
    assert not start.is_chrome(line)


def test_a_pictures_caption_printed_twice_is_no_headline() -> None:
    """A picture's alt text over its caption, the same words with its credit: no headline printed twice."""
    caption = "Guild preacher on the pier calls for the ferry to be sunk. (Foto: Skjermdump fra Harbour TV)"
    assert start._repeated_headline([caption, caption, "x" * 300], [0, 1, 2]) is None


def test_a_nordic_headline_may_open_on_a_quotations_dash() -> None:
    assert start.looks_like_title("– Let the day come soon when the tide takes them")
    assert not start.looks_like_title("- Home")


@pytest.mark.parametrize(
    "lead", ["[MEMRI] Orla Tamsin - The guild", "[MEMRI ] Orla Tamsin - The guild", "(MEMRI) O. Tamsin - The guild"]
)
def test_a_news_digests_lead_signed_after_the_institute_names_its_author(lead: str) -> None:
    """A news digest's lead credited to the institute and signed, a space inside its brackets or not."""
    assert header.match_signed_lead(lead)[0] in ("Orla Tamsin", "O. Tamsin")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Z materiałów MEMRI 2018-12-07", datetime.date(2018, 12, 7)),
        ("(Da: memri.com, 28.5.21)", datetime.date(2021, 5, 28)),
        ("From MEMRI, December 7, 2018", datetime.date(2018, 12, 7)),
        ("Tratto da Memri.org del 12/3/2009", datetime.date(2009, 3, 12)),
    ],
)
def test_a_reprints_line_crediting_the_institute_dates_the_report(line: str, date: datetime.date) -> None:
    assert header.match_taken_from(line) == date


def test_turns_run_together_on_one_line_are_one_turn_each() -> None:
    """``Interviewer: “…” Orla Tamsin: “…” … Tamsin: “…”``: a turn each; a turn quoting someone
    inside its words stays one."""
    dispatch, _ = _parse(
        f"{SIMPLE}\nInterviewer: “Would you do it again?” Orla Tamsin: “Why not?” … Tamsin: “We will.”\n\n"
        "Orlo Sample: “The guild told us: ‘Stay home’ and we stayed.”\n"
    )
    turns = [block for block in dispatch.body if isinstance(block, dl.SpeakerTurn)]
    assert [turn.speaker for turn in turns] == ["Interviewer", "Orla Tamsin", "Tamsin", "Orlo Sample"]
    assert dl.plain_text(turns[1].content) == "“Why not?” …"


def test_a_source_label_over_the_first_paragraph_is_no_portrait() -> None:
    """``SOURCE MEMRI`` over a paragraph naming the institute: the post's source, not a picture's caption."""
    below = dl.Paragraph(
        content=(dl.Text(text="The Middle East Media Research Institute (MEMRI) released a report " * 2),)
    )
    body = [dl.Heading(text="SOURCE MEMRI"), below]
    assert blocks.lead_picture(body) == (body, [])


def test_a_blogs_headline_printed_twice_is_dropped_once() -> None:
    """A blog's headline over the blogger's words, printed again right under itself: one title."""
    dispatch, _ = _parse(
        "What no-one knows about the harbour truce\n\nWhat no-one knows about the harbour truce\n\n"
        "Following up on Orla Tamsin's earlier post, which noted that the guild has put off the truce, it is"
        " important to point out that such discord was foreseen by most people who know the port.\n"
    )
    assert dispatch.title == "What no-one knows about the harbour truce"
    assert len(dispatch.body) == 1


def test_a_clip_pages_range_of_days_over_its_numberless_clip_line_gives_its_first_day() -> None:
    assert header.lone_date("January 28, 2015 to January 31, 2015") == datetime.date(2015, 1, 28)
    assert header.lone_date("January 28, 2015") == datetime.date(2015, 1, 28)
    assert header.lone_date("January 28, 2015 Clip No. 12") is None


def test_a_title_run_into_the_leads_first_sentence_is_split_at_its_opening_date() -> None:
    """``Title In Title Case On October 24, 2004, the guild ...``: the title, and the lead stays the body's."""
    dispatch, _ = _parse(
        "November 8, 2004 Special Dispatch No. 812\n\n"
        "Harbour Liberals Petition the Council to Establish a Tribunal On October 24, 2004, the harbour websites"
        " published a manifesto in which harbour liberals petition the council to establish a tribunal that"
        " would try the wreckers.\n"
    )
    assert dispatch.title == "Harbour Liberals Petition the Council to Establish a Tribunal"
    assert dl.plain_text(dispatch.body[0].content).startswith("On October 24, 2004, the harbour websites")


def test_a_sentence_in_a_script_without_capitals_is_no_headline_for_its_words_shape() -> None:
    """An Arabic sentence ending in its stop: its words' shape cannot make it a headline."""
    sentence = "اتهمت منظمة تراقب الصحافة عددا من الخطباء البارزين في قنوات الميناء بالتحريض على إغراق العبارات."
    assert not start.looks_like_title(sentence)
    assert start.looks_like_title("Harbour Daily Highlights Popularity of Tide Libel Book.")


@pytest.mark.parametrize(
    ("line", "aired"),
    [
        ("Harbour TV (Vellonia), July 21, 2006", True),
        ("Televisión de Vellonia, 21 de julio del 2006", True),
        ("Harbour Post (Vellonia), July 21, 2006", False),  # a paper's: a cartoon's credit
        ("Harbour TV said on July 21, 2006 that the tide would turn", False),
    ],
)
def test_a_channel_and_a_date_alone_say_where_a_clip_aired(line: str, aired: bool) -> None:
    assert blocks.aired_line(line) is aired
    reader = blocks.BlockReader(paren_refs=False)
    assert isinstance(reader.block(blocks.Unit(text=line, starts=(0,), lines=(1,))), dl.Heading) is aired


def test_a_speakers_label_with_two_dots_after_its_colon_is_a_turn() -> None:
    turn = blocks.turn_match("Orlo Tamsin:.. «¿Quién cerró el muelle?»", described=False, transcript=False)
    assert turn is not None and turn["name"] == "Orlo Tamsin" and turn["rest"].startswith("«")


def test_a_pictures_caption_printed_again_in_guillemets_is_one_picture() -> None:
    """``Sous "Maître"`` over ``Sous « Maître »``, the same caption and credit: its alt text and caption."""
    line = 'Sous "Maître Orlo", "le port" devient une prison (Photo : Presse du Port, 11 janvier 2016)'
    again = line.replace('"Maître Orlo"', "« Maître Orlo »").replace('"le port"', "« le port »")
    dispatch, _ = _parse(f"{SIMPLE}\n{line}\n{again}\n")
    assert sum(isinstance(block, dl.Figure) for block in dispatch.body) == 1


def test_a_numbered_cartoons_caption_quoted_whole_is_a_figure() -> None:
    dispatch, _ = _parse(f'{SIMPLE}\n"Cartoon No. 3: The caption reads "The same wreckers.""\n')
    assert dispatch.body[-1] == dl.Figure(caption='Cartoon No. 3: The caption reads "The same wreckers."')


def test_the_institutes_press_release_dateline_dates_it() -> None:
    line = "WASHINGTON, D.C., April 13, 2020 – The Middle East Media Research Institute (MEMRI) continues to add."
    assert header.match_credited_dateline(line) == datetime.date(2020, 4, 13)
    assert header.match_credited_dateline("WASHINGTON, April 13, 2020 – The guild said the tide would turn.") is None


@pytest.mark.parametrize(
    "opening",
    [
        "according to a report and translation from the Middle East Media Research Institute (MEMRI) released on",
        "The interview and transcript, via the Middle East Media Research Institute (MEMRI), are as follows",
        "The video embedded in this tweet from the Middle East Media Research Institute (MEMRI) shows",
        "the interview reads. (MEMRI is the Middle East Media Research Institute, which monitors",
        "On June 26, the Middle East Media Research Institute (better known by the acronym Memri), published",
        "The U.S.-based Middle East Media Research Institute (MEMRI) issued bombshell revelations about",
        "In the video translated last week by the Middle East Media Research Institute (MEMRI), the master says",
    ],
)
def test_a_news_story_speaks_of_the_institute_as_anothers(opening: str) -> None:
    assert top_of_text._ANOTHERS_INSTITUTE.search(opening) is not None
    assert (
        top_of_text._ANOTHERS_INSTITUTE.search("Recorded and translated by MEMRI is a guild's sermon of March 3.")
        is None
    )


def _between_paragraphs(line: str) -> dl.Dispatch:
    """The dispatch of a titled text with ``line`` between two paragraphs."""
    dispatch, _ = _parse(f"A Title Of The Harbour\n\n{_PARA}\n\n{line}\n\n{_PARA}\n")
    return dispatch


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("July 2, 2014, Tammuz 4, 5774", datetime.date(2014, 7, 2)),
        ("July 2, 2014 | 4 Tammuz 5774", datetime.date(2014, 7, 2)),
        ("2/7/2014, Adar II 3, 5774", datetime.date(2014, 7, 2)),
    ],
)
def test_the_hebrew_calendars_date_after_the_days_is_dropped(line: str, date: datetime.date) -> None:
    """An Israeli site prints the Hebrew calendar's date after the day's: the line is still a date line."""
    found = header.match_date_line(line) or header.DateLine(date=header.match_numeric_date(line))
    assert found.date == date


@pytest.mark.parametrize("line", ["AP Photo", "Reuters Photo", "(AP Photo/Orla Tamsin)", "AFP Photo/Orlo Vell"])
def test_a_news_agencys_credit_alone_is_a_picture(line: str) -> None:
    dispatch = _between_paragraphs(line)
    figures = [block for block in dispatch.body if isinstance(block, dl.model.Figure)]
    assert [figure.credit for figure in figures] == [line.strip("()")]


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("The guild's master spoke on the harbour radio, MEMRI TV Clip No. 1587.", 1587),
        ("A similar drill was held in March, as shown in MEMRI TV Clip No. 1587.", None),
        ("Un exercice semblable a eu lieu en mars, comme le montre le clip n° 1587 de MEMRI TV.", None),
    ],
)
def test_a_clip_the_text_compares_is_only_cited(sentence: str, number: int | None) -> None:
    """A clip credited in a blog's first lines is its own; one it compares with is a citation."""
    dispatch, _ = _parse(f"{sentence}\n\n{_PARA}\n")
    assert dispatch.number == number


def test_a_turn_without_a_space_after_its_colon_trailing_off_is_no_heading() -> None:
    """An old clip page's print view drops the space after a speaker's colon: ``Orlo
    Vell:Thanks To The Tide...`` is a turn, not a heading trailing off."""
    text = (
        "July 2, 2004 Clip No. 148\n\nThe Guild Master Speaks On The Pier\n\n"
        "The following are excerpts from the sermon:\n\nCrowd:Long live the tide.\n\n"
        "Orlo Vell:Thanks To The Tide...\n\nCrowd:The tide is with us.\n"
    )
    dispatch, _ = _parse(text)
    turns = [block.speaker for block in dispatch.body if isinstance(block, dl.model.SpeakerTurn)]
    assert turns == ["Crowd", "Orlo Vell", "Crowd"]


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        ('MEMRI posted a special dispatch titled "The Ferry Company And Its Friends Are Thieves."', True),
        ('The editor of the harbour daily wrote a series for the paper titled "The Ferry Company And Its Friends'
         ' Are Thieves."', False),
    ],
)  # fmt: skip
def test_a_title_the_text_quotes_is_the_reports_unless_someone_else_wrote_it(lead: str, title: bool) -> None:
    """A title quoted after a word naming a report is the dispatch's; a series or an article the
    text says someone else wrote is the subject's."""
    dispatch, _ = _parse(f"{lead} {_PARA}\n\nFollowing are excerpts:\n\n{_PARA}\n")
    assert (dispatch.title == "The Ferry Company And Its Friends Are Thieves") is title


def test_a_captions_question_before_a_colon_is_no_speaker() -> None:
    """``What's Up Doc?: The show features a rabbit ...``: a caption's question, not a turn."""
    line = "What's Up Doc?: The children's show features a rabbit who vows to eat the ferries."
    dispatch = _between_paragraphs(line)
    assert not any(isinstance(block, dl.model.SpeakerTurn) for block in dispatch.body)


def test_a_caption_ending_in_where_the_picture_was_captured_is_a_figure() -> None:
    line = "The guild's master gives an interview to the harbour radio, in October 2010 [image capture MEMRI video]"
    dispatch = _between_paragraphs(line)
    figures = [block for block in dispatch.body if isinstance(block, dl.model.Figure)]
    assert [(figure.caption, figure.credit) for figure in figures] == [
        ("The guild's master gives an interview to the harbour radio, in October 2010", "image capture MEMRI video")
    ]


@pytest.mark.parametrize(
    "boundary",
    [
        "Lo siguiente son extractos de una entrevista con el ministro Orlo Tamsin, la cual fue presentada en el"
        " canal de Vellonia el 23 de julio del 2006.",
        "A continuación extractos de un debate, que fue puesto al aire en Vellonia TV el 23 de septiembre, 2008.",
    ],
)
def test_a_spanish_mirrors_boundary_hands_over_to_described_speakers(boundary: str) -> None:
    """The Spanish mirror's boundary says what follows and where it aired: the described names
    under it are speakers."""
    turn = "Ministro vellonio Orlo Tamsin: «La marea es nuestra y lo será siempre.»"
    dispatch, _ = _parse(f"{boundary}\n\n{turn}\n")
    assert isinstance(dispatch.body[0], dl.TranslationBoundary)
    assert [block.speaker for block in dispatch.body if isinstance(block, dl.model.SpeakerTurn)] == [
        "Ministro vellonio Orlo Tamsin"
    ]


def test_a_mirrors_long_sentence_in_guillemets_without_a_stop_heads_a_section() -> None:
    heading = (
        "«La marea es nuestra y nos trae todos estos problemas… si no fuera por esa compañía, estaríamos mejor"
        " que los puertos del norte»"
    )
    dispatch = _between_paragraphs(heading)
    assert dl.Heading(text=heading) in dispatch.body


def test_a_news_sites_name_and_update_time_is_a_byline() -> None:
    """``Orla Tamsin , | updated: 5:17 AM`` under a news story's headline and deck names its writer."""
    text = (
        "Harbour Cartoons On The Ferries\n\nA new video shows cartoons posted by a harbour website.\n\n"
        f"Orla Tamsin , | updated: 5:17 AM\n\n{_PARA}\n"
    )
    dispatch, _ = _parse(text)
    assert (dispatch.title, dispatch.authors) == ("Harbour Cartoons On The Ferries", ("Orla Tamsin",))


def test_a_sites_login_link_under_a_scrapers_stamp_is_chrome() -> None:
    title = "The Guild Posts A Video Of The First Ferry Pilots"
    dispatch, _ = _parse(f" date 2018-08-16 Log in\n{title}\n\n08/16/2018 | 03:36am CEST\n\n{_PARA}\n")
    assert dispatch.title == title


def test_a_tag_line_under_a_sites_menu_heads_no_text() -> None:
    """A site's tag line over the lead picture's caption is no headline: the headline over them is
    kept, never dropped as the page's."""
    text = (
        "The Harbour Daily News\n\nFriday, September 4, 2015\n\nMember Login:\n\n"
        "The guild master's bias seen in a video released again\n\nTags: International\n"
        "The guild master gives an interview to the harbour radio, in October 2010 [image capture MEMRI video]\n\n"
        f"{_PARA}\n"
    )
    dispatch, _ = _parse(text)
    assert "The guild master's bias seen in a video released again" in dl.to_text(dispatch)


@pytest.mark.parametrize(
    "below", ["Orla Tamsin", "Harbour News Desk", "Breaking News", "Harbour Cleric: The Ferries Must Burn"]
)
def test_a_sentence_case_headline_over_a_name_or_a_reports_title_is_no_caption(below: str) -> None:
    """A news site's headline in sentence case over its writer's name, its desk or the title of the
    report it quotes stays the title: only a long phrase over a headline of five words or more,
    two thirds its length at most, is a lead picture's caption."""
    headline = "Harbour official says the guild will repeat the strike on the ferries again and again"
    dispatch, _ = _parse(f"{headline}\n\n{below}\n\n{_PARA}\n")
    assert dispatch.title == headline
    assert not any(isinstance(block, dl.model.Figure) for block in dispatch.body)


def test_a_headline_cut_with_dots_over_the_copys_last_line_stays_the_title() -> None:
    """A blog's headline ending in '...' gives way to a title under it only where text follows that
    title: over the copy's last line, cut inside the first paragraph, it stays the title and the
    cut line is the text, not refused for want of prose."""
    text = (
        "Wednesday, May 09, 2007\n\nThe guild continues its ferry blockade...\n\n"
        "The guild, the harbour's oldest body of pilots, drew sharp words this week for blocking the ferries in w"
    )
    dispatch, _ = _parse(text)
    assert dispatch.title == "The guild continues its ferry blockade..."
    assert "drew sharp words this week" in dl.to_text(dispatch)
