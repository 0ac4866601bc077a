"""Stage warehouse: one transactional load of every core table into DuckDB."""


import pandas as pd
from dagster import MaterializeResult, MetadataValue, asset

from pipeline.assets.resources import CtipPaths
from pipeline.assets.table_metadata import warehouse_table
from pipeline.warehouse.load import connect, load_warehouse


@asset(group_name="warehouse", deps=["facts_validation"])
def warehouse_core_tables(
    ctip: CtipPaths,
    source_inventory: pd.DataFrame,
    ct_towns: pd.DataFrame,
    town_population: pd.DataFrame,
    ucr_agency_crosswalk: pd.DataFrame,
    statutes: pd.DataFrame,
    ucr_arrests_tidy: pd.DataFrame,
    tipc_reports_tidy: pd.DataFrame,
    published_judicial_tidy: pd.DataFrame,
    national_arrests_tidy: pd.DataFrame,
) -> MaterializeResult:
    """sources, towns, town_population, ucr_agency_crosswalk, statutes and facts, in one transaction: afterwards the
    facts are exactly those of the sources the manifest lists now."""
    path = ctip.settings().warehouse_path
    counts = load_warehouse(
        path,
        reference={"sources": source_inventory, "towns": ct_towns, "town_population": town_population,
                   "ucr_agency_crosswalk": ucr_agency_crosswalk, "statutes": statutes},
        facts=pd.concat([ucr_arrests_tidy, tipc_reports_tidy, published_judicial_tidy, national_arrests_tidy],
                        ignore_index=True),
        listed_sources=source_inventory.source_id.tolist(),
    )
    with connect(path, read_only=True) as con:  # the UI's Columns tab shows facts, the table every count is in
        facts = warehouse_table(con, "facts")
    return MaterializeResult(metadata={"path": MetadataValue.path(str(path)), **facts,
                                       **{f"rows_{table}": n for table, n in counts.items()}})
