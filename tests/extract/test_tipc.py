"""The TIPC extractor against generated reports whose every printed count is known (ground truth)."""

import io
from pathlib import Path

import pandas as pd
import pytest

from pipeline.extract.meaning import extract_tipc
from pipeline.extract.tidy import ExtractionError, SourceRef
from pipeline.extract.vocabulary import DEFAULT_LEGEND, resolve_label
from pipeline.synthetic.tipc_report import (
    ReportSpec,
    default_tables,
    single_year_spec,
    write_report,
    write_table_file,
)

ROLES = {"53a-82": "seller", "53a-83": "buyer"}
PROVENANCE = ["page", "table_index", "row_index", "row_label", "column_header", "cell_text", "jurisdiction",
              "period_start", "period_end", "statute", "measure", "count", "printed_total"]
KEY = ["jurisdiction", "period_start", "period_end", "statute", "measure", "printed_total"]


def _extract(path: Path, towns: list[str]) -> pd.DataFrame:
    return extract_tipc(path, SourceRef(path.stem, "0" * 64, 2005, True, path.name), towns, ROLES)


def _as_truth(frame: pd.DataFrame) -> set[tuple]:
    renamed = frame.rename(columns={"offense": "statute"})
    return {tuple(None if pd.isna(v) else v for v in row) for row in renamed[PROVENANCE].itertuples(index=False)}


def _truth_set(truth: list[dict]) -> set[tuple]:
    return {tuple(row[c] for c in PROVENANCE) for row in truth}


@pytest.fixture(scope="module")
def full_report(tmp_path_factory, towns):
    folder = tmp_path_factory.mktemp("full")
    truth = write_report(folder / "tipc_2015.pdf", folder / "tipc_2015.truth.csv", towns)
    return folder / "tipc_2015.pdf", truth


def test_full_report_matches_its_ground_truth_cell_for_cell(full_report, towns):
    path, truth = full_report
    extracted = _extract(path, towns)
    assert len(extracted) == len(truth)
    assert _as_truth(extracted) == _truth_set(truth)


def test_every_variation_is_in_the_full_report(full_report):
    path, truth = full_report
    frame = pd.DataFrame(truth)
    labels = set(frame.row_label)
    assert {"Total", "State Police", "CT STATE POLICE TROOPS", "CT State Police Troops"} <= labels
    assert any(label.endswith("*") for label in labels) and any(label.endswith("¹") for label in labels)
    assert any(label.endswith(" (a)") for label in labels) and any(label.isupper() for label in labels)
    assert {"–", "-", "0", "*"} <= set(frame.cell_text)
    assert frame.cell_text.str.contains(",").any()  # thousands separators
    assert frame["count"].isna().any()  # suppressed
    # tables over several pages, with and without a repeated header, portrait and landscape
    assert frame.groupby("statute").page.nunique().min() >= 2


def test_counts_are_typed_and_totals_flagged(full_report, towns):
    extracted = _extract(full_report[0], towns)
    suppressed = extracted[extracted.cell_text == "*"]
    assert len(suppressed) > 0 and suppressed["count"].isna().all()
    dashes = extracted[extracted.cell_text.isin(["–", "-"])]
    assert (dashes["count"] == 0).all()
    totals = extracted[extracted.row_label == "Total"]
    assert (totals.jurisdiction == "Connecticut").all() and totals.printed_total.all()
    assert not extracted[~extracted.printed_total].jurisdiction.eq("Connecticut").any()
    assert set(extracted.role) == {"seller", "buyer"}


def test_statewide_totals_reproduce_the_published_figures(full_report, towns):
    extracted = _extract(full_report[0], towns)
    decade = extracted[(extracted.jurisdiction == "Connecticut") & (extracted.period_start == 2005)
                       & (extracted.period_end == 2014)]
    totals = {(r.offense, r.measure): r.count for r in decade.itertuples()}
    assert totals == {("53a-82", "arrests"): 3557, ("53a-83", "arrests"): 1378,
                      ("53a-82", "convictions"): 1841, ("53a-83", "convictions"): 269}


def test_single_year_report(tmp_path: Path, towns):
    truth = write_report(tmp_path / "tipc_2016.pdf", None, towns, single_year_spec(2016))
    extracted = _extract(tmp_path / "tipc_2016.pdf", towns)
    assert _as_truth(extracted) == _truth_set(truth)
    assert set(extracted.period_start) == {2016} and set(extracted.measure) == {"arrests", "convictions"}
    assert (extracted.cell_text == "†").any()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_csv_and_xlsx_tables(tmp_path: Path, towns, suffix):
    spec = ReportSpec(tables=default_tables())
    truth = write_table_file(tmp_path / f"tables{suffix}", towns, spec)
    extracted = _extract(tmp_path / f"tables{suffix}", towns)
    expected = {(*(row[c] for c in KEY), row["count"]) for row in truth}
    got = {tuple(None if pd.isna(v) else v for v in row)
           for row in extracted.rename(columns={"offense": "statute"})[[*KEY, "count"]].itertuples(index=False)}
    assert got == expected and len(extracted) == len(truth)
    if suffix == ".csv":  # rows point at the file's own line numbers
        first = extracted.iloc[0]
        line = (tmp_path / "tables.csv").read_text().splitlines()[first.row_index - 1]
        assert line.startswith(first.row_label)


def test_a_name_that_is_not_a_town_is_refused_naming_page_table_and_row(tmp_path: Path, towns):
    """'Springfield' (Massachusetts) in a table of Connecticut towns: a misspelt or foreign name is never read as a
    place of its own; the report is refused where it prints."""
    spec = ReportSpec(tables=default_tables()[:1], extra_rows=("Springfield",))
    write_report(tmp_path / "r.pdf", None, towns, spec)
    _refused(tmp_path / "r.pdf", towns, r"^r\.pdf, page \d+, table 1, row \d+: row 'Springfield' names no town of the "
             r"reference")


def test_a_row_whose_counts_do_not_line_up_names_its_line(tmp_path: Path, towns):
    path = tmp_path / "short.csv"
    path.write_text("Table 1. Arrests under CGS 53a-82, 2005-2006\nTown,2005,2006\nHartford,3,4\nBristol,5\n")
    with pytest.raises(ExtractionError, match=r"short\.csv, line 4: row 'Bristol' has counts that do not line up"):
        _extract(path, towns)
    path.write_text("Table 1. Arrests under CGS 53a-82, 2005-2006\nTown,2005,2006\nHartford,3,4x\n")
    with pytest.raises(ExtractionError, match=r"line 3: row 'Hartford': cell '4x' under '2006' is not a count"):
        _extract(path, towns)


def test_a_wide_table_without_statute_or_measure_is_refused(tmp_path: Path, towns):
    path = tmp_path / "vague.csv"
    path.write_text("Table 1. Counts by town\nTown,2005\nHartford,3\n")
    with pytest.raises(ExtractionError, match=r"vague\.csv, table 1: column '2005' says no statute or measure"):
        _extract(path, towns)


def test_a_section_the_reviewed_statutes_do_not_list_is_refused(tmp_path: Path, towns):
    """'3a-88' (a misread '53a-88', or a statute nobody reviewed): a section number is read only when
    statutes.csv lists it; the table is refused naming the column and the section, never loaded with no role."""
    path = tmp_path / "unknown.csv"
    path.write_text("Table 1. Arrests by town, 2016\nTown,53a-82,§ 3a-88\nHartford,3,4\n")
    with pytest.raises(ExtractionError, match=r"unknown\.csv, table 1: column '§ 3a-88' names section '§ 3a-88', "
                                              r"which the reviewed statutes \(raw/reference/statutes\.csv\) do not"):
        _extract(path, towns)


@pytest.mark.parametrize("total", ["2005–07", "2005-07"])
def test_a_multi_year_row_in_the_year_column_is_a_printed_total_not_a_fiscal_year(tmp_path: Path, towns, total):
    """'2005–07' under 2005, 2006 and 2007 in a statewide table's Year column: three years are no one fiscal
    year ('2004-05' is refused as one), so the row is the printed total over 2005 to 2007."""
    path = tmp_path / "by-year.csv"
    path.write_text(f"Table 1. Statewide arrests under CGS 53a-82\nYear,Arrests\n2005,3\n2006,4\n2007,5\n"
                    f"{total},12\n", encoding="utf-8")
    extracted = _extract(path, towns)
    assert sorted(zip(extracted.period_start, extracted.period_end, extracted["count"], strict=True)) == [
        (2005, 2005, 3), (2005, 2007, 12), (2006, 2006, 4), (2007, 2007, 5)]
    assert set(extracted.jurisdiction) == {"Connecticut"} and extracted.printed_total.all()  # the state's: totals


def test_a_row_under_one_statute_in_a_column_headed_by_another_is_refused(tmp_path: Path, towns):
    """'Andover' under the heading '53a-83: Patronizing a prostitute', its count in a column headed 'Prostitution
    (53a-82)': the count cannot be both, so the table is refused naming the row and both, never read as the
    column's (wild seed 5656 #1978: a heading line '... (53a-82) (continued)' cut into the header)."""
    path = tmp_path / "contra.csv"
    path.write_text("Table 1. Convictions by town, 2010\nTown,Prostitution (53a-82)\nAvon,2\n"
                    "53a-83: Patronizing a prostitute,\nAndover,1\n", encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"contra\.csv, line 5: row 'Andover' is under '53a-83' \(53a-83\), "
                                              r"column 'Prostitution \(53a-82\)' under 'Prostitution' \(53a-82\)"):
        _extract(path, towns)


@pytest.mark.parametrize(("text", "value"), [("1,204", 1204), ("7", 7), ("–", 0), ("-", 0), ("*", None),
                                             ("†", None), ("", None)])
def test_a_cell_by_the_default_legend(text, value):
    assert DEFAULT_LEGEND.value(text) == value


def test_the_default_legend_refuses_text():
    with pytest.raises(ValueError):
        DEFAULT_LEGEND.value("12a")


@pytest.mark.parametrize(("printed", "expected"), [
    ("Hartford*", ("Hartford", "town")), ("Bridgeport¹", ("Bridgeport", "town")),
    ("Norwalk (a)", ("Norwalk", "town")), ("WINDSOR LOCKS", ("Windsor Locks", "town")),
    ("State Police", ("Connecticut State Police", "state_police")),
    ("CT State Police Troops", ("Connecticut State Police", "state_police")),
    ("TOTAL", ("Connecticut", "statewide")), ("Springfield", ("Springfield", "unresolved")),
    # a name whose rows go on overleaf, marked so at the page's foot
    ("Sprague cont'd …", ("Sprague", "town")), ("New Haven (continued)", ("New Haven", "town")),
    ("Avon (cont.)", ("Avon", "town")), ("Bristol contd...", ("Bristol", "town")),
])
def test_resolve_label(printed, expected, towns):
    assert resolve_label(printed, {t.casefold(): t for t in towns}) == expected


# ------------------------------------------------------------------------------------------------ bad files
@pytest.fixture(scope="module")
def small_report(tmp_path_factory, towns) -> bytes:
    path = tmp_path_factory.mktemp("small") / "r.pdf"
    write_report(path, None, towns, single_year_spec(2015))
    return path.read_bytes()


def _refused(path: Path, towns, pattern: str) -> None:
    with pytest.raises(ExtractionError, match=pattern):
        _extract(path, towns)


def test_truncated_pdf(tmp_path: Path, towns, small_report):
    (tmp_path / "t.pdf").write_bytes(small_report[: len(small_report) // 2])
    _refused(tmp_path / "t.pdf", towns, r"t\.pdf: truncated or corrupt PDF")


def test_corrupt_pdf(tmp_path: Path, towns, small_report):
    third = len(small_report) // 3
    damaged = small_report[:third] + bytes((i * 37) % 256 for i in range(3000)) + small_report[third + 3000:]
    (tmp_path / "c.pdf").write_bytes(damaged)
    _refused(tmp_path / "c.pdf", towns, r"c\.pdf: corrupt PDF")


def test_not_a_pdf(tmp_path: Path, towns):
    (tmp_path / "n.pdf").write_text("Town,2005\nHartford,3\n")
    _refused(tmp_path / "n.pdf", towns, r"n\.pdf: not a PDF file")


def test_password_protected_pdf(tmp_path: Path, towns):
    write_report(tmp_path / "p.pdf", None, towns, single_year_spec(2015), encrypt="secret")
    _refused(tmp_path / "p.pdf", towns, r"p\.pdf: password-protected PDF")


def test_pdf_without_tables(tmp_path: Path, towns):
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "prose.pdf"), invariant=1)
    pdf.drawString(72, 720, "Trafficking in Persons Council: minutes of the 2015 meeting (SYNTHETIC).")
    pdf.drawString(72, 700, "Table 1 will follow in the next report; 14 members attended.")
    pdf.showPage()
    pdf.save()
    _refused(tmp_path / "prose.pdf", towns, r"prose\.pdf: no TIPC tables found")


def test_image_only_pdf(tmp_path: Path, towns):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    figure = plt.figure(figsize=(6, 2))
    figure.text(0.1, 0.5, "Table 1. Arrests under CGS 53a-82\nTown 2015\nHartford 12 (SYNTHETIC scan)")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    buffer.seek(0)
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"), invariant=1)
    pdf.drawImage(ImageReader(buffer), 36, 400, width=540, height=180)
    pdf.showPage()
    pdf.save()
    _refused(tmp_path / "scan.pdf", towns, r"scan\.pdf: no text layer .*run OCR")


def test_unsupported_file_type(tmp_path: Path, towns):
    (tmp_path / "r.docx").write_bytes(b"PK")
    _refused(tmp_path / "r.docx", towns, r"unsupported file type '.docx'")


def _hand_drawn_table(path: Path, rows: list[tuple[str, str, str]], first_column_right: float) -> None:
    """A one-table report drawn directly (not by a generator): names from x=72, counts right-aligned."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), invariant=1)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(72, 740, "Table 1. Arrests for prostitution (CGS 53a-82) by town (SYNTHETIC)")
    y = 720
    for label, first, second in [("Town", "2015", "2016"), *rows]:
        pdf.drawString(72, y, label)
        pdf.drawRightString(first_column_right, y, first)
        pdf.drawRightString(first_column_right + 50, y, second)
        y -= 13
    pdf.showPage()
    pdf.save()


def test_a_count_set_hard_against_its_name_is_cut_where_its_column_ends(tmp_path: Path, towns):
    """'Total, all jurisdictions17': the 17 ends exactly where the 2015 counts above it end, so it is a count."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    right = 72 + stringWidth("Total, all jurisdictions17", "Helvetica", 9)
    path = tmp_path / "glued.pdf"
    _hand_drawn_table(path, [("Hartford", "12", "5"), ("New Haven", "5", "3"), ("Total, all jurisdictions", "17", "8")],
                      right)
    frame = _extract(path, towns)
    totals = frame[frame.row_label == "Total, all jurisdictions"].set_index("period_start")["count"]
    assert totals.to_dict() == {2015: 17, 2016: 8}
    assert len(frame) == 6


def test_a_number_set_against_a_name_off_every_column_is_refused(tmp_path: Path, towns):
    """'Hartford1' with the counts far to the right: a footnote number or a count? Refused, never guessed."""
    path = tmp_path / "footnote.pdf"
    _hand_drawn_table(path, [("Hartford1", "12", "5"), ("New Haven", "5", "3")], 220)
    _refused(path, towns, r"footnote\.pdf, page 1, table 1, row 1: row 'Hartford1' names no town")
