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
PORT ?= 3000

.PHONY: run test lint dev demo bench fuzz fuzz-survey wild-survey bootstrap dagster-home

run: bootstrap dagster-home  ## the full pipeline on the real sources: raw -> warehouse -> metrics -> report version
	$(UV) run --locked ctip run

test: bootstrap  ## lint, then every test
	$(UV) run --locked ruff check .
	$(UV) run --locked pytest -n auto --dist loadfile  # files in parallel (one per core); a file's tests in order

demo: bootstrap  ## the pipeline plus a generated SYNTHETIC TIPC report, into demo/
	$(UV) run --locked ctip run --demo

bench: bootstrap  ## pipeline runs, PDF extraction, 10 M rows at scale; the table reader's speed; ICDAR 2013 beside camelot and pdfplumber
	$(UV) run --locked python tests/benchmarks/bench_pipeline.py
	$(UV) run --locked python tests/benchmarks/bench_scale.py
	$(UV) run --locked python tests/benchmarks/bench_tables.py
	$(UV) run --locked python tests/benchmarks/bench_icdar.py

fuzz: bootstrap  ## layout fuzzing of the TIPC reader: 5,000 layouts of each fuzzer from a fresh seed (CTIP_FUZZ_SEED=N reruns one; hours on 2 cores)
	@seed=$${CTIP_FUZZ_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; \
	echo "fuzz seed $$seed (rerun with: CTIP_FUZZ_SEED=$$seed make fuzz)"; \
	CTIP_FUZZ_STRICT=1 CTIP_FUZZ_SEED=$$seed CTIP_FUZZ_EXAMPLES=$${CTIP_FUZZ_EXAMPLES:-5000} \
		$(UV) run --locked pytest tests/extract/test_tipc_fuzz.py -p no:cacheprovider -k "every_layout or every_broken or regression" && \
	CTIP_WILD_SEED=$$seed CTIP_WILD_EXAMPLES=$$(( $${CTIP_FUZZ_EXAMPLES:-5000} / 2 )) \
		$(UV) run --locked pytest tests/extract/test_wild_fuzz.py -p no:cacheprovider -k "never_misreads or once_misread"  # the independent fuzzer: half each engine

fuzz-survey: bootstrap  ## every outcome of 5,000 layouts, never stopping: counts per refusal and misread, failing files listed
	@seed=$${CTIP_FUZZ_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; echo "fuzz survey seed $$seed"; \
	$(UV) run --locked python tests/extract/test_tipc_fuzz.py $${CTIP_FUZZ_EXAMPLES:-5000} $$seed

wild-survey: bootstrap  ## the independent layout fuzzer (tests/extract/wild): outcomes of SYNTHETIC reports per engine
	@seed=$${CTIP_WILD_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; echo "wild survey seed $$seed"; \
	$(UV) run --locked python -m tests.extract.wild.survey \
		$${CTIP_WILD_OUT:-/tmp/ctip-wild-$$seed} --seed $$seed --count $${CTIP_WILD_EXAMPLES:-200} --engine both --jobs 2

lint: bootstrap
	$(UV) run --locked ruff check .

dev: bootstrap dagster-home  ## the Dagster UI on http://127.0.0.1:3000 (with the daemon: sensor, schedule); PORT=, LOG_LEVEL=debug
	exec "$(CURDIR)/.venv/bin/ctip" dev --port $(PORT) $(if $(LOG_LEVEL),--log-level $(LOG_LEVEL))

dagster-home:  ## instance settings (one run at a time) unless DAGSTER_HOME already has its own
	@mkdir -p "$(DAGSTER_HOME)"
	@[ -f "$(DAGSTER_HOME)/dagster.yaml" ] || cp pipeline/dagster.yaml "$(DAGSTER_HOME)/dagster.yaml"

bootstrap: $(UV)
	$(UV) sync --locked --quiet

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv "$(CURDIR)/.tools"
	"$(CURDIR)/.tools/bin/pip" install --quiet "uv==$(UV_VERSION)"
