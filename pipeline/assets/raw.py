"""Stage raw: every manifest entry acquired and checked by sha256 before anything reads it.

Report sources (a UCR year, a TIPC report) are partitions of one asset, so that a new year is a new partition,
not new code; every reference source is an asset of its own.
"""

from dagster import (
    AssetExecutionContext,
    AssetsDefinition,
    BackfillPolicy,
    DataVersion,
    Failure,
    MaterializeResult,
    MetadataValue,
    asset,
)

from pipeline.assets.partitions import report_sources
from pipeline.assets.resources import CtipPaths
from pipeline.settings import Settings
from pipeline.sources.inventory import manifest_sources, verified_path
from pipeline.sources.manifest import REPORT_DATASETS, Source, load_manifest, sources_of

# The reference assets are declared from the repository's manifest when the code location loads.
DEFINITION_MANIFEST: list[Source] = load_manifest(Settings.from_env().manifest_path)


def raw_asset_key(source: Source) -> str:
    return f"raw_{source.id}"


def raw_keys(dataset: str) -> list[str]:
    return [raw_asset_key(source) for source in sources_of(DEFINITION_MANIFEST, dataset)]


def _source_metadata(source: Source, path) -> dict:
    return {
        "path": MetadataValue.path(str(path)),
        "sha256": source.sha256,
        "size_bytes": path.stat().st_size,
        "url": MetadataValue.url(source.url) if source.url else "tracked in repository",
        "synthetic": source.synthetic,
    }


def _raw_asset(source: Source) -> AssetsDefinition:
    @asset(
        name=raw_asset_key(source),
        group_name="raw",
        description=f"{source.title}. {source.publisher}. Verified against sha256 {source.sha256}.",
        tags={"synthetic": str(source.synthetic).lower(), "dataset": source.dataset},
    )
    def _acquire(context: AssetExecutionContext, ctip: CtipPaths) -> MaterializeResult:
        path = verified_path(source, ctip.settings())
        return MaterializeResult(metadata=_source_metadata(source, path), data_version=DataVersion(source.sha256))

    return _acquire


def report_sources_in_run(context: AssetExecutionContext, settings: Settings) -> list[Source]:
    """The manifest entries of this run's partitions; a partition the manifest no longer lists stops the run."""
    by_id = {source.id: source for source in manifest_sources(settings)}
    missing = [key for key in context.partition_keys if key not in by_id]
    if missing:
        raise Failure(f"partition(s) {', '.join(missing)} are not in {settings.manifest_path}: "
                      "`ctip run` (or the sensor) makes the partitions the manifest's report sources")
    return [by_id[key] for key in context.partition_keys]


@asset(group_name="raw", partitions_def=report_sources, backfill_policy=BackfillPolicy.single_run(),
       tags={"datasets": ".".join(REPORT_DATASETS)})
def raw_report_files(context: AssetExecutionContext, ctip: CtipPaths) -> None:
    """Report files, one partition per manifest source of a report dataset, each verified against its sha256."""
    settings = ctip.settings()
    for source in report_sources_in_run(context, settings):
        path = verified_path(source, settings)
        context.add_asset_metadata({**_source_metadata(source, path), "dataset": source.dataset,
                                    "title": source.title}, partition_key=source.id)


def raw_assets() -> list[AssetsDefinition]:
    """The manifest decides the reference assets: a new reference is a manifest entry, not code."""
    return [raw_report_files, *(_raw_asset(source) for source in DEFINITION_MANIFEST
                                if source.dataset not in REPORT_DATASETS)]
