"""Publish a report version: content-addressed, written atomically, never overwritten."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Published:
    version: str
    path: Path
    created: bool  # False when identical content was already published


def canonical_json(document: object) -> bytes:
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n").encode(
        "utf-8")


def json_value(value: object) -> object:
    """A pandas / numpy cell as plain JSON: missing values become null, numpy scalars Python ones."""
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_manifest(files: dict[str, bytes], context: dict) -> dict:
    """What a version is: the sha256 of every file in it plus the recorded inputs, lock and code version."""
    return {
        "files": {name: sha256_bytes(files[name]) for name in sorted(files)},
        **context,
    }


def version_name(period: str, manifest: dict) -> str:
    return f"{period}-{sha256_bytes(canonical_json(manifest))[:12]}"


_STAGING = re.compile(r"^\.[^.]+\.(\d+)\.[^.]+$")  # .<version>.<pid>.<random>


def remove_abandoned_staging(reports_dir: Path) -> list[Path]:
    """Staging folders of publishes whose process is gone (killed midway): never a version, safe to remove."""
    removed = []
    for path in Path(reports_dir).glob(".*"):
        match = _STAGING.match(path.name)
        if not (match and path.is_dir()):
            continue
        try:
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
        except PermissionError:  # alive, another user's
            pass
    return removed


def publish(reports_dir: Path, period: str, files: dict[str, bytes], context: dict) -> Published:
    """Write files + MANIFEST.json into reports/<version>/ via a temporary folder and one rename."""
    reports_dir = Path(reports_dir)
    manifest = build_manifest(files, context)
    version = version_name(period, manifest)
    final = reports_dir / version
    if final.exists():
        return Published(version, final, created=False)
    reports_dir.mkdir(parents=True, exist_ok=True)
    remove_abandoned_staging(reports_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{version}.{os.getpid()}.", dir=reports_dir))
    try:
        for name, data in {**files, "MANIFEST.json": canonical_json(manifest)}.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        os.rename(staging, final)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if final.is_dir():  # published meanwhile by a concurrent run: same name, hence the same content
            return Published(version, final, created=False)
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _write_atomically(reports_dir / "LATEST", (version + "\n").encode())
    return Published(version, final, created=True)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


def write_run_record(reports_dir: Path, run_id: str, record: dict) -> Path:
    """Time stamps and run ids live here, beside the versions and outside their hashed content."""
    path = Path(reports_dir) / "runs" / f"{run_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(path, canonical_json(record))
    return path
