import shutil
from pathlib import Path

import pytest

from pipeline.sources.acquire import AcquisitionError, acquire, sha256_file
from pipeline.sources.manifest import load_manifest
from tests.conftest import REPO_ROOT, mirror_dir

SOURCES = {s.id: s for s in load_manifest(REPO_ROOT / "raw" / "sources.yaml")}


@pytest.fixture
def private_mirror(tmp_path: Path, real_settings) -> Path:
    """A writable copy of the 2013 UCR file laid out like the mirror."""
    source = SOURCES["ucr_arrests_2013"]
    target = tmp_path / "mirror" / source.mirror_path
    target.parent.mkdir(parents=True)
    shutil.copyfile(real_settings.cache_dir / source.id / source.filename, target)
    return tmp_path / "mirror"


def test_first_use_copies_from_the_mirror_and_verifies(tmp_path: Path, private_mirror: Path):
    source = SOURCES["ucr_arrests_2013"]
    path = acquire(source, raw_dir=REPO_ROOT / "raw", cache_dir=tmp_path / "cache", mirror_dir=private_mirror)
    assert path == tmp_path / "cache" / source.id / source.filename
    assert sha256_file(path) == source.sha256
    assert [p.name for p in path.parent.iterdir()] == [source.filename]  # no temporary left behind


def test_a_tampered_mirror_file_is_refused_and_not_cached(tmp_path: Path, private_mirror: Path):
    source = SOURCES["ucr_arrests_2013"]
    mirrored = private_mirror / source.mirror_path
    data = bytearray(mirrored.read_bytes())
    data[1000] ^= 1
    mirrored.write_bytes(bytes(data))
    with pytest.raises(AcquisitionError) as error:
        acquire(source, raw_dir=REPO_ROOT / "raw", cache_dir=tmp_path / "cache", mirror_dir=private_mirror)
    message = str(error.value)
    assert "ucr_arrests_2013" in message and source.sha256 in message and sha256_file(mirrored) in message
    assert list((tmp_path / "cache" / source.id).iterdir()) == []


def test_a_cached_file_changed_after_the_fact_is_refused(tmp_path: Path, private_mirror: Path):
    source = SOURCES["ucr_arrests_2013"]
    path = acquire(source, raw_dir=REPO_ROOT / "raw", cache_dir=tmp_path / "cache", mirror_dir=private_mirror)
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(AcquisitionError, match="sha256 mismatch for cached file"):
        acquire(source, raw_dir=REPO_ROOT / "raw", cache_dir=tmp_path / "cache", mirror_dir=private_mirror)


def test_a_source_available_nowhere_names_itself(tmp_path: Path):
    source = SOURCES["ucr_arrests_2010"]
    unreachable = source.__class__(**{**source.__dict__, "url": "http://127.0.0.1:9/nothing.csv"})
    with pytest.raises(AcquisitionError, match=r"source ucr_arrests_2010: cannot be had: not in mirror .*failed"):
        acquire(unreachable, raw_dir=REPO_ROOT / "raw", cache_dir=tmp_path / "cache", mirror_dir=tmp_path)


def test_tracked_file_is_verified_in_place(tmp_path: Path):
    source = SOURCES["pcsw_tipc_2005_2014"]
    assert acquire(source, raw_dir=REPO_ROOT / "raw", cache_dir=tmp_path) == REPO_ROOT / "raw" / source.path
    raw_copy = tmp_path / "raw"
    shutil.copytree(REPO_ROOT / "raw" / "published", raw_copy / "published")
    edited = raw_copy / source.path
    edited.write_text(edited.read_text().replace("3557", "3558"))
    with pytest.raises(AcquisitionError, match="pcsw_tipc_2005_2014: sha256 mismatch"):
        acquire(source, raw_dir=raw_copy, cache_dir=tmp_path)


def test_the_mirror_matches_the_manifest_where_present():
    mirror = mirror_dir()
    if mirror is None:
        pytest.skip("no mirror on this machine: sources come from their pinned URLs")
    for source in SOURCES.values():
        if source.mirror_path:
            assert sha256_file(mirror / source.mirror_path) == source.sha256, source.id


def test_a_file_changed_between_the_hash_check_and_the_read_is_caught(tmp_path: Path, monkeypatch):
    """Simulate a writer that strikes right after the check: extraction reads a private snapshot, hashed again."""
    import pipeline.sources.inventory as inventory
    from tests.conftest import raw_with, settings_in

    raw = raw_with(tmp_path, {})
    settings = settings_in(tmp_path / "work", raw=raw)
    (statutes,) = [s for s in inventory.manifest_sources(settings) if s.id == "statutes"]
    with inventory.verified_snapshot(statutes, settings) as snapshot:  # untouched: the snapshot is the file
        assert sha256_file(snapshot) == statutes.sha256 and snapshot.name == statutes.filename
    real_copy = shutil.copyfile

    def a_writer_strikes_first(source, target):
        with open(source, "a") as handle:
            handle.write("53a-999,seller\n")
        return real_copy(source, target)

    monkeypatch.setattr(inventory.shutil, "copyfile", a_writer_strikes_first)
    changed = r"source statutes: .*statutes\.csv changed after its sha256 was checked .*nothing was extracted"
    with pytest.raises(AcquisitionError, match=changed), inventory.verified_snapshot(statutes, settings):
        pytest.fail("the changed file was handed to an extractor")
