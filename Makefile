# Two commands for a fresh machine: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 5006

.PHONY: serve test test-fast lint bench clean

serve: $(VENV)/.installed-app
	$(BIN)/panel serve app --port $(PORT) --liveness

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed-test  ## everything but the browser tests
	$(BIN)/python -m pytest -m "not ui"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run_all.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-app: $(VENV)/bin/python pyproject.toml deploy/install.sh
	deploy/install.sh $(BIN)/python
	touch $@

$(VENV)/.installed-test: $(VENV)/bin/python pyproject.toml deploy/install.sh
	deploy/install.sh $(BIN)/python test
	touch $@ $(VENV)/.installed-app

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
