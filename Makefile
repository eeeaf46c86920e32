# Entity Reader. Two commands set everything up on a fresh machine with Python >= 3.11 and make:
#   make run   - create .venv, install, open the app on the sample article
#   make test  - create .venv, install with test extras, lint, run the whole suite headless
# Both are idempotent: with .venv up to date they go straight to work.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test
PYTEST_ARGS ?=
FUZZ_CASES ?= 3000

.PHONY: run test lint bench bench-smoke fuzz dist installed-app clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(RUNTIME_STAMP)

run: $(RUNTIME_STAMP)
	$(BIN)/entity-reader

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(RUNTIME_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/perf.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/library.py

bench-smoke: $(RUNTIME_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/perf.py --smoke
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/library.py --smoke

# Property tests with a x10 hypothesis budget, then FUZZ_CASES mutated files through the loaders.
fuzz: $(TEST_STAMP)
	ENTITY_READER_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/property tests/fuzz $(PYTEST_ARGS)
	$(BIN)/python bench/fuzz_loaders.py --cases $(FUZZ_CASES)

# The sdist and the wheel built from it, in dist/ (what a user's pip or pipx installs).
dist: | $(BIN)/python
	$(BIN)/python -m pip install --quiet build
	$(BIN)/python -m build --outdir dist .

# The app as a user installs it: wheel, fresh venv, annotate, the GUI under Xvfb, desktop files.
installed-app:
	bash .ci/installed_app

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist *.egg-info
