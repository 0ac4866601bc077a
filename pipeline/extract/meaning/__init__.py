"""TIPC meaning on top of the general table reader: which statute, measure, period and jurisdiction every count
of a table grid is, by the reference vocabulary; each table read or refused on its own."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.extract.limits import check_file_size
from pipeline.extract.meaning.document import Reading, Refusal, read_report
from pipeline.extract.tidy import ExtractionError, SourceRef, tidy_frame, tidy_rows
from pipeline.extract.vocabulary import Vocabulary, default_reference_dir

if TYPE_CHECKING:  # the pipeline gets frames; `ctip extract` gets rows and never waits for pandas (read_tipc_rows)
    import pandas as pd

__all__ = ["Reading", "Refusal", "extract_tipc", "read_tipc", "read_tipc_rows"]


def read_tipc(path: Path, source: SourceRef, towns: Iterable[str],
              vocabulary: Vocabulary | Mapping[str, str]) -> tuple[pd.DataFrame, list[Refusal]]:
    """Tidy rows of every table that could be read, and every table that could not, with where and why."""
    reading = _read(path, source, towns, vocabulary)
    return tidy_frame(reading.records, source), reading.refusals


def read_tipc_rows(path: Path, source: SourceRef, towns: Iterable[str],
                   vocabulary: Vocabulary | Mapping[str, str]) -> tuple[list[dict], list[Refusal]]:
    """read_tipc's rows as plain dicts (tidy_rows), for `ctip extract`."""
    reading = _read(path, source, towns, vocabulary)
    return tidy_rows(reading.records, source), reading.refusals


def _read(path: Path, source: SourceRef, towns: Iterable[str],
          vocabulary: Vocabulary | Mapping[str, str]) -> Reading:
    path = Path(path)
    check_file_size(path)
    if not isinstance(vocabulary, Vocabulary):
        vocabulary = Vocabulary.from_reference_dir(default_reference_dir(), roles=dict(vocabulary))
    lookup = {re.sub(r"\s+", " ", town).casefold(): town for town in towns}
    # a name whose word space the PDF does not print ('EastHampton'): no two towns differ by spaces alone
    lookup.update({key.replace(" ", ""): town for key, town in list(lookup.items()) if " " in key})
    reading = read_report(path, lookup, vocabulary)
    if not reading.records and not reading.refusals:
        raise ExtractionError(f"{source.filename}: no TIPC tables found (no rows of counts under a header that says "
                              "what they count)")
    return reading


def extract_tipc(path: Path, source: SourceRef, towns: Iterable[str],
                 vocabulary: Vocabulary | Mapping[str, str]) -> pd.DataFrame:
    """Tidy rows from a TIPC report; any refused table refuses the report, naming every refused table."""
    frame, refusals = read_tipc(path, source, towns, vocabulary)
    if refusals:
        raise ExtractionError(refusal_text(refusals))
    return frame


def refusal_text(refusals: list[Refusal]) -> str:
    """Every refused table in one message: the first in full, the others after it."""
    if len(refusals) == 1:
        return refusals[0].reason
    return f"{len(refusals)} tables refused: " + " | ".join(refusal.reason for refusal in refusals)
