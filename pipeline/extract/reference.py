"""Reference tables: the reviewed UCR agency crosswalk, the 169 towns, town populations.

The towns, statutes and measures are read without pandas (`*_rows`): `ctip extract` needs them and must start in
a fraction of a second; the pipeline's frames are built from the same rows (`load_*`)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

JURISDICTION_TYPES = {"town", "state_police", "other_agency", "county", "aggregate", "statewide"}
CROSSWALK_COLUMNS = [
    "year", "column_index", "column_header", "jurisdiction", "jurisdiction_type", "agency_kind", "agency", "notes",
]


class ReferenceError(ValueError):
    """A reference file contradicts itself or the town list; the message names file and line."""


def load_crosswalk(path: Path, towns: set[str]) -> pd.DataFrame:
    """Read and check the crosswalk: unique (year, header), known types, every town one of the 169."""
    import pandas as pd

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


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows as text, as pd.read_csv(dtype=str, keep_default_na=False) reads them: nothing converted,
    an empty field is '', blank lines and a leading byte order mark are skipped."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


STATUTE_COLUMNS = ["statute", "title", "role", "aliases"]
MEASURE_COLUMNS = ["measure", "aliases"]
TOWN_COLUMNS = ["town", "county", "fips"]


def statute_rows(path: Path) -> list[dict[str, str]]:
    """Statute -> role; a statute printed in a report but absent here has no role (null), never a guess."""
    rows = read_rows(path)
    _refuse_repeats(path, [row["statute"] for row in rows], "a statute")
    return [{"statute": row["statute"], "title": row["title"], "role": row["role"],
             "aliases": row.get("aliases", "")} for row in rows]


def measure_rows(path: Path) -> list[dict[str, str]]:
    """Measure -> the words a report prints for it ('arrests|arrested|...')."""
    rows = read_rows(path)
    _refuse_repeats(path, [row["measure"] for row in rows], "a measure")
    return [{"measure": row["measure"], "aliases": row["aliases"]} for row in rows]


def town_rows(path: Path) -> list[dict[str, str]]:
    """The 169 towns with county and FIPS, by name (the file starts with a byte order mark)."""
    rows = [{"town": row["Town"], "county": row["County"], "fips": row["FIPS"]} for row in read_rows(path)]
    names = {row["town"] for row in rows}
    if len(rows) != 169 or len(names) != len(rows):
        raise ReferenceError(f"{path}: expected 169 distinct towns, found {len(names)}")
    return sorted(rows, key=lambda row: row["town"])


def _refuse_repeats(path: Path, keys: list[str], what: str) -> None:
    if len(set(keys)) != len(keys):
        raise ReferenceError(f"{path}: {what} is listed twice")


def load_statutes(path: Path) -> pd.DataFrame:
    """statute_rows as the pipeline's frame."""
    import pandas as pd

    return pd.DataFrame(statute_rows(path), columns=STATUTE_COLUMNS, dtype=str)


def load_measures(path: Path) -> pd.DataFrame:
    """measure_rows as the pipeline's frame."""
    import pandas as pd

    return pd.DataFrame(measure_rows(path), columns=MEASURE_COLUMNS, dtype=str)


def load_towns(path: Path) -> pd.DataFrame:
    """town_rows as the pipeline's frame."""
    import pandas as pd

    return pd.DataFrame(town_rows(path), columns=TOWN_COLUMNS, dtype=str)


def load_dph_population(path: Path, source_id: str) -> pd.DataFrame:
    """Town population estimates by year, 'Number' rows only, with the line each came from."""
    import pandas as pd

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
