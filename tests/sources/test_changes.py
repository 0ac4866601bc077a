"""What a change to the manifest requires extracting again (the pure part of the refresh sensor)."""

import dataclasses

from pipeline.sources.changes import compare, fingerprints, refresh_plan
from pipeline.sources.manifest import load_manifest, report_source_ids
from tests.conftest import REPO_ROOT

SOURCES = load_manifest(REPO_ROOT / "raw" / "sources.yaml")
BEFORE = fingerprints(SOURCES)


def _plan_after(replaced: dict[str, str]):
    after = [dataclasses.replace(s, sha256=replaced.get(s.id, s.sha256)) for s in SOURCES]
    return refresh_plan(compare(BEFORE, fingerprints(after)), after)


def test_a_changed_year_is_extracted_alone():
    plan = _plan_after({"ucr_arrests_2014": "1" * 64})
    assert plan.partitions == ("ucr_arrests_2014",) and not plan.every_partition


def test_a_changed_crosswalk_reextracts_every_report():
    plan = _plan_after({"ucr_agency_crosswalk": "1" * 64})
    assert plan.every_partition and plan.partitions == tuple(report_source_ids(SOURCES))


def test_a_changed_downstream_reference_extracts_nothing():
    plan = _plan_after({"dph_population": "1" * 64})
    assert plan.partitions == () and plan.describe() == "extract nothing; rebuild from extracted"
