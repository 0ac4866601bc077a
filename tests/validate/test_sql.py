"""The DuckDB engine of the declared suite agrees with Great Expectations, check by check and row by row, on the
real facts and on facts broken in every way the suite looks for."""

import duckdb
import pandas as pd
import pytest

from pipeline.extract.tidy import TIDY_COLUMNS, conform
from pipeline.sources.inventory import manifest_sources
from pipeline.validate.run import validate_facts
from pipeline.validate.sql import validate_in_duckdb
from pipeline.validate.suites import CHECKS, load_exceptions
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def real(pipeline_run):
    with duckdb.connect(str(pipeline_run.settings.warehouse_path), read_only=True) as con:
        facts = conform(con.execute(f"SELECT {', '.join(TIDY_COLUMNS)} FROM facts").df())
        towns = con.execute("SELECT town, county, fips FROM towns ORDER BY town").df()
    sources = manifest_sources(pipeline_run.settings)
    return facts, towns, sources, load_exceptions(REPO_ROOT / "raw" / "validation_exceptions.yaml")


def _both(facts: pd.DataFrame, towns: pd.DataFrame, sources, exceptions):
    by_gx = validate_facts(facts, towns, sources, exceptions).findings
    con = duckdb.connect()
    con.register("facts", facts)
    by_sql = validate_in_duckdb(con, towns, sources, exceptions)
    con.close()
    return by_gx, by_sql


def _outcome(finding) -> tuple:
    rows = sorted(tuple(sorted((k, str(v)) for k, v in row.items())) for row in finding.rows)
    return (finding.check_id, finding.passed, finding.severity, finding.failed_rows, finding.exceptions, rows)


def test_both_engines_agree_on_the_real_facts(real):
    by_gx, by_sql = _both(*real)
    assert sorted(f.check_id for f in by_sql) == sorted(c.id for c in CHECKS)
    assert [_outcome(f) for f in by_sql] == [_outcome(f) for f in by_gx]
    assert not any(f.blocking for f in by_sql)
    assert any(not f.passed and f.exceptions for f in by_sql)  # the reviewed exceptions still show as warnings


def test_both_engines_agree_on_broken_facts(real):
    facts, towns, sources, exceptions = real
    broken = facts.copy()
    broken.loc[0, "count"] = -3                                    # a negative count
    broken.loc[1, "measure"] = "citations"                         # an unknown measure
    town_row = broken.index[broken.jurisdiction_type == "town"][0]
    broken.loc[town_row, "jurisdiction"] = "Atlantis"              # not a Connecticut town
    broken.loc[2, "period_start"] = broken.loc[2, "period_end"] = 1990  # outside its source's period
    broken = pd.concat([broken, broken.iloc[[5]]], ignore_index=True)   # a duplicated key
    by_gx, by_sql = _both(conform(broken), towns, sources, exceptions)
    assert [_outcome(f) for f in by_sql] == [_outcome(f) for f in by_gx]
    failed = {f.check_id for f in by_sql if f.blocking}
    assert {"counts_non_negative", "measure_known", "towns_are_connecticut_towns", "years_within_source_period",
            "keys_unique"} <= failed


def _refused(source_id: str = "tipc_2015") -> pd.DataFrame:
    reason = ("tipc_2015.pdf, page 4, table 1, row 47: row 'Springfield' names no town of the reference, nor the "
              "state police or a total")
    return pd.DataFrame({"source_id": [source_id], "page": [4], "table_index": [1],
                         "where": ["tipc_2015.pdf, page 4, table 1"], "reason": [reason]})


def test_a_refused_table_blocks_naming_file_page_table_and_why(real):
    facts, towns, sources, exceptions = real
    outcome = validate_facts(facts, towns, sources, exceptions, _refused())
    (finding,) = [f for f in outcome.blocking]
    assert finding.check_id == "tables_read" and finding.failed_rows == 1
    assert finding.message() == ("tables_read [error]: 1 row(s) fail: source tipc_2015: tipc_2015.pdf, page 4, "
                                 "table 1, row 47: row 'Springfield' names no town of the reference, nor the state "
                                 "police or a total")
    assert next(f for f in validate_facts(facts, towns, sources, exceptions).findings
                if f.check_id == "tables_read").passed  # nothing refused: passes


def test_a_reviewed_exception_accepts_a_refused_table_and_the_report_lists_it(real):
    from pipeline.report.render import Table
    from pipeline.report.sections import validation_section

    facts, towns, sources, exceptions = real
    accepted = [*exceptions, {"id": "tipc-2015-springfield", "check": "tables_read",
                              "match": {"source_id": "tipc_2015", "page": 4, "table_index": 1},
                              "reason": "a Massachusetts town printed in error", "decided_by": "tests",
                              "decided_on": "2026-12-07"}]
    outcome = validate_facts(facts, towns, sources, accepted, _refused())
    assert not outcome.blocking
    finding = next(f for f in outcome.warnings if f.check_id == "tables_read")
    assert finding.exceptions == ["tipc-2015-springfield"]
    other_page = [*exceptions, {**accepted[-1], "match": {"source_id": "tipc_2015", "page": 5}}]
    assert [f.check_id for f in validate_facts(facts, towns, sources, other_page, _refused()).blocking] == \
        ["tables_read"]  # an exception covers only the table it names
    tables = [block for block in validation_section(outcome.table, outcome.warning_rows()) if isinstance(block, Table)]
    listed = next(table for table in tables if "could not read" in table.caption)
    assert listed.frame[["where", "exception"]].values.tolist() == [["tipc_2015.pdf, page 4, table 1",
                                                                     "tipc-2015-springfield"]]
