"""Scale benchmark (not a test): 10 million SYNTHETIC tidy rows through ctip's validation and metrics, against a
hand-written DuckDB SQL baseline doing the same aggregation; prints a table.

    uv run python tests/benchmarks/bench_scale.py [--rows-millions 10] [--repeat 3] [--with-gx]

The warehouse is generated: every US state's agencies (51 × 363 made-up agencies) × 30 years × 18 UCR-style
rows (sex, age, race), plus printed statewide totals. No number in it is real. Each measured step runs in a
child process of its own, so its peak memory (wait4) is its own. ctip validates with the DuckDB engine of its
declared suite (pipeline/validate/sql.py), since Great Expectations on pandas needs the whole table in memory;
--with-gx also times that path for comparison.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).parent / "results"
STATES, YEARS, FIRST_YEAR = 51, 30, 1991
AGE_GROUPS = ["under 18", "18-20", "21-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59",
              "60-64", "65 and over"]
RACES = ["white", "black", "american indian", "asian"]
ROW_LABELS = [("sex", "female", None, None), ("sex", "male", None, None),
              *[("age", None, a, None) for a in AGE_GROUPS], *[("race", None, None, r) for r in RACES]]

GENERATE_SQL = """
CREATE TABLE labels AS SELECT * FROM (VALUES {labels}) t(label_index, breakdown, sex, age_group, race);
CREATE TABLE agency_years AS
SELECT s.state, a.agency_index, y.year,
       'S' || lpad(s.state::VARCHAR, 2, '0') || ' agency ' || lpad(a.agency_index::VARCHAR, 4, '0') AS agency,
       'synthetic_s' || lpad(s.state::VARCHAR, 2, '0') || '_' || y.year::VARCHAR AS source_id,
       (hash(s.state, a.agency_index, y.year, 'f') % 9)::BIGINT AS female,
       (hash(s.state, a.agency_index, y.year, 'm') % 5)::BIGINT AS male,
       (hash(s.state, a.agency_index, y.year, 'g') % 12)::INTEGER AS age_slot,
       (hash(s.state, a.agency_index, y.year, 'r') % 4)::INTEGER AS race_slot
FROM range(1, {states} + 1) s(state), range(1, {agencies} + 1) a(agency_index),
     range({first_year}, {first_year} + {years}) y(year);
CREATE TABLE facts AS
SELECT ay.source_id, repeat('0', 64) AS source_sha256, NULL::INTEGER AS page, NULL::INTEGER AS table_index,
       (l.label_index + 1)::INTEGER AS row_index, (ay.agency_index + 2)::INTEGER AS column_index,
       ay.agency AS column_header, 'Prostit ' || l.label_index::VARCHAR AS row_label, NULL AS cell_text,
       ay.agency AS jurisdiction, 'other_agency' AS jurisdiction_type, ay.agency,
       ay.year::INTEGER AS period_start, ay.year::INTEGER AS period_end,
       'prostitution_commercialized_vice' AS offense, NULL AS role, l.breakdown, l.sex, l.age_group, l.race,
       'arrests' AS measure,
       CASE WHEN l.sex = 'female' THEN ay.female WHEN l.sex = 'male' THEN ay.male
            WHEN l.age_group IS NOT NULL THEN CASE WHEN l.label_index - 3 = ay.age_slot THEN ay.female + ay.male
                                                   ELSE 0 END
            ELSE CASE WHEN l.label_index - 15 = ay.race_slot THEN ay.female + ay.male ELSE 0 END END::BIGINT
           AS count,
       false AS printed_total, true AS synthetic
FROM agency_years ay, labels l;
INSERT INTO facts
SELECT source_id, any_value(source_sha256), NULL, NULL, row_index, 1, 'State', row_label, NULL, 'State',
       'statewide', NULL, period_start, period_end, offense, NULL, breakdown, sex, age_group, race, measure,
       sum(count), true, true
FROM facts GROUP BY source_id, row_index, row_label, period_start, period_end, offense, breakdown, sex,
                    age_group, race, measure;
UPDATE facts SET cell_text = count::VARCHAR;
DROP TABLE agency_years; DROP TABLE labels;
"""

BASELINE_SQL = """
SELECT
  (SELECT count(*) FROM facts WHERE count < 0) AS negative_counts,
  (SELECT count(*) FROM facts WHERE measure NOT IN ('arrests', 'convictions')) AS unknown_measures,
  (SELECT count(*) FROM (SELECT 1 FROM facts GROUP BY source_id, jurisdiction_type, jurisdiction, agency,
       period_start, period_end, offense, role, breakdown, sex, age_group, race, measure HAVING count(*) > 1))
       AS duplicate_keys;
SELECT period_start AS year, sex,
       sum(count) FILTER (WHERE jurisdiction_type = 'statewide') AS statewide,
       sum(count) FILTER (WHERE jurisdiction_type <> 'statewide') AS agencies
FROM facts WHERE breakdown = 'sex' GROUP BY ALL ORDER BY ALL;
"""


def generate(path: Path, rows_millions: float) -> int:
    import duckdb

    agencies = max(1, round(rows_millions * 1e6 / (STATES * YEARS * len(ROW_LABELS))))
    labels = ", ".join(
        "(" + ", ".join([str(i), *("NULL" if v is None else "'" + v + "'" for v in label)]) + ")"
        for i, label in enumerate(ROW_LABELS, start=1))
    with duckdb.connect(str(path)) as con:
        con.execute(GENERATE_SQL.format(labels=labels, states=STATES, agencies=agencies, first_year=FIRST_YEAR,
                                        years=YEARS))
        return con.execute("SELECT count(*) FROM facts").fetchone()[0]


def _sources():
    from pipeline.sources.manifest import Source

    return [Source(id=f"synthetic_s{state:02d}_{year}", kind="tracked", dataset="ucr_arrests", title="SYNTHETIC",
                   publisher="ctip bench_scale.py", filename="generated", sha256="0" * 64, size=0,
                   license="MIT", period=(year, year), format="ucr_csv", synthetic=True)
            for state in range(1, STATES + 1) for year in range(FIRST_YEAR, FIRST_YEAR + YEARS)]


def _towns():
    from pipeline.extract.reference import load_towns
    from pipeline.settings import Settings
    from pipeline.sources.inventory import manifest_sources, verified_path

    settings = Settings.from_env()
    (source,) = [s for s in manifest_sources(settings) if s.dataset == "reference_towns"]
    return load_towns(verified_path(source, settings))


def part_ctip(path: Path) -> str:
    """ctip's own code: the declared suite as DuckDB SQL, then the metric query, on the warehouse file."""
    import duckdb

    from pipeline.metrics.statewide import ucr_statewide_by_year
    from pipeline.validate.sql import validate_in_duckdb

    towns = _towns()
    started = time.perf_counter()
    with duckdb.connect(str(path), read_only=True) as con:
        findings = validate_in_duckdb(con, towns, _sources(), [])
        by_year = ucr_statewide_by_year(con)
    elapsed = time.perf_counter() - started
    failed = [f.check_id for f in findings if not f.passed]
    assert not failed, failed
    assert by_year.agencies_add_up.all() and len(by_year) == 2 * YEARS
    return f"{elapsed:.3f}"


def part_baseline(path: Path) -> str:
    import duckdb

    started = time.perf_counter()
    with duckdb.connect(str(path), read_only=True) as con:
        checks, aggregation = BASELINE_SQL.strip().split(";\n", 1)
        assert con.execute(checks).fetchone() == (0, 0, 0)
        assert len(con.execute(aggregation).fetchall()) == 2 * YEARS
    return f"{time.perf_counter() - started:.3f}"


def part_gx(path: Path) -> str:
    """Great Expectations on pandas: the whole table in memory first."""
    import duckdb

    from pipeline.extract.tidy import TIDY_COLUMNS, conform
    from pipeline.validate.run import validate_facts

    towns = _towns()
    started = time.perf_counter()
    with duckdb.connect(str(path), read_only=True) as con:
        facts = conform(con.execute(f"SELECT {', '.join(TIDY_COLUMNS)} FROM facts").df())
    outcome = validate_facts(facts, towns, _sources(), [])
    assert not outcome.blocking
    return f"{time.perf_counter() - started:.3f}"


def _child(part: str, path: Path) -> tuple[float, float, float]:
    """(wall s of the whole child, s inside the measured section, peak MB) for one part in its own process."""
    import subprocess

    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, __file__, "--part", part, str(path)], cwd=ROOT, stdout=output,
                                   text=True)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status):
            raise RuntimeError(f"{part} failed")
        output.seek(0)
        return wall, float(output.read().strip().splitlines()[-1]), usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows-millions", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--with-gx", action="store_true", help="also time Great Expectations on pandas (slow)")
    parser.add_argument("--part", choices=["ctip", "baseline", "gx"], help=argparse.SUPPRESS)
    parser.add_argument("warehouse", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        print({"ctip": part_ctip, "baseline": part_baseline, "gx": part_gx}[args.part](Path(args.warehouse)))
        return 0
    parts = ["ctip", "baseline", *(["gx"] if args.with_gx else [])]
    with tempfile.TemporaryDirectory(prefix="ctip-scale-") as folder:
        path = Path(folder) / "scale.duckdb"
        started = time.perf_counter()
        rows = generate(path, args.rows_millions)
        generated = time.perf_counter() - started
        measured: dict[str, list[tuple[float, float, float]]] = {part: [] for part in parts}
        for _ in range(args.repeat):
            for part in parts:  # interleaved, so that drift hits every part alike
                measured[part].append(_child(part, path))
    table = [{"measure": part, "rows": rows, "median_s": round(statistics.median(m[1] for m in values), 2),
              "median_process_s": round(statistics.median(m[0] for m in values), 2),
              "peak_mb": round(max(m[2] for m in values)), "runs": len(values)} for part, values in measured.items()]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    print(f"machine: {machine}")
    print(f"SYNTHETIC warehouse: {rows:,} tidy rows, generated in {generated:.1f} s")
    print(f"{'measure':<10} {'median s':>9} {'process s':>10} {'peak MB':>8} {'runs':>5}")
    for row in table:
        print(f"{row['measure']:<10} {row['median_s']:>9} {row['median_process_s']:>10} {row['peak_mb']:>8} "
              f"{row['runs']:>5}")
    ratio = table[0]["median_s"] / table[1]["median_s"]
    print(f"ctip validation + metrics / hand-written SQL baseline: {ratio:.1f}x (target <= 2x; ctip runs all "
          f"{len(__import__('pipeline.validate.suites', fromlist=['CHECKS']).CHECKS)} declared checks plus "
          "reconciliation and plausibility, the baseline 3 checks)")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    with open(RESULTS / f"scale-{stamp}.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*table[0], "machine"])
        writer.writeheader()
        writer.writerows({**row, "machine": machine} for row in table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
