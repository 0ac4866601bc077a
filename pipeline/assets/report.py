"""Stages figures and report: render deterministic figures, then publish an immutable report version."""


import time
from importlib.metadata import version as package_version

import pandas as pd
from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, Output, asset

from pipeline.assets.code_versions import asset_code_versions
from pipeline.assets.resources import CtipPaths
from pipeline.report import figures
from pipeline.report.audit import changed_since_latest
from pipeline.report.build import ReportContext, build_report_files
from pipeline.report.lineage import lineage_document
from pipeline.report.provenance import publication_context, runtime_context
from pipeline.report.publish import canonical_json, publish, write_run_record
from pipeline.validate.run import ValidationOutcome


@asset(group_name="figures")
def report_figures(
    published_disparity: pd.DataFrame, ucr_female_to_male_by_year: pd.DataFrame, ucr_town_disparity: pd.DataFrame,
    ucr_town_by_year: pd.DataFrame, source_inventory: pd.DataFrame, national_female_share: pd.DataFrame,
) -> Output[dict[str, bytes]]:
    """PNG and SVG bytes of every figure, keyed by their path inside a report version."""
    synthetic = bool(source_inventory.synthetic.any())
    statewide = ucr_female_to_male_by_year.female_arrests.sum() / ucr_female_to_male_by_year.male_arrests.sum()
    files = {**figures.published_seller_buyer(published_disparity, synthetic),
             **figures.ucr_arrests_by_year_sex(ucr_female_to_male_by_year, synthetic),
             **figures.ucr_ratio_by_year(ucr_female_to_male_by_year, synthetic),
             **figures.town_forest(ucr_town_disparity, float(statewide), synthetic),
             **figures.town_rates(ucr_town_by_year, ucr_town_disparity, synthetic),
             **figures.national_female_share(national_female_share, synthetic=synthetic)}
    return Output(files, metadata={"files": MetadataValue.json(sorted(files))})


@asset(group_name="report")
def report_version(
    context: AssetExecutionContext,
    ctip: CtipPaths,
    report_figures: dict[str, bytes],
    published_disparity: pd.DataFrame,
    ucr_statewide_by_year_sex: pd.DataFrame,
    ucr_female_to_male_by_year: pd.DataFrame,
    ucr_town_by_year: pd.DataFrame,
    tipc_statewide_totals: pd.DataFrame,
    ucr_town_disparity: pd.DataFrame,
    claims_check: pd.DataFrame,
    ucr_trend: pd.DataFrame,
    ucr_pooled_ratio: pd.DataFrame,
    claims_sensitivity: pd.DataFrame,
    national_female_share: pd.DataFrame,
    ct_versus_nation: pd.DataFrame,
    national_reconciliation: pd.DataFrame,
    proxy_calibration: pd.DataFrame,
    ucr_age_race: pd.DataFrame,
    ucr_county_rates: pd.DataFrame,
    ucr_agency_coverage: pd.DataFrame,
    lineage: pd.DataFrame,
    decision_log: pd.DataFrame,
    source_inventory: pd.DataFrame,
    facts_validation: ValidationOutcome,
) -> MaterializeResult:
    """A report version, `reports/PERIOD-HASH/` (e.g. 2005-2016-65e47799f10e): report, metrics, figures and
    MANIFEST.json; an existing version is kept."""
    started = time.time()
    settings = ctip.settings()
    synthetic = bool(source_inventory.synthetic.any())
    files = build_report_files(published_disparity, ucr_statewide_by_year_sex, ucr_female_to_male_by_year,
                               ucr_town_by_year, tipc_statewide_totals, source_inventory, report_figures,
                               facts_validation.table, facts_validation.warning_rows(), synthetic,
                               town_disparity=ucr_town_disparity, claims=claims_check, trend=ucr_trend,
                               coverage=ucr_agency_coverage, decisions=decision_log,
                               context=ReportContext(pooled=ucr_pooled_ratio, sensitivity=claims_sensitivity,
                                                     national=national_female_share, versus=ct_versus_nation,
                                                     reconciliation=national_reconciliation,
                                                     calibration=proxy_calibration, age_race=ucr_age_race,
                                                     county_rates=ucr_county_rates))
    files["lineage.json"] = canonical_json(lineage_document(lineage))
    files["validation/results.json"] = facts_validation.results_json
    files["validation/index.html"] = facts_validation.results_html
    assets = asset_code_versions(context.job_def.asset_layer.asset_graph)
    for row in source_inventory.itertuples(index=False):  # a raw asset's data version is its file's sha256
        if f"raw_{row.source_id}" in assets:
            assets[f"raw_{row.source_id}"]["data_version"] = row.sha256
    period, publication = publication_context(source_inventory, settings, package_version("ctip"), assets)
    new_or_changed = changed_since_latest(settings.reports_dir, publication["inputs"])
    result = publish(settings.reports_dir, period, files, publication)
    status = "published" if result.created else "repaired" if result.repaired else "unchanged"
    notes = {}
    if result.latest_was:
        notes["latest_was"] = f"{result.latest_was}: repaired, LATEST names {result.version} again"
    if result.repaired:
        notes["repaired"] = (f"{result.version} no longer matched its MANIFEST.json ({', '.join(result.repaired)}): "
                             "rebuilt it and swapped it in; no other version was touched")
    for note in notes.values():
        context.log.warning(note)
    record_fields = {
        "run_id": context.run.run_id, "version": result.version, "created": result.created, "status": status,
        "repaired_files": list(result.repaired), "latest_was_damaged": result.latest_was,
        "inputs_new_or_changed": new_or_changed,
        "published_at_unix": round(started, 3), "publish_seconds": round(time.time() - started, 3),
        **runtime_context(settings),
    }
    try:
        record = MetadataValue.path(str(write_run_record(settings.reports_dir, context.run.run_id, record_fields)))
    except OSError as exc:  # the version and LATEST are written: a missing record must not undo that
        context.log.warning(f"run record not written: {exc}")
        record = f"not written: {exc}"
    return MaterializeResult(metadata={
        "version": result.version, "path": MetadataValue.path(str(result.path)), "status": status,
        "created": result.created, "synthetic": synthetic, "run_record": record, "files": len(files) + 1, **notes,
    })
