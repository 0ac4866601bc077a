"""The sources manifest (raw/sources.yaml): every input, its pinned origin and its sha256."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REQUIRED_FIELDS = (
    "id", "kind", "dataset", "title", "publisher", "filename", "sha256", "size",
    "license", "period", "format", "synthetic",
)


# Datasets that arrive one report at a time: each of their sources is a partition of the extraction assets,
# so that a new year is extracted alone and every other year is read back from the extracted layer.
REPORT_DATASETS = ("ucr_arrests", "tipc_report")

_ID = re.compile(r"^[a-z][a-z0-9_]{1,62}$")


class ManifestError(ValueError):
    """The manifest itself is malformed: fixing it is a human's job, so say exactly what is wrong."""


@dataclass(frozen=True)
class Source:
    id: str
    kind: str  # "download" (url / mirror) or "tracked" (committed under raw/)
    dataset: str
    title: str
    publisher: str
    filename: str
    sha256: str
    size: int
    license: str
    period: tuple[int, int]
    format: str
    synthetic: bool
    upstream_url: str | None = None
    url: str | None = None
    repository: str | None = None
    mirror_path: str | None = None
    path: str | None = None
    citation: str | None = None
    suppression_range: tuple[int, int] | None = None  # what one suppressed cell can hide, e.g. (1, 4)
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def year(self) -> int:
        """The single year a yearly source covers."""
        if self.period[0] != self.period[1]:
            raise ValueError(f"source {self.id} covers {self.period}, not one year")
        return self.period[0]


def load_manifest(path: Path) -> list[Source]:
    """Parse and sanity-check the manifest; order is kept as written so that runs are deterministic."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ManifestError(f"{path}: cannot read sources manifest: {exc}") from exc
    entries = (document or {}).get("sources")
    if not isinstance(entries, list) or not entries:
        raise ManifestError(f"{path}: no 'sources' list")
    sources: list[Source] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        missing = [name for name in REQUIRED_FIELDS if entry.get(name) in (None, "")]
        if missing:
            raise ManifestError(f"{path}: source #{position} ({entry.get('id', '?')}) lacks {', '.join(missing)}")
        if not _ID.match(str(entry["id"])):
            raise ManifestError(f"{path}: source id {entry['id']!r}: use lowercase letters, digits and '_' only "
                                "(ids become file and asset names)")
        for field_name in ("path", "filename", "mirror_path"):
            value = str(entry.get(field_name) or "")
            if value.startswith("/") or ".." in Path(value).parts or (field_name == "filename" and "/" in value):
                raise ManifestError(f"{path}: source {entry['id']}: {field_name} {value!r} leaves its folder")
        if entry["id"] in seen:
            raise ManifestError(f"{path}: source id {entry['id']!r} appears twice")
        seen.add(entry["id"])
        if entry["kind"] == "download" and not (entry.get("url") or entry.get("mirror_path")):
            raise ManifestError(f"{path}: source {entry['id']} is a download without url or mirror_path")
        if entry["kind"] == "tracked" and not entry.get("path"):
            raise ManifestError(f"{path}: source {entry['id']} is tracked but has no path")
        if len(str(entry["sha256"])) != 64:
            raise ManifestError(f"{path}: source {entry['id']} has a malformed sha256")
        known = {f for f in Source.__dataclass_fields__}
        values = {key: value for key, value in entry.items() if key in known}
        values["period"] = tuple(int(year) for year in entry["period"])
        values["notes"] = tuple(entry.get("notes") or ())
        if entry.get("suppression_range"):
            values["suppression_range"] = tuple(int(n) for n in entry["suppression_range"])
        values["synthetic"] = bool(entry["synthetic"])
        values["size"] = int(entry["size"])
        sources.append(Source(**values))
    return sources


def sources_of(sources: list[Source], dataset: str) -> list[Source]:
    return [source for source in sources if source.dataset == dataset]


def report_source_ids(sources: list[Source]) -> list[str]:
    """The ids that are partitions: every source of a report dataset, in manifest order."""
    return [source.id for source in sources if source.dataset in REPORT_DATASETS]


def append_source(path: Path, entry: dict) -> None:
    """Add one entry at the end of the manifest (comments and order of the rest untouched), after checks."""
    if not _ID.match(str(entry.get("id", ""))):
        raise ManifestError(f"source id {entry.get('id')!r}: use lowercase letters, digits and '_' only")
    existing = {s.id for s in load_manifest(path)}
    if entry["id"] in existing:
        raise ManifestError(f"{path}: source id {entry['id']!r} is already listed")
    block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=200)
    text = Path(path).read_text(encoding="utf-8")
    item = re.search(r"^( *)- id:", text, flags=re.MULTILINE)  # indent like the entries already there
    indent = item.group(1) if item else "  "
    indented = "".join((indent + line if line.strip() else line) for line in block.splitlines(keepends=True))
    Path(path).write_text(text.rstrip("\n") + "\n" + indented, encoding="utf-8")
    load_manifest(path)  # the result must parse; a broken manifest stops here, not in the next run
