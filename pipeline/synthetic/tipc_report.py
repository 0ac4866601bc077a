"""Generate realistic, clearly SYNTHETIC TIPC-format annual reports (PDF + ground truth), seeded and deterministic.

No real TIPC report with its tables could be obtained. This writes what such a report looks like (cover,
contents, narrative, ruled and whitespace tables, portrait and landscape pages, tables running over pages,
totals, footnote markers, suppressed cells) so that the extractor can be built and tested against a known truth.
The statewide 2005-2014 totals equal the published figures; every town and year split is invented.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from pipeline.synthetic.tipc_pdf import Writer, draw_table, front_matter
from pipeline.synthetic.tipc_spec import (
    GROUND_TRUTH_COLUMNS,
    STATE_POLICE,
    ReportSpec,
    allocate,
    default_tables,
    single_year_spec,
    table_rows,
    table_title,
)


def write_report(pdf_path: Path, truth_path: Path | None, towns: list[str], spec: ReportSpec | None = None,
                 encrypt: str | None = None) -> list[dict]:
    """Write the PDF (and the ground-truth CSV); return the ground truth rows."""
    spec = spec or ReportSpec(tables=default_tables())
    if not spec.tables:
        spec = ReportSpec(**{**spec.__dict__, "tables": default_tables()})
    counts = allocate(spec, towns)
    jurisdictions = sorted({name for cells in counts.values() for name, _ in cells} - {STATE_POLICE}) + [STATE_POLICE]
    titles = [table_title(n, t, spec) for n, t in enumerate(spec.tables, start=1)]
    writer = Writer(Path(pdf_path), spec, encrypt)
    front_matter(writer, spec, titles)
    truth: list[dict] = []
    for number, style in enumerate(spec.tables, start=1):
        draw_table(writer, number, style, spec, counts, jurisdictions, truth)
    writer.new_page()
    writer.text("Recommendations", 14, bold=True, gap=10)
    writer.text("The Council recommends 4 measures for 2016; see the narrative above. (SYNTHETIC)", 10)
    writer.save()
    if truth_path is not None:
        with open(truth_path, "w", newline="", encoding="utf-8") as handle:
            out = csv.DictWriter(handle, fieldnames=[*GROUND_TRUTH_COLUMNS, "synthetic"], lineterminator="\n")
            out.writeheader()
            for row in truth:
                out.writerow({**{k: row[k] for k in GROUND_TRUTH_COLUMNS}, "synthetic": True})
    return truth


def write_table_file(path: Path, towns: list[str], spec: ReportSpec) -> list[dict]:
    """The same tables as a CSV or XLSX file (title row, header row, rows, a blank row between tables)."""
    counts = allocate(spec, towns)
    jurisdictions = sorted({name for cells in counts.values() for name, _ in cells} - {STATE_POLICE}) + [STATE_POLICE]
    lines: list[list[str]] = []
    truth: list[dict] = []
    for number, style in enumerate(spec.tables, start=1):
        if style.shape == "wide":
            header = ["Town", *map(str, spec.years), *(["Total"] if style.total_column else [])]
        else:
            header = ["Town", "Year", *[f"{m.capitalize()} {s}" for s, m in style.measures]]
        lines += [[table_title(number, style, spec)], header]
        for row in table_rows(style, spec, counts, jurisdictions):
            lines.append(row["cells"])
            truth += [{**fact, "page": None, "table_index": None, "row_index": len(lines)} for fact in row["truth"]]
        lines.append([])
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with open(path, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, lineterminator="\n").writerows(lines)
    else:
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Tables (SYNTHETIC)"
        for line in lines:
            sheet.append([int(c.replace(",", "")) if re.fullmatch(r"[\d,]+", c) else c for c in line])
        workbook.save(path)
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--truth", type=Path, help="ground-truth CSV (default: beside the PDF)")
    parser.add_argument("--towns", type=Path, help="the 169-town reference CSV (default: the manifest's, acquired)")
    parser.add_argument("--seed", type=int, default=ReportSpec.seed)
    parser.add_argument("--single-year", type=int, help="write a one-year report for this year")
    args = parser.parse_args(argv)
    from pipeline.extract.reference import load_towns

    if args.towns is None:
        from pipeline.settings import Settings
        from pipeline.sources.inventory import manifest_sources, verified_path

        settings = Settings.from_env()
        (source,) = [s for s in manifest_sources(settings) if s.dataset == "reference_towns"]
        args.towns = verified_path(source, settings)
    towns = load_towns(args.towns).town.tolist()
    if args.single_year:
        spec = single_year_spec(args.single_year, args.seed)
    else:
        spec = ReportSpec(seed=args.seed, tables=default_tables())
    args.pdf.parent.mkdir(parents=True, exist_ok=True)
    truth = write_report(args.pdf, args.truth or args.pdf.with_suffix(".truth.csv"), towns, spec)
    print(f"{args.pdf}: {len(truth)} printed counts (SYNTHETIC)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
