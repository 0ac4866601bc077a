"""The yearly refresh: a new report is listed, the sensor asks for a run once, the run publishes a new version
whose metrics include the new year, and the old version stays byte for byte."""

import shutil
from pathlib import Path

from dagster import SkipReason, build_sensor_context

from pipeline.assets.resources import CtipPaths
from pipeline.assets.sensors import new_sources_sensor
from pipeline.cli import main
from pipeline.synthetic.tipc_report import single_year_spec, write_report
from tests.conftest import raw_with, run_pipeline, settings_in, tree_digest


def _tick(resource: CtipPaths, cursor: str | None):
    return new_sources_sensor(build_sensor_context(cursor=cursor, resources={"ctip": resource}))


def test_a_new_years_report_is_picked_up_once_and_published(pipeline_run, tmp_path: Path, towns, monkeypatch,
                                                             capsys):
    raw = raw_with(tmp_path, {})
    settings = settings_in(tmp_path / "work", cache=pipeline_run.settings.cache_dir, raw=raw)
    shutil.copytree(pipeline_run.settings.reports_dir, settings.reports_dir)
    old = (settings.reports_dir / "LATEST").read_text().strip()
    old_bytes = tree_digest(settings.reports_dir / old)
    resource = CtipPaths(raw_dir=str(raw), cache_dir=str(settings.cache_dir),
                         warehouse_path=str(settings.warehouse_path), reports_dir=str(settings.reports_dir))

    first = _tick(resource, None)  # a fresh deployment: everything is new
    assert len(first.run_requests) == 1
    unchanged = _tick(resource, first.cursor)
    assert isinstance(unchanged, SkipReason) and "No new or changed source" in unchanged.skip_message

    pdf = raw / "tipc" / "tipc_2017_synthetic.pdf"
    pdf.parent.mkdir(exist_ok=True)
    write_report(pdf, None, towns, single_year_spec(2017))
    dropped = _tick(resource, first.cursor)
    assert isinstance(dropped, SkipReason) and "tipc_2017_synthetic.pdf" in dropped.skip_message  # reported only

    monkeypatch.setenv("CTIP_RAW_DIR", str(raw))
    assert main(["add-source", str(pdf), "--id", "tipc_2017", "--period", "2017", "2017", "--synthetic"]) == 0
    assert "tipc_2017" in capsys.readouterr().out
    new = _tick(resource, first.cursor)
    (request,) = new.run_requests
    assert "new: tipc_2017" in request.tags["ctip/changes"]
    assert isinstance(_tick(resource, new.cursor), SkipReason)  # the same file never triggers twice
    assert _tick(resource, first.cursor).run_requests[0].run_key == request.run_key

    run_pipeline(settings)
    latest = (settings.reports_dir / "LATEST").read_text().strip()
    assert latest != old and tree_digest(settings.reports_dir / old) == old_bytes
    totals = (settings.reports_dir / latest / "metrics" / "tipc_statewide_totals.csv").read_text()
    assert "tipc_2017,53a-82,seller,arrests,2017,2017," in totals
