"""The e-book's and Word file's typography (formats/_typography.py), judged by SmartyPants.

The module applies SmartyPants' rules in one pass of its own, for speed; the ``smartypants``
package is the judge: on every line of real-page layouts and the corpus that has something to
educate, both give the same text. The table below holds the rules, among them the cases where
the module is meant to differ (left-out letters and digits; a quote after a dash).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import CORPUS_FILES

import dispatchlib as dl
from dispatchlib.formats._typography import Typesetter, educate, educate_plain, educate_runs

smartypants = pytest.importorskip("smartypants", reason="pip install smartypants (in the 'test' extra)")

TESTS = Path(__file__).parent
# The cases where the module is right and SmartyPants is not: an apostrophe for left-out letters
# or digits is taken by SmartyPants for an opening quote, and so is the second of two double quotes
# closing two quotations at the end of a line ('… says "The Guild.""').
_ELISION = re.compile(r"(?<![\w’'])'(?=\d0s\b|\d\ds\b|n'|em\b|til\b|cause\b|tis\b|twas\b)", re.IGNORECASE)
_KEPT = re.compile(r"https?://|www\.|[_={}\\]")


def _smartypants(text: str) -> str:
    """SmartyPants with the module's settings: quotes, ``backticks''``, ellipses, then old-school
    dashes (after the quotes, so that a quote after ``--`` is judged by the dash as written)."""
    attrs = smartypants.Attr.q | smartypants.Attr.b | smartypants.Attr.e | smartypants.Attr.u
    text = _ELISION.sub("’", " " + text).replace("'n’", "’n’")
    curly = html.unescape(smartypants.smartypants(html.escape(text, quote=False), attrs))[1:]
    if curly.endswith("”“"):  # two quotations closing at the line's end: SmartyPants opens the last
        curly = curly[:-1] + "”"
    return curly.replace("---", "—").replace("--", "–")


def _lines_to_educate() -> list[str]:
    files = [*CORPUS_FILES, *sorted((TESTS / "layouts").glob("*.txt")), *sorted(TESTS.rglob("*.txt"))]
    lines = {
        line
        for path in files
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if any(mark in line for mark in ("'", '"', "--", "...")) and not _KEPT.search(line)
    }
    return sorted(lines)


def test_the_same_as_smartypants_on_real_layouts() -> None:
    lines = _lines_to_educate()
    assert len(lines) > 50
    different = [(line, educate(line), _smartypants(line)) for line in lines if educate(line) != _smartypants(line)]
    assert different == []


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        ('"Isn\'t this fun?"', "", "“Isn’t this fun?”"),
        ('"The sign says "Guild.""', "", "“The sign says “Guild.””"),
        ("the workers' union", "", "the workers’ union"),
        ("He said, \"'Quoted' words in a larger quote.\"", "", "He said, “‘Quoted’ words in a larger quote.”"),
        ("in the '90s, rock 'n' roll", "", "in the ’90s, rock ’n’ roll"),
        ("give 'em 'til dawn, 'cause", "", "give ’em ’til dawn, ’cause"),
        ("five -- or six --- and then...", "", "five – or six — and then…"),
        ("wait . . . and ``so''", "", "wait … and “so”"),
        ('"', "it.", "”"),  # a closing quote in the next run, after a note reference
        ('" and more', "a", "” and more"),
        ('("in brackets")', "", "(“in brackets”)"),
        ('peace--"now"', "", "peace–“now”"),  # after a dash, a quote before a word opens
        ("the end--'", "", "the end–’"),  # and one that ends the phrase closes
        ("at 5'10\"", "", "at 5’10”"),
        ("see https://x.example/it's here", "", "see https://x.example/it's here"),
        ("a_b's = 'c'", "", "a_b's = ‘c’"),
        ("plain words", "", "plain words"),
    ],
)
def test_rules(text: str, before: str, expected: str) -> None:
    assert educate(text, before) == expected


def test_a_paragraph_is_educated_across_its_runs() -> None:
    """A quote is read after the text of the run before it, whatever that run is: a
    right-to-left run kept as it is, a note reference, a link's text."""
    typeset = Typesetter()
    runs = [typeset.educate('He said "'), typeset.keep("\u05e9\u05dc\u05d5\u05dd"), typeset.educate('".')]
    assert runs == ["He said \u201c", "\u05e9\u05dc\u05d5\u05dd", "\u201d."]
    typeset = Typesetter()
    typeset.educate('"Quoted')
    typeset.reference()
    assert typeset.educate('", he said') == "\u201d, he said"
    hebrew = "\u05e9\u05dc\u05d5\u05dd"
    assert educate_plain(f'On "{hebrew}". Done') == f"On \u201c{hebrew}\u201d. Done"
    runs = educate_runs(
        [
            dl.Text(text=f'He said "{hebrew}". "A'),
            dl.ForeignText(text=hebrew, language="he"),
            dl.Text(text='", then "so'),
            dl.NoteRef(number=1),
            dl.Text(text='".'),
        ]
    )
    assert runs == [f"He said \u201c{hebrew}\u201d. \u201cA", hebrew, "\u201d, then \u201cso", None, "\u201d."]
    assert [educate_plain(run) for run in runs if run] == [run for run in runs if run]  # a second pass: no change
