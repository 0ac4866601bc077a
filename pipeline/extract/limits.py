"""Bounds on what extraction will read: a hostile or broken file stops with a clear message, in bounded time
and memory, instead of exhausting the machine. The real inputs are far inside them (the largest real UCR CSV
is under 1 MB; a TIPC report has tens of pages)."""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.extract.tables.checks import MAX_PAGE_SIDE_PT, MAX_PDF_PAGES  # noqa: F401 (PDF bounds, checked there)
from pipeline.extract.tidy import ExtractionError

MAX_FILE_BYTES = {".pdf": 200 * 2**20, ".csv": 100 * 2**20, ".xlsx": 50 * 2**20, ".xlsm": 50 * 2**20}
MAX_CSV_FIELD_CHARS = 1_000_000


def check_file_size(path: Path) -> None:
    """Refuse before reading: the size is known without opening the file."""
    path = Path(path)
    limit = MAX_FILE_BYTES.get(path.suffix.lower())
    size = path.stat().st_size
    if limit is not None and size > limit:
        raise ExtractionError(f"{path.name}: {size:,} bytes, more than the {limit:,} bytes ctip reads from a "
                              f"{path.suffix.lower()} file; is this really one report's table?")


MAX_XLSX_UNPACKED_BYTES = 200 * 2**20  # a real report workbook unpacks to a few MB


def check_xlsx_expansion(path: Path, limit: int = MAX_XLSX_UNPACKED_BYTES) -> None:
    """An XLSX is a zip: refuse one that unpacks past `limit` (a 2 MB file can hold a 2 GB cell) before openpyxl
    reads it. The declared sizes are checked first, then every member is inflated and counted, since a zip's
    declared sizes can lie."""
    import zipfile

    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ExtractionError(f"{path.name}: not a readable XLSX workbook ({exc})") from None
    with archive:
        declared = sum(member.file_size for member in archive.infolist())
        if declared > limit:
            raise ExtractionError(f"{path.name}: unpacks to {declared:,} bytes, more than the {limit:,} bytes ctip "
                                  "reads from a workbook (a zip bomb?)")
        total = 0
        for member in archive.infolist():
            try:
                with archive.open(member) as handle:
                    while block := handle.read(1 << 20):
                        total += len(block)
                        if total > limit:
                            raise ExtractionError(f"{path.name}: {member.filename} unpacks past the {limit:,} bytes "
                                                  "ctip reads from a workbook (its declared size is false)")
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise ExtractionError(f"{path.name}: {member.filename} cannot be unpacked ({exc})") from None


def read_csv_rows(path: Path, filename: str) -> list[list[str]]:
    """Every row of a CSV file within the size and field bounds; an unreadable or empty file is one line."""
    check_file_size(path)
    csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (csv.Error, UnicodeDecodeError) as exc:
        raise ExtractionError(f"{filename}: unreadable CSV ({exc})") from None
    if not rows:
        raise ExtractionError(f"{filename}: empty file")
    return rows
