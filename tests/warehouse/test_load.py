from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.extract.tidy import TIDY_COLUMNS, conform
from pipeline.warehouse.load import load_warehouse


def _facts(source_id: str, counts: list[int | None]) -> pd.DataFrame:
    return conform(pd.DataFrame({
        "source_id": source_id, "source_sha256": "0" * 64, "row_index": range(2, 2 + len(counts)),
        "column_index": 3, "cell_text": [str(c) if c is not None else "" for c in counts],
        "jurisdiction": "Connecticut", "jurisdiction_type": "statewide", "period_start": 2010, "period_end": 2010,
        "offense": "prostitution_commercialized_vice", "breakdown": "sex",
        "sex": ["female", "male"][: len(counts)], "measure": "arrests", "count": counts, "synthetic": True,
    }))


TOWNS = pd.DataFrame({"town": ["Andover"], "county": ["Tolland"], "fips": ["0901301080"]})


def _rows(path: Path) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT * FROM facts ORDER BY ALL").fetchall()


def test_loading_twice_leaves_the_same_rows(tmp_path: Path):
    path = tmp_path / "w.duckdb"
    first = load_warehouse(path, {"towns": TOWNS}, _facts("a", [3, None]), ["a"])
    rows = _rows(path)
    second = load_warehouse(path, {"towns": TOWNS}, _facts("a", [3, None]), ["a"])
    assert first == second and first["facts"] == 2 and _rows(path) == rows
    assert rows[1][TIDY_COLUMNS.index("count")] is None  # null stays null, never 0


def test_a_source_replaces_only_its_own_rows(tmp_path: Path):
    path = tmp_path / "w.duckdb"
    load_warehouse(path, {}, _facts("a", [3, 4]), ["a"])
    load_warehouse(path, {}, _facts("b", [5]), ["a", "b"])
    load_warehouse(path, {}, _facts("a", [7, 8]), ["a", "b"])
    counts = sorted((row[0], row[TIDY_COLUMNS.index("count")]) for row in _rows(path))
    assert counts == [("a", 7), ("a", 8), ("b", 5)]


def test_a_source_no_longer_listed_loses_its_rows_in_the_same_transaction(tmp_path: Path):
    path = tmp_path / "w.duckdb"
    load_warehouse(path, {}, pd.concat([_facts("a", [3, 4]), _facts("b", [5])]), ["a", "b"])
    load_warehouse(path, {}, _facts("a", [3, 4]), ["a"])  # b removed from the manifest
    assert sorted({row[0] for row in _rows(path)}) == ["a"]
    load_warehouse(path, {}, _facts("a", [3, 4]).iloc[:0], [])  # nothing listed: nothing kept
    assert _rows(path) == []


def test_facts_of_an_unlisted_source_are_refused_and_nothing_changes(tmp_path: Path):
    path = tmp_path / "w.duckdb"
    load_warehouse(path, {}, _facts("a", [3]), ["a"])
    before = _rows(path)
    with pytest.raises(ValueError, match="does not list: b"):
        load_warehouse(path, {}, _facts("b", [5]), ["a"])
    assert _rows(path) == before


def test_a_failing_load_changes_nothing(tmp_path: Path):
    path = tmp_path / "w.duckdb"
    load_warehouse(path, {"towns": TOWNS}, _facts("a", [3, 4]), ["a"])
    before = _rows(path)
    duplicate_town = pd.concat([TOWNS, TOWNS.assign(county="Hartford")])  # violates the primary key
    with pytest.raises(duckdb.ConstraintException):
        load_warehouse(path, {"towns": duplicate_town}, _facts("a", [9, 9]), ["a"])
    assert _rows(path) == before
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT county FROM towns").fetchall() == [("Tolland",)]


def test_a_facts_table_from_an_older_contract_is_rebuilt(tmp_path: Path):
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE facts (source_id VARCHAR, count BIGINT)")
        con.execute("INSERT INTO facts VALUES ('old', 1)")
    load_warehouse(path, {}, _facts("a", [3]), ["a"])
    with duckdb.connect(str(path), read_only=True) as con:
        columns = [r[0] for r in con.execute("DESCRIBE facts").fetchall()]
    assert columns == TIDY_COLUMNS and [r[0] for r in _rows(path)] == ["a"]


def test_a_load_killed_midway_leaves_the_old_state_and_a_rerun_succeeds(pipeline_run, tmp_path: Path):
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "w.duckdb"
    shutil.copyfile(pipeline_run.settings.warehouse_path, path)
    before = _rows(path)
    script = (
        "import duckdb, pandas as pd\n"
        "from pipeline.extract.tidy import conform\n"
        "from pipeline.warehouse.load import load_warehouse\n"
        f"con = duckdb.connect({str(path)!r}, read_only=True)\n"
        "facts = conform(con.execute('SELECT * FROM facts').df()); con.close()\n"
        "many = pd.concat([facts.assign(source_id=facts.source_id + f'_copy{i}') for i in range(60)])\n"
        "print('loading', flush=True)\n"
        f"load_warehouse({str(path)!r}, {{}}, many, set(many.source_id))\n"
        "print('done', flush=True)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "loading"
    time.sleep(1.0)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL and "done" not in process.stdout.read()  # killed mid-load
    after = _rows(path)
    assert after == before  # the transaction never committed: the old state, whole
    load_warehouse(path, {}, _facts("a", [3]), ["a"])  # and the next load works on the same file
    assert ("a", 3) in {(r[0], r[TIDY_COLUMNS.index("count")]) for r in _rows(path)}
