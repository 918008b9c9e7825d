"""dispatchlib's benchmark: per-dispatch costs, big collections, and pandoc on the same content.

    python benchmarks/run.py                 # 1,000 seed-sized dispatches, 3 runs each
    python benchmarks/run.py --count 200 --runs 5

It builds a synthetic corpus from the shapes in tests/corpus (numbers, dates and lengths vary;
seed-sized by default), then prints one table of medians. Times are wall-clock on this machine
and mean little alone: each pandoc row is measured in the same run, and the ratio column says how
many times faster dispatchlib is. pandoc 3.9 comes from ``pypandoc-binary``; its one-process-
per-file rows run on a sample and are extrapolated (marked "sampled").
"""

from __future__ import annotations

import argparse
import datetime
import io
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import dispatchlib as dl

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "src" / "dispatchlib" / "testing" / "corpus").rglob("*.txt"))


def synthetic_corpus(count: int, seed: int = 1) -> list[dl.Dispatch]:
    """``count`` dispatches in the corpus's shapes, each about as long as the seed dispatch (its
    text length varies by 15%), with new numbers and dates: short shapes are filled up with the
    seed's paragraphs."""
    rng = random.Random(seed)
    shapes = [dl.read_file(path)[0] for path in CORPUS]
    filler = [b for b in shapes[0].body if isinstance(b, dl.Paragraph)]  # type: ignore[union-attr]
    seed_length = len(dl.to_text(shapes[0]))  # type: ignore[arg-type]
    made = []
    for index in range(count):
        shape = shapes[index % len(shapes)]
        assert isinstance(shape, dl.Dispatch)
        target = rng.gauss(seed_length, seed_length * 0.15)
        body = list(shape.body)
        length = len(dl.to_text(shape))
        while length < target:
            paragraph = rng.choice(filler)
            body.append(paragraph)
            length += len(dl.plain_text(paragraph.content)) + 2
        made.append(
            attrs.evolve(
                shape,
                number=10_000 + index,
                body=tuple(body),
                date=datetime.date(2015, 1, 1) + datetime.timedelta(days=index),
            )
        )
    return made


def median_time(action: Callable[[], object], runs: int) -> float:
    """The median wall-clock seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def child_peak(code: str) -> tuple[float, float]:
    """Seconds and peak resident MiB of ``code`` run in a fresh Python process."""
    wrapper = (
        f"import resource, time\nstart = time.perf_counter()\n{code}\n"
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, kib = done.stdout.split()[-2:]
    return float(seconds), int(kib) / 1024


def markdown(dispatch: dl.Dispatch) -> str:
    """The dispatch as pandoc Markdown with footnotes, for pandoc's side of the comparison."""
    text = dl.to_text(dispatch)
    text = re.sub(r"^\[(\d+)\]", r"[^\1]:", text, flags=re.MULTILINE)
    return re.sub(r"(?<!^)\[(\d+)\](?!:)", r"[^\1]", text, flags=re.MULTILINE)


def pandoc_path() -> str | None:
    try:
        import pypandoc  # type: ignore[import-untyped]

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return None


class Table:
    """Rows of the printed table."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, ours: str, pandoc: str = "", ratio: str = "") -> None:
        self.rows.append((what, ours, pandoc, ratio))
        print(f"  {what:<58} {ours:>16} {pandoc:>22} {ratio:>9}", flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="dispatches in the synthetic corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is printed")
    parser.add_argument("--sample", type=int, default=20, help="files pandoc converts one process each")
    args = parser.parse_args()
    corpus = synthetic_corpus(args.count)
    texts = [dl.to_text(d) for d in corpus]
    table = Table()
    print(
        f"dispatchlib benchmark: {args.count} dispatches, median of {args.runs} runs, "
        f"{sum(map(len, texts)) / len(texts) / 1024:.1f} KiB of text each on average"
    )
    print(f"  {'':<58} {'dispatchlib':>16} {'pandoc 3.9':>22} {'ratio':>9}")

    per = median_time(lambda: [dl.parse(t) for t in texts], args.runs) / len(texts)
    table.add("parse, per dispatch", ms(per))
    formats: dict[str, float] = {}
    for name in ("json", "txt", "epub", "docx"):
        formats[name] = median_time(lambda name=name: [dl.export(d, name) for d in corpus], args.runs) / len(corpus)
        table.add(f"{name} export, per dispatch (in a batch)", ms(formats[name]))

    import docx

    def fresh_document() -> None:
        for _ in corpus:
            document = docx.Document()
            document.add_paragraph("x")
            document.save(io.BytesIO())

    baseline = median_time(fresh_document, args.runs) / len(corpus)
    table.add(
        "python-docx baseline: fresh Document() + save, per file",
        ms(baseline),
        "",
        f"{baseline / formats['docx']:.2f}x",
    )

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus.json"
        source.write_text(dl.to_json(dl.Collection(dispatches=tuple(corpus))), encoding="utf-8")
        for name in ("epub", "docx"):
            seconds, peak = child_peak(
                f"import dispatchlib as dl\ncollection = dl.from_json(open({str(source)!r}).read())\n"
                f"data = dl.export(collection, {name!r})"
            )
            table.add(
                f"one {name} of {args.count} dispatches (time, peak memory)", f"{seconds:.2f} s", f"{peak:.0f} MiB peak"
            )
        pandoc = pandoc_path()
        if pandoc is None:
            print("  pandoc rows skipped: pip install pypandoc-binary")
            return
        sample = corpus[: args.sample]
        files = []
        for index, dispatch in enumerate(sample):
            path = Path(folder) / f"d{index}.md"
            path.write_text(markdown(dispatch), encoding="utf-8")
            files.append(path)
        for name, suffix in (("epub", "epub"), ("docx", "docx"), ("txt", "plain")):
            target = "plain" if name == "txt" else name

            def run_pandoc(target: str = target, suffix: str = suffix) -> None:
                for path in files:
                    subprocess.run(
                        [pandoc, "-f", "markdown", "-t", target, "-o", f"{path}.{suffix}", str(path)],
                        check=True,
                        capture_output=True,
                    )

            theirs = median_time(run_pandoc, args.runs) / len(files)
            table.add(
                f"{name}: {args.count} files (ours in one process; pandoc one each, sampled)",
                f"{formats[name] * args.count:.2f} s",
                f"{theirs * args.count:.2f} s",
                f"{theirs / formats[name]:.1f}x",
            )
        hundred = corpus[:100]
        book = Path(folder) / "hundred.md"
        book.write_text("\n\n".join(markdown(d) for d in hundred), encoding="utf-8")
        theirs = median_time(
            lambda: subprocess.run(
                [pandoc, "-f", "markdown", "-o", f"{book}.epub", str(book)], check=True, capture_output=True
            ),
            args.runs,
        )
        collection = dl.Collection(title="Hundred", dispatches=tuple(hundred))
        ours = median_time(lambda: dl.export(collection, "epub"), args.runs)
        table.add("100 dispatches into one EPUB", f"{ours:.3f} s", f"{theirs:.3f} s", f"{theirs / ours:.1f}x")


if __name__ == "__main__":
    main()
