"""The sources manifest (raw/sources.yaml): every input, its pinned origin and its sha256.

The file is read with bounded YAML (pipeline.sources.typed_yaml: size, aliases, depth, duplicate keys) and every
entry is a typed, strict pydantic model (SourceEntry): nothing is coerced (`period: "2012"` or `size: "12"` is
refused, not converted), and a field ctip does not know is refused rather than silently ignored. Each accepted
entry becomes a frozen `Source` dataclass, the type the rest of the code uses.

Rules per entry (all errors are one line: `<file>: source #<n> (<id>): <field>: <problem>, got <value>`):
- id: 2-63 characters, lowercase letters, digits and '_', starting with a letter (the whole string: an id ending
  in a newline is refused); unique in the manifest. Ids become folder, file and asset names.
- kind: download (needs url or mirror_path) or tracked (needs path, a file under the manifest's folder raw/).
- dataset: a lowercase name like an id; title, publisher, license, format: non-empty text.
- sha256: exactly 64 lowercase hex digits; size: a whole number >= 0; synthetic: true or false.
- period: exactly two whole years [first, last], first <= last, within 1800-2200.
- suppression_range (optional): two whole numbers [low, high], 0 <= low <= high.
- url (optional): http(s)://...; upstream_url, repository, citation (optional): text; notes: a list of text.
- filename: one plain file name; mirror_path and path: relative, no '..', no absolute path; a tracked path must
  still lie inside raw/ once symlinks are resolved.
Top level: `sources` (a non-empty list) and optionally `manifest_version: 1`; nothing else.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path, PureWindowsPath
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, ValidationError

from pipeline.sources.source import Source
from pipeline.sources.typed_yaml import (
    ManifestError,
    NonEmptyText,
    entry_label,
    load_bounded_yaml,
    matching,
    one_line,
    parse_bounded_yaml,
    refuse,
    show,
)

__all__ = [
    "REPORT_DATASETS", "REQUIRED_FIELDS", "ManifestError", "Source", "SourceEntry", "append_source",
    "load_manifest", "report_source_ids", "sources_of", "validate_entry",
]

REQUIRED_FIELDS = (
    "id", "kind", "dataset", "title", "publisher", "filename", "sha256", "size",
    "license", "period", "format", "synthetic",
)


# Datasets that arrive one report at a time: each of their sources is a partition of the extraction assets,
# so that a new year is extracted alone and every other year is read back from the extracted layer.
REPORT_DATASETS = ("ucr_arrests", "tipc_report", "national_arrests_table", "national_bulk")
# Datasets whose rows are counts (facts): the years a report version covers are theirs, not those of reference
# tables or the validation exceptions.
COUNT_DATASETS = (*REPORT_DATASETS, "published_judicial")

_ID = re.compile(r"[a-z][a-z0-9_]{1,62}")  # always with fullmatch: `$` would let "abc\n" through
_DATASET = re.compile(r"[a-z][a-z0-9_]{0,62}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_URL = re.compile(r"https?://[^\s]+")
YEARS = (1800, 2200)


# --- field types -------------------------------------------------------------------------------------------

_refuse = refuse


def _check_size(value: int) -> int:
    if value < 0:
        raise _refuse("must be a whole number >= 0")
    return value


def _whole_numbers(value: Any, what: str) -> tuple[int, int]:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in value)):
        raise _refuse(what)
    return value[0], value[1]


def _period(value: Any) -> tuple[int, int]:
    first, last = _whole_numbers(value, "must be two years [first, last]")
    if not (YEARS[0] <= first <= YEARS[1] and YEARS[0] <= last <= YEARS[1]):
        raise _refuse(f"years must lie within {YEARS[0]}-{YEARS[1]}")
    if first > last:
        raise _refuse("the first year comes after the last")
    return first, last


def _suppression_range(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    low, high = _whole_numbers(value, "must be two whole numbers [low, high]")
    if not 0 <= low <= high:
        raise _refuse("must satisfy 0 <= low <= high")
    return low, high


def _has_control(value: str) -> bool:
    return any(ord(c) < 32 or ord(c) == 127 for c in value)


def _relative(value: str) -> str:
    """A relative path that stays in its folder as written (symlinks are checked against the folder itself)."""
    parts = re.split(r"[/\\]", value)
    if (not value.strip() or _has_control(value) or value.startswith(("/", "\\", "~"))
            or PureWindowsPath(value).drive or ".." in parts):
        raise _refuse("leaves its folder: must be a relative path inside it, without '..'")
    return value


def _file_name(value: str) -> str:
    if (not value.strip() or _has_control(value) or "/" in value or "\\" in value or value in (".", "..")
            or PureWindowsPath(value).drive):
        raise _refuse("leaves its folder: must be one plain file name")
    return value


SourceId = Annotated[str, matching(_ID, "use lowercase letters, digits and '_' only, 2-63 characters starting "
                                        "with a letter (ids become file and asset names)")]
Text = NonEmptyText


class SourceEntry(BaseModel):
    """One entry of raw/sources.yaml as written: strict types, unknown fields refused."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: SourceId
    kind: Literal["download", "tracked"]
    dataset: Annotated[str, matching(_DATASET, "use lowercase letters, digits and '_' only, starting with a letter")]
    title: Text
    publisher: Text
    upstream_url: str | None = None
    url: Annotated[str, matching(_URL, "must be an http:// or https:// address without spaces")] | None = None
    repository: str | None = None
    mirror_path: Annotated[str, AfterValidator(_relative)] | None = None
    path: Annotated[str, AfterValidator(_relative)] | None = None
    citation: str | None = None
    filename: Annotated[str, AfterValidator(_file_name)]
    sha256: Annotated[str, matching(_SHA256, "must be 64 lowercase hexadecimal digits")]
    size: Annotated[int, AfterValidator(_check_size)]
    license: Text
    period: Annotated[tuple[int, int], PlainValidator(_period)]
    format: Text
    synthetic: bool
    suppression_range: Annotated[tuple[int, int] | None, PlainValidator(_suppression_range)] = None
    notes: list[str] = Field(default_factory=list)

    def to_source(self) -> Source:
        values = self.model_dump()
        values["notes"] = tuple(self.notes)
        return Source(**values)


class _ManifestFile(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    manifest_version: Literal[1] = 1
    sources: Annotated[list[Any], Field(min_length=1)]


# --- reading -----------------------------------------------------------------------------------------------

def _entry(raw_dir: Path, source: str, position: int, entry: Any) -> Source:
    """One entry, typed and checked on its own (fields, kind, path containment); ids are compared by the caller."""
    label = entry_label("source", position, entry)
    try:
        typed = SourceEntry.model_validate(entry)
    except ValidationError as exc:
        raise ManifestError(one_line(source, label, exc)) from None
    if typed.kind == "download" and not (typed.url or typed.mirror_path):
        raise ManifestError(f"{source}: {label}: url: a download needs url or mirror_path (neither is given)")
    if typed.kind == "tracked":
        if not typed.path:
            raise ManifestError(f"{source}: {label}: path: missing (a tracked source needs the path of its file "
                                f"under {raw_dir})")
        _inside(raw_dir, typed.path, f"{source}: {label}: path")
    return typed.to_source()


def _inside(folder: Path, relative: str, where: str) -> Path:
    """folder/relative with every symlink resolved, refused unless it is still inside folder."""
    try:
        root = Path(folder).resolve()
        target = (root / relative).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise ManifestError(f"{where}: cannot be resolved ({exc}), got {show(relative)}") from None
    if not target.is_relative_to(root):
        raise ManifestError(f"{where}: leaves its folder {root} through a symlink (resolves to {target}), "
                            f"got {show(relative)}")
    return target


def _parse(document: Any, source: str, raw_dir: Path) -> list[Source]:
    if not isinstance(document, dict):
        raise ManifestError(f"{source}: top level: must be a mapping with a 'sources' list, got {show(document)}")
    try:
        top = _ManifestFile.model_validate(document)
    except ValidationError as exc:
        raise ManifestError(one_line(source, "top level", exc)) from None
    sources: list[Source] = []
    first_at: dict[str, int] = {}
    for position, entry in enumerate(top.sources, start=1):
        parsed = _entry(raw_dir, source, position, entry)
        if parsed.id in first_at:
            raise ManifestError(f"{source}: source #{position} ({parsed.id}): id: appears twice "
                                f"(first as source #{first_at[parsed.id]})")
        first_at[parsed.id] = position
        sources.append(parsed)
    return sources


def load_manifest(path: Path) -> list[Source]:
    """Parse and type-check the manifest; order is kept as written so that runs are deterministic.

    Any problem raises ManifestError with one line naming the file, the entry and the field.
    """
    path = Path(path)
    return _parse(load_bounded_yaml(path, "sources manifest"), str(path), path.parent)


def validate_entry(manifest_path: Path, entry: dict, *, check_file: bool = False) -> Source:
    """Check a candidate entry against the manifest WITHOUT writing anything: its fields and types, its kind,
    that a tracked path stays inside the manifest's folder (symlinks resolved; the file need not exist yet), and
    that its id is not already listed. Returns the Source it would become; raises ManifestError (one line).

    With check_file, a tracked entry's file must already be there: a regular file under the manifest's folder
    whose size and sha256 are the entry's. Meant to run before anything is copied into raw/, so that a refused
    entry leaves nothing behind.
    """
    manifest_path = Path(manifest_path)
    existing = load_manifest(manifest_path)
    position = len(existing) + 1
    source = _entry(manifest_path.parent, str(manifest_path), position, entry)
    label = f"{manifest_path}: source #{position} ({source.id})"
    for number, other in enumerate(existing, start=1):
        if other.id == source.id:
            raise ManifestError(f"{label}: id: already listed (source #{number})")
    if check_file and source.kind == "tracked":
        _check_file(manifest_path.parent, source, label)
    return source


def _check_file(raw_dir: Path, source: Source, label: str) -> None:
    target = _inside(raw_dir, str(source.path), f"{label}: path")
    if not target.is_file():
        raise ManifestError(f"{label}: path: no such file {target}, got {show(source.path)}")
    size = target.stat().st_size
    if size != source.size:
        raise ManifestError(f"{label}: size: {target} holds {size} bytes, got {source.size}")
    digest = hashlib.sha256()
    with open(target, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != source.sha256:
        raise ManifestError(f"{label}: sha256: {target} has sha256 {digest.hexdigest()}, got {show(source.sha256)}")


def sources_of(sources: list[Source], dataset: str) -> list[Source]:
    return [source for source in sources if source.dataset == dataset]


def report_source_ids(sources: list[Source]) -> list[str]:
    """The ids that are partitions: every source of a report dataset, in manifest order."""
    return [source.id for source in sources if source.dataset in REPORT_DATASETS]


def append_source(path: Path, entry: dict) -> Source:
    """Add one entry at the end of the manifest (comments and order of the rest untouched), after checks.

    The entry is validated first (validate_entry), the new text is parsed in full before it is written, and it
    replaces the manifest atomically: a refused entry leaves the manifest byte for byte as it was.
    """
    path = Path(path)
    validate_entry(path, entry)
    block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=200)
    text = path.read_text(encoding="utf-8")
    item = re.search(r"^( *)- id:", text, flags=re.MULTILINE)  # indent like the entries already there
    indent = item.group(1) if item else "  "
    indented = "".join((indent + line if line.strip() else line) for line in block.splitlines(keepends=True))
    updated = text.rstrip("\n") + "\n" + indented
    sources = _parse(parse_bounded_yaml(updated, str(path)), str(path), path.parent)
    if sources[-1].id != entry["id"]:  # the block did not land as the last list item (an unusual layout)
        raise ManifestError(f"{path}: sources: the new entry {show(entry['id'])} cannot be appended to this "
                            "layout; add it by hand")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(updated)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return sources[-1]
