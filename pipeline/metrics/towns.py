"""Town and county UCR metrics: a town's counts are the agencies the crosswalk places in it; its ratio is shrunk
toward the state's; a county's rates come from its towns."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.metrics.stats import (
    beta_prior_uncertainty,
    count_ratio,
    fit_beta_binomial,
    integer_counts,
    pooled_ratio_over_years,
    shrunk_ratio,
)

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


def ucr_town_by_year(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every town and year: counts, rates per 100,000 residents (all sexes), and the female : male ratio with
    its exact interval."""
    frame = integer_counts(con.execute(UCR_TOWN_YEAR_SQL).df(),
                           ["year", "female_arrests", "male_arrests", "population"])
    ratios = [count_ratio(int(f), int(m)) if pd.notna(f) and pd.notna(m) and f + m > 0 else None
              for f, m in zip(frame.female_arrests, frame.male_arrests, strict=True)]
    frame["female_to_male"] = [r.value if r else None for r in ratios]
    frame["ci_lower"] = [r.lower if r else None for r in ratios]
    frame["ci_upper"] = [r.upper if r else None for r in ratios]
    return frame


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
    towns = integer_counts(con.execute(TOWN_TOTALS_SQL).df(), ["female_arrests", "male_arrests", "first_year",
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
        return integer_counts(con.execute(COUNTY_RATES_SQL).df(), ["arrests", "population"])
    finally:
        con.close()
