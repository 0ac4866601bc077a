"""The header tree over a table's count columns, on grids built by hand: which header lines are one header's
wrapped lines, and which head the table or a group."""

from __future__ import annotations

from pipeline.extract.meaning.columns import covering
from pipeline.extract.meaning.headers import wrapped_headers
from pipeline.extract.tables.model import Cell, Table

SIZE = 9.0


def _line(row: int, col: int, text: str, middle: float, top: float, width: float | None = None) -> Cell:
    """A header line of `text` centred on `middle`, its top at `top` (PDF points, y up)."""
    half = (width if width is not None else 5.0 * len(text)) / 2
    return Cell(row, col, text, box=(middle - half, top - SIZE, middle + half, top), size=SIZE)


def _table(cells: list[Cell], headers: int) -> Table:
    return Table(1, (0, 0, 600, 800), tuple(cells), header_rows=headers)


def test_a_stack_wider_than_a_lone_count_column_on_both_sides_is_its_wrapped_header() -> None:
    """Six lines centred over the only count column, the widest reaching past its counts on both sides: with no
    column beside it to head as a group, they are that column's header, every line of it."""
    stack = ["Convictions,", "2016", "CGS 53a-88", "PROMOTING", "PROSTITUTION", "DEGREE"]
    cells = [_line(row, 1, text, 142, 700 - 10 * row) for row, text in enumerate(stack)]
    cells += [Cell(5, 0, "Town", box=(72, 640 - SIZE, 100, 640), size=SIZE)]
    cells += [Cell(6, 0, "Avon", box=(72, 626 - SIZE, 96, 626), size=SIZE),
              Cell(6, 1, "4", box=(139, 626 - SIZE, 145, 626), size=SIZE)]
    table = _table(cells, 6)
    first, stacks = wrapped_headers(table, covering(table), 6, 1)
    assert first == 0 and [cell.text for cell in stacks[1]] == stack


def test_lines_over_one_column_not_aligned_with_each_other_are_no_wrapped_header() -> None:
    """A line right-aligned over the total column, one under it set left of its middle and aligned with neither
    it nor the total's header: lines over the whole table that happen to sit over that column, not its header."""
    cells = [Cell(0, 3, "CGS 53a-82", box=(322, 700 - SIZE, 372, 700), size=SIZE),
             Cell(1, 3, "Arrests", box=(285, 688 - SIZE, 318, 688), size=SIZE),
             Cell(2, 0, "Town", box=(72, 676 - SIZE, 96, 676), size=SIZE),
             Cell(2, 1, "2015", box=(180, 676 - SIZE, 200, 676), size=SIZE),
             Cell(2, 2, "2016", box=(230, 676 - SIZE, 250, 676), size=SIZE),
             Cell(2, 3, "Total 2015 through 2016", box=(262, 676 - SIZE, 372, 676), size=SIZE)]
    cells += [Cell(3, col, text, box=(x - 6, 662 - SIZE, x, 662), size=SIZE)
              for col, text, x in ((1, "4", 200), (2, "5", 250), (3, "9", 372))]
    cells += [Cell(3, 0, "Avon", box=(72, 662 - SIZE, 96, 662), size=SIZE)]
    table = _table(cells, 3)
    assert wrapped_headers(table, covering(table), 3, 1) == (3, {})
