# Two commands on a fresh machine: `make chat` and `make test` (see README).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.reviewqa-installed
HOST ?= 127.0.0.1
PORT ?= 7860

.PHONY: setup chat test test-fast lint build eval bench browser clean

$(PY):
	python3 -m venv $(VENV)

# torch is installed first and pinned: that CPU build lies on these machines' disk,
# while an unpinned torch would pull a multi-GB CUDA build.
$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## Start the chat UI on http://$(HOST):$(PORT), building the model and index first if missing.
chat: setup
	$(VENV)/bin/reviewqa chat --host $(HOST) --port $(PORT)

## Debian's Chromium for the end-to-end UI test (a fresh machine has none).
browser:
	@{ command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk"; } || { \
	  echo "Installing Debian's chromium and CJK fonts for the browser test…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

## The whole test suite: unit tests, the real model and index, the evaluation gate, the browser.
test: setup browser
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

test-fast: setup
	$(PY) -m pytest -m "not slow and not browser"

lint: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

build: setup
	$(VENV)/bin/reviewqa build

eval: setup
	$(VENV)/bin/reviewqa eval --split test

bench: setup
	$(VENV)/bin/reviewqa bench

clean:
	rm -rf .pytest_cache .ruff_cache *.egg-info
