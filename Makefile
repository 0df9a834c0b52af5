# The station's two set-up commands are `make run` and `make test`; both set up what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
# The virtual environment is made anew whenever the project or the lock changes, so it holds
# exactly the locked set (installing over an old one would keep packages the lock dropped).
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --extra dev --universal --generate-hashes \
	--fork-strategy fewest --python-version 3.11 --constraints lock-constraints.txt \
	--custom-compile-command "make lock" --quiet
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint unit bench package lock upgrade-check screenshots i18n-update i18n-check \
	setup setup-test system-deps-run system-deps-test clean

run: setup
	$(BIN)/python scripts/demo.py

test: setup-test lint unit

# One worker process per core; a test file stays in one worker, in its order, with its fixtures.
unit: setup-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

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
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python scripts/screenshots.py zh_CN
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python scripts/screenshots.py en
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

# Every package from the lock, each checked against its hash; then the project itself, built
# with the locked setuptools; then a check that the environment equals the lock. The stamp's
# name is the checksum of both files, so only a change of their content (not a touch) rebuilds.
$(STAMP):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps --only-binary=:all: -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m installer.lockfile check
	@touch $@

# The newest versions pyproject.toml allows, written to the lock (review the diff, run make test).
lock: setup-test
	$(UV_COMPILE) --upgrade -o $(LOCK)

# The same refresh in a scratch clone with its own virtual environment, and the whole suite run
# there; the lock here is left alone. The refreshed lock stays in build/upgrade-check/.
upgrade-check: setup-test
	UV_COMPILE='$(UV_COMPILE)' scripts/upgrade-check.sh build/upgrade-check

resources/i18n/%.qm: resources/i18n/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache resources/i18n/*.qm
