"""Assembles the code location; nothing is defined here."""

from dagster import Definitions, in_process_executor, load_assets_from_modules, with_source_code_references

from pipeline.assets import extract, metrics, raw, report, validate, warehouse
from pipeline.assets.code_versions import with_code_versions
from pipeline.assets.jobs import full_pipeline_job, rebuild_job
from pipeline.assets.resources import CtipPaths, run_io_manager
from pipeline.assets.schedules import yearly_refresh_schedule
from pipeline.assets.sensors import failed_run_record, new_sources_sensor

all_assets = with_source_code_references(with_code_versions(
    [*raw.raw_assets(), *load_assets_from_modules([extract, validate, warehouse, metrics, report])]
))

all_checks = validate.validation_checks

defs = Definitions(
    assets=all_assets,
    asset_checks=all_checks,
    jobs=[full_pipeline_job, rebuild_job],
    sensors=[new_sources_sensor, failed_run_record],
    schedules=[yearly_refresh_schedule],
    resources={"ctip": CtipPaths(), "io_manager": run_io_manager},
    # DuckDB allows one writer per file: steps run one after another in one process.
    executor=in_process_executor,
)
