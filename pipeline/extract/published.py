"""The published 2005-2014 Judicial Branch totals (hand-transcribed, cited) as tidy rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from pipeline.extract.tidy import ExtractionError, SourceRef, conform


def extract_published_totals(path: Path, source: SourceRef) -> pd.DataFrame:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records = []
    for line, row in enumerate(rows, start=2):
        if row["cell_text"].replace(",", "") != row["count"]:
            raise ExtractionError(f"{source.filename}, line {line}: count {row['count']} != printed {row['cell_text']}")
        records.append({
            "row_index": line,
            "cell_text": row["cell_text"],
            "row_label": f"{row['statute']} {row['offense_title']}",
            "column_header": row["measure"],
            "jurisdiction": row["jurisdiction"],
            "jurisdiction_type": "statewide",
            "period_start": int(row["period_start"]),
            "period_end": int(row["period_end"]),
            "offense": row["statute"],
            "role": row["role"],
            "breakdown": "total",
            "measure": row["measure"],
            "count": int(row["count"]),
        })
    frame = pd.DataFrame.from_records(records)
    frame["source_id"] = source.source_id
    frame["source_sha256"] = source.sha256
    frame["printed_total"] = False  # the published totals are the data themselves, not sums of printed parts
    frame["synthetic"] = source.synthetic
    return conform(frame)
