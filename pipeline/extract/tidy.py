"""The tidy contract between extraction and everything after it: one row per printed count.

Declared once here; the warehouse DDL is generated from it, so the two cannot drift apart.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas costs seconds to import: `ctip extract` writes its CSV without it (tidy_rows)
    import pandas as pd

# column -> (DuckDB type, pandas dtype, meaning)
TIDY_SCHEMA: dict[str, tuple[str, str, str]] = {
    "source_id": ("VARCHAR", "string", "which input (raw/sources.yaml id)"),
    "source_sha256": ("VARCHAR", "string", "sha256 of that input, exactly"),
    "page": ("INTEGER", "Int64", "1-based PDF page; null for CSV"),
    "table_index": ("INTEGER", "Int64", "1-based table on the page; null for CSV"),
    "row_index": ("INTEGER", "Int64", "1-based line of the CSV file (header = 1) or table row"),
    "column_index": ("INTEGER", "Int64", "1-based column of the printed table"),
    "column_header": ("VARCHAR", "string", "the column header as printed"),
    "row_label": ("VARCHAR", "string", "the row label as printed ('Prostit F')"),
    "cell_text": ("VARCHAR", "string", "the printed text the count was read from"),
    "jurisdiction": ("VARCHAR", "string", "official town name, agency, county, or 'Connecticut'"),
    "jurisdiction_type": ("VARCHAR", "string", "town, state_police, other_agency, county, aggregate, statewide"),
    "agency": ("VARCHAR", "string", "reporting agency (UCR); null where the source reports no agency"),
    "period_start": ("INTEGER", "Int64", "first year covered"),
    "period_end": ("INTEGER", "Int64", "last year covered"),
    "offense": ("VARCHAR", "string", "statute ('53a-82') or UCR category"),
    "role": ("VARCHAR", "string", "seller, buyer, promoter, trafficker; null where the source does not say"),
    "breakdown": ("VARCHAR", "string", "which split this count belongs to: sex, age, race, or total"),
    "sex": ("VARCHAR", "string", "female, male; null unless breakdown = sex"),
    "age_group": ("VARCHAR", "string", "UCR age group; null unless breakdown = age"),
    "race": ("VARCHAR", "string", "UCR race; null unless breakdown = race"),
    "measure": ("VARCHAR", "string", "arrests or convictions"),
    "count": ("BIGINT", "Int64", "the count (persons, for a table printed in thousands: printed value x 1,000, "
              "rounded as printed); null = suppressed or not reported, never silently 0"),
    "printed_value": ("DOUBLE", "Float64", "the number as printed in the table's unit (e.g. 56.9 thousand); null "
                      "where the count was printed as a whole number"),
    "unit": ("VARCHAR", "string", "the unit the table prints ('thousands'); null = persons or cases"),
    "printed_total": ("BOOLEAN", "boolean", "a printed sum of other counts (Total row/column, statewide or county "
                      "column): used to reconcile, never summed with its parts"),
    "synthetic": ("BOOLEAN", "boolean", "true when derived from generated data"),
    "meaning_source": ("VARCHAR", "string", "report tables: the printed words that set this count's statute, "
                       "measure and period (title, group header, column header, row label)"),
}

# a table the reader refused, one row each: where (its file, page and table) and why; validation's `tables_read`
REFUSAL_DTYPES = {"source_id": "string", "page": "Int64", "table_index": "Int64", "where": "string",
                  "reason": "string"}
REFUSAL_COLUMNS = list(REFUSAL_DTYPES)

TIDY_COLUMNS = list(TIDY_SCHEMA)
TIDY_KEY = [
    "source_id", "jurisdiction_type", "jurisdiction", "agency", "period_start", "period_end",
    "offense", "role", "breakdown", "sex", "age_group", "race", "measure",
]


_SORT = ["source_id", "page", "table_index", "row_index", "column_index"]


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Add missing contract columns as nulls, order and type them, and sort for byte-stable output."""
    import pandas as pd

    frame = frame.copy()
    for column in TIDY_COLUMNS:
        if column not in frame.columns:
            frame[column] = pd.NA
    frame = frame[TIDY_COLUMNS].astype({column: spec[1] for column, spec in TIDY_SCHEMA.items()})
    return frame.sort_values(_SORT, na_position="first", kind="stable").reset_index(drop=True)


def tidy_frame(records: list[dict], source: SourceRef) -> pd.DataFrame:
    """Records of one source as tidy rows, stamped with that source."""
    import pandas as pd

    frame = pd.DataFrame.from_records(records)
    frame["source_id"] = source.source_id
    frame["source_sha256"] = source.sha256
    frame["synthetic"] = source.synthetic
    return conform(frame)


class ExtractionError(ValueError):
    """The file is not what the extractor can read faithfully: named file, line and column say where."""


@dataclass(frozen=True)
class SourceRef:
    """What a tidy row needs to know about its input."""

    source_id: str
    sha256: str
    year: int
    synthetic: bool
    filename: str


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading
    apostrophe (OWASP CSV injection); numbers are left as numbers. Printed text comes from files we did not
    write, so every CSV ctip writes goes through here."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            values = out[column]
            risky = values.notna() & values.astype("string").str.startswith(_FORMULA_START).fillna(False)
            if risky.any():
                out[column] = values.where(~risky, "'" + values.astype("string"))
    return out


# --- the same rows without pandas: `ctip extract` must start in a fraction of a second, and importing pandas alone
# takes seconds on a slow machine. tests/extract/test_extract_csv_parity.py proves these give the pandas path's
# bytes (tidy_frame, then the CSV `ctip extract` writes).

def _null(value: object) -> bool:
    """None and NaN (what pandas makes of a missing key) are a missing value."""
    return value is None or isinstance(value, float) and value != value


def _typed(value: object, dtype: str) -> object:
    """One value as conform's dtype holds it: None for a null, else a plain str, int, float or bool."""
    if _null(value):
        return None
    if dtype == "Int64":
        if int(value) != value:  # pandas refuses to cut a fraction off too
            raise ValueError(f"{value!r} is not a whole number")
        return int(value)
    return {"string": str, "Float64": float, "boolean": bool}[dtype](value)


def tidy_rows(records: Iterable[Mapping], source: SourceRef) -> list[dict]:
    """What tidy_frame gives, as plain dicts: every contract column (None = null), typed, stamped with the
    source, in conform's order (nulls first, stable)."""
    stamp = {"source_id": source.source_id, "source_sha256": source.sha256, "synthetic": source.synthetic}
    rows = [{column: _typed({**record, **stamp}.get(column), spec[1]) for column, spec in TIDY_SCHEMA.items()}
            for record in records]
    return sorted(rows, key=lambda row: [(0, 0) if row[key] is None else (1, row[key]) for key in _SORT])


def frame_rows(frame: pd.DataFrame) -> list[dict]:
    """A tidy frame's rows as tidy_rows gives them (None for every null)."""
    import pandas as pd

    return [{column: None if pd.isna(value) else value for column, value in row.items()}
            for row in frame.to_dict("records")]


EXTRACT_CSV_COLUMNS = [
    "source_file", "source_id", "source_sha256", "page", "table_index", "row_index", "column_index",
    "column_header", "row_label", "cell_text", "jurisdiction", "jurisdiction_type", "year", "period_start",
    "period_end", "statute", "role", "measure", "sex", "age_group", "count", "printed_value", "unit",
    "printed_total", "synthetic", "meaning_source",
]
_TEXT_COLUMNS = {"source_file", *(column for column, spec in TIDY_SCHEMA.items() if spec[1] == "string")}


def extract_csv(rows: Iterable[Mapping], source_file: str) -> str:
    """The `ctip extract` view of tidy rows: statute named as printed, one year where the count covers one;
    spreadsheet-safe text; written as pandas writes a frame (empty for null, repr for a float, \\n endings)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EXTRACT_CSV_COLUMNS)
    for row in rows:
        start, end = row["period_start"], row["period_end"]
        view = {**row, "statute": row["offense"], "source_file": source_file,
                "year": start if start is not None and start == end else None}
        writer.writerow([_csv_cell(view[column], column in _TEXT_COLUMNS) for column in EXTRACT_CSV_COLUMNS])
    return buffer.getvalue()


def _csv_cell(value: object, text: bool) -> str:
    if value is None:
        return ""
    if text and str(value).startswith(_FORMULA_START):
        return f"'{value}"
    return repr(value) if isinstance(value, float) else str(value)


def refusal_frame(source_id: str, refusals: list) -> pd.DataFrame:
    """Refused tables (the reader's Refusal: where, reason, page, table) as rows of one source."""
    import pandas as pd

    return conform_refusals(pd.DataFrame({"source_id": [source_id] * len(refusals),
                                          "page": [r.page for r in refusals],
                                          "table_index": [r.table for r in refusals],
                                          "where": [r.where for r in refusals],
                                          "reason": [r.reason for r in refusals]}, columns=REFUSAL_COLUMNS))


def conform_refusals(frame: pd.DataFrame | None) -> pd.DataFrame:
    """Refused tables in the one column order and types, however they were read (none: an empty table)."""
    import pandas as pd

    frame = pd.DataFrame(columns=REFUSAL_COLUMNS) if frame is None else frame[REFUSAL_COLUMNS]
    return frame.astype(REFUSAL_DTYPES).reset_index(drop=True)
