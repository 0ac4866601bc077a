"""`ctip sources` and `ctip add-source`: the inputs the pipeline reads, as listed in raw/sources.yaml."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from pipeline.cli.common import echo_json, table

SOURCES_EXAMPLES = """\b
Examples:
  ctip sources                 every input: id, dataset, sha256, where it comes from
  ctip sources --fetch         acquire and verify every input (mirror or pinned URL, sha256 checked)
  ctip sources --json | jq '.[] | select(.synthetic)'
"""

ADD_EXAMPLES = """\b
Examples:
  ctip add-source ~/Downloads/tipc_2017.pdf --id tipc_2017 --period 2017 2017 --url https://example.org/tipc.pdf
  ctip add-source generated.pdf --id tipc_test --period 2015 2016 --synthetic
"""


@click.command("sources", epilog=SOURCES_EXAMPLES, short_help="List (and with --fetch, acquire) every input.")
@click.option("--fetch", is_flag=True, help="Acquire and verify every source (sha256); exit 1 if one fails.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (one object per source) instead of a table.")
def sources_command(fetch: bool, as_json: bool) -> int:
    """List the sources manifest (raw/sources.yaml): id, dataset, sha256 and where each file comes from."""
    from pipeline.settings import Settings
    from pipeline.sources.acquire import AcquisitionError
    from pipeline.sources.inventory import manifest_sources, verified_path

    settings = Settings.from_env()
    failed = 0
    records = []
    for source in manifest_sources(settings):
        record = {"id": source.id, "dataset": source.dataset, "sha256": source.sha256, "synthetic": source.synthetic,
                  "period": list(source.period), "location": source.url or source.path}
        if fetch:
            try:
                record.update(status="ok", path=str(verified_path(source, settings)))
            except AcquisitionError as exc:
                failed += 1
                record.update(status="failed", error=str(exc))
        records.append(record)
    if as_json:
        echo_json(records)
    else:
        rows = [[r["id"], r["dataset"], r["sha256"][:12], "yes" if r["synthetic"] else "",
                 (f"ok  {r['path']}" if r.get("status") == "ok" else f"FAILED: {r['error']}") if fetch
                 else r["location"]] for r in records]
        click.echo(table(rows, ["ID", "DATASET", "SHA256", "SYNTHETIC", "STATUS" if fetch else "FROM"]))
    return 1 if failed else 0


@click.command("add-source", epilog=ADD_EXAMPLES, short_help="List a new file (e.g. a TIPC report) in the manifest.")
@click.argument("report_file", metavar="FILE")
@click.option("--id", "source_id", required=True, metavar="ID",
              help="The source id: lowercase letters, digits and '_', unique in the manifest (e.g. tipc_2017).")
@click.option("--url", metavar="URL", help="Where it was published (a pinned http(s) download address).")
@click.option("--period", nargs=2, type=int, required=True, metavar="FIRST LAST",
              help="The years its counts cover, first and last (e.g. --period 2015 2016).")
@click.option("--dataset", default="tipc_report", show_default=True,
              help="The dataset it belongs to (tipc_report is read by the TIPC table reader).")
@click.option("--title", metavar="TEXT", help="Its title as published (default: the file name).")
@click.option("--publisher", default="Connecticut Trafficking in Persons Council", show_default=True,
              help="Who published it.")
@click.option("--license", "license_", default="public record", show_default=True,
              help="Its license or terms of use.")
@click.option("--synthetic", is_flag=True, help="The file is generated, not published (labelled SYNTHETIC).")
def add_source_command(report_file: str, source_id: str, url: str | None, period: tuple[int, int], dataset: str,
                       title: str | None, publisher: str, license_: str, synthetic: bool) -> int:
    """Put FILE under raw/tipc/ and list it in raw/sources.yaml with its sha256, so the sensor picks it up.

    The entry is validated against the manifest before a byte is copied; a failed append removes the copy."""
    from pipeline.settings import Settings
    from pipeline.sources.acquire import sha256_file
    from pipeline.sources.manifest import ManifestError, append_source, validate_entry

    settings = Settings.from_env()
    source = Path(report_file)
    if not source.is_file():
        print(f"ctip add-source: {report_file}: no such file", file=sys.stderr)
        return 2
    source = source.resolve()
    raw = settings.raw_dir.resolve()
    target = source if source.is_relative_to(raw) else raw / "tipc" / source.name
    if target != source and target.exists():
        print(f"ctip add-source: {target} exists already", file=sys.stderr)
        return 2
    entry = {
        "id": source_id, "kind": "tracked", "dataset": dataset,
        "title": title or source.name, "publisher": publisher, "upstream_url": url, "url": url,
        "path": str(target.relative_to(raw)), "filename": target.name,
        "sha256": sha256_file(source), "size": source.stat().st_size, "license": license_,
        "period": list(period), "format": target.suffix.lstrip(".").lower(), "synthetic": synthetic,
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
    print(f"ctip add-source: {source_id} ({entry['sha256'][:12]}, {entry['size']:,} bytes) added to "
          f"{settings.manifest_path}" + (" [synthetic]" if synthetic else ""))
    return 0
