"""Coverage-guided fuzzing of the JSON reader with atheris (libFuzzer).

    pip install atheris
    python fuzz/fuzz_json.py -runs=1000000 -seed=1 -max_len=8192 fuzz/json-seeds

The seed folder starts from the JSON of the packaged corpus; make it first::

    mkdir -p fuzz/json-seeds
    for f in src/dispatchlib/testing/corpus/*.txt src/dispatchlib/testing/corpus/variants/*.txt; do
        dispatchlib convert "$f" --to json -o "fuzz/json-seeds/$(basename "$f" .txt).json"
    done

The properties: reading any bytes raises nothing but ParseError; what it accepts writes back to
JSON that reads as the same model, and every built-in text exporter takes it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import dispatchlib
    import dispatchlib.formats.json  # loaded on first use: load it here, instrumented


def test_one_input(data: bytes) -> None:
    try:
        document = dispatchlib.from_json(data, source="fuzz.json")
    except dispatchlib.ParseError:
        return
    assert dispatchlib.from_json(dispatchlib.to_json(document)) == document
    dispatchlib.export(document, "txt")
    dispatchlib.export(document, "json")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
