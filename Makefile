# USDataBiz console: `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_ROWS ?= 1000000
BENCH_LEADS ?= 100000
BENCH_REPLIES ?= 300
BENCH_RESOLVE_ROWS ?= 1000000
BENCH_CONVERSATIONS ?= 100000
BENCH_MESSAGES ?= 300000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/usdatabiz_bench

.DEFAULT_GOAL := help
.PHONY: help install migrate demo demo-data run worker test test-fast lint format check bench bench-ingest bench-resolve bench-outreach clean

help: ## List every target
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install pinned dependencies

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_schedules

demo-data: migrate ## Create the demo team and user, ingest the bundled sample list
	$(PY) manage.py demo_setup

demo: demo-data ## Set up everything and serve the console with the realtime and bulk clusters on $(HOST):$(PORT)
	$(PY) manage.py collectstatic --noinput -v0
	@echo "Starting the realtime and bulk qclusters and the web server on http://$(HOST):$(PORT)/ (Ctrl-C stops all)"
	@trap 'kill 0' INT TERM EXIT; \
	  Q_CLUSTER_NAME=realtime $(PY) manage.py qcluster & \
	  Q_CLUSTER_NAME=bulk $(PY) manage.py qcluster & \
	  $(PY) manage.py runserver $(HOST):$(PORT) --noreload

run: install ## Serve the console only (no qcluster)
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: install ## Run both lanes' django-q2 clusters (realtime and bulk) on this host
	@trap 'kill 0' INT TERM EXIT; \
	  Q_CLUSTER_NAME=realtime $(PY) manage.py qcluster & \
	  Q_CLUSTER_NAME=bulk $(PY) manage.py qcluster

test: install ## Run the whole test suite (DATABASE_URL selects the database; SQLite by default)
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -q

test-fast: install ## Run the suite without browser tests
	$(VENV)/bin/pytest -q -m "not browser"

lint: install ## Lint with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install ## Django system checks and migration drift
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

bench: bench-ingest bench-resolve bench-outreach ## Run every benchmark

bench-ingest: install ## Benchmark stages 1-2 on a bulk cluster of 1 then 2 workers vs a raw COPY (BENCH_ROWS rows; BENCH_DATABASE_URL)
	$(PY) bench/bench_ingest.py --rows $(BENCH_ROWS) --database-url $(BENCH_DATABASE_URL)

bench-resolve: install ## Benchmark stage 3: precision/recall/F1 on a labelled list, speed (BENCH_RESOLVE_ROWS rows)
	$(PY) bench/bench_resolve.py --rows $(BENCH_RESOLVE_ROWS) --database-url $(BENCH_DATABASE_URL)

bench-outreach: install ## Benchmark stages 6-11: block of 2,000 from BENCH_LEADS leads, sending it, BENCH_REPLIES replies
	$(PY) bench/bench_outreach.py --leads $(BENCH_LEADS) --replies $(BENCH_REPLIES) --database-url $(BENCH_DATABASE_URL)

bench-inbox: install ## Benchmark the conversation workspace: list and thread server time and queries (BENCH_CONVERSATIONS, BENCH_MESSAGES)
	$(PY) bench/bench_inbox.py --conversations $(BENCH_CONVERSATIONS) --messages $(BENCH_MESSAGES) --database-url $(BENCH_DATABASE_URL)

clean: ## Remove the virtualenv, SQLite database, media and collected static files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media staticfiles
