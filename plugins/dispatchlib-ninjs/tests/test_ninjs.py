"""The ninjs exporter: every output validates against IPTC's ninjs 3.1 schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import dispatchlib as dl
from dispatchlib.testing import CORPUS, check_exporter, corpus

SCHEMA = Path(__file__).parent / "schema" / "ninjs-schema_3.1.json"  # IPTC's, CC BY 4.0: see schema/README.md


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _ninjs(document: dl.Document) -> dict[str, object]:
    result: dict[str, object] = json.loads(dl.export(document, "ninjs"))
    return result


@pytest.mark.parametrize(("name", "dispatch"), corpus(), ids=[name for name, _ in corpus()])
def test_corpus_validates_against_ninjs_31(
    validator: jsonschema.Draft202012Validator, name: str, dispatch: dl.Dispatch
) -> None:
    """Each corpus file's ninjs is valid ninjs 3.1."""
    validator.validate(_ninjs(dispatch))


def test_collection_validates_as_composite(validator: jsonschema.Draft202012Validator) -> None:
    """A collection is a composite item associating its dispatches, and valid ninjs 3.1."""
    item = _ninjs(dl.Collection(title="All", dispatches=tuple(d for _, d in corpus())))
    validator.validate(item)
    assert item["type"] == "composite" and len(item["associations"]) == len(corpus())  # type: ignore[arg-type]


def test_fields_carry_the_dispatch() -> None:
    """uri, headlines, bodies, subjects, people, altIds, infoSources and dates come from the dispatch."""
    dispatch = dict(corpus())["inquiry-analysis-authors"]
    item = _ninjs(dispatch)
    assert str(item["uri"]).startswith("urn:uuid:")
    assert item["headlines"][0] == {"role": "main", "value": dispatch.title}  # type: ignore[index]
    assert item["firstCreated"] == item["contentCreated"] == "2019-05-02T00:00:00Z"
    assert [s["name"] for s in item["subjects"]] == ["Egypt", "Jordan", "The Gulf"]  # type: ignore[attr-defined]
    assert item["by"] == "R. Example, T. Sample, Q. Placeholder"
    assert {"role": "number", "value": "1459"} in item["altIds"]  # type: ignore[operator]
    assert [s["name"] for s in item["infoSources"]] == ["Al-Ahram (Egypt)", "Al-Ghad (Jordan)"]  # type: ignore[attr-defined]
    roles = [b["role"] for b in item["bodies"]]  # type: ignore[attr-defined]
    assert roles == ["main", "notes"]
    assert "Al-Ahram (Egypt), April 10, 2019." in item["bodies"][1]["value"]  # type: ignore[index]
    assert item["standard"] == {
        "name": "ninjs",
        "version": "3.1",
        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
    }


def test_hostile_text_still_validates(validator: jsonschema.Draft202012Validator) -> None:
    """Markup and odd characters in a dispatch give valid ninjs, with the HTML body escaped."""
    dispatch = dl.Dispatch(
        series="Special Dispatch",
        number=3,
        title='<b>"Quoted"</b>',
        body=(dl.Paragraph(content=(dl.Text(text="<script>x</script> ]]> &amp; \u202e 😀"),)),),
    )
    item = _ninjs(dispatch)
    validator.validate(item)
    assert "&lt;script&gt;" in item["bodies"][0]["value"]  # type: ignore[index]


def test_conformance_kit() -> None:
    """The exporter meets dispatchlib's basics on the corpus and hostile generated dispatches."""
    check_exporter("ninjs", examples=60)


def test_cli_converts_seed_to_ninjs(tmp_path: Path, validator: jsonschema.Draft202012Validator) -> None:
    """dispatchlib convert seed --to ninjs writes valid ninjs; formats lists the exporter."""
    seed = CORPUS / "special-dispatch-10523.txt"
    target = tmp_path / "seed.ninjs.json"
    subprocess.run(
        [sys.executable, "-m", "dispatchlib", "convert", str(seed), "--to", "ninjs", "-o", str(target), "-q"],
        check=True,
    )
    validator.validate(json.loads(target.read_text(encoding="utf-8")))
    formats = json.loads(
        subprocess.run(
            [sys.executable, "-m", "dispatchlib", "formats", "--json"], capture_output=True, check=True
        ).stdout
    )
    assert "ninjs" in {e["name"] for e in formats["exporters"]}


def test_the_judge_checks_date_times_and_uris(validator: jsonschema.Draft202012Validator) -> None:
    """The schema's ``date-time`` and ``uri`` formats are really checked (jsonschema[format]): a
    judge that skipped them would pass this broken item."""
    item = _ninjs(dl.read_file(CORPUS / "special-dispatch-10523.txt")[0])
    assert validator.is_valid(item)
    for key, value in (("firstCreated", "March 14, 2023"), ("firstCreated", "2023-03-14T25:00:00Z")):
        broken = {**item, key: value}
        assert [error.validator for error in validator.iter_errors(broken)] == ["format"], value
    assert [e.validator for e in validator.iter_errors({**item, "uri": "not a uri"})] == ["format"]
