"""Schedule: the yearly refresh."""

from dagster import DefaultScheduleStatus, RunRequest, ScheduleEvaluationContext, SkipReason, schedule

from pipeline.assets.jobs import full_pipeline_job
from pipeline.assets.partitions import range_tags, report_sources


# 1 October, 06:00 UTC: by then the previous year's publications are expected to be out, and a late run is
# harmless (an unchanged source re-verifies its hash and publishes nothing new). Adjust here if they move.
@schedule(name="yearly_refresh", job=full_pipeline_job, cron_schedule="0 6 1 10 *", execution_timezone="UTC",
          default_status=DefaultScheduleStatus.RUNNING,
          description="Re-acquire every source (hash checked) and rerun every report partition; publishes a new "
                      "version only if something changed.")
def yearly_refresh_schedule(context: ScheduleEvaluationContext):
    partitions = context.instance.get_dynamic_partitions(report_sources.name)
    if not partitions:
        return SkipReason("No report partitions yet: the new_sources_sensor adds them from raw/sources.yaml.")
    return RunRequest(run_key=None, tags=range_tags(partitions))
