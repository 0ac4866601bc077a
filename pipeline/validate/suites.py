"""Expectation suites as code (Great Expectations 1.x, ephemeral context) and the exceptions that may soften them.

Each Check is one expectation on one table (the tidy facts, or a derived table from rules.py). Errors block the
run; warnings are carried into the report. Only an entry in raw/validation_exceptions.yaml, with its reason and
who decided, can turn a failing error into a warning, and only for the rows it names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.extract.tidy import REFUSAL_COLUMNS, TIDY_COLUMNS
from pipeline.report.publish import json_value
from pipeline.validate.exceptions import load_exceptions_file

JURISDICTION_TYPES_OK = ["town", "state_police", "other_agency", "county", "aggregate", "statewide", "national"]
FAMILIES = ("schema", "jurisdictions", "keys", "reconciliation", "plausibility")
SAMPLE_SIZE = 20
MAX_ROWS = 2000


TOWNS = "<the town reference's names>"  # stands for the 169 names in an expectation's arguments


@dataclass(frozen=True)
class Check:
    """One expectation, declared as data: Great Expectations runs it, and validate.sql compiles the same
    declaration to DuckDB SQL for data too large for pandas."""

    id: str
    family: str
    table: str
    severity: str  # error or warning
    description: str
    expectation: str  # a Great Expectations expectation class
    kwargs: dict

    def arguments(self, towns: list[str]) -> dict:
        return {key: (towns if value == TOWNS else value) for key, value in self.kwargs.items()}

    def gx(self, expectations, towns: list[str]):
        return getattr(expectations, self.expectation)(**self.arguments(towns))


@dataclass
class Finding:
    """One check's outcome; plain data (no callables), so Dagster can store it between steps."""

    check_id: str
    family: str
    table: str
    declared_severity: str
    description: str
    passed: bool
    severity: str  # after exceptions
    failed_rows: int
    sample: list[dict] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # every failing row (capped), each with the exception covering it
    gx_result: dict = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        return not self.passed and self.severity == "error"

    def message(self) -> str:
        if self.passed:
            return f"{self.check_id}: passed"
        where = "; ".join(describe(self.table, row) for row in self.sample[:5])
        softened = f" (downgraded by {', '.join(self.exceptions)})" if self.exceptions else ""
        more = f"; and {self.failed_rows - 5} more" if self.failed_rows > 5 else ""
        return f"{self.check_id} [{self.severity}{softened}]: {self.failed_rows} row(s) fail: {where}{more}"


CHECKS: tuple[Check, ...] = (
    Check("facts_columns_match_contract", "schema", "facts", "error",
          "every column of the tidy contract is present",
          "ExpectTableColumnsToMatchSet", {"column_set": TIDY_COLUMNS, "exact_match": False}),
    Check("counts_are_integers", "schema", "facts", "error", "counts are stored as (nullable) integers",
          "ExpectColumnValuesToBeOfType", {"column": "count", "type_": "int64"}),
    Check("counts_non_negative", "schema", "facts", "error", "a count is an integer >= 0, or null (not reported)",
          "ExpectColumnValuesToBeBetween", {"column": "count", "min_value": 0}),
    Check("years_within_source_period", "schema", "facts", "error",
          "every count's years lie in the period its source's manifest entry declares",
          "ExpectColumnValuesToBeInSet", {"column": "year_in_source_period", "value_set": [True]}),
    Check("tables_read", "schema", "refusals", "error",
          "every table of every report was read: one the reader refused (named by file, page, table and why) "
          "stops the run unless a reviewed exception accepts it",
          "ExpectColumnValuesToBeInSet", {"column": "read", "value_set": [True]}),
    Check("measure_known", "schema", "facts", "error", "measure is arrests or convictions",
          "ExpectColumnValuesToBeInSet", {"column": "measure", "value_set": ["arrests", "convictions"]}),
    Check("jurisdiction_resolved", "jurisdictions", "facts", "error",
          "every row is a known kind of jurisdiction: unresolved names and unmapped columns are rejected",
          "ExpectColumnValuesToBeInSet", {"column": "jurisdiction_type", "value_set": JURISDICTION_TYPES_OK}),
    Check("towns_are_connecticut_towns", "jurisdictions", "facts", "error",
          "every town is one of Connecticut's 169",
          "ExpectColumnValuesToBeInSet", {"column": "town_or_null", "value_set": TOWNS}),
    Check("town_reference_complete", "jurisdictions", "towns", "error", "the town reference holds 169 towns",
          "ExpectTableRowCountToEqual", {"value": 169}),
    Check("town_fips_well_formed", "jurisdictions", "towns", "error", "every town has a 10-digit FIPS code 09...",
          "ExpectColumnValuesToMatchRegex", {"column": "fips", "regex": r"^09\d{8}$"}),
    Check("keys_unique", "keys", "facts", "error",
          "(source, jurisdiction, agency, period, offense, role, breakdown, sex/age/race, measure) is unique",
          "ExpectColumnValuesToBeUnique", {"column": "key"}),
    Check("printed_totals_reconcile", "reconciliation", "reconciliation", "error",
          "every printed total equals the sum of its parts, or differs by what its suppressed cells can hide",
          "ExpectColumnValuesToBeInSet", {"column": "reconciles", "value_set": [True]}),
    Check("convictions_within_arrests", "plausibility", "plausibility", "warning",
          "over a whole period, convictions for a role do not exceed arrests",
          "ExpectColumnValuesToBeInSet", {"column": "plausible", "value_set": [True]}),
)

LOCATION_COLUMNS = {
    "facts": ["source_id", "page", "table_index", "row_index", "column_index", "column_header", "row_label",
              "cell_text", "jurisdiction", "jurisdiction_type", "count", "key"],
    "reconciliation": ["source_id", "rule", "group", "location", "cell_text", "printed_total", "parts_sum",
                       "suppressed_parts", "gap", "allowed_gap_min", "allowed_gap_max"],
    "plausibility": ["source_id", "role", "period_start", "period_end", "arrests", "convictions"],
    "towns": ["town", "county", "fips"],
    "refusals": REFUSAL_COLUMNS,
}


def describe(table: str, row: dict) -> str:
    """Where a failing row is, in the words an auditor needs to find the printed cell."""
    if table == "facts":
        if row.get("page") is not None:
            where = f"page {row['page']}, table {row['table_index']}, row {row['row_index']}"
        else:
            where = f"line {row['row_index']}"
        return (f"source {row['source_id']}, {where}, column {row['column_index']} ({row['column_header']!r}): "
                f"{row['row_label']!r} = {row['cell_text']!r} [{row['jurisdiction']} / {row['jurisdiction_type']}]")
    if table == "reconciliation":
        return (f"source {row['source_id']}, {row['rule']} {row['group']!r} at {row['location']}: printed "
                f"{row['printed_total']} (cell {row['cell_text']!r}), parts sum {row['parts_sum']}, "
                f"{row['suppressed_parts']} suppressed")
    if table == "refusals":
        return f"source {row['source_id']}: {row['reason']}"  # (the reason names file, page and table)
    if table == "plausibility":
        return (f"source {row['source_id']}, {row['role']} {row['period_start']}-{row['period_end']}: "
                f"{row['convictions']} convictions > {row['arrests']} arrests")
    return ", ".join(f"{k}={v}" for k, v in row.items())


def load_exceptions(path: Path) -> list[dict]:
    """The reviewed exceptions; each needs an id, a check, rows to match, a reason and who decided.

    Typed and bounded in pipeline.validate.exceptions; a malformed file raises ManifestError (a ValueError) in one
    line naming the file, the entry and the field."""
    return load_exceptions_file(path, (check.id for check in CHECKS))


def _covers(entry: dict, row: dict) -> bool:
    for column, wanted in entry["match"].items():
        allowed = wanted if isinstance(wanted, list) else [wanted]
        if str(row.get(column)) not in {str(value) for value in allowed}:
            return False
    return True



def _gx_summary(result) -> dict:
    config = result.expectation_config
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    detail = result.result or {}
    return {"expectation_type": config.type, "kwargs": kwargs, "success": bool(result.success),
            "element_count": detail.get("element_count"), "unexpected_count": detail.get("unexpected_count"),
            "observed_value": json_value(detail.get("observed_value")) if not isinstance(
                detail.get("observed_value"), list | dict) else detail.get("observed_value")}


def run_checks(tables: dict[str, pd.DataFrame], towns: list[str], exceptions: list[dict]) -> list[Finding]:
    """Run every expectation with Great Expectations and apply the exceptions; returns one finding per check."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    context = gx.get_context(mode="ephemeral", project_config=DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(), analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False)))
    source = context.data_sources.add_pandas("ctip")
    findings: list[Finding] = []
    for table_name in dict.fromkeys(check.table for check in CHECKS):
        frame = tables[table_name].reset_index(drop=True)
        checks = [check for check in CHECKS if check.table == table_name]
        suite = gx.ExpectationSuite(name=f"ctip_{table_name}")
        for check in checks:
            expectation = check.gx(gx.expectations, towns)
            expectation.meta = {"ctip_check": check.id}
            suite.add_expectation(expectation)
        batch = source.add_dataframe_asset(table_name).add_batch_definition_whole_dataframe("all").get_batch(
            batch_parameters={"dataframe": frame})
        results = batch.validate(suite, result_format={"result_format": "COMPLETE"}).results
        by_check = {result.expectation_config.meta["ctip_check"]: result for result in results}
        for check in checks:
            findings.append(_finding(check, by_check[check.id], frame, exceptions))
    return findings


def _finding(check: Check, result, frame: pd.DataFrame, exceptions: list[dict]) -> Finding:
    summary = _gx_summary(result)
    if result.success:
        return finding_from_rows(check, [], 0, summary, exceptions)
    indices = (result.result or {}).get("unexpected_index_list") or []
    columns = [c for c in LOCATION_COLUMNS[check.table] if c in frame.columns]
    rows = [{c: json_value(frame.at[i, c]) for c in columns} for i in indices if isinstance(i, int | float)]
    failed = len(rows) if rows else int((result.result or {}).get("unexpected_count") or 1)
    return finding_from_rows(check, rows, failed, summary, exceptions)


def finding_from_rows(check: Check, rows: list[dict], failed: int, summary: dict, exceptions: list[dict]) -> Finding:
    """The failing rows of one check, with the reviewed exceptions applied: the same for either engine."""
    about = (check.id, check.family, check.table, check.severity, check.description)
    if failed == 0:
        return Finding(*about, passed=True, severity=check.severity, failed_rows=0, gx_result=summary)
    if check.id == "keys_unique":  # show each duplicate beside its twin
        rows.sort(key=lambda row: (row["key"], row.get("row_index") or 0))
    applicable = [e for e in exceptions if e["check"] == check.id]
    covering = sorted({e["id"] for row in rows for e in applicable if _covers(e, row)})
    fully_covered = bool(rows) and len(rows) == failed and all(
        any(_covers(e, row) for e in applicable) for row in rows)
    severity = "warning" if fully_covered else check.severity
    for row in rows:
        row["exception"] = next((e["id"] for e in applicable if _covers(e, row)), None)
    uncovered = [row for row in rows if row["exception"] is None]
    sample = (uncovered or rows)[:SAMPLE_SIZE]
    return Finding(*about, passed=False, severity=severity, failed_rows=failed, sample=sample,
                   exceptions=covering if fully_covered else [], gx_result=summary, rows=rows[:MAX_ROWS])


def findings_table(findings: list[Finding]) -> pd.DataFrame:
    """One row per check: what the report and Dagster show."""
    return pd.DataFrame([{
        "check": f.check_id, "family": f.family, "table": f.table, "declared_severity": f.declared_severity,
        "result": "passed" if f.passed else ("FAILED" if f.blocking else "warning"),
        "failed_rows": f.failed_rows, "exceptions": ", ".join(f.exceptions) or None,
        "description": f.description, "message": None if f.passed else f.message(),
    } for f in findings])


def results_document(findings: list[Finding], exceptions: list[dict]) -> dict:
    """Validation results for auditors (stable ordering, no times or run ids)."""
    return {
        "success": not any(f.blocking for f in findings),
        "checks": [{
            "check": f.check_id, "family": f.family, "table": f.table,
            "declared_severity": f.declared_severity, "severity": f.severity, "passed": f.passed,
            "failed_rows": f.failed_rows, "exceptions_applied": f.exceptions, "description": f.description,
            "great_expectations": f.gx_result, "failing_rows": f.rows,
        } for f in findings],
        "exceptions": exceptions,
    }
