"""`ctip`: run the pipeline and inspect its sources from a terminal."""

from __future__ import annotations

import argparse
import os
import sys
import warnings


def _run(args: argparse.Namespace) -> int:
    warnings.filterwarnings("ignore", message=r".*(beta|preview)")  # API-stability notices are not for researchers
    from dagster import DagsterInstance, Definitions

    from pipeline.assets.progress import progress_logger
    from pipeline.definitions import defs

    job = defs.resolve_job_def("full_pipeline")
    progress, handler = progress_logger(len(job.graph.node_defs))
    run_defs = Definitions.merge(defs, Definitions(loggers={"ctip_progress": progress}))
    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else DagsterInstance.ephemeral()
    print(f"ctip run: {len(job.graph.node_defs)} asset steps, in process", flush=True)
    result = run_defs.resolve_job_def("full_pipeline").execute_in_process(
        run_config={"loggers": {"ctip_progress": {}}}, instance=instance, raise_on_error=False
    )
    if not result.success:
        for step, message in handler.failures:
            print(f"ctip run: stopped at {step}: {message}", file=sys.stderr)
        print("ctip run: failed; nothing after the failing step ran, no report version was published",
              file=sys.stderr)
        return 1
    version = next((m.metadata["version"].value for m in result.asset_materializations_for_node("report_version")),
                   None)
    from pipeline.settings import Settings

    reports_dir = Settings.from_env().reports_dir
    print(f"ctip run: done. Report version {version}: {reports_dir / str(version) / 'report.html'}")
    return 0


def _sources(args: argparse.Namespace) -> int:
    from pipeline.settings import Settings
    from pipeline.sources.acquire import AcquisitionError
    from pipeline.sources.inventory import manifest_sources, verified_path

    settings = Settings.from_env()
    failed = 0
    for source in manifest_sources(settings):
        if args.fetch:
            try:
                path = verified_path(source, settings)
                status = f"ok  {path}"
            except AcquisitionError as exc:
                failed += 1
                status = f"FAILED: {exc}"
        else:
            status = source.url or source.path
        synthetic = " [synthetic]" if source.synthetic else ""
        print(f"{source.id:<26} {source.sha256[:12]}  {status}{synthetic}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ctip", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="materialize every asset, raw sources to report version")
    run.set_defaults(handler=_run)
    sources = commands.add_parser("sources", help="list the sources manifest")
    sources.add_argument("--fetch", action="store_true", help="acquire and verify every source")
    sources.set_defaults(handler=_sources)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
