"""Assemble the report (text, tables, figures, metric CSVs) from metric tables; pure, returns bytes."""

from __future__ import annotations

import pandas as pd

from pipeline.extract.tidy import spreadsheet_safe
from pipeline.metrics.queries import SMALL_TOWN_MINIMUM
from pipeline.report.render import Banner, Figure, Heading, Paragraph, Table, to_html, to_markdown

TITLE = "ctip: arrests and convictions for selling and buying sex in Connecticut"


def metric_csv(frame: pd.DataFrame) -> bytes:
    """Stable bytes: fixed column order, sorted rows, '\\n' line ends, floats to 6 significant digits."""
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n", float_format="%.6g").encode("utf-8")


def _fmt_ci(value: float, lower: float, upper: float, digits: int = 2) -> str:
    return f"{value:.{digits}f} (95% CI {lower:.{digits}f}–{upper:.{digits}f})"


def _trend_sentence(trend: pd.DataFrame) -> str:
    parts = []
    for row in trend.itertuples(index=False):
        change = (row.rate_ratio_per_year - 1) * 100
        parts.append(f"{row.sex} arrests changed by {change:+.1f}% a year (95% CI "
                     f"{(row.ci_lower - 1) * 100:+.1f}% to {(row.ci_upper - 1) * 100:+.1f}%)")
    first, last = int(trend.first_year.min()), int(trend.last_year.max())
    return f"From {first} to {last}, statewide " + " and ".join(parts) + "."


def _methods(published_period: str, ucr_years: str) -> list:
    return [
        Heading("Methods"),
        Paragraph("Statutes: CGS 53a-82 (prostitution) is counted as the seller's offence, 53a-83 (patronizing a "
                  "prostitute) as the buyer's (raw/reference/statutes.csv). The UCR category 'Prostitution and "
                  "Commercialized Vice' covers sellers, buyers and promoters alike: the arrestee's sex stands in for "
                  "the role, a proxy and not a role."),
        Paragraph("Ratios of two counts (a / b) carry the exact conditional interval: given a + b, a is binomial, "
                  "and the Clopper-Pearson bounds of a / (a + b) are mapped to the ratio. Convictions per arrest "
                  "are Clopper-Pearson proportions; their ratio uses the Katz log interval. Convictions in a period "
                  "can stem from arrests before it, so convictions per arrest is an approximation, and "
                  "'almost seven times' compares conviction counts, not the chance of conviction once arrested."),
        Paragraph("Towns: a town's UCR count sums its municipal police and resident state troopers. Town ratios "
                  "are shown raw (exact interval) and shrunk toward the statewide ratio with an empirical-Bayes "
                  "beta-binomial prior fitted to all towns with an arrest; towns with fewer than "
                  f"{SMALL_TOWN_MINIMUM} arrests are flagged and not compared. The share of towns where women "
                  "outnumber men is tested with an exact sign test. Trends are log-linear Poisson regressions of "
                  "statewide counts on year, widened by the Pearson dispersion (quasi-Poisson) when it exceeds 1. "
                  "Rates per 100,000 use DPH population estimates for the same year."),
        Heading("Limitations"),
        Paragraph(f"The Judicial Branch figures are four published statewide totals for {published_period}; no TIPC "
                  "report table could be obtained, so no town or year split of sellers and buyers exists here. The "
                  f"UCR files cover {ucr_years}, count arrests by sex rather than role, and have known defects (2014 "
                  "truncated, 2015 without a statewide column, see Validation). Small counts make most town "
                  "ratios uncertain; arrests reflect policing choices as much as behaviour."),
    ]


def _validation_section(validation: pd.DataFrame, warning_rows: pd.DataFrame) -> list:
    warnings = validation[validation.result == "warning"]
    blocks = [Heading("Validation"), Paragraph(
        f"{len(validation)} checks (Great Expectations) ran on every count before it was loaded: "
        f"{int((validation.result == 'passed').sum())} passed, {len(warnings)} passed with warnings. Errors would "
        "have stopped the run. Every failing row: validation/index.html and validation/results.json.")]
    if not warning_rows.empty and "group" in warning_rows:
        headline = warning_rows[warning_rows.group.isin(["Prostit F", "Prostit M"])
                                | (warning_rows.rule == "breakdowns_agree")]
        blocks.append(Table(
            headline[["source_id", "rule", "group", "printed_total", "parts_sum", "gap", "location", "exception"]],
            "Known defects of the sources, reported as warnings (sex totals and breakdown disagreements; "
            "exceptions in raw/validation_exceptions.yaml)"))
    for row in warnings.itertuples(index=False):
        blocks.append(Paragraph(f"{row.check}: {row.failed_rows} row(s) fail, softened by {row.exceptions}."))
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
) -> dict[str, bytes]:
    files: dict[str, bytes] = dict(figure_files)
    files["metrics/published_disparity.csv"] = metric_csv(published)
    files["metrics/ucr_statewide_by_year_sex.csv"] = metric_csv(ucr_by_year_sex)
    files["metrics/ucr_female_to_male_by_year.csv"] = metric_csv(ucr_ratio)
    files["metrics/ucr_town_by_year.csv"] = metric_csv(town_year)
    files["metrics/ucr_town_disparity.csv"] = metric_csv(town_disparity)
    files["metrics/claims_check.csv"] = metric_csv(claims)
    files["metrics/ucr_trend.csv"] = metric_csv(trend)
    files["metrics/ucr_agency_coverage.csv"] = metric_csv(coverage)
    files["metrics/decision_log.csv"] = metric_csv(decisions)
    files["metrics/sources.csv"] = metric_csv(sources)
    if not tipc_totals.empty:
        files["metrics/tipc_statewide_totals.csv"] = metric_csv(tipc_totals)

    m = published.set_index("metric")
    arrests, convictions = m.loc["seller_to_buyer_arrests"], m.loc["seller_to_buyer_convictions"]
    seller_rate, buyer_rate = m.loc["seller_convictions_per_arrest"], m.loc["buyer_convictions_per_arrest"]
    rate_ratio = m.loc["seller_to_buyer_convictions_per_arrest"]
    years = f"{int(ucr_ratio.year.min())}–{int(ucr_ratio.year.max())}"
    with_any = town_disparity[town_disparity.total_arrests > 0]
    female_more = int((with_any.female_arrests > with_any.male_arrests).sum())
    larger = with_any[~with_any.small_count].sort_values("town")

    blocks = []
    if synthetic:
        blocks.append(Banner("SYNTHETIC DATA: at least one input of this report was generated by ctip, not "
                             "published. Sections marked SYNTHETIC describe no real place or person."))
    blocks += [
        Heading("Summary"),
        Paragraph(
            f"Published Judicial Branch totals, {arrests.period} (statewide): {int(arrests.numerator):,} arrests for "
            f"prostitution (CGS 53a-82, sellers) against {int(arrests.denominator):,} for patronizing a "
            f"prostitute (53a-83, buyers): sellers were arrested "
            f"{_fmt_ci(arrests.value, arrests.ci_lower, arrests.ci_upper)} times as often. "
            f"Convictions: {int(convictions.numerator):,} against {int(convictions.denominator):,}, a ratio of "
            f"{_fmt_ci(convictions.value, convictions.ci_lower, convictions.ci_upper)}."),
        Paragraph(
            f"\"Almost seven times more likely to be convicted\" compares conviction counts. Per arrest, "
            f"{seller_rate.value:.1%} of seller arrests and {buyer_rate.value:.1%} of buyer arrests ended in a "
            f"conviction: sellers were {_fmt_ci(rate_ratio.value, rate_ratio.ci_lower, rate_ratio.ci_upper)} "
            f"times as likely to be convicted once arrested ({rate_ratio.method}). Convictions in the period can "
            "stem from arrests before it."),
        Paragraph(
            f"State police UCR arrest tables, {years}: prostitution and commercialized vice arrests by sex of the "
            f"arrestee. Women outnumbered men every year (female : male "
            f"{ucr_ratio.female_to_male.min():.1f} to {ucr_ratio.female_to_male.max():.1f}). "
            f"{len(with_any)} of 169 towns recorded at least one arrest over {years}; in {female_more} of them "
            "women arrested outnumbered men. " + _trend_sentence(trend)),
        Heading("The published claims, checked"),
        Table(claims[["claim", "published", "computed", "verdict", "rule"]],
              "Claims check (metrics/claims_check.csv); verdicts follow the stated rule"),
        Figure("figures/published_seller_buyer_2005_2014.png",
               files["figures/published_seller_buyer_2005_2014.png"],
               f"Published {arrests.period} arrests and convictions, sellers (53a-82) and buyers (53a-83)."),
        Heading(f"Published {arrests.period} figures"),
        Table(published[["metric", "period", "numerator", "denominator", "value", "ci_lower", "ci_upper",
                         "method"]], "Seller / buyer disparities, statewide (metrics/published_disparity.csv)"),
        Heading("UCR arrests by sex, statewide"),
        Paragraph(
            "The UCR category 'Prostitution and Commercialized Vice' does not say who sold and who bought; the "
            "arrestee's sex stands in for the role. It is a proxy, not a role: women also buy, men also sell, "
            "and promoters are in the same category."),
        Figure("figures/ucr_arrests_by_year_sex.png", files["figures/ucr_arrests_by_year_sex.png"],
               "Statewide female and male arrests by year, with the female : male ratio."),
        Figure("figures/ucr_ratio_by_year.png", files["figures/ucr_ratio_by_year.png"],
               "Female : male arrest ratio by year with exact 95% intervals (log scale)."),
        Table(ucr_ratio, "Female : male arrest ratio by year with exact 95% intervals "
                         "(metrics/ucr_female_to_male_by_year.csv)"),
        Table(trend, "Change per year in statewide arrests (rate ratio per year; metrics/ucr_trend.csv). "
                     "Dispersion above 1 means the counts vary more than Poisson; the interval is widened for it."),
        Table(ucr_by_year_sex[["year", "sex", "printed_statewide", "county_sum", "agency_sum", "statewide",
                               "statewide_basis", "agencies_add_up"]],
              "Reconciliation: the printed statewide figure against the sum of its parts"),
        Paragraph(
            "2014: the published file is truncated after the column 'C.C.S.U.'; later agencies (Groton Town, "
            "Groton Long Point, other universities, State Capitol, State Police Misc., tribal police) are "
            "missing, so agency columns sum to less than the printed statewide figure; 2014 statewide figures "
            "are the printed ones and the 2014 town split is incomplete. 2015: the file has no statewide "
            "column; the statewide figure is the sum of the eight county columns."),
        Heading(f"Towns with at least {SMALL_TOWN_MINIMUM} arrests, {years}"),
        Paragraph(
            "Listed alphabetically, not ranked: counts this small carry wide uncertainty. A town's count sums "
            "its municipal police and resident state troopers; universities, casinos, tribal and state agencies "
            "are not counted in any town. 'incomplete_years' counts years in which an agency of the town that "
            "reported the year before has no column. 'shrunk' moves each town's ratio toward the statewide one "
            "(empirical Bayes beta-binomial), the more so the fewer its arrests; towns with fewer than "
            f"{SMALL_TOWN_MINIMUM} arrests are in metrics/ucr_town_disparity.csv, flagged small_count."),
        Table(larger[["town", "county", "female_arrests", "male_arrests", "female_to_male", "ci_lower", "ci_upper",
                      "shrunk_female_to_male", "shrunk_lower", "shrunk_upper", "incomplete_years"]],
              "Female : male arrests by town with exact 95% intervals, raw and shrunk (all towns: "
              "metrics/ucr_town_disparity.csv; by year and per 100,000: metrics/ucr_town_by_year.csv)"),
        Figure("figures/ucr_town_forest.png", files["figures/ucr_town_forest.png"],
               "Every town with an arrest: raw ratio with its exact interval and the shrunk ratio; small towns "
               "hollow. Sorted by the shrunk ratio."),
        Figure("figures/ucr_town_rates.png", files["figures/ucr_town_rates.png"],
               "Arrests per 100,000 residents per year, by sex, towns with at least "
               f"{SMALL_TOWN_MINIMUM} arrests."),
        Heading("Coverage: which agencies reported in which year"),
        Table(coverage[coverage.years_without_column.notna()],
              "Agencies without a column in some year's file (all agencies: metrics/ucr_agency_coverage.csv). "
              "2014's gaps are the truncation; DMV, tribal police and Ledyard's own police appear later."),
        *_tipc_section(tipc_totals),
        *_validation_section(validation, validation_warnings),
        *_methods(str(arrests.period), years),
        Heading("Decision log"),
        Table(decisions, "Every filter, mapping and exception between the raw files and this report, with the rows "
                         "it kept or set aside (metrics/decision_log.csv)"),
        Heading("Sources"),
        Table(sources[["source_id", "title", "sha256", "synthetic"]].assign(sha256=sources.sha256.str[:12]),
              "Every input, pinned by sha256 (full hashes in MANIFEST.json and metrics/sources.csv)"),
    ]
    title = f"{TITLE} (SYNTHETIC DEMO)" if synthetic else TITLE
    files["report.md"] = to_markdown(title, blocks).encode("utf-8")
    files["report.html"] = to_html(title, blocks).encode("utf-8")
    return files
