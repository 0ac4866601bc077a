"""Report versions as auditors use them: immutable, verifiable, comparable, traceable to the printed cell."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.report import audit
from pipeline.report.publish import publish
from tests.conftest import REPO_ROOT, raw_with, run_pipeline, settings_in, tree_digest


@pytest.fixture
def audited(pipeline_run, tmp_path: Path, monkeypatch) -> Path:
    """A private copy of the session's reports, with the environment pointing at it."""
    reports = tmp_path / "reports"
    shutil.copytree(pipeline_run.settings.reports_dir, reports)
    monkeypatch.setenv("CTIP_REPORTS_DIR", str(reports))
    monkeypatch.setenv("CTIP_CACHE_DIR", str(pipeline_run.settings.cache_dir))
    monkeypatch.setenv("CTIP_WAREHOUSE", str(pipeline_run.settings.warehouse_path))
    monkeypatch.setenv("CTIP_RAW_DIR", str(REPO_ROOT / "raw"))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    return reports


def test_verify_passes_on_a_fresh_version_and_fails_after_one_changed_byte(audited: Path, capsys):
    version = (audited / "LATEST").read_text().strip()
    assert main(["verify", version]) == 0
    assert f"ctip verify: {version}: identical" in capsys.readouterr().out
    figure = audited / version / "figures" / "ucr_ratio_by_year.svg"
    data = bytearray(figure.read_bytes())
    data[200] ^= 1
    figure.write_bytes(bytes(data))
    assert main(["verify", version]) == 1
    assert "figures/ucr_ratio_by_year.svg" in capsys.readouterr().out


def test_lineage_traces_a_town_count_to_its_printed_cell(audited: Path, capsys, real_settings):
    assert main(["lineage", "ucr_town_female_arrests", "--town", "Hartford", "--year", "2013"]) == 0
    out = capsys.readouterr().out
    header, cell = out.splitlines()[:2]
    assert header.startswith("ucr_town_female_arrests (town=Hartford, year=2013, sex=female) = ")
    assert "Uniform_Crime_Reporting_System_Arrests_2013.csv [ucr_arrests_2013, sha256 805e38efad58" in cell
    line = int(cell.split(" line ")[1].split(",")[0])
    column = int(cell.split(", column ")[1].split(" ")[0])
    printed = cell.split("printed '")[1].split("'")[0]
    source = real_settings.cache_dir / "ucr_arrests_2013" / "Uniform_Crime_Reporting_System_Arrests_2013.csv"
    cells = source.read_text(encoding="utf-8-sig").splitlines()[line - 1].split(",")
    assert (cells[0], cells[column - 1]) == ("Prostit F", printed) and "'Hartford PD'" in cell
    assert header.endswith(f"= {printed}, the sum of 1 printed cell(s):")


def test_a_changed_input_gives_a_new_version_and_leaves_the_old_one(pipeline_run, tmp_path: Path, capsys,
                                                                    monkeypatch):
    published = (REPO_ROOT / "raw" / "published" / "pcsw_tipc_2005_2014.csv").read_bytes()
    raw = raw_with(tmp_path, {"pcsw_tipc_2005_2014": published.replace(b'1378,"1,378"', b'1379,"1,379"')})
    settings = settings_in(tmp_path / "work", cache=pipeline_run.settings.cache_dir, raw=raw)
    shutil.copytree(pipeline_run.settings.reports_dir, settings.reports_dir)
    old = (settings.reports_dir / "LATEST").read_text().strip()
    before = tree_digest(settings.reports_dir / old)
    run_pipeline(settings)
    new = (settings.reports_dir / "LATEST").read_text().strip()
    assert new != old and tree_digest(settings.reports_dir / old) == before
    monkeypatch.setenv("CTIP_REPORTS_DIR", str(settings.reports_dir))
    assert main(["diff", old, new]) == 0
    out = capsys.readouterr().out
    assert "| pcsw_tipc_2005_2014 |" in out and "changed" in out
    assert "seller_to_buyer_arrests" in out and "1378" in out and "1379" in out


def test_a_publish_killed_midway_leaves_no_version(tmp_path: Path):
    script = (
        "import sys\n"
        "from pipeline.report.publish import publish\n"
        "files = {f'metrics/part{i:03d}.csv': bytes(4_000_000) for i in range(400)}\n"
        f"publish({str(tmp_path / 'reports')!r}, '2005-2016', files, {{}})\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], cwd=REPO_ROOT)
    reports = tmp_path / "reports"
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.startswith(".") for p in reports.glob(".*")):
        time.sleep(0.05)
    time.sleep(0.3)  # let it write some files into its staging folder
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    visible = [p for p in reports.iterdir() if not p.name.startswith(".")]
    assert visible == []  # no version, no LATEST: only the hidden staging folder of the killed run
    with pytest.raises(FileNotFoundError):
        audit.resolve_version(reports, "LATEST")
    (abandoned,) = [p for p in reports.iterdir() if p.is_dir()]
    published = publish(reports, "2005-2016", {"metrics/one.csv": b"a,b\n"}, {})  # the next publish tidies up
    assert not abandoned.exists() and [p.name for p in reports.iterdir() if p.is_dir()] == [published.version]


def test_a_version_is_current_only_for_the_same_inputs_lock_and_clean_commit(tmp_path: Path):
    import json

    context = {"inputs": [{"source_id": "a", "sha256": "1" * 64}], "uv_lock_sha256": "2" * 64,
               "code_version": "0.1.0", "git_commit": "3" * 40, "git_dirty": False, "python": "3.11.7",
               "packages": {"dagster": "1.13.28"}}
    (tmp_path / "MANIFEST.json").write_text(json.dumps({**context, "files": {}}))
    assert audit.is_current(tmp_path, context)
    assert not audit.is_current(tmp_path, {**context, "inputs": [{"source_id": "a", "sha256": "9" * 64}]})
    assert not audit.is_current(tmp_path, {**context, "git_commit": "4" * 40})
    assert not audit.is_current(tmp_path, {**context, "git_dirty": True})


def test_a_full_disk_while_publishing_leaves_nothing_partial(tmp_path: Path, monkeypatch):
    import errno

    from pipeline.report.publish import PublishError, publish

    written = []
    real_write = Path.write_bytes

    def write_until_full(self, data):
        if len(written) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        written.append(self)
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_until_full)
    files = {f"metrics/t{i}.csv": b"a,b\n1,2\n" for i in range(6)}
    with pytest.raises(PublishError, match="No space left on device"):
        publish(tmp_path / "reports", "2005-2016", files, {})
    assert list((tmp_path / "reports").iterdir()) == []  # no version, no staging folder, no LATEST


def test_a_run_killed_during_extraction_changes_nothing_and_the_rerun_succeeds(pipeline_run, tmp_path: Path):
    out = tmp_path / "out"
    shutil.copytree(pipeline_run.settings.reports_dir, out / "reports")
    (out / "w").mkdir(parents=True)
    shutil.copyfile(pipeline_run.settings.warehouse_path, out / "w" / "ctip.duckdb")
    before = (tree_digest(out / "reports"), hashlib.sha256((out / "w" / "ctip.duckdb").read_bytes()).hexdigest())
    env = {**os.environ, "CTIP_CACHE_DIR": str(pipeline_run.settings.cache_dir),
           "CTIP_WAREHOUSE": str(out / "w" / "ctip.duckdb"), "CTIP_REPORTS_DIR": str(out / "reports")}
    env.pop("DAGSTER_HOME", None)
    command = [sys.executable, "-m", "pipeline.cli", "run", "--force"]
    process = subprocess.Popen(command, env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    for line in process.stdout:  # kill once the crosswalk is read, while the UCR tables are being extracted
        if "ucr_agency_crosswalk" in line or time.monotonic() > deadline:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    after = (tree_digest(out / "reports"), hashlib.sha256((out / "w" / "ctip.duckdb").read_bytes()).hexdigest())
    assert after == before
    rerun = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
