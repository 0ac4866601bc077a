"""`ctip tables` as a person runs it on a PDF: text grids, JSON, CSV files; chosen pages and areas; and every
argument or file it cannot use answered with exit code 2 and one line saying what is wrong."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline.extract.tables.geometry as geometry_module
from pipeline.cli import main
from tests.extract.tables.drawing import Sheet, table

CTIP = str(Path(sys.executable).parent / "ctip")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six pages; page 2 is prose, each other page one table whose first label names its page."""
    sheet = Sheet(tmp_path_factory.mktemp("tables-command") / "report.pdf")
    for number in range(1, 7):
        if number == 2:
            sheet.text(72, 700, "A page of running text and nothing tabular in it at all, just words.")
        else:
            sheet.row(714, [(72, "Town"), (-250, "Arrests"), (-330, "Convictions")])
            table(sheet, 700, [(f"Page{number}", str(10 + number), "7"), ("Bristol", "1,204", "88")], (72, 250, 330))
        if number < 6:
            sheet.page()
    return sheet.save()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["tables", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_grids_by_default(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, str(report), "--pages", "3")
    assert code == 0 and err == ""
    head, *grid = out.splitlines()
    assert head == "table 1: page 3, 3 rows x 3 columns, 1 header row(s), bbox 72, 684, 330, 723"
    assert "│ Town    │ Arrests │ Convictions │" in grid and "│ Bristol │ 1,204   │ 88          │" in grid


def test_json_lists_every_table_with_its_cells(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, str(report), "--json")
    assert code == 0 and err == ""
    shown = json.loads(out)
    assert shown["file"] == "report.pdf"
    assert [t["page"] for t in shown["tables"]] == [1, 3, 4, 5, 6]
    first = shown["tables"][0]
    assert first["header_rows"] == 1 and len(first["cells"]) == 9
    assert {"row": 1, "col": 0, "row_span": 1, "col_span": 1, "text": "Page1"} in first["cells"]


def test_pages_take_numbers_and_ranges(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(report), "--pages", "1,3-5", "--json")
    assert code == 0
    assert [t["page"] for t in json.loads(out)["tables"]] == [1, 3, 4, 5]


def test_areas_are_repeatable_and_read_in_the_order_given(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(report), "--area", "4:60,693,260,730", "--area", "1:72,600,540,705", "--json")
    assert code == 0
    first, second = json.loads(out)["tables"]
    assert first["page"] == 4 and [c["text"] for c in first["cells"]] == ["Town", "Arrests", "Page4", "14"]
    assert second["page"] == 1 and [c["text"] for c in second["cells"]][:3] == ["Page1", "11", "7"]


def test_csv_writes_one_file_per_table(report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    code, out, err = _run(capsys, str(report), "--pages", "1,4", "--csv", str(folder))
    assert code == 0 and out == ""  # the grids go to the files, not the terminal
    written = sorted(folder.iterdir())
    assert [p.name for p in written] == ["report-p1-t1.csv", "report-p4-t2.csv"]
    assert err.splitlines() == [f"ctip tables: {path}" for path in written]
    with open(written[1], newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [["Town", "Arrests", "Convictions"], ["Page4", "14", "7"],
                                            ["Bristol", "1,204", "88"]]


def test_a_pdf_without_tables_says_so_and_succeeds(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, str(report), "--pages", "2")
    assert (code, out, err) == (0, "", "ctip tables: no table found in report.pdf\n")


@pytest.mark.parametrize("argv, named", [
    (["--pages", "0"], "--pages: '0': pages count from 1"),
    (["--pages", "5-3"], "--pages: '5-3': pages count from 1, low to high"),
    (["--pages", "one"], "--pages: 'one': pages are numbers and ranges"),
    (["--area", "1:3,4"], "--area: '1:3,4': an area is PAGE:x0,y0,x1,y1"),
    (["--area", "1:300,100,200,500"], "--area: '1:300,100,200,500': the page counts from 1 and x1 > x0"),
    (["--area", "1:72,500,300,400"], "--area: '1:72,500,300,400': the page counts from 1 and x1 > x0, y1 > y0"),
    (["--area", "0:72,300,540,700"], "--area: '0:72,300,540,700': the page counts from 1"),
])
def test_bad_arguments_exit_2_with_one_error_line(report: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                                  named: str) -> None:
    """A usage error, as every ctip command gives one: the usage line, then one line naming the bad value."""
    code, out, err = _run(capsys, str(report), *argv)
    assert code == 2 and out == ""
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and f"Invalid value for {named}" in errors[0]
    assert err.startswith("Usage: ctip tables ")


def test_a_missing_file_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.pdf"
    assert _run(capsys, str(missing)) == (2, "", f"ctip tables: {missing}: no such file\n")


def test_a_file_it_cannot_read_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_text("Town,Arrests\n")
    code, out, err = _run(capsys, str(notes))
    assert (code, out) == (2, "")
    assert err == "ctip tables: notes.pdf: not a PDF file (it starts with b'Town,Arrests\\n')\n"


def test_a_page_it_does_not_have_exits_2_with_one_line(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, str(report), "--pages", "9") == (2, "", "ctip tables: report.pdf: no page 9 (the PDF has 6)\n")
    assert _run(capsys, str(report), "--area", "8:1,2,3,4")[2] == "ctip tables: report.pdf: no page 8 (the PDF has 6)\n"


def test_a_page_too_complex_exits_2_with_one_line(report: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(geometry_module, "MAX_OBJECTS", 5)
    code, out, err = _run(capsys, str(report), "--pages", "1")
    assert (code, out) == (2, "") and err.startswith("ctip tables: report.pdf") and err.count("\n") == 1


def test_the_console_script_prints_json_and_exits_0(report: Path) -> None:
    done = subprocess.run([CTIP, "tables", str(report), "--pages", "6", "--json"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert [t["page"] for t in json.loads(done.stdout)["tables"]] == [6]


def test_the_console_script_exits_2_on_a_missing_file(tmp_path: Path) -> None:
    done = subprocess.run([CTIP, "tables", str(tmp_path / "nowhere.pdf")], capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"ctip tables: {tmp_path / 'nowhere.pdf'}: no such file\n"
