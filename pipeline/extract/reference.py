"""Reference tables: the reviewed UCR agency crosswalk, the 169 towns, town populations."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

JURISDICTION_TYPES = {"town", "state_police", "other_agency", "county", "aggregate", "statewide"}
CROSSWALK_COLUMNS = [
    "year", "column_index", "column_header", "jurisdiction", "jurisdiction_type", "agency_kind", "agency", "notes",
]


class ReferenceError(ValueError):
    """A reference file contradicts itself or the town list; the message names file and line."""


def load_crosswalk(path: Path, towns: set[str]) -> pd.DataFrame:
    """Read and check the crosswalk: unique (year, header), known types, every town one of the 169."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(frame.columns) != CROSSWALK_COLUMNS:
        raise ReferenceError(f"{path}: columns {list(frame.columns)} != {CROSSWALK_COLUMNS}")
    frame["year"] = frame["year"].astype(int)
    frame["column_index"] = frame["column_index"].astype(int)
    for line, row in enumerate(frame.itertuples(index=False), start=2):
        if row.jurisdiction_type not in JURISDICTION_TYPES:
            raise ReferenceError(f"{path}, line {line}: unknown jurisdiction_type {row.jurisdiction_type!r}")
        if row.jurisdiction_type == "town" and row.jurisdiction not in towns:
            raise ReferenceError(f"{path}, line {line}: {row.jurisdiction!r} is not one of Connecticut's towns")
    duplicated = frame[frame.duplicated(["year", "column_header"], keep=False)]
    if not duplicated.empty:
        first = duplicated.iloc[0]
        raise ReferenceError(f"{path}: header {first.column_header!r} listed twice for {first.year}")
    return frame


def load_statutes(path: Path) -> pd.DataFrame:
    """Statute -> role; a statute printed in a report but absent here has no role (null), never a guess."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if frame["statute"].duplicated().any():
        raise ReferenceError(f"{path}: a statute is listed twice")
    if "aliases" not in frame.columns:
        frame["aliases"] = ""
    return frame[["statute", "title", "role", "aliases"]]


def load_measures(path: Path) -> pd.DataFrame:
    """Measure -> the words a report prints for it ('arrests|arrested|...')."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if frame["measure"].duplicated().any():
        raise ReferenceError(f"{path}: a measure is listed twice")
    return frame[["measure", "aliases"]]


def load_towns(path: Path) -> pd.DataFrame:
    """The 169 towns with county and FIPS (the file starts with a byte order mark)."""
    frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    frame = frame.rename(columns={"Town": "town", "County": "county", "FIPS": "fips"})[["town", "county", "fips"]]
    if len(frame) != 169 or frame["town"].duplicated().any():
        raise ReferenceError(f"{path}: expected 169 distinct towns, found {frame['town'].nunique()}")
    return frame.sort_values("town", kind="stable").reset_index(drop=True)


def load_dph_population(path: Path, source_id: str) -> pd.DataFrame:
    """Town population estimates by year, 'Number' rows only, with the line each came from."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["line"] = range(2, len(frame) + 2)
    frame = frame[(frame["Measure Type"] == "Number") & (frame["Variable"] == "Estimated Population")]
    result = pd.DataFrame({
        "town": frame["Town"],
        "fips": frame["FIPS"],
        "year": frame["Year"].astype(int),
        "population": pd.to_numeric(frame["Value"]).astype("Int64"),
        "source_id": source_id,
        "line": frame["line"],
    })
    return result.sort_values(["town", "year"], kind="stable").reset_index(drop=True)
