"""lineage.json: every published count with the exact source cells it sums, for auditors."""

from __future__ import annotations

import pandas as pd

from pipeline.report.publish import json_value

KEY = ["metric", "town", "year", "sex", "role"]



def lineage_document(lineage: pd.DataFrame) -> dict:
    """{metric: [{town, year, sex, role, value, cells: [...]}]}, in a stable order."""
    document: dict[str, list] = {}
    frame = lineage.astype(object).where(lineage.notna(), None).reset_index(drop=True)
    rows = frame.to_dict("records")  # once: itertuples per group built a namedtuple class per group (seconds)
    for key, group in frame.groupby(KEY, dropna=False, sort=True):
        metric, town, year, sex, role = (json_value(v) for v in key)
        counts = [c for c in group["count"] if c is not None]
        document.setdefault(metric, []).append({
            "town": town, "year": year, "sex": sex, "role": role, "value": int(sum(counts)) if counts else None,
            "cells": [{
                "source_id": json_value(row["source_id"]), "source_sha256": json_value(row["source_sha256"]),
                "file": json_value(row["filename"]), "page": json_value(row["page"]),
                "table": json_value(row["table_index"]), "line_or_row": json_value(row["row_index"]),
                "column": json_value(row["column_index"]), "column_header": json_value(row["column_header"]),
                "row_label": json_value(row["row_label"]), "cell_text": json_value(row["cell_text"]),
                "agency": json_value(row["agency"]),
            } for row in (rows[position] for position in group.index)],
        })
    return document


def format_trace(cells: pd.DataFrame, metric: str) -> str:
    """The chain a person reads: the published count, then each printed cell it came from."""
    if cells.empty:
        return f"{metric}: no such count in the warehouse"
    lines = []
    for key, group in cells.groupby(["town", "year", "sex", "role"], dropna=False, sort=True):
        town, year, sex, role = (json_value(v) for v in key)
        label = ", ".join(f"{name}={value}" for name, value in
                          (("town", town), ("year", year), ("sex", sex), ("role", role)) if value is not None)
        total = int(group["count"].fillna(0).sum())
        lines.append(f"{metric} ({label}) = {total:,}, the sum of {len(group)} printed cell(s):")
        for row in group.itertuples(index=False):
            where = (f"page {row.page}, table {row.table_index}, row {row.row_index}" if json_value(row.page)
                     else f"line {row.row_index}")
            lines.append(f"  {row.filename} [{row.source_id}, sha256 {row.source_sha256[:12]}…] {where}, "
                         f"column {row.column_index} ({row.column_header!r}), row {row.row_label!r}: "
                         f"printed {row.cell_text!r}" + (f"  <- {row.agency}" if json_value(row.agency) else ""))
    return "\n".join(lines)
