"""A general table reader for PDFs: geometry (glyphs, rules, fills) -> regions -> a grid of cells with spans and
header rows. No word of any one report's vocabulary lives here; meaning is read on top of its grids."""

from pipeline.extract.tables.model import Cell, Page, Table
from pipeline.extract.tables.reader import Area, TableReadError, read_pages, read_tables
from pipeline.extract.tables.settings import DEFAULT, TableSettings

__all__ = ["Area", "Cell", "DEFAULT", "Page", "Table", "TableReadError", "TableSettings",
           "read_pages", "read_tables"]
