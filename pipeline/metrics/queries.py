"""Metric tables computed in DuckDB, where the facts live (the published totals, TIPC totals, agency coverage, age and
race, the decision log); statewide and town metrics have modules of their own; the statistics come from
metrics.stats."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.metrics.stats import count_ratio, integer_counts, proportion, proportion_ratio
from pipeline.metrics.towns import SMALL_TOWN_MINIMUM

PUBLISHED_TOTALS_SQL = """
SELECT f.role, f.offense, f.measure, sum(f.count) AS count,
       min(f.period_start) AS period_start, max(f.period_end) AS period_end
FROM facts f JOIN sources s USING (source_id)
WHERE s.dataset = 'published_judicial' AND f.jurisdiction_type = 'statewide'
GROUP BY ALL
ORDER BY f.role, f.measure
"""


TIPC_STATEWIDE_SQL = """
SELECT f.source_id, f.offense AS statute, f.role, f.measure,
       min(f.period_start) FILTER (WHERE NOT f.printed_total)                        AS first_year,
       max(f.period_end) FILTER (WHERE NOT f.printed_total)                          AS last_year,
       sum(f.count) FILTER (WHERE NOT f.printed_total)                               AS sum_of_rows,
       count(*) FILTER (WHERE NOT f.printed_total AND f.count IS NULL)               AS suppressed_cells,
       max(f.count) FILTER (WHERE f.printed_total AND f.jurisdiction_type = 'statewide'
                            AND f.period_start <> f.period_end)                      AS printed_period_total,
       count(DISTINCT f.jurisdiction) FILTER (WHERE f.jurisdiction_type = 'town')    AS towns,
       bool_or(f.synthetic)                                                          AS synthetic
FROM facts f JOIN sources s USING (source_id)
WHERE s.dataset = 'tipc_report'
GROUP BY ALL
ORDER BY ALL
"""


def tipc_statewide_totals(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per TIPC report, statute and measure: the rows' sum beside the printed total (empty without reports)."""
    return integer_counts(con.execute(TIPC_STATEWIDE_SQL).df(),
                     ["first_year", "last_year", "sum_of_rows", "suppressed_cells", "printed_period_total", "towns"])


def published_disparity(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Seller / buyer ratios of the published 2005-2014 totals, and convictions per arrest by role."""
    totals = con.execute(PUBLISHED_TOTALS_SQL).df()
    count = {(r.role, r.measure): int(r.count) for r in totals.itertuples(index=False)}
    period = f"{int(totals.period_start.min())}-{int(totals.period_end.max())}"
    rows = []

    def add(metric: str, description: str, numerator: int | None, denominator: int | None, estimate) -> None:
        rows.append({"metric": metric, "period": period, "description": description, "numerator": numerator,
                     "denominator": denominator, "value": estimate.value, "ci_lower": estimate.lower,
                     "ci_upper": estimate.upper, "method": estimate.method})

    for measure in ("arrests", "convictions"):
        seller, buyer = count[("seller", measure)], count[("buyer", measure)]
        add(f"seller_to_buyer_{measure}", f"53a-82 {measure} / 53a-83 {measure}", seller, buyer,
            count_ratio(seller, buyer))
    for role in ("seller", "buyer"):
        convictions, arrests = count[(role, "convictions")], count[(role, "arrests")]
        add(f"{role}_convictions_per_arrest", f"{role} convictions / {role} arrests", convictions, arrests,
            proportion(convictions, arrests))
    add("seller_to_buyer_convictions_per_arrest", "(seller convictions/arrest) / (buyer convictions/arrest)",
        None, None,
        proportion_ratio(count[("seller", "convictions")], count[("seller", "arrests")],
                         count[("buyer", "convictions")], count[("buyer", "arrests")]))
    return pd.DataFrame(rows)


AGENCY_COVERAGE_SQL = """
WITH years AS (SELECT DISTINCT period_start AS year FROM sources WHERE dataset = 'ucr_arrests'),  -- listed files only
crosswalk AS (SELECT * FROM ucr_agency_crosswalk WHERE year IN (SELECT year FROM years)),
agencies AS (SELECT DISTINCT agency, jurisdiction, jurisdiction_type FROM crosswalk
             WHERE jurisdiction_type IN ('town', 'state_police', 'other_agency')),
present AS (SELECT DISTINCT agency, year FROM crosswalk)
SELECT a.agency, a.jurisdiction, a.jurisdiction_type,
       string_agg(y.year::VARCHAR, ' ' ORDER BY y.year) FILTER (WHERE p.year IS NOT NULL) AS years_with_column,
       string_agg(y.year::VARCHAR, ' ' ORDER BY y.year) FILTER (WHERE p.year IS NULL)     AS years_without_column
FROM agencies a CROSS JOIN years y
LEFT JOIN present p ON p.agency = a.agency AND p.year = y.year
GROUP BY ALL
ORDER BY a.jurisdiction_type, a.jurisdiction, a.agency
"""


def ucr_agency_coverage(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Which reporting agency has a column in which year: the 2014 truncation and new agencies, shown."""
    return con.execute(AGENCY_COVERAGE_SQL).df()


DECISION_LOG_SQL = """
WITH ucr AS (SELECT * FROM facts WHERE offense = 'prostitution_commercialized_vice'),
sex AS (SELECT * FROM ucr WHERE breakdown = 'sex')
SELECT 1 AS step, 'extract' AS stage, 'UCR: only the Prostitution and Commercialized Vice rows are read' AS decision,
       'the other offences are outside the question' AS reason,
       count(*) AS rows_kept, NULL::BIGINT AS rows_dropped, NULL::BIGINT AS arrests_affected FROM ucr
UNION ALL
SELECT 2, 'metrics', 'UCR: sex rows feed every disparity metric; age and race rows only the age and race '
       || 'distributions (both sexes together)', 'sex is the only split that stands in for role; age and race rows '
       || 'are not split by sex', count(*) FILTER (WHERE breakdown = 'sex'),
       count(*) FILTER (WHERE breakdown <> 'sex'), NULL FROM ucr
UNION ALL
SELECT 3, 'metrics', 'UCR: universities, casinos, tribal and state agencies are counted statewide, not in any town',
       'they police no town population (crosswalk: other_agency)', NULL,
       count(*) FILTER (WHERE jurisdiction_type = 'other_agency'),
       sum(count) FILTER (WHERE jurisdiction_type = 'other_agency') FROM sex
UNION ALL
SELECT 4, 'metrics', 'UCR: printed statewide, county and aggregate columns reconcile, never summed with agencies',
       'they are sums of the agency columns', NULL,
       count(*) FILTER (WHERE printed_total), NULL FROM sex
UNION ALL
SELECT 5, 'metrics', 'UCR 2015: statewide figure = sum of the county columns',
       'the 2015 file has no statewide column', count(*) FILTER (WHERE jurisdiction_type = 'county'
       AND period_start = 2015), NULL, sum(count) FILTER (WHERE jurisdiction_type = 'county' AND period_start = 2015)
FROM sex
UNION ALL
SELECT 6, 'metrics', 'UCR 2014: statewide figure = printed statewide column; agency split flagged incomplete',
       'the 2014 file is truncated after C.C.S.U.', count(*) FILTER (WHERE jurisdiction_type = 'statewide'
       AND period_start = 2014), NULL, sum(count) FILTER (WHERE jurisdiction_type = 'statewide' AND period_start = 2014)
FROM sex
UNION ALL
SELECT 7, 'metrics', 'TIPC tables: printed Total rows and columns reconcile, never summed with their parts',
       'they are sums of the printed rows', NULL, count(*) FILTER (WHERE printed_total),
       NULL FROM facts WHERE source_id IN (SELECT source_id FROM sources WHERE dataset = 'tipc_report')
UNION ALL
SELECT 8, 'metrics', 'Suppressed cells stay null: never counted as 0', 'the true value (1 to 4, or as the source '
       || 'says) is unknown', NULL, count(*) FILTER (WHERE count IS NULL), NULL FROM facts
ORDER BY step
"""


def decision_log(con: duckdb.DuckDBPyConnection, small_towns: int, warning_rows: pd.DataFrame,
                 incomplete_town_years: int = 0) -> pd.DataFrame:
    """Every filter, mapping and exception between raw and report, with the rows it kept or set aside."""
    log = integer_counts(con.execute(DECISION_LOG_SQL).df(), ["step", "rows_kept", "rows_dropped", "arrests_affected"])
    extra = [{"step": 9, "stage": "metrics", "decision": f"Towns with fewer than {SMALL_TOWN_MINIMUM} arrests are "
              "shown and flagged, never compared or ranked", "reason": "their ratios are mostly noise",
              "rows_kept": None, "rows_dropped": small_towns, "arrests_affected": None},
             {"step": 9, "stage": "metrics", "decision": "Rates per 100,000 residents (all sexes): no rate for a "
              "town-year (or its county-year) in which an agency of the town has no column",
              "reason": "the count is incomplete, not zero", "rows_kept": None,
              "rows_dropped": incomplete_town_years, "arrests_affected": None}]
    if not warning_rows.empty and "exception" in warning_rows:
        for exception, group in warning_rows.groupby("exception", sort=True):
            extra.append({"step": 10, "stage": "validate", "decision": f"exception {exception}: failing rows "
                          "reported as warnings", "reason": "a known defect of the source "
                          "(raw/validation_exceptions.yaml)", "rows_kept": len(group), "rows_dropped": None,
                          "arrests_affected": None})
    return pd.concat([log, integer_counts(pd.DataFrame(extra), ["step", "rows_kept", "rows_dropped",
                                                           "arrests_affected"])], ignore_index=True)


# Age and race rows are not split by sex in the UCR files: these distributions are of all arrestees. The
# statewide figure is the printed statewide column, or the county columns' sum where a year has none (2015).
UCR_AGE_RACE_SQL = """
WITH cells AS (
    SELECT period_start AS year, breakdown, jurisdiction_type, count,
           CASE WHEN breakdown = 'race' THEN race
                WHEN age_group IN ('<10', '10-12', '13-14', '15', '16', '17') THEN 'under 18'
                WHEN age_group IN ('18', '19', '20', '21', '22', '23', '24') THEN '18-24'
                WHEN age_group IN ('25-29', '30-34') THEN '25-34'
                WHEN age_group IN ('35-39', '40-44') THEN '35-44'
                WHEN age_group IN ('45-49', '50-54') THEN '45-54'
                ELSE '55 and over' END AS "group"
    FROM facts
    WHERE offense = 'prostitution_commercialized_vice' AND breakdown IN ('age', 'race')
      AND jurisdiction_type IN ('statewide', 'county')
),
by_year AS (
    SELECT year, breakdown, "group",
           coalesce(sum(count) FILTER (WHERE jurisdiction_type = 'statewide'),
                    sum(count) FILTER (WHERE jurisdiction_type = 'county')) AS arrests
    FROM cells GROUP BY ALL
)
SELECT breakdown, "group", year, arrests,
       arrests / sum(arrests) OVER (PARTITION BY breakdown, year) AS share_of_year
FROM by_year
ORDER BY breakdown, "group", year
"""


def ucr_age_race(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Statewide arrests by age band and by race, every year, both sexes together (as the UCR rows are)."""
    return integer_counts(con.execute(UCR_AGE_RACE_SQL).df(), ["year", "arrests"])


