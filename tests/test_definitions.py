"""The asset graph is part of the interface auditors read: changes to it must be deliberate."""

import os
from pathlib import Path

from pipeline.definitions import defs

SNAPSHOT = Path(__file__).parent / "snapshots" / "asset_graph.txt"


def asset_graph_lines() -> list[str]:
    graph = defs.resolve_asset_graph()
    lines = []
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        parents = ", ".join(sorted(p.to_user_string() for p in node.parent_keys))
        partitions = f"[{node.partitions_def.name}] " if node.partitions_def else ""
        lines.append(f"{node.group_name:<10} {key.to_user_string():<32} {partitions}<- {parents}".rstrip())
    return lines


def test_asset_graph_matches_snapshot():
    lines = asset_graph_lines()
    if os.environ.get("CTIP_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(lines) + "\n")
    assert SNAPSHOT.read_text().splitlines() == lines, (
        "the asset graph changed; if intended, rerun with CTIP_UPDATE_SNAPSHOTS=1 and commit the snapshot")


def test_every_asset_links_to_its_code_and_stage():
    graph = defs.resolve_asset_graph()
    stages = {"raw", "extract", "validate", "warehouse", "metrics", "figures", "report"}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.group_name in stages, key
        assert "dagster/code_references" in node.metadata, key
        assert node.code_version, key


def test_the_full_job_runs_in_one_process():
    job = defs.resolve_job_def("full_pipeline")
    assert job.executor_def.name == "in_process"
    graph = defs.resolve_asset_graph()
    assert len(job.graph.node_defs) == len(graph.get_all_asset_keys()) + len(graph.asset_check_keys)


def test_validation_checks_block():
    graph = defs.resolve_asset_graph()
    checks = {key.name: graph.get_check_spec(key) for key in graph.asset_check_keys}
    assert set(checks) == {"schema_expectations", "jurisdictions_expectations", "keys_expectations",
                           "reconciliation_expectations", "plausibility_expectations"}
    assert all(spec.blocking for spec in checks.values())


def test_only_the_report_assets_are_partitioned_by_source():
    graph = defs.resolve_asset_graph()
    partitioned = {key.to_user_string(): graph.get(key).partitions_def for key in graph.get_all_asset_keys()
                   if graph.get(key).partitions_def}
    assert set(partitioned) == {"raw_report_files", "report_tables_extracted"}
    assert {d.name for d in partitioned.values()} == {"report_sources"}


def test_every_asset_description_renders_as_written():
    """The UI renders descriptions as Markdown: a `<word>` outside code would vanish as an HTML tag (as
    'reports/<period>-<hash>/' once rendered as 'reports/-/')."""
    import re

    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        description = graph.get(key).description
        assert description and description.strip(), key
        outside_code = re.sub(r"`[^`]*`", "", description)
        assert not re.search(r"<[A-Za-z/!][^>]*>", outside_code), (key, description)

