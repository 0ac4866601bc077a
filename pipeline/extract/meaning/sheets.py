"""CSV and XLSX files as the same tables the PDF reader gives: blocks of rows with several cells, the lines of
one cell over a block its caption, those under it its notes. Cells keep the file's line numbers."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from pipeline.extract.limits import MAX_CSV_FIELD_CHARS, check_xlsx_expansion
from pipeline.extract.tables.model import Cell, Table, edges_where
from pipeline.extract.tidy import ExtractionError

Line = tuple[int | None, int, list[str]]  # sheet (None for CSV), 1-based line number, the fields


def sheet_tables(path: Path) -> list[Table]:
    """Every table of a CSV or XLSX file, in file order."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _tables(csv_lines(path))
    if suffix in {".xlsx", ".xlsm"}:
        return _tables(xlsx_lines(path))
    raise ExtractionError(f"{path.name}: unsupported file type {suffix!r} (PDF, CSV or XLSX)")


def csv_lines(path: Path) -> Iterator[Line]:
    """Every line of a CSV file with its fields (stripped); a file that is no CSV stops at the line it breaks."""
    csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                raise ExtractionError(f"{path.name}, line {reader.line_num}: unreadable CSV ({exc})") from None
            yield None, reader.line_num, [field.strip() for field in row]


def xlsx_lines(path: Path) -> Iterator[Line]:
    """Every row of every sheet (line -1 ends a sheet), once the workbook is known not to unpack past its limit."""
    from openpyxl import load_workbook

    check_xlsx_expansion(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ExtractionError(f"{path.name}: not a readable XLSX workbook ({type(exc).__name__})") from None
    try:
        for sheet_number, sheet in enumerate(workbook.worksheets, start=1):
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield sheet_number, number, ["" if value is None else str(value).strip() for value in row]
            yield sheet_number, -1, []
    finally:
        workbook.close()


def _tables(lines: Iterator[Line]) -> list[Table]:
    tables: list[Table] = []
    block: list[Line] = []
    for line in lines:
        filled = sum(1 for field in line[2] if field)
        if filled == 0 or block and line[0] != block[-1][0]:
            _close(block, tables)
            block = []
        if filled:
            block.append(line)
    _close(block, tables)
    return tables


def _close(block: list[Line], tables: list[Table]) -> None:
    """A block of lines: single-cell lines at its top are its caption, at its bottom its notes."""
    def single(line: Line) -> bool:
        return sum(1 for field in line[2] if field) == 1 and bool(line[2][0])

    top, bottom = edges_where(block, single)
    body = block[top:bottom]
    if not body:
        return
    cells = tuple(Cell(row, col, text, box=(float(col), float(number), col + 0.9, number + 0.9))
                  for row, (_, number, fields) in enumerate(body) for col, text in enumerate(fields) if text)
    width = max(len(fields) for _, _, fields in body)
    tables.append(Table(body[0][0] or 0, (0.0, 0.0, float(width), float(len(body))), cells,
                        above=tuple(line[2][0] for line in block[:top]),
                        below=tuple(line[2][0] for line in block[bottom:]),
                        source_rows=tuple(number for _, number, _ in body),
                        fields=tuple(len(fields) for _, _, fields in body)))

