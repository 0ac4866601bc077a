"""A printed statistical table read by a declared spec (raw/reference/specs/*.yaml), through the same geometry.

A spec says which page, which title opens the table and which closes it, the rows and columns it prints (in
order), the unit and what its symbols mean. The reader checks every printed row label and the header words
against the spec (letters only: dot leaders and footnote marks do not count) and refuses a table that differs,
naming the page, line and words: a spec never bends to fit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pipeline.extract.layout import Line, read_pdf_lines
from pipeline.extract.limits import MAX_PDF_PAGES, check_file_size
from pipeline.extract.tidy import ExtractionError, SourceRef, tidy_frame
from pipeline.sources.typed_yaml import ManifestError, load_bounded_yaml, one_line

# every field bounded by type and size before use (a spec is read from a file: `decimals: 5000000000` went into a
# regular expression unchecked)
Text = Annotated[str, StringConstraints(min_length=1, max_length=300)]


class SpecColumn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    header: Text
    sex: Literal["male", "female"] | None = None
    age_group: Text | None = None


class SpecRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Text
    offense: Text
    total: bool = False
    sums: Text | None = None


class TableSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,80}$")]
    source_id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,80}$")]
    title: Text
    page: Annotated[int, Field(ge=1, le=MAX_PDF_PAGES)]
    starts_at: Text
    ends_before: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100)]
    jurisdiction: Text
    jurisdiction_type: Text
    measure: Text
    unit: Text
    scale: Annotated[int, Field(ge=1, le=10**9)]
    decimals: Annotated[int, Field(ge=0, le=6)]
    header_words: Annotated[list[Text], Field(max_length=200)]
    symbols: Annotated[dict[Annotated[str, StringConstraints(max_length=20)], int | None], Field(max_length=50)]
    columns: Annotated[list[SpecColumn], Field(min_length=1, max_length=200)]
    rows: Annotated[list[SpecRow], Field(min_length=1, max_length=2000)]


def load_spec(path: Path) -> TableSpec:
    document = load_bounded_yaml(Path(path), "table spec")
    try:
        return TableSpec.model_validate(document)
    except ValidationError as exc:
        raise ManifestError(one_line(str(path), "table spec", exc)) from None


def load_specs(folder: Path) -> dict[str, TableSpec]:
    """Every spec of a folder, by name."""
    specs = [load_spec(path) for path in sorted(Path(folder).glob("*.yaml"))]
    return {spec.name: spec for spec in specs}


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


_DOTS = re.compile(r"^[.\s·…]+$")


def _number(text: str, decimals: int) -> str | None:
    """A printed number in the table's format ('11,062.6' with one decimal), dot leaders over it removed."""
    cleaned = re.sub(r"\.{2,}", ".", text.strip())
    pattern = rf"^\d{{1,3}}(?:,\d{{3}})*\.\d{{{decimals}}}$" if decimals else r"^\d{1,3}(?:,\d{3})*$"
    return cleaned if re.match(pattern, cleaned) else None


def _split_row(text: str, spec: TableSpec) -> tuple[str, list[str]]:
    """A printed line as (label, numbers), read from the right: dot leaders dropped, and a number the text layer
    split at its decimal point ('11,062 6', '1,540 .0') put back together."""
    tokens = [token for token in text.split() if not _DOTS.match(token)]
    values: list[str] = []
    while tokens and len(values) < len(spec.columns):
        token = tokens[-1]
        if token in spec.symbols:
            values.insert(0, tokens.pop())
            continue
        number = _number(token, spec.decimals)
        if number is None and spec.decimals and len(tokens) >= 2 and re.fullmatch(rf"\.?\d{{{spec.decimals}}}", token):
            number = _number(f"{tokens[-2].rstrip('.')}.{token.lstrip('.')}", spec.decimals)
            if number is not None:
                tokens.pop()
        if number is None:
            break
        tokens.pop()
        values.insert(0, number)
    return " ".join(tokens), values


def read_spec_table(lines: list[Line], spec: TableSpec, source: SourceRef) -> pd.DataFrame:
    """Every printed cell of the declared table as a tidy row: the value as printed, its unit, and persons."""
    page = [line for line in lines if line.page == spec.page]
    where = f"{source.filename}, page {spec.page}"
    start = next((i for i, line in enumerate(page) if line.text.strip().startswith(spec.starts_at)), None)
    if start is None:
        raise ExtractionError(f"{where}: no line starts with {spec.starts_at!r} (spec {spec.name})")
    end = next((i for i, line in enumerate(page[start + 1:], start + 1)
                if spec.ends_before and line.text.strip().startswith(spec.ends_before)), len(page))
    body: list[tuple[Line, str, list[str]]] = []  # line, label, printed numbers
    pending: list[str] = []
    header_text = ""
    for line in page[start + 1:end]:
        label, values = _split_row(line.text, spec)
        if not label and not values:
            continue  # a row of dot leaders
        if len(values) == len(spec.columns):
            body.append((line, " ".join([*pending, label]), values))
            pending = []
        elif body and not values:
            if _is_legend(label, spec):
                break
            pending.append(label)  # the first line of a label printed over two lines
        elif not body:
            header_text += " " + line.text
        else:
            raise ExtractionError(f"{where}, line {line.number}: {len(values)} of {len(spec.columns)} declared "
                                  f"columns can be read: {line.text!r}")
    missing = [word for word in spec.header_words if _letters(word) not in _letters(header_text)]
    if missing:
        raise ExtractionError(f"{where}: the header does not print {missing} (spec {spec.name}): {header_text!r}")
    if len(body) != len(spec.rows):
        raise ExtractionError(f"{where}: {len(body)} rows of {len(spec.columns)} numbers printed, the spec "
                              f"{spec.name} declares {len(spec.rows)}")
    records = []
    for number, ((line, label, printed), row) in enumerate(zip(body, spec.rows, strict=True), start=1):
        if _letters(re.sub(r"\d", "", label)) != _letters(row.label):
            raise ExtractionError(f"{where}, line {line.number}: row {number} prints {label!r}, the spec "
                                  f"{spec.name} declares {row.label!r}")
        for index, (text, column) in enumerate(zip(printed, spec.columns, strict=True), start=2):
            value = float(text.replace(",", "")) if _number(text, spec.decimals) else spec.symbols[text]
            age_total, sex_total = column.age_group is None, column.sex is None
            records.append({
                "page": spec.page, "table_index": 1, "row_index": number, "column_index": index,
                "column_header": column.header, "row_label": row.label, "cell_text": text,
                "jurisdiction": spec.jurisdiction, "jurisdiction_type": spec.jurisdiction_type,
                "period_start": spec.year, "period_end": spec.year, "offense": row.offense,
                "breakdown": ("total" if sex_total and age_total else "sex" if age_total else
                              "age" if sex_total else "sex_age"),
                "sex": column.sex, "age_group": column.age_group, "measure": spec.measure,
                "printed_value": value, "unit": spec.unit,
                "count": None if value is None else round(value * spec.scale),
                "printed_total": row.total or sex_total or age_total,
                "meaning_source": f"spec {spec.name}: row {row.label!r}, column {column.header!r}",
            })
    return tidy_frame(records, source)


def _is_legend(text: str, spec: TableSpec) -> bool:
    text = text.strip()
    return text.startswith(("Source:", "Note:")) or any(text.startswith(symbol) for symbol in spec.symbols)


def extract_spec_table(path: Path, source: SourceRef, spec: TableSpec) -> pd.DataFrame:
    path = Path(path)
    check_file_size(path)
    if path.suffix.lower() != ".pdf":
        raise ExtractionError(f"{path.name}: a table spec reads PDF pages; this is {path.suffix!r}")
    return read_spec_table(read_pdf_lines(path), spec, source)
