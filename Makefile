# Set-up is part of every target: a fresh machine needs only python3 (with venv) and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test dictionary clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

site: $(STAMP)  ## check data/ and build the sample site into site/
	$(BIN)/progress-site build --strict --site-dir site

serve: $(STAMP)  ## preview with live reload (also when a file in data/ changes)
	$(BIN)/progress-site serve

test: $(STAMP)  ## run every test
	$(BIN)/python -m pytest -n 2

dictionary: $(STAMP)  ## regenerate data/DICTIONARY.md from the schema
	$(BIN)/progress-site dictionary > data/DICTIONARY.md

clean:
	rm -rf site $(VENV)
