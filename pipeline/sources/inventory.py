"""Sources as a warehouse table, and the verified path of each source for the extractors."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.extract.tidy import SourceRef
from pipeline.settings import Settings
from pipeline.sources.acquire import AcquisitionError, acquire, sha256_file
from pipeline.sources.source import Source

if TYPE_CHECKING:  # `ctip extract` verifies its reference files through here and must not wait for pandas
    import pandas as pd


def manifest_sources(settings: Settings) -> list[Source]:
    """Every source of the manifest, parsed and checked in full (pipeline.sources.manifest)."""
    from pipeline.sources.manifest import load_manifest

    return load_manifest(settings.manifest_path)


def verified_path(source: Source, settings: Settings):
    """Acquire (or re-verify the cached copy of) a source; every read goes through here."""
    return acquire(source, raw_dir=settings.raw_dir, cache_dir=settings.cache_dir, mirror_dir=settings.mirror_dir)


# --- the memo of a full check, for `ctip extract` ------------------------------------------------------------
# Checking the manifest means importing pydantic and PyYAML: 0.35 s, more than three times what a bare script
# needs to open a PDF and dump its text (issue 23 allows `ctip extract` five). The same bytes checked by the same
# code give the same sources, so a command that must start fast recalls them from the last full check of these
# very bytes, as Python recalls a module from its bytecode cache: keyed by the manifest's sha256, the checker's
# own files (manifest.py, typed_yaml.py, source.py, pydantic's and PyYAML's versions) and where each tracked path
# resolves (the symlink check). Any other byte, or a memo that cannot be read, means a full check, which writes
# the memo again. The data files themselves are hashed on every read (verified_path), memo or not.

MEMO_NAME = ".ctip-manifest.json"
_CHECKER = ("manifest.py", "typed_yaml.py", "source.py")
_LIBRARIES = (("pydantic", "version.py"), ("yaml", "__init__.py"))  # the files that carry each one's version
_TUPLES = ("period", "suppression_range", "notes")  # what JSON turns into lists
_MOST_BYTES = 1 << 20  # above typed_yaml.MAX_YAML_BYTES (1,000,000), which the full check refuses


def checked_sources(settings: Settings) -> list[Source]:
    """manifest_sources, recalled from the memo of the last full check of these bytes when there is one."""
    manifest = Path(settings.manifest_path)
    memo = Path(settings.cache_dir) / MEMO_NAME
    try:
        key = _memo_key(manifest)
    except (OSError, ValueError):  # missing, unreadable or far too big: the full check says so in one line
        return manifest_sources(settings)
    recalled = _recall(memo, key, manifest.parent)
    if recalled is not None:
        return recalled
    sources = manifest_sources(settings)
    if _memo_key(manifest) == key:  # the file did not change while it was checked
        _remember(memo, key, sources, manifest.parent)
    return sources


def _memo_key(manifest: Path) -> str:
    import importlib.util

    with open(manifest, "rb") as handle:
        text = handle.read(_MOST_BYTES + 1)  # never more than the checker itself would read
    if len(text) > _MOST_BYTES:
        raise ValueError(f"{manifest}: larger than any manifest the check accepts")
    digest = hashlib.sha256(text)
    for name in _CHECKER:
        digest.update((Path(__file__).parent / name).read_bytes())
    for package, carrier in _LIBRARIES:
        digest.update(Path(importlib.util.find_spec(package).origin).with_name(carrier).read_bytes())
    return digest.hexdigest()


def _tracked_targets(sources: list[Source], raw_dir: Path) -> dict[str, str]:
    root = raw_dir.resolve()
    return {"": str(root), **{s.id: str((root / str(s.path)).resolve()) for s in sources if s.kind == "tracked"}}


def _recall(memo: Path, key: str, raw_dir: Path) -> list[Source] | None:
    try:
        stored = json.loads(memo.read_text(encoding="utf-8"))
        if stored["key"] != key:
            return None
        sources = [Source(**{**fields, **{name: tuple(fields[name]) if fields[name] is not None else None
                                          for name in _TUPLES}}) for fields in stored["sources"]]
        return sources if stored["tracked"] == _tracked_targets(sources, raw_dir) else None
    except (OSError, RuntimeError, ValueError, TypeError, KeyError):  # none yet, another's, damaged: check in full
        return None


def _remember(memo: Path, key: str, sources: list[Source], raw_dir: Path) -> None:
    text = json.dumps({"key": key, "sources": [dataclasses.asdict(source) for source in sources],
                       "tracked": _tracked_targets(sources, raw_dir)}, ensure_ascii=False)
    with contextlib.suppress(OSError):  # a read-only cache: the next run checks in full again
        memo.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=memo.parent, prefix=f"{memo.name}.", suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, memo)  # whole or not at all: two runs at once each write a complete memo
        finally:
            Path(temporary).unlink(missing_ok=True)


@contextmanager
def verified_snapshot(source: Source, settings: Settings) -> Iterator[Path]:
    """A private copy of the verified file, hashed again once copied: extractors parse exactly the bytes that
    were checked, and a file changed between the hash check and the read is caught, not half-read."""
    path = verified_path(source, settings)
    with tempfile.TemporaryDirectory(prefix="ctip-read-") as private:
        copy = Path(private) / path.name
        shutil.copyfile(path, copy)
        digest = sha256_file(copy)
        if digest != source.sha256:
            raise AcquisitionError(
                f"source {source.id}: {path} changed after its sha256 was checked (expected {source.sha256}, "
                f"read {digest}): something is writing to it; nothing was extracted from it")
        yield copy


def source_ref(source: Source) -> SourceRef:
    return SourceRef(source.id, source.sha256, source.period[0], source.synthetic, source.filename)


def sources_table(sources: list[Source]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([{
        "source_id": s.id, "dataset": s.dataset, "title": s.title, "publisher": s.publisher,
        "upstream_url": s.upstream_url, "url": s.url, "filename": s.filename, "sha256": s.sha256,
        "size": s.size, "license": s.license, "period_start": s.period[0], "period_end": s.period[1],
        "synthetic": s.synthetic, "notes": " | ".join(s.notes) or None,
    } for s in sources]).sort_values("source_id", kind="stable").reset_index(drop=True)
