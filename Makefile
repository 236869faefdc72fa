# Everyday acts. The first `make demo` or `make test` creates .venv and installs the exact
# versions in requirements.lock; after that nothing here touches the network.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANIFEST := dbt/target/manifest.json
DBT_SOURCES := $(shell find dbt/models dbt/macros dbt/tests dbt/analyses -type f 2>/dev/null) dbt/dbt_project.yml $(wildcard seeds/*.csv)

export DAGSTER_HOME ?= $(CURDIR)/warehouse/dagster_home
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DAGSTER_DISABLE_TELEMETRY := true

.PHONY: demo test ui live validate lint clean install bench placebo evaluate train spark

demo: $(INSTALLED) $(MANIFEST) ## backfill the bundled Jan 2025 window and print the top impacts
	$(BIN)/newsimpact demo

test: $(INSTALLED) $(MANIFEST) ## run the whole test suite
	$(BIN)/python -m pytest

ui: $(INSTALLED) $(MANIFEST) ## the Dagster UI on http://127.0.0.1:3000
	$(BIN)/newsimpact ui

live: $(INSTALLED) $(MANIFEST) ## fetch yesterday and today from the real URLs into warehouse/live/
	NEWSIMPACT_TRANSPORT=live NEWSIMPACT_WAREHOUSE=$(CURDIR)/warehouse/live/newsimpact.duckdb \
		$(BIN)/newsimpact run

validate: $(INSTALLED) $(MANIFEST) ## check that the code location loads
	$(BIN)/newsimpact home
	$(BIN)/dagster definitions validate

evaluate: $(INSTALLED) $(MANIFEST) ## score event types, entities and sentiment on every labelled set, as one table
	$(BIN)/newsimpact evaluate

train: $(INSTALLED) $(MANIFEST) ## refit the learned reading on the corpus's train and dev splits: seeds/reading_*.csv
	$(BIN)/python -m orchestration.evaluation.training

SPARK_DEMO := $(CURDIR)/warehouse/spark_demo
spark: $(INSTALLED) $(MANIFEST) ## the demo with the dbt project on Spark in local mode (warehouse/spark_demo/)
	NEWSIMPACT_DBT_TARGET=spark NEWSIMPACT_WAREHOUSE=$(SPARK_DEMO)/newsimpact.duckdb \
		DAGSTER_HOME=$(SPARK_DEMO)/dagster_home $(BIN)/newsimpact demo

SIZE ?= S
bench: $(INSTALLED) $(MANIFEST) ## benchmark at SIZE=S|M|L: one JSON line per measurement on stdout
	@$(BIN)/python -m tests.benchmarks.bench --size $(SIZE)

SAMPLES ?= 1000
placebo: $(INSTALLED) ## size and power of the type-level tests by placebo simulation (SAMPLES=1000): a table for the README
	@$(BIN)/python -m tests.benchmarks.placebo --samples $(SAMPLES) --format markdown

lint: $(INSTALLED) ## ruff, and the layers of orchestration/ (import-linter)
	$(BIN)/ruff check orchestration tests
	$(BIN)/lint-imports

install: $(INSTALLED)

$(INSTALLED): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $@

$(MANIFEST): $(INSTALLED) $(DBT_SOURCES)
	cd dbt && ../$(BIN)/dbt parse --quiet --profiles-dir .
	touch $@

clean: ## remove the warehouse (DuckDB file, landing archive, Dagster runs) and dbt's target
	rm -rf warehouse/newsimpact.duckdb* warehouse/landing warehouse/serving warehouse/reports warehouse/dagster_home warehouse/raw_parquet warehouse/spark warehouse/spark_demo dbt/target dbt/logs
