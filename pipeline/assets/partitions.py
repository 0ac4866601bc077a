"""Partitions: one per report source (a UCR year, a TIPC report), kept equal to the manifest's report sources."""

from __future__ import annotations

from collections.abc import Sequence

from dagster import (
    AddDynamicPartitionsRequest,
    DagsterInstance,
    DeleteDynamicPartitionsRequest,
    DynamicPartitionsDefinition,
)

from pipeline.sources.manifest import REPORT_DATASETS, Source, report_source_ids

# Dynamic, not static: a sensor adds the partition of a new report without the code location reloading.
report_sources = DynamicPartitionsDefinition(name="report_sources")

RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def partition_order(existing: Sequence[str], wanted: Sequence[str]) -> list[str]:
    """Dagster orders dynamic partitions by when they were added: kept ones first, then new ones."""
    return [key for key in existing if key in wanted] + [key for key in wanted if key not in existing]


def partition_requests(existing: Sequence[str], wanted: Sequence[str]) -> list:
    """What turns the existing partitions into the wanted ones (the sensor returns these to the daemon)."""
    added = [key for key in wanted if key not in existing]
    removed = [key for key in existing if key not in wanted]
    return ([AddDynamicPartitionsRequest(report_sources.name, added)] if added else []) + \
        ([DeleteDynamicPartitionsRequest(report_sources.name, removed)] if removed else [])


def apply_partition_requests(instance: DagsterInstance, requests: Sequence) -> None:
    """What the daemon does with a sensor's requests; `ctip run` and tests do it themselves."""
    for request in requests:
        if isinstance(request, AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)


def range_tags(ordered_keys: Sequence[str]) -> dict[str, str]:
    """One run over a span of partitions (the assets read them all at once: BackfillPolicy.single_run)."""
    return {RANGE_START: ordered_keys[0], RANGE_END: ordered_keys[-1]}


def sync_partitions(instance: DagsterInstance, sources: Sequence[Source]) -> list[str]:
    """Make the instance's partitions the manifest's report sources; returns them in Dagster's order."""
    wanted = report_source_ids(list(sources))
    if not wanted:
        raise ValueError(f"the manifest lists no report source (datasets {', '.join(REPORT_DATASETS)}): "
                         "there is nothing to extract")
    apply_partition_requests(instance, partition_requests(instance.get_dynamic_partitions(report_sources.name),
                                                          wanted))
    return instance.get_dynamic_partitions(report_sources.name)


def full_run_tags(instance: DagsterInstance, sources: Sequence[Source]) -> dict[str, str]:
    """Tags for one run over every report source (what `ctip run` and the yearly schedule do)."""
    return range_tags(sync_partitions(instance, sources))
