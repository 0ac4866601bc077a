"""Stage extract: verified raw files to tidy rows and reference tables (the pure work is in pipeline.extract)."""

from contextlib import contextmanager
from functools import partial

import pandas as pd
from dagster import AssetExecutionContext, BackfillPolicy, MetadataValue, Output, asset

from pipeline.assets.partitions import report_sources
from pipeline.assets.raw import raw_keys, report_sources_in_run
from pipeline.assets.resources import CtipPaths
from pipeline.assets.table_metadata import frame_table
from pipeline.extract.bounded import kind_of, run_bounded
from pipeline.extract.published import extract_published_totals
from pipeline.extract.reference import (
    load_crosswalk,
    load_dph_population,
    load_measures,
    load_statutes,
    load_towns,
)
from pipeline.extract.reports import extract_report
from pipeline.extract.spec_table import TableSpec, load_spec
from pipeline.extract.store import read_extracted, read_refused, write_extracted
from pipeline.extract.tidy import conform
from pipeline.extract.vocabulary import Vocabulary
from pipeline.settings import Settings
from pipeline.sources.inventory import manifest_sources, source_ref, sources_table, verified_snapshot
from pipeline.sources.manifest import sources_of


def _output(frame: pd.DataFrame, **metadata) -> Output:
    return Output(frame, metadata={**frame_table(frame),
                                   "preview": MetadataValue.md(frame.head(10).to_markdown(index=False)),
                                   **metadata})


@contextmanager
def _only(settings: Settings, dataset: str):
    """The one source of a reference dataset, as a private verified snapshot."""
    (source,) = sources_of(manifest_sources(settings), dataset)
    with verified_snapshot(source, settings) as path:
        yield source, path


@asset(group_name="extract", deps=raw_keys("reference_towns"))
def ct_towns(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Connecticut's 169 towns: the reference every town name is resolved against."""
    with _only(ctip.settings(), "reference_towns") as (_, path):
        return _output(load_towns(path))


@asset(group_name="extract", deps=raw_keys("reference_population"))
def town_population(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """DPH population estimates by town and year, for rates per 100,000."""
    with _only(ctip.settings(), "reference_population") as (source, path):
        return _output(load_dph_population(path, source.id))


@asset(group_name="extract", deps=raw_keys("reference_crosswalk"))
def ucr_agency_crosswalk(ctip: CtipPaths, ct_towns: pd.DataFrame) -> Output[pd.DataFrame]:
    """The reviewed map from every UCR column header of every year to a jurisdiction."""
    with _only(ctip.settings(), "reference_crosswalk") as (source, path):
        return _output(load_crosswalk(path, set(ct_towns.town)), sha256=source.sha256)


@asset(group_name="extract", deps=raw_keys("reference_statutes"))
def statutes(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Statute -> role (seller, buyer, promoter, trafficker), and the offence names a report may print."""
    with _only(ctip.settings(), "reference_statutes") as (_, path):
        return _output(load_statutes(path))


@asset(group_name="extract", deps=raw_keys("reference_table_spec"))
def table_specs(ctip: CtipPaths) -> Output[dict[str, TableSpec]]:
    """Declared specs of printed statistical tables (rows, columns, unit, symbols), by name."""
    settings = ctip.settings()
    specs = {}
    for source in sources_of(manifest_sources(settings), "reference_table_spec"):
        with verified_snapshot(source, settings) as path:
            spec = load_spec(path)
        specs[spec.name] = spec
    return Output(specs, metadata={"specs": MetadataValue.json(sorted(specs))})


@asset(group_name="extract", deps=raw_keys("reference_measures"))
def measures(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Arrests, convictions, and the words a report prints for them."""
    with _only(ctip.settings(), "reference_measures") as (_, path):
        return _output(load_measures(path))


@asset(group_name="extract")
def source_inventory(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """The manifest as a table, so that every warehouse row can be joined to its source."""
    return _output(sources_table(manifest_sources(ctip.settings())))


@asset(group_name="extract", partitions_def=report_sources, backfill_policy=BackfillPolicy.single_run(),
       deps=["raw_report_files"])
def report_tables_extracted(context: AssetExecutionContext, ctip: CtipPaths, ct_towns: pd.DataFrame,
                            statutes: pd.DataFrame, measures: pd.DataFrame, table_specs: dict[str, TableSpec],
                            ucr_agency_crosswalk: pd.DataFrame) -> None:
    """Every printed count of one report's tables (UCR CSV; TIPC PDF, CSV, XLSX) with page and row, kept on
    disk per source so that a refresh extracts only what is new."""
    settings = ctip.settings()
    vocabulary = Vocabulary.from_tables(statutes, measures)
    for source in report_sources_in_run(context, settings):
        with verified_snapshot(source, settings) as snapshot:  # read in a child process within ctip's limits
            frame, refused = run_bounded(partial(extract_report, source, snapshot, towns=ct_towns.town,
                                                 vocabulary=vocabulary, crosswalk=ucr_agency_crosswalk,
                                                 specs=table_specs), name=source.filename,
                                         what=kind_of(source.filename))
        path = write_extracted(frame, settings.extracted_dir, source, refused)
        context.log.info(f"{source.id}: {len(frame)} tidy rows -> {path.name}"
                         + (f"; {len(refused)} table(s) refused (validation decides: tables_read)" if len(refused)
                            else ""))
        context.add_asset_metadata({**frame_table(frame), "path": MetadataValue.path(str(path)),
                                    "tables_refused": len(refused),
                                    "pages": int(frame.page.nunique()), "source_sha256": source.sha256,
                                    "preview": MetadataValue.md(frame.head(10).to_markdown(index=False))},
                                   partition_key=source.id)


def _all_extracted(settings: Settings, *datasets: str) -> tuple[pd.DataFrame, int]:
    sources = [s for dataset in datasets for s in sources_of(manifest_sources(settings), dataset)]
    frames = [read_extracted(settings.extracted_dir, source) for source in sources]
    return pd.concat([conform(pd.DataFrame()), *frames], ignore_index=True), len(frames)


@asset(group_name="extract", deps=[report_tables_extracted])
def ucr_arrests_tidy(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Every printed count of the UCR 'Prostit' rows of every year, one tidy row each, with line and column."""
    tidy, sources = _all_extracted(ctip.settings(), "ucr_arrests")
    return _output(tidy, sources=sources)


@asset(group_name="extract", deps=[report_tables_extracted])
def tipc_reports_tidy(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Every printed count of every TIPC report table in the manifest, with page and row."""
    tidy, sources = _all_extracted(ctip.settings(), "tipc_report")
    return _output(tidy, sources=sources, synthetic=bool(tidy.synthetic.any()))


@asset(group_name="extract", deps=[report_tables_extracted])
def tipc_tables_refused(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Every TIPC report table that could not be read, with where and why: a blocking check in validation
    (tables_read), unless a reviewed exception accepts it; then the report lists it."""
    settings = ctip.settings()
    return _output(read_refused(settings.extracted_dir, sources_of(manifest_sources(settings), "tipc_report")))


@asset(group_name="extract", deps=[report_tables_extracted])
def national_arrests_tidy(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """Every printed cell of the national statistical tables (as printed, with unit, and as persons) and the FBI's
    national bulk counts of the same arrests by year, sex and age."""
    tidy, sources = _all_extracted(ctip.settings(), "national_arrests_table", "national_bulk")
    return _output(tidy, sources=sources)


@asset(group_name="extract", deps=raw_keys("published_judicial"))
def published_judicial_tidy(ctip: CtipPaths) -> Output[pd.DataFrame]:
    """The published 2005-2014 statewide totals (53a-82 and 53a-83) as tidy rows."""
    with _only(ctip.settings(), "published_judicial") as (source, path):
        return _output(extract_published_totals(path, source_ref(source)))
