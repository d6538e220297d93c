# Two commands: `make run` (chat page on http://127.0.0.1:7860) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export GRADIO_ANALYTICS_ENABLED := False
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test index install install-test clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

index: install
	$(BIN)/dtiqa index

run: install
	$(BIN)/dtiqa index
	$(BIN)/python app.py

test: install-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf index/v-* index/CURRENT index/.tmp-* tests/artifacts
