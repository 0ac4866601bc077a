"""`ctip run`: the whole pipeline in this process, one progress line per step, one clear line when it stops."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

EXAMPLES = """\b
Examples:
  ctip run                       run everything, unless nothing changed since reports/LATEST
  ctip run --force               run even when nothing changed
  ctip run --rebuild-warehouse   remake warehouse/ctip.duckdb from the sources (it holds only derived data)
  ctip run --demo                also generate a SYNTHETIC TIPC report and run on it, into demo/
  ctip run --force --verbose     every Dagster event as well as the progress lines
"""


@click.command("run", epilog=EXAMPLES, short_help="Materialize every asset: raw sources to a report version.")
@click.option("--demo", is_flag=True,
              help="Also generate a SYNTHETIC TIPC report and run on it; everything goes under demo/.")
@click.option("--demo-home", type=click.Path(file_okay=False), metavar="FOLDER",
              help="Where --demo writes (default: demo/ in the project).")
@click.option("--force", is_flag=True, help="Run even when nothing changed since reports/LATEST.")
@click.option("--rebuild-warehouse", is_flag=True,
              help="Delete the DuckDB warehouse file first (it holds only derived data) and rebuild it.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the result line and errors, no progress.")
@click.option("-v", "--verbose", is_flag=True, help="Also print Dagster's own event log, every event (DEBUG).")
def run_command(demo: bool, demo_home: str | None, force: bool, rebuild_warehouse: bool, quiet: bool,
                verbose: bool) -> int:
    """Materialize every asset, raw sources to report version, in this process.

    Does nothing when reports/LATEST is intact and was built from the same inputs, uv.lock and clean commit.
    A failing step stops the run: the warehouse and every published version stay as they were, and
    reports/runs/<run id>.json says what failed."""
    if not quiet:
        print("ctip run: reading raw/sources.yaml and comparing with reports/LATEST ...", flush=True)
    from pipeline.settings import Settings
    from pipeline.sources.inventory import manifest_sources

    if demo:
        _enter_demo(demo_home)
    settings = Settings.from_env()
    manifest_sources(settings)  # a malformed manifest is one line here, before anything is imported or written
    lock = _run_lock()
    if lock is None:
        return 1
    try:  # released when the run ends, not whenever the interpreter frees the handle (a second run in-process)
        return _locked_run(settings, demo, force, rebuild_warehouse, quiet, verbose)
    finally:
        lock.close()


def _locked_run(settings, demo: bool, force: bool, rebuild_warehouse: bool, quiet: bool, verbose: bool) -> int:
    if rebuild_warehouse:
        _remove_warehouse(settings)
    elif not force and _up_to_date():
        return 0
    if not quiet:
        print("ctip run: loading Dagster and the asset graph (pipeline.definitions) ...", flush=True)
    result, handler = execute(stream=open(os.devnull, "w") if quiet else None,  # noqa: SIM115
                              verbose=verbose, announce=not quiet)
    if not result.success:
        for step, message in handler.failures:
            print(f"ctip run: stopped at {step}: {message}", file=sys.stderr)
        if not handler.failures:
            print("ctip run: the run failed before any step finished (see the Dagster log above)", file=sys.stderr)
        _failure_record(settings, result.run_id, handler.failures)
        print("ctip run: failed; nothing after the failing step ran, no report version was published",
              file=sys.stderr)
        return 1
    published = next((m.metadata for m in result.asset_materializations_for_node("report_version")), {})
    version = published["version"].value if "version" in published else None
    for key in ("latest_was", "repaired"):
        if key in published:
            print(f"ctip run: {published[key].value}", file=sys.stderr)
    label = " (SYNTHETIC inputs: demo only)" if demo else ""
    print(f"ctip run: done. Report version {version}{label}: {settings.reports_dir / str(version) / 'report.html'}")
    return 0


def execute(resources: dict | None = None, stream=None, verbose: bool = False, announce: bool = False):
    """Run the full pipeline job in this process, one progress line per asset step."""
    from dagster import DagsterInstance, Definitions, colored_console_logger

    from pipeline.assets.partitions import full_run_tags
    from pipeline.assets.progress import progress_logger
    from pipeline.definitions import defs
    from pipeline.settings import Settings
    from pipeline.sources.inventory import manifest_sources

    job = defs.resolve_job_def("full_pipeline")
    steps = [node.name for node in job.graph.nodes]
    progress, handler = progress_logger(len(steps), stream, max(map(len, steps)))
    run_defs = Definitions.merge(defs, Definitions(loggers={"ctip_progress": progress,
                                                            "console": colored_console_logger}))
    # The run's asset outputs stay in its own memory (resources.run_io_manager); the instance keeps only history.
    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") and not resources \
        else DagsterInstance.ephemeral()
    settings = resources["ctip"].settings() if resources else Settings.from_env()
    tags = full_run_tags(instance, manifest_sources(settings))
    partitions = instance.get_dynamic_partitions("report_sources")
    if announce:
        print(f"ctip run: {len(steps)} steps in process, over {len(partitions)} report partitions "
              f"({partitions[0]} ... {partitions[-1]}); a line as each step finishes", flush=True)
    loggers = {"ctip_progress": {}, **({"console": {"config": {"log_level": "DEBUG"}}} if verbose else {})}
    result = run_defs.resolve_job_def("full_pipeline").execute_in_process(
        run_config={"loggers": loggers}, instance=instance, raise_on_error=False, resources=resources, tags=tags)
    return result, handler


def _failure_record(settings, run_id: str, failures: list[tuple[str, str]]) -> None:
    """The failed run's record; if even that cannot be written, say so after the real error, never instead of it."""
    from pipeline.report.publish import write_run_record

    try:
        record = write_run_record(settings.reports_dir, run_id, {
            "run_id": run_id, "status": "failed", "published": None,
            "failures": [{"step": step, "message": message} for step, message in failures]})
    except OSError as exc:
        print(f"ctip run: (the run record could not be written either: {exc})", file=sys.stderr)
        return
    print(f"ctip run: run record {record}; reports/LATEST is unchanged", file=sys.stderr)


def _remove_warehouse(settings) -> None:
    """--rebuild-warehouse: the DuckDB file holds only derived data; the run that follows rebuilds it whole."""
    path = settings.warehouse_path
    for stale in (path, path.with_name(path.name + ".wal")):
        if stale.exists():
            stale.unlink()
            print(f"ctip run: removed {stale}; this run rebuilds it", flush=True)


def _run_lock():
    """One `ctip run` at a time per warehouse: a second one stops at once with a clear message. The caller closes
    the handle when its run ends. (A demo run has
    its own warehouse, reports and Dagster instance; what it shares with real runs, the verified download cache,
    is written under a lock of its own: see sources/acquire.py.)"""
    import fcntl

    from pipeline.settings import Settings

    path = Settings.from_env().warehouse_path.parent / ".ctip-run.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 - held open (and locked) until the run ends
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        print(f"ctip run: another ctip run is using this warehouse ({path}, pid {handle.read().strip() or '?'}); "
              "wait for it to finish, then run again", file=sys.stderr)
        return None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def _up_to_date() -> bool:
    """Skip the whole run when LATEST is intact and was built from the same inputs, lock and clean commit."""
    from importlib.metadata import version as package_version

    from pipeline.report import audit
    from pipeline.report.provenance import publication_context
    from pipeline.report.publish import LatestDamaged
    from pipeline.settings import Settings
    from pipeline.sources.inventory import manifest_sources, sources_table

    settings = Settings.from_env()
    try:
        latest = audit.resolve_version(settings.reports_dir, "LATEST")
        altered = audit.altered_files(latest)
    except LatestDamaged as exc:
        print(f"ctip run: {exc}; this run repairs it", file=sys.stderr)
        return False
    except FileNotFoundError:
        return False
    except (OSError, ValueError) as exc:  # an unreadable MANIFEST.json
        print(f"ctip run: reports/LATEST's version cannot be read ({exc}); this run rebuilds", file=sys.stderr)
        return False
    if altered:
        print(f"ctip run: {latest.name} no longer matches its MANIFEST.json ({', '.join(altered[:5])}"
              f"{' ...' if len(altered) > 5 else ''}); this run rebuilds it", file=sys.stderr)
        return False
    _, context = publication_context(sources_table(manifest_sources(settings)), settings, package_version("ctip"))
    if not audit.is_current(latest, context):
        return False
    print(f"ctip run: nothing changed since {latest.name} (same inputs, uv.lock and commit): nothing to do; "
          "--force reruns anyway")
    return True


def _enter_demo(demo_home: str | None) -> None:
    """Point every path at the demo folder (before the asset graph is imported, since it reads the manifest)."""
    import shutil

    from pipeline.extract.reference import load_towns
    from pipeline.settings import Settings, default_home
    from pipeline.sources.inventory import manifest_sources, verified_path
    from pipeline.synthetic.demo import prepare_demo

    real = Settings.from_env()
    home = Path(demo_home) if demo_home else default_home() / "demo"
    (towns_source,) = [s for s in manifest_sources(real) if s.dataset == "reference_towns"]
    towns = load_towns(verified_path(towns_source, real)).town.tolist()
    raw = prepare_demo(real.raw_dir, home, towns)
    instance = home / ".dagster"  # its own Dagster instance: no run history or asset shared with the real one
    instance.mkdir(parents=True, exist_ok=True)
    if not (instance / "dagster.yaml").is_file():
        shutil.copyfile(Path(__file__).parents[1] / "dagster.yaml", instance / "dagster.yaml")
    os.environ.update({"CTIP_RAW_DIR": str(raw), "CTIP_CACHE_DIR": str(real.cache_dir),
                       "CTIP_WAREHOUSE": str(home / "warehouse" / "ctip.duckdb"),
                       "CTIP_REPORTS_DIR": str(home / "reports"), "DAGSTER_HOME": str(instance)})
    print(f"ctip run --demo: SYNTHETIC TIPC report generated in {raw / 'tipc'}; outputs go to {home}")
