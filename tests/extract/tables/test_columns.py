"""The columns phase alone: where a table's columns part, from its lines (words phase) and drawn verticals (rules
phase). Rivers of white space run down the lines between columns; a few lines may cross one, most may not."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.tables.columns import Cut, separators
from pipeline.extract.tables.parting import aligned_parts
from pipeline.extract.tables.reader import tables_on_page
from pipeline.extract.tables.rules import Rule, join_rules
from pipeline.extract.tables.settings import DEFAULT
from pipeline.extract.tables.words import TextLine
from tests.extract.tables.drawing import Sheet, geometry, lines, run_together, table, tight_counts

COUNTS = [("Avon", "12", "7", "19"), ("Bristol", "1,204", "88", "1,292"), ("Canton", "3", "–", "3"),
          ("Danbury", "40", "2", "42")]
TOWNS = ["Avon", "Bristol", "Canton", "Danbury", "Enfield", "Farmington", "Glastonbury", "Hamden", "Killingly"]


def _read(path: Path) -> tuple[list[TextLine], list[Rule]]:
    page = geometry(path)
    _, verticals = join_rules(page.rules, 2.9, 9.4)
    return lines(path), verticals


def _cuts(path: Path) -> list[Cut]:
    found, verticals = _read(path)
    return separators(found, verticals, DEFAULT)


def _words_table(sheet: Sheet, top: float = 700) -> None:
    """Nine rows of three text columns (no values): the rivers are drawn by every line."""
    for index, town in enumerate(TOWNS):
        y = top - 14 * index
        sheet.text(72, y, town).text(160, y, ("north", "south", "east")[index % 3])
        sheet.text(230, y, ("open", "closed")[index % 2])


def test_rivers_of_white_space_part_the_columns(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "counts.pdf")
    table(sheet, 700, COUNTS, (72, 250, 320, 390))
    found, verticals = _read(sheet.save())
    cuts = separators(found, verticals, DEFAULT)
    assert len(cuts) == 3
    columns = [[line.phrases[index] for line in found] for index in range(4)]
    for cut, left, right in zip(cuts, columns, columns[1:], strict=False):
        # each river runs from the widest text on its left to the earliest on its right; the cut lies in it
        assert cut.lo == pytest.approx(max(p.x1 for p in left), abs=0.01)
        assert cut.hi == pytest.approx(min(p.x0 for p in right), abs=0.01)
        assert cut.lo < cut < cut.hi


def test_a_group_header_crossing_a_river_does_not_fill_it(tmp_path: Path) -> None:
    """One line across a river of ten lines is a header over several columns: the river stays."""
    sheet = Sheet(tmp_path / "group.pdf")
    sheet.text(100, 714, "Region and status of the office")  # from inside the first column across both rivers
    _words_table(sheet)
    cuts = _cuts(sheet.save())
    assert len(cuts) == 2
    assert 122 < cuts[0] < 160 and 184 < cuts[1] < 230


def test_lines_crossing_a_river_more_often_than_allowed_fill_it(tmp_path: Path) -> None:
    """Two such lines of eleven are more than `river_crossings` (12%) allows: the text is one column there."""
    sheet = Sheet(tmp_path / "crossed.pdf")
    sheet.text(100, 728, "Region and status of the office").text(100, 714, "Region and status of the office")
    _words_table(sheet)
    assert _cuts(sheet.save()) == []


def test_value_lines_alone_draw_the_rivers(tmp_path: Path) -> None:
    """Three header lines cross every river, but four lines print values: those alone say where columns part.
    The same layout with words in the body loses the rivers the header lines cross (the labels' first of all)."""
    def draw(path: Path, body: list[tuple[str, ...]]) -> list[Cut]:
        sheet = Sheet(path)
        sheet.text(72, 742, "Persons arrested for the offense").text(230, 742, "in the year")
        sheet.text(150, 728, "Adults and juveniles, all ages")
        sheet.text(120, 714, "Counts by sex and by the town")
        table(sheet, 700, body, (72, 250, 320, 390))
        return _cuts(sheet.save())

    valued = draw(tmp_path / "values.pdf", COUNTS)
    worded = draw(tmp_path / "words.pdf", [(town, "ab", "cd", "ef") for town, *_ in COUNTS])
    assert len(valued) == 3 and 109 < valued[0] < 225 and 250 < valued[1] < 309 and 320 < valued[2] < 365
    assert len(worded) < 3 and not any(109 < cut < 225 for cut in worded)


def test_a_ruled_tables_vertical_rules_are_its_columns(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "ruled.pdf")
    for index, (town, arrests, convictions) in enumerate([("Town", "Arrests", "Convictions"), ("Avon", "12", "7"),
                                                          ("Bristol", "1,204", "88"), ("Canton", "3", "–")]):
        y = 700 - 16 * index
        sheet.text(76, y, town).text(184, y, arrests).text(264, y, convictions)  # set flush left in each cell
    sheet.grid((70, 180, 260, 340), (714, 698, 682, 666, 650))
    cuts = _cuts(sheet.save())
    assert cuts == [180, 260]  # the rules themselves, not the middles of the white space beside them
    assert all(cut.lo == cut.hi == cut for cut in cuts)


def test_a_rule_a_name_runs_a_little_over_still_parts_the_columns(tmp_path: Path) -> None:
    """A total's long name overflowing its ruled cell by a few points (less than an em) over the rule: text
    overflowing its cell, not a word the rule was struck through; the rules stay the columns."""
    sheet = Sheet(tmp_path / "overflow.pdf")
    name = "Total, all jurisdictions"
    rows = [("Town", "Arrests", "Convictions"), ("Avon", "12", "7"), ("Bristol", "1,204", "88"), (name, "1,216", "95")]
    for index, (town, arrests, convictions) in enumerate(rows):
        y = 700 - 16 * index
        sheet.text(184 - sheet.width(name) if town == name else 76, y, town).text(194, y, arrests)
        sheet.text(264, y, convictions)
    sheet.grid((70, 180, 260, 340), (714, 698, 682, 666, 650))
    assert _cuts(sheet.save()) == [180, 260]


def test_white_space_parts_columns_a_rule_groups(tmp_path: Path) -> None:
    """One ruled cell holding two columns of counts: its rule parts the label, a river parts the counts."""
    sheet = Sheet(tmp_path / "grouped.pdf")
    table(sheet, 700, COUNTS[:3], (76, 240, 330))
    sheet.grid((70, 180, 340), (714, 698, 682, 666))
    cuts = _cuts(sheet.save())
    assert len(cuts) == 2 and cuts[0] == 180 and 240 < cuts[1] < 330 - sheet.width("88")


def test_a_rule_through_words_is_no_column(tmp_path: Path) -> None:
    """A vertical line struck through the labels (a drawing, a margin mark) cuts words: columns part at rivers."""
    sheet = Sheet(tmp_path / "struck.pdf")
    table(sheet, 700, [("Hartford", "12", "7"), ("New Haven", "1,204", "88"), ("Bridgeport", "3", "9"),
                       ("Stamford", "4", "5")], (72, 250, 320))
    sheet.line(90, 710, 90, 650)
    found, verticals = _read(sheet.save())
    assert [round(rule.at) for rule in verticals] == [90]  # the rule is there ...
    cuts = separators(found, verticals, DEFAULT)
    assert len(cuts) == 2 and all(abs(cut - 90) > 20 for cut in cuts)  # ... and parts nothing


def test_a_rule_reaching_only_one_line_is_no_column(tmp_path: Path) -> None:
    """A short vertical beside one line (a change bar) runs down fewer than `min_rows` lines: it parts nothing."""
    sheet = Sheet(tmp_path / "bar.pdf")
    table(sheet, 700, COUNTS, (72, 250, 320, 390))
    sheet.line(200, 698, 200, 708)
    cuts = _cuts(sheet.save())
    assert len(cuts) == 3 and all(abs(cut - 200) > 1 for cut in cuts)


def test_prose_lines_draw_no_rivers(tmp_path: Path) -> None:
    """A phrase of `prose_words` words or more is running text, not a cell: it neither draws nor fills rivers."""
    sheet = Sheet(tmp_path / "prose.pdf")
    sheet.text(72, 700, "This sentence runs on for well over nine words and across the page")
    assert _cuts(sheet.save()) == []


def test_years_repeated_under_group_headers_are_a_header_not_a_line_of_values(tmp_path: Path) -> None:
    """'2005 2006 2005 2006' never draws the rivers: the values under it do, so a '% change' set a word space
    after the last year still parts from it."""
    sheet = Sheet(tmp_path / "repeated-years.pdf")
    sheet.row(740, [(72, "Town"), (-160, "2005"), (-200, "2006"), (-240, "2005"), (-280, "2006")])
    sheet.text(284, 740, "% change")
    for y, cells in ((726, ("Avon", "4", "4", "2", "0", "+0.0%")), (712, ("Bristol", "0", "3", "0", "0", "n/a"))):
        name, *values, change = cells
        sheet.row(y, [(72, name)] + [(-x, v) for x, v in zip((160, 200, 240, 280), values, strict=True)])
        sheet.right(330, y, change)
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0][-2:] == ["2006", "% change"]
    assert found.grid()[1][-2:] == ["0", "+0.0%"]


def test_a_column_blank_all_the_way_down_keeps_its_header(tmp_path: Path) -> None:
    """'2005' heads no value at all: its header, clear of both banks of the river it sits in, is a column."""
    sheet = Sheet(tmp_path / "blank-column.pdf")
    sheet.row(740, [(72, "Town"), (-190, "2005"), (-240, "2006"), (-290, "2007")])
    sheet.row(726, [(72, "Avon"), (-240, "2"), (-290, "2")])
    sheet.row(712, [(72, "Bristol"), (-240, "4"), (-290, "1")])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid() == [["Town", "2005", "2006", "2007"], ["Avon", "", "2", "2"], ["Bristol", "", "4", "1"]]


def test_a_number_inside_a_header_phrase_is_no_value_line(tmp_path: Path) -> None:
    """'Rate per 100,000' prints a number as a word of its header: the header line is no line of values, so the
    group header over it, set in the white space between two columns, heads no blank column of its own."""
    sheet = Sheet(tmp_path / "rate-header.pdf")
    sheet.text(254, 754, "Both")  # over 'Held' and 'Freed', in the gap between their values
    sheet.row(740, [(72, "Place"), (220, "Held"), (280, "Freed"), (340, "Rate per 100,000")])
    for y, cells in ((726, ("Avon", "385", "93", "74.5")), (712, ("Bristol", "1,399", "37", "76.3")),
                     (698, ("Canton", "25", "7", "92.5"))):
        sheet.row(y, [(72, cells[0]), (-240, cells[1]), (-305, cells[2]), (-380, cells[3])])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.cols == 4
    assert found.grid()[-1] == ["Canton", "25", "7", "92.5"]
    assert [row[2] for row in found.grid()][-3:] == ["93", "37", "7"]
    assert found.grid()[found.header_rows - 1][3] == "Rate per 100,000"


def test_a_header_line_of_words_ending_in_a_wrapped_number_is_no_line_of_values(tmp_path: Path) -> None:
    """'Town Held Freed 100,000' (the last line of 'Rate per 100,000'): words head more columns than numbers fill,
    so it is no line of values; and the white space a wider rate ('144.3', centred like the others) and that
    '100,000' reach out into, past the last values, is a margin, not a column."""
    sheet = Sheet(tmp_path / "wrapped-rate.pdf")
    sheet.text(380 - sheet.width("Rate per") / 2, 754, "Rate per")
    sheet.row(740, [(72, "Town"), (-250, "Held"), (-320, "Freed"), (380 - sheet.width("100,000") / 2, "100,000")])
    for number in range(24):  # enough lines that a river may be crossed by two
        rate = "144.3" if number == 4 else "12.2"
        sheet.row(726 - 14 * number, [(72, f"Place {chr(65 + number)}"), (-250, str(number)), (-320, "1"),
                                      (380 - sheet.width(rate) / 2, rate)])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.cols == 4
    assert found.grid()[-1] == ["Place X", "23", "1", "12.2"]


def test_two_lines_of_values_under_a_tall_header_draw_the_rivers(tmp_path: Path) -> None:
    """Headers wrapped over five lines, run together in pairs ('Held Freed' in one phrase), over two rows of
    values: the values' rivers part the columns, however many header lines cross them."""
    sheet = Sheet(tmp_path / "tall-header.pdf")
    for number, text in enumerate(["Sec. 12 Sec. 12", "receiving receiving", "stolen stolen", "goods goods"]):
        sheet.text(190, 770 - 12 * number, text)
    sheet.row(722, [(72, "Office"), (150, "Year"), (190, "Held Freed")])
    sheet.row(708, [(72, "Avon"), (150, "2015"), (-205, "6"), (-260, "3")])
    sheet.row(694, [(72, "Bristol"), (150, "2016"), (-205, "1"), (-260, "0")])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.cols == 4
    assert found.grid()[-2:] == [["Avon", "2015", "6", "3"], ["Bristol", "2016", "1", "0"]]


@pytest.mark.parametrize(("aligns", "parted"), [
    (["centre"] * 3, True), (["right"] * 3, True), (["left"] * 3, True),
    (["centre", "right", "centre"], False), (["left", "centre", "left"], False)])
def test_a_phrase_parts_into_headers_only_where_every_part_lines_up_the_same_way(
        tmp_path: Path, aligns: list[str], parted: bool) -> None:
    """Headers run together in tight columns are set alike (all centred on their counts, or all flush one side);
    parts lined up in different ways are a chance, not a parting."""
    sheet = Sheet(tmp_path / "run.pdf")
    sheet.text(72, 714, "Office")
    words = ["Cases still held", "on remand", "by the court"]
    spans = run_together(sheet, 190, 714, words)
    tight_counts(sheet, 700, spans, aligns)
    found = lines(sheet.save())
    counts = [line for line in found if line.baseline > found[0].baseline]
    phrase = found[0].phrases[1]
    assert phrase.text == " ".join(words)  # one phrase: a space between the headers
    edges = (min(line.x0 for line in counts), max(line.x1 for line in counts))
    parts = aligned_parts(phrase, separators(counts, [], DEFAULT), edges, DEFAULT)
    assert ([" ".join(word.text for word in part) for part, _, _ in parts] if parts else None) == (
        words if parted else None)


def test_one_line_of_several_values_under_a_tall_header_draws_the_rivers(tmp_path: Path) -> None:
    """A summary of one row under headers wrapped over four lines, the last run together ('degree Held') and a
    year centred over both counts: the one line of values parts the columns all the same."""
    sheet = Sheet(tmp_path / "one-row.pdf")
    sheet.text(190 - sheet.width("2018") / 2, 770, "2018")
    for number, text in enumerate(["Receiving", "stolen goods", "in the third"]):
        sheet.right(177, 758 - 12 * number, text)
    sheet.row(722, [(72, "Offense"), (-177, "degree"), (190, "Held over")])
    sheet.row(708, [(72, "Charged"), (-177, "2,056"), (-235, "1,082")])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.cols == 3
    assert found.grid()[-2:] == [["Offense", "Receiving stolen goods in the third degree", "Held over"],
                                 ["Charged", "2,056", "1,082"]]


def test_a_blank_column_keeps_its_header_under_rows_blank_before_the_first_values(tmp_path: Path) -> None:
    """'Held' over a column blank all down, the first rows blank too ('Avon  2015'): the line over the first values
    is a row, so the header line is looked for above the blank rows, and 'Held' still heads a column of its own."""
    sheet = Sheet(tmp_path / "blank-first.pdf")
    sheet.row(742, [(72, "Office"), (150, "Year"), (200, "Held"), (-330, "Freed")])
    sheet.row(728, [(72, "Avon"), (150, "2015")]).row(714, [(72, "Bristol"), (150, "2015")])
    sheet.row(700, [(72, "Canton"), (150, "2015"), (-330, "4")]).row(686, [(72, "Danbury"), (150, "2015"), (-330, "9")])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["Office", "Year", "Held", "Freed"]
    assert found.grid()[-1] == ["Danbury", "2015", "", "9"]


def test_a_header_reaching_the_next_columns_header_spans_both(tmp_path: Path) -> None:
    """'Convictions' over two statute columns whose headers ('53a-82', '53a-83') are wider than their counts and
    set flush right with them: it ends a point inside the second header, so it heads both, though it reaches
    only a little way into the white space the one-digit counts leave."""
    sheet = Sheet(tmp_path / "reach.pdf")
    second = 250 - sheet.width("53a-83")  # where the second column's text starts
    sheet.text(second + 1 - sheet.width("Convictions"), 756, "Convictions")
    sheet.row(742, [(72, "Town"), (-190, "53a-82"), (-250, "53a-83")])
    for index, town in enumerate(["Avon", "Bristol", "Canton"]):
        sheet.row(728 - 14 * index, [(72, town), (-190, str(index + 1)), (-250, str(index))])
    (found,) = tables_on_page(geometry(sheet.save()))
    (convictions,) = [cell for cell in found.cells if cell.text == "Convictions"]
    assert (convictions.col, convictions.col_span) == (1, 2)
    assert found.grid()[1:3] == [["Town", "53a-82", "53a-83"], ["Avon", "1", "0"]]


def test_a_phrase_over_two_columns_is_not_cut_where_its_right_part_would_start_short_of_its_column(
        tmp_path: Path) -> None:
    """'Sec. 53a-83' centred over 'Arrests' and 'Convictions' (headers flush right with their counts): its word
    gap falls in the white space between the columns, but '53a-83' would start well left of the second column's
    text and 'Sec.' is not set flush with the first's: one header over both, not two cut at a space."""
    sheet = Sheet(tmp_path / "one-phrase.pdf")
    sheet.text(255 - sheet.width("Sec. 53a-83") / 2, 750, "Sec. 53a-83")
    sheet.row(736, [(72, "Town"), (-250, "Arrests"), (-320, "Convictions")])
    sheet.row(722, [(72, "Avon"), (-250, "12"), (-320, "4")]).row(708, [(72, "Bristol"), (-250, "3"), (-320, "1")])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert [(cell.col, cell.col_span, cell.text) for cell in found.cells if cell.row == 0] == [(1, 2, "Sec. 53a-83")]


def test_headers_run_together_over_centred_stacks_part_where_the_stacks_start(tmp_path: Path) -> None:
    """Two header stacks centred over their columns, wider than the years set flush right with the counts under
    them, and 'Convictions Arrests' run together over both: it parts at its word gap, where the second stack's
    text starts (left of the second year), not kept whole as a phrase starting short of its column."""
    sheet = Sheet(tmp_path / "stacks.pdf")
    size = 10.6
    second = 277 + sheet.width("53A-82,", size) / 2
    for middle, stack in ((236.0, ["", "C.G.S. SEC.", "53A-82,"]), (second, ["C.G.S.", "SEC.", "53A-82,"])):
        for y, text in zip((768, 756, 744), stack, strict=True):
            if text:
                sheet.text(middle - sheet.width(text, size) / 2, y, text, size)
    sheet.right(269, 732, "Convictions", size).text(276.9, 732, "Arrests", size)  # one phrase
    sheet.row(718, [(72, "Town"), (-271, "2006"), (-321, "2006")], size)
    for index, town in enumerate(["Avon", "Bristol", "Canton"]):
        sheet.row(704 - 14 * index, [(72, town), (-271, str(index + 4)), (-321, str(index + 7))], size)
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["", "C.G.S. SEC. 53A-82, Convictions", "C.G.S. SEC. 53A-82, Arrests"]


def test_a_header_typed_in_a_wide_spaced_face_ending_in_a_number_is_one_header(tmp_path: Path) -> None:
    """'Rate per 100,000' typed in a typewriter face (a space 0.6 em wide) over rates set flush right with it:
    its number is the header's words, not a value set apart, so it draws no river inside the header and the
    column is one."""
    sheet = Sheet(tmp_path / "rate.pdf")
    sheet.row(742, [(72, "Town"), (-200, "Rank")], font="Courier")
    sheet.right(330, 742, "Rate per 100,000", font="Courier")
    for index, (town, rate) in enumerate([("Avon", "121.4"), ("Bristol", "12.9"), ("Canton", "92.5")]):
        sheet.row(728 - 14 * index, [(72, town), (-200, str(index + 1)), (-330, rate)], font="Courier")
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid() == [["Town", "Rank", "Rate per 100,000"], ["Avon", "1", "121.4"], ["Bristol", "2", "12.9"],
                            ["Canton", "3", "92.5"]]


@pytest.mark.parametrize("counts", [False, True])
def test_headers_run_together_past_the_last_columns_text_head_a_blank_column(tmp_path: Path, counts: bool) -> None:
    """'Year Held' (or 'Year Detained Held', 'Detained' centred over its counts) run together over the years,
    'Held' set wholly right of every line below after a word lined up with the last column's text: 'Held' heads
    a column left blank all the way down, right of the others, not a word of the years' header."""
    sheet = Sheet(tmp_path / f"trailing-{counts}.pdf")
    words = ["Year", "Detained", "Held"] if counts else ["Year", "Held"]
    spans = run_together(sheet, 150, 742, words)
    sheet.text(72, 742, "Office")
    for index, town in enumerate(["Avon", "Bristol", "Canton"]):
        sheet.text(72, 728 - 14 * index, town).right(spans[0][1], 728 - 14 * index, "2015")
        if counts:
            middle = (spans[1][0] + spans[1][1]) / 2
            sheet.text(middle - sheet.width(str(index + 1)) / 2, 728 - 14 * index, str(index + 1))
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["Office", *words]
    assert found.grid()[1] == ["Avon", "2015", *(["1"] if counts else []), ""]


def test_a_name_reaching_a_hair_under_the_next_header_still_leaves_the_columns_apart(tmp_path: Path) -> None:
    """A one-row summary, every cell blank, whose long name ends 0.7 pt inside 'Number' over the blank count:
    glyph boxes overlapping by a hair close no river, so the table has its two columns."""
    sheet = Sheet(tmp_path / "hair.pdf")
    name = "Prostitution (53a-82)"
    number_at = 72 + sheet.width(name, 8.3) - 0.7
    sheet.row(742, [(72, "Offense"), (number_at, "Number")], size=8.3)
    sheet.text(72, 733, name, size=8.3).text(82, 724.5, "Convictions", size=8.3)
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.cols == 2 and found.grid()[0] == ["Offense", "Number"]


def test_no_group_of_columns_parted_from_a_phrase_takes_in_the_first_column(tmp_path: Path) -> None:
    """A heading from the names column whose words part, by chance, into two halves each flush left with a
    column's text is no pair of group headers: the first column heads its rows and no group takes it in."""
    sheet = Sheet(tmp_path / "stub.pdf")
    x, starts = 72.0, []
    for word in ["Sec.", "12", "Engaging", "in", "it", "for", "a", "fee"]:
        starts.append(x)
        sheet.text(x, 714, word)
        x += sheet.width(word + " ")
    third = starts[5]  # 'for a fee' starts where the third column's counts do
    for index, name in enumerate(["Avon", "Bristol", "Canton", "Danbury"]):
        y = 700 - 14 * index
        sheet.text(72, y, name).right(third - 25, y, str(index + 1)).text(third, y, "12").right(x + 10, y, "1,234")
    found = lines(sheet.save())
    counts = [line for line in found if line.baseline > found[0].baseline]
    phrase = found[0].phrases[0]
    assert phrase.text == "Sec. 12 Engaging in it for a fee"
    edges = (min(line.x0 for line in counts), max(line.x1 for line in counts))
    assert aligned_parts(phrase, separators(counts, [], DEFAULT), edges, DEFAULT) is None


def test_the_first_columns_ragged_left_edge_is_no_river(tmp_path: Path) -> None:
    """Names set at one x whose first glyphs' side bearings differ by a few hundredths of a point ('Andover',
    'Voluntown'), a note set a little further left at the foot: the margin, no column of white space."""
    sheet = Sheet(tmp_path / "ragged.pdf")
    names = ["Avon", "Bristol", "Canton", "Danbury", "Enfield", "Farmington", "Hamden", "Killingly"] * 3
    for index, name in enumerate(names):
        y = 700 - 14 * index
        nudge = {1: -0.06, 2: -0.03}.get(index, 0.0)
        sheet.text(72 + nudge, y, name).right(250, y, str(index + 3)).right(320, y, str(2 * index))
    sheet.text(69, 700 - 14 * len(names), "Continued on next page")
    cuts = _cuts(sheet.save())
    assert len(cuts) == 2 and all(cut.lo > 100 for cut in cuts)


def test_headers_centred_over_wide_cells_head_the_counts_set_flush_right_in_them(tmp_path: Path) -> None:
    """'2014' and '2015' centred over wide cells whose counts are set flush right, each header in the white space
    left of its counts: the headers of those counts (they have no other), not columns left blank."""
    sheet = Sheet(tmp_path / "wide.pdf")
    sheet.row(714, [(72, "Town"), (160, "2014"), (290, "2015")])
    for index, name in enumerate(["Avon", "Bristol", "Canton", "Danbury"]):
        sheet.row(700 - 14 * index, [(72, name), (-240, str(index + 1)), (-370, str(3 * index))])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[:2] == [["Town", "2014", "2015"], ["Avon", "1", "0"]]


def _spaced(sheet: Sheet, x: float, y: float, words: list[str], gap: float) -> list[tuple[float, float]]:
    """Headers set `gap` points apart (wider than a plain space, as tight columns part them): one phrase."""
    spans = []
    for word in words:
        sheet.text(x, y, word)
        spans.append((x, x + sheet.width(word)))
        x = spans[-1][1] + gap
    return spans


def test_a_blank_columns_header_run_into_the_next_ones_heads_a_column_of_its_own(tmp_path: Path) -> None:
    """'Rank  Detained  Released  100,000' run together a tight column's gap apart (half an em, more than a plain
    space), 'Rate per' wrapped over '100,000', group headers over each count: 'Rank' lies in the white space
    left of the counts under 'Detained' (their header lines up with them) and heads a column left blank, not a
    word of theirs; and the header line ending in '100,000' is no row of values."""
    sheet = Sheet(tmp_path / "rank.pdf")
    spans = _spaced(sheet, 150, 742, ["Rank", "Detained", "Released", "100,000"], 5)
    sheet.text(72, 742, "Office")
    for (_, x1), group in zip(spans[1:], ["Adults", "Minors", "per"], strict=True):
        sheet.right(x1, 752, group)
    sheet.right(spans[3][1], 762, "Rate")
    for index, (name, counts) in enumerate([("Statewide", ("87", "35", "147.4")), ("Elsewhere", ("9", "4", "2.5"))]):
        y = 728 - 14 * index
        sheet.text(72, y, name)
        for (_, x1), count in zip(spans[1:], counts, strict=True):
            sheet.right(x1, y, count)
    (found,) = tables_on_page(geometry(sheet.save()))
    header = [" ".join(cell for cell in column if cell) for column in zip(*found.grid()[:-2], strict=True)]
    assert header == ["Office", "Rank", "Adults Detained", "Minors Released", "Rate per 100,000"]
    assert found.grid()[-2:] == [["Statewide", "", "87", "35", "147.4"], ["Elsewhere", "", "9", "4", "2.5"]]


def test_headers_of_several_blank_columns_run_together_head_a_column_each(tmp_path: Path) -> None:
    """'Arrests Convictions' three times run together over six columns a little more than a space apart (no
    space printed), a year centred over each pair, counts under two of the 'Arrests' alone: each header heads a
    column of its own, the four blank all the way down among them, not one cell of two headers."""
    sheet = Sheet(tmp_path / "blanks.pdf")
    words = ["Arrests", "Convictions"] * 3
    spans = _spaced(sheet, 63, 700, words, 4.0)
    sheet.text(18, 700, "Town")
    for year, (left, right) in zip(["2005", "2006", "2007"], zip(spans[::2], spans[1::2], strict=True), strict=True):
        sheet.text((left[0] + right[1] - sheet.width(year)) / 2, 714, year)
    for index, (town, counts) in enumerate([("Andover", ("2", "2")), ("Ansonia", ("4", "1")),
                                            ("Bethany", ("7", "3"))]):
        y = 686 - 14 * index
        sheet.text(18, y, town).right(spans[2][1], y, counts[0]).right(spans[4][1], y, counts[1])
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[1] == ["Town", *words]
    assert found.grid()[2] == ["Andover", "", "", "2", "", "2", ""]


def test_a_wide_header_spaced_as_its_line_spaces_words_is_one_column_not_blank_ones(tmp_path: Path) -> None:
    """'§53a-83 53a-87 C.G.S. § 53a-88' run together, headers 7 points apart, the words of the last 5 apart (its
    font's wide space, none printed), counts flush right under each header's end: 'C.G.S. §' stands in the white
    space left of the last counts, yet spaced closer than the line sets its headers apart: one header, no
    blank columns."""
    sheet = Sheet(tmp_path / "spaced.pdf")
    x, ends = 115.0, []
    for words in (["§53a-83"], ["53a-87"], ["C.G.S.", "§", "53a-88"]):
        for index, word in enumerate(words):
            sheet.text(x, 700, word)
            x += sheet.width(word) + (5.0 if index + 1 < len(words) else 7.0)
        ends.append(x - 7.0)
    sheet.text(40, 700, "Municipality")
    for row, town in enumerate(["Avon", "Berlin", "Canton", "Derby"]):
        y = 686 - 14 * row
        sheet.text(40, y, town)
        for column, end in enumerate(ends):
            sheet.right(end, y, str((row + column) % 4))
    (found,) = tables_on_page(geometry(sheet.save()))
    assert found.grid()[0] == ["Municipality", "§53a-83", "53a-87", "C.G.S. § 53a-88"]
