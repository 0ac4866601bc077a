"""TIPC annual report tables (PDF, CSV, XLSX) to tidy rows with page / table / row / cell provenance.

Every input becomes a sequence of printed lines made of positioned cells (characters placed by PDFium for
PDFs, columns for CSV and XLSX); one state machine then reads titles, headers, data rows and totals from those
lines, so the same rules apply whatever the file format. Anything that looks like a table row but cannot be
read exactly is an error naming the file, page and row: a wrong number is worse than no number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.extract.limits import MAX_CSV_FIELD_CHARS, check_file_size, check_page_count, check_page_sizes
from pipeline.extract.tidy import ExtractionError, SourceRef, conform

STATE_POLICE = "Connecticut State Police"
STATEWIDE = "Connecticut"
BODY_MARGIN = 40.0  # points cut from the top and bottom of every page: running headers and footers live there

_TITLE = re.compile(r"^Table\s+(\d+)\b[.:]?\s*(.*)$", re.IGNORECASE)
_STATUTE = re.compile(r"\b53a-\d+[a-z]?\b")
_MEASURE_WORDS = {"arrests": "arrests", "arrest": "arrests", "convictions": "convictions",
                  "conviction": "convictions"}
_HEADER_FIRST = {"town", "municipality", "jurisdiction", "town/agency", "city/town", "town or agency"}
_YEAR = re.compile(r"^(19|20)\d\d$")
_PERIOD = re.compile(r"^((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)$")
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_ZERO = {"–", "—", "-", "‒", "−"}
_SUPPRESSED = {"*", "**", "†", "‡", "§", "n/a", "na", "(s)", ""}
_TOTAL = re.compile(r"^(total|totals|statewide total|state total|connecticut total|total, all towns|all towns)$",
                    re.IGNORECASE)
_STATE_POLICE = re.compile(r"\bstate\s+police\b|\bCSP\b|\bstate\s+troopers?\b", re.IGNORECASE)
_MARKERS = re.compile(r"(\s*\([a-z0-9]\)|\s*[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
_PAGE_NUMBER = re.compile(r"^(page\s+)?\d+(\s+of\s+\d+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    text: str
    x0: float
    x1: float


@dataclass(frozen=True)
class Line:
    page: int | None  # 1-based page (PDF) or sheet (XLSX); None for CSV
    number: int  # line number on the page (PDF) or in the file (CSV/XLSX), for messages
    cells: tuple[Cell, ...]

    @property
    def text(self) -> str:
        return " ".join(cell.text for cell in self.cells)


@dataclass
class Column:
    header: str
    x0: float
    x1: float
    kind: str = "value"  # name, year (long tables), value
    statute: str | None = None
    measure: str | None = None
    period: tuple[int, int] | None = None
    printed_total: bool = False


@dataclass
class TableState:
    number: int
    title: str
    statute: str | None
    measure: str | None
    columns: list[Column] = field(default_factory=list)
    header_open: bool = False  # header lines may continue until the first data row
    rows_on_page: dict[int | None, int] = field(default_factory=dict)


def parse_value(text: str) -> int | None:
    """'1,204' -> 1204; a dash -> 0; '*' and other suppression marks -> None (never 0)."""
    cleaned = text.strip()
    if _NUMBER.match(cleaned):
        return int(cleaned.replace(",", ""))
    if cleaned in _ZERO:
        return 0
    if cleaned.lower() in _SUPPRESSED:
        return None
    raise ValueError(f"not a count: {text!r}")


def is_value(text: str) -> bool:
    try:
        parse_value(text)
    except ValueError:
        return False
    return True


def resolve_name(printed: str, towns: dict[str, str]) -> tuple[str, str]:
    """Printed row name -> (jurisdiction, jurisdiction_type); unknown names stay as printed, typed 'unresolved'."""
    name = printed.strip()
    while True:
        stripped = _MARKERS.sub("", name).strip()
        if stripped == name:
            break
        name = stripped
    if _TOTAL.match(name):
        return STATEWIDE, "statewide"
    if _STATE_POLICE.search(name):
        return STATE_POLICE, "state_police"
    official = towns.get(re.sub(r"\s+", " ", name).casefold())
    if official:
        return official, "town"
    return printed.strip(), "unresolved"


def parse_title(text: str) -> tuple[int, str, str | None, str | None] | None:
    match = _TITLE.match(text)
    if not match:
        return None
    statutes = sorted(set(_STATUTE.findall(text)))
    measures = {_MEASURE_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _MEASURE_WORDS}
    return (int(match.group(1)), text, statutes[0] if len(statutes) == 1 else None,
            measures.pop() if len(measures) == 1 else None)


def _header_columns(line: Line, table: TableState) -> list[Column] | None:
    first = line.cells[0].text.strip().casefold()
    if first not in _HEADER_FIRST or len(line.cells) < 2:
        return None
    columns = [Column(line.cells[0].text, line.cells[0].x0, line.cells[0].x1, kind="name")]
    for cell in line.cells[1:]:
        text = cell.text.strip()
        column = Column(text, cell.x0, cell.x1)
        if text.casefold() == "year":
            column.kind = "year"
        columns.append(column)
    return columns


def _finish_header(columns: list[Column], table: TableState, where: str) -> None:
    """Give every value column its statute, measure and period, from its header or the table title."""
    years = [int(c.header) for c in columns if _YEAR.match(c.header)]
    for column in columns:
        if column.kind != "value":
            continue
        header = column.header
        if _YEAR.match(header):
            column.period = (int(header), int(header))
        elif header.casefold() in {"total", "totals", f"{min(years, default=0)}-{max(years, default=0)}"}:
            if not years:
                raise ExtractionError(f"{where}: a 'Total' column but no year columns")
            column.period, column.printed_total = (min(years), max(years)), True
        statutes = _STATUTE.findall(header)
        measures = [_MEASURE_WORDS[w] for w in re.findall(r"[a-z]+", header.lower()) if w in _MEASURE_WORDS]
        column.statute = statutes[0] if statutes else table.statute
        column.measure = measures[0] if measures else table.measure
        if column.statute is None or column.measure is None:
            raise ExtractionError(
                f"{where}: column {header!r} of table {table.number} says no statute or measure, "
                f"and neither does its title {table.title!r}")
        if column.period is None and not any(c.kind == "year" for c in columns):
            raise ExtractionError(f"{where}: column {header!r} of table {table.number} has no year")


def _merge_header_line(line: Line, columns: list[Column]) -> bool:
    """A second header line ('53a-82' under 'Arrests') joins the column it sits under."""
    if not all(_STATUTE.fullmatch(c.text.strip()) or c.text.strip().lower() in _MEASURE_WORDS for c in line.cells):
        return False
    for cell in line.cells:
        column = _column_for(cell, columns)
        column.header = f"{column.header} {cell.text.strip()}"
        column.x0, column.x1 = min(column.x0, cell.x0), max(column.x1, cell.x1)
    return True


def _column_for(cell: Cell, columns: list[Column]) -> Column:
    def overlap(column: Column) -> float:
        return min(cell.x1, column.x1) - max(cell.x0, column.x0)

    best = max(columns, key=overlap)
    if overlap(best) > 0:
        return best
    centre = (cell.x0 + cell.x1) / 2
    return min(columns, key=lambda c: abs((c.x0 + c.x1) / 2 - centre))


def parse_lines(lines: Iterable[Line], source: SourceRef, towns: dict[str, str],
                roles: dict[str, str]) -> pd.DataFrame:
    """The state machine: titles open tables, headers give columns, rows give counts, anything else closes."""
    records: list[dict] = []
    table: TableState | None = None
    tables_on_page: dict[int | None, list[int]] = {}
    for line in lines:
        where = f"{source.filename}, page {line.page}, line {line.number}" if line.page else \
            f"{source.filename}, line {line.number}"
        text = line.text.strip()
        if not text or _PAGE_NUMBER.match(text):
            continue
        title = parse_title(text)
        if title:
            number, title_text, statute, measure = title
            continued = table is not None and table.number == number
            if not continued:
                table = TableState(number, title_text, statute, measure)
            continue
        if table is None:
            continue
        header = _header_columns(line, table)
        if header:
            table.columns = header
            table.header_open = True
            continue
        if not table.columns:
            continue
        if table.header_open and _merge_header_line(line, table.columns):
            continue
        if table.header_open:
            _finish_header(table.columns, table, where)
            table.header_open = False
        row = _data_row(line, table, where)
        if row is None:
            table = None  # narrative, footnote or source line: the table has ended
            continue
        page_tables = tables_on_page.setdefault(line.page, [])
        if table.number not in page_tables:
            page_tables.append(table.number)
        table.rows_on_page[line.page] = table.rows_on_page.get(line.page, 0) + 1
        name_cell, year_cell, values = row
        jurisdiction, jurisdiction_type = resolve_name(name_cell.text, towns)
        row_period = _row_period(year_cell, where) if year_cell else None
        for column, cell in values:
            try:
                count = parse_value(cell.text)
            except ValueError:
                raise ExtractionError(f"{where}: cell {cell.text!r} under {column.header!r} is not a count") from None
            period = row_period or column.period
            records.append({
                "page": line.page,
                "table_index": page_tables.index(table.number) + 1,
                "row_index": table.rows_on_page[line.page] if line.page else line.number,
                "column_index": table.columns.index(column) + 1,
                "column_header": column.header,
                "row_label": name_cell.text,
                "cell_text": cell.text,
                "jurisdiction": jurisdiction,
                "jurisdiction_type": jurisdiction_type,
                "period_start": period[0],
                "period_end": period[1],
                "offense": column.statute,
                "role": roles.get(column.statute),
                "breakdown": "total",
                "measure": column.measure,
                "count": count,
                "printed_total": column.printed_total or jurisdiction_type == "statewide"
                or period[0] != period[1],
            })
    if not records:
        raise ExtractionError(
            f"{source.filename}: no TIPC tables found (no 'Table N' title followed by a 'Town' header and rows)")
    frame = pd.DataFrame.from_records(records)
    frame["source_id"] = source.source_id
    frame["source_sha256"] = source.sha256
    frame["synthetic"] = source.synthetic
    return conform(frame)


def _row_period(cell: Cell, where: str) -> tuple[int, int]:
    text = cell.text.strip()
    if _YEAR.match(text):
        return int(text), int(text)
    match = _PERIOD.match(text)
    if match:
        return int(match.group(1)), int(match.group(2))
    raise ExtractionError(f"{where}: {text!r} in the Year column is not a year")


def _data_row(line: Line, table: TableState, where: str) -> tuple[Cell, Cell | None, list[tuple[Column, Cell]]] | None:
    """A row is a name, (a year,) then one count per value column; fewer or more counts is an error."""
    cells = list(line.cells)
    if is_value(cells[0].text) and cells[0].text.strip():
        return None
    value_columns = [c for c in table.columns if c.kind == "value"]
    has_year = any(c.kind == "year" for c in table.columns)
    year_cell = None
    rest = cells[1:]
    if has_year:
        if not rest or not (_YEAR.match(rest[0].text.strip()) or _PERIOD.match(rest[0].text.strip())):
            return None if not any(is_value(c.text) for c in rest) else _misfit(where, line, value_columns)
        year_cell, rest = rest[0], rest[1:]
    if not rest:
        return None
    if not all(is_value(c.text) for c in rest):
        if not any(is_value(c.text) and c.text.strip() for c in rest):
            return None
        bad = next(c for c in rest if not is_value(c.text))
        raise ExtractionError(f"{where}: row {cells[0].text!r}: cell {bad.text!r} is not a count")
    if len(rest) != len(value_columns):
        return _misfit(where, line, value_columns)
    assigned = [(_column_for(cell, value_columns), cell) for cell in rest]
    if len({id(column) for column, _ in assigned}) != len(assigned):
        return _misfit(where, line, value_columns)
    return cells[0], year_cell, assigned


def _misfit(where: str, line: Line, columns: list[Column]):
    raise ExtractionError(
        f"{where}: row {line.cells[0].text!r} has counts that do not line up with the {len(columns)} "
        f"columns {[c.header for c in columns]}: {line.text!r}")


# ---------------------------------------------------------------------------------------------- readers
def _check_pdf_bytes(path: Path) -> None:
    with open(path, "rb") as handle:
        head = handle.read(1024)
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 2048))
        tail = handle.read()
    if b"%PDF-" not in head:
        raise ExtractionError(f"{path.name}: not a PDF file (it starts with {head[:16]!r})")
    if b"%%EOF" not in tail:
        raise ExtractionError(f"{path.name}: truncated or corrupt PDF: no %%EOF marker at its end "
                              "(incomplete download?)")


def _check_streams(path: Path) -> None:
    """Decode every page's content streams with pdfminer: PDFium (below) silently skips a damaged stream,
    which would lose rows without a word; pdfminer refuses it."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream, resolve1

    page_number, in_page = 0, False
    try:
        with open(path, "rb") as handle:
            document = PDFDocument(PDFParser(handle))
            for page in PDFPage.create_pages(document):
                in_page = True
                for stream in page.contents:
                    if not isinstance(resolve1(stream), PDFStream):
                        raise ValueError(f"its content is a {type(resolve1(stream)).__name__}, not a stream")
                    resolve1(stream).get_data()
                page_number += 1
                in_page = False
    except PDFPasswordIncorrect:
        raise ExtractionError(f"{path.name}: password-protected PDF: remove the password (e.g. "
                              "qpdf --decrypt) and try again") from None
    except Exception as exc:  # pdfminer raises many types for damaged files
        where = f"page {page_number + 1}" if in_page else "document structure"
        raise ExtractionError(f"{path.name}: corrupt PDF ({where}: {type(exc).__name__}: {exc})") from None
    if page_number == 0:
        raise ExtractionError(f"{path.name}: corrupt PDF: no pages found")


def _page_lines(page, number: int) -> tuple[list[Line], int, int]:
    """Characters of the page body as lines of cells, plus how many characters and images the page holds.

    The running header and footer (BODY_MARGIN) are cut away and only horizontal text is read, so rotated
    watermarks and stamps ('SYNTHETIC', 'DRAFT') never become table text.
    """
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    textpage = page.get_textpage()
    chars = []
    try:
        total = textpage.count_chars()
        text = textpage.get_text_range(0, total) if total else ""
        for index in range(total):
            character = text[index] if index < len(text) else ""
            if not character.strip() or pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:
                continue
            if abs(pdfium_c.FPDFText_GetCharAngle(textpage.raw, index)) > 1e-3:
                continue
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            top, bottom = height - top, height - bottom
            if top < BODY_MARGIN or bottom > height - BODY_MARGIN:
                continue
            chars.append((top, bottom, left, right, character))
    finally:
        textpage.close()
    images = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    chars.sort(key=lambda ch: (round(ch[0]), ch[2]))
    rows: list[list[tuple]] = []
    for ch in chars:
        if rows and abs(ch[0] - rows[-1][0][0]) <= 2.0:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    lines = []
    for line_number, row in enumerate(rows, start=1):
        row.sort(key=lambda ch: ch[2])
        space = 0.45 * max(ch[1] - ch[0] for ch in row)  # gaps wider than a space separate cells
        cells: list[list[tuple]] = []
        for ch in row:
            if cells and ch[2] - cells[-1][-1][3] <= space:
                cells[-1].append(ch)
            else:
                cells.append([ch])
        lines.append(Line(number, line_number, tuple(_cell_from_chars(group, space) for group in cells)))
    return lines, total, images


def _cell_from_chars(chars: list[tuple], space: float) -> Cell:
    """Join characters, putting back the word spaces (any gap wider than a third of a space)."""
    text = chars[0][4]
    for previous, current in zip(chars, chars[1:], strict=False):
        text += (" " if current[2] - previous[3] > space / 3 else "") + current[4]
    return Cell(text, chars[0][2], chars[-1][3])


def read_pdf_lines(path: Path) -> list[Line]:
    """Every page's lines (PDFium reads the text; pdfminer checks the streams first)."""
    import pypdfium2 as pdfium

    path = Path(path)
    _check_pdf_bytes(path)
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ExtractionError(f"{path.name}: password-protected PDF: remove the password (e.g. "
                                  "qpdf --decrypt) and try again") from None
        raise ExtractionError(f"{path.name}: corrupt PDF ({exc})") from None
    try:  # bounds before the slow stream check: thousands of pages or poster-sized pages stop here
        check_page_count(path.name, len(document))
        check_page_sizes(path.name, [document.get_page_size(index) for index in range(len(document))])
        _check_streams(path)
    except ExtractionError:
        document.close()
        raise
    lines: list[Line] = []
    chars = images = 0
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                page_lines, page_chars, page_images = _page_lines(page, index + 1)
            finally:
                page.close()
            lines += page_lines
            chars += page_chars
            images += page_images
    finally:
        document.close()
    if chars == 0:
        if images:
            raise ExtractionError(f"{path.name}: no text layer (an image-only or scanned PDF): run OCR first, "
                                  "e.g. ocrmypdf, then extract the OCR'd file")
        raise ExtractionError(f"{path.name}: the PDF holds no text")
    return lines


def _cells(values: Iterable[object]) -> tuple[Cell, ...]:
    texts = ["" if v is None else str(v).strip() for v in values]
    while texts and texts[-1] == "":
        texts.pop()
    return tuple(Cell(text, 10.0 * i, 10.0 * i + 9.0) for i, text in enumerate(texts))


def read_csv_lines(path: Path) -> Iterator[Line]:
    csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                raise ExtractionError(f"{Path(path).name}, line {reader.line_num}: unreadable CSV ({exc})") from None
            cells = _cells(row)
            if cells:
                yield Line(None, reader.line_num, cells)


def read_xlsx_lines(path: Path) -> Iterator[Line]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ExtractionError(f"{path.name}: not a readable XLSX workbook ({type(exc).__name__})") from None
    for sheet_number, sheet in enumerate(workbook.worksheets, start=1):
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = _cells(row)
            if cells:
                yield Line(sheet_number, number, cells)
    workbook.close()


def extract_tipc(path: Path, source: SourceRef, towns: Iterable[str], roles: dict[str, str]) -> pd.DataFrame:
    """Tidy rows from a TIPC report table file; the reader is chosen by the file's extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    check_file_size(path)
    if suffix == ".pdf":
        lines: Iterable[Line] = read_pdf_lines(path)
    elif suffix == ".csv":
        lines = read_csv_lines(path)
    elif suffix in {".xlsx", ".xlsm"}:
        lines = read_xlsx_lines(path)
    else:
        raise ExtractionError(f"{path.name}: unsupported file type {suffix!r} (PDF, CSV or XLSX)")
    lookup = {re.sub(r"\s+", " ", town).casefold(): town for town in towns}
    return parse_lines(lines, source, lookup, roles)


SYNTHETIC_AUTHOR = "ctip synthetic report generator"


def generated_by_ctip(path: Path) -> bool:
    """True for a PDF written by ctip's synthetic report generator (its Author field says so)."""
    if Path(path).suffix.lower() != ".pdf":
        return False
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
        try:
            return document.get_metadata_dict().get("Author") == SYNTHETIC_AUTHOR
        finally:
            document.close()
    except Exception:  # an unreadable file is not ours; extraction will say what is wrong with it
        return False


EXTRACT_CSV_COLUMNS = [
    "source_file", "source_id", "source_sha256", "page", "table_index", "row_index", "column_index",
    "column_header", "row_label", "cell_text", "jurisdiction", "jurisdiction_type", "year", "period_start",
    "period_end", "statute", "role", "measure", "count", "printed_total", "synthetic",
]


def to_extract_csv(frame: pd.DataFrame, source_file: str) -> str:
    """The `ctip extract` view of tidy rows: statute named as printed, one year where the count covers one."""
    out = frame.rename(columns={"offense": "statute"}).assign(source_file=source_file)
    out["year"] = out.period_start.where(out.period_start == out.period_end).astype("Int64")
    return out[EXTRACT_CSV_COLUMNS].to_csv(index=False, lineterminator="\n")
