# Set-up is part of every target: a fresh machine needs only python3 (with venv) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTED := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1
# Python's own default: the package's modules compiled once (an environment that turns this off has every
# process, each build and each test's, compile them again).
unexport PYTHONDONTWRITEBYTECODE
# Debian's packages are installed as root, or through sudo.
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve test fonts browser screenshots bench dist wheelhouse workflows dictionary clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TESTED): $(STAMP)
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

site: $(STAMP) fonts  ## check data/ and build the sample site into site/
	$(BIN)/progress-site build --strict --site-dir site

serve: $(STAMP) fonts  ## preview with live reload (also when a file in data/ changes)
	$(BIN)/progress-site serve

test: $(TESTED) fonts browser  ## run every test
	$(BIN)/python -m pytest -n 2 --dist worksteal

# The bulletin's PDF is set in a Chinese font: Debian's Noto CJK when the tool finds none.
fonts: $(STAMP)
	@$(BIN)/python -c "from generator.bulletin.typeset import find_fonts; find_fonts()" 2>/dev/null || { \
	  if command -v apt-get >/dev/null; then \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends fonts-noto-cjk; \
	  else \
	    echo "No Chinese font for the bulletin PDF: install Noto Sans/Serif CJK, or name a font folder in bulletin.fonts" >&2; \
	  fi; }

# The browser tests drive Debian's Chromium (never a downloaded browser).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; \
	fi

screenshots: $(TESTED) fonts browser  ## every page kind at 1280 and 375 px into screenshots/pages/, and the README's pictures
	UPDATE_README_SCREENSHOT=1 $(BIN)/python -m pytest tests/browser tests/test_bulletin.py -k "screenshots or district_screenshot or picture or reading_aids"
	$(BIN)/python -m tests.screenshots screenshots/pages

bench: $(TESTED) fonts browser  ## benchmarks at 200, 1,000 and 5,000 projects, then at the default limits (half an hour; prints tables)
	$(BIN)/pip install --quiet -e ".[test,bench]"
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/limits.py
	$(BIN)/python benchmarks/boundary.py
	$(BIN)/python benchmarks/formats.py
	$(BIN)/python benchmarks/places.py

dist: $(TESTED)  ## the sdist and the wheel, into dist/
	$(BIN)/python -m build --no-isolation --outdir dist .

# For a machine without internet: make wheelhouse PLATFORM=windows PYTHON_VERSION=3.11 (default: this machine).
wheelhouse: $(STAMP)  ## every wheel the tool needs, into wheelhouse/
	$(BIN)/progress-site wheelhouse wheelhouse $(if $(PLATFORM),--platform $(PLATFORM)) $(if $(PYTHON_VERSION),--python $(PYTHON_VERSION))

workflows: $(STAMP)  ## regenerate this repository's CI files from generator/starter/ci/
	$(BIN)/python -c "from generator.starter.workflows import *; \
	open('.github/workflows/publish.yml', 'w', encoding='utf-8').write(github_workflow(**REPOSITORY['github'])); \
	open('.gitlab-ci.yml', 'w', encoding='utf-8').write(gitlab_ci(**REPOSITORY['gitlab']))"

dictionary: $(STAMP)  ## regenerate data/DICTIONARY.md (and .en.md) from the schema
	$(BIN)/progress-site dictionary > data/DICTIONARY.md
	$(BIN)/progress-site dictionary --language en > data/DICTIONARY.en.md

clean:
	rm -rf site dist wheelhouse build $(VENV)
