"""The yearly refresh: a new report is listed, the sensor adds its partition and asks for a run once, that run
extracts only the new report, and the new version's metrics include the new year while the old version stays
byte for byte."""

import json
import shutil
from pathlib import Path

import yaml
from dagster import (
    DagsterEventType,
    DagsterInstance,
    SkipReason,
    build_run_status_sensor_context,
    build_schedule_context,
    build_sensor_context,
    instance_for_test,
)

from pipeline.assets.partitions import RANGE_END, RANGE_START, apply_partition_requests, report_sources
from pipeline.assets.resources import CtipPaths
from pipeline.assets.schedules import yearly_refresh_schedule
from pipeline.assets.sensors import failed_run_record, new_sources_sensor
from pipeline.cli import main
from pipeline.definitions import defs
from pipeline.synthetic.tipc_report import single_year_spec, write_report
from tests.conftest import raw_with, settings_in, tree_digest


def _tick(resource: CtipPaths, instance: DagsterInstance, cursor: str | None):
    result = new_sources_sensor(build_sensor_context(cursor=cursor, resources={"ctip": resource}, instance=instance))
    apply_partition_requests(instance, getattr(result, "dynamic_partitions_requests", None) or [])  # as the daemon
    return result


def _launch(request, instance: DagsterInstance, resource: CtipPaths, raise_on_error: bool = True):
    """Execute a sensor's run request as the daemon would: its job, partition, tags."""
    return defs.resolve_job_def(request.job_name).execute_in_process(
        partition_key=request.partition_key, tags=request.tags, instance=instance, resources={"ctip": resource},
        raise_on_error=raise_on_error)


def _project(pipeline_run, tmp_path: Path):
    raw = raw_with(tmp_path, {})
    settings = settings_in(tmp_path / "work", cache=pipeline_run.settings.cache_dir, raw=raw)
    shutil.copytree(pipeline_run.settings.reports_dir, settings.reports_dir)
    shutil.copytree(pipeline_run.settings.extracted_dir, settings.extracted_dir)  # earlier years: extracted
    resource = CtipPaths(raw_dir=str(raw), cache_dir=str(settings.cache_dir),
                         warehouse_path=str(settings.warehouse_path), reports_dir=str(settings.reports_dir))
    return raw, settings, resource


def test_a_new_years_report_is_picked_up_once_extracted_alone_and_published(pipeline_run, tmp_path: Path, towns,
                                                                           monkeypatch, capsys):
    raw, settings, resource = _project(pipeline_run, tmp_path)
    old = (settings.reports_dir / "LATEST").read_text().strip()
    old_bytes = tree_digest(settings.reports_dir / old)
    instance = DagsterInstance.ephemeral()

    # a fresh deployment with nothing published: everything is new, every partition runs
    nothing_published = CtipPaths(raw_dir=resource.raw_dir, cache_dir=resource.cache_dir,
                                  warehouse_path=resource.warehouse_path, reports_dir=str(tmp_path / "none"))
    fresh = _tick(nothing_published, DagsterInstance.ephemeral(), None)
    (everything,) = fresh.run_requests
    # this instance's first tick, where reports/LATEST was built from these very sources: partitions, no run
    first = _tick(resource, instance, None)
    assert not first.run_requests and f"reports/LATEST ({old}) was built from exactly the sources" in \
        first.skip_reason.skip_message
    years = instance.get_dynamic_partitions(report_sources.name)
    assert years == [*(f"ucr_arrests_{year}" for year in range(2010, 2017)), "statab_2012_table324",
                     "fbi_asr_national_adults", "fbi_asr_national_juvenile"]
    assert (everything.tags[RANGE_START], everything.tags[RANGE_END]) == (years[0], years[-1])
    unchanged = _tick(resource, instance, first.cursor)
    assert isinstance(unchanged, SkipReason) and "No new or changed source" in unchanged.skip_message

    pdf = raw / "tipc" / "tipc_2017_synthetic.pdf"
    pdf.parent.mkdir(exist_ok=True)
    write_report(pdf, None, towns, single_year_spec(2017))
    dropped = _tick(resource, instance, first.cursor)
    assert isinstance(dropped, SkipReason) and "tipc_2017_synthetic.pdf" in dropped.skip_message  # reported only

    monkeypatch.setenv("CTIP_RAW_DIR", str(raw))
    assert main(["add-source", str(pdf), "--id", "tipc_2017", "--period", "2017", "2017", "--synthetic"]) == 0
    assert "tipc_2017" in capsys.readouterr().out
    new = _tick(resource, instance, first.cursor)
    (request,) = new.run_requests
    assert request.partition_key == "tipc_2017" and "new: tipc_2017" in request.tags["ctip/changes"]
    assert instance.get_dynamic_partitions(report_sources.name)[-1] == "tipc_2017"
    assert isinstance(_tick(resource, instance, new.cursor), SkipReason)  # the same file never triggers twice
    assert _tick(resource, instance, first.cursor).run_requests[0].run_key == request.run_key

    result = _launch(request, instance, resource)
    assert result.success
    extracted = [m.partition for m in result.asset_materializations_for_node("report_tables_extracted")]
    assert extracted == ["tipc_2017"]  # the UCR years and the national table were read back, not extracted again
    latest = (settings.reports_dir / "LATEST").read_text().strip()
    assert latest != old and tree_digest(settings.reports_dir / old) == old_bytes
    totals = (settings.reports_dir / latest / "metrics" / "tipc_statewide_totals.csv").read_text()
    assert "tipc_2017,53a-82,seller,arrests,2017,2017," in totals
    by_year = (settings.reports_dir / latest / "metrics" / "ucr_statewide_by_year_sex.csv").read_text()
    assert by_year == (settings.reports_dir / old / "metrics" / "ucr_statewide_by_year_sex.csv").read_text()


def test_a_removed_report_drops_its_partition_and_rebuilds_without_extracting(pipeline_run, tmp_path: Path):
    raw, settings, resource = _project(pipeline_run, tmp_path)
    instance = DagsterInstance.ephemeral()
    first = _tick(resource, instance, None)
    manifest = yaml.safe_load((raw / "sources.yaml").read_text())
    manifest["sources"] = [s for s in manifest["sources"] if s["id"] != "ucr_arrests_2016"]
    (raw / "sources.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False))

    tick = _tick(resource, instance, first.cursor)
    (request,) = tick.run_requests
    assert request.job_name == "rebuild_from_extracted" and request.partition_key is None
    assert "ucr_arrests_2016" not in instance.get_dynamic_partitions(report_sources.name)
    result = _launch(request, instance, resource)
    assert result.success and not result.asset_materializations_for_node("report_tables_extracted")
    latest = (settings.reports_dir / "LATEST").read_text().strip()
    by_year = (settings.reports_dir / latest / "metrics" / "ucr_statewide_by_year_sex.csv").read_text()
    assert "\n2015," in by_year and "\n2016," not in by_year


def test_a_changed_extraction_reference_reextracts_every_report(pipeline_run, tmp_path: Path):
    raw, _, resource = _project(pipeline_run, tmp_path)
    instance = DagsterInstance.ephemeral()
    first = _tick(resource, instance, None)
    statutes = raw / "reference" / "statutes.csv"
    statutes.write_text(statutes.read_text() + "\n")
    manifest = yaml.safe_load((raw / "sources.yaml").read_text())
    from pipeline.sources.acquire import sha256_file

    for entry in manifest["sources"]:
        if entry["id"] == "statutes":
            entry.update(sha256=sha256_file(statutes), size=statutes.stat().st_size)
    (raw / "sources.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False))
    (request,) = _tick(resource, instance, first.cursor).run_requests
    assert request.tags["ctip/plan"] == "extract every report again"
    assert (request.tags[RANGE_START], request.tags[RANGE_END]) == ("ucr_arrests_2010", "fbi_asr_national_juvenile")


def test_the_yearly_schedule_reruns_every_report_partition(pipeline_run, tmp_path: Path):
    _, _, resource = _project(pipeline_run, tmp_path)
    with instance_for_test() as instance:  # a schedule context needs an instance with a storage reference
        before = yearly_refresh_schedule(build_schedule_context(instance=instance))
        assert isinstance(before, SkipReason) and "No report partitions yet" in before.skip_message
        _tick(resource, instance, None)
        request = yearly_refresh_schedule(build_schedule_context(instance=instance))
    assert (request.tags[RANGE_START], request.tags[RANGE_END]) == ("ucr_arrests_2010", "fbi_asr_national_juvenile")
    assert yearly_refresh_schedule.cron_schedule == "0 6 1 10 *"


def test_a_failed_refresh_leaves_a_run_record_and_latest_in_place(pipeline_run, tmp_path: Path):
    raw = raw_with(tmp_path, {"ucr_arrests_2016": b"Offense,Hartford\nProstit F,1,2\n"})  # listed, but broken
    settings = settings_in(tmp_path / "work", cache=pipeline_run.settings.cache_dir, raw=raw)
    shutil.copytree(pipeline_run.settings.reports_dir, settings.reports_dir)
    latest_before = (settings.reports_dir / "LATEST").read_text()
    resource = CtipPaths(raw_dir=str(raw), cache_dir=str(settings.cache_dir),
                         warehouse_path=str(settings.warehouse_path), reports_dir=str(settings.reports_dir))
    with instance_for_test() as instance:
        (request,) = _tick(resource, instance, None).run_requests
        result = _launch(request, instance, resource, raise_on_error=False)
        assert not result.success
        run = instance.get_run_by_id(result.run_id)
        (failure,) = [entry.dagster_event for entry in instance.all_logs(result.run_id, DagsterEventType.RUN_FAILURE)]
        failed_run_record(build_run_status_sensor_context(
            sensor_name="failed_run_record", dagster_event=failure, dagster_instance=instance, dagster_run=run,
            resources={"ctip": resource}).for_run_failure())
    record = json.loads((settings.reports_dir / "runs" / f"{result.run_id}.json").read_text())
    assert record["status"] == "failed" and record["published"] is None
    (failed,) = record["failures"]
    assert failed["step"] == "report_tables_extracted" and "line 2" in failed["message"]
    assert (settings.reports_dir / "LATEST").read_text() == latest_before
