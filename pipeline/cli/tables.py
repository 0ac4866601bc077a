"""`ctip tables`: the general table reader on any PDF, before any meaning is read: what it sees as tables, their
cells, spans and header rows. For checking a new report's layout, and for benchmarks."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

EXAMPLES = """\b
Examples:
  ctip tables report.pdf                          every table, as text grids
  ctip tables report.pdf --pages 3-5 --json       tables of pages 3 to 5, as JSON
  ctip tables report.pdf --area 2:72,300,540,700  only the table in that box of page 2
  ctip tables report.pdf --csv out/               one CSV file per table
"""

_AREA = re.compile(r"^\s*(\d{1,5})\s*:\s*([-+]?[\d.]+)\s*,\s*([-+]?[\d.]+)\s*,\s*([-+]?[\d.]+)\s*,\s*([-+]?[\d.]+)\s*$")
_PAGES = re.compile(r"^\s*\d{1,5}(?:\s*-\s*\d{1,5})?(?:\s*,\s*\d{1,5}(?:\s*-\s*\d{1,5})?)*\s*$")


def parse_pages(text: str) -> list[int]:
    """'1,3-5' -> [1, 3, 4, 5]."""
    if not _PAGES.match(text):
        raise click.BadParameter(f"{text!r}: pages are numbers and ranges, e.g. 1,3-5", param_hint="--pages")
    pages: set[int] = set()
    for part in text.split(","):
        low, _, high = part.partition("-")
        first, last = int(low), int(high or low)
        if first < 1 or last < first or last - first > 10_000:
            raise click.BadParameter(f"{part.strip()!r}: pages count from 1, low to high", param_hint="--pages")
        pages.update(range(first, last + 1))
    return sorted(pages)


def parse_area(text: str):
    """'PAGE:x0,y0,x1,y1' (PDF points, origin bottom left of the page as shown) -> an Area."""
    from pipeline.extract.tables import Area

    match = _AREA.match(text)
    if not match:
        raise click.BadParameter(f"{text[:60]!r}: an area is PAGE:x0,y0,x1,y1, e.g. 2:72,300,540,700",
                                 param_hint="--area")
    page = int(match.group(1))
    x0, y0, x1, y1 = (float(match.group(index)) for index in range(2, 6))
    if page < 1 or x1 <= x0 or y1 <= y0:
        raise click.BadParameter(f"{text[:60]!r}: the page counts from 1 and x1 > x0, y1 > y0", param_hint="--area")
    return Area(page, (x0, y0, x1, y1))


@click.command("tables", epilog=EXAMPLES, short_help="Show the tables a PDF holds, cell by cell (no meaning).")
@click.argument("pdf_file", metavar="PDF_FILE")
@click.option("--pages", metavar="1,3-5", help="Read only these pages (1-based).")
@click.option("--area", "areas", metavar="PAGE:x0,y0,x1,y1", multiple=True,
              help="Read only the table inside this box (PDF points, origin bottom left); repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print {\"tables\": [...]} with every cell and its span.")
@click.option("--csv", "csv_dir", metavar="DIR", help="Write one CSV file per table into DIR.")
def tables_command(pdf_file: str, pages: str | None, areas: tuple[str, ...], as_json: bool,
                   csv_dir: str | None) -> int:
    """Read every table of PDF_FILE with the general reader (geometry, drawn rules, aligned text; nothing about
    what a table means) and show its cells: text grids by default, JSON or CSV on request.

    A file that is no readable PDF, or a page it does not have, gets one line on stderr and exit code 2; so does
    one that needs more than ctip's limits for one file to read (CTIP_PARSE_MEMORY_MB=2048, CTIP_PARSE_CPU_SECONDS=60,
    CTIP_PARSE_WALL_SECONDS=180)."""
    from pipeline.extract.bounded import LimitExceeded, run_bounded
    from pipeline.extract.tables import TableReadError, read_tables

    path = Path(pdf_file)
    chosen_pages = parse_pages(pages) if pages else None
    chosen_areas = [parse_area(area) for area in areas]
    if not path.is_file():
        click.echo(f"ctip tables: {pdf_file}: no such file", err=True)
        return 2
    try:  # in a child process within ctip's limits for one file (a decompression bomb costs them, no more)
        tables = run_bounded(read_tables, path, chosen_pages, chosen_areas, name=path.name, what="PDF")
    except (TableReadError, LimitExceeded) as exc:
        click.echo(f"ctip tables: {exc}", err=True)
        return 2
    if csv_dir:
        _write_csvs(tables, Path(csv_dir), path.stem)
    if as_json:
        sys.stdout.write(json.dumps({"file": path.name, "tables": [table.to_json() for table in tables]},
                                    ensure_ascii=False) + "\n")  # one write: json.dump writes piece by piece
    elif not csv_dir:
        for index, table in enumerate(tables, start=1):
            click.echo(_text_grid(index, table))
    if not tables:
        click.echo(f"ctip tables: no table found in {path.name}", err=True)
    return 0


def _text_grid(index: int, table) -> str:
    from tabulate import tabulate

    rows = table.grid()
    title = (f"table {index}: page {table.page}, {table.rows} rows x {table.cols} columns, "
             f"{table.header_rows} header row(s){', ruled' if table.ruled else ''}, bbox "
             + ", ".join(f"{value:.0f}" for value in table.bbox))
    return title + "\n" + tabulate(rows, tablefmt="simple_grid") + "\n"


def _write_csvs(tables, folder: Path, stem: str) -> None:
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    for index, table in enumerate(tables, start=1):
        target = folder / f"{stem}-p{table.page}-t{index}.csv"
        with open(target, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(table.grid())
        click.echo(f"ctip tables: {target}", err=True)
