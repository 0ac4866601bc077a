"""raw/validation_exceptions.yaml is typed: every defect is one line naming the file, the entry and the field."""

import time
from pathlib import Path

import pytest
import yaml

from pipeline.sources.manifest import ManifestError
from pipeline.validate.suites import load_exceptions
from tests.conftest import REPO_ROOT

EXCEPTIONS = REPO_ROOT / "raw" / "validation_exceptions.yaml"


def refused(path: Path, *fragments: str) -> str:
    with pytest.raises(ManifestError) as caught:
        load_exceptions(path)
    message = str(caught.value)
    assert "\n" not in message, message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message


def write(folder: Path, document) -> Path:
    path = folder / "validation_exceptions.yaml"
    path.write_text(document if isinstance(document, str) else yaml.safe_dump(document, sort_keys=False))
    return path


def test_the_real_exceptions_load_unchanged():
    exceptions = load_exceptions(EXCEPTIONS)
    assert exceptions == yaml.safe_load(EXCEPTIONS.read_text())["exceptions"]
    assert [e["id"] for e in exceptions] == ["ucr-2014-truncated", "ucr-2015-no-statewide-column",
                                             "ucr-2015-age-rows-short", "statab-324-misprinted-totals",
                                             "statab-324-dash-hides-counts",
                                             "statab-324-vs-fbi-male-under-18"]
    assert {e["check"] for e in exceptions} == {"printed_totals_reconcile"}
    assert exceptions[2]["match"]["group"] == ["Farmington", "Hartford County", "NIBRS Data", "NonUrban"]
    assert list(exceptions[0]) == ["id", "check", "match", "reason", "decided_by", "decided_on"]


def test_no_file_or_an_empty_one_means_no_exceptions(tmp_path: Path):
    assert load_exceptions(tmp_path / "absent.yaml") == []
    assert load_exceptions(write(tmp_path, "")) == []
    assert load_exceptions(write(tmp_path, "exceptions: []\n")) == []


def _set(field: str, value):
    def change(entry: dict) -> None:
        entry[field] = value
    return change


def _drop(field: str):
    def change(entry: dict) -> None:
        del entry[field]
    return change


DEFECTS = {
    "no reason": (_drop("reason"), "reason", "missing"),
    "empty reason": (_set("reason", " "), "reason", "must not be empty"),
    "unknown check": (_set("check", "printed_totals_reconciles"), "check", "not a declared check"),
    "unknown field": (_set("expires", "2027-01-01"), "expires", "unknown field"),
    "unquoted date": (_set("decided_on", __import__("datetime").date(2026, 11, 28)), "decided_on",
                      "quoted date"),
    "not a date": (_set("decided_on", "28/11/2026"), "decided_on", "YYYY-MM-DD"),
    "impossible date": (_set("decided_on", "2026-02-30"), "decided_on", "real calendar date"),
    "match empty": (_set("match", {}), "match", "non-empty mapping"),
    "match a list": (_set("match", ["ucr_arrests_2014"]), "match", "non-empty mapping"),
    "match nested": (_set("match", {"source_id": {"a": 1}}), "match", "source_id: must be a plain value"),
    "match empty list": (_set("match", {"group": []}), "match", "group: a list of values must be non-empty"),
    "match bad column": (_set("match", {"Source Id": "x"}), "match", "is not a column name"),
    "id with a newline": (_set("id", "ucr-2014-truncated\n"), "id", "lowercase letters"),
    "decided_by a list": (_set("decided_by", ["a", "b"]), "decided_by", "must be text"),
}


@pytest.mark.parametrize("name", list(DEFECTS))
def test_each_defect_is_one_line_naming_file_entry_and_field(tmp_path: Path, name: str):
    change, field, problem = DEFECTS[name]
    document = yaml.safe_load(EXCEPTIONS.read_text())
    change(document["exceptions"][1])
    path = write(tmp_path, document)
    label = "('ucr-2014-truncated\\n')" if field == "id" else "(ucr-2015-no-statewide-column)"
    refused(path, f"{path}: exception #2 {label}: {field}: ", problem)


def test_duplicate_ids_and_top_level_problems(tmp_path: Path):
    document = yaml.safe_load(EXCEPTIONS.read_text())
    document["exceptions"].append(document["exceptions"][0])
    path = write(tmp_path, document)
    duplicate = len(document["exceptions"])
    refused(path, f"{path}: exception #{duplicate} (ucr-2014-truncated): id: appears twice (first as exception #1)")
    refused(write(tmp_path, {"exceptions": [], "version": 2}), "top level: version: unknown field")
    refused(write(tmp_path, {"exceptions": {"id": "x"}}), "top level: exceptions: must be a list")
    refused(write(tmp_path, "- a\n"), "top level: must be a mapping")
    refused(write(tmp_path, {"exceptions": ["x"]}), "exception #1: entry: must be a mapping")


def test_an_alias_bomb_fails_fast_in_one_line(tmp_path: Path):
    text = 'l0: &l0 "lol"\n' + "".join(
        f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]\n" for n in range(1, 10))
    path = write(tmp_path, text + EXCEPTIONS.read_text().replace('decided_by: "ctip maintainers, from the known '
                                                                  'quirks in shared/data/README.md"',
                                                                  "decided_by: *l9", 1))
    started = time.perf_counter()
    refused(path, f"{path}: line ", "alias expansion is bounded")
    assert time.perf_counter() - started < 2
