"""Assemble the report (text, tables, figures, metric CSVs) from metric tables; pure, returns bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from pipeline.extract.tidy import spreadsheet_safe
from pipeline.metrics.claims import NEARLY_EVERY, PRIMARY_THRESHOLD, PRIMARY_WINDOW, TOWN_THRESHOLDS
from pipeline.metrics.queries import SMALL_TOWN_MINIMUM
from pipeline.report.render import Banner, Figure, Heading, Paragraph, Table, to_html, to_markdown

TITLE = "Arrests and convictions for selling and buying sex in Connecticut"
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


def metric_csv(frame: pd.DataFrame) -> bytes:
    """Stable bytes: fixed column order, sorted rows, '\\n' line ends, floats to 6 significant digits."""
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n", float_format="%.6g").encode("utf-8")


def _fmt_ci(value: float, lower: float, upper: float, digits: int = 2) -> str:
    return f"{value:.{digits}f} (95% CI {lower:.{digits}f}–{upper:.{digits}f})"


def _percent_change(ratio: float) -> str:
    """A bound that rounds to zero keeps its sign and gets one more digit: -0.01%, not -0.0%."""
    change = (ratio - 1) * 100
    return f"{change:+.2f}%" if change != 0 and round(change, 1) == 0 else f"{change:+.1f}%"


def _trend_sentence(trend: pd.DataFrame) -> str:
    """As strong as the intervals allow: a change is named only when its t interval excludes no change, and an
    interval that only just excludes it is called so."""
    parts = []
    main = trend[trend.years == "all years"]
    for row in main.itertuples(index=False):
        interval = (f"{_percent_change(row.rate_ratio_per_year)} a year, 95% CI {_percent_change(row.ci_lower)} to "
                    f"{_percent_change(row.ci_upper)}, t({int(row.df)}), p = {row.p_value:.3f}")
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
            f"{r.sex} {_percent_change(r.rate_ratio_per_year)} a year, 95% CI {_percent_change(r.ci_lower)} to "
            f"{_percent_change(r.ci_upper)}" for r in sensitivity.itertuples(index=False)) + ")."))
    return f"From {first} to {last}, " + "; ".join(parts) + ". " + tail


def _methods(published_period: str, ucr_years: str, towns: pd.DataFrame, pooled: pd.DataFrame,
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


def _validation_section(validation: pd.DataFrame, warning_rows: pd.DataFrame) -> list:
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
        shown = listed[listed.check == row.check] if "check" in listed else listed
        rest = failing.drop(index=shown.index).groupby("rule").size()
        where = (f"The table above lists {len(shown)} of them; the other {int(rest.sum())} ("
                 + ", ".join(f"{n} {rule}" for rule, n in rest.items())
                 + ") are listed in validation/index.html." if len(rest) else
                 "All of them are listed above." if len(shown) else "They are listed in validation/index.html.")
        blocks.append(Paragraph(f"{row.check}: {row.failed_rows} row(s) fail, softened to a warning by reviewed "
                                f"exceptions ({row.exceptions}). {where}"))
    return blocks


def _tipc_section(tipc_totals: pd.DataFrame) -> list:
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


def _robust(value: float, lower: float, upper: float, exact_lower: float, exact_upper: float) -> str:
    return (f"{value:.2f} (year-clustered 95% CI {lower:.2f}–{upper:.2f}; exact {exact_lower:.2f}–"
            f"{exact_upper:.2f}, which assumes independent arrests)")


def _versus_nation(difference: pd.Series) -> str:
    return ("higher than the nation's" if difference.ci_lower > 0 else "lower than the nation's"
            if difference.ci_upper < 0 else "not distinguishable from the nation's")


def _national_paragraph(context: ReportContext) -> str:
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
            f"{difference.method}): {_versus_nation(difference)}.")
    for window in windows[1:]:
        other = context.versus[(context.versus.years == window)
                               & context.versus.measure.str.startswith("difference")].iloc[0]
        text += (f" Over {window}: {other.value * 100:+.1f} points (95% CI {other.ci_lower * 100:+.1f} to "
                 f"{other.ci_upper * 100:+.1f}), {_versus_nation(other)}.")
    return text


def _reconciliation_sentence(reconciliation: pd.DataFrame) -> str:
    outside = reconciliation[~reconciliation.within_rounding.astype(bool)]
    named = "; ".join(f"{row.group.split(' vs ')[0]}: printed '{row.cell_text}' ({int(row.printed_persons):,}), "
                      f"FBI {int(row.fbi_count):,}" for row in outside.itertuples(index=False))
    return ("Two national sources must agree before anything is loaded: the Statistical Abstract's Table 324 "
            "(2009, printed in thousands) and the FBI bulk files (whole counts). Validation compares every cell "
            f"they share ({len(reconciliation)} here) and stops the run when one differs by more than the printed "
            f"rounding. {len(reconciliation) - len(outside)} agree within it; "
            + (f"outside it, each a reviewed exception shown, not hidden: {named}." if named
               else "none is outside it."))


def _national_alt(national_years: pd.DataFrame) -> str:
    both = national_years.dropna(subset=["national_share", "ct_share"])
    nation = national_years.dropna(subset=["national_share"])
    return (f"Line chart of the share of women among those arrested: nationally {nation.national_share.min():.1%} "
            f"to {nation.national_share.max():.1%} in {int(nation.year.min())}–{int(nation.year.max())}; "
            f"Connecticut above the nation in {int((both.ct_share > both.national_share).sum())} of its "
            f"{len(both)} years.")


def _incomplete_town_years(town_year: pd.DataFrame) -> str:
    rows = town_year[town_year.incomplete.astype(bool)].sort_values(["year", "town"])
    return ", ".join(f"{r.town} {int(r.year)}" for r in rows.itertuples(index=False)) or "none"


VERSION_FILES = ("lineage.json", "MANIFEST.json", "validation/index.html", "validation/results.json")
_FILE_MENTION = re.compile(r"(?<![\w/\[])(?<!\]\()"
                           r"((?:metrics|figures|validation)/[\w.-]+\.\w+|lineage\.json|MANIFEST\.json)")


def _with_links(blocks: list, files: set[str]) -> list:
    """Every mention of a file of this version becomes a link to it (a mention of anything else stays text)."""
    def link(text: str) -> str:
        return _FILE_MENTION.sub(lambda m: f"[{m.group(1)}]({m.group(1)})" if m.group(1) in files else m.group(1),
                                 text)

    return [Paragraph(link(b.text), b.lead) if isinstance(b, Paragraph) else
            Table(b.frame, link(b.caption)) if isinstance(b, Table) else
            Figure(b.png_path, b.png, link(b.caption), b.alt) if isinstance(b, Figure) else b for b in blocks]


def _claims_tables(claims: pd.DataFrame) -> list:
    """One two-column table per claim: seven columns of sentences fit neither a screen nor a page."""
    aspects = {"asserts": "What it asserts", "can_test": "What the data can test",
               "cannot_test": "What they cannot test", "computed": "What ctip computed", "verdict": "Verdict",
               "rule": "Rule behind the verdict"}
    return [Table(pd.DataFrame({"aspect": list(aspects.values()), "reading": [row[c] for c in aspects]}),
                  f"Claim {number}: {row['claim']} (metrics/claims_check.csv)")
            for number, (_, row) in enumerate(claims.iterrows(), 1)]


def _town_verdict(verdict: str) -> str:
    return {"holds": "enough to call it nearly every town",
            "not supported": "clearly short of nearly every town",
            }.get(verdict, "too few towns to tell whether the true share reaches “nearly every”")


def _opening(arrests: pd.Series, convictions: pd.Series, primary: pd.Series, statewide: pd.Series,
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
        caveat = "".join(f" (over {r.years}: {_versus_nation(r)})" for r in others.itertuples(index=False)
                         if _versus_nation(r) != _versus_nation(difference))
        nation = (f" Women were {ct.value:.1%} of those arrested in Connecticut over {ct.years}, against "
                  f"{us.value:.1%} nationally: Connecticut's share was {_versus_nation(difference)}{caveat}.")
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
            f"{int(primary.women_outnumber)} ({primary.share:.0%}), {_town_verdict(primary.verdict)} "
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


def build_report_files(
    published: pd.DataFrame,
    ucr_by_year_sex: pd.DataFrame,
    ucr_ratio: pd.DataFrame,
    town_year: pd.DataFrame,
    tipc_totals: pd.DataFrame,
    sources: pd.DataFrame,
    figure_files: dict[str, bytes],
    validation: pd.DataFrame,
    validation_warnings: pd.DataFrame,
    synthetic: bool,
    town_disparity: pd.DataFrame,
    claims: pd.DataFrame,
    trend: pd.DataFrame,
    coverage: pd.DataFrame,
    decisions: pd.DataFrame,
    context: ReportContext,
) -> dict[str, bytes]:
    files: dict[str, bytes] = dict(figure_files)
    metrics = {
        "published_disparity": published, "ucr_statewide_by_year_sex": ucr_by_year_sex,
        "ucr_female_to_male_by_year": ucr_ratio, "ucr_pooled_ratio": context.pooled, "ucr_town_by_year": town_year,
        "ucr_town_disparity": town_disparity, "claims_check": claims, "claims_sensitivity": context.sensitivity,
        "ucr_trend": trend, "national_female_share": context.national, "ct_versus_nation": context.versus,
        "national_reconciliation": context.reconciliation, "proxy_calibration": context.calibration,
        "ucr_age_race": context.age_race, "ucr_county_rates": context.county_rates,
        "ucr_agency_coverage": coverage, "decision_log": decisions, "sources": sources,
    }
    for name, frame in metrics.items():
        files[f"metrics/{name}.csv"] = metric_csv(frame)
    if not tipc_totals.empty:
        files["metrics/tipc_statewide_totals.csv"] = metric_csv(tipc_totals)

    m = published.set_index("metric")
    arrests, convictions = m.loc["seller_to_buyer_arrests"], m.loc["seller_to_buyer_convictions"]
    years = f"{int(ucr_ratio.year.min())}–{int(ucr_ratio.year.max())}"
    pooled = context.pooled.set_index("window")
    statewide, overlap = pooled.loc["2010-2016"], pooled.loc["2010-2014"]
    with_any = town_disparity[town_disparity.total_arrests > 0]
    larger = with_any[~with_any.small_count].sort_values("town")
    primary = context.sensitivity[context.sensitivity.primary].iloc[0]
    claim = claims.set_index(claims.claim.str.extract(r'"([^"]+)"')[0])
    national_years = context.national[context.national.year >= 2005]
    age_race = (context.age_race.groupby(["breakdown", "group"], as_index=False).arrests.sum()
                .assign(share=lambda f: f.arrests / f.groupby("breakdown").arrests.transform("sum")))

    blocks = []
    if synthetic:
        blocks.append(Banner("SYNTHETIC DATA: at least one input of this report was generated by ctip, not "
                             "published. Sections marked SYNTHETIC describe no real place or person."))
    blocks += [
        *_opening(arrests, convictions, primary, statewide, ucr_ratio, context),
        Heading("The statistics in detail", anchor="statistics"),
        Paragraph(
            f"Published totals, {arrests.period}, statewide ({PUBLISHED_ORIGIN}): {int(arrests.numerator):,} "
            f"arrests for prostitution (CGS 53a-82, sellers) against {int(arrests.denominator):,} for patronizing "
            f"a prostitute (53a-83, buyers), a count ratio of "
            f"{_fmt_ci(arrests.value, arrests.ci_lower, arrests.ci_upper)} (exact); convictions "
            f"{int(convictions.numerator):,} against {int(convictions.denominator):,}, "
            f"{_fmt_ci(convictions.value, convictions.ci_lower, convictions.ci_upper)}. No year split was "
            "published, so these exact intervals cannot account for year-to-year variation (see the claims "
            "check for a sensitivity)."),
        Paragraph(
            "What the claims assert cannot all be tested here: “more than twice as likely” and “almost seven "
            "times more likely” are per-person likelihoods, which need the numbers of people selling and buying "
            f"(verdicts: {claim.loc['more than twice as likely', 'verdict']}; "
            f"{claim.loc['almost seven times more likely to be convicted', 'verdict']}). “In nearly every "
            f"municipality”: in {PRIMARY_WINDOW}, among the {int(primary.towns)} towns with at least "
            f"{PRIMARY_THRESHOLD} UCR arrests, women outnumbered men in {int(primary.women_outnumber)} "
            f"({primary.share:.0%}, 95% CI {primary.ci_lower:.0%}–{primary.ci_upper:.0%}; {int(primary.ties)} "
            f"tie(s)) against a threshold of {NEARLY_EVERY:.0%}: {primary.verdict}."),
        Paragraph(
            f"State police UCR arrest tables, {years}: prostitution and commercialized vice arrests by sex of the "
            "arrestee (a proxy for the role). Women outnumbered men every year; pooled over "
            f"{years}, female : male "
            + _robust(statewide.female_to_male, statewide.robust_lower, statewide.robust_upper,
                      statewide.exact_lower, statewide.exact_upper)
            + f". Over {overlap.name.replace('-', '–')}, the overlap with the Judicial period: "
            + _robust(overlap.female_to_male, overlap.robust_lower, overlap.robust_upper, overlap.exact_lower,
                      overlap.exact_upper)
            + f", beside the published seller : buyer arrest ratio {arrests.value:.2f}. " + _trend_sentence(trend)),
        Paragraph(_national_paragraph(context)),
        Heading("The published claims, checked"),
        *_claims_tables(claims),
        Table(context.sensitivity.drop(columns=["primary"]),
              f"The municipality claim under every window and minimum number of arrests (primary: {PRIMARY_WINDOW}, "
              f"at least {PRIMARY_THRESHOLD}); share of towns where women arrested outnumber men, Clopper-Pearson "
              f"95% interval, verdict against {NEARLY_EVERY:.0%} (metrics/claims_sensitivity.csv)"),
        Figure("figures/published_seller_buyer_2005_2014.png",
               files["figures/published_seller_buyer_2005_2014.png"],
               f"Published {arrests.period} arrests and convictions, sellers (53a-82) and buyers (53a-83).",
               alt=f"Bar chart. Arrests: sellers {int(arrests.numerator):,}, buyers {int(arrests.denominator):,}. "
                   f"Convictions: sellers {int(convictions.numerator):,}, buyers {int(convictions.denominator):,}."),
        Heading(f"Published {arrests.period} figures"),
        Paragraph("These four numbers are " + PUBLISHED_ORIGIN + ". ctip could not obtain the report's tables."),
        Table(published[["metric", "period", "numerator", "denominator", "value", "ci_lower", "ci_upper",
                         "method"]], "Seller / buyer disparities, statewide, exact intervals "
                                     "(metrics/published_disparity.csv)"),
        Heading("Proxy calibration: arrestee's sex against role"),
        Table(context.calibration, "UCR female : male against the published Judicial seller : buyer arrests "
                                   "(metrics/proxy_calibration.csv)"),
        Heading("UCR arrests by sex, statewide"),
        Paragraph(
            "The UCR category 'Prostitution and Commercialized Vice' does not say who sold and who bought; the "
            "arrestee's sex stands in for the role. It is a proxy, not a role: women also buy, men also sell, "
            "and promoters are in the same category."),
        Figure("figures/ucr_arrests_by_year_sex.png", files["figures/ucr_arrests_by_year_sex.png"],
               "Statewide female and male arrests by year, with the female : male ratio.",
               alt="Line chart of statewide arrests by year. Women: " + ", ".join(
                   f"{int(r.year)} {int(r.female_arrests):,}" for r in ucr_ratio.itertuples(index=False))
                   + ". Men: " + ", ".join(f"{int(r.year)} {int(r.male_arrests):,}"
                                           for r in ucr_ratio.itertuples(index=False)) + "."),
        Figure("figures/ucr_ratio_by_year.png", files["figures/ucr_ratio_by_year.png"],
               "Female : male arrest ratio by year with exact 95% intervals (log scale).",
               alt="Female : male arrest ratio by year: " + ", ".join(
                   f"{int(r.year)} {r.female_to_male:.2f}" for r in ucr_ratio.itertuples(index=False)) + "."),
        Table(ucr_ratio, "Female : male arrest ratio by year with exact 95% intervals "
                         "(metrics/ucr_female_to_male_by_year.csv)"),
        Table(context.pooled.drop(columns=["exact_method", "robust_method"]),
              "Pooled female : male: exact interval beside the year-clustered (quasi-binomial, t) interval that "
              "the verdicts use (metrics/ucr_pooled_ratio.csv)"),
        Table(trend, "Change per year in statewide arrests (rate ratio per year, quasi-Poisson GLM with t "
                     "intervals; without 2014 and 2015 as a sensitivity; metrics/ucr_trend.csv)"),
        Table(ucr_by_year_sex[["year", "sex", "printed_statewide", "county_sum", "agency_sum", "statewide",
                               "statewide_basis", "agencies_add_up"]],
              "Reconciliation: the printed statewide figure against the sum of its parts"),
        Paragraph(
            "2014: the published file is truncated after the column 'C.C.S.U.'; later agencies (Groton Town, "
            "Groton Long Point, other universities, State Capitol, State Police Misc., tribal police) are "
            "missing, so agency columns sum to less than the printed statewide figure; 2014 statewide figures "
            "are the printed ones and the 2014 town split is incomplete. 2015: the file has no statewide "
            "column; the statewide figure is the sum of the eight county columns."),
        Heading("Connecticut beside the nation"),
        Paragraph(_national_paragraph(context)),
        Figure("figures/national_female_share.png", files["figures/national_female_share.png"],
               "Women among prostitution and commercialized vice arrestees: the nation (FBI, all ages) and "
               "Connecticut (UCR) with exact 95% intervals.",
               alt=_national_alt(national_years)),
        Table(national_years.drop(columns=["national_sources"]),
              "Female share by year: the nation 2005–2016 (FBI, adults + under-18s) and Connecticut with its exact "
              "interval; difference = Connecticut minus nation, interval Connecticut's (all years 1994–2016: "
              "metrics/national_female_share.csv)"),
        Table(context.versus, "Pooled shares with year-clustered intervals and the mean yearly difference "
                              "(metrics/ct_versus_nation.csv)"),
        Paragraph(_reconciliation_sentence(context.reconciliation)),
        Table(context.reconciliation, "2009: Table 324 against the FBI files, prostitution and commercialized vice "
                                      "(metrics/national_reconciliation.csv)"),
        Heading("Who is arrested: age and race (both sexes together)"),
        Table(age_race, f"UCR arrests {years} by age band and by race, statewide; the UCR age and race rows are "
                        "not split by sex (by year: metrics/ucr_age_race.csv)"),
        Heading(f"Towns with at least {SMALL_TOWN_MINIMUM} arrests, {years}"),
        Paragraph(
            "Listed alphabetically, not ranked: counts this small carry wide uncertainty. A town's count sums "
            "its municipal police and resident state troopers; universities, casinos, tribal and state agencies "
            "are not counted in any town. 'Incomplete years' counts years in which an agency of the town that "
            "reported the year before has no column. The year-clustered interval "
            "is the one to compare with; the exact one assumes independent arrests. The posterior moves each "
            "town's ratio toward the prior's centre, odds "
            f"{town_disparity.prior_mean_odds.iloc[0]:.2f} (the typical town, not the statewide ratio), the more "
            f"so the fewer its arrests; towns with fewer than {SMALL_TOWN_MINIMUM} arrests are in "
            "metrics/ucr_town_disparity.csv (column small_count)."),
        Table(larger[["town", "county", "female_arrests", "male_arrests", "female_to_male", "ci_lower", "ci_upper",
                      "robust_lower", "robust_upper", "posterior_female_to_male", "posterior_lower",
                      "posterior_upper", "incomplete_years"]],
              "Female : male arrests by town: exact and year-clustered 95% intervals, and the empirical-Bayes "
              "posterior mean with its 95% posterior interval (all towns: metrics/ucr_town_disparity.csv; by "
              "year and per 100,000 residents (all sexes): metrics/ucr_town_by_year.csv)"),
        Figure("figures/ucr_town_forest.png", files["figures/ucr_town_forest.png"],
               f"Towns with at least {SMALL_TOWN_MINIMUM} arrests, by county and name (not ranked): raw ratio, "
               "exact and year-clustered intervals (clipped with an arrow at the axis ends) and the posterior mean; "
               "the dashed line is the statewide ratio. Smaller towns' intervals span the whole axis: they are in "
               "metrics/ucr_town_disparity.csv.",
               alt=f"Dot-and-interval chart of the female : male arrest ratio of the {len(larger)} towns with at "
                   f"least {SMALL_TOWN_MINIMUM} arrests, listed by county, against the statewide ratio "
                   f"{statewide.female_to_male:.2f}; the towns' values are in the table above."),
        Figure("figures/ucr_town_rates.png", files["figures/ucr_town_rates.png"],
               "Arrests per 100,000 residents (all sexes) per year, by sex of arrestee, towns with at least "
               f"{SMALL_TOWN_MINIMUM} arrests; incomplete years have no rate.",
               alt=f"Horizontal bar chart: yearly arrests per 100,000 residents of women and of men for each of the "
                   f"{len(larger)} towns with at least {SMALL_TOWN_MINIMUM} arrests (by year: "
                   "metrics/ucr_town_by_year.csv)."),
        Table(context.county_rates, "Arrests per 100,000 residents (all sexes) by county: each year, and over the "
                                    "county's complete years; no rate in a year with an incomplete town "
                                    "(metrics/ucr_county_rates.csv)"),
        Heading("Coverage: which agencies reported in which year"),
        Table(coverage[coverage.years_without_column.notna()],
              "Agencies without a column in some year's file (all agencies: metrics/ucr_agency_coverage.csv). "
              "2014's gaps are the truncation; DMV, tribal police and Ledyard's own police appear later."),
        *_tipc_section(tipc_totals),
        *_validation_section(validation, validation_warnings),
        *_methods(str(arrests.period), years, town_disparity, context.pooled, _incomplete_town_years(town_year)),
        Heading("Decision log"),
        Table(decisions, "Every filter, mapping and exception between the raw files and this report, with the rows "
                         "it kept or set aside (metrics/decision_log.csv)"),
        Heading("Sources", anchor="sources"),
        Table(sources[["source_id", "title", "url", "sha256", "synthetic"]].assign(
                  sha256=sources.sha256.str[:12],
                  url=[f"[{name}]({url})" if isinstance(url, str) and url else name
                       for name, url in zip(sources.filename, sources.url, strict=True)]),
              "Every input, pinned by sha256 (full hashes in MANIFEST.json and metrics/sources.csv)"),
    ]
    blocks = _with_links(blocks, set(files) | set(VERSION_FILES))
    title = f"{TITLE} (SYNTHETIC DEMO)" if synthetic else TITLE
    files["report.md"] = to_markdown(title, blocks).encode("utf-8")
    files["report.html"] = to_html(title, blocks).encode("utf-8")
    return files
