"""One input as the rest of the code sees it: the frozen record each checked entry of raw/sources.yaml becomes
(pipeline.sources.manifest checks the entries).

A module of its own, without pydantic or YAML, so that a command which must start fast (`ctip extract`) can hold
sources recalled from the memo of a full check (pipeline.sources.inventory.checked_sources) without importing
the checker."""

from __future__ import annotations

from dataclasses import dataclass, field


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
