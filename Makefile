# Two commands for a fresh machine:  make demo  and  make test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
export OMP_WAIT_POLICY = passive

.PHONY: install install-test demo test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

## demo: install, then ingest the bundled sample corpus into demo.db and look around
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsthread ingest --db $(DEMO_DB) examples/demo/corpus
	$(BIN)/newsthread articles --db $(DEMO_DB)
	$(BIN)/newsthread search --db $(DEMO_DB) "kabel"
	$(BIN)/newsthread stories --db $(DEMO_DB)
	$(BIN)/newsthread quotes --db $(DEMO_DB) --speaker Vestergaard

## test: install with test tools, lint, run every test
test: install-test
	$(BIN)/ruff check $(wildcard src tests benchmarks scripts)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
