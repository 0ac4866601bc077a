"""Metric tables computed in DuckDB, where the facts live; the statistics come from metrics.stats."""

from __future__ import annotations

import math

import duckdb
import pandas as pd

from pipeline.metrics.stats import (
    count_ratio,
    fit_beta_binomial,
    poisson_trend,
    proportion,
    proportion_ratio,
    shrunk_ratio,
    sign_test,
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
       round(1e5 * c.female_arrests / p.population, 2) AS female_per_100k,
       round(1e5 * c.male_arrests / p.population, 2)   AS male_per_100k,
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


def ucr_town_by_year(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every town and year: counts, rates per 100,000, and the female : male ratio with its exact interval."""
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


def ucr_town_disparity(con: duckdb.DuckDBPyConnection, incomplete: pd.DataFrame) -> pd.DataFrame:
    """Female : male arrests per town over all UCR years: raw exact interval and the ratio shrunk toward the
    statewide ratio (beta-binomial empirical Bayes fitted on every town with an arrest)."""
    towns = _integers(con.execute(TOWN_TOTALS_SQL).df(), ["female_arrests", "male_arrests", "first_year",
                                                          "last_year"])
    towns["total_arrests"] = towns.female_arrests + towns.male_arrests
    flagged = incomplete.groupby("town").incomplete.sum()
    towns["incomplete_years"] = towns.town.map(flagged).fillna(0).astype(int)
    with_any = towns[towns.total_arrests > 0]
    prior = fit_beta_binomial(with_any.female_arrests.tolist(), with_any.total_arrests.tolist())
    rows = []
    for town in towns.itertuples(index=False):
        row = {"town": town.town, "county": town.county, "female_arrests": town.female_arrests,
               "male_arrests": town.male_arrests, "total_arrests": town.total_arrests,
               "small_count": town.total_arrests < SMALL_TOWN_MINIMUM, "incomplete_years": town.incomplete_years}
        if town.total_arrests > 0:
            raw = count_ratio(int(town.female_arrests), int(town.male_arrests))
            shrunk = shrunk_ratio(int(town.female_arrests), int(town.total_arrests), prior)
            row.update(female_to_male=raw.value, ci_lower=raw.lower, ci_upper=raw.upper,
                       shrunk_female_to_male=shrunk.value, shrunk_lower=shrunk.lower, shrunk_upper=shrunk.upper)
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["period_start"], frame["period_end"] = int(towns.first_year.min()), int(towns.last_year.max())
    frame["prior_alpha"], frame["prior_beta"] = prior.alpha, prior.beta
    return frame


CLAIMS = (
    ("arrested", "Sellers were \"more than twice as likely\" to be arrested as buyers"),
    ("convicted", "Sellers were \"almost seven times more likely to be convicted\""),
    ("municipalities", "The pattern holds \"in nearly every Connecticut municipality\""),
)
NEARLY_EVERY = 0.9  # the share of towns that "nearly every" is taken to mean


def claims_check(published: pd.DataFrame, towns: pd.DataFrame) -> pd.DataFrame:
    """Every published claim beside what the pipeline computes, with a verdict made by a stated rule."""
    m = published.set_index("metric")
    arrests, convictions = m.loc["seller_to_buyer_arrests"], m.loc["seller_to_buyer_convictions"]
    per_arrest = m.loc["seller_to_buyer_convictions_per_arrest"]
    source = "PCSW analysis of the TIPC annual report (Judicial Branch data), January 2016"
    rows = [{
        "claim": CLAIMS[0][1], "source": source, "published": "3,557 vs 1,378 arrests, 2005-2014",
        "computed": f"{arrests.value:.2f} (95% CI {arrests.ci_lower:.2f}-{arrests.ci_upper:.2f})",
        "verdict": "holds" if arrests.ci_lower > 2 else "holds with caveat",
        "rule": "holds when the whole 95% interval of the arrest ratio lies above 2",
    }, {
        "claim": CLAIMS[1][1], "source": source, "published": "1,841 vs 269 convictions, 2005-2014",
        "computed": (f"conviction counts {convictions.value:.2f} (95% CI {convictions.ci_lower:.2f}-"
                     f"{convictions.ci_upper:.2f}); per arrest {per_arrest.value:.2f} "
                     f"(95% CI {per_arrest.ci_lower:.2f}-{per_arrest.ci_upper:.2f})"),
        "verdict": "holds with caveat",
        "rule": "true of conviction counts; once arrested, sellers were convicted about "
                f"{per_arrest.value:.2f} times as often as buyers, not seven",
    }]
    with_any = towns[towns.total_arrests > 0]
    larger = with_any[~with_any.small_count]
    female_more = int((with_any.female_arrests > with_any.male_arrests).sum())
    differing = int((with_any.female_arrests != with_any.male_arrests).sum())
    larger_more = int((larger.female_arrests > larger.male_arrests).sum())
    share = female_more / len(with_any) if len(with_any) else math.nan
    rows.append({
        "claim": CLAIMS[2][1], "source": source,
        "published": "no town figures published",
        "computed": (f"UCR {int(towns.period_start.min())}-{int(towns.period_end.max())}, sex as proxy: women "
                     f"outnumbered men in {female_more} of {len(with_any)} towns with any arrest ({share:.0%}; sign "
                     f"test p = {sign_test(female_more, differing):.2g}); in {larger_more} of {len(larger)} towns "
                     f"with at least {SMALL_TOWN_MINIMUM} arrests"),
        "verdict": "holds with caveat" if share >= NEARLY_EVERY else "not supported by these data",
        "rule": f"'nearly every' read as at least {NEARLY_EVERY:.0%} of towns with an arrest; UCR arrests by sex "
                "stand in for Judicial Branch arrests by role, over other years",
    })
    return pd.DataFrame(rows)


def ucr_trend(by_year_sex: pd.DataFrame) -> pd.DataFrame:
    """Change per year in statewide arrests, by sex (the 2015 statewide figure is the county sum)."""
    rows = []
    for sex, group in by_year_sex.groupby("sex", sort=True):
        trend = poisson_trend(group.year.astype(int).tolist(), group.statewide.astype(int).tolist())
        rows.append({"sex": sex, "first_year": int(group.year.min()), "last_year": int(group.year.max()),
                     "rate_ratio_per_year": trend.rate_ratio_per_year, "ci_lower": trend.lower,
                     "ci_upper": trend.upper, "dispersion": trend.dispersion, "method": trend.method})
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
SELECT 2, 'metrics', 'UCR: sex rows feed every metric; age and race rows stay in the warehouse',
       'sex is the only split that stands in for role', count(*) FILTER (WHERE breakdown = 'sex'),
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


def decision_log(con: duckdb.DuckDBPyConnection, small_towns: int, warning_rows: pd.DataFrame) -> pd.DataFrame:
    """Every filter, mapping and exception between raw and report, with the rows it kept or set aside."""
    log = _integers(con.execute(DECISION_LOG_SQL).df(), ["step", "rows_kept", "rows_dropped", "arrests_affected"])
    extra = [{"step": 9, "stage": "metrics", "decision": f"Towns with fewer than {SMALL_TOWN_MINIMUM} arrests are "
              "shown and flagged, never compared or ranked", "reason": "their ratios are mostly noise",
              "rows_kept": None, "rows_dropped": small_towns, "arrests_affected": None}]
    if not warning_rows.empty and "exception" in warning_rows:
        for exception, group in warning_rows.groupby("exception", sort=True):
            extra.append({"step": 10, "stage": "validate", "decision": f"exception {exception}: failing rows "
                          "reported as warnings", "reason": "a known defect of the source "
                          "(raw/validation_exceptions.yaml)", "rows_kept": len(group), "rows_dropped": None,
                          "arrests_affected": None})
    return pd.concat([log, _integers(pd.DataFrame(extra), ["step", "rows_kept", "rows_dropped",
                                                           "arrests_affected"])], ignore_index=True)
