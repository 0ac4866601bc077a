"""FBI Crime Data Explorer bulk files of national Arrests by Age, Sex and Race (ASR) to tidy rows.

One file covers adults (columns m_18 ... f_65p) or under-18s (m_0_9 ... f_17); each row is a year x offence with
`total_male`, `total_female` and the counts by sex and age group. Only the Prostitution and Commercialized Vice
rows (`ASR_PRS`) are read: the national context of the Connecticut arrests, and the figures that must reconcile
with Statistical Abstract Table 324 for 2009. The counts are those reported by the participating agencies (the
`agencies` column), not national estimates. A blank age cell is zero: the age cells then add up to the sex totals,
which validation checks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.extract.limits import read_csv_rows
from pipeline.extract.tidy import ExtractionError, SourceRef, tidy_frame

OFFENSES = {"ASR_PRS": "prostitution_and_commercialized_vice"}  # offense_code -> facts.offense (Table 324's code)
_AGE_COLUMN = re.compile(r"^([mf])_(\d+)(?:_(\d+)|(p))?$")
_SEX = {"m": "male", "f": "female"}
_REQUIRED = ("year", "offense_code", "total_male", "total_female")


def _age_group(match: re.Match) -> str:
    low, high, plus = match.group(2), match.group(3), match.group(4)
    return f"{low}_and_over" if plus else f"{low}_{high}" if high else low


def _count(text: str, blank_is_zero: bool, where: str) -> int:
    """A whole number; a blank age cell is 0 (the age cells then sum to the sex totals), a blank total refused."""
    text = text.strip()
    if text == "":
        if blank_is_zero:
            return 0
        raise ExtractionError(f"{where}: blank sex total")
    if not re.fullmatch(r"-?\d+", text):
        raise ExtractionError(f"{where}: {text!r} is not a whole number")
    return int(text)


def extract_fbi_asr(path: Path, source: SourceRef) -> pd.DataFrame:
    """Tidy rows: per year, the sex totals of the file's age span (printed_total) and every age cell by sex."""
    lines = read_csv_rows(path, source.filename)
    header = lines[0]
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        raise ExtractionError(f"{source.filename}: line 1: no column {', '.join(missing)} (not an FBI ASR file)")
    ages = {i: m for i, name in enumerate(header) if (m := _AGE_COLUMN.match(name))}
    if not ages:
        raise ExtractionError(f"{source.filename}: line 1: no age columns (m_18, f_17, ...)")
    lowest = min(int(m.group(2)) for m in ages.values())
    span = "18_and_over" if lowest >= 18 else "under_18"
    column = {name: i for i, name in enumerate(header)}
    records: list[dict] = []
    for line_number, cells in enumerate(lines[1:], start=2):
        if not cells or len(cells) <= column["offense_code"] or cells[column["offense_code"]] not in OFFENSES:
            continue
        if len(cells) != len(header):
            raise ExtractionError(f"{source.filename}: line {line_number}: {len(cells)} cells, header has "
                                  f"{len(header)}")
        try:
            year = int(cells[column["year"]])
        except ValueError:
            raise ExtractionError(f"{source.filename}: line {line_number}: year {cells[column['year']]!r} is not "
                                  "a year") from None
        base = {"jurisdiction": "United States", "jurisdiction_type": "national", "period_start": year,
                "period_end": year, "offense": OFFENSES[cells[column["offense_code"]]], "measure": "arrests",
                "row_index": line_number, "row_label": f"{year} {cells[column['offense_code']]}"}

        where = f"{source.filename}: line {line_number}"
        for letter, sex in _SEX.items():
            index = column[f"total_{sex}"]
            records.append({**base, "column_index": index + 1, "column_header": header[index],
                            "cell_text": cells[index], "breakdown": "sex", "sex": sex, "age_group": span,
                            "count": _count(cells[index], False, f"{where}, column {index + 1} ({header[index]})"),
                            "printed_total": True})
            for age_index, match in ages.items():
                if match.group(1) == letter:
                    records.append({**base, "column_index": age_index + 1, "column_header": header[age_index],
                                    "cell_text": cells[age_index], "breakdown": "sex_age", "sex": sex,
                                    "age_group": _age_group(match),
                                    "count": _count(cells[age_index], True,
                                                    f"{where}, column {age_index + 1} ({header[age_index]})"),
                                    "printed_total": False})
    if not records:
        raise ExtractionError(f"{source.filename}: no row with offense_code {', '.join(OFFENSES)}")
    return tidy_frame(records, source)
