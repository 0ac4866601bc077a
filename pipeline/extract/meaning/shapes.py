"""A table's grid reshaped before it is read for meaning: a name and a year run into one cell taken apart, a
caption run on into its header, a grid of several titled tables cut at its titles, a transposed table (towns
across, years down) turned, tables printed side by side taken apart, a legend set like a row at its foot taken
for its notes."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extract.meaning.captions import RUNS_ON
from pipeline.extract.meaning.columns import _LABEL_HEADERS, covering, value_like
from pipeline.extract.tables.model import Cell, Table
from pipeline.extract.vocabulary import Legend, resolve_label

_CONTENTS_LABEL = re.compile(r"^\s*(?:table|exhibit|figure|chart|appendix)\s+[A-Z]{0,2}-?\d", re.IGNORECASE)
_NAME_YEAR_HEADER = re.compile(r"^\s*(?:towns?|municipalit(?:y|ies)|jurisdictions?|agency|city/town|city|"
                               r"department)\s+years?\s*$", re.IGNORECASE)


ENDS_IN_YEAR = re.compile(r"^(?P<name>.*\S)\s+(?P<year>(?:19|20)\d\d)$")


def name_year(table: Table) -> Table:
    """A names column headed 'Town Year' whose cells end in a year ('Andover 2005'): the Year column printed too
    close to be parted from it. Parted here, so that the year is read as the row's year, not into its name."""
    heads: dict[int, Cell] = {}  # (each column's first such header: one pass over the cells, however wide)
    for cell in table.cells:
        if cell.row < max(table.header_rows, 1) and cell.col not in heads and _NAME_YEAR_HEADER.match(cell.text):
            heads[cell.col] = cell
    for col in sorted(heads):
        head = heads[col]
        body = [cell for cell in table.cells if cell.col == col and cell.row > head.row]
        if head is None or not body or sum(1 for cell in body if ENDS_IN_YEAR.match(cell.text.strip())) * 2 < \
                len(body):
            continue
        cells: list[Cell] = []
        for cell in table.cells:
            if cell.col > col or cell.col < col and cell.col + cell.col_span > col:
                cells.append(replace(cell, col=cell.col + (cell.col > col), col_span=cell.col_span + (cell.col < col)))
                continue
            if cell.col < col:
                cells.append(cell)
                continue
            words = cell.text.split()
            parted = ENDS_IN_YEAR.match(cell.text.strip()) if cell is not head else None
            name, year = (parted.group("name"), parted.group("year")) if parted else \
                (" ".join(words[:-1]), words[-1]) if cell is head else (cell.text, "")
            cells.append(replace(cell, text=name))
            if year:
                cells.append(replace(cell, col=col + 1, text=year, marks=()))
        return replace(table, cells=tuple(cells), fields=tuple(count + 1 for count in table.fields))
    return table


def caption_run_on(table: Table) -> Table:
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


def legend_at_foot(table: Table) -> Table:
    """Rows at a table's foot that print no count and define its symbols ('Blank cells indicate zero.' /
    '– Not available.' / '† Fewer than 5', set on one line like a row of cells) are its legend, not rows."""
    rows = table.rows
    while rows > table.header_rows + 1:
        cells = [cell for cell in table.cells if cell.row == rows - 1]
        if not cells or any(value_like(cell.text) for cell in cells) or \
                not Legend.read([" ".join(cell.text for cell in sorted(cells, key=lambda c: c.col))]).sources:
            break
        rows -= 1
    if rows == table.rows:
        return table
    foot = tuple(" ".join(cell.text for cell in sorted((c for c in table.cells if c.row == row), key=lambda c: c.col))
                 for row in range(rows, table.rows))
    return replace(table, cells=tuple(cell for cell in table.cells if cell.row < rows), notes=(*foot, *table.notes))


def at_titles(table: Table) -> list[Table]:
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


def turned(table: Table, towns) -> Table:
    """A transposed table (towns across its top, years down its side) turned so that towns are rows."""
    at = covering(table)
    top = [at[(0, col)].text for col in range(1, table.cols) if (0, col) in at and at[(0, col)].col == col]
    places = sum(1 for text in top if resolve_label(text, towns)[1] != "unresolved")
    if places < 2 or places * 2 < len(top):
        return table
    corner = at.get((0, 0))  # 'Year' over the years: it heads the other way once turned, so it is context
    cells = tuple(Cell(cell.col, cell.row, cell.text, cell.col_span, cell.row_span, cell.box, cell.marks, cell.size)
                  for cell in table.cells if cell is not corner)
    return replace(table, cells=cells, header_rows=1, above=(*table.above, corner.text) if corner else table.above)


def apart(table: Table, towns) -> list[Table]:
    """Two tables printed side by side, read as one grid, taken apart at the second column of names."""
    at = covering(table)
    for col in range(2, table.cols):
        texts = [at[(row, col)].text for row in range(table.rows) if (row, col) in at and at[(row, col)].col == col]
        headed = next((index for index, text in enumerate(texts[:3]) if _LABEL_HEADERS.match(text)), None)
        under = texts[headed + 1:] if headed is not None else []
        # a names header over names, not over counts ('town' ending a title cut over a column of counts)
        header = headed is not None and sum(1 for text in under if not value_like(text)) * 2 > len(under)
        places = sum(1 for text in texts if resolve_label(text, towns)[1] != "unresolved")
        counts_left = any(value_like(at[(row, col - 1)].text) for row in range(table.rows) if (row, col - 1) in at)
        if counts_left and (header or places * 2 > len(texts) > 0):
            # a cell reaching across the cut is the left table's, cut to its columns: no text is dropped unread
            left = tuple(cell if cell.col + cell.col_span <= col else replace(cell, col_span=col - cell.col)
                         for cell in table.cells if cell.col < col)
            right = tuple(replace(cell, col=cell.col - col) for cell in table.cells if cell.col >= col)
            return [replace(table, cells=left)] + apart(replace(table, cells=right), towns)
    return [table]
