"""Jobs: the full pipeline, and the rebuild from already-extracted reports."""

import os

from dagster import AssetSelection, define_asset_job

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def log_level() -> str:
    """What a run's console log shows: INFO (steps, checks, warnings) unless CTIP_LOG_LEVEL asks for DEBUG, which
    adds every input load, output and handled event (about 300 lines a run)."""
    level = os.environ.get("CTIP_LOG_LEVEL", "INFO").strip().upper()
    return level if level in LOG_LEVELS else "INFO"


# Default run config of runs the daemon or the UI launch (the launchpad can still change it).
_RUN_CONFIG = {"loggers": {"console": {"config": {"log_level": log_level()}}}}

full_pipeline_job = define_asset_job(
    "full_pipeline", selection=AssetSelection.all(), config=_RUN_CONFIG,
    description="Acquire, extract, load, compute and publish; runs over one or a span of report partitions.")

# When only a reference downstream of extraction changed, or a report was removed: nothing to extract.
rebuild_job = define_asset_job(
    "rebuild_from_extracted",
    selection=AssetSelection.all() - AssetSelection.assets("raw_report_files", "report_tables_extracted"),
    config=_RUN_CONFIG,
    description="Validate, load, compute and publish from the extracted layer, extracting nothing.")
