"""lineage.json: every published count with the exact source cells it sums, for auditors."""

from __future__ import annotations

import pandas as pd

KEY = ["metric", "town", "year", "sex", "role"]


def _plain(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def lineage_document(lineage: pd.DataFrame) -> dict:
    """{metric: [{town, year, sex, role, value, cells: [...]}]}, in a stable order."""
    document: dict[str, list] = {}
    frame = lineage.astype(object).where(lineage.notna(), None)
    for key, group in frame.groupby(KEY, dropna=False, sort=True):
        metric, town, year, sex, role = (_plain(v) for v in key)
        counts = [c for c in group["count"] if c is not None]
        document.setdefault(metric, []).append({
            "town": town, "year": year, "sex": sex, "role": role, "value": int(sum(counts)) if counts else None,
            "cells": [{
                "source_id": _plain(row.source_id), "source_sha256": _plain(row.source_sha256),
                "file": _plain(row.filename), "page": _plain(row.page), "table": _plain(row.table_index),
                "line_or_row": _plain(row.row_index), "column": _plain(row.column_index),
                "column_header": _plain(row.column_header), "row_label": _plain(row.row_label),
                "cell_text": _plain(row.cell_text), "agency": _plain(row.agency),
            } for row in group.itertuples(index=False)],
        })
    return document


def format_trace(cells: pd.DataFrame, metric: str) -> str:
    """The chain a person reads: the published count, then each printed cell it came from."""
    if cells.empty:
        return f"{metric}: no such count in the warehouse"
    lines = []
    for key, group in cells.groupby(["town", "year", "sex", "role"], dropna=False, sort=True):
        town, year, sex, role = (_plain(v) for v in key)
        label = ", ".join(f"{name}={value}" for name, value in
                          (("town", town), ("year", year), ("sex", sex), ("role", role)) if value is not None)
        total = int(group["count"].fillna(0).sum())
        lines.append(f"{metric} ({label}) = {total:,}, the sum of {len(group)} printed cell(s):")
        for row in group.itertuples(index=False):
            where = (f"page {row.page}, table {row.table_index}, row {row.row_index}" if _plain(row.page)
                     else f"line {row.row_index}")
            lines.append(f"  {row.filename} [{row.source_id}, sha256 {row.source_sha256[:12]}…] {where}, "
                         f"column {row.column_index} ({row.column_header!r}), row {row.row_label!r}: "
                         f"printed {row.cell_text!r}" + (f"  <- {row.agency}" if _plain(row.agency) else ""))
    return "\n".join(lines)
