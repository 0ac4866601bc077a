"""TIPC annual report tables (PDF, CSV, XLSX) to tidy rows with page / table / row / cell provenance.

Geometry first (pipeline/extract/layout.py: lines of positioned cells, whatever the file format), then meaning:
a table is a run of rows that each carry counts; its columns are found from where those counts sit; everything
printed above them (title, subtitle, group headers spanning columns, column headers over one or more lines)
and the legend printed below them say what each column counts. Every column gets a statute, a measure and a
period from the most specific text that names one (column header, then group header, then row label, then
title), or is recognised as a printed total or as not a count (% change, rank, rate). The words come from the
reviewed vocabulary (pipeline/extract/vocabulary.py over raw/reference/). Anything that cannot be read exactly
is an error naming the file, page, table, row or column and the words in question: never a guess.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.extract.layout import Cell, Line, read_csv_lines, read_pdf_lines, read_xlsx_lines, running_lines
from pipeline.extract.limits import check_file_size
from pipeline.extract.tidy import ExtractionError, SourceRef, spreadsheet_safe, tidy_frame
from pipeline.extract.vocabulary import (
    DEFAULT_LEGEND,
    FiscalYear,
    Legend,
    Mention,
    Vocabulary,
    default_reference_dir,
    is_not_a_count,
    is_total_label,
    periods_in,
    resolve_label,
)

_TITLE = re.compile(r"^\s*(?:table|exhibit|figure|chart|schedule|appendix\s+table)\b\s*([A-Z]{0,2}-?\d*[a-z]?|"
                    r"[IVXLC]+)?\s*[.:—–-]?", re.IGNORECASE)
_PERIOD_ONLY = re.compile(r"^\s*(?:(?:calendar\s+years?|cy|years?)\s+)?(?:19|20)\d\d(?:\s*(?:[-–—]|through|to)\s*"
                          r"(?:19|20)?\d\d)?\s*$", re.IGNORECASE)  # 'CY 2010' under a title: its period
_SECTION_ONLY = re.compile(r"^\s*(?:(?:c\.?\s?g\.?\s?s\.?|sec\.?|§)\s*)*\d+[a-z]?-\d+[a-z]?\s*$", re.IGNORECASE)
_ABOUT_A_TABLE = re.compile(r"\s*(?i:table|exhibit|figure|chart|schedule)\s+[A-Z]{0,2}-?\d+[a-z]?,?\s+"
                            r"(?:below\s+|above\s+)?(?:shows|lists|gives|presents|reports|summari[sz]es|compares|provides|contains|"
                            r"includes|displays|sets out|breaks)\b")  # a sentence about a table, not its title
_JOINING = re.compile(r"^\s*(?:in|of|the|in the|of the|a|an|and|for|to|or|on|by)\s*$", re.IGNORECASE)  # a wrapped
# phrase's short line: its width says nothing
_REPORT_NAME = re.compile(r"\bannual\s+report\b", re.IGNORECASE)
_CONTINUED = re.compile(r"\((?:continued|cont\.?|cont'd)\)|\bcontinued\b", re.IGNORECASE)
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d(?:\s*[–—‒−-]\s*(?:19|20)\d\d)?$")
_VALUE_LIKE = re.compile(r"^(?:[-−+]?\d{1,3}(?:,\d{3})+|[-−+]?\d+)(?:\.\d+)?%?$|^[-−+]?\d*\.\d+%?$|"
                         r"^\([-−]?\d+(?:\.\d+)?%?\)$")
_SYMBOL = re.compile(r"^(?:[–—‒−-]{1,2}|\*{1,3}|[†‡§]|n/?a|n\.a\.|\([a-z]{1,2}\)|x|z|s|d|\.{2,3})$", re.IGNORECASE)
_TRAILING_YEAR = re.compile(r"^(.*(?:\D\s+|[^\W\d_]))((?:19|20)\d\d(?:\s*[–—‒−-]\s*(?:19|20)\d\d)?)$")
_NOTE_MARK = r"(?:[¹²³⁴⁵⁶⁷⁸⁹*†‡]|§(?!\s*\d))"  # a footnote mark; '§ 53a-82' is a statute
_LEGEND_LINE = re.compile(rf"^\s*(?:notes?|sources?|footnotes?)\s*[:.]|^\s*{_NOTE_MARK}|^\s*[–—‒−-]{{1,2}}\s+[A-Za-z]|"
                          r"^\s*\([a-z0-9]\)\s|^\s*(?:a\s+)?blank\b", re.IGNORECASE)
_CONTENTS = re.compile(r"^\s*(?:table\s+of\s+)?contents\s*$|^\s*(?:list\s+of\s+tables)\s*$", re.IGNORECASE)
_LEADER = re.compile(r"^[.\s·…]{4,}$")
_LABEL_HEADERS = {"town", "towns", "municipality", "municipalities", "jurisdiction", "jurisdictions", "agency",
                  "agencies", "city/town", "town/city", "department", "departments", "police department",
                  "town/agency", "town or agency", "reporting agency", "location", "name", "statute", "offense",
                  "offence", "charge", "year"}
_LEGEND_START = re.compile(rf"^\s*(?:notes?|source|sources|footnotes?|legend|key)\b[:.]?|^\s*{_NOTE_MARK}|"
                           r"^\s*\(?[a-z0-9]\)\s|^\s*[–—‒−-]{1,2}\s+[A-Za-z]|represents?\b|indicates?\b|denotes?\b|means\b|^\s*(?:a\s+)?blank\s+cells?\b",
                           re.IGNORECASE)


def value_like(text: str) -> bool:
    """A cell that prints a number or a table symbol (count, dash, suppression mark, percentage, rate)."""
    cleaned = text.strip()
    return bool(_VALUE_LIKE.match(cleaned) or _SYMBOL.match(cleaned) or _YEAR_CELL.match(cleaned))


def _split_values(line: Line) -> Line:
    """Cells that hold several numbers (columns printed close together) become one cell per number."""
    cells: list[Cell] = []
    pending = list(line.cells)
    while pending:
        cell = pending.pop(0)
        if _LEADER.match(cell.text):
            continue  # dot leaders: a contents page or a label's leader, never a value
        copies = _copies(cell)
        if copies is not None:  # "Arrests Arrests": one header per column, set close
            pending[:0] = copies
            continue
        tokens = cell.text.split()
        if len(tokens) > 1 and all(value_like(token) or token.casefold() in ("total", "totals") for token in tokens) \
                and value_like(tokens[0]):  # "2009 2010 Total" is three headers; "Total 2005-2014" is one
            width = (cell.x1 - cell.x0) / max(1, len(cell.text))
            spans = [[match.start(), match.end()] for match in re.finditer(r"\S+", cell.text)]
            for index in range(len(spans) - 2, 0, -1):  # '2008 Total 2006-2008': 'Total 2006-2008' is one
                if tokens[index].casefold() in ("total", "totals") and re.search(r"\d[–—‒−-]\d", tokens[index + 1]):
                    spans[index:index + 2] = [[spans[index][0], spans[index + 1][1]]]
            for start, end in spans:
                cells.append(Cell(cell.text[start:end], cell.x0 + start * width, cell.x0 + end * width))
        else:
            cells.append(cell)
    first = cells[0] if cells else None  # (after the values are split: '99.9 +1150.0%' is two of them)
    trailing = _TRAILING_YEAR.match(first.text) if first is not None and len(cells) > 1 and all(
        value_like(cell.text) for cell in cells[1:]) and not any(_LEADER.match(cell.text) for cell in line.cells) \
        else None  # (not before dot leaders: 'Summary of Charges, Calendar Year 2010 ...... 24' is contents)
    if trailing and not value_like(trailing.group(1)) and not _RUNS_ON.search(trailing.group(1).strip()):
        # columns set close: "Old Saybrook 2016" is name + year ('Arrests, 2010' is one header)
        width = (first.x1 - first.x0) / max(1, len(first.text))
        start = trailing.start(2)
        name = Cell(trailing.group(1).rstrip(), first.x0, first.x0 + len(trailing.group(1).rstrip()) * width)
        year = Cell(trailing.group(2), first.x0 + start * width, first.x1)
        cells[:1] = [name, year]
    return Line(line.page, line.number, tuple(cells), line.top, line.bottom, line.grid, line.fields)


def _copies(cell: Cell) -> list[Cell] | None:
    """One header printed over several tight columns, run together ('Prostitution Prostitution Prostitution',
    'ARRESTS CONVICTIONS ARRESTS CONVICTIONS'): one cell per copy, cut where the spaces were printed (each copy
    keeping its own), or evenly when their places are not known. None when the text is no repetition."""
    words = cell.text.split(" ")
    for size in range(1, len(words) // 2 + 1):
        count = len(words) // size
        if len(words) % size or words != words[:size] * count or value_like(" ".join(words[:size])) or \
                len(" ".join(words[:size]).strip()) < 2:
            continue
        text = " ".join(words[:size])
        if size >= 6 and re.search(r"(?:[^\W\d_]|\))[.!?]$", text):
            return None  # a sentence said twice ('Table 2 shows each department's count; ... (2010 Census).'): text
        if cell.gaps and len(cell.gaps) == len(words) - 1:
            edges = [cell.x0] + [x for k in range(1, count) for x in (cell.gaps[k * size - 1][0],
                                                                        cell.gaps[k * size - 1][1])] + [cell.x1]
            return [Cell(text, edges[2 * j], edges[2 * j + 1], cell.gaps[j * size:(j + 1) * size - 1])
                    for j in range(count)]
        width = (cell.x1 - cell.x0) / count
        return [Cell(text, cell.x0 + j * width + (1 if j else 0), cell.x0 + (j + 1) * width - (1 if j < count - 1
                                                                                                else 0))
                for j in range(count)]
    return None


_JOINED_COUNT = re.compile(r"^(.*[^\W\d_].*?)\s+([-−]?\d{1,3}(?:,\d{3})+|[-−]?\d+)$")


def _split_joined_count(line: Line, places, names, names_alone: bool = False) -> Line:
    """A place's name and its counts set so close that they read as one phrase ('Total, all jurisdictions
    517'), or its year in a long table whose counts are blank: split at the printed spaces before the numbers,
    where PDFium placed them (the column each falls in says which it is)."""
    if not line.cells or line.grid or not line.cells[0].gaps:
        return line
    cell = line.cells[0]
    text, gaps, end = cell.text, cell.gaps, cell.x1
    numbers: list[Cell] = []  # peeled off from the right: '... (CGS 53a-88) 1,979 1,933' holds two
    while (joined := _JOINED_COUNT.match(text)) is not None and len(gaps) == text.count(" ") and gaps:
        left, right = gaps[-1]
        numbers.insert(0, Cell(joined.group(2), right, end))
        text, gaps, end = joined.group(1), gaps[:-1], left
    if not numbers:
        return line
    years = any(_YEAR_CELL.match(number.text) for number in numbers)
    if len(line.cells) == 1:  # a place with its count or year; a statute or measure with its count (once
        # running heads and feet are set aside: 'Trafficking in Persons Council ... 2010 25' is a page's foot)
        if not (places(text) or names_alone and names(text) and not years and not _TITLE.match(cell.text)
                and not _prose(line) and not _prints_a_number(text) and len(text.split()) <= 12):
            # ('In 2019, police departments reported 109 arrests ... compared with 24': a sentence, not a name)
            return line
    elif not all(value_like(other.text) for other in line.cells[1:]) or years or not names(text) or \
            places(cell.text):  # ('Troop 3' names nothing: its 3 stays)
        return line  # a row's first counts run into its name ('Promoting Prostitution (53a-86) 2,482 | 859')
    return Line(line.page, line.number, (Cell(text, cell.x0, end), *numbers, *line.cells[1:]), line.top,
                line.bottom, line.grid, line.fields)


@dataclass
class Row:
    line: Line
    label: Cell | None  # None: a continuation row (long table, jurisdiction printed on the first row only)
    values: list[Cell]
    group: bool = False  # a name on a line of its own that heads the rows below it (a statute, a town)
    blank: bool = False  # ... or, if no row of its own follows it, a row whose every cell is blank


def _as_row(line: Line) -> Row | None:
    """A table row: a label (or nothing, in a long table's continuation rows) followed by value cells. A cell
    that is not a value in a line of values is kept, so that it is named as an error rather than lost."""
    cells = line.cells
    if not cells:
        return None
    if value_like(cells[0].text):
        if len(cells) >= 2 and _YEAR_CELL.match(cells[0].text.strip()) and all(value_like(c.text) for c in cells) \
                and not all(_YEAR_CELL.match(c.text.strip()) for c in cells):  # not a header of years
            return Row(line, None, list(cells))
        return None
    label = cells[0].text.strip()
    values = list(cells[1:])
    if not values or label.casefold() in _LABEL_HEADERS or _TITLE.match(label) or _fiscal(label):
        return None  # ('FY 2004-05 | FY 2005-06': group headers)
    if all(c.text.strip() == "§" for c in values) and re.search(r"\d+[a-z]?-\d+", label, re.IGNORECASE):
        return None  # '§ 53a-86 | §': section signs of wrapped headers ('§' / '53a-192a' below), not a row
    readable = [c for c in values if value_like(c.text) or _fiscal(c.text)]  # ('FY 2004-05': a row, refused)
    if not any(re.search(r"\d", c.text) or _SYMBOL.match(c.text.strip()) for c in readable):
        return None
    if len(values) >= 2 and all(_YEAR_CELL.match(c.text.strip()) for c in values):
        return None  # a header: "2005 2006 ..." over the columns (a lone year is a long table's row, counts blank)
    if all(_YEAR_CELL.match(c.text.strip()) for c in values) and (
            _RUNS_ON.search(label) or re.search(r",\s*(?:19|20)\d\d$", label)):
        return None  # 'Arrests, 2010 | 2010' ('Convictions,' wrapped over the second): group headers, not a row
    if sum(bool(_YEAR_CELL.match(c.text.strip())) for c in values) >= 2 and len(readable) < len(values):
        return None  # a header: "Rank 2016 2017 Total % change" (years among words; a row has one year at most)
    if len(readable) < len(values) and (len(readable) * 2 < len(values) or len(values) < 2 or not any(
            re.search(r"\d", c.text) for c in readable)):
        return None  # words with a number among them: text, not a row ('§ 53a-88 | § | § 53a-88 | §': a header)
    return Row(line, cells[0], values)


def _fiscal(text: str) -> bool:
    """A fiscal year ('FY 2004-05') in a long table's Year column: the row is kept, so that it is refused."""
    return bool(re.search(r"\d", text)) and _fiscal_year(text) is not None


def _fiscal_year(text: str) -> FiscalYear | None:
    """The fiscal year the text prints, as the error that refuses it."""
    try:
        periods_in(text)
    except FiscalYear as exc:
        return exc
    return None


@dataclass
class Column:
    x0: float
    x1: float
    header: list[str] = field(default_factory=list)  # its own header lines, top to bottom
    groups: list[str] = field(default_factory=list)  # group headers spanning it and its neighbours
    kind: str = "count"  # count, year (a long table's Year column), skip (not a count)
    statute: Mention | None = None
    measure: Mention | None = None
    period: Mention | None = None
    printed_total: bool = False
    skipped_by_group: bool = False  # not a count only because a group header says so ('%' over it)

    @property
    def header_text(self) -> str:
        return " ".join(self.header)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Table:
    page: int | None
    rows: list[Row]
    header_lines: list[Line]
    columns: list[Column] = field(default_factory=list)
    title: list[str] = field(default_factory=list)  # title and subtitle lines
    label_header: str = ""
    legend_lines: list[str] = field(default_factory=list)
    continues: Table | None = None
    index_on_page: int = 1
    last_label: Cell | None = None  # the name of its last row: a continued long table's first rows may omit it
    heading: Cell | None = None  # the last group heading (a statute or town on a line of its own)
    dotted: int = 0  # rows printed with dot leaders between label and value
    trailing_heading: Cell | None = None  # a heading set after its last row, at the foot of the page
    opening_heading: Cell | None = None  # a heading under its header at the foot of the page before its rows

    @property
    def first_line(self) -> Line:
        return self.rows[0].line

    def where(self, source: SourceRef) -> str:
        title = f" ({self.title_text[:60]!r})" if self.title_text else ""
        return f"{source.filename}, page {self.page}, table {self.index_on_page}{title}" if self.page is not None \
            else f"{source.filename}, table starting on line {self.first_line.number}{title}"

    @property
    def title_text(self) -> str:
        own = " ".join(self.title)
        return own or (self.continues.title_text if self.continues else "")


def _columns(rows: list[Row], grid: bool) -> list[Column]:
    """Where the values sit: cells of all rows that overlap in x form one column (linear after sorting)."""
    spans = sorted((cell.x0, cell.x1) for row in rows for cell in row.values)
    columns: list[Column] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1].x1 - (0.05 if grid else 0.5):
            columns[-1].x1 = max(columns[-1].x1, x1)
        else:
            columns.append(Column(x0, x1))
    return columns


def _zones(columns: list[Column], label_x1: float) -> list[float]:
    """Boundaries between neighbouring columns (midway between them): zone i is [bounds[i], bounds[i+1])."""
    bounds = [label_x1]
    for left, right in zip(columns, columns[1:], strict=False):
        bounds.append((left.x1 + right.x0) / 2)
    bounds.append(float("inf"))
    return bounds


def _zone_of(x: float, bounds: list[float]) -> int:
    """Column index whose zone holds x (-1: the label zone)."""
    return bisect.bisect_right(bounds, x) - 1


def find_tables(lines: list[Line], names=lambda text: False, places=lambda text: False) -> list[Table]:
    """Bodies (consecutive rows of one page), each with the printed lines above it that may be its header, and
    the lines below it up to the next table's header (its legend and footnotes). `names(text)` says whether a
    line names a jurisdiction, statute or measure (a heading for the rows below it); `places(text)` whether it
    names a jurisdiction (a row, even with every cell blank)."""
    dotted = {(line.page, line.number) for line in lines if any(_LEADER.match(cell.text) for cell in line.cells)}
    lines = _split_under_headers([_split_joined_count(_split_values(line), places, names) for line in lines],
                                 places, names)
    running = running_lines(lines, keep=lambda line: bool(_TITLE.match(line.text)) or _as_row(line) is not None)
    kept = [line for line in lines if (line.page, line.number) not in running]
    rows = [None if _signs_over_sections(kept, index) else _as_row(line) for index, line in enumerate(kept)]
    bodies: list[tuple[int, int]] = []  # [start, end) positions in kept
    trailing_headings: dict[tuple[int, int], Cell | None] = {}
    position = 0
    while position < len(kept):
        if rows[position] is None:
            rows[position] = _page_top_blank_row(kept, position, bodies, places, rows, names)
        if rows[position] is None and (blank := _blank_rows_under(kept, position, names, places)):
            for index in blank:  # a table whose every cell is blank: names under a line of column headers (a
                # statute over 'CONVICTED' heads it: the rows decide, see _records)
                rows[index] = Row(kept[index], kept[index].cells[0], [], group=True,
                                  blank=places(kept[index].text) or index == blank[-1])
            position = blank[0]
        if rows[position] is None:
            position += 1
            continue
        end = position + 1
        while end < len(kept) and kept[end].page == kept[position].page and _close(kept[end - 1], kept[end]):
            if rows[end] is None:  # (a statute's name and its count run together, inside a body: split)
                joined = _split_joined_count(kept[end], places, names, names_alone=True)
                rows[end] = _as_row(joined) if joined is not kept[end] else None
                if rows[end] is not None:
                    kept[end] = joined
                rows[end] = rows[end] or _blank_year_row(kept[end], rows[end - 1]) or _group_row(kept, rows, end) \
                    or _name_alone(kept, rows, end, position, places, names=names)
                if rows[end] is None:
                    break
            end += 1
        while end - position >= 2 and _header_read_as_row(rows[position], rows[position + 1]):
            rows[position] = None  # 'ARRESTS Rank 100,000' over the columns: a header line, not the first row
            position += 1
        trailing_heading = None
        while end > position + 1 and rows[end - 1] is not None and rows[end - 1].group and not \
                rows[end - 1].blank:
            trailing_heading = trailing_heading or rows[end - 1].label  # heads the rows a next page may continue
            rows[end - 1] = None  # a name after the last row heads nothing here: it is not part of this body
            end -= 1
        if position >= 1 and rows[position - 1] is None and kept[position - 1].page == kept[position].page \
                and (position >= 2 and len(kept[position - 2].cells) >= 2 or names(kept[position - 1].text)):
            heading = _group_row(kept, rows, position - 1)  # the first group's name, under the column headers
            if heading is not None:
                rows[position - 1] = heading
                position -= 1
        while position >= 1 and rows[position - 1] is None and kept[position - 1].page == kept[position].page \
                and _close(kept[position - 1], kept[position]):
            above = _name_alone(kept, rows, position - 1, position, places, end, names)
            over = kept[position - 2] if position >= 2 and kept[position - 2].page == kept[position].page else None
            if above is None and (bodies and all(
                    kept[i].page != kept[position].page or _continued_title(kept[i]) for i in range(position - 1)
                    if i >= bodies[-1][1]) or over is not None and any(  # a long table continued: '2011' alone
                    cell.text.strip().casefold() == "year" and _overlap(cell, kept[position - 1].cells[0]) > 0
                    for cell in over.cells)):  # over '2012 1' at the page top, or right under the 'Year' header
                above = _blank_year_row(kept[position - 1], rows[position])
            if above is None:
                break
            rows[position - 1] = above  # rows whose every cell is blank, before the first printed count
            position -= 1
        first = rows[position]
        over = kept[position - 1] if position >= 1 and rows[position - 1] is None else None
        if over is not None and over.page == kept[position].page and _close(over, kept[position]) and len(
                over.cells) == 1 and first is not None and first.group and first.label is not None and \
                over.cells[0].x0 < first.label.x0 - 3 and names(over.text) and not places(over.text) and not (
                _TITLE.match(over.text) or _LEGEND_START.search(over.text) or _prose(over)):
            rows[position - 1] = Row(over, over.cells[0], [], group=True)  # a statute set out left of the names
            position -= 1  # under it ('Convictions', blank, then 'Arrests 3'): it heads them
        if trailing_heading is None and end < len(kept) and kept[end].page == kept[position].page and (
                end + 1 == len(kept) or kept[end + 1].page != kept[end].page) and _close(kept[end - 1], kept[end]):
            foot = kept[end]  # a heading alone at the foot of the page: the rows it heads are on the next
            labels = [row.label for row in rows[position:end] if row is not None and row.label is not None]
            if len(foot.cells) == 1 and names(foot.text) and not _LEGEND_START.search(foot.text) and not \
                    _prose(foot) and any(abs(foot.cells[0].x0 - label.x0) <= 15 for label in labels):
                trailing_heading = foot.cells[0]
        bodies.append((position, end))
        trailing_headings[(position, end)] = trailing_heading
        position = end
    tables: list[Table] = []
    for number, (start, end) in enumerate(bodies):
        page = kept[start].page
        previous_end = bodies[number - 1][1] if number and kept[bodies[number - 1][0]].page == page else None
        first_on_page = next(i for i in range(start, -1, -1) if i == 0 or kept[i - 1].page != page)
        between = kept[previous_end if previous_end is not None else first_on_page:start]
        header = _header_block(between, kept[start])
        opening_heading = None
        opens_page = all(_is_title(line) and _CONTINUED.search(line.text) or _continued_title(line)
                         for line in between)
        first_of_page = start - len(between)
        continued_title = _without_continued(between[0].text) if between and _continued_title(between[0]) else None
        own_header = [line for line in header if not _CONTINUED.search(line.text)]
        if continued_title and own_header and not any(_without_continued(line.text) == continued_title
                                                      for table in tables for line in table.header_lines):
            opens_page = True  # 'Summary (cont.)' and its column headers again: its title and first part are
            # at the foot of the page before, with no part of it read yet
        if not opens_page and own_header and first_of_page and page is not None and \
                kept[first_of_page - 1].page == page - 1:  # its column headers printed again, under which
            after = bodies[number - 1][1] if number and kept[bodies[number - 1][0]].page == page - 1 else \
                next(i for i in range(first_of_page - 1, -1, -1) if i == 0 or kept[i - 1].page != page - 1)
            foot_headers = {line.text for line in kept[after:first_of_page] if not (_is_title(line) or _prose(line))}
            opens_page = all(_continued_title(line) or line.text in foot_headers for line in between)  # (its
            # title, header and first heading at the foot of the page before)
        if opens_page and first_of_page and page is not None and kept[first_of_page - 1].page == page - 1:
            foot, opening_heading = _header_at_page_foot(kept, first_of_page, bodies[number - 1][1] if number else 0,
                                                         names, {_without_continued(line.text) for line in between})
            printed = [line.text for line in foot] + ([opening_heading.text] if opening_heading else [])
            if foot and tables and tables[-1].legend_lines[-len(printed):] == printed:
                del tables[-1].legend_lines[-len(printed):]  # the header of this table, not the notes of that one
            # the foot's title is this table's; '(continued)' over these rows continues that part, not an older one
            if foot and own_header:  # its column headers printed again: the foot gives its title lines only
                foot = foot[:next((i for i, line in enumerate(foot) if len(line.cells) > 1), len(foot))]
                if opening_heading is not None and places(opening_heading.text) or any(
                        places(line.text) for line in foot[1:]):
                    foot, opening_heading = [], None  # a name at the foot ('ENFIELD', its cells blank): a first
                    # part not read here
            header = foot + own_header if foot else header
        if previous_end is not None:
            tables[-1].legend_lines += [line.text for line in between[:len(between) - len(header)]]
        body = [r for r in rows[start:end] if r is not None]
        tables.append(Table(page, body, header,
                            dotted=sum((row.line.page, row.line.number) in dotted for row in body),
                            trailing_heading=trailing_headings.get((start, end)), opening_heading=opening_heading))
        next_start = bodies[number + 1][0] if number + 1 < len(bodies) else len(kept)
        if number + 1 == len(bodies) or kept[next_start].page != page:
            last_on_page = end
            while last_on_page < len(kept) and kept[last_on_page].page == page:
                last_on_page += 1
            tables[-1].legend_lines += [line.text for line in kept[end:last_on_page]]
    return tables


def _split_under_headers(lines: list[Line], places, names) -> list[Line]:
    """A statute's or measure's name run together with every count of its row ('ARRESTED, C.G.S. SEC. 53A-82
    prostitution 1,603 1,717 3,320'), where each number peeled off stands under its own column header on the line
    of headers above: the row it is (a lone row is no body, so the split made inside bodies never sees it)."""
    out = list(lines)
    for index, line in enumerate(lines):
        if len(line.cells) != 1 or line.grid or not line.cells[0].gaps:
            continue
        split = _split_joined_count(line, places, names, names_alone=True)
        if split is line or not all(value_like(cell.text) for cell in split.cells[1:]):
            continue
        above = next((other for other in reversed(out[max(0, index - 5):index]) if other.page == line.page and (
            len(other.cells) >= 2 or len(other.cells) == 1 and other.cells[0].x0 >= split.cells[0].x1 and
            _PERIOD_ONLY.match(other.text))), None)
        if above is None:  # (one column: its year alone on its line, right of the names: '2005'; not 'per', of
            # 'Rate' / 'per' / 'YEAR ARRESTED CONVICTED 100,000')
            continue
        labelled = above.cells[0].text.strip().casefold() in _LABEL_HEADERS
        if not labelled and above.cells[0].x0 < split.cells[0].x1:
            continue  # the column headers of a table, under its label header ('Offense | 2016 | 2017 | Total') or
            # right of the names ('2005 | 2006 | 2007 | 2008' over 'Arrests, 53a-82 1,770 1,827 1,475 2,083')
        heads = [[k for k, head in enumerate(above.cells[1:] if labelled else above.cells) if _overlap(head, cell) > 0]
                 for cell in split.cells[1:]]
        if all(len(k) == 1 for k in heads) and len({k[0] for k in heads}) == len(heads):
            out[index] = split
    return out


def _continued_title(line: Line) -> bool:
    """'Offenses by Town (continued)' on a line of its own, with or without a table number."""
    return len(line.cells) == 1 and bool(_CONTINUED.search(line.text)) and not _prose(line)


def _without_continued(text: str) -> str:
    return " ".join(_CONTINUED.sub(" ", text).split()).casefold()


def _prints_a_number(text: str) -> bool:
    """A number other than a statute's section or a year ('... prostitution 1,603 1,717'): no blank row."""
    return bool(re.search(r"\d", re.sub(r"\d+[a-z]?-\d+[a-z]?|(?<!\d)(?:19|20)\d\d(?!\d)", "", text,
                                         flags=re.IGNORECASE)))


def _blank_rows_under(kept: list[Line], index: int, names, places) -> list[int]:
    """A line of column headers ('Agency | CONVICTIONS') with names under it, set where its label header is, and
    not one count printed: the rows of a table whose every cell is blank (all zero, or none reported, as its
    legend says). Their positions, or none."""
    header = kept[index]
    labelled = bool(header.cells) and header.cells[0].text.strip().casefold() in _LABEL_HEADERS
    heads = header.cells[1:] if labelled else header.cells  # ('Number' alone over a summary's names, too)
    if not heads or header.grid or any(value_like(cell.text) and not _YEAR_CELL.match(cell.text.strip())
                                       for cell in heads) or _is_title(header) or _prose(header) or not labelled and \
            any(len(cell.text.split()) > 2 for cell in heads):  # (unlabelled: short headers, never a title)
        return []
    found, below = [], index + 1
    edge = header.cells[0].x0 if labelled else None  # where the names are set
    while below < len(kept) and kept[below].page == header.page and _close(kept[below - 1], kept[below]):
        line = kept[below]
        if len(line.cells) != 1 or edge is not None and abs(line.cells[0].x0 - edge) > 15 or not (names(
                line.text) or _unknown_over_a_place(kept, below, places)) or _LEGEND_START.search(line.text) or \
                _prose(line) or _prints_a_number(line.text) or \
                line.cells[0].x1 >= _centre(heads[0]):  # (a long name may reach under the header's first letters)
            break
        edge = line.cells[0].x0 if edge is None else edge
        found.append(below)
        below += 1
    if below < len(kept) and kept[below].page == header.page and _close(kept[below - 1], kept[below]) and \
            _as_row(kept[below]) is not None:
        return []  # headings over rows that print counts: an ordinary body
    after = kept[below] if below < len(kept) and kept[below].page == header.page else None
    if not labelled and after is not None and _close(kept[below - 1], after) and not (len(after.cells) == 1 and (
            _LEGEND_START.search(after.text) or _LEGEND_LINE.match(after.text) or _prose(after))):
        return []  # unlabelled: the names must end the table (notes or text follow), not run on into a header
    if found and below < len(kept) and kept[below].page != header.page:  # the page ends under them
        after = below  # the next page's first row, or first name alone, under its (cont.) title and header
        last_x0 = kept[found[-1]].cells[0].x0
        while after < len(kept) and kept[after].page == kept[below].page and _as_row(kept[after]) is None and not (
                len(kept[after].cells) == 1 and names(kept[after].text) and not _CONTINUED.search(kept[after].text)
                and not (kept[after].cells[0].x0 > last_x0 + 3 and not places(kept[after].text))):
            after += 1  # (past names set in from the last here: '53a-82' at the foot, 'Convictions', blank, over
            # 'Arrests 7' overleaf)
        opening = _as_row(kept[after]) if after < len(kept) and kept[after].page == kept[below].page else None
        siblings = opening is not None and opening.label is not None and len(found) >= 2 and abs(
            kept[found[-1]].cells[0].x0 - opening.label.x0) <= 3 and kept[found[0]].cells[0].x0 < opening.label.x0 - 3
        # ('53a-82' over 'Convictions', blank, set in as 'Arrests 2' overleaf is: a heading and its first row)
        if opening is not None and not siblings and not (opening.label is not None and places(opening.label.text)
                                                         and all(places(kept[index].text) or _unknown_over_a_place(
                                                             kept, index, places) for index in found)):
            return []  # it opens with counts: these are the headings of those, set at the foot of this page
            # (places over places are rows: the next page goes on with the towns, 'Union 2')
    return found


def _unknown_over_a_place(kept: list[Line], index: int, places) -> bool:
    """A short label no town has ('Springfield'), set right over a town alone at its edge: a row whose every cell
    is blank, kept so that the checks name it."""
    line, after = kept[index], kept[index + 1] if index + 1 < len(kept) else None
    return after is not None and after.page == line.page and _close(line, after) and len(after.cells) == 1 and \
        len(line.cells) == 1 and abs(after.cells[0].x0 - line.cells[0].x0) <= 3.0 and len(line.text.split()) <= 5 \
        and not re.search(r"\d|[.;!?:](?:\s|$)", line.text) and bool(places(after.text))


def _signs_over_sections(kept: list[Line], index: int) -> bool:
    """Section signs wrapped above their numbers ('Promoting | §' over 'prostitution | 53a-192a'): a header
    line, whatever its label says; a '§' standing for a suppressed count has no section number under it."""
    line = kept[index]
    signs = line.cells[1:]
    if not signs or any(cell.text.strip() != "§" for cell in signs) or index + 1 >= len(kept):
        return False
    below = kept[index + 1]
    if below.page != line.page or not _close(line, below):
        return False
    numbers = [cell for cell in below.cells if _SECTION_ONLY.match(cell.text)]
    return all(any(number.x0 - 2 <= sign.x1 and sign.x0 <= number.x1 + 2 for number in numbers) for sign in signs)


def _header_read_as_row(first: Row | None, second: Row | None) -> bool:
    """A line of column headers read as the first row: one number among its words ('ARRESTS Rank 100,000', its
    'label' set out over the columns, not where the names below it are), or several years and no name."""
    if first is None or second is None or first.group or second.label is None:
        return False
    if first.label is None:  # '2016 2016 2016 2016 100,000' (a rate's '100,000'): years over the columns
        years = sum(bool(_YEAR_CELL.match(cell.text.strip())) for cell in first.values)
        return years >= 2 or years == 1 and any(cell.text.strip() == "100,000" for cell in first.values)
    return first.label.x0 > second.label.x1  # ('Rank 2011 100,000' over unlabelled names, too)


def _header_at_page_foot(kept: list[Line], start: int, previous_end: int, names,
                         titles: set[str]) -> tuple[list[Line], Cell | None]:
    """A body opening a page with no header above it, whose title and header were set at the foot of the page
    before (a bad page break): those lines, from a table title (or the line its '(cont.)' title repeats) down,
    are its header. Names under its column headers are rows whose every cell is blank (the table's first part):
    not a header, and not read here."""
    first = start
    while first > previous_end and kept[first - 1].page == kept[start - 1].page:
        first -= 1
    header = _header_block(kept[first:start], kept[start])
    first_row = next((line for line in kept[start:start + 4] if line.page == kept[start].page and _as_row(line)),
                     kept[start])  # (under its '(continued)' title)
    values = list(first_row.cells[1:])
    columns_line = max((i for i, line in enumerate(header) if len(line.cells) > 1 or not _is_title(line) and any(
        _overlap(line.cells[0], value) > 0 for value in values) and not (  # ('Count' alone over them; not a long
        len(first_row.cells) > 1 and line.cells[0].x0 < first_row.cells[0].x1)), default=len(header))  # heading)

    def over_the_counts(line: Line) -> bool:  # an untitled table's column headers, each over a count below
        return bool(values) and all(any(cell.x0 - 3 <= value.x1 and value.x0 <= cell.x1 + 3 for value in values)
                                    for cell in line.cells[1:])
    if not header or not (_is_title(header[0]) or _without_continued(header[0].text) in titles or (
            columns_line < len(header) and over_the_counts(header[columns_line]))):
        return [], None
    named = [line for line in header[columns_line + 1:] if names(line.text)]
    if len(named) > 1:
        return [], None
    if named and named[0] is header[-1] and len(named[0].cells) == 1:
        return header[:-1], named[0].cells[0]  # the first group's name, under the headers: it heads the rows
    return header, None


def _blank_year_row(line: Line, above: Row) -> Row | None:
    """In a long table, a line holding only a year under the Year column is a row whose counts are all blank."""
    if len(line.cells) != 1 or not _YEAR_CELL.match(line.cells[0].text.strip()):
        return None
    cell = line.cells[0]
    years = [c for c in above.values if _YEAR_CELL.match(c.text.strip())]
    if years and min(cell.x1, years[0].x1) - max(cell.x0, years[0].x0) > 0:
        return Row(line, None, [cell])
    return None


def _name_alone(kept: list[Line], rows: list[Row | None], index: int, start: int, places,
                end: int | None = None, names=None) -> Row | None:
    """A name alone on its line inside a body, at the rows' label position, not (yet) followed by a row: a row
    whose every cell is blank ('Middlefield' between two towns' rows, or after the last), or a heading; the rows
    after it decide (see _records)."""
    line = kept[index]
    near = reversed(rows[start:index]) if end is None else iter(rows[start:end])  # below it, when above the body
    anchor = next((row.label for row in near if row is not None and row.label is not None), None)
    if len(line.cells) != 1 or anchor is None:
        return None
    text = line.cells[0].text
    bare = re.sub(r"\d+[a-z]?-\d+[a-z]?|(?<!\d)(?:19|20)\d\d(?!\d)", "", text, flags=re.IGNORECASE)
    headings = [row.label.x0 for row in rows[start:index] if row is not None and row.group and row.label]
    if end is None and start > 0 and kept[start - 1].page == line.page and len(kept[start - 1].cells) == 1 and \
            names is not None and names(kept[start - 1].text):
        headings.append(kept[start - 1].cells[0].x0)  # the first group's heading, not yet taken into the body
    labels = [row.label.x0 for row in (rows[start:index] if end is None else rows[start:end])
              if row is not None and row.label is not None]  # (above the body: the labels of its rows below)
    label_like = any(abs(line.cells[0].x0 - x0) <= 3.0 for x0 in [anchor.x0, *headings, *labels]) and len(
        text.split()) <= 10 and not re.search(r"[a-z]{3,}[.;!?](?:\s|$)|\d", bare)  # set as the labels (or the
    # headings) are; no sentence, no count ('reported 156')
    summary_row = names is not None and not places(anchor.text) and names(anchor.text) and names(text) and label_like
    after = kept[index + 1] if index + 1 < len(kept) and kept[index + 1].page == line.page else None
    under_headers = index >= 1 and kept[index - 1].page == line.page and (
        _led_by_label_header(kept[index - 1]) or _continued_title(kept[index - 1])) and not \
        _starts_with_label_header(text)  # (right under the column headers, or a '(continued)' title over no header)
    unknown_between = (end is None or under_headers) and label_like and after is not None and _close(
        line, after) and text.strip().casefold() not in _LABEL_HEADERS and bool(  # (right under the column
        # headers, over the first town: 'Springfield', blank, is a row the checks name, never header text)
        after.cells) and abs(after.cells[0].x0 - line.cells[0].x0) <= 3.0 and (
        len(after.cells) == 1 and places(after.text) or _as_row(after) is not None and places(after.cells[0].text))
    if not (places(text) or summary_row or unknown_between):
        return None  # a place, or in a summary table whose rows name statutes and measures, one of those; or a
        # name no town has, its cells blank, between two towns' rows (kept: the checks name it, never lost)
    if end is None and names is not None and after is not None and _close(line, after) and len(after.cells) == 1 \
            and not names(after.text) and not (_LEGEND_START.search(after.text) or _LEGEND_LINE.match(after.text)
                                               or _prose(after)):
        return None  # 'Statewide' over 'Summary of Charges': the next table's title, not a row of this one
    if end is None and _over_a_labelled_header(kept, index):
        return None  # right over 'Town | Year | Arrests': the next table's title ('Offenses for Prostitution by Town')
    cell = line.cells[0]
    if value_like(cell.text) or _TITLE.match(cell.text) or _LEGEND_START.search(cell.text) or \
            abs(cell.x0 - anchor.x0) > (0.5 if line.grid else 15):
        return None
    return Row(line, cell, [], group=True, blank=True)


def _over_a_labelled_header(kept: list[Line], index: int) -> bool:
    """The line stands right over a line of column headers led by the names' header ('Town | Year | Arrests'),
    or over such a line's wrapped column headers, set right of its start ('Prostitution' over '(53a-82)')."""
    line, below = kept[index], index + 1
    while below < len(kept) and kept[below].page == line.page and _close(kept[below - 1], kept[below]):
        cells = kept[below].cells
        if _led_by_label_header(kept[below]):
            return True
        if not cells or cells[0].x0 <= line.cells[0].x0 + 3 or below - index > 3:
            return False
        below += 1
    return False


def _page_top_blank_row(kept: list[Line], index: int, bodies: list[tuple[int, int]], places,
                        rows: list[Row | None], names) -> Row | None:
    """A table continued onto a page with rows whose every cell is blank ('New Fairfield' alone at the top, then
    the legend): names alone at the top of the page, at the label position of the table that ended the page
    before, are its rows (statutes and measures too, if its rows name those: 'Convictions' of a summary); so
    are years alone under its Year column (a long table: '2006', '2007')."""
    line = kept[index]
    if not bodies or len(line.cells) != 1 or line.grid:
        return None
    start, end = bodies[-1]
    last = kept[end - 1]
    if last.page is None or line.page != last.page + 1 or any(
            kept[i].page == line.page and not _continued_title(kept[i])
            for i in range(end, index)):
        return None  # only what opens the next page (under its '(cont.)' title, if it has one)
    if rows[end - 1] is not None and (year_row := _blank_year_row(line, rows[end - 1])) is not None:
        return year_row
    labels = [kept[i].cells[0] for i in range(start, end) if kept[i].cells]
    if not (places(line.cells[0].text) or names(line.cells[0].text) and not _sentence(line) and any(
            names(label.text) and not places(label.text) for label in labels)):
        return None
    cell = line.cells[0]
    if value_like(cell.text) or _TITLE.match(cell.text) or _LEGEND_START.search(cell.text) or not any(
            abs(cell.x0 - label.x0) <= 15 for label in labels):
        return None
    after = index + 1  # what follows the names: notes, text or the page's end, never a header ('Statewide' /
    while after < len(kept) and kept[after].page == line.page and len(kept[after].cells) == 1 and \
            places(kept[after].cells[0].text):  # 'Summary of Charges' is a title)
        after += 1
    if after < len(kept) and kept[after].page == line.page and _close(kept[after - 1], kept[after]) and not (
            (_LEGEND_START.search(kept[after].text) or _LEGEND_LINE.match(kept[after].text)) and re.search(
                r"[^\W\d_]{2}", kept[after].text) or _prose(kept[after])):
        return None  # (a '§' alone is no note: the first line of a header '§' / '53a-82', under a title)
    return Row(line, cell, [], group=True, blank=True)


def _group_row(kept: list[Line], rows: list[Row | None], index: int) -> Row | None:
    """A name alone on its line, at the rows' label position, directly followed by a row: it heads the rows below
    (a statute in a summary table, a town in a long table)."""
    line = kept[index]
    below = rows[index + 1] if index + 1 < len(rows) else None
    if len(line.cells) != 1 or below is None or below.group or kept[index + 1].page != line.page:
        return None
    cell = line.cells[0]
    if value_like(cell.text) or _TITLE.match(cell.text) or _LEGEND_START.search(cell.text) or _CONTINUED.search(
            cell.text) or _starts_with_label_header(cell.text):  # 'Offenses by Town (continued)' over the rows: a
        return None  # title; 'Municipality ARRESTS CONVICTIONS ...': the column headers run together
    anchor = below.label or (below.values[0] if below.values else None)
    if anchor is None or abs(cell.x0 - anchor.x0) > (0.5 if line.grid else 15) or not _close(line, kept[index + 1]):
        return None
    return Row(line, cell, [], group=True)


def _close(above: Line, below: Line) -> bool:
    """Two rows belong to one body unless a blank band (more than two line heights) separates them."""
    if below.grid:
        return below.top - above.top <= 1.5
    height = max(1.0, above.bottom - above.top)
    return below.top - above.bottom <= 2.0 * height


def _header_block(between: list[Line], first: Line) -> list[Line]:
    """The lines directly above a body that belong to it: upwards from the body, contiguous (no blank band wider
    than two line heights), through the title line ('Table 3.', 'Exhibit 2') if there is one, never into the
    previous table's notes."""
    header: list[Line] = []
    prose: list[bool] = []  # running text, and the short last line of a paragraph of it
    for index, line in enumerate(between):
        # a paragraph's later lines: many words, or its short last line ending a sentence
        above = between[index - 1] if index > 0 else None
        prose.append(not _is_title(line) and (_prose(line) or above is not None and prose[-1] and len(
            line.cells) == 1 and (bool(re.search(r"[a-z\d)][.!?]$", line.text.strip())) or len(line.text.split()) >= 9)
            and abs(line.cells[0].x0 - above.cells[0].x0) <= 3.0 and (  # set as the paragraph's lines are: a
                line.top - above.bottom <= 0.8 * (above.bottom - above.top)  # title after it stands apart
                or not re.search(r"[.!?]$", above.text.strip()))))
    for index in range(len(between) - 1, -1, -1):
        line = between[index]
        below = header[0] if header else first
        height = max(1.0, line.bottom - line.top)
        gap = below.top - line.bottom
        if line.grid:
            if below.top - line.top > 2.5:
                break
        elif gap > 2.5 * height and not _is_title(line):
            break
        if prose[index]:
            break  # the narrative above a table ('Table 2 shows each department's count; ...' too)
        if _REPORT_NAME.search(line.text) and not _TITLE.match(line.text):
            break  # the report's own name ('... Council — Annual Report 2015' over a one-page report's table):
            # its year is the year of publication, never the table's
        if _LEGEND_START.search(line.text) and not _TITLE.match(line.text) and re.search(r"[^\W\d_]{2}", line.text) \
                and (not header or len(line.cells) == 1 and _LEGEND_LINE.match(line.text)):
            break  # the notes of the table above (words after the mark), never this one's header ('§' alone)
        header.insert(0, line)
        if _is_title(line):
            break
    return header


def _is_title(line: Line) -> bool:
    return bool(_TITLE.match(line.text)) and not _prose(line)


def _prose(line: Line) -> bool:
    """A line of running text (ten words or more, a sentence ending in it), never part of a table's header."""
    if len(line.cells) == 1 and _ABOUT_A_TABLE.match(line.text):
        return True  # 'Table 1 shows each department's count; ...': a sentence about a table (a title's words after
        # its number name what it counts, in any case: 'Table 2a promoting prostitution ...')
    text = re.sub(r"^\s*(?:table|exhibit|figure|chart|schedule)\s+\S+?[.:]?\s", "", line.text.strip(),
                  flags=re.IGNORECASE)  # 'Table 1. Arrests ...': the number's full stop ends no sentence
    return len(line.cells) == 1 and len(text.split()) >= 9 and bool(
        re.search(r"[a-z)][.;:]$|[a-z]{3,}[.;] [A-Za-z]|\d[.;] [A-Z]", text))  # 'Sec. 53a-88' ends none either


@dataclass
class Meaning:
    """A table's columns with their meaning, ready to read rows."""

    table: Table
    columns: list[Column]
    bounds: list[float]
    context: list[str]  # table-level text: title, subtitles, text over the whole table
    lone: int = 0  # lines of one phrase over the columns, above the column headers (each read one way or another)
    several: int = 0  # lines of several phrases over the columns, above the column headers (groups, or not)


def understand(table: Table, previous: Meaning | None, vocabulary: Vocabulary, where: str) -> Meaning:
    """Give every column of a table its meaning from all the text that can say it.

    Where the drawing is ambiguous (a short line of text over one column's header: its wrapped first line, or a
    group header over several columns? a line of headers each set over one column: their wrapped parts, or group
    headers centred over pairs?), each reading is tried and the one that leaves fewest columns without a statute,
    measure or year (or two columns with one meaning) wins (the first, on a tie); none is guessed."""
    attempts = []  # (columns left without meaning, error, meaning, what the reading set on the table)
    modes: list[tuple] = [("column", False), ("centred", False), ("context", False), ("column", True),
                          ("centred", True), ("context", True)]
    lone = several = 0  # lines of one phrase (of several) over the columns, above the column headers
    tried = []  # the mode of each attempt
    while modes:
        mode = modes.pop(0)
        tried.append(mode)
        try:
            meaning = _read_header(table, previous, vocabulary, where, mode)
        except ExtractionError as exc:
            attempts.append(((float("inf"), 0), exc, None, None))
            continue
        lone, several = max(lone, meaning.lone), max(several, meaning.several)
        attempts.append(_scored(meaning, vocabulary))
        score = attempts[-1][0]
        if score == (0, 0):
            break
        if not modes and 2 <= lone + several <= 5 and len(attempts) == 6:  # no one way of reading every line
            # over the columns fits: each read its own way (the title as text over the table, 'Rate per' as its
            # column's first line; 'CONVICTED | ARRESTED' as groups, 'Total 2008 through' as column headers)
            modes = [(singles, groups) for singles in itertools.product(("column", "context"), repeat=max(lone, 1))
                     for groups in itertools.product((False, True), repeat=max(several, 1))
                     if len(set(singles)) > 1 or len(set(groups)) > 1]
    best = min(range(len(attempts)), key=lambda k: attempts[k][0])
    if attempts[best][0] != (0, 0):
        _last_readings(table, previous, vocabulary, where, tried[best], attempts)
    _, _, meaning, state = min(attempts, key=lambda attempt: attempt[0])
    if meaning is None:
        raise attempts[0][1]
    counted = [c for c in meaning.columns if c.kind != "year"]
    if counted and all(c.kind == "skip" for c in counted) and any(c.skipped_by_group for c in counted):
        raise ExtractionError(f"{where}: every column would be set aside only by a header over it "
                              f"({counted[0].groups[-1] if counted[0].groups else ''!r}): the header cannot be placed")
    for column, measure in _measures_set_aside(meaning, vocabulary):
        raise ExtractionError(f"{where}: column {column.header_text!r} names {measure.text!r} but is read as not a "
                              "count, and no column of counts says it: a header of a column blank all down may have "
                              "run into its neighbour's; the header cannot be placed over its columns")
    for column in _periods_against_rows(meaning):
        raise ExtractionError(f"{where}: column {column.header_text!r} names a period of its own, but the rows give "
                              "the year: the header cannot be placed over its columns")
    for same in _same_meaning(meaning).values():
        headers = " and ".join(repr(column.header_text or "(no header)") for column in same[:2])
        more = f" (and {len(same) - 2} more)" if len(same) > 2 else ""
        raise ExtractionError(f"{where}: columns {headers}{more} would count the same statute, measure and year; "
                              "the header cannot be placed over its columns")
    table.title, table.continues, table.label_header = state  # as the chosen reading left it
    return meaning


def _scored(meaning: Meaning, vocabulary: Vocabulary) -> tuple:
    """An attempt: (score, no error, the reading, what it set on the table). The score: fewest columns without
    meaning, then fewest counts set aside only by a group header ('%' over the last column is its header's first
    line, not a group over all of them)."""
    table = meaning.table
    score = (_missing(meaning, vocabulary), sum(c.skipped_by_group for c in meaning.columns))
    return score, None, meaning, (list(table.title), table.continues, table.label_header)


def _last_readings(table: Table, previous: Meaning | None, vocabulary: Vocabulary, where: str, mode: tuple,
                   attempts: list) -> None:
    """Readings for drawings no reading above fits, added to `attempts`: a blank column's header run into its
    neighbour's ('Year CONVICTED change'): words set wholly between two columns cut off as a header of their own;
    a phrase alone on its line over a line of several headers ('Convictions' over 'Sec. | Sec.'), or a bare
    statute or year ('53a-82' centred under the title, its right edge on the 'Rate' over '100,000'), wrapped onto
    none of them, each lone phrase then read as a column's header or as the table's."""
    def attempt(retry_mode: tuple, **how: bool) -> Meaning | None:  # the reading, None if it fits perfectly
        try:
            meaning = _read_header(table, previous, vocabulary, where, retry_mode, **how)
        except ExtractionError as exc:
            attempts.append(((float("inf"), 0), exc, None, None))
            return None
        attempts.append(_scored(meaning, vocabulary))
        return None if attempts[-1][0] == (0, 0) else meaning

    def fits() -> bool:
        return attempts[-1][0] == (0, 0)

    if any(cell.gaps for line in table.header_lines for cell in line.cells):
        attempt(mode, peel=True)
        if fits():
            return
    if any((len(above.cells) == 1 or len(above.cells) < len(below.cells)) and not _is_title(above)
           for above, below in itertools.pairwise(table.header_lines)):
        for groups in (False, True):
            apart = attempt(("context", groups), lone_apart=True)
            if fits():
                return
            if apart is not None and 2 <= apart.lone <= 5:
                for singles in itertools.product(("column", "context"), repeat=apart.lone):
                    if len(set(singles)) > 1:
                        attempt((singles, groups), lone_apart=True)
                        if fits():
                            return


def _missing(meaning: Meaning, vocabulary: Vocabulary) -> int:
    """How many count columns still lack a statute, a measure or a year (rows may supply them)."""
    rows_name = [row.label.text for row in meaning.table.rows if row.label is not None]
    row_statute = any(vocabulary.statutes_in(text) for text in rows_name)
    row_measure = any(vocabulary.measures_in(text) for text in rows_name)
    year_column = any(c.kind == "year" for c in meaning.columns)
    return sum((c.statute is None and not row_statute) + (c.measure is None and not row_measure)
               + (c.period is None and not year_column) for c in meaning.columns if c.kind == "count") + sum(
        len(same) for same in _same_meaning(meaning).values()) + len(_measures_set_aside(meaning, vocabulary)) + len(
        _periods_against_rows(meaning)) + sum(  # a count under a bare number ('100,000', its 'Rate per' read away)
        c.kind == "count" and bool(_VALUE_LIKE.match(c.header_text)) and not _YEAR_CELL.match(c.header_text)
        for c in meaning.columns)


def _periods_against_rows(meaning: Meaning) -> list[Column]:
    """Count columns given a period of their own in a table whose rows give the year (a Year column): a title
    read as a column's wrapped header ('Offenses by Town, 2011 through 2013' over '53a-87')."""
    if not any(column.kind == "year" for column in meaning.columns):
        return []
    return [column for column in meaning.columns if column.kind == "count" and column.period is not None]


def _measures_set_aside(meaning: Meaning, vocabulary: Vocabulary) -> list[tuple[Column, Mention]]:
    """Measures named only by columns read as not a count ('CONVICTED change' over '% change', where a blank
    column's header ran into its neighbour's): their counts would vanish without a word. ('Arrest rate' beside a
    column of arrests loses nothing.)"""
    counted = {c.measure.value for c in meaning.columns if c.kind == "count" and c.measure is not None}
    if any(c.kind == "count" and c.measure is None for c in meaning.columns):
        return []  # the rows name the measure
    return [(c, m) for c in meaning.columns if c.kind != "count"
            for m in vocabulary.measures_in(c.header_text) if m.value not in counted]


def _same_meaning(meaning: Meaning) -> dict[tuple, list[Column]]:
    """Count columns that a reading gives one and the same statute, measure and period: a table never prints a
    count twice in one row, so such a reading has misplaced a header (a group header read over the wrong
    columns)."""
    seen: dict[tuple, list[Column]] = {}
    year_column = any(column.kind == "year" for column in meaning.columns)  # a long table: the rows give years
    for column in meaning.columns:  # (what a column leaves open, the row gives: the same to both columns)
        if column.kind == "count" and (column.period or year_column and (column.statute or column.measure)):
            key = tuple(m.value if m else None for m in (column.statute, column.measure, column.period)) + (
                column.printed_total,)
            seen.setdefault(key, []).append(column)
    return {key: same for key, same in seen.items() if len(same) > 1}


def _read_header(table: Table, previous: Meaning | None, vocabulary: Vocabulary, where: str,
                 mode: tuple[str | tuple[str, ...], bool | tuple[bool, ...]], peel: bool = False,
                 lone_apart: bool = False) -> Meaning:
    grid = table.first_line.grid
    columns = _columns(table.rows, grid)
    if not columns:  # every cell blank: a column under each of its column headers, or those of the part above
        names_end = max((row.label.x1 for row in table.rows if row.label is not None), default=0.0)
        last = table.header_lines[-1] if table.header_lines else None
        heads = [cell for cell in last.cells if _centre(cell) > names_end] if last is not None and not _is_title(
            last) and not _CONTINUED.search(last.text) else []  # (centred right of the names: a long name may
        # reach under a header's first letters)
        if heads and all(cell.text.strip().casefold() in _LABEL_HEADERS for cell in last.cells
                         if _centre(cell) <= names_end):
            columns = [Column(cell.x0, cell.x1) for cell in heads]
        elif previous is not None:
            columns = [Column(c.x0, c.x1) for c in previous.columns]
    if not columns:
        raise ExtractionError(f"{where}: rows without a single printed count, and no table above to place them in")
    if previous is not None and len(columns) < len(previous.columns) and _repeats_header(
            _printed_header_text(table), _column_header_text(previous.table)):
        # the header printed again over fewer columns of counts (some blank all down this part): the columns are
        # where they were above, or the repeated header would be cut to fit the columns that have counts
        columns = _place_under(columns, previous.columns) or columns
    table.title, table.continues = [], None
    labels = [row.label for row in table.rows if row.label is not None and not row.group]
    label_x1 = max((cell.x1 for cell in labels), default=columns[0].x0 - 1)
    label_x0 = min((cell.x0 for cell in labels), default=0.0)
    bounds = _zones(columns, (label_x1 + columns[0].x0) / 2 if labels else columns[0].x0 - 0.5)
    context: list[str] = []
    column_lines = 0
    edge = bounds[0] + (0.0 if grid else 1.0)
    lines = []
    title_line: Line | None = None
    for index, line in enumerate(table.header_lines):
        if _is_title(line) or title_line is not None and _wraps(title_line, line) and len(_label_header_cut(
                line.cells[0], edge, columns[0].x0)) == 1 and not _runs_on_into(line, table.header_lines[
                    index + 1] if index + 1 < len(table.header_lines) else None) and (_RUNS_ON.search(
                    # ('Municipality 2005 2006': no; nor 'Convictions,' over '2005 | Arrests, 2005')
                title_line.text.strip()) or not _sits_on_a_header(line, table.header_lines[-1]) and not (
                labels and line.cells[0].x0 > label_x1 and not _PERIOD_ONLY.match(line.text)
                and not _SECTION_ONLY.match(line.text) and _runs_into_headers(table.header_lines[index:]))) or \
                _continued_title(line):  # 'offenses by town (continued)': a title
            table.title.append(line.text.strip())
            title_line = line
            continue
        title_line = None
        # left of the counts: the label column's header and text over the table; a header starting right of every
        # name stands over a column (blank all down, if left of the first count)
        cells = [part for cell in line.cells for part in _label_header_cut(cell, edge, columns[0].x0)]
        over_columns = [c for c in cells if c.x1 > edge or labels and not grid and c.x0 > label_x1 + 1]
        chosen = {id(c) for c in over_columns}
        for cell in (c for c in cells if id(c) not in chosen):
            if cell.text.strip().casefold() in _LABEL_HEADERS:
                table.label_header = cell.text.strip()
            else:
                context.append(cell.text.strip())
        values = over_columns
        if len(cells) == 1 and values and labels and abs(values[0].x0 - label_x0) <= 3.0:
            # a phrase set from the labels' edge out over the columns: the table's (sub)title, never a column's
            if not table.title and (not lines and not context or _CONTINUED.search(line.text)):
                table.title.append(line.text.strip())
            else:
                context.append(line.text.strip())
            continue
        if values:
            lines.append((line, [word for cell in values for word in _measure_words(cell, vocabulary)]))
    lines = _stack_wrapped(lines, vocabulary, [_split_merged(values, columns) for _, values in lines], lone_apart)
    # the column-header line: the lowest line with the most cells over the columns (never one phrase running in
    # from the label column: an untitled table's title, 'Offenses, 2007-2009 (continued)')
    # (counted as split where tight columns ran headers together: 'Arrested 100,000 Rank' is three)
    split = [_split_merged(values, columns, peel) for _, values in lines]
    most = max((len(values) for values in split), default=0)
    base = max((i for i, values in enumerate(split) if len(values) == most
                and not (most == 1 and labels and values[0].x0 < label_x1 and len(columns) > 1)), default=-1)
    if base >= 0:
        lines[base] = (lines[base][0], split[base])
    base_cells = lines[base][1] if base >= 0 else []
    trailing = [cell for cell in base_cells if cell.x0 > columns[-1].x1 + 1 and len(base_cells) > 1]
    if trailing:  # headers right of the last count: columns whose every cell is blank (still cells to read)
        columns = columns + [Column(cell.x0, cell.x1) for cell in trailing]
        bounds = _zones(columns, bounds[0])
    leading = [cell for cell in base_cells if labels and cell.x0 > label_x1 + 1 and cell.x1 < columns[0].x0 - 1
               and len(base_cells) > 1 and cell.text.strip().casefold() not in _LABEL_HEADERS]
    if leading:  # headers between the names and the first count: columns whose every cell is blank
        columns = [Column(cell.x0, cell.x1) for cell in leading] + columns
        bounds = _zones(columns, (label_x1 + columns[0].x0) / 2)
    orphans = _blank_columns(base_cells, columns, bounds)  # ('% change' too: a column, set aside by its header)
    if orphans:  # a header over no count, between counted columns: a column whose every cell is blank
        columns = sorted(columns + [Column(cell.x0, cell.x1) for cell in orphans], key=lambda c: c.x0)
        bounds = _zones(columns, bounds[0])
    single_modes, multi_modes = mode  # how a lone phrase over the columns is read; lines of several: groups?
    # (one way for all such lines, or one way each)
    multi_seen = False
    lone = several = 0
    for position, (_, values) in enumerate(lines):
        over = [_over_one(cell, base_cells, bounds) for cell in values] if position != base else []
        single = len(values) == 1 and position < base
        single_mode = single_modes if isinstance(single_modes, str) else single_modes[min(lone, len(single_modes) - 1)]
        multi_are_groups = multi_modes if isinstance(multi_modes, bool) else multi_modes[
            min(several, len(multi_modes) - 1)]
        lone += single
        several += len(values) > 1 and position < base
        if single and (single_mode == "context" or single_mode == "centred" and _centred_over(values[0], columns,
                                                                                               base_cells)):
            context.append(values[0].text.strip())
        elif position == base:
            column_lines += 1
            _column_cells(values, columns, bounds, grid)
        elif (len(values) == 1 or not multi_are_groups) and all(over) and len({id(b) for b in over}) == len(over) \
                and all(_aligned(cell, below) for cell, below in zip(values, over, strict=True)) and not (
                    len(values) == 1 and any(len(between) > 1 for _, between in lines[position + 1:base])
                    and not columns[0].x0 - 3 <= values[0].x0 <= values[0].x1 <= columns[-1].x1 + 3):
            # (one phrase above a line of several headers, reaching out past the columns, is no column's wrapped
            # header: the title over a narrow table that happens to share an edge with its last column's header)
            for cell, below in zip(values, over, strict=True):  # a header printed over two or three lines
                zone = _zone_of(_centre(below), bounds)
                if zone >= 0:
                    columns[zone].header.append(cell.text.strip())
        elif len(values) == 1 and (not multi_seen or len(columns) == 1 or values[0].x0 < bounds[0]):
            if not table.title and not column_lines and not multi_seen and values[0].x0 < bounds[0]:
                table.title.append(values[0].text.strip())  # an untitled table's title line
            else:
                context.append(values[0].text.strip())
        else:
            _spread_group(values, columns, grid)
        multi_seen = multi_seen or len(values) > 1
    continued = bool(table.title) and (bool(_CONTINUED.search(" ".join(table.title))) or not column_lines and (
        previous is not None and previous.table.title == table.title))
    said_before = {_without_continued(text) for text in previous.context} if previous is not None else set()
    repeated = previous is not None and not table.title and column_lines and not (context and (
        table.page is not None and previous.table.page == table.page or any(
            _without_continued(text) not in said_before for text in context))) and (  # (an untitled table with
        # text of its own over it, on the page of the one before or saying what that one did not: its own)
        [(c.header, c.groups) for c in columns] == [(c.header, c.groups) for c in previous.columns]
        or _repeats_header(_column_header_text(table), _column_header_text(previous.table))
        or _repeats_within(_column_header_text(table), _printed_header_text(previous.table)))
    if previous is not None and (continued or repeated or not table.title and not column_lines):
        table.continues = previous.table  # continued, with or without its header printed again
    if table.continues is not None and previous is not None and len(previous.columns) == len(columns):
        for own, old in zip(columns, previous.columns, strict=True):  # its header's last lines again, under
            if own.header and len(old.header) > len(own.header) and old.header[-len(own.header):] == own.header:
                own.header = list(old.header)  # lines set over it only where the table began ('Persons' /
                own.groups = own.groups or list(old.groups)  # 'Arrested' over '53a-87 ...'): the same column
    if table.continues is not None and previous is not None and not all(c.header for c in columns):
        inherited = [c for c in previous.columns]
        if len(inherited) != len(columns) and not any(c.header for c in columns):
            placed = _place_under(columns, inherited)  # a column blank all down this page: where it was above
            if placed is not None:
                columns = placed
                bounds = _zones(columns, bounds[0])
        if len(inherited) != len(columns):
            raise ExtractionError(f"{where}: has no header of its own, so it continues the table before it, but "
                                  f"has {len(columns)} columns of counts where that one has {len(inherited)}")
        for own, old in zip(columns, inherited, strict=True):
            if not own.header:
                own.header, own.groups = list(old.header), list(old.groups)
    if table.continues is not None and previous is not None:
        context = previous.context + context
        if not table.label_header:
            table.label_header = previous.table.label_header
    else:
        context = table.title + context
    meaning = Meaning(table, columns, bounds, context, lone, several)
    _assign(meaning, vocabulary, where)
    return meaning


def _runs_on_into(line: Line, below: Line | None) -> bool:
    """A phrase ending in a comma or joining word whose next line is a line of several headers, one of them set
    under it: the first line of that header, however it lines up with the title above."""
    return below is not None and len(line.cells) == 1 and len(below.cells) >= 2 and bool(
        _RUNS_ON.search(line.text.strip())) and any(_aligned(line.cells[0], cell) and _overlap(line.cells[0], cell) > 0
                                                    for cell in below.cells)


def _runs_into_headers(lines: list[Line]) -> bool:
    """A phrase right of the names, wrapped over lines of its own ('Promoting' / 'Prostitution' / 'in the
    Third') down to a line of several headers where its last part stands among them ('Degree | Prostitution'):
    a column's header, however well it happens to centre under the title above it."""
    stack = lines[0].cells[0]
    ways = {"left", "right", "centre"}  # how the lines are set: the same way all down (one wrapped header)

    def wraps_on(above: Cell, below: Cell) -> bool:  # lines of one header: aligned, of like widths ('2007 through
        widths = sorted((max(above.x1 - above.x0, 1e-6), max(below.x1 - below.x0, 1e-6)))  # 2009' over 'Rate': no)
        joining = _JOINING.match(above.text) or _JOINING.match(below.text)  # ('Trafficking' / 'in' / 'persons')
        return bool(ways & _alignments(above, below)) and _overlap(above, below) > 0 and (
            widths[1] <= 3 * widths[0] or joining)
    stacked, among_others = 1, False
    for line in lines[1:]:
        below = [cell for cell in line.cells if wraps_on(stack, cell)]
        if len(below) != 1 or len(line.cells) == 1 and among_others:
            break
        ways &= _alignments(stack, below[0])  # ('Offenses by Town' left-aligned on '53a-82,' by chance, which is
        # centred on 'Convictions' below it: no one header)
        stack, stacked, among_others = below[0], stacked + 1, among_others or len(line.cells) > 1
    return among_others and stacked >= 3  # (over three lines or more, the last ones among other columns'
    # headers: '53a-82' over 'CONVICTED' alone, under the title, is the title's)


def _led_by_label_header(line: Line) -> bool:
    """A line of column headers led by the names' header ('Town | Year | Arrests')."""
    return len(line.cells) >= 2 and line.cells[0].text.strip().casefold() in _LABEL_HEADERS


def _starts_with_label_header(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and words[0].casefold() in _LABEL_HEADERS


def _label_header_cut(cell: Cell, edge: float, counts_start: float) -> list[Cell]:
    """The names' header run into the column headers ('Municipality ARRESTS CONVICTIONS ...'): cut at the last
    printed space left of the first count, when what it leaves there is a label header (a long one may end right
    of where the names do: 'Municipality 2005 2006' over tight columns)."""
    if not cell.x0 < edge < cell.x1 or not cell.gaps or len(cell.gaps) != cell.text.count(" "):
        return [cell]
    spaces = [index for index, char in enumerate(cell.text) if char == " "]
    left = [k for k, (word_end, _) in enumerate(cell.gaps) if word_end <= counts_start
            and cell.text[:spaces[k]].strip().casefold() in _LABEL_HEADERS]
    if not left:
        return [cell]
    k = left[-1]
    return [Cell(cell.text[:spaces[k]], cell.x0, cell.gaps[k][0]),
            Cell(cell.text[spaces[k] + 1:], cell.gaps[k][1], cell.x1, cell.gaps[k + 1:])]


def _split_merged(cells: list[Cell], columns: list[Column], peel: bool = False) -> list[Cell]:
    """Headers of tight columns read as one phrase ('53a-87 Rank' over two columns of counts): split at the
    printed space nearest to where the columns part, when the columns it stands over have no header of their own
    and each part then stands over its column. Peeling (a reading tried only when no other fits) also cuts off
    words set wholly between two columns' counts ('Year CONVICTED change': a column blank all down)."""
    under = _columns_under(columns)  # the columns whose counts a stretch overlaps
    headers_over: dict[int, int] = {}
    for cell in cells:
        for index in under(cell.x0, cell.x1):
            headers_over[index] = headers_over.get(index, 0) + 1
    out: list[Cell] = []
    for cell in cells:
        over = under(cell.x0, cell.x1)
        if len(over) < 2 or not cell.gaps or any(headers_over[index] > 1 for index in over):
            out.append(cell)
            continue
        parts = _split_at_gaps(cell, [columns[i] for i in over])
        fits = parts is not None and all(part.x0 <= columns[i].x1 and columns[i].x0 <= part.x1
                                         for part, i in zip(parts, over, strict=True))
        out += parts if fits else [cell]
    return [piece for cell in out for piece in _peel_between(cell, columns)] if peel else out


def _peel_between(cell: Cell, columns: list[Column]) -> list[Cell]:
    """Words at either end of a header, set wholly between two columns' counts (or right of the last), cut off as
    a header of their own (over a column blank all down), when the rest still stands over one column."""
    words = _words(cell)
    if len(words) < 2:
        return [cell]
    under = _columns_under(columns, slack=1.0)
    over = [k for k, (_, x0, x1) in enumerate(words) if under(x0, x1)]
    if not over or len(under(words[over[0]][1], words[over[-1]][2])) != 1:
        return [cell]
    first, last = over[0], over[-1]
    out = []
    for chunk, between in ((words[:first], True), (words[first:last + 1], False), (words[last + 1:], True)):
        if not chunk:
            continue
        if between and not 0 < under(chunk[0][1], chunk[0][1]).start <= len(columns) and not (
                first and chunk[-1] is words[first - 1] and all(_YEAR_CELL.match(text) for text, _, _ in chunk)):
            return [cell]  # left of the columns: the names' header or a title's words, not a blank column's (but
            # years are: '2005 2006' over the first counts, 2005 blank all down)
        out.append(Cell(" ".join(text for text, _, _ in chunk), chunk[0][1], chunk[-1][2]))
    return out


def _columns_under(columns: list[Column], slack: float = 0.0) -> Callable[[float, float], range]:
    """`under(x0, x1)`: the range of columns (sorted, apart) whose counts the stretch x0..x1 overlaps, found by
    bisection: a header line over 20,000 columns must not test each."""
    starts, ends = [column.x0 - slack for column in columns], [column.x1 + slack for column in columns]

    def under(x0: float, x1: float) -> range:
        return range(bisect.bisect_left(ends, x0), bisect.bisect_right(starts, x1))
    return under


def _measure_words(cell: Cell, vocabulary: Vocabulary) -> list[Cell]:
    """Headers of tight columns run together where every word is a measure on its own ('Arrests Convictions',
    repeated over a year's columns): one header per word, where it was printed (no one header names two)."""
    words = _words(cell)
    if len(words) < 2 or len(words) != len(cell.gaps) + 1 or not all(
            re.fullmatch(r"[^\W\d_]+", text) and len(vocabulary.measures_in(text)) == 1 and not
            vocabulary.statutes_in(text) for text, _, _ in words):
        return [cell]
    return [Cell(text, x0, x1) for text, x0, x1 in words]


def _words(cell: Cell) -> list[tuple[str, float, float]]:
    """The cell's words with where each is printed (from its printed spaces)."""
    texts = cell.text.split(" ")
    if len(texts) != len(cell.gaps) + 1:
        return [(cell.text, cell.x0, cell.x1)]
    edges = [cell.x0] + [x for gap in cell.gaps for x in gap] + [cell.x1]
    return [(text, edges[2 * k], edges[2 * k + 1]) for k, text in enumerate(texts)]


def _split_at_gaps(cell: Cell, under: list[Column]) -> list[Cell] | None:
    """The cell's text cut at printed spaces, one part per column under it, left to right: each cut where the part
    it ends is set best over its own column (left, right or centre edge nearest to the column's), so that 'Year
    Promoting prostitution ... Rate per 100,000' gives 'Year' to the Year column, not half the phrase."""
    spaces = [index for index, char in enumerate(cell.text) if char == " "]
    if len(spaces) != len(cell.gaps) or len(spaces) < len(under) - 1:
        return None
    parts, start_char, start_x, first_gap = [], 0, cell.x0, 0
    for i, column in enumerate(under[:-1]):
        last_gap = len(cell.gaps) - (len(under) - 1 - i)  # leave a space for every column still to come

        def misfit(k: int, column: Column = column, left: float = start_x) -> float:
            right = cell.gaps[k][0]
            return min(abs(left - column.x0), abs(right - column.x1), abs((left + right) / 2 - column.centre))

        candidates = [k for k in range(first_gap, last_gap + 1) if cell.gaps[k][0] >= column.x0 - 1]
        if not candidates:
            return None
        k = min(candidates, key=misfit)
        parts.append(Cell(cell.text[start_char:spaces[k]], start_x, cell.gaps[k][0], cell.gaps[first_gap:k]))
        start_char, start_x, first_gap = spaces[k] + 1, cell.gaps[k][1], k + 1
    parts.append(Cell(cell.text[start_char:], start_x, cell.x1, cell.gaps[first_gap:]))
    return parts


def _place_under(columns: list[Column], above: list[Column]) -> list[Column] | None:
    """The columns of a continued part, placed under those of the part before when each of its columns of counts
    stands under exactly one of them (the same page layout); the others are columns blank all down this part."""
    starts = [column.x0 for column in above]
    taken: dict[int, Column] = {}
    for own in columns:
        under = [j for j in range(max(0, bisect.bisect_right(starts, own.x1 + 2) - 2),
                                  bisect.bisect_right(starts, own.x1 + 2))
                 if above[j].x0 - 2 <= own.x1 and own.x0 <= above[j].x1 + 2]
        if len(under) != 1 or under[0] in taken:
            return None
        taken[under[0]] = own
    return [Column(min(old.x0, taken[j].x0), max(old.x1, taken[j].x1)) if j in taken else Column(old.x0, old.x1)
            for j, old in enumerate(above)]


def _column_header_text(table: Table) -> list[str]:
    """The header lines under the title, as printed: a continued table that prints its header again prints these
    (its columns may differ: a column blank on this page has no counts to place it)."""
    return [" ".join(line.text.split()).casefold() for line in table.header_lines
            if line.text.strip() not in table.title and not _CONTINUED.search(line.text)]


def _printed_header_text(table: Table) -> list[str]:
    """The header lines as printed, without its title lines: read before any reading has set the title."""
    return [" ".join(line.text.split()).casefold() for line in table.header_lines
            if not _is_title(line) and not _CONTINUED.search(line.text)]


def _repeats_header(own: list[str], before: list[str]) -> bool:
    """The column headers printed again: the same lines as the last ones of the header before (its title and
    subtitles may stay behind on the first page)."""
    return bool(own) and own == before[-len(own):]


def _repeats_within(own: list[str], before: list[str]) -> bool:
    """An untitled part whose every header line, down to the same column-header line, was printed over the part
    before (however the reading of that one split its title from its header)."""
    return bool(own) and bool(before) and own[-1] == before[-1] and all(line in before for line in own)


def _sits_on_a_header(line: Line, headers: Line) -> bool:
    """A short line set on one of the column headers below it, its right edge or centre on that header's
    ('Rate' / 'per' over '100,000', 'Trafficking' over 'in persons'): the first lines of that header, not the
    title wrapped."""
    if line is headers or len(line.cells) != 1 or len(headers.cells) < 2:
        return False
    cell = line.cells[0]
    return any(cell.x1 - cell.x0 <= 1.25 * (header.x1 - header.x0) + 1 and (
        abs(cell.x1 - header.x1) <= 1.0 or abs(_centre(cell) - _centre(header)) <= 1.0) for header in headers.cells)


def _wraps(above: Line, below: Line) -> bool:
    """A title wrapped onto the next line: one phrase, set as the title is (left edges or centres aligned), with
    no gap wider than a line between them."""
    if len(above.cells) != 1 or len(below.cells) != 1 or below.grid:
        return False
    first, second = above.cells[0], below.cells[0]
    height = max(1.0, above.bottom - above.top)
    return below.top - above.bottom <= height and (
        abs(first.x0 - second.x0) <= 3.0 or abs(_centre(first) - _centre(second)) <= 3.0)  # not right edges


def _blank_columns(base: list[Cell], columns: list[Column], bounds: list[float]) -> list[Cell]:
    """Column headers over no count at all: two headers fall in one column's zone and only one sits over its
    counts, the other names a column whose every cell is blank."""
    by_zone: dict[int, list[Cell]] = {}
    for cell in base:
        zone = _zone_of(_centre(cell), bounds)
        if zone >= 0:
            by_zone.setdefault(zone, []).append(cell)
    blank = []
    for zone, cells in by_zone.items():
        column = columns[zone]
        over = [c for c in cells if c.x0 - 1 <= column.x1 and column.x0 <= c.x1 + 1]
        if len(cells) > 1 and len(over) == 1:
            blank += [c for c in cells if c is not over[0]]
    return blank


def _stack_wrapped(lines: list[tuple[Line, list[Cell]]], vocabulary: Vocabulary, split: list[list[Cell]],
                   lone_apart: bool = False) -> list[tuple[Line, list[Cell]]]:
    """Text wrapped over several lines ('Promoting' / 'prostitution in the' / 'first degree (§' / '53a-86)'), read
    as one cell over its joint width. Cells stack when each sits over the one above (half the narrower width or
    more), neither is three times wider and both are set the same way, as the lines of one wrapped text are (left,
    right or centre edges aligned: a group header never stacks onto the header of one of its columns); stacks end
    on the line of their last cell, where they are placed. A line of group headers whose every cell is set under
    one of the line above ('Patronizing a Prostitute,' / '2005') stacks whatever the widths.
    The column-header line (the one with the most cells, counted as `split` where tight columns ran their headers
    together) is never stacked into. `lone_apart`: a line stacks onto no line of more cells ('Arrested |
    Convicted' over 'CGS | CGS | CGS | CGS'), a bare statute or period alone on its line onto none at all."""
    most = max((len(cells) for cells in split), default=0)
    base = max((i for i, cells in enumerate(split) if len(cells) == most), default=-1)
    lines = list(lines)
    for index in range(base - 1, -1, -1):
        below = split[base] if index + 1 == base else lines[index + 1][1]
        lines[index] = (lines[index][0], _split_over(lines[index][1], below, lines[index - 1][1] if index else [],
                                                     vocabulary))
    open_stacks: list[tuple[Cell, int]] = []  # (stacked cell, index of the line it last grew on)
    ended: dict[int, list[Cell]] = {}
    heads = lines[base][1] if base >= 0 else []

    def spans(cell: Cell) -> int:  # how many column headers it reaches well over (a group header: two or more)
        return sum(_reaches(cell, head) for head in heads)
    for index, (line, values) in enumerate(lines[:max(base, 0)]):
        grown = []
        # (a line between, set left of the columns and read as text over the table: nothing stacks across it;
        # nor does text set in another size: an untitled table's title over a group header)
        previous = lines[index - 1][0] if index else None
        adjacent = previous is not None and previous.page == line.page and previous.number + 1 == line.number and \
            abs((previous.bottom - previous.top) - (line.bottom - line.top)) <= 0.12 * (previous.bottom - previous.top)
        above = sorted(lines[index - 1][1], key=lambda c: c.x0) if index else []
        parallel = len(values) >= 2 and len(above) == len(values) and all(  # a row of group headers wrapped
            _aligned(a, b) and _overlap(a, b) > 0 for a, b in zip(above, sorted(values, key=lambda c: c.x0),
                                                                   strict=True))
        matches = []
        for cell in values:
            match = next((k for k, (stack, last) in enumerate(open_stacks) if last == index - 1 and adjacent
                          and not (lone_apart and (len(above) < len(values) or len(above) == 1 and (
                              _SECTION_ONLY.match(stack.text) or _PERIOD_ONLY.match(stack.text))))
                          and (_stacks_on(stack, cell) or parallel and _aligned(stack, cell)
                               and _overlap(stack, cell) > 0) and k not in grown and k not in matches
                          and sum(_overlap(stack, other) > 0 for other in values) == 1  # spans: a group
                          and not (spans(stack) >= 2 > spans(cell) and abs(_centre(stack) - _centre(cell)) > 1.0)),
                         None)  # ('Convicted' over two, left-aligned with the 'CGS' over one: no stack)
            matches.append(match)
        over = [[k for k, cell in enumerate(values) if _overlap(a, cell) > 0] for a in above]
        one_each = len(above) >= 2 and all(len(o) == 1 for o in over) and len({o[0] for o in over}) == len(over)
        under = [matches[o[0]] for o in over] if one_each else matches  # (the cells under one of the line above)
        if (len(above) == len(values) >= 2 or one_each) and None in under and any(m is not None for m in under):
            matches = [None] * len(values)  # a line of group headers over a line of column headers: where one
            # of them happens to share an edge with the header under it, it still does not stack
        for cell, match in zip(values, matches, strict=True):
            if match is None:
                open_stacks.append((cell, index))
                grown.append(len(open_stacks) - 1)
            else:
                stack = open_stacks[match][0]
                open_stacks[match] = (Cell(f"{stack.text.strip()} {cell.text.strip()}", min(stack.x0, cell.x0),
                                           max(stack.x1, cell.x1)), index)
                grown.append(match)
    for stack, last in open_stacks:
        ended.setdefault(last, []).append(stack)
    out = [(lines[i][0], sorted(ended[i], key=lambda c: c.x0)) for i in sorted(ended)]
    return out + lines[max(base, 0):] if base >= 0 else lines


def _split_over(cells: list[Cell], below: list[Cell], above: list[Cell], vocabulary: Vocabulary) -> list[Cell]:
    """Wrapped headers of tight columns run together on one line ('trafficking patronizing' over 'in | a'):
    split at printed spaces when every part then ends (or starts) exactly where the cell under it does, as the
    lines of one wrapped header are set; a group header over those cells lines up with them by chance at most
    once, or in a monospaced font where every word does: never cut through a statute's name ('Trafficking in
    persons' over 'Convictions | Arrests'), nor a phrase whose line above is set just as wide and cannot be cut
    there ('Promoting prostitution in' / 'the first degree (§ 53a-86)': one group header over two lines).
    A line of several such cells splits all of them or none."""
    out: list[Cell] = []
    spanning = sum(len([b for b in below if _overlap(cell, b) > 0]) >= 2 and bool(cell.gaps) for cell in cells)
    # (phrases over two cells or more below: a line of group headers splits all of them or none)

    def split_all(centres: bool) -> list[list[Cell] | None]:
        splits: list[list[Cell] | None] = []
        for cell in cells:
            under = [b for b in below if _overlap(cell, b) > 0]
            parts = _split_on_edges(cell, under, centres) if len(under) >= 2 and cell.gaps else None
            splits.append(parts if parts is not None and not _cuts_a_name(cell, parts, vocabulary) and not any(
                _RUNS_ON.search(before.text.strip()) and _PERIOD_ONLY.match(after.text)  # 'Arrests, | 2013': one
                for before, after in itertools.pairwise(parts)) and not any(  # phrase, its year on an edge by chance
                abs(a.x0 - cell.x0) <= 3.0 and abs(a.x1 - cell.x1) <= 3.0 and _split_on_edges(a, parts) is None
                for a in above) else None)
        return splits
    splits = split_all(centres=False)
    if sum(parts is not None for parts in splits) < spanning and spanning >= 2:
        splits = split_all(centres=True)  # ('Patronizing Trafficking' four times, each word centred on 'a
        # prostitute' or 'in persons' under it: centred wrapped headers of tight columns, never chance four times)
    if sum(parts is not None for parts in splits) < spanning:
        return list(cells)  # ('Arrested, 2015' over 'C.G.S. | C.G.S.', its words on their left edges by chance,
        # beside 'Convicted, 2015' and 'Arrested, 2016' that no edge cuts)
    for cell, parts in zip(cells, splits, strict=True):
        out += parts if parts is not None else [cell]
    return out


def _split_on_edges(cell: Cell, under: list[Cell], centres: bool = False) -> list[Cell] | None:
    """The cell cut into one part per cell under it, when every part ends (or every part starts) where its cell
    does. (Centres are enough over three cells or more, never two: by chance, under a group header centred over
    more columns: 'degree, ARRESTS' over '2007 | 2008' of four; unless `centres`: several phrases of a line agree.)"""
    parts = _split_at_gaps(cell, [Column(b.x0, b.x1) for b in under]) if cell.gaps else None
    edges = (lambda c: c.x0, lambda c: c.x1) + ((_centre,) if len(under) >= 3 or centres else ())
    if parts is not None and any(all(abs(edge(part) - edge(b)) <= 1.0 for part, b in zip(parts, under, strict=True))
                                 for edge in edges):
        return parts
    return None


def _cuts_a_name(cell: Cell, parts: list[Cell], vocabulary: Vocabulary) -> bool:
    """The whole names a statute in words that no one part holds ('Trafficking | in persons', 'Sec. | 53a-87')."""
    return any(not any(" ".join(mention.text.split()).casefold() in " ".join(part.text.split()).casefold()
                       for part in parts) for mention in vocabulary.statutes_in(cell.text))


_RUNS_ON = re.compile(r"(?:[,(&§–—-]|\b(?:and|or|of|in|the|by|for|a|per|through|to|from|with|on|at))$", re.IGNORECASE)


def _stacks_on(above: Cell, cell: Cell) -> bool:
    """(A line ending in a comma or a joining word runs on whatever the widths: 'CONVICTED,' / '2013'; so does a
    phrase centred over its last word: 'Promoting prostitution in the third' / 'degree'.)"""
    if _PERIOD_ONLY.match(above.text) and not _PERIOD_ONLY.match(cell.text):
        return False  # a period alone over a header ('2010' over '53a-86'): the title's, or a line of its own
    widths = (max(above.x1 - above.x0, 1e-6), max(cell.x1 - cell.x0, 1e-6))
    return _aligned(above, cell) and _overlap(above, cell) >= 0.5 * min(widths) and (
        max(widths) <= 3 * min(widths) or bool(_RUNS_ON.search(above.text.strip())) or (
            abs(_centre(above) - _centre(cell)) <= 1.0 and (len(above.text.split()) >= 3 or bool(
                _RUNS_ON.fullmatch(cell.text.strip()))) or min(abs(above.x0 - cell.x0), abs(above.x1 - cell.x1)) <= 1.0
            and bool(_RUNS_ON.fullmatch(cell.text.strip()))))  # a phrase wrapped; a joining word alone ('in'),
    # centred or set flush with the line above ('Trafficking' / 'in' / 'persons', right-aligned)


def _aligned(a: Cell, b: Cell) -> bool:
    """Set as the lines of one wrapped text are: left edges, right edges or centres within 3 pt."""
    return min(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs(_centre(a) - _centre(b))) <= 3.0


def _alignments(a: Cell, b: Cell) -> set[str]:
    """Which edges of the two line up within 3 pt: left, right, centre."""
    return {way for way, apart in (("left", a.x0 - b.x0), ("right", a.x1 - b.x1), ("centre", _centre(a) - _centre(b)))
            if abs(apart) <= 3.0}


def _centre(cell: Cell) -> float:
    return (cell.x0 + cell.x1) / 2


def _reaches(a: Cell, b: Cell) -> bool:
    """A overlaps b by a fifth of the narrower of the two or more (not just touching its edge)."""
    return _overlap(a, b) >= 0.2 * max(1e-6, min(a.x1 - a.x0, b.x1 - b.x0))


def _overlap(a: Cell, b: Cell) -> float:
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))


def _over_one(cell: Cell, base: list[Cell], bounds: list[float]) -> Cell | None:
    """The one cell of the column-header line this text sits over (half its own width or more, or set as a wrapped
    line of it: aligned with it, wider than it, but not past its column on both sides, as a group header centred
    over three columns is), if any."""
    width = max(cell.x1 - cell.x0, 1e-6)

    def within(b: Cell) -> bool:
        zone = _zone_of(_centre(b), bounds)  # (a wrapped header's stack may reach a little past its zone)
        slack = max(1.0, 0.1 * (bounds[zone + 1] - bounds[zone])) if zone >= 0 else 1.0
        return zone < 0 or not (cell.x0 < bounds[zone] - slack and cell.x1 > bounds[zone + 1] + slack)

    over = [b for b in base if _overlap(cell, b) >= 0.5 * width - 1e-6 or _overlap(cell, b) >= 0.5 * min(
        width, b.x1 - b.x0) and _aligned(cell, b) and width <= 4 * max(b.x1 - b.x0, 1e-6) and within(b)]
    touched = [b for b in base if _reaches(cell, b)]
    return over[0] if len(over) == 1 and len(touched) == 1 else None  # over two headers: it spans both


def _centred_over(cell: Cell, columns: list[Column], base: list[Cell]) -> bool:
    """Text centred over all the value columns or their headers (a subtitle, or a group header of the table)."""
    if len(columns) < 2:
        return False
    for left, right in ((columns[0].x0, columns[-1].x1),
                        (min(c.x0 for c in base), max(c.x1 for c in base)) if base else (0.0, -1.0)):
        if right > left and abs(_centre(cell) - (left + right) / 2) <= 0.1 * (right - left) + 2:
            return True
    return False


def _column_cells(values: list[Cell], columns: list[Column], bounds: list[float], grid: bool) -> None:
    zones = [_zone_of(_centre(cell), bounds) for cell in values]
    zones = [0 if zone < 0 and 0 not in zones and cell.x1 >= columns[0].x1 - 1 and cell.text.strip().casefold() not in
             _LABEL_HEADERS else zone for cell, zone in zip(values, zones, strict=True)]  # right-aligned over the
    # first column, its centre over a long name ('2005' over '5' beside 'Total, all jurisdictions')
    if len(set(zones)) != len(zones):
        _spread_group(values, columns, grid)
        return
    for cell, zone in zip(values, zones, strict=True):
        if zone >= 0:
            columns[zone].header.append(cell.text.strip())


def _spread_group(cells: list[Cell], columns: list[Column], grid: bool) -> None:
    """A group header spans the columns under it: in a grid file from its cell rightwards to the next group; on
    paper the columns nearest to it (centred over its group) or starting under it (left-aligned)."""
    ordered = sorted(cells, key=lambda c: c.x0)
    starts = [c.x0 for c in ordered]
    centres = [(c.x0 + c.x1) / 2 for c in ordered]
    for column in columns:  # bisect: linear in the columns, however many group cells
        position = bisect.bisect_right(starts, column.centre) - 1
        covering = [i for i in (position - 1, position) if 0 <= i < len(ordered)
                    and ordered[i].x0 - 1 <= column.centre <= ordered[i].x1 + 1]
        if grid:
            owner = ordered[position] if position >= 0 else None
        elif covering:  # the group header over it; of two, the one centred nearer
            owner = ordered[min(covering, key=lambda i: abs(centres[i] - column.centre))]
        else:
            near = [i for i in (position, position + 1) if 0 <= i < len(ordered)]
            owner = ordered[min(near, key=lambda i: abs(centres[i] - column.centre))] if near else None
        if owner is not None:
            column.groups.append(owner.text.strip())


def _mentions(finder, texts: Iterable[str]) -> list[Mention]:
    found: dict[object, Mention] = {}
    for text in texts:
        for mention in _cached(finder, text):
            found.setdefault(mention.value, mention)
    return list(found.values())


_CACHE: dict[tuple, list[Mention]] = {}


def _cached(finder, text: str) -> list[Mention]:
    """The same title is read for every column: read it once (bounded, so a hostile file cannot grow it)."""
    key = (finder, text)
    if key not in _CACHE:
        if len(_CACHE) > 10_000:
            _CACHE.clear()
        _CACHE[key] = finder(text)
    return _CACHE[key]


def _assign(meaning: Meaning, vocabulary: Vocabulary, where: str) -> None:
    """Statute, measure and period of every column: the most specific printed text that names one wins."""
    columns, context = meaning.columns, meaning.context
    only_years = _year_only_columns(meaning)
    try:
        for index, column in enumerate(columns):
            header = column.header_text
            if header.casefold() == "year" or (not header and index in only_years):
                column.kind = "year"
                continue
            if is_not_a_count(header) or is_not_a_count(" ".join(column.groups)):
                column.kind = "skip"
                column.skipped_by_group = not is_not_a_count(header)
                continue
            groups = [" ".join(column.groups)]
            column.statute = _most_specific(vocabulary.statutes_in, [header], groups, [" ".join(context)], where,
                                            f"column {header!r}", "statute")
            column.measure = _most_specific(vocabulary.measures_in, [header], groups, [" ".join(context)], where,
                                            f"column {header!r}", "measure")
            own = periods_in(header)
            if is_total_label(re.sub(r"(?:19|20)\d\d\s*(?:[–—‒−-]|to|through)?\s*", "", header).strip() or "x"):
                column.printed_total = True
            if len(own) == 1:
                column.period = own[0]
            elif len(own) > 1:
                raise ExtractionError(f"{where}: column {header!r} names several periods")
        years = [c.period.value for c in columns if c.kind == "count" and c.period and not c.printed_total]
        table_periods = _mentions(periods_in, [" ".join(context)])  # a range may wrap: "2006" / "through 2007"
        has_year_column = any(c.kind == "year" for c in columns)
        for column in columns:
            if column.kind != "count" or column.period is not None:
                continue
            groups = _mentions(periods_in, [" ".join(column.groups)])
            if len(groups) == 1:
                column.period = groups[0]
            elif column.printed_total and years:
                first, last = min(y[0] for y in years), max(y[1] for y in years)
                column.period = Mention((first, last), column.header_text)
            elif has_year_column:
                continue
            elif len(table_periods) == 1:
                column.period = table_periods[0]
            elif len(table_periods) > 1:
                spans = sorted(m.value for m in table_periods)
                raise ExtractionError(f"{where}: column {column.header_text!r} has no year of its own and the "
                                      f"title names several ({', '.join(m.text for m in table_periods)}: {spans})")
    except FiscalYear as exc:
        raise ExtractionError(f"{where}: {str(exc)!r} is a fiscal year, not a calendar year: the table is refused "
                              "(its counts cannot be placed in calendar years)") from None


def _year_only_columns(meaning: Meaning) -> set[int]:
    """Columns every cell of which is a year (a long table's unlabelled Year column), in one pass."""
    seen: dict[int, bool] = {}
    for row in meaning.table.rows:
        for cell in row.values:
            zone = _zone_of((cell.x0 + cell.x1) / 2, meaning.bounds)
            seen[zone] = seen.get(zone, True) and bool(_YEAR_CELL.match(cell.text.strip()))
    return {zone for zone, years in seen.items() if years}


def _most_specific(finder, header: list[str], groups: list[str], context: list[str], where: str, what: str,
                   kind: str) -> Mention | None:
    for level, texts in (("column header", header), ("group header", groups), ("title", context)):
        found = _mentions(finder, texts)
        if len(found) == 1:
            return Mention(found[0].value, found[0].text, level == "title")
        if len(found) > 1:
            if level == "title":
                return None  # several in the title: each row or column must say which
            raise ExtractionError(f"{where}: {what} names several {kind}s in its {level} "
                                  f"({', '.join(m.text for m in found)})")
    return None


def read_tables(lines: Iterable[Line], source: SourceRef, towns: Mapping[str, str],
                vocabulary: Vocabulary) -> pd.DataFrame:
    """Every count of every table, with where it was printed and which words gave it its meaning."""
    def names(text: str) -> bool:
        return resolve_label(text, towns)[1] != "unresolved" or bool(vocabulary.statutes_in(text)) or bool(
            vocabulary.measures_in(text))

    def places(text: str) -> bool:
        return resolve_label(text, towns)[1] != "unresolved"

    lines = _unglue_counts(list(lines), places)
    _refuse_glued_counts(lines, source, places)
    tables = [table for table in find_tables(lines, names, places) if _names_anything(table, towns, vocabulary)]
    _refuse_empty_tables(lines, tables, source, names)
    _refuse_lost_names(lines, tables, source, places, names)
    per_page: dict[int | None, int] = {}
    meanings: list[Meaning] = []
    for table in tables:
        per_page[table.page] = per_page.get(table.page, 0) + 1
        table.index_on_page = per_page[table.page]
        _refuse_fiscal(table, source)
        meanings.append(understand(table, meanings[-1] if meanings else None, vocabulary, table.where(source)))
    _carry_foot_headings(meanings, places, vocabulary)
    records: list[dict] = []
    for meaning in meanings:
        records += _records(meaning, _legend_of(meaning.table, meanings), source, towns, vocabulary)
    if not records:
        raise ExtractionError(
            f"{source.filename}: no TIPC tables found (no rows of counts under a header that says what they count)")
    return tidy_frame(records, source)


def _carry_foot_headings(meanings: list[Meaning], places, vocabulary: Vocabulary) -> None:
    """A name alone after a part's last row, at the foot of its page, heads the next page's first rows when
    those do not name themselves as it does (a statute over 'ARRESTED 86', a town over '2007 3'): a heading
    cut from its rows by the page break, not a row whose every cell is blank."""
    for meaning in meanings:
        part, before = meaning.table, meaning.table.continues
        if before is None or not before.rows or not part.rows or before.trailing_heading is not None or \
                before.page is None or part.page != before.page + 1 or part.rows[0].group:
            continue
        foot, follower = before.rows[-1], part.rows[0]
        if not (foot.group and foot.blank and foot.label is not None) or places(foot.label.text):
            continue
        if follower.label is not None and (places(follower.label.text) or not _heads_the_other(
                vocabulary, foot.label.text, follower.label.text)):
            continue  # ('CONVICTED' over 'ARRESTED 4': a measure with every cell blank)
        before.rows.pop()
        before.trailing_heading = foot.label


def _kinds(vocabulary: Vocabulary, text: str) -> tuple[bool, bool]:
    """Whether a label names a statute, and whether a measure."""
    return bool(vocabulary.statutes_in(text)), bool(vocabulary.measures_in(text))


def _heads_the_other(vocabulary: Vocabulary, heading: str, label: str) -> bool:
    """A statute alone over a row naming a measure alone, or a measure over a statute: the heading says what the
    row leaves open, so it heads that row (whether the heading's own cells are blank or not)."""
    said, says = _kinds(vocabulary, heading), _kinds(vocabulary, label)
    return sum(said) == sum(says) == 1 and said != says


def _sentence(line: Line) -> bool:
    """Running text, or a line of it ('... reported 346 arrests under the'): never a name alone in a table."""
    return _prose(line) or len(line.text.split()) >= 6 and _prints_a_number(line.text)


def _refuse_empty_tables(lines: list[Line], tables: list[Table], source: SourceRef, names) -> None:
    """A table title with rows under it that name a statute, measure or place but print no count at all (every
    cell blank): no body of counts was found, so the rows would be lost without a word; refuse instead."""
    headed = {(line.page, line.number) for table in tables for line in table.header_lines}
    dotted_pages = {line.page for line in lines if any(_LEADER.match(cell.text) for cell in line.cells)}
    for index, line in enumerate(lines):
        if (line.page, line.number) in headed or not _is_title(line) or line.page in dotted_pages or line.grid \
                or _CONTINUED.search(line.text):  # ('(continued)' over rows whose header was set on the page before)
            continue
        for below in lines[index + 1:index + 12]:
            if below.page != line.page or _is_title(below) or _LEGEND_START.search(below.text):
                break
            if _sentence(below):
                continue  # a sentence ('arrests under the prostitution statutes, compared with 158 in 2014.')
            if len(below.cells) == 1 and names(below.cells[0].text) and below.cells[0].x0 <= line.cells[0].x0 + 40:
                raise ExtractionError(f"{source.filename}, page {line.page}: {line.text.strip()!r} has rows "
                                      f"({below.text.strip()!r}) but no printed count under it: every cell blank? "
                                      "The table cannot be read")


def _refuse_lost_names(lines: list[Line], tables: list[Table], source: SourceRef, places, names) -> None:
    """A name alone on its line that no table took as a row, heading or header line (a part of a table whose
    every cell is blank, set where no rule could place it): a place anywhere, a statute or measure under a line
    of column headers ('Charge | Count') or under another such name. Its row would vanish without a word."""
    row_lines = {(row.line.page, row.line.number) for table in tables for row in table.rows}
    taken = {(line.page, line.number) for table in tables for line in table.header_lines} | row_lines
    headings = {(table.page, cell.text) for table in tables
                for cell in (table.trailing_heading, table.opening_heading, table.heading) if cell is not None}
    for table in tables:  # a name under a table's labelled column headers, taken as header text: its row lost
        labelled = max((i for i, line in enumerate(table.header_lines) if _led_by_label_header(line)),
                       default=None)
        for line in table.header_lines[labelled + 1:] if labelled is not None else []:
            if len(line.cells) == 1 and names(line.text) and not _CONTINUED.search(line.text) and not \
                    _LEGEND_START.search(line.text) and (table.page, line.cells[0].text) not in headings:
                raise ExtractionError(f"{source.filename}, page {line.page}: {line.text.strip()!r} stands under the "
                                      "column headers of a table but is read as neither a row nor a heading: "
                                      "refused rather than lost")
    pages_of: dict[str, set] = {}  # text (digits aside) -> pages: a running head or foot repeats
    for line in lines:
        pages_of.setdefault(re.sub(r"\d+", "#", line.text.strip()), set()).add(line.page)
    under_header = False  # the line before heads columns, or is itself a name lost under such a line
    for index, line in enumerate(lines):
        text = line.text.strip()
        above = lines[index - 1] if index else None
        under_header = above is not None and above.page == line.page and (under_header or bool(above.cells) and (
            _led_by_label_header(above) or (above.page, above.number) in row_lines and _close(above, line)
            or _continued_title(above)))
        # (or right under a row, or under a '(continued)' title)
        counted = len(line.cells) == 1 and above is not None and above.page == line.page and len(above.cells) > 1 \
            and _close(above, line) and _split_joined_count(line, places, names, names_alone=True) is not line
        # (a name and its counts set as one phrase under a line of column headers: 'Arrests, 53a-82 1,770 1,827')
        if len(line.cells) != 1 or line.grid or (line.page, line.number) in taken or len(
                pages_of[re.sub(r"\d+", "#", text)]) > 1 or \
                _CONTINUED.search(text) or _sentence(line) and not counted or _LEGEND_START.search(text) or not (
                    places(text) or under_header and names(text) or counted) or any(
                    cell_text == line.cells[0].text for _, cell_text in headings):
            under_header = False
            continue
        raise ExtractionError(f"{source.filename}, page {line.page}: {text!r} stands alone, in no table that could be "
                              "read (a row whose every cell is blank, a heading, or a name run together with its "
                              "counts, with no header to place it under): refused rather than lost")


_GLUED = re.compile(r"^(.*[^\W\d_])(\d{1,3}(?:,\d{3})+|\d+)$")


def _unglue_counts(lines: list[Line], places) -> list[Line]:
    """A row's name with its first count set hard against it ('Total, all jurisdictions647'), where the number
    ends exactly where a column's counts end in the rows around it (right-aligned figures), or is centred where
    they are: cut it off there, as wide as those counts' digits. A number set where no column's counts are (a
    footnote number after the name) stays, and is refused."""
    out = list(lines)
    for index, line in enumerate(lines):
        glued = _GLUED.match(line.cells[0].text.strip()) if line.cells and not line.grid else None
        if glued is None or not places(glued.group(1)) or _YEAR_CELL.match(glued.group(2)):
            continue
        cell, number = line.cells[0], glued.group(2)

        def digit(value: Cell) -> float:
            return (value.x1 - value.x0) / max(1, len(value.text.strip()))
        around = [value for other in lines[max(0, index - 6):index + 5] if other is not line and other.page in (
                  line.page, line.page - 1) and len(other.cells) >= 2 for value in other.cells[1:] if _VALUE_LIKE.match(
                      value.text.strip()) and value.x0 > cell.x0]
        below = [value for value in around if abs(value.x1 - cell.x1) <= 1.0 or abs(  # right-aligned, or centred
            cell.x1 - digit(value) * len(number) / 2 - _centre(value)) <= 1.0]
        if not below:
            continue
        start = cell.x1 - digit(below[0]) * len(number)
        out[index] = Line(line.page, line.number, (Cell(glued.group(1), cell.x0, start - 0.5),
                                                   Cell(glued.group(2), start, cell.x1), *line.cells[1:]),
                          line.top, line.bottom, line.grid, line.fields)
    return out


def _refuse_glued_counts(lines: list[Line], source: SourceRef, places) -> None:
    """A row's name with a number set hard against it ('Total, all jurisdictions712'): the name cannot be told
    from its count (nor from a footnote number), so the file is refused rather than the count lost."""
    for line in lines:
        glued = _GLUED.match(line.cells[0].text.strip()) if line.cells else None
        if glued is None or _YEAR_CELL.match(glued.group(2)) and len(line.cells) > 1 or not places(glued.group(1)):
            continue
        where = f"page {line.page}, line {line.number}" if line.page is not None and not line.grid else \
            f"line {line.number}"
        raise ExtractionError(f"{source.filename}, {where}: row label {line.cells[0].text.strip()!r} ends in a "
                              "number set against the name: its count cannot be told from the name")


def _refuse_fiscal(table: Table, source: SourceRef) -> None:
    """A fiscal year printed anywhere in a table (title, header, a row) refuses it: its counts cannot be placed
    in calendar years, whatever else the layout does."""
    # the header as one text ("FY" and "2004-05" may sit on two lines); rows cell by cell (a year, a dash and a
    # count in three columns are not "2016 - 14")
    texts = [" ".join(line.text for line in table.header_lines)] + [
        cell.text for row in table.rows for cell in row.line.cells]
    for text in texts:
        if (exc := _fiscal_year(text)) is not None:
            raise ExtractionError(f"{table.where(source)}: {str(exc)!r} is a fiscal year, not a calendar year: the "
                                  "table is refused (its counts cannot be placed in calendar years)") from None


def _names_anything(table: Table, towns: Mapping[str, str], vocabulary: Vocabulary) -> bool:
    """A run of rows is a table of counts only if some row names a jurisdiction (a town, the state police, a
    total) or an offence or measure: a contents page ('Introduction .... 4') or a list of page numbers is not."""
    if any(_CONTENTS.match(line.text) for line in table.header_lines):
        return False  # a table of contents: page numbers, not counts
    if table.dotted == len(table.rows) and all(len(row.values) == 1 for row in table.rows) and not any(
            row.label is not None and resolve_label(row.label.text, towns)[1] != "unresolved" for row in table.rows):
        return False  # entries of a contents list (a title, dot leaders, a page number), its heading on another page
    labelled = [row for row in table.rows if row.label is not None]
    if not labelled:
        return True  # rows continuing a named group (a long table's next page): judged with the table they continue
    if any(_is_title(line) or vocabulary.statutes_in(line.text) or vocabulary.measures_in(line.text)
           for line in table.header_lines):
        return True  # a titled table, or one whose header names what it counts: rows it cannot name are errors
    for row in labelled:
        if resolve_label(row.label.text, towns)[1] != "unresolved" or vocabulary.statutes_in(row.label.text) \
                or vocabulary.measures_in(row.label.text):
            return True
    return False


def _legend_of(table: Table, meanings: list[Meaning]) -> Legend:
    """The legend lines of every part of a (continued) table: the legend is often under its last part."""
    root = _root(table)
    parts = [m.table for m in meanings if _root(m.table) is root]
    lines = [line for part in parts for line in part.legend_lines]
    return Legend.read(lines) if lines else DEFAULT_LEGEND


def _root(table: Table) -> Table:
    while table.continues is not None:
        table = table.continues
    return table


def _records(meaning: Meaning, legend: Legend, source: SourceRef, towns: Mapping[str, str],
             vocabulary: Vocabulary) -> list[dict]:
    table, columns, bounds = meaning.table, meaning.columns, meaning.bounds
    records: list[dict] = []
    last_label: Cell | None = table.continues.last_label if table.continues is not None else None
    heading: Cell | None = table.continues.heading if table.continues is not None else None
    if table.continues is not None and table.continues.trailing_heading is not None:
        heading = table.continues.trailing_heading  # set at the foot of the page before: it heads these rows
        if resolve_label(heading.text, towns)[1] != "unresolved":
            last_label = heading
    if table.opening_heading is not None:
        heading = table.opening_heading
        if resolve_label(heading.text, towns)[1] != "unresolved":
            last_label = heading
    number = 0
    for position, row in enumerate(table.rows):
        if row.group:
            follower = table.rows[position + 1] if position + 1 < len(table.rows) else None
            names_place = resolve_label(row.label.text, towns)[1] != "unresolved"
            follows = follower is not None and follower.label is not None
            heads_it = follows and not names_place and _heads_the_other(vocabulary, row.label.text,
                                                                         follower.label.text)
            sibling = False
            if heads_it and follower.group:  # a measure over a statute that heads rows of measures itself, or is
                # set further out ('Convictions' (blank) over '53a-83' over 'Arrests 8'): a row, not their heading
                under = next((other for other in table.rows[position + 2:] if not other.group), None)
                sibling = follower.label.x0 < row.label.x0 - 3 or (
                    under is not None and under.label is not None and
                    _kinds(vocabulary, under.label.text) == _kinds(vocabulary, row.label.text))
                heads_it = not sibling
            blank_row = sibling or not heads_it and ((follower is None or follows) and (names_place or row.blank) or (
                follows and not names_place and _kinds(vocabulary, row.label.text) == _kinds(
                    vocabulary, follower.label.text)))
            # ('CONVICTED' (blank) over 'ARRESTED 4'; 'Middlefield' (blank) over 'Middletown 3')
            if not blank_row:
                heading = table.heading = row.label
                if names_place:
                    last_label = table.last_label = row.label  # a town heading the years below it
                continue
            row = Row(row.line, row.label, [])  # a town alone on its line, then another named row: all blank
        number += 1
        line = row.line
        at = (f"{source.filename}, page {line.page}, table {table.index_on_page}, row {number}"
              if line.page is not None and not line.grid else f"{source.filename}, line {line.number}")
        label = row.label or last_label
        if label is None:
            raise ExtractionError(f"{at}: a row without a name and no named row above it: {line.text!r}")
        last_label = table.last_label = label
        placed: dict[int, Cell] = {}
        for cell in row.values:
            zone = _zone_of((cell.x0 + cell.x1) / 2, bounds)
            if zone < 0 or zone in placed:
                _misfit(at, label, columns, line)
            placed[zone] = cell
        if line.grid and line.fields and line.fields < int(columns[-1].x0) + 1:
            _misfit(at, label, columns, line)  # a short CSV row: missing fields are not blank cells
        jurisdiction, kind = resolve_label(label.text, towns)
        row_statute = row_measure = None
        named = [label.text] + ([heading.text] if heading is not None and heading is not label else [])
        if kind == "unresolved" or heading is not None and heading is not label:
            row_statutes = next((found for text in named if (found := vocabulary.statutes_in(text))), [])
            row_measures = next((found for text in named if (found := vocabulary.measures_in(text))), [])
            if kind == "unresolved" and (row_statutes or row_measures):
                jurisdiction, kind = "Connecticut", "statewide"  # a summary table: rows name statutes, measures
            row_statute = row_statutes[0] if len(row_statutes) == 1 else None
            row_measure = row_measures[0] if len(row_measures) == 1 else None
        year_period = None
        year_columns = [i for i, c in enumerate(columns) if c.kind == "year"]
        if year_columns:
            cell = placed.get(year_columns[0])
            if cell is None:
                raise ExtractionError(f"{at}: row {label.text!r} has no year in the Year column")
            year_period = Mention(_row_period(cell.text, at), cell.text.strip())
        for index, column in enumerate(columns):
            if column.kind != "count":
                continue
            cell = placed.get(index)
            text = cell.text.strip() if cell is not None else ""
            # a row's own words beat the title's, never a column's or a group header's
            statute = row_statute if row_statute and (column.statute is None or column.statute.general) \
                else column.statute or row_statute
            measure = row_measure if row_measure and (column.measure is None or column.measure.general) \
                else column.measure or row_measure
            period = column.period or year_period
            missing = [name for name, value in (("statute", statute), ("measure", measure), ("year", period))
                       if value is None]
            if missing:
                raise ExtractionError(
                    f"{at}: column {column.header_text or '(no header)'!r} of table {table.index_on_page} says no "
                    f"{' or '.join(missing)}, and "
                    f"neither does its group header {column.groups or '(none)'}, the row {label.text!r} or the "
                    f"title {' / '.join(meaning.context) or '(none)'!r}")
            try:
                count = legend.value(text)
            except ValueError:
                raise ExtractionError(f"{at}: row {label.text!r}: cell {text!r} under {column.header_text!r} is not "
                                      "a count") from None
            first, last = period.value
            records.append({
                "page": line.page,
                "table_index": table.index_on_page,
                "row_index": number if line.page is not None else line.number,
                "column_index": index + 2,
                "column_header": column.header_text,
                "row_label": label.text,
                "cell_text": text,
                "jurisdiction": jurisdiction,
                "jurisdiction_type": kind,
                "period_start": first,
                "period_end": last,
                "offense": statute.value,
                "role": vocabulary.roles.get(statute.value),
                "breakdown": "total",
                "measure": measure.value,
                "count": count,
                "printed_total": column.printed_total or kind in ("statewide", "aggregate") or first != last,
                "meaning_source": f"statute: {statute.text!r}; measure: {measure.text!r}; period: {period.text!r}",
            })
    return records


def _misfit(at: str, label: Cell, columns: list[Column], line: Line) -> None:
    raise ExtractionError(f"{at}: row {label.text!r} has counts that do not line up with the {len(columns)} "
                          f"columns {[c.header_text for c in columns]}: {line.text!r}")


def _row_period(text: str, at: str) -> tuple[int, int]:
    try:
        found = periods_in(text)
    except FiscalYear as exc:
        raise ExtractionError(f"{at}: {str(exc)!r} in the Year column is a fiscal year, not a calendar year: the "
                              "table is refused (its counts cannot be placed in calendar years)") from None
    if len(found) != 1:
        raise ExtractionError(f"{at}: {text!r} in the Year column is not a year")
    return found[0].value


def parse_value(text: str) -> int | None:
    """A cell by the default legend: '1,204' -> 1204; a dash -> 0; '*' and other marks -> None (never 0)."""
    return DEFAULT_LEGEND.value(text)


def resolve_name(printed: str, towns: Mapping[str, str]) -> tuple[str, str]:
    return resolve_label(printed, towns)


def read_lines(path: Path) -> list[Line]:
    """The file's printed lines, by its type."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf_lines(path)
    if suffix == ".csv":
        return list(read_csv_lines(path))
    if suffix in {".xlsx", ".xlsm"}:
        return list(read_xlsx_lines(path))
    raise ExtractionError(f"{path.name}: unsupported file type {suffix!r} (PDF, CSV or XLSX)")


def extract_tipc(path: Path, source: SourceRef, towns: Iterable[str],
                 vocabulary: Vocabulary | Mapping[str, str]) -> pd.DataFrame:
    """Tidy rows from a TIPC report table file; the reader is chosen by the file's extension."""
    path = Path(path)
    check_file_size(path)
    if not isinstance(vocabulary, Vocabulary):
        vocabulary = Vocabulary.from_reference_dir(default_reference_dir(), roles=dict(vocabulary))
    lookup = {re.sub(r"\s+", " ", town).casefold(): town for town in towns}
    return read_tables(read_lines(path), source, lookup, vocabulary)


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
    "period_end", "statute", "role", "measure", "sex", "age_group", "count", "printed_value", "unit",
    "printed_total", "synthetic", "meaning_source",
]


def to_extract_csv(frame: pd.DataFrame, source_file: str) -> str:
    """The `ctip extract` view of tidy rows: statute named as printed, one year where the count covers one."""
    out = frame.rename(columns={"offense": "statute"}).assign(source_file=source_file)
    out["year"] = out.period_start.where(out.period_start == out.period_end).astype("Int64")
    return spreadsheet_safe(out[EXTRACT_CSV_COLUMNS]).to_csv(index=False, lineterminator="\n")
