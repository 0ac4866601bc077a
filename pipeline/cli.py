"""`ctip`: run the pipeline and inspect its sources from a terminal."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path


def _execute(resources: dict | None = None, stream=None):
    """Run the full pipeline job in this process, one progress line per asset step."""
    warnings.filterwarnings("ignore", message=r".*(beta|preview)")  # API-stability notices are not for researchers
    from dagster import DagsterInstance, Definitions

    from pipeline.assets.partitions import full_run_tags
    from pipeline.assets.progress import progress_logger
    from pipeline.definitions import defs
    from pipeline.settings import Settings
    from pipeline.sources.inventory import manifest_sources

    job = defs.resolve_job_def("full_pipeline")
    progress, handler = progress_logger(len(job.graph.node_defs), stream)
    run_defs = Definitions.merge(defs, Definitions(loggers={"ctip_progress": progress}))
    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") and not resources \
        else DagsterInstance.ephemeral()
    settings = resources["ctip"].settings() if resources else Settings.from_env()
    tags = full_run_tags(instance, manifest_sources(settings))
    result = run_defs.resolve_job_def("full_pipeline").execute_in_process(
        run_config={"loggers": {"ctip_progress": {}}}, instance=instance, raise_on_error=False, resources=resources,
        tags=tags)
    return result, handler


def _run(args: argparse.Namespace) -> int:
    if args.demo:
        _enter_demo(args.demo_home)
    if not args.force and _up_to_date():
        return 0
    lock = _run_lock()
    if lock is None:
        return 1
    print("ctip run: in process", flush=True)
    result, handler = _execute()
    if not result.success:
        from pipeline.report.publish import write_run_record
        from pipeline.settings import Settings

        record = write_run_record(Settings.from_env().reports_dir, result.run_id, {
            "run_id": result.run_id, "status": "failed", "published": None,
            "failures": [{"step": step, "message": message} for step, message in handler.failures]})
        for step, message in handler.failures:
            print(f"ctip run: stopped at {step}: {message}", file=sys.stderr)
        print(f"ctip run: run record {record}; reports/LATEST is unchanged", file=sys.stderr)
        print("ctip run: failed; nothing after the failing step ran, no report version was published",
              file=sys.stderr)
        return 1
    version = next((m.metadata["version"].value for m in result.asset_materializations_for_node("report_version")),
                   None)
    from pipeline.settings import Settings

    reports_dir = Settings.from_env().reports_dir
    label = " (SYNTHETIC inputs: demo only)" if args.demo else ""
    print(f"ctip run: done. Report version {version}{label}: {reports_dir / str(version) / 'report.html'}")
    return 0


def _run_lock():
    """One `ctip run` at a time per warehouse: a second one stops at once with a clear message."""
    import fcntl

    from pipeline.settings import Settings

    path = Settings.from_env().warehouse_path.parent / ".ctip-run.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 - held open (and locked) until the process ends
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
    """Skip the whole run when LATEST was built from the same inputs, lock and clean commit."""
    from importlib.metadata import version as package_version

    from pipeline.report import audit
    from pipeline.report.provenance import publication_context
    from pipeline.settings import Settings
    from pipeline.sources.inventory import manifest_sources, sources_table

    settings = Settings.from_env()
    try:
        latest = audit.resolve_version(settings.reports_dir, "LATEST")
    except (FileNotFoundError, OSError):
        return False
    _, context = publication_context(sources_table(manifest_sources(settings)), settings, package_version("ctip"))
    if not audit.is_current(latest, context):
        return False
    print(f"ctip run: nothing changed since {latest.name} (same inputs, uv.lock and commit): nothing to do; "
          "--force reruns anyway")
    return True


def _enter_demo(demo_home: str) -> None:
    """Point every path at the demo folder (before the asset graph is imported, since it reads the manifest)."""
    from pathlib import Path

    from pipeline.extract.reference import load_towns
    from pipeline.settings import Settings, default_home
    from pipeline.sources.inventory import manifest_sources, verified_path
    from pipeline.synthetic.demo import prepare_demo

    real = Settings.from_env()
    home = Path(demo_home) if demo_home else default_home() / "demo"
    (towns_source,) = [s for s in manifest_sources(real) if s.dataset == "reference_towns"]
    towns = load_towns(verified_path(towns_source, real)).town.tolist()
    raw = prepare_demo(real.raw_dir, home, towns)
    os.environ.update({"CTIP_RAW_DIR": str(raw), "CTIP_CACHE_DIR": str(real.cache_dir),
                       "CTIP_WAREHOUSE": str(home / "warehouse" / "ctip.duckdb"),
                       "CTIP_REPORTS_DIR": str(home / "reports")})
    print(f"ctip run --demo: SYNTHETIC TIPC report generated in {raw / 'tipc'}; outputs go to {home}")


def _extract(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pipeline.extract.reference import load_statutes, load_towns
    from pipeline.extract.tidy import ExtractionError, SourceRef
    from pipeline.extract.tipc import extract_tipc, generated_by_ctip, to_extract_csv
    from pipeline.settings import Settings
    from pipeline.sources.acquire import AcquisitionError, sha256_file
    from pipeline.sources.inventory import manifest_sources, verified_path

    path = Path(args.file)
    try:
        settings = Settings.from_env()
        sources = manifest_sources(settings)
        by_dataset = {s.dataset: s for s in sources}
        towns = load_towns(verified_path(by_dataset["reference_towns"], settings)).town
        statutes = load_statutes(verified_path(by_dataset["reference_statutes"], settings))
        if not path.is_file():
            raise ExtractionError(f"{path}: no such file")
        digest = sha256_file(path)
        known = next((s for s in sources if s.sha256 == digest), None)
        synthetic = known.synthetic if known else generated_by_ctip(path)
        source = SourceRef(known.id if known else path.stem, digest, 0, synthetic, path.name)
        frame = extract_tipc(path, source, towns, dict(zip(statutes.statute, statutes.role, strict=True)))
    except (ExtractionError, AcquisitionError) as exc:
        print(f"ctip extract: {exc}", file=sys.stderr)
        return 2
    data = to_extract_csv(frame, path.name)
    if args.output:
        output = Path(args.output)
        temporary = output.with_name(f".{output.name}.part")
        temporary.write_text(data, encoding="utf-8")
        os.replace(temporary, output)
        print(f"ctip extract: {len(frame)} counts from {path.name} -> {output}", file=sys.stderr)
    else:
        sys.stdout.write(data)
    return 0


def _lineage(args: argparse.Namespace) -> int:
    from pipeline.report.lineage import format_trace
    from pipeline.settings import Settings
    from pipeline.warehouse.load import connect, trace

    settings = Settings.from_env()
    if not settings.warehouse_path.is_file():
        print(f"ctip lineage: no warehouse at {settings.warehouse_path}: run `make run` first", file=sys.stderr)
        return 2
    with connect(settings.warehouse_path, read_only=True) as con:
        known = [row[0] for row in con.execute("SELECT DISTINCT metric FROM lineage ORDER BY 1").fetchall()]
        if args.metric not in known:
            print(f"ctip lineage: unknown metric {args.metric!r}; known: {', '.join(known)}", file=sys.stderr)
            return 2
        cells = trace(con, args.metric, args.town, args.year)
    print(format_trace(cells, args.metric))
    return 0 if not cells.empty else 1


def _verify(args: argparse.Namespace) -> int:
    """Re-derive a version from its recorded inputs in a temporary place and compare every file."""
    import tempfile

    from pipeline.report import audit
    from pipeline.settings import Settings
    from pipeline.sources.inventory import manifest_sources

    settings = Settings.from_env()
    try:
        folder = audit.resolve_version(settings.reports_dir, args.version)
    except FileNotFoundError as exc:
        print(f"ctip verify: {exc}", file=sys.stderr)
        return 2
    altered = audit.altered_files(folder)
    if altered:
        print(f"ctip verify: {folder.name}: files no longer match its MANIFEST.json: {', '.join(altered)}")
        return 1
    recorded = {i["source_id"]: i["sha256"] for i in audit.manifest(folder)["inputs"]}
    current = {s.id: s.sha256 for s in manifest_sources(settings)}
    if recorded != current:
        changed = sorted(k for k in set(recorded) | set(current) if recorded.get(k) != current.get(k))
        print(f"ctip verify: {folder.name}: cannot re-derive, raw/sources.yaml now pins other inputs: "
              f"{', '.join(changed)}")
        return 1
    from pipeline.assets.resources import CtipPaths

    with tempfile.TemporaryDirectory(prefix="ctip-verify-") as scratch:
        resource = CtipPaths(raw_dir=str(settings.raw_dir), cache_dir=str(settings.cache_dir),
                             warehouse_path=str(Path(scratch) / "ctip.duckdb"), reports_dir=str(Path(scratch) / "r"),
                             mirror_dir=str(settings.mirror_dir) if settings.mirror_dir else None)
        print(f"ctip verify: re-deriving {folder.name} in {scratch}", file=sys.stderr)
        result, _ = _execute({"ctip": resource}, stream=sys.stderr)
        if not result.success:
            print(f"ctip verify: {folder.name}: the re-derivation failed", file=sys.stderr)
            return 1
        rebuilt = Path(scratch) / "r" / (Path(scratch) / "r" / "LATEST").read_text().strip()
        differing = audit.differing_files(folder, rebuilt)
    if differing:
        print(f"ctip verify: {folder.name}: differs from its re-derivation ({rebuilt.name}): "
              + ", ".join(differing))
        return 1
    print(f"ctip verify: {folder.name}: identical ({len(audit.file_hashes(folder)) + 1} files)")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from pipeline.report import audit
    from pipeline.settings import Settings

    reports = Settings.from_env().reports_dir
    try:
        first, second = (audit.resolve_version(reports, v) for v in (args.first, args.second))
    except FileNotFoundError as exc:
        print(f"ctip diff: {exc}", file=sys.stderr)
        return 2
    inputs = audit.input_changes(audit.manifest(first), audit.manifest(second))
    changed_inputs = inputs[inputs.status != "same"]
    print(f"Inputs: {len(changed_inputs)} of {len(inputs)} changed")
    if not changed_inputs.empty:
        print(changed_inputs.to_markdown(index=False))
    metrics = audit.metric_changes(first, second)
    print(f"\nMetrics: {len(metrics)} value(s) moved between {first.name} and {second.name}")
    if not metrics.empty:
        print(metrics.to_markdown(index=False))
    return 0


def _add_source(args: argparse.Namespace) -> int:
    """Put a new file under raw/ and list it in the manifest with its sha256, so the sensor picks it up."""
    import shutil

    from pipeline.settings import Settings
    from pipeline.sources.acquire import sha256_file
    from pipeline.sources.manifest import ManifestError, append_source

    settings = Settings.from_env()
    source = Path(args.file).resolve()
    if not source.is_file():
        print(f"ctip add-source: {args.file}: no such file", file=sys.stderr)
        return 2
    folder = settings.raw_dir / "tipc"
    target = source if source.is_relative_to(settings.raw_dir.resolve()) else folder / source.name
    if target != source:
        if target.exists():
            print(f"ctip add-source: {target} exists already", file=sys.stderr)
            return 2
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    entry = {
        "id": args.id, "kind": "tracked", "dataset": args.dataset,
        "title": args.title or source.name, "publisher": args.publisher, "upstream_url": args.url, "url": args.url,
        "path": str(target.relative_to(settings.raw_dir.resolve())), "filename": target.name,
        "sha256": sha256_file(target), "size": target.stat().st_size, "license": args.license,
        "period": list(args.period), "format": target.suffix.lstrip(".").lower(), "synthetic": args.synthetic,
    }
    try:
        append_source(settings.manifest_path, entry)
    except ManifestError as exc:
        print(f"ctip add-source: {exc}", file=sys.stderr)
        return 2
    print(f"ctip add-source: {args.id} ({entry['sha256'][:12]}, {entry['size']:,} bytes) added to "
          f"{settings.manifest_path}" + (" [synthetic]" if args.synthetic else ""))
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
    run.add_argument("--demo", action="store_true",
                     help="also generate a SYNTHETIC TIPC report and run on it (outputs under demo/)")
    run.add_argument("--demo-home", help="where the demo writes (default: demo/ in the project)")
    run.add_argument("--force", action="store_true", help="run even when nothing changed since reports/LATEST")
    run.set_defaults(handler=_run)
    extract = commands.add_parser("extract", help="TIPC report tables (PDF, CSV, XLSX) -> tidy CSV")
    extract.add_argument("file")
    extract.add_argument("-o", "--output", help="CSV to write (default: standard output)")
    extract.set_defaults(handler=_extract)
    lineage = commands.add_parser("lineage", help="trace a published count to the printed cells it came from")
    lineage.add_argument("metric", help="e.g. ucr_town_female_arrests, ucr_statewide_male_arrests, "
                                        "published_seller_arrests")
    lineage.add_argument("--town")
    lineage.add_argument("--year", type=int)
    lineage.set_defaults(handler=_lineage)
    verify = commands.add_parser("verify", help="re-derive a report version and compare every file's sha256")
    verify.add_argument("version", help="a version name, LATEST, or a version folder")
    verify.set_defaults(handler=_verify)
    diff = commands.add_parser("diff", help="which inputs changed between two versions and how each metric moved")
    diff.add_argument("first")
    diff.add_argument("second")
    diff.set_defaults(handler=_diff)
    add = commands.add_parser("add-source", help="list a new file (e.g. a new TIPC report) in raw/sources.yaml")
    add.add_argument("file")
    add.add_argument("--id", required=True)
    add.add_argument("--url", help="where it was published (pinned download URL)")
    add.add_argument("--period", nargs=2, type=int, required=True, metavar=("FIRST", "LAST"))
    add.add_argument("--dataset", default="tipc_report")
    add.add_argument("--title")
    add.add_argument("--publisher", default="Connecticut Trafficking in Persons Council")
    add.add_argument("--license", default="public record")
    add.add_argument("--synthetic", action="store_true", help="the file is generated, not published")
    add.set_defaults(handler=_add_source)
    sources = commands.add_parser("sources", help="list the sources manifest")
    sources.add_argument("--fetch", action="store_true", help="acquire and verify every source")
    sources.set_defaults(handler=_sources)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
