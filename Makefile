# Two commands: `make run` (chat page on http://127.0.0.1:7860) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export GRADIO_ANALYTICS_ENABLED := False
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test index install install-test chromium clean eval

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

test: install-test chromium
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's chromium (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver) \
		|| echo "chromium could not be installed: the browser tests will be skipped"

# Regenerates eval/report.md: the gold set, ablations and the external benchmarks (XQuAD, UIT) from ../shared/data.
eval: install
	$(BIN)/dtiqa eval-report

clean:
	rm -rf index/v-* index/CURRENT index/.tmp-* index/eval-* index/xquad-* index/uit-* tests/artifacts
