"""A real government PDF (Statistical Abstract 2012, Table 324) read through the same geometry by a declared
spec, against a truth file checked by hand from the page images (tests/extract/data/table324_truth.md)."""

import csv
from pathlib import Path

import pandas as pd
import pytest

from pipeline.extract.spec_table import extract_spec_table, load_spec, read_spec_table
from pipeline.extract.tidy import ExtractionError, SourceRef
from tests.conftest import REPO_ROOT

SPEC = REPO_ROOT / "raw" / "reference" / "specs" / "statab_2012_table324.yaml"
TRUTH = Path(__file__).parent / "data" / "table324_truth.csv"


@pytest.fixture(scope="module")
def table324(real_settings) -> Path:
    return real_settings.cache_dir / "statab_2012_table324" / "12s0324.pdf"


def _extract(pdf: Path):
    return extract_spec_table(pdf, SourceRef("statab_2012_table324", "0" * 64, 2009, False, pdf.name), load_spec(SPEC))


def test_every_cell_matches_the_hand_checked_truth(table324: Path):
    frame = _extract(table324)
    truth = list(csv.DictReader(TRUTH.open(encoding="utf-8")))
    assert len(frame) == len(truth) == 288
    read = {(int(r.row_index), r.column_header): r for r in frame.itertuples(index=False)}
    for cell in truth:
        row = read[(int(cell["row_order"]), f"{cell['column_group']}: {cell['column']}")]
        assert row.cell_text == cell["printed"], cell
        assert row.row_label == cell["offense"], cell
        expected = float(cell["value_thousands"]) if cell["value_thousands"] else None
        if cell["printed"] == "–":
            expected = 0.0  # the legend: "– Represents zero."
        read_value = None if pd.isna(row.printed_value) else row.printed_value
        read_count = None if pd.isna(row.count) else row.count
        assert read_value == expected, cell
        assert read_count == (None if expected is None else round(expected * 1000)), cell
    assert set(frame.unit) == {"thousands"} and set(frame.jurisdiction) == {"United States"}


def test_the_prostitution_row_is_stored_with_sex_and_age(table324: Path):
    frame = _extract(table324)
    row = frame[frame.offense == "prostitution_and_commercialized_vice"].set_index("column_header")
    assert row.loc["Female: Total", "count"] == 39600 and row.loc["Male: Total", "count"] == 17300
    assert row.loc["Male: Under 18 years", "cell_text"] == "–" and row.loc["Male: Under 18 years", "count"] == 0
    assert (row.loc["Female: Total", "sex"], row.loc["Female: Total", "breakdown"]) == ("female", "sex")
    assert row.loc["Female: 18 years and over", "breakdown"] == "sex_age"


def test_a_table_that_differs_from_its_spec_is_refused_naming_the_line(table324: Path):
    from pipeline.extract.layout import Cell, Line, read_pdf_lines

    spec = load_spec(SPEC)
    lines = read_pdf_lines(table324)
    source = SourceRef("statab_2012_table324", "0" * 64, 2009, False, table324.name)
    renamed = [Line(line.page, line.number, tuple(Cell(c.text.replace("Robbery", "Robberies"), c.x0, c.x1)
                                                  for c in line.cells), line.top, line.bottom) for line in lines]
    with pytest.raises(ExtractionError, match=r"12s0324\.pdf, page 1, line \d+: row 5 prints 'Robberies'"):
        read_spec_table(renamed, spec, source)
    dropped = [line for line in lines if not line.text.startswith("Arson")]
    with pytest.raises(ExtractionError, match="31 rows of 9 numbers printed, the spec statab_2012_table324 decl"):
        read_spec_table(dropped, spec, source)


def test_validation_names_every_row_the_hand_check_found_inconsistent(table324: Path):
    from pipeline.validate import rules

    frame = _extract(table324)
    failing = rules.reconciliation(frame, [], {})
    failing = failing[~failing.reconciles]
    failing_rows = {group.split(" / ")[0] for group in failing.group}
    truth = list(csv.DictReader(TRUTH.open(encoding="utf-8")))
    # what the printed arithmetic can show (a '–' hiding fewer than the rounding, seen only in the FBI file, cannot)
    suspicious = {cell["offense"] for cell in truth if cell["note"].startswith("suspicious")
                  and "within rounding" not in cell["note"]}
    assert suspicious and failing_rows == suspicious
    assert set(failing.location.str.extract(r"^(page 1, table 1, row \d+)")[0].dropna()) and \
        failing.cell_text.notna().all()


def test_the_national_table_is_in_the_warehouse(pipeline_run):
    import duckdb

    with duckdb.connect(str(pipeline_run.settings.warehouse_path), read_only=True) as con:
        rows = con.execute("SELECT count(*), count(DISTINCT offense), sum(count) FILTER (WHERE offense = "
                           "'prostitution_and_commercialized_vice' AND column_index = 2) FROM facts "
                           "WHERE source_id = 'statab_2012_table324'").fetchone()
    assert rows == (288, 32, 56900)


@pytest.mark.parametrize(("field", "value", "says"), [
    ("decimals", "5000000000", "decimals: must be less than or equal to 6"),
    ("page", "0", "page: must be greater than or equal to 1"),
    ("scale", "-1000", "scale: must be greater than or equal to 1"),
    ("title", "'" + "x" * 5000 + "'", "title: "),
    ("name", "'../../etc/passwd'", "name: "),
])
def test_a_spec_field_out_of_bounds_is_one_line_naming_it(tmp_path: Path, field: str, value: str, says: str):
    from pipeline.sources.typed_yaml import ManifestError

    lines = [f"{field}: {value}" if line.startswith(f"{field}:") else line
             for line in SPEC.read_text(encoding="utf-8").splitlines()]
    spec = tmp_path / "bad.yaml"
    spec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ManifestError) as refused:
        load_spec(spec)
    message = str(refused.value)
    assert "\n" not in message and says in message and message.startswith(str(spec)), message
    assert len(message) < 400  # a long value is shown cut short, never echoed whole
