"""What each count column counts, on grids built by hand: statute, measure and period from its header path."""

from __future__ import annotations

import pytest

from pipeline.extract.meaning.columns import TableRefused, covering, read_columns
from pipeline.extract.tables.model import Cell, Table
from pipeline.extract.vocabulary import Vocabulary, default_reference_dir

SIZE = 9.0


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.from_reference_dir(default_reference_dir())


def _cell(row: int, col: int, text: str, left: float, top: float) -> Cell:
    return Cell(row, col, text, box=(left, top - SIZE, left + 5.0 * len(text), top), size=SIZE)


def _columns(table: Table, vocabulary: Vocabulary):
    return read_columns(table, covering(table), table.header_rows, 1, ["Persons arrested by town and offence, 2014"],
                        vocabulary, "t.pdf, page 1, table 1")


def test_a_section_over_a_column_read_by_another_section_refuses_the_table(vocabulary) -> None:
    """'53a-87: Promoting' cut at its word gap, '53a-87:' set over the '§53a-83' beside it: the column cannot be
    both, so the table is refused, never read as one of them (the other column's 'prostitution 2nd deg.' went to
    53a-82 that way)."""
    boxes = {"53a-87:": (328.2, 476.1, 359.7, 482.6), "Promoting": (364.2, 476.0, 404.7, 483.1),  # as a wild
             "§53a-83": (279.2, 471.6, 310.7, 478.6), "prostitution 2nd deg.": (319.2, 467.0, 413.7, 474.1),
             "Berlin": (215.0, 453.5, 243.0, 460.3), "1": (307.5, 453.5, 312.0, 459.8),
             "0": (410.5, 453.5, 415.0, 459.9)}  # report's grid set them (wild seed 5555 #320, reportlab)
    cells = [Cell(row, col, text, box=boxes[text], size=7.0) for row, col, text in (
        (0, 1, "53a-87:"), (0, 2, "Promoting"), (1, 1, "§53a-83"), (1, 2, "prostitution 2nd deg."), (2, 0, "Berlin"),
        (2, 1, "1"), (2, 2, "0"))]
    table = Table(1, (215, 453, 415, 483), tuple(cells), header_rows=2)
    with pytest.raises(TableRefused, match=r"column '§53a-83' reads as 53a-83 by '§53a-83', but a header over it "
                                           r"names section '53a-87' and not its own"):
        _columns(table, vocabulary)


def test_a_group_header_naming_the_columns_own_section_among_others_is_no_contradiction(vocabulary) -> None:
    """'53a-82 and 53a-83' spanning both count columns over '53a-82' and '53a-83': each column its own."""
    cells = (Cell(0, 1, "53a-82 and 53a-83", col_span=2, box=(250, 690, 340, 699), size=SIZE),
             _cell(1, 0, "Town", 72, 687), _cell(1, 1, "53a-82", 240, 687), _cell(1, 2, "53a-83", 320, 687),
             _cell(2, 0, "Berlin", 72, 675), _cell(2, 1, "1", 265, 675), _cell(2, 2, "0", 345, 675))
    table = Table(1, (72, 660, 360, 699), cells, header_rows=2)
    statutes = [column.statute.value for column in _columns(table, vocabulary) if column.kind == "count"]
    assert statutes == ["53a-82", "53a-83"]


def test_a_first_row_the_grid_took_for_a_header_is_a_row_when_its_name_with_a_mark_aside_is_a_place() -> None:
    """'Branford' with a raised 'c' set against it ('Branfordc' as text) beside '14' and three 's' (the structure
    stage, knowing no 's', took the row for a second header line): the mark aside, it names a place, so it is the
    body's first row, never dropped as a header (wild seed 5656 #1972)."""
    from pipeline.extract.meaning.columns import header_rows

    cells = (_cell(0, 0, "Municipality", 92, 708), _cell(0, 1, "CGS 53a-82", 139, 708),
             _cell(0, 2, "C.G.S. §53a-88", 200, 708),
             Cell(1, 0, "Branfordc", box=(92.4, 690.8, 116.5, 696.5), marks=("c",), size=SIZE),
             _cell(1, 1, "14", 166, 697), _cell(1, 2, "s", 230, 697),
             _cell(2, 0, "Burlington", 92, 685), _cell(2, 1, "0", 169, 685), _cell(2, 2, "1", 230, 685))
    table = Table(1, (92, 680, 260, 708), cells, header_rows=2)
    places = {"Branford", "Burlington"}
    assert header_rows(table, covering(table), 1, lambda text: text in places, lambda text: text in places) == 1


def test_a_name_beside_counts_under_the_headers_is_never_a_header_line() -> None:
    """Two rows run into one band ('Avon Beacon Falls' beside 'x x' and '0 0*'), which the structure stage took
    for a second header line: counts and signs beside a name are the body's (read or refused there), never passed
    over as a header (wild seed 5656 #1888 html). A line of years, or column numbers with no name, still heads."""
    from pipeline.extract.meaning.columns import header_rows

    def table(second: list[str], label: str) -> Table:
        cells = [_cell(0, 0, "Town", 92, 708), _cell(0, 1, "53a-83", 150, 708), _cell(0, 2, "Sec. 53a-192a", 220, 708)]
        cells += [_cell(1, 0, label, 92, 696)] if label else []
        cells += [_cell(1, col, text, 150 + 70 * (col - 1), 696) for col, text in enumerate(second, start=1)]
        cells += [_cell(2, 0, "Berlin", 92, 684), _cell(2, 1, "2", 150, 684), _cell(2, 2, "0", 220, 684)]
        return Table(1, (92, 680, 300, 708), tuple(cells), header_rows=2)

    def nothing(text: str) -> bool:
        return False

    merged = table(["x x", "0 0*"], "Avon Beacon Falls")
    assert header_rows(merged, covering(merged), 1, nothing, nothing) == 1
    for second, label in ((["2015", "2016"], ""), (["(1)", "(2)"], ""), (["100,000", "100,000"], "")):
        headed = table(second, label)
        assert header_rows(headed, covering(headed), 1, nothing, nothing) == 2, second
