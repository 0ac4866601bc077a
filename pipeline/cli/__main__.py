"""`python -m pipeline.cli` (how `ctip verify` re-derives a version in this checkout)."""

import sys

from pipeline.cli import main

sys.exit(main())
