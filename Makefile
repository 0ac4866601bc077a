# Two commands do everything on a fresh machine with Python 3.11+ and make: `make run`, `make test`.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(or $(shell command -v uv 2>/dev/null),$(CURDIR)/.tools/bin/uv)

# The shared offline mirror of the real sources, when this checkout sits beside it (CI does).
ifeq ($(strip $(CTIP_DATA_MIRROR)),)
ifneq ($(wildcard $(CURDIR)/../shared/data),)
export CTIP_DATA_MIRROR := $(abspath $(CURDIR)/../shared/data)
endif
endif
export DAGSTER_HOME ?= $(CURDIR)/.dagster

.PHONY: run test lint dev demo bench bootstrap

run: bootstrap  ## the full pipeline on the real sources: raw -> warehouse -> metrics -> report version
	@mkdir -p "$(DAGSTER_HOME)"
	$(UV) run --locked ctip run

test: bootstrap  ## lint, then every test
	$(UV) run --locked ruff check .
	$(UV) run --locked pytest

demo: bootstrap  ## the pipeline plus a generated SYNTHETIC TIPC report, into demo/
	$(UV) run --locked ctip run --demo

bench: bootstrap  ## cold run, no-op rerun, pandas baseline, PDF extraction: a table
	$(UV) run --locked python tests/benchmarks/bench_pipeline.py

lint: bootstrap
	$(UV) run --locked ruff check .

dev: bootstrap  ## the Dagster UI on http://127.0.0.1:3000
	@mkdir -p "$(DAGSTER_HOME)"
	$(UV) run --locked dagster dev

bootstrap: $(UV)
	$(UV) sync --locked --quiet

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv "$(CURDIR)/.tools"
	"$(CURDIR)/.tools/bin/pip" install --quiet "uv==$(UV_VERSION)"
