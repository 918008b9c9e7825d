"""The reader on the layouts of real pages: one made-up fixture per layout in tests/layouts/.

Each fixture's first line, ``# layout: ...``, says which layout it stands for; the reader sees the
text below it. Fixtures named ``not-*`` are texts that are not dispatches: strict checks refuse
them. The others parse to the model pinned in ``tests/golden/layouts/`` (reviewed by reading).
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

import dispatchlib as dl
from dispatchlib.reading import header, layouts
from dispatchlib.reading.start import is_chrome, is_repost_line

HERE = Path(__file__).parent
LAYOUTS = sorted((HERE / "layouts").glob("*.txt"))
GOLDEN = HERE / "golden" / "layouts"
DISPATCHES = [path for path in LAYOUTS if not path.stem.startswith("not-")]
NOT_DISPATCHES = [path for path in LAYOUTS if path.stem.startswith("not-")]
XHTML = "{http://www.w3.org/1999/xhtml}"


def _text(path: Path) -> bytes:
    comment, _, text = path.read_bytes().partition(b"\n")
    assert comment.startswith(b"# layout: ") and len(comment) > 20, f"{path.name}: first line must name its layout"
    return text


def _read(name: str) -> tuple[dl.Dispatch, list[dl.Diagnostic]]:
    document, diagnostics = dl.read_bytes(_text(HERE / "layouts" / f"{name}.txt"), source=f"{name}.txt")
    assert isinstance(document, dl.Dispatch)
    return document, diagnostics


def _codes(diagnostics: list[dl.Diagnostic]) -> set[str]:
    return {d.code for d in diagnostics}


def _id(path: Path) -> str:
    return path.stem


def test_there_is_a_fixture_for_every_family() -> None:
    """At least 40 layouts, each family of real-page trouble among them."""
    stems = {path.stem.split("-")[0] for path in LAYOUTS}
    assert len(LAYOUTS) >= 40
    assert {"clip", "report", "blog", "email", "headerless", "not", "title", "mirror", "notice", "figures",
            "digest", "cut", "sub"} <= stems  # fmt: skip


@pytest.mark.parametrize("path", DISPATCHES, ids=_id)
def test_layout_matches_golden_json(path: Path, update_goldens: bool) -> None:
    """Every dispatch layout is read, without refusal, to its reviewed model."""
    document, _ = dl.read_bytes(_text(path), source=path.name)
    golden = GOLDEN / f"{path.stem}.json"
    if update_goldens:
        golden.write_text(dl.to_json(document), encoding="utf-8")
    assert dl.from_json(golden.read_text(encoding="utf-8")) == document


@pytest.mark.parametrize("path", DISPATCHES, ids=_id)
def test_dispatch_layouts_have_their_facts(path: Path) -> None:
    """Every dispatch layout gives a title, a series or a number (a clip's, a bundle's several), and
    a date or a number; a copy whose layout says it has no header or no date gives its body and invents
    neither."""
    document, _ = dl.read_bytes(_text(path), source=path.name)
    comment = path.read_bytes().partition(b"\n")[0]
    assert isinstance(document, dl.Dispatch) and document.body
    if b"(no header)" in comment:
        assert not (document.series or document.number)
        return
    if b"(no date" in comment:
        assert document.title and not document.date
        return
    assert document.title or document.series or document.number is not None
    assert document.date or document.number is not None


@pytest.mark.parametrize("path", NOT_DISPATCHES, ids=_id)
def test_texts_that_are_not_dispatches_are_refused_when_strict(path: Path) -> None:
    """News articles, op-eds, other institutes' reports, donation pages, blog posts: refused by strict
    reading, either as not a dispatch at all or as read only from weak evidence."""
    with pytest.raises((dl.NotADispatchError, dl.ParseError)):
        dl.read_bytes(_text(path), source=path.name, strict=True)


def test_both_directions_are_measured() -> None:
    """Every dispatch layout is read leniently; every non-dispatch fails strict reading."""

    def reads(path: Path, strict: bool) -> bool:
        try:
            dl.read_bytes(_text(path), source=path.name, strict=strict)
        except (dl.NotADispatchError, dl.ParseError):
            return False
        return True

    refused_dispatches = [path.stem for path in DISPATCHES if not reads(path, strict=False)]
    accepted_others = [path.stem for path in NOT_DISPATCHES if reads(path, strict=True)]
    assert (refused_dispatches, accepted_others) == ([], [])


def test_clip_page_chrome_is_dropped_and_reported() -> None:
    """Donation, subscription and request boxes and 'Share Video:' go; the clip header is read."""
    clip, diagnostics = _read("clip-donation-chrome")
    assert (clip.series, clip.number, clip.date) == ("MEMRI TV Clip", 2801, datetime.date(2011, 3, 9))
    assert clip.clip == dl.Clip(duration_seconds=192, channels=("Example Coast TV (Lebanon)",))
    chrome = [d for d in diagnostics if d.code == "page-chrome"]
    assert chrome and chrome[0].line == 1
    assert "Donations" not in dl.to_json(clip)


def test_report_date_wins_over_the_blogs_posting_date() -> None:
    """A repost's own date and 'Posted by' line stand before the header and are dropped."""
    for name, date in (
        ("blog-repost", datetime.date(2013, 6, 7)),
        ("blog-date-before-header", datetime.date(2013, 5, 30)),
    ):
        dispatch, diagnostics = _read(name)
        assert dispatch.date == date
        assert "page text before the header" in next(d.message for d in diagnostics if d.code == "page-chrome")


def test_header_found_inside_a_line_whose_breaks_were_lost() -> None:
    """An e-mail run into one line: header, topics, title, body and notes are split apart."""
    dispatch, _ = _read("collapsed-email-line")
    assert (dispatch.series, dispatch.number) == ("Special Dispatch", 3480)
    assert dispatch.title == "Minister Defends New Bread Prices"
    assert dispatch.topics[0] == "Egypt"
    assert [note.outlet for note in dispatch.notes] == ["Example Daily (Egypt)", "Example Weekly (Egypt)"]


def test_headerless_copy_is_read_and_check_explains_every_guess() -> None:
    """No header: one no-header warning says where the title, date and byline came from; the
    evidence is explained."""
    dispatch, diagnostics = _read("headerless-title-date-byline")
    assert dispatch.title == "The Municipal Elections And The Question Of Street Lights"
    assert dispatch.authors == ("A. Exemplar",) and dispatch.author_note
    found = {d.code: d.message for d in diagnostics}
    assert found["no-header"] == "no header; title taken from line 1; date taken from line 3; byline taken from line 3"
    assert "notes" in found["evidence"]


def test_title_and_date_alone_are_weak_evidence() -> None:
    """Read leniently, but with a warning that strict checks refuse."""
    dispatch, diagnostics = _read("headerless-title-date-only")
    assert dispatch.title == "Bakers Return To The Old Ovens"
    assert "uncertain-dispatch" in _codes(diagnostics)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("title-colon-sentence", ""),
        ("title-introduction-heading", ""),
        ("title-foreign-byline", "Host Discusses A Report On The Example Channel"),
        ("title-contents-list", "Ports, Taxes And The Long Winter"),
        ("title-image-line", "A Weekly's Cartoon Mocks The Harbor Cranes"),
        ("sub-series-under-header", "Forum Members Discuss A New Example Magazine"),
        ("blog-courtesy-lead-in", "Don't Miss The Friday Sermon From Port Vell"),  # not the blog's name, nor the credit
        ("blog-pasted-article-byline-date", "Harbour Tolls: A Coastal How-To"),  # the pasted article's, over its byline
    ],
)
def test_lines_that_are_not_titles(name: str, title: str) -> None:
    """Sentences ending in ':', 'Introduction', bylines, contents lists, image lines and sub-series
    lines are never taken for the title."""
    dispatch, _ = _read(name)
    assert dispatch.title == title


def test_sub_series_line_is_a_heading_and_never_a_second_dispatch() -> None:
    """'Islamist Websites Monitor No. 93' after a blank line does not split the report."""
    for name in ("sub-series-under-header", "sub-series-in-body"):
        dispatch, _diagnostics = _read(name)
        assert dispatch.series == "Special Dispatch"
        assert any(isinstance(b, dl.Heading) and "Islamist Websites Monitor" in b.text for b in dispatch.body)


@pytest.mark.parametrize(
    ("name", "date", "authors"),
    [
        ("mirror-german", datetime.date(2002, 10, 18), ("Hans Beispiel",)),
        ("mirror-french", datetime.date(2002, 5, 23), ("Jean Exemple",)),
        ("mirror-polish", datetime.date(2019, 9, 28), ("Jan Przykład",)),
        ("mirror-spanish", datetime.date(2023, 3, 14), ("María Ejemplo",)),
        ("mirror-italian", datetime.date(2021, 5, 5), ("Marco Esempio",)),
        ("byline-site-suffix", datetime.date(2021, 7, 5), ("R. Nameless",)),
    ],
)
def test_dates_and_bylines_in_other_languages(name: str, date: datetime.date, authors: tuple[str, ...]) -> None:
    """Day-first dates with each language's month names, and each language's byline word."""
    dispatch, _ = _read(name)
    assert (dispatch.date, dispatch.authors) == (date, authors)


@pytest.mark.parametrize(
    "name", ["notice-curly-apostrophe", "notice-paying-member-digest", "notice-straight-apostrophe"]
)
def test_subscriber_notices_in_every_wording_set_truncated(name: str) -> None:
    """Straight and curly apostrophes, 'paying member of the JTTM' inside a paragraph, lab names;
    a line that is only the notice is dropped."""
    dispatch, diagnostics = _read(name)
    assert dispatch.truncated and "truncated" in _codes(diagnostics)
    body = dl.to_json(dl.Dispatch(body=dispatch.body))
    assert "is available to" not in body and "this page to view" not in body


@pytest.mark.parametrize(
    "notice",
    [
        "El texto completo de este informe está a disposición de los subscriptores del Proyecto del Puerto.",
        "(Aby zobaczyć te raporty w całości, musisz być płatnym członkiem; napisz do nas.)",
        "Le texte intégral de ce rapport est réservé aux abonnés du projet du port.",
        "Der vollständige Text dieses Berichts ist nur für Abonnenten des Hafenprojekts.",
        "Il testo completo di questo rapporto è riservato agli abbonati del progetto del porto.",
        "Para ver este informe usted debe ser miembro del Proyecto del Puerto (PP).",
        "Ceci est un extrait de document du Projet du Port (PDP) réservé aux services abonnés. Écrivez-nous.",
        "MEMRI.fr met en ligne des informations partielles pour des raisons de sécurité. Écrivez-nous.",
        "This source only provides truncated excerpts. You might have to register to read the full article.",
        "(Excerpt) Read more at memri.org ...",  # a forum's marker under the part it pasted
        "I've snipped a little here to save space. The whole transcript is at the link.",  # a reposter's
    ],
)
def test_notices_in_the_mirrors_languages_and_an_aggregators_set_truncated(notice: str) -> None:
    """A mirror's notice that the full text is for subscribers, or an aggregator's that it keeps
    excerpts only, marks the dispatch truncated; a pointer to all of a project's reports for
    members does not."""
    text = "Special Dispatch No. 12\n\nA Title\n\nThe harbour closed at dawn.\n\n{}\n"
    dispatch, _ = dl.parse(text.format(notice))
    assert dispatch.truncated
    for general in (
        "(Żeby zobaczyć wszystkie raporty, trzeba być płatnym członkiem; napisz do nas.)",
        "Der vollständige Text des Dokuments ist nur für Mitglieder des Hafenrats zugänglich.",
    ):
        assert not dl.parse(text.format(general))[0].truncated


def test_promotion_box_is_dropped_without_marking_truncation() -> None:
    """The JTTM promotion under a whole post is boilerplate, not a notice that the text is cut."""
    dispatch, _ = _read("headerless-cjlab-post")
    assert not dispatch.truncated
    assert "JTTM" not in dl.to_text(dispatch)


def test_figures_in_every_form() -> None:
    """'Source:' captions, credit-only cartoons, merged caption and credit, repeated alt text, cut credit."""
    figures = {
        name: [b for b in _read(name)[0].body if isinstance(b, dl.Figure)]
        for name in (
            "figures-source-line",
            "figures-credit-only",
            "figures-merged-credit",
            "figures-alt-text-repeated",
            "figures-caption-cut",
        )
    }
    assert [(f.caption, f.credit) for f in figures["figures-source-line"]] == [
        ("The painted harbor wall", "Example Daily, April 2, 2021")
    ]
    assert [(f.caption, f.credit) for f in figures["figures-credit-only"]] == [
        ("", "Example Daily (Jordan), January 28, 2015")
    ]
    assert [(f.caption, f.credit) for f in figures["figures-merged-credit"]] == [
        ("The bus that never comes", "Example Daily (Egypt), February 25, 2016")
    ]
    assert len(figures["figures-alt-text-repeated"]) == 2
    assert [(f.caption, f.credit_missing) for f in figures["figures-caption-cut"]] == [
        ("A crowd at the festival", False)
    ]


def test_digest_items_are_headings_and_their_bylines_are_the_authors() -> None:
    """'EXCLUSIVE: ...' heads an item; a digest under its 'Special Announcements' header takes
    its items' 'By:' lines as its authors, as a digest known by its opening sentence does."""
    digest, _ = _read("notice-paying-member-digest")
    assert next(b.text for b in digest.body if isinstance(b, dl.Heading)).startswith("EXCLUSIVE: ")
    assert not any(isinstance(b, dl.SpeakerTurn) for b in digest.body)
    picks, _ = _read("digest-editors-picks")
    assert picks.authors == ("Y. Examplemann", "A. M. Placeholder")
    assert "Read The Full Report" not in dl.to_text(picks)


def test_digest_of_clips_stays_one_dispatch() -> None:
    """Item lines 'MEMRI TV Clip No. 3859' inside a digest never start a new dispatch."""
    document, _ = dl.read_bytes(_text(HERE / "layouts" / "digest-weekly-clips.txt"), source="x.txt")
    assert isinstance(document, dl.Dispatch) and document.number == 240


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("cut-mid-sentence", "middle of a sentence"),
        ("cut-mid-notes", "ends after note 2; references [3], [4]"),
        ("cut-before-notes", "before its notes list"),
    ],
)
def test_copies_cut_anywhere_are_read_and_nothing_is_called_lost(name: str, message: str) -> None:
    """What is there is read; references past the cut are one cut-off finding, not missing notes."""
    dispatch, diagnostics = _read(name)
    assert "missing-note" not in _codes(diagnostics)
    assert message in next(d.message for d in diagnostics if d.code == "cut-off")
    assert dispatch.title


# --- the layout knowledge as data: each entry does what it says


@pytest.mark.parametrize("line", sorted(layouts.CHROME_LINES))
def test_every_chrome_line_is_chrome(line: str) -> None:
    """Each listed chrome line is recognised, whatever its case."""
    assert is_chrome(line.upper()) and is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Donations from readers like you allow us to do what we do.",
        "Subscribe to receive daily or weekly MEMRI emails on the topics that most interest you.",
        "Media, government, and academia can request a MEMRI clip or other MEMRI research.",
        "Find MEMRI On: Twitter Facebook YouTube",
        "View this e-mail in your browser",
        "EOY_Banner_2013_v1 (2).jpg",
        "Visit the Harbour Alert Archive",
        "Blog: http://harbour-notes.example.it",
    ],
)
def test_chrome_patterns(line: str) -> None:
    """Each chrome pattern matches the line it was written for."""
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Posted by Someone",
        "Sunday, 9 June 2013",
        "Subject: A report",
        "Quote:",
        "Originally Posted by x",
        "Courtesy of MEMRI",  # the credit alone over what the post quotes
        "H/T MEMRI TV",
    ],
)
def test_repost_lines(line: str) -> None:
    """A repost's own lines are recognised."""
    assert is_repost_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The full text of this post is available to subscribers.",
        "The full text of this report is available to MEMRI’s Jihad and Terrorism Threat Monitor Subscribers.",
        "The full text of this report is available to MEMRI's Jihad and Terrorism Threat Monitor Subscribers.",
        "Please login or register to request subscription information.",
        "(To view these reports in full, you must be a paying member of the JTTM; write to us.)",
        "JTTM subscribers can visit this page to view the report.",
        "The full text of this report is available to registered users.",
    ],
)
def test_subscriber_notice_wordings(line: str) -> None:
    """Each notice wording seen on real pages is recognised."""
    assert layouts.SUBSCRIBER_NOTICES.search(line)


@pytest.mark.parametrize("language", sorted(layouts.MONTHS))
def test_every_languages_months_read_as_dates(language: str) -> None:
    """Each month of each language reads, day first, as the right date."""
    for month, name in enumerate(layouts.MONTHS[language], start=1):
        assert header.parse_date(f"3 {name} 2020") == datetime.date(2020, month, 3)


@pytest.mark.parametrize("language", layouts.MONTH_FIRST_LANGUAGES)
def test_mirror_templates_month_first_dates_read(language: str) -> None:
    """A mirror's template may keep the English order with its own month names (``Juin 24, 2013``),
    in a header line too; a capitalised word that is no month makes no date."""
    for month, name in enumerate(layouts.MONTHS[language], start=1):
        written = f"{name.capitalize()} 24, 2013"
        assert header.parse_date(written) == datetime.date(2013, month, 24)
        found = header.match_header(f"{written} No. 973")
        assert found is not None and found.date == datetime.date(2013, month, 24)
    assert header.parse_date("Vellonia 24, 2013") is None


@pytest.mark.parametrize("word", layouts.BYLINE_WORDS)
def test_every_byline_word_introduces_authors(word: str) -> None:
    """Each byline word, followed by a name, is a byline."""
    line = header.match_date_line(f"{word} Anna Beispiel")
    assert line is not None and line.authors == ("Anna Beispiel",)


@pytest.mark.parametrize(("alias", "series"), sorted(layouts.SERIES_ALIASES.items()))
def test_series_aliases(alias: str, series: str) -> None:
    """Older names of a series read as the name the model uses."""
    found = header.match_header(f"March 1, 2010 {alias} No. 12")
    assert found is not None and found.series == series


def test_check_strict_refuses_non_dispatches_and_explains_dispatches(tmp_path: Path) -> None:
    """``dispatchlib check --strict``: non-zero for a news article and an op-ed, which ``convert``
    still writes; plain ``check`` passes a headerless copy and prints its guesses."""
    import subprocess
    import sys

    def run(name: str, *args: str) -> subprocess.CompletedProcess[bytes]:
        path = tmp_path / f"{name}.txt"
        path.write_bytes(_text(HERE / "layouts" / f"{name}.txt"))
        return subprocess.run([sys.executable, "-m", "dispatchlib", *args, str(path)], capture_output=True)

    for name in ("not-news-article", "not-op-ed"):
        assert run(name, "check", "--strict").returncode != 0
        converted = run(name, "convert", "--to", "json", "-o", "-")
        assert converted.returncode == 0 and b"[uncertain-dispatch]" in converted.stderr
        assert dl.from_json(converted.stdout.decode()).body
    done = run("headerless-title-date-byline", "check")
    assert done.returncode == 0
    assert b"[no-header]" in done.stdout and b"[evidence]" in done.stdout


# copies whose text export does not read back to the same model yet: a header stood inside a
# collapsed paragraph (the export keeps the paragraph, which the reader then splits at the header);
# an e-mail's one item left untitled, whose heading under the meta block reads back as the title; a
# blog's headline kept as the body's first heading under the report's own title, which the text
# export writes as a line of its own that reads back as the sentence it is (the format marks no heading)
_NOT_YET_ROUND_TRIP = {"digest-email-collapsed", "email-daily-long-topics", "blog-commentary-over-institute-transcript"}


@pytest.mark.parametrize("path", [p for p in DISPATCHES if p.stem not in _NOT_YET_ROUND_TRIP], ids=_id)
def test_layout_reads_back_from_its_text_export(path: Path) -> None:
    """What the reader made of a real-page layout, exported as text, reads back to the same model."""
    document, _ = dl.read_bytes(_text(path), source=path.name)
    assert isinstance(document, dl.Dispatch)
    assert dl.parse(dl.to_text(document))[0] == document


def test_images_known_by_their_file_names_read_back_from_the_book_and_the_word_file() -> None:
    """Each figure of a copy that kept only its images' file names shows in the EPUB and the Word
    file as a line saying an image was there, with its caption and credit; no broken picture."""
    dispatch, _ = _read("figures-image-file-names")
    figures = [block for block in dispatch.body if isinstance(block, dl.Figure)]
    assert [figure.caption for figure in figures] == [
        "Orlo Tamsin",
        'The tide table printed on March 1: "high water at noon"',
        "Velma Quist, head of the harbour office",
    ]
    with zipfile.ZipFile(io.BytesIO(dl.export(dispatch, "epub"))) as book:
        chapter = next(name for name in book.namelist() if re.search(r"/d\d+\.xhtml$", name))
        page = etree.fromstring(book.read(chapter))
    shown = [" ".join("".join(caption.itertext()).split()) for caption in page.iter(f"{XHTML}figcaption")]
    assert shown == [
        "Image Orlo Tamsin",
        "Image The tide table printed on March 1: “high water at noon”",
        "Image Velma Quist, head of the harbour office Source: example-post.test",
    ]
    assert not list(page.iter(f"{XHTML}img"))
    word = docx.Document(io.BytesIO(dl.export(dispatch, "docx")))
    lines = [paragraph.text for paragraph in word.paragraphs if paragraph.text.startswith("Image — ")]
    assert lines == [
        "Image — Orlo Tamsin",
        "Image — The tide table printed on March 1: “high water at noon”",
        "Image — Velma Quist, head of the harbour office — Source: example-post.test",
    ]
