"""Transactional, idempotent loads into the DuckDB warehouse.

Reference tables are replaced whole; facts are replaced per source, and the facts of any source the manifest no
longer lists are deleted in the same transaction: after a load the warehouse holds exactly the listed sources'
rows, so loading the same inputs twice leaves the same rows and a removed source leaves none. Any error rolls
everything back.
"""

from __future__ import annotations

from collections.abc import Collection
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.extract.tidy import TIDY_COLUMNS, TIDY_SCHEMA

REFERENCE_TABLES = ("sources", "towns", "town_population", "ucr_agency_crosswalk", "statutes")


def facts_ddl() -> str:
    columns = ",\n    ".join(f'"{name}" {spec[0]}' for name, spec in TIDY_SCHEMA.items())
    return f"CREATE TABLE IF NOT EXISTS facts (\n    {columns}\n);"


class WarehouseBusy(RuntimeError):
    """Another process holds the DuckDB file (one writer at a time)."""


class WarehouseCorrupt(RuntimeError):
    """The DuckDB file cannot be read (truncated, overwritten): it holds only derived data and can be rebuilt."""


REBUILD_COMMAND = "ctip run --rebuild-warehouse"


def corrupt(path: Path, exc: BaseException) -> WarehouseCorrupt:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return WarehouseCorrupt(f"warehouse {path} cannot be read ({reason}); it holds only derived data: "
                            f"rebuild it with `{REBUILD_COMMAND}`")


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseBusy(f"warehouse {path} is in use by another process (another ctip run or a duckdb "
                                "shell?): wait for it to finish, then run again") from None
        raise corrupt(path, exc) from None
    except (duckdb.SerializationException, duckdb.InternalException, duckdb.InvalidInputException) as exc:
        raise corrupt(path, exc) from None


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables; a facts table from an older contract is rebuilt (the warehouse is derived data).

    Runs inside the load's transaction, so a failed load also leaves the old schema in place.
    """
    schema = resources.files("pipeline.warehouse").joinpath("schema.sql").read_text(encoding="utf-8")
    for table in _outdated_tables(con, schema):
        con.execute(f"DROP TABLE {table}")
    con.execute(schema)
    existing = [row[0] for row in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'facts' ORDER BY ordinal_position"
    ).fetchall()]
    if existing and existing != TIDY_COLUMNS:
        con.execute("DROP TABLE facts")
    con.execute(facts_ddl())


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    rows = con.execute("SELECT table_name, column_name FROM information_schema.columns "
                       "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall()
    found: dict[str, list[str]] = {}
    for table, column in rows:
        found.setdefault(table, []).append(column)
    return found


def _outdated_tables(con: duckdb.DuckDBPyConnection, schema: str) -> list[str]:
    """Reference tables whose columns are not the schema's (made by an older version): rebuilt, being derived."""
    with duckdb.connect() as scratch:
        scratch.execute(schema)
        wanted = _columns(scratch)
    present = _columns(con)
    return [table for table, columns in wanted.items() if table in present and present[table] != columns]


def load_warehouse(path: Path, reference: dict[str, pd.DataFrame], facts: pd.DataFrame,
                   listed_sources: Collection[str]) -> dict[str, int]:
    """Load everything in one transaction and return the row count of every table afterwards.

    `listed_sources` are the source ids the manifest lists now: their facts are replaced by `facts`, every other
    source's facts are deleted."""
    unknown = set(reference) - set(REFERENCE_TABLES)
    if unknown:
        raise ValueError(f"not warehouse reference tables: {sorted(unknown)}")
    unlisted = sorted(set(facts.source_id) - set(listed_sources))
    if unlisted:
        raise ValueError(f"facts of sources the manifest does not list: {', '.join(unlisted)}")
    listed = pd.DataFrame({"source_id": sorted(set(listed_sources))}, dtype="string")
    with connect(path) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            ensure_schema(con)
            for table, frame in reference.items():
                con.execute(f"DELETE FROM {table}")
                con.register("incoming", frame)
                columns = ", ".join(f'"{c}"' for c in frame.columns)
                con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
                con.unregister("incoming")
            con.register("incoming", facts[TIDY_COLUMNS])
            con.register("listed", listed)
            con.execute("DELETE FROM facts WHERE source_id IN (SELECT DISTINCT source_id FROM incoming) "
                        "OR source_id NOT IN (SELECT source_id FROM listed)")
            con.unregister("listed")
            columns = ", ".join(f'"{c}"' for c in TIDY_COLUMNS)
            con.execute(f"INSERT INTO facts ({columns}) SELECT {columns} FROM incoming")
            con.unregister("incoming")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (*REFERENCE_TABLES, "facts")
        }


def build_lineage(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """(Re)build the lineage table from facts and return it, in a stable order."""
    con.execute(resources.files("pipeline.warehouse").joinpath("lineage.sql").read_text(encoding="utf-8"))
    return con.execute("SELECT * FROM lineage ORDER BY ALL").df()


def trace(con: duckdb.DuckDBPyConnection, metric: str, town: str | None = None,
          year: int | None = None) -> pd.DataFrame:
    """The cells behind one published count (all towns / years when not given)."""
    sql = "SELECT * FROM lineage WHERE metric = ?"
    params: list = [metric]
    if town is not None:
        sql += " AND town = ?"
        params.append(town)
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    return con.execute(sql + " ORDER BY ALL", params).df()
