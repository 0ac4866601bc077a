import math

import pytest
from scipy.stats import binomtest

from pipeline.metrics.stats import (
    clopper_pearson,
    count_ratio,
    fit_beta_binomial,
    proportion,
    proportion_ratio,
    shrunk_ratio,
    sign_test,
)


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


def test_known_value_12_vs_3():
    estimate = count_ratio(12, 3)
    assert estimate.value == 4.0
    assert (round(estimate.lower, 2), round(estimate.upper, 2)) == (1.08, 22.09)


def test_published_intervals():
    arrests, convictions = count_ratio(3557, 1378), count_ratio(1841, 269)
    assert (round(arrests.lower, 2), round(arrests.upper, 2)) == (2.42, 2.75)
    assert (round(convictions.lower, 2), round(convictions.upper, 2)) == (6.02, 7.81)


def test_sign_test():
    assert sign_test(5, 10) == pytest.approx(1.0)
    assert sign_test(10, 10) == pytest.approx(2 * 0.5 ** 10)


def test_shrinkage_pulls_small_towns_toward_the_prior_and_leaves_large_ones():
    prior = fit_beta_binomial([8, 9, 7, 30, 2, 1, 60], [10, 12, 9, 40, 3, 2, 80])
    assert 0.6 < prior.mean < 0.85
    tiny = shrunk_ratio(1, 1, prior)  # one arrest, a woman: raw ratio infinite
    assert math.isfinite(tiny.value) and tiny.value < 10
    large = shrunk_ratio(600, 800, prior)
    assert large.value == pytest.approx(3.0, rel=0.02)
    assert large.lower < large.value < large.upper
