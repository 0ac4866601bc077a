"""UCR arrest tables (wide: offence x age/race/sex rows, reporting-agency columns) to tidy rows.

Only the 'Prostit ...' rows are kept (UCR Part II, Prostitution and Commercialized Vice). Every column header
goes through the reviewed crosswalk; a header it does not know is never guessed: its cells are kept with
jurisdiction_type 'unmapped', which validation rejects naming the file and the header.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.extract.limits import read_csv_rows
from pipeline.extract.tidy import ExtractionError, SourceRef, conform

UCR_OFFENSE = "prostitution_commercialized_vice"
ROW_PREFIX = "Prostit "
_SEX = {"F": "female", "M": "male"}
_RACES = {"Asian", "Black", "Indian", "White", "Unknown Race"}
_AGE = re.compile(r"^(<10|\d+|\d+-\d+|65\+)$")


def _UNMAPPED(header: str) -> dict:  # noqa: N802 - reads like the crosswalk row it stands in for
    """A header the crosswalk does not know: kept as printed and flagged, so validation names file and header."""
    return {"jurisdiction": header, "jurisdiction_type": "unmapped", "agency": None}


def classify_row(label: str) -> dict[str, str]:
    """'Prostit F' -> sex female; 'Prostit 25-29' -> age; 'Prostit White' -> race. Unknown labels are errors."""
    detail = label[len(ROW_PREFIX):].strip()
    if detail in _SEX:
        return {"breakdown": "sex", "sex": _SEX[detail]}
    if detail in _RACES:
        return {"breakdown": "race", "race": detail.lower().replace(" ", "_")}
    if _AGE.match(detail):
        return {"breakdown": "age", "age_group": detail}
    raise ValueError(f"unknown UCR prostitution row label {label!r}")


def extract_ucr_arrests(path: Path, source: SourceRef, crosswalk: pd.DataFrame) -> pd.DataFrame:
    """Tidy rows for every printed count of every 'Prostit' row, with line/column provenance."""
    year_map = crosswalk[crosswalk["year"] == source.year].set_index("column_header")
    lines = read_csv_rows(path, source.filename)
    header = lines[0]
    records: list[dict] = []
    for line_number, cells in enumerate(lines[1:], start=2):
        if not cells or not cells[0].startswith(ROW_PREFIX):
            continue
        if len(cells) != len(header):
            raise ExtractionError(
                f"{source.filename}, line {line_number}: {len(cells)} cells, header has {len(header)}"
            )
        try:
            dimensions = classify_row(cells[0])
        except ValueError as exc:
            raise ExtractionError(f"{source.filename}, line {line_number}: {exc}") from exc
        for column_number, (column_header, text) in enumerate(zip(header, cells, strict=True), start=1):
            if column_number <= 2:
                continue
            mapping = year_map.loc[column_header] if column_header in year_map.index else _UNMAPPED(column_header)
            stripped = text.strip()
            if stripped == "":
                count = None
            elif re.fullmatch(r"-?\d+", stripped):  # a negative count is read as printed, for validation to reject
                count = int(stripped)
            else:
                raise ExtractionError(
                    f"{source.filename}, line {line_number}, column {column_number} ({column_header!r}): "
                    f"cell {text!r} is not a count"
                )
            records.append({
                "row_index": line_number,
                "column_index": column_number,
                "column_header": column_header,
                "row_label": cells[0],
                "cell_text": text,
                "jurisdiction": mapping["jurisdiction"],
                "jurisdiction_type": mapping["jurisdiction_type"],
                "agency": mapping["agency"],
                "count": count,
                **dimensions,
            })
    if not records:
        raise ExtractionError(f"{source.filename}: no '{ROW_PREFIX.strip()}' rows found")
    frame = pd.DataFrame.from_records(records)
    frame["source_id"] = source.source_id
    frame["source_sha256"] = source.sha256
    frame["period_start"] = source.year
    frame["period_end"] = source.year
    frame["offense"] = UCR_OFFENSE
    frame["measure"] = "arrests"
    frame["printed_total"] = frame["jurisdiction_type"].isin(["statewide", "county", "aggregate"])
    frame["synthetic"] = source.synthetic
    return conform(frame)
