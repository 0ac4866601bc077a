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
            axes.annotate(f"{row.female_to_male:.1f}x", (row.year, row.female_arrests),
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
