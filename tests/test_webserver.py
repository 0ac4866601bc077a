"""The Dagster UI as operators meet it: the webserver on loopback serves the asset graph by stage, the blocking
checks, the report partitions, the sensor and the schedule (asked through its GraphQL endpoint)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from dagster import DagsterInstance

from pipeline.assets.partitions import sync_partitions
from pipeline.settings import Settings
from pipeline.sources.inventory import manifest_sources
from tests.conftest import REPO_ROOT

QUERY = """{ repositoriesOrError { ... on RepositoryConnection { nodes {
  sensors { name } schedules { name cronSchedule }
  assetNodes { assetKey { path } groupName assetChecksOrError { ... on AssetChecks { checks { name } } }
               partitionDefinition { type name } partitionKeysByDimension { partitionKeys } }
} } } }"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_webserver_shows_assets_checks_partitions_sensor_and_schedule(tmp_path: Path):
    port = _free_port()
    webserver = Path(sys.executable).parent / "dagster-webserver"
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    shutil.copyfile(REPO_ROOT / "pipeline" / "dagster.yaml", tmp_path / "dagster.yaml")  # what `make dev` uses
    with DagsterInstance.from_config(str(tmp_path)) as instance:  # as after a sensor tick or `ctip run`
        sync_partitions(instance, manifest_sources(Settings.from_env()))
    process = subprocess.Popen([str(webserver), "-h", "127.0.0.1", "-p", str(port), "-w", "workspace.yaml"],
                               cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/server_info", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline and process.poll() is None, "the webserver did not come up"
            time.sleep(0.5)
        request = urllib.request.Request(f"{base}/graphql", data=json.dumps({"query": QUERY}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            (repository,) = json.load(response)["data"]["repositoriesOrError"]["nodes"]
    finally:
        process.terminate()
        process.wait(timeout=30)
    groups = {node["assetKey"]["path"][0]: node["groupName"] for node in repository["assetNodes"]}
    assert groups["raw_report_files"] == "raw" and groups["report_tables_extracted"] == "extract"
    assert groups["facts_validation"] == "validate" and groups["report_version"] == "report"
    nodes = {node["assetKey"]["path"][0]: node for node in repository["assetNodes"]}
    raw_files = nodes["raw_report_files"]
    assert raw_files["partitionDefinition"] == {"type": "DYNAMIC", "name": "report_sources"}
    (dimension,) = raw_files["partitionKeysByDimension"]
    assert dimension["partitionKeys"] == [*(f"ucr_arrests_{year}" for year in range(2010, 2017)),
                                          "statab_2012_table324", "fbi_asr_national_adults",
                                          "fbi_asr_national_juvenile"]
    assert nodes["report_tables_extracted"]["partitionDefinition"]["name"] == "report_sources"
    assert nodes["ucr_arrests_tidy"]["partitionDefinition"] is None  # statewide: depends on every partition
    checks = {c["name"] for node in repository["assetNodes"] for c in node["assetChecksOrError"].get("checks", [])}
    assert {"schema_expectations", "reconciliation_expectations"} <= checks
    assert sorted(s["name"] for s in repository["sensors"]) == ["failed_run_record", "new_sources_sensor"]
    assert repository["schedules"] == [{"name": "yearly_refresh", "cronSchedule": "0 6 1 10 *"}]
