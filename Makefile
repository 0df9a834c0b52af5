# The station's two set-up commands are `make run` and `make test`; both set up what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint unit bench package screenshots i18n-update i18n-check setup clean

run: setup
	$(BIN)/python scripts/demo.py

test: setup-test lint unit

unit: setup-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup-test
	$(BIN)/ruff check station central installer tests bench scripts
	$(BIN)/ruff format --check station central installer tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

# The one-folder bundle (dist/station) and its Debian package (dist/station_*.deb).
package: setup-test
	$(BIN)/python -m installer.build
	$(BIN)/python -m installer.build_deb

bench: setup-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

screenshots: setup-test
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python scripts/screenshots.py zh_CN
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python scripts/screenshots.py en
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python scripts/review_screenshots.py zh_CN
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python scripts/setup_screenshots.py zh_CN
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python scripts/setup_screenshots.py en
	$(BIN)/python scripts/label_previews.py

i18n-update: setup
	$(BIN)/python scripts/i18n.py update

i18n-check: setup
	$(BIN)/python scripts/i18n.py check

setup: system-deps-run $(STAMP) $(QM)
setup-test: system-deps-test $(STAMP) $(QM)

system-deps-run:
	@scripts/system-deps.sh run
system-deps-test:
	@scripts/system-deps.sh test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache resources/i18n/*.qm
