"""Bad data through a real dagster.materialize: the blocking check fails, nothing downstream runs, the
warehouse and every published report version stay byte-for-byte as they were, and the message names the row."""

import hashlib
import shutil
from pathlib import Path

import pytest

from pipeline.synthetic.tipc_report import ReportSpec, default_tables, write_report
from tests.conftest import raw_with, run_pipeline, settings_in, tree_digest

DOWNSTREAM = {"warehouse_core_tables", "published_disparity", "ucr_town_by_year", "report_figures", "report_version"}


def _ucr(pipeline_run, year: int) -> bytes:
    name = f"Uniform_Crime_Reporting_System_Arrests_{year}.csv"
    return (pipeline_run.settings.cache_dir / f"ucr_arrests_{year}" / name).read_bytes()



def _run_bad(pipeline_run, tmp_path: Path, raw: Path):
    settings = settings_in(tmp_path / "work", cache=pipeline_run.settings.cache_dir, raw=raw)
    settings.warehouse_path.parent.mkdir(parents=True)
    shutil.copyfile(pipeline_run.settings.warehouse_path, settings.warehouse_path)
    shutil.copytree(pipeline_run.settings.reports_dir, settings.reports_dir)
    warehouse, reports = hashlib.sha256(settings.warehouse_path.read_bytes()).hexdigest(), tree_digest(
        settings.reports_dir)
    result = run_pipeline(settings, raise_on_error=False)
    assert not result.success
    ran = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"}
    assert "facts_validation" in ran and not ran & DOWNSTREAM
    assert hashlib.sha256(settings.warehouse_path.read_bytes()).hexdigest() == warehouse
    assert tree_digest(settings.reports_dir) == reports
    return {e.event_specific_data.check_name: e.event_specific_data for e in result.all_events
            if e.event_type_value == "ASSET_CHECK_EVALUATION"}


def _replace_cell(data: bytes, label: str, column: int, value: str) -> bytes:
    lines = data.decode("utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.startswith(label + ","):
            cells = line.split(",")
            cells[column - 1] = value
            lines[i] = ",".join(cells)
    return "\n".join(lines).encode("utf-8")


def test_a_negative_count(pipeline_run, tmp_path):
    bad = _replace_cell(_ucr(pipeline_run, 2012), "Prostit 10-12", 5, "-1")
    checks = _run_bad(pipeline_run, tmp_path, raw_with(tmp_path, {"ucr_arrests_2012": bad}))
    schema = checks["schema_expectations"]
    assert not schema.passed
    assert "counts_non_negative [error]: 1 row(s) fail: source ucr_arrests_2012, line 467, column 5 " \
           "('Ansonia PD'): 'Prostit 10-12' = '-1'" in schema.description


def test_a_total_that_does_not_reconcile(pipeline_run, tmp_path):
    bad = _replace_cell(_ucr(pipeline_run, 2012), "Prostit F", 3, "270")
    checks = _run_bad(pipeline_run, tmp_path, raw_with(tmp_path, {"ucr_arrests_2012": bad}))
    reconciliation = checks["reconciliation_expectations"]
    assert not reconciliation.passed
    assert ("source ucr_arrests_2012, statewide_equals_agencies 'Prostit F' at line 493, column 3 (Connecticut): "
            "printed 270 (cell '270'), parts sum 265") in reconciliation.description


def test_a_duplicate_key(pipeline_run, tmp_path):
    data = _ucr(pipeline_run, 2013).decode("utf-8")
    line = next(line for line in data.split("\n") if line.startswith("Prostit M,"))
    bad = (data.rstrip("\n") + "\n" + line + "\n").encode("utf-8")
    checks = _run_bad(pipeline_run, tmp_path, raw_with(tmp_path, {"ucr_arrests_2013": bad}))
    keys = checks["keys_expectations"]
    assert not keys.passed and "keys_unique [error]" in keys.description
    assert ("source ucr_arrests_2013, line 494, column 200 ('CSP Total'): 'Prostit M' = '0' [CSP Total / aggregate]; "
            "source ucr_arrests_2013, line 814, column 200 ('CSP Total'): 'Prostit M' = '0'") in keys.description


def test_an_unmapped_column(pipeline_run, tmp_path):
    bad = _ucr(pipeline_run, 2011).replace(b"Avon PD", b"Avon Police Dept", 1)
    checks = _run_bad(pipeline_run, tmp_path, raw_with(tmp_path, {"ucr_arrests_2011": bad}))
    jurisdictions = checks["jurisdictions_expectations"]
    assert not jurisdictions.passed
    assert "jurisdiction_resolved [error]: 29 row(s) fail: source ucr_arrests_2011" in jurisdictions.description
    assert "column 7 ('Avon Police Dept')" in jurisdictions.description


def test_an_unknown_town_in_a_tipc_report(pipeline_run, tmp_path, towns):
    from pipeline.sources.acquire import sha256_file

    pdf = tmp_path / "raw" / "tipc" / "tipc_2015.pdf"
    pdf.parent.mkdir(parents=True)
    truth = write_report(pdf, None, towns, ReportSpec(tables=default_tables()[:1], extra_rows=("Springfield",)))
    printed = next(row for row in truth if row["row_label"] == "Springfield")
    entry = {"id": "tipc_2015", "kind": "tracked", "dataset": "tipc_report", "title": "SYNTHETIC report",
             "publisher": "tests", "path": "tipc/tipc_2015.pdf", "filename": pdf.name, "sha256": sha256_file(pdf),
             "size": pdf.stat().st_size, "license": "MIT", "period": [2005, 2014], "format": "tipc_pdf",
             "synthetic": True}
    checks = _run_bad(pipeline_run, tmp_path, raw_with(tmp_path, {}, [entry]))
    schema = checks["schema_expectations"]  # the reader refuses the table that prints it: nothing of it is loaded
    assert not schema.passed
    where = f"tipc_2015.pdf, page {printed['page']}, table 1, row {printed['row_index']}"
    assert f"tables_read [error]: 1 row(s) fail: source tipc_2015: {where}: row 'Springfield' names no town of " \
           "the reference" in schema.description


@pytest.mark.parametrize("year", [2014, 2015])
def test_the_real_defects_are_warnings_with_their_numbers(pipeline_run, year):
    report = (pipeline_run.settings.reports_dir / (pipeline_run.settings.reports_dir / "LATEST").read_text().strip()
              / "report.md").read_text()
    expected = {2014: "| ucr_arrests_2014 | statewide_equals_agencies | Prostit F | 284 | 266 | 18 |",
                2015: "| ucr_arrests_2015 | statewide_equals_agencies | Prostit F | – | 209 | – |"}
    assert expected[year] in report


def test_national_sources_that_disagree_stop_the_run_before_the_warehouse(pipeline_run, tmp_path):
    """The FBI adults file with 900 more women in 2009, consistently (age groups still add up): only the
    reconciliation with Table 324 can see it, and it blocks."""
    name = "arrests_national_adults.csv"
    data = (pipeline_run.settings.cache_dir / "fbi_asr_national_adults" / name).read_text(encoding="utf-8")
    lines = data.split("\n")
    header = next(__import__("csv").reader([lines[0]]))
    at = next(i for i, line in enumerate(lines) if ',2009,"ASR_PRS"' in line)
    cells = lines[at].split(",")
    for column in ("total_female", "f_25_29"):
        cells[header.index(column)] = str(int(cells[header.index(column)]) + 900)
    lines[at] = ",".join(cells)
    bad = "\n".join(lines).encode("utf-8")
    checks = _run_bad(pipeline_run, tmp_path, raw_with(tmp_path, {"fbi_asr_national_adults": bad}))
    reconciliation = checks["reconciliation_expectations"]
    assert not reconciliation.passed
    assert ("source statab_2012_table324, national_sources_agree 'Prostitution and commercialized vice 2009 / "
            "female / 18_and_over vs fbi_asr_national_adults' at page 1, table 1, row 19") in reconciliation.description
    assert "printed 38700 (cell '38.7'), parts sum 39622" in reconciliation.description
