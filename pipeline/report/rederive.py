"""Re-deriving a report version where it was made: at its recorded commit, in an environment from that commit's
uv.lock, from the same inputs; and saying which recorded provenance explains a difference."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.report.provenance import working_tree_changes
from pipeline.settings import Settings

# What MANIFEST.json records about how a version was made, in the words an auditor reads.
PROVENANCE_KEYS = {
    "inputs": "inputs", "uv_lock_sha256": "uv.lock", "git_commit": "commit", "git_dirty": "uncommitted changes",
    "python": "Python", "packages": "package versions", "code_version": "ctip version", "assets": "asset code versions",
}


class RederiveError(RuntimeError):
    """The version cannot be re-derived here (its commit is unknown, uv is missing, the run failed)."""


@dataclass(frozen=True)
class Rederived:
    folder: Path  # the re-derived version
    where: str  # "this checkout" or "commit <sha> (temporary worktree)"


def _short(value: object) -> str:
    text = str(value)
    return text[:12] if len(text) == 40 or len(text) == 64 else text


def provenance_differences(recorded: dict, other: dict) -> list[str]:
    """Each recorded fact of how the versions were made that differs, e.g. 'commit 1a2b3c4d5e6f -> 9f8e7d6c5b4a'."""
    causes = []
    for key, label in PROVENANCE_KEYS.items():
        a, b = recorded.get(key), other.get(key)
        if a == b:
            continue
        if key == "inputs":
            first = {i["source_id"]: i["sha256"] for i in a or []}
            second = {i["source_id"]: i["sha256"] for i in b or []}
            changed = sorted(s for s in set(first) | set(second) if first.get(s) != second.get(s))
            causes.append(f"inputs: {', '.join(changed) or 'their URLs or synthetic flags'}")
        elif key in ("packages", "assets"):
            a, b = a or {}, b or {}
            changed = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            shown = ", ".join(f"{k} {_describe(a.get(k))} -> {_describe(b.get(k))}" for k in changed[:6])
            causes.append(f"{label}: {shown}" + (f" and {len(changed) - 6} more" if len(changed) > 6 else ""))
        elif key == "git_dirty":
            causes.append(f"{label}: {'yes' if a else 'no'} -> {'yes' if b else 'no'}"
                          + (" (a build from uncommitted changes cannot be re-derived from a commit)" if a else ""))
        else:
            causes.append(f"{label}: {_short(a)} -> {_short(b)}")
    return causes


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return _describe(value.get("code_version"))
    return "absent" if value is None else _short(value)


def find_uv(home: Path) -> str:
    found = shutil.which("uv") or (str(home / ".tools" / "bin" / "uv") if (home / ".tools" / "bin" / "uv").is_file()
                                   else None)
    if not found:
        raise RederiveError("re-deriving at another commit needs uv to build that commit's environment "
                            "(`make bootstrap` installs it into .tools/bin)")
    return found


def _run(command: list[str], cwd: Path, env: dict[str, str], log: Path, what: str) -> None:
    with open(log, "ab") as out:
        out.write(f"$ {' '.join(command)}\n".encode())
        out.flush()
        done = subprocess.run(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        raise RederiveError(f"{what} failed (exit {done.returncode}): {' | '.join(tail)}")


def _pipeline_env(settings: Settings, scratch: Path) -> dict[str, str]:
    """The same inputs (verified cache, mirror), outputs only in the scratch folder, no shared Dagster instance."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("DAGSTER_HOME", "CTIP_HOME", "CTIP_RAW_DIR", "VIRTUAL_ENV")}
    env.update(CTIP_CACHE_DIR=str(settings.cache_dir), CTIP_WAREHOUSE=str(scratch / "warehouse" / "ctip.duckdb"),
               CTIP_REPORTS_DIR=str(scratch / "reports"))
    if settings.mirror_dir:
        env["CTIP_DATA_MIRROR"] = str(settings.mirror_dir)
    return env


def _rebuilt(scratch: Path) -> Path:
    name = (scratch / "reports" / "LATEST").read_text(encoding="ascii").strip()
    return scratch / "reports" / name


def in_place_possible(recorded: dict, home: Path) -> bool:
    """This checkout can only reproduce a version made at its own commit with the same clean/dirty state."""
    from pipeline.report.provenance import _git

    changes = working_tree_changes(home)
    return (recorded.get("git_commit") == _git(home, "rev-parse", "HEAD")
            and changes is not None and bool(changes) == bool(recorded.get("git_dirty")))


@contextmanager
def rederive(recorded: dict, settings: Settings, home: Path, scratch: Path) -> Iterator[Rederived]:
    """Run the whole pipeline again for a version with `recorded` MANIFEST.json, writing only under `scratch`.

    At this checkout when it is at the version's commit in the same state; otherwise in a temporary `git worktree`
    at that commit with its own virtual environment synced from that commit's uv.lock."""
    log = scratch / "rederive.log"
    env = _pipeline_env(settings, scratch)
    if in_place_possible(recorded, home):
        env["CTIP_RAW_DIR"] = str(settings.raw_dir)
        _run([sys.executable, "-m", "pipeline.cli", "run", "--force"], home, env, log, "the re-derivation")
        yield Rederived(_rebuilt(scratch), "this checkout")
        return
    commit = recorded.get("git_commit")
    if not commit:
        raise RederiveError("the version records no git commit, so the code that made it is unknown")
    if subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=home, capture_output=True).returncode:
        raise RederiveError(f"commit {commit[:12]} is not in this repository (git fetch it first)")
    source = scratch / "src"
    uv = find_uv(home)
    _run(["git", "worktree", "add", "--detach", "--quiet", str(source), commit], home, dict(os.environ), log,
         f"checking out commit {commit[:12]}")
    try:
        env["UV_PROJECT_ENVIRONMENT"] = str(scratch / "venv")
        env.pop("PYTHONPATH", None)  # that commit's code only, from its own environment
        _run([uv, "sync", "--locked", "--quiet", "--no-dev", "--python", sys.executable], source, env, log,
             f"building the environment of commit {commit[:12]} from its uv.lock")
        _run([str(scratch / "venv" / "bin" / "ctip"), "run", "--force"], source, env, log,
             f"the re-derivation at commit {commit[:12]}")
        yield Rederived(_rebuilt(scratch), f"commit {commit[:12]} (temporary worktree, environment from its uv.lock)")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(source)], cwd=home, capture_output=True)
        subprocess.run(["git", "worktree", "prune"], cwd=home, capture_output=True)


def scratch_folder() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="ctip-verify-")
