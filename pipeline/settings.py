"""Where ctip reads and writes: one place, overridable by environment or Dagster resource config."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# The repository root when the package is installed in editable mode (uv sync does so), used only as the
# default home; CTIP_HOME moves everything at once.
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def default_home() -> Path:
    return Path(os.environ.get("CTIP_HOME", _PACKAGE_ROOT))


@dataclass(frozen=True)
class Settings:
    """Paths of one ctip installation; tests build their own to keep the repository untouched."""

    raw_dir: Path
    cache_dir: Path
    warehouse_path: Path
    reports_dir: Path
    mirror_dir: Path | None = None

    @property
    def manifest_path(self) -> Path:
        return self.raw_dir / "sources.yaml"

    @property
    def extracted_dir(self) -> Path:
        """Tidy rows per report source (Parquet), beside the warehouse file they are loaded into."""
        return self.warehouse_path.parent / "extracted"

    @classmethod
    def from_env(cls) -> Settings:
        home = default_home()
        raw_dir = Path(os.environ.get("CTIP_RAW_DIR", home / "raw"))
        mirror = os.environ.get("CTIP_DATA_MIRROR")
        return cls(
            raw_dir=raw_dir,
            cache_dir=Path(os.environ.get("CTIP_CACHE_DIR", raw_dir / "cache")),
            warehouse_path=Path(os.environ.get("CTIP_WAREHOUSE", home / "warehouse" / "ctip.duckdb")),
            reports_dir=Path(os.environ.get("CTIP_REPORTS_DIR", home / "reports")),
            mirror_dir=Path(mirror) if mirror else None,
        )
