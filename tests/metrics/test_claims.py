"""The municipality claim's counting and verdict rule, on small town-year tables."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

from pipeline.metrics.claims import NEARLY_EVERY, municipality_sensitivity, share_verdict


def _town_year(counts: dict[str, list[tuple[int, int]]], incomplete: set[tuple[str, int]] = frozenset()):
    rows = [{"town": town, "year": 2010 + i, "female_arrests": f, "male_arrests": m,
             "incomplete": (town, 2010 + i) in incomplete}
            for town, years in counts.items() for i, (f, m) in enumerate(years)]
    return pd.DataFrame(rows)


def test_counts_ties_and_windows():
    frame = _town_year({
        "A": [(5, 1), (5, 1), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],  # 10 v 2 in 2010-2014
        "B": [(3, 3), (2, 2), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],  # a tie, 10 arrests
        "C": [(1, 4), (1, 4), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)],  # men outnumber
        "D": [(0, 0), (0, 0), (0, 0), (0, 0), (0, 0), (30, 0), (0, 0)],  # only in 2015
    }, incomplete={("A", 2014)})
    table = municipality_sensitivity(frame).set_index(["window", "min_arrests"])
    primary = table.loc[("2010-2014", 10)]
    assert (primary.towns, primary.women_outnumber, primary.ties, primary.men_outnumber) == (3, 1, 1, 1)
    assert primary.primary and primary.towns_with_incomplete_year == 1
    expected = binomtest(1, 3).proportion_ci(method="exact")
    assert (primary.ci_lower, primary.ci_upper) == (pytest.approx(expected.low), pytest.approx(expected.high))
    assert table.loc[("2010-2016", 20)].towns == 1 and table.loc[("2010-2016", 20)].women_outnumber == 1
    assert table.loc[("2010-2016 without 2014, 2015", 20)].towns == 0
    assert table.loc[("2010-2016 without 2014, 2015", 20)].verdict == "no towns"
    assert int(table.primary.sum()) == 1


def test_the_verdict_rule():
    assert share_verdict(0.91, 0.99) == "holds"
    assert share_verdict(0.5, 0.89) == "not supported"
    assert share_verdict(0.53, 0.90) == "undetermined"  # the interval reaches the threshold
    all_forty = binomtest(40, 40).proportion_ci(method="exact")
    assert all_forty.low > NEARLY_EVERY and share_verdict(all_forty.low, all_forty.high) == "holds"
    all_thirty = binomtest(30, 30).proportion_ci(method="exact")
    assert share_verdict(all_thirty.low, all_thirty.high) == "undetermined"  # 30 of 30 cannot show 90%


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), min_size=1, max_size=12))
def test_every_town_is_counted_once(towns):
    frame = _town_year({f"T{i}": [pair] * 7 for i, pair in enumerate(towns)})
    for row in municipality_sensitivity(frame).itertuples(index=False):
        assert row.women_outnumber + row.ties + row.men_outnumber == row.towns
