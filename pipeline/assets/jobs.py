"""Jobs: the full pipeline, raw to report."""

from dagster import AssetSelection, define_asset_job

full_pipeline_job = define_asset_job("full_pipeline", selection=AssetSelection.all(),
                                     description="Acquire, extract, load, compute and publish everything.")
