"""Code versions mean something: editing one metric's SQL changes that asset's code version and no other's.

Each definition is imported in its own process from a real copy of the `pipeline` package (one file edited);
nothing runs the pipeline.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.assets.code_versions import compute_fn, reached

REPO_ROOT = Path(__file__).resolve().parents[2]

# What MANIFEST.json records (report_version calls the same function), read from the code location's asset graph.
PRINT_VERSIONS = """
import json, pipeline
from pipeline.assets.code_versions import asset_code_versions
from pipeline.definitions import defs
print(json.dumps({"package": pipeline.__file__,
                  "versions": {key: entry["code_version"]
                               for key, entry in asset_code_versions(defs.resolve_asset_graph()).items()}}))
"""


def _copy(source: Path, root: Path) -> Path:
    shutil.copytree(source / "pipeline", root / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _edit(root: Path, relative: str, old: str, new: str) -> Path:
    path = root / "pipeline" / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{relative}: the text to edit is not there exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return root


def _start(package_parent: Path, hash_seed: int) -> subprocess.Popen:
    """Print the code versions of the definitions imported from the `pipeline` package in `package_parent`."""
    env = {**os.environ, "PYTHONPATH": str(package_parent), "PYTHONHASHSEED": str(hash_seed),
           "CTIP_HOME": str(REPO_ROOT), "PYTHONWARNINGS": "ignore"}  # CTIP_HOME: the repository's manifest
    return subprocess.Popen([sys.executable, "-c", PRINT_VERSIONS], cwd=package_parent, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _versions(process: subprocess.Popen, package_parent: Path) -> dict[str, str]:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    printed = json.loads(out)
    expected = package_parent / "pipeline" / "__init__.py"
    assert Path(printed["package"]).resolve() == expected.resolve(), "imported another copy of the package"
    return printed["versions"]


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> dict[str, dict[str, str]]:
    """Code versions of a snapshot of the package and of a copy of it with one metric query's SQL edited, each
    imported in its own process with its own hash seed (a snapshot: other work may edit the repository meanwhile)."""
    base = _copy(REPO_ROOT, tmp_path_factory.mktemp("base"))
    parents = {
        "base": base,
        # one metric query's SQL: a comment is enough, the text of the query is the code
        "metric_sql": _edit(_copy(base, tmp_path_factory.mktemp("metric_sql")), "metrics/towns.py",
                            'UCR_TOWN_YEAR_SQL = """\n', 'UCR_TOWN_YEAR_SQL = """\n-- the same query, edited\n'),
    }
    processes = {name: _start(parent, seed) for seed, (name, parent) in enumerate(parents.items())}
    return {name: _versions(process, parents[name]) for name, process in processes.items()}


def _changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    assert set(before) == set(after)
    return {key for key in before if before[key] != after[key]}


def test_editing_one_metric_query_changes_only_the_asset_that_runs_it(versions):
    assert _changed(versions["base"], versions["metric_sql"]) == {"ucr_town_by_year"}


def test_every_asset_has_a_derived_code_version_stable_across_imports(versions):
    original = versions["base"]
    # two imports (other paths, other hash seeds) agree on every asset the edit does not touch
    untouched = set(original) - {"ucr_town_by_year"}
    assert {key: versions["metric_sql"][key] for key in untouched} == {key: original[key] for key in untouched}
    assert all(version and version != "1" and len(version) == 16 for version in original.values()), original


def test_a_metric_reaches_its_own_query_and_not_the_others():
    from pipeline.definitions import all_assets

    by_key = {assets_def.key.to_user_string(): assets_def for assets_def in all_assets}
    reached_keys = set(reached(compute_fn(by_key["ucr_town_by_year"])))
    queries = {key for key in reached_keys if key.endswith("_SQL")}  # its own query, no other
    assert queries == {"pipeline.metrics.towns.UCR_TOWN_YEAR_SQL"}
    assert "pipeline.metrics.towns:ucr_town_by_year" in reached_keys
    assert not any(key.startswith(("pandas", "duckdb", "dagster")) for key in reached_keys)  # uv.lock pins those
    # a SQL file the code names beside its module counts by its bytes
    lineage_sql = REPO_ROOT / "pipeline" / "warehouse" / "lineage.sql"
    assert reached(compute_fn(by_key["lineage"]))["pipeline.warehouse.load/lineage.sql"] == hashlib.sha256(
        lineage_sql.read_bytes()).hexdigest()
    assert "pipeline.warehouse.load/lineage.sql" not in reached(compute_fn(by_key["ucr_town_by_year"]))
