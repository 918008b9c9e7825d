"""dispatchlib's benchmark: per-dispatch costs, batches, big books, start-up, and pandoc beside them.

    python benchmarks/run.py                      # 1,000 seed-sized dispatches, 3 runs each
    python benchmarks/run.py --count 200 --runs 1 # a quick look
    python benchmarks/run.py --check              # exit 1 if a target below is missed

It builds a synthetic corpus from the layouts in the packaged corpus (numbers, dates and lengths
vary; each about as long as the seed dispatch) and prints one table of medians. Each pandoc row is
measured in the same run on the same content as Markdown, and the ratio says how many times
faster dispatchlib is; pandoc 3.9 comes from ``pypandoc-binary``. pandoc's one-process-per-file
rows run on a sample and are extrapolated (marked "sampled"). Times are wall-clock and depend on
the machine; the targets are for a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import io
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs

import dispatchlib as dl
from dispatchlib.testing import CORPUS

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILES = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "variants").glob("*.txt"))
LAYOUTS = ROOT / "tests" / "layouts"
PAGES = ROOT / "tests" / "pages"

# target key: (at most, or at least when negative) -- the targets
TARGETS: dict[str, tuple[str, float]] = {
    "parse-ms": ("max", 0.5),
    "json-ms": ("max", 0.3),
    "txt-ms": ("max", 0.3),
    "epub-ms": ("max", 2.0),
    "docx-ms": ("max", 5.0),
    "batch-epub-ratio": ("min", 20.0),
    "batch-docx-ratio": ("min", 10.0),
    "hundred-epub-ratio": ("min", 20.0),
    "ten-thousand-epub-s": ("max", 60.0),
    "ten-thousand-epub-mib": ("max", 1024.0),
    "j2-speedup-epub": ("min", 1.8),
    "j2-speedup-docx": ("min", 1.8),
    "j2-speedup-txt": ("min", 1.8),
    "cli-txt-vs-pandoc": ("max", 2.0),
    "import-ms": ("max", 60.0),
    "parse-growth-10x": ("max", 11.0),
    "pdf-ms": ("max", 15.0),
    "hundred-pdf-s": ("max", 0.5),
    "feed-200-epub-s": ("max", 5.0),  # plus the --delay waits, which the row sets to 0
}


def synthetic_corpus(count: int, seed: int = 1) -> list[dl.Dispatch]:
    """``count`` dispatches in the corpus's layouts, each about as long as the seed dispatch (its
    text length varies by 15%), with new numbers and dates: short layouts are filled up with the
    seed's paragraphs."""
    rng = random.Random(seed)
    shapes = [dl.read_file(path)[0] for path in CORPUS_FILES]
    filler = [b for b in shapes[0].body if isinstance(b, dl.Paragraph)]  # type: ignore[union-attr]
    seed_length = len(dl.to_text(shapes[0]))
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
        date = datetime.date(2015, 1, 1) + datetime.timedelta(days=index)
        made.append(attrs.evolve(shape, number=10_000 + index, body=tuple(body), date=date))
    return made


def median_time(action: Callable[[], object], runs: int) -> float:
    """The median wall-clock seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def child(code: str) -> tuple[float, float]:
    """``code`` run in a fresh Python process: the seconds it reports in ``elapsed``, and its peak MiB.

    The peak is the process's own high-water mark (VmHWM); getrusage's ru_maxrss would report the
    benchmark's own size, which Linux carries across exec.
    """
    peak = "[int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM:')][0]"
    wrapper = f"{code}\nprint(elapsed, {peak})"
    done = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, kib = done.stdout.split()[-2:]
    return float(seconds), int(kib) / 1024


def markdown(dispatch: dl.Dispatch) -> str:
    """The dispatch as pandoc Markdown with footnotes, for pandoc's side of the comparison."""
    text = dl.to_text(dispatch)
    text = re.sub(r"^\[(\d+)\]", r"[^\1]:", text, flags=re.MULTILINE)
    return re.sub(r"(?<!^)\[(\d+)\](?!:)", r"[^\1]", text, flags=re.MULTILINE)


def pandoc_path() -> str:
    try:
        import pypandoc  # type: ignore[import-untyped]

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        sys.exit("the benchmark compares with pandoc: pip install pypandoc-binary")


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


class Report:
    """The printed table, and the measured values the targets are checked against."""

    def __init__(self) -> None:
        self.values: dict[str, float] = {}

    def row(self, what: str, ours: str, pandoc: str = "", ratio: str = "", **values: float) -> None:
        self.values.update({key.replace("_", "-"): value for key, value in values.items()})
        marks = []
        for key in values:
            kind, limit = TARGETS.get(key.replace("_", "-"), ("", 0.0))
            if kind:
                value = values[key]
                met = value <= limit if kind == "max" else value >= limit
                marks.append(f"{'ok' if met else 'MISSED'} ({'≤' if kind == 'max' else '≥'} {limit:g})")
        print(f"  {what:<62} {ours:>14} {pandoc:>14} {ratio:>9}  {' '.join(marks)}", flush=True)

    def missed(self) -> list[str]:
        out = []
        for key, (kind, limit) in TARGETS.items():
            if key in self.values:
                value = self.values[key]
                if (value > limit) if kind == "max" else (value < limit):
                    out.append(f"{key}: {value:.3g} (target {'≤' if kind == 'max' else '≥'} {limit:g})")
        return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def per_dispatch(report: Report, corpus: list[dl.Dispatch], runs: int) -> None:
    texts = [dl.to_text(d) for d in corpus]
    # one untimed call each first: loading libraries and templates is start-up, measured below
    dl.parse(texts[0])
    for name in ("json", "txt", "html", "epub", "docx"):
        dl.export(corpus[0], name)
    parse = median_time(lambda: [dl.parse(t) for t in texts], runs) / len(texts)
    report.row("parse, per dispatch", ms(parse), parse_ms=parse * 1000)
    # the tests' fixtures in the layouts of real pages: chrome, reposts, headerless and cut copies
    layouts = [p.read_text(encoding="utf-8").partition("\n")[2] for p in sorted(LAYOUTS.glob("*.txt"))]
    cost = median_time(lambda: [dl.parse(t) for t in layouts], runs) / len(layouts)
    report.row(f"parse, per real-page layout fixture ({len(layouts)})", ms(cost))
    # saved pages and e-mail alerts: the tests' fixtures, read from bytes (no disk, no network)
    for label, names in (
        (
            "read a saved page (.html, images from its folder)",
            ["report-page.html", "tv-clip-page.html", "blog-repost.html"],
        ),
        ("read an e-mail alert (.eml, HTML part)", ["alert.eml"]),
    ):
        inputs = [(str(PAGES / name), (PAGES / name).read_bytes()) for name in names]
        dl.read_bytes(inputs[0][1], source=inputs[0][0])
        cost = median_time(lambda inputs=inputs: [dl.read_bytes(d, source=n) for n, d in inputs], runs) / len(inputs)
        theirs = _trafilatura_ms([data for _, data in inputs], runs)
        report.row(f"{label}, per document", ms(cost), theirs, "trafilatura" if theirs != "-" else "")
    for name in ("json", "txt", "html", "epub", "docx"):
        cost = median_time(lambda name=name: [dl.export(d, name) for d in corpus], runs) / len(corpus)
        report.row(f"{name} export, per dispatch, in one process", ms(cost), **{f"{name}_ms": cost * 1000})
    documents = [dl.export(d, "json") for d in corpus]
    dl.from_json(documents[0])  # the schema's validator is built once, on first use
    cost = median_time(lambda: [dl.from_json(data) for data in documents], runs) / len(corpus)
    report.row("json read (schema-validated), per dispatch", ms(cost))
    plain = dl.ExportOptions(generate_cover=False)
    cost = median_time(lambda: [dl.export(d, "epub", plain) for d in corpus], runs) / len(corpus)
    report.row("epub export without the generated cover (--no-cover)", ms(cost))
    from dispatchlib.formats._cover import cover_png

    lines = [(dl.display_title(d), dl.series_line(d), dl.date_text(d.date)) for d in corpus]
    cost = median_time(lambda: [cover_png(*line) for line in lines], runs)
    report.row("  of which the generated cover alone (1200x1800 PNG)", ms(cost / len(corpus)))

    import docx

    def fresh_document() -> None:
        for _ in corpus:
            document = docx.Document()
            document.add_paragraph("x")
            document.save(io.BytesIO())

    baseline = median_time(fresh_document, runs) / len(corpus)
    report.row("python-docx floor: a fresh Document() and save(), per file", ms(baseline))


def _trafilatura_ms(documents: list[bytes], runs: int) -> str:
    """trafilatura's own extraction of the same pages (the text of an e-mail's HTML part), per
    document, as the reference for reading pages; "-" when it is not installed."""
    try:
        import trafilatura  # type: ignore[import-untyped]
    except ImportError:
        print("  (pip install trafilatura for the page-reading reference)", flush=True)
        return "-"
    import email
    import email.policy

    pages = []
    for data in documents:
        if data.lstrip()[:1] == b"<":
            pages.append(data.decode("utf-8", errors="replace"))
        else:
            message = email.message_from_bytes(data, policy=email.policy.default)
            part = message.get_body(preferencelist=("html",))  # type: ignore[attr-defined]
            pages.append(part.get_content() if part is not None else "")
    trafilatura.extract(pages[0])
    cost = median_time(lambda: [trafilatura.extract(page) for page in pages], runs) / len(pages)
    return ms(cost)


def machine_ceiling(report: Report) -> float:
    """How much faster two processes of pure Python get through twice the work of one: the most
    any -j 2 can gain here (a virtual machine's two cores may share one)."""
    code = (
        "import time\nstart = time.perf_counter()\nsum(i * i for i in range(6_000_000))\n"
        "elapsed = time.perf_counter() - start"
    )
    ratios = []  # one process, then two at once, five times: each pair meets the same moment of the host
    with ThreadPoolExecutor(2) as pool:
        for _ in range(5):
            one = child(code)[0]
            both = max(pool.map(lambda _: child(code)[0], range(2)))
            ratios.append(2 * one / both)
    ceiling = statistics.median(ratios)
    report.row(f"this machine: {os.cpu_count()} cores; two busy processes get through", f"{ceiling:.2f}x")
    return ceiling


def batches(report: Report, corpus: list[dl.Dispatch], folder: Path, pandoc: str, runs: int, sample: int) -> None:
    inputs = folder / "inputs"
    inputs.mkdir()
    for index, dispatch in enumerate(corpus):
        (inputs / f"d{index:05d}.txt").write_text(dl.to_text(dispatch), encoding="utf-8")
        (inputs / f"d{index:05d}.md").write_text(markdown(dispatch), encoding="utf-8")
    count = len(corpus)
    sampled = sorted(inputs.glob("*.md"))[:sample]
    for name, pandoc_to in (("epub", "epub"), ("docx", "docx"), ("txt", "plain")):
        times = {}
        for jobs in ("1", "2"):
            out = folder / f"out-{name}-{jobs}"
            times[jobs] = median_time(
                lambda out=out, jobs=jobs, name=name: run(
                    sys.executable,
                    "-m",
                    "dispatchlib",
                    "convert",
                    str(inputs),
                    "--to",
                    name,
                    "--out-dir",
                    str(out),
                    "-j",
                    jobs,
                    "-q",
                ),
                runs,
            )
        theirs = (
            median_time(
                lambda pandoc_to=pandoc_to: [
                    run(pandoc, "-f", "markdown", "-t", pandoc_to, "-o", f"{path}.{pandoc_to}", str(path))
                    for path in sampled
                ],
                runs,
            )
            / len(sampled)
            * count
        )
        ratio = theirs / times["2"]
        report.row(
            f"{count} files to {name}, -j 1 / -j 2 (pandoc: a process each, sampled)",
            f"{times['1']:.1f} / {times['2']:.1f} s",
            f"{theirs:.1f} s",
            f"{ratio:.1f}x",
            **({f"batch_{name}_ratio": ratio} if name != "txt" else {}),
        )
        speedup = times["1"] / times["2"]
        report.row(f"  -j 2 speed-up over -j 1, {name} batch", f"{speedup:.2f}x", **{f"j2_speedup_{name}": speedup})
        if name == "epub":
            plain_out = str(folder / "out-epub-plain")
            plain = median_time(
                lambda plain_out=plain_out: run(
                    sys.executable, "-m", "dispatchlib", "convert", str(inputs), "--to", "epub", "--no-cover",
                    "--out-dir", plain_out, "-j", "2", "-q",
                ),
                runs,
            )  # fmt: skip
            report.row(
                f"{count} files to epub --no-cover (as pandoc's: no cover), -j 2",
                f"{plain:.1f} s",
                f"{theirs:.1f} s",
                f"{theirs / plain:.1f}x",
            )


def books(report: Report, corpus: list[dl.Dispatch], folder: Path, pandoc: str, runs: int, big: int) -> None:
    source = folder / "corpus.json"
    source.write_text(dl.to_json(dl.Collection(dispatches=tuple(corpus[:1000]))), encoding="utf-8")
    for name in ("epub", "docx"):
        seconds, peak = child(
            f"import time, dispatchlib as dl\ncollection = dl.from_json(open({str(source)!r}).read())\n"
            f"start = time.perf_counter()\ndl.export(collection, {name!r})\nelapsed = time.perf_counter() - start"
        )
        report.row(
            f"one {name} of {min(1000, len(corpus))} dispatches: time, peak memory",
            f"{seconds:.2f} s",
            f"{peak:.0f} MiB",
        )
    seconds, peak = child(
        f"import sys, time\nsys.path.insert(0, {str(Path(__file__).parent)!r})\nimport run, dispatchlib as dl\n"
        f"collection = dl.Collection(dispatches=tuple(run.synthetic_corpus({big})))\n"
        "start = time.perf_counter()\ndl.export(collection, 'epub')\nelapsed = time.perf_counter() - start"
    )
    checked = {"ten_thousand_epub_s": seconds, "ten_thousand_epub_mib": peak} if big >= 10_000 else {}
    report.row(f"one epub of {big} dispatches: time, peak memory", f"{seconds:.1f} s", f"{peak:.0f} MiB", **checked)
    hundred = corpus[:100]
    book = folder / "hundred.md"
    book.write_text("\n\n".join(markdown(d) for d in hundred), encoding="utf-8")
    theirs = median_time(lambda: run(pandoc, "-f", "markdown", "-o", f"{book}.epub", str(book)), runs)
    collection = dl.Collection(title="Hundred", dispatches=tuple(hundred))
    ours = median_time(lambda: dl.export(collection, "epub"), runs)
    report.row(
        f"{len(hundred)} dispatches into one EPUB",
        f"{ours:.3f} s",
        f"{theirs:.3f} s",
        f"{theirs / ours:.1f}x",
        hundred_epub_ratio=theirs / ours,
    )
    if "pdf" in dl.default_host().exporters:  # plugins/dispatchlib-pdf, installed
        one = median_time(lambda: dl.export(hundred[0], "pdf"), runs)
        whole = median_time(lambda: dl.export(collection, "pdf"), runs)
        report.row("one dispatch / 100 dispatches into one PDF (pandoc: the EPUB)", f"{one:.3f} / {whole:.3f} s",
                   f"{theirs:.3f} s", f"{theirs / whole:.1f}x", pdf_ms=one * 1000, hundred_pdf_s=whole)  # fmt: skip
    else:
        print("  (pip install ./plugins/dispatchlib-pdf for the PDF rows)", flush=True)


def start_up(report: Report, folder: Path, pandoc: str, runs: int) -> None:
    # as an installed package has them: the modules byte-compiled. An editable install in an
    # environment with PYTHONDONTWRITEBYTECODE would compile every changed module in every process
    import compileall

    for tree in ("src", "plugins"):
        compileall.compile_dir(ROOT / tree, quiet=1)

    def import_ms() -> float:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import dispatchlib"], capture_output=True, text=True, check=True
        )
        return int(done.stderr.strip().splitlines()[-1].split("|")[1]) / 1000

    imports = statistics.median(import_ms() for _ in range(max(runs, 5)))
    report.row("import dispatchlib (python -X importtime)", f"{imports:.1f} ms", import_ms=imports)
    first_parse = median_time(
        lambda: run(sys.executable, "-c", "import dispatchlib; dispatchlib.parse('2024 Special Dispatch No. 1')"),
        max(runs, 5),
    )
    report.row("a process that imports dispatchlib and parses one line", ms(first_parse))
    seed = CORPUS / "special-dispatch-10523.txt"
    markdown_seed = folder / "seed.md"
    markdown_seed.write_text(markdown(dl.read_file(seed)[0]), encoding="utf-8")  # type: ignore[arg-type]
    theirs = median_time(
        lambda: run(pandoc, "-f", "markdown", "-t", "plain", "-o", str(folder / "p.txt"), str(markdown_seed)),
        max(runs, 5),
    )
    for name in ("txt", "json", "epub", "docx"):
        ours = median_time(
            lambda name=name: run(
                sys.executable,
                "-m",
                "dispatchlib",
                "convert",
                str(seed),
                "--to",
                name,
                "-o",
                str(folder / f"one.{name}"),
                "-q",
            ),
            max(runs, 5),
        )
        if name == "txt":
            report.row(
                "one file, one process, to txt (pandoc: -t plain)",
                ms(ours),
                ms(theirs),
                f"{theirs / ours:.2f}x",
                cli_txt_vs_pandoc=ours / theirs,
            )
            floor = median_time(lambda: run(sys.executable, "-c", _FLOOR), max(runs, 5))
            report.row("  floor: a process that only imports the libraries it needs", ms(floor), ms(theirs))
        else:
            report.row(f"one file, one process, to {name}", ms(ours))
    many_distributions(report, folder, seed, runs)


def many_distributions(report: Report, folder: Path, seed: Path, runs: int) -> None:
    """Start-up with 300 more distributions installed: finding plugins reads every distribution's
    metadata, which the plugin cache does once per change of the environment."""
    site = folder / "site-300"
    for index in range(300):
        info = site / f"filler_{index}-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: filler-{index}\nVersion: 1.0\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[console_scripts]\nfiller{index} = filler:main\n", encoding="utf-8")
    command = [sys.executable, "-m", "dispatchlib", "convert", str(seed), "--to", "txt", "-o", str(folder / "m.txt")]
    times = {}
    for label, extra in (("cached", {}), ("read every time", {"DISPATCHLIB_NO_PLUGIN_CACHE": "1"})):
        env = {**os.environ, "PYTHONPATH": str(site), **extra}
        subprocess.run(command, check=True, capture_output=True, env=env)  # the first run fills the cache
        times[label] = median_time(
            lambda env=env: subprocess.run(command, check=True, capture_output=True, env=env), max(runs, 5)
        )
    report.row(
        "  the same with 300 more distributions: plugin index cached / read every time",
        f"{ms(times['cached'])} / {ms(times['read every time'])}",
    )


# What every conversion needs before any of dispatchlib's own code runs: the model's attrs, the
# command line's click and the plugin host's pluggy (installed plugins come from a cache).
_FLOOR = "import attrs, click, pluggy"


def parse_growth(report: Report) -> None:
    seed = (CORPUS / "special-dispatch-10523.txt").read_text(encoding="utf-8")
    body = "\n\n".join(seed.split("\n\n")[4:-4])

    def text_of(size: int) -> str:
        return seed.split("\n\n", 4)[0] + "\n\n" + ("\n\n".join([body] * (size // len(body) + 1)))[:size]

    one_mb, ten_mb = text_of(2**20), text_of(10 * 2**20)
    one = median_time(lambda: dl.parse(one_mb), 5)
    ten = median_time(lambda: dl.parse(ten_mb), 5)
    report.row(
        "parse 1 MB / 10 MB of dispatch text",
        f"{one:.2f} / {ten:.2f} s",
        ratio=f"{ten / one:.1f}x",
        parse_growth_10x=ten / one,
    )
    # the same with Python's cyclic garbage collector paused: what is left is the parser's own growth
    # (a parse makes no reference cycles, but each collection walks every object the document holds)
    gc.disable()
    try:
        one, ten = median_time(lambda: dl.parse(one_mb), 5), median_time(lambda: dl.parse(ten_mb), 5)
    finally:
        gc.enable()
    report.row("  the same with the garbage collector paused", f"{one:.2f} / {ten:.2f} s", ratio=f"{ten / one:.1f}x")
    for label, text in (
        ("100,000 '['", "[" * 100_000),
        ("one 5 MB line", "word " * (2**20)),
        ("100,000 '(1)'", "(1) " * 100_000),
        ("1 MB of '[1] '", "[1] " * 2**18),
    ):
        report.row(f"parse {label}", ms(median_time(lambda text=text: dl.parse(text), 1)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="dispatches in the synthetic corpus")
    parser.add_argument("--big", type=int, default=10_000, help="dispatches in the one big EPUB")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is printed")
    parser.add_argument("--sample", type=int, default=20, help="files pandoc converts one process each")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    pandoc = pandoc_path()
    # measure the package as installed: pip writes bytecode at install time, which an editable
    # install under PYTHONDONTWRITEBYTECODE would otherwise never have
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(dl.__file__).parent)], check=True)
    corpus = synthetic_corpus(args.count)
    report = Report()
    average = sum(len(dl.to_text(d)) for d in corpus) / len(corpus) / 1024
    print(f"dispatchlib benchmark: {args.count} dispatches of {average:.1f} KiB on average, median of {args.runs} runs")
    print(f"  {'':<62} {'dispatchlib':>14} {'pandoc 3.9':>14} {'ratio':>9}  target")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        per_dispatch(report, corpus, args.runs)
        machine_ceiling(report)
        batches(report, corpus, folder, pandoc, args.runs, args.sample)
        books(report, corpus, folder, pandoc, args.runs, args.big)
        start_up(report, folder, pandoc, args.runs)
        parse_growth(report)
        from feeds import feed_book  # benchmarks/feeds.py, beside this file

        feed_book(report, folder, args.runs)
    missed = report.missed()
    if missed:
        print("missed targets:\n  " + "\n  ".join(missed))
    if args.check and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
