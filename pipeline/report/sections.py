"""The report's sections as blocks of text and tables, each from the metric tables it describes; pure."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.metrics.claims import NEARLY_EVERY, PRIMARY_THRESHOLD, PRIMARY_WINDOW, TOWN_THRESHOLDS
from pipeline.report.render import Heading, Paragraph, Table

PUBLISHED_ORIGIN = ("totals published in news coverage (Milford Patch, New Haven Register / Register Citizen, "
                    "January 2016) of the Permanent Commission on the Status of Women's analysis of the Trafficking "
                    "in Persons Council annual report, whose data came from the Connecticut Judicial Branch; "
                    "whether they count charges, cases or persons is not stated")


@dataclass(frozen=True)
class ReportContext:
    """The metric tables behind the robust intervals, the claims' sensitivity and the national comparison."""

    pooled: pd.DataFrame
    sensitivity: pd.DataFrame
    national: pd.DataFrame
    versus: pd.DataFrame
    reconciliation: pd.DataFrame
    calibration: pd.DataFrame
    age_race: pd.DataFrame
    county_rates: pd.DataFrame


def fmt_ci(value: float, lower: float, upper: float, digits: int = 2) -> str:
    return f"{value:.{digits}f} (95% CI {lower:.{digits}f}–{upper:.{digits}f})"


def percent_change(ratio: float) -> str:
    """A bound that rounds to zero keeps its sign and gets one more digit: -0.01%, not -0.0%."""
    change = (ratio - 1) * 100
    return f"{change:+.2f}%" if change != 0 and round(change, 1) == 0 else f"{change:+.1f}%"


def trend_sentence(trend: pd.DataFrame) -> str:
    """As strong as the intervals allow: a change is named only when its t interval excludes no change, and an
    interval that only just excludes it is called so."""
    parts = []
    main = trend[trend.years == "all years"]
    for row in main.itertuples(index=False):
        interval = (f"{percent_change(row.rate_ratio_per_year)} a year, 95% CI {percent_change(row.ci_lower)} to "
                    f"{percent_change(row.ci_upper)}, t({int(row.df)}), p = {row.p_value:.3f}")
        if row.ci_lower <= 1 <= row.ci_upper:
            parts.append(f"{row.sex} arrests show no change distinguishable from none ({interval})")
        else:
            direction = "fell" if row.rate_ratio_per_year < 1 else "rose"
            barely = (", an interval that only just excludes no change" if
                      min(abs(row.ci_lower - 1), abs(row.ci_upper - 1)) < 0.01 else "")
            parts.append(f"{row.sex} arrests {direction} ({interval}{barely})")
    first, last = int(main.first_year.min()), int(main.last_year.max())
    sensitivity = trend[trend.years != "all years"]
    robust = all(r.ci_lower > 1 or r.ci_upper < 1 for r in sensitivity.itertuples(index=False))
    tail = ("Without the defective 2014 and 2015 files " + (
        "the changes remain distinguishable from none." if robust else
        "neither trend is distinguishable from no change (" + "; ".join(
            f"{r.sex} {percent_change(r.rate_ratio_per_year)} a year, 95% CI {percent_change(r.ci_lower)} to "
            f"{percent_change(r.ci_upper)}" for r in sensitivity.itertuples(index=False)) + ")."))
    return f"From {first} to {last}, " + "; ".join(parts) + ". " + tail


def methods(published_period: str, ucr_years: str, towns: pd.DataFrame, pooled: pd.DataFrame,
             incomplete: str) -> list:
    prior = towns.iloc[0]
    statewide = pooled.set_index("window").loc["2010-2016"]
    return [
        Heading("Methods"),
        Paragraph("Statutes: CGS 53a-82 (prostitution) is counted as the seller's offence, 53a-83 (patronizing a "
                  "prostitute) as the buyer's (raw/reference/statutes.csv). The UCR category 'Prostitution and "
                  "Commercialized Vice' covers sellers, buyers and promoters alike: the arrestee's sex stands in for "
                  "the role, a proxy and not a role. The Judicial figures are " + PUBLISHED_ORIGIN + "."),
        Paragraph("Exact ratio of two counts (a / b): given a + b, a is binomial; the Clopper-Pearson bounds of "
                  "a / (a + b) (scipy.stats.beta quantiles) are mapped to the ratio. Assumes every arrest "
                  "independent of every other; arrests come in operations, so it is too narrow for counts pooled "
                  "over years and is shown only beside the year-clustered interval."),
        Paragraph("Year-clustered interval (used by every verdict and the summary): for a ratio pooled over years, "
                  "an intercept-only binomial GLM of each year's share a / (a + b), weighted by its arrests, with the "
                  "scale estimated by Pearson chi-square / df (quasi-binomial; floored at 1) and a t interval on "
                  "years - 1 df (statsmodels GLM, scale from pearson_chi2, use_t=True). Each year is one cluster: "
                  "the interval widens by how much the yearly shares vary beyond binomial sampling (statewide "
                  f"2010-2016 the dispersion is {statewide.dispersion:.1f}, chi-square "
                  f"{statewide.dispersion * statewide.df:.0f} on {int(statewide.df)} df). Chosen over a year-block "
                  "bootstrap because with five to seven years a bootstrap has too few distinct resamples and its "
                  "percentile interval is too narrow; over a "
                  "beta-binomial because a dispersion with t reference needs no distributional assumption beyond "
                  "the variance. Assumes the years are exchangeable (no trend in the share) and that a town's "
                  "years, few as they are, say how much it varies; a town with arrests in one year only has no "
                  "year-clustered interval. Totals without a year split (the Judicial figures) cannot have one; "
                  "as a sensitivity the claims check borrows the statewide UCR dispersion."),
        Paragraph("Convictions per arrest are Clopper-Pearson proportions and their ratio a Katz log interval "
                  "(statsmodels Table2x2.riskratio_confint); convictions in 2005-2014 include arrests before "
                  "2005, so these are not conviction rates and no verdict rests on them."),
        Paragraph("Trend: a log-linear GLM of statewide yearly counts on year (statsmodels GLM, Poisson family) "
                  "with the scale estimated by Pearson chi-square / df (quasi-Poisson, floored at 1) and Wald "
                  "intervals and p-values from t on n - 2 df (use_t=True): with seven years the dispersion rests "
                  "on 5 df, where z would overstate certainty. Sensitivity: the same without 2014 (truncated "
                  "file) and 2015 (no statewide column)."),
        Paragraph("Shrinkage: a beta prior for a town's female share fitted by maximum likelihood to every town "
                  "with an arrest (beta-binomial; scipy.optimize.minimize, BFGS on log alpha, log beta); the fit "
                  "raises an error instead of returning when the optimiser fails, the gradient is not zero, or "
                  "the maximum lies at infinite precision (towns no more varied than binomial). Fitted: alpha "
                  f"{prior.prior_alpha:.2f}, beta {prior.prior_beta:.2f} ({int(prior.prior_fit_iterations)} "
                  f"iterations): the prior is centred on odds {prior.prior_mean_odds:.2f} (95% interval "
                  f"{prior.prior_mean_odds_lower:.2f}-{prior.prior_mean_odds_upper:.2f}), the typical town's, "
                  f"not on the statewide ratio ({statewide.female_to_male:.2f}), and weighs "
                  f"{prior.prior_precision:.1f} pseudo-arrests ({prior.prior_precision_lower:.1f}-"
                  f"{prior.prior_precision_upper:.1f}); the intervals come from {prior.prior_bootstrap} "
                  f"({int(prior.prior_bootstrap_failed)} failed to converge). The posterior intervals shown treat "
                  "the prior as known, so they are somewhat too narrow; they describe a town's ratio, they do not "
                  "rank towns."),
        Paragraph(f"The municipality claim: towns with at least {', '.join(map(str, TOWN_THRESHOLDS))} arrests in "
                  "each window; the share of towns where women arrested outnumber men with its Clopper-Pearson "
                  f"interval against the {NEARLY_EVERY:.0%} that 'nearly every' is taken to mean; ties count as "
                  "not outnumbering. Connecticut beside the nation: each year's female share (Clopper-Pearson for "
                  "Connecticut; the national counts are so large that their sampling error is negligible); the "
                  "pooled shares with year-clustered intervals; the mean yearly difference with a t interval on "
                  "the years (statsmodels OLS on a constant)."),
        Paragraph("Rates: arrests per 100,000 residents (all sexes): DPH population estimates are not split by "
                  "sex, so female and male arrest rates share one denominator. A town-year in which an agency of "
                  f"the town has no column ({incomplete}) has no rate; county rates sum their towns and have no "
                  "rate in a year with an incomplete town. Age and race distributions are of all arrestees, since "
                  "the UCR rows are not split by sex."),
        Heading("Limitations"),
        Paragraph(f"The Judicial Branch figures are four published statewide totals for {published_period}; no TIPC "
                  "report table could be obtained, so no town or year split of sellers and buyers exists here, and "
                  "no per-person likelihood can be computed from any source. The "
                  f"UCR files cover {ucr_years}, count arrests by sex rather than role, and have known defects (2014 "
                  "truncated, 2015 without a statewide column, see Validation). The FBI national counts come from "
                  "the agencies that reported each year, not national estimates, and coverage changes between "
                  "years. Small counts make most town ratios uncertain; arrests reflect policing choices as much "
                  "as behaviour."),
    ]


def validation_section(validation: pd.DataFrame, warning_rows: pd.DataFrame) -> list:
    """Every count said here matches what is listed, or says where the rest are."""
    warnings = validation[validation.result == "warning"]
    blocks = [Heading("Validation"), Paragraph(
        f"{len(validation)} checks (Great Expectations) ran on every count before it was loaded: "
        f"{int((validation.result == 'passed').sum())} passed, {len(warnings)} passed with warnings. Errors would "
        "have stopped the run. Every failing row, with its file, page and row: [the validation report]"
        "(validation/index.html) and validation/results.json.")]
    listed = warning_rows.iloc[0:0]
    if not warning_rows.empty and "group" in warning_rows:
        listed = warning_rows[warning_rows.group.isin(["Prostit F", "Prostit M"])
                              | warning_rows.rule.isin(["breakdowns_agree", "national_sources_agree"])]
        blocks.append(Table(
            listed[["source_id", "rule", "group", "printed_total", "parts_sum", "gap", "location", "exception"]],
            "Known defects of the sources, reported as warnings (sex totals, breakdown disagreements and the "
            "national sources' disagreement; exceptions in raw/validation_exceptions.yaml)"))
    for row in warnings.itertuples(index=False):
        failing = warning_rows[warning_rows.check == row.check] if "check" in warning_rows else warning_rows.iloc[0:0]
        if row.check == "tables_read":  # accepted refusals: their counts are in no number of this report
            blocks.append(Table(failing[["source_id", "where", "reason", "exception"]],
                                f"Tables the reader could not read, accepted by reviewed exceptions "
                                f"({row.exceptions}): none of their counts is in this report"))
            continue
        shown = listed[listed.check == row.check] if "check" in listed else listed
        rest = failing.drop(index=shown.index).groupby("rule").size()
        where = (f"The table above lists {len(shown)} of them; the other {int(rest.sum())} ("
                 + ", ".join(f"{n} {rule}" for rule, n in rest.items())
                 + ") are listed in validation/index.html." if len(rest) else
                 "All of them are listed above." if len(shown) else "They are listed in validation/index.html.")
        blocks.append(Paragraph(f"{row.check}: {row.failed_rows} row(s) fail, softened to a warning by reviewed "
                                f"exceptions ({row.exceptions}). {where}"))
    return blocks


def tipc_section(tipc_totals: pd.DataFrame) -> list:
    if tipc_totals.empty:
        return []
    blocks = [Heading("TIPC report tables")]
    if tipc_totals.synthetic.any():
        blocks.append(Paragraph(
            "SYNTHETIC: the TIPC report read here was generated by ctip (no real report could be obtained). Its "
            "statewide totals were set to the published figures; every town and year count is "
            "invented. Nothing in this section describes Connecticut."))
    blocks.append(Paragraph(
        "Each table's town and state police rows summed statewide, beside the total the report prints. "
        "Suppressed cells (printed '*' or '†') are not counted, so a sum can fall short of the printed total."))
    blocks.append(Table(tipc_totals, "TIPC tables summed statewide (metrics/tipc_statewide_totals.csv)"))
    return blocks


def robust(value: float, lower: float, upper: float, exact_lower: float, exact_upper: float) -> str:
    return (f"{value:.2f} (year-clustered 95% CI {lower:.2f}–{upper:.2f}; exact {exact_lower:.2f}–"
            f"{exact_upper:.2f}, which assumes independent arrests)")


def versus_nation(difference: pd.Series) -> str:
    return ("higher than the nation's" if difference.ci_lower > 0 else "lower than the nation's"
            if difference.ci_upper < 0 else "not distinguishable from the nation's")


def national_paragraph(context: ReportContext) -> str:
    windows = list(dict.fromkeys(context.versus.years))
    if not windows:
        return ("Is Connecticut unusual? Not answered in this version: the manifest lists no national source "
                "covering at least two of the UCR years.")
    versus = context.versus[context.versus.years == windows[0]].set_index("measure")
    ct, nation = versus.loc["Connecticut female share (UCR)"], versus.loc["national female share (FBI)"]
    difference = versus.loc["difference, Connecticut minus nation (mean of years)"]
    national = context.national.dropna(subset=["national_share"])
    first = national[national.year >= 2005]
    span = (f"{first.national_share.min():.1%} to {first.national_share.max():.1%} in "
            f"{int(first.year.min())}–{int(first.year.max())}")
    text = (f"Is Connecticut unusual? Women were {ct.value:.1%} of Connecticut's prostitution and commercialized "
            f"vice arrestees over {ct.years} (year-clustered 95% CI {ct.ci_lower:.1%}–{ct.ci_upper:.1%}); "
            f"nationally (FBI counts from reporting agencies) {nation.value:.1%} over the same years "
            f"({span}). Connecticut's share was on average {difference.value * 100:+.1f} percentage points from "
            f"the nation's (95% CI {difference.ci_lower * 100:+.1f} to {difference.ci_upper * 100:+.1f}, "
            f"{difference.method}): {versus_nation(difference)}.")
    for window in windows[1:]:
        other = context.versus[(context.versus.years == window)
                               & context.versus.measure.str.startswith("difference")].iloc[0]
        text += (f" Over {window}: {other.value * 100:+.1f} points (95% CI {other.ci_lower * 100:+.1f} to "
                 f"{other.ci_upper * 100:+.1f}), {versus_nation(other)}.")
    return text


def reconciliation_sentence(reconciliation: pd.DataFrame) -> str:
    outside = reconciliation[~reconciliation.within_rounding.astype(bool)]
    named = "; ".join(f"{row.group.split(' vs ')[0]}: printed '{row.cell_text}' ({int(row.printed_persons):,}), "
                      f"FBI {int(row.fbi_count):,}" for row in outside.itertuples(index=False))
    return ("Two national sources must agree before anything is loaded: the Statistical Abstract's Table 324 "
            "(2009, printed in thousands) and the FBI bulk files (whole counts). Validation compares every cell "
            f"they share ({len(reconciliation)} here) and stops the run when one differs by more than the printed "
            f"rounding. {len(reconciliation) - len(outside)} agree within it; "
            + (f"outside it, each a reviewed exception shown, not hidden: {named}." if named
               else "none is outside it."))


def national_alt(national_years: pd.DataFrame) -> str:
    both = national_years.dropna(subset=["national_share", "ct_share"])
    nation = national_years.dropna(subset=["national_share"])
    return (f"Line chart of the share of women among those arrested: nationally {nation.national_share.min():.1%} "
            f"to {nation.national_share.max():.1%} in {int(nation.year.min())}–{int(nation.year.max())}; "
            f"Connecticut above the nation in {int((both.ct_share > both.national_share).sum())} of its "
            f"{len(both)} years.")


def incomplete_town_years(town_year: pd.DataFrame) -> str:
    rows = town_year[town_year.incomplete.astype(bool)].sort_values(["year", "town"])
    return ", ".join(f"{r.town} {int(r.year)}" for r in rows.itertuples(index=False)) or "none"


def claims_tables(claims: pd.DataFrame) -> list:
    """One two-column table per claim: seven columns of sentences fit neither a screen nor a page."""
    aspects = {"asserts": "What it asserts", "can_test": "What the data can test",
               "cannot_test": "What they cannot test", "computed": "What ctip computed", "verdict": "Verdict",
               "rule": "Rule behind the verdict"}
    return [Table(pd.DataFrame({"aspect": list(aspects.values()), "reading": [row[c] for c in aspects]}),
                  f"Claim {number}: {row['claim']} (metrics/claims_check.csv)")
            for number, (_, row) in enumerate(claims.iterrows(), 1)]


def town_verdict(verdict: str) -> str:
    return {"holds": "enough to call it nearly every town",
            "not supported": "clearly short of nearly every town",
            }.get(verdict, "too few towns to tell whether the true share reaches “nearly every”")


def opening(arrests: pd.Series, convictions: pd.Series, primary: pd.Series, statewide: pd.Series,
             ucr_ratio: pd.DataFrame, context: ReportContext) -> list:
    """What was claimed, what the data show, what they cannot show: for readers who stop here."""
    years = f"{int(ucr_ratio.year.min())}–{int(ucr_ratio.year.max())}"
    every_year = (", and more women than men in every year" if (ucr_ratio.female_arrests > ucr_ratio.male_arrests).all()
                  else "")
    windows = list(dict.fromkeys(context.versus.years))
    nation = ""
    if windows:
        versus = context.versus[context.versus.years == windows[0]].set_index("measure")
        ct, us = versus.loc["Connecticut female share (UCR)"], versus.loc["national female share (FBI)"]
        difference = versus.loc["difference, Connecticut minus nation (mean of years)"]
        others = context.versus[(context.versus.years != windows[0])
                                & context.versus.measure.str.startswith("difference")]
        caveat = "".join(f" (over {r.years}: {versus_nation(r)})" for r in others.itertuples(index=False)
                         if versus_nation(r) != versus_nation(difference))
        nation = (f" Women were {ct.value:.1%} of those arrested in Connecticut over {ct.years}, against "
                  f"{us.value:.1%} nationally: Connecticut's share was {versus_nation(difference)}{caveat}.")
    return [
        Heading("In brief", anchor="in-brief"),
        Heading("What was claimed", level=3),
        Paragraph(
            f"In January 2016 the Permanent Commission on the Status of Women said that in "
            f"Connecticut, {arrests.period}, people who sell sex were “more than twice as likely” to be arrested as "
            f"people who buy it, “almost seven times” as likely to be convicted, and that this held “in nearly "
            f"every Connecticut municipality”. The figures behind it, from the Judicial Branch: "
            f"{int(arrests.numerator):,} arrests of sellers against {int(arrests.denominator):,} of buyers, and "
            f"{int(convictions.numerator):,} convictions against {int(convictions.denominator):,}.", lead=True),
        Heading("What the data show", level=3),
        Paragraph(
            f"The published counts do give those ratios: {arrests.value:.2f} arrests of "
            f"sellers for every arrest of a buyer, {convictions.value:.2f} convictions of sellers for every "
            f"conviction of a buyer. Police arrest counts for {years} (every department's Uniform Crime "
            "Reports to the state), which record whether the person arrested was a woman or a man rather than "
            "seller or buyer, point the same way: "
            f"{statewide.female_to_male:.2f} women arrested for every man{every_year}.{nation} "
            "Town by town it is less certain: "
            f"in {PRIMARY_WINDOW}, of the "
            f"{int(primary.towns)} towns with at least {PRIMARY_THRESHOLD} arrests, women outnumbered men in "
            f"{int(primary.women_outnumber)} ({primary.share:.0%}), {town_verdict(primary.verdict)} "
            f"({NEARLY_EVERY:.0%} of towns).", lead=True),
        Heading("What the data cannot show", level=3),
        Paragraph(
            "Whether a person who sells sex is more likely to be arrested than a "
            "person who buys it: that needs the number of people selling and buying, which no source counts, so "
            "“more than twice as likely” and “almost seven times” cannot be tested as stated; only the ratios of "
            "counts can. The police arrest counts give the sex of the person arrested, not the role: women also "
            "buy, men also sell. The published totals do not say whether they count people, cases or charges, "
            "and no town figures were published for them. Arrests reflect where and how police enforce the law as "
            "much as what people do.", lead=True),
        Paragraph(
            "Every number above, with its uncertainty: [the statistics in detail](#statistics). How each input "
            "was checked: [the validation report](validation/index.html). Each table's data: the CSV file named "
            "in its caption; every count traced to its source file, page and row: lineage.json; every file of "
            "this report with its sha256: MANIFEST.json; the inputs and where they were fetched: "
            "[the sources](#sources)."),
    ]
