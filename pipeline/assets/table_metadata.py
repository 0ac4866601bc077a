"""What the Dagster UI shows of a table an asset makes: its column schema (the asset's Columns tab) and its row
count, under Dagster's standard keys `dagster/column_schema` and `dagster/row_count`."""

import duckdb
import pandas as pd
from dagster import TableColumn, TableSchema


def warehouse_table(con: duckdb.DuckDBPyConnection, table: str) -> dict:
    """A DuckDB table's columns with their SQL types and nullability, as the warehouse holds them."""
    columns = con.execute(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    (rows,) = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    schema = TableSchema(columns=[TableColumn(name, type_.lower(), description=None if nullable == "YES" else
                                              "never null") for name, type_, nullable in columns])
    return {"dagster/column_schema": schema, "dagster/row_count": int(rows), "table": table}


def frame_table(frame: pd.DataFrame) -> dict:
    """A DataFrame's columns with their pandas dtypes (tables that live in a run's memory, not the warehouse)."""
    schema = TableSchema(columns=[TableColumn(str(name), str(dtype)) for name, dtype in frame.dtypes.items()])
    return {"dagster/column_schema": schema, "dagster/row_count": len(frame)}
