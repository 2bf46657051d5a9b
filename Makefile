# The quick start: `make demo` and `make test`, on a machine with only Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# Every region package under plugins/ (a scaffolded one too).
REGIONS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
STAMP := $(VENV)/.installed-test
DEMO_STAMP := $(VENV)/.installed-demo

.PHONY: demo test lint typecheck pytest docs bench clean install fuzz translations

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The core and every region package, editable, in one pip call.
$(DEMO_STAMP): $(PY) pyproject.toml $(wildcard plugins/*/pyproject.toml)
	$(PY) -m pip install --quiet -e . $(foreach r,$(REGIONS),-e $(r))
	touch $@

# The same with the test tools (pytest, hypothesis, linters, the docs builder, the browser driver).
$(STAMP): $(DEMO_STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/streekbeleid demo

lint: $(STAMP)
	$(BIN)/ruff check src tests plugins benchmarks
	$(BIN)/ruff format --check src tests plugins benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest docs

# Property-based fuzzing of where input enters (data files, native JSON, workflow payloads), longer than
# the bounded run of `make test`; a crash it finds becomes a regression test (docs/promises.md).
FUZZ_EXAMPLES ?= 20000
fuzz: $(STAMP)
	STREEKBELEID_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/promises/test_fuzz.py -p no:cacheprovider -q

# The documentation site: warnings are errors, every page checked (its examples run in `pytest`).
docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs build/docs

# The benchmarks compare with pydantic (bench extra) and write JSON with orjson when it is there; bench_shared.py
# starts its own PostgreSQL (Debian's postgresql package) and Oxigraph server (bench extra); bench_scaling.py
# asks igraph and rustworkx the same question as members on a date (bench extra).
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/run.py
	$(PY) benchmarks/bench_workflows.py
	$(PY) benchmarks/bench_json.py
	$(PY) benchmarks/bench_shared.py
	$(PY) benchmarks/bench_scaling.py

# The Dutch catalogue: extract the texts marked in the source, update the catalogue, compile it.  New texts
# arrive untranslated: fill them in the .po file and run this again (a test fails until every one is done).
LOCALE := src/streekbeleid/locale
BABEL_KEYWORDS := --no-default-keywords -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2
translations: $(STAMP)
	mkdir -p build
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output --omit-header \
		-o build/streekbeleid.pot .
	$(BIN)/pybabel update -i build/streekbeleid.pot -d $(LOCALE) -D streekbeleid --ignore-obsolete
	$(BIN)/pybabel compile -d $(LOCALE) -D streekbeleid --statistics

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis
