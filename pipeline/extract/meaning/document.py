"""A whole report read for meaning: every table grid from the structure stage (PDF) or the sheet reader
(CSV/XLSX), in order; parts of one table continued over pages joined by their header; tables printed side by
side taken apart; transposed tables (towns across, years down) turned; each table read or refused on its own,
so that one unreadable table never hides the others."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.extract.meaning.captions import CONTINUED, TITLE, caption, notes_under
from pipeline.extract.meaning.checks import refuse_misreadings
from pipeline.extract.meaning.columns import (
    Column,
    TableRefused,
    blank_body,
    covering,
    header_rows,
    label_columns,
    read_columns,
    value_like,
)
from pipeline.extract.meaning.loose import (
    headings_at_foot,
    is_running,
    lost_rows,
    opened_as_table,
    opening,
    part_overleaf,
    row_texts,
    rows_overleaf,
    running_edges,
    running_lines,
    without_folios,
)
from pipeline.extract.meaning.rows import Carry, Where, name_kind, read_rows, what_it_names
from pipeline.extract.meaning.shapes import (
    ENDS_IN_YEAR,
    apart,
    at_titles,
    caption_run_on,
    legend_at_foot,
    name_year,
    turned,
)
from pipeline.extract.tables.model import Cell, Table
from pipeline.extract.vocabulary import Legend, Mention, Vocabulary, resolve_label

_STATEWIDE = re.compile(r"\bstatewide\b|\bconnecticut\b|\ball (?:towns|jurisdictions|municipalities)\b|"
                        r"\bthe state\b|\bstate total", re.IGNORECASE)
_TITLES = re.compile(r"(?:^|[,;]\s+|\s{2,}|\s(?=(?-i:[TEFCS])[a-z]+\s))(?:table|exhibit|figure|chart|schedule)\s+"
                     r"(?:[A-Z]{0,2}-?\d+[a-z]?|[IVXLC]+)\s*[.:–—-]", re.IGNORECASE)
# 'Exhibit 3. ..., Table 4. ...': two titles run into one line ('... prostitution Exhibit 2. Arrests ...', the titles
# of two tables side by side joined by a space: a capitalised title word and its number mid-line)


@dataclass
class Refusal:
    where: str
    reason: str
    page: int | None = None  # the page (PDF) or sheet (XLSX) it names, if one
    table: int | None = None  # the table's number on that page (or in the file), if it names one


@dataclass
class Reading:
    records: list[dict] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    tables: int = 0  # tables read for meaning (refused ones included)
    opened: set[int] = field(default_factory=set)  # pages whose foot opened a table the next page went on with


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
    years: tuple[tuple[int, int], ...] = ()  # the single years its columns count, with those of the parts before


def read_document(tables: list[Table], file: str, grid: bool, towns, vocabulary: Vocabulary,
                  running: set[str] | None = None, openings: dict[int, tuple[str, ...]] | None = None,
                  feet: dict[int, tuple[str, ...]] | None = None, carried: tuple[Table, ...] = ()) -> Reading:
    """Every table read or refused; running heads and feet (`running`) are no table's caption. A table opened at
    a page's foot (`openings`: its title, headers, first heading, by page) goes on in the next page's first table
    when that one prints the same column headers under no caption of its own; headings set after a page's last
    table (`feet`, by page) head the rows of the part that goes on with it overleaf. Tables `carried` are rows a
    page opens with, set in the columns of the table before (`rows_overleaf`): they go on with it."""
    reading = Reading()
    per_page: dict[int, int] = {}
    previous: _Part | None = None
    parts: list[tuple[_Part, list[dict]]] = []
    carried_ids = {id(rows) for rows in carried}  # by identity: tables compare field by field
    for index, whole in enumerate(tables):
        alone = id(whole) in carried_ids
        following = tables[index + 1] if index + 1 < len(tables) else None
        after = _first_name(following) if following is not None and id(following) in carried_ids else None
        # (the rows going on overleaf: the first of them may be headed by this table's last row)
        if running:
            whole = replace(whole, above=_unrun(whole.above, running))
        if openings and whole.page - 1 in openings and not per_page.get(whole.page):
            opened = _opened(whole, openings[whole.page - 1], towns, vocabulary)
            if opened is not whole:
                reading.opened.add(whole.page - 1)
            whole = opened
        overleaf = (feet or {}).get(whole.page - 1, ()) if not per_page.get(whole.page) else ()
        beside = apart(turned(caption_run_on(name_year(legend_at_foot(whole))), towns), towns)
        pieces = [part for piece in beside for part in at_titles(piece)]
        for table in pieces:
            # a grid taken apart side by side: a piece printing counts is read or refused, never passed over (its
            # caption may be the other piece's)
            counts = any(value_like(cell.text) for cell in table.cells)
            cut_off = len(beside) > 1 and counts
            # (so is a table of counts with no caption at all, headers naming nothing: its headers may be set at an
            # angle or drawn as pictures; what it counts cannot be told, but it is a table of counts)
            uncaptioned = counts and not table.above and not table.title
            if not alone and not cut_off and not uncaptioned and not _names_anything(table, towns, vocabulary):
                continue
            per_page[table.page] = per_page.get(table.page, 0) + 1
            where = Where(file, table.page if (table.page or not grid) else None, per_page[table.page], grid)
            reading.tables += 1
            try:
                part, records = _read(table, previous, towns, vocabulary, where, overleaf, alone,
                                      after if table is pieces[-1] else None)
                overleaf = ()
            except TableRefused as exc:
                reading.refusals.append(Refusal(where.table_text(), str(exc), where.page, where.table))
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


def _read(table: Table, previous: _Part | None, towns, vocabulary: Vocabulary, where: Where,
          overleaf: tuple[str, ...] = (), carried: bool = False, after: str | None = None) -> tuple[_Part, list]:
    at = covering(table)
    first_body_guess = blank_body(table, at, lambda text: name_kind(text, towns, vocabulary) != "unknown")
    labels = label_columns(table, at, first_body_guess)
    headers = header_rows(table, at, labels, lambda text: name_kind(text, towns, vocabulary) != "unknown",
                          lambda text: name_kind(text, towns, vocabulary) == "place")
    labels = label_columns(table, at, headers) if headers != first_body_guess else labels
    signature = tuple(at[(row, col)].text for row in range(headers) for col in range(table.cols) if (row, col) in at)
    # words over the names column speak for the whole table ('2009' over 'Charge'), after its caption
    corner = [at[(row, col)].text for row in range(headers) for col in range(labels)
              if (row, col) in at and at[(row, col)].col + at[(row, col)].col_span <= labels]
    own_caption = caption([*table.above, *table.title])
    if any(len(_TITLES.findall(text)) >= 2 for text in own_caption):
        raise TableRefused(f"{where.table_text()}: its caption holds two tables' titles on one line (tables side by "
                           "side?): which words are this table's cannot be told")
    own_context = own_caption + corner
    marked = any(CONTINUED.search(text) for text in own_caption)  # 'Table 2 (continued)'
    if headers and previous is not None and previous.table.cols == table.cols and (not own_caption or marked) and \
            all(previous.columns[cell.col].kind in ("year", "label") for cell in table.cells if cell.row < headers):
        headers = 0  # under '(continued)' or no caption, a year alone where the table's Year column runs: a blank
        # row going on from the page before, no header
    if carried and previous is not None and table.cols <= previous.table.cols:
        headers = 0  # rows set alone overleaf in the columns of the table before (too few or too bare to form a
        # table of their own), a year alone among them too: no header
    alone = carried and headers == 0 and previous is not None and table.cols <= previous.table.cols
    # a part going on overleaf reprints its column headers, maybe not the lines set over them (a title read as
    # rows over every column): the last of the part before's header rows
    reprinted = bool(signature) and previous is not None and signature != previous.signature and \
        previous.signature[-len(signature):] == signature
    continued = previous is not None and (previous.table.cols == table.cols or alone) and (
        headers == 0 or signature == previous.signature or reprinted) and (
        not own_caption or marked or headers == 0 and not any(TITLE.match(text) for text in own_caption)) and \
        not _apart_on_page(previous.table, table)
    goes_on = previous is not None and (continued or marked)  # (a part under '(continued)' over other columns too)
    earlier = previous.years if goes_on else ()
    if continued and headers == 0 and own_caption and not marked:
        # lines set over a part that goes on with the table's rows are headings of its rows (a statute's heading
        # between two runs of towns, found as the gap between two tables): the rows under them are theirs
        table = _heading_rows(table, tuple(own_caption))
        at = covering(table)
    if continued and overleaf and previous.carry.heading and all(
            what_it_names(text, towns, vocabulary) == what_it_names(previous.carry.heading, towns, vocabulary)
            for text in overleaf):
        # headings set after the part on the page before, of the kind its rows were under: the rows here are theirs
        table = _heading_rows(table, overleaf, headers)
        at = covering(table)
    if continued:
        context = previous.context
        carry = previous.carry
        notes = previous.notes
    else:
        context = own_context
        carry = Carry()
        notes = []
    if continued and (headers == 0 or reprinted):
        columns = previous.columns
    else:
        columns = _over_all_years(read_columns(table, at, headers, labels, context, vocabulary, where.table_text()),
                                  earlier)
    notes += notes_under([*table.notes, *table.below])
    legend = Legend.read(notes) if notes else Legend.read([])
    refuse_misreadings(table, at, headers, columns, where, vocabulary)
    if not any(column.kind == "count" for column in columns):
        raise TableRefused(f"{where.table_text()}: no column of counts under a header that says what it counts")
    statewide = any(_STATEWIDE.search(text) for text in context)
    records = read_rows(table, at, headers, columns, legend, towns, vocabulary, where, carry, statewide, after)
    part = _Part(table, columns, headers, context, signature, carry, notes, earlier + _years_of(columns))
    return part, records


def _apart_on_page(before: Table, table: Table) -> bool:
    """Two tables on one page set side by side, not one under the other: no text of one lies over or under text
    of the other (a row left under the left one of two tables side by side does not go on with the right one)."""
    if before.page != table.page:
        return False
    spans = [[(cell.box[0], cell.box[2]) for cell in part.cells if cell.text.strip() and cell.box[2] > cell.box[0]]
             for part in (before, table)]
    if not spans[0] or not spans[1]:
        return False
    return not any(x0 < b1 and b0 < x1 for x0, x1 in spans[0] for b0, b1 in spans[1])


def _first_name(table: Table) -> str | None:
    """The name of a table's first row (its first column's text), if it prints one."""
    return next((cell.text.strip() for cell in sorted(table.cells, key=lambda c: (c.row, c.col))
                 if cell.row >= table.header_rows and cell.col == 0 and cell.text.strip()), None)


def _years_of(columns: list[Column]) -> tuple[tuple[int, int], ...]:
    return tuple(c.period.value for c in columns if c.kind == "count" and c.period is not None and
                 not c.printed_total and c.period.value[0] == c.period.value[1])


def _over_all_years(columns: list[Column], before: tuple[tuple[int, int], ...]) -> list[Column]:
    """A 'Total' over a part's own year columns spans the years of the parts before it too (a table by year
    continued overleaf with one year left, then its total over all years)."""
    years = [*before, *_years_of(columns)]
    for column in columns:
        if column.over_years and years:
            span = (min(first for first, _ in years), max(last for _, last in years))
            column.period = Mention(span, column.period.text)
    return columns


def _opened(table: Table, opening: tuple[str, ...], towns, vocabulary: Vocabulary) -> Table:
    """The next page's first table, taken as the one opened at the foot of the page before: it prints no caption
    and either the same column headers ('2016 2017 2018') or none; the opening's title (and lone headers) become
    its caption, and the lines after them that head rows (a statute) its first rows."""
    if any(not (TITLE.match(text) and CONTINUED.search(text)) for text in (*table.above, *table.title)):
        return table  # a caption of its own, other than 'Table 2. (continued)'
    if table.header_rows:
        header = " ".join(cell.text for cell in sorted(table.cells, key=lambda c: (c.row, c.col))
                          if cell.row == table.header_rows - 1).split()
        lines = [text.split() for text in opening]
        if not header or header not in lines:
            return table
        at = lines.index(header)
        caption, headings = opening[:at], opening[at + 1:]
    else:  # rows alone overleaf: the opening's lines from the first that names a row's kind of thing are headings
        at = next((index for index, text in enumerate(opening) if index and name_kind(text, towns, vocabulary) not in
                   ("unknown", "place")), len(opening))
        caption, headings = opening[:at], opening[at:]
        if not headings or any(name_kind(text, towns, vocabulary) == "unknown" for text in headings):
            return table
    return replace(_heading_rows(table, tuple(headings)), above=tuple(caption))


def _heading_rows(table: Table, headings: tuple[str, ...], first: int | None = None) -> Table:
    """The table with these lines set as its first body rows (`first`: the row the body starts at, else the
    structure stage's), names alone: headings over the rows under them."""
    first = table.header_rows if first is None else first
    cells = tuple(replace(cell, row=cell.row + len(headings)) if cell.row >= first else cell for cell in table.cells)
    cells += tuple(Cell(first + index, 0, text, 1, 1, table.bbox) for index, text in enumerate(headings))
    fields = table.fields[:first] + (1,) * len(headings) + table.fields[first:] if table.fields else table.fields
    rows = table.source_rows[:first] + (0,) * len(headings) + table.source_rows[first:] \
        if table.source_rows else table.source_rows
    return replace(table, cells=cells, fields=fields, source_rows=rows)


def _unrun(lines: tuple[str, ...], running: set[str]) -> tuple[str, ...]:
    return tuple(text for text in lines if not is_running(text, running))


def _relegend(records: list[dict], legend: Legend) -> list[dict]:
    out = []
    for record in records:
        text = record["cell_text"]
        if not re.match(r"^[-−]?[\d,]+$", text) and text.casefold() in legend.symbols:
            record = {**record, "count": legend.value(text)}
        out.append(record)
    return out


def _names_anything(table: Table, towns, vocabulary: Vocabulary) -> bool:
    """A table says something about TIPC counts if a cell or its caption names a place, a statute or a measure,
    and its cells print a count or name one of those themselves (lines of prose set with wide gaps, under a
    title naming arrests, are no table of counts)."""
    cells = [cell.text for cell in table.cells]
    cells += [match.group("name") for text in cells if (match := ENDS_IN_YEAR.match(text.strip()))]  # 'Avon 2012'

    def names(text: str) -> bool:
        return resolve_label(text, towns)[1] != "unresolved" or bool(vocabulary.statutes_in(text)) or \
            bool(vocabulary.measures_in(text))

    if not any(map(value_like, cells)) and not any(map(names, cells)):
        return False
    return any(map(names, cells + list(table.above) + list(table.title)))


def read_report(path: Path, towns, vocabulary: Vocabulary) -> Reading:
    """The report file's tables read for meaning, by its type."""
    from pipeline.extract.tidy import ExtractionError

    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pipeline.extract.tables import TableReadError, read_pages

        try:
            pages = without_folios(read_pages(path))
        except TableReadError as exc:
            raise ExtractionError(str(exc)) from None
        running = running_lines(pages)
        edges = running_edges(pages)
        openings = {page.number: found for page in pages if (found := opening(page, edges))}
        overleaf = {page.number: rows for before, page in zip(pages, pages[1:], strict=False)
                    if (rows := rows_overleaf(before, page, towns, vocabulary, edges | running)) is not None}
        feet = {page.number: found for page in pages if (found := headings_at_foot(page, towns, vocabulary,
                                                                                    edges | running))}
        parts = {page.number: part for before, page in zip(pages, pages[1:], strict=False) if page.number not in
                 overleaf and (part := part_overleaf(before, page, towns, vocabulary, edges | running)) is not None}
        tables = [table for page in pages for table in ([overleaf[page.number]] if page.number in overleaf else [])
                  + ([parts[page.number], *page.tables[1:]] if page.number in parts else list(page.tables))]
        for page in pages:  # a table opened at a page's foot, found as a table with no count, that the next
            # page's first table goes on with: its lines open that table, as loose lines at a page's foot do (not
            # when the next page opens with rows in its columns: they go on with it as it stands)
            found = () if page.number in openings or page.number + 1 in overleaf else opened_as_table(page, edges)
            first = next((replace(table, above=_unrun(table.above, edges)) for table in tables
                          if table.page == page.number + 1), None)
            if found and first is not None and _opened(first, found, towns, vocabulary) is not first:
                openings[page.number] = found
                tables = [table for table in tables if table is not page.tables[-1]]
        reading = read_document(tables, path.name, False, towns, vocabulary, edges, openings, feet,
                                (*overleaf.values(), *parts.values()))
        for page in pages:  # lines read as an opening or as rows overleaf are accounted for
            accounted = (openings[page.number] if page.number in reading.opened else ()) + \
                (row_texts(overleaf[page.number]) if page.number in overleaf else ())
            reading.refusals += [Refusal(where, reason, page.number) for where, reason in
                                 lost_rows(page, path.name, towns, vocabulary, running, accounted)]
        return reading
    if suffix in {".csv", ".xlsx", ".xlsm"}:
        from pipeline.extract.meaning.sheets import sheet_tables

        return read_document(sheet_tables(path), path.name, True, towns, vocabulary)
    raise ExtractionError(f"{path.name}: unsupported file type {suffix!r} (PDF, CSV or XLSX)")
