"""Statewide UCR metrics by year and pooled over windows: counts, ratios and the trend, from the warehouse's facts."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.metrics.stats import count_ratio, integer_counts, poisson_trend, pooled_ratio_over_years

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


def ucr_statewide_by_year(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Female and male arrests by year: the printed statewide figure and what the parts add up to.

    The statewide figure used is the printed statewide column, or, where a year has none (2015), the sum of
    the printed county columns; agency sums are shown beside it so that gaps (2014) stay visible.
    """
    frame = integer_counts(con.execute(UCR_BY_YEAR_SEX_SQL).df(),
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
