"""`ctip`: run the pipeline, inspect its sources and audit its report versions from a terminal.

One module per command group (run, extract, sources, lineage, audit, dev); this one assembles them and turns the
errors a person has to fix into one line and exit code 2."""

from __future__ import annotations

import sys

import click

from pipeline.cli.audit import diff_command, verify_command
from pipeline.cli.dev import dev_command
from pipeline.cli.extract import extract_command
from pipeline.cli.lineage import lineage_command
from pipeline.cli.run import run_command
from pipeline.cli.sources import add_source_command, sources_command
from pipeline.cli.tables import tables_command

EXAMPLES = """\b
Examples:
  ctip run                                   the whole pipeline (what `make run` does)
  ctip sources                               every input, with its sha256
  ctip lineage ucr_town_female_arrests --town Hartford --year 2013
  ctip verify LATEST                         re-derive the latest version, compare every file
  ctip diff OLD_VERSION NEW_VERSION          what moved between two versions
  ctip COMMAND --help                        a command's options and examples
"""

COMMANDS = [run_command, sources_command, add_source_command, extract_command, tables_command, lineage_command,
            verify_command, diff_command, dev_command]


def version_text() -> str:
    """The package version, and the git commit of this checkout when there is one (with '-dirty' if changed)."""
    import subprocess
    from importlib.metadata import version
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    text = f"ctip {version('ctip')}"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                                text=True, check=True, timeout=5).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, check=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return text
    return f"{text} (commit {commit}{'-dirty' if dirty else ''})" if commit else text


def _print_version(context: click.Context, _: click.Parameter, value: bool) -> None:
    if value and not context.resilient_parsing:
        click.echo(version_text())
        context.exit(0)


class _Commands(click.Group):
    def list_commands(self, context: click.Context) -> list[str]:
        return [command.name for command in COMMANDS]  # in the order a newcomer uses them, not alphabetical


@click.group("ctip", cls=_Commands, invoke_without_command=True, epilog=EXAMPLES,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Print the ctip version and git commit, then exit.")
@click.pass_context
def cli(context: click.Context) -> int | None:
    """Reproducible, auditable pipeline: Connecticut prostitution / patronizing arrests and convictions.

    Every published number traces back to the file, page, table, row and column it came from."""
    if context.invoked_subcommand is None:
        click.echo(context.get_help())
        return 0
    return None


for _command in COMMANDS:
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> int:
    """The console script: an exit code, never a traceback for an error a person has to fix."""
    try:
        code = cli.main(args=argv, prog_name="ctip", standalone_mode=False)
    except click.ClickException as exc:  # a usage error: the usage line, the error, exit 2
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("ctip: interrupted", err=True)
        return 130
    except _expected_errors() as exc:  # a human's to fix: one line naming the file, entry or version
        click.echo(f"ctip {_command_in(argv)}: {exc}", err=True)
        return 2
    return code if isinstance(code, int) else 0


def _command_in(argv: list[str] | None) -> str:
    words = [word for word in (sys.argv[1:] if argv is None else argv) if not word.startswith("-")]
    return words[0] if words and words[0] in cli.commands else "ctip"


def _expected_errors() -> tuple[type[BaseException], ...]:
    from pipeline.report.publish import LatestDamaged
    from pipeline.sources.acquire import AcquisitionError
    from pipeline.sources.manifest import ManifestError
    from pipeline.warehouse.load import WarehouseBusy, WarehouseCorrupt

    return ManifestError, LatestDamaged, AcquisitionError, WarehouseBusy, WarehouseCorrupt, FileNotFoundError
