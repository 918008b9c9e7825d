"""The documentation site as a reader sees it: every page's headings are on its built page, and no
Markdown fence shows as text. A strict build passes pages whose fences swallowed half their
content, so the built HTML is what is judged here."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").glob("*.md"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built strictly by Zensical from a copy of docs/ and mkdocs.yml (Zensical builds
    into the configuration's folder; the checkout stays as it was)."""
    if importlib.util.find_spec("zensical") is None:
        pytest.skip("Zensical is missing: pip install -e '.[docs]'")
    project = tmp_path_factory.mktemp("docs-project")
    shutil.copytree(ROOT / "docs", project / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("paths: [src]", f"paths: [{ROOT / 'src'}]"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


def _markdown_headings(page: Path) -> list[str]:
    """Each heading's text as a reader sees it: inline code and emphasis without their marks."""
    tokens = MarkdownIt().parse(page.read_text(encoding="utf-8"))
    return [
        "".join(child.content for child in (tokens[i + 1].children or []))
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def _built(site: Path, page: Path) -> html.HtmlElement:
    built = site / ("index.html" if page.stem == "index" else f"{page.stem}/index.html")
    article = html.parse(str(built)).find(".//article")
    assert article is not None, built
    for mark in article.find_class("headerlink"):
        mark.drop_tree()
    return article


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_every_heading_is_on_the_built_page(site: Path, page: Path) -> None:
    """Each Markdown heading is a heading of the built page, with the same text."""
    article = _built(site, page)
    built = {_flat(h.text_content()) for h in article.iter("h1", "h2", "h3", "h4", "h5", "h6")}
    missing = [heading for heading in _markdown_headings(page) if _flat(heading) not in built]
    assert not missing, f"{page.name}: headings missing from the built page: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_no_fence_leaks_into_the_prose(site: Path, page: Path) -> None:
    """Outside code blocks no fence marks show, and each fenced block is a code block."""
    article = _built(site, page)
    fences = [t for t in MarkdownIt().parse(page.read_text(encoding="utf-8")) if t.type == "fence"]
    assert len(article.findall(".//pre")) >= len(fences)
    for block in article.findall(".//pre"):
        block.drop_tree()
    for code in article.iter("code"):
        code.drop_tree()
    leaks = re.findall(r".{0,40}(?:```|~~~).{0,40}", article.text_content())
    assert not leaks, f"{page.name}: fence marks in the text: {leaks}"


def _documented_functions(site: Path) -> list[tuple[str, object, html.HtmlElement]]:
    """The functions the Python API page documents: dotted name, function, its section."""
    import importlib
    import inspect

    found = []
    for heading in html.parse(str(site / "api" / "index.html")).iter("h2", "h3", "h4", "h5"):
        module, _, name = (heading.get("id") or "").rpartition(".")
        if not module.startswith("dispatchlib"):
            continue
        try:
            function = getattr(importlib.import_module(module), name, None)
        except ImportError:  # a class's member: dispatchlib.batch.Result.ok
            continue
        if inspect.isfunction(function):
            found.append((f"{module}.{name}", function, heading.getnext()))
    return found


def test_parameter_tables_are_whole(site: Path) -> None:
    """A function documented with a parameter table lists all its parameters, in order, and no
    paragraph of its docstring follows its fields (it would land in the last parameter's row)."""
    import inspect

    functions = _documented_functions(site)
    assert len(functions) > 20
    for name, function, section in functions:
        table = section.find(".//table")
        if table is None:
            continue
        listed = [row.find("td").text_content().strip() for row in table.findall(".//tbody/tr")]
        assert listed == list(inspect.signature(function).parameters), name  # type: ignore[arg-type]
        doc = (inspect.getdoc(function) or "").splitlines()
        fields = next(i for i, line in enumerate(doc) if line.startswith(":param"))
        assert all(not line or line.startswith((" ", ":")) for line in doc[fields:]), name


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_lists_keep_their_nesting(site: Path, page: Path) -> None:
    """Each list item of the Markdown (as CommonMark reads it) is a list item of the built page at
    the same depth: Python-Markdown wants four spaces where CommonMark takes three, and a list
    indented too little is flattened into its parent without a warning."""
    depth, wanted = 0, []
    for token in MarkdownIt().parse(page.read_text(encoding="utf-8")):
        depth += {"bullet_list_open": 1, "ordered_list_open": 1, "bullet_list_close": -1, "ordered_list_close": -1}.get(
            token.type, 0
        )
        if token.type == "list_item_open":
            wanted.append(depth)
    article = _built(site, page)
    built = [len(list(item.iterancestors("ul", "ol"))) for item in article.iter("li")]
    if page.stem in ("api", "cli"):  # generated content adds lists of its own
        assert all(d in built for d in set(wanted)), page.name
        return
    assert sorted(built) == sorted(wanted), page.name
