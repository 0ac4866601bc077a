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
    repaired: tuple[str, ...] = ()  # files of an existing, damaged copy of this version that were rebuilt
    latest_was: str | None = None  # what LATEST said before, when it was damaged (to say so once)


class PublishError(RuntimeError):
    """Publishing could not finish; what was published before is untouched, and the message says what to do."""


class LatestDamaged(ValueError):
    """reports/LATEST does not name a published version: said in one line, repaired by the next run."""


VERSION_NAME = re.compile(r"\A\d{4}-\d{4}-[0-9a-f]{12}\Z")  # <period>-<12 hex of MANIFEST.json's sha256>


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


_STAGING = re.compile(r"\A\.[^.]+\.(\d+)\.[^.]+\Z")  # .<version or LATEST>.<pid>.<random or "damaged">


def remove_abandoned_staging(reports_dir: Path) -> list[Path]:
    """Staging folders and half-written LATEST files of publishes whose process is gone (killed midway): never a
    version, safe to remove."""
    removed = []
    for path in Path(reports_dir).glob(".*"):
        match = _STAGING.match(path.name)
        if not match:
            continue
        try:
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
        except PermissionError:  # alive, another user's
            pass
    return removed


def read_latest(reports_dir: Path) -> str | None:
    """The version reports/LATEST names; None when nothing was published yet. A LATEST that is not text, empty,
    not a version name (say '../../..') or names no published version raises LatestDamaged."""
    path = Path(reports_dir) / "LATEST"
    if path.is_symlink():  # (ctip writes a plain file: a link could point anywhere, and its target is not echoed)
        raise LatestDamaged(f"{path} is a symbolic link, not the file ctip writes naming a version")
    try:
        data = path.read_bytes()[:4096]
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise LatestDamaged(f"{path} is a folder, not a file naming a version") from None
    try:
        name = data.decode("ascii").strip()
    except UnicodeDecodeError:
        raise LatestDamaged(f"{path} is damaged: it holds {len(data)} bytes that are not a version name") from None
    if not name:
        raise LatestDamaged(f"{path} is empty")
    if not VERSION_NAME.match(name):
        shown = f"{name!r}" if len(name) <= 60 and re.fullmatch(r"[\w.-]+", name) else \
            f"{len(data)} bytes of text"  # (a file's content is never echoed)
        raise LatestDamaged(f"{path} holds {shown}, which is not a version name (<period>-<12 hex>)")
    if not (Path(reports_dir) / name / "MANIFEST.json").is_file():
        raise LatestDamaged(f"{path} names {name}, which is not a published version in {reports_dir}")
    return name


def damaged_files(folder: Path, expected: dict[str, bytes]) -> list[str]:
    """Files of a published folder that differ from what it should hold (changed, missing or extra)."""
    folder = Path(folder)
    actual = {str(p.relative_to(folder)): p for p in folder.rglob("*") if p.is_file()}
    names = set(actual) | set(expected)
    return sorted(name for name in names if name not in actual or name not in expected
                  or sha256_bytes(actual[name].read_bytes()) != sha256_bytes(expected[name]))


def publish(reports_dir: Path, period: str, files: dict[str, bytes], context: dict) -> Published:
    """Write files + MANIFEST.json into reports/<version>/ via a temporary folder and one rename; then LATEST.

    The same content is never written twice: an intact existing version is kept (LATEST still moves to it); a
    damaged one (a file edited or deleted) is rebuilt in a temporary folder and swapped in, no other version
    touched."""
    reports_dir = Path(reports_dir)
    manifest = build_manifest(files, context)
    version = version_name(period, manifest)
    final = reports_dir / version
    expected = {**files, "MANIFEST.json": canonical_json(manifest)}
    created, repaired, latest_was = not final.exists(), (), None
    try:
        reports_dir.mkdir(parents=True, exist_ok=True)
        remove_abandoned_staging(reports_dir)
        try:
            read_latest(reports_dir)
        except LatestDamaged as exc:
            latest_was = str(exc)
        if not created:
            repaired = tuple(damaged_files(final, expected))
        if created or repaired:
            _write_version(reports_dir, version, expected, replace=bool(repaired))
    except OSError as exc:
        if final.is_dir() and not damaged_files(final, expected):
            created = False  # published meanwhile by a concurrent run: same name, hence the same content
        else:
            raise PublishError(f"could not publish {version} in {reports_dir}: {exc.strerror or exc}; "
                                          "every published version and LATEST are as they were") from exc
    try:
        _write_atomically(reports_dir / "LATEST", (version + "\n").encode())
    except OSError as exc:
        raise PublishError(f"{version} is published and complete, but {reports_dir / 'LATEST'} could not "
                                      f"be written ({exc.strerror or exc}); the next run points it there") from exc
    return Published(version, final, created=created, repaired=repaired, latest_was=latest_was)


def _write_version(reports_dir: Path, version: str, files: dict[str, bytes], replace: bool) -> None:
    """All files into a hidden staging folder, then one rename (a damaged copy is moved aside first)."""
    final = reports_dir / version
    staging = Path(tempfile.mkdtemp(prefix=f".{version}.{os.getpid()}.", dir=reports_dir))
    try:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if replace:
            aside = reports_dir / f".{version}.{os.getpid()}.damaged"
            os.rename(final, aside)
            os.rename(staging, final)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_atomically(path: Path, data: bytes) -> None:
    """A temporary file renamed over `path`; removed again if anything fails (a full disk leaves nothing)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_run_record(reports_dir: Path, run_id: str, record: dict) -> Path:
    """Time stamps and run ids live here, beside the versions and outside their hashed content."""
    path = Path(reports_dir) / "runs" / f"{run_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(path, canonical_json(record))
    return path
