"""The structural reader: text (as copied from a page or an e-mail) -> :class:`~dispatchlib.Dispatch`.

Every input form feeds this package. Where things live:

- :mod:`.layouts` — what the reader knows about real pages, as data: page chrome, notices,
  series names, month names and byline words per language. A new site's chrome or a new
  language is one entry there.
- :mod:`.start` — where the dispatch starts in a page's text, chosen by scoring candidate lines.
- :mod:`.header` — one line at a time: header, byline, meta and TV-clip lines, dates.
- :mod:`.top` — the top of a dispatch: its header, a TV clip's or a digest's top, with
  :mod:`.title` (the title) and :mod:`.meta` (date, byline and topics lines).
- :mod:`.blocks` — the body: units of lines typed as paragraphs, headings, figures and so on.
- :mod:`.tail` — the end of the text: page tails, repost tails, notices.
- :mod:`.notes` — the notes list at the end.
- :mod:`.evidence` — whether the text is a dispatch, said either way.
- :mod:`.parser` — the rules that put these together, and the diagnostics (:mod:`.cursor`
  holds the lines and the findings every part shares).
- :mod:`.pages` — saved web pages: the page's text as a copy would give it, read by the above,
  then given back what copying loses (note links, image credits and alt text, the page's URL).
- :mod:`.mail` — e-mail alerts (``.eml``, ``.mbox``): the HTML part through :mod:`.pages`, else
  the text part.
"""

from __future__ import annotations

from .parser import parse, parse_many, read_document

__all__ = ["parse", "parse_many", "read_document"]
