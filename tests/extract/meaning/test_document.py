"""TIPC meaning on the general reader's grids (`pipeline/extract/meaning`): generated reports read exactly, every
table read or refused on its own, and `ctip extract` naming every refused table."""

from pathlib import Path

import pandas as pd
import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from pipeline.cli import main
from pipeline.extract.meaning import extract_tipc, read_tipc
from pipeline.extract.tidy import ExtractionError, SourceRef
from pipeline.synthetic.tipc_report import ReportSpec, default_tables, write_report, write_table_file

ROLES = {"53a-82": "seller", "53a-83": "buyer"}
KEY = ["page", "jurisdiction", "period_start", "period_end", "statute", "measure", "count", "printed_total"]


def _source(path: Path) -> SourceRef:
    return SourceRef(path.stem, "0" * 64, 2005, True, path.name)


def _keys(frame: pd.DataFrame) -> list[tuple]:
    renamed = frame.rename(columns={"offense": "statute"})
    return sorted(tuple(None if pd.isna(value) else value for value in row)
                  for row in renamed[KEY].itertuples(index=False))


def _truth_keys(truth: list[dict], key: list[str] = KEY) -> list[tuple]:
    return sorted(tuple(row[column] for column in key) for row in truth)


def test_a_generated_report_reads_exactly_cell_for_cell(tmp_path, towns):
    path = tmp_path / "tipc_2015.pdf"
    truth = write_report(path, None, towns, ReportSpec(n_towns=40, tables=default_tables()))
    frame = extract_tipc(path, _source(path), towns, ROLES)
    assert _keys(frame) == _truth_keys(truth)
    assert frame.meaning_source.str.contains("statute: ").all()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_same_tables_as_csv_and_xlsx_read_exactly(tmp_path, towns, suffix):
    path = tmp_path / f"tables{suffix}"
    truth = write_table_file(path, towns, ReportSpec(n_towns=12, tables=default_tables()))
    frame = extract_tipc(path, _source(path), towns, ROLES)
    key = [column for column in KEY if column != "page"]
    assert _keys(frame.assign(page=None)) == sorted((None, *row) for row in _truth_keys(truth, key))


def _arrests_by_town(pdf: canvas.Canvas, title: str) -> None:
    """`title` at the top of the page over three towns' counts of 2015 (Hartford 12, Bristol 3, Norwalk 7)."""
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, 720, title)
    pdf.setFont("Helvetica", 10)
    for number, (name, count) in enumerate([("Town", "2015"), ("Hartford", "12"), ("Bristol", "3"),
                                            ("Norwalk", "7")]):
        pdf.drawString(72, 696 - 14 * number, name)
        pdf.drawRightString(260, 696 - 14 * number, count)


def _two_tables(path: Path) -> None:
    """Page 1: a readable table, then one whose column says no statute, measure or year anywhere."""
    pdf = canvas.Canvas(str(path), pagesize=letter)
    _arrests_by_town(pdf, "Table 1. Arrests under CGS 53a-82, 2015")
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, 560, "Table 2. Other figures by town")
    pdf.setFont("Helvetica", 10)
    for number, (name, count) in enumerate([("Town", "Figure"), ("Hartford", "5"), ("Bristol", "9")]):
        pdf.drawString(72, 536 - 14 * number, name)
        pdf.drawRightString(260, 536 - 14 * number, count)
    pdf.showPage()
    pdf.save()


def test_one_unreadable_table_is_refused_and_the_others_still_read(tmp_path, towns):
    path = tmp_path / "two.pdf"
    _two_tables(path)
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert sorted(zip(frame.jurisdiction, frame["count"], strict=True)) == [("Bristol", 3), ("Hartford", 12),
                                                                            ("Norwalk", 7)]
    assert set(frame.offense) == {"53a-82"} and set(frame.period_start) == {2015}
    assert [refusal.where for refusal in refusals] == ["two.pdf, page 1, table 2"]
    assert "column 'Figure' says no statute or measure or year" in refusals[0].reason
    with pytest.raises(ExtractionError, match=r"two\.pdf, page 1, table 2: column 'Figure' says no"):
        extract_tipc(path, _source(path), towns, ROLES)


def test_ctip_extract_keep_readable_writes_the_readable_rows_and_names_each_refused_table(tmp_path, capsys):
    path = tmp_path / "two.pdf"
    _two_tables(path)
    out = tmp_path / "two.csv"
    assert main(["extract", str(path), "-o", str(out)]) == 2
    assert not out.exists()
    assert "two.pdf, page 1, table 2: column 'Figure'" in capsys.readouterr().err
    assert main(["extract", str(path), "-o", str(out), "--keep-readable"]) == 1
    assert len(pd.read_csv(out)) == 3
    refusals = pd.read_csv(tmp_path / "two.refusals.csv")
    assert refusals.table.tolist() == ["two.pdf, page 1, table 2"]
    capsys.readouterr()
    assert main(["extract", str(path), "--keep-readable"]) == 2  # the refusals go beside OUT.csv: -o is needed
    assert "--keep-readable needs -o OUT.csv" in capsys.readouterr().err


def _sheet(path: Path):
    from tests.extract.tables.drawing import Sheet

    return Sheet(path)


def _read(sheet, towns):
    """The drawn report saved and read: its rows and its refused tables."""
    path = sheet.save()
    return read_tipc(path, _source(path), towns, ROLES)


def _extract(sheet, towns) -> pd.DataFrame:
    """The drawn report saved and extracted (any refused table refuses it)."""
    path = sheet.save()
    return extract_tipc(path, _source(path), towns, ROLES)


@pytest.mark.parametrize("count_at", [250, 330])
def test_a_row_carried_alone_overleaf_is_read_in_its_columns_or_refuses_its_page(tmp_path, towns, count_at):
    """A table's last row carried alone to the next page, name and count, forms no table of its own. Printed in
    the table's columns it is the table's row, read with its page; its count set elsewhere (no column of the
    table there), the page is refused naming the line, never read without it."""
    sheet = _sheet(tmp_path / "carried.pdf")
    sheet.text(72, 760, "Table 1. Arrests under CGS 53a-82, 2015")
    sheet.row(740, [(72, "Town"), (-250, "2015")])
    for number, (name, count) in enumerate([("Hartford", "12"), ("Bristol", "3")]):
        sheet.row(726 - 14 * number, [(72, name), (-250, count)])
    sheet.page()
    sheet.row(760, [(72, "Norwalk"), (-count_at, "7")])
    frame, refusals = _read(sheet, towns)
    if count_at == 250:
        assert refusals == []
        assert sorted(zip(frame.page, frame.jurisdiction, frame["count"], strict=True)) == [
            (1, "Bristol", 3), (1, "Hartford", 12), (2, "Norwalk", 7)]
    else:
        assert sorted(frame.jurisdiction) == ["Bristol", "Hartford"]
        assert [(refusal.where, "'Norwalk 7' printed outside every table" in refusal.reason)
                for refusal in refusals] == [("carried.pdf, page 2", True)]


def test_a_row_naming_no_known_place_refuses_its_table_naming_the_row(tmp_path, towns):
    sheet = _sheet(tmp_path / "unknown.pdf")
    sheet.text(72, 760, "Table 1. Arrests under CGS 53a-82, 2015")
    sheet.row(740, [(72, "Town"), (-250, "2015")])
    for number, (name, count) in enumerate([("Hartford", "12"), ("Springfield", "3")]):
        sheet.row(726 - 14 * number, [(72, name), (-250, count)])
    frame, refusals = _read(sheet, towns)
    assert frame.empty
    assert "unknown.pdf, page 1, table 1, row 2: row 'Springfield' names no town" in refusals[0].reason


def test_a_total_header_wrapped_over_three_lines_is_one_header(tmp_path, towns):
    """'Total' / '2014 through' / '2016' over a column beside the years: the multi-year total, not 2016."""
    sheet = _sheet(tmp_path / "wrapped.pdf")
    sheet.text(72, 770, "Table 1. Arrests under CGS 53a-82")
    for y, text in ((752, "Total"), (741, "2014 through"), (730, "2016")):
        sheet.right(330, y, text)
    sheet.row(730, [(72, "Town"), (-190, "2014"), (-230, "2015"), (-270, "2016")])
    sheet.row(716, [(72, "Hartford"), (-190, "1"), (-230, "2"), (-270, "3"), (-330, "6")])
    sheet.row(702, [(72, "Bristol"), (-190, "0"), (-230, "1"), (-270, "1"), (-330, "2")])
    frame = _extract(sheet, towns)
    totals = frame[frame.printed_total]
    assert sorted(zip(totals.jurisdiction, totals.period_start, totals.period_end, totals["count"],
                      strict=True)) == [("Bristol", 2014, 2016, 2), ("Hartford", 2014, 2016, 6)]
    assert len(frame) == 8


def test_a_caption_wrapped_after_through_is_read_whole(tmp_path, towns):
    sheet = _sheet(tmp_path / "caption.pdf")
    sheet.text(72, 770, "Table 3. Statewide summary of CGS 53a-82 charges, 2012 through")
    sheet.text(200, 758, "2015")
    sheet.row(736, [(72, "Offense"), (-330, "Number")])
    sheet.row(722, [(72, "Arrests"), (-330, "41")])
    sheet.row(708, [(72, "Convictions"), (-330, "9")])
    frame = _extract(sheet, towns)
    assert set(zip(frame.period_start, frame.period_end, strict=True)) == {(2012, 2015)}
    assert sorted(zip(frame.measure, frame["count"], strict=True)) == [("arrests", 41), ("convictions", 9)]


def test_a_statute_heads_the_measures_under_it_and_a_blank_one_is_read(tmp_path, towns):
    sheet = _sheet(tmp_path / "summary.pdf")
    sheet.text(72, 770, "Table 1. Statewide summary of charges, 2015.")
    sheet.text(72, 680, "Blank cells indicate zero.")
    sheet.row(750, [(72, "Offense"), (-330, "Number")])
    sheet.text(72, 736, "Patronizing a prostitute (53a-83)")
    sheet.text(84, 722, "Convictions")
    sheet.row(708, [(84, "Arrests"), (-330, "3")])
    frame = _extract(sheet, towns)
    assert sorted(zip(frame.offense, frame.measure, frame["count"], strict=True)) == [
        ("53a-83", "arrests", 3), ("53a-83", "convictions", 0)]


def test_a_count_set_into_the_names_under_a_year_refuses_the_table(tmp_path, towns):
    sheet = _sheet(tmp_path / "run-in.pdf")
    sheet.text(72, 770, "Table 2. Statewide summary of charges")
    sheet.row(750, [(150, "2005"), (-230, "2006"), (-270, "2007")])
    sheet.row(736, [(72, "Arrests, 53a-82 1,770"), (-230, "1,827"), (-270, "1,475")])
    sheet.row(722, [(72, "Convictions, 53a-82 907"), (-230, "811"), (-270, "702")])
    frame, refusals = _read(sheet, towns)
    assert frame.empty and "a count set into its name" in refusals[0].reason


def test_a_caption_naming_a_section_against_a_column_naming_another_by_a_word_is_refused(tmp_path, towns):
    """'53A-87' in the caption and 'prostitution' alone over the column (the rest of the statute's name wrapped
    out of the header): the column must not be read as 53a-82."""
    sheet = _sheet(tmp_path / "section.pdf")
    sheet.text(72, 770, "Exhibit 2. Offenses by town, C.G.S. sec. 53A-87, 2017")
    sheet.text(230, 752, "prostitution")
    sheet.row(738, [(72, "Agency"), (-290, "Arrested")])
    sheet.row(724, [(72, "Hartford"), (-290, "12")])
    sheet.row(710, [(72, "Bristol"), (-290, "1")])
    frame, refusals = _read(sheet, towns)
    assert frame.empty and "but the caption names section 'C.G.S. sec. 53A-87'" in refusals[0].reason


def test_blank_rows_are_read_as_rows_not_headings(tmp_path, towns):
    """'Arrests' blank under the heading '53a-83' is its row; 'Convictions' blank after 'Arrests 10' is that row's
    sibling, not a heading over the '53a-82' that follows."""
    sheet = _sheet(tmp_path / "blanks.pdf")
    sheet.text(72, 770, "Table 1. Statewide summary of charges")
    sheet.row(750, [(72, "Offense"), (-250, "2015")])
    rows = [(72, "53a-83", ""), (84, "Arrests", ""), (84, "Convictions", "3"), (72, "53a-82", ""),
            (84, "Arrests", "10"), (84, "Convictions", ""), (72, "53a-86", ""), (84, "Arrests", "1")]
    for number, (x, name, count) in enumerate(rows):
        sheet.row(736 - 14 * number, [(x, name)] + ([(-250, count)] if count else []))
    sheet.text(72, 600, "Blank cells indicate zero.")
    frame = _extract(sheet, towns)
    assert sorted(zip(frame.offense, frame.measure, frame["count"], strict=True)) == [
        ("53a-82", "arrests", 10), ("53a-82", "convictions", 0), ("53a-83", "arrests", 0),
        ("53a-83", "convictions", 3), ("53a-86", "arrests", 1)]


def test_numbers_run_together_in_a_cell_refuse_the_table(tmp_path, towns):
    """'14 +16.7%' in one cell under a column set aside ('2016 % change'): the count in it must not vanish."""
    path = tmp_path / "together.csv"
    path.write_text("Table 1. Arrests under CGS 53a-82\nTown,2015,2016 % change\nHartford,12,14 +16.7%\n"
                    "Bristol,3,2 -33.3%\n", encoding="utf-8")
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert frame.empty
    assert "together.csv, line 3: cell '14 +16.7%' under '2016 % change' holds several numbers" in refusals[0].reason


@pytest.mark.parametrize(("header", "named"), [
    ("Town,2015,2016 Rank", "2016"),  # a year's counts with a rank header run into it
    ("Town,53a-82,53a-83 Rate", "53a-83"),  # a statute's counts with the next column's 'Rate' run into it
    ("Town,Arrests,Convictions %", "Convictions"),  # a measure's counts with the next '% change' run into it
])
def test_a_column_set_aside_whose_header_names_what_counts_count_over_whole_numbers_is_refused(
        tmp_path, towns, header, named):
    """Set aside as a rank, a rate or a percentage, but printing whole numbers and dashes under a header that
    names a year, a statute or a measure: maybe a count column with another's header run into it; refused,
    never silently dropped."""
    path = tmp_path / "set-aside.csv"
    path.write_text(f"Table 1. Arrests under CGS 53a-82, 2016\n{header}\nHartford,12,14\nBristol,3,–\n",
                    encoding="utf-8")
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    column = header.split(",")[-1]
    assert frame.empty and f"column {column!r} is set aside, but it names {named!r}" in refusals[0].reason


@pytest.mark.parametrize("header", ["Town,53a-82,53a-82 Rate", "Town,Arrests,Convictions %"])
def test_a_column_set_aside_over_decimals_or_percentages_is_set_aside(tmp_path, towns, header):
    path = tmp_path / "set-aside-kept.csv"
    path.write_text(f"Table 1. Arrests under CGS 53a-82, 2016\n{header}\nHartford,12,1.4%\nBristol,3,0.5%\n",
                    encoding="utf-8")
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert refusals == [] and sorted(frame["count"]) == [3, 12]


def test_a_measure_alone_under_continued_is_the_summarys_blank_row_and_running_feet_are_no_rows(tmp_path, towns):
    """'Convictions' alone under 'Table 2. (continued)', set where the summary's measures are indented: its row,
    blank (no legend: no count, never a zero, never lost); the running feet with a page number are nobody's."""
    sheet = _sheet(tmp_path / "continued.pdf")
    sheet.text(72, 770, "Table 2. Statewide summary of charges, 2015")
    sheet.row(750, [(72, "Offense"), (-250, "Number")])
    sheet.text(72, 736, "53a-82")
    sheet.row(722, [(84, "Arrests"), (-250, "7")])
    sheet.row(40, [(72, "Annual Report 2016"), (-500, "12")])
    sheet.page()
    sheet.text(72, 770, "Table 2. (continued)")
    sheet.text(84, 750, "Convictions")
    sheet.row(40, [(72, "Annual Report 2016"), (-500, "13")])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert [(page, measure, count) for page, measure, count in zip(frame.page, frame.measure, frame["count"],
                                                                    strict=True)] == [
        (1, "arrests", 7), (2, "convictions", pd.NA)]


def test_one_group_header_over_each_repeat_of_the_column_headers_heads_that_repeat(tmp_path, towns):
    """'CONVICTIONS' and 'ARRESTS' each centred over '2013 2014 Total', one of them by chance flush with a single
    column: each heads its three columns, whichever column it sits nearest."""
    sheet = _sheet(tmp_path / "repeats.pdf")
    sheet.text(72, 770, "Table 4. Statewide summary of charges")
    xs = (270, 320, 370, 430, 480, 530)
    sheet.text(320 - sheet.width("CONVICTIONS") / 2, 752, "CONVICTIONS")
    sheet.right(480, 752, "ARRESTS")
    sheet.row(740, [(72, "Statute")] + [(-x, t) for x, t in zip(xs, ("2013", "2014", "Total") * 2, strict=True)])
    sheet.row(726, [(72, "Trafficking in persons (53a-192a)")] +
              [(-x, t) for x, t in zip(xs, ("0", "1", "1", "7", "5", "12"), strict=True)])
    frame = _extract(sheet, towns)
    assert sorted(zip(frame.measure, frame.period_start, frame.period_end, frame["count"], strict=True)) == [
        ("arrests", 2013, 2013, 7), ("arrests", 2013, 2014, 12), ("arrests", 2014, 2014, 5),
        ("convictions", 2013, 2013, 0), ("convictions", 2013, 2014, 1), ("convictions", 2014, 2014, 1)]


def test_a_names_column_headed_town_year_parts_the_year_from_each_name(tmp_path, towns):
    path = tmp_path / "town-year.csv"
    path.write_text("Table 1. Arrests under CGS 53a-82\nTown Year,Arrests\nAndover 2005,4\nAndover 2006,2\n"
                    "New Hartford 2005,7\n", encoding="utf-8")
    frame = extract_tipc(path, _source(path), towns, ROLES)
    assert sorted(zip(frame.jurisdiction, frame.period_start, frame["count"], strict=True)) == [
        ("Andover", 2005, 4), ("Andover", 2006, 2), ("New Hartford", 2005, 7)]


def test_two_cells_of_a_row_that_would_be_the_same_count_refuse_the_table(tmp_path, towns):
    """Columns whose headers were lost, each taking the caption's period and the row's statute: they cannot all
    be the one count the caption names."""
    path = tmp_path / "twins.csv"
    path.write_text("Table 1. Arrests statewide, 2015\nOffense,,\nProstitution (53a-82),4,5\n", encoding="utf-8")
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert frame.empty and "would count the same thing" in refusals[0].reason


def test_a_heading_run_across_the_counts_from_the_names_is_a_heading_not_a_count(tmp_path, towns):
    sheet = _sheet(tmp_path / "heading.pdf")
    sheet.text(72, 770, "Table 1. Arrests by town, 2015")
    sheet.row(750, [(72, "Town"), (-190, "Arrests"), (-250, "Convictions")])
    sheet.text(72, 736, "Patronizing a prostitute (sec. 53a-83), all departments")
    sheet.row(722, [(72, "Avon"), (-190, "3"), (-250, "1")])
    sheet.row(708, [(72, "Bristol"), (-190, "7"), (-250, "2")])
    frame = _extract(sheet, towns)
    assert sorted(zip(frame.jurisdiction, frame.offense, frame.measure, frame["count"], strict=True)) == [
        ("Avon", "53a-83", "arrests", 3), ("Avon", "53a-83", "convictions", 1),
        ("Bristol", "53a-83", "arrests", 7), ("Bristol", "53a-83", "convictions", 2)]


def test_a_continuation_note_set_in_the_names_column_is_no_row(tmp_path, towns):
    path = tmp_path / "continues.csv"
    path.write_text("Table 1. Arrests under CGS 53a-82, 2015\nTown,Arrests\nAvon,3\nBristol,7\nTable continues →,\n",
                    encoding="utf-8")
    frame = extract_tipc(path, _source(path), towns, ROLES)
    assert sorted(zip(frame.jurisdiction, frame["count"], strict=True)) == [("Avon", 3), ("Bristol", 7)]


def test_a_transposed_table_with_a_year_header_over_its_years_reads_towns_as_rows(tmp_path, towns):
    """'Calendar year' over the years down the side heads the years, not the towns, once the table is turned."""
    path = tmp_path / "turned.csv"
    path.write_text("Table 1. Arrests under CGS 53a-82\nCalendar year,Hartford,Bristol\n2015,3,4\n2016,5,6\n",
                    encoding="utf-8")
    frame = extract_tipc(path, _source(path), towns, ROLES)
    assert sorted(zip(frame.jurisdiction, frame.period_start, frame["count"], strict=True)) == [
        ("Bristol", 2015, 4), ("Bristol", 2016, 6), ("Hartford", 2015, 3), ("Hartford", 2016, 5)]


@pytest.mark.parametrize("name", ["Prostitution (53a-82)", "Prostitution, the seller's offence, CGS 53a-82"])
def test_a_summary_of_blank_cells_is_read_under_its_header_or_its_rows_refuse_the_page(tmp_path, towns, name):
    """A summary whose every cell is blank prints no value for a table to be found by alignment: under a header
    of its own it is still a table (its blank cells zero by its legend); where a name reaches under the second
    header no column can be told, no table is read, and its rows must not vanish: the page is refused."""
    sheet = _sheet(tmp_path / "blank-summary.pdf")
    sheet.text(72, 770, "Table 2. Statewide summary of charges, 2015")
    sheet.row(750, [(72, "Offense"), (-300, "Number")])
    sheet.text(72, 736, name)  # (the long one to x = 300, under 'Number')
    sheet.text(84, 722, "Convictions")
    sheet.text(72, 700, "Blank cells indicate zero.")
    if name.endswith(")"):
        frame = _extract(sheet, towns)
        assert list(zip(frame.offense, frame.measure, frame.period_start, frame["count"], strict=True)) == [
            ("53a-82", "convictions", 2015, 0)]
        return
    with pytest.raises(ExtractionError, match=r"blank-summary\.pdf, page 1: .*'Convictions'.* printed outside"):
        _extract(sheet, towns)


def test_a_statute_heading_alone_at_a_page_foot_heads_the_rows_overleaf(tmp_path, towns):
    """The summary's last row on page 1 is a statute with no count, of the kind its headings are: it heads the
    rows that go on at the top of page 2 (not a row of blank counts)."""
    sheet = _sheet(tmp_path / "foot.pdf")
    sheet.text(72, 760, "Table 2. Statewide summary of charges, 2015")
    sheet.row(740, [(72, "Offense"), (-300, "Number")])
    sheet.text(72, 726, "Prostitution (CGS 53a-82)")
    sheet.row(712, [(72, "Arrested"), (-300, "90")])
    sheet.row(698, [(72, "Convicted"), (-300, "41")])
    sheet.text(72, 684, "Patronizing a prostitute (CGS 53a-83)")
    sheet.page()
    sheet.text(72, 760, "Table 2 (continued)")
    sheet.row(740, [(72, "Arrested"), (-300, "80")])
    sheet.row(726, [(72, "Convicted"), (-300, "12")])
    frame = _extract(sheet, towns)
    assert sorted(zip(frame.offense, frame.measure, frame["count"], strict=True)) == [
        ("53a-82", "arrests", 90), ("53a-82", "convictions", 41), ("53a-83", "arrests", 80),
        ("53a-83", "convictions", 12)]


def test_a_running_head_over_a_continued_part_is_no_caption_of_it(tmp_path, towns):
    """Page 2 repeats the column headers under the report's running head and nothing else: the head, printed on
    every page, is no caption, so the part continues the table of page 1 (its statute and measure with it)."""
    sheet = _sheet(tmp_path / "running.pdf")
    for page in (1, 2):
        if page == 2:
            sheet.page()
        sheet.text(72, 740, "Office of the Example Council, Annual Report")
        top = 690 if page == 1 else 722
        if page == 1:
            sheet.text(72, 718, "Table 1a Arrests by jurisdiction")
            sheet.text(72, 704, "Prostitution (CGS 53a-82)")
        sheet.row(top, [(-250, "Year"), (-330, "Number")])
        for number, name in enumerate(("Hartford", "Bristol") if page == 1 else ("Norwalk", "Avon")):
            sheet.row(top - 14 - 14 * number, [(72, name), (-250, "2016"), (-330, str(3 + number))])
    frame = _extract(sheet, towns)
    assert sorted(zip(frame.jurisdiction, frame.offense, frame.measure, frame["count"], strict=True)) == [
        ("Avon", "53a-82", "arrests", 4), ("Bristol", "53a-82", "arrests", 4), ("Hartford", "53a-82", "arrests", 3),
        ("Norwalk", "53a-82", "arrests", 3)]


def test_rows_of_a_place_run_into_its_year_are_never_skipped_as_naming_nothing(tmp_path, towns):
    """A headless part whose names ran into their years ('Marlborough 2012  2') names a place all the same: it is
    read (and here refused, its rows naming no town as printed), never passed over in silence."""
    sheet = _sheet(tmp_path / "ran-into-years.pdf")
    for number, (name, count) in enumerate([("Marlborough 2012", "2"), ("Marlborough 2013", "1")]):
        sheet.row(700 - 14 * number, [(72, name), (-250, count)])
    frame, refusals = _read(sheet, towns)
    assert frame.empty and len(refusals) == 1 and "Marlborough 2012" in refusals[0].reason


def test_a_summary_opened_at_a_page_foot_goes_on_with_its_rows_alone_overleaf(tmp_path, towns):
    """Title, a lone 'Count' header and a first statute at the foot of page 1; page 2 prints only the rows."""
    sheet = _sheet(tmp_path / "opened-rows.pdf")
    sheet.text(72, 214, "Table 4a Statewide summary")
    sheet.text(72, 200, "of charges, 2016-2020")
    sheet.right(250, 180, "Count")
    sheet.text(72, 166, "Patronizing a prostitute (CGS 53a-83)")
    sheet.page()
    sheet.row(760, [(84, "Convicted"), (-250, "31")])
    sheet.row(746, [(84, "Arrested"), (-250, "108")])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert sorted(zip(frame.offense, frame.measure, frame.period_start, frame.period_end, frame["count"],
                      strict=True)) == [("53a-83", "arrests", 2016, 2020, 108),
                                        ("53a-83", "convictions", 2016, 2020, 31)]


def test_a_statute_legend_under_the_last_town_is_no_row_of_counts(tmp_path, towns):
    """'53a-83: patronizing a prostitute' set under the last town, in the names column, cells blank: a legend
    line, never a row of blank (suppressed or zero) counts."""
    sheet = _sheet(tmp_path / "legend-row.pdf")
    sheet.text(72, 770, "Table 1. Arrests under CGS 53a-82 by town")
    sheet.row(750, [(72, "Town"), (-250, "2015"), (-320, "2016")])
    sheet.row(736, [(72, "Hartford"), (-250, "12"), (-320, "*")]).row(722, [(72, "Bristol"), (-250, "3"), (-320, "1")])
    sheet.text(72, 708, "53a-83: patronizing a prostitute")
    frame, refusals = _read(sheet, towns)
    assert refusals == [] and sorted(zip(frame.jurisdiction, frame.period_start, frame.cell_text, strict=True)) == [
        ("Bristol", 2015, "3"), ("Bristol", 2016, "1"), ("Hartford", 2015, "12"), ("Hartford", 2016, "*")]


def test_two_tables_titles_run_into_one_caption_line_refuse_the_tables_under_it(tmp_path, towns):
    """'Exhibit 3. Persons convicted ..., Table 4. Persons arrested ...' over two tables side by side: which words
    are whose cannot be told, so neither is read by them."""
    sheet = _sheet(tmp_path / "two-titles.pdf")
    sheet.text(72, 760, "Exhibit 3. Persons convicted by town, Table 4. Persons arrested by town, 2017")
    sheet.row(740, [(72, "Town"), (-200, "CGS 53a-82"), (300, "Town"), (-450, "CGS 53a-82")])
    for number, (left, right) in enumerate([("Hartford", "Bristol"), ("Avon", "Norwalk")]):
        sheet.row(726 - 14 * number, [(72, left), (-200, "3"), (300, right), (-450, "7")])
    frame, refusals = _read(sheet, towns)
    assert frame.empty and refusals and all("two tables' titles on one line" in r.reason for r in refusals)


def test_a_statute_heading_between_two_runs_of_towns_heads_the_towns_under_it(tmp_path, towns):
    """The heading read as the caption of the rows under it (found as a table of their own, set apart): the
    rows go on with the table above, under the new statute."""
    sheet = _sheet(tmp_path / "mid-heading.pdf")
    sheet.text(72, 770, "Table 1. Convictions by town, 2016")
    sheet.row(750, [(72, "Town"), (-300, "2016")])
    sheet.text(72, 736, "Prostitution (CGS 53a-82)")
    sheet.row(722, [(72, "Hartford"), (-300, "4")]).row(708, [(72, "Bristol"), (-300, "1")])
    sheet.text(72, 660, "Patronizing a prostitute (CGS 53a-83)")
    sheet.row(646, [(72, "Avon"), (-300, "2")]).row(632, [(72, "Norwalk"), (-300, "5")])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame.offense, frame["count"], strict=True)) == [
        ("Avon", "53a-83", 2), ("Bristol", "53a-82", 1), ("Hartford", "53a-82", 4), ("Norwalk", "53a-83", 5)]


def test_a_blank_year_row_atop_a_continued_part_is_a_row_not_its_header(tmp_path, towns):
    """'2007' alone in the Year column under 'Table 1. (continued)': the last town's blank year, going on from
    page 1 (blank cells are zero), not a header of years over a new table."""
    sheet = _sheet(tmp_path / "blank-year.pdf")
    sheet.text(72, 770, "Table 1. Offenses under 53a-83 by town")
    sheet.row(750, [(72, "Town"), (150, "Year"), (-300, "Arrests")])
    sheet.row(736, [(72, "Andover"), (150, "2005"), (-300, "1")]).row(722, [(150, "2006"), (-300, "2")])
    sheet.page()
    sheet.text(72, 770, "Table 1. (continued)")
    sheet.row(750, [(150, "2007")])
    sheet.row(736, [(72, "Ansonia"), (150, "2005"), (-300, "2")]).row(722, [(150, "2006"), (-300, "9")])
    sheet.text(72, 700, "Blank cells indicate zero.")
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame.period_start, frame["count"], strict=True)) == [
        ("Andover", 2005, 1), ("Andover", 2006, 2), ("Andover", 2007, 0), ("Ansonia", 2005, 2), ("Ansonia", 2006, 9)]


def test_a_statute_heading_under_the_last_town_heads_the_towns_overleaf(tmp_path, towns):
    """Towns under '53a-82', then '53a-87' alone at the page foot, towns again overleaf under '(continued)': the
    heading of the kind the rows above are under goes on overleaf (no legend to drop)."""
    sheet = _sheet(tmp_path / "town-foot.pdf")
    sheet.text(72, 200, "Table 1. Arrests by town, 2016")
    sheet.row(180, [(72, "Town"), (-300, "Arrests")])
    sheet.text(72, 166, "Prostitution (CGS 53a-82)")
    sheet.row(152, [(72, "Hartford"), (-300, "4")]).row(138, [(72, "Bristol"), (-300, "1")])
    sheet.text(72, 124, "Patronizing a prostitute (CGS 53a-83)")
    sheet.page()
    sheet.text(72, 770, "Table 1. Arrests by town, 2016 (continued)")
    sheet.row(750, [(72, "Town"), (-300, "Arrests")])
    sheet.row(736, [(72, "Avon"), (-300, "2")]).row(722, [(72, "Norwalk"), (-300, "5")])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame.offense, frame["count"], strict=True)) == [
        ("Avon", "53a-83", 2), ("Bristol", "53a-82", 1), ("Hartford", "53a-82", 4), ("Norwalk", "53a-83", 5)]


def _towns_to_the_foot(sheet, names: list[str]) -> None:
    """'Table 1' down to the page foot, its last towns with every cell blank."""
    sheet.text(72, 230, "Table 1. Convictions under CGS 53a-82 by town")
    sheet.row(210, [(72, "Town"), (-250, "2016")])
    sheet.row(196, [(72, "Hartford"), (-250, "4")]).row(182, [(72, "Bristol"), (-250, "1")])
    for number, name in enumerate(names):
        sheet.text(72, 168 - 14 * number, name)


@pytest.mark.parametrize("x", [72, 150])
def test_names_alone_opening_the_next_page_are_the_tables_blank_rows_where_its_names_are(tmp_path, towns, x):
    """A table's last towns carried overleaf with every cell blank form no table; set where its names are, they
    are its rows (the legend under them read: blank is zero). Set elsewhere (a heading, a line of other text),
    they are nobody's rows: the page is refused naming them, never read as rows."""
    sheet = _sheet(tmp_path / f"names-overleaf-{x}.pdf")
    _towns_to_the_foot(sheet, ["Avon"])
    sheet.page()
    sheet.text(x, 760, "Norwalk").text(x, 746, "Enfield")
    sheet.text(72, 728, "Blank cells indicate zero.")
    frame, refusals = _read(sheet, towns)
    if x == 72:
        assert refusals == []
        assert sorted(zip(frame.page, frame.jurisdiction, frame["count"], strict=True)) == [
            (1, "Avon", 0), (1, "Bristol", 1), (1, "Hartford", 4), (2, "Enfield", 0), (2, "Norwalk", 0)]
    else:
        assert [(refusal.where, "'Norwalk' / 'Enfield'" in refusal.reason) for refusal in refusals] == [
            ("names-overleaf-150.pdf, page 2", True)]


def test_a_cell_across_two_tables_set_side_by_side_stays_with_the_left_one(towns):
    """Two tables side by side taken apart at the second column of names: a cell reaching across the cut (a
    note of the right table run into the left one's last count) is the left table's, cut to its columns, so its
    text is read there (and refused: no count), never dropped with the cut and read as a blank."""
    from pipeline.extract.meaning.shapes import apart
    from pipeline.extract.tables.model import Cell, Table

    rows = [("Town", "2016", "Town", "2016"), ("Hartford", "3", "Bristol", "7"), ("Avon", "4", "Norwalk", "7")]
    cells = [Cell(row, col, text) for row, texts in enumerate(rows) for col, text in enumerate(texts)]
    cells += [Cell(3, 0, "Enfield"), Cell(3, 1, "Note: by the town of arrest. 5", col_span=3)]
    lookup = {town.casefold(): town for town in towns}
    left, right = apart(Table(1, (0, 0, 1, 1), tuple(cells), header_rows=1), lookup)
    assert left.grid() == [["Town", "2016"], ["Hartford", "3"], ["Avon", "4"],
                           ["Enfield", "Note: by the town of arrest. 5"]]
    assert right.grid() == [["Town", "2016"], ["Bristol", "7"], ["Norwalk", "7"]]


def test_a_year_alone_atop_a_continued_part_with_no_caption_is_a_blank_row(tmp_path, towns):
    """A table by town and year going on overleaf with no caption and no header: '2012' alone in the Year column
    at the top is the last town's blank row (blank is zero), and the counts under it are that town's."""
    sheet = _sheet(tmp_path / "no-caption.pdf")
    sheet.text(72, 200, "Table 1. Arrests under CGS 53a-82 by town")
    sheet.row(180, [(72, "Town"), (150, "Year"), (-300, "Arrests")])
    sheet.row(166, [(72, "Hartford"), (150, "2011"), (-300, "4")]).row(152, [(150, "2012"), (-300, "1")])
    sheet.row(138, [(72, "Bristol"), (150, "2011"), (-300, "2")])
    sheet.page()
    sheet.row(760, [(150, "2012")]).row(746, [(150, "2013"), (-300, "5")])
    sheet.row(732, [(72, "Canton"), (150, "2011"), (-300, "3")]).row(718, [(150, "2012"), (-300, "6")])
    sheet.text(72, 692, "Blank cells indicate zero.")
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame.period_start, frame["count"], strict=True)) == [
        ("Bristol", 2011, 2), ("Bristol", 2012, 0), ("Bristol", 2013, 5), ("Canton", 2011, 3), ("Canton", 2012, 6),
        ("Hartford", 2011, 4), ("Hartford", 2012, 1)]


def test_a_table_whose_every_count_is_blank_is_refused_never_read_as_all_header(tmp_path, towns):
    """Towns and years with every count blank (no value anywhere to tell the body by): the rows named by a place
    beside one year are body rows, so the table is refused (its counts cannot be told), never taken for a header
    of five lines over no rows and skipped without a word while the next table is read."""
    sheet = _sheet(tmp_path / "all-blank.pdf")
    sheet.text(72, 770, "Table 1. Convictions under CGS 53a-86 by town")
    sheet.row(750, [(72, "Town"), (230, "Year Convicted")])
    for number, (town, year) in enumerate([("Chester", "2007"), ("", "2008"), ("Washington", "2007"), ("", "2008")]):
        sheet.row(736 - 14 * number, [(72, town), (230, year)] if town else [(230, year)])
    sheet.text(72, 640, "Table 2. Arrests under CGS 53a-82 by town, 2016")
    sheet.row(620, [(72, "Town"), (-300, "Arrests")])
    sheet.row(606, [(72, "Avon"), (-300, "2")]).row(592, [(72, "Norwalk"), (-300, "5")])
    frame, refusals = _read(sheet, towns)
    assert sorted(frame.jurisdiction) == ["Avon", "Norwalk"]
    assert [refusal.where for refusal in refusals] == ["all-blank.pdf, page 1, table 1"]


@pytest.mark.parametrize("headed", [True, False])
def test_a_statute_set_under_a_pages_last_table_heads_its_rows_overleaf_only_under_statute_headings(
        tmp_path, towns, headed):
    """A long statute line under the last row at a page's foot (read as the table's note): where the rows above
    are under statute headings it is the next heading, its rows overleaf; where they are not (the caption says
    the statute) it is a legend and the rows overleaf stay the caption's."""
    sheet = _sheet(tmp_path / f"foot-heading-{headed}.pdf")
    statute = "" if headed else " under CGS 53a-82"
    sheet.text(72, 200, f"Table 1. Arrests{statute} by town, 2016")
    sheet.row(180, [(72, "Town"), (-400, "Arrests")])
    y = 166
    if headed:
        sheet.text(72, y, "Prostitution (CGS 53a-82)")
        y -= 14
    sheet.row(y, [(72, "Hartford"), (-400, "4")]).row(y - 14, [(72, "Bristol"), (-400, "1")])
    sheet.text(72, y - 28, "C.G.S. § 53a-82: prostitution, the seller's offence" if not headed else
               "C.G.S. § 53a-83: Patronizing a prostitute, the buyer's offence")
    sheet.page()
    sheet.text(72, 770, f"Table 1. Arrests{statute} by town, 2016 (continued)")
    sheet.row(750, [(72, "Town"), (-400, "Arrests")])
    sheet.row(736, [(72, "Avon"), (-400, "2")]).row(722, [(72, "Norwalk"), (-400, "5")])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    overleaf = "53a-83" if headed else "53a-82"
    assert sorted(zip(frame.jurisdiction, frame.offense, frame["count"], strict=True)) == [
        ("Avon", overleaf, 2), ("Bristol", "53a-82", 1), ("Hartford", "53a-82", 4), ("Norwalk", overleaf, 5)]


@pytest.mark.parametrize("mark", ["(continued)", "cont.", "cont'd", "contd", "(cont.)", ", continued"])
def test_a_total_over_a_continued_parts_years_spans_the_years_of_the_parts_before(tmp_path, towns, mark):
    """Years 2014-2015 on page 1, the table '(continued)' overleaf with 2016 and a 'Total' column: the total
    counts 2014-2016, not the one year printed beside it on its own page. However the caption says it goes on
    ('... by town cont.' read as a new table's caption counted 2016 alone)."""
    sheet = _sheet(tmp_path / "total-overleaf.pdf")
    sheet.text(72, 770, "Table 1. Arrests under CGS 53a-82 by town")
    sheet.row(750, [(72, "Town"), (-250, "2014"), (-320, "2015")])
    sheet.row(736, [(72, "Hartford"), (-250, "4"), (-320, "5")]).row(722, [(72, "Bristol"), (-250, "1"), (-320, "0")])
    sheet.page()
    sheet.text(72, 770, f"Table 1. Arrests under CGS 53a-82 by town{'' if mark.startswith(',') else ' '}{mark}")
    sheet.row(750, [(72, "Town"), (-250, "2016"), (-320, "Total")])
    sheet.row(736, [(72, "Hartford"), (-250, "2"), (-320, "11")]).row(722, [(72, "Bristol"), (-250, "3"), (-320, "4")])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    totals = frame[frame.printed_total]
    assert sorted(zip(totals.jurisdiction, totals.period_start, totals.period_end, totals["count"], strict=True)) == [
        ("Bristol", 2014, 2016, 4), ("Hartford", 2014, 2016, 11)]


@pytest.mark.parametrize(("year_overleaf", "title"), [("2007", "Table 2. Statewide summary of charges"),
                                                      ("2007", "Statewide summary of charges"),
                                                      ("2008", "Table 2. Statewide summary of charges")])
def test_a_summary_opened_at_a_page_foot_as_a_table_of_no_counts_opens_the_next_pages_table(tmp_path, towns,
                                                                                        year_overleaf, title):
    """'Table 2' with its year and a statute heading at the page foot, ruled, every cell blank (found as a table
    of no counts); overleaf the same year printed again over the counts: one summary, the statute heading its
    rows. Overleaf under another year, it is another table: both are refused (neither says all it counts), the
    one at the foot never dropped."""
    sheet = _sheet(tmp_path / f"opened-{year_overleaf}.pdf")  # (titled 'Table 2' or not)
    sheet.text(72, 760, "Table 1. Arrests under CGS 53a-82 by town, 2007")
    sheet.row(740, [(72, "Town"), (-250, "Arrests")])
    sheet.row(726, [(72, "Hartford"), (-250, "12")]).row(712, [(72, "Bristol"), (-250, "3")])
    sheet.text(72, 120, title)
    sheet.grid((68, 200, 256), (110, 96, 82))
    sheet.row(100, [(-250, "2007")])
    sheet.text(72, 86, "Sec. 53a-192a")
    sheet.page()
    sheet.row(760, [(-250, year_overleaf)])
    sheet.row(746, [(82, "Arrests"), (-250, "1,198")]).row(732, [(82, "Convictions"), (-250, "48")])
    frame, refusals = _read(sheet, towns)
    summary = sorted((page, statute, measure, start, count) for page, statute, measure, start, count, kind in zip(
        frame.page, frame.offense, frame.measure, frame.period_start, frame["count"], frame.jurisdiction_type,
        strict=True) if kind == "statewide")
    if year_overleaf == "2007":
        assert refusals == []
        assert summary == [(2, "53a-192a", "arrests", 2007, 1198), (2, "53a-192a", "convictions", 2007, 48)]
    else:
        assert [(refusal.where, " says no " in refusal.reason) for refusal in refusals] == [
            ("opened-2008.pdf, page 1, table 2", True), ("opened-2008.pdf, page 2, table 1", True)]
        assert sorted(frame.jurisdiction) == ["Bristol", "Hartford"]


def _towns_then_a_summary_at_the_foot(sheet) -> None:
    """Page 1: a table of towns, then at its foot a summary's title and header ('Charge', '2016')."""
    sheet.text(72, 760, "Table 1. Arrests under CGS 53a-82 by town, 2016")
    sheet.row(740, [(72, "Town"), (-250, "Arrests")])
    sheet.row(726, [(72, "Hartford"), (-250, "12")]).row(712, [(72, "Bristol"), (-250, "3")])
    sheet.text(72, 120, "Table 2. Summary of charges", 12)
    sheet.row(100, [(72, "Charge"), (-250, "2016")])


def test_a_summarys_first_part_of_blank_rows_at_a_page_foot_keeps_its_page_and_goes_on_overleaf(tmp_path, towns):
    """A summary's header, a statute and an indented measure with its count blank at page 1's foot (a table of
    blank rows); overleaf under '(continued)' one more measure with its count, set in the same columns: one
    summary, each count on the page and under the header it was printed under."""
    sheet = _sheet(tmp_path / "blank-first-part.pdf")
    _towns_then_a_summary_at_the_foot(sheet)
    sheet.text(72, 86, "Sec. 53a-83").text(84, 72, "Convictions")
    sheet.page()
    sheet.text(72, 760, "Table 2 (continued)", 12)
    sheet.row(740, [(84, "Arrests"), (-250, "9")])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    summary = sorted((page, statute, measure, start, None if pd.isna(count) else count)
                     for page, statute, measure, start, count, kind in zip(
                         frame.page, frame.offense, frame.measure, frame.period_start, frame["count"],
                         frame.jurisdiction_type, strict=True) if kind == "statewide")
    assert summary == [(1, "53a-83", "convictions", 2016, None), (2, "53a-83", "arrests", 2016, 9)]


def test_a_statute_last_in_a_part_heads_the_measures_going_on_overleaf(tmp_path, towns):
    """A summary's header and one statute, every cell blank, at page 1's foot; overleaf under '(continued)' a
    measure with its count, in its columns: the statute is their heading (the row after it is overleaf),
    not a row of counts that says no measure."""
    sheet = _sheet(tmp_path / "heading-last.pdf")
    _towns_then_a_summary_at_the_foot(sheet)
    sheet.text(72, 86, "Sec. 53a-83")
    sheet.page()
    sheet.text(72, 760, "Table 2 (continued)", 12)
    sheet.row(740, [(84, "Convictions"), (-250, "2")])  # (one row: too few to be a table of its own)
    sheet.text(72, 700, "Source: court records.", 8)
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    summary = sorted((page, statute, measure, start, count) for page, statute, measure, start, count, kind in zip(
        frame.page, frame.offense, frame.measure, frame.period_start, frame["count"], frame.jurisdiction_type,
        strict=True) if kind == "statewide")
    assert summary == [(2, "53a-83", "convictions", 2016, 2)]


def test_a_table_of_blank_rows_under_a_stacked_header_reads_its_rows_under_that_header(tmp_path, towns):
    """No count printed anywhere (the structure stage sees no header): the lines over the first column's names
    alone head the blank column, the names under them are its rows, zero by the legend; a name that is no town
    among them still refuses the table naming it."""
    for name, town in (("ok", "Bristol"), ("bad", "Springfield")):
        sheet = _sheet(tmp_path / f"blank-{name}.pdf")
        sheet.text(72, 760, "Table 3. Persons convicted, 2016")
        sheet.right(250, 740, "Sec. 53a-83").right(250, 726, "Patronizing")
        sheet.row(712, [(72, "Town"), (-250, "Convicted")])
        sheet.text(72, 698, "Avon").text(72, 684, town)
        sheet.text(72, 660, "Blank cells indicate zero.", 8)
        frame, refusals = _read(sheet, towns)
        if town == "Bristol":
            assert refusals == []
            assert sorted(zip(frame.jurisdiction, frame.offense, frame.measure, frame.period_start, frame["count"],
                              strict=True)) == [("Avon", "53a-83", "convictions", 2016, 0),
                                                ("Bristol", "53a-83", "convictions", 2016, 0)]
        else:
            assert [refusal.where for refusal in refusals] == ["blank-bad.pdf, page 1, table 1"]
            assert "table 1, row 2: row 'Springfield' names no town" in refusals[0].reason


@pytest.mark.parametrize("over_rank", [False, True])
def test_a_rank_beside_a_statutes_columns_is_set_aside_unless_the_statute_spans_it(tmp_path, towns, over_rank):
    """'Sec. 53a-83' centred over 'Arrests' and 'Convictions', 'Rank' beside them (whole numbers): the rank is set
    aside and the counts read. Centred over all three, the statute's span cannot be told from the columns'
    (nor whether the rank's whole numbers are counts): the table is refused, never read with a guess."""
    sheet = _sheet(tmp_path / f"rank-{over_rank}.pdf")
    sheet.text(72, 770, "Table 1. Arrests and convictions by town, 2016")
    right = 400 if over_rank else 320
    sheet.text((190 + right) / 2 - sheet.width("Sec. 53a-83") / 2, 750, "Sec. 53a-83")
    sheet.row(736, [(72, "Town"), (-250, "Arrests"), (-320, "Convictions"), (-400, "Rank")])
    sheet.row(722, [(72, "Avon"), (-250, "12"), (-320, "4"), (-400, "1")])
    sheet.row(708, [(72, "Bristol"), (-250, "3"), (-320, "1"), (-400, "2")])
    frame, refusals = _read(sheet, towns)
    if over_rank:
        assert frame.empty and [refusal.where for refusal in refusals] == ["rank-True.pdf, page 1, table 1"]
    else:
        assert refusals == []
        assert sorted(zip(frame.jurisdiction, frame.measure, frame["count"], strict=True)) == [
            ("Avon", "arrests", 12), ("Avon", "convictions", 4), ("Bristol", "arrests", 3),
            ("Bristol", "convictions", 1)]


def test_a_row_that_would_count_again_what_a_row_above_counted_refuses_the_table(tmp_path, towns):
    """A line with a count and no name under 'Avon' (a stray line of marks, a row whose name was lost) would take
    Avon's name and count Avon's arrests a second time: the table is refused naming the row, never read
    with two counts for one thing."""
    path = tmp_path / "repeat.csv"
    path.write_text("Table 1. Arrests under CGS 53a-82 by town\nTown,2015,2016\nAvon,1,2\n,,3\nBristol,4,5\n",
                    encoding="utf-8")
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert frame.empty and len(refusals) == 1
    assert refusals[0].reason.startswith("repeat.csv, line 4: row 'Avon' would count what row 'Avon' above it "
                                         "counts (53a-82 arrests, 2015)")


def test_two_titles_of_tables_side_by_side_joined_in_one_caption_line_refuse_both(towns):
    """Two tables side by side read as one grid, their titles joined into each caption line by a single space
    ('... prostitution Exhibit 2. Arrests under Patronizing a'): which caption words are whose cannot be told
    (the left one took 'Patronizing' for its statute), so both halves are refused, never read under the other's
    statute."""
    from pipeline.extract.meaning.document import read_document
    from pipeline.extract.tables.model import Cell, Table
    from pipeline.extract.vocabulary import Vocabulary, default_reference_dir

    rows = [("Town", "2016", "Town", "2016"), ("Hartford", "3", "Bristol", "7"), ("Avon", "4", "Norwalk", "7")]
    cells = tuple(Cell(row, col, text) for row, texts in enumerate(rows) for col, text in enumerate(texts))
    above = ("Table 1. Arrests under Promoting prostitution Exhibit 2. Arrests under Patronizing a",
             "in the second degree (C.G.S. § 53a-87), by prostitute (Conn. Gen. Stat. § 53a-83), by")
    lookup = {town.casefold(): town for town in towns}
    vocabulary = Vocabulary.from_reference_dir(default_reference_dir(), roles=ROLES)
    reading = read_document([Table(1, (0, 0, 1, 1), cells, header_rows=1, above=above)], "side.pdf", False, lookup,
                            vocabulary)
    assert reading.records == []
    assert [refusal.where for refusal in reading.refusals] == ["side.pdf, page 1, table 1", "side.pdf, page 1, table 2"]
    assert all("two tables' titles on one line" in refusal.reason for refusal in reading.refusals)


def test_lone_header_lines_over_one_column_not_aligned_with_it_head_the_whole_table(tmp_path, towns):
    """'CGS 53a-82' and 'Arrests' each alone on their line, both over the total column but 'Arrests' aligned
    neither with its header ('Total 2015 through 2016') nor with 'CGS 53a-82': not that header's wrapped lines
    but the table's statute and measure, over the years too."""
    sheet = _sheet(tmp_path / "stagger.pdf")
    sheet.text(72, 780, "Table 5. Offenses by police department")
    sheet.right(372, 766, "CGS 53a-82")
    sheet.text(285, 754, "Arrests")
    sheet.row(740, [(72, "Town"), (-200, "2015"), (-250, "2016"), (-372, "Total 2015 through 2016")])
    sheet.row(726, [(72, "Hartford"), (-200, "4"), (-250, "5"), (-372, "9")])
    sheet.row(712, [(72, "Bristol"), (-200, "1"), (-250, "2"), (-372, "3")])
    frame = _extract(sheet, towns)
    assert set(zip(frame.offense, frame.measure, strict=True)) == {("53a-82", "arrests")}
    years = frame[~frame.printed_total]
    assert sorted(zip(years.jurisdiction, years.period_start, years["count"], strict=True)) == [
        ("Bristol", 2015, 1), ("Bristol", 2016, 2), ("Hartford", 2015, 4), ("Hartford", 2016, 5)]



@pytest.mark.parametrize("other", [False, True])
def test_a_measure_alone_over_one_of_the_years_is_the_tables_unless_another_column_names_one(tmp_path, towns,
                                                                                            other):
    """'Arrests' alone on its line, centred over 2016 of three years and a total, no other word naming a measure:
    the table's measure, every column's. Where another column names its own ('Convictions 2015'), the lone word
    is its column's only and the columns under neither are refused, never guessed."""
    sheet = _sheet(tmp_path / f"lone-{other}.pdf")
    sheet.text(72, 780, "Table 5. Statewide summary of charges, 2014-2016")
    sheet.text(360 - (sheet.width("2016") + sheet.width("Arrests")) / 2, 760, "Arrests")  # centred on 2016
    middle = "Convictions 2015" if other else "2015"
    sheet.row(748, [(72, "Charge"), (-200, "2014"), (-300, middle), (-360, "2016"), (-470, "Total 2014-2016")])
    sheet.row(734, [(72, "CGS 53a-82"), (-200, "4"), (-300, "5"), (-360, "6"), (-470, "15")])
    sheet.row(720, [(72, "CGS 53a-83"), (-200, "1"), (-300, "2"), (-360, "3"), (-470, "6")])
    frame, refusals = _read(sheet, towns)
    if other:
        assert frame.empty and [refusal.where for refusal in refusals] == [f"lone-{other}.pdf, page 1, table 1"]
    else:
        assert refusals == []
        assert set(frame.measure) == {"arrests"} and len(frame) == 8


def test_a_statute_cell_centred_down_the_side_of_its_towns_on_their_own_lines_heads_them(tmp_path, towns):
    """'CGS 53a-82' / 'Prostitution' printed once, centred down the side of four towns, its two lines on the
    second and third towns' own baselines (half the rows carry a line of it): one cell spanning the four, their
    statute, not the names of two rows."""
    sheet = _sheet(tmp_path / "side.pdf")
    sheet.text(72, 780, "Table 2. Convictions by town, continued")
    sheet.row(760, [(72, "Offense"), (180, "Town"), (-300, "2015"), (-350, "2016")])
    for index, town in enumerate(["Avon", "Bristol", "Canton", "Darien"]):
        sheet.row(740 - 14 * index, [(180, town), (-300, str(index)), (-350, str(index + 5))])
    sheet.text(72, 726, "CGS 53a-82").text(72, 712, "Prostitution")
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert set(frame.offense) == {"53a-82"}
    assert sorted(set(frame.jurisdiction)) == ["Avon", "Bristol", "Canton", "Darien"] and len(frame) == 8


def test_prose_set_with_wide_gaps_under_a_title_naming_arrests_is_no_table(tmp_path, towns):
    """Two lines of prose whose word gaps are set wide (a letter-spaced typewriter face), so that they part into
    phrases like cells, under a title naming arrests: no cell prints a count or names a town, statute or
    measure, so they are no table to refuse; the table under them is read."""
    sheet = _sheet(tmp_path / "prose.pdf")
    sheet.text(72, 780, "Annual report: arrest and conviction data")
    for y, phrases in ((744, ["Each year the Council looks again.", "Figures", "are set out by town and year;",
                              "a few figures"]), (732, ["are held back. Note:", "made up for tests."])):
        x = 72.0
        for phrase in phrases:
            sheet.text(x, y, phrase)
            x += sheet.width(phrase) + 12
    sheet.text(72, 700, "Table 1. Arrests under CGS 53a-82 by town")
    sheet.row(686, [(72, "Town"), (-200, "2015"), (-250, "2016")])
    sheet.row(672, [(72, "Avon"), (-200, "1"), (-250, "2")]).row(658, [(72, "Bristol"), (-200, "3"), (-250, "4")])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame["count"], strict=True)) == [
        ("Avon", 1), ("Avon", 2), ("Bristol", 3), ("Bristol", 4)]


def test_a_legend_set_like_a_row_at_a_tables_foot_is_its_legend(tmp_path, towns):
    """'Blank cells indicate zero.' | '– Not available.' | '† Fewer than 5; not shown.' set on one line right
    under the last row, its phrases apart like cells: the table's legend, read for its symbols, not a row whose
    name is no town."""
    sheet = _sheet(tmp_path / "legend-row.pdf")
    sheet.text(72, 780, "Table 3. Convictions under CGS 53a-82 by town")
    sheet.row(760, [(72, "Town"), (-200, "2014"), (-260, "2015"), (-320, "2016")])
    sheet.row(746, [(72, "Avon"), (-200, "4"), (-260, "–"), (-320, "†")])
    sheet.row(732, [(72, "Bristol"), (-200, "2"), (-320, "7")])
    sheet.row(718, [(60, "Blank cells indicate zero."), (200, "– Not available."),
                    (290, "† Fewer than 5; not shown.")], size=9)
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    counts = {(town, year): count for town, year, count in
              zip(frame.jurisdiction, frame.period_start, frame["count"], strict=True)}
    assert counts[("Bristol", 2015)] == 0 and counts[("Bristol", 2016)] == 7 and counts[("Avon", 2014)] == 4
    assert pd.isna(counts[("Avon", 2015)]) and pd.isna(counts[("Avon", 2016)])


@pytest.mark.parametrize(("second_line", "read_as"), [("prostitution, by town, 2015", None),
                                                      ("prostitution 3rd deg., by town, 2015", "53a-88")])
def test_a_caption_naming_a_section_and_wrapping_a_statutes_name_read_in_part_is_refused(tmp_path, towns,
                                                                                        second_line, read_as):
    """'... under CGS 53a-88: Promoting' / 'prostitution, by town, 2015': its last line alone reads as 53a-82 by
    'prostitution', against the section printed above: refused naming why, never read as 53a-82. Followed by
    '3rd deg.' (a name's abbreviated end), 'prostitution' is that longer name's word, and the section reads."""
    sheet = _sheet(tmp_path / "wrapped-caption.pdf")
    sheet.text(72, 780, "Table 2. Convictions under CGS 53a-88: Promoting")
    sheet.text(72, 766, second_line)
    sheet.row(746, [(72, "Town"), (-220, "Number")])
    sheet.row(732, [(72, "Avon"), (-220, "1")]).row(718, [(72, "Bristol"), (-220, "0")])
    frame, refusals = _read(sheet, towns)
    if read_as is None:
        assert frame.empty and len(refusals) == 1
        assert "its caption reads as 53a-82 by the word 'prostitution', but names section" in refusals[0].reason
    else:
        assert refusals == [] and set(frame.offense) == {read_as} and sorted(frame["count"]) == [0, 1]


@pytest.mark.parametrize(("header", "beside"), [("Sum", "Sum"), ("All years", "All years"), ("", "")])
@pytest.mark.parametrize("adds_up", [True, False])
def test_a_column_adding_up_its_rows_years_is_their_printed_total_however_headed(tmp_path, towns, header, beside,
                                                                                    adds_up):
    """A column naming no year beside year columns, each of its counts the sum of its row's years (a kept-back
    '<5' only bounding it from below; footnote marks aside, '20‡'), is a printed total over those years whatever
    its header says; one row that does not add up leaves it a column that says no year: the table is refused."""
    sheet = _sheet(tmp_path / "sum.pdf")
    sheet.text(72, 770, "Table 1. Arrests, CGS 53a-82")
    sheet.row(750, [(72, "Town"), (-220, "2013"), (-270, "2014"), (-320, "2015"), (-380, header)])
    rows = [("Hartford", "12", "3*", "5", "20‡"), ("Bristol", "1", "<5", "0", "4"),
            ("Norwalk", "2", "2", "7", "11" if adds_up else "12")]
    for number, (name, *counts) in enumerate(rows):
        sheet.row(736 - 14 * number, [(72, name), *zip((-220, -270, -320, -380), counts, strict=True)])
    frame, refusals = _read(sheet, towns)
    if not adds_up:
        assert frame.empty and f"column {beside or '(no header)'!r} says no year" in refusals[0].reason
        return
    assert refusals == []
    totals = frame[frame.printed_total]
    assert sorted(zip(totals.jurisdiction, totals.period_start, totals.period_end, totals["count"], strict=True)) \
        == [("Bristol", 2013, 2015, 4), ("Hartford", 2013, 2015, 20), ("Norwalk", 2013, 2015, 11)]
    assert len(frame[~frame.printed_total]) == 9


@pytest.mark.parametrize("mark", ["††", "‡‡", "***"])
def test_a_mark_printed_twice_or_thrice_for_a_count_is_a_kept_back_count(tmp_path, towns, mark):
    """'††' in a count's cell is the mark '†' doubled (the second of a report's footnotes), a count not printed:
    no count, never a zero, never a refusal; a legend saying so reads the same."""
    sheet = _sheet(tmp_path / "marks.pdf")
    sheet.text(72, 770, "Table 1. Arrests under CGS 53a-82, 2015")
    sheet.row(750, [(72, "Town"), (-250, "2015")])
    for number, (name, count) in enumerate([("Hartford", "12"), ("Bristol", mark), ("Norwalk", "3")]):
        sheet.row(736 - 14 * number, [(72, name), (-250, count)])
    sheet.text(72, 680, f"{mark} Fewer than five arrests: not shown.")
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    counts = dict(zip(frame.jurisdiction, frame["count"], strict=True))
    assert counts["Hartford"] == 12 and counts["Norwalk"] == 3 and pd.isna(counts["Bristol"])


def test_a_names_word_over_a_column_of_counts_parts_no_second_table(tmp_path, towns):
    """'town' ending a title cut over the counts' columns heads no second column of names: tables side by side
    are parted at a column of names, and no counts are passed over as naming nothing."""
    sheet = _sheet(tmp_path / "by-town.pdf")
    sheet.text(72, 770, "Table 1. Arrests under CGS 53a-82 by town")
    sheet.row(750, [(72, "Town"), (-220, "2013"), (-270, "2014"), (-320, "2015")])
    for number, (name, *counts) in enumerate([("Hartford", "12", "3", "5"), ("Bristol", "1", "6", "0")]):
        sheet.row(736 - 14 * number, [(72, name), *zip((-220, -270, -320), counts, strict=True)])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame.period_start, frame["count"], strict=True)) == [
        ("Bristol", 2013, 1), ("Bristol", 2014, 6), ("Bristol", 2015, 0),
        ("Hartford", 2013, 12), ("Hartford", 2014, 3), ("Hartford", 2015, 5)]


def test_counts_printed_beside_a_table_are_read_or_refused_never_passed_over(tmp_path, towns):
    """A second table of counts beside the first, its names no place of the reference and its caption the first
    one's: refused naming its rows, not skipped as a table that names nothing."""
    sheet = _sheet(tmp_path / "beside.pdf")
    sheet.text(72, 770, "Table 1. Arrests under CGS 53a-82, 2015")
    sheet.row(750, [(72, "Town"), (-220, "2015"), (300, "Agency"), (-460, "2015")])
    for number, (name, count, unit, other) in enumerate([("Hartford", "12", "Unit North", "4"),
                                                         ("Bristol", "1", "Unit South", "9")]):
        sheet.row(736 - 14 * number, [(72, name), (-220, count), (300, unit), (-460, other)])
    frame, refusals = _read(sheet, towns)
    assert sorted(zip(frame.jurisdiction, frame["count"], strict=True)) == [("Bristol", 1), ("Hartford", 12)]
    assert len(refusals) == 1 and "row 'Unit North' names no town" in refusals[0].reason


def test_a_statute_heading_under_the_column_headers_heads_the_rows_even_marked_continued(tmp_path, towns):
    """'§ 53a-83 Patronizing a prostitute, any degree (continued)' set under the years, across their columns, is the
    heading of the towns under it, not a header line; '(continued)' does not make it a note."""
    sheet = _sheet(tmp_path / "heading.pdf")
    sheet.text(72, 770, "Table 2. Arrests by town, 2014-2015 (continued)")
    sheet.row(750, [(72, "Town"), (-250, "2014"), (-310, "2015")])
    sheet.text(72, 736, "§ 53a-83 Patronizing a prostitute, any degree (continued)")
    for number, (name, *counts) in enumerate([("Hartford", "12", "3"), ("Bristol", "1", "6")]):
        sheet.row(722 - 14 * number, [(72, name), *zip((-250, -310), counts, strict=True)])
    frame, refusals = _read(sheet, towns)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame.offense, frame.period_start, frame["count"], strict=True)) == [
        ("Bristol", "53a-83", 2014, 1), ("Bristol", "53a-83", 2015, 6),
        ("Hartford", "53a-83", 2014, 12), ("Hartford", "53a-83", 2015, 3)]


def test_a_statute_heading_the_grid_set_among_the_header_rows_heads_the_rows_under_it(towns):
    """'Town' over the years, then a statute's heading in the names column reaching over the first year's
    column, all three among the grid's header rows: the heading heads the towns under it, not the year's column
    (its words are under no count column of their own)."""
    from pipeline.extract.meaning.document import read_document
    from pipeline.extract.tables.model import Cell, Table
    from pipeline.extract.vocabulary import Vocabulary, default_reference_dir

    cells = (Cell(0, 0, "Town"), Cell(1, 1, "2014"), Cell(1, 2, "2015"),
             Cell(2, 0, "Sec. 53a-83 Patronizing a prostitute", col_span=2),
             Cell(3, 0, "Hartford"), Cell(3, 1, "12"), Cell(3, 2, "3"),
             Cell(4, 0, "Bristol"), Cell(4, 1, "1"), Cell(4, 2, "6"))
    lookup = {town.casefold(): town for town in towns}
    vocabulary = Vocabulary.from_reference_dir(default_reference_dir(), roles=ROLES)
    above = ("Table 2. Arrests by town, 2014-2015",)
    reading = read_document([Table(1, (0, 0, 1, 1), cells, header_rows=3, above=above)], "tall.pdf", False,
                            lookup, vocabulary)
    assert reading.refusals == []
    assert sorted((r["jurisdiction"], r["offense"], r["column_header"], r["count"]) for r in reading.records) == [
        ("Bristol", "53a-83", "2014", 1), ("Bristol", "53a-83", "2015", 6),
        ("Hartford", "53a-83", "2014", 12), ("Hartford", "53a-83", "2015", 3)]


def test_a_continuation_note_in_the_side_column_heads_no_rows(towns):
    """'Continued on next page' set at the foot in the column of a statute printed down the side of its towns
    is a note: the statute heads every town, the note none."""
    from pipeline.extract.meaning.document import read_document
    from pipeline.extract.tables.model import Cell, Table
    from pipeline.extract.vocabulary import Vocabulary, default_reference_dir

    def at(row: int, col: int, text: str) -> Cell:
        x0 = (40, 100, 200)[col]
        return Cell(row, col, text, box=(x0, 700 - 14 * row - 9, x0 + 50, 700 - 14 * row), size=9)

    names = ["Hartford", "Bristol", "Norwalk"]
    cells = [at(0, 1, "Town"), at(0, 2, "2015"), at(2, 0, "§ 53a-82"), at(4, 0, "Continued on next page")]
    cells += [cell for row, name in enumerate(names, start=1) for cell in (at(row, 1, name), at(row, 2, str(row)))]
    lookup = {town.casefold(): town for town in towns}
    vocabulary = Vocabulary.from_reference_dir(default_reference_dir(), roles=ROLES)
    reading = read_document([Table(1, (0, 0, 1, 1), tuple(cells), header_rows=1, above=("Table 1. Arrests",))],
                            "side.pdf", False, lookup, vocabulary)
    assert reading.refusals == []
    assert sorted((r["jurisdiction"], r["offense"], r["count"]) for r in reading.records) == [
        ("Bristol", "53a-82", 2), ("Hartford", "53a-82", 1), ("Norwalk", "53a-82", 3)]


def test_a_statutes_cell_beside_a_town_in_the_names_is_that_towns_row(towns):
    """A part carried overleaf with one row: the statute's cell printed down the side of its towns, then the town,
    both in the names: the town's counts under that statute, not a statewide summary's row; two towns beside a
    statute refuse the table."""
    from pipeline.extract.meaning.document import read_document
    from pipeline.extract.tables.model import Cell, Table
    from pipeline.extract.vocabulary import Vocabulary, default_reference_dir

    lookup = {town.casefold(): town for town in towns}
    vocabulary = Vocabulary.from_reference_dir(default_reference_dir(), roles=ROLES)
    for place, expected in (("Windsor Locks", [("Windsor Locks", "53a-87", 4)]), ("Windsor Avon", None)):
        cells = (Cell(0, 0, "Jurisdiction"), Cell(0, 2, "2015"),
                 Cell(1, 0, "C.G.S. §53a-87: Promoting prostitution, 2nd degree"), Cell(1, 1, place), Cell(1, 2, "4"))
        reading = read_document([Table(1, (0, 0, 1, 1), cells, header_rows=1, above=("Table 4. Arrests by town",))],
                                "beside.pdf", False, lookup, vocabulary)
        if expected is None:
            assert reading.records == [] and "several places (Windsor, Avon)" in reading.refusals[0].reason
        else:
            assert reading.refusals == []
            assert [(r["jurisdiction"], r["offense"], r["count"]) for r in reading.records] == expected


def test_a_table_of_counts_with_no_caption_and_headers_naming_nothing_is_refused_not_passed_over(towns):
    """Rows of a year and its counts under headers that name nothing (set at an angle and lost, or drawn as
    pictures) and no caption over them: what they count cannot be told, but they are counts: refused, never
    skipped as a table about something else. Under a caption naming something else they are passed over."""
    from pipeline.extract.meaning.document import read_document
    from pipeline.extract.tables.model import Cell, Table
    from pipeline.extract.vocabulary import Vocabulary, default_reference_dir

    lookup = {town.casefold(): town for town in towns}
    vocabulary = Vocabulary.from_reference_dir(default_reference_dir(), roles=ROLES)
    cells = (Cell(0, 0, "f i"), Cell(1, 0, "2010"), Cell(1, 1, "79"), Cell(1, 2, "12"),
             Cell(2, 0, "2011"), Cell(2, 1, "75"), Cell(2, 2, "18"))
    bare = read_document([Table(1, (0, 0, 1, 1), cells, header_rows=1)], "angled.pdf", False, lookup, vocabulary)
    assert bare.records == [] and [refusal.where for refusal in bare.refusals] == ["angled.pdf, page 1, table 1"]
    other = read_document([Table(1, (0, 0, 1, 1), cells, header_rows=1, above=("Table 9. Training sessions held",))],
                          "other.pdf", False, lookup, vocabulary)
    assert other.records == [] and other.refusals == []


TOWNS_OF_FIVE = ["Bristol", "Chester", "Enfield", "Norwalk", "Salem"]


def test_a_blank_column_headed_between_two_headers_run_together_reads_as_zero_counts(tmp_path, towns):
    """'Year CONVICTED change' run together a little more than a space apart (no space printed), 'Rate per' wrapped
    over '100,000' on the same line, CONVICTED blank all the way down and blank cells said to be zero: the words
    in the white space between the years and the changes head a column of their own, and each town's rows are
    rows of the body (a town beside its year and a rate), not header lines."""
    path = tmp_path / "blank_convicted.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, 730, "Table 3. Convictions under CGS 53a-86 by town, 2007-2008")
    pdf.setFont("Helvetica", 10)
    x, spans = 230.0, []
    for word in ["Year", "CONVICTED", "change"]:
        pdf.drawString(x, 680, word)
        spans.append((x, x + pdf.stringWidth(word, "Helvetica", 10)))
        x = spans[-1][1] + 4.0  # 0.4 em: wider than Helvetica's space (0.28 em), no space printed
    pdf.drawString(72, 680, "Town")
    rate_end = x + pdf.stringWidth("100,000", "Helvetica", 10)
    pdf.drawString(x, 680, "100,000")
    pdf.drawRightString(rate_end, 692, "per")
    pdf.drawRightString(rate_end, 704, "Rate")
    pdf.drawRightString(spans[2][1], 692, "%")
    y = 660
    for town in TOWNS_OF_FIVE:
        for year in ("2007", "2008"):
            if year == "2007":
                pdf.drawString(72, y, town)
            pdf.drawRightString(spans[0][1], y, year)
            if year == "2008":
                pdf.drawRightString(spans[2][1], y, "n/a")
            pdf.drawRightString(rate_end, y, "0.0")
            y -= 18
    pdf.drawString(72, y - 6, "Blank cells indicate zero.")
    pdf.save()
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame.period_start, frame.measure, frame["count"], strict=True)) == sorted(
        (town, year, "convictions", 0) for town in TOWNS_OF_FIVE for year in (2007, 2008))
    assert set(frame.offense) == {"53a-86"}


def test_a_part_overleaf_whose_blank_column_draws_no_river_reads_in_the_columns_before(tmp_path, towns):
    """A table's last row carried to the next page under 'Table 2 (continued)', its Rank cell blank: alone on its
    page it parts into one column fewer, yet every cell is printed in a column of the table before; it goes on
    with that table, each count in the column it was printed in, not a table of its own naming nothing."""
    path = tmp_path / "carried_total.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    columns = [(72, "Town"), (-230, "Rank"), (-320, "Arrests"), (-420, "Convictions")]

    def row(y: float, cells: list[str]) -> None:
        for (x, _), text in zip(columns, cells, strict=True):
            if text:
                (pdf.drawRightString if x < 0 else pdf.drawString)(abs(x), y, text)

    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, 730, "Table 2. Offenses under CGS 53a-82 by town, 2015")
    pdf.setFont("Helvetica", 10)
    row(700, [name for _, name in columns])
    body = [("Bristol", "1", "12", "4"), ("Hartford", "2", "40", "9"), ("Norwalk", "3", "7", "2"),
            ("Salem", "4", "3", "0")]
    for index, cells in enumerate(body):
        row(682 - 16 * index, list(cells))
    pdf.showPage()
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, 730, "Table 2 (continued)")
    pdf.setFont("Helvetica", 10)
    row(700, ["Total", "", "62", "15"])
    pdf.save()
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert refusals == []
    total = frame[frame.jurisdiction == "Connecticut"]
    assert sorted(zip(total.page, total.measure, total["count"], strict=True)) == [(2, "arrests", 62),
                                                                                    (2, "convictions", 15)]
    assert total.printed_total.all() and len(frame) == 10


def test_page_numbers_alone_at_the_foot_are_no_text_after_a_table_opened_there(tmp_path, towns):
    """A summary opened at a page's foot (its caption, column headers and first statute heading, no count) under
    nothing but the page number '1', going on overleaf under its headers again over '2': the page numbers go up
    with the pages, so they are no text after the table; the heading heads the rows overleaf."""
    path = tmp_path / "folios.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)

    def line(y: float, name: str, count: str = "", indent: float = 0) -> None:
        pdf.drawString(90 + indent, y, name)
        if count:
            pdf.drawRightString(330, y, count)

    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(90, 400, "Table 1. Statewide Summary of Charges, 2015 through 2017")
    pdf.setFont("Helvetica", 10)
    line(370, "Statute", "Count")
    line(352, "C.G.S. SEC. 53A-86")
    pdf.drawString(300, 40, "1")
    pdf.showPage()
    pdf.setFont("Helvetica", 10)
    line(700, "Statute", "Count")
    line(682, "Arrests", "44", 8)
    line(664, "C.G.S. SEC. 53A-82")
    line(646, "Arrests", "45", 8)
    pdf.drawString(300, 40, "2")
    pdf.save()
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert refusals == []
    assert sorted(zip(frame.offense, frame.measure, frame["count"], frame.period_start, frame.period_end,
                      strict=True)) == [("53a-82", "arrests", 45, 2015, 2017), ("53a-86", "arrests", 44, 2015, 2017)]


def test_a_contents_entry_wrapped_over_two_lines_promises_no_table_on_its_page(tmp_path, towns):
    """A contents page whose entry for a table wraps ('Table 1. Arrests under CGS 53a-82: Engaging in ..... 2' /
    'prostitution, by town'): the contents line promises no table on its page, and the line it wraps onto, which
    names what a statute's rows would, is no row the reader lost."""
    path = tmp_path / "contents.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(72, 720, "Contents")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 696, "Table 1. Arrests under CGS 53a-82: Engaging in " + "." * 30 + " 2")
    pdf.drawString(72, 682, "prostitution, by town")
    pdf.showPage()
    _arrests_by_town(pdf, "Table 1. Arrests under CGS 53a-82: Engaging in prostitution, by town, 2015")
    pdf.save()
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert refusals == []
    assert sorted(zip(frame.jurisdiction, frame["count"], strict=True)) == [("Bristol", 3), ("Hartford", 12),
                                                                             ("Norwalk", 7)]


def test_a_part_overleaf_reprinting_only_the_last_header_row_goes_on_with_the_table(tmp_path, towns):
    """A table whose year is a group header over every count column ('CY 2010' over 'Arrests  Convictions'), its
    rows going on overleaf under the column headers alone (the line over them not reprinted), no caption: the
    part reprints the last of the table's header rows, so it goes on with it, in its columns, under its year."""
    path = tmp_path / "reprinted.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)

    def header(y: float) -> None:
        pdf.drawString(72, y, "Town")
        pdf.drawRightString(260, y, "Arrests")
        pdf.drawRightString(360, y, "Convictions")

    def rows(top: float, body: list[tuple[str, str, str]]) -> None:
        for index, (town, arrests, convictions) in enumerate(body):
            pdf.drawString(72, top - 14 * index, town)
            pdf.drawRightString(260, top - 14 * index, arrests)
            pdf.drawRightString(360, top - 14 * index, convictions)

    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, 740, "Table 2. Offenses under CGS 53a-82 by town")
    pdf.setFont("Helvetica", 10)
    pdf.drawCentredString(300, 716, "CY 2010")
    header(702)
    rows(686, [("Bristol", "12", "4"), ("Hartford", "40", "9"), ("Norwalk", "7", "2")])
    pdf.showPage()
    pdf.setFont("Helvetica", 10)
    header(720)
    rows(704, [("Salem", "3", "0"), ("Windham", "5", "1")])
    pdf.save()
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert refusals == []
    overleaf = frame[frame.page == 2]
    assert sorted(zip(overleaf.jurisdiction, overleaf.measure, overleaf["count"], overleaf.period_start,
                      strict=True)) == [("Salem", "arrests", 3, 2010), ("Salem", "convictions", 0, 2010),
                                        ("Windham", "arrests", 5, 2010), ("Windham", "convictions", 1, 2010)]


def test_a_summary_of_labels_and_values_whose_statute_row_holds_long_text_is_a_table(tmp_path, towns):
    """'Statute   C.G.S. SEC. 53A-86 promoting prostitution in the first degree' over 'Arrests   10', the long
    text ending flush with the count under it, under a statewide summary's title and its years: a table of
    labels and values (the statute heads the count), not a line of prose over a lost row."""
    path = tmp_path / "summary.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawCentredString(300, 730, "Table B-4. Statewide Summary of Charges")
    pdf.drawCentredString(300, 714, "2005–2006")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 690, "Statute")
    pdf.drawRightString(420, 690, "C.G.S. SEC. 53A-86 promoting prostitution in the first degree")
    pdf.drawString(72, 672, "Arrests")
    pdf.drawRightString(420, 672, "10")
    pdf.drawString(72, 630, "Arrests for patronizing remained rare in both years; the Council met four times a year.")
    pdf.save()
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert refusals == []
    assert list(zip(frame.jurisdiction, frame.offense, frame.measure, frame["count"], frame.period_start,
                    frame.period_end, strict=True)) == [("Connecticut", "53a-86", "arrests", 10, 2005, 2006)]


def test_a_statute_run_into_the_state_polices_short_name_is_the_state_polices_row(tmp_path, towns):
    """'53a-88 CSP': a statute's cell run into the name of the row beside it, the name the state police's short
    one: the state police's counts under that statute, not a statewide row of the statute's (the town rows'
    twins, '53a-88 Bristol', are their towns')."""
    path = tmp_path / "csp.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, 730, "Table 1. Convictions by town, 2014-2015")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 700, "Town")
    for x, year in ((260, "2014"), (320, "2015")):
        pdf.drawRightString(x, 700, year)
    for index, (name, first, second) in enumerate([("53a-88 Bristol", "1", "2"), ("53a-88 CSP", "0", "1"),
                                                   ("53a-88 Hartford", "4", "3")]):
        y = 684 - 14 * index
        pdf.drawString(72, y, name)
        pdf.drawRightString(260, y, first)
        pdf.drawRightString(320, y, second)
    pdf.save()
    frame, refusals = read_tipc(path, _source(path), towns, ROLES)
    assert refusals == []
    assert sorted(set(zip(frame.jurisdiction, frame.jurisdiction_type, frame.offense, strict=True))) == [
        ("Bristol", "town", "53a-88"), ("Connecticut State Police", "state_police", "53a-88"),
        ("Hartford", "town", "53a-88")]
    assert not frame.printed_total.any()
