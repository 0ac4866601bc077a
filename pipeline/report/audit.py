"""Auditing report versions: check files against MANIFEST.json, compare two versions, diff their metrics."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from pipeline.report.publish import LatestDamaged, read_latest

# The columns that identify a row in each metric table, for `ctip diff`.
METRIC_KEYS = {
    "published_disparity.csv": ["metric"],
    "claims_check.csv": ["claim"],
    "ucr_statewide_by_year_sex.csv": ["year", "sex"],
    "ucr_female_to_male_by_year.csv": ["year"],
    "ucr_trend.csv": ["sex", "years"],
    "ucr_pooled_ratio.csv": ["window"],
    "claims_sensitivity.csv": ["window", "min_arrests"],
    "national_female_share.csv": ["year"],
    "ct_versus_nation.csv": ["years", "measure"],
    "national_reconciliation.csv": ["group"],
    "proxy_calibration.csv": ["series"],
    "ucr_county_rates.csv": ["county", "years"],
    "ucr_town_disparity.csv": ["town"],
    "tipc_statewide_totals.csv": ["source_id", "statute", "measure"],
}


def resolve_version(reports_dir: Path, name: str) -> Path:
    """A version by name (reports/<name>), 'LATEST', or a path to its folder. A damaged LATEST raises
    LatestDamaged; a missing one FileNotFoundError."""
    if name == "LATEST":
        latest = read_latest(reports_dir)
        if latest is None:
            raise FileNotFoundError(f"{Path(reports_dir) / 'LATEST'}: no version published yet (run `make run`)")
        name = latest
    if "\x00" in name or len(name) > 4096 or any(len(part) > 255 for part in Path(name).parts):
        raise FileNotFoundError(f"{name[:40]!r}... ({len(name):,} characters): not a report version (a version name "
                                "is <period>-<12 hex>; a folder's path has parts of at most 255 characters)")
    folder = Path(name) if Path(name).is_dir() else Path(reports_dir) / name
    if not (folder / "MANIFEST.json").is_file():
        raise FileNotFoundError(f"{name}: not a report version (no MANIFEST.json in {folder})")
    return folder


def manifest(folder: Path) -> dict:
    return json.loads((Path(folder) / "MANIFEST.json").read_text(encoding="utf-8"))


def file_hashes(folder: Path) -> dict[str, str]:
    folder = Path(folder)
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "MANIFEST.json"}


def altered_files(folder: Path) -> list[str]:
    """Files whose bytes no longer match the version's own MANIFEST.json (or that appeared or vanished)."""
    recorded, actual = manifest(folder)["files"], file_hashes(folder)
    return sorted(name for name in set(recorded) | set(actual) if recorded.get(name) != actual.get(name))


def differing_files(first: Path, second: Path) -> list[str]:
    a = {**file_hashes(first), "MANIFEST.json": hashlib.sha256((Path(first) / "MANIFEST.json").read_bytes())
         .hexdigest()}
    b = {**file_hashes(second), "MANIFEST.json": hashlib.sha256((Path(second) / "MANIFEST.json").read_bytes())
         .hexdigest()}
    return sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))


def input_changes(first: dict, second: dict) -> pd.DataFrame:
    a = {i["source_id"]: i["sha256"] for i in first["inputs"]}
    b = {i["source_id"]: i["sha256"] for i in second["inputs"]}
    rows = []
    for source in sorted(set(a) | set(b)):
        status = ("added" if source not in a else "removed" if source not in b
                  else "same" if a[source] == b[source] else "changed")
        rows.append({"source_id": source, "sha256_1": (a.get(source) or "")[:12],
                     "sha256_2": (b.get(source) or "")[:12], "status": status})
    return pd.DataFrame(rows)


def changed_since_latest(reports_dir: Path, inputs: list[dict]) -> list[str]:
    """Source ids new or changed since reports/LATEST (every input when there is none yet)."""
    try:
        previous = manifest(resolve_version(reports_dir, "LATEST"))
    except (FileNotFoundError, OSError, LatestDamaged):
        previous = {"inputs": []}
    changes = input_changes(previous, {"inputs": inputs})
    return changes[changes.status.isin(["added", "changed"])].source_id.tolist()


def published_inputs(reports_dir: Path) -> tuple[str, dict[str, str]] | None:
    """reports/LATEST's name and the {source id: sha256} it was built from; None when there is no intact LATEST
    (none yet, damaged, or its files no longer match its MANIFEST.json: then it reflects nothing)."""
    try:
        folder = resolve_version(reports_dir, "LATEST")
        if altered_files(folder):
            return None
        return folder.name, {i["source_id"]: i["sha256"] for i in manifest(folder)["inputs"]}
    except (FileNotFoundError, OSError, ValueError, KeyError, TypeError, LatestDamaged):
        return None


def metric_changes(first: Path, second: Path) -> pd.DataFrame:
    """Every value that differs between the two versions' metric tables, keyed by what identifies the row."""
    rows = []
    for name, keys in METRIC_KEYS.items():
        path_a, path_b = Path(first) / "metrics" / name, Path(second) / "metrics" / name
        if not path_a.is_file() and not path_b.is_file():
            continue
        a = pd.read_csv(path_a, dtype=str, keep_default_na=False) if path_a.is_file() else None
        b = pd.read_csv(path_b, dtype=str, keep_default_na=False) if path_b.is_file() else None
        if a is None or b is None:
            rows.append({"table": name, "key": "(whole table)", "column": "",
                         "value_1": "absent" if a is None else "present",
                         "value_2": "absent" if b is None else "present"})
            continue
        merged = a.merge(b, on=keys, how="outer", suffixes=("_1", "_2"), indicator=True)
        for record in merged.to_dict("records"):
            key = " / ".join(str(record[k]) for k in keys)
            for column in [c for c in a.columns if c not in keys and c in b.columns]:
                v1, v2 = record.get(f"{column}_1"), record.get(f"{column}_2")
                if (v1 if isinstance(v1, str) else "") != (v2 if isinstance(v2, str) else ""):
                    rows.append({"table": name, "key": key, "column": column,
                                 "value_1": v1 if isinstance(v1, str) else "", "value_2": v2 if isinstance(v2, str)
                                 else ""})
    return pd.DataFrame(rows, columns=["table", "key", "column", "value_1", "value_2"])


def is_current(folder: Path, context: dict) -> bool:
    """True when a version was made from exactly these inputs, lock, package version and clean commit, so that
    rerunning could only reproduce it."""
    recorded = manifest(folder)
    if context.get("git_dirty") is not False or recorded.get("git_dirty") is not False:
        return False  # uncommitted code: nothing says it is the code that made the version
    keys = ("inputs", "uv_lock_sha256", "code_version", "git_commit", "python", "packages")
    return all(recorded.get(key) == context.get(key) for key in keys)
