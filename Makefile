# Two entry points, both self-installing: `make run [FILE=draft.md]` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FILE ?= samples/brouillon-fr.md

.PHONY: run test bench extension clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tonelint check $(FILE) $(ARGS); status=$$?; [ $$status -le 1 ] || exit $$status

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/throughput.py

extension:
	$(PYTHON) extension/build.py

clean:
	rm -rf $(VENV) build *.egg-info
