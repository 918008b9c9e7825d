"""Coverage-guided fuzzing of the dispatch parser with atheris (libFuzzer).

    pip install atheris
    python fuzz/fuzz_parse.py -runs=1000000 -seed=1 fuzz/seeds

The seed folder starts from the packaged corpus; copy it in first::

    mkdir -p fuzz/seeds
    cp src/dispatchlib/testing/corpus/*.txt src/dispatchlib/testing/corpus/variants/*.txt fuzz/seeds

libFuzzer adds the inputs that reach new code. The properties: lenient parsing never raises,
strict parsing raises nothing but ParseError, and parse_many never raises. A crash is saved by
libFuzzer as ``crash-*``; turn it into a regression test in tests/test_parse.py.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import dispatchlib
    import dispatchlib.reading.parser  # the package loads modules on first use: load the parser here, instrumented


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    dispatchlib.parse(text, source="fuzz")
    dispatchlib.parse_many(text, source="fuzz")
    with contextlib.suppress(dispatchlib.ParseError):
        dispatchlib.parse(text, source="fuzz", strict=True)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
