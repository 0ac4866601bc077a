"""The regions phase alone: where the tables on a page are, without being told; and, at the page's level, that a
region a chart is drawn over is no table. Prose, contents pages and charts align too: they must not be found."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.tables.reader import tables_on_page
from pipeline.extract.tables.regions import Region, find_regions
from pipeline.extract.tables.rules import join_rules
from pipeline.extract.tables.settings import DEFAULT
from tests.extract.tables.drawing import Sheet, geometry, lines, table

COUNTS = [("Avon", "12", "7", "19"), ("Bristol", "1,204", "88", "1,292"), ("Canton", "3", "–", "3"),
          ("Danbury", "40", "2", "42")]
COLUMNS = (72, 250, 330, 400)
near = pytest.approx


def _regions(path: Path) -> list[Region]:
    page = geometry(path)
    horizontals, verticals = join_rules(page.rules, 2.9, 9.4)
    return find_regions(lines(path), horizontals, verticals, DEFAULT)


def _counts_table(sheet: Sheet, top: float = 714) -> None:
    sheet.row(top, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "Total")])
    table(sheet, top - 14, COUNTS, COLUMNS)


def test_a_text_table_is_found_with_its_header_lines(tmp_path: Path) -> None:
    """Prose over and under it stays out; the group header set tight over the columns comes in."""
    sheet = Sheet(tmp_path / "text-table.pdf")
    sheet.text(72, 780, "Connecticut Report 2007")
    sheet.text(72, 760, "This paragraph of running text explains the table below in some detail and more.")
    sheet.text(277.5 - sheet.width("Arrests") / 2, 728, "Arrests")
    _counts_table(sheet)
    sheet.text(72, 600, "Another paragraph of running text follows the table and says nothing much at all.")
    found = lines(sheet.save())
    (region,) = _regions(sheet.path)
    arrests = next(line for line in found if line.text == "Arrests")
    danbury = next(line for line in found if line.text.startswith("Danbury"))
    assert region == (near(72, abs=0.1), near(arrests.top), near(400, abs=0.1), near(danbury.bottom))


def test_a_title_in_a_larger_size_is_not_a_header_line(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "titled.pdf")
    sheet.text(150, 730, "Arrests", 14)
    _counts_table(sheet)
    (region,) = _regions(sheet.save())
    town = next(line for line in lines(sheet.path) if line.text.startswith("Town"))
    assert region[1] == near(town.top)


def test_prose_in_two_page_columns_is_not_a_table(tmp_path: Path) -> None:
    left = ["The department counts every arrest made", "by its officers in the calendar year and",
            "reports them to the state each month as", "the law requires of every police agency",
            "in the state, large or small, urban or", "rural, without exception since the year"]
    right = ["Counts of convictions come from the courts", "and are matched to arrests by the docket",
             "number where one is given on the record", "which is the case for most but not all of",
             "the cases heard in the superior court of", "the judicial district where it was made"]
    sheet = Sheet(tmp_path / "prose.pdf")
    for index, (first, second) in enumerate(zip(left, right, strict=True)):
        sheet.text(72, 700 - 12 * index, first).text(320, 700 - 12 * index, second)
    path = sheet.save()
    assert all(len(line.phrases) == 2 for line in lines(path))  # two aligned columns on every line ...
    assert _regions(path) == []  # ... of running text


@pytest.mark.parametrize("leaders", [True, False])
def test_a_contents_page_with_dot_leaders_is_not_a_table(tmp_path: Path, leaders: bool) -> None:
    """The same entries without leaders are two aligned columns, and are found: the leaders are what tells."""
    sheet = Sheet(tmp_path / "contents.pdf")
    entries = [("Introduction", "1"), ("Notes on the data", "3"), ("Arrests by town", "6"), ("Convictions", "12")]
    for index, (name, page) in enumerate(entries):
        y = 700 - 14 * index
        dots = " " + "." * int((300 - sheet.width(name)) / sheet.width(".")) if leaders else ""
        sheet.text(72, y, name + dots).right(400, y, page)
    found = _regions(sheet.save())
    assert found == [] if leaders else len(found) == 1


def test_a_ruled_grid_is_found_by_its_rules(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "grid.pdf")
    for index, (town, arrests, convictions) in enumerate([("Town", "Arrests", "Convictions"), ("Avon", "12", "7"),
                                                          ("Bristol", "1,204", "88"), ("Canton", "3", "–")]):
        sheet.row(700 - 16 * index, [(76, town), (184, arrests), (264, convictions)])
    sheet.grid((70, 180, 260, 340), (714, 698, 682, 666, 650))
    sheet.text(72, 500, "Some unrelated text under it")
    (region,) = _regions(sheet.save())
    assert region == (near(70, abs=0.6), near(792 - 714, abs=0.6), near(340, abs=0.6), near(792 - 650, abs=0.6))


def test_an_empty_ruled_box_is_not_a_table(tmp_path: Path) -> None:
    """A grid with fewer than `min_rows` lines of text inside (a frame round a figure) bounds nothing."""
    sheet = Sheet(tmp_path / "frame.pdf")
    sheet.grid((70, 180, 340), (714, 600))
    sheet.text(76, 700, "Figure 1")
    assert _regions(sheet.save()) == []


def test_tables_apart_are_two_regions_and_a_section_heading_stays_in(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "two.pdf")
    sheet.row(714, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "Total")])
    y = table(sheet, 700, COUNTS[:2], COLUMNS)
    sheet.text(72, y - 14, "Hartford County")  # a one-piece line inside the table
    table(sheet, y - 28, COUNTS[2:], COLUMNS)
    sheet.row(500, [(72, "Offense"), (-250, "Count")])
    table(sheet, 486, [("Larceny", "12"), ("Arson", "3"), ("Fraud", "8")], (72, 250))
    first, second = _regions(sheet.save())
    top = {line.text.split()[0]: line for line in lines(sheet.path)}
    assert (first[1], first[3]) == (near(top["Town"].top), near(top["Danbury"].bottom))
    assert (second[1], second[3]) == (near(top["Offense"].top), near(top["Fraud"].bottom))
    assert second[2] == near(250, abs=0.1)


def test_a_single_row_of_a_name_and_values_is_a_table(tmp_path: Path) -> None:
    """The last row of a table carried over onto the next page, alone under some prose."""
    sheet = Sheet(tmp_path / "carried.pdf")
    sheet.text(72, 760, "A paragraph of running text at the top of the page, nothing tabular.")
    sheet.row(700, [(72, "Windham"), (-250, "12"), (-330, "7"), (-400, "19")])
    (region,) = _regions(sheet.save())
    assert region[0] == near(72, abs=0.1) and region[2] == near(400, abs=0.1)


@pytest.mark.parametrize(("first", "found"), [("2017", True), ("2,017", False)])
def test_a_single_row_of_a_year_and_values_is_a_table_and_a_line_of_years_is_not(
        tmp_path: Path, first: str, found: bool) -> None:
    """The last row of a table by year carried alone onto the next page ('2017  15  3', under headers too long to
    be a row of cells) is a table with its header; a line starting with a count is none, and neither is a line of
    years alone (a header)."""
    sheet = Sheet(tmp_path / "by-year.pdf")
    header = ["Calendar year", "Persons held under section 7 of the act", "Persons freed on bail after arraignment"]
    sheet.row(720, [(72, header[0]), (-330, header[1]), (-540, header[2])])
    sheet.row(700, [(72, first), (-330, "15"), (-540, "3")])
    sheet.row(640, [(72, "2016"), (-250, "2017"), (-330, "2018"), (-400, "2019")])
    tables = tables_on_page(geometry(sheet.save()))
    assert [table.grid() for table in tables] == ([[header, ["2017", "15", "3"]]] if found else [])


def test_a_single_line_of_a_name_and_one_value_is_not(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "one-value.pdf")
    sheet.text(72, 760, "A paragraph of running text at the top of the page, nothing tabular.")
    sheet.row(700, [(72, "Windham"), (-250, "12")])
    assert _regions(sheet.save()) == []


def test_a_name_and_one_value_under_a_header_of_its_own_is_a_table(tmp_path: Path) -> None:
    """'Convictions 7' under '2016' set over the value, a heading over the names between them: a table of one
    row (alone, the same line is no table: the test above)."""
    sheet = Sheet(tmp_path / "one-row.pdf")
    sheet.text(72, 760, "A paragraph of running text at the top of the page, nothing tabular.")
    sheet.right(250, 728, "2016").text(72, 714, "Seized goods").row(700, [(80, "Parcels"), (-250, "7")])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[-1] == ["Parcels", "7"]
    assert found.grid()[0][-1] == "2016"


def test_a_chart_drawn_over_a_region_is_not_a_table(tmp_path: Path) -> None:
    """Labels and numbers of a chart align like a table's; the curves drawn over them say it is a chart."""
    sheet = Sheet(tmp_path / "chart.pdf")
    _counts_table(sheet)
    sheet.curve(72, 660, 400, 690).curve(72, 700, 400, 670)
    page = geometry(sheet.save())
    assert len(_regions(sheet.path)) == 1  # the region is found ...
    assert tables_on_page(page) == []  # ... and dropped


def test_a_small_drawing_in_a_tables_corner_leaves_it_a_table(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "logo.pdf")
    _counts_table(sheet)
    sheet.curve(380, 705, 400, 705)  # a small arc over a corner: far less than `chart_cover` of the region
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[1] == ["Avon", "12", "7", "19"]


def test_a_caption_between_a_body_and_a_new_line_of_column_headers_starts_a_new_table(tmp_path: Path) -> None:
    """Two tables set close: the second's caption (one piece) and its header line (no values) end the first."""
    sheet = Sheet(tmp_path / "two-close.pdf")
    sheet.row(740, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile")])
    table(sheet, 726, [("Avon", "12", "7"), ("Bristol", "1,204", "88")], COLUMNS[:3])
    sheet.text(72, 690, "Table 2. Arrests by town, 2007")
    sheet.row(676, [(72, "Town"), (-250, "2006"), (-330, "2007")])
    table(sheet, 662, [("Canton", "3", "5"), ("Danbury", "40", "2")], COLUMNS[:3])
    tables = tables_on_page(geometry(sheet.save()))
    assert [table.grid()[-1][0] for table in tables] == ["Bristol", "Danbury"]
    assert tables[1].grid()[0] == ["Town", "2006", "2007"]
    assert "Table 2. Arrests by town, 2007" in tables[1].above


def test_long_headers_of_two_columns_run_together_still_head_them(tmp_path: Path) -> None:
    """'Engaging in it (seller) Promoting it in the first degree' over two columns, a word space apart: one phrase
    of prose length, but set right of the names column beside its own header: the header line, not prose."""
    sheet = Sheet(tmp_path / "long-headers.pdf")
    sheet.row(740, [(72, "Municipality"), (160, "Sec. 12: Engaging in it (seller)"),
                    (160 + sheet.width("Sec. 12: Engaging in it (seller) "), "Promoting it in the first degree")])
    for number, (name, first, second) in enumerate([("Avon", "1", "0"), ("Bristol", "2", "1"), ("Canton", "30", "3")]):
        sheet.row(724 - 14 * number, [(72, name), (-290, first), (-500, second)])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0][0] == "Municipality" and found.header_rows == 1
    assert [row[0] for row in found.grid()[1:]] == ["Avon", "Bristol", "Canton"]


def test_headers_of_tight_columns_run_together_in_one_phrase_head_them(tmp_path: Path) -> None:
    """'Office Year Sec. 4' printed as one phrase, each word gap in the white space between two columns, flush
    with the names: the header line, split at those gaps (not a caption, nor a heading across the row)."""
    sheet = Sheet(tmp_path / "tight-headers.pdf")
    office, year = sheet.width("Office"), sheet.width("Year")
    sheet.row(740, [(72, "Office"), (72 + office + 3, "Year"), (72 + office + year + 6, "Sec. 4")])
    for number, (name, count) in enumerate([("Avon", "1"), ("Ely", "2"), ("Rye", "30"), ("Hull", "4")]):
        sheet.row(726 - 14 * number, [(72, name), (72 + office + 3, "2016"), (-(72 + office + year + 36), count)])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["Office", "Year", "Sec. 4"] and found.header_rows == 1
    assert found.grid()[-1] == ["Hull", "2016", "4"]


def test_a_wide_header_over_the_last_column_may_run_past_the_table(tmp_path: Path) -> None:
    """'Rate per 100,000 of all residents' centred over a column of short rates runs well past the last value: the
    header line still heads the table (a line of prose or a title as wide would not)."""
    sheet = Sheet(tmp_path / "overhang.pdf")
    wide = "Rate per 100,000 of all residents"
    sheet.row(740, [(72, "Town"), (330 - sheet.width(wide) / 2, wide)])  # 'Held' unheaded: two phrases
    rows = [("Avon", "3", "1.2"), ("Bristol", "14", "2.0"), ("Canton", "2", "0.4")]
    for number, (name, held, rate) in enumerate(rows):
        sheet.row(726 - 14 * number, [(72, name), (-250, held), (-338, rate)])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["Town", "", wide] and found.header_rows == 1


def test_long_names_each_with_one_count_set_well_apart_are_a_table(tmp_path: Path) -> None:
    """'Receiving stolen goods in the first degree (sec. 12-34): held' and its count far right: rows of a
    summary, however long the names; a sentence that ends in a number is not one."""
    sheet = Sheet(tmp_path / "long-names.pdf")
    sheet.text(72, 780, "The office opened nine cases this year, against 14.")
    sheet.right(400, 740, "Number")
    rows = [("Receiving stolen goods in the first degree (sec. 12-34): held", "2,736"),
            ("Receiving stolen goods in the first degree (sec. 12-34): freed", "881"),
            ("Forging a public seal in the second degree (sec. 12-40): held", "1,280")]
    for number, (name, count) in enumerate(rows):
        sheet.row(726 - 14 * number, [(72, name), (-400, count)])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0][-1] == "Number" and found.grid()[-1][-1] == "1,280" and found.rows == 4


def test_a_titles_wrapped_line_under_it_in_its_size_is_no_header(tmp_path: Path) -> None:
    """A title a little larger than the body, centred and wrapped over two lines, the first wider than the table:
    its second line is the title's too (same size, centred under it), not a header line of the table."""
    sheet = Sheet(tmp_path / "wrapped-title.pdf")
    first, second = "Exhibit 2. Persons held under section 7 of the act (CGS", "53a-83) by office"
    sheet.text(300 - sheet.width(first, 11.4) / 2, 742, first, size=11.4)
    sheet.text(300 - sheet.width(second, 11.4) / 2, 728, second, size=11.4)
    _counts_table(sheet)
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["Town", "Adult", "Juvenile", "Total"]


def test_a_blank_last_row_indented_like_the_rows_above_stays_in_its_table(tmp_path: Path) -> None:
    """A measure indented under its statute ('Arrests' under 'Trafficking (sec. 7)'), the last one with its count
    blank: flush with the indented names above, it is the table's last row, never a loose line lost after it."""
    sheet = Sheet(tmp_path / "indented.pdf")
    sheet.row(742, [(72, "Offense"), (-250, "2016")])
    sheet.text(72, 728, "Receiving stolen goods (sec. 4)")
    sheet.row(714, [(82, "Arrests"), (-250, "4")])
    sheet.text(72, 700, "Trafficking (sec. 7)")
    sheet.text(82, 686, "Arrests")
    (found,) = tables_on_page(geometry(sheet.save()))
    assert [row[0] for row in found.grid()] == ["Offense", "Receiving stolen goods (sec. 4)", "Arrests",
                                                "Trafficking (sec. 7)", "Arrests"]


def test_first_lines_of_two_wrapped_headers_run_together_are_header_lines(tmp_path: Path) -> None:
    """'detained released' in one phrase over two tight columns, each word flush right with the wrapped header
    line under it and with its counts: the first lines of the two headers, not a title over the table."""
    sheet = Sheet(tmp_path / "wrapped-pair.pdf")
    right = (150.0, 150.0 + sheet.width(" released"))  # 'released' a space after 'detained', flush right too
    sheet.right(right[0], 742, "detained").right(right[1], 742, "released")
    sheet.row(728, [(72, "Office"), (-right[0], "in cells"), (-right[1], "on bail")])
    for index, town in enumerate(["Avon", "Bristol", "Canton"]):
        sheet.row(714 - 14 * index, [(72, town), (-right[0], str(index + 1)), (-right[1], str(index + 4))])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["Office", "detained in cells", "released on bail"]


def test_a_name_with_its_mark_set_apart_and_a_year_alone_after_the_last_row_stay_rows(tmp_path: Path) -> None:
    """'Danbury (a)', the mark a little more than a space after the name, is one name (no column of marks); a
    year alone under the last row, where the years run, is that name's blank row, inside the table."""
    sheet = Sheet(tmp_path / "mark-year.pdf")
    sheet.row(742, [(72, "Office"), (150, "Year"), (-300, "Held")])
    sheet.row(728, [(72, "Avon"), (150, "2014"), (-300, "3")]).row(714, [(72, "Bristol"), (150, "2014"), (-300, "1")])
    sheet.text(72, 700, "Danbury").text(72 + sheet.width("Danbury") + 6, 700, "(a)")
    sheet.row(700, [(150, "2014"), (-300, "8")]).row(686, [(150, "2015")])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[1:] == [["Avon", "2014", "3"], ["Bristol", "2014", "1"], ["Danbury (a)", "2014", "8"],
                                ["", "2015", ""]]


def test_one_row_under_a_header_run_together_over_it_is_a_table(tmp_path: Path) -> None:
    """'Cargo 2019' in one phrase, 'Cargo' flush with the name under it and '2019' over its one value: a table of
    one row (no second row shows the columns by alignment; the header does)."""
    sheet = Sheet(tmp_path / "one-row-run-together.pdf")
    sheet.text(72, 760, "Freight held at the docks", 13)
    sheet.text(72, 742, "Cargo").right(72 + sheet.width("Cargo 2019"), 742, "2019")
    sheet.row(728, [(72, "Parcels"), (-(72 + sheet.width("Cargo 2019")), "6")])
    sheet.text(72, 690, "A paragraph of running text after it, a good way further down the page.")
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[-1] == ["Parcels", "6"]


@pytest.mark.parametrize("indent", [0, 12])
def test_rows_with_every_cell_blank_under_a_header_of_their_own_are_a_table(tmp_path: Path, indent: float) -> None:
    """A header of two columns set apart and names under the first, flush or indented under a heading, no value
    printed: a table of blank rows (a summary's first part at a page's foot), not lines left loose."""
    sheet = Sheet(tmp_path / "blank-rows.pdf")
    sheet.text(72, 760, "Freight held at the docks", 13)
    sheet.row(742, [(72, "Cargo"), (-200, "2019")])
    sheet.text(72, 728, "Boxed goods").text(72 + indent, 714, "Pallets")
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid() == [["Cargo", "2019"], ["Boxed goods", ""], ["Pallets", ""]]


@pytest.mark.parametrize(("x", "under"), [(72, "The cargo was weighed on arrival."), (150, "Pallets")])
def test_a_header_like_line_over_a_sentence_or_a_name_set_elsewhere_is_no_table(tmp_path: Path, x: float,
                                                                                 under: str) -> None:
    """Under two short pieces set apart, a sentence (it ends in a full stop), or a name set in from where the
    first piece starts (not flush with it, not an indent): no table of blank rows."""
    sheet = Sheet(tmp_path / "not-headed.pdf")
    sheet.row(742, [(72, "Cargo"), (-300, "2019")])
    sheet.text(x, 728, under)
    assert _regions(sheet.save()) == []


def test_two_tables_side_by_side_with_rows_at_their_own_heights_are_two(tmp_path: Path) -> None:
    """Two tables set side by side, their rows at heights of their own (no line prints values on both sides of the
    gutter between them), their titles on one line: two tables, each with its own title over it."""
    sheet = Sheet(tmp_path / "beside.pdf")
    sheet.text(40, 760, "Table 1. Offices by district").text(320, 760, "Table 2. Vehicles by depot")
    sheet.row(742, [(40, "District"), (-200, "Staff"), (-250, "Vacant")])
    sheet.row(738, [(320, "Depot"), (-480, "Vans"), (-540, "Cars")])
    for index in range(5):
        sheet.row(726 - 16 * index, [(40, f"District {'ABCDE'[index]}"), (-200, str(3 + index)), (-250, str(index))])
        sheet.row(720 - 16 * index, [(320, f"Depot {'VWXYZ'[index]}"), (-480, str(10 + index)), (-540, str(2 * index))])
    found = tables_on_page(geometry(sheet.save()))
    assert sorted((table.above[-1], table.grid()[0]) for table in found) == [
        ("Table 1. Offices by district", ["District", "Staff", "Vacant"]),
        ("Table 2. Vehicles by depot", ["Depot", "Vans", "Cars"])]


def _beside_at_own_heights(sheet: Sheet, districts: int) -> Sheet:
    """Districts (left, `districts` rows from 'District A') and four depots (right) side by side, each table's
    rows at heights of their own, half a row apart."""
    sheet.row(742, [(40, "District"), (-200, "Staff"), (-250, "Vacant")])
    sheet.row(738, [(320, "Depot"), (-480, "Vans"), (-540, "Cars")])
    for index in range(4):
        sheet.row(728 - 16 * index, [(320, f"Depot {'VWXY'[index]}"), (-480, str(10 + index)), (-540, str(index))])
    for index in range(districts):
        sheet.row(721 - 16 * index, [(40, f"District {'ABCDEF'[index]}"), (-200, str(3 + index)),
                                     (-250, str(index))])
    return sheet


def test_a_note_under_the_table_beside_does_not_end_a_longer_table(tmp_path: Path) -> None:
    """Two tables side by side, the right one shorter: its note, a line of prose, is printed between two rows of
    the left one (the lines of the two interleave down the page). The left table keeps its rows under the note."""
    sheet = _beside_at_own_heights(Sheet(tmp_path / "beside-note.pdf"), districts=6)
    sheet.text(320, 666, "Depots closed during the year are not shown in this table of the fleet.", size=8)
    sheet.text(40, 620, "Districts merged in the year are counted once.", size=8)
    found = sorted(tables_on_page(geometry(sheet.save())), key=lambda table: table.bbox[0])
    assert [len(table.grid()) for table in found] == [7, 5]
    assert found[0].grid()[-1] == ["District F", "8", "5"]


def test_a_last_row_sharing_its_baseline_with_the_note_beside_stays_in_its_table(tmp_path: Path) -> None:
    """The right table's note wraps onto a line that shares its baseline with the left table's last row: the row
    (its name and counts, all left of the gutter) is still the left table's; the note's words are no cell of it."""
    sheet = _beside_at_own_heights(Sheet(tmp_path / "beside-baseline.pdf"), districts=5)
    sheet.text(320, 650, "Depots closed during the year are not shown in this table of the whole", size=8)
    sheet.text(320, 641, "fleet.", size=8)
    sheet.row(641, [(40, "District F"), (-200, "8"), (-250, "5")])
    found = sorted(tables_on_page(geometry(sheet.save())), key=lambda table: table.bbox[0])
    assert found[0].grid()[-1] == ["District F", "8", "5"] and len(found[0].grid()) == 7


def test_headers_run_together_into_a_phrase_of_prose_length_still_head_their_columns(tmp_path: Path) -> None:
    """'Calendar year' flush left over the years, then six town names each flush right over its counts, a few
    points apart (one phrase of nine words): the header line, parted at its widest gap after the stub's
    header, not a line of prose set over the table."""
    sheet = Sheet(tmp_path / "run-together.pdf")
    heads = ["Chester", "Ellington", "Killingworth", "South Windsor", "Colchester", "Connecticut"]
    sheet.text(72, 714, "Calendar year")
    x, rights = 72 + sheet.width("Calendar year") + 4, []
    for head in heads:
        x += sheet.width(head)
        rights.append(x)
        x += 4
    sheet.row(714, [(-right, head) for right, head in zip(rights, heads, strict=True)])
    for index, year in enumerate(["2009", "2010", "2011", "2012"]):
        sheet.row(700 - 14 * index, [(72, year)] + [(-right, str((index + 1) * (column + 2)))
                                                      for column, right in enumerate(rights)])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["Calendar year", *heads] and found.header_rows == 1


def test_a_header_wrapped_over_more_than_four_lines_is_all_its_columns(tmp_path: Path) -> None:
    """A count column's header wrapped over seven short lines, each centred on the one under it, over 'Arrests':
    every line is the column's header, none left over the table as a caption of its own (a part continued
    overleaf under the same header would otherwise carry a caption and start a table anew)."""
    sheet = Sheet(tmp_path / "tall.pdf")
    stack = ["Promoting", "prostitution", "in the third", "degree", "(C.G.S.", "SEC.", "53a-88)"]
    middle = 260.0
    for index, text in enumerate(stack):
        sheet.text(middle - sheet.width(text) / 2, 760 - 12 * index, text)
    sheet.text(72, 676, "Town").text(160, 676, "Year").right(middle + sheet.width("Arrests") / 2, 676, "Arrests")
    for index, (town, count) in enumerate([("Avon", "12"), ("Bristol", "7"), ("Canton", "3"), ("Derby", "9")]):
        y = 660 - 14 * index
        sheet.text(72, y, town).text(160, y, "2015").right(middle + sheet.width("Arrests") / 2, y, count)
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.above == ()
    header = " ".join(cell.text for cell in sorted(found.cells, key=lambda cell: cell.row)
                      if cell.row < found.header_rows and cell.col <= 2 < cell.col + cell.col_span)
    assert header == " ".join([*stack, "Arrests"])
