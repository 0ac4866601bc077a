"""Benchmarks (not tests): cold run, no-op rerun, a plain-pandas baseline, PDF extraction; prints a table.

    uv run python tests/benchmarks/bench_pipeline.py [--repeat 3]      (or: make bench)

Medians of several runs, and ratios measured in the same run, since absolute times drift on shared machines.
Results are appended to tests/benchmarks/results/<date>.csv with the machine description.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).parent / "results"


def _timed(command: list[str], env: dict) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MB) of that child alone (wait4), and its stdout."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.DEVNULL, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            raise RuntimeError(f"{command} exited {process.returncode}")
        output.seek(0)
        return wall, usage.ru_maxrss / 1024, output.read()


def _project(scratch: Path) -> Path:
    """A clean git checkout of raw/ and uv.lock, so that the no-op check can trust the commit."""
    project = scratch / "project"
    shutil.copytree(ROOT / "raw", project / "raw", ignore=shutil.ignore_patterns("cache"))
    shutil.copyfile(ROOT / "uv.lock", project / "uv.lock")
    git = ["git", "-C", str(project), "-c", "user.email=b@example.org", "-c", "user.name=b"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "bench"]):
        subprocess.run([*git, *args], check=True)
    return project


BASELINE = r'''
import sys, pandas as pd
from pathlib import Path
cache = Path(sys.argv[1])
rows = []
for year in range(2010, 2017):
    frame = pd.read_csv(cache / f"ucr_arrests_{year}" / f"Uniform_Crime_Reporting_System_Arrests_{year}.csv",
                        encoding="utf-8-sig")
    label = frame.columns[0]
    sex = frame[frame[label].isin(["Prostit F", "Prostit M"])].set_index(label)
    if "Connecticut" in sex.columns or "CT" in sex.columns:
        statewide = sex["Connecticut" if "Connecticut" in sex.columns else "CT"]
    else:
        statewide = sex[[c for c in sex.columns if c.endswith(" County")]].sum(axis=1)
    rows.append((year, int(statewide["Prostit F"]), int(statewide["Prostit M"])))
table = pd.DataFrame(rows, columns=["year", "female", "male"]).assign(ratio=lambda t: t.female / t.male)
table.to_csv(sys.stdout, index=False)
'''


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from pipeline.settings import Settings

    cache = Settings.from_env().cache_dir
    measurements: dict[str, list[tuple[float, float]]] = {"cold run": [], "no-op rerun": [], "pandas baseline": []}
    with tempfile.TemporaryDirectory(prefix="ctip-bench-") as folder:
        project = _project(Path(folder))
        for attempt in range(args.repeat):
            out = Path(folder) / f"out{attempt}"
            env = {**os.environ, "CTIP_RAW_DIR": str(project / "raw"), "CTIP_CACHE_DIR": str(cache),
                   "CTIP_WAREHOUSE": str(out / "ctip.duckdb"), "CTIP_REPORTS_DIR": str(out / "reports")}
            env.pop("DAGSTER_HOME", None)
            run = [sys.executable, "-m", "pipeline.cli", "run"]
            wall, peak, _ = _timed(run, env)
            measurements["cold run"].append((wall, peak))
            wall, peak, stdout = _timed(run, env)
            assert "nothing changed" in stdout, "the rerun was not a no-op"
            measurements["no-op rerun"].append((wall, peak))
            wall, peak, _ = _timed([sys.executable, "-c", BASELINE, str(cache)], env)
            measurements["pandas baseline"].append((wall, peak))
    extraction = subprocess.run([sys.executable, str(Path(__file__).parent / "bench_extract.py"), "--repeat",
                                 str(args.repeat)], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    rows = []
    for name, values in measurements.items():
        rows.append({"measure": name, "median_s": round(statistics.median(w for w, _ in values), 2),
                     "peak_mb": round(max(p for _, p in values)), "runs": len(values)})
    cold, baseline = rows[0]["median_s"], rows[2]["median_s"]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    print(f"machine: {machine}")
    print(f"{'measure':<18} {'median s':>9} {'peak MB':>8} {'runs':>5}")
    for row in rows:
        print(f"{row['measure']:<18} {row['median_s']:>9} {row['peak_mb']:>8} {row['runs']:>5}")
    print(f"cold run / pandas baseline: {cold / baseline:.1f}x (the baseline computes only statewide F/M by year)")
    print(f"PDF extraction: {extraction}")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    with open(RESULTS / f"{stamp}.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["measure", "median_s", "peak_mb", "runs", "machine"])
        writer.writeheader()
        writer.writerows({**row, "machine": machine} for row in rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
