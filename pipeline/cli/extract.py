"""`ctip extract`: a TIPC-format report's tables (PDF, CSV, XLSX) as tidy CSV, one row per printed count."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

EXAMPLES = """\b
Examples:
  ctip extract demo/tipc_demo.pdf -o demo/tipc_demo.csv
  ctip extract raw/tipc/tipc_2017.xlsx | head
  ctip extract statab.pdf --spec statab_2012_table324 -o table324.csv
"""


@click.command("extract", epilog=EXAMPLES, short_help="Read a report's tables (PDF, CSV, XLSX) into tidy CSV.")
@click.argument("report_file", metavar="REPORT_FILE")
@click.option("-o", "--output", metavar="OUT.csv", help="CSV file to write (default: standard output).")
@click.option("--reader", type=click.Choice(["grid"]), default="grid", hidden=True,
              help="The one reader (kept so that command lines written while there were two still run).")
@click.option("--keep-readable", is_flag=True,
              help="With -o: write the tables that could be read, and OUT.refusals.csv naming "
                   "every table that could not (the exit code is still 1).")
@click.option("--spec", metavar="NAME",
              help="Read the table by a declared spec (raw/reference/specs/NAME.yaml), e.g. statab_2012_table324.")
def extract_command(report_file: str, output: str | None, reader: str, keep_readable: bool,
                    spec: str | None) -> int:
    """Read the tables of REPORT_FILE (a TIPC-format report: PDF, or the same tables as CSV or XLSX) and write one
    row per printed count, with the page, table, row, column and printed text it came from.

    A bad file gets one line on stderr, exit code 2 and no output file."""
    # only what this run needs (issue 23: start-up within 5x of a bare PDFium text dump): no pandas on the grid
    # path, no manifest checker when these bytes were checked before, the spec reader only when asked
    from pipeline.extract.bounded import LimitExceeded, kind_of, run_bounded
    from pipeline.extract.reference import measure_rows, statute_rows, town_rows
    from pipeline.extract.tidy import ExtractionError, SourceRef, extract_csv
    from pipeline.extract.vocabulary import Vocabulary
    from pipeline.settings import Settings
    from pipeline.sources.acquire import AcquisitionError, sha256_file
    from pipeline.sources.inventory import checked_sources, verified_path

    path = Path(report_file)
    refused = _output_refused(path, Path(output)) if output else None
    if keep_readable and not output:
        refused = "--keep-readable needs -o OUT.csv (the refusals go beside it)"
    if refused:
        print(f"ctip extract: {refused}", file=sys.stderr)
        return 2
    refusals: list = []
    try:
        settings = Settings.from_env()
        sources = checked_sources(settings)  # the memo of the full check of these bytes: no pydantic, no YAML
        by_dataset = {s.dataset: s for s in sources}
        towns = [row["town"] for row in town_rows(verified_path(by_dataset["reference_towns"], settings))]
        vocabulary = Vocabulary.from_rows(statute_rows(verified_path(by_dataset["reference_statutes"], settings)),
                                          measure_rows(verified_path(by_dataset["reference_measures"], settings)))
        if not path.is_file():
            raise ExtractionError(f"{path}: no such file")
        digest = sha256_file(path)
        known = next((s for s in sources if s.sha256 == digest), None)
        synthetic = known.synthetic if known else _generated_by_ctip(path)
        source = SourceRef(known.id if known else path.stem, digest, 0, synthetic, path.name)
        # in a child process within ctip's limits for one file: a decompression bomb costs them, no more
        rows, refusals = run_bounded(_rows_of, path, source, towns, vocabulary, spec, settings, sources,
                                     name=path.name, what=kind_of(path.name))
        if refusals and not keep_readable:
            from pipeline.extract.meaning import refusal_text

            raise ExtractionError(refusal_text(refusals))
    except (ExtractionError, AcquisitionError, LimitExceeded) as exc:
        print(f"ctip extract: {exc}", file=sys.stderr)
        return 2
    data = extract_csv(rows, path.name)
    if output:
        target = Path(output)
        temporary = target.with_name(f".{target.name}.part")
        temporary.write_text(data, encoding="utf-8")
        os.replace(temporary, target)
        print(f"ctip extract: {len(rows)} counts from {path.name} -> {target}", file=sys.stderr)
    else:
        sys.stdout.write(data)
    if keep_readable and refusals:
        _write_refusals(refusals, Path(output))
        return 1
    return 0


def _rows_of(path: Path, source, towns: list[str], vocabulary, spec: str | None, settings, sources) -> tuple:
    """The counts of one file and the tables that could not be read (run in the bounded child)."""
    if spec:
        from pipeline.extract.spec_table import extract_spec_table
        from pipeline.extract.tidy import frame_rows

        return frame_rows(extract_spec_table(path, source, _spec(spec, settings, sources))), []
    from pipeline.extract.meaning import read_tipc_rows

    return read_tipc_rows(path, source, towns, vocabulary)


def _write_refusals(refusals, output: Path) -> None:
    """OUT.refusals.csv: every table that could not be read, where and why; and one line each on stderr."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "reason"])
    for refusal in refusals:
        writer.writerow([refusal.where, refusal.reason])
        print(f"ctip extract: refused: {refusal.reason}", file=sys.stderr)
    target = output.with_name(output.stem + ".refusals.csv")
    temporary = target.with_name(f".{target.name}.part")
    temporary.write_text(buffer.getvalue(), encoding="utf-8")
    os.replace(temporary, target)
    print(f"ctip extract: {len(refusals)} table(s) refused -> {target}", file=sys.stderr)


def _generated_by_ctip(path: Path) -> bool:
    """True for a PDF written by ctip's synthetic report generator (its Author field says so)."""
    if path.suffix.lower() != ".pdf":
        return False
    import pypdfium2

    from pipeline.synthetic import SYNTHETIC_AUTHOR

    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:  # an unreadable file is not ours; extraction will say what is wrong with it
        return False
    try:
        return document.get_metadata_dict().get("Author") == SYNTHETIC_AUTHOR
    finally:
        document.close()


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
