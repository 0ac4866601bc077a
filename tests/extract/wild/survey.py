"""Run the reader on generated reports and sort each into EXACT, REFUSED, MISREAD (or ERROR).

    python -m tests.extract.wild.survey OUT_DIR --seed N --count K [--engine both] [--jobs 2]

EXACT: every printed count read with its true value and nothing else read. REFUSED: exit code 2 with one line on
stderr naming the file and a page that holds a table. MISREAD: exit code 0 but a count differs, is missing or is
extra — a silent wrong read, the one outcome that must never happen. ERROR: anything else (a crash, another exit
code, a refusal that does not say where). The reader is a black box: only its command line is used.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass, field
from pathlib import Path

from tests.extract.wild.generate import Generated, engines, write_one

REPO = Path(__file__).resolve().parents[3]
CTIP = REPO / ".venv" / "bin" / "ctip"
DATA_MIRROR = str(REPO.parent / "shared" / "data")  # unless CTIP_DATA_MIRROR says where
OUTCOMES = ("EXACT", "REFUSED", "MISREAD", "ERROR")

Key = tuple[str, str, str, str, int, int, bool]


@dataclass
class Outcome:
    """How the reader did on one report, and which of the report's tables it concerns."""

    name: str
    engine: str
    status: str
    reason: str
    features: list[str]
    blamed: list[dict[str, object]] = field(default_factory=list)
    extract_seconds: float = 0.0
    generate_seconds: float = 0.0


def _key(row: dict[str, str]) -> Key:
    return (
        row["jurisdiction"],
        row["jurisdiction_type"],
        row["statute"],
        row["measure"],
        int(float(row["period_start"])),
        int(float(row["period_end"])),
        str(row["printed_total"]).strip().lower() == "true",
    )


def _count(text: str) -> int | None:
    text = (text or "").strip()
    return None if text == "" else int(float(text))


def _show(key: Key, value: int | None) -> str:
    j, _, s, m, a, b, tot = key
    period = str(a) if a == b else f"{a}-{b}"
    return f"{j}/{s}/{m}/{period}{'/total' if tot else ''}={'suppressed' if value is None else value}"


def compare(truth_rows: list[dict[str, str]], read_rows: list[dict[str, str]]) -> tuple[list[str], set[int]]:
    """Differences between truth and reader on (jurisdiction, statute, measure, period, printed_total) keys,
    and the truth tables they concern."""
    want: dict[Key, Counter] = {}
    where: dict[Key, set[int]] = {}
    for row in truth_rows:
        k = _key(row)
        want.setdefault(k, Counter())[_count(row["count"])] += 1
        where.setdefault(k, set()).add(int(row["table"]))
    got: dict[Key, Counter] = {}
    for row in read_rows:
        try:
            k = _key(row)
        except (KeyError, ValueError):
            got.setdefault(("?", "?", row.get("statute", "?"), row.get("measure", "?"), 0, 0, False), Counter())[
                _count(row.get("count", ""))
            ] += 1
            continue
        got.setdefault(k, Counter())[_count(row.get("count", ""))] += 1
    problems: list[str] = []
    tables: set[int] = set()
    for k in sorted(set(want) | set(got), key=str):
        w, g = want.get(k, Counter()), got.get(k, Counter())
        if w == g:
            continue
        tables |= where.get(k, set())
        if not w:
            problems.append("extra " + ", ".join(_show(k, v) for v in g.elements()))
        elif not g:
            problems.append("missing " + ", ".join(_show(k, v) for v in w.elements()))
        else:
            exp = ", ".join(_show(k, v) for v in w.elements())
            problems.append(f"differs: truth {exp}; read {', '.join(str(v) for v in g.elements())}")
    return problems, tables


def _tables_on_page(layout: dict, page: int) -> list[dict]:
    return [t for t in layout["tables"] if page in t["pages"]]


def _fresh(argv: list[str], timeout: float) -> tuple[int, str]:
    """`ctip extract` as a person runs it: a new process."""
    env = {**os.environ}
    env.setdefault("CTIP_DATA_MIRROR", DATA_MIRROR)
    proc = subprocess.run([str(CTIP), *argv], capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO,
                          check=False)
    return proc.returncode, proc.stderr


def _in_this_process(argv: list[str]) -> tuple[int, str]:
    """The console script's own entry point (`pipeline.cli:main`, what `ctip` runs), its stderr kept: exit code
    and messages as the command gives them, without a Python start-up per report."""
    import contextlib
    import io
    import traceback

    from pipeline.cli import main as ctip_main

    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = ctip_main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:  # a crash, as the command would print it
            traceback.print_exc()
            code = 1
    return code, stderr.getvalue()


def _warm_worker() -> None:
    os.environ.setdefault("CTIP_DATA_MIRROR", DATA_MIRROR)
    os.chdir(REPO)


class Warm:
    """Processes that run `ctip extract` one report after another (each process single-threaded, so its stderr
    is its own), for large samples: a report costs its reading, not a Python start-up as well."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing

        self._pool = ProcessPoolExecutor(max(1, jobs), mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_warm_worker)

    def __call__(self, argv: list[str], timeout: float) -> tuple[int, str]:
        return self._pool.submit(_in_this_process, argv).result(timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def classify(gen: Generated, work: Path, timeout: float = 300.0, warm: Warm | None = None) -> Outcome:
    """Run `ctip extract` on one generated report (a new process, or a `Warm` one) and sort the result."""
    layout = json.loads(gen.layout.read_text(encoding="utf-8"))
    with open(gen.truth, newline="", encoding="utf-8") as fh:
        truth_rows = list(csv.DictReader(fh))
    out_csv = work / f"{gen.name}.read.csv"
    out_csv.unlink(missing_ok=True)
    argv = ["extract", str(gen.pdf), "-o", str(out_csv), *os.environ.get("CTIP_WILD_EXTRACT_ARGS", "").split()]
    started = time.perf_counter()
    try:
        returncode, stderr = (warm or _fresh)(argv, timeout)
    except (subprocess.TimeoutExpired, FuturesTimeout):
        return Outcome(
            gen.name,
            gen.engine,
            "ERROR",
            f"timeout after {timeout:.0f} s",
            layout["features"],
            layout["tables"],
            timeout,
        )
    seconds = time.perf_counter() - started
    base = Outcome(gen.name, gen.engine, "ERROR", "", layout["features"], [], seconds, gen.seconds)
    stderr_lines = [line for line in stderr.splitlines() if line.strip()]
    if returncode == 2:
        line = stderr_lines[-1] if stderr_lines else ""
        m = re.search(r"\bpage (\d+)", line)
        page = int(m.group(1)) if m else None
        tables = _tables_on_page(layout, page) if page else []
        tm = re.search(r"\btable (\d+)", line)
        if tm and len(tables) > 1:
            tables = [t for t in tables if t["table"] == int(tm.group(1))] or tables
        clear = len(stderr_lines) == 1 and gen.pdf.name in line and bool(tables)
        base.blamed = tables
        if clear:
            base.status, base.reason = "REFUSED", line
        else:
            why = "no page holding a table named" if not tables else "not one line naming the file"
            base.reason = f"unclear refusal ({why}): {' | '.join(stderr_lines)[:400]}"
        return base
    if returncode != 0:
        base.reason = f"exit {returncode}: {' | '.join(stderr_lines[-3:])[:400]}"
        return base
    if not out_csv.is_file():
        base.reason = "exit 0 but no output file"
        return base
    with open(out_csv, newline="", encoding="utf-8") as fh:
        read_rows = list(csv.DictReader(fh))
    problems, tables = compare(truth_rows, read_rows)
    if not problems:
        base.status, base.reason = "EXACT", ""
        return base
    base.status = "MISREAD"
    unresolved = sorted({r["row_label"] for r in read_rows if r.get("jurisdiction_type") == "unresolved"})
    flag = f"(reader marked {len(unresolved)} labels 'unresolved': {unresolved[:3]}) " if unresolved else ""
    base.reason = f"{len(problems)} keys wrong; {flag}" + " | ".join(problems[:4])
    base.blamed = [t for t in layout["tables"] if t["table"] in tables] or layout["tables"]
    return base


def survey(out_dir: Path, seed: int, count: int, engine: str = "both", jobs: int = 2,
           warm: bool = False) -> dict[str, Counter]:
    """Generate `count` reports per engine, classify each, write failures.txt and summary.json in `out_dir`;
    returns Counters: "all" and one per engine (outcome -> number), "not_drawn" for drawings that failed.
    `warm`: `ctip extract` run in `jobs` processes kept open, not a new process per report."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tasks = [(i, e) for i in range(count) for e in engines(engine)]

    def one(task: tuple[int, str]) -> Outcome | Generated:
        gen = write_one(out_dir, seed, task[0], task[1])
        if gen.error:
            return gen
        outcome = classify(gen, out_dir, warm=runner)
        outcome.generate_seconds = gen.seconds
        return outcome

    runner = Warm(jobs) if warm else None
    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            results = list(pool.map(one, tasks))
    finally:
        if runner is not None:
            runner.close()
    outcomes = [r for r in results if isinstance(r, Outcome)]
    not_drawn = [r for r in results if isinstance(r, Generated)]
    counts: dict[str, Counter] = {"all": Counter(o.status for o in outcomes), "not_drawn": Counter()}
    for e in engines(engine):
        counts[e] = Counter(o.status for o in outcomes if o.engine == e)
    for g in not_drawn:
        counts["not_drawn"][g.engine] += 1
    write_reports(out_dir, outcomes, not_drawn, counts, seed)
    return counts


def write_reports(out_dir: Path, outcomes: list[Outcome], not_drawn: list[Generated], counts: dict, seed: int) -> None:
    """failures.txt (one line per non-exact report) and summary.json (outcomes per engine and per feature)."""
    lines = []
    for o in sorted(outcomes, key=lambda o: (OUTCOMES.index(o.status), o.name)):
        if o.status == "EXACT":
            continue
        blamed = "; ".join(f"table {t['table']} {t['kind']} [{', '.join(t['features'])}]" for t in o.blamed)
        lines.append(f"{o.name}.pdf\t{o.status}\t{o.reason}\tblamed: {blamed or '-'}")
    for g in not_drawn:
        lines.append(f"{g.name}.pdf\tNOT_DRAWN\t{g.error}")
    (out_dir / "failures.txt").write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    per_feature: dict[str, Counter] = {}
    blamed_feature: dict[str, Counter] = {}
    for o in outcomes:
        for f in o.features:
            per_feature.setdefault(f, Counter())[o.status] += 1
        seen: set[str] = set()
        for t in o.blamed:
            seen |= set(t["features"])
        for f in seen:
            blamed_feature.setdefault(f, Counter())[o.status] += 1
    times = sorted(o.extract_seconds for o in outcomes)
    gtimes = sorted(o.generate_seconds for o in outcomes)
    summary = {
        "synthetic": True,
        "seed": seed,
        "counts": {k: dict(v) for k, v in counts.items()},
        "per_feature": {f: dict(c) for f, c in sorted(per_feature.items())},
        "blamed_tables_feature": {f: dict(c) for f, c in sorted(blamed_feature.items())},
        "extract_seconds_median": times[len(times) // 2] if times else None,
        "extract_seconds_max": times[-1] if times else None,
        "generate_seconds_median": gtimes[len(gtimes) // 2] if gtimes else None,
        "outcomes": [
            {
                "name": o.name,
                "engine": o.engine,
                "status": o.status,
                "reason": o.reason,
                "extract_seconds": round(o.extract_seconds, 3),
            }
            for o in outcomes
        ],
    }
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--engine", choices=("reportlab", "html", "both"), default="both")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--fresh", action="store_true", help="a new `ctip extract` process per report (slower)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = survey(args.out_dir, args.seed, args.count, args.engine, args.jobs, warm=not args.fresh)
    for key, c in counts.items():
        print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print(f"{time.perf_counter() - started:.1f} s; failures: {args.out_dir / 'failures.txt'}")
    return 1 if counts["all"].get("MISREAD") else 0


if __name__ == "__main__":
    sys.exit(main())
