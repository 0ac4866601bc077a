"""The report's sentences say no more than their intervals allow."""

import pandas as pd

from pipeline.report.sections import percent_change, trend_sentence


def _trend(rows):
    columns = ["sex", "years", "first_year", "last_year", "rate_ratio_per_year", "ci_lower", "ci_upper", "p_value",
               "df"]
    return pd.DataFrame(rows, columns=columns)


def test_a_trend_is_named_only_when_its_interval_excludes_no_change():
    text = trend_sentence(_trend([
        ("female", "all years", 2010, 2016, 0.925, 0.856, 0.99985, 0.0497, 5),
        ("male", "all years", 2010, 2016, 1.02, 0.95, 1.09, 0.6, 5),
        ("female", "without 2014, 2015", 2010, 2016, 0.91, 0.81, 1.03, 0.09, 3),
        ("male", "without 2014, 2015", 2010, 2016, 1.01, 0.9, 1.1, 0.8, 3),
    ]))
    assert "female arrests fell (-7.5% a year, 95% CI -14.4% to -0.01%, t(5), p = 0.050, an interval that only " \
           "just excludes no change)" in text
    assert "male arrests show no change distinguishable from none" in text
    assert "neither trend is distinguishable from no change" in text


def test_percent_change_never_prints_a_signed_zero():
    assert percent_change(0.99985) == "-0.01%" and percent_change(0.9) == "-10.0%"
