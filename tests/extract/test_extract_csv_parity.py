"""`ctip extract` writes its CSV without pandas (issue 23: start-up); these prove that it writes the very bytes the
pandas path wrote: a generated report read by both readers, the same tables as CSV and XLSX, Table 324 (printed
values in thousands), and hand-made records with every kind of null, float and risky text."""

import csv
import hashlib
import math
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.extract.meaning import extract_tipc, read_tipc, read_tipc_rows
from pipeline.extract.reference import (
    load_measures,
    load_statutes,
    load_towns,
    measure_rows,
    statute_rows,
    town_rows,
)
from pipeline.extract.tidy import (
    EXTRACT_CSV_COLUMNS,
    SourceRef,
    extract_csv,
    frame_rows,
    spreadsheet_safe,
    tidy_frame,
    tidy_rows,
)
from pipeline.extract.vocabulary import Vocabulary
from pipeline.synthetic.tipc_report import ReportSpec, default_tables, write_report, write_table_file
from tests.conftest import REPO_ROOT

REFERENCE = REPO_ROOT / "raw" / "reference"
TOWNS_FILE = Path("ct_towns") / "ct-town-county-fips-list.csv"


def pandas_csv(frame: pd.DataFrame, source_file: str) -> str:
    """What `ctip extract` wrote while it went through pandas (tipc.to_extract_csv): the reference bytes."""
    out = frame.rename(columns={"offense": "statute"}).assign(source_file=source_file)
    out["year"] = out.period_start.where(out.period_start == out.period_end).astype("Int64")
    return spreadsheet_safe(out[EXTRACT_CSV_COLUMNS]).to_csv(index=False, lineterminator="\n")


def _source(path: Path) -> SourceRef:
    return SourceRef(path.stem, "ab" * 32, 0, True, path.name)


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.from_rows(statute_rows(REFERENCE / "statutes.csv"), measure_rows(REFERENCE / "measures.csv"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, towns) -> dict[str, Path]:
    """A short report (the benchmark's start-up input), the full one, and the full one's tables as CSV and XLSX."""
    folder = tmp_path_factory.mktemp("parity")
    write_report(folder / "short.pdf", None, towns, ReportSpec(n_towns=40, tables=default_tables()[:2]))
    write_report(folder / "full.pdf", None, towns)
    for suffix in (".csv", ".xlsx"):
        write_table_file(folder / f"full{suffix}", towns, ReportSpec(tables=default_tables()))
    return {path.name: path for path in folder.iterdir()}


@pytest.mark.parametrize("name", ["short.pdf", "full.pdf", "full.csv", "full.xlsx"])
def test_grid_reader_rows_write_the_pandas_bytes(inputs, towns, vocabulary, name):
    path = inputs[name]
    frame, refusals = read_tipc(path, _source(path), towns, vocabulary)
    rows, row_refusals = read_tipc_rows(path, _source(path), towns, vocabulary)
    assert refusals == row_refusals == [] and len(rows) == len(frame) > 900
    assert extract_csv(rows, name) == pandas_csv(frame, name)


@pytest.mark.parametrize("name", ["short.pdf", "full.pdf", "full.csv", "full.xlsx"])
def test_the_pipelines_frame_writes_the_pandas_bytes(inputs, towns, vocabulary, name):
    path = inputs[name]
    frame = extract_tipc(path, _source(path), towns, vocabulary)
    assert extract_csv(frame_rows(frame), name) == pandas_csv(frame, name)


def test_the_command_writes_the_pandas_bytes(inputs, towns, vocabulary, tmp_path, capsys):
    path = inputs["short.pdf"]
    assert main(["extract", str(path), "-o", str(tmp_path / "out.csv")]) == 0
    source = SourceRef(path.stem, hashlib.sha256(path.read_bytes()).hexdigest(), 0, True, path.name)
    frame = read_tipc(path, source, towns, vocabulary)[0]
    written = (tmp_path / "out.csv").read_bytes()
    assert written == pandas_csv(frame, path.name).encode("utf-8")
    assert main(["extract", str(path)]) == 0
    assert capsys.readouterr().out.encode("utf-8") == written


def test_table_324_printed_values_write_the_pandas_bytes(real_settings):
    from pipeline.extract.spec_table import extract_spec_table, load_spec

    pdf = real_settings.cache_dir / "statab_2012_table324" / "12s0324.pdf"
    spec = load_spec(REFERENCE / "specs" / "statab_2012_table324.yaml")
    frame = extract_spec_table(pdf, SourceRef("statab_2012_table324", "0" * 64, 2009, False, pdf.name), spec)
    assert frame.printed_value.notna().any()
    assert extract_csv(frame_rows(frame), pdf.name) == pandas_csv(frame, pdf.name)


HAND_MADE = [  # out of order, keys missing, every null pandas knows, floats repr must keep, text a sheet would run
    {"page": 2, "table_index": 1, "row_index": 3, "column_index": 2, "cell_text": "=SUM(A1)", "count": 7,
     "period_start": 2010, "period_end": 2010, "offense": "53a-82", "printed_total": False},
    {"page": None, "table_index": None, "row_index": 5, "column_index": 1, "cell_text": "-4", "count": None,
     "period_start": 2010, "period_end": None, "printed_value": 0.1 + 0.2, "row_label": "+x"},
    {"page": 1, "table_index": 2, "row_index": 1, "column_index": 1, "cell_text": "1,234", "count": 1234,
     "period_start": 2005, "period_end": 2014, "printed_value": 1e-05, "printed_total": True, "unit": "thousands",
     "meaning_source": 'statute: "53a-82"; a, b\nnext line', "column_header": "@home"},
    {"page": 1, "table_index": 1, "row_index": 1, "column_index": 3, "cell_text": "\tx", "count": 12.0,
     "period_start": None, "period_end": 2012, "printed_value": 1234567.0, "role": "", "jurisdiction": "Ä, ö"},
    {"page": 1, "table_index": 1, "row_index": 1, "column_index": 2, "cell_text": "", "count": 0,
     "period_start": 2011.0, "period_end": 2011, "printed_value": math.nan, "sex": None, "offense": math.nan},
]


def test_hand_made_records_give_the_frame_and_its_bytes():
    source = SourceRef("src", "cd" * 32, 0, False, "r.pdf")
    frame = tidy_frame(HAND_MADE, source)
    rows = tidy_rows(HAND_MADE, source)
    assert rows == frame_rows(frame)
    assert extract_csv(rows, "-r.pdf") == pandas_csv(frame, "-r.pdf")
    assert extract_csv([], "r.pdf") == pandas_csv(tidy_frame([{"page": 1}], source).iloc[:0], "r.pdf")


def test_a_fraction_in_a_whole_number_column_is_refused_as_pandas_refuses_it():
    record = {"page": 1.5}
    with pytest.raises((TypeError, ValueError)):
        tidy_frame([record], SourceRef("s", "0" * 64, 0, False, "f"))
    with pytest.raises(ValueError, match="not a whole number"):
        tidy_rows([record], SourceRef("s", "0" * 64, 0, False, "f"))


def test_reference_frames_are_what_pandas_read_csv_gave(real_settings):
    """The pipeline's reference frames, now built from the csv-module rows, equal the pd.read_csv frames."""
    def read(path: Path, **options) -> pd.DataFrame:
        return pd.read_csv(path, dtype=str, keep_default_na=False, **options)

    statutes = read(REFERENCE / "statutes.csv")
    pd.testing.assert_frame_equal(load_statutes(REFERENCE / "statutes.csv"),
                                  statutes[["statute", "title", "role", "aliases"]])
    pd.testing.assert_frame_equal(load_measures(REFERENCE / "measures.csv"),
                                  read(REFERENCE / "measures.csv")[["measure", "aliases"]])
    towns = read(real_settings.cache_dir / TOWNS_FILE, encoding="utf-8-sig").rename(
        columns={"Town": "town", "County": "county", "FIPS": "fips"})[["town", "county", "fips"]]
    pd.testing.assert_frame_equal(load_towns(real_settings.cache_dir / TOWNS_FILE),
                                  towns.sort_values("town", kind="stable").reset_index(drop=True))
    assert [row["town"] for row in town_rows(real_settings.cache_dir / TOWNS_FILE)] == towns.town.sort_values(
        kind="stable").tolist()


def test_vocabulary_from_rows_is_the_vocabulary_from_frames(vocabulary):
    frames = Vocabulary.from_tables(load_statutes(REFERENCE / "statutes.csv"),
                                    load_measures(REFERENCE / "measures.csv"))
    assert vocabulary == frames == Vocabulary.from_reference_dir(REFERENCE)
    assert vocabulary.statute_aliases and vocabulary.measure_aliases and set(vocabulary.roles) >= {"53a-82", "53a-83"}


def test_read_rows_reads_what_read_csv_reads(tmp_path):
    """Quoted commas and line breaks, empty fields, a byte order mark, CRLF endings and blank lines."""
    from pipeline.extract.reference import read_rows

    path = tmp_path / "t.csv"
    path.write_bytes('\ufeffstatute,title,role,aliases\r\n53a-82,"Prostitution, x",seller,\r\n\r\n'
                     '53a-83,"two\nlines",,"a|b"\r\n'.encode())
    expected = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert read_rows(path) == expected.to_dict("records")
    with open(path, newline="", encoding="utf-8-sig") as handle:
        assert len(list(csv.reader(handle))) == 4  # the blank line is there, and skipped by both
