"""One report source to tidy rows, whichever dataset it belongs to: the work of one extraction partition."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from pipeline.extract.fbi_asr import extract_fbi_asr
from pipeline.extract.meaning import read_tipc
from pipeline.extract.spec_table import TableSpec, extract_spec_table
from pipeline.extract.tidy import ExtractionError, refusal_frame
from pipeline.extract.ucr import extract_ucr_arrests
from pipeline.extract.vocabulary import Vocabulary
from pipeline.sources.inventory import source_ref
from pipeline.sources.manifest import REPORT_DATASETS, Source


def extract_report(source: Source, path: Path, *, towns: Iterable[str], vocabulary: Vocabulary,
                   crosswalk: pd.DataFrame, specs: Mapping[str, TableSpec]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Dispatch on the manifest's dataset, so that adding a year never needs code. Returns the tidy rows and
    the tables that could not be read (a TIPC report's, each naming where and why): validation blocks on them
    unless a reviewed exception accepts one; a file that cannot be read at all raises."""
    ref = source_ref(source)
    if source.dataset == "tipc_report":
        frame, refusals = read_tipc(path, ref, towns, vocabulary)
        return frame, refusal_frame(source.id, refusals)
    return _extract_whole(source, ref, path, crosswalk, specs), refusal_frame(source.id, [])


def _extract_whole(source: Source, ref, path: Path, crosswalk: pd.DataFrame,
                   specs: Mapping[str, TableSpec]) -> pd.DataFrame:
    if source.dataset == "ucr_arrests":
        return extract_ucr_arrests(path, ref, crosswalk)
    if source.dataset == "national_arrests_table":
        spec = next((spec for spec in specs.values() if spec.source_id == source.id), None)
        if spec is None:
            raise ExtractionError(f"{source.id}: no table spec in raw/reference/specs/ names this source")
        return extract_spec_table(path, ref, spec)
    if source.dataset == "national_bulk":
        return extract_fbi_asr(path, ref)
    raise ValueError(f"{source.id}: dataset {source.dataset!r} is not a report dataset ({', '.join(REPORT_DATASETS)})")
