"""Exact and approximate intervals for counts and proportions; pure functions, no I/O."""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy.stats import beta, norm


@dataclass(frozen=True)
class Estimate:
    value: float
    lower: float
    upper: float
    method: str


def clopper_pearson(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact binomial interval for successes / trials."""
    if trials <= 0 or not 0 <= successes <= trials:
        raise ValueError(f"need 0 <= successes <= trials and trials > 0, got {successes}/{trials}")
    alpha = 1 - confidence
    lower = 0.0 if successes == 0 else float(beta.ppf(alpha / 2, successes, trials - successes + 1))
    upper = 1.0 if successes == trials else float(beta.ppf(1 - alpha / 2, successes + 1, trials - successes))
    return lower, upper


def count_ratio(numerator: int, denominator: int, confidence: float = 0.95) -> Estimate:
    """Ratio of two Poisson counts with the exact conditional interval.

    Given a + b, a is binomial with p = ratio / (1 + ratio); the Clopper-Pearson bounds of p map to the ratio.
    """
    if numerator < 0 or denominator < 0 or numerator + denominator == 0:
        raise ValueError(f"need non-negative counts, not both zero: {numerator}, {denominator}")
    lower_p, upper_p = clopper_pearson(numerator, numerator + denominator, confidence)
    value = math.inf if denominator == 0 else numerator / denominator
    upper = math.inf if upper_p >= 1.0 else upper_p / (1 - upper_p)
    return Estimate(value, lower_p / (1 - lower_p), upper, "exact conditional binomial (Clopper-Pearson)")


def proportion(successes: int, trials: int, confidence: float = 0.95) -> Estimate:
    lower, upper = clopper_pearson(successes, trials, confidence)
    return Estimate(successes / trials, lower, upper, "Clopper-Pearson")


def proportion_ratio(k1: int, n1: int, k2: int, n2: int, confidence: float = 0.95) -> Estimate:
    """Ratio of two proportions (k1/n1) / (k2/n2) with the Katz log interval (approximate, large counts)."""
    if min(k1, k2) <= 0 or k1 > n1 or k2 > n2:
        raise ValueError(f"Katz interval needs 0 < k <= n: {k1}/{n1}, {k2}/{n2}")
    value = (k1 / n1) / (k2 / n2)
    se = math.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2)
    z = float(norm.ppf(1 - (1 - confidence) / 2))
    return Estimate(value, value * math.exp(-z * se), value * math.exp(z * se), "Katz log (approximate)")


def sign_test(successes: int, trials: int) -> float:
    """Two-sided exact binomial test of p = 1/2 (e.g. towns where women outnumber men, among towns with a
    difference)."""
    from scipy.stats import binomtest

    return float(binomtest(successes, trials, 0.5).pvalue) if trials else math.nan


@dataclass(frozen=True)
class BetaPrior:
    alpha: float
    beta: float

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)


def fit_beta_binomial(successes: list[int], trials: list[int]) -> BetaPrior:
    """Maximum-likelihood Beta prior for many small binomial counts (empirical Bayes)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.stats import betabinom

    k, n = np.asarray(successes), np.asarray(trials)

    def negative_log_likelihood(log_params):
        a, b = np.exp(log_params)
        return -betabinom.logpmf(k, n, a, b).sum()

    start = np.log([max(k.sum(), 1) / len(k), max((n - k).sum(), 1) / len(k)])
    fitted = minimize(negative_log_likelihood, start, method="Nelder-Mead",
                      options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 4000})
    a, b = np.exp(fitted.x)
    return BetaPrior(float(a), float(b))


def shrunk_ratio(successes: int, trials: int, prior: BetaPrior, confidence: float = 0.95) -> Estimate:
    """Posterior mean and equal-tailed interval of p / (1 - p) under the Beta prior: small towns move toward
    the statewide ratio instead of being ranked on noise."""
    a, b = prior.alpha + successes, prior.beta + trials - successes
    mean_p = a / (a + b)
    alpha = 1 - confidence
    low, high = float(beta.ppf(alpha / 2, a, b)), float(beta.ppf(1 - alpha / 2, a, b))
    return Estimate(mean_p / (1 - mean_p), low / (1 - low), high / (1 - high), "empirical Bayes beta-binomial")


@dataclass(frozen=True)
class Trend:
    rate_ratio_per_year: float
    lower: float
    upper: float
    dispersion: float
    method: str


def poisson_trend(years: list[int], counts: list[int], confidence: float = 0.95) -> Trend:
    """Log-linear Poisson regression of counts on year (IRLS): the yearly rate ratio with a Wald interval,
    widened by the Pearson dispersion when the counts vary more than Poisson (quasi-Poisson)."""
    import numpy as np

    x = np.asarray(years, dtype=float)
    y = np.asarray(counts, dtype=float)
    design = np.column_stack([np.ones_like(x), x - x.mean()])
    coef = np.array([np.log(max(y.mean(), 1e-9)), 0.0])
    for _ in range(100):
        mu = np.exp(design @ coef)
        step = np.linalg.solve(design.T @ (design * mu[:, None]), design.T @ (y - mu))
        coef = coef + step
        if np.abs(step).max() < 1e-12:
            break
    mu = np.exp(design @ coef)
    covariance = np.linalg.inv(design.T @ (design * mu[:, None]))
    dispersion = float(((y - mu) ** 2 / mu).sum() / max(len(y) - 2, 1))
    scale = max(dispersion, 1.0)
    se = float(np.sqrt(covariance[1, 1] * scale))
    z = float(norm.ppf(1 - (1 - confidence) / 2))
    method = "quasi-Poisson log-linear, Wald" if dispersion > 1 else "Poisson log-linear, Wald"
    return Trend(float(np.exp(coef[1])), float(np.exp(coef[1] - z * se)), float(np.exp(coef[1] + z * se)),
                 dispersion, method)
