"""Stage validate: Great Expectations over every tidy fact; blocking checks keep bad numbers out of the warehouse."""

import pandas as pd
from dagster import (
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    MetadataValue,
    Output,
    asset,
    asset_check,
)

from pipeline.assets.raw import raw_keys
from pipeline.assets.resources import CtipPaths
from pipeline.sources.inventory import manifest_sources, verified_path
from pipeline.validate.run import ValidationOutcome, validate_facts
from pipeline.validate.suites import CHECKS, FAMILIES, load_exceptions


@asset(group_name="validate", deps=raw_keys("validation_exceptions"))
def facts_validation(
    ctip: CtipPaths,
    ucr_arrests_tidy: pd.DataFrame,
    tipc_reports_tidy: pd.DataFrame,
    published_judicial_tidy: pd.DataFrame,
    national_arrests_tidy: pd.DataFrame,
    ct_towns: pd.DataFrame,
    tipc_tables_refused: pd.DataFrame,
) -> Output[ValidationOutcome]:
    """Every expectation over every tidy fact, with the reviewed exceptions applied."""
    settings = ctip.settings()
    sources = manifest_sources(settings)
    exceptions_sources = [s for s in sources if s.dataset == "validation_exceptions"]
    exceptions = load_exceptions(verified_path(exceptions_sources[0], settings)) if exceptions_sources else []
    facts = pd.concat([ucr_arrests_tidy, tipc_reports_tidy, published_judicial_tidy, national_arrests_tidy],
                      ignore_index=True)
    outcome = validate_facts(facts, ct_towns, sources, exceptions, tipc_tables_refused)
    return Output(outcome, metadata={
        "checks": len(outcome.findings), "errors": len(outcome.blocking), "warnings": len(outcome.warnings),
        "results": MetadataValue.md(outcome.table.drop(columns=["message"]).to_markdown(index=False)),
    })


def _family_check(family: str) -> AssetChecksDefinition:
    described = "; ".join(c.description for c in CHECKS if c.family == family)

    @asset_check(asset=facts_validation, name=f"{family}_expectations", blocking=True, description=described)
    def _check(facts_validation: ValidationOutcome) -> AssetCheckResult:
        findings = [f for f in facts_validation.findings if f.family == family]
        failed = [f for f in findings if not f.passed]
        blocking = [f for f in findings if f.blocking]
        table = facts_validation.table[facts_validation.table.family == family]
        sample = [row for f in failed for row in f.sample[:5]]
        return AssetCheckResult(
            passed=not blocking,
            severity=AssetCheckSeverity.ERROR if blocking else AssetCheckSeverity.WARN,
            description=" | ".join(f.message() for f in (blocking or failed)) or f"{family}: all passed",
            metadata={
                "expectations": MetadataValue.md(table.drop(columns=["message"]).to_markdown(index=False)),
                "failed_rows": sum(f.failed_rows for f in failed),
                "sample": MetadataValue.json(sample),
            },
        )

    return _check


validation_checks = [_family_check(family) for family in FAMILIES]
