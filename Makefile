# The quick start: `make demo` and `make test`, on a machine with only Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
REGIONS := plugins/limburg plugins/zuid_oost_vlaanderen plugins/leuven
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest docs bench clean install

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Everything, in one pip call: the core with its extras, the three regions and the test package.
$(STAMP): $(PY) pyproject.toml $(wildcard plugins/*/pyproject.toml)
	$(PY) -m pip install --quiet -e '.[test]' $(foreach r,$(wildcard $(REGIONS)),-e $(r))
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/streekbeleid demo

lint: $(STAMP)
	$(BIN)/ruff check src tests plugins benchmarks
	$(BIN)/ruff format --check src tests plugins benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis
