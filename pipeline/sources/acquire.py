"""Fetch-with-checksum: no byte of an input is read before its sha256 matches the manifest."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.sources.manifest import Source


class AcquisitionError(RuntimeError):
    """An input cannot be had, or is not the file the manifest pins: the run must stop here."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check(source: Source, path: Path, origin: str) -> None:
    actual = sha256_file(path)
    if actual != source.sha256:
        raise AcquisitionError(
            f"source {source.id}: sha256 mismatch for {origin}: expected {source.sha256}, got {actual}"
        )


def cached_path(source: Source, cache_dir: Path) -> Path:
    return Path(cache_dir) / source.id / source.filename


def acquire(
    source: Source,
    *,
    raw_dir: Path,
    cache_dir: Path,
    mirror_dir: Path | None = None,
    timeout: float = 60.0,
    attempts: int = 3,
    backoff: float = 1.0,
) -> Path:
    """Return a verified local path for `source`, copying from the mirror or downloading on first use.

    The cache only ever holds verified files (written to a temporary name, checked, then renamed), so a cache
    file that no longer matches was changed after the fact and is refused rather than silently replaced.
    """
    if source.kind == "tracked":
        path = Path(raw_dir) / str(source.path)
        if not path.is_file():
            raise AcquisitionError(f"source {source.id}: tracked file {path} is missing")
        _check(source, path, str(path))
        return path

    target = cached_path(source, cache_dir)
    if target.is_file():
        _check(source, target, f"cached file {target}")
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with _cache_lock(cache_dir):  # real and demo runs share this cache: one fills a file, the other then finds it
        if target.is_file():
            _check(source, target, f"cached file {target}")
            return target
        return _fill(source, target, mirror_dir, timeout, attempts, backoff)


@contextmanager
def _cache_lock(cache_dir: Path) -> Iterator[None]:
    import fcntl

    with open(Path(cache_dir) / ".ctip-cache.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fill(source: Source, target: Path, mirror_dir: Path | None, timeout: float, attempts: int,
          backoff: float) -> Path:
    tried: list[str] = []
    if mirror_dir is not None and source.mirror_path:
        mirrored = Path(mirror_dir) / source.mirror_path
        if mirrored.is_file():
            return _install(source, target, lambda tmp: shutil.copyfile(mirrored, tmp), f"mirror file {mirrored}")
        tried.append(f"not in mirror {mirror_dir}")
    if source.url:
        try:
            return _install(source, target, lambda tmp: _download(source.url, tmp, timeout, attempts, backoff),
                            source.url)
        except OSError as exc:
            tried.append(f"download from {source.url} failed ({exc})")
    raise AcquisitionError(
        f"source {source.id}: cannot be had: {'; '.join(tried) or 'no url and no mirror'}"
        " (set CTIP_DATA_MIRROR to a folder holding a copy, or allow network access)"
    )


def _download(url: str, destination: Path, timeout: float, attempts: int, backoff: float) -> None:
    """GET with a timeout per read; transient failures (timeouts, connection errors, 5xx, 429) are retried
    with exponential backoff, a definite answer (404, 403, ...) is not."""
    import urllib.error  # here, not at the top: only a download needs it, and `ctip extract` must start fast
    import urllib.request

    for attempt in range(1, attempts + 1):
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response, open(destination, "wb") as out:
                shutil.copyfileobj(response, out)
            return
        except urllib.error.HTTPError as exc:
            if exc.code < 500 and exc.code not in (408, 429) or attempt == attempts:
                raise OSError(f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            if attempt == attempts:
                reason = getattr(exc, "reason", exc)
                raise OSError(f"{type(reason).__name__}: {reason} after {attempts} attempt(s)") from None
        time.sleep(backoff * 2 ** (attempt - 1))


def _install(source: Source, target: Path, fill, origin: str) -> Path:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    tmp = Path(temporary)
    try:
        fill(tmp)
        _check(source, tmp, origin)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
