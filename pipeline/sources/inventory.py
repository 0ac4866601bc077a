"""Sources as a warehouse table, and the verified path of each source for the extractors."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.extract.tidy import SourceRef
from pipeline.settings import Settings
from pipeline.sources.acquire import AcquisitionError, acquire, sha256_file
from pipeline.sources.manifest import Source, load_manifest

if TYPE_CHECKING:  # `ctip extract` verifies its reference files through here and must not wait for pandas
    import pandas as pd


def manifest_sources(settings: Settings) -> list[Source]:
    return load_manifest(settings.manifest_path)


def verified_path(source: Source, settings: Settings):
    """Acquire (or re-verify the cached copy of) a source; every read goes through here."""
    return acquire(source, raw_dir=settings.raw_dir, cache_dir=settings.cache_dir, mirror_dir=settings.mirror_dir)


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
