"""The reader as one call: `read_tables` on a whole PDF, on chosen pages, on chosen areas of pages as shown; the
JSON a table becomes; and every file it cannot read refused as a `TableReadError` in one line naming the file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

import pipeline.extract.tables.geometry as geometry_module
import pipeline.extract.tables.reader as reader_module
from pipeline.extract.tables import Area, Table, TableReadError, read_pages, read_tables
from tests.extract.tables.drawing import FONT, Sheet, table

COUNTS = [("Avon", "12", "7", "19"), ("Bristol", "1,204", "88", "1,292"), ("Canton", "3", "–", "3"),
          ("Danbury", "40", "2", "42")]
COLUMNS = (72, 250, 330, 400)
OFFENSES = [("Larceny", "12"), ("Arson", "3"), ("Fraud", "8")]


def _report(path: Path) -> Path:
    """Four pages: a table of counts with a caption and a source (1), prose (2), a small table (3) and a table
    printed sideways on a page turned by /Rotate 90 (4)."""
    sheet = Sheet(path)
    sheet.text(72, 740, "Table 1. Arrests by town")
    sheet.row(714, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "Total")])
    last = table(sheet, 700, COUNTS, COLUMNS)
    sheet.text(72, last - 24, "Source: state police.")
    sheet.page()
    sheet.text(72, 760, "Nothing tabular on this page at all, only a sentence.")
    sheet.page()
    sheet.row(500, [(72, "Offense"), (-250, "Count")])
    table(sheet, 486, OFFENSES, (72, 250))
    sheet.page().rotate(90)
    _, height = sheet.shown_size()
    sideways = [("Town", "Arrests", "Convictions"), ("Avon", "12", "7"), ("Bristol", "1,204", "88")]
    for index, cells in enumerate(sideways):
        for x, text in zip((72, 250, 400), cells, strict=True):
            sheet.upright(x, height - 72 - 14 * index, text)
    return sheet.save()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _report(tmp_path_factory.mktemp("reader") / "report.pdf")


def _one_line(error: pytest.ExceptionInfo[TableReadError], name: str) -> str:
    message = str(error.value)
    assert "\n" not in message and message.startswith((f"{name}: ", f"{name}, page "))
    return message


def test_every_page_is_read_in_order(report: Path) -> None:
    tables = read_tables(report)
    assert [t.page for t in tables] == [1, 3, 4]
    counts, offenses, sideways = tables
    assert counts.grid() == [["Town", "Adult", "Juvenile", "Total"], *[list(row) for row in COUNTS]]
    assert offenses.grid() == [["Offense", "Count"], *[list(row) for row in OFFENSES]]
    assert sideways.grid() == [["Town", "Arrests", "Convictions"], ["Avon", "12", "7"], ["Bristol", "1,204", "88"]]
    assert all(t.header_rows == 1 and not t.ruled for t in tables)


def test_text_set_close_over_and_under_a_table_is_its_context(report: Path) -> None:
    counts = read_tables(report, pages=[1])[0]
    assert counts.above == ("Table 1. Arrests by town",)
    assert counts.below == ("Source: state police.",)


def test_two_tables_side_by_side_each_keep_their_own_title_from_one_line(tmp_path: Path) -> None:
    """Titles of two tables set side by side on one line (the left one wrapped on the next): each table's caption
    is the part of the lines not over the table beside it, never the other table's title read into its own."""
    from pipeline.extract.tables.settings import DEFAULT
    from tests.extract.tables.drawing import lines

    sheet = Sheet(tmp_path / "beside.pdf")
    sheet.text(72, 742, "Table 1. Persons held,").text(300, 742, "Exhibit 2. Persons freed")
    sheet.text(72, 730, "by office")
    found = lines(sheet.save())
    top = found[-1].bottom + 6  # the tables' first lines just under the titles (reading frame: y grows down)
    left, right = (72.0, top, 222.0, top + 60), (300.0, top, 450.0, top + 60)
    assert reader_module._context(found, left, [left, right], DEFAULT)[0] == ("Table 1. Persons held,", "by office")
    assert reader_module._context(found, right, [left, right], DEFAULT)[0] == ("Exhibit 2. Persons freed",)


def test_a_title_line_wrapped_short_of_the_table_beside_is_that_tables(tmp_path: Path) -> None:
    """The right table's title wraps onto a short second line that ends left of the table under it (the table is
    centred in its half, narrower than its title): still nearer that table than the left one, so its caption, not
    the left table's ('2017-2018' must not become the left table's period)."""
    from pipeline.extract.tables.settings import DEFAULT
    from tests.extract.tables.drawing import lines

    sheet = Sheet(tmp_path / "beside-wrapped.pdf")
    sheet.text(40, 742, "Table 1. Arrests by town, 2017").text(300, 742, "Exhibit 2. Convictions under 53a-83, by")
    sheet.text(300, 730, "town, 2017-2018")
    found = lines(sheet.save())
    top = found[-1].bottom + 6
    left, right = (110.0, top, 200.0, top + 60), (380.0, top, 520.0, top + 60)
    assert reader_module._context(found, left, [left, right], DEFAULT)[0] == ("Table 1. Arrests by town, 2017",)
    assert reader_module._context(found, right, [left, right], DEFAULT)[0] == (
        "Exhibit 2. Convictions under 53a-83, by", "town, 2017-2018")


def test_a_running_head_far_above_is_no_caption(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "far.pdf")
    sheet.text(72, 780, "Annual report 2007")  # 66 pt over the table: far more than `context_gap` lines
    sheet.row(714, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile"), (-400, "Total")])
    table(sheet, 700, COUNTS, COLUMNS)
    (found,) = read_tables(sheet.save())
    assert found.above == () and found.below == ()


def test_chosen_pages_only(report: Path) -> None:
    assert [t.page for t in read_tables(report, pages=[3])] == [3]
    assert [t.page for t in read_tables(report, pages=[4, 1])] == [1, 4]  # page order, whatever the order asked
    assert read_tables(report, pages=[2]) == []


def test_the_bbox_is_in_pdf_points_of_the_page_as_shown(report: Path) -> None:
    counts, offenses, sideways = read_tables(report)
    x0, y0, x1, y1 = counts.bbox
    assert x0 == pytest.approx(72, abs=0.1) and x1 == pytest.approx(400, abs=0.1)
    assert y0 < 700 - 14 * 3 and y1 == pytest.approx(714 + 9.45, abs=0.5)  # origin bottom left
    x0, y0, x1, y1 = sideways.bbox  # the turned page is 792 pt wide and 612 pt high as shown
    assert x0 == pytest.approx(72, abs=0.1) and x1 == pytest.approx(400 + stringWidth("Convictions", FONT, 10), abs=0.2)
    assert y1 == pytest.approx(612 - 72 + 9.45, abs=0.5) and y0 < 612 - 100


def test_areas_read_the_table_inside_each_in_the_order_given(report: Path) -> None:
    tables = read_tables(report, areas=[Area(3, (60, 440, 300, 520)), Area(1, (60, 665, 420, 730))])
    assert [t.page for t in tables] == [3, 1]
    assert tables[0].grid() == [["Offense", "Count"], *[list(row) for row in OFFENSES]]
    assert tables[1].grid() == [["Town", "Adult", "Juvenile", "Total"], ["Avon", "12", "7", "19"],
                                ["Bristol", "1,204", "88", "1,292"], ["Canton", "3", "–", "3"]]  # Danbury: below it


def test_an_area_cuts_columns_out_of_a_table(report: Path) -> None:
    (found,) = read_tables(report, areas=[Area(1, (60, 665, 290, 730))])
    assert found.grid()[:2] == [["Town", "Adult"], ["Avon", "12"]]


def test_an_area_on_a_turned_page_is_in_points_of_the_page_as_shown(report: Path) -> None:
    (found,) = read_tables(report, areas=[Area(4, (60, 500, 300, 560))])  # the left two columns as shown
    assert found.page == 4
    assert found.grid() == [["Town", "Arrests"], ["Avon", "12"], ["Bristol", "1,204"]]
    assert found.bbox[0] == pytest.approx(72, abs=0.1) and 500 < found.bbox[1] < found.bbox[3] < 560


def test_an_area_with_no_text_gives_no_table(report: Path) -> None:
    assert read_tables(report, areas=[Area(3, (60, 100, 300, 200))]) == []


def test_table_json_has_every_cell_and_its_span(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "json.pdf")
    for text, right in (("Arrests", 280), ("Courts", 420)):  # each centred over its two columns
        sheet.text(right - 42.5 - sheet.width(text) / 2, 728, text)
    sheet.row(714, [(72, "Town"), (-220, "Adult"), (-280, "Juvenile"), (-360, "Adult"), (-420, "Juvenile")])
    table(sheet, 700, [("Avon", "12", "7", "3", "1"), ("Bristol", "1,204", "88", "301", "20"),
                       ("Canton", "3", "–", "1", "–")], (72, 220, 280, 360, 420))
    (found,) = read_tables(sheet.save())
    shown = found.to_json()
    assert json.loads(json.dumps(shown)) == shown  # plain JSON, nothing to convert
    assert list(shown) == ["page", "pages", "bbox", "header_rows", "ruled", "title", "notes", "above", "below",
                           "cells"]
    assert shown["page"] == 1 and shown["pages"] == [1] and shown["header_rows"] == 2 and shown["ruled"] is False
    assert shown["title"] == shown["notes"] == shown["above"] == shown["below"] == []
    assert len(shown["bbox"]) == 4 and all(value == round(value, 2) for value in shown["bbox"])
    assert shown["cells"][:2] == [{"row": 0, "col": 1, "row_span": 1, "col_span": 2, "text": "Arrests"},
                                  {"row": 0, "col": 3, "row_span": 1, "col_span": 2, "text": "Courts"}]
    assert {"row": 3, "col": 1, "row_span": 1, "col_span": 1, "text": "1,204"} in shown["cells"]
    assert len(shown["cells"]) == len(found.cells) == 2 + 5 * 4


def test_pages_in_json_default_to_the_tables_own() -> None:
    bare = Table(page=7, bbox=(1.234, 2.0, 3.0, 4.0), cells=())
    assert bare.to_json()["pages"] == [7] and bare.to_json()["bbox"] == [1.23, 2.0, 3.0, 4.0]


def test_a_long_document_reads_its_pages_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read in parallel chunks when it can (one process per core), the tables still come back in page order."""
    monkeypatch.setattr(reader_module, "PARALLEL_FROM", 2)
    sheet = Sheet(tmp_path / "long.pdf")
    for number in range(1, 7):
        table(sheet, 700, [(f"Page {number}", str(number), "1"), ("Other", "2", "3")], (72, 250, 330))
        if number < 6:
            sheet.page()
    tables = read_tables(sheet.save())
    assert [t.page for t in tables] == [1, 2, 3, 4, 5, 6]
    assert [t.grid()[0][0] for t in tables] == [f"Page {number}" for number in range(1, 7)]


# ------------------------------------------------------------------------------------------------- refusals
def test_a_file_that_is_not_a_pdf_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_text("Town,Arrests\nAvon,12\n")
    with pytest.raises(TableReadError) as error:
        read_tables(notes)
    assert "not a PDF file" in _one_line(error, "notes.pdf")


def test_a_truncated_pdf_is_refused(tmp_path: Path) -> None:
    whole = _report(tmp_path / "whole.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])  # an interrupted download: no %%EOF
    with pytest.raises(TableReadError) as error:
        read_tables(cut)
    assert "truncated or corrupt PDF: no %%EOF" in _one_line(error, "cut.pdf")


def test_a_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "locked.pdf", encrypt="secret")
    table(sheet, 700, COUNTS, COLUMNS)
    with pytest.raises(TableReadError) as error:
        read_tables(sheet.save())
    assert "password-protected PDF" in _one_line(error, "locked.pdf")


def test_an_image_only_pdf_is_refused_as_a_scan(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    sheet = Sheet(tmp_path / "scan.pdf")
    sheet.canvas.drawImage(ImageReader(Image.new("RGB", (40, 40), "white")), 72, 400, 400, 300)
    with pytest.raises(TableReadError) as error:
        read_tables(sheet.save())
    assert "no text layer (an image-only or scanned PDF)" in _one_line(error, "scan.pdf")


def test_a_pdf_with_no_text_and_no_image_says_so(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "blank.pdf")
    sheet.line(72, 700, 300, 700)
    with pytest.raises(TableReadError) as error:
        read_tables(sheet.save())
    assert _one_line(error, "blank.pdf") == "blank.pdf: the PDF holds no text"


@pytest.mark.parametrize("pages, areas, missing", [([5], (), 5), ([1, 9], (), 9), ([0], (), 0),
                                                   (None, (Area(7, (0, 0, 100, 100)),), 7)])
def test_no_such_page_is_refused(report: Path, pages: list[int] | None, areas: tuple[Area, ...],
                                 missing: int) -> None:
    with pytest.raises(TableReadError) as error:
        read_tables(report, pages=pages, areas=areas)
    assert _one_line(error, "report.pdf") == f"report.pdf: no page {missing} (the PDF has 4)"


def test_a_corrupt_pdf_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot objects at all\n%%EOF\n")
    with pytest.raises(TableReadError) as error:
        read_tables(broken)
    assert "corrupt PDF" in _one_line(error, "broken.pdf")


def _damaged(path: Path) -> Path:
    """Two pages with a table each, their content compressed; page 2's stream damaged in its middle."""
    sheet = Sheet(path)
    sheet.canvas.setPageCompression(1)
    table(sheet, 700, [("Avon", "12", "7"), ("Bristol", "14", "9")], (72, 250, 330))
    sheet.page()
    table(sheet, 700, [("Canton", "3", "1"), ("Danbury", "40", "2")], (72, 250, 330))
    data = bytearray(sheet.save().read_bytes())
    starts = [m.end() for m in re.finditer(rb"stream\r?\n", data) if data[m.start() - 3:m.start()] != b"end"]
    assert len(starts) == 2
    data[starts[1] + 20:starts[1] + 30] = b"!" * 10  # still valid ASCII85: the Flate data under it is damaged
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_content_stream_is_refused_not_read_as_an_empty_page(tmp_path: Path) -> None:
    damaged = _damaged(tmp_path / "damaged.pdf")
    with pytest.raises(TableReadError) as error:
        read_tables(damaged)
    assert "corrupt PDF (page 2" in _one_line(error, "damaged.pdf")


def test_read_in_parallel_the_first_damaged_page_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages dealt over processes in turn: pages 3 and 4 damaged (one in each share), page 3 is the one named,
    as reading them in order would have said."""
    monkeypatch.setattr(reader_module, "PARALLEL_FROM", 2)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)  # two cores, whatever runs it
    sheet = Sheet(tmp_path / "long.pdf")
    sheet.canvas.setPageCompression(1)
    for number in range(1, 7):
        table(sheet, 700, [(f"Page {number}", str(number), "1"), ("Other", "2", "3")], (72, 250, 330))
        if number < 6:
            sheet.page()
    data = bytearray(sheet.save().read_bytes())
    starts = [m.end() for m in re.finditer(rb"stream\r?\n", data) if data[m.start() - 3:m.start()] != b"end"]
    for page in (3, 4):  # (the content streams come in page order in this file)
        data[starts[page - 1] + 20:starts[page - 1] + 30] = b"!" * 10
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(data))
    with pytest.raises(TableReadError) as error:
        read_tables(damaged)
    assert "corrupt PDF (page 3" in _one_line(error, "damaged.pdf")


@pytest.mark.parametrize("areas", [(), (Area(1, (0, 0, 612, 792)),)])
def test_a_page_too_complex_is_refused_naming_the_file(report: Path, monkeypatch: pytest.MonkeyPatch,
                                                       areas: tuple[Area, ...]) -> None:
    monkeypatch.setattr(geometry_module, "MAX_OBJECTS", 5)
    with pytest.raises(TableReadError) as error:
        read_tables(report, pages=None if areas else [1], areas=areas)
    assert "page 1" in _one_line(error, "report.pdf")


def test_read_pages_gives_each_page_its_tables_and_the_lines_outside_them(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "loose.pdf")
    sheet.text(72, 760, "A heading over the table")
    sheet.row(740, [(72, "Town"), (-250, "Adult"), (-330, "Juvenile")])
    table(sheet, 726, [("Avon", "12", "7"), ("Bristol", "1,204", "88")], (72, 250, 330))
    sheet.page()
    sheet.text(72, 760, "Canton")
    (first, second) = read_pages(sheet.save())
    assert (first.number, len(first.tables), second.number, second.tables) == (1, 1, 2, ())
    assert first.loose == ("A heading over the table",) and second.loose == ("Canton",)
    assert read_tables(sheet.path) == list(first.tables)


def test_a_region_that_holds_no_table_of_two_columns_leaves_its_lines_loose(tmp_path: Path) -> None:
    """A header over blank rows is a region, but a name reaching under the second header leaves one column: no
    table; its lines stay the page's loose lines (for the caller to account for), never dropped with the region."""
    sheet = Sheet(tmp_path / "no-table.pdf")
    sheet.row(742, [(72, "Cargo"), (-200, "Number")])
    sheet.text(72, 728, "Boxed goods of every size")  # (to x = 189, under 'Number' from x = 164)
    sheet.text(82, 714, "Pallets")
    (page,) = read_pages(sheet.save())
    assert page.tables == () and page.loose == ("Cargo Number", "Boxed goods of every size", "Pallets")
