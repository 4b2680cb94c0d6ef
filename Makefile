# SLT-portalen: `make run` serves the portal on http://127.0.0.1:8000, `make test` runs every check and test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
PLAN ?= plans/files/gjesdal-2026-2027.yaml
TEST_WORKERS ?= auto

.PHONY: run test lint venv messages clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py import_plan $(PLAN)
	DJANGO_DEBUG=1 $(PY) manage.py create_meetings
	DJANGO_DEBUG=1 $(PY) manage.py seed_demo_users
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal

# Query counts, page cost and throughput (wrk, installed here if missing) against a bare page, and the
# plan PDF's costs, at 1x and 100x Gjesdal's size; needs PostgreSQL at 127.0.0.1:5432 (BENCH_PG_URL
# overrides). Results: bench/RESULTS.md.
bench: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk)
	$(PY) bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP)
	DJANGO_DEBUG=1 $(PY) manage.py makemessages -l nb -l nn --no-location --ignore '.venv/*' --ignore 'static/*'
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages -l nb -l nn --ignore '.venv/*'

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
