"""Human names for the metric tables' columns: the CSVs keep their snake_case, readers see words."""

from __future__ import annotations

COLUMN_LABELS = {
    "agencies_add_up": "Agencies add up", "agency": "Agency", "agency_sum": "Sum of agencies", "arrests": "Arrests",
    "arrests_affected": "Arrests affected", "arrests_per_100k_residents": "Arrests per 100,000 residents",
    "asserts": "What it asserts", "breakdown": "Breakdown", "can_test": "What the data can test",
    "cannot_test": "What they cannot test", "cell_text": "Printed cell", "claim": "Claim",
    "computed": "What ctip computed", "county": "County", "county_sum": "Sum of counties",
    "ct_female": "CT women", "ct_male": "CT men", "ct_share": "CT female share", "decision": "Decision",
    "denominator": "Denominator", "df": "Degrees of freedom", "difference": "Difference",
    "dispersion": "Dispersion", "exception": "Reviewed exception", "fbi_count": "FBI count",
    "female_arrests": "Women arrested", "female_share": "Female share", "female_to_male": "Female : male",
    "first_year": "First year", "gap": "Gap", "group": "Group", "incomplete": "Incomplete",
    "incomplete_towns": "Incomplete towns", "incomplete_years": "Incomplete years", "jurisdiction": "Jurisdiction",
    "jurisdiction_type": "Jurisdiction type", "last_year": "Last year", "location": "Where in the file",
    "male_arrests": "Men arrested", "measure": "Measure", "men_outnumber": "Towns where men outnumber",
    "method": "Method", "metric": "Metric", "min_arrests": "Minimum arrests", "n_years": "Number of years",
    "national_female": "US women", "national_male": "US men", "national_share": "US female share",
    "note": "Note", "numerator": "Numerator", "p_value": "p-value", "parts_sum": "Sum of parts",
    "period": "Period", "population": "Population", "posterior_female_to_male": "Posterior female : male",
    "printed_persons": "Printed (persons)", "printed_statewide": "Printed statewide",
    "printed_total": "Printed total", "rate_ratio_per_year": "Rate ratio per year", "ratio": "Ratio",
    "reason": "Reason", "rows_dropped": "Rows set aside", "rows_kept": "Rows kept", "rule": "Rule",
    "series": "Series", "sex": "Sex", "sha256": "sha256 (first 12)", "share": "Share", "source_id": "Source",
    "stage": "Stage", "statewide": "Statewide", "statewide_basis": "Statewide figure from", "step": "Step",
    "synthetic": "Synthetic", "ties": "Ties", "title": "Title", "tolerance": "Tolerance", "town": "Town",
    "towns": "Towns", "towns_with_incomplete_year": "Towns with an incomplete year", "url": "Where it was fetched",
    "value": "Value", "verdict": "Verdict", "window": "Period", "within_rounding": "Within rounding",
    "women_outnumber": "Towns where women outnumber", "year": "Year", "years": "Years",
    "years_with_column": "Years with a column", "years_without_column": "Years without a column",
}

# Pairs of bound columns shown as one "lower–upper" column under this name.
INTERVAL_LABELS = {
    "ci": "95% CI", "exact": "Exact 95% CI", "robust": "Year-clustered 95% CI", "posterior": "95% posterior interval",
    "ct": "CT 95% CI", "difference": "Difference 95% CI", "robust_share": "Year-clustered 95% CI of the share",
}


def column_label(name: str) -> str:
    """The reader's name of a column; an unknown one gets its words, never its underscores."""
    return COLUMN_LABELS.get(name) or (name[:1].upper() + name[1:]).replace("_", " ")
