"""The refresh as operators run it: the Dagster daemon (as in `make dev`) ticks the sensor on its own, adds the
report partitions, launches the requested run through the one-run-at-a-time queue, and a version is published;
after `ctip run` its first tick has nothing to do; and `make dev` stops whole on SIGTERM."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dagster import DagsterInstance
from dagster._core.scheduler.instigation import TickStatus

from tests.conftest import REPO_ROOT, mirror_dir, project_env


def test_the_daemon_picks_up_the_sources_and_publishes(tmp_path: Path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(REPO_ROOT / "pipeline" / "dagster.yaml", home / "dagster.yaml")
    reports = tmp_path / "reports"
    env = {**os.environ, "DAGSTER_HOME": str(home), "CTIP_CACHE_DIR": str(tmp_path / "cache"),
           "CTIP_WAREHOUSE": str(tmp_path / "warehouse" / "ctip.duckdb"), "CTIP_REPORTS_DIR": str(reports)}
    if mirror_dir():
        env["CTIP_DATA_MIRROR"] = str(mirror_dir())
    log = tmp_path / "daemon.log"
    with open(log, "wb") as out:
        daemon = subprocess.Popen([str(Path(sys.executable).parent / "dagster-daemon"), "run", "-w",
                                   "workspace.yaml"], cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
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
    # what the operator's terminal showed of the run: INFO, not a DEBUG line per event, no API-stability notices
    text = log.read_text()
    for noise in (" - DEBUG - ", "BetaWarning", "PreviewWarning"):
        assert noise not in text, noise
    version = (reports / "LATEST").read_text().strip()
    (record,) = [json.loads(p.read_text()) for p in (reports / "runs").glob("*.json")]
    assert record["status"] == "published" and record["version"] == version
    by_year = (reports / version / "metrics" / "ucr_statewide_by_year_sex.csv").read_text()
    assert "2010,female,292," in by_year and "2016,male,57," in by_year


@pytest.fixture(scope="module")
def after_ctip_run(tmp_path_factory, pipeline_run) -> dict[str, str]:
    """The environment of an operator who has just run `ctip run` (as `make run` does): an instance with its run
    history and partitions, a warehouse, and reports/LATEST built from the manifest's sources."""
    tmp = tmp_path_factory.mktemp("after_run")
    home = tmp / "dagster_home"
    home.mkdir()
    shutil.copyfile(REPO_ROOT / "pipeline" / "dagster.yaml", home / "dagster.yaml")
    env = {**project_env(), "DAGSTER_HOME": str(home), "CTIP_CACHE_DIR": str(pipeline_run.settings.cache_dir),
           "CTIP_WAREHOUSE": str(tmp / "warehouse" / "ctip.duckdb"), "CTIP_REPORTS_DIR": str(tmp / "reports")}
    done = subprocess.run([str(Path(sys.executable).parent / "ctip"), "run"], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return env


def _last_tick(home: str, sensor: str):
    """The newest finished tick of a sensor, as the UI's sensor page shows it (None before the first)."""
    from dagster._core.scheduler.instigation import InstigatorType, TickStatus

    with DagsterInstance.from_config(home) as instance:
        for state in instance.all_instigator_state(instigator_type=InstigatorType.SENSOR):
            if state.instigator_name == sensor:
                ticks = instance.get_ticks(state.instigator_origin_id, state.selector_id)
                return next((tick for tick in ticks if tick.status != TickStatus.STARTED), None)
    return None


def _descendants(root: int) -> dict[int, str]:
    """Every process below `root`, with its command line (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = {}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            try:
                found[child] = (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_dev_right_after_ctip_run_ticks_nothing_and_stops_whole_on_sigterm(after_ctip_run, tmp_path: Path):
    """`make dev` (webserver, dagster-daemon, code server) on the instance `ctip run` just used: the sensor's first
    tick requests nothing, the terminal shows no Dagster noise, and SIGTERM to its process group ends every
    process it started within 10 seconds. (One `make dev` for the three: each start costs half a minute.)"""

    home = after_ctip_run["DAGSTER_HOME"]
    with DagsterInstance.from_config(home) as instance:
        runs_before = instance.get_runs_count()
    assert runs_before == 1 and _last_tick(home, "new_sources_sensor") is None
    port = _free_port()
    log = tmp_path / "make-dev.log"
    with open(log, "wb") as out:
        make = subprocess.Popen(["make", "dev", f"PORT={port}"], cwd=REPO_ROOT, env=after_ctip_run, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)  # its own group, as in a terminal
    processes: dict[int, str] = {}
    try:
        deadline = time.monotonic() + 180
        while (tick := _last_tick(home, "new_sources_sensor")) is None or not _serving(port):
            assert make.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, "the UI or the sensor's first tick did not come within 3 minutes"
            time.sleep(0.5)
        processes = _descendants(make.pid)
        for part in ("dagster_webserver", "dagster._daemon", "dagster code-server"):
            assert any(part in command for command in processes.values()), (part, processes)
        started = time.monotonic()
        os.killpg(make.pid, signal.SIGTERM)
        while (make.poll() is None or any(_alive(pid) for pid in processes)) and time.monotonic() - started < 30:
            time.sleep(0.1)
        stopped = time.monotonic() - started
    finally:
        for pid in [make.pid, *processes]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        make.wait(timeout=30)
    latest = (Path(after_ctip_run["CTIP_REPORTS_DIR"]) / "LATEST").read_text().strip()
    assert tick.status == TickStatus.SKIPPED and not tick.run_ids, (tick.status, tick.run_ids)
    assert f"reports/LATEST ({latest}) was built from exactly the sources in" in tick.skip_reason
    with DagsterInstance.from_config(home) as instance:
        assert instance.get_runs_count() == runs_before  # nothing queued either
    left = {pid: command for pid, command in processes.items() if _alive(pid)}
    assert stopped < 10 and not left, (stopped, left)
    text = log.read_text()
    assert "Serving dagster-webserver" in text and "Dagster services shut down" in text
    for noise in ("BetaWarning", "PreviewWarning", "superseded", " - DEBUG - "):
        assert noise not in text, noise


def _serving(port: int) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False
