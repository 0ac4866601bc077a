"""The extracted layer on disk: one Parquet file of tidy rows per report source, named by its sha256.

A yearly refresh extracts only the new report; every other report's rows are read back from here. The file
name carries the source's sha256, so rows extracted from an earlier version of a file can never pass for the
current one, and a failed run never alters a file that a published version was built from.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.extract.tidy import conform, conform_refusals
from pipeline.sources.manifest import Source


class NotExtractedError(LookupError):
    """A report source in the manifest whose current file has not been extracted yet."""


def extracted_path(extracted_dir: Path, source: Source) -> Path:
    return Path(extracted_dir) / source.dataset / f"{source.id}-{source.sha256[:16]}.parquet"


def refusals_path(extracted_dir: Path, source: Source) -> Path:
    return extracted_path(extracted_dir, source).with_suffix(".refused.parquet")


def write_extracted(frame: pd.DataFrame, extracted_dir: Path, source: Source,
                    refused: pd.DataFrame | None = None) -> Path:
    """Write atomically (temporary file, then rename): a killed run leaves the old file or the new, never half.
    The tables that could not be read (`refused`) go beside the rows, before them."""
    path = extracted_path(extracted_dir, source)
    path.parent.mkdir(parents=True, exist_ok=True)
    if refused is not None and len(refused):
        _write_parquet(refused, refusals_path(extracted_dir, source))
    else:
        refusals_path(extracted_dir, source).unlink(missing_ok=True)
    _write_parquet(conform(frame), path)
    return path


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        connection = duckdb.connect()
        try:
            connection.from_df(frame).write_parquet(str(partial))
        finally:
            connection.close()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def read_refused(extracted_dir: Path, sources: list[Source]) -> pd.DataFrame:
    """The tables of exactly these versions of the sources that could not be read (none: an empty table)."""
    paths = [str(path) for source in sources if (path := refusals_path(extracted_dir, source)).is_file()]
    if not paths:
        return conform_refusals(None)
    connection = duckdb.connect()
    try:
        return conform_refusals(connection.read_parquet(paths).df())
    finally:
        connection.close()


def read_extracted(extracted_dir: Path, source: Source) -> pd.DataFrame:
    """The rows extracted from exactly this version of the source, or a message saying how to get them."""
    path = extracted_path(extracted_dir, source)
    if not path.is_file():
        raise NotExtractedError(
            f"{source.filename} ({source.id}, sha256 {source.sha256[:16]}…) has not been extracted yet: "
            f"materialize partition '{source.id}' of report_tables_extracted, or run `ctip run` (extracts all)")
    connection = duckdb.connect()
    try:
        frame = connection.read_parquet(str(path)).df()
    finally:
        connection.close()
    frame = conform(frame)
    stale = frame[frame.source_sha256 != source.sha256]
    if len(stale):
        raise NotExtractedError(f"{path}: holds rows of sha256 {stale.source_sha256.iloc[0]}, not {source.sha256}")
    return frame
