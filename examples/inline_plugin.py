"""Register a plugin at run time, with no packaging, and convert the seed dispatch with it.

    python examples/inline_plugin.py

The plugin adds a ``wordcount`` exporter and a processor that drops video pointers; both work
through the same hooks an installed plugin uses.
"""

from __future__ import annotations

from pathlib import Path

import attrs

import dispatchlib


class WordCount:
    """An exporter that reports how many words each part of a dispatch has."""

    @dispatchlib.hookimpl
    def register_exporters(self, register):  # type: ignore[no-untyped-def]
        register(dispatchlib.Exporter(name="wordcount", export=self.export, suffix=".txt", media_type="text/plain"))

    @staticmethod
    def export(document: dispatchlib.Document, options: dispatchlib.ExportOptions) -> bytes:
        dispatches = document.dispatches if isinstance(document, dispatchlib.Collection) else (document,)
        lines = []
        for dispatch in dispatches:
            body = sum(len(dispatchlib.plain_text(getattr(b, "content", ())).split()) for b in dispatch.body)
            notes = sum(len(note.text.split()) for note in dispatch.notes)
            lines.append(
                f"{dispatch.series} No. {dispatch.number}: {body} words, {len(dispatch.notes)} notes ({notes} words)"
            )
        return ("\n".join(lines) + "\n").encode("utf-8")

    @dispatchlib.hookimpl
    def process_dispatch(self, dispatch: dispatchlib.Dispatch) -> dispatchlib.Dispatch | None:
        body = tuple(b for b in dispatch.body if not isinstance(b, dispatchlib.MediaPointer))
        return attrs.evolve(dispatch, body=body) if body != dispatch.body else None


def main() -> None:
    host = dispatchlib.make_plugin_host(plugins=[WordCount()])
    seed = Path(__file__).parent / "special-dispatch-10523.txt"
    document, _ = dispatchlib.read_file(seed, host=host)
    print(dispatchlib.export(document, "wordcount", host=host).decode(), end="")


if __name__ == "__main__":
    main()
