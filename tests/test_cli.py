"""`ctip` as a researcher meets it: progress per asset, one clear message when an input is wrong."""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
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
    assert re.search(r"^\[ 1/\d+\] raw_", out, re.MULTILINE) and "ucr_arrests_tidy" in out and "rows" in out
    version = (isolated / "reports" / "LATEST").read_text().strip()
    assert f"Report version {version}" in out


def test_run_stops_on_a_tampered_cache_file_with_one_clear_message(isolated: Path, capsys):
    cached = isolated / "cache" / "ucr_arrests_2016" / "Uniform_Crime_Reporting_System_Arrests_2016.csv"
    cached.write_bytes(cached.read_bytes()[:-10])
    assert main(["run"]) == 1
    err = capsys.readouterr().err
    assert "stopped at raw_report_files: AcquisitionError: source ucr_arrests_2016: sha256 mismatch" in err
    assert "expected f21219a2c89e5bcde0a955668f1dfb7d1bbf17b0d9838046f44386ebff3b570a, got " in err
    assert not (isolated / "warehouse" / "ctip.duckdb").exists()
    (record,) = (isolated / "reports" / "runs").glob("*.json")  # what failed, and nothing else written
    assert json.loads(record.read_text())["status"] == "failed"
    assert [p.name for p in (isolated / "reports").iterdir()] == ["runs"]


def test_sources_lists_every_input(capsys):
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    from pipeline.sources.manifest import load_manifest

    listed = len(load_manifest(REPO_ROOT / "raw" / "sources.yaml"))
    header, rule, *rows = out.splitlines()
    assert header.split() == ["ID", "DATASET", "SHA256", "SYNTHETIC", "FROM"] and set(rule) == {"-", " "}
    assert len(rows) == listed and "pcsw_tipc_2005_2014" in out and "ucr_agency_crosswalk" in out


@pytest.fixture(scope="module")
def generated_report(tmp_path_factory, towns) -> tuple[Path, list[dict]]:
    from pipeline.synthetic.tipc_report import write_report

    folder = tmp_path_factory.mktemp("report")
    truth = write_report(folder / "tipc.pdf", folder / "tipc.truth.csv", towns)
    return folder / "tipc.pdf", truth


def test_extract_writes_the_tidy_csv(generated_report, tmp_path: Path, capsys):
    pdf, truth = generated_report
    assert main(["extract", str(pdf), "-o", str(tmp_path / "out.csv")]) == 0
    with open(tmp_path / "out.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(truth)
    first = rows[0]
    assert {"jurisdiction", "year", "statute", "measure", "count", "source_file", "source_sha256", "page",
            "table_index", "row_index", "cell_text"} <= set(first)
    assert first["source_file"] == "tipc.pdf" and first["synthetic"] == "True" and first["page"] == "4"
    assert main(["extract", str(pdf)]) == 0
    assert capsys.readouterr().out == (tmp_path / "out.csv").read_text()


def test_extract_refuses_a_bad_file_with_one_line_and_no_output(tmp_path: Path, capsys):
    bad = tmp_path / "report.pdf"
    bad.write_text("not a pdf")
    assert main(["extract", str(bad), "-o", str(tmp_path / "out.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("ctip extract: report.pdf: not a PDF file")
    assert not (tmp_path / "out.csv").exists() and list(tmp_path.iterdir()) == [bad]


def test_two_runs_at_once_the_second_stops_with_a_clear_message(tmp_path: Path, real_settings):
    env = {**os.environ, "CTIP_CACHE_DIR": str(real_settings.cache_dir),
           "CTIP_WAREHOUSE": str(tmp_path / "w" / "ctip.duckdb"), "CTIP_REPORTS_DIR": str(tmp_path / "r")}
    env.pop("DAGSTER_HOME", None)
    command = [sys.executable, "-m", "pipeline.cli", "run", "--force"]
    first = subprocess.Popen(command, env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    lock = tmp_path / "w" / ".ctip-run.lock"
    deadline = time.monotonic() + 60
    while not (lock.is_file() and lock.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.1)
    second = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    out, err = first.communicate(timeout=300)
    assert second.returncode == 1 and "another ctip run is using this warehouse" in second.stderr
    assert first.returncode == 0, err
    assert "Report version" in out and (tmp_path / "r" / "LATEST").is_file()
