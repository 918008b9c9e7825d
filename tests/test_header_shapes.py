"""Header, meta and figure shapes seen on real pages, one behaviour per test; the layouts in
``tests/layouts/`` show each of them in a whole text."""

from __future__ import annotations

import datetime

import pytest

import dispatchlib as dl
from dispatchlib.reading import blocks, header, layouts
from dispatchlib.reading.evidence import is_prose
from dispatchlib.reading.start import is_chrome, join_broken_header, looks_like_title


@pytest.mark.parametrize(
    ("line", "series", "numbers"),
    [
        ("Special Dispatch Nos. 3173, 3174", "Special Dispatch", (3173, 3174)),
        ("Special Dispatch No. 2823, 2824", "Special Dispatch", (2823, 2824)),
        ("Special Dispatch No. 3024 / 3025", "Special Dispatch", (3024, 3025)),
        ("Special Dispatch Nos. 12 and 13", "Special Dispatch", (12, 13)),
        ("Special Dispatch | No. 2413, 2414, 2415 | June 21, 2009", "Special Dispatch", (2413, 2414, 2415)),
    ],
)
def test_a_header_keeps_every_number(line: str, series: str, numbers: tuple[int, ...]) -> None:
    """Several numbers in one header, however they are separated, are all kept, in order."""
    found = header.match_header(line)
    assert found is not None and (found.series, found.numbers) == (series, numbers)


def test_an_old_emails_area_between_its_series_and_date_with_the_number_after() -> None:
    found = header.match_header("Special Dispatch - Harbour and Shipping December 6, 2002 No. 4447")
    assert found is not None
    assert (found.series, found.numbers, found.date, found.topics) == (
        "Special Dispatch",
        (4447,),
        datetime.date(2002, 12, 6),
        ("Harbour and Shipping",),
    )


def test_an_old_pages_number_repeated_after_its_date_is_one_number() -> None:
    """An old page's header and date line run together repeat the number after the date; another
    number there is no header of this shape."""
    found = header.match_header("Special Dispatch Series - No. 4193 June 28, 2006 No.4193")
    assert found is not None
    assert (found.series, found.numbers, found.date) == ("Special Dispatch", (4193,), datetime.date(2006, 6, 28))
    assert header.match_header("Special Dispatch Series - No. 4193 June 28, 2006 No. 4194") is None


def test_a_header_naming_two_series_keeps_both_numbers_and_no_series() -> None:
    """An e-mail of two series' items names both, and their numbers in the same order: the text
    is of no one series, so the series is left unset and both numbers are kept."""
    found = header.match_header("Inquiry & Analysis/Special Dispatch | No. 526/2410 | June 18, 2009")
    assert found is not None
    assert (found.series, found.numbers, found.date) == (None, (526, 2410), datetime.date(2009, 6, 18))
    unknown = header.match_header("Harbour Notes/Special Dispatch | No. 5/6 | June 18, 2009")
    assert unknown is None or unknown.series != "Special Dispatch"
    bundle = header.match_topics_line("Vellonia, Coast | No. 526, 2410")
    assert bundle is not None and (bundle.series, bundle.numbers) == (None, (526, 2410))
    assert header.match_topics_line("Harbour Review Vol. 3 | No. 112") is None  # a magazine's issue


def test_a_bundles_items_under_its_header_of_several_numbers_are_one_text() -> None:
    """Items whose headers a header of several numbers names are that bundle's, one text; the same
    items under no such header are two dispatches."""
    body = "The body of it, in a sentence or so, and another to make it a paragraph of its own."
    items = (
        f"Special Dispatch No. 5—Vellonia\n\nThe First Item\n\n{body}\n\n"
        f"Special Dispatch No. 6—Coast\n\nThe Second Item\n\n{body}\n"
    )
    bundle, _ = dl.read_bytes(f"June 18, 2009 No. 5, 6\n\n{items}".encode(), source="x.txt")
    assert isinstance(bundle, dl.Dispatch) and (bundle.number, bundle.extra_numbers) == (5, (6,))
    dated = items.replace("Special Dispatch No. 6—Coast", "June 20, 2009 Special Dispatch No. 6")
    whole, _ = dl.read_bytes(f"June 18, 2009 No. 5, 6\n\n{dated}".encode(), source="x.txt")
    assert isinstance(whole, dl.Collection) and [d.number for d in whole.dispatches] == [5, 6]  # a dated one stands
    apart, _ = dl.read_bytes(
        f"June 18, 2009 Special Dispatch No. 4\n\nA Title\n\n{body}\n\n{items}".encode(), source="x.txt"
    )
    assert isinstance(apart, dl.Collection) and [d.number for d in apart.dispatches] == [4, 5, 6]


@pytest.mark.parametrize(
    "line",
    [
        "By Orla Tamsin, 5 May, 2010",
        "By Orla Tamsin, May 5, 2010",
        "By Orla Tamsin, 5 mayo 2010",
        "By Orla Tamsin May 5, 2010",  # no comma between: a pasted article's byline
    ],
)
def test_a_bylines_date_after_its_names_in_any_order(line: str) -> None:
    found = header.match_date_line(line)
    assert found is not None and (found.authors, found.date) == (("Orla Tamsin",), datetime.date(2010, 5, 5))


@pytest.mark.parametrize(
    ("tail", "authors", "date"),
    [
        (", MEMRI, O. Tamsin and V. Quist*, December 11, 2015", ("O. Tamsin", "V. Quist"), datetime.date(2015, 12, 11)),
        (" MEMRI, October 2, 2016", (), datetime.date(2016, 10, 2)),
        (", Middle East Media Research Institute, 2 October, 2016", (), datetime.date(2016, 10, 2)),
        (", says MEMRI, October 2, 2016", None, None),  # a sentence, not a credit
    ],
)
def test_a_reposts_credit_after_the_title_it_repeats(
    tail: str, authors: tuple[str, ...] | None, date: datetime.date | None
) -> None:
    found = header.match_institute_credit(tail)
    assert (found.authors, found.date) == (authors, date) if found is not None else authors is None


def test_every_number_reaches_the_model_and_the_text_export() -> None:
    """The further numbers are the model's extra_numbers, and the text export reads back the same."""
    dispatch, _ = dl.parse(
        "Special Dispatch Nos. 3173, 3174\n\nA Title Of Two\n\nThe body of it, in a sentence or so.\n"
    )
    assert (dispatch.number, dispatch.extra_numbers) == (3173, (3174,))
    assert dl.parse(dl.to_text(dispatch))[0] == dispatch


@pytest.mark.parametrize(
    ("line", "series"),
    [
        ("Speical Dispatch No. 5", "Special Dispatch"),
        ("Special Dispatsh No. 5", "Special Dispatch"),
        ("Inquiry & Analyis Series No. 5", "Inquiry & Analysis Series"),
        ("MEMRI Dispatch No. 41", "Special Dispatch"),
        ("August 18, 2007 Clip No. 1545", "MEMRI TV Clip"),
        ("Special Report No. 18", "Special Report"),
        ("MEMRI May 9, 2017 Inquiry & Analysis Series Report No.1421", "Inquiry & Analysis Series"),
        ("Dépêche fr. n° 12", "Dépêche fr."),
    ],
)
def test_old_and_misspelt_series_names(line: str, series: str) -> None:
    """A misspelt or old name of a known series reads as the name the model uses (after the site's
    name, with a word between the series and its number)."""
    found = header.match_header(line)
    assert found is not None and found.series == series


@pytest.mark.parametrize(("name", "series"), layouts.FOREIGN_SERIES.items())
def test_every_mirrors_series_name_heads_a_dispatch(name: str, series: str) -> None:
    """Each language's series name, with a number word of the mirrors, is a header of the English
    series it translates (the mirrors print that series' numbers)."""
    assert series in layouts.SERIES
    for word in ("No.", "n°", "nr", "Nr.", "núm.", "מס'"):
        found = header.match_header(f"{name} {word} 4521")
        assert found is not None and (found.series, found.numbers) == (series, (4521,)), word


@pytest.mark.parametrize(
    ("line", "series", "date"),
    [
        ("Special Report 18. Oktober 2002", "Special Report", datetime.date(2002, 10, 18)),
        ("June 24, 2004 Special Report", "Special Report", datetime.date(2004, 6, 24)),
        ("Special Report - Harbour and Shipping March 30, 2001", "Special Report", datetime.date(2001, 3, 30)),
        ("Clip No.", "MEMRI TV Clip", None),
    ],
)
def test_a_header_without_its_number(line: str, series: str, date: datetime.date | None) -> None:
    """A known series with a date, or with an empty number word, is a header without a number;
    the series alone is not (a line of the body)."""
    found = header.match_header(line)
    assert found is not None and (found.series, found.numbers, found.date) == (series, (), date)
    assert header.match_header("Special Dispatch Series") is None


def test_a_title_that_ends_in_its_series() -> None:
    """A title line ending in a dash and its series is a header that carries the title."""
    found = header.match_header("Escalation in the Speeches of the Harbour Master– Special Report")
    assert found is not None and (found.series, found.title) == (
        "Special Report",
        "Escalation in the Speeches of the Harbour Master",
    )
    assert header.match_header("A Walk Along The Harbour - In Pictures") is None


@pytest.mark.parametrize(
    "lines",
    [
        ["Special Dispatch", "June 3, 2010", "No. 5127"],
        ["Special Dispatch", "No. 5127", "June 3, 2010"],
        ["June 3, 2010", "Special Dispatch", "No. 5127"],
    ],
)
def test_a_header_broken_over_three_lines(lines: list[str]) -> None:
    """Series, date and number on lines of their own are one header again; the lines keep their count."""
    joined, taken = join_broken_header([*lines, "", "A Title"])
    assert (
        taken == [0, 1, 2]
        and len(joined) == 5
        and [line for line in joined if line]
        == [
            "June 3, 2010 Special Dispatch No. 5127",
            "A Title",
        ]
    )


@pytest.mark.parametrize(
    ("line", "slashed", "topics"),
    [
        ("Lebanon/Syria", True, ("Lebanon", "Syria")),
        ("Arabia/Iran/Inter-Arab Relations", True, ("Arabia", "Iran", "Inter-Arab Relations")),
        ("Somalia", False, ("Somalia",)),
        ("Somalia, Africa", False, ("Somalia", "Africa")),
        ("Somalia", True, None),
        ("Introduction", False, None),
        ("The Dockworkers Of The Northern Harbour Strike", False, None),
        ("Lead.", False, None),
        ("Vellonie, Pays du Levant, Politique", False, ("Vellonie", "Pays du Levant", "Politique")),
        ("Watch the video", False, None),
        ("Rozmowy Hamas/Fatah wznowione", True, None),
        ("Memri / Memri", True, None),  # a repost's source line: the institute is no topic
    ],
)
def test_bare_topics_lines(line: str, slashed: bool, topics: tuple[str, ...] | None) -> None:
    """Slash-separated topics anywhere in the meta block; a country line only under the date, with
    the small words of the mirrors; a title with a slash is none."""
    assert header.match_bare_topics(line, slashed=slashed) == topics


def test_a_mirrors_categories_may_be_in_sentence_case() -> None:
    """Two or more categories over the date may be in sentence case; a line under the date is not
    read so (a subtitle with a comma is no list of topics)."""
    line = "Regards de la semaine, Vellonie"
    assert header.match_bare_topics(line, slashed=False, categories=True) == ("Regards de la semaine", "Vellonie")
    assert header.match_bare_topics(line, slashed=False) is None


def test_an_old_emails_long_list_of_topics_after_its_number() -> None:
    """An old e-mail's header runs its topics after a dash, however many; a digest's link with a
    long title after the dash is no header."""
    found = header.match_header(
        "Special Dispatch No. 2917—Vellonia/Leading Harbour and Coast Reformists/Reform in the Harbour"
        " & Coast/U.S. and the Northern Coast"
    )
    assert found is not None and found.numbers == (2917,)
    assert found.topics == (
        "Vellonia",
        "Leading Harbour and Coast Reformists",
        "Reform in the Harbour & Coast",
        "U.S. and the Northern Coast",
    )
    assert header.match_header("Special Dispatch No. 11165 - " + "A Long Title Of The Harbour " * 5 + "Talks") is None


@pytest.mark.parametrize(
    ("line", "topics"),
    [
        ("Special Dispatch No.842 - Vellonia / Coast / U.S. & the North", ("Vellonia", "Coast", "U.S. & the North")),
        ("Special Dispatch No. 842 - Vellonia/Coast", ("Vellonia", "Coast")),
        ("Special Dispatch No. 11165 - A Title Of The Harbour, March 1, 2023", None),  # a digest's link
    ],
)
def test_topics_after_a_hyphen_when_a_slash_shows_them(line: str, topics: tuple[str, ...] | None) -> None:
    """An old e-mail's topics may follow the number after a hyphen when a slash shows them topics."""
    found = header.match_header(line)
    assert (found.topics if found is not None else None) == topics


def test_a_project_among_the_topics_right_under_the_header() -> None:
    """Right under a header, a slashed list may name a project of up to eight words; elsewhere a
    part of five capitalised words is no topic."""
    line = "Vellonia/Tide Archives on Harbour Lore and Storm Denial"
    assert header.match_bare_topics(line, slashed=True, long=True) == (
        "Vellonia",
        "Tide Archives on Harbour Lore and Storm Denial",
    )
    assert header.match_bare_topics(line, slashed=True) is None


@pytest.mark.parametrize(
    ("line", "channels"),
    [
        ('Source: Online Platforms - "Harbour Talk (YouTube)"', ('Online Platforms - "Harbour Talk (YouTube)"',)),
        ("Source: Coast TV (Vellonia)Harbour TV (Vellonia)", ("Coast TV (Vellonia)", "Harbour TV (Vellonia)")),
    ],
)
def test_a_clips_channels(line: str, channels: tuple[str, ...]) -> None:
    """Channels glued together are split after a bracket; a quote closing after it stays."""
    assert header.match_clip_source(line) == channels


def test_two_sentences_in_any_alphabet_are_no_title() -> None:
    """A paragraph whose stop stands between words of another alphabet than English's is no title."""
    assert not looks_like_title(
        "W kwietniu port opublikował raport o łodziach i sieciach rybaków na wybrzeżu północnym i południowym"
        " całego kraju. Poniżej podajemy ten raport z archiwum portu. (Żeby zobaczyć wszystkie raporty, napisz do nas)"
    )
    assert looks_like_title("Gen. Orlo Tamsin: The Harbour Will Not Be Sold To The U.S. Merchants Or Anyone")
    assert looks_like_title("La cofradía acusa al consejo de vender el puerto a EE. UU.")  # Spanish doubled initials
    assert not looks_like_title("La cofradía acusa al consejo de vender el puerto a los pescadores.")


@pytest.mark.parametrize("word", ["Wprowadzenie", "Introducción", "Einleitung", "Introduzione", "מבוא"])
def test_introduction_in_every_language_is_no_title(word: str) -> None:
    """A heading such as 'Introduction' in a mirror's language is never the title."""
    assert not looks_like_title(word)


@pytest.mark.parametrize("line", ["Caricatura No. 7", "Cartoon No. 7", "Karykatura nr 3", "Photo No. 2"])
def test_a_pictures_label_and_number_is_no_header(line: str) -> None:
    """``Caricatura No. 7`` labels a cartoon in a list of them: no series and number."""
    assert header.match_header(line) is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By: S. Exemplar", ("S. Exemplar",)),
        ("by Y. Example and Z. Sample*", ("Y. Example", "Z. Sample")),
        ("מאת א. דוגמה", ("א. דוגמה",)),
        ("By: O.Tamsin and R. Sample*", ("O. Tamsin", "R. Sample")),  # a glued initial is spaced
        ("By: J.R.R. Tamsin, O.McTamsin", ("J.R.R. Tamsin", "O. McTamsin")),
        ("By: Dr. Orlo Tamsin*", ("Dr. Orlo Tamsin",)),  # a title before the name stays, as written
    ],
)
def test_bylines_in_every_shape(line: str, authors: tuple[str, ...]) -> None:
    """Bylines with 'By:', a lower-case 'by', and in a script without capitals; a sentence is none."""
    found = header.match_date_line(line)
    assert found is not None and found.authors == authors
    assert header.match_date_line("by the time the talks began, nobody was left") is None


def test_names_alone_with_their_notes_star_open_a_headerless_copy() -> None:
    """``Orla Tamsin*`` as a headerless copy's first line is its byline; the same shape under a
    header or a date is a title (without its note's mark) or a heading (``Key Findings*``), never
    the authors."""
    assert header.match_starred_byline("O. Tamsin and R. Sample*") is not None
    assert header.match_starred_byline("The Harbour Talks*") is None
    text = "Orla Tamsin*\n\nThe harbour closed at dawn, the master said, and the boats stayed in.[1]\n"
    assert dl.parse(text)[0].authors == ("Orla Tamsin",)
    under = "Special Dispatch No. 12\n\nKey Findings*\n\nThe harbour closed at dawn, and the boats stayed in.\n"
    dispatch, _ = dl.parse(under)
    assert (dispatch.title, dispatch.authors) == ("Key Findings", ())


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Banner promoting the guild's channel (link redacted by the editors)", True),
        ('The post on the "Harbour Guild" Telegram channel', True),
        ("Request form to join the channel", True),
        ("Dockworkers Strike In The Northern Harbour", False),
        ("The dockworkers stopped work on Monday.", False),
        ("Host: Tell us more", False),
        ("Vellonia is Leading Demographic Change in the Harbour", False),
        ("Poster depicting Harbour Guild Leader Orla Tamsin", True),
    ],
)
def test_bare_caption_shape(text: str, caption: bool) -> None:
    """A caption is a noun phrase in sentence case without a final stop; headings (in title case,
    a verb perhaps in lower case) and sentences are not."""
    assert blocks._caption_shape(text) is caption


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Antecedentes a la presidencia del puerto", True),  # a mirror's heading going on with a small word
        ("Wyniki wyborów do rady portu", True),
        ("La « Marée rouge » du conseil plutôt floue", True),  # a name quoted second
        ("Przemówienie Tamsina z 13 października – analiza i skutki", True),  # a name second
        ("¿Quién cerró el puerto? – Acusaciones mutuas del gremio y del consejo", True),
        ("Antecedentes A La Presidencia", False),  # title case: no sentence-case heading
        ("La cofradía votó el martes.", False),
        ("Orlo Tamsin del puerto", False),  # a name, then too few words to be sure
    ],
)
def test_a_mirrors_heading_in_sentence_case(text: str, heading: bool) -> None:
    """A mirror writes its headings in sentence case, the second word perhaps a small one, a name
    or a name in quotes, and perhaps opening on a Spanish question mark."""
    assert blocks._caption_shape(text, heading=True) is heading


@pytest.mark.parametrize(
    "line",
    ["5 reproducciones", "1,204 views", "12 vues", "1\u202f204 vues", "1 204 views", "12 k vues", "MEMRI TV", "38"],
)
def test_a_view_counter_and_a_clips_label_are_chrome(line: str) -> None:
    """A video's view counter, a sharing button's count alone and an embedded clip's label are the
    page's, no heading of the text."""
    assert is_chrome(line)
    assert not blocks._is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Special Dispatch No. " + "1, " * 100_000,
        "Special Report " * 50_000,
        "Title – " * 50_000 + "Special Report",
        "Lebanon/" * 100_000,
        "Banner promoting " * 50_000 + "(x)",
        "x " * 100_000 + "Description automatically generated with medium confidence",
        "A Title" + " [1]" * 100_000,
        "1, " * 100_000,
        "Special Dispatch No. 5—" + "Saudi Arabia/" * 50_000 + " text",
        "By: " + "A. Name and " * 50_000,
        "**" + " " * 200_000 + "x**",
        "Sent: " + "Sunday, " * 50_000 + "July 30, 2006",
        "The following are reports from " * 30_000,
        "Crowd:" + "Long live the tide " * 50_000,
        "Name (" + "to the crowd " * 50_000 + ") : words",
        "Enquête et Analyse" + " / Côte" * 50_000 + " - N° 135, 23 avril 2003.",
        "date 2018-12-26 " + "x " * 100_000,
        "Special Dispatch No. 5 – " + "A Title, " * 50_000 + "March 1, 2023",
        "MEMRI Daily" + ": x" * 50_000 + ": August 1, 2013",
        "*WASHINGTON" + " / WIRE" * 50_000 + " / December 22, 2020 /",
        "*" + "Title " * 50_000 + "**",
        "Voir les extraits vidéo sur MEMRI TV" + " x" * 100_000,
        "Facebook" + "      Twitter" * 30 + " x",
        "A caption of the harbour's picture REUTERS/" + "A-" * 50_000 + "x",
        "A caption of the harbour's picture REUTERS/Orla " * 20_000,
        "A caption of the harbour's picture" + " ©" * 50_000,
        "June 18-25, 2013 Clip No. " + "3" * 100_000,
        "Posted on 1" + " by " * 50_000,
        "Home page " + "a" * 100_000 + "!",
        "Interviewer: “" + "x” Orla: “" * 50_000,
        "By Orla Tamsin" + " / x" * 50_000 + " / No Comments",
        "Z materiałów MEMRI " + "1" * 100_000,
        "Harbour Liberals Petition" + " Word" * 50_000 + " On October 24, 2004, text",
        "A caption" + " x" * 50_000 + " (Photo by " + "A" * 100_000 + ")",
        "7/2/2014" + ", Tammuz 4" * 50_000 + ", 5774",
        "(AP Photo/" + "A" * 100_000 + ")",
        "3 out of 11 " + "Articles " * 50_000,
        "Special Dispatch - Harbour No. 82 " + "March 29, " * 50_000,
        "Special Dispatch by The Middle East Media Research Institute" + " (MEMRI)," * 50_000,
        "1815 Harbour Street" + " NW," * 50_000 + " Portvale, DC 20006",
        "A caption. " * 50_000 + "Orla Tamsin/Reuters",
        "Orla Tamsin" + " ," * 50_000 + " | updated: 5:17 AM",
        "Scene from Coast TV" + " Harbour news photo: x" * 30_000,
        "Harbour master meets " * 20_000 + "\nHarbour Radio Airs A Tirade\n\n" + "The text. " * 20,
        "A Title" + ", (MEMRI" * 50_000 + " TV)",
        "Orla :" + "< /span " * 50_000 + "Words",
        'memri.org "A Title"' + " #tide" * 50_000 + " x",
        "A Title\n\nApril 11, 2002\n\n--Orla" + " Tamsin" * 50_000 + "\n\nA Title\nApril 10, 2002\n\nText.",
        "Follow-Up" + " on the" * 50_000 + " Islamist Websites Monitor No. 5",
        "A Title\n\n01.04.2008\n\n" + "laut dem " * 50_000 + "Institut Memri",
        "A Title\n\nText.\nYou have read 3" + " free" * 50_000 + " articles",
        "4 Marzo 2015\n\nA Title\n\n" + "Memri (Memri.org), " * 30_000 + "organizzazione",
        "Caricatures du port\n" + "dans la presse\n" * 1_000 + "Par : O. Tamsin",
        "Special Dispatch - Vellonia" + " / Coast & Tide" * 30_000 + " March 10, 2006 No. 1",
        "Text.\n" + "a.b(function(" * 30_000 + "\nMore text.",
        "Coast NewsHarbour News" + "Latest News" * 30_000 + "!",
        "Orla Tamsin:\n«" + "The tide " * 50_000 + "»\n\nText.",
        "A Title\\n\\n" + "The tide on\\n" * 30_000 + "Text.",
        "Published:" + " Updated:" * 50_000,
        "Harbour pilots draw most of the complaints\n\n" + "growing anger " * 50_000 + "\n\nBy Orla Tamsin\n\nText.",
        "YOU MUST BE SUBSCRIBED TO THE " + "MEMRI " * 50_000,
        "Title screen: " + "x " * 100_000,
        '*Harbour Master Orlo Tamsin: "The Tide Is High"' + '; "The Tide' * 50_000 + '"',
        "Harbour News\nLast updated: " + "May 3, " * 50_000 + "2013\n\nText.",
        "harbour_" * 50_000 + "-",
        "harbour-at-" * 50_000 + "_",
        "In the photo" + " above" * 50_000 + ": A caption.",
        'Top: "Green Harbour"' + ' Bottom: "x"' * 50_000,
        "II. " + "Sermón del viernes " * 50_000,
        "Harbour School System\n\nPreliminary Overview. - Harbour School System" + " Of The Port" * 50_000 + ".",
        "A Title\n\n(" + "Harbour Journal " * 50_000 + ") Orla Tamsin - The text.",
        "News » " * 50_000 + "A Title\n\nBy Orla Tamsin\n\nText.",
    ],
    ids=[
        "numbers", "series", "suffix", "topics", "caption", "alt-text", "refs", "number-line", "in-line", "byline",
        "marks", "page-date", "digest", "glued-speaker", "direction", "topics-between", "stamp", "link-line",
        "digest-name", "dateline", "emphasis-star", "video-link", "share-buttons", "wire-hyphens", "wire-names",
        "copyright", "day-range", "posted-on", "home-path", "run-turns", "byline-row", "from-institute",
        "run-on-title", "photo-by", "hebrew-date", "agency-photo", "carousel", "caption-over-headline",
        "area-number", "pdf-credit", "street-address", "photographer", "name-and-time", "outlet-photo",
        "credit-in-brackets", "stray-tag", "hashtags", "signed-forward", "about-series", "foreign-press",
        "paywall", "apposition", "wrapped-lines", "old-areas", "script-line", "glued-menu", "kicker-quote",
        "escaped-breaks", "empty-labels", "deck", "capitals-notice", "title-screen", "star-headline", "site-stamp",
        "file-stem", "file-stem-dashes", "photo-label", "placing-labels",
        "roman-heading", "whole-title", "outlet-signed-lead", "breadcrumb-title",
    ],
)  # fmt: skip
def test_new_patterns_stay_linear_on_very_long_lines(line: str) -> None:
    """Each family of new patterns meets a line of hundreds of thousands of characters and the
    reader still reads it (a pattern that backtracked would take hours here)."""
    for candidate in (line, f"{line}\n\n{line}\n"):
        dispatch, _ = dl.parse(candidate)
        assert isinstance(dispatch, dl.Dispatch)
    assert header.match_bare_topics(line, slashed=True) is None or len(line) <= 120
    assert not blocks._caption_shape(line)
    assert is_prose(line) in (True, False)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Special Dispatch\nJune 3, 2010\nNo. 5127\n\nA Title\n\nBody text.\n", "a header broken over lines 1-3"),
        ("Speical Dispatch No. 5\n\nA Title\n\nBody text.\n", "series is read as 'Special Dispatch'"),
        ("Special Report 18. Oktober 2002\n\nA Title\n\nBody text.\n", "the header gives no number"),
        ("Special Dispatch No. 5\n\nLebanon/Syria\n\nA Title\n\nBody text.\n", "read as topics, not the title"),
        (
            "Special Dispatch No. 5\n\nA Title\n\nOne sentence here.\n\nBanner promoting the channel\n\nAnother one.\n",
            "read as an image's caption",
        ),
    ],
)
def test_every_guess_is_said(text: str, said: str) -> None:
    """Each reading of a line of unusual shape is an info-level 'guess' that says what and why."""
    _, diagnostics = dl.parse(text)
    assert any(d.code == "guess" and said in d.message for d in diagnostics), [d.message for d in diagnostics]


@pytest.mark.parametrize(
    ("line", "numbers"),
    [
        ("MEMRI Inquiry and Analysis |825|April 19, 2012", (825,)),  # a news digest's copy
        ("MEMRI: Special Dispatch|3108| July 20, 2010", (3108,)),  # an e-mail's subject line
        ("MEMRI TV | 4 | May 2, 2015", None),  # a blog's bar: 4 comments
        ("Special Dispatch | 14 | March 2, 2015", None),  # a table's row
        ("Inquiry and Analysis | 825 | April 19, 2012", None),  # a list of related reports
    ],
)
def test_a_header_between_bars_without_its_number_word(line: str, numbers: tuple[int, ...] | None) -> None:
    """Without the word "No.", only the institute's name and the number tight between its bars
    make a header."""
    found = header.match_header(line)
    assert (found.numbers if found is not None else None) == numbers


_AROUND = "The harbour master spoke at length about the ferries and the tolls, and the pilots listened for an hour."


@pytest.mark.parametrize(
    ("line", "figure"),
    [
        # a news photograph's caption, one sentence, and its agency
        (
            "Orla Tamsin carries the last rope of the old ferry to the pier in Port Vell. (AFP)",
            ("Orla Tamsin carries the last rope of the old ferry to the pier in Port Vell.", "AFP", False),
        ),
        ("(Orla Tamsin. Source:", ("Orla Tamsin", None, True)),  # the bracket's credit and its end lost
        # a cartoon's caption naming the cartoon before a colon, its outlet and date in brackets
        (
            "Caricature dans un quotidien du port : la guilde tranche les cordes (Le Port, Vellonie, 8 novembre 2017)",
            (
                "Caricature dans un quotidien du port : la guilde tranche les cordes",
                "Le Port, Vellonie, 8 novembre 2017",
                False,
            ),
        ),
        ("The pilots left. The guild stayed on the pier for a week. (AFP)", None),  # a paragraph's sentences
        (
            "Orla Tamsin says the pilots should not be paid (MEMRI)",
            ("Orla Tamsin says the pilots should not be paid", "MEMRI", False),
        ),
        ("We must be resolute and fill the pier with sailors.  (MEMRI)", None),  # a quotation's source
        ("Interviewer: Where were you on that day (Port Vell, May 2, 2016)", None),  # a turn
    ],
)
def test_captions_in_the_shapes_news_pages_leave(line: str, figure: tuple[str, str | None, bool] | None) -> None:
    dispatch, _ = dl.parse(f"A Harbour Title Of Some Length\n\n{_AROUND}\n\n{line}\n\n{_AROUND}\n")
    found = [(b.caption, b.credit, b.credit_missing) for b in dispatch.body if isinstance(b, dl.Figure)]
    assert found == ([figure] if figure else [])


def test_a_pages_field_is_no_title() -> None:
    """A line opening on a field's name in lower case (an aggregator's ``author: ... - duration:
    02:57``) is the page's, never the title."""
    assert not looks_like_title("author: Harbour TV – duration: 02:57")
    assert looks_like_title("Harbour TV: The Pilots Speak")


def test_lines_a_repost_quotes_from_the_institutes_pages() -> None:
    """A blog's citation of a clip's number, an old TV site's listing line, the institute's
    dateline opening a news site's lead, a blog's stamp naming its poster and an outlet's staff
    alone on a line each give what they say."""
    clip = header.match_header("MEMRI Clip #4103")
    assert clip is not None and (clip.series, clip.numbers) == ("MEMRI TV Clip", (4103,))
    assert header.match_header("Clip #4103 of the harbour's archive") is None
    listing = "Aired on Channel 1 (Vellonia) – December 29, 2008 – 00:03:53 : Toddlers Are Taught about the Tide"
    assert header.match_aired_listing(listing) == ("Toddlers Are Taught about the Tide", datetime.date(2008, 12, 29))
    assert header.match_credited_dateline("(December 3, 2019 / MEMRI) A senior adviser said ...") == datetime.date(
        2019, 12, 3
    )
    assert header.match_credited_dateline("(December 3, 2019) A senior adviser said ...") is None
    assert header.match_posting_stamp("Mar 12th, 2009 by orlo_t") == "orlo_t"
    assert header.match_staff_byline("Harbour Daily Staff ,") == "Harbour Daily Staff"
    assert header.match_staff_byline("The MEMRI Staff") is None
    assert header.match_staff_byline("Orla Tamsin ,") == "Orla Tamsin"
    assert header.match_staff_byline("Orla Tamsin Executive Editor") == "Orla Tamsin"
    assert header.match_staff_byline("The Harbour Reporter") is None  # an outlet's name
    assert header.match_staff_byline("Vellonia, Harbour ,") is None  # a place, its comma its own


@pytest.mark.parametrize(
    ("line", "title", "authors"),
    [
        ("Must-Read Harbour News, Part II By: Orla Tamsin", "Must-Read Harbour News, Part II", ("Orla Tamsin",)),
        (
            "Understanding The Guild Of The Pier, by: O. Tamsin, R. Sample, and V. Quist",
            "Understanding The Guild Of The Pier",
            ("O. Tamsin", "R. Sample", "V. Quist"),
        ),
    ],
)
def test_a_title_with_its_byline_run_on(line: str, title: str, authors: tuple[str, ...]) -> None:
    found = header.match_title_byline(line)
    assert found is not None and (found.title, found.line.authors) == (title, authors)


def test_a_notice_and_a_sites_section_are_no_speaker_and_no_title() -> None:
    """A notice's label (``NOTE IMPORTANTE:``) is no speaker, whatever follows its first word; a
    site's name before an introduction's heading (``Harbour Daily - Introducción``) is no title;
    a character's name in quotes (``“Orlo Tamsin”:``) is a speaker."""
    text = (
        "NOTE IMPORTANTE: Le port dépend de la générosité de ses amis, qui lui permettent de travailler.\n\n"
        '“Orlo Tamsin”: "Hear, O harbour: the tide is one, and the pier is ours."\n'
    )
    dispatch, _ = dl.parse(text)
    assert [type(block).__name__ for block in dispatch.body] == ["Paragraph", "SpeakerTurn"]
    assert isinstance(turn := dispatch.body[1], dl.SpeakerTurn) and turn.speaker == "“Orlo Tamsin”"
    assert not looks_like_title("Harbour Daily - Introducción")


def test_a_blog_hands_over_to_a_report_named_by_title_and_date_alone() -> None:
    """'"Title," MEMRI, November 4, 2023:' gives the title and date, no author."""
    text = (
        "Harbour: pilots cheer as they watch the ferries burn\n\n"
        "Wait, what? The pilots are watching films? I was told they had no power at all on the pier.\n\n"
        "“Pilots Gather Outside The Harbour Office To Watch Footage Of The Ferries Burning,”"
        " MEMRI, November 4, 2023:\n\n"
        "On November 4, 2023, a harbour channel uploaded a video of a screening outside the harbour office.\n"
    )
    dispatch, _ = dl.parse(text)
    assert dispatch.title == "Pilots Gather Outside The Harbour Office To Watch Footage Of The Ferries Burning"
    assert (dispatch.date, dispatch.authors) == (datetime.date(2023, 11, 4), ())
