"""`ctip lineage`: a published count traced to the printed cells it sums, from the warehouse or any version."""

from __future__ import annotations

import json

import click

from pipeline.cli.common import echo_json, error

EXAMPLES = """\b
Examples:
  ctip lineage ucr_town_female_arrests --town Hartford --year 2013
  ctip lineage ucr_statewide_male_arrests --year 2016 --json
  ctip lineage published_seller_arrests --version LATEST
  ctip lineage ucr_town_male_arrests --town 'new haven' --version 2005-2016-aaaaaaaaaaaa
"""


@click.command("lineage", epilog=EXAMPLES, short_help="Trace a published count to the printed cells it came from.")
@click.argument("metric", metavar="METRIC")
@click.option("--town", metavar="TOWN", help="Only this town's counts (any case, e.g. Hartford or 'new haven').")
@click.option("--year", type=int, metavar="YEAR", help="Only this year's counts (e.g. 2013).")
@click.option("--version", "version", metavar="VERSION",
              help="Read this report version's lineage.json (a name, LATEST or a folder) instead of the warehouse.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts and their cells as JSON.")
def lineage_command(metric: str, town: str | None, year: int | None, version: str | None, as_json: bool) -> int:
    """Trace METRIC (e.g. ucr_town_female_arrests, ucr_statewide_male_arrests, published_seller_arrests) to the
    source cells it sums: file, sha256, page or line, table, row, column header and printed text.

    Names are matched in any case; a near miss is answered with "did you mean". Exit 1 when nothing matches."""
    from pipeline.report.lineage import format_counts, select_counts, suggestions

    document, origin = _version_lineage(version) if version else _warehouse_lineage(metric)
    if document is None:
        return 2
    known = sorted(document)
    matched = next((name for name in known if name.casefold() == metric.casefold()), None)
    if matched is None:
        close = suggestions(metric, known)
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        return error(f"unknown metric {metric!r} in {origin}; {hint}known: {', '.join(known)}")
    counts = select_counts(document, matched, town, year)
    if as_json:
        echo_json({"metric": matched, "from": origin, "town": town, "year": year, "counts": counts})
    if not counts:
        message = f"{matched}: no such count in {origin}" + _why_none(document[matched], town, year)
        if as_json:
            return error(message, 1)
        click.echo(message)
        return 1
    if not as_json:
        click.echo(format_counts(matched, counts))
    return 0


def _why_none(entries: list[dict], town: str | None, year: int | None) -> str:
    """Which filter matched nothing, with the nearest towns or the years there are."""
    from pipeline.report.lineage import suggestions

    towns = sorted({e["town"] for e in entries if e["town"] is not None})
    if town is not None and town.casefold() not in {t.casefold() for t in towns}:
        if not towns:
            return f" (it has no town breakdown; drop --town {town!r})"
        close = suggestions(town, towns)
        return f" for town {town!r}" + (f"; did you mean {' or '.join(close)}?" if close else "")
    years = sorted({e["year"] for e in entries if e["year"] is not None})
    if year is not None and year not in years:
        span = f"{years[0]}–{years[-1]}" if years else "none (it has no year breakdown; drop --year)"
        return f" for year {year}; years: {span}"
    return ""


def _warehouse_lineage(metric: str) -> tuple[dict | None, str]:
    """The lineage document of the live warehouse, for METRIC only (every other metric listed by name)."""
    from pipeline.report.lineage import lineage_document
    from pipeline.settings import Settings
    from pipeline.warehouse.load import connect, trace

    settings = Settings.from_env()
    origin = f"the warehouse {settings.warehouse_path}"
    if not settings.warehouse_path.is_file():
        error(f"no warehouse at {settings.warehouse_path}: run `make run` first (or read a version: --version LATEST)")
        return None, origin
    with connect(settings.warehouse_path, read_only=True) as con:
        known = [row[0] for row in con.execute("SELECT DISTINCT metric FROM lineage ORDER BY 1").fetchall()]
        matched = next((name for name in known if name.casefold() == metric.casefold()), None)
        cells = trace(con, matched) if matched else None
    document = {name: [] for name in known}
    if matched:
        document[matched] = lineage_document(cells).get(matched, [])
    return document, origin


def _version_lineage(version: str) -> tuple[dict | None, str]:
    from pipeline.report import audit
    from pipeline.settings import Settings

    folder = audit.resolve_version(Settings.from_env().reports_dir, version)
    path = folder / "lineage.json"
    if not path.is_file():
        error(f"{folder.name} has no lineage.json (made before lineage was published); read the warehouse instead")
        return None, str(path)
    return json.loads(path.read_text(encoding="utf-8")), f"{folder.name}/lineage.json"
