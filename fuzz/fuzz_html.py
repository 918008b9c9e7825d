"""Coverage-guided fuzzing of the saved-page reader with atheris (libFuzzer).

    pip install atheris
    python fuzz/fuzz_html.py -runs=1000000 -seed=1 -max_len=16384 fuzz/html-seeds

The seed folder starts from the page fixtures; copy them in first::

    mkdir -p fuzz/html-seeds && cp tests/pages/*.html fuzz/html-seeds

The properties: reading any markup raises nothing but ParseError (lenient reading returns,
perhaps with a not-a-dispatch diagnostic), and no image is read (the page has no folder).
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import dispatchlib
    import dispatchlib.reading.pages  # loaded on first use: load it here, instrumented


def _no_images(src: str) -> bytes:
    raise LookupError("no images while fuzzing")


def test_one_input(data: bytes) -> None:
    markup = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    with contextlib.suppress(dispatchlib.InputError):  # markup lxml refuses outright: a one-line error
        dispatchlib.reading.pages.read_page(markup, source="fuzz.html", resources=_no_images)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
