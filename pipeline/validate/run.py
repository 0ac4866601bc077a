"""Validate all tidy facts before they reach the warehouse; the outcome carries what auditors read."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.report.publish import canonical_json
from pipeline.report.render import Heading, Paragraph, Table, to_html
from pipeline.sources.manifest import Source
from pipeline.validate import rules
from pipeline.validate.suites import Finding, findings_table, results_document, run_checks


@dataclass
class ValidationOutcome:
    findings: list[Finding]
    table: pd.DataFrame
    results_json: bytes
    results_html: bytes

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.passed and not f.blocking]

    def warning_rows(self) -> pd.DataFrame:
        """Every row behind a warning, with the check and the exception that softened it."""
        rows = [{"check": f.check_id, **row} for f in self.warnings for row in f.rows]
        return pd.DataFrame(rows)


def validation_tables(facts: pd.DataFrame, towns: pd.DataFrame, sources: list[Source],
                      refused: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """The tables the expectations run on, derived from the tidy facts, the manifest and the tables the
    reader refused."""
    suppression = {s.id: s.suppression_range for s in sources if s.suppression_range}
    tipc = [s.id for s in sources if s.dataset == "tipc_report"]
    return {
        "facts": rules.checked_facts(facts, sources),
        "towns": towns,
        "reconciliation": rules.reconciliation(facts, tipc, suppression),
        "plausibility": rules.plausibility(facts),
        "refusals": rules.refusals(refused),
    }


def validate_facts(facts: pd.DataFrame, towns: pd.DataFrame, sources: list[Source],
                   exceptions: list[dict], refused: pd.DataFrame | None = None) -> ValidationOutcome:
    tables = validation_tables(facts, towns, sources, refused)
    findings = run_checks(tables, towns.town.tolist(), exceptions)
    table = findings_table(findings)
    document = results_document(findings, exceptions)
    blocks = [
        Paragraph("Every count was checked with Great Expectations before it was loaded. Errors stop the run; "
                  "warnings are listed here and in the report. Only raw/validation_exceptions.yaml, with a reason "
                  "and who decided, turns an error into a warning."),
        Table(table.drop(columns=["message"]), "Checks (results.json holds the Great Expectations results)"),
    ]
    for finding in findings:
        if not finding.passed:
            blocks += [Heading(f"{finding.check_id}: {finding.failed_rows} row(s)", 3),
                       Paragraph(finding.message()),
                       Table(pd.DataFrame(finding.rows).drop(columns=["check"], errors="ignore"),
                             "Failing rows, each with the exception covering it")]
    blocks.append(Heading("Exceptions in force"))
    blocks.append(Table(pd.DataFrame(exceptions, columns=["id", "check", "reason", "decided_by", "decided_on"]),
                        "raw/validation_exceptions.yaml"))
    return ValidationOutcome(findings, table, canonical_json(document),
                             to_html("Validation results", blocks).encode("utf-8"))
