"""`ctip dev` (what `make dev` runs): the Dagster UI and daemon, quiet by default, stopped whole by Ctrl-C or
SIGTERM within seconds."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click

EXAMPLES = """\b
Examples:
  ctip dev                           the UI on http://127.0.0.1:3000, with the daemon (sensors, schedule)
  ctip dev --port 3001
  ctip dev --log-level debug         the webserver's, daemon's and code server's own debug lines
  make dev LOG_LEVEL=debug           the same through make (or CTIP_LOG_LEVEL=debug in the environment)
"""

# `dagster dev` calls itself superseded by `dg dev`, which needs the dg project layout (see README, "Dagster UI").
_SUPERSEDED = "ignore:Function `dev_command` is superseded"
GRACE_SECONDS = 6.0  # after Ctrl-C / SIGTERM: time for Dagster's own clean shutdown before the rest is killed


@click.command("dev", epilog=EXAMPLES, short_help="Start the Dagster UI and daemon (what `make dev` runs).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address the UI listens on.")
@click.option("--port", default=3000, type=int, show_default=True, help="Port of the UI.")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
              help="Log level of the webserver, daemon and code servers (default: CTIP_LOG_LEVEL, else info). "
                   "Runs print at the level in DAGSTER_HOME/dagster.yaml (python_logs: INFO).")
def dev_command(host: str, port: int, log_level: str | None) -> int:
    """Start the Dagster webserver and daemon on this project's workspace.yaml and DAGSTER_HOME.

    Quiet by default: INFO lines from the services and runs, no API-stability warnings; DEBUG on request.
    Ctrl-C or SIGTERM stops the UI, the daemon, the code servers and any run within a few seconds."""
    level = (log_level or os.environ.get("CTIP_LOG_LEVEL") or "info").lower()
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, "-W", _SUPERSEDED, "-m", "dagster", "dev", "-w", str(root / "workspace.yaml"),
               "-h", host, "-p", str(port), "--log-level", level,
               "--code-server-log-level", "debug" if level == "debug" else "warning"]
    # An ignored SIGINT (inherited by anything started in the background) is passed on to every Dagster process,
    # and Dagster maps SIGTERM to SIGINT's handler: they would ignore SIGTERM too. Give them the default.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    services = subprocess.Popen(command, cwd=root, start_new_session=True)  # a group of its own, stopped as one below
    received: list[int] = []
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda number, _: received.append(number))
    while services.poll() is None and not received:
        time.sleep(0.2)
    if received:
        click.echo(f"ctip dev: {signal.Signals(received[0]).name} received; stopping the Dagster services",
                   err=True)
    _stop_group(services)
    return 0 if received else services.returncode


def _stop_group(services: subprocess.Popen) -> None:
    """SIGINT to the whole group (Dagster shuts down cleanly on it), then SIGKILL to whatever is left."""
    group = services.pid
    _signal_group(group, signal.SIGINT)
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline and _group_alive(group):
        services.poll()
        time.sleep(0.2)
    _signal_group(group, signal.SIGKILL)
    services.wait()


def _signal_group(group: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signum)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True
