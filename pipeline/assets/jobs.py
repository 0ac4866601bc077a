"""Jobs: the full pipeline, and the rebuild from already-extracted reports."""

import os

from dagster import AssetSelection, colored_console_logger, define_asset_job

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def log_level() -> str:
    """What a run's console log shows: INFO (steps, checks, warnings) unless CTIP_LOG_LEVEL asks for DEBUG, which
    adds every input load, output and handled event (about 300 lines a run)."""
    level = os.environ.get("CTIP_LOG_LEVEL", "INFO").strip().upper()
    return level if level in LOG_LEVELS else "INFO"


# What a run prints on the terminal of `make dev` (Dagster's default console logger prints DEBUG). The UI's run
# page keeps every event whatever this level is. Not job run config: that is per partition in Dagster, and the
# jobs here run spans of partitions.
run_console_logger = colored_console_logger.configured({"log_level": log_level(), "name": "dagster"})

full_pipeline_job = define_asset_job(
    "full_pipeline", selection=AssetSelection.all(),
    description="Acquire, extract, load, compute and publish; runs over one or a span of report partitions.")

# When only a reference downstream of extraction changed, or a report was removed: nothing to extract.
rebuild_job = define_asset_job(
    "rebuild_from_extracted",
    selection=AssetSelection.all() - AssetSelection.assets("raw_report_files", "report_tables_extracted"),
    description="Validate, load, compute and publish from the extracted layer, extracting nothing.")
