# Two commands on a fresh machine: `make demo` (load the seeds, run a pack, draw a view)
# and `make test` (`make lint`, then the whole suite against the real embedded store).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo lint test test-deps bench clean console-bundle

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,lint]'
	touch $@

install: $(STAMP)

demo: install
	$(BIN)/kg load seeds/
	$(BIN)/kg query obtainable-before-controls
	$(BIN)/kg view neighborhood --param id=deepseek -o out/deepseek.html
	@echo "Open out/deepseek.html in a browser; for a console on the graph: $(BIN)/kg serve"

test-deps: install
	bash tools/install-test-deps.sh

# ruff and mypy --strict on src/ (settings in pyproject.toml)
lint: install
	$(BIN)/ruff check src
	$(BIN)/ruff format --check src
	$(BIN)/mypy

test: test-deps lint
	$(BIN)/python -m pytest

# The console's JavaScript and CSS (`kg serve`): rebuilt from web/ with esbuild into the package
# (src/kg/console/static/, committed: users need no node), with every bundled licence checked;
# and vis-network's standalone build for `kg view` (src/kg/views/static/).
console-bundle:
	cd web && npm ci --no-audit --no-fund --silent && node build.mjs

bench: install
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .kg out
