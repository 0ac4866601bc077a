"""Jobs: the full pipeline, and the rebuild from already-extracted reports."""

from dagster import AssetSelection, define_asset_job

full_pipeline_job = define_asset_job(
    "full_pipeline", selection=AssetSelection.all(),
    description="Acquire, extract, load, compute and publish; runs over one or a span of report partitions.")

# When only a reference downstream of extraction changed, or a report was removed: nothing to extract.
rebuild_job = define_asset_job(
    "rebuild_from_extracted",
    selection=AssetSelection.all() - AssetSelection.assets("raw_report_files", "report_tables_extracted"),
    description="Validate, load, compute and publish from the extracted layer, extracting nothing.")
