# Two commands set up a fresh machine:
#   make site   build site/ from the shipped content/
#   make test   install what the tests need (Debian's Chromium included) and run the whole suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: site test test-deps benchmark clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

$(VENV)/.bench-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $@

site: $(VENV)/.installed
	$(PY) build.py

test-deps: $(VENV)/.test-installed
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/java ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless; }
	@if [ -f package.json ]; then [ -d node_modules ] && [ package-lock.json -ot node_modules ] || npm ci --ignore-scripts --no-audit --no-fund --silent; fi

test: test-deps
	$(PY) -m pytest -n 2 -q

benchmark: $(VENV)/.bench-installed
	$(PY) -m benchmarks

clean:
	rm -rf site $(VENV) node_modules .pytest_cache
