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
    # The run's asset outputs stay in its own memory (resources.run_io_manager); the instance keeps only history.
    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") and not resources \
        else DagsterInstance.ephemeral()
    settings = resources["ctip"].settings() if resources else Settings.from_env()
    tags = full_run_tags(instance, manifest_sources(settings))
    result = run_defs.resolve_job_def("full_pipeline").execute_in_process(
        run_config={"loggers": {"ctip_progress": {}}}, instance=instance, raise_on_error=False, resources=resources,
        tags=tags)
    return result, handler


def _run(args: argparse.Namespace) -> int:
    from pipeline.settings import Settings
    from pipeline.sources.inventory import manifest_sources

    if args.demo:
        _enter_demo(args.demo_home)
    settings = Settings.from_env()
    manifest_sources(settings)  # a malformed manifest is one line here, before anything is imported or written
    lock = _run_lock()
    if lock is None:
        return 1
    if args.rebuild_warehouse:
        _remove_warehouse(settings)
    elif not args.force and _up_to_date():
        return 0
    print("ctip run: in process", flush=True)
    result, handler = _execute()
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
    label = " (SYNTHETIC inputs: demo only)" if args.demo else ""
    print(f"ctip run: done. Report version {version}{label}: {settings.reports_dir / str(version) / 'report.html'}")
    return 0


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
    """One `ctip run` at a time per warehouse: a second one stops at once with a clear message. (A demo run has
    its own warehouse, reports and Dagster instance; what it shares with real runs, the verified download cache,
    is written under a lock of its own: see sources/acquire.py.)"""
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


def _enter_demo(demo_home: str) -> None:
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
        shutil.copyfile(Path(__file__).with_name("dagster.yaml"), instance / "dagster.yaml")
    os.environ.update({"CTIP_RAW_DIR": str(raw), "CTIP_CACHE_DIR": str(real.cache_dir),
                       "CTIP_WAREHOUSE": str(home / "warehouse" / "ctip.duckdb"),
                       "CTIP_REPORTS_DIR": str(home / "reports"), "DAGSTER_HOME": str(instance)})
    print(f"ctip run --demo: SYNTHETIC TIPC report generated in {raw / 'tipc'}; outputs go to {home}")


def _extract(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pipeline.extract.reference import load_measures, load_statutes, load_towns
    from pipeline.extract.spec_table import extract_spec_table
    from pipeline.extract.tidy import ExtractionError, SourceRef
    from pipeline.extract.tipc import extract_tipc, generated_by_ctip, to_extract_csv
    from pipeline.extract.vocabulary import Vocabulary
    from pipeline.settings import Settings
    from pipeline.sources.acquire import AcquisitionError, sha256_file
    from pipeline.sources.inventory import manifest_sources, verified_path

    path = Path(args.file)
    refused = _output_refused(path, Path(args.output)) if args.output else None
    if refused:
        print(f"ctip extract: {refused}", file=sys.stderr)
        return 2
    try:
        settings = Settings.from_env()
        sources = manifest_sources(settings)
        by_dataset = {s.dataset: s for s in sources}
        towns = load_towns(verified_path(by_dataset["reference_towns"], settings)).town
        vocabulary = Vocabulary.from_tables(load_statutes(verified_path(by_dataset["reference_statutes"], settings)),
                                            load_measures(verified_path(by_dataset["reference_measures"], settings)))
        if not path.is_file():
            raise ExtractionError(f"{path}: no such file")
        digest = sha256_file(path)
        known = next((s for s in sources if s.sha256 == digest), None)
        synthetic = known.synthetic if known else generated_by_ctip(path)
        source = SourceRef(known.id if known else path.stem, digest, 0, synthetic, path.name)
        if args.spec:
            frame = extract_spec_table(path, source, _spec(args.spec, settings, sources))
        else:
            frame = extract_tipc(path, source, towns, vocabulary)
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


def _spec(name: str, settings, sources):
    """A declared table spec by name, from the manifest's verified spec files."""
    from pipeline.extract.spec_table import load_spec
    from pipeline.extract.tidy import ExtractionError
    from pipeline.sources.inventory import verified_path

    specs = {}
    for source in sources:
        if source.dataset == "reference_table_spec":
            spec = load_spec(verified_path(source, settings))
            specs[spec.name] = spec
    if name not in specs:
        raise ExtractionError(f"--spec {name}: no such table spec; declared: {', '.join(sorted(specs)) or 'none'}")
    return specs[name]


def _output_refused(source: Path, output: Path) -> str | None:
    """Why `-o output` cannot be written (checked before anything is read): never the input itself."""
    if output.is_dir():
        return f"-o {output}: is a folder; name the CSV file to write"
    if not output.parent.is_dir():
        return f"-o {output}: folder {output.parent} does not exist"
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        return f"-o {output}: is the input file; choose another name"
    return None


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
    """Check a version's files, then re-derive it where it was made and compare every file, naming the causes."""
    from pipeline.report import audit
    from pipeline.report.rederive import RederiveError, provenance_differences, rederive, scratch_folder
    from pipeline.settings import Settings

    settings = Settings.from_env()
    folder = audit.resolve_version(settings.reports_dir, args.version)
    altered = audit.altered_files(folder)
    if altered:
        print(f"ctip verify: {folder.name}: files changed since publication (they no longer match its "
              f"MANIFEST.json): {', '.join(altered)}")
        return 1
    recorded = audit.manifest(folder)
    home = settings.raw_dir.parent
    with scratch_folder() as scratch:
        try:
            with rederive(recorded, settings, home, Path(scratch)) as rebuilt:
                print(f"ctip verify: {folder.name}: re-derived at {rebuilt.where}", file=sys.stderr)
                differing = audit.differing_files(folder, rebuilt.folder)
                causes = provenance_differences(recorded, audit.manifest(rebuilt.folder))
        except RederiveError as exc:
            print(f"ctip verify: {folder.name}: cannot re-derive: {exc}", file=sys.stderr)
            return 1
    commit = (recorded.get("git_commit") or "unknown")[:12]
    if differing:
        print(f"ctip verify: {folder.name}: differs from its re-derivation at commit {commit}: "
              f"{', '.join(differing)}")
        print("  causes recorded in MANIFEST.json: " + ("; ".join(causes) if causes else
              "none (same inputs, lock, commit, Python and packages): the build is not reproducible here"))
        return 1
    print(f"ctip verify: {folder.name}: identical to its re-derivation at commit {commit} "
          f"({len(audit.file_hashes(folder)) + 1} files)")
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
    from pipeline.report.rederive import provenance_differences

    provenance = [cause for cause in provenance_differences(audit.manifest(first), audit.manifest(second))
                  if not cause.startswith("inputs")]
    print(f"Provenance: {len(provenance)} difference(s)" + "".join(f"\n- {cause}" for cause in provenance))
    inputs = audit.input_changes(audit.manifest(first), audit.manifest(second))
    changed_inputs = inputs[inputs.status != "same"]
    print(f"\nInputs: {len(changed_inputs)} of {len(inputs)} changed")
    if not changed_inputs.empty:
        print(changed_inputs.to_markdown(index=False))
    metrics = audit.metric_changes(first, second)
    print(f"\nMetrics: {len(metrics)} value(s) moved between {first.name} and {second.name}")
    if not metrics.empty:
        print(metrics.to_markdown(index=False))
    return 0


def _add_source(args: argparse.Namespace) -> int:
    """Put a new file under raw/ and list it in the manifest with its sha256, so the sensor picks it up.

    The entry is validated against the manifest before a byte is copied; a failed append removes the copy."""
    import shutil

    from pipeline.settings import Settings
    from pipeline.sources.acquire import sha256_file
    from pipeline.sources.manifest import ManifestError, append_source, validate_entry

    settings = Settings.from_env()
    source = Path(args.file)
    if not source.is_file():
        print(f"ctip add-source: {args.file}: no such file", file=sys.stderr)
        return 2
    source = source.resolve()
    raw = settings.raw_dir.resolve()
    target = source if source.is_relative_to(raw) else raw / "tipc" / source.name
    if target != source and target.exists():
        print(f"ctip add-source: {target} exists already", file=sys.stderr)
        return 2
    entry = {
        "id": args.id, "kind": "tracked", "dataset": args.dataset,
        "title": args.title or source.name, "publisher": args.publisher, "upstream_url": args.url, "url": args.url,
        "path": str(target.relative_to(raw)), "filename": target.name,
        "sha256": sha256_file(source), "size": source.stat().st_size, "license": args.license,
        "period": list(args.period), "format": target.suffix.lstrip(".").lower(), "synthetic": args.synthetic,
    }
    try:
        validate_entry(settings.manifest_path, entry, check_file=target == source)
    except ManifestError as exc:
        print(f"ctip add-source: {exc}", file=sys.stderr)
        return 2
    copied = target != source
    if copied:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    try:
        if sha256_file(target) != entry["sha256"]:
            raise ManifestError(f"{source} changed while it was copied; nothing was added")
        append_source(settings.manifest_path, entry)
    except (ManifestError, OSError) as exc:
        if copied:
            target.unlink(missing_ok=True)
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
    run.add_argument("--rebuild-warehouse", action="store_true",
                     help="delete the DuckDB warehouse file first (it holds only derived data) and rebuild it")
    run.set_defaults(handler=_run)
    extract = commands.add_parser("extract", help="TIPC report tables (PDF, CSV, XLSX) -> tidy CSV")
    extract.add_argument("file")
    extract.add_argument("-o", "--output", help="CSV to write (default: standard output)")
    extract.add_argument("--spec", help="read the table by a declared spec (raw/reference/specs/NAME.yaml), e.g. "
                                        "statab_2012_table324")
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
    try:
        return args.handler(args)
    except _expected_errors() as exc:  # a human's to fix: one line naming the file, entry or version, no traceback
        print(f"ctip {args.command}: {exc}", file=sys.stderr)
        return 2


def _expected_errors() -> tuple[type[BaseException], ...]:
    from pipeline.report.publish import LatestDamaged
    from pipeline.sources.acquire import AcquisitionError
    from pipeline.sources.manifest import ManifestError
    from pipeline.warehouse.load import WarehouseBusy, WarehouseCorrupt

    return ManifestError, LatestDamaged, AcquisitionError, WarehouseBusy, WarehouseCorrupt, FileNotFoundError


if __name__ == "__main__":
    sys.exit(main())
