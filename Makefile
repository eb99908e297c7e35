# Set-up is part of every target: a fresh machine needs only python3 (with venv) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test browser screenshots bench workflows dictionary clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

site: $(STAMP)  ## check data/ and build the sample site into site/
	$(BIN)/progress-site build --strict --site-dir site

serve: $(STAMP)  ## preview with live reload (also when a file in data/ changes)
	$(BIN)/progress-site serve

test: $(STAMP) browser  ## run every test
	$(BIN)/python -m pytest -n 2

# The browser tests drive Debian's Chromium (never a downloaded browser) and need CJK fonts.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk fontconfig; \
	fi

screenshots: $(STAMP) browser  ## refresh screenshots/ and the README's picture
	UPDATE_README_SCREENSHOT=1 $(BIN)/python -m pytest tests/browser tests/test_bulletin.py -k "screenshots or district_screenshot or picture or reading_aids"

bench: $(STAMP) browser  ## benchmarks at 200, 1,000 and 5,000 projects (minutes; prints a table)
	$(BIN)/python benchmarks/run.py

workflows: $(STAMP)  ## regenerate this repository's CI files from generator/ci/
	$(BIN)/python -c "from generator.starter.workflows import *; \
	open('.github/workflows/publish.yml', 'w').write(github_workflow(**REPOSITORY['github'])); \
	open('.gitlab-ci.yml', 'w').write(gitlab_ci(**REPOSITORY['gitlab']))"

dictionary: $(STAMP)  ## regenerate data/DICTIONARY.md from the schema
	$(BIN)/progress-site dictionary > data/DICTIONARY.md

clean:
	rm -rf site $(VENV)
