"""raw/validation_exceptions.yaml, typed: the reviewed exceptions that may turn a failing error into a warning.

Read with bounded YAML (pipeline.sources.typed_yaml) and a strict pydantic model per entry; unknown fields are
refused (an exception ctip would half-read is worse than none). Every error is one line:
`<file>: exception #<n> (<id>): <field>: <problem>, got <value>`.

Each entry:
- id: 1-80 characters, lowercase letters, digits, '-' and '_', starting with a letter or digit; unique.
- check: the id of a declared check (pipeline.validate.suites.CHECKS).
- match: a non-empty mapping from a column of the failing-rows table (lowercase name) to a value or a non-empty
  list of values (text, whole numbers, decimals or true/false); a row is covered when every column matches.
- reason, decided_by: non-empty text; decided_on: a quoted date "YYYY-MM-DD".
Top level: `exceptions` (a list, may be empty or absent) and nothing else; an empty file means no exceptions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError

from pipeline.sources.typed_yaml import (
    ManifestError,
    NonEmptyText,
    entry_label,
    load_bounded_yaml,
    matching,
    one_line,
    refuse,
    show,
)

_EXCEPTION_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")
_COLUMN = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


_refuse = refuse


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def _match(value: Any) -> dict:
    if not isinstance(value, dict) or not value:
        raise _refuse("must be a non-empty mapping {column: value or [values]}")
    for column, wanted in value.items():
        if not isinstance(column, str) or not _COLUMN.fullmatch(column):
            raise _refuse(f"column {show(column)} is not a column name (lowercase letters, digits and '_')")
        if isinstance(wanted, list):
            if not wanted or not all(_scalar(item) for item in wanted):
                raise _refuse(f"{column}: a list of values must be non-empty and hold only plain values")
        elif not _scalar(wanted):
            raise _refuse(f"{column}: must be a plain value or a list of them")
    return value


def _decided_on(value: Any) -> str:
    if isinstance(value, dt.date):
        raise _refuse('must be a quoted date "YYYY-MM-DD" (unquoted, YAML reads it as a date, not text)')
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _refuse('must be a date "YYYY-MM-DD"')
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise _refuse('must be a real calendar date "YYYY-MM-DD"') from None
    return value


Text = NonEmptyText


class ExceptionEntry(BaseModel):
    """One reviewed exception as written: strict types, unknown fields refused."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: Annotated[str, matching(_EXCEPTION_ID, "use lowercase letters, digits, '-' and '_' only, 1-80 characters")]
    check: Text
    match: Annotated[dict, PlainValidator(_match)]
    reason: Text
    decided_by: Text
    decided_on: Annotated[str, PlainValidator(_decided_on)]


class _ExceptionsFile(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    exceptions: list[Any] | None = Field(default=None)


def parse_exceptions(document: Any, source: str, known_checks: Iterable[str]) -> list[dict]:
    """Type-check a parsed exceptions document; returns the entries as plain dicts, in file order."""
    if document is None:
        return []
    if not isinstance(document, dict):
        raise ManifestError(f"{source}: top level: must be a mapping with an 'exceptions' list, "
                            f"got {show(document)}")
    try:
        entries = _ExceptionsFile.model_validate(document).exceptions or []
    except ValidationError as exc:
        raise ManifestError(one_line(source, "top level", exc)) from None
    known = set(known_checks)
    result: list[dict] = []
    first_at: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        label = entry_label("exception", position, entry)
        try:
            typed = ExceptionEntry.model_validate(entry)
        except ValidationError as exc:
            raise ManifestError(one_line(source, label, exc)) from None
        if typed.check not in known:
            raise ManifestError(f"{source}: {label}: check: not a declared check ({', '.join(sorted(known))}), "
                                f"got {show(typed.check)}")
        if typed.id in first_at:
            raise ManifestError(f"{source}: {label}: id: appears twice (first as exception #{first_at[typed.id]})")
        first_at[typed.id] = position
        result.append(typed.model_dump())
    return result


def load_exceptions_file(path: Path, known_checks: Iterable[str]) -> list[dict]:
    """The reviewed exceptions of `path` (none when the file does not exist); ManifestError, one line, otherwise."""
    path = Path(path)
    if not path.is_file():
        return []
    return parse_exceptions(load_bounded_yaml(path, "validation exceptions file"), str(path), known_checks)
