"""What a report version records about how it was made: hashed context vs. per-run context."""

from __future__ import annotations

import platform
import subprocess
from importlib.metadata import version as package_version
from pathlib import Path

import pandas as pd

from pipeline.settings import Settings
from pipeline.sources.acquire import sha256_file
from pipeline.sources.manifest import COUNT_DATASETS

KEY_PACKAGES = ("dagster", "duckdb", "pandas", "matplotlib", "scipy", "great_expectations", "pypdfium2")


def report_period(inventory: pd.DataFrame) -> str:
    """Years the counts cover (reference data such as population do not widen it)."""
    counted = inventory[inventory.dataset.isin(COUNT_DATASETS)]
    return f"{int(counted.period_start.min())}-{int(counted.period_end.max())}"


def publication_context(inventory: pd.DataFrame, settings: Settings, code_version: str,
                        assets: dict | None = None) -> tuple[str, dict]:
    """Everything that decides a version's content; identical inputs, lock and commit give identical context.

    Recorded (and hashed): inputs, uv.lock, package version, git commit and whether the tree was dirty, Python
    and key package versions, every asset's code version. Times and run ids never enter here."""
    lock = settings.raw_dir.parent / "uv.lock"
    inputs = [
        {"source_id": row.source_id, "url": row.url if isinstance(row.url, str) else None,  # NaN is not JSON
         "sha256": row.sha256, "synthetic": bool(row.synthetic)}
        for row in inventory.sort_values("source_id").itertuples(index=False)
    ]
    return report_period(inventory), {
        "inputs": inputs,
        "uv_lock_sha256": sha256_file(lock) if lock.is_file() else None,
        "code_version": code_version,
        "synthetic": any(item["synthetic"] for item in inputs),
        **_code_state(settings),
        "assets": assets or {},
    }


def _git(root: Path, *args: str) -> str | None:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.rstrip("\n")
    except (OSError, subprocess.CalledProcessError):
        return None


# Untracked files here can change a result (code, inputs, the lock and the configuration); elsewhere (a demo
# PDF in the repository root, notes) they cannot, and so do not make a build "dirty".
RESULT_PATHS = ("pipeline", "raw", "uv.lock", "pyproject.toml", "workspace.yaml", "Makefile")


def working_tree_changes(root: Path) -> list[str] | None:
    """What can make this checkout's results differ from its commit's: tracked changes anywhere, and untracked
    (not ignored) files under RESULT_PATHS. None when `root` is not a git checkout."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    root = Path(top)
    tracked = _git(root, "status", "--porcelain", "--untracked-files=no")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", *RESULT_PATHS)
    if tracked is None or untracked is None:
        return None
    return [line[3:] for line in tracked.splitlines() if line.strip()] + \
        [f"{name} (untracked)" for name in untracked.splitlines() if name.strip()]


def _code_state(settings: Settings) -> dict:
    root = settings.raw_dir.parent
    changes = working_tree_changes(root)
    return {
        "git_commit": _git(root, "rev-parse", "HEAD"),
        "git_dirty": None if changes is None else bool(changes),
        "python": platform.python_version(),
        "packages": {name: package_version(name) for name in KEY_PACKAGES},
    }


def runtime_context(settings: Settings) -> dict:
    """Per-run facts: where the warehouse was, and the code state (also recorded in MANIFEST.json)."""
    return {**_code_state(settings), "warehouse": str(Path(settings.warehouse_path))}
