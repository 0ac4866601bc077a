"""Stage metrics: SQL over the warehouse, statistics from pipeline.metrics.stats, saved as out_* tables."""


from collections.abc import Callable

import duckdb
import pandas as pd
from dagster import MetadataValue, Output, asset

from pipeline.assets.resources import CtipPaths
from pipeline.assets.table_metadata import warehouse_table
from pipeline.metrics import claims, national, queries, statewide, towns
from pipeline.validate.run import ValidationOutcome
from pipeline.warehouse.load import connect


def _compute(ctip: CtipPaths, name: str, compute: Callable[[duckdb.DuckDBPyConnection], pd.DataFrame]) -> Output:
    path = ctip.settings().warehouse_path
    with connect(path) as con:
        frame = compute(con)
        con.register("result", frame)
        con.execute(f"CREATE OR REPLACE TABLE out_{name} AS SELECT * FROM result")
        table = warehouse_table(con, f"out_{name}")
    return Output(frame, metadata={**table, "preview": MetadataValue.md(frame.head(12).to_markdown(index=False))})


@asset(group_name="metrics", deps=["warehouse_core_tables"])
def published_disparity(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Seller / buyer ratios of the published 2005-2014 totals with exact intervals."""
    return _compute(ctip, "published_disparity", queries.published_disparity)


@asset(group_name="metrics", deps=["warehouse_core_tables"])
def ucr_statewide_by_year_sex(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Female and male arrests by year: printed statewide, county and agency sums side by side."""
    return _compute(ctip, "ucr_statewide_by_year_sex", statewide.ucr_statewide_by_year)


@asset(group_name="metrics")
def ucr_female_to_male_by_year(ctip: CtipPaths, ucr_statewide_by_year_sex: pd.DataFrame) -> Output[pd.DataFrame]:
    """Statewide female : male arrest ratio by year with exact intervals."""
    return _compute(ctip, "ucr_female_to_male_by_year",
                    lambda _: statewide.ucr_ratio_by_year(ucr_statewide_by_year_sex))


@asset(group_name="metrics")
def ucr_pooled_ratio(ctip: CtipPaths, ucr_statewide_by_year_sex: pd.DataFrame) -> Output[pd.DataFrame]:
    """Statewide female : male pooled over windows: exact and year-clustered (quasi-binomial) intervals."""
    return _compute(ctip, "ucr_pooled_ratio", lambda _: statewide.ucr_pooled_ratio(ucr_statewide_by_year_sex))


@asset(group_name="metrics", deps=["warehouse_core_tables"])
def ucr_town_by_year(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Female and male arrests and rates per 100,000 residents (all sexes) for each of the 169 towns and each
    year; no rate where the town's count is incomplete."""
    return _compute(ctip, "ucr_town_by_year", towns.ucr_town_by_year)


@asset(group_name="metrics", deps=["warehouse_core_tables"])
def tipc_statewide_totals(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """TIPC report tables summed statewide, beside their printed totals."""
    return _compute(ctip, "tipc_statewide_totals", queries.tipc_statewide_totals)


@asset(group_name="metrics")
def ucr_town_disparity(ctip: CtipPaths, ucr_town_by_year: pd.DataFrame) -> Output[pd.DataFrame]:
    """Female : male arrests by town: exact and year-clustered intervals, and the empirical-Bayes posterior."""
    return _compute(ctip, "ucr_town_disparity", lambda con: towns.ucr_town_disparity(con, ucr_town_by_year))


@asset(group_name="metrics")
def claims_sensitivity(ctip: CtipPaths, ucr_town_by_year: pd.DataFrame) -> Output[pd.DataFrame]:
    """The municipality claim under every window and minimum number of arrests, with its verdict."""
    return _compute(ctip, "claims_sensitivity", lambda _: claims.municipality_sensitivity(ucr_town_by_year))


@asset(group_name="metrics")
def claims_check(ctip: CtipPaths, published_disparity: pd.DataFrame, ucr_pooled_ratio: pd.DataFrame,
                 claims_sensitivity: pd.DataFrame) -> Output[pd.DataFrame]:
    """Every published claim: what it asserts, what can be tested, the figures and a verdict by a stated rule."""
    return _compute(ctip, "claims_check",
                    lambda _: claims.claims_check(published_disparity, ucr_pooled_ratio, claims_sensitivity))


@asset(group_name="metrics")
def national_female_share(ctip: CtipPaths, ucr_statewide_by_year_sex: pd.DataFrame) -> Output[pd.DataFrame]:
    """FBI national female share of these arrests by year, beside Connecticut's with its interval."""
    return _compute(ctip, "national_female_share",
                    lambda con: national.national_female_share(con, ucr_statewide_by_year_sex))


@asset(group_name="metrics", deps=["warehouse_core_tables"])
def national_reconciliation(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Table 324's 2009 cells beside the FBI files' counts (the blocking validation rule, rerun on the warehouse
    so the report can show every cell, not only the failing ones)."""
    return _compute(ctip, "national_reconciliation", national.national_reconciliation)


@asset(group_name="metrics")
def ct_versus_nation(ctip: CtipPaths, national_female_share: pd.DataFrame) -> Output[pd.DataFrame]:
    """Connecticut's and the nation's pooled female shares and their mean yearly difference (t interval)."""
    return _compute(ctip, "ct_versus_nation", lambda _: national.ct_versus_nation(national_female_share))


@asset(group_name="metrics")
def proxy_calibration(ctip: CtipPaths, ucr_pooled_ratio: pd.DataFrame,
                      published_disparity: pd.DataFrame) -> Output[pd.DataFrame]:
    """UCR female : male 2010-2014 beside the Judicial seller : buyer arrests 2005-2014."""
    return _compute(ctip, "proxy_calibration",
                    lambda _: national.proxy_calibration(ucr_pooled_ratio, published_disparity))


@asset(group_name="metrics", deps=["warehouse_core_tables"])
def ucr_age_race(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Statewide arrests by age band and race, by year (both sexes together, as the UCR rows are)."""
    return _compute(ctip, "ucr_age_race", queries.ucr_age_race)


@asset(group_name="metrics")
def ucr_county_rates(ctip: CtipPaths, ucr_town_by_year: pd.DataFrame) -> Output[pd.DataFrame]:
    """Arrests per 100,000 residents (all sexes) by county; none for a county-year with an incomplete town."""
    return _compute(ctip, "ucr_county_rates", lambda _: towns.ucr_county_rates(ucr_town_by_year))


@asset(group_name="metrics")
def ucr_trend(ctip: CtipPaths, ucr_statewide_by_year_sex: pd.DataFrame) -> Output[pd.DataFrame]:
    """Yearly change in statewide arrests by sex (quasi-Poisson GLM, t), all years and without 2014 and 2015."""
    return _compute(ctip, "ucr_trend", lambda _: statewide.ucr_trend(ucr_statewide_by_year_sex))


@asset(group_name="metrics", deps=["warehouse_core_tables"])
def ucr_agency_coverage(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Which agency has a column in which year's file."""
    return _compute(ctip, "ucr_agency_coverage", queries.ucr_agency_coverage)


@asset(group_name="metrics", deps=["warehouse_core_tables"])
def lineage(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """For every published count, the source cells (file, line or page, column, printed text) behind it."""
    from pipeline.warehouse.load import build_lineage

    with connect(ctip.settings().warehouse_path) as con:
        frame = build_lineage(con)
        table = warehouse_table(con, "lineage")
    return Output(frame, metadata={**table, "metrics": MetadataValue.json(sorted(frame.metric.unique().tolist()))})


@asset(group_name="metrics")
def decision_log(ctip: CtipPaths, ucr_town_disparity: pd.DataFrame, ucr_town_by_year: pd.DataFrame,
                 facts_validation: ValidationOutcome) -> Output[pd.DataFrame]:
    """Every filter, mapping and exception applied between raw and report, with the rows it touched."""
    small = int((ucr_town_disparity.small_count & (ucr_town_disparity.total_arrests > 0)).sum())
    return _compute(ctip, "decision_log",
                    lambda con: queries.decision_log(con, small, facts_validation.warning_rows(),
                                                     int(ucr_town_by_year.incomplete.sum())))
