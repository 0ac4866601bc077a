"""The one Dagster resource: where ctip reads and writes (defaults from the environment, see settings.py)."""


from pathlib import Path

from dagster import ConfigurableResource

from pipeline.settings import Settings


class CtipPaths(ConfigurableResource):
    """Every field left unset falls back to Settings.from_env(); tests set them to temporary folders."""

    raw_dir: str | None = None
    cache_dir: str | None = None
    warehouse_path: str | None = None
    reports_dir: str | None = None
    mirror_dir: str | None = None

    def settings(self) -> Settings:
        base = Settings.from_env()
        raw_dir = Path(self.raw_dir) if self.raw_dir else base.raw_dir
        return Settings(
            raw_dir=raw_dir,
            cache_dir=Path(self.cache_dir) if self.cache_dir else (base.cache_dir if not self.raw_dir
                                                                   else raw_dir / "cache"),
            warehouse_path=Path(self.warehouse_path) if self.warehouse_path else base.warehouse_path,
            reports_dir=Path(self.reports_dir) if self.reports_dir else base.reports_dir,
            mirror_dir=Path(self.mirror_dir) if self.mirror_dir else base.mirror_dir,
        )
