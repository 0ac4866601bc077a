"""`ctip` as a researcher meets it: progress per asset, one clear message when an input is wrong."""

import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import REPO_ROOT


@pytest.fixture
def isolated(monkeypatch, tmp_path: Path, real_settings) -> Path:
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.setenv("CTIP_RAW_DIR", str(REPO_ROOT / "raw"))
    monkeypatch.setenv("CTIP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CTIP_WAREHOUSE", str(tmp_path / "warehouse" / "ctip.duckdb"))
    monkeypatch.setenv("CTIP_REPORTS_DIR", str(tmp_path / "reports"))
    shutil.copytree(real_settings.cache_dir, tmp_path / "cache")
    return tmp_path


def test_run_prints_progress_and_the_version(isolated: Path, capsys):
    assert main(["run"]) == 0
    out = capsys.readouterr().out
    assert "[ 1/24] raw_" in out and "ucr_arrests_tidy" in out and "rows" in out
    version = (isolated / "reports" / "LATEST").read_text().strip()
    assert f"Report version {version}" in out


def test_run_stops_on_a_tampered_cache_file_with_one_clear_message(isolated: Path, capsys):
    cached = isolated / "cache" / "ucr_arrests_2016" / "Uniform_Crime_Reporting_System_Arrests_2016.csv"
    cached.write_bytes(cached.read_bytes()[:-10])
    assert main(["run"]) == 1
    err = capsys.readouterr().err
    assert "stopped at raw_ucr_arrests_2016: AcquisitionError: source ucr_arrests_2016: sha256 mismatch" in err
    assert "expected f21219a2c89e5bcde0a955668f1dfb7d1bbf17b0d9838046f44386ebff3b570a, got " in err
    assert not (isolated / "warehouse" / "ctip.duckdb").exists()
    assert not (isolated / "reports").exists()


def test_sources_lists_every_input(capsys):
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 11 and "pcsw_tipc_2005_2014" in out
