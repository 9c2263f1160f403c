# essdiag — the two commands a newcomer needs: `make run` and `make test`.
# Both create .venv and install what is missing (pinned by constraints.txt) first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
AXE    := tests/browser/node_modules/axe-core/axe.min.js
PORT   ?= 8501
# A shared deployment opts in to another address, e.g. `make run ADDRESS=0.0.0.0`.
ADDRESS ?= 127.0.0.1
# Nothing is written beside the code: no __pycache__ from any target (issue #10).
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint typecheck unit bench fuzz i18n constraints clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $(STAMP)

$(AXE): tests/browser/package.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: browser accessibility tests will be skipped (CI installs it)"; fi

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n 2 -q

test: $(STAMP) $(AXE) lint typecheck
	$(BIN)/pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# The fuzz suite's long profile: thousands of inputs through every reader and every uploader
# (`make test` runs the short one). ESSDIAG_FUZZ_EXAMPLES sets the inputs per reader and
# strategy; the counts are printed at the end and the failing inputs kept under
# /tmp/essdiag-fuzz-found (see tests/fuzz/harness.py).
fuzz: $(STAMP)
	ESSDIAG_FUZZ_PROFILE=long $(BIN)/pytest -q -p no:cacheprovider tests/fuzz tests/app/test_uploads.py

# Extract the French messages to the template and list those with no English translation
# yet: add them to essdiag/i18n/locales/en/LC_MESSAGES/<domain>.po.
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k _ -o essdiag/i18n/messages.pot --no-location --omit-header --sort-output .
	$(BIN)/python -m essdiag.i18n.missing

# Re-pin constraints.txt from a fresh resolution (review the diff before committing).
constraints:
	rm -rf /tmp/essdiag-constraints && $(PYTHON) -m venv /tmp/essdiag-constraints
	/tmp/essdiag-constraints/bin/pip install --quiet ".[dev]"
	/tmp/essdiag-constraints/bin/pip freeze --exclude-editable | grep -v '^essdiag' > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
