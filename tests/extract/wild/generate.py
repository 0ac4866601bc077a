"""Write a reproducible sample of wild reports: NAME.pdf, NAME.truth.csv and NAME.layout.json per report.

    python -m tests.extract.wild.generate OUT_DIR --seed N --count K [--engine reportlab|html|both]

Report i of seed N is the same model for every engine (only the drawing differs), so a layout that one engine's
drawing breaks can be compared with the other's. Every file says SYNTHETIC.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.extract.wild import model as M

ENGINES = ("reportlab", "html")
TRUTH_COLUMNS = (
    "page",
    "table",
    "jurisdiction",
    "jurisdiction_type",
    "period_start",
    "period_end",
    "statute",
    "measure",
    "count",
    "printed_total",
    "cell_text",
    "synthetic",
)


@dataclass
class Generated:
    """One written report (or the reason it could not be drawn)."""

    name: str
    engine: str
    pdf: Path
    truth: Path
    layout: Path
    seconds: float
    error: str | None = None


def engines(choice: str) -> tuple[str, ...]:
    return ENGINES if choice == "both" else (choice,)


def write_one(out_dir: Path, seed: int, index: int, engine: str) -> Generated:
    """Draw report `index` of `seed` with `engine` into `out_dir`; a drawing that failed its own checks is
    reported in `error` (and its truth is not written, since it would not be what the page prints)."""
    started = time.perf_counter()
    report = M.make_report(seed, index)
    name = f"{report.name}_{'rl' if engine == 'reportlab' else 'html'}"
    report.name = name
    pdf, truth, layout = (out_dir / f"{name}{ext}" for ext in (".pdf", ".truth.csv", ".layout.json"))
    try:
        if engine == "reportlab":
            from tests.extract.wild.render_reportlab import render
        else:
            from tests.extract.wild.render_html import render
        render(report, pdf)
    except Exception as exc:  # a drawing that does not hold the plan is not a test case
        pdf.unlink(missing_ok=True)
        error = f"{type(exc).__name__}: {exc}"
        return Generated(name, engine, pdf, truth, layout, time.perf_counter() - started, error)
    with open(truth, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=TRUTH_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(report.truth_rows())
    info = report.layout()
    info["engine"] = engine
    info["name"] = name
    layout.write_text(json.dumps(info, indent=1, ensure_ascii=False), encoding="utf-8")
    return Generated(name, engine, pdf, truth, layout, time.perf_counter() - started)


def generate(out_dir: Path, seed: int, count: int, engine: str = "both") -> list[Generated]:
    """Write `count` reports per engine; returns what was written (and what could not be drawn)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_one(out_dir, seed, i, e) for i in range(count) for e in engines(engine)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--engine", choices=(*ENGINES, "both"), default="both")
    parser.add_argument("--index", type=int, default=None, help="write only report INDEX of the sample (a replay)")
    args = parser.parse_args(argv)
    if args.index is not None:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        done = [write_one(args.out_dir, args.seed, args.index, e) for e in engines(args.engine)]
    else:
        done = generate(args.out_dir, args.seed, args.count, args.engine)
    for g in done:
        print(f"{g.name}: {'not drawn: ' + g.error if g.error else 'ok'} ({g.seconds:.2f} s)")
    return 0 if all(g.error is None for g in done) else 1


if __name__ == "__main__":
    sys.exit(main())
