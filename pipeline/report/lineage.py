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


def select_counts(document: dict, metric: str, town: str | None = None, year: int | None = None) -> list[dict]:
    """The counts of one metric in a lineage document, for one town (any case) and/or year when given."""
    folded = town.casefold() if town is not None else None
    entries = [{**entry, "year": _whole(entry["year"])} for entry in document.get(metric, [])]
    return [entry for entry in entries
            if (folded is None or (entry["town"] or "").casefold() == folded)
            and (year is None or entry["year"] == year)]


def _whole(value: object) -> object:
    """A year stored as 2013.0 (a nullable column) is the year 2013."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def suggestions(name: str, known: list[str], limit: int = 3) -> list[str]:
    """What a mistyped name was probably meant to be (any case), closest first."""
    from difflib import get_close_matches

    by_folded = {k.casefold(): k for k in known}
    return [by_folded[m] for m in get_close_matches(name.casefold(), list(by_folded), n=limit, cutoff=0.6)]


def format_counts(metric: str, entries: list[dict]) -> str:
    """The chain a person reads: each published count, then each printed cell it came from (what is unknown is
    left out, never printed as a placeholder)."""
    lines = []
    for entry in entries:
        label = ", ".join(f"{name}={entry[name]}" for name in ("town", "year", "sex", "role")
                          if entry[name] is not None)
        value = f"{entry['value']:,}" if entry["value"] is not None else "not reported"
        lines.append(f"{metric} ({label}) = {value}, the sum of {len(entry['cells'])} printed cell(s):")
        for cell in entry["cells"]:
            where = (f"page {cell['page']}, table {cell['table']}, row {cell['line_or_row']}"
                     if cell["page"] is not None else f"line {cell['line_or_row']}")
            column = _column(cell)
            row = f"row {cell['row_label']!r}" if cell["row_label"] is not None else ""
            text = ", ".join(part for part in (where, column, row) if part)
            sha = f", sha256 {cell['source_sha256'][:12]}…" if cell["source_sha256"] else ""
            lines.append(f"  {cell['file']} [{cell['source_id']}{sha}] {text}: printed {cell['cell_text']!r}"
                         + (f"  <- {cell['agency']}" if cell["agency"] is not None else ""))
    return "\n".join(lines)


def _column(cell: dict) -> str:
    header = f"{cell['column_header']!r}" if cell["column_header"] is not None else ""
    if cell["column"] is None:
        return f"column {header}" if header else ""
    return f"column {cell['column']}" + (f" ({header})" if header else "")
