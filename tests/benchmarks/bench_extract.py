"""Benchmark (not a test): extract a generated ~200-page SYNTHETIC TIPC report and print pages per second; then
time a 20,000-column CSV (read, then refused: each year printed a hundred times).

    uv run python tests/benchmarks/bench_extract.py [--repeat 3]

Targets (issue 13): at least 50 pages/s on the 2-core reference machine; the 20,000 columns in under 5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.extract.meaning import extract_tipc
from pipeline.extract.reference import load_towns
from pipeline.extract.tidy import ExtractionError, SourceRef
from pipeline.extract.vocabulary import Vocabulary
from pipeline.settings import Settings
from pipeline.sources.inventory import manifest_sources, verified_path
from pipeline.synthetic.tipc_report import ReportSpec, default_tables, write_report
from pipeline.synthetic.tipc_spec import TableStyle


def big_spec() -> ReportSpec:
    """Every town, ten years; long tables repeated until the report reaches about 200 pages."""
    long_table = TableStyle("long", (("53a-82", "arrests"), ("53a-83", "arrests")), ruled=True,
                            repeat_header=True, two_line_header=True, total_column=False)
    return ReportSpec(n_towns=160, tables=(*default_tables(), *([long_table] * 4)))


def reference_towns(settings: Settings) -> list[str]:
    """The 169 official towns, from the verified reference file."""
    (towns_source,) = [s for s in manifest_sources(settings) if s.dataset == "reference_towns"]
    return load_towns(verified_path(towns_source, settings)).town.tolist()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings.from_env()
    towns = reference_towns(settings)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "big.pdf"
        truth = write_report(pdf, None, towns, big_spec())
        import pypdfium2

        document = pypdfium2.PdfDocument(str(pdf))
        pages = len(document)
        document.close()
        source = SourceRef("bench", "0" * 64, 2005, True, pdf.name)
        vocabulary = Vocabulary.from_reference_dir(settings.raw_dir / "reference")
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            frame = extract_tipc(pdf, source, towns, vocabulary)
            timings.append(time.perf_counter() - started)
        assert len(frame) == len(truth), "benchmark extraction disagrees with the ground truth"
    best, median = min(timings), statistics.median(timings)
    print(f"{pages} pages, {len(frame):,} counts, one process: "
          f"median {median:.2f} s = {pages / median:.1f} pages/s (best {pages / best:.1f} pages/s)")
    print(f"20,000 columns: {wide_columns_seconds(towns, vocabulary):.2f} s")
    return 0


def wide_columns_seconds(towns: list[str], vocabulary: Vocabulary) -> float:
    """Seconds to read a 20,000-column CSV table to its verdict (the reader was quadratic once: 120 s)."""
    with tempfile.TemporaryDirectory() as folder:
        wide = Path(folder) / "wide.csv"
        years = [str(1900 + i % 200) for i in range(20_000)]
        wide.write_text("Table 1. Arrests under CGS 53a-82\nTown," + ",".join(years) + "\nHartford,"
                        + ",".join(str(i % 7) for i in range(20_000)) + "\n")
        started = time.perf_counter()
        with contextlib.suppress(ExtractionError):
            extract_tipc(wide, SourceRef("wide", "0" * 64, 2005, True, wide.name), towns, vocabulary)
        return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())
