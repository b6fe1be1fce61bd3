# USDataBiz console: `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_ROWS ?= 1000000
BENCH_CPU_ROWS ?= 100000
BENCH_LEADS ?= 100000
BENCH_REPLIES ?= 300
BENCH_RESOLVE_ROWS ?= 1000000
BENCH_CLASSIFY_REPEAT ?= 20
BENCH_RESOLVE_QUALITY_ROWS ?= 20000
BENCH_CONVERSATIONS ?= 100000
BENCH_MESSAGES ?= 300000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/usdatabiz_bench

.DEFAULT_GOAL := help

# The console defaults to production (debug off, HTTPS only, SECRET_KEY required; README "Deploying"). The local
# targets run a development console over plain HTTP instead; a variable already set in the environment wins.
LOCAL_TARGETS := migrate demo-data demo run worker check
$(LOCAL_TARGETS): export DEBUG ?= 1
$(LOCAL_TARGETS): export SECURE_SSL_REDIRECT ?= 0
$(LOCAL_TARGETS): export SESSION_COOKIE_SECURE ?= 0
$(LOCAL_TARGETS): export CSRF_COOKIE_SECURE ?= 0
$(LOCAL_TARGETS): export SECURE_HSTS_SECONDS ?= 0
.PHONY: help install migrate demo demo-data run worker test test-fast lint format check bench bench-ingest bench-ingest-cpu bench-resolve bench-outreach bench-send bench-classify bench-inbox clean

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
	$(PY) manage.py demo_setup --url http://$(HOST):$(PORT)/

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
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
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

bench-ingest-cpu: install ## Worker CPU of stage 2's Python path per phase (read, normalize, link, encode), no database (BENCH_CPU_ROWS rows)
	$(PY) bench/ingest_cpu.py --rows $(BENCH_CPU_ROWS)

bench-resolve: install ## Benchmark stage 3: quality on the standard and the harder corrupted list and FEBRL 1-3, speed on 2 workers (BENCH_RESOLVE_ROWS rows)
	$(PIP) install --quiet -e '.[bench]'
	$(PY) bench/bench_resolve.py --quality-rows $(BENCH_RESOLVE_QUALITY_ROWS) --hard --moved 0.1 --geco $(BENCH_RESOLVE_QUALITY_ROWS) --rows $(BENCH_RESOLVE_ROWS) --workers 2 --database-url $(BENCH_DATABASE_URL)

bench-classify: install ## Benchmark stage 9 on the labelled reply corpus: per-class precision/recall, opt-out recall, latency
	$(PY) bench/bench_classify.py --repeat $(BENCH_CLASSIFY_REPEAT)

.PHONY: bench-classify-typing
bench-classify-typing: install ## Stage 9's opt-out decision on the corpus typed without apostrophes, without sentence marks, in capitals
	$(PY) bench/bench_classify_typing.py --part dev

.PHONY: bench-extract
bench-extract: install ## Score what stage 9-10 take out of replies (e-mail, phone, extension, name, callback) on inbox/corpus/extract.csv
	DEBUG=1 $(PY) bench/bench_extract.py inbox/corpus/extract.csv

bench-outreach: install ## Benchmark stages 6-11: block of 2,000 from BENCH_LEADS leads, sending it, BENCH_REPLIES replies
	$(PY) bench/bench_outreach.py --leads $(BENCH_LEADS) --replies $(BENCH_REPLIES) --database-url $(BENCH_DATABASE_URL)

BENCH_SEND_RUNS ?= 2
bench-send: install ## Benchmark stage 7 alone: a block of 2,000 through the sandbox, statements, commits and CPU per text (BENCH_SEND_RUNS runs)
	$(PY) bench/bench_send.py --runs $(BENCH_SEND_RUNS) --database-url $(BENCH_DATABASE_URL)

BENCH_WEBHOOK_DELIVERIES ?= 5000
BENCH_WEBHOOK_INGEST_ROWS ?= 200000
.PHONY: bench-webhook
bench-webhook: install ## Benchmark the signed webhook on gunicorn (2 workers) vs a no-op, and webhook-to-draft during a bulk ingest
	$(PY) bench/bench_webhook.py --deliveries $(BENCH_WEBHOOK_DELIVERIES) --ingest-rows $(BENCH_WEBHOOK_INGEST_ROWS) --database-url $(BENCH_DATABASE_URL)
bench-inbox: install ## Benchmark the conversation workspace: list and thread server time and queries (BENCH_CONVERSATIONS, BENCH_MESSAGES)
	$(PY) bench/bench_inbox.py --conversations $(BENCH_CONVERSATIONS) --messages $(BENCH_MESSAGES) --database-url $(BENCH_DATABASE_URL)

clean: ## Remove the virtualenv, SQLite database, media and collected static files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media staticfiles
