"""`ctip extract` imports only what its path needs (issue 23: start-up within 5x of a bare PDFium text dump; the
speed itself is measured by tests/benchmarks/bench_tables.py). Importing pandas alone takes seconds on a slow
machine, pydantic and PyYAML a third of one; none of them is needed to read a report."""

import os
import subprocess
import sys

from pipeline.synthetic.tipc_report import ReportSpec, default_tables, write_report
from tests.conftest import REPO_ROOT

HEAVY = ("pandas", "numpy", "dagster", "duckdb", "great_expectations", "matplotlib", "scipy", "statsmodels",
         "pydantic", "yaml", "openpyxl", "reportlab", "tabulate", "pipeline.extract.spec_table",
         "pipeline.sources.manifest")


def _imported(argv: list[str], env: dict[str, str]) -> str:
    """The heavy modules a `ctip` command imported, as the list prints."""
    code = (f"import sys\nfrom pipeline.cli import main\nassert main({argv!r}) == 0\n"
            f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO_ROOT,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_ctip_extract_starts_without_pandas_pydantic_or_the_pipeline(real_settings, towns, tmp_path):
    pdf = tmp_path / "short.pdf"
    write_report(pdf, None, towns, ReportSpec(n_towns=40, tables=default_tables()[:2]))
    env = {**os.environ, "CTIP_CACHE_DIR": str(real_settings.cache_dir)}
    argv = ["extract", str(pdf), "-o", str(tmp_path / "out.csv")]
    _imported(argv, env)  # the first run may check the manifest in full (and remember that it did)
    assert _imported(argv, env) == "[]"
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").count("\n") > 900
