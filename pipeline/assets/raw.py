"""Stage raw: one asset per manifest entry, acquired and checked by sha256 before anything reads it."""


from dagster import AssetExecutionContext, AssetsDefinition, DataVersion, MaterializeResult, MetadataValue, asset

from pipeline.assets.resources import CtipPaths
from pipeline.settings import Settings
from pipeline.sources.inventory import verified_path
from pipeline.sources.manifest import Source, load_manifest, sources_of

# The asset graph is declared from the repository's manifest when the code location loads.
DEFINITION_MANIFEST: list[Source] = load_manifest(Settings.from_env().manifest_path)


def raw_asset_key(source: Source) -> str:
    return f"raw_{source.id}"


def raw_keys(dataset: str) -> list[str]:
    return [raw_asset_key(source) for source in sources_of(DEFINITION_MANIFEST, dataset)]


def _raw_asset(source: Source) -> AssetsDefinition:
    @asset(
        name=raw_asset_key(source),
        group_name="raw",
        code_version=source.sha256[:16],
        description=f"{source.title}. {source.publisher}. Verified against sha256 {source.sha256}.",
        tags={"synthetic": str(source.synthetic).lower(), "dataset": source.dataset},
    )
    def _acquire(context: AssetExecutionContext, ctip: CtipPaths) -> MaterializeResult:
        path = verified_path(source, ctip.settings())
        return MaterializeResult(
            metadata={
                "path": MetadataValue.path(str(path)),
                "sha256": source.sha256,
                "size_bytes": path.stat().st_size,
                "url": MetadataValue.url(source.url) if source.url else "tracked in repository",
                "synthetic": source.synthetic,
            },
            data_version=DataVersion(source.sha256),
        )

    return _acquire


def raw_assets() -> list[AssetsDefinition]:
    """The manifest decides the raw assets: a new source is a new manifest entry, not new code."""
    return [_raw_asset(source) for source in DEFINITION_MANIFEST]
