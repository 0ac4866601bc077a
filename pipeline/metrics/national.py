"""Connecticut beside the nation: the female share of prostitution and commercialized vice arrests by year, and
how the UCR sex proxy compares with the Judicial Branch's seller : buyer counts."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.metrics.stats import count_ratio, mean_with_t_interval, pooled_ratio_over_years, proportion
from pipeline.validate.rules import NATIONAL_SOURCES_SQL

# All ages = the adults file + the under-18 file; only the FBI bulk files (whole counts), not Table 324.
NATIONAL_BY_YEAR_SQL = """
SELECT f.period_start AS year,
       sum(f.count) FILTER (WHERE f.sex = 'female') AS national_female,
       sum(f.count) FILTER (WHERE f.sex = 'male')   AS national_male,
       string_agg(DISTINCT f.source_id, ' + ' ORDER BY f.source_id) AS national_sources
FROM facts f JOIN sources s USING (source_id)
WHERE s.dataset = 'national_bulk' AND f.jurisdiction_type = 'national' AND f.breakdown = 'sex' AND f.printed_total
  AND f.offense = 'prostitution_and_commercialized_vice'
GROUP BY ALL
ORDER BY year
"""


BY_YEAR_COLUMNS = ["year", "national_female", "national_male", "national_sources", "national_share", "ct_female",
                   "ct_male", "ct_share", "ct_lower", "ct_upper", "difference", "difference_lower",
                   "difference_upper"]
VERSUS_COLUMNS = ["years", "measure", "value", "ci_lower", "ci_upper", "n_years", "method"]


def national_female_share(con: duckdb.DuckDBPyConnection, ct_by_year_sex: pd.DataFrame) -> pd.DataFrame:
    """Every year of the FBI files: the national female share (counts of tens of thousands: its sampling error is
    negligible beside Connecticut's), and for the UCR years Connecticut's share with its exact interval and the
    difference (Connecticut minus nation, the interval Connecticut's)."""
    national = con.execute(NATIONAL_BY_YEAR_SQL).df().astype({"year": int, "national_female": "Int64",
                                                              "national_male": "Int64"})
    national["national_share"] = national.national_female / (national.national_female + national.national_male)
    ct = ct_by_year_sex.pivot(index="year", columns="sex", values="statewide")
    rows = []
    for row in national.itertuples(index=False):
        out = row._asdict()
        if row.year in ct.index:
            female, male = int(ct.loc[row.year, "female"]), int(ct.loc[row.year, "male"])
            share = proportion(female, female + male)
            out.update(ct_female=female, ct_male=male, ct_share=share.value, ct_lower=share.lower,
                       ct_upper=share.upper, difference=share.value - row.national_share,
                       difference_lower=share.lower - row.national_share,
                       difference_upper=share.upper - row.national_share)
        rows.append(out)
    return pd.DataFrame(rows, columns=BY_YEAR_COLUMNS)


def national_reconciliation(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every cell the two national sources share, printed against counted, with the tolerance of the printed
    rounding; the same SQL validation ran before the load."""
    frame = con.execute(f"""SELECT "group", location, cell_text, printed_total AS printed_persons,
                                   parts_sum AS fbi_count, printed_total - parts_sum AS difference,
                                   tolerance, abs(printed_total - parts_sum) <= tolerance AS within_rounding
                            FROM ({NATIONAL_SOURCES_SQL}) ORDER BY "group" """).df()
    return frame.astype({"printed_persons": "Int64", "fbi_count": "Int64", "difference": "Int64",
                         "tolerance": "Int64"})


def ct_versus_nation(by_year: pd.DataFrame) -> pd.DataFrame:
    """Over the years both series cover: each share pooled with a year-clustered interval, and the mean yearly
    difference with a t interval on the years (each year one observation: between-year variation sets the
    width)."""
    both = by_year.dropna(subset=["ct_share"]).sort_values("year")
    windows = (("all common years", both), ("without 2014, 2015", both[~both.year.isin([2014, 2015])]))
    rows = []
    for name, chosen in windows:
        if len(chosen) < 2:  # no national source in the manifest, or fewer than two common years
            continue
        ct = pooled_ratio_over_years(chosen.ct_female.astype(int).tolist(), chosen.ct_male.astype(int).tolist())
        nation = pooled_ratio_over_years(chosen.national_female.astype(int).tolist(),
                                         chosen.national_male.astype(int).tolist())
        difference = mean_with_t_interval(chosen.difference.astype(float).tolist())
        years = f"{int(chosen.year.min())}-{int(chosen.year.max())}" + (
            "" if name == "all common years" else " without 2014, 2015")
        for measure, value, lower, upper, method in (
            ("Connecticut female share (UCR)", ct.value / (1 + ct.value), ct.lower / (1 + ct.lower),
             ct.upper / (1 + ct.upper), ct.method),
            ("national female share (FBI)", nation.value / (1 + nation.value), nation.lower / (1 + nation.lower),
             nation.upper / (1 + nation.upper), nation.method),
            ("difference, Connecticut minus nation (mean of years)", difference.value, difference.lower,
             difference.upper, difference.method),
        ):
            rows.append({"years": years, "measure": measure, "value": value, "ci_lower": lower, "ci_upper": upper,
                         "n_years": len(chosen), "method": method})
    return pd.DataFrame(rows, columns=VERSUS_COLUMNS)


PROXY_DIFFERENCES = ("UCR counts arrestees by sex, not by statute: women also buy, men also sell, and promoters "
                     "are in the same UCR category; the Judicial counts are by statute (53a-82 against 53a-83); "
                     "years differ (2010-2014 against 2005-2014); the Judicial unit (charges, cases or persons) is "
                     "not stated; UCR 2014 is truncated")


def proxy_calibration(pooled: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """The sex proxy beside the role it stands in for: UCR female : male 2010-2014 against the Judicial
    seller : buyer arrests 2005-2014."""
    ucr = pooled.set_index("window").loc["2010-2014"]
    judicial = published.set_index("metric").loc["seller_to_buyer_arrests"]
    ratio_of_ratios = count_ratio(int(ucr.female_arrests), int(ucr.male_arrests)).value / judicial.value
    return pd.DataFrame([
        {"series": "Connecticut UCR arrests, female : male", "years": "2010-2014",
         "numerator": int(ucr.female_arrests), "denominator": int(ucr.male_arrests), "ratio": ucr.female_to_male,
         "exact_lower": ucr.exact_lower, "exact_upper": ucr.exact_upper, "robust_lower": ucr.robust_lower,
         "robust_upper": ucr.robust_upper, "note": "sex of the arrestee stands in for the role"},
        {"series": "Judicial Branch arrests, seller (53a-82) : buyer (53a-83), as published", "years": "2005-2014",
         "numerator": int(judicial.numerator), "denominator": int(judicial.denominator), "ratio": judicial.value,
         "exact_lower": judicial.ci_lower, "exact_upper": judicial.ci_upper, "robust_lower": None,
         "robust_upper": None, "note": "no year split published: no year-clustered interval"},
        {"series": "proxy / role (UCR ratio divided by the Judicial ratio)", "years": "",
         "numerator": None, "denominator": None, "ratio": ratio_of_ratios, "exact_lower": None,
         "exact_upper": None, "robust_lower": None, "robust_upper": None, "note": PROXY_DIFFERENCES},
    ])
