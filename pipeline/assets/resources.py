"""Dagster resources: where ctip reads and writes (defaults from the environment, see settings.py), and where a
run keeps the outputs its assets pass to each other."""


from pathlib import Path

from dagster import ConfigurableResource, mem_io_manager

from pipeline.settings import Settings

# Asset outputs live in the memory of the run that made them (every job runs in one process): no run can read
# another run's intermediate results, as it could from the default IO manager's files in $DAGSTER_HOME/storage
# (a demo run once fed its SYNTHETIC rows to a real run that way). Tables are shared only through the warehouse.
run_io_manager = mem_io_manager


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
