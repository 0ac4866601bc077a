"""Sensor: a new or changed source in raw/sources.yaml requests a refresh run, once per set of hashes."""

import json

from dagster import RunRequest, SensorEvaluationContext, SensorResult, SkipReason, sensor

from pipeline.assets.jobs import full_pipeline_job
from pipeline.assets.resources import CtipPaths
from pipeline.sources.changes import compare, fingerprints, unlisted_files
from pipeline.sources.manifest import load_manifest


@sensor(job=full_pipeline_job, minimum_interval_seconds=300,
        description="Requests a full run when raw/sources.yaml gains or changes a source (by sha256).")
def new_sources_sensor(context: SensorEvaluationContext, ctip: CtipPaths):
    settings = ctip.settings()
    sources = load_manifest(settings.manifest_path)
    current = fingerprints(sources)
    changes = compare(json.loads(context.cursor) if context.cursor else None, current)
    unlisted = unlisted_files(settings.raw_dir, sources)
    note = (f" Not in the manifest, so not processed (add with `ctip add-source`): "
            f"{', '.join(p.name for p in unlisted)}." if unlisted else "")
    if not changes.any:
        return SkipReason(f"No new or changed source in {settings.manifest_path}.{note}")
    context.log.info(f"{changes.describe()}.{note}")
    return SensorResult(
        run_requests=[RunRequest(run_key=changes.run_key(current),
                                 tags={"ctip/changes": changes.describe()[:200]})],
        cursor=json.dumps(current, sort_keys=True),
    )
