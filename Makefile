# newsdesk: `make demo` sets up, ingests the sample pages and serves them; `make test` runs the tests.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_DB ?= demo.db

.PHONY: install install-browser bench-install embeddings-install demo test clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

demo: install
	NEWSDESK_DB=$(DEMO_DB) $(BIN)/newsdesk ingest samples/
	NEWSDESK_DB=$(DEMO_DB) $(BIN)/newsdesk serve --host $(HOST) --port $(PORT)

# Debian's chromium and axe-core for the browser tests (Playwright cannot download a browser here).
# Best effort: without them those tests skip and say why.
install-browser:
	@test -x /usr/bin/chromium || (command -v apt-get >/dev/null && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) ) || echo "chromium not installed: browser tests will skip"
	@test -f tools/browser/node_modules/axe-core/axe.min.js || (command -v npm >/dev/null && npm ci --prefix tools/browser --silent --no-audit --no-fund) || echo "axe-core not installed: accessibility checks will skip"

bench-install: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	@command -v w3m >/dev/null || (command -v apt-get >/dev/null && (apt-get update -qq && apt-get install -y -qq w3m >/dev/null) ) || echo "w3m not installed: bench/textpages.py cannot build its textmode text"

# MiniLM and scikit-learn, only for bench/similar.py (about 1 GB with torch's CPU build).
embeddings-install: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-embeddings.txt

# Two test processes: the suite is CPU-bound (spaCy) and the machines it runs on have two cores.
test: install install-browser
	$(BIN)/python -m pytest -q -n 2

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock .pytest_cache
