"""Assemble the report (text, tables, figures, metric CSVs) from metric tables; pure, returns bytes."""

from __future__ import annotations

import pandas as pd

from pipeline.report.render import Figure, Heading, Paragraph, Table, to_html, to_markdown

TITLE = "ctip: arrests and convictions for selling and buying sex in Connecticut"
SMALL_TOWN_MINIMUM = 10  # towns with fewer arrests over the period are listed, never compared


def metric_csv(frame: pd.DataFrame) -> bytes:
    """Stable bytes: fixed column order, sorted rows, '\\n' line ends, floats to 6 significant digits."""
    return frame.to_csv(index=False, lineterminator="\n", float_format="%.6g").encode("utf-8")


def _fmt_ci(value: float, lower: float, upper: float, digits: int = 2) -> str:
    return f"{value:.{digits}f} (95% CI {lower:.{digits}f}–{upper:.{digits}f})"


def town_summary(town_year: pd.DataFrame) -> pd.DataFrame:
    totals = (town_year.groupby(["town", "county"], as_index=False)
              .agg(female_arrests=("female_arrests", "sum"), male_arrests=("male_arrests", "sum"),
                   incomplete_years=("incomplete", "sum")))
    totals["total_arrests"] = totals.female_arrests + totals.male_arrests
    return totals


def build_report_files(
    published: pd.DataFrame,
    ucr_by_year_sex: pd.DataFrame,
    ucr_ratio: pd.DataFrame,
    town_year: pd.DataFrame,
    sources: pd.DataFrame,
    figure_files: dict[str, bytes],
    synthetic: bool,
) -> dict[str, bytes]:
    files: dict[str, bytes] = dict(figure_files)
    towns = town_summary(town_year)
    files["metrics/published_disparity.csv"] = metric_csv(published)
    files["metrics/ucr_statewide_by_year_sex.csv"] = metric_csv(ucr_by_year_sex)
    files["metrics/ucr_female_to_male_by_year.csv"] = metric_csv(ucr_ratio)
    files["metrics/ucr_town_by_year.csv"] = metric_csv(town_year)
    files["metrics/ucr_town_totals.csv"] = metric_csv(towns)
    files["metrics/sources.csv"] = metric_csv(sources)

    m = published.set_index("metric")
    arrests, convictions = m.loc["seller_to_buyer_arrests"], m.loc["seller_to_buyer_convictions"]
    seller_rate, buyer_rate = m.loc["seller_convictions_per_arrest"], m.loc["buyer_convictions_per_arrest"]
    rate_ratio = m.loc["seller_to_buyer_convictions_per_arrest"]
    years = f"{int(ucr_ratio.year.min())}–{int(ucr_ratio.year.max())}"
    with_any = towns[towns.total_arrests > 0]
    female_more = int((with_any.female_arrests > with_any.male_arrests).sum())
    larger = with_any[with_any.total_arrests >= SMALL_TOWN_MINIMUM].sort_values("town")

    blocks = []
    if synthetic:
        blocks.append(Paragraph("SYNTHETIC DATA: at least one input of this report is generated, not real. "
                                "No number here describes Connecticut."))
    blocks += [
        Heading("Summary"),
        Paragraph(
            f"Published Judicial Branch totals, 2005–2014 (statewide): {int(arrests.numerator):,} arrests for "
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
            "women arrested outnumbered men."),
        Figure("figures/published_seller_buyer_2005_2014.png",
               files["figures/published_seller_buyer_2005_2014.png"],
               "Published 2005–2014 arrests and convictions, sellers (53a-82) and buyers (53a-83)."),
        Heading("Published 2005–2014 figures"),
        Table(published[["metric", "period", "numerator", "denominator", "value", "ci_lower", "ci_upper",
                         "method"]], "Seller / buyer disparities, statewide (metrics/published_disparity.csv)"),
        Heading("UCR arrests by sex, statewide"),
        Paragraph(
            "The UCR category 'Prostitution and Commercialized Vice' does not say who sold and who bought; the "
            "arrestee's sex stands in for the role. It is a proxy, not a role: women also buy, men also sell, "
            "and promoters are in the same category."),
        Figure("figures/ucr_arrests_by_year_sex.png", files["figures/ucr_arrests_by_year_sex.png"],
               "Statewide female and male arrests by year, with the female : male ratio."),
        Table(ucr_ratio, "Female : male arrest ratio by year with exact 95% intervals "
                         "(metrics/ucr_female_to_male_by_year.csv)"),
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
            "reported the year before has no column."),
        Table(larger[["town", "county", "female_arrests", "male_arrests", "total_arrests", "incomplete_years"]],
              "Town totals (all towns: metrics/ucr_town_totals.csv; by year and per 100,000: "
              "metrics/ucr_town_by_year.csv)"),
        Heading("Sources"),
        Table(sources[["source_id", "title", "sha256", "synthetic"]].assign(sha256=sources.sha256.str[:12]),
              "Every input, pinned by sha256 (full hashes in MANIFEST.json and metrics/sources.csv)"),
    ]
    files["report.md"] = to_markdown(TITLE, blocks).encode("utf-8")
    files["report.html"] = to_html(TITLE, blocks).encode("utf-8")
    return files
