import math

import pytest
from scipy.stats import binomtest

from pipeline.metrics.stats import clopper_pearson, count_ratio, proportion, proportion_ratio


def test_published_ratios():
    arrests = count_ratio(3557, 1378)
    convictions = count_ratio(1841, 269)
    assert round(arrests.value, 2) == 2.58 and round(convictions.value, 2) == 6.84
    assert arrests.lower < arrests.value < arrests.upper
    assert convictions.lower > 6.0  # "almost seven times" holds for counts, interval well above 6
    per_arrest = proportion_ratio(1841, 3557, 269, 1378)
    assert round(per_arrest.value, 2) == 2.65 and per_arrest.upper < 3.0


def test_clopper_pearson_agrees_with_scipy_binomtest():
    for k, n in [(0, 10), (3, 10), (10, 10), (292, 438)]:
        expected = binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")
        lower, upper = clopper_pearson(k, n)
        assert lower == pytest.approx(expected.low, abs=1e-12) and upper == pytest.approx(expected.high, abs=1e-12)


def test_ratio_interval_edges():
    assert count_ratio(5, 0).value == math.inf and count_ratio(5, 0).upper == math.inf
    zero = count_ratio(0, 5)
    assert zero.value == 0 and zero.lower == 0 and zero.upper > 0
    equal = count_ratio(50, 50)
    assert equal.lower * equal.upper == pytest.approx(1.0)  # symmetric on the log scale
    with pytest.raises(ValueError):
        count_ratio(0, 0)


def test_proportion():
    estimate = proportion(269, 1378)
    assert round(estimate.value, 3) == 0.195 and estimate.lower < 0.195 < estimate.upper
