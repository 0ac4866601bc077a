"""One truth per run, on a clean clone driven as a person would drive it (make, uv run, the README's commands):
no state leaks from a demo run into a real one, the warehouse equals the manifest, LATEST stays true, and
`ctip verify` re-derives any version where it was made.

The tests share one clone and run in file order (each starts from what the one before left)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import duckdb
import pytest
import yaml

from tests.conftest import clean_clone, project_env


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    return clean_clone(tmp_path_factory.mktemp("isolation") / "ctip")


def sh(clone: Path, command: str, timeout: float = 600, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(["bash", "-c", command], cwd=clone, env=project_env(), capture_output=True, text=True,
                          timeout=timeout)
    if ok:
        assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def latest(reports: Path) -> Path:
    return reports / (reports / "LATEST").read_text().strip()


def manifest(version: Path) -> dict:
    return json.loads((version / "MANIFEST.json").read_text())


def test_after_the_readme_commands_in_order_a_rerun_does_nothing_and_latest_verifies(clone: Path):
    sh(clone, "make run")
    first = latest(clone / "reports")
    assert manifest(first)["git_dirty"] is False
    sh(clone, 'uv run duckdb warehouse/ctip.duckdb "select year, sex, statewide, statewide_basis, agency_sum '
              'from out_ucr_statewide_by_year_sex order by year, sex"')
    sh(clone, "uv run python -m pipeline.synthetic.tipc_report demo/tipc_demo.pdf")
    sh(clone, "uv run ctip extract demo/tipc_demo.pdf -o demo/tipc_demo.csv")
    sh(clone, "uv run ctip run --demo")
    assert sh(clone, "git status --porcelain").stdout == ""  # every output went to an ignored place
    rerun = sh(clone, "uv run ctip run")
    assert "nothing changed since " + first.name in rerun.stdout
    assert latest(clone / "reports") == first
    verified = sh(clone, "uv run ctip verify LATEST")
    assert f"{first.name}: identical to its re-derivation at commit" in verified.stdout


def test_real_and_demo_runs_started_together_never_mix(clone: Path):
    env = project_env()
    for _ in range(3):
        real = subprocess.Popen(["uv", "run", "ctip", "run", "--force"], cwd=clone, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        demo = subprocess.Popen(["uv", "run", "ctip", "run", "--demo", "--force"], cwd=clone, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        outputs = [process.communicate(timeout=600)[0] for process in (real, demo)]
        assert [real.returncode, demo.returncode] == [0, 0], outputs
        assert "raw_synthetic_tipc_2005_2014" in outputs[1] and "SYNTHETIC" in outputs[1]
        real_version, demo_version = latest(clone / "reports"), latest(clone / "demo" / "reports")
        assert manifest(real_version)["synthetic"] is False
        assert not [i for i in manifest(real_version)["inputs"] if i["synthetic"] or "synthetic" in i["source_id"]]
        assert "SYNTHETIC" not in (real_version / "report.html").read_text()
        # the demo's version says SYNTHETIC everywhere, and its generated report reproduces the published totals
        assert manifest(demo_version)["synthetic"] is True
        assert "SYNTHETIC DEMO" in (demo_version / "report.md").read_text().splitlines()[0]
        assert 'class="synthetic"' in (demo_version / "report.html").read_text()
        assert "53a-82,seller,arrests,2005,2014,3557,0,3557" in (
            demo_version / "metrics" / "tipc_statewide_totals.csv").read_text()
        with duckdb.connect(str(clone / "warehouse" / "ctip.duckdb"), read_only=True) as con:
            assert con.execute("SELECT count(*) FROM facts WHERE synthetic OR source_id LIKE '%synthetic%'"
                               ).fetchone() == (0,)
    # the real Dagster instance never saw a demo asset; the demo has an instance of its own
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(clone / ".dagster")) as instance:
        keys = {key.to_user_string() for key in instance.get_asset_keys()}
    assert keys and not [key for key in keys if "synthetic" in key]
    with DagsterInstance.from_config(str(clone / "demo" / ".dagster")) as instance:
        assert "raw_synthetic_tipc_2005_2014_truth" in {k.to_user_string() for k in instance.get_asset_keys()}


def test_a_removed_source_leaves_no_number_behind_and_every_version_verifies_where_it_was_made(clone: Path):
    before = latest(clone / "reports")
    document = yaml.safe_load((clone / "raw" / "sources.yaml").read_text())
    document["sources"] = [s for s in document["sources"] if s["id"] != "ucr_arrests_2016"]
    (clone / "raw" / "sources.yaml").write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    sh(clone, "git -c user.name=t -c user.email=t@ctip.invalid commit --quiet -am 'tests: drop the 2016 file'")
    (clone / "reports" / "LATEST").write_bytes(b"\x00\xffnot a version\x9c")  # and LATEST was damaged meanwhile
    assert "reports/LATEST is damaged" in sh(clone, "uv run ctip verify LATEST", ok=False).stderr
    run = sh(clone, "make run")
    assert f"{clone / 'reports' / 'LATEST'} is damaged: it holds 16 bytes that are not a version name; this run " \
           "repairs it" in run.stderr
    after = latest(clone / "reports")
    assert after != before and after.name.startswith("1994-2016-")  # the FBI national series still reach 2016
    assert "ucr_arrests_2016" not in {i["source_id"] for i in manifest(after)["inputs"]}
    for table in (after / "metrics").glob("ucr_*.csv"):
        assert not re.search(r"(^|,)2016(,|$)", table.read_text(), flags=re.MULTILINE), table.name
    with duckdb.connect(str(clone / "warehouse" / "ctip.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM facts WHERE source_id = 'ucr_arrests_2016' OR (period_start = 2016 "
                           "AND jurisdiction_type <> 'national')").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM sources WHERE source_id = 'ucr_arrests_2016'").fetchone() == (0,)
    assert f"{after.name}: identical" in sh(clone, "uv run ctip verify LATEST").stdout
    # the version from before the commit is re-derived at its own commit, which still listed 2016
    old_commit = manifest(before)["git_commit"]
    verified = sh(clone, f"uv run ctip verify {before.name}")
    assert f"{before.name}: identical to its re-derivation at commit {old_commit[:12]}" in verified.stdout
    assert "temporary worktree" in verified.stderr
    assert sh(clone, "git worktree list").stdout.count("\n") == 1  # the temporary worktree is gone
    # a tampered file is named, and no re-derivation is needed to say so
    figure = next((before / "figures").glob("*.svg"))
    figure.write_bytes(figure.read_bytes().replace(b"<svg", b"<svg data-x='1'", 1))
    tampered = sh(clone, f"uv run ctip verify {before.name}", ok=False)
    assert tampered.returncode == 1 and f"figures/{figure.name}" in tampered.stdout
