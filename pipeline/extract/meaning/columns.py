"""What each column of a table grid counts: read from its header path (the group headers over it, then its own
header), then the table's caption, by the reference vocabulary. The most specific words win; a column that
prints something else (% change, a rank, a rate) is set aside; a Total column covers the table's years."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.meaning.headers import group_headers, wrapped_headers
from pipeline.extract.tables.model import Cell, Table
from pipeline.extract.tables.words import MARK
from pipeline.extract.vocabulary import FiscalYear, Mention, Vocabulary, is_not_a_count, is_total_label, periods_in

_COUNT = re.compile(r"^\(?[-−–]?\d{1,3}(?:,\d{3})+\)?$|^\(?[-−–]?\d+\)?$")
_SYMBOL = re.compile(rf"^(?:[–—‒−-]{{1,2}}|{MARK}|§|n/?a|n\.a\.|\([a-z]{{1,2}}\)|x|z|s|d|\.{{2,3}})$", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d\d$")
_SECTION = re.compile(r"\d+[a-z]?-\d+[a-z]?", re.IGNORECASE)  # a statute named by its section number ('53a-87')
_LABEL_HEADERS = re.compile(r"^\s*(?:towns?|municipalit(?:y|ies)|jurisdictions?|agency|agencies|city|cities|"
                            r"town\s*/\s*city|place|department|police\s+department)\s*$", re.IGNORECASE)
_YEAR_CELL = re.compile(r"^(?:(?:calendar\s+)?years?\s+)?(?:19|20)\d\d$", re.IGNORECASE)  # 'Year 2011': its header set
_YEAR_HEADER = re.compile(r"^\s*(?:calendar\s+)?years?\s*$", re.IGNORECASE)


class TableRefused(ValueError):
    """One table cannot be read; the others of the report still can."""


@dataclass
class Column:
    index: int
    header: str  # its own header as printed (the lowest header cell over it)
    path: list[str] = field(default_factory=list)  # every header cell over it, top first
    kind: str = "count"  # label, count, year, other
    statute: Mention | None = None
    measure: Mention | None = None
    period: Mention | None = None
    printed_total: bool = False
    over_years: bool = False  # a total whose period is the span of the table's own year columns ('Total')
    set_over: list[str] = field(default_factory=list)  # header cells the grid set in this column alone (no group
    # header reaching over it, no span)


def value_like(text: str) -> bool:
    """A printed count or a symbol that stands for one (a dash, an asterisk, n/a)."""
    text = text.strip()
    return bool(_COUNT.match(text) or _SYMBOL.match(text))


def _values(text: str) -> bool:
    """Every word of it a value: a count, a sign or a year ('6 5', counts run together, are values too: they
    must be refused as counts, never read as a name)."""
    words = text.split()
    return bool(words) and all(value_like(word) or YEAR.match(word) for word in words)


def covering(table: Table) -> dict[tuple[int, int], Cell]:
    """(row, column) -> the cell printed over it, spans included."""
    where: dict[tuple[int, int], Cell] = {}
    for cell in table.cells:
        for row in range(cell.row, cell.row + cell.row_span):
            for col in range(cell.col, cell.col + cell.col_span):
                where[(row, col)] = cell
    return where


def _printed_counts(texts: list[str]) -> bool:
    """Every word of these cells a count or a sign printed for one, and at least one a count that is no year."""
    words = [word for text in texts for word in text.split()]
    return all(value_like(word) or MARKED.match(word) for word in words) and \
        any(_whole_text(word) is not None and not YEAR.match(word) for word in words)


def _one_year_and_values(texts: list[str]) -> bool:
    """At most one year, and nothing else a header prints (a rate '0.0', 'n/a', a dash: no word)."""
    return sum(1 for text in texts if YEAR.match(text)) <= 1 and \
        not any(re.search(r"[^\W\d_]{2,}", text) and not _SYMBOL.match(text) for text in texts)


def header_rows(table: Table, at: dict[tuple[int, int], Cell], first_count: int, names, places) -> int:
    """The rows at the top that head columns: the structure stage's guess, extended over rows whose count cells
    are words, or years beside a label that names nothing (a header of years is no row of counts)."""
    rows = table.header_rows
    over_counts = False  # a row above printed words of its own over the count columns
    for row in range(table.header_rows):  # a row named by a place is a row, wherever the grid put its header
        label = " ".join(unmarked(at[(row, col)]) for col in range(first_count) if (row, col) in at)  # (its
        # raised footnote mark aside: 'Branford' with a 'c' set against it)
        own = [at[(row, col)].text.strip() for col in range(first_count, table.cols)
               if (row, col) in at and at[(row, col)].col >= first_count and at[(row, col)].text.strip()]
        if label and places(label) and not any(YEAR.match(at[(row, col)].text.strip()) for col in
                                              range(first_count, table.cols) if (row, col) in at):
            rows = row
            break
        if over_counts and label and not own and names(label) and not _LABEL_HEADERS.match(label):
            rows = row  # a statute or measure named alone under the column headers heads the rows under it
            break
        if over_counts and label and own and _printed_counts(own):
            rows = row  # a name beside counts and signs under the column headers (two rows run into one band,
            # 'Avon Beacon Falls' beside 'x x', '0 0*'):
            break  # the body's, read (or refused) there, never passed over as a header line
        over_counts = over_counts or bool(own)
    headed = rows > 0  # a line heading the count columns has been passed
    while rows < table.rows:
        cells = [at[(rows, col)] for col in range(first_count, table.cols) if (rows, col) in at]
        texts = [cell.text.strip() for cell in cells if cell.col == max(first_count, cell.col)]
        if not texts:
            label = at.get((rows, 0))
            if label is not None and not names(label.text) and rows + 1 < table.rows and not headed:
                rows += 1  # a label alone over the header line ('Town' set a line above the years)
                continue
            break
        headed = True
        label = " ".join(text for col in range(first_count) if (rows, col) in at
                         and not YEAR.match(text := at[(rows, col)].text.strip()))  # (a row's year in a column
        # of years left of the counts is no word of its name: 'CHESTER' beside '2007')
        if not any(_counts(text) for text in texts) and not names(label):
            rows += 1  # years and words beside a label that names nothing: a header line
            continue
        if _LABEL_HEADERS.match(label) and any(YEAR.match(text) for text in texts):
            rows += 1  # 'Town' beside years (and a '100,000' under 'Rate per'): the column headers' line
            continue
        if any(_counts(text) for text in texts) or places(label) and _one_year_and_values(texts):
            break  # (a place's name beside one year and blank counts, or rates and signs: a row of the body, not a
            # header; a place's name beside several years is a stub's caption over a header of years)
        rows += 1
    return rows


def blank_body(table: Table, at: dict[tuple[int, int], Cell], names) -> int:
    """Where the body begins in a table that prints no count at all, for which the structure stage (finding no
    row of values) saw no header: after the last row printing right of the first column (headers over columns
    blank all down), when the rows under it print names alone, one of a place, statute or measure at least."""
    if table.header_rows or any(_counts(cell.text) for cell in table.cells if cell.col > 0):
        return table.header_rows
    headed = [row for row in range(table.rows)
              if any(at[(row, col)].text.strip() for col in range(1, table.cols) if (row, col) in at)]
    if not headed or not any(names(at[(row, 0)].text) for row in range(headed[-1] + 1, table.rows)
                             if (row, 0) in at):
        return 0
    return headed[-1] + 1


def _counts(text: str) -> bool:
    """Values, not all of them years: what a body row prints ('12', '1,717 3,320' run together, '–')."""
    return _values(text) and not all(YEAR.match(word) for word in text.split())


def label_columns(table: Table, at: dict[tuple[int, int], Cell], first_body: int) -> int:
    """How many columns at the left carry names, not counts (at least one); a column blank all down under a
    header of its own is a column of counts left blank."""
    for col in range(1, table.cols):
        texts = [at[(row, col)].text for row in range(first_body, table.rows)
                 if (row, col) in at and at[(row, col)].col == col and at[(row, col)].text.strip()]
        head = at.get((first_body - 1, col))
        if head is not None and _YEAR_HEADER.match(head.text):
            continue  # a Year column keys the rows, like their names
        if texts and sum(1 for text in texts if _values(text)) * 2 >= len(texts):
            return col
        if not texts and head is not None and head.col == col and head.col_span == 1 and head.text.strip():
            return col
    return table.cols


def read_columns(table: Table, at: dict[tuple[int, int], Cell], headers: int, labels: int, context: list[str],
                 vocabulary: Vocabulary, where: str) -> list[Column]:
    """Every column's meaning; a column of labels or years is marked as such, never counted."""
    columns = []
    wrapped_from, stacks = wrapped_headers(table, at, headers, labels)
    groups = group_headers(table, at, headers, labels, min(wrapped_from, headers - 1))
    for col in range(table.cols):
        path: list[str] = []
        set_over: list[str] = []
        for row in range(headers if col not in stacks else wrapped_from):
            cell = groups.get((row, col), at.get((row, col))) if col >= labels else at.get((row, col))
            if cell is not None and (not path or path[-1] != cell.text):
                path.append(cell.text)
                if cell.col == col and cell.col_span == 1 and (row, col) not in groups:
                    set_over.append(cell.text)
        if col in stacks:
            path.append(" ".join(cell.text for cell in stacks[col]))
        column = Column(col, path[-1] if path else "", path, set_over=[text for text in set_over if text != path[-1]])
        body = [at[(row, col)].text.strip() for row in range(headers, table.rows)
                if (row, col) in at and at[(row, col)].col == col]
        years_down = bool(body) and all(_YEAR_CELL.match(text) for text in body) and len(set(body)) > 1
        if _YEAR_HEADER.match(column.header) or years_down and (col >= labels or col == 0):
            column.kind = "year"  # a Year column; or years down the first column: a summary by year
        elif col < labels:
            column.kind = "label"
        elif path and is_not_a_count(" ".join(path)):
            column.kind = "other"
        columns.append(column)
    _assign(columns, context, vocabulary, where)
    _lone_headers(columns, table, at, headers - 1, labels, vocabulary)
    _row_sums(columns, table, at, headers)
    return columns


def unmarked(cell: Cell | None) -> str:
    """A cell's text without the raised marks printed against it (footnote marks)."""
    if cell is None:
        return ""
    text = cell.text.strip()
    for mark in cell.marks:
        if mark and text.endswith(mark):
            text = text[: -len(mark)].rstrip()
    return text


# a count as printed, a footnote mark after it or not ('12*', '0¹', '21‡', '3 (a)'): the number is group 1
MARKED = re.compile(r"^([-−]?\d{1,3}(?:,\d{3})+|[-−]?\d+)\s*(?:[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+|\([a-z]\))?$")


def _whole_text(text: str) -> int | None:
    """A count as printed, a footnote mark after it or not ('21‡', '3 (a)'); None for anything else."""
    found = MARKED.match(text.strip())
    return int(found.group(1).replace(",", "")) if found and found.group(1)[0].isdigit() else None


def _whole(cell: Cell | None) -> int | None:
    """A cell's count, its raised footnote mark aside ('7²' raised)."""
    return _whole_text(unmarked(cell))


def _row_sums(columns: list[Column], table: Table, at: dict[tuple[int, int], Cell], headers: int) -> None:
    """A count column naming no year whose every row adds up the row's year columns of the same statute and
    measure is their total, however it is headed ('Sum', 'All years', none): the arithmetic says what the
    words do not. A row kept back ('<5') bounds the total from below; one row that does not add up, or fewer
    than two that do with a count in them, leaves the column as it was."""
    single = [c for c in columns if c.kind == "count" and c.period is not None and not c.printed_total
              and c.period.value[0] == c.period.value[1]]
    for column in columns:
        if column.kind != "count" or column.period is not None:
            continue
        years = [c for c in single if (c.statute and c.statute.value, c.measure and c.measure.value) ==
                 (column.statute and column.statute.value, column.measure and column.measure.value)]
        if len(years) < 2:
            continue
        added = 0
        for row in range(headers, table.rows):
            total = _whole(_own(at, row, column.index))
            if total is None:
                continue
            parts = [_whole(_own(at, row, year.index)) for year in years]
            known = sum(part for part in parts if part is not None)
            if None in parts and total < known or None not in parts and total != known:
                break
            added += None not in parts and total > 0
        else:
            if added >= 2:
                first, last = min(c.period.value[0] for c in years), max(c.period.value[1] for c in years)
                column.period, column.printed_total = Mention((first, last), column.header), True


def _own(at: dict[tuple[int, int], Cell], row: int, col: int) -> Cell | None:
    cell = at.get((row, col))
    return cell if cell is not None and cell.col == col and cell.row == row else None


def _lone_headers(columns: list[Column], table: Table, at: dict[tuple[int, int], Cell], rows: int, labels: int,
                  vocabulary: Vocabulary) -> None:
    """A header alone on its line over one of several count columns ('ARRESTS' centred over 2016 of four years)
    that names a statute or a measure no other column names: the table's, not that column's alone. The columns
    under it name it, none names another, and the rest would otherwise name none."""
    counts = [column for column in columns if column.kind == "count"]
    for row in range(rows):
        cells = {at[(row, col)] for col in range(labels, table.cols) if (row, col) in at}
        if len(cells) != 1 or len(counts) < 2:
            continue
        (cell,) = cells
        for finder, said in ((vocabulary.statutes_in, "statute"), (vocabulary.measures_in, "measure")):
            named = {mention.value: mention for mention in finder(cell.text)}
            if len(named) != 1:
                continue
            (mention,) = named.values()
            have = [getattr(column, said) for column in counts if getattr(column, said) is not None]
            if have and len(have) < len(counts) and all(found.value == mention.value and not found.general
                                                        for found in have):
                for column in counts:
                    if getattr(column, said) is None:
                        setattr(column, said, Mention(mention.value, mention.text, general=True))


def _assign(columns: list[Column], context: list[str], vocabulary: Vocabulary, where: str) -> None:
    counts = [column for column in columns if column.kind == "count"]
    general_statute = _general(vocabulary.statutes_in, context)
    section = _section_against(general_statute, context, vocabulary)
    if section is not None:
        raise TableRefused(f"{where}: its caption reads as {general_statute.value} by the word "
                           f"{general_statute.text!r}, but names section {section.text!r} elsewhere (a statute's "
                           "name wrapped over lines and read in part?)")
    general_measure = _general(vocabulary.measures_in, context)
    general_period = _general_period(context, where)
    own_periods: dict[int, Mention] = {}
    for column in counts:
        column.statute = _most_specific(vocabulary.statutes_in, column.path) or general_statute
        for against, texts in (("the caption", [general_statute.text] if general_statute else []),
                               ("a header over it", column.path[:-1])):
            section = _section_against(column.statute, texts, vocabulary)
            if section is not None:
                raise TableRefused(f"{where}: column {column.header!r} reads as {column.statute.value} by the word "
                                   f"{column.statute.text!r}, but {against} names section {section.text!r} (a "
                                   "statute's name wrapped over lines and read in part?)")
        over = _other_section_over(column.statute, column.set_over, vocabulary)
        if over is not None:
            raise TableRefused(f"{where}: column {column.header!r} reads as {column.statute.value} by "
                               f"{column.statute.text!r}, but a header over it names section {over.text!r} and "
                               "not its own (a header of the column beside, split at a word gap?)")
        column.measure = _most_specific(vocabulary.measures_in, column.path) or general_measure
        period = _column_period(column, where)
        if period is not None:
            own_periods[column.index] = period
    single = [mention.value for mention in own_periods.values() if mention.value[0] == mention.value[1]]
    for column in counts:
        period = own_periods.get(column.index)
        total = any(is_total_label(text) for text in column.path[-1:])
        if period is not None:
            column.period = period
            column.printed_total = period.value[0] != period.value[1] and bool(single)
        elif total and single:
            first, last = min(year for year, _ in single), max(year for _, year in single)
            column.period, column.printed_total, column.over_years = Mention((first, last), column.header), True, True
        elif total and general_period is not None:
            column.period, column.printed_total = general_period, True
        elif not single:  # the caption's period speaks for columns only when none prints a year of its own
            column.period = general_period


def _section_against(statute: Mention | None, texts: list[str], vocabulary: Vocabulary) -> Mention | None:
    """A statute read from a word of its name ('prostitution') where these texts print another statute's section
    number: the name was wrapped over lines and read in part. That section's mention, if so."""
    if statute is None or _SECTION.search(statute.text):
        return None
    return next((mention for text in texts for mention in vocabulary.statutes_in(text)
                 if _SECTION.search(mention.text) and mention.value != statute.value), None)


def _other_section_over(statute: Mention | None, texts: list[str], vocabulary: Vocabulary) -> Mention | None:
    """A column read by its own section number under a header cell the grid set over it alone that prints other
    sections and not that one: one of the two belongs to another column ('53a-87:' of '53a-87: Promoting', cut at
    its word gap, set over the '§53a-83' beside it). A group header naming the column's own section among others
    is no contradiction; a group header's reach is the group stage's guess, not the grid's, so it is not
    checked here."""
    if statute is None or not _SECTION.search(statute.text):
        return None
    for text in texts:
        named = vocabulary.statutes_in(text)
        others = [mention for mention in named if _SECTION.search(mention.text) and mention.value != statute.value]
        if others and all(mention.value != statute.value for mention in named):
            return others[0]
    return None


def _column_period(column: Column, where: str) -> Mention | None:
    """A year or a range printed over the column; '2005–14' over a total is the calendar years 2005 to 2014."""
    for text in reversed(column.path):
        found = _periods(text, f"{where}: column {column.header!r} is headed by")
        if len(found) == 1:
            return found[0]
    return None


def _periods(text: str, refusal: str) -> list[Mention]:
    """The calendar periods a text names; a fiscal year refuses the table (its counts cannot be placed)."""
    try:
        return periods_in(text)
    except FiscalYear as exc:
        raise TableRefused(f"{refusal} a fiscal year ({exc}), not a calendar year: its counts cannot be placed in "
                           "calendar years") from None


def _most_specific(finder, path: list[str]) -> Mention | None:
    """The lowest header that names exactly one thing; one naming two says nothing on its own."""
    for text in reversed(path):
        found = {mention.value: mention for mention in finder(text)}
        if len(found) == 1:
            return next(iter(found.values()))
    return None


def _general(finder, context: list[str]) -> Mention | None:
    """What the caption says for the whole table (a row's own words override it)."""
    mention = _most_specific(finder, context)
    return None if mention is None else Mention(mention.value, mention.text, general=True)


def _general_period(context: list[str], where: str) -> Mention | None:
    for text in reversed(context):
        found = _periods(text, f"{where}: its caption names")
        if len(found) == 1:
            return Mention(found[0].value, found[0].text, general=True)
    return None
