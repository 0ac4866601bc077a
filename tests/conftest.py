"""Shared fixtures: the real sources (from the mirror or their pinned URLs) and one real pipeline run."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from dagster import DagsterInstance, materialize

from pipeline.assets.resources import CtipPaths, run_io_manager
from pipeline.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]


def mirror_dir() -> Path | None:
    configured = os.environ.get("CTIP_DATA_MIRROR")
    if configured:
        return Path(configured)
    beside = REPO_ROOT.parent / "shared" / "data"
    return beside if beside.is_dir() else None


def settings_in(tmp: Path, mirror: Path | None = None, cache: Path | None = None, raw: Path | None = None) -> Settings:
    """The repository's manifest (or `raw`'s), everything written under `tmp`."""
    return Settings(
        raw_dir=raw or REPO_ROOT / "raw",
        cache_dir=cache or tmp / "cache",
        warehouse_path=tmp / "warehouse" / "ctip.duckdb",
        reports_dir=tmp / "reports",
        mirror_dir=mirror if mirror is not None else mirror_dir(),
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file below `folder`: to show that nothing in it changed."""
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def run_pipeline(settings: Settings, raise_on_error: bool = True, instance: DagsterInstance | None = None):
    """Every asset and check, every report partition, in one run (what `ctip run` does)."""
    from pipeline.assets.partitions import full_run_tags
    from pipeline.definitions import all_assets, all_checks
    from pipeline.sources.inventory import manifest_sources

    resource = CtipPaths(
        raw_dir=str(settings.raw_dir), cache_dir=str(settings.cache_dir),
        warehouse_path=str(settings.warehouse_path), reports_dir=str(settings.reports_dir),
        mirror_dir=str(settings.mirror_dir) if settings.mirror_dir else None,
    )
    instance = instance or DagsterInstance.ephemeral()
    return materialize([*all_assets, *all_checks], resources={"ctip": resource, "io_manager": run_io_manager},
                       instance=instance,
                       raise_on_error=raise_on_error, tags=full_run_tags(instance, manifest_sources(settings)))


@dataclass
class PipelineRun:
    settings: Settings
    result: object


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory) -> PipelineRun:
    """One full materialize on the real sources, shared by the tests that only read its outputs."""
    settings = settings_in(tmp_path_factory.mktemp("run"))
    return PipelineRun(settings, run_pipeline(settings))


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory) -> Settings:
    """Settings whose cache holds every real source (acquired once per session)."""
    from pipeline.sources.inventory import manifest_sources, verified_path

    settings = settings_in(tmp_path_factory.mktemp("sources"))
    for source in manifest_sources(settings):
        verified_path(source, settings)
    return settings


@pytest.fixture(scope="session")
def towns(real_settings) -> list[str]:
    """The 169 official town names (the real reference file)."""
    from pipeline.extract.reference import load_towns

    return load_towns(real_settings.cache_dir / "ct_towns" / "ct-town-county-fips-list.csv").town.tolist()


def raw_with(tmp: Path, replaced: dict[str, bytes], added: list[dict] | None = None) -> Path:
    """A raw/ folder like the repository's, where `replaced` sources carry other bytes (as tracked files with
    their new sha256) and `added` entries join the manifest: how tests feed bad data through the real pipeline."""
    import shutil

    import yaml

    from pipeline.sources.acquire import sha256_file

    raw = tmp / "raw"
    for folder in ("reference", "published"):
        shutil.copytree(REPO_ROOT / "raw" / folder, raw / folder)
    shutil.copyfile(REPO_ROOT / "raw" / "validation_exceptions.yaml", raw / "validation_exceptions.yaml")
    manifest = yaml.safe_load((REPO_ROOT / "raw" / "sources.yaml").read_text())
    for entry in manifest["sources"]:
        if entry["id"] in replaced:
            path = raw / "replaced" / entry["filename"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(replaced[entry["id"]])
            entry.update(kind="tracked", path=f"replaced/{entry['filename']}", sha256=sha256_file(path),
                         size=path.stat().st_size)
    manifest["sources"] += added or []
    (raw / "sources.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True))
    return raw


def clean_clone(dest: Path) -> Path:
    """A clean git clone of this checkout as it is now: committed history plus, when the working tree has changes
    (as while developing), one extra commit holding them, so that tests run today's code from a clean tree."""
    import shutil
    import subprocess

    def git(*args: str, cwd: Path) -> str:
        return subprocess.run(["git", "-c", "user.name=ctip tests", "-c", "user.email=tests@ctip.invalid", *args],
                              cwd=cwd, check=True, capture_output=True, text=True).stdout

    git("clone", "--quiet", "--no-local", str(REPO_ROOT), str(dest), cwd=REPO_ROOT)
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO_ROOT).split("\0")
    present = {name for name in listed if name and (REPO_ROOT / name).is_file()}
    for name in present:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, dest / name)
    for name in git("ls-files", "-z", cwd=dest).split("\0"):
        if name and name not in present:
            (dest / name).unlink()
    git("add", "-A", cwd=dest)
    if git("status", "--porcelain", cwd=dest).strip():
        git("commit", "--quiet", "-m", "tests: the working tree as it was", cwd=dest)
    return dest


def project_env(**extra: str) -> dict[str, str]:
    """The environment of a person at a terminal in a checkout: uv on PATH, the data mirror, nothing of ours."""
    import shutil

    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("CTIP_", "DAGSTER_")) and key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    uv = shutil.which("uv") or str(REPO_ROOT / ".tools" / "bin" / "uv")
    env["PATH"] = f"{Path(uv).parent}{os.pathsep}{env.get('PATH', '')}"
    if mirror_dir():
        env["CTIP_DATA_MIRROR"] = str(mirror_dir())
    return {**env, **extra}


# `make test` runs the files in parallel (pytest-xdist, one file per worker at a time): the longest files start
# first, so that no worker is left with a five-minute file at the end. Each file's tests keep their order.
# Measured 2026-12-07 (junit times, 2 cores): 453, 204, 133, 108, 97, 92, 57, 49 s; the rest under 40 s each.
LONGEST_FIRST = ("tests/test_isolation.py", "tests/extract/test_wild_fuzz.py", "tests/test_daemon.py",
                 "tests/cli/test_cli_commands.py", "tests/report/test_versions.py", "tests/extract/test_tipc_fuzz.py",
                 "tests/assets/test_pipeline.py", "tests/test_cli.py")


def pytest_collection_modifyitems(items: list) -> None:
    def rank(item) -> int:
        return next((i for i, path in enumerate(LONGEST_FIRST) if item.nodeid.startswith(path)), len(LONGEST_FIRST))

    items.sort(key=rank)
