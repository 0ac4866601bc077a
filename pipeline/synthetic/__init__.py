"""Synthetic inputs, clearly marked as such."""

# The Author field of every PDF the report generator writes: how `ctip extract` tells a generated report (its
# counts are synthetic) from a real one without importing the generator (reportlab, numpy).
SYNTHETIC_AUTHOR = "ctip synthetic report generator"
