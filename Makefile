# Two commands for a fresh machine: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 5006

.PHONY: screenshots serve serve-class test test-fast lint deploy-lint bench clean bundle js-lint js-test

serve: $(VENV)/.installed-app
	PANEL=$(BIN)/panel deploy/serve.sh --port $(PORT)

# A class server on this machine: R replicas (default: one a core) behind nginx (deploy/serve-replicas.sh).
serve-class: $(VENV)/.installed-app
	$(if $(R),R=$(R)) PORT=$(or $(NGINX_PORT),8080) PANEL=$(BIN)/panel deploy/serve-replicas.sh

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory js-lint js-test deploy-lint
	$(BIN)/python -m pytest -m "not solo" -n 2 --dist worksteal  # a worker a core, each with its own server
	$(BIN)/python -m pytest -m solo  # they time frames, CPU or sessions: the machine to themselves

screenshots: $(VENV)/.installed-test  ## the README's pictures, from the app as it is
	SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/ui/test_screenshots.py

# The deployment files, offline: the Kubernetes manifests against Kubernetes' schemas, the Compose file against the
# Compose spec, the Dockerfile by hadolint, the shell scripts by sh -n (tests/deploy checks what they say).
deploy-lint: $(VENV)/.installed-test
	$(BIN)/kubernetes-validate --strict --quiet deploy/k8s/*.yaml
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec deploy/compose.yaml
	$(BIN)/hadolint Dockerfile
	for script in deploy/*.sh deploy/nginx/*.sh .ci/run; do sh -n $$script || exit 1; done

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
	$(BIN)/python -m softmax_explorer.components.layouts
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
