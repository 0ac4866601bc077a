"""Connecticut beside the nation, on small frames: shares, differences and the mean yearly difference."""

import math

import duckdb
import pandas as pd
import pytest
from scipy.stats import t as student_t

from pipeline.extract.tidy import conform
from pipeline.metrics.national import ct_versus_nation, national_female_share


def _facts() -> pd.DataFrame:
    rows = []
    for source, age, counts in (("fbi_a", "18_and_over", {2010: (900, 300), 2011: (800, 400)}),
                                ("fbi_j", "under_18", {2010: (100, 0), 2011: (0, 0)})):
        for year, (female, male) in counts.items():
            for sex, count in (("female", female), ("male", male)):
                rows.append({"source_id": source, "jurisdiction_type": "national", "breakdown": "sex", "sex": sex,
                             "age_group": age, "period_start": year, "period_end": year, "count": count,
                             "printed_total": True, "offense": "prostitution_and_commercialized_vice"})
    table = {"source_id": "t324", "jurisdiction_type": "national", "breakdown": "sex", "sex": "female",
             "period_start": 2010, "period_end": 2010, "count": 5000, "printed_total": True, "unit": "thousands",
             "printed_value": 5.0, "offense": "prostitution_and_commercialized_vice"}
    return conform(pd.DataFrame([*rows, table]))


def test_the_national_share_adds_both_age_files_and_leaves_the_printed_table_out():
    con = duckdb.connect()
    con.register("facts", _facts())
    con.register("sources", pd.DataFrame({"source_id": ["fbi_a", "fbi_j", "t324"],
                                          "dataset": ["national_bulk", "national_bulk", "national_arrests_table"]}))
    ct = pd.DataFrame({"year": [2010, 2010], "sex": ["female", "male"], "statewide": [30, 10]})
    table = national_female_share(con, ct).set_index("year")
    assert table.loc[2010, "national_share"] == pytest.approx(1000 / 1300)
    assert table.loc[2011, "national_share"] == pytest.approx(800 / 1200)
    assert table.loc[2010, "ct_share"] == 0.75 and math.isnan(table.loc[2011, "ct_share"])
    assert table.loc[2010, "difference"] == pytest.approx(0.75 - 1000 / 1300)
    assert table.loc[2010, "ct_lower"] < 0.75 < table.loc[2010, "ct_upper"]


def test_the_mean_yearly_difference_has_a_t_interval_on_the_years():
    years = list(range(2010, 2015))
    differences = [0.05, 0.10, 0.02, 0.20, 0.08]
    by_year = pd.DataFrame({"year": years, "ct_female": [80, 90, 70, 95, 85], "ct_male": [20, 15, 25, 10, 20],
                            "national_female": [700] * 5, "national_male": [300] * 5, "ct_share": [0.8] * 5,
                            "difference": differences})
    row = ct_versus_nation(by_year)
    row = row[(row.years == "2010-2014") & row.measure.str.startswith("difference")].iloc[0]
    mean = sum(differences) / 5
    sd = math.sqrt(sum((d - mean) ** 2 for d in differences) / 4)
    half = float(student_t.ppf(0.975, 4)) * sd / math.sqrt(5)
    assert (row.value, row.ci_lower, row.ci_upper) == (pytest.approx(mean), pytest.approx(mean - half),
                                                       pytest.approx(mean + half))


def test_without_a_national_source_the_tables_are_empty_not_broken():
    con = duckdb.connect()
    con.register("facts", conform(pd.DataFrame()))
    con.register("sources", pd.DataFrame({"source_id": pd.Series([], dtype=str), "dataset": pd.Series([], dtype=str)}))
    ct = pd.DataFrame({"year": [2010, 2010], "sex": ["female", "male"], "statewide": [30, 10]})
    by_year = national_female_share(con, ct)
    assert by_year.empty and "national_share" in by_year.columns
    versus = ct_versus_nation(by_year)
    assert versus.empty and list(versus.columns)[:2] == ["years", "measure"]
