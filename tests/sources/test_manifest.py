from pathlib import Path

import pytest

from pipeline.sources.manifest import ManifestError, load_manifest, sources_of
from tests.conftest import REPO_ROOT

MANIFEST = REPO_ROOT / "raw" / "sources.yaml"


def test_manifest_lists_every_real_input_with_provenance():
    sources = load_manifest(MANIFEST)
    ids = [s.id for s in sources]
    assert ids[:7] == [f"ucr_arrests_{year}" for year in range(2010, 2017)]
    assert {"ct_towns", "dph_population", "ct_population_2020_2023", "pcsw_tipc_2005_2014"} <= set(ids)
    for source in sources:
        assert len(source.sha256) == 64 and source.size > 0 and source.license and not source.synthetic
        if source.kind == "download":
            assert source.url.startswith("https://raw.githubusercontent.com/") and source.url.endswith(".csv")
            commit = source.url.split("/")[5]
            assert len(commit) == 40, f"{source.id} is not pinned to a commit"
    assert [s.year for s in sources_of(sources, "ucr_arrests")] == list(range(2010, 2017))


def test_tracked_published_figures_are_cited_and_hashed():
    (published,) = sources_of(load_manifest(MANIFEST), "published_judicial")
    assert published.kind == "tracked" and "PCSW" in published.citation and published.period == (2005, 2014)
    assert (REPO_ROOT / "raw" / published.path).stat().st_size == published.size


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources: []\n", "no 'sources' list"),
        ("sources:\n  - id: a\n    kind: download\n", "lacks"),
    ],
)
def test_malformed_manifest_is_refused(tmp_path: Path, text: str, message: str):
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(ManifestError, match=message):
        load_manifest(path)


def test_duplicate_ids_are_refused(tmp_path: Path):
    entry = MANIFEST.read_text().split("sources:\n", 1)[1].split("  - id: ucr_arrests_2011")[0]
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n" + entry + entry)
    with pytest.raises(ManifestError, match="appears twice"):
        load_manifest(path)


def test_append_source_keeps_the_manifest_valid(tmp_path: Path):
    from pipeline.sources.manifest import append_source

    path = tmp_path / "sources.yaml"
    path.write_text(MANIFEST.read_text())
    entry = {"id": "tipc_2017", "kind": "tracked", "dataset": "tipc_report", "title": "t", "publisher": "p",
             "path": "tipc/r.pdf", "filename": "r.pdf", "sha256": "a" * 64, "size": 1, "license": "MIT",
             "period": [2017, 2017], "format": "pdf", "synthetic": True}
    append_source(path, entry)
    sources = load_manifest(path)
    assert sources[-1].id == "tipc_2017" and len(sources) == len(load_manifest(MANIFEST)) + 1
    assert path.read_text().startswith(MANIFEST.read_text().rstrip("\n"))  # the rest, comments included, untouched
    with pytest.raises(ManifestError, match="already listed"):
        append_source(path, entry)
    for bad in ("../evil", "x'; DROP TABLE facts; --", "Upper"):
        with pytest.raises(ManifestError, match="lowercase letters"):
            append_source(path, {**entry, "id": bad})


@pytest.mark.parametrize(("field", "value", "message"), [
    ("id", "x'; DROP TABLE facts; --", "lowercase letters"),
    ("filename", "../../etc/passwd", "leaves its folder"),
    ("path", "/etc/passwd", "leaves its folder"),
])
def test_hostile_names_in_the_manifest_are_refused(tmp_path: Path, field, value, message):
    import yaml

    document = yaml.safe_load(MANIFEST.read_text())
    document["sources"][0][field] = value
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(document))
    with pytest.raises(ManifestError, match=message):
        load_manifest(path)
