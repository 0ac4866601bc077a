"""A table as the structure stage hands it on: cells on a grid of rows and columns, each with its span, its text
and where it was printed, so that every later reading can be traced to a page and a box."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


def record(cls):
    """A value record of which a page makes thousands: a slots dataclass, equal and hashed by value like a frozen
    one, and never changed once made. Not `frozen=True`: its __init__ sets each field through
    object.__setattr__, four times the cost, and glyphs, words and cells are the reader's hottest objects."""
    return dataclass(slots=True, unsafe_hash=True)(cls)


def edges_where(items: list, test) -> tuple[int, int]:
    """How far `test` holds from the start and from the end of `items`: (first index it fails at, the index
    after the last it fails at); the ends of a table that are its caption and its notes."""
    top = 0
    while top < len(items) and test(items[top]):
        top += 1
    bottom = len(items)
    while bottom > top and test(items[bottom - 1]):
        bottom -= 1
    return top, bottom


@record
class Cell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # PDF points (x0, y0, x1, y1), origin bottom left
    marks: tuple[str, ...] = ()  # raised, smaller marks printed against its words (footnote marks)
    size: float = 0.0  # font size of its text, points


@dataclass(frozen=True)
class Table:
    page: int  # 1-based; the first page of a table continued over several
    bbox: tuple[float, float, float, float]  # PDF points, origin bottom left
    cells: tuple[Cell, ...]
    header_rows: int = 0  # rows at the top that head columns (a header tree by span containment)
    ruled: bool = False  # its rows and columns were drawn with rules
    pages: tuple[int, ...] = field(default=())  # every page it was printed on, when continued
    title: tuple[str, ...] = ()  # lines over its columns set across the whole table (its caption, found on a page)
    notes: tuple[str, ...] = ()  # lines under it set the same way (legend, source, footnotes)
    above: tuple[str, ...] = ()  # lines of text set close over it, outside it (a caption, a heading), top first
    below: tuple[str, ...] = ()  # lines of text set close under it, outside it (notes, a legend, a source)
    source_rows: tuple[int, ...] = ()  # CSV/XLSX: the file's line number of each row
    fields: tuple[int, ...] = ()  # CSV/XLSX: how many fields each row has (a short row is no row of blanks)

    @cached_property  # (asked once per column by readings on top: a table of 20,000 columns made them quadratic)
    def rows(self) -> int:
        return max((cell.row + cell.row_span for cell in self.cells), default=0)

    @cached_property
    def cols(self) -> int:
        return max((cell.col + cell.col_span for cell in self.cells), default=0)

    def grid(self) -> list[list[str]]:
        """Every row as a list of texts; a spanning cell's text in its first row and column, blanks elsewhere."""
        rows = [["" for _ in range(self.cols)] for _ in range(self.rows)]
        for cell in self.cells:
            rows[cell.row][cell.col] = cell.text
        return rows

    def to_json(self) -> dict:
        return {"page": self.page, "pages": list(self.pages or (self.page,)),
                "bbox": [round(value, 2) for value in self.bbox], "header_rows": self.header_rows,
                "ruled": self.ruled, "title": list(self.title), "notes": list(self.notes),
                "above": list(self.above), "below": list(self.below),
                "cells": [{"row": cell.row, "col": cell.col, "row_span": cell.row_span, "col_span": cell.col_span,
                           "text": cell.text} for cell in self.cells]}


@dataclass(frozen=True)
class Page:
    """A page as read: its tables, and the lines printed outside every one of them (prose, headings, captions,
    and any row a table should have held but the reader did not find, for a reading on top to account for)."""

    number: int  # 1-based
    tables: tuple[Table, ...]
    loose: tuple[str, ...] = ()
    tables_above: tuple[int, ...] = ()  # for each loose line, how many of the page's tables start above it
    edges: tuple[str, ...] = ()  # loose lines at the page's top or foot, before or after all else: heads, feet
    loose_boxes: tuple[tuple[float, float, float, float], ...] = ()  # where each loose line was printed (PDF points)
    # each loose line's pieces: its phrases, the values ending one parted from its words ('Total5,937' too), each
    # with where it was printed: a row of a table set alone overleaf can be placed in that table's columns
    loose_pieces: tuple[tuple[tuple[str, tuple[float, float, float, float]], ...], ...] = ()
