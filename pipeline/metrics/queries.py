"""Metric tables computed in DuckDB, where the facts live; the statistics come from metrics.stats."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.metrics.stats import (
    beta_prior_uncertainty,
    count_ratio,
    fit_beta_binomial,
    poisson_trend,
    pooled_ratio_over_years,
    proportion,
    proportion_ratio,
    shrunk_ratio,
)

# A town's count is the sum of the agencies the crosswalk places in it (municipal police and resident
# troopers); universities, casinos, tribal and state agencies stay out of town figures.
UCR_BY_YEAR_SEX_SQL = """
WITH sex_rows AS (
    SELECT period_start AS year, jurisdiction_type, sex, count
    FROM facts
    WHERE offense = 'prostitution_commercialized_vice' AND breakdown = 'sex'
)
SELECT
    year,
    sex,
    sum(count) FILTER (WHERE jurisdiction_type = 'statewide')                              AS printed_statewide,
    sum(count) FILTER (WHERE jurisdiction_type = 'county')                                 AS county_sum,
    sum(count) FILTER (WHERE jurisdiction_type IN ('town', 'state_police', 'other_agency')) AS agency_sum,
    sum(count) FILTER (WHERE jurisdiction_type = 'town')                                   AS town_sum
FROM sex_rows
GROUP BY year, sex
ORDER BY year, sex
"""

UCR_TOWN_YEAR_SQL = """
WITH years AS (SELECT DISTINCT period_start AS year FROM facts WHERE offense = 'prostitution_commercialized_vice'),
town_counts AS (
    SELECT jurisdiction AS town, period_start AS year,
           sum(count) FILTER (WHERE sex = 'female') AS female_arrests,
           sum(count) FILTER (WHERE sex = 'male')   AS male_arrests,
           string_agg(DISTINCT agency, '; ' ORDER BY agency) AS agencies
    FROM facts
    WHERE offense = 'prostitution_commercialized_vice' AND breakdown = 'sex' AND jurisdiction_type = 'town'
    GROUP BY ALL
),
agencies AS (
    SELECT DISTINCT year, jurisdiction AS town, agency FROM ucr_agency_crosswalk WHERE jurisdiction_type = 'town'
),
missing AS (  -- agencies of the town that had a column the year before but none this year
    SELECT cur.year, prev.town, string_agg(prev.agency, '; ' ORDER BY prev.agency) AS missing_agencies
    FROM (SELECT DISTINCT year FROM agencies) cur
    JOIN agencies prev ON prev.year = cur.year - 1
    WHERE NOT EXISTS (SELECT 1 FROM agencies a
                      WHERE a.year = cur.year AND a.town = prev.town AND a.agency = prev.agency)
    GROUP BY ALL
)
SELECT t.town, t.county, y.year,
       c.female_arrests, c.male_arrests,
       p.population,
       -- every rate divides by all residents (the population estimates are not split by sex); none where an
       -- agency of the town is missing from the year's file (the count is then incomplete, not zero)
       CASE WHEN m.missing_agencies IS NULL
            THEN round(1e5 * c.female_arrests / p.population, 2) END AS female_per_100k_residents,
       CASE WHEN m.missing_agencies IS NULL
            THEN round(1e5 * c.male_arrests / p.population, 2) END   AS male_per_100k_residents,
       CASE WHEN m.missing_agencies IS NULL
            THEN round(1e5 * (c.female_arrests + c.male_arrests) / p.population, 2) END AS arrests_per_100k_residents,
       c.agencies,
       m.missing_agencies,
       m.missing_agencies IS NOT NULL AS incomplete
FROM towns t
CROSS JOIN years y
LEFT JOIN town_counts c ON c.town = t.town AND c.year = y.year
LEFT JOIN town_population p ON p.town = t.town AND p.year = y.year
LEFT JOIN missing m ON m.town = t.town AND m.year = y.year
ORDER BY t.town, y.year
"""

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
    return _integers(con.execute(TIPC_STATEWIDE_SQL).df(),
                     ["first_year", "last_year", "sum_of_rows", "suppressed_cells", "printed_period_total", "towns"])


def _integers(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """DuckDB hands nullable sums to pandas as floats; counts are integers with nulls (never silently 0)."""
    return frame.astype({column: "Int64" for column in columns})


def ucr_statewide_by_year(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Female and male arrests by year: the printed statewide figure and what the parts add up to.

    The statewide figure used is the printed statewide column, or, where a year has none (2015), the sum of
    the printed county columns; agency sums are shown beside it so that gaps (2014) stay visible.
    """
    frame = _integers(con.execute(UCR_BY_YEAR_SEX_SQL).df(),
                      ["year", "printed_statewide", "county_sum", "agency_sum", "town_sum"])
    frame["statewide"] = frame["printed_statewide"].fillna(frame["county_sum"])
    frame["statewide_basis"] = frame["printed_statewide"].isna().map(
        {True: "sum of county columns", False: "printed statewide column"}
    )
    frame["agencies_add_up"] = frame["agency_sum"] == frame["statewide"]
    return frame


def ucr_ratio_by_year(by_year_sex: pd.DataFrame) -> pd.DataFrame:
    wide = by_year_sex.pivot(index="year", columns="sex", values="statewide").reset_index()
    rows = []
    for year, female, male in wide[["year", "female", "male"]].itertuples(index=False):
        estimate = count_ratio(int(female), int(male))
        rows.append({"year": int(year), "female_arrests": int(female), "male_arrests": int(male),
                     "female_to_male": estimate.value, "ci_lower": estimate.lower, "ci_upper": estimate.upper,
                     "method": estimate.method})
    return pd.DataFrame(rows)


# Windows over which statewide UCR arrests are pooled: all years, the overlap with the Judicial period, and
# both without the defective files (2014 truncated, 2015 without a statewide column).
POOLING_WINDOWS = (
    ("2010-2016", (2010, 2016), ()),
    ("2010-2014", (2010, 2014), ()),
    ("2010-2016 without 2014, 2015", (2010, 2016), (2014, 2015)),
)


def window_years(window: tuple[int, int], excluded: tuple[int, ...], years) -> list[int]:
    return [int(y) for y in years if window[0] <= y <= window[1] and int(y) not in excluded]


def ucr_pooled_ratio(by_year_sex: pd.DataFrame) -> pd.DataFrame:
    """Statewide female : male pooled over each window: the exact interval (arrests independent) beside the
    year-clustered one (quasi-binomial over years), which the verdicts and summary use."""
    wide = by_year_sex.pivot(index="year", columns="sex", values="statewide")
    rows = []
    for name, window, excluded in POOLING_WINDOWS:
        years = window_years(window, excluded, wide.index)
        female, male = wide.loc[years, "female"].astype(int), wide.loc[years, "male"].astype(int)
        exact = count_ratio(int(female.sum()), int(male.sum()))
        robust = pooled_ratio_over_years(female.tolist(), male.tolist())
        rows.append({"window": name, "years": " ".join(map(str, years)), "female_arrests": int(female.sum()),
                     "male_arrests": int(male.sum()), "female_to_male": exact.value,
                     "exact_lower": exact.lower, "exact_upper": exact.upper,
                     "robust_lower": robust.lower, "robust_upper": robust.upper,
                     "dispersion": robust.dispersion, "df": robust.years - 1,
                     "female_share": female.sum() / (female.sum() + male.sum()),
                     "robust_share_lower": robust.lower / (1 + robust.lower),
                     "robust_share_upper": robust.upper / (1 + robust.upper),
                     "exact_method": exact.method, "robust_method": robust.method})
    return pd.DataFrame(rows)


def ucr_town_by_year(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every town and year: counts, rates per 100,000 residents (all sexes), and the female : male ratio with
    its exact interval."""
    frame = _integers(con.execute(UCR_TOWN_YEAR_SQL).df(), ["year", "female_arrests", "male_arrests", "population"])
    ratios = [count_ratio(int(f), int(m)) if pd.notna(f) and pd.notna(m) and f + m > 0 else None
              for f, m in zip(frame.female_arrests, frame.male_arrests, strict=True)]
    frame["female_to_male"] = [r.value if r else None for r in ratios]
    frame["ci_lower"] = [r.lower if r else None for r in ratios]
    frame["ci_upper"] = [r.upper if r else None for r in ratios]
    return frame


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


SMALL_TOWN_MINIMUM = 10  # fewer arrests over the whole period: shown and flagged, never ranked

TOWN_TOTALS_SQL = """
SELECT t.town, t.county,
       coalesce(sum(f.count) FILTER (WHERE f.sex = 'female'), 0) AS female_arrests,
       coalesce(sum(f.count) FILTER (WHERE f.sex = 'male'), 0)   AS male_arrests,
       min(f.period_start) AS first_year, max(f.period_end) AS last_year
FROM towns t
LEFT JOIN facts f ON f.jurisdiction = t.town AND f.jurisdiction_type = 'town' AND f.breakdown = 'sex'
     AND f.offense = 'prostitution_commercialized_vice'
GROUP BY ALL
ORDER BY t.town
"""


def ucr_town_disparity(con: duckdb.DuckDBPyConnection, town_year: pd.DataFrame) -> pd.DataFrame:
    """Female : male arrests per town over all UCR years: the exact interval, the year-clustered interval
    (quasi-binomial over the town's years, what comparisons use), and the ratio shrunk toward the centre of an
    empirical-Bayes beta-binomial prior fitted on every town with an arrest (its centre is the typical town,
    odds alpha / beta, not the statewide ratio; its parameters' uncertainty from resampling towns)."""
    towns = _integers(con.execute(TOWN_TOTALS_SQL).df(), ["female_arrests", "male_arrests", "first_year",
                                                          "last_year"])
    towns["total_arrests"] = towns.female_arrests + towns.male_arrests
    flagged = town_year.groupby("town").incomplete.sum()
    towns["incomplete_years"] = towns.town.map(flagged).fillna(0).astype(int)
    with_any = towns[towns.total_arrests > 0]
    prior = fit_beta_binomial(with_any.female_arrests.tolist(), with_any.total_arrests.tolist())
    spread = beta_prior_uncertainty(with_any.female_arrests.tolist(), with_any.total_arrests.tolist())
    yearly = {town: group.sort_values("year") for town, group in town_year.groupby("town")}
    rows = []
    for town in towns.itertuples(index=False):
        row = {"town": town.town, "county": town.county, "female_arrests": town.female_arrests,
               "male_arrests": town.male_arrests, "total_arrests": town.total_arrests,
               "small_count": town.total_arrests < SMALL_TOWN_MINIMUM, "incomplete_years": town.incomplete_years}
        if town.total_arrests > 0:
            raw = count_ratio(int(town.female_arrests), int(town.male_arrests))
            years = yearly[town.town]
            robust = pooled_ratio_over_years(years.female_arrests.fillna(0).astype(int).tolist(),
                                             years.male_arrests.fillna(0).astype(int).tolist())
            shrunk = shrunk_ratio(int(town.female_arrests), int(town.total_arrests), prior)
            row.update(female_to_male=raw.value, ci_lower=raw.lower, ci_upper=raw.upper,
                       robust_lower=robust.lower, robust_upper=robust.upper, dispersion=robust.dispersion,
                       years_with_arrests=robust.years, posterior_female_to_male=shrunk.value,
                       posterior_lower=shrunk.lower, posterior_upper=shrunk.upper)
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["period_start"], frame["period_end"] = int(towns.first_year.min()), int(towns.last_year.max())
    frame["prior_alpha"], frame["prior_beta"] = prior.alpha, prior.beta
    frame["prior_mean_odds"], frame["prior_precision"] = prior.alpha / prior.beta, prior.precision
    frame["prior_mean_odds_lower"], frame["prior_mean_odds_upper"] = spread.mean_odds
    frame["prior_precision_lower"], frame["prior_precision_upper"] = spread.precision
    frame["prior_fit_iterations"], frame["prior_bootstrap_failed"] = prior.iterations, spread.failed
    frame["prior_bootstrap"] = f"{spread.replicates} resamples of towns, seed {spread.seed}"
    return frame


TREND_VARIANTS = (("all years", ()), ("without 2014, 2015", (2014, 2015)))


def ucr_trend(by_year_sex: pd.DataFrame) -> pd.DataFrame:
    """Change per year in statewide arrests, by sex (the 2015 statewide figure is the county sum), on all years
    and without the two defective files (sensitivity)."""
    rows = []
    for variant, excluded in TREND_VARIANTS:
        for sex, group in by_year_sex.groupby("sex", sort=True):
            group = group[~group.year.isin(excluded)]
            trend = poisson_trend(group.year.astype(int).tolist(), group.statewide.astype(int).tolist())
            rows.append({"sex": sex, "years": variant, "first_year": int(group.year.min()),
                         "last_year": int(group.year.max()), "rate_ratio_per_year": trend.rate_ratio_per_year,
                         "ci_lower": trend.lower, "ci_upper": trend.upper, "p_value": trend.p_value,
                         "dispersion": trend.dispersion, "df": trend.df, "method": trend.method})
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
    log = _integers(con.execute(DECISION_LOG_SQL).df(), ["step", "rows_kept", "rows_dropped", "arrests_affected"])
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
    return pd.concat([log, _integers(pd.DataFrame(extra), ["step", "rows_kept", "rows_dropped",
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
    return _integers(con.execute(UCR_AGE_RACE_SQL).df(), ["year", "arrests"])


# Counties: the sum of their towns (resident troopers included; universities, casinos, tribal and state
# agencies are in no town). A county-year with an incomplete town has no rate.
COUNTY_RATES_SQL = """
WITH county_year AS (
    SELECT county, year, sum(coalesce(female_arrests, 0) + coalesce(male_arrests, 0)) AS arrests,
           sum(population) AS population, bool_or(incomplete) AS incomplete,
           string_agg(town, '; ' ORDER BY town) FILTER (WHERE incomplete) AS incomplete_towns
    FROM town_year GROUP BY ALL
)
SELECT county, year::VARCHAR AS years, arrests, population, incomplete, incomplete_towns,
       CASE WHEN NOT incomplete THEN round(1e5 * arrests / population, 2) END AS arrests_per_100k_residents
FROM county_year
UNION ALL
SELECT county, 'complete years ' || min(year)::VARCHAR || '-' || max(year)::VARCHAR, sum(arrests),
       sum(population), false, NULL, round(1e5 * sum(arrests) / sum(population), 2)
FROM county_year WHERE NOT incomplete GROUP BY ALL
ORDER BY county, years
"""


def ucr_county_rates(town_year: pd.DataFrame) -> pd.DataFrame:
    """Arrests per 100,000 residents (all sexes) by county and year, and over each county's complete years
    (a yearly rate: arrests over person-years)."""
    con = duckdb.connect()
    try:
        con.register("town_year", town_year)
        return _integers(con.execute(COUNTY_RATES_SQL).df(), ["arrests", "population"])
    finally:
        con.close()
