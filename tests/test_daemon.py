"""The refresh as operators run it: the Dagster daemon (as in `make dev`) ticks the sensor on its own, adds the
report partitions, launches the requested run through the one-run-at-a-time queue, and a version is published."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO_ROOT, mirror_dir


def test_the_daemon_picks_up_the_sources_and_publishes(tmp_path: Path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(REPO_ROOT / "pipeline" / "dagster.yaml", home / "dagster.yaml")
    reports = tmp_path / "reports"
    env = {**os.environ, "DAGSTER_HOME": str(home), "CTIP_CACHE_DIR": str(tmp_path / "cache"),
           "CTIP_WAREHOUSE": str(tmp_path / "warehouse" / "ctip.duckdb"), "CTIP_REPORTS_DIR": str(reports)}
    if mirror_dir():
        env["CTIP_DATA_MIRROR"] = str(mirror_dir())
    daemon = subprocess.Popen([str(Path(sys.executable).parent / "dagster-daemon"), "run", "-w", "workspace.yaml"],
                              cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while not list((reports / "runs").glob("*.json")):  # written after publishing, by the run itself
            assert daemon.poll() is None, "the daemon stopped"
            assert time.monotonic() < deadline, "no version was published within 5 minutes"
            time.sleep(2)
    finally:
        os.killpg(daemon.pid, signal.SIGTERM)
        daemon.wait(timeout=60)
    version = (reports / "LATEST").read_text().strip()
    (record,) = [json.loads(p.read_text()) for p in (reports / "runs").glob("*.json")]
    assert record["status"] == "published" and record["version"] == version
    by_year = (reports / version / "metrics" / "ucr_statewide_by_year_sex.csv").read_text()
    assert "2010,female,292," in by_year and "2016,male,57," in by_year
