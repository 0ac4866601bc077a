"""`ctip verify` and `ctip diff`: is a published version what its recorded code and inputs make, and what moved
between two versions."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.common import echo_json, error

VERIFY_EXAMPLES = """\b
Examples:
  ctip verify LATEST
  ctip verify 2005-2016-aaaaaaaaaaaa --quiet      one line: identical, or what differs
  ctip verify LATEST --json | jq .status
"""

DIFF_EXAMPLES = """\b
Examples:
  ctip diff 2005-2016-aaaaaaaaaaaa 2005-2016-bbbbbbbbbbbb
  ctip diff 2005-2016-aaaaaaaaaaaa LATEST --json | jq '.metrics | length'
"""


@click.command("verify", epilog=VERIFY_EXAMPLES, short_help="Re-derive a report version and compare every file.")
@click.argument("version", metavar="VERSION")
@click.option("-q", "--quiet", is_flag=True, help="Print one line: the verdict (no note of where it re-derived).")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict, differing files and causes as JSON.")
def verify_command(version: str, quiet: bool, as_json: bool) -> int:
    """Check VERSION (a name, LATEST or a version folder) against its MANIFEST.json, then re-derive it where it
    was made (this checkout, or a temporary worktree at its commit with that commit's uv.lock) and compare every
    file's sha256. Exit 0 when identical; 1 naming the differing files and the recorded causes."""
    outcome = _verify(version, announce=not (quiet or as_json))
    if as_json:
        echo_json(outcome)
    else:
        click.echo(_verdict(outcome) if quiet else _report(outcome),
                   err=outcome["status"] == "cannot_rederive")
    return 0 if outcome["status"] == "identical" else 1


def _verify(version: str, announce: bool) -> dict:
    """The outcome as data: what the text and the JSON both say."""
    from pipeline.report import audit
    from pipeline.report.rederive import RederiveError, provenance_differences, rederive, scratch_folder
    from pipeline.settings import Settings

    settings = Settings.from_env()
    folder = audit.resolve_version(settings.reports_dir, version)
    recorded = audit.manifest(folder)
    outcome = {"version": folder.name, "commit": recorded.get("git_commit"), "status": "identical",
               "altered": audit.altered_files(folder), "differing": [], "causes": [], "where": None,
               "files": len(audit.file_hashes(folder)) + 1, "error": None}
    if outcome["altered"]:
        outcome["status"] = "altered"
        return outcome
    with scratch_folder() as scratch:
        try:
            with rederive(recorded, settings, settings.raw_dir.parent, Path(scratch)) as rebuilt:
                outcome["where"] = rebuilt.where
                if announce:
                    click.echo(f"ctip verify: {folder.name}: re-derived at {rebuilt.where}", err=True)
                outcome["differing"] = audit.differing_files(folder, rebuilt.folder)
                outcome["causes"] = provenance_differences(recorded, audit.manifest(rebuilt.folder))
        except RederiveError as exc:
            outcome.update(status="cannot_rederive", error=str(exc))
            return outcome
    if outcome["differing"]:
        outcome["status"] = "differs"
    return outcome


def _verdict(outcome: dict) -> str:
    name, commit = outcome["version"], (outcome["commit"] or "unknown")[:12]
    if outcome["status"] == "altered":
        return (f"ctip verify: {name}: files changed since publication (they no longer match its MANIFEST.json): "
                f"{', '.join(outcome['altered'])}")
    if outcome["status"] == "cannot_rederive":
        return f"ctip verify: {name}: cannot re-derive: {outcome['error']}"
    if outcome["status"] == "differs":
        return (f"ctip verify: {name}: differs from its re-derivation at commit {commit}: "
                f"{', '.join(outcome['differing'])}")
    return f"ctip verify: {name}: identical to its re-derivation at commit {commit} ({outcome['files']} files)"


def _report(outcome: dict) -> str:
    if outcome["status"] != "differs":
        return _verdict(outcome)
    causes = outcome["causes"]
    return _verdict(outcome) + "\n  causes recorded in MANIFEST.json: " + (
        "; ".join(causes) if causes else
        "none (same inputs, lock, commit, Python and packages): the build is not reproducible here")


@click.command("diff", epilog=DIFF_EXAMPLES, short_help="What changed between two versions: inputs, provenance, "
                                                        "metrics.")
@click.argument("old_version", metavar="OLD_VERSION")
@click.argument("new_version", metavar="NEW_VERSION")
@click.option("--json", "as_json", is_flag=True, help="Print provenance, inputs and moved metric values as JSON.")
def diff_command(old_version: str, new_version: str, as_json: bool) -> int:
    """Compare OLD_VERSION with NEW_VERSION (names, LATEST or folders): provenance differences (commit, lock,
    Python, packages, asset code versions), changed inputs, and every metric value that moved."""
    from pipeline.report import audit
    from pipeline.report.rederive import provenance_differences
    from pipeline.settings import Settings

    reports = Settings.from_env().reports_dir
    try:
        old, new = (audit.resolve_version(reports, v) for v in (old_version, new_version))
    except FileNotFoundError as exc:
        return error(str(exc))
    provenance = [cause for cause in provenance_differences(audit.manifest(old), audit.manifest(new))
                  if not cause.startswith("inputs")]
    inputs = audit.input_changes(audit.manifest(old), audit.manifest(new))
    changed_inputs = inputs[inputs.status != "same"] if not inputs.empty else inputs
    metrics = audit.metric_changes(old, new)
    if as_json:
        echo_json({"old": old.name, "new": new.name, "provenance": provenance,
                   "inputs": {"total": len(inputs), "changed": changed_inputs.to_dict("records")},
                   "metrics": metrics.to_dict("records")})
        return 0
    click.echo(f"Provenance: {len(provenance)} difference(s)" + "".join(f"\n- {cause}" for cause in provenance))
    click.echo(f"\nInputs: {len(changed_inputs)} of {len(inputs)} changed")
    if not changed_inputs.empty:
        click.echo(changed_inputs.to_markdown(index=False))
    click.echo(f"\nMetrics: {len(metrics)} value(s) moved between {old.name} and {new.name}")
    if not metrics.empty:
        click.echo(metrics.to_markdown(index=False))
    return 0
