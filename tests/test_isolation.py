"""One truth per run, on a clean clone driven as a person would drive it (make, then every README command):
no state leaks from a demo run into a real one, the warehouse equals the manifest, LATEST stays true, and
`ctip verify` re-derives any version where it was made.

The tests share one clone and run in file order (each starts from what the one before left)."""

from __future__ import annotations

import json
import os
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


# The README's shell commands that are not run here, and why; every other line of its ```sh blocks runs below, in
# order, as written, in a shell with neither uv nor the virtual environment on PATH (as on a fresh machine).
NOT_RUN = {
    "make run": "the first set-up command: run first, with the uv that make installs",
    "make test": "the second set-up command: this test suite itself",
    "make dev": "the UI runs until stopped: tests/test_daemon.py starts `make dev` and stops it with SIGTERM",
    ".venv/bin/ctip add-source ~/Downloads/": "an example of a user's new report file; tests/assets/test_refresh.py "
                                              "and tests/test_cli_errors.py add sources",
    ".venv/bin/ctip diff 1994-2016-aaaaaaaaaaaa": "placeholder version names; tests/cli/test_cli_commands.py diffs "
                                                  "two versions",
}


def readme_commands(readme: Path) -> list[str]:
    """Every command line of the README's ```sh blocks (continuation lines joined)."""
    blocks = re.findall(r"^```sh\n(.*?)^```", readme.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    return [line.strip() for block in blocks for line in block.replace("\\\n", " ").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def fresh_shell_env() -> dict[str, str]:
    """A terminal after the two set-up commands: no uv and no ctip on PATH, no CTIP_ or DAGSTER_ variables."""
    env = project_env()
    env["PATH"] = os.pathsep.join(folder for folder in env["PATH"].split(os.pathsep)
                                  if folder and not (Path(folder) / "uv").exists()
                                  and not (Path(folder) / "ctip").exists())
    return env


def test_after_make_run_every_readme_command_works_as_written_a_rerun_does_nothing_and_latest_verifies(clone: Path):
    sh(clone, "make run")
    first = latest(clone / "reports")
    assert manifest(first)["git_dirty"] is False
    commands = readme_commands(clone / "README.md")
    skipped = [c for c in commands if any(c.startswith(prefix) for prefix in NOT_RUN)]
    assert {prefix for prefix in NOT_RUN if any(c.startswith(prefix) for c in commands)} == set(NOT_RUN), \
        "a command listed as not run is no longer in the README: drop it from NOT_RUN"
    outputs = {}
    for command in [c for c in commands if c not in skipped]:
        done = subprocess.run(["bash", "-c", command], cwd=clone, env=fresh_shell_env(), capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, f"README command failed: {command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        outputs[command.split("  #")[0].strip()] = done
    assert len(outputs) >= 10
    assert sh(clone, "git status --porcelain").stdout == ""  # every output went to an ignored place
    rerun = outputs[".venv/bin/ctip run"]
    assert "nothing changed since " + first.name in rerun.stdout
    assert latest(clone / "reports") == first
    assert f"{first.name}: identical to its re-derivation at commit" in outputs[".venv/bin/ctip verify LATEST"].stdout
    traced = json.loads(outputs[".venv/bin/ctip lineage ucr_town_female_arrests --town hartford --year 2013 "
                                "--version LATEST --json"].stdout)
    (count,) = traced["counts"]
    assert f"= {count['value']:,}, the sum of" in outputs[
        ".venv/bin/ctip lineage ucr_town_female_arrests --town Hartford --year 2013"].stdout
    assert "SYNTHETIC" in outputs[".venv/bin/ctip run --demo"].stdout


def test_real_and_demo_runs_started_together_never_mix(clone: Path):
    env = project_env()
    for _ in range(2):  # (two interleavings: each pair of runs takes about 45 s on this file, make test's longest
        # and the end of its wall time on 2 cores; a third pair took the suite past 15 minutes)
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
