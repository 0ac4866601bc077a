"""TIPC meaning on the general reader's grids (`pipeline/extract/meaning`): generated reports read exactly, every
table read or refused on its own, and `ctip extract --reader grid` naming every refused table."""

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


def _two_tables(path: Path) -> None:
    """Page 1: a readable table, then one whose column says no statute, measure or year anywhere."""
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, 720, "Table 1. Arrests under CGS 53a-82, 2015")
    pdf.setFont("Helvetica", 10)
    for number, (name, count) in enumerate([("Town", "2015"), ("Hartford", "12"), ("Bristol", "3"),
                                            ("Norwalk", "7")]):
        pdf.drawString(72, 696 - 14 * number, name)
        pdf.drawRightString(260, 696 - 14 * number, count)
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
    assert main(["extract", str(path), "--reader", "grid", "-o", str(out)]) == 2
    assert not out.exists()
    assert "two.pdf, page 1, table 2: column 'Figure'" in capsys.readouterr().err
    assert main(["extract", str(path), "--reader", "grid", "-o", str(out), "--keep-readable"]) == 1
    assert len(pd.read_csv(out)) == 3
    refusals = pd.read_csv(tmp_path / "two.refusals.csv")
    assert refusals.table.tolist() == ["two.pdf, page 1, table 2"]
    assert main(["extract", str(path), "-o", str(out), "--keep-readable"]) == 2  # the line reader has no tables
    assert "--keep-readable needs --reader grid" in capsys.readouterr().err
