"""Figures as bytes (PNG and SVG), byte-identical for identical data: no dates, fixed salt, bundled font."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

STYLE = {
    "font.family": "DejaVu Sans",  # ships with matplotlib, so every machine draws the same glyphs
    "font.size": 10,
    "svg.hashsalt": "ctip",
    "svg.fonttype": "path",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
UCR_SOURCE = "Source: CT DESPP UCR arrests by reporting agency (Prostitution and Commercialized Vice), via ctip."
PUBLISHED_SOURCE = "Source: CT Judicial Branch via TIPC annual report, as published by PCSW (Jan 2016); ctip."


def _save(figure: plt.Figure, stem: str, synthetic: bool) -> dict[str, bytes]:
    if synthetic:
        figure.text(0.5, 0.5, "SYNTHETIC DATA", fontsize=40, color="0.6", alpha=0.4,
                    ha="center", va="center", rotation=30)
    outputs = {}
    for fmt, metadata in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, dpi=150, metadata=metadata)
        outputs[f"figures/{stem}.{fmt}"] = buffer.getvalue()
    plt.close(figure)
    return outputs


def ucr_arrests_by_year_sex(by_year: pd.DataFrame, synthetic: bool = False) -> dict[str, bytes]:
    """Statewide female and male arrests by year; markers and line styles keep it readable in greyscale."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.5, 4.2))
        axes.plot(by_year.year, by_year.female_arrests, color="black", marker="o", label="Female arrestees")
        axes.plot(by_year.year, by_year.male_arrests, color="0.45", marker="s", linestyle="--",
                  label="Male arrestees")
        for row in by_year.itertuples(index=False):
            axes.annotate(f"{row.female_to_male:.2f}", (row.year, row.female_arrests),
                          textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
        axes.set_xticks(by_year.year)
        axes.set_ylim(bottom=0)
        axes.set_xlabel("Year of arrest")
        axes.set_ylabel("Arrests (persons, per year)")
        axes.set_title("Connecticut prostitution arrests by sex of arrestee (UCR), female : male ratio above")
        axes.legend(frameon=False, loc="upper right")
        figure.text(0.01, 0.01, UCR_SOURCE + " Sex stands in for seller/buyer role.\n2015 has no printed "
                    "statewide column: its figure is the sum of the county columns.", fontsize=7, color="0.3")
        figure.tight_layout(rect=(0, 0.07, 1, 1))
        return _save(figure, "ucr_arrests_by_year_sex", synthetic)


def published_seller_buyer(published: pd.DataFrame, synthetic: bool = False) -> dict[str, bytes]:
    """Published 2005-2014 seller and buyer arrests and convictions, with conviction per arrest."""
    value = dict(zip(published.metric, published.value, strict=True))
    numerators = dict(zip(published.metric, published.numerator, strict=True))
    denominators = dict(zip(published.metric, published.denominator, strict=True))
    seller = [numerators["seller_to_buyer_arrests"], numerators["seller_to_buyer_convictions"]]
    buyer = [denominators["seller_to_buyer_arrests"], denominators["seller_to_buyer_convictions"]]
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.5, 4.2))
        positions = [0, 1]
        axes.bar([p - 0.2 for p in positions], seller, width=0.4, color="0.25", label="Seller (53a-82)")
        axes.bar([p + 0.2 for p in positions], buyer, width=0.4, color="white", edgecolor="black", hatch="//",
                 label="Buyer (53a-83)")
        for p, s, b in zip(positions, seller, buyer, strict=True):
            axes.text(p - 0.2, s, f"{int(s):,}", ha="center", va="bottom", fontsize=8)
            axes.text(p + 0.2, b, f"{int(b):,}", ha="center", va="bottom", fontsize=8)
        axes.set_xticks(positions, ["Arrests", "Convictions"])
        axes.set_ylabel("Count, 2005-2014 total")
        axes.set_title("Connecticut 2005-2014: sellers and buyers arrested and convicted")
        axes.legend(frameon=False)
        note = (f"Convicted per arrest: sellers {value['seller_convictions_per_arrest']:.1%}, "
                f"buyers {value['buyer_convictions_per_arrest']:.1%} "
                f"(ratio {value['seller_to_buyer_convictions_per_arrest']:.2f})")
        axes.text(0.98, 0.6, note, transform=axes.transAxes, ha="right", fontsize=8)
        figure.text(0.01, 0.01, PUBLISHED_SOURCE, fontsize=7, color="0.3")
        figure.tight_layout(rect=(0, 0.04, 1, 1))
        return _save(figure, "published_seller_buyer_2005_2014", synthetic)


def _log_ratio_axis(axes, limits: tuple[float, float]) -> None:
    axes.set_xscale("log")
    axes.set_xlim(*limits)
    ticks = [t for t in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100) if limits[0] <= t <= limits[1]]
    axes.set_xticks(ticks, [f"{t:g}" for t in ticks])
    axes.axvline(1, color="0.6", linewidth=0.8, linestyle=":")


def ucr_ratio_by_year(ratio: pd.DataFrame, synthetic: bool = False) -> dict[str, bytes]:
    """Female : male ratio by year with exact 95% intervals (log scale: 2x and 0.5x look equally far)."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.5, 4.2))
        lower = ratio.female_to_male - ratio.ci_lower
        upper = ratio.ci_upper - ratio.female_to_male
        axes.errorbar(ratio.year, ratio.female_to_male, yerr=[lower, upper], fmt="o", color="black", capsize=4,
                      label="female : male arrests, exact 95% interval")
        axes.set_yscale("log")
        ticks = [1, 2, 3, 5, 7, 10]
        axes.set_yticks(ticks, [f"{t:g}" for t in ticks])
        axes.set_ylim(0.9, 12)
        axes.axhline(1, color="0.6", linewidth=0.8, linestyle=":")
        axes.set_xticks(ratio.year)
        axes.set_xlabel("Year of arrest")
        axes.set_ylabel("Female : male arrest ratio (log scale)")
        axes.set_title("Women arrested per man arrested, Connecticut UCR, by year")
        axes.legend(frameon=False, loc="lower right")
        figure.text(0.01, 0.01, UCR_SOURCE + " Sex stands in for seller/buyer role.", fontsize=7, color="0.3")
        figure.tight_layout(rect=(0, 0.04, 1, 1))
        return _save(figure, "ucr_ratio_by_year", synthetic)


FOREST_LIMITS = (0.1, 50.0)


def _forest_panel(axes, shown: pd.DataFrame, limits: tuple[float, float]) -> None:
    """One row per town, top to bottom in the frame's order: the exact interval (thick), the year-clustered one
    (thin, wider), the raw ratio (square) and the posterior mean (circle); an interval or point beyond the axis
    ends in an arrow at the edge instead of running off it."""
    low_edge, high_edge = limits
    for y, row in enumerate(shown.itertuples(index=False)):
        y = len(shown) - 1 - y
        for lower, upper, width, colour in ((row.robust_lower, row.robust_upper, 0.8, "0.35"),
                                            (row.ci_lower, row.ci_upper, 2.2, "0.55")):
            if pd.isna(lower) or pd.isna(upper):
                continue
            axes.plot([max(lower, low_edge), min(upper, high_edge)], [y, y], color=colour, linewidth=width,
                      solid_capstyle="butt")
            if upper > high_edge:
                axes.plot(high_edge, y, marker=">", color=colour, markersize=4)
            if lower < low_edge:
                axes.plot(low_edge, y, marker="<", color=colour, markersize=4)
        raw = row.female_to_male
        axes.plot(min(max(raw, low_edge), high_edge), y, marker="s", markersize=4, color="black",
                  markerfacecolor="black" if low_edge <= raw <= high_edge else "white")
        axes.plot(row.posterior_female_to_male, y, marker="o", markersize=4, color="black", markerfacecolor="none")
    _log_ratio_axis(axes, limits)
    axes.set_yticks(range(len(shown)), [f"{t} ({c})" for t, c in zip(shown.town[::-1], shown.county[::-1],
                                                                        strict=True)], fontsize=6.5)
    axes.set_ylim(-1, len(shown))


def town_forest(towns: pd.DataFrame, statewide_ratio: float, synthetic: bool = False) -> dict[str, bytes]:
    """Towns with at least 10 arrests, by county then name (never ranked); intervals clipped at the axis end with
    an arrow. Towns with fewer arrests are left out: their intervals span the whole axis and drowned the towns
    that can be compared (they are in metrics/ucr_town_disparity.csv)."""
    shown = towns[(towns.total_arrests > 0) & ~towns.small_count].sort_values(["county", "town"])
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.5, 1.9 + 0.22 * max(len(shown), 1)))
        _forest_panel(axes, shown.reset_index(drop=True), FOREST_LIMITS)
        axes.axvline(statewide_ratio, color="black", linewidth=0.8, linestyle="--")
        axes.set_title("Towns with at least 10 arrests, by county (square: raw ratio; circle: posterior mean;\n"
                       "thick: exact 95% interval; thin: year-clustered 95% interval)", fontsize=9)
        axes.set_xlabel("Female : male arrests, all UCR years (log scale)\ndashed: statewide; arrow: interval "
                        "beyond the axis; hollow square: ratio beyond it", fontsize=8)
        figure.text(0.01, 0.005, UCR_SOURCE + " Sex stands in for seller/buyer role.", fontsize=7, color="0.3")
        figure.tight_layout(rect=(0, 0.02, 1, 1))
        return _save(figure, "ucr_town_forest", synthetic)


def town_rates(town_year: pd.DataFrame, towns: pd.DataFrame, synthetic: bool = False) -> dict[str, bytes]:
    """Mean yearly arrests per 100,000 residents (all sexes), women and men arrested, for towns with enough
    arrests to show, alphabetically; years with an incomplete count have no rate and are left out."""
    larger = set(towns[~towns.small_count & (towns.total_arrests > 0)].town)
    data = town_year[town_year.town.isin(larger)].groupby("town", as_index=False).agg(
        female=("female_per_100k_residents", "mean"), male=("male_per_100k_residents", "mean")
    ).sort_values("town", ascending=False)
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.5, 1.4 + 0.22 * len(data)))
        y = range(len(data))
        axes.barh([v + 0.2 for v in y], data.female, height=0.4, color="0.25", label="female arrestees")
        axes.barh([v - 0.2 for v in y], data.male, height=0.4, color="white", edgecolor="black", hatch="//",
                  label="male arrestees")
        axes.set_yticks(list(y), data.town, fontsize=7)
        axes.set_xlabel("Arrests per 100,000 residents (all sexes) per year, mean of complete UCR years")
        axes.set_title("Towns with at least 10 arrests: yearly arrest rate by sex of arrestee")
        axes.legend(frameon=False, loc="lower right")
        figure.text(0.01, 0.005, UCR_SOURCE + "\nPopulation: DPH estimates of all residents (not split by sex).",
                    fontsize=7, color="0.3")
        figure.tight_layout(rect=(0, 0.035, 1, 1))
        return _save(figure, "ucr_town_rates", synthetic)


NATIONAL_SOURCE = ("Sources: FBI Crime Data Explorer, national arrests by age, sex and race (counts reported by "
                   "participating agencies,\nadults + under-18s); CT DESPP UCR arrests; ctip.")


def national_female_share(by_year: pd.DataFrame, first_year: int = 2005, synthetic: bool = False) -> dict[str, bytes]:
    """The nation's female share by year beside Connecticut's with exact 95% intervals."""
    nation = by_year[by_year.year >= first_year].dropna(subset=["national_share"])
    ct = by_year.dropna(subset=["ct_share"])
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7.5, 4.2))
        axes.plot(nation.year, 100 * nation.national_share, color="0.45", marker="s", linestyle="--",
                  label="United States (FBI, reporting agencies)")
        axes.errorbar(ct.year, 100 * ct.ct_share, yerr=[100 * (ct.ct_share - ct.ct_lower),
                                                        100 * (ct.ct_upper - ct.ct_share)],
                      fmt="o", color="black", capsize=3, label="Connecticut (state police UCR), exact 95% interval")
        axes.set_ylim(50, 100)
        axes.set_xticks(list(nation.year), [str(int(y)) for y in nation.year], fontsize=8)
        axes.set_xlabel("Year of arrest")
        axes.set_ylabel("Women among arrestees (%)")
        axes.set_title("Prostitution and commercialized vice arrests: share of women,\nConnecticut and the nation",
                       fontsize=10)
        axes.legend(frameon=False, loc="lower left")
        figure.text(0.01, 0.01, NATIONAL_SOURCE + " Sex stands in for role in both.", fontsize=7, color="0.3")
        figure.tight_layout(rect=(0, 0.07, 1, 1))
        return _save(figure, "national_female_share", synthetic)
