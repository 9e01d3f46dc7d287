# Two commands on a fresh machine: `make run` and `make test`. Both build .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck check bench clean migration mutate mutate-score mutate-again

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/disclosure-bot start

# Store and answer tests run on PostgreSQL too where its server is installed (.ci/run installs it).
test: $(STAMP)
	eval "$$(.ci/postgres --no-install)" && $(BIN)/pytest -q

# A new schema migration from the models' changes: make migration m="what changed"
migration: $(STAMP)
	$(BIN)/alembic -c store/migrations/alembic.ini revision --autogenerate -m "$(m)" \
		--rev-id $$(printf %04d $$(( $$(ls store/migrations/versions/*.py | wc -l) + 1 )))

# Style, and the layers: import-linter's contracts in pyproject.toml (docs/architecture.md).
lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

# Mutation testing of the modules where a silent bug costs most (docs/testing.md): all the
# ready ones, or one: make mutate MODULE=bot/validation/rules.py. Results stay in mutants/.
mutate: $(STAMP)
	$(BIN)/python tools/mutate.py $(MODULE)

# The score of each module from the last runs, and the mutants that survived.
mutate-score: $(STAMP)
	$(BIN)/python tools/mutate.py --score $(MODULE)

# Only the mutants not killed yet, again: the survivors (after a new test) and those not run
# yet (a run stopped half way resumes).
mutate-again: $(STAMP)
	$(BIN)/python tools/mutate.py --again $(MODULE)

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache mutants

# Answer time over a national index (bench/.data, built on first use: ~4 min for 100,000 agencies)
bench-answer: $(STAMP)
	$(BIN)/python -m bench.answer --agencies 1000 10000 100000 --questions 2000

bench-answer-quick: $(STAMP)
	$(BIN)/python -m bench.answer --agencies 1000 10000 --questions 500
