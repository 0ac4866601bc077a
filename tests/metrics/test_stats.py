"""Every estimator against a value computed independently of the code under test: a textbook formula worked
out here with plain arithmetic, a published figure, or another library's implementation."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest
from scipy.stats import t as student_t

from pipeline.metrics.stats import (
    BetaPrior,
    FitDidNotConverge,
    beta_prior_uncertainty,
    clopper_pearson,
    count_ratio,
    fit_beta_binomial,
    mean_with_t_interval,
    poisson_trend,
    pooled_ratio_over_years,
    proportion,
    proportion_ratio,
    ratio_with_dispersion,
    shrunk_ratio,
    sign_test,
)

# Connecticut UCR statewide arrests 2010-2016, Prostitution and Commercialized Vice (2015: sum of county columns)
CT_FEMALE = [292, 293, 265, 301, 284, 209, 156]
CT_MALE = [146, 86, 115, 42, 64, 58, 57]
YEARS = list(range(2010, 2017))


def test_published_ratios():
    arrests = count_ratio(3557, 1378)
    convictions = count_ratio(1841, 269)
    assert round(arrests.value, 2) == 2.58 and round(convictions.value, 2) == 6.84
    assert (round(arrests.lower, 2), round(arrests.upper, 2)) == (2.42, 2.75)
    assert (round(convictions.lower, 2), round(convictions.upper, 2)) == (6.02, 7.81)


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


def test_known_value_12_vs_3():
    estimate = count_ratio(12, 3)
    assert estimate.value == 4.0
    assert (round(estimate.lower, 2), round(estimate.upper, 2)) == (1.08, 22.09)


def test_proportion():
    estimate = proportion(269, 1378)
    assert round(estimate.value, 3) == 0.195 and estimate.lower < 0.195 < estimate.upper


def test_katz_interval_by_hand():
    """Katz et al. (1978): log RR +- z sqrt(1/a - 1/n1 + 1/c - 1/n2), worked out here without statsmodels."""
    estimate = proportion_ratio(1841, 3557, 269, 1378)
    value = (1841 / 3557) / (269 / 1378)
    se = math.sqrt(1 / 1841 - 1 / 3557 + 1 / 269 - 1 / 1378)
    assert estimate.value == pytest.approx(value, rel=1e-12)
    assert estimate.lower == pytest.approx(value * math.exp(-1.959963984540054 * se), rel=1e-9)
    assert estimate.upper == pytest.approx(value * math.exp(1.959963984540054 * se), rel=1e-9)
    assert (round(estimate.lower, 2), round(estimate.upper, 2)) == (2.37, 2.96)


def test_sign_test():
    assert sign_test(5, 10) == pytest.approx(1.0)
    assert sign_test(10, 10) == pytest.approx(2 * 0.5 ** 10)


def _quasi_binomial_by_hand(a: list[int], b: list[int]) -> tuple[float, float, float]:
    """Intercept-only quasi-binomial in closed form: p = sum a / sum n, Pearson X2 / (k - 1), logit interval with
    t(k - 1) on var = phi / (N p (1 - p)) (McCullagh & Nelder 1989, sec. 4.5)."""
    n = [x + y for x, y in zip(a, b, strict=True)]
    total = sum(n)
    p = sum(a) / total
    chi2 = sum((x - m * p) ** 2 / (m * p * (1 - p)) for x, m in zip(a, n, strict=True))
    phi = max(chi2 / (len(a) - 1), 1.0)
    half = float(student_t.ppf(0.975, len(a) - 1)) * math.sqrt(phi / (total * p * (1 - p)))
    logit = math.log(p / (1 - p))
    return chi2 / (len(a) - 1), math.exp(logit - half), math.exp(logit + half)


def test_year_clustered_interval_statewide_against_closed_form():
    pooled = pooled_ratio_over_years(CT_FEMALE, CT_MALE)
    dispersion, lower, upper = _quasi_binomial_by_hand(CT_FEMALE, CT_MALE)
    assert pooled.value == pytest.approx(sum(CT_FEMALE) / sum(CT_MALE))
    assert pooled.dispersion == pytest.approx(dispersion, rel=1e-9)
    assert pooled.dispersion * 6 == pytest.approx(63.1, abs=0.05)  # the review's chi2 = 63 on 6 df
    assert (pooled.lower, pooled.upper) == (pytest.approx(lower, rel=1e-7), pytest.approx(upper, rel=1e-7))
    assert (round(pooled.lower, 2), round(pooled.upper, 2)) == (2.16, 4.64)
    exact = count_ratio(sum(CT_FEMALE), sum(CT_MALE))
    assert pooled.lower < exact.lower and pooled.upper > exact.upper


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 400), st.integers(1, 400)), min_size=2, max_size=9))
def test_year_clustered_interval_matches_closed_form_for_any_years(years):
    a, b = [x for x, _ in years], [y for _, y in years]
    pooled = pooled_ratio_over_years(a, b)
    _, lower, upper = _quasi_binomial_by_hand(a, b)
    assert pooled.lower == pytest.approx(lower, rel=1e-6) and pooled.upper == pytest.approx(upper, rel=1e-6)
    assert pooled.lower <= pooled.value <= pooled.upper


def test_year_clustered_interval_not_estimable():
    one_year = pooled_ratio_over_years([5, 0], [2, 0])
    assert one_year.value == 2.5 and math.isnan(one_year.lower) and "not estimable" in one_year.method
    one_kind = pooled_ratio_over_years([3, 4], [0, 0])
    assert one_kind.value == math.inf and math.isnan(one_kind.upper)


def test_trend_against_the_review():
    """The independent review's figures: 0.925 a year (0.856-0.9999, p ~ 0.05) with t(5), dispersion 6.46."""
    trend = poisson_trend(YEARS, CT_FEMALE)
    assert round(trend.rate_ratio_per_year, 3) == 0.925
    assert (round(trend.lower, 3), round(trend.upper, 4)) == (0.856, 0.9999)
    assert round(trend.dispersion, 2) == 6.46 and trend.df == 5
    assert trend.p_value == pytest.approx(0.05, abs=0.001)


def test_trend_against_newton_by_hand():
    """Poisson log-linear MLE by Newton's method written here, Pearson scale, t(n - 2) interval."""
    years, counts = [1, 2, 3, 4, 5, 6], [30, 41, 25, 60, 52, 70]
    x = np.array(years, float) - np.mean(years)
    y = np.array(counts, float)
    b0, b1 = math.log(y.mean()), 0.0
    for _ in range(50):
        mu = np.exp(b0 + b1 * x)
        info = np.array([[mu.sum(), (mu * x).sum()], [(mu * x).sum(), (mu * x * x).sum()]])
        step = np.linalg.solve(info, [(y - mu).sum(), ((y - mu) * x).sum()])
        b0, b1 = b0 + step[0], b1 + step[1]
    mu = np.exp(b0 + b1 * x)
    info = np.array([[mu.sum(), (mu * x).sum()], [(mu * x).sum(), (mu * x * x).sum()]])
    phi = ((y - mu) ** 2 / mu).sum() / (len(y) - 2)
    se = math.sqrt(np.linalg.inv(info)[1, 1] * max(phi, 1))
    q = float(student_t.ppf(0.975, len(y) - 2))
    trend = poisson_trend(years, counts)
    assert trend.rate_ratio_per_year == pytest.approx(math.exp(b1), rel=1e-8)
    assert trend.dispersion == pytest.approx(phi, rel=1e-8)
    assert trend.lower == pytest.approx(math.exp(b1 - q * se), rel=1e-8)
    assert trend.upper == pytest.approx(math.exp(b1 + q * se), rel=1e-8)


def test_mean_with_t_interval_textbook():
    """1..5: mean 3, s = 1.5811, se = 0.7071, t(4) = 2.7764: 3 +- 1.9633."""
    estimate = mean_with_t_interval([1, 2, 3, 4, 5])
    assert estimate.value == pytest.approx(3.0)
    assert (estimate.lower, estimate.upper) == (pytest.approx(1.0367, abs=1e-4), pytest.approx(4.9633, abs=1e-4))


def _beta_binomial_log_likelihood(a: float, b: float, k: list[int], n: list[int]) -> float:
    lbeta = lambda x, y: math.lgamma(x) + math.lgamma(y) - math.lgamma(x + y)  # noqa: E731
    return sum(lbeta(ki + a, ni - ki + b) - lbeta(a, b) for ki, ni in zip(k, n, strict=True))


OVERDISPERSED = ([1, 9, 2, 8, 0, 10, 5, 5, 3, 7, 12, 1], [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 15, 6])


def test_beta_binomial_finds_the_maximum_a_grid_search_finds():
    k, n = OVERDISPERSED
    prior = fit_beta_binomial(k, n)
    grid = np.exp(np.linspace(-3, 3, 241))
    best = max((_beta_binomial_log_likelihood(a, b, k, n), a, b) for a in grid for b in grid)
    assert prior.log_likelihood >= best[0] - 1e-9  # at least as high as any grid point
    assert prior.alpha == pytest.approx(best[1], rel=0.03) and prior.beta == pytest.approx(best[2], rel=0.03)
    assert prior.log_likelihood == pytest.approx(_beta_binomial_log_likelihood(prior.alpha, prior.beta, k, n))


@pytest.mark.parametrize("k, n", [
    ([8, 9, 7, 30, 2, 1, 60], [10, 12, 9, 40, 3, 2, 80]),  # towns all near 0.75: the old fixture, no interior max
    ([7, 8, 7, 8, 7, 8, 7, 8], [10] * 8),  # less varied than binomial
])
def test_beta_binomial_fails_loudly_without_a_maximum(k, n):
    with pytest.raises(FitDidNotConverge):
        fit_beta_binomial(k, n)


def test_prior_uncertainty_is_reproducible_and_covers_the_fit():
    k, n = OVERDISPERSED
    first, second = beta_prior_uncertainty(k, n, replicates=60), beta_prior_uncertainty(k, n, replicates=60)
    assert first == second
    prior = fit_beta_binomial(k, n)
    assert first.precision[0] <= prior.precision <= first.precision[1] or first.failed > 0
    assert first.failed + 0 <= first.replicates


def test_shrinkage_is_the_conjugate_posterior():
    """Beta(3, 1.5) prior, 1 of 1: posterior Beta(4, 1.5), mean 4 / 5.5, odds 4 / 1.5."""
    prior = BetaPrior(3.0, 1.5)
    tiny = shrunk_ratio(1, 1, prior)
    assert tiny.value == pytest.approx(4 / 1.5)
    assert tiny.lower < tiny.value < tiny.upper
    large = shrunk_ratio(600, 800, prior)
    assert large.value == pytest.approx(603 / 201.5)


def test_borrowed_dispersion_reproduces_the_pooled_interval_of_its_own_series():
    pooled = pooled_ratio_over_years(CT_FEMALE, CT_MALE)
    borrowed = ratio_with_dispersion(sum(CT_FEMALE), sum(CT_MALE), pooled.dispersion, pooled.years - 1)
    assert (borrowed.lower, borrowed.upper) == (pytest.approx(pooled.lower, rel=1e-6),
                                                pytest.approx(pooled.upper, rel=1e-6))
    plain = ratio_with_dispersion(3557, 1378, 0.5, 10**6)  # floored at 1, t -> z: the Wald interval of a log ratio
    se = math.sqrt(1 / 3557 + 1 / 1378)
    assert plain.lower == pytest.approx(3557 / 1378 * math.exp(-1.959964 * se), rel=1e-5)
