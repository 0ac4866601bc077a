"""What every `ctip` command shares: one-line errors, JSON for scripts, tables with headers."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click


def error(message: str, code: int = 2) -> int:
    """One line on stderr, `ctip <command>: message`; returns the exit code so a command can `return error(...)`."""
    click.echo(f"{command_name()}: {message}", err=True)
    return code


def command_name() -> str:
    context = click.get_current_context(silent=True)
    return context.command_path if context else "ctip"


def echo_json(document: object) -> None:
    """Stable, readable JSON on stdout (what scripts parse); numbers stay numbers."""
    click.echo(json.dumps(document, indent=2, ensure_ascii=False, default=str))


def table(rows: Sequence[Sequence[object]], headers: Sequence[str]) -> str:
    """Columns under a header line, as `git branch -v` or `uv pip list` print them."""
    from tabulate import tabulate

    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
