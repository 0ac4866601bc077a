"""The Dagster shell: one short module per stage, calling the pure core.

Dagster's API-stability notices (BetaWarning, PreviewWarning: code references, backfill policies, dynamic
partition requests) are for Dagster's developers, not for researchers or operators: they are silenced here, in
every process that loads these definitions (`ctip run`, the code server of `make dev`, the daemon's run workers).
"""

import warnings

from dagster import BetaWarning, PreviewWarning

warnings.filterwarnings("ignore", category=BetaWarning)
warnings.filterwarnings("ignore", category=PreviewWarning)
