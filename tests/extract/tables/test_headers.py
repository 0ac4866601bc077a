"""The header phase alone (tables/headers.py), through the grid it shapes: which rows are the header, which header
lines are one wrapped header, and which header phrases head a group of columns by their centre."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.tables.reader import tables_on_page
from tests.extract.tables.drawing import Sheet, geometry, lines, run_together, table
from tests.extract.tables.test_grid import COLUMNS, COUNTS, _build, _spanning


@pytest.mark.parametrize("group", ["Persons arrested", "§ 7"])
def test_a_group_header_centred_over_two_columns_spans_them(tmp_path: Path, group: str) -> None:
    """Centred over 'Adult' and 'Juvenile': 'Persons arrested' starts left of the river between them and ends
    inside it, '§ 7' sits in the river touching neither. By where they sit they would be the left column's alone
    (or no column's); by their centre each heads both."""
    sheet = Sheet(tmp_path / "group.pdf")
    sheet.text(277.5 - sheet.width(group) / 2, 728, group)
    sheet.row(714, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "Total")])
    table(sheet, 700, COUNTS, COLUMNS)
    built = _build(sheet.save())
    assert _spanning(built) == [(0, 1, 2, group)]
    assert built.grid()[1] == ["Town", "Adult", "Juvenile", "Total"]

def test_a_label_set_off_centre_over_a_header_is_no_wrapped_line_of_it(tmp_path: Path) -> None:
    """'§ 7' over the right end of 'Juvenile', lined up with it neither left, right nor centred: a label over
    the columns (read for meaning as a group header), not the first line of 'Juvenile' wrapped."""
    sheet = Sheet(tmp_path / "off-centre.pdf")
    sheet.text(330 - sheet.width("§ 7") / 2, 728, "§ 7")
    sheet.row(714, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "Total")])
    table(sheet, 700, COUNTS, COLUMNS)
    built = _build(sheet.save())
    assert built.header_rows == 2
    assert built.grid()[1] == ["Town", "Adult", "Juvenile", "Total"]

def test_a_header_wrapped_over_two_lines_is_one_header_cell(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "wrapped-header.pdf")
    sheet.right(330, 728, "Juvenile")
    sheet.row(714, [(72, "Town"), (-250, "Adult"), (-330, "offenders"), (-400, "Total")])
    table(sheet, 700, COUNTS, COLUMNS)
    built = _build(sheet.save())
    assert built.header_rows == 1
    assert built.grid()[0] == ["Town", "Adult", "Juvenile offenders", "Total"]

def test_headers_side_by_side_over_a_row_of_words_span_nothing(tmp_path: Path) -> None:
    """'Middle' may sit centred over the three words under it, but 'Upper' and 'Lower' beside it on its line
    head columns one by one: so does it."""
    sheet = Sheet(tmp_path / "peers.pdf")
    middle = (150 + 330 + sheet.width("Dune")) / 2 - sheet.width("Middle") / 2  # centred over Brill ... Dune
    sheet.row(728, [(72, "Maker"), (150, "Upper"), (middle, "Middle"), (330, "Lower")])
    for y, words in ((714, ("Acme", "Brill", "Casa", "Dune")), (700, ("Bolt", "Elm", "Fig", "Gale")),
                     (686, ("Cord", "Hay", "Ivy", "Jade"))):
        sheet.row(y, [(72, words[0]), (150, words[1]), (225, words[2]), (330, words[3])])
    built = _build(sheet.save())
    assert _spanning(built) == []
    assert built.grid()[0] == ["Maker", "Upper", "Middle", "Lower"]

def test_a_group_header_wrapped_and_centred_over_two_columns_spans_them_whole(tmp_path: Path) -> None:
    """'RECEIVING STOLEN' / 'GOODS IN THE' / 'FIRST DEGREE' centred over 'Adult' and 'Juvenile', with the
    'Total' column's own wrapped header between it and them: one group header cell over both columns."""
    sheet = Sheet(tmp_path / "stacked-group.pdf")
    middle = (250 - sheet.width("Adult") + 330) / 2
    for y, text in ((770, "RECEIVING STOLEN"), (758, "GOODS IN THE"), (746, "FIRST DEGREE")):
        sheet.text(middle - sheet.width(text) / 2, y, text)
    sheet.right(400, 734, "All")
    sheet.row(722, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "ages")])
    table(sheet, 708, COUNTS, COLUMNS)
    built = _build(sheet.save())
    assert _spanning(built) == [(0, 1, 2, "RECEIVING STOLEN GOODS IN THE FIRST DEGREE")]
    assert built.grid()[-5][:3] == ["Town", "Adult", "Juvenile"]

def test_a_header_line_ending_in_a_wrapped_number_is_header_not_body(tmp_path: Path) -> None:
    """'Year Number 100,000' under 'Rate per': words head more of its columns than its one number fills."""
    sheet = Sheet(tmp_path / "header-number.pdf")
    sheet.right(330, 742, "Rate per")
    sheet.row(728, [(-190, "Year"), (-250, "Number"), (-330, "100,000")])
    sheet.row(714, [(72, "Avon"), (-190, "2016"), (-250, "75"), (-330, "127.5")])
    sheet.row(700, [(72, "Bristol"), (-190, "2016"), (-250, "7"), (-330, "12.5")])
    built = _build(sheet.save())
    assert built.header_rows == 1 and built.grid()[0] == ["", "Year", "Number", "Rate per 100,000"]


def test_a_year_alone_over_the_counts_heads_them(tmp_path: Path) -> None:
    """'2016' alone over the counts, nothing over the names: a header of the table, not a row of one count
    without a name."""
    sheet = Sheet(tmp_path / "year-alone.pdf")
    sheet.right(250, 728, "2016")
    sheet.row(714, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "Total")])
    table(sheet, 700, COUNTS, COLUMNS)
    built = _build(sheet.save())
    assert built.grid()[built.header_rows:] == [list(row) for row in COUNTS]
    assert any("2016" in cell.text for cell in built.cells if cell.row < built.header_rows)


def test_a_year_alone_under_the_column_headers_is_a_body_row(tmp_path: Path) -> None:
    """'2015' alone in the Year column right under 'Town Year Held': the blank row of a town named above it (a
    table continued), never one more header line."""
    sheet = Sheet(tmp_path / "blank-year.pdf")
    sheet.row(728, [(72, "Town"), (150, "Year"), (-250, "Held")])
    sheet.row(714, [(150, "2015")])
    sheet.row(700, [(72, "Avon"), (150, "2016"), (-250, "7")]).row(686, [(150, "2017"), (-250, "3")])
    built = _build(sheet.save())
    assert built.header_rows == 1
    assert built.grid()[1:] == [["", "2015", ""], ["Avon", "2016", "7"], ["", "2017", "3"]]



def _two_columns(sheet: Sheet, group: list[str], centred: bool) -> None:
    """Two 'CGS' columns under a phrase of two words set one space apart: each header (and its counts) flush left
    with a word of it (by chance), or centred on one."""
    spans = run_together(sheet, 150, 728, group)
    sheet.text(72, 714, "Office")
    for x0, x1 in spans:
        at = (x0 + x1 - sheet.width("CGS")) / 2 if centred else x0 + 1
        sheet.text(at, 714, "CGS")
        for index, town in enumerate(["Avon", "Bristol", "Canton", "Danbury"]):
            sheet.text(72, 700 - 14 * index, town).text(at + 4, 700 - 14 * index, str(3 + index))


def test_a_group_header_whose_word_gaps_fall_on_the_columns_edges_stays_whole(tmp_path: Path) -> None:
    """'Arrested, 2015' over two columns, its words flush with their left edges by chance but centred as a whole
    over their headers: one group header spanning both, never 'Arrested,' over one and '2015' over the other."""
    sheet = Sheet(tmp_path / "chance.pdf")
    _two_columns(sheet, ["Arrested,", "2015"], centred=False)
    assert len(lines(sheet.save())[0].phrases) == 1
    built = _build(sheet.path)
    assert [(cell.col, cell.col_span, cell.text) for cell in built.cells if cell.row == 0] == [
        (1, 2, "Arrested, 2015")]


def test_headers_run_together_each_centred_on_its_column_stay_parted(tmp_path: Path) -> None:
    """'Detained Released', each word centred on the header under it: two headers run together, parted, though
    the phrase is centred over both columns as a whole too."""
    sheet = Sheet(tmp_path / "own.pdf")
    _two_columns(sheet, ["Detained", "Released"], centred=True)
    assert len(lines(sheet.save())[0].phrases) == 1
    built = _build(sheet.path)
    assert [(cell.col, cell.col_span, cell.text) for cell in built.cells if cell.row == 0] == [
        (0, 1, "Office"), (1, 1, "Detained CGS"), (2, 1, "Released CGS")]  # each wrapped onto its own header


def test_two_group_headers_wrapped_side_by_side_over_three_columns_each_span_them_whole(tmp_path: Path) -> None:
    """'Held in' / 'custody, Adults' and 'Released' / 'on bail in the' / 'first week, Adults', each wrapped and
    centred over three years (so centred on the middle one too), set side by side on the same lines: each one
    group header over its three columns, its lines one cell."""
    sheet = Sheet(tmp_path / "side-by-side.pdf")
    groups = [((150, 180, 210), ["", "Held in", "custody, Adults"]),
              ((250, 280, 310), ["Released", "on bail in the", "first week, Adults"])]
    for xs, wrapped in groups:
        middle = (xs[0] + xs[-1] + sheet.width("2012")) / 2
        for number, text in enumerate(wrapped):
            if text:
                sheet.text(middle - sheet.width(text) / 2, 756 - 12 * number, text)
    sheet.text(72, 714, "Office")
    for xs, _ in groups:
        for year, x in zip(("2012", "2013", "2014"), xs, strict=True):
            sheet.text(x, 714, year)
    for index, town in enumerate(["Avon", "Bristol", "Canton", "Danbury"]):
        sheet.text(72, 700 - 14 * index, town)
        for xs, _ in groups:
            for x in xs:
                sheet.text(x + 6, 700 - 14 * index, str(index + 1))
    built = _build(sheet.save())
    assert _spanning(built) == [(0, 1, 3, "Held in custody, Adults"),
                                (0, 4, 3, "Released on bail in the first week, Adults")]
    assert built.grid()[1] == ["Office", "2012", "2013", "2014", "2012", "2013", "2014"]


def test_a_wrapped_group_header_wider_than_its_columns_headers_still_spans_them(tmp_path: Path) -> None:
    """'Released on bail in the' / 'first week' centred over two years, its first line reaching past both year
    headers but over no other header's middle: one group over the two."""
    sheet = Sheet(tmp_path / "wide-group.pdf")
    middle = (200 + 240 + sheet.width("2013")) / 2
    for number, text in enumerate(["Released on bail in the", "first week"]):
        sheet.text(middle - sheet.width(text) / 2, 742 - 12 * number, text)
    sheet.row(714, [(72, "Office"), (200, "2012"), (240, "2013"), (330, "Rank")])
    for index, town in enumerate(["Avon", "Bristol", "Canton"]):
        sheet.row(700 - 14 * index, [(72, town), (206, str(index)), (246, str(index + 3)), (336, str(index + 1))])
    built = _build(sheet.save())
    assert _spanning(built) == [(0, 1, 2, "Released on bail in the first week")]


def test_lines_of_headers_run_together_each_over_its_column_are_no_wrapped_group(tmp_path: Path) -> None:
    """Two lines each of six headers run together in a fixed-pitch font ('Detained Released ...' over 'in cells
    on bail. ...'), every header centred on its column: stacked and centred on one another as wholes, yet no
    group header over all six; each column keeps its own header."""
    sheet = Sheet(tmp_path / "runs.pdf")
    upper, lower = ["Detained", "Released"] * 3, ["in cells", "on bail."] * 3
    pitch = sheet.width("Detained ", font="Courier")
    for number, (top, bottom) in enumerate(zip(upper, lower, strict=True)):
        sheet.text(150 + pitch * number, 742, top, font="Courier").text(150 + pitch * number, 730, bottom,
                                                                        font="Courier")
    sheet.text(72, 714, "Office")
    word = sheet.width("Detained", font="Courier")
    for number in range(6):
        sheet.text(150 + pitch * number + (word - sheet.width("Adults")) / 2, 716, "Adults")
    for index, town in enumerate(["Avon", "Bristol", "Canton"]):
        sheet.text(72, 700 - 14 * index, town)
        for number in range(6):
            sheet.text(150 + pitch * number + (word - sheet.width("7")) / 2, 700 - 14 * index, "7")
    found = lines(sheet.save())
    assert [len(line.phrases) for line in found[:2]] == [1, 1]  # each line one phrase: run together
    built = _build(sheet.path)
    assert _spanning(built) == []
    assert [text for text in built.grid()[0][1:]] == [
        f"{top} {bottom} Adults" for top, bottom in zip(upper, lower, strict=True)]


def test_a_year_beside_the_wrapped_end_of_a_rates_header_is_a_header_line(tmp_path: Path) -> None:
    """'Held', then 'Rate per' over '2007' and '100,000', nothing over the names: the years' line ends the rate's
    wrapped header, so it heads the columns; it is no row of counts without a name."""
    sheet = Sheet(tmp_path / "rate.pdf")
    sheet.row(756, [(-250, "Held")])
    sheet.row(742, [(-330, "Rate per")])
    sheet.row(728, [(-250, "2007"), (-330, "100,000")])
    table(sheet, 714, [("Avon", "12", "3.4"), ("Bristol", "1,204", "88.1"), ("Canton", "3", "0.5")], (72, 250, 330))
    built = _build(sheet.save())
    assert built.grid()[built.header_rows:] == [["Avon", "12", "3.4"], ["Bristol", "1,204", "88.1"],
                                                ["Canton", "3", "0.5"]]


def test_a_header_across_a_rivers_boundary_over_one_columns_header_heads_that_column(tmp_path: Path) -> None:
    """'Held' and 'Freed' set left over their columns' headers ('Persons' under each, counts flush right): each
    crosses the boundary in the river on its left, yet lies over one column's header only: that column's."""
    sheet = Sheet(tmp_path / "straddle.pdf")
    sheet.row(742, [(205, "Held"), (283, "Freed")])
    sheet.row(728, [(72, "Office"), (150, "Year"), (-250, "Persons"), (-330, "Persons")])
    for index, town in enumerate(["Avon", "Bristol", "Canton"]):
        sheet.row(714 - 14 * index, [(72, town), (150, "2016"), (-250, str(index + 1)), (-330, str(index + 4))])
    built = _build(sheet.save())
    assert [(cell.col, cell.col_span, cell.text) for cell in built.cells if cell.row == 0] == [
        (2, 1, "Held"), (3, 1, "Freed")]


@pytest.mark.parametrize("below", ["every column", "wrapped"])
def test_group_headers_set_flush_left_over_each_groups_first_column_span_the_group(tmp_path: Path,
                                                                                   below: str) -> None:
    """'Arrested' and 'Convicted' flush left over the first of two 'CGS' headers each (a merged cell's text as a
    word processor sets it), running past that column: each heads its two columns. Where the line below heads
    only the columns they stand over (the first lines of wrapped headers, 'Rate' over 'per 1,000'), they head
    their own columns alone."""
    sheet = Sheet(tmp_path / "flush-groups.pdf")
    ends = (200, 260, 320, 380)
    sheet.text(ends[0] - sheet.width("CGS"), 742, "Arrested" if below == "every column" else "Rate")
    sheet.text(ends[2] - sheet.width("CGS"), 742, "Convicted" if below == "every column" else "Rate")
    heads = ["CGS", "CGS", "CGS", "CGS"] if below == "every column" else ["CGS", "", "CGS", ""]
    sheet.row(730, [(-end, head) for end, head in zip(ends, heads, strict=True) if head])
    sheet.row(718, [(72, "Town"), *[(-end, statute) for end, statute in zip(ends, ("82", "83", "82", "83"),
                                                                              strict=True)]])
    table(sheet, 704, [("Avon", "12", "7", "3", "1"), ("Bristol", "9", "4", "2", "0"), ("Canton", "5", "6", "1", "2")],
          (72, *ends))
    built = _build(sheet.save())
    if below == "every column":
        assert _spanning(built) == [(0, 1, 2, "Arrested"), (0, 3, 2, "Convicted")]
    else:
        assert _spanning(built) == []


def test_a_group_cut_at_a_river_is_whole_over_columns_whose_headers_start_lower(tmp_path: Path) -> None:
    """'Persons held, 2019' centred over 'Adult' and a 'Juvenile' column whose header is wrapped over three lines
    from right under the group: a word gap falls in the river, so it is cut there; the line right under it heads
    only the right column ('Adult' starts two lines lower), yet over both columns' headers as a whole it is
    centred: one group header spanning them."""
    sheet = Sheet(tmp_path / "group-lower.pdf")
    adult_x0 = 250 - sheet.width("Adult")
    centre = (adult_x0 + 330) / 2
    sheet.text(centre - sheet.width("Persons held, 2019") / 2, 756, "Persons held, 2019")
    sheet.right(330, 742, "Sent to").right(330, 728, "youth court")
    sheet.row(714, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "Total")])
    table(sheet, 700, COUNTS, COLUMNS)
    built = _build(sheet.save())
    assert (0, 1, 2, "Persons held, 2019") in _spanning(built)


@pytest.mark.parametrize("first", [["n<5", "n<5", "n<5", "n<5", "1", "≤9"], ["S", "S", "1", "S", "3", "S"]])
def test_a_first_row_printing_more_signs_for_kept_back_counts_than_counts_is_a_row(tmp_path: Path,
                                                                                  first: list[str]) -> None:
    """The first row under the years prints bounds ('n<5', '≤9') for most of its counts, or a letter of the
    report's own ('S') beside two counts: a row of the body, never merged into the header (where its name and
    counts would vanish without a word)."""
    sheet = Sheet(tmp_path / "kept-back.pdf")
    years = [150 + 40 * index for index in range(6)]
    sheet.row(742, [(72, "Office")] + [(-x, str(2010 + index)) for index, x in enumerate(years)])
    sheet.row(728, [(72, "Avon")] + [(-x, text) for x, text in zip(years, first, strict=True)])
    sheet.row(714, [(72, "Bristol")] + [(-x, str(index)) for index, x in enumerate(years)])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.header_rows == 1
    assert found.grid()[1] == ["Avon", *first]


def test_one_year_under_each_group_header_beside_a_rates_wrapped_number_is_a_header(tmp_path: Path) -> None:
    """'2015' under each of four group headers, then the end of 'Rate per' / '100,000' and 'Rank': years make
    most of the line's numbers and nothing names its first column, so it is a header line, not a row of counts
    without a name."""
    sheet = Sheet(tmp_path / "years-rate.pdf")
    groups = [(200, "Arrests"), (250, "Convictions"), (300, "Arrests"), (350, "Convictions")]
    for right, group in groups:
        sheet.right(right, 756, group).right(right, 742, "2015")
    sheet.right(410, 756, "Rate per").right(410, 742, "100,000").right(450, 742, "Rank")
    for index, town in enumerate(["Avon", "Bristol", "Canton"]):
        sheet.row(728 - 14 * index, [(72, town)] + [(-right, str(index + col)) for col, (right, _) in
                                                      enumerate(groups)] + [(-410, "1.5"), (-450, str(index + 1))])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[found.header_rows] == ["Avon", "0", "1", "2", "3", "1.5", "1"]


def test_two_stacks_set_flush_right_whose_lines_run_together_stay_each_over_its_column(tmp_path: Path) -> None:
    """Two count columns' headers wrapped over four lines each, every line set flush right over its counts, the
    two 'prostitution' lines run together into one phrase centred over the two lines under it: that phrase is
    each column's line, flush with the lines over and under it in its column, not a group header over both."""
    sheet = Sheet(tmp_path / "stacks.pdf")
    ends, size = (218.0, 275.5), 10.2
    for y, words in ((742, ("promoting", "promoting")), (731, ("prostitution", "prostitution")),
                     (720, ("in the third", "in the third")), (709, ("degree", "degree")),
                     (698, ("Arrests", "Convictions"))):
        for end, word in zip(ends, words, strict=True):
            sheet.right(end, y, word, size)
    sheet.text(36, 698, "Town", size).text(120, 698, "Year", size)
    for index, (town, first, second) in enumerate([("Avon", "5", "1"), ("Bristol", "3", "0"), ("Canton", "9", "2"),
                                                   ("Derby", "4", "4")]):
        y = 680 - 14 * index
        sheet.text(36, y, town, size).text(120, y, "2010", size).right(ends[0], y, first, size)
        sheet.right(ends[1], y, second, size)
    found = lines(sheet.save())
    assert [p.text for p in found[1].phrases] == ["prostitution prostitution"]  # (run together, as drawn)
    (read,) = tables_on_page(geometry(sheet.path))
    columns = {cell.col: [] for cell in read.cells}
    for cell in sorted(read.cells, key=lambda cell: cell.row):
        if cell.row < read.header_rows:
            for col in range(cell.col, cell.col + cell.col_span):
                columns[col].append(cell.text)
    assert " ".join(columns[2]) == "promoting prostitution in the third degree Arrests"
    assert " ".join(columns[3]) == "promoting prostitution in the third degree Convictions"
