"""Benchmark (not a test): the general table reader's speed. Pages per second on the ~190-page SYNTHETIC report
of bench_extract (read by `read_tables`, in one process and as `ctip tables` does it); and start-up: `ctip tables`
and `ctip extract` (each reader) of a short report against a bare script that opens the same PDF with pypdfium2 and
dumps its text.

    uv run python tests/benchmarks/bench_tables.py [--repeat 3]

Targets (issue 23): >= 100 pages/s on the big report; each command <= 5x the bare script's wall time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

BARE = """
import sys, pypdfium2
document = pypdfium2.PdfDocument(sys.argv[1])
for page in document:
    textpage = page.get_textpage()
    sys.stdout.write(textpage.get_text_range())
    textpage.close()
    page.close()
"""


def _wall(command: list[str], repeat: int) -> float:
    """Median wall time of a command, each run a fresh process (its start-up counted), after one untimed run (the
    page cache warm for every command alike; ctip's one-time memo of the manifest check written)."""
    subprocess.run(command, check=True, capture_output=True, env={**os.environ})
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ})
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from bench_extract import big_spec, reference_towns

    from pipeline.extract.tables import read_tables
    from pipeline.extract.tables import reader as table_reader
    from pipeline.settings import Settings
    from pipeline.synthetic.tipc_report import ReportSpec, default_tables, write_report

    towns = reference_towns(Settings.from_env())
    ctip = str(Path(sys.executable).with_name("ctip"))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.pdf"
        write_report(big, None, towns, big_spec())
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(big)))
        for label, parallel_from in (("one process", 10**9), ("one process per core", table_reader.PARALLEL_FROM)):
            table_reader.PARALLEL_FROM = parallel_from
            timings = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                tables = read_tables(big)
                timings.append(time.perf_counter() - started)
            median = statistics.median(timings)
            rows.append((f"read_tables, {label}", f"{pages} pages, {len(tables)} tables", f"{median:.2f} s",
                         f"{pages / median:.0f} pages/s"))
        command = _wall([ctip, "tables", str(big), "--json"], args.repeat)
        rows.append(("ctip tables --json (whole command)", f"{pages} pages", f"{command:.2f} s",
                     f"{pages / command:.0f} pages/s"))
        small = Path(folder) / "small.pdf"
        write_report(small, None, towns, ReportSpec(n_towns=40, tables=default_tables()[:2]))
        small_pages = len(pypdfium2.PdfDocument(str(small)))
        bare = _wall([sys.executable, "-c", BARE, str(small)], args.repeat)
        rows.append(("bare pypdfium2 text dump", f"{small_pages} pages", f"{bare:.2f} s", "1.0x"))
        for name, command_line in (("ctip tables", [ctip, "tables", str(small), "--json"]),
                                   ("ctip extract", [ctip, "extract", str(small), "-o", str(small) + ".csv"])):
            seconds = _wall(command_line, args.repeat)
            rows.append((name, f"{small_pages} pages", f"{seconds:.2f} s", f"{seconds / bare:.1f}x the bare script"))
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M%SZ")
    bytecode = ("off (PYTHONDONTWRITEBYTECODE: every process compiles every module it imports)"
                if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on")
    lines = [f"# Table reader speed, {stamp}", "", f"Machine: {os.cpu_count()} cores; load "
             f"{os.getloadavg()[0]:.1f} at the end; median of {args.repeat} runs; Python's bytecode cache "
             f"{bytecode}.", "",
             "| what | input | wall | rate |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    text = "\n".join(lines) + "\n"
    target = ROOT / "tests" / "benchmarks" / "results" / f"tables-{stamp}.md"
    target.write_text(text, encoding="utf-8")
    print(text)
    print(f"written: {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
