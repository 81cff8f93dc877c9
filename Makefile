# Two commands for a fresh machine: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 5006

.PHONY: screenshots serve test test-fast lint bench clean bundle js-lint js-test

serve: $(VENV)/.installed-app
	PANEL=$(BIN)/panel deploy/serve.sh --port $(PORT)

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory js-lint js-test
	$(BIN)/python -m pytest

screenshots: $(VENV)/.installed-test  ## the README's pictures, from the app as it is
	SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/ui/test_screenshots.py

test-fast: $(VENV)/.installed-test  ## everything but the browser tests
	$(BIN)/python -m pytest -m "not ui"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The browser modules (components/js): esbuild bundles each component's module into components/bundles (committed,
# so serving needs no Node); ESLint and `node --test` check them, against fixtures the Python core writes.
NODE_DEPS := node_modules/.package-lock.json

$(NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund

bundle: $(NODE_DEPS) $(VENV)/.installed-app
	$(BIN)/python -m components.layouts
	npm run --silent bundle

js-lint: $(NODE_DEPS)
	npm run --silent lint

js-test: $(NODE_DEPS) $(VENV)/.installed-app
	$(BIN)/python tests/js/make_fixtures.py build/js-fixtures
	npm run --silent test

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run_all.py

.PHONY: bench-classroom
bench-classroom: $(VENV)/.installed-test  ## issue 11: a class of 40 on one server (BENCHMARKS.md); ARGS="--model mlp --json"
	$(BIN)/python bench/classroom.py $(ARGS)

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
