"""Readings that cannot be right, refused table by table: two columns counting the same thing, a count set into
the names, numbers run together in one cell, a year's counts set aside under a header run into another."""

from __future__ import annotations

import re

from pipeline.extract.meaning.columns import Column, TableRefused
from pipeline.extract.meaning.rows import Where
from pipeline.extract.tables.model import Table
from pipeline.extract.tables.words import MARK
from pipeline.extract.vocabulary import FiscalYear, Vocabulary, periods_in


def refuse_misreadings(table: Table, at, headers: int, columns: list[Column], where: Where,
                       vocabulary: Vocabulary) -> None:
    """Every check below, in turn; the first that fails refuses the table."""
    _refuse_twins(columns, where)
    _refuse_run_in(table, at, headers, columns, where)
    _refuse_run_together(table, at, headers, columns, where)
    _refuse_counts_set_aside(table, at, headers, columns, where, vocabulary)


def _refuse_twins(columns: list[Column], where: Where) -> None:
    """Two count columns that mean the same (statute, measure, period) are a wrong reading of the header: one of
    them must mean something the reading missed, so the table is refused rather than read twice."""
    seen: dict[tuple, list[Column]] = {}
    twins: tuple | None = None  # the first meaning two columns share
    for column in columns:
        if column.kind != "count" or None in (column.statute, column.measure, column.period):
            continue
        key = (column.statute.value, column.measure.value, column.period.value, column.printed_total)
        seen.setdefault(key, []).append(column)
        twins = twins or (key if len(seen[key]) == 2 else None)
    if twins is not None:
        first, second, *more = seen[twins]
        also = f" (and {len(more):,} more)" if more else ""
        raise TableRefused(f"{where.table_text()}: columns {first.header or '(no header)'!r} and "
                           f"{second.header or '(no header)'!r}{also} would count the same thing: its header is not "
                           "read right")


_ENDS_IN_COUNT = re.compile(r"\S\s+(?:\d{1,3}(?:,\d{3})+|\d+)$")
_BARE_YEAR = re.compile(r"(?:^|\s)(?:19|20)\d\d\s*$")  # a header ending in a year ('2005', 'Offense 2016')


def _refuse_run_in(table: Table, at, headers: int, columns: list[Column], where: Where) -> None:
    """A year heading the names column, over names that end in a number: the first count was set into the names
    ('Arrests, 53a-82 1,770' under '2005'), so every count would sit under the wrong year."""
    for column in columns:
        if column.kind != "label" or not _BARE_YEAR.search(column.header):
            continue
        for row in range(headers, table.rows):
            cell = at.get((row, column.index))
            if cell is not None and _ENDS_IN_COUNT.search(cell.text.strip()):
                raise TableRefused(f"{where.table_text()}: {column.header.strip()!r}, ending in a year, heads the "
                                   f"names, and {cell.text.strip()!r} ends in a number: a count set into its name "
                                   "(the counts cannot be placed under their years)")


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
_SIGN = re.compile(rf"^(?:[-–—−]{{1,2}}|n/?a|{MARK}|\(s\))$", re.IGNORECASE)  # signs printed for a count


def _years_named(text: str) -> list:
    try:
        return periods_in(text)
    except FiscalYear:
        return []


def _spanning(at, column: Column, headers: int) -> list[str]:
    """The texts of the header cells the grid set over a column, its own header aside (group headers spanning it;
    not one the meaning stage assigned it by nearness)."""
    return list(dict.fromkeys(at[(row, column.index)].text for row in range(headers)
                              if (row, column.index) in at and at[(row, column.index)].text != column.header))


def _refuse_counts_set_aside(table: Table, at, headers: int, columns: list[Column], where: Where,
                             vocabulary: Vocabulary) -> None:
    """A column set aside (a rank, a rate, a change) whose own header names a year, a statute or a measure, or
    under a group header naming a statute that the grid spans over it, over whole numbers and the signs printed
    for counts: its header may be a count column's with another's run into it ('2016 % change', '53a-192a Rate',
    'Convictions %'); its counts must not vanish unread."""
    for column in columns:
        if column.kind != "other":
            continue
        named = [mention.text for mention in _years_named(column.header) + vocabulary.statutes_in(column.header) +
                 vocabulary.measures_in(column.header) +
                 [found for text in _spanning(at, column, headers) for found in vocabulary.statutes_in(text)]]
        if not named:
            continue
        texts = [at[(row, column.index)].text.strip() for row in range(headers, table.rows)
                 if (row, column.index) in at and at[(row, column.index)].text.strip()]
        if any(_INTEGER.match(text) for text in texts) and all(_INTEGER.match(text) or _SIGN.match(text)
                                                               for text in texts):
            raise TableRefused(f"{where.table_text()}: column {column.header!r} is set aside, but it names "
                               f"{named[0]!r} over whole numbers: a count column with another header run into "
                               "it?")
