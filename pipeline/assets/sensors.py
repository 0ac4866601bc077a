"""Sensor: a new or changed source in raw/sources.yaml adds its partition and requests a run, once per set of
hashes, that extracts exactly the affected reports and rebuilds everything downstream. Its first tick on an
instance compares with what reports/LATEST was built from, so starting `make dev` after `make run` runs nothing."""

import json

from dagster import (
    DefaultSensorStatus,
    RunFailureSensorContext,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    run_failure_sensor,
    sensor,
)

from pipeline.assets.jobs import full_pipeline_job, rebuild_job
from pipeline.assets.partitions import (
    RANGE_END,
    RANGE_START,
    partition_order,
    partition_requests,
    range_tags,
    report_sources,
)
from pipeline.assets.progress import root_cause
from pipeline.assets.resources import CtipPaths
from pipeline.report.audit import published_inputs
from pipeline.report.publish import write_run_record
from pipeline.sources.changes import compare, fingerprints, refresh_plan, unlisted_files
from pipeline.sources.manifest import load_manifest, report_source_ids


def _run_request(run_key: str, tags: dict[str, str], partitions: list[str], order: list[str]) -> RunRequest:
    if not partitions:
        return RunRequest(run_key=run_key, job_name=rebuild_job.name, tags=tags)
    if len(partitions) == 1:
        return RunRequest(run_key=run_key, job_name=full_pipeline_job.name, partition_key=partitions[0], tags=tags)
    # One run over the span from the first to the last affected partition (Dagster runs spans, not sets).
    positions = sorted(order.index(key) for key in partitions)
    span = order[positions[0]:positions[-1] + 1]
    return RunRequest(run_key=run_key, job_name=full_pipeline_job.name, tags={**tags, **range_tags(span)})


# Running by default: with `make dev` (webserver + daemon) new reports are picked up without anyone clicking.
@sensor(jobs=[full_pipeline_job, rebuild_job], minimum_interval_seconds=300, default_status=DefaultSensorStatus.RUNNING,
        description="A new or changed source (by sha256) in raw/sources.yaml: add its partition, extract it, "
                    "rebuild and publish.")
def new_sources_sensor(context: SensorEvaluationContext, ctip: CtipPaths):
    settings = ctip.settings()
    sources = load_manifest(settings.manifest_path)
    current = fingerprints(sources)
    unlisted = unlisted_files(settings.raw_dir, sources)
    note = (f" Not in the manifest, so not processed (add with `ctip add-source`): "
            f"{', '.join(p.name for p in unlisted)}." if unlisted else "")
    wanted = report_source_ids(sources)
    existing = context.instance.get_dynamic_partitions(report_sources.name)
    if not context.cursor:
        published = published_inputs(settings.reports_dir)
        if published and published[1] == current:  # as after `make run`: the first tick has nothing to do
            return SensorResult(
                skip_reason=f"reports/LATEST ({published[0]}) was built from exactly the sources in "
                            f"{settings.manifest_path}: nothing to run.{note}",
                cursor=json.dumps(current, sort_keys=True),
                dynamic_partitions_requests=partition_requests(existing, wanted))
    changes = compare(json.loads(context.cursor) if context.cursor else None, current)
    if not changes.any:
        return SkipReason(f"No new or changed source in {settings.manifest_path}.{note}")
    plan = refresh_plan(changes, sources)
    context.log.info(f"{changes.describe()}: {plan.describe()}.{note}")
    tags = {"ctip/changes": changes.describe()[:200], "ctip/plan": plan.describe()[:200]}
    return SensorResult(
        run_requests=[_run_request(changes.run_key(current), tags, list(plan.partitions),
                                   partition_order(existing, wanted))],
        dynamic_partitions_requests=partition_requests(existing, wanted),
        cursor=json.dumps(current, sort_keys=True),
    )


@run_failure_sensor(default_status=DefaultSensorStatus.RUNNING,
                    description="A failed run (sensor, schedule or UI) leaves a run record saying what failed.")
def failed_run_record(context: RunFailureSensorContext, ctip: CtipPaths) -> None:
    """`ctip run` writes its own record; runs launched by the daemon or the UI are recorded here."""
    failures = [{"step": event.step_key, "message": root_cause(event.event_specific_data.error)
                 if event.event_specific_data and event.event_specific_data.error else event.message}
                for event in context.get_step_failure_events()]
    run = context.dagster_run
    record = {
        "run_id": run.run_id, "job": run.job_name, "status": "failed", "published": None,
        "partitions": run.tags.get("dagster/partition") or [run.tags.get(RANGE_START), run.tags.get(RANGE_END)],
        "changes": run.tags.get("ctip/changes"), "failures": failures,
        "message": "reports/LATEST and every published version are unchanged"}
    try:
        write_run_record(ctip.settings().reports_dir, run.run_id, record)
    except OSError as exc:  # a read-only reports/ must not hide the run's own failure
        context.log.warning(f"run record for failed run {run.run_id} not written: {exc}")
