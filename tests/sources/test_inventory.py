"""The memo of the manifest check (`checked_sources`, what `ctip extract` starts from): the very sources a full check
gives, recalled without pydantic or YAML only for the bytes that were checked, by the code that checked them, with
every tracked path resolving where it did; anything else is checked in full again, and refused if it is wrong."""

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.settings import Settings
from pipeline.sources.inventory import MEMO_NAME, checked_sources, manifest_sources
from pipeline.sources.manifest import ManifestError
from tests.conftest import REPO_ROOT

PCSW = "published/pcsw_tipc_2005_2014.csv"  # a tracked entry's path


def _settings(tmp_path: Path) -> Settings:
    """A raw/ holding a copy of the real manifest (tracked files need not exist for the check), a cache of its own."""
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    shutil.copyfile(REPO_ROOT / "raw" / "sources.yaml", raw / "sources.yaml")
    return Settings(raw_dir=raw, cache_dir=tmp_path / "cache", warehouse_path=tmp_path / "w.duckdb",
                    reports_dir=tmp_path / "reports")


def _recalled_in_a_fresh_process(settings: Settings) -> tuple[list[str], list[str]]:
    """checked_sources in a new interpreter: the sources it gives (as text) and which checker modules it imported."""
    code = ("import sys\nfrom pathlib import Path\nfrom pipeline.settings import Settings\n"
            "from pipeline.sources.inventory import checked_sources\n"
            f"raw, cache = Path({str(settings.raw_dir)!r}), Path({str(settings.cache_dir)!r})\n"
            "sources = checked_sources(Settings(raw, cache, cache / 'w.duckdb', cache / 'reports'))\n"
            "print(repr([repr(s) for s in sources]))\n"
            "print(sorted(m for m in ('pydantic', 'yaml', 'pipeline.sources.manifest') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    sources, imported = done.stdout.splitlines()
    return ast.literal_eval(sources), ast.literal_eval(imported)


def test_the_memo_gives_the_full_checks_sources_without_the_checker(tmp_path):
    settings = _settings(tmp_path)
    text = settings.manifest_path.read_text(encoding="utf-8")  # every kind of field: a range too
    settings.manifest_path.write_text(text.replace("period: [2010, 2010]\n", "period: [2010, 2010]\n"
                                                   "    suppression_range: [1, 4]\n", 1), encoding="utf-8")
    full = manifest_sources(settings)
    assert checked_sources(settings) == full  # checked in full, memo written
    assert (settings.cache_dir / MEMO_NAME).is_file()
    assert checked_sources(settings) == full  # recalled
    sources, imported = _recalled_in_a_fresh_process(settings)
    assert sources == [repr(source) for source in full] and imported == []
    assert any(s.kind == "tracked" for s in full) and any(s.suppression_range for s in full)


def test_a_changed_manifest_is_checked_in_full_and_refused_when_wrong(tmp_path):
    settings = _settings(tmp_path)
    checked_sources(settings)
    text = settings.manifest_path.read_text(encoding="utf-8")
    settings.manifest_path.write_text(text.replace("size: 357452", 'size: "357452"', 1), encoding="utf-8")
    with pytest.raises(ManifestError, match="size"):
        checked_sources(settings)
    settings.manifest_path.write_text(text + "# one more byte\n", encoding="utf-8")
    assert checked_sources(settings) == manifest_sources(settings)
    assert json.loads((settings.cache_dir / MEMO_NAME).read_text())["sources"]  # the new bytes' memo


def test_a_tracked_path_that_now_leaves_raw_through_a_symlink_is_refused_despite_the_memo(tmp_path):
    settings = _settings(tmp_path)
    checked_sources(settings)
    outside = tmp_path / "secret.csv"
    outside.write_text("x\n")
    (settings.raw_dir / "published").mkdir()
    (settings.raw_dir / PCSW).symlink_to(outside)
    with pytest.raises(ManifestError, match="through a symlink"):
        checked_sources(settings)


@pytest.mark.parametrize("damage", ["", "{", '{"key": 1}', "[]", "null"])
def test_a_damaged_or_foreign_memo_means_a_full_check_that_rewrites_it(tmp_path, damage):
    settings = _settings(tmp_path)
    checked_sources(settings)
    memo = settings.cache_dir / MEMO_NAME
    memo.write_text(damage)
    assert checked_sources(settings) == manifest_sources(settings)
    assert json.loads(memo.read_text())["key"]


def test_a_memo_whose_entries_are_no_sources_means_a_full_check(tmp_path):
    settings = _settings(tmp_path)
    checked_sources(settings)
    memo = settings.cache_dir / MEMO_NAME
    stored = json.loads(memo.read_text())
    stored["sources"][0]["unknown_field"] = 1
    memo.write_text(json.dumps(stored))
    assert checked_sources(settings) == manifest_sources(settings)
    assert "unknown_field" not in memo.read_text()


def test_no_manifest_is_the_full_checks_one_line(tmp_path):
    settings = _settings(tmp_path)
    settings.manifest_path.unlink()
    with pytest.raises(ManifestError) as from_memo_path:
        checked_sources(settings)
    with pytest.raises(ManifestError) as full:
        manifest_sources(settings)
    assert str(from_memo_path.value) == str(full.value)
