"""What the refresh sensor's first tick compares the manifest with: the inputs reports/LATEST was built from, and
nothing when LATEST cannot be trusted (none yet, damaged, or its files edited since publication)."""

from pathlib import Path

from pipeline.report.audit import published_inputs
from pipeline.report.publish import publish

INPUTS = [{"source_id": "ucr_arrests_2016", "url": None, "sha256": "1" * 64, "synthetic": False},
          {"source_id": "ct_towns", "url": None, "sha256": "2" * 64, "synthetic": False}]


def _publish(reports: Path) -> str:
    return publish(reports, "2010-2016", {"report.html": b"<p>r</p>\n"}, {"inputs": INPUTS}).version


def test_latest_names_the_inputs_it_was_built_from(tmp_path: Path):
    version = _publish(tmp_path)
    assert published_inputs(tmp_path) == (version, {"ucr_arrests_2016": "1" * 64, "ct_towns": "2" * 64})


def test_nothing_published_a_damaged_latest_or_an_edited_version_reflects_nothing(tmp_path: Path):
    assert published_inputs(tmp_path) is None
    version = _publish(tmp_path)
    (tmp_path / version / "report.html").write_bytes(b"<p>edited</p>\n")
    assert published_inputs(tmp_path) is None
    (tmp_path / version / "report.html").write_bytes(b"<p>r</p>\n")
    assert published_inputs(tmp_path) is not None
    (tmp_path / "LATEST").write_bytes(b"../..\n")
    assert published_inputs(tmp_path) is None
