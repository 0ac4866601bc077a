"""Estimators for counts, ratios and proportions; pure functions, no I/O.

Exact intervals come from scipy; models with an estimated scale (quasi-binomial, quasi-Poisson), the Katz
interval and t-based means from statsmodels; the beta-binomial prior is a scipy maximum-likelihood fit that
refuses to return when it does not converge. Every function names its method in what it returns, so the report
can say which estimator produced which number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy.stats import beta, binomtest

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Estimate:
    value: float
    lower: float
    upper: float
    method: str


def integer_counts(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """DuckDB hands nullable sums to pandas as floats; counts are integers with nulls (never silently 0)."""
    return frame.astype({column: "Int64" for column in columns})


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
    Assumes every arrest independent of every other: too narrow when arrests come in operations.
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
    """Ratio of two proportions (k1/n1) / (k2/n2) with the Katz log interval (approximate, large counts);
    statsmodels Table2x2.riskratio_confint."""
    from statsmodels.stats.contingency_tables import Table2x2

    if min(k1, k2) <= 0 or k1 > n1 or k2 > n2:
        raise ValueError(f"Katz interval needs 0 < k <= n: {k1}/{n1}, {k2}/{n2}")
    table = Table2x2(np.array([[k1, n1 - k1], [k2, n2 - k2]], dtype=float))
    lower, upper = table.riskratio_confint(alpha=1 - confidence)
    return Estimate(float(table.riskratio), float(lower), float(upper), "Katz log (approximate)")


def sign_test(successes: int, trials: int) -> float:
    """Two-sided exact binomial test of p = 1/2 (e.g. towns where women outnumber men, among towns with a
    difference)."""
    return float(binomtest(successes, trials, 0.5).pvalue) if trials else math.nan


# --- pooled over years: quasi-binomial ------------------------------------------------------------------------

QUASI_BINOMIAL = "quasi-binomial over years (Pearson scale, t)"


@dataclass(frozen=True)
class PooledRatio:
    """A ratio pooled over years with an interval that lets the years differ more than binomial sampling."""

    value: float
    lower: float
    upper: float
    dispersion: float  # Pearson chi2 / df of the yearly shares; 1 = no more variation than binomial
    years: int  # years with at least one arrest (clusters)
    method: str


def pooled_ratio_over_years(numerators: list[int], denominators: list[int],
                            confidence: float = 0.95) -> PooledRatio:
    """a : b pooled over years, each year one cluster: an intercept-only binomial GLM of a / (a + b) by year with
    the scale estimated from the Pearson chi2 of the yearly shares (quasi-binomial, floored at 1, so never
    narrower than binomial) and a t interval on (years - 1) degrees of freedom (statsmodels GLM, scale='X2',
    use_t). The point estimate equals the pooled count ratio sum(a) / sum(b).

    Not estimable (nan bounds) with fewer than two years with an arrest, or when every arrest is of one kind.
    """
    import statsmodels.api as sm

    a, b = np.asarray(numerators, dtype=float), np.asarray(denominators, dtype=float)
    if a.shape != b.shape or (a < 0).any() or (b < 0).any():
        raise ValueError("need two equally long lists of non-negative counts")
    keep = (a + b) > 0
    a, b = a[keep], b[keep]
    if a.sum() + b.sum() == 0:
        raise ValueError("no counts in any year")
    value = math.inf if b.sum() == 0 else float(a.sum() / b.sum())
    if len(a) < 2:
        return PooledRatio(value, math.nan, math.nan, math.nan, len(a), "not estimable (one year with arrests)")
    if a.sum() == 0 or b.sum() == 0:
        return PooledRatio(value, math.nan, math.nan, math.nan, len(a), "not estimable (every arrest of one kind)")
    trials = a + b  # shares weighted by arrests: the two-column form of endog would misstate the Pearson scale
    model = sm.GLM(a / trials, np.ones((len(a), 1)), family=sm.families.Binomial(), var_weights=trials)
    start = [math.log(a.sum() / b.sum())]  # the maximum itself (intercept-only): IRLS only confirms it
    binomial = model.fit(start_params=start, scale=1.0)
    dispersion = float(binomial.pearson_chi2 / binomial.df_resid)  # what scale="X2" estimates
    fitted = model.fit(start_params=start, scale=max(dispersion, 1.0), use_t=True)
    low, high = fitted.conf_int(alpha=1 - confidence)[0]
    return PooledRatio(value, float(math.exp(low)), float(math.exp(high)), dispersion, len(a), QUASI_BINOMIAL)


def ratio_with_dispersion(numerator: int, denominator: int, dispersion: float, df: int,
                          confidence: float = 0.95) -> Estimate:
    """a : b with the variance of its log inflated by a dispersion estimated elsewhere, t on its df: a sensitivity
    for totals without a year split (what their interval would be if their years varied as another series' do).
    Equals pooled_ratio_over_years when the dispersion and df are that series' own."""
    from scipy.stats import t as student_t

    if numerator <= 0 or denominator <= 0:
        raise ValueError("need two positive counts")
    value = numerator / denominator
    half = float(student_t.ppf(1 - (1 - confidence) / 2, df)) * math.sqrt(
        max(dispersion, 1.0) * (1 / numerator + 1 / denominator))
    return Estimate(value, value * math.exp(-half), value * math.exp(half),
                    f"log ratio, variance x {max(dispersion, 1.0):.2f} (borrowed), t({df})")


def mean_with_t_interval(values: list[float], confidence: float = 0.95) -> Estimate:
    """Mean of yearly values with a t interval on (n - 1) df (statsmodels OLS on a constant): each year is one
    observation, so between-year variation sets the width."""
    import statsmodels.api as sm

    y = np.asarray(values, dtype=float)
    if len(y) < 2:
        raise ValueError("a t interval needs at least two values")
    fitted = sm.OLS(y, np.ones((len(y), 1))).fit()
    low, high = fitted.conf_int(alpha=1 - confidence)[0]
    return Estimate(float(fitted.params[0]), float(low), float(high), f"mean of years, t({len(y) - 1}) interval")


# --- shrinkage: beta-binomial empirical Bayes -----------------------------------------------------------------

class FitDidNotConverge(RuntimeError):
    """An optimiser stopped without a maximum: its numbers must not reach a report."""


@dataclass(frozen=True)
class BetaPrior:
    alpha: float
    beta: float
    iterations: int = 0
    log_likelihood: float = math.nan

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    @property
    def precision(self) -> float:
        """alpha + beta: how many pseudo-arrests the prior weighs."""
        return self.alpha + self.beta


PRECISION_LIMIT = 1e5  # beyond this the likelihood is flat: the towns vary no more than binomial (no prior to fit)


def fit_beta_binomial(successes: list[int], trials: list[int]) -> BetaPrior:
    """Maximum-likelihood Beta prior for many small binomial counts (empirical Bayes), by BFGS on log(alpha),
    log(beta) (scipy.optimize.minimize).

    Raises FitDidNotConverge when the optimiser reports failure, the gradient is not ~0 at the end, or the
    precision runs past PRECISION_LIMIT (towns no more varied than binomial: the maximum lies at infinity).
    """
    from scipy.optimize import minimize
    from scipy.special import betaln, xlogy

    k, n = np.asarray(successes, dtype=float), np.asarray(trials, dtype=float)
    if len(k) < 2 or (n <= 0).any() or (k < 0).any() or (k > n).any():
        raise ValueError("need at least two units with 0 <= successes <= trials, trials > 0")

    def negative_log_likelihood(log_params: np.ndarray) -> float:
        a, b = np.exp(log_params)
        return -float(np.sum(betaln(k + a, n - k + b) - betaln(a, b)))  # binomial coefficients are constant

    share = float(np.clip(k.sum() / n.sum(), 0.01, 0.99))
    start = np.log([2 * share, 2 * (1 - share)])
    fitted = minimize(negative_log_likelihood, start, method="BFGS", options={"gtol": 1e-6, "maxiter": 500})
    a, b = np.exp(fitted.x)
    # BFGS may stop on "precision loss" at the maximum itself; the gradient says whether it is one
    stopped = not fitted.success and fitted.status != 2
    if stopped or not np.all(np.isfinite(fitted.x)) or np.abs(fitted.jac).max() > 1e-3:
        raise FitDidNotConverge(f"beta-binomial fit did not converge ({fitted.message}; alpha={a:.4g}, "
                                f"beta={b:.4g}, {fitted.nit} iterations)")
    p = k.sum() / n.sum()  # the binomial model is the prior's limit as alpha + beta grows without bound
    binomial = float(np.sum(xlogy(k, p) + xlogy(n - k, 1 - p)))
    if a + b > PRECISION_LIMIT or -fitted.fun <= binomial + 1e-6:
        raise FitDidNotConverge(f"beta-binomial fit ran off to alpha + beta = {a + b:.3g}: the units vary no more "
                                "than binomial sampling, so there is no prior to estimate")
    return BetaPrior(float(a), float(b), int(fitted.nit), float(-fitted.fun))


@dataclass(frozen=True)
class PriorUncertainty:
    mean_odds: tuple[float, float]
    precision: tuple[float, float]
    replicates: int
    failed: int  # replicates whose fit did not converge (left out, counted)
    seed: int


def beta_prior_uncertainty(successes: list[int], trials: list[int], replicates: int = 200, seed: int = 20160128,
                           confidence: float = 0.95) -> PriorUncertainty:
    """Percentile intervals of the prior's mean odds and precision by resampling units (towns) with replacement,
    fixed seed; replicates that do not converge are counted, not hidden."""
    rng = np.random.default_rng(seed)
    k, n = np.asarray(successes), np.asarray(trials)
    odds, precision, failed = [], [], 0
    for _ in range(replicates):
        pick = rng.integers(0, len(k), len(k))
        try:
            prior = fit_beta_binomial(k[pick].tolist(), n[pick].tolist())
        except FitDidNotConverge:
            failed += 1
            continue
        odds.append(prior.alpha / prior.beta)
        precision.append(prior.precision)
    if not odds:
        raise FitDidNotConverge("no bootstrap replicate of the beta-binomial fit converged")
    tail = 100 * (1 - confidence) / 2
    quantile = lambda values: tuple(float(q) for q in np.percentile(values, [tail, 100 - tail]))  # noqa: E731
    return PriorUncertainty(quantile(odds), quantile(precision), replicates, failed, seed)


def shrunk_ratio(successes: int, trials: int, prior: BetaPrior, confidence: float = 0.95) -> Estimate:
    """Posterior mean of p mapped to odds p / (1 - p), with the equal-tailed posterior interval, under the
    fitted Beta prior: small towns move toward the prior's centre (odds alpha / beta, the typical town, not the
    statewide ratio) instead of being ranked on noise. The interval treats the prior as known."""
    a, b = prior.alpha + successes, prior.beta + trials - successes
    mean_p = a / (a + b)
    alpha = 1 - confidence
    low, high = float(beta.ppf(alpha / 2, a, b)), float(beta.ppf(1 - alpha / 2, a, b))
    return Estimate(mean_p / (1 - mean_p), low / (1 - low), high / (1 - high),
                    "empirical-Bayes beta-binomial posterior")


# --- trend: quasi-Poisson GLM ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Trend:
    rate_ratio_per_year: float
    lower: float
    upper: float
    dispersion: float
    df: int
    p_value: float
    method: str


def poisson_trend(years: list[int], counts: list[int], confidence: float = 0.95) -> Trend:
    """Log-linear regression of yearly counts on year: the rate ratio per year.

    statsmodels GLM, Poisson family, scale = Pearson chi2 / df (quasi-Poisson; floored at 1), Wald test and
    interval from t on the residual df (n - 2): with seven years the dispersion is estimated on 5 df, and z would
    overstate the certainty.
    """
    import statsmodels.api as sm

    x = np.asarray(years, dtype=float)
    y = np.asarray(counts, dtype=float)
    if len(y) < 3:
        raise ValueError("a trend with an estimated scale needs at least three years")
    design = np.column_stack([np.ones_like(x), x - x.mean()])
    model = sm.GLM(y, design, family=sm.families.Poisson())
    dispersion = float(model.fit(scale="X2").scale)
    fitted = model.fit(scale=max(dispersion, 1.0), use_t=True)
    low, high = fitted.conf_int(alpha=1 - confidence)[1]
    df = int(fitted.df_resid)
    method = f"quasi-Poisson GLM, t({df})" if dispersion > 1 else f"Poisson GLM (dispersion <= 1), t({df})"
    return Trend(float(math.exp(fitted.params[1])), float(math.exp(low)), float(math.exp(high)), dispersion, df,
                 float(fitted.pvalues[1]), method)
