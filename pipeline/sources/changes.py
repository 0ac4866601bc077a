"""What changed in the sources since the last look: the pure part of the refresh sensor."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.sources.manifest import Source, report_source_ids

WATCHED_FOLDERS = ("tipc",)  # where new report files are dropped
WATCHED_SUFFIXES = {".pdf", ".csv", ".xlsx", ".xlsm"}
# References that extraction itself reads: when one changes, every report is extracted again.
EXTRACTION_REFERENCES = ("reference_towns", "reference_statutes", "reference_measures", "reference_crosswalk",
                         "reference_table_spec")


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def run_key(self, current: dict[str, str]) -> str:
        """The same set of source hashes never triggers twice."""
        return hashlib.sha256(json.dumps(sorted(current.items())).encode()).hexdigest()[:16]

    def describe(self) -> str:
        parts = [f"{label}: {', '.join(ids)}" for label, ids in
                 (("new", self.added), ("changed", self.changed), ("removed", self.removed)) if ids]
        return "; ".join(parts) or "nothing changed"


def fingerprints(sources: list[Source]) -> dict[str, str]:
    return {source.id: source.sha256 for source in sources}


def compare(previous: dict[str, str] | None, current: dict[str, str]) -> Changes:
    previous = previous or {}
    return Changes(
        added=tuple(sorted(set(current) - set(previous))),
        changed=tuple(sorted(k for k in set(current) & set(previous) if current[k] != previous[k])),
        removed=tuple(sorted(set(previous) - set(current))),
    )


def unlisted_files(raw_dir: Path, sources: list[Source]) -> list[Path]:
    """Report files dropped into raw/ that no manifest entry names: reported, never processed silently."""
    listed = {(Path(raw_dir) / s.path).resolve() for s in sources if s.path}
    found = []
    for folder in WATCHED_FOLDERS:
        for path in sorted((Path(raw_dir) / folder).glob("*")):
            if path.is_file() and path.suffix.lower() in WATCHED_SUFFIXES and path.resolve() not in listed:
                found.append(path)
    return found


@dataclass(frozen=True)
class RefreshPlan:
    """Which report partitions a change requires extracting again; everything downstream always reruns."""

    partitions: tuple[str, ...]
    every_partition: bool

    def describe(self) -> str:
        if self.every_partition:
            return "extract every report again"
        return f"extract {', '.join(self.partitions)}" if self.partitions else "extract nothing; rebuild from extracted"


def refresh_plan(changes: Changes, sources: list[Source]) -> RefreshPlan:
    """New or changed report files alone are extracted; a changed extraction reference (or an unknown removal,
    whose dataset is gone with it) means all of them."""
    dataset = {source.id: source.dataset for source in sources}
    report_ids = report_source_ids(sources)
    touched = set(changes.added) | set(changes.changed)
    if any(dataset[key] in EXTRACTION_REFERENCES for key in touched):
        return RefreshPlan(tuple(report_ids), every_partition=True)
    return RefreshPlan(tuple(key for key in report_ids if key in touched), every_partition=False)
