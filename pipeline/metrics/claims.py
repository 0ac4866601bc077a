"""The published claims, each read for what it asserts, what these data can and cannot test, and a verdict by a
stated rule; the municipality claim under every window and threshold (sensitivity)."""

from __future__ import annotations

import pandas as pd

from pipeline.metrics.stats import clopper_pearson, ratio_with_dispersion

SOURCE = ("PCSW analysis of the TIPC annual report (Judicial Branch data), as reported in January 2016 by the "
          "Milford Patch and the Register Citizen; unit (charges, cases or persons) not stated")
NEARLY_EVERY = 0.9  # the share of towns that "nearly every" is taken to mean
TOWN_THRESHOLDS = (1, 5, 10, 20)  # towns with at least this many arrests in the window
PRIMARY_THRESHOLD = 10
# (name, first, last, years left out): the primary window is the overlap with the Judicial period (2005-2014)
TOWN_WINDOWS = (
    ("2010-2014", 2010, 2014, ()),
    ("2010-2013 (complete files only)", 2010, 2013, ()),
    ("2010-2016", 2010, 2016, ()),
    ("2010-2016 without 2014, 2015", 2010, 2016, (2014, 2015)),
)
PRIMARY_WINDOW = TOWN_WINDOWS[0][0]
SHARE_RULE = (f"'nearly every' read as at least {NEARLY_EVERY:.0%} of towns: holds when the whole 95% "
              "Clopper-Pearson interval of the share of towns where women outnumber men lies at or above it, "
              "not supported when the whole interval lies below it, undetermined otherwise; ties count as "
              "towns where women do not outnumber men")


def share_verdict(lower: float, upper: float) -> str:
    if lower >= NEARLY_EVERY:
        return "holds"
    if upper < NEARLY_EVERY:
        return "not supported"
    return "undetermined"


def municipality_sensitivity(town_year: pd.DataFrame) -> pd.DataFrame:
    """For every window and minimum number of arrests: towns where women outnumber men, ties, men outnumber
    women, the share with its exact interval and the verdict by SHARE_RULE."""
    rows = []
    counts = town_year.assign(female=town_year.female_arrests.fillna(0).astype(int),
                              male=town_year.male_arrests.fillna(0).astype(int))
    for name, first, last, excluded in TOWN_WINDOWS:
        chosen = counts[counts.year.between(first, last) & ~counts.year.isin(excluded)]
        towns = chosen.groupby("town")[["female", "male"]].sum()
        towns["total"] = towns.female + towns.male
        incomplete = set(chosen[chosen.incomplete].town)
        for minimum in TOWN_THRESHOLDS:
            shown = towns[towns.total >= minimum]
            women, ties = int((shown.female > shown.male).sum()), int((shown.female == shown.male).sum())
            n = len(shown)
            lower, upper = clopper_pearson(women, n) if n else (float("nan"), float("nan"))
            rows.append({"window": name, "min_arrests": minimum, "towns": n, "women_outnumber": women,
                         "ties": ties, "men_outnumber": n - women - ties, "share": women / n if n else None,
                         "ci_lower": lower, "ci_upper": upper,
                         "towns_with_incomplete_year": len(incomplete & set(shown.index)),
                         "verdict": share_verdict(lower, upper) if n else "no towns",
                         "primary": name == PRIMARY_WINDOW and minimum == PRIMARY_THRESHOLD})
    return pd.DataFrame(rows)


def _fmt(value: float, lower: float, upper: float) -> str:
    return f"{value:.2f} (95% CI {lower:.2f}-{upper:.2f})"


def claims_check(published: pd.DataFrame, pooled: pd.DataFrame, sensitivity: pd.DataFrame) -> pd.DataFrame:
    """Every published claim: what it asserts, what these data can test and cannot, the figures, and a verdict
    by the rule stated beside it."""
    m = published.set_index("metric")
    arrests, convictions = m.loc["seller_to_buyer_arrests"], m.loc["seller_to_buyer_convictions"]
    statewide = pooled.set_index("window").loc["2010-2016"]
    borrowed = ratio_with_dispersion(int(arrests.numerator), int(arrests.denominator), float(statewide.dispersion),
                                     int(statewide.df))
    borrowed_convictions = ratio_with_dispersion(int(convictions.numerator), int(convictions.denominator),
                                                 float(statewide.dispersion), int(statewide.df))
    above_two = "exact and borrowed-dispersion intervals both above 2" if min(arrests.ci_lower, borrowed.lower) > 2 \
        else ("above 2 by the exact interval only; with Connecticut UCR's year-to-year dispersion the interval "
              "reaches below 2") if arrests.ci_lower > 2 else "not above 2 even by the exact interval"
    in_six_seven = convictions.value >= 6 and convictions.value < 7.5
    primary = sensitivity[sensitivity.primary].iloc[0]
    verdicts = sensitivity[sensitivity.min_arrests > 1].verdict
    rows = [{
        "claim": "Sellers were \"more than twice as likely\" to be arrested as buyers",
        "asserts": "a per-person likelihood: a person selling sex is more than twice as likely to be arrested as a "
                   "person buying it",
        "can_test": "the ratio of published arrest counts, 53a-82 against 53a-83, 2005-2014",
        "cannot_test": "per-person risk: no source gives the numbers of people who sell and who buy; nor whether "
                       "the counts are persons, cases or charges",
        "computed": (f"arrest counts {int(arrests.numerator):,} vs {int(arrests.denominator):,}: "
                     f"{_fmt(arrests.value, arrests.ci_lower, arrests.ci_upper)} exact; "
                     f"{borrowed.lower:.2f}-{borrowed.upper:.2f} with the year-to-year dispersion of Connecticut "
                     f"UCR arrests by sex ({statewide.dispersion:.1f}, t({int(statewide.df)}))"),
        "verdict": f"not testable as stated; count ratio: {above_two}",
        "rule": "a per-person claim needs per-person denominators (none: not testable); the count reading is "
                "'above 2' when the whole interval lies above 2",
    }, {
        "claim": "Sellers were \"almost seven times more likely to be convicted\"",
        "asserts": "a per-person likelihood of conviction (or, read loosely, a ratio of conviction counts)",
        "can_test": "the ratio of published conviction counts, 2005-2014",
        "cannot_test": "conviction once arrested: convictions in 2005-2014 include arrests before 2005, so they are "
                       "not a subset of these arrests (convictions / arrests is no conviction rate); per-person "
                       "likelihood needs the numbers of sellers and buyers",
        "computed": (f"conviction counts {int(convictions.numerator):,} vs {int(convictions.denominator):,}: "
                     f"{_fmt(convictions.value, convictions.ci_lower, convictions.ci_upper)} exact; "
                     f"{borrowed_convictions.lower:.2f}-{borrowed_convictions.upper:.2f} with borrowed dispersion"),
        "verdict": "not testable as stated; count ratio consistent with 'almost seven'" if in_six_seven
        else "not testable as stated; count ratio not 'almost seven'",
        "rule": "count reading: 'almost seven' means a ratio from 6 up to 7.5; the point estimate must lie there",
    }, {
        "claim": "The pattern holds \"in nearly every Connecticut municipality\"",
        "asserts": "a share of municipalities: in at least ~90% of towns more sellers than buyers were arrested",
        "can_test": ("with the arrestee's sex standing in for the role (UCR), the share of towns where women "
                     "arrested outnumber men, among towns with enough arrests to tell, 2010-2014 (the overlap with "
                     "the Judicial period)"),
        "cannot_test": "Judicial Branch arrests by role and town (no town figures were published); 2005-2009; "
                       "towns with a handful of arrests, whose majority is chance",
        "computed": (f"{PRIMARY_WINDOW}, towns with at least {PRIMARY_THRESHOLD} arrests: women outnumbered men "
                     f"in {int(primary.women_outnumber)} of {int(primary.towns)} ({primary.share:.0%}, 95% CI "
                     f"{primary.ci_lower:.0%}-{primary.ci_upper:.0%}); {int(primary.ties)} tie(s), "
                     f"{int(primary.men_outnumber)} where men outnumbered women; other windows and thresholds: "
                     f"{', '.join(f'{v} {n}' for v, n in verdicts.value_counts().sort_index().items())} "
                     "(sensitivity table)"),
        "verdict": primary.verdict,
        "rule": SHARE_RULE + f"; primary reading {PRIMARY_WINDOW}, at least {PRIMARY_THRESHOLD} arrests",
    }]
    frame = pd.DataFrame(rows)
    frame.insert(1, "source", SOURCE)
    return frame
