"""Convert every dispatch in a folder to every available format.

    python examples/convert_folder.py examples out

writes ``out/NAME.SUFFIX`` for each input file and each output format that dispatchlib and its
installed plugins provide, and prints what it wrote.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dispatchlib


def main(source: Path, target: Path) -> int:
    target.mkdir(parents=True, exist_ok=True)
    exporters = dispatchlib.default_host().exporters.values()
    inputs = sorted(path for path in source.iterdir() if path.suffix in (".txt", ".json"))
    protected = dispatchlib.input_identities(map(str, inputs))  # never written over, by any name
    for path in inputs:
        document, diagnostics = dispatchlib.read_file(path)
        warnings = [d for d in diagnostics if d.severity is not dispatchlib.Severity.INFO]
        for exporter in exporters:
            output = target / f"{path.stem}{exporter.suffix}"
            try:
                dispatchlib.write_atomic(output, dispatchlib.export(document, exporter.name), inputs=protected)
            except dispatchlib.OutputError as error:
                sys.exit(str(error))
            print(f"{path} -> {output}")
        for warning in warnings:
            print(f"  {warning}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python examples/convert_folder.py SOURCE_FOLDER TARGET_FOLDER")
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
