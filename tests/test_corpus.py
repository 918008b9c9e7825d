"""Every corpus file parses to the model a careful reader expects, pinned in golden JSON files."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import CORPUS_FILES, GOLDEN, SEED, corpus_id

import dispatchlib as dl


def _parse(path: Path) -> tuple[dl.Dispatch, list[dl.Diagnostic]]:
    document, diagnostics = dl.read_file(path)
    assert isinstance(document, dl.Dispatch)
    return document, diagnostics


@pytest.mark.parametrize("path", CORPUS_FILES, ids=corpus_id)
def test_corpus_file_matches_golden_json(path: Path, update_goldens: bool) -> None:
    """The parsed model of each corpus file equals its reviewed golden JSON."""
    document, _ = _parse(path)
    golden = GOLDEN / f"{path.stem}.json"
    if update_goldens:
        golden.write_text(dl.to_json(document), encoding="utf-8")
    assert dl.from_json(golden.read_text(encoding="utf-8")) == document


def test_seed_has_the_values_a_reader_expects() -> None:
    """The seed: header, title, topics, three dated notes, two credit-less figures, 16 paragraphs."""
    seed, _ = _parse(SEED)
    assert (seed.series, seed.number, seed.date) == ("Special Dispatch", 10523, datetime.date(2023, 3, 14))
    assert seed.title.startswith("Foreign Policy Expert Yusin: Russian Peacekeeping Force")
    assert seed.title.endswith("Has Lost The Respect Of Both Armenia And Azerbaijan")
    assert seed.topics == ("Russia",)
    assert seed.authors == ()
    assert [n.date for n in seed.notes] == [datetime.date(2023, 3, d) for d in (6, 8, 7)]
    assert all(n.outlet_missing for n in seed.notes)
    figures = [b for b in seed.body if isinstance(b, dl.Figure)]
    assert [(f.caption, f.credit_missing) for f in figures] == [
        ("Armenian forces in Nagorno-Karabakh", True),
        ("Nikol Pashinyan", True),
    ]
    assert sum(isinstance(b, dl.Paragraph) for b in seed.body) == 16
    boundaries = [b for b in seed.body if isinstance(b, dl.TranslationBoundary)]
    assert len(boundaries) == 1 and boundaries[0].source_note == 3
    assert seed.body.index(boundaries[0]) == 4
    assert "Share this Report" not in dl.to_json(seed)


def test_seed_note_references_are_inline_elements() -> None:
    """``[1]`` in the text becomes a NoteRef, never text."""
    seed, _ = _parse(SEED)
    first = seed.body[0]
    assert isinstance(first, dl.Paragraph)
    assert first.content[-1] == dl.NoteRef(number=1)
    assert "[1]" not in dl.plain_text(first.content)


def _codes(path: Path) -> set[str]:
    return {d.code for d in _parse(path)[1]}


def test_damaged_file_reports_its_damage() -> None:
    """CRLF, BOM, non-breaking space, hidden e-mail and lost outlet are each reported."""
    path = next(p for p in CORPUS_FILES if p.stem == "damaged-crlf")
    assert {"line-endings", "byte-order-mark", "odd-whitespace", "email-hidden", "outlet-lost"} <= _codes(path)
    document, _ = _parse(path)
    assert "\u00a0" not in dl.to_json(document)


def test_truncated_file_is_flagged() -> None:
    """The subscriber notice sets the truncated flag and is reported, not kept as text."""
    path = next(p for p in CORPUS_FILES if p.stem == "subscriber-truncated")
    document, diagnostics = _parse(path)
    assert document.truncated
    assert "truncated" in {d.code for d in diagnostics}
    assert not any("subscribers" in dl.plain_text(getattr(b, "content", ())) for b in document.body)


def test_tv_clip_header() -> None:
    """Clip number, duration and glued channels are read from the TV-clip header."""
    path = next(p for p in CORPUS_FILES if p.stem == "tv-clip")
    clip, diagnostics = _parse(path)
    assert (clip.series, clip.number, clip.date) == ("MEMRI TV Clip", 1632, datetime.date(2007, 12, 1))
    assert clip.clip == dl.Clip(duration_seconds=161, channels=("Example TV (Qatar)", "Second Channel (Qatar)"))
    kinds = [type(b).__name__ for b in clip.body]
    assert kinds == ["TranslationBoundary", "SpeakerTurn", "SpeakerTurn", "StageDirection", "SpeakerTurn"]
    assert "page-chrome" in {d.code for d in diagnostics}


def test_authors_and_author_note() -> None:
    """Authors are split from the byline; the '*' note is kept as the author note; topics de-duplicated."""
    path = next(p for p in CORPUS_FILES if p.stem == "inquiry-analysis-authors")
    document, diagnostics = _parse(path)
    assert document.authors == ("R. Example", "T. Sample", "Q. Placeholder")
    assert document.author_note == "R. Example, T. Sample and Q. Placeholder are research fellows."
    assert document.topics == ("Egypt", "Jordan", "The Gulf")
    assert "duplicate-topic" in {d.code for d in diagnostics}
    assert [b.text for b in document.body if isinstance(b, dl.Heading)] == [
        "Introduction",
        "The Provincial Governor's Position",
        "Editorial Responses",
    ]


def test_email_form_header_and_repost_tail() -> None:
    """The e-mail header gives topics after the dash; the repost tail gives the source URL."""
    path = next(p for p in CORPUS_FILES if p.stem == "email-bundle-emdash")
    document, _ = _parse(path)
    assert (document.series, document.number, document.date) == ("Special Dispatch", 3175, None)
    assert document.topics == ("Tunisia", "Algeria", "Economy")
    assert document.source_url == "http://www.example.org/report/3175.htm"


def test_paren_references_in_older_texts() -> None:
    """Older texts write references as (1); they become NoteRefs when the notes use (1) too."""
    path = next(p for p in CORPUS_FILES if p.stem == "no-topics-older")
    document, diagnostics = _parse(path)
    first = document.body[0]
    assert isinstance(first, dl.TranslationBoundary)
    assert dl.NoteRef(number=1) in first.content
    assert document.notes[0].outlet == "Example Daily (Lebanon)"
    assert not any(d.code == "missing-note" for d in diagnostics)


def test_figures_credits_and_alt_text() -> None:
    """A credit is read, a lost credit is recorded as missing, generated alt text is kept as such."""
    path = next(p for p in CORPUS_FILES if p.stem == "captions-and-credits")
    document, _ = _parse(path)
    figures = [b for b in document.body if isinstance(b, dl.Figure)]
    assert figures == [
        dl.Figure(caption="The union leader at a rally", credit="Example Weekly, Morocco"),
        dl.Figure(caption="Workers at the harbor", credit_missing=True),
        dl.Figure(alt_text="A picture containing text, outdoor, crane"),
    ]
