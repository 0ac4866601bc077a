"""The extracted layer: rows round-trip exactly, byte-stable, and never pass for another version of a file."""

import dataclasses
import hashlib

import pytest

from pipeline.extract.store import NotExtractedError, extracted_path, read_extracted, write_extracted
from pipeline.extract.tidy import conform
from pipeline.sources.inventory import manifest_sources


@pytest.fixture(scope="module")
def ucr_2013(pipeline_run):
    (source,) = [s for s in manifest_sources(pipeline_run.settings) if s.id == "ucr_arrests_2013"]
    return source, read_extracted(pipeline_run.settings.extracted_dir, source)


def test_rows_round_trip_exactly_and_the_file_is_byte_stable(ucr_2013, tmp_path):
    source, rows = ucr_2013
    assert len(rows) > 100 and set(rows.source_sha256) == {source.sha256}
    first = hashlib.sha256(write_extracted(rows, tmp_path, source).read_bytes()).hexdigest()
    second = hashlib.sha256(write_extracted(rows, tmp_path, source).read_bytes()).hexdigest()
    assert first == second
    assert read_extracted(tmp_path, source).equals(conform(rows))
    assert [p.name for p in (tmp_path / source.dataset).iterdir()] == [extracted_path(tmp_path, source).name]


def test_a_changed_file_is_not_extracted_until_its_partition_runs(ucr_2013, tmp_path):
    source, rows = ucr_2013
    write_extracted(rows, tmp_path, source)
    changed = dataclasses.replace(source, sha256="0" * 64)
    with pytest.raises(NotExtractedError, match="ucr_arrests_2013.*partition 'ucr_arrests_2013'"):
        read_extracted(tmp_path, changed)


def test_rows_of_another_version_under_this_name_are_refused(ucr_2013, tmp_path):
    source, rows = ucr_2013
    other = dataclasses.replace(source, sha256="f" * 64)
    extracted_path(tmp_path, source).parent.mkdir(parents=True)
    write_extracted(rows, tmp_path, source).rename(extracted_path(tmp_path, other))
    with pytest.raises(NotExtractedError, match=f"holds rows of sha256 {source.sha256}"):
        read_extracted(tmp_path, other)
