"""A whole report read for meaning: every table grid from the structure stage (PDF) or the sheet reader
(CSV/XLSX), in order; parts of one table continued over pages joined by their header; tables printed side by
side taken apart; transposed tables (towns across, years down) turned; each table read or refused on its own,
so that one unreadable table never hides the others."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.extract.meaning.columns import (
    _LABEL_HEADERS,
    Column,
    TableRefused,
    covering,
    header_rows,
    label_columns,
    read_columns,
    value_like,
)
from pipeline.extract.meaning.rows import RUNS_ON, Carry, Where, _kind, read_rows, resolve
from pipeline.extract.tables.model import Cell, Page, Table
from pipeline.extract.vocabulary import FiscalYear, Legend, Vocabulary, periods_in, resolve_label

_CONTINUED = re.compile(r"\((?:continued|cont\.?|cont'd)\)|\bcontinued\b", re.IGNORECASE)
_STATEWIDE = re.compile(r"\bstatewide\b|\bconnecticut\b|\ball (?:towns|jurisdictions|municipalities)\b|"
                        r"\bthe state\b|\bstate total", re.IGNORECASE)
_CONTENTS_LABEL = re.compile(r"^\s*(?:table|exhibit|figure|chart|appendix)\s+[A-Z]{0,2}-?\d", re.IGNORECASE)


@dataclass
class Refusal:
    where: str
    reason: str


@dataclass
class Reading:
    records: list[dict] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    tables: int = 0  # tables read for meaning (refused ones included)


@dataclass
class _Part:
    """A table as read so far: its columns and caption, for a continuation on the next page to take over."""

    table: Table
    columns: list[Column]
    headers: int
    context: list[str]
    signature: tuple[str, ...]
    carry: Carry
    notes: list[str]


def read_document(tables: list[Table], file: str, grid: bool, towns, vocabulary: Vocabulary) -> Reading:
    reading = Reading()
    per_page: dict[int, int] = {}
    previous: _Part | None = None
    parts: list[tuple[_Part, list[dict]]] = []
    for whole in tables:
        for table in [part for piece in _apart(_turned(_caption_run_on(whole), towns), towns)
                      for part in _at_titles(piece)]:
            if not _names_anything(table, towns, vocabulary):
                continue
            per_page[table.page] = per_page.get(table.page, 0) + 1
            where = Where(file, table.page if (table.page or not grid) else None, per_page[table.page], grid)
            reading.tables += 1
            try:
                part, records = _read(table, previous, towns, vocabulary, where)
            except TableRefused as exc:
                reading.refusals.append(Refusal(where.table_text(), str(exc)))
                previous = None
                continue
            parts.append((part, records))
            previous = part
    for part, records in parts:
        legend = Legend.read(part.notes) if part.notes else None
        if legend is not None:  # the legend under a table's last part speaks for every part: value cells again
            records = _relegend(records, legend)
        reading.records += records
    return reading


def _read(table: Table, previous: _Part | None, towns, vocabulary: Vocabulary, where: Where) -> tuple[_Part, list]:
    at = covering(table)
    first_body_guess = table.header_rows
    labels = label_columns(table, at, first_body_guess)
    headers = header_rows(table, at, labels, lambda text: _kind(text, towns, vocabulary) != "unknown",
                          lambda text: _kind(text, towns, vocabulary) == "place")
    labels = label_columns(table, at, headers) if headers != first_body_guess else labels
    signature = tuple(at[(row, col)].text for row in range(headers) for col in range(table.cols) if (row, col) in at)
    # words over the names column speak for the whole table ('2009' over 'Charge'), after its caption
    corner = [at[(row, col)].text for row in range(headers) for col in range(labels)
              if (row, col) in at and at[(row, col)].col + at[(row, col)].col_span <= labels]
    own_caption = caption([*table.above, *table.title])
    own_context = own_caption + corner
    continued = previous is not None and previous.table.cols == table.cols and (
        headers == 0 or signature == previous.signature) and (
        not own_caption or any(_CONTINUED.search(text) for text in own_caption) or
        headers == 0 and not any(_TITLE.match(text) for text in own_caption))
    if continued:
        context = previous.context
        if headers == 0:
            columns = previous.columns
        else:
            columns = read_columns(table, at, headers, labels, context, vocabulary, where.table_text())
        carry = previous.carry
        notes = previous.notes
    else:
        context = own_context
        columns = read_columns(table, at, headers, labels, context, vocabulary, where.table_text())
        carry = Carry()
        notes = []
    notes += notes_under([*table.notes, *table.below])
    legend = Legend.read(notes) if notes else Legend.read([])
    _refuse_twins(columns, where)
    _refuse_run_in(table, at, headers, columns, where)
    _refuse_run_together(table, at, headers, columns, where)
    _refuse_year_set_aside(table, at, headers, columns, where)
    if not any(column.kind == "count" for column in columns):
        raise TableRefused(f"{where.table_text()}: no column of counts under a header that says what it counts")
    statewide = any(_STATEWIDE.search(text) for text in context)
    records = read_rows(table, at, headers, columns, legend, towns, vocabulary, where, carry, statewide)
    part = _Part(table, columns, headers, context, signature, carry, notes)
    return part, records


_TITLE = re.compile(r"^\s*(?:table|exhibit|figure|chart|schedule)\s+[A-Z]{0,2}-?\d+[a-z]?\b", re.IGNORECASE)
_NOTE = re.compile(r"^\s*(?:[–—‒−*†‡§¹²³⁴⁵⁶⁷⁸⁹-]+\s*\S|\(?[a-z0-9]\)\s|(?:notes?|sources?|footnotes?)\b)",
                   re.IGNORECASE)


def _prose(text: str) -> bool:
    """A line of running text: many words, or a sentence's end after several."""
    words = text.split()
    return len(words) >= 12 or len(words) >= 7 and text.rstrip().endswith((".", ";", ":"))


def caption(lines: list[str]) -> list[str]:
    """The lines over a table that are its caption: from its 'Table N' line on, or else the lines after the
    last paragraph or note (prose and the notes of the table above say nothing about this one)."""
    titled = [index for index, text in enumerate(lines) if _TITLE.match(text)]
    if titled:
        return _unwrapped(lines[titled[-1]:])
    start = 0
    for index, text in enumerate(lines):
        if _prose(text) or _NOTE.match(text):
            start = index + 1
    return _unwrapped(lines[start:])


def _unwrapped(lines: list[str]) -> list[str]:
    """A caption's lines with a line that runs on ('..., 2015 through' / '2018') joined to the next."""
    joined: list[str] = []
    for text in lines:
        if joined and RUNS_ON.search(joined[-1].rstrip()):
            joined[-1] = f"{joined[-1].rstrip()} {text.strip()}"
        else:
            joined.append(text)
    return joined


def notes_under(lines: list[str]) -> list[str]:
    """The lines under a table that are its notes: up to the next table's title."""
    for index, text in enumerate(lines):
        if _TITLE.match(text):
            return lines[:index]
    return lines


def _refuse_twins(columns: list[Column], where: Where) -> None:
    """Two count columns that mean the same (statute, measure, period) are a wrong reading of the header: one of
    them must mean something the reading missed, so the table is refused rather than read twice."""
    seen: dict[tuple, Column] = {}
    for column in columns:
        if column.kind != "count" or None in (column.statute, column.measure, column.period):
            continue
        key = (column.statute.value, column.measure.value, column.period.value, column.printed_total)
        if key in seen:
            raise TableRefused(f"{where.table_text()}: columns {seen[key].header or '(no header)'!r} and "
                               f"{column.header or '(no header)'!r} would count the same thing: its header is not "
                               "read right")
        seen[key] = column


_ENDS_IN_COUNT = re.compile(r"\S\s+(?:\d{1,3}(?:,\d{3})+|\d+)$")
_BARE_YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*$")


def _refuse_run_in(table: Table, at, headers: int, columns: list[Column], where: Where) -> None:
    """A year heading the names column, over names that end in a number: the first count was set into the names
    ('Arrests, 53a-82 1,770' under '2005'), so every count would sit under the wrong year."""
    for column in columns:
        if column.kind != "label" or not _BARE_YEAR.match(column.header):
            continue
        for row in range(headers, table.rows):
            cell = at.get((row, column.index))
            if cell is not None and _ENDS_IN_COUNT.search(cell.text.strip()):
                raise TableRefused(f"{where.table_text()}: the year {column.header.strip()!r} heads the names, and "
                                   f"{cell.text.strip()!r} ends in a number: a count set into its name (the "
                                   "counts cannot be placed under their years)")


_NUMERIC = re.compile(r"^[-−+]?[\d,.]*\d[\d,.]*%?$")


def _refuse_run_together(table: Table, at, headers: int, columns: list[Column], where: Where) -> None:
    """A cell holding several numbers ('25 +2400.0% 1') is columns the structure stage could not part: set aside
    or counted, some of its numbers would be lost or misplaced."""
    for column in columns:
        if column.kind not in ("count", "other"):
            continue
        for row in range(headers, table.rows):
            cell = at.get((row, column.index))
            if cell is not None and cell.col == column.index and \
                    sum(1 for word in cell.text.split() if _NUMERIC.match(word)) >= 2:
                number = table.source_rows[row] if table.source_rows else row - headers + 1
                raise TableRefused(f"{where.row(number)}: cell {cell.text!r} under "
                                   f"{column.header or '(no header)'!r} holds several numbers: its columns run "
                                   "together")


_INTEGER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def _years_named(text: str) -> list:
    try:
        return periods_in(text)
    except FiscalYear:
        return []


def _refuse_year_set_aside(table: Table, at, headers: int, columns: list[Column], where: Where) -> None:
    """A column set aside (a rank, a rate, a change) whose own header names a year, over whole numbers: its
    header may be a year's with another's run into it ('2016 % change'); its counts must not vanish unread."""
    for column in columns:
        named = _years_named(column.header)
        if column.kind != "other" or not named:
            continue
        texts = [at[(row, column.index)].text.strip() for row in range(headers, table.rows)
                 if (row, column.index) in at and at[(row, column.index)].text.strip()]
        if texts and all(_INTEGER.match(text) for text in texts):
            raise TableRefused(f"{where.table_text()}: column {column.header!r} is set aside, but it names the year "
                               f"{named[0].text!r} over whole numbers: a year's counts "
                               "with another header run into it?")


def _relegend(records: list[dict], legend: Legend) -> list[dict]:
    out = []
    for record in records:
        text = record["cell_text"]
        if not re.match(r"^[-−]?[\d,]+$", text) and text.casefold() in legend.symbols:
            record = {**record, "count": legend.value(text)}
        out.append(record)
    return out


def _caption_run_on(table: Table) -> Table:
    """A caption whose last line runs on ('..., 2012 through') ends on the next line, even where the structure
    stage took that line, alone in the top row, for a header."""
    lines = [*table.above, *table.title]
    top = [cell for cell in table.cells if cell.row == 0]
    if not lines or not RUNS_ON.search(lines[-1].rstrip()) or len(top) != 1 or table.header_rows < 2:
        return table
    cells = tuple(replace(cell, row=cell.row - 1) for cell in table.cells if cell.row > 0)
    if table.title:
        return replace(table, cells=cells, header_rows=table.header_rows - 1, title=(*table.title, top[0].text))
    return replace(table, cells=cells, header_rows=table.header_rows - 1, above=(*table.above, top[0].text))


def _at_titles(table: Table) -> list[Table]:
    """A grid holding 'Table N ...' lines: a list of tables (most of its rows so named) is no table at all; a
    title line inside it starts the next table, its caption (two tables set close are found as one)."""
    titled = sorted({cell.row for cell in table.cells if cell.col == 0 and _CONTENTS_LABEL.match(cell.text)})
    if len(titled) >= 2 and len(titled) * 2 >= table.rows:
        return []
    if not titled:
        return [table]
    parts: list[Table] = []
    bounds = [0, *titled, table.rows]
    for start, end in zip(bounds, bounds[1:], strict=False):
        caption = [cell.text for cell in table.cells if cell.row == start] if start in titled else []
        first = start + 1 if start in titled else start
        cells = tuple(replace(cell, row=cell.row - first) for cell in table.cells if first <= cell.row < end)
        if cells:
            above = tuple(table.above) if start == 0 else ()
            parts.append(replace(table, cells=cells, header_rows=table.header_rows if first == 0 else 0,
                                 above=above + tuple(caption), title=table.title if start == 0 else (),
                                 source_rows=table.source_rows[first:end], fields=table.fields[first:end]))
    return parts


def _names_anything(table: Table, towns, vocabulary: Vocabulary) -> bool:
    """A table says something about TIPC counts if a cell or its caption names a place, a statute or a measure."""
    texts = [cell.text for cell in table.cells] + list(table.above) + list(table.title)
    return any(resolve_label(text, towns)[1] != "unresolved" or vocabulary.statutes_in(text) or
               vocabulary.measures_in(text) for text in texts)


def _turned(table: Table, towns) -> Table:
    """A transposed table (towns across its top, years down its side) turned so that towns are rows."""
    at = covering(table)
    top = [at[(0, col)].text for col in range(1, table.cols) if (0, col) in at and at[(0, col)].col == col]
    places = sum(1 for text in top if resolve_label(text, towns)[1] != "unresolved")
    if places < 2 or places * 2 < len(top):
        return table
    cells = tuple(Cell(cell.col, cell.row, cell.text, cell.col_span, cell.row_span, cell.box, cell.marks, cell.size)
                  for cell in table.cells)
    return replace(table, cells=cells, header_rows=1)


def _apart(table: Table, towns) -> list[Table]:
    """Two tables printed side by side, read as one grid, taken apart at the second column of names."""
    at = covering(table)
    for col in range(2, table.cols):
        texts = [at[(row, col)].text for row in range(table.rows) if (row, col) in at and at[(row, col)].col == col]
        header = any(_LABEL_HEADERS.match(text) for text in texts[:3])
        places = sum(1 for text in texts if resolve_label(text, towns)[1] != "unresolved")
        counts_left = any(value_like(at[(row, col - 1)].text) for row in range(table.rows) if (row, col - 1) in at)
        if counts_left and (header or places * 2 > len(texts) > 0):
            left = tuple(cell for cell in table.cells if cell.col + cell.col_span <= col)
            right = tuple(replace(cell, col=cell.col - col) for cell in table.cells if cell.col >= col)
            return [replace(table, cells=left)] + _apart(replace(table, cells=right), towns)
    return [table]


_TRAILING_COUNTS = re.compile(r"^(?P<name>.*?[^\W\d_].*?)(?P<counts>(?:(?:\s+|(?<=[^\W\d_]))"
                              r"(?:\d{1,3}(?:,\d{3})+|\d+)[*†‡¹²³]*)+)$")  # 'jurisdictions5,937 5,503' too
_LEADERS = re.compile(r"(?:\s?\.){4,}\s*\d+\s*$")
_A_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _masked(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip())).casefold()


def _running_lines(pages: list[Page]) -> set[str]:
    """Lines printed on several pages, numbers aside: running heads and feet ('Annual Report 2009  31')."""
    seen: dict[str, int] = {}
    for page in pages:
        for masked in {_masked(text) for text in page.loose}:
            seen[masked] = seen.get(masked, 0) + 1
    return {masked for masked, count in seen.items() if count >= 2}


def _lost_rows(page: Page, file: str, towns, vocabulary: Vocabulary, running: set[str]) -> list[Refusal]:
    """Lines outside every table that read like one of its rows: a place's name alone, a name with a count after
    it, or a short line ending in several counts. A row the structure stage did not place in a table would
    otherwise vanish without a word."""
    lost = []
    promised = False  # under a '(continued)' title no table was found for: its rows are somewhere below
    for text in page.loose:
        line = text.strip()
        if _TITLE.match(line):
            promised = bool(_CONTINUED.search(line))
            continue
        if _NOTE.match(line) or _prose(line):
            promised = False
        if _LEADERS.search(line) or _masked(line) in running:
            continue  # a contents line ('Table 4. Arrests ..... 14'), a running head or foot
        if promised and _kind(line, towns, vocabulary) != "unknown":
            lost.append(Refusal(f"{file}, page {page.number}",
                                f"{file}, page {page.number}: {line!r}, under a '(continued)' title, is printed "
                                "outside every table read: refused rather than read without it"))
            continue
        found = _TRAILING_COUNTS.match(line) if len(line.split()) <= 10 else None
        counts = [word for word in found.group("counts").split() if not _A_YEAR.match(word)] if found else []
        name = found.group("name").strip() if counts else line
        kind = resolve(name, towns)[1]
        if kind in ("town", "state_police") or len(counts) >= 2 or counts and (
                kind != "unresolved" or _kind(name, towns, vocabulary) != "unknown"):
            lost.append(Refusal(f"{file}, page {page.number}",
                                f"{file}, page {page.number}: {line!r} is printed outside every table read "
                                "(a row of a table the reader did not find): refused rather than read without it"))
    return lost


def read_report(path: Path, towns, vocabulary: Vocabulary) -> Reading:
    """The report file's tables read for meaning, by its type."""
    from pipeline.extract.tidy import ExtractionError

    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pipeline.extract.tables import TableReadError, read_pages

        try:
            pages = read_pages(path)
        except TableReadError as exc:
            raise ExtractionError(str(exc)) from None
        reading = read_document([table for page in pages for table in page.tables], path.name, False, towns,
                                vocabulary)
        running = _running_lines(pages)
        reading.refusals += [refusal for page in pages
                             for refusal in _lost_rows(page, path.name, towns, vocabulary, running)]
        return reading
    if suffix in {".csv", ".xlsx", ".xlsm"}:
        from pipeline.extract.meaning.sheets import sheet_tables

        return read_document(sheet_tables(path), path.name, True, towns, vocabulary)
    raise ExtractionError(f"{path.name}: unsupported file type {suffix!r} (PDF, CSV or XLSX)")
