"""What the Dagster UI shows of each warehouse table: its columns (with the warehouse's own types) and its rows,
under Dagster's standard metadata keys, equal to what DuckDB holds after the run."""

import duckdb
from dagster import TableSchema

from pipeline.definitions import defs


def _materializations(pipeline_run) -> dict[str, dict]:
    events = pipeline_run.result.get_asset_materialization_events()
    return {event.asset_key.to_user_string(): event.materialization.metadata for event in events}


def test_every_warehouse_table_asset_carries_its_column_schema_and_row_count(pipeline_run):
    graph = defs.resolve_asset_graph()
    tables = [key.to_user_string() for key in graph.get_all_asset_keys()
              if graph.get(key).group_name in ("warehouse", "metrics")]
    metadata = _materializations(pipeline_run)
    assert len(tables) >= 10
    with duckdb.connect(str(pipeline_run.settings.warehouse_path), read_only=True) as con:
        for asset in tables:
            schema, rows = metadata[asset]["dagster/column_schema"].value, metadata[asset]["dagster/row_count"].value
            table = metadata[asset]["table"].value
            assert isinstance(schema, TableSchema), asset
            described = con.execute(f'DESCRIBE "{table}"').fetchall()
            assert [(c.name, c.type) for c in schema.columns] == [(n, t.lower()) for n, t, *_ in described], asset
            assert rows == con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0], asset


def test_the_facts_schema_names_the_tidy_contract_columns(pipeline_run):
    facts = _materializations(pipeline_run)["warehouse_core_tables"]
    columns = {c.name: c for c in facts["dagster/column_schema"].value.columns}
    assert {"source_id", "source_sha256", "page", "row_index", "cell_text", "count", "synthetic"} <= set(columns)
    assert facts["dagster/row_count"].value == facts["rows_facts"].value > 40_000


def test_extracted_tables_carry_their_columns_and_total_rows(pipeline_run):
    metadata = _materializations(pipeline_run)
    tidy = metadata["ucr_arrests_tidy"]
    assert tidy["dagster/row_count"].value == 40_107
    assert "cell_text" in {c.name for c in tidy["dagster/column_schema"].value.columns}
