# The two commands of the README:
#   make lab    set everything up and open the course in JupyterLab
#   make test   set everything up and run every test (unit, notebooks, browser)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.groundup-installed

.PHONY: lab test chromium benchmarks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/groundup lab $(DIR) $(if $(ARGS),-- $(ARGS))

chromium:
	@sh scripts/ensure-chromium

test: $(STAMP) chromium
	$(BIN)/python -m pytest

benchmarks: $(STAMP)
	$(BIN)/python benchmarks/course.py
	$(BIN)/python benchmarks/models.py
	$(BIN)/python benchmarks/anatomy.py
	$(BIN)/python benchmarks/quiz.py
	$(BIN)/python benchmarks/checker.py
	$(BIN)/python benchmarks/grading.py

clean:
	rm -rf $(VENV) artifacts build *.egg-info
